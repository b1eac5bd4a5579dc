"""Taskwarrior: JSON for ``task import``: an array with one task object per line, as ``task export`` writes.

Taskwarrior 2.6 and 3.x read an array as well as one object per line; the array is also plain JSON.

Each task has:

* ``uuid``: uuid5, stable, so a re-import updates the task instead of adding a copy;
* ``status: pending`` and ``entry``: the document date at 00:00 UTC (2000-01-01 if undated);
* ``description``: the title, on one line;
* ``due``: the deadline, at the end of that day in Vietnam (23:59:59 UTC+7 = 16:59:59Z);
* ``project``: the issuer's slug, under its parent's (``bo-tai-chinh.tong-cuc-thue``);
* ``tags``: ``chu_tri_<slug>`` per lead, ``phoi_hop_<slug>`` per supporting agency;
* ``priority: H`` for urgent documents (Khẩn, Thượng khẩn, Hỏa tốc);
* ``annotations``: source document and clause, deadline as printed, report-to and the full text, their
  ``entry`` stamps one second apart (taskwarrior 2.6 keys annotations by time).

All times are UTC in the basic ``YYYYMMDDTHHMMSSZ`` form.

Recurring tasks get no ``recur``: taskwarrior turns such a task into a template, back-fills every missed
instance since the due date, and regenerates them when the same file is imported again (observed on
2.6.2), and recurring deadlines in the contract carry no date anyway. They get tags instead:
``recurring`` and ``recur_<value>`` (``recur_monthly``, ``recur_every_6_months``, ``recur_continuous``).
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone

from congvan.exporters import (
    EPOCH,
    clause_label,
    deadline_text,
    document_date,
    document_of,
    document_tasks,
    due_date,
    one_line,
    slug,
    source_line,
    unique_documents,
)

MEDIA_TYPE = "application/json"
EXTENSION = ".json"
#: Vietnam (UTC+7, no daylight saving): a date-only deadline falls due at the end of that day there.
VIETNAM = timezone(timedelta(hours=7))
END_OF_DAY = time(23, 59, 59)


def stamp(moment: datetime) -> str:
    """A moment as taskwarrior's UTC basic form: 20240305T000000Z."""
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def entry_time(result: dict) -> datetime:
    """The document date at 00:00 UTC (2000-01-01 when undated)."""
    return datetime.combine(document_date(result) or EPOCH, time(0, 0), tzinfo=timezone.utc)


def due_time(day: date) -> datetime:
    """The end of a deadline day in Vietnam."""
    return datetime.combine(day, END_OF_DAY, tzinfo=VIETNAM)


def project(result: dict) -> str | None:
    """Issuer slug, below the parent issuer's when there is one ("tong-cuc-thue", "bo-tai-chinh.tong-cuc-thue")."""
    doc = document_of(result)
    parts = [slug(name) for name in (doc.get("parent_issuer"), doc.get("issuer")) if name]
    return ".".join(parts) or None


def tags(task: dict) -> list[str]:
    """Single-word tags: chu_tri_<slug>, phoi_hop_<slug>, and recurring/recur_<value> for periodic tasks."""
    out = [f"chu_tri_{slug(name, '_')}" for name in task.get("lead") or []]
    out += [f"phoi_hop_{slug(name, '_')}" for name in task.get("support") or []]
    if task.get("recurrence"):
        out += ["recurring", f"recur_{slug(task['recurrence'], '_')}"]
    return list(dict.fromkeys(out))


def annotations(result: dict, task: dict) -> list[dict]:
    """Source document + clause, deadline and full text, one second apart from the entry time."""
    texts = [f"Nguồn: {source_line(result)}" + (f", {clause_label(task['clause'])}" if task.get("clause") else "")]
    if deadline_text(task):
        texts.append(f"Thời hạn: {deadline_text(task)}")
    if task.get("report_to"):
        texts.append(f"Báo cáo về: {one_line(task['report_to'])}")
    if task.get("description") and one_line(task["description"]) != one_line(task.get("title") or ""):
        texts.append(f"Nội dung: {one_line(task['description'])}")
    start = entry_time(result)
    return [{"entry": stamp(start + timedelta(seconds=i)), "description": one_line(text)}
            for i, text in enumerate(texts)]


def task_object(result: dict, uid: str, task: dict) -> dict:
    """One task as ``task import`` reads it."""
    obj: dict = {
        "uuid": uid,
        "status": "pending",
        "entry": stamp(entry_time(result)),
        "description": one_line(task.get("title") or task.get("description") or task.get("id") or uid),
    }
    due = due_date(task)
    if due:
        obj["due"] = stamp(due_time(due))
    if project(result):
        obj["project"] = project(result)
    if document_of(result).get("urgency"):
        obj["priority"] = "H"
    if tags(task):
        obj["tags"] = tags(task)
    obj["annotations"] = annotations(result, task)
    return obj


def export(documents: list[dict]) -> bytes:
    """A JSON array, one task object per line, UTF-8."""
    lines = [
        json.dumps(task_object(result, uid, task), ensure_ascii=False)
        for result in unique_documents(documents)
        for uid, task in document_tasks(result)
    ]
    return ("[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n").encode("utf-8")
