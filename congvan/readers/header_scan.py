"""A scan's số re-read where the first OCR pass left it unreadable (handwritten, stamped).

Reads are tried cheapest first: the first pass's glyphs when all are digit look-alikes, then the handwriting
in the blank, then the whole row with the Latin model. The value patches the header line (so the extractors
read it like print), adds a warning, and sets the field's confidence: 0.6 for handwriting two of Tesseract's
modes agree on, 0.5 otherwise. (The handwritten day is not re-read this
way: on the dev scans it read 0 of 4 days right and replaced days the e-signature time had given;
dates.extract handles an illegible day.)
"""

from __future__ import annotations

import re

from congvan.layout import Line
from congvan.readers import handwriting, ocr
from congvan.text.lookalike import lookalike_digits

_NUMBER_LINE = re.compile(r"^\s*[S$5][^\s:]{0,2}\s*[:.;]?\s*(?P<seq>[^/\s]*)\s*/?\s*"
                          r"(?P<code>[A-ZĐ][\w&.()-]*-[\w&.()-]+)")
_DIGITS_THEN_CODE = re.compile(r"[:.;]\s*(?P<seq>\d{1,6})\s*/?\s*(?P<code>[A-ZĐ][\w&.-]*-[\w&.-]+)")


def _row(image, line: Line, scale: float, right: float | None = None):
    """The image of one header row, a little taller than the print (handwriting rises above it)."""
    box = (max(0.0, (line.x0 or 0) - 6) * scale, max(0.0, (line.top or 0) - 8) * scale,
           min(image.width, ((right or line.x1 or (line.x0 or 0) + 250) + 6) * scale),
           min(image.height, ((line.top or 0) + 22) * scale))
    return image.crop(tuple(round(v) for v in box))


def _written(image, line: Line, scale: float, before: re.Pattern, after: str) -> str | None:
    row = _row(image, line, scale)
    span = handwriting.gap(handwriting.char_boxes(row.convert("L")), before, after)
    if span is None:
        return None
    return handwriting.read_digits(handwriting.ink(row.crop((span[0], 0, span[1], row.height))))


def _printed(image, line: Line, scale: float, code: str) -> str | None:
    """The digits before the ký hiệu when the whole row is read with the Latin model."""
    whole = _DIGITS_THEN_CODE.search(ocr.image_to_text(_row(image, line, scale).convert("L"), psm=7, lang="eng"))
    same = whole and whole["code"].split("-")[0].casefold() == code.split("-")[0].casefold()
    return whole["seq"] if same else None


def reread(image, lines: list[Line], scale: float) -> tuple[list[str], dict[str, float]]:
    """Patch the first page's 'Số:' row in place; return (warnings, confidences)."""
    warnings: list[str] = []
    confidence: dict[str, float] = {}
    head = [line for line in lines[:16] if line.top is not None and line.x0 is not None]
    for line in head:
        m = _NUMBER_LINE.match(line.text)
        if not m or m["seq"].isdigit():
            continue
        value = lookalike_digits(m["seq"]) if m["seq"] else None  # no new read needed
        written = None if value else _written(image, line, scale, handwriting.NUMBER_GAP, "/")
        value = value or written or _printed(image, line, scale, m["code"])
        if value:
            line.text = f"Số: {value}/{m['code']}"
            confidence["number"] = 0.6 if written else 0.5
            warnings.append(f"number {value} re-read from the scan (handwritten or stamped): check it")
        break
    return warnings, confidence
