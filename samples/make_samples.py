"""Write congvan's sample documents into this folder.

Run:  .venv/bin/python samples/make_samples.py [--expected | --expected-only]

Every document here is invented (agencies are real kinds of bodies, but the
numbers, dates, people and body text are made up) and follows the format of
Nghị định 30/2020/NĐ-CP.  Files written:

  congvan-khan.md   công văn KHẨN, Markdown with bold header lines
  thong-bao.txt     thông báo, "scrape" text with both header columns on one line
  quyet-dinh.docx   quyết định, header/signature in borderless 2-column tables,
                    khoản of Điều 2 labelled by Word auto-numbering
  quyet-dinh.pdf    the .docx converted by LibreOffice (skipped if soffice is missing)
  ke-hoach.html     kế hoạch inside site chrome, content in <div class="content1">
  giay-moi.txt      giấy mời, text laid out in columns like `pdftotext -layout`
  cong-dien.txt     công điện HỎA TỐC: "điện:" recipients, agency headings, a daily report
  to-trinh.txt      tờ trình: requests to the addressee, the issuer's own account
  giay-moi-hop.txt  giấy mời without Kính gửi: chủ trì / thành phần mời / thời gian / địa điểm numbered
  ky-so.pdf         e-signed công văn: number and day blank in the text, stamped in annotations
                    (make_signed.py, pypdfium2 + Liberation Serif)
  bad.pdf           not a PDF at all (a few bytes of text)
  web-cong-van.md, web-quyet-dinh.txt, web-chi-thi.html
                    documents inside an invented legal-database site's chrome (make_web_saves.py)

With --expected (after writing the samples) or --expected-only, samples/expected/*.json are rewritten
from the current pipeline: review the diff before committing it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

from make_signed import make_ky_so
from make_web_saves import make_web_saves

HERE = Path(__file__).resolve().parent


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def write_text(name: str, text: str) -> Path:
    path = HERE / name
    path.write_text(nfc(text), encoding="utf-8", newline="\n")
    return path


# --------------------------------------------------------------------------- 1. công văn khẩn (.md)

CONGVAN_KHAN_MD = """\


**ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI**

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Số: 1234/UBND-KT

Quảng Ngãi, ngày 05 tháng 3 năm 2024

V/v đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2024

**KHẨN**

Kính gửi:

- Các Sở: Tài chính, Xây dựng;
- Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh;
- UBND các huyện, thị xã, thành phố.

Theo Báo cáo số 58/BC-STC ngày 28/02/2024 của Sở Tài chính, đến hết tháng 02/2024, tỷ lệ giải ngân vốn đầu tư công của tỉnh mới đạt 4,7% kế hoạch vốn được giao, thấp hơn cùng kỳ năm 2023. Để khắc phục tình trạng này, Chủ tịch UBND tỉnh có ý kiến như sau:

1. Đề nghị các cơ quan, đơn vị, địa phương nêu trên rà soát toàn bộ danh mục dự án được giao kế hoạch vốn năm 2024, làm rõ nguyên nhân chậm giải ngân của từng dự án, gửi báo cáo về Sở Tài chính trước ngày 20/3/2024.

2. Nhiệm vụ cụ thể của từng cơ quan, đơn vị:

a) Giám đốc Sở Tài chính

Chủ trì, phối hợp với Kho bạc Nhà nước Quảng Ngãi tổng hợp kết quả rà soát, tham mưu UBND tỉnh phương án điều chuyển kế hoạch vốn từ các dự án chậm giải ngân sang các dự án có khối lượng thực hiện lớn, trình UBND tỉnh chậm nhất ngày 15/4/2024.

b) Giám đốc Sở Xây dựng

- Rút ngắn thời gian thẩm định thiết kế, dự toán xây dựng công trình; không để hồ sơ tồn đọng quá thời hạn quy định.

- Kiểm tra chất lượng, tiến độ thi công các công trình trọng điểm của tỉnh, hoàn thành trong quý II/2024.

