"""Fuzzing: byte mutations of each sample format (truncation, bit flips, spliced and repeated parts) through
the reader and the extractors: a result or a classified ReadError, never another exception.

Bounded for CI by the hypothesis profile "ci" (30 examples a case, the same ones every run); CONGVAN_FUZZ=deep
runs 1,000 random ones a case.
OCR is switched off (a mutated PDF page is often "unreadable text" and would be sent to Tesseract); legacy
.doc gets a few examples only (each starts LibreOffice).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from congvan import readers
from congvan.layout import ERROR_CLASSES, ReadError
from congvan.pipeline.run import extract_layout
from congvan.readers import doc, ocr
from tests.conftest import SAMPLES

# no shrinking: the inputs are whole files, and shrinking one takes long; the failing bytes are printed anyway
PHASES = (Phase.explicit, Phase.reuse, Phase.generate)
SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=30, deadline=None, derandomize=True, phases=PHASES,
                          suppress_health_check=SLOW)
settings.register_profile("deep", max_examples=1000, deadline=None, phases=PHASES, suppress_health_check=SLOW)
PROFILE = "deep" if os.environ.get("CONGVAN_FUZZ") == "deep" else "ci"


def _png() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("L", (160, 60), 255)
    ImageDraw.Draw(image).text((5, 20), "So: 12/UBND", fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


FORMATS = {
    "thong-bao.txt": (SAMPLES / "thong-bao.txt").read_bytes(),
    "congvan-khan.md": (SAMPLES / "congvan-khan.md").read_bytes(),
    "ke-hoach.html": (SAMPLES / "ke-hoach.html").read_bytes(),
    "web-chi-thi.html": (SAMPLES / "web-chi-thi.html").read_bytes(),  # legal-database saves: website.py
    "web-cong-van.md": (SAMPLES / "web-cong-van.md").read_bytes(),
    "web-quyet-dinh.txt": (SAMPLES / "web-quyet-dinh.txt").read_bytes(),
    "quyet-dinh.docx": (SAMPLES / "quyet-dinh.docx").read_bytes(),
    "quyet-dinh.pdf": (SAMPLES / "quyet-dinh.pdf").read_bytes(),
    "ky-so.pdf": (SAMPLES / "ky-so.pdf").read_bytes(),
    "scan.png": _png(),
}


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """data after one to three mutations: truncation, bit flips, a spliced or repeated part."""
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["truncate", "flip", "splice", "repeat", "zero"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if kind == "truncate":
            del data[at:]
        elif kind == "flip":
            for position in draw(st.lists(st.integers(0, len(data) - 1), min_size=1, max_size=16)):
                data[position] ^= 1 << draw(st.integers(0, 7))
        elif kind == "splice":  # a part of the file copied over another place
            length = draw(st.integers(1, 4096))
            source = draw(st.integers(0, len(data) - 1))
            data[at:at + length] = data[source:source + length]
        elif kind == "repeat":  # a part repeated many times
            length = draw(st.integers(1, 256))
            data[at:at] = bytes(data[at:at + length]) * draw(st.integers(2, 200))
        else:
            length = draw(st.integers(1, 4096))
            data[at:at + length] = bytes(min(length, len(data) - at))
    return bytes(data)


def _rezipped(original: bytes, part: str, content: bytes) -> bytes:
    """The .docx with one part replaced (so that mutations reach the XML, not only the ZIP's checksums)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, content if item.filename == part else source.read(item))
    return out.getvalue()


def _read_and_extract(name: str, data: bytes) -> None:
    """The file through its reader and the extractors: a result, or a ReadError of a known class."""
    with tempfile.TemporaryDirectory(prefix="congvan-fuzz-") as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(ocr, "available", lambda: False)
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            layout = readers.read(path)
        except ReadError as exc:
            assert exc.error_class in ERROR_CLASSES and str(exc)
            return
        extract_layout(layout, "0" * 64)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_mutated_files_read_or_fail_cleanly(name: str) -> None:
    @settings(settings.get_profile(PROFILE))
    @given(mutated(FORMATS[name]))
    def run(data: bytes) -> None:
        _read_and_extract(name, data)

    run()


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "word/numbering.xml",
                                  "word/_rels/document.xml.rels", "[Content_Types].xml"])
def test_mutated_docx_parts_read_or_fail_cleanly(part: str) -> None:
    original = FORMATS["quyet-dinh.docx"]
    with zipfile.ZipFile(io.BytesIO(original)) as source:
        if part not in source.namelist():
            pytest.skip(f"the sample has no {part}")
        content = source.read(part)

    @settings(settings.get_profile(PROFILE))
    @given(mutated(content))
    def run(data: bytes) -> None:
        _read_and_extract("quyet-dinh.docx", _rezipped(original, part, data))

    run()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_mutated_doc_reads_or_fails_cleanly(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("doc")
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless", "--convert-to",
                    "doc", "--outdir", str(folder), str(SAMPLES / "quyet-dinh.docx")], check=True,
                   capture_output=True, timeout=180)
    original = (folder / "quyet-dinh.doc").read_bytes()

    @settings(settings.get_profile(PROFILE), max_examples=4 if PROFILE == "ci" else 50)
    @given(mutated(original))
    def run(data: bytes) -> None:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(doc, "TIMEOUT", 30)
            _read_and_extract("quyet-dinh.doc", data)

    run()
