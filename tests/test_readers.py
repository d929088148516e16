"""Readers: one test per format and per bad-input class (exact error class + message fragment)."""

from __future__ import annotations

import codecs
import hashlib
import io
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from builders import docx_zip_bomb
from builders import minimal_pdf as _pdf
from builders import text_pdf as _text_pdf
from conftest import CORPUS, corpus_file, needs_ocr
from vbpl_extract.encodings import encode_legacy
from vbpl_extract.errors import (
    CorruptFileError,
    EmptyDocumentError,
    EncodingError,
    EncryptedFileError,
    FileTooLargeError,
    InputNotFoundError,
    ScannedPdfError,
    UnsupportedFormatError,
)
from vbpl_extract.readers import DEFAULT_MAX_BYTES, EXTENSIONS, Source, read_bytes, read_file

HEADER = "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
SENTENCE = "Ủy ban nhân dân tỉnh Nghệ An"
BODY = [
    "Quyết định về việc ban hành Kế hoạch thực hiện Nghị quyết số 03/NQ-CP",
    "Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư tham mưu Ủy ban nhân dân tỉnh",
    "Thời gian hoàn thành: trước ngày 31 tháng 12 năm 2025.",
]
TEXT = "\n".join([HEADER, *BODY])


# ---------------------------------------------------------------- helpers


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _cp1258(text: str) -> bytes:
    """Encode as Windows-1258: precomposed where the code page has it, else base + combining tone."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in "\u0300\u0301\u0303\u0309\u0323"))
            tone = "".join(c for c in nfd if c in "\u0300\u0301\u0303\u0309\u0323")
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def _docx_bytes(build) -> bytes:  # type: ignore[no-untyped-def]
    document = docx.Document()
    build(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _replace_member(data: bytes, member: str, transform) -> bytes:  # type: ignore[no-untyped-def]
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info)
            dst.writestr(info.filename, transform(blob) if info.filename == member else blob)
    return buf.getvalue()


# ---------------------------------------------------------------- Source and dispatch


def test_source_fields(tmp_path: Path) -> None:
    data = TEXT.encode("utf-8")
    src = read_file(_write(tmp_path, "qd.txt", data))
    assert isinstance(src, Source)
    assert src.text == TEXT and src.format == "txt" and src.encoding == "utf-8"
    assert src.sha256 == hashlib.sha256(data).hexdigest()
    assert src.path.endswith("qd.txt")
    with pytest.raises(AttributeError):
        src.text = "x"  # type: ignore[misc]


def test_markdown_and_uppercase_extension(tmp_path: Path) -> None:
    assert read_file(_write(tmp_path, "kh.md", b"# K\xe1\xba\xbe HO\xe1\xba\xa0CH\n")).format == "md"
    assert read_file(_write(tmp_path, "kh.MARKDOWN", b"# x\n")).format == "md"
    assert read_file(_write(tmp_path, "KH.TXT", b"x\n")).format == "txt"


def test_fmt_override() -> None:
    assert read_bytes(b"<p>Xin ch\xc3\xa0o</p>", "noname", fmt="html").text == "Xin chào"
    with pytest.raises(UnsupportedFormatError, match="unknown format 'xls'"):
        read_bytes(b"x", "a.txt", fmt="xls")


@pytest.mark.parametrize(
    ("name", "fragment"),
    [("bang.xlsx", "spreadsheets are not supported"), ("qd.doc", "not a .doc document"),
     ("anh.gif", "unsupported file type '.gif'"), ("README", "no file extension")],
)
def test_unsupported_extension(tmp_path: Path, name: str, fragment: str) -> None:
    path = _write(tmp_path, name, b"abc")
    with pytest.raises(UnsupportedFormatError, match=fragment) as info:
        read_file(path)
    assert name in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match="no such file") as info:
        read_file(tmp_path / "khong_co.txt")
    assert "khong_co.txt" in str(info.value)


def test_missing_file_with_unsupported_extension(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match="no such file"):
        read_file(tmp_path / "khong_co.xyz")


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    (tmp_path / "thu_muc.txt").mkdir()
    with pytest.raises(InputNotFoundError, match="is a directory"):
        read_file(tmp_path / "thu_muc.txt")


def test_too_large(tmp_path: Path) -> None:
    path = _write(tmp_path, "lon.txt", TEXT.encode() * 10)
    with pytest.raises(FileTooLargeError, match=r"over the .* limit") as info:
        read_file(path, max_bytes=100)
    assert "lon.txt" in str(info.value)
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024
    with pytest.raises(FileTooLargeError, match="max_bytes=10"):
        read_bytes(b"x" * 11, "a.txt", max_bytes=10)


@pytest.mark.parametrize("name", ["rong.txt", "rong.md", "rong.html", "rong.docx", "rong.pdf"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    with pytest.raises(EmptyDocumentError, match="empty") as info:
        read_file(_write(tmp_path, name, b""))
    assert name in str(info.value)


@pytest.mark.parametrize("data", [b"   \n\t\r\n  ", "\ufeff  \n".encode(), "\u00a0\n".encode()])
def test_whitespace_only(data: bytes) -> None:
    with pytest.raises(EmptyDocumentError, match="only whitespace"):
        read_bytes(data, "trang.txt")


# ---------------------------------------------------------------- text encodings


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-32"), "utf-32"),
    ],
)
def test_unicode_encodings(data: bytes, encoding: str) -> None:
    src = read_bytes(data, "qd.txt")
    assert src.text == TEXT  # BOM stripped
    assert src.encoding == encoding


def test_text_is_not_normalised() -> None:
    nfd = unicodedata.normalize("NFD", SENTENCE) + "\r\n  Điều 1.\t\r\n"
    assert read_bytes(nfd.encode(), "qd.txt").text == nfd


def test_windows_1258() -> None:
    src = read_bytes(_cp1258(TEXT), "cu.txt")
    assert src.encoding == "cp1258"
    assert src.text == TEXT  # combining tone marks composed (NFC)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_font_encodings(encoding: str) -> None:
    data = encode_legacy(TEXT, encoding).encode("cp1252")
    src = read_bytes(data, "vntime.txt")
    assert src.encoding == encoding
    assert src.text == TEXT


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_mojibake_stored_as_utf8(encoding: str) -> None:
    src = read_bytes(encode_legacy(TEXT, encoding).encode("utf-8"), "copy.md")
    assert src.encoding == f"utf-8+{encoding}"
    assert src.text == TEXT


def test_not_vietnamese_8bit_is_an_encoding_error() -> None:
    data = "Le café de la façade, l'élève naïve et déjà très âgée".encode("latin-1")
    with pytest.raises(EncodingError, match="not UTF-8, and not recognisable as Windows-1258, TCVN3") as info:
        read_bytes(data, "fr.txt")
    assert "fr.txt" in str(info.value)


def test_damaged_utf8() -> None:
    data = (TEXT * 3).encode("utf-8") + b"\xe1\xba"  # cut in the middle of a character
    with pytest.raises(EncodingError, match=r"invalid UTF-8 at byte .* damaged UTF-8"):
        read_bytes(data, "cut.txt")


def test_invalid_utf16() -> None:
    data = codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le") + b"\x00"  # odd length
    with pytest.raises(EncodingError, match="invalid UTF-16"):
        read_bytes(data, "u16.txt")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "PNG image"),
        (b"%PDF-1.7\n" + b"x" * 40, "PDF document"),
        (b"PK\x03\x04" + b"\x00" * 40, "ZIP archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "OLE compound file"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 40, "JPEG image"),
        (b"abc\x00\x01\x02\x03\xfe\xff" * 20, "binary content"),
        (bytes(range(1, 32)) * 10, r"binary content \(control bytes\)"),
    ],
    ids=["png", "pdf", "zip", "ole", "jpeg", "nul", "controls"],
)
def test_text_file_with_binary_content(data: bytes, fragment: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=fragment) as info:
        read_bytes(data, "vanban.txt")
    assert "vanban.txt" in str(info.value)


# ---------------------------------------------------------------- HTML

TVPL_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Quyết định 126</title>
<style>.x{color:red}</style><script>var tracking = "Ủy ban";</script></head>
<body><nav><a href="/">Trang chủ</a> | <a href="/vb">Văn bản</a></nav>
<div class="menu">Đăng nhập</div>
<div class="content1">
  <p align="center"><b>ỦY BAN NHÂN DÂN<br>TỈNH NGHỆ AN</b></p>
  <p>Điều 1.   Phê duyệt
     Kế hoạch</p>
  <table border="1">
    <thead><tr><th>TT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th></tr></thead>
    <tbody>
      <tr><td rowspan="2">1</td><td><p>Xây dựng</p><p>Đề án</p></td><td>Sở Tài chính | Sở Nội vụ</td></tr>
      <tr><td colspan="2">Rà soát thủ tục</td></tr>
    </tbody>
  </table>
  <ul><li>Nơi nhận:</li><li>Như Điều 3;</li></ul>
  <script>alert(1)</script>
</div>
<div class="footer">Bản quyền thuộc về Thư Viện Pháp Luật</div>
</body></html>"""

