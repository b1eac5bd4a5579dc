"""Language knowledge for recognising Vietnamese public bodies (cơ quan, đơn vị, tổ chức).

Plain tuples, loaded once by congvan.extractors.agencies. Spelling does not matter for
matching: phrases are compared after NFC, casefold, tone-placement and dash folding, so
"Uỷ ban" matches "Ủy ban" and "Lao động – Thương binh" matches "Lao động - Thương binh".
A clerk's new phrasing is a change here, not in the code.
"""

from __future__ import annotations

# Administrative levels: "UBND tỉnh", "UBND các huyện, thị xã, thành phố", "xã, phường, đặc khu".
LEVEL_WORDS: tuple[str, ...] = (
    "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu", "TP", "khu vực",
)

# Words that may follow a head as (part of) its locality or scope: "Tòa án nhân dân tối cao",
# "Kho bạc Nhà nước", "Bảo hiểm xã hội Việt Nam", "UBND các tỉnh, thành phố trực thuộc Trung ương".
LOCALITY_WORDS: tuple[str, ...] = (
    "nhân dân", "tối cao", "Nhà nước", "Việt Nam", "Trung ương", "TW", "trực thuộc Trung ương",
    "trực thuộc TW", "thuộc Trung ương", "các cấp", "cấp tỉnh", "cấp huyện", "cấp xã",
    "cấp cơ sở", "cấp trung ương", "cấp trên", "cùng cấp",
)

# Head words that begin the name of a body, with how the rest of the name is read:
#   locality  the head is complete in itself; only a locality follows ("UBND tỉnh Lâm Đồng")
#   domain    a field of state management follows ("Sở" + "Tài nguyên và Môi trường"), then a locality
#   generic   any name part follows ("Trung tâm Phục vụ hành chính công tỉnh")
#   prefix    must be followed by another body ("Trung ương" + "Hội Nông dân Việt Nam")
# and whether the next word must be capitalised for the head to count ("cap"): "Bộ Y tế" is a body,
# "Bộ chỉ số", "Bộ phận" are not; "Trường Đại học" is, "Trường hợp" is not.
AGENCY_HEADS: tuple[tuple[str, str, str], ...] = (
    ("Ủy ban nhân dân", "locality", "any"),
    ("UBND", "locality", "any"),
    ("Hội đồng nhân dân", "locality", "any"),
    ("HĐND", "locality", "any"),
    ("Công an", "locality", "any"),
    ("Thanh tra", "locality", "any"),
    ("Kho bạc Nhà nước", "locality", "any"),
    ("Kho bạc", "locality", "any"),
    ("KBNN", "locality", "any"),
    ("Bảo hiểm xã hội", "locality", "any"),
    ("BHXH", "locality", "any"),
    ("Tòa án nhân dân", "locality", "any"),
    ("Tòa án", "locality", "any"),
    ("TAND", "locality", "any"),
    ("Viện kiểm sát nhân dân", "locality", "any"),
    ("Viện kiểm sát", "locality", "any"),
    ("VKSND", "locality", "any"),
    ("Kiểm toán Nhà nước", "locality", "any"),
    ("Ngân hàng Nhà nước", "locality", "any"),
    ("Ngân hàng Chính sách xã hội", "locality", "any"),
    ("Mặt trận Tổ quốc", "locality", "any"),
    ("Ủy ban Mặt trận Tổ quốc", "locality", "any"),
    ("Ủy ban MTTQ", "locality", "any"),
    ("Ủy ban MTTQVN", "locality", "any"),
    ("UBMTTQ", "locality", "any"),
    ("MTTQ", "locality", "any"),
    ("Tỉnh ủy", "locality", "any"),
    ("Thành ủy", "locality", "any"),
    ("Huyện ủy", "locality", "any"),
    ("Thị ủy", "locality", "any"),
    ("Tỉnh đoàn", "locality", "any"),
    ("Thành đoàn", "locality", "any"),
    ("Huyện đoàn", "locality", "any"),
    ("Liên đoàn Lao động", "locality", "any"),
    ("Tổng Liên đoàn Lao động", "locality", "any"),
    ("LĐLĐ", "locality", "any"),
    ("Hội Nông dân", "locality", "any"),
    ("Hội Liên hiệp Phụ nữ", "locality", "any"),
    ("Hội Cựu chiến binh", "locality", "any"),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", "generic", "any"),
    ("Đoàn Thanh niên", "generic", "any"),
    ("Đoàn đại biểu Quốc hội", "locality", "any"),
    ("Đoàn ĐBQH", "locality", "any"),
    ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân", "locality", "any"),
    ("Văn phòng Đoàn ĐBQH và HĐND", "locality", "any"),
    ("Quản lý thị trường", "locality", "any"),
    ("Cục Thuế", "locality", "any"),
    ("Chi cục Thuế", "locality", "any"),
    ("Cục Hải quan", "locality", "any"),
    ("Chi cục Hải quan", "locality", "any"),
    ("Cục Thống kê", "locality", "any"),
    ("Chi cục Thống kê", "locality", "any"),
    ("Bộ đội Biên phòng", "locality", "any"),
    ("Thông tấn xã", "locality", "any"),
    ("Bưu điện", "locality", "cap"),
    ("VNPT", "locality", "any"),
    ("Viettel", "locality", "any"),
    ("Bộ", "domain", "cap"),
    ("Sở", "domain", "cap"),
    ("Ủy ban", "domain", "cap"),
    ("Phòng", "domain", "cap"),
    ("Văn phòng", "generic", "any"),
    ("VP", "generic", "cap"),
    ("Tổng cục", "generic", "any"),
    ("Cục", "generic", "any"),
    ("Chi cục", "generic", "any"),
    ("Vụ", "generic", "cap"),
    ("Ban", "generic", "any"),
    ("Trung tâm", "generic", "any"),
    ("Đoàn", "generic", "any"),
    ("Hội", "generic", "any"),
    ("Hội đồng", "generic", "any"),
    ("Liên đoàn", "generic", "any"),
    ("Tổng Liên đoàn", "generic", "any"),
    ("Công đoàn", "generic", "any"),
    ("Viện", "generic", "cap"),
    ("Đài", "generic", "cap"),
    ("Báo", "generic", "cap"),
    ("Trường", "generic", "cap"),
    ("Bệnh viện", "generic", "any"),
    ("Hiệp hội", "generic", "any"),
    ("Tổng công ty", "generic", "any"),
    ("Công ty", "generic", "any"),
    ("Tập đoàn", "generic", "any"),
    ("Ngân hàng", "generic", "any"),
    ("Học viện", "generic", "cap"),
    ("Đại học", "generic", "cap"),
    ("Quỹ", "generic", "cap"),
    ("Cơ quan", "generic", "cap"),
    ("Chi nhánh", "generic", "cap"),
    ("Trạm", "generic", "cap"),
    ("Tổ công tác", "generic", "any"),
    ("Ủy ban quốc gia", "generic", "any"),
    ("Tổ giúp việc", "generic", "any"),
    ("Đảng ủy", "generic", "any"),
    ("Hạt Kiểm lâm", "generic", "any"),
    ("Cảng vụ", "generic", "any"),
    ("Trung ương", "prefix", "any"),
    ("TW", "prefix", "any"),
    ("Thường trực", "prefix", "any"),
)

