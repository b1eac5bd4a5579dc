"""The HTTP service as a client sees it: a real uvicorn server on 127.0.0.1 driven with httpx.

Every round trip runs on SQLite and on PostgreSQL: CONGVAN_TEST_POSTGRES_URL when set, else a throw-away
cluster made with Debian's binaries (/usr/lib/postgresql/*/bin); the PostgreSQL cases skip, saying why,
only when neither is there.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import httpx
import icalendar
import pytest
import sqlalchemy as sa
import uvicorn

from congvan.pipeline.run import extract_file
from congvan.service.app import create_app
from congvan.service.store import SCHEMA_VERSION, Store, resolve_url, task_state

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
KHAN = SAMPLES / "congvan-khan.md"
KHAN_ID = "3c05541d434ac4c7"  # first 16 hex digits of the file's SHA-256

TEXT = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: {number}/UBND-VX
Quảng Ngãi, ngày 10 tháng 11 năm 2026
V/v tổ chức kiểm tra an toàn thực phẩm cuối năm

Kính gửi: Sở Y tế.

1. Giao Sở Y tế chủ trì, phối hợp với Sở Công Thương tổ chức kiểm tra an toàn thực phẩm, báo cáo UBND tỉnh \
trước ngày 15/01/2099.

2. Giao Sở Y tế tuyên truyền về an toàn thực phẩm thường xuyên.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Lê Văn Bình
"""


# -- servers ----------------------------------------------------------------------------------------


@contextmanager
def serve(app: object) -> Iterator[str]:
    """Run app with uvicorn in a background thread on a free port of 127.0.0.1; yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _initdb() -> Path | None:
    """Debian's newest initdb, if installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]) if found else None


def _as_postgres(args: list[str]) -> list[str]:
    """args run as the postgres user when we are root (initdb and postgres refuse to run as root)."""
    if os.geteuid() != 0:
        return args
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *args]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{a}'" for a in args)]


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A PostgreSQL database: CONGVAN_TEST_POSTGRES_URL, else a throw-away cluster torn down at the end."""
    given = os.environ.get("CONGVAN_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    initdb = _initdb()
    if initdb is None:
        pytest.skip("PostgreSQL not tested: set CONGVAN_TEST_POSTGRES_URL or install Debian's postgresql "
                    "(apt-get install postgresql) for a throw-away cluster")
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("PostgreSQL not tested: running as root and there is no 'postgres' user to run it")
        # root's pytest tmp folders are private (0700): the cluster goes where the postgres user can reach it
        base = Path(tempfile.mkdtemp(prefix="congvan-pg-"))
        shutil.chown(base, "postgres")
    else:
        base = tmp_path_factory.mktemp("pg")
    data, log, port = base / "data", base / "server.log", _free_port()
    bindir = initdb.parent

    def run(args: list[str]) -> None:
        done = subprocess.run(_as_postgres(args), cwd=base, capture_output=True, text=True, timeout=120)
        if done.returncode:
            server_log = log.read_text(errors="replace")[-3000:] if log.exists() else ""
            pytest.fail(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}{server_log}")

    run([str(initdb), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync"])
    options = f"-k {base} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start"])
    try:
        engine = sa.create_engine(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres",
                                  isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql("CREATE DATABASE congvan_test")
        engine.dispose()
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/congvan_test"
    finally:
        run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store: SQLite in tmp_path, or a fresh schema of the test PostgreSQL database."""
    if request.param == "sqlite":
        store = Store(data_dir=tmp_path / "data")
        yield store
        store.close()
        return
    server = sa.make_url(request.getfixturevalue("postgres_url"))
    schema = f"congvan_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    url = server.update_query_dict({"options": f"-csearch_path={schema}"})
    store = Store(url.render_as_string(hide_password=False))
    try:
        yield store
    finally:
        store.close()
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


# -- helpers ----------------------------------------------------------------------------------------


