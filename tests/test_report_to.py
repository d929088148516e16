"""Who a task reports to: the reporting verbs and what they do not cover (annotation guide, rule 6)."""

from __future__ import annotations

import pytest

from vbpl_extract.pipeline import extract_text

# (text, lead, report_to) of the one task each text holds
REPORTS = [
    # "gửi … đến / về X": the recipient of what is sent
    ("Điều 3. Các cơ quan, đơn vị gửi hồ sơ đề nghị khen thưởng đến Sở Nội vụ trước ngày 10/12 hằng năm.",
     ["Các cơ quan, đơn vị"], ["Sở Nội vụ"]),
    ("Điều 3. Sở Xây dựng gửi danh sách các công trình về Sở Tài chính để tổng hợp.",
     ["Sở Xây dựng"], ["Sở Tài chính"]),
    # "Căn cứ báo cáo của X": the report of X, not a report to X
    ("Điều 3. Căn cứ báo cáo của Ủy ban nhân dân cấp xã, Ủy ban nhân dân cấp huyện tổ chức thẩm định hồ sơ.",
     ["Ủy ban nhân dân cấp huyện"], []),
    # a list right after a reporting verb is its recipients, not actors
    ("Điều 3. Sở Y tế phản ánh kịp thời về Bộ Y tế, Bộ Tài chính và Bộ Nội vụ để xem xét, giải quyết.",
     ["Sở Y tế"], ["Bộ Y tế", "Bộ Tài chính", "Bộ Nội vụ"]),
    # 126/QĐ-BCĐCP: the onward report of the body sent to ("… để tổng hợp, …, báo cáo cấp có thẩm quyền") is its own;
    # the receiver stands up to 120 characters after "báo cáo" ("báo cáo kết quả … trong quá trình thực hiện về Bộ X")
    ("Điều 3. Sở Tài chính chủ động, kịp thời báo cáo kết quả thực hiện các nhiệm vụ, các phát sinh vướng mắc trong quá "
     "trình thực hiện về Bộ Khoa học và Công nghệ (cơ quan thường trực Ban Chỉ đạo) để tổng hợp, phối hợp tháo gỡ, báo "
     "cáo cấp có thẩm quyền.", ["Sở Tài chính"], ["Bộ Khoa học và Công nghệ"]),
    # 47/2009/TTLT-BTC-BLĐTBXH: a second "gửi" after a purpose is the task's own sending; the decision sent to
    # the treasury "để kiểm soát chi" is a dispatch, not a report (`dispatch_purpose`)
    ("Điều 3. Bộ Lao động – Thương binh và Xã hội ra quyết định điều chỉnh dự toán, đồng thời gửi Kho bạc Nhà nước "
     "để kiểm soát chi và gửi Bộ Tài chính để báo cáo.", ["Bộ Lao động - Thương binh và Xã hội"], ["Bộ Tài chính"]),
    # a purpose clause with no receiver before it is the task's own report
    ("Điều 3. Sở Tài chính tổng hợp kết quả thực hiện để báo cáo Ủy ban nhân dân tỉnh.",
     ["Sở Tài chính"], ["Ủy ban nhân dân tỉnh"]),
]


@pytest.mark.parametrize(("text", "lead", "report_to"), REPORTS)
def test_report_recipients(text: str, lead: list[str], report_to: list[str]) -> None:
    tasks = extract_text(text).tasks
    assert [([a.name for a in t.lead], [a.name for a in t.report_to]) for t in tasks] == [(lead, report_to)]


def test_list_after_reporting_verb_is_no_actor() -> None:
    """With no actor of its own, such a sentence takes none from the list it reports to."""
    text = ("Điều 3. Trong quá trình thực hiện, nếu có vướng mắc đề nghị phản ánh kịp thời về Bộ Y tế, "
            "Bộ Tài chính và Bộ Nội vụ để xem xét, giải quyết.")
    assert all(not {a.name for a in t.lead} & {"Bộ Tài chính", "Bộ Nội vụ"} for t in extract_text(text).tasks)


# a collective the data does not know after "phối hợp với": the coordinators, up to the task's verb
COORDINATED = [
    ("Điều 4. Sở Xây dựng chủ trì, phối hợp với các cơ quan, địa phương đánh giá nguyên nhân ngập lụt.",
     ["Các cơ quan, địa phương"]),
    ("Điều 4. Bộ Công an chủ trì, phối hợp với cơ quan có liên quan tổng hợp danh sách.", ["Các cơ quan có liên quan"]),
    ("Điều 4. Sở Y tế phối hợp với các viện nghiên cứu để phát triển công nghệ mới.", ["Các viện nghiên cứu"]),
    ("Điều 4. Sở Tư pháp chủ trì, phối hợp với các sở, cơ quan liên quan, Ủy ban nhân dân các xã, phường triển khai.",
     ["Các sở, cơ quan liên quan", "Ủy ban nhân dân các xã, phường"]),
    ("Điều 4. Sở Nội vụ phối hợp với Sở Tài chính rà soát hồ sơ.", ["Sở Tài chính"]),
]


@pytest.mark.parametrize(("text", "coordinators"), COORDINATED)
def test_unknown_collective_after_phoi_hop_voi(text: str, coordinators: list[str]) -> None:
    tasks = extract_text(text).tasks
    assert [[a.name for a in t.coordinators] for t in tasks] == [coordinators]
