"""Documents cited by a text: full citations, short forms, self and internal references, then one
reference per distinct document (after eyecite: find citations, then resolve short forms to them).

>>> text = ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát "
...         "triển khoa học; triển khai Nghị quyết 57 theo khoản 2 Điều 3 Nghị quyết này.")
>>> [(m.kind, m.number or m.internal_target) for m in find_references(text)]
[('full', '57-NQ/TW'), ('short', '57'), ('internal', 'art_3__para_2'), ('self', 'self')]
>>> [(r.id, r.date.isoformat(), r.issuer, r.relation) for r in resolve_references(find_references(text))]
[('ref_57_nq_tw', '2024-12-22', 'Bộ Chính trị', 'can_cu')]

Every function is pure over one ``str``; offsets are ``[start, end)`` into it. Patterns run on
``textutil.match_key(text)`` (same length, lower case, new-style tones) except the số ký hiệu
(``doctypes.NUMBER_RE``), whose codes are case-sensitive. Nothing here raises on text: a regex
timeout or an unexpected error ends the search with what was found so far.

Kinds of mention:

* ``full``: a số ký hiệu, with its type word when written ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của
  Bộ Chính trị"), or alone (type from the code: "83/BKHCN-BTTTT-VP" is a công văn). Each number of a
  list ("các Công điện số 217/CĐ-TTg, 218/CĐ-TTg và 222/CĐ-TTg ngày 19/11/2025") is its own mention;
  the date belongs to the last one, the issuer ("của ...") to all.
* ``short``: "Nghị quyết 57", "Kế hoạch số 02", and a repeat of an earlier full number.
* ``name``: a law or code by name ("Luật Đất đai năm 2024", "Bộ luật Lao động") and named plans cited
  as existing ("theo Quy hoạch hạ tầng thông tin và truyền thông thời kỳ 2021-2030", "Đề án 06").
  Documents a task will produce ("xây dựng Đề án ...", "dự án Luật ...", "Luật ... (sửa đổi)") are not
  references, and neither are other mentions of the same title.
* ``self``: "Nghị quyết này", the document's own number (``self_number``), and the plan it issues
  ("Ban hành kèm theo Nghị quyết này Chương trình hành động ..." and later mentions of that title).
  ``internal_target`` is ``"self"``, or ``"attachment"`` when the type differs from ``self_type``.
* ``internal``: "khoản 2 Điều 3" -> ``art_3__para_2``; "điểm a khoản 1 Điều này" -> ``art_?__para_1__point_a``.
  Ids are the structure's (:mod:`vbpl_extract.ids`): ``art_N``, ``para_N`` (khoản), ``point_x`` (đ ->
  ``dd``), ``sec_II`` (Mục/Phần with a Roman number), ``item_N`` (mục with an Arabic number), ``chp_II``
  (Chương), ``app_II`` (Phụ lục). A ``?`` stands for the unit the mention sits in ("Điều này", "khoản 2"
  without an article): the annotate stage resolves it against the structure tree.
* A unit of another document ("khoản 3 Điều 12 Nghị định số 45/2020/NĐ-CP") is not internal: it is the
  ``pinpoint`` of that citation (``art_12__para_3``).
* ``url``: "http://nq57.vn", "www.chinhphu.vn".
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import regex

from . import doctypes
from .doctypes import NUMBER_RE, ReferenceWords, load_doc_types, normalize_number, parse_number
from .ids import PREFIX, SEP, unique
from .textutil import display, fold_tones, match_key, slugify

__all__ = [
    "ReferenceMention",
    "ResolvedReference",
    "find_references",
    "resolve_references",
    "self_and_internal",
]

_TIMEOUT = 2.0  # seconds per regex call
_GAP = r"[\s*_]+"
_OGAP = r"[\s*_]*"
_RELATION_RANK = {"can_cu": 0, "amends": 1, "repeals": 2, "replaces": 3, "guides": 4, "implements": 5,
                  "mention": 9}


@dataclass(frozen=True)
class ReferenceMention:
    """One place where a document is cited.

    ``Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị`` -> kind ``full``, number
    ``57-NQ/TW``, type ``Nghị quyết``, date 2024-12-22, issuer ``Bộ Chính trị``.
    """

    start: int
    end: int
    text: str
    kind: str  # full | short | name | self | internal | url
    number: str | None = None
    type: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None
    relation: str = "mention"
    internal_target: str | None = None
    year: int | None = None  # "năm 2024", "(2013)": the year when no full date is given
    pinpoint: str | None = None  # "khoản 3 Điều 12 Nghị định số 45/2020/NĐ-CP" -> "art_12__para_3"


@dataclass(frozen=True)
class ResolvedReference:
    """One distinct document: ``ref_57_nq_tw`` with all the places that cite it."""

    id: str
    number: str | None
    type: str | None
    title: str | None
    issuer: str | None
    date: dt.date | None
    relation: str
    mentions: tuple[ReferenceMention, ...] = field(default_factory=tuple)
    target: str | None = None  # self / internal: "self", "attachment" or a structure id path
    url: str | None = None
    year: int | None = None

    def to_model(self, offset: int = 0, node_ids: Callable[[int, int], str | None] | None = None) -> Any:
        """The output model (``models.Reference``); spans shifted by ``offset``, ``node_ids(start, end)`` fills Mention.node_id."""
        from .models import Mention, Reference

        mentions = [
            Mention(text=display(m.text), span=(m.start + offset, m.end + offset), relation=m.relation,
                    node_id=node_ids(m.start, m.end) if node_ids else None)
            for m in self.mentions
        ]
        return Reference(id=self.id, number=self.number, type=self.type, title=self.title, issuer=self.issuer,
                         date=self.date.isoformat() if self.date else None, relation=self.relation,
                         target=self.target, url=self.url, mentions=mentions)


# ---------------------------------------------------------------------------------------------------
# Patterns, built once from data/doc_types.yaml.


def _phrase(words: Sequence[str]) -> str:
    """Alternation of key-form phrases, longest first; a space matches any gap (line breaks, ``**``)."""
    keys = sorted({" ".join(match_key(w).split()) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(_GAP.join(regex.escape(t) for t in k.split(" ")) for k in keys) + ")"


def _name_phrase(name: str) -> str:
    """A law name as a key pattern: commas may be followed by any gap ("Phòng, chống tham nhũng")."""
    tokens = regex.findall(r"[^\s,]+|,", match_key(name))
    out = ""
    for i, tok in enumerate(tokens):
        if tok == ",":
            out += r"[ \t]*,"
        else:
            out += (_GAP if i and tokens[i - 1] != "," else (_OGAP if i else "")) + regex.escape(tok)
    return out


@dataclass(frozen=True)
class _Lex:
    type_alt: str
    numbered_type_alt: str
    back_type: regex.Pattern[str]
    list_sep: regex.Pattern[str]
    date_after: regex.Pattern[str]
    year_after: regex.Pattern[str]
    issuer_start: regex.Pattern[str]
    title_start: regex.Pattern[str]
    short: regex.Pattern[str]
    self_ref: regex.Pattern[str]
    internal: regex.Pattern[str]
    external_after: regex.Pattern[str]
    law_word: regex.Pattern[str]
    law_names: regex.Pattern[str]
    code_names: regex.Pattern[str]
    amending: regex.Pattern[str]
    law_after: regex.Pattern[str]
    named: regex.Pattern[str]
    named_types: dict[str, str]
    relation_words: regex.Pattern[str]
    relation_of: dict[str, str]
    existing_cue: regex.Pattern[str]
    product_cue: regex.Pattern[str]
    self_heading: regex.Pattern[str]
    boundary: regex.Pattern[str]
    type_at: regex.Pattern[str]
    aliases: dict[str, str]
    known_issuers: regex.Pattern[str]


_URL_RE = regex.compile(r"(?<![\p{L}\d@])(?:https?://|www\.)[^\s<>()\[\]\"'|*]+", regex.IGNORECASE)
_TOKEN_RE = regex.compile(r"[\p{L}\d]+(?:[&/\-–.][\p{L}\d]+)*|\n[ \t]*\n|[-–]|[^\s\p{L}\d*_]")
_DATE_BODY = (
    rf"ngày{_GAP}(?:(?P<d1>\d{{1,2}}){_GAP}tháng{_GAP}(?P<m1>\d{{1,2}}){_GAP}năm{_GAP}(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s*[/.\-–]\s*(?P<m2>\d{{1,2}})\s*[/.\-–]\s*(?P<y2>\d{{4}}))"
)


@functools.cache
def _lex() -> _Lex:
    data = doctypes.load_doc_types()
    words = data.reference_words
    all_types = [w for t in data.types for w in t.words]
    numbered = [w for t in data.types if t.codes or t.name in ("Luật",) for w in t.words]
    named_types = {" ".join(match_key(k).split()): v for k, v in data.named_types.items()}
    type_alt = _phrase(all_types)
    numbered_alt = _phrase([w for w in numbered if " ".join(match_key(w).split()) not in named_types])
    named_alt = _phrase(list(data.named_types))
    relation_of: dict[str, str] = {}
    for rel, ws in words.relations.items():
        for w in ws:
            relation_of[" ".join(match_key(w).split())] = rel
    fillers = _phrase(words.fillers)
    roman = r"[ivxlc]+"
    item = (
        rf"(?:điểm{_GAP}[a-zđ](?:{_OGAP}(?:,|và){_OGAP}[a-zđ])*(?![\p{{L}}\d])"
        rf"|khoản{_GAP}\d{{1,3}}(?:{_OGAP}(?:,|và){_OGAP}\d{{1,3}})*(?![\p{{L}}\d])"
        rf"|điều{_GAP}\d{{1,3}}[a-z]?(?![\p{{L}}\d])"
        rf"|(?:tiểu{_GAP}mục|mục|phần|chương|phụ{_GAP}lục){_GAP}(?:{roman}|\d{{1,2}})(?![\p{{L}}\d]))"
    )
    tail_this = rf"(?:điều|khoản|mục|phần|chương){_GAP}này(?!\p{{L}})"
    internal = (
        rf"(?<![\p{{L}}\d])(?:{item}(?:{_GAP}(?:của{_GAP})?{item})*(?:{_GAP}(?:của{_GAP})?{tail_this})?"
        rf"|{tail_this})"
    )
    laws = [n for n in data.laws]
    return _Lex(
        type_alt=type_alt,
        numbered_type_alt=numbered_alt,
        back_type=regex.compile(
            rf"(?:(?<!\p{{L}})(?P<type>{type_alt})(?:{_GAP}số(?:{_GAP}hiệu)?)?|(?<!\p{{L}})(?P<so>số(?:{_GAP}hiệu)?))"
            rf"[ \t]*:?{_OGAP}\Z"
        ),
        list_sep=regex.compile(rf"{_OGAP}(?:,|;|và|hoặc|,{_OGAP}và){_OGAP}(?:số{_GAP})?"),
        date_after=regex.compile(rf"{_OGAP},?{_OGAP}{_DATE_BODY}"),
        year_after=regex.compile(rf"{_OGAP}(?:năm{_GAP}|\({_OGAP}(?:năm{_GAP})?)(?P<y>(?:19|20)\d\d)(?!\d)\)?"),
        issuer_start=regex.compile(rf"{_OGAP},?{_OGAP}của{_GAP}"),
        title_start=regex.compile(rf"{_OGAP},?{_OGAP}(?:về{_GAP}(?:việc{_GAP})?|v/v{_OGAP})"),
        short=regex.compile(
            rf"(?<!\p{{L}})(?P<type>{numbered_alt}){_GAP}(?:số{_GAP})?"
            rf"(?P<nums>\d{{1,5}}(?:{_OGAP}(?:,|và){_OGAP}\d{{1,5}}(?![\d/\-–]))*)"
            r"(?![\d\p{L}%]|[/.,\-–]\d|\s?[/\-–]\s?\p{L})"
        ),
        self_ref=regex.compile(rf"(?<!\p{{L}})(?P<type>{type_alt}){_GAP}{regex.escape(words.self_word)}(?!\p{{L}})"),
        internal=regex.compile(internal),
        external_after=regex.compile(
            rf"{_OGAP}(?:của{_GAP})?(?:(?:{type_alt})(?!{_GAP}{regex.escape(words.self_word)}(?!\p{{L}}))(?!\p{{L}})"
            rf"|(?:số{_GAP})?\d+[/\-])"
        ),
        law_word=regex.compile(r"(?<!\p{L})(?:bộ[\s*_]+luật|luật|hiến[\s*_]+pháp)(?!\p{L})"),
        law_names=regex.compile(
            "(?:" + "|".join(_name_phrase(n) for n in sorted(laws, key=len, reverse=True)) + r")(?![\p{L}\d])"
        ),
        code_names=regex.compile(
            "(?:" + "|".join(_name_phrase(n) for n in sorted(data.codes_of_law, key=len, reverse=True))
            + r")(?![\p{L}\d])"
        ),
        amending=regex.compile(
            rf"sửa{_GAP}đổi{_OGAP},?{_OGAP}bổ{_GAP}sung(?:{_GAP}một{_GAP}số{_GAP}điều)?(?:{_GAP}của)?{_GAP}"
        ),
        law_after=regex.compile(
            rf"(?:{_OGAP}\({_OGAP}(?P<amend>sửa{_GAP}đổi|thay{_GAP}thế)[^)]{{0,30}}\)"
            rf"|{_OGAP}\({_OGAP}(?:năm{_GAP})?(?P<ly1>(?:19|20)\d\d){_OGAP}\)"
            rf"|{_GAP}năm{_GAP}(?P<ly2>(?:19|20)\d\d)(?!\d)"
            rf"|{_OGAP},?{_OGAP}{_DATE_BODY}"
            rf"|{_GAP}(?P<so>số){_GAP}(?=\d))"
        ),
        named=regex.compile(rf"(?<!\p{{L}})(?P<type>{named_alt})(?=[\s*_])"),
        named_types=named_types,
        relation_words=regex.compile(rf"(?<!\p{{L}}){_phrase(list(relation_of))}(?!\p{{L}})"),
        relation_of=relation_of,
        existing_cue=regex.compile(
            rf"(?<!\p{{L}}){_phrase(words.existing_cues)}(?:{_GAP}{fillers})*{_OGAP}\Z"
        ),
        # "xây dựng Đề án", "trình ban hành Luật", "xây dựng, triển khai Đề án", "xây dựng tổ chức triển khai Đề án"
        product_cue=regex.compile(
            rf"(?<!\p{{L}})(?<!đã{_GAP})(?<!được{_GAP}){_phrase(words.product_cues)}"
            rf"(?:{_OGAP},?{_GAP}(?:và{_GAP})?(?:{_phrase(words.product_cues)}|{_phrase(words.product_then)}))*"
            rf"(?:{_GAP}{fillers})*{_OGAP}\Z"
        ),
        self_heading=regex.compile(
            rf"^[\s*#>|_]*(?:điều{_GAP}1{_OGAP}\.?[\s*_]*)?(?:ban{_GAP}hành|phê{_GAP}duyệt)"
            rf"(?:{_GAP}kèm{_GAP}theo{_GAP}(?:{type_alt}){_GAP}này)?[\s*_]*$"
        ),
        boundary=regex.compile(r"[;:|]|\.(?=[\s*])|\n[ \t]*\n|\n(?=[ \t*]*(?:[-+•]\s|\d+\.\s|[a-zđ]\)\s))"),
        type_at=regex.compile(rf"(?:{type_alt})(?!\p{{L}})"),
        aliases=dict(data.law_aliases),
        known_issuers=regex.compile(
            "(?:" + "|".join(_name_phrase(i.name) for i in sorted(data.issuers, key=lambda i: len(i.name), reverse=True)
                             if len(i.name.split()) > 3) + r")(?![\p{L}\d])"
        ),
    )


# ---------------------------------------------------------------------------------------------------
# Small helpers.


def _key(text: str) -> str:
    """``match_key`` that is guaranteed to keep the length (İ and Ð folded safely)."""
    folded = fold_tones(text)
    low = folded.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    return low.replace("ð", "đ")


def _date(y: str | None, m: str | None, d: str | None) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d)) if y and m and d else None
    except ValueError:
        return None


def _date_from(match: regex.Match[str]) -> dt.date | None:
    g = match.groupdict()
    return _date(g.get("y1"), g.get("m1"), g.get("d1")) or _date(g.get("y2"), g.get("m2"), g.get("d2"))


def _clean(text: str) -> str:
    return display(text).strip(" ,;:.-–")


def _norm_title(title: str | None) -> str:
    """Identity of a title: key form without commas and "số", cut after the first số ký hiệu in it.

    "Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW năm 2024 của Bộ phình trị"
    and "... thực hiện Nghị quyết 57-NQ/TW ngày 22/12/2024 ..." are the same programme.
    """
    text = display(title or "")
    m = NUMBER_RE.search(text)
    if m:
        text = text[:m.start()] + normalize_number(m.group(0)).upper()
    return " ".join(w for w in _key(text).replace(",", " ").split() if w != "số")


def _number_key(number: str) -> str:
    return normalize_number(number).upper()


class _Ctx:
    """The text, its key, and cached searches shared by the finders."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.key = _key(text)
        self.lex = _lex()

    def search(self, pattern: regex.Pattern[str], pos: int, endpos: int | None = None) -> regex.Match[str] | None:
        return pattern.search(self.key, pos, len(self.key) if endpos is None else endpos, timeout=_TIMEOUT)

    def match(self, pattern: regex.Pattern[str], pos: int) -> regex.Match[str] | None:
        return pattern.match(self.key, pos, timeout=_TIMEOUT)

    def clause_start(self, pos: int, window: int = 240) -> int:
        lo = max(0, pos - window)
        last = lo
        for m in self.lex.boundary.finditer(self.key, lo, pos, timeout=_TIMEOUT):
            last = m.end()
        return last

    def context(self, pos: int, window: int = 240) -> str:
        return self.key[self.clause_start(pos, window):pos]

    def relation(self, pos: int) -> str:
        best = None
        for m in self.lex.relation_words.finditer(self.key, self.clause_start(pos), pos, timeout=_TIMEOUT):
            best = m
        if best is None:
            return "mention"
        return self.lex.relation_of.get(" ".join(regex.sub(r"[\s*_]+", " ", best.group(0)).split()), "mention")

    def ends_with(self, pattern: regex.Pattern[str], pos: int, window: int = 80) -> bool:
        lo = max(self.clause_start(pos), pos - window)
        return self.search(pattern, lo, pos) is not None

    def upper_at(self, pos: int) -> bool:
        return pos < len(self.text) and self.text[pos].isupper()

    def line_start_before(self, pos: int) -> bool:
        """Only markup between the start of the line and ``pos`` (a heading, not a citation)."""
        nl = self.text.rfind("\n", 0, pos)
        return regex.fullmatch(r"[\s*#>|_\-]*", self.text[nl + 1:pos]) is not None


