"""E-signed PDFs: number, day, month and year stamped in annotation appearances, not in the text layer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from congvan.pipeline.run import extract_file
from congvan.readers import read
from tests.conftest import sample_module

SIGNED = sample_module("make_signed")
FONT = SIGNED.FONT
HEADER = [
    ("ỦY BAN NHÂN DÂN", 80, 60), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 60),
    ("TỈNH BÌNH ĐỊNH", 95, 76), ("Độc lập - Tự do - Hạnh phúc", 340, 76),
    ("Số:", 90, 100), ("/UBND-VX", 140, 100),
    ("V/v rà soát hồ sơ công chức", 70, 120),
    ("Kính gửi: Sở Nội vụ", 220, 160),
    ("Đề nghị Sở Nội vụ rà soát hồ sơ công chức, báo cáo trước ngày 30/4/2026.", 70, 190),
    ("KT. CHỦ TỊCH", 380, 240), ("PHÓ CHỦ TỊCH", 380, 256), ("Nguyễn Văn An", 380, 320),
]


def make_signed(path: Path, date_row: list[tuple[str, float]], stamps: list[tuple[str, float, float]],
                picture: bool = False) -> Path:
    """A one-page letter whose number (and date parts) are blank in the text and stamped as annotations."""
    return SIGNED.build_signed_pdf(path, HEADER + [(text, x, 100) for text, x in date_row], stamps,
                                   picture=picture)


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


@needs_font
def test_stamp_with_a_whole_date_over_the_day_blank(tmp_path: Path) -> None:
    path = make_signed(tmp_path / "signed.pdf", [("Bình Định, ngày", 330), ("tháng 3 năm 2026", 440)],
                       [("123", 112, 100), ("05/03/2026", 418, 100)])
    assert extract_file(str(path))["document"]["date"] == "2026-03-05"
