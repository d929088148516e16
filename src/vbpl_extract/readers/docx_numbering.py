"""Word automatic numbering rendered as Word shows it, from ``word/numbering.xml``.

A paragraph with ``w:numPr`` (``w:numId``, ``w:ilvl``; directly or through its style) gets the
label of its list level: ``w:lvlText`` ("Điều %1.", "%1.", "%1.%2.", "%1)") with each ``%n``
replaced by the counter of level n-1 in that level's ``w:numFmt`` (decimal, lowerLetter,
upperLetter, lowerRoman, upperRoman, bullet, none …)::

    >>> n = Numbering.from_xml(None, None)
    >>> n.format_value(4, "lowerRoman"), n.format_value(14, "upperRoman"), n.format_value(27, "lowerLetter")
    ('iv', 'XIV', 'aa')

Counting follows Word: a list's counters live with its abstract list (``w:abstractNum``), so two
``w:num`` sharing one abstract list continue each other, unless the ``w:num`` has a
``w:lvlOverride``/``w:startOverride`` (then it counts on its own, from that start); a level
restarts after any shallower level of the same list moves on (``w:lvlRestart`` can change that).

Vietnamese letters: Word's lowerLetter goes a, b, c, d, e, f …; Vietnamese legal texts letter
their points a, b, c, d, đ, e, g, h, i, k … (the Vietnamese alphabet without f, j, w, z). The
rule used here: when the document's own typed text uses that alphabet (a paragraph that starts
with the marker ``đ)`` or ``đ.``, or a citation ``điểm đ``: :func:`uses_vietnamese_letters`),
its letter-numbered lists are rendered with the Vietnamese alphabet, as its author meant them;
otherwise as Word shows them. Labels are therefore rendered after the whole body is read
(:meth:`Label.render`). Alphabet, cues and symbol-font bullets: ``data/word_numbering.yaml``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache

import regex
from pydantic import BaseModel

from ..data import load

__all__ = ["LATIN", "Label", "Numbering", "WordNumberingData", "uses_vietnamese_letters"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LATIN = "abcdefghijklmnopqrstuvwxyz"


class WordNumberingData(BaseModel):
    """``data/word_numbering.yaml``."""

    vietnamese_letters: list[str]
    vietnamese_letter_cues: list[str]
    bullets: dict[str, str]


@cache
def _data() -> tuple[WordNumberingData, regex.Pattern[str]]:
    data = WordNumberingData.model_validate(load("word_numbering.yaml"))
    return data, regex.compile("|".join(f"(?:{c})" for c in data.vietnamese_letter_cues), regex.IGNORECASE)


def uses_vietnamese_letters(text: str) -> bool:
    """Does this typed text letter its points the Vietnamese way?

    >>> uses_vietnamese_letters("đ) Bầu Ban Chấp hành"), uses_vietnamese_letters("e) Bầu Ban Kiểm tra")
    (True, False)
    """
    return bool(_data()[1].search(text))
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int, alphabet: tuple[str, ...] | str) -> str:
    """1 -> a, …, 26 -> z, 27 -> aa (Word repeats the letter)."""
    if n <= 0:
        return ""
    k = len(alphabet)
    return alphabet[(n - 1) % k] * ((n - 1) // k + 1)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False


@dataclass
class Label:
    """A paragraph's list label, rendered once the alphabet is known."""

    text: str
    values: list[tuple[int, str]]  # counter and format of levels 0..ilvl
    suffix: str
    bullet: bool = False

    def render(self, vietnamese: bool) -> str:
        """``Label("Điều %1.", [(3, "decimal")], "space").render(False)`` -> ``"Điều 3. "``."""
        if self.bullet:  # symbol-font bullets live in the private-use area
            bullets = _data()[0].bullets
            out = "".join(bullets.get(ch, "•") if "\uf000" <= ch <= "\uf0ff" else ch for ch in self.text)
        else:
            out = self.text
            for k in range(len(self.values), 0, -1):
                value, fmt = self.values[k - 1]
                out = out.replace(f"%{k}", Numbering.format_value(value, fmt, vietnamese))
        if not out.strip():
            return ""
        return out + ("" if self.suffix == "nothing" else " ")