def _words() -> ReferenceWords:
    """The word lists of ``doc_types.yaml`` ``reference_words`` (issuer and title stops, office holders)."""
    return load_doc_types().reference_words


def _tokens(ctx: _Ctx, pos: int, limit: int = 400) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), ctx.key[m.start():m.end()])
            for m in _TOKEN_RE.finditer(ctx.text, pos, min(len(ctx.text), pos + limit), timeout=_TIMEOUT)]


_HOLDER_RE = regex.compile(
    r"^(?:(?:Bộ trưởng|Thứ trưởng|Chủ tịch|Phó Chủ tịch|Thủ trưởng|Giám đốc|Chủ nhiệm|Tổng Giám đốc|"
    r"Trưởng ban|Trưởng Ban|Tổng Kiểm toán|Thống đốc|Tổng Thanh tra)[,\s]+)+(?=(?:Bộ|Ủy ban|Uỷ ban|Văn phòng|Sở|"
    r"Ban|Hội đồng|Tổng cục|Cục|Ngân hàng|Kiểm toán|Thanh tra)\b)"
)


def _issuer_at(ctx: _Ctx, pos: int) -> tuple[str | None, int]:
    """``Bộ trưởng Bộ Tài chính quy định ...`` at ``pos`` -> (``Bộ Tài chính``, end offset)."""
    known = ctx.match(ctx.lex.known_issuers, pos) if ctx.upper_at(pos) else None
    toks = _tokens(ctx, pos, 240)
    kept: list[tuple[int, int, str]] = []
    for i, (s, e, k) in enumerate(toks):
        if len(kept) >= 16:
            break
        nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
        if k == "," and " ".join(t[2] for t in kept) in _words().office_holders:
            continue  # "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"
        if not k[0].isalnum() and k not in ("-", "–"):
            break
        if kept and (not ctx.upper_at(s) or ctx.text[s:e].isupper()) and (k in _words().issuer_stop or f"{k} {nxt}" in _words().issuer_stop_pairs):
            break  # lower case only: "Cần Thơ" is a name, "cần" a verb
        if kept and k == "và" and not (i + 1 < len(toks) and ctx.upper_at(toks[i + 1][0])
                                       and not ctx.match(ctx.lex.type_at, toks[i + 1][0])):
            break
        if kept and ctx.upper_at(s) and ctx.match(ctx.lex.type_at, s):
            break
        if not kept and not ctx.upper_at(s):
            return None, pos
        kept.append((s, e, k))
    while kept and kept[-1][2] in ("-", "–", "và"):
        kept.pop()
    if known and (not kept or known.end() >= kept[-1][1]):
        return _clean(ctx.text[pos:known.end()]), known.end()
    if not kept:
        return None, pos
    raw = _clean(ctx.text[kept[0][0]:kept[-1][1]])
    issuer = _HOLDER_RE.sub("", raw).strip(" ,")
    return (issuer or None), kept[-1][1]


