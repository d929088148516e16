"""Train the learned task decision on gold files and compare it with the rules alone.

A *candidate* is a task the rules produce; it is labelled positive when the scorer's own matching
(:func:`vbpl_extract.evaluate.match_tasks`, anchor = normalised prefix) pairs it with a gold task.
A logistic regression (scikit-learn) learns ``P(task | features)``; the model then drops rule tasks
below a threshold. The threshold is chosen by an inner grouped cross-validation on the training
documents, maximising task F1 as :func:`vbpl_extract.evaluate.score_document` computes it.

:func:`cross_validate` holds out whole groups (documents, corpus sources, genres): train on the rest,
filter the held-out documents' rule tasks, and score both the rules alone and rules + model with the
real scorer.

>>> from vbpl_extract.evaluate import GoldFile
>>> from vbpl_extract.pipeline import extract_text
>>> graph = extract_text("Điều 1. Giao Bộ Tài chính chủ trì xây dựng Nghị định trước ngày 15/12/2025.")
>>> gold = GoldFile.model_validate({"source": "x.txt", "document": {},
...                                 "tasks": [{"anchor": "Giao Bộ Tài chính chủ trì"}]})
>>> example = Example("x.json", "x.txt", "Nghị định", ".", gold, graph)
>>> score_filtered(example, None)[0].f1, score_filtered(example, [False])[0].f1  # kept / dropped
(1.0, 0.0)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .errors import VbplError
from .evaluate import PRF, GoldFile, load_gold, match_tasks, score_document
from .learn.features import FEATURE_SET_VERSION, document_features, learn_words
from .learn.model import LearnedModel, ModelError
from .models import TaskGraph

THRESHOLDS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
"""Thresholds tried; 0.0 keeps every rule task (the rules alone). At most 0.3: a rule task is dropped only
when the model is fairly confident that it is not a task."""

DEFAULT_C = 0.5
"""Inverse L2 strength of the logistic regression (small data: fairly strong regularisation)."""


@dataclass
class Example:
    """One gold document: its rule-only prediction, features and labels, and its groups."""

    name: str
    source: str
    genre: str
    collection: str
    gold: GoldFile
    graph: TaskGraph
    features: list[dict[str, float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)


@contextlib.contextmanager
def rules_only() -> Iterator[None]:
    """Run the pipeline without the learned decision (restores the setting afterwards)."""
    old = os.environ.get("VBPL_EXTRACT_LEARNED")
    os.environ["VBPL_EXTRACT_LEARNED"] = "0"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("VBPL_EXTRACT_LEARNED", None)
        else:
            os.environ["VBPL_EXTRACT_LEARNED"] = old


def gold_files(gold_dirs: Sequence[str | Path]) -> list[Path]:
    """The ``*.json`` files of the folders (or the files themselves), in a stable order."""
    out: list[Path] = []
    for d in map(Path, gold_dirs):
        if d.is_file():
            out.append(d)
        elif d.is_dir():
            out += sorted(d.glob("*.json"))
        else:
            raise ModelError(d, "no such gold folder or file")
    return out


def collect(gold_dirs: Sequence[str | Path], corpus_dir: str | Path,
            extractor: Callable[[Path], TaskGraph] | None = None, skipped: list[str] | None = None) -> list[Example]:
    """Run the rules on every gold file's source and label each rule task. A source the reader refuses
    (missing, scanned PDF …) is left out and named in ``skipped`` (``"x.json: <error>"``)."""
    from .pipeline import extract_file

    extractor = extractor or extract_file
    corpus_dir = Path(corpus_dir)
    examples = []
    with rules_only():
        for path in gold_files(gold_dirs):
            try:
                gold = load_gold(path)
            except (ValidationError, ValueError, OSError) as exc:
                raise ModelError(path, f"not a gold file in the annotation guide's format ({str(exc).splitlines()[0]})") from None
            try:
                graph = extractor(corpus_dir / gold.source)
            except VbplError as exc:
                if skipped is None:
                    raise
                skipped.append(f"{path.name}: {gold.source}: {exc.problem}")
                continue
            matched = {j for _, j in match_tasks(gold.tasks, graph.tasks)}
            examples.append(Example(
                name=path.name, source=gold.source, genre=gold.document.type or graph.document.type or "none",
                collection=gold.source.split("/", 1)[0] if "/" in gold.source else ".",
                gold=gold, graph=graph, features=document_features(graph),
                labels=[int(j in matched) for j in range(len(graph.tasks))]))
    return examples


# --------------------------------------------------------------------------- fitting


def fit(examples: Sequence[Example], *, C: float = DEFAULT_C) -> tuple[float, dict[str, float]]:
    """(intercept, weights) of a logistic regression on the examples' candidates."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    X = [f for e in examples for f in e.features]
    y = [y for e in examples for y in e.labels]
    if len(set(y)) < 2:
        raise ModelError(None, "the gold files give only one class of rule task (all matched or none); "
                               "training needs both tasks the rules got right and tasks they got wrong")
    vec = DictVectorizer(sparse=True)
    clf = LogisticRegression(C=C, max_iter=5000)
    clf.fit(vec.fit_transform(X), y)
    weights = {name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
               if abs(w) > 1e-9}
    return round(float(clf.intercept_[0]), 6), dict(sorted(weights.items()))


