"""Sổ theo dõi giải quyết văn bản đến (NĐ 30/2020/NĐ-CP, Phụ lục IV §VIII), one row per task.

The decree's seven columns, then three per task (Chủ trì, Phối hợp, Nội dung công việc):

* Số đến: a running number per document (every row of one document shares it).
* Tên loại, số, ký hiệu, ngày tháng, cơ quan ban hành: one cell, "Công văn số 1234/UBND-KT ngày
  05/03/2024 của …", the trích yếu on a second line.
* Đơn vị hoặc người nhận: the units the document puts in charge (the leads of all its tasks; its Kính
  gửi recipients when it has no task).
* Thời hạn giải quyết: the task's deadline, dd/mm/yyyy (a date cell in .xlsx); the printed phrase or the
  recurrence ("hằng quý") when it has no date.
* Tiến độ giải quyết: empty, unless the task carries a ``status`` ("pending" → "Chưa hoàn thành – trong
  hạn", "overdue" → "Chưa hoàn thành – quá hạn", "done" → "Đã hoàn thành").
* Số, ký hiệu văn bản trả lời: empty (filled in by the clerk). Ghi chú: clause, urgency, recurrence,
  report-to.

A document without tasks still gets one row. ``export`` writes UTF-8 CSV with a BOM (so Excel reads
the accents), header first; ``export_xlsx`` writes a workbook with a title row, a bold frozen header,
wrapped text and set column widths. Both are deterministic (fixed workbook times and zip stamps).
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime

from congvan.exporters import (
    clause_label,
    document_of,
    document_tasks,
    due_date,
    one_line,
    recurrence_vi,
    source_line,
    unique_documents,
)

MEDIA_TYPE = "text/csv; charset=utf-8"
EXTENSION = ".csv"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_EXTENSION = ".xlsx"
TITLE = "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN"
COLUMNS = [
    "Số đến",
    "Tên loại, số, ký hiệu, ngày tháng, cơ quan ban hành",
    "Đơn vị hoặc người nhận",
    "Thời hạn giải quyết",
    "Tiến độ giải quyết",
    "Số, ký hiệu văn bản trả lời",
    "Ghi chú",
    "Chủ trì",
    "Phối hợp",
    "Nội dung công việc",
]
WIDTHS = [8, 45, 35, 14, 22, 18, 30, 30, 30, 70]
PROGRESS = {
    "pending": "Chưa hoàn thành – trong hạn", "open": "Chưa hoàn thành – trong hạn",
    "in_progress": "Chưa hoàn thành – trong hạn", "overdue": "Chưa hoàn thành – quá hạn",
    "done": "Đã hoàn thành", "completed": "Đã hoàn thành",
}
#: Workbook creation time and zip entry time, fixed so that the same documents give the same bytes.
FIXED_TIME = datetime(2000, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def document_cell(result: dict) -> str:
    """Tên loại, số, ký hiệu, ngày tháng, cơ quan ban hành, then the trích yếu on its own line."""
    subject = one_line(document_of(result).get("subject") or "")
    return source_line(result) + (f"\n{subject}" if subject else "")


def receivers(result: dict) -> str:
    """The leads of all the document's tasks (its recipients when it has none), "; "-joined, in order."""
    names = [name for task in result.get("tasks") or [] for name in task.get("lead") or []]
    names = names or list(document_of(result).get("recipients") or [])
    return "; ".join(dict.fromkeys(names))


def deadline_value(task: dict) -> date | str:
    """The deadline date, or its printed phrase / recurrence when it has no date ("" when none)."""
    due = due_date(task)
    if due:
        return due
    printed = one_line((task.get("deadline") or {}).get("text") or "")
    return printed or recurrence_vi(task.get("recurrence"))


def note(result: dict, task: dict) -> str:
    """Ghi chú: clause, urgency, recurrence and where to report, "; "-joined."""
    doc = document_of(result)
    parts = [clause_label(task.get("clause")), doc.get("urgency") or ""]
    if task.get("recurrence"):
        parts.append("định kỳ: " + recurrence_vi(task["recurrence"]))
    if task.get("report_to"):
        parts.append(f"báo cáo về {one_line(task['report_to'])}")
    return "; ".join(p for p in parts if p)


def rows(documents: list[dict]) -> list[list]:
    """The register's rows (dates as ``date``), one per task, one per document without tasks."""
    out: list[list] = []
    for number, result in enumerate(unique_documents(documents), start=1):
        head = [number, document_cell(result), receivers(result)]
        tasks = [task for _uid, task in document_tasks(result)]
        for task in tasks:
            out.append(head + [
                deadline_value(task), PROGRESS.get(str(task.get("status") or "").lower(), ""), "",
                note(result, task), "; ".join(task.get("lead") or []), "; ".join(task.get("support") or []),
                task.get("description") or task.get("title") or "",
            ])
        if not tasks:
            out.append(head + ["", "", "", document_of(result).get("urgency") or "", "", "", ""])
    return out


def _text(value: object) -> str:
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value)


def export(documents: list[dict]) -> bytes:
    """UTF-8 CSV with a BOM, comma separated, CRLF line ends; dates dd/mm/yyyy."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([_text(value) for value in row] for row in rows(documents))
    return buffer.getvalue().encode("utf-8-sig")


def export_xlsx(documents: list[dict]) -> bytes:
    """The register as an .xlsx workbook (one sheet, "So theo doi")."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    sheet = book.active
    sheet.title = "So theo doi"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    sheet.append(COLUMNS)
    for row in rows(documents):
        sheet.append(row)
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = wrap
            if isinstance(cell.value, date):
                cell.number_format = "DD/MM/YYYY"
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"
    book.properties.creator = "congvan"
    book.properties.created = book.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return _restamp(raw.getvalue())


def _restamp(data: bytes) -> bytes:
    """The same zip with every entry dated ZIP_TIME (openpyxl stamps entries with the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