def _title_at(ctx: _Ctx, pos: int, stop_words: set[str] | frozenset[str] = frozenset(), limit: int = 40,
              comma_ok: Callable[[str], bool] | None = None) -> tuple[str, int]:
    """Words from ``pos`` up to a terminator (``;`` ``.`` ``(`` ``|`` blank line, a stop word, a comma)."""
    toks = _tokens(ctx, pos, 600)
    end = pos
    count = 0
    for i, (_s, e, k) in enumerate(toks):
        if count >= limit:
            break
        if k == ",":
            nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
            if comma_ok and comma_ok(nxt):
                continue
            break
        if not (k[0].isalnum() or k in ("-", "–")):
            break
        if count and k in stop_words:
            break
        if count and k == "và" and i + 1 < len(toks) and (
            toks[i + 1][2] == "các" or (ctx.upper_at(toks[i + 1][0]) and ctx.match(ctx.lex.type_at, toks[i + 1][0]))
        ):
            break  # "... và các ...", "... và Nghị quyết ..."
        end = e
        count += 1
    return _clean(ctx.text[pos:end]), end


# ---------------------------------------------------------------------------------------------------
# Finders.


def _find_urls(ctx: _Ctx) -> list[ReferenceMention]:
    out = []
    for m in _URL_RE.finditer(ctx.text, timeout=_TIMEOUT):
        url = m.group(0).rstrip(".,;:!?")
        out.append(ReferenceMention(m.start(), m.start() + len(url), url, "url", title=url,
                                    relation=ctx.relation(m.start())))
    return out


