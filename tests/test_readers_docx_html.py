"""Tests for the .docx and HTML readers: synthetic files built in tmp_path, plus the dev corpus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from congvan.layout import Layout, Line, ReadError
from congvan.readers import docx as docx_reader
from congvan.readers import html as html_reader

DOCS = Path(__file__).resolve().parents[1] / "../shared/corpus/dev/docs"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    f'xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def dev_file(name: str) -> str:
    """Path of a dev-corpus file; skips the test when the shared corpus is absent."""
    path = DOCS / name
    if not path.exists():
        pytest.skip(f"dev corpus not available ({path})")
    return str(path)


def texts(layout: Layout, **where: object) -> list[str]:
    """Texts of the lines whose attributes match `where`."""
    return [ln.text for ln in layout.lines if all(getattr(ln, k) == v for k, v in where.items())]


def line(layout: Layout, text: str) -> Line:
    """The first line with exactly this text."""
    return next(ln for ln in layout.lines if ln.text == text)


# --------------------------------------------------------------------------- docx builders

ABSTRACT = """
<w:abstractNum {ns} w:abstractNumId="{aid}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>
  <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  <w:lvl w:ilvl="5"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%6."/></w:lvl>
</w:abstractNum>"""
NUM = '<w:num {ns} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{extra}</w:num>'


def add_numbering(document: object, aid: int, nums: dict[int, str]) -> None:
    """Add one abstract list definition and w:num instances (numId -> override XML) to a document."""
    from docx.oxml import parse_xml

    root = document.part.numbering_part.element  # type: ignore[attr-defined]
    first_num = root.find(f"{{{W_NS}}}num")
    abstract = parse_xml(ABSTRACT.format(ns=NSDECL, aid=aid))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    for nid, extra in nums.items():
        root.append(parse_xml(NUM.format(ns=NSDECL, nid=nid, aid=aid, extra=extra)))


def number(paragraph: object, num_id: int, ilvl: int) -> None:
    """Give a paragraph direct numbering."""
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.insert(0, parse_xml(
        f'<w:numPr {NSDECL}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    ))


def no_borders(table: object) -> None:
    """Make a table borderless (as header/signature tables are)."""
    from docx.oxml import parse_xml

    names = ("top", "left", "bottom", "right", "insideH", "insideV")
    sides = "".join(f'<w:{s} w:val="none"/>' for s in names)
    table._tbl.tblPr.append(parse_xml(f"<w:tblBorders {NSDECL}>{sides}</w:tblBorders>"))  # type: ignore


def cell_lines(cell: object, *parts: str, bold: bool = True) -> None:
    """Fill a cell's first paragraph with `parts` separated by line breaks."""
    para = cell.paragraphs[0]  # type: ignore[attr-defined]
    for i, part in enumerate(parts):
        run = para.add_run(part)
        run.bold = bold
        if i < len(parts) - 1:
            run.add_break()


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[[Callable[[object], None]], str]:
    """Build a .docx with python-docx: the callback fills the Document; returns the saved path."""
    import docx

    def build(fill: Callable[[object], None]) -> str:
        document = docx.Document()
        fill(document)
        path = tmp_path / "doc.docx"
        document.save(str(path))
        return str(path)

    return build


