"""edXML packets (QCVN 102:2016/BTTTT) of converted documents, one packet per document with its original file.

The layout, namespace, element order and local names are those of the VPCP SDK sample ``edoc_new.edxml``
(../shared/research/edxml.md §1–§4): the root ``edXML`` with the edXML namespace as default, the envelope
declaring the ``edXML:`` prefix, ``AttachmentEncoded``/``Attachment`` unprefixed and ``ContentTransferEncoded``
carrying its own ``xmlns:edXML``. Dates are ``yyyy/MM/dd``, timestamps ``yyyy/MM/dd HH:mm:ss``. The attachment
is the original file zipped (one entry) and base64-encoded, as the format requires. No XML-DSig ``Signature``
is written (it is optional and needs the agency's certificate).

What the contract does not hold comes from elsewhere, never invented:

* OrganIds of the sender (``From``) and recipients (``To``): the organisation registry (`orgs`), or the ids the
  document already carries when it was read from a packet; a recipient without an id is kept in ``ToPlaces``
  with a warning, a sender without one leaves ``OrganId`` empty with a warning.
* ``DocumentId``: the packet's own when the document came in one, else ``<sender id>,<yyyy/MM/dd>,<số/ký
  hiệu>`` (the convention), else the document's stable uid with a warning.
* ``DocumentType/Type``: `TYPE_CODES` (the code list is not confirmed; 1 by default, inferred).
* ``DueDate``: the packet's own, else the earliest task deadline whose lead or support is a ``To`` recipient.
* ``SteeringType``: 1 when the document has tasks, else 0 (inferred).
* Contact fields, ``SphereOfPromulgation``, ``TyperNotation``, ``PromulgationAmount``, ``StaffInfo``: empty
  unless the registry row gives contact columns.
* ``TraceHeader/Timestamp``: the document date at 00:00:00 (so the same document gives the same bytes); pass
  ``now`` to stamp the sending time.
"""

from __future__ import annotations

import base64
import hashlib
import io
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePath
from xml.sax.saxutils import escape

from congvan.exporters import EPOCH, NAMESPACE, document_date, document_of, document_uid, parse_date
from congvan.exporters.orgs import Org, Registry
from congvan.extractors.agencies import agency_key
from congvan.readers import edxml as packets
from congvan.text.normalize import fold

MEDIA_TYPE = "application/xml"
EXTENSION = ".edxml"
#: DocumentType/Type codes by tên loại. Not confirmed anywhere public (samples pair 1 with several types):
#: 1 for every type unless a hub's list says otherwise; edit here when one does.
TYPE_CODES: dict[str, int] = {}
DEFAULT_TYPE_CODE = 1


@dataclass
class Original:
    """The file a document was converted from: its name (shown in the packet) and bytes."""

    name: str
    data: bytes


@dataclass
class Built:
    """One written packet and what was missing while writing it."""

    data: bytes
    warnings: list[str] = field(default_factory=list)


class XmlWriter:
    """A tiny indented writer: the sample's prefixes and order, exactly."""

    def __init__(self) -> None:
        self.lines: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>']
        self.depth = 0

    def open(self, tag: str, attrs: str = "") -> None:
        self.lines.append(f"{'  ' * self.depth}<{tag}{attrs}>")
        self.depth += 1

    def close(self, tag: str) -> None:
        self.depth -= 1
        self.lines.append(f"{'  ' * self.depth}</{tag}>")

    def leaf(self, tag: str, value: object = None, attrs: str = "") -> None:
        text = "" if value is None else escape(str(value))
        name = tag.split(" ")[0]
        self.lines.append(f"{'  ' * self.depth}<{tag}{attrs}>{text}</{name}>")

    def text(self) -> bytes:
        return ("\n".join(self.lines) + "\n").encode("utf-8")


E = "edXML:"


