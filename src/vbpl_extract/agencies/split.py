"""``split_agencies``: the bodies of a table cell or role phrase, leftovers kept as bodies of their own
("Bộ Tài chính, doanh nghiệp liên quan").

>>> [m.name for m in split_agencies("Sở Y tế; Sở Nội vụ")]
['Sở Y tế', 'Sở Nội vụ']
"""

from __future__ import annotations

import re

import regex

from ..textutil import slugify
from .candidates import _CAP_HEAD_AT_RE, _HEAD_AT_RE, _display_name
from .entries import AgencyMention, _name_words, load_agency_data
from .find import _scan
from .gazetteer import _CODE_RE, _gazetteer, lookup_agency
from .text_forms import _key, _upper_first

_PIECE_SEP = regex.compile(r"\s*(?:[,;]|\n(?![ \t]*\p{Ll})|\s\+\s|(?<=\s)và(?=\s)|(?<=\s)cùng(?=\s))\s*")
_JUNK = regex.compile(r"^[\s\-+*•.:;,()|]*(?:(?:và|cùng|với|phối hợp với|chủ trì|các)\s*)*$", regex.IGNORECASE)
# a bracketed note on the body before it, opening lower case: "Bộ Nông nghiệp và Môi trường (chủ trì phần chính
# sách, công nghệ, điều phối)", "UBND các tỉnh, thành phố khác (mạng lưới địa phương)" (2530/QĐ-TTg, Phụ lục)
_NOTE = regex.compile(r"\(\s*\p{Ll}[^()]*(?:\)|$)")
_LINK_END = regex.compile(r"(?:^|\s)(?:của|thuộc|trực thuộc|giúp việc|thành viên)$", regex.IGNORECASE)
_QUALIFIER = regex.compile(r"^(?:là|được|có|thuộc|trực thuộc|liên quan|tham gia|đủ|chịu)\b", regex.IGNORECASE)


def split_agencies(text: str) -> list[AgencyMention]:
    """The agencies of a table cell or role phrase, in order, leftovers included.

    >>> [m.name for m in split_agencies("Bộ Tài chính, Bộ Công an và các địa phương liên quan")]
    ['Bộ Tài chính', 'Bộ Công an', 'Các địa phương liên quan']
    >>> [m.name for m in split_agencies("Tập đoàn, doanh nghiệp công nghệ số")]
    ['Các tập đoàn, doanh nghiệp công nghệ số']

    Items that are not in the data come back as ``known=False`` mentions (origin
    ``leftover``) named as written, first letter capitalised; a plural noun inside a list
    gets "Các" ("doanh nghiệp liên quan" -> "Các doanh nghiệp liên quan").
    """
    if not text or not text.strip():
        return []
    found, covered = _scan(text, split_mode=True)
    # gaps between mentions -> leftover pieces
    pieces: list[tuple[int, int]] = []
    notes = [(n.start(), n.end()) for n in _NOTE.finditer(text)]
    pos = 0
    for m in [*covered, None]:
        gap_end = m[0] if m is not None else len(text)
        for a, b in _without(pos, gap_end, notes):
            start = a
            for sm in _PIECE_SEP.finditer(text, a, b):
                pieces.append((start, sm.start()))
                start = sm.end()
            pieces.append((start, b))
        if m is not None:
            pos = max(pos, m[1])
    pieces = [p for p in (_trim(text, s, e) for s, e in pieces) if p is not None]
    items: list[AgencyMention] = list(found)
    for s, e in pieces:
        items.append(AgencyMention(s, e, text[s:e], None, "", None, False, "leftover"))
    items.sort(key=lambda m: (m.start, m.origin == "leftover"))
    return _merge_leftovers(text, items)


