"""``find_references``: every finder over one text, overlaps settled by priority, aliases and
repeats linked, pinpoints attached.

>>> [(m.kind, m.pinpoint) for m in find_references("theo khoản 3 Điều 12 Nghị định số 45/2020/NĐ-CP")]
[('full', 'art_12__para_3')]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import regex

from .citations import _find_numbers, _find_self, _find_short, _find_urls
from .context import _Ctx, _norm_title, _number_key
from .mentions import ReferenceMention
from .names import _find_laws, _find_named, _Names
from .patterns import _GAP, _OGAP, _TIMEOUT
from .units import _find_internal

_DIGIT = regex.compile(r"\d")  # the patterns' \d (any Unicode decimal digit)


def _holds(key: str, words: tuple[str, ...] | None) -> bool:
    """Whether ``key`` contains one of ``words`` (always, for None: no gate)."""
    # any() over map of the bound method, not over a generator: three calls per text, ~25,000 on the bench sample
    return words is None or any(map(key.__contains__, words))


def _may_hold_number(text: str) -> bool:
    """Whether ``text`` may hold a số ký hiệu: each of its forms has a digit and a "/" (57-NQ/TW,
    39/2022/NĐ-CP, 03/NQ-CP; ``doctypes.NUMBER_RE``).

    >>> _may_hold_number("Nghị quyết số 57-NQ/TW"), _may_hold_number("khoản 2 Điều 5 Nghị quyết 57")
    (True, False)
    """
    return "/" in text and _DIGIT.search(text) is not None


def _overlaps(a: ReferenceMention, b: ReferenceMention) -> bool:
    return a.start < b.end and b.start < a.end


def _select(cands: list[tuple[int, ReferenceMention]]) -> list[ReferenceMention]:
    """Non-overlapping, by start, then priority, then length."""
    kept: list[ReferenceMention] = []
    last_end = -1
    groups: dict[tuple[int, int], int] = {}
    for prio, m in sorted(cands, key=lambda pm: (pm[1].start, pm[0], -(pm[1].end - pm[1].start))):
        span = (m.start, m.end)
        if span in groups and groups[span] == prio:  # several targets for one phrase ("khoản 1, 2")
            kept.append(m)
            continue
        if m.start < last_end:
            continue
        kept.append(m)
        groups[span] = prio
        last_end = m.end
    return kept


def find_references(text: str, *, self_number: str | None = None, self_type: str | None = None) -> list[ReferenceMention]:
    """All citations in ``text``, in order: full, short, name, self, internal and url mentions.

    ``self_number`` ("03/NQ-CP") turns mentions of the document's own number into ``self``;
    ``self_type`` ("Quyết định") tells "Kế hoạch này" in a decision (the attached plan, target
    ``attachment``) from "Quyết định này" (target ``self``).
    """
    if not isinstance(text, str) or not text:
        return []
    ctx = _Ctx(text)
    lex, key = ctx.lex, ctx.key
    self_key = _number_key(self_number) if self_number else None
    pins: list[tuple[int, int, list[str]]] = []
    layer: list[tuple[int, ReferenceMention]] = []
    # a finder whose patterns need what the text lacks (a digit, one of its words) is not run
    digits = _DIGIT.search(key) is not None
    for prio, finder, may_match in (
        (0, lambda: _find_urls(ctx), "://" in text or "www." in key),
        (1, lambda: _find_numbers(ctx, self_key), _may_hold_number(text)),
        (2, lambda: _find_self(ctx, self_type), lex.self_word in key),
        (3, lambda: _find_short(ctx), digits and _holds(key, lex.short_words)),
        (4, lambda: _find_internal(ctx, pins), _holds(key, lex.unit_words)),
    ):
        if may_match:
            layer += [(prio, m) for m in _safe(finder)]
    cited = _select(layer)
    names = _Names()
    if _holds(key, lex.law_words):
        _safe(lambda: _find_laws(ctx, names))  # each finder keeps what it found before a timeout
    if _holds(key, lex.named_words):
        _safe(lambda: _find_named(ctx, names))
    named: list[ReferenceMention] = []
    for m in names.mentions:
        key = _norm_title(m.title)
        if m.kind == "name" and key in names.products:
            continue  # the document plans to produce it: not an existing document
        if m.kind == "name" and m.type not in ("Luật", "Bộ luật", "Hiến pháp") and any(
            key.startswith(t) or t.startswith(key) for t in names.self_titles
        ):
            m = replace(m, kind="self", relation="self", internal_target="attachment")
        if any(u.kind == "url" and _overlaps(u, m) for u in cited):
            continue
        named.append(m)
    cited = [c for c in cited if not (c.kind == "full" and any(a <= c.start and c.end <= b for a, b in names.numbers))]
    merged = sorted(cited + named, key=lambda m: (m.start, m.end))
    return _pinpoint(_safe(lambda: _mark_repeats(_link_aliases(ctx, merged)), merged), pins)


def _pinpoint(mentions: list[ReferenceMention], pins: list[tuple[int, int, list[str]]]) -> list[ReferenceMention]:
    """Give a citation the units cited in it: "khoản 3 Điều 12 Nghị định số 45/2020/NĐ-CP" -> ``art_12__para_3``."""
    if not pins:
        return mentions
    out = []
    for m in mentions:
        pin = next((p for p in pins if p[0] < m.start <= p[1] and p[2]), None)
        out.append(replace(m, pinpoint=",".join(pin[2])) if pin and m.kind in ("full", "short", "name") else m)
    return out


def _safe(fn: Callable[[], Any], default: Any = None) -> Any:
    """Run a finder; a regex timeout (pathological text) gives ``default`` (``[]``). Any other error is a
    bug and reaches the annotate stage's boundary, which records it as a warning."""
    try:
        return fn()
    except TimeoutError:
        return [] if default is None else default


_ALIAS_RE = regex.compile(
    rf"{_OGAP}\({_OGAP}(?:sau{_GAP}đây{_GAP}(?:gọi{_GAP}tắt|viết{_GAP}tắt|gọi){_GAP}(?:là{_GAP})?)?\Z"
)


def _link_aliases(ctx: _Ctx, mentions: list[ReferenceMention]) -> list[ReferenceMention]:
    """A short form in brackets right after a citation names the same document.

    "Kế hoạch hành động chiến lược (Kế hoạch số 01)": the name gets number ``01`` and the short form its
    title; "Nghị quyết số 57-NQ/TW ... (sau đây gọi tắt là Nghị quyết 57)": the short form is marked
    with the full number.
    """
    out = list(mentions)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if cur.kind != "short" or prev.kind not in ("name", "full"):
            continue
        if not _ALIAS_RE.fullmatch(ctx.key, prev.end, cur.start, timeout=_TIMEOUT):
            continue
        if prev.kind == "name" and cur.number and not prev.number:
            out[i - 1] = replace(prev, number=cur.number)
            out[i] = replace(cur, title=prev.title, type=cur.type or prev.type)
        elif prev.kind == "full" and prev.number:
            out[i] = replace(cur, number=prev.number)
    return out


def _mark_repeats(mentions: list[ReferenceMention]) -> list[ReferenceMention]:
    """A full number seen before, or given as "(sau đây gọi tắt là Nghị quyết số 57-NQ/TW)", is a short form."""
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.kind == "full" and m.number:
            k = _number_key(m.number)
            if k in seen and m.date is None and m.issuer is None:
                m = replace(m, kind="short")
            seen.add(k)
        out.append(m)
    return out
