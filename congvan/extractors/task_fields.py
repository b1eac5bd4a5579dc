"""The fields of one task: lead and support, deadline (or the one a cross-reference points to), recurrence,
report-to and a one-line title."""

from __future__ import annotations

import re

from congvan.data.types import PLAN_TYPES
from congvan.extractors import agencies
from congvan.extractors.agencies.resolution import resolve
from congvan.extractors.clauses import Clause
from congvan.extractors.context import Context
from congvan.extractors.deadlines import find_deadline, find_recurrence
from congvan.extractors.plan_time import plan_deadline
from congvan.extractors.task_agencies import (
    agencies_in,
    issuer_request,
    prefix_agencies,
    split_who,
    subject_action,
    unhead,
)
from congvan.extractors.task_words import (
    ACTION,
    ADDRESSEES,
    BACKGROUND,
    BOILERPLATE,
    EXECUTE,
    REPORT,
    REQUEST,
    SEND,
    SUPPORT,
)
from congvan.text.normalize import fold


def build_task(node: Clause, text: str, inherited: list[str], ctx: Context, meeting: dict | None) -> dict:
    """The contract's task object for a clause (text may add a completing paragraph to the clause's own)."""
    lead, support = _lead_support(text, inherited, ctx)
    deadline = find_deadline(text, ctx.doc_date) or _referenced_deadline(text, node.path, ctx)
    recurrence = find_recurrence(text)
    if node.fields:
        lead, support = _field_agencies(node.fields, lead, support, ctx)
        if "time" in node.fields:
            deadline = plan_deadline(node.fields["time"], ctx.doc_date) or deadline
            recurrence = find_recurrence(node.fields["time"]) or recurrence
    # what an invitation asks besides attending is material for the meeting ('chuẩn bị', or 'chuẩn báo cáo' as
    # printed): due by the meeting day when it sets no date of its own
    preparing = re.search(r"\bchuẩn bị\b", fold(text)) or (ctx.doc_type == "Giấy mời" and recurrence is None)
    if deadline is None and meeting and preparing and meeting["deadline"]:
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


def _field_agencies(fields: dict[str, str], lead: list[str], support: list[str],
                    ctx: Context) -> tuple[list[str], list[str]]:
    """Lead and support from an item's field lines ('Đơn vị chủ trì: X chủ trì, phối hợp với Y', 'Đơn vị phối
    hợp: Z'), the partners the item's own text names ('phối hợp với W') kept as support."""
    if "lead" in fields:
        value = fields["lead"]
        m = SUPPORT.search(value)
        who, _ = split_who(value[: m.start()] if m else value)
        lead = agencies_in(who, ctx) or lead
        support = support + (agencies_in(m.group("who"), ctx) if m else [])
    if "support" in fields:
        support = support + resolve(agencies.find_agencies(fields["support"]), ctx)
    keys = {fold(x) for x in lead}
    unique: list[str] = []
    for name in support:
        if fold(name) not in keys and fold(name) not in {fold(x) for x in unique}:
            unique.append(name)
    return lead, unique


_CROSS_REFERENCE = re.compile(
    r"\b(thời gian|thời hạn|tiến độ)\b[^.;]{0,60}?\b(tại|theo|ở)\s+(khoản|mục|điểm)\s+(?P<id>[0-9a-zđ]{1,3}|[ivx]{1,4})"
    r"\s+(nêu trên|trên|nêu tại)"
)


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
    if (ctx.doc_type or "") in ("Báo cáo", "Tờ trình"):
        asked = issuer_request(text, ctx)
        if asked is not None:  # "Sở X đề xuất Chủ tịch UBND tỉnh gia hạn …": the body asked leads
            who, _ = split_who(unhead(asked))
            named = agencies_in(who, ctx) or list(ctx.recipients)
            if named:
                return named, []
    executing = EXECUTE.search(key)
    if executing and (ctx.doc_type or "") == "Quyết định":
        sentence = re.split(r"[.\n]\s*(?=[A-ZĐ])", text[: executing.start()])[-1]
        named = agencies_in(sentence, ctx)
        if named:  # "Chánh Văn phòng UBND tỉnh, Giám đốc Sở X … chịu trách nhiệm thi hành Quyết định này"
            return named, []
    support: list[str] = []
    m = SUPPORT.search(text)
    if m:
        support = agencies_in(m.group("who"), ctx)
    main = text[: m.start()] if m else text
    explicit = _explicit_lead(main, ctx) or (_joint_subject(main, ctx) if m else [])
    if inherited and explicit and not REQUEST.search(key[:80]) and not prefix_agencies(text, ctx) \
            and not subject_action(text, ctx) and not _topic_subject(text, ctx):
        explicit = []
    if explicit:
        lead = explicit
    elif inherited:
        lead = inherited
    elif (ADDRESSEES.search(key[:200]) or REQUEST.search(key)) and ctx.recipients:
        lead = list(ctx.recipients)
    elif (ctx.doc_type or "") in PLAN_TYPES and ctx.issuer:
        lead = [ctx.issuer]  # a plan item that names no unit anywhere is the issuer's own
    else:
        lead = list(ctx.recipients)
    support = [s for s in support if fold(s) not in {fold(x) for x in lead}]
    return lead, support


