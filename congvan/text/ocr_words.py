"""The deciding phrases of a task, put back when OCR got a tone or a letter's hat wrong ('chủ tri', 'phói hợp').

Only whole multi-word phrases are corrected (a single syllable without its tone is ambiguous), and only on
text read by OCR.
"""

from __future__ import annotations

import re
from functools import cache

PHRASES = ("đề nghị", "chủ trì", "phối hợp", "trước ngày", "có trách nhiệm", "kính gửi", "nơi nhận",
           "tổ chức thực hiện", "báo cáo", "giao cho", "chịu trách nhiệm", "hoàn thành", "tham mưu")
_VARIANTS = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ", "e": "eèéẻẽẹêềếểễệ", "i": "iìíỉĩị", "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự", "y": "yỳýỷỹỵ", "d": "dđ",
}


@cache
def _pattern() -> re.Pattern[str]:
    def loose(phrase: str) -> str:
        out = []
        for ch in phrase:
            base = next((b for b, group in _VARIANTS.items() if ch in group), None)
            out.append(r"\s+" if ch == " " else f"[{_VARIANTS[base]}]" if base else re.escape(ch))
        return "".join(out)

    return re.compile(r"(?<!\w)(" + "|".join(loose(p) for p in PHRASES) + r")(?!\w)", re.I)


_BASE = str.maketrans({ch: base for base, group in _VARIANTS.items() for ch in group})


def _fold(text: str) -> str:
    return text.lower().translate(_BASE)


_BY_FOLD = {_fold(p): p for p in PHRASES}


def correct(text: str) -> str:
    """The text with each deciding phrase in its dictionary spelling (the first letter's case kept)."""
    def fix(m: re.Match[str]) -> str:
        found = m.group(0)
        right = _BY_FOLD.get(_fold(re.sub(r"\s+", " ", found)))
        if right is None or found == right:
            return found
        return right[0].upper() + right[1:] if found[0].isupper() else right

    return _pattern().sub(fix, text)
