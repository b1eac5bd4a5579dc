"""The service facing a network: tokens with scopes (401/403), rate limits (429), CORS, the audit log,
server-made upload names, hostile uploads answered with their class; the token and db commands."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from congvan.cli import main
from congvan.readers.limits import Limits
from congvan.service import backup, tokens
from congvan.service.app import create_app
from congvan.service.store import Store, token_table
from tests import hostile, test_service
from tests.test_service import KHAN, serve

postgres_url, store = test_service.postgres_url, test_service.store  # the fixtures, on both databases

AUTH_PATHS = [("GET", "/v1/documents"), ("GET", "/v1/tasks"), ("GET", "/v1/feed"), ("GET", "/v1/health"),
              ("GET", "/docs"), ("GET", "/openapi.json"), ("GET", "/v1/audit"), ("POST", "/v1/documents"),
              ("PATCH", "/v1/tasks/x-1")]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_tokens_scopes_and_audit(store: Store) -> None:
    _, reader = tokens.create(store, "dashboard", "read")
    writer_id, writer = tokens.create(store, "scanner-1", "write")
    _, admin = tokens.create(store, "ops", "admin")
    gone_id, gone = tokens.create(store, "old", "admin")
    assert store.revoke_token(gone_id) and not store.revoke_token(gone_id)
    with serve(create_app(store)) as base, httpx.Client(base_url=base, timeout=60) as http:
        # no token, a malformed one, a forged secret for a real id, a revoked one, another scheme: 401
        forged = writer[:-4] + ("AAAA" if not writer.endswith("AAAA") else "BBBB")
        for headers in ({}, bearer("nonsense"), bearer(forged), bearer(gone), {"Authorization": f"Basic {admin}"}):
            for method, path in AUTH_PATHS:
                response = http.request(method, path, headers=headers)
                assert response.status_code == 401, (headers, method, path, response.text)
                assert response.headers["www-authenticate"].startswith("Bearer")
                assert "token" in response.json()["detail"]

        # read: GET only
        for method, path in AUTH_PATHS[:6]:
            assert http.request(method, path, headers=bearer(reader)).status_code == 200, path
        for method, path in AUTH_PATHS[6:]:
            refused = http.request(method, path, headers=bearer(reader))
            assert refused.status_code == 403 and "scope read" in refused.json()["detail"], path

        # write: posts documents and changes tasks, cannot read the audit log
        posted = http.post("/v1/documents", headers=bearer(writer),
                           files={"file": ("../../etc/khan.md", KHAN.read_bytes())})
        assert posted.status_code == 201, posted.text
        doc_id = posted.json()["id"]
        assert posted.json()["source"]["path"] == "khan.md"  # never a path of the client's making
        assert http.post("/v1/documents", headers=bearer(writer), files={"file": ("k.md", KHAN.read_bytes())}
                         ).status_code == 200  # stored already: no write, no audit entry
        task_id = http.get("/v1/tasks", headers=bearer(writer)).json()[0]["id"]
        done = http.patch(f"/v1/tasks/{task_id}", headers=bearer(writer), json={"status": "done",
                                                                                "done_at": "2024-03-01"})
        assert done.status_code == 200
        assert http.get("/v1/audit", headers=bearer(writer)).status_code == 403

        # admin: the audit log of every write, with who and what changed
        log = http.get("/v1/audit", headers=bearer(admin))
        assert log.status_code == 200
        entries = log.json()
        assert [e["action"] for e in entries] == ["token.create"] * 4 + ["token.revoke", "document.create",
                                                                          "task.status"]
        assert [e["seq"] for e in entries] == list(range(1, 8))
        created, changed = entries[-2], entries[-1]
        assert (created["token_id"], created["token_name"], created["document_id"]) == (writer_id, "scanner-1", doc_id)
        assert created["detail"]["source"] == "khan.md" and created["detail"]["tasks"] > 0
        assert (changed["token_name"], changed["task_id"], changed["document_id"]) == ("scanner-1", task_id, doc_id)
        assert changed["detail"] == {"status": ["open", "done"], "done_at": [None, "2024-03-01"]}
        assert [e["seq"] for e in http.get("/v1/audit", params={"since": 5}, headers=bearer(admin)).json()] == [6, 7]


def test_tokens_are_stored_hashed(tmp_path: Path) -> None:
    store = Store(data_dir=tmp_path)
    token_id, secret = tokens.create(store, "scanner-1", "write")
    assert secret.startswith(f"cvt_{token_id}_") and len(secret) > 40
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(token_table)).one()
    assert row.hash == hashlib.sha256(secret.encode()).hexdigest()
    dumped = "".join(backup.dump_lines(store))
    random_part = secret.removeprefix(f"cvt_{token_id}_")  # may itself contain '_'
    assert len(random_part) >= 20 and random_part not in dumped and row.hash in dumped
    assert tokens.verify(store, secret) == {"id": token_id, "name": "scanner-1", "scope": "write"}
    assert tokens.verify(store, secret + "x") is None
    with pytest.raises(ValueError, match="scope"):
        tokens.create(store, "x", "root")
    store.close()


def test_rate_limit_per_token(tmp_path: Path) -> None:
    store = Store(data_dir=tmp_path)
    _, first = tokens.create(store, "busy", "read")
    _, second = tokens.create(store, "calm", "read")
    with serve(create_app(store, rate_per_minute=6, rate_burst=3)) as base, httpx.Client(base_url=base) as http:
        codes = [http.get("/v1/documents", headers=bearer(first)).status_code for _ in range(5)]
        assert codes == [200, 200, 200, 429, 429]
        limited = http.get("/v1/documents", headers=bearer(first))
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
        assert "rate limit" in limited.json()["detail"]
        assert http.get("/v1/documents", headers=bearer(second)).status_code == 200  # its own bucket
    store.close()


def test_bad_tokens_are_rate_limited_per_address(tmp_path: Path) -> None:
    from congvan.service.auth import FAILURES_BURST, is_public

    store = Store(data_dir=tmp_path)
    _, token = tokens.create(store, "ok", "read")
    with serve(create_app(store)) as base, httpx.Client(base_url=base) as http:
        codes = []
        while len(codes) < FAILURES_BURST + 20 and 429 not in codes:
            codes.append(http.get("/v1/tasks", headers=bearer("cvt_00000000_" + "x" * 43)).status_code)
        assert set(codes[:FAILURES_BURST]) == {401}  # the bucket refills during the loop: a few more pass
        assert codes[-1] == 429 and FAILURES_BURST < len(codes) < FAILURES_BURST + 20
        assert http.get("/v1/tasks", headers=bearer("nonsense")).status_code == 429  # the address waits a while
        assert http.get("/v1/tasks", headers=bearer(token)).status_code == 200  # a valid token is not held up
    store.close()
    assert is_public("/static/app.js", ["/static/*", "/"]) and is_public("/", ["/static/*", "/"])
    assert not is_public("/v1/tasks", ["/static/*", "/"]) and not is_public("/static", ["/static/*"])


def test_cors_is_off_unless_an_origin_is_allowed(tmp_path: Path) -> None:
    store = Store(data_dir=tmp_path)
    _, token = tokens.create(store, "page", "read")
    preflight = {"Origin": "https://intranet.example", "Access-Control-Request-Method": "GET",
                 "Access-Control-Request-Headers": "authorization"}
    with serve(create_app(store)) as base, httpx.Client(base_url=base) as http:
        response = http.get("/v1/documents", headers={**bearer(token), "Origin": "https://evil.example"})
        assert response.status_code == 200 and "access-control-allow-origin" not in response.headers
        assert "access-control-allow-origin" not in http.options("/v1/documents", headers=preflight).headers
    with serve(create_app(store, cors_origins=["https://intranet.example"])) as base, \
            httpx.Client(base_url=base) as http:
        allowed = http.options("/v1/documents", headers=preflight)
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://intranet.example"
        other = http.options("/v1/documents", headers={**preflight, "Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        assert http.get("/v1/documents", headers={"Origin": "https://intranet.example"}).status_code == 401
    store.close()


def test_hostile_uploads_get_their_class(tmp_path: Path) -> None:
    store = Store(data_dir=tmp_path / "data")
    hostile.encrypted_pdf(tmp_path / "e.pdf")
    hostile.nested_html(tmp_path / "n.html")
    hostile.xml_entities(tmp_path / "x.docx")
    hostile.many_pages(tmp_path / "p.pdf", 400)
    expected = {"e.pdf": (422, "encrypted"), "n.html": (413, "too_large"), "x.docx": (415, "unsupported"),
                "p.pdf": (413, "too_large")}
    with serve(create_app(store, auth=False)) as base, httpx.Client(base_url=base, timeout=60) as http:
        for name, (status, error_class) in expected.items():
            response = http.post("/v1/documents", files={"file": (name, (tmp_path / name).read_bytes())})
            assert (response.status_code, response.json().get("error_class")) == (status, error_class), name
            assert name in response.json()["detail"]
        assert http.get("/v1/documents").json() == []
    store.close()


def test_upload_is_written_under_a_server_made_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from congvan.pipeline import sandbox
    from congvan.service import uploads

    seen: list[str] = []

    def fake(task: dict) -> dict:
        seen.append(Path(task["path"]).name)
        assert Path(task["path"]).parent.name.startswith("congvan-upload-")
        return {"ok": True, "payload": json.dumps({"source": {"path": task["path"]}}).encode()}

    monkeypatch.setattr(sandbox, "convert_guarded", fake)
    for name in ("../../x; rm -rf ~.txt", "ảnh chụp.PNG", "noextension", "a.exe"):
        result = uploads.extract(uploads.Upload(uploads.safe_name(name), b"data"))
        assert result["source"]["path"] == uploads.safe_name(name)
    assert seen == ["upload.txt", "upload.png", "upload.bin", "upload.bin"]


def test_uploads_run_in_a_capped_worker_process(tmp_path: Path) -> None:
    """The service's extraction runs in a sandbox worker: a document past the CPU cap there is a timeout."""
    store = Store(data_dir=tmp_path / "data")
    limits = Limits(max_line_bytes=0, max_cpu_seconds=1)
    line = tmp_path / "line.txt"
    hostile.one_line(line, 1)
    with serve(create_app(store, auth=False, limits=limits)) as base, httpx.Client(base_url=base, timeout=60) as http:
        response = http.post("/v1/documents", files={"file": ("line.txt", line.read_bytes())})
        assert (response.status_code, response.json()["error_class"]) == (504, "timeout"), response.text
        assert http.post("/v1/documents", files={"file": ("k.md", KHAN.read_bytes())}).status_code == 201
    store.close()


