"""Readers: one module per input format, each `read(path) -> Layout`; chosen by file content and suffix."""

from __future__ import annotations

import importlib
from pathlib import Path

from congvan.layout import Layout, Line, ReadError
from congvan.readers import preflight
from congvan.readers.limits import Limits

__all__ = ["Layout", "Limits", "Line", "ReadError", "SUFFIXES", "read"]

SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html",
    ".doc": "doc", ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image", ".tiff": "image",
    ".edxml": "edxml",  # a packet of files: read by congvan.pipeline.packet
}

_MAGIC = [(b"%PDF", "pdf"), (b"PK\x03\x04", "docx"), (b"\xd0\xcf\x11\xe0", "doc")]


def sniff(path: Path) -> str:
    """The reader name for a file: its magic bytes first, then its suffix."""
    with path.open("rb") as handle:
        head = handle.read(1024)
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if b"%PDF-" in head:  # the PDF header may sit anywhere in the first 1024 bytes
        return "pdf"
    name = SUFFIXES.get(path.suffix.lower())
    if name is None:
        raise ReadError(f"unsupported file type '{path.suffix or '(none)'}'", "unsupported")
    if name in ("pdf", "docx", "doc"):
        raise ReadError(f"file content is not a {name} file (bad or truncated file)")
    return name


def read(path: str | Path, limits: Limits | None = None) -> Layout:
    """Read any supported file into a Layout; raises ReadError with a one-line reason and its error class.

    The pre-flight checks of `limits` (default: Limits()) run first, before any parser sees the file."""
    path = Path(path)
    if not path.is_file():
        raise ReadError("no such file")
    if path.stat().st_size == 0:
        raise ReadError("empty file")
    name = sniff(path)
    preflight.check(path, name, limits or Limits())
    try:
        module = importlib.import_module(f"congvan.readers.{name}")
    except ModuleNotFoundError as exc:
        raise ReadError(f"no reader for {name} files in this installation ({exc.name})", "unsupported") from exc
    return module.read(str(path))
