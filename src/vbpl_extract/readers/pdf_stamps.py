"""Fields stamped on an e-signed PDF: the number and date the signing system prints over the blanks.

A document signed with a digital signature of the Government's certification service (Ban Cơ yếu
Chính phủ) is often issued with the number and date left blank in the page content,
``Số:      /QĐ-BNV`` and ``Hà Nội, ngày    tháng    năm 2025``; the signing system fills them in as
annotations (a signature widget or a stamp) whose appearance stream draws ``1187`` and ``15`` ``10``
over the blanks. pdfminer reads the page content only, so the number and date were lost.
:func:`has_stamps` tells whether a page carries such an annotation; :func:`flatten` draws every
annotation's appearance into its page (pdfium's ``FPDFPage_Flatten``), so the reader sees the page
as it is printed. The blanks under a stamp are dropped by :mod:`.pdf_layout`.

    >>> has_stamps([{"Subtype": "Widget", "AP": {}}])
    True
    >>> has_stamps([{"Subtype": "Link"}, "not a dictionary"])
    False
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

__all__ = ["STAMP_SUBTYPES", "flatten", "has_stamps", "page_annots"]

STAMP_SUBTYPES = frozenset({"Widget", "Stamp", "FreeText"})
"""Annotation subtypes whose appearance carries printed text (form fields and signatures, stamps, text boxes)."""


def _name(value: Any) -> str:
    """A PDF name as text (pdfminer gives ``PSLiteral`` objects, tests give strings)."""
    return str(getattr(value, "name", value))


def has_stamps(annots: Iterable[Any]) -> bool:
    """Whether one of a page's annotation dictionaries (resolved one level) draws text over the page."""
    from pdfminer.pdftypes import resolve1

    for annot in annots:
        data = resolve1(annot)
        if isinstance(data, dict) and "AP" in data and _name(resolve1(data.get("Subtype"))) in STAMP_SUBTYPES:
            return True
    return False


def page_annots(page: Any) -> list[Any]:
    """The annotation dictionaries of a pdfplumber page, resolved one level only.

    pdfplumber's ``page.annots`` resolves every reference recursively and overflows the stack on the
    cycles of a signed document's form fields (``/P`` back to the page, ``/Parent``)."""
    from pdfminer.pdftypes import resolve1

    annots = resolve1(getattr(page.page_obj, "annots", None))
    return list(annots) if isinstance(annots, list) else []


def flatten(data: bytes) -> bytes:
    """The PDF with every annotation's appearance drawn into its page's content (pdfium).

    Raises ``pypdfium2.PdfiumError`` when pdfium cannot open or save the file: the reader then reads it as it
    is, without the stamps, and records a warning."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    return _flatten(pdfium, pdfium_c, data)


def _flatten(pdfium: Any, pdfium_c: Any, data: bytes) -> bytes:
    document = pdfium.PdfDocument(data)
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                pdfium_c.FPDFPage_Flatten(page, pdfium_c.FLAT_PRINT)
            finally:
                page.close()
        out = io.BytesIO()
        document.save(out)
    finally:
        document.close()
    return out.getvalue()
