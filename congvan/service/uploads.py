"""Reading a posted document (multipart file or JSON text) and running the pipeline on it."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from congvan import readers
from congvan.layout import ERROR_CLASSES
from congvan.readers.limits import Limits
from congvan.service.schemas import TextDocument

TEXT_SUFFIXES = {suffix for suffix, name in readers.SUFFIXES.items() if name in ("txt", "md", "html")}
_MAGIC = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")

UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {"type": "object", "required": ["file"],
                           "properties": {"file": {"type": "string", "format": "binary"}}},
            },
            "application/json": {"schema": TextDocument.model_json_schema()},
        },
    },
}


@dataclass
class Upload:
    """A posted document: a safe file name and its bytes."""

    name: str
    data: bytes


async def read_upload(request: Request) -> Upload:
    """The document in a POST body: multipart field `file`, or JSON {"text", "filename"}; 415/422 otherwise."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=10)
        item = form.get("file")
        if not isinstance(item, UploadFile):
            raise RequestValidationError([{"type": "missing", "loc": ["body", "file"], "input": None,
                                           "msg": "multipart field 'file' (the document) is required"}])
        upload = Upload(safe_name(item.filename or ""), await item.read())
        await form.close()
        check_type(upload)
        return upload
    if kind == "application/json" or kind.endswith("+json"):
        try:
            payload = TextDocument.model_validate(json.loads(await request.body()))
        except json.JSONDecodeError as exc:
            raise HTTPException(400, f"body is not valid JSON ({exc.msg} at position {exc.pos})") from exc
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from exc
        name = safe_name(payload.filename)
        if not Path(name).suffix:
            name += ".txt"
        if Path(name).suffix.lower() not in TEXT_SUFFIXES:
            raise HTTPException(415, f"JSON text must be named {_listing(TEXT_SUFFIXES)}, not '{name}'; "
                                     "upload other formats as a multipart file")
        return Upload(name, payload.text.encode("utf-8"))
    raise HTTPException(415, "send the document as multipart/form-data (field 'file') or as application/json "
                             '{"text": "...", "filename": "x.txt"}' + (f", not {kind}" if kind else ""))


def safe_name(name: str) -> str:
    """The base name of an uploaded file, without path parts or characters unsafe in a file name."""
    base = Path(name.replace("\\", "/")).name.strip()
    base = re.sub(r"[^\w.\- ]", "_", base).lstrip(".") or "upload"
    stem, suffix = Path(base).stem, Path(base).suffix
    return stem[: 120 - len(suffix)] + suffix if len(base) > 120 else base


def check_type(upload: Upload) -> None:
    """415 unless the name's suffix or the content's magic bytes name a format the readers know."""
    head = upload.data[:1024]
    if head.startswith(_MAGIC) or b"%PDF-" in head:
        return
    suffix = Path(upload.name).suffix.lower()
    if suffix not in readers.SUFFIXES:
        raise HTTPException(415, f"unsupported file type '{suffix or '(none)'}' of '{upload.name}'; "
                                 f"supported: {_listing(readers.SUFFIXES)}")


def extract(upload: Upload, limits: Limits | None = None, timeout: float = 0.0) -> dict:
    """Run the pipeline over the upload in a guarded worker process (pipeline/sandbox.py: the memory and CPU
    caps of `limits` apply, a hung or crashing reader costs that process only); blocking, so call it in a
    worker thread. Raises readers.ReadError (with its class) for refused or unreadable files.

    The file is written under a name the server makes (upload + a known suffix), never the client's."""
    from congvan.pipeline.sandbox import convert_guarded

    suffix = Path(upload.name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="congvan-upload-") as folder:
        path = Path(folder) / f"upload{suffix if suffix in readers.SUFFIXES else '.bin'}"
        path.write_bytes(upload.data)
        outcome = convert_guarded({"path": str(path), "limits": (limits or Limits()).to_dict(), "timeout": timeout})
    if not outcome["ok"]:
        if outcome["error_class"] in ERROR_CLASSES:
            raise readers.ReadError(outcome["error"], outcome["error_class"])
        raise RuntimeError(outcome["error"])
    result = json.loads(outcome["payload"])
    result["source"].pop("pipeline_version", None)
    result["source"]["path"] = upload.name
    return result


def _listing(suffixes: Iterable[str]) -> str:
    return ", ".join(sorted(suffixes))
