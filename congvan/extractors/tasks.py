"""Tasks: every directive in the clause tree becomes a task with its lead, support, deadline and report-to.

The rules follow the output contract: a clause that directs agencies to act is a task (the smallest such
item); an agency heading passes its agency down; a request to the addressee is led by the recipients;
agreements, facts, quoted rules, conditional boilerplate and sending formulas are not tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache

from congvan.data.types import NORMATIVE_TYPES
from congvan.extractors import agencies
from congvan.extractors.clauses import Clause
from congvan.extractors.deadlines import Deadline, find_deadline, find_recurrence
from congvan.extractors.meeting import meeting_task
from congvan.extractors.plan_time import heading_deadline, plan_deadline
from congvan.extractors.task_words import (
    ACTION,
    ADDRESSEES,
    ATTENDEES,
    BACKGROUND,
    BOILERPLATE,
    CITED_WORK,
    DIRECTIVE,
    CONTACT,
    DOSSIER,
    EXECUTE,
    IMPLEMENTATION,
    INCOMING,
    PERSON_LINE,
    QUOTED_REQUEST,
    INTRO_TAIL,
    NOT_DIRECTIVE,
    NOT_TASK,
    PURPOSE,
    QUOTES_BASES,
    REPORT,
    REQUEST,
    SEND,
    SUPPORT,
)
from congvan.pipeline.normalize import fold, is_upper


@dataclass
class Context:
    """What the document tells every task: number, date, addressees, issuer, type."""

    number: str | None
    doc_date: date | None
    recipients: list[str]
    issuer: str | None
    doc_type: str | None
    abbreviations: dict[str, str] = field(default_factory=dict)
    subjects: dict[str, list[str]] = field(default_factory=dict)  # _subject_action per text, asked repeatedly
    clauses: dict[str, str] = field(default_factory=dict)  # text by clause path, for "tại khoản 1 nêu trên"
    quoted: set[int] = field(default_factory=set)  # ids of clauses inside a passage quoted from another text
    frame: Deadline | None = None  # the period a heading above sets ("NHIỆM VỤ TRONG NĂM 2026"), while visiting


def extract(tree: list[Clause], ctx: Context) -> tuple[list[dict], list[str]]:
    """All tasks of a document in clause order, plus warnings."""
    tasks: list[dict] = []
    warnings: list[str] = []
    ctx.clauses = {node.path: node.text for root in tree for node in root.walk()}
    ctx.quoted = quoted_clauses(tree)
    meeting = meeting_task(tree, ctx)
    if meeting:
        tasks.append(meeting)
    pending: list[str] = []  # agencies of a top-level lead-in paragraph, passed to the items after it
    if (ctx.doc_type or "") in NORMATIVE_TYPES:
        tree = implementation_articles(tree)
    for index, root in enumerate(tree):
        if root.kind == "para" and not root.children:
            if _completes_quoting_lead_in(tree, index, tasks, ctx, meeting):
                continue
            intro = _intro_agencies(root.text, ctx)
            if intro is not None:
                pending = intro or list(ctx.recipients)
                continue
            pending = [] if _is_task(root, fold(root.text), [], ctx) else pending
        _visit(root, pending if root.kind != "para" else [], ctx, tasks, meeting)
    tasks = _without_closing_repeat(tasks)
    for task in tasks:
        if not task["lead"]:
            warnings.append(f"task {task['clause']}: no lead agency identified")
    return tasks, warnings


def implementation_articles(tree: list[Clause]) -> list[Clause]:
    """In a quy định, quy chế or điều lệ only the articles on carrying it out hold tasks: those of a chapter
    titled so ('Chương IV. TỔ CHỨC THỰC HIỆN') when there is one, else articles titled so ('Tổ chức thực hiện',
    'Trách nhiệm của Sở X', 'Điều khoản thi hành'); the rest state rules."""
    nodes = [n for root in tree for n in root.walk()]
    chapters = [n for n in nodes if n.kind in ("part", "section") and IMPLEMENTATION.match(fold(n.heading or n.text))]
    if chapters:
        return [a for c in chapters for a in c.walk() if a.kind == "article"] or chapters
    return [n for n in nodes if n.kind == "article" and IMPLEMENTATION.match(fold(n.heading or n.text))]


_CLOSING_REQUEST = re.compile(
    r"^\W*(kính |trân trọng )?(đề nghị|trình)\s+[^.;:]{3,120}?\s+(xem xét|cho ý kiến)(\s*,?\s*(quyết định|phê duyệt|"
    r"chỉ đạo|giải quyết|cho ý kiến|chấp thuận))?\W*(\./\.)?\W*$"
)


def _without_closing_repeat(tasks: list[dict]) -> list[dict]:
    """Drop a last 'Kính đề nghị <addressee> xem xét, quyết định./.' that only repeats, as the closing
    formula, a request already made to the same agencies."""
    if len(tasks) < 2 or not _CLOSING_REQUEST.match(fold(tasks[-1]["description"])):
        return tasks
    last = tasks[-1]
    if any(task["lead"] == last["lead"] for task in tasks[:-1]) and last["deadline"] is None:
        return tasks[:-1]
    return tasks


def _visit(node: Clause, inherited: list[str], ctx: Context, tasks: list[dict], meeting: dict | None,
           quoting: bool = False) -> None:
    saved = ctx.frame
    if node.children and _short_heading(node.heading or node.text):
        ctx.frame = heading_deadline(node.heading or node.text, ctx.doc_date) or ctx.frame
    _visit_node(node, inherited, ctx, tasks, meeting, quoting)
    ctx.frame = saved


def _visit_node(node: Clause, inherited: list[str], ctx: Context, tasks: list[dict], meeting: dict | None,
                quoting: bool) -> None:
    text = node.text.strip()
    key = fold(text)
    prefix = _prefix_agencies(text, ctx)
    own = _heading_agencies(node, ctx) or prefix
    passes = own or inherited
    if node.children:
        intro = _intro_agencies(text, ctx)
        quotes = quoting or bool(QUOTES_BASES.search(key)) or bool(DOSSIER.search(key)) or \
            bool(PURPOSE.match(key)) or bool(ATTENDEES.match(key))
        if intro is not None:
            passes = intro or passes or list(ctx.recipients)
        elif not quoting and (not own or quotes) and _strong(key) and _is_task(node, key, inherited, ctx):
            task = _task(node, text + _request_after_quotes(node, quotes), inherited, ctx, meeting)
            tasks.append(task)
            passes = passes if _short_heading(text) else task["lead"]
        for child in node.children:
            _visit(child, passes, ctx, tasks, meeting, quotes)
        return
    if quoting or not text or (meeting and text == meeting["description"]):
        return
    after_prefix = fold(text.split(":", 1)[-1].strip()) if prefix else ""
    if _is_task(node, key, own if own and not prefix else inherited, ctx) or (prefix and ACTION.match(after_prefix)):
        tasks.append(_task(node, text, passes, ctx, meeting))


def _completes_quoting_lead_in(tree: list[Clause], index: int, tasks: list[dict], ctx: Context,
                               meeting: dict | None) -> bool:
    """A request paragraph right after a section whose lead-in asks and then only quotes legal bases ('Đề nghị
    X, căn cứ quy định tại: …') completes that section's task (its date, its wording); True when merged."""
    previous = tree[index - 1] if index else None
    if previous is None or not previous.children or not tasks or tasks[-1]["clause"] != previous.path:
        return False
    if tasks[-1]["deadline"] is not None or not QUOTES_BASES.search(fold(previous.text)):
        return False
    text = tree[index].text.strip()
    if not REQUEST.match(fold(text)):
        return False
    tasks[-1] = _task(previous, previous.text.strip() + "\n" + text, [], ctx, meeting)
    return True


def _request_after_quotes(node: Clause, quotes: bool) -> str:
    """'Đề nghị X, căn cứ quy định tại: - Luật …; - Nghị định …' then a paragraph with the request itself (which
    the clause tree hangs on the last quoted item): that paragraph completes the lead-in's task."""
    if not quotes or not node.children or "\n" not in node.children[-1].text:
        return ""
    tail = node.children[-1].text.split("\n", 1)[1]
    return "\n" + tail if REQUEST.search(fold(tail)) else ""


def _strong(key: str) -> bool:
    """A clause with items below it is a task only when it directs on its own."""
    return bool(REQUEST.search(key) or EXECUTE.search(key) or
                (DIRECTIVE.search(key) and not NOT_DIRECTIVE.search(key)))


def _heading_agencies(node: Clause, ctx: Context) -> list[str]:
    """An agency heading ('a) Giám đốc Sở X', 'Giao Sở Y:') names who does the items below it."""
    heading = node.heading or (node.text if node.children and _short_heading(node.text) else None)
    if not heading:
        return []
    request = REQUEST.search(fold(heading).rstrip(" :"))
    if request and request.start() > 0:
        return []  # "Văn phòng Chính phủ trân trọng đề nghị:": the agency asks, it does not do
    stripped = re.sub(r"^(?:giao|yêu cầu|đề nghị|(?:trách nhiệm|nhiệm vụ)(?:,\s*quyền hạn)? của)\s+", "",
                      heading.strip(" :"), flags=re.I)
    if ACTION.match(fold(stripped)) or len(stripped) > 160 or is_upper(stripped):
        return []
    if agencies.is_agency_start(_unhead(stripped)) or ADDRESSEES.match(fold(stripped)):
        return _agencies_in(stripped, ctx) or _resolve(agencies.split_agencies(stripped), ctx)
    return []


def _short_heading(text: str) -> bool:
    return len(text) < 160 and not text.rstrip().endswith((".", ";"))


def _prefix_agencies(text: str, ctx: Context) -> list[str]:
    """'UBND các huyện: Bình Sơn, Mộ Đức: Khẩn trương …' → the agencies before the action."""
    m = re.match(r"^(.{3,200}?):\s+(?=\S)", text)
    if not m or not agencies.is_agency_start(_unhead(m.group(1))) or _split_who(m.group(1))[1] \
            or re.search(r"\b(dự|cử|được)\b", fold(m.group(1))):
        return []  # "Các Bộ … dự Hội nghị …; gửi về X: …" is a sentence, not an "agency:" prefix
    prefix = m.group(1)
    rest = text[m.end():]
    if re.match(r"^[A-ZĐ][^:]{0,120}:\s", rest) and not ACTION.match(fold(rest)):
        prefix = prefix + ": " + rest.split(":", 1)[0]
    return _resolve(agencies.split_agencies(prefix), ctx)


def _intro_agencies(text: str, ctx: Context) -> list[str] | None:
    """A lead-in that only introduces items ('đề nghị X thực hiện các nội dung sau:'): its agencies.

    None when the text is not a lead-in, or when it carries an action of its own (then it is a task).
    """
    text = text.strip()
    key = fold(text)
    if not key.endswith(":") or BOILERPLATE.search(key):
        return None
    head = INTRO_TAIL.sub("", key)
    # the last request verb asks ("Để đáp ứng yêu cầu …, UBND tỉnh yêu cầu các sở … thực hiện các nội dung sau:");
    # "Văn phòng Chính phủ trân trọng đề nghị:" asks the addressees
    m = next(reversed(list(REQUEST.finditer(head.rstrip(" :")))), None)
    lists_items = bool(re.search(r"\b(sau|như sau|sau đây)\s*:$", key))
    if head == key and not lists_items and not (m and len(head[m.end():].split()) < 12):
        return None
    if not m:
        return [] if re.search(r"\b(sau|như sau|sau đây)\s*:$", key) and not NOT_TASK.match(key) else None
    after = head[m.end():]
    who, rest = _split_who(after)
    start = m.end() + len(after) - len(after.lstrip())
    if len(rest.split()) > 6 and ACTION.search(" " + rest) and not re.match(r"^\W*(thực hiện|triển khai)\W*$", rest):
        return None
    return _agencies_in(text[start: start + len(who)], ctx)


_ACTION_ANY = re.compile(r"\s(?=" + ACTION.pattern.split("(?:\\W*)", 1)[1] + ")")


def _split_who(phrase: str) -> tuple[str, str]:
    """'các Sở: A, B tiếp tục thực hiện …' → ('các Sở: A, B', 'tiếp tục thực hiện …')."""
    phrase = phrase.strip()
    padded = " " + phrase
    for m in _ACTION_ANY.finditer(padded):
        pos = m.start()
        if padded[pos + 1: pos + 2].isupper():
            continue  # "Bộ Xây dựng", "Sở Khoa học và Đầu tư": part of a name, not a verb
        if padded[:pos].rsplit(None, 1)[-1:] in (["Ban"], ["ban"]):
            continue  # "Ban chấp hành", "Ban chỉ đạo", "Ban quản lý", "Ban tổ chức": a body's name
        return phrase[:pos].strip(" ,"), phrase[pos:].strip()
    return phrase, ""


def _agencies_in(who: str, ctx: Context) -> list[str]:
    """Agencies named in a who-phrase; collectives and near-names of the addressees → the recipients."""
    members = agencies.expand_bracketed(who)
    if members:
        return _resolve(members, ctx)
    who = re.sub(r"\([^)]*\)", " ", who)
    key = fold(who).strip(" ,:;")
    if not key:
        return []
    if ADDRESSEES.match(key) or re.match(r"^(quý|các đồng chí)\b", key):
        return list(ctx.recipients)
    names = agencies.find_agencies(who)
    return _resolve([ctx.abbreviations.get(name, name) for name in names] or
                    [full for short, full in ctx.abbreviations.items() if re.search(rf"\b{re.escape(short)}\b", who)],
                    ctx)


def _is_task(node: Clause, key: str, inherited: list[str], ctx: Context) -> bool:
    if node.fields.keys() & {"lead", "support", "time"}:
        return True  # a plan item with its unit or time lines is an action item
    if not key or key.startswith("(") or is_upper(node.text):
        return False
    if id(node) in ctx.quoted or CONTACT.match(key) or PERSON_LINE.match(node.text) or \
            _only_cited_requests(node.text):
        return False
    if node.heading and PURPOSE.match(fold(node.heading)):
        return False  # the text under "I. MỤC ĐÍCH, YÊU CẦU" states aims, it assigns nothing
    doc_type = ctx.doc_type or ""
    if doc_type == "Quyết định":  # "Điều 3. Quyết định này có hiệu lực … X chịu trách nhiệm thi hành …"
        if EXECUTE.search(key) or re.match(r"^\W*giao\b", key):
            return True
        if node.path.split(".")[0] in ("1", "p1") or not node.path[:1].isdigit():
            return False  # what Điều 1 issues, approves or sets up is content, not an assignment
        return bool(DIRECTIVE.search(key) and not NOT_DIRECTIVE.search(key) and _subject_action(node.text, ctx))
    if BOILERPLATE.search(key):
        return bool(re.search(r"\bgiao\s+\S", key)) and not key.startswith(("trong quá trình", "trường hợp"))
    request = REQUEST.search(key)
    if doc_type in ("Báo cáo", "Tờ trình"):
        return bool(re.search(r"\b(đề nghị|kính trình|kiến nghị|kính đề nghị)\b", key)) and request is not None
    if _closing_exhortation(node.text, ctx):
        return False
    subject_action = _subject_action(node.text, ctx)
    background = BACKGROUND.match(key)
    if background and inherited and node.kind != "para" and _item_action(background.group(1), key, node.text):
        background = None  # an item under a lead-in or agency heading carries the action itself
    if background or NOT_TASK.match(key):
        return bool(request) or bool(subject_action)
    if request or EXECUTE.search(key) or subject_action:
        return True
    if DIRECTIVE.search(key) and not NOT_DIRECTIVE.search(key) and (node.kind != "para" or inherited):
        return True
    if inherited and node.kind != "para":
        return True
    if inherited and ACTION.match(key):
        return True
    if doc_type in ("Kế hoạch", "Chương trình", "Chỉ thị", "Công điện") and ACTION.match(key):
        return True
    return bool(node.kind in ("letter", "dash", "plus", "number") and ACTION.match(key) and ctx.recipients)


_OPEN_QUOTES = ("“", '"', "„", "«")
_CLOSE_QUOTES = ("”", '"', "»")


def quoted_clauses(tree: list[Clause]) -> set[int]:
    """Clauses inside a passage quoted from another text: from one that opens with a quotation mark to the one
    that closes it ('“…2. Hồ sơ … gồm:' … 'c) Nghị quyết …”'). Quoted rules assign nothing."""
    quoted: set[int] = set()
    open_quote = False
    for node in (n for root in tree for n in root.walk()):
        text = node.text.strip()
        if not open_quote and text.startswith(_OPEN_QUOTES):
            quoted.add(id(node))
            inner = text[1:]
            open_quote = not inner.rstrip(" ./;").endswith(_CLOSE_QUOTES) and not any(q in inner for q in _CLOSE_QUOTES)
        elif open_quote:
            quoted.add(id(node))
            open_quote = not any(q in text for q in _CLOSE_QUOTES)
    return quoted


_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])")


