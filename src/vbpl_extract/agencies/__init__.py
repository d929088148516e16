"""Find the state bodies named in a text: gazetteer + patterns + list splitting.

Pure functions on a ``str``; every span is ``[start, end)`` into that string.

>>> [m.name for m in find_agencies("Bộ KH&CN chủ trì, phối hợp với UBND các tỉnh: Gia Lai, Đắk Lắk")]
['Bộ Khoa học và Công nghệ', 'Ủy ban nhân dân tỉnh Gia Lai', 'Ủy ban nhân dân tỉnh Đắk Lắk']
>>> [m.name for m in split_agencies("Bộ Tài chính, doanh nghiệp liên quan")]
['Bộ Tài chính', 'Các doanh nghiệp liên quan']

How it works: the text is folded with :func:`textutil.match_key` (length-preserving), then
*compressed* (whitespace runs become one space, spaces around ``- & , . : ; /`` are dropped)
with an index map back to the text, so "Ủy ban nhân dân các tỉnh,\\nthành phố" and
"Bộ Lao động-Thương binh" match the data. One Aho-Corasick automaton over all names, aliases
and abbreviations (plus generated ``UBND``/``HĐND``/``TW`` variants) finds known bodies;
regexes find shared-head lists ("Các Bộ: Quốc phòng, Tài chính") and unknown bodies
("Cục Quản lý thị trường tỉnh X"). Overlaps are resolved longest-first, then office-holder
titles in front of a body are absorbed into its span ("Bộ trưởng Bộ Y tế" -> Bộ Y tế).
Bodies are kept as written: "Bộ Thông tin và Truyền thông" stays itself, its successor is
only exposed on :class:`AgencyEntry`. Spelling variants of a known body (punctuation, "và",
case: "Sở Văn hoá Thể thao du lịch") resolve to it; collectives are never merged that way.
Unknown bodies run over lower-case words and "và"/"X, Y và Z" joins up to the next body
("Trung tâm Chuyển đổi số Thành phố"); a collective of state units runs on over more units and
"(có) liên quan" as written ("các sở, ngành và địa phương"); one named by its assignment is kept whole
("Các cơ quan, đơn vị được giao nhiệm vụ"). A head shared by a list ("các Cục: A; B") is put in front
of every item; an office title in front of a list or a collective is absorbed, never a name of its own.

A body the document names in full once and then by an acronym in brackets ("… (VNMAC)") is found
under the acronym too (``acronyms``, given the document's definitions).

One file per part: ``entries`` (the data), ``acronyms``, ``text_forms`` (folding and compressing), ``gazetteer``
(automaton and lookup), ``candidates`` (patterns and choice), ``find`` and ``split``.
"""

from __future__ import annotations

from .acronyms import Acronym, defined_acronyms, with_acronyms
from .candidates import display_name
from .entries import AgencyData, AgencyEntry, AgencyMention, load_agency_data
from .find import find_agencies
from .gazetteer import lookup_agency, office_title_end
from .split import split_agencies

__all__ = [
    "Acronym",
    "AgencyData",
    "AgencyEntry",
    "AgencyMention",
    "defined_acronyms",
    "display_name",
    "find_agencies",
    "load_agency_data",
    "lookup_agency",
    "office_title_end",
    "split_agencies",
    "with_acronyms",
]
