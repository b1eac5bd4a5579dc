"""Tasks: every directive in the clause tree becomes a task with its lead, support, deadline and report-to.

The rules follow the output contract: a clause that directs agencies to act is a task (the smallest such
item); an agency heading passes its agency down; a request to the addressee is led by the recipients;
agreements, facts, quoted rules, conditional boilerplate and sending formulas are not tasks.
"""

from __future__ import annotations

import re
from dataclasses import replace

from congvan.data.types import NORMATIVE_TYPES, PLAN_TYPES
from congvan.extractors import agencies
from congvan.extractors.clauses import Clause
from congvan.extractors.context import Context
from congvan.extractors.meeting import meeting_task, repeats_invitation
from congvan.extractors.plan_time import heading_deadline
from congvan.extractors.task_agencies import (
    heading_agencies,
    intro_agencies,
    issuer_request,
    prefix_agencies,
    reports_lead_in,
    short_heading,
    split_who,
    subject_action,
)
from congvan.extractors.task_fields import build_task
from congvan.extractors.task_filters import implementation_articles, only_cited_requests, quoted_clauses
from congvan.extractors.task_words import (
    ACTION,
    ADDRESSEES,
    ATTENDEES,
    BACKGROUND,
    BOILERPLATE,
    CITED_WORK,
    CONTACT,
    DIRECTIVE,
    DOSSIER,
    DUTIES,
    EXECUTE,
    FOUNDS,
    NOT_DIRECTIVE,
    NOT_TASK,
    OPINION_INTRO,
    PASSIVE_GIAO,
    PERSON_LINE,
    PURPOSE,
    QUOTES_BASES,
    REQUEST,
    SEND_BACK,
)
from congvan.text.normalize import fold, is_upper


def extract(tree: list[Clause], ctx: Context) -> tuple[list[dict], list[str]]:
    """All tasks of a document in clause order, plus warnings."""
    tasks: list[dict] = []
    warnings: list[str] = []
    ctx.clauses = {node.path: node.text for root in tree for node in root.walk()}
    ctx.quoted = quoted_clauses(tree)
    ctx.founded = _founded_body(tree, ctx) if (ctx.doc_type or "") == "Quyết định" else []
    if ctx.founded:  # "… của Tổ công tác" later names it by its first words
        words = ctx.founded[0].split()
        ctx.abbreviations = {**{" ".join(words[:k]): ctx.founded[0] for k in range(2, min(5, len(words)))},
                             **ctx.abbreviations}
    first = _SHORT_NAME.match(fold(tree[0].text)) if tree and ctx.recipients else None
    if first:  # "(Sau đây viết tắt là BHXH các tỉnh)" right after the addressees names them all
        ctx.addressee_aliases = {first.group("alias").strip()}
    meeting = meeting_task(tree, ctx)
    if meeting:
        tasks.append(meeting)
    pending: list[str] = []  # agencies of a top-level lead-in paragraph, passed to the items after it
    asked: list[str] = []  # the agencies of the first top-level lead-in that names them
    if (ctx.doc_type or "") in NORMATIVE_TYPES:
        tree = implementation_articles(tree)
    for index, root in enumerate(tree):
        if root.kind == "para" and not root.children:
            if _completes_quoting_lead_in(tree, index, tasks, ctx, meeting):
                continue
            if OPINION_INTRO.search(fold(root.text)) or reports_lead_in(root.text, ctx):
                pending = []  # "Bộ Nội vụ có ý kiến như sau:": the items are opinions, each a task only on its own
                continue
            intro = intro_agencies(root.text, ctx)
            if intro is not None:
                pending = intro or list(ctx.recipients)
                asked = asked or intro
                continue
            pending = [] if _is_task(root, fold(root.text), [], ctx) else pending
        _visit(root, pending if root.kind != "para" else [], ctx, tasks, meeting)
    tasks = _without_closing_repeat(tasks)
    for task in tasks:
        if not task["lead"] and asked and not ctx.recipients:
            # no Kính gửi (blank, unreadable): those the letter's lead-in asks stand for the addressees
            task["lead"] = list(asked)
            warnings.append(f"task {task['clause']}: no Kính gửi; lead taken from the lead-in that asks")
        elif not task["lead"]:
            warnings.append(f"task {task['clause']}: no lead agency identified")
    return tasks, warnings


