"""The review page: the inbox at / and a document's view at /documents/{id}, served as HTML with a little
JavaScript (congvan/service/static) that talks to the JSON API. Nothing is loaded from outside the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from congvan import __version__
from congvan.service.original import fold_search
from congvan.service.store import Store

HERE = Path(__file__).parent
STATES = {"new": "Mới", "reviewed": "Đã kiểm tra"}
DUE = {"week": "Hạn trong tuần này", "overdue": "Quá hạn"}


@dataclass
class InboxFilter:
    """What the inbox shows: review state, issuer, deadline window and a search without diacritics."""

    state: str = ""
    issuer: str = ""
    due: str = ""
    q: str = ""


def inbox_rows(store: Store, wanted: InboxFilter, today: date | None = None) -> list[dict]:
    """The inbox's documents, newest first, each with its nearest open deadline, filtered by wanted."""
    today = today or date.today()
    week_end = today + timedelta(days=6 - today.weekday())
    open_deadlines: dict[str, list[date]] = {}
    leads: dict[str, list[str]] = {}
    for task in store.tasks(today=today):
        leads.setdefault(task["document_id"], []).extend(task["lead"] + task["support"])
        if task["status"] == "open" and task["deadline_date"]:
            open_deadlines.setdefault(task["document_id"], []).append(date.fromisoformat(task["deadline_date"]))
    needle = fold_search(wanted.q)
    rows = []
    for doc in reversed(store.documents()):
        deadlines = sorted(open_deadlines.get(doc["id"], []))
        upcoming = [d for d in deadlines if d >= today]
        doc = {**doc, "overdue": sum(d < today for d in deadlines), "next_deadline": upcoming[0] if upcoming else None,
               "this_week": sum(today <= d <= week_end for d in deadlines)}
        if wanted.state and doc["review_state"] != wanted.state:
            continue
        if wanted.issuer and (doc["issuer"] or "") != wanted.issuer:
            continue
        if (wanted.due == "week" and not doc["this_week"]) or (wanted.due == "overdue" and not doc["overdue"]):
            continue
        if needle:
            haystack = " ".join(filter(None, [doc["number"], doc["issuer"], doc["subject"], doc["type"],
                                              *leads.get(doc["id"], [])]))
            if needle not in fold_search(haystack):
                continue
        rows.append(doc)
    return rows


def add_routes(app: FastAPI, store: Store) -> None:
    """Serve the inbox, the document view and their static files."""
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(version=__version__, states=STATES)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def inbox(request: Request, state: str = "", issuer: str = "", due: str = "", q: str = "") -> HTMLResponse:
        wanted = InboxFilter(state if state in STATES else "", issuer, due if due in DUE else "", q.strip())
        issuers = sorted({d["issuer"] for d in store.documents() if d["issuer"]}, key=fold_search)
        return templates.TemplateResponse(request, "inbox.html", {
            "rows": inbox_rows(store, wanted), "wanted": wanted, "issuers": issuers, "due_choices": DUE})

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str) -> HTMLResponse:
        document = store.get(doc_id)
        if document is None:
            raise HTTPException(404, f"no document with id '{doc_id}'")
        return templates.TemplateResponse(request, "document.html", {"doc_id": doc_id, "document": document})
