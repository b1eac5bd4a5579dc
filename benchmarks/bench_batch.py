"""Benchmark of batch conversion; prints figures, asserts nothing.

1. generates a corpus (default 2,000 documents) from samples/ with varied content: numbers, dates, agencies,
   provinces, deadlines and the number of list items change per copy (txt, md, html, docx; PDFs are varied
   copies of the .docx sample printed by LibreOffice in one batch, as samples/quyet-dinh.pdf is);
2. documents/s of `congvan convert` on 1 core and on all cores (and the Dask engine with --dask);
3. per format: full pipeline time per document against the raw text extraction of the same library on the same
   files (pypdfium2 get_text_range, python-docx Document(), BeautifulSoup get_text, reading the file), each file
   timed three times in turn with its baseline and the fastest kept; --pdfs DIR adds a row for the PDFs of DIR
   (real documents, e.g. ../shared/corpus/dev/docs; scans there go through OCR and are left out);
4. start-up time of `congvan extract` on a one-page txt (wall time with interpreter start, median of 10);
5. peak RSS of any process of each convert run (resource.getrusage of children).

Run:  .venv/bin/python benchmarks/bench_batch.py [--docs N] [--quick] [--dask] [--keep DIR] [--pdfs DIR]
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
BIN = Path(sys.executable).parent
BASES = ["congvan-khan.md", "thong-bao.txt", "giay-moi.txt", "ke-hoach.html", "quyet-dinh.docx", "quyet-dinh.pdf"]
AGENCIES = ["Sở Tài chính", "Sở Xây dựng", "Sở Y tế", "Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Công Thương",
            "Sở Tư pháp", "Sở Giao thông vận tải", "Sở Kế hoạch và Đầu tư", "Sở Thông tin và Truyền thông"]
PROVINCES = ["Quảng Ngãi", "Lâm Đồng", "Phú Yên", "Hà Tĩnh", "Bình Định", "Nghệ An", "Đắk Lắk", "Thái Bình"]


class Varier:
    """Rewrites the text of one copy: the same agency/province mapping for all of it, random numbers and dates."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        names = dict(zip(AGENCIES, rng.sample(AGENCIES, len(AGENCIES)), strict=True))
        provinces = dict(zip(PROVINCES, rng.sample(PROVINCES, len(PROVINCES)), strict=True))
        names |= provinces | {a.upper(): b.upper() for a, b in provinces.items()}
        self.names = names
        self.pattern = re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))
        self.year = rng.choice([2023, 2024, 2025])

    def __call__(self, text: str) -> str:
        rng = self.rng
        text = self.pattern.sub(lambda m: self.names[m[0]], text)
        text = re.sub(r"(Số:\s*)(\d+)", lambda m: f"{m[1]}{rng.randint(1, 9999)}", text)
        text = re.sub(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (20\d\d)",
                      lambda m: f"ngày {rng.randint(1, 28):02d} tháng {rng.randint(1, 12)} năm {self.year}", text)
        text = re.sub(r"\b(\d{1,2})/(\d{1,2})/(20\d\d)\b",
                      lambda m: f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{self.year}", text)
        return re.sub(r"\b(\d+) ngày( làm việc)?", lambda m: f"{rng.randint(3, 30)} ngày{m[2] or ''}", text)


def vary_items(lines: list[str], rng: random.Random) -> list[str]:
    """Drop or repeat some list items ('- ...'), never the first of a list."""
    out: list[str] = []
    for i, line in enumerate(lines):
        item = line.lstrip().startswith("- ") and i > 0 and lines[i - 1].lstrip().startswith("- ")
        roll = rng.random()
        if item and roll < 0.2:
            continue
        out.append(line)
        if item and roll > 0.8:
            out.append(line)
    return out


def make_text(source: Path, target: Path, rng: random.Random) -> None:
    vary = Varier(rng)
    lines = vary(source.read_text(encoding="utf-8")).split("\n")
    target.write_text("\n".join(vary_items(lines, rng)), encoding="utf-8")


def make_docx(source: Path, target: Path, rng: random.Random) -> None:
    import docx

    vary = Varier(rng)
    document = docx.Document(str(source))
    paragraphs = list(document.paragraphs)
    paragraphs += [p for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    for paragraph in paragraphs:
        for run in paragraph.runs:
            run.text = vary(run.text)
    body = list(document.paragraphs)
    for before, paragraph in zip(body, body[1:], strict=False):
        if paragraph.text.startswith("- ") and before.text.startswith("- "):
            roll = rng.random()
            if roll < 0.2:
                paragraph._p.getparent().remove(paragraph._p)
            elif roll > 0.8:
                paragraph._p.addnext(copy.deepcopy(paragraph._p))
    document.save(str(target))


def make_corpus(folder: Path, count: int, seed: int = 2024) -> dict[str, int]:
    """count documents in folder/part-NN/ (500 a folder), the samples in turn; returns files per format."""
    rng = random.Random(seed)
    made: dict[str, int] = {}
    to_print: list[Path] = []
    for i in range(count):
        base = SAMPLES / BASES[i % len(BASES)]
        target = folder / f"part-{i // 500:02d}" / f"{i:05d}-{base.stem}{base.suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        if base.suffix == ".pdf":
            source = folder / "to-print" / target.parent.name / target.with_suffix(".docx").name
            source.parent.mkdir(parents=True, exist_ok=True)
            make_docx(base.with_suffix(".docx"), source, rng)
            to_print.append(source)
        elif base.suffix == ".docx":
            make_docx(base, target, rng)
        else:
            make_text(base, target, rng)
        made[base.suffix.lstrip(".")] = made.get(base.suffix.lstrip("."), 0) + 1
    print_pdfs(to_print, folder)
    return made


def print_pdfs(sources: list[Path], folder: Path) -> None:
    """Print the .docx copies to PDF with one LibreOffice run per part folder (the sample PDF copied as is when
    LibreOffice is missing), then drop the sources."""
    from congvan.readers.doc import soffice

    binary = soffice() if shutil.which("soffice") or shutil.which("libreoffice") else None
    parts = sorted({source.parent for source in sources})
    for part in parts:
        target = folder / part.name
        files = sorted(part.glob("*.docx"))
        if binary:
            profile = (folder / "lo-profile").as_uri()
            subprocess.run([binary, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                            "--convert-to", "pdf", "--outdir", str(target), *map(str, files)],
                           check=False, capture_output=True, timeout=1800)
        for file in files:
            if not (target / file.with_suffix(".pdf").name).exists():
                shutil.copyfile(SAMPLES / "quyet-dinh.pdf", target / file.with_suffix(".pdf").name)
    shutil.rmtree(folder / "to-print", ignore_errors=True)
    shutil.rmtree(folder / "lo-profile", ignore_errors=True)


def run_measured(command: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB of any process of the run, exit code), in a fresh parent process."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); rc = subprocess.run(sys.argv[1:])"
             ".returncode; print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)")
    done = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True)
    wall, rss, code = done.stdout.split()[-3:]
    return float(wall), int(rss) / 1024, int(code)


