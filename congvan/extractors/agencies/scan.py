"""The first half of the grammar: what a recognised name is, and where a body starts in a run of tokens
(head words, titles, courtesy words, collectives, a person's name)."""

from __future__ import annotations

from dataclasses import dataclass

from congvan.extractors.agencies.lexicon import (
    _ADDRESSEE,
    _CAP_REQUIRED,
    _COLLECTIVE_LISTS,
    _COLLECTIVE_NOT_BEFORE,
    _COLLECTIVE_NOUNS,
    _COLLECTIVE_PHRASES,
    _COURTESY,
    _DOMAIN_HEADS,
    _DOMAINS,
    _FULL_NAMES,
    _FUNCTION_WORDS,
    _HEAD_KIND,
    _HEADS,
    _LEVELS,
    _NOT_AFTER,
    _NOT_BEFORE,
    _PERSON_COLLECTIVES,
    _PERSON_PLACES,
    _PLURAL,
    _SPACE_RE,
    _STARTER_TUPLES,
    _STARTERS,
    _STOP_MAX,
    _STOP_TUPLES,
    _STOPS,
    _SURNAMES,
    _TITLES,
    _Tok,
    _tokenize,
)


@dataclass
class _Name:
    """A recognised body: its printed text and, for locality heads, the head and the locality apart."""

    text: str
    head: str = ""
    locality: str = ""
    bare: bool = False
    person: bool = False


@dataclass
class _Group:
    """The label of an expanded list: 'Sở' for 'các Sở: A, B'; 'UBND' + 'huyện' for 'UBND các huyện: A'."""

    prefix: str
    level: str | None = None


