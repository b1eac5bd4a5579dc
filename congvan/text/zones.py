"""Segment a read document into zones: header, body, footer (Nơi nhận + signature) and the rest."""

from __future__ import annotations

import re
from dataclasses import replace

from congvan.data.titles import KNOWN_TITLES
from congvan.layout import Line
from congvan.text.normalize import LOWER, UPPER, clean, is_upper, loose, retone

QUOC_HIEU = re.compile(loose("cong hoa xa hoi chu nghia viet nam"))
TIEU_NGU = re.compile(loose("doc lap") + r"\s*[-–—]+\s*" + loose("tu do") + r"\s*[-–—]+\s*" + loose("hanh phuc"))
PARTY = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", re.I)
SEPARATOR = re.compile(r"[-_=*–—~.]{3,}")
KINH_GUI = re.compile(r"^\s*(Kính\s+gửi|Kính\s+mời|Đồng\s+kính\s+gửi|Thành\s+phần\s+mời|Kính\s+trình)\s*:?", re.I)
DIEN = re.compile(r"\bđiện\s*:\s*", re.I)
KINH_GUI_INLINE = re.compile(r"(?<!^)\b(Kính\s+gửi|Kính\s+mời)\s*:")
NOI_NHAN = re.compile(r"^\s*[-–]?\s*" + loose("noi nha") + r"[nmu]\s*:?")  # OCR: "Nơi nhậm"
SIGN_PREFIX = re.compile(r"^\s*(?:(TM|KT|TL|TUQ|Q|T/M|K/T|T/L|T\.M|K\.T|T\.L)\s*[./]\s*\S|"
                         r"(?-i:(T/M|K/T|T/L)\s+[A-ZĐÀ-Ỹ]))", re.I)  # 'K/T THỦ TƯỚNG': the slash is the stop
_OPENERS = (r"Trong thời gian|Thực hiện|Căn cứ|Phúc đáp|Tiếp theo|Theo đề nghị|Theo|Xét|Ngày \d{1,2}|Vừa qua|"
            r"Hiện nay|Nhằm|Để|Qua|Sau khi|Trên cơ sở|Triển khai|Tiếp nhận|Được sự")
BODY_OPENER = re.compile(rf"\s(?=(?:{_OPENERS}|[A-ZĐÀ-Ỹ][\wÀ-ỹ ]{{0,60}}? nhận được)\b)")
_OPENS_BODY = re.compile(rf"^(?:{_OPENERS})\b")  # a line that starts the body, not one more addressee
PLACE_DATE = re.compile(
    rf"(?<![^\s,;:|])((?:[{UPPER}][{LOWER}]+\.?\s?|TP\.\s?|phố\s|xã\s){{1,6}}),\s*ngày\s*"
    r"(?:\d|\.|…|\S{0,4}\s*tháng)", re.U
)
NUMBER_START = re.compile(r"\bS[ốô]\s*:?\s*(?=[\d/.…_ ]*/|\d)")
_CAPS_TAIL = re.compile(rf"(?<=[.:]\s)(?:[{UPPER},]+\s?)+(?=\s*[-_=]{{3,}}|$)")
VV = re.compile(r"\b(V/v|V/V|V\.v|Về việc)\b")



def _cut(line: Line, positions: list[int]) -> list[Line]:
    pieces = []
    start = 0
    for pos in sorted(set(positions)) + [len(line.text)]:
        text = clean(SEPARATOR.sub(" ", line.text[start:pos])) if pos > start else ""
        if text and not SEPARATOR.fullmatch(text) and re.search(r"\w", text):
            pieces.append(replace(line, text=text))
        start = pos
    return pieces


_TABS = re.compile(r"\t+| {4,}")
PERSON = re.compile(r"^(?:[A-ZĐ][\wÀ-ỹ]*\s+){1,5}[A-ZĐ][\wÀ-ỹ]*$")


def _right_piece(piece: str) -> bool:
    return bool(QUOC_HIEU.search(piece) or TIEU_NGU.search(piece) or re.search(r",\s*ngày\b", piece)
                or SIGN_PREFIX.match(piece) or re.match(r"^\(?(Đã ký|đã ký)", piece)
                or (is_upper(piece) and len(piece) < 60) or (PERSON.match(piece) and not is_upper(piece)))


def split_tabs(line: Line) -> list[Line]:
    """A line laid out in two columns with tabs or runs of spaces → its left and right parts."""
    if line.column is not None or not _TABS.search(line.text):
        if "\t" in line.text:
            line.text = line.text.replace("\t", " ")
        return [line]
    pieces = [p.strip() for p in _TABS.split(line.text) if p.strip()]
    for k in range(1, len(pieces)):
        if _right_piece(pieces[k]) and not (is_upper(pieces[0]) and is_upper(pieces[k]) and k > 1):
            left, right = " ".join(pieces[:k]), " ".join(pieces[k:])
            return [replace(line, text=left, column="left"), replace(line, text=right, column="right")]
    return [replace(line, text=" ".join(pieces))]


