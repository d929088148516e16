"""Ids, minted one way for the whole output (Akoma Ntoso style, as in bluebell's ``IdGenerator``).

A unit's id is its parent's id, ``__``, and its own ``prefix_number``: ``art_2__para_1__point_a``.
Numbers keep their digits and letters; ``đ`` is spelled ``dd`` so ids stay ASCII and distinct from
``d``; ``1.1`` becomes ``1_1``. A unit without a number counts its kind among its siblings
(``bullet_3``). An id already taken gets ``_2``, ``_3`` … (units, table rows, tasks, references).

>>> unit_id("art_2", "clause", "1")
'art_2__para_1'
>>> unit_id("art_2__para_1", "point", "đ")
'art_2__para_1__point_dd'
>>> used = {"task__art_1"}
>>> unique("task__art_1", used), unique("task__art_1", used)
('task__art_1_2', 'task__art_1_3')
"""

from __future__ import annotations

import re

PREFIX: dict[str, str] = {
    "part": "part", "chapter": "chp", "section": "sec", "subsection": "subsec", "article": "art",
    "clause": "para", "point": "point", "item": "item", "bullet": "bullet", "appendix": "app",
    "attachment": "att", "table": "table", "group": "group", "row": "row", "block": "block",
    "intro": "intro", "wrapup": "wrapup",
}
"""Node kind -> id prefix."""

SEP = "__"


_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")


def norm_num(num: str) -> str:
    """A number as used in ids: ``đ`` -> ``dd``, ``1.1`` -> ``1_1``, ``5a`` -> ``5a``.

    >>> norm_num("đ"), norm_num("1.1."), norm_num("5a")
    ('dd', '1_1', '5a')
    """
    n = num.strip().strip(".)(-–").replace("đ", "dd").replace("Đ", "DD")
    return _NON_ALNUM.sub("_", n).strip("_") or "x"


def local_id(kind_or_prefix: str, num: str | int) -> str:
    """``local_id("clause", "2")`` -> ``'para_2'``; a prefix passes through (``local_id("app", "II")``)."""
    prefix = PREFIX.get(kind_or_prefix, kind_or_prefix)
    return f"{prefix}_{norm_num(num) if isinstance(num, str) else num}"


def unit_id(parent: str | None, kind_or_prefix: str, num: str | int) -> str:
    """The id of a unit under ``parent`` (``None`` or ``""`` at the top)."""
    local = local_id(kind_or_prefix, num)
    return f"{parent}{SEP}{local}" if parent else local


def unique(base: str, used: set[str]) -> str:
    """``base``, else ``base_2``, ``base_3`` …: the first not in ``used`` (which it joins)."""
    uid, k = base, 2
    while uid in used:
        uid = f"{base}_{k}"
        k += 1
    used.add(uid)
    return uid
