"""Glyphs Tesseract puts for digits it cannot read (handwritten, stamped, faint print): 'lÍ' for 11, '|6' for 16.

Only ever used on a field that must be digits, and always with a warning.
"""

from __future__ import annotations

_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "Ò": "0", "Ô": "0", "Ó": "0", "I": "1", "l": "1", "|": "1",
                                   "]": "1", "!": "1", "Í": "1", "Ì": "1", "í": "1", "ì": "1", "S": "5", "B": "8",
                                   "Z": "2", "z": "2", "b": "6", "G": "6", "q": "9", "g": "9"})


def lookalike_digits(raw: str) -> str | None:
    """The digits a garbled OCR field stands for when every glyph is a known look-alike, else None."""
    mapped = raw.replace(" ", "").translate(_DIGIT_LOOKALIKES)
    return mapped if mapped.isdigit() else None