def _only_cited_requests(text: str) -> bool:
    """A paragraph that opens on the letter being answered and only reports what that letter asks ("Sở Nội vụ
    nhận được Công văn số … của Văn phòng UBND tỉnh đề nghị Sở Nội vụ có ý kiến …") directs no one."""
    first, *rest = _SENTENCE_END.split(text.strip(), 1)
    key = fold(first)
    if not INCOMING.match(key):
        return False
    requests = list(REQUEST.finditer(key))
    if not requests or any(not QUOTED_REQUEST.search(key[: m.start()]) for m in requests):
        return False
    tail = fold(rest[0]) if rest else ""
    return not (REQUEST.search(tail) or DIRECTIVE.search(tail))


def _item_action(opener: str, key: str, text: str) -> bool:
    """An item that opens like background but acts: "Thực hiện thống kê, báo cáo …" (the opener is the
    action unless it cites a document before a new subject), "Sau khi UBND tỉnh ban hành …, tham mưu …"."""
    if opener in ("thực hiện", "triển khai"):
        return not (CITED_WORK.match(key) and re.search(r",\s+[A-ZĐ]", text[:250]))
    if opener in ("sau khi", "trên cơ sở"):
        main = key.split(",", 1)[1] if "," in key else ""
        return bool(ACTION.match(main))
    return False


