"""Tên loại and trích yếu: the type title line and the subject under it (or the V/v line of a công văn)."""

from __future__ import annotations

import re

from congvan.data.types import CODE_TYPES, TYPE_NAMES
from congvan.layout import Line
from congvan.text.normalize import clean, fold, is_upper, strip_accents
from congvan.text.zones import DIEN, KINH_GUI, QUOC_HIEU, TIEU_NGU

_TYPE_KEYS = [(fold(name), name) for name in TYPE_NAMES]
_BARE_TYPES = {strip_accents(name): name for name in TYPE_NAMES}  # 'GIÁY MỜI' as OCR reads 'GIẤY MỜI'
VV = re.compile(r"^\s*(?:V/v|V/V|V\.v|Vv|V/\s|VA\s)\s*[:.]?\s*")  # "VA", "V/ ": V/v as OCR reads it
_SUBJECT_STOP = re.compile(
    r"^\s*(Căn cứ|Kính gửi|Kính mời|Thực hiện|Theo đề nghị|Xét đề nghị|Phần|Chương|Điều\s+\d|[IVX]+\.\s|\d+\.\s|"
    r"Hôm nay|Thời gian|Địa điểm|Thành phần)", re.I
)
_AUTHORITY = re.compile(
    r"^(CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|CHÍNH PHỦ|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|GIÁM ĐỐC|"
    r"TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|VĂN PHÒNG)\b"
)


def type_line(lines: list[Line], start: int = 0, stop: int | None = None) -> tuple[str | None, int | None, str]:
    """Find the printed tên loại: (type name, line index, rest of the line after the name)."""
    for i in range(start, len(lines) if stop is None else min(stop, len(lines))):
        text = lines[i].text.strip()
        if QUOC_HIEU.search(text) or TIEU_NGU.search(text) or text.endswith(":"):
            continue
        key = fold(text)
        for type_key, name in _TYPE_KEYS:
            if key == type_key or key.startswith(type_key + " "):
                rest = text[len(type_key):].strip()
                head = text[: len(type_key)]
                if not is_upper(head):
                    continue
                if rest and is_upper(rest) and len(rest.split()) <= 2 and not rest.startswith(("V/V", "VỀ")):
                    continue  # "QUYẾT ĐỊNH SỐ" or an issuer-like line
                return name, i, rest
        bare = _BARE_TYPES.get(strip_accents(text))
        if bare and is_upper(text):  # a type line alone whose only slips are diacritics
            return bare, i, ""
    return None, None, ""


def subject_lines(lines: list[Line], index: int, first: str, issuer_keys: set[str]) -> tuple[str, int]:
    """Collect the subject starting after the type line; return (subject, index after it)."""
    parts = [first] if first else []
    aligned = lines[index].align == "center"
    i = index + 1
    while i < len(lines):
        line = lines[i]
        text = line.text.strip()
        if _SUBJECT_STOP.match(text) or KINH_GUI.match(text) or DIEN.search(text) or (len(text) > 300 and parts):
            break
        if aligned and line.align not in ("center", None) and parts:
            break
        if fold(text) in issuer_keys or (_AUTHORITY.match(text) and parts and not is_upper(" ".join(parts))):
            break
        if _AUTHORITY.match(text) and parts and len(text.split()) <= 4:
            break
        if parts and (text.endswith(":") or len(text) > 200):
            break  # "… tổ chức cuộc họp …, cụ thể như sau:": the body's lead-in, not more of the subject
        if line.x0 is not None and parts and line.align != "center" and lines[i - 1].align == "center":
            break
        parts.append(text)
        i += 1
        joined = " ".join(parts)
        if len(parts) >= 6 or (text.endswith(")") and joined.count(")") > joined.count("(") - joined.startswith("(")):
            break  # '(V/v …)': a subject in brackets ends with them
    subject = clean(" ".join(parts))
    if subject.endswith(")") and subject.count(")") > subject.count("(") - subject.startswith("("):
        subject = VV.sub("", subject.lstrip("(")[:-1].strip())
    return subject, i


def vv_subject(header: list[Line]) -> tuple[str | None, int | None]:
    """The công văn subject after 'V/v' and its continuation lines in the same column."""
    for i, line in enumerate(header):
        m = VV.match(line.text)
        if not m:
            continue
        parts = [line.text[m.end():].strip()]
        j = i + 1
        while j < len(header):
            nxt = header[j]
            if nxt.column == "right" or KINH_GUI.match(nxt.text) or QUOC_HIEU.search(nxt.text):
                if nxt.column == "right" and line.column == "left":
                    j += 1
                    continue
                break
            same_block = line.column is None and nxt.column is None and line.align is not None \
                and nxt.align == line.align and len(nxt.text) < 120
            # plain text has no columns: a short line in lower case after an open subject line continues it
            same_block = same_block or (line.column is None and nxt.column is None and line.align is None
                                        and len(nxt.text) < 80 and nxt.text[:1].islower()
                                        and not parts[-1].rstrip().endswith((".", ";", ":")))
            if not same_block and (line.column is None or nxt.column != line.column) or \
                    re.search(r",\s*ngày\s", nxt.text):
                break
            parts.append(nxt.text.strip())
            j += 1
        return clean(" ".join(parts)), j
    return None, None


def type_from_code(type_code: str | None) -> str | None:
    return CODE_TYPES.get(type_code.casefold()) if type_code else None
