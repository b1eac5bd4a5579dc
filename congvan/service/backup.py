"""`congvan db dump` / `db restore`: the whole store as JSON Lines, for backups and moving between databases.

The first line is {"schema_version": N}; then one line per row, {"table": name, "row": {...}}, tables in
dependency order (documents before their tasks). Dates and times are ISO 8601, binary columns base64, JSON
columns as they are. A dump restores into an empty store of the same schema version, SQLite or PostgreSQL.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone
from typing import IO, Any

import sqlalchemy as sa

from congvan.service.store import SCHEMA_VERSION, Store, metadata, version_table

BATCH = 500  # rows inserted at a time on restore


def tables() -> list[sa.Table]:
    """The tables a dump holds, parents first (the schema_version table is the dump's first line)."""
    return [t for t in metadata.sorted_tables if t is not version_table]


def dump_lines(store: Store) -> Iterator[str]:
    """The store as JSON Lines (each line ends with a newline)."""
    yield json.dumps({"schema_version": store.schema_version()}) + "\n"
    with store.engine.connect() as conn:
        for table in tables():
            key = list(table.primary_key.columns)
            for row in conn.execute(sa.select(table).order_by(*key)):
                values = {c.name: _out(c, row._mapping[c.name]) for c in table.columns}
                yield json.dumps({"table": table.name, "row": values}, ensure_ascii=False) + "\n"


def dump(store: Store, out: IO[str]) -> int:
    """Write the store to out; returns the number of rows written."""
    rows = -1
    for line in dump_lines(store):
        out.write(line)
        rows += 1
    return rows


def restore(store: Store, lines: Iterable[str]) -> int:
    """Load a dump into an empty store (one transaction: all or nothing); returns the rows restored."""
    lines = iter(lines)
    head = json.loads(next(lines, "{}") or "{}")
    if head.get("schema_version") != SCHEMA_VERSION:
        raise ValueError(f"the dump is of schema {head.get('schema_version')}, this congvan's is {SCHEMA_VERSION}")
    known = {t.name: t for t in tables()}
    count = 0
    with store.engine.begin() as conn:
        for table in known.values():
            if conn.execute(sa.select(sa.func.count()).select_from(table)).scalar():
                raise ValueError(f"the store is not empty (table {table.name} has rows): restore into a new one")
        pending: dict[str, list[dict]] = {}
        order: list[str] = []
        for number, line in enumerate(lines, start=2):
            if not line.strip():
                continue
            item = json.loads(line)
            table = known.get(item.get("table"))
            if table is None:
                raise ValueError(f"line {number}: unknown table {item.get('table')!r}")
            if table.name not in pending:
                pending[table.name] = []
                order.append(table.name)
            pending[table.name].append({c.name: _in(c, item["row"].get(c.name)) for c in table.columns})
            if len(pending[table.name]) >= BATCH:
                count += _flush(conn, known, pending, order)
        count += _flush(conn, known, pending, order)
    return count


def _flush(conn: sa.Connection, known: dict[str, sa.Table], pending: dict[str, list[dict]], order: list[str]) -> int:
    """Insert the rows waiting, tables in the dump's order (parents first)."""
    count = 0
    for name in order:
        if pending.get(name):
            conn.execute(known[name].insert(), pending[name])
            count += len(pending[name])
            pending[name] = []
    return count


def _out(column: sa.Column, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, sa.LargeBinary):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(column.type, sa.JSON) and isinstance(value, str):
        return json.loads(value)
    if isinstance(value, datetime) and value.tzinfo is None and getattr(column.type, "timezone", False):
        value = value.replace(tzinfo=timezone.utc)  # SQLite keeps no zone: the store writes UTC
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _in(column: sa.Column, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, sa.LargeBinary):
        return base64.b64decode(value)
    if isinstance(column.type, sa.DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, sa.Date):
        return date.fromisoformat(value)
    return value
