"""The body as a clause tree: Phần/Chương/Mục/Điều, khoản '1.', điểm 'a)', dash and plus items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from congvan.extractors.agencies import is_agency_start
from congvan.extractors.fields import STRONG, field_line, settle, split_fields

VI_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("part", re.compile(r"^(?:Phần|PHẦN|Chương|CHƯƠNG)\s+(?P<id>[IVXLC]+|\d+)\b[.:]?\s*", re.U)),
    ("section", re.compile(r"^(?:Mục|MỤC)\s+(?P<id>[IVXLC]+|\d+)\b[.:]?\s*")),
    ("article", re.compile(r"^(?:Điều|ĐIỀU)\s+(?P<id>\d+[a-z]?)\s*[.:]\s*")),
    ("roman", re.compile(r"^(?P<id>(?=[IVX])" + _ROMAN + r")\s*[.)]\s+")),
    ("paren", re.compile(r"^\((?P<id>\d{1,2})\)\s*(?=\S)")),
    ("number", re.compile(r"^(?P<id>\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]\s*(?:(?=\S)|$)")),
    ("letter", re.compile(rf"^(?P<id>[{VI_LETTERS}])\s*\)\s*|^(?P<id2>[{VI_LETTERS}])\.\s+(?=[A-ZĐÀ-Ỹ])")),
    ("dash", re.compile(r"^[-–—‒•·▪]\s*(?=\S)")),
    ("plus", re.compile(r"^\+\s*(?=\S)")),
]
RANK = {"part": 0, "section": 1, "roman": 2, "article": 3, "number": 4, "letter": 8, "dash": 9, "plus": 10}
# "(1)", "(2)" items take their rank from where they first appear: just below the item that holds them.
FLOATING = "paren"


@dataclass
class Clause:
    path: str
    label: str | None
    kind: str
    heading: str | None
    text: str
    children: list[Clause] = field(default_factory=list)
    rank: float = 0.0
    fields: dict[str, str] = field(default_factory=dict)  # a plan item's field lines (see fields.py)

    def to_dict(self) -> dict:
        out = {"path": self.path, "label": self.label, "heading": self.heading, "text": self.text,
               "children": [c.to_dict() for c in self.children]}
        if self.fields:
            out["fields"] = dict(self.fields)
        return out

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def classify(text: str, label: str | None = None) -> tuple[str | None, str | None, str]:
    """(kind, id, rest of the text) for a paragraph; kind None when unlabelled."""
    if label:
        text = f"{label} {text}"
    for kind, pattern in PATTERNS:
        m = pattern.match(text)
        if m:
            ident = m.groupdict().get("id") or m.groupdict().get("id2")
            if kind == "number" and ident and int(ident.split(".")[0]) > 60:
                continue
            if kind == "roman" and not ident:
                continue
            return kind, ident, text[m.end():].strip()
    return None, None, text


def _path_id(kind: str, ident: str, parent: Clause | None) -> str:
    """'2.1' under the item '2' (path 'II.2') is 'II.2.1', not 'II.2.2.1'."""
    if kind != "number" or "." not in ident or parent is None:
        return ident
    prefix, last = ident.rsplit(".", 1)
    return last if parent.path == prefix or parent.path.endswith("." + prefix) else ident


def _floating_rank(stack: list[Clause]) -> float:
    """A '(n)' item is a sibling of the open '(n)' item, else a child of the innermost open item."""
    for node in reversed(stack):
        if node.kind == FLOATING:
            return node.rank
    return stack[-1].rank + 0.5 if stack else RANK["number"] + 0.5


def _rank(kind: str, ident: str | None) -> float:
    if kind == "number" and ident:
        return RANK["number"] + ident.count(".")
    return RANK[kind]


def _is_heading(text: str) -> bool:
    stripped = text.rstrip()
    return stripped.endswith(":") or (len(stripped) < 160 and not stripped.endswith((".", ";", "./.")))


def build(paragraphs: list[tuple[str, str | None]]) -> list[Clause]:
    """Build the tree from (text, docx label) paragraphs in order."""
    roots: list[Clause] = []
    stack: list[Clause] = []
    paragraphs = split_glued(paragraphs)
    classified = _one_read_as_roman([classify(text, label) for text, label in paragraphs])
    last_labelled = max((i for i, c in enumerate(classified) if c[0]), default=-1)
    for index, (kind, ident, rest) in enumerate(classified):
        if kind is None:
            owner = stack[-1] if stack else None
            if owner is not None and (index < last_labelled or not _is_closing(rest, owner)):
                _append_text(owner, rest)
                continue
            if owner is None and roots and roots[-1].kind == "para" and rest[:1].islower():
                roots[-1].text += " " + rest  # a sentence the line breaks of a scrape cut in two
                continue
            node = Clause(path=f"p{len(roots) + 1}", label=None, kind="para", heading=None, text=rest, rank=-1)
            roots.append(node)
            stack = []
            continue
        if kind == FLOATING:
            rank = _floating_rank(stack)
        else:
            rank = _rank(kind, ident)
        while stack and stack[-1].rank >= rank:
            stack.pop()
        parent = stack[-1] if stack else None
        siblings = parent.children if parent else roots
        if kind in ("dash", "plus"):
            position = sum(1 for s in siblings if s.kind == kind) + 1
            ident = str(position)
        path_id = _path_id(kind, ident or "", parent)
        path = f"{parent.path}.{path_id}" if parent and kind != "article" else path_id  # Điều N is "N" anywhere
        label = _label_of(kind, ident, paragraphs[index], rest)
        node = Clause(path=path, label=label, kind=kind, heading=None, text=rest, rank=rank)
        siblings.append(node)
        stack.append(node)
    for root in roots:
        _finish(root)
    absorb_fields(roots)
    return roots


_Classified = tuple[str | None, str | None, str]


def _one_read_as_roman(classified: list[_Classified]) -> list[_Classified]:
    """'I.' whose next numbered sibling is '2.' (no 'II.' between) is item 1: OCR reads a '1' as 'I'."""
    out = list(classified)
    for index, (kind, ident, rest) in enumerate(classified):
        if kind != "roman" or ident != "I":
            continue
        following = next(((k, i) for k, i, _ in classified[index + 1:] if k in ("roman", "number")), None)
        if following == ("number", "2"):
            out[index] = ("number", "1", rest)
    return out


# Scraped texts glue an item's label to the line before it: "… tiến bộ 1.1." + "Tổ chức …", or run it mid-line:
# "… và đình công 3.1. Rà soát …"; an upper-case heading ends with its first item's label ("III. TỔ CHỨC 1.").
_GLUED_END = re.compile(r"(?<=[^\W\d])\s+(?P<label>\d{1,2}(?:\.\d{1,2})+\.?)$")
_GLUED_HEADING_END = re.compile(r"(?<=[^\W\d])\s+(?P<label>\d{1,2}\.)$")
_GLUED_MID = re.compile(r"(?<=[^\W\d])\s+(?=\d{1,2}(?:\.\d{1,2})+\.\s+[A-ZĐÀ-Ỹ])")
_CITING = re.compile(r"(?:khoản|mục|điểm|điều|tại|số|và|theo)$", re.I)


def split_glued(paragraphs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Give glued item labels back their own paragraph (plain-text paragraphs only, not docx-numbered ones)."""
    out: list[tuple[str, str | None]] = []
    index = 0
    while index < len(paragraphs):
        text, label = paragraphs[index]
        index += 1
        if label:
            out.append((text, label))
            continue
        pieces = _split_mid(text)
        following = paragraphs[index] if index < len(paragraphs) else None
        tail = _glued_tail(pieces[-1], following)
        if tail is None or following is None:
            out += [(piece, None) for piece in pieces if piece]
            continue
        pieces[-1] = pieces[-1][: tail.start()].rstrip()
        out += [(piece, None) for piece in pieces if piece]
        out.append((f"{tail['label']} {following[0]}", None))
        index += 1  # the next paragraph was the glued item's text
    return out


