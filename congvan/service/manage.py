"""`congvan token create/list/revoke` and `congvan db dump/restore`: the store's administration.

Only click is imported here; SQLAlchemy loads when a command runs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


def _store_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--data-dir and --database-url, as `congvan serve` takes them."""
    command = click.option("--database-url", envvar="CONGVAN_DATABASE_URL", default=None,
                           help="SQLAlchemy URL (env CONGVAN_DATABASE_URL); overrides --data-dir.")(command)
    return click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), envvar="CONGVAN_DATA_DIR",
                        default=Path("congvan-data"), show_default=True,
                        help="Folder of the SQLite database congvan.db (env CONGVAN_DATA_DIR).")(command)


def _open(data_dir: Path, database_url: str | None):  # noqa: ANN202 - a Store
    from congvan.service.store import Store

    try:
        return Store(database_url, data_dir=data_dir)
    except Exception as exc:  # noqa: BLE001 - one line for the operator, not a traceback
        raise click.ClickException(f"cannot open the database: {type(exc).__name__}: {exc}") from exc


CLI_ACTOR = {"id": None, "name": "cli"}


@click.group()
def token() -> None:
    """API tokens of the HTTP service: create (the secret is shown once), list, revoke."""


@token.command("create")
@click.option("--name", required=True, help="Who or what uses it (scanner-1, alice).")
@click.option("--scope", type=click.Choice(["read", "write", "admin"]), default="read", show_default=True,
              help="read: GET only; write: also post documents and change tasks; admin: also the audit log.")
@_store_options
def token_create(name: str, scope: str, data_dir: Path, database_url: str | None) -> None:
    """Create a token and print it (only its hash is stored: keep it now, it cannot be shown again)."""
    from congvan.service import tokens

    store = _open(data_dir, database_url)
    try:
        token_id, secret = tokens.create(store, name, scope, CLI_ACTOR)
    finally:
        store.close()
    click.echo(f"congvan: token {token_id} '{name}' ({scope}) created; it is shown only this once:", err=True)
    click.echo(secret)


@token.command("list")
@_store_options
def token_list(data_dir: Path, database_url: str | None) -> None:
    """The tokens: id, scope, name, created, revoked."""
    store = _open(data_dir, database_url)
    try:
        rows = store.tokens()
    finally:
        store.close()
    for row in rows:
        state = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
        click.echo(f"{row['id']}\t{row['scope']}\t{row['name']}\tcreated {row['created_at']}\t{state}")


@token.command("revoke")
@click.argument("token_id")
@_store_options
def token_revoke(token_id: str, data_dir: Path, database_url: str | None) -> None:
    """Revoke a token by its id (the 8 hex digits after cvt_); it stops working at once."""
    store = _open(data_dir, database_url)
    try:
        done = store.revoke_token(token_id, CLI_ACTOR)
    finally:
        store.close()
    if not done:
        raise click.ClickException(f"no active token with id '{token_id}'")
    click.echo(f"congvan: token {token_id} revoked", err=True)


@click.group()
def db() -> None:
    """The store as JSON Lines: dump for backups, restore into an empty store."""


@db.command("dump")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default="-",
              show_default=True, help="File to write ('-': stdout).")
@_store_options
def db_dump(output: Path, data_dir: Path, database_url: str | None) -> None:
    """Write every table of the store as JSON Lines."""
    from congvan.service import backup

    store = _open(data_dir, database_url)
    try:
        if str(output) == "-":
            rows = backup.dump(store, sys.stdout)
        else:
            tmp = output.with_name(f".{output.name}.tmp")
            with open(tmp, "w", encoding="utf-8") as handle:
                rows = backup.dump(store, handle)
            tmp.replace(output)
    finally:
        store.close()
    click.echo(f"congvan: {rows} rows dumped", err=True)


@db.command("restore")
@click.argument("dump_file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@_store_options
def db_restore(dump_file: Path, data_dir: Path, database_url: str | None) -> None:
    """Load a dump into an empty store (all rows or none)."""
    from congvan.service import backup

    store = _open(data_dir, database_url)
    try:
        if str(dump_file) == "-":
            rows = backup.restore(store, sys.stdin)
        else:
            with open(dump_file, encoding="utf-8") as handle:
                rows = backup.restore(store, handle)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"congvan: {rows} rows restored", err=True)
