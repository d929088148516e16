"""Is a PDF text layer real Vietnamese? The share of words that are valid Vietnamese syllables.

A scanned PDF may carry a bad OCR layer (``uY BAN NgAN nAN ceNG HoA``) and an old PDF a legacy
font whose text layer is mojibake (``CÔNG AN TÈNH LÂM Ò(cid:16)NG``). Both extract without error but
are not the document; :func:`text_layer_quality` scores them low so that the PDF reader treats
them as having no usable text layer (``ScannedPdfError``, which hands the file to OCR).

The syllable inventory (onsets, rimes, spelling and tone rules) is data:
``data/vietnamese_syllables.yaml``, validated by :class:`SyllableRules`.

>>> round(text_layer_quality("Ủy ban nhân dân tỉnh Lâm Đồng giao Sở Nội vụ chủ trì"), 2)
1.0
>>> text_layer_quality("uY BAN NgAN nAN ceNG HoA xA ugr cuu xcuia vrET NAM") < 0.5
True
"""

from __future__ import annotations

import unicodedata
from functools import cache

import regex
from pydantic import BaseModel, field_validator

from ..data import load

__all__ = ["MIN_QUALITY", "SyllableRules", "countable_words", "is_syllable", "text_layer_quality"]

MIN_QUALITY = 0.75
"""Below this share of valid syllables a text layer is not Vietnamese text (good layers score > 0.9)."""

_TONES = {"\u0300": "huyen", "\u0301": "sac", "\u0303": "nga", "\u0309": "hoi", "\u0323": "nang"}
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_MAX_TOKENS = 200_000


class SyllableRules(BaseModel):
    """The inventory of ``data/vietnamese_syllables.yaml``."""

    onsets: list[str]
    only_before: dict[str, list[str]]
    never_before: dict[str, list[str]]
    rimes: list[str]
    stop_finals: list[str]

    @field_validator("onsets", "stop_finals")
    @classmethod
    def _nfc(cls, values: list[str]) -> list[str]:
        return [unicodedata.normalize("NFC", v) for v in values]

    def rime_set(self) -> frozenset[str]:
        return frozenset(unicodedata.normalize("NFC", r) for group in self.rimes for r in group.split())


@cache
def _rules() -> tuple[SyllableRules, frozenset[str], tuple[str, ...]]:
    rules = SyllableRules.model_validate(load("vietnamese_syllables.yaml"))
    onsets = tuple(sorted(rules.onsets, key=len, reverse=True))
    return rules, rules.rime_set(), onsets


def _strip_tone(word: str) -> tuple[str, str | None] | None:
    """``"được"`` -> ``("đươc", "nang")``; None when the word carries two tone marks."""
    tone = None
    kept = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONES:
            if tone is not None:
                return None
            tone = _TONES[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def is_syllable(word: str) -> bool:
    """A lower-case word is one valid Vietnamese syllable: ``"nghiệp"`` yes, ``"ngiệp"`` no.

    >>> [is_syllable(w) for w in ("nghiệp", "quyết", "gì", "ngiệp", "cid", "lap", "ønh")]
    [True, True, True, False, False, False, False]
    """
    stripped = _strip_tone(word)
    if stripped is None:
        return False
    base, tone = stripped
    rules, rimes, onsets = _rules()
    for onset in onsets:
        if not base.startswith(onset):
            continue
        rime = base[len(onset):]
        if rime not in rimes:
            continue
        first = rime[0]
        if onset in rules.only_before and first not in rules.only_before[onset]:
            continue
        if onset in rules.never_before and first in rules.never_before[onset]:
            continue
        if any(rime.endswith(f) for f in rules.stop_finals) and tone not in ("sac", "nang"):
            continue
        return True
    return False


def _case_ok(token: str) -> bool:
    return token.islower() or token.isupper() or (token[0].isupper() and token[1:].islower())


def text_layer_quality(text: str) -> float:
    """Share (0..1) of the words of ``text`` that are well-formed Vietnamese syllables.

    Numbers and all-capital ASCII acronyms (``UBND``, ``CCHC``) are not counted; tokens mixing
    letters and digits (``D6ng``) or with mixed case (``NgAN``) count as invalid. Text with no
    countable word scores 0.0.

    >>> text_layer_quality("Số: 3917/BTP-BTTP Hà Nội, ngày 01 tháng 7 năm 2025")
    1.0
    >>> text_layer_quality("CÔNG AN TÈNH LÂM Ò(cid:16) NG Ù(cid:16) c l p - Tå do - H¡nh phúc") < 0.75
    True
    """
    valid, invalid = _count(text)
    total = valid + invalid
    return valid / total if total else 0.0


def countable_words(text: str) -> int:
    """How many words :func:`text_layer_quality` judges: ``countable_words("Số 12 UBND tỉnh")`` -> 2."""
    valid, invalid = _count(text)
    return valid + invalid


def _count(text: str) -> tuple[int, int]:
    """(valid syllables, invalid words) of ``text``; numbers and acronyms are left out."""
    text = unicodedata.normalize("NFC", text)
    valid = invalid = 0
    for n, match in enumerate(_TOKEN.finditer(text)):
        if n >= _MAX_TOKENS:
            break
        token = match.group()
        if token.isdigit():
            continue
        if any(ch.isdigit() for ch in token):
            invalid += 1
            continue
        if not _case_ok(token):
            invalid += 1
            continue
        if is_syllable(token.lower()):
            valid += 1
        elif token.isupper() and token.isascii() and len(token) > 1:
            continue  # an acronym
        else:
            invalid += 1
    return valid, invalid
