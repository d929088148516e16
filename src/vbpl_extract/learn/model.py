"""The learned task decision at run time: a logistic model stored as plain, reviewable JSON.

The shipped model is ``src/vbpl_extract/data/task_filter.json`` (trained by ``scripts/train.py`` on the
gold files). It holds its format version, the feature set and word-list versions it was trained with,
one weight per feature, the intercept, and the probability below which a rule task is dropped. Nothing
is downloaded; scoring is a dot product, so scikit-learn is needed to train, not to run.

Settings (environment): ``VBPL_EXTRACT_LEARNED=1`` / ``0`` turns the decision on / off (default: the
model's ``enabled_by_default``, set by training only when grouped cross-validation showed a gain);
``VBPL_EXTRACT_MODEL=PATH`` uses another model, e.g. one an organisation retrained on its own corrected
documents with ``vbpl-extract train``.

>>> m = LearnedModel(feature_set_version=FEATURE_SET_VERSION, words_version=learn_words()[0],
...                  weights={"bias": 0.0, "is_non_task": -4.0}, intercept=1.0, threshold=0.2)
>>> round(m.probability({"bias": 1.0, "is_non_task": 1.0}), 3), m.keep({"bias": 1.0})
(0.047, True)
"""

from __future__ import annotations

import math
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import VbplError
from ..models import TaskGraph
from .features import FEATURE_SET_VERSION, document_features, known_feature, learn_words

MODEL_FORMAT = "vbpl-extract/task-filter"
MODEL_FORMAT_VERSION = 1


class ModelError(VbplError):
    """A model file that cannot be used (unreadable, invalid, or trained on other features)."""

    exit_code = 2


class LearnedModel(BaseModel):
    """A logistic "is this rule task a task?" model: ``p = sigmoid(intercept + sum(weights[f] * x[f]))``."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["vbpl-extract/task-filter"] = MODEL_FORMAT
    format_version: int = MODEL_FORMAT_VERSION
    feature_set_version: int
    words_version: int
    threshold: float = Field(ge=0.0, le=1.0, description="Rule tasks whose probability is below this are dropped")
    intercept: float
    weights: dict[str, float]
    enabled_by_default: bool = False
    trained_on: dict[str, int | str | list[str]] = Field(default_factory=dict)
    cross_validation: dict[str, dict[str, float | int | str]] = Field(default_factory=dict)

    def probability(self, features: dict[str, float]) -> float:
        """Probability that the unit is a task (features unknown to the model weigh nothing)."""
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 60.0), -60.0)))

    def keep(self, features: dict[str, float]) -> bool:
        return self.probability(features) >= self.threshold

    def check(self, origin: str) -> LearnedModel:
        """Refuse a model trained on another feature set or word list."""
        if self.feature_set_version != FEATURE_SET_VERSION or self.words_version != learn_words()[0]:
            raise ModelError(origin, f"model trained on feature set {self.feature_set_version} / words "
                             f"{self.words_version}, this version computes {FEATURE_SET_VERSION} / {learn_words()[0]}; "
                             "retrain it with 'vbpl-extract train'")
        unknown = sorted(k for k in self.weights if not known_feature(k))
        if unknown:
            raise ModelError(origin, f"model weighs features this version does not compute: {', '.join(unknown[:5])}")
        return self


SHIPPED = "task_filter.json"


def read_model(path: str | Path | None = None) -> LearnedModel:
    """Read and validate a model file (the shipped one when ``path`` is None)."""
    if path is None:
        origin = f"vbpl_extract/data/{SHIPPED}"
        text = resources.files("vbpl_extract.data").joinpath(SHIPPED).read_text("utf-8")
    else:
        origin = str(path)
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise ModelError(origin, f"cannot read model ({exc.strerror or exc})") from None
    try:
        model = LearnedModel.model_validate_json(text)
    except ValidationError as exc:
        raise ModelError(origin, f"not a task-filter model ({exc.error_count()} problem(s), first: "
                         f"{exc.errors()[0]['msg']})") from None
    return model.check(origin)


@cache
def _model_for(path: str | None) -> LearnedModel:
    return read_model(path)


def active_model() -> LearnedModel | None:
    """The model the pipeline applies, or None when the learned decision is off (see module docstring)."""
    flag = os.environ.get("VBPL_EXTRACT_LEARNED", "").strip().lower()
    if flag in ("0", "false", "no", "off"):
        return None
    model = _model_for(os.environ.get("VBPL_EXTRACT_MODEL") or None)
    if flag in ("1", "true", "yes", "on"):
        return model
    return model if model.enabled_by_default else None


def filter_tasks(graph: TaskGraph, model: LearnedModel) -> list[tuple[int, float]]:
    """``(index, probability)`` of the tasks of ``graph`` that ``model`` keeps."""
    probs = [model.probability(f) for f in document_features(graph)]
    return [(i, p) for i, p in enumerate(probs) if p >= model.threshold]


def apply_learned(graph: TaskGraph, model: LearnedModel | None = None) -> None:
    """Drop, in place, the rule tasks the learned model rejects; each kept task's provenance says
    ``"learned": "kept, p=0.93"``. (Not a stage warning: nothing failed.)

    With ``model`` None the active model is used, and nothing happens when the decision is off.
    """
    model = model if model is not None else active_model()
    if model is None or not graph.tasks:
        return
    kept = []
    for i, p in filter_tasks(graph, model):
        task = graph.tasks[i]
        task.provenance["learned"] = f"kept, p={p:.2f}"
        kept.append(task)
    graph.tasks = kept
