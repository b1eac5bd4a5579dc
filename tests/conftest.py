"""Shared paths for the tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
SAMPLES = ROOT / "samples"


def sample_module(name: str) -> ModuleType:
    """A helper script of samples/ (not a package), loaded by path: make_signed builds e-signed PDFs."""
    spec = importlib.util.spec_from_file_location(name, SAMPLES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def dev_docs() -> Path:
    if not (DEV / "docs").is_dir():
        pytest.skip("../shared/corpus/dev is not present on this machine")
    return DEV / "docs"