EXPECTED_TVPL = (
    "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nĐiều 1. Phê duyệt Kế hoạch\n\n"
    "| TT | Nhiệm vụ | Cơ quan chủ trì |\n"
    "| 1 | Xây dựng Đề án | Sở Tài chính / Sở Nội vụ |\n"
    "|  | Rà soát thủ tục |  |\n\n"
    "Nơi nhận:\nNhư Điều 3;"
)


def test_html_thuvienphapluat_main_container(tmp_path: Path) -> None:
    src = read_file(_write(tmp_path, "qd126.html", TVPL_PAGE.encode("utf-8")))
    assert src.format == "html" and src.encoding == "utf-8"
    assert src.text == EXPECTED_TVPL
    for dropped in ("Trang chủ", "tracking", "alert", "color", "Đăng nhập", "Bản quyền"):
        assert dropped not in src.text


def test_html_vbpl_container_and_body_fallback() -> None:
    page = "<html><body><div id='header'>Cơ sở dữ liệu quốc gia</div><div id='toanvancontent'>" \
           "<div>CHÍNH PHỦ</div><div>Số: 03/NQ-CP</div></div></body></html>"
    assert read_bytes(page.encode(), "nq03.htm").text == "CHÍNH PHỦ\nSố: 03/NQ-CP"
    plain = "<html><body><h1>CHỈ THỊ</h1><p>Về việc tăng cường</p></body></html>"
    assert read_bytes(plain.encode(), "ct.html").text == "CHỈ THỊ\nVề việc tăng cường"


