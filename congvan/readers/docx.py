"""Reader for Word .docx files: body paragraphs and tables in document order, with layout hints.

python-docx only opens the package; the XML is then walked with lxml directly, with style,
numbering and formatting lookups cached, because the per-run python-docx API is slow at archive scale.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from congvan.layout import Layout, Line, ReadError
from congvan.readers import legacy

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"

LEGACY_FONT_WARNING = "legacy font encoding (TCVN3/VNI) converted to Unicode"
VIETNAMESE_LOWER = "abcdđeghiklmnopqrstuvxy"  # Vietnamese lists skip f j w z and put đ after d
ALIGNMENTS = {
    "center": "center", "both": "justify", "distribute": "justify", "justify": "justify",
    "left": "left", "start": "left", "right": "right", "end": "right",
}
FALSE_VALUES = {"0", "false", "off", "none"}
NO_BORDER = {"nil", "none"}
# Inline containers whose content is never shown (deleted or moved-away text, properties).
SKIP_INLINE = {W + "pPr", W + "del", W + "moveFrom", W + "sdtPr", W + "sdtEndPr", W + "rPr"}
BLOCK_CONTAINERS = {W + "customXml", W + "ins", W + "moveTo", W + "sdtContent"}
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
B_TAG, I_TAG, VANISH_TAG, FONTS_TAG = W + "b", W + "i", W + "vanish", W + "rFonts"
LEVEL_REF = re.compile(r"%([1-9])")

Element = Any  # an lxml element (python-docx's oxml classes subclass lxml's)


def read(path: str) -> Layout:
    """Read a .docx file into a Layout (raises ReadError for files that are not valid .docx)."""
    document = _open(path)
    part = document.part
    styles = _Styles(_related_element(part, RT_STYLES))
    numbering = _Numbering(_related_element(part, RT_NUMBERING), styles)
    walker = _Walker(styles, numbering, _has_rendered_breaks(document.element.body))
    walker.blocks(document.element.body, _Ctx())
    warnings = [LEGACY_FONT_WARNING] if walker.converted_font else []
    pages = max((line.page for line in walker.lines), default=1)  # trailing blank pages do not count
    return Layout(path=path, format="docx", lines=walker.lines, pages=pages, warnings=warnings)


def _open(path: str) -> Any:
    """Open the package with python-docx, turning every packaging failure into a ReadError."""
    import docx

    try:
        return docx.Document(path)
    except MemoryError:
        raise  # over the worker's memory cap: the pipeline reports it as too_large
    except Exception as exc:  # zipfile, lxml, python-docx and OS errors all mean "cannot read"
        if "allocate" in str(exc):  # zlib and lxml report a failed allocation as their own error
            raise ReadError(f"out of memory reading the package ({exc})", "too_large") from exc
        raise ReadError(f"not a valid .docx (zip/XML error: {exc})") from exc


def _related_element(part: Any, reltype: str) -> Element | None:
    """The root element of the part related to the document by `reltype`, if there is one."""
    try:
        return part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None


def _has_rendered_breaks(body: Element) -> bool:
    """Whether Word recorded where its pages started when it last saved the file."""
    return next(body.iter(W + "lastRenderedPageBreak"), None) is not None


def _val(el: Element | None, name: str = "val") -> str | None:
    """The w:val (or other w: attribute) of an element, None when absent."""
    return None if el is None else el.get(W + name)


def _on(el: Element | None) -> bool | None:
    """An OOXML on/off property: None when absent, else its truth value."""
    if el is None:
        return None
    return (el.get(W + "val") or "1").lower() not in FALSE_VALUES


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class _Props:
    """Run formatting that matters here; None means "not set at this level"."""

    bold: bool | None = None
    italic: bool | None = None
    vanish: bool | None = None
    font: str | None = None

    def over(self, base: _Props) -> _Props:
        """These properties with the unset ones taken from `base`."""
        return _Props(
            self.bold if self.bold is not None else base.bold,
            self.italic if self.italic is not None else base.italic,
            self.vanish if self.vanish is not None else base.vanish,
            self.font if self.font is not None else base.font,
        )


@dataclass(frozen=True)
class _ParaStyle:
    """A paragraph style resolved through its basedOn chain."""

    style_id: str | None
    props: _Props
    jc: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    page_break_before: bool = False


def _run_props(rpr: Element | None) -> _Props:
    """The formatting set directly in one w:rPr element (one pass over its children)."""
    if rpr is None:
        return _Props()
    bold = italic = vanish = None
    font = None
    for child in rpr:
        tag = child.tag
        if tag == B_TAG:
            bold = _on(child)
        elif tag == I_TAG:
            italic = _on(child)
        elif tag == VANISH_TAG:
            vanish = _on(child)
        elif tag == FONTS_TAG:
            font = child.get(W + "ascii") or child.get(W + "hAnsi")
    return _Props(bold, italic, vanish, font)


class _Styles:
    """Style lookups from styles.xml, each style resolved once and cached."""

    def __init__(self, root: Element | None) -> None:
        self._raw: dict[str, Element] = {}
        self._para: dict[str | None, _ParaStyle] = {}
        self._char: dict[str | None, _Props] = {}
        self.default_para: str | None = None
        self.defaults = _Props()
        if root is not None:
            self._load(root)

    def _load(self, root: Element) -> None:
        """Index styles by id and read the document defaults."""
        for style in root.iter(W + "style"):
            sid = style.get(W + "styleId")
            if sid is None:
                continue
            self._raw[sid] = style
            is_default = (style.get(W + "default") or "").lower() in ("1", "true", "on")
            if is_default and style.get(W + "type") == "paragraph":
                self.default_para = sid
        self.defaults = _run_props(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))

    def element(self, style_id: str | None) -> Element | None:
        """The raw w:style element for an id."""
        return self._raw.get(style_id) if style_id else None

    def _chain(self, style_id: str | None) -> Iterator[Element]:
        """The style and its basedOn ancestors, nearest first (cycles cut)."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._raw:
            seen.add(style_id)
            style = self._raw[style_id]
            yield style
            style_id = _val(style.find(W + "basedOn"))

    def para(self, style_id: str | None) -> _ParaStyle:
        """A paragraph style (the default one when `style_id` is None), resolved and cached."""
        if style_id is None or style_id not in self._raw:
            style_id = self.default_para
        cached = self._para.get(style_id)
        if cached is None:
            cached = self._para[style_id] = self._resolve_para(style_id)
        return cached

    def _resolve_para(self, style_id: str | None) -> _ParaStyle:
        """Fold the basedOn chain of a paragraph style into one record."""
        props = _Props()
        jc = num_id = None
        ilvl: int | None = None
        pbb: bool | None = None
        for style in self._chain(style_id):
            props = props.over(_run_props(style.find(W + "rPr")))
            ppr = style.find(W + "pPr")
            if ppr is None:
                continue
            jc = jc or _val(ppr.find(W + "jc"))
            pbb = pbb if pbb is not None else _on(ppr.find(W + "pageBreakBefore"))
            numpr = ppr.find(W + "numPr")
            if numpr is not None:
                num_id = num_id or _val(numpr.find(W + "numId"))
                ilvl = ilvl if ilvl is not None else _int(_val(numpr.find(W + "ilvl")))
        return _ParaStyle(style_id, props, jc, num_id, ilvl, bool(pbb))

    def char(self, style_id: str | None) -> _Props:
        """A character style's formatting, resolved through basedOn and cached."""
        cached = self._char.get(style_id)
        if cached is None:
            cached = _Props()
            for style in self._chain(style_id):
                cached = cached.over(_run_props(style.find(W + "rPr")))
            self._char[style_id] = cached
        return cached