def _find_numbers(ctx: _Ctx, self_key: str | None) -> list[ReferenceMention]:
    lex = ctx.lex
    out: list[ReferenceMention] = []
    found = list(NUMBER_RE.finditer(ctx.text, timeout=_TIMEOUT))
    prev_end = -1
    head_type: str | None = None
    group: list[int] = []  # indices in out of the current list
    for m in found:
        s, e = m.span()
        number = normalize_number(m.group(0))
        back = ctx.search(lex.back_type, max(0, s - 80), s)
        own_type = doctypes.type_from_word(back.group("type")) if back and back.group("type") else None
        in_list = prev_end >= 0 and lex.list_sep.fullmatch(ctx.key, prev_end, s, timeout=_TIMEOUT) is not None
        if not in_list:
            group = []
            head_type = own_type
        elif own_type:
            head_type = own_type
        typ = own_type or (head_type if in_list else None) or doctypes.type_of_number(number)
        start = back.start() if back and not in_list else s
        # Trailing date / year, issuer, title.
        pos, date, year = e, None, None
        dm = ctx.match(lex.date_after, pos)
        if dm:
            date, pos = _date_from(dm), dm.end()
            year = date.year if date else None
        else:
            ym = ctx.match(lex.year_after, pos)
            if ym:
                year, pos = int(ym.group("y")), ym.end()
        issuer = None
        im = ctx.match(lex.issuer_start, pos)
        if im:
            issuer, iend = _issuer_at(ctx, im.end())
            if issuer:
                pos = iend
        title = None
        tm = ctx.match(lex.title_start, pos)
        if tm:
            title, _ = _title_at(ctx, tm.end(), limit=60, comma_ok=lambda _k: True)
            title = title or None
        kind = "full"
        target = None
        if self_key and _number_key(number) == self_key:
            kind, target = "self", "self"
        mention = ReferenceMention(start, pos, ctx.text[start:pos], kind, number=number, type=typ, date=date,
                                   issuer=issuer, title=title,
                                   relation="self" if kind == "self" else ctx.relation(start),
                                   internal_target=target, year=year)
        if issuer:  # "các Nghị quyết số 57-NQ/TW và 45-NQ/TW của Bộ Chính trị": the issuer is for all
            for i in group:
                if out[i].issuer is None:
                    out[i] = replace(out[i], issuer=issuer)
        group.append(len(out))
        out.append(mention)
        prev_end = e
    return out


