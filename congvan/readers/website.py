"""Copies saved from legal-database websites: the document found inside the site's chrome.

A clerk who saves a text from a legal-database site as Markdown, text or HTML gets the document wrapped in
the site's pages: a banner, menus, a metadata table ("Số hiệu:", "Loại văn bản:", …) before it, related
documents, login prompts and a footer after it, and the document's two header columns split by table
pipes or cell breaks. This module finds the document by general patterns, never one site's markup:

- it starts at its issuer / Quốc hiệu header (the national motto or the party name, with the issuer
  lines printed just before it);
- it ends before the first chrome that follows its signature block (login prompts, "đang tải",
  copyright lines, "Văn bản liên quan", menus of site links, a second metadata table);
- two-cell table rows of the header or signature ("ISSUER | CỘNG HÒA…", "Số: … | Place, ngày …",
  cells broken by a lone "|" line) become left/right column lines;
- the metadata table found in the chrome is parsed into a dict (number, type, issuer, signer, date).

A text that has no Quốc hiệu and no chrome comes back unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from congvan.text.normalize import fold, is_upper, loose, retone

QUOC_HIEU = re.compile(loose("cong hoa xa hoi chu nghia viet nam"))
TIEU_NGU = re.compile(loose("doc lap") + r"\s*[-–—]+\s*" + loose("tu do") + r"\s*[-–—]+\s*" + loose("hanh phuc"))
PARTY = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", re.I)
SEPARATOR = re.compile(r"\s*[-_=*–—~.]{3,}\s*")
NOI_NHAN = re.compile(r"^\s*[-–]?\s*" + loose("noi nhan") + r"\s*:?")
SIGN_PREFIX = re.compile(r"^\s*(TM|KT|TL|TUQ|Q|T/M|K/T|T/L|T\.M|K\.T|T\.L)\s*[./]\s*\S", re.I)
NUMBER = re.compile(r"^\s*S[ốô]\s*(?:hiệu)?\s*:")
PLACE_DATE = re.compile(r",\s*ngày\s+\S+\s+tháng\b", re.I)
DOCUMENT_MATTER = re.compile(
    r"^(Kính\s+gửi|Kính\s+trình|Điều\s+\d+\s*\.|Căn\s+cứ\s)|" + NOI_NHAN.pattern[1:] + "|" + SIGN_PREFIX.pattern[1:],
    re.I)
CAPS_TAIL = re.compile(r"(?<=[.:]\s)(?:[A-ZĐÀ-Ỹ,]+\s){1,8}[A-ZĐÀ-Ỹ]+(?:\s*[-_=]{3,})?\s*$")

# Chrome that never belongs to a document (matched on the folded text of a short line).
STRONG_CHROME = re.compile(
    r"chưa đăng nhập|^đăng (nhập|xuất)$|^đăng nhập để |^đăng ký( tài khoản| thành viên)?$|quên mật khẩu"
    r"|đang tải|loading\.\.\.|©|\bcopyright\b|^bản quyền (thuộc|©|\d{4})|^giấy phép (số|thiết lập|mạng|cung cấp)"
    r"|^chịu trách nhiệm (chính|nội dung)\s*:|^văn bản liên quan\b|^tải (về|văn bản|file)\b|^(bản )?in văn bản$"
    r"|^báo lỗi\b"
)
# Site sections and menu entries, never a table's column header: chrome when more chrome follows closely.
NAV_CHROME = re.compile(
    r"^(lưu trữ|mục lục|thuộc tính|lược đồ|toàn văn|văn bản gốc|văn bản tiếng anh|tin liên quan|chia sẻ"
    r"|theo dõi( văn bản| hiệu lực)?|trang chủ|giới thiệu|liên hệ|hỏi đáp|tin tức|tra cứu( văn bản| nâng cao)?"
    r"|văn bản mới|điều khoản sử dụng|chính sách bảo mật|sơ đồ (trang|site)|hướng dẫn sử dụng|quay lại"
    r"|lên đầu trang|xem thêm|tiện ích)\s*:?$"
)
# Site sections that a document's table may also head ("Ghi chú"): chrome only beside other chrome.
WEAK_CHROME = re.compile(r"^(ghi chú|ý kiến|bình luận)\s*:?$")
META_LABELS = {
    "number": r"số hiệu|số ký hiệu|số/ký hiệu|ký hiệu",
    "type": r"loại văn bản|hình thức văn bản",
    "issuer": r"nơi ban hành|cơ quan ban hành|cơ quan ban hành/chức danh",
    "signer": r"người ký|người ký duyệt",
    "date": r"ngày ban hành|ngày ký",
    "": r"ngày hiệu lực|ngày có hiệu lực|ngày hết hiệu lực|tình trạng( hiệu lực)?|ngày công báo|số công báo"
        r"|lĩnh vực|ngành|phạm vi|nguồn thu thập|ngày đăng|ngày cập nhật|cập nhật|áp dụng",
}
META = re.compile("^(?:" + "|".join(f"(?P<k{i}>{p})" for i, p in enumerate(META_LABELS.values())) + r")\s*:?\s*")
META_KEYS = list(META_LABELS)
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MD_MARKUP = re.compile(r"\*\*|__|^#{1,6}\s+|^>\s*|<br\s*/?>", re.I)
MAX_ISSUER_LINES = 4
HEADER_LINES = 16  # the header's two-column rows come within the document's first lines
MAX_CELL_LINES = 6  # a header or signature cell broken over lines holds a few of them
CONFIRM_WINDOW = 12  # lines within which a weak chrome line needs another chrome line


@dataclass
class Row:
    """One line of a save after unwrapping: its text and, for split table cells, its column."""

    text: str
    column: str | None = None


@dataclass
class Page:
    """The document found inside a save: its rows and the site's metadata (empty when there was none)."""

    rows: list[Row]
    meta: dict[str, str] = field(default_factory=dict)


