"""Invitations: one attendance task led by the invitees, on the meeting day (the contract's rule for a giấy
mời, or a công điện / công văn / thông báo that invites)."""

from __future__ import annotations

import re
from datetime import date

from congvan.extractors.clauses import Clause
from congvan.extractors.context import Context
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
    when = None
    for n in [invite] + nodes:
        m = MEETING_TIME.search(n.text) or re.search(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", n.text)
        if m:
            try:
                when = date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
            except ValueError:
                continue
            break
    return {
        "id": f"{ctx.number or 'document'}#meeting",
        "clause": "meeting",
        "title": "Dự họp" if "họp" in fold(invite.text) else "Tham dự",
        "description": invite.text.strip(),
        "lead": list(ctx.recipients),
        "support": [],
        "deadline": {"date": when, "kind": "on", "text": "ngày họp"} if when else None,
        "recurrence": None,
        "report_to": None,
    }