# Next words that show a head word is not a body here: "Ban hành", "Hội nghị", "Đoàn kết", "Cục bộ".
HEAD_NOT_BEFORE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Ban", ("hành", "đầu", "ngày", "đêm", "cho", "bố", "nãy", "phát")),
    ("Hội", ("nghị", "thảo", "đàm", "diễn", "thi", "thao", "chợ", "sách", "trường", "họp", "ý", "nhập",
             "viên", "tụ", "trại", "khỏe", "sở", "đủ", "ngộ", "chủ nghĩa")),
    ("Đoàn", ("kết", "viên", "thể", "tụ", "tàu", "xe", "người", "ra", "vào", "đông")),
    ("Cục", ("bộ", "diện", "trưởng")),
    ("Chi cục", ("trưởng",)),
    ("Tổng cục", ("trưởng",)),
    ("Tỉnh ủy", ("viên",)),
    ("Thành ủy", ("viên",)),
    ("Huyện ủy", ("viên",)),
    ("Thị ủy", ("viên",)),
    ("Đảng ủy", ("viên",)),
    ("Văn phòng", ("phẩm",)),
    ("Thanh tra", ("viên",)),
    ("Công an", ("viên", "nhân dân")),
    ("Phòng", ("hội", "họp", "khám", "chờ", "làm việc", "truyền thống")),
    ("Trạm", ("trưởng",)),
    ("Báo", ("cáo", "chí", "động", "giá", "hiệu", "tin", "đáp", "danh", "hại", "thức", "ơn", "trước", "mộng")),
)

