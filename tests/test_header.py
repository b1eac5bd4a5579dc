"""Header extractors on real-world variants (anchors.md §1.8, §1.13)."""

from __future__ import annotations

import pytest

from congvan.extractors import dates, issuer, marks, number, signer
from congvan.layout import Line
from congvan.text.normalize import fold, title_case
from congvan.text.zones import split_merged, split_tabs


def lines(*texts: str) -> list[Line]:
    return [Line(text=t) for t in texts]


@pytest.mark.parametrize(("printed", "expected"), [
    ("Số: 779 /QĐ-UBND", "779/QĐ-UBND"),
    ("Số: 2781 /UBND - TTHC", "2781/UBND-TTHC"),
    ("Số: 05/2023/TT-BTC", "05/2023/TT-BTC"),
    ("Số: 12/UBND‑VX", "12/UBND-VX"),
    ("Số 156-CV/TĐTN", "156-CV/TĐTN"),
    ("SỐ: 45/KH-UBND", "45/KH-UBND"),
    ("Số:2775/SNV-CCHC&VTLT", "2775/SNV-CCHC&VTLT"),
])
def test_number_variants(printed: str, expected: str) -> None:
    found, _, warnings, _ = number.extract(lines(printed))
    assert found == expected
    assert warnings == []


def test_number_parts_with_type_code_and_year() -> None:
    parts = number.parse("05/2023/TT-BTC")
    assert parts == {"seq": "05", "year": "2023", "type_code": "TT", "issuer_code": "BTC", "unit_code": None}
    parts = number.parse("2781/UBND-TTHC")
    assert parts["type_code"] is None and parts["issuer_code"] == "UBND" and parts["unit_code"] == "TTHC"
    assert number.parse("12/QyĐ-UBND")["type_code"] == "QyĐ"
    assert number.parse("7/CTr-UBND")["type_code"] == "CTr"
    assert number.parse("156-CV/TĐTN") == {"seq": "156", "year": None, "type_code": "CV", "issuer_code": "TĐTN",
                                             "unit_code": None}


def test_blank_number_is_null_with_warning() -> None:
    found, parts, warnings, _ = number.extract(lines("Số:      /UBND-NC"))
    assert found is None
    assert parts["issuer_code"] == "UBND" and parts["unit_code"] == "NC"
    assert warnings and "blank" in warnings[0]


@pytest.mark.parametrize(("printed", "place", "iso"), [
    ("Quảng Ngãi, ngày 19 tháng 6 năm 2023", "Quảng Ngãi", "2023-06-19"),
    ("Hà Nội, ngày 05 tháng 01 năm 2020", "Hà Nội", "2020-01-05"),
    ("Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019", "Thành phố Hồ Chí Minh", "2019-06-29"),
    ("Hà Nội, ngày 05/01/2020", "Hà Nội", "2020-01-05"),
    ("Lâm Đồng, ngày 24 tháng 06 năm 2013", "Lâm Đồng", "2013-06-24"),
])
def test_place_and_date(printed: str, place: str, iso: str) -> None:
    found_place, found_date, warnings = dates.extract(lines(printed), [])
    assert (found_place, found_date) == (place, iso)
    assert warnings == []


def test_blank_day_gives_null_date_and_warning() -> None:
    place, iso, warnings = dates.extract(lines("Lâm Đồng, ngày      tháng 10 năm 2025"), [])
    assert place == "Lâm Đồng" and iso is None and warnings


