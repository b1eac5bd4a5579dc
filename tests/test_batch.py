"""Batch conversion at scale: inputs and names, resume, kill-safety, failures, guards, and the Dask engine."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from congvan import PIPELINE_VERSION, readers
from congvan.cli import main
from congvan.layout import Layout, Line
from congvan.pipeline.batch import run_batch
from congvan.pipeline.convert import convert_one
from congvan.pipeline.inputs import collect, output_names
from congvan.readers.limits import Limits

AGENCIES = ["Sở Tài chính", "Sở Xây dựng", "Sở Y tế", "Sở Nội vụ", "Sở Giáo dục và Đào tạo"]


def congvan(n: int) -> str:
    """A short công văn (the shape of samples/congvan-khan.md) whose number, date, agency and tasks vary with n."""
    agency = AGENCIES[n % len(AGENCIES)]
    day, month = 1 + n % 27, 1 + n % 12
    items = "\n".join(f"{i}. Giao {AGENCIES[(n + i) % len(AGENCIES)]} thực hiện nội dung số {i}, báo cáo UBND tỉnh "
                      f"trước ngày {day}/{month}/2024." for i in range(1, 2 + n % 3))
    return f"""ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: {100 + n}/UBND-KT
Quảng Ngãi, ngày {day:02d} tháng {month} năm 2024
V/v triển khai nhiệm vụ số {n}
Kính gửi: {agency}.
{items}
Nơi nhận:
- Như trên;
- Lưu: VT, KT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def make(root: Path, names: list[str]) -> list[Path]:
    paths = []
    for n, name in enumerate(names):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(congvan(n), encoding="utf-8")
        paths.append(path)
    return paths


