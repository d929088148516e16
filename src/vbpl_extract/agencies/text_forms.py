"""Text forms the matching runs on: the tone- and case-folded key, and the *compressed* text
(whitespace runs as one space, none around ``- & , . : ; /``) with its map back to the text.

>>> _compress("Bộ Lao động - Thương binh")[0]
'Bộ Lao động-Thương binh'
"""

from __future__ import annotations

import bisect
import functools
import re

from ..textutil import match_key, nfc

_SPACE_CHARS = ("\t", "\r", "\n", "\f", "\v", "\u00a0", "\u2009", "\u202f", "\u2028", "\u2029", "\u3000")
_DASHES = ("\u2013", "\u2014")
_CLUSTER_RE = re.compile(r"[ \-&,.:;/\x00]{2,}")  # spaces and punctuation side by side
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)


class _Compressed:
    """``"Bộ Lao động - Thương binh"`` -> ``"Bộ Lao động-Thương binh"`` with the offset map back.

    Whitespace becomes one space, spaces next to ``- & , . : ; /`` are dropped, en/em dashes
    become ``-``. Positions map back to the input through a piecewise-constant shift.
    """

    __slots__ = ("_breaks", "_obreaks", "_shifts", "text")

    def __init__(self, text: str) -> None:
        spaced = text
        for ch in _SPACE_CHARS:
            if ch in spaced:
                spaced = spaced.replace(ch, " ")
        for ch in _DASHES:
            if ch in spaced:
                spaced = spaced.replace(ch, "-")
        if "<br" in spaced or "<BR" in spaced:  # html line breaks inside table cells: "Sở Thông tin và<br>Truyền thông"
            spaced = _BR_RE.sub(lambda m: " " + "\x00" * (len(m.group()) - 1), spaced)
        drops: list[tuple[int, int]] = []  # dropped input spans, ascending
        for m in _CLUSTER_RE.finditer(spaced):
            # two clusters are never adjacent (each is a longest run), so their drops never join
            rel = _cluster_drops(m.group())
            if rel:
                base = m.start()
                drops.extend([(base + a, base + b) for a, b in rel])
        breaks: list[int] = []  # compressed position from which shifts[k] applies
        obreaks: list[int] = []  # the same position in the input
        shifts: list[int] = []
        parts: list[str] = []
        pos = removed = 0
        for a, b in drops:
            parts.append(spaced[pos:a])
            pos = b
            removed += b - a
            breaks.append(b - removed)
            obreaks.append(b)
            shifts.append(removed)
        parts.append(spaced[pos:])
        self.text = "".join(parts)
        self._breaks, self._obreaks, self._shifts = breaks, obreaks, shifts

    def orig(self, pos: int) -> int:
        """Input offset of compressed position ``pos``."""
        k = bisect.bisect_right(self._breaks, pos) - 1
        return pos + (self._shifts[k] if k >= 0 else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Input span of the compressed span ``[start, end)`` (end > start)."""
        return self.orig(start), self.orig(end - 1) + 1

    def comp(self, opos: int) -> int:
        """Compressed position of input offset ``opos`` (the next kept character when dropped)."""
        k = bisect.bisect_right(self._obreaks, opos) - 1
        return opos - (self._shifts[k] if k >= 0 else 0)


@functools.lru_cache(maxsize=1024)
def _cluster_drops(cluster: str) -> tuple[tuple[int, int], ...]:
    """The spans of a cluster of spaces and punctuation that :class:`_Compressed` drops: around punctuation every
    space (and ``\x00``, what is left of a ``<br>``), else every space after the first. A text has few distinct
    clusters (", ", " - ", ".  "), each worked out once.

    >>> _cluster_drops(" - "), _cluster_drops("   "), _cluster_drops(",.")
    (((0, 1), (2, 3)), ((1, 3),), ())
    """
    if " " not in cluster and "\x00" not in cluster:
        return ()
    has_punct = bool(cluster.strip(" \x00"))
    kept_space = False
    drops: list[tuple[int, int]] = []
    for i, ch in enumerate(cluster):
        if ch == "\x00" or (ch == " " and (has_punct or kept_space)):
            if drops and drops[-1][1] == i:
                drops[-1] = (drops[-1][0], i + 1)
            else:
                drops.append((i, i + 1))
        elif ch == " ":
            kept_space = True
    return tuple(drops)


def _compress(text: str) -> tuple[str, _Compressed]:
    c = _Compressed(text)
    return c.text, c


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # e.g. 'İ' lowers to two characters: keep such characters
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def _key(text: str) -> str:
    """Match key of a data string: ``"Ủy ban nhân dân các tỉnh, thành phố"`` -> ``"ủy ban nhân dân các tỉnh,thành phố"``."""
    return _compress(match_key(nfc(text).strip()))[0]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