def _subject_action(text: str, ctx: Context) -> list[str]:
    """'Các cơ quan, đơn vị … thực hiện …' / 'Ủy ban nhân dân các huyện … căn cứ …, phối hợp …' → its agencies."""
    if text not in ctx.subjects:
        ctx.subjects[text] = _find_subject_action(text, ctx)
    return list(ctx.subjects[text])


def _find_subject_action(text: str, ctx: Context) -> list[str]:
    body = re.sub(r"^[^,]{0,200}?,\s*(?=[A-ZĐ]|các\b)", "", text) if BACKGROUND.match(fold(text)) else text
    if not (agencies.is_agency_start(_unhead(body)) or ADDRESSEES.match(fold(body))):
        return []
    who, rest = _split_who(body)
    if not rest or len(who) > 250 or _STATEMENT.search(fold(who).replace("có liên quan", "")):
        return []
    return _agencies_in(who, ctx)


_STATEMENT = re.compile(r"\b(có|là|được|đã|đang|sẽ|nhận được|với|ngày|số)\b")


# "… theo đúng thời gian và đảm bảo chất lượng": how to do it, not what to do
_MANNER_WORDS = (r"theo đúng thời gian(?: quy định)?|đúng thời gian(?: quy định)?|đúng quy định|theo quy định|"
                 r"đảm bảo chất lượng|bảo đảm chất lượng|đảm bảo hiệu quả|hiệu quả|kịp thời")
