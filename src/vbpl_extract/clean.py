"""Clean stage: a normalised copy of the source with a map back to every source character.

The source is never modified. :func:`normalize` splits it into raw lines, finds where the
document itself starts and ends (site boilerplate before and after is skipped), finds tables
(:mod:`vbpl_extract.tables`), and joins hard-wrapped lines into paragraphs. Each paragraph is a
:class:`Fragment`: NFC text with markdown markers (``**``, ``*``, ``#``) dropped and whitespace
collapsed, plus the source offset of every character.

>>> ct = normalize("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6\\nnăm 2015;\\n**Điều 1. **Phê duyệt")
>>> [p.text for p in ct.paragraphs]
['Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;', 'Điều 1. Phê duyệt']
>>> ct.paragraphs[1].to_source(0, 7)
(58, 65)
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from itertools import pairwise

import regex

from .data.schemas import Boilerplate, LegacyEncodings
from .diagnostics import Diagnostics
from .doctypes import all_type_names
from .tables import find_tables
from .tables.html_tables import flattened_duplicates

# --------------------------------------------------------------------------- fragments


class OffsetMap(Sequence[int]):
    """A sequence of source offsets kept as runs: each run starts at an index with a value and either
    counts up by one (a stretch of text copied as it is) or repeats it (a collapsed space, a composed
    character). A line of text costs one run, not four bytes a character.

    >>> m = OffsetMap(range(10, 15))
    >>> m.append(20); m.extend([20, 21, 22])
    >>> list(m), m[-1], list(m[3:6]), m.runs
    ([10, 11, 12, 13, 14, 20, 20, 21, 22], 22, [13, 14, 20], 3)
    """

    __slots__ = ("_at", "_n", "_step", "_value")

    def __init__(self, values: Iterable[int] = ()) -> None:
        self._at = array("q")  # index where each run starts
        self._value = array("q")  # value at that index
        self._step = array("b")  # 1: counts up, 0: repeats
        self._n = 0
        if values:  # an empty sequence adds nothing
            self.extend(values)

    @property
    def runs(self) -> int:
        return len(self._at)

    def __len__(self) -> int:
        return self._n

    def append(self, value: int) -> None:
        at, n = self._at, self._n
        if at:
            r = len(at) - 1
            length = n - at[r]
            step = self._step[r]
            delta = value - (self._value[r] + step * (length - 1))
            if length == 1 and (delta == 0 or delta == 1):
                self._step[r] = delta
                self._n = n + 1
                return
            if delta == step:
                self._n = n + 1
                return
        at.append(n)
        self._value.append(value)
        self._step.append(1)
        self._n = n + 1

    def _add_run(self, value: int, step: int, length: int) -> None:
        # what ``self.append(value)`` and then ``length - 1`` more offsets of the run would do, written out:
        # this runs once per stretch of every fragment (~50,000 times on the bench sample)
        if length <= 0:
            return
        at, n = self._at, self._n
        if not at:  # the first run of a fresh map
            at.append(0)
            self._value.append(value)
            self._step.append(step if length > 1 else 1)
            self._n = length
            return
        r = len(at) - 1
        run_len = n - at[r]
        steps = self._step
        prev = steps[r]
        delta = value - (self._value[r] + prev * (run_len - 1))
        if run_len == 1 and (delta == 0 or delta == 1):
            steps[r] = prev = delta  # ``value`` joins the run of one
            run_len = 2
        elif delta == prev:
            run_len += 1  # ``value`` goes on with the run
        else:  # ``value`` starts a run of its own
            at.append(n)
            self._value.append(value)
            steps.append(1)
            r, run_len, prev = r + 1, 1, 1
        n += 1
        if length > 1:
            if run_len == 1:
                steps[r] = step
            elif prev != step:  # the run so far counts the other way: this one starts afresh
                at.append(n - 1)
                self._value.append(value)
                steps.append(step)
            n += length - 1
        self._n = n

    def extend(self, values: Iterable[int]) -> None:
        if isinstance(values, range) and values.step == 1:
            self._add_run(values.start, 1, len(values))
        elif isinstance(values, OffsetMap):
            for r in range(len(values._at)):
                end = values._at[r + 1] if r + 1 < len(values._at) else values._n
                self._add_run(values._value[r], values._step[r], end - values._at[r])
        elif isinstance(values, list) and values and values.count(values[0]) == len(values):
            self._add_run(values[0], 0, len(values))  # "[pos] * n": one repeated offset (a heading's span)
        else:
            for v in values:
                self.append(v)

    def _run_of(self, i: int) -> int:
        return bisect_right(self._at, i) - 1

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            start, stop, step = index.indices(self._n)
            out = OffsetMap()
            if step != 1:
                out.extend(self[i] for i in range(start, stop, step))
                return out
            i = start
            while i < stop:
                r = self._run_of(i)
                end = min(stop, self._at[r + 1] if r + 1 < len(self._at) else self._n)
                out._add_run(self._value[r] + self._step[r] * (i - self._at[r]), self._step[r], end - i)
                i = end
            return out
        if index < 0:
            index += self._n
        if not 0 <= index < self._n:
            raise IndexError("OffsetMap index out of range")
        r = self._run_of(index)
        return self._value[r] + self._step[r] * (index - self._at[r])

    def at(self, index: int) -> int:
        """``self[index]`` for an index counted from the start (no slice, no negative index)."""
        if not 0 <= index < self._n:
            raise IndexError("OffsetMap index out of range")
        r = bisect_right(self._at, index) - 1
        return self._value[r] + self._step[r] * (index - self._at[r])

    def __iter__(self):
        for r in range(len(self._at)):
            end = self._at[r + 1] if r + 1 < len(self._at) else self._n
            value, step = self._value[r], self._step[r]
            if step:
                yield from range(value, value + end - self._at[r])
            else:
                for _ in range(end - self._at[r]):
                    yield value

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap | list | tuple | array):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"OffsetMap(<{self._n} offsets in {len(self._at)} runs>)"


@dataclass
class Fragment:
    """Normalised text of one source region, with ``starts[i]``/``ends[i]`` the source span of char ``i``.

    The offsets are kept as :class:`OffsetMap` runs (a copied stretch of text is one run).
    """

    text: str
    starts: OffsetMap
    ends: OffsetMap

    def __post_init__(self) -> None:
        if not isinstance(self.starts, OffsetMap):
            self.starts = OffsetMap(self.starts)
        if not isinstance(self.ends, OffsetMap):
            self.ends = OffsetMap(self.ends)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` in :attr:`text` to ``[start, end)`` in the source."""
        n = len(self.text)
        if n == 0:
            return (0, 0)
        start = max(0, min(start, n - 1))
        end = max(start + 1, min(end, n))
        return (self.starts.at(start), self.ends.at(end - 1))

    @property
    def span(self) -> tuple[int, int]:
        return self.to_source(0, len(self.text)) if self.text else (0, 0)

    def __len__(self) -> int:
        return len(self.text)


# Markdown markers and inline HTML that carry no text. ``*`` only as emphasis (next to a word).
_LINE_TOKENS = regex.compile(
    r"(?P<mk>^[\s\u00a0]*(?:\#{1,6}|>(?:[\s\u00a0]*>)*)(?=\s|$))"
    r"|(?P<zw>[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]+)"
    r"|(?P<ws>[\s\u00a0]+)"
    # "* (Ban hành kèm theo …)*": a converter's italic with a space after its opening star, not a list item (a list
    # item does not open on a bracket)
    r"|(?P<mk2>\*\*+|(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])|(?<=^[\s\u00a0]*)\*(?=[\s\u00a0]+\()"
    r"|(?<![\w_])__(?=[^\s_])|(?<=[^\s_])__(?![\w_])"
    r"|\\(?=[-*_#|.()\[\]]))"
    r"|(?P<br><br\s*/?>)"
    r"|(?P<tx>[^\s\u00a0\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad*\\<#>_]+|.)",
    regex.DOTALL,
)


