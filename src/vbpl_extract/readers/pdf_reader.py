"""Read a PDF's text layer with pdfplumber, in reading order (see :mod:`.pdf_layout`).

Two-column blocks (the header, "Nơi nhận" beside the signature) are read left block then right
block; running headers/footers and page numbers are dropped; tables become markdown pipe rows, a
table continued on the next page is one table::

    Căn cứ Quyết định số 1110/QĐ-BTTTT ngày 02/7/2024 của Bộ Thông tin và Truyền thông ...

    | TT | Nội dung | Đơn vị chủ trì | Thời gian |
    | 1 | Phát triển hạ tầng mạng 5G | Sở Thông tin và Truyền thông | 2024-2025 |

A PDF whose pages all have (almost) no text is a scan, and so is one whose text layer is not
Vietnamese (a garbage OCR layer, legacy-font mojibake: :func:`.text_quality.text_layer_quality`
below :data:`.text_quality.MIN_QUALITY`): ``ScannedPdfError``, which the OCR path handles.
Decoding and rendering are bounded by :mod:`.pdf_guard` (decompression bombs, operator floods).
"""

from __future__ import annotations

import contextlib
import io
import logging
import time

from ..diagnostics import Diagnostics
from ..errors import (
    CorruptFileError,
    DocumentTimeoutError,
    EmptyDocumentError,
    EncryptedFileError,
    FileTooLargeError,
    ScannedPdfError,
    UnsupportedFormatError,
)
from . import pdf_guard, pdf_stamps
from ._common import join_lines, sniff
from .pdf_layout import PageLayout, assemble, page_layout
from .text_quality import MIN_QUALITY, countable_words, text_layer_quality

MAX_PAGES = 1000
TIMEOUT_SECONDS = 600.0
MIN_PAGE_CHARS = 20
MIN_WORDS_FOR_QUALITY = 40
"""Shorter text layers are not judged by :func:`text_layer_quality` (too few words to tell)."""


def _pdfminer_error(exc: BaseException, name: str) -> Exception:
    """Map a pdfminer/pdfplumber exception to a typed error."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    if isinstance(inner, PDFPasswordIncorrect):
        return EncryptedFileError(name, "the PDF is password-protected (encrypted); remove the password")
    if isinstance(inner, PDFEncryptionError):
        return EncryptedFileError(name, f"the PDF is encrypted with an unsupported method ({inner})")
    return CorruptFileError(name, f"corrupt PDF ({type(inner).__name__}: {inner})")


def read_pdf(data: bytes, name: str, *, max_pages: int = MAX_PAGES, timeout: float = TIMEOUT_SECONDS,
             diagnostics: Diagnostics | None = None) -> str:
    """Text of a PDF in reading order: paragraphs split by blank lines, tables as pipe rows.

    What the reader could not do but read on without (a signed PDF's stamps pdfium cannot draw) goes to
    ``diagnostics`` as a warning of the ``read`` stage."""
    if b"%PDF" not in data[:1024]:
        what = sniff(data)
        if what is not None:
            raise UnsupportedFormatError(name, f"the content is {what}, not a PDF")
        raise CorruptFileError(name, "not a PDF (no %PDF header)")
    with pdf_guard.budget(name) as budget:
        try:
            pages, images, stamped = _read_pages(data, name, max_pages, timeout, budget)
            if stamped and any(p.chars >= MIN_PAGE_CHARS for p in pages):
                # a text layer with the number and date stamped by the signing system: read it as printed
                # (a scan's stamp is read by OCR, which renders the annotations)
                flat = _flattened(data, diagnostics)
                if flat is not None:
                    pages, images, _ = _read_pages(flat, name, max_pages, timeout, budget)
        except Exception as exc:
            error = pdf_guard.raised_error(exc, budget)
            if error is not None:
                raise error from None
            raise
    char_counts = [p.chars for p in pages]
    if all(n < MIN_PAGE_CHARS for n in char_counts):
        if images:
            raise ScannedPdfError(name, "scanned PDF, no text layer (read by OCR unless --ocr never)")
        if sum(char_counts) == 0:
            raise EmptyDocumentError(name, "the PDF has no text and no images (blank pages)")
    text = join_lines(assemble(pages))
    if not text.strip():
        raise EmptyDocumentError(name, "the PDF has no text")
    if countable_words(text) >= MIN_WORDS_FOR_QUALITY:
        quality = text_layer_quality(text)
        if quality < MIN_QUALITY:
            raise ScannedPdfError(name, f"scanned PDF, no usable text layer (only {quality:.0%} of its words are "
                                        f"Vietnamese syllables, below {MIN_QUALITY:.0%}: OCR garbage or a broken "
                                        "font encoding)")
    return text


def _flattened(data: bytes, diagnostics: Diagnostics | None) -> bytes | None:
    """The PDF with its stamps drawn in (:func:`.pdf_stamps.flatten`), or None (warning recorded) when pdfium fails."""
    import pypdfium2 as pdfium

    try:
        return pdf_stamps.flatten(data)
    except pdfium.PdfiumError as exc:  # read on without the stamps: the number and date may be blank
        if diagnostics is not None:
            diagnostics.record("read", None, exc)
        return None


def _read_pages(data: bytes, name: str, max_pages: int, timeout: float,
                budget: pdf_guard.Budget) -> tuple[list[PageLayout], int, bool]:
    """Every page's layout, the number of images and whether a page carries a stamp
    (:mod:`.pdf_stamps`), with pdfminer's errors mapped to typed ones."""
    import pdfplumber
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    started = time.monotonic()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except pdf_guard.BudgetExceeded:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        if isinstance(exc.__cause__, pdf_guard.BudgetExceeded):
            raise
        raise _pdfminer_error(exc, name) from None
    pages: list[PageLayout] = []
    images = 0
    stamped = False
    try:
        try:
            n_pages = len(pdf.pages)
        except Exception as exc:
            raise _pdfminer_error(exc, name) from exc
        if n_pages == 0:
            raise EmptyDocumentError(name, "the PDF has no pages")
        if n_pages > max_pages:
            raise FileTooLargeError(name, f"the PDF has {n_pages} pages; the limit is {max_pages}")
        for number, page in enumerate(pdf.pages, start=1):
            if time.monotonic() - started > timeout:
                raise DocumentTimeoutError(name, f"reading the PDF took over {timeout:.0f} s (stopped at page {number})")
            budget.new_page(number)
            try:
                pages.append(page_layout(page, number))
                images += len(page.images)
                stamped = stamped or pdf_stamps.has_stamps(pdf_stamps.page_annots(page))
            except (PdfminerException, MalformedPDFException) as exc:
                raise _pdfminer_error(exc, name) from exc
            except pdf_guard.BudgetExceeded:
                raise
            except Exception as exc:
                raise CorruptFileError(name, f"corrupt PDF: page {number} cannot be read "
                                             f"({type(exc).__name__}: {exc})") from exc
            finally:
                with contextlib.suppress(Exception):
                    page.close()
    finally:
        with contextlib.suppress(Exception):  # close() re-reads broken page boxes
            pdf.close()
    return pages, images, stamped
