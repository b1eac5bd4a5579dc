"""Recognise Vietnamese public bodies in addressee lists and running text.

A gazetteer plus a small grammar, no ML. A name starts at a head word ("Sở", "Bộ", "UBND", …), a
full name ("Ủy ban Thường vụ Quốc hội") or a collective ("các cơ quan, đơn vị"); it runs on through
its field ("Tài nguyên và Môi trường"), its locality ("tỉnh Lâm Đồng", "các huyện, thị xã, thành phố")
and capitalised name parts, and stops where the grammar does: a verb or function word, punctuation,
or the start of another body. Person titles in front are dropped ("Giám đốc Sở X" -> "Sở X") and
groups are expanded ("các Sở: A, B" -> "Sở A", "Sở B"). The word lists live in congvan.data.agencies.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from congvan.data import agencies as data
from congvan.data.places import CENTRAL_CITIES, PROVINCE_LEVEL
from congvan.text.normalize import strip_accents

__all__ = [
    "agency_key", "define_abbreviations", "find_agencies", "is_agency_start", "split_agencies", "strip_head",
]

_OLD_TONES = (
    ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
    ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
    ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
)
_DASH_CHARS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_TOKEN_RE = re.compile(r"\w+(?:[&'’]\w+)*|[^\w\s]")
_SPACE_RE = re.compile(r"\s+")
_DASH_RUN_RE = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")
_LEADING_BULLET_RE = re.compile(r"^[\s\-\u2010-\u2015\u2212+•*·]+")
_TRAILING_PUNCT_RE = re.compile(r"[\s;.,:/]+$")
_PAREN_RE = re.compile(r"\s*\(([^()]*)\)")
_OPEN_PAREN_RE = re.compile(r"\s*\([^()]*$")
_LABEL_RE = re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in data.LIST_LABELS) + r")\s*:\s*", re.I)
_ABBR_DEF_RE = re.compile(
    r"\(\s*(?:sau\s+đây|dưới\s+đây)?\s*(?:được\s+)?(?:viết\s+tắt|gọi\s+tắt|gọi\s+chung)\s*(?:là|:)\s*"
    r"[“\"'‘]?\s*(?P<abbr>[^()“”\"'‘’]+?)\s*[”\"'’]?\s*\)",
    re.I,
)
_BOUNDARY_CHARS = ".;:\n("


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Match form of one word: NFC, casefold, new-style tone placement, Ð -> Đ."""
    text = _nfc(text).casefold().replace("ð", "đ")
    for old, new in _OLD_TONES:
        text = text.replace(old, new)
    return text


def _tok_key(text: str) -> str:
    return "-" if text in _DASH_CHARS else _fold(text)


@lru_cache(maxsize=65536)
def _word_facts(text: str) -> tuple[str, bool, bool, bool, bool, bool]:
    """(key, word, cap, low, shout, digit) of one token text; tokens repeat, so this is cached."""
    first = text[0]
    shout = text.isupper() and sum(c.isalpha() for c in text) >= 2
    return _tok_key(text), first.isalnum(), first.isupper(), first.islower(), shout, first.isdigit()


def _keys(phrase: str) -> tuple[str, ...]:
    return tuple(_tok_key(m.group()) for m in _TOKEN_RE.finditer(_nfc(phrase)))


def _cap_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


@dataclass(slots=True)
class _Tok:
    """One word or punctuation mark with its match key and the layout around it."""

    text: str
    key: str
    start: int
    end: int
    nl: bool  # a line break before it
    space: bool  # whitespace before it
    word: bool
    cap: bool
    low: bool
    shout: bool
    digit: bool


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    prev = 0
    for m in _TOKEN_RE.finditer(text):
        gap = text[prev:m.start()]
        key, word, cap, low, shout, digit = _word_facts(m.group())
        toks.append(_Tok(m.group(), key, m.start(), m.end(), "\n" in gap, bool(gap), word, cap, low, shout, digit))
        prev = m.end()
    return toks


