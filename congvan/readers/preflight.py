"""Pre-flight checks: refuse a hostile or oversized file in well under a second, before any parser reads it.

Each check reads only what it needs: a ZIP's central directory (and the first bytes of its XML parts), a
PDF's page tree, an image's header, one pass over a text file in chunks, one regular-expression pass over an
HTML page, an edXML packet's first bytes. A refusal is a ReadError with its error_class (too_large, encrypted,
unreadable, unsupported).
"""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path

from congvan.layout import ReadError
from congvan.readers import edxml
from congvan.readers.limits import MB, ZIP_RATIO_FLOOR, Limits

CHUNK = 1 << 20
XML_HEAD = 1 << 16  # bytes of each XML part searched for a DTD (it must come before the root element)
_DTD = re.compile(rb"<!\s*(doctype|entity)", re.I)
_DTD16 = re.compile("|".join(re.escape(w) for w in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")).encode(
    "utf-16-le"))
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")  # a password-protected .docx is an OLE container
PDF_PASSWORD_ERRORS = (4, 5)  # FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY


def check(path: Path, kind: str, limits: Limits) -> None:
    """Raise ReadError (with its error_class) when the file of reader `kind` is over a limit or cannot be
    opened safely; return quietly otherwise."""
    size = path.stat().st_size
    _at_most(size, limits.max_file_mb * MB, f"file of {_mb(size)} over the limit of {limits.max_file_mb:g} MB")
    checker = _CHECKS.get(kind)
    if checker is not None:
        checker(path, size, limits)


def _at_most(value: float, limit: float, message: str) -> None:
    if limit and value > limit:
        raise ReadError(message, "too_large")


def _mb(size: float) -> str:
    return f"{size / MB:.1f} MB"


def check_zip(path: Path, size: int, limits: Limits) -> None:
    """A .docx: member count, declared total size and compression ratios, encrypted members, DTDs in XML."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _at_most(len(members), limits.max_zip_members,
                     f"package of {len(members)} files over the limit of {limits.max_zip_members}")
            total = sum(m.file_size for m in members)
            _at_most(total, limits.max_zip_mb * MB,
                     f"package expands to {_mb(total)}, over the limit of {limits.max_zip_mb:g} MB")
            for member in members:
                if member.flag_bits & 0x1:
                    raise ReadError(f"encrypted package member '{member.filename}'", "encrypted")
                if member.file_size > ZIP_RATIO_FLOOR:
                    ratio = member.file_size / max(member.compress_size, 1)
                    _at_most(ratio, limits.max_zip_ratio,
                             f"'{member.filename}' compressed {ratio:.0f}:1, over the limit of "
                             f"{limits.max_zip_ratio:g}:1 (a ZIP bomb)")
            for member in members:
                if member.filename.lower().endswith((".xml", ".rels")) and member.file_size:
                    with archive.open(member) as handle:
                        head = handle.read(XML_HEAD)
                    if _DTD.search(head) or _DTD16.search(head):
                        raise ReadError(f"'{member.filename}' declares a DTD or entities, which Word files never "
                                        "do (XML entity expansion or external entities)", "unsupported")
    except (ReadError, MemoryError):
        raise
    except Exception as exc:  # zipfile, zlib, struct and OS errors all mean "not a readable package"
        raise ReadError(f"not a valid .docx (zip error: {exc})") from exc


def check_ole(path: Path, size: int, limits: Limits) -> None:
    """A .doc (OLE compound file): a password-protected .docx is one holding an EncryptedPackage stream."""
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            if _ENCRYPTED_OOXML in tail + chunk:
                raise ReadError("password-protected Office document", "encrypted")
            tail = chunk[-len(_ENCRYPTED_OOXML):]


def check_pdf(path: Path, size: int, limits: Limits) -> None:
    """A PDF: opened (not read) by pdfium; a password is refused, the page count comes from the page tree."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in PDF_PASSWORD_ERRORS:
            raise ReadError("encrypted PDF (it needs a password)", "encrypted") from exc
        raise ReadError(f"not a readable PDF ({exc})") from exc
    try:
        pages = len(pdf)
    finally:
        pdf.close()
    _at_most(pages, limits.max_pages, f"too many pages ({pages} > {limits.max_pages})")


