"""edXML packets (QCVN 102:2016/BTTTT): the header as the sender's system wrote it, and the attached files.

A packet is not one text but an envelope: its header (sender and recipients with their organisation ids, số/ký
hiệu, date, type, trích yếu, signer, due date, priority…) and one or more attachments, each a file zipped and
base64-encoded. `parse` reads both, safely; turning the attachments into documents needs the whole pipeline, so
it lives in `congvan.pipeline.packet`, and `read` (the reader interface) refuses with a clear reason.

Reading rules (../shared/research/edxml.md §1): elements are matched by local name, namespace ignored, case
folded (``Timestamp``/``TimeStamp``), in any order; empty elements count as absent; ``Bussiness`` (the
standard's spelling) and ``Business`` are both accepted; ``ContentId`` is compared without ``cid:``.

Safety: the XML is parsed by lxml with entity resolution, DTD loading and network access off and lxml's size
guards on (``huge_tree=False``, so one text node, e.g. one attachment's base64, stays under 10 MB); a packet
declaring a DTD or entities is refused. The packet, each attachment (encoded and unzipped), their total and
their number are bounded. Names in the packet (AttachmentName, ZIP entries) are only ever shown or used for
their extension, never as paths, and a name that looks like a path is refused. Every refusal is a
`PacketError` whose message starts with its class: ``too_large``, ``unreadable``, ``unsupported`` or
``encrypted``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePath

from congvan.layout import Layout, ReadError

NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
DATE_FORMAT = "%Y/%m/%d"
TIMESTAMP_FORMAT = "%Y/%m/%d %H:%M:%S"

MiB = 1024 * 1024
MAX_PACKET_BYTES = 48 * MiB
MAX_ATTACHMENTS = 20
MAX_ATTACHMENT_BYTES = 30 * MiB  # one file, after unzipping
MAX_TOTAL_BYTES = 60 * MiB  # every file of the packet, after unzipping

#: OtherInfo/Priority → the contract's urgency (4, hỏa tốc hẹn giờ, is read as Hỏa tốc with a warning).
PRIORITY_URGENCY = {0: None, 1: "Khẩn", 2: "Thượng khẩn", 3: "Hỏa tốc", 4: "Hỏa tốc"}
URGENCY_PRIORITY = {None: 0, "Khẩn": 1, "Thượng khẩn": 2, "Hỏa tốc": 3}
#: Bussiness/BussinessDocType → operation.
OPERATIONS = {0: "new", 1: "revoke", 2: "update", 3: "replace"}
OPERATION_CODES = {name: code for code, name in OPERATIONS.items()}

#: File extensions by the MIME type an attachment declares (when its name and content say nothing).
CONTENT_TYPES = {
    "application/pdf": ".pdf", "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/plain": ".txt", "text/html": ".html", "text/markdown": ".md",
    "image/png": ".png", "image/jpeg": ".jpg", "image/tiff": ".tif",
}
_MAGIC = ((b"%PDF", ".pdf"), (b"\xd0\xcf\x11\xe0", ".doc"))
_SUFFIX = re.compile(r"\.[a-z0-9]{1,8}")
_PATHLIKE = re.compile(r"[/\\\x00-\x1f]|^\.\.?$|^[a-zA-Z]:")


class PacketError(ReadError):
    """A packet refused, with its class (too_large, unreadable, unsupported, encrypted) first in the message and
    as the ReadError's error_class (what failures.jsonl and the service's 4xx body report)."""

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        super().__init__(f"{kind}: {message}", kind)


@dataclass
class Attachment:
    """One attached file: what the packet declares about it and its bytes (unzipped)."""

    index: int  # 1-based position in the packet
    content_id: str
    name: str  # AttachmentName as declared: for display and its extension only
    content_type: str
    description: str
    data: bytes
    entry: str | None = None  # the ZIP entry's name when the file came zipped (display only)

    @property
    def extension(self) -> str:
        """The file's extension: its magic bytes, else the declared name's, the ZIP entry's, the MIME type's."""
        for magic, suffix in _MAGIC:
            if self.data.startswith(magic):
                return suffix
        for name in (self.name, self.entry or ""):
            suffix = PurePath(name).suffix.lower()
            if _SUFFIX.fullmatch(suffix) and suffix not in (".zip", ".edxml"):
                return suffix
        if self.data.startswith(b"PK\x03\x04"):
            return ".docx"
        return CONTENT_TYPES.get(self.content_type.split(";")[0].strip().lower(), "")

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def summary(self) -> dict:
        """What the output records about the attachment (no bytes)."""
        return {"index": self.index, "content_id": self.content_id, "name": self.name,
                "content_type": self.content_type, "description": self.description, "size": len(self.data),
                "sha256": self.sha256}


@dataclass
class Packet:
    """A parsed packet: 'edoc' (a document) or 'status' (a processing status); header values as written."""

    kind: str
    header: dict
    attachments: list[Attachment] = field(default_factory=list)
    sha256: str = ""  # of the packet's bytes


def read(path: str) -> Layout:
    """The reader interface cannot hold a packet (several files, a header): the pipeline reads packets."""
    raise PacketError("unsupported", "an edXML packet is read by congvan.pipeline.packet (extract/convert), "
                                     "not as one text")


def read_packet(path: str | Path) -> Packet:
    """Parse the packet in a file (size checked before reading)."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_PACKET_BYTES:
        raise PacketError("too_large", f"packet is {size} bytes (limit {MAX_PACKET_BYTES})")
    return parse(path.read_bytes())