def _probs(examples: Sequence[Example], intercept: float, weights: dict[str, float]) -> list[list[float]]:
    model = LearnedModel(feature_set_version=FEATURE_SET_VERSION, words_version=learn_words()[0],
                         threshold=0.0, intercept=intercept, weights=weights)
    return [[model.probability(f) for f in e.features] for e in examples]


def score_filtered(example: Example, keep: Sequence[bool] | None) -> tuple[PRF, PRF | None]:
    """(task PRF, lead PRF) of the example's rule prediction, filtered by ``keep`` (None: all kept)."""
    graph = example.graph
    if keep is not None:
        graph = graph.model_copy(update={"tasks": [t for t, k in zip(graph.tasks, keep, strict=True) if k]})
    s = score_document(example.gold, graph, name=example.name)
    return s.tasks, s.lead


def _f1(p: PRF) -> float:
    return round(p.f1, 4)


def _sum(items: Sequence[PRF | None]) -> PRF:
    total = PRF()
    for x in items:
        if x is not None:
            total = total + x
    return total


def _tasks_at(examples: Sequence[Example], probs: Sequence[Sequence[float]], t: float) -> PRF:
    return _sum([score_filtered(e, [p >= t for p in ps])[0] for e, ps in zip(examples, probs, strict=True)])


def choose_threshold(examples: Sequence[Example], *, C: float = DEFAULT_C, folds: int = 3) -> float:
    """The threshold maximising task F1 over an inner grouped (by document) cross-validation; 0.0 (the
    rules alone) wins ties, so the model changes nothing unless it helps on held-out documents."""
    from sklearn.model_selection import GroupKFold

    k = min(folds, len(examples))
    if k < 2:
        return 0.0
    idx = list(range(len(examples)))
    oof: list[list[float]] = [[] for _ in examples]
    for train_i, test_i in GroupKFold(n_splits=k).split(idx, groups=idx):
        train = [examples[i] for i in train_i]
        if len({y for e in train for y in e.labels}) < 2:
            return 0.0
        b, w = fit(train, C=C)
        for i, ps in zip(test_i, _probs([examples[i] for i in test_i], b, w), strict=True):
            oof[i] = ps
    best_t, best = 0.0, _tasks_at(examples, oof, 0.0).f1
    for t in THRESHOLDS[1:]:
        f1 = _tasks_at(examples, oof, t).f1
        if f1 > best + 1e-9:
            best_t, best = t, f1
    return best_t


def train_model(examples: Sequence[Example], *, C: float = DEFAULT_C) -> LearnedModel:
    """Fit on all examples, with the threshold chosen by inner grouped cross-validation."""
    threshold = choose_threshold(examples, C=C)
    intercept, weights = fit(examples, C=C)
    n = sum(len(e.labels) for e in examples)
    model = LearnedModel(
        feature_set_version=FEATURE_SET_VERSION, words_version=learn_words()[0], threshold=threshold,
        intercept=intercept, weights=weights,
        trained_on={"documents": len(examples), "candidates": n, "positives": sum(sum(e.labels) for e in examples),
                    "C": str(C), "date": dt.date.today().isoformat()})
    _check_finite(model)
    return model


# --------------------------------------------------------------------------- grouped cross-validation


@dataclass
class GroupResult:
    """Rules alone vs rules + model on one held-out group."""

    split: str
    group: str
    documents: int
    threshold: float
    rules: PRF
    model: PRF
    rules_lead: PRF
    model_lead: PRF


def group_keys(examples: Sequence[Example], split: str) -> list[str]:
    """The group of each example for ``split``: ``document`` (5 folds of documents), ``source`` (the corpus
    collection folder), ``genre`` (document type; types with fewer than 3 documents pooled as 'khác')."""
    if split == "document":
        return [e.name for e in examples]
    if split == "source":
        return [e.collection for e in examples]
    if split == "genre":
        counts: dict[str, int] = {}
        for e in examples:
            counts[e.genre] = counts.get(e.genre, 0) + 1
        return [e.genre if counts[e.genre] >= 3 else "khác" for e in examples]
    raise ValueError(f"unknown split {split!r}")


