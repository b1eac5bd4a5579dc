"""Người ký: authority prefix (TM./KT./TL./TUQ./Q.), on whose behalf, title and name."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from congvan.data.titles import KNOWN_TITLES as TITLES
from congvan.data.titles import RANKS, UNIT_OF_TITLE
from congvan.text.normalize import LOWER, UPPER, agency_case, clean, fold, is_upper, strip_accents, title_case
from congvan.text.zones import QUOC_HIEU, TIEU_NGU

PREFIX = re.compile(r"(?<![\wÀ-ỹ])(?:(TM|KT|TL|TUQ|T/M|K/T|T/L|T\.M|K\.T|T\.L)(?:\s*\.\s*|\s+)|(Q)\.\s*)(?=\S)")
TITLE_WORDS = (
    rf"(?:(?:TM|KT|TL|TUQ|Q)\.\s*(?=[{UPPER}]{{2}})|T/M|K/T|T/L|BỘ TRƯỞNG|THỨ TRƯỞNG|CHỦ TỊCH|GIÁM ĐỐC|"
    r"CHỦ NHIỆM|THỦ TƯỚNG|"
    r"CHÁNH VĂN PHÒNG|TRƯỞNG BAN|CỤC TRƯỞNG|VỤ TRƯỞNG|TỔNG CỤC TRƯỞNG|BÍ THƯ|CHÁNH THANH TRA|TRƯỞNG PHÒNG|"
    rf"HIỆU TRƯỞNG|VIỆN TRƯỞNG|PHÓ [{UPPER}]|KHO BẠC|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|CHÍNH PHỦ|BAN THƯỜNG VỤ)"
)
SIGNATURE_START = re.compile(rf"\s(?={TITLE_WORDS}(?:[\s,{UPPER}./]*)(?:\s+[{UPPER}][{LOWER}]+)*\s*$)")
KNOWN_TITLES = sorted(TITLES, key=len, reverse=True)
_SKIP = re.compile(r"^\(?\s*(đã ký|ký|ký tên|ký, ghi rõ|ký và đóng dấu|đã ký và đóng dấu)\b.*\)?$|^\[.*\]$|"
                   r"^(Ký bởi|Người ký|Thời gian ký|Email|Cơ quan|Ngày ký)\b", re.I)
_RANKS = re.compile(r"^(" + "|".join(RANKS) + r"|GS\.?\s*TS\.?|PGS\.?\s*TS\.?|TS\.|ThS\.|BS\.|Bác sĩ|Nhà giáo|"
                    r"NGƯT\.?|NGND\.?)\s+", re.I)
_NAME_TAIL = re.compile(rf"^(?P<head>.*?)\s*(?P<name>(?:[{UPPER}][{LOWER}]+\s+){{1,5}}[{UPPER}][{LOWER}]*)$")
_NAME_THEN_CAPS = re.compile(rf"^(?P<head>.*?[{UPPER}]{{2,}}[.,]?)\s+(?P<name>(?:[{UPPER}][{LOWER}]+\s+){{1,5}}"
                             rf"[{UPPER}][{LOWER}]*)\s+(?=[{UPPER}]{{2,}}\S*\s+[{UPPER}]{{2,}})")
AUTHORITIES = {"tm": "TM.", "kt": "KT.", "tl": "TL.", "tuq": "TUQ.", "q": "Q.", "t/m": "TM.", "k/t": "KT.",
               "t/l": "TL.", "t.m": "TM.", "k.t": "KT.", "t.l": "TL."}


_SHORT_PHO = re.compile(r"^P\s?\.\s*(?=[A-ZĐÀ-Ỹ]{2,}(?:\s|$))")


def split_tail(text: str) -> tuple[str, str]:
    """Cut signature text glued after the last Nơi nhận item in scrapes: (item, signature)."""
    m = SIGNATURE_START.search(text)
    if not m:
        return text, ""
    return text[: m.start()].strip(), text[m.end():].strip()


def extract(lines: list[str], issuer: str | None = None) -> tuple[dict, list[str]]:
    """Parse the signature lines (top to bottom) into the contract's signer object (issuer: the header's)."""
    signer = {"authority": None, "on_behalf_of": None, "title": None, "name": None}
    caps: list[str] = []
    name = None
    for raw in lines:
        text = clean(raw).strip(" ,;")
        if not text or not re.search(r"[A-Za-zÀ-ỹĐđ]", text) or _SKIP.match(text):
            continue
        if sum(c.isalpha() for c in text) < 3 and not PREFIX.match(text + " X"):
            continue  # OCR specks around a stamp ("F", "=", ",")
        if QUOC_HIEU.search(text) or TIEU_NGU.search(text):
            continue  # the national motto run into the block by a two-column layout: not a title
        glued = _NAME_THEN_CAPS.match(text)
        if glued and is_upper(glued["head"]):  # '… Vũ Văn A TÊN ĐƠN VỊ …': what a scrape runs on after the name
            caps.append(glued["head"])
            name = glued["name"]
            break
        text = _SHORT_PHO.sub("PHÓ ", text)  # 'P. HIỆU TRƯỞNG': the deputy's title written short
        m = _NAME_TAIL.match(text)
        if is_upper(text) and not (m and m["head"] and is_upper(m["head"])):
            caps.append(text)
            continue
        if m and (not m["head"] or is_upper(m["head"])):
            if m["head"]:
                caps.append(m["head"])
            name = m["name"]
        elif len(text.split()) <= 6 and text[0].isupper():
            name = text
    if name:
        signer["name"] = _RANKS.sub("", name).strip()
    if caps:
        _parse_caps(caps, signer, issuer)
    warnings = []
    if signer.pop("inferred", False):
        warnings.append(f"signer title unreadable; '{signer['title']}' inferred from KT. {signer['on_behalf_of']}")
    if not signer["name"]:
        warnings.append("signer name not found")
    if not signer["title"]:
        warnings.append("signer title not found")
    return signer, warnings


def _parse_caps(caps: list[str], signer: dict, issuer: str | None = None) -> None:
    """The capitals lines of the block: authority lines (the prefix nearest the title wins), then the signer's
    own position. The title is the known position at the start of the title lines and stops there: a second
    post under it ("PHÓ CHỦ TỊCH UBND TỈNH"), the issuer's name or a heading is not part of it."""
    text = " | ".join(caps)
    m = _OCR_KT.match(text)
    if m and not PREFIX.match(text) and _titles_at(_word_lines(text[m.end():])[0], 0):
        text = "KT. " + text[m.end():]  # 'V*T. GIÁM ĐỐC': an OCR'd 'KT.' (the only prefix ending in T)
    prefixes = list(PREFIX.finditer(text))
    behalf: str | None = None
    if prefixes:
        last = prefixes[-1]
        signer["authority"] = AUTHORITIES[(last.group(1) or last.group(2)).lower()]
        lines = _word_lines(text[last.end():])
        if lines:
            first, lines = _behalf(lines)
            behalf = " ".join(first)
    else:
        lines = _word_lines(text)
    at = next((k for k, words in enumerate(lines) if _titles_at(words, 0)), None)
    if at is None and len(lines) > 1 and _titles_at(lines[0] + lines[1], 0) > len(lines[0]):
        lines, at = [lines[0] + lines[1]] + lines[2:], 0  # a title wrapped: 'PHÓ CHÁNH VĂN / PHÒNG'
    title = None
    if at is not None:
        if behalf is not None and at:  # a collective wrapped over two lines: "TM. ỦY BAN NHÂN DÂN / TỈNH X"
            behalf = " ".join([behalf] + [" ".join(words) for words in lines[:at]])
        title = _own_title(lines[at], lines[at + 1] if at + 1 < len(lines) else [], issuer)
    elif lines:  # a position the list does not know, or an OCR'd one: its first line only
        title = _fuzzy(" ".join(lines[0])) or _snap(title_case(" ".join(lines[0])))
    signer["on_behalf_of"] = _behalf_case(behalf.split()) if behalf and behalf.strip() else None
    signer["title"] = title or None
    if signer["title"] is None and signer["on_behalf_of"]:
        signer["title"], signer["on_behalf_of"] = signer["on_behalf_of"], None
    elif signer["authority"] == "KT." and _unreadable(signer["title"]) and _known(signer["on_behalf_of"]):
        signer["title"] = _deputy(signer["on_behalf_of"])  # KT. X is signed by X's deputy (NĐ 30/2020)
        signer["inferred"] = True


