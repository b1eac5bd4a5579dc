"""Jira CSV (the "Import issues from CSV" wizard): a parent row per document and one row per task under it.

Columns: ``Issue ID, Parent, Issue Type, Summary, Description, Priority, Due Date, Labels, Labels, …``.

* Hierarchy: each document is an ``Epic`` row whose ``Issue ID`` the task rows (``Task``) give as
  ``Parent``; parent rows come before their children, as the importer requires. Issue IDs are running
  numbers within the file.
* Labels: Jira takes several labels from repeated ``Labels`` columns. Labels cannot hold spaces, so
  agencies are slugs: ``chu-tri:so-tai-chinh`` for each lead, ``phoi-hop:kho-bac-nha-nuoc-quang-ngai``
  for each supporting agency, plus ``van-ban:<number>`` on every row of a document. The full names are
  in the Description.
* Due Date is ``yyyy-MM-dd``: in the wizard's "Date format" box enter ``yyyy-MM-dd``, or Jira rejects it.
* Priority from the urgency: Hỏa tốc / Thượng khẩn → Highest, Khẩn → High, otherwise Medium.
* Summary is one line of at most 255 characters (Jira's limit); UTF-8, comma separated, quoted as needed.
"""

from __future__ import annotations

import csv
import io

from congvan.exporters import (
    document_label,
    document_of,
    document_tasks,
    due_date,
    one_line,
    slug,
    source_line,
    task_body,
    truncate,
    unique_documents,
)

MEDIA_TYPE = "text/csv; charset=utf-8"
EXTENSION = ".csv"
FIXED_COLUMNS = ["Issue ID", "Parent", "Issue Type", "Summary", "Description", "Priority", "Due Date"]
PRIORITY = {"Hỏa tốc": "Highest", "Thượng khẩn": "Highest", "Khẩn": "High"}
SUMMARY_LIMIT = 255


def priority(result: dict) -> str:
    """Jira's priority name for a document's urgency."""
    return PRIORITY.get(document_of(result).get("urgency") or "", "Medium")


def document_tag(result: dict) -> str:
    """``van-ban:<number slug>`` (the first 12 hex digits of the source hash when there is no number)."""
    number = document_of(result).get("number")
    if number:
        return "van-ban:" + slug(number)
    return "van-ban:" + ((result.get("source") or {}).get("sha256") or "khong-so")[:12]


def task_labels(result: dict, task: dict) -> list[str]:
    """Labels of a task row: the document, then chu-tri:<slug> per lead and phoi-hop:<slug> per support."""
    labels = [document_tag(result)]
    labels += [f"chu-tri:{slug(name)}" for name in task.get("lead") or []]
    labels += [f"phoi-hop:{slug(name)}" for name in task.get("support") or []]
    return list(dict.fromkeys(labels))


def document_row(result: dict, issue_id: int) -> dict:
    """The Epic row standing for a document."""
    doc = document_of(result)
    summary = document_label(result) + (f": {doc['subject']}" if doc.get("subject") else "")
    return {
        "Issue ID": str(issue_id), "Parent": "", "Issue Type": "Epic",
        "Summary": truncate(one_line(summary), SUMMARY_LIMIT),
        "Description": "\n".join(filter(None, [source_line(result), doc.get("subject")])),
        "Priority": priority(result), "Due Date": "", "labels": [document_tag(result)],
    }


def task_row(result: dict, task: dict, issue_id: int, parent_id: int) -> dict:
    """The Task row of one task."""
    due = due_date(task)
    return {
        "Issue ID": str(issue_id), "Parent": str(parent_id), "Issue Type": "Task",
        "Summary": truncate(one_line(task.get("title") or task.get("description") or ""), SUMMARY_LIMIT),
        "Description": task_body(result, task), "Priority": priority(result),
        "Due Date": due.isoformat() if due else "", "labels": task_labels(result, task),
    }


def rows(documents: list[dict]) -> list[dict]:
    """Parent rows followed by their task rows, with running Issue IDs."""
    out: list[dict] = []
    for result in unique_documents(documents):
        parent_id = len(out) + 1
        out.append(document_row(result, parent_id))
        for _uid, task in document_tasks(result):
            out.append(task_row(result, task, len(out) + 1, parent_id))
    return out


def export(documents: list[dict]) -> bytes:
    """The CSV file: header, then one row per document and per task."""
    table = rows(documents)
    width = max((len(row["labels"]) for row in table), default=1)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIXED_COLUMNS + ["Labels"] * width)
    for row in table:
        labels = row["labels"] + [""] * (width - len(row["labels"]))
        writer.writerow([row[name] for name in FIXED_COLUMNS] + labels)
    return buffer.getvalue().encode("utf-8")