def throughput(corpus: Path, out: Path, count: int, dask: bool) -> list[tuple[str, float, float, int]]:
    """(label, documents/s, peak RSS MB, exit code) of convert runs from scratch."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    runs = [("1 core (-j 1)", ["-j", "1"]), (f"all cores (-j {cores})", ["-j", str(cores)])]
    if dask:
        runs.append((f"dask LocalCluster ({cores} workers)", ["--engine", "dask", "-j", str(cores)]))
    rows = []
    for n, (label, flags) in enumerate(runs):
        target = out / f"run{n}"
        wall, rss, code = run_measured([str(BIN / "congvan"), "convert", str(corpus), "-o", str(target), *flags])
        rows.append((label, count / wall, rss, code))
    return rows


def per_format(corpus: Path, sample: int) -> list[tuple[str, int, float, float]]:
    """(format, files, pipeline ms/doc, baseline ms/doc) measured in this process, one core."""
    rows = []
    for suffix, baseline in BASELINES.items():
        paths = sorted(corpus.rglob(f"*.{suffix}"))[:sample]
        if paths:
            rows.append((suffix, len(paths), *_timed(paths, baseline)))
    return rows


def real_pdfs(folder: Path) -> tuple[str, int, float, float] | None:
    """The pdf row for the text-layer PDFs of a folder of real documents (scans, read by OCR, are left out)."""
    from congvan.readers import read

    paths = [path for path in sorted(folder.glob("*.pdf")) if _text_layer(path, read)]
    return (f"pdf ({folder.name})", len(paths), *_timed(paths, _pdf_text)) if paths else None


def _text_layer(path: Path, read: Callable[[Path], object]) -> bool:
    try:
        return not getattr(read(path), "ocr", True)
    except Exception:  # noqa: BLE001 - an unreadable file is simply not measured
        return False


def _timed(paths: list[Path], baseline: Callable[[Path], object], rounds: int = 3) -> tuple[float, float]:
    """(pipeline, baseline) ms per document: each file timed `rounds` times in turn, the fastest kept."""
    from congvan.pipeline.run import extract_file

    extract_file(paths[0])
    baseline(paths[0])  # warm both: imports and caches out of the timing
    pipeline_total = baseline_total = 0.0
    for path in paths:
        best_pipeline = best_baseline = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            baseline(path)
            middle = time.perf_counter()
            extract_file(path)
            best_baseline = min(best_baseline, middle - start)
            best_pipeline = min(best_pipeline, time.perf_counter() - middle)
        pipeline_total += best_pipeline
        baseline_total += best_baseline
    return pipeline_total * 1000 / len(paths), baseline_total * 1000 / len(paths)


def _pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def _docx_load(path: Path) -> object:
    import docx

    return docx.Document(str(path))


def _html_text(path: Path) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_bytes(), "lxml").get_text()


BASELINES: dict[str, Callable[[Path], object]] = {
    "pdf": _pdf_text, "docx": _docx_load, "html": _html_text,
    "txt": lambda p: p.read_text(encoding="utf-8"), "md": lambda p: p.read_text(encoding="utf-8"),
}


def startup(repeats: int) -> float:
    """Median wall seconds of `congvan extract` on a one-page txt, interpreter start included."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([str(BIN / "congvan"), "extract", str(SAMPLES / "thong-bao.txt")], check=True,
                       stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores ({os.cpu_count()} CPUs), {model}, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents in the generated corpus (default 2000)")
    parser.add_argument("--quick", action="store_true", help="a small corpus (200) and fewer repeats")
    parser.add_argument("--dask", action="store_true", help="also time the Dask engine (a LocalCluster)")
    parser.add_argument("--keep", type=Path, help="generate the corpus and outputs here and keep them")
    parser.add_argument("--pdfs", type=Path, help="also time the text-layer PDFs of this folder (real documents)")
    args = parser.parse_args()
    count = 200 if args.quick and args.docs == 2000 else args.docs
    work = args.keep or Path(tempfile.mkdtemp(prefix="congvan-bench-"))
    try:
        report(work, count, args.quick, args.dask, args.pdfs)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def report(work: Path, count: int, quick: bool, dask: bool, pdfs: Path | None) -> None:
    corpus, out = work / "corpus", work / "out"
    start = time.perf_counter()
    made = make_corpus(corpus, count)
    print(f"machine: {machine()}")
    print(f"corpus: {count} documents ({', '.join(f'{k} {v}' for k, v in sorted(made.items()))}) "
          f"generated in {time.perf_counter() - start:.1f} s\n")
    rows = throughput(corpus, out, count, dask)
    print(f"{'convert run':<34}{'docs/s':>9}{'peak RSS MB':>13}{'exit':>6}")
    for label, rate, rss, code in rows:
        print(f"{label:<34}{rate:>9.1f}{rss:>13.0f}{code:>6}")
    print(f"{'speed-up all cores / 1 core':<34}{rows[1][1] / rows[0][1]:>9.2f}\n")
    print(f"{'format':<12}{'files':>7}{'pipeline ms/doc':>17}{'baseline ms/doc':>17}{'ratio':>8}   baseline")
    names = {"pdf": "pypdfium2 get_text_range", "docx": "python-docx Document()", "html": "BeautifulSoup get_text",
             "txt": "read the file", "md": "read the file"}
    rows = per_format(corpus, 30 if quick else 200)
    extra = real_pdfs(pdfs) if pdfs else None
    for kind, files, pipeline, baseline in rows + ([extra] if extra else []):
        name = names[kind.split()[0]]
        print(f"{kind:<12}{files:>7}{pipeline:>17.2f}{baseline:>17.3f}{pipeline / baseline:>7.1f}x  {name}")
    print(f"\nstart-up of `congvan extract` on a one-page txt: {startup(5 if quick else 10) * 1000:.0f} ms "
          f"(median of {5 if quick else 10}, wall, interpreter start included)")


if __name__ == "__main__":
    main()
