"""The words that decide what a clause is: requests, directives, background, boilerplate, addressees, report-to.

Each pattern runs on folded text (NFC, casefolded, new-style tone marks) unless its comment says otherwise.
"""

from __future__ import annotations

import re

# A request to someone (not the noun: "theo đề nghị của", "việc đề nghị", "nhiệm vụ được giao").
# "giao" assigns, except inside other words: ngoại giao, bàn giao, chuyển giao, giao thông, giao dịch, …
_GIAO = (r"(?<!ngoại )(?<!bàn )(?<!chuyển )(?<!bị )giao(?! thông| dịch| lưu| tiếp| kết| hàng| nhận| đất| rừng| khoán"
         r"| ban| thừa| diện| hữu| thoa| tranh| điểm| nộp| thương)")
REQUEST = re.compile(
    r"(?<!việc )(?<!theo )(?<!xét )(?<!các )(?<!có )(?<!được )(?<!đã )(?<!dung )"
    r"(?<!bản )(?<!văn )"
    rf"(?:(?<=do đó )|(?<!đó ))(?<!đạt )(?<!theo )\b({_GIAO}|yêu cầu|đề nghị|kiến nghị|kính trình)\b"
    r"(?! của| số| tại|:$| này| do| đặt| nêu| trên)"
)
# Words that make a clause a directive on their own.
DIRECTIVE = re.compile(
    r"\b(chủ trì(?! (hội nghị|cuộc họp|họp))|có trách nhiệm|chịu trách nhiệm|khẩn trương|phải|cần)\b"
)
NOT_DIRECTIVE = re.compile(r"\bdo .{0,80}chủ trì|\bđồng chủ trì|chủ trì (hội nghị|cuộc họp)")
BACKGROUND = re.compile(
    r"^\W*(trong thời gian qua|thời gian qua|vừa qua|nhằm|để|thực hiện|triển khai|đến nay|hiện nay|qua |"
    r"ngày \d|căn cứ|xét|trên cơ sở|tiếp theo|phúc đáp|theo (?!dõi)|sau khi|được sự|[^,.]{0,80}\bnhận được\b)"
)
# "Thực hiện Công văn số …, Sở X đã …": the document being carried out opens a statement, not an action.
CITED_WORK = re.compile(
    r"^\W*(thực hiện|triển khai)\s+(\S+\s+){0,3}?(công văn|văn bản|chỉ thị|nghị quyết|nghị định|quyết định|"
    r"kế hoạch|thông báo|kết luận|ý kiến|chỉ đạo|chương trình|luật|thông tư|công điện|đề án|hướng dẫn)\b"
)
# Verbs that open an action item under an agency heading or lead-in.
ACTION = re.compile(
    r"^(?:\W*)(chủ trì|phối hợp|tổ chức|triển khai|thực hiện|tham mưu|báo cáo|rà soát|xây dựng|hướng dẫn|"
    r"kiểm tra|theo dõi|đôn đốc|bố trí|tăng cường|tiếp tục|đẩy mạnh|chuẩn bị|gửi|cử|đăng ký|nghiên cứu|"
    r"nhắc nhở|"
    r"tập trung|bảo đảm|đảm bảo|khẩn trương|chỉ đạo|tổng hợp|phổ biến|quán triệt|lập|cập nhật|nâng cao|"
    r"thành lập|kiện toàn|tạo điều kiện|tăng|giải quyết|xử lý|công bố|ban hành|phải|cung cấp|đánh giá|"
    r"rà soát|liệt kê|hoàn thiện|hoàn thành|bổ sung|mời|tham gia|nghiêm túc|chấp hành|căn cứ|"
    r"thường xuyên|định kỳ|kịp thời|chủ động|làm|đề xuất|trình|quản lý|giám sát|phát huy|sắp xếp|"
    r"tiếp nhận|đề nghị|kiểm soát|duy trì|tuyên truyền|vận động|huy động|sử dụng|ưu tiên|chịu trách nhiệm|"
    r"có trách nhiệm|có nhiệm vụ|cần|có văn bản(?! số)|"
    r"xem xét|phê duyệt|phê chuẩn|quyết định|cho ý kiến|có ý kiến|tham gia ý kiến|góp ý|là đầu mối|làm đầu mối|"
    r"đầu tư|tiến hành|phân công|hỗ trợ|tăng cường|tiếp tục|"
    r"cân đối|phân bổ|nâng cấp|số hóa|khắc phục|tập huấn|bồi dưỡng|hoàn chỉnh|điều chỉnh|"
    r"là cơ quan thường trực|là cơ quan đầu mối|là cơ quan chủ trì|là đơn vị đầu mối|là đơn vị chủ trì)\b"
)
NOT_TASK = re.compile(
    r"^\W*(căn cứ|thống nhất|đồng ý|nhất trí|chấp thuận|trên đây|xét đề nghị|xét|qua kiểm tra|nhận được|ngày \d|"
    r"(chủ trì|thành phần|thời gian|địa điểm)(\s+(mời|tham dự|dự họp|cuộc họp|hội nghị))*\s*:|"
    r"vừa qua|hiện nay|"
    r"trong thời gian qua|kết quả|tình hình|về |đối với|nhằm|mục đích|yêu cầu:$|trân trọng|đây là)"
)
BOILERPLATE = re.compile(
    r"(nếu có (gì )?(khó khăn|vướng mắc|phát sinh)|trường hợp có (khó khăn|vướng mắc)|có khó khăn, vướng mắc|"
    r"thông báo (để|cho) .{0,120}(biết|thực hiện)\W*$|gửi .{0,80}để (biết|tham khảo)|để tham khảo|"
    r"có hiệu lực (thi hành )?(kể )?từ ngày|"
    # the closing sending formula: "Kính gửi Sở Nội vụ tổng hợp, theo dõi./."
    r"^\W*kính gửi [^.;:]{2,120}?\s(để\s)?(biết|tổng hợp|theo dõi)(\s*(,|và)\s*(biết|tổng hợp|theo dõi))*"
    r"( theo quy định)?\W*$)"
)
INTRO_TAIL = re.compile(
    r"(?:,?\s*(?:và|để)\s+)?(?:(?:khẩn trương|tiếp tục|chỉ đạo|tập trung|nghiêm túc|tổ chức|phối hợp)\s+)*"
    r"(?:thực hiện|triển khai(?: thực hiện)?|tổ chức thực hiện|chỉ đạo thực hiện|lưu ý)"
    r"(?:\s+(?:ngay|tốt|nghiêm túc|khẩn trương|kịp thời|hiệu quả))*"
    r"\s+(?:các|một số|những)\s+(?:nội dung|nhiệm vụ|việc|công việc|yêu cầu|giải pháp)"
    r"(?:\s+[^\s:]+){0,4}?\s+(?:sau|như sau)(?:\s+đây)?\s*:?\s*$"
)
ADDRESSEES = re.compile(
    r"\b(quý cơ quan|quý đơn vị|quý địa phương|các cơ quan, đơn vị, địa phương|các cơ quan, địa phương|"
    r"các sở, ban, ngành, địa phương|các sở, ngành, địa phương|"
    r"các đơn vị, địa phương|các bộ, ngành, địa phương|các cơ quan, đơn vị|các đơn vị|đơn vị|các địa phương|"
    r"các bộ, cơ quan, địa phương|các đồng chí)\b"
)
ATTENDEES = re.compile(r"^\W*thành phần(\s+(mời|tham dự|dự họp))*\s*:")  # a list of invitees, not of tasks
# A lead-in that goes on to quote legal bases or rules ("căn cứ quy định tại:"): its items assign nothing.
QUOTES_BASES = re.compile(r"\b(căn cứ|quy định tại|theo quy định)\b(?!.*\b(có|chịu) trách nhiệm\b).*:$")
# The heading of a body's duties ("Nhiệm vụ và quyền hạn của Ban Chỉ đạo", "Chức năng, nhiệm vụ"): in a quyết
# định that sets the body up, each item under it is one of its tasks.
DUTIES = re.compile(r"^\W*(chức năng\s*(,|và)\s*)?nhiệm vụ(\s*(,|và)\s*quyền hạn)?(\s+của\s+[^.;:]{2,120})?\W*$")
# What a quyết định sets up: "Thành lập Ban Chỉ đạo …", "Kiện toàn Hội đồng …".
FOUNDS = re.compile(r"^\W*(thành lập|kiện toàn|thành lập và kiện toàn|tổ chức lại)\s+(?=\S)")
# ("Căn cứ vào Điều 1 …, Sở X có trách nhiệm:" assigns: its items are duties, not quoted rules)
# The sections of a plan that state aims, targets or background: their items assign nothing.
PURPOSE = re.compile(r"^\W*(mục đích|yêu cầu|mục tiêu|chỉ tiêu|căn cứ|kết quả|tình hình|đánh giá|quan điểm|"
                     r"sự cần thiết|bối cảnh)[^.:]{0,60}$")
