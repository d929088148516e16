"""Legacy Vietnamese encodings: Windows-1258 and the font encodings TCVN3 (ABC) and VNI.

Before Unicode, Vietnamese documents were typed in fonts such as ``.VnTime`` (TCVN3, one byte
per letter) or ``VNI-Times`` (VNI, a base letter followed by a modifier byte) and saved as
cp1252 bytes. Read as Latin-1 they look like mojibake::

    >>> decode_legacy("ñy ban nh©n d©n tØnh NghÖ An", "tcvn3")
    'ủy ban nhân dân tỉnh Nghệ An'
    >>> decode_legacy("UÛy ban nhaân daân tænh Ngheä An", "vni")
    'Ủy ban nhân dân tỉnh Nghệ An'

The tables are data (``data/legacy_encodings.yaml``). Which encoding a text uses is decided by
scoring: the share of accented words that become valid Vietnamese syllables under each candidate
(:func:`syllable_ok`). When no candidate wins clearly, callers raise ``EncodingError``.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import regex

from .data.schemas import LegacyEncodings

LEGACY_ENCODINGS: tuple[str, ...] = ("tcvn3", "vni")
T = TypeVar("T", str, bytes)

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_TONE_RE = regex.compile(f"[{_TONES}]")
_NUCLEI = ["iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "uơi", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "ya", "yê", "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
_SYLLABLE_RE = regex.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"(?:" + "|".join(_NUCLEI) + r")"
    r"(?:ch|ng|nh|[cmnpt])?"
)
# Letters of Unicode Vietnamese outside Latin-1: present in any real Unicode Vietnamese text,
# absent from legacy mojibake (which is all Latin-1 / cp1252).
_VIET_SPECIFIC_RE = regex.compile(r"[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")
# Latin-1 letters that Unicode Vietnamese uses itself (so they say nothing about legacy text).
_VIET_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_EDGE_PUNCT = "\"'()[]{}<>.,;:!?…“”‘’«»*_-–—/\\|0123456789%#&+=~`^@$"


@dataclass(frozen=True)
class _Tables:
    tcvn3: dict[str, str]
    tcvn3_inverse: dict[str, str]
    tcvn3_combining: dict[str, str]
    tcvn3_combining_inverse: dict[str, str]
    vni_decode: dict[str, str]
    vni_encode: dict[str, str]
    vni_re: regex.Pattern[str]
    tcvn3_combining_re: regex.Pattern[str]
    signature: frozenset[str]


@functools.cache
def _tables() -> _Tables:
    raw = LegacyEncodings.load()
    tcvn3: dict[str, str] = raw.tcvn3
    combining: dict[str, str] = raw.tcvn3_combining
    vni_encode: dict[str, str] = raw.vni
    vni_decode: dict[str, str] = {}
    for uni, seq in vni_encode.items():
        vni_decode[seq] = uni
    # Modifiers typed in the other case ("Uûy" for "Ủy"): the base letter decides the case.
    for uni, seq in vni_encode.items():
        if len(seq) == 2:
            variant = seq[0] + seq[1].swapcase()
            vni_decode.setdefault(variant, uni)
    alternatives = sorted(vni_decode, key=len, reverse=True)
    vni_re = regex.compile("|".join(regex.escape(s) for s in alternatives))
    base_letters = "A-Za-z" + "".join(k for k, v in tcvn3.items() if v.isupper())
    comb_re = regex.compile(f"(?<=[{base_letters}])[{''.join(combining)}]")
    signature = (set(tcvn3) | {c for seq in vni_encode.values() for c in seq}) - _VIET_LATIN1
    signature = {c for c in signature if ord(c) > 0x7F}
    return _Tables(
        tcvn3=tcvn3,
        tcvn3_inverse={v: k for k, v in tcvn3.items()},
        tcvn3_combining=combining,
        tcvn3_combining_inverse={v: k for k, v in combining.items()},
        vni_decode=vni_decode,
        vni_encode=vni_encode,
        vni_re=vni_re,
        tcvn3_combining_re=comb_re,
        signature=frozenset(signature),
    )


def _check(encoding: str) -> str:
    if encoding not in LEGACY_ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {LEGACY_ENCODINGS}")
    return encoding


def decode_legacy(text: str, encoding: str) -> str:
    """Convert text typed in a legacy font (as its cp1252 characters) to Unicode NFC.

    >>> decode_legacy("Hµ Néi", "tcvn3")
    'Hà Nội'
    """
    t = _tables()
    if _check(encoding) == "tcvn3":
        text = t.tcvn3_combining_re.sub(lambda m: t.tcvn3_combining[m.group(0)], text)
        out = text.translate(str.maketrans(t.tcvn3))
    else:
        out = t.vni_re.sub(lambda m: t.vni_decode[m.group(0)], text)
    return unicodedata.normalize("NFC", out)


def encode_legacy(text: str, encoding: str) -> str:
    """Inverse of :func:`decode_legacy` (for tests and fixtures): Unicode -> legacy characters.

    TCVN3 has no upper-case toned letters; they are written as base letter + combining tone
    (``Ủ`` -> ``U±``), which the decoder composes back.

    >>> encode_legacy("Nghệ An", "tcvn3")
    'NghÖ An'
    """
    t = _tables()
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    if _check(encoding) == "vni":
        for ch in text:
            out.append(t.vni_encode.get(ch, ch))
        return "".join(out)
    for ch in text:
        if ch in t.tcvn3_inverse:
            out.append(t.tcvn3_inverse[ch])
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        tones = [c for c in decomposed if c in _TONES]
        if tones and len(decomposed) > 1:
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
            out.append(t.tcvn3_inverse.get(base, base) + t.tcvn3_combining_inverse[tones[0]])
        else:
            out.append(ch)
    return "".join(out)


def syllable_ok(word: str) -> bool:
    """True when ``word`` is shaped like one Vietnamese syllable (at most one tone mark).

    >>> syllable_ok("Nghệ"), syllable_ok("NghÖ"), syllable_ok("nhaân")
    (True, False, False)
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    if len(_TONE_RE.findall(decomposed)) > 1:
        return False
    toneless = unicodedata.normalize("NFC", _TONE_RE.sub("", decomposed))
    return _SYLLABLE_RE.fullmatch(toneless) is not None


