"""Task tables under other headers, a letter's deadline for its appendix rows, the sector bodies of a province
(batch 24: 174/CV-BCĐ, 84/2025/QĐ-UBND of Bắc Ninh)."""

from __future__ import annotations

from functools import cache

import pytest

from vbpl_extract.annotate import Mentions
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


# 84/2025/QĐ-UBND of Bắc Ninh, Điều 10 khoản 2: two actors of one lead-in separated by ';', the first a collective
# of the law on prices
DECISION_84 = """ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Số: 84/2025/QĐ-UBND

QUYẾT ĐỊNH
Ban hành Quy định về quản lý nhà nước về giá

**Điều 10. Cập nhật thông tin dữ liệu vào Cơ sở dữ liệu về giá của địa phương**

2. Các cơ quan chuyên môn quản lý ngành, lĩnh vực cấp tỉnh; Ủy ban nhân dân các xã, phường chịu trách nhiệm cập nhật các thông tin, dữ liệu vào Cơ sở dữ liệu về giá của địa phương đối với:

a) Giá hàng hóa, dịch vụ thuộc thẩm quyền định giá của Ủy ban nhân dân tỉnh được giao chủ trì tham mưu;

c) Giá hàng hóa, dịch vụ khác theo quy định của Ủy ban nhân dân tỉnh do cơ quan chuyên môn quản lý ngành, lĩnh vực cấp tỉnh; Ủy ban nhân dân xã, phường chủ trì tham mưu hoặc quyết định ban hành theo thẩm quyền.
"""


def test_sector_bodies_of_a_province_lead_the_points_of_their_lead_in() -> None:
    g = run(DECISION_84)
    t = task_starting(g, "Giá hàng hóa, dịch vụ thuộc thẩm quyền định giá")
    assert [a.name for a in t.lead] == ["Các cơ quan chuyên môn quản lý ngành, lĩnh vực cấp tỉnh",
                                        "Ủy ban nhân dân các xã, phường"]



@pytest.mark.parametrize(("text", "name"), [
    # 84/2025/QĐ-UBND of Bắc Ninh, Điều 6 and Điều 7
    ("Sở quản lý ngành, lĩnh vực chủ trì hiệp thương giá đối với hàng hóa", "Sở quản lý ngành, lĩnh vực"),
    ("Các Sở quản lý ngành, lĩnh vực có trách nhiệm thực hiện kiểm tra", "Các Sở quản lý ngành, lĩnh vực"),
])
def test_sector_bodies_of_the_law_on_prices_are_known(text: str, name: str) -> None:
    found = Mentions(None).agencies(text)
    assert found and found[0].start == 0 and fold(found[0].name) == fold(name)


def fold(name: str) -> str:
    """A name without its plural "Các" and case, as the scorer compares leads."""
    return name.lower().removeprefix("các ")


def test_semicolon_between_names_of_one_actor_list_opens_no_task() -> None:
    # 84/2025/QĐ-UBND Điều 10 khoản 2 c: "… cấp tỉnh; Ủy ban nhân dân xã, phường chủ trì tham mưu …" is one point
    g = run(DECISION_84)
    assert not any(t.text.startswith("Ủy ban nhân dân xã, phường chủ trì tham mưu") for t in g.tasks)


def test_semicolon_after_the_object_of_an_action_still_opens_a_task() -> None:
    # 2530/QĐ-TTg Điều 1: the bodies before ';' receive the money; the clause after it has its own actor
    g = run("Điều 1. Phê duyệt Kế hoạch.\n\n2. Bộ Tài chính có trách nhiệm phân bổ kinh phí thực hiện các nhiệm vụ do "
            "Thủ tướng Chính phủ giao cho các bộ, cơ quan ngang bộ, cơ quan trực thuộc Chính phủ; Ủy ban nhân dân cấp "
            "tỉnh trình Hội đồng nhân dân phê duyệt để thực hiện các nội dung thuộc trách nhiệm của địa phương.\n")
    assert task_starting(g, "Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân").lead


def test_military_command_of_a_province_by_its_short_form() -> None:
    # 980/KH-UBND of Nghệ An: "Bộ CHQS tỉnh có trách nhiệm tham mưu Ủy ban nhân dân tỉnh …"
    found = Mentions(None).agencies("Bộ CHQS tỉnh có trách nhiệm tham mưu Ủy ban nhân dân tỉnh")
    assert found and found[0].name == "Bộ Chỉ huy Quân sự tỉnh"


def test_recurrent_spending_is_no_ongoing_deadline() -> None:
    # 174/CV-BCĐ row 1: "… hỗ trợ nguồn kinh phí từ nguồn chi thường xuyên ngân sách trung ương" names the budget's
    # recurrent spending, not an ongoing task: the row keeps the letter's deadline
    task = task_starting(run(LETTER_174), "Đề nghị Chính phủ và các Bộ ngành")
    assert task.deadline is not None and task.deadline.kind == "date" and task.deadline.due == "2025-12-15"
