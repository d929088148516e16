"""Resolution: one reference per distinct cited document (numbers merged, short forms joined to their
full citation, names by title), and self and internal references one per target.

>>> from vbpl_extract.references import find_references
>>> refs = resolve_references(find_references("Nghị quyết số 57-NQ/TW ngày 22/12/2024; Nghị quyết 57"))
>>> [(r.id, len(r.mentions)) for r in refs]
[('ref_57_nq_tw', 2)]
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import doctypes
from ..doctypes import parse_number
from ..ids import unique
from ..textutil import slugify
from .context import _norm_title, _number_key
from .mentions import ReferenceMention, ResolvedReference
from .patterns import _RELATION_RANK


def _better_issuer(a: str | None, b: str | None) -> str | None:
    if not a:
        return b
    if not b:
        return a
    score = lambda s: (not s.isupper(), len(s))  # noqa: E731
    return a if score(a) >= score(b) else b


def _seq_int(seq: str | None) -> int | None:
    try:
        return int(seq) if seq else None
    except ValueError:
        return None


def resolve_references(mentions: Sequence[ReferenceMention], *, include_urls: bool = False) -> list[ResolvedReference]:
    """One reference per distinct external document, in order of first mention.

    Full numbers are merged by normalised number; short forms ("Nghị quyết 57") join the nearest
    preceding full citation of the same type and sequence number (else any later one, else they stand
    alone: ``Kế hoạch 02`` -> number ``02``); names merge by title (and year for laws). Date and issuer
    come from the most complete mention. Self and internal mentions are left to :func:`self_and_internal`.
    """
    return _resolve(mentions, include_urls)


def _resolve(mentions: Sequence[ReferenceMention], include_urls: bool) -> list[ResolvedReference]:
    groups: dict[str, list[ReferenceMention]] = {}
    order: dict[str, int] = {}

    def add(key: str, m: ReferenceMention) -> None:
        groups.setdefault(key, []).append(m)
        order[key] = min(order.get(key, m.start), m.start)

    names = [m for m in mentions if m.kind == "name"]
    years: dict[str, set[int]] = {}
    for m in names:
        if m.year:
            years.setdefault(_norm_title(m.title), set()).add(m.year)

    def name_key(m: ReferenceMention) -> str:
        t = _norm_title(m.title)
        year = m.year or (next(iter(years[t])) if len(years.get(t, ())) == 1 else None)
        return f"t:{t}:{year or ''}"

    # "Kế hoạch hành động chiến lược (Kế hoạch số 01)" once names "Kế hoạch số 01" everywhere.
    titled_by_seq = {(m.type, _seq_int(m.number)): m for m in mentions
                     if m.kind in ("short", "name") and m.title and m.number and not parse_number(m.number).issuer_codes}
    fulls = [m for m in mentions if m.kind in ("full", "short") and m.number and parse_number(m.number).issuer_codes]
    for m in fulls:
        add("n:" + _number_key(m.number or ""), m)
    for m in mentions:
        if m.kind == "short" and m.number and not parse_number(m.number).issuer_codes:
            seq = _seq_int(m.number)
            cands = [f for f in fulls if _seq_int(parse_number(f.number or "").seq) == seq
                     and (f.type == m.type or m.type is None)]
            before = [f for f in cands if f.start < m.start]
            pick = max(before, key=lambda f: f.start) if before else (cands[0] if cands else None)
            titled = m if m.title else titled_by_seq.get((m.type, seq))
            if pick:
                add("n:" + _number_key(pick.number or ""), m)
            else:
                add(name_key(titled) if titled else f"s:{m.type}:{seq}", m)
    # "Luật Đất đai số 31/2024/QH15" once: "Luật Đất đai" elsewhere is that law (unless two numbers share the title).
    numbers_of: dict[str, set[str]] = {}
    for m in names:
        if m.number and parse_number(m.number).issuer_codes:
            numbers_of.setdefault(_norm_title(m.title), set()).add(_number_key(m.number))
    for m in names:
        if m.number and parse_number(m.number).issuer_codes:
            add("n:" + _number_key(m.number), m)
        elif len(numbers_of.get(_norm_title(m.title), ())) == 1 and not m.year:
            add("n:" + next(iter(numbers_of[_norm_title(m.title)])), m)
        else:
            add(name_key(m), m)
    if include_urls:
        for m in mentions:
            if m.kind == "url":
                add("u:" + m.text.lower(), m)

    out: list[ResolvedReference] = []
    used_ids: set[str] = set()
    for key in sorted(groups, key=lambda k: order[k]):
        ms = sorted(groups[key], key=lambda m: m.start)
        number = next((m.number for m in ms if m.number and parse_number(m.number).issuer_codes), None)
        number = number or next((m.number for m in ms if m.number), None)
        typ = next((m.type for m in ms if m.kind == "full" and m.type), None) or next((m.type for m in ms if m.type), None)
        date = next((m.date for m in ms if m.date), None)
        year = date.year if date else next((m.year for m in ms if m.year), None)
        issuer: str | None = None
        for m in ms:
            issuer = _better_issuer(issuer, m.issuer)
        if not issuer and number:
            issuer = doctypes.issuers_of_number(number)
        if not issuer and typ in ("Luật", "Bộ luật"):
            issuer = "Quốc hội"
        titles = [m.title for m in ms if m.kind == "name" and m.title] or [
            m.title for m in ms if m.title and m.kind != "url"]
        title = next((t for t in titles if not t.isupper()), titles[0] if titles else None)
        relation = min((m.relation for m in ms), key=lambda r: _RELATION_RANK.get(r, 8))
        url = ms[0].text if key.startswith("u:") else None
        if key.startswith("n:"):
            base = slugify(number or "")
        elif key.startswith("s:") or (key.startswith("t:") and typ and number and not title):
            base = slugify(f"{typ or ''} {number or ''}")
        elif key.startswith("u:"):
            base = "url_" + slugify(ms[0].text)
        else:
            base = slugify(f"{title or ''} {year or ''}")
        rid = unique("ref_" + (base or "unknown"), used_ids)
        out.append(ResolvedReference(rid, number, typ, title, issuer, date, relation, tuple(ms), url=url, year=year))
    return out


def self_and_internal(mentions: Sequence[ReferenceMention]) -> list[ResolvedReference]:
    """Self references (target ``self`` / ``attachment``) and internal ones (target ``art_3__para_2``), one per target."""
    groups: dict[str, list[ReferenceMention]] = {}
    for m in mentions:
        if m.kind in ("self", "internal"):
            groups.setdefault(f"{m.kind}:{m.internal_target or 'self'}", []).append(m)
    out = []
    for key, ms in sorted(groups.items(), key=lambda kv: kv[1][0].start):
        kind, target = key.split(":", 1)
        rid = "ref_self" if kind == "self" and target == "self" else "ref_" + kind + "_" + slugify(target.replace("?", "x"))
        if kind == "self" and target != "self":
            rid = f"ref_self_{slugify(target)}"
        first = ms[0]
        out.append(ResolvedReference(rid, first.number, first.type, first.title, None, None, kind, tuple(ms),
                                     target=target))
    return out
