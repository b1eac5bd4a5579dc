"""Guarded workers: a child process converts documents one at a time; past its time limit it is killed.

The parent writes one JSON line per task ({"path", "limits", "cwd"}); the child answers with a JSON header
line (the outcome, plus "size") followed by `size` bytes: the output JSON, exactly as it will be written.
Running the pipeline in a child that can be killed means a hung reader (even inside C code) cannot stall a
batch, a crash (segfault, out of memory) fails one document only, and memory stays flat: a child is
replaced after MAX_TASKS documents or once it has grown past MAX_RSS_MB. Before each document the child caps
its own address space and CPU time (caps.py, from the task's limits).

Both engines run `convert_guarded` (local: in the driver's threads; Dask: in the workers' threads).
"""

from __future__ import annotations

import atexit
import json
import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

from congvan.pipeline import caps

MAX_TASKS = 500
MAX_RSS_MB = 2048
START_TIMEOUT = 120.0
_ROOT = str(Path(__file__).resolve().parents[2])  # the folder that holds the congvan package

Frame = tuple[dict, bytes]


def failure(task: dict, stage: str, error_class: str, error: str) -> dict:
    """An outcome for a document that failed outside the pipeline itself (time limit, crash, engine)."""
    return {"file": task["path"], "ok": False, "stage": stage, "error_class": error_class, "error": error}


class Sandbox:
    """One child process converting documents one at a time, started on first use, replaced when needed."""

    def __init__(self, max_tasks: int = MAX_TASKS, max_rss_mb: float = MAX_RSS_MB) -> None:
        self.max_tasks, self.max_rss_mb = max_tasks, max_rss_mb
        self._proc: subprocess.Popen | None = None
        self._frames: queue.Queue[Frame | None] = queue.Queue()
        self._done = 0
        self._closed = False

    def run(self, task: dict) -> dict:
        """Convert one document: the outcome, with the output JSON bytes under "payload" when it succeeded."""
        timeout = task.get("timeout") or None
        try:
            self._send(task)
        except (OSError, RuntimeError) as exc:
            self.close(kill=True)
            return failure(task, "worker", "internal", f"cannot reach a worker process: {exc}")
        try:
            frame = self._frames.get(timeout=timeout)
        except queue.Empty:
            self.close(kill=True)
            return failure(task, "limits", "timeout", f"timed out after {timeout:g} s")
        if frame is None:
            code = self.close(kill=True)
            return failure(task, "crash", caps.crash_class(-code if code and code < 0 else None),
                           f"the worker process died ({_reason(code)})")
        meta, payload = frame
        self._done += 1
        if self._done >= self.max_tasks or meta.pop("rss_mb", 0) > self.max_rss_mb:
            self.close()
        if payload:
            meta["payload"] = payload
        return meta

    def close(self, kill: bool = False) -> int | None:
        """Stop the child (gently: end of input; or kill it); return its exit code."""
        proc, self._proc = self._proc, None
        if proc is None:
            return None
        if kill:
            proc.kill()
        else:
            _quietly(proc.stdin.close)
        try:
            return proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            return proc.wait()
        finally:
            _quietly(proc.stdin.close)

    def shutdown(self, kill: bool = False) -> None:
        """Close for good: later tasks fail instead of starting a new child."""
        self._closed = True
        self.close(kill=kill)

    def _send(self, task: dict) -> None:
        line = (json.dumps({k: task[k] for k in ("path", "limits", "cwd") if k in task}) + "\n").encode()
        for attempt in range(2):
            if self._proc is None:
                self._start()
            try:
                self._proc.stdin.write(line)
                self._proc.stdin.flush()
                return
            except OSError:
                self.close(kill=True)
                if attempt:
                    raise

    def _start(self) -> None:
        if self._closed:
            raise RuntimeError("the batch is shutting down")
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (_ROOT, os.environ.get("PYTHONPATH")))))
        self._proc = subprocess.Popen([sys.executable, "-m", "congvan.pipeline.sandbox"], env=env,
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._frames = queue.Queue()
        threading.Thread(target=_read_frames, args=(self._proc.stdout, self._frames), daemon=True).start()
        try:
            ready = self._frames.get(timeout=START_TIMEOUT)
        except queue.Empty:
            ready = None
        if not ready:
            self.close(kill=True)
            raise RuntimeError("the worker process did not start")
        self._done = 0


_local = threading.local()
_sandboxes: list[Sandbox] = []


def convert_guarded(task: dict) -> dict:
    """Convert one document in this thread's sandbox: {"path", "limits", "timeout", "cwd"} -> outcome."""
    box = getattr(_local, "box", None)
    if box is None:
        box = _local.box = Sandbox()
        _sandboxes.append(box)
    return box.run(task)


@atexit.register
def _close_all() -> None:
    for box in _sandboxes:
        box.shutdown(kill=True)


def _read_frames(stream: IO[bytes], frames: queue.Queue[Frame | None]) -> None:
    """Parent side: pass each frame the child writes to the queue; None at the end of its output."""
    with stream:
        try:
            while line := stream.readline():
                meta = json.loads(line)
                size = meta.pop("size", 0)
                payload = stream.read(size) if size else b""
                if len(payload) < size:
                    break
                frames.put((meta, payload))
        except (OSError, ValueError):
            pass
    frames.put(None)


def _reason(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def _quietly(action) -> None:  # noqa: ANN001 - a bound close() method
    try:
        action()
    except OSError:
        pass


def _serve() -> None:
    """Child side: answer tasks from stdin until it closes. Stray prints cannot reach the protocol stream."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the life of the process
    from congvan.pipeline.convert import convert_task  # the child's pipeline, loaded before the first clock starts
    from congvan.readers.limits import Limits

    _write(out, {"ready": True}, b"")
    for line in sys.stdin.buffer:
        task = json.loads(line)
        try:
            if task.get("cwd") and task["cwd"] != os.getcwd():
                os.chdir(task["cwd"])
            caps.apply(Limits.from_dict(task.get("limits")))
            meta, payload = convert_task(task)
        except MemoryError:
            meta, payload = failure(task, "limits", "too_large", "out of memory (over the worker's memory cap)"), b""
        except Exception as exc:  # noqa: BLE001 - the worker must answer every task
            meta, payload = failure(task, "worker", "internal", f"{type(exc).__name__}: {exc}"), b""
        meta["rss_mb"] = _rss_mb()
        _write(out, meta, payload)


def _write(out: IO[bytes], meta: dict, payload: bytes) -> None:
    out.write(json.dumps({**meta, "size": len(payload)}).encode() + b"\n" + payload)
    out.flush()


def _rss_mb() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


if __name__ == "__main__":
    _serve()
