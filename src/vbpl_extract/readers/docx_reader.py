"""Read a .docx as Word shows it: paragraphs with their list numbers, tables, footnotes.

The archive is checked first (corrupt zip, zip bomb, encrypted OLE container). Then the parts are
found through the package relationships (``_rels/.rels`` -> main document -> its numbering,
styles and footnotes) and every one is parsed by :class:`.safe_xml.SafeParser`: any encoding,
no DTD or entity (refused), streamed with bounded elements and characters, so a 190 MB
``document.xml`` costs bounded memory and ends in ``FileTooLargeError``.

* automatic numbering is rendered (:mod:`.docx_numbering`): ``Điều 1.``, ``1.``, ``a)``, ``II.``;
* tables become markdown pipe rows::

      | TT | Nhiệm vụ | Cơ quan chủ trì |
      | 1 | Xây dựng Đề án chuyển đổi số | Sở Khoa học và Công nghệ |

  except a layout table (the two-column header "issuer | motto", the closing "Nơi nhận |
  signature"; cues in ``data/layout_cues.yaml``), read column by column as paragraphs;
* footnote marks stay in the text as ``[1]`` and the footnotes follow the body as ``[1] …``;
* page headers/footers are other parts and are not read; drawings, text boxes and their
  fallbacks are skipped (their anchors and text never enter the body).
"""

from __future__ import annotations

import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import regex
from pydantic import BaseModel

from ..data import load
from ..errors import CorruptFileError, EmptyDocumentError, EncryptedFileError, UnsupportedFormatError
from ._common import cell_text, join_lines, pipe_row, sniff
from .docx_numbering import Label, Numbering, uses_vietnamese_letters
from .safe_xml import SafeParser, parse_part

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 10_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CHUNK = 1 << 16
# subtrees never read: drawings and text boxes (their text is not body text), field codes, deletions
_SKIP = (f"{_W}drawing", f"{_W}pict", f"{_W}object", f"{_MC}Fallback", f"{_W}txbxContent", f"{_W}instrText",
         f"{_W}delText", f"{_W}del", f"{_W}moveFrom", f"{_W}rPr", f"{_W}sectPr")


def check_ole(data: bytes, name: str) -> None:
    """An OLE compound file is either an encrypted Office document or a legacy binary .doc."""
    if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
        raise EncryptedFileError(name, "the Word document is password-protected (encrypted); remove the password")
    raise UnsupportedFormatError(name, "legacy Word 97-2003 (.doc) content; save it as .docx")


def check_archive(data: bytes, name: str) -> None:
    """Reject corrupt archives, zip bombs and encrypted members before any part is parsed."""
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
        if any(i.flag_bits & 0x1 for i in infos):
            raise EncryptedFileError(name, "the archive members are encrypted")
        names = {i.filename for i in infos}
        if "word/document.xml" not in names and "_rels/.rels" not in names:
            raise CorruptFileError(name, "not a Word document: the archive has no word/document.xml")


# --------------------------------------------------------------------------- parts


def _member_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """The member's bytes in chunks, never more than its declared size (a lying header is an error)."""
    read = 0
    try:
        with archive.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                read += len(chunk)
                if read > info.file_size:
                    raise CorruptFileError(name, f"corrupt .docx: {info.filename} is larger than declared")
                yield chunk
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise CorruptFileError(name, f"corrupt .docx: cannot read {info.filename} ({exc})") from None


def _info(archive: zipfile.ZipFile, part: str) -> zipfile.ZipInfo | None:
    try:
        return archive.getinfo(part)
    except KeyError:
        return None


def _relationships(archive: zipfile.ZipFile, name: str, source: str, counter: dict[str, int]) -> dict[str, str]:
    """Relationship type (its last path segment, e.g. ``numbering``) -> part name, for ``source`` ("" = package)."""
    folder, base = posixpath.split(source)
    rels_part = posixpath.join(folder, "_rels", base + ".rels")
    info = _info(archive, rels_part)
    if info is None:
        return {}
    root = parse_part(_member_chunks(archive, info, name), name, rels_part, counter=counter)
    out: dict[str, str] = {}
    for rel in root.iter():
        if not rel.tag.endswith("Relationship") or rel.get("TargetMode") == "External":
            continue
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if not target or "://" in target:
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out.setdefault(kind, part)
    return out