_MANNER = rf"(\s*,?\s*(?:và\s+)?(?:{_MANNER_WORDS}))*"
_EXHORTATION_END = re.compile(
    r"(triển khai thực hiện|tổ chức thực hiện|thực hiện nghiêm túc|thực hiện)(\s+(tốt|nghiêm túc))?"
    r"(\s+(các|những))?(\s+(nội dung|yêu cầu|nhiệm vụ|công văn|chỉ thị|kế hoạch))?"
    r"(\s+(này|nêu trên|trên))?" + _MANNER + r"\W*(\./\.)?\W*$")
_EXHORTATION_REACH = 160  # the pattern above spans at most this many characters at the end of a text
# What is left of an exhortation once its addressees are taken away: the exhortation words, in any order.
_EXHORTATION_TAIL = re.compile(rf"(nghiêm túc|khẩn trương|triển khai|tổ chức|thực hiện|tốt|các nội dung|nội dung|"
                               rf"công văn này|chỉ thị này|kế hoạch này|trên|nêu trên|\W|và|{_MANNER_WORDS})+$", re.I)


def _closing_exhortation(text: str, ctx: Context) -> bool:
    """'Yêu cầu <the addressees> nghiêm túc, khẩn trương triển khai thực hiện./.' adds no new action."""
    key = fold(text)
    if not _EXHORTATION_END.search(key[-_EXHORTATION_REACH:]):
        return False
    if re.search(r"\bgiao\b", key):
        return False
    body = re.sub(r"^\W*(yêu cầu|đề nghị|kính đề nghị)\s+", "", text.strip(), flags=re.I)
    body = _EXHORTATION_TAIL.sub("", body)
    if ACTION.match(fold(body)):
        return False  # "Tiếp tục tiếp nhận …; báo cáo UBND tỉnh kết quả thực hiện.": actions of its own
    return len(body) < 260 and bool(agencies.find_agencies(body) or ADDRESSEES.search(fold(body)))


