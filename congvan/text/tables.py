"""Task tables recognised by their header row: which rows and cells a table has, and which columns name the
work, who leads, who supports and when. Readers use it to decide which PDF pages to read again for tables;
the task extractor uses it to read the rows."""

from __future__ import annotations

import re
from collections import defaultdict

from congvan.layout import Line
from congvan.text.normalize import fold

HEADERS = {
    "content": re.compile(r"nội dung|nhiệm vụ|công việc|hoạt động|giải pháp"),
    "lead": re.compile(r"chủ trì|đơn vị thực hiện|cơ quan thực hiện|đơn vị thực hiện|trách nhiệm thực hiện|"
                       r"đơn vị phụ trách|cơ quan phụ trách|^thực hiện$"),
    "support": re.compile(r"phối hợp"),
    "deadline": re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành|thời điểm"),
}


def is_task_table(lines: list[Line]) -> bool:
    """Whether the lines of one table carry a header row with a content and a lead column."""
    return task_columns(table_rows(lines)) is not None


def table_rows(lines: list[Line]) -> dict[int, dict[int, str]]:
    """The table's cell texts by row index and cell index (lines of one cell joined by newlines)."""
    rows: dict[int, dict[int, str]] = defaultdict(dict)
    for line in lines:
        if line.row is None or line.cell is None:
            continue
        cell = rows[line.row]
        cell[line.cell] = f"{cell[line.cell]}\n{line.text}" if line.cell in cell else line.text
    return dict(sorted(rows.items()))


def task_columns(rows: dict[int, dict[int, str]]) -> tuple[int, dict[str, int]] | None:
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