def parse(data: bytes) -> Packet:
    """Parse packet bytes: header fields and attachments; PacketError when it is hostile, broken or too big."""
    root = _parse_xml(data)
    if _local(root) != "edxml":
        raise PacketError("unreadable", f"root element is <{_local(root)}>, not <edXML>")
    message = _find(root, "edXMLEnvelope", "edXMLHeader", "MessageHeader")
    if message is None:
        message = _first_named(root, "messageheader")
    if message is None:
        raise PacketError("unreadable", "no MessageHeader in the packet")
    if _text(message, "StatusCode") is not None:
        return Packet("status", _status_header(message), sha256=hashlib.sha256(data).hexdigest())
    header = _edoc_header(message)
    trace_list = _find(root, "edXMLEnvelope", "edXMLHeader", "TraceHeaderList")
    header["trace"] = [_fields(t, ("OrganId", "Timestamp")) for t in _all(trace_list, "TraceHeader")]
    business = _child(trace_list, "Business")
    header["business"] = _business(business) if business is not None else None
    return Packet("edoc", header, _attachments(root), hashlib.sha256(data).hexdigest())


# -- XML ---------------------------------------------------------------------------------------------

def _parse_xml(data: bytes):  # noqa: ANN202 - lxml's element type
    from lxml import etree

    if len(data) > MAX_PACKET_BYTES:
        raise PacketError("too_large", f"packet is {len(data)} bytes (limit {MAX_PACKET_BYTES})")
    if declares_dtd(data):
        raise PacketError("unsupported", "the packet declares a DTD or entities, which edXML never uses")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        text = str(exc)
        if "huge" in text.lower() or "too large" in text.lower():
            raise PacketError("too_large", f"a text in the packet is over the XML parser's 10 MB limit ({text})") \
                from exc
        raise PacketError("unreadable", f"not well-formed XML ({text})") from exc
    doc = root.getroottree().docinfo
    if doc.doctype or doc.internalDTD is not None:
        raise PacketError("unsupported", "the packet declares a DTD, which edXML never uses")
    return root


_DTD = re.compile(r"<!(DOCTYPE|ENTITY)", re.I)
_DTD_BYTES = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)


def declares_dtd(data: bytes) -> bool:
    """A DOCTYPE or ENTITY declaration, in UTF-8 or (NUL bytes in the first ones) UTF-16. The parser is safe
    without this; it makes the refusal explicit and early. docinfo is checked again after parsing."""
    if _DTD_BYTES.search(data):
        return True
    if b"\x00" in data[:4]:
        encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else (
            "utf-16-be" if data[:1] == b"\x00" else "utf-16-le")
        return bool(_DTD.search(data[:1 << 20].decode(encoding, errors="ignore")))
    return False


def _local(element) -> str:  # noqa: ANN001
    tag = element.tag if isinstance(element.tag, str) else ""
    name = tag.rsplit("}", 1)[-1].casefold()
    return name.replace("bussiness", "business")


def _children(element, name: str) -> list:  # noqa: ANN001
    if element is None:
        return []
    key = name.casefold().replace("bussiness", "business")
    return [child for child in element if _local(child) == key]


def _child(element, name: str):  # noqa: ANN001, ANN202
    found = _children(element, name)
    return found[0] if found else None


def _all(element, name: str) -> list:  # noqa: ANN001
    return _children(element, name)


