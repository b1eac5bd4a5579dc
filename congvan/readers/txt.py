"""Plain text: one Line per non-empty line; layout-style text (indented paragraphs) keeps its geometry."""

from __future__ import annotations

from pathlib import Path

from congvan.layout import Layout, Line, ReadError
from congvan.readers import website

CHAR_WIDTH = 6.0  # points per character, to give layout-style text the same geometry cues as a PDF
LINE_HEIGHT = 14.0


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), else UTF-16 with BOM, else cp1258; never silently garbage."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise ReadError("binary content, not a text file")
    return data.decode("cp1258", errors="replace")


def text_lines(text: str) -> list[Line]:
    """Lines of a text; when paragraphs are marked by indentation (pdftotext -layout, e-mail copies),
    each line carries x0/x1/top so that wrapped lines are joined like a PDF's."""
    raw = [line.rstrip() for line in text.expandtabs(8).splitlines()]
    filled = [line for line in raw if line.strip()]
    indented = sum(1 for line in filled if line.startswith("  "))
    layout = bool(filled) and indented >= 0.3 * len(filled) and indented < len(filled)
    lines = []
    for number, line in enumerate(raw):
        if not line.strip():
            continue
        if layout:
            indent = len(line) - len(line.lstrip())
            lines.append(Line(text=line.strip() if "    " not in line.strip() else line.lstrip(),
                              x0=indent * CHAR_WIDTH, x1=len(line) * CHAR_WIDTH, top=number * LINE_HEIGHT))
        else:
            lines.append(Line(text=line.strip()))
    return lines


def read(path: str) -> Layout:
    """A text file; a copy saved from a legal-database site is cut out of the site's chrome."""
    page = website.unwrap(decode(Path(path).read_bytes(), path).splitlines())
    lines = text_lines("\n".join(row.text for row in page.rows))
    columns = [row.column for row in page.rows if row.text.strip()]
    for line, column in zip(lines, columns, strict=True):
        line.column = column or line.column
    return Layout(path=path, format="txt", lines=lines, site_meta=page.meta)