def _int(text: str | None) -> int | None:
    """An integer attribute value, None when absent or malformed."""
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


# --------------------------------------------------------------------------- numbering


@dataclass(frozen=True)
class _Level:
    """One level of a list definition."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # lvlRestart: None = after any shallower level, 0 = never
    is_lgl: bool = False
    pstyle: str | None = None


@dataclass
class _Num:
    """A w:num instance: its abstract definition plus level and start overrides."""

    abstract_id: str
    levels: dict[int, _Level]
    start_overrides: dict[int, int]


def _level(lvl: Element) -> _Level:
    """Parse one w:lvl element (a missing start counts from 1, as generators expect)."""
    start = lvl.find(W + "start")
    return _Level(
        fmt=_val(lvl.find(W + "numFmt")) or "decimal",
        text=_val(lvl.find(W + "lvlText")) or "",
        start=1 if start is None else (_int(_val(start)) or 0),
        restart=_int(_val(lvl.find(W + "lvlRestart"))),
        is_lgl=bool(_on(lvl.find(W + "isLgl"))),
        pstyle=_val(lvl.find(W + "pStyle")),
    )


def _levels(container: Element) -> dict[int, _Level]:
    """All w:lvl children of an abstractNum (or lvlOverride) by ilvl."""
    return {_int(lvl.get(W + "ilvl")) or 0: _level(lvl) for lvl in container.findall(W + "lvl")}


class _Numbering:
    """Word auto-numbering turned back into labels, with Word's counting rules.

    Counters live on the abstract definition (as in Word: w:num instances that share an abstractNum
    continue one sequence); an instance carrying a startOverride restarts those levels the first
    time it is used.
    """

    def __init__(self, root: Element | None, styles: _Styles) -> None:
        self._styles = styles
        self._abstract: dict[str, Element] = {}
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._pending: dict[str, dict[int, int]] = {}
        self._used: set[str] = set()
        if root is not None:
            self._load(root)

    def _load(self, root: Element) -> None:
        """Index abstract definitions and build the instances."""
        for abstract in root.findall(W + "abstractNum"):
            self._abstract[abstract.get(W + "abstractNumId") or ""] = abstract
        raw_nums = {num.get(W + "numId") or "": num for num in root.findall(W + "num")}
        for num_id, num in raw_nums.items():
            abstract_id = self._follow_style_link(_val(num.find(W + "abstractNumId")) or "", raw_nums)
            levels = dict(_levels(self._abstract[abstract_id])) if abstract_id in self._abstract else {}
            starts: dict[int, int] = {}
            for override in num.findall(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl")) or 0
                replacement = override.find(W + "lvl")
                if replacement is not None:
                    levels[ilvl] = _level(replacement)
                start = _int(_val(override.find(W + "startOverride")))
                if start is not None:
                    starts[ilvl] = start
            self._nums[num_id] = _Num(abstract_id, levels, starts)

    def _follow_style_link(self, abstract_id: str, raw_nums: dict[str, Element]) -> str:
        """Resolve an abstractNum that only points at a numbering style (numStyleLink)."""
        for _ in range(5):
            abstract = self._abstract.get(abstract_id)
            link = _val(abstract.find(W + "numStyleLink")) if abstract is not None else None
            style = self._styles.element(link)
            ppr_num = style.find(f"{W}pPr/{W}numPr/{W}numId") if style is not None else None
            target = raw_nums.get(_val(ppr_num) or "")
            if target is None:
                return abstract_id
            abstract_id = _val(target.find(W + "abstractNumId")) or abstract_id
        return abstract_id

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        """The level a numbered paragraph style sits at (the lvl whose pStyle names it), else 0."""
        num = self._nums.get(num_id)
        if num is not None and style_id:
            for ilvl, level in num.levels.items():
                if level.pstyle == style_id:
                    return ilvl
        return 0

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list counter for one numbered paragraph and return its label."""
        num = self._nums.get(num_id)
        if num is None or ilvl not in num.levels:
            return None
        counters = self._counters.setdefault(num.abstract_id, {})
        pending = self._pending.setdefault(num.abstract_id, {})
        if num_id not in self._used:
            self._used.add(num_id)
            pending.update(num.start_overrides)
        self._advance(num, counters, pending, ilvl)
        return _render_label(num.levels, counters, ilvl)

    @staticmethod
    def _advance(num: _Num, counters: dict[int, int], pending: dict[int, int], ilvl: int) -> None:
        """Count one more item at `ilvl` and restart the deeper levels that depend on it."""
        if ilvl in pending:
            counters[ilvl] = pending.pop(ilvl)
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = num.levels[ilvl].start
        for deeper in [lv for lv in counters if lv > ilvl]:
            restart = num.levels[deeper].restart if deeper in num.levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]


