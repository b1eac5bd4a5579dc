"""ASGI middleware for the request body size limit (413) and the per-request time limit (504)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLarge(HTTPException):
    """The request body passed the upload limit (raised while the body is being read)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than the upload limit of {limit} bytes")


class LimitsMiddleware:
    """Rejects bodies over max_body bytes with 413 and answers 504 when a request takes over timeout_s.

    A declared Content-Length over the limit is refused before the body is read; a body sent without one
    (chunked) is counted as it arrives and refused once it passes the limit. On timeout the work running in
    a worker thread cannot be killed: it finishes in the background and its result is dropped (a document
    it stores is found again when re-posted).
    """

    def __init__(self, app: ASGIApp, max_body: int, timeout_s: float) -> None:
        self.app, self.max_body, self.timeout_s = app, max_body, timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            if _header(scope, b"expect") != "100-continue":  # a client waiting for 100 Continue sends nothing
                await _drain(receive, self.max_body)
            await _send_json(send, 413, str(BodyTooLarge(self.max_body).detail), close=True)
            return
        started = False
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await asyncio.wait_for(self.app(scope, counting_receive, tracking_send), self.timeout_s)
        except asyncio.TimeoutError:
            if not started:
                await _send_json(send, 504, f"request took longer than the time limit of {self.timeout_s:g} s")


def _header(scope: Scope, wanted: bytes) -> str | None:
    for name, value in scope.get("headers") or []:
        if name == wanted:
            return value.decode("latin-1").strip().lower()
    return None


async def _drain(receive: Receive, budget: int) -> None:
    """Read and drop up to budget bytes of an oversized body, so that a client that does not wait for
    "100 Continue" gets the 413 instead of a reset connection; past the budget the connection is closed."""
    seen = 0
    while seen <= budget:
        message = await receive()
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


async def _send_json(send: Send, status: int, detail: str, close: bool = False) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False, separators=(",", ":")).encode()
    headers: list[Any] = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
