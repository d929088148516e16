"""Documents cited by name: laws and codes ("Luật Đất đai năm 2024", "Bộ luật Lao động") and named
plans cited as existing ("Đề án 06"); documents a task will produce are not references.

>>> names = _Names()
>>> _find_laws(_Ctx("theo Luật Đất đai năm 2024"), names)
>>> [m.title for m in names.mentions]
['Luật Đất đai']
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from ..doctypes import NUMBER_RE, normalize_number
from .context import _clean, _Ctx, _date_from, _issuer_at, _norm_title, _title_at, _tokens, _words
from .mentions import ReferenceMention
from .patterns import _TIMEOUT


@dataclass
class _Names:
    mentions: list[ReferenceMention] = field(default_factory=list)
    products: set[str] = field(default_factory=set)
    self_titles: list[str] = field(default_factory=list)
    numbers: list[tuple[int, int]] = field(default_factory=list)  # spans of "Luật ... số 64/2025/QH15"


def _law_name(ctx: _Ctx, pos: int, word: str) -> tuple[str, int] | None:
    """The law's name starting at ``pos`` (after "Luật "): gazetteer, alias, then the heuristic."""
    lex = ctx.lex
    if word == "bộ luật":
        m = ctx.match(lex.code_names, pos)
        if m:
            return _clean(ctx.text[pos:m.end()]), m.end()
    else:
        for alias, name in lex.aliases.items():
            if ctx.text.startswith(alias, pos):
                return name, pos + len(alias)
        m = ctx.match(lex.law_names, pos)
        if m:
            return _clean(ctx.text[pos:m.end()]), m.end()
    if not ctx.upper_at(pos) or ctx.key.startswith(("điều", "chương", "mục", "phần", "khoản"), pos):
        return None  # "LUẬT\nĐiều 1" is a heading, not a name
    stops = _words().law_name_stop
    toks = _tokens(ctx, pos, 200)
    end, count = pos, 0
    for i, (_s, e, k) in enumerate(toks):
        if count >= 8 or not k[0].isalpha():
            break
        if count and k in stops:
            break
        if count and k == "và":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if not (nxt and ctx.upper_at(nxt[0]) and nxt[2] not in ("luật", "bộ")):
                break
            continue
        end, count = e, count + 1
    return (_clean(ctx.text[pos:end]), end) if count else None


def _law_qualifiers(ctx: _Ctx, pos: int) -> tuple[int, dt.date | None, int | None, str | None, bool]:
    """After a law's name: ``ngày 19 tháng 6 năm 2015``, ``năm 2024``, ``(2013)``, ``số 64/2025/QH15``, ``(sửa đổi)``."""
    date = year = number = None
    product = False
    for _ in range(3):
        m = ctx.match(ctx.lex.law_after, pos)
        if not m:
            break
        if m.group("amend"):
            product = True
        elif m.group("ly1") or m.group("ly2"):
            year = int(m.group("ly1") or m.group("ly2"))
        elif m.group("so"):
            n = NUMBER_RE.match(ctx.text, m.end(), timeout=_TIMEOUT)
            if not n:
                break
            number = normalize_number(n.group(0))
            pos = n.end()
            continue
        else:
            date = _date_from(m)
            year = date.year if date else year
        pos = m.end()
    return pos, date, year, number, product


_GAPS = regex.compile(r"[\s*_]+")
_GAP_RE = regex.compile(r"[\s*_]+")


