"""edXML (QCVN 102:2016): packets written from the samples read back, strict layout, hostile packets, the
organisation registry and status packets."""

from __future__ import annotations

import base64
import io
import json
import re
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from congvan.cli import main
from congvan.exporters import edxml as writer
from congvan.exporters import edxml_status, orgs
from congvan.pipeline.convert import convert_one
from congvan.pipeline.run import extract_file
from congvan.readers import edxml
from tests.conftest import SAMPLES

NS = edxml.NAMESPACE
Q = f"{{{NS}}}"
ORGS = """name,id,email
Ủy ban nhân dân tỉnh Quảng Ngãi,000.00.00.H48,ubnd@quangngai.gov.vn
Sở Xây dựng,000.02.30.H48,
Sở Tài chính,000.01.30.H48,
UBND tỉnh Lâm Đồng,000.00.00.H36,
Sở Nội vụ tỉnh Lâm Đồng,000.03.31.H36,
"""
ROUND_TRIP = ["congvan-khan.md", "quyet-dinh.docx", "quyet-dinh.pdf", "ke-hoach.html", "thong-bao.txt"]


@pytest.fixture(scope="module")
def registry() -> orgs.Registry:
    return orgs.parse(ORGS)


def packet_of(name: str, registry: orgs.Registry) -> tuple[dict, bytes]:
    """(the sample extracted alone, its packet)."""
    result = extract_file(SAMPLES / name)
    return result, writer.build(result, writer.find_original(result), registry).data