def plain(text: str) -> str:
    """A line without Markdown markup, links or table pipes, for pattern matching."""
    text = MD_LINK.sub(r"\1", text)
    text = MD_MARKUP.sub(" ", text.strip())
    return " ".join(text.replace("|", " ").replace("\\", "").split())


def is_anchor(text: str) -> bool:
    """Whether a line carries the national motto, the Quốc hiệu or the party name."""
    text = retone(text)
    return bool(QUOC_HIEU.search(text) or TIEU_NGU.search(text) or PARTY.search(text))


def chrome_kind(text: str) -> str | None:
    """'strong' for chrome that is never document text, 'nav' for site sections and menus, 'weak' for
    sections a document's table may also head, else None. A line of several pipe-separated entries counts
    when every entry is chrome."""
    entries = [fold(plain(part)) for part in MD_LINK.sub(r"\1", text).split("|")]
    entries = [e.strip(" :-•*") for e in entries if e.strip(" :-•*")]
    if not entries or len(" ".join(entries)) > 100:
        return None
    if any(STRONG_CHROME.search(e) for e in entries):
        return "strong"
    if all(NAV_CHROME.match(e) or STRONG_CHROME.search(e) for e in entries):
        return "nav"
    if all(WEAK_CHROME.match(e) or NAV_CHROME.match(e) for e in entries):
        return "weak"
    return None


def meta_label(text: str) -> str | None:
    """The metadata key a cell or line starts with ('' for labels not kept), or None."""
    match = META.match(fold(plain(text)))
    if not match:
        return None
    return next(META_KEYS[int(name[1:])] for name, value in match.groupdict().items() if value is not None)


# --------------------------------------------------------------------------- where the document is


def find_start(texts: list[str]) -> int:
    """Index of the document's first line: its issuer lines before the first Quốc hiệu (0 when there is
    none, or when what comes before it holds document matter: a Kính gửi, an article, a Nơi nhận)."""
    anchor = next((i for i, text in enumerate(texts) if is_anchor(plain(text))), None)
    if anchor is None:
        return 0
    start, issuer_lines = anchor, 0
    for i in range(anchor - 1, -1, -1):
        text = plain(texts[i])
        if not text or SEPARATOR.fullmatch(text):
            if not text and issuer_lines:
                break
            continue
        if _issuer_like(text) and issuer_lines < MAX_ISSUER_LINES:
            start, issuer_lines = i, issuer_lines + 1
            continue
        if CAPS_TAIL.search(text) and not issuer_lines:
            start = i  # a scrape's title line with the issuer glued at its end
        break
    if any(DOCUMENT_MATTER.match(plain(text)) for text in texts[:start]):
        return 0
    return start