def files(folder: Path) -> dict[str, bytes]:
    """Every file under a folder but the summary (it holds timings), by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "summary.json"}


def summary(folder: Path) -> dict:
    return json.loads((folder / "summary.json").read_text(encoding="utf-8"))


def test_folder_mirrors_tree_with_include_and_exclude(tmp_path: Path) -> None:
    make(tmp_path / "in", ["a.txt", "sub/b.md", "sub/deep/c.txt", "drafts/d.txt", "sub/E.TXT"])
    (tmp_path / "in" / "notes.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "in"), "-o", str(out), "--exclude", "drafts/*"])
    assert result.exit_code == 0, result.output
    assert sorted(files(out)) == ["a.json", "failures.jsonl", "sub/E.json", "sub/b.json", "sub/deep/c.json"]
    assert (out / "failures.jsonl").read_text() == ""
    only = collect([tmp_path / "in"], include=["*.txt"], exclude=["**/deep/*"])
    assert [item.out for item in only] == ["a.json", "drafts/d.json", "sub/E.json"]
    assert [item.out for item in collect([tmp_path / "in"], include=["sub/*.md"])] == ["sub/b.json"]


def test_several_folders_go_under_their_names(tmp_path: Path) -> None:
    make(tmp_path, ["p/docs/x.txt", "q/docs/x.txt", "r/x.txt"])
    items = collect([tmp_path / "p" / "docs", tmp_path / "q" / "docs", tmp_path / "r"])
    assert [item.out for item in items] == ["docs/x.json", "docs-2/x.json", "r/x.json"]


def test_paths_from_stdin(tmp_path: Path) -> None:
    listed = make(tmp_path / "archive", ["2023/a.txt", "2024/q1/b.txt", "2024/c.md"])
    out = tmp_path / "out"
    stdin = "\n".join(map(str, listed)) + "\n\n"
    result = CliRunner().invoke(main, ["convert", "-", "-o", str(out), "-j", "2"], input=stdin)
    assert result.exit_code == 0, result.output
    assert sorted(files(out)) == ["2023/a.json", "2024/c.json", "2024/q1/b.json", "failures.jsonl"]
    data = json.loads((out / "2024/q1/b.json").read_text(encoding="utf-8"))
    assert data["source"]["path"] == str(listed[1])
    assert data["source"]["pipeline_version"] == PIPELINE_VERSION
    assert [i.path for i in collect(["-"], stdin=io.StringIO(stdin))] == [str(p) for p in listed]


def test_names_never_collide_or_escape() -> None:
    names = output_names(["x.pdf", "x.docx", "X.txt", "summary.txt", "../../etc/passwd.txt", "/abs/y.txt",
                          "a.json/c.txt", "a.txt", "sub/summary.txt"])
    assert names == ["x.pdf.json", "x.docx.json", "X.txt.json", "summary.txt.json", "_/_/etc/passwd.json",
                     "abs/y.json", "a.json/c.json", "a~2.json", "sub/summary.json"]
    assert len({n.casefold() for n in names}) == len(names)


def test_resume_skips_then_force_redoes(tmp_path: Path) -> None:
    inputs = make(tmp_path / "in", [f"cv{n:02d}.txt" for n in range(6)])
    out = tmp_path / "out"
    first = run_batch([tmp_path / "in"], out, jobs=2)
    assert (first["converted"], first["skipped"], first["ok"]) == (6, 0, 6)
    before = files(out)
    again = run_batch([tmp_path / "in"], out, jobs=2)
    assert (again["converted"], again["skipped"], again["ok"]) == (0, 6, 6)
    assert files(out) == before
    inputs[2].write_text(congvan(42), encoding="utf-8")  # changed content: converted again, the rest skipped
    changed = run_batch([tmp_path / "in"], out, jobs=2)
    assert (changed["converted"], changed["skipped"]) == (1, 5)
    forced = run_batch([tmp_path / "in"], out, jobs=2, force=True)
    assert (forced["converted"], forced["skipped"]) == (6, 0)
    assert summary(out)["formats"]["txt"]["files"] == 6


def test_outputs_of_other_extraction_code_are_converted_again(tmp_path: Path) -> None:
    make(tmp_path / "in", ["a.txt", "b.txt"])
    out = tmp_path / "out"
    run_batch([tmp_path / "in"], out, jobs=1)
    stale = json.loads((out / "a.json").read_text(encoding="utf-8"))
    stale["source"]["pipeline_version"] = "1+000000000000"  # written by an earlier release
    (out / "a.json").write_text(json.dumps(stale, ensure_ascii=False), encoding="utf-8")
    again = run_batch([tmp_path / "in"], out, jobs=1)
    assert (again["converted"], again["skipped"]) == (1, 1)
    assert PIPELINE_VERSION.startswith("1+") and len(PIPELINE_VERSION) == 14


def test_the_pipeline_version_follows_the_extraction_code(tmp_path: Path) -> None:
    from congvan import pipeline_version

    (tmp_path / "extractors").mkdir()
    (tmp_path / "service").mkdir()
    (tmp_path / "extractors" / "rules.py").write_text("WORDS = ('giao',)\n", encoding="utf-8")
    (tmp_path / "service" / "app.py").write_text("PORT = 8000\n", encoding="utf-8")
    first = pipeline_version(tmp_path)
    (tmp_path / "service" / "app.py").write_text("PORT = 8080\n", encoding="utf-8")  # cannot change an output
    assert pipeline_version(tmp_path) == first
    (tmp_path / "extractors" / "rules.py").write_text("WORDS = ('giao', 'yêu cầu')\n", encoding="utf-8")
    assert pipeline_version(tmp_path) != first


def test_killed_run_loses_nothing(tmp_path: Path) -> None:
    make(tmp_path / "in", [f"cv{n:02d}.txt" for n in range(40)])
    command = [sys.executable, "-m", "congvan.cli", "convert", str(tmp_path / "in"), "-j", "2"]
    env = dict(os.environ, CONGVAN_TEST_SLEEP="*=0.05")
    killed = subprocess.Popen([*command, "-o", str(tmp_path / "killed")], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not list((tmp_path / "killed").glob("cv*.json")) and time.monotonic() < deadline:
        time.sleep(0.02)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    done = len(list((tmp_path / "killed").glob("cv*.json")))
    assert 0 < done < 40 and not (tmp_path / "killed" / "summary.json").exists()
    subprocess.run([*command, "-o", str(tmp_path / "killed")], check=True, capture_output=True)
    subprocess.run([*command, "-o", str(tmp_path / "whole")], check=True, capture_output=True)
    assert summary(tmp_path / "killed")["skipped"] >= done
    assert files(tmp_path / "killed") == files(tmp_path / "whole")
    assert len(files(tmp_path / "whole")) == 41  # 40 documents and failures.jsonl


def test_failures_are_recorded_in_input_order(tmp_path: Path) -> None:
    make(tmp_path / "in", ["a.txt", "c.txt"])
    (tmp_path / "in" / "b.pdf").write_bytes(b"this is not a pdf")
    (tmp_path / "in" / "d.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "in"), str(tmp_path / "missing.txt"),
                                       "-o", str(out), "--jsonl", str(tmp_path / "all.jsonl")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(Path(f["file"]).name, f["stage"], f["error_class"]) for f in failures] == [
        ("b.pdf", "read", "unreadable"), ("d.txt", "read", "unreadable"), ("missing.txt", "read", "unreadable")]
    assert "not a pdf" in failures[0]["error"] and failures[1]["error"] == "empty file"
    assert summary(out)["failures"] == failures
    assert sorted(files(out)) == ["failures.jsonl", "in/a.json", "in/c.json"]
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [json.loads((out / f"in/{n}.json").read_bytes()) for n in "ac"]


def test_timeout_kills_a_hung_document_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(tmp_path / "in", ["a.txt", "hang.txt", "z.txt"])
    monkeypatch.setenv("CONGVAN_TEST_SLEEP", "hang.txt=60")
    start = time.monotonic()
    result = run_batch([tmp_path / "in"], tmp_path / "out", jobs=2, timeout=1.5)
    assert time.monotonic() - start < 20
    assert (result["converted"], result["failed"]) == (2, 1)
    assert result["failures"] == [{"file": str(tmp_path / "in" / "hang.txt"), "stage": "limits",
                                   "error_class": "timeout", "error": "timed out after 1.5 s"}]


def test_page_limit_fails_long_documents(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = make(tmp_path, ["long.txt"])[0]
    long = Layout(path=str(path), format="pdf", lines=[Line("x")], pages=301)
    monkeypatch.setattr(readers, "read", lambda _path, _limits=None: long)
    outcome = convert_one(str(path), Limits(max_pages=300))
    assert (outcome["ok"], outcome["stage"], outcome["error_class"]) == (False, "limits", "too_large")
    assert "too many pages" in outcome["error"]


def test_dask_engine_writes_the_same_bytes(tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    make(tmp_path / "in", [f"cv{n}.txt" for n in range(6)] + ["sub/x.md"])
    (tmp_path / "in" / "bad.pdf").write_bytes(b"not a pdf")
    local = run_batch([tmp_path / "in"], tmp_path / "local", jobs=2)
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        remote = run_batch([tmp_path / "in"], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    assert (remote["converted"], remote["failed"]) == (local["converted"], local["failed"]) == (7, 1)
    assert files(tmp_path / "dask") == files(tmp_path / "local")
