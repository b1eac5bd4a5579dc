"""Reader for saved HTML pages of legal-document sites (vbpl.vn, thuvienphapluat-style).

The document body is picked out of the site chrome, then walked block by block into Lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from congvan.layout import Layout, Line, ReadError
from congvan.readers import website

# Containers known to hold the document text on the usual sites, most specific first.
CONTENT_SELECTORS = (
    "[data-vbpl-content-root]", "#toanvancontent", ".toanvancontent", "#vbContent", ".vbContent",
    ".content1", "#content1", "#fulltext", ".fulltext", ".preview-content", "#divContentDoc",
)
ANCHOR = re.compile(
    r"C[ỘO]NG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM"
    r"|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc",
    re.I,
)
# Never part of a document: scripts, styling, embedded widgets, form controls.
DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "button",
    "input", "select", "textarea", "link", "meta", "head", "canvas", "video", "audio",
)
# Site chrome inside a chosen container (only dropped when it does not hold the document header).
CHROME_TAGS = ("nav", "footer", "aside", "header")
CHROME_NAMES = re.compile(r"\b(menu|breadcrumb|related|share|social|comment|banner|advert|toolbar)", re.I)
BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "section", "article", "main", "center", "pre", "address", "figure", "figcaption", "form",
    "fieldset", "caption", "header", "footer", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "hr",
}
BOLD_TAGS = {"b", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "th"}
ITALIC_TAGS = {"i", "em", "cite"}
ALIGNS = {"center": "center", "middle": "center", "right": "right", "left": "left", "justify": "justify"}
STYLE_PROP = re.compile(r"([a-z-]+)\s*:\s*([^;]+)", re.I)
MIN_BODY_CHARS = 100
BODY_SHARE = 0.5  # share of the page's non-link text the document container must hold

Tag = Any  # bs4.element.Tag; bs4 is imported lazily


def read(path: str) -> Layout:
    """Read a saved HTML page into a Layout (ReadError when no document body is found)."""
    from bs4 import BeautifulSoup

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc}") from exc
    soup = BeautifulSoup(data, "lxml")
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    root = find_body(soup)
    if root is None:
        raise ReadError("no document body found in the HTML page")
    outside = outside_texts(soup, root)
    _drop_chrome(root)
    walker = _Walker()
    walker.block(root, _format(root, _Fmt(), _style(root)), _Ctx())
    if not walker.lines:
        raise ReadError("no document body found in the HTML page (empty content)")
    start, end, meta = website.unwrap_lines([line.text for line in walker.lines])
    lines = walker.lines[start:end] or walker.lines
    meta = website.parse_meta(outside) | meta
    return Layout(path=path, format="html", lines=lines, pages=1, site_meta=meta)


def outside_texts(soup: Tag, root: Tag) -> list[str]:
    """The page's texts outside the document container, one per table cell or text node (for metadata)."""
    texts = []
    for string in soup.find_all(string=True):
        if any(parent is root for parent in string.parents):
            continue
        text = " ".join(string.split())
        if text:
            texts.append(unicodedata.normalize("NFC", text))
    return texts


def _text(el: Tag) -> str:
    """An element's text with whitespace collapsed."""
    return " ".join(el.get_text(" ").split())


def find_body(soup: Tag) -> Tag | None:
    """The element holding the document: a known content container, else the smallest ancestor of
    the national motto (or party header) holding at least half of the page's non-link text."""
    for selector in CONTENT_SELECTORS:
        found = [el for el in soup.select(selector) if len(_text(el)) >= MIN_BODY_CHARS]
        if found:
            return max(found, key=lambda el: len(_text(el)))
    anchors = [s.parent for s in soup.find_all(string=_is_anchor) if s.parent is not None]
    if not anchors:
        return None
    weights = _text_weights(soup)
    needed = BODY_SHARE * weights.get(id(soup), 0)
    best = None
    for node in anchors:
        while node.parent is not None and node.name not in ("body", "html"):
            if weights.get(id(node), 0) >= needed:
                break
            node = node.parent
        if best is None or weights.get(id(node), 0) < weights.get(id(best), 0):
            best = node
    return best


def _is_anchor(text: str) -> bool:
    """Whether a text node carries the national motto or the party name."""
    return bool(ANCHOR.search(unicodedata.normalize("NFC", " ".join(text.split()))))


