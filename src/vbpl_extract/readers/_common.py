"""Helpers shared by the readers: markdown pipe rows for tables, binary sniffing.

>>> pipe_row(["TT", "Nhiệm vụ\\nchính", "Sở Tài chính | Sở Nội vụ"])
'| TT | Nhiệm vụ chính | Sở Tài chính / Sở Nội vụ |'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

_WS = regex.compile(r"\s+")

# (magic prefix, description), checked at offset 0.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx/.xlsx)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE compound file (legacy .doc/.xls or an encrypted Office file)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "an executable"),
)


def sniff(data: bytes) -> str | None:
    """Describe ``data`` when it starts with a known binary signature (``"a PNG image"``), else None."""
    head = data[:16]
    for magic, what in MAGIC:
        if head.startswith(magic):
            return what
    return None


def cell_text(text: str) -> str:
    """A table cell on one line: inner newlines/whitespace collapsed, ``|`` replaced by ``/``."""
    return _WS.sub(" ", text.replace("|", "/")).strip()


def pipe_row(cells: Iterable[str | None]) -> str:
    """One markdown pipe row: ``| Sở Y tế | Quý III/2025 |``."""
    return "| " + " | ".join(cell_text(c or "") for c in cells) + " |"


def table_block(rows: Sequence[Sequence[str | None]]) -> list[str]:
    """Lines of a table: a blank line, one pipe row per non-empty row, a blank line."""
    body = [pipe_row(r) for r in rows if any((c or "").strip() for c in r)]
    if not body:
        return []
    return ["", *body, ""]


def join_lines(lines: Iterable[str]) -> str:
    """Join rendered lines with ``\\n``, squeezing runs of blank lines to one and trimming the ends."""
    out: list[str] = []
    for line in lines:
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)
