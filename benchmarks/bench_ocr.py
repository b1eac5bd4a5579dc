"""OCR time per page: Tesseract alone vs the whole OCR path (render + OCR + line geometry + the first page's
header re-reads, the signature block re-read under the seal), per page, and pages per second per core.

    .venv/bin/python benchmarks/bench_ocr.py [PDF ...]

Defaults to the nine scanned documents of the dev corpus (../shared/corpus/dev/docs) and,
when they are absent, to a scan rendered from samples/quyet-dinh.pdf. Prints figures; asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from congvan.readers import header_scan, ocr, signature_scan  # noqa: E402
from congvan.readers.pdf import OCR_SCALE  # noqa: E402

SCANS = ("055", "058", "060", "062", "064", "090", "100", "103", "105")


def pages(paths: list[Path]):
    import pypdfium2 as pdfium

    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            yield path.name, index + 1, pdf[index]


def main(argv: list[str]) -> None:
    dev = ROOT.parent / "shared" / "corpus" / "dev" / "docs"
    paths = [Path(a) for a in argv] or [dev / f"{n}.pdf" for n in SCANS
                                         if (dev / f"{n}.pdf").exists()] or [ROOT / "samples" / "quyet-dinh.pdf"]
    render_times, tesseract_times, total_times = [], [], []
    print(f"{'file':<16}{'page':>5}{'render s':>10}{'tesseract s':>13}{'OCR path s':>12}{'lines':>7}")
    for name, number, page in pages(paths):
        start = time.perf_counter()
        colour = page.render(scale=OCR_SCALE).to_pil().convert("RGB")
        image = colour.convert("L")
        rendered = time.perf_counter()
        ocr.image_to_text(image, psm=3)
        alone = time.perf_counter()
        lines = ocr.page_lines(image, number, OCR_SCALE)
        if number == 1:
            header_scan.reread(colour, lines, OCR_SCALE)
        block = signature_scan.needs_reread(lines)
        if block:
            signature_scan.reread_name(colour, block, OCR_SCALE)
        done = time.perf_counter()
        render_times.append(rendered - start)
        tesseract_times.append(alone - rendered)
        total_times.append((rendered - start) + (done - alone))
        print(f"{name:<16}{number:>5}{rendered - start:>10.2f}{alone - rendered:>13.2f}"
              f"{(rendered - start) + (done - alone):>12.2f}{len(lines):>7}")
    print(f"\n{len(total_times)} pages at 300 dpi, OMP_THREAD_LIMIT=1:"
          f" median render {statistics.median(render_times):.2f} s,"
          f" Tesseract alone {statistics.median(tesseract_times):.2f} s,"
          f" whole OCR path {statistics.median(total_times):.2f} s per page")
    print(f"totals: Tesseract alone {sum(tesseract_times):.1f} s, whole OCR path {sum(total_times):.1f} s"
          f" (ratio {sum(total_times) / sum(tesseract_times):.2f}), {len(total_times) / sum(total_times):.2f}"
          " pages/s per core")


if __name__ == "__main__":
    main(sys.argv[1:])
