"""Tests for tables.find_tables: hand-written excerpts in the three layouts, then the shared corpus."""

from __future__ import annotations

import pytest
from tests.conftest import CORPUS, corpus_file

from vbpl_extract.tables import CellBlock, TableBlock, cell_text, find_tables


def texts(text: str, table: TableBlock) -> list[list[str]]:
    return [[cell_text(text, c) for c in row.cells] for row in table.rows]


def flat(*rows: list[str]) -> str:
    """Render rows the way thuvienphapluat dumps do: a lone '|' opens each row and closes each cell."""
    out: list[str] = []
    for row in rows:
        out.append("|")
        for cell in row:
            if cell:
                out.append(cell)
            out.append("|")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- flat

FLAT = (
    "**PHỤ LỤC I**\nDANH MỤC CÁC CHỈ TIÊU CỤ THỂ\n"
    + flat(
        ["**TT**", "**Chỉ tiêu**", "**Đơn vị**", "**Kết quả**", "**Cơ quan chủ trì\ntheo dõi, đánh giá**"],
        ["**I**", "**Giai đoạn 2025-2027**", "", "", ""],
        [
            "1",
            "Tỉ lệ dịch vụ công trực tuyến toàn trình trên tổng\nsố thủ tục hành chính.",
            "%",
            "100%",
            "Văn phòng Chính phủ",
        ],
        ["2", "Tỉ lệ người dân, doanh nghiệp đánh giá hài lòng.", "%", "", "Bộ Khoa học và\nCông nghệ"],
    )
    + "**PHỤ LỤC II**\nDANH MỤC CÁC NHIỆM VỤ\n"
)


def test_flat_table_with_group_row_and_empty_cell() -> None:
    tables = find_tables(FLAT)
    assert len(tables) == 1
    table = tables[0]
    assert table.style == "flat" and table.header_rows == 1
    rows = texts(FLAT, table)
    assert rows[0] == ["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"]
    assert rows[1] == ["I", "Giai đoạn 2025-2027", "", "", ""]
    assert rows[2][0] == "1" and rows[2][4] == "Văn phòng Chính phủ"
    assert rows[3] == [
        "2",
        "Tỉ lệ người dân, doanh nghiệp đánh giá hài lòng.",
        "%",
        "",
        "Bộ Khoa học và Công nghệ",
    ]
    # spans point into the text, trimmed of '**'
    first = table.rows[0].cells[0]
    assert FLAT[first.start : first.end] == "TT"
    assert FLAT[table.start] == "|" and FLAT[table.end - 1] == "|"
    assert "PHỤ LỤC II" not in FLAT[table.start : table.end]


def test_flat_group_row_with_fewer_cells_resynchronises() -> None:
    # "| **I** | **NHÓM GIẢI PHÁP** |" spans the table: only two cells, then the next row
    text = flat(
        ["**STT**", "**NHIỆM VỤ VÀ GIẢI PHÁP**", "**CHỦ TRÌ**", "**PHỐI HỢP**", "**THỜI GIAN**"],
        ["**I**", "**NHÓM GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH**"],
        [
            "1",
            "Rà soát, kịp thời cụ thể hoá các cơ chế",
            "Sở Tài chính",
            "Sở, ban, ngành có liên quan",
            "Thường xuyên",
        ],
        ["**II**", "**HỖ TRỢ VÀ PHÁT TRIỂN CÔNG NGHỆ**"],
        ["1", "Xây dựng chương trình hỗ trợ nghiên cứu", "Sở Khoa học và Công nghệ", "", "2026"],
    )
    (table,) = find_tables(text)
    rows = texts(text, table)
    assert [r[0] for r in rows] == ["STT", "I", "1", "II", "1"]
    assert rows[1] == ["I", "NHÓM GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH", "", "", ""]
    assert rows[4] == ["1", "Xây dựng chương trình hỗ trợ nghiên cứu", "Sở Khoa học và Công nghệ", "", "2026"]
    padded = table.rows[1].cells[4]
    assert padded.start == padded.end


