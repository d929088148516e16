"""Tables whose grid a text converter dropped: a header of column labels, then every cell on a line of its own
(or, in ``pdftotext`` output, in a paragraph of its own), row after row::

    | TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |
    | --- | --- | --- | --- |
    Thời gian thực hiện
    a)
    Tổ chức Hội nghị phổ biến, triển khai Nghị định đến các cơ quan.
    Cục Lâm nghiệp và Kiểm lâm
    Vụ Pháp chế; các cơ quan, đơn vị có liên quan
    Quý III, IV/2026

A cell is read by what it holds, not by its place (a converter may give a whole column's cells one after
another): a row number, a task (the text that opens a row), a body (the lead, then the coordinators), a person
(``Đồng chí …``), a time. A run of cells of one kind fills, in order, the last rows that lack that column.
A number over lettered rows, with no cell of its own beyond its title, is a group row.

>>> t = ("TT\\nNhiệm vụ\\nCơ quan chủ trì\\nThời gian thực hiện\\n1\\nRà soát hồ sơ đất đai tồn đọng\\n"
...      "Sở Nông nghiệp và Môi trường\\nQuý IV/2026\\n2\\nKiểm tra việc sử dụng đất\\nThanh tra tỉnh\\nHằng năm\\n")
>>> table = _find_stacked(t)[0]
>>> from .blocks import cell_text
>>> [cell_text(t, c) for c in table.rows[1].cells]
['1', 'Rà soát hồ sơ đất đai tồn đọng', 'Sở Nông nghiệp và Môi trường', 'Quý IV/2026']
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache

import regex

from vbpl_extract.data.schemas import ActionWords, Boilerplate, TaskWords

from .blocks import CellBlock, RowBlock, TableBlock
from .columns import _AGENCY, _BAD_HEADER, _HEADER_WORDS, _TIME, _TT, _is_label, _key, _trim
from .markdown import _SEPARATOR, _md_cells

_LINE = regex.compile(r"[^\n]*(?:\n|$)")
# a group title: "I Các nhiệm vụ cần làm ngay", "II.1 Hoàn thiện thể chế", "B. LĨNH VỰC …" (on the key)
_GROUP = regex.compile(r"^(?:[ivxlc]{1,6}(?:\.\d{1,2}){0,2}|[a-zđ])[.)]?\s+\S", regex.V1)
_GROUP_CASE = regex.compile(r"^(?:[IVXLC]{1,6}(?:\.\d{1,2}){0,2}|[A-ZĐ])[.)]?\s")
_NUMBERED_TEXT = regex.compile(r"^(\d{1,3})\s+(?=\p{Lu})")  # "16 Xây dựng Kịch bản …": a number and its task
_MAX_HEADER_CELL = 70
_MAX_BODY_CELL = 160
_MAX_TIME_CELL = 70
_MAX_FAILED_HEADERS = 20  # header lines over no rows looked at per text
_MAX_RUN = 40  # rows a run of one column's cells may reach back over (a page of a table)


@cache
def _column_patterns() -> dict[str, regex.Pattern[str]]:
    cols = TaskWords.load().columns
    return {k: regex.compile(v, regex.IGNORECASE | regex.V1) for k, v in cols.items()}


@cache
def _cell_words() -> dict[str, regex.Pattern[str]]:
    """``task_words.yaml`` ``stacked_cells``: the words that open a person's cell ("Đồng chí …"), an office holder's
    ("Thủ trưởng …", "Chủ tịch …") and a party body's or council's ("Đảng ủy …", "Các cấp ủy …"), lower case."""
    cells = TaskWords.load().stacked_cells

    def opening(words: list[str], plural: bool = False) -> regex.Pattern[str]:
        alts = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        return regex.compile(("^(?:các\\s+)?" if plural else "^") + f"(?:{alts})" + r"(?![\p{L}])", regex.V1)

    return {"person": opening(cells["persons"]), "office": opening(cells["offices"]),
            "body": opening(cells["bodies"], plural=True)}


@cache
def _verbs() -> tuple[str, ...]:
    """Action verbs (``data/action_words.yaml``), lower case, longest first."""
    words = ActionWords.load()
    return tuple(sorted({v.lower() for v in words.verbs}, key=len, reverse=True))


def _role_of_header(key: str) -> str | None:
    """The column a header label names: ``num``, ``task``, ``lead``, ``person``, ``coordinators``, ``deadline``…"""
    if "cá nhân" in key or "lãnh đạo phụ trách" in key:
        return "person"
    for role, pattern in _column_patterns().items():
        if pattern.search(key):
            return role
    return None


@dataclass
class _Unit:
    start: int
    end: int
    key: str


@dataclass
class _Row:
    label: _Unit | None
    cells: dict[int, _Unit] = field(default_factory=dict)
    group: bool = False


def _units(text: str, start: int, end: int, paragraphs: bool, furniture: Collection[int] = ()) -> list[_Unit]:
    """Non-blank lines (or runs of them, for ``paragraphs``) of ``text[start:end]``, trimmed; a line of page
    furniture (its start in ``furniture``) is left out, as if blank."""
    out: list[_Unit] = []
    run_start = run_end = -1
    for m in _LINE.finditer(text, start, end):
        if m.start() == m.end():
            break
        a, b = _trim(text, m.start(), m.end()) if m.start() not in furniture else (m.start(), m.start())
        if a >= b:
            if run_start >= 0:
                out.append(_Unit(run_start, run_end, _key(text, run_start, run_end)))
                run_start = -1
            continue
        if paragraphs and run_start >= 0:
            run_end = b
            continue
        if not paragraphs:
            out.append(_Unit(a, b, _key(text, a, b)))
        else:
            run_start, run_end = a, b
    if run_start >= 0:
        out.append(_Unit(run_start, run_end, _key(text, run_start, run_end)))
    return out if paragraphs else _wrapped_cells(text, out)


@cache
def _wrap_words() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(a line's end no cell ends on, a line's opening that goes on the line before), from ``boilerplate.yaml``
    (``open_line_ends``, ``continuing_openers``): the same words that keep a wrapped sentence together in the text."""
    words = Boilerplate.load()
    end = regex.compile(r"(?:[,;]|(?<![\p{L}])(?:" + "|".join(words.open_line_ends) + r"))$", regex.IGNORECASE)
    opening = regex.compile(r"^(?:" + "|".join(words.continuing_openers or ["(?!)"]) + r")\s", regex.IGNORECASE)
    return end, opening


