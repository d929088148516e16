"""Tie the stages together: ``extract_file(path) -> TaskGraph``.

>>> graph = extract_file("../shared/corpus/seeds/004_73d4ecd4209fcbe0.txt")  # doctest: +SKIP
>>> graph.document.number  # doctest: +SKIP
'03/NQ-CP'
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import __version__
from .models import DocumentInfo, SourceInfo, TaskGraph

PIPELINE_VERSION = __version__


def extract_text(text: str, *, path: str = "<text>", fmt: str = "txt", encoding: str | None = None,
                 sha256: str | None = None) -> TaskGraph:
    """Run the pipeline on an already decoded text (placeholder until the stages land)."""
    return TaskGraph(
        pipeline_version=PIPELINE_VERSION,
        source=SourceInfo(path=path, format=fmt, encoding=encoding, sha256=sha256, length=len(text)),
        document=DocumentInfo(),
    )


def extract_file(path: str | Path) -> TaskGraph:
    """Read a file and run the pipeline on it."""
    data = Path(path).read_bytes()
    text = data.decode("utf-8-sig")
    return extract_text(text, path=str(path), fmt=Path(path).suffix.lstrip(".") or "txt",
                        encoding="utf-8", sha256=hashlib.sha256(data).hexdigest())
