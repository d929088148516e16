"""Errors as ``application/problem+json`` (RFC 9457), carrying the CLI's error type and exit code.

>>> from vbpl_extract.errors import UnsupportedFormatError
>>> p = problem_for(UnsupportedFormatError("quyet_dinh.doc", "legacy Word 97-2003 .doc is not supported"))
>>> p.status, p.error_type, p.exit_code
(415, 'UnsupportedFormatError', 4)
>>> p.body()["detail"]
'quyet_dinh.doc: legacy Word 97-2003 .doc is not supported'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..errors import EXIT_CODES, VbplError

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "https://vbpl-extract.invalid/problems/"

STATUS_BY_ERROR: dict[str, int] = {
    "InputNotFoundError": 400,
    "UnsupportedFormatError": 415,
    "FileTooLargeError": 413,
    "EmptyDocumentError": 422,
    "EncodingError": 422,
    "CorruptFileError": 422,
    "EncryptedFileError": 422,
    "ScannedPdfError": 422,
    "SchemaValidationError": 422,
    "DocumentTimeoutError": 504,
}
"""HTTP status per error class of :mod:`vbpl_extract.errors` (the exit code travels in the body)."""

TITLES: dict[str, str] = {
    "InputNotFoundError": "Input not found",
    "UnsupportedFormatError": "Unsupported format",
    "FileTooLargeError": "File too large",
    "EmptyDocumentError": "Empty document",
    "EncodingError": "Undecodable text",
    "CorruptFileError": "Corrupt file",
    "EncryptedFileError": "Encrypted file",
    "ScannedPdfError": "Scanned PDF without a text layer",
    "SchemaValidationError": "Invalid task graph",
    "DocumentTimeoutError": "Timed out",
    "ServerBusy": "Server busy",
    "Unauthorized": "Missing or wrong API key",
    "BadRequest": "Bad request",
    "NotFound": "Not found",
    "MethodNotAllowed": "Method not allowed",
    "InternalError": "Internal error",
}


class ProblemModel(BaseModel):
    """The body of every error response (documented in the OpenAPI document)."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="URI naming the problem type")
    title: str
    status: int
    detail: str
    error_type: str = Field(description="The CLI's error class (errors.py), e.g. UnsupportedFormatError")
    exit_code: int | None = Field(None, description="The CLI's exit code for this error (README table)")


@dataclass(eq=False)
class Problem(Exception):
    """An error response; raise it from a route, the app's handler renders it."""

    status: int
    error_type: str
    detail: str
    exit_code: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        return {
            "type": TYPE_BASE + self.error_type,
            "title": TITLES.get(self.error_type, self.error_type),
            "status": self.status,
            "detail": self.detail,
            "error_type": self.error_type,
            "exit_code": self.exit_code,
            **self.extra,
        }


def problem_for(exc: VbplError) -> Problem:
    """The problem response for a typed pipeline error (status from :data:`STATUS_BY_ERROR`)."""
    name = type(exc).__name__
    return problem_from_parts(name, str(exc))


def problem_from_parts(error_type: str, detail: str) -> Problem:
    """As :func:`problem_for`, from an error class name and message (what a worker process sends back)."""
    status = STATUS_BY_ERROR.get(error_type, 500)
    return Problem(status=status, error_type=error_type if status != 500 else "InternalError",
                   detail=" ".join(detail.split()), exit_code=EXIT_CODES.get(error_type, 70 if status == 500 else 2))


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the given error statuses, all ``application/problem+json``."""
    descriptions = {
        400: "Bad request", 401: "Missing or wrong API key (when VBPL_API_KEY is set)",
        413: "Upload too large (FileTooLargeError, exit code 10)",
        415: "Unsupported format (UnsupportedFormatError, exit code 4)",
        422: "Empty, undecodable, corrupt, encrypted or scanned document, or an invalid request (exit codes 5-9, 12)",
        503: "Too many extractions in progress; retry after the Retry-After seconds",
        504: "The document exceeded the per-document time limit (DocumentTimeoutError, exit code 11)",
    }
    schema = {"$ref": "#/components/schemas/ProblemModel"}
    return {s: {"description": descriptions[s], "content": {MEDIA_TYPE: {"schema": schema}}} for s in statuses}
