"""Scans read like a clerk reads them: each recovery rule on pages and rows we generate ourselves."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from congvan.extractors import dates, snap
from congvan.layout import Line
from congvan.pipeline.scan_fields import scan_confidence
from congvan.text.lookalike import lookalike_digits

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
SERIF = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
HAND = "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Oblique.ttf"  # slanted, written-in look
BLUE, BLACK, RED = (30, 60, 200), (25, 25, 25), (210, 30, 40)  # RED: a number put with a numbering stamp


def _header(place: str, date_row: str, cited: str = "") -> list[Line]:
    lines = [Line("ỦY BAN NHÂN DÂN", column="left"), Line(f"{place}, {date_row}", column="right")]
    return lines + ([Line(cited)] if cited else [])


def test_illegible_day_taken_from_the_signature_time_when_month_and_year_agree() -> None:
    _, iso, warnings = dates.extract(_header("Lâm Đồng", "ngày J2 tháng I1 năm 2025"), ["chữ ký số 13/11/2025 15:53"])
    assert iso == "2025-11-13"
    assert "e-signature" in warnings[0]


def test_signature_time_of_another_month_is_not_used() -> None:
    _, iso, warnings = dates.extract(_header("Lâm Đồng", "ngày J2 tháng 10 năm 2025"), ["chữ ký số 13/11/2025 15:53"])
    assert iso is None and "illegible" in warnings[0]


def test_two_lookalike_glyphs_read_as_the_day_with_a_warning() -> None:
    _, iso, warnings = dates.extract(_header("Hà Nội", "ngày |6 tháng 12 năm 2025"), [])
    assert iso == "2025-12-16"
    assert "check it" in warnings[0]


def test_a_date_the_header_cites_is_not_the_date_of_issue() -> None:
    header = _header("Kiên Giang", "ngày ?? tháng 01 năm 2018", "Căn cứ Quy định số 9-QĐ/TU ngày 14 tháng 12 năm 2017")
    assert dates.extract(header, [])[1] is None


@pytest.mark.parametrize(("raw", "digits"), [("lÍ", "11"), ("0Í", "01"), ("|6", "16"), ("J2", None), ("", None)])
def test_lookalike_digits(raw: str, digits: str | None) -> None:
    assert lookalike_digits(raw) == digits


@pytest.mark.parametrize(("read", "snapped"), [
    ("Ủy ban nhân dân tính Lâm Đòng", "Ủy ban nhân dân tỉnh Lâm Đồng"),
    ("Ủy ban nhân dân tỉnh Lâm Lâm Đòng", "Ủy ban nhân dân tỉnh Lâm Đồng"),
    ("Công an tỉnh Quang Nam", "Công an tỉnh Quảng Nam"),
    ("Ủy ban nhân dân thành phố Hà Nọi", "Ủy ban nhân dân thành phố Hà Nội"),
    ("Ủy ban nhân dân tỉnh Hà Nam", "Ủy ban nhân dân tỉnh Hà Nam"),  # not Hà Nội, not Nam Định
    ("Tp. Hồ Chí Minh", "Tp. Hồ Chí Minh"),
    ("Sở Nội vụ", "Sở Nội vụ"),
])
def test_names_snap_to_the_gazetteer(read: str, snapped: str) -> None:
    assert snap.name(read) == snapped


@pytest.mark.parametrize(("read", "snapped"), [
    ("1rương Minh Đương", "Trương Minh Đương"), ("Xguyến Minh", "Nguyễn Minh"), ("Trân Văn Bình", "Trần Văn Bình"),
    ("Lê Văn Tám", "Lê Văn Tám"), ("Abcxyz Văn", "Abcxyz Văn"),
])
def test_family_names_snap(read: str, snapped: str) -> None:
    assert snap.person(read) == snapped


def test_confidence_follows_how_each_field_was_obtained() -> None:
    document = {"number": "493/TB-UBND", "date": "2025-11-13", "issuer": "Ủy ban nhân dân tỉnh Lâm Đồng",
                "signer": {"name": "Sưu, Quái (cu"}}
    found = scan_confidence(document, ["day of issue illegible …; taken from the e-signature time (2025-11-13)"],
                            {"number": 0.5})
    assert found == {"number": 0.5, "date": 0.7, "signer.name": 0.4, "issuer": 0.9}
    assert scan_confidence({"number": None, "signer": {}}, [], {})["number"] == 0.0
    assert scan_confidence({"issuer": "| ủy ban nhân dân Só:%cat", "signer": {}}, [], {})["issuer"] == 0.4


def test_signature_time_read_from_the_pdf(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    from congvan.readers.pdf import _signature_times

    path = tmp_path / "signed.pdf"
    path.write_bytes(_signed_pdf("20251113155350+07'00'"))
    assert _signature_times(pdfium.PdfDocument(str(path))) == ["chữ ký số 13/11/2025 15:53"]


def _signed_pdf(when: str) -> bytes:
    """A one-page PDF with a signature field whose /M is the signing time (no real signature bytes)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>",
        b"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /Rect [0 0 0 0] /P 3 0 R /V 5 0 R >>",
        b"<< /Type /Sig /Filter /Adobe.PPKLite /M (D:" + when.encode() + b") /Contents <00> /ByteRange [0 0 0 0] >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _written_row(before: str, written: str, after: str, ink: tuple[int, int, int], noise: int = 0):
    """A 300-dpi page with one printed row whose blank is filled in a slanted hand; (image, scale, right in pt)."""
    from PIL import Image, ImageDraw, ImageFont

    scale = 300 / 72
    image = Image.new("RGB", (round(595 * scale), round(200 * scale)), "white")
    draw = ImageDraw.Draw(image)
    print_font, hand_font = ImageFont.truetype(SERIF, round(13 * scale)), ImageFont.truetype(HAND, round(17 * scale))
    x = 100 * scale
    draw.text((x, 95 * scale), before, font=print_font, fill=BLACK)
    x += draw.textlength(before, font=print_font) + 14 * scale
    draw.text((x, 89 * scale), written, font=hand_font, fill=ink)
    x += draw.textlength(written, font=hand_font) + 8 * scale
    draw.text((x, 95 * scale), after, font=print_font, fill=BLACK)
    right = (x + draw.textlength(after, font=print_font)) / scale
    draw.line((95 * scale, 118 * scale, 260 * scale, 118 * scale), fill=BLACK, width=3)  # the form's rule
    rng = random.Random(5)
    for _ in range(noise):
        draw.point((rng.randrange(image.width), rng.randrange(image.height)), fill=(120, 120, 120))
    return image.rotate(0.3, fillcolor="white"), scale, right


