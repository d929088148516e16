"""Read a document file into a :class:`Source`: its text, format, encoding and sha256.

Formats by extension: ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm``, ``.docx``, ``.pdf``;
``.doc``/``.rtf``/``.odt`` (converted to .docx by LibreOffice, :mod:`.office`); page images
``.png``/``.jpg``/``.jpeg``/``.tif``/``.tiff`` and PDFs without a usable text layer (OCR, :mod:`.ocr`).
Every bad input raises a typed error of :mod:`vbpl_extract.errors` naming the file::

    >>> src = read_bytes("Ủy ban nhân dân tỉnh Nghệ An".encode("utf-8-sig"), "qd.txt")
    >>> src.text, src.format, src.encoding
    ('Ủy ban nhân dân tỉnh Nghệ An', 'txt', 'utf-8-sig')

Offsets of all later stages are into ``Source.text``, which is the decoded file without its BOM
(not otherwise normalised) for .txt/.md, and the rendered text (paragraphs separated by ``\\n``,
tables as markdown pipe rows between blank lines) for .html/.docx/.pdf; in .docx/.pdf text a line
that ends a paragraph ends with two spaces (a markdown hard line break), and the two column blocks
of a header or closing block are apart by a blank line (see ``docs/formats.md``).
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .. import encodings as legacy
from ..diagnostics import Diagnostics
from ..errors import (
    EmptyDocumentError,
    FileTooLargeError,
    InputNotFoundError,
    ScannedPdfError,
    UnsupportedFormatError,
)
from .docx_reader import read_docx
from .html_reader import read_html
from .ocr import IMAGE_FORMATS, OcrResult, ocr_document, text_layer_usable
from .office import OFFICE_FORMATS, converter_version, read_office
from .pdf_reader import read_pdf
from .safe_xml import MAX_TEXT_CHARS
from .text_reader import decode_text

__all__ = ["DEFAULT_MAX_BYTES", "EXTENSIONS", "FORMATS", "OCR_MODES", "Source", "detect_format", "read_bytes",
           "read_file", "special_file_kind"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    **OFFICE_FORMATS,
    **IMAGE_FORMATS,
}
FORMATS: tuple[str, ...] = ("txt", "md", "html", "docx", "pdf", *dict.fromkeys(OFFICE_FORMATS.values()),
                            *dict.fromkeys(IMAGE_FORMATS.values()))
OCR_MODES: tuple[str, ...] = ("auto", "always", "never")
"""``auto``: OCR a PDF only when it has no usable text layer (and always an image); ``always``: OCR every
PDF and image; ``never``: no OCR (a scanned PDF is ``ScannedPdfError``, an image ``UnsupportedFormatError``)."""
OcrMode = Literal["auto", "always", "never"]
_HINTS = {
    ".xlsx": "spreadsheets are not supported",
    ".xls": "spreadsheets are not supported",
}


@dataclass(frozen=True)
class Source:
    """A decoded document: ``format`` is one of :data:`FORMATS`; ``sha256`` is of the file's bytes."""

    path: str
    text: str
    format: str
    encoding: str | None
    sha256: str
    ocr: OcrResult | None = None
    """Set when ``text`` is OCR text: engine, per-page confidence, per-word confidence and offsets."""
    converted_to: str | None = None
    """``"docx"`` when the file was converted (a .doc/.rtf/.odt) before it was read."""
    converter: str | None = None
    warnings: tuple[str, ...] = ()
    """What the reader could not do but read on without ("read: PdfiumError: …"); the pipeline puts them
    first in ``TaskGraph.warnings``."""


def detect_format(name: str) -> str:
    """The format for a file name by its extension: ``"Kế hoạch 341.PDF"`` -> ``"pdf"``."""
    suffix = Path(name).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    hint = _HINTS.get(suffix)
    if hint is None:
        supported = ", ".join(EXTENSIONS)
        hint = (f"unsupported file type {suffix!r}" if suffix else "no file extension") + f"; supported: {supported}"
    raise UnsupportedFormatError(name, hint)


