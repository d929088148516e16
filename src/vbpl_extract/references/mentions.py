"""What the finders return: one place a document is cited (:class:`ReferenceMention`) and one
cited document with all its places (:class:`ResolvedReference`).

>>> m = ReferenceMention(0, 24, "Nghị quyết số 57-NQ/TW", "full", number="57-NQ/TW", type="Nghị quyết")
>>> m.kind, m.pinpoint
('full', None)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..textutil import display


@dataclass(frozen=True)
class ReferenceMention:
    """One place where a document is cited.

    ``Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị`` -> kind ``full``, number
    ``57-NQ/TW``, type ``Nghị quyết``, date 2024-12-22, issuer ``Bộ Chính trị``.
    """

    start: int
    end: int
    text: str
    kind: str  # full | short | name | self | internal | url
    number: str | None = None
    type: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None
    relation: str = "mention"
    internal_target: str | None = None
    year: int | None = None  # "năm 2024", "(2013)": the year when no full date is given
    pinpoint: str | None = None  # "khoản 3 Điều 12 Nghị định số 45/2020/NĐ-CP" -> "art_12__para_3"


@dataclass(frozen=True)
class ResolvedReference:
    """One distinct document: ``ref_57_nq_tw`` with all the places that cite it."""

    id: str
    number: str | None
    type: str | None
    title: str | None
    issuer: str | None
    date: dt.date | None
    relation: str
    mentions: tuple[ReferenceMention, ...] = field(default_factory=tuple)
    target: str | None = None  # self / internal: "self", "attachment" or a structure id path
    url: str | None = None
    year: int | None = None

    def to_model(self, offset: int = 0, node_ids: Callable[[int, int], str | None] | None = None) -> Any:
        """The output model (``models.Reference``); spans shifted by ``offset``, ``node_ids(start, end)`` fills Mention.node_id."""
        from ..models import Mention, Reference

        mentions = [
            Mention(text=display(m.text), span=(m.start + offset, m.end + offset), relation=m.relation,
                    node_id=node_ids(m.start, m.end) if node_ids else None)
            for m in self.mentions
        ]
        return Reference(id=self.id, number=self.number, type=self.type, title=self.title, issuer=self.issuer,
                         date=self.date.isoformat() if self.date else None, relation=self.relation,
                         target=self.target, url=self.url, mentions=mentions)
