"""What is not a task although it reads like one: passages quoted from other texts, the incoming letter's own
requests reported in the opening paragraph, and the rule articles of a quy định, quy chế or điều lệ."""

from __future__ import annotations

import re

from congvan.extractors.clauses import Clause
from congvan.extractors.task_words import DIRECTIVE, IMPLEMENTATION, INCOMING, QUOTED_REQUEST, REQUEST
from congvan.text.normalize import fold

_OPEN_QUOTES = ("“", '"', "„", "«")
_CLOSE_QUOTES = ("”", '"', "»")
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])")


_QUOTE_REACH = 20  # a quotation left open longer than this many clauses lost its closing mark: only its opening counts


def quoted_clauses(tree: list[Clause]) -> set[int]:
    """Clauses inside a passage quoted from another text: from one that opens with a quotation mark to the one
    that closes it ('“…2. Hồ sơ … gồm:' … 'c) Nghị quyết …”'). Quoted rules assign nothing."""
    nodes = [n for root in tree for n in root.walk()]
    quoted: set[int] = set()
    index = 0
    while index < len(nodes):
        text = nodes[index].text.strip()
        if text.startswith(_OPEN_QUOTES):
            quoted.add(id(nodes[index]))
            if not any(q in text[1:] for q in _CLOSE_QUOTES):
                end = next((j for j in range(index + 1, min(len(nodes), index + 1 + _QUOTE_REACH))
                            if any(q in nodes[j].text for q in _CLOSE_QUOTES)), None)
                if end is not None:
                    quoted.update(id(n) for n in nodes[index + 1: end + 1])
                    index = end
        index += 1
    return quoted


def only_cited_requests(text: str) -> bool:
    """A paragraph that opens on the letter being answered and only reports what that letter asks ("Sở Nội vụ
    nhận được Công văn số … của Văn phòng UBND tỉnh đề nghị Sở Nội vụ có ý kiến …") directs no one."""
    first, *rest = _SENTENCE_END.split(text.strip(), 1)
    key = fold(first)
    if not INCOMING.match(key):
        return False
    requests = list(REQUEST.finditer(key))
    if not requests or any(not QUOTED_REQUEST.search(key[: m.start()]) for m in requests):
        return False
    tail = fold(rest[0]) if rest else ""
    return not (REQUEST.search(tail) or DIRECTIVE.search(tail))


def implementation_articles(tree: list[Clause]) -> list[Clause]:
    """In a quy định, quy chế or điều lệ only the articles on carrying it out hold tasks: those of a chapter
    titled so ('Chương IV. TỔ CHỨC THỰC HIỆN') when there is one, else articles titled so ('Tổ chức thực hiện',
    'Trách nhiệm của Sở X', 'Điều khoản thi hành'); the rest state rules."""
    nodes = [n for root in tree for n in root.walk()]
    chapters = [n for n in nodes if n.kind in ("part", "section") and IMPLEMENTATION.match(fold(n.heading or n.text))]
    if chapters:
        return [a for c in chapters for a in c.walk() if a.kind == "article"] or chapters
    return [n for n in nodes if n.kind == "article" and IMPLEMENTATION.match(fold(n.heading or n.text))]