# Words before a head that make it part of an ordinary compound, not a body: "xã hội", "cán bộ",
# "cơ sở", "thư viện", "ngân quỹ" (this matters in all-capitals headings: "CỘNG HÒA XÃ HỘI …").
HEAD_NOT_AFTER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Hội", ("xã", "đại", "quốc", "cơ", "lễ", "nghị", "phó")),
    ("Phòng", ("quốc", "văn", "dự", "đề", "phòng")),
    ("Bộ", ("cán", "toàn", "nội", "đồng", "sơ", "tiến", "chi", "đảng", "địa")),
    ("Trường", ("môi", "thị", "hiện", "quảng", "lập", "chiến", "nông", "công", "hội")),
    ("Viện", ("thư", "nghị", "học", "bệnh")),
    ("Đoàn", ("công", "tập", "liên", "sư", "quân", "phái", "đại")),
    ("Cục", ("bố", "kết")),
    ("Vụ", ("nhiệm", "nghĩa", "dịch", "phục", "công", "sự", "nội", "tài", "chức", "thời", "thương", "ngoại",
            "nghiệp", "chính", "cục", "pháp")),
    ("Sở", ("cơ", "trụ", "căn", "hội", "hữu")),
    ("Đài", ("lâu", "kỷ", "khán")),
    ("Quỹ", ("ngân",)),
    ("Ban", ("tiểu",)),
    ("Công an", ("lực lượng",)),
    ("Báo", ("thông", "cảnh", "dự", "tình", "công", "nhật", "họa", "tờ", "đăng", "bích", "phóng", "điện", "tuần",
             "thời", "tập", "hồi", "mật", "tố", "khai")),
)

# Lowercase words allowed right after a head although they are verbs elsewhere:
# "Ban chỉ đạo", "Ban chấp hành", "Hội đồng thẩm định", "Đoàn kiểm tra".
HEAD_FIRST_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Ban", ("chấp hành", "chỉ đạo", "chỉ huy", "chủ nhiệm", "quản lý", "thường vụ", "tổ chức", "tuyên giáo",
             "dân vận", "nội chính", "kinh tế", "pháp chế", "dân tộc", "đại diện", "điều hành", "thi đua",
             "tiếp công dân", "kiểm tra", "giám sát", "giám đốc", "biên tập", "quản trị", "công tác")),
    ("Hội đồng", ("thẩm định", "quản trị", "thi đua", "khoa học", "tư vấn", "xét duyệt", "kỷ luật",
                  "nghiệm thu", "đánh giá", "tuyển dụng", "giám khảo", "phối hợp", "bầu cử")),
    ("Đoàn", ("kiểm tra", "thanh tra", "công tác", "giám sát", "khảo sát", "đánh giá", "luật sư")),
    ("Cục", ("quản lý",)),
    ("Chi cục", ("quản lý", "kiểm lâm")),
    ("Trung tâm", ("phục vụ", "kiểm soát", "xúc tiến", "phát triển", "hỗ trợ", "quản lý", "giám định")),
)

# Committees and boards whose name may go on with "về <topic>": "Ban Chỉ đạo quốc gia về dữ liệu", "Hội đồng
# tư vấn về cải cách thủ tục hành chính", "Tổ công tác về rà soát văn bản". Other bodies end at "về".
TOPIC_HEADS: tuple[str, ...] = (
    "Ban Chỉ đạo", "Ban Điều hành", "Ban Công tác", "Ban Vận động", "Hội đồng", "Tổ công tác", "Tổ giúp việc",
    "Ủy ban quốc gia",
)

# Words after "về" that open a matter, never a committee's topic: "Sở Nội vụ về việc …", "… về kết quả …".
TOPIC_NOT_FIRST: tuple[str, ...] = (
    "việc", "nội dung", "kết quả", "tình hình", "ý kiến", "dự thảo", "đề nghị", "hồ sơ", "thời gian",
    "danh sách", "báo cáo", "nhiệm vụ", "lịch", "các", "những", "một", "số", "trường hợp", "tiến độ",
)

# The most words a committee's topic runs to.
TOPIC_MAX_WORDS = 12

# Zones a "Ban Quản lý" manages, joined by "và" inside one name: "Ban Quản lý Khu kinh tế Dung Quất và các khu
# công nghiệp Quảng Ngãi".
MANAGED_ZONES: tuple[str, ...] = (
    "khu kinh tế", "khu công nghiệp", "khu chế xuất", "khu công nghệ cao", "cụm công nghiệp", "khu kinh tế cửa khẩu",
)

