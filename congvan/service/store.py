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

SCHEMA_VERSION = 2
DEFAULT_DATA_DIR = "congvan-data"
DB_FILE = "congvan.db"
STATES = ("done_on_time", "done_late", "open_in_time", "open_overdue")
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


# The file each document was converted from, so that it can travel on (the edXML packet attaches it).
original_table = sa.Table(
    "originals", metadata,
    sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),  # the upload's safe file name
    sa.Column("data", sa.LargeBinary, nullable=False),
)


def _migrate_v1(conn: Connection) -> None:
    """Schema 1: documents and tasks. Later versions add steps here; they never edit this one."""
    metadata.create_all(conn, tables=[doc_table, task_table])


def _migrate_v2(conn: Connection) -> None:
    """Schema 2: the original files (documents stored before it have none)."""
    metadata.create_all(conn, tables=[original_table])


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _migrate_v1, 2: _migrate_v2}


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

    def add(self, result: dict) -> tuple[dict, bool]:
        """Store one pipeline result; returns (stored document with "id", created).

        A document already stored with the same content hash, or the same issuer, number and date, is not
        stored again: the stored one comes back with created False.
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
        """A summary line for every stored document, oldest first."""
        c = doc_table.c
        query = sa.select(c.id, c.issuer, c.number, c.date, c.type, c.subject, c.created_at).order_by(
            c.created_at, c.id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [{"id": r.id, "issuer": r.issuer, "number": r.number, "date": r.date.isoformat() if r.date else None,
                 "type": r.type, "subject": r.subject, "created_at": _aware(r.created_at).isoformat()} for r in rows]

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

    def put_original(self, doc_id: str, name: str, data: bytes) -> None:
        """Keep the file a stored document was converted from (once; a second call changes nothing)."""
        def attempt() -> None:
            with self._write() as conn:
                conn.execute(self._insert(original_table).values(document_id=doc_id, name=name, data=data)
                             .on_conflict_do_nothing())
        self._retry(attempt)

    def original(self, doc_id: str) -> tuple[str, bytes] | None:
        """(name, bytes) of a stored document's original file, or None when it was not kept."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(original_table.c.name, original_table.c.data)
                               .where(original_table.c.document_id == doc_id)).first()
        return (row.name, bytes(row.data)) if row else None

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
                   today: date | None = None) -> dict | None:
        """Mark a task "done" (on done_at, default today) or "open" again; returns it, or None if unknown."""
        today = today or date.today()
        if status not in ("open", "done"):
            raise ValueError(f"status must be 'open' or 'done', not {status!r}")
        values = {"status": status, "done_at": (done_at or today) if status == "done" else None}

        def attempt() -> bool:
            with self._write() as conn:
                return conn.execute(task_table.update().where(task_table.c.id == task_id).values(**values)).rowcount > 0

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


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


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