EXECUTE = re.compile(r"chịu trách nhiệm (thi hành|thực hiện|tổ chức thực hiện)")
INVITE = re.compile(r"(trân trọng |kính )?(kính )?mời\b.{0,200}\b(dự|tham dự|đến dự|họp)\b", re.I)
REPORT = re.compile(r"[Bb]áo cáo(?: kết quả[^,;.]{0,60}?)?\s+(?:về |cho |lên )?(?P<to>[^,;.()]{3,80})"
                    r"(?:\s*\(\s*(?:thông )?qua\s+(?P<via>[^)]{3,80})\))?")
SEND = re.compile(r"\b[Gg]ửi\s+(?:về\s+|cho\s+|đến\s+)?(?P<to>[^,;.()]{3,80})")
SUPPORT = re.compile(r"phối hợp(?: chặt chẽ)?(?: với| cùng)?\s+(?P<who>.+?)(?=\s+(?:để|trong|tổ chức|thực hiện|"
                     r"kiểm tra|tham mưu|triển khai|xây dựng|rà soát|hướng dẫn|theo dõi|đánh giá|tổng hợp|"
                     r"nghiên cứu|giải quyết|xử lý)\b|[;.:]|$)")
MEETING_TIME = re.compile(r"(?:thời gian|vào lúc|vào hồi|lúc)\s*:?\s*.{0,40}?ngày\s*(\d{1,2})\s*(?:tháng\s*|/)"
                          r"(\d{1,2})\s*(?:năm\s*|/)(\d{4})", re.I)