def test_issuer_and_parent() -> None:
    header = lines("UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "Số: 12/SNV-VP")
    assert issuer.extract(header, 2)[:2] == ("Sở Nội vụ", "UBND tỉnh Lâm Đồng")
    header = lines("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 2781/UBND-TTHC")
    found, parent, _ = issuer.extract(header, 2)
    assert fold(found) == fold("Ủy ban nhân dân tỉnh Quảng Ngãi") and parent is None
    header = lines("TRUNG TÂM XÚC TIẾN ĐẦU TƯ, THƯƠNG MẠI", "VÀ DU LỊCH", "Số: 1/TTXT")
    assert fold(issuer.extract(header, 2)[0]) == fold("Trung tâm xúc tiến đầu tư, thương mại và du lịch")


def test_scrape_header_is_split_into_components() -> None:
    merged = lines("BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN -------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
                   "Hạnh phúc ---------------",
                   "Số: 2739/VPCP-ĐMDN V/v quy định về quản trị doanh nghiệp",
                   "Hà Nội, ngày 05 tháng 04 năm 2019 Kính gửi: Bộ Kế hoạch và Đầu tư.")
    texts = [line.text for line in split_merged(merged)]
    assert texts[0] == "BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN"
    assert "Số: 2739/VPCP-ĐMDN" in texts and "V/v quy định về quản trị doanh nghiệp" in texts
    assert "Kính gửi: Bộ Kế hoạch và Đầu tư." in texts


def test_tab_laid_out_columns() -> None:
    left, right = split_tabs(Line(text="Nơi nhận:\t\t\tTL. CHỦ TỊCH"))
    assert (left.text, left.column, right.text, right.column) == ("Nơi nhận:", "left", "TL. CHỦ TỊCH", "right")


@pytest.mark.parametrize(("printed", "expected"), [
    (["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Thị Xuyên"], ("KT.", "Bộ trưởng", "Thứ trưởng", "Nguyễn Thị Xuyên")),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn Hiệp"],
     ("KT.", "Chủ tịch", "Phó Chủ tịch", "Nguyễn Văn Hiệp")),
    (["TL.", "BỘ TRƯỞNG CHÁNH VĂN PHÒNG Nguyễn Đức Tâm"], ("TL.", "Bộ trưởng", "Chánh Văn phòng", "Nguyễn Đức Tâm")),
    (["KT.CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hiệp"], ("KT.", "Chủ tịch", "Phó Chủ tịch", "Nguyễn Văn Hiệp")),
    (["BỘ TRƯỞNG, CHỦ NHIỆM", "Mai Tiến Dũng"], (None, None, "Bộ trưởng, Chủ nhiệm", "Mai Tiến Dũng")),
    (["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Thượng tướng Nguyễn Văn Long"],
     ("KT.", "Bộ trưởng", "Thứ trưởng", "Nguyễn Văn Long")),
    (["GIÁM ĐỐC", "Phạm Thị Minh Hiếu"], (None, None, "Giám đốc", "Phạm Thị Minh Hiếu")),
    (["KT. HIỆU TRƯỞNG", "P. HIỆU TRƯỞNG", "Trần Văn An"], ("KT.", "Hiệu trưởng", "Phó Hiệu trưởng", "Trần Văn An")),
    (["KT. GIÁM ĐỐC", "P.GIÁM ĐỐC", "Lê Văn Bình"], ("KT.", "Giám đốc", "Phó Giám đốc", "Lê Văn Bình")),
])
def test_signer_variants(printed: list[str], expected: tuple) -> None:
    found, _ = signer.extract(printed)
    got = (found["authority"], found["on_behalf_of"], found["title"], found["name"])
    assert tuple(fold(x) if x else x for x in got) == tuple(fold(x) if x else x for x in expected)


def test_signature_glued_to_last_distribution_line() -> None:
    item, tail = signer.split_tail("Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng")
    assert item == "Lưu: VT, ĐMDN (2b). Trung Anh"
    assert tail == "BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng"


def test_marks_and_tone_folding() -> None:
    assert marks.extract(lines("HOẢ TỐC", "MẬT")) == ("Hỏa tốc", "Mật")
    assert marks.extract(lines("THƯỢNG KHẨN")) == ("Thượng khẩn", None)
    assert marks.extract(lines("V/v khẩn trương thực hiện")) == (None, None)
    assert fold("Uỷ ban nhân dân tỉnh Khánh Hoà") == fold("Ủy ban nhân dân tỉnh Khánh Hòa")
    assert title_case("PHÓ CHỦ TỊCH") == "Phó Chủ tịch"


@pytest.mark.parametrize(("old", "new"), [
    ("HOÀ BÌNH", "HÒA BÌNH"), ("Khánh Hoà", "Khánh Hòa"), ("Thuỷ lợi", "Thủy lợi"), ("khoẻ", "khỏe"),
    ("quý III", "quý III"), ("hoàn thành", "hoàn thành"), ("Hoạ sĩ", "Họa sĩ"), ("UỶ BAN", "ỦY BAN"),
])
def test_old_tone_placement_moves_only_in_open_syllables(old: str, new: str) -> None:
    from congvan.text.normalize import retone

    assert retone(old) == new


def test_unreadable_deputy_title_under_a_stamp_is_inferred_from_kt() -> None:
    found, warnings = signer.extract(["KT. BỌ TRƯƠNG", "xà: “ng 7", "ỞNG", "Nguyễn Văn Long"])
    assert found == {"authority": "KT.", "on_behalf_of": "Bộ trưởng", "title": "Thứ trưởng", "name": "Nguyễn Văn Long"}
    assert any("inferred" in warning for warning in warnings)
    found, warnings = signer.extract(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"])
    assert found["title"] == "Phó Chủ tịch" and not warnings


@pytest.mark.parametrize(("second", "subject"), [
    ("thiên tai năm 2024", "triển khai công tác phòng, chống thiên tai năm 2024"),  # plain text: no columns
    ("Kính gửi: Sở Y tế.", "triển khai công tác phòng, chống"),  # the addressees are no continuation
    ("Đồng Nai, ngày 03 tháng 6 năm 2024", "triển khai công tác phòng, chống"),
])
def test_a_plain_text_subject_continues_on_a_lower_case_line(second: str, subject: str) -> None:
    from congvan.extractors.doctype import vv_subject

    found, _ = vv_subject(lines("V/v triển khai công tác phòng, chống", second))
    assert found == subject


def test_an_addressee_bracket_citing_its_appointment_runs_on() -> None:
    from congvan.text.zones import recipients_end
    block = lines("Kính gửi:", "- Các thành viên Hội đồng thẩm định (theo Quyết định", "số 12/QĐ-UBND ngày 3/4/2025);",
                  "- Các sở, ban, ngành.", "Thực hiện chỉ đạo của Chủ tịch UBND tỉnh,")
    assert recipients_end(block, 0) == 4
