"""Hostile and broken input files, built cheaply, each with the outcome congvan must give it.

Used by tests/test_hostile.py (a small-size batch) and benchmarks/bench_hostile.py (the full-size one: a
1 GB-expanding .docx, a 20 MB line). `expected` is an error class, "ok" (converted), or a set of both when
either is right (a truncated PDF that pdfium repairs is fine to read).
"""

from __future__ import annotations

import os
import random
import shutil
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
DOCX = SAMPLES / "quyet-dinh.docx"
PDF = SAMPLES / "quyet-dinh.pdf"
TEXT = SAMPLES / "thong-bao.txt"
MB = 1 << 20


@dataclass(frozen=True)
class Hostile:
    """One file of the batch: its name, how to write it, and the outcome(s) expected."""

    name: str
    write: Callable[[Path], None]
    expected: frozenset[str]


def zip_bomb(path: Path, expands_mb: int) -> None:
    """A real .docx (the sample's parts) plus a media part of zeros that expands to expands_mb MB, written
    in streaming fashion (the whole never sits in memory)."""
    with zipfile.ZipFile(DOCX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for item in source.infolist():
            out.writestr(item, source.read(item))
        with out.open("word/media/image1.bin", "w", force_zip64=True) as handle:
            chunk = bytes(MB)
            for _ in range(expands_mb):
                handle.write(chunk)


def xml_bomb(path: Path, mb: int) -> None:
    """A .docx whose document part is mb MB of empty paragraphs (valid XML: a parser builds every one)."""
    with zipfile.ZipFile(DOCX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, source.read(item))
        with out.open("word/document.xml", "w", force_zip64=True) as handle:
            handle.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
                         b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            chunk = b"<w:p/>" * (MB // 6)
            for _ in range(mb):
                handle.write(chunk)
            handle.write(b"</w:body></w:document>")


def xml_entities(path: Path) -> None:
    """A .docx whose document part declares a billion-laughs entity tree and an external entity."""
    lol = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    dtd = f'<!DOCTYPE w:document [<!ENTITY l0 "lol">{lol}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    with zipfile.ZipFile(DOCX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                head, _, rest = data.partition(b"?>")
                data = head + b"?>" + dtd.encode() + rest.replace(b"</w:body>", b"<w:p><w:r><w:t>&l9;&xxe;</w:t>"
                                                                             b"</w:r></w:p></w:body>", 1)
            out.writestr(item, data)


def many_pages(path: Path, pages: int = 3000) -> None:
    """A PDF of `pages` blank pages (pdfium builds it in a few milliseconds)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    pdf.save(str(path))
    pdf.close()


def hand_made_pdf(path: Path, objects: list[bytes], trailer: bytes = b"") -> None:
    """A PDF of the given objects (1 0 obj is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    path.write_bytes(bytes(out))


PAGE_TREE = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]


def encrypted_pdf(path: Path) -> None:
    """A PDF with the standard security handler and a user password (a /U entry no empty password matches)."""
    security = (b"<< /Filter /Standard /V 1 /R 2 /O <" + bytes(range(32)).hex().encode() + b"> /U <"
                + bytes(range(100, 132)).hex().encode() + b"> /P -44 >>")
    hand_made_pdf(path, [*PAGE_TREE, security], b"/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff>"
                                                 b"<00112233445566778899aabbccddeeff>] ")


def missing_page_pdf(path: Path) -> None:
    """A PDF whose page tree counts two pages and holds one: pdfium opens it and fails on the second page."""
    hand_made_pdf(path, [PAGE_TREE[0], PAGE_TREE[1].replace(b"/Count 1", b"/Count 2"), PAGE_TREE[2]])


def huge_png(path: Path, side: int = 40_000) -> None:
    """A PNG whose header says side × side pixels (its data is one empty compressed row: never decoded)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
                     + chunk(b"IEND", b""))


def one_line(path: Path, mb: float) -> None:
    """A text of mb MB on one line, written in chunks."""
    with path.open("wb") as handle:
        left = int(mb * MB)
        piece = "giao sở y tế chủ trì ".encode() * 4096
        while left > 0:
            handle.write(piece[:left])
            left -= len(piece)


def nested_html(path: Path, depth: int = 100_000) -> None:
    """A page of depth nested <div>s around one line of text."""
    path.write_text("<html><body>" + "<div>" * depth + "Kính gửi: Sở Y tế" + "</div>" * depth + "</body></html>")


def ole_encrypted(path: Path) -> None:
    """The shape of a password-protected .docx: an OLE compound file whose directory names an EncryptedPackage
    stream (header, one sector of directory entries, the rest zero)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHH", 0x3E, 3, 0xFFFE, 9)
    entries = b""
    for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"):
        encoded = name.encode("utf-16-le") + b"\0\0"
        entries += encoded.ljust(64, b"\0") + struct.pack("<H", len(encoded)) + bytes(62)
    path.write_bytes(header.ljust(512, b"\0") + entries.ljust(512, b"\0") + bytes(4096))


def truncated(source: Path, share: float = 0.5) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(source.read_bytes()[: int(source.stat().st_size * share)])


def random_bytes(size: int, seed: int) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(random.Random(seed).randbytes(size))


def copy(source: Path) -> Callable[[Path], None]:
    return lambda path: shutil.copyfile(source, path)


def text(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _set(*names: str) -> frozenset[str]:
    return frozenset(names)


def batch(full_size: bool = False) -> list[Hostile]:
    """The hostile batch: full_size for the benchmark (1 GB docx, 20 MB line), else sizes quick to write that
    cross the same limits."""
    sample = TEXT.read_text(encoding="utf-8")
    bomb_mb = 1024 if full_size else 300
    return [
        Hostile("bomb.docx", lambda p: zip_bomb(p, bomb_mb), _set("too_large")),
        Hostile("ratio.docx", lambda p: zip_bomb(p, 40), _set("too_large")),  # under the size, over the ratio
        Hostile("entities.docx", xml_entities, _set("unsupported")),
        Hostile("pages-3000.pdf", many_pages, _set("too_large")),
        Hostile("encrypted.pdf", encrypted_pdf, _set("encrypted")),
        Hostile("encrypted.doc", ole_encrypted, _set("encrypted")),
        Hostile("missing-page.pdf", missing_page_pdf, _set("unreadable")),  # found by the fuzz tests
        Hostile("huge.png", huge_png, _set("too_large")),
        Hostile("big.png", lambda p: huge_png(p, 11_000), _set("too_large")),  # under Pillow's limit, over ours
        Hostile("line-20mb.txt", lambda p: one_line(p, 20 if full_size else 12), _set("too_large")),
        Hostile("line-1mb.md", lambda p: one_line(p, 1), _set("too_large")),  # small file, one long line
        Hostile("nested.html", nested_html, _set("too_large")),
        Hostile("empty.txt", text(b""), _set("unreadable")),
        Hostile("empty.pdf", text(b""), _set("unreadable")),
        Hostile("truncated.docx", truncated(DOCX), _set("unreadable")),
        Hostile("truncated.pdf", truncated(PDF), _set("ok", "unreadable")),
        Hostile("header-only.pdf", text(b"%PDF-1.7\n"), _set("unreadable")),
        Hostile("random.pdf", random_bytes(50_000, 1), _set("unreadable")),
        Hostile("random.docx", random_bytes(50_000, 2), _set("unreadable")),
        Hostile("random.png", random_bytes(50_000, 3), _set("unreadable")),
        Hostile("random.html", random_bytes(50_000, 4), _set("ok", "unreadable")),
        Hostile("random.txt", random_bytes(50_000, 5), _set("ok", "unreadable")),
        Hostile("notes.xyz", text(b"plain words"), _set("unsupported")),
        Hostile("docx-named.pdf", copy(DOCX), _set("ok")),  # wrong extension: read by its content
        Hostile("pdf-named.txt", copy(PDF), _set("ok")),
        Hostile("latin1.txt", text(sample.encode("cp1258", errors="replace")), _set("ok")),
        Hostile("utf16.txt", text(sample.encode("utf-16")), _set("ok")),
        Hostile("nul-bytes.txt", text(sample.encode() + b"\0" * 100 + sample.encode()), _set("ok", "unreadable")),
        Hostile("-rf $(reboot) ;.txt", copy(TEXT), _set("ok")),
        Hostile("ký tự\nxuống dòng.md", copy(TEXT), _set("ok")),
        Hostile("..txt", copy(TEXT), _set("ok")),
        Hostile("x" * 200 + ".txt", copy(TEXT), _set("ok")),
    ]


def build(folder: Path, full_size: bool = False) -> dict[Path, frozenset[str]]:
    """Write the batch into folder; {path: expected outcomes}."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for item in batch(full_size):
        path = folder / item.name
        item.write(path)
        made[path] = item.expected
    return made


def outcome_class(outcome: dict) -> str:
    """"ok" or the error class of a batch outcome or failure record."""
    return "ok" if outcome.get("ok", "error_class" not in outcome) else outcome["error_class"]


if __name__ == "__main__":  # write the full-size batch into a folder, to try it by hand
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")
    for path in build(target, full_size=True):
        print(f"{os.path.getsize(path):>12}  {path.name!r}")
