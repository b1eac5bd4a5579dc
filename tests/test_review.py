"""The review API and what it feeds: corrections kept as revisions, served by /v1/tasks, the feed and the .ics
export; review states; the original's view; the inbox's filters; `congvan export gold` scored by score.py.

The round trip runs on SQLite and PostgreSQL (the store fixture of test_service).
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import date
from pathlib import Path

import httpx
import icalendar
import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from congvan.cli import main
from congvan.exporters import gold
from congvan.pipeline.run import extract_file
from congvan.service import tokens
from congvan.service.app import create_app
from congvan.service.inbox import InboxFilter, inbox_rows
from congvan.service.original import fold_search, task_marks
from congvan.service.store import SCHEMA_VERSION, Store, doc_table, metadata, task_table, version_table
from tests.conftest import SAMPLES, SHARED
from tests.test_service import postgres_url, serve, store  # noqa: F401 - fixtures

KHAN = SAMPLES / "congvan-khan.md"
PLAN = SAMPLES / "ke-hoach.html"
PDF = SAMPLES / "quyet-dinh.pdf"
Connect = Callable[..., httpx.Client]


@pytest.fixture
def connect() -> Iterator[Connect]:
    """connect(store): an HTTP client of a uvicorn server on a free loopback port serving store, without tokens
    (edits are by the X-Congvan-User header; test_review_with_tokens covers the service with auth on)."""
    with ExitStack() as stack:
        def make(db: Store, auth: bool = False, token: str = "") -> httpx.Client:
            base = stack.enter_context(serve(create_app(db, auth=auth)))
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            return stack.enter_context(httpx.Client(base_url=base, timeout=60, headers=headers))

        yield make


def post(client: httpx.Client, path: Path) -> dict:
    response = client.post("/v1/documents", files={"file": (path.name, path.read_bytes())})
    assert response.status_code == 201, response.text
    return response.json()


def by_id(tasks: list[dict]) -> dict[str, dict]:
    return {task["id"]: task for task in tasks}


def test_correction_round_trip(store: Store, connect: Connect) -> None:  # noqa: F811 - the fixture
    client = connect(store)
    khan, plan = post(client, KHAN), post(client, PLAN)
    doc_id = khan["id"]
    before = by_id(client.get("/v1/tasks").json())
    cursor = max(task["seq"] for task in before.values())
    first, second, third = (f"{doc_id}-{task['clause']}" for task in khan["tasks"][:3])
    assert client.patch(f"/v1/tasks/{second}", json={"status": "done", "done_at": "2026-01-02"}).status_code == 200

    corrected = json.loads(json.dumps(khan))
    corrected["document"]["subject"] = "Trích yếu đã sửa"
    corrected["tasks"][0]["deadline"] = {"date": "2031-03-15", "kind": "before", "text": "trước ngày 15/3/2031"}
    corrected["tasks"][0]["lead"] = ["Sở Nội vụ"]
    corrected["tasks"][1]["title"] = corrected["tasks"][1]["title"]  # unchanged: keeps its status and feed place
    removed = corrected["tasks"].pop(2)
    corrected["tasks"].append({"id": "moi-1", "clause": "9", "title": "Nhiệm vụ thêm", "description": "Thêm.",
                               "lead": ["Sở Tài chính"], "support": [], "deadline": None, "recurrence": "monthly"})
    response = client.put(f"/v1/documents/{doc_id}", json=corrected,
                          headers={"X-Congvan-User": "Nguy%E1%BB%85n%20V%C4%83n%20An"})
    assert response.status_code == 200, response.text
    assert response.json()["document"]["subject"] == "Trích yếu đã sửa"
    assert response.json()["source"] == khan["source"]

    # the original extraction is kept; the correction is revision 1, by its author
    info = client.get(f"/v1/documents/{doc_id}/review").json()
    assert [(r["revision"], r["author"]) for r in info["revisions"]] == [(0, "congvan"), (1, "Nguyễn Văn An")]
    assert info["state"] == "new"
    assert client.get(f"/v1/documents/{doc_id}/revisions/0").json()["tasks"] == khan["tasks"]
    assert client.get(f"/v1/documents/{doc_id}/revisions/1").json()["document"]["subject"] == "Trích yếu đã sửa"
    assert client.get(f"/v1/documents/{doc_id}").json()["document"]["subject"] == "Trích yếu đã sửa"
    assert client.get(f"/v1/documents/{plan['id']}/revisions/0").json() == plan  # never corrected: itself

    # the feed and the task list serve the correction
    after = by_id(client.get("/v1/tasks").json())
    assert after[first]["lead"] == ["Sở Nội vụ"] and after[first]["deadline_date"] == "2031-03-15"
    assert after[first]["seq"] > cursor
    assert after[second]["seq"] == before[second]["seq"] and after[second]["status"] == "done"
    assert f"{doc_id}-{removed['clause']}" not in after and third not in after
    assert after[f"{doc_id}-9"]["recurrence"] == "monthly"
    fresh = client.get("/v1/feed", params={"since": cursor}).json()["tasks"]
    assert {task["id"] for task in fresh} == {first, f"{doc_id}-9"}
    assert [t["id"] for t in client.get("/v1/tasks", params={"lead": "sở nội vụ"}).json()
            if t["document_id"] == doc_id] == [first]
    calendar = icalendar.Calendar.from_ical(client.get("/v1/tasks.ics").content)
    dues = {str(todo.get("x-congvan-clause")): todo.decoded("due") for todo in calendar.walk("VTODO")
            if todo.get("due") and todo.get("x-congvan-clause")}
    assert dues[khan["tasks"][0]["clause"]] == date(2031, 3, 15)

    # every export of the store serves it too
    jsonl = [json.loads(line) for line in client.get("/v1/export/jsonl").text.splitlines()]
    assert next(t for t in jsonl if t.get("clause") == khan["tasks"][0]["clause"]
                and "Sở Nội vụ" in json.dumps(t, ensure_ascii=False))
    csv = client.get("/v1/export/gitlab-csv")
    assert csv.status_code == 200 and "2031-03-15" in csv.text and "Nhiệm vụ thêm" in csv.text
    assert client.get("/v1/export/pdf").status_code == 404
    assert client.get("/v1/export/jsonl", params={"reviewed": "true"}).text == ""

    # review state
    marked = client.post(f"/v1/documents/{doc_id}/review", headers={"X-Congvan-User": "Lan"}).json()
    assert marked["state"] == "reviewed" and marked["reviewed_by"] == "Lan" and marked["reviewed_at"]
    states = {d["id"]: d["review_state"] for d in client.get("/v1/documents").json()}
    assert states == {doc_id: "reviewed", plan["id"]: "new"}
    summary = next(d for d in client.get("/v1/documents").json() if d["id"] == doc_id)
    assert summary["task_count"] == len(corrected["tasks"]) and summary["subject"] == "Trích yếu đã sửa"
    assert [d["id"] for d in store.reviewed_documents()] == [doc_id]
    reviewed_only = client.get("/v1/export/jsonl", params={"reviewed": "true"}).text.splitlines()
    assert len(reviewed_only) == len(corrected["tasks"])
    assert client.post(f"/v1/documents/{doc_id}/review", json={"state": "new"}).json()["reviewed_by"] is None

    # refusals
    broken = json.loads(json.dumps(corrected))
    broken["tasks"][0]["deadline"]["date"] = "15/03/2031"
    response = client.put(f"/v1/documents/{doc_id}", json=broken)
    assert response.status_code == 422 and "deadline" in json.dumps(response.json()["detail"])
    clash = json.loads(json.dumps(corrected))
    clash["document"].update({k: plan["document"][k] for k in ("issuer", "number", "date")})
    assert client.put(f"/v1/documents/{doc_id}", json=clash).status_code == 409
    assert client.put("/v1/documents/nope", json=corrected).status_code == 404
    assert client.post("/v1/documents/nope/review").status_code == 404
    assert client.post(f"/v1/documents/{doc_id}/review", json={"state": "done"}).status_code == 422
    assert client.get(f"/v1/documents/{doc_id}/revisions/7").status_code == 404
    assert len(client.get(f"/v1/documents/{doc_id}/review").json()["revisions"]) == 2  # refusals stored nothing


def test_original_and_view(tmp_path: Path, connect: Connect) -> None:
    client = connect(Store(data_dir=tmp_path))
    pdf, plan = post(client, PDF), post(client, PLAN)
    original = client.get(f"/v1/documents/{pdf['id']}/original")
    assert original.content == PDF.read_bytes() and original.headers["content-type"] == "application/pdf"

    view = client.get(f"/v1/documents/{pdf['id']}/view").json()
    assert view["format"] == "pdf" and view["pages"][0]["width"] > 500
    assert all(line["box"] and line["page"] == 1 for line in view["lines"])
    assert len(view["tasks"]) == len(pdf["tasks"])
    for task, marks in zip(pdf["tasks"], view["tasks"], strict=True):
        clause = " ".join(view["lines"][i]["text"] for i in marks["lines"])
        assert task["description"][:30] in clause
        deadline = (task.get("deadline") or {}).get("text")
        if deadline:
            assert any(e["kind"] == "deadline" and e["text"] == deadline for e in marks["evidence"])
    page = client.get(f"/v1/documents/{pdf['id']}/pages/1.png")
    assert page.status_code == 200 and page.content.startswith(b"\x89PNG")
    assert client.get(f"/v1/documents/{pdf['id']}/pages/2.png").status_code == 404

    view = client.get(f"/v1/documents/{plan['id']}/view").json()
    assert view["format"] == "html" and view["pages"] == []
    marks = view["tasks"][0]
    assert "Sở Nội vụ chủ trì" in view["lines"][marks["lines"][0]]["text"]
    assert {e["kind"] for e in marks["evidence"]} == {"lead", "support", "deadline"}
    assert client.get(f"/v1/documents/{plan['id']}/pages/1.png").status_code == 404

    names = client.get("/v1/agencies", params={"document": plan["id"]}).json()
    assert names[0] == plan["document"]["issuer"] and "Sở Tài nguyên và Môi trường" in names
    assert "Sở Về các vấn đề xã hội" not in names and len(names) == len(set(names))


def test_task_marks_follow_the_text() -> None:
    lines = [{"text": t, "page": 1, "box": None} for t in
             ["1. Giao Sở Y tế chủ trì, phối hợp với", "Sở Công Thương kiểm tra, hoàn thành trước",
              "ngày 15/01/2099.", "2. Việc khác."]]
    result = {"document": {"clauses": []}, "tasks": [
        {"clause": "1", "description": "Giao Sở Y tế chủ trì, phối hợp với Sở Công Thương kiểm tra, hoàn thành "
                                       "trước ngày 15/01/2099.",
         "lead": ["Sở Y tế"], "support": ["Sở Công Thương"], "deadline": {"text": "trước ngày 15/01/2099"}},
        {"clause": "3", "description": "Không có trong văn bản.", "lead": [], "support": []}]}
    first, missing = task_marks(lines, result)
    assert first["lines"] == [0, 1, 2]
    assert {e["kind"]: e["lines"] for e in first["evidence"]} == {"lead": [0], "support": [1], "deadline": [1, 2]}
    assert missing == {"lines": [], "evidence": []}


def test_inbox_filters(tmp_path: Path, connect: Connect) -> None:
    db = Store(data_dir=tmp_path)
    client = connect(db)
    khan, plan, pdf = post(client, KHAN), post(client, PLAN), post(client, PDF)
    client.post(f"/v1/documents/{plan['id']}/review")
    assert fold_search("Sở Nội vụ ĐÃ Kiểm Tra") == "so noi vu da kiem tra"

    def ids(today: date = date(2024, 6, 26), **wanted: str) -> list[str]:
        return [row["id"] for row in inbox_rows(db, InboxFilter(**wanted), today=today)]

    assert ids() == [pdf["id"], plan["id"], khan["id"]]  # newest first
    assert ids(state="reviewed") == [plan["id"]]
    assert ids(state="new") == [pdf["id"], khan["id"]]
    assert ids(q="so noi vu") == [pdf["id"], plan["id"]]  # the plan's lead, the decision's task 3
    assert ids(q="PHU YEN") == [plan["id"]]
    assert ids(issuer=pdf["document"]["issuer"]) == [pdf["id"]]
    assert ids(due="week") == [pdf["id"], plan["id"], khan["id"]]  # each has a task due on Sunday 2024-06-30
    assert ids(due="week", today=date(2024, 12, 10)) == [plan["id"]]  # its III.3 is due on Sunday 2024-12-15
    assert ids(due="week", today=date(2024, 12, 16)) == []
    assert ids(due="overdue", today=date(2024, 4, 1)) == [khan["id"]]  # its 1 and 2.c were due in March

    inbox = client.get("/v1/inbox", params={"q": "so noi vu", "state": "reviewed"}).json()
    assert [d["id"] for d in inbox["documents"]] == [plan["id"]] and inbox["states"]["reviewed"] == "Đã kiểm tra"
    assert inbox["issuers"] == sorted({plan["document"]["issuer"], pdf["document"]["issuer"],
                                       khan["document"]["issuer"]}, key=fold_search)
    row = inbox["documents"][0]
    assert (row["task_count"], row["warning_count"], row["review_state"]) == (len(plan["tasks"]), 0, "reviewed")
    assert client.get("/v1/inbox", params={"due": "someday"}).status_code == 422

    page = client.get("/")  # a shell the page's script fills from /v1/inbox: no document data in the HTML
    assert page.status_code == 200 and "Văn bản đến" in page.text and plan["document"]["number"] not in page.text
    assert 'src="http' not in page.text and 'href="http' not in page.text  # nothing from outside the package
    document = client.get(f"/documents/{plan['id']}")
    assert document.status_code == 200 and f'data-doc-id="{plan["id"]}"' in document.text
    for asset in ("review.css", "common.js", "inbox.js", "document.js"):
        assert client.get(f"/static/{asset}").status_code == 200


def test_export_gold(tmp_path: Path, connect: Connect) -> None:
    db = Store(data_dir=tmp_path / "data")
    client = connect(db)
    khan, plan = post(client, KHAN), post(client, PLAN)
    corrected = json.loads(json.dumps(khan))
    corrected["tasks"][0]["lead"] = ["Sở Nội vụ"]
    client.put(f"/v1/documents/{khan['id']}", json=corrected, headers={"X-Congvan-User": "Lan"})
    client.post(f"/v1/documents/{khan['id']}/review", headers={"X-Congvan-User": "Lan"})
    db.close()

    out = tmp_path / "cases"
    done = CliRunner().invoke(main, ["export", "gold", str(out), "--data-dir", str(tmp_path / "data")])
    assert done.exit_code == 0, done.output
    assert sorted(p.name for p in out.rglob("*") if p.is_file()) == [f"{khan['id']}.gold.json", f"{khan['id']}.md"]
    case = json.loads((out / "gold" / f"{khan['id']}.gold.json").read_text(encoding="utf-8"))
    assert case["checked"] == gold.HEADER_FIELDS and "Lan" in case["notes"]
    assert case["tasks"][0]["lead"] == ["Sở Nội vụ"] and set(case["tasks"][0]) == {
        "clause", "description", "lead", "support", "deadline", "recurrence"}
    assert (out / "docs" / f"{khan['id']}.md").read_bytes() == KHAN.read_bytes()
    assert plan["id"] not in json.dumps(case)

    missing = CliRunner().invoke(main, ["export", "gold", str(out), "--data-dir", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "no store" in missing.output
    files = CliRunner().invoke(main, ["export", "jsonl", str(SAMPLES / "expected" / "ke-hoach.json")])
    assert files.exit_code == 0 and files.output.count("\n") == len(plan["tasks"])  # the files command is intact

    scorer = SHARED / "eval" / "score.py"
    if not scorer.is_file():
        pytest.skip("../shared/eval/score.py is not present on this machine")
    spec = importlib.util.spec_from_file_location("score", scorer)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    pred = tmp_path / "pred"
    pred.mkdir()
    (pred / f"{khan['id']}.json").write_text(json.dumps(khan, ensure_ascii=False), encoding="utf-8")
    result, _ = score.score(out / "gold", pred, False)
    assert result["header_accuracy"] == 1.0 and result["task_detection_prf"] == (1.0, 1.0, 1.0)
    assert result["lead_accuracy"] < 1.0  # the uncorrected extraction misses the clerk's lead fix
    (pred / f"{khan['id']}.json").write_text(json.dumps(corrected, ensure_ascii=False), encoding="utf-8")
    assert score.score(out / "gold", pred, False)[0]["task_f1"] == 1.0


def test_schema_1_database_upgrades(tmp_path: Path, connect: Connect) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        metadata.create_all(conn, tables=[version_table, doc_table, task_table])
        conn.execute(version_table.insert().values(version=1, applied_at=sa.func.now()))
    engine.dispose()
    db = Store(url)
    assert db.schema_version() == SCHEMA_VERSION >= 3  # 2: tokens and the audit log; 3: the review tables
    _, secret = tokens.create(db, "clerk", "write")
    client = connect(db, auth=True, token=secret)
    khan = post(client, KHAN)
    assert client.post(f"/v1/documents/{khan['id']}/review").json()["state"] == "reviewed"
    assert [e["action"] for e in db.audit()] == ["token.create", "document.create", "document.review"]

    # a document stored without its file (before schema 3) gets it when the same file is posted again
    stored, _ = db.add({**extract_file(PLAN), "source": {**extract_file(PLAN)["source"], "path": PLAN.name}})
    assert db.original(stored["id"]) is None
    again = client.post("/v1/documents", files={"file": (PLAN.name, PLAN.read_bytes())})
    assert again.status_code == 200 and db.original(stored["id"]) == (PLAN.name, PLAN.read_bytes())
    assert db.audit()[-1]["action"] == "document.original"
    assert not db.put_original(stored["id"], "other.html", b"x")  # kept once


def test_review_with_tokens(tmp_path: Path, connect: Connect) -> None:
    """With auth on: the page's shells are public, its data is not; corrections need a write token, are
    authored by the token's name whatever X-Congvan-User says, and are in the audit log."""
    db = Store(data_dir=tmp_path)
    _, reader = tokens.create(db, "dashboard", "read")
    writer_id, writer = tokens.create(db, "Trần Thị Lan", "write")
    anonymous = connect(db, auth=True)
    assert anonymous.get("/").status_code == 200 and anonymous.get("/static/common.js").status_code == 200
    assert anonymous.get("/documents/abc").status_code == 200
    for path in ("/v1/inbox", "/v1/agencies", "/v1/export/jsonl", "/v1/documents/abc/view"):
        assert anonymous.get(path).status_code == 401, path
    client = connect(db, auth=True, token=writer)
    khan = post(client, KHAN)
    doc_id = khan["id"]
    corrected = json.loads(json.dumps(khan))
    corrected["tasks"][0]["lead"] = ["Sở Nội vụ"]

    read_only = connect(db, auth=True, token=reader)
    assert read_only.get(f"/v1/documents/{doc_id}/original").content == KHAN.read_bytes()
    assert read_only.get(f"/v1/documents/{doc_id}/view").status_code == 200
    assert read_only.put(f"/v1/documents/{doc_id}", json=corrected).status_code == 403
    assert read_only.post(f"/v1/documents/{doc_id}/review").status_code == 403

    assert client.put(f"/v1/documents/{doc_id}", json=corrected, headers={"X-Congvan-User": "Ai%20do"}).is_success
    info = client.post(f"/v1/documents/{doc_id}/review", headers={"X-Congvan-User": "Ai%20do"}).json()
    assert info["reviewed_by"] == "Trần Thị Lan" and info["revisions"][-1]["author"] == "Trần Thị Lan"
    entries = [e for e in db.audit() if e["document_id"] == doc_id]
    assert [e["action"] for e in entries] == ["document.create", "document.correct", "document.review"]
    assert {(e["token_id"], e["token_name"]) for e in entries} == {(writer_id, "Trần Thị Lan")}
    assert entries[1]["detail"]["revision"] == 1 and entries[2]["detail"]["state"] == ["new", "reviewed"]
