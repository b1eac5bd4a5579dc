"""Who a clause names: the agencies of a heading, an 'agency:' prefix, a lead-in, or the subject of its action;
collectives and near-names of the addressees resolve to the recipients."""

from __future__ import annotations

import re

from congvan.extractors import agencies
from congvan.extractors.agencies.resolution import resolve
from congvan.extractors.clauses import Clause
from congvan.extractors.context import Context
from congvan.extractors.task_words import (
    ACTION,
    ADDRESSEES,
    BACKGROUND,
    BOILERPLATE,
    INTRO_TAIL,
    NOT_TASK,
    REQUEST,
)
from congvan.text.normalize import fold, is_upper


def heading_agencies(node: Clause, ctx: Context) -> list[str]:
    """An agency heading ('a) Giám đốc Sở X', 'Giao Sở Y:') names who does the items below it."""
    heading = node.heading or (node.text if node.children and short_heading(node.text) else None)
    if not heading:
        return []
    request = REQUEST.search(fold(heading).rstrip(" :"))
    if request and request.start() > 0:
        return []  # "Văn phòng Chính phủ trân trọng đề nghị:": the agency asks, it does not do
    stripped = re.sub(r"^(?:giao|yêu cầu|đề nghị|đối với|(?:chức năng\s*(?:,|và)\s*)?(?:trách nhiệm|nhiệm vụ)"
                      r"(?:\s*(?:,|và)\s*quyền hạn)? của)\s+", "",
                      heading.strip(" :"), flags=re.I)
    if ACTION.match(fold(stripped)) or len(stripped) > 160 or is_upper(stripped):
        return []
    stripped = _DUTY_TAIL.sub("", stripped)
    if agencies.is_agency_start(unhead(stripped)) or ADDRESSEES.match(fold(stripped)):
        found = agencies_in(stripped, ctx) or resolve(agencies.split_agencies(stripped), ctx)
        return _whole_name(unhead(stripped), found)
    return []


# "Cục đo đạc và bản đồ Nhà nước có trách nhiệm:": the heading's duty words are not part of the name.
_DUTY_TAIL = re.compile(r"\s+(?:có|chịu) (?:trách nhiệm|nhiệm vụ)(?: thực hiện)?(?: (?:các|những) (?:nhiệm vụ|nội dung|"
                        r"việc) sau(?: đây)?)?\s*$", re.I)


def _whole_name(phrase: str, found: list[str]) -> list[str]:
    """A heading that is one body's name the parser cut short (old texts write names in lower case: 'Cục đo đạc
    và bản đồ Nhà nước' read as 'Cục đo đạc'): the heading's whole phrase is the name."""
    if len(found) != 1 or re.search(r"[,;()]|\bcác\b", phrase) or len(phrase.split()) > 10:
        return found
    key, name = fold(phrase), fold(found[0])
    return [phrase[:1].upper() + phrase[1:]] if key.startswith(name) and len(key) > len(name) + 3 else found


def short_heading(text: str) -> bool:
    """A line short enough, and open enough at its end, to head the items below it."""
    return len(text) < 160 and not text.rstrip().endswith((".", ";"))


def prefix_agencies(text: str, ctx: Context) -> list[str]:
    """'UBND các huyện: Bình Sơn, Mộ Đức: Khẩn trương …' → the agencies before the action."""
    m = re.match(r"^(?:đối với\s+)?(.{3,200}?):\s+(?=\S)", text, re.I)  # "Đối với UBND các huyện: …"
    if not m or not agencies.is_agency_start(unhead(m.group(1))) or split_who(m.group(1))[1] \
            or re.search(r"\b(dự|cử|được)\b", fold(m.group(1))):
        return []  # "Các Bộ … dự Hội nghị …; gửi về X: …" is a sentence, not an "agency:" prefix
    prefix = m.group(1)
    rest = text[m.end():]
    if re.match(r"^[A-ZĐ][^:]{0,120}:\s", rest) and not ACTION.match(fold(rest)):
        prefix = prefix + ": " + rest.split(":", 1)[0]
    return resolve(agencies.split_agencies(prefix), ctx)


def intro_agencies(text: str, ctx: Context) -> list[str] | None:
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
    who, rest = split_who(after)
    start = m.end() + len(after) - len(after.lstrip())
    if len(rest.split()) > 6 and ACTION.search(" " + rest) and not re.match(r"^\W*(thực hiện|triển khai)\W*$", rest):
        return None
    return agencies_in(text[start: start + len(who)], ctx)


