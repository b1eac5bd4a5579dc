"""The agency grammar: whole names (a head with its parts, a collective, a group with its members)
and mentions in running text (titles and courtesy words before a body)."""

from __future__ import annotations

from congvan.extractors.agencies.lexicon import (
    _CATEGORY_NOUNS,
    _COLLECTIVE_LISTS,
    _DOMAINS,
    _FULL_NAMES,
    _HEAD_KIND,
    _HEADS,
    _LEVELS,
    _NESTING,
    _PERSON_COLLECTIVES,
    _STARTERS,
    _STOPS,
    _cap_first,
    _tokenize,
    agency_key,
)
from congvan.extractors.agencies.parts import _NameParts
from congvan.extractors.agencies.scan import _Group, _Name


class _Parser(_NameParts):
    """Grammar over the tokens of one text."""

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
