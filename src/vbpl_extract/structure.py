"""Structure stage: paragraphs -> a tree of :class:`~vbpl_extract.models.Node` that never fails to build.

Found in stages, like Laws.Africa's bluebell: each paragraph is first classified by its
leading marker (``Điều 2.``, ``II.``, ``1.``, ``1.1.``, ``(1)``, ``a)``, ``-``, ``+``, ``Phụ lục II``),
then a stack places it: the big units (Phần > Chương > Mục > Tiểu mục > Điều) by fixed rank,
the list markers by the order in which the document first uses them (a marker type already
open on the stack closes back to that level; a new one nests). A paragraph with no marker is
an intro, a block inside the current unit, or a wrap-up. Attachments after the signature
(03/NQ-CP's "Chương trình hành động", "Phụ lục II") get their own subtree, tables their rows.

Ids follow Akoma Ntoso: ``art_2__para_1__point_a``; the letter ``đ`` is spelled ``dd``
(``point_dd``) so that ids stay ASCII and distinct from ``d``.

>>> from vbpl_extract.clean import normalize
>>> ct = normalize("Điều 2. Giao Sở Tài chính:\\n1. Chủ trì thẩm định\\na) Rà soát hồ sơ")
>>> tree = build_tree(ct.paragraphs, ct.source)
>>> tree[0].children[0].children[0].id
'art_2__para_1__point_a'
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import regex

from .clean import Fragment, Paragraph, clean_span, join_fragments
from .data.schemas import TaskWords
from .diagnostics import Diagnostics
from .ids import norm_num, unique, unit_id
from .markers import APPENDIX, ROMAN, Marker, classify
from .models import Node
from .textutil import display

_BULLET_MARKS = frozenset({"dash", "plus"})
_NUMBERED_MARKS = frozenset({"roman", "arabic", "dotted", "paren", "letter"})
# fixed ranks for the big units; list markers get ranks by first use
_FIXED_RANK = {"part": 1, "chapter": 2, "section": 3, "subsection": 4, "article": 5}
_NODE_KIND = {
    "part": "part", "chapter": "chapter", "section": "section", "subsection": "subsection",
    "article": "article", "roman": "section", "arabic": "item", "dotted": "item", "paren": "item",
    "letter": "point", "dash": "bullet", "plus": "bullet", "appendix": "appendix",
}
_ID_PREFIX = {
    "part": "part", "chapter": "chp", "section": "sec", "subsection": "subsec", "article": "art",
    "roman": "sec", "arabic": "item", "dotted": "item", "paren": "item", "letter": "point", "dash": "bullet",
    "plus": "bullet", "appendix": "app", "clause": "para", "item": "item",
}


# --------------------------------------------------------------------------- tree building


@dataclass
class _Open:
    node: Node
    mkind: str  # marker kind or "root"/"attachment"/"appendix"/"table"
    counters: Counter = field(default_factory=Counter)
    ids: set[str] = field(default_factory=set)


_HEADING_PUNCT_END = regex.compile(r"[.:;]$")


def _heading_split(kind: str, rest: str) -> tuple[str | None, str]:
    """Split a heading from the text: ``Điều 1. Nguyên tắc hỗ trợ`` -> heading 'Nguyên tắc hỗ trợ'."""
    if kind in ("part", "chapter", "section", "subsection", "roman", "appendix"):
        return (rest or None), ""
    if kind == "article":
        # an article heading has no final full stop and is short; else it is text
        if rest and len(rest) <= 200 and not _HEADING_PUNCT_END.search(rest) and rest[:1].isupper():
            return rest, ""
        return None, rest
    return None, rest


_WRAPUP = regex.compile(
    r"^(?:Trong\s+quá\s+trình\s+(?:tổ\s+chức\s+)?(?:thực\s+hiện|triển\s+khai)|Trên\s+đây\s+là|Quá\s+trình\s+thực\s+hiện"
    r"|Yêu\s+cầu\s+(?:Thủ\s+trưởng|các|Giám\s+đốc|Chủ\s+tịch)|Đề\s+nghị\s+các)\b",
    regex.IGNORECASE,
)


_SENTENCE_END = regex.compile(r"[.;!?…]\s*$")


def _heading_like(text: str) -> bool:
    """A short label with no closing punctuation: "Sở Tài chính", "Nội dung", "Trách nhiệm của Sở Y tế"."""
    return len(text.split()) <= 14 and not _SENTENCE_END.search(text) and "\n" not in text


@cache
def _actor_head() -> regex.Pattern[str]:
    """The opening words of a heading that names a body or a group of actors (``task_words.yaml``,
    ``actor_heading_heads`` less ``actor_heading_false_heads``): "Báo", "Các doanh nghiệp", "Ủy ban" …"""
    w = TaskWords.load()
    false = "|".join(regex.escape(h) for h in w.actor_heading_false_heads)
    heads = "|".join(regex.escape(h) for h in w.actor_heading_heads)
    return regex.compile(rf"^(?!(?:{false})(?![\p{{L}}]))(?:{heads})(?![\p{{L}}])")


def bold_actor_heading(source: str, text: str, span: tuple[int, int] | None) -> bool:
    """Is a unit's own text a heading that names its actor, set wholly in bold, however long? "**13. Báo và
    Phát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn**" (144/KH-UBND) heads the paragraph
    after it ("Chủ trì, phối hợp chặt chẽ với …"), which is not more of its text."""
    return (not _SENTENCE_END.search(text) and ":" not in text and _actor_head().match(text.strip()) is not None
            and wholly_bold(source, span))


def wholly_bold(source: str, span: tuple[int, int] | None) -> bool:
    """Is the paragraph whose text sits at ``span`` bold from its marker to its last word in the markdown
    source ("**13. Báo và\nPhát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn**", 144/KH-UBND)?
    A heading set in bold is a heading however many words it has."""
    if not span or span[1] <= span[0]:
        return False
    start = source.rfind("\n", 0, span[0]) + 1
    own = source[start:span[1]].strip()
    return own.startswith("**") and source.startswith("**", span[1]) and "**" not in own[2:]


class TreeBuilder:
    """Places classified paragraphs on a stack; never raises."""

    def __init__(self, source: str, root_id: str = "", root_kind: str = "body") -> None:
        self.source = source
        self.root = Node(id=root_id or "body", kind=root_kind, span=(0, 0))
        self.stack: list[_Open] = [_Open(self.root, "root")]
        self.list_rank: dict[str, int] = {}  # list marker kind -> depth rank, by first use
        self.counters: Counter = Counter()

    # ids ---------------------------------------------------------------
    def _new_id(self, parent: _Open, prefix: str, num: str | None) -> str:
        if not num:
            parent.counters[prefix] += 1
        base = unit_id(None if parent.mkind == "root" else parent.node.id, prefix, num or parent.counters[prefix])
        return unique(base, parent.ids)

    def _rank(self, mkind: str) -> int:
        if mkind in _FIXED_RANK:
            return _FIXED_RANK[mkind]
        if mkind not in self.list_rank:
            if mkind == "dotted" and "arabic" in self.list_rank:
                # "2.1." always sits under "2." and above whatever "2." holds
                self.list_rank[mkind] = self.list_rank["arabic"] + 5
            elif mkind == "roman" and (below := [self.list_rank[k] for k in _NUMBERED_MARKS if k in self.list_rank]):
                # "I." always sits above "1.", "(1)", "a)" (NĐ 30/2020): a Roman section after items closes them
                self.list_rank[mkind] = min(below) - 5
            else:
                self.list_rank[mkind] = 10 * (len(self.list_rank) + 1)
        return self.list_rank[mkind]

    # placing -----------------------------------------------------------
    def add_marked(self, para: Paragraph, mk: Marker) -> Node:
        text = para.text
        mkind = mk.kind
        if mkind in _FIXED_RANK:
            self.list_rank = {}  # each article / chapter orders its own list markers
            rank = _FIXED_RANK[mkind]
            while len(self.stack) > 1 and (
                self.stack[-1].mkind not in _FIXED_RANK or _FIXED_RANK[self.stack[-1].mkind] >= rank
            ) and self.stack[-1].mkind not in ("attachment", "appendix_root", "table"):
                self.stack.pop()
        else:
            # a list marker: close back to an open level of the same kind, else nest
            kinds = [o.mkind for o in self.stack]
            if mkind in kinds:
                idx = len(kinds) - 1 - kinds[::-1].index(mkind)
                # do not cross an article/attachment boundary
                barrier = max(
                    (i for i, k in enumerate(kinds) if k in _FIXED_RANK or k in ("attachment", "appendix_root")),
                    default=0,
                )
                if idx > barrier:
                    del self.stack[idx:]
            else:
                # arabic under a roman section, letter under arabic ... : nest. But an arabic
                # item after a letter inside the same article means the letter list ended.
                r = self._rank(mkind)
                while len(self.stack) > 1 and self.stack[-1].mkind in self.list_rank and self.list_rank[self.stack[-1].mkind] > r and self.stack[-1].mkind != mkind:
                    # only pop levels that were ranked deeper than this marker earlier; a dash or plus
                    # bullet never closes a numbered or lettered unit (NĐ 30/2020: khoản, điểm, then "-", "+")
                    if mkind in _BULLET_MARKS and self.stack[-1].mkind in _NUMBERED_MARKS:
                        break
                    self.stack.pop()
                if mkind == "roman" and (self.stack[-1].mkind == "root" or self.stack[-1].mkind in _FIXED_RANK):
                    # the first Roman section starts the list order afresh: a "(2)" that opened a line of
                    # the preamble prose (220/CĐ-TTg) does not rank the "(1)" under a point of section II
                    self.list_rank = {mkind: r}
        parent = self.stack[-1]
        kind = _NODE_KIND[mkind]
        prefix = _ID_PREFIX[mkind]
        if mkind == "arabic":
            in_article = parent.mkind == "article"
            kind = "clause" if in_article else "item"
            prefix = "para" if in_article else "item"
        rest = text[mk.text_start:].strip()
        heading, own = _heading_split(mkind, rest)
        num = mk.num
        node_id = self._new_id(parent, prefix, num if mkind not in ("dash", "plus") else None)
        span = para.span
        tstart = mk.text_start if own else len(text)
        text_span = para.to_source(tstart, len(text)) if own else None
        node = Node(
            id=node_id, kind=kind, num=num, num_norm=norm_num(num) if num else None,
            heading=heading, text=own, span=span, text_span=text_span,
        )
        if heading:
            node.heading_span = para.to_source(mk.text_start, len(text))
        if own:
            node.set_fragment(_sub_fragment(para.frag, tstart, len(text)))
        parent.node.children.append(node)
        self._extend(parent, span)
        self.stack.append(_Open(node, mkind))
        return node

    def add_plain(self, para: Paragraph, kind: str = "block") -> Node:
        # an unmarked paragraph after dash/plus bullets ends the bullet list (a wrap-up or new prose)
        while len(self.stack) > 1 and self.stack[-1].mkind in ("dash", "plus") and self.stack[-1].node.text:
            self.stack.pop()
        if _WRAPUP.match(para.text):
            # "Trong quá trình thực hiện, nếu có khó khăn …": closes the list it follows
            while len(self.stack) > 1 and self.stack[-1].mkind in self.list_rank and self.stack[-1].node.children == [] \
                    and len(self.stack) > 2:
                self.stack.pop()
        parent = self.stack[-1]
        if len(self.stack) == 1:
            self.list_rank = {}  # prose at the top level ends any list: marker order starts afresh
        # a plain paragraph directly after a unit whose own text is empty becomes its text
        pn = parent.node
        if pn.kind not in ("body", "attachment", "appendix", "table") and not pn.text and not pn.children and pn.heading is None:
            pn.text = para.text
            pn.text_span = para.span
            pn.set_fragment(para.frag)
            self._extend(parent, para.span)
            return pn
        if pn.kind not in ("body",) and not pn.children and pn.text and not pn.heading and kind == "block" and not _heading_like(pn.text) \
                and not bold_actor_heading(self.source, pn.text, pn.text_span):
            # a second paragraph of the same unit
            pn.text = f"{pn.text} {para.text}"
            pn.text_span = (pn.text_span[0], para.span[1]) if pn.text_span else para.span
            old = pn.fragment
            if old is not None:
                pn.set_fragment(join_fragments([old, para.frag]))
            self._extend(parent, para.span)
            return pn
        k = "intro" if not pn.children and kind == "block" else kind
        if pn.children and kind == "block" and pn.kind != "body":
            k = "wrapup" if pn.children[-1].kind != "block" else "block"
        node_id = self._new_id(parent, k if k in ("intro", "wrapup") else "block", None)
        node = Node(id=node_id, kind=k, text=para.text, span=para.span, text_span=para.span)
        node.set_fragment(para.frag)
        pn.children.append(node)
        self._extend(parent, para.span)
        return node

    def add_node(self, node: Node, *, push: bool, mkind: str) -> None:
        parent = self.stack[-1]
        parent.node.children.append(node)
        self._extend(parent, node.span)
        if push:
            self.stack.append(_Open(node, mkind))

    def _extend(self, opened: _Open, span: tuple[int, int]) -> None:
        """Every open unit contains ``span``; one still without a span (``(0, 0)``) up to ``opened`` takes it.

        A span is assigned only when it changes (a pydantic attribute write is not free).
        """
        placed = False  # past ``opened``: an empty span is widened like any other
        lo, hi = span
        for o in self.stack:
            n = o.node
            cur = n.span
            new = span if not placed and cur == (0, 0) else (min(cur[0], lo), max(cur[1], hi))
            if new != cur:
                n.span = new
            if o is opened:
                placed = True


_LETTER_NUMBER = regex.compile(r"^[A-Z](\.\d+)*\.?$")
_ARABIC_NUMBER = regex.compile(r"^\d+\.?$")
_ROW_NUMBER = regex.compile(r"^[0-9]+[a-z]?$")


def table_node(para: Paragraph, source: str, node_id: str) -> Node:
    """A table paragraph -> table node with group rows and data rows as children."""
    t = para.table
    rows = list(t.rows)  # type: ignore[attr-defined]
    hdr_n = getattr(t, "header_rows", 1) if rows else 0
    header_cells: list[str] = []
    for r in rows[:hdr_n]:
        for c, cell in enumerate(r.cells):
            txt = clean_span(source, cell.start, cell.end).text
            if c < len(header_cells):
                header_cells[c] = (header_cells[c] + " " + txt).strip() if txt and txt != header_cells[c] else header_cells[c]
            else:
                header_cells.append(txt)
    table = Node(id=node_id, kind="table", span=(t.start, t.end), header=header_cells, text="")  # type: ignore[attr-defined]
    current_group: Node | None = None
    last_row: Node | None = None
    seen: set[str] = set()
    for i, r in enumerate(rows[hdr_n:], start=1):
        frags = [clean_span(source, c.start, c.end) for c in r.cells]
        cells = [f.text for f in frags]
        spans = [(c.start, c.end) for c in r.cells]
        nonempty = [c for c in cells if c]
        if not nonempty:
            continue
        first = cells[0] if cells else ""
        label = first.strip(". *")
        if not first and last_row is not None and len(nonempty) <= 2 and len(cells) >= 3:
            # "|   | Kết quả xét nghiệm; … |  |  |": the previous row's cell goes on (a cut cell)
            merged = [(a + " " + b).strip() if b else a for a, b in zip(last_row.cells or [], cells, strict=False)]
            last_row.cells = merged
            last_row.text = " | ".join(merged)
            last_row.span = (last_row.span[0], max(last_row.span[1], r.end))
            last_row.text_span = last_row.span
            if last_row.cell_spans:
                last_row.cell_spans = [(a[0], max(a[1], b[1])) if b[1] > b[0] else a
                                       for a, b in zip(last_row.cell_spans, spans, strict=False)]
                last_row.set_fragment(None, cells=[clean_span(source, *s) for s in last_row.cell_spans])
            continue
        roman_group = bool(ROMAN.match(label)) and len(nonempty) < len(cells)
        is_group = roman_group or (len(nonempty) <= 2 and len(cells) >= 3 and (
            _LETTER_NUMBER.match(first.strip()) is not None
            or (not first and len(nonempty) == 1))) or (len(nonempty) == 1 and len(cells) >= 3 and cells[0] and not _ARABIC_NUMBER.match(first))
        num = label if first and len(label) <= 8 else None
        if is_group:
            gid = unique(unit_id(node_id, "group", num or i), seen)
            current_group = Node(
                id=gid, kind="group", num=num, num_norm=norm_num(num) if num else None,
                heading=" ".join(c for c in cells[1:] if c) or first, text=" | ".join(nonempty),
                span=(r.start, r.end), cells=cells, cell_spans=spans, text_span=(r.start, r.end),
            )
            table.children.append(current_group)
            continue
        parent = current_group or table
        last_row = None
        rid = unique(unit_id(parent.id, "row", num if num and _ROW_NUMBER.match(num) else i), seen)
        row = Node(
            id=rid, kind="row", num=num, num_norm=norm_num(num) if num else None,
            text=" | ".join(cells), span=(r.start, r.end), cells=cells, cell_spans=spans, text_span=(r.start, r.end),
        )
        row.set_fragment(None, cells=frags)
        parent.children.append(row)
        last_row = row
        if current_group is not None:
            current_group.span = (min(current_group.span[0], r.start), max(current_group.span[1], r.end))
    return table


_ATTACH_NOTE = regex.compile(r"^\(?\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo\b", regex.IGNORECASE)


def _is_upper(text: str) -> bool:
    """More than 90 % of at least 4 letters are capitals; stops early on long lower-case text.

    >>> _is_upper("QUYẾT ĐỊNH"), _is_upper("Quyết định " * 100_000)
    (True, False)
    """
    letters = upper = 0
    for at in range(0, len(text), 4096):
        chunk = list(filter(str.isalpha, text[at:at + 4096]))
        letters += len(chunk)
        upper += sum(map(str.isupper, chunk))
        # even if every remaining character were a capital letter, the ratio could not pass 0.9
        if letters - upper >= 0.1 * (letters + max(0, len(text) - at - 4096)):
            return False
    return letters >= 4 and upper / letters > 0.9


def _sub_fragment(frag: Fragment, start: int, end: int) -> Fragment:
    return Fragment(frag.text[start:end], frag.starts[start:end], frag.ends[start:end])


def build_tree(paragraphs: list[Paragraph], source: str, restart_at: set[int] | None = None,
               diagnostics: Diagnostics | None = None) -> list[Node]:
    """Build the structure tree of the body paragraphs (header and signature already removed).

    Every node with text carries its offset map (``node.fragment``; table rows one per cell).
    Attachments (a title followed by "(Kèm theo …)") and appendices ("PHỤ LỤC II") start their
    own subtree with fresh list levels. A paragraph that cannot be placed becomes a plain block and
    a warning in ``diagnostics``.
    """
    log = diagnostics if diagnostics is not None else Diagnostics()
    builder = TreeBuilder(source)
    att_count = 0
    i = 0
    n = len(paragraphs)
    while i < n:
        p = paragraphs[i]
        if restart_at and i in restart_at:
            # after the signature: nothing continues the body's last unit
            builder.stack = builder.stack[:1]
            builder.list_rank = {}
        try:
            if p.kind == "table":
                # a table after dash bullets belongs to the unit that holds the bullets, not the last one
                while len(builder.stack) > 1 and builder.stack[-1].mkind in ("dash", "plus"):
                    builder.stack.pop()
                parent = builder.stack[-1]
                tid = builder._new_id(parent, "table", None)
                builder.add_node(table_node(p, source, tid), push=False, mkind="table")
                i += 1
                continue
            text = p.text
            # attachment / appendix start: an upper-case title, then up to two more title lines,
            # then "(Kèm theo …)"
            app = APPENDIX.match(text)
            look = [paragraphs[k] for k in range(i + 1, min(n, i + 4))]
            note_at = next((k for k, q in enumerate(look) if q.kind == "text" and _ATTACH_NOTE.match(q.text)), None)
            between_ok = note_at is not None and all(
                q.kind == "text" and classify(q.text) is None and len(q.text) < 500 for q in look[:note_at]
            )
            is_title = ((_is_upper(text) or bool(app)) and classify(text) in (None,)) or bool(app)
            short_app = bool(app) and len(text) < 200 and not regex.search(r"[.;]\s*$", text)
            if is_title and ((note_at is not None and between_ok) or (app and (_is_upper(text[: app.end()] or "x") or short_app))):
                consumed = 1 + (note_at + 1 if note_at is not None and between_ok else 0)
                extra = [q.text for q in look[: note_at]] if note_at is not None and between_ok else []
                title = " ".join([text, *extra])
                note = look[note_at].text if note_at is not None and between_ok else None
                span_end = paragraphs[i + consumed - 1].span[1]
                if app:
                    num = app["num"] or ""
                    node_id = unit_id(None, "appendix", num) if num else "app"
                    kind = "appendix"
                    heading = " ".join([text[app.end():].strip(), *extra]).strip() or None
                else:
                    att_count += 1
                    node_id = unit_id(None, "attachment", att_count)
                    kind = "attachment"
                    num = None
                    heading = title
                node_id = unique(node_id, {c.id for c in builder.root.children})
                node = Node(id=node_id, kind=kind, num=num or None, num_norm=norm_num(num) if num else None,
                            heading=heading, text=note or "", span=(p.span[0], span_end),
                            text_span=paragraphs[i + consumed - 1].span if note else None)
                if note:
                    node.set_fragment(look[note_at].frag)
                builder.stack = builder.stack[:1]
                builder.list_rank = {}
                builder.add_node(node, push=True, mkind="attachment")
                i += consumed
                continue
            mk = classify(text)
            if mk is None:
                builder.add_plain(p)
            else:
                builder.add_marked(p, mk)
        except Exception as exc:  # the stage's boundary: keep the paragraph as a plain block, and say so
            node = Node(id=f"block_err_{i}", kind="block", text=p.text, span=p.span, text_span=p.span,
                        heading=f"unplaced: {type(exc).__name__}")
            node.set_fragment(p.frag)
            builder.root.children.append(node)
            log.record("structure", node.id, exc)
        i += 1
    top = builder.root.children
    _fix_spans(top)
    return top


def _fix_spans(nodes: list[Node]) -> tuple[int, int] | None:
    """Make every parent span cover its children (spans only grow)."""
    lo_hi: tuple[int, int] | None = None
    for nd in nodes:
        sub = _fix_spans(nd.children)
        if sub:
            nd.span = (min(nd.span[0], sub[0]), max(nd.span[1], sub[1]))
        lo_hi = nd.span if lo_hi is None else (min(lo_hi[0], nd.span[0]), max(lo_hi[1], nd.span[1]))
    return lo_hi


def iter_nodes(nodes: list[Node]):
    """Depth-first iteration over a forest."""
    for nd in nodes:
        yield nd
        yield from iter_nodes(nd.children)


def attachment_label(heading: str | None) -> str:
    """Short name of an attachment from its title: "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ …" -> "Chương trình hành động"."""
    head = display(heading or "") or "Văn bản kèm theo"
    head = regex.split(r"\s+(?:CỦA|THỰC\s+HIỆN|VỀ|NĂM|GIAI\s+ĐOẠN|của|thực\s+hiện|về)\b", head)[0]
    head = head[:80]
    return head[:1] + head[1:].lower() if head.isupper() else head


def unit_label(path: list[Node]) -> str:
    """Human path of a node as written: ``Chương trình hành động / II / 1 / a``, ``Điều 2 / khoản 1``."""
    parts: list[str] = []
    for nd in path:
        if nd.kind == "attachment":
            parts.append(attachment_label(nd.heading))
        elif nd.kind == "appendix":
            parts.append(f"Phụ lục {nd.num or ''}".strip())
        elif nd.kind == "article":
            parts.append(f"Điều {nd.num}")
        elif nd.kind == "clause":
            parts.append(f"khoản {nd.num}")
        elif nd.kind == "point":
            parts.append(f"điểm {nd.num}")
        elif nd.kind == "chapter":
            parts.append(f"Chương {nd.num}")
        elif nd.kind == "part":
            parts.append(f"Phần {nd.num}")
        elif nd.kind == "row":
            parts.append(f"TT {nd.num}" if nd.num else nd.id.rsplit("__", 1)[-1])
        elif nd.kind == "group":
            parts.append(nd.num or "nhóm")
        elif nd.kind == "bullet":
            parts.append(f"gạch đầu dòng {nd.id.rsplit('_', 1)[-1]}")
        elif nd.kind in ("table",):
            continue
        elif nd.num:
            parts.append(nd.num)
    return " / ".join(parts)