def _wrapped_cells(text: str, lines: list[_Unit]) -> list[_Unit]:
    """Join the lines a cell was wrapped over (a PDF's text, Công báo): a line after one that ends on a word no
    cell ends on ("Bộ Khoa học và" / "Công nghệ"), one that opens on "và", "của" ("Cơ quan, tổ chức" / "và doanh
    nghiệp"), and a lower-case line after a task's text that has not ended ("Nghiên cứu, rà soát, sửa đổi, bổ" /
    "sung và đơn giản hóa các quy định,"); a lower-case body ("các cơ quan liên quan") is a cell of its own.

    >>> t = "Nghiên cứu, rà soát, sửa đổi, bổ\\nsung và đơn giản hóa các quy định.\\nBộ Khoa học và\\nCông nghệ\\nQuý IV/2026"
    >>> [t[u.start:u.end] for u in _units(t, 0, len(t), False)]
    ['Nghiên cứu, rà soát, sửa đổi, bổ\\nsung và đơn giản hóa các quy định.', 'Bộ Khoa học và\\nCông nghệ', 'Quý IV/2026']
    """
    open_end, continues = _wrap_words()
    out: list[_Unit] = []
    for u in lines:
        if out:
            prev = out[-1]
            prev_raw, raw = text[prev.start:prev.end], text[u.start:u.end]
            joins = not _is_label(prev.key) and not _is_label(u.key) and (
                bool(open_end.search(prev_raw)) or bool(continues.match(raw))
                or (raw[:1].islower() and not prev_raw.rstrip().endswith((".", ":", ";")) and not _AGENCY.match(u.key)
                    and _kind(prev, text) == "task"))
            if joins:
                out[-1] = _Unit(prev.start, u.end, _key(text, prev.start, u.end))
                continue
        out.append(u)
    return out


