"""The pipeline for one document: load → normalise → segment into zones → extract → validate."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from congvan import readers
from congvan.extractors import (
    agencies,
    dates,
    distribution,
    doctype,
    issuer,
    marks,
    number,
    recipients,
    references,
    signer,
    site_meta,
    task_tables,
)
from congvan.extractors import clauses as clause_tree
from congvan.extractors import tasks as task_rules
from congvan.extractors.clauses import Clause
from congvan.extractors.context import Context
from congvan.layout import Layout, Line, ReadError
from congvan.pipeline.scan_fields import (
    drop_unreadable_name,
    implausible_date,
    recover_signer,
    scan_confidence,
    snap_names,
    snap_task_agencies,
)
from congvan.readers import preflight
from congvan.readers.limits import Limits
from congvan.schemas.models import DocumentResult
from congvan.text import attachments, ocr_words
from congvan.text import zones as zoning
from congvan.text.normalize import clean, fold
from congvan.text.paragraphs import drop_page_numbers, join_paragraphs
from congvan.text.tables import is_task_table

SCHEMA_VERSION = "1.0"


class PageLimitError(ReadError):
    """A document with more pages than the limits allow (checked after reading formats whose page count only
    reading tells: PDFs are refused from their page tree before reading)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "too_large")


def extract_file(path: str | Path, limits: Limits | None = None) -> dict:
    """Read and extract one file; raises readers.ReadError (with its error_class) for unreadable or refused
    input, PageLimitError past limits.max_pages. limits default to Limits()."""
    path = Path(path)
    limits = limits or Limits()
    if path.suffix.lower() == ".edxml":  # a packet: pre-flight, then its attachments come back here one by one
        from congvan.pipeline.packet import extract_packet

        preflight.check(path, "edxml", limits)
        return extract_packet(path, extract_file, limits)
    layout = readers.read(path, limits)
    if limits.max_pages and layout.pages > limits.max_pages:
        raise PageLimitError(f"too many pages ({layout.pages} > {limits.max_pages})")
    data = path.read_bytes()
    return extract_layout(layout, hashlib.sha256(data).hexdigest())


def extract_layout(layout: Layout, sha256: str = "") -> dict:
    """Run every extractor over a read document and return the contract's JSON object (validated)."""
    warnings = list(layout.warnings)
    lines = []
    for line in layout.lines:
        for piece in zoning.split_tabs(line):
            piece.text = ocr_words.correct(clean(piece.text)) if layout.ocr else clean(piece.text)
            if piece.text:
                lines.append(piece)
    lines = zoning.split_merged(drop_page_numbers(lines))
    document, tasks, more = extract_lines(lines, layout.stamps, layout.notes)
    warnings += more
    if layout.site_meta:  # a legal-database save: its metadata table cross-checks what the text says
        warnings += site_meta.cross_check(document, layout.site_meta)
    if layout.ocr:
        reader = dict(layout.confidence)
        warnings += recover_signer(document, layout.recovered, reader)
        warnings += snap_names(document)
        warnings += drop_unreadable_name(document)
        warnings += snap_task_agencies(tasks)
        warnings += implausible_date(document, warnings, layout.stamps)
        document["confidence"] = scan_confidence(document, warnings, reader)
    result = {
        "schema_version": SCHEMA_VERSION,
        "source": {"path": layout.path, "sha256": sha256, "format": layout.format, "pages": layout.pages,
                   "ocr": layout.ocr, "ocr_pages": layout.ocr_pages},
        "document": document,
        "tasks": tasks,
        "warnings": warnings,
    }
    return DocumentResult.model_validate(result).model_dump(mode="json")