def _split_mid(text: str) -> list[str]:
    pieces, start = [], 0
    for m in _GLUED_MID.finditer(text):
        if _CITING.search(text[start: m.start()]):
            continue
        pieces.append(text[start: m.start()].rstrip())
        start = m.end()
    return pieces + [text[start:]]


def _glued_tail(text: str, following: tuple[str, str | None] | None) -> re.Match[str] | None:
    """The label glued at the end of text, when the next paragraph is the item's unlabelled text."""
    if following is None or following[1] or not following[0][:1].isupper() or classify(following[0])[0]:
        return None
    m = _GLUED_END.search(text)
    if m and not _CITING.search(text[: m.start()]):
        return m
    m = _GLUED_HEADING_END.search(text)
    if m and text[: m.start()].isupper():
        return m
    return None


def _label_of(kind: str, ident: str | None, paragraph: tuple[str, str | None], rest: str) -> str:
    if paragraph[1]:
        return paragraph[1]
    full = paragraph[0]
    return full[: len(full) - len(rest)].strip() if rest and full.endswith(rest) else (ident or kind)


def _append_text(node: Clause, text: str) -> None:
    if node.heading is None and _is_heading(node.text) and not node.children:
        node.heading, node.text = node.text, text
    else:
        node.text = f"{node.text}\n{text}" if node.text else text


