"""``congvan export edxml`` and ``edxml-status``: one packet file per converted document, in a folder.

Unlike the tracker formats (one file for all documents), a packet carries one document, so these formats
write ``<json stem>.edxml`` / ``<json stem>.status.edxml`` into the ``-o`` folder (a stem met twice gets ``~2``).
A document that cannot get a packet (its original file is missing) is reported and the others go on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from congvan.exporters import edxml, edxml_status
from congvan.exporters.orgs import Registry

FORMATS = ("edxml", "edxml-status")


@dataclass
class Report:
    """What a run wrote, what it could not, and the warnings of each packet."""

    written: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def write(format: str, documents: list[tuple[Path, dict]], out: Path, registry: Registry | None = None,
          originals: tuple[Path, ...] = (), replier: str | None = None, task_rows: list[dict] | None = None,
          now: datetime | None = None) -> Report:
    """Write one packet per (json path, document) into out (created)."""
    registry = registry or Registry()
    out.mkdir(parents=True, exist_ok=True)
    report = Report()
    states = _states(task_rows or [])
    replying = registry.find(replier, report.warnings) if replier else None
    if replier and replying is None:
        report.warnings.append(f"replying agency '{replier}' is not in the organisation registry (--orgs)")
    used: set[str] = set()
    for json_path, result in documents:
        if format == "edxml":
            try:
                original = edxml.find_original(result, json_path, originals)
            except edxml.OriginalNotFound as exc:
                report.failed.append(f"{json_path}: {exc}")
                continue
            built = edxml.build(result, original, registry, now)
            suffix = ".edxml"
        else:
            built = edxml_status.build(_with_states(result, states), replying, registry, now)
            suffix = ".status.edxml"
        target = out / _unique(json_path.stem, suffix, used)
        target.write_bytes(built.data)
        report.written.append(target)
        report.warnings += [f"{json_path.name}: {w}" for w in built.warnings]
    return report


def load_task_rows(path: Path) -> list[dict]:
    """The saved answer of the service's ``GET /v1/tasks`` (a JSON list of tasks with document_id and state)."""
    rows = json.loads(path.read_text(encoding="utf-8-sig"))
    if not isinstance(rows, list) or not all(isinstance(r, dict) and "document_id" in r for r in rows):
        raise ValueError(f"{path}: not a list of tasks from GET /v1/tasks")
    return rows


def _states(rows: list[dict]) -> dict[str, dict]:
    return {row["id"]: row for row in rows if row.get("id")}


def _with_states(result: dict, states: dict[str, dict]) -> dict:
    """The document with each task's status, done_at and state from the service's rows (by the service's task
    id: document id + "-" + clause, "~2" for a clause met again)."""
    doc_id = result.get("id")
    if not doc_id or not states:
        return result
    tasks, seen = [], set()
    for task in result.get("tasks") or []:
        base = f"{doc_id}-{task.get('clause') or ''}"
        task_id, n = base, 1
        while task_id in seen:
            n += 1
            task_id = f"{base}~{n}"
        seen.add(task_id)
        row = states.get(task_id)
        tasks.append({**task, **{k: row[k] for k in ("status", "done_at", "state") if k in row}} if row else task)
    return {**result, "tasks": tasks}


def _unique(stem: str, suffix: str, used: set[str]) -> str:
    name, n = f"{stem}{suffix}", 1
    while name.casefold() in used:
        n += 1
        name = f"{stem}~{n}{suffix}"
    used.add(name.casefold())
    return name