def cross_validate(examples: Sequence[Example], split: str, *, C: float = DEFAULT_C,
                   folds: int = 5) -> list[GroupResult]:
    """Hold out each group of ``split`` in turn; for ``document``, ``folds`` GroupKFold folds."""
    from sklearn.model_selection import GroupKFold, LeaveOneGroupOut

    keys = group_keys(examples, split)
    idx = list(range(len(examples)))
    splitter = GroupKFold(n_splits=min(folds, len(examples))) if split == "document" else LeaveOneGroupOut()
    results = []
    for k, (train_i, test_i) in enumerate(splitter.split(idx, groups=keys)):
        train = [examples[i] for i in train_i]
        test = [examples[i] for i in test_i]
        t = choose_threshold(train, C=C)
        b, w = fit(train, C=C)
        probs = _probs(test, b, w)
        rules = [score_filtered(e, None) for e in test]
        model = [score_filtered(e, [p >= t for p in ps]) for e, ps in zip(test, probs, strict=True)]
        name = f"fold {k + 1}" if split == "document" else keys[test_i[0]]
        results.append(GroupResult(split=split, group=name, documents=len(test), threshold=t,
                                   rules=_sum([r[0] for r in rules]), model=_sum([m[0] for m in model]),
                                   rules_lead=_sum([r[1] for r in rules]), model_lead=_sum([m[1] for m in model])))
    return results


def summarise(results: Sequence[GroupResult]) -> dict[str, float | int | str]:
    """Pooled held-out figures of one split, and in how many groups the model won / lost on task F1."""
    rules, model = _sum([r.rules for r in results]), _sum([r.model for r in results])
    return {
        "groups": len(results),
        "rules_f1": _f1(rules), "model_f1": _f1(model),
        "rules_p": round(rules.precision, 4), "model_p": round(model.precision, 4),
        "rules_r": round(rules.recall, 4), "model_r": round(model.recall, 4),
        "rules_lead_f1": _f1(_sum([r.rules_lead for r in results])),
        "model_lead_f1": _f1(_sum([r.model_lead for r in results])),
        "groups_won": sum(r.model.f1 > r.rules.f1 + 1e-9 for r in results),
        "groups_lost": sum(r.model.f1 < r.rules.f1 - 1e-9 for r in results),
    }


def wins(summaries: dict[str, dict[str, float | int | str]]) -> bool:
    """The model is enabled by default only when, on every split, its pooled held-out task F1 beats the
    rules' and it wins more held-out groups than it loses."""
    return bool(summaries) and all(
        float(s["model_f1"]) > float(s["rules_f1"]) and int(s["groups_won"]) > int(s["groups_lost"])
        for s in summaries.values())


def markdown_table(results: Sequence[GroupResult]) -> str:
    """Rows ``| split | held-out group | docs | threshold | rules P/R/F1 | model P/R/F1 | lead F1 |``."""
    lines = ["| split | held out | docs | threshold | rules P | rules R | rules F1 | +model P | +model R | +model F1 "
             "| rules lead F1 | +model lead F1 |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r.split} | {r.group} | {r.documents} | {r.threshold:.2f} | {r.rules.precision:.3f} | "
                     f"{r.rules.recall:.3f} | {r.rules.f1:.3f} | {r.model.precision:.3f} | {r.model.recall:.3f} | "
                     f"{r.model.f1:.3f} | {r.rules_lead.f1:.3f} | {r.model_lead.f1:.3f} |")
    return "\n".join(lines) + "\n"


def train(gold_dirs: Sequence[str | Path], corpus_dir: str | Path, *, C: float = DEFAULT_C,
          splits: Sequence[str] = ("document", "source", "genre"),
          examples: Sequence[Example] | None = None,
          skipped: Sequence[str] = ()) -> tuple[LearnedModel, list[GroupResult]]:
    """Collect, cross-validate on ``splits``, fit on everything; the returned model is enabled by
    default only when :func:`wins` holds (no splits: never enabled). ``examples`` already collected (and
    the gold files ``skipped`` then) may be passed in."""
    skipped = list(skipped)
    examples = list(examples) if examples is not None else collect(gold_dirs, corpus_dir, skipped=skipped)
    if not examples:
        raise ModelError(None, "no usable gold files found" + (f" ({skipped[0]})" if skipped else ""))
    results: list[GroupResult] = []
    summaries: dict[str, dict[str, float | int | str]] = {}
    for split in splits:
        if len(set(group_keys(examples, split))) < 2:
            continue
        rs = cross_validate(examples, split, C=C)
        results += rs
        summaries[split] = summarise(rs)
    model = train_model(examples, C=C)
    model.cross_validation = summaries
    if skipped:
        model.trained_on["skipped"] = skipped
    model.enabled_by_default = wins(summaries) and model.threshold > 0.0
    return model, results


def write_model(model: LearnedModel, path: str | Path) -> None:
    """Write the model as indented JSON, atomically."""
    from .batch import write_atomic

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (model.model_dump_json(indent=1) + "\n").encode("utf-8"))


def _check_finite(model: LearnedModel) -> None:
    if not all(math.isfinite(w) for w in model.weights.values()) or not math.isfinite(model.intercept):
        raise ModelError(None, "training diverged (non-finite weights)")
