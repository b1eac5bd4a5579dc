"""Tesseract OCR through its command line (Debian packages tesseract-ocr, tesseract-ocr-vie)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

from congvan.readers.base import ReadError

TIMEOUT = 60


def available() -> bool:
    return shutil.which("tesseract") is not None


def image_to_text(image, psm: int = 6, lang: str = "vie", digits: bool = False) -> str:
    """OCR a PIL image; one string with the lines Tesseract found."""
    if not available():
        raise ReadError("OCR needs Tesseract (apt-get install tesseract-ocr tesseract-ocr-vie)")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    command = ["tesseract", "stdin", "stdout", "-l", lang, "--psm", str(psm)]
    if digits:
        command += ["-c", "tessedit_char_whitelist=0123456789"]
    try:
        done = subprocess.run(command,
                              input=buffer.getvalue(), capture_output=True, timeout=TIMEOUT, env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ReadError(f"Tesseract took longer than {TIMEOUT} s") from exc
    return done.stdout.decode("utf-8", errors="replace")
