#!/usr/bin/env python3
"""Score converted output against the dev gold, per document type and per source.

    python scripts/corpus_report.py PRED_DIR [--gold DIR] [--sources TSV] [--json]

Runs the shared scorer (../shared/eval/score.py) on the whole set, on digital documents and scans apart,
then on each document-type family and each source format listed in SOURCES.tsv, so a rule that helps one
family and hurts another shows up. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from types import ModuleType

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
COLUMNS = ("header_accuracy", "recipients_f1", "task_f1", "task_f1_per_doc", "lead_accuracy",
           "deadline_accuracy", "references_f1")


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_sources(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return {row["id"]: row for row in csv.DictReader(handle, delimiter="\t")}


def family(doc_type: str) -> str:
    """The type family: 'quyết định (kèm Quy định)' -> 'quyết định'."""
    return doc_type.split("(")[0].strip() or "?"


def source_kind(original_format: str) -> str:
    """The source family: 'pdf (digitally signed, text layer; …)' -> 'pdf text layer'."""
    text = original_format.lower()
    if "scanned" in text:
        return "pdf scan"
    if text.startswith("pdf"):
        return "pdf text layer"
    if "thuvienphapluat" in text or "' | '" in text:
        return "txt (legal-database save)"
    return text.split("(")[0].strip() or "?"


def is_scan(row: dict[str, str]) -> bool:
    return "scanned" in row.get("original_format", "").lower()


def score_subset(scorer: ModuleType, gold: Path, pred: Path, ids: list[str]) -> dict:
    """The scorer's result on the documents `ids` only (gold files linked into a scratch folder)."""
    with tempfile.TemporaryDirectory() as scratch:
        sub_gold, sub_pred = Path(scratch, "gold"), Path(scratch, "pred")
        sub_gold.mkdir()
        sub_pred.mkdir()
        for doc_id in ids:
            shutil.copy(gold / f"{doc_id}.gold.json", sub_gold)
            if (pred / f"{doc_id}.json").is_file():
                shutil.copy(pred / f"{doc_id}.json", sub_pred)
        result, _ = scorer.score(sub_gold, sub_pred, show_errors=False)
    result["references_f1"] = result["references_prf"][2]
    result["n"] = len(ids)
    return result


def groups(gold: Path, sources: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    ids = sorted(p.name[: -len(".gold.json")] for p in gold.glob("*.gold.json"))
    out: dict[str, list[str]] = defaultdict(list)
    for doc_id in ids:
        row = sources.get(doc_id, {})
        out["all"].append(doc_id)
        out["scans" if is_scan(row) else "digital"].append(doc_id)
        if not is_scan(row):
            out[f"type: {family(row.get('doc_type', '?'))}"].append(doc_id)
            out[f"source: {source_kind(row.get('original_format', '?'))}"].append(doc_id)
    head = [k for k in ("all", "digital", "scans") if k in out]
    return {k: out[k] for k in head + sorted(k for k in out if k not in head)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pred_dir", type=Path)
    parser.add_argument("--gold", type=Path, default=SHARED / "corpus" / "dev" / "gold")
    parser.add_argument("--sources", type=Path, default=SHARED / "corpus" / "SOURCES.tsv")
    parser.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.scorer)
    table = {name: score_subset(scorer, args.gold, args.pred_dir, ids)
             for name, ids in groups(args.gold, read_sources(args.sources)).items()}
    if args.json:
        print(json.dumps({k: {c: v.get(c) for c in (*COLUMNS, "n")} for k, v in table.items()},
                         ensure_ascii=False))
        return 0
    print(f"{'group (type/source: digital only)':36} {'n':>3} " + " ".join(f"{c[:12]:>12}" for c in COLUMNS))
    for name, result in table.items():
        cells = " ".join(f"{result.get(c) if result.get(c) is not None else '-':>12}" for c in COLUMNS)
        print(f"{name:36} {result['n']:>3} {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
