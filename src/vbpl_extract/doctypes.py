"""Vietnamese document types and the số ký hiệu (document number) grammar.

>>> type_from_word("NGHỊ QUYẾT")
'Nghị quyết'
>>> parse_number("39/2022/NĐ-CP")
NumberParts(seq='39', year=2022, type_code='NĐ', issuer_codes=('CP',))
>>> type_of_number("83/BKHCN-BTTTT-VP")
'Công văn'
>>> normalize_number("57 - NQ / TW")
'57-NQ/TW'

Knowledge lives in ``data/doc_types.yaml`` (types with codes and words, issuer codes, law names,
the trigger words references.py uses), loaded once and validated by pydantic.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import NamedTuple

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .data import load as load_data
from .textutil import match_key

__all__ = [
    "NUMBER_RE",
    "DocTypesData",
    "NumberParts",
    "issuer_from_code",
    "issuers_of_number",
    "load_doc_types",
    "normalize_number",
    "parse_number",
    "type_from_code",
    "type_from_word",
    "type_of_number",
    "type_words",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DocType(_Model):
    name: str
    codes: list[str] = Field(default_factory=list)
    words: list[str] = Field(default_factory=list)


class IssuerCode(_Model):
    code: str
    name: str
    infer: bool = True
    implies_type: str | None = None


class ReferenceWords(_Model):
    relations: dict[str, list[str]]
    existing_cues: list[str]
    product_cues: list[str]
    product_then: list[str]
    fillers: list[str]
    self_word: str = "này"
    issuer_stop: frozenset[str]
    issuer_stop_pairs: frozenset[str]
    office_holders: frozenset[str]
    title_stop: frozenset[str]
    law_name_stop: frozenset[str]


class DocTypesData(_Model):
    types: list[DocType]
    issuers: list[IssuerCode]
    named_types: dict[str, str]
    laws: list[str]
    codes_of_law: list[str]
    law_aliases: dict[str, str] = Field(default_factory=dict)
    reference_words: ReferenceWords
    # "… Sở Thông tin và Truyền thông ban hành Kế hoạch … với những nội dung sau": a text with no header that
    # names itself in its opening sentence; its issuer and type (header.py, _self_enactment)
    self_enactment_tails: list[str] = Field(default_factory=list)

    @field_validator("self_enactment_tails")
    @classmethod
    def _tails_compile(cls, value: list[str]) -> list[str]:
        for pattern in value:
            regex.compile(pattern)  # a malformed expression fails the data file's validation
        return value

    # the type of a text that is an appendix on its own, its first line "Phụ lục I" (header.py, _standalone_appendix)
    appendix_type: str | None = None
    # a "Kính gửi" line the gazetteer finds no body in that still names a group ("Các cơ sở đào tạo trực thuộc Bộ"):
    # the group as written (header.py, _addressee_collective); a regular expression, case-insensitive, at its start
    addressee_collective: str | None = None
    # what may follow a collective found on a "Kính gửi" line and still belong to its name: the body its members
    # belong to, given by its level ("Các sở, ban, ngành thuộc Thành phố"); a regular expression on the rest of the line
    addressee_owner_tail: str | None = None

    @field_validator("addressee_collective", "addressee_owner_tail")
    @classmethod
    def _collective_compiles(cls, value: str | None) -> str | None:
        if value is not None:
            regex.compile(value)  # a malformed expression fails the data file's validation
        return value


@functools.cache
def load_doc_types() -> DocTypesData:
    """The validated contents of ``data/doc_types.yaml`` (cached)."""
    return DocTypesData.model_validate(load_data("doc_types.yaml"))


# ---------------------------------------------------------------------------------------------------
# Number grammar.
#
# A code is an upper-case letter followed by letters/digits with no two lower-case letters in a row:
# NQ, QĐ, TTg, TTr, CTr, QyĐ, BLĐTBXH, QH15, ĐĐQH15. That keeps "03/NQ-CP - Chính phủ" from
# swallowing "Chính".
_CODE = r"\p{Lu}(?:\p{Lu}|\d|\p{Ll}(?!\p{Ll}))*"
_SLASH = r"[ \t]?/[ \t]?"
_DASH = r"[ \t]?[-–‑][ \t]?"
_TIGHT_DASH = r"[-–‑]"
NUMBER_PATTERN = (
    r"(?<![\p{L}\d/.])\d{1,6}"
    # a sequence with a dot before the year: the Government's 2025-26 special resolutions "66.25/2026/NQ-CP"
    r"(?:\.\d{1,3}(?=[ \t]?/[ \t]?(?:19|20)\d\d[ \t]?/))?"
    r"(?:"
    # Party form: 57-NQ/TW, 19197-CV/VPTW, 3260-KH/ĐĐQH15, 402-CV/VPĐU
    rf"{_DASH}{_CODE}{_SLASH}{_CODE}(?:{_TIGHT_DASH}{_CODE})*"
    # State form with a year: 39/2022/NĐ-CP, 64/2025/QH15, 47/2009/TTLT-BTC-BLĐTBXH
    rf"|{_SLASH}(?:19|20)\d\d{_SLASH}{_CODE}(?:{_TIGHT_DASH}{_CODE})*"
    # State form without a year: 03/NQ-CP, 3954/UBND-VX, 83/BKHCN-BTTTT-VP, 2214/BXD-KTQH
    rf"|{_SLASH}{_CODE}(?:{_DASH}{_CODE})(?:{_TIGHT_DASH}{_CODE})*"
    r")(?![\p{L}\d])"
)
NUMBER_RE = regex.compile(NUMBER_PATTERN)
"""A số ký hiệu as written: ``03/NQ-CP``, ``57-NQ/TW``, ``39/2022/NĐ-CP``, ``64/2025/QH15``, ``83/BKHCN-BTTTT-VP``.

