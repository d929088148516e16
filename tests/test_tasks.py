"""Tests for tasks: one test per rule of the annotation guide, on short excerpts in the corpus' styles."""

from __future__ import annotations

from functools import cache

import pytest
import regex

from conftest import CORPUS, FIXTURES, ROOT
from vbpl_extract.models import Task, TaskGraph
from vbpl_extract.pipeline import extract_file, extract_text
from vbpl_extract.tasks import is_content_lead_in, is_lead_in, is_non_task, is_part_list, non_task_heading


@cache
def run(text: str) -> TaskGraph:
    return extract_text(text)


@cache
def run_fixture(name: str) -> TaskGraph:
    return extract_text((FIXTURES / name).read_text("utf-8"))


def corpus_text(relative: str) -> str:
    """A real document of the shared corpus (``../shared/corpus``); the test is skipped without it."""
    path = CORPUS / relative
    if not path.is_file():
        pytest.skip(f"shared corpus not available at {CORPUS}")
    return path.read_text(encoding="utf-8")


def leads(t: Task) -> list[str]:
    return [a.name for a in t.lead]


def names(refs: list) -> list[str]:
    return [a.name for a in refs]


def task_starting(g: TaskGraph, words: str) -> Task:
    found = [t for t in g.tasks if t.text.startswith(words)]
    assert found, f"no task starting {words!r}: {[t.text[:40] for t in g.tasks]}"
    return found[0]


def no_task_with(g: TaskGraph, words: str) -> bool:
    return not any(words in t.text for t in g.tasks)


# --------------------------------------------------------------------------- word lists


def test_word_predicates() -> None:
    assert is_lead_in("Các Bộ, ngành cần tập trung thực hiện các nhiệm vụ sau đây:")
    assert is_lead_in("Ủy ban nhân dân tỉnh yêu cầu các sở thực hiện như sau:")
    assert not is_lead_in("Bộ Tài chính bố trí kinh phí.")
    assert is_non_task("Quyết định này có hiệu lực kể từ ngày ký.")
    assert is_non_task("Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Nghị quyết này.")
    # what a body is, in a normative text (303/2025/NĐ-CP)
    assert is_non_task("Cục là tổ chức thuộc bộ, thực hiện chức năng tham mưu, giúp Bộ trưởng")
    assert is_non_task("Đơn vị sự nghiệp công lập có tư cách pháp nhân, con dấu và tài khoản riêng.")
    assert not is_non_task("Sở Tài chính là cơ quan đầu mối, tổng hợp báo cáo Ủy ban nhân dân tỉnh.")
    # the addressee line of a letter, where the OCR of a scan (3980/C04-P6) puts it in the body
    assert is_non_task("Kính gửi: Đồng chí Chủ tịch UBND tỉnh Lâm Đồng")
    # the enacting formula of a normative text, also when a drafting word comes after "ban hành"
    # (68/2025/TT-BNNMT: "… vận hành công trình …"), and of a law (60/2024/QH15)
    assert is_non_task("Bộ trưởng Bộ Nông nghiệp và Môi trường ban hành Thông tư quy định kỹ thuật vận hành công trình hạ tầng.")
    assert is_non_task("Quốc hội ban hành Luật Dữ liệu.")
    assert not is_non_task("Bộ Tư pháp chủ trì xây dựng, trình Chính phủ ban hành Nghị định quy định chi tiết Luật.")
    # a blank form in a Phụ lục (68/2025/TT-BNNMT, Mẫu số 03): motto, placeholder, title in capitals, blanks to fill
    assert is_non_task("Độc lập - Tự do - Hạnh phúc") and is_non_task("TÊN CƠ QUAN/ TỔ CHỨC")
    assert is_non_task("BÁO CÁO KẾT QUẢ THU DỮ LIỆU VIỄN THÁM RA ĐA")
    assert not is_non_task("Báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15/12/2025.")
    assert is_non_task("Cơ quan/Đơn vị... xin báo cáo về tình hình vận hành vệ tinh từ ngày..tháng..năm đến ngày..tháng..năm")
    assert not is_non_task("Sở Tài chính hoàn thành trước ngày 15 tháng 12 năm 2025.")
    # a lead-in whose items are contents (60/2024/QH15, Điều 29 and 33)
    assert is_content_lead_in("Quỹ phát triển dữ liệu quốc gia được hình thành từ các nguồn tài chính sau đây:")
    assert is_content_lead_in("Cơ sở dữ liệu tổng hợp quốc gia được Chính phủ xây dựng và đáp ứng các yêu cầu sau đây:")
    assert not is_content_lead_in("Ủy ban nhân dân cấp tỉnh có trách nhiệm công khai các thông tin sau đây:")
    assert not is_content_lead_in("Việc giải mật tài liệu lưu trữ được quy định như sau:")  # 383-QĐ/TW: duties follow
    assert non_task_heading("MỤC TIÊU") and non_task_heading("Quan điểm") and non_task_heading("Mục đích, yêu cầu")
    assert not non_task_heading("NHIỆM VỤ CỤ THỂ") and not non_task_heading(None)


# --------------------------------------------------------------------------- inherited actors

LEAD_IN = (
    "II. NHIỆM VỤ CỤ THỂ\n"
    "Nhằm đạt được mục tiêu đề ra, bên cạnh các nhiệm vụ thường xuyên, các Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, "
    "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương cần tập trung thực hiện các nhiệm vụ sau đây:\n"
    "1. Nâng cao nhận thức về chuyển đổi số\n"
    "a) Tổ chức quán triệt, tuyên truyền sâu rộng nội dung Nghị quyết trong tháng 02/2025.\n"
    "b) Đưa nội dung chuyển đổi số vào chương trình công tác hằng năm.\n"
)


def test_lead_in_passes_collective_actor_to_points() -> None:
    g = run(LEAD_IN)
    a = task_starting(g, "Tổ chức quán triệt")
    b = task_starting(g, "Đưa nội dung chuyển đổi số")
    expected = ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]
    assert leads(a) == leads(b) == expected
    assert a.provenance["lead"].startswith("inherited")
    assert a.unit == "II / 1 / điểm a"
    # neither the lead-in nor the group heading is a task
    assert no_task_with(g, "cần tập trung thực hiện") and no_task_with(g, "Nâng cao nhận thức")


def test_own_deadline_and_regular_tasks_are_not_deadlines() -> None:
    """'bên cạnh các nhiệm vụ thường xuyên' in the lead-in is not inherited as a deadline."""
    g = run(LEAD_IN)
    a = task_starting(g, "Tổ chức quán triệt")
    assert a.deadline is not None
    assert (a.deadline.kind, a.deadline.due, a.deadline.origin) == ("month", "2025-02-28", "own text")
    b = task_starting(g, "Đưa nội dung chuyển đổi số")
    assert b.deadline is None or b.deadline.kind != "ongoing"


def test_deadline_inherited_from_lead_in() -> None:
    g = run(
        "III. TỔ CHỨC THỰC HIỆN\nCác bộ, ngành, địa phương cần hoàn thành trước ngày 31/3/2025 các nhiệm vụ sau:\n"
        "1. Rà soát, sửa đổi các văn bản quy phạm pháp luật có liên quan.\n2. Xây dựng kế hoạch chuyển đổi số."
    )
    assert len(g.tasks) == 2
    t = task_starting(g, "Rà soát, sửa đổi")
    assert leads(t) == ["Các bộ, ngành, địa phương"]
    assert t.deadline is not None and t.deadline.due == "2025-03-31"
    assert t.deadline.origin is not None and t.deadline.origin.startswith("inherited")


@pytest.mark.parametrize("heading", ["3. Nhiệm vụ thường xuyên", "3. Các nhiệm vụ thường xuyên:"])
def test_a_heading_that_sorts_its_items_as_ongoing_passes_it_down(heading: str) -> None:
    # 104-CTr/TU: "1. Các nhiệm vụ cần làm ngay trong năm 2026", …, "3. Nhiệm vụ thường xuyên" over "3.1. …" items
    g = run(
        f"III. NHIỆM VỤ VÀ GIẢI PHÁP\n{heading}\n3.1. Tăng cường sự lãnh đạo của Đảng\n"
        "- Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo rà soát, ban hành các cơ chế bảo vệ môi trường.\n"
        "- Sở Nông nghiệp và Môi trường kiểm soát các cơ sở có nguồn thải lớn."
    )
    for start in ("Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo", "Sở Nông nghiệp và Môi trường kiểm soát"):
        t = task_starting(g, start)
        assert t.deadline is not None and t.deadline.kind == "ongoing"
        assert t.deadline.origin is not None and t.deadline.origin.startswith("inherited")


@pytest.mark.parametrize("tail", ["sau trước ngày 31/3/2025:", "sau đây trước ngày 31/3/2025:"])
def test_lead_in_with_deadline_at_the_end(tail: str) -> None:
    g = run(
        f"III. TỔ CHỨC THỰC HIỆN\nCác bộ, ngành, địa phương hoàn thành các nhiệm vụ {tail}\n"
        "1. Rà soát, sửa đổi các văn bản quy phạm pháp luật có liên quan.\n2. Xây dựng kế hoạch chuyển đổi số."
    )
    assert no_task_with(g, "hoàn thành các nhiệm vụ")
    t = task_starting(g, "Rà soát, sửa đổi")
    assert t.deadline is not None and t.deadline.due == "2025-03-31"


def test_actor_heading_with_colon_then_points() -> None:
    g = run_fixture("cong_dien.md")
    a = task_starting(g, "Chỉ đạo công an địa phương")
    b = task_starting(g, "Huy động lực lượng")
    assert leads(a) == leads(b) == ["Bộ Công an"]
    assert a.unit == "2 / điểm a"
    assert no_task_with(g, "Bộ Công an:")


def test_bold_actor_heading_then_dash_bullets() -> None:
    g = run_fixture("md_ke_hoach_so.md")
    t = task_starting(g, "Chia sẻ dữ liệu đất đai")
    assert leads(t) == ["Sở Nông nghiệp và Môi trường"]
    assert t.unit == "V / 2 / gạch đầu dòng 1"
    t2 = task_starting(g, "Cử cán bộ đầu mối")
    assert leads(t2) == ["Sở Nông nghiệp và Môi trường"]
    assert t2.deadline is not None and t2.deadline.due == "2025-04-30"


def test_bullet_opening_with_phoi_hop_keeps_inherited_lead() -> None:
    g = run_fixture("md_ke_hoach_so.md")
    t = task_starting(g, "Phối hợp với Sở Khoa học")
    assert leads(t) == ["Văn phòng Sở"]
    assert names(t.coordinators) == ["Sở Khoa học và Công nghệ"]


def test_article_level_assignment() -> None:
    g = run("Điều 2. Giao Sở Tài chính:\n1. Chủ trì thẩm định dự toán kinh phí.\n2. Hướng dẫn các xã, phường quyết toán.")
    t1 = task_starting(g, "Chủ trì thẩm định")
    t2 = task_starting(g, "Hướng dẫn các xã")
    assert leads(t1) == leads(t2) == ["Sở Tài chính"]
    assert t1.unit == "Điều 2 / khoản 1"


def test_article_with_its_own_task() -> None:
    g = run_fixture("tvpl_quyet_dinh.md")
    [t] = g.tasks
    assert t.unit == "Điều 2"
    assert leads(t) == ["Sở Tài chính"]
    assert names(t.coordinators) == ["Sở Khoa học và Công nghệ"]
    # "Ủy ban nhân dân tỉnh" in the text; the header gives the fullest form (guide: Genres, naming)
    assert names(t.report_to) == ["Ủy ban nhân dân tỉnh Nghệ An"]
    assert t.deadline is not None and (t.deadline.kind, t.deadline.due) == ("date", "2025-12-15")


# --------------------------------------------------------------------------- roles


ASKED_HEADINGS = [
    # (a numbered heading over points, the lead its points inherit)
    ("6. Đề nghị các tổ chức cung cấp dịch vụ chi trả", "Các tổ chức cung cấp dịch vụ chi trả"),
    ("3. Đề nghị các doanh nghiệp viễn thông trên địa bàn", "Các doanh nghiệp viễn thông trên địa bàn"),
    ("4. Giao các đơn vị sự nghiệp công lập thuộc tỉnh", "Các đơn vị sự nghiệp công lập thuộc tỉnh"),
]


@pytest.mark.parametrize(("heading", "lead"), ASKED_HEADINGS)
def test_heading_asking_a_body_the_data_does_not_know(heading: str, lead: str) -> None:
    g = run(f"V. TỔ CHỨC THỰC HIỆN\n{heading}\na) Tích cực tham gia phong trào thi đua trên địa bàn.\n"
            "b) Bố trí nguồn lực tổ chức thực hiện các nhiệm vụ được giao.")
    assert [leads(t) for t in g.tasks] == [[lead], [lead]]


CLOSED_ACTOR_HEADINGS = [
    # (a clause naming its actor over points, closed by a full stop; the lead its points inherit)
    # 82/2025/QĐ-UBND, Điều 9 khoản 4
    ("4. Các cơ quan, tổ chức, đơn vị còn lại.", "Các cơ quan, tổ chức, đơn vị còn lại"),
    ("4. Các cơ quan, tổ chức, đơn vị còn lại", "Các cơ quan, tổ chức, đơn vị còn lại"),
]


FRONTED_TOPICS = [
    # (a unit opening with a topic closed by a colon, its leads; the task's text starts at the unit's first words)
    # 157/KH-UBND, III.2.b: the subject stands right after the topic's colon
    ("b) Thực hiện mở tài khoản và phát hành thẻ: Ủy ban nhân dân xã, phường phối hợp với các Ngân hàng thương mại "
     "thực hiện mở tài khoản cho đối tượng tại Ủy ban nhân dân xã, phường.",
     [["Ủy ban nhân dân các xã, phường"]]),
    # 636/TB-VPCP, III.3: a reply "Về kiến nghị …: <actor> …" is a task of that actor (guide, Genres)
    ("3. Về kiến nghị liên quan đến tổ chức bộ máy để bảo đảm vận hành hiệu quả chính quyền địa phương 02 cấp:\n\n"
     "Bộ Nội vụ theo chức năng nhiệm vụ được giao khẩn trương nghiên cứu, xử lý kiến nghị của tỉnh Phú Thọ.",
     [["Bộ Nội vụ"]]),
    # 99/2025/QĐ-UBND, Điều 7: a colon after the first sentence closes no topic ("Ví dụ: Sở AH sẽ có …")
    ("a) Đối với địa chỉ thư điện tử công vụ các Sở, ban, ngành được đặt theo cấu trúc như sau: "
     "<tên viết tắt của cơ quan, đơn vị>@nghean.gov.vn; Ví dụ: Sở AH sẽ có địa chỉ thư điện tử công vụ là: "
     "[email protected].", []),
]


@pytest.mark.parametrize(("unit", "expected"), FRONTED_TOPICS)
def test_subject_after_a_topic_closed_by_a_colon(unit: str, expected: list[list[str]]) -> None:
    g = run(f"III. VỀ MỘT SỐ KIẾN NGHỊ\n{unit}\n")
    assert [leads(t) for t in g.tasks] == expected
    assert all(t.text.startswith(unit.split(" ", 1)[1][:20]) for t in g.tasks)


@pytest.mark.parametrize(("heading", "lead"), CLOSED_ACTOR_HEADINGS)
def test_actor_heading_closed_by_a_full_stop(heading: str, lead: str) -> None:
    g = run(f"Điều 9. Trách nhiệm thực hiện\n{heading}\n"
            "a) Cập nhật kịp thời dữ liệu phát sinh, biến động (tăng, giảm) về tài sản công vào Cơ sở dữ liệu;\n"
            "b) Thực hiện công khai tài sản công theo quy định tại Điều 104, Điều 105 Nghị định số 151/2017/NĐ-CP.")
    assert [leads(t) for t in g.tasks] == [[lead], [lead]]


ROLE_SUBJECTS = [
    # (a clause of a normative text, the leads it gives; [] = not a task)
    ("Chủ đầu tư chịu trách nhiệm lập hồ sơ quyết toán dự án gửi cơ quan tài chính.", ["Chủ đầu tư"]),
    ("Cơ quan quân sự địa phương có trách nhiệm phối hợp với chủ đầu tư kiểm tra hiện trường.",
     ["Cơ quan quân sự địa phương"]),
    ("Hằng năm, Quỹ có trách nhiệm báo cáo Bộ Xây dựng về tình hình hoạt động.", ["Quỹ"]),
    ("Các chủ rừng phải thường xuyên canh phòng, đặc biệt đối với rừng trồng.", ["Các chủ rừng"]),
    ("Trong thời hạn 10 ngày kể từ ngày nhận đủ hồ sơ, tổ chức làm nhiệm vụ bồi thường phải lập phương án hỗ trợ.",
     ["Tổ chức làm nhiệm vụ bồi thường"]),
    ("Các chủ rừng và lực lượng kiểm lâm có trách nhiệm tuần tra các vùng trọng điểm.",
     ["Các chủ rừng", "Lực lượng kiểm lâm"]),
    ("Lực lượng cứu hộ khi nhận được lệnh huy động phải kịp thời điều động phương tiện.", ["Lực lượng cứu hộ"]),
    # 96/2025/QĐ-UBND Quy định Điều 10.3: "X phối hợp với Y …" with no "chủ trì": X is the actor (the guide)
    ("Cơ quan Kiểm lâm trên địa bàn phối hợp với các cơ quan chuyên môn cấp xã, đơn vị liên quan, hướng dẫn kỹ "
     "thuật xử lý thực bì đúng quy định.", ["Cơ quan Kiểm lâm trên địa bàn"]),
    # a role named by the work it chairs keeps that work, up to the unit's own verb (19197-CV/VPTW:
    # "Cơ quan chủ trì soạn thảo văn bản biên soạn tài liệu …"; 81/2025/QĐ-UBND: "Cơ quan chủ trì soạn thảo
    # cung cấp dự thảo …")
    ("Cơ quan chủ trì soạn thảo văn bản biên soạn tài liệu và tổ chức phổ biến văn bản.",
     ["Cơ quan chủ trì soạn thảo văn bản"]),
    ("Cơ quan chủ trì soạn thảo cung cấp dự thảo quy hoạch, chương trình cho cơ quan thẩm định.",
     ["Cơ quan chủ trì soạn thảo"]),
    # a collective the words before its duty define is that defined role, as written (71/2025/NQ-HĐND Hà Nội:
    # "4. Cơ quan, đơn vị tổ chức lập quy hoạch khu vực TOD có trách nhiệm lấy ý kiến góp ý …"); a bare
    # collective before its duty stays itself
    ("Cơ quan, đơn vị tổ chức lập quy hoạch khu vực\nTOD có trách nhiệm lấy ý kiến góp ý của Sở Quy hoạch - Kiến trúc.",
     ["Cơ quan, đơn vị tổ chức lập quy hoạch khu vực TOD"]),
    ("Các cơ quan, đơn vị liên quan có trách nhiệm phối hợp thực hiện.", ["Các cơ quan, đơn vị liên quan"]),
    # 556/KH-UBND: a plural collective stays itself
    ("Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này có trách nhiệm phối hợp.",
     ["Các sở, ban, ngành tỉnh có liên quan"]),
    # statements, not duties
    ("Cơ quan có thẩm quyền chịu trách nhiệm trước pháp luật về quyết định của mình.", []),
    ("Doanh nghiệp phải đáp ứng các điều kiện về vốn và nhân lực.", []),
    ("Các cơ quan, tổ chức từ Trung ương đến cơ sở có trách nhiệm thực hiện Quy định này.", []),
]


@pytest.mark.parametrize(("text", "expected"), ROLE_SUBJECTS)
def test_body_named_by_its_role_before_a_duty(text: str, expected: list[str]) -> None:
    g = run(f"Điều 5. Trách nhiệm thực hiện\n1. {text}")
    assert [leads(t) for t in g.tasks] == ([expected] if expected else [])


ROLE_ACTION_SUBJECTS = [
    # (a clause whose subject is a group of bodies named by their role before an ordinary verb of the action
    # lexicon, not a duty word, the leads it gives; [] = not a task)
    # 94/VBHN-BQP Điều 34.3
    ("Các tổ chức nước ngoài thiết lập hệ thống quản lý chất lượng nội bộ theo quy định.", ["Các tổ chức nước ngoài"]),
    # 0130/KH-UBND IV.7
    ("Các Trung tâm y tế giám sát tuyến xã và báo cáo hằng ngày.", ["Các Trung tâm y tế"]),
    # 163/2025/QĐ-CTUBND Quy chế Điều 18.1: a verb right after the head names the kind of body
    ("Các cơ quan thực hiện TTHC công khai địa chỉ trụ sở làm việc, hộp thư điện tử, số điện thoại.",
     ["Các cơ quan thực hiện TTHC"]),
    # a single role before an ordinary verb is a step of a procedure (170/2025/NĐ-CP, not a task in its gold)
    ("Hội đồng tuyển dụng thông báo công khai trên trang thông tin điện tử của cơ quan.", []),
    # a unit that opens with an action is verb-led, not a role ("Tổ chức" is the verb)
    ("Tổ chức tập huấn cho cán bộ, công chức làm công tác bảo vệ rừng.", []),
]


@pytest.mark.parametrize(("text", "expected"), ROLE_ACTION_SUBJECTS)
def test_body_named_by_its_role_before_an_ordinary_verb(text: str, expected: list[str]) -> None:
    g = run(f"Điều 5. Trách nhiệm thực hiện\n1. {text}")
    assert [leads(t) for t in g.tasks] == ([expected] if expected else [])


CONDITIONAL_SUBJECTS = [
    # (a clause of a normative text opening with a condition or a topic, the leads it gives): the subject stands
    # after the comma or the "thì" that closes the condition
    # 81/VBHN-BNNMT Điều 17.2.b
    ("Trường hợp chi phí đầu tư vào đất còn lại không có hồ sơ, chứng từ chứng minh thì Ủy ban nhân dân cấp tỉnh "
     "căn cứ tình hình thực tế tại địa phương quy định việc xác định chi phí đầu tư vào đất còn lại.",
     ["Ủy ban nhân dân cấp tỉnh"]),
    # 158/2025/NĐ-CP Điều 34.4
    ("Trường hợp người lao động không còn đủ hồ sơ gốc thể hiện thời gian làm việc trong khu vực nhà nước trước "
     "ngày 01 tháng 01 năm 1995 thì cơ quan bảo hiểm xã hội căn cứ văn bản xác nhận để giải quyết.",
     ["Cơ quan bảo hiểm xã hội"]),
    # 81/VBHN-BNNMT Điều 14.1.d: "Đối với …" is a topic here, not the one asked
    ("Đối với nhà, công trình xây dựng không đủ tiêu chuẩn kỹ thuật theo quy định của pháp luật chuyên ngành thì "
     "Ủy ban nhân dân cấp tỉnh quy định mức bồi thường cụ thể cho phù hợp với thực tế tại địa phương.",
     ["Ủy ban nhân dân cấp tỉnh"]),
    # not an identifiable actor: a bare collective after "thì" (170/2025/NĐ-CP Điều 33.1.c), a name continuing
    # a list inside the topic (170/2025/NĐ-CP Điều 31.1)
    ("Trường hợp chưa hoàn thành thì cơ quan, đơn vị quản lý cấp trên trực tiếp xác nhận.", []),
    ("Đối với các chức vụ thuộc diện Bộ Chính trị, Ban Bí thư quản lý, thẩm quyền bổ nhiệm thực hiện theo quy định "
     "của Bộ Chính trị về phân cấp quản lý cán bộ.", []),
]


@pytest.mark.parametrize(("text", "expected"), CONDITIONAL_SUBJECTS)
def test_subject_after_a_fronted_condition(text: str, expected: list[str]) -> None:
    g = run(f"Điều 5. Bồi thường\n1. {text}")
    assert [leads(t) for t in g.tasks] == ([expected] if expected else [])


@pytest.mark.parametrize(("text", "expected"), [
    # (a unit of several sentences, the first words and leads of its tasks): a later sentence whose own actor
    # takes over is a task of its own (guide rules 2, 3), also when that actor follows a fronted time or
    # condition or is a body named by its role; a first sentence with no actor gives none
    # 79/2025/QĐ-UBND Bắc Ninh Điều 7.2
    ("Chấm dứt hoạt động hộp thư điện tử công vụ: Được áp dụng trong trường hợp cơ quan, đơn vị, tổ chức có cá nhân "
     "nghỉ hưu, thôi việc. Trong thời hạn 02 ngày làm việc, kể từ ngày nhận được văn bản đề nghị, Sở Khoa học và "
     "Công nghệ sẽ thực hiện chấm dứt hoạt động các hộp thư điện tử theo đề nghị.",
     [("Trong thời hạn 02 ngày", ["Sở Khoa học và Công nghệ"])]),
    # a later sentence that opens with a condition is an exception inside the same rule (73/2025/NQ-HĐND Hà Nội,
    # Phụ lục I, 1.c)
    ("Trong thời hạn 03 ngày kể từ ngày nhận được yêu cầu bổ sung, Sở Tài chính có trách nhiệm hoàn thiện, bổ sung "
     "hồ sơ theo yêu cầu. Trường hợp cần thiết, Sở Tài chính tổ chức đánh giá, thẩm định lại hồ sơ bổ sung.",
     [("Trong thời hạn 03 ngày", ["Sở Tài chính"])]),
    # 102/2018/NĐ-CP Điều 7.2.a: paragraphs of one point, each with its own actor
    ("Ủy ban nhân dân cấp xã tiếp nhận, tổng hợp chuyển hồ sơ về Cơ quan đại diện lãnh sự của Việt Nam;\n"
     "Cơ quan đại diện lãnh sự của Việt Nam có trách nhiệm tiếp nhận hồ sơ do đối tượng chuyển đến.",
     [("Ủy ban nhân dân cấp xã", ["Ủy ban nhân dân cấp xã"]),
      ("Cơ quan đại diện lãnh sự", ["Cơ quan đại diện lãnh sự của Việt Nam"])]),
    # 16/2010/QĐ-UBND Lai Châu Điều 2, 5.3
    ("Tổ chức làm nhiệm vụ bồi thường, hỗ trợ và tái định cư có trách nhiệm lập phương án đào tạo nghề trình phê "
     "duyệt. Trung tâm đào tạo nghề của tỉnh và các huyện, thị có trách nhiệm tổ chức đào tạo nghề theo phương án "
     "được phê duyệt.",
     [("Tổ chức làm nhiệm vụ", ["Tổ chức làm nhiệm vụ bồi thường, hỗ trợ và tái định cư"]),
      ("Trung tâm đào tạo nghề", ["Trung tâm đào tạo nghề của tỉnh và các huyện, thị"])]),
])
def test_later_sentence_with_its_own_actor(text: str, expected: list[tuple[str, list[str]]]) -> None:
    g = run(f"Điều 7. Quản lý\n2. {text}")
    # the leads as written in the text (the name the data gives a known body aside)
    written = [(t.text[:len(w)], [a.text for a in t.lead]) for t, (w, _) in zip(g.tasks, expected, strict=False)]
    assert written == expected
    assert len(g.tasks) == len(expected)


