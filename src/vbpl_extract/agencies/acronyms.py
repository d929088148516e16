"""Acronyms a document defines for a body: written in full once, the acronym in brackets right after it
(Nghị định 30/2020/NĐ-CP, Phụ lục I: "chữ viết tắt … phải được viết đầy đủ ở lần xuất hiện đầu tiên, kèm
theo chữ viết tắt trong ngoặc đơn"), then the acronym alone.

>>> src = "Trung tâm Hành động bom mìn quốc gia Việt Nam (VNMAC) chịu trách nhiệm lập kế hoạch. VNMAC có trách nhiệm giúp"
>>> acronyms = defined_acronyms(src)
>>> acronyms["VNMAC"].name
'Trung tâm Hành động bom mìn quốc gia Việt Nam'
>>> [(m.name, m.text) for m in acronym_mentions("a) VNMAC có trách nhiệm giúp Bộ Quốc phòng", acronyms)]
[('Trung tâm Hành động bom mìn quốc gia Việt Nam', 'VNMAC')]
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..textutil import fold_tones
from .entries import AgencyMention
from .find import find_agencies

# "(VNMAC)", "(sau đây viết tắt là VNMAC)", "(gọi tắt là BQL)": two to twelve capitals (digits, Đ, & and -
# inside), nothing else in the brackets
_DEFINITION = regex.compile(
    r"\(\s*(?:(?:sau\s+đây\s+)?(?:được\s+)?(?:gọi|viết)\s+tắt\s+là\s+)?[“\"]?"
    r"(?P<abbr>\p{Lu}[\p{Lu}\p{N}&\-]{1,11})[”\"]?\s*\)"
)
# how far before the bracket the full name may start
_NAME_WINDOW = 250


@dataclass(frozen=True)
class Acronym:
    """What an acronym stands for in one document: the full name's mention, its offsets dropped."""

    name: str
    id: str | None
    kind: str | None
    known: bool


def defined_acronyms(text: str) -> dict[str, Acronym]:
    """The acronyms ``text`` defines right after a body named in full, acronym -> the body; an acronym
    the finder already resolves on its own ("NHNN", "BQP") or that two bodies claim is left out.

    >>> defined_acronyms("Ban Quản lý dự án đầu tư xây dựng tỉnh (BQLDA) và Sở Tài chính (STC)")["BQLDA"].name
    'Ban Quản lý dự án đầu tư xây dựng tỉnh'
    >>> defined_acronyms("Ngân hàng Nhà nước Việt Nam (NHNN) chủ trì")
    {}
    """
    out: dict[str, Acronym] = {}
    claimed: set[str] = set()
    for m in _DEFINITION.finditer(text):
        abbr = m["abbr"]
        if abbr in claimed or abbr.strip("-&") != abbr:
            continue
        start = max(0, m.start() - _NAME_WINDOW)
        before = text[start:m.start()]
        found = [a for a in find_agencies(before) if not before[a.end:].strip(" \t\n*_")]
        if not found:
            continue
        body = found[-1]
        if not _names_one_body(abbr, body):
            continue
        if find_agencies(abbr):
            continue  # the data knows it ("NHNN"): the finder reads it in context
        acronym = Acronym(body.name, body.id, body.kind, body.known)
        if abbr in out and out[abbr] != acronym:
            del out[abbr]
            claimed.add(abbr)
            continue
        out[abbr] = acronym
    return out


def _initials(name: str) -> str:
    return "".join(w[0] for w in fold_tones(name).upper().replace("-", " ").split() if w[0].isalpha())


def _names_one_body(abbr: str, body: AgencyMention) -> bool:
    """Whether "(abbr)" after ``body`` stands for that body: one body (no collective), written in full
    (not "VPCP (CDVCQG)"), an acronym of two capitals at least ("Bộ Công an (C06)" names a unit of it)
    and, when only two letters long, the initials of the name ("Ban Pháp chế (BP)", not "(CT)").

    >>> b = find_agencies("Ban Pháp chế")[0]
    >>> _names_one_body("CT", b), _names_one_body("BP", b)
    (False, True)
    """
    if body.kind == "collective" or not any(c.islower() for c in body.text):
        return False
    letters = sum(c.isalpha() for c in abbr)
    if letters < 2:
        return False
    if letters > 2:
        return True
    it = iter(_initials(body.name))
    return all(c in it for c in fold_tones(abbr).upper() if c.isalpha())


def acronym_mentions(text: str, acronyms: dict[str, Acronym]) -> list[AgencyMention]:
    """Where ``text`` names a body by an acronym of ``acronyms`` (a whole word, case as defined), in order;
    the defining bracket itself is not a mention (the full name is, just before it).

    >>> acr = {"VNMAC": Acronym("Trung tâm Hành động bom mìn quốc gia Việt Nam", None, "agency", False)}
    >>> [m.start for m in acronym_mentions("Giao VNMAC chủ trì; (VNMAC) và VNMACS", acr)]
    [5]
    """
    if not acronyms or not text:
        return []
    pattern = _pattern(tuple(sorted(acronyms, key=len, reverse=True)))
    out: list[AgencyMention] = []
    for m in pattern.finditer(text):
        if text[:m.start()].rstrip(" “\"").endswith("("):
            continue
        a = acronyms[m.group()]
        out.append(AgencyMention(m.start(), m.end(), m.group(), a.id, a.name, a.kind, a.known, "acronym"))
    return out


_PATTERNS: dict[tuple[str, ...], regex.Pattern[str]] = {}


def _pattern(abbrs: tuple[str, ...]) -> regex.Pattern[str]:
    """One compiled alternation per set of acronyms (a document's, compiled once)."""
    if abbrs not in _PATTERNS:
        if len(_PATTERNS) > 256:
            _PATTERNS.clear()
        alts = "|".join(regex.escape(a) for a in abbrs)
        _PATTERNS[abbrs] = regex.compile(rf"(?<![\p{{L}}\p{{N}}&\-])(?:{alts})(?![\p{{L}}\p{{N}}&]|-\p{{L}})")
    return _PATTERNS[abbrs]


def with_acronyms(found: list[AgencyMention], text: str, acronyms: dict[str, Acronym]) -> list[AgencyMention]:
    """``found`` (the finder's mentions of ``text``) with the acronym mentions that overlap none of them,
    in order.

    >>> acr = {"VNMAC": Acronym("Trung tâm Hành động bom mìn quốc gia Việt Nam", None, "agency", False)}
    >>> [m.name for m in with_acronyms(find_agencies("VNMAC phối hợp với Bộ Tài chính"), "VNMAC phối hợp với Bộ Tài chính", acr)]
    ['Trung tâm Hành động bom mìn quốc gia Việt Nam', 'Bộ Tài chính']
    """
    extra: list[AgencyMention] = []
    by_start = sorted(found, key=lambda f: f.start)
    i, reach = 0, -1  # reach: the furthest end of the finder's mentions that start before m ends
    for m in acronym_mentions(text, acronyms):  # in order: one walk over both lists
        while i < len(by_start) and by_start[i].start < m.end:
            reach = max(reach, by_start[i].end)
            i += 1
        if reach <= m.start:
            extra.append(m)
    if not extra:
        return found
    return sorted([*found, *extra], key=lambda m: (m.start, m.end))


__all__ = ["Acronym", "acronym_mentions", "defined_acronyms", "with_acronyms"]
