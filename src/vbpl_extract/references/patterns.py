"""The patterns of the finders, built once from ``data/doc_types.yaml`` (type words, laws by name,
relation cues), and the gaps and timeout they share.

>>> bool(_lex().self_ref.search(match_key("thực hiện Nghị quyết này")))
True
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .. import doctypes
from ..textutil import match_key

_TIMEOUT = 2.0  # seconds per regex call
_GAP = r"[\s*_]+"
_OGAP = r"[\s*_]*"
_RELATION_RANK = {"can_cu": 0, "amends": 1, "repeals": 2, "replaces": 3, "guides": 4, "implements": 5,
                  "mention": 9}

# Patterns, built once from data/doc_types.yaml.


def _phrase(words: Sequence[str]) -> str:
    """Alternation of key-form phrases, longest first; a space matches any gap (line breaks, ``**``)."""
    keys = sorted({" ".join(match_key(w).split()) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(_GAP.join(regex.escape(t) for t in k.split(" ")) for k in keys) + ")"


def _firsts(words: Sequence[str]) -> tuple[str, ...] | None:
    """The first words (key form) of :func:`_phrase`'s alternatives: a text whose key holds none of them
    cannot match the phrase. None when a blank word makes the phrase match anywhere."""
    keys = [match_key(w).split() for w in words]
    if not all(keys):
        return None
    return tuple(sorted({k[0] for k in keys}))


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
    # Gates, checked on the key before a finder runs: each of its patterns needs one of these words.
    short_words: tuple[str, ...] | None  # first words of the numbered types (``short``)
    named_words: tuple[str, ...] | None  # first words of the named types (``named``)
    self_word: str  # ``self_ref``
    unit_words: tuple[str, ...] = ("điểm", "khoản", "điều", "mục", "phần", "chương", "phụ")  # ``internal``
    law_words: tuple[str, ...] = ("luật", "hiến")  # ``law_word``


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
    numbered_words = [w for w in numbered if " ".join(match_key(w).split()) not in named_types]
    numbered_alt = _phrase(numbered_words)
    named_alt = _phrase(list(data.named_types))
    relation_of: dict[str, str] = {}
    for rel, ws in words.relations.items():
        for w in ws:
            relation_of[" ".join(match_key(w).split())] = rel
    fillers = _phrase(words.fillers)
    roman = r"[ivxlc]+"
    # every branch of ``internal`` starts with one of _Lex.unit_words (the finder's gate)
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
        short_words=_firsts(numbered_words),
        named_words=_firsts(list(data.named_types)),
        self_word=words.self_word,
    )
