"""A sector's body named by its field after "cơ quan" (data: agencies.yaml department_fields, sector_fields)."""

from __future__ import annotations

import pytest

from vbpl_extract.agencies import find_agencies

# real clauses of normative texts in the corpus
CASES = [
    ("Cơ quan bảo hiểm xã hội có trách nhiệm tiếp nhận hồ sơ và giải quyết", ["Cơ quan bảo hiểm xã hội"]),
    ("Trong thời hạn 10 ngày làm việc kể từ ngày nhận đủ hồ sơ theo quy định, cơ quan bảo hiểm xã hội "
     "có trách nhiệm giải quyết", ["Cơ quan bảo hiểm xã hội"]),
    ("Hằng quý, cơ quan LĐTBXH căn cứ danh sách", ["Cơ quan Lao động - Thương binh và Xã hội"]),
    ("cơ quan thuế quản lý trực tiếp", ["Cơ quan thuế"]),
]


@pytest.mark.parametrize(("text", "names"), CASES)
def test_sector_body(text: str, names: list[str]) -> None:
    assert [m.name for m in find_agencies(text)] == names
