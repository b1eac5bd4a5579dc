"""The agency recognizer on the brief's examples and on phrasings taken from the dev corpus."""

from __future__ import annotations

import unicodedata

import pytest

from congvan.extractors.agencies import (
    agency_key,
    define_abbreviations,
    find_agencies,
    is_agency_start,
    split_agencies,
    strip_head,
)

# -- split_agencies: the brief's examples -------------------------------------------------------------

SPLIT_BRIEF = [
    ("Các Sở: Tài nguyên và Môi trường, Lao động – Thương binh và Xã hội; Thông tin và Truyền thông",
     ["Sở Tài nguyên và Môi trường", "Sở Lao động – Thương binh và Xã hội", "Sở Thông tin và Truyền thông"]),
    ("UBND các huyện: Bình Sơn, Mộ Đức", ["UBND huyện Bình Sơn", "UBND huyện Mộ Đức"]),
    ("Giám đốc Sở Tài nguyên và Môi trường", ["Sở Tài nguyên và Môi trường"]),
    ("Chủ tịch UBND thị xã Đức Phổ", ["UBND thị xã Đức Phổ"]),
    ("Giám đốc các Sở: A, B; Chủ tịch UBND các huyện, thị xã, thành phố",
     ["Sở A", "Sở B", "UBND các huyện, thị xã, thành phố"]),
    ("UBND các huyện, thị xã, thành phố", ["UBND các huyện, thị xã, thành phố"]),
    ("Các cơ quan, đơn vị có liên quan", ["Các cơ quan, đơn vị có liên quan"]),
    ("Sở Thông tin và Truyền thông, UBND các huyện, thị xã, thành phố, UBND các xã, phường, thị trấn",
     ["Sở Thông tin và Truyền thông", "UBND các huyện, thị xã, thành phố", "UBND các xã, phường, thị trấn"]),
    ("Sở Nội vụ, Văn phòng Ủy ban nhân dân tỉnh", ["Sở Nội vụ", "Văn phòng Ủy ban nhân dân tỉnh"]),
    ("Bộ Công an, Bộ Y tế và Bộ Quốc phòng", ["Bộ Công an", "Bộ Y tế", "Bộ Quốc phòng"]),
    ("Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ và Chủ tịch Ủy ban "
     "nhân dân các tỉnh, thành phố trực thuộc Trung ương",
     ["Các Bộ", "Các cơ quan ngang Bộ", "Các cơ quan thuộc Chính phủ",
      "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Bộ Lao động - Thương binh và Xã hội", ["Bộ Lao động - Thương binh và Xã hội"]),
    ("Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội",
     ["Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội"]),
    ("UBND các tỉnh, thành phố trực thuộc Trung ương", ["UBND các tỉnh, thành phố trực thuộc Trung ương"]),
    ("Các đồng chí Thành viên UBND tỉnh", ["Các đồng chí Thành viên UBND tỉnh"]),
    ("Thủ trưởng các cơ quan, đơn vị", ["Các cơ quan, đơn vị"]),
    ("- Sở Nội vụ;", ["Sở Nội vụ"]),
    ("Đồng chí Giám đốc Sở Y tế.", ["Sở Y tế"]),
    ("Người đứng đầu các cơ quan, đơn vị, địa phương:", ["Các cơ quan, đơn vị, địa phương"]),
    ("Tổng Giám đốc Tổng công ty Điện lực miền Nam", ["Tổng công ty Điện lực miền Nam"]),
    ("Cục trưởng Cục Thuế tỉnh", ["Cục Thuế tỉnh"]),
    ("Trưởng ban Ban Quản lý các khu công nghiệp", ["Ban Quản lý các khu công nghiệp"]),
    ("Chánh Văn phòng UBND tỉnh", ["Văn phòng UBND tỉnh"]),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_BRIEF)
def test_split_brief(text: str, expected: list[str]) -> None:
    assert split_agencies(text) == expected


# -- split_agencies: Kính gửi lists as printed in the dev corpus ---------------------------------------

DIEN_028 = """- Các Bộ: Công an, Quốc phòng, Ngoại giao, Tư pháp, Nội vụ, Công Thương,
Tài chính, Nông nghiệp và Môi trường, Xây dựng, Khoa học và Công nghệ,
Y tế, Văn hóa, Thể thao và Du lịch, Giáo dục và Đào tạo, Dân tộc và Tôn giáo;
- Ủy ban Trung ương Mặt trận tổ Quốc Việt Nam;
- Tòa án nhân dân tối cao;
- Viện kiểm sát nhân dân tối cao;
- Các Ủy ban: Quốc phòng, An ninh và Đối ngoại của Quốc hội, Văn hóa và
Xã hội của Quốc hội;
- Các cơ quan thuộc Chính phủ: Đài Truyền hình Việt Nam, Đài Tiếng nói
Việt Nam, Thông tấn xã Việt Nam;
- Các tổ chức chính trị - xã hội: Tổng Liên đoàn Lao động Việt Nam, Trung ương
Hội Nông dân Việt Nam, Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh,
Trung ương Hội Liên hiệp Phụ nữ Việt Nam, Trung ương Hội Cựu chiến binh
Việt Nam.
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương."""


def test_split_cong_dien_list() -> None:
    names = split_agencies(DIEN_028)
    assert len(names) == 28
    assert names[:3] == ["Bộ Công an", "Bộ Quốc phòng", "Bộ Ngoại giao"]
    assert "Bộ Văn hóa, Thể thao và Du lịch" in names
    assert "Bộ Nông nghiệp và Môi trường" in names
    assert "Bộ Dân tộc và Tôn giáo" in names
    assert "Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội" in names
    assert "Ủy ban Văn hóa và Xã hội của Quốc hội" in names
    assert "Đài Tiếng nói Việt Nam" in names
    assert "Thông tấn xã Việt Nam" in names
    assert "Trung ương Hội Nông dân Việt Nam" in names
    assert "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh" in names
    assert names[-1] == "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"


SPLIT_CORPUS = [
    ("- Các Sở: Tài nguyên và Môi trường, Lao động – Thương binh và Xã hội; Thông tin và Truyền thông;\n"
     "- Văn phòng UBND tỉnh;\n- UBND các huyện, thị xã, thành phố.",
     ["Sở Tài nguyên và Môi trường", "Sở Lao động – Thương binh và Xã hội", "Sở Thông tin và Truyền thông",
      "Văn phòng UBND tỉnh", "UBND các huyện, thị xã, thành phố"]),
    ("Tổng công ty Khí Việt Nam-CTCP (PV GAS)", ["Tổng công ty Khí Việt Nam-CTCP (PV GAS)"]),
    ("Ủy ban nhân dân tỉnh.", ["Ủy ban nhân dân tỉnh"]),
    ("Chủ tịch Ủy ban nhân dân tỉnh", ["Ủy ban nhân dân tỉnh"]),
    ("Kính gửi:\n- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;\n"
     "- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.",
     ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
      "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
    ("Ủy ban nhân dân tỉnh, thành phố", ["Ủy ban nhân dân tỉnh, thành phố"]),
    ("Ban Chủ nhiệm Đoàn Luật, Ban chấp hành Hội công \nchứng viên trên địa bàn tỉnh Lâm Đồng.",
     ["Ban Chủ nhiệm Đoàn Luật", "Ban chấp hành Hội công chứng viên trên địa bàn tỉnh Lâm Đồng"]),
    ("- Các cơ quan chuyên môn thuộc UBND tỉnh;\n- Ban Quản lý các khu công nghiệp;\n"
     "- UBND các xã, phường, đặc khu.",
     ["Các cơ quan chuyên môn thuộc UBND tỉnh", "Ban Quản lý các khu công nghiệp",
      "UBND các xã, phường, đặc khu"]),
    ("- Công an tỉnh;\n      - Sở Y tế; \n      - Sở Tài chính;\n         - UBND các xã, phường, đặc khu.",
     ["Công an tỉnh", "Sở Y tế", "Sở Tài chính", "UBND các xã, phường, đặc khu"]),
    ("- Hiệp hội Doanh nghiệp tỉnh;\n- Sở Kế hoạch và Đầu tư;\n- Sở Nội vụ.",
     ["Hiệp hội Doanh nghiệp tỉnh", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ"]),
    (" - Công đoàn Giáo dục các tỉnh, thành phố trực thuộc TW;- Công đoàn Cơ quan Bộ Giáo dục và Đào tạo, "
     "các đại học Quốc gia, đại học vùng;- Công đoàn các trường đại học, cao đẳng và các đơn vị trực thuộc.",
     ["Công đoàn Giáo dục các tỉnh, thành phố trực thuộc TW", "Công đoàn Cơ quan Bộ Giáo dục và Đào tạo",
      "Các đại học Quốc gia, đại học vùng",
      "Công đoàn các trường đại học, cao đẳng và các đơn vị trực thuộc"]),
    ("Đ/c Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
     ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
    ("- Giám đốc các bệnh viện trong tỉnh;\n- Giám đốc trung tâm y tế có giường bệnh.",
     ["Các bệnh viện trong tỉnh", "Trung tâm y tế có giường bệnh"]),
    ("- Các đơn vị trực thuộc sở;\n- Các doanh nghiệp Bưu chính - Viễn thông và CNTT;\n"
     "- Các cơ quan báo chí, xuất bản, PTTH.",
     ["Các đơn vị trực thuộc sở", "Các doanh nghiệp Bưu chính - Viễn thông và CNTT",
      "Các cơ quan báo chí, xuất bản, PTTH"]),
    ("HĐND, UBND các tỉnh, thành phố", ["HĐND các tỉnh, thành phố", "UBND các tỉnh, thành phố"]),
    ("Thanh tra, Công an và Quản lý thị trường tại các huyện, thị xã",
     ["Thanh tra các huyện, thị xã", "Công an các huyện, thị xã",
      "Quản lý thị trường tại các huyện, thị xã"]),
    ("Các Sở: Nội vụ, Tư pháp;", ["Sở Nội vụ", "Sở Tư pháp"]),
    ("Bộ Công an (để phối hợp);", ["Bộ Công an"]),
    ("Văn phòng Ủy ban nhân dân tỉnh (Trung tâm Phục vụ hành chính công tỉnh)",
     ["Văn phòng Ủy ban nhân dân tỉnh"]),
    ("Trung tâm Xúc tiến đầu tư, Thương mại và Du lịch tỉnh",
     ["Trung tâm Xúc tiến đầu tư, Thương mại và Du lịch tỉnh"]),
    ("UBND các huyện, thị xã: Bình Sơn, thị xã Đức Phổ", ["UBND huyện Bình Sơn", "UBND thị xã Đức Phổ"]),
    ("Kính gửi: Uỷ ban nhân dân tỉnh Khánh Hoà", ["Uỷ ban nhân dân tỉnh Khánh Hoà"]),
    ("Các Sở: Y tế và Tài chính", ["Sở Y tế", "Sở Tài chính"]),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_CORPUS)
def test_split_corpus(text: str, expected: list[str]) -> None:
    assert split_agencies(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("phối hợp với Sở Y tế", ["Sở Y tế"]),
    ("Sở Nội vụ trình Ủy ban nhân dân tỉnh", ["Sở Nội vụ"]),
    ("các sở, ngành liên quan giải đáp, tháo gỡ", ["Các sở, ngành liên quan"]),
    ("Ban Chủ nhiệm Đoàn Luật sư của 03 tỉnh (Bình Thuận", ["Ban Chủ nhiệm Đoàn Luật sư"]),
    ("trong việc công bố thủ tục hành chính", []),
    ("", []),
])
def test_split_tolerates_cut_phrases(text: str, expected: list[str]) -> None:
    """Callers hand over phrases cut from running text: verbs after a name end it."""
    assert split_agencies(text) == expected


# -- find_agencies ------------------------------------------------------------------------------------

FIND = [
    ("Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các Sở: Tài nguyên và Môi trường, Lao động – "
     "Thương binh và Xã hội, Văn phòng UBND tỉnh tổ chức tập huấn",
     ["Sở Thông tin và Truyền thông", "Sở Tài nguyên và Môi trường", "Sở Lao động – Thương binh và Xã hội",
      "Văn phòng UBND tỉnh"]),
    ("- UBND các huyện: Bình Sơn, Mộ Đức, Nghĩa Hành, Sơn Tây: Khẩn trương tiến hành ngay việc bầu chọn",
     ["UBND huyện Bình Sơn", "UBND huyện Mộ Đức", "UBND huyện Nghĩa Hành", "UBND huyện Sơn Tây"]),
    ("Yêu cầu Giám đốc các Sở: Tài nguyên và Môi trường, Lao động – Thương binh và Xã hội; Chủ tịch UBND các "
     "huyện, thị xã, thành phố tiếp tục thực hiện nghiêm túc nhiệm vụ",
     ["Sở Tài nguyên và Môi trường", "Sở Lao động – Thương binh và Xã hội",
      "UBND các huyện, thị xã, thành phố"]),
    ("- Chủ trì, phối hợp với Sở Thông tin và Truyền thông, UBND các huyện, thị xã, thành phố, UBND các xã, "
     "phường, thị trấn kiểm tra, đánh giá tình hình",
     ["Sở Thông tin và Truyền thông", "UBND các huyện, thị xã, thành phố", "UBND các xã, phường, thị trấn"]),
    ("Yêu cầu Giám đốc các Sở: Tài nguyên và Môi trường, Lao động – Thương binh và Xã hội, Thông tin và "
     "Truyền thông; Chánh Văn phòng UBND tỉnh và Chủ tịch UBND các huyện, thị xã, thành phố nghiêm túc",
     ["Sở Tài nguyên và Môi trường", "Sở Lao động – Thương binh và Xã hội", "Sở Thông tin và Truyền thông",
      "Văn phòng UBND tỉnh", "UBND các huyện, thị xã, thành phố"]),
    ("Để tiếp tục hoàn thiện dự thảo Báo cáo, Bộ Nội vụ đề nghị các bộ, cơ quan \nngang bộ, cơ quan thuộc "
     "Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực \nthuộc Trung ương nghiên cứu, tham gia góp ý",
     ["Bộ Nội vụ", "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
      "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
    ("Trong quá trình thực hiện, trường hợp có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo Bộ Tài chính "
     "để chủ trì, phối hợp với các Bộ, ngành có liên quan hướng dẫn, xử lý",
     ["Các cơ quan, đơn vị", "Bộ Tài chính", "Các Bộ, ngành có liên quan"]),
    ("Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ và Chủ tịch Ủy ban "
     "nhân dân các tỉnh, thành phố trực thuộc Trung ương chịu trách nhiệm thi hành Nghị quyết này./.",
     ["Các Bộ", "Các cơ quan ngang Bộ", "Các cơ quan thuộc Chính phủ",
      "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
    ("g) Giao Thanh tra tỉnh chủ trì, phối hợp Sở Nội vụ, Văn phòng Ủy ban nhân dân tỉnh tổ chức thanh tra",
     ["Thanh tra tỉnh", "Sở Nội vụ", "Văn phòng Ủy ban nhân dân tỉnh"]),
    ("b) Ủy ban nhân dân các huyện, thị xã căn cứ vào các nội dung nhiệm vụ tại khoản 1, 2, 3, 4, phối hợp "
     "với Sở Khoa học và Công nghệ và các sở, ban, ngành cấp tỉnh có liên quan, chỉ đạo tổ chức triển khai",
     ["Ủy ban nhân dân các huyện, thị xã", "Sở Khoa học và Công nghệ",
      "Các sở, ban, ngành cấp tỉnh có liên quan"]),
    ("Ủy ban nhân dân các huyện, thị xã làm đầu mối phát hiện, đề xuất với Thanh tra Sở Khoa học và Công "
     "nghệ, phối hợp với Thanh tra, Công an và Quản lý thị trường tại các huyện, thị xã triển khai",
     ["Ủy ban nhân dân các huyện, thị xã", "Thanh tra Sở Khoa học và Công nghệ",
      "Thanh tra các huyện, thị xã", "Công an các huyện, thị xã",
      "Quản lý thị trường tại các huyện, thị xã"]),
    ("Bộ Y tế đề nghị Đ/c Chủ tịch UBND tỉnh, thành phố tiếp tục chỉ đạo thực hiện một số nội dung sau:",
     ["Bộ Y tế", "UBND tỉnh, thành phố"]),
    ("3. Chỉ đạo Bảo hiểm xã hội tỉnh, thành phố tạo điều kiện tiếp tục ký hợp đồng khám chữa bệnh",
     ["Bảo hiểm xã hội tỉnh, thành phố"]),
    ("Về nội dung nêu trên, Thủ tướng Chính phủ giao Bộ Kế hoạch và Đầu tư theo chức năng, nhiệm vụ",
     ["Bộ Kế hoạch và Đầu tư"]),
    ("Căn cứ Quy chế làm việc của Ủy ban nhân dân tỉnh, Văn phòng Ủy ban\nnhân dân tỉnh kính đề nghị "
     "các đồng chí Thành viên Ủy ban nhân dân tỉnh tham\ngia ý kiến",
     ["Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh",
      "Các đồng chí Thành viên Ủy ban nhân dân tỉnh"]),
    ("Điều 5. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tư pháp,\nGiám đốc Sở Nội vụ, Ban Chủ nhiệm "
     "Đoàn Luật sư tỉnh Lâm Đồng và các cơ\nquan tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành",
     ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Tư pháp", "Sở Nội vụ", "Ban Chủ nhiệm Đoàn Luật sư tỉnh Lâm Đồng",
      "Các cơ quan tổ chức, cá nhân có liên quan"]),
    ("2. Giao Sở Kế hoạch và Đầu tư đôn đốc, hướng dẫn, tổ chức làm việc với Hiệp hội Doanh nghiệp tỉnh để "
     "hoàn thành tổ chức đại hội",
     ["Sở Kế hoạch và Đầu tư", "Hiệp hội Doanh nghiệp tỉnh"]),
    ("2. Giao Ủy ban nhân dân các xã, phường, đặc khu nơi đơn vị cung cấp dịch vụ cai nghiện ma túy",
     ["Ủy ban nhân dân các xã, phường, đặc khu"]),
    ("Phối hợp với các đơn vị liên quan, tổ chức thực hiện việc niêm yết công khai",
     ["Các đơn vị liên quan"]),
    ("- Các Ủy ban: Quốc phòng, An ninh và Đối ngoại của Quốc hội, Văn hóa và \nXã hội của Quốc hội.",
     ["Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội", "Ủy ban Văn hóa và Xã hội của Quốc hội"]),
    ("Sở Tư pháp đề nghị Ban Chủ nhiệm Đoàn Luật sư của 03 tỉnh (Bình Thuận, Lâm Đồng, Đắk Nông cũ) phối hợp",
     ["Sở Tư pháp", "Ban Chủ nhiệm Đoàn Luật sư"]),
    ("h) Giao Trung tâm Xúc tiến đầu tư, Thương mại và Du lịch tỉnh:",
     ["Trung tâm Xúc tiến đầu tư, Thương mại và Du lịch tỉnh"]),
    ("Ban Thường vụ Công đoàn Giáo dục (CĐGD) Việt Nam đề nghị các đơn vị triển khai một số nội dung sau:",
     ["Ban Thường vụ Công đoàn Giáo dục (CĐGD) Việt Nam", "Các đơn vị"]),
    ("Chủ tịch Ủy ban nhân dân tỉnh giao Công an tỉnh nghiên cứu, tham gia ý kiến theo yêu cầu của Bộ Công "
     "an và gửi trực tiếp văn bản cho Bộ Công an theo thời gian quy định",
     ["Ủy ban nhân dân tỉnh", "Công an tỉnh", "Bộ Công an"]),
    ("Nay Sở Tư pháp kính trình Ủy ban nhân dân tỉnh xem xét, phê chuẩn kết quả Đại hội",
     ["Sở Tư pháp", "Ủy ban nhân dân tỉnh"]),
    ("Trên đây là nội dung góp ý của Sở Khoa học và Công nghệ, gửi Sở Nội vụ tổng hợp./.",
     ["Sở Khoa học và Công nghệ", "Sở Nội vụ"]),
    ("Bộ Nội vụ đề nghị Ủy ban nhân dân tỉnh, thành phố khẩn trương xây dựng báo cáo",
     ["Bộ Nội vụ", "Ủy ban nhân dân tỉnh, thành phố"]),
    ("Số liệu của các bộ, ngành, địa phương đề nghị gửi về Bộ Nội vụ trước ngày 10 tháng 8 năm 2025",
     ["Các bộ, ngành, địa phương", "Bộ Nội vụ"]),
    ("1. Giao Sở Y tế tiến hành rà soát, giao nhiệm vụ các Trung tâm Y tế khu vực, Trạm Y tế cấp xã đăng ký",
     ["Sở Y tế", "Các Trung tâm Y tế khu vực", "Trạm Y tế cấp xã"]),
    ("2. Bộ Y tế: Mời đại diện lãnh đạo một số đơn vị thuộc Bộ Y tế: Cục Phòng bệnh, Cục khám chữa bệnh, "
     "Đại học Y Hà Nội (mỗi đơn vị 02 đại biểu)",
     ["Bộ Y tế", "Cục Phòng bệnh", "Cục khám chữa bệnh", "Đại học Y Hà Nội"]),
    ("UBND tỉnh yêu cầu lãnh đạo các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các huyện, thị xã tập trung",
     ["UBND tỉnh", "Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã"]),
    ("c) Sở, ban, ngành, Ủy ban nhân dân huyện, thị xã là đầu mối theo dõi",
     ["Sở, ban, ngành", "Ủy ban nhân dân huyện, thị xã"]),
    ("UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ", ["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"]),
    ("- Ủy ban Kiểm tra Tỉnh ủy;\n- Ban Nội chính Tỉnh ủy;",
     ["Ủy ban Kiểm tra Tỉnh ủy", "Ban Nội chính Tỉnh ủy"]),
    ("Giao Công an tỉnh/thành phố chủ trì", ["Công an tỉnh/thành phố"]),
    ("gửi về Sở KH&CN và Sở TN&MT trước ngày 15/3", ["Sở KH&CN", "Sở TN&MT"]),
    ("Giao Uỷ ban nhân dân huyện Lý Sơn chủ trì", ["Uỷ ban nhân dân huyện Lý Sơn"]),
    ("gửi Ủy ban nhân dân thành phố Hồ Chí Minh trước ngày 5/6", ["Ủy ban nhân dân thành phố Hồ Chí Minh"]),
    ("Đề nghị Quý cơ quan báo cáo kết quả", ["Quý cơ quan"]),
]


@pytest.mark.parametrize(("text", "expected"), FIND)
def test_find_agencies(text: str, expected: list[str]) -> None:
    assert find_agencies(text) == expected


@pytest.mark.parametrize("text", [
    "Ban hành Kế hoạch thực hiện Chương trình tổng thể",
    "Hội nghị triển khai Chương trình mục tiêu quốc gia",
    "đánh giá chỉ số PAR Index, Bộ chỉ số 766 về tỷ lệ hồ sơ",
    "Trường hợp có khó khăn, vướng mắc, đề nghị phản ánh kịp thời",
    "tại Công văn số 6538/UBND-TTHC ngày 23/12/2022 về việc chấn chỉnh",
    "bầu chọn Bộ phận Một cửa kiểu mẫu",
    "Nghị định số 116/2021/NĐ-CP ngày 21/12/2021 của Chính phủ quy định",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    "phối hợp lực lượng Công an hoàn thành tốt các nhiệm vụ được giao",
])
def test_find_nothing(text: str) -> None:
    assert find_agencies(text) == []


def test_find_keeps_named_person() -> None:
    assert find_agencies("Phó Chủ tịch UBND tỉnh Nguyễn Văn A chủ trì cuộc họp") == [
        "Phó Chủ tịch UBND tỉnh Nguyễn Văn A"]
    assert find_agencies("Hội nghị do Thủ tướng Chính phủ Phạm Minh Chính chủ trì.") == [
        "Thủ tướng Chính phủ Phạm Minh Chính"]
    # a member of the provincial party committee who is also vice-chair: the agency is kept
    assert find_agencies("đồng chí Nguyễn Ngọc Phúc - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh kết luận") == [
        "UBND tỉnh"]


def test_find_no_duplicates() -> None:
    text = "Giao Sở Y tế chủ trì; Sở Y tế báo cáo UBND tỉnh. Ủy ban nhân dân tỉnh xem xét."
    assert find_agencies(text) == ["Sở Y tế", "UBND tỉnh"]


def test_find_allcaps_header_is_not_a_body() -> None:
    text = "UBND TỈNH LÂM ĐỒNG CÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ KHOA HỌC VÀ CÔNG NGHỆ Độc lập"
    assert find_agencies(text) == ["UBND TỈNH LÂM ĐỒNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]


# -- strip_head, is_agency_start, agency_key, define_abbreviations -------------------------------------

@pytest.mark.parametrize(("name", "expected"), [
    ("Giám đốc Sở X", "Sở X"),
    ("Giám đốc Sở Tài nguyên và Môi trường", "Sở Tài nguyên và Môi trường"),
    ("Chủ tịch UBND thị xã Đức Phổ", "UBND thị xã Đức Phổ"),
    ("Phó Chủ tịch UBND tỉnh Nguyễn Văn A", "Phó Chủ tịch UBND tỉnh Nguyễn Văn A"),
    ("Thủ trưởng các cơ quan, đơn vị", "Các cơ quan, đơn vị"),
    ("Thủ trưởng cơ quan ngang Bộ", "Các cơ quan ngang Bộ"),
    ("Chánh Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),
    ("Các đồng chí Thành viên UBND tỉnh", "Các đồng chí Thành viên UBND tỉnh"),
    ("Đ/c Giám đốc Sở Nội vụ", "Sở Nội vụ"),
    ("Bộ trưởng Bộ Nội vụ", "Bộ Nội vụ"),
    ("Chủ tịch, Phó Chủ tịch UBND tỉnh", "UBND tỉnh"),
    ("Giám đốc trung tâm y tế có giường bệnh", "Trung tâm y tế có giường bệnh"),
    ("Sở Y tế", "Sở Y tế"),
    ("Chủ tịch", "Chủ tịch"),
])
def test_strip_head(name: str, expected: str) -> None:
    assert strip_head(name) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sở Y tế", True),
    ("UBND các huyện", True),
    ("các cơ quan, đơn vị", True),
    ("Giám đốc Sở Y tế", True),
    ("Thủ trưởng cơ quan ngang Bộ", True),
    ("- Văn phòng UBND tỉnh", True),
    ("Quý cơ quan", True),
    ("Kho bạc Nhà nước", True),
    ("Các đồng chí Thành viên UBND tỉnh", True),
    ("Thể thao và Du lịch", False),
    ("thị xã, thành phố", False),
    ("Ban hành Kế hoạch", False),
    ("Trường hợp", False),
    ("Hội nghị", False),
    ("Bộ chỉ số", False),
    ("", False),
])
def test_is_agency_start(text: str, expected: bool) -> None:
    assert is_agency_start(text) is expected


def test_agency_key_folds_variants() -> None:
    assert agency_key("Uỷ ban nhân dân tỉnh Khánh Hoà;") == agency_key("UBND tỉnh Khánh Hòa")
    assert agency_key("Hội đồng nhân dân tỉnh") == "hđnd tỉnh"
    dashed = agency_key("Sở Lao động – Thương binh và Xã hội")
    assert dashed == agency_key("Sở Lao động-Thương binh và Xã hội")
    assert agency_key("Sở  Y\ntế.") == "sở y tế"
    assert agency_key("\u00d0OÀN") == agency_key("Đoàn")


def test_define_abbreviations() -> None:
    text = ("Giao Sở Tài nguyên và Môi trường (sau đây viết tắt là Sở TN&MT) chủ trì. Thực hiện Chương trình "
            "tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030 (sau đây gọi tắt là Chương trình), "
            "Ủy ban nhân dân tỉnh (viết tắt là “UBND tỉnh”) ban hành")
    assert define_abbreviations(text) == {
        "Sở TN&MT": "Sở Tài nguyên và Môi trường",
        "Chương trình": "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
        "UBND tỉnh": "Ủy ban nhân dân tỉnh",
    }
    assert define_abbreviations("Không có định nghĩa nào (xem Phụ lục).") == {}


def test_output_is_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Sở Tài nguyên và Môi trường")
    assert split_agencies(nfd) == ["Sở Tài nguyên và Môi trường"]
    assert find_agencies("Giao " + nfd + " chủ trì") == ["Sở Tài nguyên và Môi trường"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Các sở, ban, ngành, huyện, thị xã xây dựng kế hoạch hằng năm",
     ["Các sở, ban, ngành", "UBND các huyện, thị xã"]),
    ("Các sở, ngành, huyện, thị xã, thành phố báo cáo kết quả", ["Các sở, ngành", "UBND các huyện, thị xã, thành phố"]),
    ("Các sở, ban, ngành tổ chức thực hiện", ["Các sở, ban, ngành"]),
    ("UBND các huyện, thị xã, thành phố tổ chức thực hiện", ["UBND các huyện, thị xã, thành phố"]),
])
def test_departments_and_districts_in_one_list_are_two_collectives(text: str, expected: list[str]) -> None:
    assert find_agencies(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Giao Phòng Tài chính - Kế hoạch huyện chuẩn bị báo cáo", ["Phòng Tài chính - Kế hoạch huyện"]),
    ("Phòng Văn hóa - Thông tin huyện tổ chức tuyên truyền", ["Phòng Văn hóa - Thông tin huyện"]),
    ("Sở Tài chính - Kế hoạch số 12/KH-UBND", ["Sở Tài chính"]),
    ("Trưởng phòng Tài chính - Kế hoạch huyện chủ trì", ["Phòng Tài chính - Kế hoạch huyện"]),
])
def test_dash_joined_fields_and_fused_head_titles(text: str, expected: list[str]) -> None:
    assert find_agencies(text) == expected


# -- committees named with their topic ("về …") ---------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Giao Ban Chỉ đạo quốc gia về dữ liệu chủ trì tổng hợp", ["Ban Chỉ đạo quốc gia về dữ liệu"]),
    ("Hội đồng tư vấn về cải cách thủ tục hành chính đã họp phiên thứ hai",
     ["Hội đồng tư vấn về cải cách thủ tục hành chính"]),
    ("Tổ công tác về rà soát văn bản báo cáo Sở Tư pháp trước ngày 10/5",
     ["Tổ công tác về rà soát văn bản", "Sở Tư pháp"]),
    ("Ủy ban quốc gia về người cao tuổi phối hợp với Sở Y tế", ["Ủy ban quốc gia về người cao tuổi", "Sở Y tế"]),
    ("Đề nghị các đồng chí thành viên Ban Chỉ đạo quốc gia về dữ liệu dự họp",
     ["Các đồng chí thành viên Ban Chỉ đạo quốc gia về dữ liệu"]),
    ("Ban Chỉ đạo tỉnh về phòng, chống thiên tai và tìm kiếm cứu nạn, Sở Y tế",
     ["Ban Chỉ đạo tỉnh về phòng, chống thiên tai và tìm kiếm cứu nạn", "Sở Y tế"]),
    ("Đề nghị các bộ, cơ quan chủ dự án thành phần và UBND các tỉnh dự họp",
     ["Các bộ, cơ quan chủ dự án thành phần", "UBND các tỉnh"]),
    ("Hội Nông dân tỉnh Gia Lai (cũ), Hội Nông dân tỉnh Kon Tum (cũ) và Hội Nông dân tỉnh Gia Lai (mới) bàn giao",
     ["Hội Nông dân tỉnh Gia Lai (cũ)", "Hội Nông dân tỉnh Kon Tum (cũ)", "Hội Nông dân tỉnh Gia Lai (mới)"]),
    ("Sở Xây dựng và các cơ quan, tổ chức có liên quan chịu trách nhiệm thi hành",
     ["Sở Xây dựng", "Các cơ quan, tổ chức có liên quan"]),
    ("Sở Xây dựng và các cơ quan, tổ chức kiểm tra công trình", ["Sở Xây dựng", "Các cơ quan"]),
    ("Các Khoa, Phòng ban nhắc nhở sinh viên", ["Các Khoa, Phòng ban"]),  # a school's or hospital's units
    ("Đề nghị các khoa học xã hội", []),
])
def test_find_committee_with_topic(text: str, expected: list[str]) -> None:
    assert find_agencies(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sở Nội vụ về việc tuyển dụng viên chức", ["Sở Nội vụ"]),  # 'về việc' opens a matter
    ("Hội đồng thi đua tỉnh về việc xét khen thưởng", ["Hội đồng thi đua tỉnh"]),
    ("Ban Tuyên giáo về nội dung tuyên truyền", ["Ban Tuyên giáo"]),  # not a committee head
    ("Hội đồng thẩm định về kết quả thẩm định", ["Hội đồng thẩm định"]),
])
def test_find_ve_is_not_a_topic(text: str, expected: list[str]) -> None:
    assert find_agencies(text) == expected


def test_split_committee_with_topic() -> None:
    assert split_agencies("- Các đồng chí thành viên Ban Chỉ đạo quốc gia về dữ liệu;\n- Sở Nội vụ về việc báo cáo") \
        == ["Các đồng chí thành viên Ban Chỉ đạo quốc gia về dữ liệu", "Sở Nội vụ"]


# -- standard collectives, names joined by "và", newspapers, place lists --------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("- Các Bộ, cơ quan ngang Bộ; cơ quan thuộc Chính phủ;\n- Sở Y tế.",
     ["Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ", "Sở Y tế"]),
    ("Các Sở, ban, ngành; cơ quan Trung ương đóng trên địa bàn tỉnh",
     ["Các Sở, ban, ngành", "Cơ quan Trung ương đóng trên địa bàn tỉnh"]),
    ("Các cơ quan trung ương của các đoàn thể", ["Các cơ quan trung ương của các đoàn thể"]),
])
def test_split_standard_collectives(text: str, expected: list[str]) -> None:
    assert split_agencies(text) == expected


