"""Batch conversion: many files through the per-document pipeline, resumable, failures recorded, never stopping.

Per output folder: one JSON per document (the input tree mirrored, see inputs.py), failures.jsonl (one failure
per line: file, stage, error_class, error; the class is too_large, encrypted, unreadable, unsupported, timeout,
or internal for a bug of congvan) and summary.json. Outputs are written atomically as they finish, so a run
killed at any moment loses nothing finished; a re-run skips documents whose output already has the same source
path, content sha256 and pipeline version (source.pipeline_version, added here before writing).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TextIO

from congvan import PIPELINE_VERSION
from congvan.pipeline import engines
from congvan.pipeline.inputs import Item, collect
from congvan.pipeline.outcome import FAILURE_KEYS, ocr_pages
from congvan.pipeline.report import Progress, Stats
from congvan.readers.limits import MAX_PAGES, Limits

__all__ = ["collect", "output_name", "run_batch"]

FAILURES = "failures.jsonl"
SUMMARY = "summary.json"


def output_name(path: Path, batch: list[Path]) -> str:
    """<stem>, or <stem>.<ext> when another file of the batch has the same stem (a.docx and a.pdf).

    The flat naming of a single folder (samples/expected/ uses it); batches name files with inputs.output_names.
    """
    clash = sum(1 for other in batch if other.stem == path.stem) > 1
    return f"{path.stem}.{path.suffix.lstrip('.')}" if clash else path.stem


def run_batch(inputs: Sequence[str | Path], output: Path, jobs: int = 0, *, include: Sequence[str] = (),
              exclude: Sequence[str] = (), stdin: TextIO | None = None, force: bool = False,
              timeout: float = 120.0, max_pages: int = MAX_PAGES, engine: str = "local",
              scheduler: str | None = None, jsonl: Path | None = None, progress: bool = False,
              limits: Limits | None = None) -> dict:
    """Convert every input into output/; write failures.jsonl and summary.json; return the summary.

    limits: the pre-flight limits and worker caps (default Limits(max_pages=max_pages))."""
    started = time.perf_counter()
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    items = collect(inputs, include, exclude, stdin)
    jobs = jobs or default_jobs()
    stats = Stats()
    todo = _plan(items, output, stats, force, jobs)
    caps = (limits or Limits(max_pages=max_pages)).to_dict()
    tasks = [{"path": items[i].path, "limits": caps, "timeout": timeout, "cwd": os.getcwd()} for i in todo]
    failed: dict[int, dict] = {}
    with _ocr_threads(max(1, jobs // max(1, len(todo)))), open(output / FAILURES, "w", encoding="utf-8") as log, \
            Progress(len(items), len(todo), progress) as bar, \
            closing(engines.run(engine, tasks, jobs, scheduler)) as outcomes:
        for n, outcome in outcomes:
            item = items[todo[n]]
            if outcome["ok"]:
                _write(output / item.out, outcome["payload"])
            else:
                (output / item.out).unlink(missing_ok=True)  # a stale output of an earlier version of the file
                failed[todo[n]] = record = {k: outcome[k] for k in FAILURE_KEYS}
                log.write(json.dumps(record, ensure_ascii=False) + "\n")
                log.flush()
            stats.add(item.kind, outcome)
            bar.advance(outcome["ok"])
    failures = [failed[i] for i in sorted(failed)]
    _write(output / FAILURES, "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in failures).encode("utf-8"))
    if jsonl is not None:
        _write_jsonl(jsonl, output, [item for i, item in enumerate(items) if i not in failed])
    summary = stats.summary(time.perf_counter() - started, engine=engine, jobs=jobs, failures=failures)
    _write(output / SUMMARY, json.dumps(summary, ensure_ascii=False, indent=2).encode("utf-8"))
    return summary


@contextmanager
def _ocr_threads(threads: int) -> Iterator[None]:
    """Fewer documents than workers: the spare cores OCR pages of the same scan (workers inherit the setting;
    one the user set wins)."""
    if "CONGVAN_OCR_THREADS" in os.environ:
        yield
        return
    os.environ["CONGVAN_OCR_THREADS"] = str(threads)
    try:
        yield
    finally:
        del os.environ["CONGVAN_OCR_THREADS"]


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _plan(items: list[Item], output: Path, stats: Stats, force: bool, jobs: int) -> list[int]:
    """Indexes of the items to convert; the others (up to date) are counted as skipped."""
    if force:
        return list(range(len(items)))
    with ThreadPoolExecutor(max(1, min(jobs, 8))) as pool:
        done = list(pool.map(lambda item: _up_to_date(item, output), items))
    for item, source in zip(items, done, strict=True):
        if source is not None:
            stats.add(item.kind, {"ok": True, "skipped": True, **source})
    return [i for i, source in enumerate(done) if source is None]


def _up_to_date(item: Item, output: Path) -> dict | None:
    """The existing output's source (pages, ocr) when it was made from this file by this pipeline version."""
    try:
        source = json.loads((output / item.out).read_bytes())["source"]
        if source.get("pipeline_version") != PIPELINE_VERSION or source.get("path") != item.path:
            return None
        if source.get("sha256") != sha256(item.path):
            return None
        return {"pages": source.get("pages", 0), "ocr_pages": ocr_pages(source)}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def sha256(path: str) -> str:
    """Hex SHA-256 of a file's content, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _write(path: Path, data: bytes) -> None:
    """Write atomically: a reader (or a killed run) sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _write_jsonl(target: Path, output: Path, items: list[Item]) -> None:
    """One compact JSON line per converted document, in input order, from the output files."""
    def lines():
        for item in items:
            data = json.loads((output / item.out).read_bytes())
            yield json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"

    if str(target) == "-":
        sys.stdout.writelines(lines())
        return
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.writelines(lines())
    os.replace(tmp, target)
