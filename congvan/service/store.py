"""The document and task store: SQLAlchemy Core over SQLite (default) or PostgreSQL.

Where the data lives:
* ``CONGVAN_DATABASE_URL`` (or the ``url`` argument), e.g. ``postgresql+psycopg://user:pw@host/db``
  (``postgresql://`` is taken to mean the psycopg 3 driver);
* otherwise SQLite in ``<data dir>/congvan.db``, the data dir being the ``data_dir`` argument,
  ``CONGVAN_DATA_DIR`` or ``./congvan-data``.

Writers never lose each other's rows: every write runs serialised, as ``BEGIN IMMEDIATE`` on SQLite (WAL
journal, busy timeout, retries when the file stays locked) and under a transaction-level advisory lock on
PostgreSQL, with unique constraints and ``ON CONFLICT DO NOTHING`` behind both. Serialising also makes
``tasks.added_seq`` commit in increasing order, so a feed cursor never skips a task committed late.
"""

from __future__ import annotations

import json
import os
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

SCHEMA_VERSION = 3
DEFAULT_DATA_DIR = "congvan-data"
DB_FILE = "congvan.db"
STATES = ("done_on_time", "done_late", "open_in_time", "open_overdue")
LOCAL_ACTOR = {"id": None, "name": "local"}  # writes made without a token (command line, library)
EXTRACTION_AUTHOR = "congvan"  # the author of revision 0, the extraction
_LOCK_KEY = 0x636F6E67  # "cong": the advisory lock that serialises writers on PostgreSQL
_T = TypeVar("_T")

metadata = sa.MetaData()