def word_ok(token: str) -> bool:
    """A whitespace token is Vietnamese: punctuation/digits trimmed, each ``-``/``/`` part a syllable."""
    core = token.strip(_EDGE_PUNCT)
    if not core:
        return False
    parts = regex.split(r"[-/.]", core)
    return all(p and syllable_ok(p) for p in parts)


def score_tokens(tokens: Sequence[T], decode: Callable[[T], str]) -> float:
    """Share of ``tokens`` that are Vietnamese words after ``decode`` (0.0 when no tokens)."""
    if not tokens:
        return 0.0
    good = 0
    for token in tokens:
        try:
            if word_ok(decode(token)):
                good += 1
        except (UnicodeDecodeError, ValueError):
            pass
    return good / len(tokens)


@dataclass(frozen=True)
class Guess:
    """The outcome of scoring candidate decodings: ``scores`` best first."""

    scores: tuple[tuple[str, float], ...]

    @property
    def best(self) -> str:
        return self.scores[0][0]

    def clear_winner(self, *, minimum: float = 0.8, margin: float = 0.15) -> str | None:
        """The best candidate if it scores at least ``minimum`` and beats the next by ``margin``."""
        best, score = self.scores[0]
        second = self.scores[1][1] if len(self.scores) > 1 else 0.0
        return best if score >= minimum and score - second >= margin else None

    def describe(self) -> str:
        return ", ".join(f"{name} {score:.0%}" for name, score in self.scores)


def guess(tokens: Sequence[T], candidates: dict[str, Callable[[T], str]]) -> Guess:
    """Score each candidate decoding on the same accented tokens."""
    scored = [(name, score_tokens(tokens, fn)) for name, fn in candidates.items()]
    scored.sort(key=lambda kv: kv[1], reverse=True)
    return Guess(tuple(scored))


def signature_count(text: str) -> int:
    """How many characters of ``text`` occur only in legacy mojibake (``©``, ``¸``, ``Ö`` ...)."""
    sig = _tables().signature
    return sum(1 for ch in text if ch in sig)


def viet_specific_count(text: str) -> int:
    """How many letters of ``text`` are Unicode-only Vietnamese (``ư``, ``đ``, ``ạ`` ...)."""
    return len(_VIET_SPECIFIC_RE.findall(text))


def accented_tokens(tokens: Iterable[str], limit: int = 4000) -> list[str]:
    """The first ``limit`` tokens containing a non-ASCII character."""
    out: list[str] = []
    for token in tokens:
        if any(ord(c) > 0x7F for c in token):
            out.append(token)
            if len(out) >= limit:
                break
    return out


def convert_if_legacy(text: str) -> tuple[str, str | None]:
    """Convert a decoded text whose lines are TCVN3/VNI mojibake; else return it unchanged.

    Only lines without any Unicode-only Vietnamese letter are converted, so a Unicode heading in
    a legacy document survives. Returns ``(text, "tcvn3" | "vni" | None)``.

    >>> convert_if_legacy("QuyÕt ®Þnh vÒ viÖc ban hµnh kÕ ho¹ch thùc hiÖn")
    ('Quyết định về việc ban hành kế hoạch thực hiện', 'tcvn3')
    >>> convert_if_legacy("Quyết định về việc ban hành")[1] is None
    True
    """
    sig = signature_count(text)
    if sig < 3 or sig < 2 * viet_specific_count(text):
        return text, None
    lines = text.split("\n")
    legacy_lines = [i for i, line in enumerate(lines) if not _VIET_SPECIFIC_RE.search(line)]
    tokens = accented_tokens(tok for i in legacy_lines for tok in lines[i].split())
    g = guess(tokens, {
        "as-is": lambda s: s,
        "tcvn3": lambda s: decode_legacy(s, "tcvn3"),
        "vni": lambda s: decode_legacy(s, "vni"),
    })
    winner = g.clear_winner(minimum=0.7, margin=0.2)
    if winner is None or winner == "as-is":
        return text, None
    for i in legacy_lines:
        lines[i] = decode_legacy(lines[i], winner)
    return "\n".join(lines), winner
