"""The body as a clause tree: Phần/Chương/Mục/Điều, khoản '1.', điểm 'a)', dash and plus items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

VI_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("part", re.compile(r"^(?:Phần|PHẦN|Chương|CHƯƠNG)\s+(?P<id>[IVXLC]+|\d+)\b[.:]?\s*", re.U)),
    ("section", re.compile(r"^(?:Mục|MỤC)\s+(?P<id>[IVXLC]+|\d+)\b[.:]?\s*")),
    ("article", re.compile(r"^(?:Điều|ĐIỀU)\s+(?P<id>\d+[a-z]?)\s*[.:]\s*")),
    ("roman", re.compile(r"^(?P<id>(?=[IVX])" + _ROMAN + r")\s*[.)]\s+")),
    ("number", re.compile(r"^(?P<id>\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]\s*(?=\S)")),
    ("letter", re.compile(rf"^(?P<id>[{VI_LETTERS}])\s*\)\s*|^(?P<id2>[{VI_LETTERS}])\.\s+(?=[A-ZĐÀ-Ỹ])")),
    ("dash", re.compile(r"^[-–—‒•·▪]\s*(?=\S)")),
    ("plus", re.compile(r"^\+\s*(?=\S)")),
]
RANK = {"part": 0, "section": 1, "roman": 2, "article": 3, "number": 4, "letter": 8, "dash": 9, "plus": 10}


@dataclass
class Clause:
    path: str
    label: str | None
    kind: str
    heading: str | None
    text: str
    children: list[Clause] = field(default_factory=list)
    rank: float = 0.0

    def to_dict(self) -> dict:
        return {"path": self.path, "label": self.label, "heading": self.heading, "text": self.text,
                "children": [c.to_dict() for c in self.children]}

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
    classified = [classify(text, label) for text, label in paragraphs]
    last_labelled = max((i for i, c in enumerate(classified) if c[0]), default=-1)
    for index, (kind, ident, rest) in enumerate(classified):
        if kind is None:
            owner = stack[-1] if stack else None
            if owner is not None and (index < last_labelled or not _is_closing(rest)):
                _append_text(owner, rest)
                continue
            node = Clause(path=f"p{len(roots) + 1}", label=None, kind="para", heading=None, text=rest, rank=-1)
            roots.append(node)
            stack = []
            continue
        rank = _rank(kind, ident)
        while stack and stack[-1].rank >= rank:
            stack.pop()
        parent = stack[-1] if stack else None
        siblings = parent.children if parent else roots
        if kind in ("dash", "plus"):
            position = sum(1 for s in siblings if s.kind == kind) + 1
            ident = str(position)
        path_id = ident or ""
        path = f"{parent.path}.{path_id}" if parent else path_id
        label = _label_of(kind, ident, paragraphs[index], rest)
        node = Clause(path=path, label=label, kind=kind, heading=None, text=rest, rank=rank)
        siblings.append(node)
        stack.append(node)
    for root in roots:
        _finish(root)
    return roots


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


def _is_closing(text: str) -> bool:
    return bool(_CLOSING.match(text))
