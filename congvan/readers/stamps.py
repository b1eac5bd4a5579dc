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


YEAR_WIDTH = 60.0  # points after a trailing 'năm' where a stamped year sits


def _gaps(lines: list[Line]) -> list[tuple[str, Line, Line | None]]:
    """(field, segment before the blank, segment after it) for each blank number/day/month/year on page 1."""
    head = [line for line in lines if line.page == 1][:25]
    found: list[tuple[str, Line, Line | None]] = []
    for line in head:
        row = _row(head, line)
        nxt = next((o for o in row if (o.x0 or 0) > (line.x0 or 0)), None)
        if nxt is None:
            if re.search(r"\btháng\b.*\bnăm$", line.text.rstrip()):
                found.append(("year", line, None))
            continue
        if re.fullmatch(r"Số\s*:?", line.text.strip()) and nxt.text.startswith("/"):
            found.append(("number", line, nxt))
        elif line.text.rstrip().endswith("ngày") and nxt.text.startswith("tháng"):
            found.append(("day", line, nxt))
        elif line.text.rstrip().endswith("tháng") and nxt.text.startswith("năm"):
            found.append(("month", line, nxt))
    return found


def field_word(field: str) -> str:
    return {"day": "ngày", "month": "tháng", "year": "năm"}.get(field, "Số")


def _ink_band(image):
    """Binarise and keep the tallest band of rows with ink (drops rules and stray text above/below)."""
    from PIL import ImageOps

    image = image.point(lambda v: 0 if v < 160 else 255)
    width, height = image.size
    pixels = image.tobytes()
    histogram = [pixels.count(0, y * width, (y + 1) * width) for y in range(height)]
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


INLINE_GAP = re.compile(r"(?P<field>ngày|tháng|Số\s*:)(?P<gap>\s+)(?=tháng|năm|/)")
YEAR_GAP = re.compile(r"tháng[^\r\n]{0,30}?(?P<field>năm)(?=[ \t]*(?:\r|\n|$))")


