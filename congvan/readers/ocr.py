"""Tesseract OCR through its command line (Debian packages tesseract-ocr, tesseract-ocr-vie)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata

from congvan.layout import Line, ReadError

TIMEOUT = 60


def available() -> bool:
    return shutil.which("tesseract") is not None


def image_to_text(image, psm: int = 6, lang: str = "vie", digits: bool = False, extra: list[str] | None = None) -> str:
    """OCR a PIL image; one string with the lines Tesseract found."""
    if not available():
        raise ReadError("OCR needs Tesseract (apt-get install tesseract-ocr tesseract-ocr-vie)")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    command = ["tesseract", "stdin", "stdout", "-l", lang, "--psm", str(psm)]
    if digits:
        command += ["-c", "tessedit_char_whitelist=0123456789"]
    command += extra or []
    try:
        done = subprocess.run(command,
                              input=buffer.getvalue(), capture_output=True, timeout=TIMEOUT, env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ReadError(f"Tesseract took longer than {TIMEOUT} s") from exc
    return done.stdout.decode("utf-8", errors="replace")


def page_language() -> str:
    """The Tesseract model for whole pages: CONGVAN_OCR_LANG, else `vie` (measured best on the dev scans)."""
    return os.environ.get("CONGVAN_OCR_LANG", "vie")


def image_to_tsv(image, psm: int = 3, lang: str | None = None) -> str:
    """OCR a PIL image into Tesseract's TSV (one row per word with its box)."""
    lang = lang or page_language()
    if not available():
        raise ReadError("OCR needs Tesseract (apt-get install tesseract-ocr tesseract-ocr-vie)")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        done = subprocess.run(["tesseract", "stdin", "stdout", "-l", lang, "--psm", str(psm), "tsv"],
                              input=buffer.getvalue(), capture_output=True, timeout=TIMEOUT * 4, env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ReadError(f"Tesseract took longer than {TIMEOUT * 4} s on one page") from exc
    return done.stdout.decode("utf-8", errors="replace")


_OCR_ITEM_EIGHT = re.compile(r"^§(?=[.)]\s)")  # Tesseract reads an item number "8." as "§."
_ETH = re.compile(r"Đ?Ð")  # the Icelandic eth, never Vietnamese: Tesseract's 'Đ', often stuttered ('QĐÐ-UBND')
GAP = 30.0  # points of blank between two words that separate the two columns of a header or footer


Word = tuple[int, int, int, int, str, float]  # left, top, right, bottom, text, Tesseract's confidence
# A page may be sideways or upside down when fewer than this share of its words are read with confidence ≥ 80:
# measured 0.14 on turned pages, 0.47 on a creased, wavy form and 0.8 or more on upright dev scans.
FEW_CONFIDENT = 0.3

_SPECK = re.compile(r"[.,'`·~_]+")  # dust or a seal's edge read as punctuation before a line's first word


def _line(words: list[Word], page_no: int, scale: float, width: float) -> Line:
    if len(words) > 1 and _SPECK.fullmatch(words[0][4]):
        words = words[1:]
    left = min(w[0] for w in words) / scale
    right = max(w[2] for w in words) / scale
    top = min(w[1] for w in words) / scale
    text = _OCR_ITEM_EIGHT.sub("8", unicodedata.normalize("NFC", " ".join(w[4] for w in words)))
    text = _ETH.sub("Đ", text)
    column = None
    if right - left < width * 0.42:
        column = "right" if left >= width / 2 - 20 else ("left" if right <= width / 2 + 20 else None)
    return Line(text=text, column=column, page=page_no, x0=round(left, 1), x1=round(right, 1), top=round(top, 1))


def page_lines(image, page_no: int, scale: float) -> list[Line]:
    """OCR one page image into Lines with positions in points (same geometry cues as a text-layer PDF)."""
    return read_page(image, page_no, scale)[0]


def read_page(image, page_no: int, scale: float) -> tuple[list[Line], int]:
    """The page's Lines and the turn, in degrees clockwise, that made it upright (0 for almost every page).

    A page whose words are read with little confidence is shown to Tesseract's orientation detector (at half
    resolution); the turned page is kept only when it reads clearly better.
    """
    rows = _rows(image_to_tsv(image))
    turn = 0
    if _doubtful(rows):
        turn = orientation(image)
        upright = image.rotate(-turn, expand=True) if turn else None
        turned = _rows(image_to_tsv(upright)) if upright else {}
        if upright and _confident_share(turned) > _confident_share(rows) + 0.2:
            rows, image = turned, upright
        else:
            turn = 0
    return _page(rows, page_no, scale, image.width / scale), turn


def orientation(image) -> int:
    """Tesseract's orientation detection (`--psm 0`, the osd model): degrees clockwise to turn the page upright."""
    small = image.convert("L").resize((max(1, image.width // 2), max(1, image.height // 2)))
    found = re.search(r"Rotate:\s*(\d+)", image_to_text(small, psm=0, lang="osd"))
    return int(found[1]) % 360 if found else 0


def _rows(tsv: str) -> dict[tuple[int, int, int], list[Word]]:
    rows: dict[tuple[int, int, int], list[Word]] = {}
    for raw in tsv.splitlines()[1:]:
        cols = raw.split("\t")
        if len(cols) < 12 or not cols[11].strip() or float(cols[10] or -1) < 0:
            continue
        key = (int(cols[2]), int(cols[3]), int(cols[4]))
        left, top, width, height = (int(c) for c in cols[6:10])
        rows.setdefault(key, []).append((left, top, left + width, top + height, cols[11], float(cols[10])))
    return rows


def _confident_share(rows: dict[tuple[int, int, int], list[Word]]) -> float:
    scores = [w[5] for words in rows.values() for w in words if any(c.isalnum() for c in w[4])]
    return sum(1 for score in scores if score >= 80) / len(scores) if scores else 1.0


def _doubtful(rows: dict[tuple[int, int, int], list[Word]]) -> bool:
    """Enough words to judge (a blank page is not turned), few of them read with confidence."""
    return sum(len(words) for words in rows.values()) >= 20 and _confident_share(rows) < FEW_CONFIDENT


def _page(rows: dict[tuple[int, int, int], list[Word]], page_no: int, scale: float, width: float) -> list[Line]:
    lines = []
    for words in rows.values():
        words.sort()
        segments = [[words[0]]]
        for word in words[1:]:
            if (word[0] - segments[-1][-1][2]) / scale > GAP:
                segments.append([word])
            else:
                segments[-1].append(word)
        for segment in segments:
            lines.append(_line(segment, page_no, scale, width))
    lines.sort(key=lambda line: (round((line.top or 0) / 6), line.x0 or 0))
    return lines
