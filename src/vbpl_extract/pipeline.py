"""Tie the stages together: ``extract_file(path) -> TaskGraph``.

read (readers/) -> clean (offset map) -> header -> structure (each node carries its fragment) ->
annotate (agency, deadline and reference mentions on the nodes) -> tasks (read those mentions) ->
graph. Each stage is one module and data flows one way; this one only passes objects along and
collects each stage's warnings into ``TaskGraph.warnings``.

>>> graph = extract_file("../shared/corpus/seeds/004_73d4ecd4209fcbe0.txt")  # doctest: +SKIP
>>> graph.document.number, graph.document.date  # doctest: +SKIP
('03/NQ-CP', '2025-01-09')
"""

from __future__ import annotations

import datetime as dt
import gc
from bisect import bisect_left, bisect_right
from pathlib import Path

from . import __version__
from .annotate import annotate
from .clean import normalize
from .diagnostics import Diagnostics
from .graph import build_graph
from .header import HeaderResult, fallback_date, parse_header
from .learn import apply_learned
from .models import AgencyRef, DocumentInfo, Reference, SourceInfo, Task, TaskGraph
from .nlp import pos_tags
from .readers import read_file
from .structure import build_tree, iter_nodes
from .tasks import extract_tasks, is_content_lead_in, is_lead_in, is_non_task
from .textutil import printable_path

PIPELINE_VERSION = __version__
GC_YOUNG = 100_000
"""New objects between two collections of the youngest generation once :func:`warm_up` has run."""


def warm_up() -> None:
    """Load data files, automata and the tokenizer once (batch workers call this at start).

    What is loaded then lives as long as the process: it is moved out of the garbage collector's
    view (``gc.freeze``), so a full collection while documents are read does not walk the tokenizer's
    model and the data again (two full collections on the 31 documents of the bench sample: ~0.18 s
    -> ~0.01 s).

    What that sentence does not reach is loaded here too, not while the first documents are read:
    underthesea's POS model (asked when an action's first word is not in the lexicon, ~0.2 s) and the
    task stage's lead-in and non-task patterns.

    The youngest generation is then collected after :data:`GC_YOUNG` new objects instead of Python's 700:
    a document's stages keep thousands of small objects alive while they run (fragments, mentions,
    candidates), and the default threshold sweeps them again and again. On the 31 documents of the bench
    sample the collector's time falls from ~0.065 s (314 young, 29 middle, 3 full collections) to ~0.02 s
    at 20,000 (4, 1, 0), and to none at 100,000: what a PDF reader keeps alive while it reads a file
    (pdfminer's objects) made each of the 8 young collections at 20,000 walk it (~0.08 s in all, reading
    included; peak RSS unchanged). The stages themselves leave no reference cycles (see
    ``tests/test_pipeline.py``), so unreachable cycles come from the readers' libraries, and wait for at
    most 100,000 new objects.
    """
    extract_text("Điều 1. Giao Bộ Tài chính chủ trì, phối hợp với Bộ Công an xây dựng Nghị định trước ngày 15/12/2025.")
    pos_tags("Bộ Công an chỉ đạo")
    for check in (is_lead_in, is_non_task, is_content_lead_in):
        check("Các bộ, ngành thực hiện các nhiệm vụ sau:")
    gc.collect()  # what warming up left unreachable is freed, not frozen
    gc.freeze()
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(GC_YOUNG, young), middle, old)


def _cite(tasks: list[Task], references: list[Reference]) -> None:
    """Each task lists the references cited inside its text (documents, self, units of this one)."""
    cites = sorted((m.span[0], m.span[1], ref.id) for ref in references for m in ref.mentions if m.node_id)
    starts = [c[0] for c in cites]
    for t in tasks:
        lo, hi = bisect_left(starts, t.span[0]), bisect_right(starts, t.span[1])
        t.references = list(dict.fromkeys(rid for _, end, rid in cites[lo:hi] if end <= t.span[1]))


