"""The PDF reader on text-layer details: footnote marks printed as superscripts, column gaps."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from congvan.readers import read
from tests.conftest import SAMPLES


def _builder():
    spec = importlib.util.spec_from_file_location("make_signed", SAMPLES / "make_signed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SIGNED = _builder()


def _page_with(path: Path, pieces: list[tuple[str, float, float, float]]) -> Path:
    """A page with text objects (text, x, top, size)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    keep: list = []
    font = SIGNED._font(raw, pdf, SIGNED.FONT, keep)
    page = pdf.new_page(SIGNED.WIDTH, SIGNED.HEIGHT)
    for text, x, top, size in pieces:
        raw.FPDFPage_InsertObject(page, SIGNED._text(raw, pdf, font, text, x, top, size))
    raw.FPDFPage_GenerateContent(page)
    pdf.save(str(path))
    pdf.close()
    return path


needs_font = pytest.mark.skipif(not SIGNED.FONT.exists(), reason="fonts-liberation2 is not installed")


@needs_font
def test_superscript_footnote_mark_is_not_part_of_the_number(tmp_path: Path) -> None:
    path = _page_with(tmp_path / "f.pdf", [
        ("Căn cứ Nghị định số 126/2024/NĐ-CP", 60, 100, 13),
        ("1", 262.5, 95, 8),  # small and raised, right after the number (which ends at x 261.8)
        ("của Chính phủ; năm 2024 có 12 hội.", 60, 120, 13),
        ("Ủy ban nhân dân tỉnh đề nghị các sở, ngành khẩn trương thực hiện.", 60, 140, 13),
    ])
    layout = read(str(path))
    assert not layout.ocr
    texts = [line.text for line in layout.lines]
    assert any(text.endswith("126/2024/NĐ-CP") for text in texts), texts
    assert not any("NĐ-CP1" in text for text in texts)
    assert any("12 hội" in text for text in texts)  # ordinary digits stay


@needs_font
def test_column_gap_splits_a_row_into_left_and_right(tmp_path: Path) -> None:
    path = _page_with(tmp_path / "c.pdf", [
        ("Số: 12/UBND-VX", 60, 100, 13), ("Bình Định, ngày 05 tháng 3 năm 2026", 330, 100, 13),
        ("Ủy ban nhân dân tỉnh đề nghị các sở, ngành khẩn trương thực hiện.", 60, 140, 13),
    ])
    layout = read(str(path))
    assert not layout.ocr
    assert [(line.text, line.column) for line in layout.lines][:2] == [
        ("Số: 12/UBND-VX", "left"), ("Bình Định, ngày 05 tháng 3 năm 2026", "right")]