# Complete names without a head word of their own.
FULL_NAMES: tuple[str, ...] = (
    "Chính phủ", "Quốc hội", "Bộ Chính trị", "Ban Bí thư", "Ban Bí thư Trung ương Đảng",
    "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ủy ban Thường vụ Quốc hội", "Văn phòng Chủ tịch nước",
    "Văn phòng Trung ương Đảng",
)

# Names that stand for a body even without a locality ("Tỉnh ủy", "Kiểm toán Nhà nước").
STANDALONE: tuple[str, ...] = (
    "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Thị ủy", "Tỉnh đoàn", "Thành đoàn", "Kiểm toán Nhà nước",
    "Kho bạc Nhà nước", "Ngân hàng Nhà nước", "Ngân hàng Chính sách xã hội", "Bộ Chính trị", "Ban Bí thư",
    "Ban Bí thư Trung ương Đảng", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ủy ban Thường vụ Quốc hội",
    "Văn phòng Chủ tịch nước", "Văn phòng Trung ương Đảng", "Chính phủ", "Quốc hội",
    # the political-social organisations (đoàn thể), named bare for the branch at the writer's own level
    "Đoàn Thanh niên", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Hội Nông dân", "Hội Liên hiệp Phụ nữ",
    "Hội Cựu chiến binh", "Liên đoàn Lao động",
)

# Bodies too general to be an actor when named alone in running text ("Nghị định … của Chính phủ").
TEXT_SKIP: tuple[str, ...] = ("Chính phủ", "Quốc hội")

# Heads of the "locality" kind that may instead be followed by another body: "Thanh tra Sở Y tế".
NESTING_HEADS: tuple[str, ...] = ("Thanh tra",)

# Fields of state management after Bộ / Sở / Ủy ban / Phòng. Longest match wins, so
# "Nông nghiệp và Phát triển nông thôn" beats a shorter entry; entries with commas keep their commas
# when a list is split ("Các Bộ: Y tế, Văn hóa, Thể thao và Du lịch").
DOMAINS: tuple[str, ...] = (
    "Tài nguyên và Môi trường", "Lao động - Thương binh và Xã hội", "Lao động, Thương binh và Xã hội",
    "Lao động Thương binh và Xã hội", "Thông tin và Truyền thông", "Kế hoạch và Đầu tư", "Tài chính",
    "Nội vụ", "Tư pháp", "Y tế", "Công Thương", "Xây dựng", "Giao thông vận tải", "Giao thông - Vận tải",
    "Giao thông - Xây dựng", "Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường",
    "Khoa học và Công nghệ", "Giáo dục và Đào tạo", "Văn hóa, Thể thao và Du lịch",
    "Văn hóa - Thể thao và Du lịch", "Văn hóa và Thể thao", "Văn hóa - Thể thao", "Văn hóa - Thông tin",
    "Văn hóa, Thông tin, Thể thao và Du lịch", "Du lịch", "Ngoại vụ", "Ngoại giao", "Quốc phòng", "Công an",
    "Dân tộc và Tôn giáo", "Dân tộc", "Quy hoạch - Kiến trúc", "Quy hoạch và Kiến trúc", "Kinh tế",
    "Pháp luật và Tư pháp", "Kinh tế và Tài chính", "Quốc phòng, An ninh và Đối ngoại",
    "Quốc phòng và An ninh", "Văn hóa và Xã hội", "Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng",
    "Khoa học, Công nghệ và Môi trường", "Dân nguyện và Giám sát", "Công tác đại biểu", "Pháp luật",
    "Tài chính, Ngân sách", "Đối ngoại", "Về các vấn đề xã hội", "Các vấn đề xã hội",
    "Quản lý vốn nhà nước tại doanh nghiệp", "An toàn giao thông Quốc gia", "Kiểm tra",
)

# Other names whose inner commas must survive a split.
COMMA_NAMES: tuple[str, ...] = (
    "Xúc tiến đầu tư, Thương mại và Du lịch", "Xúc tiến Thương mại, Đầu tư và Du lịch",
    "Xúc tiến Đầu tư, Thương mại, Du lịch", "cơ sở khám bệnh, chữa bệnh", "phòng, chống",
)

