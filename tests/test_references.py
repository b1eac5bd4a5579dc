"""Cited documents: number, type as printed nearest the number, and date (after the number or opening the sentence)."""

from __future__ import annotations

import pytest

from congvan.extractors.references import extract


def _one(text: str) -> dict:
    found = extract([text], own_number=None)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "kind", "start"), [
    ("Thực hiện theo quy định tại Thông tư số 12/2021/TT-BXD ngày 5/3/2021.", "Thông tư", "Thông tư số"),
    ("Căn cứ hướng dẫn tại Công văn số 45/SXD-QLN ngày 2/4/2024 của Sở Xây dựng;", "Công văn", "Công văn số"),
    ("TRIỂN KHAI KẾ HOẠCH SỐ 77-KH/HU NGÀY 3 THÁNG 5 NĂM 2022", "Kế hoạch", "KẾ HOẠCH SỐ"),
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;", "Nghị định", "Nghị định số"),
    ("Phúc đáp văn bản số 88-CV/BCĐ ngày 1/2/2025,", "Văn bản", "văn bản số"),
    ("theo đề nghị tại số 12/QĐ-UBND", "Quyết định", "số 12"),
])
def test_the_type_is_the_name_printed_nearest_the_number(text: str, kind: str, start: str) -> None:
    ref = _one(text)
    assert ref["type"] == kind and ref["text"].startswith(start)


@pytest.mark.parametrize(("text", "day"), [
    ("Ngày 14/6/2024, Sở Y tế đã có Công văn số 310/SYT-NVY đề nghị hỗ trợ.", "2024-06-14"),
    ("Ngày 02 tháng 9 năm 2023, Bộ Công an ban hành Thông tư số 9/2023/TT-BCA quy định …", "2023-09-02"),
    ("Xét đề nghị. Ngày 3/1/2025, Hội Nông dân có Tờ trình số 5/TTr-HND về việc …", "2025-01-03"),
    ("Công văn số 310/SYT-NVY ngày 20/6/2024 nêu rõ.", "2024-06-20"),
    ("“Ngày 7/7/2025, Hội Cựu chiến binh gửi Văn bản số 12/HCCB-VP đề nghị …”", "2025-07-07"),
])
def test_a_sentence_opening_with_the_day_dates_its_first_citation(text: str, day: str) -> None:
    assert _one(text)["date"] == day


@pytest.mark.parametrize("text", [
    "Ngày 14/6/2024, Sở Y tế họp. Sau đó Công văn số 310/SYT-NVY được gửi.",
    "Ngày 14/6/2024, Sở Y tế họp; Công văn số 310/SYT-NVY được gửi sau.",
    "Bộ Y tế có Công văn số 310/SYT-NVY đề nghị hỗ trợ.",
    "Ngày 20/6/2024, Sở Y tế nhận được Công văn số 310/SYT-NVY của Bộ.",
])
def test_no_date_is_borrowed_across_a_sentence_or_from_nowhere(text: str) -> None:
    assert _one(text)["date"] is None


def test_only_the_first_citation_after_the_opening_day_takes_it() -> None:
    text = ("Ngày 14/6/2024, Sở Y tế có Công văn số 310/SYT-NVY gửi kèm Báo cáo số 20/BC-SYT "
            "về kết quả thực hiện.")
    found = {ref["number"]: ref["date"] for ref in extract([text], own_number=None)}
    assert found == {"310/SYT-NVY": "2024-06-14", "20/BC-SYT": None}
