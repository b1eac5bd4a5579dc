"""A scan's số and date re-read where the first OCR pass left them unreadable (handwritten, stamped).

Số: reads are tried cheapest first: the first pass's glyphs when all are digit look-alikes, then the handwriting
in the blank (readers/handwriting.py), then the whole row with Tesseract's Latin model. Date: a day or month
that is not plain digits is read from its blank the same way; the row is patched only when the result is a real
calendar day, else dates.extract falls back to the e-signature time. Each value patches its header line (so the
extractors read it like print), adds a warning, and sets the field's confidence (the digit model's score, at
most 0.9; 0.5 for look-alikes and the Latin read).
"""

from __future__ import annotations

import re

from congvan.layout import Line
from congvan.readers import handwriting, ocr, signature_scan
from congvan.text import date_row as dates
from congvan.text.lookalike import lookalike_digits

_NUMBER_LINE = re.compile(r"^\s*[S$5][^\s:]{0,2}\s*[:.;]?\s*(?P<seq>[^/\s]*?)\s*/?\s*"
                          r"(?P<code>[A-ZĐ][\w&.()-]*-[\w&.()-]+)")
_DAY = re.compile(r"ng[aàáảãạ]y\s*", re.I)
_MONTH = re.compile(r"th[aàáảãạ]ng\s*", re.I)
_DIGITS_THEN_CODE = re.compile(r"[:.;]\s*(?P<seq>\d{1,6})\s*/?\s*(?P<code>[A-ZĐ][\w&.-]*-[\w&.-]+)")


def _row(image, line: Line, scale: float, right: float | None = None):
    """The image of one header row, a little taller than the print (handwriting rises above it)."""
    box = (max(0.0, (line.x0 or 0) - 6) * scale, max(0.0, (line.top or 0) - 8) * scale,
           min(image.width, ((right or line.x1 or (line.x0 or 0) + 250) + 6) * scale),
           min(image.height, ((line.top or 0) + 22) * scale))
    return image.crop(tuple(round(v) for v in box))


class _Rows:
    """Header rows cut from the page, each read for character boxes once (the day and the month share one)."""

    def __init__(self, image, scale: float) -> None:  # noqa: ANN001 - a PIL image
        self.image, self.scale = image, scale
        self.read: dict[int, tuple[object, list]] = {}

    def get(self, line: Line) -> tuple[object, list[tuple[int, int, int, int, str]]]:
        if id(line) not in self.read:
            row = _row(self.image, line, self.scale, right=line.x1)
            # the printed words' boxes, read with coloured ink (a written-in number, a stamp over it) turned white
            self.read[id(line)] = (row, handwriting.char_boxes(signature_scan.without_colour(row)))
        return self.read[id(line)]

    def written(self, line: Line, before: re.Pattern, after: str, least: int = 1) -> tuple[str, float] | None:
        """The digits written in the blank between two printed words of a row, with the model's score."""
        row, chars = self.get(line)
        span = handwriting.gap(chars, before, after)
        if span is None:
            return None
        return handwriting.read_digits(row.crop((span[0], 0, span[1], row.height)), least)


def _printed(image, line: Line, scale: float, code: str) -> str | None:
    """The digits before the ký hiệu when the whole row is read with the Latin model."""
    whole = _DIGITS_THEN_CODE.search(ocr.image_to_text(_row(image, line, scale).convert("L"), psm=7, lang="eng"))
    same = whole and whole["code"].split("-")[0].casefold() == code.split("-")[0].casefold()
    return whole["seq"] if same else None


def reread(image, lines: list[Line], scale: float) -> tuple[list[str], dict[str, float]]:
    """Patch the first page's 'Số:' and date rows in place; return (warnings, confidences)."""
    warnings: list[str] = []
    confidence: dict[str, float] = {}
    head = [line for line in lines[:16] if line.top is not None and line.x0 is not None]
    number = next(((line, m) for line in head if (m := _NUMBER_LINE.match(line.text))), None)
    if number and number[1]["seq"].isdigit():
        number = None
    dated = next((line for line in head if dates.PLACE.search(line.text) and not dates.LONG.search(line.text)), None)
    rows = _Rows(image, scale)
    if number:
        line, m = number
        value = lookalike_digits(m["seq"]) if m["seq"] else None  # no new read needed
        written = None if value else rows.written(line, handwriting.NUMBER_GAP, "/")
        value = value or (written and written[0]) or _printed(image, line, scale, m["code"])
        if value:
            line.text = f"Số: {value}/{m['code']}"
            confidence["number"] = written[1] if written else 0.5
            warnings.append(f"number {value} re-read from the scan (handwritten or stamped): check it")
    if dated:
        _reread_date(rows, dated, warnings, confidence)
    return warnings, confidence


def _reread_date(rows: _Rows, line: Line, warnings: list[str], confidence: dict[str, float]) -> None:
    """Day and month written in by hand ('ngày J2 tháng I1 năm 2025'): each read again from its blank; the row is
    patched only when the result is a real calendar day."""
    m = dates.GARBLED.search(line.text)
    if not m:
        return
    day, month = m["d"].replace(" ", ""), m["m"]
    # Nghị định 30/2020 (Phụ lục I): a day below 10 is written with a leading 0, so a written day has two digits
    read_day = None if _plain(day, 31) else rows.written(line, _DAY, "th", least=2)
    read_month = None if _plain(month, 12) else rows.written(line, _MONTH, "n")
    day = read_day[0] if read_day else day
    month = read_month[0] if read_month else month
    if (read_day or read_month) and dates.to_date(day, month, m["y"]):
        line.text = f"{line.text[:m.start()]}ngày {day} tháng {month} năm {m['y']}{line.text[m.end():]}"
        confidence["date"] = min(r[1] for r in (read_day, read_month) if r)
        warnings.append(f"date {day}/{month}/{m['y']} re-read from the scan (handwritten): check it")


def _plain(field: str, highest: int) -> bool:
    return field.isdigit() and 1 <= int(field) <= highest