def build(result: dict, original: Original, registry: Registry | None = None, now: datetime | None = None) -> Built:
    """The packet of one converted document with its original file attached."""
    registry = registry or Registry()
    doc = document_of(result)
    known = result.get("edxml") or {}
    warnings: list[str] = []
    if doc.get("confidentiality"):
        warnings.append(f"the document is marked '{doc['confidentiality']}': edXML has no độ mật field and secret "
                        "documents do not travel over liên thông")
    sender = _org(registry, doc.get("issuer"), "sender", known.get("from"), warnings)
    recipients = [(name, _org(registry, name, "recipient", _known_to(known, name), warnings))
                  for name in doc.get("recipients") or []]
    to = [(name, org) for name, org in recipients if org is not None]
    issued = document_date(result)
    document_id = known.get("document_id") or _document_id(result, sender, issued, warnings)
    number = doc.get("number") or ""
    code_number, _, code_notation = number.partition("/")
    x = XmlWriter()
    x.open("edXML", f' xmlns="{packets.NAMESPACE}"')
    x.open(f"{E}edXMLEnvelope", f' xmlns:edXML="{packets.NAMESPACE}"')
    x.open(f"{E}edXMLHeader")
    x.open(f"{E}MessageHeader")
    write_organ(x, "From", sender, doc.get("issuer"), doc.get("parent_issuer") or doc.get("issuer"))
    for name, org in to:
        write_organ(x, "To", org, name, name)
    x.leaf(f"{E}DocumentId", document_id)
    x.open(f"{E}Code")
    x.leaf(f"{E}CodeNumber", code_number)
    x.leaf(f"{E}CodeNotation", code_notation)
    x.close(f"{E}Code")
    x.open(f"{E}PromulgationInfo")
    x.leaf(f"{E}Place", doc.get("place"))
    x.leaf(f"{E}PromulgationDate", packets.packet_date(issued))
    x.close(f"{E}PromulgationInfo")
    x.open(f"{E}DocumentType")
    x.leaf(f"{E}Type", TYPE_CODES.get(fold(doc.get("type") or ""), DEFAULT_TYPE_CODE))
    x.leaf(f"{E}TypeDetail", 0)
    x.leaf(f"{E}TypeName", doc.get("type"))
    x.close(f"{E}DocumentType")
    subject = _subject(doc)
    x.leaf(f"{E}Subject", subject)
    x.leaf(f"{E}Content", subject)
    _signer(x, doc.get("signer") or {})
    due = parse_date(known.get("due_date")) or _due_date(result, [name for name, _ in to])
    if due:
        x.leaf(f"{E}DueDate", packets.packet_date(due))
    _other_info(x, result)
    for answer in known.get("response_for") or []:
        x.open(f"{E}ResponseFor")
        for tag, key in (("OrganId", "organ_id"), ("Code", "code"), ("PromulgationDate", "promulgation_date"),
                         ("DocumentId", "document_id")):
            x.leaf(f"{E}{tag}", answer.get(key))
        x.close(f"{E}ResponseFor")
    x.leaf(f"{E}SteeringType", 1 if result.get("tasks") else 0)
    places = _to_places(doc, [name for name, org in recipients if org is None])
    if places:
        x.open(f"{E}ToPlaces")
        for place in places:
            x.leaf(f"{E}Place", place)
        x.close(f"{E}ToPlaces")
    x.close(f"{E}MessageHeader")
    stamp = now or datetime.combine(issued or EPOCH, datetime.min.time())
    _trace(x, sender, document_id, stamp)
    x.close(f"{E}edXMLHeader")
    content_id = f"cid:{uuid.uuid5(NAMESPACE, hashlib.sha256(original.data).hexdigest())}"
    content_type = "application/zip"
    x.open(f"{E}edXMLBody")
    x.open(f"{E}edXMLManifest", ' version="1.0"')
    x.open(f"{E}Reference")
    x.leaf(f"{E}ContentId", content_id)
    x.leaf(f"{E}ContentType", content_type)
    x.leaf(f"{E}Description", original.name)
    x.leaf(f"{E}AttachmentName", original.name)
    x.close(f"{E}Reference")
    x.close(f"{E}edXMLManifest")
    x.close(f"{E}edXMLBody")
    x.close(f"{E}edXMLEnvelope")
    x.open("AttachmentEncoded")
    x.open("Attachment")
    x.leaf("ContentId", content_id)
    x.leaf("AttachmentName", original.name)
    x.leaf("Description", original.name)
    x.leaf("ContentType", content_type)
    x.leaf(f"{E}ContentTransferEncoded", _zipped(original, issued), f' xmlns:edXML="{packets.NAMESPACE}"')
    x.close("Attachment")
    x.close("AttachmentEncoded")
    x.close("edXML")
    return Built(x.text(), warnings)