def _issuer_like(text: str) -> bool:
    """An issuer line of the header: short, in capitals, no chrome, no metadata."""
    return (is_upper(text) and len(text) <= 90 and re.search(r"\w", text) is not None
            and chrome_kind(text) is None and meta_label(text) is None)


def find_end(texts: list[str], start: int) -> int:
    """Index after the document's last line: the first chrome after its signature block (or anywhere after
    its header when it has none): a strong chrome line, a menu or section line that more chrome follows
    closely, or a metadata table ("Số hiệu: …", "Người ký: …")."""
    footer = next((i for i in range(start, len(texts))
                   if NOI_NHAN.match(plain(texts[i])) or SIGN_PREFIX.match(plain(texts[i]))), None)
    earliest = footer if footer is not None else start + 1
    for i in range(earliest, len(texts)):
        kind = chrome_kind(texts[i])
        if kind == "strong" or (kind in ("nav", "weak") and _confirmed(texts, i)) or _meta_block(texts, i):
            return i
    return len(texts)


def _confirmed(texts: list[str], index: int) -> bool:
    """Whether strong chrome, a menu or section line, or a metadata table follows a chrome line closely."""
    return any(chrome_kind(text) in ("strong", "nav") or _meta_block(texts, i)
               for i, text in enumerate(texts[index + 1: index + 1 + CONFIRM_WINDOW], start=index + 1))


def _meta_block(texts: list[str], index: int) -> bool:
    """Whether a metadata table starts here: three labelled fields ("Label:") within a few lines (a
    document's own table heads its columns without colons)."""
    if not _labelled(texts[index]):
        return False
    return sum(_labelled(text) for text in texts[index: index + 10]) >= 3


def _labelled(text: str) -> bool:
    """A "Số hiệu:"-style metadata label with its colon."""
    cell = fold(plain(text.strip().strip("|").split("|")[0]))
    match = META.match(cell)
    return bool(match) and ":" in cell[: match.end() + 1]


# --------------------------------------------------------------------------- the site's metadata


def parse_meta(texts: list[str]) -> dict[str, str]:
    """The metadata table in chrome lines: "Số hiệu: X", "Số hiệu: | X |", or label and value on lines apart."""
    cells = [plain(cell) for text in texts for cell in re.split(r"\s\|\s|^\||\|$|\t", text.strip())]
    cells = [cell for cell in cells if cell]
    meta: dict[str, str] = {}
    for i, cell in enumerate(cells):
        key = meta_label(cell)
        if not key or key in meta:
            continue
        value = cell[META.match(fold(cell)).end():].strip() if META.match(fold(cell)) else ""
        if not value and i + 1 < len(cells) and meta_label(cells[i + 1]) is None:
            value = cells[i + 1]
        if value and not chrome_kind(value):
            meta[key] = value
    return meta


# --------------------------------------------------------------------------- header cells


def split_cells(texts: list[str]) -> list[Row]:
    """Rows for the document's lines; two-cell header rows (in the first lines) and signature rows
    (anywhere) become left/right lines."""
    rows: list[Row] = []
    for group in _groups(texts):
        rows.extend(_group_rows(group, sum(bool(row.text.strip()) for row in rows)))
    return rows


def _groups(texts: list[str]) -> list[list[str]]:
    """Blank-line separated groups, each blank line kept as its own group."""
    groups: list[list[str]] = []
    current: list[str] = []
    for text in texts:
        if text.strip():
            current.append(text)
            continue
        if current:
            groups.append(current)
            current = []
        groups.append([text])
    if current:
        groups.append(current)
    return groups


