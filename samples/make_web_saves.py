# ruff: noqa: E501  (the sample documents' own lines)
"""Three invented documents saved from an invented legal-database website (called by make_samples.py).

Every document and every page around it is made up: the numbers, dates, people, body text, the site's
name, menus and footer. They show the three ways a clerk saves such a page:

  web-cong-van.md     Markdown: a menu line, a metadata table, a copyright banner; the header table's
                      two columns split by pipes and <br>; related documents and a login prompt after it
  web-quyet-dinh.txt  text copied from the page: the metadata table and the header's cells one per
                      line (a lone "|" where a cell breaks), a login / "đang tải" tail
  web-chi-thi.html    HTML: site navigation, a metadata table, the document in an unnamed container,
                      related documents and a footer
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

WEB_CONG_VAN_MD = """\
# Kho Văn Bản Mở

[Trang chủ](/) | [Văn bản mới](/moi) | [Tra cứu](/tra-cuu) | [Đăng nhập](/dang-nhap)

## Công văn 1482/UBND-NN năm 2024 về chủ động phòng, chống hạn hán, xâm nhập mặn

| Số hiệu: | 1482/UBND-NN | Loại văn bản: | Công văn |
|---|---|---|---|
| Nơi ban hành: | Ủy ban nhân dân huyện Long Phú | Người ký: | Trần Văn Lộc |
| Ngày ban hành: | 12/03/2024 | Ngày hiệu lực: | Đã biết |
| Tình trạng: | Đã biết | | |

> © Kho Văn Bản Mở. Vui lòng ghi rõ nguồn khi trích dẫn nội dung từ trang này.

| **ỦY BAN NHÂN DÂN<br>HUYỆN LONG PHÚ**<br>------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc**<br>--------------- |
|---|---|
| Số: 1482/UBND-NN<br>V/v chủ động phòng, chống hạn hán, xâm nhập mặn mùa khô năm 2024 | *Long Phú, ngày 12 tháng 3 năm 2024* |

Kính gửi:

- Phòng Nông nghiệp và Phát triển nông thôn huyện;
- Trung tâm Dịch vụ nông nghiệp huyện;
- Ủy ban nhân dân các xã, thị trấn.

Theo dự báo của Đài Khí tượng thủy văn tỉnh, mùa khô năm 2024 mặn xâm nhập sâu hơn trung bình nhiều năm, ảnh hưởng đến sản xuất và nước sinh hoạt của nhân dân. Để chủ động ứng phó, Chủ tịch Ủy ban nhân dân huyện yêu cầu:

1. Phòng Nông nghiệp và Phát triển nông thôn huyện chủ trì, phối hợp với Trung tâm Dịch vụ nông nghiệp huyện theo dõi độ mặn tại các cống đầu mối, thông báo lịch đóng, mở cống cho nhân dân; tổng hợp tình hình thiệt hại, báo cáo Ủy ban nhân dân huyện trước ngày 25/3/2024.

2. Ủy ban nhân dân các xã, thị trấn rà soát các hộ thiếu nước sinh hoạt, tổ chức trữ nước ngọt và hướng dẫn nhân dân sử dụng nước tiết kiệm; hoàn thành trước ngày 31/3/2024.

3. Trung tâm Dịch vụ nông nghiệp huyện hướng dẫn nông dân xuống giống lúa vụ Hè Thu đúng lịch thời vụ, khuyến cáo chuyển đổi cây trồng tại các vùng thường xuyên bị nhiễm mặn.

Nhận được Công văn này, yêu cầu các cơ quan, đơn vị triển khai thực hiện./.

| **Nơi nhận:**<br>- Như trên;<br>- TT Huyện ủy, TT HĐND huyện;<br>- Lưu: VT, NN. | **KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH**<br><br><br>**Trần Văn Lộc** |
|---|---|

### Văn bản liên quan

- [Kế hoạch 35/KH-UBND năm 2023 về phòng, chống thiên tai](/vb/35-kh-ubnd)
- [Quyết định 210/QĐ-UBND năm 2023 về phương án ứng phó hạn mặn](/vb/210-qd-ubnd)

[Tải về](/tai-ve/1482) | [In văn bản](/in/1482)

