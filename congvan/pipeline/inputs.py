"""Batch inputs: files, folders (recursive, include/exclude globs) and path lists, each given a safe output name.

Output layout (relative to the output folder, always without absolute parts or '..'):

* one folder given alone: its tree as is (``IN/sub/x.pdf`` -> ``sub/x.json``, ``IN/x.pdf`` -> ``x.json``);
* several inputs: each folder's tree under the folder's name (``a/x.pdf`` -> ``a/x.json``);
* files named directly or listed on stdin (``-``): their paths relative to the folder they all share.

Two inputs that would land on the same name get ``<stem>.<ext>.json`` (x.docx and x.pdf), then ``~2``, ``~3``…
Names are compared case-insensitively, so the layout is safe on case-insensitive file systems too.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import TextIO

from congvan.readers import SUFFIXES

RESERVED = {"summary.json"}  # files of the batch itself, at the top of the output folder


@dataclass(frozen=True)
class Item:
    """One input document: the path as given or found (it becomes source.path) and its output file."""

    path: str
    out: str  # POSIX path relative to the output folder, ending in .json

    @property
    def kind(self) -> str:
        """The input format by suffix (txt, md, docx, pdf, html, doc, image), for the summary."""
        suffix = Path(self.path).suffix.lower()
        return SUFFIXES.get(suffix, suffix.lstrip(".") or "(none)")


def expand(inputs: Iterable[str | Path], stdin: TextIO | None = None) -> list[str]:
    """The inputs with each '-' replaced by the paths listed on stdin (one per line, blank lines ignored)."""
    items: list[str] = []
    for item in map(str, inputs):
        if item == "-":
            source = stdin if stdin is not None else sys.stdin
            items += [line.rstrip("\r\n") for line in source if line.strip()]
        else:
            items.append(item)
    return items


def matches(rel: str, patterns: Sequence[str]) -> bool:
    """True when a relative POSIX path matches a glob: on the whole path or the file name, case-insensitively."""
    rel = rel.casefold()
    name = rel.rsplit("/", 1)[-1]
    for pattern in patterns:
        pattern = pattern.casefold().replace("\\", "/")
        if fnmatchcase(rel, pattern) or fnmatchcase(name, pattern) or (
                pattern.startswith("**/") and fnmatchcase(rel, pattern[3:])):
            return True
    return False


def scan(folder: Path, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> list[str]:
    """Supported files under a folder (symlinked folders not followed), as sorted POSIX paths relative to it."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        base = Path(root).relative_to(folder)
        for name in files:
            if Path(name).suffix.lower() not in SUFFIXES:
                continue
            rel = (base / name).as_posix()
            if (include and not matches(rel, include)) or (exclude and matches(rel, exclude)):
                continue
            if (Path(root) / name).is_file():
                found.append(rel)
    return sorted(found, key=lambda rel: PurePosixPath(rel).parts)


def collect(inputs: Iterable[str | Path], include: Sequence[str] = (), exclude: Sequence[str] = (),
            stdin: TextIO | None = None) -> list[Item]:
    """Every input document in a stable order (inputs in the order given, folders sorted), named safely.

    Globs filter the files found in folders; files named directly (or listed) are always taken.
    """
    entries = expand(inputs, stdin)
    single_folder = len(entries) == 1 and Path(entries[0]).is_dir()
    wanted: list[tuple[str, str]] = []  # (path, output path without suffix)
    loose: list[str] = []
    labels: Counter[str] = Counter()
    seen: set[str] = set()
    for entry in entries:
        path = Path(entry)
        if path.is_dir():
            label = "" if single_folder else _unique(_safe(Path(os.path.abspath(path)).name or "root"), labels)
            for rel in scan(path, include, exclude):
                if _first(path / rel, seen):
                    wanted.append((str(path / rel), "/".join(filter(None, (label, rel)))))
        elif _first(path, seen):
            wanted.append((entry, ""))
            loose.append(entry)
    common = _common_parent(loose)
    named = [(p, rel or os.path.relpath(os.path.abspath(p), common)) for p, rel in wanted]
    return [Item(p, out) for (p, _), out in zip(named, output_names([rel for _, rel in named]), strict=True)]


def output_names(rels: Sequence[str]) -> list[str]:
    """Collision-free output files (``.json``) for relative input paths, in the same order."""
    parts = [[_safe(part) for part in PurePosixPath(rel.replace("\\", "/")).parts if part not in ("/", "")]
             for rel in rels]
    stems = Counter((_key(p[:-1]), PurePosixPath(p[-1]).stem.casefold()) for p in parts)
    folders = {_key(p[:i]) for p in parts for i in range(1, len(p))}
    taken = set(RESERVED) | folders
    names: list[str] = []
    for p in parts:
        stem, suffix = PurePosixPath(p[-1]).stem, PurePosixPath(p[-1]).suffix
        clash = stems[(_key(p[:-1]), stem.casefold())] > 1 or _key(p[:-1] + [f"{stem}.json"]) in RESERVED
        base = p[-1] if clash and suffix else stem
        name, n = f"{base}.json", 1
        while _key(p[:-1] + [name]) in taken:
            n += 1
            name = f"{base}~{n}.json"
        taken.add(_key(p[:-1] + [name]))
        names.append("/".join(p[:-1] + [name]))
    return names


def _safe(part: str) -> str:
    """One path component that stays inside the output folder."""
    part = part.replace("\x00", "").replace("/", "_").replace("\\", "_").strip()
    return "_" if part in ("", ".", "..") else part


def _key(parts: Sequence[str]) -> str:
    return "/".join(parts).casefold()


def _unique(label: str, used: Counter[str]) -> str:
    used[label.casefold()] += 1
    count = used[label.casefold()]
    return label if count == 1 else f"{label}-{count}"


def _first(path: Path, seen: set[str]) -> bool:
    """True the first time a file is met (by absolute path): a file given twice is converted once."""
    key = os.path.abspath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _common_parent(paths: Sequence[str]) -> str:
    if not paths:
        return os.getcwd()
    return os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in paths])