def write(tmp_path: Path, data: bytes, name: str = "p.edxml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- writer → reader ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ROUND_TRIP)
def test_written_packet_reads_back_as_the_attached_file(name: str, registry: orgs.Registry, tmp_path: Path) -> None:
    alone, data = packet_of(name, registry)
    result = extract_file(write(tmp_path, data))
    assert result["document"] == alone["document"]
    assert result["tasks"] == alone["tasks"]
    assert result["warnings"] == alone["warnings"]
    assert result["source"]["container"] == "edxml" and result["source"]["format"] == alone["source"]["format"]
    assert result["source"]["attachment"]["sha256"] == alone["source"]["sha256"]
    facts = result["edxml"]
    assert facts["operation"] == "new" and facts["disagreements"] == []
    assert set(facts["field_sources"].values()) <= {"both", "text"}
    issuer_id = registry.find(alone["document"]["issuer"])
    if issuer_id:
        assert facts["from"]["organ_id"] == issuer_id.id
        assert facts["document_id"] == (f"{issuer_id.id},{alone['document']['date'].replace('-', '/')},"
                                        f"{alone['document']['number']}")
    assert facts["steering_type"] == (1 if alone["tasks"] else 0)


def test_packet_ids_and_due_date(registry: orgs.Registry, tmp_path: Path) -> None:
    alone, data = packet_of("congvan-khan.md", registry)
    facts = extract_file(write(tmp_path, data))["edxml"]
    assert facts["from"]["organ_id"] == "000.00.00.H48"
    assert facts["from"]["email"] == "ubnd@quangngai.gov.vn"
    assert {t["organ_name"]: t["organ_id"] for t in facts["to"]} == {"Sở Tài chính": "000.01.30.H48",
                                                                     "Sở Xây dựng": "000.02.30.H48"}
    assert facts["document_id"] == "000.00.00.H48,2024/03/05,1234/UBND-KT"
    assert facts["priority"] == 1  # Khẩn
    ids = {"Sở Tài chính", "Sở Xây dựng"}
    dated = [t["deadline"]["date"] for t in alone["tasks"]
             if t.get("deadline") and t["deadline"]["date"] and ids & set(t["lead"] + t["support"])]
    assert facts["due_date"] == min(dated)
    # recipients without an id stay in ToPlaces, never in To
    assert "UBND các huyện, thị xã, thành phố" in facts["to_places"]


def test_writer_is_deterministic_and_warns_for_missing_ids(registry: orgs.Registry) -> None:
    result = extract_file(SAMPLES / "congvan-khan.md")
    first = writer.build(result, writer.find_original(result), registry)
    assert writer.build(result, writer.find_original(result), registry).data == first.data
    assert any("'UBND các huyện, thị xã, thành phố'" in w and "never guessed" in w for w in first.warnings)
    bare = writer.build(result, writer.find_original(result))
    assert any("sender 'Ủy ban nhân dân tỉnh Quảng Ngãi'" in w for w in bare.warnings)
    root = etree.fromstring(bare.data)
    assert root.findtext(f".//{Q}From/{Q}OrganId") == ""
    assert re.fullmatch(r"[0-9a-f-]{36}", root.findtext(f".//{Q}MessageHeader/{Q}DocumentId"))


MESSAGE_ORDER = ["From", "To", "DocumentId", "Code", "PromulgationInfo", "DocumentType", "Subject", "Content",
                 "SignerInfo", "DueDate", "OtherInfo", "ResponseFor", "SteeringType", "ToPlaces"]


def test_strict_layout_namespace_and_order(registry: orgs.Registry) -> None:
    result, data = packet_of("congvan-khan.md", registry)
    text = data.decode("utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<edXML xmlns="' + NS + '">')
    assert '<edXML:edXMLEnvelope xmlns:edXML="' + NS + '">' in text
    assert '<edXML:ContentTransferEncoded xmlns:edXML="' + NS + '">' in text
    root = etree.fromstring(data)
    assert root.tag == f"{Q}edXML" and root.nsmap == {None: NS}
    assert [c.tag for c in root] == [f"{Q}edXMLEnvelope", f"{Q}AttachmentEncoded"]
    envelope, encoded = root
    assert envelope.prefix == "edXML" and encoded.prefix is None
    assert [c.tag for c in envelope] == [f"{Q}edXMLHeader", f"{Q}edXMLBody"]
    assert [c.tag for c in envelope[0]] == [f"{Q}MessageHeader", f"{Q}TraceHeaderList"]
    message = envelope[0][0]
    tags = [etree.QName(c).localname for c in message]
    assert all(c.prefix == "edXML" for c in message.iter())
    ordered = [t for t in MESSAGE_ORDER if t in tags]
    assert [t for i, t in enumerate(tags) if i == 0 or tags[i - 1] != t] == ordered
    for parent, children in {
        "From": ["OrganId", "OrganizationInCharge", "OrganName", "OrganAdd", "Email", "Telephone", "Fax", "Website"],
        "Code": ["CodeNumber", "CodeNotation"], "PromulgationInfo": ["Place", "PromulgationDate"],
        "DocumentType": ["Type", "TypeDetail", "TypeName"], "SignerInfo": ["Competence", "Position", "FullName"],
        "OtherInfo": ["Priority", "SphereOfPromulgation", "TyperNotation", "PromulgationAmount", "PageAmount",
                      "Direction"],
    }.items():
        assert [etree.QName(c).localname for c in message.find(f"{Q}{parent}")] == children, parent
    trace = envelope[0][1]
    assert [etree.QName(c).localname for c in trace] == ["TraceHeader", "Bussiness"]
    assert [etree.QName(c).localname for c in trace[1]] == ["DocumentId", "BussinessDocType", "BussinessDocReason",
                                                            "Paper", "StaffInfo"]
    assert re.fullmatch(r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d", trace.findtext(f"{Q}TraceHeader/{Q}Timestamp"))
    for tag in ("PromulgationDate", "DueDate"):
        assert re.fullmatch(r"\d{4}/\d\d/\d\d", message.findtext(f".//{Q}{tag}")), tag
    assert message.findtext(f"{Q}Code/{Q}CodeNumber") == "1234"
    assert message.findtext(f"{Q}Code/{Q}CodeNotation") == "UBND-KT"
    assert message.findtext(f"{Q}Subject").startswith("V/v ")
    assert message.findtext(f"{Q}SignerInfo/{Q}Competence") == "KT. CHỦ TỊCH"
    reference = envelope.find(f"{Q}edXMLBody/{Q}edXMLManifest/{Q}Reference")
    assert [etree.QName(c).localname for c in reference] == ["ContentId", "ContentType", "Description",
                                                             "AttachmentName"]
    attachment = encoded.find(f"{Q}Attachment")
    assert [etree.QName(c).localname for c in attachment] == ["ContentId", "AttachmentName", "Description",
                                                              "ContentType", "ContentTransferEncoded"]
    assert attachment.findtext(f"{Q}ContentId") == reference.findtext(f"{Q}ContentId")
    assert attachment.findtext(f"{Q}ContentType") == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(attachment.findtext(f"{Q}ContentTransferEncoded"))))
    assert [i.filename for i in archive.infolist()] == ["congvan-khan.md"]
    assert archive.read("congvan-khan.md") == (SAMPLES / "congvan-khan.md").read_bytes()


# -- reading others' packets -------------------------------------------------------------------------

def _variant(data: bytes) -> bytes:
    """The same packet as another producer might write it: the legacy namespace, Business spelled right,
    TimeStamp, a ContentId without cid:, children shuffled, empty elements."""
    text = data.decode("utf-8").replace(NS, "http://www.e-doc.vn/Schema/")
    text = text.replace("Bussiness", "Business").replace("Timestamp>", "TimeStamp>")
    text = text.replace("<ContentId>cid:", "<ContentId>")
    code = re.search(r"\s*<edXML:Code>.*?</edXML:Code>", text, re.S)[0]
    text = text.replace(code, "").replace("</edXML:MessageHeader>", code + "\n</edXML:MessageHeader>")
    return text.encode("utf-8")


def test_reader_matches_local_names_in_any_order(registry: orgs.Registry, tmp_path: Path) -> None:
    alone, data = packet_of("congvan-khan.md", registry)
    result = extract_file(write(tmp_path, _variant(data)))
    assert result["document"] == alone["document"] and result["tasks"] == alone["tasks"]
    assert result["edxml"]["operation"] == "new"
    assert result["edxml"]["header"]["trace"][0]["timestamp"] == "2024/03/05 00:00:00"


SDK_STYLE = """<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="{ns}">
  <edXML:edXMLEnvelope xmlns:edXML="{ns}">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From><edXML:OrganId>000.00.00.G12</edXML:OrganId>
          <edXML:OrganizationInCharge>Bộ Tài chính</edXML:OrganizationInCharge>
          <edXML:OrganName>Tổng cục Thuế</edXML:OrganName><edXML:OrganAdd/><edXML:Email/></edXML:From>
        <edXML:To><edXML:OrganId>000.00.00.H48</edXML:OrganId>
          <edXML:OrganName>Cục Thuế tỉnh Quảng Ngãi</edXML:OrganName></edXML:To>
        <edXML:To><edXML:OrganId>000.00.00.H36</edXML:OrganId>
          <edXML:OrganName>Cục Thuế tỉnh Lâm Đồng</edXML:OrganName></edXML:To>
        <edXML:DocumentId>000.00.00.G12,2024/01/15,65/TB-TCT</edXML:DocumentId>
        <edXML:Code><edXML:CodeNumber>65</edXML:CodeNumber><edXML:CodeNotation>TB-TCT</edXML:CodeNotation></edXML:Code>
        <edXML:PromulgationInfo><edXML:Place>Hà Nội</edXML:Place>
          <edXML:PromulgationDate>2024/01/15</edXML:PromulgationDate></edXML:PromulgationInfo>
        <edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeDetail>0</edXML:TypeDetail>
          <edXML:TypeName>THÔNG BÁO</edXML:TypeName></edXML:DocumentType>
        <edXML:Subject>Kết luận của Tổng cục trưởng tại Hội nghị triển khai công tác quản lý thuế đối với hoạt động
          kinh doanh trên nền tảng số năm 2024</edXML:Subject>
        <edXML:Content/>
        <edXML:SignerInfo><edXML:Competence>TL. TỔNG CỤC TRƯỞNG</edXML:Competence>
          <edXML:Position>CHÁNH VĂN PHÒNG</edXML:Position>
          <edXML:FullName>Trần Thị Bình</edXML:FullName></edXML:SignerInfo>
        <edXML:DueDate>2024/03/31</edXML:DueDate>
        <edXML:OtherInfo><edXML:Priority>4</edXML:Priority><edXML:PageAmount>2</edXML:PageAmount>
          <edXML:Direction>false</edXML:Direction></edXML:OtherInfo>
        <edXML:ResponseFor><edXML:OrganId>000.00.00.H48</edXML:OrganId><edXML:Code>12/CT-QNG</edXML:Code>
          <edXML:PromulgationDate>2024/01/05</edXML:PromulgationDate>
          <edXML:DocumentId>000.00.00.H48,2024/01/05,12/CT-QNG</edXML:DocumentId></edXML:ResponseFor>
        <edXML:SteeringType>1</edXML:SteeringType>
        <edXML:ToPlaces><edXML:Place>Các Cục Thuế tỉnh, thành phố</edXML:Place></edXML:ToPlaces>
      </edXML:MessageHeader>
      <edXML:TraceHeaderList>
        <edXML:TraceHeader><edXML:OrganId>000.00.00.G12</edXML:OrganId>
          <edXML:Timestamp>2024/01/15 09:00:00</edXML:Timestamp></edXML:TraceHeader>
        <edXML:TraceHeader><edXML:OrganId>001.00.20.TT2</edXML:OrganId>
          <edXML:TimeStamp>2024/01/15 09:00:05</edXML:TimeStamp></edXML:TraceHeader>
        <edXML:Bussiness><edXML:DocumentId>000.00.00.G12,2024/01/12,56/TB-TCT</edXML:DocumentId>
          <edXML:BussinessDocType>3</edXML:BussinessDocType>
          <edXML:BussinessDocReason>Thay thế văn bản</edXML:BussinessDocReason><edXML:Paper>0</edXML:Paper>
        </edXML:Bussiness>
      </edXML:TraceHeaderList>
      <Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo/><SignatureValue>AAAA</SignatureValue>
      </Signature>
    </edXML:edXMLHeader>
    <edXML:edXMLBody><edXML:edXMLManifest version="1.0"><edXML:Reference>
      <edXML:ContentId>cid:tb-1</edXML:ContentId><edXML:ContentType>application/zip</edXML:ContentType>
      <edXML:AttachmentName>65_TB-TCT.txt</edXML:AttachmentName></edXML:Reference></edXML:edXMLManifest>
    </edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  <edXML:AttachmentEncoded xmlns:edXML="{ns}"><Attachment><ContentId>tb-1</ContentId>
    <ContentTransferEncoded>{data}</ContentTransferEncoded></Attachment></edXML:AttachmentEncoded>
</edXML>
"""


def test_sdk_style_packet_with_a_disagreeing_header(tmp_path: Path) -> None:
    """A packet laid out like the SDK samples (two To, a hub trace, a replacement, a signature, the attachment
    named only in the manifest, ZIP entry named by a UUID): the header is taken, the text disagrees."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("5b0e7c7e-0000-4000-8000-000000000000.edxml", (SAMPLES / "thong-bao.txt").read_bytes())
    packet = SDK_STYLE.format(ns=NS, data=base64.b64encode(buffer.getvalue()).decode("ascii"))
    result = extract_file(write(tmp_path, packet.encode("utf-8")))
    alone = extract_file(SAMPLES / "thong-bao.txt")
    doc, facts = result["document"], result["edxml"]
    assert result["tasks"] == alone["tasks"]
    assert (doc["number"], doc["date"], doc["type"], doc["issuer"]) == ("65/TB-TCT", "2024-01-15", "Thông báo",
                                                                        "Tổng cục Thuế")
    assert doc["signer"] == alone["document"]["signer"] and doc["urgency"] == "Hỏa tốc"
    assert {d["field"] for d in facts["disagreements"]} == {"number", "date"}  # the text has no urgency mark:
    assert facts["field_sources"]["urgency"] == "packet"  # the packet's fills it, no disagreement
    assert "edXML Priority 4 (hỏa tốc hẹn giờ) is read as urgency 'Hỏa tốc'" in result["warnings"]
    assert facts["operation"] == "replace" and facts["target_document_id"] == "000.00.00.G12,2024/01/12,56/TB-TCT"
    assert [t["organ_id"] for t in facts["to"]] == ["000.00.00.H48", "000.00.00.H36"]
    assert facts["response_for"][0]["date"] == "2024-01-05" and facts["due_date"] == "2024-03-31"
    assert [t["timestamp"] for t in facts["header"]["trace"]] == ["2024/01/15 09:00:00", "2024/01/15 09:00:05"]
    assert facts["attachments"][0]["name"] == "65_TB-TCT.txt" and facts["attachments"][0]["status"] == "read"
    assert facts["field_sources"]["subject"] == "both" and facts["field_sources"]["signer.title"] == "both"


def test_disagreement_keeps_both_and_warns(registry: orgs.Registry, tmp_path: Path) -> None:
    alone, data = packet_of("congvan-khan.md", registry)
    text = data.decode("utf-8")
    text = text.replace("<edXML:CodeNumber>1234<", "<edXML:CodeNumber>1243<")
    text = text.replace("<edXML:PromulgationDate>2024/03/05<", "<edXML:PromulgationDate>2024/03/06<")
    text = text.replace("<edXML:OrganName>Ủy ban nhân dân tỉnh Quảng Ngãi<", "<edXML:OrganName>Sở Tài chính<")
    result = extract_file(write(tmp_path, text.encode("utf-8")))
    doc, facts = result["document"], result["edxml"]
    assert doc["number"] == "1243/UBND-KT" and doc["number_parts"]["seq"] == "1243"
    assert doc["date"] == "2024-03-06" and doc["issuer"] == "Sở Tài chính"
    kept = {d["field"]: (d["packet"], d["text"]) for d in facts["disagreements"]}
    assert kept == {"number": ("1243/UBND-KT", "1234/UBND-KT"), "date": ("2024-03-06", "2024-03-05"),
                    "issuer": ("Sở Tài chính", "Ủy ban nhân dân tỉnh Quảng Ngãi")}
    assert facts["field_sources"]["number"] == "packet" and facts["field_sources"]["place"] == "both"
    disagree = [w for w in result["warnings"] if w.startswith("edXML header and attached text disagree")]
    assert len(disagree) == 3 and "'1234/UBND-KT'" in disagree[0]


def test_header_fills_what_the_text_lacks(tmp_path: Path) -> None:
    text = "Giao Sở Xây dựng chủ trì kiểm tra công trình, báo cáo kết quả về UBND tỉnh.\n"
    original = writer.Original("ghi-chu.txt", text.encode("utf-8"))
    result = {"source": {"path": "ghi-chu.txt", "sha256": "", "format": "txt", "pages": 1},
              "document": {"issuer": "Sở Xây dựng", "number": "12/SXD-QLCL", "date": "2024-06-01", "type": "Công văn",
                           "subject": "kiểm tra công trình", "place": "Quảng Ngãi",
                           "signer": {"authority": "KT.", "on_behalf_of": "Giám đốc", "title": "Phó Giám đốc",
                                      "name": "Trần Văn B"}},
              "tasks": []}
    packet = write(tmp_path, writer.build(result, original).data)
    read = extract_file(packet)
    doc = read["document"]
    assert (doc["number"], doc["date"], doc["issuer"], doc["subject"], doc["place"]) == (
        "12/SXD-QLCL", "2024-06-01", "Sở Xây dựng", "kiểm tra công trình", "Quảng Ngãi")
    assert doc["signer"] == {"authority": "KT.", "on_behalf_of": "Giám đốc", "title": "Phó Giám đốc",
                             "name": "Trần Văn B"}
    assert read["edxml"]["field_sources"]["number"] == "packet"
    assert read["edxml"]["disagreements"] == []


# -- hostile packets ---------------------------------------------------------------------------------

def _packet(attachments: str = "", header: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<edXML xmlns="{NS}"><edXML:edXMLEnvelope xmlns:edXML="{NS}">'
            f"<edXML:edXMLHeader><edXML:MessageHeader>{header}</edXML:MessageHeader></edXML:edXMLHeader>"
            f"</edXML:edXMLEnvelope><AttachmentEncoded>{attachments}</AttachmentEncoded></edXML>").encode()


def _attachment(name: str, data: bytes, zipped: bool = True, entry: str = "x.txt") -> str:
    if zipped:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(entry, data)
        data = buffer.getvalue()
    encoded = base64.b64encode(data).decode("ascii")
    return (f"<Attachment><ContentId>cid:1</ContentId><AttachmentName>{name}</AttachmentName>"
            f"<ContentType>application/zip</ContentType><ContentTransferEncoded>{encoded}</ContentTransferEncoded>"
            "</Attachment>")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE edXML [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><Subject>&lol4;</Subject></edXML>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE edXML [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><Subject>&secret;</Subject></edXML>"""
UTF16_DTD = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE edXML [<!ENTITY x "y">]><edXML/>'.encode("utf-16")


def _zip_bomb_entry() -> str:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"\0" * (edxml.MAX_ATTACHMENT_BYTES + 1))
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (f"<Attachment><ContentId>1</ContentId><AttachmentName>bomb.txt</AttachmentName>"
            f"<ContentTransferEncoded>{encoded}</ContentTransferEncoded></Attachment>")


