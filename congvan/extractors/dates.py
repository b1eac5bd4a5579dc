"""Địa danh and ngày ban hành from the header (day-first always)."""

from __future__ import annotations

import re
from datetime import date

from congvan.readers.base import Line

LONG = re.compile(r"ngày\s*(?P<d>\d{1,2}|[._…\s]*)\s*tháng\s*(?P<m>\d{1,2}|[._…\s]*)\s*năm\s*(?P<y>\d{4})", re.I)
SHORT = re.compile(r"ngày\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})", re.I)
PLACE = re.compile(r"([^,;:]{2,60}?),\s*ngày\b", re.I)
STAMP_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_PLACE_JUNK = re.compile(r"^(?:.*\b(?:V/v|Số)\b[^A-ZĐ]*|[^A-ZĐÀ-Ỹ]*)")


def to_date(day: str | int, month: str | int, year: str | int) -> date | None:
    """A real calendar date or None."""
    try:
        return date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def extract(header: list[Line], stamps: list[str]) -> tuple[str | None, str | None, list[str]]:
    """Return (place, ISO date, warnings)."""
    warnings: list[str] = []
    candidates = [line for line in header if line.column == "right"] + [line for line in header if line.column != "right"]
    text = " ".join(line.text for line in candidates)
    m = LONG.search(text) or SHORT.search(text)
    place = None
    iso = None
    if m:
        pm = None
        for pm in PLACE.finditer(text[: m.start() + 6]):
            pass
        if pm:
            place = _clean_place(pm.group(1))
        day, month, year = m["d"].strip(" ._…"), m["m"].strip(" ._…"), m["y"]
        found = to_date(day, month, year) if day and month else None
        if found:
            iso = found.isoformat()
        else:
            iso = _from_stamp(stamps, month, year)
            if iso:
                warnings.append(f"date is blank in the text; taken from the e-signature time stamp ({iso})")
            else:
                warnings.append(f"date of issue is blank or invalid in the document ('{m.group(0)}')")
    else:
        warnings.append("date of issue (ngày … tháng … năm …) not found")
    if place is None:
        warnings.append("place (địa danh) not found")
    return place, iso, warnings


def _clean_place(raw: str) -> str | None:
    text = _PLACE_JUNK.sub("", raw).strip(" .-–")
    words = text.split()
    if not words:
        return None
    return " ".join(words[-5:])


def _from_stamp(stamps: list[str], month: str, year: str) -> str | None:
    for stamp in stamps:
        m = STAMP_DATE.search(stamp)
        if m:
            found = to_date(*m.groups())
            if found and str(found.year) == year and (not month or int(month) == found.month):
                return found.isoformat()
    return None