# An action word that is a noun after the word before it: "Ban chấp hành / chỉ đạo / tổ chức" (a body's name,
# any verb), "các tổ chức chính trị - xã hội" (organisations), "các chủ đầu tư" (project owners).
_NOUN_NOT_VERB = (("ban", ""), ("các", "tổ chức"), ("những", "tổ chức"), ("chủ", "đầu tư"))
_ACTION_ANY = re.compile(r"\s(?=" + ACTION.pattern.split("(?:\\W*)", 1)[1] + ")")
# "các cơ quan, tổ chức có liên quan": after a comma in a list of bodies, organisations, not "organise"
_LISTED_ORGANISATIONS = re.compile(r"tổ chức(?=\s*(?:,|và\s|có liên quan|liên quan|trực thuộc|thuộc\s|trên địa bàn))")


def split_who(phrase: str) -> tuple[str, str]:
    """'các Sở: A, B tiếp tục thực hiện …' → ('các Sở: A, B', 'tiếp tục thực hiện …')."""
    phrase = phrase.strip()
    padded = " " + phrase
    for m in _ACTION_ANY.finditer(padded):
        pos = m.start()
        if padded[pos + 1: pos + 2].isupper():
            continue  # "Bộ Xây dựng", "Sở Khoa học và Đầu tư": part of a name, not a verb
        before = padded[:pos].rsplit(None, 1)[-1:]
        if padded[:pos].casefold().endswith("phòng ban"):
            return phrase[:pos].strip(" ,"), phrase[pos:].strip()  # "Các Khoa, Phòng ban nhắc nhở …": departments
        if before and any(before[0].casefold() == word and padded[pos + 1:].startswith(verb)
                          for word, verb in _NOUN_NOT_VERB):
            continue
        if before and before[0].endswith(",") and _LISTED_ORGANISATIONS.match(padded, pos + 1):
            continue
        return phrase[:pos].strip(" ,"), phrase[pos:].strip()
    return phrase, ""


def agencies_in(who: str, ctx: Context) -> list[str]:
    """Agencies named in a who-phrase; collectives and near-names of the addressees → the recipients."""
    members = agencies.expand_bracketed(who)
    if members:
        return resolve(members, ctx)
    who = re.sub(r"\((?!\s*(?:cũ|mới)\s*\))[^)]*\)", " ", who)  # '(cũ)', '(mới)' tell merged bodies apart
    key = fold(who).strip(" ,:;")
    if not key:
        return []
    if ADDRESSEES.match(key) or re.match(r"^(quý|các đồng chí)\b", key) or \
            any(key == alias or key.startswith(alias + " ") for alias in ctx.addressee_aliases):
        return list(ctx.recipients)
    names = agencies.find_agencies(who)
    return resolve([ctx.abbreviations.get(name, name) for name in names] or
                    [full for short, full in ctx.abbreviations.items() if re.search(rf"\b{re.escape(short)}\b", who)],
                    ctx)


def subject_action(text: str, ctx: Context) -> list[str]:
    """'Các cơ quan, đơn vị … thực hiện …' / 'Ủy ban nhân dân các huyện … căn cứ …, phối hợp …' → its agencies."""
    if text not in ctx.subjects:
        ctx.subjects[text] = _find_subject_action(text, ctx)
    return list(ctx.subjects[text])


def _find_subject_action(text: str, ctx: Context) -> list[str]:
    body, key = text, fold(text)
    if BACKGROUND.match(key) or _TIME_OPENER.match(key):
        body = re.sub(r"^[^,]{0,200}?,\s*(?=[A-ZĐ]|các\b)", "", text)
    # "Đối với các cơ sở …, vẫn …, Sở Y tế có văn bản …": the doer after the topic, whose words may hold commas
    # (not a quoted rule's)
    if re.match(r"\W*đối với\b", key) and not re.search(r"[“”\"]", text[:300]):
        starts = [m.end() for m in re.finditer(r",\s*", text[:300]) if _names_a_doer(text[m.end():], ctx)]
        body = text[starts[0]:] if starts else body
    if not _names_a_doer(body, ctx):
        return []
    who, rest = split_who(body)
    if who.endswith(" được") and rest.startswith("phân công"):  # 'Sở Y tế được phân công chủ trì …'
        who, rest = who[:-len(" được")], rest[len("phân công"):].strip()
    who = _QUALIFIER.sub("", who).strip(" ,")  # 'Sở A, Sở B theo chức năng, nhiệm vụ được giao, tham mưu …'
    if not rest or len(who) > 250 or _STATEMENT.search(fold(who).replace("có liên quan", "")):
        return []
    return agencies_in(who, ctx)


# "Trong thời hạn 60 ngày làm việc, Ban Chủ nhiệm … có trách nhiệm …": a time limit before the doer
_TIME_OPENER = re.compile(r"^\W*(?:trong (?:thời hạn|vòng|thời gian)|chậm nhất|định kỳ|hằng (?:năm|quý|tháng)|"
                          r"hàng (?:năm|quý|tháng))\b[^,]{0,120},")