c) Giám đốc Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh lập kế hoạch giải ngân chi tiết theo từng tháng cho từng dự án, gửi Sở Tài chính trong thời hạn 10 ngày làm việc kể từ ngày ký Công văn này.

d) Chủ tịch UBND các huyện, thị xã, thành phố tập trung chỉ đạo công tác bồi thường, giải phóng mặt bằng; kịp thời đối thoại, giải quyết dứt điểm kiến nghị của người dân có đất bị thu hồi để bàn giao mặt bằng cho chủ đầu tư.

Đây là nhiệm vụ cấp bách, yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện.

Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về Sở Tài chính để tổng hợp./.

Nơi nhận:

- Như trên;
- Bộ Kế hoạch và Đầu tư (b/c);
- TT Tỉnh ủy, TT HĐND tỉnh (b/c);
- CT, các PCT UBND tỉnh;
- Kho bạc Nhà nước Quảng Ngãi;
- VPUB: CVP, PCVP, CBTH;
- Lưu: VT, KT.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Nguyễn Văn An**
"""


# --------------------------------------------------------------------------- 2. thông báo (.txt, scrape style)

THONG_BAO_TXT = """\
BỘ TÀI CHÍNH TỔNG CỤC THUẾ -------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
Số: 56/TB-TCT Hà Nội, ngày 12 tháng 01 năm 2024

THÔNG BÁO
Kết luận của Tổng cục trưởng tại Hội nghị triển khai công tác quản lý thuế đối với hoạt động kinh doanh trên nền tảng số năm 2024

Ngày 08/01/2024, tại trụ sở Tổng cục Thuế, Tổng cục trưởng Tổng cục Thuế đã chủ trì Hội nghị triển khai công tác quản lý thuế đối với hoạt động kinh doanh trên nền tảng số năm 2024. Tham dự Hội nghị có lãnh đạo các Vụ, đơn vị thuộc Tổng cục Thuế và Cục Thuế một số tỉnh, thành phố (dự trực tuyến). Sau khi nghe báo cáo và ý kiến của các đại biểu, Tổng cục trưởng kết luận như sau:

1. Năm 2023, số thu từ hoạt động kinh doanh trên nền tảng số tiếp tục tăng so với năm trước; việc đăng ký, kê khai, nộp thuế của nhà cung cấp nước ngoài qua Cổng thông tin điện tử từng bước đi vào nền nếp.

2. Về nhiệm vụ trọng tâm năm 2024:

a) Giao Vụ Kê khai và Kế toán thuế chủ trì, phối hợp với Vụ Pháp chế rà soát quy trình đăng ký, khai thuế đối với tổ chức, cá nhân kinh doanh trên nền tảng số, đề xuất nội dung cần sửa đổi, trình Tổng cục trưởng trước ngày 29/02/2024.

b) Cục Công nghệ thông tin hoàn thiện chức năng tra cứu, đối chiếu dữ liệu giao dịch trên ứng dụng quản lý thuế, hoàn thành trong quý I/2024.

c) Cục Thuế các tỉnh, thành phố trực thuộc Trung ương rà soát, lập danh sách tổ chức, cá nhân có hoạt động kinh doanh trên nền tảng số nhưng chưa đăng ký thuế; báo cáo Tổng cục Thuế (qua Vụ Kê khai và Kế toán thuế) trước ngày 15 hằng tháng.

3. Giao Văn phòng Tổng cục theo dõi, đôn đốc các đơn vị thực hiện các nội dung kết luận tại Thông báo này; định kỳ 6 tháng tổng hợp, báo cáo Tổng cục trưởng.

Văn phòng Tổng cục Thuế thông báo để các đơn vị biết, thực hiện./.

Nơi nhận:
- Tổng cục trưởng (để b/c);
- Các Phó Tổng cục trưởng;
- Các Vụ, đơn vị thuộc TCT;
- Cục Thuế các tỉnh, thành phố trực thuộc TW;
- Lưu: VT, VP (2b).
TL. TỔNG CỤC TRƯỞNG
CHÁNH VĂN PHÒNG

