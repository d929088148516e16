"""Tests for structure: marker classification, ids, nesting, intro/wrap-up blocks, attachments,
appendices and tables; then the 03/NQ-CP acceptance tree and the flat tables of the corpus."""

from __future__ import annotations

import random
from functools import cache

import pytest

from conftest import FIXTURES, corpus_file
from vbpl_extract.clean import clean_span, normalize
from vbpl_extract.ids import norm_num
from vbpl_extract.models import Node
from vbpl_extract.structure import build_tree, classify, iter_nodes, unit_label
from vbpl_extract.textutil import display


def tree(text: str) -> list[Node]:
    ct = normalize(text)
    return build_tree(ct.paragraphs, ct.source)


def by_id(nodes: list[Node]) -> dict[str, Node]:
    return {n.id: n for n in iter_nodes(nodes)}


@cache
def corpus_tree(relative: str) -> tuple[str, tuple[Node, ...]]:
    """Structure of a corpus document as the pipeline builds it (header and signature removed)."""
    from vbpl_extract.pipeline import extract_text

    src = corpus_file(relative).read_text("utf-8")
    return src, tuple(extract_text(src).structure)


# --------------------------------------------------------------------------- classify


@pytest.mark.parametrize(
    ("text", "kind", "num"),
    [
        ("Điều 5a. Sửa đổi, bổ sung khoản 2", "article", "5a"),
        ("Điều 2. Giao Sở Tài chính:", "article", "2"),
        ("Chương II", "chapter", "II"),
        ("CHƯƠNG III. TỔ CHỨC THỰC HIỆN", "chapter", "III"),
        ("Mục 1. Quy định chung", "section", "1"),
        ("Phần thứ nhất", "part", "nhất"),
        ("I. MỤC TIÊU", "roman", "I"),
        ("I- QUAN ĐIỂM", "roman", "I"),
        ("IV. TỔ CHỨC THỰC HIỆN", "roman", "IV"),
        ("1. Bộ Công an:", "arabic", "1"),
        # 4800/TCT-TTr (OCR'd letter): items numbered with a slash
        ("1/ Các Cục Thuế rà soát lại kế hoạch thanh tra", "arabic", "1"),
        ("1.1. Rà soát hệ thống văn bản", "dotted", "1.1"),
        ("(1) Xây dựng cơ sở dữ liệu", "paren", "1"),
        ("a) Rà soát, sửa đổi quy chế", "letter", "a"),
        ("đ) Xây dựng cơ chế", "letter", "đ"),
        ("- Chủ trì tham mưu", "dash", None),
        # 330/TB-VPCP (OCR'd): a dash read as "_" or "~" before a capital
        ("_ Tiếp tục nâng cấp nền tảng tích hợp", "dash", None),
        ("~ Chủ trì, phối hợp với các bộ, ngành", "dash", None),
        ("+ Phối hợp thực hiện", "plus", None),
        ("Phụ lục II", "appendix", "II"),
    ],
)
def test_classify(text: str, kind: str, num: str | None) -> None:
    mk = classify(text)
    assert mk is not None
    assert (mk.kind, mk.num) == (kind, num)


@pytest.mark.parametrize(
    "text",
    ["Mục tiêu", "Mục đích, yêu cầu", "Căn cứ Luật Tổ chức Chính phủ", "2025. Năm bản lề", "Chương trình hành động", "",
     "30/6/2026 hoàn thành", "1/2026 là năm đầu"],
)
def test_classify_no_marker(text: str) -> None:
    assert classify(text) is None


def test_marker_text_start() -> None:
    text = "Điều 5a. Sửa đổi khoản 2"
    mk = classify(text)
    assert mk is not None and text[mk.text_start:] == "Sửa đổi khoản 2"


@pytest.mark.parametrize(("num", "norm"), [("đ", "dd"), ("1.1", "1_1"), ("5a", "5a"), ("II.", "II"), ("(3)", "3")])
def test_norm_num(num: str, norm: str) -> None:
    assert norm_num(num) == norm


# --------------------------------------------------------------------------- ids and nesting


