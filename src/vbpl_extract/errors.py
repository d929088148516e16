"""Typed errors: every bad input gets one, naming the file and the problem.

The CLI maps each class to an exit code (``EXIT_CODES``) and prints one line, e.g.::

    vbpl-extract: error: scan.pdf: scanned PDF, no text layer (read by OCR unless --ocr never)
"""

from __future__ import annotations

from pathlib import Path


class VbplError(Exception):
    """Base class. ``path`` is the file concerned (or None), ``problem`` the plain message."""

    exit_code = 2

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


class InputNotFoundError(VbplError):
    exit_code = 3


class UnsupportedFormatError(VbplError):
    exit_code = 4


class EmptyDocumentError(VbplError):
    exit_code = 5


class EncodingError(VbplError):
    exit_code = 6


class CorruptFileError(VbplError):
    exit_code = 7


class EncryptedFileError(VbplError):
    exit_code = 8


class ScannedPdfError(VbplError):
    exit_code = 9


class FileTooLargeError(VbplError):
    exit_code = 10


class DocumentTimeoutError(VbplError):
    exit_code = 11


class SchemaValidationError(VbplError):
    exit_code = 12


class StageWarningsError(VbplError):
    """``extract --strict``: a stage could not read part of the document (see ``TaskGraph.warnings``)."""

    exit_code = 15


class OcrUnavailableError(VbplError):
    """OCR is needed but Tesseract (or its Vietnamese model, or pdftoppm) is not installed."""

    exit_code = 13


class ConverterUnavailableError(VbplError):
    """A .doc/.rtf/.odt needs LibreOffice to be converted, and it is not installed."""

    exit_code = 14


EXIT_CODES: dict[str, int] = {
    cls.__name__: cls.exit_code
    for cls in (
        VbplError,
        InputNotFoundError,
        UnsupportedFormatError,
        EmptyDocumentError,
        EncodingError,
        CorruptFileError,
        EncryptedFileError,
        ScannedPdfError,
        FileTooLargeError,
        DocumentTimeoutError,
        SchemaValidationError,
        StageWarningsError,
        OcrUnavailableError,
        ConverterUnavailableError,
    )
}
"""Exit code per error class; 0 = success, 1 = some documents of a batch failed."""