def _number_row(number: str, ink: tuple[int, int, int], noise: int = 0):
    """A page with only the 'Số: <written-in number>/TB-UBND' row."""
    image, scale, _ = _written_row("Số:", number, "/TB-UBND", ink, noise)
    return image, scale


@needs_tesseract
@pytest.mark.parametrize(("ink", "noise"), [(BLUE, 0), (BLUE, 3000), (BLACK, 0), (RED, 0)])
def test_written_in_number_re_read_from_its_blank(ink: tuple[int, int, int], noise: int) -> None:
    from congvan.readers import header_scan

    image, scale = _number_row("493", ink, noise)
    garbled = Line("Số:¿92 /TB-UBND", column="left", x0=100.0, x1=245.0, top=95.0)  # as a first pass leaves it
    warnings, confidence = header_scan.reread(image, [garbled], scale)
    assert garbled.text == "Số: 493/TB-UBND"
    assert "re-read" in warnings[0] and 0 < confidence["number"] < 1


def test_lookalike_number_needs_no_image_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from congvan.readers import header_scan, ocr

    monkeypatch.setattr(ocr, "image_to_text", lambda *args, **kwargs: "")
    line = Line("Số: lÍ/GM-SYT", column="left", x0=100.0, x1=200.0, top=95.0)
    warnings, confidence = header_scan.reread(Image.new("RGB", (2480, 900), "white"), [line], 300 / 72)
    assert line.text == "Số: 11/GM-SYT" and confidence == {"number": 0.5} and warnings


@needs_tesseract
def test_ink_mask_keeps_coloured_handwriting_and_drops_rules() -> None:
    from congvan.readers import handwriting

    image, scale = _number_row("27", BLUE)
    area = image.crop((round(120 * scale), round(80 * scale), round(170 * scale), round(125 * scale)))
    mask = handwriting.ink(area)
    assert mask.getbbox() is not None
    width, height = mask.size
    pixels = mask.tobytes()
    assert max(pixels.count(0, y * width, (y + 1) * width) for y in range(height)) < width * 0.6  # no rule left


