"""The inbox of the review page: stored documents newest first, with their nearest deadlines, filtered by review
state, issuer, deadline window and a search without diacritics (served as GET /v1/inbox)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from congvan.service.original import fold_search
from congvan.service.store import Store

STATES = {"new": "Mới", "reviewed": "Đã kiểm tra"}
DUE = {"week": "Hạn trong tuần này", "overdue": "Quá hạn"}


@dataclass
class InboxFilter:
    """What the inbox shows: review state, issuer, deadline window and a search without diacritics."""

    state: str = ""
    issuer: str = ""
    due: str = ""
    q: str = ""


def inbox_rows(store: Store, wanted: InboxFilter, today: date | None = None) -> list[dict]:
    """The inbox's documents, newest first, filtered by wanted; each with next_deadline (the nearest open
    deadline from today), overdue and this_week (how many open tasks are past their deadline, due by Sunday)."""
    today = today or date.today()
    week_end = today + timedelta(days=6 - today.weekday())
    open_deadlines: dict[str, list[date]] = {}
    leads: dict[str, list[str]] = {}
    for task in store.tasks(today=today):
        leads.setdefault(task["document_id"], []).extend(task["lead"] + task["support"])
        if task["status"] == "open" and task["deadline_date"]:
            open_deadlines.setdefault(task["document_id"], []).append(date.fromisoformat(task["deadline_date"]))
    needle = fold_search(wanted.q)
    rows = []
    for doc in reversed(store.documents()):
        deadlines = sorted(open_deadlines.get(doc["id"], []))
        upcoming = [d for d in deadlines if d >= today]
        doc = {**doc, "overdue": sum(d < today for d in deadlines),
               "next_deadline": upcoming[0].isoformat() if upcoming else None,
               "this_week": sum(today <= d <= week_end for d in deadlines)}
        if wanted.state and doc["review_state"] != wanted.state:
            continue
        if wanted.issuer and (doc["issuer"] or "") != wanted.issuer:
            continue
        if (wanted.due == "week" and not doc["this_week"]) or (wanted.due == "overdue" and not doc["overdue"]):
            continue
        if needle:
            haystack = " ".join(filter(None, [doc["number"], doc["issuer"], doc["subject"], doc["type"],
                                              *leads.get(doc["id"], [])]))
            if needle not in fold_search(haystack):
                continue
        rows.append(doc)
    return rows
