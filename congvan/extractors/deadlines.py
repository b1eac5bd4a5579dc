"""Deadlines ("thời hạn") and recurrences in Vietnamese administrative text.

All language knowledge lives in the tables of congvan.data.deadlines; the regexes built from them are
compiled once, at import time.  Matching runs on the NFC form of the input and every ``Deadline.text``
is a verbatim slice of that NFC text.

A date or period only counts as a deadline when a trigger phrase ("trước", "chậm nhất", "hạn cuối",
"Thời hạn:", "hoàn thành trong", "vào", "trong" …) sits right before it, or when it is the whole text
(a "Thời hạn" table cell such as "Quý III/2023" or "30/7/2023").  Bare dates are citations.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from congvan.data.deadlines import (
    BLOCK_AFTER_WEAK,
    BLOCK_BEFORE_STRONG,
    BLOCK_BEFORE_WEAK,
    DATE_TRIGGERS,
    NUMBER_WORDS,
    PERIOD_TRIGGERS,
    QUY,
    RECURRENCE_TABLE,
    REL_ANCHORS,
    REL_STRONG_PREFIXES,
    REL_UNITS,
    REL_WEAK_PREFIXES,
    RESOLVED_ANCHORS,
    ROMAN_QUARTERS,
    TIME,
    WEAK_CLAUSE_EXCLUSIONS,
    WEEKDAY,
    YEARLESS_YEAR_TRIGGER,
)
from congvan.extractors.periods import period_end, period_start, resolve_day, shift

# =====================================================================================================
# Compiled regexes (built from the tables in congvan.data.deadlines, once)
# =====================================================================================================

_F = re.IGNORECASE
_WINDOW = 120  # characters of left context searched for a trigger / clause exclusion

_DATE_SEP = r"(?: ?/ ?|[.\-])"  # a scan's OCR often puts a space after the slash: "22/ 12/ 2011"
_NUMERIC_DATE = (r"(?<![\w/.\-])(?P<d>\d{1,2})" + _DATE_SEP + r"(?P<m>\d{1,2})(?:" + _DATE_SEP
                 + r"(?P<y>\d{4}))?(?![\w/\-]|\.\d)")
_LONG_DATE = (
    r"(?<!\w)(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})"
    r"(?:(?:\s*,?\s*năm\s+|\s*[/\-]\s*)(?P<ly>\d{4}))?(?![\w/])"
)
_DATE_RE = re.compile(rf"{_NUMERIC_DATE}|{_LONG_DATE}", _F)

_YEAR_TAIL = r"(?!\d)(?!\s*[-–]\s*\d)"  # "năm 2021-2025" is a span, not a year
#: Quarter ("quý III/2023"), half ("6 tháng đầu năm 2024"), month ("tháng 7/2023"), year ("năm 2024")
#: and a bare "năm" (used only after "cuối"/"hết").
_PERIOD_RE = re.compile(
    r"(?<!\w)(?:"
    rf"{QUY}\s+(?P<q>iv|iii|ii|i|0?[1-4])(?!\w)"
    rf"(?:(?:\s*[/\-.]\s*|\s*,?\s*năm\s+)(?P<qy>\d{{4}}){_YEAR_TAIL})?"
    rf"|(?:(?:0?6|sáu)\s+tháng|nửa)\s+(?P<h>đầu|cuối)\s+năm(?:(?:\s*[/\-]\s*|\s+)(?P<hy>\d{{4}}){_YEAR_TAIL})?"
    rf"|tháng\s+(?P<m>0?[1-9]|1[0-2])(?!\d)(?:(?:\s*[/\-.]\s*|\s*,?\s*năm\s+)(?P<my>\d{{4}}){_YEAR_TAIL})?"
    rf"(?!\s*[/\-.]\s*\d)"
    rf"|năm\s+(?P<y>\d{{4}}){_YEAR_TAIL}"
    r"|(?P<ny>năm)(?!\w)(?!\s+(?:học|sau|tới|trước|\d))"
    r")",
    _F,
)


def _trigger_alternation(table: list[tuple[str, str, bool]]) -> str:
    """`(?:(?P<t0>…)|(?P<t1>…)…)` so the matching trigger is known from its group name."""
    return "(?:" + "|".join(f"(?P<t{i}>{rx})" for i, (rx, _, _) in enumerate(table)) + ")"


def _alternation(patterns: list[str]) -> str:
    """A non-capturing alternation of ``patterns``."""
    return "(?:" + "|".join(patterns) + ")"


_DATE_TAIL = rf"\s*(?:{TIME}\s*,?\s*)?(?:(?:ngày\s+)?{WEEKDAY}\s*,?\s*)?(?:ngày\s+)?"
_DATE_LEFT_RE = re.compile(rf"(?<!\w){_trigger_alternation(DATE_TRIGGERS)}{_DATE_TAIL}$", _F)
_PERIOD_LEFT_RE = re.compile(rf"(?<!\w){_trigger_alternation(PERIOD_TRIGGERS)}\s*$", _F)
_YEARLESS_YEAR_RE = re.compile(YEARLESS_YEAR_TRIGGER, _F)
_DIGIT_BEFORE_RE = re.compile(r"\d\s*$")

_BLOCK_BEFORE_STRONG_RE = re.compile(rf"(?<!\w){_alternation(BLOCK_BEFORE_STRONG)}\s*$", _F)
_BLOCK_BEFORE_WEAK_RE = re.compile(rf"(?<!\w){_alternation(BLOCK_BEFORE_WEAK)}\s*$", _F)
_BLOCK_AFTER_WEAK_RE = re.compile(rf"\s*,?\s*{_alternation(BLOCK_AFTER_WEAK)}(?!\w)", _F)
_CLAUSE_EXCLUSION_RE = re.compile(rf"(?<!\w){_alternation(WEAK_CLAUSE_EXCLUSIONS)}(?!\w)", _F)
_CLAUSE_BREAK_RE = re.compile(r"[.;\n](?!\d)")

_CELL_LEFT_RE = re.compile(r"\s*(?:(?P<ngay>ngày)\s*)?", _F)
_CELL_RIGHT_RE = re.compile(r"\s*[.;,]?\s*")

_NUMBER_WORD_ALT = "|".join(w.replace(" ", r"\s+") for w in sorted(NUMBER_WORDS, key=len, reverse=True))
_UNIT_ALT = "|".join(f"(?P<u{i}>{rx})" for i, rx in enumerate(REL_UNITS))
_REL_RE = re.compile(
    rf"(?<!\w)(?:(?P<strong>{_alternation(REL_STRONG_PREFIXES)})\s*[:\-–]?"
    rf"(?:\s+(?:là|tối\s+đa|không\s+quá))?\s+|(?P<weak>{_alternation(REL_WEAK_PREFIXES)})\s+)?"
    rf"(?:(?<![\w/.,])(?P<num>\d{{1,3}})(?:\s*\([^()\n]{{1,25}}\))?"
    rf"|(?P<word>{_NUMBER_WORD_ALT})(?:\s*\(\s*(?P<num2>\d{{1,3}})\s*\))?)"
    rf"\s+(?:{_UNIT_ALT})(?!\w)",
    _F,
)
# "trong thời hạn 10 ngày", "trong vòng 05 ngày" (not a rule's limit: "tối đa là 05 ngày", "không quá 12 tháng")
_WITHIN = re.compile(r"trong\s+(?:thời\s+hạn|vòng)\s*[:\-–]?\s+\d", _F)
_REL_ANCHOR_RE = re.compile(rf"\s*,?\s*{_alternation(REL_ANCHORS)}(?!\w)\s*", _F)
_RESOLVED_ANCHOR_RE = re.compile(_alternation(RESOLVED_ANCHORS), _F)
_ANCHOR_TAIL_RE = re.compile(r"[^\n,.;:()]{0,80}")

_RECURRENCE_RES: list[tuple[str, re.Pattern[str]]] = [
    (value, re.compile(rf"(?<!\w){_alternation(patterns)}(?!\w)", _F)) for value, patterns in RECURRENCE_TABLE
]
_PERIODIC_ALT = _alternation([p for value, pats in RECURRENCE_TABLE if value != "continuous" for p in pats])
_DAY_SPEC = (
    rf"\d{{1,2}}(?:[/.\-]\d{{1,2}}|\s+tháng\s+\d{{1,2}})?"
    rf"(?![\d/\-]|\.\d|\s*tháng\s*\d|\s*,?\s*năm\s+\d)|{WEEKDAY}"
)
#: "trước ngày 15 hằng tháng", "trước 16 giờ ngày thứ Sáu hằng tuần", "vào thứ Hai hằng tuần".
_RECURRING_RE = re.compile(
    rf"(?<!\w){_trigger_alternation(DATE_TRIGGERS)}\s*(?:(?P<time>{TIME})\s*,?\s*)?"
    rf"(?:(?:các\s+)?ngày\s+)?(?P<spec>{_DAY_SPEC})?"
    rf"(?:\s*,?\s*(?:(?:của|trong|vào)\s+)?(?P<rec>{_PERIODIC_ALT})(?!\w))?",
    _F,
)

# =====================================================================================================
# Public API
# =====================================================================================================


@dataclass(frozen=True)
class Deadline:
    """A deadline found in a text; ``text`` is the source phrase (a slice of the NFC text)."""

    date: str | None  # ISO YYYY-MM-DD or None
    kind: str | None  # "before" | "by" | "on" | "period_end" | "relative" | "ongoing"
    text: str
    recurrence: str | None = None


def find_deadline(text: str, doc_date: date | None) -> Deadline | None:
    """The deadline of ``text`` (the latest one when several), or None.

    ``doc_date`` (the date of issue) supplies missing years and anchors relative deadlines.
    """
    nfc = unicodedata.normalize("NFC", text)
    doc = doc_date.date() if isinstance(doc_date, datetime) else doc_date
    text_recurrence = _recurrence_match(nfc, periodic_only=True)
    candidates = [
        *_date_candidates(nfc, doc),
        *_period_candidates(nfc, doc),
        *_relative_candidates(nfc, doc),
        *_recurring_candidates(nfc, text_recurrence is not None),
    ]
    kept = _drop_overlaps(candidates)
    if not kept:
        if text_recurrence is None:
            return None
        value, start, end = text_recurrence
        return Deadline(date=None, kind="ongoing", text=nfc[start:end], recurrence=value)
    best = _pick(kept)
    if text_recurrence is not None and best.yearless and _PERIODIC.search(nfc):
        # "định kỳ hằng năm, báo cáo trước ngày 15/12": the day comes back every period, no one date
        return Deadline(date=None, kind=best.kind, text=nfc[best.start : best.end], recurrence=text_recurrence[0])
    recurrence = best.recurrence or find_recurrence(nfc)
    return Deadline(
        date=best.when.isoformat() if best.when else None,
        kind=best.kind,
        text=nfc[best.start : best.end],
        recurrence=recurrence,
    )


_PERIODIC = re.compile(r"định\s+kỳ", _F)  # "kế hoạch hằng năm, … trước ngày 30/9" is one date, not a cycle


def find_recurrence(text: str) -> str | None:
    """The recurrence named in ``text`` ("monthly", "every 6 months", "continuous" …) or None."""
    nfc = unicodedata.normalize("NFC", text)
    found = _recurrence_match(nfc, periodic_only=True) or _recurrence_match(nfc, periodic_only=False)
    return found[0] if found else None


# =====================================================================================================
# Internals
# =====================================================================================================


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    kind: str
    when: date | None
    recurrence: str | None = None
    yearless: bool = False  # a day and month without a year ("trước ngày 15/12")


def _trigger_index(m: re.Match[str]) -> int:
    """Index into the trigger table of the ``t<i>`` group that matched."""
    for name, value in m.groupdict().items():
        if value is not None and name[0] == "t" and name[1:].isdigit():
            return int(name[1:])
    raise LookupError("no trigger group matched")


def _find_trigger(
    text: str, pos: int, left_re: re.Pattern[str], table: list[tuple[str, str, bool]]
) -> tuple[int, str, bool, str] | None:
    """The trigger ending right before ``pos``: (start, kind, weak, trigger text)."""
    m = left_re.search(text, max(0, pos - _WINDOW), pos)
    if m is None:
        return None
    i = _trigger_index(m)
    _, kind, weak = table[i]
    return m.start(), kind, weak, m.group(f"t{i}")


def _blocked(text: str, start: int, end: int, weak: bool) -> bool:
    """True when the context shows the phrase is a fact/citation/data window, not a deadline."""
    base = max(0, start - _WINDOW)
    if not weak:
        return _BLOCK_BEFORE_STRONG_RE.search(text, base, start) is not None
    if _BLOCK_BEFORE_WEAK_RE.search(text, base, start) or _BLOCK_AFTER_WEAK_RE.match(text, end):
        return True
    clause_start = base
    for brk in _CLAUSE_BREAK_RE.finditer(text, base, start):
        clause_start = brk.end()
    return _CLAUSE_EXCLUSION_RE.search(text, clause_start, start) is not None


def _cell_start(text: str, start: int, end: int, allow_ngay: bool) -> int | None:
    """Start of the phrase when it is the whole text (a table cell), else None."""
    left = _CELL_LEFT_RE.fullmatch(text, 0, start)
    if left is None or (left.group("ngay") and not allow_ngay):
        return None
    if _CELL_RIGHT_RE.fullmatch(text, end) is None:
        return None
    return left.start("ngay") if left.group("ngay") else start


def _date_candidates(text: str, doc: date | None) -> Iterator[_Candidate]:
    """Calendar dates introduced by a trigger ("trước ngày 20/7/2023") or alone in a cell."""
    for m in _DATE_RE.finditer(text):
        long_form = m.group("ld") is not None
        if long_form:
            day, month, year = m.group("ld"), m.group("lm"), m.group("ly")
        else:
            day, month, year = m.group("d"), m.group("m"), m.group("y")
        trigger = _find_trigger(text, m.start(), _DATE_LEFT_RE, DATE_TRIGGERS)
        if trigger is not None:
            start, kind, weak, _ = trigger
            if _blocked(text, start, m.end(), weak):
                continue
        else:
            cell = None if long_form else _cell_start(text, m.start(), m.end(), allow_ngay=True)
            if cell is None:
                continue
            start, kind = cell, "by"
        ok, when = resolve_day(int(day), int(month), int(year) if year else None, doc)
        if ok:
            yield _Candidate(start, m.end(), kind, when, yearless=not year)


_LIST_JOIN = re.compile(r"\s*(?:,|và|hoặc)\s*")


def _period_candidates(text: str, doc: date | None) -> Iterator[_Candidate]:
    """Quarters, months, halves and years introduced by a trigger ("trong quý III/2023")."""
    listed: tuple[int, tuple] | None = None  # (end, trigger) of the last period a trigger introduced
    for m in _PERIOD_RE.finditer(text):
        if m.group("m") and _DIGIT_BEFORE_RE.search(text, max(0, m.start() - 4), m.start()):
            continue  # "20 tháng 7 năm 2023" is a date, not a month
        trigger = _find_trigger(text, m.start(), _PERIOD_LEFT_RE, PERIOD_TRIGGERS)
        if trigger is None and listed and _LIST_JOIN.fullmatch(text, listed[0], m.start()):
            trigger = listed[1]  # "trong tháng 11, tháng 12 năm 2025": one trigger for the list
        listed = (m.end(), trigger) if trigger is not None else None
        is_year = m.group("y") is not None or m.group("ny") is not None
        if trigger is not None:
            start, kind, weak, trigger_text = trigger
            if m.group("ny") and not _YEARLESS_YEAR_RE.search(trigger_text):
                continue
            if _blocked(text, start, m.end(), weak):
                continue
        else:
            cell = None if is_year else _cell_start(text, m.start(), m.end(), allow_ngay=False)
            if cell is None:
                continue
            start, kind = cell, "period_end"
        spec, year_text = _period_spec(m)
        ok, when = _resolve_period(spec, int(year_text) if year_text else None, kind, doc)
        if ok:
            yield _Candidate(start, m.end(), kind, when)


def _period_spec(m: re.Match[str]) -> tuple[dict[str, int], str | None]:
    """(keyword arguments for period_end, year text) of a _PERIOD_RE match."""
    if m.group("q"):
        q = m.group("q").lower()
        return {"quarter": ROMAN_QUARTERS.get(q) or int(q)}, m.group("qy")
    if m.group("h"):
        return {"half": 1 if m.group("h").lower() == "đầu" else 2}, m.group("hy")
    if m.group("m"):
        return {"month": int(m.group("m"))}, m.group("my")
    return {}, m.group("y")


def _resolve_period(
    spec: dict[str, int], year: int | None, kind: str, doc: date | None
) -> tuple[bool, date | None]:
    """(valid, date) of a period: its first day for "before", else its last day."""
    if year is None:
        if doc is None:
            return True, None
        year = doc.year if period_end(doc.year, **spec) >= doc else doc.year + 1
    if not 1 <= year <= 9999:
        return False, None
    return True, period_start(year, **spec) if kind == "before" else period_end(year, **spec)


def _relative_candidates(text: str, doc: date | None) -> Iterator[_Candidate]:
    """Relative deadlines: "trong thời hạn 10 ngày kể từ ngày ký" and friends."""
    for m in _REL_RE.finditer(text):
        if m.group("num"):
            n = int(m.group("num"))
        elif m.group("num2"):
            n = int(m.group("num2"))
        else:
            n = NUMBER_WORDS[" ".join(m.group("word").lower().split())]
        unit = next(REL_UNITS[rx] for i, rx in enumerate(REL_UNITS) if m.group(f"u{i}"))
        end, when = m.end(), None
        anchor = _REL_ANCHOR_RE.match(text, m.end())
        if anchor is not None:
            pos = anchor.end()
            resolved = _RESOLVED_ANCHOR_RE.match(text, pos)
            anchor_date = _DATE_RE.match(text, pos)
            if resolved is not None:
                end = resolved.end()
                when = shift(doc, n, unit) if doc else None
            elif anchor_date is not None:
                end = anchor_date.end()
                when = shift(_anchor_date(anchor_date, doc), n, unit)
            else:
                tail = _ANCHOR_TAIL_RE.match(text, pos)
                end = pos + len(tail.group().rstrip()) if tail else pos
        elif m.group("strong") is None:
            continue
        elif doc is not None and _WITHIN.match(m.group(0)) and _opens_sentence(text, m.start()):
            when = shift(doc, n, unit)  # "Trong thời hạn 60 ngày làm việc, X …" names no event: from the document date
        yield _Candidate(m.start(), end, "relative", when)


def _opens_sentence(text: str, at: int) -> bool:
    """The match opens the text or a sentence ('Trong thời hạn 60 ngày, X …'), not a phrase inside one ('ảnh chụp
    trong vòng 6 tháng')."""
    return not text[:at].strip() or bool(re.search(r"[.;:!?\n]\s*$", text[:at]))


def _anchor_date(m: re.Match[str], doc: date | None) -> date | None:
    """The date of a _DATE_RE match used as an anchor ("kể từ ngày 20/7/2023")."""
    if m.group("ld") is not None:
        day, month, year = m.group("ld"), m.group("lm"), m.group("ly")
    else:
        day, month, year = m.group("d"), m.group("m"), m.group("y")
    ok, when = resolve_day(int(day), int(month), int(year) if year else None, doc)
    return when if ok else None


def _recurring_candidates(text: str, text_is_periodic: bool) -> Iterator[_Candidate]:
    """Recurring deadlines: a day/weekday/time with no full date, followed by (or in a text with) a
    periodic word.  They carry a recurrence and no date."""
    for m in _RECURRING_RE.finditer(text):
        spec, time, rec = m.group("spec"), m.group("time"), m.group("rec")
        if not (spec or time) or not (rec or text_is_periodic):
            continue
        _, kind, weak = DATE_TRIGGERS[_trigger_index(m)]
        end = max(m.end(g) for g in ("time", "spec", "rec") if m.group(g))
        if _blocked(text, m.start(), end, weak):
            continue
        found = _recurrence_match(rec if rec else text, periodic_only=True)
        yield _Candidate(m.start(), end, kind, None, found[0] if found else None)


def _drop_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates, preferring the earliest start and then the longest span."""
    kept: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start, c.start - c.end)):
        if not kept or cand.start >= kept[-1].end:
            kept.append(cand)
    return kept


def _pick(candidates: list[_Candidate]) -> _Candidate:
    """The latest dated candidate; else the first recurring one; else the last one in the text."""
    dated = [c for c in candidates if c.when is not None]
    if dated:
        return max(dated, key=lambda c: (c.when, c.start))
    recurring = [c for c in candidates if c.recurrence]
    return recurring[0] if recurring else candidates[-1]


def _recurrence_match(text: str, periodic_only: bool) -> tuple[str, int, int] | None:
    """(value, start, end) of the earliest recurrence word in an NFC text (longest on ties)."""
    best: tuple[str, int, int] | None = None
    for value, rx in _RECURRENCE_RES:
        if periodic_only and value == "continuous":
            continue
        m = rx.search(text)
        if m and (best is None or (m.start(), -m.end()) < (best[1], -best[2])):
            best = (value, m.start(), m.end())
    return best
