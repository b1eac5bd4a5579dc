"""Invitations: who is invited (the 'Thành phần mời' list, without the host and the role words), the meeting
task's title (what meeting and when), and the closing lines that only repeat the invitation."""

from __future__ import annotations

from pathlib import Path

import pytest

from congvan.extractors.meeting import meeting_title, repeats_invitation
from congvan.extractors.recipients import invitee_names
from congvan.pipeline.run import extract_file


@pytest.mark.parametrize(("item", "names"), [
    ("Đại diện lãnh đạo các sở, ban, ngành thuộc tỉnh;", ["Các sở, ban, ngành thuộc tỉnh"]),
    ("Lãnh đạo Trung tâm Dịch vụ việc làm tỉnh (Sở Nội vụ);", ["Trung tâm Dịch vụ việc làm tỉnh"]),
    ("Đại diện Viettel Quảng Ngãi.", ["Viettel Quảng Ngãi"]),
    ("Đại diện lãnh đạo và Chuyên viên phụ trách chuyển đổi số Phòng Kế hoạch - Sở Tài chính;",
     ["Phòng Kế hoạch - Sở Tài chính"]),
    ("Đại diện: Ban Dân vận Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy;", ["Ban Dân vận Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"]),
    ("Thành viên Ban Chỉ đạo chuyển đổi số tỉnh;", ["Ban Chỉ đạo chuyển đổi số tỉnh"]),
    ("Trưởng phòng, phó trưởng phòng chuyên môn Sở Xây dựng;", ["Các phòng chuyên môn Sở Xây dựng"]),
    ("Giám đốc, phó giám đốc các đơn vị trực thuộc Sở Nội vụ;", ["Các đơn vị trực thuộc Sở Nội vụ"]),
    ("Trưởng phòng Tài chính - Kế hoạch huyện;", ["Phòng Tài chính - Kế hoạch huyện"]),
    ("Chủ tịch UBND các xã, phường.", ["UBND các xã, phường"]),
    # the host who chairs is not an invitee
    ("Đồng chí Trần Văn B - Phó Chủ tịch UBND tỉnh chủ trì;", []),
    ("Lãnh đạo Văn phòng UBND tỉnh (chủ trì);", []),
])
def test_invitee_item_names_the_unit(item: str, names: list[str]) -> None:
    assert invitee_names(item) == names


def test_the_host_of_the_chu_tri_line_is_not_an_invitee() -> None:
    assert invitee_names("Đồng chí Trần Văn B - Phó Chủ tịch UBND tỉnh;", ["đồng chí trần văn b"]) == []


GIAY_MOI = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 30/GM-UBND
Quảng Ngãi, ngày 10 tháng 3 năm 2025
GIẤY MỜI
Thực hiện Công văn số 12/BNV-CCVC ngày 02 tháng 3 năm 2025 của Bộ Nội vụ, Ủy ban nhân dân tỉnh tổ chức Hội nghị \
sơ kết công tác chuyển đổi số quý I năm 2025.
1. Chủ trì: Đồng chí Trần Văn B - Phó Chủ tịch UBND tỉnh.
2. Thành phần mời:
- Đồng chí Trần Văn B - Phó Chủ tịch UBND tỉnh
chủ trì.
- Đại diện lãnh đạo các sở, ban, ngành thuộc tỉnh;
- Đại diện lãnh đạo và Chuyên viên phụ trách chuyển đổi số Phòng Kế hoạch -
Sở Tài chính;
- Đại diện Viettel Quảng Ngãi.
3. Thời gian: 08h00 ngày 14/3/2025 (sáng thứ Sáu).
4. Địa điểm: Hội trường UBND tỉnh.
Đề nghị các đồng chí dự họp đúng thành phần, thời gian và địa điểm nêu trên./.
Nơi nhận:
- Như thành phần mời;
- Lưu: VT.
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Lê Thị Hoa
"""


def test_giay_moi_invitees_host_title_and_closing(tmp_path: Path) -> None:
    path = tmp_path / "gm.txt"
    path.write_text(GIAY_MOI, encoding="utf-8")
    result = extract_file(path)
    invited = ["Các sở, ban, ngành thuộc tỉnh", "Phòng Kế hoạch - Sở Tài chính", "Viettel Quảng Ngãi"]
    assert result["document"]["recipients"] == invited
    [meeting] = result["tasks"]  # the closing "Đề nghị các đồng chí dự họp …" repeats the invitation
    assert meeting["lead"] == invited
    # the meeting's time, not the date of the letter the invitation cites
    assert meeting["deadline"]["date"] == "2025-03-14"
    assert meeting["title"] == "Dự Hội nghị sơ kết công tác chuyển đổi số quý I năm 2025 (08h00 ngày 14/03/2025)"


def test_meeting_title_says_what_and_when_within_100_characters() -> None:
    title = meeting_title("Họp bàn giải pháp đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2025 trên địa bàn "
                          "các huyện miền núi phía Tây của tỉnh", "2025-04-07", "14 giờ 00")
    assert title.startswith("Dự họp bàn giải pháp") and title.endswith("… (14 giờ 00 ngày 07/04/2025)")
    assert len(title) <= 100 and "\n" not in title


@pytest.mark.parametrize(("text", "repeats"), [
    ("Đề nghị các đồng chí dự họp đúng thành phần, thời gian và địa điểm nêu trên./.", True),
    ("Rất mong các đại biểu sắp xếp công việc, tham dự đầy đủ./.", True),
    ("Sở Tài chính trân trọng kính mời:", True),
    ("Đề nghị các đại biểu dự họp đăng ký tham dự qua hệ thống trước ngày 12/3/2025.", False),
    ("Đề nghị Sở Nội vụ chuẩn bị báo cáo để trình bày tại cuộc họp.", False),
])
def test_a_closing_line_that_only_repeats_the_invitation(text: str, repeats: bool) -> None:
    assert repeats_invitation(text) is repeats


@pytest.mark.parametrize("list_head", ["Ủy ban nhân dân tỉnh trân trọng kính mời:",
                                       "Sở Y tế trân trọng kính mời:\nThành phần:"])
def test_invitees_listed_after_the_inviting_sentence(tmp_path: Path, list_head: str) -> None:
    text = GIAY_MOI.replace("2. Thành phần mời:", list_head)
    path = tmp_path / "gm.txt"
    path.write_text(text, encoding="utf-8")
    result = extract_file(path)
    assert result["document"]["recipients"] == ["Các sở, ban, ngành thuộc tỉnh", "Phòng Kế hoạch - Sở Tài chính",
                                                "Viettel Quảng Ngãi"]
