"""congvan: Vietnamese official documents to validated, structured task lists."""

from __future__ import annotations

from functools import cache
from pathlib import Path

__version__ = "0.1.0"

# Code that cannot change an output file: a batch re-converts nothing when only these change.
_NOT_EXTRACTION = ("service", "exporters", "cli.py", "clierror.py")


def pipeline_version(root: Path = Path(__file__).parent) -> str:
    """'1+<digest of the extraction code>': an upgrade that changes how documents are read makes the outputs a
    resumed batch wrote before out of date (source.pipeline_version), so they are converted again."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if relative.parts[0] in _NOT_EXTRACTION:
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes())
    return f"1+{digest.hexdigest()[:12]}"


@cache
def _installed_version() -> str:
    return pipeline_version()


def __getattr__(name: str) -> str:
    """PIPELINE_VERSION is computed on first use (batch conversion), not by every `import congvan`."""
    if name == "PIPELINE_VERSION":
        return _installed_version()
    raise AttributeError(f"module 'congvan' has no attribute {name!r}")
