"""E-signed PDFs: the number and day are stamped in signature-field appearances, outside the text layer.

When the text layer leaves them blank ('Số: /BNV-CCHC', 'ngày tháng 9 năm 2025'), the blank gap between
the printed words is rendered with the form appearances and read with Tesseract restricted to digits.
"""

from __future__ import annotations

import re

from congvan.readers import ocr
from congvan.readers.base import Line

SCALE = 400 / 72


def _row(lines: list[Line], line: Line) -> list[Line]:
    return sorted((o for o in lines if o.page == line.page and o.top is not None and line.top is not None
                   and abs(o.top - line.top) < 6), key=lambda o: o.x0 or 0)


def _gaps(lines: list[Line]) -> list[tuple[str, Line, Line]]:
    """(field, segment before the blank, segment after it) for each blank number/day/month on page 1."""
    head = [line for line in lines if line.page == 1][:25]
    found = []
    for line in head:
        row = _row(head, line)
        nxt = next((o for o in row if (o.x0 or 0) > (line.x0 or 0)), None)
        if nxt is None:
            continue
        if re.fullmatch(r"Số\s*:?", line.text.strip()) and nxt.text.startswith("/"):
            found.append(("number", line, nxt))
        elif line.text.rstrip().endswith("ngày") and nxt.text.startswith("tháng"):
            found.append(("day", line, nxt))
        elif line.text.rstrip().endswith("tháng") and nxt.text.startswith("năm"):
            found.append(("month", line, nxt))
    return found


def _ink_band(image):
    """Binarise and keep the tallest band of rows with ink (drops rules and stray text above/below)."""
    from PIL import ImageOps

    image = image.point(lambda v: 0 if v < 160 else 255)
    width, height = image.size
    histogram = [sum(1 for v in image.crop((0, y, width, y + 1)).getdata() if v == 0) for y in range(height)]
    best, start = (0, 0), None
    for y, ink in enumerate(histogram + [0]):
        if ink and start is None:
            start = y
        elif not ink and start is not None:
            best = max(best, (start, y), key=lambda b: b[1] - b[0])
            start = None
    if best[1] - best[0] >= 5:
        image = image.crop((0, best[0], width, best[1]))
    return ImageOps.expand(image, border=5, fill=255)


def needs_fill(lines: list[Line]) -> bool:
    return bool(_gaps(lines))


def fill(path: str, lines: list[Line], width: float) -> list[str]:
    """OCR each blank gap and write the digits into the line before it; return warnings."""
    gaps = _gaps(lines)
    if not ocr.available():
        return ["number/day look stamped by the e-signing system; Tesseract is not installed to read them"]
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    warnings: list[str] = []
    try:
        pdf.init_forms()
        page = pdf[0]
        image = page.render(scale=SCALE, may_draw_forms=True).to_pil().convert("L")
        for field, before, after in gaps:
            box = ((before.x1 or 0) + 1, (before.top or 0) - 8, (after.x0 or 0) - 1, (before.top or 0) + 20)
            crop = _ink_band(image.crop(tuple(round(v * SCALE) for v in box)))
            digits = re.sub(r"\D", "", ocr.image_to_text(crop, psm=7, lang="eng", digits=True))
            if not digits or (field != "number" and not 1 <= int(digits) <= 31):
                warnings.append(f"{field} is blank in the text layer and could not be read from the stamp")
                continue
            before.text = f"{before.text} {digits}"
            warnings.append(f"{field} {digits} read by OCR from the e-signature stamp")
    finally:
        pdf.close()
    return warnings