def _find(element, *names: str):  # noqa: ANN001, ANN202
    for name in names:
        element = _child(element, name)
        if element is None:
            return None
    return element


def _first_named(element, key: str):  # noqa: ANN001, ANN202
    for child in element.iter():
        if _local(child) == key:
            return child
    return None


def _text(element, *names: str) -> str | None:  # noqa: ANN001
    """The stripped text at a path of local names; None when missing or empty."""
    found = _find(element, *names) if names else element
    if found is None or found.text is None:
        return None
    text = " ".join(found.text.split())
    return text or None


def _fields(element, names: tuple[str, ...]) -> dict:  # noqa: ANN001
    """{snake_case name: text} for the children named."""
    return {_snake(name): _text(element, name) for name in names}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


ORGAN_FIELDS = ("OrganId", "OrganizationInCharge", "OrganName", "OrganAdd", "Email", "Telephone", "Fax", "Website")


def _edoc_header(message) -> dict:  # noqa: ANN001
    other = _child(message, "OtherInfo")
    return {
        "from": _fields(_child(message, "From"), ORGAN_FIELDS),
        "to": [_fields(e, ORGAN_FIELDS) for e in _all(message, "To")],
        "document_id": _text(message, "DocumentId"),
        "code": _fields(_child(message, "Code"), ("CodeNumber", "CodeNotation")),
        "promulgation_info": _fields(_child(message, "PromulgationInfo"), ("Place", "PromulgationDate")),
        "document_type": _fields(_child(message, "DocumentType"), ("Type", "TypeDetail", "TypeName")),
        "subject": _text(message, "Subject"),
        "content": _text(message, "Content"),
        "signer_info": _fields(_child(message, "SignerInfo"), ("Competence", "Position", "FullName")),
        "due_date": _text(message, "DueDate"),
        "other_info": {
            **_fields(other, ("Priority", "SphereOfPromulgation", "TyperNotation", "PromulgationAmount",
                              "PageAmount", "Direction")),
            "appendixes": [t for t in (_text(e) for e in _all(_child(other, "Appendixes"), "Appendix")) if t],
        },
        "response_for": [_fields(e, ("OrganId", "Code", "PromulgationDate", "DocumentId"))
                         for e in _all(message, "ResponseFor")],
        "steering_type": _text(message, "SteeringType"),
        "to_places": [t for t in (_text(e) for e in _all(_child(message, "ToPlaces"), "Place")) if t],
    }


def _business(element) -> dict:  # noqa: ANN001
    staff = _child(element, "StaffInfo")
    return {
        "doc_type": _text(element, "BusinessDocType"),
        "reason": _text(element, "BusinessDocReason"),
        "document_id": _text(element, "DocumentId"),
        "paper": _text(element, "Paper"),
        "staff_info": _fields(staff, ("Department", "Staff", "Email", "Mobile")) if staff is not None else None,
    }


def _status_header(message) -> dict:  # noqa: ANN001
    staff = _child(message, "StaffInfo")
    return {
        "from": _fields(_child(message, "From"), ORGAN_FIELDS),
        "response_for": [_fields(e, ("OrganId", "Code", "PromulgationDate", "DocumentId"))
                         for e in _all(message, "ResponseFor")],
        "staff_info": _fields(staff, ("Department", "Staff", "Email", "Mobile")) if staff is not None else None,
        "status_code": _text(message, "StatusCode"),
        "description": _text(message, "Description"),
        "timestamp": _text(message, "Timestamp"),
    }


# -- attachments -------------------------------------------------------------------------------------

def _cid(value: str | None) -> str:
    text = (value or "").strip().strip("<>")
    return text[4:] if text.casefold().startswith("cid:") else text