def _render_label(levels: dict[int, _Level], counters: dict[int, int], ilvl: int) -> str | None:
    """Fill a level's lvlText with the current counters."""
    level = levels[ilvl]
    if level.fmt == "bullet":
        return "+" if level.text.strip() == "+" else "-"

    def number(match: re.Match[str]) -> str:
        ref = int(match.group(1)) - 1
        ref_level = levels.get(ref, _Level())
        value = counters.get(ref, ref_level.start)
        fmt = "decimal" if level.is_lgl and ref < ilvl else ref_level.fmt
        return _format_number(value, fmt)

    label = LEVEL_REF.sub(number, level.text).strip()
    return label or None


def _format_number(value: int, fmt: str) -> str:
    """One counter value in a w:numFmt format (letters follow the Vietnamese alphabet)."""
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        alphabet = VIETNAMESE_LOWER if fmt == "lowerLetter" else "abcdefghijklmnopqrstuvwxyz"
        letter = _letters(value, alphabet)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(value)


def _letters(value: int, alphabet: str) -> str:
    """Word's letter numbering: a..z then aa, bb, ... (over the given alphabet)."""
    if value <= 0:
        return str(value)
    index, repeat = (value - 1) % len(alphabet), (value - 1) // len(alphabet) + 1
    return alphabet[index] * repeat


