"""Issue 11 (.docx as Word shows it) and issue 12 items 1 and 10 for the parts the reader reads.

Word numbering, layout tables, footnotes, text boxes on small documents built here; then the
originals of the shared corpus whose list numbers Word generates (labels checked against the
paragraphs of ``word/document.xml`` that carry ``w:numPr``).
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from functools import cache

import pytest
import regex

from builders import W_NS, document_xml, docx_parts
from conftest import corpus_file
from vbpl_extract.errors import FileTooLargeError
from vbpl_extract.models import TaskGraph
from vbpl_extract.pipeline import extract_file
from vbpl_extract.readers import read_bytes, read_file, safe_xml
from vbpl_extract.readers.docx_numbering import Label, Numbering

W = f"{{{W_NS}}}"


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


NUMBERING = (
    f'<w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="0">'
    + _lvl(0, "upperRoman", "%1.") + _lvl(1, "decimal", "%2.") + _lvl(2, "lowerLetter", "%3)")
    + _lvl(3, "decimal", "%2.%4.") +
    '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1">' + _lvl(0, "decimal", "Điều %1.", extra='<w:suff w:val="space"/>')
    + '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2">' + _lvl(0, "bullet", "\uf0b7") + _lvl(1, "lowerRoman", "%2.") + '</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>'
    '</w:numbering>'
)
STYLES = (
    f'<w:styles xmlns:w="{W_NS}">'
    '<w:style w:type="paragraph" w:styleId="DieuStyle"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="DieuCon"><w:basedOn w:val="DieuStyle"/></w:style>'
    '</w:styles>'
)


def numpr(num: int, ilvl: int = 0) -> str:
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'


def numbered_docx(paragraphs: list[tuple[str, str]], **parts: str) -> bytes:
    texts = [t for t, _ in paragraphs]
    ppr = [p for _, p in paragraphs]
    files = {"word/document.xml": document_xml(texts, ppr=ppr), "word/numbering.xml": NUMBERING,
             "word/styles.xml": STYLES, **parts}
    return docx_parts(files, doc_rels={"numbering": "numbering.xml", "styles": "styles.xml"})


def lines(data: bytes) -> list[str]:
    return [x.rstrip() for x in read_bytes(data, "kh.docx").text.split("\n")]


# ---------------------------------------------------------------- numbering on built documents


def test_levels_formats_and_restarts() -> None:
    data = numbered_docx([
        ("MỤC TIÊU", numpr(1, 0)),
        ("Cải cách thể chế", numpr(1, 1)),
        ("Mục tiêu", numpr(1, 2)),
        ("Nhiệm vụ", numpr(1, 2)),
        ("Chi tiết", numpr(1, 3)),
        ("Cải cách thủ tục hành chính", numpr(1, 1)),
        ("Mục tiêu", numpr(1, 2)),  # restarts after level 1 moved on
        ("TỔ CHỨC THỰC HIỆN", numpr(2, 0)),  # another num of the same abstract list goes on: II.
        ("Sở Nội vụ chủ trì", numpr(2, 1)),
        ("Giao Sở Tài chính", numpr(3, 1)),  # its own counters from startOverride 5
        ("Giao Sở Y tế", numpr(3, 1)),
    ])
    assert lines(data) == [
        "I. MỤC TIÊU", "1. Cải cách thể chế", "a) Mục tiêu", "b) Nhiệm vụ", "1.1. Chi tiết",
        "2. Cải cách thủ tục hành chính", "a) Mục tiêu", "II. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ chủ trì",
        "5. Giao Sở Tài chính", "6. Giao Sở Y tế",
    ]


def test_article_numbering_through_styles_and_bullets() -> None:
    data = numbered_docx([
        ("Phạm vi điều chỉnh", '<w:pStyle w:val="DieuStyle"/>'),
        ("Đối tượng áp dụng", '<w:pStyle w:val="DieuCon"/>'),  # numbering inherited through basedOn
        ("Giải thích từ ngữ", '<w:pStyle w:val="DieuStyle"/>'),
        ("Sở Tài chính", numpr(5, 0)),
        ("thứ nhất", numpr(5, 1)),
        ("thứ tư", numpr(5, 1)),
        ("Không đánh số", '<w:pStyle w:val="DieuStyle"/>' + numpr(0)),  # numId 0 removes numbering
    ])
    out = lines(data)
    assert out[:3] == ["Điều 1. Phạm vi điều chỉnh", "Điều 2. Đối tượng áp dụng", "Điều 3. Giải thích từ ngữ"]
    assert out[3:6] == ["• Sở Tài chính", "i. thứ nhất", "ii. thứ tư"]
    assert out[6] == "Không đánh số"


@pytest.mark.parametrize(("typed", "sixth"), [(None, "f)"), ("đ) Điểm đ do người soạn gõ tay.", "e)")])
def test_vietnamese_letters_follow_the_documents_own_lists(typed: str | None, sixth: str) -> None:
    paragraphs = [(f"Nhiệm vụ {k}", numpr(1, 2)) for k in range(1, 7)]
    if typed:
        paragraphs.append((typed, ""))
    out = lines(numbered_docx(paragraphs))
    labels = [x.split(" ", 1)[0] for x in out[:6]]
    if typed:
        assert labels == ["a)", "b)", "c)", "d)", "đ)", "e)"]
    else:
        assert labels == ["a)", "b)", "c)", "d)", "e)", "f)"]
    assert labels[5] == sixth


def test_knowledge_files_validate() -> None:
    from vbpl_extract.data import load
    from vbpl_extract.readers.docx_numbering import WordNumberingData
    from vbpl_extract.readers.docx_reader import LayoutCues

    numbering = WordNumberingData.model_validate(load("word_numbering.yaml"))
    letters = numbering.vietnamese_letters
    assert len(letters) == 23 and letters[letters.index("d") + 1] == "đ" and not set("fjwz") & set(letters)
    assert all("\uf000" <= k <= "\uf0ff" for k in numbering.bullets)
    cues = LayoutCues.model_validate(load("layout_cues.yaml"))
    assert cues.max_columns >= 2 and all(regex.compile(c) for c in cues.cues)


def test_label_rendering_units() -> None:
    assert Numbering.format_value(49, "upperRoman") == "XLIX"
    assert Numbering.format_value(5, "lowerLetter", vietnamese=True) == "đ"
    assert Numbering.format_value(24, "lowerLetter", vietnamese=True) == "aa"
    assert Label("%1.%2.", [(2, "upperRoman"), (3, "decimal")], "tab").render(False) == "II.3. "
    assert Label("%1)", [(1, "lowerLetter")], "nothing").render(False) == "a)"


def test_footnotes_follow_the_body_with_their_marks() -> None:
    doc = (f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Căn cứ Nghị định số 30/2020/NĐ-CP</w:t></w:r>'
           '<w:r><w:footnoteReference w:id="7"/></w:r><w:r><w:t>;</w:t></w:r></w:p></w:body></w:document>')
    notes = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>---</w:t>'
             '</w:r></w:p></w:footnote><w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r>'
             '<w:r><w:t>Nghị định về công tác văn thư.</w:t></w:r></w:p></w:footnote></w:footnotes>')
    data = docx_parts({"word/document.xml": doc, "word/footnotes.xml": notes}, doc_rels={"footnotes": "footnotes.xml"})
    assert lines(data) == ["Căn cứ Nghị định số 30/2020/NĐ-CP[1];", "", "[1] Nghị định về công tác văn thư."]


def test_text_boxes_and_their_fallbacks_never_enter_the_body() -> None:
    box = ('<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
           '<mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="urn:wps"><w:txbxContent><w:p><w:r>'
           '<w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback>'
           '<w:pict><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></w:pict>'
           '</mc:Fallback></mc:AlternateContent></w:r>')
    doc = (f'<w:document xmlns:w="{W_NS}"><w:body><w:p>{box}<w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>Giao Sở Nội vụ chủ trì.</w:t></w:r></w:p></w:body></w:document>')
    assert lines(docx_parts({"word/document.xml": doc})) == ["KẾ HOẠCH", "Giao Sở Nội vụ chủ trì."]


def _table(rows: list[list[list[str]]]) -> str:
    def cell(paras: list[str]) -> str:
        return "<w:tc>" + "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paras) + "</w:tc>"
    return "<w:tbl>" + "".join("<w:tr>" + "".join(cell(c) for c in r) + "</w:tr>" for r in rows) + "</w:tbl>"


def test_header_table_reads_left_block_then_right_block() -> None:
    header = _table([[["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                             "Độc lập - Tự do - Hạnh phúc"]],
                     [["Số: 12/KH-UBND"], ["Lâm Đồng, ngày 05 tháng 12 năm 2025"]]])
    tasks = _table([[["TT"], ["Nhiệm vụ"], ["Cơ quan chủ trì"]], [["1"], ["Rà soát thủ tục"], ["Sở Tư pháp"]]])
    doc = (f'<w:document xmlns:w="{W_NS}"><w:body>{header}<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>{tasks}'
           "</w:body></w:document>")
    out = lines(docx_parts({"word/document.xml": doc}))
    assert out == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 12/KH-UBND", "",
                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "Lâm Đồng, ngày 05 tháng 12 năm 2025", "", "KẾ HOẠCH", "",
                   "| TT | Nhiệm vụ | Cơ quan chủ trì |", "| 1 | Rà soát thủ tục | Sở Tư pháp |"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-le"])
def test_parts_in_any_unicode_encoding(codec: str) -> None:
    label = codec.upper().replace("-BE", "").replace("-LE", "")
    doc = document_xml(["Ủy ban nhân dân tỉnh giao Sở Y tế"]).replace('encoding="UTF-8"', f'encoding="{label}"')
    assert lines(docx_parts({"word/document.xml": doc.encode(codec)})) == ["Ủy ban nhân dân tỉnh giao Sở Y tế"]


def test_text_limit_is_a_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_xml, "MAX_TEXT_CHARS", 100)
    data = docx_parts({"word/document.xml": document_xml(["Giao Sở Tài chính chủ trì thực hiện"] * 10)})
    with pytest.raises(FileTooLargeError, match="characters of text; refused"):
        read_bytes(data, "dai.docx")


def test_element_limit_of_one_block_is_a_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_xml, "MAX_BLOCK_ELEMENTS", 50)
    runs = "".join("<w:r><w:t>a</w:t></w:r>" for _ in range(40))
    doc = f'<w:document xmlns:w="{W_NS}"><w:body><w:p>{runs}</w:p></w:body></w:document>'
    with pytest.raises(FileTooLargeError, match="one paragraph or table"):
        read_bytes(docx_parts({"word/document.xml": doc}), "dai.docx")


# ---------------------------------------------------------------- the originals


@cache
def graph(name: str) -> TaskGraph:
    return extract_file(corpus_file(f"originals/{name}"))


@cache
def text_lines(name: str) -> list[str]:
    return [x.rstrip() for x in read_file(corpus_file(f"originals/{name}")).text.split("\n")]


def numbered_paragraphs(name: str) -> list[str]:
    """Texts of the paragraphs of word/document.xml with their own w:numPr (what Word numbers)."""
    with zipfile.ZipFile(corpus_file(f"originals/{name}")) as archive:
        root = ET.fromstring(archive.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")).strip()
            for p in root.iter(f"{W}p") if p.find(f"{W}pPr/{W}numPr") is not None]


def labels_of(name: str) -> list[str]:
    out = []
    for para in numbered_paragraphs(name):
        hit = next(x for x in text_lines(name) if x.endswith(para) and x != para)
        out.append(hit[: len(hit) - len(para)].strip())
    return out


@pytest.mark.corpus
def test_kh_cchc_2026_numbering_rendered() -> None:
    name = "KH-UBND-LamDong-CCHC-nam2026_2025_vbai.docx"
    assert labels_of(name) == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "a)", "b)", "c)", "a)", "b)"]
    out = text_lines(name)
    k = out.index("I. MỤC TIÊU, NHIỆM VỤ")  # typed in the text
    assert out[k + 1] == "1. Cải cách thể chế"
    assert "7. Công tác chỉ đạo, điều hành" in out
    assert any(x.startswith("c) Sở Nội vụ có trách nhiệm giúp Ủy ban nhân dân tỉnh") for x in out)
    assert any(x.startswith("a) Kinh phí thực hiện Kế hoạch được bố trí") for x in out)  # a new list: a) again


@pytest.mark.corpus
def test_dieu_le_numbering_generated_for_all_76_paragraphs() -> None:
    name = "DieuLe-HoiThienNguyenLanToaYeuThuong_2025_vbai.docx"
    labels = labels_of(name)
    assert len(labels) == 76
    assert all(re.fullmatch(r"\d{1,2}\.|[a-zđ]\)", x) for x in labels), labels
    # the document types its own points "đ)", so Word's fifth letter is rendered "đ"
    assert "đ) Thông qua nghị quyết Đại hội." in text_lines(name)
    nodes = list(_walk(graph(name).structure))
    assert [n.num for n in nodes if n.kind == "article"] == [str(k) for k in range(1, 27)]
    assert sum(n.kind == "clause" for n in nodes) >= 60


def _walk(nodes):  # type: ignore[no-untyped-def]
    for n in nodes:
        yield n
        yield from _walk(n.children)


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "doc_type", "first"), [
    ("KH-UBND-LamDong-CCHC-2026-2030_2026_vbai.docx", "Kế hoạch", ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]),
    ("KH-UBND-LamDong-PCMT2030_2025_vbai.docx", "Kế hoạch", ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]),
    ("CV-UBND-NC-LamDong-CaiThienChiSoCCHC_2025_vbai.docx", "Công văn", ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]),
])
def test_header_tables_read_in_layout_order(name: str, doc_type: str, first: list[str]) -> None:
    out = [unicodedata.normalize("NFC", x) for x in text_lines(name) if x]  # one file writes "Ủ" decomposed
    assert out[:2] == first
    assert out[2].startswith("Số:")
    motto = out.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert out[motto + 1] == "Độc lập - Tự do - Hạnh phúc"
    assert not any("CỘNG HÒA XÃ HỘI" in x for x in out if x.startswith("|"))
    doc = graph(name).document
    assert doc.issuer is not None and doc.issuer.name == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert doc.type == doc_type
    assert doc.signer is not None


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "leads"), [
    ("TB-UBND-LamDong-KetLuan-PCI_2026_vbai.docx", {"Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh",
                                                    "Sở Tài chính"}),
    ("TB-UBND-LamDong-KetLuan-CaoToc_2026_vbai.docx", {"Trung tâm Phát triển quỹ đất tỉnh", "Sở Xây dựng",
                                                       "Sở Tài chính", "Sở Nông nghiệp và Môi trường"}),
])
def test_conclusion_notices_give_their_tasks(name: str, leads: set[str]) -> None:
    g = graph(name)
    assert g.document.type == "Thông báo"
    found = {a.name for t in g.tasks for a in t.lead}
    assert leads <= found
    assert not any(re.search(r"Kính gửi|Nơi nhận", t.text) for t in g.tasks)


def test_page_headers_and_footers_are_not_read() -> None:
    header = f'<w:hdr xmlns:w="{W_NS}"><w:p><w:r><w:t>TRANG ĐẦU LẶP LẠI</w:t></w:r></w:p></w:hdr>'
    data = docx_parts({"word/document.xml": document_xml(["Giao Sở Tài chính chủ trì."]), "word/header1.xml": header},
                      doc_rels={"header": "header1.xml"})
    assert lines(data) == ["Giao Sở Tài chính chủ trì."]


def test_long_utf16_part_across_read_chunks() -> None:
    """Chunks of 64 kB split UTF-16 code units and XML tags: the incremental decoder and expat carry them."""
    paragraphs = [f"Điều {k}. Giao Ủy ban nhân dân cấp xã thực hiện nhiệm vụ số {k}" for k in range(1, 3001)]
    doc = document_xml(paragraphs).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert len(doc) > 300_000
    assert lines(docx_parts({"word/document.xml": doc})) == paragraphs
