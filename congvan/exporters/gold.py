"""A checked document in the gold format of ../shared/eval/score.py: a regression case made from a correction.

The gold format is the output contract cut down to the fields the scorer reads: the header fields, recipients,
references (type, number, date), signer and distribution, and per task its clause, description, lead, support,
deadline (date and kind) and recurrence; ``checked`` names the header fields a person confirmed and ``notes``
says who did, when.
"""

from __future__ import annotations

import json

#: The header fields score.py scores (its HEADER_FIELDS): all of them are checked in a reviewed document.
HEADER_FIELDS = ["number", "date", "place", "issuer", "type", "subject", "urgency", "confidentiality",
                 "signer.name", "signer.title", "signer.authority"]
DOCUMENT_FIELDS = ["issuer", "parent_issuer", "number", "type", "place", "date", "subject", "urgency",
                   "confidentiality", "recipients", "references", "signer", "distribution"]
SIGNER_FIELDS = ["authority", "on_behalf_of", "title", "name"]
SUFFIX = ".gold.json"


def gold(result: dict, notes: str = "") -> dict:
    """The gold object of a converted (and checked) document."""
    doc = result.get("document") or {}
    document = {name: doc.get(name) for name in DOCUMENT_FIELDS}
    document["recipients"] = list(doc.get("recipients") or [])
    document["distribution"] = list(doc.get("distribution") or [])
    document["references"] = [{"type": ref.get("type"), "number": ref.get("number"), "date": ref.get("date")}
                              for ref in doc.get("references") or [] if isinstance(ref, dict)]
    signer = doc.get("signer") or {}
    document["signer"] = {name: signer.get(name) for name in SIGNER_FIELDS}
    tasks = []
    for task in result.get("tasks") or []:
        deadline = task.get("deadline") or {}
        tasks.append({"clause": task.get("clause"), "description": task.get("description") or task.get("title") or "",
                      "lead": list(task.get("lead") or []), "support": list(task.get("support") or []),
                      "deadline": {"date": deadline.get("date"), "kind": deadline.get("kind")}
                      if deadline.get("date") or deadline.get("kind") else None,
                      "recurrence": task.get("recurrence")})
    return {"checked": list(HEADER_FIELDS), "notes": notes, "document": document, "tasks": tasks}


def dumps(data: dict) -> str:
    """A gold file's text, indented like the hand-made ones."""
    return json.dumps(data, ensure_ascii=False, indent=4) + "\n"