def _joint_subject(main: str, ctx: Context) -> list[str]:
    """'Sở A phối hợp với Sở B, Sở C triển khai …': the body named right before 'phối hợp', alone, leads."""
    who = unhead(main).strip(" ,")
    if not who or not agencies.is_agency_start(who) or split_who(who)[1] or re.search(r"[.;:]", who):
        return []
    return agencies_in(who, ctx)


def _explicit_lead(text: str, ctx: Context) -> list[str]:
    """Who the text itself names: after its (last-sentence 'Giao') request verb, or as its subject."""
    key = fold(text)
    requests = list(REQUEST.finditer(key))
    for m in requests:
        who, _ = split_who(text[m.end():])
        if not who or ACTION.match(fold(who)):
            break
        if not (agencies.is_agency_start(unhead(who)) or ADDRESSEES.match(fold(who))):
            continue  # "yêu cầu công tác của mình": a noun, not a request to someone
        found = agencies_in(who, ctx)
        if found:
            return found
    topic = _topic_subject(text, ctx)
    if topic:
        return topic
    prefix = prefix_agencies(text, ctx)
    if prefix:
        return prefix
    return subject_action(text, ctx)


_LABEL = re.compile(r"^(.{3,120}?):\s+(?=\S)")


def _topic_subject(text: str, ctx: Context) -> list[str]:
    """'Thanh tra khoa học và công nghệ: UBND các huyện, thị xã làm đầu mối …' → who acts after the topic."""
    m = _LABEL.match(text)
    if not m:
        return []
    rest = text[m.end():]
    if not (agencies.is_agency_start(unhead(rest)) or ADDRESSEES.match(fold(rest))):
        return []  # "Sở X: Thực hiện …, Chủ tịch UBND tỉnh giao …": the label is the doer
    return subject_action(rest, ctx)


def _later_giao(text: str, ctx: Context) -> int | None:
    """'Yêu cầu <the addressees> …. Giao X …': where the sentence with the new action starts."""
    key = fold(text)
    requests = list(REQUEST.finditer(key))
    if len(requests) > 1 and _addressees_only(text[requests[0].end():], ctx) and \
            re.search(r"(^|[.;]\s+)giao\s*$", key[: requests[-1].end()]):
        return requests[-1].start()
    return None


def _addressees_only(phrase: str, ctx: Context) -> bool:
    who, _ = split_who(phrase)
    names = agencies_in(who, ctx)
    return bool(names) and all(n in ctx.recipients or re.match(r"^các\b", fold(n)) for n in names)


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


_TOPIC = re.compile(r"^(?:về|đối với|thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\b", re.I)
_LEADING_REQUEST = re.compile(r"^\W*(?:(?:kính|trân trọng|đồng thời|ngoài ra|theo đó|do đó|vì vậy)\s*,?\s*)*"
                              r"(?:giao|yêu cầu|đề nghị|kính đề nghị|kính trình)\s+", re.I)
# What an invitation or a request asks addressees to do that the ACTION list does not open an item with.
_MORE_VERBS = re.compile(r"\s(?=(?:dự(?! án| thảo| toán| kiến| báo| trữ| phòng| thi)|tham dự|tải|nộp|thông báo|"
                         r"trả lời|cho phép|hình thành|quan tâm|thi hành|dự kiến)\b)", re.I)
# A word just before a verb that makes it a noun ("các tổ chức", "sự phối hợp", "đã tổ chức": a statement).
_NOT_BEFORE_VERB = re.compile(r"(?:^|\s)(?:các|những|của|cho|với|sự|việc|đã|đang|sẽ|được|không|chưa|nơi|mà|"
                              r"cùng|là)$", re.I)
