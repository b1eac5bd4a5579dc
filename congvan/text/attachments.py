"""Texts attached after the signature: the kế hoạch, chương trình, quy định, quy chế… a quyết định issues.

A quyết định that issues a text "kèm theo" carries it after its own signature, with its own title
("QUY ĐỊNH", "CHƯƠNG TRÌNH HÀNH ĐỘNG …"), a line "(Ban hành kèm theo Quyết định số … )" and its own
labels. That text is body: the contract gives its items as tasks, with their own clause paths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from congvan.layout import Line
from congvan.text.normalize import fold, is_upper
from congvan.text.zones import NOI_NHAN, PARTY, QUOC_HIEU, SEPARATOR, SIGN_PREFIX, TIEU_NGU

# Types of text a quyết định issues "kèm theo" (title case as output) by their printed title word.
ATTACHED_TYPES = {
    "quy định": "Quy định", "quy chế": "Quy chế", "điều lệ": "Điều lệ", "nội quy": "Nội quy",
    "kế hoạch": "Kế hoạch", "chương trình": "Chương trình", "đề án": "Đề án", "phương án": "Phương án",
    "hướng dẫn": "Hướng dẫn", "danh mục": "Danh mục", "phụ lục": "Phụ lục", "quy trình": "Quy trình",
}
_TITLE = re.compile(r"(?<![^\s(])(" + "|".join(k.upper() for k in ATTACHED_TYPES) + r")(?=\s|$)")
_KEM_THEO = re.compile(r"^\W*\(?\s*(?:ban hành\s+)?kèm theo\b", re.I)
_KEM_THEO_ANY = re.compile(r"\(\s*(?:ban hành\s+)?kèm theo\b", re.I)
_BODY_START = re.compile(r"^\s*(?:Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC|Điều|ĐIỀU)\s+[\dIVXLC]+|^\s*(?:[IVX]+|\d{1,2})[.)]\s")


@dataclass
class Attachment:
    """One attached text: its type ('Kế hoạch'), title, and the lines of its body."""

    type: str
    title: str
    lines: list[Line]


# The body of a quyết định names what it issues: "Ban hành kèm theo Quyết định này Chương trình hành động …".
_ANNOUNCED = re.compile(r"kèm theo (?:quyết định|chỉ thị|nghị quyết|thông tư|văn bản) này\s+(?:là\s+|bản\s+)?"
                        r"(?P<type>" + "|".join(ATTACHED_TYPES) + r")\b")
_PERSON_END = re.compile(r"(?:^|\s)(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+$")


def announced_types(lines: list[Line], start: int) -> set[str]:
    """The types of text the body says it issues "kèm theo" ('Quy định', 'Chương trình')."""
    return {ATTACHED_TYPES[m["type"]] for line in lines[start:] for m in _ANNOUNCED.finditer(fold(line.text))}


def split_glued_title(lines: list[Line], start: int) -> list[Line]:
    """A scrape may run the attached title into the signer's line ('… Nguyễn Văn A CHƯƠNG TRÌNH HÀNH ĐỘNG …'):
    that line is cut before the title when '(Ban hành kèm theo …)' follows or the body announced that type."""
    announced = announced_types(lines, start)
    out = lines[:start]
    for line in lines[start:]:
        m = _TITLE.search(line.text)
        before = line.text[: m.start()].rstrip() if m else ""
        if m and before and not is_upper(before.split()[-1]) and \
                (_KEM_THEO_ANY.search(line.text[m.start():]) or
                 (ATTACHED_TYPES[fold(m.group(1))] in announced and _PERSON_END.search(before))):
            out += [replace(line, text=line.text[: m.start()].strip()),
                    replace(line, text=line.text[m.start():].strip(), column=None)]
        else:
            out.append(line)
    return out


def find_attachments(lines: list[Line], start: int) -> tuple[int, list[Attachment]]:
    """Where the first attached text begins (len(lines) when none) and each attached text after `start`."""
    announced = announced_types(lines, start)
    signed = next((i for i in range(start, len(lines))
                   if SIGN_PREFIX.match(lines[i].text) or NOI_NHAN.match(lines[i].text)), len(lines))
    # an attached text follows the document's own Nơi nhận / signature when it has one (a title quoted in the body
    # before them is not an attachment)
    first = signed if signed < len(lines) else start
    starts = [i for i in range(first, len(lines)) if _opens_attachment(lines, i, announced if i > signed else set())]
    found: list[Attachment] = []
    for n, first in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        found.append(_attachment(lines[first:end]))
    found = [a for a in found if a.lines]
    return (starts[0] if starts else len(lines)), found


def _opens_attachment(lines: list[Line], i: int, announced: set[str]) -> bool:
    """A title line ('QUY ĐỊNH', 'KẾ HOẠCH …') followed within a few lines by '(Ban hành kèm theo …)', or after
    the signature, a title of the type the body announced it issues."""
    text = lines[i].text.strip()
    m = _TITLE.match(text)
    if not m or not is_upper(text.split("(")[0]):
        return False
    if _KEM_THEO_ANY.search(text) or ATTACHED_TYPES[fold(m.group(1))] in announced:
        return True
    return any(_KEM_THEO.match(line.text) for line in lines[i + 1: i + 8])


def _attachment(lines: list[Line]) -> Attachment:
    kind = ATTACHED_TYPES[fold(_TITLE.match(lines[0].text.strip()).group(1))]
    title_parts: list[str] = []
    body_from = len(lines)
    for i, line in enumerate(lines):
        text = line.text.strip()
        if _KEM_THEO_ANY.search(text):
            title_parts.append(text[: _KEM_THEO_ANY.search(text).start()].strip())
            body_from = i + 1
            break
        title_parts.append(text)
    else:
        body_from = next((i for i, line in enumerate(lines) if _BODY_START.match(line.text)), len(lines))
    body = [line for line in lines[body_from:] if not _header_line(line)]
    return Attachment(type=kind, title=" ".join(p for p in title_parts if p), lines=_without_signature(body))


def _header_line(line: Line) -> bool:
    text = line.text.strip()
    return bool(SEPARATOR.fullmatch(text) or QUOC_HIEU.search(text) or TIEU_NGU.search(text) or
                PARTY.search(text) or re.fullmatch(r"\(?\s*[.…_ -]*\s*\)?", text))


def _without_signature(lines: list[Line]) -> list[Line]:
    """An attached text may close with its own signature block (TM./KT. … and a name): not body."""
    for i in range(len(lines) - 1, max(-1, len(lines) - 10), -1):
        if SIGN_PREFIX.match(lines[i].text):
            return lines[:i]
    return lines
