"""The review API: correct a stored document, mark it reviewed, and see its original (the review page's data).

The review page (congvan.service.pages) uses only these endpoints and the ones of congvan.service.app, as any
other client may.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote, unquote

from fastapi import Body, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from congvan.data import agencies as gazetteer
from congvan.schemas.models import DocumentResult
from congvan.service import original as originals
from congvan.service.auth import actor
from congvan.service.inbox import DUE, STATES, InboxFilter, inbox_rows
from congvan.service.schemas import Problem
from congvan.service.store import Store

USER_HEADER = "X-Congvan-User"
ANONYMOUS = "khách"  # "guest": an edit sent without a name
# Fields in the gazetteer that name committees (of HĐND, Quốc hội), not a province's departments (Sở).
NOT_DEPARTMENTS = {"Kinh tế", "Pháp luật và Tư pháp", "Kinh tế và Tài chính", "Quốc phòng, An ninh và Đối ngoại",
                   "Quốc phòng và An ninh", "Văn hóa và Xã hội", "Dân nguyện và Giám sát", "Công tác đại biểu",
                   "Pháp luật", "Tài chính, Ngân sách", "Đối ngoại", "Về các vấn đề xã hội", "Các vấn đề xã hội",
                   "Quản lý vốn nhà nước tại doanh nghiệp", "An toàn giao thông Quốc gia", "Kiểm tra",
                   "Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng", "Khoa học, Công nghệ và Môi trường",
                   "Quốc phòng", "Công an", "Ngoại giao", "Dân tộc"}
_MEDIA = {".pdf": "application/pdf", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          ".doc": "application/msword", ".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
          ".txt": "text/plain; charset=utf-8", ".md": "text/plain; charset=utf-8", ".png": "image/png",
          ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".tif": "image/tiff", ".tiff": "image/tiff"}


class ReviewChange(BaseModel):
    """A change of a document's review state."""

    model_config = ConfigDict(extra="forbid")

    state: Literal["reviewed", "new"] = Field("reviewed", description="'reviewed' (Đã kiểm tra) or 'new' again.")


class Revision(BaseModel):
    """One stored version of a document."""

    revision: int = Field(description="0 is the extraction; each correction adds one.")
    author: str
    created_at: str


class ReviewInfo(BaseModel):
    """A document's review state and the history of its corrections."""

    document_id: str
    state: Literal["new", "reviewed"]
    reviewed_by: str | None
    reviewed_at: str | None
    revisions: list[Revision]


class InboxRow(BaseModel):
    """One document of the inbox."""

    id: str
    issuer: str | None
    number: str | None
    date: str | None
    type: str | None
    subject: str | None
    created_at: str
    task_count: int
    warning_count: int
    review_state: Literal["new", "reviewed"]
    next_deadline: str | None = Field(description="Nearest deadline from today of an open task.")
    overdue: int = Field(description="Open tasks past their deadline.")
    this_week: int = Field(description="Open tasks due from today to Sunday.")


class Inbox(BaseModel):
    """The inbox: documents and the choices of its filters (with their Vietnamese labels)."""

    documents: list[InboxRow]
    issuers: list[str]
    states: dict[str, str]
    due: dict[str, str]


def who(request: Request) -> str:
    """The name an edit is stored under: the name of the request's API token (request.state.token, set by
    congvan.service.auth); with auth off (no token), the X-Congvan-User header (%-encoded UTF-8) the page
    sends, else "khách"."""
    token = getattr(request.state, "token", None)
    if token and token.get("id") is not None:
        name = token["name"]
    else:
        name = unquote(request.headers.get(USER_HEADER, ""))
    return " ".join(str(name or "").split())[:200] or ANONYMOUS


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": Problem} for code in codes}


