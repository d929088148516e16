"""Bounds on the work pdfminer does for one PDF: decoded stream bytes, content objects, characters.

pdfminer inflates a ``/FlateDecode`` stream with ``zlib.decompress`` and no limit, whatever else
the stream dictionary says (``/DecodeParms << >>``, a chain ``[/ASCIIHexDecode /FlateDecode]``):
a 0.6 MB file can inflate to gigabytes. The guard replaces the decompressor that pdfminer's
decode path calls with a bounded one, so the bound holds where decoding happens, for every filter
list. It also counts the objects of content streams (operators and operands) and the characters
rendered, so that a 16 kB PDF with 200,000 text operators stops with a typed error instead of
running for minutes.

Limits apply inside ``with budget(name):`` only; outside it (another user of pdfminer in the same
process) streams are still inflated with the per-stream bound, and nothing is counted::

    >>> with budget("cong_van_3917.pdf") as b:
    ...     b.add_decoded(1024)
    >>> b.decoded
    1024
"""

from __future__ import annotations

import contextlib
import contextvars
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import CorruptFileError, FileTooLargeError, VbplError

__all__ = [
    "MAX_CHARS",
    "MAX_CONTENT_OBJECTS",
    "MAX_INFLATED_BYTES",
    "MAX_PAGE_CHARS",
    "MAX_PAGE_OBJECTS",
    "MAX_STREAM_BYTES",
    "Budget",
    "BudgetExceeded",
    "budget",
    "install",
]

MAX_STREAM_BYTES = 64 * 1024 * 1024
"""Largest decoded size of one stream; a larger one is a decompression bomb."""
MAX_INFLATED_BYTES = 256 * 1024 * 1024
"""Largest decoded size of all streams of one document together."""
MAX_CONTENT_OBJECTS = 3_000_000
"""Content-stream objects (operators + operands) per document; a 21-page table PDF has ~150,000."""
MAX_PAGE_OBJECTS = 250_000
"""Content-stream objects of one page (a dense page of text has ~20,000)."""
MAX_CHARS = 1_000_000
"""Characters rendered per document (~300 dense pages)."""
MAX_PAGE_CHARS = 40_000
"""Characters rendered on one page (a dense A4 page in a small font has ~6,000)."""

_CHUNK = 1 << 20


