"""Store's API tokens (only the SHA-256 of a secret is kept) and its audit log of every write."""

from __future__ import annotations

import json

import sqlalchemy as sa

from congvan.service.store_rows import StorePart, _audit, _aware, _now
from congvan.service.tables import audit_table, token_table


class TokenMixin(StorePart):
    """Store's methods for API tokens and the audit log."""

    def add_token(self, token_id: str, name: str, scope: str, digest: str, actor: dict | None = None) -> None:
        """Store a new API token (its id, name, scope and the SHA-256 of its secret); audited."""
        def attempt() -> None:
            with self._write() as conn:
                conn.execute(token_table.insert().values(id=token_id, name=name, scope=scope, hash=digest,
                                                         created_at=_now()))
                _audit(conn, actor, "token.create", detail={"token_id": token_id, "name": name, "scope": scope})
        self._retry(attempt)

    def token(self, token_id: str) -> dict | None:
        """One token's row (hash included), or None."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(token_table).where(token_table.c.id == token_id)).first()
        return dict(row._mapping) if row else None

    def tokens(self) -> list[dict]:
        """Every token (without its hash), oldest first."""
        c = token_table.c
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(c.id, c.name, c.scope, c.created_at, c.revoked_at).order_by(
                c.created_at, c.id)).all()
        return [{"id": r.id, "name": r.name, "scope": r.scope, "created_at": _aware(r.created_at).isoformat(),
                 "revoked_at": _aware(r.revoked_at).isoformat() if r.revoked_at else None} for r in rows]

    def revoke_token(self, token_id: str, actor: dict | None = None) -> bool:
        """Revoke a token (it stays listed); False when there is no such active token. Audited."""
        def attempt() -> bool:
            with self._write() as conn:
                c = token_table.c
                done = conn.execute(token_table.update().where(c.id == token_id, c.revoked_at.is_(None)).values(
                    revoked_at=_now())).rowcount > 0
                if done:
                    _audit(conn, actor, "token.revoke", detail={"token_id": token_id})
                return done
        return self._retry(attempt)

    def audit(self, since: int = 0, limit: int = 100) -> list[dict]:
        """Up to limit audit entries after seq since, oldest first."""
        a = audit_table.c
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(audit_table).where(a.seq > since).order_by(a.seq).limit(limit)).all()
        return [{"seq": r.seq, "at": _aware(r.at).isoformat(), "token_id": r.token_id, "token_name": r.token_name,
                 "action": r.action, "document_id": r.document_id, "task_id": r.task_id,
                 "detail": json.loads(r.detail) if isinstance(r.detail, str) else r.detail} for r in rows]