Trần Thị Bình
"""


# --------------------------------------------------------------------------- 5. kế hoạch (.html)

KE_HOACH_HTML = """\
<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Kế hoạch 95/KH-UBND năm 2024 đo lường sự hài lòng của người dân, tổ chức tỉnh Phú Yên</title>
<link rel="stylesheet" href="/css/site.css">
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
</script>
</head>
<body>
<div id="header">
  <div class="logo"><a href="/">CƠ SỞ DỮ LIỆU VĂN BẢN PHÁP LUẬT</a></div>
  <nav class="menu">
    <ul>
      <li><a href="/">Trang chủ</a></li>
      <li><a href="/vbpq">Văn bản pháp luật</a></li>
      <li><a href="/tracuu">Tra cứu nâng cao</a></li>
      <li><a href="/hotro">Hỗ trợ</a></li>
    </ul>
  </nav>
  <div class="breadcrumb">Trang chủ » Văn bản địa phương » Phú Yên » Kế hoạch 95/KH-UBND</div>
</div>
<div id="main">
<div class="tabs"><a class="active" href="#">Toàn văn</a> | <a href="#">Thuộc tính</a> | <a href="#">Lược đồ</a> | <a href="#">Tải về</a></div>
<div class="content1">
<table width="100%" border="0" cellpadding="0" cellspacing="0">
  <tr>
    <td width="40%" align="center" valign="top">
      <p>ỦY BAN NHÂN DÂN<br><b>TỈNH PHÚ YÊN</b><br>-------</p>
      <p>Số: 95/KH-UBND</p>
    </td>
    <td width="60%" align="center" valign="top">
      <p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>---------------</p>
      <p><i>Phú Yên, ngày 18 tháng 4 năm 2024</i></p>
    </td>
  </tr>
</table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn tỉnh Phú Yên năm 2024</b></p>
<p>Căn cứ Kế hoạch cải cách hành chính năm 2024 ban hành kèm theo Quyết định số 1520/QĐ-UBND ngày 15/12/2023 của UBND tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch đo lường sự hài lòng của người dân, tổ chức năm 2024 như sau:</p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>
<p><b>1. Mục đích</b></p>
<p>Đánh giá khách quan chất lượng cung cấp dịch vụ hành chính công của các cơ quan hành chính nhà nước trên địa bàn tỉnh; làm cơ sở để các cơ quan, đơn vị có giải pháp nâng cao chất lượng phục vụ người dân, tổ chức.</p>
<p><b>2. Yêu cầu</b></p>
<p>Việc khảo sát phải bảo đảm khách quan, trung thực, đúng đối tượng; kết quả đo lường được công bố công khai, minh bạch.</p>
<p><b>II. NHIỆM VỤ</b></p>
<p><b>1. Xây dựng phiếu khảo sát và tổ chức điều tra xã hội học</b></p>
<p>Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và Cục Thống kê tỉnh xây dựng phiếu khảo sát, chọn mẫu và tổ chức điều tra xã hội học tại các cơ quan hành chính cấp tỉnh, cấp huyện, cấp xã, hoàn thành trong tháng 6/2024.</p>
<p><b>2. Tuyên truyền về hoạt động đo lường</b></p>
<p>Sở Thông tin và Truyền thông chủ trì, phối hợp với Báo Phú Yên, Đài Phát thanh và Truyền hình Phú Yên tuyên truyền mục đích, ý nghĩa của việc đo lường để người dân, tổ chức tích cực tham gia; thực hiện thường xuyên.</p>
<p><b>3. Tổng hợp, công bố kết quả</b></p>
<p>Phân tích số liệu khảo sát, xây dựng báo cáo kết quả đo lường và công bố công khai trên Cổng thông tin điện tử tỉnh trong quý IV/2024.</p>
<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>
<p>1. Sở Tài chính tham mưu UBND tỉnh bố trí kinh phí thực hiện Kế hoạch từ nguồn ngân sách tỉnh năm 2024 theo quy định.</p>
<p>2. Các sở, ban, ngành; UBND các huyện, thị xã, thành phố căn cứ Kế hoạch này tổ chức triển khai tại cơ quan, đơn vị, địa phương; định kỳ hằng quý báo cáo UBND tỉnh (qua Sở Nội vụ).</p>
<p>3. Giao Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch này; tổng hợp kết quả, báo cáo UBND tỉnh và Bộ Nội vụ trước ngày 15/12/2024.</p>
<p>Trên đây là Kế hoạch đo lường sự hài lòng của người dân, tổ chức năm 2024; yêu cầu các cơ quan, đơn vị, địa phương triển khai thực hiện./.</p>
<table width="100%" border="0" cellpadding="0" cellspacing="0">
  <tr>
    <td width="45%" valign="top">
      <p><b><i>Nơi nhận:</i></b><br>- Bộ Nội vụ (b/c);<br>- TT Tỉnh ủy, TT HĐND tỉnh;<br>- CT, các PCT UBND tỉnh;<br>- Các sở, ban, ngành;<br>- UBND các huyện, thị xã, thành phố;<br>- Lưu: VT, NC.</p>
    </td>
    <td width="55%" align="center" valign="top">
      <p><b>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH</b><br><br><br><br><b>Đỗ Minh Tuấn</b></p>
    </td>
  </tr>
