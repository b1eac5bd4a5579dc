"""A scan's signer name re-read under the seal: the signature block OCR'd again with coloured ink removed.

The red seal and the blue signature sit over the printed name, and the first pass often loses it. When no
line of the block after 'Nơi nhận' reads as a name, the right half of the page below that line is read again
with every coloured pixel turned white; the name is the run of capitalised syllables that ends one of its last
lines and starts with a known family name (a run that starts mid-name is not taken).
"""

from __future__ import annotations

import re

from congvan.data.agencies import SURNAMES
from congvan.layout import Line
from congvan.readers import ocr
from congvan.text.normalize import strip_accents

SYLLABLE = r"[A-ZĐÀ-Ỹ][a-zđà-ỹ]{0,6}"  # one capitalised syllable of a Vietnamese name
NAME = re.compile(rf"{SYLLABLE}(?:\s{SYLLABLE}){{1,4}}")
TRAILING_NAME = re.compile(rf"(?:^|[^\wÀ-ỹ])({SYLLABLE}(?:\s{SYLLABLE}){{1,4}})\s*$")
_FAMILY = {strip_accents(name) for name in SURNAMES}
INK_SATURATION = 70  # HSV saturation above which a pixel is coloured ink, not print
_NOI_NHAN = re.compile(r"^\s*N[ơo][iíì]\s+nh[aậâ]n", re.I)


def without_colour(image):
    """The image in grey with coloured ink (seal, signature) turned white."""
    grey = image.convert("L")
    saturation = image.convert("HSV").getchannel(1).point(lambda v: 255 if v > INK_SATURATION else 0)
    grey.paste(255, mask=saturation)
    return grey


def needs_reread(lines: list[Line]) -> Line | None:
    """The 'Nơi nhận' line of a page whose signature block has no line that reads as a name, else None."""
    start = next((line for line in lines if _NOI_NHAN.match(line.text) and line.top is not None), None)
    if start is None:
        return None
    block = [line for line in lines if (line.top or 0) >= (start.top or 0) - 5 and line.column != "left"
             and (line.x0 or 0) > 200]
    return None if any(NAME.fullmatch(line.text.strip()) for line in block) else start


def reread_name(image, start: Line, scale: float) -> str | None:
    """The signer's name read from the right half of the page below 'Nơi nhận', coloured ink removed."""
    crop = image.crop((image.width // 2, max(0, round(((start.top or 0) - 10) * scale)), image.width, image.height))
    rows = [row.strip() for row in ocr.image_to_text(without_colour(crop), psm=6).splitlines() if row.strip()]
    for row in reversed(rows[-3:]):
        m = TRAILING_NAME.search(row)
        if m and strip_accents(m.group(1).split()[0]) in _FAMILY:  # a whole name starts with its họ
            return m.group(1)
    return None
