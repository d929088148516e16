"""Citations by number: URLs, full số ký hiệu ("Nghị quyết số 57-NQ/TW ngày 22/12/2024"), short forms
("Nghị quyết 57") and the document's mentions of itself ("Nghị quyết này").

>>> [m.number for m in _find_numbers(_Ctx("theo Nghị định số 45/2020/NĐ-CP"), None)]
['45/2020/NĐ-CP']
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .. import doctypes
from ..doctypes import NUMBER_RE, normalize_number
from .context import _Ctx, _date_from, _issuer_at, _number_key, _title_at
from .mentions import ReferenceMention
from .patterns import _TIMEOUT, _URL_RE

# Finders.


def _find_urls(ctx: _Ctx) -> list[ReferenceMention]:
    out = []
    for m in _URL_RE.finditer(ctx.text, timeout=_TIMEOUT):
        url = m.group(0).rstrip(".,;:!?")
        out.append(ReferenceMention(m.start(), m.start() + len(url), url, "url", title=url,
                                    relation=ctx.relation(m.start())))
    return out


def _find_numbers(ctx: _Ctx, self_key: str | None) -> list[ReferenceMention]:
    lex = ctx.lex
    out: list[ReferenceMention] = []
    found = list(NUMBER_RE.finditer(ctx.text, timeout=_TIMEOUT))
    prev_end = -1
    head_type: str | None = None
    group: list[int] = []  # indices in out of the current list
    for m in found:
        s, e = m.span()
        number = normalize_number(m.group(0))
        back = ctx.search(lex.back_type, max(0, s - 80), s)
        own_type = doctypes.type_from_word(back.group("type")) if back and back.group("type") else None
        in_list = prev_end >= 0 and lex.list_sep.fullmatch(ctx.key, prev_end, s, timeout=_TIMEOUT) is not None
        if not in_list:
            group = []
            head_type = own_type
        elif own_type:
            head_type = own_type
        typ = own_type or (head_type if in_list else None) or doctypes.type_of_number(number)
        start = back.start() if back and not in_list else s
        # Trailing date / year, issuer, title.
        pos, date, year = e, None, None
        dm = ctx.match(lex.date_after, pos)
        if dm:
            date, pos = _date_from(dm), dm.end()
            year = date.year if date else None
        else:
            ym = ctx.match(lex.year_after, pos)
            if ym:
                year, pos = int(ym.group("y")), ym.end()
        issuer = None
        im = ctx.match(lex.issuer_start, pos)
        if im:
            issuer, iend = _issuer_at(ctx, im.end())
            if issuer:
                pos = iend
        title = None
        tm = ctx.match(lex.title_start, pos)
        if tm:
            title, _ = _title_at(ctx, tm.end(), limit=60, comma_ok=lambda _k: True)
            title = title or None
        kind = "full"
        target = None
        if self_key and _number_key(number) == self_key:
            kind, target = "self", "self"
        mention = ReferenceMention(start, pos, ctx.text[start:pos], kind, number=number, type=typ, date=date,
                                   issuer=issuer, title=title,
                                   relation="self" if kind == "self" else ctx.relation(start),
                                   internal_target=target, year=year)
        if issuer:  # "các Nghị quyết số 57-NQ/TW và 45-NQ/TW của Bộ Chính trị": the issuer is for all
            for i in group:
                if out[i].issuer is None:
                    out[i] = replace(out[i], issuer=issuer)
        group.append(len(out))
        out.append(mention)
        prev_end = e
    return out


_PERIOD_AFTER = regex.compile(r"[\s*_]+(?:năm|tháng|ngày|lần|giai)(?!\p{L})")
_DIGITS = regex.compile(r"\d+")


def _find_short(ctx: _Ctx) -> list[ReferenceMention]:
    out = []
    for m in ctx.lex.short.finditer(ctx.key, timeout=_TIMEOUT):
        if not ctx.upper_at(m.start()):
            continue
        after = ctx.key[m.end():m.end() + 12]
        if _PERIOD_AFTER.match(after):
            continue  # "Kế hoạch 5 năm"
        typ = doctypes.type_from_word(m.group("type"))
        nums = [(n.start(), n.group(0)) for n in _DIGITS.finditer(m.group("nums"))]
        base = m.start("nums")
        for i, (off, num) in enumerate(nums):
            if len(num) == 4 and num[:2] in ("19", "20"):
                continue
            start = m.start() if i == 0 else base + off
            end = base + off + len(num)
            out.append(ReferenceMention(start, end, ctx.text[start:end], "short", number=num, type=typ,
                                        relation=ctx.relation(m.start())))
    return out


def _find_self(ctx: _Ctx, self_type: str | None) -> list[ReferenceMention]:
    out = []
    for m in ctx.lex.self_ref.finditer(ctx.key, timeout=_TIMEOUT):
        typ = doctypes.type_from_word(m.group("type"))
        if not ctx.upper_at(m.start()) and typ != "Công văn":
            continue
        target = "attachment" if self_type and typ and typ not in (self_type, "Công văn") else "self"
        out.append(ReferenceMention(m.start(), m.end(), ctx.text[m.start():m.end()], "self", type=typ,
                                    relation="self", internal_target=target))
    return out
