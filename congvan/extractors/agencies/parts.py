"""The parts of a name after its head: place, locality, field, suffixes ('của …', a bracketed
abbreviation), and where a generic name ends."""

from __future__ import annotations

from congvan.extractors.agencies.lexicon import (
    _COLLECTIVE_CONT,
    _COLLECTIVE_TAILS,
    _CONTINUATIONS,
    _CUA_PARENTS,
    _FIRST_WORDS,
    _FUNCTION_WORDS,
    _JOINT_OFFICES,
    _LEVEL_LAST,
    _LEVELS,
    _LOCALITY_WORDS,
    _MANAGED_ZONES,
    _NAME_PARTS,
    _NUMBERED_LEVELS,
    _PARENTS,
    _STARTERS,
    _STOPS,
    _TERMINAL,
    _TITLES,
    _TOPIC_HEADS,
    _TOPIC_MAX,
    _TOPIC_NOT_FIRST,
    _fold,
)
from congvan.extractors.agencies.scan import _Name, _Scanner


class _NameParts(_Scanner):
    """Where each part of a name ends; a name may nest a whole name ('Văn phòng của Bộ X')."""

    def parse_agency(self, i: int, lower_ok: bool = False,
                     titled: bool = False) -> tuple[list[_Name], int] | None:
        """A whole name at i: defined by the parser (grammar.py), which these parts recurse into."""
        raise NotImplementedError

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
        """After '(PV GAS)' at i: an all-capitals abbreviation in brackets, or '(cũ)' / '(mới)' that tells
        a body from its namesake after a merger ('Đoàn Luật sư tỉnh Lâm Đồng (cũ)'); else 0."""
        if self.key(i + 1) in ("cũ", "mới") and self.key(i + 2) == ")":
            return i + 3
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

    def topic_end(self, k: int) -> int:
        """After a committee's topic 'về dữ liệu', 'về rà soát văn bản' (k at 'về'); k when the words after 'về'
        open a matter ('về việc', 'về kết quả') or another body, or no topic word follows."""
        j = k + 1
        t = self.tok(j)
        if t is None or not t.word or t.digit or _TOPIC_NOT_FIRST.match(self.toks, j) or self.new_agency_at(j) \
                or (t.cap and self.is_stop(j)):
            return k
        j += _NAME_PARTS.match(self.toks, j) or _STOPS.match(self.toks, j) or 1  # 'rà soát': a verb as a noun
        while j < self.n and j - k <= _TOPIC_MAX:
            t = self.toks[j]
            m = _NAME_PARTS.match(self.toks, j)
            if m:
                j += m
                continue
            if not t.word or t.digit or self.is_label(j) or (t.nl and t.cap):
                break
            if t.key == "và":
                nxt = self.tok(j + 1)
                if nxt is not None and nxt.word and nxt.low and not self.is_stop(j + 1) \
                        and not _TOPIC_NOT_FIRST.match(self.toks, j + 1) and not self.new_agency_at(j + 1):
                    j += 1
                    continue
                break
            if (t.low and (self.is_stop(j) or (t.key,) in _FUNCTION_WORDS)) \
                    or (t.cap and (self.is_stop(j) or self.new_agency_at(j) or _TITLES.match(self.toks, j)
                                   or self.person_end(j) > j)):
                break
            j += 1
        return j

    def topic_head(self, a: int, k: int) -> bool:
        """A committee's head ('Ban Chỉ đạo', 'Hội đồng', 'Tổ công tác') starts between a and k."""
        return any(self.toks[h].cap and _TOPIC_HEADS.match(self.toks, h) for h in range(max(a, 0), k))

    def zones_end(self, j: int) -> int:
        """After 'và các khu công nghiệp' (j at 'và'): the second zone of a 'Ban Quản lý' name; else j."""
        k = j + 1 + (self.key(j + 1) == "các")
        return self.generic_end(k) if _MANAGED_ZONES.match(self.toks, k) else j

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
                    m = self.collective_noun(j + 2) if collective and self.key(j + 1) == "các" else 0
                    if m:  # "các cơ quan trung ương của các đoàn thể": a collective within collectives
                        j += 2 + m
                        continue
                    break
                if t.key == "thuộc":
                    if self.agency_start(j + 1) or _LEVELS.match(self.toks, j + 1) \
                            or self.key(j + 1) in ("sở", "bộ", "trung", "tw", ","):
                        j += 1
                        continue
                    break
                if t.key == "và":
                    if head == ("ban",) and _fold(self.span(i, i + 2)) == "quản lý" and self.zones_end(j) > j:
                        j = self.zones_end(j)  # "Ban Quản lý Khu kinh tế X và các khu công nghiệp Y"
                        continue
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
                if collective and t.low:  # "các cơ quan, tổ chức có liên quan": a noun, not the verb
                    m = self.collective_noun(j)
                    if m and (self.key(j + m) in (",", "và") or _CONTINUATIONS.match(self.toks, j + m)):
                        j += m
                        continue
                if t.key == "về" and head and _TOPIC_HEADS.match(self.toks, i - len(head)):
                    k = self.topic_end(j)
                    if k > j:
                        j = k
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
