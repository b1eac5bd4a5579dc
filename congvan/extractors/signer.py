"""Người ký: authority prefix (TM./KT./TL./TUQ./Q.), on whose behalf, title and name."""

from __future__ import annotations

import re

from congvan.text.normalize import LOWER, UPPER, clean, is_upper, strip_accents, title_case

PREFIX = re.compile(r"(?<![\wÀ-ỹ])(?:(TM|KT|TL|TUQ|T/M|K/T|T/L|T\.M|K\.T|T\.L)(?:\s*\.\s*|\s+)|(Q)\.\s*)(?=\S)")
TITLE_WORDS = (
    rf"(?:(?:TM|KT|TL|TUQ|Q)\.\s*(?=[{UPPER}]{{2}})|T/M|K/T|T/L|BỘ TRƯỞNG|THỨ TRƯỞNG|CHỦ TỊCH|GIÁM ĐỐC|"
    r"CHỦ NHIỆM|THỦ TƯỚNG|"
    r"CHÁNH VĂN PHÒNG|TRƯỞNG BAN|CỤC TRƯỞNG|VỤ TRƯỞNG|TỔNG CỤC TRƯỞNG|BÍ THƯ|CHÁNH THANH TRA|TRƯỞNG PHÒNG|"
    rf"HIỆU TRƯỞNG|VIỆN TRƯỞNG|PHÓ [{UPPER}]|KHO BẠC|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|CHÍNH PHỦ|BAN THƯỜNG VỤ)"
)
SIGNATURE_START = re.compile(rf"\s(?={TITLE_WORDS}(?:[\s,{UPPER}./]*)(?:\s+[{UPPER}][{LOWER}]+)*\s*$)")
KNOWN_TITLES = sorted(
    ["PHÓ CHỦ TỊCH", "CHỦ TỊCH", "THỨ TRƯỞNG", "BỘ TRƯỞNG", "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "CHÁNH VĂN PHÒNG",
     "PHÓ CHÁNH VĂN PHÒNG", "PHÓ THỦ TƯỚNG", "THỦ TƯỚNG", "PHÓ CHỦ NHIỆM", "CHỦ NHIỆM", "TRƯỞNG BAN",
     "PHÓ TRƯỞNG BAN", "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "VỤ TRƯỞNG", "PHÓ VỤ TRƯỞNG", "TỔNG CỤC TRƯỞNG",
     "PHÓ TỔNG CỤC TRƯỞNG", "TỔNG GIÁM ĐỐC", "PHÓ TỔNG GIÁM ĐỐC", "CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA",
     "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "VIỆN TRƯỞNG", "PHÓ VIỆN TRƯỞNG",
     "BÍ THƯ", "PHÓ BÍ THƯ", "GIÁM ĐỐC SỞ", "KT. CHỦ TỊCH"], key=len, reverse=True)
_SKIP = re.compile(r"^\(?\s*(đã ký|ký|ký tên|ký, ghi rõ|ký và đóng dấu|đã ký và đóng dấu)\b.*\)?$|^\[.*\]$|"
                   r"^(Ký bởi|Người ký|Thời gian ký|Email|Cơ quan|Ngày ký)\b", re.I)
_RANKS = re.compile(r"^(Thượng tướng|Trung tướng|Thiếu tướng|Đại tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|"
                    r"GS\.?\s*TS\.?|PGS\.?\s*TS\.?|TS\.|ThS\.|BS\.|Bác sĩ|Nhà giáo|NGƯT\.?|NGND\.?)\s+", re.I)
_NAME_TAIL = re.compile(rf"^(?P<head>.*?)\s*(?P<name>(?:[{UPPER}][{LOWER}]+\s+){{1,5}}[{UPPER}][{LOWER}]+)$")
AUTHORITIES = {"tm": "TM.", "kt": "KT.", "tl": "TL.", "tuq": "TUQ.", "q": "Q.", "t/m": "TM.", "k/t": "KT.",
               "t/l": "TL.", "t.m": "TM.", "k.t": "KT.", "t.l": "TL."}


def split_tail(text: str) -> tuple[str, str]:
    """Cut signature text glued after the last Nơi nhận item in scrapes: (item, signature)."""
    m = SIGNATURE_START.search(text)
    if not m:
        return text, ""
    return text[: m.start()].strip(), text[m.end():].strip()


def extract(lines: list[str]) -> tuple[dict, list[str]]:
    """Parse the signature lines (top to bottom) into the contract's signer object."""
    signer = {"authority": None, "on_behalf_of": None, "title": None, "name": None}
    caps: list[str] = []
    name = None
    for raw in lines:
        text = clean(raw).strip(" ,;")
        if not text or not re.search(r"[A-Za-zÀ-ỹĐđ]", text) or _SKIP.match(text):
            continue
        if sum(c.isalpha() for c in text) < 3 and not PREFIX.match(text + " X"):
            continue  # OCR specks around a stamp ("F", "=", ",")
        if is_upper(text):
            caps.append(text)
            continue
        m = _NAME_TAIL.match(text)
        if m and (not m["head"] or is_upper(m["head"])):
            if m["head"]:
                caps.append(m["head"])
            name = m["name"]
        elif len(text.split()) <= 6 and text[0].isupper():
            name = text
    if name:
        signer["name"] = _RANKS.sub("", name).strip()
    if caps:
        _parse_caps(caps, signer)
    warnings = []
    if signer.pop("inferred", False):
        warnings.append(f"signer title unreadable; '{signer['title']}' inferred from KT. {signer['on_behalf_of']}")
    if not signer["name"]:
        warnings.append("signer name not found")
    if not signer["title"]:
        warnings.append("signer title not found")
    return signer, warnings


def _parse_caps(caps: list[str], signer: dict) -> None:
    text = " | ".join(caps)
    prefixes = list(PREFIX.finditer(text))
    if not prefixes:
        signer["title"] = _snap(title_case(text.replace(" | ", " ").strip()))
        return
    last = prefixes[-1]
    signer["authority"] = AUTHORITIES[(last.group(1) or last.group(2)).lower()]
    after = text[last.end():].strip(" |")
    if " | " in after:
        behalf, title = after.split(" | ", 1)
        title = title.replace(" | ", " ")
    else:
        behalf, title = _split_known_title(after)
    signer["on_behalf_of"] = _snap(title_case(behalf.strip())) or None
    signer["title"] = _snap(title_case(title.strip())) or None
    if signer["title"] is None and signer["on_behalf_of"]:
        signer["title"], signer["on_behalf_of"] = signer["on_behalf_of"], None
    elif signer["authority"] == "KT." and _unreadable(signer["title"]) and _known(signer["on_behalf_of"]):
        signer["title"] = _deputy(signer["on_behalf_of"])  # KT. X is signed by X's deputy (NĐ 30/2020)
        signer["inferred"] = True


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


def _split_known_title(text: str) -> tuple[str, str]:
    for title in KNOWN_TITLES:
        if text.endswith(" " + title) and len(text) > len(title) + 1:
            return text[: -len(title)].strip(), title
    return text, ""
