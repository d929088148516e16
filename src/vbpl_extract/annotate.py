"""Annotate stage: agency, deadline and reference mentions attached to the structure tree.

The one stage that runs the finders (:mod:`~vbpl_extract.agencies`, :mod:`~vbpl_extract.deadlines`,
:mod:`~vbpl_extract.references`). Each node's own text is read once: ``node.agencies``,
``node.deadlines`` and ``node.references`` are filled with spans into the source. The task stage
reads these and asks the returned :class:`Mentions` for parts of a node's text (a clause, a table
cell, a labelled line); it never calls a finder itself. A finder failing on one node is recorded
as a warning of this stage and the other nodes go on.

>>> from vbpl_extract.clean import normalize
>>> from vbpl_extract.structure import build_tree
>>> ct = normalize("Điều 2. Giao Sở Tài chính chủ trì, báo cáo trước ngày 15/12/2025.")
>>> tree = build_tree(ct.paragraphs, ct.source)
>>> found = annotate(tree, ct, issue_date=None)
>>> [a.name for a in tree[0].agencies], [d.due for d in tree[0].deadlines]
(['Sở Tài chính'], ['2025-12-15'])
"""

from __future__ import annotations

import datetime as dt
from copy import copy
from dataclasses import replace
from functools import cache
from typing import Any

import regex

from .agencies import Acronym, defined_acronyms, find_agencies, lookup_agency, split_agencies, with_acronyms
from .clean import CleanText, Fragment
from .data.schemas import TaskWords
from .deadlines import find_deadlines, parse_deadline
from .diagnostics import Diagnostics
from .ids import SEP
from .models import AgencyRef, Deadline, Mention, Node, Reference
from .references import find_references, resolve_references, self_and_internal
from .structure import iter_nodes
from .textutil import fold_tones, slugify

STAGE = "annotate"


@cache
def _qualifier() -> regex.Pattern[str]:
    return regex.compile(TaskWords.load().agency_qualifier, regex.V1)


@cache
def _portfolio() -> regex.Pattern[str]:
    return regex.compile(TaskWords.load().named_office_portfolio, regex.V1)


def agency_ref(m, frag: Fragment | None, origin: str | None = None) -> AgencyRef:
    """The mention as an :class:`AgencyRef` with source span; a qualifier right after it is part of the
    name ("Các tổ chức chính trị - xã hội" + " tỉnh" in "… xã hội tỉnh thực hiện …").

    >>> from vbpl_extract.clean import clean_span
    >>> f = clean_span("Giao Sở Tài chính chủ trì", 0, 25)
    >>> m = find_agencies(f.text)[0]
    >>> agency_ref(m, f, "subject").span
    (5, 17)
    """
    if frag is not None and frag.text and (pre := _STANDING.search(frag.text, max(0, m.start - 40), m.start)) is not None:
        # "Thường trực Tỉnh ủy", "Thường trực Hội đồng nhân dân": the standing body is the actor
        m = replace(m, start=pre.start(), text=frag.text[pre.start():m.end], name="Thường trực " + m.name,
                    id=f"thuong_truc_{m.id}" if m.id and not m.id.startswith("unknown:") else f"unknown:{slugify('Thường trực ' + m.name)}")
    if frag is not None and frag.text and (q := _qualifier().match(frag.text, m.end)) is not None:
        tail = frag.text[m.end:q.end()]
        m = replace(m, end=q.end(), text=frag.text[m.start:q.end()], name=m.name + " " + " ".join(tail.split()),
                    id=f"unknown:{slugify(m.name + tail)}" if m.kind != "collective" or not m.id else m.id + "_" + slugify(tail))
    elif (frag is not None and frag.text and m.kind in TaskWords.load().named_office_kinds
          and (p := _PERSON.match(frag.text, m.end)) is not None):
        # "Phó Thủ tướng Chính phủ Trần Hồng Hà": heads no body, so the person is part of the name
        m = replace(m, end=p.end(), text=frag.text[m.start:p.end()], name=f"{m.name} {p['name']}",
                    id=f"{m.id}_{slugify(p['name'])}" if m.id else None)
    elif (frag is not None and frag.text and m.kind in TaskWords.load().named_office_kinds
          and (p := _portfolio().match(frag.text, m.end)) is not None):
        # "Phó Thủ tướng phụ trách lĩnh vực": named by the portfolio, written as the document writes it (the
        # person's name, by contrast, goes with the office's full name: 627/TB-VPCP writes both forms of one man)
        tail = " ".join(frag.text[m.end:p.end()].split())
        written = " ".join(m.text.split())
        m = replace(m, end=p.end(), text=frag.text[m.start:p.end()], name=f"{written[:1].upper()}{written[1:]} {tail}",
                    id=f"{m.id}_{slugify(tail)}" if m.id else None)
    span = frag.to_source(m.start, m.end) if frag is not None and frag.text else None
    return AgencyRef(id=m.id, name=m.name, text=m.text, span=span, kind=m.kind, known=m.known,
                     origin=origin or getattr(m, "origin", None))


