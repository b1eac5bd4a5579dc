"""Pydantic v2 models of the output contract (../shared/contract/OUTPUT.md); published as JSON Schema."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Source(BaseModel):
    model_config = ConfigDict(extra="allow")
    path: str
    sha256: str
    format: Literal["txt", "md", "docx", "pdf", "pdf-ocr", "image", "html", "doc"]
    pages: int = Field(ge=0)
    ocr: bool = False


class NumberParts(BaseModel):
    model_config = ConfigDict(extra="allow")
    seq: str | None = None
    year: str | None = None
    type_code: str | None = None
    issuer_code: str | None = None
    unit_code: str | None = None


class Reference(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str | None = None
    number: str
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    issuer: str | None = None
    text: str = ""


class Signer(BaseModel):
    model_config = ConfigDict(extra="allow")
    authority: Literal["TM.", "KT.", "TL.", "TUQ.", "Q."] | None = None
    on_behalf_of: str | None = None
    title: str | None = None
    name: str | None = None


class Clause(BaseModel):
    model_config = ConfigDict(extra="allow")
    path: str
    label: str | None = None
    heading: str | None = None
    text: str = ""
    children: list[Clause] = Field(default_factory=list)


class Document(BaseModel):
    model_config = ConfigDict(extra="allow")
    issuer: str | None = None
    parent_issuer: str | None = None
    number: str | None = None
    number_parts: NumberParts = Field(default_factory=NumberParts)
    type: str | None = None
    place: str | None = None
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    subject: str | None = None
    urgency: Literal["Khẩn", "Thượng khẩn", "Hỏa tốc"] | None = None
    confidentiality: Literal["Mật", "Tối mật", "Tuyệt mật"] | None = None
    recipients: list[str] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    signer: Signer = Field(default_factory=Signer)
    distribution: list[str] = Field(default_factory=list)
    clauses: list[Clause] = Field(default_factory=list)


class Deadline(BaseModel):
    model_config = ConfigDict(extra="allow")
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    kind: Literal["before", "by", "on", "period_end", "relative", "ongoing"] | None = None
    text: str = ""


class Task(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    clause: str | None = None
    title: str = ""
    description: str = ""
    lead: list[str] = Field(default_factory=list)
    support: list[str] = Field(default_factory=list)
    deadline: Deadline | None = None
    recurrence: str | None = None
    report_to: str | None = None


class DocumentResult(BaseModel):
    """One converted document, exactly the contract's top-level object."""

    model_config = ConfigDict(extra="allow")
    schema_version: str = "1.0"
    source: Source
    document: Document
    tasks: list[Task] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


def json_schema() -> dict:
    """The published JSON Schema of the output."""
    return DocumentResult.model_json_schema()