def _without(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``[start, end)`` outside the ``holes``."""
    parts, pos = [], start
    for a, b in holes:
        if b <= pos or a >= end:
            continue
        if a > pos:
            parts.append((pos, a))
        pos = max(pos, b)
    if end > pos:
        parts.append((pos, end))
    return parts


# an item number in a cell: "1)", "(2)", "a)"
_ENUM_RE = regex.compile(r"\s*(?:\(\s*(?:\d{1,2}|[a-zđ])\s*\)|(?:\d{1,2}|[a-zđ])\))\s*")
# an office title over a collective: "Thủ trưởng các đơn vị ..." is the units themselves (guide rule 5)
_TITLE_OVER_RE = regex.compile(r"\s+(?=các\s)", regex.IGNORECASE)


def _trim(text: str, s: int, e: int) -> tuple[int, int] | None:
    while (m := _ENUM_RE.match(text, s, e)) is not None and m.end() > s:
        s = m.end()
    if (t := _gazetteer().title_start_re.match(text, s, e)) is not None and _TITLE_OVER_RE.match(text, t.end(), e):
        s = _TITLE_OVER_RE.match(text, t.end(), e).end()
    piece = text[s:e]
    if _JUNK.match(piece):
        return None
    lead = len(piece) - len(piece.lstrip(" \t\r\n-+*•.:;,()|"))
    piece2 = piece.rstrip(" \t\r\n.:;,()|*")
    s2, e2 = s + lead, s + len(piece2)
    core = text[s2:e2]
    low = core.lower()
    for connector in ("và các ", "và ", "cùng ", "các ", "với "):
        if low.startswith(connector) and connector != "các ":
            s2 += len(connector)
            core, low = text[s2:e2], low[len(connector):]
    if e2 <= s2 or not any(ch.isalpha() for ch in core):
        return None
    if _key(core) in {"bộ", "sở", "ban", "các", "và", "cục"}:
        return None  # a cell cut off mid-list: "Bộ Thông tin và Truyền thông, Bộ"
    return s2, e2


_MEMBERS_RE = re.compile(r"^(?:Các )?[Tt]hành viên ")
_GAP_NONE = re.compile(r"\s*")
_GAP_COMMA = re.compile(r"\s*,\s*")
_GAP_LIST = re.compile(r"\s*(?:,|và|,\s*và)\s*")


def _gap_is(text: str, a: int, b: int, pattern: re.Pattern[str]) -> bool:
    return pattern.fullmatch(text, a, b) is not None


def _merge_leftovers(text: str, items: list[AgencyMention]) -> list[AgencyMention]:
    data = load_agency_data()
    out: list[AgencyMention] = []
    nouns = sorted(data.collective_nouns, key=len, reverse=True)
    i = 0
    n_items = len(items)
    while i < n_items:
        cur = items[i]
        nxt = items[i + 1] if i + 1 < n_items else None
        if cur.origin != "leftover":
            if nxt is not None and nxt.origin == "leftover" and cur.origin != "list_split":
                # a lower-case fragment right after a body continues its name: "Phó Thủ tướng Chính phủ
                # phụ trách lĩnh vực", "Các bộ, ngành, địa phương là chủ quản CSDLQG, CSDL chuyên ngành"
                if _gap_is(text, cur.end, nxt.start, _GAP_NONE) and (
                        nxt.text[:1].islower() or (cur.kind == "collective" and _QUALIFIER.match(nxt.text))):
                    j = i + 1
                    while (j + 1 < n_items and items[j + 1].origin == "leftover"
                           and _gap_is(text, items[j].end, items[j + 1].start, _GAP_COMMA)
                           and (items[j + 1].text[:1].islower() or _CODE_RE.match(items[j + 1].text.split()[0]))):
                        j += 1
                    out.append(_continued(text, cur, items[j].end, " "))
                    i = j + 1
                    continue
                # "Các cơ quan truyền thông, báo chí", "Vụ Kế hoạch, Tài chính": a comma inside the name
                if (_gap_is(text, cur.end, nxt.start, _GAP_COMMA) and _noun_head(nxt.text, nouns) is None
                        and not _HEAD_AT_RE.match(nxt.text) and not _CAP_HEAD_AT_RE.match(nxt.text)
                        and not nxt.text.lower().startswith("các ")
                        and ((cur.kind == "collective" and nxt.text[:1].islower())
                             or (not cur.known and cur.kind == "agency" and cur.origin in ("pattern", "office_holder")))):
                    out.append(_continued(text, cur, nxt.end, ", "))
                    i += 2
                    continue
            out.append(cur)
            i += 1
            continue
        # group leftovers: later pieces lower-case (or a bare plural noun: "Viện, Trường"), joined by "," / "và"
        j = i
        while (j + 1 < n_items and items[j + 1].origin == "leftover"
               and (items[j + 1].text[:1].islower() or _key(items[j + 1].text) in nouns)
               and _gap_is(text, items[j].end, items[j + 1].start, _GAP_LIST)):
            j += 1
        start, end = cur.start, items[j].end
        nxt = items[j + 1] if j + 1 < n_items else None
        # "Các Tổ Công tác của" + Ban Chỉ đạo ...: one body
        if (nxt is not None and nxt.origin != "leftover" and j == i and _gap_is(text, end, nxt.start, _GAP_NONE)
                and (_LINK_END.search(text[start:end]) or cur.text.lower().startswith(("các ", "thành viên")))):
            name = _upper_first(_display_name(text[start:end]).rstrip()) + " " + nxt.name
            name = _MEMBERS_RE.sub("Các thành viên ", name)
            out.append(_unknown(text, start, nxt.end, name, "collective", "leftover"))
            i = j + 2
            continue
        group = items[i:j + 1]
        # "doanh nghiệp, viện nghiên cứu, trường đại học" (no "các", an item with its own words):
        # one collective per item; "các doanh nghiệp, viện nghiên cứu, ..." and "Viện, Trường" stay one
        if (len(group) > 1 and not cur.text.lower().startswith("các ")
                and all(_noun_head(m.text, nouns) for m in group)
                and any(_key(m.text) not in nouns for m in group[:-1])):
            for m in group:
                out.append(_leftover_body(text, m.start, m.end, nouns, True))
        else:
            out.append(_leftover_body(text, start, end, nouns, j > i or n_items > 1))
        i = j + 1
    return out


def _noun_head(piece: str, nouns: list[str]) -> str | None:
    """The collective noun a piece starts with: ``"viện nghiên cứu"`` -> ``"viện"``."""
    low = _key(piece)
    return next((nn for nn in nouns if low == nn or low.startswith((nn + " ", nn + ","))), None)


def _continued(text: str, cur: AgencyMention, end: int, joint: str) -> AgencyMention:
    """``cur`` with the text up to ``end`` added to its name as written."""
    rest = _display_name(text[cur.end:end].lstrip(" \t\r\n,"))
    rest = rest[:1].lower() + rest[1:] if joint == " " or cur.kind == "collective" else rest
    kind = "collective" if cur.kind == "collective" else cur.kind
    return _unknown(text, cur.start, end, cur.name + joint + rest, kind, "leftover")


def _leftover_body(text: str, start: int, end: int, nouns: list[str], in_list: bool) -> AgencyMention:
    """A piece not in the data, named as written; a plural noun in a list gets "Các"."""
    raw = text[start:end]
    entry = lookup_agency(raw)
    if entry is not None:
        return AgencyMention(start, end, raw, entry.id, entry.name, entry.kind, True, "leftover")
    name = _display_name(raw)
    low = name.lower()
    head = _noun_head(name, nouns)
    kind = None
    if head is not None and not low.startswith("các "):
        word_after = name[len(head):].lstrip(" ,")
        # a body of its own: "Sở Ngoại vụ", "Ban quản lý Khu Kinh tế Phú Yên" (capitalised, with a proper name)
        bare_list = all(_key(part) in nouns for part in _LIST_JOINT_RE.split(name))
        proper = not bare_list and head in _name_words().singular_heads and (
            word_after[:1].isupper() or (raw[:1].isupper() and any(w[:1].isupper() for w in word_after.split())))
        if bare_list:  # "Viện, Trường" -> "Các viện, trường"
            name = name.lower()
        if in_list and not proper:
            name = "Các " + name[:1].lower() + name[1:]
        kind = None if proper else "collective"
    elif low.startswith("các "):
        kind = "collective"
    return _unknown(text, start, end, _upper_first(name), kind, "leftover")


_LIST_JOINT_RE = re.compile(r"\s*(?:,\s*và|,|\bvà)\s*")


def _unknown(text: str, start: int, end: int, name: str, kind: str | None, origin: str) -> AgencyMention:
    entry = lookup_agency(name)
    if entry is not None:
        return AgencyMention(start, end, text[start:end], entry.id, entry.name, entry.kind, True, origin)
    return AgencyMention(start, end, text[start:end], "unknown:" + slugify(name), name, kind, False, origin)