@pytest.mark.parametrize(("text", "expected"), [
    # (an item, the first words and leads of its task): an actor on a line of its own before its capitalised
    # action heads the item; the task is the action (4085/UBND-ĐT TP.HCM 2025, 1.1 and 1.2)
    ("1.1. Giao Sở Nông nghiệp\nvà Môi trường\nKhẩn trương chia sẻ toàn\nbộ cơ sở dữ liệu đất đai đã được cập nhật đến "
     "Ủy ban nhân dân các phường, xã, đặc khu.", ("Khẩn trương chia sẻ", ["Sở Nông nghiệp và Môi trường"])),
    ("1.2. Giao Công an Thành\nphố\nChỉ đạo Công an các\nphường, xã, đặc khu phối hợp và hướng dẫn Ủy ban nhân dân các "
     "phường, xã, đặc khu.", ("Chỉ đạo Công an", ["Công an thành phố"])),
    # on one line the words stay the task's own
    ("1.1. Giao Sở Nông nghiệp và Môi trường khẩn trương chia sẻ toàn bộ cơ sở dữ liệu đất đai.",
     ("Giao Sở Nông nghiệp", ["Sở Nông nghiệp và Môi trường"])),
])
def test_actor_on_its_own_line_before_its_action(text: str, expected: tuple[str, list[str]]) -> None:
    g = run(f"ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\nSố: 4085/UBND-ĐT\nV/v rà soát dữ liệu số nhà\n\n{text}")
    [t] = g.tasks
    assert (t.text[:len(expected[0])], leads(t)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the provinces named as the actor stand for their People's Committees (guide, Genres; 22/2013/QĐ-TTg:
    # "Các tỉnh, thành phố trực thuộc Trung ương sử dụng ngân sách địa phương …")
    ("1. Các tỉnh, thành phố trực thuộc Trung ương sử dụng ngân sách địa phương để hỗ trợ thêm.",
     ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
    ("1. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương bố trí ngân sách địa phương.",
     ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
])
def test_provinces_named_as_actor(text: str, expected: list[str]) -> None:
    [t] = run(f"Điều 3. Tổ chức thực hiện\n{text}").tasks
    assert leads(t) == expected


def test_several_actors_in_one_sentence() -> None:
    g = run("4. Bộ Quốc phòng, Bộ Công an chỉ đạo các đơn vị đóng trên địa bàn hỗ trợ địa phương sơ tán dân cư.")
    [t] = g.tasks
    assert leads(t) == ["Bộ Quốc phòng", "Bộ Công an"]


def test_chu_tri_phoi_hop_and_report() -> None:
    g = run_fixture("cong_dien.md")
    t = task_starting(g, "Bộ Tài chính chủ trì")
    assert leads(t) == ["Bộ Tài chính"]
    assert names(t.coordinators) == ["Bộ Nông nghiệp và Môi trường"]
    assert names(t.report_to) == ["Thủ tướng Chính phủ"]
    assert t.provenance["coordinators"] == "'phối hợp với' clause"


def test_office_holder_list_of_provinces() -> None:
    g = run_fixture("cong_dien.md")
    t = task_starting(g, "Chủ tịch Ủy ban nhân dân các tỉnh")
    assert leads(t) == ["Ủy ban nhân dân tỉnh Quảng Ngãi", "Ủy ban nhân dân tỉnh Gia Lai"]
    assert names(t.report_to) == ["Thủ tướng Chính phủ"]
    assert t.deadline is not None and t.deadline.due == "2025-11-30"


def test_report_to_gui_ve() -> None:
    g = run("3. Ủy ban nhân dân các xã, phường tổng hợp kết quả thực hiện, gửi về Sở Nội vụ trước ngày 20/11/2025.")
    [t] = g.tasks
    assert leads(t) == ["Ủy ban nhân dân các xã, phường"]
    assert names(t.report_to) == ["Sở Nội vụ"]


def test_report_relay_is_the_first_receiver() -> None:
    g = run(
        "5. Các bộ, ngành, địa phương báo cáo kết quả thực hiện, gửi Bộ Khoa học và Công nghệ trước ngày 15/12/2025 "
        "để tổng hợp, báo cáo Chính phủ."
    )
    [t] = g.tasks
    assert names(t.report_to) == ["Bộ Khoa học và Công nghệ"]


@pytest.mark.parametrize(("text", "report_to"), [
    # 211/2025/QĐ-UBND: "báo cáo, đề xuất X"
    ("1. Sở Tư pháp tổng hợp, báo cáo, đề xuất Ủy ban nhân dân thành phố xem xét chỉ đạo giải quyết khó khăn.",
     ["Ủy ban nhân dân thành phố"]),
    # 09/CT-UBND: "báo cáo và tham mưu X"
    ("1. Sở Nông nghiệp và Môi trường kịp thời phát hiện, báo cáo và tham mưu Ủy ban nhân dân thành phố có biện pháp "
     "khắc phục.", ["Ủy ban nhân dân thành phố"]),
    # 659/TB-VPCP: "báo cáo và đề xuất, kiến nghị X"
    ("1. Bộ Nội vụ kịp thời báo cáo và đề xuất, kiến nghị cấp có thẩm quyền đối với những vấn đề vượt thẩm quyền.",
     ["Cấp có thẩm quyền"]),
    # 375/NQ-CP: "báo cáo, giải trình với X"
    ("1. Bộ Tư pháp hoàn thiện hồ sơ và báo cáo, giải trình với Ủy ban Thường vụ Quốc hội theo quy định.",
     ["Ủy ban Thường vụ Quốc hội"]),
    # 12/2012/QĐ-UBND: "báo cáo … với X" further on
    ("1. Sở Nội vụ định kỳ tổng hợp, báo cáo tình hình kết quả các hoạt động trên địa bàn với Ủy ban nhân dân tỉnh.",
     ["Ủy ban nhân dân tỉnh"]),
    # 94/VBHN-BQP: the report of X is no report to X; 3980/C04: "tham mưu cho X" after a purpose is not a recipient
    ("1. Bộ Quốc phòng chỉ đạo rà soát, cập nhật kế hoạch rà phá bom mìn trên cơ sở báo cáo, đề xuất của Cục Tác chiến.",
     []),
    ("1. Công an tỉnh chủ động cung cấp thông tin, báo cáo kịp thời để phục vụ công tác tham mưu cho Ban Chỉ đạo "
     "Trung ương.", []),
    # 2428/BXD: a topic after "về" ("… về nhà ở tại địa phương") is passed over for the receivers after it
    ("1. Ủy ban nhân dân tỉnh Hà Giang thường xuyên báo cáo tình hình thực hiện chính sách hỗ trợ người có công với cách "
     "mạng về nhà ở tại địa phương bằng văn bản về Bộ Xây dựng, Bộ Kế hoạch và Đầu tư, Bộ Tài chính trước ngày 25 hàng "
     "tháng để tổng hợp, báo cáo Thủ tướng Chính phủ.", ["Bộ Xây dựng", "Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"]),
    # 24/2025/TT-BTP, 96/2025/QĐ-UBND: "phản ánh bằng văn bản về X", "phản ánh, kiến nghị đến X (qua Y)"
    ("1. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các cơ quan, đơn vị phản ánh bằng văn bản về Bộ "
     "Tư pháp để hướng dẫn, giải quyết.", ["Bộ Tư pháp"]),
    ("1. Các sở, ban, ngành cần phản ánh, kiến nghị đến Ủy ban nhân dân tỉnh (qua Sở Nông nghiệp và Môi trường) để xem "
     "xét sửa đổi.", ["Ủy ban nhân dân tỉnh", "Sở Nông nghiệp và Môi trường"]),
])
def test_report_to_after_joined_verbs(text: str, report_to: list[str]) -> None:
    [t] = run(text).tasks
    assert names(t.report_to) == report_to


@pytest.mark.parametrize(("text", "report_to"), [
    # the issue's example: "báo cáo kết quả về Sở X để tổng hợp, báo cáo Ủy ban nhân dân tỉnh" -> Sở X
    ("1. Sở Tư pháp báo cáo kết quả thực hiện về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.", ["Sở Nội vụ"]),
    # 126/QĐ-BCĐCP: the first receiver stands after a far "về", the onward one after a near "báo cáo"
    ("1. Sở Tài chính chủ động báo cáo kết quả thực hiện các nhiệm vụ về Bộ Khoa học và Công nghệ để tổng hợp, phối "
     "hợp tháo gỡ, báo cáo cấp có thẩm quyền.", ["Bộ Khoa học và Công nghệ"]),
    # 773/QĐ-TTg, 624/TB-VPCP: "gửi X tổng hợp, báo cáo Y" without "để"
    ("1. Bộ Công an gửi Bộ Khoa học và Công nghệ tổng hợp, báo cáo Thủ tướng Chính phủ trong tháng 11.",
     ["Bộ Khoa học và Công nghệ"]),
    # 96/2025/QĐ-UBND: "gửi Sở Tài chính báo cáo Ủy ban nhân dân tỉnh"
    ("1. Sở Nông nghiệp và Môi trường tổng hợp kinh phí gửi Sở Tài chính báo cáo Ủy ban nhân dân tỉnh trình Hội đồng "
     "nhân dân tỉnh phê duyệt.", ["Sở Tài chính"]),
    # 012/CT-UBND: "(thông qua X)" is a receiver too
    ("1. Sở Tài chính kịp thời báo cáo Ủy ban nhân dân tỉnh (thông qua Sở Tư pháp) để xem xét.",
     ["Ủy ban nhân dân tỉnh", "Sở Tư pháp"]),
    # 0124/KH-UBND: the body the report goes through, later in the clause ("… về kết quả … (qua Sở Nội vụ)")
    ("1. Sở Văn hóa, Thể thao và Du lịch báo cáo Ủy ban nhân dân tỉnh về kết quả Đợt thi đua (qua Sở Nội vụ) khi "
     "tổng kết Đợt thi đua.", ["Ủy ban nhân dân tỉnh", "Sở Nội vụ"]),
    # 308/KH-UBND: "… kết quả thực hiện thông qua Sở Khoa học và Công nghệ"
    ("1. Sở Tư pháp báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện thông qua Sở Khoa học và Công nghệ trước ngày 15 "
     "hằng tháng.", ["Ủy ban nhân dân tỉnh", "Sở Khoa học và Công nghệ"]),
    # 49/2012/QĐ-UBND, 47/2009/TTLT-BTC-BLĐTBXH: a decision sent for the body's own work is no report to it; a second
    # sending "để báo cáo" is
    ("1. Sở Lao động - Thương binh và Xã hội phân bổ dự toán, đồng thời gửi Kho bạc Nhà nước để làm căn cứ kiểm soát "
     "chi theo quy định của pháp luật.", []),
    ("1. Sở Lao động - Thương binh và Xã hội gửi Kho bạc Nhà nước tỉnh để kiểm soát chi và gửi Bộ Tài chính để báo cáo.",
     ["Bộ Tài chính"]),
    # 227/CĐ-TTg: a new clause after ";" reports on its own
    ("1. Văn phòng Chính phủ kịp thời báo cáo Thủ tướng Chính phủ những vấn đề đột xuất; tổng hợp báo cáo Bộ Chính "
     "trị, Ban Bí thư theo quy định.", ["Thủ tướng Chính phủ", "Bộ Chính trị", "Ban Bí thư"]),
])
def test_report_to_is_the_first_receiver(text: str, report_to: list[str]) -> None:
    [t] = run(text).tasks
    assert names(t.report_to) == report_to


def test_report_closing_the_last_inline_item_is_every_items() -> None:
    # 11520/VPCP-CN: "…; (iv) Đề xuất …; báo cáo Thủ tướng Chính phủ kết quả thực hiện trong tháng 11 năm 2025" closes
    # the list of items, like the time they share
    g = run("1. Giao Bộ Công Thương: (i) Đánh giá khả năng sản xuất, cung ứng, phân phối nguồn cung ethanol trong nước; "
            "(ii) Rà soát năng lực phối trộn của các doanh nghiệp đầu mối; (iii) Đề xuất giải pháp điều hành, bảo đảm giá "
            "xăng E10; báo cáo Thủ tướng Chính phủ kết quả thực hiện trong tháng 11 năm 2025.")
    assert len(g.tasks) == 3
    assert all(names(t.report_to) == ["Thủ tướng Chính phủ"] for t in g.tasks)
    # a report inside an earlier item is that item's only
    g = run("1. Giao Bộ Công Thương: (i) Đánh giá nguồn cung ethanol, báo cáo Thủ tướng Chính phủ trong tháng 11; "
            "(ii) Rà soát năng lực phối trộn của các doanh nghiệp đầu mối.")
    assert [names(t.report_to) for t in g.tasks] == [["Thủ tướng Chính phủ"], []]


def test_completion_sentence_finishes_the_task_before_it() -> None:
    # 182/KH-UBND, III.2.6: "Chủ trì, phối hợp … tổ chức thực hiện Tiểu dự án 1 … trên địa bàn tỉnh. Hoàn thành, báo cáo
    # kết quả Ủy ban nhân dân tỉnh (qua Công an tỉnh) trong tháng 11/2025." -- the second sentence names no actor of its
    # own: its time, receiver and report are the first sentence's task, not a task of their own
    g = extract_text(corpus_text("tnt305_tvpl_2025/182-KH-UBND__f069c23c942c1ec6.md"))
    t = task_starting(g, "Chủ trì, phối hợp với các Sở, ban, ngành liên quan tham mưu Ủy ban nhân dân tỉnh tổ chức thực "
                         "hiện Tiểu dự án 1")
    assert t.deadline is not None and t.deadline.due == "2025-11-30"
    assert "Ủy ban nhân dân tỉnh Đồng Nai" in names(t.report_to)
    assert t.product is not None and t.product.startswith("Báo cáo kết quả")
    assert not any(x.text.startswith("Hoàn thành, báo cáo") for x in g.tasks)


def test_recurring_report_deadline() -> None:
    g = run("6. Các bộ, ngành, địa phương định kỳ hằng tháng, trước ngày 25, báo cáo Thủ tướng Chính phủ kết quả thực hiện.")
    [t] = g.tasks
    assert t.deadline is not None and t.deadline.kind == "recurring"
    assert t.deadline.rrule == "FREQ=MONTHLY;BYMONTHDAY=25"


_HEADER = "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nSố: 12/KH-UBND\n\nNghệ An, ngày 10 tháng 9 năm 2025\n\nKẾ HOẠCH\nThực hiện chuyển đổi số\n\n"


@pytest.mark.parametrize(("text", "rrule", "last"), [
    # the issue's combined recurrence: both days are kept, one rrule holds them (same day of the month)
    ("1. Sở Tài chính định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) báo cáo Ủy ban nhân dân tỉnh.",
     "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15", "trước ngày 15/12"),
    # two different days: no one rule expresses them (annotation guide), both stay in the text
    ("1. Sở Tài chính định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 15/12) báo cáo Ủy ban nhân dân tỉnh.",
     None, "trước ngày 15/12"),
    # 144/KH-UBND: one year-less day in a periodic duty
    ("1. Sở Tài chính định kỳ báo cáo Ủy ban nhân dân tỉnh trước ngày 20/11.", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=20",
     "trước ngày 20/11"),
])
def test_periodic_days_keep_every_rule(text: str, rrule: str | None, last: str) -> None:
    [t] = run(_HEADER + text).tasks
    assert t.deadline is not None and (t.deadline.kind, t.deadline.due, t.deadline.rrule) == ("recurring", None, rrule)
    assert t.deadline.text.endswith(last)


def test_product_from_trinh_ban_hanh() -> None:
    g = run("a) Bộ Công an chủ trì xây dựng, trình Chính phủ ban hành Nghị định quy định về định danh điện tử trong năm 2025.")
    [t] = g.tasks
    assert t.product is not None and t.product.startswith("Nghị định quy định về định danh điện tử")
    assert t.deadline is not None and (t.deadline.kind, t.deadline.due) == ("year", "2025-12-31")


@pytest.mark.parametrize(("text", "product"), [
    # 1597/QĐ-TTPVHCC: "Quy trình" keeps its head ("trình" ends an object elsewhere: "… trình UBND")
    ("Sở Xây dựng chủ trì phối hợp với Trung tâm Phục vụ hành chính công Thành phố xây dựng quy trình nội bộ "
     "giải quyết thủ tục hành chính.", "Quy trình nội bộ giải quyết thủ tục hành chính"),
    # 179/KH-UBND: "Chương trình" was cut to "Chương"
    ("Sở Khoa học và Công nghệ xây dựng Chương trình hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số (SMEdx).",
     "Chương trình hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số (SMEdx)"),
    # 22/2013/QĐ-TTg: "lập danh sách …"
    ("Ủy ban nhân dân cấp xã đối chiếu, lập danh sách các hộ được hỗ trợ, báo cáo Ủy ban nhân dân cấp huyện.",
     "Danh sách các hộ được hỗ trợ"),
    # 101/2018/TT-BTC: "lập báo cáo quyết toán …"
    ("Phòng Lao động - Thương binh và Xã hội lập báo cáo quyết toán theo quy định gửi Sở Lao động - Thương binh và Xã hội.",
     "Báo cáo quyết toán"),
    # 211/2025/QĐ-UBND: "xây dựng dự toán kinh phí"
    ("Sở Tài chính chủ trì, phối hợp với Sở Tư pháp xây dựng dự toán kinh phí; trình cơ quan có thẩm quyền phê duyệt kinh phí.",
     "Dự toán kinh phí"),
    # 11554/VPCP-V.I: "Hoàn thiện Kế hoạch …"
    ("Bộ Công Thương hoàn thiện Kế hoạch cao điểm chống buôn lậu, gian lận thương mại và hàng giả dịp Tết.",
     "Kế hoạch cao điểm chống buôn lậu"),
    # 11520/VPCP-CN: the recipient stands between the verb and the report ("báo cáo X kết quả …")
    ("Bộ Công Thương rà soát năng lực phối trộn; báo cáo Thủ tướng Chính phủ kết quả thực hiện trong tháng 11 năm 2025.",
     "Báo cáo kết quả thực hiện"),
    # 25/2025/NĐ-CP: what is submitted to the Government ("Trình Chính phủ dự án luật …")
    ("Bộ Nội vụ trình Chính phủ dự án luật, dự thảo nghị quyết của Quốc hội về cán bộ, công chức.", "Dự án luật"),
    # 552/KH-UBND: "các chương trình, đề án …"
    ("Sở Công Thương xây dựng và tổ chức các chương trình, đề án hỗ trợ doanh nghiệp, hợp tác xã, hộ kinh doanh.",
     "Các chương trình"),
    # 623/TB-VPCP: "hoàn thiện dự thảo Nghị định …"
    ("Bộ Tài chính khẩn trương hoàn thiện dự thảo Nghị định của Chính phủ quy định cơ chế tài chính.",
     "Dự thảo Nghị định của Chính phủ quy định cơ chế tài chính"),
    # 25/2025/NĐ-CP: "trình Thủ tướng Chính phủ quyết định …" names the Prime Minister's act, no product
    ("Bộ Nội vụ trình Thủ tướng Chính phủ quyết định thành lập hội đồng thẩm định.", None),
    # 552/KH-UBND: "Xây dựng và triển khai Chương trình/ Đề án …"
    ("Sở Khoa học và Công nghệ xây dựng và triển khai Chương trình/ Đề án phát triển hạ tầng số.",
     "Chương trình/ Đề án phát triển hạ tầng số"),
    # 386/NQ-CP: the file of a draft law a task completes
    ("1. Bộ trưởng Bộ Tài chính tiếp thu, giải trình đầy đủ ý kiến Thành viên Chính phủ, hoàn thiện hồ sơ dự án Luật "
     "theo quy định.", "Hồ sơ dự án Luật"),
    # 182/KH-UBND: a case file ("lập hồ sơ đề nghị áp dụng biện pháp …") is no product
    ("1. Công an tỉnh chủ trì lập hồ sơ đề nghị áp dụng biện pháp xử lý hành chính đưa vào cơ sở cai nghiện bắt buộc.",
     None),
    # 09/CT-UBND, 48/2013/NĐ-CP: technical rules and forms a task draws up
    ("1. Sở Xây dựng chủ trì xây dựng, hoàn thiện quy chuẩn kỹ thuật địa phương về chất lượng nước sạch.",
     "Quy chuẩn kỹ thuật địa phương về chất lượng nước sạch"),
    ("1. Bộ Tư pháp xây dựng mẫu báo cáo quy định tại Khoản 3 Điều này.", "Mẫu báo cáo quy định tại Khoản 3 Điều này"),
    # 624/KH-UBND, 37/2025/NQ-HĐND: what a cited document approved exists already, no output of the task
    ("1. Sở Xây dựng chủ trì triển khai thực hiện Quyết định số 338/QĐ-TTg ngày 03 tháng 4 năm 2023 của Thủ tướng Chính "
     "phủ phê duyệt Đề án đầu tư xây dựng nhà ở xã hội.", None),
    ("1. Trên cơ sở Quyết định phê duyệt danh sách hỗ trợ của Ủy ban nhân dân xã, Sở Khoa học và Công nghệ chủ trì "
     "thẩm định hồ sơ.", None),
    # no written output named: no product
    ("Sở Tài chính theo dõi, đôn đốc các cơ quan thực hiện Kế hoạch này.", None),
])
def test_product_is_the_written_output(text: str, product: str | None) -> None:
    [t] = run(text).tasks
    assert t.product == product


# --------------------------------------------------------------------------- not tasks


def test_objectives_and_viewpoints_are_not_tasks() -> None:
    g = run(
        "I. QUAN ĐIỂM\n1. Các bộ, ngành phải coi chuyển đổi số là nhiệm vụ trọng tâm.\nII. MỤC TIÊU\n"
        "1. Bộ Công an hoàn thành kết nối cơ sở dữ liệu dân cư.\nIII. NHIỆM VỤ\n1. Bộ Tài chính bố trí kinh phí."
    )
    assert [t.text for t in g.tasks] == ["Bộ Tài chính bố trí kinh phí."]


def test_effect_and_closing_clauses_are_not_tasks() -> None:
    g = run_fixture("tvpl_quyet_dinh.md")
    assert no_task_with(g, "có hiệu lực") and no_task_with(g, "chịu trách nhiệm thi hành")
    assert no_task_with(g, "Ban hành kèm theo")


def test_statement_of_fact_is_not_a_task() -> None:
    g = run_fixture("news.txt")
    assert no_task_with(g, "Quốc hội đã thông qua")


def test_headline_is_not_a_task() -> None:
    g = run("Tổng Bí thư chủ trì họp Ban Chỉ đạo Trung ương về phát triển khoa học\n\n"
            "Bộ Tài chính rà soát, bố trí đủ kinh phí cho các nhiệm vụ trước ngày 15/10/2025.")
    assert [t.text[:12] for t in g.tasks] == ["Bộ Tài chính"]


def test_headline_joined_to_first_line_is_not_a_task() -> None:
    g = run_fixture("news.txt")
    assert no_task_with(g, "Tổng Bí thư chủ trì họp")


def test_cong_dien_lead_in_is_not_a_task() -> None:
    g = run_fixture("cong_dien.md")
    assert no_task_with(g, "Thủ tướng Chính phủ yêu cầu")


def test_no_actor_no_task() -> None:
    g = run("II. NHIỆM VỤ\n1. Cần nâng cao nhận thức về chuyển đổi số.\n2. Hoàn thiện thể chế.")
    assert g.tasks == []


def test_closing_instruction_is_not_merged_into_last_task() -> None:
    g = run(
        "III. TỔ CHỨC THỰC HIỆN\n1. Bộ Tài chính bố trí kinh phí.\n2. Bộ Công an bảo đảm an ninh, trật tự.\n\n"
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các bộ, ngành, địa phương báo cáo Bộ Tài chính để tổng hợp."
    )
    t = task_starting(g, "Bộ Công an")
    assert t.text == "Bộ Công an bảo đảm an ninh, trật tự."
    assert t.report_to == []


# --------------------------------------------------------------------------- tables


def test_table_rows_are_tasks_with_column_mapping() -> None:
    g = run_fixture("task_table.md")
    assert [t.unit for t in g.tasks] == ["Điều 1 / I / TT 1", "Điều 1 / I / TT 2", "Điều 1 / II / TT 3"]
    t = g.tasks[0]
    assert t.text == "Xây dựng Nghị định quy định về quản lý dữ liệu số"
    assert leads(t) == ["Bộ Công an"]
    assert names(t.coordinators) == ["Bộ Tư pháp", "Bộ Tài chính"]
    assert t.deadline is not None and (t.deadline.kind, t.deadline.due, t.deadline.origin) == ("quarter", "2025-12-31", "table column")
    assert t.product == "Nghị định của Chính phủ"
    assert t.context == "Hoàn thiện thể chế"
    assert names(g.tasks[1].coordinators) == ["Các bộ, ngành, địa phương"]
    assert g.tasks[1].deadline is not None and g.tasks[1].deadline.due == "2025-06-30"


@pytest.mark.parametrize(("cell", "lead"), [
    # KH-UBND Lâm Đồng (cải cách hành chính 2026-2030), Phụ lục: the lead is assigned by another decision
    ("Theo phân công tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của UBND tỉnh", []),
    ("Sở Nội vụ", ["Sở Nội vụ"]),
])
def test_a_lead_cell_that_refers_to_an_assignment_elsewhere_names_no_body(cell: str, lead: list[str]) -> None:
    g = run("Điều 1. Phân công nhiệm vụ như sau:\n\n| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n"
            f"|---|---|---|---|\n| 1 | Chuẩn hóa quy trình nội bộ giải quyết thủ tục hành chính | {cell} | Năm 2026 |\n")
    assert [leads(t) for t in g.tasks] == [lead]


def test_group_rows_are_not_tasks() -> None:
    g = run_fixture("task_table.md")
    assert no_task_with(g, "Phát triển hạ tầng số") and no_task_with(g, "Hoàn thiện thể chế")


def test_indicator_table_yields_no_tasks() -> None:
    assert run_fixture("chi_tieu.md").tasks == []


@pytest.mark.parametrize(("header", "role"), [
    # 2530/QĐ-TTg, Phụ lục I: "Chỉ tiêu đạt được" beside "Nội dung nhiệm vụ" holds each task's output
    # ("Nghị định được ban hành, chế tài đủ mạnh, khả thi …")
    (["STT", "Cơ quan chủ trì", "Cơ quan phối hợp", "Nội dung nhiệm vụ", "Chỉ tiêu đạt được", "Thời hạn hoàn thành"],
     {"task": 3, "lead": 1, "product": 4, "indicator": None}),
    # 144-KH-UBND: a bare "Chỉ tiêu" heads an indicator table, no product
    (["STT", "Chỉ tiêu", "Chủ trì"], {"product": None, "indicator": 1}),
])
def test_target_to_reach_column_is_the_product(header: list[str], role: dict) -> None:
    from vbpl_extract.tasks import _map_columns

    cols = _map_columns(header)
    assert {k: cols[k] for k in role} == role


# --------------------------------------------------------------------------- news prose


def test_news_assignment_lead_is_the_one_assigned() -> None:
    g = run_fixture("news.txt")
    t = task_starting(g, "Tổng Bí thư giao Bộ Nội vụ")
    assert leads(t) == ["Bộ Nội vụ"]
    assert names(t.coordinators) == ["Bộ Khoa học và Công nghệ"]
    assert names(t.report_to) == ["Bộ Chính trị"]


def test_news_assignment_with_the_leaders_name() -> None:
    g = run("Tổng Bí thư Tô Lâm giao Bộ Nội vụ chủ trì, phối hợp với Bộ Khoa học và Công nghệ xây dựng đề án "
            "sắp xếp các đơn vị sự nghiệp công lập.")
    [t] = g.tasks
    assert leads(t) == ["Bộ Nội vụ"]


def test_news_deadline_not_lost_to_a_fallback_date() -> None:
    g = run_fixture("news.txt")
    assert g.document.date != "2025-10-15"
    t = task_starting(g, "Tổng Bí thư giao Bộ Nội vụ")
    assert t.deadline is not None and t.deadline.due == "2025-09-30"


# --------------------------------------------------------------------------- every task


@pytest.mark.parametrize(
    "name", ["tvpl_quyet_dinh.md", "md_ke_hoach_so.md", "cong_dien.md", "task_table.md", "news.txt", "congbot_header.md"]
)
def test_every_task_has_lead_with_provenance_and_source_span(name: str) -> None:
    src = (FIXTURES / name).read_text("utf-8")
    g = run_fixture(name)
    assert g.tasks
    for t in g.tasks:
        assert t.lead and t.provenance.get("lead"), t.id
        s, e = t.span
        assert 0 <= s < e <= len(src)
        assert t.id.startswith("task__")
    assert len({t.id for t in g.tasks}) == len(g.tasks)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Xây dựng", ",", "trình", "ban hành", "và", "tổ chức", "triển khai", "chương trình"],
         "Xây dựng, trình ban hành và tổ chức triển khai"),
        (["Rà soát", ",", "sửa đổi", "quy định", "về", "tiêu chuẩn"], "Rà soát, sửa đổi"),
        (["Khẩn trương", "hoàn thiện", "thể chế"], "Khẩn trương hoàn thiện"),
        (["cần", "chỉ đạo", "các", "đơn vị"], "chỉ đạo"),
        (["Quy định", "về", "trách nhiệm"], "Quy định"),
        (["Phương án", "huy động"], None),
    ],
)
def test_lexicon_action(words: list[str], expected: str | None) -> None:
    from vbpl_extract.tasks import lexicon_action

    assert lexicon_action(words) == expected


def test_action_of_a_task_after_its_actor() -> None:
    g = run("Điều 2. Bộ Tài chính chủ trì, phối hợp với Bộ Công an xây dựng Nghị định trước ngày 15/12/2025.")
    assert g.tasks[0].action == "chủ trì, phối hợp"


def test_short_form_of_a_body_named_in_full_elsewhere() -> None:
    """A steering committee named in full in the first paragraph, then by its short form over a list."""
    g = run(
        "Ngày 11/9/2025, Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, "
        "chuyển đổi số và Đề án 06 ban hành Kế hoạch.\n"
        "(1) Các Thành viên Ban Chỉ đạo của Chính phủ có trách nhiệm:\n"
        "- Chủ động chỉ đạo, đôn đốc triển khai các nhiệm vụ.\n"
    )
    leads = [a.name for t in g.tasks for a in t.lead]
    assert "Các thành viên Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, " \
           "chuyển đổi số và Đề án 06" in leads


# --------------------------------------------------------------------------- names in their fullest written form
FULLEST_FORMS = [
    # (document, lead of the task) — a level-only name takes the document's place only when the
    # document writes that fuller name somewhere; a body the document never names with its place stays
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\nCần Thơ, ngày 3 tháng 3 năm 2025\nKẾ HOẠCH\n"
     "1. Ủy ban nhân dân thành phố chỉ đạo các xã triển khai kế hoạch.\n", "Ủy ban nhân dân thành phố Cần Thơ"),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\nCần Thơ, ngày 3 tháng 3 năm 2025\nKẾ HOẠCH\n"
     "1. Công an thành phố chủ trì kiểm tra việc chấp hành.\n", "Công an thành phố"),
    ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 51/LĐTBXH-KHTC\nHà Nội, ngày 3 tháng 12 năm 2018\n"
     "Kính gửi: - Sở Lao động - Thương binh và Xã hội tỉnh Hưng Yên; - Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa.\n"
     "Đề nghị Sở Lao động - Thương binh và Xã hội khẩn trương báo cáo kết quả.\n",
     "Sở Lao động - Thương binh và Xã hội tỉnh Hưng Yên; Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa"),
    # 4240/UBND-VX: a letter's bare "các cơ quan, đơn vị" is its "Kính gửi" list (guide, Genres: Công văn)
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 4240/UBND-VX\n"
     "Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025\n"
     "Kính gửi: - Các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân Thành phố; - Ủy ban nhân dân các xã, phường và đặc khu.\n"
     "Đề nghị các cơ quan, đơn vị khẩn trương triển khai, thực hiện.\n",
     "Các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân thành phố; Ủy ban nhân dân các xã, phường và đặc khu"),


    # the closing article of a council's resolution: each body, with the level that closes the list
    ("HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 65/2025/NQ-HĐND\nHà Nội, ngày 3 tháng 12 năm 2025\nNGHỊ QUYẾT\n" "Điều 3. Giao Thường trực Hội đồng nhân dân, các Ban Hội đồng nhân dân, Tổ đại biểu Hội đồng nhân dân "
     "và đại biểu Hội đồng nhân dân Thành phố giám sát việc thực hiện Nghị quyết.\n",
     "Thường trực Hội đồng nhân dân thành phố; Các Ban Hội đồng nhân dân thành phố; "
     "Các Tổ đại biểu Hội đồng nhân dân thành phố; Các đại biểu Hội đồng nhân dân thành phố"),
    # a list of places as the actor: their People's Committees (guide rule 7)
    ("VĂN PHÒNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 627/TB-VPCP\nHà Nội, ngày 10 tháng 11 năm 2025\nTHÔNG BÁO\nThủ tướng Chính phủ kết luận như sau:\n" "a) Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương hoàn thiện Báo cáo nghiên cứu tiền khả thi.\n",
     "Ủy ban nhân dân tỉnh Nghệ An; Ủy ban nhân dân tỉnh Quảng Ngãi; Ủy ban nhân dân tỉnh Cao Bằng"),
    # a group named by reference to the list the document gives
    ("CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 380/NQ-CP\nHà Nội, ngày 25 tháng 11 năm 2025\nNGHỊ QUYẾT\n" "I. PHẠM VI\n1. Phạm vi hỗ trợ: bao gồm các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, Huế và Lâm Đồng "
     "(sau đây gọi tắt là các tỉnh, thành phố).\nII. NHIỆM VỤ\n1. Ủy ban nhân dân các tỉnh, thành phố tiếp tục rà soát, "
     "cứu trợ lương thực cho các hộ có nguy cơ thiếu đói.\n",
     "Ủy ban nhân dân tỉnh Hà Tĩnh; Ủy ban nhân dân thành phố Huế; Ủy ban nhân dân tỉnh Lâm Đồng"),
]


@pytest.mark.parametrize(("text", "lead"), FULLEST_FORMS)
def test_names_in_the_fullest_form_the_document_gives(text: str, lead: str) -> None:
    g = run(text)
    assert g.tasks, text
    assert "; ".join(leads(g.tasks[-1])) == lead


# --------------------------------------------------------------------------- units that name but do not assign
NAME_ONLY_UNITS = [
    "Phó Thủ tướng Chính phủ Nguyễn Chí Dũng, Phó Trưởng Ban Chỉ đạo.",  # members of a steering committee
    "Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng;",
    "Tòa án nhân dân tối cao;",  # an addressee list read as items
]


@pytest.mark.parametrize("line", NAME_ONLY_UNITS)
def test_a_unit_that_only_names_people_or_bodies_is_no_task(line: str) -> None:
    g = run("Điều 2. Thành phần Ban Chỉ đạo gồm:\n1. " + line + "\n2. Bộ Công an chủ trì xây dựng quy chế hoạt động của Ban Chỉ đạo.")
    assert [t.text[:9] for t in g.tasks] == ["Bộ Công a"]


# --------------------------------------------------------------------------- one unit, several actors (guide rule 3)
ACTOR_CLAUSES = [
    ("1. Các bộ, cơ quan ngang bộ rà soát các văn bản, gửi kết quả về Bộ Tư pháp trước ngày 30 tháng 11 năm 2025. "
     "Trên cơ sở đó, Bộ Tư pháp tổng hợp, báo cáo Thủ tướng Chính phủ trước ngày 10 tháng 12 năm 2025.",
     [["Các bộ, cơ quan ngang bộ"], ["Bộ Tư pháp"]]),
    ("1. Sở Nội vụ hướng dẫn khen thưởng Đợt thi đua; Sở Tài chính bố trí kinh phí thực hiện.",
     [["Sở Nội vụ"], ["Sở Tài chính"]]),
    # one actor list split by ';', then the action: one task
    ("1. Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân cấp xã tổ chức quán triệt Chỉ thị này.",
     [["Các sở, ban, ngành", "Ủy ban nhân dân cấp xã"]]),
    # the same actor goes on: one task
    ("1. Sở Y tế tổ chức tập huấn; định kỳ báo cáo kết quả về Bộ Y tế.", [["Sở Y tế"]]),
]


@pytest.mark.parametrize(("unit", "leads_per_task"), ACTOR_CLAUSES)
def test_each_actors_clause_is_a_task(unit: str, leads_per_task: list[list[str]]) -> None:
    g = run("Điều 2. Tổ chức thực hiện\n" + unit + "\n")
    assert [leads(t) for t in g.tasks] == leads_per_task


def test_bodies_named_by_their_competence_are_a_collective_actor() -> None:
    # 1655/NQ-UBTVQH15, Điều 2 khoản 2: the bodies, each by its competence, as one collective
    g = run("Điều 2. Hiệu lực thi hành\n1. Nghị quyết này có hiệu lực thi hành kể từ ngày được thông qua.\n"
            "2. Các cơ quan theo thẩm quyền khẩn trương thực hiện các công tác chuẩn bị cần thiết, bảo đảm để chính "
            "quyền địa phương ở các đơn vị hành chính cấp xã hình thành sau sắp xếp chính thức hoạt động.\n")
    assert [leads(t) for t in g.tasks] == [["Các cơ quan theo thẩm quyền"]]


def test_a_heading_year_is_when_items_run_a_completion_year_is_their_deadline() -> None:
    scope = run("Điều 2. Nhiệm vụ trọng tâm năm 2025:\n1. Sở Tài chính rà soát các khoản chi.\n")
    assert scope.tasks[0].deadline is None
    due = run("Điều 2. Các nhiệm vụ sau phải hoàn thành trong năm 2025:\n1. Sở Tài chính rà soát các khoản chi.\n")
    assert due.tasks[0].deadline is not None and due.tasks[0].deadline.due == "2025-12-31"



