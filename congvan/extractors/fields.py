"""Field lines of plan items: 'Đơn vị chủ trì:', 'Đơn vị phối hợp:', 'Thời gian thực hiện:', 'Sản phẩm:'.

A kế hoạch or chương trình gives each action item its unit, partners, time and product in labelled lines under
the item (own line, dash list, or run into the item's last sentence). These lines are not tasks; they are the
item's fields. The labels follow the forms Nghị định 30/2020's plans use and the contract lists.
"""

from __future__ import annotations

import re

from congvan.text.normalize import fold

_UNIT = r"(?:cơ quan\s*,\s*đơn vị|cơ quan\s*\(\s*đơn vị\s*\)|cơ quan\s*/\s*đơn vị|đơn vị|cơ quan|bộ phận)"
# Each field's label forms (on folded text), most specific first.
LABELS: dict[str, str] = {
    "lead": (rf"{_UNIT}\s+(?:chủ trì(?:\s+thực hiện)?|thực hiện(?:\s+chính)?|chịu trách nhiệm(?:\s+thực hiện)?|"
             rf"được giao(?:\s+thực hiện)?)|chủ trì thực hiện|trách nhiệm thực hiện"),
    "support": rf"{_UNIT}\s+phối hợp(?:\s+thực hiện)?|phối hợp(?:\s+thực hiện)?",
    "time": (r"thời gian\s+(?:thực hiện|hoàn thành|triển khai)|thời hạn\s+(?:hoàn thành|thực hiện)|"
             r"tiến độ\s+(?:thực hiện|hoàn thành)|thời điểm hoàn thành"),
    # a bare "Thời gian:" is also a meeting's time in an invitation: a field only beside a unit or time line
    "when": r"thời gian|thời hạn|tiến độ",
    "product": r"sản phẩm(?:\s+(?:đầu ra|chính))?|kết quả\s*/\s*sản phẩm|kết quả đầu ra|hình thức sản phẩm",
    "funding": r"(?:nguồn\s+)?kinh phí(?:\s+thực hiện)?",
}
_ANY = "|".join(f"(?P<{name}>{pattern})" for name, pattern in LABELS.items())
# A field label opens the text (after a bullet) or follows a sentence end, a semicolon or a dash.
_LINE = re.compile(rf"^[\s\-–—+*•·]*(?:{_ANY})\s*:\s*")
_INLINE = re.compile(rf"(?:(?<=[.;])\s+|\s+[-–—*]\s*|\n[\s\-–—+*•·]*)(?:{_ANY})\s*:\s*")


def _key(text: str) -> str:
    """The folded text when folding keeps every offset (it does on cleaned text), else a plain casefold."""
    key = fold(text)
    return key if len(key) == len(text) else text.casefold()


def field_line(text: str) -> tuple[str, str] | None:
    """('lead', 'Sở X chủ trì, …') when the whole text is one field line (or starts with one)."""
    m = _LINE.match(_key(text))
    if not m:
        return None
    return m.lastgroup or "", text[m.end():].strip()


def split_fields(text: str) -> tuple[str, dict[str, str]]:
    """The item's own text and its fields: '… ; - Cơ quan thực hiện: X - Thời gian thực hiện: Y' →
    ('…', {'lead': 'X', 'time': 'Y'}). Field values keep their printed form; a repeated field is joined."""
    key = _key(text)
    starts: list[tuple[int, int, str]] = []
    first = _LINE.match(key)
    if first:
        starts.append((0, first.end(), first.lastgroup or ""))
    for m in _INLINE.finditer(key):
        if not first or m.start() >= first.end():
            starts.append((m.start(), m.end(), m.lastgroup or ""))
    if not starts or not {name for _, _, name in starts} & STRONG:
        return text, {}
    fields: dict[str, str] = {}
    for index, (_, value_start, name) in enumerate(starts):
        value_end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        value = text[value_start:value_end].strip(" ;.\n-–—")
        if value:
            fields[name] = f"{fields[name]}; {value}" if name in fields else value
    return text[: starts[0][0]].rstrip(" ;\n-–—"), fields


def is_field_line(text: str) -> bool:
    return field_line(text) is not None


STRONG = {"lead", "support", "time"}  # a block with one of these is an item's field block


def settle(fields: dict[str, str]) -> dict[str, str]:
    """A field block as the task sees it: a bare time line ('when') is the item's time when no qualified one."""
    out = {name: value for name, value in fields.items() if name != "when"}
    if "when" in fields:
        out.setdefault("time", fields["when"])
    return out
