"""The dev corpus through the shared scorer: quality must not drop below the floors reached."""

from __future__ import annotations

import csv
import importlib.util
import shutil
from pathlib import Path

import pytest

from congvan.pipeline.batch import run_batch
from tests.conftest import DEV, SHARED

# Floors reached on the digital dev documents (everything SOURCES.tsv does not call a scan); raise them when
# quality improves.
FLOORS = {"header_accuracy": 0.99, "recipients_f1": 0.99, "task_f1": 0.865, "task_f1_per_doc": 0.875,
          "lead_accuracy": 0.94, "deadline_accuracy": 0.96, "references_f1": 0.98}


def scan_ids() -> set[str]:
    """The dev documents SOURCES.tsv records as scanned images."""
    with (SHARED / "corpus" / "SOURCES.tsv").open(encoding="utf-8") as handle:
        return {row["id"] for row in csv.DictReader(handle, delimiter="\t")
                if "scanned" in row["original_format"].lower()}


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Floors reached on the nine dev scans (handwritten numbers and days, seals over the signature).
SCAN_FLOORS = {"header_accuracy": 0.91, "recipients_f1": 0.88, "task_f1": 0.86}
SCAN_FIELD_FLOORS = {"number": 7, "date": 9, "issuer": 9, "place": 9, "subject": 9, "signer.name": 6}


def _score(root: Path, scans_only: bool) -> dict:
    if not (DEV / "docs").is_dir() or not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared (dev corpus and scorer) is not present on this machine")
    docs, gold, out = root / "docs", root / "gold", root / "out"
    docs.mkdir()
    gold.mkdir()
    scans = scan_ids()
    for path in sorted((DEV / "docs").iterdir()):
        if (path.stem in scans) != scans_only:
            continue
        if path.suffix == ".doc" and not shutil.which("soffice"):
            continue
        shutil.copy(path, docs / path.name)
        shutil.copy(DEV / "gold" / f"{path.stem}.gold.json", gold / f"{path.stem}.gold.json")
    summary = run_batch([docs], out, jobs=2)
    result, _ = _scorer().score(Path(gold), Path(out), show_errors=False)
    result["summary"] = summary
    result["references_f1"] = result["references_prf"][2]
    return result


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _score(tmp_path_factory.mktemp("corpus"), scans_only=False)


@pytest.fixture(scope="module")
def scans_scored(tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not shutil.which("tesseract"):
        pytest.skip("Tesseract is not installed")
    return _score(tmp_path_factory.mktemp("scans"), scans_only=True)


def test_every_digital_dev_document_converts(scored: dict) -> None:
    assert scored["summary"]["failed"] == 0, scored["summary"]["failures"]


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_quality_floor(scored: dict, metric: str) -> None:
    assert scored[metric] >= FLOORS[metric], f"{metric} {scored[metric]} fell below {FLOORS[metric]}"


@pytest.mark.parametrize("metric", sorted(SCAN_FLOORS))
def test_scan_quality_floor(scans_scored: dict, metric: str) -> None:
    assert scans_scored[metric] >= SCAN_FLOORS[metric], f"{metric} {scans_scored[metric]} fell below"


@pytest.mark.parametrize("field", sorted(SCAN_FIELD_FLOORS))
def test_scan_header_field_floor(scans_scored: dict, field: str) -> None:
    right = int(scans_scored["fields"][field].split("/")[0])
    assert right >= SCAN_FIELD_FLOORS[field], f"{field} right on {right} scans"
