"""pdfium's two-call UTF-16 string getters (ask the size, then fill a buffer) as one Python call."""

from __future__ import annotations

import ctypes


def utf16(getter, *args) -> str:
    """getter(*args, buffer, size) → its text; "" when pdfium has none."""
    import pypdfium2.raw as raw

    size = getter(*args, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    getter(*args, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)), size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="ignore")
