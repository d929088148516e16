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

from dataclasses import dataclass, field
from types import TracebackType


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

    def guard(self, stage: str, node_id: str | None) -> _Guard:
        """The error boundary of ``stage`` on one unit: an ``Exception`` inside is recorded, not raised."""
        return _Guard(self, stage, node_id)

    @property
    def messages(self) -> list[str]:
        return [str(w) for w in self.records]


class _Guard:
    """:meth:`Diagnostics.guard`: a plain context manager, not a ``contextlib`` generator (a stage enters one per
    unit, ~14,000 times on the bench sample; the generator form costs five times as much)."""

    __slots__ = ("log", "node_id", "stage")

    def __init__(self, log: Diagnostics, stage: str, node_id: str | None) -> None:
        self.log, self.stage, self.node_id = log, stage, node_id

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> bool:
        if isinstance(exc, Exception):  # the stage's one boundary: recorded in TaskGraph.warnings
            self.log.record(self.stage, self.node_id, exc)
            return True
        return False
