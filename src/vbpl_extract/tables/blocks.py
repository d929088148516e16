"""What a found table is: spans of its rows and cells into the text (nothing copied), and a cell's display text.

>>> cell_text("| Sở Tài chính |", CellBlock(2, 14))
'Sở Tài chính'
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import regex

from vbpl_extract.textutil import display


@dataclass(frozen=True)
class CellBlock:
    """Trimmed span of one cell's content (``start == end`` for an empty cell)."""

    start: int
    end: int


@dataclass(frozen=True)
class RowBlock:
    """One table row: its span (pipes/tags included) and exactly one cell per column."""

    start: int
    end: int
    cells: tuple[CellBlock, ...]


@dataclass(frozen=True)
class TableBlock:
    """A table: its span, its rows (header rows first) and the layout it was found in."""

    start: int
    end: int
    rows: tuple[RowBlock, ...]
    header_rows: int
    style: str  # "flat" | "markdown" | "html"

_TAG = regex.compile(r"<br\s*/?>|</?[A-Za-z][^<>]*>")


def cell_text(text: str, cell: CellBlock) -> str:
    """Display form of a cell: ``<br>`` and tags dropped, entities decoded, ``**`` and whitespace collapsed.

    >>> t = "<td>Sở TT&amp;TT;<br>UBND các huyện</td>"
    >>> cell_text(t, CellBlock(4, 35))
    'Sở TT&TT; UBND các huyện'
    """
    raw = text[cell.start : cell.end]
    if "<" in raw:
        raw = _TAG.sub(" ", raw)
    if "&" in raw:
        raw = html.unescape(raw)
    return display(raw)
