"""Tasks: every directive in the clause tree becomes a task with its lead, support, deadline and report-to.

The rules follow the output contract: a clause that directs agencies to act is a task (the smallest such
item); an agency heading passes its agency down; a request to the addressee is led by the recipients;
agreements, facts, quoted rules, conditional boilerplate and sending formulas are not tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from congvan.extractors import agencies
from congvan.extractors.clauses import Clause
from congvan.extractors.deadlines import find_deadline, find_recurrence
from congvan.pipeline.normalize import fold

# Words that make a clause a directive on their own.
DIRECTIVE = re.compile(
    r"\b(giao|yêu cầu|đề nghị|kính đề nghị|kính trình|trình|chủ trì|có trách nhiệm|chịu trách nhiệm|"
    r"trân trọng đề nghị|kiến nghị|đề xuất .{0,40}xem xét|khẩn trương|phải|cần)\b"
)
# Verbs that open an action item under an agency heading or lead-in.
ACTION = re.compile(
    r"^(?:\W*)(chủ trì|phối hợp|tổ chức|triển khai|thực hiện|tham mưu|báo cáo|rà soát|xây dựng|hướng dẫn|"
    r"kiểm tra|theo dõi|đôn đốc|bố trí|tăng cường|tiếp tục|đẩy mạnh|chuẩn bị|gửi|cử|đăng ký|nghiên cứu|"
    r"tập trung|bảo đảm|đảm bảo|khẩn trương|chỉ đạo|tổng hợp|phổ biến|quán triệt|lập|cập nhật|nâng cao|"
    r"thành lập|kiện toàn|tạo điều kiện|tăng|giải quyết|xử lý|công bố|ban hành|phải|cung cấp|đánh giá|"
    r"rà soát|liệt kê|hoàn thiện|hoàn thành|bổ sung|mời|dự|tham dự|tham gia|nghiêm túc|chấp hành|"
    r"thường xuyên|định kỳ|kịp thời|chủ động|làm|đề xuất|trình|quản lý|giám sát|phát huy|sắp xếp|"
    r"tiếp nhận|đề nghị|kiểm soát|duy trì|tuyên truyền|vận động|huy động|sử dụng|ưu tiên|chịu trách nhiệm)\b"
)
NOT_TASK = re.compile(
    r"^\W*(căn cứ|thống nhất|trên đây|xét đề nghị|xét|qua kiểm tra|nhận được|ngày \d|vừa qua|hiện nay|"
    r"trong thời gian qua|kết quả|tình hình|về |đối với|nhằm|mục đích|yêu cầu:$|trân trọng|đây là)"
)
BOILERPLATE = re.compile(
    r"(nếu có (khó khăn|vướng mắc|phát sinh)|trường hợp có (khó khăn|vướng mắc)|có khó khăn, vướng mắc|"
    r"thông báo (để|cho) .{0,120}(biết|thực hiện)\W*$|gửi .{0,80}để (biết|tham khảo)|để tham khảo|"
    r"có hiệu lực (thi hành )?(kể )?từ ngày)"
)
INTRO_TAIL = re.compile(
    r"(?:,?\s*(?:và|để)\s+)?(?:(?:khẩn trương|tiếp tục|chỉ đạo|tập trung|nghiêm túc|tổ chức|phối hợp)\s+)*"
    r"(?:thực hiện|triển khai(?: thực hiện)?|tổ chức thực hiện|chỉ đạo thực hiện|lưu ý)(?:\s+(?:tốt|nghiêm túc))?"
    r"\s+(?:các|một số|những)\s+(?:nội dung|nhiệm vụ|việc|công việc|yêu cầu|giải pháp)"
    r"(?:\s+[^\s:]+){0,4}?\s+(?:sau|như sau)(?:\s+đây)?\s*:?\s*$"
)
ADDRESSEES = re.compile(
    r"\b(quý cơ quan|quý đơn vị|quý địa phương|các cơ quan, đơn vị, địa phương|các cơ quan, địa phương|"
    r"các đơn vị, địa phương|các bộ, ngành, địa phương|các cơ quan, đơn vị|các đơn vị|đơn vị|các địa phương|"
    r"các bộ, cơ quan, địa phương|các đồng chí)\b"
)
EXECUTE = re.compile(r"chịu trách nhiệm (thi hành|thực hiện|tổ chức thực hiện)")
INVITE = re.compile(r"(trân trọng |kính )?(kính )?mời\b.{0,200}\b(dự|tham dự|đến dự|họp)\b", re.I)
REPORT = re.compile(r"báo cáo(?: kết quả[^,;.]{0,60}?)?\s+(?:về |cho |lên )?(?P<to>[^,;.()]{3,80})"
                    r"(?:\s*\(\s*(?:thông )?qua\s+(?P<via>[^)]{3,80})\))?")
SUPPORT = re.compile(r"phối hợp(?: chặt chẽ)?(?: với| cùng)?\s+(?P<who>.+?)(?=\s+(?:để|trong|tổ chức|thực hiện|"
                     r"kiểm tra|tham mưu|triển khai|xây dựng|rà soát|hướng dẫn|theo dõi|đánh giá|tổng hợp|"
                     r"nghiên cứu|giải quyết|xử lý)\b|[;.:]|$)")
MEETING_TIME = re.compile(r"(?:thời gian|vào lúc|vào hồi|lúc)\s*:?\s*.{0,40}?ngày\s*(\d{1,2})\s*(?:tháng\s*|/)"
                          r"(\d{1,2})\s*(?:năm\s*|/)(\d{4})", re.I)


@dataclass
class Context:
    """What the document tells every task: number, date, addressees, issuer, type."""

    number: str | None
    doc_date: date | None
    recipients: list[str]
    issuer: str | None
    doc_type: str | None
    abbreviations: dict[str, str] = field(default_factory=dict)


def extract(tree: list[Clause], ctx: Context) -> tuple[list[dict], list[str]]:
    """All tasks of a document in clause order, plus warnings."""
    tasks: list[dict] = []
    warnings: list[str] = []
    meeting = _meeting(tree, ctx)
    if meeting:
        tasks.append(meeting)
    for root in tree:
        _visit(root, [], ctx, tasks, meeting)
    for task in tasks:
        if not task["lead"]:
            warnings.append(f"task {task['clause']}: no lead agency identified")
    return tasks, warnings


def _visit(node: Clause, inherited: list[str], ctx: Context, tasks: list[dict], meeting: dict | None) -> None:
    heading_agencies = _heading_agencies(node)
    text = node.text.strip()
    key = fold(text)
    own_lead = heading_agencies or _prefix_agencies(text)
    passes = list(own_lead or inherited)
    if node.children:
        intro = _is_intro(node)
        if intro is not None:
            passes = intro or passes
        if intro is None and _is_task(node, key, passes, ctx):
            tasks.append(_task(node, text, passes, ctx, meeting))
        for child in node.children:
            _visit(child, passes, ctx, tasks, meeting)
        return
    if text and _is_task(node, key, passes, ctx) and not (meeting and text == meeting["description"]):
        tasks.append(_task(node, text, passes, ctx, meeting))


def _heading_agencies(node: Clause) -> list[str]:
    """An agency heading ('a) Giám đốc Sở X', 'Giao Sở Y:') names who does the items below it."""
    heading = node.heading or (node.text if node.children and _short_heading(node.text) else None)
    if not heading:
        return []
    stripped = re.sub(r"^(?:giao|yêu cầu|đề nghị)\s+", "", heading.strip(" :"), flags=re.I)
    if ACTION.match(fold(stripped)) or len(stripped) > 160:
        return []
    if agencies.is_agency_start(stripped) or re.match(r"^(Giám đốc|Chủ tịch|Thủ trưởng|Chánh|Trưởng|Các)\b",
                                                       stripped):
        return _resolve(agencies.split_agencies(stripped), [])
    return []


def _short_heading(text: str) -> bool:
    return len(text) < 160 and not text.rstrip().endswith((".", ";"))


def _prefix_agencies(text: str) -> list[str]:
    """'UBND các huyện: Bình Sơn, Mộ Đức: Khẩn trương …' → the agencies before the action."""
    m = re.match(r"^(.{3,200}?):\s+(?=[A-ZĐÀ-Ỹ])", text)
    if not m or not agencies.is_agency_start(re.sub(r"^(Giám đốc|Chủ tịch|Thủ trưởng)\s+", "", m.group(1))):
        return []
    prefix = m.group(1)
    rest = text[m.end():]
    if re.match(r"^[A-ZĐ][^:]{0,120}:\s", rest):  # "UBND các huyện: A, B: Khẩn trương"
        prefix = prefix + ": " + rest.split(":", 1)[0]
    return agencies.split_agencies(prefix)


def _is_intro(node: Clause) -> list[str] | None:
    """A lead-in that only introduces its items ('đề nghị X thực hiện các nội dung sau:'): its agencies."""
    text = node.text.strip()
    if not text.endswith(":"):
        return None
    if not INTRO_TAIL.search(fold(text)) and not re.search(r"\b(sau|như sau)\s*:$", fold(text)):
        return None
    head = INTRO_TAIL.sub("", fold(text))
    action_left = re.sub(r"^.*?\b(yêu cầu|đề nghị|giao)\b", "", head)
    found = agencies.find_agencies(text[: len(head)]) if head else []
    found = [a for a in found if fold(a) not in fold(text[:8])]
    words_left = len(_strip_agencies(action_left, found).split())
    if words_left > 8 and re.search(r"\b(tiếp tục|thực hiện|tổ chức|triển khai|khẩn trương)\b", action_left):
        return None  # it carries an action of its own: a task
    return _who(text, found)


def _strip_agencies(text: str, names: list[str]) -> str:
    for name in names:
        text = text.replace(fold(name), " ")
    return re.sub(r"\b(giám đốc|chủ tịch|thủ trưởng|các sở|sở|ubnd|ủy ban nhân dân)\b", " ", text)


def _is_task(node: Clause, key: str, inherited: list[str], ctx: Context) -> bool:
    if not key or NOT_TASK.match(key) and not re.search(r"\b(đề nghị|yêu cầu|giao)\b", key):
        return False
    if BOILERPLATE.search(key):
        return bool(re.search(r"\bgiao\s+\S", key)) and not key.startswith(("trong quá trình", "trường hợp"))
    doc_type = ctx.doc_type or ""
    if doc_type == "Quyết định":
        return bool(EXECUTE.search(key) or re.match(r"^\W*giao\b", key))
    if doc_type in ("Báo cáo", "Tờ trình"):
        return bool(re.search(r"\b(đề nghị|kính trình|kiến nghị|kính đề nghị)\b", key))
    if _closing_exhortation(key, ctx):
        return False
    if DIRECTIVE.search(key) or EXECUTE.search(key):
        return True
    if inherited and ACTION.match(key):
        return True
    if doc_type in ("Kế hoạch", "Chương trình", "Chỉ thị", "Công điện") and ACTION.match(key):
        return True
    return bool(node.kind in ("letter", "dash", "plus", "number") and ACTION.match(key) and ctx.recipients)


def _closing_exhortation(key: str, ctx: Context) -> bool:
    """'Yêu cầu <the addressees> nghiêm túc, khẩn trương triển khai thực hiện./.' adds no new action."""
    if not re.search(r"(triển khai thực hiện|tổ chức thực hiện|thực hiện nghiêm túc|thực hiện)\W*(\./\.)?\W*$", key):
        return False
    if re.search(r"\bgiao\b", key):
        return False
    body = re.sub(r"^\W*(yêu cầu|đề nghị|kính đề nghị)\s+", "", key)
    body = re.sub(r"(nghiêm túc|khẩn trương|triển khai|tổ chức|thực hiện|tốt|các nội dung|nội dung|"
                  r"công văn này|chỉ thị này|kế hoạch này|trên|nêu trên|\W|và)+$", "", body)
    return len(body) < 260 and bool(agencies.find_agencies(body) or ADDRESSEES.search(body))


def _task(node: Clause, text: str, inherited: list[str], ctx: Context, meeting: dict | None) -> dict:
    lead, support = _lead_support(text, inherited, ctx)
    deadline = find_deadline(text, ctx.doc_date)
    recurrence = find_recurrence(text)
    if deadline is None and meeting and re.search(r"\bchuẩn bị\b", fold(text)) and meeting["deadline"]:
        deadline_obj = {"date": meeting["deadline"]["date"], "kind": "by", "text": "trước cuộc họp"}
    elif deadline is not None:
        deadline_obj = {"date": deadline.date, "kind": deadline.kind, "text": deadline.text}
        recurrence = deadline.recurrence or recurrence
    else:
        deadline_obj = None
    clause = node.path
    return {
        "id": f"{ctx.number or 'document'}#{clause}",
        "clause": clause,
        "title": title(text),
        "description": text,
        "lead": lead,
        "support": support,
        "deadline": deadline_obj,
        "recurrence": recurrence,
        "report_to": _report_to(text),
    }


def _lead_support(text: str, inherited: list[str], ctx: Context) -> tuple[list[str], list[str]]:
    key = fold(text)
    support: list[str] = []
    m = SUPPORT.search(text)
    if m:
        support = _resolve(agencies.split_agencies(m.group("who")), ctx.recipients)
    main = text[: m.start()] if m else text
    explicit = _explicit_lead(main, ctx)
    if explicit:
        lead = explicit
    elif inherited:
        lead = inherited
    elif ADDRESSEES.search(key[:200]) or re.search(r"\b(đề nghị|kính trình|kính đề nghị)\b", key):
        lead = list(ctx.recipients)
    elif (ctx.doc_type or "") in ("Kế hoạch", "Chương trình") and ctx.issuer:
        lead = [ctx.issuer]
    else:
        lead = list(ctx.recipients)
    support = [s for s in support if fold(s) not in {fold(x) for x in lead}]
    return lead, support


_LEAD_PATTERNS = [
    re.compile(r"\b(?:giao|yêu cầu|đề nghị|kính đề nghị|trân trọng đề nghị|kính trình)\s+(?P<who>.+?)"
               r"(?=\s+(?:chủ trì|theo dõi|tổ chức|thực hiện|khẩn trương|tiến hành|tham mưu|nghiên cứu|rà soát|"
               r"xây dựng|hướng dẫn|kiểm tra|triển khai|báo cáo|xem xét|có ý kiến|cho ý kiến|tham gia|gửi|"
               r"tiếp tục|chỉ đạo|bố trí|phối hợp|căn cứ|quan tâm|cập nhật|hoàn|bổ sung|đăng ký|cử|nghiêm|"
               r"tập trung|chịu|có trách nhiệm|theo chức năng|nhanh chóng|sớm|xem|lưu ý)\b|[,;:.]\s|$)", re.I),
    re.compile(r"^(?P<who>.{3,300}?)\s+(?:chủ trì|có trách nhiệm|chịu trách nhiệm|là đầu mối|làm đầu mối)\b", re.I),
]


def _explicit_lead(text: str, ctx: Context) -> list[str]:
    for pattern in _LEAD_PATTERNS:
        for m in pattern.finditer(text):
            who = m.group("who")
            if ADDRESSEES.fullmatch(fold(who).strip()) or re.match(r"^(quý|các đồng chí)\b", fold(who)):
                return list(ctx.recipients)
            found = _resolve(agencies.split_agencies(who) if agencies.is_agency_start(_unhead(who)) else
                             agencies.find_agencies(who), ctx.recipients)
            if found:
                return found
    prefix = _prefix_agencies(text)
    return _resolve(prefix, ctx.recipients) if prefix else []


def _unhead(text: str) -> str:
    return re.sub(r"^(Giám đốc|Phó Giám đốc|Chủ tịch|Thủ trưởng|Chánh Văn phòng|Bộ trưởng|Lãnh đạo|"
                  r"Đ/c|Đồng chí)\s+", "", text.strip(), flags=re.I)


def _resolve(names: list[str], recipients: list[str]) -> list[str]:
    """Collectives that mean the addressees resolve to the recipients list."""
    out: list[str] = []
    for name in names:
        if ADDRESSEES.fullmatch(fold(name).strip()) and recipients:
            out += [r for r in recipients if r not in out]
        elif name not in out:
            out.append(name)
    return out


def _who(text: str, found: list[str]) -> list[str]:
    return found


def _report_to(text: str) -> str | None:
    m = REPORT.search(text)
    if not m:
        return None
    via = m.group("via")
    target = via or m.group("to")
    names = agencies.find_agencies(target)
    return names[0] if names else None


def title(text: str) -> str:
    """A short one-line summary: the action phrase of the first sentence, cut at a clause boundary."""
    first = re.split(r"(?<=[.;])\s|\n", text.strip(), maxsplit=1)[0]
    first = re.sub(r"^.{0,200}?\b(?:giao|yêu cầu|đề nghị|kính đề nghị)\s+", "", first, flags=re.I)
    words = first.split()
    if len(words) > 18:
        first = " ".join(words[:18]) + " …"
    first = first.strip(" :;,.")
    return first[:1].upper() + first[1:] if first else ""


def _meeting(tree: list[Clause], ctx: Context) -> dict | None:
    """An invitation gives one attendance task led by the invitees, on the meeting date."""
    if (ctx.doc_type or "") not in ("Giấy mời", "Công điện", "Công văn", "Thông báo"):
        return None
    nodes = [n for root in tree for n in root.walk()]
    invite = next((n for n in nodes if INVITE.search(n.text) and "mời" in fold(n.text)), None)
    if invite is None:
        return None
    if (ctx.doc_type or "") != "Giấy mời" and not re.search(r"(trân trọng|kính)\s+(kính\s+)?mời", fold(invite.text)):
        return None
    when = None
    for n in [invite] + nodes:
        m = MEETING_TIME.search(n.text) or re.search(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", n.text)
        if m:
            try:
                when = date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
            except ValueError:
                continue
            break
    return {
        "id": f"{ctx.number or 'document'}#meeting",
        "clause": "meeting",
        "title": "Dự họp" if "họp" in fold(invite.text) else "Tham dự",
        "description": invite.text.strip(),
        "lead": list(ctx.recipients),
        "support": [],
        "deadline": {"date": when, "kind": "on", "text": "ngày họp"} if when else None,
        "recurrence": None,
        "report_to": None,
    }