def _is_header_label(key: str) -> bool:
    return (0 < len(key) <= _MAX_HEADER_CELL and not _BAD_HEADER.search(key)
            and (bool(_TT.fullmatch(key.rstrip("."))) or bool(_HEADER_WORDS.search(key))
                 or _role_of_header(key) is not None)
            and not _is_label(key))


def _header_ok(roles: list[str | None]) -> bool:
    """A task table's header: a task column and a lead or deadline column."""
    return "task" in roles and ("lead" in roles or "deadline" in roles)


def _kind(u: _Unit, text: str) -> str:
    key = u.key
    if _is_label(key):
        return "num"
    words = _cell_words()
    if words["person"].match(key):
        return "person"
    if _GROUP.match(key) and _GROUP_CASE.match(text[u.start:u.end]) and len(key) <= 200:
        return "group"
    if len(key) <= _MAX_TIME_CELL and _TIME.search(key) and not key.startswith(_verbs()):
        return "time"
    if len(key) <= _MAX_BODY_CELL and words["office"].match(key):
        return "office"
    if len(key) <= _MAX_BODY_CELL and (_AGENCY.match(key) or words["body"].match(key)) and not key.endswith("."):
        return "body"
    return "task"


def _opens_row(u: _Unit, text: str, after_num: bool) -> bool:
    """Can this text cell open a row (a task), rather than go on with the cell before it (a page-cut tail)?"""
    raw = text[u.start:u.end]
    if not raw[:1].isupper() and not _NUMBERED_TEXT.match(raw):
        return False
    return after_num or u.key.startswith(_verbs()) or len(u.key.split()) >= 8


def _assemble(text: str, units: list[_Unit], roles: list[str | None]) -> list[_Row]:
    """Rows from the body cells, by kind (see the module docstring)."""
    col = {r: i for i, r in reversed(list(enumerate(roles))) if r}
    task_col = col["task"]
    body_cols = [i for i, r in enumerate(roles) if r in ("lead", "coordinators")]
    rows: list[_Row] = []
    pending_num: _Unit | None = None
    prev_kind = ""
    run_rows: list[int] = []  # rows the current run of one kind filled

    def fill(kind_cols: list[int], u: _Unit, kind: str) -> None:
        nonlocal run_rows
        if not rows:
            return
        if kind != prev_kind:
            run_rows = []
        if prev_kind == kind and run_rows:
            # a run of one kind: the rows that lack the column, in order, after the one filled last; else the
            # next column of that kind in the row filled last ("Cục …" then "Vụ Pháp chế; …": lead, coordinators)
            for c in kind_cols[:1]:
                later = next((i for i in range(run_rows[-1] + 1, len(rows)) if c not in rows[i].cells and not rows[i].group),
                             None)
                if later is not None:
                    rows[later].cells[c] = u
                    run_rows.append(later)
                    return
            for c in kind_cols[1:]:
                if c not in rows[run_rows[-1]].cells:
                    rows[run_rows[-1]].cells[c] = u
                    return
            return
        for c in kind_cols:
            last = len(rows) - 1
            if c not in rows[last].cells and not rows[last].group:
                # the first of a run: the earliest row lacking it among the rows since the last one that has it
                k = last
                while k > max(0, last - _MAX_RUN) and c not in rows[k - 1].cells and not rows[k - 1].group:
                    k -= 1
                rows[k].cells[c] = u
                run_rows = [k]
                return

    for u in units:
        kind = _kind(u, text)
        if kind == "num":
            pending_num = u
        elif kind == "group":
            rows.append(_Row(None, {task_col: u}, group=True))
            pending_num = None
        elif kind == "task":
            m = _NUMBERED_TEXT.match(text[u.start:u.end])
            if not _opens_row(u, text, pending_num is not None):
                kind = "tail"
            else:
                label = pending_num
                if m and label is None:
                    label = _Unit(u.start, u.start + len(m.group(1)), m.group(1))
                    u = _Unit(u.start + m.end(), u.end, u.key[m.end():])
                if rows and rows[-1].label is not None and set(rows[-1].cells) == {task_col} and label is not None \
                        and ((not label.key[:1].isdigit() and rows[-1].label.key[:1].isdigit())
                             or label.key.startswith(rows[-1].label.key.rstrip(".") + ".")):
                    # "1 / Tổ chức tuyên truyền …" over "a) …", "1. / Rà soát, hoàn thiện thể chế" over "1.1": a group row
                    rows[-1].group = True
                rows.append(_Row(label, {task_col: u}))
                pending_num = None
        elif kind == "office" and "person" in col:
            fill([col["person"]], u, "person")
            kind = "person"
        elif kind in ("body", "office"):
            kind = "body"
            fill(body_cols, u, kind)
        elif kind == "time" and "deadline" in col:
            fill([col["deadline"]], u, kind)
        elif kind == "person" and "person" in col:
            fill([col["person"]], u, kind)
        prev_kind = kind
    return rows


