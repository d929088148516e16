"""Every document of ../shared/corpus goes through the pipeline, and the output keeps its invariants.

Skipped (with a message) when ../shared is not beside the checkout.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from conftest import CORPUS, needs_ocr
from vbpl_extract.clean import clean_span
from vbpl_extract.errors import ScannedPdfError
from vbpl_extract.markers import LETTERS, ROMAN, roman_to_int
from vbpl_extract.models import Node, TaskGraph
from vbpl_extract.pipeline import extract_file
from vbpl_extract.readers import read_file

SUPPORTED = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in SUPPORTED and p.name != "README.md")


@cache
def run(path: Path) -> tuple[str, TaskGraph]:
    try:
        return read_file(path).text, extract_file(path)
    except ScannedPdfError:
        if path.name in needs_ocr():
            pytest.skip(f"{path.name}: a scan or a non-Vietnamese text layer; needs the OCR path")
        raise


def _walk(nodes: list[Node], parent: Node | None = None):
    for n in nodes:
        yield n, parent
        yield from _walk(n.children, n)


FILES = corpus_files()


def test_corpus_present() -> None:
    if not FILES:
        pytest.skip(f"shared corpus not available at {CORPUS} (expected ../shared beside the checkout)")
    assert len(FILES) > 250


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_document_invariants(path: Path) -> None:
    source, g = run(path)
    n = len(source)
    ids: Counter[str] = Counter()
    for node, parent in _walk(g.structure):
        ids[node.id] += 1
        s, e = node.span
        assert 0 <= s <= e <= n, f"{node.id}: span {node.span} outside the source ({n})"
        if parent is not None:
            assert parent.span[0] <= s and e <= parent.span[1], f"{node.id} {node.span} outside parent {parent.id} {parent.span}"
        if node.text_span and node.text and "\n" not in node.text and node.kind not in ("row", "group"):
            ts, te = node.text_span
            assert s <= ts <= te <= e
            assert clean_span(source, ts, te).text == node.text, f"{node.id}: text_span does not slice to its text"
        for a in node.agencies:
            if a.span:
                assert 0 <= a.span[0] < a.span[1] <= n
    dup = [i for i, c in ids.items() if c > 1]
    assert not dup, f"duplicate ids: {dup[:5]}"
    for t in g.tasks:
        assert 0 <= t.span[0] < t.span[1] <= n
        for a in [*t.lead, *t.coordinators, *t.report_to]:
            if a.span:
                assert 0 <= a.span[0] < a.span[1] <= n
        if t.deadline and t.deadline.span:
            assert 0 <= t.deadline.span[0] < t.deadline.span[1] <= n
    for r in g.references:
        for m in r.mentions:
            assert 0 <= m.span[0] <= m.span[1] <= n
    assert len({t.id for t in g.tasks}) == len(g.tasks)


def _sequence_ok(kind: str, nums: list[str]) -> bool:
    """Numbers of sibling units of one kind run without going backwards."""
    if kind == "point":
        order = [LETTERS.index(x) for x in nums if x in LETTERS]
    elif kind == "article":
        order = [int("".join(c for c in x if c.isdigit()) or 0) for x in nums]
    elif kind == "section" and all(ROMAN.match(x) for x in nums):
        order = [roman_to_int(x) for x in nums]
    else:
        return True
    return all(b > a for a, b in pairwise(order))


def test_numbering_sequences_are_consistent() -> None:
    """Across the corpus, at least 95% of sibling runs of points/articles/Roman sections increase."""
    if not FILES:
        pytest.skip(f"shared corpus not available at {CORPUS}")
    ok = total = 0
    for path in FILES:
        _, g = run(path)
        for node, _ in [(None, None), *_walk(g.structure)]:
            children = g.structure if node is None else node.children
            by_kind: dict[str, list[str]] = {}
            for c in children:
                if c.num and c.kind in ("point", "article", "section"):
                    by_kind.setdefault(c.kind, []).append(c.num)
            for kind, nums in by_kind.items():
                if len(nums) > 1:
                    total += 1
                    ok += _sequence_ok(kind, nums)
    assert total > 100
    assert ok / total >= 0.95, f"{ok}/{total} sibling runs in order"


def test_corpus_coverage_of_header_and_structure() -> None:
    """Most real documents yield a number, a date and at least one structural unit."""
    if not FILES:
        pytest.skip(f"shared corpus not available at {CORPUS}")
    docs = [p for p in FILES if "seeds" not in p.parts and "excerpts" not in str(p)]
    stats = Counter()
    for path in docs:
        _, g = run(path)
        stats["number"] += g.document.number is not None
        stats["date"] += g.document.date is not None
        stats["structure"] += any(n.kind not in ("block", "intro", "wrapup") for n, _ in _walk(g.structure))
    print(f"{len(docs)} documents: {dict(stats)}")
    assert stats["number"] / len(docs) >= 0.9
    assert stats["date"] / len(docs) >= 0.9
    assert stats["structure"] / len(docs) >= 0.9