def extract_lines(lines: list[Line], stamps: list[str],
                  notes: Sequence[str] = ()) -> tuple[dict, list[dict], list[str]]:
    """Header, body and footer fields from normalised lines (notes: the PDF's footnotes, for citations)."""
    warnings: list[str] = []
    header = _read_header(lines, stamps, warnings)
    lines, attached, rest = _set_attachments_apart(lines, header.body_start)
    zones = _cut_body_and_footer(lines, header)
    recips, dist, sign = _read_footer(lines, header, zones, warnings)
    urgency, secrecy = marks.extract(lines[: max(header.end, zones.body_start)])
    tree = clause_tree.build([(p.text, p.label) for p in zones.body])
    attached_text = [p.text for attachment in attached for p in attachment.paragraphs]
    refs = references.extract([header.subject or ""] + [p.text for p in zones.body] + attached_text + list(notes),
                              header.number)
    clauses = [c.to_dict() for c in tree] + [{**c.to_dict(), "attachment": a.type} for a in attached for c in a.tree]
    document = {
        "issuer": header.issuer, "parent_issuer": header.parent, "number": header.number,
        "number_parts": header.number_parts, "type": header.doc_type, "place": header.place, "date": header.date,
        "subject": header.subject, "urgency": urgency, "confidentiality": secrecy, "recipients": recips,
        "references": refs, "signer": sign, "distribution": dist, "clauses": clauses,
    }
    tasks = _find_tasks(lines + rest, header, zones, recips, tree, attached, warnings)
    return document, tasks, warnings


@dataclass
class _Header:
    """The header zone and what it says; body_start is where the body begins if no Kính gửi block follows."""

    kinh_gui: int | None  # index of the "Kính gửi" line, when there is one
    end: int
    body_start: int
    number: str | None
    number_parts: dict
    place: str | None
    date: str | None
    issuer: str | None
    parent: str | None
    subject: str | None
    doc_type: str


@dataclass
class _Attached:
    """A text the document issues after its signature (kế hoạch, quy định …): its paragraphs and clause tree."""

    type: str
    paragraphs: list[Line]
    tree: list[Clause]


def _set_attachments_apart(lines: list[Line], body_start: int) -> tuple[list[Line], list[_Attached], list[Line]]:
    """(the document's own lines, its attached texts, the lines from the first attached text on)."""
    lines = attachments.split_glued_title(lines, body_start)
    start, found = attachments.find_attachments(lines, body_start)
    attached = []
    for attachment in found:
        paragraphs = join_paragraphs(attachment.lines)
        attached.append(_Attached(attachment.type, paragraphs,
                                  clause_tree.build([(p.text, p.label) for p in paragraphs])))
    return lines[:start], attached, lines[start:]


@dataclass
class _Zones:
    """The lines after the header: the addressees' block, the body's paragraphs and task tables, the footer."""

    body_start: int
    footer_start: int
    footer_end: int
    recipients: list[str]
    blank: bool  # a Kính gửi block that names no one (the addressees are in Nơi nhận)
    body: list[Line]
    tables: dict[int, list[Line]]


def _read_header(lines: list[Line], stamps: list[str], warnings: list[str]) -> _Header:
    """Zone the header (up to Kính gửi, or the type line), read each of its fields, find where the body starts."""
    kg = _find_recipients_start(lines)
    tname, tindex, trest = doctype.type_line(lines, 0, kg if kg is not None else min(len(lines), 40))
    header_end = kg if kg is not None else (tindex + 1 if tindex is not None else min(len(lines), 12))
    header = lines[:header_end]
    num, parts, more, num_index = number.extract(header)
    warnings += more
    place, iso, more = dates.extract(header, stamps)
    warnings += more
    iss, parent, more = issuer.extract(header, num_index)
    warnings += more
    issuer_keys = {fold(x) for x in (iss, parent) if x}
    subject, after_subject = doctype.vv_subject(header)
    body_start = header_end
    if tname and tindex is not None:
        typed_subject, after = doctype.subject_lines(lines, tindex, trest, issuer_keys)
        subject = typed_subject or subject
        if kg is None:
            body_start = after
    elif kg is None:
        anchors = [i for i in (after_subject, num_index, _date_index(lines)) if i is not None]
        body_start = max(anchors) + 1 if anchors else 0
    doc_type = tname or ("Công văn" if subject and parts.get("type_code") is None else None)
    doc_type = doc_type or doctype.type_from_code(parts.get("type_code")) or "Công văn"
    if not subject:
        warnings.append("subject (trích yếu) not found")
    return _Header(kg, header_end, body_start, num, parts, place, iso, iss, parent, subject, doc_type)


