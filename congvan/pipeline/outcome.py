"""The outcome of one document as a worker reports it: the keys a failure carries, the OCR page count.

Light on purpose: the batch driver reads outcomes without loading the extractors (only workers convert)."""

from __future__ import annotations

FAILURE_KEYS = ("file", "stage", "error_class", "error")


def ocr_pages(source: dict) -> int:
    """Pages read by OCR: source.ocr_pages where the reader counts them, else every page of an OCR'd file."""
    return source.get("ocr_pages", source.get("pages", 0) if source.get("ocr") else 0)
