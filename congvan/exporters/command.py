"""``congvan export FORMAT INPUT... [-o FILE]``: converted JSON files to a task tracker's import file."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any

import click

from congvan.exporters import FORMATS

#: Files a ``congvan convert`` output folder holds besides the documents.
SKIPPED = {"summary.json", "failures.jsonl"}


class InputError(click.ClickException):
    """An input that is not a converted document: one line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {self.message}", err=True)


def collect(inputs: tuple[Path, ...]) -> list[Path]:
    """The .json files named or found (not recursively, by name) in the folders named, each once."""
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.is_file() and p.suffix == ".json" and p.name not in SKIPPED)
        else:
            files.append(path)
    return list(dict.fromkeys(files))


def load(path: Path) -> dict:
    """One converted document; InputError when it cannot be read or is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("document"), dict) or "tasks" not in data:
        raise InputError(f"{path}: not a converted document (no 'document' and 'tasks'; made by congvan convert?)")
    return data


@click.command("export")
@click.argument("format", metavar="FORMAT", type=click.Choice(list(FORMATS)))
@click.argument("inputs", metavar="INPUT...", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="File to write (default: standard output).")
def export(format: str, inputs: tuple[Path, ...], output: Path | None) -> None:
    """Export the tasks of converted documents for a task tracker.

    INPUT is a .json file written by `congvan convert` or `congvan extract`, or a folder of them
    (summary.json and failures.jsonl are skipped). FORMAT is one of:

    \b
      jsonl          one task per line, with its document and a stable uid
      ics            iCalendar VTODOs (Thunderbird, Nextcloud, Tasks.org)
      jira-csv       Jira CSV import; set the wizard's date format to yyyy-MM-dd
      gitlab-csv     GitLab Issues -> Import CSV
      taskwarrior    for `task import FILE` (re-importing updates, never duplicates)
      register-csv   Sổ theo dõi giải quyết văn bản đến, CSV for Excel (UTF-8 with BOM)
      register-xlsx  the same register as an Excel workbook (needs -o FILE on a terminal)
    """
    files = collect(inputs)
    if not files:
        raise InputError("no .json documents in " + ", ".join(map(str, inputs)))
    data = FORMATS[format].export([load(path) for path in files])
    if output is None:
        if format == "register-xlsx" and sys.stdout.isatty():
            raise InputError("register-xlsx is binary: write it to a file with -o FILE")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise InputError(f"{output}: cannot write ({exc.strerror or exc})") from exc
    click.echo(f"{len(files)} document(s) -> {output} ({format})", err=True)