def _cut_body_and_footer(lines: list[Line], header: _Header) -> _Zones:
    """The Kính gửi block and its addressees, the body (task tables set apart) and the footer's bounds."""
    block: list[Line] = []
    body_start = header.body_start
    if header.kinh_gui is not None:
        end = zoning.recipients_end(lines, header.kinh_gui)
        block, body_start = lines[header.kinh_gui:end], end
    recips, blank = recipients.extract(block)
    footer_start = zoning.find_footer(lines, body_start)
    footer_end = zoning.find_footer_end(lines, footer_start)
    body_lines = lines[body_start:footer_start]
    if not recips and header.kinh_gui is None and header.doc_type == "Giấy mời":
        recips = recipients.invitees(body_lines)  # "Thành phần mời: - …; - …" in the body
    tables = _task_tables(body_lines)
    body = join_paragraphs([line for line in body_lines if line.table not in tables or line.column is not None])
    return _Zones(body_start, footer_start, footer_end, recips, blank, body, tables)


def _read_footer(lines: list[Line], header: _Header, zones: _Zones,
                 warnings: list[str]) -> tuple[list[str], list[str], dict]:
    """(recipients, distribution, signer): Nơi nhận names the addressees when the Kính gửi block left them out."""
    dist, sig_lines = distribution.extract(lines[zones.footer_start:zones.footer_end])
    recips = zones.recipients
    if zones.blank and dist:
        recips = [d for d in dist if fold(d) not in ("như trên",) and not fold(d).startswith("lưu")]
    sign, more = signer.extract(sig_lines, header.issuer)
    warnings += more
    if not dist:
        warnings.append("distribution (Nơi nhận) not found")
    if header.kinh_gui is None and header.doc_type in ("Công văn", "Tờ trình", "Báo cáo"):
        warnings.append("recipients (Kính gửi) not found")
    return recips, dist, sign


def _find_tasks(lines: list[Line], header: _Header, zones: _Zones, recips: list[str], tree: list[Clause],
                attached: list[_Attached], warnings: list[str]) -> list[dict]:
    """The clause tree's tasks, each attached text's (read as its own type: a kế hoạch's items, a quy định's
    implementation articles), then a task per row of each task table (the body's, then an appendix's)."""
    context = Context(number=header.number, doc_date=date.fromisoformat(header.date) if header.date else None,
                      recipients=recips, issuer=header.issuer, doc_type=header.doc_type, subject=header.subject,
                      abbreviations=agencies.define_abbreviations(" ".join(p.text for p in zones.body)))
    tasks, more = task_rules.extract(tree, context)
    for attachment in attached:
        own = replace(context, doc_type=attachment.type, subjects={}, clauses={})
        found, also = task_rules.extract(attachment.tree, own)
        tasks += found
        more += also
    appendix = _task_tables(lines[zones.footer_end:])  # "PHỤ LỤC: danh mục nhiệm vụ" after the signature
    all_tables = [zones.tables[i] for i in sorted(zones.tables)] + [appendix[i] for i in sorted(appendix)]
    for number_of_table, rows in enumerate(all_tables, start=1):
        tasks += task_tables.extract(rows, number_of_table, header.number, context.doc_date, recips,
                                     lambda names: agencies.resolve_names(names, context))
    warnings += more
    return tasks


def _task_tables(lines: list[Line]) -> dict[int, list[Line]]:
    """The body's tables that are task tables (header row with content and lead columns), by table index."""
    grouped: dict[int, list[Line]] = {}
    for line in lines:
        if line.table is not None and line.column is None:
            grouped.setdefault(line.table, []).append(line)
    return {index: rows for index, rows in grouped.items() if is_task_table(rows)}


def _find_recipients_start(lines: list[Line]) -> int | None:
    for i, line in enumerate(lines[:60]):
        if zoning.KINH_GUI.match(line.text) or (zoning.DIEN.search(line.text) and len(line.text) < 80
                                               and line.text.rstrip().endswith(":")):
            return i
        if zoning.NOI_NHAN.match(line.text):
            return None
    return None


def _date_index(lines: list[Line]) -> int | None:
    for i, line in enumerate(lines[:25]):
        if dates.LONG.search(line.text) or dates.SHORT.search(line.text):
            return i
    return None
