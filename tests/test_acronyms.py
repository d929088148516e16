"""Acronyms a document defines for a body ("… quốc gia Việt Nam (VNMAC)"), then uses alone."""

from __future__ import annotations

import pytest

from vbpl_extract import extract_text
from vbpl_extract.agencies import defined_acronyms

# (text, acronym -> full name the document defines); real sentences of the corpus
DEFINED = [
    ("Trung tâm Hành động bom mìn quốc gia Việt Nam (VNMAC) chịu trách nhiệm lập,",
     {"VNMAC": "Trung tâm Hành động bom mìn quốc gia Việt Nam"}),
    ("đề nghị bổ sung “Trung tâm Đổi mới sáng tạo Quốc gia (NIC)",
     {"NIC": "Trung tâm Đổi mới sáng tạo Quốc gia"}),
    ("Lãnh đạo Phòng Bảo trợ xã hội (BTXH)", {"BTXH": "Phòng Bảo trợ xã hội"}),
    # not a definition of a body
    ("tổng sản phẩm trên địa bàn các tỉnh, thành phố trực thuộc trung ương (GRDP)", {}),  # a collective
    ("với Nền tảng tích hợp, chia sẻ dữ liệu của các bộ, ngành, địa phương (LGSP)", {}),
    ("- Cục KSTTHC, VPCP (CDVCQG)", {}),  # the body is itself abbreviated
    ("trì cuộc họp giữa Bộ Y tế với Bộ Công an (C06)", {}),  # one letter: a unit's code
    ("- Ban Pháp chế (CT)", {}),  # two letters that are not its initials
    ("Ngân hàng Nhà nước Việt Nam (NHNN) chủ trì", {}),  # the data knows NHNN
]


@pytest.mark.parametrize(("text", "expected"), DEFINED)
def test_defined_acronyms(text: str, expected: dict[str, str]) -> None:
    assert {k: v.name for k, v in defined_acronyms(text).items()} == expected


def test_acronym_is_the_actor_of_a_unit() -> None:
    text = ("Điều 4. Lập kế hoạch\n\n1. Trung tâm Hành động bom mìn quốc gia Việt Nam (VNMAC) chịu trách nhiệm "
            "lập kế hoạch khắc phục hậu quả bom mìn cấp quốc gia.\n\n"
            "2. VNMAC có trách nhiệm giúp Bộ Quốc phòng thẩm định chương trình, kế hoạch.\n")
    graph = extract_text(text)
    leads = {t.unit_id: [a.name for a in t.lead] for t in graph.tasks}
    assert leads["art_4__para_2"] == ["Trung tâm Hành động bom mìn quốc gia Việt Nam"]
    [lead] = next(t for t in graph.tasks if t.unit_id == "art_4__para_2").lead
    assert lead.span is not None and text[lead.span[0]:lead.span[1]] == "VNMAC"
