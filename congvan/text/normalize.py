"""Text normalisation: NFC for output, folded keys for matching, and splitting of merged header lines."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"

_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# Only open syllables move their tone mark (hoà → hòa, thuỷ → thủy); "hoàn", "soát" stay as they are.
# "quý" keeps its tone: after q the u is part of the consonant.
# The keys of _OLD_TONES as two character classes (an alternation of the 15 pairs is 4× slower to scan).
_OLD_TONE_RE = re.compile(r"(?<![qQ])(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\w)")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"[ \u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u00ad\u200c\u200d\ufeff]")


_BASE = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ", "e": "eèéẻẽẹêềếểễệ", "i": "iìíỉĩị", "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự", "y": "yỳýỷỹỵ", "d": "dđ",
}


def loose(phrase: str) -> str:
    """A regex for phrase that ignores diacritics and case and allows missing spaces (OCR, bad font maps)."""
    parts = []
    for char in phrase.lower():
        if char == " ":
            parts.append(r"\s*")
        elif char in _BASE:
            letters = _BASE[char]
            parts.append("[" + letters + letters.upper() + "]")
        else:
            parts.append(f"[{char}{char.upper()}]" if char.isalpha() else re.escape(char))
    return "".join(parts)


def strip_accents(text: str) -> str:
    """'Phó Giám đóc' → 'pho giam doc' (for fuzzy matching only)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn").lower()


def _retone(match: re.Match[str]) -> str:
    found = match.group(0)
    new = _OLD_TONES[found.lower()]
    return new.upper() if found.isupper() else (new[0].upper() + new[1:] if found[0].isupper() else new)


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """NFC, Đ for the look-alike Ð, soft hyphens dropped, spaces collapsed; the printed text otherwise."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    text = _ZERO_WIDTH.sub("", text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Match key: clean, new-style tone placement (hoà → hòa), ASCII dashes, casefolded."""
    text = _OLD_TONE_RE.sub(_retone, clean(text))
    return _DASHES.sub("-", text).casefold()


def retone(text: str) -> str:
    """Old-style tone placement to the new style, keeping case (for matching regexes on printed text)."""
    return _OLD_TONE_RE.sub(_retone, text)


@lru_cache(maxsize=8192)
def is_upper(text: str) -> bool:
    """True when the letters of text are (nearly) all capitals."""
    if text.isupper():
        return True
    if text.islower():
        return False
    upper = sum(map(str.isupper, text))
    return upper > 0 and upper >= 0.85 * (upper + sum(map(str.islower, text)))


_SMALL_WORDS = {"và", "của", "các", "có", "trực", "thuộc", "nhân", "dân", "ban"}


def title_case(text: str) -> str:
    """'PHÓ CHỦ TỊCH' → 'Phó Chủ tịch'; 'CHÁNH VĂN PHÒNG' → 'Chánh Văn phòng'. Only for all-caps input."""
    if not is_upper(text):
        return text
    parts = []
    for piece in re.split(r"(,\s*)", text.lower()):
        words = piece.split(" ")
        out = []
        for i, word in enumerate(words):
            if i == 0 or (out and out[-1] in ("phó", "chánh")) and word not in _SMALL_WORDS:
                word = word[:1].upper() + word[1:]
            out.append(word)
        parts.append(" ".join(out))
    text = "".join(parts)
    return re.sub(r"^(Phó|Chánh|Quyền) (\w)", lambda m: f"{m.group(1)} {m.group(2).upper()}", text)


def agency_case(text: str) -> str:
    """Printed agency names in capitals to Vietnamese name case: 'SỞ TƯ PHÁP' → 'Sở Tư pháp'."""
    if not is_upper(text):
        return text
    words = text.lower().split()
    out: list[str] = []
    place_mode = False
    for i, word in enumerate(words):
        bare = word.strip(",;()")
        if bare in {"ubnd", "hđnd", "mttq", "tw", "vn"}:
            out.append(word.upper())
            continue
        if i == 0 or place_mode:
            word = word[:1].upper() + word[1:]
        elif out and out[-1].strip(",").lower() in ("bộ", "sở", "cục", "vụ", "ban", "tổng", "viện", "và",
                                                       "phòng", "đoàn", "hội", "trường", "trung", "đài"):
            if bare not in _SMALL_WORDS and bare not in ("tâm", "cục", "nhân"):
                word = word[:1].upper() + word[1:]
        if bare in ("tỉnh", "huyện", "quận", "xã", "phường", "trấn", "phố", "khu") and i > 0:
            place_mode = True
        out.append(word)
    return " ".join(out)