def _task(node: Clause, text: str, inherited: list[str], ctx: Context, meeting: dict | None) -> dict:
    lead, support = _lead_support(text, inherited, ctx)
    deadline = find_deadline(text, ctx.doc_date) or _referenced_deadline(text, node.path, ctx)
    recurrence = find_recurrence(text)
    if node.fields:
        lead, support = _field_agencies(node.fields, lead, support, ctx)
        if "time" in node.fields:
            deadline = plan_deadline(node.fields["time"], ctx.doc_date) or deadline
            recurrence = find_recurrence(node.fields["time"]) or recurrence
    if deadline is None and meeting and re.search(r"\bchuẩn bị\b", fold(text)) and meeting["deadline"]:
        deadline_obj = {"date": meeting["deadline"]["date"], "kind": "by", "text": "trước cuộc họp"}
    elif deadline is not None:
        deadline_obj = {"date": deadline.date, "kind": deadline.kind, "text": deadline.text}
        recurrence = deadline.recurrence or recurrence
    elif ctx.frame is not None and recurrence is None:
        deadline_obj = {"date": ctx.frame.date, "kind": ctx.frame.kind, "text": ctx.frame.text}
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


_CROSS_REFERENCE = re.compile(
    r"\b(thời gian|thời hạn|tiến độ)\b[^.;]{0,60}?\b(tại|theo|ở)\s+(khoản|mục|điểm)\s+(?P<id>[0-9a-zđ]{1,3}|[ivx]{1,4})"
    r"\s+(nêu trên|trên|nêu tại)"
)


