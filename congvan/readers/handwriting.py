"""Handwritten or stamped digits in a scan's header: the số and the day a văn thư writes in by hand.

The row is read again with character boxes to find the blank the printed form leaves ('Số: ___/TB-UBND',
'ngày ___ tháng'); the ink in it is isolated (coloured ink by its saturation, else dark pixels, without the
form's rules) and read with Tesseract restricted to digits in three page-segmentation modes. A value is kept
only when two modes agree.
"""

from __future__ import annotations

import re
from collections import Counter

from congvan.readers import ocr

_CHAR = re.compile(r"x_bboxes (\d+) (\d+) (\d+) (\d+)[^']*'>([^<]*)</span>")
NUMBER_GAP = re.compile(r"S[oóốòỏõọồổỗộơ]{0,2}\s*[:;.]?", re.I)


def char_boxes(row) -> list[tuple[int, int, int, int, str]]:
    """(left, top, right, bottom, character) for each character Tesseract finds on one row image."""
    hocr = ocr.image_to_text(row, psm=7, lang="vie", extra=["-c", "hocr_char_boxes=1", "hocr"])
    return [(int(m[1]), int(m[2]), int(m[3]), int(m[4]), m[5]) for m in _CHAR.finditer(hocr)]


def gap(chars: list[tuple[int, int, int, int, str]], before: re.Pattern, after: str) -> tuple[int, int] | None:
    """Pixel span between the printed words around a written-in field ('Số:' … '/', 'ngày' … 'tháng')."""
    text = "".join(c[4] for c in chars)
    m = before.search(text)
    if not m:
        return None
    end = text.find(after, m.end()) if after != "/" else text.find("/", m.end())
    if end < 0 or end <= m.end() - 1:
        return None
    left, right = chars[m.end() - 1][2] + 2, chars[end][0] - 2
    return (left, right) if right - left > 8 else None


def ink(area):
    """A black-on-white mask of the handwriting in an RGB area: coloured ink when there is some, else dark."""
    _, saturation, value = area.convert("HSV").split()
    coloured = sum(saturation.point(lambda v: 255 if v > 80 else 0).histogram()[255:])
    dark = sum(value.point(lambda v: 255 if v < 120 else 0).histogram()[255:])
    if coloured > max(40, dark // 2):
        mask = saturation.point(lambda v: 0 if v > 60 else 255)
    else:
        mask = area.convert("L").point(lambda v: 0 if v < 150 else 255)
    return _without_rules(mask)


def _without_rules(mask):
    """Blank the rows that are mostly ink (the form's underlines and rules)."""
    width, height = mask.size
    pixels = mask.tobytes()
    for y in range(height):
        if pixels.count(0, y * width, (y + 1) * width) > width * 0.6:
            mask.paste(255, (0, y, width, y + 1))
    return mask


def read_digits(mask) -> str | None:
    """The digits in a mask when two of Tesseract's modes (word, line, raw line) read the same."""
    from PIL import ImageOps

    if mask.getbbox() is None or ImageOps.invert(mask).getbbox() is None:
        return None
    box = ImageOps.invert(mask).getbbox()
    mask = mask.crop(box)
    expected = max(1, round(mask.width / (0.6 * mask.height)))  # handwritten digits are about 0.6 as wide as tall
    big = ImageOps.expand(mask.resize((mask.width * 2, mask.height * 2)), border=24, fill=255)
    counted: Counter[str] = Counter()
    for psm in (8, 7, 13):
        read = re.sub(r"\D", "", ocr.image_to_text(big, psm=psm, lang="eng", digits=True))
        if read and abs(len(read) - expected) <= 1:
            counted[read] += 1
            if counted[read] == 2:
                return read  # two modes agree: the third is not needed
    return None