def test_html_meta_charset_windows_1258() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>' \
           f"<body><p>{SENTENCE}</p></body></html>"
    src = read_bytes(_cp1258(page), "cu.html")
    assert src.encoding == "cp1258"
    assert unicodedata.normalize("NFC", src.text) == SENTENCE


def test_html_legacy_font_text_is_converted() -> None:
    body = "".join(f'<p><font face=".VnTime">{encode_legacy(line, "tcvn3")}</font></p>' for line in (HEADER, *BODY))
    page = f'<html><head><meta charset="windows-1252"></head><body>{body}</body></html>'
    src = read_bytes(page.encode("cp1252"), "vntime.html")
    assert src.encoding == "cp1252+tcvn3"
    assert src.text == TEXT


def test_html_utf16_with_bom() -> None:
    src = read_bytes(codecs.BOM_UTF16_LE + f"<p>{SENTENCE}</p>".encode("utf-16-le"), "u.html")
    assert src.text == SENTENCE


def test_html_without_text_is_empty() -> None:
    with pytest.raises(EmptyDocumentError, match="no text"):
        read_bytes(b"<html><body><script>var a;</script><img src=x></body></html>", "trong.html")


def test_html_that_is_a_png() -> None:
    with pytest.raises(UnsupportedFormatError, match="PNG image"):
        read_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "trang.html")


# ---------------------------------------------------------------- DOCX


def _sample_docx(document) -> None:  # type: ignore[no-untyped-def]
    document.add_paragraph(HEADER)
    document.add_paragraph(BODY[0])
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ["TT", "Nhiệm vụ", "Cơ quan chủ trì"], strict=True):
        cell.text = text
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "Xây dựng\nĐề án | chuyển đổi số"
    table.cell(1, 2).text = "Sở Khoa học và Công nghệ"
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Tổ chức thực hiện"
    table.cell(2, 2).text = "Các sở, ngành"
    paragraph = document.add_paragraph(BODY[1])
    paragraph.add_run().add_break(WD_BREAK.LINE)
    paragraph.add_run(BODY[2])


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    src = read_file(_write(tmp_path, "kh.docx", _docx_bytes(_sample_docx)))
    assert src.format == "docx" and src.encoding is None
    # a Word paragraph ends with a markdown hard line break (two spaces); a w:br inside it does not
    assert src.text == (
        f"{HEADER}  \n{BODY[0]}  \n\n"
        "| TT | Nhiệm vụ | Cơ quan chủ trì |\n"
        "| 1 | Xây dựng Đề án / chuyển đổi số | Sở Khoa học và Công nghệ |\n"
        "| Tổ chức thực hiện |  | Các sở, ngành |\n\n"
        f"{BODY[1]}\n{BODY[2]}"
    )