# Person titles removed before a body: "Giám đốc Sở X" -> "Sở X". "Chánh" keeps "Văn phòng":
# "Chánh Văn phòng UBND tỉnh" -> "Văn phòng UBND tỉnh".
PERSON_TITLES: tuple[str, ...] = (
    "Bộ trưởng", "Thứ trưởng", "Thủ trưởng", "Thủ tướng", "Phó Thủ tướng", "Giám đốc", "Phó Giám đốc",
    "Tổng Giám đốc", "Phó Tổng Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Chủ nhiệm", "Phó Chủ nhiệm", "Chánh",
    "Phó Chánh", "Chánh án", "Phó Chánh án", "Cục trưởng", "Phó Cục trưởng", "Vụ trưởng", "Phó Vụ trưởng",
    "Tổng cục trưởng", "Phó Tổng cục trưởng", "Chi cục trưởng", "Phó Chi cục trưởng", "Viện trưởng",
    "Phó Viện trưởng", "Trưởng ban", "Phó Trưởng ban", "Phó trưởng ban", "Trưởng phòng", "Phó Trưởng phòng",
    "Phó trưởng phòng", "Trưởng", "Người đứng đầu", "Lãnh đạo", "Đại diện lãnh đạo", "Đại diện", "Bí thư",
    "Phó Bí thư", "Hiệu trưởng", "Phó Hiệu trưởng", "Tư lệnh", "Chỉ huy trưởng", "Chính ủy", "Tổng Thanh tra",
    "Tổng Kiểm toán", "Thống đốc", "Tổng Biên tập", "Trưởng đoàn", "Chủ tịch Hội đồng quản trị",
)

# Courtesy words before a title or a body: "Đ/c Chủ tịch UBND tỉnh".
COURTESY: tuple[str, ...] = (
    "Đ/c", "Đ/C", "Đồng chí", "Các đồng chí", "Ông", "Bà", "Ông/Bà", "Ông (Bà)", "Ông, Bà",
)

# Persons taken as a group, kept whole: "Các đồng chí Thành viên UBND tỉnh".
PERSON_COLLECTIVES: tuple[str, ...] = ("Thành viên",)

# Nouns that make a collective after "các": "các cơ quan, đơn vị", "các Sở", "các bệnh viện".
COLLECTIVE_NOUNS: tuple[str, ...] = (
    "cơ quan", "đơn vị", "địa phương", "sở", "bộ", "ban", "tổ chức", "doanh nghiệp", "đoàn thể", "hội",
    "hiệp hội", "trường", "bệnh viện", "trung tâm", "đại học", "viện", "công ty", "tổng công ty", "tập đoàn",
    "ngân hàng", "quỹ", "văn phòng", "phòng", "cục", "vụ", "chi cục", "tổng cục", "ủy ban", "hội đồng", "đài",
    "chi nhánh", "trạm", "đoàn", "UBND", "Ủy ban nhân dân", "Sở, ban, ngành", "bộ, ngành", "chủ đầu tư",
    "khoa", "phòng ban",
)

# Words after a collective noun that show it is not a body: "các trường hợp", "các vụ việc",
# "các đơn vị hành chính", "các bộ phận".
COLLECTIVE_NOT_BEFORE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("trường", ("hợp",)),
    ("vụ", ("việc", "án", "mùa")),
    ("hội", ("nghị", "thảo", "viên", "thi", "chợ", "diễn")),
    ("ban", ("hành", "đầu")),
    ("phòng", ("họp", "chống", "ngừa", "khám", "bệnh")),
    ("quỹ", ("đất", "lương", "thời gian")),
    ("đoàn", ("viên", "kết")),
    ("bộ", ("phận", "hồ sơ", "tài liệu", "chỉ số", "tiêu chí", "máy", "câu hỏi", "luật", "mẫu", "quy tắc")),
    ("đơn vị", ("hành chính", "tính", "đo")),
    ("sở", ("hữu",)),
    ("cục", ("diện",)),
    ("khoa", ("học",)),
)

# Parents that may follow a name directly: "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy".
PARENT_BODIES: tuple[str, ...] = (
    "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Thị ủy", "Quốc hội", "Trung ương Đảng", "Chính phủ",
)

# Compound nouns read whole even when they hold a verb: "các tổ chức nghiên cứu và phát triển".
COLLECTIVE_PHRASES: tuple[str, ...] = (
    "tổ chức nghiên cứu và phát triển", "tổ chức khoa học và công nghệ", "tổ chức chính trị - xã hội",
    "tổ chức chính trị - xã hội - nghề nghiệp", "tổ chức xã hội - nghề nghiệp", "tổ chức xã hội nghề nghiệp",
    "tổ chức chính trị xã hội", "cơ quan ngang bộ", "cơ quan chuyên môn", "cơ quan báo chí",
    "cơ quan hành chính nhà nước", "cơ quan nhà nước", "đơn vị sự nghiệp công lập", "doanh nghiệp nhà nước",
    "ngân hàng thương mại", "tổ chức tín dụng", "đầu tư xây dựng", "dự án đầu tư xây dựng",
    "phòng, chống", "phòng chống", "cơ sở khám bệnh, chữa bệnh",
)

