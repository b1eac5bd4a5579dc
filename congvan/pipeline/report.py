"""What a batch tells its user: a progress bar (plain log lines when stderr is not a terminal), the counts per
format, and the final summary table."""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from types import TracebackType

from congvan import PIPELINE_VERSION

COLUMNS = ("files", "ok", "skipped", "failed", "pages", "ocr_pages", "seconds")
LOG_EVERY = 5.0  # seconds between plain progress lines


class Stats:
    """Counts per input format: files, ok, skipped, failed, pages, OCR pages, seconds spent converting."""

    def __init__(self) -> None:
        self.formats: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(COLUMNS, 0))

    def add(self, kind: str, outcome: dict) -> None:
        """Count one document (an outcome from a worker, or a skipped one)."""
        row = self.formats[kind]
        row["files"] += 1
        if not outcome["ok"]:
            row["failed"] += 1
        else:
            row["skipped" if outcome.get("skipped") else "ok"] += 1
            row["pages"] += outcome.get("pages", 0)
            row["ocr_pages"] += outcome.get("ocr_pages", 0)
        row["seconds"] += outcome.get("seconds", 0.0)

    def summary(self, seconds: float, engine: str, jobs: int, failures: list[dict]) -> dict:
        """summary.json: totals ("ok" counts converted and skipped), rows per format, the failures."""
        total = {c: sum(row[c] for row in self.formats.values()) for c in COLUMNS}
        converted = int(total["ok"])
        return {
            "files": int(total["files"]), "ok": converted + int(total["skipped"]), "converted": converted,
            "skipped": int(total["skipped"]), "failed": int(total["failed"]), "pages": int(total["pages"]),
            "ocr_pages": int(total["ocr_pages"]), "seconds": round(seconds, 3),
            "files_per_second": round((converted + total["failed"]) / seconds, 2) if seconds else 0.0,
            "engine": engine, "jobs": jobs, "pipeline_version": PIPELINE_VERSION,
            "formats": {kind: {c: round(v, 3) if c == "seconds" else int(v) for c, v in row.items()}
                        for kind, row in sorted(self.formats.items())},
            "failures": failures,
        }


class Progress:
    """A rich progress bar with files/s, ETA and failures so far; plain lines when stderr is not a terminal."""

    def __init__(self, files: int, todo: int, enabled: bool = True) -> None:
        self.files, self.todo, self.enabled = files, todo, enabled
        self.done = self.failed = 0
        self.start = self.last_log = time.monotonic()
        self.bar = self.task = None

    def __enter__(self) -> Progress:
        if not self.enabled:
            return self
        _log(f"{self.files} files: {self.todo} to convert, {self.files - self.todo} up to date (skipped)")
        if sys.stderr.isatty() and self.todo:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            self.bar = Bar(TextColumn("converting"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("{task.fields[rate]:.1f} files/s"), TextColumn("ETA"), TimeRemainingColumn(),
                           TextColumn("[red]{task.fields[failed]} failed"), console=Console(stderr=True))
            self.bar.start()
            self.task = self.bar.add_task("convert", total=self.todo, rate=0.0, failed=0)
        return self

    def advance(self, ok: bool) -> None:
        """One more document done."""
        self.done += 1
        self.failed += not ok
        if not self.enabled:
            return
        now = time.monotonic()
        rate = self.done / max(now - self.start, 1e-9)
        if self.bar is not None:
            self.bar.update(self.task, advance=1, rate=rate, failed=self.failed)
        elif now - self.last_log >= LOG_EVERY or self.done == self.todo:
            self.last_log = now
            eta = (self.todo - self.done) / rate if rate else 0
            _log(f"{self.done}/{self.todo} converted ({100 * self.done / self.todo:.0f}%), {rate:.1f} files/s, "
                 f"ETA {_clock(eta)}, {self.failed} failed")

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.stop()


def print_summary(summary: dict) -> None:
    """The summary as a table on stderr: one row per format and a total."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"congvan convert: {summary['seconds']:.1f} s, {summary['files_per_second']} files/s, "
                        f"{summary['jobs']} {'workers' if summary['engine'] == 'dask' else 'processes'}",
                  box=box.SIMPLE_HEAD if sys.stderr.isatty() else box.ASCII)
    table.add_column("format")
    for column in ("files", "ok", "skipped", "failed", "pages", "OCR pages", "time (s)"):
        table.add_column(column, justify="right")
    spent = sum(row["seconds"] for row in summary["formats"].values())
    rows = list(summary["formats"].items()) + [("total", {**summary, "ok": summary["converted"], "seconds": spent})]
    for kind, row in rows:
        table.add_row(kind, *(str(row[c]) for c in COLUMNS[:-1]), f"{row['seconds']:.1f}",
                      style="bold" if kind == "total" else None)
    Console(stderr=True, width=max(100, Console(stderr=True).width)).print(table)


def _log(message: str) -> None:
    print(f"congvan: {message}", file=sys.stderr, flush=True)


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
