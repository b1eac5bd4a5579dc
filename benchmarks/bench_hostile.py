"""Benchmark of refusing hostile files; prints figures, asserts nothing.

1. builds the full-size hostile batch of tests/hostile.py in a temporary folder: a .docx expanding to 1 GB, a
   3,000-page PDF, a 40,000 × 40,000 PNG header, a 20 MB one-line text, 100,000 nested <div>s, XML entities
   (billion laughs, external entity) in a .docx, an encrypted PDF and Office file, empty, truncated and random
   files, wrong extensions, Latin-1 / UTF-16 / NUL bytes, odd file names;
2. per file, in a fresh process capped as a batch worker is: the time to a result or a refusal, its class, and
   the process's peak RSS (with the interpreter and congvan loaded before the clock starts: "base");
3. the whole batch through `congvan convert -j 2`: wall time, the peak of the summed RSS of the command and
   its workers (sampled every 20 ms with psutil when installed) and the largest single process
   (getrusage RUSAGE_CHILDREN).

Run:  .venv/bin/python benchmarks/bench_hostile.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import hostile  # noqa: E402 - the generator of the hostile files

PROBE = """
import json, resource, sys, time
from congvan.pipeline import caps
from congvan.pipeline.convert import convert_one
from congvan.readers.limits import Limits
caps.apply(Limits())
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
outcome = convert_one(sys.argv[1])
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "class": "ok" if outcome["ok"] else outcome["error_class"],
                  "base_mb": base / 1024, "peak_mb": peak / 1024, "error": outcome.get("error", "")}))
"""


def per_file(made: dict[Path, frozenset[str]]) -> None:
    print(f"{'file':<28} {'bytes':>11} {'seconds':>8} {'base MB':>8} {'peak MB':>8}  class (expected)")
    for path, expected in made.items():
        done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True,
                              cwd=ROOT, timeout=600)
        try:
            row = json.loads(done.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            print(f"{path.name[:28]!r:<28} probe failed: {done.stderr.strip()[-200:]}")
            continue
        mark = "" if row["class"] in expected else "   <-- unexpected"
        print(f"{path.name[:26]!r:<28} {path.stat().st_size:>11} {row['seconds']:>8.3f} {row['base_mb']:>8.0f} "
              f"{row['peak_mb']:>8.0f}  {row['class']} ({'/'.join(sorted(expected))}){mark}")


def whole_batch(folder: Path, output: Path) -> None:
    command = [sys.executable, "-m", "congvan.cli", "convert", str(folder), "-o", str(output), "-j", "2"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_total = _sample_tree(process)
    process.wait()
    seconds = time.perf_counter() - start
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    summary = json.loads((output / "summary.json").read_text(encoding="utf-8"))
    classes: dict[str, int] = {}
    for failure in summary["failures"]:
        classes[failure["error_class"]] = classes.get(failure["error_class"], 0) + 1
    print(f"\nwhole batch, congvan convert -j 2: {summary['files']} files in {seconds:.2f} s (exit "
          f"{process.returncode}); {summary['converted']} converted, {summary['failed']} refused or failed: "
          + ", ".join(f"{k} {v}" for k, v in sorted(classes.items())))
    total = f"{peak_total:.0f} MB" if peak_total else "n/a (psutil not installed)"
    print(f"peak memory: summed RSS of the command and its workers {total}; largest single process "
          f"{largest:.0f} MB")


def _sample_tree(process: subprocess.Popen) -> float:
    """Peak of the summed RSS (MB) of a process and its descendants, sampled until it ends (0: no psutil)."""
    try:
        import psutil
    except ImportError:
        return 0.0
    peak = 0.0
    done = threading.Event()
    try:
        root = psutil.Process(process.pid)
        while process.poll() is None and not done.is_set():
            total = 0
            for proc in [root, *root.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            peak = max(peak, total / (1024 * 1024))
            time.sleep(0.02)
    except psutil.Error:
        pass
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="Build the batch and its output in DIR and keep them.")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="congvan-hostile-"))
    try:
        start = time.perf_counter()
        made = hostile.build(work / "in", full_size=True)
        print(f"built {len(made)} hostile files in {time.perf_counter() - start:.1f} s under {work / 'in'}\n")
        per_file(made)
        whole_batch(work / "in", work / "out")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