def add_routes(app: FastAPI, store: Store) -> None:
    """Add the review endpoints to app."""
    cache = originals.LineCache()

    def stored(doc_id: str) -> dict:
        document = store.get(doc_id)
        if document is None:
            raise HTTPException(404, f"no document with id '{doc_id}'")
        return document

    @app.put("/v1/documents/{doc_id}", tags=["review"], response_model=None, summary="Store a corrected document",
             responses={200: {"model": DocumentResult}, **_errors(404, 409, 422)})
    def put_document(doc_id: str, document: DocumentResult, request: Request) -> JSONResponse:
        """Replace the document's fields and tasks by a corrected version (the contract's JSON, validated).

        The extraction is kept as revision 0 (GET …/revisions/0); every export, /v1/tasks and the feed serve
        the correction. `source` cannot change: the stored one is kept. The author is the token's name once
        the request has one (auth on), else the X-Congvan-User header.
        """
        current = stored(doc_id)
        data = document.model_dump(mode="json")
        data.pop("id", None)
        data["source"] = current["source"]
        try:
            stored_now = store.replace(doc_id, data, who(request), actor=actor(request.state))
        except ValueError as exc:
            raise HTTPException(409, str(exc)) from exc
        if stored_now is None:  # removed meanwhile
            raise HTTPException(404, f"no document with id '{doc_id}'")
        return JSONResponse(stored_now)

    @app.get("/v1/documents/{doc_id}/review", tags=["review"], response_model=ReviewInfo,
             summary="Review state and corrections", responses=_errors(404))
    def get_review(doc_id: str) -> dict:
        """"new" or "reviewed" (by whom, when) and every stored revision (0: the extraction)."""
        info = store.review_info(doc_id)
        if info is None:
            raise HTTPException(404, f"no document with id '{doc_id}'")
        return info

    @app.post("/v1/documents/{doc_id}/review", tags=["review"], response_model=ReviewInfo,
              summary="Mark a document reviewed (Đã kiểm tra)", responses=_errors(404, 422))
    def post_review(doc_id: str, request: Request,
                    change: Annotated[ReviewChange | None, Body()] = None) -> dict:
        """Body `{"state": "reviewed"}` (the default, also with no body) or `{"state": "new"}`."""
        info = store.set_review(doc_id, (change or ReviewChange()).state, who(request), actor=actor(request.state))
        if info is None:
            raise HTTPException(404, f"no document with id '{doc_id}'")
        return info

    @app.get("/v1/documents/{doc_id}/revisions/{number}", tags=["review"], response_model=None,
             summary="One stored version of a document", responses={200: {"model": DocumentResult},
                                                                    **_errors(404)})
    def get_revision(doc_id: str, number: int) -> JSONResponse:
        """Revision 0 is the extraction as it was stored, before any correction."""
        document = store.revision(doc_id, number)
        if document is None:
            raise HTTPException(404, f"document '{doc_id}' has no revision {number}")
        return JSONResponse(document)

    @app.get("/v1/documents/{doc_id}/original", tags=["review"], summary="The uploaded file",
             response_class=Response, responses={200: {"content": {"application/octet-stream": {}}},
                                                 **_errors(404)})
    def get_original(doc_id: str) -> Response:
        """The file as it was uploaded (404 for documents stored before originals were kept)."""
        found = store.original(doc_id)
        if found is None:
            raise HTTPException(404, f"the original file of '{doc_id}' is not stored")
        name, data = found
        suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
        return Response(data, media_type=_MEDIA.get(suffix, "application/octet-stream"),
                        headers={"Content-Disposition": f"inline; filename*=UTF-8''{quote(name, safe='')}"})

    @app.get("/v1/documents/{doc_id}/view", tags=["review"], summary="The original's lines and the tasks' marks",
             responses=_errors(404))
    def get_view(doc_id: str) -> dict:
        """The original as lines (text, page, box in PDF points) and PDF page sizes, and for each task (in
        order) the lines of its clause and of its evidence: lead and support agencies and deadline phrase."""
        document = stored(doc_id)
        found = store.original(doc_id)
        if found is None:
            view = originals.clause_lines(store.revision(doc_id, 0) or document)
        else:
            key = f"{doc_id}:{document['source'].get('sha256')}"
            view = cache.get(key, lambda: _read(*originals.unwrap(*found, _attachment(document))))
        return {**view, "tasks": originals.task_marks(view["lines"], document)}

    @app.get("/v1/documents/{doc_id}/pages/{number}.png", tags=["review"], summary="A page of the original as PNG",
             response_class=Response, responses={200: {"content": {"image/png": {}}}, **_errors(404)})
    def get_page(doc_id: str, number: int) -> Response:
        """Page `number` (from 1) of an original PDF or image (of an edXML packet: of its attachment read),
        rendered by the server."""
        found = store.original(doc_id)
        if found is not None:
            found = originals.unwrap(*found, _attachment(store.get(doc_id) or {}))
        png = originals.render_page(found[1], number) if found else None
        if png is None:
            raise HTTPException(404, f"document '{doc_id}' has no page image {number}")
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})

    @app.get("/v1/inbox", tags=["review"], response_model=Inbox, summary="The review page's inbox")
    def get_inbox(
        state: Annotated[Literal["", "new", "reviewed"], Query(description="Review state.")] = "",
        issuer: Annotated[str, Query(description="Exact issuer.")] = "",
        due: Annotated[Literal["", "week", "overdue"], Query(description="An open task due by Sunday, or one "
                                                                         "overdue.")] = "",
        q: Annotated[str, Query(description="A phrase of the number, issuer, type, trích yếu or a task's "
                                            "agencies; diacritics optional.")] = "",
    ) -> dict:
        """Documents newest first with counts, nearest open deadline and review state; the issuers to filter by."""
        issuers = sorted({d["issuer"] for d in store.documents() if d["issuer"]}, key=originals.fold_search)
        return {"documents": inbox_rows(store, InboxFilter(state, issuer, due, q.strip())), "issuers": issuers,
                "states": STATES, "due": DUE}

    @app.get("/v1/export/{format}", tags=["tasks"], summary="The store's documents for a task tracker",
             response_class=Response, responses={200: {"content": {"application/octet-stream": {}}},
                                                 **_errors(404)})
    def export(format: str, reviewed: bool = False) -> Response:
        """Every stored document (its corrected version) in a `congvan export` format: jsonl, ics, jira-csv,
        gitlab-csv, taskwarrior, register-csv, register-xlsx; `?reviewed=true`: only documents marked reviewed."""
        from congvan.exporters import FORMATS

        if format not in FORMATS:
            raise HTTPException(404, f"unknown export format '{format}'; known: {', '.join(FORMATS)}")
        chosen = FORMATS[format]
        documents = store.reviewed_documents() if reviewed else store.full_documents()
        return Response(chosen.export(documents), media_type=chosen.media_type, headers={
            "Content-Disposition": f'attachment; filename="congvan-{format}{chosen.extension}"'})

    @app.get("/v1/agencies", tags=["review"], response_model=list[str], summary="Agency names for pickers")
    def list_agencies(document: str | None = None) -> list[str]:
        """Names of bodies from the gazetteer, and those a stored document names (`?document=ID`) first."""
        names = agency_names(store.get(document) if document else None)
        return names


