"""Text-layer PDFs via pypdfium2: text runs with positions, grouped into lines and split into columns."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass

from congvan.layout import Layout, Line, ReadError
from congvan.readers import integrity, ocr, rereads
from congvan.readers import stamps as stamped
from congvan.readers.pdfium_strings import utf16
from congvan.readers.quality import quality

_GAP = 24.0  # points of horizontal blank that separate two columns on one line


@dataclass
class _Run:
    left: float
    top: float
    right: float
    bottom: float
    text: str


OCR_SCALE = 300 / 72  # 300 dpi


def read(path: str, max_ocr_pages: int = 50) -> Layout:
    """Read a PDF's text layer; a PDF without text gives a Layout with no lines and a warning."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (4, 5):  # FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY
            raise ReadError("encrypted PDF (it needs a password)", "encrypted") from exc
        raise ReadError(f"not a readable PDF ({exc})") from exc
    try:
        parts: list[list[Line]] = []  # each page's lines, in page order (OCR'd pages filled in batches)
        pending: list[tuple[int, object, int]] = []  # (page index, rendered page, its slot in parts)
        threads = ocr_threads()
        found = rereads.Rereads()
        stamps: list[str] = []
        warnings: list[str] = []
        ocr_pages = 0
        first = None
        footnotes: list[str] = []
        for index in range(len(pdf)):
            page = pdf[index]
            page_width, height = page.get_size()
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            runs, holes = _runs(textpage, text)
            score, reason = quality(" ".join(run.text for run in runs))
            if score >= 0.5:
                reason = integrity.verdict(integrity.unmapped_letters(textpage, text), holes) or ""
                score = 0.4 if reason else score
            if score < 0.5 and ocr.available() and index < max_ocr_pages:
                pending.append((index, page.render(scale=OCR_SCALE).to_pil().convert("RGB"), len(parts)))
                parts.append([])
                warnings.append(f"page {index + 1}: {reason}; read by OCR")
                ocr_pages += 1
                if len(pending) >= threads:
                    _ocr_pages(pending, parts, threads, found)
            else:
                if score < 0.5 and reason and runs:
                    warnings.append(f"page {index + 1}: {reason}; OCR not available, text layer kept")
                page_lines = _lines(runs, index + 1, page_width, height)
                body, notes = _split_footnotes(page_lines, height, page_width)
                parts.append(body)
                footnotes.extend(notes)
            texts, count = _annotation_texts(page)
            stamps.extend(texts)
            if index == 0 and count:
                first = (page, textpage)  # kept: e-signing systems stamp number and date in its annotations
            else:
                textpage.close()
        _ocr_pages(pending, parts, threads, found)
        lines = [line for part in parts for line in part]
        stamps.extend(_signature_times(pdf))
        layout = Layout(path=path, format="pdf-ocr" if ocr_pages else "pdf", lines=lines, pages=len(pdf),
                        ocr=bool(ocr_pages), stamps=stamps, warnings=warnings, notes=footnotes)
        layout.ocr_pages = ocr_pages
        found.into(layout)
        if not any(line.text.strip() for line in lines):
            layout.warnings.append("PDF has no text layer (scanned image) and OCR is not available")
        elif first is not None and not ocr_pages and stamped.needs_fill(lines):
            layout.warnings += stamped.fill(pdf, *first, lines)
        if not ocr_pages:
            _read_task_tables(path, layout)
        return layout
    except pdfium.PdfiumError as exc:  # a damaged page or object past the document's opening
        raise ReadError(f"damaged PDF ({exc})") from exc
    finally:
        pdf.close()


def ocr_threads() -> int:
    """Pages of one document OCR'd at once: CONGVAN_OCR_THREADS (the batch sets it when it has fewer documents
    than workers; `congvan extract` to the machine's cores), else 1."""
    try:
        return max(1, int(os.environ.get("CONGVAN_OCR_THREADS", "1")))
    except ValueError:
        return 1


def _ocr_pages(pending: list[tuple[int, object, int]], parts: list[list[Line]], threads: int,
               found: rereads.Rereads) -> None:
    """OCR the rendered pages (Tesseract runs as a subprocess, so threads run them in parallel), fill their
    slots, and re-read on each what the first pass lost."""
    from concurrent.futures import ThreadPoolExecutor

    def one(item: tuple[int, object, int]) -> tuple[list[Line], int]:
        return ocr.read_page(item[1].convert("L"), item[0] + 1, OCR_SCALE)

    with ThreadPoolExecutor(max(1, min(threads, len(pending)))) as pool:
        read = list(pool.map(one, pending))
    for (index, colour, slot), (page_lines, turn) in zip(pending, read, strict=True):
        found.page(found.upright(colour, turn, index), page_lines, index, OCR_SCALE)
        parts[slot] = page_lines
    pending.clear()