_STANDING = regex.compile(r"(?<![\p{L}])Thường\s+trực\s+$")
# a person's name: two to four capitalised syllables ("Trần Hồng Hà", "Nguyễn Hòa Bình")
_PERSON = regex.compile(r"\s+(?P<name>\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,3})(?![\p{L}])")


def deadline_ref(m, frag: Fragment | None, origin: str) -> Deadline:
    """A deadline mention as a :class:`Deadline` with source span.

    >>> from vbpl_extract.clean import clean_span
    >>> f = clean_span("báo cáo trước ngày 15/12/2025", 0, 29)
    >>> deadline_ref(find_deadlines(f.text)[0], f, "own text").due
    '2025-12-15'
    """
    span = frag.to_source(m.start, m.end) if frag is not None and frag.text else None
    return Deadline(kind=m.kind, due=m.due.isoformat() if m.due else None, rrule=m.rrule, text=m.text,
                    span=span, origin=origin)


WINDOW = 50_000
"""A text longer than this is read window by window (each with ``CONTEXT`` characters on both sides)."""
CONTEXT = 400
MAX_MENTIONS = 5_000
"""Mentions of one kind kept for one text; the rest of a longer text is not read (a warning says so)."""


class TooManyMentions(Exception):
    """A text names more agencies or deadlines than :data:`MAX_MENTIONS` (hostile input, not a document)."""


