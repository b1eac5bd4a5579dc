"""Task tables of kế hoạch / chương trình: one task per row, columns found by their header words.

A table whose header row names the work ("Nội dung", "Nhiệm vụ"), who leads ("Cơ quan chủ trì", "Đơn vị thực
hiện"), who supports ("Phối hợp") and when ("Thời gian hoàn thành", "Thời hạn", "Tiến độ") is read row by row.
"""

from __future__ import annotations

import re
from collections import defaultdict

from congvan.extractors import agencies
from congvan.extractors.deadlines import find_deadline, find_recurrence
from congvan.pipeline.normalize import fold
from congvan.readers.base import Line

HEADERS = {
    "content": re.compile(r"nội dung|nhiệm vụ|công việc|hoạt động|giải pháp"),
    "lead": re.compile(r"chủ trì|đơn vị thực hiện|cơ quan thực hiện|đơn vị thực hiện|trách nhiệm thực hiện|"
                       r"đơn vị phụ trách|cơ quan phụ trách|^thực hiện$"),
    "support": re.compile(r"phối hợp"),
    "deadline": re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành|thời điểm"),
}


def is_task_table(lines: list[Line]) -> bool:
    """Whether the lines of one table carry a header row with a content and a lead column."""
    return _columns(_rows(lines)) is not None


def _rows(lines: list[Line]) -> dict[int, dict[int, str]]:
    rows: dict[int, dict[int, str]] = defaultdict(dict)
    for line in lines:
        if line.row is None or line.cell is None:
            continue
        cell = rows[line.row]
        cell[line.cell] = f"{cell[line.cell]}\n{line.text}" if line.cell in cell else line.text
    return dict(sorted(rows.items()))


def _columns(rows: dict[int, dict[int, str]]) -> tuple[int, dict[str, int]] | None:
    """(header row index, {role: cell index}) for the first row that names content and lead columns."""
    for index, cells in list(rows.items())[:3]:
        found: dict[str, int] = {}
        for cell, text in cells.items():
            key = fold(text)
            for role, pattern in HEADERS.items():
                if role not in found and pattern.search(key) and not (role == "lead" and "phối hợp" in key
                                                                     and "chủ trì" not in key):
                    found[role] = cell
                    break
        if "content" in found and "lead" in found:
            return index, found
    return None


def extract(lines: list[Line], table_number: int, number: str | None, doc_date, recipients: list[str],
            resolve) -> list[dict]:
    """Tasks of one task table (resolve maps names that mean the addressees to the recipients)."""
    rows = _rows(lines)
    columns = _columns(rows)
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
