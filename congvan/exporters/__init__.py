"""Exporters: converted documents (the contract's JSON objects) to files that task trackers import.

Each format lives in its own module with ``export(documents) -> bytes``, ``MEDIA_TYPE`` and ``EXTENSION``.
``FORMATS`` maps a format name to a :class:`Format`; the module behind it is imported on first use, so
importing this package (as the command line does) stays cheap.

The helpers below are shared by every format: the stable identity and UUIDs of documents and tasks,
slugs for agency names, Vietnamese dates and the source line that points back to the document.
All output is deterministic: the same documents give the same bytes.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from types import ModuleType

from congvan.text.normalize import fold, strip_accents

#: Namespace of every UUID congvan writes (uuid5 of a fixed URN): the same document gives the same UIDs.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:x-congvan")
#: Stands for the date of an undated document in timestamps (DTSTAMP, entry), so output stays deterministic.
#: Not 1970-01-01: taskwarrior 2.6 rejects a time of 0 ("'0' is not a valid date").
EPOCH = date(2000, 1, 1)

URGENCY_RANK = {"Hỏa tốc": 1, "Thượng khẩn": 2, "Khẩn": 3}
RECURRENCE_VI = {
    "daily": "hằng ngày", "weekly": "hằng tuần", "monthly": "hằng tháng", "quarterly": "hằng quý",
    "every 6 months": "định kỳ 6 tháng", "yearly": "hằng năm", "continuous": "thường xuyên",
}


@dataclass(frozen=True)
class Format:
    """One export format: the module and function that write it, and what the written bytes are."""

    name: str
    module: str
    function: str = "export"
    media_attr: str = "MEDIA_TYPE"
    extension_attr: str = "EXTENSION"

    def _module(self) -> ModuleType:
        return importlib.import_module(f"congvan.exporters.{self.module}")

    @property
    def media_type(self) -> str:
        return getattr(self._module(), self.media_attr)

    @property
    def extension(self) -> str:
        return getattr(self._module(), self.extension_attr)

    @property
    def export(self) -> Callable[[list[dict]], bytes]:
        return getattr(self._module(), self.function)


FORMATS: dict[str, Format] = {
    "jsonl": Format("jsonl", "jsonl"),
    "ics": Format("ics", "ics"),
    "jira-csv": Format("jira-csv", "jira_csv"),
    "gitlab-csv": Format("gitlab-csv", "gitlab_csv"),
    "taskwarrior": Format("taskwarrior", "taskwarrior"),
    "register-csv": Format("register-csv", "register"),
    "register-xlsx": Format("register-xlsx", "register", "export_xlsx", "XLSX_MEDIA_TYPE", "XLSX_EXTENSION"),
}


def export(format: str, documents: list[dict]) -> bytes:
    """Write ``documents`` in ``format`` (a key of FORMATS); KeyError for an unknown format."""
    if format not in FORMATS:
        raise KeyError(f"unknown export format {format!r}; known: {', '.join(FORMATS)}")
    return FORMATS[format].export(documents)


# ---------------------------------------------------------------------------------------------------
# Identity and UUIDs
# ---------------------------------------------------------------------------------------------------

def document_of(result: dict) -> dict:
    """The ``document`` part of a converted result (an empty dict when missing)."""
    return result.get("document") or {}


def document_identity(result: dict) -> str:
    """What makes a document itself: issuer + số/ký hiệu + year (ND 30's dedup key), else the file's sha256.

    The issuer is folded ("Ủy ban nhân dân" ≡ "UBND", case, tone placement) so that the .docx and the
    .pdf of one document share an identity; without a number the source hash (or the content) decides.
    """
    doc = document_of(result)
    number = doc.get("number")
    if number:
        year = (doc.get("date") or "")[:4]
        return f"number:{agency_fold(doc.get('issuer') or '')}|{fold(number).replace(' ', '')}|{year}"
    sha = (result.get("source") or {}).get("sha256")
    if sha:
        return f"sha256:{sha}"
    canonical = json.dumps(doc, ensure_ascii=False, sort_keys=True)
    return "content:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def document_uid(result: dict) -> str:
    """Stable UUID of a document (uuid5 of its identity)."""
    return str(uuid.uuid5(NAMESPACE, document_identity(result)))


def task_uid(result: dict, task: dict) -> str:
    """Stable UUID of a task (uuid5 of the document identity + the task id)."""
    return str(uuid.uuid5(NAMESPACE, f"{document_identity(result)}#{task.get('id') or task.get('clause')}"))


def unique_documents(documents: list[dict]) -> list[dict]:
    """The documents in order, without later copies of the same document (its .docx and its .pdf)."""
    seen: set[str] = set()
    unique = []
    for result in documents:
        key = document_identity(result)
        if key not in seen:
            seen.add(key)
            unique.append(result)
    return unique


def document_tasks(result: dict) -> Iterator[tuple[str, dict]]:
    """(uid, task) for each task of a document; a repeated task id gets a distinct, still stable uid."""
    seen: dict[str, int] = {}
    for task in result.get("tasks") or []:
        uid = task_uid(result, task)
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:
            uid = str(uuid.uuid5(NAMESPACE, f"{uid}~{seen[uid]}"))
        yield uid, task


# ---------------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------------

def agency_fold(name: str) -> str:
    """Match form of an agency name: folded, with "ủy ban nhân dân" → "ubnd", "hội đồng nhân dân" → "hđnd"."""
    text = fold(name)
    return text.replace("ủy ban nhân dân", "ubnd").replace("hội đồng nhân dân", "hđnd")


def slug(name: str, sep: str = "-") -> str:
    """ASCII slug of a name: "Ủy ban nhân dân tỉnh Quảng Ngãi" → "ubnd-tinh-quang-ngai"."""
    ascii_text = strip_accents(agency_fold(name))
    ascii_text = unicodedata.normalize("NFKD", ascii_text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", sep, ascii_text).strip(sep) or "khong-ro".replace("-", sep)


def one_line(text: str) -> str:
    """Whitespace (newlines included) collapsed to single spaces."""
    return " ".join((text or "").split())


def truncate(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, with "…" where it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def parse_date(value: str | None) -> date | None:
    """An ISO date string as a date (None when missing or malformed)."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def document_date(result: dict) -> date | None:
    """The date of issue, or None."""
    return parse_date(document_of(result).get("date"))


def due_date(task: dict) -> date | None:
    """The task's deadline date, or None."""
    return parse_date((task.get("deadline") or {}).get("date"))


def vn_date(value: date | None) -> str:
    """dd/mm/yyyy, or "" for None."""
    return value.strftime("%d/%m/%Y") if value else ""


def urgency_rank(result: dict) -> int | None:
    """1 (Hỏa tốc), 2 (Thượng khẩn), 3 (Khẩn) or None for an ordinary document."""
    return URGENCY_RANK.get(document_of(result).get("urgency") or "")


def document_label(result: dict) -> str:
    """Tên loại + số: "Công văn số 1234/UBND-KT" (type alone when the number is blank)."""
    doc = document_of(result)
    kind = doc.get("type") or "Văn bản"
    return f"{kind} số {doc['number']}" if doc.get("number") else kind


def source_line(result: dict) -> str:
    """Where a task comes from: "Công văn số 1234/UBND-KT ngày 05/03/2024 của Ủy ban nhân dân tỉnh Quảng Ngãi"."""
    doc = document_of(result)
    parts = [document_label(result)]
    if document_date(result):
        parts.append(f"ngày {vn_date(document_date(result))}")
    if doc.get("issuer"):
        parts.append(f"của {doc['issuer']}")
    return " ".join(parts)


def clause_label(clause: str | None) -> str:
    """Human name of a clause path: "mục 2.a", "đoạn 4" (for p4), "nội dung mời họp"."""
    if not clause:
        return ""
    if clause == "meeting":
        return "nội dung mời họp"
    match = re.fullmatch(r"p(\d+)", clause)
    return f"đoạn {match.group(1)}" if match else f"mục {clause}"


def recurrence_vi(value: str | None) -> str:
    """Vietnamese wording of a recurrence value ("monthly" → "hằng tháng")."""
    return RECURRENCE_VI.get(value or "", value or "")


def deadline_text(task: dict) -> str:
    """The deadline as printed plus its date: "trước ngày 20/3/2024 (20/03/2024)"; "" when there is none."""
    printed = one_line((task.get("deadline") or {}).get("text") or "")
    due = vn_date(due_date(task))
    if printed and due:
        return f"{printed} ({due})"
    return printed or due


def task_body(result: dict, task: dict) -> str:
    """The full text of a task followed by its source, deadline, agencies and report-to, one per line."""
    lines = [task.get("description") or task.get("title") or "", ""]
    source = source_line(result)
    if task.get("clause"):
        source += f", {clause_label(task['clause'])}"
    lines.append(f"Nguồn: {source}")
    if document_of(result).get("subject"):
        lines.append(f"Trích yếu: {document_of(result)['subject']}")
    if deadline_text(task):
        lines.append(f"Thời hạn: {deadline_text(task)}")
    if task.get("recurrence"):
        lines.append(f"Định kỳ: {recurrence_vi(task['recurrence'])}")
    if task.get("lead"):
        lines.append("Chủ trì: " + "; ".join(task["lead"]))
    if task.get("support"):
        lines.append("Phối hợp: " + "; ".join(task["support"]))
    if task.get("report_to"):
        lines.append(f"Báo cáo về: {task['report_to']}")
    return "\n".join(lines).strip()