def _to_table(text: str, header: list[_Unit], header_span: tuple[int, int], rows: list[_Row],
              roles: list[str | None]) -> TableBlock | None:
    n = len(roles)
    num_col = roles.index("num") if "num" in roles else None
    out: list[RowBlock] = []
    hs, he = header_span
    out.append(RowBlock(hs, he, tuple(CellBlock(u.start, u.end) for u in header[:n])
                        + tuple(CellBlock(he, he) for _ in range(n - len(header[:n])))))
    for r in rows:
        cells = dict(r.cells)
        if r.group:
            task = cells.get(roles.index("task"))
            start = r.label.start if r.label else task.start if task else 0
            cells = {roles.index("task"): _Unit(start, task.end if task else start, "")}
        elif r.label is not None and num_col is not None:
            cells[num_col] = r.label
        spans = [(u.start, u.end) for u in cells.values()]
        start, end = min(a for a, _ in spans), max(b for _, b in spans)
        row_cells = tuple(CellBlock(cells[i].start, cells[i].end) if i in cells else CellBlock(end, end) for i in range(n))
        out.append(RowBlock(start, end, row_cells))
    if len(out) < 3 or sum(1 for r in rows if not r.group) < 2:
        return None
    end = max(r.end for r in out)
    return TableBlock(hs, end, tuple(out), 1, "stacked")


# what ends a stacked table's cells: a markdown table row, an appendix title, a "Nơi nhận"
_BODY_STOP = regex.compile(r"^[ \t]*(?:\|.*\||(?:PHỤ\s+LỤC|Phụ\s+lục)\b|Nơi\s+nhận\b)", regex.MULTILINE)


def _body_end(text: str, start: int) -> int:
    """Where the cells end: a markdown table row, a "Nơi nhận", an appendix title, or the end of the text."""
    m = _BODY_STOP.search(text, start)
    return m.start() if m else len(text)


def _find_stacked(text: str, furniture: Collection[int] = ()) -> list[TableBlock]:
    """Tables of cells one to a line (or one to a paragraph) under a header of column labels; the lines that start
    at an offset in ``furniture`` (a running head, a page number) are no cells."""
    tables: list[TableBlock] = []
    pos = 0
    n_text = len(text)
    failed = 0
    while pos < n_text and failed < _MAX_FAILED_HEADERS:
        found = _next_header(text, pos)
        if found is None:
            break
        header, (hs, he), paragraphs = found
        body_end = _body_end(text, he)
        roles = [_role_of_header(u.key) for u in header]
        units = _units(text, he, body_end, paragraphs, furniture)
        # a header repeated at a page's top is not a row
        header_keys = {u.key for u in header} | {_key(text, m.start(), m.end()) for m in _LINE.finditer(text, hs, he)
                                                   if m.end() > m.start()}
        header_keys |= {k.strip() for k in header_keys}
        units = [u for u in units if u.key not in header_keys]
        rows = _assemble(text, units, roles)
        table = _to_table(text, header, (hs, he), rows, roles)
        if table is not None:
            tables.append(table)
            pos = max(table.end, he)
        else:
            pos = he
            failed += 1  # each try reads on to the body's end: a bounded number of them keeps the work linear
    return tables