def _find_short(ctx: _Ctx) -> list[ReferenceMention]:
    out = []
    for m in ctx.lex.short.finditer(ctx.key, timeout=_TIMEOUT):
        if not ctx.upper_at(m.start()):
            continue
        after = ctx.key[m.end():m.end() + 12]
        if regex.match(r"[\s*_]+(?:năm|tháng|ngày|lần|giai)(?!\p{L})", after):
            continue  # "Kế hoạch 5 năm"
        typ = doctypes.type_from_word(m.group("type"))
        nums = [(n.start(), n.group(0)) for n in regex.finditer(r"\d+", m.group("nums"))]
        base = m.start("nums")
        for i, (off, num) in enumerate(nums):
            if len(num) == 4 and num[:2] in ("19", "20"):
                continue
            start = m.start() if i == 0 else base + off
            end = base + off + len(num)
            out.append(ReferenceMention(start, end, ctx.text[start:end], "short", number=num, type=typ,
                                        relation=ctx.relation(m.start())))
    return out


def _find_self(ctx: _Ctx, self_type: str | None) -> list[ReferenceMention]:
    out = []
    for m in ctx.lex.self_ref.finditer(ctx.key, timeout=_TIMEOUT):
        typ = doctypes.type_from_word(m.group("type"))
        if not ctx.upper_at(m.start()) and typ != "Công văn":
            continue
        target = "attachment" if self_type and typ and typ not in (self_type, "Công văn") else "self"
        out.append(ReferenceMention(m.start(), m.end(), ctx.text[m.start():m.end()], "self", type=typ,
                                    relation="self", internal_target=target))
    return out


_UNIT_RE = regex.compile(
    r"(?P<unit>điểm|khoản|điều|tiểu[\s*_]+mục|mục|phần|chương|phụ[\s*_]+lục)[\s*_]+(?P<nums>này|[\p{L}\d]+(?:[\s*_]*(?:,|và)[\s*_]*[\p{L}\d]+)*)"
)
_RANK = {"app": 0, "part": 1, "chp": 2, "sec": 3, "item": 4, "art": 5, "cl": 6, "pt": 7}
_ID_PREFIX = {"app": PREFIX["appendix"], "part": PREFIX["part"], "chp": PREFIX["chapter"], "sec": PREFIX["section"],
              "item": PREFIX["item"], "art": PREFIX["article"], "cl": PREFIX["clause"], "pt": PREFIX["point"]}


def _internal_targets(ctx: _Ctx, start: int, end: int) -> list[str]:
    """``khoản 1, 2 Điều 3`` -> ``['art_3__para_1', 'art_3__para_2']``; [] when not a valid internal reference."""
    units: list[tuple[str, list[str]]] = []
    for u in _UNIT_RE.finditer(ctx.key, start, end, timeout=_TIMEOUT):
        unit = " ".join(regex.sub(r"[\s*_]+", " ", u.group("unit")).split())
        raw_nums = [(n.start(), n.group(0)) for n in regex.finditer(r"[\p{L}\d]+", u.group("nums"))
                    if n.group(0) != "và"]
        nums: list[str] = []
        for off, n in raw_nums:
            if n == "này":
                nums.append("?")
                continue
            orig = ctx.text[u.start("nums") + off:u.start("nums") + off + len(n)]
            if unit == "điểm":
                nums.append(n.replace("đ", "dd"))
            elif regex.fullmatch(r"[ivxlc]+", n) and unit not in ("khoản", "điều"):
                if not orig.isupper():
                    return []  # "mục vi phạm"
                nums.append(orig)
            else:
                nums.append(n)
        units.append((unit, nums))
    segs: list[tuple[str, list[str]]] = []
    has_roman_section = any(u == "mục" and n and regex.fullmatch(r"[IVXLC]+", n[0]) for u, n in units)
    for unit, nums in units:
        if unit == "điều":
            segs.append(("art", nums))
        elif unit == "khoản":
            segs.append(("cl", nums))
        elif unit == "điểm":
            segs.append(("pt", nums))
        elif unit == "chương":
            segs.append(("chp", nums))
        elif unit == "phụ lục":
            segs.append(("app", nums))
        elif unit == "phần":
            segs.append(("part" if has_roman_section else "sec", nums))
        elif unit in ("mục", "tiểu mục"):
            roman = bool(nums) and regex.fullmatch(r"[IVXLC?]+", nums[0]) is not None
            segs.append(("sec" if roman and unit == "mục" else "item", nums))
    kinds = {k for k, _ in segs}
    if not segs or kinds == {"pt"}:
        return []
    if kinds & {"cl", "pt"} and "art" not in kinds and not kinds & {"sec", "item", "app"}:
        segs.append(("art", ["?"]))
    if "pt" in kinds and "cl" not in kinds and "art" in kinds:
        segs.append(("cl", ["?"]))
    if kinds == {"item"}:
        segs.append(("sec", ["?"]))
    segs.sort(key=lambda kv: _RANK[kv[0]])
    # Expand a list on one level: the first listed level (innermost in the text).
    listed = next((i for i, (_, ns) in enumerate(segs) if len(ns) > 1), None)
    variants = segs[listed][1] if listed is not None else [None]
    targets = []
    for v in variants:
        parts = [f"{_ID_PREFIX[k]}_{v if i == listed else ns[0]}" for i, (k, ns) in enumerate(segs)]
        targets.append(SEP.join(parts))
    return targets


def _find_internal(ctx: _Ctx, pins: list[tuple[int, int, list[str]]] | None = None) -> list[ReferenceMention]:
    """Units of this document ("khoản 2 Điều 3", "Điều này"); a unit of another document ("khoản 3 Điều 12
    Nghị định số 45/2020/NĐ-CP") goes to ``pins`` as (start, where its citation may start, targets)."""
    lex = ctx.lex
    out = []
    for m in lex.internal.finditer(ctx.key, timeout=_TIMEOUT):
        s, e = m.span()
        if not ctx.key.endswith("này", s, e) and ctx.line_start_before(s) and regex.match(r"[ \t*_]*(?:[.:\-–]|\n|$)", ctx.text[e:e + 5]):
            continue  # a heading: "Điều 3. Tổ chức thực hiện", "Phụ lục II"
        if (ext := ctx.match(lex.external_after, e)) is not None:
            # "khoản 2 Điều 3 Nghị định số 45/2020/NĐ-CP": a pinpoint in another document
            if pins is not None:
                pins.append((s, ext.end(), [t for t in _internal_targets(ctx, s, e) if "?" not in t]))
            continue
        for target in _internal_targets(ctx, s, e):
            out.append(ReferenceMention(s, e, ctx.text[s:e], "internal", relation=ctx.relation(s),
                                        internal_target=target))
    return out


