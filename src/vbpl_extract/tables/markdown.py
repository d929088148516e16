"""Markdown tables: ``| TT | Nhiệm vụ | Cơ quan chủ trì |`` rows, with or without a ``|---|`` line.

>>> t = "| TT | Nhiệm vụ |\\n|---|---|\\n| 1 | Rà soát |\\n"
>>> len(_find_markdown(t)[0].rows)
2
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .blocks import CellBlock, RowBlock, TableBlock
from .columns import _HEADER_WORDS, _TT, _key, _pad_row, _trim

# lines with two pipes or more, and "|---" separators: lone '|' lines (flat layout) never match
_MD_CANDIDATE = regex.compile(
    r"^[^\n|]*\|[^\n|]*\|[^\n]*$|^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|[^\n]*$|^[ \t]*\|[ \t]*:?-{3,}[^\n]*$",
    regex.MULTILINE,
)
_UNESCAPED_PIPE = regex.compile(r"(?<!\\)\|")
_SEPARATOR = regex.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*\r?\n?")


def _md_cells(text: str, start: int, end: int, bare: bool = False) -> list[CellBlock] | None:
    """Cells of the markdown row ``text[start:end]`` (newline excluded), or None if it is not a row.

    ``| TT | Nhiệm vụ |`` and ``| TT | Nhiệm vụ`` have a leading pipe; ``1 | Mẫu số 01 | Đơn đề nghị |``
    (thuvienphapluat) has none but ends with one. Escaped ``\\|`` stays inside its cell. A ``bare`` row has
    neither (``TT | Tên nhiệm vụ | Ghi chú``): read only as the header line right above a table's rows.
    """
    line = text[start:end]
    stripped = line.strip()
    pipes = [start + m.start() for m in _UNESCAPED_PIPE.finditer(line)]
    if len(pipes) < 2:
        return None
    lead = stripped.startswith("|")
    if not lead and not stripped.endswith("|") and not bare:
        return None
    bounds: list[tuple[int, int]] = []
    prev = pipes[0] + 1 if lead else start
    for p in pipes[1:] if lead else pipes:
        bounds.append((prev, p))
        prev = p + 1
    tail_start, tail_end = _trim(text, prev, end)
    if tail_start < tail_end:
        bounds.append((prev, end))
    return [CellBlock(*_trim(text, a, b)) for a, b in bounds]


def _find_markdown(text: str) -> list[TableBlock]:
    if "|" not in text:
        return []
    tables: list[TableBlock] = []
    # (line start, line end, cells or None for a |---| separator), consecutive lines only
    block: list[tuple[int, int, list[CellBlock] | None]] = []

    def flush() -> None:
        rows = [c for _, _, c in block if c is not None]
        has_sep = len(rows) < len(block)
        if rows and (has_sep or len(rows) >= 2) and max(len(c) for c in rows) >= 2:
            tables.append(_md_table(text, block))
        block.clear()

    prev_end = -2
    bare: tuple[int, int] | None = None  # a line of cells with no outer pipe, kept while the next line may be a row
    for m in _MD_CANDIDATE.finditer(text):
        start, end = m.start(), m.end()
        if block and start != prev_end + 1:
            flush()
        line = text[start:end]
        if _SEPARATOR.fullmatch(line):
            block.append((start, end, None))
        else:
            cells = _md_cells(text, start, end)
            if cells is None:
                if block:
                    flush()
                bare = (start, end)
                prev_end = end
                continue
            if not block and bare is not None and start == bare[1] + 1:
                # "TT | Tên nhiệm vụ | … | Ghi chú" over "1 | Tổ chức quán triệt … | Sở … |": the table's header
                head = _md_cells(text, *bare, bare=True)
                if head is not None and len(head) >= len(cells) - 1:
                    block.append((bare[0], bare[1], head))
            block.append((start, end, cells))
        bare = None
        prev_end = end
    if block:
        flush()
    return tables


def _md_table(text: str, block: Sequence[tuple[int, int, list[CellBlock] | None]]) -> TableBlock:
    n = max(len(c) for _, _, c in block if c is not None)
    rows: list[RowBlock] = []
    header_rows = 0
    seen_sep = False
    for start, end, cells in block:
        if cells is None:
            if not seen_sep and rows:
                header_rows = len(rows)
            seen_sep = True
            continue
        a, b = _trim(text, start, end)
        rows.append(_pad_row(a, b, cells, range(len(cells)), n))
    if not seen_sep and rows:
        first = [_key(text, c.start, c.end) for c in rows[0].cells]
        if (first and _TT.fullmatch(first[0].rstrip("."))) or sum(
            bool(_HEADER_WORDS.search(k)) for k in first
        ) >= 3:
            header_rows = 1
    return TableBlock(rows[0].start, rows[-1].end, tuple(rows), header_rows, "markdown")