def _roman(value: int) -> str:
    """Lower-case Roman numeral (plain digits outside 1..3999)."""
    if not 0 < value < 4000:
        return str(value)
    out = []
    for size, digits in ROMAN:
        count, value = divmod(value, size)
        out.append(digits * count)
    return "".join(out)


# --------------------------------------------------------------------------- walking


@dataclass(frozen=True)
class _Ctx:
    """Where the content being walked sits: a two-column zone and/or a table cell."""

    column: str | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None


@dataclass
class _Segment:
    """Text between two line breaks of one paragraph, with formatting tallies."""

    parts: list[str] = field(default_factory=list)
    chars: int = 0
    bold: int = 0
    italic: int = 0
    page: int | None = None


class _Segments:
    """Collects the text of one paragraph, split at w:br/w:cr."""

    def __init__(self) -> None:
        self.done: list[_Segment] = []
        self.current = _Segment()

    def add(self, text: str, bold: bool, italic: bool, page: int) -> None:
        """Append run text with its effective formatting."""
        seg = self.current
        seg.parts.append(text)
        chars = len(text) - sum(text.count(c) for c in " \t\xa0")
        if chars:
            seg.chars += chars
            seg.bold += chars if bold else 0
            seg.italic += chars if italic else 0
            if seg.page is None:
                seg.page = page

    def newline(self) -> None:
        """Close the current segment."""
        self.done.append(self.current)
        self.current = _Segment()

    def finish(self) -> list[_Segment]:
        """All segments that contain text."""
        self.newline()
        return [seg for seg in self.done if seg.chars]


@dataclass
class _TableCell:
    """A table cell that carries content (vertical-merge continuations are dropped)."""

    element: Element
    start: int
    span: int
    filled: bool


