"""Địa danh and ngày ban hành from the header (day-first always)."""

from __future__ import annotations

import re

from congvan.data.places import PROVINCES
from congvan.layout import Line
from congvan.text.date_row import GARBLED, LONG, PLACE, SHORT, stamp_date, to_date
from congvan.text.lookalike import lookalike_digits
from congvan.text.normalize import strip_accents


def extract(header: list[Line], stamps: list[str]) -> tuple[str | None, str | None, list[str]]:
    """Return (place, ISO date, warnings)."""
    warnings: list[str] = []
    candidates = sorted(header, key=lambda line: line.column != "right")
    dated = " ".join(line.text for line in candidates if PLACE.search(line.text))  # '<place>, ngày …'
    text = " ".join(line.text for line in candidates)
    m = g = None
    for scope in (dated, text):  # the place-and-date row first: a date the header cites is not the date
        m = LONG.search(scope) or SHORT.search(scope)
        g = None if m else GARBLED.search(scope)
        if m or g:
            break
    place = _place(header)
    iso = None
    if m:
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
    elif g:
        iso = _garbled(g, stamps, warnings)
    else:
        warnings.append("date of issue (ngày … tháng … năm …) not found")
    if place is None:
        warnings.append("place (địa danh) not found")
    return place, iso, warnings


def _garbled(m: re.Match, stamps: list[str], warnings: list[str]) -> str | None:
    """A date row whose day or month OCR could not read: the e-signature time when its month and year agree,
    else the look-alike digits of a two-glyph day; always with a warning."""
    month = lookalike_digits(m["m"])
    iso = _from_stamp(stamps, month or "", m["y"])
    if month is None and not iso:
        warnings.append(f"date of issue is illegible in the scan ('{m.group(0)}')")
        return None
    if iso:
        warnings.append(f"day of issue illegible in the scan ('{m['d']}'); taken from the e-signature time ({iso})")
        return iso
    day = lookalike_digits(m["d"]) if len(m["d"].replace(" ", "")) >= 2 else None
    found = to_date(day, month, m["y"]) if day else None
    if found:
        warnings.append(f"day of issue read as {found.day} from the scan's '{m['d']}': check it")
        return found.isoformat()
    warnings.append(f"day of issue illegible in the scan ('{m.group(0)}')")
    return None


def _place(header: list[Line]) -> str | None:
    """The địa danh: the words before ', ngày' on the date line (OCR'd accents snapped to a known name)."""
    for line in header:
        pm = PLACE.search(line.text)
        if pm:
            place = _clean_place(pm.group(1))
            return _KNOWN_PLACES.get(strip_accents(place), place) if place else None
    return None


_KNOWN_PLACES = {strip_accents(name): name for name in PROVINCES}


def _clean_place(raw: str) -> str | None:
    words = raw.replace("*", " ").split()
    kept: list[str] = []
    index = len(words) - 1
    while index >= 0 and len(kept) < 6:  # the place is the run of capitalised words before the comma
        word = words[index]
        if word in ("phố", "xã", "trấn") and index > 0 and words[index - 1][:1].isupper():
            kept[:0] = [words[index - 1], word]
            index -= 2
            continue
        if not word[:1].isupper() or re.search(r"[/\d]", word) or \
                (len(word) > 1 and word.isupper() and not raw.isupper()):
            break
        kept.insert(0, word)
        index -= 1
    return " ".join(kept) or None


def _from_stamp(stamps: list[str], month: str, year: str) -> str | None:
    for stamp in stamps:
        found = stamp_date(stamp)
        if found and str(found.year) == year and (not month or int(month) == found.month):
            return found.isoformat()
    return None