def _encrypted_entry() -> str:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("x.txt", b"hello")
    raw = bytearray(buffer.getvalue())
    raw[6] |= 1  # local header flag: encrypted
    central = raw.find(b"PK\x01\x02")
    raw[central + 8] |= 1  # central directory flag
    encoded = base64.b64encode(bytes(raw)).decode("ascii")
    return (f"<Attachment><ContentId>1</ContentId><AttachmentName>x.txt</AttachmentName>"
            f"<ContentTransferEncoded>{encoded}</ContentTransferEncoded></Attachment>")


HOSTILE = {
    "billion-laughs": (BILLION_LAUGHS, "unsupported"),
    "external-entity": (EXTERNAL, "unsupported"),
    "utf16-dtd": (UTF16_DTD, "unsupported"),
    "huge-attachment": (_packet(_attachment("a.txt", b"x", zipped=False).replace(
        "eA==", "A" * 11_000_000)), "too_large"),
    "thousands-of-attachments": (_packet(_attachment("a.txt", b"x") * 5000), "too_large"),
    "path-name": (_packet(_attachment("../../etc/passwd", b"root:x:0:0")), "unreadable"),
    "windows-path-name": (_packet(_attachment("..\\..\\boot.ini", b"x")), "unreadable"),
    "zip-slip-entry": (_packet(_attachment("a.txt", b"x", entry="../../etc/cron.d/x")), "unreadable"),
    "zip-bomb": (_packet(_zip_bomb_entry()), "too_large"),
    "encrypted-zip": (_packet(_encrypted_entry()), "encrypted"),
    "bad-base64": (_packet("<Attachment><AttachmentName>a.pdf</AttachmentName><ContentTransferEncoded>%%%"
                           "</ContentTransferEncoded></Attachment>"), "unreadable"),
    "not-xml": (b"%%% not xml", "unreadable"),
    "other-root": (b"<html><body>hi</body></html>", "unreadable"),
    "no-document": (_packet(_attachment("chu-ky.p7s", b"\x30\x82"), "<edXML:Subject>x</edXML:Subject>"),
                    "unreadable"),
    "status-packet": (_packet(header="<edXML:StatusCode>03</edXML:StatusCode>"), "unsupported"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_packets_give_classified_errors(case: str, tmp_path: Path) -> None:
    data, kind = HOSTILE[case]
    path = write(tmp_path, data, "hostile.edxml")
    with pytest.raises(edxml.PacketError) as error:
        extract_file(path)
    assert error.value.kind == kind and str(error.value).startswith(f"{kind}: ")
    outcome = convert_one(str(path))
    assert not outcome["ok"] and outcome["error"].startswith(f"{kind}: ") and outcome["error_class"] == kind
    assert outcome["stage"] == ("limits" if kind == "too_large" else "read")  # congvan.pipeline.convert's stages
    assert not (tmp_path / "etc").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["hostile.edxml"]


def test_entities_are_never_expanded_even_without_the_doctype_check() -> None:
    """Belt and braces: the parser itself neither resolves entities nor loads external ones."""
    with pytest.raises(edxml.PacketError) as error:
        edxml._parse_xml(EXTERNAL.replace(b"<!DOCTYPE", b"<!doctype"))
    assert error.value.kind == "unsupported"


def test_utf16_packets_without_a_dtd_are_read() -> None:
    text = _packet(header="<edXML:StatusCode>03</edXML:StatusCode>").decode("utf-8")
    text = text.replace('encoding="UTF-8"?>', 'encoding="UTF-16"?><!-- từ hệ thống QLVB -->')
    assert edxml.parse(text.encode("utf-16")).header["status_code"] == "03"


def test_packet_over_the_size_limit_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(edxml, "MAX_PACKET_BYTES", 100)
    path = write(tmp_path, _packet(_attachment("a.txt", b"x" * 200, zipped=False)))
    with pytest.raises(edxml.PacketError, match="^too_large: packet is"):
        extract_file(path)


def test_attachment_names_only_give_extensions(registry: orgs.Registry, tmp_path: Path) -> None:
    """The file is read under a name of our own; the declared name shows only in the output."""
    alone, data = packet_of("thong-bao.txt", registry)
    text = data.decode("utf-8").replace("<AttachmentName>thong-bao.txt<", "<AttachmentName>a b;rm -rf ~.txt<")
    result = extract_file(write(tmp_path, text.encode("utf-8")))
    assert result["tasks"] == alone["tasks"]
    assert result["edxml"]["attachments"][0]["name"] == "a b;rm -rf ~.txt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.edxml"]


def test_every_document_attachment_is_read(tmp_path: Path) -> None:
    """The first readable document leads; further ones add their tasks (marked), other files are listed."""
    first, second = SAMPLES / "thong-bao.txt", SAMPLES / "to-trinh.txt"
    parts = [_attachment("chu-ky.p7s", b"\x30\x82\x01"), _attachment("hong.pdf", b"%PDF-1.4 broken", entry="h.pdf"),
             _attachment("thong-bao.txt", first.read_bytes()), _attachment("to-trinh.txt", second.read_bytes())]
    result = extract_file(write(tmp_path, _packet("".join(parts).replace("cid:1", "cid:x"))))
    lead, more = extract_file(first), extract_file(second)
    assert result["document"] == lead["document"]
    assert result["tasks"] == lead["tasks"] + [{**t, "attachment": "to-trinh.txt"} for t in more["tasks"]]
    assert [(a["name"], a["status"]) for a in result["edxml"]["attachments"]] == [
        ("chu-ky.p7s", "skipped"), ("hong.pdf", "failed"), ("thong-bao.txt", "read"), ("to-trinh.txt", "read")]
    assert any(w.startswith("attachment 2 not read: hong.pdf:") for w in result["warnings"])
    assert all(f"attachment 4 (to-trinh.txt): {w}" in result["warnings"] for w in more["warnings"])
    assert result["source"]["attachment"]["name"] == "thong-bao.txt"


def test_readers_read_refuses_a_packet_with_a_reason(tmp_path: Path) -> None:
    from congvan import readers

    with pytest.raises(edxml.PacketError, match="^unsupported: .*pipeline"):
        readers.read(write(tmp_path, _packet()))


# -- organisation registry ---------------------------------------------------------------------------

def test_registry_matches_like_the_extractors(registry: orgs.Registry) -> None:
    assert registry.find("UBND tỉnh Quảng Ngãi").id == "000.00.00.H48"  # Ủy ban nhân dân ≡ UBND
    assert registry.find("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI").id == "000.00.00.H48"
    assert registry.find("Sở Nội vụ tỉnh Lâm Đồng").id == "000.03.31.H36"
    assert registry.find("Sở Nội vụ tỉnh Lâm Đồngg").id == "000.03.31.H36"  # fuzzy ≥ 0.85
    warnings: list[str] = []
    assert registry.organ_id("Sở Y tế", "recipient", warnings) is None
    assert warnings == ["no OrganId for recipient 'Sở Y tế' in the organisation registry (--orgs): left out, "
                        "never guessed"]


def test_registry_refuses_bad_rows() -> None:
    with pytest.raises(orgs.RegistryError, match="name,id"):
        orgs.parse("ten,ma\nA,000.00.00.H41\n")
    with pytest.raises(orgs.RegistryError, match="line 2"):
        orgs.parse("name,id\nUBND tỉnh Nghệ An,H41\n")


def test_ambiguous_registry_names_give_no_id() -> None:
    two = orgs.parse("name,id\nSở Y tế tỉnh A,000.01.00.H01\nSở Y tế tỉnh B,000.01.00.H02\n")
    warnings: list[str] = []
    assert two.find("Sở Y tế tỉnh C", warnings) is None and "several" in warnings[0]


# -- status packets ----------------------------------------------------------------------------------

def _tasks(*states: tuple[str, bool]) -> dict:
    return {"document": {"number": "5/UBND-VX", "date": "2024-01-02", "issuer": "UBND tỉnh Quảng Ngãi"},
            "tasks": [{"id": f"5/UBND-VX#{i}", "clause": str(i), "lead": ["Sở Y tế"] if lead else [],
                       "deadline": {"date": "2024-02-01", "kind": "by", "text": ""}, "state": state}
                      for i, (state, lead) in enumerate(states, 1)]}


@pytest.mark.parametrize(("states", "code"), [
    ((), "03"),
    ((("open_in_time", True), ("open_overdue", False)), "03"),
    ((("open_in_time", True), ("open_overdue", True)), "04"),
    ((("done_on_time", True), ("open_overdue", False)), "05"),
    ((("done_on_time", True), ("done_late", True)), "06"),
])
def test_status_codes_follow_the_tasks(states: tuple, code: str) -> None:
    assert edxml_status.status_code(edxml_status.progress(_tasks(*states))) == code


def test_status_packet_reads_as_a_status(registry: orgs.Registry) -> None:
    result = _tasks(("done_late", True), ("open_overdue", True))
    result["tasks"][0]["done_at"] = "2024-02-05"
    built = edxml_status.build(result, registry.find("Sở Xây dựng"), registry, now=datetime(2024, 3, 1, 8, 30))
    packet = edxml.parse(built.data)
    assert packet.kind == "status"
    header = packet.header
    assert header["status_code"] == "05" and header["timestamp"] == "2024/03/01 08:30:00"
    assert header["from"]["organ_id"] == "000.02.30.H48"
    assert header["response_for"] == [{"organ_id": "000.00.00.H48", "code": "5/UBND-VX",
                                       "promulgation_date": "2024/01/02",
                                       "document_id": "000.00.00.H48,2024/01/02,5/UBND-VX"}]
    lines = etree.fromstring(built.data).findtext(f".//{Q}Description").split("\n")
    assert lines[0] == ("Đang xử lý văn bản đến: 1/2 nhiệm vụ hoàn thành, 1 hoàn thành quá hạn, "
                        "1 quá hạn chưa hoàn thành.")
    assert lines[1] == "Nhiệm vụ 1: Sở Y tế chủ trì, hạn 01/02/2024: đã hoàn thành (quá hạn) 05/02/2024"
    tags = [etree.QName(c).localname for c in etree.fromstring(built.data).find(f".//{Q}MessageHeader")]
    assert tags == ["From", "ResponseFor", "StaffInfo", "StatusCode", "Description", "Timestamp"]


# -- command line ------------------------------------------------------------------------------------

def test_cli_export_edxml_then_extract(tmp_path: Path) -> None:
    runner = CliRunner()
    (tmp_path / "orgs.csv").write_text(ORGS, encoding="utf-8")
    converted = json.loads(runner.invoke(main, ["extract", str(SAMPLES / "congvan-khan.md")]).output)
    (tmp_path / "cv.json").write_text(json.dumps(converted, ensure_ascii=False), encoding="utf-8")
    done = runner.invoke(main, ["export", "edxml", str(tmp_path / "cv.json"), "-o", str(tmp_path / "out"),
                                "--orgs", str(tmp_path / "orgs.csv")])
    assert done.exit_code == 0, done.output
    assert "1 packet(s)" in done.output and "never guessed" in done.output
    read = json.loads(runner.invoke(main, ["extract", str(tmp_path / "out" / "cv.edxml")]).output)
    assert read["tasks"] == converted["tasks"] and read["edxml"]["from"]["organ_id"] == "000.00.00.H48"
    # again from the packet's own JSON: the original is the packet's attachment, the ids are kept
    (tmp_path / "again.json").write_text(json.dumps(read, ensure_ascii=False), encoding="utf-8")
    again = runner.invoke(main, ["export", "edxml", str(tmp_path / "again.json"), "-o", str(tmp_path / "out2")])
    assert again.exit_code == 0, again.output
    reread = extract_file(tmp_path / "out2" / "again.edxml")
    assert reread["tasks"] == converted["tasks"] and reread["edxml"]["document_id"] == read["edxml"]["document_id"]


def test_cli_export_edxml_missing_original_and_file_output(tmp_path: Path) -> None:
    runner = CliRunner()
    result = extract_file(SAMPLES / "thong-bao.txt")
    result["source"]["path"] = "nowhere/thong-bao.txt"
    (tmp_path / "tb.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    missing = runner.invoke(main, ["export", "edxml", str(tmp_path / "tb.json"), "-o", str(tmp_path / "out")])
    assert missing.exit_code == 1 and "not found" in missing.output
    found = runner.invoke(main, ["export", "edxml", str(tmp_path / "tb.json"), "-o", str(tmp_path / "out"),
                                 "--originals", str(SAMPLES)])
    assert found.exit_code == 0 and (tmp_path / "out" / "tb.edxml").is_file()
    (tmp_path / "f").write_text("x")
    assert runner.invoke(main, ["export", "edxml", str(tmp_path / "tb.json"), "-o", str(tmp_path / "f")]).exit_code == 2


def test_cli_export_edxml_status_with_service_states(tmp_path: Path) -> None:
    runner = CliRunner()
    (tmp_path / "orgs.csv").write_text(ORGS, encoding="utf-8")
    doc = {"id": "abc", **extract_file(SAMPLES / "congvan-khan.md")}
    (tmp_path / "doc.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    rows = [{"id": f"abc-{t['clause']}", "document_id": "abc", "status": "done", "done_at": "2024-03-10",
             "state": "done_on_time"} for t in doc["tasks"]]
    (tmp_path / "tasks.json").write_text(json.dumps(rows), encoding="utf-8")
    done = runner.invoke(main, ["export", "edxml-status", str(tmp_path / "doc.json"), "-o", str(tmp_path / "st"),
                                "--orgs", str(tmp_path / "orgs.csv"), "--from", "Sở Xây dựng",
                                "--tasks", str(tmp_path / "tasks.json")])
    assert done.exit_code == 0, done.output
    packet = edxml.parse((tmp_path / "st" / "doc.status.edxml").read_bytes())
    assert packet.header["status_code"] == "06" and packet.header["from"]["organ_id"] == "000.02.30.H48"


# -- service -----------------------------------------------------------------------------------------

def test_service_takes_packets_and_serves_them(registry: orgs.Registry, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx

    from congvan.service import tokens
    from congvan.service.app import create_app
    from congvan.service.store import Store
    from tests.test_service import serve

    (tmp_path / "orgs.csv").write_text(ORGS, encoding="utf-8")
    monkeypatch.setenv("CONGVAN_ORGS", str(tmp_path / "orgs.csv"))
    alone, data = packet_of("congvan-khan.md", registry)
    store = Store(data_dir=tmp_path / "db")
    _, writer = tokens.create(store, "qlvb", "write")
    _, reader = tokens.create(store, "dashboard", "read")
    with serve(create_app(store)) as base, httpx.Client(base_url=base,
                                                         headers={"Authorization": f"Bearer {writer}"}) as http:
        posted = http.post("/v1/documents", files={"file": ("../../cv.edxml", data, "application/xml")})
        assert posted.status_code == 201, posted.text
        stored = posted.json()
        assert stored["tasks"] == alone["tasks"] and stored["edxml"]["from"]["organ_id"] == "000.00.00.H48"
        assert stored["source"]["path"] == "cv.edxml"
        view = http.get(f"/v1/documents/{stored['id']}/view").json()  # the review page shows the attachment
        assert view["format"] == "md" and len(view["tasks"]) == len(stored["tasks"])
        assert view["tasks"][0]["lines"] and view["lines"]  # its clause found in the attached file's lines
        served = http.get(f"/v1/documents/{stored['id']}.edxml")
        assert served.status_code == 200 and served.headers["content-type"].startswith("application/xml")
        again = extract_file(write(tmp_path, served.content, "again.edxml"))
        assert again["document"] == alone["document"] and again["tasks"] == alone["tasks"]
        assert again["edxml"]["document_id"] == stored["edxml"]["document_id"]
        assert any("never guessed" in w for w in json.loads(served.headers["x-congvan-warnings"]))
        task = http.get("/v1/tasks").json()[0]
        assert http.patch(f"/v1/tasks/{task['id']}", json={"status": "done"}).status_code == 200
        status = http.get(f"/v1/documents/{stored['id']}.status.edxml", params={"from": "Sở Xây dựng"})
        assert status.status_code == 200
        header = edxml.parse(status.content).header
        assert header["status_code"] == "05" and header["from"]["organ_id"] == "000.02.30.H48"
        assert header["response_for"][0]["document_id"] == stored["edxml"]["document_id"]
        plain = http.post("/v1/documents", files={"file": ("tb.txt", (SAMPLES / "thong-bao.txt").read_bytes())})
        packet = http.get(f"/v1/documents/{plain.json()['id']}.edxml")
        assert extract_file(write(tmp_path, packet.content, "tb.edxml"))["tasks"] == plain.json()["tasks"]
        assert http.get("/v1/documents/nope.edxml").status_code == 404
        for path in (f"/v1/documents/{stored['id']}.edxml", f"/v1/documents/{stored['id']}.status.edxml"):
            assert http.get(path, headers={"Authorization": ""}).status_code == 401  # the read scope …
            assert http.get(path, headers={"Authorization": f"Bearer {reader}"}).status_code == 200  # … suffices
        assert http.get(f"/v1/documents/{stored['id']}").json()["id"] == stored["id"]
        bad = http.post("/v1/documents", files={"file": ("x.edxml", BILLION_LAUGHS)})
        assert bad.status_code == 415 and "unsupported: " in bad.json()["detail"]  # pre-flight: a DTD
        assert bad.json()["error_class"] == "unsupported"
    store.close()


def test_status_counts_the_replying_agencys_own_tasks() -> None:
    result = _tasks(("done_on_time", True), ("open_in_time", True))
    result["tasks"][1]["lead"] = ["Sở Tài chính"]
    assert edxml_status.status_code(edxml_status.progress(result, agency="Sở Y tế")) == "06"
    assert edxml_status.status_code(edxml_status.progress(result, agency="Sở Tài chính")) == "04"
    assert edxml_status.status_code(edxml_status.progress(result, agency="Sở Nội vụ")) == "05"  # named in none
    assert edxml_status.status_code(edxml_status.progress(result)) == "05"


def test_convert_finds_packets_in_folders(registry: orgs.Registry, tmp_path: Path) -> None:
    from congvan.pipeline.batch import run_batch

    alone, data = packet_of("giay-moi.txt", registry)
    (tmp_path / "in").mkdir()
    write(tmp_path / "in", data, "giay-moi.edxml")
    write(tmp_path / "in", HOSTILE["path-name"][0], "xau.edxml")
    summary = run_batch([tmp_path / "in"], tmp_path / "out", jobs=1)
    assert summary["converted"] == 1 and summary["failed"] == 1
    assert summary["failures"][0]["error"].startswith("unreadable: attachment name '../../etc/passwd'")
    converted = json.loads((tmp_path / "out" / "giay-moi.json").read_text(encoding="utf-8"))
    assert converted["tasks"] == alone["tasks"] and converted["edxml"]["operation"] == "new"


def test_preflight_refuses_hostile_packets_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """congvan.readers.preflight has an edXML check (size, DTD in the first bytes): it runs before the packet
    is parsed, and its refusals are PacketErrors whose error_class is their kind."""
    from congvan.readers import preflight
    from congvan.readers.limits import Limits

    def parse_never(data: bytes) -> None:
        raise AssertionError("the packet was parsed")

    monkeypatch.setattr(edxml, "parse", parse_never)
    for data, kind in ((BILLION_LAUGHS, "unsupported"), (UTF16_DTD, "unsupported")):
        path = write(tmp_path, data, "hostile.edxml")
        with pytest.raises(edxml.PacketError) as error:
            preflight.check(path, "edxml", Limits())
        assert error.value.error_class == kind
        with pytest.raises(edxml.PacketError):
            extract_file(path)
    monkeypatch.setattr(edxml, "MAX_PACKET_BYTES", 10)
    with pytest.raises(edxml.PacketError) as error:
        extract_file(write(tmp_path, _packet(), "big.edxml"))
    assert error.value.error_class == "too_large"


def test_review_page_shows_a_packets_attachment() -> None:
    """congvan.service.original.unwrap: a packet's page images and lines are those of its attachment."""
    from congvan.service import original

    pdf = (SAMPLES / "quyet-dinh.pdf").read_bytes()
    packet = _packet(_attachment("signature.p7s", b"\x30\x82") + _attachment("qd.pdf", pdf, entry="qd.pdf"))
    name, data = original.unwrap("p.edxml", packet)
    assert name == "attachment-2.pdf" and data == pdf
    assert original.render_page(data, 1).startswith(b"\x89PNG")
    assert original.unwrap("p.edxml", b"not xml") == ("p.edxml", b"not xml")
    assert original.unwrap("a.pdf", pdf) == ("a.pdf", pdf)
