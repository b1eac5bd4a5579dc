"""Has a PDF page's text layer lost letters? Fonts embedded without a Unicode map for a few glyphs.

E-signing and office tools sometimes embed a font whose ToUnicode map lacks some glyphs or maps them to a
space: the page shows "Văn bản", its text layer says "ăn bản". Two signals, read from what the PDF reader
measures anyway, so a normal page costs next to nothing:

- unmapped: characters pdfium could not map to Unicode (FPDFText_HasUnicodeMapError) that touch a letter;
- holes: a word that starts in lowercase after a blank wider than its line's usual word gap by a good part
  of a letter (the glyph is printed, its map gives nothing or a space).
"""

from __future__ import annotations

import re

from congvan.readers.quality import TONED, VIETNAMESE

UNMAPPED = 2  # characters without a Unicode map, next to a letter, that make a page unreadable from its text
HOLES = 5  # letter-wide holes before lowercase words on one page (real pages show at most 2: stamped dates)
HOLE = 0.4  # a hole: the blank exceeds the line's median word gap by this much of the line's height
MAX_GAP = 24.0  # wider blanks are column or tab gaps (the PDF reader's own column gap)

_LETTERS = "".join(sorted(VIETNAMESE | TONED))
# Characters a glyph without a Unicode map can come out as (pdfium gives its char code instead): anything
# but whitespace and the letters of Vietnamese text. Found as runs, and only a run that touches a letter is
# asked, one ctypes call a character: a normal page asks for its punctuation after words and little else.
_SUSPECT = re.compile(f"[^\\s{_LETTERS}{_LETTERS.upper()}]+")

def unmapped_letters(textpage, text: str) -> int:
    """How many characters of the page pdfium could not map to Unicode, in runs of such characters that touch
    a letter."""
    import pypdfium2.raw as raw

    check = getattr(raw, "FPDFText_HasUnicodeMapError", None)
    if check is None:  # an old pdfium: the holes signal still works
        return 0
    page, count = textpage.raw, 0
    # pdfium leaves a few characters out of the text (control codes among them): then text and char
    # indices differ and each suspect's index is translated
    shifted = len(text) != raw.FPDFText_CountChars(page)
    for m in _SUSPECT.finditer(text):
        start, end = m.span()
        if not ((start and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha())):
            continue
        for k in range(start, end):
            index = raw.FPDFText_GetCharIndexFromTextIndex(page, k) if shifted else k
            count += check(page, index) == 1
    return count


def line_holes(gaps: list[float], lowers: list[float], height: float) -> int:
    """Holes on one printed line: the blanks between its words (gaps), those before words that start in
    lowercase (lowers), and the line's height. A line needs two gaps for its usual gap to mean something."""
    least = HOLE * height
    if len(gaps) < 2 or not any(least < gap < MAX_GAP for gap in lowers):
        return 0  # the usual line: no lowercase word after a blank of a good part of a letter
    usual = sorted(gaps)[len(gaps) // 2]
    return sum(1 for gap in lowers if usual + least < gap < MAX_GAP)


def verdict(unmapped: int, holes: int) -> str | None:
    """Why the page's text layer cannot be trusted, or None when it can."""
    if unmapped >= UNMAPPED:
        return f"text layer has {unmapped} characters without a Unicode map (font lacks them; letters lost)"
    if holes >= HOLES:
        return f"text layer drops letters ({holes} words start after a letter-wide blank; font map lacks glyphs)"
    return None
