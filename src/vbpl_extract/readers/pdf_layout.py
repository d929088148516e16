"""Reading order of a PDF page from word coordinates: columns, paragraphs, running heads, tables.

pdfplumber gives words with their boxes. This module groups them into lines, splits a line at a
wide gap into a left and a right segment, and reads a run of such two-column lines (the header of
a Nghị định 30/2020/NĐ-CP document, the "Nơi nhận" list beside the signature) as the left column
block, then the right column block::

    VĂN PHÒNG CHÍNH PHỦ          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Số: 58/CĐ-VPCP               Độc lập - Tự do - Hạnh phúc
                                 Hà Nội, ngày 10 tháng 01 năm 2026

becomes the paragraphs ``VĂN PHÒNG CHÍNH PHỦ``, ``Số: 58/CĐ-VPCP``, then ``CỘNG HÒA …``,
``Độc lập …``, ``Hà Nội, ngày …``. Paragraph breaks (a first-line indent, a wider line gap, a
column block) end a line with two spaces (a markdown hard line break), which the clean stage reads
as a paragraph end; the two column blocks are apart by a blank line. Running
headers/footers (a line in the top or bottom band repeated on several pages) and page numbers
are dropped; a table that continues on the next page is one table: repeated header rows are
dropped and a row split by the page break is joined.

Spaces: some text layers draw words without space characters (``BộTư pháp``); words are cut
where the gap between two characters exceeds 15 % of the font size (``x_tolerance_ratio``).
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from dataclasses import dataclass, field
from typing import Any

import regex

from ._common import cell_text

__all__ = ["Block", "PageLayout", "assemble", "covered_blanks", "page_layout", "split_columns"]

X_TOLERANCE_RATIO = 0.15
"""A gap wider than this share of the font size between two characters is a space."""
COLUMN_GAP = 0.9
"""A gap wider than this many line heights, and 3 times the line's usual word gap, splits a line into columns."""
BAND = 0.1
"""Top and bottom share of the page height where running headers, footers and page numbers live."""

_PAGE_NUMBER = regex.compile(r"^\W*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?\W*$", regex.IGNORECASE)
_DIGITS = regex.compile(r"\d+")
BREAK = "\x00"
"""Internal mark of a paragraph end; rendered as a markdown hard line break (two trailing spaces)."""
_RULE = regex.compile(r"^[_=\-–—]{3,}$")
_SENTENCE_END = regex.compile(r"[.;!?…]\s*$|\.\s*/\s*\.?\s*$")


@dataclass
class Segment:
    x0: float
    x1: float
    text: str


@dataclass
class Line:
    top: float
    bottom: float
    segments: list[Segment]

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


@dataclass
class Block:
    """A run of paragraphs (``lines``, blank = paragraph break) or a table (``rows``) on one page."""

    page: int
    top: float
    bottom: float
    lines: list[str] = field(default_factory=list)
    rows: list[list[str]] | None = None

    def key(self) -> str:
        """Text with digits folded, to recognise a running header repeated on every page."""
        text = " ".join(" ".join(r) for r in self.rows) if self.rows is not None else " ".join(self.lines)
        return _DIGITS.sub("#", " ".join(text.split()))


@dataclass
class PageLayout:
    number: int
    height: float
    blocks: list[Block]
    chars: int


