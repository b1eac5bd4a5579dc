"""Legacy Word .doc: converted to .docx by LibreOffice headless, then read by the .docx reader."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from congvan.layout import Layout, ReadError

TIMEOUT = 120


def soffice() -> str:
    """The LibreOffice binary, or a ReadError saying how to install it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise ReadError("legacy .doc needs LibreOffice (apt-get install libreoffice-writer-nogui)")


def read(path: str) -> Layout:
    from congvan.readers import docx

    binary = soffice()
    with tempfile.TemporaryDirectory(prefix="congvan-doc-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        command = [binary, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "docx", "--outdir", tmp, path]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ReadError(f"LibreOffice did not convert the .doc within {TIMEOUT} s") from exc
        converted = Path(tmp, Path(path).stem + ".docx")
        if not converted.exists():
            raise ReadError("LibreOffice could not convert this .doc (damaged or not a Word file)")
        layout = docx.read(str(converted))
    layout.path = path
    layout.format = "doc"
    return layout
