"""HTML ``<table>`` elements inside .md files (PDF converters): rowspan and colspan laid out on a grid.

>>> t = "<table><tr><td>TT</td><td>Nhiệm vụ</td></tr><tr><td>1</td><td>Rà soát</td></tr></table>"
>>> len(_find_html(t)[0].rows)
2
"""

from __future__ import annotations

import regex

from .blocks import CellBlock, RowBlock, TableBlock, cell_text
from .columns import _pad_row, _trim
from .flat import _MAX_COLS

_TABLE = regex.compile(r"<table\b[^>]*>.*?</table\s*>", regex.IGNORECASE | regex.DOTALL)
_HTML_TOKEN = regex.compile(
    r"<(?P<close>/?)(?P<tag>tr|td|th|thead|tbody|tfoot|table)\b(?P<attrs>[^>]*)>", regex.IGNORECASE
)
_SPAN_ATTR = regex.compile(r"""\b(rowspan|colspan)\s*=\s*["']?(\d+)""", regex.IGNORECASE)


def _find_html(text: str) -> list[TableBlock]:
    if "<t" not in text and "<T" not in text:
        return []
    tables: list[TableBlock] = []
    for m in _TABLE.finditer(text):
        table = _html_table(text, m.start(), m.end())
        if table is not None:
            tables.append(table)
    return tables


def _html_check(fragment: str) -> list[int] | None:
    """Cells per row according to a real HTML parser (selectolax), or None when unavailable."""
    try:
        from selectolax.parser import HTMLParser
    except ImportError:  # pragma: no cover - selectolax is a dependency
        return None
    tree = HTMLParser(fragment)
    return [len(tr.css("td, th")) for tr in tree.css("tr")]


def _html_table(text: str, start: int, end: int) -> TableBlock | None:
    # raw rows: (row start, row end, in thead, [(cell span, is th, rowspan, colspan)])
    raw: list[tuple[int, int, bool, list[tuple[CellBlock, bool, int, int]]]] = []
    in_head = False
    row: list[tuple[CellBlock, bool, int, int]] | None = None
    row_start = start
    cell_open: tuple[int, bool, int, int] | None = None  # content start, is th, rowspan, colspan

    def close_cell(at: int) -> None:
        nonlocal cell_open
        if cell_open is not None and row is not None:
            a, is_th, rs, cs = cell_open
            row.append((CellBlock(*_trim(text, a, at)), is_th, rs, cs))
        cell_open = None

    def close_row(at: int) -> None:
        nonlocal row
        close_cell(at)
        if row is not None:
            raw.append((row_start, at, in_head, row))
        row = None

    for m in _HTML_TOKEN.finditer(text, start, end):
        tag = m.group("tag").lower()
        closing = bool(m.group("close"))
        if tag in ("td", "th"):
            if closing:
                close_cell(m.start())
                continue
            if row is None:
                row, row_start = [], m.start()
            close_cell(m.start())
            spans = {k.lower(): int(v) for k, v in _SPAN_ATTR.findall(m.group("attrs"))}
            cell_open = (
                m.end(),
                tag == "th",
                max(1, min(spans.get("rowspan", 1), 100)),
                max(1, min(spans.get("colspan", 1), _MAX_COLS)),
            )
        elif tag == "tr":
            if closing:
                close_row(m.end())
            else:
                close_row(m.start())
                row, row_start = [], m.start()
        elif tag == "thead":
            close_row(m.start())
            in_head = not closing
        elif tag in ("tbody", "tfoot"):
            close_row(m.start())
            in_head = False
        elif tag == "table" and closing:
            close_row(m.start())
    close_row(end)
    raw = [r for r in raw if r[3]]
    if not raw:
        return None
    checked = _html_check(text[start:end])
    if checked is not None and not any(checked):
        return None  # the parser sees no cell at all: not a table we can read
    # grid with rowspan/colspan: a spanned cell repeats the same span
    grid: list[list[CellBlock]] = []
    pending: dict[int, tuple[CellBlock, int]] = {}  # column -> (cell, rows left)
    for _, _, _, cells in raw:
        out: list[CellBlock] = []
        col = 0
        queue = list(cells)
        while queue or any(c >= col for c in pending):
            if col in pending:
                cell, left = pending[col]
                out.append(cell)
                if left <= 1:
                    del pending[col]
                else:
                    pending[col] = (cell, left - 1)
                col += 1
                continue
            if not queue:
                col += 1
                if col > _MAX_COLS * 4:
                    break
                out.append(CellBlock(-1, -1))
                continue
            cell, _, rs, cs = queue.pop(0)
            for _ in range(cs):
                out.append(cell)
                if rs > 1:
                    pending[col] = (cell, rs - 1)
                col += 1
        grid.append(out)
    n = max(len(r) for r in grid)
    rows: list[RowBlock] = []
    for (rs, re_, _, _), cells in zip(raw, grid, strict=True):
        fixed = [c if c.start >= 0 else CellBlock(re_, re_) for c in cells]
        rows.append(_pad_row(rs, re_, fixed, range(len(fixed)), n))
    header_rows = 0
    for _, _, head, cells in raw:
        if head or all(is_th for _, is_th, _, _ in cells):
            header_rows += 1
        else:
            break
    return TableBlock(start, end, tuple(rows), header_rows, "html")


