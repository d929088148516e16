"""A learned decision after the rules: "is this rule task really a task?" (see docs/accuracy.md).

``features`` turns a rule task into features, ``model`` applies a shipped (or retrained) logistic model
stored as JSON; :mod:`vbpl_extract.training` fits it on gold files and compares it with the rules by
grouped cross-validation. The pipeline calls :func:`apply_learned` once, after the task stage.
"""

from .model import LearnedModel, active_model, apply_learned, read_model

__all__ = ["LearnedModel", "active_model", "apply_learned", "read_model"]