def _append_text(out_chars: list[str], starts: OffsetMap, ends: OffsetMap, chunk: str, base: int) -> None:
    """Append a plain-text chunk (source offset ``base``), composing to NFC cluster by cluster."""
    if unicodedata.is_normalized("NFC", chunk):
        out_chars.append(chunk)
        starts._add_run(base, 1, len(chunk))
        ends._add_run(base + 1, 1, len(chunk))
        return
    i = 0
    n = len(chunk)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(chunk[j]):
            j += 1
        composed = unicodedata.normalize("NFC", chunk[i:j])
        out_chars.append(composed)
        starts.extend([base + i] * len(composed))
        ends.extend([base + j] * len(composed))
        i = j


# what keeps a line off the fast path: markup, non-breaking/invisible characters, breaks, "__"
# (a search, not a fullmatch over the line: a repeated alternation keeps a backtracking frame per character)
_NOT_PLAIN = re.compile(r"[*\\<#>\u00a0\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u2028\u2029\r\n\f\v]|__")
# zero-width and direction marks: dropped from the cleaning copy, so "Đi\u200bều" is "Điều" (offsets still map back)
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]+")
_WORDS = re.compile(r"[^ \t]+")


class _Stretch:
    """Offsets that count up by one from the last ones, gathered and put into the start and end maps as one
    run when the stretch breaks: a paragraph of lines copied as they are costs two runs, not four calls a line.

    >>> starts, ends = OffsetMap(), OffsetMap()
    >>> stretch = _Stretch(starts, ends)
    >>> stretch.add(0, 1, 3); stretch.add(3, 4, 2); stretch.add(9, 10, 1); stretch.flush()
    >>> [starts[i] for i in range(6)], [ends[i] for i in range(6)]
    ([0, 1, 2, 3, 4, 9], [1, 2, 3, 4, 5, 10])
    """

    __slots__ = ("end", "ends", "length", "start", "starts")

    def __init__(self, starts: OffsetMap, ends: OffsetMap) -> None:
        self.starts, self.ends = starts, ends
        self.start = self.end = self.length = 0

    def add(self, start: int, end: int, length: int) -> None:
        """``length`` output characters whose source offsets start at ``start`` (first end ``end``), step one."""
        if start == self.start + self.length and end == self.end + self.length:
            self.length += length
            return
        self.flush()
        self.start, self.end, self.length = start, end, length

    def flush(self) -> None:
        """Put the gathered stretch into the maps."""
        if self.length:
            self.starts._add_run(self.start, 1, self.length)
            self.ends._add_run(self.end, 1, self.length)
            self.length = 0


def build_fragment(source: str, lines: Iterable[tuple[int, int]]) -> Fragment:
    """Normalise the given source line spans into one paragraph, joining lines with a space.

    >>> s = "**Ủy ban nhân dân\\ntỉnh  Nghệ An**"
    >>> build_fragment(s, [(0, 17), (18, 33)]).text
    'Ủy ban nhân dân tỉnh Nghệ An'
    """
    out: list[str] = []
    starts = OffsetMap()
    ends = OffsetMap()
    pending_space: tuple[int, int] | None = None
    n_source = len(source)
    stretch = _Stretch(starts, ends)  # the fast paths' offsets, one run per stretch that counts up by one
    for ls, le in lines:
        line = source[ls:le]
        if _NOT_PLAIN.search(line) is None and (line.isascii() or unicodedata.is_normalized("NFC", line)):
            if line and not line[0].isspace() and not line[-1].isspace() and "  " not in line and "\t" not in line:
                # fastest path: the line is its own normal form (each character maps to itself)
                if out:
                    a, b = pending_space if pending_space is not None else (-1, ls)
                    out.append(" ")
                    stretch.add(a, b, 1)
                out.append(line)
                stretch.add(ls, ls + 1, le - ls)
                pending_space = (le, min(le + 1, n_source)) if le < n_source else None
                continue
            # fast path (most lines): NFC words separated by spaces/tabs, nothing to drop
            prev_end = -1
            for m in _WORDS.finditer(line):
                s, e = ls + m.start(), ls + m.end()
                if out:
                    a, b = pending_space if pending_space is not None else (prev_end, s)  # the spaces between two words
                    out.append(" ")
                    stretch.add(a, b, 1)
                pending_space = None
                out.append(m.group())
                stretch.add(s, s + 1, e - s)
                prev_end = e
            if out and le < n_source:
                pending_space = (le, min(le + 1, n_source))
            continue
        for m in _LINE_TOKENS.finditer(line):
            kind = m.lastgroup
            if kind in ("mk", "mk2", "zw"):
                continue
            s, e = ls + m.start(), ls + m.end()
            if kind in ("ws", "br"):
                if out and pending_space is None:
                    pending_space = (s, e)
                continue
            if pending_space is not None:
                a, b = pending_space
                out.append(" ")
                stretch.add(a, b, 1)
                pending_space = None
            chunk = m.group()
            if chunk.isascii() or unicodedata.is_normalized("NFC", chunk):
                out.append(chunk)  # _append_text's first case, into the gathered stretch
                stretch.add(s, s + 1, e - s)
                continue
            stretch.flush()
            _append_text(out, starts, ends, chunk, s)
        # the line break between two lines becomes one space
        if out and pending_space is None and le < n_source:
            pending_space = (le, min(le + 1, n_source))
    stretch.flush()
    return Fragment("".join(out), starts, ends)


_SPAN_CACHE: dict[tuple[int, int], Fragment] = {}
_SPAN_CACHE_SOURCE: list[str] = [""]


def clean_span(source: str, start: int, end: int) -> Fragment:
    """Cached :func:`_clean_span` (table cells are read by the structure, task and reference stages).

    The cache holds one document's spans at a time; callers must not mutate the returned fragment.
    """
    if _SPAN_CACHE_SOURCE[0] is not source:
        _SPAN_CACHE.clear()
        _SPAN_CACHE_SOURCE[0] = source
    key = (start, end)
    frag = _SPAN_CACHE.get(key)
    if frag is None:
        if len(_SPAN_CACHE) > 50_000:
            _SPAN_CACHE.clear()
        frag = _SPAN_CACHE[key] = _clean_span(source, start, end)
    return frag


_LINE_RE = re.compile(r"[^\r\n\u2028\u2029]+")  # compiled once: _clean_span runs once per table cell


def _clean_span(source: str, start: int, end: int) -> Fragment:
    """Normalise an arbitrary source region (e.g. a table cell) into a :class:`Fragment`.

    Lines that the clean stage never puts in a paragraph (lone ``|`` lines, rules such as
    ``-------``) are skipped here too, so ``clean_span(source, *node.text_span).text == node.text``.
    """
    lines = []
    for m in _LINE_RE.finditer(source, start, end):
        if _line_kind(m.group())[0] == "text":
            lines.append((m.start(), m.end()))
    frag = build_fragment(source, lines)
    keys, table = _lookalikes()
    if any(k in frag.text for k in keys):  # as normalize reads them ("Ðổi mới" -> "Đổi mới"); one for one
        frag.text = frag.text.translate(table)
    return frag


