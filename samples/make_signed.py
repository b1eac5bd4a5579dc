"""An e-signed PDF as the document axis delivers it: number and day blank in the text, stamped in annotations.

Signing systems (VNPT, Viettel CA, the provinces' e-office) print the letter without its number and day, then
stamp them, the signature picture and the time into annotation appearances. `build_signed_pdf` writes such a
file with pypdfium2: the text as positioned text objects (Liberation Serif, so Vietnamese is real text), each
stamp as an annotation whose appearance holds the digits as text (or, with picture=True, as a picture).
"""

from __future__ import annotations

import ctypes
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
BOLD = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf")
HEIGHT = 842.0
WIDTH = 595.0

Row = tuple  # (text, x from the left, top from the page top[, point size]) in points


def _wide(text: str):
    data = (text + "\0").encode("utf-16-le")
    return ctypes.cast(ctypes.create_string_buffer(data, len(data)), ctypes.POINTER(ctypes.c_ushort))


def _font(raw, pdf, path: Path, keep: list):
    data = path.read_bytes()
    buffer = ctypes.create_string_buffer(data, len(data))
    keep.append(buffer)
    return raw.FPDFText_LoadFont(pdf, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_uint8)), len(data),
                                 raw.FPDF_FONT_TRUETYPE, True)


def _text(raw, pdf, font, text: str, x: float, top: float, size: float = 13.0):
    obj = raw.FPDFPageObj_CreateTextObj(pdf, font, size)
    raw.FPDFText_SetText(obj, _wide(text))
    raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, HEIGHT - top)
    return obj


def _picture(pdf, page, digits: str, x: float, top: float):
    """The digits drawn as a picture (how some signing systems stamp them)."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (200, 80), 255)
    ImageDraw.Draw(image).text((10, 5), digits, fill=0, font=ImageFont.truetype(str(FONT), 60))
    obj = pdfium.PdfImage.new(pdf)
    obj.set_bitmap(pdfium.PdfBitmap.from_pil(image), pages=[page])
    obj.set_matrix(pdfium.PdfMatrix().scale(30, 12).translate(x, HEIGHT - top - 2))
    obj._detach_finalizer()  # the annotation owns it from here
    return obj.raw


def build_signed_pdf(path: Path, rows: list[Row], stamps: list[Row], bold: list[Row] = (),
                     picture: bool = False) -> Path:
    """Write a one-page PDF: rows as text, bold rows in bold, stamps as annotations over the blanks."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    keep: list = []
    regular = _font(raw, pdf, FONT, keep)
    heavy = _font(raw, pdf, BOLD, keep) if bold and BOLD.exists() else regular
    page = pdf.new_page(WIDTH, HEIGHT)
    for rows_of, font in ((rows, regular), (bold, heavy)):
        for text, x, top, *size in rows_of:  # a row may carry its point size (13 when it does not)
            raw.FPDFPage_InsertObject(page, _text(raw, pdf, font, text, x, top, *size))
    raw.FPDFPage_GenerateContent(page)
    for digits, x, top in stamps:
        annot = raw.FPDFPage_CreateAnnot(page, raw.FPDF_ANNOT_STAMP)
        raw.FPDFAnnot_SetRect(annot, raw.FS_RECTF(x - 2, HEIGHT - top + 14, x + 30, HEIGHT - top - 4))
        raw.FPDFAnnot_SetStringValue(annot, b"T", _wide("Signature1"))
        obj = _picture(pdf, page, digits, x, top) if picture else _text(raw, pdf, regular, digits, x, top)
        raw.FPDFAnnot_AppendObject(annot, obj)
        raw.FPDFPage_CloseAnnot(annot)
    pdf.save(str(path))
    pdf.close()
    return path


# The sample: a công văn of a Sở whose number (35) and day (12) were stamped by the signing system
# (one font, so the file stays small; the bold of the titles does not matter to the reader).
KY_SO_TITLES: list[Row] = [
    ("SỞ TƯ PHÁP", 95, 76), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 60),
    ("Độc lập - Tự do - Hạnh phúc", 340, 76), ("KT. GIÁM ĐỐC", 380, 560), ("PHÓ GIÁM ĐỐC", 378, 576),
    ("Nguyễn Thị Thu Hà", 372, 650),
]
KY_SO_ROWS: list[Row] = [
    ("UBND TỈNH NINH THUẬN", 72, 60),
    ("Số:", 80, 100), ("/STP-HCTP", 132, 100), ("Ninh Thuận, ngày", 318, 100), ("tháng 8 năm 2024", 440, 100),
    ("V/v triển khai công tác chứng thực điện tử", 60, 122),
    ("Kính gửi: Ủy ban nhân dân các huyện, thành phố.", 150, 160),
    ("Thực hiện Thông tư số 01/2020/TT-BTP ngày 03/3/2020 của Bộ Tư pháp, Sở Tư pháp", 85, 190),
    ("đề nghị Ủy ban nhân dân các huyện, thành phố thực hiện các nội dung sau:", 60, 206),
    ("1. Chỉ đạo Phòng Tư pháp rà soát, thống kê số lượng bản sao điện tử đã chứng thực,", 85, 226),
    ("gửi Sở Tư pháp trước ngày 30/9/2024.", 60, 242),
    ("2. Bố trí công chức có đủ điều kiện thực hiện chứng thực bản sao điện tử từ bản chính;", 85, 262),
    ("hoàn thành trong quý IV/2024.", 60, 278),
    ("3. Định kỳ hằng tháng, báo cáo kết quả về Sở Tư pháp trước ngày 25.", 85, 298),
    ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về Sở Tư pháp", 85, 318),
    ("để được hướng dẫn./.", 60, 334),
    ("Nơi nhận:", 60, 560), ("- Như trên;", 60, 576), ("- UBND tỉnh (b/c);", 60, 590),
    ("- Lưu: VT, HCTP.", 60, 604),
]
KY_SO_STAMPS: list[Row] = [("35", 104, 100), ("12", 418, 100)]


def make_ky_so(path: Path) -> Path | None:
    if not FONT.exists():
        print(f"note: {FONT} is missing (apt-get install fonts-liberation2); skipped {path.name}")
        return None
    return build_signed_pdf(path, KY_SO_ROWS + KY_SO_TITLES, KY_SO_STAMPS)
