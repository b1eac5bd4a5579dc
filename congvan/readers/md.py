"""Markdown: emphasis markers become bold/italic hints, headings and list markup are unwrapped."""

from __future__ import annotations

import re
from pathlib import Path

from congvan.layout import Layout, Line
from congvan.readers import website
from congvan.readers.txt import decode

_HEADING = re.compile(r"^#{1,6}\s+")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?!\*)")


def read(path: str) -> Layout:
    """A Markdown file; a copy saved from a legal-database site is cut out of the site's chrome."""
    page = website.unwrap(decode(Path(path).read_bytes(), path).splitlines())
    lines: list[Line] = []
    for row in page.rows:
        raw = _HEADING.sub("", row.text.strip())
        if not raw or set(raw) <= set("-*_= "):
            continue
        bold = raw.startswith(("**", "__")) and raw.endswith(("**", "__"))
        plain = _BOLD.sub(lambda m: m.group(1) or m.group(2), raw)
        italic = plain.startswith("*") and plain.endswith("*")
        plain = _ITALIC.sub(lambda m: m.group(1), plain).replace("**", "")
        plain = plain.replace("\\", "") if "\\" in plain and re.search(r"\\[-*_.()]", plain) else plain
        if plain.strip():
            lines.append(Line(text=plain.strip(), bold=bold, italic=italic, column=row.column))
    return Layout(path=path, format="md", lines=lines, site_meta=page.meta)
