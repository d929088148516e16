"""vbpl_extract: Vietnamese legal documents -> task graph JSON.

>>> from vbpl_extract import Task, TaskGraph, extract_file, extract_text
>>> graph = extract_text("Điều 1. Giao Sở Tài chính chủ trì xây dựng kế hoạch trước ngày 15/12/2025.")
>>> isinstance(graph, TaskGraph), all(isinstance(t, Task) for t in graph.tasks)
(True, True)
>>> [(t.lead[0].name, t.deadline.due) for t in graph.tasks]
[('Sở Tài chính', '2025-12-15')]
>>> extract_file("../shared/corpus/seeds/004_73d4ecd4209fcbe0.txt").document.number  # doctest: +SKIP
'03/NQ-CP'
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["Task", "TaskGraph", "__version__", "extract_file", "extract_text"]

_LAZY = {"extract_file": "pipeline", "extract_text": "pipeline", "Task": "models", "TaskGraph": "models"}


def __getattr__(name: str) -> Any:
    """Import the pipeline on first use, so that ``import vbpl_extract`` (and ``--version``) stays fast."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