@pytest.mark.parametrize(("unit", "due"), [
    # 11414/VPCP-CN: what must be finished stands far before "trong năm 2025", in the same clause
    ("1. Bộ Xây dựng: chỉ đạo Ban Quản lý dự án, các nhà thầu tập trung nguồn lực tài chính, huy động thêm nhân lực, "
     "thiết bị, tăng mũi thi công, áp dụng các giải pháp kỹ thuật rút ngắn thời gian thi công để có thể hoàn thành Dự án "
     "thành phần 1 thuộc Dự án cao tốc Biên Hòa - Vũng Tàu trong năm 2025, bảo đảm chất lượng, hiệu quả, an toàn công "
     "trình.", "2025-12-31"),
    # 494/NQ-UBTVQH13
    ("1. Chính phủ phê duyệt Đề án tìm kiếm, quy tập hài cốt liệt sỹ và Đề án xác định danh tính hài cốt liệt sỹ còn "
     "thiếu thông tin trong năm 2012 để tiếp tục triển khai thực hiện.", "2012-12-31"),
    # the time an activity runs is no deadline
    ("1. Sở Văn hóa, Thể thao và Du lịch tổ chức tuyên truyền, phổ biến rộng rãi các chủ trương của Đảng về công tác "
     "dân số trong năm 2025.", None),
    # nor is a completion in an earlier clause
    ("1. Sở Tài chính hoàn thành việc rà soát các khoản chi; tổ chức tuyên truyền, phổ biến rộng rãi các chủ trương "
     "của Đảng về công tác dân số trong năm 2025.", None),
    # 2638/LĐTBXH-KHTC: "quá trình" (a process) holds no "trình" (submit)
    ("1. Trong quá trình xây dựng dự toán chi ngân sách nhà nước năm 2020, Sở Lao động - Thương binh và Xã hội các "
     "tỉnh, thành phố xác định chi tiết chi tiêu cơ sở, chi tiêu mới của địa phương mình.", None),
    # 631/TB-VPCP: nor does "chương trình" (a programme)
    ("1. Giao Bộ Nông nghiệp và Môi trường khẩn trương rà soát, hoàn thiện hồ sơ, tạo ra cú hích của toàn bộ chương "
     "trình; tháo gỡ được những khó khăn, điểm nghẽn mà giai đoạn 2021-2025 vướng mắc không triển khai được.", None),
    # the verb "trình" still is a cue
    ("1. Sở Tài chính xây dựng Đề án, trình Ủy ban nhân dân tỉnh trong năm 2026.", "2026-12-31"),
    # 11298/VPCP-KTTH, 229/CĐ-TTg: a bare year right after a plan's noun is that noun's year
    ("1. Các Bộ, cơ quan ngang Bộ chủ động rà soát, cập nhật, điều chỉnh các kế hoạch, chương trình hành động, đề án "
     "để bảo đảm thực hiện ở mức cao nhất mục tiêu tăng trưởng năm 2025.", None),
    ("1. Các bộ, ngành, địa phương tập trung khắc phục khó khăn nhằm hoàn thành vượt mức các chỉ tiêu, kế hoạch năm "
     "2025 đã đặt ra.", None),
])
def test_a_completion_anywhere_in_the_clause_makes_its_year_the_deadline(unit: str, due: str | None) -> None:
    [t] = run("Điều 2. Tổ chức thực hiện\n" + unit + "\n").tasks
    assert (t.deadline.due if t.deadline else None) == due


@pytest.mark.parametrize(("lead_in", "due"), [
    # 637/TB-VPCP: the target the lead-in sets for the whole is not each item's deadline
    ("2. Để đảm bảo chất lượng, tiến độ hoàn thành 02 công trình dự án, phấn đấu hoàn thành xây dựng trước ngày 30 tháng "
     "11 năm 2025 theo đúng chỉ đạo của Thủ tướng Chính phủ, yêu cầu:", None),
    # a lead-in's own deadline is handed down as before
    ("2. Các bộ, cơ quan hoàn thành các nhiệm vụ sau trước ngày 30 tháng 11 năm 2025:", "2025-11-30"),
])
def test_a_lead_ins_target_is_not_its_items_deadline(lead_in: str, due: str | None) -> None:
    g = run("VĂN PHÒNG CHÍNH PHỦ\nSố: 637/TB-VPCP\nTHÔNG BÁO\nPhó Thủ tướng Chính phủ kết luận như sau:\n" + lead_in +
            "\na) Bộ Y tế chỉ đạo Ban Quản lý dự án tập trung nhân lực, thiết bị thi công.\n"
            "b) Bộ Xây dựng chỉ đạo các cơ quan liên quan phối hợp nghiệm thu công trình.\n")
    assert [t.deadline.due if t.deadline else None for t in g.tasks] == [due, due]

@pytest.mark.parametrize(("lead_in", "handed_down"), [
    # 0204/KH-UBND: a purpose "để hoàn thành kế hoạch … 2026 - 2028" names the plan the items serve
    ("Căn cứ đánh giá tình hình kinh tế - xã hội và những thách thức được dự báo cho giai đoạn 03 năm 2026 - 2028, để "
     "hoàn thành kế hoạch tài chính - NSNN 03 năm 2026 - 2028 của tỉnh, bên cạnh việc nghiêm túc thực hiện các giải "
     "pháp chỉ đạo, điều hành của Trung ương thì cần tập trung vào các giải pháp sau:", False),
    # 229/CĐ-TTg: "các mục tiêu, nhiệm vụ năm 2025" is the year of the targets
    ("Thiết thực lập thành tích chào mừng Đại hội lần thứ XIV của Đảng và khắc phục khó khăn nhất là ảnh hưởng của thảm "
     "họa thiên tai, bão lũ vừa qua để tăng tốc, bứt phá hoàn thành thắng lợi các mục tiêu, nhiệm vụ năm 2025 và Nghị "
     "quyết Đại hội lần thứ XIII của Đảng đã đề ra, Thủ tướng Chính phủ yêu cầu:", False),
    # a completion the items must reach is handed down as before
    ("Các sở, ngành hoàn thành các nhiệm vụ sau trong năm 2026:", True),
])
def test_a_lead_ins_purpose_hands_down_no_year(lead_in: str, handed_down: bool) -> None:
    from vbpl_extract.deadlines import find_deadlines
    from vbpl_extract.tasks import inheritable

    spans = [m for m in find_deadlines(lead_in) if m.kind in ("year", "period")]
    assert spans and any(inheritable(m, lead_in) for m in spans) is handed_down


def test_a_monthly_allowance_hands_down_no_rhythm() -> None:
    # 92/VBHN-BQP, Điều 7: "trợ cấp hàng tháng" is the kind of allowance, not the rhythm of the article's clauses
    from vbpl_extract.deadlines import find_deadlines
    from vbpl_extract.tasks import inheritable

    text = ("Bộ Quốc phòng chủ trì, phối hợp với Bộ Nội vụ, Bộ Tài chính chịu trách nhiệm hướng dẫn thực hiện Quyết định "
            "này; chỉ đạo tổ chức việc xét duyệt, thẩm định, ra quyết định hưởng chế độ trợ cấp hàng tháng, chuyển về "
            "ngành Nội vụ để thực hiện.")
    [m] = [m for m in find_deadlines(text) if m.kind == "recurring"]
    assert not inheritable(m, text)
    assert inheritable(find_deadlines("Hằng tháng, các đơn vị thực hiện các nhiệm vụ sau:")[0], "Hằng tháng, các đơn vị")


def test_a_lead_in_hands_its_items_to_whom_it_asks() -> None:
    # 96/CĐ-BXD: "…, Bộ Xây dựng yêu cầu các cơ quan, đơn vị:" then numbered items with no actor
    g = run("BỘ XÂY DỰNG\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố: 96/CĐ-BXD\n|\nHà Nội, ngày 22 tháng 11 năm 2025\n|\n"
            "CÔNG ĐIỆN\nVề việc ứng phó mưa lũ\n\nBỘ XÂY DỰNG điện:\n- Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam;\n"
            "- Sở Xây dựng các tỉnh: Gia Lai, Đắk Lắk.\nTriển khai chỉ đạo của Thủ tướng Chính phủ tại Công điện số "
            "225/CĐ-TTg, Bộ Xây dựng yêu cầu các cơ quan, đơn vị:\n1. Quán triệt, tổ chức thực hiện nghiêm chỉ đạo của "
            "Thủ tướng Chính phủ.\n2. Theo dõi chặt chẽ diễn biến mưa lũ, chủ động phương án ứng phó.\n")
    for start in ("Quán triệt, tổ chức", "Theo dõi chặt chẽ"):
        t = task_starting(g, start)
        assert leads(t) == ["Các cơ quan, đơn vị"]
        assert t.provenance["lead"].startswith("inherited from lead-in")
    assert no_task_with(g, "Triển khai chỉ đạo của Thủ tướng")


def test_a_lead_in_after_the_type_line_is_no_title() -> None:
    # a Công điện with no addressee lines: the sentence ending in ":" opens the body, it is not the title
    g = run("BỘ XÂY DỰNG\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố: 96/CĐ-BXD\n|\nHà Nội, ngày 22 tháng 11 năm 2025\n|\n"
            "CÔNG ĐIỆN\n\nTriển khai chỉ đạo của Thủ tướng Chính phủ tại Công điện số 225/CĐ-TTg, Bộ Xây dựng yêu cầu "
            "các cơ quan, đơn vị:\n\n1. Quán triệt, tổ chức thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ.\n\n"
            "2. Theo dõi chặt chẽ diễn biến mưa lũ, chủ động phương án ứng phó.\n")
    assert g.document.title is None
    assert [leads(t) for t in g.tasks] == [["Các cơ quan, đơn vị"]] * 2


@pytest.mark.parametrize("heading", ["Nội dung Sở Dân tộc và Tôn giáo có trách nhiệm chủ trì",
                                     "Nhiệm vụ của Sở Dân tộc và Tôn giáo", "Trách nhiệm của Sở Dân tộc và Tôn giáo"])
def test_an_article_heading_names_whose_duties_follow(heading: str) -> None:
    # 26/2025/QĐ-UBND Thái Nguyên, Quy chế phối hợp: "Điều 5. Nội dung Sở Dân tộc và Tôn giáo có trách nhiệm chủ trì"
    g = run(f"Điều 5. {heading}\n1. Xây dựng, ban hành, đánh giá việc thực hiện chính sách về tín ngưỡng.\n"
            "2. Kiểm tra việc thực hiện chính sách, pháp luật.\n")
    assert [leads(t) for t in g.tasks] == [["Sở Dân tộc và Tôn giáo"]] * 2


def test_a_heading_that_names_no_body_hands_nothing_down() -> None:
    g = run("Điều 4. Nội dung phối hợp chung\n1. Xây dựng, ban hành, đánh giá việc thực hiện chính sách.\n")
    assert all(not t.lead for t in g.tasks)


def test_short_form_the_document_defines_gets_its_full_name() -> None:
    # 96/2025/QĐ-UBND (Quảng Ninh): "Ban Chỉ huy phòng thủ dân sự (viết tắt là Ban chỉ huy) cấp xã"
    text = ("1. Chủ tịch Ủy ban nhân dân cấp xã chỉ đạo Ban Chỉ huy phòng thủ dân sự (viết tắt là Ban chỉ huy) "
            "cấp xã triển khai phương án phòng cháy.\n2. Ban Chỉ huy cấp xã tham mưu, tổ chức lực lượng canh phòng.")
    leads = [[a.name for a in t.lead] for t in extract_text(text).tasks]
    assert leads == [["Ủy ban nhân dân cấp xã"], ["Ban Chỉ huy phòng thủ dân sự cấp xã"]]


def test_chapter_with_a_long_title_still_gives_its_articles() -> None:
    # 96/2025/QĐ-UBND (Quảng Ninh): the attached Quy định's "Chương II / QUY ĐỊNH VỀ CẤP DỰ BÁO CHÁY RỪNG VÀ
    # TỔ CHỨC CÁC BIỆN PHÁP …" is no label; its articles (Điều 6: who does what at each fire-danger level)
    # are still read
    graph = extract_text(corpus_text("tnt305_tvpl_2025/96-2025-QD-UBND__adf53d885efc1c23.md"))
    units = [t.unit for t in graph.tasks if "/ Điều 6 /" in t.unit]
    assert "Quy định / Chương II / Điều 6 / khoản 1 / điểm a" in units
    assert len(units) >= 8


def test_table_without_partner_column_reads_partners_from_the_task_cell() -> None:
    # 624/TB-VPCP, Phụ lục I: "STT | Nhiệm vụ | Cơ quan chủ trì thực hiện | Thời hạn hoàn thành"
    rows = ("| STT | Nhiệm vụ | Cơ quan chủ trì thực hiện | Thời hạn hoàn thành |\n|---|---|---|---|\n"
            "| 3. | Chủ trì, phối hợp với Bộ Khoa học và Công nghệ xây dựng kế hoạch triển khai nền tảng số dùng chung "
            "| Bộ Công an | 15/10/2025 |")
    [t] = extract_text(rows).tasks
    assert leads(t) == ["Bộ Công an"]
    assert names(t.coordinators) == ["Bộ Khoa học và Công nghệ"]
    assert t.deadline is not None and t.deadline.due == "2025-10-15"


def test_table_without_product_column_reads_the_product_from_the_task_cell() -> None:
    # 552/KH-UBND, Phụ lục: "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện", no
    # "Sản phẩm" column: the output the task cell names is the product, as in a unit's text
    rows = ("| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |\n|---|---|---|---|---|\n"
            "| 1 | Xây dựng chương trình hỗ trợ nghiên cứu, ứng dụng, chuyển giao, đổi mới công nghệ cao cho doanh nghiệp, "
            "hợp tác xã, hộ sản xuất. | Sở Khoa học và Công nghệ | Sở, ban, ngành có liên quan | 2026 |")
    [t] = extract_text(rows).tasks
    assert t.product is not None and t.product.startswith("Chương trình hỗ trợ nghiên cứu")


def _html_table(head: list[str], *rows: list[str]) -> str:
    th = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in rows)
    return f'<table border="1">\n<thead><tr>{th}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n'


@pytest.mark.parametrize(
    "head",
    [
        ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"],
        # a PDF converter glues a header's words
        ["TT", "Nhiệm vụ thựchiện", "Đơn vịchủ trì", "Đơn vịphốihợp", "Thờigian thựchiện"],
    ],
)
def test_table_header_with_glued_words(head: list[str]) -> None:
    text = "PHỤ LỤC\nNHIỆM VỤ TRIỂN KHAI KẾ HOẠCH\n\n" + _html_table(
        head, ["1", "Rà soát các điểm lõm sóng trên địa bàn", "Sở Khoa học và Công nghệ", "Sở Xây dựng", "Năm 2025"])
    [t] = extract_text(text).tasks
    assert leads(t) == ["Sở Khoa học và Công nghệ"]
    assert names(t.coordinators) == ["Sở Xây dựng"]
    assert t.deadline is not None and t.deadline.due == "2025-12-31"


@pytest.mark.parametrize(
    ("second_head", "read"),
    [
        # a PDF converter writes "Col1 | Col2 | …" over the second page of a table: its rows are tasks
        (["Col1", "Col2", "Col3", "Col4"], True),
        (["Col1", "Col2", "Col3", "- Lắp đặt thêm trạm phát sóng"], True),
        # a table with a header of its own is read with that header (here: no task column)
        (["Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2030"], False),
    ],
)
def test_table_page_under_a_stand_in_header(second_head: list[str], read: bool) -> None:
    head = ["TT", "Nhiệm vụ thực hiện", "Đơn vị chủ trì", "Thời gian thực hiện"]
    text = (
        "PHỤ LỤC\nNHIỆM VỤ TRIỂN KHAI KẾ HOẠCH\n\n"
        + _html_table(head,
                      ["I", "Mở rộng vùng phủ sóng", "Mở rộng vùng phủ sóng", "Mở rộng vùng phủ sóng"],
                      ["1", "Rà soát các điểm lõm sóng trên địa bàn", "Sở Khoa học và Công nghệ", "2025"])
        + _html_table(second_head,
                      ["2", "Phát triển hạ tầng viễn thông thụ động", "Sở Xây dựng", "2026"])
    )
    got = {t.text: leads(t) for t in extract_text(text).tasks}
    # the group row "I | Mở rộng vùng phủ sóng" written into every column is no task
    assert "Mở rộng vùng phủ sóng" not in got
    assert got.get("Rà soát các điểm lõm sóng trên địa bàn") == ["Sở Khoa học và Công nghệ"]
    assert (got.get("Phát triển hạ tầng viễn thông thụ động") == ["Sở Xây dựng"]) is read


@pytest.mark.parametrize(
    ("heading", "lead"),
    [
        # 58/2025/TT-BCT: a party the data does not know is still whose duties follow
        ("Trách nhiệm của Đơn vị vận hành hệ thống điện và thị trường điện",
         ["Đơn vị vận hành hệ thống điện và thị trường điện"]),
        ("Trách nhiệm của Bên mua điện", ["Bên mua điện"]),
        # 23/2025/TT-BTP: the office holder stands for the body he or she heads
        ("Trách nhiệm của Thủ trưởng các đơn vị thuộc Bộ được phân cấp", ["Các đơn vị thuộc Bộ được phân cấp"]),
        # 05/2025/TT-BGDĐT: a person's job description is no body's duty
        ("Nhiệm vụ của giáo viên chủ nhiệm", []),
        # 163/2025/QĐ-CTUBND, Quy chế Điều 25: an article's heading names its body however long, with the
        # abbreviations spelled out, even when it opens with a collective the data knows ("cơ quan, đơn vị")
        ("Trách nhiệm của cơ quan, đơn vị trên địa bàn tỉnh có hệ thống thông tin, cơ sở dữ liệu chuyên ngành kết "
         "nối với Hệ thống thông tin giải quyết TTHC tỉnh",
         ["Cơ quan, đơn vị trên địa bàn tỉnh có hệ thống thông tin, cơ sở dữ liệu chuyên ngành kết nối với Hệ thống "
          "thông tin giải quyết thủ tục hành chính tỉnh"]),
        # 34/2025/TT-BKHCN Điều 6: a long heading over the duties of those who benefit, not a state body's
        ("Trách nhiệm của tổ chức, doanh nghiệp Việt Nam, cá nhân là người Việt Nam có sản phẩm, dịch vụ công nghệ số "
         "được hưởng ưu đãi", []),
        # 170/2025/NĐ-CP Điều 66: a capitalised body after the comma is a second actor, written as the heading gives it
        ("Nhiệm vụ và quyền hạn của Bộ, cơ quan ngang Bộ, Cơ quan quản lý công chức khác",
         ["Các bộ, cơ quan ngang bộ", "Cơ quan quản lý công chức khác"]),
    ],
)
def test_duty_heading_names_an_unknown_actor(heading: str, lead: list[str]) -> None:
    g = extract_text(f"Điều 13. {heading}\n1. Lập kế hoạch và lập lịch huy động công suất các tổ máy.")
    assert [leads(t) for t in g.tasks] == ([lead] if lead else [])


@pytest.mark.parametrize(("item", "lead"), [
    # 25/2025/NĐ-CP: the bodies after "do" are who hands the duty down, not who acts
    ("Thực hiện các nhiệm vụ, quyền hạn khác do Chính phủ, Thủ tướng Chính phủ giao, do Thủ tướng Chính phủ phân "
     "công, ủy quyền và theo quy định của pháp luật.", ["Bộ Nội vụ"]),
    # 2319/QĐ-TTg Điều 3.4: a list that ends the sentence
    ("Thực hiện các nhiệm vụ khác theo yêu cầu của Chính phủ, Thủ tướng Chính phủ.", ["Bộ Nội vụ"]),
    # 48/2013/NĐ-CP: the subject is the body after the fronted phrase, not the list inside it
    ("Trên cơ sở chỉ đạo của Chính phủ, Thủ tướng Chính phủ và yêu cầu cải cách thủ tục hành chính, Bộ Tư pháp xây "
     "dựng kế hoạch rà soát trọng tâm, trình Thủ tướng Chính phủ phê duyệt.", ["Bộ Tư pháp"]),
    # a body right after a fronted phrase that names another one is still the subject
    ("Căn cứ ý kiến của Bộ Tài chính, Sở Tài chính chủ trì thực hiện việc rà soát.", ["Sở Tài chính"]),
])
def test_a_list_inside_a_fronted_phrase_is_no_subject(item: str, lead: list[str]) -> None:
    g = run(f"Điều 5. Trách nhiệm của Bộ Nội vụ\n1. Theo dõi, tổng hợp kết quả đào tạo, bồi dưỡng.\n2. {item}\n")
    assert leads(g.tasks[-1]) == lead


@pytest.mark.parametrize(("item", "lead"), [
    # 72/2025/NQ-HĐND Hà Nội Điều 3: the place written after a collective is part of its name
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội và các tổ chức chính trị - xã hội thành phố Hà Nội "
     "phối hợp tuyên truyền và giám sát việc tổ chức thực hiện Nghị quyết.",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội", "Các tổ chức chính trị - xã hội thành phố Hà Nội"]),
    # 55/2025/NQ-HĐND Hà Nội: "các cấp" and the place
    ("Đề nghị Ủy ban Mặt trận Tổ quốc các cấp thành phố Hà Nội tham gia giám sát việc thực hiện Nghị quyết.",
     ["Ủy ban Mặt trận Tổ quốc các cấp thành phố Hà Nội"]),
    # KH-UBND Lâm Đồng (cải cách hành chính 2026-2030): where the bodies sit
    ("Các cơ quan Trung ương đóng trên địa bàn tỉnh phối hợp triển khai thực hiện Kế hoạch.",
     ["Các cơ quan trung ương đóng trên địa bàn tỉnh"]),
    # 2530/QĐ-TTg: the member organisations
    ("Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội thành viên chủ trì, "
     "phối hợp tuyên truyền.",
     ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Các tổ chức chính trị - xã hội thành viên"]),
])
def test_a_place_or_membership_written_after_a_collective_is_its_name(item: str, lead: list[str]) -> None:
    g = run(f"Điều 3. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân Thành phố tổ chức thực hiện Nghị quyết.\n2. {item}\n")
    assert leads(g.tasks[-1]) == lead


LABELLED_ACTORS = [
    # (a unit of "Tổ chức thực hiện", its lead): a body the data does not know, written as the unit's label before
    # its action, is the actor (0129/KH-UBND Đắk Lắk IV.12-13, 0125/KH-UBND VI.5)
    ("Đề nghị Công ty Điện lực Đắk Lắk: Khẩn trương kiểm tra, khắc phục sự cố lưới điện.", ["Công ty Điện lực Đắk Lắk"]),
    ("Đề nghị các doanh nghiệp viễn thông (VNPT, Viettel, MobiFone và doanh nghiệp khác): Bảo đảm thông tin liên lạc.",
     ["Các doanh nghiệp viễn thông"]),
    ("Các cơ quan thông tin, truyền thông của tỉnh: Xây dựng Kế hoạch và đẩy mạnh tuyên truyền.",
     ["Các cơ quan thông tin, truyền thông của tỉnh"]),
    # a label with no action after it names nobody's duty
    ("Hội đồng thẩm định: Không quá 05 cá nhân.", None),
]


@pytest.mark.parametrize(("unit", "lead"), LABELLED_ACTORS)
def test_unknown_body_labelled_before_its_action(unit: str, lead: list[str] | None) -> None:
    g = run(f"ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\nSố: 129/KH-UBND\nKẾ HOẠCH\nIV. TỔ CHỨC THỰC HIỆN\n12. {unit}\n")
    assert [leads(t) for t in g.tasks] == ([lead] if lead else [])


def test_bodies_asked_over_bullets_hand_them_their_duties() -> None:
    # 174/KH-UBND TP Hồ Chí Minh, V.3: "Đề nghị" and the bodies asked, the Front's member organisations among them,
    # head the bullets: each bullet is a task of those bodies, the heading itself is none
    g = extract_text("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\nSố: 174/KH-UBND\nKẾ HOẠCH\nV. TỔ CHỨC THỰC HIỆN\n"
                     "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp Phụ nữ Thành phố và các tổ "
                     "chức thành viên của Mặt trận\n"
                     "- Trong phạm vi chức năng, nhiệm vụ của mình, tham gia phối hợp triển khai thực hiện Kế hoạch này.\n"
                     "- Duy trì kết quả của chuỗi hoạt động “Tháng cùng phụ nữ hành động”.\n")
    assert [(t.text[:12], leads(t)) for t in g.tasks] == [
        (start, ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "Hội Liên hiệp Phụ nữ Thành phố",
                 "Các tổ chức thành viên của Mặt trận"]) for start in ("Trong phạm v", "Duy trì kết ")]


def test_duty_clause_over_its_points_names_its_actor() -> None:
    # 211/2025/QĐ-UBND: a clause (not an Điều) "3. Trách nhiệm của …" without a full stop heads its points
    g = extract_text("Điều 5. Trách nhiệm thi hành\n"
                     "3. Trách nhiệm của tổ chức, đơn vị điều tra, khảo sát, rà phá bom mìn vật nổ\n"
                     "a) Lập hồ sơ kết quả điều tra, khảo sát gửi cơ quan có thẩm quyền.\n"
                     "b) Bàn giao mặt bằng sau khi rà phá.")
    assert [leads(t) for t in g.tasks] == [["Tổ chức, đơn vị điều tra, khảo sát, rà phá bom mìn vật nổ"]] * 2


def test_header_repeated_after_a_page_break() -> None:
    # 179/KH-UBND Đồng Nai, Phụ lục: the header comes again after a page break, without its "STT" cell
    # (its cells sit one column to the left); a repeated header row inside the table is no task
    tasks = extract_text(corpus_text("tnt305_tvpl_2025/179-KH-UBND__f004d93b21e7fc5f.md")).tasks
    assert not [t for t in tasks if t.text in ("Nội dung", "Đơn vị thực hiện") or regex.fullmatch(r"[\d.]+", t.text)]
    [t] = [t for t in tasks if t.text.startswith("Triển khai số hóa hệ thống cơ sở dữ liệu thể dục thể thao")]
    assert leads(t) == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_cells_merged_down_from_the_row_above() -> None:
    # 2530/QĐ-TTg, Phụ lục I: "1 | Bộ Nông nghiệp và Môi trường | - Bộ Khoa học và Công nghệ; … | Hoàn thiện hệ
    # thống … | - Hoàn thiện Nghị định … | … | …" then rows with only their last three cells written (rowspan);
    # the column "Thuộc nhóm nhiệm vụ, hành động" is the row's group, "Nội dung nhiệm vụ" its task
    tasks = extract_text(corpus_text("tnt305_tvpl_2025/2530-QD-TTg__646f0a00d4174382.md")).tasks
    [t] = [t for t in tasks if t.text.startswith("Rà soát, cập nhật các hướng dẫn kỹ thuật về hệ số phát thải")]
    assert leads(t) == ["Bộ Nông nghiệp và Môi trường"]
    assert "Bộ Khoa học và Công nghệ" in names(t.coordinators)
    assert not [t for t in tasks if t.text.startswith("- ")]


@pytest.mark.parametrize(("heading", "lead"), [
    # 09/CT-UBND Cần Thơ: a long heading that ends in its duty, wrapped over lines, names its actor whole
    ("12. Các tổ\nchức, cá nhân và hộ gia đình khai thác sử dụng tài nguyên nước dưới đất trên địa\nbàn có trách nhiệm",
     "Các tổ chức, cá nhân và hộ gia đình khai thác sử dụng tài nguyên nước dưới đất trên địa bàn"),
    ("11. Các đơn vị cấp nước sạch trên địa bàn thành phố có trách nhiệm",
     "Các đơn vị cấp nước sạch trên địa bàn thành phố"),
])
def test_long_actor_heading_ending_in_its_duty(heading: str, lead: str) -> None:
    g = extract_text(f"V. TỔ CHỨC THỰC HIỆN\n{heading}\na) Thực hiện các quy định về khai thác, sử dụng tài nguyên nước.\n"
                     "b) Hạn chế khoan, đào mới các giếng khai thác nước dưới đất.")
    assert [leads(t) for t in g.tasks] == [[lead], [lead]]


def test_actor_heading_ending_in_co_nhiem_vu() -> None:
    # 49/2012/QĐ-UBND: "Điều 6. Ủy ban nhân dân quận - huyện có nhiệm vụ" over its clauses
    g = extract_text("Điều 6. Ủy ban nhân dân quận - huyện có nhiệm vụ\n"
                     "1. Tổng hợp và phê duyệt danh sách người có công với cách mạng.")
    assert [leads(t) for t in g.tasks] == [["Ủy ban nhân dân quận - huyện"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a school named as a heading over its points is their actor
        ("7. Trường Đại học Tây Nguyên\na) Tổ chức hội thảo khoa học về chuyển đổi số.\nb) Đào tạo nhân lực số.",
         [["Trường Đại học Tây Nguyên"], ["Trường Đại học Tây Nguyên"]]),
        # 79/2025/NQ-HĐND, Phụ lục II: "Trường hợp 1" is a case of a technical rule, not a school
        ("1. Trường hợp 1\na) Bổ sung cầu thang bên ngoài nhà.", []),
        # 68/2025/TT-BNNMT: "Báo cáo …" opens a report, not a newspaper ("Báo Lâm Đồng")
        ("2. Kỳ báo cáo\na) Báo cáo định kỳ hằng tháng:\nTính từ ngày 15 tháng trước đến ngày 14 của tháng thuộc kỳ báo cáo;", []),
        ("7. Báo Lâm Đồng\na) Tuyên truyền rộng rãi Kế hoạch này.", [["Báo Lâm Đồng"]]),
        # 179/KH-UBND: "Doanh nghiệp số" is a pillar of the digital transformation programme, a topic heading
        # (as its sibling headings are) under the lead-in that names the actor
        ("2. Sở Khoa học và Công nghệ chủ trì thực hiện các nhiệm vụ sau:\ng) Nhân lực số\n- Đào tạo nhân lực số.\n"
         "h) Công dân số và văn hóa số\n- Tổ chức phổ cập kỹ năng số cho người dân.\ni) Doanh nghiệp số\n"
         "- Hỗ trợ doanh nghiệp chuyển đổi số gắn liền với thúc đẩy sử dụng nền tảng số.",
         [["Sở Khoa học và Công nghệ"]] * 3),
        ("7. Doanh nghiệp viễn thông\na) Bảo đảm hạ tầng mạng.", [["Doanh nghiệp viễn thông"]]),
    ],
)
def test_actor_heading_heads_are_whole_words(text: str, expected: list[list[str]]) -> None:
    assert [leads(t) for t in extract_text(text).tasks] == expected


def test_items_of_a_content_lead_in_are_no_tasks_but_a_sentence_after_them_may_be() -> None:
    # 60/2024/QH15, Điều 29 and Điều 33
    text = ("Điều 29. Quỹ phát triển dữ liệu quốc gia\n"
            "1. Bộ Công an chủ trì xây dựng quy chế quản lý Quỹ.\n"
            "2. Quỹ phát triển dữ liệu quốc gia hoạt động theo nguyên tắc sau đây:\n"
            "a) Không vì mục đích lợi nhuận;\n"
            "b) Quản lý, sử dụng đúng mục đích, đúng pháp luật, kịp thời, hiệu quả;\n"
            "Điều 33. Cơ sở dữ liệu tổng hợp quốc gia\n"
            "Cơ sở dữ liệu tổng hợp quốc gia được Chính phủ xây dựng và đáp ứng các yêu cầu sau đây:\n"
            "1. Tuân thủ tiêu chuẩn, quy chuẩn kỹ thuật về dữ liệu;\n"
            "2. Bảo đảm an ninh, an toàn thông tin;\n")
    assert [leads(t) for t in extract_text(text).tasks] == [["Bộ Công an"]]


@pytest.mark.parametrize("key", ["non_task_text", "lead_in", "content_lead_in"])
def test_occurs_answers_as_the_alternation(key: str) -> None:
    """Searching a word list's patterns one by one says what searching their alternation says."""
    from vbpl_extract import tasks
    from vbpl_extract.textutil import fold_tones

    alternation = tasks._any(tasks.task_words()[key])
    texts = [
        "Quyết định này có hiệu lực thi hành kể từ ngày ký.", "Bộ trưởng các Bộ chịu trách nhiệm thi hành Quyết định này.",
        "Nơi nhận: như trên", "Kính gửi: Ủy ban nhân dân tỉnh", "Giao các bộ, ngành thực hiện các nhiệm vụ sau:",
        "Quỹ hoạt động theo nguyên tắc sau đây:", "Bộ Tài chính chủ trì, phối hợp với Bộ Công an.", "",
        "Cục là tổ chức thuộc bộ, thực hiện chức năng tham mưu", "Trên đây là kết luận của Phó Thủ tướng",
    ]
    for text in texts + [t.upper() for t in texts] + [t.lower() for t in texts]:
        folded = fold_tones(text)
        assert tasks._occurs(key, folded) == bool(alternation.search(folded)), text