def test_find_collective_of_collectives() -> None:
    assert find_agencies("Đề nghị các cơ quan trung ương của các đoàn thể phối hợp với các bộ, ngành trung ương") \
        == ["Các cơ quan trung ương của các đoàn thể", "Các bộ, ngành trung ương"]


@pytest.mark.parametrize("text", [
    "Giao Ban Quản lý Khu kinh tế Vân Phong và các khu công nghiệp Khánh Hòa chủ trì",
    "Ban Quản lý Khu kinh tế Vân Phong và các khu công nghiệp Khánh Hòa",
])
def test_managed_zones_joined_by_va(text: str) -> None:
    expected = ["Ban Quản lý Khu kinh tế Vân Phong và các khu công nghiệp Khánh Hòa"]
    assert find_agencies(text) == expected
    assert split_agencies(text.removeprefix("Giao ").removesuffix(" chủ trì")) == expected


def test_va_after_ban_quan_ly_still_splits_bodies() -> None:
    assert find_agencies("Ban Quản lý Cảng cá tỉnh và các sở, ngành phối hợp") == [
        "Ban Quản lý Cảng cá tỉnh", "Các sở, ngành"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Đề nghị Báo Khánh Hòa, Đài Phát thanh và Truyền hình Khánh Hòa đăng tải",
     ["Báo Khánh Hòa", "Đài Phát thanh và Truyền hình Khánh Hòa"]),
    ("Báo Nhân dân phối hợp tuyên truyền", ["Báo Nhân dân"]),
    ("BÁO CÁO kết quả thực hiện", []),
    ("THÔNG BÁO Kết luận của Chủ tịch", []),
])
def test_find_newspapers(text: str, expected: list[str]) -> None:
    assert find_agencies(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Hội Luật gia tỉnh Phú Yên, Bình Định (cũ)",
     ["Hội Luật gia tỉnh Phú Yên (cũ)", "Hội Luật gia tỉnh Bình Định (cũ)"]),
    ("Ban Chấp hành Hội Kiến trúc sư tỉnh Hà Giang,\nTuyên Quang và Yên Bái.",
     ["Ban Chấp hành Hội Kiến trúc sư tỉnh Hà Giang", "Ban Chấp hành Hội Kiến trúc sư tỉnh Tuyên Quang",
      "Ban Chấp hành Hội Kiến trúc sư tỉnh Yên Bái"]),
    ("Sở Y tế tỉnh Phú Yên, Sở Nội vụ", ["Sở Y tế tỉnh Phú Yên", "Sở Nội vụ"]),
])
def test_split_place_list(text: str, expected: list[str]) -> None:
    assert split_agencies(text) == expected