class _Walker:
    """Walks the body in document order and accumulates Lines."""

    def __init__(self, styles: _Styles, numbering: _Numbering, rendered_breaks: bool) -> None:
        self.styles = styles
        self.numbering = numbering
        self.rendered = rendered_breaks  # page from lastRenderedPageBreak, else from hard breaks
        self.lines: list[Line] = []
        self.page = 1
        self.tables = 0
        self.legacy_font = False
        self.converted_font = False
        self._fonts: dict[str, bool] = {}
        self._effective_cache: dict[tuple[_Props, str | None, str | None], _Props] = {}
        self._row: tuple[int, int] | None = None  # table row being walked
        self._break_row: tuple[int, int] | None = None  # row whose rendered page break was counted

    # ---- blocks

    def blocks(self, container: Element, ctx: _Ctx) -> None:
        """Walk block-level content: paragraphs, tables and their wrappers."""
        for child in container:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, ctx)
            elif tag == W + "tbl":
                self.table(child, ctx)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.blocks(content, ctx)
            elif tag in BLOCK_CONTAINERS:
                self.blocks(child, ctx)
            elif tag == MC + "AlternateContent":
                self.blocks(_choose(child), ctx)

    def paragraph(self, p: Element, ctx: _Ctx) -> None:
        """Emit the Lines of one paragraph, then the text boxes anchored in it."""
        ppr = p.find(W + "pPr")
        style = self.styles.para(_val(ppr.find(W + "pStyle")) if ppr is not None else None)
        self._page_break_before(ppr, style)
        label = self._label(ppr, style)
        align = ALIGNMENTS.get((_val(ppr.find(W + "jc")) if ppr is not None else None) or style.jc or "")
        segments, boxes = _Segments(), []
        self._inline(p, style, segments, boxes)
        for seg in segments.finish():
            self._emit(seg, ctx, align, label)
            label = None
        for box in boxes:
            self.blocks(box, ctx)
        self._section_break(ppr)

    def _emit(self, seg: _Segment, ctx: _Ctx, align: str | None, label: str | None) -> None:
        """Append one Line for a paragraph segment."""
        text = unicodedata.normalize("NFC", "".join(seg.parts).replace("\xa0", " ").strip())
        self.lines.append(Line(
            text=text, column=ctx.column, page=seg.page or self.page,
            bold=seg.bold * 2 > seg.chars, italic=seg.italic * 2 > seg.chars, align=align,
            table=ctx.table, row=ctx.row, cell=ctx.cell, label=label,
        ))

    def _label(self, ppr: Element | None, style: _ParaStyle) -> str | None:
        """The auto-numbering label of a paragraph (advancing the list counters)."""
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id = _val(numpr.find(W + "numId")) if numpr is not None else None
        ilvl = _int(_val(numpr.find(W + "ilvl"))) if numpr is not None else None
        if num_id is None:
            num_id = style.num_id
            if ilvl is None:
                ilvl = style.ilvl
            if ilvl is None and num_id is not None:
                ilvl = self.numbering.level_for_style(num_id, style.style_id)
        if not num_id or num_id == "0":
            return None
        return self.numbering.label(num_id, ilvl or 0)

    def _page_break_before(self, ppr: Element | None, style: _ParaStyle) -> None:
        """Count a pageBreakBefore paragraph property (when pages come from hard breaks)."""
        if self.rendered or not self.lines:
            return
        direct = _on(ppr.find(W + "pageBreakBefore")) if ppr is not None else None
        if direct if direct is not None else style.page_break_before:
            self.page += 1

    def _section_break(self, ppr: Element | None) -> None:
        """A section that ends on this paragraph starts a new page unless it is continuous."""
        sect = ppr.find(W + "sectPr") if ppr is not None else None
        if sect is not None and not self.rendered:
            kind = _val(sect.find(W + "type")) or "nextPage"
            if kind != "continuous":
                self.page += 1

    # ---- inline content

    def _inline(self, el: Element, style: _ParaStyle, segs: _Segments, boxes: list[Element]) -> None:
        """Walk a paragraph's inline content (runs inside hyperlinks, insertions, fields...)."""
        for child in el:
            tag = child.tag
            if tag == W + "r":
                self._run(child, style, segs, boxes)
            elif tag in SKIP_INLINE:
                continue
            elif tag == MC + "AlternateContent":
                self._inline(_choose(child), style, segs, boxes)
            elif len(child):
                self._inline(child, style, segs, boxes)

    def _run(self, r: Element, style: _ParaStyle, segs: _Segments, boxes: list[Element]) -> None:
        """Add one run's text (and collect its text boxes)."""
        props = self._effective(r, style)
        bold = bool(props.bold) or bool(props.font and "bold" in props.font.lower())
        italic = bool(props.italic) or bool(props.font and "italic" in props.font.lower())
        for child in r:
            tag = child.tag
            if tag == W + "t":
                if child.text and not props.vanish and not _footnote_mark(r, child.text):
                    text = child.text
                    if props.font and self._is_legacy(props.font):
                        text = legacy.to_unicode(text, props.font)
                        self.converted_font = True
                    segs.add(text, bold, italic, self.page)
            elif tag in (W + "tab", W + "ptab"):
                segs.add("\t", bold, italic, self.page)
            elif tag == W + "noBreakHyphen":
                segs.add("-", bold, italic, self.page)
            elif tag == W + "br":
                self._break(child, segs)
            elif tag == W + "cr":
                segs.newline()
            elif tag == W + "lastRenderedPageBreak":
                self._rendered_break()
            elif tag in (W + "drawing", W + "pict", W + "object", MC + "AlternateContent"):
                boxes.extend(_text_boxes(child))

    def _rendered_break(self) -> None:
        """A page start recorded by Word; cells of one table row that straddles pages count once."""
        if self._row is not None and self._row == self._break_row:
            return
        self._break_row = self._row
        self.page += 1

    def _break(self, br: Element, segs: _Segments) -> None:
        """A w:br: every kind ends the current line; page breaks also count a page."""
        if br.get(W + "type") == "page" and not self.rendered:
            self.page += 1
        segs.newline()

    def _effective(self, r: Element, style: _ParaStyle) -> _Props:
        """Run formatting: direct > character style > paragraph style > document defaults (memoised)."""
        rpr = r.find(W + "rPr")
        direct = _run_props(rpr)
        char_style = _val(rpr.find(W + "rStyle")) if rpr is not None else None
        key = (direct, char_style, style.style_id)
        props = self._effective_cache.get(key)
        if props is None:
            base = direct.over(self.styles.char(char_style)) if char_style else direct
            props = self._effective_cache[key] = base.over(style.props).over(self.styles.defaults)
            if props.font and not self.legacy_font:
                self.legacy_font = self._is_legacy(props.font)
        return props

    def _is_legacy(self, font: str) -> bool:
        """Whether a font name is a TCVN3 (.Vn*) or VNI font (cached per name)."""
        known = self._fonts.get(font)
        if known is None:
            name = font.strip().lower()
            known = self._fonts[font] = legacy.encoding_for_font(name) is not None
        return known

    # ---- tables

    def table(self, tbl: Element, ctx: _Ctx) -> None:
        """Emit a table: two-column layout tables as left/right zones, others cell by cell."""
        index = self.tables
        self.tables += 1
        widths = [_int(_val(col, "w")) or 0 for col in tbl.findall(f"{W}tblGrid/{W}gridCol")]
        rows = [_row_cells(tr) for tr in _children(tbl, W + "tr")]
        layout = _is_layout_table(tbl, rows, self.styles)
        outer = self._row
        for row_index, cells in enumerate(rows):
            columns = _row_columns(cells, widths) if layout else [None] * len(cells)
            for cell, column in zip(cells, columns, strict=True):
                self._row = (index, row_index)
                self.blocks(cell.element, _Ctx(column or ctx.column, index, row_index, cell.start))
        self._row = outer


