"""The signature block (contract: Signer rules), on invented blocks: the title is the signer's own position, the
authority the prefix nearest it, and the block is found whatever follows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from congvan.extractors import signer
from congvan.layout import Line
from congvan.pipeline.run import extract_file
from congvan.text.normalize import fold
from congvan.text.zones import find_footer, find_footer_end


def parsed(printed: list[str], issuer: str | None = None) -> tuple:
    """(authority, on_behalf_of, title, name), case folded: the scorer compares them case-insensitively."""
    found, _ = signer.extract(printed, issuer)
    return tuple(fold(found[key]) if found[key] else None for key in ("authority", "on_behalf_of", "title", "name"))


@pytest.mark.parametrize(("printed", "expected"), [
    # a second state post under the title is not part of it
    (["TM. BAN CHỈ HUY", "PHÓ TRƯỞNG BAN", "PHÓ CHỦ TỊCH UBND HUYỆN", "Trần Văn Bình"],
     ("TM.", "Ban Chỉ huy", "Phó Trưởng ban", "Trần Văn Bình")),
    (["PHÓ CHỦ TỊCH", "GIÁM ĐỐC SỞ XÂY DỰNG", "Lê Thị Cúc"], (None, None, "Phó Chủ tịch", "Lê Thị Cúc")),
    (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH UBND TỈNH", "Hà Văn Dũng"], ("KT.", "Chủ tịch", "Phó Chủ tịch", "Hà Văn Dũng")),
    # nor the issuer's name, nor a heading above the title
    (["GIÁM ĐỐC", "SỞ TƯ PHÁP", "Đỗ Thị Em"], (None, None, "Giám đốc", "Đỗ Thị Em")),
    (["PHÊ DUYỆT", "GIÁM ĐỐC", "Đỗ Thị Em"], (None, None, "Giám đốc", "Đỗ Thị Em")),
    # a head of unit keeps the unit he heads
    (["TL. BỘ TRƯỞNG", "VỤ TRƯỞNG", "VỤ PHÁP CHẾ", "Ngô Văn Phong"],
     ("TL.", "Bộ trưởng", "Vụ trưởng Vụ Pháp chế", "Ngô Văn Phong")),
    (["TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ PHÁP CHẾ Ngô Văn Phong"],
     ("TL.", "Bộ trưởng", "Vụ trưởng Vụ Pháp chế", "Ngô Văn Phong")),
    (["KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Trịnh Văn Giang"],
     ("KT.", "Cục trưởng", "Phó Cục trưởng", "Trịnh Văn Giang")),
    # a title wrapped over two lines is read whole
    (["PHÓ CHÁNH VĂN", "PHÒNG", "Lê Văn An"], (None, None, "Phó Chánh Văn phòng", "Lê Văn An")),
    (["CHỦ TỊCH", "NƯỚC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "(Đã ký)", "Lê Văn An"],
     (None, None, "Chủ tịch nước", "Lê Văn An")),  # the motto of a two-column line is not a title
    # a scrape that runs what follows the signature onto the name's line: the block ends at the name
    (["KT.", "CỤC TRƯỞNG PHÓ CỤC TRƯỞNG Vũ Văn An TÊN ĐƠN VỊ BÁO CÁO:……", "ĐỊA CHỈ:"],
     ("KT.", "Cục trưởng", "Phó Cục trưởng", "Vũ Văn An")),
    (["BỘ TRƯỞNG Lê Văn An KẾ HOẠCH HÀNH ĐỘNG CỦA NGÀNH"], (None, None, "Bộ trưởng", "Lê Văn An")),
    # the whole block on one line (scrapes): cut where the next title starts
    (["TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Bình"],
     ("KT.", "Chủ tịch", "Phó Chủ tịch", "Trần Văn Bình")),
    (["K/T THỦ TƯỚNG CHÍNH PHỦ PHÓ THỦ TƯỚNG Lê Văn Cường"],
     ("KT.", "Thủ tướng Chính phủ", "Phó Thủ tướng", "Lê Văn Cường")),
    (["KT. TỔNG GIÁM ĐỐC PHÓ TỔNG GIÁM ĐỐC Vũ Văn Hải"], ("KT.", "Tổng giám đốc", "Phó Tổng giám đốc", "Vũ Văn Hải")),
    (["KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Vũ Văn Hải"],
     ("KT.", "Bộ trưởng, Chủ nhiệm", "Phó Chủ nhiệm", "Vũ Văn Hải")),
    # printed variants of the prefix
    (["K.T. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Lê Văn Cường"], ("KT.", "Thủ tướng", "Phó Thủ tướng", "Lê Văn Cường")),
    # a collective wrapped over two lines stays the authority's object
    (["TM. ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG", "CHỦ TỊCH", "Lò Văn Sáu"],
     ("TM.", "Ủy ban nhân dân tỉnh Hà Giang", "Chủ tịch", "Lò Văn Sáu")),
    (["TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Lò Văn Sáu"],
     ("TM.", "Ban Thường vụ", "Phó Bí thư Thường trực", "Lò Văn Sáu")),
])
def test_title_is_the_own_position_only(printed: list[str], expected: tuple) -> None:
    assert parsed(printed) == tuple(fold(x) if x else None for x in expected)


def test_the_unit_named_under_a_title_is_left_out_when_it_is_the_issuer() -> None:
    printed = ["TRƯỞNG BAN", "BAN QUẢN LÝ DỰ ÁN", "Lê Văn An"]
    assert parsed(printed)[2] == fold("Trưởng ban Ban Quản lý dự án")
    assert parsed(printed, issuer="Ban Quản lý dự án")[2] == fold("Trưởng ban")


@pytest.mark.parametrize(("printed", "expected"), [
    (["KT. GIÁM ĐÓC", "PHÓ GIÁM ĐÓC", "Lê Văn An"], ("KT.", "Giám đốc", "Phó Giám đốc", "Lê Văn An")),
    (["IÁM ĐỐC", "Lê Văn An"], (None, None, "Giám đốc", "Lê Văn An")),  # a letter lost under the stamp
    (["4.HIỆU TRƯỞNG ){", "Lê Văn An"], (None, None, "Hiệu trưởng", "Lê Văn An")),  # specks around the title
    (["X*T. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Văn An"], ("KT.", "Bộ trưởng", "Thứ trưởng", "Lê Văn An")),  # OCR'd KT.
])
def test_ocr_titles_snap_to_the_known_list(printed: list[str], expected: tuple) -> None:
    assert parsed(printed) == tuple(fold(x) if x else None for x in expected)


def lines(*texts: str) -> list[Line]:
    return [Line(text=text) for text in texts]


BODY = ["Điều 1. Phê duyệt danh mục dự án năm 2025 của tỉnh kèm theo Quyết định này."] * 3


def test_block_found_before_an_appendix_when_there_is_no_noi_nhan() -> None:
    doc = lines(*BODY, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Trần Văn Bình",
                "PHỤ LỤC", "Danh mục dự án", *[f"{n}. Dự án số {n} tại xã A" for n in range(1, 15)])
    start = find_footer(doc, 0)
    assert doc[start].text == "KT. CHỦ TỊCH"
    assert doc[find_footer_end(doc, start)].text == "PHỤ LỤC"


def test_unprefixed_block_found_before_a_list() -> None:
    doc = lines(*BODY, "GIÁM ĐỐC", "Trần Văn Bình", "DANH SÁCH", *[f"{n}. Ông Nguyễn Văn {n}" for n in range(12)])
    start = find_footer(doc, 0)
    assert doc[start].text == "GIÁM ĐỐC"
    assert doc[find_footer_end(doc, start)].text == "DANH SÁCH"


def test_the_motto_inside_a_state_presidents_block_does_not_end_it() -> None:
    doc = lines(*BODY, "CHỦ TỊCH", "NƯỚC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "(Đã ký)", "Lê Văn An")
    start = find_footer(doc, 0)
    assert doc[start].text == "CHỦ TỊCH" and find_footer_end(doc, start) == len(doc)
    doc = lines(*BODY, "CHỦ TỊCH", "Lê Văn An", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert doc[find_footer_end(doc, 3)].text.startswith("CỘNG HÒA")


def test_footnotes_and_tables_after_the_name_end_the_block() -> None:
    doc = lines(*BODY, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình", "1 Nghị định số 30/2020/NĐ-CP về văn thư.")
    assert doc[find_footer_end(doc, 3)].text.startswith("1 Nghị định")
    doc = lines(*BODY, "CHỦ TỊCH", "Trần Văn Bình") + [Line(text="STT", table=0), Line(text="Nội dung", table=0)]
    assert doc[find_footer_end(doc, 3)].text == "STT"


OLD_CHI_THI = """HỘI ĐỒNG CHÍNH PHỦ
VIỆT NAM DÂN CHỦ CỘNG HÒA
Độc lập - Tự do - Hạnh phúc
Số: 12-CT
Hà Nội, ngày 5 tháng 2 năm 1979
CHỈ THỊ
VỀ CÔNG TÁC THỦY LỢI

1. Các địa phương phải chuẩn bị đủ nước cho vụ đông xuân.

2. Bộ Thủy lợi có trách nhiệm hướng dẫn các địa phương thực hiện chỉ thị này.

K/T THỦ TƯỚNG CHÍNH PHỦ PHÓ THỦ TƯỚNG Lê Văn Cường
"""


def test_old_document_without_noi_nhan_and_a_glued_signature(tmp_path: Path) -> None:
    path = tmp_path / "chi-thi.txt"
    path.write_text(OLD_CHI_THI, encoding="utf-8")
    found = extract_file(path)["document"]["signer"]
    assert (found["authority"], found["title"], found["name"]) == ("KT.", "Phó Thủ tướng", "Lê Văn Cường")