def build_official(document: object) -> None:
    """A small công văn: two-column header table, bold title, numbered clauses, signature table."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    header = document.add_table(rows=2, cols=2)  # type: ignore[attr-defined]
    no_borders(header)
    cell_lines(header.cell(0, 0), "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG")
    cell_lines(header.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    cell_lines(header.cell(1, 0), "Số: 12/KH-UBND", bold=False)
    cell_lines(header.cell(1, 1), "Lâm Đồng, ngày 02 tháng 12 năm 2025", bold=False)
    title = document.add_paragraph()  # type: ignore[attr-defined]
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("KẾ HOẠCH").bold = True
    restart = '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="7"/></w:lvlOverride>'
    add_numbering(document, 90, {90: "", 91: restart})
    items = [
        (0, "MỤC ĐÍCH"), (1, "Mục đích một"), (2, "ý a"), (2, "ý b"), (2, "ý c"), (2, "ý d"), (2, "ý đ"),
        (2, "ý e"), (2, "ý g"), (3, "cộng"), (4, "chấm"), (1, "Mục đích hai"), (2, "ý a mới"), (0, "YÊU CẦU"),
        (1, "Yêu cầu một"), (5, "lồng"),
    ]
    for ilvl, text in items:
        number(document.add_paragraph(text), 90, ilvl)  # type: ignore[attr-defined]
    number(document.add_paragraph("khởi lại"), 91, 1)  # type: ignore[attr-defined]
    number(document.add_paragraph("tiếp nối"), 90, 1)  # type: ignore[attr-defined]
    number(document.add_paragraph(""), 90, 1)  # type: ignore[attr-defined]  # empty: counted, not emitted
    number(document.add_paragraph("sau ô trống"), 90, 1)  # type: ignore[attr-defined]
    sign = document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    no_borders(sign)
    cell_lines(sign.cell(0, 0), "Nơi nhận:", "- Như trên;", bold=False)
    cell_lines(sign.cell(0, 1), "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A")


# --------------------------------------------------------------------------- docx: synthetic


def test_docx_header_table_columns(make_docx: Callable[..., str]) -> None:
    layout = docx_reader.read(make_docx(build_official))
    assert layout.format == "docx" and layout.pages == 1 and layout.warnings == []
    assert texts(layout, table=0, row=0, column="left") == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]
    assert texts(layout, table=0, row=0, column="right") == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    ]
    assert [ln.text for ln in layout.lines[:6]] == [
        "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-UBND", "Lâm Đồng, ngày 02 tháng 12 năm 2025",
    ]
    first = line(layout, "ỦY BAN NHÂN DÂN")
    assert (first.bold, first.row, first.cell) == (True, 0, 0)
    assert not line(layout, "Số: 12/KH-UBND").bold
    assert line(layout, "Nguyễn Văn A").column == "right"
    assert line(layout, "- Như trên;").column == "left"


def test_docx_title_bold_and_centered(make_docx: Callable[..., str]) -> None:
    title = line(docx_reader.read(make_docx(build_official)), "KẾ HOẠCH")
    assert (title.bold, title.align, title.column, title.table) == (True, "center", None, None)


def test_docx_numbering_labels(make_docx: Callable[..., str]) -> None:
    layout = docx_reader.read(make_docx(build_official))
    labels = {ln.text: ln.label for ln in layout.lines if ln.label}
    assert labels == {
        "MỤC ĐÍCH": "I.", "Mục đích một": "1.", "ý a": "a)", "ý b": "b)", "ý c": "c)", "ý d": "d)",
        "ý đ": "đ)", "ý e": "e)", "ý g": "g)", "cộng": "+", "chấm": "-", "Mục đích hai": "2.",
        "ý a mới": "a)", "YÊU CẦU": "II.", "Yêu cầu một": "1.", "lồng": "1.3.",
        # numId 91 shares the abstract list and restarts level 1 at 7; numId 90 then continues it
        "khởi lại": "7.", "tiếp nối": "8.", "sau ô trống": "10.",
    }
    assert all(not ln.text.startswith(("I.", "1.", "a)")) for ln in layout.lines)
    assert "" not in texts(layout)


def test_docx_style_numbering_and_style_bold(make_docx: Callable[..., str]) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    def fill(document: object) -> None:
        add_numbering(document, 80, {80: ""})
        styles = document.styles  # type: ignore[attr-defined]
        heading = styles.add_style("MucLon", WD_STYLE_TYPE.PARAGRAPH)
        heading.font.bold = True
        heading.element.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {NSDECL}><w:ilvl w:val="0"/><w:numId w:val="80"/></w:numPr>'
        ))
        sub = styles.add_style("MucNho", WD_STYLE_TYPE.PARAGRAPH)
        sub.base_style = heading
        sub.element.get_or_add_pPr().append(parse_xml(f'<w:numPr {NSDECL}><w:ilvl w:val="2"/></w:numPr>'))
        strong = styles.add_style("Nhan", WD_STYLE_TYPE.CHARACTER)
        strong.font.bold = True
        document.add_paragraph("Phần một", style="MucLon")  # type: ignore[attr-defined]
        document.add_paragraph("Ý nhỏ", style="MucNho")  # type: ignore[attr-defined]
        mixed = document.add_paragraph()  # type: ignore[attr-defined]
        mixed.add_run("Phần lớn in đậm qua kiểu ký tự", style="Nhan")
        mixed.add_run(" thường")
        minority = document.add_paragraph("Phần lớn là chữ thường, ")  # type: ignore[attr-defined]
        minority.add_run("ít đậm").bold = True
        off = document.add_paragraph("Không đậm", style="MucLon")  # type: ignore[attr-defined]
        off.runs[0].bold = False

    layout = docx_reader.read(make_docx(fill))
    assert (line(layout, "Phần một").label, line(layout, "Phần một").bold) == ("I.", True)
    assert (line(layout, "Ý nhỏ").label, line(layout, "Ý nhỏ").bold) == ("a)", True)
    assert line(layout, "Phần lớn in đậm qua kiểu ký tự thường").bold
    assert not line(layout, "Phần lớn là chữ thường, ít đậm").bold
    assert not line(layout, "Không đậm").bold


def test_docx_task_table_merged_cells(make_docx: Callable[..., str]) -> None:
    def fill(document: object) -> None:
        document.add_paragraph("Trước bảng")  # type: ignore[attr-defined]
        table = document.add_table(rows=4, cols=3)  # type: ignore[attr-defined]
        table.style = "Table Grid"
        for c, head in enumerate(["Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"]):
            table.cell(0, c).text = head
        table.cell(1, 0).text = "Rà soát thủ tục"
        table.cell(1, 1).text = "Sở Nội vụ"
        table.cell(2, 0).text = "Báo cáo kết quả"
        table.cell(1, 2).text = "Quý I/2026"
        table.cell(1, 2).merge(table.cell(2, 2))  # vertical merge
        merged = table.cell(3, 0).merge(table.cell(3, 1))  # horizontal merge
        merged.text = "Tổng hợp chung"
        table.cell(3, 2).text = "Tháng 6"
        document.add_paragraph("Sau bảng")  # type: ignore[attr-defined]

    layout = docx_reader.read(make_docx(fill))
    assert layout.lines[0].text == "Trước bảng" and layout.lines[-1].text == "Sau bảng"
    body = [ln for ln in layout.lines if ln.table is not None]
    assert all(ln.column is None and ln.table == 0 for ln in body)
    assert [(ln.row, ln.cell, ln.text) for ln in body] == [
        (0, 0, "Nội dung"), (0, 1, "Cơ quan chủ trì"), (0, 2, "Thời gian hoàn thành"),
        (1, 0, "Rà soát thủ tục"), (1, 1, "Sở Nội vụ"), (1, 2, "Quý I/2026"),
        (2, 0, "Báo cáo kết quả"),
        (3, 0, "Tổng hợp chung"), (3, 2, "Tháng 6"),
    ]


def test_docx_three_cell_header_with_spacer(make_docx: Callable[..., str]) -> None:
    def fill(document: object) -> None:
        table = document.add_table(rows=1, cols=3)  # type: ignore[attr-defined]
        cell_lines(table.cell(0, 0), "BỘ TÀI CHÍNH")
        cell_lines(table.cell(0, 2), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")

    layout = docx_reader.read(make_docx(fill))
    assert [(ln.text, ln.column, ln.cell) for ln in layout.lines] == [
        ("BỘ TÀI CHÍNH", "left", 0), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "right", 2),
    ]


TEXTBOX_RUN = f"""
<w:r {NSDECL}>
  <mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><w:txbxContent>
      <w:p><w:r><w:t>V/v triển khai</w:t></w:r></w:p>
      <w:p><w:r><w:t>kế hoạch năm 2026</w:t></w:r></w:p>
    </w:txbxContent></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent>
      <w:p><w:r><w:t>V/v triển khai</w:t></w:r></w:p>
      <w:p><w:r><w:t>kế hoạch năm 2026</w:t></w:r></w:p>
    </w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback>
  </mc:AlternateContent>