def extract_text(text: str, *, path: str = "<text>", fmt: str = "txt", encoding: str | None = None,
                 sha256: str | None = None) -> TaskGraph:
    """Run the pipeline on an already decoded text; spans index into ``text``.

    Never raises on text: what cannot be placed becomes a plain block, and what a stage fails to do on
    one unit is a line in ``warnings`` ("tasks art_2__para_1: ValueError: …").
    """
    log = Diagnostics()
    ct = normalize(text, log)
    head = HeaderResult(info=DocumentInfo(body_span=ct.body_span))
    with log.guard("header", None):  # the header stage's boundary: an unreadable header leaves all as body
        head = parse_header(ct)
    info = head.info
    skip = head.header_paragraphs | head.closing_paragraphs
    body = [p for i, p in enumerate(ct.paragraphs) if i >= head.body_first and i not in skip]
    # where a skipped closing block (Nơi nhận, signature) lies between two body paragraphs, start afresh
    restart = {k for k in range(1, len(body)) if any(j in head.closing_paragraphs
                                                     for j in range(body[k - 1].index + 1, body[k].index))}
    if not info.number and not info.type and not info.signature:
        # not a document (news report, Q&A page): everything is body
        body = [p for i, p in enumerate(ct.paragraphs) if i not in skip]
        info.type = info.type or "Tin bài"
        info.date = info.date or fallback_date(ct.text[:3000])
    tree = build_tree(body, text, restart_at=restart, diagnostics=log)
    issue_date = dt.date.fromisoformat(info.date) if info.date else None
    mentions, references = annotate(tree, ct, issue_date, self_number=info.number, self_type=info.type,
                                    diagnostics=log)
    named = [a for node in iter_nodes(tree) for a in node.agencies]
    named += [a for a in (info.issuer, info.parent_issuer) if a is not None]
    closing = [ct.paragraphs[i].frag.to_source(0, 1)[0] for i in head.closing_paragraphs
               if i < len(ct.paragraphs) and ct.paragraphs[i].frag.text]
    tasks = extract_tasks(tree, text, mentions, info.addressee_agencies, known_names=named, issuer=info.issuer,
                          doc_type=info.type, letter_end=min(closing, default=None))
    _cite(tasks, references)
    agencies: dict[str, AgencyRef] = {}
    for node in iter_nodes(tree):
        for a in node.agencies:
            agencies.setdefault(a.id or a.name, a)
    graph = TaskGraph(
        pipeline_version=PIPELINE_VERSION,
        source=SourceInfo(path=printable_path(path), format=fmt, encoding=encoding, sha256=sha256, length=len(text)),
        document=info, structure=tree, tasks=tasks, references=references,
        agencies=list(agencies.values()), warnings=log.messages,
    )
    apply_learned(graph)  # the learned task decision, when enabled (vbpl_extract.learn)
    graph.graph = build_graph(graph)
    return graph


def extract_source(source) -> TaskGraph:
    """Run the pipeline on a :class:`vbpl_extract.readers.Source`."""
    graph = extract_text(source.text, path=source.path, fmt=source.format, encoding=source.encoding, sha256=source.sha256)
    graph.warnings[:0] = list(getattr(source, "warnings", ()))  # the reader's, before the stages'
    graph.source.converted_to = getattr(source, "converted_to", None)
    graph.source.converter = getattr(source, "converter", None)
    if getattr(source, "ocr", None) is not None:
        from .ocr_review import ocr_info, review_header

        graph.source.ocr = ocr_info(source.ocr)
        review_header(graph, source.ocr)
    return graph


def extract_file(path: str | Path, **read_options) -> TaskGraph:
    """Read a file (any supported format) and run the pipeline on it.

    Raises the typed errors of :mod:`vbpl_extract.errors` for unreadable input.
    """
    return extract_source(read_file(path, **read_options))