_OCR_KT = re.compile(r"^[^\s|]{1,2}T\.\s*(?=\S)")
_KEYS = {tuple(strip_accents(title).split()): title for title in KNOWN_TITLES}
_LONGEST = max(len(key) for key in _KEYS)
_LETTER = r"A-Za-zÀ-ỹĐđ"


def _word_lines(text: str) -> list[list[str]]:
    """Lines ('|'-joined) as words, OCR specks dropped ('4.HIỆU' → 'HIỆU', '){' → nothing)."""
    out = []
    for line in text.split("|"):
        words = [re.sub(rf"^[^{_LETTER}]+|[^{_LETTER},]+$", "", word) for word in line.split()]
        words = [word for word in words if re.search(rf"[{_LETTER}]", word)]
        if words:
            out.append(words)
    return out


def _key(word: str) -> str:
    return strip_accents(word).strip(",.;:")


def _title_at(words: list[str], i: int) -> int:
    """How many words the longest known title starting at words[i] takes (0: none)."""
    for n in range(min(_LONGEST, len(words) - i), 0, -1):
        inner = words[i: i + n - 1]
        if tuple(_key(w) for w in words[i: i + n]) in _KEYS and not any(w.endswith(",") for w in inner):
            return n
    return 0


def _titles_at(words: list[str], i: int) -> int:
    """Like _title_at, with titles held together ('BỘ TRƯỞNG, CHỦ NHIỆM')."""
    n = _title_at(words, i)
    while n and i + n < len(words) and words[i + n - 1].endswith(","):
        more = _title_at(words, i + n)
        if not more:
            break
        n += more
    return n


