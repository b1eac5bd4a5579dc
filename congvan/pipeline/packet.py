"""An edXML packet as one document: its attached files through the pipeline, its header laid over the result.

`extract_packet` parses the packet (`congvan.readers.edxml`: safe parsing, limits, classified errors), writes
each attachment that is a document to a temporary folder under a name of our own (``attachment-2.pdf``: the
index and the extension, never the packet's name) and extracts it with the function it is given (the
pipeline's `extract_file`, passed in so that this module does not import `run` back).

The result is the first readable attachment's, with:

* ``document``: the packet's header values (number, date, place, type, trích yếu, issuer, signer, urgency) taken
  as the sender's system wrote them. Where the attached text agrees (after folding case, spacing and
  "Ủy ban nhân dân" ≡ "UBND") its printed form is kept; where it disagrees the packet's value is used, the
  text's is kept in ``edxml.disagreements`` and a warning says so. ``edxml.field_sources`` says which side
  each value came from ("packet", "text", "both").
* ``tasks``: the attachment's tasks; those of further document attachments follow, each with ``attachment``.
* ``source``: the packet's path and hash, the attachment's format and pages, ``container: "edxml"``.
* ``edxml``: what only the packet knows (document id, operation, organisation ids of sender and recipients,
  steering type, due date, priority, the documents it answers, trace), the header as written, and one line per
  attachment. The due date stays here: it is not pushed into tasks that set none.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

from congvan.extractors import number as numbers
from congvan.extractors.agencies import agency_key
from congvan.layout import ReadError
from congvan.readers import SUFFIXES, edxml
from congvan.readers.limits import Limits
from congvan.schemas.models import DocumentResult
from congvan.text.normalize import fold, is_upper, title_case

Extract = Callable[[Path, Limits], dict]

_COMPETENCE = re.compile(r"^(TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\s*\.?\s+(.+)$", re.I)
_VV = re.compile(r"^\s*V/v\s*[:.]?\s*", re.I)  # the công văn's prefix, which the contract leaves out
_ABOUT = re.compile(r"^\s*(?:V/v|Về việc)\s*[:.]?\s*", re.I)
FIELDS = ("number", "date", "place", "type", "subject", "issuer", "urgency")
SIGNER_FIELDS = ("authority", "on_behalf_of", "title", "name")


def extract_packet(path: str | Path, extract: Extract, limits: Limits | None = None) -> dict:
    """The contract's object for a packet file; raises ReadError (PacketError) when it cannot be used. Each
    attachment goes through extract with limits (default Limits()): its pre-flight checks and page limit."""
    path = Path(path)
    limits = limits or Limits()
    packet = edxml.read_packet(path)
    if packet.kind == "status":
        code = packet.header.get("status_code")
        raise edxml.PacketError("unsupported", f"a status packet (StatusCode {code}) reports processing; "
                                               "it holds no document")
    documents = [a for a in packet.attachments if a.extension in SUFFIXES and a.extension != ".edxml"]
    if not documents:
        names = ", ".join(repr(a.name) for a in packet.attachments) or "none"
        raise edxml.PacketError("unreadable", f"the packet has no attachment that is a document (attachments: "
                                              f"{names})")
    results, notes = _extract_attachments(documents, extract, limits)
    if not results:
        raise edxml.PacketError("unreadable", "no attachment could be read: " + "; ".join(notes.values()))
    main_attachment, main = results[0]
    warnings = list(main["warnings"])
    document, sources, disagreements = merge_header(main["document"], packet.header, warnings)
    tasks = list(main["tasks"])
    for attachment, other in results[1:]:
        tasks += [{**task, "attachment": attachment.name} for task in other["tasks"]]
        warnings += [f"attachment {attachment.index} ({attachment.name}): {w}" for w in other["warnings"]]
    for index, note in notes.items():
        warnings.append(f"attachment {index} not read: {note}")
    result = {
        **main,
        "source": {**main["source"], "path": str(path), "sha256": packet.sha256,
                   "container": "edxml", "attachment": main_attachment.summary()},
        "document": document,
        "tasks": tasks,
        "warnings": warnings,
        "edxml": packet_facts(packet, sources, disagreements, _attachment_lines(packet, results, notes)),
    }
    return DocumentResult.model_validate(result).model_dump(mode="json")


def _extract_attachments(documents: list[edxml.Attachment], extract: Extract,
                         limits: Limits) -> tuple[list[tuple[edxml.Attachment, dict]], dict[int, str]]:
    """Each document attachment through the pipeline: (attachment, result) pairs and {index: why not read}."""
    results, notes = [], {}
    with tempfile.TemporaryDirectory(prefix="congvan-edxml-") as folder:
        for attachment in documents:
            file = Path(folder) / f"attachment-{attachment.index}{attachment.extension}"
            file.write_bytes(attachment.data)
            try:
                results.append((attachment, extract(file, limits)))
            except ReadError as exc:
                notes[attachment.index] = f"{attachment.name or attachment.content_id}: {exc}"
    return results, notes


def _attachment_lines(packet: edxml.Packet, results: list[tuple[edxml.Attachment, dict]],
                      notes: dict[int, str]) -> list[dict]:
    read = {a.index: r["source"]["format"] for a, r in results}
    lines = []
    for attachment in packet.attachments:
        line = attachment.summary()
        if attachment.index in read:
            line.update(status="read", format=read[attachment.index])
        elif attachment.index in notes:
            line.update(status="failed", error=notes[attachment.index])
        else:
            line.update(status="skipped", error=f"not a document type ('{attachment.extension or '?'}')")
        lines.append(line)
    return lines


# -- the header in the contract's terms -------------------------------------------------------------

def packet_fields(header: dict, warnings: list[str]) -> dict:
    """The contract-form values the packet header carries (only those it has): number, date, … signer."""
    values: dict = {}
    code = header.get("code") or {}
    if code.get("code_number"):
        joined = "/".join(p for p in (code.get("code_number"), code.get("code_notation")) if p)
        values["number"] = numbers.normalise(joined)
    info = header.get("promulgation_info") or {}
    raw_date = info.get("promulgation_date")
    if raw_date:
        values["date"] = edxml.iso_date(raw_date)
        if values["date"] is None:
            del values["date"]
            warnings.append(f"edXML PromulgationDate {raw_date!r} is not a yyyy/MM/dd date; ignored")
    if info.get("place"):
        values["place"] = info["place"]
    type_name = (header.get("document_type") or {}).get("type_name")
    if type_name:
        values["type"] = type_name[:1].upper() + type_name[1:].lower() if is_upper(type_name) else type_name
    if header.get("subject"):
        values["subject"] = _VV.sub("", header["subject"]) or header["subject"]
    issuer = (header.get("from") or {}).get("organ_name")
    if issuer:
        values["issuer"] = issuer
    priority = edxml.integer((header.get("other_info") or {}).get("priority"))
    if priority in edxml.PRIORITY_URGENCY:
        values["urgency"] = edxml.PRIORITY_URGENCY[priority]
        if priority == 4:
            warnings.append("edXML Priority 4 (hỏa tốc hẹn giờ) is read as urgency 'Hỏa tốc'")
    signer = _signer(header.get("signer_info") or {})
    if signer:
        values["signer"] = signer
    return values


def _signer(info: dict) -> dict:
    signer: dict = {}
    competence = info.get("competence")
    if competence:
        m = _COMPETENCE.match(competence)
        if m:
            signer["authority"] = m[1].upper().replace("/", "") + "."
            signer["on_behalf_of"] = title_case(m[2]).rstrip(".") if is_upper(m[2]) else m[2]
    if info.get("position"):
        signer["title"] = title_case(info["position"])
    if info.get("full_name"):
        signer["name"] = info["full_name"]
    return signer


def same(field: str, a: object, b: object) -> bool:
    """Whether the packet's and the text's value of a field say the same thing."""
    if a == b:
        return True
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    if field in ("issuer", "on_behalf_of"):
        ka, kb = agency_key(a), agency_key(b)
        return ka == kb or SequenceMatcher(None, ka, kb).ratio() >= 0.85
    if field == "number":
        return fold(a).replace(" ", "") == fold(b).replace(" ", "")
    if field == "subject":
        a, b = _ABOUT.sub("", a), _ABOUT.sub("", b)
    return " ".join(fold(a).split()).strip(" .;,") == " ".join(fold(b).split()).strip(" .;,")


def merge_header(document: dict, header: dict, warnings: list[str]) -> tuple[dict, dict, list[dict]]:
    """(document with the packet's values, {field: packet|text|both}, disagreements); warns on each one."""
    values = packet_fields(header, warnings)
    document = {**document, "signer": dict(document.get("signer") or {})}
    sources: dict[str, str] = {}
    disagreements: list[dict] = []

    for field in FIELDS:
        _take(field, values, document, field, sources, disagreements, warnings)
    for key in SIGNER_FIELDS:
        _take(f"signer.{key}", values.get("signer", {}), document["signer"], key, sources, disagreements, warnings)
    if sources.get("number") == "packet":
        document["number_parts"] = numbers.parse(document["number"])
    return document, sources, disagreements


def _take(field: str, values: dict, target: dict, key: str, sources: dict, disagreements: list[dict],
          warnings: list[str]) -> None:
    """Lay one packet value over target[key], recording its source and any disagreement."""
    text_value = target.get(key)
    if key not in values:
        if text_value:
            sources[field] = "text"
        return
    value = values[key]
    if same(key, value, text_value):
        sources[field] = "both"
        return
    sources[field] = "packet"
    target[key] = value
    if text_value not in (None, ""):
        disagreements.append({"field": field, "packet": value, "text": text_value})
        warnings.append(f"edXML header and attached text disagree on {field}: packet {value!r}, "
                        f"text {text_value!r} (the packet's value is used; both are in edxml.disagreements)")


def packet_facts(packet: edxml.Packet, sources: dict, disagreements: list[dict], attachments: list[dict]) -> dict:
    """The ``edxml`` object: packet-only facts in plain form, then the header as written."""
    header = packet.header
    business = header.get("business") or {}
    operation = edxml.OPERATIONS.get(edxml.integer(business.get("doc_type")))
    return {
        "kind": packet.kind,
        "document_id": header.get("document_id"),
        "operation": operation,
        "target_document_id": business.get("document_id") if operation not in (None, "new") else None,
        "from": header.get("from"),
        "to": header.get("to"),
        "steering_type": edxml.integer(header.get("steering_type")),
        "due_date": edxml.iso_date(header.get("due_date")),
        "priority": edxml.integer((header.get("other_info") or {}).get("priority")),
        "response_for": [{**r, "date": edxml.iso_date(r.get("promulgation_date"))}
                         for r in header.get("response_for") or []],
        "to_places": header.get("to_places") or [],
        "field_sources": sources,
        "disagreements": disagreements,
        "attachments": attachments,
        "header": header,
    }
