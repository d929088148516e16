"""Flag header fields of an OCR'd document that rest on low-confidence OCR words.

OCR must not invent facts: a hand-written number or a stamped day is often read as something
plausible with a low confidence. A field whose span overlaps a word read below
:data:`vbpl_extract.readers.ocr.LOW_CONFIDENCE` keeps its value but gets a ``provenance`` note and
a warning in the output; a number or date that could not be read at all is reported as missing::

    OCR: document.number '332/QĐ-TTg' rests on low-confidence OCR (word confidence 41 on page 1); check it against the scan
"""

from __future__ import annotations

from .models import OcrInfo, OcrPage, TaskGraph
from .readers.ocr import LOW_CONFIDENCE, OcrResult


def ocr_info(result: OcrResult) -> OcrInfo:
    """The ``source.ocr`` block of the output for an OCR result."""
    return OcrInfo(engine=result.engine, version=result.version or None, language=result.language, dpi=result.dpi,
                   pages=[OcrPage(page=p.page, mean_confidence=p.mean_confidence, seconds=p.seconds)
                          for p in result.pages])


def review_header(graph: TaskGraph, result: OcrResult, *, threshold: float = LOW_CONFIDENCE) -> list[str]:
    """Warnings (also added to ``graph.warnings``) for header fields read from low-confidence OCR words.

    >>> from vbpl_extract.pipeline import extract_text
    >>> from vbpl_extract.readers.ocr import OcrResult, OcrWord
    >>> text = "THỦ TƯỚNG CHÍNH PHỦ\\n\\nSố: 332/QĐ-TTg\\n\\nQUYẾT ĐỊNH\\nVề việc thành lập Tổ công tác"
    >>> g = extract_text(text)
    >>> r = OcrResult(text=text, words=[OcrWord(24, 34, 41.0, 1)])
    >>> review_header(g, r)[0][:61]
    "OCR: document.number '332/QĐ-TTg' rests on low-confidence OCR"
    """
    d = graph.document
    fields = {
        "number": (d.number, d.number_span),
        "date": (d.date, d.date_span),
        "issuer": (d.issuer.name if d.issuer else None, d.issuer.span if d.issuer else None),
        "signer": (d.signer, d.signature.span if d.signature else None),
    }
    warnings: list[str] = []
    for name, (value, span) in fields.items():
        if value is None or span is None:
            continue
        low = [w for w in result.words if w.start < span[1] and span[0] < w.end and w.confidence < threshold
               and any(c.isalnum() for c in result.text[w.start:w.end])]
        if not low:
            continue
        worst = min(low, key=lambda w: w.confidence)
        d.provenance.setdefault(name, f"OCR, low confidence ({worst.confidence:.0f})")
        warnings.append(f"OCR: document.{name} {value!r} rests on low-confidence OCR (word confidence "
                        f"{worst.confidence:.0f} on page {worst.page}); check it against the scan")
    for name in ("number", "date"):
        if getattr(d, name) is None:
            note = d.provenance.get(name)
            warnings.append(f"OCR: no document {name} read" + (f" ({note})" if note else "")
                            + "; hand-written or stamped numbers and dates are not read reliably")
    graph.warnings.extend(warnings)
    return warnings
