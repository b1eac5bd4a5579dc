"""Agencies named in running text, and whether a text opens with one."""

from __future__ import annotations

from congvan.extractors.agencies.grammar import _Parser
from congvan.extractors.agencies.groups import _PROVINCE_BY_KEY, _untitled, expand_place_list, split_mixed_collective
from congvan.extractors.agencies.lexicon import _BULLETS, _STANDALONE_KEYS, _TEXT_SKIP_KEYS, _nfc, _unique, agency_key
from congvan.extractors.agencies.scan import _Name
from congvan.text.normalize import strip_accents


def find_agencies(text: str) -> list[str]:
    """All agency mentions in running text, in order, groups expanded, heads removed, no duplicates.

    A name ends where the grammar stops: a verb or function word (chủ trì, phối hợp, tổ chức, về, để,
    trong, theo, của …), a bracket or a stop mark. 'của Quốc hội / Chính phủ / Bộ X' stays part of a name;
    'và' continues a name only before a capitalised word that does not start a new body. A person with
    title and name ('Phó Chủ tịch UBND tỉnh Nguyễn Văn A') is kept as printed.
    """
    parser = _Parser(_untitled(_nfc(text)))
    found: list[str] = []
    pending: list[_Name] = []
    i = 0
    while i < parser.n:
        result = parser.parse_mention(i)
        if result is None:
            if parser.key(i) not in (",", "và"):
                pending = []
            i += 1
            continue
        names, end = result
        members, list_end = _place_list_after(parser, names, end)
        if members:
            found += members
            pending = []
            i = list_end
            continue
        for name in names:
            key = agency_key(name.text)
            if key in _TEXT_SKIP_KEYS and not name.person:
                continue
            if name.bare and key not in _STANDALONE_KEYS:
                if parser.key(end) in (",", "và") and parser.new_agency_at(end + 1):
                    pending.append(name)  # 'Thanh tra, Công an … tại các huyện': waits for a locality
                else:
                    pending = []
                continue
            if pending and name.locality:
                found += [f"{p.text} {name.locality}" for p in pending]
            pending = []
            found.append(name.text)
        i = max(end, i + 1)
    return _unique([piece for name in found for piece in split_mixed_collective(name)])


def _place_list_after(parser: _Parser, names: list[_Name], end: int) -> tuple[list[str], int]:
    """A name followed by more provinces ('… tỉnh Lâm Đồng, Bình Thuận, Đắk Nông (cũ)'): one body per province
    and the index after the list; ([], end) when no province follows."""
    if len(names) != 1 or parser.key(end) not in (",", "và"):
        return [], end
    j = end
    while parser.key(j) in (",", "và") and parser.tok(j + 1) is not None and parser.toks[j + 1].cap:
        k = parser.place_end(j + 1)
        if k == j + 1 or strip_accents(parser.span(j + 1, k)).lower() not in _PROVINCE_BY_KEY:
            break
        j = k
    if j == end:
        return [], end
    if parser.key(j) == "(" and parser.key(j + 1) in ("cũ", "mới") and parser.key(j + 2) == ")":
        j += 3
    return expand_place_list(names[0].text + parser.text[parser.toks[end - 1].end:parser.toks[j - 1].end]), j


_START_CHARS = 160  # a body named at the start of a text ends well within this many characters


def is_agency_start(text: str) -> bool:
    """True when text begins with a body: a head word, a collective, or a title before one."""
    text = _nfc(text).strip()
    if len(text) > _START_CHARS:
        text = text[:text.rfind(" ", 0, _START_CHARS) + 1 or _START_CHARS]
    parser = _Parser(text)
    i = 0
    while i < parser.n and parser.key(i) in _BULLETS:
        i += 1
    return i < parser.n and parser.new_agency_at(i)