# What may follow a comma inside a collective: "các sở, ban, ngành", "các cơ quan, đơn vị, địa phương".
COLLECTIVE_CONTINUATIONS: tuple[str, ...] = (
    "ngành", "cá nhân", "cao đẳng", "trực thuộc", "thuộc", "xuất bản", "PTTH", "đoàn thể",
) + COLLECTIVE_NOUNS

# Phrases that continue any name: "các cơ quan, đơn vị có liên quan", "cơ quan ngang bộ".
CONTINUATIONS: tuple[str, ...] = (
    "có liên quan", "liên quan", "trực thuộc", "ngang bộ", "cấp tỉnh", "cấp huyện", "cấp xã", "cấp cơ sở",
    "cấp trung ương",
)

# Of those, the ones after which a name is over: "các đơn vị liên quan, tổ chức thực hiện".
TERMINAL_CONTINUATIONS: tuple[str, ...] = ("có liên quan", "liên quan")

# Compounds read whole inside a name although they hold a stop word: "Ban Chỉ đạo phòng, chống tham
# nhũng", "Ban Quản lý dự án đầu tư xây dựng các công trình …".
NAME_PARTS: tuple[str, ...] = (
    "công trình", "chương trình", "đầu tư xây dựng", "phòng, chống", "phòng chống", "giao thông",
    "tổ chức xã hội", "tiếp nhận và trả kết quả", "và tìm kiếm cứu nạn", "tìm kiếm cứu nạn",
    "chủ dự án",  # "các bộ, cơ quan chủ dự án thành phần": the project owners, not "dự" (attend)
)

# Phrases that continue a collective only: "các bệnh viện trong tỉnh", "… trên địa bàn tỉnh".
COLLECTIVE_TAILS: tuple[str, ...] = (
    "trên địa bàn", "trong tỉnh", "trong ngành", "trong và ngoài tỉnh", "ngoài công lập", "công lập",
    "có giường bệnh",
)

# Words that end a name in running text (checked on lowercase words only, so "Sở Xây dựng" survives).
STOP_PHRASES: tuple[str, ...] = (
    "chủ trì", "phối hợp", "phối kết hợp", "tổ chức", "thực hiện", "có trách nhiệm", "chịu trách nhiệm",
    "khẩn trương", "tham mưu", "báo cáo", "theo dõi", "nghiên cứu", "rà soát", "xây dựng", "hướng dẫn",
    "kiểm tra", "triển khai", "căn cứ", "tiến hành", "chỉ đạo", "về", "để", "trong", "tại", "theo", "đối với",
    "cho", "với", "là", "được", "bị", "đã", "sẽ", "đang", "cần", "phải", "nên", "hoặc", "hay", "thì", "mà",
    "nếu", "khi", "từ", "đến", "trước", "sau", "ngày", "năm", "tháng", "quý", "như", "bằng", "qua",
    "thông qua", "lên", "vào", "ra", "dưới", "giữa", "này", "đó", "nêu", "nơi", "nhằm", "do", "vì", "bởi",
    "đều", "cũng", "vẫn", "luôn", "ngay", "sớm", "kịp thời", "chủ động", "trực tiếp", "thường xuyên",
    "định kỳ", "hằng năm", "hằng tháng", "hằng tuần", "hằng quý", "hàng năm", "hàng tháng", "hàng tuần",
    "hàng quý", "đồng thời", "nhưng", "tuy nhiên", "gồm", "bao gồm", "kèm theo", "đính kèm", "rất", "mong",
    "trân trọng", "kính", "xin", "đề nghị", "đề xuất", "yêu cầu", "giao", "gửi", "cung cấp", "hoàn thành",
    "không", "chưa", "có", "nhận", "nhận được", "ban hành", "quyết định", "xem xét", "tập trung",
    "tăng cường", "đôn đốc", "lập", "cập nhật", "thẩm định", "trình", "thông báo", "biết", "bố trí",
    "đảm bảo", "bảo đảm", "nắm", "giải quyết", "xử lý", "phê duyệt", "phê chuẩn", "tham gia", "tham dự", "dự",
    "cử", "mời", "chuẩn bị", "tổng hợp", "thống kê", "đánh giá", "ký", "phát hành", "tuyên truyền",
    "phổ biến", "quán triệt", "vận động", "hỗ trợ", "kết nối", "xác nhận", "tiếp tục", "tiếp nhận",
    "phản ánh", "nghiêm túc", "công bố", "công khai", "ý kiến", "cho ý kiến", "tham khảo", "đăng ký",
    "đăng tải", "lấy ý kiến", "góp ý", "bổ sung", "sửa đổi", "điều chỉnh", "áp dụng", "đẩy mạnh", "nâng cao",
    "quản lý", "tạo điều kiện", "sử dụng", "nộp", "chuyển", "làm", "phát động", "thẩm tra", "giám sát",
    "thanh tra", "sau đây", "đây", "cùng", "chỉ", "hết", "tất cả", "mỗi", "từng", "theo quy định",
    "tháp tùng", "họp", "giải đáp", "tháo gỡ", "phát hiện", "làm đầu mối", "là đầu mối", "tiếp xúc",
    "đối thoại", "khắc phục", "chấn chỉnh", "thống nhất", "trao đổi", "lưu ý", "quan tâm", "nhanh chóng",
    "có ý kiến", "tích cực", "hoàn thiện", "kiện toàn", "thành lập", "tăng", "giảm", "nhiệm kỳ", "lần thứ",
    "khóa", "chậm nhất", "chậm", "muộn nhất", "liệt kê", "đăng nhập",
    "nhắc nhở", "đồng ý",
    "chấp thuận", "hoạt động",
    "đi", "đi vào", "phạm vi", "kiến nghị", "trả lời", "phúc đáp", "kính trình", "kính đề nghị", "trình bày",
    "giới thiệu", "ghi nhận", "biểu dương", "khen thưởng", "xác định", "thay", "thay mặt", "đại diện",
    "phân công", "chịu", "đảm nhận", "đảm nhiệm", "điều hành", "sắp xếp", "tiếp", "thi hành", "ngày càng",
    "vừa", "còn", "lại", "đưa", "đề ra", "nhiệm vụ", "tình hình", "kết quả",
)