def _attachments(root) -> list[Attachment]:  # noqa: ANN001
    encoded = _child(root, "AttachmentEncoded")
    items = _all(encoded, "Attachment")
    if len(items) > MAX_ATTACHMENTS:
        raise PacketError("too_large", f"packet has {len(items)} attachments (limit {MAX_ATTACHMENTS})")
    manifest = _find(root, "edXMLEnvelope", "edXMLBody", "edXMLManifest")
    declared = {_cid(_text(r, "ContentId")): r for r in _all(manifest, "Reference")}
    found: list[Attachment] = []
    total = 0
    for item in items:
        cid = _cid(_text(item, "ContentId"))
        ref = declared.get(cid)
        name = _text(item, "AttachmentName") or (_text(ref, "AttachmentName") if ref is not None else None) or ""
        _check_name(name)
        content_type = _text(item, "ContentType") or (_text(ref, "ContentType") if ref is not None else None) or ""
        description = _text(item, "Description") or ""
        for data, entry in _decode(_child(item, "ContentTransferEncoded"), name):
            total += len(data)
            if total > MAX_TOTAL_BYTES:
                raise PacketError("too_large", f"attachments unzip to over {MAX_TOTAL_BYTES} bytes in all")
            found.append(Attachment(len(found) + 1, cid, name, content_type, description, data, entry))
            if len(found) > MAX_ATTACHMENTS:
                raise PacketError("too_large", f"packet holds over {MAX_ATTACHMENTS} files")
    return found


def _check_name(name: str) -> None:
    if _PATHLIKE.search(name) or ".." in PurePath(name.replace("\\", "/")).parts:
        raise PacketError("unreadable", f"attachment name {name[:80]!r} looks like a path, not a file name")


def _check_entry(filename: str) -> None:
    """A ZIP entry may sit in a folder, but never above or outside it."""
    text = filename.replace("\\", "/")
    if text.startswith("/") or re.search(r"[\x00-\x1f]|^[a-zA-Z]:", text) or ".." in text.split("/"):
        raise PacketError("unreadable", f"ZIP entry name {filename[:80]!r} looks like a path outside the archive")


def _decode(element, name: str) -> list[tuple[bytes, str | None]]:  # noqa: ANN001
    """The files of one attachment: its ZIP's entries (the format's rule), or the bytes as sent."""
    text = element.text if element is not None and element.text else ""
    compact = re.sub(r"\s+", "", text)
    if not compact:
        raise PacketError("unreadable", f"attachment {name!r} has no content (ContentTransferEncoded)")
    if len(compact) * 3 // 4 > MAX_ATTACHMENT_BYTES:
        raise PacketError("too_large", f"attachment {name!r} is over {MAX_ATTACHMENT_BYTES} bytes")
    try:
        raw = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise PacketError("unreadable", f"attachment {name!r} is not valid base64 ({exc})") from exc
    if not raw.startswith(b"PK\x03\x04"):
        return [(raw, None)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, ValueError) as exc:
        raise PacketError("unreadable", f"attachment {name!r} is a broken ZIP ({exc})") from exc
    if _is_office_names([i.filename for i in infos]):
        return [(raw, None)]  # a .docx sent as is: not the transport ZIP
    if len(infos) > MAX_ATTACHMENTS:
        raise PacketError("too_large", f"attachment {name!r} holds {len(infos)} files (limit {MAX_ATTACHMENTS})")
    files = []
    for info in infos:
        entry = PurePath(info.filename.replace("\\", "/")).name
        _check_entry(info.filename)
        if info.flag_bits & 0x1:
            raise PacketError("encrypted", f"ZIP entry {entry!r} of attachment {name!r} is encrypted")
        if info.file_size > MAX_ATTACHMENT_BYTES:
            raise PacketError("too_large", f"ZIP entry {entry!r} unzips to {info.file_size} bytes "
                                           f"(limit {MAX_ATTACHMENT_BYTES})")
        try:
            with archive.open(info) as handle:
                data = handle.read(MAX_ATTACHMENT_BYTES + 1)
        except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, RuntimeError) as exc:
            raise PacketError("unreadable", f"ZIP entry {entry!r} of attachment {name!r}: {exc}") from exc
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise PacketError("too_large", f"ZIP entry {entry!r} unzips to over {MAX_ATTACHMENT_BYTES} bytes")
        files.append((data, entry))
    return files


def _is_office_names(names: list[str]) -> bool:
    return "[Content_Types].xml" in names


# -- values ------------------------------------------------------------------------------------------

def iso_date(value: str | None) -> str | None:
    """'2023/06/19' (the format's own form; ISO and a trailing time accepted too) → '2023-06-19'; None if not."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?", value.strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def packet_date(value: str | date | None) -> str:
    """An ISO date (or date) → 'yyyy/MM/dd'; '' for None."""
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(value)
    return day.strftime(DATE_FORMAT)


def packet_timestamp(moment: datetime) -> str:
    """'yyyy/MM/dd HH:mm:ss'."""
    return moment.strftime(TIMESTAMP_FORMAT)


def integer(value: str | None) -> int | None:
    """An integer element's value, or None when missing or not an integer."""
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