</w:r>"""

SDT_BLOCK = f"""
<w:sdt {NSDECL}><w:sdtPr><w:alias w:val="Trích yếu"/></w:sdtPr><w:sdtContent>
  <w:p><w:r><w:t>Nội dung trong điều khiển</w:t></w:r></w:p>
</w:sdtContent></w:sdt>"""


def test_docx_text_boxes_sdt_tabs_hidden(make_docx: Callable[..., str]) -> None:
    from docx.oxml import parse_xml

    def fill(document: object) -> None:
        anchor = document.add_paragraph("Số: 15/UBND-VX")  # type: ignore[attr-defined]
        anchor._p.append(parse_xml(TEXTBOX_RUN))
        body = document.element.body  # type: ignore[attr-defined]
        body.insert(len(body) - 1, parse_xml(SDT_BLOCK))
        tabbed = document.add_paragraph("Nơi nhận:")  # type: ignore[attr-defined]
        tabbed.add_run().add_tab()
        tabbed.add_run("KT. CHỦ TỊCH")
        hidden = document.add_paragraph("Hiện")  # type: ignore[attr-defined]
        hidden.add_run(" ẩn").font.hidden = True

    layout = docx_reader.read(make_docx(fill))
    assert texts(layout) == [
        "Số: 15/UBND-VX", "V/v triển khai", "kế hoạch năm 2026", "Nội dung trong điều khiển",
        "Nơi nhận:\tKT. CHỦ TỊCH", "Hiện",  # the tab is kept: it separates the two columns
    ]


def test_docx_pages_and_legacy_font(make_docx: Callable[..., str]) -> None:
    from docx.enum.text import WD_BREAK

    def fill(document: object) -> None:
        first = document.add_paragraph("Trang một")  # type: ignore[attr-defined]
        first.add_run().add_break(WD_BREAK.PAGE)
        first.add_run("Trang hai")
        document.add_paragraph().add_run("uû ban nh©n d©n tØnh").font.name = ".VnTimeH"  # type: ignore[attr-defined]
        document.add_paragraph().add_run("Céng hoµ x· héi").font.name = ".VnTime"  # type: ignore[attr-defined]

    layout = docx_reader.read(make_docx(fill))
    assert layout.pages == 2
    assert [(ln.text, ln.page) for ln in layout.lines] == [
        ("Trang một", 1), ("Trang hai", 2), ("UỶ BAN NHÂN DÂN TỈNH", 2), ("Cộng hoà xã hội", 2),
    ]
    assert layout.warnings == [docx_reader.LEGACY_FONT_WARNING]


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04broken"])
def test_docx_corrupt_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(ReadError, match="not a valid .docx"):
        docx_reader.read(str(path))


def test_number_formats() -> None:
    fmt = docx_reader._format_number
    assert [fmt(n, "lowerLetter") for n in (1, 4, 5, 6, 7, 23, 24)] == ["a", "d", "đ", "e", "g", "y", "aa"]
    assert [fmt(n, "upperRoman") for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    assert (fmt(3, "decimalZero"), fmt(2, "upperLetter"), fmt(5, "none")) == ("03", "B", "")


def test_reader_modules_do_not_import_libraries_at_startup() -> None:
    import subprocess
    import sys

    code = (
        "import sys, congvan.readers.docx, congvan.readers.html; "
        "print('docx' in sys.modules, 'bs4' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    assert out.stdout.split() == ["False", "False"]


# --------------------------------------------------------------------------- docx: dev corpus


def test_dev_075_header_columns_and_clauses() -> None:
    layout = docx_reader.read(dev_file("075.docx"))
    assert texts(layout, table=0, column="left")[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]
    assert texts(layout, table=0, column="right")[:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    ]
    assert line(layout, "Kính gửi:").column == "left"
    assert line(layout, "- Ban Quản lý các khu công nghiệp;").column == "right"
    # 075 types its clause labels by hand (no Word numbering), so they stay in the text
    assert line(layout, "I. NHỮNG VIỆC CẦN LÀM NGAY TRONG THÁNG 12/2025").bold
    assert any(ln.text.startswith("đ) Hoạt động kiểm tra") for ln in layout.lines)
    assert all(ln.label is None for ln in layout.lines)
    assert texts(layout, column="right")[-3:] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc"]
    assert layout.pages >= 2 and layout.warnings == []


def test_dev_074_text_box_read_once() -> None:
    layout = docx_reader.read(dev_file("074.docx"))
    assert texts(layout)[:6] == [
        "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số:           /UBND-NC", "V/v tập trung triển khai thực hiện",
        "công tác cai nghiện ma túy tự nguyện", "tại gia đình, cộng đồng",
    ]
    assert texts(layout).count("tại gia đình, cộng đồng") == 1
    assert line(layout, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").column == "right"
    assert line(layout, "Nguyễn Minh").column == "right"


def test_dev_072_and_078_read() -> None:
    plain = docx_reader.read(dev_file("072.docx"))
    assert plain.lines[0].text.startswith("ỦY BAN NHÂN DÂN") and "Nguyễn Nhân Bản" in texts(plain)
    tabled = docx_reader.read(dev_file("078.docx"))
    assert texts(tabled, column="left")[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH THUẬN"]
    assert texts(tabled, column="right")[-1] == "Nguyễn Hồng Hải"


# --------------------------------------------------------------------------- html


PAGE = """<!DOCTYPE html><html><head><title>x</title><style>.a{{color:red}}</style>
<script>var CONG_HOA = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";</script></head><body>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/vb">Văn bản pháp luật</a></li></ul></nav>
<div class="menu-top"><a href="/a">Đăng nhập</a></div>
<div {attrs}>
<table border="0"><tr><td width="40%">
<p align="center"><b>ỦY BAN NHÂN DÂN<br>TỈNH LÂM ĐỒNG<br>-------</b></p></td>
<td><p align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b></p></td></tr>
<tr><td><p align="center">Số:&nbsp;&nbsp;15/KH-UBND</p></td>
<td><p style="text-align: right"><i>Lâm Đồng, ngày 05 tháng 01 năm 2026</i></p></td></tr></table>
<p align="center"><strong>KẾ HOẠCH</strong></p>
<p style="text-align:justify"><span style="font-weight: bold">I. MỤC ĐÍCH</span></p>
<p style="text-align:justify">1. Nội dung thứ nhất với <b>chữ đậm</b> ít hơn phần thường rất nhiều.</p>
<div>Đoạn trong div<div>đoạn lồng</div>phần sau</div>
<table border="1"><tr><th>Nội dung</th><th>Cơ quan chủ trì</th><th>Thời gian</th></tr>
<tr><td rowspan="2">Rà soát</td><td>Sở Nội vụ</td><td>Quý I</td></tr>
<tr><td colspan="2">Sở Tư pháp phối hợp</td></tr></table>
<p style="display:none">ẩn đi</p>
<table><tr><td><p><b><i>Nơi nhận:</i></b><br>- Như trên;<br>- Lưu: VT.</p></td>
<td><p align="center"><b>TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH<br><br>Trần Văn B</b></p></td></tr></table>
</div>
<div class="related-docs"><a href="/1">Văn bản liên quan 1</a></div>
<footer>Bản quyền thuộc Cổng thông tin</footer>
</body></html>"""


def write_page(tmp_path: Path, attrs: str) -> str:
    """Save the sample page with the content container's attributes."""
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(attrs=attrs), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("attrs", ['class="content1"', 'id="noi-dung"'])
def test_html_body_and_columns(tmp_path: Path, attrs: str) -> None:
    layout = html_reader.read(write_page(tmp_path, attrs))
    assert (layout.format, layout.pages) == ("html", 1)
    all_text = " ".join(texts(layout))
    for chrome in ("Trang chủ", "Đăng nhập", "Văn bản liên quan", "Bản quyền", "ẩn đi", "var CONG_HOA"):
        assert chrome not in all_text
    assert texts(layout, table=0, column="left") == [
        "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "-------", "Số: 15/KH-UBND",
    ]
    assert texts(layout, table=0, column="right")[:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    ]
    date = line(layout, "Lâm Đồng, ngày 05 tháng 01 năm 2026")
    assert (date.italic, date.align, date.column) == (True, "right", "right")
    assert line(layout, "ỦY BAN NHÂN DÂN").bold
    title = line(layout, "KẾ HOẠCH")
    assert (title.bold, title.align, title.column) == (True, "center", None)
    assert line(layout, "I. MỤC ĐÍCH").bold
    assert not line(layout, "1. Nội dung thứ nhất với chữ đậm ít hơn phần thường rất nhiều.").bold
    assert texts(layout, table=None)[1:4] == [
        "I. MỤC ĐÍCH", "1. Nội dung thứ nhất với chữ đậm ít hơn phần thường rất nhiều.", "Đoạn trong div",
    ]
    assert "đoạn lồng" in texts(layout) and "phần sau" in texts(layout)


