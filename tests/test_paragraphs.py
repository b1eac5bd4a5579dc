"""Joining a PDF's physical lines into paragraphs by position."""

from __future__ import annotations

from congvan.layout import Line
from congvan.text.paragraphs import join_paragraphs

LEFT, RIGHT = 85.0, 540.0


def _line(text: str, x0: float, x1: float, top: float) -> Line:
    return Line(text=text, x0=x0, x1=x1, top=top)


def _texts(lines: list[Line]) -> list[str]:
    return [line.text for line in join_paragraphs(lines)]


def test_a_full_line_runs_on_into_the_next() -> None:
    lines = [_line("Sở Tài chính đề nghị các cơ quan, đơn vị rà soát, tổng hợp nhu cầu kinh phí và", LEFT + 30,
                   RIGHT, 100),
             _line("gửi về Sở Tài chính trước ngày 10/5/2024.", LEFT, 300, 115),
             _line("Trân trọng.", LEFT + 30, 150, 130)]
    assert _texts(lines) == ["Sở Tài chính đề nghị các cơ quan, đơn vị rà soát, tổng hợp nhu cầu kinh phí và "
                             "gửi về Sở Tài chính trước ngày 10/5/2024.", "Trân trọng."]


def test_a_line_ending_far_short_of_the_margin_ends_its_paragraph() -> None:
    lines = [_line("Sở Tài chính cử cán bộ tham gia Tổ giúp việc của Ban Chỉ đạo, thông tin cụ thể như", LEFT + 30,
                   RIGHT, 85),
             _line("sau:", LEFT, 110, 100),
             _line("- Điện thoại: 0912.345.678", LEFT + 30, 250, 115),
             _line("Kính gửi Sở Nội vụ tổng hợp./.", LEFT, 260, 130)]
    assert _texts(lines)[1:] == ["- Điện thoại: 0912.345.678", "Kính gửi Sở Nội vụ tổng hợp./."]


def test_a_short_line_followed_by_lower_case_still_runs_on() -> None:
    lines = [_line("Đề nghị các đơn vị gửi danh sách cán bộ đầu mối, ghi rõ chức vụ, đơn vị công tác, họ tên",
                   LEFT + 30, RIGHT, 85),
             _line("người liên hệ", LEFT, 180, 100), _line("và số điện thoại di động.", LEFT, 230, 115)]
    assert _texts(lines) == ["Đề nghị các đơn vị gửi danh sách cán bộ đầu mối, ghi rõ chức vụ, đơn vị công tác, họ tên "
                             "người liên hệ và số điện thoại di động."]


def test_a_part_or_article_cited_at_a_line_start_runs_on() -> None:
    lines = [_line("Đề nghị điều chỉnh thời gian tổ chức Đại hội theo quy định tại khoản 2 Điều 36 và nội dung "
                   "tại Phần", LEFT + 30, RIGHT, 85),
             _line("IV cho phù hợp với việc điều chỉnh thời gian Đại hội.", LEFT, 320, 100),
             _line("Điều 5. Hiệu lực thi hành", LEFT, 260, 115)]
    assert _texts(lines) == ["Đề nghị điều chỉnh thời gian tổ chức Đại hội theo quy định tại khoản 2 Điều 36 và nội "
                             "dung tại Phần IV cho phù hợp với việc điều chỉnh thời gian Đại hội.",
                             "Điều 5. Hiệu lực thi hành"]
