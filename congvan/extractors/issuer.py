"""Tên cơ quan ban hành: the issuing body and its parent from the header's left column."""

from __future__ import annotations

import re

from congvan.layout import Line
from congvan.text.normalize import agency_case, fold, is_upper
from congvan.text.zones import PARTY, QUOC_HIEU, TIEU_NGU

# A line starting with one of these opens a new name; any other line continues the previous one.
HEADS = (
    "ủy ban", "ubnd", "hội đồng", "hđnd", "bộ ", "sở ", "văn phòng", "tổng cục", "cục ", "chi cục", "vụ ",
    "ban ", "phòng ", "trung tâm", "tổng liên đoàn", "liên đoàn", "công đoàn", "hội ", "hiệp hội", "đoàn ",
    "trường", "bệnh viện", "viện ", "công an", "thanh tra", "kho bạc", "bảo hiểm", "tỉnh ủy", "thành ủy",
    "huyện ủy", "đảng ủy", "đảng bộ", "chính phủ", "thủ tướng", "quốc hội", "tòa án", "viện kiểm sát",
    "tổng công ty", "công ty", "tập đoàn", "ngân hàng", "đài ", "báo ", "mặt trận", "ủy ban mặt trận",
    "bộ chỉ huy", "bộ tư lệnh", "quân khu", "cảnh sát", "học viện", "đại học", "sở,", "chủ tịch",
    "kiểm toán", "thông tấn", "cơ quan", "tòa ", "chi nhánh", "ban chấp hành", "ban thường vụ", "đoàn thanh niên",
)
_NOT_ISSUER = re.compile(r"^(Số|V/v|Kính gửi|Về việc)\b|ngày\s.*tháng|\d+/\S+-", re.I)


def _is_head(text: str) -> bool:
    key = fold(text) + " "
    return key.startswith(HEADS)


_INNER_HEAD = re.compile(r"(?<=\S\s)(?<!TỔNG )(?<!CHI )(?=(?:TỔNG CỤC|CHI CỤC|CỤC|SỞ|VĂN PHÒNG|TRUNG TÂM|CÔNG ĐOÀN)\s)")


def _split_heads(line: Line) -> list[Line]:
    """'BỘ TÀI CHÍNH TỔNG CỤC THUẾ' (two header lines glued by a scrape) → two lines."""
    cuts = [m.start() for m in _INNER_HEAD.finditer(line.text) if len(line.text[: m.start()].split()) >= 2]
    if not cuts:
        return [line]
    bounds = [0] + cuts + [len(line.text)]
    pieces = [line.text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    return [Line(text=piece) for piece in pieces if piece]


def names(lines: list[Line]) -> list[str]:
    """Group the header's organisation lines into names (wrapped lines joined)."""
    groups: list[str] = []
    for line in lines:
        text = line.text.strip(" *-_")
        if not text:
            continue
        key = fold(text)
        continues = groups and (
            not _is_head(text)
            or key.startswith(("và ", "của ", "- "))
            or fold(groups[-1]).endswith((" và", ",", "-", " của"))
        )
        if continues:
            groups[-1] = f"{groups[-1]} {text}"
        else:
            groups.append(text)
    return groups


def extract(header: list[Line], number_index: int | None) -> tuple[str | None, str | None, list[str]]:
    """Return (issuer, parent_issuer, warnings) as printed, in name case."""
    stop = number_index if number_index is not None else len(header)
    lines = []
    for line in header[:stop]:
        text = line.text
        if line.column == "right" or QUOC_HIEU.search(text) or TIEU_NGU.search(text) or PARTY.search(text):
            continue
        if _NOT_ISSUER.search(text) or not is_upper(text) or len(text) > 120:
            if lines:
                break
            continue
        lines.append(line)
    found = names([piece for line in lines for piece in _split_heads(line)])
    if not found:
        return None, None, ["issuer (tên cơ quan ban hành) not found"]
    issuer = agency_case(found[-1])
    parent = agency_case(" ".join(found[:-1])) if len(found) > 1 else None
    return issuer, parent, []
