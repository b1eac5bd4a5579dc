"""``congvan export FORMAT INPUT... [-o FILE]``: converted JSON files to a task tracker's import file."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any

import click

from congvan.exporters import FORMATS
from congvan.exporters.packets import FORMATS as PACKET_FORMATS

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
@click.argument("format", metavar="FORMAT", type=click.Choice([*FORMATS, *PACKET_FORMATS]))
@click.argument("inputs", metavar="INPUT...", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(writable=True, path_type=Path),
              help="File to write (default: standard output); for edxml and edxml-status, the folder.")
@click.option("--orgs", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="edxml, edxml-status: CSV of agencies (name,id) giving OrganIds (mã định danh).")
@click.option("--originals", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="edxml: folder where the original files are, when source.path does not reach them.")
@click.option("--from", "replier", metavar="NAME", help="edxml-status: the replying agency (looked up in --orgs).")
@click.option("--tasks", "task_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="edxml-status: saved answer of the service's GET /v1/tasks, for each task's state.")
def export(format: str, inputs: tuple[Path, ...], output: Path | None, orgs: Path | None,
           originals: tuple[Path, ...], replier: str | None, task_file: Path | None) -> None:
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
      edxml          one edXML packet (QCVN 102:2016) per document with its original file (-o DIR)
      edxml-status   one edXML status packet per document from its tasks' states (-o DIR)
    """
    files = collect(inputs)
    if not files:
        raise InputError("no .json documents in " + ", ".join(map(str, inputs)))
    if format in PACKET_FORMATS:
        _write_packets(format, files, output, orgs, originals, replier, task_file)
        return
    if output is not None and output.is_dir():
        raise InputError(f"{output} is a folder: {format} writes one file (-o FILE)")
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


def _write_packets(format: str, files: list[Path], output: Path | None, orgs: Path | None,
                   originals: tuple[Path, ...], replier: str | None, task_file: Path | None) -> None:
    """edxml / edxml-status: one packet per document into the -o folder; exit 1 when any document failed."""
    from congvan.exporters import orgs as registry
    from congvan.exporters import packets

    if output is None or output.is_file():
        raise InputError(f"{format} writes one packet per document: give a folder with -o DIR")
    try:
        found = registry.load(orgs) if orgs else None
        rows = packets.load_task_rows(task_file) if task_file else None
    except (registry.RegistryError, ValueError, OSError) as exc:
        raise InputError(str(exc)) from exc
    report = packets.write(format, [(path, load(path)) for path in files], output, found, originals, replier, rows)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for failure in report.failed:
        click.echo(f"failed: {failure}", err=True)
    click.echo(f"{len(report.written)} packet(s) -> {output} ({format})", err=True)
    if report.failed:
        sys.exit(1)
