"""Tests for congvan.extractors.deadlines: real-world phrasings plus property tests."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from congvan.extractors.deadlines import Deadline, find_deadline, find_recurrence
from congvan.extractors.periods import add_working_days, period_end

DOC = date(2023, 6, 19)  # a Monday


# ----------------------------------------------------------------------------------------- fixed dates

DATED = [
    # (text, doc_date, expected ISO, expected kind)
    ("hoàn thành trước ngày 20/7/2023", DOC, "2023-07-20", "before"),
    ("Các đơn vị hoàn thành trước ngày 20/7/2023.", DOC, "2023-07-20", "before"),
    ("chậm nhất trong ngày 20/7/2023", DOC, "2023-07-20", "by"),
    ("chậm nhất ngày 08/4/2026", DOC, "2026-04-08", "by"),
    ("chậm nhất là ngày 08/4/2026", DOC, "2026-04-08", "by"),
    ("chậm nhất đến ngày 08/4/2026", DOC, "2026-04-08", "by"),
    ("chậm nhất trước ngày 08/4/2026", DOC, "2026-04-08", "by"),
    ("hạn cuối ngày 08/4/2026", DOC, "2026-04-08", "by"),
    ("Hạn chót: 30/9/2023", DOC, "2023-09-30", "by"),
    ("Thời hạn: 30/7/2023", DOC, "2023-07-30", "by"),
    ("Thời hạn hoàn thành: ngày 30/7/2023", DOC, "2023-07-30", "by"),
    ("hoàn thành trong ngày 30/7/2023", DOC, "2023-07-30", "by"),
    ("xong trước 30/9/2023", DOC, "2023-09-30", "before"),
    ("gửi về Bộ Nội vụ trước ngày 10 tháng 8 năm 2025 để tổng hợp", DOC, "2025-08-10", "before"),
    ("trước 17 giờ 00 phút, ngày 05/12/2025", DOC, "2025-12-05", "before"),
    ("gửi văn bản trước 17 giờ, ngày 25/7/2025 qua hệ thống", DOC, "2025-07-25", "before"),
    ("trước 16h00 ngày 25/7/2025", DOC, "2025-07-25", "before"),
    ("trước 17h, thứ Sáu, ngày 05/12/2025", DOC, "2025-12-05", "before"),
    ("TRƯỚC NGÀY 20/7/2023", DOC, "2023-07-20", "before"),
    ("trước ngày 20-7-2023;", DOC, "2023-07-20", "before"),
    ("trước ngày 20.7.2023.", DOC, "2023-07-20", "before"),
    ("trước ngày 05/01/2024", DOC, "2024-01-05", "before"),  # day-first
    ("trước ngày 20/7/2023 (thứ Năm)", DOC, "2023-07-20", "before"),
    ("vào lúc 8 giờ 00 ngày 20/7/2023", DOC, "2023-07-20", "on"),
    ("Hội nghị tổ chức vào ngày 20/7/2023 tại Hội trường", DOC, "2023-07-20", "on"),
    ("vào 8 giờ, thứ Năm, ngày 20/7/2023", DOC, "2023-07-20", "on"),
    # citation first, deadline after
    (
        "Thực hiện Công văn số 12/UBND ngày 5/3/2023 của UBND tỉnh, đề nghị báo cáo trước ngày 20/3/2023.",
        date(2023, 3, 10),
        "2023-03-20",
        "before",
    ),
    ("Tham mưu UBND tỉnh ban hành Kế hoạch trước ngày 30/7/2023", DOC, "2023-07-30", "before"),
    # several deadlines: the latest one
    ("trước ngày 20/7/2023 và báo cáo kết quả trước ngày 10/8/2023", DOC, "2023-08-10", "before"),
    ("báo cáo trước ngày 10/8/2023; lần 1 chậm nhất ngày 20/7/2023", DOC, "2023-08-10", "before"),
    ("Báo cáo tình hình thực hiện quý III/2023 trước ngày 15/10/2023", DOC, "2023-10-15", "before"),
    # years taken from the document date
    ("trước ngày 15/8", DOC, "2023-08-15", "before"),
    ("trước ngày 20 tháng 7", DOC, "2023-07-20", "before"),
    ("trước ngày 15/3", DOC, "2024-03-15", "before"),  # already past in 2023 → next year
    ("trước ngày 19/6", DOC, "2023-06-19", "before"),  # same day stays
    # a Thời hạn table cell
    ("30/7/2023", DOC, "2023-07-30", "by"),
    ("Ngày 30/9/2023", DOC, "2023-09-30", "by"),
]

PERIODS = [
    ("hoàn thành trong quý III/2023", DOC, "2023-09-30", "period_end"),
    ("trong quý III/2023", DOC, "2023-09-30", "period_end"),
    ("quý 3 năm 2023", DOC, "2023-09-30", "period_end"),
    ("Quý III/2023", DOC, "2023-09-30", "period_end"),
    ("chậm nhất trong quý 4 năm 2023", DOC, "2023-12-31", "period_end"),
    ("trong Quý I năm 2024", DOC, "2024-03-31", "period_end"),
    ("Thời gian thực hiện: Quý II/2024", DOC, "2024-06-30", "period_end"),
    ("trong tháng 7/2023", DOC, "2023-07-31", "period_end"),
    ("trong tháng 7 năm 2023", DOC, "2023-07-31", "period_end"),
    ("trong tháng 02/2024", DOC, "2024-02-29", "period_end"),
    ("hoàn thành trong tháng 12/2025", DOC, "2025-12-31", "period_end"),
    ("Thời hạn hoàn thành: tháng 9/2023", DOC, "2023-09-30", "period_end"),
    ("Báo cáo kết quả về Sở trong tháng 7/2023", DOC, "2023-07-31", "period_end"),
    ("Tháng 9/2023", DOC, "2023-09-30", "period_end"),
    ("trong năm 2024", DOC, "2024-12-31", "period_end"),
    ("hoàn thành năm 2024", DOC, "2024-12-31", "period_end"),
    ("đến hết năm 2025", DOC, "2025-12-31", "period_end"),
    ("từ nay đến hết năm 2025", DOC, "2025-12-31", "period_end"),
    ("cuối tháng 8/2023", DOC, "2023-08-31", "period_end"),
    ("6 tháng đầu năm 2024", DOC, "2024-06-30", "period_end"),
    ("trong 6 tháng đầu năm 2024", DOC, "2024-06-30", "period_end"),
    ("nửa đầu năm 2024", DOC, "2024-06-30", "period_end"),
    ("6 tháng cuối năm", DOC, "2023-12-31", "period_end"),
    ("hoàn thành trong 6 tháng cuối năm", DOC, "2023-12-31", "period_end"),
    ("đến cuối năm", DOC, "2023-12-31", "period_end"),
    ("trong quý IV", DOC, "2023-12-31", "period_end"),
    ("trong quý I", DOC, "2024-03-31", "period_end"),  # Q1 2023 is over → next year
    ("trong tháng 3", DOC, "2024-03-31", "period_end"),
    # "trước <period>" is before the period starts
    ("trước năm 2025", DOC, "2025-01-01", "before"),
    ("trước quý IV/2023", DOC, "2023-10-01", "before"),
]

RELATIVE = [
    ("trong thời hạn 10 ngày kể từ ngày ký", DOC, "2023-06-29"),
    ("trong thời hạn 10 ngày", DOC, "2023-06-29"),  # no event named: from the document date (OUTPUT.md)
    ("Điều lệ đã được phê duyệt. Trong vòng 10 ngày, Hội tổ chức đại hội.", DOC, "2023-06-29"),
    ("Trong thời hạn 10 ngày kể từ ngày ký, các đơn vị báo cáo", DOC, "2023-06-29"),
    ("trong thời hạn 10 (mười) ngày kể từ ngày ký", DOC, "2023-06-29"),
    ("trong thời hạn mười lăm ngày kể từ ngày ký", DOC, "2023-07-04"),
    ("trong vòng 05 ngày làm việc kể từ ngày ban hành", DOC, "2023-06-26"),
    ("trong vòng 05 ngày làm việc kể từ ngày ban hành/ký", DOC, "2023-06-26"),
    ("05 ngày làm việc kể từ ngày ký", date(2023, 6, 16), "2023-06-23"),  # Friday → next Friday
    ("01 ngày làm việc kể từ ngày ký", date(2023, 6, 16), "2023-06-19"),  # Friday → Monday
    ("trong thời hạn 03 tháng kể từ ngày Quyết định này có hiệu lực", DOC, "2023-09-19"),
    ("trong vòng 1 tháng kể từ ngày ký", date(2024, 1, 31), "2024-02-29"),  # day clamped
    ("trong thời hạn 2 tuần kể từ ngày ban hành văn bản này", DOC, "2023-07-03"),
    ("trong thời hạn 10 ngày kể từ ngày 20/7/2023", DOC, "2023-07-30"),
]

UNRESOLVED_RELATIVE = [
    "trong thời hạn 10 ngày kể từ ngày nhận được văn bản này",
    "trong vòng 05 ngày kể từ ngày nhận được Công văn này",
    "chậm nhất sau 15 ngày kể từ ngày kết thúc đại hội",
    "trong thời hạn 10 ngày kể từ ngày ký hợp đồng",
    "Thời gian kiểm tra được xác định trong quyết định kiểm tra nhưng tối đa là 05 ngày làm việc.",  # a rule's limit
    "Thời hạn lưu giữ hàng hóa không quá 12 tháng",
    "4 ảnh 3x4 (ảnh chụp trong vòng 6 tháng)",  # inside a phrase, not a time limit opening a sentence
]

RECURRING = [
    ("trước ngày 15 hằng tháng", "before", "monthly"),
    ("Các đơn vị gửi báo cáo trước ngày 15 hàng tháng", "before", "monthly"),
    ("định kỳ trước 16 giờ ngày thứ Sáu hằng tuần", "before", "weekly"),
    ("chậm nhất vào thứ Hai hằng tuần", "by", "weekly"),
    ("trước ngày 20 của tháng cuối quý", "before", "quarterly"),
    ("hoàn thành trước ngày 15/8 hàng năm", "before", "yearly"),
    ("trước 15 giờ hằng ngày", "before", "daily"),
    ("Hằng tháng, gửi báo cáo trước ngày 25", "before", "monthly"),
]

ONGOING = [
    ("Báo cáo định kỳ hằng tháng", "monthly", "hằng tháng"),
    ("hằng quý", "quarterly", "hằng quý"),
    ("Báo cáo định kỳ 6 tháng và hằng năm", "every 6 months", "định kỳ 6 tháng"),
    ("6 tháng một lần", "every 6 months", "6 tháng một lần"),
    ("Thực hiện hằng năm", "yearly", "hằng năm"),
    ("hàng tuần", "weekly", "hàng tuần"),
    ("hằng ngày", "daily", "hằng ngày"),
]

NOT_DEADLINES = [
    "Công văn số 6538/UBND-TTHC ngày 23/12/2022",
    "Căn cứ Quyết định số 145/QĐ-BNV ngày 03/3/2025 của Bộ Nội vụ",
    "Thực hiện Kế hoạch số 20/KH-UBND ban hành ngày 10/02/2023",
    "Quyết định số 145/QĐ-BNV được ban hành vào ngày 03/3/2025",
    "vào ngày 5/3/2023 của UBND tỉnh",
    "số liệu từ ngày 01/7/2025 đến 30/11/2025",
    "Thời gian xác định số liệu: từ ngày 01/7/2025 đến hết ngày 30/11/2025",
    "số liệu tính đến hết năm 2025",
    "Quyết định này có hiệu lực kể từ ngày 01/7/2025",
    "Quyết định này có hiệu lực từ ngày ký",
    "Văn bản có hiệu lực vào ngày 01/7/2025",
    "Các hồ sơ phát sinh trước ngày 01/7/2025",
    "bắt đầu từ tháng 01/2026",
    "thực hiện từ tháng 7/2023 đến tháng 12/2023",
    "giai đoạn 2021-2025",
    "năm 2025",
    "Kế hoạch năm 2025",
    "trong năm học 2023-2024",
    "Hà Nội, ngày 20 tháng 7 năm 2023",
    "Tổ chức Hội nghị sơ kết 6 tháng đầu năm 2024",
    "Hội nghị tổ chức trong 02 ngày 20-21/7/2023",
    "Thông tư số 06/2023/TT-BTC",
    "trước ngày 31/2/2023",
    "thường xuyên",
    "Tiếp tục theo dõi, đôn đốc",
    "",
]


@pytest.mark.parametrize(("text", "doc", "iso", "kind"), DATED + PERIODS)
def test_dated(text: str, doc: date, iso: str, kind: str) -> None:
    found = find_deadline(text, doc)
    assert found is not None
    assert (found.date, found.kind) == (iso, kind)
    assert found.text in unicodedata.normalize("NFC", text)
    assert found.recurrence is None


@pytest.mark.parametrize(("text", "doc", "iso"), RELATIVE)
def test_relative(text: str, doc: date, iso: str) -> None:
    found = find_deadline(text, doc)
    assert found is not None
    assert (found.date, found.kind) == (iso, "relative")


@pytest.mark.parametrize("text", UNRESOLVED_RELATIVE)
def test_relative_unresolved(text: str) -> None:
    found = find_deadline(text, DOC)
    assert found is not None
    assert (found.date, found.kind) == (None, "relative")


@pytest.mark.parametrize(("text", "kind", "recurrence"), RECURRING)
def test_recurring_deadline(text: str, kind: str, recurrence: str) -> None:
    found = find_deadline(text, DOC)
    assert found == Deadline(date=None, kind=kind, text=found.text if found else "", recurrence=recurrence)
    assert found is not None and found.text.lower().startswith(("trước", "chậm nhất"))


@pytest.mark.parametrize(("text", "recurrence", "word"), ONGOING)
def test_ongoing(text: str, recurrence: str, word: str) -> None:
    assert find_deadline(text, DOC) == Deadline(date=None, kind="ongoing", text=word, recurrence=recurrence)
    assert find_recurrence(text) == recurrence


@pytest.mark.parametrize("text", NOT_DEADLINES)
def test_not_deadlines(text: str) -> None:
    assert find_deadline(text, DOC) is None


def test_text_is_verbatim_slice() -> None:
    text = "Đề nghị các đơn vị gửi báo cáo về Sở Nội vụ trước 17 giờ 00 phút, ngày 05/12/2025 để tổng hợp."
    found = find_deadline(text, DOC)
    assert found is not None
    assert found.text == "trước 17 giờ 00 phút, ngày 05/12/2025"


def test_period_text_includes_trigger() -> None:
    found = find_deadline("Các đơn vị hoàn thành trong quý III/2023.", DOC)
    assert found == Deadline("2023-09-30", "period_end", "hoàn thành trong quý III/2023")


def test_no_doc_date_keeps_kind_and_text() -> None:
    assert find_deadline("trước ngày 15/8", None) == Deadline(None, "before", "trước ngày 15/8")
    assert find_deadline("trong quý III", None) == Deadline(None, "period_end", "trong quý III")
    found = find_deadline("trong thời hạn 10 ngày kể từ ngày ký", None)
    assert found is not None and (found.date, found.kind) == (None, "relative")
    # a full date does not need doc_date
    assert find_deadline("trước ngày 20/7/2023", None) == Deadline(
        "2023-07-20", "before", "trước ngày 20/7/2023"
    )


def test_dated_beats_undated() -> None:
    found = find_deadline("trước ngày 15/8 và chậm nhất ngày 20/7/2023", None)
    assert found is not None and found.date == "2023-07-20"


def test_nfd_input() -> None:
    nfc = "Gửi báo cáo chậm nhất trong ngày 20/7/2023 về Sở Nội vụ"
    found = find_deadline(unicodedata.normalize("NFD", nfc), DOC)
    assert found == Deadline("2023-07-20", "by", "chậm nhất trong ngày 20/7/2023")
    assert find_recurrence(unicodedata.normalize("NFD", "định kỳ hằng quý")) == "quarterly"


def test_recurrence_attached_to_dated_deadline() -> None:
    found = find_deadline("Báo cáo hằng tháng, lần đầu trước ngày 20/7/2023", DOC)
    assert found == Deadline("2023-07-20", "before", "trước ngày 20/7/2023", "monthly")


def test_datetime_doc_date() -> None:
    from datetime import datetime

    found = find_deadline("trước ngày 15/8", datetime(2023, 6, 19, 10, 30))
    assert found is not None and found.date == "2023-08-15"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hằng tháng", "monthly"),
        ("hàng tháng", "monthly"),
        ("định kỳ hằng tháng", "monthly"),
        ("trước ngày 15 hằng tháng", "monthly"),
        ("hằng quý", "quarterly"),
        ("hàng quý", "quarterly"),
        ("định kỳ 6 tháng", "every 6 months"),
        ("định kỳ 06 tháng", "every 6 months"),
        ("định kỳ sáu tháng", "every 6 months"),
        ("6 tháng một lần", "every 6 months"),
        ("06 tháng/lần", "every 6 months"),
        ("hằng năm", "yearly"),
        ("hàng năm", "yearly"),
        ("định kỳ hằng năm", "yearly"),
        ("hằng tuần", "weekly"),
        ("hàng tuần", "weekly"),
        ("hằng ngày", "daily"),
        ("thường xuyên", "continuous"),
        ("thường xuyên theo dõi, báo cáo hằng quý", "quarterly"),  # periodic wins over continuous
        ("báo cáo hằng quý và hằng năm", "quarterly"),  # earliest wins
        ("Báo cáo định kỳ tháng 6/2023", None),
        ("trong tháng 7/2023", None),
        ("", None),
    ],
)
def test_find_recurrence(text: str, expected: str | None) -> None:
    assert find_recurrence(text) == expected


def test_add_working_days_examples() -> None:
    friday = date(2023, 6, 16)
    assert add_working_days(friday, 1) == date(2023, 6, 19)
    assert add_working_days(friday, 5) == date(2023, 6, 23)
    assert add_working_days(date(2023, 6, 17), 1) == date(2023, 6, 19)  # Saturday start
    assert add_working_days(date(2023, 6, 17), 0) == date(2023, 6, 19)
    assert add_working_days(friday, 0) == friday
    assert add_working_days(date(2023, 6, 19), -1) == friday


def test_period_end_examples() -> None:
    assert period_end(2023, quarter=3) == date(2023, 9, 30)
    assert period_end(2024, month=2) == date(2024, 2, 29)
    assert period_end(2023, month=2) == date(2023, 2, 28)
    assert period_end(2024, half=1) == date(2024, 6, 30)
    assert period_end(2024, half=2) == date(2024, 12, 31)
    assert period_end(2024) == date(2024, 12, 31)
    with pytest.raises(ValueError):
        period_end(2024, month=1, quarter=1)
    with pytest.raises(ValueError):
        period_end(2024, quarter=5)
    with pytest.raises(ValueError):
        period_end(2024, month=13)


# ------------------------------------------------------------------------------------ property tests

DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))

TEMPLATES: list[tuple[Callable[[date], str], str]] = [
    (lambda d: f"trước ngày {d:%d/%m/%Y}", "before"),
    (lambda d: f"trước ngày {d.day}/{d.month}/{d.year}", "before"),
    (lambda d: f"trước ngày {d.day}-{d.month}-{d.year}", "before"),
    (lambda d: f"trước ngày {d.day}.{d.month}.{d.year}", "before"),
    (lambda d: f"trước ngày {d.day} tháng {d.month} năm {d.year}", "before"),
    (lambda d: f"hoàn thành trước ngày {d:%d/%m/%Y}", "before"),
    (lambda d: f"xong trước {d:%d/%m/%Y}", "before"),
    (lambda d: f"trước 17 giờ 00 phút, ngày {d:%d/%m/%Y}", "before"),
    (lambda d: f"trước 16h00 ngày {d.day}/{d.month}/{d.year}", "before"),
    (lambda d: f"chậm nhất ngày {d.day} tháng {d.month} năm {d.year}", "by"),
    (lambda d: f"chậm nhất ngày {d:%d/%m/%Y}", "by"),
    (lambda d: f"chậm nhất là ngày {d:%d/%m/%Y}", "by"),
    (lambda d: f"chậm nhất trong ngày {d:%d/%m/%Y}", "by"),
    (lambda d: f"chậm nhất đến ngày {d:%d/%m/%Y}", "by"),
    (lambda d: f"chậm nhất là trước ngày {d:%d/%m/%Y}", "by"),
    (lambda d: f"hạn cuối ngày {d:%d/%m/%Y}", "by"),
    (lambda d: f"Thời hạn: {d:%d/%m/%Y}", "by"),
    (lambda d: f"Thời hạn hoàn thành: ngày {d.day} tháng {d.month} năm {d.year}", "by"),
    (lambda d: f"hoàn thành trong ngày {d:%d/%m/%Y}", "by"),
    (lambda d: f"vào ngày {d:%d/%m/%Y}", "on"),
    (lambda d: f"vào lúc 08 giờ 00 ngày {d:%d/%m/%Y}", "on"),
]


@given(d=DATES, template=st.sampled_from(TEMPLATES), doc=st.none() | DATES)
def test_round_trip(d: date, template: tuple[Callable[[date], str], str], doc: date | None) -> None:
    make, kind = template
    phrase = make(d)
    text = f"Đề nghị các cơ quan, đơn vị gửi báo cáo về Sở Nội vụ {phrase} để tổng hợp."
    found = find_deadline(text, doc)
    assert found is not None
    assert (found.date, found.kind) == (d.isoformat(), kind)
    assert phrase.endswith(found.text)  # the trigger and the date ("hoàn thành" may be left out)
    assert found.text.lower().startswith(("trước", "chậm", "hạn", "thời", "hoàn", "vào"))


@given(d=DATES, template=st.sampled_from(TEMPLATES))
def test_round_trip_nfd(d: date, template: tuple[Callable[[date], str], str]) -> None:
    make, kind = template
    found = find_deadline(unicodedata.normalize("NFD", make(d)), None)
    assert found is not None
    assert (found.date, found.kind) == (d.isoformat(), kind)
    assert make(d).endswith(found.text)  # a slice of the NFC text


@given(d=DATES, doc=DATES)
def test_yearless_date_takes_doc_year(d: date, doc: date) -> None:
    if (d.month, d.day) == (2, 29):
        return
    found = find_deadline(f"trước ngày {d.day}/{d.month}", doc)
    assert found is not None and found.date is not None
    resolved = date.fromisoformat(found.date)
    assert (resolved.month, resolved.day) == (d.month, d.day)
    assert resolved >= doc
    assert resolved.year in (doc.year, doc.year + 1)


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
PERIOD_TEMPLATES: list[Callable[[int, int], tuple[str, date]]] = [
    lambda y, k: (f"hoàn thành trong quý {ROMAN[k % 4 + 1]}/{y}", period_end(y, quarter=k % 4 + 1)),
    lambda y, k: (f"trong quý {k % 4 + 1} năm {y}", period_end(y, quarter=k % 4 + 1)),
    lambda y, k: (f"trong tháng {k}/{y}", period_end(y, month=k)),
    lambda y, k: (f"trong tháng {k:02d} năm {y}", period_end(y, month=k)),
    lambda y, k: (f"chậm nhất trong tháng {k}/{y}", period_end(y, month=k)),
    lambda y, k: (f"trong năm {y}", period_end(y)),
    lambda y, k: (f"trong 6 tháng {'đầu' if k <= 6 else 'cuối'} năm {y}", period_end(y, half=1 + (k > 6))),
]


@given(y=st.integers(1990, 2099), k=st.integers(1, 12), template=st.sampled_from(PERIOD_TEMPLATES))
def test_period_round_trip(y: int, k: int, template: Callable[[int, int], tuple[str, date]]) -> None:
    phrase, expected = template(y, k)
    found = find_deadline(f"Các đơn vị {phrase}.", None)
    assert found == Deadline(expected.isoformat(), "period_end", phrase)


def _naive_add_working_days(start: date, n: int) -> date:
    day = start
    while day.weekday() >= 5 and n == 0:
        day += timedelta(days=1)
    step = timedelta(days=1 if n > 0 else -1)
    for _ in range(abs(n)):
        day += step
        while day.weekday() >= 5:
            day += step
    return day


@given(d=DATES, n=st.integers(0, 400))
def test_add_working_days_properties(d: date, n: int) -> None:
    result = add_working_days(d, n)
    assert result.weekday() < 5
    assert (result - d).days >= n
    assert result == _naive_add_working_days(d, n)
    if n > 0:
        between = [d + timedelta(days=i) for i in range(1, (result - d).days + 1)]
        assert sum(day.weekday() < 5 for day in between) == n


@given(d=DATES, n=st.integers(-400, -1))
def test_add_working_days_backwards(d: date, n: int) -> None:
    result = add_working_days(d, n)
    assert result.weekday() < 5
    assert result == _naive_add_working_days(d, n)


@given(
    year=st.integers(1, 9998),
    which=st.sampled_from(["month", "quarter", "half", "year"]),
    k=st.integers(1, 12),
)
def test_period_end_is_last_day(year: int, which: str, k: int) -> None:
    if which == "month":
        end, new_period = period_end(year, month=k), (lambda a, b: a.month != b.month)
    elif which == "quarter":
        q = k % 4 + 1
        end, new_period = period_end(year, quarter=q), (lambda a, b: (a.month - 1) // 3 != (b.month - 1) // 3)
        assert (end.month - 1) // 3 + 1 == q
    elif which == "half":
        h = k % 2 + 1
        end, new_period = period_end(year, half=h), (lambda a, b: (a.month > 6) != (b.month > 6))
        assert (end.month > 6) + 1 == h
    else:
        end, new_period = period_end(year), (lambda a, b: a.year != b.year)
    assert end.year == year
    nxt = end + timedelta(days=1)
    assert nxt.day == 1
    assert new_period(end, nxt)
    assert not new_period(end - timedelta(days=1), end)


@pytest.mark.parametrize(("text", "iso", "kind"), [
    ("Thực hiện trong tháng 11, tháng 12 năm 2025.", "2025-12-31", "period_end"),
    ("hoàn thành trong quý III và quý IV/2024", "2024-12-31", "period_end"),
    ("đăng ký trước ngày 22/ 12/ 2011 qua phòng Công nghệ thông tin", "2011-12-22", "before"),
])
def test_listed_periods_and_spaced_dates(text: str, iso: str, kind: str) -> None:
    found = find_deadline(text, date(2025, 11, 13))
    assert found is not None and (found.date, found.kind) == (iso, kind)


@pytest.mark.parametrize(("text", "iso", "recurrence"), [
    ("Định kỳ hằng năm, báo cáo trước ngày 15/12.", None, "yearly"),
    ("Định kỳ 6 tháng, báo cáo trước ngày 15/6.", None, "every 6 months"),
    ("Rà soát kế hoạch hằng năm, báo cáo trước ngày 30/9.", "2025-09-30", "yearly"),
    ("báo cáo trước ngày 15/12/2025 và hằng năm", "2025-12-15", "yearly"),
])
def test_a_day_without_year_in_a_periodic_report_is_no_single_date(text: str, iso: str | None,
                                                                   recurrence: str) -> None:
    found = find_deadline(text, date(2025, 9, 10))
    assert found is not None and (found.date, found.recurrence) == (iso, recurrence)