def _read_task_tables(path: str, layout: Layout) -> None:
    """Replace the lines of task tables by their cells (pdf_tables); a failure there only costs a warning."""
    from congvan.readers import pdf_tables

    pages = pdf_tables.candidate_pages(layout.lines)
    if not pages:
        return
    try:
        layout.lines = pdf_tables.replace_tables(path, layout.lines, pages)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on odd files; the text stays usable
        layout.warnings.append(f"task table on page {pages[0]} not read as a table ({type(exc).__name__}: {exc})")


def _runs(textpage, text: str) -> tuple[list[_Run], int]:
    """Text runs: pdfium's own lines (clean text order), cut where words jump horizontally; and the page's
    letter-wide holes before lowercase words (integrity.line_holes), from the same measures.

    Only the first and last character of each word are measured (the per-character calls dominate the
    reading time; inside a word characters are adjacent anyway), straight through ctypes: the wrapper's
    own work would cost more than pdfium's.
    """
    import ctypes

    import pypdfium2.raw as raw

    charbox, page = raw.FPDFText_GetCharBox, textpage.raw
    cl, cr, cb, ct = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    runs: list[_Run] = []
    words: list[str] = []
    gaps: list[float] = []  # blanks between the words of the current pdfium line, for holes
    lowers: list[float] = []  # those before words that start in lowercase
    holes = 0
    first = True
    left = bottom = right = top = previous = 0.0
    line_end = _line_end(text, 0)
    for m in _WORD.finditer(text):
        start, end = m.span()
        if start > line_end:  # a new pdfium line
            if words:
                runs.append(_Run(left, top, right, bottom, _run_text(words)))
                words = []
            line_end = _line_end(text, start)
            holes += integrity.line_holes(gaps, lowers, top - bottom)
            gaps, lowers, first = [], [], True
        charbox(page, start, cl, cr, cb, ct)
        fl, fb, ft = cl.value, cb.value, ct.value
        if end - start > 1:
            charbox(page, end - 1, cl, cr, cb, ct)
        lr, lb, lt = cr.value, cb.value, ct.value
        if lr <= fl:  # a glyph drawn right to left or without width: measure every character
            box = _word_box(textpage, start, end)
            if box is None:
                continue
            fl, fb, lr, ft = box
            lb, lt = fb, ft
        word = m.group()
        if first:
            first = False
        else:
            gaps.append(fl - previous)
            if word[0].islower():
                lowers.append(fl - previous)
        if words and fl - previous > _GAP:
            runs.append(_Run(left, top, right, bottom, _run_text(words)))
            words = []
        if words:
            left, right = min(left, fl), max(right, lr)
            bottom, top = min(bottom, fb, lb), max(top, ft, lt)
        else:
            left, right, bottom, top = fl, lr, min(fb, lb), max(ft, lt)
        previous = lr
        if end - start > 2 and word[-1].isdigit() and not word[-2].isdigit() and _superscript(fb, ft, lb, lt):
            word = word[:-1]  # a footnote mark printed small and raised ("Nghị định số 126/2024/NĐ-CP¹")
        words.append(word)
    if words:
        runs.append(_Run(left, top, right, bottom, _run_text(words)))
    return runs, holes + integrity.line_holes(gaps, lowers, top - bottom)


_WORD = re.compile(r"\S+")


def _superscript(first_bottom: float, first_top: float, last_bottom: float, last_top: float) -> bool:
    """The last character is smaller than the first and sits well above its baseline."""
    height = first_top - first_bottom
    return height > 0 and last_top - last_bottom < 0.8 * height and last_bottom > first_bottom + 0.25 * height


