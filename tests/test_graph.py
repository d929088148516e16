"""Tests for graph.build_graph: node and edge types, role edges, cites and same_as."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest
import regex

from conftest import FIXTURES, corpus_file
from vbpl_extract.graph import build_graph
from vbpl_extract.models import DocumentInfo, Graph, SourceInfo, TaskGraph
from vbpl_extract.pipeline import extract_text

NODE_TYPES = {"document", "unit", "task", "agency", "reference"}
EDGE_TYPES = {"contains", "lead", "coordinates", "reports_to", "cites", "same_as"}


@cache
def fixture_graph(name: str) -> TaskGraph:
    return extract_text((FIXTURES / name).read_text("utf-8"))


@cache
def full_03() -> TaskGraph:
    return extract_text(corpus_file("vnmasterplan/03-NQ-CP_2025__full_with_PL1_PL2.md").read_text("utf-8"))


def edges(g: Graph, kind: str) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in g.edges if e.type == kind}


def test_empty_task_graph_has_the_document_node() -> None:
    tg = TaskGraph(source=SourceInfo(path="x", format="txt", length=0), document=DocumentInfo(number="03/NQ-CP"))
    g = build_graph(tg)
    assert [(n.id, n.type, n.label) for n in g.nodes] == [("doc", "document", "03/NQ-CP")]
    assert g.edges == []


@pytest.mark.parametrize("name", ["cong_dien.md", "task_table.md", "tvpl_quyet_dinh.md", "md_ke_hoach_so.md"])
def test_node_and_edge_types_and_endpoints(name: str) -> None:
    g = fixture_graph(name).graph
    ids = [n.id for n in g.nodes]
    assert len(ids) == len(set(ids))
    assert {n.type for n in g.nodes} <= NODE_TYPES
    assert {e.type for e in g.edges} <= EDGE_TYPES
    known = set(ids)
    for e in g.edges:
        assert e.source in known and e.target in known, e


def test_units_and_tasks_are_contained() -> None:
    tg = fixture_graph("task_table.md")
    g = tg.graph
    contains = edges(g, "contains")
    assert ("doc", "unit:art_1") in contains
    assert ("unit:art_1", "unit:art_1__table_1") in contains
    for t in tg.tasks:
        assert (f"unit:{t.unit_id}", f"task:{t.id}") in contains
    # every unit and task has exactly one container
    targets = Counter(t for _, t in contains)
    assert all(v == 1 for v in targets.values())


def test_role_edges() -> None:
    tg = fixture_graph("cong_dien.md")
    g = tg.graph
    t = next(t for t in tg.tasks if t.text.startswith("Bộ Tài chính chủ trì"))
    tid = f"task:{t.id}"
    lead = {b for a, b in edges(g, "lead") if a == tid}
    coord = {b for a, b in edges(g, "coordinates") if a == tid}
    report = {b for a, b in edges(g, "reports_to") if a == tid}
    labels = {n.id: n.label for n in g.nodes}
    assert {labels[x] for x in lead} == {"Bộ Tài chính"}
    assert {labels[x] for x in coord} == {"Bộ Nông nghiệp và Môi trường"}
    assert {labels[x] for x in report} == {"Thủ tướng Chính phủ"}
    assert all(x.startswith("agency:") for x in lead | coord | report)


def test_agency_nodes_are_shared_between_tasks() -> None:
    tg = fixture_graph("cong_dien.md")
    g = tg.graph
    cong_an = [n for n in g.nodes if n.type == "agency" and n.label == "Bộ Công an"]
    assert len(cong_an) == 1
    assert len([a for a, b in edges(g, "lead") if b == cong_an[0].id]) == 2


def test_cites_edges_point_to_reference_nodes() -> None:
    tg = fixture_graph("tvpl_quyet_dinh.md")
    g = tg.graph
    refs = {n.id for n in g.nodes if n.type == "reference"}
    assert refs, "the decision cites its plan's legal bases"
    for _, target in edges(g, "cites"):
        assert target in refs


def test_same_as_between_programme_point_and_appendix_row() -> None:
    tg = full_03()
    g = tg.graph
    by_id = {f"task:{t.id}": t for t in tg.tasks}
    pairs = edges(g, "same_as")
    assert pairs
    cross = [(by_id[a], by_id[b]) for a, b in pairs if "att_1" in by_id[a].id and "app_II" in by_id[b].id]
    assert cross, "a programme point restated by a Phụ lục II row"
    for a, b in cross:
        words_a = set(regex.findall(r"\w+", a.text.lower())[:30])
        words_b = set(regex.findall(r"\w+", b.text.lower())[:30])
        assert len(words_a & words_b) / len(words_a | words_b) >= 0.5
    # the example: programme point II.1.a and Phụ lục II row 1, worded differently
    assert ("task:task__att_1__sec_II__item_1__point_a", "task:task__app_II__table_1__group_I__row_1") in pairs
    # each task is paired at most once
    ends = [x for pair in pairs for x in pair]
    assert len(ends) == len(set(ends))


def test_full_03_counts() -> None:
    g = full_03().graph
    types = Counter(n.type for n in g.nodes)
    assert types["document"] == 1
    assert types["task"] == len(full_03().tasks)
    assert types["agency"] >= 20 and types["reference"] >= 10
    kinds = Counter(e.type for e in g.edges)
    assert kinds["lead"] >= types["task"]
    assert kinds["coordinates"] > 0 and kinds["cites"] > 0 and kinds["reports_to"] > 0