# --------------------------------------------------------------------------- raw lines


@dataclass(frozen=True, slots=True)  # one per source line: no __dict__
class RawLine:
    start: int
    end: int
    kind: str  # text | blank | pipe | rule
    content: str  # display form, for decisions


_RULE_RE = regex.compile(r"^[\s|]*(?:[-=_*~–—]\s*){3,}[\s|]*$|^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$"
                         r"|^\s*(?:`{3,}|~{3,})[\w+-]*\s*$")  # a markdown code fence ("```", "```markdown") is layout
_PIPE_RE = regex.compile(r"^\s*\|\s*$")
_RULE_CHARS = re.compile(r"[-=_*~`–—]")  # a rule has three of them ("––––" en dashes too: 6791/SNNMT-KHTC)


# a markdown blockquote's ">" (nested "> >"; a lone ">" between quoted paragraphs is a blank line): a site quoting the
# amended wording of an article ("> **a)** Trường hợp giá bán lẻ điện …", 278/2026/NĐ-CP as diepxuan.github.io keeps it)
_DISPLAY_DROP = regex.compile(r"\*+|(?<![\w_])__(?=[^\s_])|(?<=[^\s_])__(?![\w_])|^\s*#{1,6}\s|^\s*>(?:\s*>)*(?=\s|$)"
                              r"|<br\s*/?>")


def _display_line(line: str) -> str:
    if not line.isascii():
        if _INVISIBLE.search(line):
            line = _INVISIBLE.sub("", line)
        if not unicodedata.is_normalized("NFC", line):
            line = unicodedata.normalize("NFC", line)
    if "*" in line or "#" in line or "<" in line or "__" in line or ">" in line:
        line = _DISPLAY_DROP.sub(" ", line)
    return " ".join(line.split())


_RAW_LINE_RE = re.compile(r"[^\r\n\u2028\u2029]*(?:\r\n|\r|\n|\u2028|\u2029|$)")  # U+2028/9 end lines too


def raw_lines(source: str) -> list[RawLine]:
    """Split the source into classified lines (offsets exclude the line terminator)."""
    out: list[RawLine] = []
    for m in _RAW_LINE_RE.finditer(source):
        if m.start() == m.end():
            continue
        body = m.group().rstrip("\r\n\u2028\u2029")
        s, e = m.start(), m.start() + len(body)
        kind, content = _line_kind(body)
        out.append(RawLine(s, e, kind, content))
    return out


# the number at the top of a page, right after the page break a PDF-to-text converter writes ("\f5"): page
# furniture, not text (NĐ 30/2020 numbers pages from the second one, at the top)
_PAGE_NUMBER_RE = re.compile(r"^\f\s*\d{1,4}\s*$")


# a converter's page marker on a line of its own: "===== Trang 9 =====", "--- Page 3 ---"
# or a break with no number: "--- PAGE BREAK ---"
_PAGE_MARKER_RE = regex.compile(r"^[=\-~_*#\s]{3,}(?:(?:Trang|Page|Tr\.)\s*\d{1,4}|page\s+break|ngắt\s+trang)[=\-~_*#\s]{3,}$",
                                regex.IGNORECASE)
_DIGITS_RE = regex.compile(r"\d+(?:\s+\d+)*")
_BARE_NUMBER_RE = regex.compile(r"^\d{1,4}$")  # a page number alone on its line
_TRAILING_NUMBER_RE = regex.compile(r"^(.*\S)\s+(\d{1,4})$")  # a running head with its page number at the end
_RUNNING_MAX = 60  # characters of a running header or footer
_RUNNING_MIN_PAGES = 3
_RUNNING_KINDS = 8  # running heads compared approximately: the first few kinds of page edge (bounded work)
# a line that opens a unit of the text is never a running head ("Điều 5.", "Chương II", "3. …", "a) …")
_UNIT_START_RE = regex.compile(r"^(?:Điều|Chương|Mục|Phần|Phụ\s+lục)\s|^(?:\d{1,3}(?:\.\d{1,3})*|[a-zđ]|[IVXLC]{1,6})[.)]\s",
                               regex.IGNORECASE)


