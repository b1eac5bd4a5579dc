"""The command line as a clerk uses it: extract, convert (with a bad file), schema."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from congvan.cli import main
from congvan.schemas.models import DocumentResult

TEXT = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/UBND-KT
Quảng Ngãi, ngày 03 tháng 4 năm 2024
V/v báo cáo tình hình thực hiện
Kính gửi: Sở Tài chính.
1. Giao Sở Tài chính tổng hợp, báo cáo UBND tỉnh trước ngày 20/4/2024.
Nơi nhận:
- Như trên;
- Lưu: VT, KT.
CHỦ TỊCH
Trần Văn Nam
"""


def test_extract_prints_valid_json(tmp_path: Path) -> None:
    source = tmp_path / "cv.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(source)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    DocumentResult.model_validate(data)
    doc = data["document"]
    assert doc["number"] == "15/UBND-KT"
    assert doc["date"] == "2024-04-03"
    assert doc["place"] == "Quảng Ngãi"
    assert doc["recipients"] == ["Sở Tài chính"]
    assert doc["signer"]["name"] == "Trần Văn Nam"
    assert doc["distribution"] == ["Như trên", "Lưu: VT, KT"]


def test_same_input_same_output(tmp_path: Path) -> None:
    source = tmp_path / "cv.txt"
    source.write_text(TEXT, encoding="utf-8")
    first = CliRunner().invoke(main, ["extract", str(source)]).output
    second = CliRunner().invoke(main, ["extract", str(source)]).output
    assert first == second


def test_convert_goes_on_past_a_bad_file(tmp_path: Path) -> None:
    good = tmp_path / "in" / "good.txt"
    bad = tmp_path / "in" / "bad.pdf"
    good.parent.mkdir()
    good.write_text(TEXT, encoding="utf-8")
    bad.write_bytes(b"this is not a pdf")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "in"), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    assert (out / "good.json").is_file()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["ok"] == 1 and summary["failed"] == 1
    assert summary["failures"][0]["file"].endswith("bad.pdf")
    assert "not a pdf" in summary["failures"][0]["error"].lower()
    assert "Traceback" not in result.output


def test_extract_unknown_type_is_one_line_error(tmp_path: Path) -> None:
    source = tmp_path / "x.xyz"
    source.write_text("hello", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(source)])
    assert result.exit_code == 2
    assert "unsupported file type" in result.output


def test_schema_is_json_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    schema = json.loads(result.output)
    assert schema["title"] == "DocumentResult"
    assert {"source", "document", "tasks", "warnings"} <= set(schema["properties"])
