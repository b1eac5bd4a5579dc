"""The pipeline for one document: load → normalise → segment into zones → extract → validate."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from congvan import readers
from congvan.extractors import clauses as clause_tree
from congvan.extractors import dates, distribution, doctype, issuer, marks, number, recipients, references, signer
from congvan.pipeline import attachments as attached
from congvan.pipeline import zones as zoning
from congvan.pipeline.normalize import clean, fold
from congvan.pipeline.paragraphs import drop_page_numbers, join_paragraphs
from congvan.readers.base import Layout, Line

SCHEMA_VERSION = "1.0"


class PageLimitError(Exception):
    """A document with more pages than the caller allows (checked after reading, before extracting)."""


def extract_file(path: str | Path, max_pages: int = 0) -> dict:
    """Read and extract one file; raises readers.ReadError for unreadable input, PageLimitError past max_pages."""
    path = Path(path)
    layout = readers.read(path)
    if max_pages and layout.pages > max_pages:
        raise PageLimitError(f"too many pages ({layout.pages} > {max_pages})")
    data = path.read_bytes()
    return extract_layout(layout, hashlib.sha256(data).hexdigest())


def extract_layout(layout: Layout, sha256: str = "") -> dict:
    """Run every extractor over a read document and return the contract's JSON object (validated)."""
    from congvan.schemas.models import DocumentResult

    warnings = list(layout.warnings)
    lines = []
    for line in layout.lines:
        for piece in zoning.split_tabs(line):
            piece.text = clean(piece.text)
            if piece.text:
                lines.append(piece)
    lines = zoning.split_merged(drop_page_numbers(lines))
    document, tasks, more = extract_lines(lines, layout.stamps, layout.notes)
    warnings += more
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
    block: list[Line] = []
    if kg is not None:
        end = zoning.recipients_end(lines, kg)
        block, body_start = lines[kg:end], end
    recips, blank = recipients.extract(block)
    lines = attached.split_glued_title(lines, body_start)
    attach_at, attachments = attached.find_attachments(lines, body_start)
    rest = lines[attach_at:]
    lines = lines[:attach_at]
    footer_start = zoning.find_footer(lines, body_start)
    footer_end = zoning.find_footer_end(lines, footer_start)
    body_lines = lines[body_start:footer_start]
    if not recips and kg is None and doc_type == "Giấy mời":
        recips = recipients.invitees(body_lines)  # "Thành phần mời: - …; - …" in the body
    tables = _task_tables(body_lines)
    body = join_paragraphs([line for line in body_lines if line.table not in tables or line.column is not None])
    footer = lines[footer_start:footer_end]
    dist, sig_lines = distribution.extract(footer)
    if blank and dist:
        recips = [d for d in dist if fold(d) not in ("như trên",) and not fold(d).startswith("lưu")]
    sign, more = signer.extract(sig_lines)
    warnings += more
    if not dist:
        warnings.append("distribution (Nơi nhận) not found")
    if kg is None and doc_type in ("Công văn", "Tờ trình", "Báo cáo"):
        warnings.append("recipients (Kính gửi) not found")
    urgency, secrecy = marks.extract(lines[: max(header_end, body_start)])
    tree = clause_tree.build([(p.text, p.label) for p in body])
    attached_bodies = [join_paragraphs(a.lines) for a in attachments]
    attached_trees = [clause_tree.build([(p.text, p.label) for p in paras]) for paras in attached_bodies]
    attached_text = [p.text for paras in attached_bodies for p in paras]
    refs = references.extract([subject or ""] + [p.text for p in body] + attached_text + list(notes), num)
    document = {
        "issuer": iss, "parent_issuer": parent, "number": num, "number_parts": parts, "type": doc_type,
        "place": place, "date": iso, "subject": subject, "urgency": urgency, "confidentiality": secrecy,
        "recipients": recips, "references": refs, "signer": sign, "distribution": dist,
        "clauses": [c.to_dict() for c in tree] + [
            {**c.to_dict(), "attachment": a.type} for a, t in zip(attachments, attached_trees) for c in t],
    }
    from datetime import date as _date

    from congvan.extractors import agencies, task_tables
    from congvan.extractors import tasks as task_rules

    context = task_rules.Context(number=num, doc_date=_date.fromisoformat(iso) if iso else None,
                                 recipients=recips, issuer=iss, doc_type=doc_type,
                                 abbreviations=agencies.define_abbreviations(" ".join(p.text for p in body)))
    tasks, more = task_rules.extract(tree, context)
    for attachment, attached_tree in zip(attachments, attached_trees):
        own = task_rules.Context(number=num, doc_date=context.doc_date, recipients=recips, issuer=iss,
                                 doc_type=attachment.type, abbreviations=context.abbreviations)
        found, also = task_rules.extract(attached_tree, own)
        tasks += found
        more += also
    appendix = _task_tables(lines[footer_end:] + rest)  # "PHỤ LỤC: danh mục nhiệm vụ" after the signature
    all_tables = [tables[index] for index in sorted(tables)] + [appendix[index] for index in sorted(appendix)]
    for number_of_table, rows in enumerate(all_tables, start=1):
        tasks += task_tables.extract(rows, number_of_table, num, context.doc_date, recips,
                                     lambda names: task_rules.resolve_names(names, context))
    warnings += more
    return document, tasks, warnings


def _task_tables(lines: list[Line]) -> dict[int, list[Line]]:
    """The body's tables that are task tables (header row with content and lead columns), by table index."""
    from congvan.extractors import task_tables

    grouped: dict[int, list[Line]] = {}
    for line in lines:
        if line.table is not None and line.column is None:
            grouped.setdefault(line.table, []).append(line)
    return {index: rows for index, rows in grouped.items() if task_tables.is_task_table(rows)}


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
