"""Titles a tracker can show: the action, verb first, without who leads it, one line of at most 100 characters."""

from __future__ import annotations

import pytest

from congvan.extractors.task_fields import shorten, title


@pytest.mark.parametrize(("text", "expected"), [
    # a leading request or assignment and its agencies
    ("Giao Sở Xây dựng chủ trì rà soát quy hoạch chung đô thị.", "Rà soát quy hoạch chung đô thị"),
    ("Yêu cầu Giám đốc các Sở: Công Thương, Xây dựng; Chủ tịch UBND các xã tiếp tục kiểm tra thị trường.",
     "Tiếp tục kiểm tra thị trường"),
    ("Đề nghị Quý cơ quan có ý kiến góp ý đối với dự thảo Quy chế.", "Có ý kiến góp ý đối với dự thảo Quy chế"),
    ("Nay Sở Nội vụ kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt Đề án.", "Xem xét, phê duyệt Đề án"),
    ("Căn cứ Nghị định số 10/2025/NĐ-CP, đề nghị các hội khẩn trương gửi báo cáo về Sở Nội vụ.",
     "Khẩn trương gửi báo cáo về Sở Nội vụ"),
    # a subject agency list before its verb
    ("UBND các huyện, thị xã khẩn trương rà soát danh sách hộ nghèo.", "Khẩn trương rà soát danh sách hộ nghèo"),
    ("Các đại biểu dự họp đúng thành phần, đăng ký tham dự qua hộp thư điện tử.",
     "Dự họp đúng thành phần, đăng ký tham dự qua hộp thư điện tử"),
    ("Giám đốc Ban Quản lý dự án đầu tư xây dựng tỉnh lập kế hoạch giải ngân.", "Lập kế hoạch giải ngân"),
    # a topic or agency label before the action
    ("Về công tác tuyên truyền: Đẩy mạnh phổ biến pháp luật về đất đai.", "Đẩy mạnh phổ biến pháp luật về đất đai"),
    ("UBND các huyện: Sơn Hà, Sơn Tây: Hoàn thành việc bầu chọn mô hình.", "Hoàn thành việc bầu chọn mô hình"),
    ("Sở Tư pháp: Thực hiện kiểm tra văn bản.", "Thực hiện kiểm tra văn bản"),
    # the lead's wording: chủ trì, phối hợp với …, có / chịu trách nhiệm
    ("Sở Y tế chủ trì, phối hợp với các Sở: Tài chính, Nội vụ tổ chức tập huấn phòng dịch.",
     "Tổ chức tập huấn phòng dịch"),
    ("Chủ trì, phối hợp với các cơ quan, đơn vị liên quan, tham mưu công khai thông tin quy hoạch.",
     "Tham mưu công khai thông tin quy hoạch"),
    ("Cục Thống kê có trách nhiệm phối hợp với Sở Tài chính xây dựng bộ chỉ tiêu.",
     "Phối hợp với Sở Tài chính xây dựng bộ chỉ tiêu"),
    ("Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành "
     "Quyết định này./.", "Thi hành Quyết định này"),
    # already verb-first: kept; a second action after ';' left to the description
    ("Hướng dẫn doanh nghiệp thực hiện; đề nghị các doanh nghiệp báo cáo định kỳ.", "Hướng dẫn doanh nghiệp thực hiện"),
    # not an agency before the verb: nothing dropped
    ("Hiệp hội Doanh nghiệp tỉnh đã tổ chức Đại hội nhiệm kỳ IV.",
     "Hiệp hội Doanh nghiệp tỉnh đã tổ chức Đại hội nhiệm kỳ IV"),
])
def test_title_is_the_action_without_the_lead(text: str, expected: str) -> None:
    assert title(text) == expected


def test_title_is_one_line_of_at_most_100_characters_cut_at_a_word() -> None:
    text = ("Giao Sở Tài chính chủ trì rà soát, tổng hợp nhu cầu kinh phí thực hiện chính sách hỗ trợ người lao động\n"
            "bị mất việc làm tại các doanh nghiệp gặp khó khăn do suy giảm đơn hàng trên địa bàn tỉnh.")
    got = title(text)
    assert got.startswith("Rà soát, tổng hợp nhu cầu kinh phí") and "\n" not in got
    assert len(got) <= 100 and got.endswith(" …")
    words = set(text.replace("\n", " ").lower().split())
    assert all(word in words for word in got[:-2].lower().split())  # every word whole, never cut mid-word


def test_shorten_keeps_short_text_and_cuts_long_text_at_a_space() -> None:
    assert shorten("Rà soát kinh phí") == "Rà soát kinh phí"
    assert shorten("một hai ba bốn năm", 12) == "một hai ba …"
