"""E-signed PDFs: number, day, month and year stamped in annotation appearances, not in the text layer."""

from __future__ import annotations

import ctypes
import shutil
from pathlib import Path

import pytest

from congvan.pipeline.run import extract_file
from congvan.readers import read

FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
HEIGHT = 842.0

HEADER = [
    ("ỦY BAN NHÂN DÂN", 80, 60), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 60),
    ("TỈNH BÌNH ĐỊNH", 95, 76), ("Độc lập - Tự do - Hạnh phúc", 340, 76),
    ("Số:", 90, 100), ("/UBND-VX", 140, 100),
    ("V/v rà soát hồ sơ công chức", 70, 120),
    ("Kính gửi: Sở Nội vụ", 220, 160),
    ("Đề nghị Sở Nội vụ rà soát hồ sơ công chức, báo cáo trước ngày 30/4/2026.", 70, 190),
    ("KT. CHỦ TỊCH", 380, 240), ("PHÓ CHỦ TỊCH", 380, 256), ("Nguyễn Văn An", 380, 320),
]


def _wide(text: str):
    data = (text + "\0").encode("utf-16-le")
    return ctypes.cast(ctypes.create_string_buffer(data, len(data)), ctypes.POINTER(ctypes.c_ushort))


def _text(raw, pdf, font, text: str, x: float, top: float):
    obj = raw.FPDFPageObj_CreateTextObj(pdf, font, 13.0)
    raw.FPDFText_SetText(obj, _wide(text))
    raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, HEIGHT - top)
    return obj


def _picture(raw, pdf, page, digits: str, x: float, top: float):
    """A picture of the digits (how some signing systems stamp them), as a page image object."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (200, 80), 255)
    ImageDraw.Draw(image).text((10, 5), digits, fill=0, font=ImageFont.truetype(str(FONT), 60))
    obj = pdfium.PdfImage.new(pdf)
    obj.set_bitmap(pdfium.PdfBitmap.from_pil(image), pages=[page])
    obj.set_matrix(pdfium.PdfMatrix().scale(30, 12).translate(x, HEIGHT - top - 2))
    obj._detach_finalizer()  # the annotation owns it from here
    return obj.raw


def make_signed(path: Path, date_row: list[tuple[str, float]], stamps: list[tuple[str, float, float]],
                picture: bool = False) -> Path:
    """A one-page letter whose number (and date parts) are blank in the text and stamped as annotations."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    data = FONT.read_bytes()
    buffer = ctypes.create_string_buffer(data, len(data))
    font = raw.FPDFText_LoadFont(pdf, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_uint8)), len(data),
                                 raw.FPDF_FONT_TRUETYPE, True)
    page = pdf.new_page(595, HEIGHT)
    for text, x, top in HEADER + [(text, x, 100) for text, x in date_row]:
        raw.FPDFPage_InsertObject(page, _text(raw, pdf, font, text, x, top))
    raw.FPDFPage_GenerateContent(page)
    for digits, x, top in stamps:
        annot = raw.FPDFPage_CreateAnnot(page, raw.FPDF_ANNOT_STAMP)
        raw.FPDFAnnot_SetRect(annot, raw.FS_RECTF(x - 2, HEIGHT - top + 14, x + 30, HEIGHT - top - 4))
        obj = _picture(raw, pdf, page, digits, x, top) if picture else _text(raw, pdf, font, digits, x, top)
        raw.FPDFAnnot_AppendObject(annot, obj)
        raw.FPDFPage_CloseAnnot(annot)
    pdf.save(str(path))
    pdf.close()
    return path


needs_font = pytest.mark.skipif(not FONT.exists(), reason="fonts-liberation2 is not installed")


@needs_font
def test_number_and_day_stamped_as_text_are_read_exactly(tmp_path: Path) -> None:
    path = make_signed(tmp_path / "signed.pdf", [("Bình Định, ngày", 330), ("tháng 3 năm 2026", 440)],
                       [("123", 112, 100), ("05", 418, 100)])
    layout = read(str(path))
    assert "number 123 read from the e-signature stamp" in layout.warnings
    assert "day 05 read from the e-signature stamp" in layout.warnings
    result = extract_file(str(path))
    assert result["document"]["number"] == "123/UBND-VX"
    assert result["document"]["date"] == "2026-03-05"
    assert [task["deadline"]["date"] for task in result["tasks"]] == ["2026-04-30"]


@needs_font
def test_blank_date_in_one_run_with_stamped_day_month_and_year(tmp_path: Path) -> None:
    """'ngày      tháng      năm' printed as one run; every part is stamped, the year after the last word."""
    path = make_signed(tmp_path / "signed.pdf", [("Bình Định, ngày        tháng        năm", 330)],
                       [("77", 112, 100), ("09", 423, 100), ("11", 475, 100), ("2025", 521, 100)])
    result = extract_file(str(path))
    assert result["document"]["number"] == "77/UBND-VX"
    assert result["document"]["date"] == "2025-11-09"


@needs_font
def test_gap_left_blank_is_reported_not_invented(tmp_path: Path) -> None:
    path = make_signed(tmp_path / "signed.pdf", [("Bình Định, ngày", 330), ("tháng 3 năm 2026", 440)],
                       [("123", 112, 100)])
    result = extract_file(str(path))
    assert result["document"]["number"] == "123/UBND-VX"
    assert result["document"]["date"] is None
    assert any("day" in warning and "could not be read" in warning for warning in result["warnings"])


@needs_font
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_number_stamped_as_a_picture_is_read_by_ocr(tmp_path: Path) -> None:
    path = make_signed(tmp_path / "signed.pdf", [("Bình Định, ngày 05", 330), ("tháng 3 năm 2026", 440)],
                       [("482", 110, 100)], picture=True)
    layout = read(str(path))
    assert "number 482 read by OCR from the e-signature stamp" in layout.warnings
    assert extract_file(str(path))["document"]["number"] == "482/UBND-VX"


def test_unsigned_pdf_is_not_touched() -> None:
    sample = Path(__file__).resolve().parents[1] / "samples" / "quyet-dinh.pdf"
    if not sample.exists():
        pytest.skip("samples/quyet-dinh.pdf was not generated")
    assert not any("stamp" in warning for warning in read(str(sample)).warnings)
