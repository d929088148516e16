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