def test_flat_rowspan_continuation_rows_go_right() -> None:
    # rows 2-3 continue row 1 (TT, agencies and group span down): only the last three columns
    text = flat(
        [
            "**STT**",
            "**Cơ quan chủ trì**",
            "**Cơ quan phối hợp**",
            "**Nội dung nhiệm vụ**",
            "**Chỉ tiêu**",
            "**Thời hạn**",
        ],
        [
            "1",
            "Bộ Nông nghiệp và Môi trường",
            "- Bộ Xây dựng",
            "- Hoàn thiện Nghị định",
            "- Nghị định được ban hành",
            "Quý I năm 2026",
        ],
        ["- Rà soát, cập nhật hướng dẫn", "- Bộ công cụ được ban hành", "Giai đoạn 2026 - 2027"],
        ["- Xây dựng quy chế phối hợp", "- Quy chế được ban hành", "Năm 2026"],
        ["2", "Bộ Xây dựng", "- Bộ Công Thương", "- Nghiên cứu", "- Báo cáo", "Giai đoạn 2026 - 2030"],
    )
    (table,) = find_tables(text)
    rows = texts(text, table)
    assert len(rows) == 5
    assert rows[2] == [
        "",
        "",
        "",
        "- Rà soát, cập nhật hướng dẫn",
        "- Bộ công cụ được ban hành",
        "Giai đoạn 2026 - 2027",
    ]
    assert rows[3][3:] == ["- Xây dựng quy chế phối hợp", "- Quy chế được ban hành", "Năm 2026"]
    assert rows[4][0] == "2"


def test_flat_document_header_is_not_a_table() -> None:
    text = (
        "|\n**THỦ TƯỚNG CHÍNH PHỦ**\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
        "Độc lập - Tự do - Hạnh phúc\n|\n|\nSố: 2629/QĐ-TTg\n|\n*Hà Nội, ngày 01 tháng 12 năm 2025*\n|\n"
        "**QUYẾT ĐỊNH**\nPHÊ DUYỆT KẾ HOẠCH\n|\n*Nơi nhận:*\n- Như Điều 3;\n|\n**KT. THỦ TƯỚNG**\n"
        "**PHÓ THỦ TƯỚNG**\n|\n"
    )
    assert find_tables(text) == []


def test_flat_site_boilerplate_is_not_a_table() -> None:
    text = flat(
        ["**Số hiệu:**", "2629/QĐ-TTg"],
        ["**Loại văn bản:**", "Quyết định", "**Nơi ban hành:**", "Thủ tướng Chính phủ"],
    )
    assert find_tables(text) == []


@pytest.mark.parametrize(
    ("header", "found"),
    [
        # a plan's status column ("Tình trạng": đang triển khai / mới) is a header cell like any other
        (["**TT**", "**Tên nhiệm vụ**", "**Cơ quan chủ trì**", "**Tình trạng**", "**Thời gian thực hiện**"], True),
        # the site's attribute label "Tình trạng:" ("Tình trạng hiệu lực") is not
        (["**Loại văn bản:**", "Kế hoạch", "**Tình trạng:**", "Đã biết"], False),
        (["**Ngày đăng:**", "Đã biết", "**Tình trạng hiệu lực**", "Còn hiệu lực"], False),
    ],
)
def test_flat_status_column_header(header: list[str], found: bool) -> None:
    body = ["1", "Xây dựng hệ thống quan trắc chất lượng không khí", "Bộ Nông nghiệp và Môi trường", "Mới", "2026"]
    text = flat(header, body[: len(header)])
    assert bool(find_tables(text)) is found


@pytest.mark.parametrize("spare", [2, 3, 4])
def test_flat_row_with_blank_cells_past_the_width(spare: int) -> None:
    # a group row written with more cells than the table has, the extra ones blank ("** **")
    text = flat(
        ["**STT**", "**Nhiệm vụ**", "**Đơn vị thực hiện**", "**Thời gian thực hiện**"],
        ["1", "Xây dựng kế hoạch phát triển thương mại điện tử", "Sở Công Thương", "2026"],
        ["**2**", "** **", "**Công nghiệp và năng lượng**", *(["** **"] * spare)],
        ["2.1", "Triển khai nền tảng số kết nối doanh nghiệp", "Sở Công Thương", "2026 - 2030"],
    )
    tables = find_tables(text)
    assert len(tables) == 1
    rows = texts(text, tables[0])
    assert rows[2] == ["2", "", "Công nghiệp và năng lượng", ""]
    assert rows[3] == ["2.1", "Triển khai nền tảng số kết nối doanh nghiệp", "Sở Công Thương", "2026 - 2030"]


