"""Documents cited by a text: full citations, short forms, self and internal references, then one
reference per distinct document (after eyecite: find citations, then resolve short forms to them).

>>> text = ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát "
...         "triển khoa học; triển khai Nghị quyết 57 theo khoản 2 Điều 3 Nghị quyết này.")
>>> [(m.kind, m.number or m.internal_target) for m in find_references(text)]
[('full', '57-NQ/TW'), ('short', '57'), ('internal', 'art_3__para_2'), ('self', 'self')]
>>> [(r.id, r.date.isoformat(), r.issuer, r.relation) for r in resolve_references(find_references(text))]
[('ref_57_nq_tw', '2024-12-22', 'Bộ Chính trị', 'can_cu')]

Every function is pure over one ``str``; offsets are ``[start, end)`` into it. Patterns run on
``textutil.match_key(text)`` (same length, lower case, new-style tones) except the số ký hiệu
(``doctypes.NUMBER_RE``), whose codes are case-sensitive. A regex timeout ends a finder with what it
found so far; any other error is a bug and is raised (the annotate stage records it as a warning).

Kinds of mention:

* ``full``: a số ký hiệu, with its type word when written ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của
  Bộ Chính trị"), or alone (type from the code: "83/BKHCN-BTTTT-VP" is a công văn). Each number of a
  list ("các Công điện số 217/CĐ-TTg, 218/CĐ-TTg và 222/CĐ-TTg ngày 19/11/2025") is its own mention;
  the date belongs to the last one, the issuer ("của ...") to all.
* ``short``: "Nghị quyết 57", "Kế hoạch số 02", and a repeat of an earlier full number.
* ``name``: a law or code by name ("Luật Đất đai năm 2024", "Bộ luật Lao động") and named plans cited
  as existing ("theo Quy hoạch hạ tầng thông tin và truyền thông thời kỳ 2021-2030", "Đề án 06").
  Documents a task will produce ("xây dựng Đề án ...", "dự án Luật ...", "Luật ... (sửa đổi)") are not
  references, and neither are other mentions of the same title.
* ``self``: "Nghị quyết này", the document's own number (``self_number``), and the plan it issues
  ("Ban hành kèm theo Nghị quyết này Chương trình hành động ..." and later mentions of that title).
  ``internal_target`` is ``"self"``, or ``"attachment"`` when the type differs from ``self_type``.
* ``internal``: "khoản 2 Điều 3" -> ``art_3__para_2``; "điểm a khoản 1 Điều này" -> ``art_?__para_1__point_a``.
  Ids are the structure's (:mod:`vbpl_extract.ids`): ``art_N``, ``para_N`` (khoản), ``point_x`` (đ ->
  ``dd``), ``sec_II`` (Mục/Phần with a Roman number), ``item_N`` (mục with an Arabic number), ``chp_II``
  (Chương), ``app_II`` (Phụ lục). A ``?`` stands for the unit the mention sits in ("Điều này", "khoản 2"
  without an article): the annotate stage resolves it against the structure tree.
* A unit of another document ("khoản 3 Điều 12 Nghị định số 45/2020/NĐ-CP") is not internal: it is the
  ``pinpoint`` of that citation (``art_12__para_3``).
* ``url``: "http://nq57.vn", "www.chinhphu.vn".

One file per part: ``mentions`` (what is found), ``patterns`` (built from the data), ``context``
(reading around a match), ``citations``, ``units``, ``names`` (the finders), ``find`` (all of them
over one text) and ``resolve`` (one reference per document).
"""

from __future__ import annotations

from .find import find_references
from .mentions import ReferenceMention, ResolvedReference
from .resolve import resolve_references, self_and_internal

__all__ = [
    "ReferenceMention",
    "ResolvedReference",
    "find_references",
    "resolve_references",
    "self_and_internal",
]