def _group_rows(group: list[str], seen: int) -> list[Row]:
    """One group of lines (`seen` lines after the document's start): Markdown table rows, one two-cell row
    whose cells span a few lines each, or plain lines."""
    if all(text.lstrip().startswith("|") for text in group):
        return [row for i, text in enumerate(group) for row in _table_row(text, seen + i < HEADER_LINES)]
    if len(group) <= 2 * MAX_CELL_LINES and sum(text.strip() == "|" for text in group) == 1:
        at = next(i for i, text in enumerate(group) if text.strip() == "|")
        split = _two_cells(group[:at], group[at + 1:], seen + at < HEADER_LINES)
        return split or [Row(text) for text in group]
    joined = "\n".join(group)
    if 1 < len(group) <= 2 * MAX_CELL_LINES and joined.count(" | ") == 1:
        left, right = joined.split(" | ")
        split = _two_cells(left.split("\n"), right.split("\n"), seen + left.count("\n") < HEADER_LINES)
        return split or [Row(text) for text in group]
    return [row for i, text in enumerate(group) for row in _pipe_line(text, seen + i < HEADER_LINES)]


def _table_row(text: str, header: bool) -> list[Row]:
    """A Markdown table row: separator rows dropped, a two-cell layout row split into columns."""
    inner = text.strip().strip("|")
    if set(inner) <= set("-:| "):
        return []
    cells = [cell.strip() for cell in inner.split("|")]
    filled = [cell for cell in cells if cell]
    if len(filled) == 2:
        split = _two_cells(_br_lines(filled[0]), _br_lines(filled[1]), header)
        if split:
            return split
    if len(filled) == 1:
        return [Row(line) for line in _br_lines(filled[0])]
    return [Row(text)]


def _pipe_line(text: str, header: bool) -> list[Row]:
    """A plain line with one ' | ' between two layout cells, else the line as it is."""
    if text.count(" | ") == 1 and not text.lstrip().startswith("|"):
        left, right = text.split(" | ")
        return _two_cells([left], [right], header) or [Row(text)]
    return [Row(text)]


def _br_lines(cell: str) -> list[str]:
    """The lines of a table cell broken with <br>; bold runs across a break are closed and reopened."""
    lines, bold = [], False
    for part in re.split(r"<br\s*/?>", cell, flags=re.I):
        text = ("**" + part.strip()) if bold else part.strip()
        bold = text.count("**") % 2 == 1
        text = text + "**" if bold else text
        if text.strip("* "):
            lines.append(text)
    return lines


def _two_cells(left: list[str], right: list[str], header: bool) -> list[Row] | None:
    """left/right rows for a header or signature row of two cells; None when it is not such a row."""
    left = [text.strip() for text in left if text.strip()]
    right = [text.strip() for text in right if text.strip()]
    if not left or not right or not (_layout_cell(left, header) or _layout_cell(right, header)):
        return None
    return [Row(text, "left") for text in left] + [Row(text, "right") for text in right]


def _layout_cell(cell: list[str], header: bool) -> bool:
    """Whether a cell holds signature matter (Nơi nhận, a signing authority) or, in the header's first
    lines, header matter (Quốc hiệu, number, place and date); a body table's row has none of them."""
    texts = [plain(text) for text in cell]
    if NOI_NHAN.match(texts[0]) or any(SIGN_PREFIX.match(text) for text in texts):
        return True
    return header and (bool(NUMBER.match(texts[0]))
                       or any(is_anchor(text) or PLACE_DATE.search(text) for text in texts))


# --------------------------------------------------------------------------- entry points


def unwrap(texts: list[str]) -> Page:
    """The document inside a text or Markdown save (raw lines, blank lines included)."""
    start = find_start(texts)
    end = find_end(texts, start)
    meta = parse_meta(texts[:start] + texts[end:])
    return Page(split_cells(texts[start:end]), meta)


def unwrap_lines(texts: list[str]) -> tuple[int, int, dict[str, str]]:
    """For readers that already have their lines (HTML): (start, end, metadata) of the document."""
    start = find_start(texts)
    end = find_end(texts, start)
    return start, end, parse_meta(texts[:start] + texts[end:])