@dataclass
class Numbering:
    """Abstract lists, num -> abstract links and overrides, style numbering; running counters."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = field(default_factory=dict)
    styles: dict[str, tuple[str | None, str | None, str | None]] = field(default_factory=dict)  # id -> numId, ilvl, basedOn
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @staticmethod
    def format_value(n: int, fmt: str, vietnamese: bool = False) -> str:
        if fmt in ("lowerLetter", "upperLetter"):
            s = _letters(n, tuple(_data()[0].vietnamese_letters) if vietnamese else LATIN)
            return s.upper() if fmt == "upperLetter" else s
        if fmt == "lowerRoman":
            return _roman(n).lower()
        if fmt == "upperRoman":
            return _roman(n)
        if fmt == "decimalZero":
            return f"{n:02d}"
        if fmt in ("none", "bullet"):
            return ""
        return str(n)

    @classmethod
    def from_xml(cls, numbering: ET.Element | None, styles: ET.Element | None) -> Numbering:
        """Read ``numbering.xml`` and ``styles.xml`` (either may be None)."""
        self = cls()
        if numbering is not None:
            for an in numbering.iter(f"{W}abstractNum"):
                self.abstract[an.get(f"{W}abstractNumId", "")] = {
                    lvl_id: lvl for lvl_id, lvl in (_level(x) for x in an.findall(f"{W}lvl"))}
            for num in numbering.iter(f"{W}num"):
                ref = num.find(f"{W}abstractNumId")
                overrides: dict[int, Level] = {}
                starts: dict[int, int] = {}
                for ov in num.findall(f"{W}lvlOverride"):
                    ilvl = _int(ov.get(f"{W}ilvl"), 0)
                    so = ov.find(f"{W}startOverride")
                    if so is not None:
                        starts[ilvl] = _int(so.get(f"{W}val"), 1)
                    lvl = ov.find(f"{W}lvl")
                    if lvl is not None:
                        overrides[ilvl] = _level(lvl)[1]
                self.nums[num.get(f"{W}numId", "")] = (ref.get(f"{W}val", "") if ref is not None else "", overrides, starts)
        if styles is not None:
            for st in styles.iter(f"{W}style"):
                ppr = st.find(f"{W}pPr")
                num_id = ilvl = None
                if ppr is not None and (numpr := ppr.find(f"{W}numPr")) is not None:
                    num_id = _val(numpr.find(f"{W}numId"))
                    ilvl = _val(numpr.find(f"{W}ilvl"))
                based = _val(st.find(f"{W}basedOn"))
                self.styles[st.get(f"{W}styleId", "")] = (num_id, ilvl, based)
        return self

    def _style_numpr(self, style: str | None) -> tuple[str | None, str | None]:
        seen = 0
        while style and seen < 20:
            num_id, ilvl, based = self.styles.get(style, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style, seen = based, seen + 1
        return None, None

    def label(self, ppr: ET.Element | None) -> Label | None:
        """Advance the counters for a paragraph with properties ``ppr``; its label, or None."""
        if ppr is None:
            return None
        numpr = ppr.find(f"{W}numPr")
        num_id = ilvl_s = None
        if numpr is not None:
            num_id = _val(numpr.find(f"{W}numId"))
            ilvl_s = _val(numpr.find(f"{W}ilvl"))
        if num_id is None:
            style_num, style_ilvl = self._style_numpr(_val(ppr.find(f"{W}pStyle")))
            num_id = style_num
            ilvl_s = ilvl_s or style_ilvl
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        ilvl = max(0, min(8, _int(ilvl_s, 0)))
        abstract_id, overrides, starts = self.nums[num_id]
        levels = dict(self.abstract.get(abstract_id, {}))
        levels.update(overrides)
        if ilvl not in levels:
            return None
        key = f"num:{num_id}" if (starts or overrides) else f"abs:{abstract_id}"
        counters = self.counters.setdefault(key, {})
        start = {k: starts.get(k, lv.start) for k, lv in levels.items()}
        counters[ilvl] = counters.get(ilvl, start[ilvl] - 1) + 1
        for deeper in list(counters):
            if deeper > ilvl:
                restart = levels[deeper].restart if deeper in levels else None
                if restart is None or (restart and restart - 1 >= ilvl):
                    del counters[deeper]
        lvl = levels[ilvl]
        values = []
        for k in range(ilvl + 1):
            lk = levels.get(k, Level())
            fmt = "decimal" if (lvl.legal and lk.fmt not in ("bullet", "none")) else lk.fmt
            values.append((counters.get(k, start.get(k, 1)), fmt))
        return Label(lvl.text, values, lvl.suffix, bullet=lvl.fmt == "bullet")


def _val(el: ET.Element | None) -> str | None:
    return el.get(f"{W}val") if el is not None else None


def _int(s: str | None, default: int) -> int:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


def _level(el: ET.Element) -> tuple[int, Level]:
    lvl = Level()
    ilvl = max(0, min(8, _int(el.get(f"{W}ilvl"), 0)))
    lvl.start = max(0, _int(_val(el.find(f"{W}start")), 1))
    lvl.fmt = _val(el.find(f"{W}numFmt")) or "decimal"
    text = _val(el.find(f"{W}lvlText"))
    lvl.text = text if text is not None else ""
    lvl.suffix = _val(el.find(f"{W}suff")) or "tab"
    restart = _val(el.find(f"{W}lvlRestart"))
    lvl.restart = _int(restart, 0) if restart is not None else None
    lvl.legal = el.find(f"{W}isLgl") is not None
    return ilvl, lvl