@dataclass
class _Names:
    mentions: list[ReferenceMention] = field(default_factory=list)
    products: set[str] = field(default_factory=set)
    self_titles: list[str] = field(default_factory=list)
    numbers: list[tuple[int, int]] = field(default_factory=list)  # spans of "Luật ... số 64/2025/QH15"


def _law_name(ctx: _Ctx, pos: int, word: str) -> tuple[str, int] | None:
    """The law's name starting at ``pos`` (after "Luật "): gazetteer, alias, then the heuristic."""
    lex = ctx.lex
    if word == "bộ luật":
        m = ctx.match(lex.code_names, pos)
        if m:
            return _clean(ctx.text[pos:m.end()]), m.end()
    else:
        for alias, name in lex.aliases.items():
            if ctx.text.startswith(alias, pos):
                return name, pos + len(alias)
        m = ctx.match(lex.law_names, pos)
        if m:
            return _clean(ctx.text[pos:m.end()]), m.end()
    if not ctx.upper_at(pos) or ctx.key.startswith(("điều", "chương", "mục", "phần", "khoản"), pos):
        return None  # "LUẬT\nĐiều 1" is a heading, not a name
    stops = _words().law_name_stop
    toks = _tokens(ctx, pos, 200)
    end, count = pos, 0
    for i, (_s, e, k) in enumerate(toks):
        if count >= 8 or not k[0].isalpha():
            break
        if count and k in stops:
            break
        if count and k == "và":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if not (nxt and ctx.upper_at(nxt[0]) and nxt[2] not in ("luật", "bộ")):
                break
            continue
        end, count = e, count + 1
    return (_clean(ctx.text[pos:end]), end) if count else None


def _law_qualifiers(ctx: _Ctx, pos: int) -> tuple[int, dt.date | None, int | None, str | None, bool]:
    """After a law's name: ``ngày 19 tháng 6 năm 2015``, ``năm 2024``, ``(2013)``, ``số 64/2025/QH15``, ``(sửa đổi)``."""
    date = year = number = None
    product = False
    for _ in range(3):
        m = ctx.match(ctx.lex.law_after, pos)
        if not m:
            break
        if m.group("amend"):
            product = True
        elif m.group("ly1") or m.group("ly2"):
            year = int(m.group("ly1") or m.group("ly2"))
        elif m.group("so"):
            n = NUMBER_RE.match(ctx.text, m.end(), timeout=_TIMEOUT)
            if not n:
                break
            number = normalize_number(n.group(0))
            pos = n.end()
            continue
        else:
            date = _date_from(m)
            year = date.year if date else year
        pos = m.end()
    return pos, date, year, number, product


def _find_laws(ctx: _Ctx, names: _Names) -> None:
    lex = ctx.lex
    amended_end = -1  # end of the last "Luật sửa đổi, bổ sung ... của Luật A và Luật B"
    for m in lex.law_word.finditer(ctx.key, timeout=_TIMEOUT):
        s = m.start()
        if not ctx.upper_at(s):
            continue  # "các luật có liên quan", "pháp luật"
        word = " ".join(regex.sub(r"[\s*_]+", " ", m.group(0)).split())
        gap = regex.match(r"[\s*_]+", ctx.text[m.end():m.end() + 10])
        pos = m.end() + (gap.end() if gap else 0)
        if word == "hiến pháp":
            end, date, year, _, _ = _law_qualifiers(ctx, m.end())
            title = "Hiến pháp" + (f" năm {year}" if year else "")
            names.mentions.append(ReferenceMention(s, end, ctx.text[s:end], "name", type="Hiến pháp", date=date,
                                                   issuer="Quốc hội", title=title, relation=ctx.relation(s),
                                                   year=year))
            continue
        typ = "Bộ luật" if word == "bộ luật" else "Luật"
        amend = ctx.match(lex.amending, pos) if typ == "Luật" else None
        if amend:
            # "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương"
            end = amend.end()
            while True:
                inner = ctx.match(regex.compile(r"(?:bộ[\s*_]+)?luật[\s*_]+"), end)
                if not inner:
                    break
                got = _law_name(ctx, inner.end(), "bộ luật" if ctx.key.startswith("bộ", end) else "luật")
                if not got:
                    break
                end = got[1]
                sep = regex.match(r"[\s*_]*(?:,|và)[\s*_]*(?=(?:bộ[\s*_]+)?luật)", ctx.key[end:end + 12])
                if not sep:
                    break
                end += sep.end()
            if end == amend.end():
                continue
            name_title, name_end = _clean(ctx.text[s:end]), end
            amended_end = end
        else:
            got = _law_name(ctx, pos, word)
            if not got:
                continue
            name_title, name_end = f"{ctx.text[s:m.end()].strip('*_ ')} {got[0]}", got[1]
            name_title = " ".join(name_title.split())
        if name_end == amended_end and not amend:  # the last law inside "Luật sửa đổi ... của Luật B ngày ..."
            end, date, year, number, product = name_end, None, None, None, False
        else:
            end, date, year, number, product = _law_qualifiers(ctx, name_end)
        product = product or ctx.ends_with(lex.product_cue, s)
        if product:
            names.products.add(_norm_title(name_title))
            continue
        if number:
            names.numbers.append((s, end))
        names.mentions.append(ReferenceMention(s, end, ctx.text[s:end], "name", number=number, type=typ,
                                               date=date, issuer="Quốc hội", title=name_title,
                                               relation=ctx.relation(s), year=year))


