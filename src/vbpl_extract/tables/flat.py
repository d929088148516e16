"""thuvienphapluat.vn dumps: every row starts with a lone ``|`` line and every cell is followed by one.

>>> t = "|\\nTT\\n|\\nNhiệm vụ\\n|\\nCơ quan chủ trì\\n|\\n|\\n1\\n|\\nRà soát\\n|\\nSở Tài chính\\n|\\n"
>>> [len(r.cells) for r in _find_flat(t)[0].rows]
[3, 3]
"""

from __future__ import annotations

import regex

from vbpl_extract.textutil import fold_tones

from .blocks import CellBlock, RowBlock, TableBlock
from .columns import _BAD_HEADER, _HEADER_WORDS, _TT, _align, _features, _is_label, _pad_row, _trim

_LONE_PIPE = regex.compile(r"^[ \t]*\|[ \t]*$", regex.MULTILINE)
# a line of dots (and ellipses) alone: rows left out of the source
_ELISION = regex.compile(r"\s*[.…]{3,}\s*")
_MAX_COLS = 40
# "PHỤ LỤC II DANH MỤC ...", "(Kèm theo Quyết định số ...)": the title of the next appendix, not a cell
# a signature block, the national motto, another table's "STT" header: not a body cell either
_NOT_A_CELL = regex.compile(
    r"phụ lục\s+[ivxlc\d]+\b|phụ lục\s*$|phụ lục\s+(?:danh|kèm)|\(?kèm theo\b|nơi nhận\b|kính gửi\b|"
    r"cộng hòa xã hội chủ nghĩa|(?:s?tt|số tt|số thứ tự)\.?$",
    regex.V1,
)
_NOT_A_CELL_FIRST = frozenset("pkncst(")
_BAD_PREFIXES = ("phụ lục", "(kèm", "kèm", "nơi nhận", "kính gửi", "cộng h", "stt", "tt", "số t", "thứ tự")
_STRIP = " \t\r\n\f\v\u00a0\u200b\ufeff*"
_BAD_CELL_CHARS = 6000
_PRUNE = 4.0
_SPARE_CELLS = 3  # blank cells a full row may carry past the table's width  # drop row starts scoring this much below the best reading so far


