"""What the document tells every task extractor: number, date, addressees, issuer, type, abbreviations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from congvan.extractors.deadlines import Deadline


@dataclass
class Context:
    """What the document tells every task: number, date, addressees, issuer, type."""

    number: str | None
    doc_date: date | None
    recipients: list[str]
    issuer: str | None
    doc_type: str | None
    subject: str | None = None  # the trích yếu (an invitation's title names the meeting)
    abbreviations: dict[str, str] = field(default_factory=dict)
    subjects: dict[str, list[str]] = field(default_factory=dict)  # subject_action per text, asked repeatedly
    clauses: dict[str, str] = field(default_factory=dict)  # text by clause path, for "tại khoản 1 nêu trên"
    addressee_aliases: set[str] = field(default_factory=set)  # "(sau đây gọi tắt là X)" after Kính gửi, folded
    quoted: set[int] = field(default_factory=set)  # ids of clauses inside a passage quoted from another text
    founded: list[str] = field(default_factory=list)  # the body a quyết định sets up ("Thành lập Ban Chỉ đạo …")
    duties: bool = False  # while visiting the items under a duties heading ("Nhiệm vụ, quyền hạn")
    implementing: bool = False  # while visiting the items under "Tổ chức thực hiện" (a quyết định's article)
    frame: Deadline | None = None  # the period a heading above sets ("NHIỆM VỤ TRONG NĂM 2026"), while visiting
