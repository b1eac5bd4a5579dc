"""The limits as command-line flags, shared by `convert`, `extract` and `serve` (imports click alone)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from congvan.readers.limits import Limits

# field of Limits -> (flag, help); the default shown is Limits()'s
FLAGS = {
    "max_file_mb": ("--max-file-mb", "Refuse files larger than this many MB."),
    "max_pages": ("--max-pages", "Refuse documents with more pages (PDFs before reading a page)."),
    "max_zip_members": ("--max-zip-members", "Refuse .docx packages of more files."),
    "max_zip_mb": ("--max-zip-mb", "Refuse .docx packages that expand to more MB."),
    "max_zip_ratio": ("--max-zip-ratio", "Refuse .docx parts (over 1 MiB) compressed more than this ratio."),
    "max_image_megapixels": ("--max-image-megapixels", "Refuse images of more megapixels (from the header)."),
    "max_text_mb": ("--max-text-mb", "Refuse .txt/.md files larger than this many MB."),
    "max_line_bytes": ("--max-line-bytes", "Refuse .txt/.md files with a longer line."),
    "max_html_mb": ("--max-html-mb", "Refuse .html pages larger than this many MB."),
    "max_html_depth": ("--max-html-depth", "Refuse .html pages whose elements nest deeper."),
    "max_memory_mb": ("--max-memory-mb", "Address-space cap of a worker process per document (RLIMIT_AS)."),
    "max_cpu_seconds": ("--max-cpu-seconds", "CPU-time cap of a worker process per document (RLIMIT_CPU)."),
}


def limit_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add one flag per limit (0 turns it off); the command gets them as keyword arguments (see limits_from)."""
    defaults = Limits()
    for name, (flag, text) in reversed(FLAGS.items()):
        value = getattr(defaults, name)
        kind = click.FloatRange(min=0) if isinstance(value, float) else click.IntRange(min=0)
        command = click.option(flag, name, type=kind, default=value, show_default=True,
                               help=f"{text} 0: no limit.")(command)
    return command


def limits_from(options: dict[str, Any]) -> Limits:
    """Pop the limit flags out of a command's keyword arguments into Limits."""
    return Limits(**{name: options.pop(name) for name in FLAGS if name in options})