# --------------------------------------------------------------------------- flattened duplicates

_FLAT_SEPARATOR = regex.compile(r"\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+")
_FLAT_ROW: dict[int, regex.Pattern[str]] = {}
MIN_REPEATED = 0.5
"""Share of a flattened table's non-empty cells that must repeat a cell of the HTML tables just read."""


def _flat_row(columns: int) -> regex.Pattern[str]:
    """One flattened row of ``columns`` cells: `` |a|b|c|`` (a space before the opening pipe)."""
    if columns not in _FLAT_ROW:
        _FLAT_ROW[columns] = regex.compile(rf"[ \t]?\|(?:[^|\n\r]*\|){{{columns}}}")
    return _FLAT_ROW[columns]


def _flat_cells(segment: str) -> list[str]:
    """Display texts of the cells of a flattened segment (the separator's dashes dropped)."""
    return [cell_text(c, CellBlock(0, len(c))) for c in segment.split("|")]


def flattened_duplicates(text: str, start: int, end: int, tables: list[TableBlock]) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` (one line) that repeat, flattened, the HTML tables just before it.

    PDF-to-Markdown converters write a table as an HTML block and then again as one line: a
    ``|---|---|`` separator followed by every row as ``|cell|cell|``, rows joined by a space, and
    sometimes the next paragraph or a page number glued on after the last row. A segment counts as
    a duplicate when at least half of its non-empty cells are cells of the HTML tables that end
    right before the line (only whitespace between them); the text around the segments is kept.

    >>> t = "<table><tr><td>1</td><td>Sở Y tế</td></tr></table>\\n|---|---| |1|Sở Y tế|    - Kết quả"
    >>> tables = _find_html(t)
    >>> s, e = flattened_duplicates(t, t.index("|"), len(t), tables)[0]
    >>> t[s:e], t[e:].strip()
    ('|---|---| |1|Sở Y tế|', '- Kết quả')
    """
    if "---" not in text[start:end]:
        return []
    before: set[str] = set()
    pos = start
    for table in reversed(tables):  # the HTML tables right above the line, back to the first text
        if table.end > pos:
            continue
        if table.style != "html" or text[table.end:pos].strip():
            break
        before.update(cell_text(text, c) for row in table.rows for c in row.cells)
        pos = table.start
    before.discard("")
    if not before:
        return []
    spans: list[tuple[int, int]] = []
    for sep in _FLAT_SEPARATOR.finditer(text, start, end):
        if spans and sep.start() < spans[-1][1]:
            continue
        row_re = _flat_row(sep.group().count("|") - 1)
        stop = sep.end()
        while (row := row_re.match(text, stop, end)) is not None:
            stop = row.end()
        if stop == sep.end():
            continue
        cells = [c for c in _flat_cells(text[sep.end():stop]) if c]
        if cells and sum(c in before for c in cells) >= MIN_REPEATED * len(cells):
            spans.append((sep.start(), stop))
    return spans