def _field_agencies(fields: dict[str, str], lead: list[str], support: list[str],
                    ctx: Context) -> tuple[list[str], list[str]]:
    """Lead and support from an item's field lines ('Đơn vị chủ trì: X chủ trì, phối hợp với Y', 'Đơn vị phối
    hợp: Z'), the partners the item's own text names ('phối hợp với W') kept as support."""
    if "lead" in fields:
        value = fields["lead"]
        m = SUPPORT.search(value)
        who, _ = _split_who(value[: m.start()] if m else value)
        lead = _agencies_in(who, ctx) or lead
        support = support + (_agencies_in(m.group("who"), ctx) if m else [])
    if "support" in fields:
        support = support + _resolve(agencies.find_agencies(fields["support"]), ctx)
    keys = {fold(x) for x in lead}
    unique: list[str] = []
    for name in support:
        if fold(name) not in keys and fold(name) not in {fold(x) for x in unique}:
            unique.append(name)
    return lead, unique


def _referenced_deadline(text: str, path: str, ctx: Context):
    """'… hoàn thành theo thời gian được gia hạn tại khoản 1 nêu trên': the deadline set in that clause."""
    m = _CROSS_REFERENCE.search(fold(text))
    if not m:
        return None
    target = m["id"].upper() if m[3] == "mục" and re.fullmatch(r"[ivx]+", m["id"]) else m["id"]
    parts = path.split(".")
    for depth in range(len(parts) - 1, -1, -1):  # a sibling first, then up the tree
        candidate = ".".join(parts[:depth] + [target])
        if candidate != path and candidate in ctx.clauses:
            return find_deadline(ctx.clauses[candidate], ctx.doc_date)
    return None