def test_flat_two_header_rows_and_wider_body() -> None:
    # "TTHC cắt giảm" spans two columns in the first header row
    text = flat(
        ["**STT**", "**Bộ, cơ quan**", "**TTHC đã cắt giảm**", "**Tổng số**"],
        ["**Đơn giản hóa**", "**Bãi bỏ**", "**Đơn giản hóa**", "**Bãi bỏ**"],
        ["1", "Bộ Công an", "0", "54", "0", "73"],
        ["2", "Bộ Công Thương", "58", "1", "0", "0"],
    )
    (table,) = find_tables(text)
    assert table.header_rows == 2
    assert all(len(r.cells) == 6 for r in table.rows)
    assert texts(text, table)[3] == ["2", "Bộ Công Thương", "58", "1", "0", "0"]


# --------------------------------------------------------------------------- markdown

MARKDOWN = """PHỤ LỤC II

| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |
|---|---|---|---|---|---|
|  **I.** | Nâng cao nhận thức | | | | |
| 1.  |  Xây dựng chương trình tuyên truyền<br>thường xuyên | Bộ Thông tin và Truyền thông | Các bộ, ngành \\| địa phương | Chương trình | 2025 |
| 2. | Xây dựng kế hoạch triển khai | Các bộ, ngành, địa phương |  | Kế hoạch | 01/2025

Đoạn văn sau bảng.
"""


def test_markdown_table() -> None:
    (table,) = find_tables(MARKDOWN)
    assert table.style == "markdown" and table.header_rows == 1
    rows = texts(MARKDOWN, table)
    assert rows[0][0] == "TT" and len(rows) == 4
    assert all(len(r) == 6 for r in rows)
    assert rows[1][:2] == ["I.", "Nâng cao nhận thức"]
    assert rows[2][1] == "Xây dựng chương trình tuyên truyền thường xuyên"  # <br>
    assert rows[2][3] == "Các bộ, ngành \\| địa phương"  # escaped pipe stays in the cell
    assert rows[3] == [
        "2.",
        "Xây dựng kế hoạch triển khai",
        "Các bộ, ngành, địa phương",
        "",
        "Kế hoạch",
        "01/2025",
    ]