def read_bytes(data: bytes, name: str, *, fmt: str | None = None, max_bytes: int | None = None,
               ocr: OcrMode = "auto") -> Source:
    """Decode ``data`` (the content of the file ``name``) into a :class:`Source`.

    ``fmt`` overrides the format guessed from ``name``'s extension; ``ocr`` is one of :data:`OCR_MODES`.
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, got {ocr!r}")
    if fmt is None:
        fmt = detect_format(name)
    elif fmt not in FORMATS:
        raise UnsupportedFormatError(name, f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if max_bytes is not None and len(data) > max_bytes:
        raise FileTooLargeError(name, _too_large(len(data), max_bytes))
    if not data:
        raise EmptyDocumentError(name, "the file is empty (0 bytes)")
    encoding: str | None
    sha256 = hashlib.sha256(data).hexdigest()
    if fmt in IMAGE_FORMATS.values() or (fmt == "pdf" and ocr == "always"):
        return _ocr_source(data, name, fmt, ocr, sha256)
    converted_to = converter = None
    log = Diagnostics()
    if fmt in ("txt", "md"):
        text, encoding = decode_text(data, name)
    elif fmt == "html":
        text, encoding = read_html(data, name)
    else:
        if fmt == "pdf":
            try:
                text = read_pdf(data, name, diagnostics=log)
            except ScannedPdfError:  # no text layer: OCR unless --ocr never
                if ocr == "never":
                    raise ScannedPdfError(name, "scanned PDF, no usable text layer; OCR is turned off (--ocr never)") from None
                return _ocr_source(data, name, fmt, ocr, sha256)
        elif fmt == "docx":
            text = read_docx(data, name)
        else:
            text = read_office(data, name, fmt)
            converted_to, converter = "docx", converter_version() or "LibreOffice"
        text, which = legacy.convert_if_legacy(text)
        encoding = which
        if fmt == "pdf" and ocr == "auto" and not text_layer_usable(text):  # a garbage OCR layer
            return _ocr_source(data, name, fmt, ocr, sha256)
    if not text.strip():
        raise EmptyDocumentError(name, "the document has no text (only whitespace)")
    if len(text) > MAX_TEXT_CHARS:  # the one text limit of every format (memory grows with the text)
        raise FileTooLargeError(name, f"the document holds over {MAX_TEXT_CHARS:,} characters of text "
                                      f"({len(text):,}); refused")
    return Source(path=name, text=text, format=fmt, encoding=encoding, sha256=sha256, converted_to=converted_to,
                  converter=converter, warnings=tuple(log.messages))


def _ocr_source(data: bytes, name: str, fmt: str, ocr: OcrMode, sha256: str) -> Source:
    """A Source whose text is the OCR text of a scanned PDF or an image."""
    if ocr == "never":
        raise UnsupportedFormatError(name, "a page image needs OCR, which --ocr never turns off")
    result = ocr_document(data, name, kind="pdf" if fmt == "pdf" else "image")
    return Source(path=name, text=result.text, format=fmt, encoding=None, sha256=sha256, ocr=result)


def _too_large(size: int, limit: int) -> str:
    return f"the file is {size / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB limit (max_bytes={limit})"


def special_file_kind(mode: int) -> str:
    """What a non-regular file is, for messages: ``special_file_kind(stat.S_IFIFO)`` -> ``"a named pipe (FIFO)"``."""
    for test, kind in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "a special file"


def read_file(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, ocr: OcrMode = "auto") -> Source:
    """Read and decode a document file: ``read_file("qd_126_bcdcp.pdf").text``."""
    p = Path(path)
    name = str(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputNotFoundError(name, "no such file") from None
    except OSError as exc:
        raise InputNotFoundError(name, f"cannot access the file ({exc.strerror})") from None
    if p.is_dir():
        raise InputNotFoundError(name, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):  # a FIFO would block forever, a device never ends
        raise InputNotFoundError(name, f"is {special_file_kind(st.st_mode)}, not a regular file")
    fmt = detect_format(name)
    if st.st_size > max_bytes:
        raise FileTooLargeError(name, _too_large(st.st_size, max_bytes))
    try:
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputNotFoundError(name, f"cannot read the file ({exc.strerror})") from None
    return read_bytes(data, name, fmt=fmt, max_bytes=max_bytes, ocr=ocr)