class _Flat:
    """Lone-pipe lines ``P_0..P_{m-1}`` and the segments between them (``S_j`` lies between P_j and P_j+1)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pstart: list[int] = []
        self.pend: list[int] = []
        for m in _LONE_PIPE.finditer(text):
            self.pstart.append(m.start())
            self.pend.append(m.end())
        self.nseg = max(0, len(self.pstart) - 1)
        self._trimmed: dict[int, tuple[int, int]] = {}
        self._keys: dict[int, str] = {}
        self._bad: dict[int, bool] = {}

    def seg(self, j: int) -> tuple[int, int]:
        return self.pend[j], self.pstart[j + 1]

    def empty(self, j: int) -> bool:
        """An empty segment (between two rows), or a line of dots standing for rows the source leaves out
        ("|\\n….................................\\n|\\n2\\n|", 980/KH-UBND of Nghệ An, Phụ lục): the next row starts."""
        a, b = self.pend[j], self.pstart[j + 1]
        return b - a <= 1 or self.text[a:b].isspace() or _ELISION.fullmatch(self.text, a, b) is not None

    def trimmed(self, j: int) -> tuple[int, int]:
        got = self._trimmed.get(j)
        if got is None:
            got = self._trimmed[j] = _trim(self.text, *self.seg(j))
        return got

    def key(self, j: int) -> str:
        """Cheap lower-cased key of a segment (first 200 characters, ``*`` dropped, spaces collapsed)."""
        got = self._keys.get(j)
        if got is None:
            a, b = self.trimmed(j)
            got = self._keys[j] = " ".join(self.text[a : min(b, a + 200)].replace("*", " ").split()).lower()
        return got

    def bold(self, j: int) -> bool:
        a, b = self.seg(j)
        return self.text[a : min(b, a + 40)].lstrip().startswith("**")

    def size(self, j: int) -> int:
        return self.pstart[j + 1] - self.pend[j]

    def bad(self, j: int) -> bool:
        """A segment no table cell is: kilobytes of running text, a markdown heading, an appendix title."""
        got = self._bad.get(j)
        if got is None:
            if self.size(j) > _BAD_CELL_CHARS or self.text.startswith("#", self.trimmed(j)[0]):
                got = True
            else:
                key = self.key(j)
                got = key[:1] in _NOT_A_CELL_FIRST and _NOT_A_CELL.match(fold_tones(key)) is not None
            self._bad[j] = got
        return got


def _find_flat(text: str) -> list[TableBlock]:
    flat = _Flat(text)
    if flat.nseg < 4:
        return []
    tables: list[TableBlock] = []
    j = 0
    run_start = 0  # first segment of the current run of non-empty segments
    while j < flat.nseg:
        if not flat.empty(j):
            j += 1
            continue
        # segment j is empty: the run run_start..j-1 may end with a header row
        header = _flat_header(flat, run_start, j) if j - run_start >= 3 else None
        if header is not None:
            found = _flat_table(flat, header, j)
            if found is not None:
                tables.append(found[0])
                j = run_start = found[1]  # the segment after the table's last pipe
                continue
        j += 1
        run_start = j
    return tables


def _flat_header(flat: _Flat, run_start: int, gap: int) -> int | None:
    """First segment of a header row ending just before the empty segment ``gap``, if any.

    ``**TT** | **Nhiệm vụ** | **Cơ quan chủ trì**`` qualifies (a TT/STT cell followed by at least two
    cells); so do three or more cells that all hold header words (``Nội dung``, ``Đơn vị``...).
    """
    lo = max(run_start, gap - _MAX_COLS)
    tt_start: int | None = None
    words_start: int | None = None
    words_open = True
    for j in range(gap - 1, lo - 1, -1):
        if flat.size(j) > 400:
            break
        key = flat.key(j)
        if not key or len(key) > 150 or _BAD_HEADER.search(key):
            break
        if _TT.fullmatch(key.rstrip(".: ")):
            tt_start = j
            break
        if words_open and _HEADER_WORDS.search(key):
            words_start = j
        else:
            words_open = False
    if tt_start is not None and gap - tt_start >= 3:
        return tt_start
    if words_start is not None and gap - words_start >= 3:
        return words_start
    return None


def _row_score(key: str, label: bool, k: int, n: int, bold: bool, empties: int, inner: int) -> float:
    """Plausibility of a row of ``k`` cells in a table of ``n`` columns, given its first cell's key.

    ``label``: the first cell is a row number; ``empties`` counts the empty cells after the first,
    ``inner`` those before the last filled one. Full rows opening with a number (``1``, ``I.1``,
    ``a)``) score best; a full row that does not open with one and has empty cells inside is more
    likely two continuation rows of a rowspan (``- Rà soát ... | Giai đoạn 2026 - 2027`` twice) than
    one row; "P. | MẶT TRẬN ... | | | Mặt trận ..." is a group row followed by a row.
    """
    if k == n:
        if label:
            return 2.2 - 0.3 * inner
        if not key and empties == k - 1:
            return -1.0  # a run of lone '|' lines, not a row
        return (1.4 if key else 1.2) - 0.3 * empties
    if not key:
        return -2.0
    if label:
        return 1.2 if k <= 2 else 1.0
    return 0.9 if bold else 0.8


def _segment_rows(
    flat: _Flat, first: int, n: int, limit: int | None = None
) -> tuple[float, list[tuple[int, int]]]:
    """Best segmentation of the segments from ``first`` into rows of at most ``n`` cells.

    A row starting at pipe ``j`` with ``k`` cells (segments ``j..j+k-1``) ends at pipe ``j+k``; the
    next row starts at pipe ``j+k+1`` when the segment between them is empty, otherwise the table
    ends. Dynamic programme over row starts, linear in the number of pipes times ``n``.
    Returns (score, [(first segment, k), ...]).
    """
    last_pipe = len(flat.pstart) - 1
    # row start -> (score, previous row start, previous row's k)
    best: dict[int, tuple[float, int, int]] = {first: (0.0, -1, 0)}
    end_best = (0.0, -1, 0)  # (score, last row start, k)
    horizon = first
    stop = last_pipe if limit is None else min(last_pipe, first + limit)
    # prefix counts from `first`: filled[i] / bad[i] = filled / bad segments among first..first+i-1
    filled, bad = [0], [0]

    def extend(upto: int) -> None:
        text, pstart, pend = flat.text, flat.pstart, flat.pend
        for s in range(first + len(filled) - 1, min(upto, flat.nseg)):
            a, b = pend[s], pstart[s + 1]
            head = text[a : min(b, a + 60)].lstrip(_STRIP)
            filled.append(filled[-1] + (1 if head else 0))
            is_bad = head[:1] == "#" or (head[:10].lower().startswith(_BAD_PREFIXES) and flat.bad(s))
            bad.append(bad[-1] + (b - a > _BAD_CELL_CHARS or is_bad))

    j = first
    while j <= horizon and j < stop:
        state = best.get(j)
        if state is None or state[0] < end_best[0] - _PRUNE:
            j += 1
            continue
        extend(j + n + 1 + _SPARE_CELLS)
        key = flat.key(j)
        label = _is_label(key)
        bold = False if label or not key else flat.bold(j)
        empties = inner = 0
        full_score = 0.0
        for k in range(1, n + 1 + _SPARE_CELLS):
            e = j + k  # end pipe
            if e > last_pipe or bad[e - first] != bad[e - 1 - first]:
                break
            blank = filled[e - first] == filled[e - 1 - first]
            if k > n:
                # a full row written with blank cells past the table's width ("5.1 | ** ** | Thương mại
                # | ** ** | ** ** | ** ** | ** **" in six columns): the blank cells are no columns; a bare lone
                # '|' stays what ends the row
                if not blank or flat.empty(e - 1):
                    break
                score = full_score
            else:
                if k > 1:
                    if blank:
                        empties += 1
                    else:
                        inner = empties
                score = state[0] + _row_score(key, label, k, n, bold, empties, inner)
                full_score = score
            if score > end_best[0]:
                end_best = (score, j, k)
            if e < last_pipe and flat.empty(e):
                old = best.get(e + 1)
                if old is None or score > old[0]:
                    best[e + 1] = (score, j, k)
                    horizon = max(horizon, e + 1)
        j += 1
    rows: list[tuple[int, int]] = []
    _, j, k = end_best
    while j >= 0:
        rows.append((j, k))
        j, k = best[j][1], best[j][2]
    rows.reverse()
    return end_best[0], rows


def _flat_table(flat: _Flat, h0: int, gap: int) -> tuple[TableBlock, int] | None:
    """The table whose header row is segments ``h0..gap-1``, and the segment after its last pipe."""
    hlen = gap - h0
    first = gap + 1
    if first >= flat.nseg:
        return None
    # candidate column counts: the header's, and raw row lengths (rows split at empty segments)
    cands = {hlen}
    length, seen, j = 0, 0, first
    while j < flat.nseg and seen < 60 and j < first + 2000:
        if flat.empty(j):
            if hlen < length <= _MAX_COLS:
                cands.add(length)
            length, seen = 0, seen + 1
        else:
            length += 1
        j += 1
    if len(cands) > 1:
        scored = []
        for n in cands:
            score, rows = _segment_rows(flat, first, n, limit=400)
            scored.append((sum(1 for _, k in rows if k == n), score, -n))
        scored.sort()
        n = -scored[-1][2]
    else:
        n = hlen
    _, body = _segment_rows(flat, first, n)
    spans = [(h0, hlen), *body]
    # header rows: the first, plus following rows in bold without a label, or column numbers (A, B, 1, 2)
    header_rows = 1
    for j, k in body[:3]:
        keys = [flat.key(s) for s in range(j, j + k)]
        if k < 2:
            break
        bold = all(flat.bold(s) or not flat.key(s) for s in range(j, j + k)) and not _is_label(keys[0])
        numbers = k >= 3 and all(regex.fullmatch(r"\(?[a-zđ0-9]{1,3}\)?", x) for x in keys if x) and all(keys)
        if not (bold or numbers):
            break
        header_rows += 1
    if len(body) + 1 - header_rows < 1:
        return None
    # column profiles from full data rows
    full = [(j, k) for j, k in spans[header_rows:] if k == n]
    profiles: list[tuple[float, ...]] | None = None
    if full:
        sums = [[0.0] * 7 for _ in range(n)]
        for j, _k in full[:200]:
            for c in range(n):
                for f, v in enumerate(_features(flat.key(j + c))):
                    sums[c][f] += v
        count = float(min(len(full), 200))
        profiles = [tuple(v / count for v in col) for col in sums]
    rows: list[RowBlock] = []
    for idx, (j, written) in enumerate(spans):
        k = min(written, n)
        cells = [CellBlock(*flat.trimmed(s)) for s in range(j, j + k)]
        start, end = flat.pstart[j], flat.pend[j + written]
        if k == n or idx < header_rows:
            cols = list(range(k))
        else:
            key0 = flat.key(j)
            if _is_label(key0) or flat.bold(j):
                cols = list(range(k))  # group row or missing trailing cells: pad at the end
            elif profiles is None:
                cols = list(range(n - k, n))  # continuation of a row whose first cells span down
            else:
                cols = _align([_features(flat.key(s)) for s in range(j, j + k)], profiles)
        rows.append(_pad_row(start, end, cells, cols, n))
    if n < 2:
        return None
    last_j, last_k = spans[-1]
    return TableBlock(rows[0].start, rows[-1].end, tuple(rows), header_rows, "flat"), last_j + last_k