def test_markdown_two_column_header_is_returned() -> None:
    text = "| **CHÍNH PHỦ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |\n|---|---|\n| Số: 03/NQ-CP | Hà Nội, ngày 09 tháng 01 năm 2025 |\n\nNGHỊ QUYẾT\n"
    (table,) = find_tables(text)
    assert texts(text, table) == [
        ["CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["Số: 03/NQ-CP", "Hà Nội, ngày 09 tháng 01 năm 2025"],
    ]


def test_markdown_rows_without_leading_pipe_and_uneven_rows() -> None:
    text = "1 | Mẫu số 01 | Đơn đề nghị xác nhận |\n2 | Mẫu số 02 | Giấy xác nhận |\n\n| | KT. BỘ TRƯỞNG\n|---|---\n"
    tables = find_tables(text)
    assert [t.style for t in tables] == ["markdown", "markdown"]
    assert texts(text, tables[0])[1] == ["2", "Mẫu số 02", "Giấy xác nhận"]
    assert texts(text, tables[1]) == [["", "KT. BỘ TRƯỞNG"]]


def test_bare_header_line_heads_the_rows_below() -> None:
    # KH-UBND triển khai Chỉ thị 11-CT/TU (Lào Cai), Phụ lục: the header line has no outer pipe, the rows end with one
    text = ("TT | Tên nhiệm vụ | Sở, ngành chủ trì tham mưu | Thời gian thực hiện | Ghi chú\n"
            "9 | Xây dựng kế hoạch thanh tra | Thanh tra tỉnh | Hàng năm | \n"
            "10 | Kiểm tra khối lượng khoáng sản kê khai | Thuế tỉnh | Hàng năm | \n")
    (table,) = find_tables(text)
    assert table.header_rows == 1
    assert texts(text, table)[0] == ["TT", "Tên nhiệm vụ", "Sở, ngành chủ trì tham mưu", "Thời gian thực hiện", "Ghi chú"]
    assert texts(text, table)[2][:3] == ["10", "Kiểm tra khối lượng khoáng sản kê khai", "Thuế tỉnh"]


def test_bare_line_alone_is_no_table() -> None:
    assert find_tables("ỦY BAN NHÂN DÂN | | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nKẾ HOẠCH\n") == []


# --------------------------------------------------------------------------- stacked (one cell to a line or paragraph)

# QĐ 2200/QĐ-BNNMT, Phụ lục: a markdown header, then one cell to a line; "1 / title" over lettered rows is a group
STACKED_LINES = """PHỤ LỤC
| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |
| --- | --- | --- | --- |
Thời gian thực hiện
1
Tổ chức tuyên truyền, phổ biến, hướng dẫn triển khai thực hiện Nghị định
a)
Tổ chức Hội nghị phổ biến, triển khai Nghị định đến các cơ quan, tổ chức về lâm nghiệp.
Cục Lâm nghiệp và Kiểm lâm
Vụ Pháp chế; các cơ quan, đơn vị có liên quan
Quý III, IV/2026
b)
Tổ chức các chương trình truyền thông, các hình thức tuyên truyền phù hợp khác.
Cục Lâm nghiệp và Kiểm lâm, Sở Nông nghiệp và Môi trường
Các cơ quan, đơn vị có liên quan
Thường xuyên
"""

# CTr-104/CTr-TU (Tỉnh ủy Lào Cai), Phụ lục 2, as pdftotext gives it: one cell to a paragraph, a group row inside the
# header, a person column, and a page where a column's cells come one after another
STACKED_PARAGRAPHS = """TT

Nhiệm vụ cụ thể

I Các nhiệm vụ cần làm ngay trong năm 2026

Cơ quan, tổ chức
đảng chủ trì

Cá nhân phụ trách chỉ
đạo, kiểm tra, đôn đốc

Thời hạn
thực hiện

1

Tổ chức nghiên cứu, học tập, quán triệt và triển khai thực hiện Kết luận số 75-KL/TW

Các cấp ủy, tổ chức đảng

Thủ trưởng các cơ quan,
đơn vị, Bí thư Đảng ủy các xã, phường

Trước ngày
15/10/2026

II.1 Hoàn thiện thể chế, chính sách, pháp luật; chiến lược, quy hoạch

Rà soát, hoàn thiện hệ thống văn bản quy phạm pháp luật về bảo vệ môi trường

Đảng ủy UBND
tỉnh

Xây dựng Kế hoạch bảo vệ môi trường cấp tỉnh giai đoạn 2031 - 2040

Đảng ủy UBND
tỉnh

Đồng chí Phan Trung Bá -
Phó Chủ tịch UBND tỉnh

Đồng chí Phan Trung Bá -
Phó Chủ tịch UBND tỉnh

2026 - 2030

2029 - 2030
"""


def test_stacked_lines_under_a_markdown_header() -> None:
    (table,) = find_tables(STACKED_LINES)
    assert table.style == "stacked"
    rows = texts(STACKED_LINES, table)
    assert rows[0] == ["TT", "Nội dung hoạt động", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    assert rows[1][0] == "" and rows[1][1].startswith("1 Tổ chức tuyên truyền")  # the group row
    assert rows[2] == ["a)", "Tổ chức Hội nghị phổ biến, triển khai Nghị định đến các cơ quan, tổ chức về lâm nghiệp.",
                       "Cục Lâm nghiệp và Kiểm lâm", "Vụ Pháp chế; các cơ quan, đơn vị có liên quan", "Quý III, IV/2026"]
    assert rows[3][2:] == ["Cục Lâm nghiệp và Kiểm lâm, Sở Nông nghiệp và Môi trường",
                           "Các cơ quan, đơn vị có liên quan", "Thường xuyên"]


def test_stacked_paragraphs_with_a_column_given_cell_after_cell() -> None:
    (table,) = find_tables(STACKED_PARAGRAPHS)
    rows = texts(STACKED_PARAGRAPHS, table)
    assert rows[0] == ["TT", "Nhiệm vụ cụ thể", "Cơ quan, tổ chức đảng chủ trì",
                       "Cá nhân phụ trách chỉ đạo, kiểm tra, đôn đốc", "Thời hạn thực hiện"]
    assert rows[1] == ["1", "Tổ chức nghiên cứu, học tập, quán triệt và triển khai thực hiện Kết luận số 75-KL/TW",
                       "Các cấp ủy, tổ chức đảng", "Thủ trưởng các cơ quan, đơn vị, Bí thư Đảng ủy các xã, phường",
                       "Trước ngày 15/10/2026"]
    assert rows[2][1].startswith("II.1 Hoàn thiện thể chế")  # a group row
    # the persons and the times given one after another fill the two rows in order
    assert [r[2] for r in rows[3:]] == ["Đảng ủy UBND tỉnh", "Đảng ủy UBND tỉnh"]
    assert [r[4] for r in rows[3:]] == ["2026 - 2030", "2029 - 2030"]
    assert rows[4][3] == "Đồng chí Phan Trung Bá - Phó Chủ tịch UBND tỉnh"


# 982/QĐ-TTg as the Công báo's text layer gives it: one cell to a line, every cell wrapped over lines of its own, a
# numbered group over "1.1", and the page's running head and number between two rows
STACKED_WRAPPED = """TT
Nhiệm vụ, giải pháp
Cơ quan
chủ trì
Cơ quan
phối hợp
Thời gian
thực hiện
1.
Rà soát, hoàn thiện thể chế
1.1
Nghiên cứu, rà soát, sửa đổi, bổ
sung và đơn giản hóa các quy định,
thủ tục hành chính liên quan.
Bộ Tài chính
Bộ Khoa học và
Công nghệ
Quý IV/2026
CÔNG BÁO/Số 333/Ngày 16-06-2026
92
1.2
Nghiên cứu, xây dựng cơ chế tài
chính, tín dụng khuyến khích.
Bộ Tài chính
Cơ quan, tổ chức
và doanh nghiệp
Quý IV/2026
"""


def test_stacked_cells_wrapped_over_lines_and_page_furniture() -> None:
    furniture = {STACKED_WRAPPED.index("CÔNG BÁO/Số"), STACKED_WRAPPED.index("92\n")}
    (table,) = find_tables(STACKED_WRAPPED, furniture)
    rows = texts(STACKED_WRAPPED, table)
    assert rows[1][:2] == ["", "1. Rà soát, hoàn thiện thể chế"]  # the group row: "1." over "1.1"
    # a label wrapped over two lines ("Cơ quan" / "chủ trì") is one label
    assert rows[0] == ["TT", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    assert rows[2] == ["1.1", "Nghiên cứu, rà soát, sửa đổi, bổ sung và đơn giản hóa các quy định, thủ tục hành chính "
                       "liên quan.", "Bộ Tài chính", "Bộ Khoa học và Công nghệ", "Quý IV/2026"]
    assert rows[3] == ["1.2", "Nghiên cứu, xây dựng cơ chế tài chính, tín dụng khuyến khích.", "Bộ Tài chính",
                       "Cơ quan, tổ chức và doanh nghiệp", "Quý IV/2026"]
    assert "CÔNG BÁO" not in " ".join(c for r in rows for c in r)


@pytest.mark.parametrize("text", [
    # a plan's own headings are no table header ("1. Nội dung", "2. Cơ quan chủ trì", "3. Thời gian thực hiện")
    "1. Nội dung\nRà soát hồ sơ\n2. Cơ quan chủ trì\nSở Tài chính\n3. Thời gian thực hiện\nQuý IV/2026\n",
    # labels with no task column: an indicator table ("TT / Nội dung" is the task column only with a lead or time)
    "TT\n\nChỉ tiêu\n\nMục tiêu\n\n1\n\nTỷ lệ che phủ rừng\n\n60%\n",
    # a header with no rows under it
    "TT\nNhiệm vụ\nCơ quan chủ trì\nThời gian thực hiện\n",
])
def test_stacked_needs_a_task_header_and_rows(text: str) -> None:
    assert [t.style for t in find_tables(text)] == []


def test_lone_pipe_lines_are_not_markdown() -> None:
    assert find_tables("|\nSố: 159/KH-UBND\n|\n") == []


# --------------------------------------------------------------------------- html

HTML = """Phụ lục
<table border="1">
<thead>
<tr>
<th>TT</th>
<th>Nhiệm vụ thực hiện</th>
<th>Đơn vị chủ trì</th>
<th>Thời gian<br>thực hiện</th>
</tr>
</thead>
<tbody>
<tr>
<td colspan="4">**I. Tăng cường mở rộng vùng phủ sóng**</td>
</tr>
<tr>
<td rowspan="2">1</td>
<td>Tập trung mở rộng vùng phủ<br>sóng 4G, 5G</td>
<td>Các doanh nghiệp<br>viễn thông</td>
<td>2024-2025</td>
</tr>
<tr>
<td>Xây dựng Quy hoạch hạ tầng</td>
<td>Sở TT&amp;TT</td>
</tr>
</tbody>
</table>
"""


def test_html_table_with_spans() -> None:
    (table,) = find_tables(HTML)
    assert table.style == "html" and table.header_rows == 1
    rows = texts(HTML, table)
    assert rows[0] == ["TT", "Nhiệm vụ thực hiện", "Đơn vị chủ trì", "Thời gian thực hiện"]
    assert rows[1] == ["I. Tăng cường mở rộng vùng phủ sóng"] * 4  # colspan repeats the same span
    assert table.rows[1].cells[0] == table.rows[1].cells[3]
    assert rows[2] == [
        "1",
        "Tập trung mở rộng vùng phủ sóng 4G, 5G",
        "Các doanh nghiệp viễn thông",
        "2024-2025",
    ]
    assert rows[3] == ["1", "Xây dựng Quy hoạch hạ tầng", "Sở TT&TT", ""]  # rowspan, then padding
    assert HTML[table.start : table.start + 6] == "<table" and HTML[: table.end].endswith("</table>")


def test_cell_text() -> None:
    text = "|\n**Cơ quan chủ trì\ntheo dõi, đánh giá**\n|"
    assert cell_text(text, CellBlock(2, len(text) - 2)) == "Cơ quan chủ trì theo dõi, đánh giá"
    assert cell_text(text, CellBlock(3, 3)) == ""


# --------------------------------------------------------------------------- robustness


def check_invariants(text: str, tables: list[TableBlock]) -> None:
    last = 0
    for table in tables:
        assert last <= table.start < table.end <= len(text)
        last = table.end
        assert table.style in ("flat", "markdown", "html")
        assert 0 <= table.header_rows <= len(table.rows)
        widths = {len(r.cells) for r in table.rows}
        assert len(widths) == 1 and widths.pop() >= 1
        prev = table.start
        for row in table.rows:
            assert prev <= row.start <= row.end <= table.end
            prev = row.end
            for cell in row.cells:
                assert row.start <= cell.start <= cell.end <= row.end


@pytest.mark.parametrize(
    "text",
    [
        "",
        "|",
        "|\n|\n|\n|\n|\n",
        "| a |",
        "|---|",
        "<table></table>",
        "<table><tr><td>x",
        FLAT[:200],
        MARKDOWN[:150],
        HTML[:300],
        "|\n**TT**\n|\n**Nội dung**\n|\n**Đơn vị**\n|\n|\n",
        "\r\n|\r\nTT\r\n|\r\nNhiệm vụ\r\n|\r\nGhi chú\r\n|\r\n|\r\n1\r\n|",
    ],
)
def test_never_raises_on_odd_input(text: str) -> None:
    check_invariants(text, find_tables(text))


def test_many_pipes_and_rows() -> None:
    header = flat(["**TT**", "**Nhiệm vụ**", "**Cơ quan chủ trì**", "**Thời gian**"])
    body = flat(
        *[[str(i), "Xây dựng kế hoạch triển khai", "Sở Tài chính", "Năm 2026"] for i in range(1, 12_000)]
    )
    text = header + body + "|\n" * 40_000
    assert len(text.encode("utf-8")) > 1_000_000 and text.count("|\n") >= 100_000
    tables = find_tables(text)
    assert len(tables) == 1 and len(tables[0].rows) == 12_000
    assert find_tables("|\n" * 100_000 + "x\n" * 400_000) == []


# --------------------------------------------------------------------------- corpus


@pytest.mark.corpus
def test_03_nq_cp_appendix_ii() -> None:
    path = corpus_file("vnmasterplan/03-NQ-CP_2025__full_with_PL1_PL2.md")
    text = path.read_text(encoding="utf-8")
    tables = find_tables(text)
    assert [t.style for t in tables] == ["markdown", "markdown"]
    pl1, pl2 = tables
    assert texts(text, pl1)[0][:4] == ["TT", "Chỉ tiêu", "Đơn vị", "Kết quả"]
    rows = texts(text, pl2)
    assert pl2.header_rows == 1
    assert rows[0] == [
        "TT",
        "Tên nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Kết quả",
        "Thời gian hoàn thành",
    ]
    assert all(len(r) == 6 for r in rows)
    numbered = [r for r in rows[1:] if r[0].rstrip(".").isdigit()]
    assert 130 <= len(numbered) <= 150
    assert text.index("PHỤ LỤC II") < pl2.start


@pytest.mark.corpus
def test_2629_qd_ttg_flat_tables() -> None:
    path = corpus_file("tnt305_tvpl_2025/2629-QD-TTg__2edf5927c71bc4c1.md")
    text = path.read_text(encoding="utf-8")
    tables = find_tables(text)
    assert [t.style for t in tables] == ["flat", "flat"]
    pl1, pl2 = (texts(text, t) for t in tables)
    assert pl1[0][:4] == ["TT", "Chỉ tiêu", "Đơn vị", "Kết quả"] and len(pl1[0]) == 5
    assert pl1[1] == ["I", "Giai đoạn 2025-2027", "", "", ""]
    assert pl1[2][0] == "I.1"
    assert pl1[3][0] == "1" and pl1[3][1].startswith("Tỉ lệ dịch vụ công trực tuyến toàn trình")
    assert pl1[3][2:] == ["%", "100%", "Văn phòng Chính phủ"]
    assert pl2[0] == [
        "TT",
        "Nhiệm vụ, giải pháp",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Kết quả",
        "Thời gian thực hiện",
    ]
    assert pl2[1] == ["I", "Hoàn thiện thể chế", "", "", "", ""]
    assert pl2[2][0] == "1" and pl2[2][2] == "Bộ Khoa học và Công nghệ" and pl2[2][5] == "Tháng 12/2025"
    assert len(pl2) > 60
    assert text.index("PHỤ LỤC II") < tables[1].start


@pytest.mark.corpus
def test_552_kh_ubnd_flat_table() -> None:
    path = corpus_file("tnt305_tvpl_2025/552-KH-UBND__192068354fd1ffe5.md")
    text = path.read_text(encoding="utf-8")
    (table,) = find_tables(text)
    rows = texts(text, table)
    assert rows[0] == ["STT", "NHIỆM VỤ VÀ GIẢI PHÁP", "CHỦ TRÌ", "PHỐI HỢP", "THỜI GIAN"]
    assert rows[1] == ["I", "NHÓM GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH", "", "", ""]
    assert rows[2][0] == "1" and rows[2][2:] == [
        "Sở Tài chính",
        "Sở, ban, ngành có liên quan",
        "Thường xuyên",
    ]
    assert [r[0] for r in rows if r[0] in ("I", "II", "III", "IV")] == ["I", "II", "III", "IV"]
    assert rows[-1][0] == "5" and rows[-1][2:] == ["Hiệp hội Doanh nghiệp", "Doanh nghiệp", "Thường xuyên"]
    assert len(rows) == 24


@pytest.mark.corpus
def test_159_kh_ubnd_has_no_table() -> None:
    # the dump of 159/KH-UBND carries no task table (MANIFEST: has_task_table=no): only its
    # two-column header and signature block use '|' lines
    path = corpus_file("tnt305_tvpl_2025/159-KH-UBND__d40513a8b25883ec.md")
    assert find_tables(path.read_text(encoding="utf-8")) == []


@pytest.mark.corpus
def test_2820_qd_ubnd_rowspan_rows() -> None:
    path = corpus_file("tnt305_tvpl_2025/2820-QD-UBND__001c610b2efdcf0c.md")
    text = path.read_text(encoding="utf-8")
    (table,) = find_tables(text)
    rows = texts(text, table)
    assert len(rows[0]) == 7 and rows[0][0] == "TT"
    cont = next(r for r in rows if r[1].startswith("Xây dựng hạ tầng kỹ thuật dự phòng"))
    assert cont[0] == "" and cont[2] == "Trung tâm Chuyển đổi số Thành phố"


@pytest.mark.corpus
def test_seed_004_header_is_not_a_table() -> None:
    path = corpus_file("seeds/004_73d4ecd4209fcbe0.txt")
    text = path.read_text(encoding="utf-8")
    header_end = text.index("NGHỊ QUYẾT") if "NGHỊ QUYẾT" in text else 2000
    assert all(t.start >= header_end for t in find_tables(text))


@pytest.mark.corpus
def test_public_341_html_tables() -> None:
    path = corpus_file("extracttomarkdown_pdf2md/Public_341.md")
    text = path.read_text(encoding="utf-8")
    tables = find_tables(text)
    assert [t.style for t in tables] == ["html"] * 3
    rows = texts(text, tables[0])
    assert rows[0][0] == "TT" and len(rows[0]) == 7 and tables[0].header_rows == 1
    assert rows[2][:3] == [
        "1",
        "Tập trung mở rộng vùng phủ sóng, chất lượng mạng viễn thông di động 4G, 5G",
        "Các doanh nghiệp viễn thông",
    ]


@pytest.mark.corpus
def test_whole_corpus_invariants(corpus_dir) -> None:
    paths = sorted(p for p in corpus_dir.rglob("*") if p.suffix in (".md", ".txt"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        check_invariants(text, find_tables(text))


def test_corpus_constant_points_at_shared() -> None:
    assert CORPUS.name == "corpus"


# 980/KH-UBND of Nghệ An, Phụ lục: a line of dots where the source leaves rows out stands where the empty
# segment between two rows would be; the rows after it belong to the same table
ELIDED = (
    "|\n**TT**\n|\n**Nội dung thực hiện**\n|\n**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**\n|\n"
    "**Thời gian hoàn thành**\n|\n**Sản phẩm dự kiến**\n|\n"
    "|\n8\n|\nBan hành Quy chế Phối hợp tìm kiếm, cứu nạn hàng không dân dụng thay thế Quy chế hiện hành\n|\n"
    "Sở Xây dựng\n|\nVăn phòng Ban Chỉ huy và cơ quan, địa phương liên quan\n|\nSau khi có Quy chế của TW\n|\n"
    "Quyết định Chủ tịch UBND tỉnh\n|\n….................................\n|\n"
    "2\n|\nThành lập bộ máy quản lý Quỹ và ban hành Quy chế hoạt động Quỹ Phòng thủ dân sự cấp tỉnh\n|\n"
    "Sở Tài chính\n|\nSở Tài chính và cơ quan, địa phương liên quan\n|\n2025\n|\nQuyết định của Chủ tịch UBND tỉnh\n|\n"
    "|\n3\n|\nTiếp nhận và duy trì Hệ thống Tổng đài 112 phục vụ hoạt động phòng thủ dân sự\n|\n"
    "Bộ CHQS tỉnh\n|\nBộ Quốc phòng và cơ quan, địa phương liên quan\n|\n2025\n|\n|\n"
)


def test_flat_line_of_dots_between_rows_keeps_the_table() -> None:
    tables = find_tables(ELIDED)
    assert len(tables) == 1
    rows = texts(ELIDED, tables[0])
    assert [r[0] for r in rows] == ["TT", "8", "2", "3"]
    assert rows[2][2] == "Sở Tài chính" and rows[3][2] == "Bộ CHQS tỉnh"
