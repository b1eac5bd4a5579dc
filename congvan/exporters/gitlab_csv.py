"""GitLab CSV (Issues → Import CSV): ``title,description,due_date``, one row per task.

GitLab reads only these headers (any case) and ignores other columns. ``due_date`` is ``YYYY-MM-DD``.
Agencies become labels through quick actions on their own lines at the end of the description:
``/label ~"chủ trì: Sở Tài chính"`` for each lead and ``/label ~"phối hợp: …"`` for each supporting
agency, plus ``/label ~"văn bản: <number>"`` and ``/label ~"độ khẩn: Khẩn"`` where they apply. GitLab
forbids commas in label names, so a comma in a name becomes " /" ("UBND các huyện / thị xã / thành
phố"); double quotes become single ones. The source document is named in the description. UTF-8.
"""

from __future__ import annotations

import csv
import io

from congvan.exporters import document_of, document_tasks, due_date, one_line, task_body, unique_documents

MEDIA_TYPE = "text/csv; charset=utf-8"
EXTENSION = ".csv"
COLUMNS = ["title", "description", "due_date"]
LABEL_LIMIT = 255


def label_name(prefix: str, name: str) -> str:
    """A GitLab label title: "chủ trì: Sở Tài chính" (no commas, no double quotes, at most 255 characters)."""
    text = one_line(name).replace('"', "'").replace(",", " /").replace("  ", " ")
    return f"{prefix}: {text}"[:LABEL_LIMIT].rstrip()


def quick_actions(result: dict, task: dict) -> list[str]:
    """The ``/label`` lines of a task, one label per line, in a stable order without repeats."""
    doc = document_of(result)
    labels = [label_name("chủ trì", name) for name in task.get("lead") or []]
    labels += [label_name("phối hợp", name) for name in task.get("support") or []]
    if doc.get("number"):
        labels.append(label_name("văn bản", doc["number"]))
    if doc.get("urgency"):
        labels.append(label_name("độ khẩn", doc["urgency"]))
    return [f'/label ~"{label}"' for label in dict.fromkeys(labels)]


def task_row(result: dict, task: dict) -> list[str]:
    """title, description (full text, source, then quick actions) and due date of one task."""
    due = due_date(task)
    description = "\n".join([task_body(result, task), "", *quick_actions(result, task)]).strip()
    title = one_line(task.get("title") or task.get("description") or "")
    return [title, description, due.isoformat() if due else ""]


def export(documents: list[dict]) -> bytes:
    """The CSV file: header, then one row per task of every distinct document."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for result in unique_documents(documents):
        for _uid, task in document_tasks(result):
            writer.writerow(task_row(result, task))
    return buffer.getvalue().encode("utf-8")
