"""Scans, images and old encodings give the same header as their digital twins."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from congvan.pipeline.run import extract_file
from congvan.readers.legacy import encoding_for_font, to_unicode
from congvan.readers.quality import quality
from tests.conftest import SAMPLES

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
HEADER = ("number", "date", "place", "type")


def test_quality_tells_real_text_from_garbage() -> None:
    assert quality("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Kính gửi các sở, ban, ngành")[0] == 1
    low, reason = quality("CONG HOA XA HOI CHU NGHIA VIET NAM Doc lap Tu do Hanh phuc Kinh gui cac so ban nganh")
    assert low < 0.5 and "diacritics" in reason
    low, reason = quality("CØNG HOÀXÃ HÖI CHÑ NGHÌA VIÊT NAM ñoäc laäp töï do haïnh phuùc Kính göûi caùc sôû")
    assert low < 0.5 and "font map" in reason
    assert quality("")[0] == 0


@pytest.mark.parametrize(("text", "font", "expected"), [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", ".VnTime", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("uû ban nh©n d©n tØnh", ".VnTimeH", "UỶ BAN NHÂN DÂN TỈNH"),
    ("coäng hoøa xaõ hoäi", "VNI-Times", "cộng hòa xã hội"),
    ("Cộng hòa", "Times New Roman", "Cộng hòa"),
])
def test_legacy_encodings(text: str, font: str, expected: str) -> None:
    assert to_unicode(text, font) == expected


def test_encoding_from_font_name_ignores_subset_tag() -> None:
    assert encoding_for_font("ABCDEF+.VnTimeH") == "tcvn3"
    assert encoding_for_font("VNI-Helve") == "vni"
    assert encoding_for_font("Arial") is None


def _scan(tmp_path: Path, suffix: str) -> Path:
    """Render the sample PDF like a scanner would: grey, slightly rotated, noisy, with a red stamp."""
    import random

    import pypdfium2 as pdfium
    from PIL import ImageDraw

    pdf = pdfium.PdfDocument(str(SAMPLES / "quyet-dinh.pdf"))
    image = pdf[0].render(scale=250 / 72).to_pil().convert("RGB")
    draw = ImageDraw.Draw(image)
    width, height = image.size
    draw.ellipse((width * 0.60, height * 0.82, width * 0.78, height * 0.95), outline=(200, 30, 30), width=8)
    rng = random.Random(7)
    for _ in range(4000):
        x, y = rng.randrange(width), rng.randrange(height)
        draw.point((x, y), fill=(120, 120, 120))
    image = image.rotate(0.6, expand=False, fillcolor="white")
    path = tmp_path / f"scan{suffix}"
    image.save(path, resolution=250.0) if suffix == ".pdf" else image.save(path, dpi=(250, 250))
    return path


@needs_tesseract
@pytest.mark.parametrize("suffix", [".png", ".pdf"])
def test_scan_gives_the_digital_header_and_tasks(tmp_path: Path, suffix: str) -> None:
    digital = extract_file(SAMPLES / "quyet-dinh.pdf")
    scanned = extract_file(_scan(tmp_path, suffix))
    assert scanned["source"]["ocr"] is True
    assert scanned["source"]["format"] == ("image" if suffix == ".png" else "pdf-ocr")
    for field in HEADER:
        assert scanned["document"][field] == digital["document"][field], field
    assert [t["lead"] for t in scanned["tasks"]] == [t["lead"] for t in digital["tasks"]]


def test_ocr_section_sign_read_for_an_item_eight_is_put_back() -> None:
    from congvan.readers.ocr import _line

    words = [(100, 50, 130, 70, "§."), (140, 50, 200, 70, "Giao"), (210, 50, 300, 70, "Sở"), (310, 50, 380, 70, "Nội")]
    assert _line(words, 1, 1.0, 595.0).text.startswith("8. Giao")
    assert _line([(100, 50, 130, 70, "§"), (140, 50, 200, 70, "5")], 1, 1.0, 595.0).text == "§ 5"