Bạn Chưa Đăng Nhập Thành Viên! Vui lòng [đăng nhập](/dang-nhap) để xem toàn bộ tiện ích.

© 2024 Kho Văn Bản Mở. Giấy phép số 00/GP-TTĐT (trang thông tin tổng hợp).
"""

WEB_QUYET_DINH_TXT = """\
THƯ VIỆN VĂN BẢN CỘNG ĐỒNG
Trang chủ
Văn bản
Hỏi đáp
Đăng nhập
Quyết định 215/QĐ-UBND năm 2024 thành lập Tổ công tác chuyển đổi số thị xã
Lưu
Theo dõi văn bản
Số hiệu:
215/QĐ-UBND
Loại văn bản:
Quyết định
Nơi ban hành:
Ủy ban nhân dân thị xã Hòa Thành
Người ký:
Lê Thị Thu Hà
Ngày ban hành:
08/05/2024
Ngày hiệu lực:
Đã biết
Tình trạng:
Đã biết

ỦY BAN NHÂN DÂN
THỊ XÃ HÒA THÀNH
-------
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 215/QĐ-UBND
|
Hòa Thành, ngày 08 tháng 5 năm 2024

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác chuyển đổi số thị xã Hòa Thành năm 2024
CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ HÒA THÀNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Kế hoạch số 40/KH-UBND ngày 15 tháng 02 năm 2024 của Ủy ban nhân dân thị xã về chuyển đổi số năm 2024;
Theo đề nghị của Trưởng phòng Văn hóa và Thông tin thị xã.
QUYẾT ĐỊNH:
Điều 1. Thành lập Tổ công tác chuyển đổi số thị xã Hòa Thành năm 2024 (sau đây gọi là Tổ công tác), gồm các thành viên là lãnh đạo Phòng Văn hóa và Thông tin, Phòng Nội vụ, Phòng Tài chính - Kế hoạch thị xã.
Điều 2. Nhiệm vụ của Tổ công tác
1. Giao Phòng Văn hóa và Thông tin thị xã chủ trì, phối hợp với Phòng Nội vụ xây dựng kế hoạch hoạt động của Tổ công tác, trình Chủ tịch Ủy ban nhân dân thị xã trước ngày 31/5/2024.
2. Phòng Tài chính - Kế hoạch thị xã tham mưu bố trí kinh phí hoạt động của Tổ công tác từ nguồn ngân sách thị xã năm 2024.
3. Tổ công tác định kỳ hằng quý báo cáo kết quả chuyển đổi số trên địa bàn thị xã về Ủy ban nhân dân thị xã.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND thị xã, Trưởng phòng Văn hóa và Thông tin, Trưởng phòng Nội vụ, Trưởng phòng Tài chính - Kế hoạch thị xã và các thành viên Tổ công tác chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- TT Thị ủy, TT HĐND thị xã;
- Lưu: VT, VHTT.
|
CHỦ TỊCH
Lê Thị Thu Hà

Lưu trữ
Ghi chú
Ý kiến
Facebook
Email
In
Văn bản đang tải, xin chờ trong giây lát...
Bạn chưa đăng nhập. Đăng nhập để tải văn bản gốc và theo dõi hiệu lực.
Đăng ký tài khoản
Quên mật khẩu?
"""

WEB_CHI_THI_HTML = """\
<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Chỉ thị 06/CT-UBND năm 2024 tăng cường công tác phòng cháy, chữa cháy mùa khô</title>
<script>var pageId = 'vb-06-ct';</script>
</head>
<body>
<div class="top">
  <span class="brand">Cổng Tra Cứu Pháp Lý</span>
  <ul class="nav-links">
    <li><a href="/">Trang chủ</a></li>
    <li><a href="/van-ban">Văn bản</a></li>
    <li><a href="/hoi-dap">Hỏi đáp</a></li>
  </ul>
  <div class="user">Bạn chưa đăng nhập | <a href="/login">Đăng nhập</a></div>
