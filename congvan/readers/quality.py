"""Is a PDF page's text layer real text, or garbage left by a scanner or a broken font map?"""

from __future__ import annotations

import re
import unicodedata

VIETNAMESE = set("aăâbcdđeêghiklmnoôơpqrstuưvxy" "fjwz")
TONED = set("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵăâđêôơư")
_WORD = re.compile(r"[^\W\d_]+", re.U)
_NOT_VIETNAMESE = {ord(c): None for c in VIETNAMESE | TONED}  # str.translate deletes these
_NOT_TONED = {ord(c): None for c in TONED}


def quality(text: str) -> tuple[float, str]:
    """A score in [0, 1] and the reason when it is low. Real Vietnamese scores high."""
    text = unicodedata.normalize("NFC", text).lower()
    joined = "".join(_WORD.findall(text))
    letters = len(joined)
    if letters < 40:
        return 0.0, "no text layer (scanned image)"
    foreign = len(joined.translate(_NOT_VIETNAMESE))
    toned = letters - len(joined.translate(_NOT_TONED))
    if foreign / letters > 0.03:
        return 0.2, "text layer uses a broken font map (characters outside Vietnamese)"
    if toned / letters < 0.04:
        return 0.3, "text layer has no Vietnamese diacritics (scanner OCR without Vietnamese)"
    return 1.0, ""
