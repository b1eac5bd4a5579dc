"""Text-layer integrity: a font whose Unicode map lacks some glyphs loses letters ("ăn bản" for "Văn bản").

The PDFs are built here: make_signed's builder embeds Liberation Serif with the ToUnicode map pdfium writes,
then an incremental update (as signing tools append theirs) replaces that map by one without the entries of
a few letters, or with those letters mapped to a space. Only the standard library touches the file.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest

from congvan.readers import integrity, ocr, read
from tests.conftest import sample_module

SIGNED = sample_module("make_signed")
needs_font = pytest.mark.skipif(not SIGNED.FONT.exists(), reason="fonts-liberation2 is not installed")
needs_ocr = pytest.mark.skipif(not ocr.available(), reason="tesseract is not installed")

ROWS = [
    ("ỦY BAN NHÂN DÂN", 70, 60), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 60),
    ("TỈNH NAM VINH", 85, 78), ("Độc lập - Tự do - Hạnh phúc", 340, 78),
    ("Văn bản về Nội dung công tác Năm mới", 150, 140),
    ("Văn phòng Ủy ban nhân dân tỉnh gửi Văn bản này tới Sở Nội vụ và Sở Văn hóa.", 60, 180),
    ("Nội dung: Sở Nội vụ chủ trì, phối hợp với Văn phòng rà soát Văn bản trước ngày 30/9/2026.", 60, 200),
    ("Nơi nhận: Sở Nội vụ, Sở Văn hóa, Văn phòng Ủy ban nhân dân tỉnh Nam Vinh.", 60, 220),
    ("Ủy ban nhân dân tỉnh đề nghị các sở, ngành khẩn trương thực hiện Nội dung trên.", 60, 240),
]


def _unmap(data: bytes, letters: str, as_space: bool) -> bytes:
    """The PDF with its font's ToUnicode map rewritten: letters dropped (or mapped to a space), appended
    as an incremental update so every other object keeps its offset."""
    ref = int(re.search(rb"/ToUnicode (\d+) 0 R", data).group(1))
    head = re.search(rb"\n%d 0 obj\s*<<(.*?)>>\s*stream\r?\n" % ref, data, re.S)
    length = int(re.search(rb"/Length (\d+)", head.group(1)).group(1))
    cmap = zlib.decompress(data[head.end():head.end() + length]).decode("latin-1")
    cmap = _drop(cmap, {ord(c) for c in letters}, as_space)
    stream = cmap.encode("latin-1")
    body = b"%d 0 obj\n<</Length %d>>stream\n%s\nendstream\nendobj\n" % (ref, len(stream), stream)
    trailer = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref", data, re.S)[-1]
    size = re.search(rb"/Size (\d+)", trailer).group(1)
    root = re.search(rb"/Root (\d+ \d+ R)", trailer).group(1)
    previous = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    xref = (b"xref\n%d 1\n%010d 00000 n \ntrailer\n<</Size %s/Root %s/Prev %d>>\nstartxref\n%d\n%%%%EOF\n"
            % (ref, len(data), size, root, previous, len(data) + len(body)))
    return data + body + xref


def _drop(cmap: str, codes: set[int], as_space: bool) -> str:
    """Split the CMap's simple ranges ('<0003> <0061> <0020>') around the glyphs of the given characters."""
    extra: list[str] = []

    def split(m: re.Match) -> str:
        low, high, first = (int(g, 16) for g in m.groups())
        runs: list[list[int]] = [[]]
        for glyph in range(low, high + 1):
            if first + glyph - low in codes:
                extra.append(f"<{glyph:04X}> <0020>")
                runs.append([])
            else:
                runs[-1].append(glyph)
        return "\n".join(f"<{r[0]:04X}> <{r[-1]:04X}> <{first + r[0] - low:04X}>" for r in runs if r)

    cmap = re.sub(r"^<([0-9A-F]{4})> <([0-9A-F]{4})> <([0-9A-F]{4})>$", split, cmap, flags=re.M)
    cmap = re.sub(r"\d+ beginbfrange(.*?)endbfrange",
                  lambda m: f"{len(m.group(1).strip().splitlines())} beginbfrange{m.group(1)}endbfrange",
                  cmap, flags=re.S)
    if as_space and extra:
        cmap = cmap.replace("endcmap", f"{len(extra)} beginbfchar\n" + "\n".join(extra) + "\nendbfchar\nendcmap")
    return cmap