# Single function words that end a name read backwards ("… của Chương trình"); other one-word stops
# may be the second half of a compound ("Chương trình", "Ngoại giao").
FUNCTION_WORDS: tuple[str, ...] = (
    "của", "về", "để", "với", "tại", "theo", "trong", "là", "được", "đã", "sẽ", "thì", "mà", "nếu", "khi",
    "từ", "đến", "này", "đó", "nêu", "như", "bằng", "qua", "hoặc", "hay", "cho", "trên", "dưới", "do", "vì",
)

# A stronger subset, also applied to printed lists: a verb after a name means the name is over.
LIST_STOP_PHRASES: tuple[str, ...] = (
    "chủ trì", "phối hợp", "thực hiện", "có trách nhiệm", "chịu trách nhiệm", "khẩn trương", "tham mưu",
    "báo cáo", "theo dõi", "nghiên cứu", "rà soát", "hướng dẫn", "triển khai", "tiến hành", "chỉ đạo",
    "đề nghị", "xem xét", "tham gia", "căn cứ", "tổng hợp", "đôn đốc", "cập nhật", "hoàn thành", "gửi về",
)

# Stop phrases that may sit inside a printed name ("Các cơ quan, tổ chức", "Đoàn thanh tra"): a printed
# list item is not cut there.
LIST_KEEP: tuple[str, ...] = (
    "tổ chức", "quản lý", "giám sát", "thanh tra", "kiểm tra", "đăng ký", "thống kê", "đánh giá",
    "thẩm định", "hỗ trợ", "tiếp nhận", "phát hành", "tuyên truyền", "công khai",
)

# One-word stops that end a printed item when they follow a lowercase word ("Sở Nội vụ trình …").
LIST_SINGLE_STOPS: tuple[str, ...] = (
    "trình", "gửi", "về", "để", "cho", "với", "theo", "tại", "nhằm", "khi", "nếu", "là", "được", "đã",
    "sẽ", "đang", "cần", "phải", "trong", "từ", "đến", "trước", "sau", "ngày", "qua",
)

# Collectives printed without "các": "Sở, ban, ngành, Ủy ban nhân dân huyện, thị xã là đầu mối".
COLLECTIVE_LISTS: tuple[str, ...] = (
    "Sở, ban, ngành", "Sở, ngành", "Bộ, ngành", "Bộ, cơ quan ngang Bộ", "Cơ quan, đơn vị", "Cơ quan, tổ chức",
    "Cơ quan, đơn vị, địa phương", "Sở, ban, ngành, đoàn thể",
)

