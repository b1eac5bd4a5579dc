"""E-signed PDFs: the number and day are stamped in signature-field appearances, outside the text layer.

When the text layer leaves them blank ('Số: /BNV-CCHC', 'ngày tháng 9 năm 2025'), the digits are the text of
the stamp annotation over the blank gap; a stamp drawn as a picture is read with Tesseract (digits only).
"""

from __future__ import annotations

import re

from congvan.layout import Line
from congvan.readers import ocr
from congvan.readers.pdfium_strings import utf16

SCALE = 400 / 72


def _row(lines: list[Line], line: Line) -> list[Line]:
    return sorted((o for o in lines if o.page == line.page and o.top is not None and line.top is not None
                   and abs(o.top - line.top) < 6), key=lambda o: o.x0 or 0)


YEAR_WIDTH = 60.0  # points after a trailing 'năm' where a stamped year sits
_FIELD_END = re.compile(r"(?:Số\s*:?|ngày|tháng|năm)\s*$")


def _gaps(lines: list[Line]) -> list[tuple[str, Line, Line | None]]:
    """(field, segment before the blank, segment after it) for each blank number/day/month/year on page 1."""
    head = [line for line in lines if line.page == 1][:25]
    found: list[tuple[str, Line, Line | None]] = []
    for line in head:
        if not _FIELD_END.search(line.text):
            continue
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

    ``page`` is page 1 of the open ``pdf`` and ``textpage`` its text. A gap's digits are the text of the
    smallest annotation over it; a stamp that is a picture is read by Tesseract (digits only) from a render
    of that gap alone. Returns warnings.
    """
    import pypdfium2.raw as raw

    boxes = _boxes(page, textpage, lines)
    textpage.close()
    if not boxes:
        return []
    height = page.get_height()
    gaps = [(left, height - bottom, right, height - top) for _field, _line, (left, top, right, bottom) in boxes]
    texts = _stamp_texts(raw, pdf, page, gaps)
    warnings: list[str] = []
    pictures = []
    for (field, before, box), text in zip(boxes, texts, strict=True):
        digits = _field_digits(field, text)
        if digits:
            warnings.append(_write(field, before, digits, "from the e-signature stamp"))
        else:
            pictures.append((field, before, box))
    if pictures:
        warnings += _read_pictures(raw, pdf, page, pictures)
    return warnings


_FULL_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")


def _field_digits(field: str, text: str) -> str:
    """The digits a stamp gives for one field; a stamp that prints a whole date ("12/08/2024") over the day
    blank gives the day (or the month, or the year) from it."""
    whole = _FULL_DATE.search(text)
    if whole and field in ("day", "month", "year"):
        return whole.group({"day": 1, "month": 2, "year": 3}[field])
    return re.sub(r"\D", "", text)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Rectangles (left, bottom, right, top) that share some area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _annotation_rects(raw, page) -> list[tuple[float, float, float, float]]:
    rects = []
    for index in range(raw.FPDFPage_GetAnnotCount(page)):
        annot = raw.FPDFPage_GetAnnot(page, index)
        rect = raw.FS_RECTF()
        if not raw.FPDFAnnot_GetRect(annot, rect):
            rect = raw.FS_RECTF(0, 0, 0, 0)
        raw.FPDFPage_CloseAnnot(annot)
        rects.append((min(rect.left, rect.right), min(rect.top, rect.bottom),
                      max(rect.left, rect.right), max(rect.top, rect.bottom)))
    return rects


def _stamp_texts(raw, pdf, page, gaps: list[tuple[float, float, float, float]]) -> list[str]:
    """For each gap (left, bottom, right, top in PDF points), the text of the smallest annotation over it.

    An annotation's appearance objects are lent to a scratch page for pdfium's text reader, then taken
    back: no flattening, so page 1 is not parsed a second time.
    """
    rects = _annotation_rects(raw, page)
    texts = []
    scratch_index = len(pdf)
    scratch = None
    try:
        for gap in gaps:
            over = [i for i, rect in enumerate(rects) if _overlaps(rect, gap)]
            if not over:
                texts.append("")
                continue
            best = min(over, key=lambda i: (rects[i][2] - rects[i][0]) * (rects[i][3] - rects[i][1]))
            if scratch is None:
                scratch = raw.FPDFPage_New(pdf, scratch_index, 200.0, 200.0)
            texts.append(_annotation_text(raw, page, best, scratch) if scratch else "")
    finally:
        if scratch:
            raw.FPDF_ClosePage(scratch)
            raw.FPDFPage_Delete(pdf, scratch_index)
    return texts


def _annotation_text(raw, page, index: int, scratch) -> str:
    """The text drawn by one annotation's appearance."""
    annot = raw.FPDFPage_GetAnnot(page, index)
    objects = [raw.FPDFAnnot_GetObject(annot, i) for i in range(raw.FPDFAnnot_GetObjectCount(annot))]
    lent = []
    try:
        for obj in objects:
            raw.FPDFPage_InsertObject(scratch, obj)
            lent.append(obj)
        textpage = raw.FPDFText_LoadPage(scratch)
        try:
            return " ".join(_object_text(raw, obj, textpage) for obj in objects).strip()
        finally:
            raw.FPDFText_ClosePage(textpage)
    finally:
        for obj in lent:  # back to the annotation, which owns them, before it is closed
            raw.FPDFPage_RemoveObject(scratch, obj)
        raw.FPDFPage_CloseAnnot(annot)