def split_merged(lines: list[Line], header_window: int = 14) -> list[Line]:
    """Split lines where a scrape or a PDF run glued separate header components together."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        text = retone(line.text)
        cuts: list[int] = []
        for pattern in (QUOC_HIEU, TIEU_NGU):
            m = pattern.search(text)
            if m:
                cuts += [m.start(), m.end()]
        for m in SEPARATOR.finditer(text):
            if not text[m.start():].startswith("./."):
                cuts += [m.start(), m.end()]
        if index < header_window:
            for pattern in (NUMBER_START, VV):
                m = pattern.search(text)
                if m and m.start() > 0 and not re.search(r"(?:theo|tại|của)\s*$", text[: m.start()], re.I):
                    cuts.append(m.start())
            m = KINH_GUI_INLINE.search(text)
            if m:
                cuts.append(m.start())
            m = PLACE_DATE.search(text)
            if m and m.start() > 0 and not QUOC_HIEU.search(text[m.start():m.end()]):
                cuts.append(m.start())
            cuts += _title_cuts(text)
        if index < 3 and not is_upper(text):
            m = _CAPS_TAIL.search(text)
            if m and m.start() > 0:
                cuts.append(m.start())
        pieces = _cut(line, [c for c in cuts if 0 < c < len(text)]) if cuts else [line]
        if line.column is None and len(pieces) > 1:
            pieces = [_column_for(piece, i, pieces) for i, piece in enumerate(pieces)]
        for piece in pieces:
            out.extend(_split_kinh_gui_body(piece))
    return out


_TYPE_TITLE = re.compile(r"(?<=năm \d{4})\s+(?=(?:" + "|".join(
    ("QUYẾT ĐỊNH", "CHỈ THỊ", "KẾ HOẠCH", "THÔNG BÁO", "CÔNG ĐIỆN", "GIẤY MỜI", "TỜ TRÌNH", "BÁO CÁO", "NGHỊ QUYẾT",
     "CHƯƠNG TRÌNH", "QUY ĐỊNH", "QUY CHẾ", "HƯỚNG DẪN", "THÔNG TƯ", "NGHỊ ĐỊNH", "CÔNG VĂN")) + r")\b)")


def _title_cuts(text: str) -> list[int]:
    """A scrape runs the date, the capitals title and the first body sentence into one line ('… năm 1980 CHỈ THỊ
    VỀ CÔNG TÁC ĐO ĐẠC … TRONG CẢ NƯỚC Ngày 24 tháng 6 năm 1977 Hội đồng …'): cut before the title and where
    the capitals end and a sentence begins."""
    m = _TYPE_TITLE.search(text)
    if not m:
        return []
    cuts = [m.end()]
    words = list(re.finditer(r"\S+", text[m.end():]))
    for i in range(3, len(words) - 2):
        before = [w.group() for w in words[i - 3: i]]
        word, after = words[i].group(), words[i + 1].group()
        if all(is_upper(w) for w in before) and word[:1].isupper() and word[1:].islower() and \
                (after[:1].islower() or after[:1].isdigit()):
            cuts.append(m.end() + words[i].start())
            break
    return cuts


def _column_for(piece: Line, i: int, pieces: list[Line]) -> Line:
    if QUOC_HIEU.search(piece.text) or TIEU_NGU.search(piece.text):
        return replace(piece, column="right")
    if i + 1 < len(pieces) and QUOC_HIEU.search(pieces[i + 1].text):
        return replace(piece, column="left")
    return piece


def _split_kinh_gui_body(line: Line) -> list[Line]:
    """'Kính gửi: X Trong thời gian qua, …' (scrapes) → the address line and the body paragraph."""
    if not KINH_GUI.match(line.text):
        return [line]
    m = BODY_OPENER.search(line.text, KINH_GUI.match(line.text).end() + 3)
    if not m or len(line.text) - m.end() < 20:
        return [line]
    return [replace(line, text=line.text[: m.start()].strip()), replace(line, text=line.text[m.end():].strip())]


def recipients_end(lines: list[Line], start: int) -> int:
    """Index after the Kính gửi block that starts at `start`."""
    first = lines[start].text
    after_colon = KINH_GUI.sub("", first) if KINH_GUI.match(first) else DIEN.split(first, 1)[-1]
    end = start + 1
    if after_colon.strip() and not after_colon.strip().startswith(("-", "+", "•")):
        # one addressee on the same line; more may follow as dash lines or wrapped lines
        if after_colon.rstrip().endswith(".") and not (end < len(lines) and _is_item(lines[end].text)):
            return end
    previous = after_colon.strip()
    while end < len(lines):
        text = lines[end].text.strip()
        if len(text) > 300 or re.match(r"^(\d+|[IVX]+)[.)]\s", text):
            break
        if lines[end].column == "right" and lines[end - 1].column != "right" and (previous or end > start + 1):
            break
        if not _is_item(text):
            continues = (not previous.endswith((";", ".")) or text[:1].islower()) and _looks_like_name(text)
            if not continues:
                break
        previous = text
        end += 1
        if text.endswith(".") and not (end < len(lines) and _is_item(lines[end].text)):
            break
    return end


def _is_item(text: str) -> bool:
    return text.lstrip().startswith(("-", "+", "•", "–", "‒"))


def _looks_like_name(text: str) -> bool:
    return len(text) < 160 and not _OPENS_BODY.match(text) and not re.search(
        r"\b(đề nghị|thực hiện|căn cứ|theo|nhận được)\b", text[:40], re.I)


def find_footer(lines: list[Line], start: int) -> int:
    """Index where the Nơi nhận / signature zone begins (len(lines) when there is none)."""
    for i in range(start, len(lines)):
        if NOI_NHAN.match(lines[i].text):
            j = i
            while j > start and _is_signature_line(lines[j - 1]):
                j -= 1
            return j
    for i in range(start, len(lines)):
        if SIGN_PREFIX.match(lines[i].text) and ((len(lines) - i) < 12 or _signed_below(lines, i)):
            return i
    for i in range(start + 1, len(lines)):  # an unprefixed block ('GIÁM ĐỐC / Name'), a table's only near the end
        if _title_line(lines[i]) and (lines[i].table is None or len(lines) - i < 12) and _signed_below(lines, i):
            return i
    for i in range(max(start, len(lines) - 8), len(lines)):
        if lines[i].column == "right" and is_upper(lines[i].text) and len(lines[i].text) < 60:
            return i
    return len(lines)


_TITLE_START = re.compile(r"^\s*(?:" + "|".join(sorted(KNOWN_TITLES, key=len, reverse=True)) + r")(?![\wÀ-ỹ])")
_NAME_AFTER_CAPS = re.compile(rf"[{UPPER}]{{2,}}\s+(?:[{UPPER}][{LOWER}]+\s+){{1,5}}[{UPPER}][{LOWER}]*$")
_SIGNED = re.compile(r"^\(?\s*(?:Đã ký|đã ký|ĐÃ KÝ)\b")


def _title_line(line: Line) -> bool:
    text = line.text.strip()
    return is_upper(text) and len(text) < 80 and bool(_TITLE_START.match(text))


def _signed_below(lines: list[Line], i: int) -> bool:
    """A signature block: short capitals lines (and '(Đã ký)') down to a person's name within a few lines, so
    the block is found when an appendix, a table or footnotes follow it."""
    if len(lines[i].text) > 120:
        return False
    if _NAME_AFTER_CAPS.search(lines[i].text):  # the whole block on one line
        return True
    for line in lines[i + 1: i + 7]:
        text = line.text.strip()
        if PERSON.match(text) and not is_upper(text) and len(text.split()) >= 2:
            return True
        if not (_SIGNED.match(text) or (is_upper(text) and len(text) < 80)):
            return False
    return False


def _is_signature_line(line: Line) -> bool:
    text = line.text.strip()
    if SIGN_PREFIX.match(text):
        return True
    return line.column == "right" and is_upper(text) and len(text) < 70


_APPENDIX_HEAD = re.compile(r"^\s*(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu|DANH MỤC|DANH SÁCH|BIỂU MẪU|BẢNG|MẪU SỐ|"
                            r"Mẫu số|BIỂU SỐ|Biểu số)(?![\wÀ-ỹ])")
_FOOTNOTE = re.compile(r"^\s*(?:\d{1,2}|\(\d{1,2}\)|\[\d{1,2}\])\s*[A-ZĐÀ-Ỹa-zđà-ỹ]")


def find_footer_end(lines: list[Line], footer: int) -> int:
    """End of the signature zone: what follows the signer's name (an appendix, a new page with its own header, a
    table, footnotes, a long paragraph) is left out."""
    seen_name = False
    for i in range(footer + 1, len(lines)):
        line, text = lines[i], lines[i].text
        if (QUOC_HIEU.search(text) and (seen_name or not _signed_below(lines, i))) or _APPENDIX_HEAD.match(text) \
                or PARTY.search(text):
            return i  # (the motto inside the block: 'CHỦ TỊCH NƯỚC / CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / name')
        if line.page != lines[i - 1].page and seen_name and line.page > lines[footer].page:
            return i
        if seen_name and line.column is None and not NOI_NHAN.match(text) and not _is_item(text) and (
                (line.table is not None and lines[footer].table is None) or _FOOTNOTE.match(text)
                or len(text) > 160):
            return i
        if not is_upper(text) and not NOI_NHAN.match(text) and not _is_item(text):
            seen_name = True
    return len(lines)
