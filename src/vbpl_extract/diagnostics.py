"""Stage warnings: what one stage could not do on one unit, kept instead of swallowed.

Each stage has one error boundary (per paragraph, per node); a failure there is recorded here and
the rest of the document goes on. The pipeline copies the records into ``TaskGraph.warnings`` as
``"<stage> <node id>: <ErrorClass>: <message>"``; ``extract --strict`` turns any into a failure.

>>> log = Diagnostics()
>>> with log.guard("tasks", "art_2__para_1"):
...     raise ValueError("Điều 2 không đọc được")
>>> log.messages
['tasks art_2__para_1: ValueError: Điều 2 không đọc được']
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True)
class StageWarning:
    """One failure of one stage on one unit."""

    stage: str
    node_id: str | None
    error: str
    message: str

    def __str__(self) -> str:
        where = f"{self.stage} {self.node_id}" if self.node_id else self.stage
        return f"{where}: {self.error}: {self.message}"


@dataclass
class Diagnostics:
    """The warnings of one document run, in the order they happened (each distinct one once)."""

    records: list[StageWarning] = field(default_factory=list)

    def record(self, stage: str, node_id: str | None, exc: BaseException) -> None:
        """Keep ``exc`` as a warning of ``stage`` on ``node_id``."""
        w = StageWarning(stage, node_id, type(exc).__name__, " ".join(str(exc).split())[:300])
        if w not in self.records:
            self.records.append(w)

    @contextmanager
    def guard(self, stage: str, node_id: str | None) -> Iterator[None]:
        """The error boundary of ``stage`` on one unit: an ``Exception`` inside is recorded, not raised."""
        try:
            yield
        except Exception as exc:  # the stage's one boundary: recorded in TaskGraph.warnings
            self.record(stage, node_id, exc)

    @property
    def messages(self) -> list[str]:
        return [str(w) for w in self.records]
