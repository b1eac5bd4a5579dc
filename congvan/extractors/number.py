"""Số, ký hiệu: the document number and its parts (Nghị định 30/2020 Phụ lục I; party style 36-HD/VPTW)."""

from __future__ import annotations

import re

from congvan.data.types import CODE_TYPES
from congvan.layout import Line
from congvan.text.normalize import clean

SO = re.compile(r"^\s*(?:S[ốôóòỏõọoồớờé6]|SỐ|\$6)\s*[:.;]?\s*", re.I)  # OCR reads Số as Só, Sé, S6
_DASH = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")
GOV = re.compile(r"^(?P<seq>\d{1,6})?\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?(?P<code>[A-ZĐa-zđ][\w&.\-]*)$")
PARTY = re.compile(r"^(?P<seq>\d{1,6})\s*-\s*(?P<type>[A-ZĐ][A-Za-zĐđ]*)\s*/\s*(?P<code>[A-ZĐ][\w&.\-]*)$")
BLANK = re.compile(r"^[\s._…]*(?=/)")


def _candidate(header: list[Line]) -> tuple[str, int] | None:
    for i, line in enumerate(header):
        if line.column == "right":
            continue
        m = SO.match(line.text)
        if not m or not re.match(r"[^\sA-Za-z]{0,8}\s*/|\d", line.text[m.end():] or "/"):
            continue
        text = line.text[m.end():]
        if (not text or text.strip() in ("", ".", "…")) or text.strip().startswith("/") is False and "/" not in text:
            # "Số:" with the rest on the next segment of the same row
            for nxt in header[i + 1: i + 3]:
                if "/" in nxt.text and nxt.column != "right":
                    text = (text + " " + nxt.text).strip()
                    break
        return clean(text), i
    return None


def normalise(raw: str) -> str:
    """'2781 /UBND - TTHC' → '2781/UBND-TTHC'; dashes unified, spaces dropped."""
    text = _DASH.sub("-", raw.strip())
    text = re.sub(r"\s*/\s*", "/", text)
    text = re.split(r"\s+(?=V/v|Về việc|\S+,\s*ngày)", text)[0]
    return text.replace(" ", "").strip(".,;:")


def parse(number: str) -> dict:
    """Split a normalised số/ký hiệu into seq, year, type_code, issuer_code, unit_code."""
    parts = {"seq": None, "year": None, "type_code": None, "issuer_code": None, "unit_code": None}
    number = BLANK.sub("", number)
    m = PARTY.match(number)
    if m:
        parts.update(seq=m["seq"], type_code=m["type"], issuer_code=m["code"])
        return parts
    m = GOV.match(number)
    if not m:
        return parts
    parts.update(seq=m["seq"], year=m["year"])
    codes = [c for c in m["code"].split("-") if c]
    if len(codes) > 1 and codes[0].casefold() in CODE_TYPES:
        parts["type_code"] = codes.pop(0)
    if codes:
        parts["issuer_code"] = codes[0]
    if len(codes) > 1:
        parts["unit_code"] = "-".join(codes[1:])
    return parts


def extract(header: list[Line]) -> tuple[str | None, dict, list[str], int | None]:
    """Return (number or None, number_parts, warnings, index of the number line)."""
    found = _candidate(header)
    empty = {"seq": None, "year": None, "type_code": None, "issuer_code": None, "unit_code": None}
    if not found:
        return None, empty, ["number (Số, ký hiệu) not found"], None
    raw, index = found
    number = normalise(raw)
    parts = parse(number)
    if not parts["seq"]:
        warning = f"number is blank in the document ('Số: {raw}'): a draft or a stamp not in the text"
        return None, parts, [warning], index
    if not parts["issuer_code"]:
        return number or None, parts, [f"number '{number}' does not have the usual số/ký hiệu shape"], index
    return number, parts, [], index
