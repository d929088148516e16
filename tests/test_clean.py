"""Tests for clean.normalize: offset map, paragraphs, markdown, unwrapping, boilerplate."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from conftest import FIXTURES, corpus_file
from vbpl_extract.clean import CleanText, build_fragment, clean_span, normalize, raw_lines


def texts(source: str) -> list[str]:
    return [p.text for p in normalize(source).paragraphs]


def assert_maps_back(ct: CleanText) -> None:
    """Every text paragraph, re-normalised from its source span, gives the paragraph text back."""
    for p in ct.paragraphs:
        if p.kind != "text":
            continue
        start, end = p.span
        assert clean_span(ct.source, start, end).text == p.text, p.text[:80]
        # every character maps inside the paragraph's source span
        for i in range(len(p.text)):
            s, e = p.to_source(i, i + 1)
            assert start <= s < e <= end


# --------------------------------------------------------------------------- offsets


@pytest.mark.parametrize(
    "name", ["tvpl_quyet_dinh.md", "md_ke_hoach_so.md", "cong_dien.md", "congbot_header.md", "task_table.md", "news.txt"]
)
def test_offsets_map_back_on_fixtures(name: str) -> None:
    assert_maps_back(normalize((FIXTURES / name).read_text("utf-8")))


@pytest.mark.parametrize(
    "relative",
    ["seeds/004_73d4ecd4209fcbe0.txt", "tnt305_tvpl_2025/223-CD-TTg__15e6fb3d3f3b2644.md"],
)
def test_offsets_map_back_on_corpus(relative: str) -> None:
    path: Path = corpus_file(relative)
    assert_maps_back(normalize(path.read_text("utf-8")))


def test_joined_text_maps_to_source_through_clean_text() -> None:
    src = "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6\nnăm 2015;\n**Điều 1. **Phê duyệt"
    ct = normalize(src)
    assert ct.text == "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\nĐiều 1. Phê duyệt"
    i = ct.text.index("Phê duyệt")
    s, e = ct.to_source(i, i + len("Phê duyệt"))
    assert src[s:e] == "Phê duyệt"
    s, e = ct.to_source(ct.text.index("6 năm"), ct.text.index("6 năm") + 5)
    assert src[s:e] == "6\nnăm"


def test_nfd_input_maps_back() -> None:
    src = unicodedata.normalize("NFD", "Điều 1. Giao Ủy ban nhân dân tỉnh\nthực hiện nhiệm vụ.")
    ct = normalize(src)
    assert [p.text for p in ct.paragraphs] == ["Điều 1. Giao Ủy ban nhân dân tỉnh thực hiện nhiệm vụ."]
    assert_maps_back(ct)
    p = ct.paragraphs[0]
    i = p.text.index("Ủy")
    s, e = p.to_source(i, i + 2)
    assert unicodedata.normalize("NFC", src[s:e]) == "Ủy"


def test_build_fragment_joins_lines_and_drops_bold() -> None:
    s = "**Ủy ban nhân dân\ntỉnh  Nghệ An**"
    frag = build_fragment(s, [(0, 17), (18, 33)])
    assert frag.text == "Ủy ban nhân dân tỉnh Nghệ An"
    assert len(frag.starts) == len(frag.ends) == len(frag.text)


def _fragment_offset_by_offset(source: str, lines: list[tuple[int, int]]) -> tuple[str, list[int], list[int]]:
    """build_fragment before it gathered stretches of offsets: every space and line goes into the maps
    as it comes (same fast paths, same tokens), as a plain list."""
    from vbpl_extract.clean import _LINE_TOKENS, _NOT_PLAIN, _WORDS, OffsetMap, _append_text

    out: list[str] = []
    starts, ends = OffsetMap(), OffsetMap()
    pending: tuple[int, int] | None = None
    for ls, le in lines:
        line = source[ls:le]
        if _NOT_PLAIN.search(line) is None and (line.isascii() or unicodedata.is_normalized("NFC", line)):
            if line and not line[0].isspace() and not line[-1].isspace() and "  " not in line and "\t" not in line:
                if out:
                    pending = pending or (-1, ls)
                    out.append(" ")
                    starts.append(pending[0])
                    ends.append(pending[1])
                out.append(line)
                starts.extend(range(ls, le))
                ends.extend(range(ls + 1, le + 1))
                pending = (le, min(le + 1, len(source))) if le < len(source) else None
                continue
            prev_end = -1
            for m in _WORDS.finditer(line):
                s, e = ls + m.start(), ls + m.end()
                if out:
                    pending = pending or (prev_end, s)
                    out.append(" ")
                    starts.append(pending[0])
                    ends.append(pending[1])
                pending = None
                out.append(m.group())
                starts.extend(range(s, e))
                ends.extend(range(s + 1, e + 1))
                prev_end = e
            if out and le < len(source):
                pending = (le, min(le + 1, len(source)))
            continue
        for m in _LINE_TOKENS.finditer(line):
            if m.lastgroup in ("mk", "mk2", "zw"):
                continue
            s, e = ls + m.start(), ls + m.end()
            if m.lastgroup in ("ws", "br"):
                if out and pending is None:
                    pending = (s, e)
                continue
            if pending is not None:
                out.append(" ")
                starts.append(pending[0])
                ends.append(pending[1])
                pending = None
            _append_text(out, starts, ends, m.group(), s)
        if out and pending is None and le < len(source):
            pending = (le, min(le + 1, len(source)))
    return "".join(out), list(starts), list(ends)


@pytest.mark.parametrize("source", [
    "Điều 1. Giao Sở Tài chính\r\nchủ trì,  phối hợp\r\n\r\nvới\tSở Nội vụ",
    "**2.** Ủy ban nhân dân\n  tỉnh  thực hiện  \nxong *trước* ngày 15/12/2025",
    "Giao Sở\u200bNội vụ\nb\u0300áo cáo \\\\- hằng tháng\n|  Sở Y tế | 2025 |",
    *[(FIXTURES / name).read_text("utf-8") for name in ("tvpl_quyet_dinh.md", "task_table.md", "news.txt")],
])
def test_build_fragment_gathers_offsets_as_added_one_by_one(source: str) -> None:
    """The stretches build_fragment gathers before a run goes into the maps give the offsets that adding
    each space and line as it comes gives (real lines: CRLF, doubled spaces, tabs, markup, NFD, cells)."""
    lines = [(ln.start, ln.end) for ln in raw_lines(source)]
    for k in range(0, len(lines), 7):  # paragraphs of up to 7 lines, and the whole text as one
        for part in (lines[k:k + 7], lines):
            frag = build_fragment(source, part)
            assert (frag.text, list(frag.starts), list(frag.ends)) == _fragment_offset_by_offset(source, part)


# --------------------------------------------------------------------------- markdown


def test_markdown_markers_dropped() -> None:
    src = "## II. NHIỆM VỤ CỤ THỂ\n\n**1. Sở Nông nghiệp và Môi trường**\n\n*Căn cứ Luật Đất đai năm 2024;*"
    assert texts(src) == ["II. NHIỆM VỤ CỤ THỂ", "1. Sở Nông nghiệp và Môi trường", "Căn cứ Luật Đất đai năm 2024;"]


def test_markdown_hard_line_break_ends_paragraph() -> None:
    src = "Giao Sở Tài chính chủ trì thực hiện  \nSở Nội vụ phối hợp thực hiện"
    assert texts(src) == ["Giao Sở Tài chính chủ trì thực hiện", "Sở Nội vụ phối hợp thực hiện"]


def test_blank_line_ends_paragraph() -> None:
    assert texts("Sở Tài chính chủ trì thực hiện\n\nSở Nội vụ phối hợp") == [
        "Sở Tài chính chủ trì thực hiện",
        "Sở Nội vụ phối hợp",
    ]
    # after a full sentence, even a lower-case opening starts a paragraph
    assert texts("Sở Tài chính chủ trì thực hiện.\n\nsở Nội vụ phối hợp") == [
        "Sở Tài chính chủ trì thực hiện.",
        "sở Nội vụ phối hợp",
    ]
    # a sentence an empty line cut (a converted PDF's page) goes on: "… các đoàn thể" / "" / "tỉnh; …" (104-CTr/TU)
    assert texts("Trách nhiệm chỉ đạo thực hiện: Đảng uỷ Mặt trận Tổ quốc, các đoàn thể\n\ntỉnh; các cấp ủy.") == [
        "Trách nhiệm chỉ đạo thực hiện: Đảng uỷ Mặt trận Tổ quốc, các đoàn thể tỉnh; các cấp ủy."]


# --------------------------------------------------------------------------- unwrapping


def test_hard_wrapped_lines_joined() -> None:
    src = (
        "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang\n"
        "bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh,\n"
        "thành phố trực thuộc trung ương chịu trách nhiệm thi hành Nghị quyết này."
    )
    assert texts(src) == [
        "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, "
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Nghị quyết này."
    ]


def test_paragraph_breaks_before_markers() -> None:
    src = (
        "Các Bộ, ngành cần thực hiện các nhiệm vụ sau:\n"
        "a) Rà soát văn bản\n"
        "đ) Xây dựng đề án;\n"
        "1. Bộ Công an\n"
        "- Chủ trì thực hiện\n"
        "Điều 2. Hiệu lực\n"
        "Căn cứ Luật Tổ chức Chính phủ;\n"
        "Căn cứ Nghị định số 10/2025/NĐ-CP"
    )
    assert texts(src) == [
        "Các Bộ, ngành cần thực hiện các nhiệm vụ sau:",
        "a) Rà soát văn bản",
        "đ) Xây dựng đề án;",
        "1. Bộ Công an",
        "- Chủ trì thực hiện",
        "Điều 2. Hiệu lực",
        "Căn cứ Luật Tổ chức Chính phủ;",
        "Căn cứ Nghị định số 10/2025/NĐ-CP",
    ]


def test_closing_parenthesis_after_wrap_is_not_a_list_marker() -> None:
    src = "Triển khai Kế hoạch\ncủa Ủy ban nhân dân tỉnh (Kế hoạch số\n01) và các văn bản liên quan."
    assert texts(src) == ["Triển khai Kế hoạch của Ủy ban nhân dân tỉnh (Kế hoạch số 01) và các văn bản liên quan."]


def test_numbered_marker_with_parenthesis_starts_paragraph_when_balanced() -> None:
    assert texts("thực hiện nhiệm vụ\n2) Bộ Tài chính bố trí kinh phí") == [
        "thực hiện nhiệm vụ",
        "2) Bộ Tài chính bố trí kinh phí",
    ]


# --------------------------------------------------------------------------- lines and boilerplate


def test_raw_lines_kinds() -> None:
    lines = raw_lines("|\n**Số: 03/NQ-CP**\n\n-------\n| --- | --- |")
    assert [ln.kind for ln in lines] == ["pipe", "text", "blank", "rule", "rule"]
    assert lines[1].content == "Số: 03/NQ-CP"


def test_boilerplate_before_and_after_is_skipped() -> None:
    src = (FIXTURES / "tvpl_quyet_dinh.md").read_text("utf-8")
    ct = normalize(src)
    start, end = ct.body_span
    # starts at the issuer block just above the motto, not at the site's metadata
    assert src[start:].startswith("**ỦY BAN NHÂN DÂN**")
    assert "THƯ VIỆN PHÁP LUẬT" not in src[start:end]
    assert "Số hiệu" not in ct.text
    assert ct.paragraphs[0].text == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    assert ct.paragraphs[1].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    # ends before the site's trailer
    assert "Văn bản này chưa cập nhật nội dung Tiếng Anh" not in ct.text
    assert "Văn bản liên quan" not in ct.text
    assert end <= src.index("Văn bản này chưa cập nhật")
    assert "Phùng Thành Vinh" in ct.text


def test_site_title_line_before_trailer_is_not_body() -> None:
    src = (FIXTURES / "tvpl_quyet_dinh.md").read_text("utf-8")
    ct = normalize(src)
    assert ct.paragraphs[-1].text == "Phùng Thành Vinh"


@pytest.mark.parametrize("note", [
    # the keeper's notes over the scans of corpus/external/skill_sct
    "[OCR] [Bản trích chữ tự động bằng tesseract tiếng Việt từ bản quét QD-2336-2026.pdf — 7 trang. Có thể sai số.]",
    "[Bản trích chữ tự động bằng pdftotext từ GCN-DKDT-KCN.pdf — 9 trang. Đối chiếu bản gốc trên GitHub.]",
])
def test_a_keepers_note_in_brackets_over_the_text_is_not_the_document(note: str) -> None:
    src = (f"{note}\n\n===== Trang 1 =====\nỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc\n\nĐiều 1. Giao Sở Tài chính thực hiện.\n")
    ct = normalize(src)
    assert ct.body_span[0] == src.index("ỦY BAN NHÂN DÂN CỘNG")
    assert not ct.paragraphs[0].text.startswith("[")


def test_a_bracketed_footnote_mark_stays_in_the_document() -> None:
    src = "[1] Tính trên cơ sở mức trích lập Quỹ Bình ổn giá xăng dầu 0 đồng/lít.\nĐiều 1. Giao Sở Tài chính thực hiện.\n"
    assert normalize(src).body_span[0] == 0


def test_a_markdown_blockquote_keeps_its_points_apart() -> None:
    # 278/2026/NĐ-CP as diepxuan.github.io keeps it: the amended wording quoted, a lone ">" between its points
    src = ("Điểm a và điểm b khoản 1 Điều 5 được sửa đổi, bổ sung như sau:\n\n"
           "> **a)** Trường hợp giá bán lẻ điện bình quân tính toán giảm dưới 1%, Tập đoàn Điện lực Việt Nam báo cáo.\n"
           ">\n> **b)** Trường hợp giá bán lẻ điện bình quân tăng từ 2%, Tập đoàn Điện lực Việt Nam lập hồ sơ.\n"
           ">\n> > quoted twice\n")
    ct = normalize(src)
    texts = [p.text for p in ct.paragraphs]
    assert texts[1].startswith("a) Trường hợp") and texts[1].endswith("báo cáo.")
    assert texts[2].startswith("b) Trường hợp")
    assert texts[-1] == "quoted twice"
    start = src.index("Trường hợp giá bán lẻ điện bình quân tính")
    assert ct.paragraphs[1].to_source(3, 13) == (start, start + 10)


def test_a_pages_front_matter_is_not_the_document() -> None:
    # 278/2026/NĐ-CP as diepxuan.github.io keeps it: the page's YAML record first ("tags: - Bộ Công Thương")
    src = ("---\nlayout: vanban\ntitle: \"Sửa đổi Nghị định số 72/2025/NĐ-CP\"\ntags:\n  - Bộ Công Thương\n---\n\n"
           "# CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n## Độc lập – Tự do – Hạnh phúc\n\n# NGHỊ ĐỊNH\n\nĐiều 1. Sửa đổi.\n")
    ct = normalize(src)
    assert ct.body_span[0] == src.index("# CỘNG HÒA")
    assert all("Bộ Công Thương" not in p.text for p in ct.paragraphs)


def test_issuer_and_motto_run_together_on_one_line_start_the_document() -> None:
    # 233/2026/NĐ-CP as a site keeps it: its record of the page, then the scan's two columns read as one line
    src = ("## THÔNG TIN VĂN BẢN\n\n**Số hiệu:** 233/2026/NĐ-CP\n**Cơ quan ban hành:** Chính phủ\n\n## VĂN BẢN\n\n\n\n\n"
           "CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n——— Độc lập - Tự do - Hạnh phúc\n\n"
           "Số: 233/2026/NĐ-CP Hà Nội, ngày 26 tháng 6 năm 2026\n\nNGHỊ ĐỊNH\n")
    assert normalize(src).body_span[0] == src.index("CHÍNH PHỦ CỘNG HÒA")
    # a sentence that names the Republic is no start
    later = "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nĐiều 1. Giao Sở Tài chính.\n"
    assert normalize(later).body_span[0] == 0


def test_a_prose_line_under_twice_the_width_of_short_cells_is_still_wrapped() -> None:
    # 100/NQ-CP as the Công báo's text layer gives it: an appendix whose cells, one to a line, make the text seem wrapped
    # at about 47 columns; its prose is wrapped at about 83, and a prose line that ends on a comma goes on
    cells = "".join(f"Nghiên cứu, rà soát, sửa đổi, bổ sung quy định {k:02d}\nvề thủ tục hành chính liên quan đến đầu tư\n"
                    for k in range(20))
    prose = ("cạnh các nhiệm vụ thường xuyên, các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ,\n"
             "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương cần cụ thể hóa các nhiệm vụ sau đây:\n")
    ct = normalize(prose + cells)
    assert ct.paragraphs[0].text.endswith("các nhiệm vụ sau đây:")


def test_a_table_cell_repeated_over_numbered_rows_is_no_running_head() -> None:
    # QĐ 2200/QĐ-BNNMT, Phụ lục: "Thường xuyên" closes rows 1, 3 and 4, each followed by the next group's number
    src = "".join(f"Tổ chức tuyên truyền đợt {k}.\nCục Lâm nghiệp và Kiểm lâm\nThường xuyên\n{k + 1}\n" for k in (1, 3, 4))
    assert "Thường xuyên" in normalize(src).text
    head = "".join(f"CÔNG BÁO/Số 286/Ngày 27-05-2026\n{p}\nĐiều {p}. Giao Sở Tài chính.\n" for p in (89, 90, 91))
    assert "CÔNG BÁO" not in normalize(head).text


def test_document_without_boilerplate_keeps_everything() -> None:
    src = "Điều 1. Giao Sở Tài chính thực hiện.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."
    ct = normalize(src)
    assert ct.body_span == (0, len(src))
    assert len(ct.paragraphs) == 2


def test_news_with_sidebar_numbers_keeps_the_article() -> None:
    src = (
        "Thủ tướng chủ trì Phiên họp thứ hai Ban Chỉ đạo\n\n"
        "Thứ bảy - 17/05/2025 13:20\n"
        "Sáng 17/5, tại Hà Nội, Ban Chỉ đạo tổ chức Phiên họp thứ hai.\n\n"
        "Tác giả: Đỗ Phương\n\nVăn bản mới\n\n"
        "Số: 47/2024/TT-BTC\n\nThông tư Quy định mức thu phí khai thác dữ liệu đo đạc\n\n"
        "lượt xem: 8610 | lượt tải:185\n"
    )
    ct = normalize(src)
    assert ct.paragraphs[0].text.startswith("Thủ tướng chủ trì")


def test_empty_and_blank_sources() -> None:
    for src in ("", "\n\n", "|\n|\n"):
        ct = normalize(src)
        assert ct.paragraphs == [] and ct.text == ""
        assert ct.to_source(0, 0) == (0, 0)


def test_lookalike_letters_are_read_as_vietnamese_with_offsets_kept() -> None:
    source = "Ðiều 3. Chánh Văn phòng Bộ chịu trách nhiệm thi hành Quyết định này./."
    ct = normalize(source)
    assert ct.paragraphs[0].text.startswith("Điều 3.")
    start, end = ct.paragraphs[0].to_source(0, 6)
    assert (start, end) == (0, 6) and source[start:end] == "Ðiều 3"
    assert clean_span(source, 0, len(source)).text == ct.paragraphs[0].text  # a span reads as the paragraph did


def test_latin_oi_a_pdf_font_writes_for_u_horn_is_read_as_it() -> None:
    # 1178/ĐCK-CTT (pdftotext): "BỘ CÔNG THƢƠNG", "đƣợc" with U+01A2/U+01A3 for Ư/ư, one for one
    source = "BỘ CÔNG THƢƠNG đề nghị Sở Công Thƣơng đƣợc giao chủ trì."
    ct = normalize(source)
    assert ct.paragraphs[0].text == "BỘ CÔNG THƯƠNG đề nghị Sở Công Thương được giao chủ trì."
    assert ct.paragraphs[0].to_source(0, 14) == (0, 14)


def test_lookalikes_must_be_one_character_for_one() -> None:
    from pydantic import ValidationError

    from vbpl_extract.data.schemas import LegacyEncodings

    data = LegacyEncodings.load().model_dump()
    with pytest.raises(ValidationError, match="one character for one"):
        LegacyEncodings.model_validate({**data, "lookalikes": {"Ð": "Đ", "Dj": "Đ"}})


# A PDF-to-Markdown converter repeats an HTML table as one "|---|" line, sometimes with the next
# paragraph or a page number glued on (extracttomarkdown_pdf2md/Public_341.md, Public_340.md).
_HTML_341 = (
    "<table>\n<thead>\n<tr>\n<th>TT</th>\n<th>Nhiệm vụ thựchiện</th>\n<th>Đơn vịchủ trì</th>\n</tr>\n</thead>\n"
    "<tbody>\n<tr>\n<td>2</td>\n<td>Xây dựng Quy hoạch hạ tầng<br>viễn thông thụ động</td>\n"
    "<td>Sở Thông tin và<br>Truyền thông</td>\n</tr>\n</tbody>\n</table>\n"
)
FLATTENED_COPIES = [
    # (text after the HTML table, paragraphs kept from that line)
    ("|---|---|---| |TT|Nhiệm vụ thựchiện|Đơn vịchủ trì| |2|Xây dựng Quy hoạch hạ tầng<br>viễn thông thụ động"
     "|Sở Thông tin và<br>Truyền thông|    7           8\n", ["7 8"]),
    ("|---|---|---| |2|Xây dựng Quy hoạch hạ tầng<br>viễn thông thụ động|Sở Thông tin và<br>Truyền thông|"
     "    - So sánh tốc độ công bố của doanh nghiệp với tốc độ thực tế\n",
     ["- So sánh tốc độ công bố của doanh nghiệp với tốc độ thực tế"]),
    # a "|---|" line whose cells are not those of the table above is text, kept as it is
    ("|---|---| |1|Mobifone| |2|Viettel|\n", ["|---|---| |1|Mobifone| |2|Viettel|"]),
]


@pytest.mark.parametrize(("after", "kept"), FLATTENED_COPIES)
def test_flattened_copy_of_html_table_dropped(after: str, kept: list[str]) -> None:
    source = _HTML_341 + after
    ct = normalize(source)
    assert [p.kind for p in ct.paragraphs][:1] == ["table"]
    texts = [p.text for p in ct.paragraphs if p.kind == "text"]
    assert texts == kept
    for p in ct.paragraphs:
        if p.kind == "text":
            s, e = p.span
            assert " ".join(source[s:e].split()) == p.text


def test_two_columns_laid_out_in_spaces_are_read_column_by_column() -> None:
    # a pdftotext -layout copy of a Công văn (7103/UBND-TH, Lào Cai): issuer | motto, number | place and date;
    # "Nơi nhận" | signature
    src = ("     ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "       TỈNH LÀO CAI                           Độc lập - Tự do - Hạnh phúc\n"
           "                                          Lào Cai, ngày 10 tháng 7 năm 2026\n"
           "      Số: 7103 /UBND-TH\n\n"
           "              Kính gửi: Các sở, ban, ngành thuộc UBND tỉnh.\n\n"
           "      Giao Sở Tài chính tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12.\n\n"
           "Nơi nhận:                                           KT. CHỦ TỊCH\n"
           "- Như trên;\n"
           "- Thường trực Tỉnh ủy (báo cáo);                    PHÓ CHỦ TỊCH\n"
           "- Lưu: VT, TH.\n\n\n"
           "                                                    Ngô Hạnh Phúc\n")
    ct = normalize(src)
    texts = [p.text for p in ct.paragraphs]
    assert texts[0] == "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"
    assert texts.index("- Lưu: VT, TH.") < texts.index("KT. CHỦ TỊCH")
    for p in ct.paragraphs:
        s, e = p.span
        assert " ".join(src[s:e].split()).startswith(p.text.split()[0])
    from vbpl_extract.header import parse_header

    info = parse_header(ct).info
    assert (info.number, info.date, info.signer) == ("7103/UBND-TH", "2026-07-10", "Ngô Hạnh Phúc")
    assert info.issuer is not None and info.issuer.name == "Ủy ban nhân dân tỉnh Lào Cai"


def test_a_blank_left_to_fill_is_no_column() -> None:
    src = "PHỤ LỤC 1\n(Kèm theo Chương trình hành động số        CTr/TU ngày        /8/2026 của Tỉnh ủy)\n"
    assert [p.text for p in normalize(src).paragraphs][1].startswith("(Kèm theo Chương trình hành động số CTr/TU")


def test_page_number_after_a_page_break_is_no_text() -> None:
    # pdftotext: "\f" then the next page's number at its top; the sentence the page cut goes on
    src = "- Không để phát sinh cơ sở gây ô nhiễm\n\n\f6\n\nmôi trường nghiêm trọng.\n\n- Tăng cường kiểm soát."
    assert [p.text for p in normalize(src).paragraphs] == [
        "- Không để phát sinh cơ sở gây ô nhiễm môi trường nghiêm trọng.", "- Tăng cường kiểm soát."]


def test_first_line_indent_starts_a_paragraph() -> None:
    # 7432/UBND-XD as pdftotext -layout writes it: a heading wrapped over two lines, then a paragraph indented
    src = ("           1. Công an tỉnh, các sở, ban, ngành, đoàn thể tỉnh và Ủy ban nhân dân\n"
           "     các xã, phường\n"
           "            Theo chức năng, nhiệm vụ, phạm vi quản lý tổ chức tuyên truyền, phổ biến\n"
           "     và triển khai thực hiện đầy đủ các nội dung của Quyết định.\n")
    assert [p.text for p in normalize(src).paragraphs] == [
        "1. Công an tỉnh, các sở, ban, ngành, đoàn thể tỉnh và Ủy ban nhân dân các xã, phường",
        "Theo chức năng, nhiệm vụ, phạm vi quản lý tổ chức tuyên truyền, phổ biến và triển khai thực hiện đầy đủ "
        "các nội dung của Quyết định."]


def test_short_numbered_title_over_an_indented_paragraph_is_a_paragraph_of_its_own() -> None:
    # 7103/UBND-TH as pdftotext -layout writes it: a numbered title that stops far short of the page's width,
    # then the first-line indent of its body; a long numbered line wraps on (its next line is not indented)
    src = ("       1. Công tác tuyên truyền, phổ biến\n"
           "      Tổ chức quán triệt, phổ biến đầy đủ nội dung Nghị định số 178/2026/NĐ-\n"
           "CP đến cán bộ, công chức, viên chức và người lao động thuộc phạm vi quản lý.\n")
    assert [p.text for p in normalize(src).paragraphs] == [
        "1. Công tác tuyên truyền, phổ biến",
        "Tổ chức quán triệt, phổ biến đầy đủ nội dung Nghị định số 178/2026/NĐ- CP đến cán bộ, công chức, viên "
        "chức và người lao động thuộc phạm vi quản lý."]
    wrapped = ("      1. Giao Ủy ban nhân dân tỉnh chủ trì, phối hợp với các sở, ban, ngành liên quan\n"
               "      Tổ chức triển khai thực hiện Nghị quyết.\n")
    assert len(normalize(wrapped).paragraphs) == 1


def test_first_line_indent_beyond_the_wrapped_lines_starts_a_paragraph() -> None:
    # 3556/QĐ-UBND's Quy chế (pdftotext -layout): wrapped lines start at the margin, a paragraph's first line 5
    # columns in; the article's title line is as indented as the paragraph under it
    body = ["     Điều 12. Bảo quản, lưu trữ thông tin, dữ liệu tài nguyên và môi trường",
            "     Việc bảo quản, lưu trữ thông tin, dữ liệu tài nguyên và môi trường được thực",
            "hiện theo quy định tại Điều 16 Thông tư số 03/2022/TT-BTNMT."]
    filler = ["     2. Sở Tài chính có trách nhiệm bố trí kinh phí thực hiện các nhiệm vụ về thông",
              "tin, dữ liệu tài nguyên và môi trường theo quy định."] * 10
    paragraphs = [p.text for p in normalize("\n".join([*filler, *body])).paragraphs]
    assert paragraphs[-2:] == [
        "Điều 12. Bảo quản, lưu trữ thông tin, dữ liệu tài nguyên và môi trường",
        "Việc bảo quản, lưu trữ thông tin, dữ liệu tài nguyên và môi trường được thực hiện theo quy định tại Điều "
        "16 Thông tư số 03/2022/TT-BTNMT."]


def test_row_of_cells_joined_by_pipes_is_no_two_column_layout() -> None:
    # a draft plan of UBND Lào Cai read from .docx: the header table's cells joined by " | ", the issuer's cell
    # keeping its line break as spaces; the row is one line of cells, not two columns side by side
    src = ("ỦY BAN NHÂN DÂN                                  TỈNH LÀO CAI |  | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
           "Độc lập - Tự do - Hạnh phúc\nSố:           /KH-UBND |  | Lào Cai, ngày       tháng      năm 2026\n")
    assert texts(src) == ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI | | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
                          "Số: /KH-UBND | | Lào Cai, ngày tháng năm 2026"]


@pytest.mark.parametrize("src", ["* (Ban hành kèm theo Quyết định số 2853/QĐ-UBND ngày 21 tháng 11 năm\n2025 của Ủy ban nhân dân Thành phố)*",
                                 "  * (Đính kèm Danh mục)*"])
def test_italic_opened_with_a_spaced_star_is_no_bullet(src: str) -> None:
    # 2853/QĐ-UBND: a converter's italic caption; the star is markup in the paragraph and in any span over it
    [p] = normalize(src).paragraphs
    assert p.text.startswith("(") and "*" not in p.text
    assert clean_span(src, 0, len(src)).text == p.text


def test_a_list_item_keeps_its_star() -> None:
    assert [p.text for p in normalize("* Sở Tài chính chủ trì").paragraphs] == ["* Sở Tài chính chủ trì"]


def test_en_dash_rule_under_a_header_column_is_layout() -> None:
    # 6791/SNNMT-KHTC (pdftotext): "––––––" under the motto is a rule, no text the date line runs on from
    src = ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG                        Độc lập - Tự do - Hạnh phúc\n"
           "        ––––––––––––––                             ––––––––––––––––––––––––\n"
           "      Số:6791 /SNNMT-KHTC                        Lào Cai, ngày 17 tháng 7 năm 2026\n")
    texts = [p.text for p in normalize(src).paragraphs]
    assert not any("––" in t for t in texts)
    assert texts[-1].endswith("Lào Cai, ngày 17 tháng 7 năm 2026")


def test_letter_and_full_stop_opens_a_point_paragraph() -> None:
    # 257/QĐ-BQLCKCN: "a. Nhà đầu tư …" points, hard-wrapped
    src = ("1. Trách nhiệm của nhà đầu tư:\n     a. Nhà đầu tư chịu trách nhiệm trước pháp luật về tính hợp pháp,\n"
           "chính xác của hồ sơ dự án.\n      b. Nhà đầu tư phải làm thủ tục đăng ký cấp tài khoản.\n")
    assert [p.text[:12] for p in normalize(src).paragraphs] == ["1. Trách nhi", "a. Nhà đầu t", "b. Nhà đầu t"]


def test_headings_on_their_own_lines_end_there() -> None:
    # 24/2025/TT-BCT as a .docx text: each paragraph on a line, the lines that end on no sentence mark are headings
    # (none goes on in lower case), so "Điều 8. Gửi kế hoạch quản lý rủi ro" is not joined to the sentence under it
    path = Path(__file__).resolve().parents[1] / "corpus" / "external" / "skill_sct" / "TT-24-2025-TT-BCT-ke-hoach-quan-ly-rui-ro.txt"
    texts = [p.text for p in normalize(path.read_text(encoding="utf-8")).paragraphs]
    at = texts.index("Điều 8. Gửi kế hoạch quản lý rủi ro")
    assert texts[at + 1].startswith("Doanh nghiệp khai thác khoáng sản có trách nhiệm gửi kế hoạch")


def test_wrapped_article_title_still_joins() -> None:
    # a hard-wrapped text (thuvienphapluat): "**Điều 21. Sở" then "Khoa học và Công nghệ**" is one title
    lines = ["Trong thời hạn 05 ngày làm việc, cơ quan chủ trì gửi hồ sơ đến Sở Tài chính để thẩm định và",
             "tổng hợp báo cáo Ủy ban nhân dân tỉnh theo quy định tại khoản 2 Điều này."] * 12
    text = "\n".join(lines) + "\n\n**Điều 21. Sở\nKhoa học và Công nghệ**\n\n1. Phối hợp với cơ quan quản lý.\n"
    assert "Điều 21. Sở Khoa học và Công nghệ" in [p.text for p in normalize(text).paragraphs]


def test_running_heads_of_a_scan_are_page_furniture() -> None:
    # 31-CTr/TW as scanned: every page opens "18.CTRTW31.DOC <page>" (a misread "18.GTRTW31.DOC 1 0" too) after the
    # "===== Trang N =====" marker the converter wrote; neither is text of the programme
    path = Path(__file__).resolve().parents[1] / "corpus" / "external" / "skill_sct" / "CTr-31-CTr-TW-28-7-2026-Bo-Chinh-tri-thuc-hien-KL-75.txt"
    texts = [p.text for p in normalize(path.read_text(encoding="utf-8")).paragraphs]
    assert not [t for t in texts if t.startswith("===== Trang")]
    assert not [t for t in texts if "TRTW31.DOC 1" in t or "CTRTW31.DOC 9" in t]


def test_points_do_not_count_as_wrapped_lines() -> None:
    # 21/2025/QĐ-UBND (Lào Cai) as a .docx text: "3. Quy định chuyển tiếp" over "a) Đối với …" is a heading over its
    # points, not a sentence going on in lower case; so "Điều 5. Điều khoản thi hành" stays apart from "Sở Xây dựng chủ
    # trì, phối hợp …"
    path = Path(__file__).resolve().parents[1] / "corpus" / "external" / "skill_sct" / "QD-21-2025-QD-UBND-boi-thuong-nha-cong-trinh.txt"
    texts = [p.text for p in normalize(path.read_text(encoding="utf-8")).paragraphs]
    at = texts.index("Điều 5. Điều khoản thi hành")
    assert texts[at + 1].startswith("Sở Xây dựng chủ trì, phối hợp với các sở, ban, ngành")


@pytest.mark.parametrize("name", ["quyet-dinh-so-798-qd-ttg-469485.txt", "chi-thi-so-21-ct-ttg-469580.txt"])
def test_gazette_page_heads_without_page_breaks_are_blanked(name: str) -> None:
    # Công báo texts (batch 36) keep no page break: "CÔNG BÁO/Số 281/Ngày 21-05-2026" then "99", "100", … on the next
    # line open each page; neither is text, and no paragraph holds them
    path = Path(__file__).resolve().parents[1] / "corpus" / "external" / "phapluat_8chude" / name
    with path.open(encoding="utf-8", newline="") as f:
        source = f.read()
    clean = normalize(source)
    assert source.count("CÔNG BÁO/Số") >= 3
    assert not any("CÔNG BÁO/Số" in p.text for p in clean.paragraphs)


def test_repeated_deadline_cells_are_not_page_heads() -> None:
    # a stacked table's time cells repeat with numbers that do not count pages up: text, not furniture
    source = "\n".join(["Nhiệm vụ", "Xây dựng kế hoạch", "Tháng 12/2025", "Ban hành quy chế", "Tháng 6/2026",
                        "Tổ chức tập huấn", "Tháng 9/2026", "Sơ kết", "Tháng 12/2026"])
    assert " ".join(p.text for p in normalize(source).paragraphs).count("Tháng") == 4


def test_page_break_marker_and_its_number_are_no_text() -> None:
    # a PDF-to-markdown converter's "--- PAGE BREAK ---" and the page number under it (4454/TCT-TTKT, OCR'd)
    source = "Năm 2022, ngành thuế đã triển khai\n\n--- PAGE BREAK ---\n\n2\n\nnhiều giải pháp.\n"
    text = " ".join(p.text for p in normalize(source).paragraphs)
    assert "PAGE BREAK" not in text and " 2 " not in f" {text} "


def test_a_padded_line_ending_on_a_preposition_goes_on() -> None:
    # 798/QĐ-TTg (Công báo): a justified line padded with spaces is no markdown hard break when it ends on "của"
    source = ("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;  \nCăn cứ Quyết định số 666/QĐ-TTg ngày 09 tháng 4 "
              "năm 2026 của        \nThủ tướng Chính phủ về việc phân công công tác;\n")
    texts = [p.text for p in normalize(source).paragraphs]
    assert len(texts) == 2 and texts[1].endswith("của Thủ tướng Chính phủ về việc phân công công tác;")


def test_items_numbered_with_a_slash_open_paragraphs() -> None:
    # 4800/TCT-TTr: "1/ Các Cục Thuế rà soát …" on the line after the lead-in is a paragraph of its own
    source = "Tổng cục Thuế yêu cầu thực hiện một số giải pháp sau:\n1/ Rà soát lại kế hoạch thanh tra.\n2/ Tăng cường kiểm tra.\n"
    assert len(normalize(source).paragraphs) == 3
