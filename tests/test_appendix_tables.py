"""Task tables under other headers and a letter's deadline for its appendix rows (batch 24: 174/CV-BCĐ)."""

from __future__ import annotations

from functools import cache

import pytest

from vbpl_extract.models import Task, TaskGraph
from vbpl_extract.pipeline import extract_text
from vbpl_extract.tasks import _map_columns

# 174/CV-BCĐ (Ban Chỉ đạo của Chính phủ, 02/12/2025): point 2.2 of the letter and the head of its Phụ lục table
LETTER_174 = """BAN CHỈ ĐẠO CỦA CHÍNH PHỦ
Số: 174/CV-BCĐ
V/v tập trung tháo gỡ khó khăn, vướng mắc

Hà Nội, ngày 02 tháng 12 năm 2025

Kính gửi: Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ.

2. Về giải quyết các kiến nghị của địa phương

2.1. Các Bộ, cơ quan ngang Bộ tiếp tục phối hợp với Bộ Tư pháp khẩn trương rà soát toàn bộ hệ thống văn bản quy phạm pháp luật.

2.2. Khẩn trương nghiên cứu, giải quyết, xử lý các kiến nghị cụ thể của các cơ quan, đơn vị, địa phương theo Báo cáo số 565-BC/BTCTW ngày 27/11/2025 của Ban Tổ chức Trung ương (Phụ lục kèm theo), hoàn thành trước ngày 15/12/2025.

Nơi nhận:
- Như trên;
- Lưu: VT, BCĐ (02).

KT. TRƯỞNG BAN
PHÓ TRƯỞNG BAN

Phạm Thị Thanh Trà

**PHỤ LỤC**
ĐỀ XUẤT KIẾN NGHỊ CỦA CÁC ĐỊA PHƯƠNG, ĐƠN VỊ VÀ PHÂN CÔNG XỬ LÝ
*(Kèm theo Công văn số 174/CV-BCĐ ngày 02 tháng 12 năm 2025 của Ban Chỉ đạo)*

| TT | Tỉnh kiến nghị | Thông tin đề xuất | Bộ phụ trách tiếp nhận, xử lý |
|---|---|---|---|
| 1 | Lào Cai | Đề nghị Chính phủ và các Bộ ngành Trung ương xem xét, hỗ trợ nguồn kinh phí từ nguồn chi thường xuyên ngân sách trung ương | Bộ Tài chính |
| 5 | Hà Tĩnh | Đề nghị Bộ Tư pháp triển khai sớm các Đề án cơ sở dữ liệu | Bộ Tư pháp |
"""


@cache
def run(text: str) -> TaskGraph:
    return extract_text(text)


def task_starting(g: TaskGraph, words: str) -> Task:
    found = [t for t in g.tasks if t.text.startswith(words)]
    assert found, f"no task starting {words!r}: {[t.text[:40] for t in g.tasks]}"
    return found[0]


@pytest.mark.parametrize(("header", "role", "index"), [
    # 174/CV-BCĐ, Phụ lục: the proposals handed out, one ministry each
    (["TT", "Tỉnh kiến nghị", "Thông tin đề xuất", "Bộ phụ trách tiếp nhận, xử lý"], "task", 2),
    (["TT", "Tỉnh kiến nghị", "Thông tin đề xuất", "Bộ phụ trách tiếp nhận, xử lý"], "lead", 3),
    # the usual header is read as before
    (["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"], "lead", 2),
])
def test_columns_of_a_table_of_proposals(header: list[str], role: str, index: int) -> None:
    assert _map_columns(header)[role] == index


def test_table_of_proposals_gives_tasks_with_the_ministry_in_charge() -> None:
    g = run(LETTER_174)
    assert [a.name for a in task_starting(g, "Đề nghị Chính phủ và các Bộ ngành").lead] == ["Bộ Tài chính"]
    assert [a.name for a in task_starting(g, "Đề nghị Bộ Tư pháp triển khai").lead] == ["Bộ Tư pháp"]


def test_letter_unit_referring_to_the_appendix_gives_its_deadline_to_the_rows() -> None:
    # 174/CV-BCĐ 2.2: "… (Phụ lục kèm theo), hoàn thành trước ngày 15/12/2025" -> every row of the Phụ lục
    g = run(LETTER_174)
    row = task_starting(g, "Đề nghị Bộ Tư pháp triển khai")
    assert row.deadline is not None and row.deadline.due == "2025-12-15"
    assert row.deadline.span is not None
    assert LETTER_174[row.deadline.span[0]:row.deadline.span[1]].endswith("15/12/2025")


def test_no_appendix_deadline_without_the_reference() -> None:
    text = LETTER_174.replace(" (Phụ lục kèm theo)", "")
    row = task_starting(run(text), "Đề nghị Bộ Tư pháp triển khai")
    assert row.deadline is None