def _read_part(archive: zipfile.ZipFile, name: str, part: str | None, counter: dict[str, int]) -> ET.Element | None:
    if part is None:
        return None
    info = _info(archive, part)
    if info is None:
        return None
    return parse_part(_member_chunks(archive, info, name), name, part, counter=counter)


# --------------------------------------------------------------------------- layout tables


class LayoutCues(BaseModel):
    """``data/layout_cues.yaml``."""

    max_columns: int
    max_rows: int
    cues: list[str]


@cache
def _layout_cues() -> tuple[LayoutCues, regex.Pattern[str]]:
    cues = LayoutCues.model_validate(load("layout_cues.yaml"))
    return cues, regex.compile("|".join(f"(?:{c})" for c in cues.cues), regex.IGNORECASE)


# --------------------------------------------------------------------------- the body

Part = str | Label
"""A piece of rendered text: plain text, or a list label rendered once the alphabet is known."""


@dataclass
class _Cell:
    paragraphs: list[list[Part]] = field(default_factory=list)


@dataclass
class _Body:
    """Reads body elements in order; keeps parts of lines, footnote numbering and the alphabet cue."""

    numbering: Numbering
    items: list[list[Part] | list[list[_Cell]] | tuple[str, list[list[_Cell]]]] = field(default_factory=list)
    footnote_marks: dict[str, int] = field(default_factory=dict)
    vietnamese_letters: bool = False

    # ---- paragraphs

    def paragraph(self, p: ET.Element) -> list[Part]:
        ppr = p.find(f"{_W}pPr")
        parts: list[Part] = []
        self._runs(p, parts)
        text = "".join(x for x in parts if isinstance(x, str))
        label = self.numbering.label(ppr)
        if not text.strip():
            return []
        if not self.vietnamese_letters and uses_vietnamese_letters(text):
            self.vietnamese_letters = True
        return [label, *parts] if label is not None else parts

    def _runs(self, el: ET.Element, parts: list[Part]) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{_W}r":
                custom = False
                for x in child:
                    t = x.tag
                    if t == f"{_W}t":
                        parts.append(x.text or "")
                    elif t == f"{_W}tab":
                        parts.append("\t")
                    elif t in (f"{_W}br", f"{_W}cr"):
                        if x.get(f"{_W}type") != "page":
                            parts.append("\n")
                    elif t == f"{_W}noBreakHyphen":
                        parts.append("-")
                    elif t == f"{_W}footnoteReference":
                        fid = x.get(f"{_W}id", "")
                        custom = x.get(f"{_W}customMarkFollows") in ("1", "true", "on")
                        if not custom:
                            number = self.footnote_marks.setdefault(fid, len(self.footnote_marks) + 1)
                            parts.append(f"[{number}]")
                        else:
                            self.footnote_marks.setdefault(fid, len(self.footnote_marks) + 1)
            elif tag in (f"{_W}hyperlink", f"{_W}ins", f"{_W}smartTag", f"{_W}fldSimple", f"{_W}customXml",
                         f"{_W}moveTo", f"{_MC}AlternateContent", f"{_MC}Choice", f"{_W}dir", f"{_W}bdo"):
                self._runs(child, parts)
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self._runs(content, parts)

    # ---- tables

    def table(self, tbl: ET.Element) -> list[list[_Cell]]:
        """Rows of cells; merged cells keep their text in the first slot, the covered slots are empty."""
        rows: list[list[_Cell]] = []
        for tr in _children(tbl, "tr"):
            row: list[_Cell] = []
            for tc in _children(tr, "tc"):
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
                cell = _Cell()
                self._cell(tc, cell, continued)
                row.append(cell)
                row.extend(_Cell() for _ in range(span - 1))
            rows.append(row)
        return rows

    def _cell(self, container: ET.Element, cell: _Cell, continued: bool) -> None:
        for child in container:
            if child.tag == f"{_W}p":
                parts = self.paragraph(child)
                if parts and not continued:
                    cell.paragraphs.append(parts)
            elif child.tag == f"{_W}tbl":  # a nested table: its rows flattened into the cell
                for row in self.table(child):
                    line: list[Part] = []
                    for c in row:
                        for para in c.paragraphs:
                            line.extend([*para, " "])
                    if line and not continued:
                        cell.paragraphs.append(line)
            elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
                content = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
                if content is not None:
                    self._cell(content, cell, continued)

    # ---- blocks of the body

    def block(self, el: ET.Element) -> None:
        tag = el.tag
        if tag == f"{_W}p":
            parts = self.paragraph(el)
            if parts:
                self.items.append(parts)
        elif tag == f"{_W}tbl":
            rows = self.table(el)
            self.items.append(("layout", rows) if _is_layout(rows) else ("table", rows))
        elif tag in (f"{_W}sdt", f"{_W}customXml"):
            content = el.find(f"{_W}sdtContent") if tag == f"{_W}sdt" else el
            if content is not None:
                for child in content:
                    self.block(child)

    # ---- rendering

    def render(self, footnotes: list[str]) -> list[str]:
        viet = self.vietnamese_letters

        def text(parts: list[Part]) -> str:
            return "".join(p.render(viet) if isinstance(p, Label) else p for p in parts)

        lines: list[str] = []
        for item in self.items:
            if isinstance(item, tuple):
                kind, rows = item
                if kind == "layout":
                    lines.extend(_layout_lines([[[text(p) for p in c.paragraphs] for c in r] for r in rows]))
                else:
                    body = [pipe_row(cell_text(" ".join(text(p) for p in c.paragraphs)) for c in r) for r in rows]
                    body = [b for b in body if b.strip("| ")]
                    if body:
                        lines.extend(["", *body, ""])
                continue
            # a Word paragraph is a paragraph: end it with a markdown hard line break (two spaces) so
            # the clean stage never joins it to the next one as if it were a hard-wrapped line
            # (a line break inside the paragraph, w:br, stays a plain line end)
            split = [x.replace("\t", " ").strip() for x in text(item).split("\n")]  # type: ignore[arg-type]
            lines.extend(split[:-1])
            lines.append(split[-1] + "  " if split[-1] else "")
        if footnotes:
            lines.append("")
            lines.extend(footnotes)
        return lines