</table>
</div>
<div class="sidebar">
  <h3>Văn bản liên quan</h3>
  <ul>
    <li><a href="/vb/87-kh-ubnd-2023">Kế hoạch 87/KH-UBND năm 2023 về cải cách hành chính tỉnh Phú Yên</a></li>
    <li><a href="/vb/1520-qd-ubnd-2023">Quyết định 1520/QĐ-UBND năm 2023 ban hành Kế hoạch cải cách hành chính năm 2024</a></li>
  </ul>
</div>
</div>
<div id="footer">
  <p>Cơ sở dữ liệu văn bản pháp luật. Ghi rõ nguồn khi trích dẫn thông tin từ trang này.</p>
  <p><a href="/gioithieu">Giới thiệu</a> | <a href="/lienhe">Liên hệ</a></p>
</div>
<script src="/js/site.js"></script>
<script>document.querySelectorAll('.tabs a').forEach(function(a){a.onclick=function(){return false;};});</script>
</body>
</html>
"""


# --------------------------------------------------------------------------- 6. giấy mời (.txt, pdftotext -layout style)

GIAY_MOI_TXT = """\
      ỦY BAN NHÂN DÂN                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
       TỈNH HÀ TĨNH                               Độc lập - Tự do - Hạnh phúc

      Số: 41/GM-UBND                          Hà Tĩnh, ngày 15 tháng 5 năm 2024


                                        GIẤY MỜI
               Dự họp về công tác phòng, chống dịch sốt xuất huyết
                             trên địa bàn tỉnh năm 2024

                 Kính gửi:
                         - Sở Y tế;
                         - Sở Tài chính;
                         - Trung tâm Kiểm soát bệnh tật tỉnh.

      Ủy ban nhân dân tỉnh trân trọng kính mời lãnh đạo các đơn vị nêu trên dự họp nghe báo cáo tình
hình dịch bệnh sốt xuất huyết và thống nhất các giải pháp phòng, chống dịch trong mùa mưa năm 2024.
      Chủ trì cuộc họp: đồng chí Hoàng Minh Đức, Phó Chủ tịch UBND tỉnh.
      Thời gian: 14 giờ 00, ngày 22 tháng 5 năm 2024 (thứ Tư).
      Địa điểm: Phòng họp tầng 3, trụ sở UBND tỉnh Hà Tĩnh.
      Đề nghị Sở Y tế chuẩn bị báo cáo tình hình dịch bệnh từ đầu năm đến nay, dự báo diễn biến trong