def _without_page_furniture(source: str, lines: list[RawLine]) -> list[RawLine]:
    """Page markers and running heads made blank: a converter's "===== Trang 9 =====" line, and the short line that
    opens (or closes) three pages or more with the same words and a page number that changes ("18.CTRTW31.DOC 9",
    31-CTr/TW as scanned; a form feed opens a pdftotext page). Offsets are kept: only the kind changes.

    >>> src = "\\n".join(["Điều 1. Giao Sở Tài chính", "\\f18.CTRTW31.DOC 2", "chủ trì.", "\\f18.CTRTW31.DOC 3",
    ...                 "Điều 2.", "\\f18.CTRTW31.DOC 4", "Điều 3.", "===== Trang 5 =====", "Điều 4."])
    >>> [ln.kind for ln in _without_page_furniture(src, raw_lines(src))]
    ['text', 'blank', 'text', 'blank', 'text', 'blank', 'text', 'blank', 'text']
    """
    starts: list[int] = []  # the first text line of each page
    ends: list[int] = []  # the last text line before each page break
    marker: set[int] = set()
    after_marker = False  # the last text line was a page marker
    breaks = 0
    new_page = False
    last_text = -1
    for i, ln in enumerate(lines):
        form_feed = source.find("\f", ln.start, ln.end) >= 0  # no copy of the line
        if ln.kind == "text" and after_marker and _BARE_NUMBER_RE.match(ln.content.strip()):
            marker.add(i)  # the page's number on the next line after a marker ("--- PAGE BREAK ---", "", "2")
            after_marker = False
            continue
        if ln.kind == "text":
            after_marker = False
        if ln.kind == "text" and _PAGE_MARKER_RE.match(ln.content):
            marker.add(i)
            after_marker = True
        elif ln.kind == "text" and not form_feed:
            if new_page:
                starts.append(i)
                new_page = False
            last_text = i
            continue
        elif not form_feed:
            continue
        # a page break: a marker line, a line a form feed opens, or a form feed alone (or with the page number)
        breaks += 1
        if last_text >= 0:
            ends.append(last_text)
        if ln.kind == "text" and i not in marker:
            starts.append(i)
            last_text = i
            new_page = False
        else:
            new_page = True
    running: set[int] = set()
    for edge in (starts, ends):
        # lines of the same words, numbers aside, a scan's misread letter or two aside ("18.GTRTW31.DOC 1 0")
        seen: list[tuple[str, list[int]]] = []
        for i in edge:
            content = lines[i].content
            if (len(content) <= _RUNNING_MAX and _DIGITS_RE.search(content) and any(c.isalpha() for c in content)
                    and not _UNIT_START_RE.match(content)):
                key = _DIGITS_RE.sub("#", content)
                group = next((g for k, g in seen[:_RUNNING_KINDS] if SequenceMatcher(None, k, key).ratio() >= 0.8), None)
                if group is None:
                    seen.append((key, [i]))
                else:
                    group.append(i)
        for _, found in seen:
            numbers = {tuple(_DIGITS_RE.findall(lines[i].content)) for i in found}
            if len(found) >= max(_RUNNING_MIN_PAGES, breaks // 3) and len(numbers) >= _RUNNING_MIN_PAGES:
                running.update(found)
    if not breaks:
        running = _numbered_heads(lines)
    if not running and not marker:
        return lines
    return [RawLine(ln.start, ln.end, "blank", "") if i in marker or i in running else ln for i, ln in enumerate(lines)]


def _numbered_heads(lines: list[RawLine]) -> set[int]:
    """The running heads of a text that kept no page break: the same short line three times or more, each time with
    a page number after it (on the line or on the next) one to three more than the time before ("CÔNG BÁO/Số
    286/Ngày 27-05-2026" then "89", …, "90", …, "91": the Official Gazette's page head). The lines of the head and of
    its number; bounded work: one pass and a dictionary.

    >>> src = "\\n".join(["CÔNG BÁO/Số 286/Ngày 27-05-2026", "89", "Điều 1. Giao Sở Tài chính", "CÔNG BÁO/Số 286/Ngày "
    ...                 "27-05-2026", "90", "chủ trì.", "CÔNG BÁO/Số 286/Ngày 27-05-2026 91", "Điều 2. Quý 1"])
    >>> sorted(_numbered_heads(raw_lines(src)))
    [0, 1, 3, 4, 6]
    """
    text = [i for i, ln in enumerate(lines) if ln.kind == "text"]
    groups: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
    for k, i in enumerate(text):
        content = lines[i].content.strip()
        if len(content) > _RUNNING_MAX or not any(c.isalpha() for c in content) or _UNIT_START_RE.match(content):
            continue
        nxt = lines[text[k + 1]].content.strip() if k + 1 < len(text) else ""
        if _BARE_NUMBER_RE.match(nxt) and _DIGITS_RE.search(content):
            # a head names its issue ("CÔNG BÁO/Số 286/Ngày 27-05-2026"): a table's time cell repeated over numbered
            # rows ("Thường xuyên" / "2", …, "Thường xuyên" / "4") is no head
            groups.setdefault(content, []).append((int(nxt), (i, text[k + 1])))
        elif (m := _TRAILING_NUMBER_RE.match(content)) is not None and _DIGITS_RE.search(m.group(1)):
            groups.setdefault(m.group(1), []).append((int(m.group(2)), (i,)))
    running: set[int] = set()
    for found in groups.values():
        pages = [n for n, _ in found]
        if len(found) >= _RUNNING_MIN_PAGES and all(0 < b - a <= 3 for a, b in pairwise(pages)):
            running.update(i for _, at in found for i in at)
    return running


def _line_kind(body: str) -> tuple[str, str]:
    """(kind, display content) of one raw line: text, blank, pipe (a lone ``|``) or rule (``-----``, ``|---|``).

    >>> _line_kind("\f5")
    ('blank', '')
    """
    if body[:1] == "\f" and _PAGE_NUMBER_RE.match(body):
        return "blank", ""
    content = _display_line(body)
    if "|" in body and _PIPE_RE.match(body):
        return "pipe", content
    if not content or content == "|":
        return "blank", content
    if _RULE_CHARS.search(body) is not None and _RULE_RE.match(body):
        return "rule", content
    return "text", content


# --------------------------------------------------------------------------- boilerplate


@cache
def boilerplate_markers() -> dict[str, list[str]]:
    """Markers of site boilerplate, from ``data/boilerplate.yaml``."""
    return {k: list(v) for k, v in Boilerplate.load().model_dump().items()}


@cache
def _marker_res() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    m = boilerplate_markers()
    end = regex.compile("|".join(f"(?:{p})" for p in m["end_of_document"]), regex.IGNORECASE)
    start = regex.compile("|".join(f"(?:{p})" for p in m["start_of_document"]), regex.IGNORECASE)
    skip = regex.compile("|".join(f"(?:{p})" for p in m["skip_lines"]), regex.IGNORECASE)
    return start, end, skip


@cache
def _open_end() -> regex.Pattern[str]:
    """A line's last word when no sentence ends on it (``boilerplate.yaml``, ``open_line_ends``)."""
    return regex.compile(r"(?<![\p{L}])(?:" + "|".join(Boilerplate.load().open_line_ends) + r")\s*$", regex.IGNORECASE)


_NUMBER_LINE = regex.compile(r"^Số\s*:\s*\d")
_DATE_LINE = regex.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", regex.IGNORECASE)
_ARTICLE_1 = regex.compile(r"^(?:\*\*)?Điều\s+1\s*[.:]")


def _issuer_line_above(lines: list[RawLine], k: int, j: int) -> bool:
    """One blank line at ``k`` between two lines of the issuer block (a reader that sets every line of a
    scan or a Word file apart): "BỘ CÔNG AN" / "" / "CÔNG AN TỈNH LÂM ĐỒNG". The issuer is set in capitals
    (NĐ 30/2020, Phụ lục I), so the block goes on over a single blank only to an upper-case line, or to the rule
    drawn under it ("THỦ TƯỚNG CHÍNH PHỦ" / "__________" / "" / "Số: 21/CT-TTg", Công báo)."""
    above_at = k - 1
    if above_at >= 1 and lines[above_at].kind == "rule":
        above_at -= 1
    if above_at < 0 or lines[above_at].kind != "text":
        return False
    above = lines[above_at].content.strip()
    return above.isupper() and len(above) < 80 and not regex.search(r":\s*$", above)


_APPENDIX_CAPTION = regex.compile(r"^\s*(?:Phụ\s+lục|PHỤ\s+LỤC)(?:\s+(?:[IVXLC]+|\d+[a-z]?))?\s*$")


_FRONT_MATTER_FIELD = regex.compile(r"^(?:[\w-]+\s*:|-\s|#)")  # "title: …", "tags:", "  - điện lực"
_FRONT_MATTER_MAX_LINES = 80


def _front_matter_end(lines: list[RawLine]) -> int:
    """The line after a markdown page's front matter (a "---" line first, "key: value" lines, a closing "---"): the
    site's record of the page, not the document. 0 when the text opens otherwise.

    >>> _front_matter_end(raw_lines("---\\ntitle: Nghị định số 278/2026/NĐ-CP\\ntags:\\n  - Bộ Công Thương\\n---\\nĐiều 1."))
    5
    >>> _front_matter_end(raw_lines("---\\nĐiều 1. Giao Sở Tài chính chủ trì.\\n---"))
    0
    """
    if not lines or lines[0].kind != "rule" or lines[0].content != "---":
        return 0
    for i in range(1, min(len(lines), _FRONT_MATTER_MAX_LINES)):
        ln = lines[i]
        if ln.kind == "rule" and ln.content == "---":
            return i + 1
        if ln.kind == "text" and not _FRONT_MATTER_FIELD.match(ln.content):
            return 0
    return 0


_ISSUER_BESIDE_MOTTO = regex.compile(r"^\p{Lu}[\p{Lu}\s,.–-]{1,80}?\s+C[ỘỌÔO]NG\s+H\p{Lu}{2,3}\s+XÃ\s+HỘI")


def find_body(lines: list[RawLine]) -> tuple[int, int]:
    """Index range ``[first, last)`` of the lines that belong to the document itself.

    Start: the issuer block before the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "ĐẢNG CỘNG SẢN VIỆT NAM") or the "Số:" line, when site boilerplate comes first.
    End: the first site marker after the body ("Văn bản này chưa cập nhật nội dung Tiếng Anh",
    "## Văn bản liên quan" ...), else the end of the file.
    """
    start_re, end_re, skip_re = _marker_res()
    n = len(lines)
    front = _front_matter_end(lines)
    first = front
    anchor = None
    texts = [i for i in range(front, min(n, front + 600)) if lines[i].kind == "text"]
    for k, i in enumerate(texts):
        window = lines[i].content
        if k + 1 < len(texts):
            window = f"{window} {lines[texts[k + 1]].content}"
        if start_re.search(window):
            anchor = i
            if k + 1 < len(texts) and not start_re.search(lines[i].content) and start_re.search(lines[texts[k + 1]].content):
                anchor = texts[k + 1]  # the next line holds the whole start on its own: the window only reached it
            break
    if anchor is None:
        total = sum(len(lines[i].content) for i in texts) or 1
        seen = 0
        for k, i in enumerate(texts):
            if seen > 0.3 * total:
                break  # a "Số:" deep inside the page is a sidebar ("Văn bản mới"), not this document
            seen += len(lines[i].content)
            if _NUMBER_LINE.match(lines[i].content) and any(
                _DATE_LINE.search(lines[j].content)
                for j in texts[k + 1:k + 6]
            ):
                anchor = i
                break
    if anchor is not None and any(_ARTICLE_1.match(lines[i].content) for i in texts if i < anchor):
        # the header table printed after the body (reconstructed copies): the document starts at the top
        anchor = None
    if anchor is not None and texts and texts[0] < anchor and _APPENDIX_CAPTION.match(lines[texts[0]].content):
        # an appendix sent as a file of its own ("Phụ lục I" first, NĐ 30/2020): a motto further down is a sample
        # header it shows, and the document starts at the top
        anchor = None
    if anchor is None:
        # no header block at all: the document starts after the site's metadata table
        meta_end = _metadata_end(lines)
        if meta_end is not None:
            first = max(meta_end, front)
    if anchor is not None and _ISSUER_BESIDE_MOTTO.match(lines[anchor].content):
        first = anchor  # "CHÍNH PHỦ CỘNG HÒA XÃ HỘI …": the issuer is on the motto's own line, nothing above is the header
    elif anchor is not None:
        # walk back over the issuer block: text lines until a pipe/blank run or site metadata
        j = anchor
        k = anchor - 1
        seen_text = False
        while k >= front and anchor - k <= 8:
            ln = lines[k]
            if ln.kind in ("text", "rule"):
                if ln.kind == "text" and regex.search(r":\s*$|^(Tình trạng|Số hiệu|Ngày|Nơi ban hành|Người ký|Loại văn bản)", ln.content):
                    break
                if ln.kind == "text" and skip_re.search(ln.content):
                    break  # a site's or a keeper's line over the issuer block ("[OCR] [Bản trích chữ tự động …]")
                if ln.kind == "text":
                    seen_text = True
                    j = k
            elif seen_text and not _issuer_line_above(lines, k, j):
                break
            k -= 1
        first = j
        # same-line two-column header (markdown table row): start at the anchor line itself
    k, skipped = first, False
    while k < n and (lines[k].kind != "text" or skip_re.search(lines[k].content)):
        skipped = skipped or lines[k].kind == "text"
        k += 1
    if skipped:
        first = k  # the keeper's note over the text ("[OCR] [Bản trích chữ tự động …]") is not the document
    last = n
    for i in range(first, n):
        if lines[i].kind == "text" and end_re.search(lines[i].content):
            last = i
            break
    if last < n:
        # "Quyết định 3954/QĐ-UBND năm 2025 về …": the site repeats the title just before its trailer
        k = last - 1
        while k > first and lines[k].kind != "text":
            k -= 1
        if k > first and _SITE_TITLE.match(lines[k].content):
            last = k
    return first, last


_SITE_TITLE = regex.compile(
    r"^(?:Quyết định|Nghị quyết|Nghị định|Thông tư|Chỉ thị|Kế hoạch|Công văn|Công điện|Thông báo|Kết luận|Luật|Hướng dẫn|"
    r"Văn bản hợp nhất|Thông tư liên tịch|Báo cáo|Chương trình|Quy định|Tờ trình|Đề án)\s+\S*\d\S*\s+(?:năm\s+\d{4}|ngày)"
)


_META_LABEL = regex.compile(
    r"^(?P<label>Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày công báo|Số công báo|Tình trạng)\s*:\s*$"
)


def site_metadata(lines: list[RawLine], limit: int = 400) -> dict[str, tuple[str, int]]:
    """The legal-information site's metadata table before the document ("Số hiệu: | 4001/UBND-ĐT").

    Returns label -> (value, line index). Used only as a fallback for header fields.
    """
    out: dict[str, tuple[str, int]] = {}
    texts = [i for i in range(min(len(lines), limit)) if lines[i].kind == "text"]
    for k, i in enumerate(texts[:-1]):
        m = _META_LABEL.match(lines[i].content)
        if m and m["label"] not in out:
            j = texts[k + 1]
            value = lines[j].content
            if not _META_LABEL.match(value):
                out[m["label"]] = (value, j)
    return out


def _metadata_end(lines: list[RawLine]) -> int | None:
    meta = site_metadata(lines)
    if len(meta) < 3:
        return None
    return max(j for _, j in meta.values()) + 1


# --------------------------------------------------------------------------- paragraphs

_MARKER_RE = regex.compile(
    r"""^(?:
        (?:Điều|ĐIỀU)\s+\d+[a-zđ]?\s*[.:]
      | (?:Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC|Tiểu\s+mục|TIỂU\s+MỤC)\s+(?:[IVXLC]+|\d+)\b
      | (?:Phụ\s+lục|PHỤ\s+LỤC)\b
      | [IVXLC]+\s*[.\-–)]\s*\S
      | \d{1,3}[a-z]?(?:\.\d{1,3})*\s*[.)](?![\d/])\s*\S
      | \d{1,3}/\s+\p{Lu}
      | \(\d{1,3}\)\s*\S
      | [a-zđ]\s*\)\s*\S
      | [a-zđ]\.\s+\p{Lu}
      | [-+•–—]\s*\S
      | (?:Nơi\s+nhận|NƠI\s+NHẬN|Kính\s+gửi|Căn\s+cứ|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Số\s*:|TM\.|T/M|KT\.|Q\.|TL\.|TUQ\.|V/[vV]\b|Về\s+việc\b)
      | (?:QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|CHỈ\s+THỊ|KẾT\s+LUẬN)\s*:
    )""",
    regex.VERBOSE,
)
_SIGN_LINE = regex.compile(r"^(?:TM\.|T/M|KT\.|Q\.|TL\.|TUQ\.)\s*\p{Lu}")
_MARKER_ONLY_RE = regex.compile(r"^(?:(?:Điều|ĐIỀU)\s+\d+[a-zđ]?\s*[.:]?|\d{1,3}(?:\.\d{1,3})*\s*[.)]|[a-zđ]\s*\)|[IVXLC]+\s*[.)]|\(\d{1,3}\))$")
_TERMINAL_RE = regex.compile(r"[.:;!?…]\s*[\"”’)]*\s*$|\./\.\s*$")


def _is_upper_line(s: str) -> bool:
    """At least two letters, all of them capitals ("THỦ TƯỚNG CHÍNH PHỦ")."""
    return s.isupper() and sum(c.isalpha() for c in s[:40]) >= 2


def _starts_lower(s: str) -> bool:
    for c in s:
        if c.isalpha():
            return c.islower()
        if c.isdigit():
            return True
    return False


_UNIT_WORD_ONLY_RE = regex.compile(r"^(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)$")
_CLOSING_PAREN_RE = regex.compile(r"^\d{1,3}\)")
_BOLD_LINE_RE = regex.compile(r"^\s*\*\*.*\*\*\s*$")  # compiled once: _joins runs once per line
# a line of a page-layout text that ends this far from its start (indent included) stops short of the page's
# width (about 80 columns): its paragraph ends there
_SHORT_LAYOUT_LINE = 60


def _joins(prev: RawLine, nxt: RawLine, prev_raw: str, nxt_raw: str = "", cont_indent: int | None = None) -> bool:
    """Does ``nxt`` continue the paragraph that ``prev`` ends (a hard line break)?

    A line indented further than the one before it and opening on a capital starts a paragraph of its own (the
    first-line indent a text that keeps the page's layout shows: "     các xã, phường" then "            Theo
    chức năng, nhiệm vụ, …").
    """
    a, b = prev.content, nxt.content
    if nxt_raw[:4] == "    " and not _starts_lower(b) and not _is_upper_line(b):
        indent = len(nxt_raw) - len(nxt_raw.lstrip(" "))
        if indent >= len(prev_raw) - len(prev_raw.lstrip(" ")) + 4:
            return False
        if cont_indent is not None and indent >= cont_indent + 4:
            # "     Điều 12. Bảo quản, lưu trữ …" then "     Việc bảo quản, lưu trữ …" in a text whose wrapped lines
            # start at the margin: a first-line indent
            return False
        if (prev_raw[:4] == "    " and _MARKER_RE.match(a) and not _TERMINAL_RE.search(a)
                and len(prev_raw.rstrip()) <= _SHORT_LAYOUT_LINE):
            # "       1. Công tác tuyên truyền, phổ biến" then "      Tổ chức quán triệt, …": a numbered title
            # that ends far short of the page's width, and the first-line indent of the paragraph under it
            return False
    if _MARKER_ONLY_RE.match(a) or _UNIT_WORD_ONLY_RE.match(a):
        # "**2.**" alone on its line: the unit's text follows on the next line; "**Điều" then "10. Trách
        # nhiệm …": the article's number was wrapped onto the next line
        return True
    if _MARKER_ONLY_RE.match(b):
        return False
    if _MARKER_RE.match(b):
        # "(Kế hoạch số\n01) và …": a closing parenthesis, not a list marker
        return bool(_CLOSING_PAREN_RE.match(b)) and a.count("(") > a.count(")")

    if _BOLD_LINE_RE.match(prev_raw) and not _is_upper_line(a) and not _starts_lower(b):
        return False  # a bold line is a heading
    if _TERMINAL_RE.search(a):
        return _starts_lower(b)
    if _is_upper_line(a) and not _is_upper_line(b):
        return _starts_lower(b)
    return not (_is_upper_line(b) and not _is_upper_line(a) and not _starts_lower(b))


@dataclass
class Paragraph:
    """A paragraph of the body: text lines joined, or one table."""

    index: int
    kind: str  # text | table
    frag: Fragment
    first_line: int
    last_line: int
    after_break: str  # what separated it from the previous paragraph: line | blank | pipe | rule | table
    table: object | None = None  # tables.TableBlock for kind == "table"

    @property
    def text(self) -> str:
        return self.frag.text

    @property
    def span(self) -> tuple[int, int]:
        return self.frag.span

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.frag.to_source(start, end)


@dataclass
class CleanText:
    """The normalised document: paragraphs of the body plus the joined text and its map."""

    source: str
    lines: list[RawLine]
    paragraphs: list[Paragraph]
    body_span: tuple[int, int]
    text: str = ""
    metadata: dict[str, tuple[str, int]] = field(default_factory=dict)
    _para_offsets: list[int] = field(default_factory=list)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` (paragraphs joined by ``\\n``) to the source."""
        if not self.paragraphs:
            return (0, 0)
        i = max(0, bisect_right(self._para_offsets, start) - 1)
        j = max(0, bisect_right(self._para_offsets, max(start, end - 1)) - 1)
        pi, pj = self.paragraphs[i], self.paragraphs[j]
        s, _ = pi.to_source(start - self._para_offsets[i], start - self._para_offsets[i] + 1)
        _, e = pj.to_source(end - 1 - self._para_offsets[j], end - self._para_offsets[j])
        return (s, max(s, e))

    def paragraph_at(self, offset: int) -> Paragraph:
        return self.paragraphs[max(0, bisect_right(self._para_offsets, offset) - 1)]


def _lines_are_paragraphs(lines: list[RawLine]) -> bool:
    """True when nearly every line ends a sentence: the text was not hard-wrapped (news pages, .docx)."""
    texts = [ln.content for ln in lines if ln.kind == "text"]
    if len(texts) < 3:
        return False
    ended = sum(bool(_TERMINAL_RE.search(t)) for t in texts)
    return ended / len(texts) >= 0.7


def _breaks_are_paragraphs(lines: list[RawLine]) -> bool:
    """True when the lines that end on no sentence mark are headings, not wrapped sentences: hardly any of them goes on
    in lower case on the next line (a .docx or HTML text whose headings stand on their own lines, 24/2025/TT-BCT: "Điều
    8. Gửi kế hoạch quản lý rủi ro" then "Doanh nghiệp khai thác khoáng sản có trách nhiệm …")."""
    open_lines = lowered = 0
    for prev, nxt in pairwise(lines):
        if prev.kind != "text" or nxt.kind != "text" or _TERMINAL_RE.search(prev.content):
            continue
        open_lines += 1
        lowered += nxt.content[:1].islower() and not _MARKER_RE.match(nxt.content)  # "a) …" opens a point
    return open_lines >= 12 and lowered <= 0.1 * open_lines


# a line this many times the wrap width was never wrapped: a whole paragraph (a Công báo text whose appendix sets its
# short cells one to a line seems wrapped at half its prose width: its prose lines are not whole paragraphs)
_NEVER_WRAPPED = 2.0


def _wrap_width(lines: list[RawLine]) -> int:
    """The width text was hard-wrapped at (75th percentile of line lengths), or 0 when it was not wrapped."""
    lengths = sorted(len(ln.content) for ln in lines if ln.kind == "text")
    if len(lengths) < 20:
        return 0
    width = lengths[int(0.75 * (len(lengths) - 1))]
    return width if 40 <= width <= 120 else 0


def _continuation_indent(source: str, lines: list[RawLine]) -> int | None:
    """The indent of a page-layout text's wrapped lines (the commonest indent of the lines that go on a sentence
    in lower case), or None when the text is not laid out so (fewer than 10 such lines, or no indent shared by
    most of them). A line that opens on a capital four or more columns further in starts a paragraph.

    >>> src = "\\n".join(["     Điều 1. Phạm vi", "     Việc bảo quản được thực hiện theo", *["hiện theo quy định"] * 10])
    >>> _continuation_indent(src, raw_lines(src))
    0
    """
    indents: dict[int, int] = {}
    for ln in lines:
        if ln.kind == "text" and _starts_lower(ln.content):
            raw = source[ln.start:ln.end]
            n = len(raw) - len(raw.lstrip(" "))
            indents[n] = indents.get(n, 0) + 1
    total = sum(indents.values())
    if total < 10:
        return None
    indent, count = max(indents.items(), key=lambda kv: (kv[1], -kv[0]))
    return indent if 2 * count > total else None


def _find_tables(source: str, log: Diagnostics, furniture: frozenset[int] = frozenset()) -> list:
    with log.guard("clean", None):  # the clean stage never fails on text: no tables then, and a warning
        return list(find_tables(source, furniture))
    return []


@cache
def _lookalikes() -> tuple[str, dict[int, str]]:
    pairs = LegacyEncodings.load().lookalikes
    return "".join(pairs), str.maketrans(pairs)


def without_lookalikes(source: str) -> str:
    """``source`` with the letters that stand in for Vietnamese ones replaced, one for one (same offsets).

    >>> without_lookalikes("Ðiều 3. Chánh Văn phòng")
    'Điều 3. Chánh Văn phòng'
    """
    keys, table = _lookalikes()
    return source.translate(table) if any(k in source for k in keys) else source


def normalize(source: str, diagnostics: Diagnostics | None = None) -> CleanText:
    """Normalise ``source`` into paragraphs with an offset map (see module docstring).

    The copy it reads has lookalike letters replaced (:func:`without_lookalikes`); offsets are those of ``source``.
    A table the table finder cannot read leaves its lines as text; the failure goes to ``diagnostics``.
    """
    source = without_lookalikes(source)
    raw = raw_lines(source)
    furnished = _without_page_furniture(source, raw)
    # the page furniture a table's cells run through (a Công báo page head and number between two rows)
    furniture = frozenset(a.start for a, b in zip(raw, furnished, strict=True) if a.kind == "text" and b.kind == "blank")
    all_tables = _find_tables(source, diagnostics if diagnostics is not None else Diagnostics(), furniture)
    lines = _columns_in_order(source, _without_flattened_duplicates(source, furnished, all_tables))
    first, last = find_body(lines)
    body_lines = lines[first:last]
    body_start = body_lines[0].start if body_lines else 0
    body_end = body_lines[-1].end if body_lines else 0
    tables = [t for t in all_tables if t.end > body_start and t.start < body_end]
    table_at: dict[int, object] = {}
    covered: set[int] = set()
    for t in tables:
        # lines covered by the table
        idx = [i for i in range(first, last) if lines[i].start < t.end and lines[i].end > t.start]
        if not idx:
            continue
        table_at[idx[0]] = t
        covered.update(idx)

    wrap = _wrap_width(body_lines)
    unwrapped = _lines_are_paragraphs(body_lines) or _breaks_are_paragraphs(body_lines)
    cont_indent = _continuation_indent(source, body_lines)
    paragraphs: list[Paragraph] = []
    current = array("i")  # line indices of the open paragraph (4 bytes each: a paragraph may have 10^6 lines)
    brk = "line"
    pending_break = "line"

    def flush() -> None:
        nonlocal current, brk
        if current:
            frag = build_fragment(source, ((lines[i].start, lines[i].end) for i in current))  # no list: 1 line each
            if frag.text:
                paragraphs.append(Paragraph(len(paragraphs), "text", frag, current[0], current[-1], brk))
            current = array("i")

    for i in range(first, last):
        ln = lines[i]
        if i in table_at:
            flush()
            t = table_at[i]
            frag = Fragment("", [], [])
            p = Paragraph(len(paragraphs), "table", frag, i, i, pending_break, table=t)
            # a table paragraph's text: rows rendered as cells joined by " | "
            p.frag = _table_fragment(source, t)
            paragraphs.append(p)
            pending_break = "table"
            continue
        if i in covered:
            continue
        if ln.kind != "text":
            flush()
            if pending_break in ("line",) or ln.kind == "pipe":
                pending_break = ln.kind
            continue
        if current:
            prev = lines[current[-1]]
            # a markdown hard line break, unless the line ends on a word no sentence ends on (padding of a justified line)
            hard_break = source[prev.start:prev.end].endswith("  ") and _open_end().search(prev.content) is None
            # a line far longer than the file's wrap width was never wrapped: it is a whole paragraph
            hard_break = hard_break or (wrap and len(prev.content) > _NEVER_WRAPPED * wrap and not _starts_lower(ln.content))
            # in a text whose lines are whole sentences (not hard-wrapped), a line break ends the paragraph
            hard_break = hard_break or (unwrapped and not _starts_lower(ln.content))
            hard_break = hard_break or bool(_SIGN_LINE.match(lines[current[0]].content))  # "TM. …" / "KT. …" blocks
            if pending_break == "line" and not hard_break and _joins(prev, ln, source[prev.start:prev.end], source[ln.start:ln.end],
                                                                     cont_indent):
                current.append(i)
                continue
            flush()
        brk = pending_break
        current = array("i", [i])
        pending_break = "line"
    flush()
    paragraphs = _rejoin_split_sentences(paragraphs)

    ct = CleanText(source, lines, paragraphs, (body_start, body_end), metadata=site_metadata(lines[:first]) if first else {})
    offsets: list[int] = []
    pos = 0
    parts: list[str] = []
    for p in paragraphs:
        offsets.append(pos)
        parts.append(p.text)
        pos += len(p.text) + 1
    ct.text = "\n".join(parts)
    ct._para_offsets = offsets
    return ct


# two columns of a page laid out in text (pdftotext -layout): a run of spaces between two pieces of a line
# (not a blank left to fill in: "số        CTr/TU ngày        /8/2026")
_COLUMN_GAP = regex.compile(r"(?<=\S)(?<!(?<![\p{L}])(?:[Ss]ố|[Nn]gày|tháng|năm|Số:)) {6,}(?=\S)")
# what ends the closing block: a page break, an annex's title
_CLOSING_END = regex.compile(r"\f|\s*(?:PHỤ\s+LỤC|Phụ\s+lục)\b")
_RECIPIENTS = regex.compile(r"\s*Nơi\s+nhận\b", regex.IGNORECASE)  # matched at a line's start (no "^": pos)
_ADDRESSEES = regex.compile(r"\s*Kính\s+gửi\b", regex.IGNORECASE)
_HEADER_ZONE_LINES = 14
_CLOSING_ZONE_LINES = 30


def _layout_gap(source: str, ln: RawLine) -> regex.Match[str] | None:
    """The run of spaces that splits a layout line into two columns; none in a row of cells a converter joined with
    " | " ("ỦY BAN NHÂN DÂN          TỈNH LÀO CAI |  | CỘNG HÒA …": the cell keeps its own line break as spaces)."""
    if source.find("|", ln.start, ln.end) >= 0:
        return None
    return _COLUMN_GAP.search(source, ln.start, ln.end)


@cache
def _type_titles() -> frozenset[str]:
    return frozenset(name.upper() for name in all_type_names())


_BASIS_OPENING = regex.compile(r"Căn\s+cứ\b")


def _opens_body(content: str) -> bool:
    """Does a line with no column gap end the header's two columns: the document's title, centred on its own line
    ("THÔNG BÁO", "QUYẾT ĐỊNH": NĐ 30/2020 sets it under the number and date), or a legal basis ("Căn cứ …")?

    >>> _opens_body("THÔNG BÁO"), _opens_body("PHƯỜNG CAM ĐƯỜNG")
    (True, False)
    """
    return content.strip(" *:") in _type_titles() or _BASIS_OPENING.match(content) is not None


def _columns_in_order(source: str, lines: list[RawLine]) -> list[RawLine]:
    """The two columns NĐ 30/2020 lays out side by side (the header: issuer | motto, number | place and date; the
    closing: "Nơi nhận" | signature), read column by column when a text keeps the page's layout in spaces
    ("     ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), as the docx reader reads a layout table.

    Only the document's first lines and the lines from "Nơi nhận" on are read so; a line is split at a run of six
    or more spaces, and a line indented as far as the right column belongs to it. The left column comes first,
    then the right one, each closed by an empty line; every piece keeps its own offsets.

    >>> src = "ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n  TỈNH LÀO CAI         Độc lập - Tự do - Hạnh phúc\\n"
    >>> [ln.content for ln in _columns_in_order(src, raw_lines(src)) if ln.kind == "text"]
    ['ỦY BAN NHÂN DÂN', 'TỈNH LÀO CAI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']
    """
    zones: list[tuple[int, int]] = []
    # the header: from its first split line (a note a site put above it is not part of it) to "Kính gửi", two empty
    # lines running, or at most _HEADER_ZONE_LINES lines
    first = next((i for i, ln in enumerate(lines[:_HEADER_ZONE_LINES]) if ln.kind == "text"
                  and _layout_gap(source, ln)), None)
    if first is not None:
        end, blanks = first, 0
        while end < len(lines) and end - first < _HEADER_ZONE_LINES and blanks < 2:
            if lines[end].kind == "text" and (_ADDRESSEES.match(source, lines[end].start, lines[end].end) or (
                    end > first and _layout_gap(source, lines[end]) is None and _opens_body(lines[end].content))):
                break
            blanks = blanks + 1 if lines[end].kind == "blank" else 0
            end += 1
        zones.append((first, end))
    for i, ln in enumerate(lines):
        if ln.kind == "text" and _RECIPIENTS.match(source, ln.start, ln.end):
            end = i + 1
            while (end < min(len(lines), i + _CLOSING_ZONE_LINES)
                   and not _CLOSING_END.match(source, lines[end].start, max(lines[end].end, lines[end].start + 1))):
                end += 1
            zones.append((i, end))
            break
    if not zones or not any(_layout_gap(source, ln) for a, b in zones for ln in lines[a:b]):
        return lines
    out = list(lines)
    for a, b in reversed(zones):
        gaps = [m.end() - ln.start for ln in lines[a:b] if (m := _layout_gap(source, ln)) is not None]
        if not gaps:
            continue
        boundary = min(gaps)  # the right column starts where the leftmost split's right piece starts
        left: list[RawLine] = []
        right: list[RawLine] = []
        for ln in lines[a:b]:
            if ln.kind != "text":
                continue
            m = _layout_gap(source, ln)
            if m is not None and m.end() - ln.start >= boundary - 8:
                left.append(RawLine(ln.start, m.start(), *_line_kind(source[ln.start:m.start()])))
                right.append(RawLine(m.end(), ln.end, *_line_kind(source[m.end():ln.end])))
                continue
            body = source[ln.start:ln.end]
            indent = len(body) - len(body.lstrip(" "))
            (right if indent >= boundary - 8 else left).append(ln)
        if not right:
            continue
        at = right[0].start
        out[a:b] = [*left, RawLine(at, at, "blank", ""), *right, RawLine(lines[b - 1].end, lines[b - 1].end, "blank", "")]
    return out


# a paragraph that goes on a sentence: it opens on a lower-case word (not a point's letter "a)", "đ.")
_GOES_ON = regex.compile(r"(?![a-zđ]\s*[).])\p{Ll}")
_SENTENCE_CLOSED = regex.compile(r"[.;:!?)\]”\"]\s*$")


def _rejoin_split_sentences(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A sentence an empty line cut in two (a page break of a converted PDF: "Trách nhiệm chỉ đạo thực hiện: Đảng
    uỷ Mặt trận Tổ quốc, các đoàn thể" / "" / "tỉnh; Đảng ủy Ủy ban nhân dân tỉnh; …") is one paragraph again: the
    second part opens on a lower-case word and the first does not end a sentence.

    >>> src = "Đảng uỷ Mặt trận Tổ quốc, các đoàn thể\\n\\ntỉnh; Đảng ủy Ủy ban nhân dân tỉnh.\\n\\nb) Sở Y tế."
    >>> [p.text for p in normalize(src).paragraphs]
    ['Đảng uỷ Mặt trận Tổ quốc, các đoàn thể tỉnh; Đảng ủy Ủy ban nhân dân tỉnh.', 'b) Sở Y tế.']
    """
    # runs of paragraphs that make one: merged once each (copying a growing paragraph per merge would be quadratic)
    runs: list[list[Paragraph]] = []
    for p in paragraphs:
        last = runs[-1][-1] if runs else None
        if (last is not None and p.kind == "text" and last.kind == "text" and p.after_break == "blank"
                and _GOES_ON.match(p.frag.text) and not _SENTENCE_CLOSED.search(last.frag.text)):
            runs[-1].append(p)
        else:
            runs.append([p])
    if len(runs) == len(paragraphs):
        return paragraphs
    out: list[Paragraph] = []
    for run in runs:
        first = run[0]
        if len(run) == 1:
            out.append(first if first.index == len(out) else Paragraph(len(out), first.kind, first.frag, first.first_line,
                                                                       first.last_line, first.after_break, table=first.table))
            continue
        out.append(Paragraph(len(out), "text", join_fragments([q.frag for q in run]), first.first_line,
                             run[-1].last_line, first.after_break))
    return out


def join_fragments(parts: list[Fragment]) -> Fragment:
    """The fragments one after another, joined by a space that maps to the end of the part before it; linear in
    their length (one copy each).

    >>> s = "Sở Tài chính\\n\\nchủ trì"
    >>> f = join_fragments([build_fragment(s, [(0, 12)]), build_fragment(s, [(14, 21)])])
    >>> f.text, f.to_source(13, 20)
    ('Sở Tài chính chủ trì', (14, 21))
    """
    starts, ends = OffsetMap(parts[0].starts), OffsetMap(parts[0].ends)
    for q in parts[1:]:
        gap = ends[-1] if len(ends) else (q.starts[0] if len(q.starts) else 0)
        starts.append(gap)
        ends.append(gap)
        starts.extend(q.starts)
        ends.extend(q.ends)
    return Fragment(" ".join(q.text for q in parts), starts, ends)


def _without_flattened_duplicates(source: str, lines: list[RawLine], tables: list) -> list[RawLine]:
    """``lines`` with each flattened copy of the HTML tables above it cut out as a layout line.

    A PDF-to-Markdown converter repeats an HTML table as one ``|---|---| |1|Sở Y tế|`` line
    (:func:`~vbpl_extract.tables.html_tables.flattened_duplicates`); the copy becomes a ``rule``
    line and the text glued around it (a page number, the next paragraph) its own lines, so
    offsets still point into ``source``.
    """
    if not any(t.style == "html" for t in tables):
        return lines
    out: list[RawLine] = []
    for ln in lines:
        spans = flattened_duplicates(source, ln.start, ln.end, tables) if ln.kind == "text" else []
        if not spans:
            out.append(ln)
            continue
        pos = ln.start
        for a, b in [*spans, (ln.end, ln.end)]:
            piece = source[pos:a]
            if piece.strip():
                s = pos + len(piece) - len(piece.lstrip())
                e = pos + len(piece.rstrip())
                kind, content = _line_kind(source[s:e])
                out.append(RawLine(s, e, kind, content))
            if b > a:
                out.append(RawLine(a, b, "rule", "---"))
            pos = b
    return out


def _table_fragment(source: str, table: object) -> Fragment:
    """One line per row: cells joined by `` | ``; the separators map to the cell boundary."""
    out: list[str] = []
    starts = OffsetMap()
    ends = OffsetMap()
    for r, row in enumerate(table.rows):  # type: ignore[attr-defined]
        if r:
            out.append(" / ")
            pos = row.start
            starts._add_run(pos, 0, 3)
            ends._add_run(pos, 0, 3)
        for c, cell in enumerate(row.cells):
            if c:
                out.append(" | ")
                starts._add_run(cell.start, 0, 3)
                ends._add_run(cell.start, 0, 3)
            f = clean_span(source, cell.start, cell.end)
            out.append(f.text)
            starts.extend(f.starts)
            ends.extend(f.ends)
    return Fragment("".join(out), starts, ends)
