"""The '<place>, ngày D tháng M năm Y' row of a header: its patterns, shared by the extractors and the scan
re-reads."""

from __future__ import annotations

import re
from datetime import date

LONG = re.compile(r"ngày\s*(?P<d>\d{1,2}|[._…\s]*)\s*tháng\s*(?P<m>\d{1,2}|[._…\s]*)\s*năm\s*(?P<y>\d{4})", re.I)
SHORT = re.compile(r"ngày\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})", re.I)
PLACE = re.compile(r"([^,;:]{2,60}?),\s*ngày(?![^\W\d])", re.I)  # 'ngày22tháng': OCR ran the words together
STAMP_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
# A date row as OCR leaves it when the day (or month) is handwritten or stamped: 'ngày J2 tháng I1 năm 2025'.
GARBLED = re.compile(r"ngày\s*(?P<d>[^\s,]{0,4}(?:\s[^\s,]{1,2})?)\s*tháng\s*(?P<m>[^\s,]{1,3})\s*năm\s*(?P<y>\d{4})",
                     re.I)


def to_date(day: str | int, month: str | int, year: str | int) -> date | None:
    """A real calendar date or None."""
    try:
        return date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def stamp_date(stamp: str) -> date | None:
    """The day a stamp or e-signature text gives ('chữ ký số 13/11/2025 15:53'), if any."""
    m = STAMP_DATE.search(stamp)
    return to_date(*m.groups()) if m else None
