"""iCalendar (RFC 5545): one VTODO per document and one per task, written with the ``icalendar`` library.

* Document VTODO: UID = uuid5 of the document identity, SUMMARY = type + number + subject, ORGANIZER =
  the issuer, CATEGORIES = the type, X-CONGVAN-NUMBER / X-CONGVAN-SHA256.
* Task VTODO: UID = uuid5 of identity + task id, SUMMARY = title, DESCRIPTION = full text + source,
  DUE;VALUE=DATE = the deadline, ATTENDEE;ROLE=CHAIR for each lead and ROLE=REQ-PARTICIPANT for each
  supporting agency (CUTYPE=GROUP, CN = the name, value ``urn:x-congvan:agency:<slug>`` since agencies
  have no e-mail), RELATED-TO;RELTYPE=PARENT = the document's UID, X-CONGVAN-CLAUSE / X-CONGVAN-TASK-ID.
* Recurrence: daily/weekly/monthly/quarterly/every N months/yearly become an RRULE anchored on a
  DTSTART;VALUE=DATE (the document date, or the deadline when earlier; "trước ngày 15 hằng tháng" adds
  BYMONTHDAY=15 and starts on the first 15th). Without any date to anchor it,
  and for "continuous", there is no RRULE: the task gets X-CONGVAN-RECURRENCE and a CATEGORIES word.
* PRIORITY from the document's urgency: Hỏa tốc 1, Thượng khẩn 2, Khẩn 3 (omitted otherwise).
* DTSTAMP is the document date at 00:00 UTC (2000-01-01 when it has none), so output is deterministic.
* STATUS:NEEDS-ACTION everywhere. icalendar folds lines at 75 octets without splitting a UTF-8 character.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone

from icalendar import Calendar, Todo, vCalAddress, vText

from congvan.exporters import (
    EPOCH,
    clause_label,
    document_date,
    document_label,
    document_of,
    document_tasks,
    document_uid,
    due_date,
    one_line,
    recurrence_vi,
    slug,
    source_line,
    task_body,
    unique_documents,
    urgency_rank,
)

MEDIA_TYPE = "text/calendar; charset=utf-8"
EXTENSION = ".ics"
PRODID = "-//congvan//congvan task exporter//VI"
AGENCY_URN = "urn:x-congvan:agency:"

RRULES: dict[str, dict] = {
    "daily": {"FREQ": "DAILY"},
    "weekly": {"FREQ": "WEEKLY"},
    "monthly": {"FREQ": "MONTHLY"},
    "quarterly": {"FREQ": "MONTHLY", "INTERVAL": 3},
    "every 6 months": {"FREQ": "MONTHLY", "INTERVAL": 6},
    "yearly": {"FREQ": "YEARLY"},
    "annually": {"FREQ": "YEARLY"},
}
_EVERY_RE = re.compile(r"every (\d+) (day|week|month|year)s?")
_FREQ = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
_MONTH_DAY_RE = re.compile(r"ngày\s+(\d{1,2})\s+(?:của\s+)?(?:hằng|hàng|mỗi)\s+(?:tháng|quý)", re.IGNORECASE)


def rrule_for(recurrence: str | None) -> dict | None:
    """The RRULE of a contract recurrence value ("quarterly" → FREQ=MONTHLY;INTERVAL=3); None if not periodic."""
    if not recurrence:
        return None
    if recurrence in RRULES:
        return dict(RRULES[recurrence])
    match = _EVERY_RE.fullmatch(recurrence.strip().lower())
    if not match:
        return None
    rule: dict = {"FREQ": _FREQ[match.group(2)]}
    if int(match.group(1)) > 1:
        rule["INTERVAL"] = int(match.group(1))
    return rule


def dtstamp(result: dict) -> datetime:
    """The document date at 00:00 UTC (2000-01-01 when undated): deterministic, unlike "now"."""
    return datetime.combine(document_date(result) or EPOCH, time(0, 0), tzinfo=timezone.utc)


def agency_address(name: str, role: str) -> vCalAddress:
    """An agency as a calendar user: CUTYPE=GROUP, CN=<name>, value urn:x-congvan:agency:<slug>."""
    address = vCalAddress(AGENCY_URN + slug(name))
    address.params["CN"] = vText(one_line(name).replace('"', "'"))
    address.params["CUTYPE"] = "GROUP"
    if role:
        address.params["ROLE"] = role
    return address


def _common(todo: Todo, result: dict, uid: str) -> None:
    """Properties every VTODO of a document carries."""
    todo.add("uid", uid)
    todo.add("dtstamp", dtstamp(result))
    todo.add("status", "NEEDS-ACTION")
    rank = urgency_rank(result)
    if rank:
        todo.add("priority", rank)
    issuer = document_of(result).get("issuer")
    if issuer:
        todo.add("organizer", agency_address(issuer, ""))


def document_todo(result: dict) -> Todo:
    """The VTODO standing for the document itself (the parent of its tasks)."""
    doc = document_of(result)
    todo = Todo()
    _common(todo, result, document_uid(result))
    summary = document_label(result)
    if doc.get("subject"):
        summary += f": {one_line(doc['subject'])}"
    todo.add("summary", summary)
    todo.add("description", "\n".join(filter(None, [source_line(result), doc.get("subject")])))
    if doc.get("type"):
        todo.add("categories", [doc["type"]])
    if doc.get("number"):
        todo.add("x-congvan-number", doc["number"])
    sha = (result.get("source") or {}).get("sha256")
    if sha:
        todo.add("x-congvan-sha256", sha)
    return todo


def month_day(task: dict) -> int | None:
    """The day a monthly-type deadline names ("trước ngày 15 hằng tháng" → 15), when 1–28."""
    match = _MONTH_DAY_RE.search((task.get("deadline") or {}).get("text") or "")
    return int(match.group(1)) if match and 1 <= int(match.group(1)) <= 28 else None


def _next_day_of_month(start: date, day: int) -> date:
    """The first date on or after ``start`` that falls on ``day`` of a month."""
    return start.replace(day=day) if start.day <= day else (start.replace(day=1) + timedelta(days=32)).replace(day=day)


def _add_recurrence(todo: Todo, result: dict, task: dict, due: date | None) -> None:
    """RRULE + DTSTART for periodic tasks with a date to anchor on; an X- flag and a category always."""
    recurrence = task.get("recurrence")
    if not recurrence:
        return
    todo.add("x-congvan-recurrence", recurrence)
    todo.add("categories", [recurrence_vi(recurrence)])
    rule = rrule_for(recurrence)
    anchors = [d for d in (document_date(result), due) if d]
    if not (rule and anchors):
        return
    start = min(anchors)
    day = month_day(task)
    if rule["FREQ"] == "MONTHLY" and day and not due:
        rule["BYMONTHDAY"] = day
        start = _next_day_of_month(start, day)
    todo.add("dtstart", start)
    todo.add("rrule", rule)


def task_todo(result: dict, uid: str, task: dict) -> Todo:
    """The VTODO of one task."""
    todo = Todo()
    _common(todo, result, uid)
    todo.add("summary", one_line(task.get("title") or task.get("description") or clause_label(task.get("clause"))))
    todo.add("description", task_body(result, task))
    due = due_date(task)
    if due:
        todo.add("due", due)
    for name in task.get("lead") or []:
        todo.add("attendee", agency_address(name, "CHAIR"))
    for name in task.get("support") or []:
        todo.add("attendee", agency_address(name, "REQ-PARTICIPANT"))
    todo.add("related-to", document_uid(result), parameters={"RELTYPE": "PARENT"})
    _add_recurrence(todo, result, task, due)
    if task.get("clause"):
        todo.add("x-congvan-clause", task["clause"])
    if task.get("id"):
        todo.add("x-congvan-task-id", task["id"])
    return todo


def calendar(documents: list[dict]) -> Calendar:
    """A VCALENDAR with a VTODO for each distinct document followed by its tasks."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    for result in unique_documents(documents):
        cal.add_component(document_todo(result))
        for uid, task in document_tasks(result):
            cal.add_component(task_todo(result, uid, task))
    return cal


def export(documents: list[dict]) -> bytes:
    """The .ics file (UTF-8, CRLF line ends, folded lines)."""
    return calendar(documents).to_ical()
