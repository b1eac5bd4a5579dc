"""The original of a stored document for the review page: its layout lines, PDF pages as PNG, and where each
task's clause and evidence (lead and support agencies, deadline phrase) sit among those lines.

Lines come from the readers (a PDF's text layer without OCR: a scan is shown as page images only); a
document stored without its file (before schema 2) is shown as its clause tree.
"""

from __future__ import annotations

import io
import re
import tempfile
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path

from congvan import readers
from congvan.layout import Layout

PAGE_SCALE = 1.5  # PNG pixels per PDF point (108 dpi): sharp on a laptop, small enough for a tablet
ANCHOR = 40  # folded characters used to find where a long passage starts and ends
_CACHE_SIZE = 32
_WORD = re.compile(r"\w", re.UNICODE)


def fold_search(text: str | None) -> str:
    """Lower-case text without diacritics ("Sở Nội vụ" -> "so noi vu"): the inbox's search key."""
    text = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def _key(text: str | None) -> str:
    """Letters and digits only, folded: the form in which clauses are looked up among lines."""
    return "".join(_WORD.findall(fold_search(text))).replace("_", "")


class LineCache:
    """The last few documents' lines, so that paging through a document reads its file once."""

    def __init__(self, size: int = _CACHE_SIZE) -> None:
        self.size, self._items, self._lock = size, OrderedDict[str, dict](), threading.Lock()

    def get(self, key: str, make: Callable[[], dict]) -> dict:
        """The cached value of key, made by make() on a miss."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


def unwrap(name: str, data: bytes, index: int | None = None) -> tuple[str, bytes]:
    """The file to show for an original: itself, or for an edXML packet the attachment the pipeline read
    (number index, from the result's source.attachment; else the first document attached) under a name of
    our own; the packet itself when it cannot be parsed or holds no document."""
    if not name.lower().endswith(".edxml"):
        return name, data
    from congvan.readers import edxml

    try:
        packet = edxml.parse(data)
    except readers.ReadError:
        return name, data
    documents = [a for a in packet.attachments if a.extension in readers.SUFFIXES and a.extension != ".edxml"]
    chosen = next((a for a in documents if a.index == index), documents[0] if documents else None)
    return (f"attachment-{chosen.index}{chosen.extension}", chosen.data) if chosen else (name, data)


def read_original(name: str, data: bytes) -> dict:
    """The lines of an original file: {"format", "pages": [{"number", "width", "height"}], "lines": [...]}.

    Each line is {"text", "page", "box"}; box is [x0, top, x1, bottom] in PDF points for a PDF's text layer,
    else None. A PDF is read without OCR (a scanned page has no lines); an image has no lines.
    """
    with tempfile.TemporaryDirectory(prefix="congvan-view-") as folder:
        path = Path(folder) / (Path(name).name or "original")
        path.write_bytes(data)
        kind = readers.sniff(path) if path.stat().st_size else "txt"
        if kind == "pdf":
            from congvan.readers import pdf

            layout = pdf.read(str(path), max_ocr_pages=0)
            pages = pdf_pages(data)
        elif kind == "image":
            return {"format": "image", "pages": [{"number": 1, "width": None, "height": None}], "lines": []}
        else:
            layout = readers.read(path)
            pages = []
    return {"format": kind, "pages": pages, "lines": list(_line_dicts(layout))}


def _line_dicts(layout: Layout) -> Iterator[dict]:
    for line in layout.lines:
        text = line.text.strip()
        if not text:
            continue
        box = None
        if line.x0 is not None and line.x1 is not None and line.top is not None:
            box = [line.x0, line.top, line.x1, line.top + (line.size or 12.0)]
        yield {"text": text, "page": line.page, "box": box}


def clause_lines(document: dict) -> dict:
    """The view of a document stored without its file: its clauses, one line each, in order."""
    lines = []

    def walk(clauses: list[dict]) -> None:
        for clause in clauses:
            text = " ".join(x for x in (clause.get("label"), clause.get("heading"), clause.get("text")) if x)
            if text:
                lines.append({"text": text, "page": 1, "box": None})
            walk(clause.get("children") or [])

    walk((document.get("document") or {}).get("clauses") or [])
    return {"format": "clauses", "pages": [], "lines": lines}


def pdf_pages(data: bytes) -> list[dict]:
    """Number, width and height (points) of every page of a PDF."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return [{"number": i + 1, "width": round(pdf[i].get_width(), 1), "height": round(pdf[i].get_height(), 1)}
                for i in range(len(pdf))]
    finally:
        pdf.close()