# The title of an article or chapter on carrying a normative text out (its other articles state rules).
IMPLEMENTATION = re.compile(r"^\W*(tổ chức thực hiện|trách nhiệm (của|thi hành|thực hiện|tổ chức thực hiện)|"
                            r"trách nhiệm\W*$|điều khoản thi hành|hiệu lực và trách nhiệm|phân công (trách nhiệm|"
                            r"thực hiện)|nhiệm vụ (của|cụ thể))")
# A sentence that opens on the letter or text being answered or carried out ("Sở X nhận được Công văn số … của
# Y đề nghị …", "Thực hiện ý kiến chỉ đạo tại Công văn số …, trong đó, giao …"): its requests are the cited text's.
INCOMING = re.compile(
    r"^\W*(?:(?:\S+\s+){0,8}?(?:nhận được|tiếp nhận)|căn cứ|thực hiện|triển khai|theo|phúc đáp|trả lời|tiếp theo)\s"
    r".{0,80}?\b(công văn|văn bản|tờ trình|báo cáo|quyết định|kế hoạch|thông báo|ý kiến|chỉ đạo|đơn|kết luận|"
    r"công điện|chỉ thị|nghị quyết|thông tư|nghị định|giấy mời|phiếu)\b"
)
# What comes right before a request that belongs to the cited text: its author ("… của Văn phòng UBND tỉnh đề
# nghị"), its subject ("về việc đề nghị") or its content ("trong đó, giao").
QUOTED_REQUEST = re.compile(r"(\bcủa\s[^,;]{2,150}|\bvề việc|\btrong đó,?|\btheo đó,?|\bnội dung)\s*$")
# Contact details under a letter: a person and how to reach them, not a task.
CONTACT = re.compile(r"^\W*(chức vụ|đơn vị công tác|(số )?điện thoại( liên hệ)?|sđt|email|e-mail|địa chỉ|họ và tên|"
                     r"họ tên|ngày sinh|đầu mối liên hệ|người liên hệ|cán bộ (đầu mối|liên hệ)|fax)\s*:")
PERSON_LINE = re.compile(r"^\W*(Ông|Bà|Đồng chí|Đ/c)\s+(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s*){2,5}\W*$")
# A list of the papers of a dossier ("Hồ sơ gồm:", "Thành phần hồ sơ:"): its items are papers, not tasks.
DOSSIER = re.compile(r"\b(hồ sơ|thành phần hồ sơ|tài liệu)\b[^.:]{0,120}\b(gồm|bao gồm)\b[^.]*:$|^\W*thành phần hồ sơ|"
                     r"^\W*hồ sơ(?: (?:cần nộp|nộp|đề nghị|xét [^.:;]{1,40}))?\W*$")  # a section headed "II. HỒ SƠ"
# "các hội do Đảng, Nhà nước giao nhiệm vụ", "nhiệm vụ do UBND tỉnh giao": who assigned it, not a request.
PASSIVE_GIAO = re.compile(r"\bdo\s+(?:[^\s.;:]+[ ,]+){1,6}?giao\b")
# "Ý kiến góp ý xin gửi về Bộ Tài chính trước ngày …": the addressees are asked to send something back by a date.
SEND_BACK = re.compile(r"^\W*(ý kiến|văn bản|báo cáo|kết quả|hồ sơ|danh sách|đăng ký)[^.;]{0,60}?\b(xin |đề nghị |"
                       r"vui lòng )?gửi (về|đến|cho)\b[^.]{0,160}\b(trước|chậm nhất|trong)\b")
# A lead-in to the issuer's answer, not to assignments: "Bộ Nội vụ có ý kiến như sau:", "… trả lời như sau:".
OPINION_INTRO = re.compile(r"\b((có|cho|nêu|tham gia) ý kiến( góp ý)?|trả lời|thông tin|giải thích)( cụ thể)?"
                           r"( như sau| sau đây| về các nội dung sau)\s*:$")