</div>
<div class="page">
  <h1 class="doc-title">Chỉ thị 06/CT-UBND năm 2024 tăng cường công tác phòng cháy, chữa cháy mùa khô</h1>
  <table class="props">
    <tr><td>Số hiệu:</td><td>06/CT-UBND</td><td>Loại văn bản:</td><td>Chỉ thị</td></tr>
    <tr><td>Cơ quan ban hành:</td><td>Ủy ban nhân dân tỉnh Bình Hòa</td><td>Người ký:</td><td>Phạm Quốc Hoà</td></tr>
    <tr><td>Ngày ban hành:</td><td>20/02/2024</td><td>Ngày hiệu lực:</td><td>20/02/2024</td></tr>
  </table>
  <div class="noi-dung">
    <table width="100%" border="0">
      <tr>
        <td width="40%" align="center"><b>ỦY BAN NHÂN DÂN<br>TỈNH BÌNH HÒA</b><br>-------</td>
        <td width="60%" align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>---------------</td>
      </tr>
      <tr>
        <td align="center">Số: 06/CT-UBND</td>
        <td align="center"><i>Bình Hòa, ngày 20 tháng 02 năm 2024</i></td>
      </tr>
    </table>
    <p align="center"><b>CHỈ THỊ</b></p>
    <p align="center"><b>Về tăng cường công tác phòng cháy, chữa cháy rừng mùa khô năm 2024</b></p>
    <p>Mùa khô năm 2024 được dự báo nắng nóng kéo dài, nguy cơ cháy rừng ở mức cao. Để chủ động phòng ngừa, hạn chế thấp nhất thiệt hại do cháy rừng gây ra, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:</p>
    <p>1. Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Công an tỉnh kiểm tra phương án phòng cháy, chữa cháy rừng của các chủ rừng; hoàn thành trước ngày 15/3/2024.</p>
    <p>2. Bộ Chỉ huy Quân sự tỉnh chuẩn bị lực lượng, phương tiện sẵn sàng tham gia chữa cháy rừng khi có yêu cầu.</p>
    <p>3. Ủy ban nhân dân các huyện, thị xã, thành phố tổ chức tuyên truyền về phòng cháy, chữa cháy rừng đến từng thôn, bản; báo cáo kết quả thực hiện về Sở Nông nghiệp và Phát triển nông thôn trước ngày 30/6/2024.</p>
    <p>Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố nghiêm túc thực hiện Chỉ thị này./.</p>
    <table width="100%" border="0">
      <tr>
        <td width="45%"><b><i>Nơi nhận:</i></b><br>- Bộ Nông nghiệp và PTNT;<br>- TT Tỉnh ủy, TT HĐND tỉnh;<br>- Như Điều 3;<br>- Lưu: VT, KT.</td>
        <td width="55%" align="center"><b>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH</b><br><br><br><b>Phạm Quốc Hòa</b></td>
      </tr>
    </table>
    <p>Văn bản liên quan</p>
    <p><a href="/vb/12-kh-ubnd">Kế hoạch 12/KH-UBND năm 2023 phòng cháy, chữa cháy rừng</a></p>
    <p>Tải về</p>
  </div>
</div>
<div class="bottom">
  <p>Cổng Tra Cứu Pháp Lý - thông tin mang tính tham khảo.</p>
  <p>Bản quyền © 2024 Cổng Tra Cứu Pháp Lý. Chịu trách nhiệm nội dung: Ban biên tập.</p>
  <p><a href="/gioi-thieu">Giới thiệu</a> | <a href="/lien-he">Liên hệ</a> | <a href="/dieu-khoan">Điều khoản sử dụng</a></p>
</div>
</body>
</html>
"""

SAVES = {"web-cong-van.md": WEB_CONG_VAN_MD, "web-quyet-dinh.txt": WEB_QUYET_DINH_TXT,
         "web-chi-thi.html": WEB_CHI_THI_HTML}


def make_web_saves(folder: Path) -> list[Path]:
    """Write the three saves into folder; return their paths."""
    written = []
    for name, text in SAVES.items():
        path = folder / name
        path.write_text(unicodedata.normalize("NFC", text), encoding="utf-8", newline="\n")
        written.append(path)
    return written


if __name__ == "__main__":
    for saved in make_web_saves(Path(__file__).resolve().parent):
        print(f"wrote {saved.name}")