def _org(registry: Registry, name: str | None, role: str, known: dict | None, warnings: list[str]) -> Org | None:
    """The registered agency, else the id the document's own packet gave it, else None (with a warning)."""
    org = registry.find(name, warnings)
    if org is None and known and known.get("organ_id"):
        return Org(name or known.get("organ_name") or "", known["organ_id"])
    if org is None:
        registry.organ_id(name, role, warnings)  # adds the warning
    return org


def _known_to(known: dict, name: str) -> dict | None:
    for entry in known.get("to") or []:
        if entry.get("organ_name") and agency_key(entry["organ_name"]) == agency_key(name):
            return entry
    return None


def write_organ(x: XmlWriter, tag: str, org: Org | None, name: str | None, in_charge: str | None) -> None:
    contact = org.contact if org else {}
    x.open(f"{E}{tag}")
    x.leaf(f"{E}OrganId", org.id if org else "")
    x.leaf(f"{E}OrganizationInCharge", in_charge)
    x.leaf(f"{E}OrganName", name)
    for element, key in (("OrganAdd", "address"), ("Email", "email"), ("Telephone", "telephone"), ("Fax", "fax"),
                         ("Website", "website")):
        x.leaf(f"{E}{element}", contact.get(key))
    x.close(f"{E}{tag}")


def _document_id(result: dict, sender: Org | None, issued: date | None, warnings: list[str]) -> str:
    number = document_of(result).get("number")
    if sender and issued and number:
        return f"{sender.id},{packets.packet_date(issued)},{number}"
    warnings.append("DocumentId: sender id, date or number missing, so the document's uid is used")
    return document_uid(result)


def _subject(doc: dict) -> str:
    subject = doc.get("subject") or ""
    if doc.get("type") == "Công văn" and subject and not fold(subject).startswith(("v/v", "về việc")):
        return f"V/v {subject}"
    return subject


def _signer(x: XmlWriter, signer: dict) -> None:
    authority, behalf, title = signer.get("authority"), signer.get("on_behalf_of"), signer.get("title")
    if authority and behalf:
        competence = f"{authority} {behalf.upper()}"
    elif authority:
        competence = authority
    else:
        competence = (title or "").upper()
    x.open(f"{E}SignerInfo")
    x.leaf(f"{E}Competence", competence)
    x.leaf(f"{E}Position", title)
    x.leaf(f"{E}FullName", signer.get("name"))
    x.close(f"{E}SignerInfo")


def _due_date(result: dict, to: list[str]) -> date | None:
    """The earliest dated task deadline whose lead or support is one of the To recipients."""
    keys = {agency_key(name) for name in to}
    dates = [parse_date((task.get("deadline") or {}).get("date")) for task in result.get("tasks") or []
             if keys & {agency_key(n) for n in (task.get("lead") or []) + (task.get("support") or [])}]
    dates = [d for d in dates if d]
    return min(dates) if dates else None


def _other_info(x: XmlWriter, result: dict) -> None:
    doc = document_of(result)
    x.open(f"{E}OtherInfo")
    x.leaf(f"{E}Priority", packets.URGENCY_PRIORITY.get(doc.get("urgency"), 0))
    x.leaf(f"{E}SphereOfPromulgation")
    x.leaf(f"{E}TyperNotation")
    x.leaf(f"{E}PromulgationAmount")
    x.leaf(f"{E}PageAmount", (result.get("source") or {}).get("pages") or "")
    x.leaf(f"{E}Direction", "false")
    x.close(f"{E}OtherInfo")


