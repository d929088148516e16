"""Small text helpers shared by every stage: NFC, tone-placement folding, display form.

All functions that return a string of the same length as their input say so; the
extractors rely on that to keep offsets valid.

>>> fold_tones("Uỷ ban nhân dân tỉnh Khánh Hoà")
'Ủy ban nhân dân tỉnh Khánh Hòa'
>>> display("**Điều 1. **Phê duyệt\\nChương trình")
'Điều 1. Phê duyệt Chương trình'
"""

from __future__ import annotations

import functools
import unicodedata

import regex

# Tone marks as combining characters (NFD).
_TONES = "\u0300\u0301\u0303\u0309\u0323"

# old-style placement (tone on the second vowel of oa/oe/uy in an open syllable) -> the
# placement Vietnamese government style uses (hóa, Ủy, thủy). Length-preserving in NFC.
_OLD_TO_NEW: dict[str, str] = {}
for _first, _second in (("o", "a"), ("o", "e"), ("u", "y")):
    for _tone in _TONES:
        for _f, _s in ((_first, _second), (_first.upper(), _second.upper()), (_first.upper(), _second)):
            old = unicodedata.normalize("NFC", _f + _s + _tone)
            new = unicodedata.normalize("NFC", _f + _tone + _s)
            _OLD_TO_NEW[old] = new

# Each old form is two characters: a first vowel of _OLD_TO_NEW's keys, then a toned second one. The two
# character classes (faster to scan than the alternation of the keys) also admit pairs that are not keys
# ("uá"): those are left as they are. Such a pair never hides a key, as no second vowel is a first one
# (tests.test_textutil checks both against the alternation of the keys).
_OLD_TONE_RE = regex.compile(
    r"(?<![qQ])[" + "".join(sorted({regex.escape(k[0]) for k in _OLD_TO_NEW})) + "]["
    + "".join(sorted({regex.escape(k[1]) for k in _OLD_TO_NEW})) + r"](?!\p{L})"
)
_FOLD_CACHED = 10_000
"""Texts up to this length are folded through a cache: the finders fold the same node texts again and again."""


def nfc(text: str) -> str:
    """Unicode NFC (may change length when the input is NFD)."""
    return unicodedata.normalize("NFC", text)


def fold_tones(text: str) -> str:
    """Move old-style tone marks to the standard vowel: ``hoá`` -> ``hóa``, ``Uỷ`` -> ``Ủy``.

    The input must be NFC; the output has the same length, so offsets stay valid.
    """
    if not text:
        return text
    return _fold_cached(text) if len(text) <= _FOLD_CACHED else _fold(text)


def _fold(text: str) -> str:
    return _OLD_TONE_RE.sub(lambda m: _OLD_TO_NEW.get(m.group(0), m.group(0)), text)


_fold_cached = functools.lru_cache(maxsize=4096)(_fold)


def match_key(text: str) -> str:
    """Case- and tone-placement-insensitive key of the same length as an NFC input.

    ``match_key("UỶ BAN") == match_key("Ủy ban")``. ``Đ`` is kept (it is a letter, not a mark).
    """
    return fold_tones(text).lower()


_MD_MARKERS = regex.compile(r"\*\*|__|(?<!\S)\*(?=\S)|(?<=\S)\*(?!\S)|^#{1,6}[ \t]*", regex.MULTILINE)
_WS = regex.compile(r"\s+")


def display(text: str) -> str:
    """The normalised form used for node and task texts: NFC, markdown markers dropped, whitespace collapsed."""
    return _WS.sub(" ", _MD_MARKERS.sub("", nfc(text))).strip()


_NON_SLUG = regex.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ASCII id fragment: ``Bộ Khoa học và Công nghệ`` -> ``bo_khoa_hoc_va_cong_nghe``; ``đ`` -> ``d``."""
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("_", ascii_text.lower()).strip("_")


def printable_path(path: str) -> str:
    r"""A file name as valid Unicode: bytes that are not UTF-8 (lone surrogates) become ``\xNN``.

    >>> printable_path("/inbox/Kế hoạch\udcff\udcfe.txt")
    '/inbox/Kế hoạch\\xff\\xfe.txt'
    """
    if path.isascii() or not any("\ud800" <= ch <= "\udfff" for ch in path):
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