@needs_tesseract
def test_pages_of_one_scan_ocr_in_parallel_give_the_same_layout(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from congvan.readers import pdf

    first, _ = _number_row("493", BLUE)
    second, _ = _number_row("27", BLACK, noise=500)
    path = tmp_path / "two-pages.pdf"
    first.save(path, resolution=300.0, save_all=True, append_images=[second])
    layouts = []
    for threads in ("1", "2"):
        monkeypatch.setenv("CONGVAN_OCR_THREADS", threads)
        layouts.append(pdf.read(str(path)))
    one, two = layouts
    assert one.ocr_pages == two.ocr_pages == 2
    assert [(line.page, line.text) for line in one.lines] == [(line.page, line.text) for line in two.lines]
    assert one.warnings == two.warnings and one.confidence == two.confidence
    assert {line.page for line in two.lines} == {1, 2}


@pytest.mark.parametrize(("read", "corrected"), [
    ("Sở Nội vụ chủ tri, phói hợp với Sở Y tế", "Sở Nội vụ chủ trì, phối hợp với Sở Y tế"),
    ("Đề nghi các đơn vị báo cao trước ngay 15/10", "Đề nghị các đơn vị báo cáo trước ngày 15/10"),
    ("Sở Tài chính chịu trach nhiệm", "Sở Tài chính chịu trách nhiệm"),
    ("Phòng Y tế trì hoãn", "Phòng Y tế trì hoãn"),  # one syllable alone is never touched
    # the tone over â, ê, ô dropped: the verbs and names tasks are found by
    ("trong thời gian tô chức thi; Triên khai, tông hợp", "trong thời gian tổ chức thi; Triển khai, tổng hợp"),
    ("Chương trình mục tiêu quôc gia phòng, chông ma túy", "Chương trình mục tiêu quốc gia phòng, chống ma túy"),
    ("III. TÔ CHỨC THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN"),  # capitals stay capitals
    ("BAO CAO KẾT QUẢ", "BÁO CÁO KẾT QUẢ"),
    ("các địa phương có thế mạnh; đội mới thành lập", "các địa phương có thế mạnh; đội mới thành lập"),
])
def test_deciding_phrases_corrected_in_ocr_text(read: str, corrected: str) -> None:
    from congvan.text.ocr_words import correct

    assert correct(read) == corrected


def test_ocr_run_together_date_row_still_gives_the_place() -> None:
    place, iso, _ = dates.extract([Line("Tp. Hồ Chí Minh, ngày22tháng 01 năm 2013", column="right")], [])
    assert (place, iso) == ("Tp. Hồ Chí Minh", "2013-01-22")


def test_type_line_with_slipped_diacritics_and_bracketed_subject() -> None:
    from congvan.extractors import doctype

    lines = [Line("GIÁY MỜI"), Line("(V/v Họp giao ban quý IV)"), Line("Sở Nội vụ trân trọng kính mời …")]
    name, index, rest = doctype.type_line(lines)
    assert (name, index) == ("Giấy mời", 0)
    assert doctype.subject_lines(lines, index, rest, set()) == ("Họp giao ban quý IV", 2)
    assert doctype.type_line([Line("Giay moi cac don vi")])[0] is None  # not a type line: not upper case


def test_a_speck_before_a_line_is_dropped() -> None:
    from congvan.readers.ocr import _line

    words = [(100, 50, 104, 54, "."), (120, 50, 200, 70, "TRƯỜNG"), (210, 50, 300, 70, "ĐẠI"),
             (310, 50, 380, 70, "HỌC")]
    line = _line(words, 1, 1.0, 595.0)
    assert line.text == "TRƯỜNG ĐẠI HỌC" and line.x0 == 120.0


def test_page_model_defaults_to_vie_and_can_be_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    from congvan.readers import ocr

    monkeypatch.delenv("CONGVAN_OCR_LANG", raising=False)
    assert ocr.page_language() == "vie"
    monkeypatch.setenv("CONGVAN_OCR_LANG", "vie+script/Vietnamese")
    assert ocr.page_language() == "vie+script/Vietnamese"


def _signature_block():
    """A 300-dpi page foot: Nơi nhận on the left; on the right the authority lines and a printed name under a
    red seal and a blue signature."""
    from PIL import Image, ImageDraw, ImageFont

    scale = 300 / 72
    image = Image.new("RGB", (round(595 * scale), round(300 * scale)), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SERIF, round(13 * scale))
    draw.text((80 * scale, 40 * scale), "Nơi nhận:", font=font, fill=BLACK)
    draw.text((80 * scale, 58 * scale), "- Như trên;", font=font, fill=BLACK)
    draw.text((360 * scale, 40 * scale), "KT. CHỦ TỊCH", font=font, fill=BLACK)
    draw.text((360 * scale, 58 * scale), "PHÓ CHỦ TỊCH", font=font, fill=BLACK)
    for ring in range(0, 40, 4):  # a seal: red rings across the name
        box = (330 + ring / 2, 80 + ring / 2, 460 - ring / 2, 200 - ring / 2)
        draw.ellipse(tuple(v * scale for v in box), outline=(210, 40, 40), width=6)
    draw.line([(340 * scale, 175 * scale), (470 * scale, 160 * scale), (380 * scale, 190 * scale)],
              fill=BLUE, width=8)  # the signature's stroke across the name
    draw.text((350 * scale, 170 * scale), "Nguyễn Văn An", font=font, fill=BLACK)  # print shows through ink
    return image, scale


def test_signer_name_reread_under_the_seal() -> None:
    from congvan.readers import signature_scan

    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed")
    image, scale = _signature_block()
    lines = [Line("Nơi nhận:", column="left", x0=80.0, top=40.0), Line("KT. CHỦ TỊCH", column="right", x0=360.0,
             top=40.0), Line("Ngu/ễn Vă~ n", column="right", x0=350.0, top=170.0)]  # as a first pass leaves it
    start = signature_scan.needs_reread(lines)
    assert start is lines[0]
    assert signature_scan.reread_name(image, start, scale) == "Nguyễn Văn An"


def test_block_with_a_readable_name_is_not_read_again() -> None:
    from congvan.readers import signature_scan

    lines = [Line("Nơi nhận:", column="left", x0=80.0, top=40.0),
             Line("Trần Thị Bình", column="right", x0=350.0, top=170.0)]
    assert signature_scan.needs_reread(lines) is None


def test_a_name_run_must_start_with_a_family_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from congvan.readers import ocr, signature_scan

    monkeypatch.setattr(ocr, "image_to_text", lambda *args, **kwargs: "KT. CHỦ TỊCH\nThạc5 4¿fn Minh Vũ\n")
    start = Line("Nơi nhận:", top=40.0)
    assert signature_scan.reread_name(Image.new("RGB", (800, 800), "white"), start, 1.0) is None
    monkeypatch.setattr(ocr, "image_to_text", lambda *args, **kwargs: "KT. CHỦ TỊCH\n` Lê Hoàng Anh\n|\n")
    assert signature_scan.reread_name(Image.new("RGB", (800, 800), "white"), start, 1.0) == "Lê Hoàng Anh"


def test_recovered_signer_only_replaces_a_missing_or_garbled_name() -> None:
    from congvan.pipeline.scan_fields import recover_signer

    reader: dict[str, float] = {}
    document = {"signer": {"name": "Sưu, Quái (cu"}}
    assert recover_signer(document, {"signer.name": "Lê Hoàng Anh"}, reader)
    assert document["signer"]["name"] == "Lê Hoàng Anh" and reader == {"signer.name": 0.5}
    kept = {"signer": {"name": "Trần Văn Bình"}}
    assert recover_signer(kept, {"signer.name": "Lê Hoàng Anh"}, {}) == []
    assert kept["signer"]["name"] == "Trần Văn Bình"


@pytest.mark.parametrize(("line", "expected"), [
    ("Kính gửi: Đồng chí Trần Văn Bình, Ủy viên Ban Thường vụ, Chủ tịch Ủy ban nhân dân huyện Tân Phú",
     ["Ủy ban nhân dân huyện Tân Phú"]),
    ("Kính gửi: Đồng chí Lê Thị Hoa, Giám đốc Sở Tài chính", ["Sở Tài chính"]),
])
def test_a_leader_addressed_by_name_is_the_body_named_last(line: str, expected: list[str]) -> None:
    from congvan.extractors import recipients

    assert recipients.extract([Line(line)])[0] == expected


def test_recipients_of_a_scan_snap_to_the_gazetteer() -> None:
    from congvan.pipeline.scan_fields import snap_names

    document = {"recipients": ["Uỷ ban nhân dân tỉnh Lâm Đông", "Sở Nội vụ"], "signer": {}}
    warnings = snap_names(document)
    assert document["recipients"] == ["Uỷ ban nhân dân tỉnh Lâm Đồng", "Sở Nội vụ"] and len(warnings) == 1


def _hand(text: str):
    """Digits written in a slanted hand, blue, on a white area the size of a header blank."""
    from PIL import Image, ImageDraw, ImageFont

    area = Image.new("RGB", (40 + 48 * len(text), 125), "white")
    ImageDraw.Draw(area).text((14, 30), text, font=ImageFont.truetype(HAND, 71), fill=BLUE)
    return area


@pytest.mark.parametrize("number", ["4409", "1406", "27", "05"])
def test_digit_model_reads_written_digits(number: str) -> None:
    from congvan.readers import digit_model

    read = digit_model.read(_hand(number))
    assert read.digits == number and read.whole and 0 < read.confidence <= 1


def test_a_glyph_that_is_no_digit_is_not_dropped() -> None:
    from congvan.readers import digit_model, handwriting

    read = digit_model.read(_hand("m13"))
    assert not read.whole  # 'm' is seen, so '13' is not a reading of the field
    assert handwriting.read_digits(_hand("m13")) is None


def test_handwritten_value_needs_two_crops_and_enough_digits(monkeypatch: pytest.MonkeyPatch) -> None:
    from congvan.readers import digit_model, handwriting

    assert handwriting.read_digits(_hand("16"), least=2) == ("16", pytest.approx(0.9, abs=0.5))
    assert handwriting.read_digits(_hand("3"), least=2) is None  # a day is written with two digits
    reads = iter([digit_model.Read("16", "16", 0.8), digit_model.Read("18", "18", 0.7),
                  digit_model.Read("16", "1m6", 0.99), digit_model.Read("18", "18", 0.95)])
    monkeypatch.setattr(digit_model, "read", lambda crop: next(reads))
    assert handwriting.read_digits(_hand("16")) == ("18", 0.9)  # the first value two crops agree on, score ≤ 0.9


@needs_tesseract
@pytest.mark.parametrize(("day", "ink", "expected"), [("16", BLUE, "16"), ("02", BLACK, "02"), ("45", BLUE, None)])
def test_written_in_day_re_read_from_its_blank(day: str, ink: tuple[int, int, int], expected: str | None) -> None:
    from congvan.readers import header_scan

    image, scale, right = _written_row("Lâm Đồng, ngày", day, "tháng 3 năm 2026", ink)
    garbled = Line("Lâm Đồng, ngày Ảb tháng 3 năm 2026", column="right", x0=100.0, x1=right, top=95.0)
    warnings, confidence = header_scan.reread(image, [garbled], scale)
    if expected is None:  # day 45 is no calendar day: the row is left for the e-signature time
        assert garbled.text.endswith("Ảb tháng 3 năm 2026") and not warnings and "date" not in confidence
        return
    assert garbled.text == f"Lâm Đồng, ngày {expected} tháng 3 năm 2026"
    assert "re-read" in warnings[0] and 0 < confidence["date"] <= 0.9
    _, iso, _ = dates.extract([garbled], [])
    assert iso == f"2026-03-{expected}"


def test_a_plain_date_row_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from congvan.readers import handwriting, header_scan

    monkeypatch.setattr(handwriting, "char_boxes", lambda row: pytest.fail("no re-read expected"))
    line = Line("Hà Nội, ngày 05 tháng 01 năm 2026", column="right", x0=300.0, x1=500.0, top=95.0)
    assert header_scan.reread(Image.new("RGB", (2480, 900), "white"), [line], 300 / 72) == ([], {})


def _sample_page(turn: int, path: Path) -> Path:
    """Page 1 of samples/quyet-dinh.pdf as a 300-dpi scan, turned `turn` degrees counter-clockwise."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(Path(__file__).resolve().parents[1] / "samples" / "quyet-dinh.pdf"))
    image = pdf[0].render(scale=300 / 72).to_pil().convert("RGB").rotate(turn, expand=True, fillcolor="white")
    image.save(path, dpi=(300, 300))
    return path


@needs_tesseract
@pytest.mark.parametrize("turn", [180, 90])
def test_a_page_scanned_turned_is_read_upright(tmp_path: Path, turn: int) -> None:
    from congvan.readers import image

    layout = image.read(str(_sample_page(turn, tmp_path / "turned.png")))
    text = "\n".join(line.text for line in layout.lines)
    assert "789/QĐ-UBND" in text and "QUYẾT ĐỊNH" in text
    assert f"turning it {turn}° clockwise" in layout.warnings[0]


@needs_tesseract
def test_an_upright_page_is_not_sent_to_orientation_detection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from congvan.readers import image, ocr

    monkeypatch.setattr(ocr, "orientation", lambda page: pytest.fail("upright pages need no orientation check"))
    layout = image.read(str(_sample_page(0, tmp_path / "upright.png")))
    assert not any("turned" in warning for warning in layout.warnings)


def test_doubt_comes_from_few_confident_words_not_from_a_short_page() -> None:
    from congvan.readers import ocr

    def rows(scores: list[float]) -> dict:
        return {(1, 1, i): [(0, 0, 10, 10, "chữ", score)] for i, score in enumerate(scores)}

    assert ocr._doubtful(rows([40.0] * 30))  # a turned page: nothing read with confidence
    assert not ocr._doubtful(rows([40.0] * 15 + [90.0] * 15))  # a creased page: half its words read well
    assert not ocr._doubtful(rows([10.0] * 5))  # too few words to judge (a blank page with specks)


@pytest.mark.parametrize(("name", "kept"), [
    ("Sưu, Quái (cu, 7⁄2", False),  # a script typeface read as text
    ("Nguyễn Văn A", True), ("Huỳnh Thị Ngọc Hân", True), ("Lê-Nguyễn Minh", True), ("Trần 7ăn Long", False),
])
def test_a_scans_signer_name_must_read_as_a_name(name: str, kept: bool) -> None:
    from congvan.pipeline.scan_fields import drop_unreadable_name

    document = {"signer": {"title": "Hiệu trưởng", "name": name}}
    warnings = drop_unreadable_name(document)
    assert (document["signer"]["name"] == name) is kept
    assert bool(warnings) is not kept and (kept or name in warnings[0])


def test_task_agencies_of_a_scan_snap_to_the_gazetteer() -> None:
    from congvan.pipeline.scan_fields import snap_task_agencies

    tasks = [{"lead": ["Uỷ ban nhân dân tỉnh Lâm Đông"], "support": ["Công an tính Lâm Đồng", "Sở Tư pháp"]},
             {"lead": ["Sở Tư pháp"], "support": []}]
    warnings = snap_task_agencies(tasks)
    assert tasks[0] == {"lead": ["Uỷ ban nhân dân tỉnh Lâm Đồng"], "support": ["Công an tỉnh Lâm Đồng", "Sở Tư pháp"]}
    assert tasks[1] == {"lead": ["Sở Tư pháp"], "support": []}
    assert len(warnings) == 1 and "'Công an tính Lâm Đồng' → 'Công an tỉnh Lâm Đồng'" in warnings[0]
    assert snap_task_agencies(tasks) == []  # nothing left to snap


def _seal(image, scale: float, centre: tuple[float, float], radius: float) -> None:
    """A red round seal's two rims drawn over the page (centre and radius in points)."""
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    x, y, r = centre[0] * scale, centre[1] * scale, radius * scale
    draw.ellipse((x - r, y - r, x + r, y + r), outline=(220, 40, 40), width=round(2.5 * scale))
    draw.ellipse((x - r + 10, y - r + 10, x + r - 10, y + r - 10), outline=(220, 40, 40), width=round(scale))


@needs_tesseract
@pytest.mark.parametrize(("number", "ink"), [("1406", BLUE), ("493", BLUE), ("27", BLACK)])
def test_written_in_number_under_a_red_stamp(number: str, ink: tuple[int, int, int]) -> None:
    from congvan.readers import header_scan

    image, scale, right = _written_row("Số:", number, "/TB-UBND", ink)
    _seal(image, scale, (150, 142), 40)  # its rim crosses the written digits
    line = Line("Số:¿92 /TB-UBND", column="left", x0=100.0, x1=right, top=95.0)
    warnings, confidence = header_scan.reread(image, [line], scale)
    assert line.text == f"Số: {number}/TB-UBND" and warnings and confidence["number"] <= 0.9


def test_gap_counts_a_box_that_holds_more_than_one_character() -> None:
    from congvan.readers import handwriting

    chars = [(0, 0, 10, 9, "S"), (10, 0, 20, 9, "ố"), (20, 0, 24, 9, ":"), (40, 0, 44, 9, "''"),
             (90, 0, 96, 9, "/"), (96, 0, 104, 9, "T")]
    assert handwriting.gap(chars, handwriting.NUMBER_GAP, "/") == (26, 88)


@needs_tesseract
@pytest.mark.parametrize("degrees", [1.5, -1.5])
def test_a_skewed_scan_reads_like_a_straight_one(tmp_path: Path, degrees: float) -> None:
    from PIL import Image

    from congvan.pipeline.run import extract_file

    straight = extract_file(_sample_page(0, tmp_path / "straight.png"))
    path = tmp_path / "skewed.png"
    Image.open(_sample_page(0, tmp_path / "page.png")).rotate(degrees, fillcolor="white").save(path, dpi=(300, 300))
    skewed = extract_file(path)
    for field in ("number", "date", "issuer", "place", "signer"):
        assert skewed["document"][field] == straight["document"][field]
    assert [t["lead"] for t in skewed["tasks"]] == [t["lead"] for t in straight["tasks"]]


@pytest.mark.parametrize(("read", "name"), [
    ("Thường:tướng Nguyên Văn Long", "Nguyễn Văn Long"),  # a rank OCR slipped on, before the name
    ("Đại tá Trân Văn Thanh", "Trần Văn Thanh"),
    ("Trung Văn Long", "Trung Văn Long"),  # a family name that only looks like a rank's first word
])
def test_a_rank_before_a_scanned_name_is_dropped(read: str, name: str) -> None:
    from congvan.pipeline.scan_fields import snap_names

    document = {"signer": {"name": read}}
    snap_names(document)
    assert document["signer"]["name"] == name


@pytest.mark.parametrize(("iso", "references", "stamps", "kept"), [
    ("2025-03-16", [{"date": "2025-07-21"}], [], False),  # a month misread: the text cites a later document
    ("2025-09-16", [{"date": "2025-07-21"}], [], True),
    ("2025-09-16", [{"date": "2031-01-01"}], [], True),  # a citation dated in the future is itself misread
    ("2025-11-23", [], ["chữ ký số 13/11/2025 15:53"], False),  # after the last signature
    ("2025-11-13", [], ["chữ ký số 13/11/2025 15:53"], True),
])
def test_a_recovered_date_must_be_possible(iso: str, references: list, stamps: list, kept: bool) -> None:
    from datetime import date

    from congvan.pipeline.scan_fields import implausible_date

    document = {"date": iso, "references": references}
    warnings = implausible_date(document, [f"date {iso} re-read from the scan (handwritten): check it"], stamps,
                                today=date(2026, 12, 3))
    assert (document["date"] == iso) is kept and bool(warnings) is not kept


def test_a_printed_date_is_not_second_guessed() -> None:
    from congvan.pipeline.scan_fields import implausible_date

    document = {"date": "2025-03-16", "references": [{"date": "2025-07-21"}]}
    assert implausible_date(document, [], []) == [] and document["date"] == "2025-03-16"


def test_a_number_run_into_its_code_keeps_the_whole_code(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from congvan.readers import header_scan

    monkeypatch.setattr(header_scan._Rows, "written", lambda self, line, before, after, least=1: ("855", 0.8))
    line = Line("Só:%CAT-PA05", column="left", x0=100.0, x1=200.0, top=95.0)  # the '/' under the written digits
    header_scan.reread(Image.new("RGB", (2480, 900), "white"), [line], 300 / 72)
    assert line.text == "Số: 855/CAT-PA05"


def test_tesseracts_eth_is_the_vietnamese_d() -> None:
    from congvan.readers import ocr

    words = [(0, 0, 40, 20, "Số:", 90.0), (50, 0, 200, 20, "12/QĐÐ-UBND", 80.0), (210, 0, 300, 20, "ÐỒNG", 80.0)]
    assert ocr._line(words, 1, 1.0, 600.0).text == "Số: 12/QĐ-UBND ĐỒNG"


def test_digits_written_into_the_next_word_get_a_low_score() -> None:
    from congvan.readers import handwriting

    whole = _hand("1406")
    cut = whole.crop((0, 0, 160, whole.height))  # the 6 runs into the "/" the area stops at (ink ends at 174)
    read = handwriting.read_digits(cut)
    assert read is None or read[1] <= 0.5
    assert handwriting.read_digits(whole)[1] > 0.5