Matches on the original text (codes are case-sensitive: ``TTg``, ``QyĐ``). A bare ``12/UBND`` (one
code, no year, no dash) is not matched: too many false hits (ratios, units)."""

_SPACES_AROUND = regex.compile(r"\s*([/\-–‑])\s*")


def normalize_number(number: str) -> str:
    """NFC, no spaces around ``/`` and ``-``, dashes unified, Icelandic Ð -> Đ: ``57 – NQ/TW`` -> ``57-NQ/TW``."""
    text = unicodedata.normalize("NFC", number or "").strip().replace("Ð", "Đ")
    text = _SPACES_AROUND.sub(lambda m: "-" if m.group(1) in "-–‑" else "/", text)
    return text.strip(" .,;:")


class NumberParts(NamedTuple):
    """The parts of a số ký hiệu: ``57-NQ/TW`` -> ``NumberParts('57', None, 'NQ', ('TW',))``."""

    seq: str
    year: int | None
    type_code: str | None
    issuer_codes: tuple[str, ...]


_PARTY_RE = regex.compile(rf"^(\d+)-({_CODE})/({_CODE}(?:-{_CODE})*)$")
_STATE_RE = regex.compile(rf"^(\d+(?:\.\d{{1,3}}(?=/(?:19|20)\d\d/))?)(?:/((?:19|20)\d\d))?/({_CODE}(?:-{_CODE})*)$")
_LEGISLATURE = regex.compile(r"^(\p{L}+?)\d+$")


@functools.cache
def _code_tables() -> tuple[dict[str, str], dict[str, str], dict[str, IssuerCode], dict[str, IssuerCode]]:
    data = load_doc_types()
    exact: dict[str, str] = {}
    folded: dict[str, list[str]] = {}
    for t in data.types:
        for code in t.codes:
            exact[code] = t.name
            folded.setdefault(code.upper(), []).append(t.name)
    unique = {k: v[0] for k, v in folded.items() if len(set(v)) == 1}
    issuers = {i.code: i for i in data.issuers}
    issuers_upper = {i.code.upper(): i for i in data.issuers}
    return exact, unique, issuers, issuers_upper


def _issuer_entry(code: str) -> IssuerCode | None:
    _, _, issuers, issuers_upper = _code_tables()
    entry = issuers.get(code) or issuers_upper.get(code.upper())
    if entry is None:
        m = _LEGISLATURE.match(code)  # QH15 -> QH, UBTVQH14 -> UBTVQH
        if m:
            entry = issuers.get(m.group(1)) or issuers_upper.get(m.group(1).upper())
    return entry


def type_from_code(code: str) -> str | None:
    """Document type for a code of a số ký hiệu: ``NQ`` -> ``Nghị quyết``, ``TTr`` -> ``Tờ trình``, ``QH15`` -> ``Luật``."""
    if not code:
        return None
    code = normalize_number(code)
    exact, unique, _, _ = _code_tables()
    if code in exact:
        return exact[code]
    if code.upper() in unique and not _issuer_entry(code):
        return unique[code.upper()]
    entry = _issuer_entry(code)
    return entry.implies_type if entry else None


def issuer_from_code(code: str, *, only_certain: bool = True) -> str | None:
    """Issuing body for an issuer code: ``TTg`` -> ``Thủ tướng Chính phủ``; ``UBND`` -> None (which province?)."""
    entry = _issuer_entry(normalize_number(code)) if code else None
    if entry is None or (only_certain and not entry.infer):
        return None
    return entry.name


def _is_type_code(code: str) -> bool:
    exact, unique, _, _ = _code_tables()
    return code in exact or (code.upper() in unique and _issuer_entry(code) is None)


def parse_number(number: str) -> NumberParts:
    """Split a số ký hiệu: ``03/NQ-CP`` -> seq ``03``, type code ``NQ``, issuers ``('CP',)``.

    ``83/BKHCN-BTTTT-VP`` has no type code (a công văn): issuers ``('BKHCN', 'BTTTT', 'VP')``.
    Anything else gives the leading digits as ``seq`` and nothing more.
    """
    text = normalize_number(number)
    m = _PARTY_RE.match(text)
    if m:
        seq, first, rest = m.group(1), m.group(2), tuple(m.group(3).split("-"))
        if _is_type_code(first):
            return NumberParts(seq, None, first, rest)
        return NumberParts(seq, None, None, (first, *rest))
    m = _STATE_RE.match(text)
    if m:
        seq, year, codes = m.group(1), m.group(2), m.group(3).split("-")
        year_int = int(year) if year else None
        if _is_type_code(codes[0]):
            return NumberParts(seq, year_int, codes[0], tuple(codes[1:]))
        return NumberParts(seq, year_int, None, tuple(codes))
    digits = regex.match(r"\d+", text)
    return NumberParts(digits.group(0) if digits else text, None, None, ())


def type_of_number(number: str) -> str | None:
    """The type a number implies: ``39/2022/NĐ-CP`` -> Nghị định, ``64/2025/QH15`` -> Luật, ``3954/UBND-VX`` -> Công văn."""
    parts = parse_number(number)
    if parts.type_code:
        return type_from_code(parts.type_code)
    if not parts.issuer_codes:
        return None
    implied = type_from_code(parts.issuer_codes[0])
    if implied:
        return implied
    # With a year and no type code (02/2020/UBTVQH14) it is a legal act of unknown type; without a
    # year it is a công văn (3954/UBND-VX, 83/BKHCN-BTTTT-VP).
    return None if parts.year else "Công văn"


def issuers_of_number(number: str) -> str | None:
    """Issuer(s) a number names for certain: ``04/TTr-BKHCN-BTTTT`` -> ``Bộ Khoa học và Công nghệ, Bộ Thông tin và Truyền thông``."""
    names: list[str] = []
    for code in parse_number(number).issuer_codes:
        name = issuer_from_code(code)
        if name and name not in names:
            names.append(name)
    return ", ".join(names) or None


@functools.cache
def _word_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for t in load_doc_types().types:
        for word in t.words:
            table[" ".join(match_key(word).split())] = t.name
    return table


def type_from_word(word: str) -> str | None:
    """Type named by a word, any case and tone placement: ``NGHỊ QUYẾT`` -> ``Nghị quyết``; ``công văn`` -> ``Công văn``."""
    if not word:
        return None
    key = " ".join(match_key(unicodedata.normalize("NFC", word)).replace("*", " ").split())
    return _word_table().get(key)


def type_words() -> list[str]:
    """All type words (match keys), longest first, for building patterns."""
    return sorted(_word_table(), key=len, reverse=True)


def all_type_names() -> list[str]:
    """The canonical type names of ``data/doc_types.yaml``, in file order.

    >>> all_type_names()[:3]
    ['Nghị quyết', 'Nghị quyết liên tịch', 'Quyết định']
    """
    return [t.name for t in load_doc_types().types]