def _object_text(raw, obj, textpage) -> str:
    """Text of a text object, or of the text objects inside a form object."""
    kind = raw.FPDFPageObj_GetType(obj)
    if kind == raw.FPDF_PAGEOBJ_FORM:
        return " ".join(_object_text(raw, raw.FPDFFormObj_GetObject(obj, i), textpage)
                        for i in range(raw.FPDFFormObj_CountObjects(obj)))
    if kind != raw.FPDF_PAGEOBJ_TEXT:
        return ""
    return utf16(raw.FPDFTextObj_GetText, obj, textpage)


def _read_pictures(raw, pdf, page, pictures: list[tuple[str, Line, tuple[float, float, float, float]]]) -> list[str]:
    """OCR the gaps whose stamp is a picture: the covering stamps are flattened into page 1 and each gap is
    rendered alone."""
    if not ocr.available():
        return [f"{field} is stamped by the e-signing system as a picture; Tesseract is not installed to read it"
                for field, _line, _box in pictures]
    width, height = page.get_size()
    _keep_only_covering(raw, page, [(left, height - bottom, right, height - top)
                                    for _field, _line, (left, top, right, bottom) in pictures])
    if raw.FPDFPage_Flatten(page, raw.FLAT_NORMALDISPLAY) != raw.FLATTEN_SUCCESS:
        return [f"{field} is blank in the text layer and no stamp covers it" for field, _line, _box in pictures]
    page.close()
    page = pdf[0]  # pdfium wants the page reloaded after flattening
    warnings = []
    for field, before, (left, top, right, bottom) in pictures:
        image = page.render(scale=SCALE, crop=(left, height - bottom, width - right, top)).to_pil().convert("L")
        digits = re.sub(r"\D", "", ocr.image_to_text(_ink_band(image), psm=7, lang="eng", digits=True))
        warnings.append(_write(field, before, digits, "by OCR from the e-signature stamp"))
    page.close()
    return warnings


def _keep_only_covering(raw, page, gaps: list[tuple[float, float, float, float]]) -> None:
    """Drop (in memory) the annotations that cover no gap, so flattening adds only the stamps that matter
    (signature pictures make the reloaded page slow to parse)."""
    for index, rect in reversed(list(enumerate(_annotation_rects(raw, page)))):
        if not any(_overlaps(rect, gap) for gap in gaps):
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
