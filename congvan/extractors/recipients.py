"""Kính gửi / Kính mời / a công điện's 'Điện:' list: one entry per addressee, groups expanded."""

from __future__ import annotations

import re

from congvan.data.titles import KNOWN_TITLES
from congvan.extractors.agencies import is_agency_start, split_agencies
from congvan.layout import Line
from congvan.text.zones import DIEN, KINH_GUI

_ITEM = re.compile(r"^\s*[-–+•‒]\s*")
_BLANK = re.compile(r"^[\s.…_]*$")


def items(block: list[Line]) -> list[str]:
    """The printed addressee items of a Kính gửi block (wrapped lines joined)."""
    if not block:
        return []
    first = block[0].text
    m = KINH_GUI.match(first)
    rest = first[m.end():] if m else DIEN.split(first, 1)[-1]
    out: list[str] = []
    for text in [rest] + [line.text for line in block[1:]]:
        text = text.strip()
        if not text:
            continue
        if _ITEM.match(text) or not out or out[-1].rstrip().endswith((";", ".")):
            out.append(_ITEM.sub("", text))
        else:
            out[-1] = f"{out[-1]} {text}"
    return [item.strip(" ;.,") for item in out if item.strip(" ;.,")]


def extract(block: list[Line]) -> tuple[list[str], bool]:
    """Return (recipients, blank) — blank when 'Kính gửi: ……' is left for an attached list."""
    printed = items(block)
    if block and not printed:
        return [], True
    if printed and all(_BLANK.match(item) for item in printed):
        return [], True
    names: list[str] = []
    for item in printed:
        office = _office_of_person(item)
        for name in [office] if office else split_agencies(item):
            if name not in names:
                names.append(name)
    return names, False


# 'Thành phần (mời):' or the inviting sentence '<host> trân trọng kính mời:', its list after it
_INVITEES = re.compile(r"^\W*(?:\d+\s*[.)]\s*)?(?:thành phần(?:\s+(?:mời|tham dự|dự họp))*|"
                       r"[^.;:]{0,100}?\b(?:trân trọng\s+)?kính mời)\s*:\s*", re.I)
# A new section of the invitation: "3. Nội dung:", "Thời gian:", "Địa điểm:", "II. …".
_SECTION = re.compile(r"^\s*(?:(?:\d+|[IVX]+)\s*[.)]\s|[a-zđ]\)\s|[A-ZĐÀ-Ỹ][^:;,.]{0,30}:(?:\s|$))")
_HOST_LINE = re.compile(r"^\W*(?:\d+\s*[.)]\s*)?chủ trì\s*:\s*", re.I)
# "…, Phó Chủ tịch UBND tỉnh chủ trì" / "(chủ trì)" / "- chủ trì hội nghị": who chairs, not an invitee.
_HOSTS = re.compile(r"[\s(,–-]chủ trì(?:\s+(?:hội nghị|cuộc họp|buổi làm việc|họp))?\W*$", re.I)
# The role words before the invited unit: who of it comes ("Đại diện lãnh đạo và Chuyên viên …").
_ROLE = (r"(?:đại diện|lãnh đạo|chuyên viên|cán bộ|công chức|thành viên|thủ trưởng|"
         r"(?:phó\s+)?(?:giám đốc|chủ tịch))")  # not "Trưởng phòng X", "Chánh Văn phòng": heads of the named unit
_ROLES = re.compile(rf"^(?:{_ROLE}(?:\s*(?:,|và|;)\s*|\s*:\s*|\s+))+", re.I)
# "Trưởng phòng, phó trưởng phòng chức năng Sở Y tế": the heads of several units → those units.
_HEADS_OF = re.compile(r"^(?:phó\s+)?trưởng\s+(?P<unit>phòng|ban|khoa)(?:\s*(?:,|và)\s*(?:phó\s+)?trưởng\s+(?P=unit))*"
                       r"\s+(?=(?-i:[a-zà-ỹđ]))", re.I)


# "Đồng chí Hồ Văn A, Ủy viên …, Chủ tịch Ủy ban nhân dân tỉnh X": a leader addressed in the capacity named last.
_PERSON_ADDRESS = re.compile(r"^(?:Đồng chí|Đ/c)\s+(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s*){2,5},\s*(?P<titles>.+)$")
_HEAD_TITLE = re.compile(r"^(?:" + "|".join(re.escape(t) for t in sorted(KNOWN_TITLES, key=len, reverse=True))
                         + r")\s+", re.I)


def _office_of_person(item: str) -> str | None:
    """The body a leader is addressed as the head of ('Đồng chí A, …, Chủ tịch UBND tỉnh X' → 'UBND tỉnh X')."""
    m = _PERSON_ADDRESS.match(item.strip())
    if not m:
        return None
    last = re.split(r"\s*,\s*", m["titles"])[-1]
    head = _HEAD_TITLE.match(last)
    unit = last[head.end():].strip(" ;.") if head else ""
    return unit if unit and is_agency_start(unit) else None


def invitees(body: list[Line]) -> list[str]:
    """A giấy mời without Kính gửi lists its invitees under 'Thành phần (mời):' (dash items, or inline). The host
    who chairs (the 'Chủ trì:' line, an item ending in 'chủ trì') is not an invitee; each item names the unit
    invited, without the role words of who comes from it."""
    hosts = [_person(line.text[m.end():]) for line in body if (m := _HOST_LINE.match(line.text))]
    for index, line in enumerate(body):
        m = _INVITEES.match(line.text)
        if not m:
            continue
        printed: list[str] = [line.text[m.end():]] if line.text[m.end():].strip() else []
        for item in body[index + 1:]:
            text = item.text.strip()
            if _ITEM.match(text):
                printed.append(_ITEM.sub("", text))
            elif printed and not printed[-1].rstrip().endswith((";", ".", ":")) and not _SECTION.match(text):
                printed[-1] = f"{printed[-1]} {text}"  # a wrapped item
            else:
                break
        names: list[str] = []
        for text in printed:
            for name in invitee_names(text, hosts):
                if name not in names:
                    names.append(name)
        if names:  # '… trân trọng kính mời:' may be followed by its 'Thành phần:' list
            return names
    return []


def invitee_names(item: str, hosts: list[str] = ()) -> list[str]:
    """The units one 'Thành phần' item invites: 'Đại diện lãnh đạo các sở, ban, ngành thuộc tỉnh;' → ['Các sở,
    ban, ngành thuộc tỉnh']; a host line → []."""
    item = item.strip(" ;.,")
    if not item or _HOSTS.search(item) or _HOST_LINE.match(item) or (hosts and _person(item) in hosts):
        return []
    if _BLANK.match(item):
        return []
    heads = _HEADS_OF.match(item)
    unit = f"các {heads['unit']} {item[heads.end():]}" if heads else _ROLES.sub("", item)
    if unit != item and not is_agency_start(unit):
        # "… Chuyên viên theo dõi cải cách hành chính Phòng X - Sở Y": the unit starts at its head word
        starts = [m.start() for m in re.finditer(r"(?<=\s)[A-ZĐ]", unit) if is_agency_start(unit[m.start():])]
        unit = unit[starts[0]:] if starts else unit
    unit = unit.strip(" ;.,:")
    if not unit:
        return []
    return split_agencies(unit[:1].upper() + unit[1:])


def _person(text: str) -> str:
    """The key of a person line ('Đồng chí Nguyễn Văn A - Phó Chủ tịch …' → 'đồng chí nguyễn văn a')."""
    return re.split(r"\s[-–]\s|,", text.strip(), maxsplit=1)[0].strip(" .;").casefold()