def test_article_clause_point_bullet_nesting_and_ids() -> None:
    nodes = by_id(tree(
        "Điều 2. Giao Sở Tài chính:\n1. Chủ trì thẩm định\na) Rà soát hồ sơ\n- Kiểm tra hồ sơ gốc\n"
        "đ) Lập báo cáo\nd) Tổng hợp\n2. Báo cáo kết quả"
    ))
    assert nodes["art_2"].kind == "article"
    assert nodes["art_2__para_1"].kind == "clause"
    assert nodes["art_2__para_1__point_a"].kind == "point"
    assert nodes["art_2__para_1__point_a__bullet_1"].kind == "bullet"
    assert nodes["art_2__para_1__point_dd"].num == "đ"
    assert nodes["art_2__para_1__point_dd"].num_norm == "dd"
    assert nodes["art_2__para_1__point_d"].text == "Tổng hợp"
    assert nodes["art_2__para_2"].text == "Báo cáo kết quả"
    assert [c.id for c in nodes["art_2"].children] == ["art_2__para_1", "art_2__para_2"]


def test_article_heading_and_text() -> None:
    nodes = by_id(tree("Điều 1. Nguyên tắc hỗ trợ\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."))
    assert nodes["art_1"].heading == "Nguyên tắc hỗ trợ" and nodes["art_1"].text == ""
    assert nodes["art_2"].heading is None and nodes["art_2"].text == "Quyết định này có hiệu lực kể từ ngày ký."


def test_plan_nesting_roman_arabic_letter_dash() -> None:
    top = tree(
        "I. NHIỆM VỤ\n1. Hoàn thiện thể chế\na) Rà soát quy chế\n- Gạch một\n- Gạch hai\nb) Xây dựng quy trình\n"
        "2. Phát triển hạ tầng\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\na) Bố trí kinh phí"
    )
    assert [n.id for n in top] == ["sec_I", "sec_II"]
    nodes = by_id(top)
    assert nodes["sec_I"].heading == "NHIỆM VỤ"
    assert [c.id for c in nodes["sec_I"].children] == ["sec_I__item_1", "sec_I__item_2"]
    assert [c.id for c in nodes["sec_I__item_1"].children] == ["sec_I__item_1__point_a", "sec_I__item_1__point_b"]
    assert [c.kind for c in nodes["sec_I__item_1__point_a"].children] == ["bullet", "bullet"]
    assert "sec_II__item_1__point_a" in nodes


# 220/CĐ-TTg (2025): a "(2)" opens a line of the preamble prose; the Roman sections that follow are not
# inside it, and the "(1)" … "(4)" under point II.2.b stay there, so "3." and "III." are not swallowed
_PREAMBLE_PAREN = (
    "Thủ tướng Chính phủ đã phê duyệt Phương án cắt giảm TTHC; cụ thể như sau: (1) Tổng số TTHC sẽ cắt giảm;\n"
    "(2) Cắt giảm 2.269/6.974 ĐKKD thuộc ngành, nghề đầu tư, kinh doanh có điều kiện (đạt 32,5%).\n"
    "I. VỀ HOÀN THIỆN THỂ CHẾ\n1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ\n"
    "II. VỀ CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN\n2. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ\n"
    "a) Khẩn trương rà soát, chuẩn hóa kết quả giải quyết TTHC chưa được chuẩn hóa.\n"
    "b) Các Bộ: Tài chính, Y tế, Tư pháp, Nội vụ khẩn trương khắc phục các bất cập, cụ thể:\n"
    "(1) Bộ Tài chính giải quyết 03 vấn đề tồn đọng.\n"
    "(4) Bộ Nội vụ hoàn thành kết nối Cơ sở dữ liệu người hưởng chính sách ưu đãi người có công.\n"
    "3. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương tập trung chỉ đạo rà soát.\n"
    "III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Chính phủ theo dõi, đôn đốc."
)


@pytest.mark.parametrize(
    ("unit", "parent"),
    [
        ("sec_I", None),
        ("sec_II", None),
        ("sec_III", None),
        ("sec_II__item_2__point_b__item_1", "sec_II__item_2__point_b"),
        ("sec_II__item_2__point_b__item_4", "sec_II__item_2__point_b"),
        ("sec_II__item_3", "sec_II"),
        ("sec_III__item_1", "sec_III"),
    ],
)
def test_first_roman_section_is_not_nested_in_a_preamble_paren(unit: str, parent: str | None) -> None:
    top = tree(_PREAMBLE_PAREN)
    parents = {c.id: n.id for n in iter_nodes(top) for c in n.children} | {n.id: None for n in top}
    assert parents[unit] == parent