class _Phrases:
    """Phrases matched token by token on folded keys; the longest match wins."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            keys = _keys(phrase)
            if keys and keys not in self._by_first.get(keys[0], []):
                self._by_first.setdefault(keys[0], []).append(keys)
        for group in self._by_first.values():
            group.sort(key=len, reverse=True)

    def match_keys(self, toks: list[_Tok], i: int) -> tuple[str, ...]:
        if i < 0 or i >= len(toks):
            return ()
        for keys in self._by_first.get(toks[i].key, ()):
            if i + len(keys) <= len(toks) and all(toks[i + k].key == key for k, key in enumerate(keys)):
                return keys
        return ()

    def match(self, toks: list[_Tok], i: int) -> int:
        return len(self.match_keys(toks, i))


# Tables, built once.
_HEADS = _Phrases(h for h, _, _ in data.AGENCY_HEADS)
_HEAD_KIND = {_keys(h): kind for h, kind, _ in data.AGENCY_HEADS}
_CAP_REQUIRED = {_keys(h) for h, _, rule in data.AGENCY_HEADS if rule == "cap"}
_DOMAIN_HEADS = {_keys(h) for h, kind, _ in data.AGENCY_HEADS if kind == "domain"}
_NOT_BEFORE = {_keys(h): _Phrases(words) for h, words in data.HEAD_NOT_BEFORE}
_NOT_AFTER = {_keys(h): {_keys(w) for w in words} for h, words in data.HEAD_NOT_AFTER}
_COLLECTIVE_NOT_BEFORE = {_keys(n): _Phrases(words) for n, words in data.COLLECTIVE_NOT_BEFORE}
_PARENTS = _Phrases(data.PARENT_BODIES)
_FIRST_WORDS = {_keys(h): _Phrases(words) for h, words in data.HEAD_FIRST_WORDS}
_NESTING = {_keys(h) for h in data.NESTING_HEADS}
_FULL_NAMES = _Phrases(data.FULL_NAMES)
_DOMAINS = _Phrases(data.DOMAINS)
_PROTECTED = _Phrases(data.DOMAINS + data.COMMA_NAMES + data.COLLECTIVE_PHRASES)
_LEVELS = _Phrases(data.LEVEL_WORDS)
_LEVEL_LAST = {_keys(w)[-1] for w in data.LEVEL_WORDS}
_LOCALITY_WORDS = _Phrases(data.LOCALITY_WORDS)
_TITLES = _Phrases(data.PERSON_TITLES)
_COURTESY = _Phrases(data.COURTESY)
_PERSON_COLLECTIVES = _Phrases(data.PERSON_COLLECTIVES)
_COLLECTIVE_NOUNS = _Phrases(data.COLLECTIVE_NOUNS)
_COLLECTIVE_PHRASES = _Phrases(data.COLLECTIVE_PHRASES)
_COLLECTIVE_CONT = _Phrases(data.COLLECTIVE_CONTINUATIONS)
_COLLECTIVE_TAILS = _Phrases(data.COLLECTIVE_TAILS)
_CONTINUATIONS = _Phrases(data.CONTINUATIONS)
_TERMINAL = {_keys(p) for p in data.TERMINAL_CONTINUATIONS}
_NAME_PARTS = _Phrases(data.NAME_PARTS + data.COLLECTIVE_PHRASES)
_FUNCTION_WORDS = {_keys(w) for w in data.FUNCTION_WORDS}
_STOPS = _Phrases(data.STOP_PHRASES)
_LIST_STOPS = _Phrases(data.LIST_STOP_PHRASES)
_LIST_KEEP = {_keys(p) for p in data.LIST_KEEP}
_LIST_SINGLE = {_keys(p) for p in data.LIST_SINGLE_STOPS}
_COLLECTIVE_LISTS = _Phrases(data.COLLECTIVE_LISTS)
_STARTERS = _Phrases(data.SENTENCE_STARTERS + data.DOCUMENT_WORDS)
_STOP_TUPLES = {k for k in map(_keys, data.STOP_PHRASES) if len(k) > 1}
_STARTER_TUPLES = {_keys(p) for p in data.SENTENCE_STARTERS}
_STOP_MAX = max(len(k) for k in _STOP_TUPLES | _STARTER_TUPLES)
_CUA_PARENTS = _Phrases(data.CUA_PARENTS)
_ADDRESSEE = {_keys(w)[0] for w in data.ADDRESSEE_COURTESY}
_PLURAL = _Phrases(data.PLURAL_AFTER_TITLE)
_SURNAMES = {_fold(s) for s in data.SURNAMES}
_PERSON_PLACES = _Phrases(data.PERSON_LIKE_PLACES)
_PREFIX_LAST = {_keys(h)[-1] for h, kind, _ in data.AGENCY_HEADS if kind == "prefix"}
_NUMBERED_LEVELS = {"quận", "phường", "vực"}
_CATEGORY_NOUNS = {_keys(w) for w in ("cơ quan", "đơn vị", "địa phương", "tổ chức", "doanh nghiệp",
                                      "đoàn thể", "Sở, ban, ngành", "bộ, ngành")}
_BULLETS = {"-", "+", "•", "*", "·"}
_JOINT_OFFICES = {"hđnd", "hội đồng nhân dân", "đoàn đbqh", "đoàn đại biểu quốc hội", "đoàn đbqh và hđnd"}


def agency_key(name: str) -> str:
    """A match key: NFC, casefold, 'ủy ban nhân dân' -> 'ubnd', 'hội đồng nhân dân' -> 'hđnd', tone
    placement, Ð and dash variants folded, spaces collapsed, edge punctuation dropped."""
    text = _fold(name)
    text = _DASH_RUN_RE.sub("-", text)
    text = _SPACE_RE.sub(" ", text).strip(" .;,:")
    return text.replace("ủy ban nhân dân", "ubnd").replace("hội đồng nhân dân", "hđnd")


_STANDALONE_KEYS = {agency_key(s) for s in data.STANDALONE}
_TEXT_SKIP_KEYS = {agency_key(s) for s in data.TEXT_SKIP}


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


class _Parser:
    """Grammar over the tokens of one text."""

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

    # -- the parts of a name -------------------------------------------------------------------------

    def place_end(self, i: int, titled: bool = False) -> int:
        """End of a place name at i ('Lâm Đồng', 'Bà Rịa - Vũng Tàu', '1' after 'Quận')."""
        if titled and self.person_end(i) > i:
            return i
        j = i
        while j < self.n:
            t = self.toks[j]
            if t.word and (t.cap or (t.digit and j == i and self.key(j - 1) in _NUMBERED_LEVELS)):
                if self.is_stop(j) or self.is_label(j):
                    break
                if t.nl and (self.new_agency_at(j) or _STOPS.match(self.toks, j)):
                    break
                if j > i and (self.head_at(j) or _TITLES.match(self.toks, j)):
                    break
                j += 1
                continue
            nxt = self.tok(j + 1)
            if t.key == "-" and j > i and nxt is not None and nxt.word and nxt.cap \
                    and not self.head_at(j + 1):
                j += 1
                continue
            break
        return j

    def joined_domain_end(self, i: int) -> int:
        """After a second field joined by a dash: 'Phòng Tài chính - Kế hoạch', 'Văn hóa - Thông tin'."""
        nxt = self.tok(i + 1)
        if self.key(i) != "-" or nxt is None or not nxt.cap or nxt.nl or self.new_agency_at(i + 1):
            return i
        j = i + 1
        while j < self.n and j - i <= 6:
            t = self.toks[j]
            if not t.word or t.digit or t.key == "số" or _LEVELS.match(self.toks, j) or (t.low and self.is_stop(j)) \
                    or (j > i + 1 and t.cap and self.head_at(j)):
                break
            j += 1
        if self.key(j) == "số":
            return i  # "Sở Tài chính - Kế hoạch số 12/KH-UBND": a document after the name
        return j if j > i + 1 else i

    def locality_end(self, i: int, titled: bool = False, allow_tai: bool = False,
                     direct: bool = False) -> int:
        """End of a locality at i: 'tỉnh Lâm Đồng', 'các huyện, thị xã, thành phố', 'Việt Nam'."""
        j = i
        while j < self.n:
            t = self.toks[j]
            if not t.word or (t.cap and self.head_at(j)):
                break
            if allow_tai and j == i and t.key == "tại" \
                    and (self.key(j + 1) == "các" or _LEVELS.match(self.toks, j + 1)):
                j += 1
                continue
            m = _LOCALITY_WORDS.match(self.toks, j)
            if m:
                j += m
                continue
            m = _LEVELS.match(self.toks, j)
            if m and not self.is_label(j):
                j += m
                if self.key(j) == "." and self.key(j - 1) == "tp":
                    j += 1
                j = self.place_end(j, titled)
                sep = self.tok(j)
                if sep is not None and sep.key in (",", "/", "và", "-") and _LEVELS.match(self.toks, j + 1):
                    j += 1
                continue
            if t.key == "các" and _LEVELS.match(self.toks, j + 1):
                j += 1
                continue
            if direct and j == i and t.cap and not t.shout and not t.nl and not self.head_at(j) \
                    and not _TITLES.match(self.toks, j):
                e = self.place_end(j, titled)
                if e > j:
                    j = e
                    continue
            break
        return j

    def caps_paren_end(self, i: int) -> int:
        """After '(PV GAS)' at i: an all-capitals abbreviation in brackets; else 0."""
        j = i + 1
        words = 0
        while j < self.n and j - i <= 6:
            t = self.toks[j]
            if t.key == ")":
                return j + 1 if words else 0
            if t.word and (t.shout or (t.cap and len(t.text) == 1)):
                words += 1
            elif t.key not in ("&", "-", "/"):
                return 0
            j += 1
        return 0

    def cua_end(self, i: int) -> int:
        """After 'của Quốc hội' / 'của Bộ X' at i (i at 'của'); else i."""
        k = i + 1
        t = self.tok(k)
        keys = _CUA_PARENTS.match_keys(self.toks, k)
        if not keys or t is None or not t.cap:
            return i
        if keys == ("bộ",):
            sub = self.parse_agency(k)
            return sub[1] if sub is not None and sub[0] and not sub[0][0].bare else i
        return k + len(keys)

    def suffix_end(self, e: int) -> int:
        """Parts that may close any name: 'của Quốc hội', '(PV GAS)', 'có liên quan'."""
        while e < self.n:
            t = self.toks[e]
            if t.key == "của":
                k = self.cua_end(e)
                if k > e:
                    e = k
                    continue
            if t.key == "(":
                k = self.caps_paren_end(e)
                if k:
                    e = k
                    continue
            m = _CONTINUATIONS.match(self.toks, e)
            if not m and t.cap and not t.nl:
                m = _PARENTS.match(self.toks, e)
            if m:
                e += m
                continue
            break
        return e

    def comma_continues(self, k: int, collective: bool) -> bool:
        """Whether the words after a comma (at k) continue the current name."""
        nxt = self.tok(k)
        if nxt is None or not nxt.word or self.is_label(k) or self.new_agency_at(k):
            return False
        if collective and (_COLLECTIVE_CONT.match(self.toks, k) or _LEVELS.match(self.toks, k)):
            return True
        if _LEVELS.match(self.toks, k) and self.key(k - 2) in _LEVEL_LAST:
            return True
        if not nxt.cap or self.is_stop(k) or self.person_end(k) != k:
            return False
        for j in range(k + 1, min(self.n, k + 14)):  # 'A, B và C': a name listing its fields
            t = self.toks[j]
            if t.key == "và":
                after = self.tok(j + 1)
                return after is not None and after.cap and not self.new_agency_at(j + 1)
            if not (t.key == "," or (t.word and not self.is_stop(j))):
                return False
        return False

    def generic_end(self, i: int, head: tuple[str, ...] = (), titled: bool = False,
                    collective: bool = False, member: bool = False) -> int:
        """End of the free part of a name at i, up to where the grammar stops it."""
        first_words = _FIRST_WORDS.get(head)
        j = i
        while j < self.n:
            t = self.toks[j]
            nxt = self.tok(j + 1)
            if t.word:
                if j == i and first_words is not None:
                    m = first_words.match(self.toks, j)
                    if m:
                        j += m
                        continue
                m = _NAME_PARTS.match(self.toks, j) if t.low else 0
                if not m:
                    keys = _CONTINUATIONS.match_keys(self.toks, j)
                    if keys in _TERMINAL:
                        j += len(keys)
                        break
                    m = len(keys)
                if not m and collective:
                    m = _COLLECTIVE_TAILS.match(self.toks, j)
                if m:
                    j += m
                    continue
                if self.is_label(j) or (j > i and t.nl and t.cap and (self.new_agency_at(j)
                                                                     or _STOPS.match(self.toks, j))):
                    break
                if t.cap and not (j > i and t.nl) and not member and self.agency_start(j) in ("head", "full"):
                    sub = self.parse_agency(j, titled=titled)
                    if sub is not None and sub[0] and not sub[0][-1].bare:
                        j = sub[1]
                        break
                if (titled or t.nl) and self.person_end(j) > j:
                    break
                if t.key == "của":
                    k = self.cua_end(j)
                    if k > j:
                        j = k
                        continue
                    break
                if t.key == "thuộc":
                    if self.agency_start(j + 1) or _LEVELS.match(self.toks, j + 1) \
                            or self.key(j + 1) in ("sở", "bộ", "trung", "tw", ","):
                        j += 1
                        continue
                    break
                if t.key == "và":
                    if nxt is not None and nxt.word and nxt.cap and not self.new_agency_at(j + 1) \
                            and not self.is_stop(j + 1):
                        j += 1
                        continue
                    if head == ("văn", "phòng") and _fold(self.span(i, j)) in _JOINT_OFFICES \
                            and self.key(j + 1) in ("ubnd", "ủy", "hđnd", "hội"):
                        j += 1  # "Văn phòng HĐND và UBND huyện": one office serving both
                        continue
                    break
                if t.digit and self.key(j - 1) not in _NUMBERED_LEVELS:
                    break
                if collective and t.low:
                    m = self.collective_noun(j)
                    if m and self.key(j + m) in (",", "và"):
                        j += m
                        continue
                if self.is_stop(j) and not (j == i and t.cap):
                    break
                j += 1
                continue
            if t.key == ",":
                if not member and self.comma_continues(j + 1, collective):
                    j += 1
                    continue
                break
            if t.key == "-":  # "Phòng Tài chính - Kế hoạch": a capitalised word after the dash goes on with the name
                if j > i and not t.nl and nxt is not None and nxt.word and not nxt.nl \
                        and not (nxt.low and self.is_stop(j + 1)) and not self.new_agency_at(j + 1) \
                        and not (nxt.cap and _STARTERS.match(self.toks, j + 1) and self.key(j + 3) in ("số", ":")):
                    j += 1
                    continue
                break
            if t.key in ("/", "&", ".") and j > i and not t.space and nxt is not None and nxt.word \
                    and not nxt.space and not nxt.digit and (t.key != "." or nxt.cap):
                j += 1  # "tỉnh/thành phố", "VP.UBND"
                continue
            if t.key == "(":
                k = self.caps_paren_end(j)
                if k:
                    j = k
                    continue
            break
        while j > i and self.key(j - 1) in (",", "và", "-", "/", "&"):
            j -= 1
        return j

    # -- whole names ---------------------------------------------------------------------------------

    def place_group(self, i: int, e: int) -> _Group | None:
        """'UBND các huyện' (i..e) before a colon: prefix 'UBND', level 'huyện'."""
        for c in range(e - 2, i, -1):
            if self.key(c) != "các" or not _LEVELS.match(self.toks, c + 1):
                continue
            k = c + 1
            while k < e:
                m = _LEVELS.match(self.toks, k)
                if m:
                    k += m
                elif self.key(k) in (",", "và", "/"):
                    k += 1
                else:
                    break
            if k == e:
                return _Group(self.span(i, c), self.span(c + 1, c + 1 + _LEVELS.match(self.toks, c + 1)))
        return None

    def members(self, j: int, domains: bool) -> tuple[list[str], int]:
        """The members listed after a group label's colon: 'Tài nguyên và Môi trường, Y tế'."""
        found: list[str] = []
        end = j
        while j < self.n:
            t = self.toks[j]
            level = 0 if domains else _LEVELS.match(self.toks, j)
            if level and t.low:  # 'UBND các huyện, thị xã: Bình Sơn, thị xã Đức Phổ'
                k = self.place_end(j + level)
                if k == j + level:
                    break
                found.append(self.span(j, k))
                end = k
                if self.key(k) in (",", ";"):
                    j = k + 1
                    continue
                break
            if not t.word or not (t.cap or t.digit):
                break
            d = _DOMAINS.match(self.toks, j) if domains else 0
            if not d and (_STOPS.match(self.toks, j) or _STARTERS.match(self.toks, j)
                          or self.new_agency_at(j)):
                break
            if d:
                k = self.suffix_end(self.locality_end(j + d))
            else:
                k = self.generic_end(j, member=True)
            if k <= j:
                break
            found.append(self.span(j, k))
            end = k
            sep = self.key(k)
            if sep in (",", ";"):
                j = k + 1
                continue
            if sep == "và" and _DOMAINS.match(self.toks, k + 1):
                j = k + 1
                continue
            break
        return found, end

    def compose(self, group: _Group, member: str) -> str:
        """The full name of one member: 'Sở' + 'Y tế'; 'UBND' + 'huyện' + 'Bình Sơn'."""
        if group.level is None:
            if agency_key(member).startswith(agency_key(group.prefix) + " "):
                return member
            return f"{group.prefix} {member}"
        if _LEVELS.match(_tokenize(member), 0):
            return f"{group.prefix} {member}"
        return f"{group.prefix} {group.level} {member}"

    def finish(self, i: int, j: int, e: int, titled: bool, locality: bool = False) -> tuple[list[_Name], int]:
        """Close a head-based name i..e (head i..j): expand a place group, add suffixes."""
        if self.key(e) == ":":
            group = self.place_group(i, e)
            if group is not None:
                found, end = self.members(e + 1, domains=False)
                if found:
                    return [_Name(self.compose(group, m)) for m in found], end
        e = self.suffix_end(e)
        place = ""
        loc_end = self.locality_end(j, titled, allow_tai=locality, direct=locality)
        if loc_end > j and self.suffix_end(loc_end) == e:
            place = self.span(j, loc_end)
            if place.startswith("tại "):
                place = place[4:]
        return [_Name(self.span(i, e), head=self.span(i, j), locality=place, bare=e == j)], e

    def parse_collective(self, i: int, kind: str, titled: bool) -> tuple[list[_Name], int] | None:
        """'các cơ quan, đơn vị có liên quan', 'các Sở: A, B', 'Sở, ban, ngành', or (after a title)
        'cơ quan ngang Bộ'."""
        plural = kind != "collective"
        j = i if plural else i + 1
        m = _COLLECTIVE_LISTS.match(self.toks, j) if kind == "list" else self.collective_noun(j)
        if not m:
            return None
        noun_end = j + m
        noun = tuple(t.key for t in self.toks[j:noun_end])
        is_label = noun not in _CATEGORY_NOUNS and _HEADS.match(self.toks, j) == m
        if not plural and is_label and self.key(noun_end) == ":":
            found, end = self.members(noun_end + 1, domains=True)
            if found:
                group = _Group(_cap_first(self.span(j, noun_end)))
                return [_Name(self.compose(group, member)) for member in found], end
        e = self.generic_end(noun_end, titled=titled, collective=True)
        if not plural and self.key(e) == ":" and not is_label and self.new_agency_at(e + 1):
            return [], e + 1  # a category label ('Các cơ quan thuộc Chính phủ:'): its members follow
        text = self.span(i, e)
        return [_Name("Các " + text if kind == "plural" else _cap_first(text))], e

    def parse_agency(self, i: int, lower_ok: bool = False,
                     titled: bool = False) -> tuple[list[_Name], int] | None:
        """The body (or bodies, for a group) starting at i, and the index after it."""
        kind = self.agency_start(i, lower_ok)
        if not kind:
            return None
        if kind == "addressee":
            m = self.collective_noun(i + 1) or len(self.head_at(i + 1, lower_ok=True, bare_ok=True))
            return [_Name(self.span(i, i + 1 + m))], i + 1 + m
        if kind == "persons":
            j = i + 1 if self.key(i) == "các" else i
            if self.key(j) == "đồng" and self.key(j + 1) == "chí":
                j += 2
            j += _PERSON_COLLECTIVES.match(self.toks, j)
            sub = self.parse_agency(j)
            if sub is None:
                return None
            return [_Name(_cap_first(self.span(i, sub[1])))], sub[1]
        if kind in ("collective", "plural", "list"):
            return self.parse_collective(i, kind, titled)
        if kind == "full":
            j = i + _FULL_NAMES.match(self.toks, i)
            e = self.suffix_end(self.locality_end(j, titled))
            return [_Name(self.span(i, e), head=self.span(i, j), locality=self.span(j, e))], e
        keys = self.head_at(i, lower_ok=lower_ok, bare_ok=True)
        head_kind = _HEAD_KIND[keys]
        j = i + len(keys)
        if head_kind == "prefix":
            sub = self.parse_agency(j, titled=titled)
            if sub is None or not sub[0]:
                return None
            return [_Name(self.span(i, sub[1]))], sub[1]
        if head_kind == "domain":
            d = _DOMAINS.match(self.toks, j)
            if d:
                return self.finish(i, j, self.locality_end(self.joined_domain_end(j + d), titled), titled)
        if head_kind == "locality":
            if keys in _NESTING and self.agency_start(j):
                sub = self.parse_agency(j, titled=titled)
                e = sub[1] if sub is not None else j
            else:
                e = self.locality_end(j, titled, allow_tai=True, direct=True)
            return self.finish(i, j, e, titled, locality=True)
        return self.finish(i, j, self.generic_end(j, keys, titled), titled)

    def parse_mention(self, i: int) -> tuple[list[_Name], int] | None:
        """A mention at i in running text: courtesy and titles dropped, a named person kept whole."""
        j = self.courtesy_end(i)
        if j > i and self.agency_start(i) == "persons":
            return self.parse_agency(i)
        k = self.title_end(j)
        if k > j:
            result = self.parse_agency(k, lower_ok=True, titled=True)
            if result is None:
                return None
            names, e = result
            p = self.person_end(e)
            if p > e and len(names) == 1 and not names[0].bare:
                return [_Name(self.span(j, p), person=True)], p
            return result
        if j > i and not self.agency_start(j):
            return None
        return self.parse_agency(j)

    # -- printed lists -------------------------------------------------------------------------------

    def list_pieces(self) -> list[tuple[str, int, int, str]]:
        """Cut a printed list at its separators: (separator before, start, end, separator after).

        Separators are bullets, ';', ',', 'và', ':' and a line break before a new body; none inside
        brackets or inside a known name with commas ('Văn hóa, Thể thao và Du lịch').
        """
        protected: set[int] = set()
        k = 0
        while k < self.n:
            m = _PROTECTED.match(self.toks, k)
            if m > 1:
                protected.update(range(k, k + m))
                k += m
            else:
                if self.key(k) == "," and self.key(k - 1) in _LEVEL_LAST and _LEVELS.match(self.toks, k + 1):
                    protected.add(k)
                k += 1
        seps: list[tuple[int, str]] = []
        depth = 0
        for k, t in enumerate(self.toks):
            if t.key == "(":
                depth += 1
            elif t.key == ")":
                depth = max(0, depth - 1)
            if depth or k in protected or t.key in ("(", ")"):
                continue
            prev = self.key(k - 1)
            if t.key in _BULLETS and (k == 0 or t.nl or prev in (";", ":")) \
                    and (k == 0 or prev in (";", ".", ":", ",") or self.new_agency_at(k + 1)):
                seps.append((k, "bullet"))
            elif t.key in (";", ",", ":"):
                seps.append((k, {";": "semi", ",": "comma", ":": "colon"}[t.key]))
            elif t.key == "và":
                seps.append((k, "and"))
            elif t.nl and k > 0 and prev not in ("và", ",", "-", "của", "thuộc") \
                    and prev not in _PREFIX_LAST and t.cap and self.new_agency_at(k):
                seps.append((k, "line"))
        pieces: list[tuple[str, int, int, str]] = []
        start, before = 0, "start"
        for k, kind in seps:
            end = k
            pieces.append((before, start, end, kind))
            start, before = (k, kind) if kind == "line" else (k + 1, kind)
        pieces.append((before, start, self.n, "end"))
        return pieces

    def list_cut(self, a: int, b: int) -> int:
        """Where the words of a printed item stop being a name ('Sở Y tế chủ trì …'), or b."""
        depth = 0
        k = a
        while k < b:
            t = self.toks[k]
            depth += (t.key == "(") - (t.key == ")")
            if k < a + 2 or depth > 0 or not t.low:
                k += 1
                continue
            m = _NAME_PARTS.match(self.toks, k) or _COLLECTIVE_TAILS.match(self.toks, k)
            if t.key == "tại" and (self.key(k + 1) == "các" or _LEVELS.match(self.toks, k + 1)):
                m = 1
            if m:
                k += m
                continue
            keys = _CONTINUATIONS.match_keys(self.toks, k)
            if keys in _TERMINAL:
                nxt = self.tok(k + len(keys))
                return k + len(keys) if nxt is not None and nxt.low else b
            if t.key == "của" and self.cua_end(k) == k:
                return k
            if _LIST_STOPS.match(self.toks, k):
                return k
            keys = _STOPS.match_keys(self.toks, k)
            if len(keys) > 1 and keys not in _LIST_KEEP:
                return k
            if keys and _STOPS.match_keys(self.toks, k) in _LIST_SINGLE and self.toks[k - 1].low:
                return k
            k += 1
        return b

    def list_start(self, a: int, b: int) -> int:
        """Skip lowercase lead-in words before the first body of an item ('phối hợp với Sở Y tế');
        -1 when the item opens with such words and names no body at all."""
        if self.new_agency_at(a) or not self.toks[a].low:
            return a
        for k in range(a, min(b, a + 8)):
            t = self.toks[k]
            if self.new_agency_at(k):
                return k
            if t.word and not t.low:
                break
        first = self.toks[a]
        if _STOPS.match(self.toks, a) or first.key in ("các", "giữa", "của"):
            return -1
        return a

    def group_label(self, a: int, b: int) -> _Group | str | None:
        """A list label before a colon: a group, 'category' (members are full names), or None."""
        i = self.title_end(self.courtesy_end(a))
        if self.key(i) == "các":
            m = self.collective_noun(i + 1)
            if not m:
                return None
            noun = tuple(t.key for t in self.toks[i + 1:i + 1 + m])
            if noun not in _CATEGORY_NOUNS and _HEADS.match(self.toks, i + 1) == m and i + 1 + m == b:
                return _Group(_cap_first(self.span(i + 1, i + 1 + m)))
            return "category"
        return self.place_group(i, b)


