"""Cited documents: every numbered document the text mentions, with its type and date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from congvan.data.types import CODE_TYPES, TYPE_NAMES
from congvan.extractors.dates import to_date
from congvan.extractors.number import normalise

CITABLE_TYPES = TYPE_NAMES + ["Luật", "Hiến pháp", "Bộ luật"]
_TYPES = "|".join(re.escape(n) for n in CITABLE_TYPES + ["Văn bản"])
NUMBER = r"\d{1,6}(?:\s*/\s*(?:19|20)\d\d)?\s*/\s*[A-ZĐ][A-Za-zĐđ0-9&.]*(?:\s*[-–]\s*[A-ZĐ0-9][A-Za-zĐđ0-9&.]*)*"
PARTY_NUMBER = r"\d{1,6}\s*-\s*[A-ZĐ][A-Za-zĐđ]*\s*/\s*[A-ZĐ][A-Za-zĐđ0-9&]*(?:-[A-ZĐ0-9][A-Za-zĐđ0-9&]*)*"
# a day as citations print it: '14/6/2023' or '14 tháng 6 năm 2023' (read by _day)
_DATE = (r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})|"
         r"(?P<d2>\d{1,2})\s*tháng\s*(?P<m2>\d{1,2})\s*năm\s*(?P<y2>\d{4}))")
CITE = re.compile(
    rf"(?:(?P<type>{_TYPES})(?:\s+[^\d\s,.;:()]+){{0,6}}?\s+)?(?:số|số:|số hiệu)?\s*"
    rf"(?P<number>{PARTY_NUMBER}|{NUMBER})(?:\s*(?:ngày|,\s*ngày)\s*{_DATE})?",
    re.I,
)

_FIRST_NUMBER = re.compile(rf"(?:{PARTY_NUMBER}|{NUMBER})", re.I)
_TYPE_NAME = re.compile(rf"(?<!\w)(?:{_TYPES})(?!\w)", re.I)
# 'Ngày 18/3/2025, Sở Tài chính đã có Công văn số 325/STC-HTDN': a sentence that opens with the day
_OPENING_DAY = re.compile(rf"(?:^|[.;:]\s+|\n)[“\"'(]?\s*Ngày\s+{_DATE}\s*,\s*")
_REACH = 200  # characters before a number where its type name can start (a type, six words, 'số')


def citations(text: str) -> Iterator[re.Match[str]]:
    """CITE's matches, found from the numbers backwards: trying the type names at every character of a
    long paragraph costs more than the rest of the extraction. A citation's type name starts after the
    previous number (its words hold no digits), so the leftmost match is the first number's."""
    done = 0
    while (hit := _FIRST_NUMBER.search(text, done)) is not None:
        m = CITE.search(text, max(done, hit.start() - _REACH), hit.end() + 60)
        if m is None or m.start("number") != hit.start():
            done = hit.start() + 1
            continue
        m = CITE.match(text, m.start())
        if m is None:
            break
        yield m
        done = m.end()


def extract(texts: list[str], own_number: str | None) -> list[dict]:
    """All distinct cited numbers, first mention kept (it usually carries the type and date)."""
    found: dict[str, dict] = {}
    own = (own_number or "").casefold()
    for text in texts:
        previous_end = 0
        for m in citations(text):
            number = normalise(m["number"])
            opening, previous_end = _opening_day(text, previous_end, m.start("number")), m.end()
            if not re.search(r"/[A-ZĐa-zđ]", number) or number.casefold() == own:
                continue
            if re.fullmatch(r"\d+/\d+", number):
                continue
            printed, start = _printed_type(m)
            kind = _type(printed, number)
            day = _day(m) or opening
            entry = {"type": kind, "number": number, "date": day.isoformat() if day else None,
                     "issuer": None, "text": text[start:m.end()].strip()}
            key = number.casefold()
            if key not in found:
                found[key] = entry
            else:
                old = found[key]
                old["type"] = old["type"] or entry["type"]
                old["date"] = old["date"] or entry["date"]
    return list(found.values())


def _printed_type(m: re.Match[str]) -> tuple[str | None, int]:
    """The type name printed nearest before the number, and where the citation text starts: in
    'quy định tại Thông tư số 86/2013/TT-BTC' the document is the Thông tư, not a Quy định."""
    if m["type"] is None:
        return None, m.start()
    names = list(_TYPE_NAME.finditer(m.string, m.start("type"), m.start("number")))
    last = names[-1] if names else None
    if last is None:
        return m["type"], m.start()
    return last.group(0), last.start()


def _day(m: re.Match[str]) -> date | None:
    """The date of a match holding _DATE ('… ngày 14/6/2023' after a number, or a sentence's opening day)."""
    if not (m["d"] or m["d2"]):
        return None
    return to_date(m["d"] or m["d2"], m["m"] or m["m2"], m["y"] or m["y2"])


def _opening_day(text: str, since: int, number_at: int) -> date | None:
    """The day a sentence opens with, for the first citation in that sentence: in 'Ngày 25/9/2025, Ban
    Thường trực ban hành Công văn số 227/NTTQ-BTT về việc …' the Công văn is of 25/9/2025. Nothing when
    another citation, a sentence end or another date comes between, or when the day is one of receipt
    ('Ngày 3/4, Sở nhận được Công văn số …')."""
    found = next(reversed(list(_OPENING_DAY.finditer(text, since, number_at))), None)
    if found is None:
        return None
    between = text[found.end():number_at]
    if re.search(r"[.;]\s|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|ngày\s+\d|nhận", between, re.I):
        return None
    return _day(found)


def _type(printed: str | None, number: str) -> str | None:
    """The printed type name, else the one the ký hiệu encodes ('…/QĐ-UBND', party style '31-HD/BTCTW')."""
    if printed and printed.casefold() == "văn bản":
        return "Văn bản"  # printed as such; the ký hiệu's 'CV' does not make it a Công văn in the text
    if printed:
        for name in CITABLE_TYPES:
            if name.casefold() == printed.casefold():
                return name
    party = re.match(r"\d+-([A-Za-zĐđ]+)/", number)
    last = number.split("/")[-1]
    code = party.group(1) if party else (last.split("-")[0] if "-" in last else None)
    if code and code.casefold() in CODE_TYPES:
        return CODE_TYPES[code.casefold()]
    return None
