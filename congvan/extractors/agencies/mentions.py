"""Agencies named in running text, and whether a text opens with one."""

from __future__ import annotations

from congvan.extractors.agencies.grammar import _Parser
from congvan.extractors.agencies.groups import _untitled, split_mixed_collective
from congvan.extractors.agencies.lexicon import _BULLETS, _STANDALONE_KEYS, _TEXT_SKIP_KEYS, _nfc, _unique, agency_key
from congvan.extractors.agencies.scan import _Name


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
