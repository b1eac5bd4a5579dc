"""Handwritten or stamped digits in a scan's header: the số and the day a văn thư writes in by hand.

The row is read again with character boxes to find the blank the printed form leaves ('Số: ___/TB-UBND',
'ngày ___ tháng'); the ink in it is isolated (coloured ink by its saturation, else dark pixels, without the
form's rules) to cut the crops that are read with the PP-OCR model, as digits (readers/digit_model.py).
A value is kept only when two crops agree.
"""

from __future__ import annotations

import html
import re

from congvan.readers import digit_model, ocr

_CHAR = re.compile(r"x_bboxes (\d+) (\d+) (\d+) (\d+)[^']*'>([^<]*)</span>")
NUMBER_GAP = re.compile(r"S[oóốòỏõọồổỗộơ]{0,2}\s*[:;.]?", re.I)


def char_boxes(row) -> list[tuple[int, int, int, int, str]]:
    """(left, top, right, bottom, character) for each character Tesseract finds on one row image."""
    hocr = ocr.image_to_text(row, psm=7, lang="vie", extra=["-c", "hocr_char_boxes=1", "hocr"])
    return [(int(m[1]), int(m[2]), int(m[3]), int(m[4]), html.unescape(m[5])) for m in _CHAR.finditer(hocr)]


def gap(chars: list[tuple[int, int, int, int, str]], before: re.Pattern, after: str) -> tuple[int, int] | None:
    """Pixel span between the printed words around a written-in field ('Số:' … '/', 'ngày' … 'tháng')."""
    text, owner = "", []  # owner: the box each character of the text comes from (a box may hold two)
    for index, char in enumerate(chars):
        text += char[4]
        owner += [index] * len(char[4])
    m = before.search(text)
    if not m or m.end() == 0:
        return None
    end = text.find(after, m.end())
    if end < 0:
        return None
    left, right = chars[owner[m.end() - 1]][2] + 2, chars[owner[end]][0] - 2
    return (left, right) if right - left > 8 else None


def ink(area):
    """A black-on-white mask of the writing in an RGB area. A văn thư writes in blue (or violet) or black and
    seals are red: blue ink when there is some, else dark neutral pixels, else red (a number stamped in red)."""
    hue, saturation, value = area.convert("HSV").split()
    coloured = saturation.point(lambda v: 255 if v > 60 else 0)
    reddish = hue.point(lambda h: 255 if h < 20 or h > 230 else 0)
    blue = _and(coloured, reddish.point(lambda v: 255 - v))
    dark = _and(value.point(lambda v: 255 if v < 150 else 0), coloured.point(lambda v: 255 - v))
    for found in (blue, dark, _and(coloured, reddish)):
        if found.histogram()[255] > 40:
            return _without_rules(found.point(lambda v: 0 if v else 255))
    return _without_rules(area.convert("L").point(lambda v: 0 if v < 150 else 255))


def _and(first, second):
    from PIL import ImageChops

    return ImageChops.logical_and(first.convert("1"), second.convert("1")).convert("L")


def _without_rules(mask):
    """Blank the rows that are mostly ink (the form's underlines and rules)."""
    width, height = mask.size
    pixels = mask.tobytes()
    for y in range(height):
        if pixels.count(0, y * width, (y + 1) * width) > width * 0.6:
            mask.paste(255, (0, y, width, y + 1))
    return mask


def read_digits(area, least: int = 1) -> tuple[str, float] | None:
    """The digits written in an RGB area and the model's score, when two crops of it read the same.

    The crops: the blank as located, with a white border, and both again cut to the ink. A read counts when every
    glyph is a digit and it has at least `least` digits and no fewer than the ink's width holds, less one.
    The score is the model's lowest digit score of the better read, at most 0.9 (handwriting is never certain),
    at most 0.5 when the ink runs into the area's right edge (written over the '/': a glyph may be cut).
    """
    from PIL import ImageOps

    box = ImageOps.invert(ink(area)).getbbox()
    if box is None:
        return None
    left, top, right, bottom = box
    expected = round((right - left) / (0.6 * (bottom - top)))  # handwritten digits are about 0.6 as wide as tall
    margin = max(4, (bottom - top) // 6)
    tight = area.crop((max(0, left - margin), max(0, top - margin), min(area.width, right + margin),
                       min(area.height, bottom + margin)))
    crops = (area, ImageOps.expand(area, border=10, fill="white"), tight,
             ImageOps.expand(tight, border=(bottom - top) // 4, fill="white"))
    seen: dict[str, list[float]] = {}
    for crop in crops:
        read = digit_model.read(crop)
        if read.whole and len(read.digits) >= max(least, expected - 1):
            seen.setdefault(read.digits, []).append(read.confidence)
            if len(seen[read.digits]) == 2:  # two crops agree: the rest are not needed
                cut = right >= area.width - 1  # ink runs into the next printed word: a last glyph may be lost
                return read.digits, round(min(0.5 if cut else 0.9, max(seen[read.digits])), 2)
    return None