def _lead_support(text: str, inherited: list[str], ctx: Context) -> tuple[list[str], list[str]]:
    key = fold(text)
    later = _later_giao(text, ctx)
    if later is not None:
        return _lead_support(text[later:], [], ctx)
    executing = EXECUTE.search(key)
    if executing and (ctx.doc_type or "") == "Quyết định":
        sentence = re.split(r"[.\n]\s*(?=[A-ZĐ])", text[: executing.start()])[-1]
        named = _agencies_in(sentence, ctx)
        if named:  # "Chánh Văn phòng UBND tỉnh, Giám đốc Sở X … chịu trách nhiệm thi hành Quyết định này"
            return named, []
    support: list[str] = []
    m = SUPPORT.search(text)
    if m:
        support = _agencies_in(m.group("who"), ctx)
    main = text[: m.start()] if m else text
    explicit = _explicit_lead(main, ctx)
    if inherited and explicit and not REQUEST.search(key[:80]) and not _prefix_agencies(text, ctx) \
            and not _subject_action(text, ctx) and not _topic_subject(text, ctx):
        explicit = []
    if explicit:
        lead = explicit
    elif inherited:
        lead = inherited
    elif ADDRESSEES.search(key[:200]) or REQUEST.search(key):
        lead = list(ctx.recipients)
    elif (ctx.doc_type or "") in ("Kế hoạch", "Chương trình") and ctx.issuer:
        lead = [ctx.issuer]
    else:
        lead = list(ctx.recipients)
    support = [s for s in support if fold(s) not in {fold(x) for x in lead}]
    return lead, support


def _explicit_lead(text: str, ctx: Context) -> list[str]:
    """Who the text itself names: after its (last-sentence 'Giao') request verb, or as its subject."""
    key = fold(text)
    requests = list(REQUEST.finditer(key))
    for m in requests:
        who, _ = _split_who(text[m.end():])
        if not who or ACTION.match(fold(who)):
            break
        if not (agencies.is_agency_start(_unhead(who)) or ADDRESSEES.match(fold(who))):
            continue  # "yêu cầu công tác của mình": a noun, not a request to someone
        found = _agencies_in(who, ctx)
        if found:
            return found
    topic = _topic_subject(text, ctx)
    if topic:
        return topic
    prefix = _prefix_agencies(text, ctx)
    if prefix:
        return prefix
    return _subject_action(text, ctx)


_LABEL = re.compile(r"^(.{3,120}?):\s+(?=\S)")


def _topic_subject(text: str, ctx: Context) -> list[str]:
    """'Thanh tra khoa học và công nghệ: UBND các huyện, thị xã làm đầu mối …' → who acts after the topic."""
    m = _LABEL.match(text)
    if not m:
        return []
    rest = text[m.end():]
    if not (agencies.is_agency_start(_unhead(rest)) or ADDRESSEES.match(fold(rest))):
        return []  # "Sở X: Thực hiện …, Chủ tịch UBND tỉnh giao …": the label is the doer
    return _subject_action(rest, ctx)


def _later_giao(text: str, ctx: Context) -> int | None:
    """'Yêu cầu <the addressees> …. Giao X …': where the sentence with the new action starts."""
    key = fold(text)
    requests = list(REQUEST.finditer(key))
    if len(requests) > 1 and _addressees_only(text[requests[0].end():], ctx) and \
            re.search(r"(^|[.;]\s+)giao\s*$", key[: requests[-1].end()]):
        return requests[-1].start()
    return None


