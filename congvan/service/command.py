"""`congvan serve`: run the HTTP service with uvicorn (register with `main.add_command(serve)`).

Only click (and the limits' flags) is imported here; FastAPI, uvicorn and SQLAlchemy load when the command runs.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from congvan.pipeline.options import limit_options, limits_from


def is_loopback(host: str) -> bool:
    """Whether a listening address is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), envvar="CONGVAN_DATA_DIR",
              default=Path("congvan-data"), show_default=True,
              help="Folder of the SQLite database congvan.db (env CONGVAN_DATA_DIR).")
@click.option("--database-url", envvar="CONGVAN_DATABASE_URL", default=None,
              help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db; overrides --data-dir "
                   "(env CONGVAN_DATABASE_URL).")
@click.option("--max-upload-mb", default=20.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Largest accepted upload (413 above).")
@click.option("--timeout", "timeout_s", default=60.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Time limit per request in seconds (504 above).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
@click.option("--no-auth", is_flag=True,
              help="Serve without API tokens (refused unless --host is a loopback address).")
@click.option("--rate-limit", default=600.0, show_default=True, type=click.FloatRange(min=0),
              help="Requests per minute per token, on average (429 above; 0: no limit).")
@click.option("--rate-burst", default=60, show_default=True, type=click.IntRange(min=1),
              help="Requests a token may make at once.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Allow browser pages of ORIGIN (https://host) to call the API; repeatable. Default: CORS off.")
@limit_options
def serve(host: str, port: int, data_dir: Path, database_url: str | None, max_upload_mb: float, timeout_s: float,
          log_level: str, no_auth: bool, rate_limit: float, rate_burst: int, cors_origins: tuple[str, ...],
          **limit_flags: float) -> None:
    """Run the HTTP API (docs at http://HOST:PORT/docs) and the review page (http://HOST:PORT/): post
    documents, check and correct them, query and track their tasks.

    Every API request needs an API token (`congvan token create`), sent as 'Authorization: Bearer <token>';
    the review page asks for one."""
    if no_auth and not is_loopback(host):
        raise click.UsageError(f"--no-auth is only allowed on a loopback address (127.0.0.1, ::1), not {host}")
    import uvicorn

    from congvan.service.app import create_app
    from congvan.service.store import Store

    try:
        store = Store(database_url, data_dir=data_dir)
    except Exception as exc:  # noqa: BLE001 - one line for the operator, not a traceback
        raise click.ClickException(f"cannot open the database: {type(exc).__name__}: {exc}") from exc
    click.echo(f"congvan: storing in {store.engine.url.render_as_string(hide_password=True)}", err=True)
    click.echo(f"congvan: review page at http://{_host(host)}:{port}/", err=True)
    if no_auth:
        click.echo("congvan: WARNING: --no-auth: anyone who can reach this port can read and write", err=True)
    elif not any(token["revoked_at"] is None for token in store.tokens()):
        click.echo("congvan: no API token yet: every request will get 401; make one with "
                   "`congvan token create --scope write --name NAME`", err=True)
    app = create_app(store, max_upload_bytes=int(max_upload_mb * 1024 * 1024), request_timeout_s=timeout_s,
                     limits=limits_from(limit_flags), auth=not no_auth, rate_per_minute=rate_limit,
                     rate_burst=rate_burst, cors_origins=cors_origins)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
    finally:
        store.close()


def _host(host: str) -> str:
    """The host as a browser writes it in a URL ("0.0.0.0" is reached as localhost)."""
    if host in ("0.0.0.0", "::", ""):
        return "localhost"
    return f"[{host}]" if ":" in host else host


if __name__ == "__main__":
    serve()