def _window_end(text: str, start: int) -> int:
    """Where the window from ``start`` ends: at a space before ``start + WINDOW`` when there is one."""
    end = start + WINDOW
    if end >= len(text):
        return len(text)
    cut = text.rfind(" ", start + WINDOW // 2, end)
    return cut + 1 if cut > 0 else end


def read_bounded(text: str, finder, what: str) -> tuple[list, TooManyMentions | None]:
    """``finder``'s mentions in ``text`` with bounded work: a long text is read in windows of
    :data:`WINDOW` characters (with :data:`CONTEXT` characters on either side, a mention starting in
    the window is kept once), at most :data:`MAX_MENTIONS` in all. Returns the mentions and, when
    the bound cut the text short, the warning to record.

    >>> found, cut = read_bounded("Giao Sở Tài chính chủ trì. " * 3, find_agencies, "agency")
    >>> [m.start for m in found], cut
    ([5, 32, 59], None)
    """
    if len(text) <= WINDOW:
        found = list(finder(text))
    else:
        found, start = [], 0
        while start < len(text) and len(found) <= MAX_MENTIONS:
            end = _window_end(text, start)
            lo, hi = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
            last = found[-1].end if found else 0
            for m in finder(text[lo:hi]):
                if start <= m.start + lo < end and m.start + lo >= last:
                    found.append(replace(m, start=m.start + lo, end=m.end + lo))
                    last = m.end + lo
            start = end
    if len(found) <= MAX_MENTIONS:
        return found, None
    stop = found[MAX_MENTIONS].start
    return found[:MAX_MENTIONS], TooManyMentions(
        f"more than {MAX_MENTIONS:,} {what} mentions in one text of {len(text):,} characters; "
        f"the text after character {stop:,} was not read for them")


class Mentions:
    """The finders' results for the texts of one document, each text read once.

    Offsets are into the text asked about. ``node_id`` names the unit being read, for warnings.

    >>> found = Mentions(dt.date(2025, 1, 9))
    >>> [m.name for m in found.agencies("Bộ Tài chính, Bộ Công an chủ trì")]
    ['Bộ Tài chính', 'Bộ Công an']
    >>> found.deadlines("hoàn thành trong quý II năm 2025")[0].kind
    'quarter'
    """

    def __init__(self, issue_date: dt.date | None, diagnostics: Diagnostics | None = None) -> None:
        self.issue_date = issue_date
        self.diagnostics = diagnostics if diagnostics is not None else Diagnostics()
        self.node_id: str | None = None
        self._agencies: dict[str, list] = {}
        self._deadlines: dict[str, list] = {}
        self._split: dict[str, list] = {}  # a column's cells repeat ("Sở Tài chính", "Năm 2025"): each read once
        self._parsed: dict[str, Any] = {}
        self.acronyms: dict[str, Acronym] = {}  # the document's own ("… (VNMAC)"), set before the first read
        self.full_forms: dict[str, Any] = {}  # short name key -> its one fuller mention (see learn_full_forms)

    def _run(self, fn, default):
        try:
            return fn()
        except Exception as exc:  # the annotate stage's boundary: one unit's finder failing
            self.diagnostics.record(STAGE, self.node_id, exc)
            return default

    def _bounded(self, text: str, finder, what: str) -> list:
        found, cut = self._run(lambda: read_bounded(text, finder, what), ([], None))
        if cut is not None:
            self.diagnostics.record(STAGE, self.node_id, cut)
        return found

    def agencies(self, text: str) -> list:
        """Agency mentions in ``text`` (:func:`~vbpl_extract.agencies.find_agencies`)."""
        found = self._agencies.get(text)
        if found is None:
            found = self._bounded(text, find_agencies, "agency")
            if self.acronyms:
                found = self._run(lambda: with_acronyms(found, text, self.acronyms), found)
            self._agencies[text] = found
        return [self._fullest(m, text) for m in found] if self.full_forms else list(found)

    def _fullest(self, m, text: str):
        """``m`` under the fullest name the document gives it. A qualifier written after it stays the
        finder's ("Ban Chỉ huy … cấp xã"), but the place's level ("Sở Nội vụ Thành phố") is the full name's."""
        full = self.full_forms.get(_name_key(m.name)) if m.kind != "collective" else None
        if full is None:
            return m
        end = m.end
        if (q := _qualifier().match(text, m.end)) is not None:
            level = _name_key(text[m.end:q.end()])
            if not _name_key(full.name).startswith(_name_key(m.name) + " " + level + " "):
                return m
            end = q.end()
        return replace(m, end=end, text=text[m.start:end], id=full.id, name=full.name, kind=full.kind, known=full.known)

    def learn_full_forms(self) -> None:
        """Learn, from every text read so far, the fullest form the document gives each body it also names
        without its place: "Sở Y tế" -> "Sở Y tế tỉnh Cao Bằng" when the document names "Sở Y tế tỉnh Cao Bằng"
        and no other place after "Sở Y tế" (the annotation guide: a body is written in the fullest form the
        document itself gives). Collectives are never lengthened and never lengthen another name.

        >>> found = Mentions(None)
        >>> _ = found.agencies("Theo đề nghị của Giám đốc Sở Y tế tỉnh Cao Bằng.")
        >>> found.learn_full_forms()
        >>> [m.name for m in found.agencies("Sở Y tế chủ trì, phối hợp với Sở Tài chính.")]
        ['Sở Y tế tỉnh Cao Bằng', 'Sở Tài chính']
        """
        self.full_forms = full_forms(m for ms in self._agencies.values() for m in ms)

    def read_acronyms(self, document: str) -> None:
        """Learn the acronyms ``document`` defines for bodies (:func:`~vbpl_extract.agencies.defined_acronyms`);
        call before reading any of its texts."""
        self.acronyms = self._run(lambda: defined_acronyms(document), {})
        self._agencies.clear()

    def split_agencies(self, text: str) -> list:
        """The agencies of a table cell or labelled line, leftovers included."""
        found = self._split.get(text)
        if found is None:
            found = self._run(lambda: list(split_agencies(text)), None)
            if found is not None:  # a failure is recorded again where it recurs
                self._split[text] = found
        if not found:
            return self.agencies(text)
        return [self._fullest(m, text) for m in found] if self.full_forms else list(found)

    def deadlines(self, text: str) -> list:
        """Deadline mentions in ``text``, each span once."""
        found = self._deadlines.get(text)
        if found is None:
            seen: set[tuple[int, int]] = set()
            found = []
            def finder(part: str) -> list:
                return find_deadlines(part, issue_date=self.issue_date)

            for m in self._bounded(text, finder, "deadline"):
                if (m.start, m.end) not in seen:
                    seen.add((m.start, m.end))
                    found.append(m)
            self._deadlines[text] = found
        return list(found)

    def parse_deadline(self, text: str):
        """The deadline a table cell or labelled line states, or None."""
        if text in self._parsed:
            return self._parsed[text]
        found = self._run(lambda: parse_deadline(text, issue_date=self.issue_date), _FAILED)
        if found is _FAILED:  # recorded; again where it recurs
            return None
        self._parsed[text] = found
        return found

    def lookup_agency(self, name: str):
        """The gazetteer entry of a full name, or None."""
        return self._run(lambda: lookup_agency(name), None)


_FAILED = object()


def _name_key(name: str) -> str:
    return " ".join(fold_tones(name).casefold().split())


_PLACE_TAIL = regex.compile(r"(?:tỉnh|thành phố) \p{Lu}.*")


def _adds_place(short_key: str, m) -> bool:
    """``m``'s name is the short name and a place the data knows: "Sở Y tế" + "tỉnh Cao Bằng" (not a word that
    runs on: "tỉnh Lã")."""
    tail = " ".join(m.name.split()[len(short_key.split(" ")):])
    if _PLACE_TAIL.fullmatch(tail) is None:
        return False
    entry = lookup_agency("Ủy ban nhân dân " + tail)
    return entry is not None and entry.kind == "province"


def _adds_level(short_key: str, m) -> bool:
    """``m``'s name is the short name and the bare level of the issuing locality: "Ban Chỉ đạo" + "tỉnh"."""
    return _name_key(" ".join(m.name.split()[len(short_key.split(" ")):])) in _BARE_LEVELS


_BARE_LEVELS = frozenset({"tỉnh", "thành phố"})


def full_forms(mentions) -> dict[str, Any]:
    """Short name key -> the one mention whose name is the short name and a place; a short name two places
    go on from ("Sở Xây dựng tỉnh Gia Lai", "Sở Xây dựng tỉnh Lâm Đồng") stays as it is. Failing a place, the one
    mention whose name is the short name and a bare level: "Ban Chỉ đạo" -> "Ban Chỉ đạo tỉnh".

    >>> from vbpl_extract.agencies import find_agencies
    >>> forms = full_forms(find_agencies("Cục Thuế tỉnh Gia Lai; Sở Xây dựng tỉnh Gia Lai, Sở Xây dựng tỉnh Lâm Đồng"))
    >>> forms[_name_key("Cục Thuế")].name, _name_key("Sở Xây dựng") in forms
    ('Cục Thuế tỉnh Gia Lai', False)
    >>> forms = full_forms(find_agencies("Ban Chỉ đạo tỉnh; Ban Chỉ đạo Trung ương"))
    >>> forms[_name_key("Ban Chỉ đạo")].name
    'Ban Chỉ đạo tỉnh'
    """
    names: dict[str, Any] = {}
    for m in mentions:
        if m.kind != "collective":
            names.setdefault(_name_key(m.name), m)
    ext: dict[str, Any] = {}
    level: dict[str, Any] = {}
    for key, m in names.items():
        words = key.split(" ")
        for i in range(max(2, len(words) - 6), len(words)):  # a one-word name ("Bộ") is the document's shorthand
            prefix = " ".join(words[:i])
            if i < len(words) - 1 and _adds_place(prefix, m):
                ext[prefix] = m if ext.get(prefix, m) is m else _AMBIGUOUS
            elif _adds_level(prefix, m):
                level[prefix] = m if level.get(prefix, m) is m else _AMBIGUOUS
    for prefix, m in level.items():
        ext.setdefault(prefix, m)
    return {k: m for k, m in ext.items() if m is not _AMBIGUOUS}


_AMBIGUOUS = object()


def annotate(tree: list[Node], ct: CleanText, issue_date: dt.date | None, *, self_number: str | None = None,
             self_type: str | None = None, diagnostics: Diagnostics | None = None) -> tuple[Mentions, list[Reference]]:
    """Fill ``agencies``, ``deadlines`` and ``references`` of every node; return the document's
    :class:`Mentions` (for the task stage) and its references: cited documents first (with pinpoints),
    then self references and internal ones resolved to node ids."""
    found = Mentions(issue_date, diagnostics)
    found.read_acronyms(ct.text)
    for node in iter_nodes(tree):
        f = node.fragment
        if f is None or not f.text:
            continue
        found.node_id = node.id
        with found.diagnostics.guard(STAGE, node.id):
            node.agencies = [agency_ref(m, f) for m in found.agencies(f.text)]
            node.deadlines = [deadline_ref(d, f, "own text") for d in found.deadlines(f.text)]
    found.node_id = None
    first = min((n.span[0] for n in tree), default=None)
    for para in ct.paragraphs if first is not None else ():  # the preamble: "Theo đề nghị của Giám đốc Sở Y tế tỉnh …"
        if para.kind != "text" or not para.frag.text or para.frag.to_source(0, 1)[0] >= first:
            break
        found.agencies(para.frag.text)
    found.learn_full_forms()
    if found.full_forms:
        for node in iter_nodes(tree):
            f = node.fragment
            if f is not None and f.text and node.agencies:
                node.agencies = [agency_ref(m, f) for m in found.agencies(f.text)]
    return found, _references(tree, ct, self_number, self_type, found.diagnostics)


def _with_parents(tree: list[Node]) -> tuple[list[Node], dict[str, Node]]:
    """All nodes in document order, and each node's parent (by id)."""
    order: list[Node] = []
    parent: dict[str, Node] = {}
    stack: list[Node] = list(reversed(tree))
    while stack:
        node = stack.pop()
        order.append(node)
        for child in reversed(node.children):
            parent[child.id] = node
            stack.append(child)
    return order, parent


def _local(node_id: str) -> str:
    """``art_2__para_1`` -> ``para_1``."""
    return node_id.rsplit(SEP, 1)[-1]


class _Units:
    """Resolves the targets the reference finder gives ("art_?__para_2") to node ids of this tree."""

    def __init__(self, tree: list[Node]) -> None:
        self.order, self.parent = _with_parents(tree)
        self.by_local: dict[str, list[Node]] = {}
        for node in self.order:
            self.by_local.setdefault(_local(node.id), []).append(node)
        self.attachments = [n for n in tree if n.kind == "attachment"]

    def chain(self, node: Node) -> list[Node]:
        """``node`` and its ancestors, innermost first."""
        out = [node]
        while (up := self.parent.get(out[-1].id)) is not None:
            out.append(up)
        return out

    def resolve(self, target: str, node: Node | None) -> str | None:
        """The id of the unit ``target`` names, seen from ``node``; None when the tree has no such unit
        ("Điều 9" inside a decree's amendment of another text)."""
        chain = self.chain(node) if node is not None else []
        if target in ("self", "attachment"):
            if target == "self":
                return "self"
            top = chain[-1] if chain else None
            if top is not None and top.kind == "attachment":
                return top.id  # "Kế hoạch này" inside the attached plan
            return self.attachments[0].id if len(self.attachments) == 1 else "attachment"
        segs = []
        for seg in target.split(SEP):
            prefix, _, num = seg.partition("_")
            if num == "?":
                # "Điều này", "khoản 2" without an article: the unit the mention sits in
                up = next((a for a in chain if _local(a.id).split("_", 1)[0] == prefix), None)
                if up is None:
                    return None
                seg = _local(up.id)
            segs.append(seg)
        candidates = self.by_local.get(segs[-1], [])
        top = chain[-1] if chain else None
        best = None
        for c in candidates:
            above = [_local(a.id) for a in self.chain(c)[1:]]
            want = list(reversed(segs[:-1]))
            i = 0
            for local in above:
                if i < len(want) and local == want[i]:
                    i += 1
            if i < len(want):
                continue
            if best is None or (top is not None and self.chain(c)[-1] is top and self.chain(best)[-1] is not top):
                best = c
        return best.id if best is not None else None  # a unit this tree lacks: of an amended text, say


def _references(tree: list[Node], ct: CleanText, self_number: str | None, self_type: str | None,
                log: Diagnostics) -> list[Reference]:
    """Cited documents over the header preamble and every node, one reference per distinct document; self
    and internal references, one per target."""
    units = _Units(tree)
    texts: list[tuple[Node | None, Fragment]] = []
    body_start = tree[0].span[0] if tree else 10**12
    for p in ct.paragraphs:
        if p.kind == "text" and p.span[1] <= body_start:
            texts.append((None, p.frag))
    for node in units.order:
        if node.kind in ("attachment", "appendix"):
            continue  # its note "(Kèm theo Nghị quyết số 03/NQ-CP …)" names this document, not a cited one
        if node.fragment is not None and node.fragment.text:
            texts.append((node, node.fragment))
        elif node.kind == "row":
            texts.extend((node, f) for f in node.cell_fragments)
    mentions: list[Any] = []
    owners: dict[int, tuple[Node | None, Fragment]] = {}
    # a text met again in one document (a table column's repeated cells, "Năm 2025"; a repeated wrap-up line) is
    # read once; its mentions are copied, so that each place keeps its own (``owners`` is keyed by the mention object)
    read: dict[str, list[Any]] = {}
    for node, f in texts:
        with log.guard(STAGE, node.id if node is not None else None):
            found = read.get(f.text)
            if found is None:
                found = read[f.text] = find_references(f.text, self_number=self_number, self_type=self_type)
            else:
                found = [copy(m) for m in found]
            for m in found:
                if m.kind in ("self", "internal"):
                    target = units.resolve(m.internal_target or "self", node)
                    if target is None:
                        continue
                    m = replace(m, internal_target=target)
                mentions.append(m)
                owners[id(m)] = (node, f)
    resolved: list[Any] = []
    with log.guard(STAGE, None):
        resolved = [*resolve_references(mentions), *self_and_internal(mentions)]
    out: list[Reference] = []
    for r in resolved:
        ms = []
        for m in r.mentions:
            node, f = owners.get(id(m), (None, None))
            span = f.to_source(m.start, m.end) if f is not None else (0, 0)
            ms.append(Mention(text=m.text, span=span, relation=m.relation or "mention",
                              node_id=node.id if node is not None else None, pinpoint=m.pinpoint))
        out.append(Reference(
            id=r.id, number=r.number, type=r.type, title=r.title, issuer=r.issuer,
            date=r.date.isoformat() if isinstance(r.date, dt.date) else r.date,
            relation=r.relation or "mention", target=r.target, url=r.url, mentions=ms,
        ))
    # self and internal references in document order (the finder's offsets are per text)
    for ref in out:
        ref.mentions.sort(key=lambda m: m.span)
    own = sorted((r for r in out if r.relation in ("self", "internal")), key=lambda r: r.mentions[0].span if r.mentions else (0, 0))
    out = [r for r in out if r.relation not in ("self", "internal")] + own
    node_refs: dict[str, list[str]] = {}
    for ref in out:
        for mention in ref.mentions:
            if mention.node_id and ref.id not in node_refs.setdefault(mention.node_id, []):
                node_refs[mention.node_id].append(ref.id)
    for node in units.order:
        node.references = node_refs.get(node.id, [])
    return out