def _find_named(ctx: _Ctx, names: _Names) -> None:
    """Named plans: "theo Quy hoạch ... thời kỳ 2021-2030", "Đề án 06", the plan the document issues."""
    lex = ctx.lex
    for m in lex.named.finditer(ctx.key, timeout=_TIMEOUT):
        s = m.start()
        if not ctx.upper_at(s):
            continue
        typ = lex.named_types.get(" ".join(regex.sub(r"[\s*_]+", " ", m.group("type")).split()))
        num = regex.match(r"[\s*_]+(\d{1,3})(?![\d\p{L}]|[/\-–.,]\d)", ctx.text[m.end():m.end() + 8])
        if num and not ctx.line_start_before(s):
            end = m.end() + num.end()
            title = f"{_clean(ctx.text[s:m.end()])} {num.group(1)}"
            names.mentions.append(ReferenceMention(s, end, ctx.text[s:end], "name", type=typ, title=title,
                                                   relation=ctx.relation(s)))
            continue
        title, end = _title_at(ctx, s, _words().title_stop, comma_ok=lambda k: k == "tầm")
        if len(title.split()) < 3:
            continue
        ctx_text = ctx.context(s)
        last_line = ctx.key[max(ctx.key.rfind("\n", 0, s) + 1, 0):s]
        if lex.self_heading.match(ctx_text) or lex.self_heading.match(last_line):
            names.self_titles.append(_norm_title(title))
            names.mentions.append(ReferenceMention(s, end, ctx.text[s:end], "self", type=typ, title=title,
                                                   relation="self", internal_target="attachment"))
            continue
        if ctx.ends_with(lex.product_cue, s):
            names.products.add(_norm_title(title))
            continue
        if not ctx.ends_with(lex.existing_cue, s):
            continue
        issuer = None
        of = ctx.match(lex.issuer_start, m.end())  # "Chương trình hành động của Chính phủ ..."
        if of and of.end() < end:
            issuer, _ = _issuer_at(ctx, of.end())
        names.mentions.append(ReferenceMention(s, end, ctx.text[s:end], "name", type=typ, title=title,
                                               issuer=issuer, relation=ctx.relation(s)))


def _overlaps(a: ReferenceMention, b: ReferenceMention) -> bool:
    return a.start < b.end and b.start < a.end


def _select(cands: list[tuple[int, ReferenceMention]]) -> list[ReferenceMention]:
    """Non-overlapping, by start, then priority, then length."""
    kept: list[ReferenceMention] = []
    last_end = -1
    groups: dict[tuple[int, int], int] = {}
    for prio, m in sorted(cands, key=lambda pm: (pm[1].start, pm[0], -(pm[1].end - pm[1].start))):
        span = (m.start, m.end)
        if span in groups and groups[span] == prio:  # several targets for one phrase ("khoản 1, 2")
            kept.append(m)
            continue
        if m.start < last_end:
            continue
        kept.append(m)
        groups[span] = prio
        last_end = m.end
    return kept


