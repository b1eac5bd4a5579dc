"""Time words of plans: a field 'Thời gian: Quý II, III/2025' and a heading 'NHIỆM VỤ TRONG NĂM 2026'.

In a plan's time field the whole value is a time, so bare periods count ('Năm 2025', 'Cả năm 2025',
'Quý II, III/2025' → the last quarter's end, 'Tháng 6-9/2025' → the last month's end, 'Thường xuyên' →
continuous, no date). In running text the same words describe, not schedule, so only find_deadline's
triggered phrases count there.
"""

from __future__ import annotations

import re
from datetime import date

from congvan.extractors.deadlines import Deadline, find_deadline, find_recurrence, period_end
from congvan.text.normalize import fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTERS = re.compile(r"\bquý\s+(?P<list>(?:i{1,3}|iv|[1-4])(?:\s*(?:,|và|-|–|đến)\s*(?:quý\s+)?(?:i{1,3}|iv|[1-4]))*)"
                       r"\s*(?:/|năm|-)\s*(?P<year>\d{4})\b")
_MONTHS = re.compile(r"\btháng\s+(?P<first>\d{1,2})\s*(?:-|–|đến|,|và)\s*(?:tháng\s+)?(?P<last>\d{1,2})\s*(?:/|năm)\s*"
                     r"(?P<year>\d{4})\b")
# A value that is a year or a span of years: "Năm 2025", "Cả năm 2025", "Trong năm 2025", "2025-2026".
_YEARS = re.compile(r"^\W*(?:(?:thực hiện|hoàn thành)\s+)?(?:trong\s+)?(?:cả\s+)?(?:năm\s+|giai đoạn\s+)?"
                    r"(?P<first>\d{4})(?:\s*(?:-|–|đến)\s*(?P<last>\d{4}))?\b")
# A heading names its time with "trong" ("… TRONG NĂM 2026") or opens with it ("Năm 2026:", "Quý I/2026").
_HEADING_TIME = re.compile(r"\btrong\s+(?:(?:tháng|quý|năm)\b)|^\W*(?:[ivx]+\W+|\d+\W+)?(?:năm|quý|tháng)\s+[\divx]")


def plan_deadline(text: str, doc_date: date | None) -> Deadline | None:
    """The deadline a plan's time field sets (the latest date named), or its recurrence with no date."""
    found = find_deadline(text, doc_date)
    key = fold(text)
    candidates: list[tuple[date, str]] = []
    if found and found.date:
        candidates.append((date.fromisoformat(found.date), found.kind or "by"))
    candidates += [(end, "period_end") for end in _period_ends(key)]
    recurrence = find_recurrence(text)
    if not candidates:
        if found is not None:
            return found
        if recurrence:
            return Deadline(date=None, kind="ongoing", text=text.strip(), recurrence=recurrence)
        return None
    when, kind = max(candidates)
    return Deadline(date=when.isoformat(), kind=kind, text=text.strip(), recurrence=None)


def heading_deadline(heading: str, doc_date: date | None) -> Deadline | None:
    """A heading that says when its items are due ('NHỮNG VIỆC CẦN LÀM NGAY TRONG THÁNG 12/2025',
    'II. NHIỆM VỤ TRONG NĂM 2026'): its period's last day, else None."""
    key = fold(heading)
    m = _HEADING_TIME.search(key)
    if not m:
        return None
    ends = list(_period_ends(key[m.start():].replace("trong ", "", 1)))
    found = find_deadline(heading, doc_date)
    if found and found.date and found.kind == "period_end":
        ends.append(date.fromisoformat(found.date))
    if not ends:
        return None
    return Deadline(date=max(ends).isoformat(), kind="period_end", text=heading.strip(), recurrence=None)


def _period_ends(key: str) -> list[date]:
    ends = []
    for m in _QUARTERS.finditer(key):
        quarters = [_quarter(q) for q in re.findall(r"i{1,3}|iv|[1-4]", m["list"])]
        ends.append(period_end(int(m["year"]), quarter=max(q for q in quarters if q)))
    for m in _MONTHS.finditer(key):
        last = int(m["last"])
        if 1 <= last <= 12:
            ends.append(period_end(int(m["year"]), month=last))
    m = _YEARS.match(key)
    if m and 1900 < int(m["last"] or m["first"]) < 2200:
        ends.append(period_end(int(m["last"] or m["first"])))
    return ends


def _quarter(token: str) -> int:
    return int(token) if token.isdigit() else _ROMAN.get(token, 0)
