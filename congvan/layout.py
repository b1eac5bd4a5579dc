"""The intermediate form every reader produces: a flat list of text lines with layout hints."""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR_CLASSES = ("too_large", "encrypted", "unreadable", "unsupported", "timeout")


class ReadError(Exception):
    """A file that cannot be read; the message says why (the caller adds the file name).

    error_class is one of ERROR_CLASSES: what a batch's failures.jsonl and the service's 4xx body report.
    """

    def __init__(self, message: str, error_class: str = "unreadable") -> None:
        super().__init__(message)
        if error_class not in ERROR_CLASSES:
            raise ValueError(f"unknown error class {error_class!r}")
        self.error_class = error_class


@dataclass
class Line:
    """One line (or paragraph) of text with whatever layout hints the format carries."""

    text: str
    column: str | None = None  # "left" | "right" for two-column zones, None for full width
    page: int = 1
    bold: bool = False
    italic: bool = False
    align: str | None = None  # "center" | "right" | "left" | "justify" | None
    x0: float | None = None  # left edge in points (PDF) where known
    x1: float | None = None  # right edge in points (PDF) where known
    top: float | None = None  # top edge in points (PDF) where known
    table: int | None = None  # index of the table the line came from (docx/html)
    row: int | None = None
    cell: int | None = None
    label: str | None = None  # list label restored from Word auto-numbering ("1.", "a)")
    size: float | None = None  # height of the printed line in points (PDF text layer), for footnotes


@dataclass
class Layout:
    """A read document: its lines in reading order plus what the reader learnt on the way."""

    path: str
    format: str  # txt | md | docx | pdf | pdf-ocr | image | html | doc
    lines: list[Line]
    pages: int = 1
    ocr: bool = False
    ocr_pages: int = 0
    warnings: list[str] = field(default_factory=list)
    # Texts found outside the page flow (e.g. e-signature stamps/annotations in PDFs).
    stamps: list[str] = field(default_factory=list)
    # Footnotes printed at a page's foot (PDF), kept out of the body's flow; their citations still count.
    notes: list[str] = field(default_factory=list)
    # A save from a legal-database site: its metadata table (number, type, issuer, signer, date), as printed.
    site_meta: dict[str, str] = field(default_factory=dict)
    # Fields a scan reader re-read (handwritten number…): field name → confidence in [0, 1].
    confidence: dict[str, float] = field(default_factory=dict)
    # Values a scan reader re-read on a crop for fields the extractors may miss (e.g. "signer.name").
    recovered: dict[str, str] = field(default_factory=dict)
