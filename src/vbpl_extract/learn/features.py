"""Features of a rule task for the learned "is this really a task?" decision.

Every feature is something the rules already compute or can read off the task graph: which rule made
the task and where its lead came from, the unit's kind, depth and position, the class of the heading
above it (``data/learn_features.yaml``), the genre (document type from the header), whether the first
words open with a verb of ``data/action_words.yaml``, agency mentions, modal and assignment cues,
length. Features are a flat ``{name: value}`` dict (categorical ones as ``name=value: 1.0``), so a
model is a readable table of weights.

>>> from vbpl_extract.pipeline import extract_text
>>> graph = extract_text("Điều 1. Giao Bộ Tài chính chủ trì, phối hợp với Bộ Công an xây dựng Nghị định trước ngày 15/12/2025.")
>>> feats = document_features(graph)[0]
>>> feats["prov_lead=subject of the unit's text"], feats["kind=article"], feats["has_deadline"]
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

import regex
from pydantic import BaseModel, ConfigDict

from ..data import load
from ..models import Node, Task, TaskGraph
from ..tasks import is_lead_in, is_non_task, lexicon_action, non_task_heading
from ..textutil import fold_tones

FEATURE_SET_VERSION = 1
"""Bumped whenever the features computed here change; a model trained on another version is refused."""

FEATURE_NAMES = frozenset({
    "bias", "prov_task", "prov_lead", "prov_deadline", "rule_doubt", "kind", "parent_kind", "depth", "has_children",
    "clause_of_unit", "position", "position_bin", "genre", "heading_class", "under_non_task_heading", "has_context",
    "context_is_lead_in", "log_len", "ends_colon", "ends_sentence", "is_lead_in", "is_non_task", "first_word_verb",
    "has_action", "n_agencies", "lead_kind", "lead_known", "lead_in_text", "lead_is_issuer", "n_lead",
    "has_coordinators", "has_report_to", "has_deadline", "has_product",
})
"""Feature names (before ``=`` for categorical ones; ``cue_<name>`` for the cue families of the data file)."""


def feature_base(key: str) -> str:
    """``"genre=Kế hoạch"`` -> ``"genre"``; ``"cue_modal"`` -> ``"cue_modal"``."""
    return key.split("=", 1)[0]


def known_feature(key: str) -> bool:
    """True when ``key`` is a feature this version computes (``cue_modal`` only if the data file has it)."""
    base = feature_base(key)
    if base.startswith("cue_"):
        return base[4:] in {name for name, _ in learn_words()[2]}
    return base in FEATURE_NAMES


class LearnWords(BaseModel):
    """``data/learn_features.yaml``: heading classes and cue families (regular expressions)."""

    model_config = ConfigDict(extra="forbid")

    version: int
    heading_classes: dict[str, str]
    cues: dict[str, str]


@cache
def learn_words() -> tuple[int, list[tuple[str, regex.Pattern[str]]], list[tuple[str, regex.Pattern[str]]]]:
    """The validated, compiled ``data/learn_features.yaml``: (version, heading classes, cues)."""
    data = LearnWords.model_validate(load("learn_features.yaml"))

    def comp(items: dict[str, str]) -> list[tuple[str, regex.Pattern[str]]]:
        return [(k, regex.compile(fold_tones(v), regex.IGNORECASE | regex.V1)) for k, v in items.items()]

    return data.version, comp(data.heading_classes), comp(data.cues)


_ID_TAIL = regex.compile(r"\s+\S*[_\d]\S*.*$")


def provenance_class(value: str | None) -> str:
    """A provenance string without the node id it names: ``"inherited from heading art_2__para_1"`` ->
    ``"inherited from heading"``; None -> ``"none"``."""
    if not value:
        return "none"
    return _ID_TAIL.sub("", value).strip() or "none"


def heading_class(text: str | None) -> str | None:
    """The class of a heading: ``"II. MỤC TIÊU"`` -> ``"objectives"``, ``"Tổ chức thực hiện"`` -> ``"organisation"``."""
    if not text:
        return None
    key = fold_tones(" ".join(text.split()))
    for name, pattern in learn_words()[1]:
        if pattern.search(key):
            return name
    return None


@dataclass(frozen=True)
class _Place:
    """What a task's features need to know about its unit, computed once per node (linear in the tree)."""

    node: Node
    parent_kind: str
    depth: int
    heading_class: str | None  # of the nearest ancestor heading that has a class
    under_non_task: bool  # some ancestor heading is a no-task section for the rules
    agency_starts: tuple[int, ...]  # sorted starts of the unit's agency mentions


def _own_heading(node: Node) -> str | None:
    return node.heading or (node.text if node.kind in ("heading", "section") else None)


def _index(tree: list[Node]) -> dict[str, _Place]:
    """Node id -> its :class:`_Place`; each node's heading is classified once, so the work is linear
    even for a tree thousands of levels deep."""
    out: dict[str, _Place] = {}
    stack: list[tuple[Node, _Place | None]] = [(n, None) for n in reversed(tree)]
    while stack:
        node, parent = stack.pop()
        if parent is None:
            place = _Place(node, "root", 0, None, False, _starts(node))
        else:
            pn = parent.node
            heading = _own_heading(pn)
            place = _Place(node, pn.kind, parent.depth + 1, heading_class(heading) or parent.heading_class,
                           parent.under_non_task or non_task_heading(pn.heading), _starts(node))
        out[node.id] = place
        stack.extend((c, place) for c in reversed(node.children))
    return out


