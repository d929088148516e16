"""Read a PDF's text layer with pdfplumber: lines per page, tables as markdown pipe rows.

Text inside a table's bounding box is emitted only once, as the table's rows, at the table's
vertical position among the page's lines::

    Căn cứ Quyết định số 1110/QĐ-BTTTT ngày 02/7/2024 của Bộ Thông tin và Truyền thông ...

    | TT | Nội dung | Đơn vị chủ trì | Thời gian |
    | 1 | Phát triển hạ tầng mạng 5G | Sở Thông tin và Truyền thông | 2024-2025 |

A PDF whose pages all have (almost) no text is a scan: ``ScannedPdfError`` (OCR is out of scope).
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import time
import zlib
from typing import Any

from ..errors import (
    CorruptFileError,
    DocumentTimeoutError,
    EmptyDocumentError,
    EncryptedFileError,
    FileTooLargeError,
    ScannedPdfError,
    UnsupportedFormatError,
)
from ._common import join_lines, sniff, table_block

MAX_PAGES = 1000
TIMEOUT_SECONDS = 600.0
MIN_PAGE_CHARS = 20


def _inside(obj: dict[str, Any], bboxes: list[tuple[float, float, float, float]]) -> bool:
    """The object's centre lies in one of the table boxes."""
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in bboxes)


def _page_lines(page: Any) -> tuple[list[str], int]:
    """Rendered lines of one page and its count of non-space characters."""
    tables = page.find_tables()
    bboxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, bboxes))
    items: list[tuple[float, int, list[str]]] = []
    for line in outside.extract_text_lines(layout=False, strip=True, return_chars=False):
        if line["text"].strip():
            items.append((line["top"], 1, [line["text"]]))
    for table in tables:
        rows = [[cell or "" for cell in row] for row in table.extract()]
        block = table_block(rows)
        if block:
            items.append((table.bbox[1], 0, block))
    items.sort(key=lambda it: (it[0], it[1]))
    lines = [text for _, _, block in items for text in block]
    n_chars = sum(1 for c in page.chars if not c.get("text", " ").isspace())
    return lines, n_chars


def _pdfminer_error(exc: BaseException, name: str) -> Exception:
    """Map a pdfminer/pdfplumber exception to a typed error."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    if isinstance(inner, PDFPasswordIncorrect):
        return EncryptedFileError(name, "the PDF is password-protected (encrypted); remove the password")
    if isinstance(inner, PDFEncryptionError):
        return EncryptedFileError(name, f"the PDF is encrypted with an unsupported method ({inner})")
    return CorruptFileError(name, f"corrupt PDF ({type(inner).__name__}: {inner})")


MAX_STREAM_BYTES = 64 * 1024 * 1024
"""Largest inflated size of one Flate stream; a larger one is a decompression bomb."""
MAX_INFLATED_BYTES = 256 * 1024 * 1024
"""Largest inflated size of all Flate streams together."""
_STREAM = re.compile(rb"/FlateDecode[^>]{0,200}>>\s*stream\r?\n")


def check_streams(data: bytes, name: str) -> None:
    """Inflate every Flate stream with a bounded decompressor before pdfminer does it without one.

    A 0.3 MB PDF can hold a stream that inflates to gigabytes; such a file is refused with
    :class:`CorruptFileError` ("decompression bomb") instead of exhausting memory.
    """
    total = 0
    for m in _STREAM.finditer(data):
        inflater = zlib.decompressobj()
        pos, end = m.end(), data.find(b"endstream", m.end())
        chunk = data[pos:end if end > 0 else len(data)]
        size = 0
        try:
            out = inflater.decompress(chunk, 1 << 20)
            size += len(out)
            while inflater.unconsumed_tail and size <= MAX_STREAM_BYTES:
                out = inflater.decompress(inflater.unconsumed_tail, 1 << 20)
                if not out:
                    break
                size += len(out)
        except zlib.error:
            continue  # a broken stream: pdfminer reports it, or skips it
        total += size
        if size > MAX_STREAM_BYTES or total > MAX_INFLATED_BYTES:
            raise CorruptFileError(
                name, f"PDF decompression bomb suspected: a stream inflates beyond {MAX_STREAM_BYTES >> 20} MB")


def read_pdf(data: bytes, name: str, *, max_pages: int = MAX_PAGES, timeout: float = TIMEOUT_SECONDS) -> str:
    """Text of a PDF: each page's lines joined by ``\\n``, tables as pipe rows, pages in order."""
    if b"%PDF" not in data[:1024]:
        what = sniff(data)
        if what is not None:
            raise UnsupportedFormatError(name, f"the content is {what}, not a PDF")
        raise CorruptFileError(name, "not a PDF (no %PDF header)")
    check_streams(data, name)
    import pdfplumber
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    started = time.monotonic()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        raise _pdfminer_error(exc, name) from None
    all_lines: list[str] = []
    char_counts: list[int] = []
    images = 0
    try:
        try:
            n_pages = len(pdf.pages)
        except Exception as exc:
            raise _pdfminer_error(exc, name) from None
        if n_pages == 0:
            raise EmptyDocumentError(name, "the PDF has no pages")
        if n_pages > max_pages:
            raise FileTooLargeError(name, f"the PDF has {n_pages} pages; the limit is {max_pages}")
        for number, page in enumerate(pdf.pages, start=1):
            if time.monotonic() - started > timeout:
                raise DocumentTimeoutError(name, f"reading the PDF took over {timeout:.0f} s (stopped at page {number})")
            try:
                lines, n_chars = _page_lines(page)
                images += len(page.images)
            except (PdfminerException, MalformedPDFException) as exc:
                raise _pdfminer_error(exc, name) from None
            except Exception as exc:
                raise CorruptFileError(name, f"corrupt PDF: page {number} cannot be read "
                                             f"({type(exc).__name__}: {exc})") from None
            finally:
                with contextlib.suppress(Exception):
                    page.close()
            all_lines.extend(lines)
            char_counts.append(n_chars)
    finally:
        with contextlib.suppress(Exception):  # close() re-reads broken page boxes
            pdf.close()
    if all(n < MIN_PAGE_CHARS for n in char_counts):
        if images:
            raise ScannedPdfError(name, "scanned PDF, no text layer; OCR is out of scope")
        if sum(char_counts) == 0:
            raise EmptyDocumentError(name, "the PDF has no text and no images (blank pages)")
    text = join_lines(all_lines)
    if not text.strip():
        raise EmptyDocumentError(name, "the PDF has no text")
    return text
