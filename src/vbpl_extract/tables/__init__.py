"""Find tables in a source text and return the spans of their rows and cells.

Three layouts occur in the corpus:

* ``flat`` - thuvienphapluat.vn dumps: every row starts with a lone ``|`` line and every cell is
  followed by a lone ``|`` line, so ``| 1 | Rà soát ... | Sở Tài chính |`` becomes::

      |
      1
      |
      Rà soát, kịp thời cụ thể hoá các cơ chế
      |
      Sở Tài chính
      |

* ``markdown`` - ``| TT | Nhiệm vụ | Cơ quan chủ trì |`` rows, with or without ``|---|``;
* ``html`` - ``<table>`` elements inside .md files (PDF converters).

Nothing is copied: every :class:`CellBlock` is a ``[start, end)`` span into the text, trimmed of
whitespace and markdown ``**``. Rows of a table all have the same number of cells; cells a row
does not have (group rows such as ``**I** | **Giai đoạn 2025-2027**``, rowspans) are empty
(``start == end``).

>>> t = "| TT | Nhiệm vụ | Cơ quan chủ trì |\\n|---|---|---|\\n| 1 | Rà soát | Sở Tài chính |\\n"
>>> [cell_text(t, c) for c in find_tables(t)[0].rows[1].cells]
['1', 'Rà soát', 'Sở Tài chính']

One file per part: ``blocks`` (what a table is), ``columns`` (cells as columns), and one finder per
layout: ``flat``, ``markdown``, ``html``.
"""

from __future__ import annotations

from collections.abc import Collection

from .blocks import CellBlock, RowBlock, TableBlock, cell_text
from .flat import _find_flat
from .html_tables import _find_html
from .markdown import _find_markdown
from .stacked import _find_stacked

__all__ = ["CellBlock", "RowBlock", "TableBlock", "cell_text", "find_tables"]

def find_tables(text: str, furniture: Collection[int] = ()) -> list[TableBlock]:
    """All tables of ``text`` in order, non-overlapping; never modifies or copies the text.

    ``furniture``: the start offsets of lines that are page furniture (a running head, a page number), which a
    table of cells one to a line skips.

    >>> t = "|\\n**TT**\\n|\\n**Nhiệm vụ**\\n|\\n**Cơ quan chủ trì**\\n|\\n|\\n1\\n|\\nRà soát\\n|\\nSở Tài chính\\n|\\n"
    >>> tables = find_tables(t)
    >>> tables[0].style, len(tables[0].rows), tables[0].header_rows
    ('flat', 2, 1)
    """
    found = _find_html(text) + _find_markdown(text) + _find_flat(text) + _find_stacked(text, furniture)
    found.sort(key=lambda t: (t.start, -t.end))
    result: list[TableBlock] = []
    last_end = -1
    for table in found:
        if table.start >= last_end:
            result.append(table)
            last_end = table.end
    return result
