"""Cross-check of a website save's metadata table against what was extracted from the document's text.

The site's table ("Số hiệu", "Loại văn bản", "Nơi ban hành", "Người ký", "Ngày ban hành") is typed by the
site, not printed by the issuer: it only ever gives warnings, it never changes an extracted value.
"""

from __future__ import annotations

import re
from datetime import date

from congvan.text.normalize import fold, strip_accents

ABBREVIATIONS = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "tp.": "thành phố", "tp": "thành phố"}
DATE = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
VAGUE = re.compile(r"đã biết|không xác định|chưa (có|xác định)|đang cập nhật|^-+$|^\.+$")


def cross_check(document: dict, meta: dict[str, str]) -> list[str]:
    """Warnings where the site's metadata disagrees with the extracted number, type, issuer, signer or date.
    A field missing on either side, or left vague by the site ("Đã biết"), is not compared."""
    signer = document.get("signer") or {}
    checks = (
        ("number", "Số hiệu", document.get("number"), _same_number),
        ("type", "Loại văn bản", document.get("type"), _same_type),
        ("issuer", "Nơi ban hành", document.get("issuer"), lambda site, text: _same_issuer(site, document)),
        ("signer", "Người ký", signer.get("name"), _same_name),
        ("date", "Ngày ban hành", document.get("date"), _same_date),
    )
    warnings = []
    for key, label, extracted, same in checks:
        site = (meta.get(key) or "").strip()
        if not site or not extracted or VAGUE.search(fold(site)):
            continue
        if not same(site, extracted):
            warnings.append(f"site metadata disagrees on {key}: the site's '{label}' says '{site}', "
                            f"the text gives '{extracted}'")
    return warnings


def key(text: str) -> str:
    """Comparison key: case, Unicode form and tone placement folded, abbreviations spelt out, spaces single."""
    words = [ABBREVIATIONS.get(word, word) for word in fold(text).replace(",", " ").split()]
    return " ".join(words)


def _same_number(site: str, text: str) -> bool:
    """'Số: 12 /QĐ–UBND' and '12/QĐ-UBND' are the same number."""
    def squeeze(value: str) -> str:
        return re.sub(r"\s+", "", re.sub(r"^s[ốô]\s*(hiệu)?\s*:?", "", key(value)))
    return squeeze(site) == squeeze(text)


def _same_type(site: str, text: str) -> bool:
    """Same type name; a site's catch-all ('Văn bản khác') agrees with any type."""
    if "khác" in key(site):
        return True
    return _loose(site) == _loose(text)


def _same_issuer(site: str, document: dict) -> bool:
    """The site's issuer agrees when it names the issuer or its parent, in full or in part ("Tỉnh Quảng
    Bình" for "UBND tỉnh Quảng Bình"); a joint text's list agrees when one of its names does."""
    names = [_loose(name) for name in (document.get("issuer"), document.get("parent_issuer")) if name]
    for part in re.split(r"[;,]| - ", site):
        part = _loose(part)
        if part and any(f" {part} " in f" {name} " or f" {name} " in f" {part} " for name in names):
            return True
    return False


def _same_name(site: str, text: str) -> bool:
    """Same person: case, tone placement and a site's dropped diacritics do not matter."""
    return _loose(site) == _loose(text)


def _same_date(site: str, text: str) -> bool:
    """'08/5/2024', '08-05-2024' and '2024-05-08' are the same day; an unreadable site date agrees."""
    day = parse_date(site)
    return day is None or day == parse_date(text)


def parse_date(text: str) -> date | None:
    """A date written d/m/Y (also with - or .) or ISO Y-m-d; None when it is neither or not a real day."""
    match = DATE.match(text)
    try:
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        match = ISO.match(text)
        if match:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return None


def _loose(text: str) -> str:
    """The comparison key without diacritics and punctuation."""
    return " ".join(re.sub(r"[^\w\s]", " ", strip_accents(key(text))).split())