def _starts(node: Node) -> tuple[int, ...]:
    return tuple(sorted(a.span[0] for a in node.agencies if a.span))


def _first_words(text: str, n: int = 8) -> list[str]:
    """Whitespace words with punctuation split off (enough for the lexicon's multi-word verbs)."""
    words: list[str] = []
    for w in text.replace("*", " ").split()[:n]:
        w = w.strip("()[]\"'“”")
        if not w:
            continue
        if w[-1] in ",;:.":
            words += [w[:-1], w[-1]] if w[:-1] else [w[-1]]
        else:
            words.append(w)
    # join adjacent pairs the lexicon knows as one word ("xây dựng")
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = f"{words[i]} {words[i + 1]}" if i + 1 < len(words) else None
        if pair and lexicon_action([pair]) is not None:
            out.append(pair)
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out


_ENDS = 1000


def _ends(text: str) -> str:
    """The first and last 1,000 characters of a long text: the rules' lead-in and non-task patterns look
    at its start or end, and some of them backtrack over the whole text (quadratic on a 1 MB unit)."""
    return text if len(text) <= 2 * _ENDS else f"{text[:_ENDS]} … {text[-_ENDS:]}"


def task_features(task: Task, graph: TaskGraph, index: dict[str, tuple[Node, list[Node]]] | None = None) -> dict[str, float]:
    """The feature dict of one task of ``graph`` (see the module docstring)."""
    index = index if index is not None else _index(graph.structure)
    place = index.get(task.unit_id or "")
    node = place.node if place is not None else None
    f: dict[str, float] = {"bias": 1.0}
    prov = task.provenance
    f[f"prov_task={provenance_class(prov.get('task'))}"] = 1.0
    f[f"prov_lead={provenance_class(prov.get('lead'))}"] = 1.0
    dl = provenance_class(prov.get("deadline"))
    f[f"prov_deadline={'own' if dl == 'own text' else 'inherited' if dl.startswith('inherited') else dl}"] = 1.0
    if task.doubt:
        f["rule_doubt"] = 1.0
    kind = node.kind if node is not None else "none"
    f[f"kind={kind}"] = 1.0
    f[f"parent_kind={place.parent_kind if place is not None else 'root'}"] = 1.0
    f["depth"] = min(place.depth if place is not None else 0, 8) / 8
    if node is not None and node.children:
        f["has_children"] = 1.0
    if task.id.rsplit("__", 1)[-1].startswith("s") and "__s" in task.id:
        f["clause_of_unit"] = 1.0
    length = max(graph.source.length, 1)
    pos = task.span[0] / length
    f["position"] = pos
    f[f"position_bin={min(int(pos * 5), 4)}"] = 1.0
    genre = graph.document.type or "none"
    f[f"genre={genre}"] = 1.0
    # headings above: nearest class, and whether any ancestor is a no-task section by the rules
    f[f"heading_class={(place.heading_class if place is not None else None) or 'none'}"] = 1.0
    if place is not None and place.under_non_task:
        f["under_non_task_heading"] = 1.0
    if task.context:
        f["has_context"] = 1.0
        if is_lead_in(task.context):
            f["context_is_lead_in"] = 1.0
    # the text itself
    text = task.text
    key = fold_tones(text)
    f["log_len"] = min(math.log1p(len(text)) / 8, 1.5)
    if text.rstrip().endswith(":"):
        f["ends_colon"] = 1.0
    if regex.search(r"[.;!?…]\s*$", text):
        f["ends_sentence"] = 1.0
    ends = _ends(text)
    if is_lead_in(ends):
        f["is_lead_in"] = 1.0
    if is_non_task(ends):
        f["is_non_task"] = 1.0
    for name, pattern in learn_words()[2]:
        n = len(pattern.findall(key))
        if n:
            f[f"cue_{name}"] = min(n, 3) / 3
    if lexicon_action(_first_words(text)) is not None:
        f["first_word_verb"] = 1.0
    if task.action:
        f["has_action"] = 1.0
    # agencies and roles
    s0, s1 = task.span
    starts = place.agency_starts if place is not None else ()
    f["n_agencies"] = min(bisect_left(starts, s1) - bisect_left(starts, s0), 6) / 6
    if task.lead:
        first = task.lead[0]
        f[f"lead_kind={first.kind or 'none'}"] = 1.0
        f["lead_known"] = sum(a.known for a in task.lead) / len(task.lead)
        if any(a.span and s0 <= a.span[0] < s1 for a in task.lead):
            f["lead_in_text"] = 1.0
        issuer = graph.document.issuer
        if issuer is not None and any(a.id and a.id == issuer.id for a in task.lead):
            f["lead_is_issuer"] = 1.0
        f["n_lead"] = min(len(task.lead), 6) / 6
    if task.coordinators:
        f["has_coordinators"] = 1.0
    if task.report_to:
        f["has_report_to"] = 1.0
    if task.deadline is not None:
        f["has_deadline"] = 1.0
    if task.product:
        f["has_product"] = 1.0
    return f


def document_features(graph: TaskGraph) -> list[dict[str, float]]:
    """One feature dict per task of ``graph``, in the order of ``graph.tasks``."""
    index = _index(graph.structure)
    return [task_features(t, graph, index) for t in graph.tasks]
