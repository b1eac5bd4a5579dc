"""Shared paths for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
SAMPLES = ROOT / "samples"


@pytest.fixture
def dev_docs() -> Path:
    if not (DEV / "docs").is_dir():
        pytest.skip("../shared/corpus/dev is not present on this machine")
    return DEV / "docs"
