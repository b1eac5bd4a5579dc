"""The language of deadlines and recurrences: trigger phrases, exclusions, units, number words and
recurrence words (regex fragments, matched case-insensitively on NFC text by congvan.extractors.deadlines)."""

from __future__ import annotations

KY = r"(?:ký|kí)"  # sign
KY2 = r"(?:kỳ|kì)"  # period, as in "định kỳ"
QUY = r"(?:quý|quí)"  # quarter
HANG = r"(?:hằng|hàng|mỗi)"  # every
DOC_NOUN = (
    r"(?:văn\s+bản|công\s+văn|quyết\s+định|kế\s+hoạch|thông\s+báo|chỉ\s+thị|nghị\s+quyết|hướng\s+dẫn"
    r"|thông\s+tư|nghị\s+định)"
)
WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s+nhật)"
#: A clock time: "17 giờ 00 phút", "16h00", "8g30", "16:00", "17 giờ chiều".
TIME = (
    r"\d{1,2}\s*(?:giờ|[hg](?![^\W\d_])|:)\s*(?:\d{1,2}\s*(?:phút|p(?![^\W\d_])|')?)?"
    r"(?:\s*(?:sáng|chiều|tối|trưa))?"
)

#: Phrases that turn the calendar date right after them into a deadline: (regex, kind, weak).
#: Weak triggers also introduce dates that are not deadlines, so they get extra exclusion checks.
#: When several match, the one starting leftmost wins ("chậm nhất trước ngày" is "by").
DATE_TRIGGERS: list[tuple[str, str, bool]] = [
    (r"chậm\s+nhất(?:\s+(?:là|vào|trong|đến|tới|trước|hết))*", "by", False),
    (r"hạn\s+(?:cuối|chót)(?:\s+(?:là|vào|nộp|gửi|đến|tới))*(?:\s*[:\-–])?", "by", False),
    (
        r"(?:thời\s+hạn|hạn)(?:\s+(?:hoàn\s+thành|thực\s+hiện|nộp|gửi|báo\s+cáo|xử\s+lý))?\s*[:\-–]",
        "by",
        False,
    ),
    (r"thời\s+gian\s+hoàn\s+thành\s*[:\-–]", "by", False),
    (r"(?:hoàn\s+thành|xong)(?:\s+xong)?(?:\s+(?:trong|vào|đến|tới|hết))+", "by", False),
    (r"hoàn\s+thành(?:\s+xong)?\s*[:\-–]", "by", False),
    (r"trước", "before", False),
    (r"vào(?:\s+(?:lúc|hồi))?", "on", True),
    (r"(?:ngay\s+)?trong(?=\s+ngày)", "by", True),  # "gửi … trong ngày 10/01/2026": by the end of that day
]

#: Phrases that turn the period right after them (quý, tháng, 6 tháng đầu năm, năm) into a deadline.
#: "before" resolves to the first day of the period, everything else to its last day.
PERIOD_TRIGGERS: list[tuple[str, str, bool]] = [
    (r"chậm\s+nhất(?:\s+(?:là|vào|trong|đến|tới|hết|cuối))*", "period_end", False),
    (
        r"(?:thời\s+hạn|hạn)(?:\s+(?:hoàn\s+thành|thực\s+hiện|nộp|gửi|báo\s+cáo))?\s*[:\-–]",
        "period_end",
        False,
    ),
    (r"thời\s+gian\s+(?:hoàn\s+thành|thực\s+hiện)\s*[:\-–]", "period_end", False),
    (r"(?:hoàn\s+thành|xong)(?:\s+(?:xong|trong|vào|đến|tới|hết|cuối))*(?:\s*[:\-–])?", "period_end", False),
    (r"trước", "before", False),
    (r"(?:ngay\s+)?trong", "period_end", True),
    (r"vào(?:\s+(?:dịp|đợt|cuối))?", "period_end", True),
    (r"(?:(?:từ\s+nay\s+)?(?:đến|tới)\s+)?(?:hết|cuối)", "period_end", True),
]
#: A bare "năm" (no year number) is a period only after one of these: "đến cuối năm", "hết năm".
YEARLESS_YEAR_TRIGGER = r"(?:cuối|hết)\s*$"