def _text_weights(soup: Tag) -> dict[int, int]:
    """For every element (by id), how many non-space characters of non-link text it holds."""
    from bs4.element import PreformattedString

    weights: dict[int, int] = {}
    for string in soup.find_all(string=True):
        size = len("".join(string.split()))
        if not size or isinstance(string, PreformattedString):
            continue
        parents = list(string.parents)
        if any(parent.name == "a" for parent in parents):
            continue
        for parent in parents:
            weights[id(parent)] = weights.get(id(parent), 0) + size
    return weights


def _drop_chrome(root: Tag) -> None:
    """Remove navigation, related-document lists and similar chrome left inside the container."""
    doomed = [el for el in root.find_all(True) if _is_chrome(el) and not el.find(string=_is_anchor)]
    for el in doomed:
        if not el.decomposed:
            el.decompose()


def _is_chrome(el: Tag) -> bool:
    """Whether an element looks like site chrome by its tag, class or id."""
    names = " ".join(el.get("class") or []) + " " + (el.get("id") or "")
    return el.name in CHROME_TAGS or bool(CHROME_NAMES.search(names))


def _style(el: Tag) -> dict[str, str]:
    """The inline CSS declarations of an element."""
    return {k.lower(): v.strip().lower() for k, v in STYLE_PROP.findall(el.get("style") or "")}


def _hidden(el: Tag, style: dict[str, str]) -> bool:
    """Whether an element is not displayed."""
    return (
        el.has_attr("hidden") or style.get("display") == "none" or style.get("visibility") == "hidden"
        or el.get("aria-hidden") == "true"
    )


@dataclass(frozen=True)
class _Fmt:
    """Inherited formatting while walking down the tree."""

    bold: bool = False
    italic: bool = False
    align: str | None = None


@dataclass(frozen=True)
class _Ctx:
    """The table cell / two-column zone being walked."""

    column: str | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None


def _format(el: Tag, fmt: _Fmt, style: dict[str, str]) -> _Fmt:
    """The formatting inside `el`: tags, inline CSS and align= attributes."""
    bold, italic, align = fmt.bold, fmt.italic, fmt.align
    if el.name in BOLD_TAGS:
        bold = True
    if el.name in ITALIC_TAGS:
        italic = True
    weight = style.get("font-weight")
    if weight:
        bold = weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)
    if style.get("font-style"):
        italic = style["font-style"] in ("italic", "oblique")
    if el.name in BLOCK_TAGS and el.name != "table":  # a table's align= places the table, not its text
        attr = (el.get("align") or "").lower()
        align = ALIGNS.get(style.get("text-align", "")) or ALIGNS.get(attr, align)
    return _Fmt(bold, italic, align)


@dataclass
class _Segment:
    """Text between two line breaks, with formatting tallies."""

    parts: list[str] = field(default_factory=list)
    chars: int = 0
    bold: int = 0
    italic: int = 0


@dataclass
class _Buffer:
    """Inline text of one block, split at <br>."""

    align: str | None
    ctx: _Ctx
    done: list[_Segment] = field(default_factory=list)
    current: _Segment = field(default_factory=_Segment)

    def add(self, text: str, fmt: _Fmt) -> None:
        """Append a text node with its formatting."""
        seg = self.current
        seg.parts.append(text)
        chars = len("".join(text.split()))
        seg.chars += chars
        seg.bold += chars if fmt.bold else 0
        seg.italic += chars if fmt.italic else 0

    def newline(self) -> None:
        """Close the current segment."""
        self.done.append(self.current)
        self.current = _Segment()