def _line_end(text: str, start: int) -> int:
    """Where the pdfium line holding position start ends (its lines end in \\r\\n)."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _word_box(textpage, start: int, end: int) -> tuple[float, float, float, float] | None:
    boxes = [b for b in (textpage.get_charbox(i) for i in range(start, end)) if b[2] > b[0]]
    if not boxes:
        return None
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def _run_text(words: list[str]) -> str:
    """The words of a run as NFC text, pdfium's line-end hyphen marks made hyphens again."""
    text = " ".join(words)
    if "\ufffe" in text or "\x02" in text:
        # pdfium marks a hyphen that ended a printed line with U+FFFE; in Vietnamese text that is a real
        # hyphen (NĐ-CP, kinh tế - xã hội), never a syllable split, so it is kept as "-"
        text = re.sub(r"\s+", " ", text.replace("\ufffe", "-").replace("\x02", "")).strip()
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _lines(runs: list[_Run], page_no: int, width: float, height: float) -> list[Line]:
    """Group runs whose vertical extents overlap into lines, then split lines at wide gaps."""
    runs.sort(key=lambda r: (-r.top, r.left))
    groups: list[list[_Run]] = []
    for run in runs:
        if groups:
            last = groups[-1]
            ref = last[0]
            overlap = min(ref.top, run.top) - max(ref.bottom, run.bottom)
            if overlap > 0.5 * min(ref.top - ref.bottom, run.top - run.bottom):
                last.append(run)
                continue
        groups.append([run])
    lines: list[Line] = []
    mid = width / 2
    for group in groups:
        group.sort(key=lambda r: r.left)
        segments: list[list[_Run]] = [[group[0]]]
        for run in group[1:]:
            if run.left - segments[-1][-1].right > _GAP:
                segments.append([run])
            else:
                segments[-1].append(run)
        for seg in segments:
            left, right = seg[0].left, max(r.right for r in seg)
            text = " ".join(r.text for r in seg if r.text)
            column = None
            if len(segments) > 1 or right - left < width * 0.42:
                if left >= mid - 20:
                    column = "right"
                elif right <= mid + 20:
                    column = "left"
            lines.append(
                Line(text=text, column=column, page=page_no, x0=round(left, 1), x1=round(right, 1),
                     top=round(height - max(r.top for r in seg), 1),
                     size=round(max(r.top for r in seg) - min(r.bottom for r in seg), 1),
                     align="center" if abs((left + right) / 2 - mid) < 25 and right - left < width * 0.6 else None)
            )
    return lines


_NOTE_START = re.compile(r"^\d{1,2}\s+\S")
FOOT = 0.3  # the lowest part of a page where footnotes sit
SMALL = 0.88  # a footnote's line height, at most, against the page's usual line


def _split_footnotes(lines: list[Line], height: float, width: float) -> tuple[list[Line], list[str]]:
    """(body lines, footnote texts). Footnotes close a page: from a wide line in smaller print that starts with
    its number ('1 Nghị định số …') down to the foot, every line is small. A small table at the foot has rows
    cut into cells, so its lines are never wide."""
    sizes = sorted(line.size for line in lines if line.size and len(line.text) > 30)
    if len(sizes) < 3:
        return lines, []
    usual = sizes[len(sizes) // 2]
    start = len(lines)
    while start > 0 and _small_at_foot(lines[start - 1], usual, height):
        start -= 1
    first = next((k for k in range(start, len(lines)) if _NOTE_START.match(lines[k].text)
                  and (lines[k].x1 or 0) - (lines[k].x0 or 0) > 0.5 * width), None)
    if first is None:
        return lines, []
    notes: list[str] = []
    for line in lines[first:]:
        if _NOTE_START.match(line.text) or not notes:
            notes.append(line.text)
        else:
            notes[-1] = f"{notes[-1]} {line.text}"
    return lines[:first], notes


def _small_at_foot(line: Line, usual: float, height: float) -> bool:
    if (line.top or 0) <= (1 - FOOT) * height:
        return False
    return _PAGE_NUMBER.match(line.text) is not None or (line.size is not None and line.size < SMALL * usual)


_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$")


def _annotation_texts(page) -> tuple[list[str], int]:
    """Texts of annotations and signature fields (e-signing systems stamp number/date there), and how many
    annotations the page has."""
    import pypdfium2.raw as raw

    texts = []
    count = raw.FPDFPage_GetAnnotCount(page)
    for i in range(count):
        annot = raw.FPDFPage_GetAnnot(page, i)
        for key in (b"Contents", b"T", b"TU"):
            value = _annot_string(raw, annot, key)
            if value and value.strip():
                texts.append(value.strip())
        raw.FPDFPage_CloseAnnot(annot)
    return texts, count


_SIGN_TIME = re.compile(r"D:(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?")


def _signature_times(pdf) -> list[str]:
    """The signing times of the PDF's digital signatures, as 'chữ ký số DD/MM/YYYY HH:MM' texts.

    Offices sign the issued copy on the day of issue, so the time stands in for a day that is blank or
    handwritten and illegible (dates.extract uses it only when month and year agree).
    """
    import ctypes

    import pypdfium2.raw as raw

    found = []
    for index in range(raw.FPDF_GetSignatureCount(pdf.raw)):
        signature = raw.FPDF_GetSignatureObject(pdf.raw, index)
        size = raw.FPDFSignatureObj_GetTime(signature, None, 0)
        if size <= 0:
            continue
        buffer = ctypes.create_string_buffer(size)
        raw.FPDFSignatureObj_GetTime(signature, buffer, size)
        m = _SIGN_TIME.match(buffer.value.decode("latin-1"))
        if m:
            year, month, day, hour, minute = m.groups()
            found.append(f"chữ ký số {day}/{month}/{year} {hour or '00'}:{minute or '00'}")
    return found


def _annot_string(raw, annot, key: bytes) -> str:
    return utf16(raw.FPDFAnnot_GetStringValue, annot, key)