#: Words right before a trigger that make the date a fact, not a deadline ("phát sinh trước ngày").
BLOCK_BEFORE_STRONG: list[str] = [r"phát\s+sinh", r"hiệu\s+lực"]
BLOCK_BEFORE_WEAK: list[str] = [r"ban\s+hành", KY, r"phát\s+sinh", r"hiệu\s+lực", r"cấp", r"thụ\s+lý"]
#: Words right after the date of a weak trigger that make it a citation ("vào ngày 5/3/2023 của …").
BLOCK_AFTER_WEAK: list[str] = [r"của", r"về\s+việc", r"v/v"]
#: Words anywhere earlier in the same clause that make a weak-trigger date/period a data window.
WEAK_CLAUSE_EXCLUSIONS: list[str] = [
    r"số\s+liệu",
    r"phát\s+sinh",
    r"giai\s+đoạn(?!\s+\d{4}\s*[-–]\s*\d{4})",  # "Kế hoạch … giai đoạn 2025-2030" names a plan, no window
    r"bắt\s+đầu",
    r"thời\s+gian\s+(?:tổ\s+chức\s+)?(?:đại\s+hội|hội\s+nghị|cuộc\s+họp|họp)",  # when an event is held
    r"hiệu\s+lực",
    r"từ(?!\s+(?:nay|bây\s+giờ))",
]

#: Relative deadlines: "trong thời hạn 10 ngày kể từ ngày ký".  A strong prefix makes the phrase a
#: deadline on its own; a weak one ("trong", "sau") needs an anchor ("kể từ …").
REL_STRONG_PREFIXES: list[str] = [
    r"trong\s+thời\s+hạn",
    r"trong\s+vòng",
    r"trong\s+thời\s+gian",
    r"trong\s+phạm\s+vi",
    r"thời\s+hạn",
    r"chậm\s+nhất(?:\s+là)?(?:\s+(?:sau|trong))?",
    r"tối\s+đa",
    r"không\s+quá",
]
REL_WEAK_PREFIXES: list[str] = [r"trong", r"sau"]
REL_ANCHORS: list[str] = [
    r"(?:kể\s+)?từ(?:\s+(?:ngày|khi|thời\s+điểm|lúc))?",
    r"tính\s+từ(?:\s+ngày)?",
    r"sau\s+(?:khi|ngày)",
]
#: Anchors that mean "this document" and so resolve from doc_date ("kể từ ngày ký", "… ban hành").
RESOLVED_ANCHORS: list[str] = [
    rf"{KY}(?!\w)(?:\s*(?:/|,|và|hoặc)\s*ban\s+hành|\s+ban\s+hành)?(?:\s+{DOC_NOUN}(?:\s+này)?)?"
    r"(?!\s*(?:hợp\s+đồng|kết|biên\s+bản|thỏa|thoả|nhận|xác\s+nhận|cam\s+kết|số))",
    rf"ban\s+hành(?:\s*/\s*{KY}(?!\w))?(?:\s+{DOC_NOUN}(?:\s+này)?)?(?!\s+số)",
    rf"(?:{DOC_NOUN}\s+này\s+)?có\s+hiệu\s+lực(?:\s+thi\s+hành)?",
]
#: Units of a relative deadline; "ngày làm việc" skips Saturdays and Sundays.
REL_UNITS: dict[str, str] = {
    r"ngày\s+làm\s+việc": "workday",
    r"ngày": "day",
    r"tuần(?:\s+lễ)?": "week",
    r"tháng": "month",
    r"năm": "year",
}
NUMBER_WORDS: dict[str, int] = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười lăm": 15,
    "hai mươi": 20,
    "ba mươi": 30,
    "bốn mươi lăm": 45,
    "sáu mươi": 60,
    "chín mươi": 90,
}
ROMAN_QUARTERS: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

#: Recurrence words, most specific first within a value.  find_recurrence returns the earliest in
#: the text; "continuous" only when nothing periodic is there.
RECURRENCE_TABLE: list[tuple[str, list[str]]] = [
    (
        "every 6 months",
        [
            rf"định\s+{KY2}\s+(?:0?6|sáu)\s+tháng",
            r"(?:0?6|sáu)\s+tháng\s*(?:một|1|/)\s*lần",
            rf"{HANG}\s+(?:0?6|sáu)\s+tháng",
            r"nửa\s+năm\s+(?:một|1)\s+lần",
        ],
    ),
    ("daily", [rf"{HANG}\s+ngày", rf"định\s+{KY2}\s+(?:theo\s+)?ngày(?!\s*\d)"]),
    ("weekly", [rf"{HANG}\s+tuần", rf"định\s+{KY2}\s+(?:theo\s+)?tuần"]),
    ("monthly", [rf"{HANG}\s+tháng", rf"định\s+{KY2}\s+(?:theo\s+)?tháng(?!\s*\d)"]),
    (
        "quarterly",
        [
            rf"{HANG}\s+{QUY}",
            rf"định\s+{KY2}\s+(?:theo\s+)?{QUY}(?!\s*(?:\d|i|v))",
            rf"tháng\s+cuối\s+(?:của\s+)?(?:mỗi\s+)?{QUY}(?!\s*(?:\d|i|v))",
        ],
    ),
    ("yearly", [rf"{HANG}\s+năm", rf"định\s+{KY2}\s+(?:theo\s+)?năm(?!\s*\d)", r"năm\s+(?:một|1)\s+lần"]),
    ("continuous", [r"thường\s+xuyên"]),
]
