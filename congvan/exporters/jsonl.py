"""JSON Lines: one task per line, each carrying its document's identity and a stable uid.

A line is ``{"uid", "id", "clause", "title", "description", "lead", "support", "deadline", "recurrence",
"report_to", "document": {"uid", "issuer", "parent_issuer", "number", "date", "type", "subject",
"urgency", "sha256"}}`` (further task fields are kept after these). Documents without tasks write no line.
"""

from __future__ import annotations

import json

from congvan.exporters import document_of, document_tasks, document_uid, unique_documents

MEDIA_TYPE = "application/jsonl"
EXTENSION = ".jsonl"

TASK_FIELDS = ("id", "clause", "title", "description", "lead", "support", "deadline", "recurrence", "report_to")
DOCUMENT_FIELDS = ("issuer", "parent_issuer", "number", "date", "type", "subject", "urgency")


def document_header(result: dict) -> dict:
    """The identity of a document as repeated on each of its lines."""
    doc = document_of(result)
    header = {"uid": document_uid(result)}
    header.update({name: doc.get(name) for name in DOCUMENT_FIELDS})
    header["sha256"] = (result.get("source") or {}).get("sha256")
    return header


def task_line(uid: str, task: dict, header: dict) -> dict:
    """One task as written: uid first, the contract's task fields, any extra fields, then the document."""
    line = {"uid": uid}
    line.update({name: task.get(name) for name in TASK_FIELDS})
    line.update({name: value for name, value in task.items() if name not in line})
    line["document"] = header
    return line


def records(documents: list[dict]) -> list[dict]:
    """Every task of every (distinct) document as a flat record."""
    out = []
    for result in unique_documents(documents):
        header = document_header(result)
        out.extend(task_line(uid, task, header) for uid, task in document_tasks(result))
    return out


def export(documents: list[dict]) -> bytes:
    """UTF-8 JSON Lines, one task per line."""
    return "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records(documents)).encode("utf-8")
