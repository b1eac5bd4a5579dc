"""The deciding phrases of a task, put back when OCR got a tone or a letter's hat wrong ('chủ tri', 'phói hợp').

Only whole multi-word phrases are corrected (a single syllable without its tone is ambiguous), and only on
text read by OCR.
"""

from __future__ import annotations

import re
from functools import cache

PHRASES = ("đề nghị", "chủ trì", "phối hợp", "trước ngày", "có trách nhiệm", "kính gửi", "nơi nhận",
           "tổ chức thực hiện", "báo cáo", "giao cho", "chịu trách nhiệm", "hoàn thành", "tham mưu",
           # Tesseract's Vietnamese model often drops the tone over â, ê, ô ('tô chức', 'triên khai',
           # 'phòng, chông'); none of these folds onto another common phrase (not 'có thể' ~ 'có thế mạnh',
           # 'đổi mới' ~ 'đội mới', 'cổ phần' ~ 'có phần', 'tiến độ' ~ 'tiền đó')
           "tổ chức", "tổ công tác", "tổng hợp", "tổng kết", "tổng cục", "triển khai", "phát triển", "kiểm tra",
           "kiểm soát", "kiểm điểm", "kiểm định", "thẩm quyền", "thẩm định", "thẩm tra", "chuẩn bị", "tiêu chuẩn",
           "thể thao", "cụ thể", "thể hiện", "chuyển đổi", "chuyển giao", "bổ sung", "bổ nhiệm", "phổ biến",
           "ổn định", "biểu mẫu", "đại biểu", "sản phẩm", "địa điểm", "thời điểm", "đẩy mạnh", "bảo hiểm",
           "khẩn trương", "khẩn cấp", "phòng, chống", "phòng chống", "quốc gia", "quốc hội", "quốc phòng",
           "kết luận", "kết quả", "cấp tỉnh", "cấp huyện", "cần thiết", "hồ sơ", "đồng chí", "thống nhất",
           "đồng thời", "đối với", "nhiệm vụ", "quyết định", "kiến nghị", "đề xuất", "chấp hành")
_VARIANTS = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ", "e": "eèéẻẽẹêềếểễệ", "i": "iìíỉĩị", "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự", "y": "yỳýỷỹỵ", "d": "dđ",
}


@cache
def _pattern() -> re.Pattern[str]:
    def loose(phrase: str) -> str:
        out = []
        for ch in phrase:
            base = next((b for b, group in _VARIANTS.items() if ch in group), None)
            out.append(r"\s+" if ch == " " else f"[{_VARIANTS[base]}]" if base else re.escape(ch))
        return "".join(out)

    return re.compile(r"(?<!\w)(" + "|".join(loose(p) for p in PHRASES) + r")(?!\w)", re.I)


_BASE = str.maketrans({ch: base for base, group in _VARIANTS.items() for ch in group})


def _fold(text: str) -> str:
    return text.lower().translate(_BASE)


_BY_FOLD = {_fold(p): p for p in PHRASES}


def correct(text: str) -> str:
    """The text with each deciding phrase in its dictionary spelling (the first letter's case kept)."""
    def fix(m: re.Match[str]) -> str:
        found = m.group(0)
        right = _BY_FOLD.get(_fold(re.sub(r"\s+", " ", found)))
        if right is None or found == right:
            return found
        if len(found) == len(right):  # each letter's case kept: 'TÔ CHỨC THỰC HIỆN' stays in capitals
            return "".join(r.upper() if f.isupper() else r for f, r in zip(found, right, strict=True))
        return right.upper() if found.isupper() else right[0].upper() + right[1:] if found[0].isupper() else right

    return _pattern().sub(fix, text)
