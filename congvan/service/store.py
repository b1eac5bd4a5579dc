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

Store's methods for tokens and the audit log come from store_tokens, those of the review page from
store_review; the tables and migrations are in tables, the row helpers in store_rows. Their public names can
be imported from here.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from congvan.service.store_review import EXTRACTION_AUTHOR, ReviewMixin
from congvan.service.store_rows import (
    LOCAL_ACTOR,
    STATES,
    _audit,
    _aware,
    _day,
    _document_row,
    _now,
    _public,
    _state_clause,
    _task_rows,
    _task_view,
    fold,
    task_state,
)
from congvan.service.store_tokens import TokenMixin
from congvan.service.tables import (
    MIGRATIONS,
    SCHEMA_VERSION,
    audit_table,
    doc_table,
    metadata,
    originals_table,
    reviews_table,
    revisions_table,
    task_table,
    token_table,
    version_table,
)

__all__ = [
    "DB_FILE", "DEFAULT_DATA_DIR", "EXTRACTION_AUTHOR", "LOCAL_ACTOR", "MIGRATIONS", "SCHEMA_VERSION", "STATES",
    "Store", "audit_table", "doc_table", "fold", "metadata", "originals_table", "resolve_url", "reviews_table",
    "revisions_table", "task_state", "task_table", "token_table", "version_table",
]

DEFAULT_DATA_DIR = "congvan-data"
DB_FILE = "congvan.db"
_LOCK_KEY = 0x636F6E67  # "cong": the advisory lock that serialises writers on PostgreSQL
_T = TypeVar("_T")


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


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class Store(TokenMixin, ReviewMixin):
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


def _find(conn: Connection, sha256: str, doc_key: str | None) -> dict | None:
    """The stored document with this hash or this issuer/number/date key."""
    condition = doc_table.c.sha256 == sha256
    if doc_key:
        condition = sa.or_(condition, doc_table.c.doc_key == doc_key)
    found = conn.execute(sa.select(doc_table.c.id, doc_table.c.json).where(condition).limit(1)).first()
    return _public(found.id, found.json) if found else None