def _names_a_doer(text: str, ctx: Context) -> bool:
    """The text opens with an agency, the addressees, or a short name the document gave them."""
    key = fold(text)
    return bool(agencies.is_agency_start(unhead(text)) or ADDRESSEES.match(key)
                or any(key.startswith(alias + " ") for alias in ctx.addressee_aliases))


# How a doer is qualified or appointed, between its name and its action: 'theo chức năng, nhiệm vụ được giao',
# 'trong phạm vi thẩm quyền', 'căn cứ chức năng, nhiệm vụ', 'được giao', 'được phân công tại Phụ lục …'.
_QUALIFIER = re.compile(r",?\s*(?:(?:theo|căn cứ|trong phạm vi|thuộc)\s+"
                        r"(?:chức năng, nhiệm vụ|chức năng|nhiệm vụ|thẩm quyền|lĩnh vực)"
                        r"(?:,? (?:quyền hạn|nhiệm vụ|thẩm quyền))?(?: (?:được giao|quản lý|của mình))?"
                        r"|được (?:giao|phân công)(?: (?:tại|theo|trong) [^,;]{1,80})?)\s*,?\s*$", re.I)
# 'có' is a statement when a document or an opinion follows ('Sở X có Công văn số …'); 'các huyện có dự án' qualifies
_STATEMENT = re.compile(r"\b(có(?= (?:công văn|văn bản|ý kiến|báo cáo|tờ trình|thông báo|quyết định|kế hoạch|nhiều|"
                        r"một số|kết quả))|là|được|đã|đang|sẽ|nhận được|với|ngày|số)\b")


def unhead(text: str) -> str:
    return re.sub(r"^(Giám đốc|Phó Giám đốc|Chủ tịch|Phó Chủ tịch|Thủ trưởng|Chánh Văn phòng|Bộ trưởng|Thủ tướng|"
                  r"Lãnh đạo|Đ/c|Đồng chí)\s+", "", text.strip(), flags=re.I)


_PROPOSE = re.compile(r"\b(đề nghị|kính trình|kiến nghị|kính đề nghị|đề xuất|giao)\s+(?!được\b)")


def issuer_request(text: str, ctx: Context) -> str | None:
    """In a báo cáo or tờ trình only the issuer's own requests are tasks ('Sở Nội vụ đề xuất Chủ tịch UBND tỉnh
    gia hạn …', 'Kính trình …'); what another body asked ('Hiệp hội đề nghị được gia hạn …') is reported.
    Returns the words after the issuer's request verb (who is asked, and what), or None."""
    for sentence in re.split(r"(?<=[.;:])\s+", text):
        key = fold(sentence)
        requests = [r.start() for r in REQUEST.finditer(key)]
        for m in _PROPOSE.finditer(key):
            if m.group(1) == "đề xuất" and not agencies.is_agency_start(unhead(sentence[m.end():])):
                continue  # "đề xuất phương án": a noun phrase, no one is asked
            if m.group(1) != "đề xuất" and not any(m.start() <= r < m.end() for r in requests):
                continue  # "các kiến nghị sau thanh tra": a noun, not a request
            subject = sentence[: m.start()].split(",")[-1].strip()
            if subject and agencies.is_agency_start(subject) and not _is_issuer(subject, ctx):
                continue  # another body's request, reported
            return sentence[m.end():]
    return None


# "…; Sở X báo cáo UBND tỉnh về tình hình …, cụ thể như sau:": the issuer reports what follows
_REPORTS = re.compile(r"^(?P<subject>[^;]*?)\b(?:kính |xin )?báo cáo\b[^;]*?"
                      r"(?:như sau|sau đây|(?:các )?nội dung sau)\s*:$")


def reports_lead_in(text: str, ctx: Context) -> bool:
    """A lead-in where the issuer itself reports the items below: they state facts, no one is asked. Read on
    the last part of the sentence (after ';'), which must ask nothing and whose subject is the issuer or none."""
    last = re.split(r";\s*", text.strip())[-1]
    m = _REPORTS.match(fold(last))
    if m is None or REQUEST.search(m.group(0)):
        return False
    subject = last[: m.end("subject")].strip()
    return not subject or _is_issuer(subject, ctx)


def _is_issuer(subject: str, ctx: Context) -> bool:
    found = agencies.find_agencies(subject)
    if not found or not ctx.issuer:
        return True
    issuer = _words(ctx.issuer)  # 'Trung tâm Xúc tiến Đầu tư, Thương mại …' is 'Trung tâm xúc tiến đầu tư thương mại …'
    return any(issuer in _words(name) or _words(name) in issuer for name in found)


def _words(name: str) -> str:
    return " " + " ".join(re.findall(r"\w+", fold(name))) + " "
