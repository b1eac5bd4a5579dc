"""One document in a worker: convert it, never raise, and render the output file's bytes.

The sandbox's child process (and a Dask worker through it) calls convert_task for every document of a batch.
"""

from __future__ import annotations

import json
import os
import time
import traceback
from fnmatch import fnmatchcase
from pathlib import Path

from congvan import PIPELINE_VERSION
from congvan.pipeline.outcome import FAILURE_KEYS, ocr_pages
from congvan.pipeline.run import extract_file
from congvan.readers import ReadError
from congvan.readers.limits import Limits

__all__ = ["convert_one", "convert_task", "render"]


def convert_one(path: str, limits: Limits | None = None) -> dict:
    """Convert one file; never raises: returns {'file', 'ok', 'result' | 'stage', 'error_class', 'error'}.

    error_class is one of layout.ERROR_CLASSES, or "internal" for an error of congvan itself (a bug)."""
    _test_sleep(path)
    try:
        return {"file": path, "ok": True, "result": extract_file(path, limits)}
    except ReadError as exc:
        stage = "limits" if exc.error_class == "too_large" else "read"
        return {"file": path, "ok": False, "stage": stage, "error_class": exc.error_class, "error": str(exc)}
    except MemoryError:
        return {"file": path, "ok": False, "stage": "limits", "error_class": "too_large",
                "error": "out of memory (over the worker's memory cap)"}
    except RecursionError:
        return {"file": path, "ok": False, "stage": "limits", "error_class": "too_large",
                "error": "structure nested too deeply"}
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop a batch
        last = traceback.extract_tb(exc.__traceback__)[-1]
        return {"file": path, "ok": False, "stage": "extract", "error_class": "internal",
                "error": f"{type(exc).__name__}: {exc} (at {Path(last.filename).name}:{last.lineno})"}


def render(result: dict) -> str:
    """The output file's text: the result with source.pipeline_version added."""
    result = {**result, "source": {**result["source"], "pipeline_version": PIPELINE_VERSION}}
    return json.dumps(result, ensure_ascii=False, indent=2)


def convert_task(task: dict) -> tuple[dict, bytes]:
    """One task in a worker: (outcome without the result, output file bytes or b'')."""
    start = time.perf_counter()
    outcome = convert_one(task["path"], Limits.from_dict(task.get("limits")))
    seconds = round(time.perf_counter() - start, 6)
    if not outcome["ok"]:
        return {**{k: outcome[k] for k in ("ok", *FAILURE_KEYS)}, "seconds": seconds}, b""
    source = outcome["result"]["source"]
    meta = {"file": task["path"], "ok": True, "pages": source["pages"], "ocr_pages": ocr_pages(source),
            "seconds": seconds}
    return meta, render(outcome["result"]).encode("utf-8")


def _test_sleep(path: str) -> None:
    """Test hook: CONGVAN_TEST_SLEEP="GLOB=SECONDS" sleeps before converting files whose name matches GLOB."""
    spec = os.environ.get("CONGVAN_TEST_SLEEP")
    if spec:
        glob, _, seconds = spec.rpartition("=")
        if fnmatchcase(Path(path).name, glob):
            time.sleep(float(seconds))