def _next_header(text: str, pos: int) -> tuple[list[_Unit], tuple[int, int], bool] | None:
    """The next header of a stacked table at or after ``pos``: its label cells, span and the cells' layout."""
    for m in _HEADER_START.finditer(text, pos):
        line_start = m.start()
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = len(text)
        line = text[line_start:line_end]
        if "|" in line:
            cells = _md_cells(text, line_start, line_end)
            if not cells or len(cells) < 3:
                continue
            header = [_Unit(c.start, c.end, _key(text, c.start, c.end)) for c in cells]
            if not all(_is_header_label(u.key) or not u.key for u in header):
                continue
            header = [u for u in header if u.key]
            end = line_end
            nxt = _next_line(text, end)
            if nxt and _SEPARATOR.fullmatch(text[nxt[0]:nxt[1]] + "\n"):
                end = nxt[1]
                nxt = _next_line(text, end)
            if nxt is None or "|" in text[nxt[0]:nxt[1]]:
                continue  # the markdown table's own rows follow
            paragraphs = _blank_before_most(text, end)
            for u in _units(text, end, min(len(text), end + 400), paragraphs)[:3]:
                if not _is_header_label(u.key):
                    break
                header.append(u)
                end = u.end
            roles = [_role_of_header(u.key) for u in header]
            if _header_ok(roles):
                return header, (line_start, end), paragraphs
            continue
        paragraphs = _blank_before_most(text, line_start)
        units = _units(text, line_start, min(len(text), line_start + 1200), paragraphs)[:9]
        header: list[_Unit] = []
        skipped = 0
        for u in units:
            if header and skipped == 0 and _kind(u, text) == "group":
                skipped += 1  # "I Các nhiệm vụ cần làm ngay" between two header labels
            elif _is_header_label(u.key):
                header.append(u)
            else:
                break
        header = _wrapped_labels(text, header)
        if len(header) >= 3 and _header_ok([_role_of_header(u.key) for u in header]):
            return header, (line_start, header[-1].end), paragraphs
    return None


def _wrapped_labels(text: str, header: list[_Unit]) -> list[_Unit]:
    """A label wrapped over two lines is one label: "Cơ quan" / "chủ trì", "Thời gian" / "thực hiện" (the second
    line opens in lower case)."""
    out: list[_Unit] = []
    for u in header:
        if out and text[u.start:u.start + 1].islower():
            out[-1] = _Unit(out[-1].start, u.end, _key(text, out[-1].start, u.end))
        else:
            out.append(u)
    return out


# a line that can open a header: "TT", "STT", "| TT |"
_HEADER_START = regex.compile(r"^[ \t]*(?:\|[ \t]*)?(?:\*\*)?(?:S?TT|Số\s+TT|STT)\b", regex.MULTILINE)


def _next_line(text: str, pos: int) -> tuple[int, int] | None:
    """The next non-blank line after ``pos`` (``text[pos]`` ends a line)."""
    i = pos
    while i < len(text):
        if text[i] == "\n":
            i += 1
            continue
        j = text.find("\n", i)
        j = len(text) if j < 0 else j
        if text[i:j].strip():
            return i, j
        i = j
    return None


def _blank_before_most(text: str, pos: int) -> bool:
    """Are the next lines apart by blank lines (cells one to a paragraph)?"""
    window = text[pos:pos + 600]
    lines = window.split("\n")[1:12]
    return sum(1 for ln in lines if not ln.strip()) >= 4
