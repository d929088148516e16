"""Reading around a match: dates, titles, issuers ("của Bộ Chính trị"), the relation a clause
states (căn cứ, sửa đổi …), tokens; :class:`_Ctx` holds a text and its match key.

>>> _date("2024", "12", "22").isoformat()
'2024-12-22'
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

import regex

from ..doctypes import NUMBER_RE, ReferenceWords, load_doc_types, normalize_number
from ..textutil import display, fold_tones
from .patterns import _TIMEOUT, _TOKEN_RE, _lex

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


@functools.lru_cache(maxsize=4096)  # find_references asks for the document's own number's key on every text
def _number_key(number: str) -> str:
    return normalize_number(number).upper()


_GAPS = regex.compile(r"[\s*_]+")
_MARKUP_ONLY = regex.compile(r"[\s*#>|_\-]*")


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
        return self.lex.relation_of.get(" ".join(_GAPS.sub(" ", best.group(0)).split()), "mention")

    def ends_with(self, pattern: regex.Pattern[str], pos: int, window: int = 80) -> bool:
        lo = max(self.clause_start(pos), pos - window)
        return self.search(pattern, lo, pos) is not None

    def upper_at(self, pos: int) -> bool:
        return pos < len(self.text) and self.text[pos].isupper()

    def line_start_before(self, pos: int) -> bool:
        """Only markup between the start of the line and ``pos`` (a heading, not a citation)."""
        nl = self.text.rfind("\n", 0, pos)
        return _MARKUP_ONLY.fullmatch(self.text[nl + 1:pos]) is not None


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