def find_references(text: str, *, self_number: str | None = None, self_type: str | None = None) -> list[ReferenceMention]:
    """All citations in ``text``, in order: full, short, name, self, internal and url mentions.

    ``self_number`` ("03/NQ-CP") turns mentions of the document's own number into ``self``;
    ``self_type`` ("Quyết định") tells "Kế hoạch này" in a decision (the attached plan, target
    ``attachment``) from "Quyết định này" (target ``self``).
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        ctx = _Ctx(text)
    except Exception:
        return []
    self_key = _number_key(self_number) if self_number else None
    pins: list[tuple[int, int, list[str]]] = []
    layer: list[tuple[int, ReferenceMention]] = []
    for prio, finder in ((0, lambda: _find_urls(ctx)), (1, lambda: _find_numbers(ctx, self_key)),
                         (2, lambda: _find_self(ctx, self_type)), (3, lambda: _find_short(ctx)),
                         (4, lambda: _find_internal(ctx, pins))):
        layer += [(prio, m) for m in _safe(finder)]
    cited = _select(layer)
    names = _Names()
    _safe(lambda: _find_laws(ctx, names))  # each finder keeps what it found before a timeout
    _safe(lambda: _find_named(ctx, names))
    named: list[ReferenceMention] = []
    for m in names.mentions:
        key = _norm_title(m.title)
        if m.kind == "name" and key in names.products:
            continue  # the document plans to produce it: not an existing document
        if m.kind == "name" and m.type not in ("Luật", "Bộ luật", "Hiến pháp") and any(
            key.startswith(t) or t.startswith(key) for t in names.self_titles
        ):
            m = replace(m, kind="self", relation="self", internal_target="attachment")
        if any(u.kind == "url" and _overlaps(u, m) for u in cited):
            continue
        named.append(m)
    cited = [c for c in cited if not (c.kind == "full" and any(a <= c.start and c.end <= b for a, b in names.numbers))]
    merged = sorted(cited + named, key=lambda m: (m.start, m.end))
    return _pinpoint(_safe(lambda: _mark_repeats(_link_aliases(ctx, merged)), merged), pins)


def _pinpoint(mentions: list[ReferenceMention], pins: list[tuple[int, int, list[str]]]) -> list[ReferenceMention]:
    """Give a citation the units cited in it: "khoản 3 Điều 12 Nghị định số 45/2020/NĐ-CP" -> ``art_12__para_3``."""
    if not pins:
        return mentions
    out = []
    for m in mentions:
        pin = next((p for p in pins if p[0] < m.start <= p[1] and p[2]), None)
        out.append(replace(m, pinpoint=",".join(pin[2])) if pin and m.kind in ("full", "short", "name") else m)
    return out


def _safe(fn: Callable[[], Any], default: Any = None) -> Any:
    """Run a finder; a regex timeout or an unforeseen error gives ``default`` (``[]``) instead of raising."""
    try:
        return fn()
    except Exception:
        return [] if default is None else default


_ALIAS_RE = regex.compile(
    rf"{_OGAP}\({_OGAP}(?:sau{_GAP}đây{_GAP}(?:gọi{_GAP}tắt|viết{_GAP}tắt|gọi){_GAP}(?:là{_GAP})?)?\Z"
)


def _link_aliases(ctx: _Ctx, mentions: list[ReferenceMention]) -> list[ReferenceMention]:
    """A short form in brackets right after a citation names the same document.

    "Kế hoạch hành động chiến lược (Kế hoạch số 01)": the name gets number ``01`` and the short form its
    title; "Nghị quyết số 57-NQ/TW ... (sau đây gọi tắt là Nghị quyết 57)": the short form is marked
    with the full number.
    """
    out = list(mentions)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if cur.kind != "short" or prev.kind not in ("name", "full"):
            continue
        if not _ALIAS_RE.fullmatch(ctx.key, prev.end, cur.start, timeout=_TIMEOUT):
            continue
        if prev.kind == "name" and cur.number and not prev.number:
            out[i - 1] = replace(prev, number=cur.number)
            out[i] = replace(cur, title=prev.title, type=cur.type or prev.type)
        elif prev.kind == "full" and prev.number:
            out[i] = replace(cur, number=prev.number)
    return out


def _mark_repeats(mentions: list[ReferenceMention]) -> list[ReferenceMention]:
    """A full number seen before, or given as "(sau đây gọi tắt là Nghị quyết số 57-NQ/TW)", is a short form."""
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.kind == "full" and m.number:
            k = _number_key(m.number)
            if k in seen and m.date is None and m.issuer is None:
                m = replace(m, kind="short")
            seen.add(k)
        out.append(m)
    return out


# ---------------------------------------------------------------------------------------------------
# Resolution.


def _better_issuer(a: str | None, b: str | None) -> str | None:
    if not a:
        return b
    if not b:
        return a
    score = lambda s: (not s.isupper(), len(s))  # noqa: E731
    return a if score(a) >= score(b) else b


def _seq_int(seq: str | None) -> int | None:
    try:
        return int(seq) if seq else None
    except ValueError:
        return None


def resolve_references(mentions: Sequence[ReferenceMention], *, include_urls: bool = False) -> list[ResolvedReference]:
    """One reference per distinct external document, in order of first mention.

    Full numbers are merged by normalised number; short forms ("Nghị quyết 57") join the nearest
    preceding full citation of the same type and sequence number (else any later one, else they stand
    alone: ``Kế hoạch 02`` -> number ``02``); names merge by title (and year for laws). Date and issuer
    come from the most complete mention. Self and internal mentions are left to :func:`self_and_internal`.
    """
    try:
        return _resolve(mentions, include_urls)
    except Exception:
        return []


def _resolve(mentions: Sequence[ReferenceMention], include_urls: bool) -> list[ResolvedReference]:
    groups: dict[str, list[ReferenceMention]] = {}
    order: dict[str, int] = {}

    def add(key: str, m: ReferenceMention) -> None:
        groups.setdefault(key, []).append(m)
        order[key] = min(order.get(key, m.start), m.start)

    names = [m for m in mentions if m.kind == "name"]
    years: dict[str, set[int]] = {}
    for m in names:
        if m.year:
            years.setdefault(_norm_title(m.title), set()).add(m.year)

    def name_key(m: ReferenceMention) -> str:
        t = _norm_title(m.title)
        year = m.year or (next(iter(years[t])) if len(years.get(t, ())) == 1 else None)
        return f"t:{t}:{year or ''}"

    # "Kế hoạch hành động chiến lược (Kế hoạch số 01)" once names "Kế hoạch số 01" everywhere.
    titled_by_seq = {(m.type, _seq_int(m.number)): m for m in mentions
                     if m.kind in ("short", "name") and m.title and m.number and not parse_number(m.number).issuer_codes}
    fulls = [m for m in mentions if m.kind in ("full", "short") and m.number and parse_number(m.number).issuer_codes]
    for m in fulls:
        add("n:" + _number_key(m.number or ""), m)
    for m in mentions:
        if m.kind == "short" and m.number and not parse_number(m.number).issuer_codes:
            seq = _seq_int(m.number)
            cands = [f for f in fulls if _seq_int(parse_number(f.number or "").seq) == seq
                     and (f.type == m.type or m.type is None)]
            before = [f for f in cands if f.start < m.start]
            pick = max(before, key=lambda f: f.start) if before else (cands[0] if cands else None)
            titled = m if m.title else titled_by_seq.get((m.type, seq))
            if pick:
                add("n:" + _number_key(pick.number or ""), m)
            else:
                add(name_key(titled) if titled else f"s:{m.type}:{seq}", m)
    # "Luật Đất đai số 31/2024/QH15" once: "Luật Đất đai" elsewhere is that law (unless two numbers share the title).
    numbers_of: dict[str, set[str]] = {}
    for m in names:
        if m.number and parse_number(m.number).issuer_codes:
            numbers_of.setdefault(_norm_title(m.title), set()).add(_number_key(m.number))
    for m in names:
        if m.number and parse_number(m.number).issuer_codes:
            add("n:" + _number_key(m.number), m)
        elif len(numbers_of.get(_norm_title(m.title), ())) == 1 and not m.year:
            add("n:" + next(iter(numbers_of[_norm_title(m.title)])), m)
        else:
            add(name_key(m), m)
    if include_urls:
        for m in mentions:
            if m.kind == "url":
                add("u:" + m.text.lower(), m)

    out: list[ResolvedReference] = []
    used_ids: set[str] = set()
    for key in sorted(groups, key=lambda k: order[k]):
        ms = sorted(groups[key], key=lambda m: m.start)
        number = next((m.number for m in ms if m.number and parse_number(m.number).issuer_codes), None)
        number = number or next((m.number for m in ms if m.number), None)
        typ = next((m.type for m in ms if m.kind == "full" and m.type), None) or next((m.type for m in ms if m.type), None)
        date = next((m.date for m in ms if m.date), None)
        year = date.year if date else next((m.year for m in ms if m.year), None)
        issuer: str | None = None
        for m in ms:
            issuer = _better_issuer(issuer, m.issuer)
        if not issuer and number:
            issuer = doctypes.issuers_of_number(number)
        if not issuer and typ in ("Luật", "Bộ luật"):
            issuer = "Quốc hội"
        titles = [m.title for m in ms if m.kind == "name" and m.title] or [
            m.title for m in ms if m.title and m.kind != "url"]
        title = next((t for t in titles if not t.isupper()), titles[0] if titles else None)
        relation = min((m.relation for m in ms), key=lambda r: _RELATION_RANK.get(r, 8))
        url = ms[0].text if key.startswith("u:") else None
        if key.startswith("n:"):
            base = slugify(number or "")
        elif key.startswith("s:") or (key.startswith("t:") and typ and number and not title):
            base = slugify(f"{typ or ''} {number or ''}")
        elif key.startswith("u:"):
            base = "url_" + slugify(ms[0].text)
        else:
            base = slugify(f"{title or ''} {year or ''}")
        rid = unique("ref_" + (base or "unknown"), used_ids)
        out.append(ResolvedReference(rid, number, typ, title, issuer, date, relation, tuple(ms), url=url, year=year))
    return out


def self_and_internal(mentions: Sequence[ReferenceMention]) -> list[ResolvedReference]:
    """Self references (target ``self`` / ``attachment``) and internal ones (target ``art_3__para_2``), one per target."""
    groups: dict[str, list[ReferenceMention]] = {}
    for m in mentions:
        if m.kind in ("self", "internal"):
            groups.setdefault(f"{m.kind}:{m.internal_target or 'self'}", []).append(m)
    out = []
    for key, ms in sorted(groups.items(), key=lambda kv: kv[1][0].start):
        kind, target = key.split(":", 1)
        rid = "ref_self" if kind == "self" and target == "self" else "ref_" + kind + "_" + slugify(target.replace("?", "x"))
        if kind == "self" and target != "self":
            rid = f"ref_self_{slugify(target)}"
        first = ms[0]
        out.append(ResolvedReference(rid, first.number, first.type, first.title, None, None, kind, tuple(ms),
                                     target=target))
    return out

