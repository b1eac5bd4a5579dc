"""Invitations: one attendance task led by the invitees, on the meeting day (the contract's rule for a giấy
mời, or a công điện / công văn / thông báo that invites)."""

from __future__ import annotations

import re
from datetime import date

from congvan.extractors.clauses import Clause
from congvan.extractors.context import Context
from congvan.extractors.task_fields import shorten
from congvan.extractors.task_words import INVITE, MEETING_TIME
from congvan.text.normalize import fold

_HOLDS_MEETING = re.compile(r"\btổ chức\s+(cuộc\s+|buổi\s+)?(họp|hội nghị|làm việc|hội thảo|tọa đàm|giao ban)\b")


def meeting_task(tree: list[Clause], ctx: Context) -> dict | None:
    """An invitation gives one attendance task led by the invitees, on the meeting date."""
    if (ctx.doc_type or "") not in ("Giấy mời", "Công điện", "Công văn", "Thông báo"):
        return None
    nodes = [n for root in tree for n in root.walk()]
    invite = next((n for n in nodes if INVITE.search(n.text) and "mời" in fold(n.text)), None)
    if invite is None and (ctx.doc_type or "") == "Giấy mời":  # "UBND tỉnh tổ chức cuộc họp …, cụ thể như sau:"
        invite = next((n for n in nodes if _HOLDS_MEETING.search(fold(n.text))), None) or \
            next((n for n in nodes if MEETING_TIME.search(n.text)), None)
    if invite is None:
        return None
    if (ctx.doc_type or "") != "Giấy mời" and not re.search(r"(trân trọng|kính)\s+(kính\s+)?mời", fold(invite.text)):
        return None
    when, hour = _meeting_time([invite] + nodes)
    return {
        "id": f"{ctx.number or 'document'}#meeting",
        "clause": "meeting",
        "title": meeting_title(_what(nodes, invite, ctx.subject), when, hour),
        "description": invite.text.strip(),
        "lead": list(ctx.recipients),
        "support": [],
        "deadline": {"date": when, "kind": "on", "text": "ngày họp"} if when else None,
        "recurrence": None,
        "report_to": None,
    }


_DATE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")
_HOUR = re.compile(r"\b(\d{1,2}\s*(?:h|giờ)(?:\s*\d{2}(?:\s*phút)?)?)(?!\w)", re.I)


def _meeting_time(nodes: list[Clause]) -> tuple[str | None, str | None]:
    """(ISO date, printed hour) of the meeting: a 'Thời gian: … ngày …' / 'vào lúc …' phrase anywhere first (a date
    in the invite sentence may be a cited letter's), then the first full date."""
    for pattern in (MEETING_TIME, _DATE):
        for n in nodes:
            for m in pattern.finditer(n.text):
                try:
                    when = date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
                except ValueError:
                    continue
                hour = _HOUR.search(m.group(0)) if pattern is MEETING_TIME else None
                return when, re.sub(r"\s+", " ", hour.group(1)) if hour else None
    return None, None


_CONTENT = re.compile(r"^\W*(?:\d+\s*[.)]\s*)?(?:nội dung(?:\s+(?:cuộc họp|họp|hội nghị|làm việc))?)\s*:\s*", re.I)
_MEETING_WORDS = (r"(?:cuộc\s+|buổi\s+)?(?:họp|hội nghị|hội thảo|tọa đàm|giao ban|làm việc|phiên họp|lễ|"
                  r"buổi làm việc|kỳ họp|đối thoại)")
_HOLDS = re.compile(rf"\b(?:tổ chức|dự|tham dự|đến dự)\s+(?P<what>{_MEETING_WORDS}\b.*)", re.I)
_WHAT_END = re.compile(r"\s*(?:,\s*cụ thể|\bdo\s+(?:đồng chí|đ/c|ông|bà)\b|\b(?:vào lúc|vào hồi|lúc)\s+\d|"
                       r"\bthời gian\s*:|\btại\s+(?:hội trường|phòng họp|trụ sở)|[.;:(]|,\s*(?:thời gian|địa điểm))",
                       re.I)


def _what(nodes: list[Clause], invite: Clause, subject: str | None) -> str:
    """What meeting: the 'Nội dung:' line, else the meeting the invite sentence names, else the subject."""
    for n in nodes:
        m = _CONTENT.match(n.text)
        if m and n.text[m.end():].strip():
            return _cut_what(n.text[m.end():])
    for n in [invite] + nodes:
        m = _HOLDS.search(re.sub(r"\s+", " ", n.text))
        if m:
            return _cut_what(m.group("what"))
    if subject:
        return _cut_what(subject)
    return "họp"


def _cut_what(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    m = _WHAT_END.search(text, 4)
    text = text[: m.start()] if m else text
    text = re.sub(r"^(?:dự|tham dự|mời dự)\s+", "", text.strip(" ,.;:"), flags=re.I)
    return text


def meeting_title(what: str, when: str | None, hour: str | None) -> str:
    """'Dự Hội nghị tổng kết … (14h00 ngày 22/01/2026)': what meeting and when, one line, at most ~100 characters
    with the time kept whole."""
    if re.match(rf"^{_MEETING_WORDS}\b", what, re.I) and not re.match(r"^(?:Hội nghị|Hội thảo|Phiên họp|Kỳ họp)",
                                                                     what):
        what = what[:1].lower() + what[1:]  # "Họp đánh giá …" → "Dự họp đánh giá …"; a named "Hội nghị" keeps its case
    when_text = ""
    if when:
        day = date.fromisoformat(when).strftime("%d/%m/%Y")
        when_text = f" ({hour} ngày {day})" if hour else f" (ngày {day})"
    return shorten(f"Dự {what}", 100 - len(when_text)) + when_text


_OTHER_WORK = re.compile(r"\b(chuẩn bị|báo cáo|gửi|đăng ký|cử|tải|nộp|cung cấp|phát biểu|tham luận)\b")
_BARE_INVITE = re.compile(r"^[^.;:]{0,80}\b(trân trọng\s+)?kính mời\s*:?\W*$")
_ASKS_TO_ATTEND = re.compile(r"^\W*(kính |trân trọng )?(đề nghị|rất mong|mong|yêu cầu)\b[^.;]{0,120}?"
                             r"\b(dự|tham dự|có mặt|đến dự)\b")


def repeats_invitation(text: str) -> bool:
    """'Đề nghị các đồng chí dự họp đúng thành phần, thời gian …' or a bare '… trân trọng kính mời:': the
    invitation said again, not a task of its own (the meeting task is it)."""
    key = fold(text)
    if _BARE_INVITE.match(key):
        return True
    return bool(_ASKS_TO_ATTEND.match(key)) and not _OTHER_WORK.search(key)