def test_docx_vertical_merge() -> None:
    def build(document) -> None:  # type: ignore[no-untyped-def]
        table = document.add_table(rows=3, cols=2)
        table.cell(0, 0).merge(table.cell(1, 0)).text = "Sở Y tế"
        table.cell(0, 1).text = "Quý I/2025"
        table.cell(1, 1).text = "Quý II/2025"
        table.cell(2, 0).text = "Sở Xây dựng"
        table.cell(2, 1).text = "Quý III/2025"

    text = read_bytes(_docx_bytes(build), "t.docx").text
    assert text == "| Sở Y tế | Quý I/2025 |\n|  | Quý II/2025 |\n| Sở Xây dựng | Quý III/2025 |"


def test_docx_legacy_tcvn3_text_is_converted() -> None:
    def build(document) -> None:  # type: ignore[no-untyped-def]
        for line in (HEADER, *BODY):
            document.add_paragraph(encode_legacy(line, "tcvn3"))

    src = read_bytes(_docx_bytes(build), "vntime.docx")
    assert src.encoding == "tcvn3"
    assert src.text == "  \n".join([HEADER, *BODY])


def test_docx_empty_document() -> None:
    with pytest.raises(EmptyDocumentError, match="Word document has no text"):
        read_bytes(_docx_bytes(lambda d: d.add_paragraph("   ")), "trong.docx")