def test_duplicate_numbers_get_unique_suffixes() -> None:
    top = tree("II. TỔ CHỨC\n1. Sở Tài chính\na) Bố trí kinh phí\na) Thẩm định dự toán\n1. Sở Nội vụ")
    nodes = by_id(top)
    assert nodes["sec_II__item_1__point_a"].text == "Bố trí kinh phí"
    assert nodes["sec_II__item_1__point_a_2"].text == "Thẩm định dự toán"
    assert nodes["sec_II__item_1_2"].text == "Sở Nội vụ"
    ids = [n.id for n in iter_nodes(top)]
    assert len(ids) == len(set(ids))


def test_bold_actor_heading_with_dash_bullets() -> None:
    src = (FIXTURES / "md_ke_hoach_so.md").read_text("utf-8")
    from vbpl_extract.pipeline import extract_text

    nodes = by_id(extract_text(src).structure)
    item = nodes["sec_V__item_2"]
    assert item.text == "Sở Nông nghiệp và Môi trường"
    assert [c.kind for c in item.children] == ["bullet", "bullet"]
    assert nodes["sec_V"].heading == "TỔ CHỨC THỰC HIỆN"


def test_intro_and_wrapup_blocks() -> None:
    top = tree(
        "II. NHIỆM VỤ CỤ THỂ\nCác Bộ, ngành, địa phương cần thực hiện các nhiệm vụ sau đây:\n"
        "1. Hoàn thiện thể chế.\n2. Phát triển hạ tầng.\nIII. TỔ CHỨC THỰC HIỆN\n1. Bộ Tài chính:\n"
        "- Thẩm định dự toán.\n- Bố trí kinh phí.\n"
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan báo cáo Bộ Tài chính."
    )
    sec2 = top[0]
    assert sec2.children[0].kind == "intro"
    assert sec2.children[0].text.startswith("Các Bộ, ngành, địa phương cần")
    item = by_id(top)["sec_III__item_1"]
    assert [c.kind for c in item.children] == ["bullet", "bullet", "wrapup"]
    assert item.children[-1].text.startswith("Trong quá trình thực hiện")


def test_wrapup_after_numbered_items_is_its_own_block() -> None:
    top = tree(
        "III. TỔ CHỨC THỰC HIỆN\n1. Bộ Tài chính bố trí kinh phí.\n2. Bộ Công an bảo đảm an ninh.\n\n"
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan báo cáo Bộ Tài chính."
    )
    nodes = by_id(top)
    assert nodes["sec_III__item_2"].text == "Bộ Công an bảo đảm an ninh."


def test_unit_label_as_written() -> None:
    top = tree("Điều 2. Giao Sở Tài chính:\n1. Chủ trì thẩm định\nđ) Rà soát hồ sơ")
    path = [top[0], top[0].children[0], top[0].children[0].children[0]]
    assert unit_label(path) == "Điều 2 / khoản 1 / điểm đ"


# --------------------------------------------------------------------------- attachments, appendices, tables


def test_attachment_subtree_with_fresh_levels() -> None:
    top = tree(
        "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.\n"
        "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.\n\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ\n"
        "(Kèm theo Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ)\n\n"
        "I. MỤC TIÊU\n1. Tổ chức thể chế hóa.\nII. NHIỆM VỤ CỤ THỂ\n1. Nâng cao nhận thức\na) Tổ chức quán triệt."
    )
    assert [n.id for n in top] == ["art_1", "art_2", "att_1"]
    att = top[2]
    assert att.kind == "attachment"
    assert att.heading == "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ"
    assert att.text.startswith("(Kèm theo Nghị quyết số 03/NQ-CP")
    nodes = by_id(top)
    assert nodes["att_1__sec_II__item_1__point_a"].text == "Tổ chức quán triệt."


def test_appendix_subtree() -> None:
    top = tree("Điều 1. Giao Bộ Tài chính thực hiện.\n\nPHỤ LỤC II\nDANH MỤC CÁC NHIỆM VỤ\n\n1. Rà soát quy chế.")
    app = top[-1]
    assert (app.id, app.kind, app.num) == ("app_II", "appendix", "II")
    assert app.heading == "DANH MỤC CÁC NHIỆM VỤ"
    assert [c.id for c in app.children] == ["app_II__item_1"]


