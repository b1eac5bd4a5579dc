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
from congvan.extractors.task_agencies import agencies_in, prefix_agencies, split_who, subject_action, unhead
from congvan.extractors.task_words import (
    ACTION,
    ADDRESSEES,
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
    explicit = _explicit_lead(main, ctx)
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
