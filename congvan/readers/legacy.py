"""Legacy Vietnamese font encodings (TCVN3 '.Vn*' fonts, VNI 'VNI-*' fonts) to Unicode.

Detection is by font name, never by content guessing (that corrupts good text). The conversion tables
are viparse's (validated on government documents of 1998–2009) rather than our own.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SUBSET = re.compile(r"^[A-Z]{6}\+")


@lru_cache(maxsize=256)
def encoding_for_font(font: str | None) -> str | None:
    """'tcvn3' for .VnTime/.VnArialH…, 'vni' for VNI-Times…, else None. PDF subset tags are ignored."""
    if not font:
        return None
    name = _SUBSET.sub("", font.strip()).upper()
    if name.startswith(".VN"):
        return "tcvn3"
    if name.startswith("VNI"):
        return "vni"
    return None


def is_capital_font(font: str | None) -> bool:
    """TCVN3 has no codes for accented capitals: '.VnTimeH'-style fonts draw the small letters as capitals."""
    return bool(font) and encoding_for_font(font) == "tcvn3" and _SUBSET.sub("", font.strip()).upper().endswith("H")


def to_unicode(text: str, font: str | None) -> str:
    """Text typed in a legacy font, as Unicode NFC."""
    encoding = encoding_for_font(font)
    if encoding is None or not text:
        return text
    from viparse.normalize.encodings import get_charmap
    from viparse.normalize.tables import convert

    charmap = get_charmap(encoding)
    converted = convert(text, charmap) if charmap else text
    return converted.upper() if is_capital_font(font) else converted
