"""Task tables in text-layer PDFs (kế hoạch, chương trình): a page whose text shows a task-table header is read
again with pdfplumber's table finder (it follows the ruling lines), and the lines inside each table are
replaced by its cells (table, row, cell), as the .docx reader gives them. A table that goes on over the next
pages (same number of columns, starting at the top) keeps one table number.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from congvan.layout import Line
from congvan.text.normalize import fold
from congvan.text.tables import is_task_table

# Loose hints (header cells wrap over lines: "Cơ quan chủ / trì"); the cells are checked strictly afterwards.
_CONTENT = re.compile(r"nội dung|nhiệm vụ|công việc")
_LEAD = re.compile(r"\bchủ\b|thực hiện|phụ trách")
_WHEN = re.compile(r"thời gian|thời hạn|tiến độ|phối")
TABLE_IDS = 1000  # table numbers of PDF tables start here (page × 100 + index)
CONTINUES_ABOVE = 150.0  # points from the page top where a table that goes on from the last page starts


ROW = 3.0  # points of top difference within one printed row
HEADER_BAND = 30.0  # header cells wrap over a few lines below the row's top


def candidate_pages(lines: list[Line]) -> list[int]:
    """Pages with a row of three or more separate pieces of text (table cells) whose band names the content,
    lead and deadline/support columns. Running text never has three pieces on one row."""
    pages: dict[int, list[Line]] = {}
    for line in lines:
        if line.top is not None and line.x0 is not None:
            pages.setdefault(line.page or 0, []).append(line)
    found = []
    for page, page_lines in sorted(pages.items()):
        page_lines.sort(key=lambda o: o.top or 0.0)
        tops = [o.top or 0.0 for o in page_lines]
        start = 0
        for end in range(1, len(page_lines) + 1):
            if end < len(page_lines) and tops[end] - tops[start] <= ROW:
                continue
            row = page_lines[start:end]
            if len({round(o.x0 or 0) for o in row}) >= 3:
                band_end = bisect.bisect_right(tops, tops[start] + HEADER_BAND)
                band = " ".join(fold(o.text) for o in page_lines[start:band_end])
                if _CONTENT.search(band) and _LEAD.search(band) and _WHEN.search(band):
                    found.append(page)
                    break
            start = end
    return found


def replace_tables(path: str, lines: list[Line], pages: list[int]) -> list[Line]:
    """lines with the task tables of pages (and their continuations on the next pages) as cells."""
    import pdfplumber

    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page or 0, []).append(line)
    wanted = set(pages)
    with pdfplumber.open(path) as pdf:
        going_on: tuple[int, int, int] | None = None  # (table number, columns, next row) of a table going on
        for page_no, page in enumerate(pdf.pages, start=1):
            if page_no not in wanted and going_on is None:
                continue
            continued, going_on = going_on, None
            for k, table in enumerate(page.find_tables()):
                rows = table.extract()
                if not rows:
                    continue
                columns = max(len(row) for row in rows)
                x0, top, x1, bottom = table.bbox
                if continued and k == 0 and top < CONTINUES_ABOVE and columns == continued[1]:
                    number, first_row = continued[0], continued[2]
                else:
                    number, first_row = TABLE_IDS + page_no * 100 + k, 0
                cells = _cells(table, rows, number, first_row, page_no)
                if first_row == 0 and not is_task_table(cells):
                    continue
                by_page[page_no] = _put_in(by_page.get(page_no, []), cells, (x0, top, x1, bottom))
                if bottom > page.height - CONTINUES_ABOVE:
                    going_on = (number, columns, first_row + len(rows))
    return [line for page in sorted(by_page) for line in by_page[page]]


def _cells(table, rows: list[list[str | None]], number: int, first_row: int, page_no: int) -> list[Line]:
    out = []
    for r, row in enumerate(rows):
        boxes = table.rows[r].cells if r < len(table.rows) else []
        for c, text in enumerate(row):
            if not text or not text.strip():
                continue
            box = boxes[c] if c < len(boxes) and boxes[c] else table.bbox
            clean = unicodedata.normalize("NFC", " ".join(text.split()))
            out.append(Line(text=clean, column=None, page=page_no, x0=round(box[0], 1), x1=round(box[2], 1),
                            top=round(box[1], 1), table=number, row=first_row + r, cell=c))
    return out


def _inside(line: Line, x0: float, top: float, x1: float, bottom: float) -> bool:
    if line.top is None or line.x0 is None:
        return False
    return top - 2 <= line.top <= bottom - 6 and line.x0 >= x0 - 2 and (line.x1 or line.x0) <= x1 + 2


def _put_in(lines: list[Line], cells: list[Line], box: tuple[float, float, float, float]) -> list[Line]:
    """The page's lines with those inside the table's box replaced by its cells, in reading order."""
    out: list[Line] = []
    placed = False
    for line in lines:
        if _inside(line, *box):
            continue
        if not placed and line.top is not None and line.top > box[1]:
            out += cells
            placed = True
        out.append(line)
    return out if placed else out + cells