@pytest.mark.parametrize(
    ("text", "governs"),
    [
        ("Định kỳ đánh giá tình hình hoạt động của các dự án đầu tư theo lĩnh vực được giao.", True),
        ("Tham gia kiểm tra, khảo sát vị trí đầu tư; tham gia công tác kiểm tra định kỳ hoặc đột xuất.", True),
        ("Định kỳ 6 tháng báo cáo kết quả về Sở Nội vụ.", True),
        # 23/2012/NĐ-CP: the recurrence closes the action, before its purpose
        ("Bộ Tài chính có trách nhiệm bố trí kinh phí hàng năm để thực hiện chế độ, chính sách quy định tại Nghị định "
         "này theo quy định của pháp luật về ngân sách nhà nước.", True),
        # 26/2025/QĐ-UBND: "hằng năm và đột xuất"
        ("Tham mưu xây dựng, đánh giá việc thực hiện kế hoạch của Ủy ban nhân dân tỉnh về công tác quản lý nhà nước về "
         "tín ngưỡng, tôn giáo trên địa bàn tỉnh hằng năm và đột xuất để chỉ đạo.", True),
        # CV UBND Lâm Đồng (cải thiện chỉ số CCHC): a recurrence before the reporting verb, deep in the task
        ("Tổ chức kiểm tra tình hình sử dụng chữ ký số trên địa bàn tỉnh; đảm bảo cấp phát đầy đủ chữ ký số cho các tổ "
         "chức, cá nhân liên quan nhằm nâng cao tỷ lệ xử lý văn bản, hồ sơ công việc trên môi trường điện tử, định kỳ "
         "hằng tháng báo cáo kết quả thực hiện cho Ủy ban nhân dân tỉnh.", True),
        # "định kỳ" qualifying a noun inside the task is not its rhythm
        ("Rà soát, sửa đổi quy chế kiểm tra định kỳ các cơ sở giáo dục trên địa bàn.", False),
        # 40/2011/QĐ-TTg, 92/VBHN-BQP: nor is a monthly allowance
        ("Bộ Lao động - Thương binh và Xã hội phối hợp với Bộ Nội vụ, Bộ Tài chính hướng dẫn thực hiện Quyết định này; "
         "chỉ đạo tổ chức việc xét duyệt, thẩm định, ra quyết định hưởng chế độ trợ cấp hàng tháng.", False),
        ("Bộ Nội vụ chịu trách nhiệm chỉ đạo tiếp nhận, quản lý và chi trả chế độ trợ cấp hàng tháng đối với đối tượng "
         "theo quy định.", False),
    ],
)
def test_recurrence_that_opens_the_task_or_names_its_exception_governs(text: str, governs: bool) -> None:
    from vbpl_extract.deadlines import find_deadlines
    from vbpl_extract.tasks import governs_task

    recurring = [m for m in find_deadlines(text) if m.kind == "recurring"]
    assert recurring and governs_task(text, recurring[0]) is governs


@pytest.mark.parametrize(("start", "lead", "coordinators"), [
    # 226/CĐ-TTg: the heading's "chủ trì, phối hợp với …" gives its points both roles
    ("Rà soát các mặt hàng", ["Bộ Tài chính"], ["Các bộ, cơ quan liên quan", "Các địa phương"]),
    ("Tổng hợp nhu cầu", ["Bộ Tài chính"], ["Các bộ, cơ quan liên quan", "Các địa phương"]),
    # a heading that names another actor and no partner drops them
    ("Huy động lực lượng", ["Bộ Quốc phòng"], []),
    # a point with its own partner keeps its own
    ("Phối hợp với Bộ Y tế", ["Bộ Quốc phòng"], ["Bộ Y tế"]),
])
def test_heading_coordinators_pass_to_points(start: str, lead: list[str], coordinators: list[str]) -> None:
    g = run("1. Bộ Tài chính chủ trì, phối hợp với các Bộ, cơ quan liên quan và các địa phương:\n"
            "a) Rà soát các mặt hàng dự trữ quốc gia bảo đảm chủng loại, số lượng.\n"
            "b) Tổng hợp nhu cầu về hàng dự trữ quốc gia của địa phương.\n"
            "2. Bộ Quốc phòng:\n"
            "a) Huy động lực lượng, phương tiện tham gia công tác vận chuyển.\n"
            "b) Phối hợp với Bộ Y tế chuẩn bị thuốc men.\n")
    t = task_starting(g, start)
    assert leads(t) == lead
    assert names(t.coordinators) == coordinators


@pytest.mark.parametrize(("text", "coordinators"), [
    # 0129/KH-UBND: a collective right after "phối hợp" (no "với"), then a named body
    ("1. Sở Công Thương:\n- Phối hợp các lực lượng\nvà UBND các xã, phường huy động ca nô, xuồng máy, xe chuyên dụng "
     "để tiếp cận, vận chuyển hàng đến vùng bị chia cắt.", ["Các lực lượng", "Ủy ban nhân dân các xã, phường"]),
    # 3210/QĐ-UBND (2014): named partners, then a collective of the same list
    ("1. Sở Xây dựng:\n- Chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội, Sở Tài chính và các Sở ngành khác có "
     "liên quan xây dựng, trình Ủy ban nhân dân Thành phố phê duyệt Đề án.",
     ["Sở Lao động - Thương binh và Xã hội", "Sở Tài chính", "Các Sở ngành khác có liên quan"]),
    # 987/KH-UBND Nghệ An: each "các" starts a new collective
    ("1. Sở Công Thương:\n- Phối hợp chặt chẽ với Ban Quản lý Khu kinh tế\nĐông Nam, Sở Khoa học và Công nghệ và các "
     "doanh nghiệp viễn thông, các doanh nghiệp\ncông nghệ số trong quá trình khảo sát, triển khai hạ tầng 5G.",
     ["Ban Quản lý Khu kinh tế Đông Nam", "Sở Khoa học và Công nghệ", "Các doanh nghiệp viễn thông",
      "Các doanh nghiệp công nghệ số"]),
    # TB UBND Lâm Đồng (kết luận, cao tốc): a collective of other nouns than state units ends at "và"
    ("1. Sở Xây dựng:\n- Chủ trì, phối hợp chặt chẽ với Ban Quản lý dự án đầu tư xây dựng số 1, Nhà đầu tư và địa "
     "phương trong việc tập trung giải phóng mặt bằng các đoạn tuyến.",
     ["Ban Quản lý dự án đầu tư xây dựng số 1", "Nhà đầu tư", "Các địa phương"]),
    # 2022/QĐ-UBND: a bare noun cut by a verb ("đơn vị cung cấp …") is not read as a partner
    ("1. Sở Xây dựng:\nb) Chủ trì, phối hợp với Sở Khoa học và Công nghệ,\nđơn vị cung cấp dịch vụ công nghệ thông tin "
     "và các cơ quan, đơn vị liên quan xây dựng quy trình điện tử.", ["Sở Khoa học và Công nghệ"]),
    # "phối hợp" before a verb that is also a noun names no partner
    ("1. Sở Công Thương:\n- Phối hợp tổ chức các hoạt động kỷ niệm.", []),
])
def test_partner_list_goes_on_past_the_named_bodies(text: str, coordinators: list[str]) -> None:
    [t] = run(text).tasks
    assert names(t.coordinators) == coordinators


def test_heading_passes_a_collective_the_data_does_not_know() -> None:
    # 228/CĐ-TTg: "các bộ, địa phương liên quan" is read by the collective rule, and the heading passes it down
    g = run("1. Bộ Tài chính chủ trì, phối hợp với các bộ, địa phương liên quan:\n"
            "a) Yêu cầu và đôn đốc các doanh nghiệp kinh doanh bảo hiểm khẩn trương có phương án giải quyết nhanh.\n"
            "b) Chỉ đạo Bảo hiểm xã hội Việt Nam chi trả kịp thời, đầy đủ các chế độ bảo hiểm.\n")
    for t in g.tasks:
        assert leads(t) == ["Bộ Tài chính"]
        assert names(t.coordinators) == ["Các bộ, địa phương liên quan"]


def test_collective_partners_named_after_a_colon() -> None:
    # 1040/LĐTBXH-BTXH (2012): "các cơ quan chức năng: Sở Y tế, …" stands for the bodies after the colon
    g = run("2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo Sở Lao động - Thương binh và Xã hội "
            "phối hợp với các cơ quan chức năng: Sở Y tế, Bộ Chỉ huy quân sự tỉnh, Hội đồng giám định Y khoa thực hiện "
            "các nội dung sau:\na) Tiến hành xem xét lại từng hồ sơ.\nb) Tổng hợp danh sách đối tượng.\n")
    for t in g.tasks:
        assert names(t.coordinators) == ["Sở Y tế", "Bộ Chỉ huy Quân sự tỉnh", "Hội đồng giám định Y khoa"]


@pytest.mark.parametrize(("text", "coordinators"), [
    # 182/KH-UBND Đồng Nai: whom the actor advises after the partners is no partner
    ("1. Sở Nội vụ chủ trì, phối hợp với các đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh khen thưởng kịp thời.",
     ["Các đơn vị liên quan"]),
    ("1. Sở Nội vụ phối hợp Công an tỉnh và các đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh quy định chế độ.",
     ["Công an tỉnh", "Các đơn vị liên quan"]),
    ("1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Công an tỉnh rà soát chế độ.", ["Sở Tài chính", "Công an tỉnh"]),
])
def test_role_list_ends_at_the_action(text: str, coordinators: list[str]) -> None:
    [t] = run(text).tasks
    assert leads(t) == ["Sở Nội vụ"]
    assert names(t.coordinators) == coordinators


@pytest.mark.parametrize(("text", "coordinators"), [
    # 637/TB-VPCP: the bodies after "phối hợp, hướng dẫn" are the partners of both verbs
    ("1. Bộ Công an tiếp tục chủ động phối hợp, hướng dẫn Bộ Y tế, Ban Quản lý dự án trong công tác phòng cháy, chữa "
     "cháy.", ["Bộ Y tế", "Ban Quản lý dự án"]),
    ("1. Bộ Tài chính chỉ đạo các cơ quan liên quan tiếp tục phối hợp, hỗ trợ Bộ Y tế trong quá trình thanh toán.",
     ["Bộ Y tế"]),
])
def test_partners_after_joined_verbs(text: str, coordinators: list[str]) -> None:
    [t] = run(text).tasks
    assert names(t.coordinators) == coordinators

@pytest.mark.parametrize(("text", "coordinators"), [
    # 163/2025/QĐ-CTUBND: the ministry written after its department says where the department sits; the department's
    # full name goes on past "quản lý"
    ("1. Công an tỉnh phối hợp với Cục Cảnh sát quản lý hành chính về trật tự xã hội, Bộ Công an kiểm tra, đánh giá kết "
     "quả khai thác Cơ sở dữ liệu quốc gia về dân cư.", ["Cục Cảnh sát quản lý hành chính về trật tự xã hội"]),
    ("1. Sở Tài chính phối hợp với Cục Thuế, Bộ Tài chính và Sở Nội vụ rà soát các khoản thu.", ["Cục Thuế", "Sở Nội vụ"]),
    # two ministries stay two partners
    ("1. Sở Tài chính phối hợp với Bộ Công an, Bộ Tài chính rà soát các khoản thu.", ["Bộ Công an", "Bộ Tài chính"]),
])
def test_the_body_a_partner_belongs_to_is_no_partner(text: str, coordinators: list[str]) -> None:
    [t] = run(text).tasks
    assert names(t.coordinators) == coordinators

@pytest.mark.parametrize(("text", "coordinators"), [
    # 1505/QĐ-UBND Bắc Ninh: the part of the partner that does the work, in brackets after it, is no partner of its own
    ("Điều 2. Giao các cơ quan, đơn vị:\n1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Văn phòng UBND tỉnh "
     "(Trung tâm Phục vụ hành chính công): Rà soát, xây dựng quy trình nội bộ, quy trình điện tử trong giải quyết thủ "
     "tục hành chính.", ["Văn phòng Ủy ban nhân dân tỉnh"]),
    # 157/KH-UBND: the same, with the brackets in italics
    ("1. Sở Tài chính:\n- Phối hợp Sở Nội vụ *(Ban Thi đua - Khen thưởng)* đề xuất khen thưởng các tập thể, cá nhân có "
     "thành tích.", ["Sở Nội vụ"]),
    # the list goes on after the brackets
    ("1. Sở Tài chính chủ trì, phối hợp với Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công), Sở Nội vụ rà soát "
     "quy trình.", ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ"]),
])
def test_a_partners_part_in_brackets_is_no_partner(text: str, coordinators: list[str]) -> None:
    [t] = run(text).tasks
    assert names(t.coordinators) == coordinators


@pytest.mark.parametrize(("text", "expected"), [
    # 302/2025/NĐ-CP: a body the data does not know, shortened by a definition (NĐ 30/2020 "sau đây gọi là")
    ("quy định về hoạt động của Quỹ nhà ở quốc gia (sau đây gọi là Quỹ) và", {"quỹ": "Quỹ nhà ở quốc gia"}),
    # a known body: the data's name
    ("chỉ đạo Ban Chỉ huy phòng thủ dân sự (viết tắt là Ban chỉ huy) cấp xã", {"ban chỉ huy": "Ban Chỉ huy phòng thủ dân sự"}),
    # the short form must begin the words before the bracket; a list is no name
    ("giao Sở Tài chính, Sở Nội vụ (sau đây gọi là các Sở) chủ trì", {}),
])
def test_defined_short_forms(text: str, expected: dict[str, str]) -> None:
    from vbpl_extract.annotate import Mentions
    from vbpl_extract.tasks import defined_short_forms

    assert defined_short_forms(text, Mentions(None)) == expected


ISSUER_HEADINGS = [
    # (a heading under "Trách nhiệm thực hiện" in a document of Bộ Nội vụ, the lead of the item under it)
    ("a) Bộ Nội vụ, cơ quan chủ trì triển khai Đề án:", ["Bộ Nội vụ"]),  # 1187/QĐ-BNV
    ("a) Bộ Nội vụ:", ["Bộ Nội vụ"]),
    ("a) Bộ Nội vụ (cơ quan thường trực Đề án):", ["Bộ Nội vụ"]),
]


@pytest.mark.parametrize(("heading", "lead"), ISSUER_HEADINGS)
def test_issuer_named_by_a_heading_is_the_actor_of_its_items(heading: str, lead: list[str]) -> None:
    g = run("BỘ NỘI VỤ\nSố: 1187/QĐ-BNV\nQUYẾT ĐỊNH\nĐiều 1. Phê duyệt Đề án\nIV. TỔ CHỨC THỰC HIỆN\n"
            f"1. Trách nhiệm thực hiện\n{heading}\n- Tổng hợp, xử lý số liệu, xây dựng báo cáo Chỉ số CCHC.\n"
            "b) Bộ Tài chính:\n- Bố trí đủ kinh phí để triển khai.")
    assert [leads(t) for t in g.tasks] == [lead, ["Bộ Tài chính"]]


def test_issuer_lead_in_that_speaks_hands_nothing_down() -> None:
    # the issuer's own lead-in ("… ban hành Kế hoạch … như sau:") is no actor heading: its items name their actors
    g = run("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSố: 12/KH-UBND\nKẾ HOẠCH\n"
            "Ủy ban nhân dân tỉnh Nghệ An thông báo nội dung như sau:\n- Tổng hợp, xử lý số liệu, xây dựng báo cáo.")
    assert g.tasks == []


INLINE_ITEMS = [
    # (a unit of a conclusions notice, the (text start, lead) of its tasks)
    ("4. Bộ Công an: (1) Tiếp tục đầu tư phát triển Trung tâm Dữ liệu quốc gia số 2; (2) Tham mưu ban hành "
     "Nghị định của Chính phủ về cơ chế đột phá.",  # 624/TB-VPCP
     [("Tiếp tục đầu tư", "Bộ Công an"), ("Tham mưu ban hành", "Bộ Công an")]),
    ("3. Khẩn trương xây dựng và ban hành chiến lược dữ liệu: (1) Thanh tra Chính phủ ban hành trước ngày 25 "
     "tháng 11 năm 2025; (2) Bộ Công an chủ trì, phối hợp các bộ ban hành hướng dẫn rà soát cơ sở dữ liệu.",
     [("Thanh tra Chính phủ ban hành", "Thanh tra Chính phủ"), ("Bộ Công an chủ trì", "Bộ Công an")]),
    # an assessment whose numbered items name no actor stays one unit
    ("5. Bộ Công an đã đạt kết quả nổi bật: (1) ban hành 20 văn bản; (2) hoàn thành 10 nhiệm vụ.",
     [("Bộ Công an đã đạt", "Bộ Công an")]),
]


@pytest.mark.parametrize(("unit", "expected"), INLINE_ITEMS)
def test_numbered_items_inside_a_unit(unit: str, expected: list[tuple[str, str]]) -> None:
    g = run("VĂN PHÒNG CHÍNH PHỦ\nSố: 624/TB-VPCP\nTHÔNG BÁO\nThủ tướng Chính phủ kết luận như sau:\n" + unit)
    assert [(t.text[:len(s)], leads(t)[0]) for t, (s, _) in zip(g.tasks, expected, strict=False)] == expected
    assert len(g.tasks) == len(expected)


def test_time_inside_an_item_is_that_items_and_a_closing_one_is_shared() -> None:
    g = run("VĂN PHÒNG CHÍNH PHỦ\nSố: 624/TB-VPCP\nTHÔNG BÁO\nThủ tướng Chính phủ kết luận như sau:\n"
            "1. Bộ Công an: (1) Tiếp tục đầu tư phát triển Trung tâm Dữ liệu quốc gia, hoàn thành trước ngày 10 "
            "tháng 12 năm 2025; (2) Tham mưu ban hành Nghị định của Chính phủ về cơ chế đột phá.\n"
            "2. Bộ Công Thương chủ trì phối hợp với các Bộ làm rõ các nội dung, cụ thể: (i) Đánh giá khả năng sản "
            "xuất ethanol trong nước; (ii) Đề xuất giải pháp điều hành giá xăng E10; báo cáo Thủ tướng Chính phủ "
            "kết quả thực hiện trong tháng 11 năm 2025.")  # 624/TB-VPCP, 11520/VPCP-CN
    due = [t.deadline.due if t.deadline else None for t in g.tasks]
    assert due == ["2025-12-10", None, "2025-11-30", "2025-11-30"]



@pytest.mark.parametrize(("unit", "coordinators"), [
    # 11520/VPCP-CN: the partners named before "(i)" work on every enumerated item
    ("Bộ Công Thương chủ trì phối hợp với các Bộ, cơ quan liên quan khẩn trương làm rõ các nội dung còn vướng mắc, "
     "cụ thể: (i) Đánh giá khả năng sản xuất, cung ứng, phân phối nguồn cung ethanol; (ii) Rà soát năng lực phối trộn "
     "của các doanh nghiệp đầu mối.", [["Các bộ, cơ quan liên quan"]] * 2),
    # an item's own partners stay its own
    ("Giao Bộ Công an chủ trì: (i) Rà soát, hoàn thiện cơ sở dữ liệu dân cư; (ii) Phối hợp với Bộ Tài chính đánh giá "
     "hiệu quả đầu tư.", [[], ["Bộ Tài chính"]]),
])
def test_partners_before_enumerated_items_pass_to_them(unit: str, coordinators: list[list[str]]) -> None:
    g = run("VĂN PHÒNG CHÍNH PHỦ\nSố: 11520/VPCP-CN\nKính gửi: Bộ trưởng Bộ Công Thương\n"
            "Phó Thủ tướng Chính phủ Bùi Thanh Sơn có ý kiến như sau:\n" + unit)
    assert [names(t.coordinators) for t in g.tasks] == coordinators


ENUMERATION_HEADS = [
    # (a unit with "(i) … (ii) …", how many tasks it gives)
    # the head only names the actor and the assignment: one task per item (11520/VPCP-CN)
    ("Giao Bộ Công an chủ trì, phối hợp với Bộ Tài chính, cụ thể: (i) Rà soát cơ sở dữ liệu dân cư; (ii) Đánh giá "
     "hiệu quả đầu tư.", 2),
    # the head announces its items after an action ("…, cụ thể:"): one task per item (624/TB-VPCP)
    ("Bộ Công Thương chủ trì phối hợp với các Bộ khẩn trương làm rõ các nội dung còn vướng mắc, cụ thể: (i) Đánh giá "
     "khả năng sản xuất ethanol; (ii) Rà soát năng lực phối trộn.", 2),
    # "… tập trung:" announces them too (624/TB-VPCP)
    ("Các bộ, ngành, địa phương tập trung: (i) Sửa đổi, bổ sung 322 văn bản quy phạm pháp luật; (ii) Rà soát, sửa đổi "
     "các quy định không phù hợp.", 2),
    # the head is an action of its own: the items are its parts, one task (the docstring's case, lower-case words
    # after the actor are no body's name)
    ("Bộ Tư pháp sửa đổi quy định pháp luật về đấu giá tài sản: (i) thẩm quyền xử lý tài sản; (ii) trình tự đấu "
     "giá.", 1),
]


@pytest.mark.parametrize(("unit", "count"), ENUMERATION_HEADS)
def test_what_stands_before_enumerated_items_decides_whether_they_split(unit: str, count: int) -> None:
    g = run("VĂN PHÒNG CHÍNH PHỦ\nSố: 11520/VPCP-CN\nKính gửi: Bộ trưởng Bộ Công Thương\n"
            "Phó Thủ tướng Chính phủ Bùi Thanh Sơn có ý kiến như sau:\n" + unit)
    assert len(g.tasks) == count

RESPONSIBILITY_LABELS = [
    # (the lines under "2. Trách nhiệm thực hiện" after "1. Thời gian thực hiện: …", the leads of the tasks)
    ("- Sở Nội vụ hướng dẫn khen thưởng Đợt thi đua; phối hợp với các cơ quan liên quan triển khai.\n"
     "- Sở Văn hóa, Thể thao và Du lịch chỉ đạo các cơ quan truyền thông tuyên truyền về Đợt thi đua.",  # 982-KH-UBND
     [["Sở Nội vụ"], ["Sở Văn hóa, Thể thao và Du lịch"]]),
]


@pytest.mark.parametrize(("lines", "expected"), RESPONSIBILITY_LABELS)
def test_responsibility_label_over_sentences_is_no_field(lines: str, expected: list[list[str]]) -> None:
    g = run("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSố: 982/KH-UBND\nKẾ HOẠCH\nIV. TỔ CHỨC THỰC HIỆN\n"
            "1. Thời gian thực hiện: từ ngày ban hành Kế hoạch đến hết năm 2025.\n2. Trách nhiệm thực hiện\n" + lines)
    assert [leads(t) for t in g.tasks] == expected


def test_responsibility_label_over_names_is_the_lead_field() -> None:
    # 252/KH-BCĐQG1237: the names under the label are the lead of the plan item's points
    g = run("BAN CHỈ ĐẠO QUỐC GIA\nSố: 252/KH-BCĐQG1237\nKẾ HOẠCH\nV. THU THẬP, XỬ LÝ THÔNG TIN VỀ LIỆT SĨ\n"
            "1. Nội dung, biện pháp\na) Hoàn thành việc giải mã ký hiệu, phiên hiệu đơn vị quân đội trong chiến tranh;\n"
            "b) Tổ chức rà soát, kiện toàn hồ sơ liệt sĩ hiện đang quản lý.\n2. Trách nhiệm thực hiện\n- Bộ Quốc phòng.\n"
            "- Bộ Lao động - Thương binh và Xã hội.\n3. Thời gian thực hiện: Từ năm 2013 đến năm 2020.")
    assert [leads(t) for t in g.tasks] == [["Bộ Quốc phòng", "Bộ Lao động - Thương binh và Xã hội"]] * 2


CRITERIA_HEADINGS = [
    # (a heading, whether the units under it are criteria rather than duties)
    ("Tiêu chí thi đua", True),  # 982-KH-UBND: "Đối với các cơ quan, đơn vị" then what they are judged by
    ("TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI", True),
    ("Tiêu chuẩn, quy chuẩn kỹ thuật về dữ liệu", False),  # 60/2024/QH15 Điều 28: duties to issue them follow
    ("Trách nhiệm thực hiện", False),
]


@pytest.mark.parametrize(("heading", "criteria"), CRITERIA_HEADINGS)
def test_criteria_headings_hold_no_tasks(heading: str, criteria: bool) -> None:
    assert non_task_heading(heading) is criteria


def test_criteria_under_a_named_body_are_not_its_tasks() -> None:
    g = run("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSố: 982/KH-UBND\nKẾ HOẠCH\nIII. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG\n"
            "1. Tiêu chí thi đua\na) Đối với các cơ quan, đơn vị trên địa bàn tỉnh\n"
            "- Tổ chức tốt công tác tuyên truyền Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.\n"
            "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ hướng dẫn khen thưởng Đợt thi đua.")
    assert [leads(t) for t in g.tasks] == [["Sở Nội vụ"]]


FUNDING_SECTION = (
    # 2623/QĐ-TTg, "III. KINH PHÍ THỰC HIỆN": a funding section states the source of the money and assigns the
    # budget work; its units that name an actor and an action are tasks, its statements are not
    "THỦ TƯỚNG CHÍNH PHỦ\nSố: 2623/QĐ-TTg\nQUYẾT ĐỊNH\nIII. KINH PHÍ THỰC HIỆN\n"
    "1. Kinh phí bảo đảm thực hiện Kế hoạch này được bố trí từ nguồn ngân sách nhà nước hằng năm.\n"
    "2. Bộ Tài chính chủ trì tổng hợp, trình cấp có thẩm quyền bố trí kinh phí chi thường xuyên trong dự toán "
    "ngân sách nhà nước hằng năm.\n"
    "3. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương tổng hợp, trình Hội đồng nhân dân cùng cấp bố "
    "trí kinh phí thực hiện Kế hoạch.\n"
)


def test_a_funding_section_holds_the_budget_duties() -> None:
    assert not non_task_heading("KINH PHÍ THỰC HIỆN")
    g = run(FUNDING_SECTION)
    assert [leads(t) for t in g.tasks] == [["Bộ Tài chính"], ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]]


OBJECTIVE_AND_DUTY_HEADINGS = [
    # (a section heading, whether the units under it are objectives rather than duties)
    ("MỤC TIÊU", True),
    ("Mục tiêu, yêu cầu", True),
    # KH-UBND Lâm Đồng CCHC năm 2026: "I. MỤC TIÊU, NHIỆM VỤ" over "1. Cải cách thể chế" / "b) Nhiệm vụ" / "- Sở Tư
    # pháp tham mưu Ủy ban nhân dân tỉnh triển khai ứng dụng AI …": the section holds the plan's duties
    ("MỤC TIÊU, NHIỆM VỤ", False),
    ("QUAN ĐIỂM, MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", False),
    ("Mục tiêu: hoàn thành nhiệm vụ được giao", True),  # a target sentence, not a heading naming duties
]


@pytest.mark.parametrize(("heading", "objectives"), OBJECTIVE_AND_DUTY_HEADINGS)
def test_an_objectives_heading_that_also_names_duties_holds_tasks(heading: str, objectives: bool) -> None:
    assert non_task_heading(heading) is objectives


def test_duties_under_an_objectives_and_duties_section_are_tasks() -> None:
    # KH-UBND Lâm Đồng CCHC năm 2026, "I. MỤC TIÊU, NHIỆM VỤ": the targets under "a) Mục tiêu" stay out
    g = run("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: 100/KH-UBND\nKẾ HOẠCH\nI. MỤC TIÊU, NHIỆM VỤ\n1. Cải cách thể chế\n"
            "a) Mục tiêu\n- 100% văn bản quy phạm pháp luật được kiểm tra theo quy định.\nb) Nhiệm vụ\n"
            "- Sở Tư pháp tham mưu Ủy ban nhân dân tỉnh triển khai ứng dụng AI trong công tác phổ biến, giáo dục pháp luật.\n"
            "2. Công tác chỉ đạo, điều hành\na) Các cơ quan, đơn vị, địa phương tổ chức quán triệt đến đội ngũ cán bộ, "
            "công chức, viên chức thuộc quyền quản lý.\n")
    assert [t.text[:20] for t in g.tasks] == ["Sở Tư pháp tham mưu ", "Các cơ quan, đơn vị,"]


OWN_ACTOR_BULLETS = [
    # KH-UBND Lâm Đồng PCMT 2030, III.10: a task unit whose bullets each name their own actor: the unit and
    # each bullet are tasks
    ("10. Các sở, ban, ngành nghiên cứu, ban hành theo thẩm quyền các quy định, hướng dẫn tổ chức thực hiện các Dự án.\n"
     "- Công an tỉnh tham mưu triển khai thực hiện các nội dung tại Dự án 1.\n"
     "- Đề nghị Bộ Tư lệnh Vùng Cảnh sát biển 3 tham mưu triển khai thực hiện các nội dung tại Tiểu dự án 2.\n"
     "- Sở Y tế tham mưu triển khai thực hiện các nội dung tại Dự án 6.\n",
     ["Các sở, ban, ngành nghiên", "Công an tỉnh tham mưu tri", "Đề nghị Bộ Tư lệnh Vùng C", "Sở Y tế tham mưu triển kh"]),
    # 1187/QĐ-BNV, III.3: a heading-like unit with no actor over bullets that name theirs
    ("3. Nâng cao chất lượng, hiệu quả công tác theo dõi, đánh giá cải cách hành chính tại các bộ, cơ quan, địa phương\n"
     "- Sở Nội vụ phân công công chức thực hiện công tác theo dõi, đánh giá cải cách hành chính.\n"
     "- Sở Tư pháp tổng hợp, đánh giá tình hình, kết quả thực hiện.\n",
     ["Sở Nội vụ phân công công ", "Sở Tư pháp tổng hợp, đánh"]),
    # bullets that only go on with the unit's own action stay part of it
    ("1. Sở Tài chính chủ trì, phối hợp với các sở, ngành rà soát các nguồn vốn.\n- Vốn ngân sách trung ương;\n"
     "- Vốn ngân sách địa phương.\n", ["Sở Tài chính chủ trì, phố"]),
]