def _to_places(doc: dict, unresolved: list[str]) -> list[str]:
    """Nơi nhận lines (without "Lưu: …"), then recipients that have no OrganId and are not listed yet."""
    places = [line for line in doc.get("distribution") or [] if not fold(line).startswith("lưu")]
    seen = {agency_key(p) for p in places}
    return places + [name for name in unresolved if agency_key(name) not in seen]


def _trace(x: XmlWriter, sender: Org | None, document_id: str, stamp: datetime) -> None:
    x.open(f"{E}TraceHeaderList")
    x.open(f"{E}TraceHeader")
    x.leaf(f"{E}OrganId", sender.id if sender else "")
    x.leaf(f"{E}Timestamp", packets.packet_timestamp(stamp))
    x.close(f"{E}TraceHeader")
    x.open(f"{E}Bussiness")
    x.leaf(f"{E}DocumentId", document_id)
    x.leaf(f"{E}BussinessDocType", packets.OPERATION_CODES["new"])
    x.leaf(f"{E}BussinessDocReason", "Văn bản điện tử mới")
    x.leaf(f"{E}Paper", 0)
    x.open(f"{E}StaffInfo")
    for tag in ("Department", "Staff", "Email", "Mobile"):
        x.leaf(f"{E}{tag}")
    x.close(f"{E}StaffInfo")
    x.close(f"{E}Bussiness")
    x.close(f"{E}TraceHeaderList")


def _zipped(original: Original, issued: date | None) -> str:
    """The original file as one ZIP entry (fixed timestamp: same input, same bytes), base64."""
    buffer = io.BytesIO()
    stamp = (max(issued or EPOCH, date(1980, 1, 1))).timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(PurePath(original.name).name or "document", stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, original.data)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


# -- finding the original file ----------------------------------------------------------------------

class OriginalNotFound(LookupError):
    """The file a converted document came from is not where its source.path points (or has changed)."""


def find_original(result: dict, json_path: Path | None = None, folders: tuple[Path, ...] = ()) -> Original:
    """The original file of a converted document: source.path as given, next to the JSON, or in folders; its
    SHA-256 must match source.sha256. From a packet, the attachment that was read."""
    source = result.get("source") or {}
    given = str(source.get("path") or "")
    if not given:
        raise OriginalNotFound("the document has no source.path")
    candidates = [Path(given)]
    if json_path is not None:
        candidates.append(json_path.parent / given)
    for folder in folders:
        candidates += [folder / given, folder / PurePath(given.replace("\\", "/")).name]
    for path in candidates:
        if not path.is_file():
            continue
        data = path.read_bytes()
        if source.get("sha256") and hashlib.sha256(data).hexdigest() != source["sha256"]:
            raise OriginalNotFound(f"{path} has changed since it was converted (SHA-256 differs)")
        return original_from(path.name, data, source)
    raise OriginalNotFound(f"original file '{given}' not found (looked in: "
                           + ", ".join(str(p) for p in candidates) + "); use --originals DIR")


def original_from(name: str, data: bytes, source: dict) -> Original:
    """The file to attach for a document converted from (name, data): the file itself, or from a packet the
    attachment that was read."""
    if source.get("container") != "edxml":
        return Original(name, data)
    wanted = (source.get("attachment") or {}).get("sha256")
    for attachment in packets.parse(data).attachments:
        if attachment.sha256 == wanted:
            suffix = attachment.extension
            name = attachment.name if PurePath(attachment.name).suffix.lower() == suffix else \
                f"attachment-{attachment.index}{suffix}"
            return Original(name, attachment.data)
    raise OriginalNotFound("the packet no longer holds the attachment that was read")
