"""Units of a document: internal references ("khoản 2 Điều 3" -> ``art_3__para_2``, "Điều này" ->
``art_?``) and pinpoints into a cited one ("khoản 3 Điều 12 Nghị định số 45/2020/NĐ-CP").

>>> [m.internal_target for m in _find_internal(_Ctx("theo khoản 2 Điều 3"))]
['art_3__para_2']
"""

from __future__ import annotations

import regex

from ..ids import PREFIX, SEP
from .context import _Ctx
from .mentions import ReferenceMention
from .patterns import _TIMEOUT

_UNIT_RE = regex.compile(
    r"(?P<unit>điểm|khoản|điều|tiểu[\s*_]+mục|mục|phần|chương|phụ[\s*_]+lục)[\s*_]+(?P<nums>này|[\p{L}\d]+(?:[\s*_]*(?:,|và)[\s*_]*[\p{L}\d]+)*)"
)
_RANK = {"app": 0, "part": 1, "chp": 2, "sec": 3, "item": 4, "art": 5, "cl": 6, "pt": 7}
_ID_PREFIX = {"app": PREFIX["appendix"], "part": PREFIX["part"], "chp": PREFIX["chapter"], "sec": PREFIX["section"],
              "item": PREFIX["item"], "art": PREFIX["article"], "cl": PREFIX["clause"], "pt": PREFIX["point"]}


_GAPS = regex.compile(r"[\s*_]+")
_NUM_TOKEN = regex.compile(r"[\p{L}\d]+")
_ROMAN_LOWER = regex.compile(r"[ivxlc]+")
_ROMAN_UPPER = regex.compile(r"[IVXLC]+")
_ROMAN_OR_ANY = regex.compile(r"[IVXLC?]+")


def _internal_targets(ctx: _Ctx, start: int, end: int) -> list[str]:
    """``khoản 1, 2 Điều 3`` -> ``['art_3__para_1', 'art_3__para_2']``; [] when not a valid internal reference."""
    units: list[tuple[str, list[str]]] = []
    for u in _UNIT_RE.finditer(ctx.key, start, end, timeout=_TIMEOUT):
        unit = " ".join(_GAPS.sub(" ", u.group("unit")).split())
        raw_nums = [(n.start(), n.group(0)) for n in _NUM_TOKEN.finditer(u.group("nums"))
                    if n.group(0) != "và"]
        nums: list[str] = []
        for off, n in raw_nums:
            if n == "này":
                nums.append("?")
                continue
            orig = ctx.text[u.start("nums") + off:u.start("nums") + off + len(n)]
            if unit == "điểm":
                nums.append(n.replace("đ", "dd"))
            elif _ROMAN_LOWER.fullmatch(n) and unit not in ("khoản", "điều"):
                if not orig.isupper():
                    return []  # "mục vi phạm"
                nums.append(orig)
            else:
                nums.append(n)
        units.append((unit, nums))
    segs: list[tuple[str, list[str]]] = []
    has_roman_section = any(u == "mục" and n and _ROMAN_UPPER.fullmatch(n[0]) for u, n in units)
    for unit, nums in units:
        if unit == "điều":
            segs.append(("art", nums))
        elif unit == "khoản":
            segs.append(("cl", nums))
        elif unit == "điểm":
            segs.append(("pt", nums))
        elif unit == "chương":
            segs.append(("chp", nums))
        elif unit == "phụ lục":
            segs.append(("app", nums))
        elif unit == "phần":
            segs.append(("part" if has_roman_section else "sec", nums))
        elif unit in ("mục", "tiểu mục"):
            roman = bool(nums) and _ROMAN_OR_ANY.fullmatch(nums[0]) is not None
            segs.append(("sec" if roman and unit == "mục" else "item", nums))
    kinds = {k for k, _ in segs}
    if not segs or kinds == {"pt"}:
        return []
    if kinds & {"cl", "pt"} and "art" not in kinds and not kinds & {"sec", "item", "app"}:
        segs.append(("art", ["?"]))
    if "pt" in kinds and "cl" not in kinds and "art" in kinds:
        segs.append(("cl", ["?"]))
    if kinds == {"item"}:
        segs.append(("sec", ["?"]))
    segs.sort(key=lambda kv: _RANK[kv[0]])
    # Expand a list on one level: the first listed level (innermost in the text).
    listed = next((i for i, (_, ns) in enumerate(segs) if len(ns) > 1), None)
    variants = segs[listed][1] if listed is not None else [None]
    targets = []
    for v in variants:
        parts = [f"{_ID_PREFIX[k]}_{v if i == listed else ns[0]}" for i, (k, ns) in enumerate(segs)]
        targets.append(SEP.join(parts))
    return targets


_HEADING_TAIL = regex.compile(r"[ \t*_]*(?:[.:\-–]|\n|$)")


def _find_internal(ctx: _Ctx, pins: list[tuple[int, int, list[str]]] | None = None) -> list[ReferenceMention]:
    """Units of this document ("khoản 2 Điều 3", "Điều này"); a unit of another document ("khoản 3 Điều 12
    Nghị định số 45/2020/NĐ-CP") goes to ``pins`` as (start, where its citation may start, targets)."""
    lex = ctx.lex
    out = []
    for m in lex.internal.finditer(ctx.key, timeout=_TIMEOUT):
        s, e = m.span()
        if not ctx.key.endswith("này", s, e) and ctx.line_start_before(s) and _HEADING_TAIL.match(ctx.text[e:e + 5]):
            continue  # a heading: "Điều 3. Tổ chức thực hiện", "Phụ lục II"
        if (ext := ctx.match(lex.external_after, e)) is not None:
            # "khoản 2 Điều 3 Nghị định số 45/2020/NĐ-CP": a pinpoint in another document
            if pins is not None:
                pins.append((s, ext.end(), [t for t in _internal_targets(ctx, s, e) if "?" not in t]))
            continue
        for target in _internal_targets(ctx, s, e):
            out.append(ReferenceMention(s, e, ctx.text[s:e], "internal", relation=ctx.relation(s),
                                        internal_target=target))
    return out
