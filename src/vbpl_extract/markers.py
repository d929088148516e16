"""Unit markers: the leading ``Điều 2.``, ``II.``, ``1.``, ``1.1.``, ``(1)``, ``a)``, ``-``, ``+``, ``Phụ lục II``
of a paragraph, read before any tree is built (the header stage asks whether a line is a unit, the
structure stage places it).

>>> classify("Điều 5a. Sửa đổi khoản 2").kind
'article'
>>> classify("2. Giao Sở Tài chính chủ trì").num
'2'
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

ROMAN = regex.compile(r"^(?=[IVXLC])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")
LETTERS = "abcdđeghiklmnopqrstuvxy"


def roman_to_int(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


# --------------------------------------------------------------------------- markers


@dataclass(frozen=True)
class Marker:
    kind: str  # part chapter section subsection article roman arabic dotted paren letter dash plus appendix
    num: str | None
    text_start: int  # where the unit's own text starts in the paragraph text
    heading: str | None = None


_BIG = regex.compile(
    r"^(?P<word>Phần(?:\s+thứ)?|PHẦN(?:\s+THỨ)?|Chương|CHƯƠNG|Mục|MỤC|Tiểu\s+mục|TIỂU\s+MỤC)\s+"
    r"(?P<num>[IVXLC]+|\d+[a-z]?|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|NHẤT|HAI|BA|TƯ|NĂM|SÁU|BẢY|TÁM|CHÍN|MƯỜI)\b\s*[.:\-–]?\s*"
)
_ARTICLE = regex.compile(r"^(?:Điều|ĐIỀU)\s+(?P<num>\d+[a-zđ]?)\s*[.:]\s*")
APPENDIX = regex.compile(r"^(?:Phụ\s+lục|PHỤ\s+LỤC)(?:\s+(?P<num>[IVXLC]+|\d+[a-z]?))?\b\s*[.:\-–]?\s*")
_ROMAN = regex.compile(r"^(?P<num>[IVXLC]+)\s*[.\-–)]\s*(?=\S)")
_DOTTED = regex.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3})+)\.?\s*[.)]?\s+(?=\S)")
# "1. …", "1) …", and a slash before a capital: "1/ Các Cục Thuế rà soát lại kế hoạch thanh tra …" (4800/TCT-TTr)
_ARABIC = regex.compile(r"^(?P<num>\d{1,3}[a-z]?)\s*(?:[.)]\s*(?=\S)|/\s+(?=\p{Lu}))")
_PAREN = regex.compile(r"^\((?P<num>\d{1,3})\)\s*(?=\S)")
# "a) …" (NĐ 30/2020), also "a. Nhà đầu tư phải …" (a letter and a full stop before a capital: 257/QĐ-BQLCKCN)
_LETTER = regex.compile(r"^(?P<num>[a-zđ])(?:\s*\)|\.(?=\s+\p{Lu}))\s*(?=\S)")
# "* " is a markdown list bullet; "_ " and "~ " before a capital, an OCR'd dash ("_ Tiếp tục nâng cấp …", 330/TB-VPCP)
_DASH = regex.compile(r"^(?:[-–—•·]\s*|\*\s+|[_~]\s+(?=\p{Lu}))(?=\S)")
_PLUS = regex.compile(r"^\+\s*(?=\S)")

_WORD_KIND = {"phần": "part", "chương": "chapter", "mục": "section", "tiểu": "subsection"}


_SECTION_NUM = regex.compile(r"^(?:[IVXLC]+|\d+[a-z]?)$")
_ROMAN_THEN_NUMBER = regex.compile(r"^[IVXLC]+\s*[.\-–]\s*\d")
_DECIMAL_START = regex.compile(r"^\d{1,3}\.\d")


# the call of a consolidation note right after a unit's label: "c) [4] Cục Tài chính …" (văn bản hợp nhất)
_NOTE_CALL = regex.compile(r"\[\d{1,3}\][^\S\n]*(?=\S)")


def classify(text: str) -> Marker | None:
    """The leading marker of a paragraph, or None. A note call right after the label ("[4]", where a
    consolidated text says which act amended the unit) is not the unit's own text.

    >>> classify("Điều 5a. Sửa đổi khoản 2").kind
    'article'
    >>> classify("đ) Xây dựng cơ chế").num
    'đ'
    >>> text = "c) [4] Cục Tài chính Bộ Quốc phòng: Trong vòng 15 ngày làm việc"
    >>> text[classify(text).text_start:]
    'Cục Tài chính Bộ Quốc phòng: Trong vòng 15 ngày làm việc'
    """
    marker = _classify(text)
    if marker is not None and (note := _NOTE_CALL.match(text, marker.text_start)) is not None:
        return replace(marker, text_start=note.end())
    return marker


def _classify(text: str) -> Marker | None:
    m = _ARTICLE.match(text)
    if m:
        return Marker("article", m["num"], m.end())
    m = _BIG.match(text)
    if m:
        word = m["word"].split()[0].lower()
        kind = _WORD_KIND.get(word, "section")
        num = m["num"]
        if kind == "section" and not _SECTION_NUM.match(num):
            return None
        # "Mục tiêu", "Mục đích" are not sections: the number must be Roman/digit (ensured by regex)
        return Marker(kind, num, m.end())
    m = APPENDIX.match(text)
    if m:
        return Marker("appendix", m["num"] or "", m.end())
    m = _ROMAN.match(text)
    if m and ROMAN.match(m["num"]) and not _ROMAN_THEN_NUMBER.match(text):
        return Marker("roman", m["num"], m.end())
    m = _DOTTED.match(text)
    if m:
        return Marker("dotted", m["num"], m.end())
    m = _ARABIC.match(text)
    if m and not _DECIMAL_START.match(text):
        return Marker("arabic", m["num"], m.end())
    m = _PAREN.match(text)
    if m:
        return Marker("paren", m["num"], m.end())
    m = _LETTER.match(text)
    if m:
        return Marker("letter", m["num"], m.end())
    m = _DASH.match(text)
    if m:
        return Marker("dash", None, m.end())
    m = _PLUS.match(text)
    if m:
        return Marker("plus", None, m.end())
    return None
