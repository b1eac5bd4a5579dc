"""Hostile and broken files (built in tests/hostile.py) through a real batch: each converted or refused with
its class, none crashing the batch; and the worker caps (CPU time, address space) stopping what the
pre-flight limits let through. Timings are measured in benchmarks/bench_hostile.py, not asserted here."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from congvan.layout import ERROR_CLASSES
from congvan.pipeline.batch import run_batch
from congvan.pipeline.sandbox import Sandbox
from congvan.readers import preflight
from congvan.readers.limits import Limits
from tests import hostile


def test_every_hostile_file_is_converted_or_refused_with_its_class(tmp_path: Path) -> None:
    made = hostile.build(tmp_path / "in")
    summary = run_batch(sorted(made), tmp_path / "out", jobs=2, timeout=60)
    assert summary["files"] == len(made)
    failures = {Path(f["file"]).name: f for f in summary["failures"]}
    logged = [json.loads(line) for line in (tmp_path / "out" / "failures.jsonl").read_text("utf-8").splitlines()]
    assert {Path(f["file"]).name for f in logged} == set(failures)
    for path, expected in made.items():
        failure = failures.get(path.name)
        got = failure["error_class"] if failure else "ok"
        assert got in expected, (path.name, failure)
        assert failure is None or failure["error_class"] in ERROR_CLASSES
    assert summary["converted"] + summary["failed"] == len(made)


def test_refusals_name_the_limit(tmp_path: Path) -> None:
    """Each pre-flight check on its own: the limit crossed is named, and raising it lets the file through."""
    bomb = tmp_path / "bomb.docx"
    hostile.zip_bomb(bomb, 40)
    with pytest.raises(preflight.ReadError, match="compressed .* over the limit of 100:1") as refused:
        preflight.check(bomb, "docx", Limits())
    assert refused.value.error_class == "too_large"
    preflight.check(bomb, "docx", Limits(max_zip_ratio=0))
    with pytest.raises(preflight.ReadError, match=r"expands to 40\.8 MB, over the limit of 20 MB"):
        preflight.check(bomb, "docx", Limits(max_zip_ratio=0, max_zip_mb=20))
    with pytest.raises(preflight.ReadError, match="package of .* files over the limit of 3"):
        preflight.check(bomb, "docx", Limits(max_zip_members=3))

    image = tmp_path / "big.png"
    hostile.huge_png(image, 11_000)  # 121 megapixels: under Pillow's own bomb limit, over ours
    with pytest.raises(preflight.ReadError, match="11000 × 11000 pixels over the limit of 100 megapixels"):
        preflight.check(image, "image", Limits())
    preflight.check(image, "image", Limits(max_image_megapixels=200))

    pages = tmp_path / "pages.pdf"
    hostile.many_pages(pages, 12)
    with pytest.raises(preflight.ReadError, match=r"too many pages \(12 > 10\)"):
        preflight.check(pages, "pdf", Limits(max_pages=10))
    preflight.check(pages, "pdf", Limits(max_pages=12))

    line = tmp_path / "line.txt"
    line.write_bytes(b"a" * 5000 + b"\r" + b"b" * 3000)  # a CR ends a line too
    preflight.check(line, "txt", Limits(max_line_bytes=5000))
    with pytest.raises(preflight.ReadError, match="a line of over 4999 bytes"):
        preflight.check(line, "txt", Limits(max_line_bytes=4999))
    with pytest.raises(preflight.ReadError, match="file of 0.0 MB over the limit of 1e-06 MB"):
        preflight.check(line, "txt", Limits(max_file_mb=0.000001))


def test_html_depth_follows_optional_end_tags() -> None:
    assert preflight.html_depth(b"<html><body><p>a<p>b<p>c<ul><li>x<li>y</ul></body></html>") == 5
    assert preflight.html_depth(b"<table><tr><td>a<td>b<tr><td>c</table>") == 3
    assert preflight.html_depth(b"<div><br><img src=x><span/><!-- <div><div> --></div>") == 1
    assert preflight.html_depth(b"<script>var s = '<div><div><div>';</script><div></div>") == 1
    assert preflight.html_depth(b"<div>" * 1000, limit=50) == 51


def test_cpu_cap_ends_a_runaway_document(tmp_path: Path) -> None:
    """A 1 MB line (its extraction takes a minute of CPU) with the line limit off: the CPU cap ends it."""
    path = tmp_path / "line.txt"
    hostile.one_line(path, 1)
    box = Sandbox()
    try:
        limits = Limits(max_line_bytes=0, max_cpu_seconds=1).to_dict()
        outcome = box.run({"path": str(path), "limits": limits, "timeout": 120, "cwd": str(tmp_path)})
        assert (outcome["ok"], outcome.get("error_class")) == (False, "timeout"), outcome
        assert "SIGXCPU" in outcome["error"]
        after = box.run({"path": str(hostile.TEXT), "limits": Limits().to_dict(), "timeout": 120,
                         "cwd": str(tmp_path)})  # a new worker takes the next document
        assert after["ok"], after
    finally:
        box.shutdown()


def test_memory_cap_refuses_a_document_too_big_to_hold(tmp_path: Path) -> None:
    """A .docx whose 100 MB document part (17 million paragraphs) passes with the package limits off: the
    200 MB address-space cap stops it, and the worker takes the next document."""
    path = tmp_path / "bomb.docx"
    hostile.xml_bomb(path, 100)
    box = Sandbox()
    try:
        limits = Limits(max_zip_mb=0, max_zip_ratio=0, max_memory_mb=200).to_dict()
        outcome = box.run({"path": str(path), "limits": limits, "timeout": 120, "cwd": str(tmp_path)})
        assert (outcome["ok"], outcome["error_class"]) == (False, "too_large"), outcome
        after = box.run({"path": str(hostile.TEXT), "limits": Limits().to_dict(), "timeout": 120,
                         "cwd": str(tmp_path)})
        assert after["ok"], after
    finally:
        box.shutdown()


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("tesseract") is None,
                    reason="LibreOffice or Tesseract is not installed")
def test_libreoffice_and_tesseract_work_under_the_default_caps(tmp_path: Path) -> None:
    """A legacy .doc (LibreOffice) and a scanned page (Tesseract) convert in a worker capped by Limits()."""
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(hostile.DOCX)], check=True,
                   capture_output=True, timeout=180)
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(hostile.PDF))
    pdf[0].render(scale=200 / 72).to_pil().convert("L").save(tmp_path / "scan.png", dpi=(200, 200))
    pdf.close()
    box = Sandbox()
    try:
        for name in ("quyet-dinh.doc", "scan.png"):
            outcome = box.run({"path": str(tmp_path / name), "limits": Limits().to_dict(), "timeout": 300,
                               "cwd": str(tmp_path)})
            assert outcome["ok"], outcome
            result = json.loads(outcome["payload"])
            assert result["document"]["number"] and result["tasks"], name
    finally:
        box.shutdown()


def test_limit_flags_reach_the_workers_and_the_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from congvan.cli import main

    (tmp_path / "in").mkdir()
    hostile.many_pages(tmp_path / "in" / "two.pdf", 2)
    (tmp_path / "in" / "short.txt").write_bytes(hostile.TEXT.read_bytes())
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1",
                                       "--max-pages", "1", "--max-line-bytes", "20"])
    assert result.exit_code == 1, result.output
    failures = [json.loads(line) for line in (tmp_path / "out" / "failures.jsonl").read_text("utf-8").splitlines()]
    assert [(Path(f["file"]).name, f["error_class"]) for f in failures] == [("short.txt", "too_large"),
                                                                           ("two.pdf", "too_large")]
    assert "a line of over 20 bytes" in failures[0]["error"] and "(2 > 1)" in failures[1]["error"]

    import uvicorn

    from congvan.service import app

    built: dict = {}
    monkeypatch.setattr(app, "create_app", lambda store, **options: built.update(options) or object())
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    served = CliRunner().invoke(main, ["serve", "--data-dir", str(tmp_path / "data"), "--max-html-depth", "40",
                                       "--max-memory-mb", "512", "--cors-origin", "https://a.example",
                                       "--rate-limit", "30", "--rate-burst", "5"])
    assert served.exit_code == 0, served.output
    assert "no API token yet" in served.output
    assert built["limits"] == Limits(max_html_depth=40, max_memory_mb=512)
    assert (built["auth"], built["cors_origins"], built["rate_per_minute"], built["rate_burst"]) == (
        True, ("https://a.example",), 30, 5)