def render_page(data: bytes, number: int, scale: float = PAGE_SCALE) -> bytes | None:
    """Page number (from 1) of a PDF, or an image file, as PNG bytes; None when there is no such page."""
    if not data.startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        if number != 1:
            return None
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(io.BytesIO(data)) as image:
                out = io.BytesIO()
                image.convert("RGB").save(out, "PNG")
                return out.getvalue()
        except UnidentifiedImageError:  # a text, Word or HTML original: no page images
            return None
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        if not 1 <= number <= len(pdf):
            return None
        out = io.BytesIO()
        pdf[number - 1].render(scale=scale).to_pil().save(out, "PNG")
        return out.getvalue()
    finally:
        pdf.close()


def _clause_text(clauses: list[dict], path: str | None) -> str:
    for clause in clauses:
        if clause.get("path") == path:
            return " ".join(x for x in (clause.get("heading"), clause.get("text")) if x)
        found = _clause_text(clause.get("children") or [], path)
        if found:
            return found
    return ""


class _Joined:
    """The lines' keys end to end, to find passages that wrap over several lines."""

    def __init__(self, lines: list[dict]) -> None:
        self.starts: list[int] = []
        parts: list[str] = []
        offset = 0
        for line in lines:
            key = _key(line["text"])
            self.starts.append(offset)
            parts.append(key)
            offset += len(key)
        self.text = "".join(parts)
        self.ends = [start + len(part) for start, part in zip(self.starts, parts, strict=True)]

    def find(self, needle: str, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
        """The span of needle in text[lo:hi]; a long needle is found by its first and last ANCHOR characters."""
        hi = len(self.text) if hi is None else hi
        if not needle:
            return None
        at = self.text.find(needle, lo, hi)
        if at >= 0:
            return at, at + len(needle)
        if len(needle) <= 2 * ANCHOR:
            return None
        start = self.text.find(needle[:ANCHOR], lo, hi)
        if start < 0:
            return None
        end = self.text.find(needle[-ANCHOR:], start, min(hi, start + 2 * len(needle)))
        return start, (end + ANCHOR if end >= 0 else min(hi, start + len(needle)))

    def lines(self, span: tuple[int, int]) -> list[int]:
        """Indexes of the lines that overlap span."""
        lo, hi = span
        return [i for i, (s, e) in enumerate(zip(self.starts, self.ends, strict=True)) if s < hi and e > lo]


def task_marks(lines: list[dict], result: dict) -> list[dict]:
    """For each task of result, in order: {"lines": [...], "evidence": [{"kind", "text", "lines"}]}.

    The clause is found by the task's description (else its clause's text) among the lines; evidence
    (kind "lead", "support" or "deadline") only inside the clause's lines.
    """
    joined = _Joined(lines)
    clauses = (result.get("document") or {}).get("clauses") or []
    marks = []
    for task in result.get("tasks") or []:
        span = None
        for text in (task.get("description"), _clause_text(clauses, task.get("clause")), task.get("title")):
            span = joined.find(_key((text or "").rstrip("…")))
            if span:
                break
        if span is None:
            marks.append({"lines": [], "evidence": []})
            continue
        evidence = []
        deadline = (task.get("deadline") or {}).get("text")
        wanted = [("lead", x) for x in task.get("lead") or []] + [("support", x) for x in task.get("support") or []]
        for kind, text in wanted + ([("deadline", deadline)] if deadline else []):
            found = joined.find(_key(text), joined.starts[joined.lines(span)[0]], span[1])
            if found:
                evidence.append({"kind": kind, "text": text, "lines": joined.lines(found)})
        marks.append({"lines": joined.lines(span), "evidence": evidence})
    return marks