def check_image(path: Path, size: int, limits: Limits) -> None:
    """An image: pixel count from its header (Pillow decodes nothing until asked)."""
    from PIL import Image, UnidentifiedImageError

    limit = limits.max_image_megapixels * 1e6
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                frames = getattr(image, "n_frames", 1)
    except Image.DecompressionBombError as exc:
        raise ReadError(f"image too large ({exc})", "too_large") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ReadError(f"not a readable image ({exc})") from exc
    _at_most(width * height, limit, f"image of {width} × {height} pixels over the limit of "
                                    f"{limits.max_image_megapixels:g} megapixels")
    _at_most(frames, limits.max_pages, f"too many pages ({frames} > {limits.max_pages})")


def check_text(path: Path, size: int, limits: Limits) -> None:
    """A text file: its size and its longest line, in one pass over chunks."""
    _at_most(size, limits.max_text_mb * MB, f"text of {_mb(size)} over the limit of {limits.max_text_mb:g} MB")
    if not limits.max_line_bytes:
        return
    longest = current = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            parts = chunk.replace(b"\r", b"\n").split(b"\n")
            current += len(parts[0])
            if len(parts) > 1:
                longest = max(longest, current, max(map(len, parts[1:-1]), default=0))
                current = len(parts[-1])
            longest = max(longest, current)
            _at_most(longest, limits.max_line_bytes,
                     f"a line of over {limits.max_line_bytes} bytes (the limit of one line)")


_SKIPPED = re.compile(rb"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)", re.I | re.S)
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>")
VOID = {b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param", b"source",
        b"track", b"wbr", b"basefont", b"frame", b"keygen", b"isindex"}
# an element that an opening tag closes implicitly (HTML's optional end tags), so sloppy pages do not nest
_CLOSES = {b"p": {b"p"}, b"li": {b"li", b"p"}, b"dt": {b"dt", b"dd", b"p"}, b"dd": {b"dt", b"dd", b"p"},
           b"tr": {b"tr", b"td", b"th", b"p"}, b"td": {b"td", b"th", b"p"}, b"th": {b"td", b"th", b"p"},
           b"option": {b"option"}, b"div": {b"p"}, b"table": {b"p"}}


def html_depth(data: bytes, limit: int = 0) -> int:
    """How deep the page's elements nest, as a browser would build it (optional end tags honoured); stops
    counting once past limit (when limit is set)."""
    data = _SKIPPED.sub(b"", data)
    stack: list[bytes] = []
    deepest = 0
    for m in _TAG.finditer(data):
        name = m.group(2).lower()
        if m.group(1):  # an end tag closes the nearest open element of its name
            for i in range(len(stack) - 1, max(-1, len(stack) - 64), -1):
                if stack[i] == name:
                    del stack[i:]
                    break
            continue
        if name in VOID or m.group(3):
            continue
        closes = _CLOSES.get(name)
        while closes and stack and stack[-1] in closes:
            stack.pop()
        stack.append(name)
        if len(stack) > deepest:
            deepest = len(stack)
            if limit and deepest > limit:
                break
    return deepest


def check_html(path: Path, size: int, limits: Limits) -> None:
    """An HTML page: its size and how deep its elements nest."""
    _at_most(size, limits.max_html_mb * MB, f"page of {_mb(size)} over the limit of {limits.max_html_mb:g} MB")
    if limits.max_html_depth:
        depth = html_depth(path.read_bytes(), limits.max_html_depth)
        _at_most(depth, limits.max_html_depth, f"elements nested over {limits.max_html_depth} deep")


def check_edxml(path: Path, size: int, limits: Limits) -> None:
    """An edXML packet: its size, and no DTD or entity declaration in its first bytes (where one must be, before
    the root element). Refusals are PacketErrors; the reader checks the whole packet again when it parses it,
    with a parser that never expands entities."""
    if size > edxml.MAX_PACKET_BYTES:
        raise edxml.PacketError("too_large", f"packet is {size} bytes (limit {edxml.MAX_PACKET_BYTES})")
    with path.open("rb") as handle:
        head = handle.read(XML_HEAD)
    if edxml.declares_dtd(head):
        raise edxml.PacketError("unsupported", "the packet declares a DTD or entities, which edXML never uses")


_CHECKS = {"docx": check_zip, "doc": check_ole, "pdf": check_pdf, "image": check_image, "txt": check_text,
           "md": check_text, "html": check_html, "edxml": check_edxml}