def _addressees_only(phrase: str, ctx: Context) -> bool:
    who, _ = _split_who(phrase)
    names = _agencies_in(who, ctx)
    return bool(names) and all(n in ctx.recipients or re.match(r"^các\b", fold(n)) for n in names)


def _unhead(text: str) -> str:
    return re.sub(r"^(Giám đốc|Phó Giám đốc|Chủ tịch|Thủ trưởng|Chánh Văn phòng|Bộ trưởng|Lãnh đạo|"
                  r"Đ/c|Đồng chí)\s+", "", text.strip(), flags=re.I)


def _resolve(names: list[str], ctx: Context) -> list[str]:
    """Collectives that mean the addressees resolve to the recipients; near-names to the printed recipient."""
    out: list[str] = []
    recipients = ctx.recipients
    for name in names:
        key = fold(name).strip()
        if ADDRESSEES.fullmatch(key) and recipients:
            out += [r for r in recipients if r not in out]
            continue
        near = [r for r in recipients if _near(agencies.agency_key(name), agencies.agency_key(r))]
        name = near[0] if len(near) == 1 and not _specific(name, near[0]) else name
        if name not in out:
            out.append(name)
    return out


def resolve_names(names: list[str], ctx: Context) -> list[str]:
    """Public form of the addressee resolution, for rows of task tables."""
    return _resolve([n for n in names if n.strip()], ctx)


@lru_cache(maxsize=4096)
def _near(a: str, b: str) -> bool:
    """Same agency: equal keys, very similar keys, or a shortened mention of a collective recipient."""
    if a == b:
        return True
    if len(a) > 8 and 2 * min(len(a), len(b)) >= 0.8 * (len(a) + len(b)):
        matcher = SequenceMatcher(None, a, b)
        if matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8:
            return True
    if _LEVEL_ONLY.fullmatch(a) and b.startswith(a + " ") and len(b[len(a):].split()) <= 3:
        return True  # "UBND tỉnh" in a letter to "UBND tỉnh Bình Định": the addressee without its place name
    words_a, words_b = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    return bool(words_a) and words_a <= words_b and a.split()[0] == b.split()[0] and "các" in words_b


_LEVEL_ONLY = re.compile(r"(ubnd|hđnd|ủy ban nhân dân|hội đồng nhân dân) (tỉnh|thành phố|huyện|thị xã|quận|xã|phường|"
                         r"thị trấn)")


def _specific(name: str, recipient: str) -> bool:
    """A named member ('UBND huyện Bình Sơn') is more specific than the group recipient."""
    return len(agencies.agency_key(name)) > len(agencies.agency_key(recipient)) + 3


def _report_to(text: str) -> str | None:
    """Who receives the result: 'báo cáo X (qua Y)' → Y, 'báo cáo về X' → X, else 'gửi X' → X (the first such
    phrase that names a body: 'Hệ thống thông tin báo cáo quốc gia' names none)."""
    for m in REPORT.finditer(text):
        names = agencies.find_agencies(m.group("via") or m.group("to"))
        if names:
            return names[0]
    for sent in SEND.finditer(text):
        if agencies.is_agency_start(sent.group("to")):
            names = agencies.find_agencies(sent.group("to"))
            if names:
                return names[0]
    return None


def title(text: str) -> str:
    """A short one-line summary: the action phrase of the first sentence that is not boilerplate ("Quyết định
    này có hiệu lực …"), cut at a clause boundary."""
    sentences = re.split(r"(?<=[.;])\s|\n", text.strip())
    first = next((s for s in sentences if s.strip() and not BOILERPLATE.search(fold(s))), sentences[0])
    first = re.sub(r"^.{0,200}?\b(?:[Gg]iao|[Yy]êu cầu|[Đđ]ề nghị)\s+(?=[A-ZĐ]|các\b|quý\b)", "", first)
    words = first.split()
    if len(words) > 18:
        first = " ".join(words[:18]) + " …"
    first = first.strip(" :;,.")
    return first[:1].upper() + first[1:] if first else ""