def post_file(http: httpx.Client, path: Path, name: str | None = None) -> httpx.Response:
    return http.post("/v1/documents", files={"file": (name or path.name, path.read_bytes())})


def ids(tasks: list[dict]) -> set[str]:
    return {t["id"] for t in tasks}


def k(clause: str) -> str:
    """The store id of a task of samples/congvan-khan.md."""
    return f"{KHAN_ID}-{clause}"


# -- the round trip ---------------------------------------------------------------------------------


def test_round_trip(store: Store) -> None:
    """Upload, dedupe, read back, filter, poll the feed, patch, export, and refuse bad input."""
    expected = extract_file(KHAN)
    with serve(create_app(store, max_upload_bytes=1024 * 1024, auth=False)) as base, \
            httpx.Client(base_url=base, timeout=60) as http:
        # a file, multipart
        first = post_file(http, KHAN)
        assert first.status_code == 201, first.text
        doc = first.json()
        assert doc["id"] == KHAN_ID
        assert doc["source"]["path"] == "congvan-khan.md"
        assert doc["document"] == expected["document"] and doc["tasks"] == expected["tasks"]

        # the same file again, under its name or another: stored once, the stored result comes back
        again = post_file(http, KHAN)
        assert again.status_code == 200 and again.json() == doc
        renamed = post_file(http, KHAN, "copy-of-khan.md")
        assert renamed.status_code == 200 and renamed.json()["id"] == KHAN_ID

        # JSON text; then the same document (issuer, number, date) in other bytes is not stored again
        text = http.post("/v1/documents", json={"text": TEXT.format(number=77), "filename": "cv-77.txt"})
        assert text.status_code == 201, text.text
        doc2 = text.json()
        assert doc2["document"]["number"] == "77/UBND-VX" and doc2["source"]["path"] == "cv-77.txt"
        same = http.post("/v1/documents", json={"text": TEXT.format(number=77) + "\n\n", "filename": "x.md"})
        assert same.status_code == 200 and same.json()["id"] == doc2["id"]
        assert [d["id"] for d in http.get("/v1/documents").json()] == [KHAN_ID, doc2["id"]]

        # read back
        assert http.get(f"/v1/documents/{KHAN_ID}").json() == doc
        missing = http.get("/v1/documents/0000000000000000")
        assert missing.status_code == 404 and "0000000000000000" in missing.json()["detail"]

        # tasks and their filters (today is after 2024 and before 2099)
        every = http.get("/v1/tasks").json()
        assert [t["clause"] for t in every] == [t["clause"] for t in expected["tasks"]] + ["1", "2"]
        d2 = doc2["id"]
        assert ids(http.get("/v1/tasks", params={"lead": "sở xây DỰNG"}).json()) == {k("1"), k("2.b.1"), k("2.b.2")}
        assert ids(http.get("/v1/tasks", params={"lead": "Y TẾ"}).json()) == {f"{d2}-1", f"{d2}-2"}
        assert ids(http.get("/v1/tasks", params={"due_before": "2024-03-20"}).json()) == {k("1"), k("2.c")}
        overdue = http.get("/v1/tasks", params={"status": "open_overdue"}).json()
        assert ids(overdue) == {k("1"), k("2.a"), k("2.b.2"), k("2.c")}
        in_time = http.get("/v1/tasks", params={"status": "open_in_time"}).json()
        assert ids(in_time) == {k("2.b.1"), k("2.d"), f"{d2}-1", f"{d2}-2"}
        both = http.get("/v1/tasks", params={"lead": "sở tài chính", "status": "open_overdue"}).json()
        assert ids(both) == {k("1"), k("2.a")}
        assert http.get("/v1/tasks", params={"status": "late"}).status_code == 422
        assert http.get("/v1/tasks", params={"due_before": "20/3/2024"}).status_code == 422

        # the feed, polled with a cursor a few at a time
        seen, cursor = [], "0"
        for _ in range(10):
            page = http.get("/v1/feed", params={"since": cursor, "limit": 3}).json()
            if not page["tasks"]:
                assert page["next"] == cursor
                break
            seen += page["tasks"]
            cursor = page["next"]
        assert [t["id"] for t in seen] == [t["id"] for t in every]
        assert post_file(http, SAMPLES / "thong-bao.txt").status_code == 201
        fresh = http.get("/v1/feed", params={"since": cursor}).json()
        assert [t["clause"] for t in fresh["tasks"]] == ["2.a", "2.b", "2.c", "3"]
        assert int(fresh["next"]) > int(cursor)
        assert http.get("/v1/feed", params={"since": fresh["next"]}).json() == {"tasks": [], "next": fresh["next"]}
        assert http.get("/v1/feed", params={"since": "abc"}).status_code == 422

        # status changes and the derived state
        on_time = http.patch(f"/v1/tasks/{k('1')}", json={"status": "done", "done_at": "2024-03-10"})
        assert on_time.status_code == 200, on_time.text
        assert on_time.json()["state"] == "done_on_time" and on_time.json()["done_at"] == "2024-03-10"
        late = http.patch(f"/v1/tasks/{k('2.a')}", json={"status": "done", "done_at": "2024-05-01"}).json()
        assert late["state"] == "done_late"
        today = http.patch(f"/v1/tasks/{d2}-1", json={"status": "done"}).json()
        assert today["done_at"] == date.today().isoformat() and today["state"] == "done_on_time"
        assert ids(http.get("/v1/tasks", params={"status": "done_late"}).json()) == {k("2.a")}
        assert ids(http.get("/v1/tasks", params={"status": "done_on_time"}).json()) == {k("1"), f"{d2}-1"}
        reopened = http.patch(f"/v1/tasks/{k('2.a')}", json={"status": "open"}).json()
        assert reopened["state"] == "open_overdue" and reopened["done_at"] is None
        assert http.patch("/v1/tasks/nope-1", json={"status": "done"}).status_code == 404
        assert http.patch(f"/v1/tasks/{k('1')}", json={"status": "finished"}).status_code == 422
        assert http.patch(f"/v1/tasks/{k('1')}", json={"status": "open", "done_at": "2024-01-01"}).status_code == 422

        # the calendar
        ics = http.get("/v1/tasks.ics")
        assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
        calendar = icalendar.Calendar.from_ical(ics.content)
        items = calendar.walk("VTODO") + calendar.walk("VEVENT")
        assert len(items) >= len(http.get("/v1/tasks").json())
        dues = {item.decoded("due") for item in items if item.get("due") is not None}
        assert {date(2024, 4, 15), date(2099, 1, 15)} <= {d.date() if hasattr(d, "date") else d for d in dues}

        # bad input: clear 4xx JSON
        unsupported = http.post("/v1/documents", files={"file": ("notes.xyz", b"plain words")})
        assert unsupported.status_code == 415 and ".xyz" in unsupported.json()["detail"]
        bad_pdf = post_file(http, SAMPLES / "bad.pdf")
        assert bad_pdf.status_code == 400
        assert bad_pdf.json()["detail"].startswith("unreadable file 'bad.pdf': ") and "pdf" in bad_pdf.json()["detail"]
        too_large = http.post("/v1/documents", files={"file": ("big.txt", b"a" * (1024 * 1024 + 1))})
        assert too_large.status_code == 413 and "limit" in too_large.json()["detail"]
        head = b'--zzz\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
        chunked = http.post("/v1/documents", content=iter([head] + [b"x" * 65536] * 20),  # no Content-Length
                            headers={"content-type": "multipart/form-data; boundary=zzz"})
        assert chunked.status_code == 413
        no_field = http.post("/v1/documents", files={"other": ("a.txt", b"abc")})
        assert no_field.status_code == 422
        assert http.post("/v1/documents", content=b"abc", headers={"content-type": "text/plain"}).status_code == 415
        assert http.post("/v1/documents", content=b"{", headers={"content-type": "application/json"}).status_code == 400
        assert http.post("/v1/documents", json={"text": ""}).status_code == 422
        assert http.post("/v1/documents", json={"text": "abc", "filename": "x.pdf"}).status_code == 415
        assert [d["id"] for d in http.get("/v1/documents").json()][:2] == [KHAN_ID, d2]
        assert len(http.get("/v1/documents").json()) == 3


