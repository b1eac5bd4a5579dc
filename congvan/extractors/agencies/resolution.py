"""Names resolved against the document: its own abbreviations ('(sau đây viết tắt là Sở TN&MT)'), and
collectives or near-names of the addressees mapped to the printed recipients."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from congvan.extractors.agencies.grammar import _Parser
from congvan.extractors.agencies.lexicon import _nfc, agency_key
from congvan.extractors.context import Context
from congvan.extractors.task_words import ADDRESSEES
from congvan.text.normalize import fold

_ABBR_DEF_RE = re.compile(
    r"\(\s*(?:sau\s+đây|dưới\s+đây)?\s*(?:được\s+)?(?:viết\s+tắt|gọi\s+tắt|gọi\s+chung)\s*(?:là|:)\s*"
    r"[“\"'‘]?\s*(?P<abbr>[^()“”\"'‘’]+?)\s*[”\"'’]?\s*\)",
    re.I,
)
_BOUNDARY_CHARS = ".;:\n("


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


def resolve(names: list[str], ctx: Context) -> list[str]:
    """Collectives that mean the addressees resolve to the recipients; near-names to the printed recipient."""
    out: list[str] = []
    recipients = ctx.recipients
    for name in names:
        key = fold(name).strip()
        if ADDRESSEES.fullmatch(key) and recipients:
            out += [r for r in recipients if r not in out]
            continue
        near = [r for r in recipients if _near(agency_key(name), agency_key(r))]
        name = near[0] if len(near) == 1 and not _specific(name, near[0]) else name
        if name not in out:
            out.append(name)
    return out


def resolve_names(names: list[str], ctx: Context) -> list[str]:
    """Public form of the addressee resolution, for rows of task tables."""
    return resolve([n for n in names if n.strip()], ctx)


@lru_cache(maxsize=4096)
def _near(a: str, b: str) -> bool:
    """Same agency: equal keys, very similar keys, or a shortened mention of a collective recipient."""
    if a == b:
        return True
    if len(a) > 8 and 2 * min(len(a), len(b)) >= 0.8 * (len(a) + len(b)):
        matcher = SequenceMatcher(None, a, b)
        if matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8:
            return True
    if _LEVEL_ONLY.fullmatch(a) and b.startswith(a + " ") and len(b[len(a):].split()) <= 3:
        return True  # "UBND tỉnh" in a letter to "UBND tỉnh Bình Định": the addressee without its place name
    words_a, words_b = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    return bool(words_a) and words_a <= words_b and a.split()[0] == b.split()[0] and "các" in words_b


_LEVEL_ONLY = re.compile(r"(ubnd|hđnd|ủy ban nhân dân|hội đồng nhân dân) (tỉnh|thành phố|huyện|thị xã|quận|xã|phường|"
                         r"thị trấn)")


def _specific(name: str, recipient: str) -> bool:
    """A named member ('UBND huyện Bình Sơn') is more specific than the group recipient."""
    return len(agency_key(name)) > len(agency_key(recipient)) + 3
