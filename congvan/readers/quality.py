"""Is a PDF page's text layer real text, or garbage left by a scanner or a broken font map?"""

from __future__ import annotations

import re
import unicodedata

VIETNAMESE = set("aăâbcdđeêghiklmnoôơpqrstuưvxy" "fjwz")
TONED = set("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵăâđêôơư")
_LETTER = re.compile(r"[^\W\d_]")
_FOREIGN = re.compile("[^" + "".join(sorted(VIETNAMESE | TONED)) + r"\W\d_]")
_TONED = re.compile("[" + "".join(sorted(TONED)) + "]")


def quality(text: str) -> tuple[float, str]:
    """A score in [0, 1] and the reason when it is low. Real Vietnamese scores high."""
    text = unicodedata.normalize("NFC", text).lower()
    letters = len(_LETTER.findall(text))
    if letters < 40:
        return 0.0, "no text layer (scanned image)"
    foreign = len(_FOREIGN.findall(text))
    toned = len(_TONED.findall(text))
    if foreign / letters > 0.03:
        return 0.2, "text layer uses a broken font map (characters outside Vietnamese)"
    if toned / letters < 0.04:
        return 0.3, "text layer has no Vietnamese diacritics (scanner OCR without Vietnamese)"
    return 1.0, ""
