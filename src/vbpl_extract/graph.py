"""Graph stage: the task graph's nodes and edges.

Nodes: the document, its structural units, tasks, agencies, cited documents. Edges: ``contains``
(document/unit -> unit/task), ``lead``, ``coordinates``, ``reports_to`` (task -> agency), ``cites``
(unit/task -> reference) and ``same_as`` between a programme point and the appendix row that
restates it (03/NQ-CP II.1.a and Phụ lục II row 1: same opening words).

>>> from vbpl_extract.models import TaskGraph, SourceInfo, DocumentInfo
>>> g = TaskGraph(source=SourceInfo(path="x", format="txt", length=0), document=DocumentInfo(number="03/NQ-CP"))
>>> build_graph(g).nodes[0].id
'doc'
"""

from __future__ import annotations

import math
from itertools import islice

import regex

from .models import Graph, GraphEdge, GraphNode, Node, TaskGraph
from .textutil import fold_tones


def _agency_key(a) -> str:
    return f"agency:{a.id or a.name}"


def build_graph(tg: TaskGraph) -> Graph:
    """Build the graph from a TaskGraph's structure, tasks and references."""
    nodes: list[GraphNode] = [GraphNode(id="doc", type="document", label=tg.document.number or tg.document.title or tg.source.path)]
    edges: list[GraphEdge] = []
    seen: set[str] = {"doc"}

    def add(nid: str, type_: str, label: str) -> None:
        if nid not in seen:  # a node is built once (an agency is named by many tasks)
            seen.add(nid)
            nodes.append(GraphNode(id=nid, type=type_, label=label))

    for ref in tg.references:
        add(f"ref:{ref.id}", "reference", ref.number or ref.title or ref.id)
    # the units depth first, in document order: a loop, not a nested function that calls itself (that is a
    # reference cycle, which kept each document's nodes and edges alive until the garbage collector ran)
    stack: list[tuple[Node, str]] = [(n, "doc") for n in reversed(tg.structure)]
    while stack:
        n, parent = stack.pop()
        if n.kind in ("block", "intro", "wrapup", "cell"):
            continue
        nid = f"unit:{n.id}"
        add(nid, "unit", (n.heading or n.text or n.id)[:80])
        edges.append(GraphEdge(source=parent, target=nid, type="contains"))
        for ref in n.references:
            edges.append(GraphEdge(source=nid, target=f"ref:{ref}", type="cites"))
        stack.extend((c, nid) for c in reversed(n.children))
    edges = [e for e in edges if e.type != "cites" or e.target in seen]
    for t in tg.tasks:
        tid = f"task:{t.id}"
        add(tid, "task", t.text[:80])
        parent = f"unit:{t.unit_id}" if t.unit_id and f"unit:{t.unit_id}" in seen else "doc"
        edges.append(GraphEdge(source=parent, target=tid, type="contains"))
        for role, agencies in (("lead", t.lead), ("coordinates", t.coordinators), ("reports_to", t.report_to)):
            for a in agencies:
                aid = _agency_key(a)
                add(aid, "agency", a.name)
                edges.append(GraphEdge(source=tid, target=aid, type=role))
        for ref in t.references:
            if f"ref:{ref}" in seen:
                edges.append(GraphEdge(source=tid, target=f"ref:{ref}", type="cites"))
    for a, b in same_task_pairs(tg.tasks):
        edges.append(GraphEdge(source=f"task:{a}", target=f"task:{b}", type="same_as"))
    return Graph(nodes=nodes, edges=edges)


_WORD = regex.compile(r"\w+")


def _words(text: str, n: int = 30) -> set[str]:
    """The first ``n`` words, lower case with tones in one spelling (only the words needed are read).

    >>> sorted(_words("Bộ Tài chính chủ trì xây dựng", 3))
    ['bộ', 'chính', 'tài']
    """
    found = list(islice(_WORD.finditer(text), n))
    head = text[:found[-1].end()] if found else ""
    return set(_WORD.findall(fold_tones(head).lower())[:n])


def same_task_pairs(tasks, threshold: float = 0.5) -> list[tuple[str, str]]:
    """Tasks stated twice: a programme point and the appendix row that restates it, often reworded
    ("Xây dựng, triển khai và tổ chức triển khai chương trình tuyên truyền …" / "Xây dựng, trình Thủ tướng
    Chính phủ ban hành và tổ chức triển khai chương trình tuyên truyền …"). Pairs tasks of different
    top-level units whose first 30 words overlap most (Jaccard >= ``threshold``), each task once.

    Candidates come from a prefix-filtered index (two sets with Jaccard >= t share a word among their
    rarest ``|A| - ceil(t|A|) + 1``), so a long list of similar items in one unit costs linear time.
    """
    def top(t) -> str:
        return (t.unit_id or "").split("__")[0]

    words = [_words(t.text) for t in tasks]
    df: dict[str, int] = {}
    for ws in words:
        for w in ws:
            df[w] = df.get(w, 0) + 1
    index: dict[str, dict[str, list[int]]] = {}  # word -> top unit -> tasks with the word in their prefix
    candidates = []
    for j, b in enumerate(tasks):
        wb = words[j]
        if not wb:
            continue
        ordered = sorted(wb, key=lambda w: (df[w], w))
        prefix = ordered[:len(ordered) - math.ceil(threshold * len(ordered) - 1e-9) + 1]
        mine = top(b)
        seen: set[int] = set()
        for w in prefix:
            for group, members in index.get(w, {}).items():
                if group != mine:
                    seen.update(members)
        for i in sorted(seen):
            wa = words[i]
            score = len(wa & wb) / len(wa | wb)
            if score >= threshold:
                candidates.append((score, tasks[i].id, b.id))
        for w in prefix:
            index.setdefault(w, {}).setdefault(mine, []).append(j)
    pairs, used = [], set()
    for _, a, b in sorted(candidates, reverse=True):
        if a not in used and b not in used:
            used.update((a, b))
            pairs.append((a, b))
    return sorted(pairs)
