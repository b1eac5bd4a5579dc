"""Row and time helpers shared by Store and its parts (store_tokens, store_review): a pipeline result as rows,
rows as the API returns them, task states, audit entries; and StorePart, the parts' base."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from congvan.service.tables import audit_table, task_table

STATES = ("done_on_time", "done_late", "open_in_time", "open_overdue")
LOCAL_ACTOR = {"id": None, "name": "local"}  # writes made without a token (command line, library)
_T = TypeVar("_T")


class StorePart:
    """The base of Store's parts (mixins): what they use of Store, its engine and its serialised, retried writes."""

    engine: Engine

    if TYPE_CHECKING:
        def _insert(self, table: sa.Table) -> Any: ...

        def _write(self) -> AbstractContextManager[Connection]: ...

        def _retry(self, attempt: Callable[[], _T]) -> _T: ...


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def fold(text: str | None) -> str:
    """NFC, case-folded, single-spaced text for comparisons."""
    return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())


def _audit(conn: Connection, actor: dict | None, action: str, *, document_id: str | None = None,
           task_id: str | None = None, detail: dict | None = None) -> None:
    """One audit entry, inside the caller's (serialised) write transaction."""
    actor = actor or LOCAL_ACTOR
    seq = conn.execute(sa.select(sa.func.coalesce(sa.func.max(audit_table.c.seq), 0))).scalar() + 1
    conn.execute(audit_table.insert().values(seq=seq, at=_now(), token_id=actor.get("id"),
                                             token_name=actor.get("name") or "", action=action,
                                             document_id=document_id, task_id=task_id, detail=detail or {}))


def _document_row(result: dict) -> dict:
    """The documents row for a pipeline result."""
    sha = (result.get("source") or {}).get("sha256") or ""
    if len(sha) != 64:
        raise ValueError("result has no source.sha256")
    doc = result.get("document") or {}
    number, iso = doc.get("number"), doc.get("date")
    key = "|".join((fold(doc.get("issuer")), fold(number), iso)) if number and iso else None
    doc_id = sha[:16]
    return {"id": doc_id, "sha256": sha, "doc_key": key, "issuer": doc.get("issuer"), "number": number,
            "date": _iso(iso), "type": doc.get("type"), "subject": doc.get("subject"),
            "json": {k: v for k, v in result.items() if k != "id"}, "created_at": _now()}


def _task_rows(doc_id: str, items: list[dict]) -> list[dict]:
    """The tasks rows for a document's tasks; a clause seen twice gets a "~2" suffix to keep ids unique."""
    rows, seen = [], set()
    for item in items:
        clause = str(item.get("clause") or "")
        task_id, n = f"{doc_id}-{clause}", 1
        while task_id in seen:
            n += 1
            task_id = f"{doc_id}-{clause}~{n}"
        seen.add(task_id)
        lead, support = list(item.get("lead") or []), list(item.get("support") or [])
        rows.append({"id": task_id, "document_id": doc_id, "clause": clause, "title": item.get("title"),
                     "lead": lead, "support": support, "lead_key": "\n".join(fold(x) for x in lead),
                     "deadline_date": _iso((item.get("deadline") or {}).get("date")),
                     "recurrence": item.get("recurrence"), "status": "open", "done_at": None})
    return rows


def _public(doc_id: str, data: dict | str) -> dict:
    """The document as the API returns it: "id" first, then the pipeline's JSON."""
    if isinstance(data, str):
        data = json.loads(data)
    return {"id": doc_id, **data}


def task_state(status: str, deadline: date | None, done_at: date | None, today: date) -> str:
    """One of STATES: done on time / late from done_at vs deadline, open in time / overdue from today."""
    if status == "done":
        return "done_late" if deadline and done_at and done_at > deadline else "done_on_time"
    return "open_overdue" if deadline and today > deadline else "open_in_time"


def _state_clause(state: str, today: date) -> sa.ColumnElement[bool]:
    """The SQL condition equivalent to task_state(...) == state."""
    t = task_table.c
    done, is_open = t.status == "done", t.status == "open"
    if state == "done_late":
        return sa.and_(done, t.deadline_date.is_not(None), t.done_at > t.deadline_date)
    if state == "done_on_time":
        return sa.and_(done, sa.or_(t.deadline_date.is_(None), t.done_at.is_(None), t.done_at <= t.deadline_date))
    if state == "open_overdue":
        return sa.and_(is_open, t.deadline_date.is_not(None), t.deadline_date < today)
    if state == "open_in_time":
        return sa.and_(is_open, sa.or_(t.deadline_date.is_(None), t.deadline_date >= today))
    raise ValueError(f"unknown state {state!r}; expected one of {', '.join(STATES)}")


def _task_view(row: Any, today: date) -> dict:
    """A tasks row as the API returns it, with its derived state."""
    return {
        "id": row.id, "document_id": row.document_id, "clause": row.clause, "title": row.title,
        "lead": row.lead, "support": row.support,
        "deadline_date": row.deadline_date.isoformat() if row.deadline_date else None,
        "recurrence": row.recurrence, "status": row.status,
        "done_at": row.done_at.isoformat() if row.done_at else None,
        "state": task_state(row.status, row.deadline_date, row.done_at, today), "seq": row.added_seq,
    }
