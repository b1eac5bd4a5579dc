"""Durability under load (loopback only): concurrent uploaders and status updaters against a real `congvan
serve` process, killed with SIGKILL mid-load and restarted on the same database. Every acknowledged (2xx)
write must be there, with its audit entry; no document is stored twice. SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import httpx
import pytest

from congvan.service import tokens
from congvan.service.store import Store
from tests import test_service
from tests.test_service import TEXT, _free_port

postgres_url, store = test_service.postgres_url, test_service.store  # an empty store on SQLite and PostgreSQL
UPLOADERS, UPDATERS = 4, 2
LOAD_SECONDS = 4.0


def start(flags: list[str], token: str) -> tuple[subprocess.Popen, str]:
    """`congvan serve` on a free loopback port; returns the process and its base URL once it answers."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("CONGVAN_DATABASE_URL", "CONGVAN_DATA_DIR")}
    process = subprocess.Popen([sys.executable, "-m", "congvan.service.command", "--port", str(port), *flags,
                                "--rate-limit", "0", "--log-level", "warning"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{base}/v1/health", headers=_auth(token)).status_code == 200:
                return process, base
        except httpx.TransportError:
            pass
        assert process.poll() is None, "congvan serve exited"
        time.sleep(0.05)
    process.kill()
    pytest.fail("congvan serve did not answer within 30 s")


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class Load:
    """Uploaders post new documents; updaters flip the status of the tasks of acknowledged documents."""

    def __init__(self, base: str, token: str) -> None:
        self.base, self.token = base, token
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.acked_docs: dict[str, str] = {}  # document id -> the text posted
        self.attempted: list[str] = []  # every text posted, acknowledged or not
        self.acked_patches: dict[str, list[str]] = {}  # task id -> statuses acknowledged, in order
        self.pending_patch: dict[str, str] = {}  # task id -> a status sent after the last acknowledged one
        self.errors: list[BaseException] = []

    def run(self, work, worker: int) -> None:  # noqa: ANN001 - upload or update
        """Run one client, keeping what it raises for the test to report."""
        try:
            work(worker)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.errors.append(exc)

    def upload(self, worker: int) -> None:
        with httpx.Client(base_url=self.base, headers=_auth(self.token), timeout=30) as http:
            for n in range(10_000):
                if self.stop.is_set():
                    return
                text = TEXT.format(number=worker * 10_000 + n + 1)
                with self.lock:
                    self.attempted.append(text)
                try:
                    response = http.post("/v1/documents", json={"text": text, "filename": "cv.txt"})
                except httpx.TransportError:
                    return  # the server is gone
                if response.status_code in (200, 201):
                    with self.lock:
                        self.acked_docs[response.json()["id"]] = text

    def update(self, worker: int) -> None:
        with httpx.Client(base_url=self.base, headers=_auth(self.token), timeout=30) as http:
            flips = 0
            while not self.stop.is_set():
                with self.lock:
                    docs = sorted(d for d in self.acked_docs if int(d, 16) % UPDATERS == worker)  # each its own
                if not docs:
                    time.sleep(0.01)
                    continue
                task_id = f"{docs[flips % len(docs)]}-{1 + flips % 2}"
                flips += 1
                status = "open" if self.acked_patches.get(task_id, ["open"])[-1] == "done" else "done"
                self.pending_patch[task_id] = status
                try:
                    response = http.patch(f"/v1/tasks/{task_id}", json={"status": status})
                except httpx.TransportError:
                    return
                assert response.status_code == 200, response.text
                self.acked_patches.setdefault(task_id, []).append(status)
                del self.pending_patch[task_id]


def test_kill_9_mid_load_loses_no_acknowledged_write(store: Store) -> None:
    _, token = tokens.create(store, "load-test", "admin")
    flags = ["--database-url", store.url]
    process, base = start(flags, token)
    load = Load(base, token)
    threads = [threading.Thread(target=load.run, args=(load.upload, i)) for i in range(UPLOADERS)]
    threads += [threading.Thread(target=load.run, args=(load.update, i)) for i in range(UPDATERS)]
    try:
        for thread in threads:
            thread.start()
        time.sleep(LOAD_SECONDS)
        assert load.acked_docs and load.acked_patches, "no write was acknowledged before the kill"
        os.kill(process.pid, signal.SIGKILL)  # mid-load: requests are in flight
        process.wait(10)
    finally:
        load.stop.set()
        for thread in threads:
            thread.join(60)
        if process.poll() is None:
            process.kill()
    assert not load.errors, load.errors
    process, base = start(flags, token)
    try:
        _check(base, token, load)
        print(f"{store.dialect}: {len(load.acked_docs)} uploads and {sum(map(len, load.acked_patches.values()))} "
              f"status changes acknowledged before kill -9; all there after the restart")
    finally:
        process.terminate()
        process.wait(15)


def _check(base: str, token: str, load: Load) -> None:
    with httpx.Client(base_url=base, headers=_auth(token), timeout=60) as http:
        stored = http.get("/v1/documents").json()
        ids = [d["id"] for d in stored]
        assert len(ids) == len(set(ids))
        assert set(load.acked_docs) <= set(ids), "an acknowledged document was lost"
        assert len(ids) <= len(load.attempted)
        numbers = [d["number"] for d in stored]
        assert len(numbers) == len(set(numbers)), "a document was stored twice"
        for doc_id, text in list(load.acked_docs.items())[:20]:  # posting again finds the stored one
            again = http.post("/v1/documents", json={"text": text, "filename": "again.txt"})
            assert (again.status_code, again.json()["id"]) == (200, doc_id)
        tasks = {t["id"]: t["status"] for t in http.get("/v1/tasks").json()}
        for task_id, statuses in load.acked_patches.items():
            allowed = {statuses[-1], load.pending_patch.get(task_id, statuses[-1])}
            assert tasks[task_id] in allowed, (task_id, statuses, load.pending_patch.get(task_id))
        audit, since = [], 0
        while page := http.get("/v1/audit", params={"since": since, "limit": 1000}).json():
            audit += page
            since = page[-1]["seq"]
        created = {e["document_id"] for e in audit if e["action"] == "document.create"}
        assert set(load.acked_docs) <= created and len(created) == len(ids)
        changes: dict[str, int] = {}
        for entry in audit:
            if entry["action"] == "task.status":
                changes[entry["task_id"]] = changes.get(entry["task_id"], 0) + 1
                assert entry["token_name"] == "load-test"
        for task_id, statuses in load.acked_patches.items():
            assert changes.get(task_id, 0) >= len(statuses), task_id
