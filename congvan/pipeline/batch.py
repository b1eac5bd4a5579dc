"""Batch conversion: many files through the per-document pipeline in a process pool; failures recorded."""

from __future__ import annotations

import json
import os
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from congvan.readers import SUFFIXES


def collect(inputs: list[Path]) -> list[Path]:
    """Files named directly plus supported files found (recursively) in folders, sorted."""
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            files += sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            files.append(item)
    return files


def convert_one(path: str) -> dict:
    """Convert one file; never raises: returns {'file', 'ok', 'result' | 'error'}."""
    from congvan.pipeline.run import extract_file
    from congvan.readers import ReadError

    try:
        return {"file": path, "ok": True, "result": extract_file(path)}
    except ReadError as exc:
        return {"file": path, "ok": False, "error": str(exc), "stage": "read", "error_class": "ReadError"}
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop a batch
        last = traceback.extract_tb(exc.__traceback__)[-1]
        return {"file": path, "ok": False, "stage": "extract", "error_class": type(exc).__name__,
                "error": f"{type(exc).__name__}: {exc} (at {Path(last.filename).name}:{last.lineno})"}


def output_name(path: Path, batch: list[Path]) -> str:
    """<stem>, or <stem>.<ext> when another file of the batch has the same stem (a.docx and a.pdf)."""
    clash = sum(1 for other in batch if other.stem == path.stem) > 1
    return f"{path.stem}.{path.suffix.lstrip('.')}" if clash else path.stem


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def run_batch(inputs: list[Path], output: Path, jobs: int = 0) -> dict:
    """Convert every input into output/<stem>.json; write summary.json; return the summary."""
    output.mkdir(parents=True, exist_ok=True)
    files = collect(inputs)
    jobs = jobs or os.cpu_count() or 1
    failures, ok = [], 0
    if jobs == 1 or len(files) < 2:
        results = map(convert_one, map(str, files))
        outcomes = list(results)
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
            outcomes = list(pool.map(convert_one, map(str, files), chunksize=1))
    for outcome in outcomes:
        if outcome["ok"]:
            name = output_name(Path(outcome["file"]), files)
            _write(output / f"{name}.json", json.dumps(outcome["result"], ensure_ascii=False, indent=2))
            ok += 1
        else:
            failures.append({k: outcome[k] for k in ("file", "stage", "error_class", "error")})
    summary = {"files": len(files), "ok": ok, "failed": len(failures), "failures": failures}
    _write(output / "summary.json", json.dumps(summary, ensure_ascii=False, indent=2))
    return summary