_IMPLEMENTATION = re.compile(r"^\W*(?:điều \d+\W*)?(?:tổ chức thực hiện|trách nhiệm thực hiện|phân công thực hiện)\W*$")
_DATED_EVENT = re.compile(r"^\W*ngày \d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?\s*,")
_PARENTHESES = re.compile(r"\([^()]*\)")
# A paragraph that only thanks (its one sentence's verb is "cảm ơn"), whoever it names as thanking; what follows
# the closing mark './.' is not the text (a scan's specks).
THANKS = re.compile(r"^[^.;:!?]{0,150}?\b(?:xin |trân trọng |chân thành )*cảm ơn\b[^.;:!?]*(?:\W*$|\./\.)")
_CLOSING_REQUEST = re.compile(
    r"^\W*(?:(kính |trân trọng )?(đề nghị|trình)|[^.;:]{2,80}?\s(kính |trân trọng )?đề nghị)\s+[^.;:]{3,120}?\s+"
    r"(xem xét|cho ý kiến|quan tâm)"
    r"(\s*,?\s*(quyết định|phê duyệt|chỉ đạo|giải quyết|cho ý kiến|chấp thuận))?\W*(\./\.)?\W*$"
)
_SENTENCES = re.compile(r"(?<=[.;])\s+")
_SPECKS = re.compile(r"(?<=\.)(?:\s*[^\s.]{1,3}){1,3}\s*$")  # a scan's specks after the closing mark


def _without_closing_repeat(tasks: list[dict]) -> list[dict]:
    """Drop a last 'Kính đề nghị <addressee> xem xét, quyết định./.' that only repeats, as the closing
    formula, a request already made to the same agencies."""
    if len(tasks) < 2 or not _CLOSING_REQUEST.match(_SPECKS.sub("", fold(tasks[-1]["description"]))):
        return tasks
    last = tasks[-1]
    if any(task["lead"] == last["lead"] for task in tasks[:-1]) and last["deadline"] is None:
        return tasks[:-1]
    return tasks


def _visit(node: Clause, inherited: list[str], ctx: Context, tasks: list[dict], meeting: dict | None,
           quoting: bool = False) -> None:
    saved, duties, implementing = ctx.frame, ctx.duties, ctx.implementing
    heading = node.heading or node.text
    if node.children and short_heading(heading):
        ctx.frame = heading_deadline(heading, ctx.doc_date) or ctx.frame
        ctx.implementing = ctx.implementing or bool(_IMPLEMENTATION.match(fold(heading)))
        if ctx.founded and DUTIES.match(fold(heading)):
            ctx.duties = True  # "Nhiệm vụ và quyền hạn của Ban Chỉ đạo": each item is the body's task
            inherited = heading_agencies(node, ctx) or ctx.founded
    _visit_node(node, inherited, ctx, tasks, meeting, quoting)
    ctx.frame, ctx.duties, ctx.implementing = saved, duties, implementing


def _visit_node(node: Clause, inherited: list[str], ctx: Context, tasks: list[dict], meeting: dict | None,
                quoting: bool) -> None:
    text = node.text.strip()
    key = fold(text)
    prefix = prefix_agencies(text, ctx)
    own = heading_agencies(node, ctx) or prefix
    passes = own or inherited
    if node.children:
        intro = intro_agencies(text, ctx)
        quotes = quoting or bool(QUOTES_BASES.search(key)) or bool(DOSSIER.search(key)) or \
            bool(PURPOSE.match(key)) or bool(ATTENDEES.match(key))
        if intro is not None:
            passes = intro or passes or list(ctx.recipients)
        elif not quoting and (not own or quotes) and _strong(key) and _is_task(node, key, inherited, ctx):
            task = build_task(node, text + _request_after_quotes(node, quotes), inherited, ctx, meeting)
            tasks.append(task)
            passes = passes if short_heading(text) else task["lead"]
        for child in node.children:
            _visit(child, passes, ctx, tasks, meeting, quotes)
        return
    if quoting or not text or (meeting and (text == meeting["description"] or repeats_invitation(text))):
        return
    after_prefix = fold(text.split(":", 1)[-1].strip()) if prefix else ""
    if _is_task(node, key, own if own and not prefix else inherited, ctx) or (prefix and ACTION.match(after_prefix)):
        tasks.append(build_task(node, text, passes, ctx, meeting))
        return
    # "Điều 5. X là tổ chức … (a statement)" + "Trong thời hạn 60 ngày, Ban Chủ nhiệm … có trách nhiệm …": a later
    # paragraph of an article that names its own doer and directs it is the article's task
    for part in text.split("\n")[1:] if node.kind == "article" and not quoting else []:
        piece = replace(node, text=part.strip(), children=[])
        if subject_action(piece.text, ctx) and _is_task(piece, fold(piece.text), [], ctx):
            tasks.append(build_task(piece, piece.text, [], ctx, meeting))
            return


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
    tasks[-1] = build_task(previous, previous.text.strip() + "\n" + text, [], ctx, meeting)
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


