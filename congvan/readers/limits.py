"""The limits a document must stay within: each a named default, a field of Limits and a command-line flag.

Pre-flight checks (preflight.py) refuse a file over a size limit before any parser reads it; the worker
caps (memory, CPU) are applied by the batch's worker processes (pipeline/sandbox.py). The service and the
`convert` command take the same flags (`--max-file-mb`, `--max-zip-ratio`, …); README "Security and limits".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

MAX_FILE_MB = 200.0  # any input file
MAX_PAGES = 300  # PDF: from its page tree before reading a page; other formats: after reading
MAX_ZIP_MEMBERS = 1000  # .docx: files in the package (Word writes 10–60)
MAX_ZIP_MB = 256.0  # .docx: total uncompressed size declared by the central directory
MAX_ZIP_RATIO = 100.0  # .docx: uncompressed / compressed size of a member over ZIP_RATIO_FLOOR
ZIP_RATIO_FLOOR = 1 << 20  # members smaller than 1 MiB uncompressed are never refused for their ratio
MAX_IMAGE_MEGAPIXELS = 100.0  # images: width × height from the header (an A4 page at 600 dpi is 35)
MAX_TEXT_MB = 10.0  # .txt / .md
MAX_LINE_BYTES = 100_000  # .txt / .md: the longest line (extraction time grows with the square of it)
MAX_HTML_MB = 10.0  # .html
MAX_HTML_DEPTH = 256  # .html: element nesting (libxml2's own default limit)
MAX_MEMORY_MB = 2048  # worker process address space (RLIMIT_AS), LibreOffice and Tesseract included
MAX_CPU_SECONDS = 120  # worker CPU time per document (RLIMIT_CPU)

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Every limit of one conversion (0 turns a limit off)."""

    max_file_mb: float = MAX_FILE_MB
    max_pages: int = MAX_PAGES
    max_zip_members: int = MAX_ZIP_MEMBERS
    max_zip_mb: float = MAX_ZIP_MB
    max_zip_ratio: float = MAX_ZIP_RATIO
    max_image_megapixels: float = MAX_IMAGE_MEGAPIXELS
    max_text_mb: float = MAX_TEXT_MB
    max_line_bytes: int = MAX_LINE_BYTES
    max_html_mb: float = MAX_HTML_MB
    max_html_depth: int = MAX_HTML_DEPTH
    max_memory_mb: int = MAX_MEMORY_MB
    max_cpu_seconds: int = MAX_CPU_SECONDS

    def to_dict(self) -> dict:
        """The limits as JSON-ready values (for a worker process)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict | None) -> Limits:
        """Limits from to_dict's output; unknown keys are ignored, missing ones take their default."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (values or {}).items() if k in known})


NO_LIMITS = Limits(**{f.name: 0 for f in fields(Limits)})
