"""Command line: `congvan extract FILE`, `congvan convert IN... -o DIR`, `congvan schema`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from congvan import __version__
from congvan.pipeline.options import limit_options, limits_from

SHOW_FAILURES = 20


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="congvan")
def main() -> None:
    """Đọc văn bản hành chính (công văn, quyết định, kế hoạch…) và xuất JSON có cấu trúc.

    Reads Vietnamese official documents (.docx, .pdf, .html, .txt, .md) and writes structured JSON:
    header (số/ký hiệu, ngày, cơ quan ban hành, trích yếu…), clause tree and tasks.
    """


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@limit_options
def extract(file: Path, **limit_flags: float) -> None:
    """Print the JSON of one document to standard output (the limits apply; the worker caps do not)."""
    from congvan.pipeline.run import extract_file
    from congvan.readers import ReadError

    os.environ.setdefault("CONGVAN_OCR_THREADS", str(os.cpu_count() or 1))  # one scan: OCR its pages at once
    try:
        result = extract_file(file, limits_from(limit_flags))
    except ReadError as exc:
        click.echo(f"error: {file}: {exc} ({exc.error_class})", err=True)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - a clerk gets one line, not a traceback
        click.echo(f"error: {file}: internal error while extracting ({type(exc).__name__}: {exc})", err=True)
        sys.exit(3)
    click.echo(_dump(result))


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=Path))
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the .json files (the input tree mirrored), failures.jsonl and summary.json.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
              help="Worker processes (default 0: all cores).")
@click.option("--include", multiple=True, metavar="GLOB",
              help="Only files in folders matching GLOB (path or name, case-insensitive); repeatable.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files in folders matching GLOB; repeatable.")
@click.option("--jsonl", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="Also write every document as one line of FILE, in input order ('-': stdout).")
@click.option("--force", is_flag=True, help="Convert everything again, even outputs that are up to date.")
@click.option("--timeout", type=click.FloatRange(min=0), default=120.0, show_default=True,
              help="Seconds one document may take (0: no limit).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Process pool on this machine, or a Dask cluster.")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Dask scheduler to use (implies --engine dask); default: a local cluster of -j workers.")
@limit_options
def convert(inputs: tuple[Path, ...], output: Path, jobs: int, include: tuple[str, ...], exclude: tuple[str, ...],
            jsonl: Path | None, force: bool, timeout: float, engine: str, scheduler: str | None,
            **limit_flags: float) -> None:
    """Convert files, folders (recursively) and lists of paths ('-' reads them from stdin).

    One .json per document, written as each finishes; a re-run skips documents already converted from the
    same content by the same pipeline version, so an interrupted run just continues.
    The exit code is 0 when every file converted, 1 when any failed, 2 when the batch could not run.
    """
    from congvan.pipeline.batch import FAILURES, run_batch
    from congvan.pipeline.engines import EngineError
    from congvan.pipeline.report import print_summary

    try:
        summary = run_batch(list(inputs), output, jobs=jobs, include=include, exclude=exclude, force=force,
                            timeout=timeout, engine="dask" if scheduler else engine, scheduler=scheduler,
                            jsonl=jsonl, progress=True, limits=limits_from(limit_flags))
    except EngineError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    print_summary(summary)
    for failure in summary["failures"][:SHOW_FAILURES]:
        click.echo(f"failed: {failure['file']}: {failure['error']}", err=True)
    if summary["failed"] > SHOW_FAILURES:
        click.echo(f"... and {summary['failed'] - SHOW_FAILURES} more in {output / FAILURES}", err=True)
    click.echo(f"{summary['converted']} converted, {summary['skipped']} up to date, {summary['failed']} failed"
               f" -> {output}", err=True)
    sys.exit(1 if summary["failed"] else 0)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output."""
    from congvan.schemas.models import json_schema

    click.echo(_dump(json_schema()))


def _register_commands() -> None:
    """Commands whose heavy libraries load only when they run (their modules import click alone)."""
    from congvan.exporters.command import export
    from congvan.service.command import serve
    from congvan.service.gold import with_gold
    from congvan.service.manage import db, token

    main.add_command(with_gold(export))
    main.add_command(serve)
    main.add_command(token)
    main.add_command(db)


_register_commands()

if __name__ == "__main__":
    main()