def test_token_and_db_commands(tmp_path: Path) -> None:
    runner = CliRunner()
    where = ["--data-dir", str(tmp_path / "a")]
    made = runner.invoke(main, ["token", "create", "--scope", "write", "--name", "scanner-1", *where])
    assert made.exit_code == 0, made.output
    secret = made.stdout.strip()
    store = Store(data_dir=tmp_path / "a")
    assert tokens.verify(store, secret)["scope"] == "write"
    store.add(json.loads(json.dumps(_result())))
    listed = runner.invoke(main, ["token", "list", *where])
    token_id = secret.split("_")[1]
    assert listed.exit_code == 0 and f"{token_id}\twrite\tscanner-1" in listed.stdout and "active" in listed.stdout
    revoked = runner.invoke(main, ["token", "revoke", token_id, *where])
    assert revoked.exit_code == 0 and tokens.verify(store, secret) is None
    assert runner.invoke(main, ["token", "revoke", token_id, *where]).exit_code == 1
    assert "revoked" in runner.invoke(main, ["token", "list", *where]).stdout

    dump = tmp_path / "backup.jsonl"
    assert runner.invoke(main, ["db", "dump", "-o", str(dump), *where]).exit_code == 0
    restored = runner.invoke(main, ["db", "restore", str(dump), "--data-dir", str(tmp_path / "b")])
    assert restored.exit_code == 0, restored.output
    again = runner.invoke(main, ["db", "dump", "--data-dir", str(tmp_path / "b")])
    assert again.stdout == dump.read_text(encoding="utf-8")
    twice = runner.invoke(main, ["db", "restore", str(dump), "--data-dir", str(tmp_path / "b")])
    assert twice.exit_code == 1 and "not empty" in twice.output
    store.close()


def test_dump_restores_into_the_other_database(store: Store, tmp_path: Path) -> None:
    """SQLite to PostgreSQL and back (or the reverse): documents, tasks, statuses, tokens and audit alike."""
    tokens.create(store, "scanner-1", "write")
    document, _ = store.add(_result())
    task = store.tasks()[0]
    store.set_status(task["id"], "done", actor={"id": None, "name": "alice"})
    text = "".join(backup.dump_lines(store))
    other = Store(data_dir=tmp_path / "other")
    assert backup.restore(other, io.StringIO(text)) == len(text.splitlines()) - 1
    assert "".join(backup.dump_lines(other)) == text
    assert other.get(document["id"]) == store.get(document["id"])
    assert other.tasks() == store.tasks() and other.audit() == store.audit()
    other.close()


def _result() -> dict:
    from congvan.pipeline.run import extract_file

    return extract_file(KHAN)


def test_no_auth_only_on_loopback() -> None:
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--no-auth"])
    assert result.exit_code == 2 and "loopback" in result.output
    from congvan.service.command import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("10.0.0.5") and not is_loopback("example.org")

