"""Golden tests: every document in samples/ gives exactly its expected JSON (samples/expected/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from congvan.pipeline.batch import output_name
from congvan.pipeline.convert import convert_one
from tests.conftest import SAMPLES

EXPECTED = SAMPLES / "expected"
DOCUMENTS = sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.suffix in {".md", ".txt", ".docx", ".pdf", ".html"}
                   and p.name != "bad.pdf")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_sample_matches_expected(path: Path) -> None:
    outcome = convert_one(str(path))
    assert outcome["ok"], outcome.get("error")
    result = outcome["result"]
    expected = json.loads((EXPECTED / f"{output_name(path, DOCUMENTS)}.json").read_text(encoding="utf-8"))
    result["source"]["path"] = expected["source"]["path"]
    assert result["document"] == expected["document"]
    assert result["tasks"] == expected["tasks"]
    assert result == expected


def test_docx_and_its_pdf_agree() -> None:
    docx = convert_one(str(SAMPLES / "quyet-dinh.docx"))["result"]
    pdf = convert_one(str(SAMPLES / "quyet-dinh.pdf"))["result"]
    for field in ("issuer", "number", "date", "place", "type", "subject", "signer", "distribution"):
        assert docx["document"][field] == pdf["document"][field], field
    assert [t["lead"] for t in docx["tasks"]] == [t["lead"] for t in pdf["tasks"]]


def test_bad_file_fails_with_a_reason() -> None:
    outcome = convert_one(str(SAMPLES / "bad.pdf"))
    assert not outcome["ok"]
    assert outcome["stage"] == "read"
    assert "not a pdf" in outcome["error"].lower()
