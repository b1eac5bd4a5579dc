"""The review page: the inbox at / and a document's view at /documents/{id}: HTML shells whose JavaScript
(congvan/service/static) fills them from the JSON API, so that the data goes through the same API, with the
same token, as any other client's. Nothing is loaded from outside the package.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from congvan import __version__
from congvan.service.inbox import DUE, STATES

HERE = Path(__file__).parent
PUBLIC = ("/", "/documents/*", "/static/*")  # served without a token: shells and files, no stored data


def add_routes(app: FastAPI) -> None:
    """Serve the inbox, the document view and their static files."""
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(version=__version__, states=STATES, due_choices=DUE)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def inbox(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "inbox.html", {})

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str) -> HTMLResponse:
        return templates.TemplateResponse(request, "document.html", {"doc_id": doc_id})
