"""Kính gửi / Kính mời / a công điện's 'Điện:' list: one entry per addressee, groups expanded."""

from __future__ import annotations

import re

from congvan.extractors.agencies import split_agencies
from congvan.layout import Line
from congvan.text.zones import DIEN, KINH_GUI

_ITEM = re.compile(r"^\s*[-–+•‒]\s*")
_BLANK = re.compile(r"^[\s.…_]*$")


def items(block: list[Line]) -> list[str]:
    """The printed addressee items of a Kính gửi block (wrapped lines joined)."""
    if not block:
        return []
    first = block[0].text
    m = KINH_GUI.match(first)
    rest = first[m.end():] if m else DIEN.split(first, 1)[-1]
    out: list[str] = []
    for text in [rest] + [line.text for line in block[1:]]:
        text = text.strip()
        if not text:
            continue
        if _ITEM.match(text) or not out or out[-1].rstrip().endswith((";", ".")):
            out.append(_ITEM.sub("", text))
        else:
            out[-1] = f"{out[-1]} {text}"
    return [item.strip(" ;.,") for item in out if item.strip(" ;.,")]


def extract(block: list[Line]) -> tuple[list[str], bool]:
    """Return (recipients, blank) — blank when 'Kính gửi: ……' is left for an attached list."""
    printed = items(block)
    if block and not printed:
        return [], True
    if printed and all(_BLANK.match(item) for item in printed):
        return [], True
    names: list[str] = []
    for item in printed:
        for name in split_agencies(item):
            if name not in names:
                names.append(name)
    return names, False


_INVITEES = re.compile(r"^\W*(?:\d+\s*[.)]\s*)?thành phần(?:\s+(?:mời|tham dự|dự họp))*\s*:\s*", re.I)


def invitees(body: list[Line]) -> list[str]:
    """A giấy mời without Kính gửi lists its invitees under 'Thành phần (mời):' (dash items, or inline)."""
    for index, line in enumerate(body):
        m = _INVITEES.match(line.text)
        if not m:
            continue
        block = [Line(text="Kính gửi: " + line.text[m.end():])]
        for item in body[index + 1:]:
            if not _ITEM.match(item.text):
                break
            block.append(item)
        return extract(block)[0]
    return []