def test_concurrent_posts_lose_nothing(store: Store) -> None:
    """8 threads post 8 distinct documents at once, then 8 post the same one: 8 stored, then 1 more."""
    with serve(create_app(store, auth=False)) as base:
        barrier = threading.Barrier(8)

        def post(text: str) -> httpx.Response:
            with httpx.Client(base_url=base, timeout=120) as http:
                barrier.wait(30)
                return http.post("/v1/documents", json={"text": text, "filename": "cv.txt"})

        def run_all(texts: list[str]) -> list[httpx.Response]:
            results: list[httpx.Response | None] = [None] * len(texts)

            def worker(i: int) -> None:
                results[i] = post(texts[i])

            threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(texts))]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(180)
            assert all(r is not None for r in results)
            return results  # type: ignore[return-value]

        distinct = run_all([TEXT.format(number=100 + i) for i in range(8)])
        assert [r.status_code for r in distinct] == [201] * 8, [r.text for r in distinct]
        assert len({r.json()["id"] for r in distinct}) == 8
        same = run_all([TEXT.format(number=999)] * 8)
        assert sorted(r.status_code for r in same) == [200] * 7 + [201]
        assert len({r.json()["id"] for r in same}) == 1
        with httpx.Client(base_url=base) as http:
            assert len(http.get("/v1/documents").json()) == 9
            feed = http.get("/v1/feed", params={"limit": 1000}).json()
    assert [t["seq"] for t in feed["tasks"]] == list(range(1, 19))  # 9 documents x 2 tasks, no gap, no repeat