class _Walker:
    """Walks the document container in order and accumulates Lines."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.tables = 0

    @staticmethod
    def new_buffer(align: str | None, ctx: _Ctx) -> _Buffer:
        """An empty inline buffer for a block."""
        return _Buffer(align, ctx)

    def flush(self, buf: _Buffer) -> None:
        """Turn a block's buffered inline text into Lines."""
        buf.newline()
        for seg in buf.done:
            text = unicodedata.normalize("NFC", " ".join("".join(seg.parts).split()))
            if text:
                ctx = buf.ctx
                self.lines.append(Line(
                    text=text, column=ctx.column, bold=seg.bold * 2 > seg.chars,
                    italic=seg.italic * 2 > seg.chars, align=buf.align,
                    table=ctx.table, row=ctx.row, cell=ctx.cell,
                ))
        buf.done.clear()

    def walk(self, el: Tag, fmt: _Fmt, ctx: _Ctx, buf: _Buffer) -> None:
        """Walk the children of `el`, adding inline text to `buf` and flushing around blocks."""
        from bs4.element import NavigableString, PreformattedString

        for child in el.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, PreformattedString):
                    buf.add(str(child), fmt)
                continue
            if child.name is None:
                continue
            style = _style(child)
            if _hidden(child, style):
                continue
            if child.name == "br":
                buf.newline()
            elif child.name in BLOCK_TAGS:
                self.flush(buf)
                self.block(child, _format(child, fmt, style), ctx)
            else:
                self.walk(child, _format(child, fmt, style), ctx, buf)

    def block(self, el: Tag, fmt: _Fmt, ctx: _Ctx) -> None:
        """Walk one block element (tables get their own treatment)."""
        if el.name == "table":
            self.table(el, fmt, ctx)
            return
        buf = self.new_buffer(fmt.align, ctx)
        self.walk(el, fmt, ctx, buf)
        self.flush(buf)

    def table(self, table: Tag, fmt: _Fmt, ctx: _Ctx) -> None:
        """Emit a table: two-column layout tables as left/right zones, others cell by cell."""
        index = self.tables
        self.tables += 1
        rows = _grid(table)
        layout = _is_layout_table(table, rows)
        width = max((start + span for cells in rows for _, start, span in cells), default=1)
        for row_index, cells in enumerate(rows):
            columns = _row_columns(cells, width) if layout else [None] * len(cells)
            for (cell, start, _), column in zip(cells, columns, strict=True):
                style = _style(cell)
                if _hidden(cell, style):
                    continue
                sub = replace(ctx, column=column or ctx.column, table=index, row=row_index, cell=start)
                self.block(cell, _format(cell, fmt, style), sub)


def _rows(table: Tag) -> list[Tag]:
    """The rows of a table itself (not of tables nested in its cells)."""
    rows = []
    for child in table.find_all(["tr", "thead", "tbody", "tfoot"], recursive=False):
        if child.name == "tr":
            rows.append(child)
        else:
            rows.extend(child.find_all("tr", recursive=False))
    return rows


def _span(cell: Tag, name: str) -> int:
    """A colspan/rowspan value (1 when absent or malformed)."""
    try:
        return max(1, int(str(cell.get(name) or "1").strip()))
    except ValueError:
        return 1


def _grid(table: Tag) -> list[list[tuple[Tag, int, int]]]:
    """Each row's cells with their starting grid column and colspan (rowspans shift later rows)."""
    taken: dict[tuple[int, int], bool] = {}
    rows = []
    for r, tr in enumerate(_rows(table)):
        cells, col = [], 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while taken.get((r, col)):
                col += 1
            span, down = _span(cell, "colspan"), _span(cell, "rowspan")
            for dr in range(1, min(down, 100)):
                for dc in range(span):
                    taken[(r + dr, col + dc)] = True
            cells.append((cell, col, span))
            col += span
        rows.append(cells)
    return rows


def _is_layout_table(table: Tag, rows: list[list[tuple[Tag, int, int]]]) -> bool:
    """A header/signature style table: at most two filled cells per row and two in some row;
    a table drawn with borders counts only when it is very short."""
    most = max((sum(bool(_text(cell)) for cell, _, _ in cells) for cells in rows), default=0)
    if most != 2:
        return False
    border = str(table.get("border") or "0").strip()
    bordered = border.isdigit() and int(border) > 0
    return len(rows) <= 3 or not bordered


def _row_columns(cells: list[tuple[Tag, int, int]], width: int) -> list[str | None]:
    """left/right for the filled cells of a layout-table row (a lone cell goes by its position)."""
    filled = [i for i, (cell, _, _) in enumerate(cells) if _text(cell)]
    if len(filled) == 2:
        return ["left" if i == filled[0] else "right" if i == filled[1] else None for i in range(len(cells))]
    return [_side(start, span, width) if i in filled else None for i, (_, start, span) in enumerate(cells)]


def _side(start: float, span: float, width: float) -> str | None:
    """The half of the table a lone cell sits in (None when it spans nearly the full width)."""
    if span >= 0.8 * width:
        return None
    return "left" if start + span / 2 < width / 2 else "right"
