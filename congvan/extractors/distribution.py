"""Nơi nhận: one entry per line, leading '- ' and trailing ';' removed; 'Như trên' kept."""

from __future__ import annotations

import re

from congvan.extractors.signer import split_tail
from congvan.layout import Line
from congvan.text.normalize import is_upper
from congvan.text.zones import NOI_NHAN, PERSON, SIGN_PREFIX

_ITEM = re.compile(r"^\s*[-–+•‒]\s*")


def extract(footer: list[Line]) -> tuple[list[str], list[str]]:
    """Return (distribution items, signature lines) from the footer zone."""
    items: list[str] = []
    signature: list[str] = []
    start = next((i for i, line in enumerate(footer) if NOI_NHAN.match(line.text)), None)
    columns = any(line.column for line in footer)
    for i, line in enumerate(footer):
        text = line.text.strip()
        if start is None or i < start:
            signature.append(text)
            continue
        if i == start:
            rest = NOI_NHAN.sub("", text, count=1).strip()
            if rest:
                items.append(_ITEM.sub("", rest))
            continue
        if columns and line.column == "right":
            signature.append(text)
            continue
        if _ITEM.match(text):
            items.append(_ITEM.sub("", text))
        elif items and not items[-1].rstrip().endswith((";", ".")) and not _signature_like(text):
            items[-1] = f"{items[-1]} {text}"
        elif not columns or _signature_like(text) or not items:
            signature.append(text)
        else:
            items.append(text)
    if items:
        item, tail = split_tail(items[-1])
        items[-1] = item
        if tail:
            signature.append(tail)
    cleaned = [re.sub(r"\s*[;,]\s*$", "", item).rstrip(" .") if not item.rstrip().endswith(")") else
               item.rstrip(" ;.,") for item in items]
    return [item for item in cleaned if item], signature


def _signature_like(text: str) -> bool:
    return bool(SIGN_PREFIX.match(text) or (is_upper(text) and len(text) < 70) or PERSON.match(text)
                or re.match(r"^\(?\s*(Đã ký|đã ký)", text))