def test_find_place_list() -> None:
    text = "Sở Tư pháp đề nghị Ban chấp hành các Hội Luật gia tỉnh Phú Yên, Bình Định (mới) phối hợp"
    assert find_agencies(text) == ["Sở Tư pháp", "Ban chấp hành Hội Luật gia tỉnh Phú Yên (mới)",
                                   "Ban chấp hành Hội Luật gia tỉnh Bình Định (mới)"]
    assert find_agencies("UBND tỉnh Phú Yên, Sở Nội vụ phối hợp") == ["UBND tỉnh Phú Yên", "Sở Nội vụ"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Đoàn Thanh niên, Hội Nông dân tham gia tuyên truyền", ["Đoàn Thanh niên", "Hội Nông dân"]),
    ("Hội Cựu chiến binh và Liên đoàn Lao động phối hợp", ["Hội Cựu chiến binh", "Liên đoàn Lao động"]),
    ("Hội Liên hiệp Phụ nữ huyện", ["Hội Liên hiệp Phụ nữ huyện"]),
    ("đoàn kết, hội nghị và đoàn viên", []),  # the head words in other senses
])
def test_mass_organisations_named_bare(text: str, expected: list[str]) -> None:
    assert find_agencies(text) == expected


def test_the_disaster_command_keeps_its_search_and_rescue_part() -> None:
    text = "Văn phòng Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh tổ chức trực ban"
    assert find_agencies(text) == ["Văn phòng Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh"]
