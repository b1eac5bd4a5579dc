"""Groups and heads: a collective expanded to its members (bracketed members, mixed collectives) and a
title dropped before its body ('Giám đốc Sở X' -> 'Sở X')."""

from __future__ import annotations

import re

from congvan.data.places import CENTRAL_CITIES, PROVINCE_LEVEL
from congvan.extractors.agencies.grammar import _Parser
from congvan.extractors.agencies.lexicon import _SPACE_RE, _cap_first, _fold, _nfc
from congvan.text.normalize import strip_accents

_BRACKETED = re.compile(r"^(?P<group>[^()]{3,120}?)\s*\((?P<members>[^()]{3,120})\)\W*$")
_UNIT_GROUP = re.compile(r"^(?P<head>.*?)\bcác\s+(?P<unit>huyện|thị xã|thành phố|xã|phường|quận|tỉnh)$")
_PLACE_NAME = re.compile(r"(?:[A-ZĐÀ-Ỹ][^\s,]*\s?){1,4}")
_PROVINCE_BY_KEY = {strip_accents(name).lower(): name for name in PROVINCE_LEVEL}
_CITY_KEYS = {strip_accents(name).lower() for name in CENTRAL_CITIES}


def expand_bracketed(text: str) -> list[str]:
    """A collective that names its members in brackets, one body each (as a colon list would):
    'các Ban Chủ nhiệm các Đoàn Luật sư (Lâm Đồng, Đăk Nông, Bình Thuận cũ)' → 'Ban Chủ nhiệm Đoàn Luật sư tỉnh
    Lâm Đồng', …; 'UBND các huyện (Bình Sơn, Mộ Đức)' → 'UBND huyện Bình Sơn', …. [] when it is not one."""
    m = _BRACKETED.match(text.strip())
    if not m or "các" not in _fold(m["group"]).split():
        return []
    members = [re.sub(r"\s+(cũ|mới)$", "", part.strip()) for part in re.split(r",|\bvà\b", m["members"])]
    members = [member for member in members if member]
    if len(members) < 2:
        return []
    unit = _UNIT_GROUP.match(m["group"].strip())
    if unit and all(_PLACE_NAME.fullmatch(member) for member in members):
        return [f"{unit['head']}{unit['unit']} {member}".strip() for member in members]
    keys = [strip_accents(member).lower() for member in members]
    if not all(key in _PROVINCE_BY_KEY for key in keys):
        return []
    group = _cap_first(re.sub(r"\bcác\s+", "", m["group"], flags=re.I).strip(" ,"))
    return [f"{group} {'thành phố' if key in _CITY_KEYS else 'tỉnh'} {_PROVINCE_BY_KEY[key]}" for key in keys]


_PLACE = r"[A-ZĐÀ-Ỹ][^\s,;().]*(?:\s*-\s*|\s+)?(?:[A-ZĐÀ-Ỹ][^\s,;().]*(?:\s*-\s*|\s+)?){0,3}"
_PLACE_LIST = re.compile(rf"^(?P<group>.+?)\b(?P<level>tỉnh|thành phố|TP\.?)\s+(?P<places>{_PLACE}"
                         rf"(?:\s*(?:,|\bvà\b)\s*{_PLACE})+)\s*(?:\((?P<tail>cũ|mới)\))?[\s.;,:]*$")


def expand_place_list(text: str) -> list[str]:
    """A body named once for a list of provinces, one body each: 'Ban Chấp hành Hội công chứng viên tỉnh Lâm Đồng,
    Bình Thuận, Đắk Nông (cũ)' → 'Ban Chấp hành Hội công chứng viên tỉnh Lâm Đồng (cũ)', '… tỉnh Bình Thuận (cũ)', ….
    A trailing '(cũ)' / '(mới)' goes with every member. [] when the places are not all provinces."""
    m = _PLACE_LIST.match(_SPACE_RE.sub(" ", _nfc(text)).strip())
    if not m:
        return []
    places = [part.strip() for part in re.split(r",|\bvà\b", m["places"]) if part.strip()]
    if len(places) < 2 or not all(strip_accents(place).lower() in _PROVINCE_BY_KEY for place in places):
        return []
    group = _cap_first(re.sub(r"\bcác\s+", "", m["group"], flags=re.I).strip(" ,"))
    tail = f" ({m['tail']})" if m["tail"] else ""
    return [f"{group} {m['level']} {place}{tail}" for place in places]


_DEPARTMENTS = r"(?:sở|ban|ngành|cơ quan|đơn vị)"
_UNITS = r"(?:huyện|thị xã|thành phố|quận|xã|phường|thị trấn)"
_MIXED = re.compile(rf"^(?P<bodies>(?:các\s+)?{_DEPARTMENTS}(?:\s*,\s*{_DEPARTMENTS})*)\s*,\s*(?:và\s+)?"
                    rf"(?P<units>{_UNITS}(?:\s*(?:,|và)\s*{_UNITS})*)$", re.I)


def split_mixed_collective(name: str) -> list[str]:
    """'Các sở, ban, ngành, huyện, thị xã' names two collectives: the departments, and the districts, which
    act through their People's Committees → ['Các sở, ban, ngành', 'UBND các huyện, thị xã']."""
    m = _MIXED.match(name.strip())
    if not m:
        return [name]
    bodies = m["bodies"]
    bodies = bodies if bodies.casefold().startswith("các") else "các " + bodies
    return [_cap_first(bodies), f"UBND các {m['units']}"]


_HEAD_TITLE = re.compile(r"\b(?:[Pp]hó\s+)?[Tt]rưởng\s+([Pp]hòng|[Bb]an)\s+(?=(\S+))(?=[A-ZĐÀ-Ỹ])")


def _untitled(text: str) -> str:
    """'Trưởng phòng Tài chính - Kế hoạch' → 'Phòng Tài chính - Kế hoạch' (the title fused with the head);
    'Trưởng ban Ban Quản lý …' → 'Ban Quản lý …'."""
    def head(m: re.Match[str]) -> str:
        return "" if m.group(2).casefold() == m.group(1).casefold() else m.group(1).capitalize() + " "

    return _HEAD_TITLE.sub(head, text)


def strip_head(name: str) -> str:
    """Drop a courtesy word and the head's title before a body: 'Giám đốc Sở X' -> 'Sở X'.

    A person named after the body stays as printed ('Phó Chủ tịch UBND tỉnh Nguyễn Văn A');
    'Thủ trưởng các cơ quan, đơn vị' -> 'Các cơ quan, đơn vị'; 'Thủ trưởng cơ quan ngang Bộ' -> 'Các cơ quan
    ngang Bộ'; a collective of persons ('Các đồng chí Thành viên UBND tỉnh') is kept whole.
    """
    text = _untitled(_SPACE_RE.sub(" ", _nfc(name)).strip())
    parser = _Parser(text)
    if not parser.n:
        return text
    j = parser.courtesy_end(0)
    if j > 0 and parser.agency_start(0) == "persons":
        return _cap_first(text)
    k = parser.title_end(j)
    if k == j:
        if j > 0 and parser.agency_start(j):
            return _cap_first(parser.span(j, parser.n))
        return text
    kind = parser.agency_start(k, lower_ok=True)
    if not kind:
        return text
    result = parser.parse_agency(k, lower_ok=True, titled=True)
    if result is not None and result[0] and parser.person_end(result[1]) > result[1]:
        return parser.span(j, parser.n)
    rest = parser.span(k, parser.n)
    return "Các " + rest if kind == "plural" else _cap_first(rest)