def _group_lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words sharing a baseline band, top to bottom, each line left to right."""
    lines: list[list[dict[str, Any]]] = []
    bands: list[tuple[float, float]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        for k in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            top, bottom = bands[k]
            if top <= mid <= bottom:
                lines[k].append(w)
                break
        else:
            lines.append([w])
            bands.append((w["top"], w["bottom"]))
    out = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        out.append(line)
    out.sort(key=lambda ws: min(w["top"] for w in ws))
    return out


def _to_line(words: list[dict[str, Any]]) -> Line:
    heights = [w["bottom"] - w["top"] for w in words]
    h = statistics.median(heights)
    gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(words)]
    usual = min(statistics.median(gaps), 0.35 * h) if gaps else 0.35 * h
    wide = max(COLUMN_GAP * h, 3 * usual)
    segments: list[Segment] = []
    for w in words:
        if segments and w["x0"] - segments[-1].x1 <= wide:
            last = segments[-1]
            last.text += " " + w["text"]
            last.x1 = max(last.x1, w["x1"])
        else:
            segments.append(Segment(w["x0"], w["x1"], w["text"]))
    return Line(min(w["top"] for w in words), max(w["bottom"] for w in words), segments)


def split_columns(lines: list[Line]) -> list[tuple[list[Line], list[Line] | None]]:
    """Group lines into runs: ``(lines, None)`` for one-column text, ``(left, right)`` for two columns.

    A run of two columns starts at a line with a wide gap; it takes in the lines before and after
    that fit entirely on one side of the gap (or have a gap in the same place), and ends at a line
    that crosses the gap.

    >>> head = [Line(50, 62, [Segment(100, 200, "BỘ NỘI VỤ"), Segment(250, 540, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]),
    ...         Line(64, 76, [Segment(310, 480, "Độc lập - Tự do - Hạnh phúc")])]
    >>> [[x.text for x in side] for side in split_columns(head)[0]]
    [['BỘ NỘI VỤ'], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']]
    """
    n = len(lines)
    used = [False] * n
    runs: list[tuple[int, int, float]] = []  # (first, last, split x)
    i = 0
    while i < n:
        line = lines[i]
        if len(line.segments) < 2:
            i += 1
            continue
        gaps = [(b.x0 - a.x1, k) for k, (a, b) in enumerate(zip(line.segments, line.segments[1:], strict=False))]
        _, k = max(gaps)
        lo, hi = line.segments[k].x1, line.segments[k + 1].x0
        # (x0, centre) of the lines on each side, for the alignment test of one-sided lines
        sides: dict[str, list[tuple[float, float]]] = {
            "left": [(line.x0, (line.x0 + line.segments[k].x1) / 2)],
            "right": [(line.segments[k + 1].x0, (line.segments[k + 1].x0 + line.x1) / 2)],
        }

        def fits(ln: Line, lo: float, hi: float, sides: dict[str, list[tuple[float, float]]] = sides,
                 ) -> tuple[float, float] | None:
            side = "left" if ln.x1 <= hi else "right" if ln.x0 >= lo else None
            if side is not None:
                # a one-sided line belongs to the block only when it lines up with that side's
                # lines (same left edge or same centre), unlike "Kính gửi:" after a header
                centre = (ln.x0 + ln.x1) / 2
                tol = max(ln.height, 1.0)
                if not any(abs(ln.x0 - x0) <= tol or abs(centre - c) <= tol for x0, c in sides[side]):
                    return None
                sides[side].append((ln.x0, centre))
                return (max(lo, ln.x1), hi) if side == "left" else (lo, min(hi, ln.x0))
            for a, b in zip(ln.segments, ln.segments[1:], strict=False):
                if a.x1 <= hi and b.x0 >= lo and all(s.x1 <= hi or s.x0 >= lo for s in ln.segments):
                    sides["left"].append((ln.x0, (ln.x0 + a.x1) / 2))
                    sides["right"].append((b.x0, (b.x0 + ln.x1) / 2))
                    return max(lo, a.x1), min(hi, b.x0)
            return None

        first = last = i
        j = i + 1
        while j < n and not used[j] and lines[j].top - lines[j - 1].bottom < 4 * max(lines[j].height, 1):
            got = fits(lines[j], lo, hi)
            if got is None or got[0] >= got[1]:
                break
            lo, hi = got
            last = j
            j += 1
        j = i - 1
        while j >= 0 and not used[j] and lines[j + 1].top - lines[j].bottom < 4 * max(lines[j].height, 1):
            got = fits(lines[j], lo, hi)
            if got is None or got[0] >= got[1]:
                break
            lo, hi = got
            first = j
            j -= 1
        split = (lo + hi) / 2
        if sum(1 for ln in lines[first:last + 1] if ln.x1 > split) < 2:
            i += 1  # a single line with a wide gap (leader, tab): not a two-column block
            continue
        for k2 in range(first, last + 1):
            used[k2] = True
        runs.append((first, last, split))
        i = last + 1
    out: list[tuple[list[Line], list[Line] | None]] = []
    pos = 0
    for first, last, split in runs:
        if pos < first:
            out.append((lines[pos:first], None))
        left: list[Line] = []
        right: list[Line] = []
        for ln in lines[first:last + 1]:
            lsegs = [s for s in ln.segments if s.x1 <= split]
            rsegs = [s for s in ln.segments if s.x1 > split]
            if lsegs:
                left.append(Line(ln.top, ln.bottom, lsegs))
            if rsegs:
                right.append(Line(ln.top, ln.bottom, rsegs))
        out.append((left, right))
        pos = last + 1
    if pos < n:
        out.append((lines[pos:], None))
    return out


def _breaks(prev: Line, ln: Line, usual_gap: float, left_margin: float, *, indent: bool = True,
            right_margin: float | None = None) -> bool:
    """Does ``ln`` start a new paragraph after ``prev``?

    Yes after a first-line indent, a wider gap, a new font size, or when ``prev`` stops short of
    the right margin (by 15 % of the text width: the last line of a justified paragraph,
    a centred "Kính gửi: …" line) and ``ln`` starts with a capital, a digit or a dash.
    """
    indented = indent and ln.x0 - left_margin > 1.5 * ln.height and ln.x0 - prev.x0 > 0.8 * ln.height
    wide = ln.top - prev.bottom > max(usual_gap * 1.8, usual_gap + 0.6 * ln.height)
    resized = abs(ln.height - prev.height) > 0.12 * max(ln.height, prev.height)
    short = (right_margin is not None and prev.x1 < right_margin - 0.15 * (right_margin - left_margin)
             and not _starts_lower(ln.text))
    return indented or wide or resized or short


def _usual_gap(lines: list[Line]) -> float:
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(lines)]
    return statistics.median(gaps) if gaps else 0.0


def _paragraphs(lines: list[Line]) -> list[str]:
    """Lines of a column block; each is a paragraph unless the next goes on in lower case.

    A header column is a stack of one-line items (issuer, "Số:", motto, place and date,
    "KT. BỘ TRƯỞNG", a name); only a wrapped trích yếu ("V/v hướng dẫn triển khai Đề án" /
    "xác định Chỉ số …") or a recipient continues on the next line.
    """
    out: list[str] = []
    for k, ln in enumerate(lines):
        if k and not _starts_lower(ln.text):
            out.append(BREAK)
        out.append(ln.text)
    return out


def _inside(obj: dict[str, Any], bboxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in bboxes)


def covered_blanks(chars: list[dict[str, Any]]) -> set[int]:
    """ids of the blank characters drawn under a visible one (a stamp printed over the blanks).

    A signed document's number is stamped over the spaces left for it: ``Số:`` then blanks at
    x 125-160, with ``1187`` drawn over them; read together, every blank cuts the number into digits
    (``1 1 8 7``). A blank that covers half its width of a visible character on the same line is
    dropped.

    >>> blank = {"text": " ", "x0": 125.5, "x1": 129.0, "top": 88.7, "size": 14.0}
    >>> digit = {"text": "1", "x0": 125.5, "x1": 132.5, "top": 88.4, "size": 14.0}
    >>> covered_blanks([blank, digit]) == {id(blank)}
    True
    >>> covered_blanks([blank, {**digit, "top": 104.4}])
    set()
    """
    lines: dict[int, list[tuple[float, float]]] = {}
    for c in chars:
        if not c.get("text", " ").isspace():
            lines.setdefault(round(c["top"]), []).append((c["x0"], c["x1"]))
    if not lines:
        return set()
    for boxes in lines.values():
        boxes.sort()
    covered: set[int] = set()
    for c in chars:
        if not c.get("text", " ").isspace():
            continue
        x0, x1 = c["x0"], c["x1"]
        half = (x1 - x0) / 2
        top = round(c["top"])
        for key in (top - 1, top, top + 1):
            boxes = lines.get(key)
            if not boxes:
                continue
            i = bisect.bisect_left(boxes, (x1,))
            # visible boxes that start before the blank ends; the nearest ones are the only candidates
            if any(min(x1, b1) - max(x0, b0) >= half for b0, b1 in boxes[max(0, i - 2):i]):
                covered.add(id(c))
                break
    return covered


def page_layout(page: Any, number: int) -> PageLayout:
    """Blocks of one pdfplumber page in reading order (tables kept apart as rows)."""
    tables = page.find_tables()
    bboxes = [t.bbox for t in tables]
    covered = covered_blanks(page.chars)
    outside = page.filter(lambda obj: obj.get("object_type") != "char"
                          or not (_inside(obj, bboxes) or id(obj) in covered))
    words = outside.extract_words(x_tolerance_ratio=X_TOLERANCE_RATIO, keep_blank_chars=False)
    words = [w for w in words if w["text"].strip()]
    words = [w for w in words if not _RULE.match(w["text"])]  # drawn rules under the issuer / motto
    lines = [_to_line(ws) for ws in _group_lines(words)]
    blocks: list[Block] = []
    left_margin = min((ln.x0 for ln in lines), default=0.0)
    for left, right in split_columns(lines):
        if right is None:
            # one block per line group; page-number detection needs single lines apart
            for ln in left:
                blocks.append(Block(number, ln.top, ln.bottom, [ln.text]))
            continue
        # the column blocks are apart by a blank line; the clean stage still reads them as one header
        side_lines = [BREAK, *_paragraphs(left), "", *_paragraphs(right), BREAK]
        top = min([x.top for x in left + right])
        bottom = max([x.bottom for x in left + right])
        blocks.append(Block(number, top, bottom, side_lines))
    # paragraph breaks between consecutive one-line blocks of the body
    single = [b for b in blocks if len(b.lines) == 1]
    _mark_paragraphs(single, lines, left_margin)
    for table in tables:
        rows = [[cell_text(c or "") for c in row] for row in table.extract(x_tolerance_ratio=X_TOLERANCE_RATIO)]
        blocks.append(Block(number, table.bbox[1], table.bbox[3], rows=rows))
    blocks.sort(key=lambda b: (b.top, b.rows is None))
    n_chars = sum(1 for c in page.chars if not c.get("text", " ").isspace())
    return PageLayout(number, float(page.height), blocks, n_chars)


def _mark_paragraphs(blocks: list[Block], lines: list[Line], left_margin: float) -> None:
    """Prefix a paragraph mark to one-line blocks that start a paragraph."""
    by_top = {ln.top: ln for ln in lines}
    usual = _usual_gap(lines)
    right_margin = max((ln.x1 for ln in lines), default=None)
    prev: Line | None = None
    for b in blocks:
        ln = by_top.get(b.top)
        if ln is None:
            continue
        if prev is not None and _breaks(prev, ln, usual, left_margin, right_margin=right_margin):
            b.lines.insert(0, BREAK)
        prev = ln


def _running(pages: list[PageLayout]) -> set[int]:
    """ids of blocks that are page numbers or running headers/footers."""
    drop: set[int] = set()
    counts: dict[str, set[int]] = {}
    banded: list[tuple[Block, str]] = []
    for page in pages:
        for b in page.blocks:
            in_top = b.top < BAND * page.height
            in_bottom = b.bottom > (1 - BAND) * page.height
            if not (in_top or in_bottom):
                continue
            text = " ".join(x for x in b.lines if x)
            if b.rows is None and _PAGE_NUMBER.match(text):
                drop.add(id(b))
                continue
            key = ("T" if in_top else "B") + b.key()
            counts.setdefault(key, set()).add(page.number)
            banded.append((b, key))
    if len(pages) >= 2:
        need = max(2, len(pages) // 2)
        for b, key in banded:
            if len(counts[key]) >= need:
                drop.add(id(b))
    return drop


def _norm_row(row: list[str]) -> list[str]:
    return [" ".join(c.split()).casefold() for c in row]


def _starts_lower(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if not ch.isspace() and ch not in "-–+•*(":
            return False
    return False


def _continues(prev: list[str], row: list[str]) -> bool:
    """Is ``row`` (first of a table's continuation) the rest of ``prev`` split by the page break?

    Yes when its first cell is empty and either its second cell is empty too (only later columns
    continue), or its first text starts in lower case, or ``prev``'s text in that column ends
    with a colon or comma.
    """
    if not row or row[0].strip():
        return False
    filled = [k for k, c in enumerate(row) if c.strip()]
    if not filled:
        return False
    if len(row) > 1 and not row[1].strip():
        return True
    k = filled[0]
    before = prev[k] if k < len(prev) else ""
    return _starts_lower(row[k]) or before.rstrip().endswith((":", ","))


def merge_tables(first: list[list[str]], more: list[list[str]]) -> list[list[str]]:
    """``first`` extended by its continuation ``more``: repeated header rows dropped, split row joined.

    >>> merge_tables([["STT", "Nhiệm vụ"], ["1", "Xây dựng kế hoạch"]],
    ...              [["STT", "Nhiệm vụ"], ["", "năm 2026"], ["2", "Báo cáo"]])
    [['STT', 'Nhiệm vụ'], ['1', 'Xây dựng kế hoạch năm 2026'], ['2', 'Báo cáo']]
    """
    k = 0
    while k < min(3, len(more), len(first) - 1) and _norm_row(more[k]) == _norm_row(first[k]):
        k += 1
    rest = more[k:]
    out = [list(r) for r in first]
    if rest and out and _continues(out[-1], rest[0]):
        last = out[-1]
        for c, text in enumerate(rest[0]):
            if c < len(last) and text.strip():
                last[c] = f"{last[c]} {text}".strip()
        rest = rest[1:]
    out.extend(list(r) for r in rest)
    return out


def assemble(pages: list[PageLayout]) -> list[str]:
    """Rendered lines of the whole document: running blocks dropped, tables merged across pages.

    >>> body = Block(1, 300.0, 312.0, ["Điều 1. Giao Sở Nội vụ chủ trì"])
    >>> number = Block(1, 810.0, 820.0, ["- 1 -"])  # the page number in the bottom band
    >>> assemble([PageLayout(1, 842.0, [body, number], 40)])
    ['Điều 1. Giao Sở Nội vụ chủ trì']
    """
    drop = _running(pages)
    blocks = [b for page in pages for b in page.blocks if id(b) not in drop]
    merged: list[Block] = []
    for b in blocks:
        prev = merged[-1] if merged else None
        if (b.rows is not None and prev is not None and prev.rows is not None and b.page == prev.page + 1
                and prev.rows and b.rows and len(prev.rows[0]) == len(b.rows[0])):
            # nothing kept between them: the table ends one page and continues on the next
            prev.rows = merge_tables(prev.rows, b.rows)
            prev.page = b.page
            continue
        merged.append(b)
    out: list[str] = []
    for b in merged:
        if b.rows is not None:
            body = _rows(b.rows)
            if body:
                out.extend(["", *body, ""])
            continue
        for line in b.lines:
            if line == BREAK:
                if out and out[-1].strip() and not out[-1].startswith("| "):
                    out[-1] = out[-1].rstrip() + "  "
            else:
                out.append(line)
    return out


def _rows(rows: list[list[str]]) -> list[str]:
    from ._common import pipe_row

    return [pipe_row(r) for r in rows if any(c.strip() for c in r)]
