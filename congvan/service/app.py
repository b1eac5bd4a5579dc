"""The HTTP API (FastAPI): post documents, read them back, and track their tasks.

Build it with `create_app()`; `congvan serve` runs it with uvicorn. OpenAPI docs are at /docs.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import date
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from congvan import __version__
from congvan.readers import ReadError
from congvan.readers.limits import Limits
from congvan.service import packets, pages, review, uploads
from congvan.service.auth import RATE_BURST, RATE_PER_MINUTE, AuthMiddleware, actor
from congvan.service.limits import LimitsMiddleware
from congvan.service.schemas import (
    AuditEntry,
    DocumentSummary,
    Feed,
    Problem,
    StoredDocument,
    TaskOut,
    TaskPatch,
    TaskState,
)
from congvan.service.store import Store

MiB = 1024 * 1024
log = logging.getLogger("congvan.service")

DESCRIPTION = """Converts Vietnamese official documents (công văn, quyết định, kế hoạch…) into the JSON of the
output contract, stores them, and tracks their tasks: filters by lead agency, deadline and state
(done_on_time, done_late, open_in_time, open_overdue), a feed for pollers, and an iCalendar export."""


# how a refused or unreadable upload is answered: (status, what the detail says first)
_REFUSED = {"too_large": (413, "file over a limit"), "encrypted": (422, "encrypted file"),
            "unreadable": (400, "unreadable file"), "unsupported": (415, "unsupported file"),
            "timeout": (504, "file took too long")}


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": Problem} for code in codes}


def create_app(store: Store | None = None, max_upload_bytes: int = 20 * MiB, request_timeout_s: float = 60, *,
               limits: Limits | None = None, auth: bool = True, rate_per_minute: float = RATE_PER_MINUTE,
               rate_burst: int = RATE_BURST, cors_origins: Sequence[str] = (), public_paths: Sequence[str] = ()
               ) -> FastAPI:
    """The API over store (default: `Store()`, configured from the environment).

    Uploads over max_upload_bytes get 413; a request running over request_timeout_s gets 504; documents are
    refused by the pre-flight `limits` (default Limits()). Every request needs a token (auth.py) unless auth
    is False, except on the review page's HTML shells and static files (pages.PUBLIC: they hold no data, their
    script asks for a token) and on public_paths ('/x' exactly, '/x/*' as a prefix); CORS is off unless
    cors_origins names the origins allowed.
    """
    owns_store = store is None
    store = store if store is not None else Store()
    limits = limits or Limits()
    pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="congvan-extract")

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.shutdown(wait=False, cancel_futures=True)
        if owns_store:
            store.close()

    app = FastAPI(title="congvan", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.store = store
    app.add_middleware(LimitsMiddleware, max_body=max_upload_bytes, timeout_s=request_timeout_s)
    app.add_middleware(AuthMiddleware, store=store, enabled=auth, per_minute=rate_per_minute, burst=rate_burst,
                       public=(*pages.PUBLIC, *public_paths))
    if cors_origins:  # added last: outermost, so that preflight requests (no token) are answered
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins),
                           allow_methods=["GET", "POST", "PATCH", "PUT"],
                           allow_headers=["Authorization", "Content-Type"])
    packets.add_routes(app, store)  # before /v1/documents/{doc_id}, which would take "x.edxml" as an id
    _document_routes(app, store, pool, limits, request_timeout_s)
    _task_routes(app, store)
    _audit_routes(app, store)
    review.add_routes(app, store)
    pages.add_routes(app)
    return app


def _document_routes(app: FastAPI, store: Store, pool: ThreadPoolExecutor, limits: Limits,
                     request_timeout_s: float) -> None:
    @app.post("/v1/documents", status_code=201, tags=["documents"], openapi_extra=uploads.UPLOAD_BODY,
              response_model=None, summary="Convert and store a document",
              responses={201: {"model": StoredDocument, "description": "Converted and stored"},
                         200: {"model": StoredDocument, "description": "Already stored: the stored result"},
                         **_errors(400, 401, 403, 413, 415, 422, 429, 504)})
    async def post_document(request: Request) -> JSONResponse:
        """Upload a file (multipart field `file`) or post JSON `{"text": "...", "filename": "x.txt"}`.

        The same file (content hash), or the same issuer, number and date, is stored once: posting it again
        returns the stored document with status 200.
        """
        upload = await uploads.read_upload(request)
        stored = await run_in_threadpool(store.find_sha256, hashlib.sha256(upload.data).hexdigest())
        if stored is not None:  # same bytes: keep them if this document was stored before originals were
            await run_in_threadpool(store.put_original, stored["id"], upload.name, upload.data,
                                    actor=actor(request.state))
            return JSONResponse(stored, status_code=200)
        try:
            result = await asyncio.get_running_loop().run_in_executor(pool, uploads.extract, upload, limits,
                                                                      request_timeout_s)
        except ReadError as exc:
            return JSONResponse({"detail": f"{_REFUSED[exc.error_class][1]} '{upload.name}': {exc}",
                                 "error_class": exc.error_class}, status_code=_REFUSED[exc.error_class][0])
        except Exception as exc:  # noqa: BLE001 - a client gets one line; the log gets the traceback
            log.exception("extracting %s failed", upload.name)
            raise HTTPException(500, f"internal error while extracting '{upload.name}' "
                                     f"({type(exc).__name__}: {exc})") from exc
        document, created = await run_in_threadpool(store.add, result, upload.data, actor=actor(request.state))
        return JSONResponse(document, status_code=201 if created else 200)

    @app.get("/v1/documents", tags=["documents"], response_model=list[DocumentSummary],
             summary="List stored documents")
    def list_documents() -> list[dict]:
        """One summary line per stored document, oldest first, with task and warning counts and review state."""
        return store.documents()

    @app.get("/v1/documents/{doc_id}", tags=["documents"], response_model=None, summary="One stored document",
             responses={200: {"model": StoredDocument}, **_errors(404)})
    def get_document(doc_id: str) -> JSONResponse:
        """The stored JSON of a document."""
        document = store.get(doc_id)
        if document is None:
            raise HTTPException(404, f"no document with id '{doc_id}'")
        return JSONResponse(document)

    @app.get("/v1/health", tags=["service"], summary="Liveness and database")
    def health() -> dict:
        """Service version, database dialect and schema version."""
        return {"status": "ok", "version": __version__, "database": store.dialect,
                "schema_version": store.schema_version()}


def _task_routes(app: FastAPI, store: Store) -> None:
    @app.get("/v1/tasks", tags=["tasks"], response_model=list[TaskOut], summary="Tasks, filtered",
             responses=_errors(422))
    def list_tasks(
        lead: Annotated[str | None, Query(description="Part of a lead agency's name, any case.")] = None,
        due_before: Annotated[date | None, Query(description="Deadline on or before this day (YYYY-MM-DD).")] = None,
        status: Annotated[TaskState | None, Query(description="Derived state of the task.")] = None,
    ) -> list[dict]:
        """Tasks in the order they were added. open_overdue / open_in_time compare the deadline with today;
        done_late / done_on_time compare done_at with the deadline (a task without deadline is never late)."""
        return store.tasks(lead=lead, due_before=due_before, state=status.value if status else None)

    @app.get("/v1/feed", tags=["tasks"], response_model=Feed, summary="Tasks added since a cursor",
             responses=_errors(422))
    def feed(
        since: Annotated[str, Query(pattern=r"^\d{1,18}$", description="Cursor from the last poll's `next`.")] = "0",
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> dict:
        """For pollers: tasks added (or corrected since, same id) after `since`, oldest first, and the cursor to
        poll with next."""
        items, cursor = store.feed(int(since), limit)
        return {"tasks": items, "next": str(cursor)}

    @app.get("/v1/tasks.ics", tags=["tasks"], summary="Tasks as iCalendar", response_class=Response,
             responses={200: {"content": {"text/calendar": {}}}, **_errors(503)})
    def tasks_ics() -> Response:
        """Every stored document's tasks as an iCalendar file (congvan.exporters.ics)."""
        try:
            from congvan.exporters import ics
        except ImportError as exc:
            raise HTTPException(503, f"calendar export is not available in this installation ({exc})") from exc
        body = ics.export(store.full_documents())
        return Response(body, media_type="text/calendar; charset=utf-8",
                        headers={"Content-Disposition": 'inline; filename="congvan-tasks.ics"'})

    @app.patch("/v1/tasks/{task_id}", tags=["tasks"], response_model=TaskOut, summary="Mark a task done or open",
               responses=_errors(404, 422))
    def patch_task(task_id: str, change: TaskPatch, request: Request) -> dict:
        """`{"status": "done", "done_at": "YYYY-MM-DD"}` (done_at defaults to today) or `{"status": "open"}`."""
        task = store.set_status(task_id, change.status, change.done_at, actor=actor(request.state))
        if task is None:
            raise HTTPException(404, f"no task with id '{task_id}'")
        return task


def _audit_routes(app: FastAPI, store: Store) -> None:
    @app.get("/v1/audit", tags=["service"], response_model=list[AuditEntry], summary="The audit log (admin)",
             responses=_errors(401, 403, 422))
    def audit(
        since: Annotated[int, Query(ge=0, description="Entries after this seq (the last one you saw).")] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> list[dict]:
        """Every write, oldest first: who (token id and name), when, what (action), on which document or task,
        and what changed. Needs a token of scope admin."""
        return store.audit(since, limit)
