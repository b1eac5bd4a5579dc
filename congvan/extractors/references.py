"""Cited documents: every numbered document the text mentions, with its type and date."""

from __future__ import annotations

import re
from collections.abc import Iterator

from congvan.data.types import CODE_TYPES, TYPE_NAMES
from congvan.extractors.dates import to_date
from congvan.extractors.number import normalise

CITABLE_TYPES = TYPE_NAMES + ["Luật", "Hiến pháp", "Bộ luật"]
_TYPES = "|".join(re.escape(n) for n in CITABLE_TYPES + ["Văn bản"])
NUMBER = r"\d{1,6}(?:\s*/\s*(?:19|20)\d\d)?\s*/\s*[A-ZĐ][A-Za-zĐđ0-9&.]*(?:\s*[-–]\s*[A-ZĐ0-9][A-Za-zĐđ0-9&.]*)*"
PARTY_NUMBER = r"\d{1,6}\s*-\s*[A-ZĐ][A-Za-zĐđ]*\s*/\s*[A-ZĐ][A-Za-zĐđ0-9&]*(?:-[A-ZĐ0-9][A-Za-zĐđ0-9&]*)*"
CITE = re.compile(
    rf"(?:(?P<type>{_TYPES})(?:\s+[^\d\s,.;:()]+){{0,6}}?\s+)?(?:số|số:|số hiệu)?\s*"
    rf"(?P<number>{PARTY_NUMBER}|{NUMBER})"
    r"(?:\s*(?:ngày|,\s*ngày)\s*(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})|"
    r"(?P<d2>\d{1,2})\s*tháng\s*(?P<m2>\d{1,2})\s*năm\s*(?P<y2>\d{4})))?",
    re.I,
)

_FIRST_NUMBER = re.compile(rf"(?:{PARTY_NUMBER}|{NUMBER})", re.I)
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
        for m in citations(text):
            number = normalise(m["number"])
            if not re.search(r"/[A-ZĐa-zđ]", number) or number.casefold() == own:
                continue
            if re.fullmatch(r"\d+/\d+", number):
                continue
            kind = _type(m["type"], number)
            day = to_date(m["d"] or m["d2"], m["m"] or m["m2"], m["y"] or m["y2"]) if (m["d"] or m["d2"]) else None
            entry = {"type": kind, "number": number, "date": day.isoformat() if day else None,
                     "issuer": None, "text": m.group(0).strip()}
            key = number.casefold()
            if key not in found:
                found[key] = entry
            else:
                old = found[key]
                old["type"] = old["type"] or entry["type"]
                old["date"] = old["date"] or entry["date"]
    return list(found.values())


def _type(printed: str | None, number: str) -> str | None:
    """The printed type name, else the one the ký hiệu encodes ('…/QĐ-UBND', party style '31-HD/BTCTW')."""
    if printed and printed.casefold() != "văn bản":
        for name in CITABLE_TYPES:
            if name.casefold() == printed.casefold():
                return name
    party = re.match(r"\d+-([A-Za-zĐđ]+)/", number)
    last = number.split("/")[-1]
    code = party.group(1) if party else (last.split("-")[0] if "-" in last else None)
    if code and code.casefold() in CODE_TYPES:
        return CODE_TYPES[code.casefold()]
    return "Công văn" if printed and printed.casefold() == "văn bản" else None
