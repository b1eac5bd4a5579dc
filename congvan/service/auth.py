"""ASGI middleware: every request needs a valid token of the right scope (401/403), within its rate (429).

Scope of a request: /v1/audit needs admin; GET and HEAD need read; any other method needs write. The token
comes as ``Authorization: Bearer <token>``; the request's handler finds it in ``request.state.token``
({"id", "name", "scope"}). With auth off (only on loopback, see `congvan serve --no-auth`) every request
runs as the "anonymous" actor, still rate-limited as one client. Paths given as `public` (a page's static
shell, say) need no token. An address sending many missing or bad tokens gets 429 for them for a while
(requests with a valid token are never held up by it).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Sequence
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from congvan.service import tokens
from congvan.service.store import Store

ANONYMOUS = {"id": None, "name": "anonymous", "scope": "admin"}
RATE_PER_MINUTE = 600  # requests a token may make per minute, on average
RATE_BURST = 60  # requests it may make at once
FAILURES_PER_MINUTE = 60  # requests with a missing or bad token one address may make per minute …
FAILURES_BURST = 100  # … after a first burst of this many (then 429 until its bucket refills)
ADMIN_PATHS = ("/v1/audit",)


def is_public(path: str, public: Sequence[str]) -> bool:
    """Whether a path is served without a token: an entry ending in '*' is a prefix, others match exactly."""
    return any(path.startswith(p[:-1]) if p.endswith("*") else path == p for p in public)


def needed_scope(method: str, path: str) -> str:
    """The scope a request needs."""
    if path.startswith(ADMIN_PATHS):
        return "admin"
    return "read" if method in ("GET", "HEAD") else "write"


class TokenBuckets:
    """One token bucket per client: `per_minute` requests a minute on average, `burst` at once."""

    def __init__(self, per_minute: float, burst: int) -> None:
        self.rate, self.burst = per_minute / 60.0, max(1, burst)
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens left, when counted)
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 when the client may go ahead (one request counted), else the seconds until it may."""
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        with self._lock:
            left, then = self._buckets.get(key, (float(self.burst), now))
            left = min(float(self.burst), left + (now - then) * self.rate)
            if left < 1.0:
                self._buckets[key] = (left, now)
                return (1.0 - left) / self.rate
            self._buckets[key] = (left - 1.0, now)
            return 0.0


class AuthMiddleware:
    """Bearer tokens with scopes and per-token rate limits in front of the whole API."""

    def __init__(self, app: ASGIApp, store: Store, enabled: bool = True, per_minute: float = RATE_PER_MINUTE,
                 burst: int = RATE_BURST, public: Sequence[str] = ()) -> None:
        self.app, self.store, self.enabled, self.public = app, store, enabled, tuple(public)
        self.buckets = TokenBuckets(per_minute, burst)
        self.failures = TokenBuckets(FAILURES_PER_MINUTE, FAILURES_BURST)  # per client address

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token = ANONYMOUS
        if self.enabled and not is_public(scope["path"], self.public):
            secret = _bearer(scope)
            found = await run_in_threadpool(tokens.verify, self.store, secret) if secret else None
            if found is None:
                client = (scope.get("client") or ("?", 0))[0]  # behind a proxy: X-Forwarded-For (uvicorn)
                if self.failures.take(client):
                    await _answer(send, 429, "too many requests with a bad token from this address")
                    return
                await _answer(send, 401, "a valid API token is required: send 'Authorization: Bearer <token>' "
                                         "(congvan token create)", [(b"www-authenticate", b'Bearer realm="congvan"')])
                return
            needed = needed_scope(scope["method"], scope["path"])
            if not tokens.allows(found["scope"], needed):
                await _answer(send, 403, f"token '{found['name']}' has scope {found['scope']}; "
                                         f"this request needs {needed}")
                return
            token = found
        wait = self.buckets.take(token["id"] or "anonymous")
        if wait:
            await _answer(send, 429, f"rate limit of {self.buckets.rate * 60:g} requests a minute reached",
                          [(b"retry-after", str(max(1, round(wait))).encode())])
            return
        scope.setdefault("state", {})["token"] = token
        await self.app(scope, receive, send)


def actor(state: Any) -> dict:
    """The audit actor ({"id", "name"}) of a request, from request.state."""
    token = getattr(state, "token", None) or ANONYMOUS
    return {"id": token["id"], "name": token["name"]}


def _bearer(scope: Scope) -> str | None:
    for name, value in scope.get("headers") or []:
        if name == b"authorization":
            kind, _, secret = value.decode("latin-1").strip().partition(" ")
            return secret.strip() if kind.lower() == "bearer" else None
    return None


async def _answer(send: Send, status: int, detail: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
