"""Exporters checked by their real consumers: icalendar's parser, Taskwarrior's `task import`/`task export`,
openpyxl reading the workbook back and the csv module, over samples/expected and the dev corpus."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from icalendar import Calendar, Todo, vCalAddress, vRecur
from openpyxl import load_workbook

from congvan.exporters import (
    FORMATS,
    document_tasks,
    document_uid,
    due_date,
    export,
    slug,
    unique_documents,
)
from congvan.exporters import ics as ics_module
from congvan.exporters import register as register_module
from congvan.exporters.command import export as export_command
from tests.conftest import DEV, SAMPLES

# the công văn khẩn first: several tests read its row
EXPECTED = sorted((SAMPLES / "expected").glob("*.json"), key=lambda p: (p.name != "congvan-khan.json", p.name))
CORPUS_SUFFIXES = {".md", ".txt", ".docx", ".html"}
TaskRunner = Callable[..., str]
URGENCY_PRIORITY = {"Hỏa tốc": 1, "Thượng khẩn": 2, "Khẩn": 3}


def _sample_documents() -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in EXPECTED]


def _corpus_documents() -> list[dict]:
    from congvan.pipeline.run import extract_file

    docs = DEV / "docs"
    if not docs.is_dir():
        pytest.skip("../shared/corpus/dev is not present on this machine")
    return [extract_file(p) for p in sorted(docs.iterdir()) if p.suffix in CORPUS_SUFFIXES]


@pytest.fixture(scope="module", params=["samples", "dev"])
def documents(request: pytest.FixtureRequest) -> list[dict]:
    """Every sample's expected JSON, then (second run) the pipeline's output over the dev corpus."""
    return _sample_documents() if request.param == "samples" else _corpus_documents()


def _tasks(documents: list[dict]) -> list[tuple[dict, str, dict]]:
    return [(result, uid, task) for result in unique_documents(documents) for uid, task in document_tasks(result)]


# --------------------------------------------------------------------------------------------------
# All formats
# --------------------------------------------------------------------------------------------------

def test_registry_names_every_format() -> None:
    assert set(FORMATS) == {"jsonl", "ics", "jira-csv", "gitlab-csv", "taskwarrior", "register-csv", "register-xlsx"}
    for fmt in FORMATS.values():
        assert fmt.media_type and fmt.extension.startswith(".")
    assert FORMATS["register-xlsx"].extension == ".xlsx"
    with pytest.raises(KeyError):
        export("pdf", [])


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_same_documents_same_bytes(name: str, documents: list[dict]) -> None:
    first = export(name, documents)
    assert isinstance(first, bytes) and first
    assert export(name, documents) == first
    assert export(name, [json.loads(json.dumps(d)) for d in documents]) == first


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_empty_input_is_still_a_valid_file(name: str) -> None:
    assert isinstance(export(name, []), bytes)


def test_docx_and_pdf_of_one_document_export_once() -> None:
    docs = _sample_documents()
    numbers = [d["document"]["number"] for d in unique_documents(docs)]
    assert numbers.count("789/QĐ-UBND") == 1
    assert len(unique_documents(docs)) == len(docs) - 1


def test_uids_are_stable_and_distinct(documents: list[dict]) -> None:
    rows = _tasks(documents)
    uids = [uid for _r, uid, _t in rows] + [document_uid(r) for r in unique_documents(documents)]
    assert len(uids) == len(set(uids))
    assert [uid for _r, uid, _t in _tasks(json.loads(json.dumps(documents)))] == [uid for _r, uid, _t in rows]


# --------------------------------------------------------------------------------------------------
# JSON Lines
# --------------------------------------------------------------------------------------------------

def test_jsonl_one_task_per_line_with_identity(documents: list[dict]) -> None:
    lines = export("jsonl", documents).decode("utf-8").splitlines()
    expected = _tasks(documents)
    assert len(lines) == len(expected)
    for line, (result, uid, task) in zip(lines, expected, strict=True):
        record = json.loads(line)
        assert record["uid"] == uid and record["id"] == task["id"]
        assert record["title"] == task["title"] and record["deadline"] == task["deadline"]
        doc = result["document"]
        for field in ("issuer", "number", "date", "type", "subject"):
            assert record["document"][field] == doc[field]
        assert record["document"]["uid"] == document_uid(result)


# --------------------------------------------------------------------------------------------------
# iCalendar
# --------------------------------------------------------------------------------------------------

def _cn(address: vCalAddress) -> str:
    return str(address.params["CN"])


def _attendees(todo: Todo, role: str) -> list[str]:
    found = todo.get("attendee") or []
    found = found if isinstance(found, list) else [found]
    return [_cn(a) for a in found if a.params.get("ROLE") == role]


def test_ics_parses_and_maps_every_task(documents: list[dict]) -> None:
    data = export("ics", documents)
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines folded at 75 octets"
    cal = Calendar.from_ical(data)
    todos = {str(t["uid"]): t for t in cal.walk("VTODO")}
    docs = unique_documents(documents)
    assert len(todos) == len(docs) + len(_tasks(documents)) == len(cal.walk("VTODO"))
    for result in docs:
        parent = todos[document_uid(result)]
        assert str(parent["summary"]).startswith(result["document"]["type"])
        if result["document"]["number"]:
            assert result["document"]["number"] in str(parent["summary"])
    for result, uid, task in _tasks(documents):
        _check_task_todo(todos[uid], result, task)


def _check_task_todo(todo: Todo, result: dict, task: dict) -> None:
    assert str(todo["status"]) == "NEEDS-ACTION"
    assert todo["dtstamp"].dt.tzinfo is not None and todo["dtstamp"].dt.utcoffset().total_seconds() == 0
    assert str(todo["x-congvan-clause"]) == task["clause"]
    assert task["description"].split()[0] in str(todo["description"])
    related = todo["related-to"]
    assert str(related) == document_uid(result) and related.params["RELTYPE"] == "PARENT"
    due = due_date(task)
    if due:
        assert todo["due"].dt == due and not isinstance(todo["due"].dt, datetime)
        assert todo["due"].params.get("VALUE") == "DATE"
    else:
        assert "due" not in todo
    assert _attendees(todo, "CHAIR") == task["lead"]
    assert _attendees(todo, "REQ-PARTICIPANT") == task["support"]
    for address in todo.get("attendee") or []:
        if hasattr(address, "params"):
            assert str(address).startswith("urn:x-congvan:agency:") and address.params["CUTYPE"] == "GROUP"
    urgency = result["document"]["urgency"]
    assert todo.get("priority") == URGENCY_PRIORITY.get(urgency)
    _check_recurrence(todo, result, task)


def _check_recurrence(todo: Todo, result: dict, task: dict) -> None:
    recurrence = task["recurrence"]
    if not recurrence:
        assert "rrule" not in todo and "x-congvan-recurrence" not in todo
        return
    assert str(todo["x-congvan-recurrence"]) == recurrence
    rule = ics_module.rrule_for(recurrence)
    anchored = bool(result["document"]["date"] or due_date(task))
    if rule and anchored:
        written = {k: v[0] for k, v in todo["rrule"].items()}
        assert {k: written[k] for k in rule} == rule and set(written) <= set(rule) | {"BYMONTHDAY"}
        assert isinstance(todo["dtstart"].dt, date)
    else:
        assert "rrule" not in todo


@pytest.mark.parametrize(("value", "rule"), [
    ("monthly", "FREQ=MONTHLY"), ("quarterly", "FREQ=MONTHLY;INTERVAL=3"),
    ("every 6 months", "FREQ=MONTHLY;INTERVAL=6"), ("every 2 weeks", "FREQ=WEEKLY;INTERVAL=2"),
    ("yearly", "FREQ=YEARLY"), ("weekly", "FREQ=WEEKLY"), ("daily", "FREQ=DAILY"),
    ("continuous", None), (None, None),
])
def test_recurrence_to_rrule(value: str | None, rule: str | None) -> None:
    found = ics_module.rrule_for(value)
    assert (vRecur(found).to_ical().decode() if found else None) == rule


def test_ics_sample_recurrences() -> None:
    cal = Calendar.from_ical(export("ics", _sample_documents()))
    by_clause = {(str(t.get("x-congvan-task-id"))): t for t in cal.walk("VTODO")}
    assert by_clause["56/TB-TCT#2.c"]["rrule"].to_ical() == b"FREQ=MONTHLY;BYMONTHDAY=15"
    assert by_clause["56/TB-TCT#2.c"]["dtstart"].dt == date(2024, 1, 15)
    assert by_clause["95/KH-UBND#III.2"]["rrule"].to_ical() == b"FREQ=MONTHLY;INTERVAL=3"
    assert by_clause["56/TB-TCT#3"]["rrule"].to_ical() == b"FREQ=MONTHLY;INTERVAL=6"
    continuous = by_clause["95/KH-UBND#II.2"]
    assert "rrule" not in continuous and str(continuous["x-congvan-recurrence"]) == "continuous"
    assert "thường xuyên" in [str(c) for c in continuous["categories"].cats]


# --------------------------------------------------------------------------------------------------
# Jira and GitLab CSV
# --------------------------------------------------------------------------------------------------

def test_jira_csv_rows_and_hierarchy(documents: list[dict]) -> None:
    rows = list(csv.reader(io.StringIO(export("jira-csv", documents).decode("utf-8"))))
    header, body = rows[0], rows[1:]
    assert header[:7] == ["Issue ID", "Parent", "Issue Type", "Summary", "Description", "Priority", "Due Date"]
    assert set(header[7:]) == {"Labels"}
    assert all(len(row) == len(header) for row in body)
    epics = {row[0] for row in body if row[2] == "Epic"}
    tasks = [row for row in body if row[2] == "Task"]
    assert len(epics) == len(unique_documents(documents)) and len(tasks) == len(_tasks(documents))
    seen: set[str] = set()
    for row in body:
        seen.add(row[0])
        if row[2] == "Task":
            assert row[1] in epics and row[1] in seen, "parent rows come first"
        assert row[3] and "\n" not in row[3] and len(row[3]) <= 255
        assert row[6] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[6])
        assert all(" " not in label for label in row[7:])
    for row, (_result, _uid, task) in zip(tasks, _tasks(documents), strict=True):
        labels = set(row[7:])
        assert {f"chu-tri:{slug(n)}" for n in task["lead"]} <= labels
        assert {f"phoi-hop:{slug(n)}" for n in task["support"]} <= labels
        assert row[6] == (task["deadline"] or {}).get("date") or row[6] == ""


def test_gitlab_csv_quick_actions(documents: list[dict]) -> None:
    reader = csv.DictReader(io.StringIO(export("gitlab-csv", documents).decode("utf-8")))
    assert reader.fieldnames == ["title", "description", "due_date"]
    rows = list(reader)
    assert len(rows) == len(_tasks(documents))
    for row, (_result, _uid, task) in zip(rows, _tasks(documents), strict=True):
        assert row["title"] and "\n" not in row["title"]
        assert row["due_date"] == ((task["deadline"] or {}).get("date") or "")
        actions = [line for line in row["description"].splitlines() if line.startswith("/")]
        labels = [re.fullmatch(r'/label ~"([^",]+)"', line).group(1) for line in actions]
        assert sum(label.startswith("chủ trì: ") for label in labels) == len(set(task["lead"]))
        assert sum(label.startswith("phối hợp: ") for label in labels) == len(set(task["support"]))


# --------------------------------------------------------------------------------------------------
# Taskwarrior (the real `task` binary)
# --------------------------------------------------------------------------------------------------

@pytest.fixture
def task_cli(tmp_path: Path) -> TaskRunner:
    """Run Debian's `task` against a fresh database in tmp_path."""
    binary = shutil.which("task")
    if binary is None:
        pytest.skip("taskwarrior is not installed (apt-get install taskwarrior): `task` binary absent")
    data = tmp_path / "taskdata"
    data.mkdir()
    rc = tmp_path / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=off\nhooks=off\nverbose=nothing\n", encoding="utf-8")
    env = {"TASKRC": str(rc), "TASKDATA": str(data), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TZ": "UTC"}

    def run(*args: str) -> str:
        done = subprocess.run([binary, "rc.confirmation=off", "rc.hooks=off", *args], env=env, capture_output=True,
                              text=True, timeout=120, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stderr
        return done.stdout

    return run


def _exported(run: TaskRunner) -> dict[str, dict]:
    return {t["uuid"]: t for t in json.loads(run("export"))}


def test_taskwarrior_import_export_roundtrip(documents: list[dict], task_cli: TaskRunner, tmp_path: Path) -> None:
    data = export("taskwarrior", documents)
    sent = json.loads(data)
    if not sent:
        pytest.skip("no tasks in this set")
    path = tmp_path / "tasks.json"
    path.write_bytes(data)
    task_cli("import", str(path))
    got = _exported(task_cli)
    assert set(got) == {t["uuid"] for t in sent}
    for obj in sent:
        back = got[obj["uuid"]]
        assert back["status"] == "pending"
        for field in ("description", "entry", "due", "project", "priority"):
            assert back.get(field) == obj.get(field), field
        assert sorted(back.get("tags", [])) == sorted(obj.get("tags", []))
        assert [a["description"] for a in back.get("annotations", [])] == [a["description"] for a in obj["annotations"]]
    for _result, uid, task in _tasks(documents):
        due = due_date(task)
        assert (got[uid].get("due") or "")[:8] == (due.strftime("%Y%m%d") if due else "")


def test_taskwarrior_reimport_updates_not_duplicates(task_cli: TaskRunner, tmp_path: Path) -> None:
    documents = _sample_documents()
    path = tmp_path / "tasks.json"
    path.write_bytes(export("taskwarrior", documents))
    task_cli("import", str(path))
    first = _exported(task_cli)
    task_cli("import", str(path))
    assert set(_exported(task_cli)) == set(first)
    changed = json.loads(json.dumps(documents))
    changed[0]["tasks"][0]["title"] = "Tiêu đề đã sửa"
    path.write_bytes(export("taskwarrior", changed))
    task_cli("import", str(path))
    after = _exported(task_cli)
    assert set(after) == set(first)
    uid = next(document_tasks(changed[0]))[0]
    assert after[uid]["description"] == "Tiêu đề đã sửa"


def test_taskwarrior_fields_for_samples() -> None:
    sent = json.loads(export("taskwarrior", _sample_documents()))
    urgent = next(t for t in sent if t["project"] == "ubnd-tinh-quang-ngai")
    assert urgent["priority"] == "H" and urgent["entry"] == "20240305T000000Z"
    tb = [t for t in sent if t["project"] == "bo-tai-chinh.tong-cuc-thue"]
    assert any("recur_monthly" in t["tags"] and "recurring" in t["tags"] and "recur" not in t for t in tb)
    assert all(" " not in tag for t in sent for tag in t.get("tags", []))
    assert any("chu_tri_so_noi_vu" in t.get("tags", []) for t in sent)
    assert all("\n" not in t["description"] for t in sent)


# --------------------------------------------------------------------------------------------------
# Register (Sổ theo dõi giải quyết văn bản đến)
# --------------------------------------------------------------------------------------------------

def _register_rows(documents: list[dict]) -> int:
    return sum(max(1, len(list(document_tasks(r)))) for r in unique_documents(documents))


def test_register_xlsx_reads_back(documents: list[dict]) -> None:
    book = load_workbook(io.BytesIO(export("register-xlsx", documents)))
    sheet = book.active
    assert sheet["A1"].value == "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN"
    header = [c.value for c in sheet[2]]
    assert header == register_module.COLUMNS
    assert all(c.font.bold for c in sheet[2]) and sheet.freeze_panes == "A3"
    assert sheet["J3"].alignment.wrap_text and sheet.column_dimensions["J"].width >= 50
    body = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(body) == _register_rows(documents)
    numbers = [row[0] for row in body]
    assert numbers == sorted(numbers) and numbers[0] == 1 and numbers[-1] == len(unique_documents(documents))
    expected_dues = [due_date(t) for r in unique_documents(documents) for t in (r["tasks"] or [{}])]
    got_dues = [row[3].date() if isinstance(row[3], datetime) else None for row in body]
    assert got_dues == expected_dues


def test_register_csv_has_bom_and_excel_header(documents: list[dict]) -> None:
    data = export("register-csv", documents)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == register_module.COLUMNS
    assert rows[0][1] == "Tên loại, số, ký hiệu, ngày tháng, cơ quan ban hành"
    assert len(rows) - 1 == _register_rows(documents)
    for row in rows[1:]:
        assert len(row) == len(register_module.COLUMNS)
        assert row[5] == ""
        assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", row[3]) or not re.search(r"\d{4}-\d{2}-\d{2}", row[3])


def test_register_sample_row() -> None:
    data = export("register-csv", _sample_documents()).decode("utf-8-sig")
    first = list(csv.reader(io.StringIO(data)))[1]
    assert first[0] == "1"
    assert first[1].startswith("Công văn số 1234/UBND-KT ngày 05/03/2024 của Ủy ban nhân dân tỉnh Quảng Ngãi")
    assert first[3] == "20/03/2024" and first[7].startswith("Sở Tài chính")


def test_register_progress_from_status() -> None:
    doc = json.loads(EXPECTED[0].read_text(encoding="utf-8"))
    doc["tasks"][0]["status"] = "pending"
    row = list(csv.reader(io.StringIO(export("register-csv", [doc]).decode("utf-8-sig"))))[1]
    assert row[4] == "Chưa hoàn thành – trong hạn"


# --------------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------------

@click.group()
def _cli() -> None:
    """A stand-in for congvan's main group."""


_cli.add_command(export_command)


def _converted_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    for path in EXPECTED:
        shutil.copy(path, folder / path.name)
    (folder / "summary.json").write_text('{"files": 7, "ok": 6, "failed": 1, "failures": []}', encoding="utf-8")
    (folder / "failures.jsonl").write_text("{}\n", encoding="utf-8")
    return folder


def test_command_writes_file_and_stdout(tmp_path: Path) -> None:
    folder = _converted_folder(tmp_path)
    target = tmp_path / "tasks.ics"
    result = CliRunner().invoke(_cli, ["export", "ics", str(folder), "-o", str(target)])
    assert result.exit_code == 0, result.output
    in_folder_order = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(EXPECTED)]
    assert target.read_bytes() == export("ics", in_folder_order)
    result = CliRunner().invoke(_cli, ["export", "jsonl", str(EXPECTED[0])])
    assert result.exit_code == 0
    assert result.stdout_bytes == export("jsonl", [_sample_documents()[0]])


def test_command_reports_bad_json_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"document": ', encoding="utf-8")
    result = CliRunner().invoke(_cli, ["export", "jsonl", str(EXPECTED[0]), str(bad)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {bad}: not valid JSON")
    other = tmp_path / "other.json"
    other.write_text("[1, 2]", encoding="utf-8")
    result = CliRunner().invoke(_cli, ["export", "ics", str(other)])
    assert result.exit_code == 2 and "not a converted document" in result.stderr


def test_command_rejects_unknown_format_and_empty_folder(tmp_path: Path) -> None:
    assert CliRunner().invoke(_cli, ["export", "xml", str(EXPECTED[0])]).exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(_cli, ["export", "jsonl", str(empty)])
    assert result.exit_code == 2 and "no .json documents" in result.stderr


def test_dtstamp_is_document_date_utc() -> None:
    doc = _sample_documents()[0]
    assert ics_module.dtstamp(doc) == datetime(2024, 3, 5, tzinfo=timezone.utc)
