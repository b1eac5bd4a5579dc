"""Plain text: one Line per non-empty line."""

from __future__ import annotations

from pathlib import Path

from congvan.readers.base import Layout, Line, ReadError


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


def read(path: str) -> Layout:
    text = decode(Path(path).read_bytes(), path)
    lines = [Line(text=raw.strip()) for raw in text.splitlines() if raw.strip()]
    return Layout(path=path, format="txt", lines=lines)