def _is_task(node: Clause, key: str, inherited: list[str], ctx: Context) -> bool:
    if node.fields.keys() & {"lead", "support", "time"}:
        return True  # a plan item with its unit or time lines is an action item
    key = _SHORT_NAME.sub("", key)  # "(Sau đây viết tắt là BHXH các tỉnh) …" closes the Kính gửi block
    if not key or key.startswith("(") or is_upper(node.text):
        return False
    if id(node) in ctx.quoted or CONTACT.match(key) or PERSON_LINE.match(node.text) or only_cited_requests(node.text):
        return False
    if THANKS.match(key):
        return False  # "Bộ Công an trân trọng cảm ơn sự phối hợp của Quý cơ quan./."
    if "chịu trách nhiệm trước" in key and fold(split_who(node.text)[1]).startswith("chịu trách nhiệm trước"):
        return False  # "Thủ trưởng các cơ quan chịu trách nhiệm trước Chủ tịch UBND tỉnh nếu …": accountability
    if node.heading and PURPOSE.match(fold(node.heading)):
        return False  # the text under "I. MỤC ĐÍCH, YÊU CẦU" states aims, it assigns nothing
    doc_type = ctx.doc_type or ""
    if doc_type == "Quyết định":  # "Điều 3. Quyết định này có hiệu lực … X chịu trách nhiệm thi hành …"
        if ctx.duties and inherited and node.kind != "para":
            return True
        if EXECUTE.search(key) or re.match(r"^\W*giao\b", key):
            return True
        if ctx.implementing and subject_action(node.text, ctx):
            return True  # "Điều 2. Tổ chức thực hiện / 2. Các sở, ngành … phối hợp hỗ trợ …"
        if node.path.split(".")[0] in ("1", "p1") or not node.path[:1].isdigit():
            return False  # what Điều 1 issues, approves or sets up is content, not an assignment
        return bool(DIRECTIVE.search(key) and not NOT_DIRECTIVE.search(key) and subject_action(node.text, ctx))
    if BOILERPLATE.search(key):
        own = " ".join(s for s in _SENTENCES.split(node.text.strip()) if not BOILERPLATE.search(fold(s)))
        if not (own and REQUEST.match(fold(own).lstrip(" -+•*"))) or _closing_exhortation(own, ctx):
            # "Đề nghị X phối hợp …. Nếu có khó khăn, …" asks first; "Yêu cầu X nghiêm túc thực hiện. Nếu …" exhorts
            return bool(re.search(r"\bgiao\s+\S", key)) and not key.startswith(("trong quá trình", "trường hợp"))
        key = fold(own)
    request = REQUEST.search(PASSIVE_GIAO.sub(_unassign, key))
    if doc_type in ("Báo cáo", "Tờ trình"):
        return issuer_request(node.text, ctx) is not None
    if _closing_exhortation(node.text, ctx):
        return False
    doers = subject_action(node.text, ctx)
    background = BACKGROUND.match(key)
    if background and inherited and node.kind != "para" and _item_action(background.group(1), key, node.text):
        background = None  # an item under a lead-in or agency heading carries the action itself
    if background or NOT_TASK.match(key):  # "Ngày 08/8/2024, X chủ trì cuộc họp …": a dated event is narrative
        return bool(request) or (bool(doers) and not _DATED_EVENT.match(key))
    # a send-back request is read with its bracketed contact details set aside ('(qua …, ĐT: 0915.959.792)')
    if request or EXECUTE.search(key) or doers or SEND_BACK.match(_PARENTHESES.sub(" ", key)):
        return True
    if DIRECTIVE.search(key) and not NOT_DIRECTIVE.search(key) and (node.kind != "para" or inherited):
        return True
    if inherited and node.kind != "para":
        return True
    if inherited and ACTION.match(key):
        return True
    if (doc_type in PLAN_TYPES or doc_type in ("Chỉ thị", "Công điện")) and ACTION.match(key):
        return True
    return bool(node.kind in ("letter", "dash", "plus", "number") and ACTION.match(key) and ctx.recipients)


_SHORT_NAME = re.compile(r"^\((?:sau đây|dưới đây)?[^()]{0,20}(?:gọi|viết) tắt là\s*:?\s*(?P<alias>[^()]{1,80})\)\s*")


