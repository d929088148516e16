"""Read a .docx with python-docx: paragraphs and tables in document order.

The archive is checked before python-docx opens it (corrupt zip, zip bomb, DTD/entities in the
XML parts, encrypted OLE container). Tables become markdown pipe rows::

    | TT | Nhiệm vụ | Cơ quan chủ trì |
    | 1 | Xây dựng Đề án chuyển đổi số | Sở Khoa học và Công nghệ |

python-docx parses with ``lxml.etree.XMLParser(resolve_entities=False)``; we still reject any
part that declares a DOCTYPE or ENTITY (a Word document never needs one).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

from ..errors import CorruptFileError, EmptyDocumentError, EncryptedFileError, UnsupportedFormatError
from ._common import join_lines, sniff, table_block

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 10_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!ENTITY".encode("utf-16-le"),
                "<!DOCTYPE".encode("utf-16-be"), "<!ENTITY".encode("utf-16-be"))


def check_ole(data: bytes, name: str) -> None:
    """An OLE compound file is either an encrypted Office document or a legacy binary .doc."""
    if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
        raise EncryptedFileError(name, "the Word document is password-protected (encrypted); remove the password")
    raise UnsupportedFormatError(name, "legacy Word 97-2003 (.doc) content; save it as .docx")


def check_archive(data: bytes, name: str) -> None:
    """Reject corrupt archives, zip bombs and XML parts with a DTD before python-docx reads them."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, OSError) as exc:
        raise CorruptFileError(name, f"corrupt .docx (not a valid zip archive: {exc})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise CorruptFileError(name, f"zip bomb suspected: {len(infos)} archive members")
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos)
        if total > MAX_UNCOMPRESSED:
            raise CorruptFileError(
                name, f"zip bomb suspected: {total / 1e6:.0f} MB uncompressed (limit {MAX_UNCOMPRESSED / 1e6:.0f} MB)")
        if total > 1_000_000 and total > MAX_RATIO * max(packed, 1):
            raise CorruptFileError(
                name, f"zip bomb suspected: compression ratio {total / max(packed, 1):.0f}:1 (limit {MAX_RATIO}:1)")
        names = {i.filename for i in infos}
        if "word/document.xml" not in names:
            raise CorruptFileError(name, "not a Word document: the archive has no word/document.xml")
        if any(i.flag_bits & 0x1 for i in infos):
            raise EncryptedFileError(name, "the archive members are encrypted")
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                blob = _bounded_read(archive, info)
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
                raise CorruptFileError(name, f"corrupt .docx: cannot read {info.filename} ({exc})") from None
            if any(marker in blob for marker in _DTD_MARKERS):
                raise CorruptFileError(
                    name, f"{info.filename} declares a DOCTYPE/ENTITY; rejected (XML entity expansion attack?)")


def _bounded_read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Read a member, never more than its declared size + 1 byte (a lying header is an error)."""
    with archive.open(info) as fh:
        blob = fh.read(info.file_size + 1)
    if len(blob) > info.file_size:
        raise ValueError(f"{info.filename} is larger than declared")
    return blob


def _cell_text(tc) -> str:  # type: ignore[no-untyped-def]
    """All text of a table cell (paragraphs and nested tables) on one line."""
    parts: list[str] = []
    for line in _block_lines(tc, depth=1):
        if line.strip():
            parts.append(line)
    return " ".join(parts)


def _paragraph_text(p) -> str:  # type: ignore[no-untyped-def]
    from docx.text.paragraph import Paragraph

    return Paragraph(p, None).text


def _table_rows(tbl) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Rows of cells; merged cells keep their text in the first slot, the covered slots are empty."""
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(f"{_W}tr"):
        row: list[str] = []
        for tc in tr.iterchildren(f"{_W}tc"):
            tc_pr = tc.find(f"{_W}tcPr")
            span, continued = 1, False
            if tc_pr is not None:
                grid_span = tc_pr.find(f"{_W}gridSpan")
                if grid_span is not None:
                    try:
                        span = max(1, min(50, int(grid_span.get(f"{_W}val", "1"))))
                    except ValueError:
                        span = 1
                v_merge = tc_pr.find(f"{_W}vMerge")
                continued = v_merge is not None and v_merge.get(f"{_W}val", "continue") != "restart"
            row.append("" if continued else _cell_text(tc))
            row.extend("" for _ in range(span - 1))
        rows.append(row)
    return rows


def _block_lines(container, depth: int = 0) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Lines of a body/cell in document order: w:p, w:tbl, and the content of w:sdt controls."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            text = _paragraph_text(child)
            yield from text.split("\n")
        elif tag == f"{_W}tbl":
            if depth == 0:
                yield from table_block(_table_rows(child))
            else:  # nested table inside a cell: its text, flattened by the caller
                for row in _table_rows(child):
                    yield " ".join(c for c in row if c)
        elif tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _block_lines(content, depth)
        elif tag == f"{_W}tc":
            continue


def read_docx(data: bytes, name: str) -> str:
    """Text of a .docx: paragraphs as lines, tables as pipe rows (headers/footers/text boxes skipped)."""
    if data.startswith(OLE_MAGIC):
        check_ole(data, name)
    if not data.startswith(b"PK"):
        what = sniff(data)
        if what is not None:
            raise UnsupportedFormatError(name, f"the content is {what}, not a .docx")
        raise CorruptFileError(name, "not a .docx (no zip signature)")
    check_archive(data, name)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise CorruptFileError(name, f"corrupt .docx: {exc}") from None
    except Exception as exc:  # lxml.etree.XMLSyntaxError and friends
        raise CorruptFileError(name, f"corrupt .docx ({type(exc).__name__}: {exc})") from None
    body = getattr(document.element, "body", None)
    if body is None:
        raise CorruptFileError(name, "corrupt .docx: word/document.xml has no Word body (foreign XML namespace?)")
    lines = []
    try:
        blocks = list(_block_lines(body))
    except Exception as exc:  # malformed content below the body
        raise CorruptFileError(name, f"corrupt .docx ({type(exc).__name__}: {exc})") from None
    for line in blocks:
        lines.append(line.strip() if not line.startswith("| ") else line)
    text = join_lines(lines)
    if not text.strip():
        raise EmptyDocumentError(name, "the Word document has no text")
    return text
