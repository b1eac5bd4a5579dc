"""Printed lists of addressees (Kính gửi, Nơi nhận, a task table's lead column): one name per body,
groups expanded ('Các Sở: A, B' -> 'Sở A', 'Sở B'), a comma splitting only before a new body."""

from __future__ import annotations

import re

from congvan.data import agencies as data
from congvan.extractors.agencies.grammar import _Parser
from congvan.extractors.agencies.groups import _untitled, expand_place_list, strip_head
from congvan.extractors.agencies.lexicon import (
    _BULLETS,
    _CATEGORY_NOUNS,
    _COLLECTIVE_TAILS,
    _CONTINUATIONS,
    _DOMAINS,
    _HEAD_KIND,
    _HEADS,
    _LEVEL_LAST,
    _LEVELS,
    _LIST_KEEP,
    _LIST_SINGLE,
    _LIST_STOPS,
    _NAME_PARTS,
    _PREFIX_LAST,
    _PROTECTED,
    _SPACE_RE,
    _STOPS,
    _TERMINAL,
    _cap_first,
    _nfc,
    _unique,
)
from congvan.extractors.agencies.scan import _Group

_LABEL_RE = re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in data.LIST_LABELS) + r")\s*:\s*", re.I)
_LEADING_BULLET_RE = re.compile(r"^[\s\-\u2010-\u2015\u2212+•*·]+")
_TRAILING_PUNCT_RE = re.compile(r"[\s;.,:/]+$")
_PAREN_RE = re.compile(r"\s*\(([^()]*)\)")
_OPEN_PAREN_RE = re.compile(r"\s*\([^()]*$")


class _ListParser(_Parser):
    """The grammar with the rules of printed lists: separators, cuts, group labels."""

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
            if not m and t.key == "về" and self.topic_head(a, k):
                m = self.topic_end(k) - k  # "Ban Chỉ đạo quốc gia về dữ liệu"
            if m:
                k += m
                continue
            keys = _CONTINUATIONS.match_keys(self.toks, k)
            if keys in _TERMINAL:
                nxt = self.tok(k + len(keys))
                return k + len(keys) if nxt is not None and nxt.low else b
            if t.key == "của" and self.cua_end(k) == k:
                m = self.collective_noun(k + 2) if self.key(k + 1) == "các" else 0
                if m and any(self.key(x) == "các" for x in range(a, k)):
                    k += 2 + m  # "các cơ quan trung ương của các đoàn thể"
                    continue
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

    def subordinate_class(self, a: int, b: int) -> bool:
        """A lowercase class of bodies defined by another body: 'cơ quan thuộc Chính phủ', 'cơ quan ngang Bộ'."""
        m = self.collective_noun(a)
        return bool(m) and self.toks[a].low \
            and any(self.key(x) in ("thuộc", "ngang") for x in range(a, min(b, a + m + 1)))

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
    text = re.sub(r"\s*;\s*", ", ", text)  # a collective printed across a semicolon
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


def split_agencies(text: str) -> list[str]:
    """Split a printed list of addressees/agencies into one name per body, groups expanded.

    "Các Sở: Tài nguyên và Môi trường, Lao động – Thương binh và Xã hội; Thông tin và Truyền thông" gives
    three 'Sở …' names; "UBND các huyện: Bình Sơn, Mộ Đức" gives 'UBND huyện Bình Sơn', 'UBND huyện Mộ Đức';
    heads are removed ("Giám đốc Sở X" -> "Sở X"); a collective that names no members stays one entry.
    A comma splits only where the words after it start a new body.
    """
    text = _untitled(_LABEL_RE.sub("", _nfc(text).strip()))
    parser = _ListParser(text)
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
        if before == "semi" and current is not None and parser.subordinate_class(a, b) \
                and parser.agency_start(current["a"]) in ("collective", "list"):
            current["b"] = b  # "Các Bộ, cơ quan ngang Bộ; cơ quan thuộc Chính phủ": one collective
            continue
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
        members = [] if item["group"] is not None else expand_place_list(parser.span(a, b))
        if members:  # "Ban Chấp hành Hội X tỉnh A, B (cũ)": one body per province
            names += [_cap_first(strip_head(member)) for member in members]
            joined += [item["joined"]] * len(members)
            continue
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
