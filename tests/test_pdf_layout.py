"""Issue 11 (PDF text layers) and issue 12 item 2 neighbours: reading order, tables across pages, quality gate.

The header fields asserted are the ones a person reads on page 1 and the last page of each file
(rendered with ``pdftoppm -r 60`` and checked by eye); where the manifest says the number or the
day was stamped at signing (not in the text layer), the field is None.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import cache

import pytest

from conftest import corpus_file
from vbpl_extract.errors import ScannedPdfError
from vbpl_extract.models import TaskGraph
from vbpl_extract.pipeline import extract_file
from vbpl_extract.readers import read_file
from vbpl_extract.readers.pdf_layout import Line, Segment, merge_tables, split_columns
from vbpl_extract.readers.pdf_reader import read_pdf
from vbpl_extract.readers.text_quality import MIN_QUALITY, is_syllable, text_layer_quality

pytestmark = pytest.mark.corpus

# file -> (number, type, issuer, date, signer)
HEADERS = {
    "58-CD-VPCP_2026_vbai.pdf": ("58/CĐ-VPCP", "Công điện", "Văn phòng Chính phủ", "2026-01-10", "Phạm Mạnh Cường"),
    "63-CD-VPCP_2026_vbai.pdf": ("63/CĐ-VPCP", "Công điện", "Văn phòng Chính phủ", "2026-01-11", "Phạm Mạnh Cường"),
    "2319-QD-TTg_2025_vbai.pdf": ("2319/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", "2025-10-20", "Phạm Minh Chính"),
    # number and day stamped at signing (a signature widget's appearance over the blanks of the text layer)
    "2003-CD-VPCP_2025_vbai.pdf": ("2003/CĐ-VPCP", "Công điện", "Văn phòng Chính phủ", "2025-10-07", "Đỗ Ngọc Huỳnh"),
    "1187-QD-BNV_2025_vbai.pdf": ("1187/QĐ-BNV", "Quyết định", "Bộ Nội vụ", "2025-10-15", "Phạm Thị Thanh Trà"),
    # the stamp drawn just above the "Số: /BNV-CCHC" line
    "12094-BNV-CCHC_2025_vbai.pdf": ("12094/BNV-CCHC", "Công văn", "Bộ Nội vụ", "2025-12-15", "Phạm Minh Hùng"),
    "3917-BTP-BTTP_2025_vbai.pdf": ("3917/BTP-BTTP", "Công văn", "Bộ Tư pháp", "2025-07-01", "Mai Lương Khôi"),
    "11902-BNV-TCPCP_2025_vbai.pdf": ("11902/BNV-TCPCP", "Công văn", "Bộ Nội vụ", "2025-12-11", "Vũ Chiến Thắng"),
}
TABLE_PDFS = ("1187-QD-BNV-Bang2-ChiSoCCHCcapTinh_2025_vbai.pdf", "PL1-KetQuaChiSoCCHC2025-ChiDaoDieuHanh_2026_vbai.pdf")
GARBAGE = ("493-TB-UBND_2025_vbai.pdf", "298-TTr-CAT-PC04_2025_vbai.pdf")


@cache
def graph(name: str) -> TaskGraph:
    return extract_file(corpus_file(f"originals/{name}"))


@cache
def text(name: str) -> str:
    return read_file(corpus_file(f"originals/{name}")).text


@pytest.mark.parametrize("name", list(HEADERS))
def test_header_fields_as_printed(name: str) -> None:
    doc = graph(name).document
    number, doc_type, issuer, date, signer = HEADERS[name]
    assert doc.number == number
    assert doc.type == doc_type
    assert doc.issuer is not None and doc.issuer.name == issuer
    assert doc.date == date
    assert doc.signer == signer


@pytest.mark.parametrize("name", [*HEADERS, *TABLE_PDFS])
def test_no_addressee_or_recipient_line_is_a_task(name: str) -> None:
    for task in graph(name).tasks:
        assert not re.search(r"Kính gửi|Nơi nhận", task.text), task.text


@pytest.mark.parametrize("name", TABLE_PDFS)
def test_appendix_tables_have_no_header_block(name: str) -> None:
    doc = graph(name).document
    assert doc.number is None and doc.signer is None and doc.issuer is None
    assert graph(name).tasks == []


def test_two_column_header_reads_left_block_then_right_block() -> None:
    lines = [x.strip() for x in text("58-CD-VPCP_2026_vbai.pdf").split("CÔNG ĐIỆN")[0].split("\n") if x.strip()]
    assert lines == ["VĂN PHÒNG CHÍNH PHỦ", "Số: 58/CĐ-VPCP", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 10 tháng 01 năm 2026"]


def test_signature_beside_the_recipient_list_is_its_own_block() -> None:
    lines = [x.strip() for x in text("58-CD-VPCP_2026_vbai.pdf").split("\n")]
    start = lines.index("Nơi nhận:")
    sign = lines.index("KT. BỘ TRƯỞNG, CHỦ NHIỆM")
    assert start < sign
    recipients = [x for x in lines[start + 1:sign] if x]
    assert recipients[0] == "- Như trên;" and recipients[-1].startswith("- Lưu: VT, TH")
    assert not any("CHỦ NHIỆM" in x for x in recipients)
    assert [x for x in lines[sign:sign + 5] if x][:3] == ["KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Phạm Mạnh Cường"]


def test_kinh_gui_is_its_own_paragraph() -> None:
    raw = text("3917-BTP-BTTP_2025_vbai.pdf").split("\n")
    k = next(i for i, x in enumerate(raw) if x.startswith("Kính gửi:"))
    assert raw[k].endswith("  ")  # a paragraph end (markdown hard break) before "Ngày 09/4/2025, …"
    assert raw[k + 1].startswith("Ngày 09/4/2025, Bộ Tư pháp")
    assert graph("3917-BTP-BTTP_2025_vbai.pdf").document.addressees


def test_spaces_restored_from_character_gaps() -> None:
    t = text("3917-BTP-BTTP_2025_vbai.pdf")
    assert "V/v hợp nhất TCXH-NN của công" in t
    assert "Công văn số 1866/BTP-PLHSHC" in t
    assert "hợpnhất" not in t and "Côngvăn" not in t


def test_page_numbers_and_running_headers_are_dropped() -> None:
    lines = [x.strip() for x in text("58-CD-VPCP_2026_vbai.pdf").split("\n")]
    assert "2" not in lines  # the page number at the top of page 2
    public = read_file(corpus_file("extracttomarkdown_pdf2md/Public_341.pdf")).text
    assert "VIETTEL AI RACE" not in public  # the running header table of every page


def test_the_21_page_table_is_one_table_with_every_row() -> None:
    name = TABLE_PDFS[0]
    t = text(name)
    rows = [x for x in t.split("\n") if x.startswith("| ")]
    assert t.count("\n\n| ") == 1  # one table
    assert sum(r.startswith("| STT | Lĩnh vực/Tiêu chí/Tiêu chí thành phần |") for r in rows) == 1
    # every numbered criterion, in order, exactly as pdftotext (an independent reader) lists them
    first = [r[2:].split(" | ")[0].strip() for r in rows]
    stt = [f for f in first if re.fullmatch(r"(?:\d+\.)+", f)]
    if shutil.which("pdftotext"):
        layout = subprocess.run(["pdftotext", "-layout", str(corpus_file(f"originals/{name}")), "-"],
                                capture_output=True, text=True, check=True).stdout
        assert stt == re.findall(r"^\s{0,6}((?:\d+\.)+)\s", layout, flags=re.MULTILINE)
    assert len(stt) == 134 and stt[0] == "1." and stt[-1] == "8.5."
    # 353 rows on the 21 pages, minus the 2 header rows repeated on pages 2-21, minus the 5 rows
    # split by a page break (pages 4, 11, 13, 16, 19 go on with "b1 là …", "0.25", "vị thuộc …")
    assert len(rows) == 353 - 2 * 20 - 5
    assert any("của các cơ quan, đơn vị thuộc phạm vi quản lý" in r for r in rows)
    assert rows[-1].startswith("|  | TỔNG ĐIỂM | 100.00 |")


def test_public_341_keeps_the_task_rows_after_the_page_break() -> None:
    g = extract_file(corpus_file("extracttomarkdown_pdf2md/Public_341.pdf"))
    table_tasks = [t for t in g.tasks if "table" in t.id]
    twin = corpus_file("extracttomarkdown_pdf2md/Public_341.md").read_text("utf-8")
    twin = " ".join(twin.replace("<br>", " ").replace("**", "").split())
    assert len(table_tasks) == 7
    for task in table_tasks:  # each task row of the PDF is a task row of the .md twin
        assert task.text.rstrip(".") in twin
    assert table_tasks[-1].text.startswith("Thúc đẩy phối hợp, hợp tác")


@pytest.mark.parametrize("name", GARBAGE)
def test_text_layer_that_is_not_vietnamese_is_a_scan(name: str) -> None:
    """The PDF reader rejects the layer (ScannedPdfError); read_file then hands the file to OCR."""
    path = corpus_file(f"originals/{name}")
    with pytest.raises(ScannedPdfError, match="no usable text layer"):
        read_pdf(path.read_bytes(), str(path))
    with pytest.raises(ScannedPdfError, match="no usable text layer"):
        read_file(path, ocr="never")


@pytest.mark.parametrize("name", GARBAGE)
def test_garbage_layers_score_low(name: str) -> None:
    import pdfplumber

    with pdfplumber.open(corpus_file(f"originals/{name}")) as pdf:
        raw = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert text_layer_quality(raw) < 0.5


@pytest.mark.parametrize("name", [*HEADERS, *TABLE_PDFS])
def test_good_layers_score_high(name: str) -> None:
    assert text_layer_quality(text(name)) > 0.9 > MIN_QUALITY


def test_syllable_rules() -> None:
    good = ["nghiệp", "quyết", "gì", "giếng", "khuya", "thuở", "người", "được", "Ủy".lower(), "kiểm", "hoà", "oán"]
    bad = ["ngiệp", "cid", "lap", "ønh", "kao", "ghư", "tÈnh".lower(), "dqc"]
    assert all(is_syllable(w) for w in good), [w for w in good if not is_syllable(w)]
    assert not any(is_syllable(w) for w in bad), [w for w in bad if is_syllable(w)]
    assert text_layer_quality("uY BAN NgAN nAN ceNG HoA") < 0.5  # mixed case
    assert text_layer_quality("Ldm D6ng, ngdy fithdng 11 ndm 2025") < 0.5  # digits inside words
    assert text_layer_quality("") == 0.0


# ---------------------------------------------------------------- layout units on synthetic lines


def _line(top: float, *segments: tuple[float, float, str]) -> Line:
    return Line(top, top + 12, [Segment(x0, x1, t) for x0, x1, t in segments])


def test_split_columns_reads_columns_and_stops_at_a_spanning_line() -> None:
    lines = [
        _line(50, (100, 200, "BỘ TƯ PHÁP"), (250, 540, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
        _line(64, (310, 480, "Độc lập - Tự do - Hạnh phúc")),
        _line(90, (90, 210, "Số: 3917/BTP-BTTP"), (290, 490, "Hà Nội, ngày 01 tháng 7 năm 2025")),
        _line(120, (170, 440, "Kính gửi: Ủy ban nhân dân các tỉnh")),  # crosses the gap
        _line(140, (70, 540, "Ngày 09/4/2025, Bộ Tư pháp đã có Công văn số 1866/BTP-PLHSHC gửi")),
    ]
    runs = split_columns(lines)
    left, right = runs[0]
    assert right is not None
    assert [x.text for x in left] == ["BỘ TƯ PHÁP", "Số: 3917/BTP-BTTP"]
    assert [x.text for x in right] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                       "Hà Nội, ngày 01 tháng 7 năm 2025"]
    assert runs[1][1] is None and runs[1][0][0].text.startswith("Kính gửi")


def test_a_single_wide_gap_line_is_not_a_column_block() -> None:
    lines = [_line(50, (70, 200, "Thời gian:"), (400, 540, "Quý IV/2025")),
             _line(64, (70, 300, "Địa điểm: trụ sở")), _line(78, (70, 540, "Giao Sở Nội vụ chủ trì"))]
    runs = split_columns(lines)
    assert all(right is None for _, right in runs)


def test_merge_tables_drops_repeated_header_and_joins_split_row() -> None:
    first = [["STT", "Tiêu chí", "Điểm"], ["6.2.1.", "Ban hành quy định của các cơ quan, đơn", "0.5"]]
    more = [["STT", "Tiêu chí", "Điểm"], ["", "vị thuộc phạm vi quản lý", ""], ["6.2.2.", "Quản lý tài sản", "1.0"]]
    assert merge_tables(first, more) == [
        ["STT", "Tiêu chí", "Điểm"],
        ["6.2.1.", "Ban hành quy định của các cơ quan, đơn vị thuộc phạm vi quản lý", "0.5"],
        ["6.2.2.", "Quản lý tài sản", "1.0"],
    ]
    # a new row that starts a sentence is not a continuation
    assert len(merge_tables(first, [["", "Không hoàn thành: 0", ""]])) == 3


def test_appendix_table_of_communes_is_one_table_over_four_pages() -> None:
    t = text(TABLE_PDFS[1])
    before, after = t.split("II. ĐỐI VỚI CẤP XÃ")
    assert before.count("\n\n| ") == 1 and after.count("\n\n| ") == 1  # one table per section
    rows = [x for x in after.split("\n") if x.startswith("| ")]
    assert sum(r.startswith("| STT | Đơn vị |") for r in rows) == 1  # the header repeated on pages 3-5 is dropped
    numbers = [int(r[2:].split(" | ")[0]) for r in rows if r[2:].split(" | ")[0].strip().isdigit()]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 100  # every commune, in order


def test_stamped_number_is_read_whole_not_cut_by_the_blanks_under_it() -> None:
    # the text layer has blanks after "Số:"; the stamp draws 1187 over them (one word, not "1 1 8 7")
    head = text("1187-QD-BNV_2025_vbai.pdf")[:300]
    assert "Số: 1187 /QĐ-BNV" in head
    assert "Hà Nội, ngày 15 tháng 10 năm 2025" in head


def test_a_scan_with_a_stamp_is_still_a_scan() -> None:
    # 932/QĐ-TTg is a scan whose only text is the signing stamp: it goes to OCR, not read as a text layer
    with pytest.raises(ScannedPdfError):
        read_pdf(corpus_file("originals/932-QD-TTg_2025_vbai.pdf").read_bytes(), "932-QD-TTg_2025_vbai.pdf")


def test_stamps_pdfium_cannot_draw_are_a_warning_and_the_rest_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2

    from vbpl_extract.readers import pdf_stamps

    def broken(data: bytes) -> bytes:
        raise pypdfium2.PdfiumError("Failed to load document (PDFium: Data format error).")

    monkeypatch.setattr(pdf_stamps, "flatten", broken)
    g = extract_file(corpus_file("originals/1187-QD-BNV_2025_vbai.pdf"))
    assert g.document.type == "Quyết định" and g.document.issuer is not None
    assert g.document.number is None  # the stamped number is not drawn in: blank as in the text layer
    assert any(w.startswith("read: PdfiumError:") for w in g.warnings)
