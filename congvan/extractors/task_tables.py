"""Task tables of kế hoạch / chương trình: one task per row, columns found by their header words.

A table whose header row names the work ("Nội dung", "Nhiệm vụ"), who leads ("Cơ quan chủ trì", "Đơn vị thực
hiện"), who supports ("Phối hợp") and when ("Thời gian hoàn thành", "Thời hạn", "Tiến độ") is read row by row.
"""

from __future__ import annotations

import re

from congvan.extractors import agencies
from congvan.extractors.deadlines import find_deadline, find_recurrence
from congvan.layout import Line
from congvan.text.tables import table_rows, task_columns


def extract(lines: list[Line], table_number: int, number: str | None, doc_date, recipients: list[str],
            resolve) -> list[dict]:
    """Tasks of one task table (resolve maps names that mean the addressees to the recipients)."""
    rows = table_rows(lines)
    columns = task_columns(rows)
    if columns is None:
        return []
    header, roles = columns
    tasks = []
    for index, cells in rows.items():
        if index <= header:
            continue
        content = cells.get(roles["content"], "").strip()
        lead_text = cells.get(roles["lead"], "").strip()
        if not content or (not lead_text and len([c for c in cells.values() if c.strip()]) <= 1):
            continue  # a section row ("I. Nhiệm vụ chung") spanning the table
        label = cells.get(min(cells), "").strip()
        label = label if re.fullmatch(r"[\dIVXLC]+(?:\.\d+)*\.?", label) else str(index - header)
        clause = f"T{table_number}.{label.rstrip('.')}"
        deadline_text = cells.get(roles.get("deadline", -1), "")
        deadline = find_deadline(deadline_text, doc_date) if deadline_text else None
        deadline = deadline or find_deadline(content, doc_date)
        support_text = cells.get(roles.get("support", -1), "")
        tasks.append({
            "id": f"{number or 'document'}#{clause}",
            "clause": clause,
            "title": content.split("\n")[0][:120],
            "description": content,
            "lead": resolve(agencies.find_agencies(lead_text) or agencies.split_agencies(lead_text)),
            "support": resolve(agencies.find_agencies(support_text) or agencies.split_agencies(support_text))
            if support_text.strip() else [],
            "deadline": {"date": deadline.date, "kind": deadline.kind, "text": deadline.text} if deadline else None,
            "recurrence": (deadline.recurrence if deadline else None) or find_recurrence(deadline_text or content),
            "report_to": None,
        })
    return tasks