# "tổ chức" naming bodies, not the verb: "các cơ quan, tổ chức có liên quan", "tổ chức, cá nhân".
_BODIES = re.compile(r"^tổ chức(?=\s*(?:,\s*cá nhân|và cá nhân|có liên quan|liên quan|chính trị|đoàn thể|xã hội|"
                     r"thành viên|trực thuộc|tín dụng|kinh tế)\b)", re.I)
_DUTY = re.compile(r"^(?:là (?:cơ quan|đơn vị) (?:thường trực|đầu mối|chủ trì)\s*,?\s*(?:và\s+)?)?"
                   r"(?:(?:có|chịu) trách nhiệm\s+(?=\S))?(?<=\s)", re.I)


def title(text: str) -> str:
    """A short one-line title a tracker can show: the action of the first sentence that is not boilerplate
    ("Quyết định này có hiệu lực …"), verb first, without who leads it (that is in `lead`): a leading request
    ("Giao/Yêu cầu/Đề nghị <agencies> …"), a subject agency list ("UBND các huyện khẩn trương …"), a topic or agency
    label ("Về công tác X: …") and "chủ trì, phối hợp với … " wording are dropped when a clean action is left; at
    most 100 characters, cut at a word boundary."""
    text = re.sub(r"(?<![.;:!?])\n(?=\s*[a-zà-ỹđ])", " ", text.strip())  # a line wrapped inside a sentence
    sentences = [s for s in re.split(r"(?<=\.)\s|\n", text) if s.strip()]
    first = next((s for s in sentences if not BOILERPLATE.search(fold(s))), sentences[0] if sentences else "")
    first = re.sub(r"\s+", " ", first).strip(" -–+•*:;,.")
    phrase = action_phrase(first)
    phrase = re.split(r";\s", phrase, maxsplit=1)[0]  # the first of the actions ("rà soát …; báo cáo …")
    phrase = phrase.strip(" :;,./")
    phrase = phrase[:1].upper() + phrase[1:] if phrase else ""
    return shorten(phrase, 100)


def action_phrase(sentence: str) -> str:
    """The action of one sentence, its addressee, topic label and lead wording dropped (each step only when what is
    left still opens with an action)."""
    phrase = sentence
    for _ in range(4):
        before = phrase
        phrase = _without_label(phrase)
        phrase = _without_request(phrase)
        phrase = _without_subject(phrase)
        phrase = _without_lead_wording(phrase)
        if phrase == before:
            break
    return phrase


def _opens_action(phrase: str) -> bool:
    key = fold(phrase)
    return bool(ACTION.match(key) or _MORE_VERBS.match(" " + key))


def _without_label(phrase: str) -> str:
    """'Về công tác tuyên truyền: Đẩy mạnh …' / 'Sở Tư pháp: Thực hiện …' / 'UBND các huyện: A, B: Khẩn trương …'."""
    m = re.match(r"^([^:]{2,120}?):\s+(?=\S)", phrase)
    if not m or ACTION.match(fold(m.group(1))) or REQUEST.match(fold(m.group(1))):
        return phrase
    label, rest = m.group(1), phrase[m.end():]
    if rest.startswith(("“", '"')):
        return phrase  # "… nội dung sau: “…”": a quotation, not the action
    is_topic = bool(_TOPIC.match(label)) or agencies.is_agency_start(unhead(label)) or \
        bool(ADDRESSEES.match(fold(label))) or bool(re.fullmatch(r"[\w\s,()-]{2,80}", label) and
                                                   re.search(r"\b[A-ZĐ]", label) and "," in label)
    if not is_topic:
        return phrase
    if _opens_action(rest) or _LEADING_REQUEST.match(rest) or agencies.is_agency_start(unhead(rest)) or \
            re.match(r"^[^:]{2,120}:\s", rest):
        return rest
    return phrase


