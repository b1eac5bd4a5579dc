"""OCR'd names snapped to the gazetteer: 'Ủy ban nhân dân tính Lâm Đòng' → 'Ủy ban nhân dân tỉnh Lâm Đồng'.

Matching ignores diacritics (Tesseract confuses ồ/ò/ô, í/ỉ, ư/u, đ/d) and allows one letter in eight to
differ, so a province name the scan garbled is recognised while a different province never is.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from congvan.data.agencies import SURNAMES
from congvan.data.places import PROVINCE_LEVEL
from congvan.text.normalize import strip_accents

_PROVINCES = {strip_accents(name): name for name in PROVINCE_LEVEL}
_LEVEL_WORDS = {"tinh": "tỉnh", "thanh pho": "thành phố"}
_LEVEL = re.compile(r"\b(t[iíìỉĩị]nh|th[aàáảãạ]nh ph[oóòỏõọốồổỗộ])\s+(?=\S)", re.I)
RATIO = 0.84


def province(words: str) -> str | None:
    """The province whose name the words (diacritics aside, one slip in eight letters) spell, else None."""
    key = re.sub(r"\b(\w+) \1\b", r"\1", strip_accents(words).strip())  # a word OCR read twice
    if key in _PROVINCES:
        return _PROVINCES[key]
    (ratio, best), (runner_up, _) = sorted(((SequenceMatcher(None, key, name).ratio(), name) for name in _PROVINCES),
                                           reverse=True)[:2]
    close = ratio >= RATIO and ratio > runner_up and abs(len(key) - len(best)) <= 2
    return _PROVINCES[best] if close else None


def name(value: str | None) -> str | None:
    """A body or place name with its province part ('… tỉnh X' or the whole value) snapped to the gazetteer."""
    if not value:
        return value
    matches = list(_LEVEL.finditer(value))
    if not matches:
        return province(value) or value
    m = matches[-1]
    level = _LEVEL_WORDS.get(strip_accents(m.group(1)).lower(), m.group(1))
    if m.group(1)[:1].isupper():
        level = level.capitalize()
    found = province(value[m.end():])
    return value[:m.start()] + f"{level} {found}" if found else value


_FAMILY = {strip_accents(name): name for name in SURNAMES}


def person(value: str | None) -> str | None:
    """A signer's name whose family name OCR garbled by one glyph ('1rương Minh Đương') snapped to a
    known family name of the same length; other names are left as read."""
    if not value or " " not in value:
        return value
    first, rest = value.split(" ", 1)
    key = strip_accents(first)
    if key in _FAMILY:  # 'Nguyên Văn A', 'Trân Văn B': the family name's tone restored
        return f"{_FAMILY[key]} {rest}"
    same = [k for k in _FAMILY if len(k) == len(key) and sum(a != b for a, b in zip(k, key, strict=True)) == 1]
    return f"{_FAMILY[same[0]]} {rest}" if len(same) == 1 and len(key) >= 4 else value
