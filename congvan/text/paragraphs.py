"""Join the physical lines of a PDF body into paragraphs, using indentation and line ends."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from congvan.layout import Line
from congvan.text.normalize import is_upper

LABEL_START = re.compile(
    r"^\s*(?:(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Điều|ĐIỀU)\s+[\dIVXLC]+|[IVXLC]+\s*[.)]|\d+(?:\.\d+)*\s*[.)]|"
    r"[a-zđ]\s*[.)]|[-–•+*]\s|Nơi nhận)"
)
_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$")


def drop_page_numbers(lines: list[Line]) -> list[Line]:
    """Remove lines that only carry a page number (first or last line of a page)."""
    out = []
    for i, line in enumerate(lines):
        if _PAGE_NUMBER.match(line.text):
            first = i == 0 or lines[i - 1].page != line.page
            last = i + 1 == len(lines) or lines[i + 1].page != line.page
            if first or last:
                continue
        out.append(line)
    return out


def join_paragraphs(lines: list[Line]) -> list[Line]:
    """Merge wrapped lines (only lines with positions; others are paragraphs already)."""
    if not lines or all(line.x0 is None for line in lines):
        return lines
    margin = Counter(round(line.x0 or 0) // 4 for line in lines if line.x0 is not None).most_common(1)[0][0] * 4
    right = max((line.x1 or 0) for line in lines)
    out: list[Line] = []
    for line in lines:
        if out and _continues(out[-1], line, margin, right):
            prev = out[-1]
            out[-1] = replace(prev, text=_join(prev.text, line.text), x1=line.x1, top=line.top, page=line.page)
        else:
            out.append(line)
    return out


# "… tại Phần" / "IV cho phù hợp …", "… quy định tại" / "Điều 22 Luật Bảo hiểm y tế …": a part or article named
# mid-sentence at a line's start, not a heading (which has its title, a full stop or capitals after the number)
_CITED_PART = re.compile(r"^\s*(?:Phần|Chương|Mục|Điều)\s+[\dIVXLC]+\s+(?:[a-zà-ỹđ]|(?:Luật|Bộ luật|Nghị định|Thông tư|"
                         r"Quyết định|Nghị quyết|Hiến pháp|Phần|Chương|Mục)\b)")


def _continues(prev: Line, line: Line, margin: float, right: float) -> bool:
    if line.x0 is None or prev.x0 is None or line.x0 > margin + 12:
        return False
    prev_full = (prev.x1 or 0) >= right - 40
    prev_closed = prev.text.rstrip().endswith((".", ":", ";"))
    if LABEL_START.match(line.text):
        return bool(_CITED_PART.match(line.text)) and prev_full and not prev_closed
    if line.column == "right" and prev.column != "right":
        return False
    if prev_closed and not prev_full:
        return False
    if (prev.x1 or 0) < margin + 0.6 * (right - margin) and line.text.lstrip()[:1].isupper():
        return False  # a line ending far short of the margin ends its paragraph ('- Điện thoại: 0912…')
    if not prev_full and is_upper(prev.text) and not is_upper(line.text):
        return False  # a short capitals heading ("I. MỤC ĐÍCH, YÊU CẦU") before its text
    if line.page == prev.page and line.top is not None and prev.top is not None and line.top - prev.top > 40:
        return False
    return True


def _join(left: str, right: str) -> str:
    if left.endswith("-") and not left.endswith(" -"):
        return left + right
    return left + " " + right