def test_html_task_table_and_signature(tmp_path: Path) -> None:
    layout = html_reader.read(write_page(tmp_path, 'class="content1"'))
    task = [(ln.row, ln.cell, ln.column, ln.text) for ln in layout.lines if ln.table == 1]
    assert task == [
        (0, 0, None, "Nội dung"), (0, 1, None, "Cơ quan chủ trì"), (0, 2, None, "Thời gian"),
        (1, 0, None, "Rà soát"), (1, 1, None, "Sở Nội vụ"), (1, 2, None, "Quý I"),
        (2, 1, None, "Sở Tư pháp phối hợp"),
    ]
    assert texts(layout, table=2, column="left") == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    assert texts(layout, table=2, column="right") == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn B"]
    assert line(layout, "Nơi nhận:").bold and not line(layout, "- Như trên;").bold


def test_html_without_document_body(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    page = "<html><body><nav><a href='/'>Trang chủ</a></nav><p>Không tìm thấy trang</p></body></html>"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(ReadError, match="no document body"):
        html_reader.read(str(path))


def test_dev_108_html() -> None:
    layout = html_reader.read(dev_file("108.html"))
    assert texts(layout, table=0, column="left")[0] == "CHÍNH PHỦ"
    assert texts(layout, table=0, column="right")[:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    ]
    assert line(layout, "Số: 13/NQ-CP").column == "left"
    assert line(layout, "NGHỊ QUYẾT").bold
    assert any(ln.text.startswith("Điều 3.") for ln in layout.lines)
    assert texts(layout, column="right")[-1] == "Hồ Đức Phớc"
    all_text = " ".join(texts(layout))
    assert "Trang chủ" not in all_text and "Thuộc tính" not in all_text


def test_docx_superscript_digits_are_footnote_marks(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("Căn cứ Nghị định số 126/2024/NĐ-CP")
    paragraph.add_run("1").font.superscript = True
    paragraph.add_run(" ngày 08/10/2024 của Chính phủ")
    path = tmp_path / "sup.docx"
    document.save(str(path))
    [line] = docx_reader.read(str(path)).lines
    assert line.text == "Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ"
