"""Store's part for the review page: uploaded originals, revisions of corrected documents and review states."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from congvan.service.store_rows import StorePart, _audit, _aware, _document_row, _now, _public, _task_rows
from congvan.service.tables import doc_table, originals_table, reviews_table, revisions_table, task_table

EXTRACTION_AUTHOR = "congvan"  # the author of revision 0, the extraction


class ReviewMixin(StorePart):
    """Store's methods for originals, revisions and review states."""

    if TYPE_CHECKING:
        def get(self, doc_id: str) -> dict | None: ...

        def full_documents(self, today: date | None = None) -> list[dict]: ...

    def put_original(self, doc_id: str, name: str, data: bytes, *, actor: dict | None = None) -> bool:
        """Keep the file a stored document was converted from, when it has none yet (it was stored before
        schema 3, or without its file); True when kept now (audited as done by actor), False otherwise."""
        def attempt() -> bool:
            with self._write() as conn:
                kept = conn.execute(self._insert(originals_table).values(document_id=doc_id, name=name, data=data)
                                    .on_conflict_do_nothing()).rowcount > 0
                if kept:
                    _audit(conn, actor, "document.original", document_id=doc_id,
                           detail={"name": name, "size": len(data)})
                return kept
        return self._retry(attempt)

    def original(self, doc_id: str) -> tuple[str, bytes] | None:
        """The uploaded file of a document as (name, bytes); None when it was not kept (stored before schema 3)."""
        t = originals_table.c
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(t.name, t.data).where(t.document_id == doc_id)).first()
        return (found.name, bytes(found.data)) if found else None

    def replace(self, doc_id: str, result: dict, author: str, *, actor: dict | None = None) -> dict | None:
        """Store a corrected version of a document (by author, now); returns it, or None if unknown.

        The extraction stays as revision 0 and every correction is a further revision. The document row and
        its tasks then serve the correction: a task whose fields changed, or a new one, gets a new feed
        position (pollers see it again, under the same id); an unchanged task keeps its own; a task no longer
        there is removed. Status and done_at stay with the task id. ValueError when another document already
        has the corrected issuer, number and date. The correction goes to the audit log as done by actor.
        """
        row = _document_row(result)
        task_rows = _task_rows(doc_id, result.get("tasks") or [])

        def attempt() -> bool:
            with self._write() as conn:
                current = conn.execute(sa.select(doc_table.c.json, doc_table.c.created_at)
                                       .where(doc_table.c.id == doc_id)).first()
                if current is None:
                    return False
                if row["doc_key"]:
                    other = conn.execute(sa.select(doc_table.c.id).where(
                        doc_table.c.doc_key == row["doc_key"], doc_table.c.id != doc_id)).scalar()
                    if other:
                        raise ValueError(f"document '{other}' already has this issuer, number and date")
                rev = revisions_table.c
                last = conn.execute(sa.select(sa.func.max(rev.revision)).where(rev.document_id == doc_id)).scalar()
                if last is None:
                    conn.execute(revisions_table.insert().values(document_id=doc_id, revision=0, json=current.json,
                                                                 author=EXTRACTION_AUTHOR,
                                                                 created_at=current.created_at))
                    last = 0
                conn.execute(revisions_table.insert().values(document_id=doc_id, revision=last + 1,
                                                             json=row["json"], author=author, created_at=_now()))
                _audit(conn, actor, "document.correct", document_id=doc_id,
                       detail={"revision": last + 1, "author": author, "number": row["number"],
                               "tasks": len(task_rows)})
                conn.execute(doc_table.update().where(doc_table.c.id == doc_id).values(
                    doc_key=row["doc_key"], issuer=row["issuer"], number=row["number"], date=row["date"],
                    type=row["type"], subject=row["subject"], json=row["json"]))
                _replace_tasks(conn, doc_id, task_rows)
                return True

        return self.get(doc_id) if self._retry(attempt) else None

    def set_review(self, doc_id: str, state: str, author: str, *, actor: dict | None = None) -> dict | None:
        """Mark a document "reviewed" (by author, now) or "new" again; returns review_info, None if unknown.

        The change (old and new state) goes to the audit log as done by actor."""
        if state not in ("new", "reviewed"):
            raise ValueError(f"state must be 'new' or 'reviewed', not {state!r}")
        values = {"state": state, "reviewed_by": author if state == "reviewed" else None,
                  "reviewed_at": _now() if state == "reviewed" else None}

        def attempt() -> bool:
            with self._write() as conn:
                if conn.execute(sa.select(doc_table.c.id).where(doc_table.c.id == doc_id)).first() is None:
                    return False
                old = conn.execute(sa.select(reviews_table.c.state).where(
                    reviews_table.c.document_id == doc_id)).scalar() or "new"
                statement = self._insert(reviews_table).values(document_id=doc_id, **values)
                conn.execute(statement.on_conflict_do_update(index_elements=["document_id"], set_=values))
                _audit(conn, actor, "document.review", document_id=doc_id,
                       detail={"state": [old, state], "author": author})
                return True

        return self.review_info(doc_id) if self._retry(attempt) else None

    def review_info(self, doc_id: str) -> dict | None:
        """A document's review state and its revisions (number, author, time; 0 is the extraction)."""
        with self.engine.connect() as conn:
            if conn.execute(sa.select(doc_table.c.id).where(doc_table.c.id == doc_id)).first() is None:
                return None
            review = conn.execute(sa.select(reviews_table).where(reviews_table.c.document_id == doc_id)).first()
            rev = revisions_table.c
            revisions = conn.execute(sa.select(rev.revision, rev.author, rev.created_at).where(
                rev.document_id == doc_id).order_by(rev.revision)).all()
        return {
            "document_id": doc_id, "state": review.state if review else "new",
            "reviewed_by": review.reviewed_by if review else None,
            "reviewed_at": _aware(review.reviewed_at).isoformat() if review and review.reviewed_at else None,
            "revisions": [{"revision": r.revision, "author": r.author, "created_at": _aware(r.created_at).isoformat()}
                          for r in revisions],
        }

    def revision(self, doc_id: str, number: int) -> dict | None:
        """One stored version of a document (0: the extraction, also before any correction), or None."""
        rev = revisions_table.c
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(rev.json).where(rev.document_id == doc_id, rev.revision == number)).first()
            corrected = conn.execute(sa.select(rev.revision).where(rev.document_id == doc_id).limit(1)).first()
        if found is not None:
            return _public(doc_id, found.json)
        return self.get(doc_id) if number == 0 and corrected is None else None

    def reviewed_documents(self) -> list[dict]:
        """Every document marked reviewed, in full (its corrected version), oldest first."""
        with self.engine.connect() as conn:
            ids = set(conn.execute(sa.select(reviews_table.c.document_id).where(
                reviews_table.c.state == "reviewed")).scalars())
        return [doc for doc in self.full_documents() if doc["id"] in ids]


def _replace_tasks(conn: Connection, doc_id: str, rows: list[dict]) -> None:
    """Make a document's tasks rows these rows: changed and new ones get new feed positions (see replace)."""
    t = task_table.c
    fields = ("clause", "title", "lead", "support", "lead_key", "deadline_date", "recurrence")
    existing = {r.id: r for r in conn.execute(sa.select(task_table).where(t.document_id == doc_id)).all()}
    seq = conn.execute(sa.select(sa.func.coalesce(sa.func.max(t.added_seq), 0))).scalar()
    keep = {row["id"] for row in rows}
    gone = [task_id for task_id in existing if task_id not in keep]
    if gone:
        conn.execute(task_table.delete().where(t.id.in_(gone)))
    for row in rows:
        old = existing.get(row["id"])
        if old is not None and all(getattr(old, name) == row[name] for name in fields):
            continue
        seq += 1
        if old is None:
            conn.execute(task_table.insert().values(**row, added_seq=seq))
        else:
            conn.execute(task_table.update().where(t.id == row["id"]).values(
                **{name: row[name] for name in fields}, added_seq=seq))
