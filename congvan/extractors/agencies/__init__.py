"""Recognise Vietnamese public bodies in addressee lists and running text.

A gazetteer plus a small grammar, no ML. A name starts at a head word ("Sở", "Bộ", "UBND", …), a
full name ("Ủy ban Thường vụ Quốc hội") or a collective ("các cơ quan, đơn vị"); it runs on through
its field ("Tài nguyên và Môi trường"), its locality ("tỉnh Lâm Đồng", "các huyện, thị xã, thành phố")
and capitalised name parts, and stops where the grammar does: a verb or function word, punctuation,
or the start of another body. Person titles in front are dropped ("Giám đốc Sở X" -> "Sở X") and
groups are expanded ("các Sở: A, B" -> "Sở A", "Sở B"). The word lists live in congvan.data.agencies.

The modules, in the order they build on each other:
- lexicon: folding, tokens and the phrase tables built once from the data; agency_key.
- scan, parts, grammar: the grammar (where a body starts; the parts of a name; whole names and mentions).
- groups: collectives expanded to their members, titles dropped before a body (strip_head).
- lists, mentions: printed addressee lists (split_agencies) and running text (find_agencies).
- resolution: the document's own abbreviations, and names mapped to the printed recipients.
"""

from congvan.extractors.agencies.groups import expand_bracketed, split_mixed_collective, strip_head
from congvan.extractors.agencies.lexicon import agency_key
from congvan.extractors.agencies.lists import split_agencies
from congvan.extractors.agencies.mentions import find_agencies, is_agency_start
from congvan.extractors.agencies.resolution import define_abbreviations, resolve, resolve_names

__all__ = [
    "agency_key", "define_abbreviations", "expand_bracketed", "find_agencies", "is_agency_start",
    "resolve", "resolve_names", "split_agencies", "split_mixed_collective", "strip_head",
]