class _Scanner:
    """The tokens of one text and where bodies, titles and persons start in them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokenize(text)
        self.n = len(self.toks)

    # -- small helpers -------------------------------------------------------------------------------

    def tok(self, i: int) -> _Tok | None:
        return self.toks[i] if 0 <= i < self.n else None

    def key(self, i: int) -> str:
        return self.toks[i].key if 0 <= i < self.n else ""

    def span(self, i: int, j: int) -> str:
        if j <= i:
            return ""
        return _SPACE_RE.sub(" ", self.text[self.toks[i].start:self.toks[j - 1].end])

    def is_stop(self, i: int) -> bool:
        """A word that ends a name in running text."""
        t = self.tok(i)
        if t is None or not t.word:
            return False
        if t.low:
            return _STOPS.match(self.toks, i) > 0
        if t.shout and _STOPS.match(self.toks, i):
            return True
        return t.cap and _STARTERS.match(self.toks, i) > 0

    def stop_ends_at(self, j: int) -> bool:
        """A stop phrase ends just before index j (for reading backwards)."""
        for size in range(1, _STOP_MAX + 1):
            if j - size < 0:
                break
            keys = tuple(t.key for t in self.toks[j - size:j])
            first = self.toks[j - size]
            if first.low and (keys in _STOP_TUPLES or keys in _FUNCTION_WORDS):
                return True
            if first.cap and keys in _STARTER_TUPLES:
                return True
        return False

    def is_label(self, i: int) -> bool:
        """A list label opening a new line: 'a)', '2.', 'II.'."""
        t = self.tok(i)
        return t is not None and t.nl and len(t.text) <= 4 and self.key(i + 1) in (")", ".")

    # -- heads, titles, starts -----------------------------------------------------------------------

    def head_at(self, i: int, lower_ok: bool = False, bare_ok: bool = False) -> tuple[str, ...]:
        """The keys of an agency head word at i, or ()."""
        keys = _HEADS.match_keys(self.toks, i)
        if not keys:
            return ()
        t = self.toks[i]
        if not (t.cap or lower_ok):
            return ()
        prev = self.tok(i - 1)
        if prev is not None and prev.key in ("/", "-") and not t.space:
            return ()  # inside a document number: "…/QĐ-UBND"
        before = _NOT_AFTER.get(keys)
        if before and any(tuple(x.key for x in self.toks[max(0, i - size):i]) in before for size in (1, 2)):
            return ()
        j = i + len(keys)
        negative = _NOT_BEFORE.get(keys)
        if negative is not None and negative.match(self.toks, j):
            return ()
        if keys in _CAP_REQUIRED:
            nxt = self.tok(j)
            ok = nxt is not None and nxt.word and (nxt.cap or nxt.digit)
            if not ok and keys in _DOMAIN_HEADS:
                ok = _DOMAINS.match(self.toks, j) > 0
            if not ok and bare_ok:
                ok = nxt is None or not nxt.word
            if not ok:
                return ()
        return keys

    def title_end(self, i: int) -> int:
        """Index after a run of person titles at i ('Chủ tịch, Phó Chủ tịch'), or i."""
        j = i
        while True:
            m = _TITLES.match(self.toks, j)
            if not m:
                return j
            j += m
            if self.key(j) in (",", "/", "và") and _TITLES.match(self.toks, j + 1):
                j += 1
                continue
            return j

    def courtesy_end(self, i: int) -> int:
        return i + _COURTESY.match(self.toks, i)

    def collective_noun(self, i: int) -> int:
        """Length of a collective noun at i ('cơ quan', 'Sở', 'tổ chức chính trị - xã hội'), or 0."""
        m = _COLLECTIVE_PHRASES.match(self.toks, i)
        if m:
            return m
        keys = _COLLECTIVE_NOUNS.match_keys(self.toks, i)
        negative = _COLLECTIVE_NOT_BEFORE.get(keys)
        if negative is not None and negative.match(self.toks, i + len(keys)):
            return 0
        return len(keys)

    def agency_start(self, i: int, lower_ok: bool = False) -> str:
        """What kind of body begins at i: head, full, collective, plural, persons, addressee; or ''."""
        t = self.tok(i)
        if t is None or not t.word:
            return ""
        if t.key in _ADDRESSEE and t.cap:
            if self.collective_noun(i + 1) or self.head_at(i + 1, lower_ok=True, bare_ok=True):
                return "addressee"
            return ""
        if t.key == "các":
            j = i + 1
            if self.key(j) == "đồng" and self.key(j + 1) == "chí":
                j += 2
            m = _PERSON_COLLECTIVES.match(self.toks, j)
            if m and self.agency_start(j + m):
                return "persons"
            if j == i + 1 and not _TITLES.match(self.toks, j) and not _LEVELS.match(self.toks, j) \
                    and self.collective_noun(j):
                return "collective"
            return ""
        m = _PERSON_COLLECTIVES.match(self.toks, i)
        if m and t.cap and self.agency_start(i + m):
            return "persons"
        if t.cap and _COLLECTIVE_LISTS.match(self.toks, i):
            return "list"
        if (t.cap or lower_ok) and _FULL_NAMES.match(self.toks, i):
            return "full"
        keys = self.head_at(i, lower_ok=lower_ok)
        if keys and (_HEAD_KIND[keys] != "prefix" or self.agency_start(i + len(keys))):
            return "head"
        if lower_ok and t.low and _PLURAL.match(self.toks, i):
            return "plural"
        return ""

    def new_agency_at(self, i: int) -> bool:
        """A new body (possibly behind a courtesy word and titles) begins at i."""
        j = self.courtesy_end(i)
        if j > i and self.agency_start(i) == "persons":
            return True
        k = self.title_end(j)
        if k > j:
            return bool(self.agency_start(k, lower_ok=True))
        return bool(self.agency_start(j))

    def person_end(self, i: int) -> int:
        """End of a personal name at i ('Nguyễn Văn A', three to five capitalised words), or i."""
        t = self.tok(i)
        if t is None or not t.cap or t.key not in _SURNAMES or _PERSON_PLACES.match(self.toks, i):
            return i
        j = i
        while j < self.n and self.toks[j].word and self.toks[j].cap and (j == i or not self.toks[j].nl):
            j += 1
        return j if 3 <= j - i <= 5 else i