def _without_request(phrase: str) -> str:
    """'Giao Sở X chủ trì …' → 'chủ trì …'; 'Sở Nội vụ kính trình Chủ tịch UBND tỉnh xem xét …' → 'xem xét …'."""
    m = _LEADING_REQUEST.match(phrase)
    if not m:
        background = BACKGROUND.match(fold(phrase))
        if _opens_action(phrase) and not background:
            return phrase  # "Hướng dẫn …, đề nghị các doanh nghiệp …": the action comes first
        requests = [r for r in REQUEST.finditer(fold(phrase)) if r.start() < 200 and
                    (not background or "," in phrase[:r.start()])]
        r = requests[0] if requests else None
        after = phrase[r.end():].lstrip() if r else ""
        if r is None or not (after[:1].isupper() or re.match(r"^(?:các|quý)\b", after)):
            return phrase
        start = r.end()
    else:
        start = m.end()
    asked = phrase[start:].strip()
    label = re.match(r"^([^:]{2,160}?):\s+(?=\S)", asked)
    if label and (agencies.is_agency_start(unhead(label.group(1))) or ADDRESSEES.match(fold(label.group(1)))) \
            and not split_who(label.group(1))[1]:
        return asked  # "Đề nghị Ủy ban MTTQ tỉnh và các tổ chức chính trị - xã hội: Căn cứ …": a label now
    who, rest = _split_who(asked)
    if not rest:
        return asked
    if re.search(r"\b(?:nơi|mà|khi)\b", who):
        return asked  # "UBND các xã nơi đơn vị … đặt trụ sở có văn bản …": a relative clause, not the action
    if not who or agencies.is_agency_start(unhead(who)) or ADDRESSEES.match(fold(who)) or \
            re.match(r"^(?:quý|các|ông|bà|đồng chí)\b", fold(who)) or len(who.split()) <= 4:
        return rest
    return asked


def _without_subject(phrase: str) -> str:
    """'UBND các huyện, thị xã khẩn trương rà soát …' → 'khẩn trương rà soát …'."""
    if not (agencies.is_agency_start(unhead(phrase)) or ADDRESSEES.match(fold(phrase)) or
            re.match(r"^(?:các đồng chí|các đại biểu|đồng chí|quý)\b", fold(phrase))):
        return phrase
    who, rest = _split_who(phrase)
    if not rest or not who or len(who) > 250:
        return phrase
    return rest


def _without_lead_wording(phrase: str) -> str:
    """'chủ trì, phối hợp với X, Y tổ chức …' → 'tổ chức …' (the lead and its partners are fields)."""
    duty = _DUTY.match(phrase)
    if duty and _opens_action(phrase[duty.end():]):
        return phrase[duty.end():]  # "có trách nhiệm phối hợp …" → "phối hợp …"
    key = fold(phrase)
    if not key.startswith("chủ trì"):
        return phrase
    rest = re.sub(r"^chủ trì\s*(?:,\s*|và\s+)?", "", phrase, flags=re.I)
    partners = re.match(r"^phối hợp(?: chặt chẽ)?(?: với| cùng)?\s+", rest, re.I)
    if partners:
        rest = _split_who(rest[partners.end():])[1]
    if rest and _opens_action(rest) and not fold(rest).startswith(("chủ trì", "phối hợp")):
        return rest
    return phrase


def _split_who(phrase: str) -> tuple[str, str]:
    """split_who, also at the verbs an invitation or request uses ('các đại biểu dự họp …'), skipping a verb that a
    word before it makes a noun ('các tổ chức, cá nhân có liên quan chịu trách nhiệm …')."""
    done = 0
    while done < len(phrase):
        who, rest = _split_once(phrase[done:])
        if not rest:
            return phrase, ""
        who = phrase[:done] + who
        if not _NOT_BEFORE_VERB.search(who.rstrip(" ,")) and not _BODIES.match(rest) and \
                not _inside_a_name(phrase, len(phrase) - len(rest)):
            return who.strip(" ,"), rest
        done = len(phrase) - len(rest) + len(rest.split(None, 1)[0])  # past that verb's first word
    return phrase, ""


def _inside_a_name(phrase: str, at: int) -> bool:
    """'Ban Quản lý dự án đầu tư xây dựng tỉnh lập …': the verb at `at` is part of an agency's name."""
    for name in agencies.find_agencies(phrase[: at + 80]):
        if re.match(r"^(?:các|những)\b", name, re.I):
            continue  # a collective's bounds are loose ("Các Bộ, cơ quan, địa phương tải …")
        start = phrase.find(name)
        if 0 <= start < at < start + len(name):
            return True
    return False


def _split_once(phrase: str) -> tuple[str, str]:
    who, rest = split_who(phrase)
    extra = _MORE_VERBS.search(" " + (who if rest else phrase))
    if extra and extra.start() > 0 and not phrase[extra.start():extra.start() + 1].isupper():
        return phrase[: extra.start() - 1], phrase[extra.start():].strip()
    return who, rest


def shorten(text: str, limit: int = 100) -> str:
    """One line of at most limit characters, cut at a word boundary with '…' (never mid-word)."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut
    return cut.rstrip(" ,;:.-–(") + " …"