def _find_laws(ctx: _Ctx, names: _Names) -> None:
    lex = ctx.lex
    amended_end = -1  # end of the last "Luật sửa đổi, bổ sung ... của Luật A và Luật B"
    for m in lex.law_word.finditer(ctx.key, timeout=_TIMEOUT):
        s = m.start()
        if not ctx.upper_at(s):
            continue  # "các luật có liên quan", "pháp luật"
        word = " ".join(_GAPS.sub(" ", m.group(0)).split())
        gap = _GAP_RE.match(ctx.text[m.end():m.end() + 10])
        pos = m.end() + (gap.end() if gap else 0)
        if word == "hiến pháp":
            end, date, year, _, _ = _law_qualifiers(ctx, m.end())
            title = "Hiến pháp" + (f" năm {year}" if year else "")
            names.mentions.append(ReferenceMention(s, end, ctx.text[s:end], "name", type="Hiến pháp", date=date,
                                                   issuer="Quốc hội", title=title, relation=ctx.relation(s),
                                                   year=year))
            continue
        typ = "Bộ luật" if word == "bộ luật" else "Luật"
        amend = ctx.match(lex.amending, pos) if typ == "Luật" else None
        if amend:
            # "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương"
            end = amend.end()
            while True:
                inner = ctx.match(regex.compile(r"(?:bộ[\s*_]+)?luật[\s*_]+"), end)
                if not inner:
                    break
                got = _law_name(ctx, inner.end(), "bộ luật" if ctx.key.startswith("bộ", end) else "luật")
                if not got:
                    break
                end = got[1]
                sep = regex.match(r"[\s*_]*(?:,|và)[\s*_]*(?=(?:bộ[\s*_]+)?luật)", ctx.key[end:end + 12])
                if not sep:
                    break
                end += sep.end()
            if end == amend.end():
                continue
            name_title, name_end = _clean(ctx.text[s:end]), end
            amended_end = end
        else:
            got = _law_name(ctx, pos, word)
            if not got:
                continue
            name_title, name_end = f"{ctx.text[s:m.end()].strip('*_ ')} {got[0]}", got[1]
            name_title = " ".join(name_title.split())
        if name_end == amended_end and not amend:  # the last law inside "Luật sửa đổi ... của Luật B ngày ..."
            end, date, year, number, product = name_end, None, None, None, False
        else:
            end, date, year, number, product = _law_qualifiers(ctx, name_end)
        product = product or ctx.ends_with(lex.product_cue, s)
        if product:
            names.products.add(_norm_title(name_title))
            continue
        if number:
            names.numbers.append((s, end))
        names.mentions.append(ReferenceMention(s, end, ctx.text[s:end], "name", number=number, type=typ,
                                               date=date, issuer="Quốc hội", title=name_title,
                                               relation=ctx.relation(s), year=year))


_NAMED_NUMBER = regex.compile(r"[\s*_]+(\d{1,3})(?![\d\p{L}]|[/\-–.,]\d)")


def _find_named(ctx: _Ctx, names: _Names) -> None:
    """Named plans: "theo Quy hoạch ... thời kỳ 2021-2030", "Đề án 06", the plan the document issues."""
    lex = ctx.lex
    for m in lex.named.finditer(ctx.key, timeout=_TIMEOUT):
        s = m.start()
        if not ctx.upper_at(s):
            continue
        typ = lex.named_types.get(" ".join(_GAPS.sub(" ", m.group("type")).split()))
        num = _NAMED_NUMBER.match(ctx.text[m.end():m.end() + 8])
        if num and not ctx.line_start_before(s):
            end = m.end() + num.end()
            title = f"{_clean(ctx.text[s:m.end()])} {num.group(1)}"
            names.mentions.append(ReferenceMention(s, end, ctx.text[s:end], "name", type=typ, title=title,
                                                   relation=ctx.relation(s)))
            continue
        title, end = _title_at(ctx, s, _words().title_stop, comma_ok=lambda k: k == "tầm")
        if len(title.split()) < 3:
            continue
        ctx_text = ctx.context(s)
        last_line = ctx.key[max(ctx.key.rfind("\n", 0, s) + 1, 0):s]
        if lex.self_heading.match(ctx_text) or lex.self_heading.match(last_line):
            names.self_titles.append(_norm_title(title))
            names.mentions.append(ReferenceMention(s, end, ctx.text[s:end], "self", type=typ, title=title,
                                                   relation="self", internal_target="attachment"))
            continue
        if ctx.ends_with(lex.product_cue, s):
            names.products.add(_norm_title(title))
            continue
        if not ctx.ends_with(lex.existing_cue, s):
            continue
        issuer = None
        of = ctx.match(lex.issuer_start, m.end())  # "Chương trình hành động của Chính phủ ..."
        if of and of.end() < end:
            issuer, _ = _issuer_at(ctx, of.end())
        names.mentions.append(ReferenceMention(s, end, ctx.text[s:end], "name", type=typ, title=title,
                                               issuer=issuer, relation=ctx.relation(s)))