def _founded_body(tree: list[Clause], ctx: Context) -> list[str]:
    """The body Điều 1 of a quyết định sets up ("Thành lập Ban Chỉ đạo quốc gia về dữ liệu (sau đây gọi tắt …)")."""
    first = next((n for n in tree if n.kind == "article"), None)
    m = FOUNDS.match(fold(first.text)) if first else None
    if not m:
        return []
    rest = first.text[m.end():m.end() + 250]
    phrase = re.split(r"\s*\((?:sau đây|dưới đây)|\s+(?:gồm|với|có|do|để|nhằm|trực thuộc)\b|[;:.(]", rest,
                      maxsplit=1)[0].strip(" ,")
    if 1 < len(phrase.split()) <= 25:
        return [phrase[:1].upper() + phrase[1:]]
    return agencies.find_agencies(rest)[:1]


def _unassign(m: re.Match[str]) -> str:
    return m.group(0)[:-4] + "g-ao"  # "nhiệm vụ do UBND tỉnh giao": assigned by someone, no request here


def _item_action(opener: str, key: str, text: str) -> bool:
    """An item that opens like background but acts: "Thực hiện thống kê, báo cáo …" (the opener is the
    action unless it cites a document before a new subject), "Sau khi UBND tỉnh ban hành …, tham mưu …"."""
    if opener in ("thực hiện", "triển khai"):
        return not (CITED_WORK.match(key) and re.search(r",\s+[A-ZĐ]", text[:250]))
    if opener in ("sau khi", "trên cơ sở"):
        main = key.split(",", 1)[1] if "," in key else ""
        return bool(ACTION.match(main))
    return False


# "… theo đúng thời gian và đảm bảo chất lượng": how to do it, not what to do
_MANNER_WORDS = (r"theo đúng thời gian(?: quy định)?|đúng thời gian(?: quy định)?|đúng quy định|theo quy định|"
                 r"đảm bảo chất lượng|bảo đảm chất lượng|đảm bảo hiệu quả|hiệu quả|kịp thời")


_MANNER = rf"(\s*,?\s*(?:và\s+)?(?:{_MANNER_WORDS}))*"


_EXHORTATION_END = re.compile(
    r"(triển khai thực hiện|tổ chức thực hiện|thực hiện nghiêm túc|thực hiện)(\s+(tốt|nghiêm túc))?"
    r"(\s+(các|những))?(\s+(nội dung|yêu cầu|nhiệm vụ|công văn|chỉ thị|kế hoạch))?"
    r"(\s+(này|nêu trên|trên))?" + _MANNER + r"\W*(\./\.)?\W*$")


# "giám sát / theo dõi / kiểm tra việc thực hiện": the implementation is the object of an action of its own
_OBJECT_OF_ANOTHER_VERB = re.compile(r"\b\w+ việc (triển khai |tổ chức )?thực hiện\b")
_EXHORTATION_REACH = 160  # the pattern above spans at most this many characters at the end of a text


# What is left of an exhortation once its addressees are taken away: the exhortation words, in any order.
_EXHORTATION_TAIL = re.compile(rf"(nghiêm túc|khẩn trương|quan tâm|chỉ đạo|nghiên cứu|triển khai|tổ chức|thực hiện|tốt|"
                               rf"các nội dung|nội dung|"
                               rf"công văn này|chỉ thị này|kế hoạch này|trên|nêu trên|\W|và|{_MANNER_WORDS})+$", re.I)


def _closing_exhortation(text: str, ctx: Context) -> bool:
    """'Yêu cầu <the addressees> nghiêm túc, khẩn trương triển khai thực hiện./.' adds no new action."""
    key = fold(text)
    if not _EXHORTATION_END.search(key[-_EXHORTATION_REACH:]):
        return False
    if re.search(r"\bgiao\b", key) or _OBJECT_OF_ANOTHER_VERB.search(key[-_EXHORTATION_REACH:]):
        return False
    asked = re.match(r"^[^.;:]{0,80}?\b(yêu cầu|đề nghị)\s+", text.strip(), flags=re.I)  # "Vậy, Sở X đề nghị"
    body = _EXHORTATION_TAIL.sub("", text.strip()[asked.end():] if asked else text.strip())
    named_first = asked or agencies.is_agency_start(body)  # the addressees or a doer open the body
    if ACTION.match(fold(body)) or (named_first and split_who(body)[1]):
        return False  # "Tiếp tục tiếp nhận …", "Sở X bố trí kinh phí thực hiện …": actions of its own
    return len(body) < 260 and bool(agencies.find_agencies(body) or ADDRESSEES.search(fold(body)))
