"""edXML over HTTP: a stored document as a packet (with its original file), and its processing status.

``GET /v1/documents/{id}.edxml`` and ``GET /v1/documents/{id}.status.edxml?from=NAME``. OrganIds come from the
registry CSV named by ``CONGVAN_ORGS`` (name,id; see congvan.exporters.orgs), read when the app is built; the
packet's warnings (an agency without id …) are returned in the ``X-Congvan-Warnings`` header as a JSON list
(ASCII: non-ASCII letters escaped). Register these routes before ``/v1/documents/{doc_id}``, which would match
``x.edxml`` otherwise.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import Response

from congvan.exporters import edxml, edxml_status
from congvan.exporters import orgs as registry
from congvan.service.store import Store

MEDIA_TYPE = "application/xml"


def load_registry() -> registry.Registry:
    """The registry named by CONGVAN_ORGS, or an empty one."""
    path = os.environ.get("CONGVAN_ORGS")
    return registry.load(path) if path else registry.Registry()


def add_routes(app: FastAPI, store: Store, orgs: registry.Registry | None = None) -> None:
    """The edXML routes over store."""
    orgs = orgs if orgs is not None else load_registry()

    # the longer suffix first: {doc_id}.edxml would take 'x.status' as an id
    @app.get("/v1/documents/{doc_id}.status.edxml", tags=["tasks"], summary="The document's processing status",
             response_class=Response, responses={200: {"content": {MEDIA_TYPE: {}}}, 404: {}})
    def status_packet(doc_id: str, replier: Annotated[str | None, Query(
            alias="from", description="The replying agency (looked up in the registry).")] = None) -> Response:
        """An edXML status packet (03 tiếp nhận, 04 phân công, 05 đang xử lý, 06 hoàn thành) from the states
        of the document's tasks."""
        document = next((d for d in store.full_documents() if d["id"] == doc_id), None)
        if document is None:
            raise HTTPException(404, f"no document with id '{doc_id}'")
        built = edxml_status.build(document, orgs.find(replier) if replier else None, orgs, datetime.now())
        return _packet(built, f"{doc_id}.status.edxml")

    @app.get("/v1/documents/{doc_id}.edxml", tags=["documents"], summary="A stored document as an edXML packet",
             response_class=Response, responses={200: {"content": {MEDIA_TYPE: {}}}, 404: {}})
    def document_packet(doc_id: str) -> Response:
        """The document's edXML packet (QCVN 102:2016) with its original file attached, zipped and base64."""
        document = _document(store, doc_id)
        kept = store.original(doc_id)
        if kept is None:
            raise HTTPException(404, f"the original file of document '{doc_id}' was not kept (stored before "
                                     "this version); post it again to get a packet")
        name, data = kept
        built = edxml.build(document, edxml.original_from(name, data, document.get("source") or {}), orgs)
        return _packet(built, f"{doc_id}.edxml")


def _document(store: Store, doc_id: str) -> dict:
    document = store.get(doc_id)
    if document is None:
        raise HTTPException(404, f"no document with id '{doc_id}'")
    return document


def _packet(built: edxml.Built, name: str) -> Response:
    return Response(built.data, media_type=MEDIA_TYPE, headers={
        "Content-Disposition": f'attachment; filename="{name}"',
        "X-Congvan-Warnings": json.dumps(built.warnings),  # ASCII: json escapes the Vietnamese letters
    })
