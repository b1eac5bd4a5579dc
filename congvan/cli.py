"""Command line: `congvan extract FILE`, `congvan convert IN... -o DIR`, `congvan schema`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from congvan import __version__


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
def extract(file: Path) -> None:
    """Print the JSON of one document to standard output."""
    from congvan.pipeline.run import extract_file
    from congvan.readers import ReadError

    try:
        result = extract_file(file)
    except ReadError as exc:
        click.echo(f"error: {file}: {exc}", err=True)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - a clerk gets one line, not a traceback
        click.echo(f"error: {file}: internal error while extracting ({type(exc).__name__}: {exc})", err=True)
        sys.exit(3)
    click.echo(_dump(result))


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the <name>.json files and summary.json.")
@click.option("-j", "--jobs", type=int, default=0, help="Worker processes (default: all cores).")
def convert(inputs: tuple[Path, ...], output: Path, jobs: int) -> None:
    """Convert files and folders; one <name>.json per document, failures listed, never stopping early.

    The exit code is 0 when every file converted, 1 when any failed.
    """
    from congvan.pipeline.batch import run_batch

    summary = run_batch(list(inputs), output, jobs=jobs)
    click.echo(f"{summary['ok']} converted, {summary['failed']} failed -> {output}", err=True)
    for failure in summary["failures"]:
        click.echo(f"failed: {failure['file']}: {failure['error']}", err=True)
    sys.exit(1 if summary["failed"] else 0)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output."""
    from congvan.schemas.models import json_schema

    click.echo(_dump(json_schema()))


if __name__ == "__main__":
    main()