@pytest.mark.parametrize(("unit", "starts"), OWN_ACTOR_BULLETS)
def test_bullets_that_name_their_own_actor_are_tasks(unit: str, starts: list[str]) -> None:
    g = run("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: 100/KH-UBND\nKẾ HOẠCH\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + unit)
    assert [t.text[:25] for t in g.tasks] == starts


PASSIVE_GIAO = [
    # KH-UBND Lâm Đồng PCMT 2030, III.7: "được giao" is passive ("the duties given to them"), no assignment:
    # the paragraph is the heading actor's task
    "Căn cứ chức năng, nhiệm vụ được giao để lồng ghép việc triển khai hoạt động hợp tác quốc tế về phòng, chống ma túy.",
    # 1026-KH-UBND: "đáp ứng yêu cầu chuyển đổi số" asks nobody
    "Nghiên cứu, xây dựng quy chuẩn kỹ thuật về hạ tầng bảo mật đáp ứng yêu cầu chuyển đổi số trong tình hình hiện nay.",
]


@pytest.mark.parametrize("line", PASSIVE_GIAO)
def test_giao_or_yeu_cau_before_a_lower_case_word_assigns_nobody(line: str) -> None:
    g = run("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: 100/KH-UBND\nKẾ HOẠCH\nIII. NHIỆM VỤ, GIẢI PHÁP\n"
            "**7. Các sở, ban, ngành, địa phương**\n\n" + line + "\n")
    assert [(t.text[:20], leads(t)) for t in g.tasks] == [(line[:20], ["Các sở, ban, ngành, địa phương"])]


NESTED_ACTION_ITEMS = [
    # 1187/QĐ-BNV, IV.1.a: a duty of the actor above whose sub-items each carry an action of their own: the duty
    # and each sub-item are tasks of that actor
    ("a) Bộ Nội vụ, cơ quan chủ trì triển khai Đề án:\n"
     "- Ban hành và tổ chức triển khai kế hoạch xác định Chỉ số CCHC hàng năm của các bộ, các tỉnh. Trong đó:\n"
     "+ Tổ chức triển khai công tác tự đánh giá chấm điểm kết quả cải cách hành chính.\n"
     "+ Tổng hợp, xử lý số liệu, xây dựng báo cáo Chỉ số CCHC.\n",
     [("Ban hành và tổ chức ", ["Bộ Nội vụ"]), ("Tổ chức triển khai c", ["Bộ Nội vụ"]),
      ("Tổng hợp, xử lý số l", ["Bộ Nội vụ"])]),
    # sub-items that are only the objects of the duty (no verb of their own) stay part of it
    ("a) Sở Tài chính:\n- Tham mưu phân bổ các nguồn vốn sau.\n+ Vốn ngân sách trung ương;\n+ Vốn ngân sách địa phương.\n",
     [("Tham mưu phân bổ các", ["Sở Tài chính"])]),
    # 0124/KH-UBND, IV.1: "Giới thiệu" opens an action like any verb of the lexicon, so each of the bullets
    # under the duty of "Các cơ quan, đơn vị, địa phương, doanh nghiệp" is a task of that actor
    ("1. Các cơ quan, đơn vị, địa phương căn cứ chức năng, nhiệm vụ được giao xây dựng kế hoạch triển khai thực "
     "hiện đợt thi đua.\n- Giới thiệu điển hình tiên tiến trong Đợt thi đua để tuyên truyền trên các phương tiện "
     "thông tin đại chúng.\n- Khen thưởng theo thẩm quyền các tập thể, cá nhân có thành tích tiêu biểu.\n",
     [("Các cơ quan, đơn vị,", ["Các cơ quan, đơn vị, địa phương"]),
      ("Giới thiệu điển hình", ["Các cơ quan, đơn vị, địa phương"]),
      ("Khen thưởng theo thẩ", ["Các cơ quan, đơn vị, địa phương"])]),
]


@pytest.mark.parametrize(("unit", "expected"), NESTED_ACTION_ITEMS)
def test_sub_items_with_an_action_of_their_own_are_tasks(unit: str, expected: list[tuple[str, list[str]]]) -> None:
    g = run("BỘ NỘI VỤ\nSố: 1187/QĐ-BNV\nQUYẾT ĐỊNH\nIV. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm thực hiện\n" + unit)
    assert [(t.text[:20], leads(t)) for t in g.tasks] == expected


INTRO_ACTORS = [
    # 380/NQ-CP, II.1.2: the paragraph before a unit's points only names their actor
    ("1.2. Hỗ trợ khẩn cấp về nhà ở\nBộ Xây dựng:\n"
     "a) Huy động và sử dụng hiệu quả các nguồn lực để hỗ trợ Nhân dân sửa chữa nhà bị tốc mái;\n"
     "b) Chủ động rà soát, thống kê đầy đủ, chính xác để bố trí quỹ đất xây dựng mới.\n",
     [("Huy động và sử dụng ", ["Bộ Xây dựng"]), ("Chủ động rà soát, th", ["Bộ Xây dựng"])]),
    # 380/NQ-CP, II.1.4: an actor directing another over the points: the points are its tasks, the paragraph none
    ("1.4. Bảo đảm an sinh xã hội\nBộ Tài chính chỉ đạo Bảo hiểm xã hội Việt Nam:\n"
     "a) Thực hiện chi trả gộp 03 tháng lương hưu và trợ cấp bảo hiểm xã hội;\n"
     "b) Khẩn trương cấp thẻ, gia hạn thẻ bảo hiểm y tế.\n",
     [("Thực hiện chi trả gộ", ["Bộ Tài chính"]), ("Khẩn trương cấp thẻ,", ["Bộ Tài chính"])]),
]


@pytest.mark.parametrize(("unit", "expected"), INTRO_ACTORS)
def test_paragraph_naming_an_actor_before_points_hands_it_down(unit: str, expected: list[tuple[str, list[str]]]) -> None:
    g = run("CHÍNH PHỦ\nSố: 380/NQ-CP\nNGHỊ QUYẾT\nChính phủ yêu cầu các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, "
            "cơ quan thuộc Chính phủ cần tập trung thực hiện các nhiệm vụ, giải pháp trọng tâm như sau:\n"
            "II. CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM\n1. Về an sinh xã hội\n" + unit.replace("\n", "\n\n"))
    assert [(t.text[:20], leads(t)) for t in g.tasks] == expected


def test_labelled_lead_list_keeps_bodies_the_data_does_not_know() -> None:
    # 252/KH-BCĐQG1237, IV.2: every line under "Chủ trì thực hiện" names a body, known to the data or not;
    # a bracketed note under the list is none of them
    g = run("BAN CHỈ ĐẠO QUỐC GIA\nSố: 252/KH-BCĐQG1237\nKẾ HOẠCH\nIV. KIỆN TOÀN TỔ CHỨC\n1. Nội dung, biện pháp\n"
            "a) Thành lập Văn phòng Ban Chỉ đạo quốc gia 1237;\n2. Cơ quan chủ trì, phối hợp\na) Cơ quan chủ trì\n"
            "- Bộ Quốc phòng; Bộ Lao động - Thương binh và Xã hội.\n- Trung ương Hội Cựu chiến binh Việt Nam.\n"
            "- Các quân khu.\n(Văn phòng Ban Chỉ đạo, cơ quan thường trực giúp Ban Chỉ đạo các cấp thu thập thông tin).\n"
            "b) Cơ quan phối hợp\n- Mặt trận Tổ quốc Việt Nam.\n3. Thời gian thực hiện: Tháng 11, 12/2013.")
    assert [leads(t) for t in g.tasks] == [["Bộ Quốc phòng", "Bộ Lao động - Thương binh và Xã hội",
                                            "Hội Cựu chiến binh Việt Nam", "Các quân khu"]]


def test_courtesy_request_assigns_the_one_asked() -> None:
    # 380/NQ-CP, III.5: "Chính phủ trân trọng đề nghị X …": X is the actor, not the Government
    g = run("CHÍNH PHỦ\nSố: 380/NQ-CP\nNGHỊ QUYẾT\nIII. TỔ CHỨC THỰC HIỆN\n5. Chính phủ trân trọng đề nghị Ủy ban "
            "Trung ương Mặt trận Tổ quốc Việt Nam vận động, quyên góp ủng hộ Nhân dân khắc phục hậu quả thiên tai.")
    assert [leads(t) for t in g.tasks] == [["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]]


def test_plan_submitted_to_its_addressee_is_the_issuers() -> None:
    # 0204/KH-UBND Cà Mau: a plan "Kính gửi: Hội đồng nhân dân tỉnh Cà Mau"; its items that name nobody are the
    # issuer's, not the council's (the council receives the plan)
    g = run("ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: 0204/KH-UBND\nCà Mau, ngày 24 tháng 11 năm 2025\nKẾ HOẠCH\n"
            "TÀI CHÍNH - NGÂN SÁCH NHÀ NƯỚC 03 NĂM 2026 - 2028\nKính gửi: Hội đồng nhân dân tỉnh Cà Mau\n"
            "II. GIẢI PHÁP\n1. Thu ngân sách\n- Tăng cường công tác phân tích, dự báo, rà soát các nguồn thu.\n"
            "- Theo dõi chặt chẽ tiến độ thu ngân sách trên từng địa bàn.")
    assert [leads(t) for t in g.tasks] == [["Ủy ban nhân dân tỉnh Cà Mau"]] * 2


def test_collective_named_by_its_defined_head_noun() -> None:
    # 303/2025/NĐ-CP: "bộ, cơ quan ngang bộ (sau đây gọi chung là bộ)"; "Điều 4. Nhiệm vụ, quyền hạn của bộ" then
    # names that collective, not a body called "Bộ"
    g = run("CHÍNH PHỦ\nSố: 303/2025/NĐ-CP\nNGHỊ ĐỊNH\nĐiều 1. Phạm vi điều chỉnh\nNghị định này quy định chung về "
            "chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức của bộ, cơ quan ngang bộ (sau đây gọi chung là bộ).\n"
            "Điều 4. Nhiệm vụ, quyền hạn của bộ\n1. Trình Chính phủ, Thủ tướng Chính phủ xem xét, quyết định các "
            "dự án luật thuộc phạm vi quản lý nhà nước của bộ.\n2. Chỉ đạo và tổ chức thực hiện công tác tuyên "
            "truyền, phổ biến pháp luật.")
    assert [leads(t) for t in g.tasks] == [["Các bộ, cơ quan ngang bộ"]] * 2


# --------------------------------------------------------------------------- the parts of a record, a body or a check
# "… gồm:" after "Hồ sơ", "Thành phần", "Cơ cấu tổ chức", "Nội dung kiểm tra": its items are parts, no tasks
PART_LISTS = [
    # 48/2013/NĐ-CP, Điều 1 khoản 2
    ("Hồ sơ gửi Bộ Tư pháp xem xét, đánh giá, gồm:", "- Dự thảo tờ trình;\n- Dự thảo văn bản phê duyệt phương án đơn giản hóa thủ tục hành chính;"),
    # 303/2025/NĐ-CP, Điều 7 khoản 2
    ("Cơ cấu tổ chức của văn phòng, gồm:", "a) Phòng;\nb) Đơn vị sự nghiệp công lập (nếu có)."),
    # 86/2025/QĐ-UBND, Điều 8 khoản 2
    ("Thành phần Hội đồng Thi đua - Khen thưởng tỉnh gồm:",
     "a) Chủ tịch Hội đồng là Chủ tịch Ủy ban nhân dân tỉnh;\nb) Trưởng phòng Thi đua, khen thưởng, Sở Nội vụ là Ủy viên kiêm thư ký Hội đồng."),
]


@pytest.mark.parametrize(("lead_in", "items"), PART_LISTS)
def test_the_items_of_a_list_of_parts_are_no_tasks(lead_in: str, items: str) -> None:
    assert is_part_list(lead_in)
    g = run("Điều 3. Quy định chung\n1. " + lead_in + "\n" + items + "\n2. Sở Nội vụ chủ trì hướng dẫn thực hiện.\n")
    assert [t.text[:10] for t in g.tasks] == ["Sở Nội vụ "]


def test_a_unit_that_acts_then_lists_the_parts_of_it_is_the_task() -> None:
    # 302/2025/NĐ-CP, Điều 23: the paragraph is the task, the clauses after it what the check covers
    g = run("Điều 23. Kiểm tra hoạt động\nBộ Xây dựng, cơ quan quản lý Quỹ tổ chức kiểm tra định kỳ hằng năm hoặc đột "
            "xuất hoạt động của Quỹ. Nội dung kiểm tra bao gồm:\n1. Tình hình quản lý, sử dụng vốn, tài sản của Quỹ.\n"
            "2. Tình hình thu chi và kết quả hoạt động của Quỹ.\n")
    assert [t.text[:40] for t in g.tasks] == ["Bộ Xây dựng, cơ quan quản lý Quỹ tổ chức"]
    assert leads(g.tasks[0])[0] == "Bộ Xây dựng"


# --------------------------------------------------------------------------- a unit that names who holds a role
DESIGNATIONS = [
    "Cơ quan thẩm định: Sở Quy hoạch - Kiến trúc Hà Nội;",  # 71/2025/NQ-HĐND, Điều 6 khoản 5
    "Cơ quan phê duyệt: Ủy ban nhân dân thành phố Hà Nội.",
]


@pytest.mark.parametrize("line", DESIGNATIONS)
def test_a_unit_that_only_names_who_holds_a_role_is_no_task(line: str) -> None:
    g = run("Điều 6. Quy hoạch\n5. Trách nhiệm tổ chức lập, thẩm định, phê duyệt quy hoạch:\na) " + line
            + "\nb) Sở Xây dựng chủ trì tổ chức lập quy hoạch.\n")
    assert [t.text[:12] for t in g.tasks] == ["Sở Xây dựng "]


def test_a_unit_whose_items_are_what_it_sends_is_the_task() -> None:
    # 94/VBHN-BQP, Điều 22 khoản 2: the points name the contents of the report, not actions
    g = run("Điều 22. Báo cáo\n2. Bộ Chỉ huy quân sự tỉnh gửi báo cáo thông tin khắc phục hậu quả bom mìn vật nổ về "
            "Binh chủng Công binh trước ngày 25 tháng 12 hằng năm như sau:\na) Kết quả thực hiện các dự án, hạng mục, "
            "nhiệm vụ điều tra, khảo sát tại địa phương;\nb) Thông tin về các tai nạn, sự cố do bom mìn vật nổ gây ra.\n")
    assert [t.text[:30] for t in g.tasks] == ["Bộ Chỉ huy quân sự tỉnh gửi bá"]


def test_an_opening_paragraph_ending_in_a_colon_introduces_the_points() -> None:
    # 835/VBHN-BLĐTBXH, Điều 5 khoản 2: the points are the tasks, with the paragraph's actor and time limit
    g = run("Điều 5. Trách nhiệm thực hiện\n2. Trách nhiệm của Ủy ban nhân dân cấp xã:\n\nTrong thời hạn 05 ngày làm "
            "việc, kể từ ngày nhận đủ hồ sơ theo quy định (theo từng đợt), Ủy ban nhân dân cấp xã hoàn thành việc:\n\n"
            "a) Tổ chức hội nghị và lập biên bản xác nhận hồ sơ xét hưởng chế độ trợ cấp.\n\nb) Tổng hợp hồ sơ xét hưởng "
            "chế độ trợ cấp đối với TNXP báo cáo Ủy ban nhân dân cấp huyện (gửi qua Phòng Nội vụ).\n")
    assert [t.text[:9] for t in g.tasks] == ["Tổ chức h", "Tổng hợp "]
    assert all(t.deadline is not None and t.deadline.text.startswith("Trong thời hạn 05") for t in g.tasks)


def test_the_amounts_and_items_of_spending_are_no_tasks() -> None:
    # 54/2025/NQ-HĐND, Điều 3 khoản 1: "Mức kinh phí:", "Nội dung chi:" list amounts and what money pays for
    assert non_task_heading("Mức kinh phí:") and non_task_heading("Nội dung chi:")
    g = run("Điều 3. Kinh phí bảo vệ rừng\n1. Cơ quan nhà nước được giao quản lý rừng phòng hộ, đặc dụng:\na) Mức kinh phí:\n"
            "- Kinh phí bảo vệ rừng đặc dụng bình quân 1.446.000 đồng/ha/năm trên tổng diện tích rừng đặc dụng được giao.\n"
            "b) Nội dung chi:\n- Mua sắm, sửa chữa trang thiết bị phục vụ bảo vệ rừng;\n"
            "- Thực hiện các hoạt động bảo vệ rừng khác theo quy định của pháp luật về lâm nghiệp.\n")
    assert g.tasks == []


def test_a_recipient_entry_and_a_run_in_form_header_are_no_tasks() -> None:
    # 11554/VPCP-V.I: an entry of "Nơi nhận" read as a bullet of the body
    assert is_non_task("Thủ tướng Chính phủ Phạm Minh Chính (để báo cáo).")
    assert not is_non_task("Sở Y tế tổng hợp kết quả, gửi về Sở Nội vụ (để báo cáo).")
    # 158/2025/NĐ-CP, Danh mục biểu mẫu: the issuer and the motto of a form run into one line
    assert is_non_task("BỘ NỘI VỤ CỤC QUẢN LÝ LAO ĐỘNGNGOÀI NƯỚC ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - "
                       "Tự do - Hạnh phúc ---------------")


def test_the_enacting_formula_of_a_joint_circular_is_no_task() -> None:
    # 835/VBHN-BLĐTBXH: three ministers named before "ban hành Thông tư liên tịch hướng dẫn …"
    assert is_non_task("Bộ trưởng Bộ Lao động - Thương binh và Xã hội, Bộ trưởng Bộ Nội vụ, Bộ trưởng Bộ Tài chính ban hành "
                       "Thông tư liên tịch hướng dẫn thực hiện chế độ trợ cấp đối với thanh niên xung phong.")


def test_the_basis_a_letter_opens_with_is_not_the_tasks_own_text() -> None:
    # 2003/CĐ-VPCP: the task's text starts at its actor, after "Thực hiện ý kiến chỉ đạo của …,"
    g = run("Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ Phạm Minh Chính, Văn phòng Chính phủ trân trọng kính mời "
            "Lãnh đạo các Bộ, cơ quan, địa phương tham dự Hội nghị triển khai Chương trình mục tiêu quốc gia.\n")
    assert [t.text[:30] for t in g.tasks] == ["Văn phòng Chính phủ trân trọng"]


def test_a_line_of_legal_bases_is_no_task() -> None:
    # 835/VBHN-BLĐTBXH: the bases of an amending text, repeated in the consolidated text
    assert is_non_task("Căn cứ Thông tư liên tịch số 08/2012/TTLT-BLĐTBXH-BTC-BNV ngày 16 tháng 4 năm 2012 của Bộ Lao động - "
                       "Thương binh và Xã hội, Bộ Nội vụ, Bộ Tài chính hướng dẫn thực hiện chế độ trợ cấp đối với thanh "
                       "niên xung phong;")
    assert not is_non_task("Căn cứ Quyết định số 22/2013/QĐ-TTg và Thông tư số 09/2013/TT-BXD tổ chức lập và phê duyệt "
                           "Đề án hỗ trợ người có công với cách mạng về nhà ở.")


def test_a_line_that_only_gives_a_time_is_no_task() -> None:
    # 2623/QĐ-TTg and 4085/UBND-ĐT: the time of the task above it, on a line of its own
    assert is_non_task("Thời hạn ban hành: trước ngày 31 tháng 12 năm 2026.")
    assert is_non_task("Thời gian hoàn thành trước ngày 31 tháng 12 năm 2025.")
    assert not is_non_task("Thời hạn các đối tượng trả lời phiếu khảo sát: từ ngày 01/10/2025 đến 31/10/2025.")


# Units that state rather than assign (non_task_text in task_words.yaml): True = no task; the False rows are
# near misses that stay tasks.
NON_TASK_STATEMENTS = [
    # --- how a body works; a notice's announcement
    # 170/2025/NĐ-CP, Điều 9: how a council works
    ("Hội đồng kiểm tra, sát hạch làm việc theo nguyên tắc tập thể, quyết định theo đa số; trường hợp biểu quyết "
     "ngang nhau thì thực hiện theo ý kiến mà Chủ tịch Hội đồng kiểm tra, sát hạch đã biểu quyết.", True),
    # 86/2025/QĐ-UBND: the same for the emulation council
    ("Hội đồng hoạt động theo nguyên tắc tập trung, dân chủ, biểu quyết theo đa số.", True),
    # Điều lệ Hội Thiện nguyện lan tỏa yêu thương: the inspection board
    ("Ban Kiểm tra hoạt động độc lập, làm việc theo chế độ kiêm nhiệm.", True),
    ("Nguyên tắc hoạt động của Ban Kiểm tra: Ban Kiểm tra hoạt động độc lập.", True),
    # TB-UBND Lâm Đồng (kết luận cao tốc): the sentence the notice announces itself with
    ("UBND tỉnh trân trọng thông báo kết luận của đồng chí Nguyễn Hồng Hải, Phó Chủ tịch UBND tỉnh như sau:", True),
    # a duty that only ends with how a body shall work stays a task
    ("Sở Nội vụ chủ trì, phối hợp với các sở, ngành xây dựng quy chế để Hội đồng hoạt động theo nguyên tắc tập thể.",
     False),
    # --- a right a normative text grants
    # 211/2025/QĐ-UBND, Điều 14: what a body may do with a database
    ("Sở Tư pháp được khai thác, sử dụng thông tin trong Cơ sở dữ liệu phục vụ cho công tác quản lý nhà nước về "
     "công chứng, chứng thực trên địa bàn thành phố.", True),
    # 82/2025/QĐ-UBND
    ("Sở Tài chính được quyền khai thác, sử dụng thông tin về giá đất trong cơ sở dữ liệu.", True),
    # 302/2025/NĐ-CP, Điều 7: a power of the housing fund
    ("Được từ chối yêu cầu cung cấp thông tin hoặc sử dụng nguồn lực của Quỹ nếu yêu cầu đó trái với quy định của "
     "pháp luật và hoạt động của Quỹ.", True),
    # 99/2025/QĐ-UBND: those who are given an account still have duties
    ("Cơ quan, đơn vị, cá nhân được cấp tài khoản địa chỉ thư điện tử công vụ có trách nhiệm quản lý, sử dụng.", False),
    ("Giao Sở Tư pháp hướng dẫn để các tổ chức hành nghề công chứng được khai thác dữ liệu.", False),
    # --- a definition or role statement with "là"
    # 60/2024/QH15 (Luật Dữ liệu): what the fund is
    ("Quỹ phát triển dữ liệu quốc gia là quỹ tài chính nhà nước ngoài ngân sách, do Chính phủ thành lập.", True),
    # 2920/QĐ-UBND: who heads the department
    ("Giám đốc Sở Nội vụ là người đứng đầu Sở Nội vụ, chịu trách nhiệm trước Ủy ban nhân dân tỉnh.", True),
    # 144/KH-UBND (kinh tế số): statements of a plan's orientation
    ("Doanh nghiệp công nghệ số là lực lượng tiên phong trong kiến tạo hạ tầng số.", True),
    ("Trọng tâm là phát triển doanh nghiệp công nghệ số Make in Viet Nam.", True),
    ("Đột phá chiến lược là hình thành một số doanh nghiệp số có quy mô lớn.", True),
    # 2629/QĐ-TTg: a task whose object is then described with "là" stays a task
    ("Phát triển nền tảng Bình dân học vụ số, là nền tảng học trực tuyến mở đại trà quốc gia.", False),
    ("Sở Tài chính là cơ quan đầu mối, tổng hợp báo cáo Ủy ban nhân dân tỉnh.", False),
    # --- an earlier letter told as background
    # 5115/LĐTBXH-KHTC: an earlier letter told as background, after a fronted phrase
    ("Qua Sơ kết đánh giá kết quả thực hiện thí điểm Phương thức chi trả qua hệ thống Bưu điện tại 06 địa phương, "
     "ngày 16/8/2018 Bộ Lao động - Thương binh và Xã hội đã có Công văn số 3395/LĐTBXH-KHTC gửi Tổng công ty Bưu "
     "điện Việt Nam.", True),
    # 3354/VPCP-KGVX: what an earlier letter assigned
    ("Tại công văn số 8014/VPCP-KGVX ngày 09 tháng 10 năm 2012 của Văn phòng Chính phủ, Phó Thủ tướng Nguyễn Thiện "
     "Nhân đã giao Bộ Lao động - Thương binh và Xã hội xây dựng, ban hành Thông tư hướng dẫn.", True),
    ("Tại công văn số 8014/VPCP-KGVX, đề nghị Bộ Lao động - Thương binh và Xã hội khẩn trương ban hành Thông tư.",
     False),
    # --- the execution clause in its other wordings
    # 127/2025/TT-BQP, Điều 2: the execution clause with "có trách nhiệm thi hành"
    ("Cục trưởng Cục Pháp chế Bộ Quốc phòng, Thủ trưởng các cơ quan, đơn vị, tổ chức và cá nhân có liên quan có trách "
     "nhiệm thi hành Thông tư này./.", True),
    # 471/QĐ-UBND, Điều 3: "… căn cứ Quyết định thi hành"
    ("Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Công Thương, Sở Văn hóa, Thể thao và Du lịch, Ban Quản lý các "
     "khu công nghiệp tỉnh; Chủ tịch UBND các xã, phường và các tổ chức, cá nhân liên quan căn cứ Quyết định thi hành./.",
     True),
    # 1658/NQ-UBTVQH15: a clause that goes on with duties of its own stays a task
    ("Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Bắc Ninh và các cơ quan, tổ chức khác có liên quan có trách "
     "nhiệm tổ chức thi hành Nghị quyết này; sắp xếp, ổn định bộ máy các cơ quan, tổ chức ở địa phương.", False),
    # --- the instruction of an amending text
    # 112/2025/TT-BTC: the instruction of an amending text, with the amended wording run into the same unit
    ("Sửa đổi, bổ sung khoản 1, khoản 2 Điều 23 như sau: “1. Chi xây dựng, biên soạn, chỉnh sửa chương trình, tài liệu "
     "bồi dưỡng đội ngũ nhà giáo”", True),
    ("Bổ sung khoản 4 sau khoản 3 Điều 3 như sau:", True),
    # a plan's task to amend a law stays a task
    ("Sửa đổi, bổ sung Luật Khoa học và Công nghệ, hoàn thành trong năm 2026.", False),
    # --- whom a body is made of
    # Điều lệ Hội Thiện nguyện lan tỏa yêu thương: who the inspection board is
    ("Ban Kiểm tra Hội gồm Trưởng ban và các ủy viên do Ban Chấp hành bầu trong số các ủy viên Ban Chấp hành.", True),
    # 86/2025/QĐ-UBND: the members of a council
    ("Khen thưởng cấp cơ sở gồm: a) Chủ tịch Hội đồng là người đứng đầu cơ quan, đơn vị.", True),
    # 09/2025/NĐ-CP: a membership sentence followed by the body's duty is read sentence by sentence
    ("Tổ kiểm tra bao gồm đại diện Ủy ban nhân dân cấp xã. Tổ kiểm tra thực hiện phối hợp với cơ sở sản xuất tổ chức "
     "thống kê, đánh giá mức độ thiệt hại.", False),
    # setting up a body of such members is a task
    ("Sở Nội vụ chủ trì thành lập Hội đồng gồm đại diện các sở, ngành liên quan.", False),
    # --- a commendation quota: how many each body may propose
    # 0125/KH-UBND, III.2.a: the quotas of the Chairman's certificates of merit
    ("Ban Chỉ đạo bầu cử của tỉnh: Không quá 05 cá nhân;", True),
    ("Ban bầu cử đại biểu Quốc hội: 01 cá nhân/01 ban;", True),
    ("Đoàn Kiểm tra giám sát bầu cử của tỉnh: Mỗi đoàn xét chọn 01 cá nhân/01 đoàn;", True),
    # a body's duty that counts persons stays a task
    ("Sở Nội vụ: Tổng hợp danh sách 05 cá nhân đề nghị khen thưởng;", False),
    # --- a contact person for questions
    # 12094/BNV-CCHC, mục 3: whom the ministries and provinces call
    ("Tiếp nhận, giải quyết vướng mắc của các bộ: Ông Nguyễn Mạnh Cường, Vụ Cải cách hành chính, Bộ Nội vụ; số điện "
     "thoại: 0912.52.14.64; email: nguyenmanhcuong@moha.gov.vn", True),
    # a duty to report questions to an office, with its phone number, stays a task (2638/LĐTBXH-KHTC)
    ("Trong quá trình thực hiện nếu có khó khăn, vướng mắc, đề nghị phản ánh về Bộ (qua Vụ Kế hoạch - Tài chính, "
     "điện thoại: 043.8.269.544) để được hướng dẫn, giải đáp.", False),
]


@pytest.mark.parametrize(("text", "non_task"), NON_TASK_STATEMENTS)
def test_statements_are_no_tasks(text: str, non_task: bool) -> None:
    assert is_non_task(text) is non_task


def test_a_time_line_after_a_unit_is_its_deadline_not_a_task() -> None:
    # 1627/QĐ-UBND: each duty of "Sở Tài chính" is a dash item followed by its own "Thời gian hoàn thành:" line
    g = run("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nSố: 1627/QĐ-UBND\nQuảng Ngãi, ngày 21 tháng 11 năm 2025\nKẾ HOẠCH\n"
            "1. Sở Tài chính\n\n- Tham mưu triển khai thực hiện kế hoạch kiểm kê và phân công nhiệm vụ cho các\n"
            "thành viên Ban Chỉ đạo.\n\nThời\ngian hoàn thành: Tháng 11 - 12/2025.\n\n"
            "- Phối hợp với các cơ quan chuyên môn có liên quan hướng dẫn chỉ tiêu, biểu mẫu kiểm kê.\n\n"
            "Thời gian hoàn thành: Tháng 12/2025.\n")
    assert [(t.text[:9], t.deadline.due if t.deadline else None) for t in g.tasks] == [
        ("Tham mưu ", "2025-12-31"), ("Phối hợp ", "2025-12-31")]
    assert g.tasks[0].deadline.origin.startswith("labelled line after")


def test_a_long_topic_heading_over_bullets_passes_them_on() -> None:
    # 171/CV-BCĐ: "1. Về …" wraps over two lines and runs past fourteen words; its bullets are the tasks
    g = run("BAN CHỈ ĐẠO CỦA CHÍNH PHỦ\nSố: 171/CV-BCĐ\nKính gửi: Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực "
            "thuộc Trung ương.\nBan Chỉ đạo của Chính phủ yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
            "Trung ương tập trung chỉ đạo, một số nội dung cụ thể sau:\n**1. Về tổ chức thực hiện chức\nnăng, nhiệm vụ "
            "được phân cấp, phân quyền, phân định thẩm quyền**\n- Tiếp tục đánh giá tính khả thi và khả năng thực\nhiện "
            "pháp luật về phân cấp, phân quyền.\n- Tập trung lãnh đạo, chỉ đạo thực hiện sát sao, đầy đủ các nhiệm vụ "
            "được phân cấp.\n")
    assert [t.text[:9] for t in g.tasks] == ["Tiếp tục ", "Tập trung"]


def test_items_of_an_actorless_lead_in_name_their_own_actors() -> None:
    # 653/TB-VPCP: "b) Để làm tốt các nhiệm vụ sắp tới, đề nghị:" then "(i) …", "(ii) …" in the same point
    g = run("VĂN PHÒNG CHÍNH PHỦ\nSố: 653/TB-VPCP\nTHÔNG BÁO\nPhó Thủ tướng Chính phủ Bùi Thanh Sơn đã có ý kiến chỉ "
            "đạo như sau:\n1. Về Dự án Nhà máy điện Nhơn Trạch 3\na) Đánh giá cao nỗ lực của Chủ đầu tư dự án.\n"
            "b) Để làm tốt các nhiệm vụ sắp tới, đề nghị:\n(i) Tập đoàn Công nghiệp-Năng lượng quốc gia Việt\nNam báo "
            "cáo Thủ tướng Chính phủ xem xét về thời gian khánh thành dự án.\n(ii) Giao Bộ Công Thương nghiên cứu, "
            "xem xét theo thẩm quyền các đề xuất.\n")
    assert [leads(t) for t in g.tasks] == [["Tập đoàn Công nghiệp-Năng lượng quốc gia Việt Nam"], ["Bộ Công Thương"]]


def test_a_short_form_defined_after_the_subject_is_no_part_of_its_name() -> None:
    # 87/2025/QĐ-UBND: "Ủy ban nhân dân xã, phường (sau đây gọi là cấp xã) chịu trách nhiệm …"
    g = run("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nSố: 87/2025/QĐ-UBND\nQUY ĐỊNH\nĐiều 3. Về đăng ký kết hôn\n1. Ủy ban nhân "
            "dân xã, phường\n(sau đây gọi là cấp xã) chịu trách nhiệm hướng dẫn đăng ký và cấp Giấy chứng nhận kết hôn.\n")
    assert [leads(t) for t in g.tasks] == [["Ủy ban nhân dân các xã, phường"]]


def test_a_running_time_line_after_a_unit_is_neither_task_nor_deadline() -> None:
    # 1627/QĐ-UBND: "Thời gian thực hiện: Tháng 11 - 12/2025." says when the work runs (guide, Genres)
    g = run("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nSố: 1627/QĐ-UBND\nQuảng Ngãi, ngày 21 tháng 11 năm 2025\nKẾ HOẠCH\n"
            "1. Sở Tài chính\n\n- Làm đầu mối tổ chức tập huấn, hướng dẫn thực hiện tổng kiểm kê.\n\n"
            "Thời gian thực hiện: Tháng 11 - 12/2025.\n")
    assert [(t.text[:9], t.deadline) for t in g.tasks] == [("Làm đầu m", None)]

# --------------------------------------------------------------------------- organs of the body a charter defines
CHARTER_ORGANS = [
    # (unit under the charter's definition of "Hội", its lead) — Điều lệ Hội Thiện nguyện lan tỏa yêu thương Bình
    # Thuận tỉnh Lâm Đồng (2025): the organ, bare or with the short form, is the defined body's organ
    ("Ban Thường trực xem xét chấp nhận đơn gia nhập và ra quyết định công nhận hội viên mới.",
     "Ban Thường trực Hội Thiện nguyện lan tỏa yêu thương Bình Thuận tỉnh Lâm Đồng"),
    ("Khi triệu tập Đại hội, Ban Chấp hành phải công bố chương trình của Đại hội.",
     "Ban Chấp hành Hội Thiện nguyện lan tỏa yêu thương Bình Thuận tỉnh Lâm Đồng"),
    ("Ban Chấp hành Hội quy định cụ thể hình thức, thẩm quyền, thủ tục khen thưởng.",
     "Ban Chấp hành Hội Thiện nguyện lan tỏa yêu thương Bình Thuận tỉnh Lâm Đồng"),
]


@pytest.mark.parametrize(("unit", "lead"), CHARTER_ORGANS)
def test_organs_of_the_body_a_charter_defines(unit: str, lead: str) -> None:
    g = run("Điều 1. Tên gọi\nHội Thiện nguyện lan tỏa yêu thương Bình Thuận tỉnh Lâm Đồng (sau đây gọi chung là Hội) "
            "là tổ chức xã hội.\nĐiều 2. Hoạt động\n1. " + unit + "\n")
    assert [leads(t) for t in g.tasks if t.text.startswith(unit[:12])] == [[lead]]


def test_a_name_cut_inside_the_defined_full_name_is_the_full_name() -> None:
    """Điều lệ Hội Thiện nguyện …, Điều 1: the finder reads "Hội Thiện nguyện lan tỏa" before "(sau đây gọi chung là
    Hội)"; the short form's full name replaces it whole (not "… Lâm Đồng Thiện nguyện lan tỏa")."""
    from vbpl_extract.annotate import Mentions
    from vbpl_extract.models import AgencyRef
    from vbpl_extract.tasks import with_defined_name

    full = "Hội Thiện nguyện lan tỏa yêu thương Bình Thuận tỉnh Lâm Đồng"
    ref = AgencyRef(name="Hội Thiện nguyện lan tỏa", text="Hội Thiện nguyện lan tỏa", known=False)
    assert with_defined_name(ref, {"hội": full}, Mentions(None)).name == full


def test_a_heading_among_topic_headings_names_a_topic() -> None:
    """179/KH-UBND, III.1: "i) Doanh nghiệp số" beside "a) Thể chế", "b) Hạ tầng số" is a pillar, not a body;
    the bullets under it inherit the lead-in's actor."""
    g = run("Điều 2. Sở Khoa học và Công nghệ thực hiện các nhiệm vụ sau:\n"
            "a) Thể chế\n- Rà soát, hoàn thiện các quy định về kinh tế số.\n"
            "b) Hạ tầng số\n- Phát triển hạ tầng viễn thông băng rộng.\n"
            "c) Doanh nghiệp số\n- Triển khai Chương trình phát triển công nghiệp công nghệ số.\n")
    assert [leads(t) for t in g.tasks] == [["Sở Khoa học và Công nghệ"]] * 3


def test_an_actor_heading_spells_out_abbreviations() -> None:
    """987/KH-UBND, III.6: a heading naming a collective the data does not know, with an abbreviation inside."""
    g = run("III. TỔ CHỨC THỰC HIỆN\n6. Các doanh nghiệp thứ cấp đang hoạt động trong KCN\n"
            "- Chủ động phối hợp với chủ đầu tư hạ tầng KCN để cung cấp thông tin về nhu cầu sử dụng hạ tầng 5G.\n"
            "- Bảo vệ an toàn thiết bị và hạ tầng trong phạm vi quản lý.\n")
    assert [leads(t) for t in g.tasks] == [["Các doanh nghiệp thứ cấp đang hoạt động trong Khu công nghiệp"]] * 2


def test_a_short_form_defined_over_a_line_break() -> None:
    """2319/QĐ-TTg (PDF): "(sau đây gọi tắt là Ban\\nChỉ đạo)" wraps inside the bracket; the duty heading's "Ban Chỉ
    đạo" is the body the decision sets up."""
    g = run("Điều 1. Thành lập Ban Chỉ đạo quốc gia về dữ liệu (sau đây gọi tắt là Ban\nChỉ đạo) gồm các thành viên.\n"
            "Thành viên: Ủy viên chuyên trách Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ.\n"
            "Điều 3. Nhiệm vụ và quyền hạn của Ban Chỉ đạo\n"
            "1. Nghiên cứu, đề xuất với Chính phủ, Thủ tướng Chính phủ phương hướng, giải pháp phát triển dữ liệu.\n"
            "2. Giúp Chính phủ, Thủ tướng Chính phủ đôn đốc, kiểm tra việc thực hiện các nhiệm vụ về dữ liệu.\n")
    assert [leads(t) for t in g.tasks] == [["Ban Chỉ đạo quốc gia về dữ liệu"]] * 2

# A later sentence of running prose is checked against the non-task patterns by itself, not only the unit as a
# whole: the attendees' sentence after the opening of a conclusions notice (634/TB-VPCP) is no task, while the
# unit's own first sentence still is what it is.
PROSE_SENTENCES_NOT_TASKS = [
    # 634/TB-VPCP, opening paragraph: "… xử lý các kiến nghị của Tỉnh. Cùng dự buổi làm việc có lãnh đạo các Bộ, cơ
    # quan: Quốc phòng, Công an, …"
    ("Từ ngày 08 đến ngày 09 tháng 11 năm 2025 tại Thanh Hóa, Thủ tướng Chính phủ Phạm Minh Chính đã đến thăm "
     "Trạm Y tế và Công an xã Yên Khương và chủ trì buổi làm việc với Thường trực Tỉnh ủy Thanh Hóa về tình hình kinh "
     "tế - xã hội và xử lý các kiến nghị của Tỉnh. Cùng dự buổi làm việc có lãnh đạo các Bộ, cơ quan: Quốc phòng, "
     "Công an, Tài chính, Xây dựng, Văn phòng Chính phủ và các Tập đoàn: Bưu chính viễn thông Việt Nam, Công nghiệp - "
     "Viễn thông Quân đội.", "Cùng dự buổi làm việc"),
]


@pytest.mark.parametrize(("text", "opening"), PROSE_SENTENCES_NOT_TASKS)
def test_later_prose_sentence_checked_as_non_task(text: str, opening: str) -> None:
    graph = run("THÔNG BÁO\nKết luận của Thủ tướng Chính phủ\n\n" + text + "\n")
    assert not [t for t in graph.tasks if t.text.startswith(opening)]


# An office holder who heads no body of his own (a Deputy Prime Minister) named by his portfolio is written as the
# document writes him ("Phó Thủ tướng phụ trách lĩnh vực"), not cut to the office.
NAMED_OFFICES = [
    # 231/CĐ-TTg, point 3: the report goes to the Prime Minister and the Deputy in charge
    ("3. Văn phòng Chính phủ theo dõi, đôn đốc các Bộ, địa phương thực hiện nghiêm túc Công điện này; kịp thời báo "
     "cáo Thủ tướng Chính phủ, Phó Thủ tướng phụ trách lĩnh vực những vấn đề phát sinh.", "report_to",
     ["Thủ tướng Chính phủ", "Phó Thủ tướng phụ trách lĩnh vực"]),
    # 227/CĐ-TTg: the same with "Chính phủ", kept so
    ("3. Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Công điện này; báo cáo Thủ tướng Chính phủ và Phó Thủ "
     "tướng Chính phủ phụ trách lĩnh vực những vấn đề đột xuất, phát sinh.", "report_to",
     ["Thủ tướng Chính phủ", "Phó Thủ tướng Chính phủ phụ trách lĩnh vực"]),
    # 627/TB-VPCP: named by the person, the office keeps its full name (the notice writes both "Phó Thủ tướng Chính
    # phủ Trần Hồng Hà" and "báo cáo Phó Thủ tướng Trần Hồng Hà")
    ("2. Giao Phó Thủ tướng Trần Hồng Hà tiếp tục chỉ đạo.", "lead", ["Phó Thủ tướng Chính phủ Trần Hồng Hà"]),
]


@pytest.mark.parametrize(("unit", "field", "expected"), NAMED_OFFICES)
def test_named_office_as_written(unit: str, field: str, expected: list[str]) -> None:
    graph = run("THỦ TƯỚNG CHÍNH PHỦ\nSố: 231/CĐ-TTg\nCÔNG ĐIỆN\nThủ tướng Chính phủ yêu cầu:\n" + unit + "\n")
    assert [names(getattr(t, field)) for t in graph.tasks] == [expected]


# Receivers of a report, read as a list: the head of a list of bodies of one kind ("các Bộ: Tài chính, …") joins it
# (annotation guide, rule 7), and a second title of the same man after a dash is no second receiver: the Prime
# Minister stays as written, a Deputy Prime Minister stands for the body of his second title (rule 5).
REPORT_RECEIVER_LISTS = [
    # 232/CĐ-TTg, point 3
    ("3. Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng khẩn trương gửi Báo cáo về Văn phòng Chính "
     "phủ và các Bộ: Tài chính, Nông nghiệp và Môi trường trước 17 giờ ngày 27/11/2025 để tổng hợp, báo cáo Thủ tướng "
     "Chính phủ.", ["Văn phòng Chính phủ", "Bộ Tài chính", "Bộ Nông nghiệp và Môi trường"]),
    # 126/QĐ-BCĐCP (Kế hoạch, mục IV): the Prime Minister as head of the steering committee
    ("3. Hằng tháng tổng hợp, báo cáo tình hình thực hiện Kế hoạch, báo cáo Thủ tướng Chính phủ - Trưởng Ban Chỉ đạo "
     "của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 kết quả thực hiện.",
     ["Thủ tướng Chính phủ"]),
    # 11554/VPCP-V.I: a Deputy Prime Minister as head of a steering committee stands for the committee
    ("1. Bộ Công Thương hoàn thiện Kế hoạch cao điểm chống buôn lậu, gian lận thương mại và hàng giả; báo cáo Phó Thủ "
     "tướng Chính phủ - Trưởng Ban Chỉ đạo 389 quốc gia trước ngày 15 tháng 12 năm 2025.", ["Ban Chỉ đạo 389 quốc gia"]),
    # two bodies separated by a comma stay two receivers
    ("4. Bộ Công an báo cáo Thủ tướng Chính phủ, Ban Chỉ đạo 389 quốc gia.", ["Thủ tướng Chính phủ", "Ban Chỉ đạo 389 quốc gia"]),
]


@pytest.mark.parametrize(("unit", "expected"), REPORT_RECEIVER_LISTS)
def test_report_receiver_lists(unit: str, expected: list[str]) -> None:
    graph = run("THỦ TƯỚNG CHÍNH PHỦ\nSố: 232/CĐ-TTg\nCÔNG ĐIỆN\nThủ tướng Chính phủ yêu cầu Văn phòng Chính phủ:\n" + unit + "\n")
    assert [names(t.report_to) for t in graph.tasks] == [expected]


# A heading set wholly in bold that names its actor is a heading over its bullets however long (597/KH-UBND, blind:
# 21 words); the bullets inherit the body as written, and the heading is no task of its own.
_BOLD_LONG_ACTOR = (
    "**V. TỔ CHỨC THỰC HIỆN**\n\n**7. Các doanh nghiệp hoạt động\ntrong lĩnh vực xây dựng, giao thông, vận tải, "
    "logistics và công nghệ thông tin\ntrên địa bàn Tỉnh**\n\n- Chủ động phối hợp triển khai các giải pháp, nền tảng\n"
    "số phục vụ quản lý, giám sát, vận hành hạ tầng giao thông.\n\n- Ứng dụng mô hình BIM, GIS, IoT, quản lý phương "
    "tiện,\nkho bãi, bảo trì công trình trên nền tảng số.\n"
)


def test_bold_long_actor_heading_over_bullets() -> None:
    g = run(_BOLD_LONG_ACTOR)
    name = ("Các doanh nghiệp hoạt động trong lĩnh vực xây dựng, giao thông, vận tải, logistics và công nghệ thông tin "
            "trên địa bàn Tỉnh")
    assert leads(task_starting(g, "Chủ động phối hợp triển khai")) == [name]
    assert leads(task_starting(g, "Ứng dụng mô hình BIM")) == [name]
    assert no_task_with(g, "Các doanh nghiệp hoạt động")


def test_bold_long_heading_over_items_with_their_own_actors_hands_down_no_actor() -> None:
    # 402-CV/VPĐU (blind), a report's finding in bold: its bullets name their own actors and the heading is none's
    g = run("**1. Ban Chỉ đạo các cấp được thành lập thống nhất từ Trung ương đến địa phương**\n\n"
            "- Chính phủ đã thành lập Ban Chỉ đạo về phát triển khoa học, công nghệ.\n\n"
            "- Tổ Công tác cải cách hành chính, do đồng chí Bộ trưởng Bộ Nội vụ làm Tổ trưởng.\n")
    assert all("Ban Chỉ đạo các cấp" not in leads(t) for t in g.tasks if t.text.startswith(("Chính phủ", "Tổ Công tác")))


# A labelled actor line written as sentences that each name their actor and action holds one task per sentence, with
# the item's time line (172/KH-UBND, batch 22; 7360/KH-UBND, blind); a line that only lists names holds none.
_FIELDED_PLAN = (
    "**II. NỘI DUNG**\n\n**1. Phổ biến, giáo dục Luật\nViệc làm và các văn bản quy định chi tiết, hướng dẫn thi hành**\n\n"
    "- Nội dung thực hiện: Tổ chức\nphổ biến, giáo dục Luật Việc làm bằng các hình thức đa dạng.\n\n"
    "- Cơ quan thực hiện: Sở Nội vụ\nchủ trì tham mưu Ủy ban nhân dân Thành phố ban hành Kế hoạch; Sở Tư pháp và các\n"
    "sở, ban, ngành Thành phố chủ động tổ chức triển khai Luật Việc làm thuộc phạm vi, chức năng, nhiệm vụ.\n\n"
    "- Thời gian thực hiện: Năm 2025\nvà các năm tiếp theo.\n\n"
    "**2. Tổ chức kiểm tra việc thi\nhành Luật Việc làm**\n\n"
    "- Cơ quan thực hiện: Sở Nội vụ,\ncác sở, ban, ngành Thành phố trong phạm vi chức năng, nhiệm vụ của mình.\n\n"
    "- Thời gian thực hiện: Năm 2026\nvà các năm tiếp theo.\n"
)


@pytest.mark.parametrize(("start", "lead"), [
    ("Sở Nội vụ chủ trì tham mưu", "Sở Nội vụ"),
    ("Sở Tư pháp và các sở, ban, ngành", "Sở Tư pháp"),
])
def test_fielded_actor_line_of_sentences_is_tasks(start: str, lead: str) -> None:
    t = task_starting(run(_FIELDED_PLAN), start)
    assert leads(t)[0] == lead
    assert t.deadline is not None and t.deadline.text.startswith("Năm 2025")


def test_fielded_actor_line_of_names_is_no_task() -> None:
    assert no_task_with(run(_FIELDED_PLAN), "Sở Nội vụ, các sở, ban, ngành Thành phố trong phạm vi")


def test_fielded_actor_sentences_under_a_time_line_split_by_actor_are_no_tasks() -> None:
    # 2623/QĐ-TTg (blind): the time line's own "+" items are the tasks by actor; the actor line's sentences restate them
    g = run("**II. NHIỆM VỤ**\n\n4. Rà soát văn bản quy phạm\npháp luật\n\n- Nội dung: rà soát các văn\nbản quy phạm pháp "
            "luật có liên quan đến Luật.\n\n- Cơ quan thực hiện: Bộ Công\nan tiến hành rà soát các văn bản quy phạm pháp "
            "luật có liên quan đến Luật; các bộ, cơ quan ngang bộ rà soát văn bản quy phạm pháp luật được phân công.\n\n"
            "- Thời gian thực hiện:\n\n+ Các bộ, cơ quan ngang bộ gửi kết quả rà soát về Bộ\nCông an trước ngày 15 tháng 12 "
            "năm 2025.\n\n+ Bộ Công an tổng hợp kết quả\nrà soát, báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025.\n")
    assert no_task_with(g, "Bộ Công an tiến hành rà soát")


# 641/TB-VPCP (batch 23): a conclusions notice ends its assessment ("I. ĐÁNH GIÁ CHUNG") with the lead-in of its tasks;
# the items after it are tasks of the place the lead-in names (guide, Genres), the praise before it is none.
_ASSESSMENT_THEN_DUTIES = (
    "THÔNG BÁO\n\nKẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI BUỔI LÀM VIỆC VỚI THÀNH PHỐ ĐÀ NẴNG\n\n**I. ĐÁNH GIÁ CHUNG**\n\n"
    "Ghi nhận, biểu dương và đánh giá cao tinh thần đoàn kết, tích cực triển khai các nhiệm vụ của Thành phố.\n\n"
    "Để tiếp tục vận hành chính quyền địa phương 02 cấp hoạt động hiệu lực, hiệu quả, thành phố Đà Nẵng cần tập trung "
    "thực hiện tốt một số nhiệm vụ, giải pháp sau đây:\n\n"
    "1. Tăng cường hiệu quả hoạt động của bộ máy chính quyền cấp xã, tập trung nâng cao năng lực quản trị.\n\n"
    "2. Quan tâm giải quyết các vấn đề còn tồn đọng như: tài sản công dôi dư, công tác lưu trữ hồ sơ.\n\n"
    "**II. VỀ CÁC ĐỀ XUẤT, KIẾN NGHỊ CỦA THÀNH PHỐ**\n\n"
    "1. Về đề nghị Bộ Nội vụ tham mưu ban hành các cơ chế, chính sách: Bộ Nội vụ nghiên cứu đề xuất của Ủy ban nhân "
    "dân thành phố Đà Nẵng.\n"
)


@pytest.mark.parametrize("start", ["Tăng cường hiệu quả hoạt động", "Quan tâm giải quyết các vấn đề"])
def test_duties_after_the_lead_in_closing_an_assessment(start: str) -> None:
    assert leads(task_starting(run(_ASSESSMENT_THEN_DUTIES), start)) == ["Ủy ban nhân dân thành phố Đà Nẵng"]


def test_assessment_before_the_lead_in_is_no_task() -> None:
    assert no_task_with(run(_ASSESSMENT_THEN_DUTIES), "Ghi nhận, biểu dương")


# 655/TB-VPCP (batch 22): the meeting worked with a province; the items of its conclusions that name no actor are that
# province's, i.e. its People's Committee's (guide, Genres).
_COUNTERPART_NOTICE = (
    "VĂN PHÒNG CHÍNH PHỦ\nSố: 655/TB-VPCP\nHà Nội, ngày 28 tháng 11 năm 2025\n\nTHÔNG BÁO\n\nKẾT LUẬN CỦA PHÓ THỦ "
    "TƯỚNG CHÍNH PHỦ BÙI THANH SƠN TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH SƠN LA\n\nNgày 18 tháng 11 năm 2025, Phó Thủ "
    "tướng Chính phủ Bùi Thanh Sơn đã chủ trì buổi làm việc với lãnh đạo tỉnh Sơn La về tình hình sản xuất kinh "
    "doanh, đầu tư công.\n\n**II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI**\n\n"
    "5. Rà soát, xây dựng kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030, bảo đảm đầu tư trọng tâm, trọng "
    "điểm.\n\n6. Tiếp tục quan tâm, ưu tiên nguồn lực đầu tư cơ sở vật chất, trang thiết bị làm việc cho cấp xã.\n"
)


@pytest.mark.parametrize("start", ["Rà soát, xây dựng kế hoạch đầu tư công", "Tiếp tục quan tâm, ưu tiên nguồn lực"])
def test_items_naming_no_actor_are_the_counterpart_province_s(start: str) -> None:
    assert leads(task_starting(run(_COUNTERPART_NOTICE), start)) == ["Ủy ban nhân dân tỉnh Sơn La"]


def test_counterpart_only_in_a_notice() -> None:
    # the same items in a plan of a ministry name no actor: no task
    g = run(_COUNTERPART_NOTICE.replace("Số: 655/TB-VPCP", "Số: 655/KH-BTC").replace("THÔNG BÁO", "KẾ HOẠCH"))
    assert no_task_with(g, "Rà soát, xây dựng kế hoạch đầu tư công")


# A reply of a conclusions notice "Về đề nghị …: X …" is a task of X, the one named right after the request's colon,
# even when the request lists its points with ";" (641/TB-VPCP; 623/TB-VPCP, blind).
REPLIES = [
    ("1. Về đề nghị các bộ, ngành quan tâm sớm rà soát, kịp thời ban hành các văn bản hướng dẫn chi tiết về chuyên môn, "
     "nghiệp vụ, chuyên ngành, bảo đảm thống nhất, đồng bộ, tránh chồng chéo về thẩm quyền; hoàn thiện quy trình pháp lý "
     "về đất đai, tài sản công để cắt giảm quy trình, đẩy nhanh tiến độ, tạo sự linh hoạt trong việc bố trí, xử lý trụ "
     "sở, cơ sở nhà đất dôi dư của địa phương: Ủy ban nhân dân thành phố Đà Nẵng cần tiếp tục rà soát các nội dung về "
     "phân cấp, phân quyền, ủy quyền, phân định thẩm quyền giữa các cấp chính quyền, nêu rõ chồng chéo, trùng lắp về thẩm "
     "quyền; trình tự, thủ tục rườm rà; thiếu khả thi;... phối hợp với Bộ Nội vụ tổng hợp, đánh giá việc phân cấp, phân "
     "quyền trong các ngành, lĩnh vực.", "Ủy ban nhân dân thành phố Đà Nẵng"),
    ("5. Về kiến nghị xem xét, trình Quốc hội phê duyệt chủ trương đầu tư; chủ động phê duyệt đầu tư các Chương trình "
     "mục tiêu quốc gia:\n\nBộ Nông nghiệp và Môi trường khẩn trương chủ trì, phối hợp với Bộ Tài chính hoàn thiện Báo "
     "cáo trình Quốc hội.", "Bộ Nông nghiệp và Môi trường"),
]


@pytest.mark.parametrize(("unit", "lead"), REPLIES)
def test_reply_to_a_request_is_a_task_of_the_body_named_after_it(unit: str, lead: str) -> None:
    g = run("VĂN PHÒNG CHÍNH PHỦ\nSố: 641/TB-VPCP\nTHÔNG BÁO\n\n**II. VỀ CÁC ĐỀ XUẤT, KIẾN NGHỊ CỦA THÀNH PHỐ**\n\n" + unit + "\n")
    assert leads(task_starting(g, unit[3:30]))[0] == lead


# Ministries sharing their head word with no colon after it (225/CĐ-TTg, batch 23): each ministry is a lead.
SHARED_HEAD_NO_COLON = [
    ("2. Các Bộ Quốc phòng, Công an: Chỉ đạo các đơn vị trực thuộc duy trì và huy động tối đa lực lượng, phương tiện "
     "để thực hiện công tác tìm kiếm cứu nạn, cứu hộ.", ["Bộ Quốc phòng", "Bộ Công an"]),
    ("4. Các Bộ Xây dựng và Công an: Phối hợp với Công an các địa phương rà soát, kiểm tra, và cấm đường.",
     ["Bộ Xây dựng", "Bộ Công an"]),
]


@pytest.mark.parametrize(("unit", "expected"), SHARED_HEAD_NO_COLON)
def test_ministries_sharing_their_head_without_colon(unit: str, expected: list[str]) -> None:
    g = run("THỦ TƯỚNG CHÍNH PHỦ\nSố: 225/CĐ-TTg\nCÔNG ĐIỆN\nThủ tướng Chính phủ yêu cầu:\n" + unit + "\n")
    assert leads(task_starting(g, unit[3:20])) == expected


def test_hastening_is_an_action() -> None:
    # 221/CĐ-TTg (batch 23): "Đẩy nhanh …" under a ministry's label is its task
    g = run("THỦ TƯỚNG CHÍNH PHỦ\nSố: 221/CĐ-TTg\nCÔNG ĐIỆN\nThủ tướng Chính phủ yêu cầu:\n5. Bộ Nông nghiệp và Môi "
            "trường:\n\na) Chủ trì triển khai quyết liệt các nhiệm vụ.\n\nb) Đẩy nhanh công tác đàm phán mở cửa thị "
            "trường, công nhận lẫn nhau về an toàn thực phẩm.\n")
    assert leads(task_starting(g, "Đẩy nhanh công tác đàm phán")) == ["Bộ Nông nghiệp và Môi trường"]


def test_a_clause_per_deputy_prime_minister_named() -> None:
    # 225/CĐ-TTg (batch 23): "Giao A đi …; B đi …; C đi …", each Deputy Prime Minister named by person, a task each
    g = run("THỦ TƯỚNG CHÍNH PHỦ\nSố: 225/CĐ-TTg\nCÔNG ĐIỆN\nThủ tướng Chính phủ yêu cầu:\n11. Giao Phó Thủ tướng Chính "
            "phủ Lê Thành Long đi kiểm tra, đôn đốc, chỉ đạo công tác ứng phó, khắc phục hậu quả mưa lũ tại tỉnh Gia Lai; "
            "Phó Thủ tướng Chính phủ Hồ Đức Phớc đi kiểm tra, đôn đốc, chỉ đạo công tác ứng phó, khắc phục hậu quả mưa lũ "
            "tại tỉnh Đắk Lắk; Phó Thủ tướng Chính phủ Hồ Quốc Dũng đi kiểm tra, đôn đốc, chỉ đạo công tác ứng phó, khắc "
            "phục hậu quả mưa lũ tại các tỉnh: Khánh Hòa và Lâm Đồng.\n")
    assert [leads(t) for t in g.tasks] == [["Phó Thủ tướng Chính phủ Lê Thành Long"], ["Phó Thủ tướng Chính phủ Hồ Đức Phớc"],
                                           ["Phó Thủ tướng Chính phủ Hồ Quốc Dũng"]]


def test_a_later_sentence_opening_with_its_actor_as_a_label() -> None:
    # 225/CĐ-TTg (batch 23): item 6 goes on with another ministry written as a label before its action
    g = run("THỦ TƯỚNG CHÍNH PHỦ\nSố: 225/CĐ-TTg\nCÔNG ĐIỆN\nThủ tướng Chính phủ yêu cầu:\n6. Bộ Y tế: Khẩn trương hỗ trợ "
            "ngay thuốc, vật tư, hóa chất vệ sinh cho các địa phương. Chỉ đạo lực lượng y tế cơ sở khẩn trương hướng dẫn "
            "công tác vệ sinh môi trường sau lũ và phòng chống dịch bệnh ngay khi nước rút.\nBộ Giáo dục và Đào tạo: Chỉ "
            "đạo các cơ sở giáo dục và Lãnh đạo địa phương phải ưu tiên hàng đầu việc bảo đảm an toàn cho học sinh.\n")
    assert leads(task_starting(g, "Bộ Giáo dục và Đào tạo: Chỉ đạo")) == ["Bộ Giáo dục và Đào tạo"]
    assert leads(task_starting(g, "Bộ Y tế: Khẩn trương")) == ["Bộ Y tế"]


def test_party_committee_and_government_of_the_place() -> None:
    # 641/TB-VPCP (batch 23): "Cấp ủy, chính quyền Thành phố" is two bodies (guide, Genres)
    g = run(_ASSESSMENT_THEN_DUTIES.replace(
        "1. Tăng cường hiệu quả", "1. Cấp ủy, chính quyền Thành phố phải xác định việc tổ chức và vận hành hiệu quả chính "
        "quyền địa phương 02 cấp là nhiệm vụ hết sức quan trọng.\n\n3. Tăng cường hiệu quả"))
    assert leads(task_starting(g, "Cấp ủy, chính quyền Thành phố")) == ["Thành ủy Đà Nẵng", "Ủy ban nhân dân thành phố Đà Nẵng"]


@pytest.mark.parametrize(("heading", "expected"), [
    # 07-KL/VPTW: "1. Về đánh giá tình hình hoạt động từ tháng 6/2022 đến nay" over what the offices did: an
    # assessment, like "Đánh giá …" (guide rule 8), even written as a topic with "Về"
    ("Về đánh giá tình hình hoạt động từ tháng 6/2022 đến nay", True),
    ("Đánh giá tình hình thực hiện", True),
    # 402-CV/VPĐU: "I. Về kết quả thực hiện" heads comments on a draft report ("1. Đề nghị bổ sung …")
    ("Về kết quả thực hiện", False),
])
def test_assessment_heading_as_a_topic_holds_no_tasks(heading: str, expected: bool) -> None:
    assert non_task_heading(heading) is expected


KL_TW = ("Bộ Chính trị, Ban Bí thư kết luận như sau:\n"
         "**1.** Cơ bản thống nhất với Báo cáo của Ban Tổ chức Trung ương. Bộ Chính trị, Ban Bí thư ghi nhận\n"
         "và biểu dương các cấp uỷ, tổ chức đảng, Đảng uỷ Chính phủ, Đảng uỷ Quốc hội đã tiếp tục nỗ lực.\n"
         "**2.** Yêu cầu các cấp uỷ, tổ\nchức đảng, các cơ quan, đơn vị, địa phương nghiêm túc triển khai kịp thời, hiệu\n"
         "quả các kết luận, chỉ đạo của Bộ Chính trị.\n"
         "Yêu cầu các đồng chí bí thư tỉnh\nuỷ, thành uỷ, các đồng chí bộ trưởng, thủ trưởng cơ quan ngang bộ phải quán\n"
         "xuyến và trực tiếp chỉ đạo những nhiệm vụ được phân công.\n"
         "**3.** Giao Đảng uỷ Chính phủ\nlãnh đạo, chỉ đạo các bộ, ngành tiếp tục rà soát toàn bộ hệ thống văn bản.\n")


@pytest.mark.parametrize(("start", "lead"), [
    # 221-KL/TW (a Party conclusion; guide, Genres: "Yêu cầu các cấp ủy, tổ chức đảng …" is a task, the collective as
    # written): praise is no task, a Party collective is an actor, and office holders each named with "các đồng chí"
    # are the bodies they head (guide rule 5)
    ("Yêu cầu các cấp uỷ", ["Các cấp ủy, tổ chức đảng, các cơ quan, đơn vị, địa phương"]),
    ("Yêu cầu các đồng chí", ["Các tỉnh ủy, thành ủy", "Các bộ, cơ quan ngang bộ"]),
    ("Giao Đảng uỷ Chính phủ", ["Đảng ủy Chính phủ"]),
])
def test_party_conclusion_items(start: str, lead: list[str]) -> None:
    g = run(KL_TW)
    assert [t.text[:20] for t in g.tasks] == [s[:20] for s in ("Yêu cầu các cấp uỷ, tổ", "Yêu cầu các đồng chí bí",
                                                             "Giao Đảng uỷ Chính phủ")]
    assert [leads(t) for t in g.tasks if t.text.startswith(start)] == [lead]


def test_paragraph_opening_with_its_action_is_a_task_of_the_actor_before() -> None:
    # 37-HD/BTGDVTW, IV.2: the item's later paragraphs each open with an action and no actor: each is a task of the
    # item's actor (guide rules 2 and 4: "2 / đoạn 2", "2 / đoạn 3"); a sentence of the same paragraph is not
    g = run("**IV. TỔ CHỨC THỰC HIỆN**\n\n**2.** Các tỉnh ủy, thành ủy, đảng ủy trực thuộc\nTrung ương cụ thể hóa hướng "
            "dẫn này phù hợp với thực tiễn địa phương, đơn vị;\nchỉ đạo cấp ủy, chi bộ trực thuộc thực hiện nghiêm túc, "
            "hiệu quả. Đưa kết quả đổi\nmới Bản tin sinh hoạt chi bộ vào Khung tiêu chí.\n\n"
            "Chỉ đạo các cấp ủy, tổ chức đảng trực thuộc hướng dẫn\nđảng viên sử dụng Sổ tay đảng viên điện tử.\n\n"
            "Bố trí kinh phí, trang bị phương tiện, tài liệu phục\nvụ công tác biên soạn Bản tin sinh hoạt chi bộ.\n")
    assert [(t.text[:20], leads(t)) for t in g.tasks] == [
        ("Các tỉnh ủy, thành ủ", ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"]),
        ("Chỉ đạo các cấp ủy, ", ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"]),
        ("Bố trí kinh phí, tra", ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"]),
    ]


def test_short_form_written_with_an_abbreviation_is_the_body_it_defines() -> None:
    # 78/2025/QĐ-UBND Bắc Ninh (Quy chế): "UBND các xã, phường (sau đây gọi tắt là UBND cấp xã)" — the short form,
    # abbreviation and all, stands for the body named before it (guide, Genres: the fullest form the document gives)
    g = run("Điều 2. Đối tượng áp dụng\n\n1. Các sở, ban, ngành; UBND\ncác xã, phường (sau đây gọi tắt là UBND cấp xã); "
            "các cá nhân, tổ chức khác.\n\nĐiều 9. Trách nhiệm xử lý\n\n1. Định kỳ hàng tháng, UBND cấp xã chỉ đạo xem xét "
            "lại các phản ánh kiến nghị chưa được xử lý.\n")
    assert [leads(t) for t in g.tasks] == [["Ủy ban nhân dân các xã, phường"]]


def test_short_form_that_is_a_level_names_the_committees() -> None:
    # 87/2025/QĐ-UBND Lai Châu: "Ủy ban nhân dân xã, phường (sau đây gọi là cấp xã) chịu trách nhiệm …", later
    # "Ủy ban nhân dân cấp xã có trách nhiệm …": the level alone stands for the committees the document named
    g = run("Điều 5. Đăng ký kết hôn\n\n1. Ủy ban nhân dân xã, phường (sau đây gọi là cấp xã) chịu trách nhiệm hướng dẫn "
            "đăng ký kết hôn.\n\n2. Ủy ban nhân dân cấp xã có trách nhiệm tổ chức trao Giấy chứng nhận kết hôn.\n")
    assert [leads(t) for t in g.tasks][-1] == ["Ủy ban nhân dân các xã, phường"]


def test_name_a_quoted_rule_gives_in_passing_is_no_short_form() -> None:
    # 5402/CT-CS: "… báo cáo Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương (gọi là UBND tỉnh) …" quotes a
    # rule; the letter's later "UBND tỉnh" is the addressee's own province, not every province
    g = run("Kính gửi: Thuế tỉnh Tây Ninh\n\nTheo quy định, cơ quan thuế cấp tỉnh tổng hợp, báo cáo Ủy ban nhân dân "
            "tỉnh, thành phố\ntrực thuộc trung ương (gọi là UBND tỉnh) điều chỉnh Bảng giá.\n\nĐề nghị Thuế tỉnh Tây Ninh "
            "khẩn trương báo cáo, tham mưu UBND tỉnh ban hành Bảng giá.\n")
    asked = [t for t in g.tasks if t.text.startswith("Đề nghị Thuế tỉnh")]
    assert [[r.name for r in t.report_to] for t in asked] == [["Ủy ban nhân dân tỉnh"]]


def test_heading_with_examples_in_brackets_names_its_actor() -> None:
    # 06/CT-UBND Quảng Trị: "5. Các chủ rừng là tổ chức (các Ban quản lý rừng đặc dụng, …)" over its bullets: the
    # examples in brackets are no part of the heading, which names the actor of the bullets (a plural role)
    g = run("CHỈ THỊ\nVề tăng cường quản lý rừng\n\n5. Các chủ rừng là tổ chức (các\nBan quản lý rừng đặc dụng, rừng "
            "phòng hộ, các Công ty nông, lâm nghiệp…)\n\n- Thực hiện đầy đủ quyền, nghĩa\nvụ và trách nhiệm chủ rừng theo "
            "quy định của Luật Lâm nghiệp.\n\n- Tiếp tục kiểm tra, rà soát toàn bộ diện tích rừng.\n")
    assert [leads(t) for t in g.tasks] == [["Các chủ rừng là tổ chức"], ["Các chủ rừng là tổ chức"]]


# A letter's verb-led units that name no one are instructions to its "Kính gửi" addressees (guide, Genres: Công văn),
# whatever their verb; an item over bullets is their title (rule 2); "Giao …" names its own actor; what follows the
# signature (a criteria table, 5155/SGDĐT) is an annex.
LETTER = ("**Kính gửi:** Các cơ sở\nđào tạo trực thuộc Bộ\n\nBộ Văn hóa, Thể thao và Du lịch đề nghị các cơ sở đào tạo "
          "thực hiện một số nhiệm vụ năm học 2025 - 2026 như sau:\n\n**II. NHIỆM VỤ CỤ THỂ**\n\n")
LETTER_INSTRUCTIONS = [
    # 6386/BVHTTDL-KHCNĐTMT (batch 23), II.3: a heading whose verb is no imperative opener, its bullets hard-wrapped
    (LETTER + "3.\nHoàn thành công tác tuyển sinh năm học 2025 - 2026 theo đúng quy định\n\n-\nHoàn thành công tác "
     "tuyển sinh năm học 2025 - 2026 theo kế hoạch chung, bảo đảm chất lượng đầu vào.\n\n-\nHoàn thiện và sớm công bố "
     "đề án tuyển sinh năm học 2026 - 2027.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n"
     "Phan Tâm\n\n**BẢNG TIÊU CHÍ**\n\n4.2. Tập huấn chuyên môn nghiệp vụ cho cán bộ quản lý.\n",
     [("Hoàn thành công tác tuyển sinh năm học 2025 - 2026 theo kế hoạch", ["Các cơ sở đào tạo trực thuộc Bộ"]),
      ("Hoàn thiện và sớm công bố", ["Các cơ sở đào tạo trực thuộc Bộ"])]),
]


@pytest.mark.parametrize(("text", "expected"), LETTER_INSTRUCTIONS)
def test_letter_instructions_are_the_addressees(text: str, expected: list[tuple[str, list[str]]]) -> None:
    got = [(" ".join(t.text.split()), leads(t)) for t in run(text).tasks]
    assert len(got) == len(expected)
    for (text_, lead), (opening, want) in zip(got, expected, strict=True):
        assert text_.startswith(opening) and lead == want


# In a letter, an item with no actor and no closing punctuation that opens like an instruction, over bullets that
# mostly do too, is their title, not a task (guide rule 2); its bullets are the addressees' (Genres: Công văn).
SIGNED = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nPhan Tâm\n"
LETTER_TITLES = [
    # 6386/BVHTTDL-KHCNĐTMT (batch 23), II.7: a title closed by a full stop; its first bullet opens with no verb
    (LETTER + "7.\nTriển khai thực hiện Phong trào thi đua “70 ngày cao điểm” lập thành tích chào mừng Đại hội.\n\n"
     "- Tập thể Ban Giám hiệu, cán bộ, giảng viên, người lao động trong toàn trường quyết tâm thi đua.\n\n"
     "- Tổ chức ít nhất một sự kiện, hoạt động văn hóa/nghệ thuật/thể thao chào mừng Đại hội.\n" + SIGNED,
     ["Tập thể Ban Giám hiệu", "Tổ chức ít nhất một sự kiện"]),
    # 5680/CT-CS: bullets that cite the law under a letter's opinion are no instructions (and no title above them)
    ("**Kính gửi:** Ban Tuyên giáo và Dân vận Trung ương\n\nCục Thuế có ý kiến như sau:\n\n"
     "1. Thực hiện chính sách thuế đối với thu nhập từ nhiệm vụ khoa học và công nghệ\n\n"
     "- Tại Điều 11 Luật thuế thu nhập cá nhân số 04/2007/QH12 quy định thu nhập chịu thuế.\n\n"
     "- Tại khoản 9 Điều 71 Luật khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15 quy định bãi bỏ.\n" + SIGNED,
     ["Thực hiện chính sách thuế"]),
]


@pytest.mark.parametrize(("text", "openings"), LETTER_TITLES)
def test_letter_title_over_bullets_is_no_task(text: str, openings: list[str]) -> None:
    got = run(text).tasks
    assert len(got) == len(openings)
    for t, opening in zip(got, openings, strict=True):
        assert " ".join(t.text.split()).startswith(opening) and leads(t) == [leads(got[0])[0]]


# A lead-in that names a body the data does not know by its role, before the duty that hands out the items below,
# gives that body to them (guide rule 4), as written.
ROLE_LEAD_INS = [
    # 7197/BKHCN-CĐSQG (batch 23), Phụ lục, 2.3.a (Bước 1)
    ("**2.3. Quy trình số hóa**\n\n**a) Bước 1. Chuẩn bị và\nphân loại tài liệu**\n\nCơ quan thực hiện số hóa thực\n"
     "hiện các hoạt động sau:\n\n- Phân loại mức độ ưu tiên số\nhóa để lựa chọn những tài liệu số hóa phù hợp với nhu "
     "cầu.\n\n- Kiểm tra sơ bộ trước khi\nthực hiện số hóa.\n", ["Cơ quan thực hiện số hóa"] * 2),
]


@pytest.mark.parametrize(("body", "expected"), ROLE_LEAD_INS)
def test_role_lead_in_gives_its_items_an_actor(body: str, expected: list[str]) -> None:
    g = run("BỘ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 7197/BKHCN-CĐSQG\nHà Nội, ngày 20 tháng 11 năm 2025\nHƯỚNG DẪN\n"
            "SỐ HÓA TÀI LIỆU\n" + body)
    assert [n for t in g.tasks for n in leads(t)] == expected


# In a letter, a heading of requirements is what it asks of its addressees: its items are tasks (guide, Genres:
# Công văn), unlike a plan's "Mục đích, yêu cầu" (rule 8).
LETTER_REQUIREMENTS = [
    # 6397/UBND-KT Hà Nội (batch 23), 1.2
    ("Kính gửi:\n- Các sở, ban, ngành thuộc Thành phố;\n- Ủy ban nhân dân các xã, phường.\n\n"
     "**1. Yêu cầu chung:**\n\n*1.2. Đối với công tác lựa chọn nhà thầu:*\n\n- Thực hiện và chỉ đạo các chủ đầu tư, "
     "bên mời thầu tổ chức thực hiện việc đấu thầu đảm bảo đúng trình tự, thủ tục.\n\n- Lựa chọn tư vấn đấu thầu có đủ "
     "năng lực, kinh nghiệm, uy tín trong việc thực hiện hợp đồng.\n" + SIGNED, 2),
]


@pytest.mark.parametrize(("text", "count"), LETTER_REQUIREMENTS)
def test_letter_requirements_are_tasks(text: str, count: int) -> None:
    g = run(text)
    assert len(g.tasks) == count
    assert all(leads(t) == [a.name for a in g.document.addressee_agencies] for t in g.tasks)


# A collective the "Kính gửi" list writes in a fuller form, with its owner after "thuộc", is written so (guide, Genres:
# the fullest form the document gives).
FULLER_ADDRESSEES = [
    # 6397/UBND-KT Hà Nội (batch 23): the opening lead-in names "các sở, ban, ngành"
    ("Kính gửi:\n- Các sở, ban, ngành thuộc Thành phố;\n- Ủy ban nhân dân các xã, phường.\n\nThực hiện chỉ đạo của "
     "Ban Thường vụ Thành ủy, UBND Thành phố yêu cầu các sở, ban, ngành, UBND các xã, phường tiếp tục nghiên cứu, tuân "
     "thủ thực hiện một số nội dung sau:\n\n1. Thực hiện và chỉ đạo các chủ đầu tư tổ chức thực hiện việc đấu thầu đảm "
     "bảo đúng trình tự, thủ tục.\n" + SIGNED, ["Các sở, ban, ngành thuộc Thành phố", "Ủy ban nhân dân các xã, phường"]),
]


@pytest.mark.parametrize(("text", "expected"), FULLER_ADDRESSEES)
def test_collective_written_as_its_fuller_addressee(text: str, expected: list[str]) -> None:
    assert [leads(t) for t in run(text).tasks] == [expected]


# The closing request that adds no action of its own is no task, as a unit or as a later sentence of one (guide,
# Genres: a closing accountability sentence is not a task); one that names a further action is.
CLOSING_REQUESTS = [
    # 5095/SGDĐT-CTTTHSSV (batch 23), last paragraph
    ("Sở Giáo dục và Đào tạo đề nghị Thủ trưởng các đơn vị nghiêm túc thực hiện./.", 0),
    # 7360/KH-UBND: the last sentence of the last item
    ("3. Sở Khoa học và Công nghệ theo dõi, đôn đốc việc thực hiện Kế hoạch này. Ủy ban nhân dân tỉnh yêu cầu các "
     "cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện./.", 1),
    # 2428/2013/CV-BXD: a further action ("chỉ đạo … tổ chức thực hiện") is a task
    ("Đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo các cơ quan có liên quan tổ chức thực "
     "hiện./.", 1),
]


@pytest.mark.parametrize(("body", "count"), CLOSING_REQUESTS)
def test_closing_request_is_no_task(body: str, count: int) -> None:
    g = run("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 7360/KH-UBND\nLâm Đồng, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"
            "Triển khai nhiệm vụ\nIII. TỔ CHỨC THỰC HIỆN\n" + body)
    assert len(g.tasks) == count


# A heading over sub-items that names an office holder of a group the data does not know stands for that group
# (guide rule 5: "Thủ trưởng các sở, ban, ngành" -> "Các sở, ban, ngành").
OFFICE_HOLDER_HEADINGS = [
    # 6316/BVHTTDL-VP, 1
    ("**1. Thủ\ntrưởng các cơ quan tham mưu, quản lý nhà nước thuộc Bộ**\n- Ứng dụng mạnh mẽ khoa học công nghệ, đổi mới "
     "sáng tạo, chuyển đổi số.\n- Tăng cường kỷ luật, kỷ cương hành chính.\n",
     [["Các cơ quan tham mưu, quản lý nhà nước thuộc Bộ"]] * 2),
]


@pytest.mark.parametrize(("body", "expected"), OFFICE_HOLDER_HEADINGS)
def test_office_holder_heading_names_its_group(body: str, expected: list[list[str]]) -> None:
    g = run("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nSố: 6316/BVHTTDL-VP\nHà Nội, ngày 20 tháng 11 năm 2025\n"
            "Bộ trưởng giao:\n" + body + SIGNED)
    assert [leads(t) for t in g.tasks] == expected

# A unit whose subject states a fact ("Bộ Nội vụ đã hướng dẫn …") and which then asks a body ("Vì vậy, đề nghị Ủy ban
# nhân dân các tỉnh …") gives its task to the one asked (guide rule 1: the actor is who must act).
STATED_THEN_ASKED = [
    # 11208/BNV-KHTC (batch 24), 2
    ("2. Về mức chi phí quản lý (tỷ lệ %) của 34 địa phương: Trên cơ sở ý kiến của Bộ Tài chính, Bộ Nội vụ đã hướng "
     "dẫn Sở Nội vụ các tỉnh thành phố trực thuộc trung ương xác định mức chi phí quản lý. Vì vậy, đề nghị Ủy ban nhân "
     "dân các tỉnh, thành phố trực thuộc trung ương căn cứ mức chi phí quản lý đã được xác định để trình Hội đồng "
     "nhân dân cấp tỉnh quy định tỷ lệ chi phí quản lý.\n",
     [["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]]),
]


@pytest.mark.parametrize(("body", "expected"), STATED_THEN_ASKED)
def test_stated_subject_then_asked_body_leads(body: str, expected: list[list[str]]) -> None:
    g = run("BỘ NỘI VỤ\nSố: 11208/BNV-KHTC\nHà Nội, ngày 26 tháng 11 năm 2025\nKính gửi: Ủy ban nhân dân các tỉnh, "
            "thành phố trực thuộc trung ương\n1. Tại thời điểm tổng hợp dự toán, các địa phương đang triển khai sắp "
            "xếp.\n" + body + SIGNED)
    assert [leads(t) for t in g.tasks] == expected

# A paragraph that opens with its actor is a task of its own, even when the paragraph before it (in the same article,
# on the line before) had the same actor (guide rule 3: one task per assignment).
SAME_ACTOR_PARAGRAPHS = [
    # 393/NQ-CP (batch 24), Điều 1: two paragraphs of the Bộ Nội vụ
    ("Điều 1. Thông qua Báo cáo tiếp thu, giải trình ý kiến của các vị đại biểu Quốc hội về dự án Luật Viên chức "
     "(sửa đổi). Bộ Nội vụ chịu trách nhiệm về nội dung giải trình, tiếp thu.\nBộ Nội vụ chủ trì, phối hợp với các "
     "Bộ, cơ quan liên quan tiếp thu đầy đủ ý kiến của các Thành viên Chính phủ để hoàn thiện Báo cáo và Dự thảo Luật "
     "theo quy định.\n",
     ["Bộ Nội vụ chịu trách nhiệm", "Bộ Nội vụ chủ trì, phối hợp"]),
]


@pytest.mark.parametrize(("body", "expected"), SAME_ACTOR_PARAGRAPHS)
def test_paragraph_with_same_actor_is_own_task(body: str, expected: list[str]) -> None:
    g = run("CHÍNH PHỦ\nSố: 393/NQ-CP\nHà Nội, ngày 02 tháng 12 năm 2025\nNGHỊ QUYẾT\nVề dự án Luật Viên chức "
            "(sửa đổi)\nQUYẾT NGHỊ:\n" + body + "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
            + SIGNED)
    assert [t.text[:len(p)] for t, p in zip(g.tasks, expected, strict=False)] == expected
    assert len(g.tasks) == len(expected)


def test_distributive_actor_is_the_collective() -> None:
    # 40-HD/BTGDVTW: "Mỗi tỉnh ủy, thành ủy chọn cử tối đa 05 người …" is a task of every committee (guide rule 7:
    # the collective as written)
    g = run("KẾ HOẠCH\nXây dựng đội ngũ báo cáo viên\n\n1. Số lượng\n\n- Mỗi tỉnh ủy, thành ủy chọn cử tối đa 05 người tham "
            "gia đội ngũ báo cáo viên Trung ương.\n")
    assert [leads(t) for t in g.tasks] == [["Các tỉnh ủy, thành ủy"]]


EXTERNAL = ROOT / "corpus" / "external"


def test_italic_caption_with_a_spaced_star_is_no_bullet() -> None:
    # 2853/QĐ-UBND (TP HCM): "* (Ban hành kèm theo Quyết định số 2853/QĐ-UBND …)*" under the plan's title is an
    # italic caption, not a list item: read as a bullet it swallowed the plan, and "1. Giao Sở … là cơ quan đầu mối,
    # …; tổ chức thực hiện các nhiệm vụ sau:" over its dashes became one task
    tasks = extract_text((EXTERNAL / "tnt305_extra" / "437c3beb60ae2874.md").read_text(encoding="utf-8")).tasks
    focal = [t for t in tasks if leads(t) == ["Sở Nông nghiệp và Môi trường"]]
    assert len(focal) == 8
    assert not [t for t in tasks if t.text.startswith("Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối")]
    assert focal[0].unit.endswith("V / 1 / gạch đầu dòng 1")


def test_rowspan_cells_at_a_rows_end_come_from_the_row_above() -> None:
    g = extract_text(
        "Điều 1. Ban hành kèm theo Quyết định này Lịch phổ biến thông tin thống kê năm 2026.\n\n"
        "LỊCH PHỔ BIẾN THÔNG TIN THỐNG KÊ NĂM 2026\n\n(Ban hành kèm theo Quyết định số 1383/QĐ-BNV)\n\n"
        "| STT | Tên thông tin thống kê | Mức độ hoàn chỉnh | Thời gian phổ biến | Đơn vị chịu trách nhiệm phổ biến |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Số đơn vị hành chính | Chính thức | Tháng 6/2026 | Vụ Chính quyền địa phương |\n"
        "| 2 | Số đại biểu Hội đồng nhân dân | Chính thức | | |\n"
        "| II | Nhóm chỉ tiêu về lao động | | | |\n"
        "| 3 | Số vụ tai nạn lao động | Chính thức | Tháng 3/2026 | Cục An toàn lao động |\n")
    rows = {t.text: t for t in g.tasks}
    assert leads(rows["Số đại biểu Hội đồng nhân dân"]) == ["Vụ Chính quyền địa phương"]
    assert rows["Số đại biểu Hội đồng nhân dân"].deadline.due == "2026-06-30"
    assert "Nhóm chỉ tiêu về lao động" not in rows  # a group row numbered otherwise: nothing merged into it
    assert leads(rows["Số vụ tai nạn lao động"]) == ["Cục An toàn lao động"]


def test_statistics_calendar_rows_are_tasks() -> None:
    # 1383/QĐ-BNV: "Lịch phổ biến thông tin thống kê năm 2026", one release per row, its unit in the column
    # "Đơn vị chịu trách nhiệm phổ biến", blank cells merged down from the row above
    tasks = extract_text((EXTERNAL / "tnt305_extra" / "295bcce4a429a236.md").read_text(encoding="utf-8")).tasks
    rows = {t.text: t for t in tasks}
    assert leads(rows["Số đại biểu Hội đồng nhân dân"]) == ["Vụ Chính quyền địa phương"]
    assert leads(rows["Số vụ tai nạn lao động"]) == ["Cục Việc làm"]
    assert len([t for t in tasks if t.unit.startswith("Lịch phổ biến")]) >= 29


def test_head_of_a_collective_stands_for_it() -> None:
    g = extract_text("Điều 1. Thủ trưởng các đơn vị thuộc, trực thuộc Bộ chịu trách nhiệm xây dựng kế hoạch.")
    assert [leads(t) for t in g.tasks] == [["Các đơn vị thuộc, trực thuộc Bộ"]]


def test_party_committees_of_the_addressed_places() -> None:
    # 219/CĐ-TTg: "Đồng chí Bí thư tỉnh ủy, thành ủy và Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Hà Tĩnh, Huế, …",
    # later "Bí thư tỉnh ủy, thành ủy và Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên …": each place's
    # Party committee and People's Committee (guide rule 7)
    tasks = extract_text((EXTERNAL / "tnt305_extra" / "3143124c69d932d4.md").read_text(encoding="utf-8")).tasks
    [t] = [t for t in tasks if t.text.startswith("Huy động lực lượng quân đội, công an")]
    assert {"Tỉnh ủy Hà Tĩnh", "Thành ủy Huế", "Thành ủy Đà Nẵng", "Ủy ban nhân dân thành phố Huế"} <= set(leads(t))
    assert "Các tỉnh ủy, thành ủy" not in leads(t)


def test_role_and_partners_over_items_is_a_lead_in() -> None:
    # 2954/QĐ-UBND (Sơn La): "1. Sở Công Thương" / "a) Chủ trì, phối hợp với các sở, ban, ngành, UBND các xã, phường
    # và cơ quan, đơn vị có liên quan" over dash items: the items are the tasks; a point with its own action stays one
    g = extract_text("V. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\na) Phối hợp với Sở Tư pháp triển khai kế hoạch có liên quan\n"
                     "b) Chủ trì, phối hợp với các sở, ngành có liên quan\n- Tổ chức tập huấn cho cán bộ.\n- Xây dựng báo cáo.\n")
    assert [t.text for t in g.tasks] == ["Phối hợp với Sở Tư pháp triển khai kế hoạch có liên quan",
                                         "Tổ chức tập huấn cho cán bộ.", "Xây dựng báo cáo."]
    assert [leads(t) for t in g.tasks] == [["Sở Tài chính"]] * 3
    assert [names(t.coordinators) for t in g.tasks] == [["Sở Tư pháp"], ["Các sở, ngành có liên quan"],
                                                        ["Các sở, ngành có liên quan"]]


def test_actor_line_closing_the_bullets_above_it() -> None:
    # 104-CTr/TU (Tỉnh ủy Lào Cai): each part of a Party action programme ends "Trách nhiệm chỉ đạo thực hiện: …"
    g = extract_text("III. NHIỆM VỤ\n3. Nhiệm vụ thường xuyên\n3.1. Tăng cường sự lãnh đạo của Đảng\n"
                     "- Quán triệt sâu sắc quan điểm bảo vệ môi trường.\n- Phát huy vai trò của Mặt trận Tổ quốc.\n"
                     "Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh.\n")
    assert [t.text for t in g.tasks] == ["Quán triệt sâu sắc quan điểm bảo vệ môi trường.",
                                         "Phát huy vai trò của Mặt trận Tổ quốc."]
    assert [leads(t) for t in g.tasks] == [["Đảng ủy Ủy ban nhân dân tỉnh"]] * 2


@pytest.mark.parametrize("asks", ["đề nghị", "kính đề nghị", "trân trọng đề nghị"])
def test_the_one_asked_by_a_courteous_request_is_the_actor(asks: str) -> None:
    # 9389/BNNMT-BĐKH: "…, Bộ Nông nghiệp và Môi trường kính đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc
    # Trung ương chỉ đạo …, cụ thể như sau:" over its points
    g = extract_text(f"Để triển khai các quy định mới, Bộ Nông nghiệp và Môi trường {asks} Ủy ban nhân dân các tỉnh, "
                     "thành phố trực thuộc Trung ương chỉ đạo thực hiện, cụ thể như sau:\n\n"
                     "a) Chỉ đạo cơ quan chuyên môn rà soát số liệu.\n\nb) Phối hợp với Bộ Tài chính xây dựng sàn giao dịch.\n")
    assert [leads(t) for t in g.tasks] == [["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]] * 2


def test_body_under_a_topic_title_takes_the_letters_lead_in_actors() -> None:
    # 7103/UBND-TH (pdftotext -layout): "1. Công tác tuyên truyền, phổ biến" titles the item, its indented body
    # opens on the action; the actors are those the letter's lead-in asks
    src = ("Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành, địa phương nghiêm túc triển khai thực hiện các "
           "nội dung sau:\n"
           "       1. Công tác tuyên truyền, phổ biến\n"
           "      Tổ chức quán triệt, phổ biến đầy đủ nội dung Nghị định số 178/2026/NĐ-CP đến cán bộ, công chức.\n")
    [task] = run(src).tasks
    assert task.text.startswith("Tổ chức quán triệt")
    assert [a.name for a in task.lead] == ["Các sở, ban, ngành, địa phương"]


_LETTER_WITH_APPENDIX = (
    "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 1153/BNNMT-QLĐĐ\n\nKính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
    "trung ương.\n\nBộ Nông nghiệp và Môi trường đề nghị Ủy ban nhân dân các tỉnh, thành phố thực hiện các nhiệm vụ "
    "sau:\n1. Bố trí nguồn lực để tổ chức triển khai thi hành trên địa bàn tỉnh, thành phố.\n"
    "2. Tập trung tổ chức thực hiện Nghị định số 49/2026/NĐ-CP. Bộ Nông nghiệp và Môi trường gửi các thủ tục hành "
    "chính về đất đai đã được rà soát {purpose} (chi tiết tại Phụ lục kèm theo).\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT, QLĐĐ.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Đức Thắng\n\n"
    "PHỤ LỤC I\n\nI. Trình tự, thủ tục gia hạn sử dụng đất\n"
    "1. Văn phòng đăng ký đất đai thực hiện các công việc sau:\n"
    "a) Kiểm tra hồ sơ, xác nhận vào đơn đăng ký;\nb) Cập nhật cơ sở dữ liệu đất đai.\n"
    "2. Rà soát hồ sơ, gửi cơ quan thuế xác định nghĩa vụ tài chính.\n"
)


def test_appendix_sent_for_reference_holds_no_tasks() -> None:
    # 1153/BNNMT-QLĐĐ: the letter sends the draft procedures "để tham khảo"; its three items are the tasks
    tasks = run(_LETTER_WITH_APPENDIX.format(purpose="để tham khảo trong quá trình tổ chức thực hiện")).tasks
    assert [t.unit_id for t in tasks if t.unit_id.startswith("app")] == []
    assert len(tasks) == 2


def test_body_lead_in_does_not_hand_its_actors_to_an_appendix() -> None:
    # the same appendix, not sent for reference: its units name their own actors or none; the lead-in's
    # "Ủy ban nhân dân các tỉnh, thành phố" stays with the letter's items
    tasks = run(_LETTER_WITH_APPENDIX.format(purpose="để thực hiện")).tasks
    appendix = [t for t in tasks if t.unit_id.startswith("app")]
    assert appendix and all("Ủy ban nhân dân các tỉnh" not in a.name for t in appendix for a in t.lead)


@pytest.mark.parametrize(("text", "leads"), [
    # 3556/QĐ-UBND, 9387/UBND-KT (Lào Cai): a collective's qualifier ("thuộc tỉnh") does not end the list of actors
    ("1. Các sở, ban, ngành thuộc tỉnh, UBND cấp xã trong phạm vi chức năng, nhiệm vụ chủ động thực hiện việc cập "
     "nhật dữ liệu.", ["Các sở, ban, ngành thuộc tỉnh", "Ủy ban nhân dân cấp xã"]),
    ("1. Các Sở, ban, ngành thuộc tỉnh, Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, UBND các xã, phường triển khai thực "
     "hiện.", ["Các sở, ban, ngành thuộc tỉnh", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Ủy ban nhân dân các xã, phường"]),
    # 13/CT-TTg: "các tỉnh và thành phố" is the collective of the guide's rule 5
    ("8. Ủy ban nhân dân các tỉnh và thành phố phối hợp với các Bộ, ngành liên quan tổ chức thực hiện.",
     ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
])
def test_subject_list_runs_over_a_collectives_qualifier(text: str, leads: list[str]) -> None:
    [task] = run("Điều 5. Trách nhiệm thực hiện\n" + text + "\n").tasks
    assert [a.name for a in task.lead] == leads


def test_summing_up_sentence_that_asks_someone_is_a_task() -> None:
    # 8520/BCT-KHCN: "Trên đây là ý kiến của Bộ …, đề nghị UBND tỉnh Bình Định chỉ đạo …" asks the province;
    # "Trên đây là Kế hoạch …" alone sums the text up
    asked = run("Kính gửi: Ủy ban nhân dân tỉnh Bình Định.\n\nTrên đây là ý kiến của Bộ Công Thương hướng dẫn nội "
                "dung liên quan, đề nghị UBND tỉnh Bình Định chỉ đạo các cơ quan chức năng thực hiện theo quy định.\n")
    assert [[a.name for a in t.lead] for t in asked.tasks] == [["Ủy ban nhân dân tỉnh Bình Định"]]
    summed = run("Trên đây là Kế hoạch triển khai thực hiện Nghị định số 49/2026/NĐ-CP trên địa bàn tỉnh.\n")
    assert summed.tasks == []


@pytest.mark.parametrize("opening", ["Đồng ý về chủ trương", "Đồng ý để", "Đồng ý chủ trương"])
def test_consent_in_a_reply_names_who_goes_ahead(opening: str) -> None:
    # 3479/VPCP-NN: the Government Office conveys the Prime Minister's consent; the body named after it acts
    text = (f"1. {opening} Ủy ban nhân dân tỉnh Quảng Nam nghiên cứu, lập Đề án thí điểm kinh doanh tín chỉ các-bon "
            "rừng tại tỉnh Quảng Nam như đề nghị của Bộ Nông nghiệp và Phát triển nông thôn.\n")
    [task] = run(text).tasks
    assert [a.name for a in task.lead] == ["Ủy ban nhân dân tỉnh Quảng Nam"]


def test_bodies_listed_before_their_duties_are_the_points_actors() -> None:
    # 7103/UBND-TH: "Giao các sở … gồm:" lists the bodies, each with its scope in brackets, then "Có trách nhiệm:"
    # hands them the points; the list is no task of its own
    src = ("2. Các sở quản lý nhà nước chuyên ngành về hạ tầng\n"
           "Giao các sở quản lý nhà nước chuyên ngành về hạ tầng theo ngành, lĩnh vực gồm:\n"
           "- Sở Công Thương (đối với tài sản kết cấu hạ tầng cụm công nghiệp);\n"
           "- Sở Xây dựng (đối với tài sản kết cấu hạ tầng đô thị);\n"
           "- Ban Quản lý Khu kinh tế, Ban Quản lý các khu công nghiệp (đối với tài sản kết cấu hạ tầng khu kinh tế).\n"
           "Có trách nhiệm:\n"
           "a) Chủ trì, phối hợp với các cơ quan, đơn vị tổ chức rà soát, thống kê tài sản kết cấu hạ tầng;\n"
           "b) Hướng dẫn, đôn đốc các cơ quan, đơn vị được giao quản lý tài sản lập hồ sơ tài sản.\n")
    tasks = run(src).tasks
    assert [t.text[:10] for t in tasks] == ["Chủ trì, p", "Hướng dẫn,"]
    assert [a.name for a in tasks[0].lead] == ["Sở Công Thương", "Sở Xây dựng", "Ban Quản lý Khu kinh tế",
                                                "Ban Quản lý các khu công nghiệp"]


def test_asker_with_nobody_named_hands_the_items_to_the_addressees() -> None:
    # 5973/UBND-KT: "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:" names who asks, not whom; the letter's addressees act
    src = ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 5973/UBND-KT\n\nKính gửi:\n- Các Sở, ban, ngành thuộc Ủy ban nhân dân tỉnh;\n"
           "- Công an tỉnh.\n\nĐể tăng cường công tác thanh tra, kiểm tra hoạt động khoáng sản trên địa bàn, Chủ tịch Ủy "
           "ban nhân dân tỉnh yêu cầu:\n1. Trách nhiệm chung của các cơ quan, đơn vị\n"
           "- Lãnh đạo, chỉ đạo tập trung thực hiện nghiêm các quy định của pháp luật về khoáng sản.\n")
    [task] = run(src).tasks
    assert "Ủy ban nhân dân tỉnh" not in [a.name for a in task.lead]
    assert "Công an tỉnh" in [a.name for a in task.lead]


def test_plural_noun_the_data_does_not_know_goes_on_a_subject_list() -> None:
    # 980/KH-UBND: "Các sở, ban, ngành, tổ chức chính trị - xã hội, Ủy ban nhân dân các xã, phường căn cứ …"
    text = ("1. Các sở, ban, ngành, tổ chức chính trị - xã hội, Ủy ban nhân dân các xã, phường căn cứ chức năng, "
            "nhiệm vụ tổ chức thực hiện.\n")
    [task] = run("Điều 5. Trách nhiệm thực hiện\n" + text).tasks
    assert [a.name for a in task.lead] == ["Các sở, ban, ngành", "Các tổ chức chính trị - xã hội",
                                          "Ủy ban nhân dân các xã, phường"]


def test_role_the_document_fills_is_that_body() -> None:
    # 2336/QĐ-UBND Lào Cai: an investment approval names its investor once, then gives the investor's duties
    src = ("Điều 1. Chấp thuận chủ trương đầu tư dự án với các nội dung sau:\n1. Nhà đầu tư\n\n"
           "Tên doanh nghiệp: Công ty Cổ phần công nghiệp Linh Linh.\n\n2. Tên dự án: Khu công nghiệp Phú Xuân.\n"
           "Điều 2. Tổ chức thực hiện\n1. Trách nhiệm của chủ đầu tư\n"
           "- Tổ chức triển khai thực hiện dự án theo đúng quy định của Luật Đầu tư.\n"
           "- Báo cáo giám sát đánh giá đầu tư dự án gửi Sở Công Thương.\n")
    tasks = run(src).tasks
    assert [leads(t) for t in tasks] == [["Công ty Cổ phần công nghiệp Linh Linh"]] * 2
    # two investors named: no one body fills the role, which stays as written
    two = src.replace("Tên doanh nghiệp: Công ty Cổ phần công nghiệp Linh Linh.",
                      "Tên doanh nghiệp: Công ty Cổ phần A Linh.\n\n1. Nhà đầu tư\n\nTên doanh nghiệp: Công ty TNHH B Linh.")
    assert [leads(t) for t in run(two).tasks] == [["Chủ đầu tư"]] * 2


@pytest.mark.parametrize(("text", "expected"), [
    # a delegation opens on whom it delegates to (904/QĐ-UBND Lào Cai)
    ("Điều 1. Ủy quyền cho Giám đốc Sở Công Thương thành lập Đoàn thẩm định cấp giấy chứng nhận cơ sở đủ điều kiện "
     "an toàn thực phẩm trên địa bàn tỉnh.\n", [["Sở Công Thương"]]),
    # … not a delegation a cited title tells of (1594/QĐ-TTPVHCC: "Căn cứ Quyết định số 1716/QĐ-UBND … về việc Chủ tịch
    # UBND Thành phố ủy quyền cho Giám đốc Trung tâm …")
    ("Căn cứ Quyết định số 1716/QĐ-UBND ngày 25/3/2025 của Chủ tịch UBND Thành phố về việc Chủ tịch UBND\n"
     "Thành phố ủy quyền cho Giám đốc Trung tâm phục vụ hành chính công Thành phố thực hiện phê duyệt quy trình;\n", []),
])
def test_delegation_names_its_delegate(text: str, expected: list[list[str]]) -> None:
    assert [leads(t) for t in run(text).tasks] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Vì vậy, đề nghị địa phương căn cứ địa giới hành chính mới để xác định địa điểm thành lập cụm công nghiệp.",
     [["Sở Công Thương tỉnh Lào Cai"]]),
    ("Đề nghị Quý Sở nghiên cứu, hướng dẫn các doanh nghiệp thực hiện.", [["Sở Công Thương tỉnh Lào Cai"]]),
    # the letter's basis, not a request
    ("Thực hiện Văn bản số 4250/BNNMT-ĐCKS ngày 29/4/2026 của Bộ Nông nghiệp và Môi trường về việc tăng cường "
     "quản lý.", []),
])
def test_letters_request_naming_no_one_asks_its_addressees(sentence: str, expected: list[list[str]]) -> None:
    # 1178/ĐCK-CTT: a department of a ministry answers a province's department in prose
    src = ("BỘ CÔNG THƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 1178/ĐCK-CTT\n"
           "Hà Nội, ngày 09 tháng 7 năm 2025\nV/v hướng dẫn về công tác quản lý cụm công nghiệp\n"
           "Kính gửi: Sở Công Thương tỉnh Lào Cai\n\nCục nhận được Công văn số 212/SCT-QLCN của Sở.\n\n" + sentence + "\n")
    assert [leads(t) for t in run(src).tasks] == expected


def test_company_with_its_legal_form_capitalised_is_the_addressee() -> None:
    # 6987/SNNMT-KS: "Công ty Cổ phần …" (the form capitalised) is asked to carry out the items after the lead-in
    src = ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 6987/SNNMT-KS\nV/v yêu cầu thực hiện các quy định\n"
           "Kính gửi: Công ty Cổ phần Công nghiệp Khánh An\n\nSở Nông nghiệp và Môi trường yêu cầu Công ty Cổ phần "
           "Công nghiệp Khánh An thực hiện đầy đủ các nội dung sau:\n1. Trước khi đưa mỏ đi vào hoạt động\n"
           "- Thực hiện cắm mốc khu vực khai thác theo đúng quy định.\n- Thực hiện nộp đầy đủ các nghĩa vụ tài chính.\n")
    assert [leads(t) for t in run(src).tasks] == [["Công ty Cổ phần Công nghiệp Khánh An"]] * 2


def test_investor_duties_under_a_heading_with_a_colon_and_letter_dot_points() -> None:
    # 257/QĐ-BQLCKCN: "a. … b. …" points under "1. Trách nhiệm của nhà đầu tư trong việc …:", the investor named in
    # capitals over two lines in the amended wording; the identity record is no task
    src = ("Điều 1. Điều chỉnh nội dung sau:\n“Chấp thuận nhà đầu tư: CÔNG TY CỔ PHẦN TẬP ĐOÀN ĐẦU TƯ VÀ\n"
           "THƯƠNG MẠI MUNDUS STONES\nGiấy chứng nhận đăng ký doanh nghiệp số: 5300851755 do Phòng Doanh nghiệp - Sở "
           "Tài chính tỉnh Lào Cai cấp lần đầu ngày 11/5/2026.”\n"
           "Công ty cổ phần tập đoàn đầu tư và thương mại Mundus Stones nộp hồ sơ ngày 19/8/2026.\n"
           "Điều 2. Tổ chức thực hiện\n1. Trách nhiệm của nhà đầu tư trong việc triển khai thực hiện dự án đầu tư:\n"
           "a. Thực hiện chế độ báo cáo giám sát đánh giá đầu tư định kỳ.\n"
           "b. Nhà đầu tư phải làm thủ tục đăng ký cấp tài khoản trên Hệ thống thông tin quốc gia về đầu tư.\n")
    tasks = run(src).tasks
    assert [t.text[:12] for t in tasks] == ["Thực hiện ch", "Nhà đầu tư p"]
    assert [leads(t) for t in tasks] == [["Công ty cổ phần tập đoàn đầu tư và thương mại Mundus Stones"]] * 2


def test_role_asked_by_name_and_its_filler() -> None:
    # 6791/SNNMT-KHTC: the project's particulars name its investor; "Đề nghị Chủ đầu tư …" asks that board
    src = ("Kính gửi: Sở Công thương tỉnh Lào Cai\n\n1. Thông tin về dự án\n- Tên dự án: Cụm công nghiệp Báo Đáp.\n"
           "- Chủ đầu tư: Ban Quản lý dự án đầu tư xây dựng xã Trấn Yên.\n2. Ý kiến tham gia\n"
           "b) Về chi phí thực hiện thu hồi, bồi thường\n\nĐề nghị Chủ đầu tư tổ chức khảo sát khối lượng cần thực hiện "
           "bồi thường, hỗ trợ, tái định cư của dự án.\n")
    [task] = run(src).tasks
    assert leads(task) == ["Ban Quản lý dự án đầu tư xây dựng xã Trấn Yên"]


def test_names_a_semicolon_separates_after_an_ask_are_one_list() -> None:
    # 3320/SNNMT-CCMT: "… đề nghị A; B của tỉnh; C; … tổ chức nghiên cứu …" is one request to all of them
    src = ("Kính gửi: Sở Tài chính\n\nSở Nông nghiệp và Môi trường đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; các "
           "Sở, ban, ngành của tỉnh; Bộ Chỉ huy quân sự tỉnh; Công an tỉnh; Hiệp hội Doanh nghiệp tỉnh tổ chức nghiên "
           "cứu, quán triệt các quy định.\n")
    [task] = run(src).tasks
    assert leads(task) == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Các sở, ban, ngành của tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
                           "Công an tỉnh", "Hiệp hội Doanh nghiệp tỉnh"]


def test_council_rules_name_members_bodies_and_the_council_in_full() -> None:
    # 1215/QĐ-BNN-TCCB: a steering committee's long name shortened in brackets; a member "Đại diện Bộ …" acts for his
    # ministry. 2736/QĐ-UBND: the members' names and titles are no tasks
    name = ("Ban chỉ đạo Chương trình giảm phát thải khí nhà kính thông qua nỗ lực hạn chế mất rừng và suy thoái rừng, "
            "quản lý bền vững tài nguyên (UN-REDD) - giai đoạn II")
    src = (f"Điều 1. Vị trí\n3. {name} (sau đây gọi tắt là Ban chỉ đạo Chương trình) là tổ chức phối hợp liên ngành.\n"
           "Điều 2. Thành phần\n- Ông Nguyễn Hữu Long, Trưởng phòng Quản lý Công nghiệp, Sở Công Thương.\n"
           "- Thư ký Hội đồng: Bà Nguyễn Việt Hà, Chuyên viên phòng Đấu thầu, Sở Tài chính.\n"
           "Điều 3. Nhiệm vụ\n1. Ban chỉ đạo Chương trình có trách nhiệm chỉ đạo, điều hành việc thực hiện Chương trình.\n"
           "2. Các ủy viên:\na) Đại diện Bộ Tài chính: Chịu trách nhiệm tham mưu, đề xuất cơ chế tài chính.\n")
    tasks = run(src).tasks
    assert [leads(t) for t in tasks] == [[name], ["Bộ Tài chính"]]


def test_body_a_decision_establishes_is_named_in_full() -> None:
    # 7/QĐ-BQLCKCN, 2736/QĐ-UBND: "Điều 1. Thành lập Hội đồng …, gồm" then its duties under "Nhiệm vụ, quyền hạn và
    # nguyên tắc hoạt động của Hội đồng thẩm định:" / "Nhiệm vụ của Hội đồng"
    name = "Hội đồng thẩm định Quy hoạch các khu công nghiệp do Ban Quản lý các khu công nghiệp tỉnh Lào Cai quản lý"
    src = (f"Điều 1. Thành lập {name}, gồm các thành viên:\n1. Chủ tịch Hội đồng: Ông Nguyễn Văn A.\n"
           "Điều 2. Nhiệm vụ, quyền hạn và nguyên tắc hoạt động của Hội đồng thẩm định:\n"
           "1. Chủ tịch Hội đồng thẩm định điều hành cuộc họp của Hội đồng thẩm định, kết luận theo đa số ý kiến.\n"
           "2. Thành viên Hội đồng thẩm định có trách nhiệm nghiên cứu hồ sơ, cho ý kiến về đồ án quy hoạch.\n")
    tasks = run(src).tasks
    assert [t.text[:10] for t in tasks] == ["Chủ tịch H", "Thành viên"]
    assert all(leads(t) == [name] for t in tasks)


def test_items_completing_the_heads_action_are_tasks_without_a_verb() -> None:
    # 2336/QĐ-UBND, 2463/QĐ-UBND: "Thực hiện nghiêm túc các nội dung sau: (i) về nghĩa vụ tài chính …; (ii) …"
    src = ("Điều 2. Tổ chức thực hiện\n1. Trách nhiệm của chủ đầu tư\n- Thực hiện nghiêm túc các nội dung sau: (i) về "
           "nghĩa vụ tài chính (các khoản thuế, phí) đối với nhà nước; (ii) chỉ được phép triển khai thực hiện dự án trong "
           "phạm vi, ranh giới được giao; (iii) tuân thủ các quy định của pháp luật về bảo đảm an toàn.\n")
    tasks = run(src).tasks
    assert [t.text[:8] for t in tasks] == ["về nghĩa", "chỉ được", "tuân thủ"]
    assert all(leads(t) == ["Chủ đầu tư"] for t in tasks)


def test_heading_that_hands_its_clauses_to_a_body() -> None:
    # 28/2025/QĐ-UBND Lào Cai: "Điều 4. Phân cấp cho Sở Y tế thực hiện một số nhiệm vụ, quyền hạn sau" over its clauses
    src = ("Điều 4. Phân cấp cho Sở Y tế thực hiện một số nhiệm vụ, quyền hạn sau\n"
           "1. Quản lý an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống tại các bệnh viện tuyến tỉnh.\n"
           "2. Tổ chức tiếp nhận bản tự công bố sản phẩm đối với các sản phẩm thuộc diện tự công bố.\n")
    tasks = run(src).tasks
    assert [leads(t) for t in tasks] == [["Sở Y tế"], ["Sở Y tế"]]


def test_sentences_after_an_effect_clause_that_name_who_acts() -> None:
    # 2390/QĐ-UBND Lào Cai: the effect clause, then the Party bodies asked and the inspectorate's duty in the same article
    src = ("Điều 4. Quyết định này có hiệu lực kể từ ngày ký.\n"
           "Đề nghị Ủy ban Kiểm tra Tỉnh ủy, Ban Nội chính Tỉnh ủy phối hợp kiểm tra, giám sát định kỳ trong quá trình "
           "triển khai thực hiện Quyết định này. Thanh tra tỉnh, Công an tỉnh theo chức năng, nhiệm vụ tham mưu cho Ủy ban "
           "nhân dân tỉnh xử lý các vi phạm.\n")
    tasks = run(src).tasks
    assert [leads(t) for t in tasks] == [["Ủy ban Kiểm tra Tỉnh ủy", "Ban Nội chính Tỉnh ủy"], ["Thanh tra tỉnh", "Công an tỉnh"]]
    assert run("Điều 4. Quyết định này có hiệu lực kể từ ngày ký.\n").tasks == []


def test_documents_a_letter_encloses_after_its_closing_block_hold_no_tasks_of_it() -> None:
    # 28/CV-ĐĐT: a company's complaint encloses its 2012 licence, whose own articles give orders
    src = ("CÔNG TY TNHH ĐẠI ĐỒNG TIẾN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 28/CV-ĐĐT\n"
           "Yên Bái, ngày 04 tháng 8 năm 2026\nV/v kiến nghị\nKính gửi: Ủy ban nhân dân tỉnh Lào Cai\n\n"
           "Đề nghị Sở Nông nghiệp và Môi trường kiểm tra, xác minh phần diện tích bị lấn chiếm.\n\n"
           "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nNguyễn Văn An\n\n"
           "ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "GIẤY PHÉP KHAI THÁC KHOÁNG SẢN\nĐiều 2. Công ty TNHH Đại Đồng Tiến có trách nhiệm nộp lệ phí cấp giấy phép.\n")
    tasks = run(src).tasks
    assert [leads(t) for t in tasks] == [["Sở Nông nghiệp và Môi trường"]]
    # a draft the letter sends for comment ("DỰ THẢO" over its motto, 402-CV/VPĐU) is the letter's own proposal
    draft = src.replace("ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\n", "DỰ THẢO\nỦY BAN NHÂN DÂN TỈNH YÊN BÁI\n")
    assert [leads(t) for t in run(draft).tasks] == [["Sở Nông nghiệp và Môi trường"], ["Công ty TNHH Đại Đồng Tiến"]]


def test_stacked_table_rows_are_tasks() -> None:
    # QĐ 2200/QĐ-BNNMT, Phụ lục: a markdown header over cells one to a line; the numbered titles over lettered rows
    # are groups, each lettered row a task with its lead, coordinators and time
    g = extract_file(EXTERNAL / "skill_sct" / "QD-2200-QD-BNNMT-10-6-2026-ke-hoach-trien-khai-ND-180.txt")
    rows = [t for t in g.tasks if "table" in t.id]
    assert len(rows) == 11
    first = rows[0]
    assert first.text.startswith("Tổ chức Hội nghị phổ biến, triển khai Nghị định")
    assert leads(first) == ["Cục Lâm nghiệp và Kiểm lâm"]
    assert [a.name for a in first.coordinators] == ["Vụ Pháp chế", "Các cơ quan, đơn vị có liên quan"]
    assert first.deadline.text == "Quý III, IV/2026"
    assert not [t for t in rows if t.text.startswith("Tổ chức tuyên truyền, phổ biến, hướng dẫn")]  # a group


def test_stacked_paragraph_table_of_a_party_programme() -> None:
    # CTr-104/CTr-TU (Tỉnh ủy Lào Cai), Phụ lục 2 as pdftotext gives it: one cell to a paragraph, the person in
    # charge in a column of its own (not a lead), a page whose columns come one after another
    g = extract_file(EXTERNAL / "skill_sct" / "CTr-104-CTr-TU-30-8-2026-TEXT.txt")
    rows = [t for t in g.tasks if "table" in t.id]
    assert len(rows) == 27
    first = rows[0]
    assert first.text.startswith("Tổ chức nghiên cứu, học tập, quán triệt")
    assert leads(first) == ["Các cấp ủy, tổ chức đảng"] and first.deadline.due == "2026-10-15"
    assert all(leads(t) for t in rows)
    assert not [a for t in rows for a in t.lead if a.name.startswith("Đồng chí")]


def test_bare_header_line_gives_the_table_its_columns() -> None:
    # KH-UBND triển khai Chỉ thị 11-CT/TU (Lào Cai), Phụ lục: "TT | Tên nhiệm vụ | Sở, ngành chủ trì tham mưu | …"
    # with no outer pipe over rows that end with one: the 14 rows are tasks of the lead column
    g = extract_file(EXTERNAL / "skill_sct" / "KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.txt")
    rows = [t for t in g.tasks if "table" in t.id]
    assert len(rows) == 14
    assert leads(rows[8]) == ["Thanh tra tỉnh"] and rows[8].deadline.text == "Hàng năm"


@pytest.mark.parametrize("lead_in, lead", [
    # an asked collective the agency data has no entry for, with or without the duty words before the colon
    ("Sở Công Thương yêu cầu các doanh nghiệp:", "Các doanh nghiệp"),
    ("Sở Công Thương yêu cầu các doanh nghiệp thực hiện một số nội dung sau:", "Các doanh nghiệp"),
])
def test_asked_collective_over_bullets(lead_in: str, lead: str) -> None:
    g = extract_text(f"THÔNG BÁO\nKết quả kiểm tra\n\n{lead_in}\n- Tiếp tục thực hiện giám sát việc lập hộ chiếu nổ mìn.\n"
                     "- Tăng cường rà soát, bổ sung biển báo.\n")
    assert [leads(t) for t in g.tasks] == [[lead], [lead]]


def test_back_reference_to_listed_companies() -> None:
    # 1894/TB-SCT: "… của các đơn vị: Công ty cổ phần Xây dựng giao thông Yên Bái (Gói thầu số 13 …); Tổng công ty Xây
    # dựng Trường Sơn (…); Công ty TNHH Hiệp Phú (…) cho thấy …", then "Sở Công Thương yêu cầu đơn vị nêu trên thực
    # hiện một số nội dung sau:" over four dashes; the closing "thông báo cho các đơn vị được biết" is no task
    g = extract_file(EXTERNAL / "skill_sct" / "TB-1894-ket-qua-sau-kiem-tra-VLNCN-ban-ky.txt")
    assert len(g.tasks) == 4
    assert {tuple(leads(t)) for t in g.tasks} == {("Công ty cổ phần Xây dựng giao thông Yên Bái",
                                                  "Tổng công ty Xây dựng Trường Sơn", "Công ty TNHH Hiệp Phú")}


def test_heading_naming_what_it_delegates_then_to_whom() -> None:
    # 40/2026/QĐ-UBND (Lào Cai): "Điều 3. Thẩm quyền của Ủy ban nhân dân cấp tỉnh phân cấp cho Chủ tịch Ủy ban nhân dân
    # cấp xã" over 16 clauses: the delegate does each (the holder stands for the body, rule 5)
    g = extract_file(EXTERNAL / "skill_sct" / "QD-40-2026-QD-UBND-phan-cap-tham-quyen-dat-dai.txt")
    art3 = [t for t in g.tasks if "art_3" in t.id]
    assert len(art3) == 16
    assert all(leads(t) == ["Ủy ban nhân dân cấp xã"] for t in art3)


def test_inspection_team_duty_heading_and_its_seal() -> None:
    # 1050/QĐ-SCT: "Điều 3. Nhiệm vụ và quyền hạn của Đoàn kiểm tra" over its clauses; "Đoàn kiểm tra được sử dụng
    # con dấu của Sở Công Thương …" is a right, not a duty
    g = extract_file(EXTERNAL / "skill_sct" / "QD-1050-kiem-tra-VLNCN-2026.txt")
    art3 = [t for t in g.tasks if "art_3" in t.id]
    assert [leads(t) for t in art3] == [["Đoàn kiểm tra"]] * 7
    assert not [t for t in art3 if "con dấu" in t.text]


def test_role_subject_as_an_articles_only_paragraph() -> None:
    # 24/2025/TT-BCT, Điều 8: "Doanh nghiệp khai thác khoáng sản có trách nhiệm gửi kế hoạch quản lý rủi ro …" under the
    # article's title, with no clause number
    g = extract_file(EXTERNAL / "skill_sct" / "TT-24-2025-TT-BCT-ke-hoach-quan-ly-rui-ro.txt")
    art8 = [t for t in g.tasks if "art_8" in t.id]
    assert [leads(t) for t in art8] == [["Doanh nghiệp khai thác khoáng sản"]]


def test_heading_scoping_items_to_a_group() -> None:
    # a Hà Nội letter on air quality: "9.1. Đối với các cơ sở sản xuất có lưu lượng xả bụi, khí thải lưu lượng lớn ra
    # môi trường …:" and "9.2. Đối với các đơn vị thực hiện dịch vụ, thu gom, … (theo danh sách gửi kèm tại Phụ lục):"
    # over their bullets: the group each heading names does its items, named as written however long
    g = extract_file(EXTERNAL / "tnt305_extra" / "b5734329c729abb9.md")
    first = [t for t in g.tasks if "item_9_1__bullet" in t.id]
    second = [t for t in g.tasks if "item_9_2__bullet" in t.id]
    assert first and all(leads(t)[0].startswith("Các cơ sở sản xuất có lưu lượng xả bụi") for t in first)
    assert second and all(leads(t) == ["Các đơn vị thực hiện dịch vụ, thu gom, vận chuyển, xử lý chất thải rắn sinh hoạt"]
                          for t in second)


def test_topic_heading_with_doi_voi_is_no_actor() -> None:
    # "Đối với công tác tuyên truyền:" scopes its items to a topic, not a group: no actor from it
    g = extract_text("CÔNG VĂN\nVề việc tuyên truyền\n\nKính gửi: Sở Văn hóa\n\n1. Đối với công tác tuyên truyền:\n"
                     "- Tăng cường tuyên truyền về bảo vệ môi trường.\n")
    assert all(not leads(t) or not leads(t)[0].startswith("Công tác") for t in g.tasks)


@pytest.mark.parametrize("article, clause, lead", [
    # 94/VBHN-BQP: a clause naming its actors under an article on duties, however long; the role standing alone is one
    # body of its own
    ("Điều 18. Trách nhiệm trong quản lý an toàn", "1. Chủ đầu tư, tổ chức, đơn vị điều tra, khảo sát, rà phá bom mìn vật nổ",
     ["Chủ đầu tư", "Tổ chức, đơn vị điều tra, khảo sát, rà phá bom mìn vật nổ"]),
    # 43/2026/QĐ-UBND (Lào Cai): a duty heading closed by a full stop
    ("Điều 7. Trách nhiệm giám sát, kiểm tra", "1. Trách nhiệm của cơ quan quyết định đầu tư.", ["Cơ quan quyết định đầu tư"]),
])
def test_clause_naming_the_actors_of_its_points(article: str, clause: str, lead: list[str]) -> None:
    g = extract_text(f"QUYẾT ĐỊNH\nBan hành quy định\n\n{article}\n{clause}\n"
                     "a) Thiết lập các biện pháp an toàn và phương án ứng phó sự cố cho người tham gia.\n"
                     "b) Tổ chức hướng dẫn, phổ biến, huấn luyện các quy định về an toàn lao động.\n")
    assert [leads(t) for t in g.tasks] == [lead] * 2


def test_rules_for_the_investor_in_a_registration_certificate() -> None:
    # a certificate of investment registration (Lào Cai): "Chứng nhận nhà đầu tư:" then "Tên doanh nghiệp: Công ty Cổ
    # phần đầu tư phát triển công nghiệp Lào Cai."; "2. Các điều kiện đối với nhà đầu tư thực hiện dự án" over its dashes:
    # the investor named does each
    g = extract_file(EXTERNAL / "skill_sct" / "GCN-DKDT-KCN-Ban-Qua-30-6-2026.txt")
    dashes = [t for t in g.tasks if "para_2__bullet" in t.id]
    assert len(dashes) >= 5
    assert all(leads(t) == ["Công ty Cổ phần đầu tư phát triển công nghiệp Lào Cai"] for t in dashes)


def test_roles_of_a_lead_in_after_a_fronted_clause() -> None:
    # 43/2026/QĐ-UBND (Lào Cai), Điều 13: "1. Sau khi nhận được văn bản đề nghị kiểm tra …, trong thời gian không quá 05
    # ngày làm việc, chủ đầu tư hoặc đơn vị giám sát, kiểm tra tổ chức thực hiện kiểm tra theo các nội dung sau:" over
    # "a) Kiểm tra tính đầy đủ …": both roles do each point
    g = extract_file(EXTERNAL / "skill_sct" / "QD-43-2026-QD-UBND-nghiem-thu-san-pham-dat-dai.txt")
    points = [t for t in g.tasks if "art_13__para_1__point" in t.id]
    assert points and all(leads(t) == ["Chủ đầu tư", "Đơn vị giám sát, kiểm tra"] for t in points)


def test_rights_and_duties_heading_names_its_body() -> None:
    # 48/2026/TT-BTC: "Điều 6. Quyền và nghĩa vụ của Sở giao dịch chứng khoán Việt Nam" over "1. Xây dựng và ban hành quy
    # chế nghiệp vụ …": the exchange (a body of the data now) does each clause
    g = extract_file(EXTERNAL / "skill_sct" / "TT-48-2026-TT-BTC-12-5-2026-giam-sat-giao-dich-san.txt")
    art6 = [t for t in g.tasks if "art_6__" in t.id]
    assert art6 and all(leads(t) == ["Sở Giao dịch Chứng khoán Việt Nam"] for t in art6)


def test_amended_wording_is_read_as_the_amended_texts_own() -> None:
    # 38/2025/TT-BCT, Điều 20: "Sửa đổi, bổ sung khoản 1 Điều 3 như sau: “1. … Trong thời hạn 05 ngày làm việc, kể từ
    # ngày nhận được hồ sơ …, Bộ Công Thương có văn bản lấy ý kiến …”": the instruction is no task, the quoted steps are
    # each a task of the body named, with the time it is given
    g = extract_text(
        "THÔNG TƯ\nSửa đổi một số thông tư\n\nĐiều 20. Sửa đổi, bổ sung một số nội dung của Thông tư số 27/2014/TT-BCT\n"
        "1. Sửa đổi, bổ sung khoản 1 Điều 3 như sau:\n“1. Chủ hàng gửi Đơn đề nghị cho phép quá cảnh hàng hóa đến Bộ Công "
        "Thương.\nTrong thời hạn 05 ngày làm việc, kể từ ngày nhận được hồ sơ đầy đủ, đúng quy định của chủ hàng, Bộ Công "
        "Thương có văn bản lấy ý kiến Bộ Quốc phòng, Bộ Công an.\nTrong thời hạn 05 ngày làm việc, kể từ ngày nhận được ý "
        "kiến của Bộ Quốc phòng và Bộ Công an, Bộ Công Thương có văn bản trả lời chủ hàng.”\n"
        "2. Bãi bỏ khoản 3 Điều 5.\n")
    steps = [t for t in g.tasks if t.text.startswith("Trong thời hạn 05")]
    assert [leads(t) for t in steps] == [["Bộ Công Thương"], ["Bộ Công Thương"]]
    assert all(t.deadline is not None and t.deadline.kind == "relative" for t in steps)
    assert not any(t.text.startswith("Sửa đổi, bổ sung khoản 1") for t in g.tasks)


@pytest.mark.parametrize("clause, lead", [
    # 84/2025/QĐ-UBND: a condition closed by its colon, the rule's subject after it (its annotator took five such
    # rules as tasks; 81/2025/QĐ-UBND's took its one, "Trường hợp Liên hiệp các hội … đề xuất …: Liên hiệp … xác định
    # …", as none: kept for the net gain over both sets)
    ("Trường hợp cần điều chỉnh Danh mục hàng hóa, dịch vụ bình ổn giá: Sở Công Thương đề xuất điều chỉnh Danh mục "
     "hàng hóa, dịch vụ bình ổn giá.", ["Sở Công Thương"]),
    # 216/ATMT-ATĐ: an asking word between "thì" and the body asked
    ("Trường hợp thực hiện nạo vét bồi lắng lòng hồ thủy điện mà có hoạt động thu hồi khoáng sản thì đề nghị Sở Công "
     "Thương hướng dẫn chủ đầu tư liên hệ với Sở Nông nghiệp và Môi trường.", ["Sở Công Thương"]),
])
def test_subject_after_a_condition_closed_by_colon_or_asking_word(clause: str, lead: list[str]) -> None:
    g = extract_text(f"QUYẾT ĐỊNH\nBan hành quy định\n\nĐiều 12. Điều chỉnh danh mục\n1. {clause}\n")
    assert [leads(t) for t in g.tasks] == [lead]


def test_a_topic_whose_text_has_a_colon_later_keeps_its_subject() -> None:
    # 1628/QĐ-UBND (Quảng Ngãi): "Đối với …, Trung tâm …" with an address after a colon further on
    g = extract_text("QUYẾT ĐỊNH\nCông bố danh mục\n\nĐiều 2. Tổ chức thực hiện\n4. Đối với hồ sơ đã được cung cấp dịch "
                     "vụ công trực tuyến, Sở Tư pháp thực hiện hướng dẫn tổ chức, cá nhân nộp hồ sơ trực tuyến tại địa "
                     "chỉ: https://dichvucong.gov.vn.\n")
    assert [leads(t) for t in g.tasks] == [["Sở Tư pháp"]]


def test_title_over_bullets_some_with_their_own_actor() -> None:
    # 844/QĐ-TTg, II.1: a title (no closing stop) under the plan's lead-in, over dashes of which some name their own
    # actor and the others open with an action: the dashes are the tasks, the title is none
    g = extract_text(
        "KẾ HOẠCH HÀNH ĐỘNG\nThực hiện Chỉ thị số 52-CT/TW\n\nII. NHIỆM VỤ CỤ THỂ\nCác bộ, cơ quan ngang bộ, Ủy ban nhân dân "
        "các tỉnh, thành phố trực thuộc trung ương cần tổ chức triển khai thực hiện các nhiệm vụ sau đây:\n"
        "1. Tăng cường công tác lãnh đạo, chỉ đạo thực hiện hiệu quả các chủ trương về bảo hiểm y tế\n"
        "- Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp bố trí ngân sách địa phương hỗ trợ mức đóng.\n"
        "- Đổi mới nội dung, hình thức thông tin, tuyên truyền về bảo hiểm y tế.\n"
        "- Tăng cường đôn đốc, kiểm tra, giám sát việc thực hiện các đề án.\n")
    assert [t.text[:12] for t in g.tasks] == ["Ủy ban nhân ", "Đổi mới nội ", "Tăng cường đ"]
    assert leads(g.tasks[0]) == ["Ủy ban nhân dân cấp tỉnh"]
    assert len(leads(g.tasks[1])) == 2


def test_members_of_a_board_named_by_office_are_no_tasks() -> None:
    # 798/QĐ-TTg: "1. Trưởng ban Chỉ đạo Trung ương: Phó Thủ tướng Chính phủ Phạm Thị Thanh Trà." names a member
    g = extract_text("QUYẾT ĐỊNH\nKiện toàn Ban Chỉ đạo\n\nĐiều 1. Kiện toàn Ban Chỉ đạo Trung ương, gồm:\n1. Trưởng ban Chỉ "
                     "đạo Trung ương: Phó Thủ tướng Chính phủ Phạm Thị Thanh Trà.\n2. Phó Trưởng ban: Bộ trưởng Bộ Nội vụ.\n"
                     "3. Thành viên: Thứ trưởng Bộ Tài chính Nguyễn Văn An.\nĐiều 2. Ban Chỉ đạo có nhiệm vụ nghiên cứu, đề "
                     "xuất chính sách tiền lương.\n")
    assert [t.text[:20] for t in g.tasks] == ["Ban Chỉ đạo có nhiệm"]


def test_lead_in_after_an_assessment_in_the_same_unit() -> None:
    # 95/NQ-HĐND (Hà Giang): the council's assessment, then its request in the same article; the items are the asked
    # body's, not the council's
    g = extract_text("NGHỊ QUYẾT\nVề hoạt động chất vấn\n\nĐiều 2. Hội đồng nhân dân tỉnh cơ bản thống nhất với một số giải "
                     "pháp mà Ủy ban nhân dân tỉnh đã trả lời. Hội đồng nhân dân tỉnh đề nghị Ủy ban nhân dân tỉnh quan "
                     "tâm chỉ đạo thực hiện một số công việc sau:\n1. Xem xét sớm phê duyệt quy hoạch điều chỉnh kế hoạch "
                     "sử dụng đất giai đoạn 2016 - 2020.\n2. Quan tâm, bố trí kinh phí ưu tiên khắc phục các công trình "
                     "văn hóa đã xuống cấp.\n")
    assert [leads(t) for t in g.tasks] == [["Ủy ban nhân dân tỉnh"]] * 2
