"""The store's tables and their schema migrations: MIGRATIONS[n] brings a database from schema n - 1 to n."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

SCHEMA_VERSION = 3

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
