"""A scan's header finished after extraction: the signer's name the reader re-read, names snapped to the
gazetteer, and per-field confidence (an added `document.confidence` object).

Digital documents carry none: their fields are read from text the issuer typed. For a scan each header field
gets a figure in [0, 1] from how it was obtained and the checks it passed:

- set by the reader when it re-read the field (handwritten số or date: the digit model's score, at most 0.9;
  look-alike glyphs and the Latin re-read: 0.5; a signer's name re-read under the seal: 0.5);
- date: 0.7 when the day came from the digital-signature time, 0.4 from look-alike glyphs, 0.9 when printed;
- number, issuer, signer name: 0.9 when the value has the shape the standard prescribes (số/ký hiệu with a
  type code, a body's name without stray symbols, a name of capitalised Vietnamese syllables), 0.4 when
  it does not, 0 when missing; a date is a real day or missing.
"""

from __future__ import annotations

import re
from datetime import date

from congvan.data.titles import RANKS
from congvan.extractors import snap
from congvan.readers.signature_scan import SYLLABLE
from congvan.text.date_row import stamp_date
from congvan.text.normalize import strip_accents

NUMBER_SHAPE = re.compile(r"\d{1,6}/(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9&]*(?:-[A-ZĐ0-9&()]+)+")
ISSUER_SHAPE = re.compile(r"[A-ZĐÀ-Ỹ][^|%:;/\\_*<>@#$=~]*")  # a name: capitalised, no stray symbols
NAME_SHAPE = re.compile(rf"{SYLLABLE}(?:[\s-]{SYLLABLE}){{1,5}}")  # capitalised syllables: 'Lê-Nguyễn Minh'
CHECKED, DOUBTFUL = 0.9, 0.4
_RANKS = {strip_accents(rank).casefold() for rank in RANKS}


def _shape(value: str | None, pattern: re.Pattern) -> float:
    if not value:
        return 0.0
    return CHECKED if pattern.fullmatch(value) else DOUBTFUL


def scan_confidence(document: dict, warnings: list[str], reader: dict[str, float]) -> dict[str, float]:
    """Confidence of the header fields of a document read by OCR."""
    found = {
        "number": _shape(document.get("number"), NUMBER_SHAPE),
        "date": CHECKED if document.get("date") else 0.0,
        "signer.name": _shape((document.get("signer") or {}).get("name"), NAME_SHAPE),
        "issuer": _shape(document.get("issuer"), ISSUER_SHAPE),
    }
    if any("taken from the e-signature time" in w for w in warnings):
        found["date"] = 0.7
    elif any(w.startswith("day of issue read as") for w in warnings):
        found["date"] = DOUBTFUL
    for field, value in reader.items():
        if found.get(field):
            found[field] = min(found[field], value)
    return found


def recover_signer(document: dict, recovered: dict[str, str], reader: dict[str, float]) -> list[str]:
    """A signer's name the reader re-read under the seal, taken when the text gave none that looks like one."""
    signer = document.setdefault("signer", {})
    name, found = signer.get("name"), recovered.get("signer.name")
    if not found or (name and NAME_SHAPE.fullmatch(name)):
        return []
    signer["name"] = found
    reader["signer.name"] = 0.5
    return [f"signer's name '{found}' re-read from the scan with the seal's ink removed: check it"]


def implausible_date(document: dict, warnings: list[str], stamps: list[str], today: date | None = None) -> list[str]:
    """A date recovered from handwriting or look-alike glyphs is dropped when it cannot be the date of issue:
    before a document the text cites (one not dated in the future), or after the last digital signature."""
    iso = document.get("date")
    recovered = any(w.startswith("day of issue read as") or (w.startswith("date ") and "re-read" in w)
                    for w in warnings)
    if not iso or not recovered:
        return []
    today_iso = (today or date.today()).isoformat()
    cited = [r["date"] for r in document.get("references") or [] if r.get("date") and r["date"] <= today_iso]
    signed = [found.isoformat() for stamp in stamps if stamp.startswith("chữ ký số") and (found := stamp_date(stamp))]
    if cited and max(cited) > iso:
        why = f"it is before {max(cited)}, the date of a document the text cites"
    elif signed and iso > max(signed):
        why = f"it is after the last digital signature ({max(signed)})"
    else:
        return []
    document["date"] = None
    return [f"date {iso} read from the scan cannot be the date of issue ({why}): left empty"]


def without_rank(name: str | None) -> str | None:
    """A police or army rank before an OCR'd name dropped though OCR slipped on it ('Thường:tướng Nguyên Văn
    Long'); the text extractor drops ranks spelled right."""
    words = re.split(r"[\s:.,;]+", (name or "").strip())
    if len(words) > 3 and strip_accents(" ".join(words[:2])).casefold() in _RANKS:
        return " ".join(words[2:])
    return name


def drop_unreadable_name(document: dict) -> list[str]:
    """A scan's signer name that is no run of capitalised syllables ('Sưu, Quái (cu, 7⁄2': a script typeface or
    a signature read as text) becomes null, its reading kept in a warning."""
    signer = document.get("signer") or {}
    name = signer.get("name")
    if not name or NAME_SHAPE.fullmatch(name):
        return []
    signer["name"] = None
    return [f"signer's name unreadable in the scan (read as '{name}'): left empty"]


def snap_names(document: dict) -> list[str]:
    """Snap a scan's issuer, parent body, place, recipients and signer's family name to the gazetteer; a
    warning each."""
    warnings = []
    for field in ("issuer", "parent_issuer", "place"):
        value = document.get(field)
        snapped = snap.name(value)
        if snapped != value:
            document[field] = snapped
            warnings.append(f"{field} '{value}' read as '{snapped}' (OCR spelling snapped to the gazetteer)")
    recipients = document.get("recipients") or []
    snapped_all = [snap.name(r) for r in recipients]
    if snapped_all != recipients:
        document["recipients"] = snapped_all
        warnings.append("recipients' OCR spellings snapped to the gazetteer: "
                        + "; ".join(f"'{a}' → '{b}'" for a, b in zip(recipients, snapped_all, strict=True) if a != b))
    signer = document.get("signer") or {}
    value = signer.get("name")
    snapped = snap.person(without_rank(value))
    if snapped != value:
        signer["name"] = snapped
        warnings.append(f"signer's name '{value}' read as '{snapped}' (family name snapped)")
    return warnings


def snap_task_agencies(tasks: list[dict]) -> list[str]:
    """A scan's task leads and supporters snapped to the gazetteer like its recipients; one warning in all."""
    changed: dict[str, str] = {}
    for task in tasks:
        for field in ("lead", "support"):
            names = task.get(field) or []
            task[field] = [snap.name(name) for name in names]
            changed.update({a: b for a, b in zip(names, task[field], strict=True) if a != b})
    if not changed:
        return []
    return ["task agencies' OCR spellings snapped to the gazetteer: "
            + "; ".join(f"'{a}' → '{b}'" for a, b in changed.items())]