def _choose(alternate: Element) -> Element:
    """The branch of an mc:AlternateContent to read: the first Choice, else the Fallback."""
    branch = alternate.find(MC + "Choice")
    if branch is None:
        branch = alternate.find(MC + "Fallback")
    return branch if branch is not None else alternate.makeelement(MC + "Fallback")


def _text_boxes(el: Element) -> Iterator[Element]:
    """The outermost w:txbxContent elements inside a drawing (one branch of AlternateContent)."""
    if el.tag == MC + "AlternateContent":
        el = _choose(el)
    for child in el:
        if child.tag == W + "txbxContent":
            yield child
        elif child.tag == MC + "AlternateContent":
            yield from _text_boxes(_choose(child))
        elif len(child):
            yield from _text_boxes(child)


def _children(el: Element, tag: str) -> Iterator[Element]:
    """Children with `tag`, looking through content controls and custom XML wrappers."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                yield from _children(content, tag)


def _row_cells(tr: Element) -> list[_TableCell]:
    """The cells of a row with their grid positions; vMerge continuation cells are dropped."""
    trpr = tr.find(W + "trPr")
    position = (_int(_val(trpr.find(W + "gridBefore"))) or 0) if trpr is not None else 0
    cells = []
    for tc in _children(tr, W + "tc"):
        tcpr = tc.find(W + "tcPr")
        span = (_int(_val(tcpr.find(W + "gridSpan"))) or 1) if tcpr is not None else 1
        vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
        if vmerge is None or _val(vmerge) == "restart":
            filled = any((t.text or "").strip() for t in tc.iter(W + "t"))
            cells.append(_TableCell(tc, position, span, filled))
        position += span
    return cells


def _is_layout_table(tbl: Element, rows: list[list[_TableCell]], styles: _Styles) -> bool:
    """A header/signature style table: at most two filled cells per row, two in some row.

    Tables drawn with inner vertical borders are data tables unless they are very short.
    """
    most = max((sum(c.filled for c in cells) for cells in rows), default=0)
    if most != 2:
        return False
    return len(rows) <= 3 or not _has_inner_borders(tbl, styles)


def _has_inner_borders(tbl: Element, styles: _Styles) -> bool:
    """Whether the table draws vertical lines between cells (direct or from its table style)."""
    tblpr = tbl.find(W + "tblPr")
    if tblpr is None:
        return False
    candidates = [tblpr]
    style = styles.element(_val(tblpr.find(W + "tblStyle")))
    while style is not None and len(candidates) < 6:
        candidates.append(style.find(W + "tblPr"))
        style = styles.element(_val(style.find(W + "basedOn")))
    for props in candidates:
        inside = props.find(f"{W}tblBorders/{W}insideV") if props is not None else None
        if inside is not None:
            return (_val(inside) or "nil") not in NO_BORDER
    return False


def _row_columns(cells: list[_TableCell], widths: list[int]) -> list[str | None]:
    """left/right for the filled cells of a layout-table row (a lone cell goes by its position)."""
    filled = [cell for cell in cells if cell.filled]
    if len(filled) == 2:
        return ["left" if cell is filled[0] else "right" if cell is filled[1] else None for cell in cells]
    grid = widths or [1] * max((c.start + c.span for c in cells), default=1)
    total = sum(grid) or 1
    columns: list[str | None] = []
    for cell in cells:
        left_edge = sum(grid[: cell.start])
        width = sum(grid[cell.start: cell.start + cell.span])
        side = "left" if left_edge + width / 2 < total / 2 else "right"
        columns.append(side if cell.filled and width < 0.8 * total else None)
    return columns


def _footnote_mark(run: Element, text: str) -> bool:
    """Digits typed as a superscript ("NĐ-CP¹" by hand): a footnote mark, not part of the word."""
    props = run.find(W + "rPr")
    align = props.find(W + "vertAlign") if props is not None else None
    return align is not None and align.get(W + "val") == "superscript" and text.strip().isdigit()
