"""The words of the agency grammar: folding, tokens, phrase tables built once from congvan.data.agencies,
and the match key of a name."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from congvan.data import agencies as data

_OLD_TONES = (
    ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
    ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
    ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
)
_DASH_CHARS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_TOKEN_RE = re.compile(r"\w+(?:[&'’]\w+)*|[^\w\s]")
_SPACE_RE = re.compile(r"\s+")
_DASH_RUN_RE = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")


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
_NUMBERED_LEVELS = set(data.NUMBERED_LEVELS)
_CATEGORY_NOUNS = {_keys(w) for w in data.CATEGORY_NOUNS}
_BULLETS = {"-", "+", "•", "*", "·"}
_JOINT_OFFICES = set(data.JOINT_OFFICES)
_TOPIC_HEADS = _Phrases(data.TOPIC_HEADS)
_TOPIC_NOT_FIRST = _Phrases(data.TOPIC_NOT_FIRST + data.FUNCTION_WORDS)
_TOPIC_MAX = data.TOPIC_MAX_WORDS
_MANAGED_ZONES = _Phrases(data.MANAGED_ZONES)


def agency_key(name: str) -> str:
    """A match key: NFC, casefold, 'ủy ban nhân dân' -> 'ubnd', 'hội đồng nhân dân' -> 'hđnd', tone
    placement, Ð and dash variants folded, spaces collapsed, edge punctuation dropped."""
    text = _fold(name)
    text = _DASH_RUN_RE.sub("-", text)
    text = _SPACE_RE.sub(" ", text).strip(" .;,:")
    return text.replace("ủy ban nhân dân", "ubnd").replace("hội đồng nhân dân", "hđnd")


_STANDALONE_KEYS = {agency_key(s) for s in data.STANDALONE}
_TEXT_SKIP_KEYS = {agency_key(s) for s in data.TEXT_SKIP}


def _unique(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        key = agency_key(name)
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out