class BudgetExceeded(Exception):
    """Raised inside pdfminer when a bound is crossed; carries the typed error for the reader."""

    def __init__(self, error: VbplError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass
class Budget:
    """Running totals for one document; ``error`` is the first bound crossed (None while within)."""

    name: str
    decoded: int = 0
    objects: int = 0
    chars: int = 0
    page: int = 0
    page_objects: int = 0
    page_chars: int = 0
    error: VbplError | None = field(default=None)

    def new_page(self, number: int) -> None:
        """Start counting the work of page ``number``."""
        self.page, self.page_objects, self.page_chars = number, 0, 0

    def _fail(self, error: VbplError) -> None:
        if self.error is None:
            self.error = error
        raise BudgetExceeded(self.error)

    def add_decoded(self, n: int) -> None:
        self.decoded += n
        if self.decoded > MAX_INFLATED_BYTES:
            self._fail(CorruptFileError(self.name, "PDF decompression bomb suspected: its streams decode to over "
                                                   f"{MAX_INFLATED_BYTES >> 20} MB"))

    def add_object(self) -> None:
        self.objects += 1
        self.page_objects += 1
        if self.page_objects > MAX_PAGE_OBJECTS:
            self._fail(FileTooLargeError(self.name, f"page {self.page} of the PDF holds over {MAX_PAGE_OBJECTS:,} "
                                                    "drawing operators/operands; refused (a work bomb?)"))
        if self.objects > MAX_CONTENT_OBJECTS:
            self._fail(FileTooLargeError(self.name, f"the PDF's pages hold over {MAX_CONTENT_OBJECTS:,} drawing "
                                                    "operators/operands; refused (a work bomb?)"))

    def add_char(self) -> None:
        self.chars += 1
        self.page_chars += 1
        if self.page_chars > MAX_PAGE_CHARS:
            self._fail(FileTooLargeError(self.name, f"page {self.page} of the PDF renders over {MAX_PAGE_CHARS:,} "
                                                    "characters; refused"))
        if self.chars > MAX_CHARS:
            self._fail(FileTooLargeError(self.name, f"the PDF renders over {MAX_CHARS:,} characters; refused"))


_CURRENT: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("vbpl_pdf_budget", default=None)


def _stream_bomb() -> None:
    current = _CURRENT.get()
    message = f"PDF decompression bomb suspected: a stream decodes to over {MAX_STREAM_BYTES >> 20} MB"
    if current is not None:
        current._fail(CorruptFileError(current.name, message))
    raise zlib.error(message)  # outside a budget: pdfminer treats it as a broken stream


def bounded_inflate(data: bytes, *, limit: int = MAX_STREAM_BYTES) -> bytes:
    """``zlib.decompress(data)`` that stops past ``limit`` bytes of output.

    >>> bounded_inflate(zlib.compress("Điều 1".encode()))
    b'\\xc4\\x90i\\xe1\\xbb\\x81u 1'
    """
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    size = 0
    out = inflater.decompress(data, _CHUNK)
    while True:
        size += len(out)
        if size > limit:
            _stream_bomb()
        parts.append(out)
        current = _CURRENT.get()
        if current is not None:
            current.add_decoded(len(out))
        if not inflater.unconsumed_tail:
            break
        out = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
    parts.append(inflater.flush())
    if not inflater.eof:
        raise zlib.error("incomplete or truncated stream")
    return b"".join(parts)


class _BoundedDecompressor:
    """What ``zlib.decompressobj()`` returns, counting its output against the limits."""

    def __init__(self) -> None:
        self._inner = zlib.decompressobj()
        self._size = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._inner.decompress(data, max_length)
        self._size += len(out)
        if self._size > MAX_STREAM_BYTES:
            _stream_bomb()
        current = _CURRENT.get()
        if current is not None:
            current.add_decoded(len(out))
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _ZlibShim:
    """Stands in for the ``zlib`` module inside ``pdfminer.pdftypes``."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes, *args: Any, **kwargs: Any) -> bytes:
        return bounded_inflate(data)

    @staticmethod
    def decompressobj(*args: Any, **kwargs: Any) -> _BoundedDecompressor:
        return _BoundedDecompressor()

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def _decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's fallback for a stream with a bad checksum, bounded and without its byte-by-byte loop."""
    inflater = _BoundedDecompressor()
    parts: list[bytes] = []
    view = memoryview(data)
    for start in range(0, len(data), 4096):
        try:
            parts.append(inflater.decompress(bytes(view[start:start + 4096])))
        except zlib.error:
            if start + 4096 < len(data) - 3:
                raise
            break
    return b"".join(parts)


_INSTALLED = False


def install() -> None:
    """Patch pdfminer once per process: bounded inflate, counted content objects and characters."""
    global _INSTALLED
    if _INSTALLED:
        return
    import pdfminer.pdftypes as pdftypes
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.pdfinterp import PDFContentParser

    pdftypes.zlib = _ZlibShim()  # type: ignore[attr-defined]
    pdftypes.decompress_corrupted = _decompress_corrupted

    next_object = PDFContentParser.nextobject

    def counted_nextobject(self: Any) -> Any:
        current = _CURRENT.get()
        if current is not None:
            current.add_object()
        return next_object(self)

    PDFContentParser.nextobject = counted_nextobject  # type: ignore[method-assign]

    render_char = PDFLayoutAnalyzer.render_char

    def counted_render_char(self: Any, *args: Any, **kwargs: Any) -> Any:
        current = _CURRENT.get()
        if current is not None:
            current.add_char()
        return render_char(self, *args, **kwargs)

    PDFLayoutAnalyzer.render_char = counted_render_char  # type: ignore[method-assign]
    _INSTALLED = True


@contextlib.contextmanager
def budget(name: str) -> Iterator[Budget]:
    """Count the decoding and rendering work of the PDF ``name`` while the block runs."""
    install()
    current = Budget(name)
    token = _CURRENT.set(current)
    try:
        yield current
    finally:
        _CURRENT.reset(token)


def raised_error(exc: BaseException, current: Budget) -> VbplError | None:
    """The typed error behind ``exc`` when a bound was crossed (pdfplumber may wrap exceptions)."""
    if current.error is not None:
        return current.error
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, BudgetExceeded):
            return seen.error
        seen = seen.__cause__ or seen.__context__
    return None