def _finish(node: Clause) -> None:
    """A lone dash item under a heading is the heading's text (it is not a list)."""
    for child in node.children:
        _finish(child)
    dashes = [c for c in node.children if c.kind in ("dash", "plus")]
    if len(node.children) == 1 and len(dashes) == 1 and not dashes[0].children and _is_heading(node.text):
        node.heading = node.heading or node.text
        node.text = dashes[0].text
        node.children = []


_CLOSING = re.compile(
    r"^(Giao|Yêu cầu|Đề nghị|Kính đề nghị|Trên đây|Trong quá trình|Nhận được|Vậy|Trân trọng|Đây là|"
    r"Chỉ thị này|Quyết định này|Công văn này|Kế hoạch này|[^.]{0,80}(thông báo|đề nghị|yêu cầu|kính trình)\b)",
    re.I,
)


def _is_closing(text: str, owner: Clause) -> bool:
    """A paragraph after the last item that is not its continuation: a closing formula, or, after a list item
    (an article's text runs on over paragraphs), a new directive whose subject is a body ('UBND các tỉnh,
    thành phố cần huy động …')."""
    if _CLOSING.match(text):
        return True
    return owner.kind not in ("article", "part", "section") and len(text) > 60 and is_agency_start(text) and \
        bool(_DIRECTS.search(text))


_DIRECTS = re.compile(r"\b(cần|phải|có trách nhiệm|chịu trách nhiệm|có nhiệm vụ|chủ trì|khẩn trương|có kế hoạch)\b")


def absorb_fields(nodes: list[Clause]) -> None:
    """Field lines ('- Đơn vị chủ trì: …', 'Thời gian hoàn thành: …') become the fields of the item they
    belong to (the item above them), never clauses of their own; a field block printed once after several
    items is given to each of those items that has none."""
    for node in nodes:
        absorb_fields(node.children)
        text, inline = split_fields(node.text)
        if text or node.kind in ("dash", "plus", "para"):  # "4. Thời gian: …" is an item, not a field of one
            node.text = text
            _merge(node.fields, inline)
        lines = [child for child in node.children if _field_line_child(child)]
        if {name for child in lines for name in _names(child)} & STRONG:
            for child in lines:
                _merge(node.fields, child.fields if not child.text else
                       split_fields(child.text)[1] or _one_field(child.text))
            node.children = [child for child in node.children if child not in lines]
    _attach_loose_fields(nodes)
    _share_blocks(nodes)
    for node in nodes:
        node.fields = settle(node.fields)


def _field_line_child(node: Clause) -> bool:
    """A dash item that is one or more field lines ('- Đơn vị chủ trì: …', '- Thời gian: …')."""
    return not node.children and node.kind in ("dash", "plus", "para") and \
        (bool(node.fields) and not node.text or field_line(node.text) is not None)


def _names(node: Clause) -> set[str]:
    if node.fields and not node.text:
        return set(node.fields)
    found = field_line(node.text)
    return {found[0]} if found else set()


def _one_field(text: str) -> dict[str, str]:
    found = field_line(text)
    return {found[0]: found[1].strip(" ;.")} if found else {}


def _only_fields(node: Clause) -> bool:
    """A clause that was nothing but field lines (its text is empty once they are taken out)."""
    return not node.children and node.kind in ("dash", "plus", "para") and not node.text and bool(node.fields)


def _merge(into: dict[str, str], more: dict[str, str]) -> None:
    for name, value in more.items():
        into[name] = f"{into[name]}; {value}" if name in into else value


def _attach_loose_fields(nodes: list[Clause]) -> None:
    """A field line printed as a sibling of its item (same level) goes to the item before it."""
    index = 1
    while index < len(nodes):
        node = nodes[index]
        if _only_fields(node):
            _merge(nodes[index - 1].fields, node.fields)
            del nodes[index]
            continue
        index += 1


def _share_blocks(nodes: list[Clause]) -> None:
    """[A, B, C + block]: the block printed after C covers A and B when they have no fields of their own."""
    carry: dict[str, str] | None = None
    kind = None
    for node in reversed(nodes):
        if node.fields:
            carry, kind = node.fields, node.kind
        elif carry is not None and node.kind == kind and not node.children and node.text:
            node.fields = dict(carry)
        else:
            carry = None