def _attachment(document: dict) -> int | None:
    """The number of the packet attachment a document was read from (documents posted as edXML)."""
    return ((document.get("source") or {}).get("attachment") or {}).get("index")


def _read(name: str, data: bytes) -> dict:
    try:
        return originals.read_original(name, data)
    except originals.readers.ReadError as exc:
        return {"format": "unreadable", "pages": [], "lines": [], "error": str(exc)}


def agency_names(document: dict | None = None) -> list[str]:
    """The document's own agency names (issuer, recipients, task leads and supports), then the gazetteer's."""
    own: list[str] = []
    if document:
        doc = document.get("document") or {}
        own += [doc.get("issuer") or "", *(doc.get("recipients") or [])]
        for task in document.get("tasks") or []:
            own += [*(task.get("lead") or []), *(task.get("support") or [])]
    general = [*gazetteer.STANDALONE, *gazetteer.FULL_NAMES]
    general += [f"Sở {domain}" for domain in gazetteer.DOMAINS if domain not in NOT_DEPARTMENTS]
    general += ["Ủy ban nhân dân tỉnh", "UBND các huyện, thị xã, thành phố", "Văn phòng UBND tỉnh", "Công an tỉnh",
                "Bộ Chỉ huy Quân sự tỉnh", "Cục Thống kê tỉnh", "Kho bạc Nhà nước tỉnh", "Bảo hiểm xã hội tỉnh"]
    return list(dict.fromkeys(name.strip() for name in own + general if name and name.strip()))
