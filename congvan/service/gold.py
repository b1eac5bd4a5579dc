"""`congvan export gold DIR`: the reviewed documents of the store as regression cases for score.py.

DIR gets ``gold/<id>.gold.json`` for every document a clerk marked reviewed (its corrected version) and
``docs/<id><suffix>``, the uploaded original when it was kept, the layout of ../shared/corpus/dev: then
``congvan convert DIR/docs -o PRED`` and ``score.py DIR/gold PRED`` score the pipeline on those corrections.
Only click is imported here; the store loads when the command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from congvan.service.store import Store


@click.command("gold")
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), envvar="CONGVAN_DATA_DIR",
              default=Path("congvan-data"), show_default=True,
              help="Folder of the SQLite database congvan.db (env CONGVAN_DATA_DIR).")
@click.option("--database-url", envvar="CONGVAN_DATABASE_URL", default=None,
              help="SQLAlchemy URL of the store; overrides --data-dir (env CONGVAN_DATABASE_URL).")
def export_gold(folder: Path, data_dir: Path, database_url: str | None) -> None:
    """Write the reviewed documents of the store (congvan serve's database) as gold files into DIR/gold and
    their originals into DIR/docs."""
    from congvan.service.store import Store

    if database_url is None and not (data_dir / "congvan.db").is_file():
        raise click.ClickException(f"no store in {data_dir} (congvan.db not found); give --data-dir or "
                                   "--database-url")
    try:
        store = Store(database_url, data_dir=data_dir)
    except Exception as exc:  # noqa: BLE001 - one line for the clerk, not a traceback
        raise click.ClickException(f"cannot open the database: {type(exc).__name__}: {exc}") from exc
    try:
        count = write_gold(store, folder)
    finally:
        store.close()
    click.echo(f"{count} reviewed document(s) -> {folder / 'gold'}", err=True)


def write_gold(store: Store, folder: Path) -> int:
    """Write every reviewed document of store under folder (gold/ and docs/); returns how many."""
    from congvan.exporters import gold

    (folder / "gold").mkdir(parents=True, exist_ok=True)
    documents = store.reviewed_documents()
    for document in documents:
        doc_id = document["id"]
        info = store.review_info(doc_id) or {}
        edits = [r for r in info.get("revisions", []) if r["revision"] > 0]
        last = f", the last by {edits[-1]['author']}" if edits else ""
        notes = (f"Checked on the congvan review page by {info.get('reviewed_by')} at {info.get('reviewed_at')}; "
                 f"{len(edits)} correction(s){last}; source {document['source']['path']}.")
        (folder / "gold" / f"{doc_id}{gold.SUFFIX}").write_text(gold.dumps(gold.gold(document, notes)),
                                                                 encoding="utf-8")
        original = store.original(doc_id)
        if original is not None:
            (folder / "docs").mkdir(exist_ok=True)
            (folder / "docs" / f"{doc_id}{Path(original[0]).suffix.lower()}").write_bytes(original[1])
    return len(documents)


class ExportCommand(click.Command):
    """`congvan export`: the exporters' FORMAT INPUT... command, plus `congvan export gold DIR` (from the store).

    The files command cannot open the store (exporters sit below the service), so the store-backed format is
    dispatched here, one layer up, on its first argument.
    """

    def __init__(self, files: click.Command, extra: dict[str, click.Command]) -> None:
        help_text = (files.help or "") + "".join(
            f"\n\n    congvan export {name} ...: {command.get_short_help_str(200)} (see congvan export {name} --help)"
            for name, command in extra.items())
        super().__init__(files.name, params=files.params, callback=files.callback, help=help_text,
                         context_settings=files.context_settings)
        self.extra = extra

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **settings: Any) -> click.Context:
        if args and args[0] in self.extra:
            return self.extra[args[0]].make_context(f"{info_name} {args[0]}", args[1:], parent=parent, **settings)
        return super().make_context(info_name, args, parent=parent, **settings)

    def invoke(self, ctx: click.Context) -> Any:
        if ctx.command is not self:
            return ctx.command.invoke(ctx)
        return super().invoke(ctx)


def with_gold(files: click.Command) -> click.Command:
    """The export command with `gold` added."""
    return ExportCommand(files, {"gold": export_gold})