def _children(el: ET.Element, local: str) -> Iterator[ET.Element]:
    """Direct children ``w:<local>``, looking through ``w:sdt``/``w:customXml`` wrappers."""
    for child in el:
        if child.tag == f"{_W}{local}":
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _children(content, local)
        elif child.tag == f"{_W}customXml":
            yield from _children(child, local)


def _is_layout(rows: list[list[_Cell]]) -> bool:
    """A small table holding the header's or the closing block's cues."""
    cues, pattern = _layout_cues()
    if not rows or len(rows) > cues.max_rows or max(len(r) for r in rows) > cues.max_columns:
        return False
    for row in rows:
        for cell in row:
            for para in cell.paragraphs:
                head = "".join(p for p in para if isinstance(p, str)).strip()
                if pattern.match(head):
                    return True
    return False


def _layout_lines(rows: list[list[list[str]]]) -> list[str]:
    """A layout table in reading order: runs of two-column rows column by column, full rows in place.

    Rows whose text sits in two or more cells are read left column (all its paragraphs, row after
    row), a blank line, then the right column; a row with text in one cell only (a "Kính gửi"
    line spanning the table) stays where it is. Every paragraph ends with a markdown hard line
    break (two spaces) unless the next goes on in lower case, so the clean stage keeps
    "ỦY BAN NHÂN DÂN" / "Số: 12/KH-UBND" apart.
    """
    out: list[str] = [""]

    def emit(column: list[str]) -> None:
        column = [x.strip() for para in column for x in para.split("\n") if x.strip()]
        for k, line in enumerate(column):
            nxt = column[k + 1] if k + 1 < len(column) else ""
            out.append(line if nxt[:1].islower() else line + "  ")

    k = 0
    while k < len(rows):
        filled = [c for c, cell in enumerate(rows[k]) if cell]
        if len(filled) <= 1:
            emit([p for cell in rows[k] for p in cell])
            k += 1
            continue
        end = k
        while end < len(rows) and sum(1 for cell in rows[end] if cell) >= 2:
            end += 1
        width = max(len(r) for r in rows[k:end])
        for c in range(width):
            column = [p for r in rows[k:end] if c < len(r) for p in r[c]]
            if column:
                if out[-1] != "":
                    out.append("")
                emit(column)
        k = end
    out.append("")
    return out


