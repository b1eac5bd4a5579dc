"""Document types of Nghị định 30/2020/NĐ-CP (Điều 7, Phụ lục III) and party documents (HD 36-HD/VPTW)."""

# Type name (title case as it should be output) -> official ký hiệu abbreviation(s).
TYPE_CODES: dict[str, tuple[str, ...]] = {
    "Nghị quyết": ("NQ",),
    "Quyết định": ("QĐ",),
    "Chỉ thị": ("CT",),
    "Quy chế": ("QC",),
    "Quy định": ("QyĐ", "QĐi"),
    "Thông cáo": ("TC",),
    "Thông báo": ("TB",),
    "Hướng dẫn": ("HD",),
    "Chương trình": ("CTr",),
    "Kế hoạch": ("KH",),
    "Phương án": ("PA",),
    "Đề án": ("ĐA",),
    "Dự án": ("DA",),
    "Báo cáo": ("BC",),
    "Biên bản": ("BB",),
    "Tờ trình": ("TTr",),
    "Hợp đồng": ("HĐ",),
    "Công điện": ("CĐ",),
    "Bản ghi nhớ": ("BGN",),
    "Bản thỏa thuận": ("BTT",),
    "Giấy ủy quyền": ("GUQ",),
    "Giấy mời": ("GM",),
    "Giấy giới thiệu": ("GGT",),
    "Giấy nghỉ phép": ("GNP",),
    "Phiếu gửi": ("PG",),
    "Phiếu chuyển": ("PC",),
    "Phiếu báo": ("PB",),
    "Bản sao y": ("SY",),
    "Bản trích sao": ("TrS",),
    "Bản sao lục": ("SL",),
    "Kết luận": ("KL",),
    "Thông tri": ("TT",),
    "Công văn": ("CV",),
    # Legal normative documents that offices also receive.
    "Nghị định": ("NĐ",),
    "Thông tư": ("TT",),
    "Thông tư liên tịch": ("TTLT",),
    "Luật": (),
    "Pháp lệnh": ("PL",),
    "Lệnh": ("L",),
}

# Abbreviation (case-insensitive match) -> type name; "TT" stays ambiguous (Thông tư / Thông tri).
CODE_TYPES: dict[str, str] = {}
for _name, _codes in TYPE_CODES.items():
    for _code in _codes:
        CODE_TYPES.setdefault(_code.casefold(), _name)
CODE_TYPES["qyđ"] = "Quy định"
CODE_TYPES["tt"] = "Thông tư"

# Type names longest first, for matching a printed title line.
TYPE_NAMES = sorted(TYPE_CODES, key=len, reverse=True)

URGENCY = (("hỏa tốc", "Hỏa tốc"), ("thượng khẩn", "Thượng khẩn"), ("khẩn", "Khẩn"))
SECRECY = (("tuyệt mật", "Tuyệt mật"), ("tối mật", "Tối mật"), ("mật", "Mật"))

# Texts of rules: only their articles on carrying them out assign work (the contract's normative-text rule).
NORMATIVE_TYPES = frozenset({"Quy định", "Quy chế", "Điều lệ", "Nội quy", "Luật", "Nghị định", "Thông tư"})
# Plans: every action item is a task, of the issuer when it names no unit (the contract's plan rule).
PLAN_TYPES = frozenset({"Kế hoạch", "Chương trình", "Đề án", "Phương án"})