def test_two_stores_on_one_sqlite_file(tmp_path: Path) -> None:
    """Two stores on the same file (as two processes would be) writing at once: nothing lost."""
    first, second = Store(data_dir=tmp_path), Store(data_dir=tmp_path)
    results = [extract_file(SAMPLES / "thong-bao.txt")]
    base = results[0]
    for i in range(1, 8):
        other = {**base, "source": {**base["source"], "sha256": hashlib.sha256(bytes([i])).hexdigest()},
                 "document": {**base["document"], "number": f"{i}/TB-TCT"}}
        results.append(other)
    barrier = threading.Barrier(8)

    def add(i: int) -> None:
        barrier.wait(30)
        (first if i % 2 else second).add(results[i])

    threads = [threading.Thread(target=add, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(first.documents()) == 8
    assert sorted(t["seq"] for t in second.tasks()) == list(range(1, 33))
    first.close()
    second.close()


# -- limits -----------------------------------------------------------------------------------------


def test_default_upload_limit_is_20_mib(tmp_path: Path) -> None:
    store = Store(data_dir=tmp_path)
    with serve(create_app(store, auth=False)) as base, httpx.Client(base_url=base, timeout=60) as http:
        response = http.post("/v1/documents", files={"file": ("big.txt", b"a" * (20 * 1024 * 1024 + 1))})
        assert response.status_code == 413
        assert "20971520" in response.json()["detail"]
    store.close()


def test_slow_request_gets_504(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from congvan.service import uploads

    def slow(upload: uploads.Upload, *_limits: object) -> dict:
        time.sleep(1.5)
        raise AssertionError("the time limit should have answered first")

    monkeypatch.setattr(uploads, "extract", slow)
    store = Store(data_dir=tmp_path)
    with serve(create_app(store, request_timeout_s=0.3, auth=False)) as base, \
            httpx.Client(base_url=base, timeout=30) as http:
        started = time.monotonic()
        response = http.post("/v1/documents", files={"file": ("cv.txt", TEXT.format(number=5).encode())})
        assert response.status_code == 504 and "time limit" in response.json()["detail"]
        assert time.monotonic() - started < 1.4
        assert http.get("/v1/health").json()["status"] == "ok"
    store.close()


def test_openapi_docs(tmp_path: Path) -> None:
    store = Store(data_dir=tmp_path)
    with serve(create_app(store, auth=False)) as base, httpx.Client(base_url=base) as http:
        assert http.get("/docs").status_code == 200
        paths = http.get("/openapi.json").json()["paths"]
        assert {"/v1/documents", "/v1/documents/{doc_id}", "/v1/tasks", "/v1/feed", "/v1/tasks.ics",
                "/v1/tasks/{task_id}"} <= set(paths)
        body = paths["/v1/documents"]["post"]["requestBody"]["content"]
        assert {"multipart/form-data", "application/json"} <= set(body)
    store.close()


# -- the store on its own ---------------------------------------------------------------------------


def test_schema_is_versioned(tmp_path: Path) -> None:
    store = Store(data_dir=tmp_path)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.migrate() == SCHEMA_VERSION  # already there: nothing to do
    with store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO schema_version (version, applied_at) VALUES (99, '2030-01-01')")
    store.close()
    with pytest.raises(RuntimeError, match="newer"):
        Store(data_dir=tmp_path)


def test_where_the_data_goes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONGVAN_DATABASE_URL", raising=False)
    monkeypatch.setenv("CONGVAN_DATA_DIR", str(tmp_path / "env-dir"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'env-dir' / 'congvan.db'}"
    assert resolve_url(data_dir=tmp_path / "arg") == f"sqlite:///{tmp_path / 'arg' / 'congvan.db'}"
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CONGVAN_DATA_DIR")
    assert resolve_url() == f"sqlite:///{tmp_path / 'congvan-data' / 'congvan.db'}"
    monkeypatch.setenv("CONGVAN_DATABASE_URL", "postgresql://u@h/db")
    assert resolve_url() == "postgresql+psycopg://u@h/db"


def test_task_state() -> None:
    today, deadline = date(2025, 6, 1), date(2025, 5, 31)
    assert task_state("open", deadline, None, today) == "open_overdue"
    assert task_state("open", date(2025, 6, 1), None, today) == "open_in_time"
    assert task_state("open", None, None, today) == "open_in_time"
    assert task_state("done", deadline, date(2025, 5, 31), today) == "done_on_time"
    assert task_state("done", deadline, date(2025, 6, 1), today) == "done_late"
    assert task_state("done", None, date(2030, 1, 1), today) == "done_on_time"


# -- the command ------------------------------------------------------------------------------------


def test_serve_command(tmp_path: Path) -> None:
    """`serve` as a subprocess: listens, stores under --data-dir; importing it loads no web or SQL library."""
    probe = ("import sys, congvan.service.command; "
             "print(sorted({'fastapi', 'uvicorn', 'sqlalchemy'} & set(sys.modules)))")
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout == "[]\n"
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("CONGVAN_DATABASE_URL", "CONGVAN_DATA_DIR")}
    process = subprocess.Popen([sys.executable, "-m", "congvan.service.command", "--port", str(port),
                                "--data-dir", str(tmp_path / "data"), "--log-level", "warning", "--no-auth"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                health = httpx.get(f"{base}/v1/health")
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stdout.read() if process.stdout else ""
                time.sleep(0.1)
        else:
            pytest.fail("congvan serve did not answer within 30 s")
        assert health.json()["database"] == "sqlite"
        response = httpx.post(f"{base}/v1/documents", files={"file": ("khan.md", KHAN.read_bytes())}, timeout=60)
        assert response.status_code == 201 and response.json()["id"] == KHAN_ID
        assert (tmp_path / "data" / "congvan.db").is_file()
    finally:
        process.terminate()
        process.wait(15)