def _is_caps_abbr(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and len(text) <= 24 and all(c.isupper() for c in letters)


def _clean(text: str) -> str:
    """Tidy one printed name: bullets, closing punctuation and explanatory brackets off."""
    text = _SPACE_RE.sub(" ", text).strip()
    text = _LEADING_BULLET_RE.sub("", text)
    text = _PAREN_RE.sub(lambda m: m.group(0) if _is_caps_abbr(m.group(1)) else "", text)
    text = _OPEN_PAREN_RE.sub("", text)  # a bracket the cut left open: '… của 03 tỉnh (Bình Thuận'
    text = _TRAILING_PUNCT_RE.sub("", text).strip()
    return text if any(c.isalpha() for c in text) else ""


def _bare_and_locality(name: str) -> tuple[bool, str]:
    """(the name is a lone locality head like 'HĐND', the locality of a name like 'UBND các tỉnh')."""
    parser = _Parser(name)
    keys = parser.head_at(0, bare_ok=True)
    if not keys or _HEAD_KIND[keys] != "locality":
        return False, ""
    j = len(keys)
    if j == parser.n:
        return True, ""
    e = parser.locality_end(j, allow_tai=True)
    if e != parser.n:
        return False, ""
    place = parser.span(j, e)
    return False, place[4:] if place.startswith("tại ") else place


def _distribute(names: list[str], joined: list[bool]) -> list[str]:
    """'HĐND, UBND các tỉnh' -> 'HĐND các tỉnh', 'UBND các tỉnh': a lone head shares the next locality."""
    out = list(names)
    for idx in range(len(out) - 2, -1, -1):
        if not joined[idx + 1]:
            continue
        bare, _ = _bare_and_locality(out[idx])
        if not bare:
            continue
        _, place = _bare_and_locality(out[idx + 1])  # already extended when it was lone itself
        if place:
            out[idx] = f"{out[idx]} {place}"
    return out


def _unique(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        key = agency_key(name)
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def split_agencies(text: str) -> list[str]:
    """Split a printed list of addressees/agencies into one name per body, groups expanded.

    "Các Sở: Tài nguyên và Môi trường, Lao động – Thương binh và Xã hội; Thông tin và Truyền thông" gives
    three 'Sở …' names; "UBND các huyện: Bình Sơn, Mộ Đức" gives 'UBND huyện Bình Sơn', 'UBND huyện Mộ Đức';
    heads are removed ("Giám đốc Sở X" -> "Sở X"); a collective that names no members stays one entry.
    A comma splits only where the words after it start a new body.
    """
    text = _untitled(_LABEL_RE.sub("", _nfc(text).strip()))
    parser = _Parser(text)
    if not parser.n:
        return []
    items: list[dict] = []  # {"a", "b", "group", "joined"}
    current: dict | None = None
    group: _Group | None = None
    skipping = False
    for before, a, b, after in parser.list_pieces():
        if before in ("start", "bullet", "line", "semi") and not (before == "semi" and group is not None):
            skipping = False
        if before in ("start", "bullet", "line"):
            group = None
        if a >= b:
            continue
        new = parser.new_agency_at(a)
        if skipping and not new:
            continue
        skipping = False
        if group is not None:
            last = items[-1] if items and items[-1]["group"] is group else None
            if before == "and" and last is not None and not (
                    _DOMAINS.match(parser.toks, last["a"]) == last["b"] - last["a"]
                    and _DOMAINS.match(parser.toks, a)):
                last["b"] = b
                continue
            if not new or (group.level is None and _DOMAINS.match(parser.toks, a)):
                items.append({"a": a, "b": b, "group": group, "joined": before in ("comma", "and")})
                continue
            group = None
        joins_collective = (before == "and" and current is not None and parser.key(a) == "các"
                            and parser.tok(a).low
                            and any(t.key == "các" for t in parser.toks[current["a"]:current["b"]]))
        if current is None or before in ("start", "bullet", "line", "semi", "colon") \
                or (new and not joins_collective):
            current = {"a": a, "b": b, "group": None, "joined": before in ("comma", "and")}
            items.append(current)
        else:
            current["b"] = b
        if after == "colon" and parser.tok(b + 1) is not None:
            label = parser.group_label(current["a"], b)
            if label is not None:
                items.remove(current)
                current = None
                group = label if isinstance(label, _Group) else None
            else:
                skipping = True
    names: list[str] = []
    joined: list[bool] = []
    for item in items:
        a = item["a"] if item["group"] is not None else parser.list_start(item["a"], item["b"])
        if a < 0:
            continue
        b = parser.list_cut(a, item["b"])
        printed = _clean(parser.span(a, b))
        if not printed:
            continue
        if item["group"] is not None:
            name = parser.compose(item["group"], printed)
        else:
            name = _cap_first(strip_head(printed))
        names.append(name)
        joined.append(item["joined"])
    return _unique(_distribute(names, joined))


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


def _name_before(before: str) -> str:
    """The name that a '(sau đây viết tắt là X)' bracket abbreviates: the words just before it."""
    before = before.rstrip()
    cut = max(before.rfind(c) for c in _BOUNDARY_CHARS)
    parser = _Parser(before[cut + 1:])
    i = 0
    last = ""
    while i < parser.n:
        result = parser.parse_mention(i)
        if result is None:
            i += 1
            continue
        names, end = result
        if end == parser.n and names:
            last = names[-1].text
        i = max(end, i + 1)
    if last:
        return last
    j = parser.n
    while j > 0:
        t = parser.toks[j - 1]
        if (not t.word and t.key not in ("-", ",", "/", "&")) or parser.stop_ends_at(j):
            break
        j -= 1
    return parser.span(j, parser.n).strip(" ,-")


def define_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations a text defines: '… Sở Tài nguyên và Môi trường (sau đây viết tắt là Sở TN&MT)'
    gives {'Sở TN&MT': 'Sở Tài nguyên và Môi trường'}."""
    text = _nfc(text)
    found: dict[str, str] = {}
    for m in _ABBR_DEF_RE.finditer(text):
        abbr = m.group("abbr").strip(" .,;:")
        full = _name_before(text[:m.start()])
        if abbr and full and abbr not in found:
            found[abbr] = full
    return found