def _inline_gaps(textpage) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Blank gaps inside one text run ('ngày      tháng'), located by character boxes on page 1."""
    text = textpage.get_text_range()
    found = []
    for m in INLINE_GAP.finditer(text[:1500]):
        left = textpage.get_charbox(m.end("field") - 1)
        right = textpage.get_charbox(m.end("gap"))
        if right[0] - left[2] > 12:
            field = {"ngày": "day", "tháng": "month"}.get(m["field"], "number")
            found.append((field, (left[2] + 1, left[1], right[0] - 1, left[3])))
    for m in YEAR_GAP.finditer(text[:1500]):
        left = textpage.get_charbox(m.end("field") - 1)
        found.append(("year", (left[2] + 1, left[1], left[2] + YEAR_WIDTH, left[3])))
    return found


def needs_fill(lines: list[Line]) -> bool:
    head = " ".join(line.text for line in lines[:25] if line.page == 1)
    return bool(_gaps(lines)) or bool(re.search(r"ngày\s+tháng|tháng\s+năm|Số\s*:\s*/", head))


def fill(pdf, page, textpage, lines: list[Line]) -> list[str]:
    """Read each blank gap from the signature appearances and write the digits into the line before it.

    ``page`` (page 1 of the open ``pdf``, ``textpage`` its text) has its appearances flattened into its
    content, then the text inside each gap is read exactly; a gap whose stamp is a picture is read by
    Tesseract (digits only) from a render of that gap alone. Returns warnings.
    """
    import pypdfium2.raw as raw

    boxes = _boxes(page, textpage, lines)
    textpage.close()  # before the page changes under it
    if not boxes:
        return []
    width, height = page.get_size()
    _keep_only_covering(raw, page, [(left, height - bottom, right, height - top)
                                    for _field, _line, (left, top, right, bottom) in boxes])
    if raw.FPDFPage_Flatten(page, raw.FLAT_NORMALDISPLAY) != raw.FLATTEN_SUCCESS:
        return [f"{field} is blank in the text layer and no stamp covers it" for field, _line, _box in boxes]
    page.close()
    page = pdf[0]  # pdfium wants the page reloaded after flattening
    textpage = page.get_textpage()
    texts = [textpage.get_text_bounded(left, height - bottom, right, height - top)
             for _field, _line, (left, top, right, bottom) in boxes]
    textpage.close()
    warnings: list[str] = []
    for (field, before, box), text in zip(boxes, texts, strict=True):
        digits = re.sub(r"\D", "", text)
        if digits:
            warnings.append(_write(field, before, digits, "from the e-signature stamp"))
        elif not ocr.available():
            warnings.append(f"{field} is stamped by the e-signing system as a picture; "
                            "Tesseract is not installed to read it")
        else:
            left, top, right, bottom = box
            image = page.render(scale=SCALE, crop=(left, height - bottom, width - right, top)).to_pil().convert("L")
            digits = re.sub(r"\D", "", ocr.image_to_text(_ink_band(image), psm=7, lang="eng", digits=True))
            warnings.append(_write(field, before, digits, "by OCR from the e-signature stamp"))
    page.close()
    return warnings


def _keep_only_covering(raw, page, gaps: list[tuple[float, float, float, float]]) -> None:
    """Drop (in memory) the annotations that cover no gap, so flattening adds only the stamps that matter
    (signature pictures make the reloaded page slow to parse)."""
    for index in reversed(range(raw.FPDFPage_GetAnnotCount(page))):
        annot = raw.FPDFPage_GetAnnot(page, index)
        rect = raw.FS_RECTF()
        found = raw.FPDFAnnot_GetRect(annot, rect)
        raw.FPDFPage_CloseAnnot(annot)
        if found and not any(rect.left < right and left < rect.right and min(rect.top, rect.bottom) < top
                             and bottom < max(rect.top, rect.bottom) for left, bottom, right, top in gaps):
            raw.FPDFPage_RemoveAnnot(page, index)


def _boxes(page, textpage, lines: list[Line]) -> list[tuple[str, Line, tuple[float, float, float, float]]]:
    """(field, line to write into, gap box in points from the top-left) for each blank on page 1."""
    boxes = [(field, before, ((before.x1 or 0) + 1, (before.top or 0) - 8,
                              (after.x0 or 0) - 1 if after else (before.x1 or 0) + YEAR_WIDTH,
                              (before.top or 0) + 20)) for field, before, after in _gaps(lines)]
    page_height = page.get_height()
    for field, (left, _bottom, right, top) in _inline_gaps(textpage):
        if any(found == field for found, _line, _box in boxes):
            continue
        line = next((ln for ln in lines if ln.page == 1 and ln.top is not None
                     and abs(ln.top - (page_height - top)) < 6 and field_word(field) in ln.text), None)
        if line is not None:
            boxes.append((field, line, (left, page_height - top - 8, right, page_height - top + 20)))
    return boxes


def _write(field: str, before: Line, digits: str, how: str) -> str:
    """Put the digits after the field's word in the line; return the warning that says so."""
    if not digits or (field == "day" and not 1 <= int(digits) <= 31) or \
            (field == "month" and not 1 <= int(digits) <= 12) or (field == "year" and not 1900 <= int(digits) <= 2100):
        return f"{field} is blank in the text layer and could not be read from the stamp"
    word = field_word(field)
    if before.text.rstrip().endswith(word):
        before.text = f"{before.text.rstrip()} {digits}"
    elif word == "Số":
        before.text = re.sub(rf"({word}\s*:?)(\s*)(?=\S|$)", rf"\1 {digits} ", before.text, count=1).strip()
    else:
        before.text = re.sub(rf"{word}\s+(?=tháng|năm)", f"{word} {digits} ", before.text, count=1)
    return f"{field} {digits} read {how}"