def test_table_node_with_group_and_row_children() -> None:
    top = tree((FIXTURES / "task_table.md").read_text("utf-8"))
    nodes = by_id(top)
    table = nodes["art_1__table_1"]
    assert table.kind == "table"
    assert table.header == ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"]
    assert [(c.kind, c.num) for c in table.children] == [("group", "I"), ("group", "II")]
    assert table.children[0].heading == "Hoàn thiện thể chế"
    rows = table.children[0].children
    assert [r.id for r in rows] == ["art_1__table_1__group_I__row_1", "art_1__table_1__group_I__row_2"]
    assert rows[0].cells == [
        "1", "Xây dựng Nghị định quy định về quản lý dữ liệu số", "Bộ Công an", "Bộ Tư pháp, Bộ Tài chính",
        "Quý IV/2025", "Nghị định của Chính phủ",
    ]
    assert rows[0].cell_spans is not None and len(rows[0].cell_spans) == 6
    assert nodes["art_2"].kind == "article"


def test_cell_spans_slice_to_cells() -> None:
    src = (FIXTURES / "task_table.md").read_text("utf-8")
    ct = normalize(src)
    for node in iter_nodes(build_tree(ct.paragraphs, ct.source)):
        if node.kind == "row":
            assert node.cell_spans is not None and node.cells is not None
            for (s, e), cell in zip(node.cell_spans, node.cells, strict=True):
                assert clean_span(src, s, e).text == cell


_PIECES = [
    "Điều 1.", "Điều", "Chương II", "Mục", "Phụ lục", "PHỤ LỤC II", "I.", "II-", "1.", "1.1.", "(1)", "a)", "đ)", "-", "+",
    "|", "| --- |", "**", "*", "#", "(Kèm theo", ")", "\n", "\n\n", "  \n", " ", "Bộ Tài chính", "chủ trì", ":", ";", ".",
    "\u0301", "Uỷ", "KẾ HOẠCH", "Nơi nhận:", "TM.", "\t", "\r\n", "|\n|\n",
]


@pytest.mark.parametrize("seed", range(60))
def test_never_raises_on_garbage(seed: int) -> None:
    rnd = random.Random(seed)
    text = "".join(rnd.choice(_PIECES) + (" " if rnd.random() < 0.5 else "") for _ in range(rnd.randint(0, 120)))
    nodes = list(iter_nodes(tree(text)))
    assert all(n.span[0] <= n.span[1] for n in nodes)
    assert not any(n.id.startswith("block_err_") for n in nodes)


# --------------------------------------------------------------------------- corpus: 03/NQ-CP


SEED_004 = "seeds/004_73d4ecd4209fcbe0.txt"
FULL_03 = "vnmasterplan/03-NQ-CP_2025__full_with_PL1_PL2.md"


def test_seed_004_articles_and_programme() -> None:
    _, top = corpus_tree(SEED_004)
    assert [n.id for n in top] == ["art_1", "art_2", "art_3", "att_1"]
    att = top[3]
    assert att.kind == "attachment" and att.heading is not None
    assert att.heading.startswith("CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ")
    secs = [c for c in att.children if c.kind == "section"]
    assert [(s.num, s.heading) for s in secs] == [("I", "MỤC TIÊU"), ("II", "NHIỆM VỤ CỤ THỂ"), ("III", "TỔ CHỨC THỰC HIỆN")]


def _letters(node: Node) -> str:
    return "".join(c.num or "" for c in node.children if c.kind == "point")


def test_seed_004_section_ii_groups_and_points() -> None:
    _, top = corpus_tree(SEED_004)
    nodes = by_id(list(top))
    sec2 = nodes["att_1__sec_II"]
    groups = [c for c in sec2.children if c.kind == "item"]
    assert [g.num for g in groups] == [str(k) for k in range(1, 8)]
    assert _letters(groups[0]) == "abcdđeghiklmnop"
    assert _letters(groups[1]) == "abcdđeghiklmno"
    assert _letters(groups[6]) == "abcd"
    assert "att_1__sec_II__item_1__point_dd" in nodes


def test_seed_004_point_text_spans_slice_to_text() -> None:
    src, top = corpus_tree(SEED_004)
    points = [n for n in iter_nodes(list(top)) if n.kind == "point"]
    assert len(points) > 100
    for p in points:
        assert p.text_span is not None, p.id
        got = clean_span(src, *p.text_span).text
        if "\n" in p.text:  # a unit of several paragraphs: its text joins them with a newline
            assert got == display(p.text), p.id
        else:
            assert got == p.text, p.id


