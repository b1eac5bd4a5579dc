"""Dấu chỉ mức độ khẩn and độ mật: stamps printed as their own line in the header."""

from __future__ import annotations

import re

from congvan.data.types import SECRECY, URGENCY
from congvan.layout import Line
from congvan.text.normalize import fold, is_upper


def _mark(lines: list[Line], table: tuple[tuple[str, str], ...]) -> str | None:
    for line in lines:
        key = re.sub(r"[^\wđ ]", " ", fold(line.text)).split()
        if not key or not is_upper(line.text):
            continue
        joined = " ".join(key)
        for word, value in table:
            short_stamp = len(key) <= 4 and (joined.startswith(word + " ") or joined.endswith(" " + word))
            if joined == word or short_stamp:
                return value
    return None


def extract(header: list[Line]) -> tuple[str | None, str | None]:
    """Return (urgency, confidentiality)."""
    return _mark(header, URGENCY), _mark(header, SECRECY)