thời gian tới và đề xuất giải pháp phòng, chống dịch; gửi báo cáo về Văn phòng UBND tỉnh trước ngày
20/5/2024 để tổng hợp.
      Sở Tài chính chuẩn bị ý kiến về nguồn kinh phí bổ sung cho công tác phòng, chống dịch.
      Rất mong lãnh đạo các đơn vị tham dự đúng thành phần, thời gian./.


Nơi nhận:                                                    TL. CHỦ TỊCH
- Như trên;                                              KT. CHÁNH VĂN PHÒNG
- Chủ tịch, các PCT UBND tỉnh;                          PHÓ CHÁNH VĂN PHÒNG
- PCT Hoàng Minh Đức (để chủ trì);
- Lưu: VT, KGVX.


                                                          Nguyễn Hữu Phước
"""


# --------------------------------------------------------------------------- 3. quyết định (.docx)


def make_quyet_dinh_docx(path: Path) -> None:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Cm, Pt

    doc = Document()

    # Page: A4, margins per NĐ 30 (top/bottom 2 cm, left 3 cm, right 1.5 cm).
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    sec.left_margin, sec.right_margin = Cm(3.0), Cm(1.5)

    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12.5)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), "Times New Roman")
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)

    props = doc.core_properties
    props.title = "Quyết định 789/QĐ-UBND (mẫu)"
    props.author = "congvan samples"
    props.comments = "Văn bản mẫu tự soạn để kiểm thử congvan; nội dung hư cấu."

    # --- numbering definition: decimal "%1." (Word auto-numbering for the khoản of Điều 2)
    numbering = doc.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    aid = max(abstract_ids, default=0) + 1
    nid = max(num_ids, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:suff w:val="space"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # schema order: every abstractNum before any num
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'))

    def set_numbered(paragraph) -> None:
        pPr = paragraph._p.get_or_add_pPr()
        pPr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{nid}"/></w:numPr>'))

    # --- helpers
    def para(container, text="", *, bold=False, italic=False, align=None, size=None, indent=False, after=0):
        p = container.add_paragraph()
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Cm(1.0)
        p.paragraph_format.space_after = Pt(after)
        if text:
            run = p.add_run(nfc(text))
            run.bold = bold
            run.italic = italic
            if size:
                run.font.size = Pt(size)
        return p

    def borderless_table(rows: int, cols: int, widths_cm: list[float]):
        table = doc.add_table(rows=rows, cols=cols)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        tblPr = table._tbl.tblPr
        borders = parse_xml(
            f"<w:tblBorders {nsdecls('w')}>"
            + "".join(
                f'<w:{side} w:val="none" w:sz="0" w:space="0" w:color="auto"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders>"
        )
        tblPr.append(borders)
        # LibreOffice lays a table out from w:tblGrid, Word from w:tcW: set both
        for gridcol, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
            gridcol.set(qn("w:w"), str(int(width * 567)))
        for row in table.rows:
            for cell, width in zip(row.cells, widths_cm, strict=True):
                cell.width = Cm(width)
        # the new cell holds one empty paragraph; reuse it for the first line
        return table

    def cell_lines(cell, lines):
        """lines: (text, bold, italic) with the cell's first (empty) paragraph reused."""
        first = True
        for text, bold, italic in lines:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if text:
                run = p.add_run(nfc(text))
                run.bold, run.italic = bold, italic
                run.font.size = Pt(12)

    C = WD_ALIGN_PARAGRAPH.CENTER
    J = WD_ALIGN_PARAGRAPH.JUSTIFY

    # --- header: borderless 2-column table
    head = borderless_table(1, 2, [5.5, 11.0])
    left, right = head.rows[0].cells
    cell_lines(left, [("ỦY BAN NHÂN DÂN", False, False), ("TỈNH LÂM ĐỒNG", True, False), ("", False, False),
                      ("Số: 789/QĐ-UBND", False, False)])
    cell_lines(right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False), ("Độc lập - Tự do - Hạnh phúc", True, False),
                       ("", False, False), ("Lâm Đồng, ngày 02 tháng 02 năm 2024", False, True)])

    para(doc, "QUYẾT ĐỊNH", bold=True, align=C, size=13).paragraph_format.space_before = Pt(8)
    para(doc, "Về việc thành lập Tổ công tác rà soát, sắp xếp các đơn vị sự nghiệp công lập thuộc tỉnh "
              "giai đoạn 2024 - 2025", bold=True, align=C, size=13, after=6)
    para(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", bold=True, align=C, size=13, after=6)

    for line in (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều "
        "của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
        "Căn cứ Nghị định số 120/2020/NĐ-CP ngày 07 tháng 10 năm 2020 của Chính phủ quy định về thành lập, "
        "tổ chức lại, giải thể đơn vị sự nghiệp công lập;",
        "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 35/TTr-SNV ngày 25 tháng 01 năm 2024.",
    ):
        para(doc, line, italic=True, align=J, indent=True, after=2)

    para(doc, "QUYẾT ĐỊNH:", bold=True, align=C, size=13, after=6)

    def dieu(label: str, text: str, after=2):
        p = para(doc, align=J, indent=True, after=after)
        p.add_run(nfc(label)).bold = True
        p.add_run(nfc(text))
        return p

    dieu("Điều 1. ", "Thành lập Tổ công tác rà soát, sắp xếp các đơn vị sự nghiệp công lập thuộc tỉnh giai đoạn "
                     "2024 - 2025 (sau đây gọi là Tổ công tác), gồm các thành viên sau:")
    for line in (
        "- Tổ trưởng: Giám đốc Sở Nội vụ;",
        "- Tổ phó: Phó Giám đốc Sở Tài chính;",
        "- Thành viên: đại diện lãnh đạo Văn phòng UBND tỉnh, Sở Kế hoạch và Đầu tư, Sở Y tế, "
        "Sở Giáo dục và Đào tạo.",
    ):
        para(doc, line, align=J, indent=True, after=2)

    dieu("Điều 2. Nhiệm vụ của Tổ công tác", "")
    for text in (  # labels "1." "2." "3." come from Word auto-numbering, not typed
        "Rà soát chức năng, nhiệm vụ, tổ chức bộ máy và số lượng người làm việc của các đơn vị sự nghiệp công lập "
        "thuộc tỉnh; đề xuất phương án sắp xếp, trình UBND tỉnh trước ngày 30/6/2024.",
        "Hướng dẫn các sở, ngành, địa phương xây dựng lộ trình tự chủ tài chính của các đơn vị sự nghiệp công lập "
        "trực thuộc, hoàn thành trong năm 2024.",
        "Tổ công tác tự giải thể sau khi hoàn thành nhiệm vụ.",
    ):
        p = para(doc, text, align=J, after=2)
        set_numbered(p)

    dieu("Điều 3. ", "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính và các thành viên "
                     "Tổ công tác chịu trách nhiệm thi hành Quyết định này./.", after=6)

    # --- Nơi nhận + signature: borderless 2-column table
    foot = borderless_table(1, 2, [7.0, 9.5])
    left, right = foot.rows[0].cells
    p = left.paragraphs[0]
    r = p.add_run(nfc("Nơi nhận:"))
    r.bold = r.italic = True
    r.font.size = Pt(12)
    for line in ("- Như Điều 3;", "- Lưu: VT, NC."):
        r = left.add_paragraph().add_run(nfc(line))
        r.font.size = Pt(11)
    cell_lines(right, [("TM. ỦY BAN NHÂN DÂN", True, False), ("CHỦ TỊCH", True, False), ("", False, False),
                       ("", False, False), ("Lê Văn Cường", True, False)])

    doc.save(str(path))


# --------------------------------------------------------------------------- 4. PDF via LibreOffice


def convert_to_pdf(docx_path: Path) -> Path | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("note: soffice not found; skipped quyet-dinh.pdf")
        return None
    result = subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(docx_path.parent), str(docx_path)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = docx_path.with_suffix(".pdf")
    if result.returncode != 0 or not pdf.exists():
        print(f"note: LibreOffice conversion failed (rc={result.returncode}): {result.stderr.strip()}")
        return None
    return pdf


# --------------------------------------------------------------------------- 7. công điện hỏa tốc (.txt)

CONG_DIEN_TXT = """\
ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 07/CĐ-UBND
Hà Tĩnh, ngày 18 tháng 9 năm 2024
HỎA TỐC
CÔNG ĐIỆN
Về việc chủ động ứng phó với bão số 4
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:
- Giám đốc các sở: Nông nghiệp và Phát triển nông thôn, Tài nguyên và Môi trường, Công Thương, Giao thông vận tải;
- Chủ tịch Ủy ban nhân dân các huyện, thành phố, thị xã;
- Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh.
Theo tin của Trung tâm Dự báo khí tượng thủy văn quốc gia, hồi 7 giờ ngày 18/9/2024, vị trí tâm bão ở khoảng 17,5 độ Vĩ Bắc, 109,2 độ Kinh Đông, sức gió mạnh nhất vùng gần tâm bão mạnh cấp 9. Dự báo trong 24 giờ tới, bão di chuyển theo hướng Tây, đi vào vùng biển các tỉnh từ Nghệ An đến Quảng Trị.
Để chủ động ứng phó với bão, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ngành, địa phương theo chức năng, nhiệm vụ được giao triển khai ngay các nội dung sau:
1. Chủ tịch Ủy ban nhân dân các huyện, thành phố, thị xã:
a) Theo dõi chặt chẽ diễn biến của bão; kiểm đếm, hướng dẫn tàu thuyền vào nơi tránh trú an toàn, hoàn thành trước 17 giờ ngày 19/9/2024.
b) Tổ chức sơ tán dân ở vùng nguy hiểm ven biển, vùng trũng thấp; bảo đảm an toàn tính mạng của người dân.
2. Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Công Thương kiểm tra an toàn hồ đập, vận hành điều tiết hồ chứa theo quy trình; báo cáo Ủy ban nhân dân tỉnh hằng ngày trước 15 giờ.
3. Bộ Chỉ huy Quân sự tỉnh bố trí lực lượng, phương tiện sẵn sàng tham gia cứu hộ, cứu nạn khi có yêu cầu.
4. Đài Phát thanh - Truyền hình tỉnh tăng cường thời lượng phát sóng, thông tin kịp thời diễn biến của bão để người dân biết, chủ động phòng tránh.
5. Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Công điện này; báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả trước ngày 25/9/2024./.
Nơi nhận:
- Như trên;
- Ban Chỉ đạo quốc gia về PCTT (để b/c);
- TTr Tỉnh ủy, TTr HĐND tỉnh;
- Chủ tịch, các PCT UBND tỉnh;
- Lưu: VT, NL.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Hữu Tâm
"""

# --------------------------------------------------------------------------- 8. tờ trình (.txt)

TO_TRINH_TXT = """\
UBND TỈNH BÌNH ĐỊNH
SỞ TÀI CHÍNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 215/TTr-STC
Bình Định, ngày 05 tháng 6 năm 2024
TỜ TRÌNH
Về việc phê duyệt dự toán kinh phí tổ chức Hội chợ thương mại tỉnh năm 2024
Kính gửi: Ủy ban nhân dân tỉnh Bình Định.
Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 ngày 25/6/2015;
Căn cứ Quyết định số 1020/QĐ-UBND ngày 15/3/2024 của UBND tỉnh về việc ban hành Kế hoạch xúc tiến thương mại năm 2024;
Xét đề nghị của Sở Công Thương tại Công văn số 612/SCT-QLTM ngày 28/5/2024,
Sở Tài chính kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt dự toán kinh phí tổ chức Hội chợ thương mại tỉnh năm 2024 như sau:
1. Tổng dự toán: 1.250.000.000 đồng (Một tỷ hai trăm năm mươi triệu đồng).
2. Nguồn kinh phí: ngân sách tỉnh năm 2024 đã giao cho Sở Công Thương.
3. Thời gian thực hiện: quý III/2024.
Sở Tài chính đã phối hợp với Sở Công Thương rà soát các nội dung chi theo đúng định mức quy định.
Kính đề nghị Ủy ban nhân dân tỉnh xem xét, quyết định./.
Nơi nhận:
- Như trên;
- Sở Công Thương;
- Lưu: VT, HCSN.
GIÁM ĐỐC
Trần Thị Hồng Nhung
"""


# --------------------------------------------------------------------------- 9. giấy mời with its parts numbered (.txt)

GIAY_MOI_HOP_TXT = """\
ỦY BAN NHÂN DÂN
HUYỆN BÌNH SƠN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 21/GM-UBND
Bình Sơn, ngày 04 tháng 11 năm 2024
GIẤY MỜI
Họp bàn giải pháp giải ngân vốn đầu tư công năm 2024
Ủy ban nhân dân huyện tổ chức cuộc họp bàn giải pháp đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2024, cụ thể như sau:
1. Chủ trì: Đồng chí Nguyễn Văn Hùng - Phó Chủ tịch UBND huyện.
2. Thành phần mời:
- Trưởng phòng Tài chính - Kế hoạch huyện;
- Giám đốc Ban Quản lý dự án đầu tư xây dựng huyện;
- Chủ tịch UBND các xã, thị trấn.
3. Thời gian: 14 giờ 00, ngày 07/11/2024 (thứ Năm).
4. Địa điểm: Phòng họp số 1, UBND huyện.
Giao Phòng Tài chính - Kế hoạch huyện chuẩn bị báo cáo tình hình giải ngân, gửi Văn phòng HĐND và UBND huyện trước ngày 06/11/2024.
Đề nghị các thành phần được mời tham dự đúng thời gian./.
Nơi nhận:
- Như thành phần mời;
- Lưu: VT.
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Lê Thị Hoa
"""


# --------------------------------------------------------------------------- expected outputs


def write_expected() -> None:
    """Regenerate samples/expected/ from the current pipeline (review the diff before committing it)."""
    import json

    sys.path.insert(0, str(HERE.parent))
    from congvan.pipeline.batch import output_name
    from congvan.pipeline.convert import convert_one

    documents = sorted(p for p in HERE.iterdir() if p.is_file() and p.suffix in {".md", ".txt", ".docx", ".pdf",
                                                                                 ".html"} and p.name != "bad.pdf")
    for path in documents:
        result = convert_one(str(path))["result"]
        result["source"]["path"] = f"samples/{path.name}"
        target = HERE / "expected" / f"{output_name(path, documents)}.json"
        target.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {target.relative_to(HERE.parent)}")


# --------------------------------------------------------------------------- main


def main() -> int:
    if "--expected-only" in sys.argv[1:]:
        write_expected()
        return 0
    written = [
        write_text("congvan-khan.md", CONGVAN_KHAN_MD),
        write_text("thong-bao.txt", THONG_BAO_TXT),
        write_text("ke-hoach.html", KE_HOACH_HTML),
        write_text("giay-moi.txt", GIAY_MOI_TXT),
        write_text("cong-dien.txt", CONG_DIEN_TXT),
        write_text("to-trinh.txt", TO_TRINH_TXT),
        write_text("giay-moi-hop.txt", GIAY_MOI_HOP_TXT),
    ]
    written += make_web_saves(HERE)
    docx_path = HERE / "quyet-dinh.docx"
    make_quyet_dinh_docx(docx_path)
    written.append(docx_path)
    pdf = convert_to_pdf(docx_path)
    if pdf:
        written.append(pdf)
    signed = make_ky_so(HERE / "ky-so.pdf")
    if signed:
        written.append(signed)
    bad = HERE / "bad.pdf"
    bad.write_bytes(b"This is not a PDF, only a few bytes of text.\n")
    written.append(bad)
    for path in written:
        print(f"wrote {path.relative_to(HERE.parent)} ({path.stat().st_size} bytes)")
    if "--expected" in sys.argv[1:]:
        write_expected()
    return 0


if __name__ == "__main__":
    sys.exit(main())