def test_seed_004_multi_paragraph_point_text_span_exact() -> None:
    src, top = corpus_tree(SEED_004)
    p = by_id(list(top))["att_1__sec_II__item_3__point_l"]
    assert p.text_span is not None
    assert clean_span(src, *p.text_span).text == p.text


def test_full_03_appendix_ii_is_a_six_column_table() -> None:
    _, top = corpus_tree(FULL_03)
    assert [n.id for n in top][-2:] == ["app_I", "app_II"]
    tables = [n for n in iter_nodes([top[-1]]) if n.kind == "table"]
    assert len(tables) == 1
    table = tables[0]
    assert table.header is not None and len(table.header) == 6
    assert table.header[:4] == ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    rows = [n for n in iter_nodes(table.children) if n.kind == "row"]
    assert len(rows) >= 140
    assert all(len(r.cells or []) == 6 for r in rows)
    first = rows[0]
    assert first.cells is not None and first.cells[2] == "Bộ Thông tin và Truyền thông"
    assert display(first.cells[1]).startswith("Xây dựng, trình Thủ tướng Chính phủ ban hành")


def test_full_03_appendix_ii_groups() -> None:
    _, top = corpus_tree(FULL_03)
    table = next(n for n in iter_nodes([top[-1]]) if n.kind == "table")
    groups = [c for c in table.children if c.kind == "group"]
    assert [g.num for g in groups] == ["I", "II", "III", "IV", "V", "VI", "VII"]


@pytest.mark.parametrize(
    ("relative", "header", "n_rows", "groups"),
    [
        ("tnt305_tvpl_2025/2629-QD-TTg__2edf5927c71bc4c1.md",
         ["TT", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả", "Thời gian thực hiện"], 80,
         ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]),
        ("tnt305_tvpl_2025/552-KH-UBND__192068354fd1ffe5.md",
         ["STT", "NHIỆM VỤ VÀ GIẢI PHÁP", "CHỦ TRÌ", "PHỐI HỢP", "THỜI GIAN"], 19, ["I", "II", "III", "IV"]),
    ],
)
def test_flat_task_tables_of_corpus(relative: str, header: list[str], n_rows: int, groups: list[str]) -> None:
    _, top = corpus_tree(relative)
    tables = [n for n in iter_nodes(list(top)) if n.kind == "table" and n.header == header]
    assert len(tables) == 1
    table = tables[0]
    assert [g.num for g in table.children if g.kind == "group"] == groups
    rows = [n for n in iter_nodes(table.children) if n.kind == "row"]
    assert len(rows) == n_rows
    assert all(len(r.cells or []) == len(header) for r in rows)
    assert rows[0].cells is not None and rows[0].cells[0] == "1"


# A numbered heading set wholly in bold that names its actor heads the paragraph after it however many words it
# has; without bold, or naming a topic, the 14-word rule still joins a long unpunctuated line to the next one.
_BOLD_LONG_HEADINGS = [
    # 144/KH-UBND (blind): 15 words, the actor's duty in the plain paragraph below
    ("**13. Báo và\nPhát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn**\n\n"
     "Chủ trì, phối hợp chặt chẽ với\nSở Khoa học và Công nghệ triển khai tuyên truyền thường xuyên.",
     "Báo và Phát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn", 1),
    # the same line not in bold: one paragraph, as before
    ("13. Báo và\nPhát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn\n\n"
     "Chủ trì, phối hợp chặt chẽ với\nSở Khoa học và Công nghệ triển khai tuyên truyền thường xuyên.",
     None, 0),
    # 511e7283656cde8f (batch 22): a bold topic heading, not an actor: joined as before
    ("**1. Về\ntriển khai thực hiện đánh giá, xếp loại chất lượng đối với tập thể lãnh đạo, quản\n"
     "lý và cá nhân năm 2025**\n\nĐề nghị các cơ quan chuyên\nmôn tổ chức triển khai thực hiện.",
     None, 0),
]


@pytest.mark.parametrize(("text", "own", "children"), _BOLD_LONG_HEADINGS)
def test_bold_actor_heading_is_a_heading_however_long(text: str, own: str | None, children: int) -> None:
    item = tree(text)[0]
    if own is not None:
        assert item.text == own
    assert len(item.children) == children
