"""Staff corrections -> a gold file in the annotation guide's format (``spec/annotation-guide.md``).

The review page posts the corrected task graph; :func:`graph_to_gold` keeps what the scorer
(:mod:`vbpl_extract.evaluate`) compares: the header fields, the cited documents, and per task its
anchor (the first words of its text), unit, lead, coordinators, deadline, report_to and product.
``source`` is the document's path relative to the corpus root that ``vbpl-extract evaluate --corpus``
is given (by default the uploaded file's name, so a folder holding both the gold file and the
document works as ``--gold DIR --corpus DIR``).

>>> from vbpl_extract.pipeline import extract_text
>>> g = extract_text("Điều 1. Giao Bộ Tài chính chủ trì, phối hợp với Bộ Công an xây dựng Nghị định trước ngày 15/12/2025.")
>>> gold = graph_to_gold(g, "qd.txt")
>>> gold["source"], gold["tasks"][0]["lead"], gold["tasks"][0]["deadline"]["due"]
('qd.txt', ['Bộ Tài chính'], '2025-12-15')
"""

from __future__ import annotations

from typing import Any

from ..evaluate import GoldFile, _scored_references
from ..models import AgencyRef, TaskGraph

ANCHOR_WORDS = 12
"""The guide asks for the first 8 to 15 words of the task's own text."""

def _names(agencies: list[AgencyRef]) -> list[str]:
    return list(dict.fromkeys(a.name for a in agencies))


def anchor(text: str, words: int = ANCHOR_WORDS) -> str:
    """First ``words`` words, markdown ``**`` and ``|`` removed, spaces collapsed.

    >>> anchor("| Xây dựng **Nghị định** quy định  chi tiết |", 4)
    'Xây dựng Nghị định'
    """
    return " ".join(text.replace("**", "").replace("|", " ").split()[:words])


def graph_to_gold(graph: TaskGraph, source: str) -> dict[str, Any]:
    """The gold file (as a dict, validated by :class:`vbpl_extract.evaluate.GoldFile`) of a corrected graph."""
    doc = graph.document
    gold = {
        "source": source,
        "document": {"number": doc.number, "type": doc.type, "issuer": doc.issuer.name if doc.issuer else None,
                     "date": doc.date, "signer": doc.signer or (doc.signature.name if doc.signature else None)},
        "references": [
            {"number": r.number, "type": r.type, "issuer": r.issuer, "date": r.date,
             **({"title": r.title} if r.title and not r.number else {})}
            for r in _scored_references(graph.references)
        ],
        "tasks": [
            {"anchor": anchor(t.text), "unit": t.unit or None, "lead": _names(t.lead),
             "coordinators": _names(t.coordinators),
             "deadline": ({"text": t.deadline.text, "kind": t.deadline.kind, "due": t.deadline.due,
                           **({"rrule": t.deadline.rrule} if t.deadline.rrule else {})} if t.deadline else None),
             "report_to": _names(t.report_to), "product": t.product}
            for t in graph.tasks
        ],
    }
    GoldFile.model_validate(gold)  # the scorer's own model: what it cannot load is never written
    return gold