def _broken_pdf(path: Path, letters: str = "VN", as_space: bool = False) -> Path:
    clean = SIGNED.build_signed_pdf(path.with_suffix(".clean.pdf"), ROWS, [])
    path.write_bytes(_unmap(clean.read_bytes(), letters, as_space))
    return path


def _text_layer(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()


@needs_font
@pytest.mark.parametrize("as_space", [False, True], ids=["unmapped", "mapped-to-space"])
def test_the_built_pdf_really_lost_its_letters(tmp_path: Path, as_space: bool) -> None:
    text = _text_layer(_broken_pdf(tmp_path / "b.pdf", as_space=as_space))
    assert "ăn bản" in text and "Văn bản" not in text and "Nội" not in text


@needs_font
@pytest.mark.parametrize("as_space", [False, True], ids=["unmapped", "mapped-to-space"])
def test_a_page_with_lost_letters_is_detected_and_read_by_ocr(tmp_path: Path, as_space: bool,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = _broken_pdf(tmp_path / "b.pdf", as_space=as_space)
    monkeypatch.setattr(ocr, "available", lambda: False)  # detection alone: the text layer is kept
    kept = read(str(path))
    assert not kept.ocr_pages
    assert any(w.startswith("page 1: text layer") and "OCR not available" in w for w in kept.warnings), kept.warnings
    monkeypatch.undo()
    if not ocr.available():
        pytest.skip("tesseract is not installed: detection checked, recovery not")
    layout = read(str(path))
    assert layout.ocr and layout.ocr_pages == 1 and layout.format == "pdf-ocr"
    note = next(w for w in layout.warnings if w.startswith("page 1: "))
    assert "read by OCR" in note and ("Unicode map" in note if not as_space else "drops letters" in note), note
    text = " ".join(line.text for line in layout.lines)
    assert "Văn bản" in text and "Nội dung" in text and "Sở Nội vụ" in text, text


@needs_font
def test_a_clean_pdf_is_not_flagged(tmp_path: Path) -> None:
    path = SIGNED.build_signed_pdf(tmp_path / "clean.pdf", ROWS, [])
    layout = read(str(path))
    assert not layout.ocr and not layout.warnings
    assert any("Văn bản về Nội dung" in line.text for line in layout.lines)


@needs_font
def test_the_ky_so_sample_with_its_blank_date_is_not_flagged(tmp_path: Path) -> None:
    """A blank left for the stamped day ("ngày    tháng") is one hole, far below the threshold."""
    layout = read(str(SIGNED.make_ky_so(tmp_path / "ky-so.pdf")))
    assert not layout.ocr and not any("text layer" in w for w in layout.warnings)


def test_holes_need_a_lowercase_word_after_a_letter_wide_blank() -> None:
    # gaps between words on a 12-point line; the lowercase word after 13 points lost its capital
    assert integrity.line_holes([3.5, 3.4, 13.0, 3.6], [3.4, 13.0, 3.6], 12.0) == 1
    assert integrity.line_holes([3.5, 13.0, 3.6], [3.6], 12.0) == 0  # a capital after the blank: a tab
    assert integrity.line_holes([30.0, 3.6], [30.0, 3.6], 12.0) == 0  # a column gap
    assert integrity.line_holes([9.0, 9.5, 9.2, 13.0], [9.5, 9.2, 13.0], 12.0) == 0  # a justified line
    assert integrity.verdict(0, integrity.HOLES - 1) is None
    assert "drops letters" in integrity.verdict(0, integrity.HOLES)
    assert integrity.verdict(integrity.UNMAPPED - 1, 0) is None
    assert "Unicode map" in integrity.verdict(integrity.UNMAPPED, 0)
