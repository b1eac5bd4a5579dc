"""Positions a signer holds (Nghị định 30/2020/NĐ-CP, Phụ lục I: "chức vụ của người ký"), in capitals as printed.

A signature block prints the authority lines (TM. / KT. / TL. / TUQ. / Q. …), then the signer's own position,
sometimes a second position he also holds ("PHÓ CHỦ TỊCH UBND TỈNH"), then the name. The list lets the signer
extractor take the position at the start of the title lines and stop there.
"""

KNOWN_TITLES: tuple[str, ...] = (
    "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHỦ TỊCH NƯỚC", "PHÓ CHỦ TỊCH NƯỚC", "PHÓ CHỦ TỊCH THƯỜNG TRỰC",
    "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TỔNG GIÁM ĐỐC", "PHÓ TỔNG GIÁM ĐỐC",
    "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC",
    "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG",
    "BỘ TRƯỞNG", "THỨ TRƯỞNG", "THỦ TƯỚNG", "PHÓ THỦ TƯỚNG",
    "CHỦ NHIỆM", "PHÓ CHỦ NHIỆM",
    "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "TỔNG CỤC TRƯỞNG", "PHÓ TỔNG CỤC TRƯỞNG",
    "CHI CỤC TRƯỞNG", "PHÓ CHI CỤC TRƯỞNG",
    "VỤ TRƯỞNG", "PHÓ VỤ TRƯỞNG", "VIỆN TRƯỞNG", "PHÓ VIỆN TRƯỞNG",
    "CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA", "CHÁNH ÁN", "PHÓ CHÁNH ÁN",
    "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "TRƯỞNG KHOA", "PHÓ TRƯỞNG KHOA",
    "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG",
    "BÍ THƯ", "PHÓ BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC",
    "TỔNG THƯ KÝ", "PHÓ TỔNG THƯ KÝ", "TỔNG BIÊN TẬP", "PHÓ TỔNG BIÊN TẬP",
    "TRƯỞNG ĐOÀN", "PHÓ TRƯỞNG ĐOÀN", "TỔ TRƯỞNG", "TỔ PHÓ",
    "CHỈ HUY TRƯỞNG", "PHÓ CHỈ HUY TRƯỞNG", "TƯ LỆNH", "PHÓ TƯ LỆNH",
)

# The unit a head-of-unit title names after it ("VỤ TRƯỞNG / VỤ TỔ CHỨC PHI CHÍNH PHỦ"): the title's own word for
# its unit. A line that starts with it completes the title; any other line under the title is a second post.
UNIT_OF_TITLE: dict[str, str] = {
    "VỤ TRƯỞNG": "VỤ", "CỤC TRƯỞNG": "CỤC", "TỔNG CỤC TRƯỞNG": "TỔNG CỤC", "CHI CỤC TRƯỞNG": "CHI CỤC",
    "VIỆN TRƯỞNG": "VIỆN", "TRƯỞNG PHÒNG": "PHÒNG", "TRƯỞNG KHOA": "KHOA", "TRƯỞNG BAN": "BAN",
    "HIỆU TRƯỞNG": "TRƯỜNG", "CHÁNH VĂN PHÒNG": "VĂN PHÒNG", "CHÁNH THANH TRA": "THANH TRA",
}


# Police and army ranks printed before a signer's name ("Thượng tướng Nguyễn Văn Long"): not part of the name.
RANKS: tuple[str, ...] = tuple(f"{grade} {rank}" for rank in ("tướng", "tá", "úy")
                               for grade in ("Đại", "Thượng", "Trung", "Thiếu"))
