"""API tokens: created with a random secret shown once, stored as the secret's SHA-256 under a public id.

A token reads ``cvt_<id>_<secret>``: the id finds the row, the hashes are compared in constant time
(hmac.compare_digest). Scopes nest: read < write < admin.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from congvan.service.store import Store

SCOPES = ("read", "write", "admin")
PREFIX = "cvt_"
_SHAPE = re.compile(r"^cvt_([0-9a-f]{8})_[A-Za-z0-9_-]{20,100}$")


def digest(token: str) -> str:
    """The SHA-256 (hex) of a token, as stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create(store: Store, name: str, scope: str, actor: dict | None = None) -> tuple[str, str]:
    """A new token: (its id, the full token). The full token is not stored anywhere: show it once."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    if not name.strip():
        raise ValueError("a token needs a name (who or what uses it)")
    token_id = secrets.token_hex(4)
    token = f"{PREFIX}{token_id}_{secrets.token_urlsafe(32)}"
    store.add_token(token_id, name.strip(), scope, digest(token), actor)
    return token_id, token


def verify(store: Store, token: str) -> dict | None:
    """The token's {"id", "name", "scope"} when it is a valid, unrevoked token of this store, else None."""
    shape = _SHAPE.match(token or "")
    if shape is None:
        return None
    row = store.token(shape.group(1))
    if row is None or row["revoked_at"] is not None:
        return None
    if not hmac.compare_digest(digest(token), row["hash"]):
        return None
    return {"id": row["id"], "name": row["name"], "scope": row["scope"]}


def allows(scope: str, needed: str) -> bool:
    """Whether a token of scope may make a request that needs scope needed."""
    return SCOPES.index(scope) >= SCOPES.index(needed)