# Capitalised words that open a new sentence, never a name part: "… Sở Nội vụ Căn cứ Công văn …".
SENTENCE_STARTERS: tuple[str, ...] = (
    "Căn cứ", "Thực hiện", "Theo", "Để", "Xét", "Phúc đáp", "Nhằm", "Trên cơ sở", "Sau khi", "Hiện nay",
    "Đến nay", "Trân trọng", "Kính gửi", "Kính mời", "Nơi nhận", "Về việc", "V/v", "Đề nghị", "Yêu cầu",
    "Ngày", "Đồng thời", "Tuy nhiên", "Ngoài ra", "Trong", "Tại", "Qua", "Vậy", "Nay", "Như vậy", "Do đó",
    "Vì vậy", "Trường hợp", "Lưu", "Số", "Chủ trì", "Phối hợp", "Thời gian", "Địa điểm", "Thành phần",
    "Khẩn trương", "Tổ chức", "Tập trung", "Thực hiện", "Điện thoại", "Địa chỉ", "Email", "Fax", "Cộng hòa",
    "Công hòa", "Độc lập", "Báo cáo", "Tham mưu", "Rà soát", "Hướng dẫn", "Theo dõi", "Triển khai",
    "Tiến hành", "Tiếp tục", "Kiểm tra", "Nghiên cứu", "Chỉ đạo", "Giao", "Mời",
)

# Names of documents and events: capitalised, yet never part of a body's name after it
# ("Công đoàn Việt Nam và Nghị quyết Đại hội …").
DOCUMENT_WORDS: tuple[str, ...] = (
    "Nghị quyết", "Quyết định", "Công văn", "Thông báo", "Chương trình", "Đề án", "Luật", "Nghị định",
    "Thông tư", "Chỉ thị", "Tờ trình", "Điều lệ", "Quy chế", "Đại hội", "Hội nghị", "Kế hoạch", "Văn bản",
    "Điều",
)

# Parents that a "của" suffix may name as part of the body: "Ủy ban Văn hóa và Xã hội của Quốc hội".
CUA_PARENTS: tuple[str, ...] = ("Quốc hội", "Chính phủ", "Ủy ban Thường vụ Quốc hội", "Bộ")

# "Quý cơ quan", "Quý Bộ": the addressee named by courtesy.
ADDRESSEE_COURTESY: tuple[str, ...] = ("Quý",)

# After "Thủ trưởng cơ quan …" these bare nouns stand for the whole class: "Các cơ quan ngang Bộ".
PLURAL_AFTER_TITLE: tuple[str, ...] = (
    "cơ quan", "đơn vị", "sở", "ban", "ngành", "bộ", "địa phương", "tổ chức", "doanh nghiệp",
)

# Family names: a title + body + a run of capitalised words led by one of these is a named person
# ("Phó Chủ tịch UBND tỉnh Nguyễn Văn A") and is kept as printed.
SURNAMES: tuple[str, ...] = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Trương", "Lâm", "Phùng", "Mai", "Tô", "Tạ", "Hà", "Châu",
    "Cao", "Lương", "Đinh", "Quách", "Lưu", "Thái", "Đàm", "Lục", "La", "Kiều", "Chu", "Triệu", "Thân",
    "Nông", "Lò", "Hứa", "Từ", "Tăng", "Khúc", "Diệp", "Giang", "Âu", "Mạc", "Tôn", "Thạch", "Lã", "Ninh",
)

# Places that look like personal names.
PERSON_LIKE_PLACES: tuple[str, ...] = ("Hồ Chí Minh", "Trần Văn Thời", "Phan Rang - Tháp Chàm")

# Labels that may precede an addressee list.
LIST_LABELS: tuple[str, ...] = ("Kính gửi", "Đồng kính gửi", "Kính mời", "Thành phần", "Điện")

# Levels whose units may be numbered: "Quận 1", "Phường 3", "Khu vực 2" (folded keys).
NUMBERED_LEVELS: tuple[str, ...] = ("quận", "phường", "vực")

# Collective nouns that name a category of bodies, not a head: "các cơ quan: …" lists full names, not "Cơ quan X".
CATEGORY_NOUNS: tuple[str, ...] = (
    "cơ quan", "đơn vị", "địa phương", "tổ chức", "doanh nghiệp", "đoàn thể", "Sở, ban, ngành", "bộ, ngành",
)

# Councils an office may serve jointly (folded keys): a "Văn phòng" name read so far that equals one of these
# runs on over "và UBND …" ("Văn phòng HĐND và UBND huyện").
JOINT_OFFICES: tuple[str, ...] = (
    "hđnd", "hội đồng nhân dân", "đoàn đbqh", "đoàn đại biểu quốc hội", "đoàn đbqh và hđnd",
)