def test_docx_corrupt_zip() -> None:
    data = _docx_bytes(_sample_docx)
    with pytest.raises(CorruptFileError, match="not a valid zip archive") as info:
        read_bytes(data[: len(data) // 2], "hong.docx")
    assert "hong.docx" in str(info.value)


def test_docx_not_a_zip() -> None:
    with pytest.raises(CorruptFileError, match="no zip signature"):
        read_bytes(b"this is plain text, not a docx", "gia.docx")
    with pytest.raises(UnsupportedFormatError, match="PDF document"):
        read_bytes(b"%PDF-1.4\n...", "gia.docx")


def test_docx_zip_without_document_xml() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(CorruptFileError, match=r"no word/document\.xml"):
        read_bytes(buf.getvalue(), "zip.docx")


def test_docx_zip_bomb_by_size() -> None:
    data = docx_zip_bomb(210)
    assert len(data) < 1_000_000
    with pytest.raises(CorruptFileError, match=r"zip bomb suspected: .* MB uncompressed"):
        read_bytes(data, "bom.docx")


def test_docx_zip_bomb_by_ratio() -> None:
    data = _replace_member(_docx_bytes(_sample_docx), "word/document.xml",
                           lambda blob: blob.replace(b"</w:body>", b"<!--" + b"a" * 20_000_000 + b"--></w:body>"))
    with pytest.raises(CorruptFileError, match="zip bomb suspected: compression ratio"):
        read_bytes(data, "bom.docx")


def test_docx_xml_entities_rejected() -> None:
    def inject(blob: bytes) -> bytes:
        decl, rest = blob.split(b"?>", 1)
        dtd = b'<!DOCTYPE w:document [<!ENTITY a "hahaha"><!ENTITY b "&a;&a;&a;&a;">]>'
        return decl + b"?>" + dtd + rest.replace(b">TT<", b">&b;<", 1)

    data = _replace_member(_docx_bytes(_sample_docx), "word/document.xml", inject)
    with pytest.raises(CorruptFileError, match="declares a DOCTYPE/ENTITY"):
        read_bytes(data, "xxe.docx")


def test_docx_encrypted_ole() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100
    with pytest.raises(EncryptedFileError, match="password-protected") as info:
        read_bytes(data, "mat.docx")
    assert "mat.docx" in str(info.value)


def test_docx_legacy_doc_in_ole() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "WordDocument".encode("utf-16-le")
    with pytest.raises(UnsupportedFormatError, match="Word 97-2003"):
        read_bytes(data, "cu.docx")


# ---------------------------------------------------------------- PDF


def test_pdf_text_layer() -> None:
    src = read_bytes(_text_pdf(["QUYET DINH", "Dieu 1. Phe duyet Ke hoach so 341/KH-STTTT"]), "kh.pdf")
    assert src.format == "pdf" and src.encoding is None
    # the short title line ends its paragraph: a markdown hard line break (two spaces)
    assert src.text == "QUYET DINH  \nDieu 1. Phe duyet Ke hoach so 341/KH-STTTT"


def test_pdf_scanned(tmp_path: Path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(image).text((50, 50), "UY BAN NHAN DAN TINH NGHE AN", fill="black")
    path = tmp_path / "scan.pdf"
    image.save(path, "PDF")
    with pytest.raises(ScannedPdfError, match="scanned PDF") as info:
        read_file(path, ocr="never")
    assert "scan.pdf" in str(info.value)


def test_pdf_encrypted() -> None:
    data = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -44 >>",
        ],
        trailer_extra=b"/Encrypt 4 0 R /ID [<" + b"ab" * 16 + b"> <" + b"ab" * 16 + b">] ",
    )
    with pytest.raises(EncryptedFileError, match="password-protected") as info:
        read_bytes(data, "mat.pdf")
    assert "mat.pdf" in str(info.value)


@pytest.mark.parametrize("data", [b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage garbage", b"%PDF-1.7\n\x00\x01\x02"])
def test_pdf_corrupt(data: bytes) -> None:
    with pytest.raises(CorruptFileError, match="corrupt PDF") as info:
        read_bytes(data, "hong.pdf")
    assert "hong.pdf" in str(info.value)


def test_pdf_not_a_pdf() -> None:
    with pytest.raises(CorruptFileError, match="no %PDF header"):
        read_bytes(b"Ke hoach so 341", "gia.pdf")
    with pytest.raises(UnsupportedFormatError, match="PNG image"):
        read_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "anh.pdf")


def test_pdf_page_limit() -> None:
    from vbpl_extract.readers.pdf_reader import read_pdf

    with pytest.raises(FileTooLargeError, match="the PDF has 1 pages; the limit is 0"):
        read_pdf(_text_pdf(["x"]), "kh.pdf", max_pages=0)


@pytest.mark.corpus
def test_pdf_public_341_tables_as_pipe_rows() -> None:
    src = read_file(corpus_file("extracttomarkdown_pdf2md/Public_341.pdf"))
    assert src.format == "pdf"
    assert "Căn cứ Quyết định số 1110/QĐ-BTTTT ngày 02/7/2024" in src.text
    rows = [line for line in src.text.split("\n") if line.startswith("| ")]
    # one table over pages 5-8: its header row once, sections I-IV and tasks 1-7 (the running
    # header table "VIETTEL AI RACE | TD341" on every page is dropped)
    assert len(rows) == 1 + 4 + 7
    assert sum(line.startswith("| TT | Nhiệm vụ thực hiện |") for line in rows) == 1
    assert not any("VIETTEL AI RACE" in line for line in rows)
    # task 7's row goes on at the top of page 8: joined into one row
    assert any(line.startswith("| 7 |") and "Gia Nghĩa" in line for line in rows)
    assert all(line.endswith(" |") for line in rows)
    assert any(line.startswith("| 5 | Đo kiểm chất lượng mạng viễn thông di động |") for line in rows)
    # text inside a table's box is not repeated outside the table
    plain = [line for line in src.text.split("\n") if not line.startswith("|")]
    assert not any(line.strip() == "Đo kiểm chất lượng mạng viễn thông di động" for line in plain)
    # each table is surrounded by blank lines
    lines = src.text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("| ") and i > 0 and not lines[i - 1].startswith("| "):
            assert lines[i - 1] == ""


# ---------------------------------------------------------------- the shared corpus


@pytest.mark.corpus
def test_every_corpus_file_reads(corpus_dir: Path) -> None:
    files = [p for p in sorted(corpus_dir.rglob("*")) if p.is_file() and p.suffix.lower() in EXTENSIONS]
    assert len(files) > 100
    failures = []
    for path in files:
        try:
            src = read_file(path)
        except ScannedPdfError:
            if path.name in needs_ocr():
                continue  # a scan, or a text layer that is not Vietnamese: the OCR path's input
            failures.append(f"{path.relative_to(CORPUS)}: unexpected ScannedPdfError")
            continue
        except Exception as exc:  # collect them all for one readable failure
            failures.append(f"{path.relative_to(CORPUS)}: {type(exc).__name__}: {exc}")
            continue
        assert src.text.strip()
        assert len(src.sha256) == 64
    assert not failures, "\n".join(failures)


@pytest.mark.corpus
def test_corpus_text_file_is_exact() -> None:
    path = corpus_file("seeds/004_73d4ecd4209fcbe0.txt")
    data = path.read_bytes()
    src = read_file(path)
    assert src.text == data.decode("utf-8-sig")
    assert src.sha256 == hashlib.sha256(data).hexdigest()