def _footnotes(root: ET.Element | None, marks: dict[str, int], numbering: Numbering) -> list[str]:
    """``[n] text`` for each referenced footnote, in the order of their marks."""
    if root is None or not marks:
        return []
    texts: dict[str, str] = {}
    body = _Body(numbering)
    for note in root:
        if note.tag != f"{_W}footnote" or note.get(f"{_W}type") in ("separator", "continuationSeparator",
                                                                    "continuationNotice"):
            continue
        paras = ["".join(x for x in body.paragraph(p) if isinstance(x, str)).strip() for p in note.iter(f"{_W}p")]
        texts[note.get(f"{_W}id", "")] = " ".join(p for p in paras if p)
    return [f"[{n}] {texts[fid]}" for fid, n in sorted(marks.items(), key=lambda kv: kv[1]) if texts.get(fid)]


# --------------------------------------------------------------------------- the reader


def read_docx(data: bytes, name: str) -> str:
    """Text of a .docx: numbered paragraphs as lines, tables as pipe rows, footnotes at the end."""
    if data.startswith(OLE_MAGIC):
        check_ole(data, name)
    if not data.startswith(b"PK"):
        what = sniff(data)
        if what is not None:
            raise UnsupportedFormatError(name, f"the content is {what}, not a .docx")
        raise CorruptFileError(name, "not a .docx (no zip signature)")
    check_archive(data, name)
    counter = {"elements": 0, "chars": 0}
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, OSError) as exc:
        raise CorruptFileError(name, f"corrupt .docx (not a valid zip archive: {exc})") from None
    with archive:
        package = _relationships(archive, name, "", counter)
        main = package.get("officeDocument", "word/document.xml")
        info = _info(archive, main)
        if info is None:
            raise CorruptFileError(name, f"not a Word document: the archive has no {main}"
                                   if main != "word/document.xml" else
                                   "not a Word document: the archive has no word/document.xml")
        rels = _relationships(archive, name, main, counter)
        numbering = Numbering.from_xml(_read_part(archive, name, rels.get("numbering"), counter),
                                       _read_part(archive, name, rels.get("styles"), counter))
        notes = _read_part(archive, name, rels.get("footnotes"), counter)
        body = _Body(numbering)
        parser = SafeParser(name, main, depth=2, counter=counter, skip=_SKIP)
        seen_body = False
        try:
            for chunk in _member_chunks(archive, info, name):
                for el in parser.feed(chunk):
                    seen_body = seen_body or el.tag.startswith(_W)
                    body.block(el)
            for el in parser.close():
                seen_body = seen_body or el.tag.startswith(_W)
                body.block(el)
        except (RecursionError, ValueError, TypeError) as exc:
            raise CorruptFileError(name, f"corrupt .docx ({type(exc).__name__}: {exc})") from None
    lines = body.render(_footnotes(notes, body.footnote_marks, numbering))
    text = join_lines(lines).rstrip(" ")
    if not text.strip():
        if not seen_body:
            raise CorruptFileError(name, "corrupt .docx: word/document.xml has no Word body (foreign XML namespace?)")
        raise EmptyDocumentError(name, "the Word document has no text")
    return text
