"""Tie the stages together: ``extract_file(path) -> TaskGraph``.

read (readers/) -> clean (offset map) -> header -> structure -> agencies / deadlines / references
-> tasks -> graph. Each stage is one module; this one only passes objects along.

>>> graph = extract_file("../shared/corpus/seeds/004_73d4ecd4209fcbe0.txt")  # doctest: +SKIP
>>> graph.document.number, graph.document.date  # doctest: +SKIP
('03/NQ-CP', '2025-01-09')
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from . import __version__
from .clean import Fragment, normalize
from .graph import build_graph
from .header import fallback_date, parse_header
from .models import AgencyRef, Mention, Node, Reference, SourceInfo, TaskGraph
from .structure import build_tree, iter_nodes
from .tasks import agency_ref, deadline_ref, extract_tasks
from .textutil import printable_path

PIPELINE_VERSION = __version__


def warm_up() -> None:
    """Load data files, automata and the tokenizer once (batch workers call this at start)."""
    extract_text("Điều 1. Giao Bộ Tài chính chủ trì, phối hợp với Bộ Công an xây dựng Nghị định trước ngày 15/12/2025.")


def _annotate(tree: list[Node], frags: dict[str, Fragment], issue_date: dt.date | None) -> None:
    """Per-node agency and deadline mentions (spans into the source)."""
    from .tasks import _find_agencies, _find_deadlines

    for node in iter_nodes(tree):
        f = frags.get(node.id)
        if f is None or not f.text or f.text != node.text:
            continue
        node.agencies = [agency_ref(m, f) for m in _find_agencies(f.text)]
        node.deadlines = [deadline_ref(d, f, "own text") for d in _find_deadlines(f.text, issue_date)]


def _references(tree: list[Node], frags: dict[str, Fragment], ct, header_info) -> list[Reference]:
    """Cited documents over the header preamble and every node, one reference per distinct document."""
    try:
        from .references import find_references, resolve_references
    except ImportError:  # pragma: no cover
        return []
    texts: list[tuple[str | None, Fragment]] = []
    for p in ct.paragraphs:
        if p.kind == "text" and p.span[1] <= (tree[0].span[0] if tree else 10**12):
            texts.append((None, p.frag))
    for node in iter_nodes(tree):
        f = frags.get(node.id)
        if f is not None and f.text and f.text == node.text:
            texts.append((node.id, f))
        elif node.kind == "row" and node.cell_spans:
            from .clean import clean_span

            for s in node.cell_spans:
                texts.append((node.id, clean_span(ct.source, *s)))
    mentions = []
    owners = []
    for node_id, f in texts:
        try:
            found = find_references(f.text, self_number=header_info.number)
        except Exception:
            continue
        for m in found:
            mentions.append(m)
            owners.append((node_id, f))
    try:
        resolved = resolve_references(mentions)
    except Exception:
        return []
    by_mention = {id(m): o for m, o in zip(mentions, owners, strict=False)}
    out: list[Reference] = []
    for r in resolved:
        ms = []
        for m in getattr(r, "mentions", []):
            node_id, f = by_mention.get(id(m), (None, None))
            span = f.to_source(m.start, m.end) if f is not None else (0, 0)
            ms.append(Mention(text=m.text, span=span, relation=getattr(m, "relation", "mention") or "mention", node_id=node_id))
        date = getattr(r, "date", None)
        out.append(Reference(
            id=r.id, number=r.number, type=r.type, title=getattr(r, "title", None), issuer=getattr(r, "issuer", None),
            date=date.isoformat() if isinstance(date, dt.date) else date,
            relation=getattr(r, "relation", "mention") or "mention", url=getattr(r, "url", None), mentions=ms,
        ))
    # per-node reference ids
    node_refs: dict[str, list[str]] = {}
    for ref in out:
        for m in ref.mentions:
            if m.node_id:
                node_refs.setdefault(m.node_id, [])
                if ref.id not in node_refs[m.node_id]:
                    node_refs[m.node_id].append(ref.id)
    for node in iter_nodes(tree):
        node.references = node_refs.get(node.id, [])
    return out


def extract_text(text: str, *, path: str = "<text>", fmt: str = "txt", encoding: str | None = None,
                 sha256: str | None = None) -> TaskGraph:
    """Run the pipeline on an already decoded text; spans index into ``text``.

    Never raises on text: what cannot be placed becomes a plain block.
    """
    ct = normalize(text)
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
    frags: dict[str, Fragment] = {}
    tree = build_tree(body, text, frags, restart_at=restart)
    issue_date = dt.date.fromisoformat(info.date) if info.date else None
    _annotate(tree, frags, issue_date)
    references = _references(tree, frags, ct, info)
    named = [a for node in iter_nodes(tree) for a in node.agencies]
    named += [a for a in (info.issuer, info.parent_issuer) if a is not None]
    tasks = extract_tasks(tree, text, frags, issue_date, info.addressee_agencies, known_names=named)
    # tasks cite the references of their unit
    unit_refs = {n.id: n.references for n in iter_nodes(tree)}
    for t in tasks:
        t.references = list(unit_refs.get(t.unit_id or "", []))
    agencies: dict[str, AgencyRef] = {}
    for node in iter_nodes(tree):
        for a in node.agencies:
            agencies.setdefault(a.id or a.name, a)
    graph = TaskGraph(
        pipeline_version=PIPELINE_VERSION,
        source=SourceInfo(path=printable_path(path), format=fmt, encoding=encoding, sha256=sha256, length=len(text)),
        document=info, structure=tree, tasks=tasks, references=references,
        agencies=list(agencies.values()),
    )
    graph.graph = build_graph(graph)
    return graph


def extract_source(source) -> TaskGraph:
    """Run the pipeline on a :class:`vbpl_extract.readers.Source`."""
    return extract_text(source.text, path=source.path, fmt=source.format, encoding=source.encoding, sha256=source.sha256)


def extract_file(path: str | Path, **read_options) -> TaskGraph:
    """Read a file (any supported format) and run the pipeline on it.

    Raises the typed errors of :mod:`vbpl_extract.errors` for unreadable input.
    """
    try:
        from .readers import read_file
    except ImportError:  # pragma: no cover
        data = Path(path).read_bytes()
        return extract_text(data.decode("utf-8-sig"), path=str(path), sha256=hashlib.sha256(data).hexdigest())
    return extract_source(read_file(path, **read_options))
