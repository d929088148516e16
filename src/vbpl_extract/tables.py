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
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from vbpl_extract.textutil import display, fold_tones, match_key

__all__ = ["CellBlock", "RowBlock", "TableBlock", "cell_text", "find_tables"]


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


def find_tables(text: str) -> list[TableBlock]:
    """All tables of ``text`` in order, non-overlapping; never modifies or copies the text.

    >>> t = "|\\n**TT**\\n|\\n**Nhiệm vụ**\\n|\\n**Cơ quan chủ trì**\\n|\\n|\\n1\\n|\\nRà soát\\n|\\nSở Tài chính\\n|\\n"
    >>> tables = find_tables(t)
    >>> tables[0].style, len(tables[0].rows), tables[0].header_rows
    ('flat', 2, 1)
    """
    found = _find_html(text) + _find_markdown(text) + _find_flat(text)
    found.sort(key=lambda t: (t.start, -t.end))
    result: list[TableBlock] = []
    last_end = -1
    for table in found:
        if table.start >= last_end:
            result.append(table)
            last_end = table.end
    return result


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


# --------------------------------------------------------------------------- shared helpers

_WS_CHARS = " \t\r\n\f\v\u00a0\u200b\ufeff"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace and ``**`` on both sides."""
    while True:
        while start < end and text[start] in _WS_CHARS:
            start += 1
        while end > start and text[end - 1] in _WS_CHARS:
            end -= 1
        changed = False
        if end - start >= 2 and text.startswith("**", start):
            start += 2
            changed = True
        if end - start >= 2 and text.startswith("**", end - 2):
            end -= 2
            changed = True
        if not changed:
            return start, end


def _key(text: str, start: int, end: int, limit: int = 300) -> str:
    """Lower-cased, tone-folded display text of a span (first ``limit`` characters only)."""
    return match_key(display(text[start : min(end, start + limit)]))


# Row labels (on the lower-cased key): "1", "12.", "I", "II.", "I.1", "11.3", "a", "a)", "A.", "(1)", "1a".
_LABEL = regex.compile(
    r"(?:\d{1,3}(?:\.\d{1,3}){0,3}|[ivxlc]{1,6}(?:\.\d{1,3}){0,2}|[a-zđ]|\(\d{1,3}\)|\d{1,3}[a-zđ])[.)]?",
    regex.V1,
)
_TT = regex.compile(r"s?tt|số\s*tt|số\s*thứ\s*tự|thứ\s*tự|tt\s*\(?\d?\)?", regex.V1)
_HEADER_WORDS = regex.compile(
    r"\b(?:s?tt|nội dung|nhiệm vụ|giải pháp|chỉ tiêu|cơ quan|đơn vị|chủ trì|phối hợp|thời gian|thời hạn|"
    r"tiến độ|sản phẩm|kết quả|ghi chú|tên|nguồn|kinh phí|mã số|định mức|số lượng|hoạt động|dự án|"
    r"lĩnh vực|địa bàn|mục tiêu|trách nhiệm|hình thức|dự kiến|chương trình|đề án|lộ trình|phân công|"
    r"văn bản|căn cứ|yêu cầu|chỉ số|năm)\b",
    regex.V1,
)
_BAD_HEADER = regex.compile(r"phụ lục|kèm theo|nơi nhận|số hiệu|ngày ban hành|tình trạng|^#", regex.V1)
_AGENCY = regex.compile(
    r"(?:các\s+)?(?:bộ|sở|ubnd|ủy ban|cơ quan|ban|văn phòng|công an|trung tâm|hội|liên hiệp|viện|trường|"
    r"đài|báo|tổng cục|cục|vụ|thanh tra|kho bạc|ngân hàng|tòa án|viện kiểm sát|tỉnh|thành phố|huyện|xã|"
    r"phường|doanh nghiệp|tập đoàn|tổng công ty|đoàn|mặt trận|vtv|vov|ttxvn)\b",
    regex.V1,
)
_TIME = regex.compile(
    r"\b(?:20\d\d|19\d\d|quý|tháng|năm|hằng|hàng|thường xuyên|giai đoạn|định kỳ|trước ngày)\b", regex.V1
)
_NUMERIC = regex.compile(r"[\d.,%≥≤<>=+\-–/ x\"]+", regex.V1)


def _is_label(key: str) -> bool:
    """``1``, ``12.``, ``II``, ``I.1``, ``a)``: the number of a row (``key`` is lower-cased)."""
    return 0 < len(key) <= 12 and _LABEL.fullmatch(key) is not None


def _features(key: str) -> tuple[float, ...]:
    """A small feature vector used to align a short row's cells with the table's columns."""
    if not key:
        return (0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (
        1.0 if _is_label(key) else 0.0,
        1.0 if _AGENCY.match(key.lstrip("-–+•* ")) else 0.0,
        1.0 if _TIME.search(key[:80]) and len(key) < 120 else 0.0,
        min(len(key), 300) / 150.0,
        0.0,
        1.0 if key[:1] in "-–+•" else 0.0,
        1.0 if _NUMERIC.fullmatch(key) else 0.0,
    )


def _align(feats: Sequence[tuple[float, ...]], profiles: Sequence[tuple[float, ...]]) -> list[int]:
    """Columns for the ``k`` cells of a short continuation row among ``n`` columns.

    The cells a row lacks are those spanning down from the row above; they form a block at the start
    and/or the end, so the row takes ``k`` consecutive columns: the block whose column profiles
    (:func:`_features` averaged over full rows) fit best, the rightmost on ties.
    """
    k, n = len(feats), len(profiles)
    if k >= n:
        return list(range(k))
    best_start, best_score = n - k, float("-inf")
    for start in range(n - k, -1, -1):
        score = -sum(abs(a - b) for i in range(k) for a, b in zip(feats[i], profiles[start + i], strict=True))
        if score > best_score + 1e-9:
            best_start, best_score = start, score
    return list(range(best_start, best_start + k))


def _pad_row(start: int, end: int, cells: Sequence[CellBlock], cols: Sequence[int], n: int) -> RowBlock:
    """A row of exactly ``n`` cells: ``cells[i]`` at ``cols[i]``, empty cells elsewhere."""
    out: list[CellBlock | None] = [None] * n
    for cell, col in zip(cells, cols, strict=False):
        if col < n:
            out[col] = cell
    filled: list[CellBlock] = []
    nxt = end
    for col in range(n - 1, -1, -1):
        cell = out[col]
        if cell is None:
            cell = CellBlock(nxt, nxt)
        else:
            nxt = cell.start
        filled.append(cell)
    return RowBlock(start, end, tuple(reversed(filled)))


# --------------------------------------------------------------------------- flat (thuvienphapluat)

_LONE_PIPE = regex.compile(r"^[ \t]*\|[ \t]*$", regex.MULTILINE)
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
_PRUNE = 4.0  # drop row starts scoring this much below the best reading so far


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
        a, b = self.pend[j], self.pstart[j + 1]
        return b - a <= 1 or self.text[a:b].isspace()

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
        extend(j + n + 1)
        key = flat.key(j)
        label = _is_label(key)
        bold = False if label or not key else flat.bold(j)
        empties = inner = 0
        for k in range(1, n + 1):
            e = j + k  # end pipe
            if e > last_pipe or bad[e - first] != bad[e - 1 - first]:
                break
            if k > 1:
                if filled[e - first] == filled[e - 1 - first]:
                    empties += 1
                else:
                    inner = empties
            score = state[0] + _row_score(key, label, k, n, bold, empties, inner)
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
    for idx, (j, k) in enumerate(spans):
        k = min(k, n)
        cells = [CellBlock(*flat.trimmed(s)) for s in range(j, j + k)]
        start, end = flat.pstart[j], flat.pend[j + k]
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


# --------------------------------------------------------------------------- markdown

# lines with two pipes or more, and "|---" separators: lone '|' lines (flat layout) never match
_MD_CANDIDATE = regex.compile(
    r"^[^\n|]*\|[^\n|]*\|[^\n]*$|^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|[^\n]*$|^[ \t]*\|[ \t]*:?-{3,}[^\n]*$",
    regex.MULTILINE,
)
_UNESCAPED_PIPE = regex.compile(r"(?<!\\)\|")
_SEPARATOR = regex.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*\r?\n?")


def _md_cells(text: str, start: int, end: int) -> list[CellBlock] | None:
    """Cells of the markdown row ``text[start:end]`` (newline excluded), or None if it is not a row.

    ``| TT | Nhiệm vụ |`` and ``| TT | Nhiệm vụ`` have a leading pipe; ``1 | Mẫu số 01 | Đơn đề nghị |``
    (thuvienphapluat) has none but ends with one. Escaped ``\\|`` stays inside its cell.
    """
    line = text[start:end]
    stripped = line.strip()
    pipes = [start + m.start() for m in _UNESCAPED_PIPE.finditer(line)]
    if len(pipes) < 2:
        return None
    lead = stripped.startswith("|")
    if not lead and not stripped.endswith("|"):
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
                continue
            block.append((start, end, cells))
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


# --------------------------------------------------------------------------- html

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