def _canonical(words: list[str]) -> str:
    """The known titles the words spell, in the list's spelling ('GIÁM ĐÓC' → 'Giám đốc')."""
    parts, i = [], 0
    while i < len(words):
        n = _title_at(words, i) or len(words) - i
        parts.append(_KEYS.get(tuple(_key(w) for w in words[i: i + n]), " ".join(words[i: i + n]).strip(",")))
        i += n
    return title_case(", ".join(parts))


def _behalf(lines: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """The authority's object (its first line) and the lines after it. A scrape that runs the whole block into
    one line ('CHỦ TỊCH PHÓ CHỦ TỊCH', 'THỦ TƯỚNG CHÍNH PHỦ PHÓ THỦ TƯỚNG') is cut where the next title starts."""
    words = lines[0]
    if len(lines) > 1:
        return words, lines[1:]
    for k in range(max(_titles_at(words, 0), 1), len(words)):
        if not words[k - 1].endswith(",") and _key(words[k - 1]) != "ban" and _titles_at(words, k):
            return words[:k], [words[k:]]
    return words, []


def _behalf_case(words: list[str]) -> str:
    """'THỦ TƯỚNG CHÍNH PHỦ' → 'Thủ tướng Chính phủ', 'BAN CHỈ ĐẠO' → 'Ban Chỉ đạo'."""
    n = _titles_at(words, 0)
    rest = agency_case(" ".join(words[n:])) if words[n:] else ""
    if not n:
        return _snap(rest) if is_upper(" ".join(words)) else _snap(title_case(" ".join(words)))
    return f"{_canonical(words[:n])} {rest}".strip()


def _own_title(words: list[str], below: list[str], issuer: str | None) -> str:
    """The known title at the start of the line; the unit it heads when the next words name it ('VỤ TRƯỞNG / VỤ
    TỔ CHỨC PHI CHÍNH PHỦ'), not when they are a second post or the issuer itself."""
    n = _titles_at(words, 0)
    if n == len(words) and below and _titles_at(words + below, 0) > n:  # a title wrapped: 'CHỦ TỊCH / NƯỚC'
        words, n, below = words + below, _titles_at(words + below, 0), []
    title = _canonical(words[:n])
    unit = UNIT_OF_TITLE.get(re.sub(r"^PHÓ ", "", _KEYS.get(tuple(_key(w) for w in words[:n]), "")))
    rest = words[n:] or below
    if unit and rest and tuple(_key(w) for w in rest[: len(unit.split())]) == tuple(strip_accents(unit).split()):
        named = agency_case(" ".join(rest))
        if not issuer or fold(named) != fold(issuer):
            title = f"{title} {named}"
    return title


def _fuzzy(text: str) -> str | None:
    """An OCR'd title a letter or two off a known one ('IÁM ĐÓC' → 'Giám đốc')."""
    letters = re.sub(r"[^a-z]", "", strip_accents(text))
    if len(letters) < 6:
        return None
    best = max(_KEYS, key=lambda key: SequenceMatcher(None, letters, "".join(key)).ratio())
    if SequenceMatcher(None, letters, "".join(best)).ratio() >= 0.85:
        return title_case(_KEYS[best])
    return None


_KNOWN_BY_KEY = {strip_accents(title): title_case(title) for title in KNOWN_TITLES}


def _snap(title: str) -> str:
    """OCR'd titles with a wrong accent ('Phó Giám đóc') snap to the known title they spell."""
    return _KNOWN_BY_KEY.get(strip_accents(title), title)


def _known(title: str | None) -> bool:
    return bool(title) and strip_accents(title) in _KNOWN_BY_KEY


def _unreadable(title: str | None) -> bool:
    """An OCR remnant under a stamp ('Ởng'), not a title."""
    return bool(title) and not _known(title) and sum(c.isalpha() for c in title) < 6


def _deputy(title: str) -> str:
    """Who signs 'KT. X': the deputy of X."""
    return {"Bộ trưởng": "Thứ trưởng"}.get(title, f"Phó {title}")