version_table = sa.Table(
    "schema_version", metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

doc_table = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("sha256", sa.String(64), nullable=False, unique=True),
    # folded "issuer|number|date"; NULL when number or date is missing (NULLs never collide)
    sa.Column("doc_key", sa.Text, unique=True),
    sa.Column("issuer", sa.Text),
    sa.Column("number", sa.Text),
    sa.Column("date", sa.Date),
    sa.Column("type", sa.Text),
    sa.Column("subject", sa.Text),
    sa.Column("json", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

task_table = sa.Table(
    "tasks", metadata,
    sa.Column("id", sa.String(200), primary_key=True),  # document id + "-" + clause path
    sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("clause", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("lead", sa.JSON, nullable=False),
    sa.Column("support", sa.JSON, nullable=False),
    sa.Column("lead_key", sa.Text, nullable=False),  # folded lead names, one a line, for the lead filter
    sa.Column("deadline_date", sa.Date, index=True),
    sa.Column("recurrence", sa.Text),
    sa.Column("status", sa.String(8), nullable=False),
    sa.Column("done_at", sa.Date),
    sa.Column("added_seq", sa.BigInteger, nullable=False, unique=True),
    sa.CheckConstraint("status IN ('open', 'done')", name="tasks_status_check"),
)


def _migrate_v1(conn: Connection) -> None:
    """Schema 1: documents and tasks. Later versions add steps here; they never edit this one."""
    metadata.create_all(conn, tables=[doc_table, task_table])


token_table = sa.Table(
    "tokens", metadata,  # API tokens: only the SHA-256 of the secret is kept, and its public id
    sa.Column("id", sa.String(16), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("scope", sa.String(8), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
    sa.CheckConstraint("scope IN ('read', 'write', 'admin')", name="tokens_scope_check"),
)

audit_table = sa.Table(
    "audit", metadata,  # every write: who (token), when, what, on which document or task, what changed
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("token_id", sa.String(16)),
    sa.Column("token_name", sa.Text, nullable=False),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("document_id", sa.String(32)),
    sa.Column("task_id", sa.String(200)),
    sa.Column("detail", sa.JSON, nullable=False),
)


def _migrate_v2(conn: Connection) -> None:
    """Schema 2: API tokens and the audit log."""
    metadata.create_all(conn, tables=[token_table, audit_table])


originals_table = sa.Table(
    "originals", metadata,  # the uploaded file: the review page's view of it, the file an edXML packet attaches
    sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),  # the upload's safe file name (source.path)
    sa.Column("data", sa.LargeBinary, nullable=False),
)

revisions_table = sa.Table(
    "revisions", metadata,  # every version of a corrected document; revision 0 is the extraction
    sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("revision", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("json", sa.JSON, nullable=False),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

reviews_table = sa.Table(
    "reviews", metadata,  # a document's review state: "new" until a clerk marks it "reviewed"
    sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("state", sa.String(8), nullable=False),
    sa.Column("reviewed_by", sa.Text),
    sa.Column("reviewed_at", sa.DateTime(timezone=True)),
    sa.CheckConstraint("state IN ('new', 'reviewed')", name="reviews_state_check"),
)


def _migrate_v3(conn: Connection) -> None:
    """Schema 3: uploaded originals, revisions of corrected documents and review states (the review page)."""
    metadata.create_all(conn, tables=[originals_table, revisions_table, reviews_table])


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _migrate_v1, 2: _migrate_v2, 3: _migrate_v3}


def fold(text: str | None) -> str:
    """NFC, case-folded, single-spaced text for comparisons."""
    return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())


def resolve_url(url: str | None = None, data_dir: str | Path | None = None) -> str:
    """The database URL: the argument or CONGVAN_DATABASE_URL, else SQLite in the data dir (created)."""
    url = url or os.environ.get("CONGVAN_DATABASE_URL") or None
    if url:
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        return url
    folder = Path(data_dir or os.environ.get("CONGVAN_DATA_DIR") or DEFAULT_DATA_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(folder / DB_FILE).resolve()}"


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


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class Store:
    """Documents and their tasks in one SQL database; thread-safe, one instance per process."""

    def __init__(self, url: str | None = None, *, data_dir: str | Path | None = None, retries: int = 8) -> None:
        self.url = resolve_url(url, data_dir)
        self.retries = retries
        self.engine: Engine = _make_engine(self.url)
        self.dialect: str = self.engine.dialect.name
        self.migrate()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()

    # -- schema -------------------------------------------------------------------------------------

    def migrate(self) -> int:
        """Create or upgrade the schema to SCHEMA_VERSION; returns the version found before."""
        def step() -> int:
            with self._write() as conn:
                version_table.create(conn, checkfirst=True)
                found = conn.execute(sa.select(sa.func.max(version_table.c.version))).scalar() or 0
                if found > SCHEMA_VERSION:
                    raise RuntimeError(f"database schema {found} is newer than this congvan ({SCHEMA_VERSION})")
                for version in range(found + 1, SCHEMA_VERSION + 1):
                    MIGRATIONS[version](conn)
                    conn.execute(version_table.insert().values(version=version, applied_at=_now()))
                return found
        return self._retry(step)

    def schema_version(self) -> int:
        """The schema version the database is at."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.max(version_table.c.version))).scalar() or 0

    # -- documents ----------------------------------------------------------------------------------

    def add(self, result: dict, original: bytes | None = None, *, actor: dict | None = None) -> tuple[dict, bool]:
        """Store one pipeline result (and the original file's bytes); returns (stored document with "id", created).

        A document already stored with the same content hash, or the same issuer, number and date, is not
        stored again: the stored one comes back with created False. A document stored is written to the
        audit log in the same transaction, as done by actor ({"id", "name"} of a token; default: "local").
        """
        row = _document_row(result)
        task_rows = _task_rows(row["id"], result.get("tasks") or [])

        def attempt() -> tuple[dict, bool]:
            with self._write() as conn:
                existing = _find(conn, row["sha256"], row["doc_key"])
                if existing is not None:
                    return existing, False
                inserted = conn.execute(self._insert(doc_table).values(**row).on_conflict_do_nothing())
                if inserted.rowcount == 0:  # lost a race (writers are serialised, so only as a safety net)
                    existing = _find(conn, row["sha256"], row["doc_key"])
                    if existing is None:
                        raise RuntimeError(f"document id {row['id']} collides with another document")
                    return existing, False
                if task_rows:
                    start = conn.execute(sa.select(sa.func.coalesce(sa.func.max(task_table.c.added_seq), 0))).scalar()
                    for offset, task in enumerate(task_rows, start=1):
                        task["added_seq"] = start + offset
                    conn.execute(task_table.insert(), task_rows)
                if original is not None:
                    name = str((result.get("source") or {}).get("path") or "")
                    conn.execute(originals_table.insert().values(document_id=row["id"], name=name, data=original))
                _audit(conn, actor, "document.create", document_id=row["id"],
                       detail={"sha256": row["sha256"], "source": (result.get("source") or {}).get("path"),
                               "number": row["number"], "tasks": len(task_rows)})
                return _public(row["id"], row["json"]), True

        return self._retry(attempt)

    def get(self, doc_id: str) -> dict | None:
        """The stored document with its "id", or None."""
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(doc_table.c.id, doc_table.c.json).where(doc_table.c.id == doc_id)).first()
        return _public(found.id, found.json) if found else None

    def find_sha256(self, sha256: str) -> dict | None:
        """The stored document whose source file has this SHA-256, or None."""
        with self.engine.connect() as conn:
            return _find(conn, sha256, None)

    def documents(self) -> list[dict]:
        """A summary line for every stored document, oldest first, with its task and warning counts and its
        review state ("new" or "reviewed")."""
        c, r = doc_table.c, reviews_table.c
        query = sa.select(c.id, c.issuer, c.number, c.date, c.type, c.subject, c.created_at, c.json,
                          sa.func.coalesce(r.state, "new").label("review_state")).outerjoin(
            reviews_table, r.document_id == c.id).order_by(c.created_at, c.id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        summaries = []
        for row in rows:
            data = json.loads(row.json) if isinstance(row.json, str) else row.json
            summaries.append({
                "id": row.id, "issuer": row.issuer, "number": row.number,
                "date": row.date.isoformat() if row.date else None, "type": row.type, "subject": row.subject,
                "created_at": _aware(row.created_at).isoformat(), "task_count": len(data.get("tasks") or []),
                "warning_count": len(data.get("warnings") or []), "review_state": row.review_state})
        return summaries

    def full_documents(self, today: date | None = None) -> list[dict]:
        """Every stored document in full, oldest first; each task carries its stored status and state."""
        today = today or date.today()
        with self.engine.connect() as conn:
            docs = conn.execute(sa.select(doc_table.c.id, doc_table.c.json).order_by(
                doc_table.c.created_at, doc_table.c.id)).all()
            t = task_table.c
            rows = conn.execute(sa.select(t.document_id, t.clause, t.status, t.done_at, t.deadline_date)).all()
        status = {(r.document_id, r.clause): r for r in rows}
        result = []
        for doc in docs:
            data = _public(doc.id, doc.json)
            for task in data.get("tasks") or []:
                row = status.get((doc.id, task.get("clause")))
                if row is not None:
                    task["status"] = row.status
                    task["done_at"] = row.done_at.isoformat() if row.done_at else None
                    task["state"] = task_state(row.status, row.deadline_date, row.done_at, today)
            result.append(data)
        return result

    # -- tasks --------------------------------------------------------------------------------------

    def tasks(self, *, lead: str | None = None, due_before: date | None = None, state: str | None = None,
              today: date | None = None) -> list[dict]:
        """Tasks in the order they were added, filtered by lead (case-insensitive substring), deadline on or
        before due_before, and derived state."""
        today = today or date.today()
        query = sa.select(task_table).order_by(task_table.c.added_seq)
        if lead:
            query = query.where(task_table.c.lead_key.contains(fold(lead), autoescape=True))
        if due_before:
            query = query.where(task_table.c.deadline_date <= due_before)
        if state:
            query = query.where(_state_clause(state, today))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [_task_view(row, today) for row in rows]

    def feed(self, since: int = 0, limit: int = 100, today: date | None = None) -> tuple[list[dict], int]:
        """Up to limit tasks added after cursor since, and the cursor to poll with next."""
        today = today or date.today()
        seq = task_table.c.added_seq
        query = sa.select(task_table).where(seq > since).order_by(seq).limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [_task_view(row, today) for row in rows], (rows[-1].added_seq if rows else since)

    def get_task(self, task_id: str, today: date | None = None) -> dict | None:
        """One task, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(task_table).where(task_table.c.id == task_id)).first()
        return _task_view(row, today or date.today()) if row else None

    def set_status(self, task_id: str, status: str, done_at: date | None = None,
                   today: date | None = None, actor: dict | None = None) -> dict | None:
        """Mark a task "done" (on done_at, default today) or "open" again; returns it, or None if unknown.

        The change (old and new status and done_at) goes to the audit log in the same transaction."""
        today = today or date.today()
        if status not in ("open", "done"):
            raise ValueError(f"status must be 'open' or 'done', not {status!r}")
        values = {"status": status, "done_at": (done_at or today) if status == "done" else None}

        def attempt() -> bool:
            with self._write() as conn:
                t = task_table.c
                old = conn.execute(sa.select(t.document_id, t.status, t.done_at).where(t.id == task_id)).first()
                if old is None:
                    return False
                conn.execute(task_table.update().where(t.id == task_id).values(**values))
                change = {"status": [old.status, status],
                          "done_at": [_day(old.done_at), _day(values["done_at"])]}
                _audit(conn, actor, "task.status", document_id=old.document_id, task_id=task_id, detail=change)
                return True

        return self.get_task(task_id, today) if self._retry(attempt) else None

    # -- tokens and the audit log ------------------------------------------------------------------

    def add_token(self, token_id: str, name: str, scope: str, digest: str, actor: dict | None = None) -> None:
        """Store a new API token (its id, name, scope and the SHA-256 of its secret); audited."""
        def attempt() -> None:
            with self._write() as conn:
                conn.execute(token_table.insert().values(id=token_id, name=name, scope=scope, hash=digest,
                                                         created_at=_now()))
                _audit(conn, actor, "token.create", detail={"token_id": token_id, "name": name, "scope": scope})
        self._retry(attempt)

    def token(self, token_id: str) -> dict | None:
        """One token's row (hash included), or None."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(token_table).where(token_table.c.id == token_id)).first()
        return dict(row._mapping) if row else None

    def tokens(self) -> list[dict]:
        """Every token (without its hash), oldest first."""
        c = token_table.c
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(c.id, c.name, c.scope, c.created_at, c.revoked_at).order_by(
                c.created_at, c.id)).all()
        return [{"id": r.id, "name": r.name, "scope": r.scope, "created_at": _aware(r.created_at).isoformat(),
                 "revoked_at": _aware(r.revoked_at).isoformat() if r.revoked_at else None} for r in rows]

    def revoke_token(self, token_id: str, actor: dict | None = None) -> bool:
        """Revoke a token (it stays listed); False when there is no such active token. Audited."""
        def attempt() -> bool:
            with self._write() as conn:
                c = token_table.c
                done = conn.execute(token_table.update().where(c.id == token_id, c.revoked_at.is_(None)).values(
                    revoked_at=_now())).rowcount > 0
                if done:
                    _audit(conn, actor, "token.revoke", detail={"token_id": token_id})
                return done
        return self._retry(attempt)

    def audit(self, since: int = 0, limit: int = 100) -> list[dict]:
        """Up to limit audit entries after seq since, oldest first."""
        a = audit_table.c
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(audit_table).where(a.seq > since).order_by(a.seq).limit(limit)).all()
        return [{"seq": r.seq, "at": _aware(r.at).isoformat(), "token_id": r.token_id, "token_name": r.token_name,
                 "action": r.action, "document_id": r.document_id, "task_id": r.task_id,
                 "detail": json.loads(r.detail) if isinstance(r.detail, str) else r.detail} for r in rows]

    # -- review -------------------------------------------------------------------------------------

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

    # -- plumbing -----------------------------------------------------------------------------------

    def _insert(self, table: sa.Table) -> Any:
        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A serialised write transaction: BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL."""
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                conn.execution_options(congvan_begin="BEGIN IMMEDIATE")
            with conn.begin():
                if self.dialect == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
                yield conn

    def _retry(self, attempt: Callable[[], _T]) -> _T:
        """Run attempt, again after a short pause while the database reports it busy or a deadlock."""
        for n in range(self.retries):
            try:
                return attempt()
            except OperationalError as exc:
                if n == self.retries - 1 or not _transient(exc):
                    raise
                time.sleep(min(0.05 * 2**n, 2.0))
        raise AssertionError("unreachable")


def _make_engine(url: str) -> Engine:
    """An engine with the settings each dialect needs for safe concurrent use."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, json_serializer=_dumps, connect_args={"timeout": 30, "check_same_thread": False})

        @sa.event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # the driver's own BEGIN handling is off: "begin" below does it
            cursor = dbapi_conn.cursor()
            for pragma in ("busy_timeout = 30000", "journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON"):
                cursor.execute(f"PRAGMA {pragma}")
            cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            conn.exec_driver_sql(conn.get_execution_options().get("congvan_begin", "BEGIN"))

        return engine
    return sa.create_engine(url, json_serializer=_dumps, pool_pre_ping=True)


def _transient(exc: OperationalError) -> bool:
    """A lock or serialisation failure worth retrying (SQLite busy/locked, PostgreSQL SQLSTATE 40xxx)."""
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate:
        return str(sqlstate).startswith("40")
    text = str(exc.orig).lower()
    return "locked" in text or "busy" in text


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


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


def _find(conn: Connection, sha256: str, doc_key: str | None) -> dict | None:
    """The stored document with this hash or this issuer/number/date key."""
    condition = doc_table.c.sha256 == sha256
    if doc_key:
        condition = sa.or_(condition, doc_table.c.doc_key == doc_key)
    found = conn.execute(sa.select(doc_table.c.id, doc_table.c.json).where(condition).limit(1)).first()
    return _public(found.id, found.json) if found else None


def _public(doc_id: str, data: dict | str) -> dict:
    """The document as the API returns it: "id" first, then the pipeline's JSON."""
    if isinstance(data, str):
        data = json.loads(data)
    return {"id": doc_id, **data}


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
