"""Issue 6, robustness: every bad input gets a clear answer, nothing is lost, nothing hangs.

One test per bad-input class, at two levels:

* library: ``extract_file`` raises exactly the class of :mod:`vbpl_extract.errors`, whose message
  names the file and the problem (``hong.docx: corrupt .docx (not a valid zip archive: ...)``);
* CLI: ``vbpl-extract extract FILE`` exits with the class's ``exit_code`` and prints one line on
  stderr (``vbpl-extract: error: <file>: <problem>``), with a traceback only under ``--debug``.

Inputs that are odd but readable (UTF-16, Windows-1258, TCVN3/VNI, NFD, old tone placement, long
lines, text without legal structure) give a valid output. Adversarial inputs run in subprocesses
under a generous wall-clock guard, so that a hang fails its test instead of blocking CI.
``docs/robustness.md`` has the table of inputs and outcomes.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from builders import document_xml, docx_parts, docx_zip_bomb, flate_bomb, write_huge_docx
from builders import minimal_pdf as _pdf
from builders import page_pdf as _page_pdf
from vbpl_extract.cli import app
from vbpl_extract.encodings import encode_legacy
from vbpl_extract.errors import (
    EXIT_CODES,
    CorruptFileError,
    EmptyDocumentError,
    EncodingError,
    EncryptedFileError,
    FileTooLargeError,
    InputNotFoundError,
    SchemaValidationError,
    UnsupportedFormatError,
    VbplError,
)
from vbpl_extract.models import TaskGraph
from vbpl_extract.pipeline import extract_file, extract_source, extract_text
from vbpl_extract.readers import DEFAULT_MAX_BYTES, read_bytes
from vbpl_extract.readers.safe_xml import MAX_TEXT_CHARS
from vbpl_extract.schema import validate_data
from vbpl_extract.textutil import fold_tones

runner = CliRunner()

# A short plan written for these tests: three tasks with lead, coordinators and deadlines.
DOC = "\n".join([
    "ỦY BAN NHÂN DÂN",
    "TỈNH NGHỆ AN",
    "Số: 123/KH-UBND",
    "Nghệ An, ngày 10 tháng 3 năm 2025",
    "KẾ HOẠCH",
    "Thực hiện chuyển đổi số và hiện đại hóa hành chính năm 2025",
    "Điều 1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ xây dựng phương án hiện đại hóa "
    "quản lý tài chính, trình Ủy ban nhân dân tỉnh trước ngày 15/12/2025.",
    "Điều 2. Sở Y tế chủ trì hoàn thiện hệ thống thông tin y tế, báo cáo Ủy ban nhân dân tỉnh "
    "trước ngày 30/6/2025.",
    "Điều 3. Sở Văn hóa và Thể thao chủ trì, phối hợp với Sở Tài chính tổ chức hội nghị hòa giải "
    "cơ sở, hoàn thành trong quý IV/2025.",
])

# Old ("oá", "uỷ") tone placement for the words of DOC; fold_tones maps them back.
OLD_TONES = {"hóa": "hoá", "Hóa": "Hoá", "hòa": "hoà", "Ủy": "Uỷ", "ủy": "uỷ"}


def old_tones(text: str) -> str:
    """``"Ủy ban ... hiện đại hóa"`` -> ``"Uỷ ban ... hiện đại hoá"``."""
    for new, old in OLD_TONES.items():
        text = text.replace(new, old)
    return text


# ---------------------------------------------------------------- bad-file builders


def encrypted_pdf() -> bytes:
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -44 >>",
        ],
        trailer_extra=b"/Encrypt 4 0 R /ID [<" + b"ab" * 16 + b"> <" + b"ab" * 16 + b">] ",
    )


def pdf_bomb(megabytes: int = 300) -> bytes:
    """A ~0.3 MB PDF whose Flate content stream inflates to ``megabytes`` MB (a decompression bomb)."""
    import zlib

    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    raw = packer.compress(b"BT /F1 12 Tf 72 720 Td (Dieu 1. Giao So Tai chinh chu tri) Tj ET\n")
    for _ in range(megabytes):
        raw += packer.compress(chunk)
    raw += packer.flush()
    return _page_pdf(raw, stream_dict=b"/Filter /FlateDecode ")


def scanned_pdf() -> bytes:
    """An image-only PDF (what a scanner produces)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(image).text((50, 50), "UY BAN NHAN DAN TINH NGHE AN", fill="black")
    buf = io.BytesIO()
    image.save(buf, "PDF")
    return buf.getvalue()


def good_docx(lines: list[str] | None = None) -> bytes:
    document = docx.Document()
    for line in lines or DOC.split("\n"):
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["TT", "Nhiệm vụ", "Cơ quan chủ trì"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["1", "Xây dựng Đề án chuyển đổi số", "Sở Khoa học và Công nghệ"],
                          strict=True):
        cell.text = text
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _replace_member(data: bytes, member: str, transform: Callable[[bytes], bytes]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info)
            dst.writestr(info.filename, transform(blob) if info.filename == member else blob)
    return buf.getvalue()


def docx_with_dtd(dtd: bytes, entity_ref: bytes) -> bytes:
    """A .docx whose document.xml declares ``dtd`` and uses ``entity_ref`` in the first paragraph."""
    def inject(blob: bytes) -> bytes:
        decl, rest = blob.split(b"?>", 1)
        return decl + b"?>" + dtd + rest.replace(b">\xe1\xbb\xa6Y BAN", b">" + entity_ref + b"\xe1\xbb\xa6Y BAN", 1)

    return _replace_member(good_docx(), "word/document.xml", inject)


def encrypted_docx() -> bytes:
    """An OLE container holding an ``EncryptedPackage`` stream: a password-protected .docx."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100


def pdf_bomb_decode_parms() -> bytes:
    """A Flate bomb whose stream dictionary has ``/DecodeParms << >>`` after the filter (issue 12 item 2)."""
    return _page_pdf(flate_bomb(300), stream_dict=b"/Filter /FlateDecode /DecodeParms << >> ")


def pdf_bomb_filter_chain() -> bytes:
    """A Flate bomb behind ``[/ASCIIHexDecode /FlateDecode]``: the raw bytes show no Flate data at all."""
    return _page_pdf(flate_bomb(300).hex().encode() + b">", stream_dict=b"/Filter [/ASCIIHexDecode /FlateDecode] ")


def pdf_operator_flood(operators: int = 200_000) -> bytes:
    """A ~3 kB PDF whose one page shows a character 200,000 times (``(a) Tj`` repeated)."""
    import zlib

    content = b"BT /F1 12 Tf 72 720 Td " + b"(a) Tj " * operators + b"ET"
    return _page_pdf(zlib.compress(content, 9), stream_dict=b"/Filter /FlateDecode ")


_DTD = '<!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">]>'
_UTF16_DOC = ('<?xml version="1.0" encoding="UTF-16"?>' + _DTD + document_xml(["Giao Sở Tài chính &b;"]).split("?>", 1)[1])


def docx_dtd_in_utf16_document() -> bytes:
    """word/document.xml in UTF-16 (with BOM) declaring a DTD: invisible to a UTF-8 byte scan."""
    return docx_parts({"word/document.xml": _UTF16_DOC.encode("utf-16")})


def docx_dtd_in_utf32_numbering() -> bytes:
    """A clean document whose numbering part is UTF-32 (no BOM) with a DTD."""
    numbering = ('<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE n [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                 '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&x;'
                 "</w:numbering>")
    return docx_parts({"word/document.xml": document_xml(["Giao Sở Tài chính chủ trì"]),
                       "word/numbering.xml": numbering.encode("utf-32-le")}, doc_rels={"numbering": "numbering.xml"})


def docx_dtd_in_a_non_xml_part() -> bytes:
    """The main document under a name not ending in .xml (found through _rels/.rels), with a DTD."""
    doc = document_xml(["Giao Sở Tài chính &b;"]).replace("?>", "?>" + _DTD, 1)
    return docx_parts({"word/noi_dung.bin": doc}, main="word/noi_dung.bin")


def docx_dtd_in_utf16_relationships() -> bytes:
    """The document's relationships part in UTF-16 big-endian without a BOM, declaring a DTD."""
    data = docx_parts({"word/document.xml": document_xml(["Giao Sở Tài chính chủ trì"])})
    rels = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY a "x">]>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')
    return _replace_member(data, "_rels/.rels", lambda _: rels.encode("utf-16-be"))


def _sparse(size: int) -> Callable[[Path], None]:
    """Make a sparse file of ``size`` bytes (no disk used; the reader stops at its size)."""
    def make(path: Path) -> None:
        with path.open("wb") as fh:
            fh.truncate(size)
    return make


# ---------------------------------------------------------------- the bad-input classes


@dataclass(frozen=True)
class BadInput:
    """One bad-input class: the file to write, the error expected and a fragment of its message."""

    id: str
    name: str
    make: Callable[[], bytes] | Callable[[Path], None]
    error: type[VbplError]
    fragment: str
    writes_itself: bool = False

    def create(self, folder: Path) -> Path:
        path = folder / self.name
        if self.writes_itself:
            self.make(path)  # type: ignore[call-arg]
        else:
            path.write_bytes(self.make())  # type: ignore[call-arg]
        return path


def _mkdir(path: Path) -> None:
    path.mkdir()


def _nothing(path: Path) -> None:
    """A missing file: write nothing."""


BAD_INPUTS: list[BadInput] = [
    BadInput("empty-txt", "rong.txt", lambda: b"", EmptyDocumentError, "the file is empty (0 bytes)"),
    BadInput("empty-docx", "rong.docx", lambda: b"", EmptyDocumentError, "the file is empty (0 bytes)"),
    BadInput("empty-pdf", "rong.pdf", lambda: b"", EmptyDocumentError, "the file is empty (0 bytes)"),
    BadInput("whitespace-only", "trang.txt", lambda: b"  \n\t\r\n \xc2\xa0\n", EmptyDocumentError, "only whitespace"),
    BadInput("whitespace-only-utf16", "trang16.txt", lambda: " \n\t \u3000\n".encode("utf-16"),
             EmptyDocumentError, "only whitespace"),
    BadInput("html-without-text", "trong.html",
             lambda: b"<html><body><script>var a;</script><img src=x></body></html>", EmptyDocumentError, "no text"),
    BadInput("binary-nul-bytes", "nhiphan.txt", lambda: b"abc\x00\x01\x02\x03\xfe\xff" * 20,
             UnsupportedFormatError, "binary content"),
    BadInput("image-as-txt", "anh.txt", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
             UnsupportedFormatError, "the content is a PNG image, not text"),
    BadInput("image-as-pdf", "anh.pdf", lambda: b"\xff\xd8\xff\xe0" + b"\x00" * 64,
             UnsupportedFormatError, "the content is a JPEG image, not a PDF"),
    BadInput("image-extension", "anh.png", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
             CorruptFileError, "not a readable image"),
    BadInput("unsupported-extension", "bang.xlsx", lambda: b"PK\x03\x04" + b"\x00" * 64,
             UnsupportedFormatError, "spreadsheets are not supported"),
    BadInput("legacy-doc-extension", "cu.doc", lambda: b"\xd0\xcf\x11\xe0", UnsupportedFormatError,
             "not a .doc document"),
    BadInput("no-extension", "README", lambda: b"Xin chao", UnsupportedFormatError, "no file extension"),
    BadInput("docx-corrupt", "hong.docx", lambda: good_docx()[:2000], CorruptFileError,
             "corrupt .docx (not a valid zip archive"),
    BadInput("docx-not-a-zip", "gia.docx", lambda: b"van ban thuong, khong phai docx", CorruptFileError,
             "not a .docx (no zip signature)"),
    BadInput("docx-encrypted", "mat.docx", encrypted_docx, EncryptedFileError,
             "the Word document is password-protected"),
    BadInput("docx-zip-bomb", "bom.docx", docx_zip_bomb, CorruptFileError, "zip bomb suspected"),
    BadInput("docx-xml-entities", "xxe.docx",
             lambda: docx_with_dtd(b'<!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">]>', b"&b;"),
             CorruptFileError, "declares a DOCTYPE/ENTITY"),
    BadInput("docx-xml-external-entity", "xxe_file.docx",
             lambda: docx_with_dtd(b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>', b"&x;"),
             CorruptFileError, "declares a DOCTYPE/ENTITY"),
    BadInput("docx-dtd-utf16", "xxe16.docx", docx_dtd_in_utf16_document, CorruptFileError,
             "word/document.xml declares a DOCTYPE/ENTITY"),
    BadInput("docx-dtd-utf32-numbering", "xxe32.docx", docx_dtd_in_utf32_numbering, CorruptFileError,
             "word/numbering.xml declares a DOCTYPE/ENTITY"),
    BadInput("docx-dtd-non-xml-part", "xxebin.docx", docx_dtd_in_a_non_xml_part, CorruptFileError,
             "word/noi_dung.bin declares a DOCTYPE/ENTITY"),
    BadInput("docx-dtd-utf16be-rels", "xxerels.docx", docx_dtd_in_utf16_relationships, CorruptFileError,
             "_rels/.rels declares a DOCTYPE/ENTITY"),
    BadInput("pdf-bomb-decode-parms", "bom_parms.pdf", pdf_bomb_decode_parms, CorruptFileError,
             "PDF decompression bomb suspected"),
    BadInput("pdf-bomb-filter-chain", "bom_chain.pdf", pdf_bomb_filter_chain, CorruptFileError,
             "PDF decompression bomb suspected"),
    BadInput("pdf-operator-flood", "lu_toan_tu.pdf", pdf_operator_flood, FileTooLargeError,
             "page 1 of the PDF renders over"),
    BadInput("pdf-corrupt", "hong.pdf", lambda: b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage garbage",
             CorruptFileError, "corrupt PDF"),
    BadInput("pdf-not-a-pdf", "gia.pdf", lambda: b"Ke hoach so 341", CorruptFileError, "not a PDF (no %PDF header)"),
    BadInput("pdf-encrypted", "mat.pdf", encrypted_pdf, EncryptedFileError, "the PDF is password-protected"),
    BadInput("too-large", "lon.txt", _sparse(DEFAULT_MAX_BYTES + 1), FileTooLargeError,
             f"over the {DEFAULT_MAX_BYTES / 1e6:.1f} MB limit", writes_itself=True),
    BadInput("legacy-encoding-unknown", "fr.txt",
             lambda: "Le café de la façade, l'élève naïve et déjà très âgée".encode("latin-1"), EncodingError,
             "not recognisable as Windows-1258, TCVN3 (ABC) or VNI Vietnamese"),
    BadInput("damaged-utf8", "cut.txt", lambda: (DOC * 2).encode("utf-8") + b"\xe1\xba", EncodingError,
             "the file looks like damaged UTF-8"),
    BadInput("damaged-utf16", "u16.txt", lambda: codecs.BOM_UTF16_LE + DOC.encode("utf-16-le") + b"\x00",
             EncodingError, "invalid UTF-16"),
    BadInput("missing-file", "khong_co.txt", _nothing, InputNotFoundError, "no such file", writes_itself=True),
    BadInput("directory", "thu_muc.txt", _mkdir, InputNotFoundError, "is a directory, not a file",
             writes_itself=True),
]


def _ids(cases: list[BadInput]) -> list[str]:
    return [c.id for c in cases]


@pytest.mark.parametrize("case", BAD_INPUTS, ids=_ids(BAD_INPUTS))
def test_library_raises_the_typed_error(case: BadInput, tmp_path: Path) -> None:
    path = case.create(tmp_path)
    with pytest.raises(VbplError) as info:
        extract_file(path)
    exc = info.value
    assert type(exc) is case.error, f"{type(exc).__name__}: {exc}"
    assert exc.path == str(path)
    assert case.fragment in exc.problem
    assert str(exc) == f"{path}: {exc.problem}"
    assert exc.exit_code == EXIT_CODES[case.error.__name__] >= 2


def _assert_one_line_error(stderr: str, path: Path, fragment: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip("\n").split("\n")
    assert len(lines) == 1, stderr
    assert lines[0].startswith("vbpl-extract: error: ")
    assert str(path) in lines[0]
    assert fragment in lines[0]


@pytest.mark.parametrize("case", BAD_INPUTS, ids=_ids(BAD_INPUTS))
def test_cli_one_line_error_and_exit_code(case: BadInput, tmp_path: Path) -> None:
    path = case.create(tmp_path)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == case.error.exit_code, result.stderr
    assert result.stdout == ""
    _assert_one_line_error(result.stderr, path, case.fragment)
    tasks = runner.invoke(app, ["tasks", str(path)])
    assert tasks.exit_code == case.error.exit_code
    _assert_one_line_error(tasks.stderr, path, case.fragment)


@pytest.mark.parametrize("case", [c for c in BAD_INPUTS if c.id in ("empty-txt", "docx-corrupt", "pdf-encrypted")],
                         ids=["empty-txt", "docx-corrupt", "pdf-encrypted"])
def test_cli_debug_shows_the_traceback(case: BadInput, tmp_path: Path) -> None:
    path = case.create(tmp_path)
    result = runner.invoke(app, ["extract", "--debug", str(path)])
    assert result.exit_code == case.error.exit_code
    assert "Traceback (most recent call last)" in result.stderr
    assert f"vbpl-extract: error: {path}: " in result.stderr


def test_exit_codes_are_distinct_and_documented() -> None:
    codes = [c for name, c in EXIT_CODES.items() if name != "VbplError"]
    assert len(codes) == len(set(codes))
    assert all(c >= 3 for c in codes)  # 0 ok, 1 some batch documents failed, 2 usage / generic error
    doc = (Path(__file__).resolve().parents[1] / "docs" / "robustness.md").read_text("utf-8")
    for name, code in EXIT_CODES.items():
        assert f"`{name}`" in doc and f"| {code} |" in doc, name


def test_pdf_decompression_bomb_is_rejected() -> None:
    data = pdf_bomb(300)
    assert len(data) < 1_000_000
    with pytest.raises(CorruptFileError, match="bomb"):
        read_bytes(data, "bom.pdf")


@pytest.mark.parametrize("make", [pdf_bomb_decode_parms, pdf_bomb_filter_chain], ids=["decode-parms", "filter-chain"])
def test_pdf_bombs_the_old_byte_scan_missed_are_small_files(make: Callable[[], bytes]) -> None:
    data = make()
    assert len(data) < 1_000_000  # ~0.3-0.6 MB on disk, 300 MB decoded
    with pytest.raises(CorruptFileError, match="decompression bomb"):
        read_bytes(data, "bom.pdf")


def test_pdf_operator_flood_is_a_small_file() -> None:
    data = pdf_operator_flood()
    assert len(data) < 16_000
    with pytest.raises(FileTooLargeError, match="characters; refused"):
        read_bytes(data, "lu.pdf")


_RSS_CHILD = textwrap.dedent("""
    import re, sys
    from vbpl_extract.errors import VbplError
    from vbpl_extract.readers import read_file
    try:
        read_file(sys.argv[1])
        print("read")
    except VbplError as exc:
        print(type(exc).__name__, exc.exit_code, exc.problem)
    # VmHWM: this process's own peak RSS in kB (ru_maxrss would count the forking parent's)
    with open("/proc/self/status") as fh:
        print(re.search(r"VmHWM:\\s+(\\d+)", fh.read()).group(1))
""")


def test_docx_with_a_190_mb_document_part_is_bounded(tmp_path: Path) -> None:
    """Issue 12 item 1: a 190 MB word/document.xml (a few MB zipped) ends in a typed error, in bounded memory."""
    path = tmp_path / "dai.docx"
    write_huge_docx(path, 190)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("word/document.xml").file_size > 190_000_000
    assert path.stat().st_size < 15_000_000
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[1] / "src"),
                                                         os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, "-c", _RSS_CHILD, str(path)], capture_output=True, text=True,
                         timeout=GUARD_SECONDS, env=env)
    outcome, peak_kb = run.stdout.strip().split("\n")
    assert outcome.startswith(f"FileTooLargeError {FileTooLargeError.exit_code} "), run.stdout + run.stderr
    assert "characters of text; refused" in outcome
    assert int(peak_kb) < 400 * 1024, f"peak RSS {int(peak_kb) // 1024} MB"
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == FileTooLargeError.exit_code
    _assert_one_line_error(result.stderr, path, "refused")


_LINE = "các cơ quan, đơn vị triển khai thực hiện nhiệm vụ được giao, trước ngày 15/12/2025; "


@pytest.mark.parametrize(("name", "wrap"), [("dong.txt", lambda t: t), ("trang.html", lambda t: f"<p>{t}</p>")])
def test_text_over_the_character_limit_is_refused_whatever_the_format(tmp_path: Path, name: str, wrap) -> None:
    """Issue 12 item 4: a 13 MB one-line text (2.1 GB before) is refused by the same character limit as a
    .docx, with a one-line error and the documented exit code."""
    path = tmp_path / name
    path.write_text(wrap("Điều 1. " + (_LINE * 160_000)[:MAX_TEXT_CHARS]), "utf-8")
    with pytest.raises(FileTooLargeError, match="holds over 5,000,000 characters of text"):
        read_bytes(path.read_bytes(), name)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == FileTooLargeError.exit_code
    _assert_one_line_error(result.stderr, path, "refused")


_EXTRACT_RSS_CHILD = textwrap.dedent("""
    import re, sys
    from vbpl_extract.pipeline import extract_file
    graph = extract_file(sys.argv[1])
    print(len(graph.tasks), len(graph.warnings))
    with open("/proc/self/status") as fh:
        print(re.search(r"VmHWM:\\s+(\\d+)", fh.read()).group(1))
""")


def test_one_line_at_the_character_limit_is_read_in_bounded_memory(tmp_path: Path) -> None:
    """Issue 12 item 4: the largest one-line text let through (just under 5,000,000 characters, about
    125,000 agency and deadline mentions) is extracted in under 400 MB: long texts are read window by
    window and at most 5,000 mentions of a kind are kept per text, with a warning."""
    path = tmp_path / "dong.txt"
    path.write_text("Điều 1. " + (_LINE * 80_000)[:MAX_TEXT_CHARS - 1_000], "utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[1] / "src"),
                                                         os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, "-c", _EXTRACT_RSS_CHILD, str(path)], capture_output=True, text=True,
                         timeout=GUARD_SECONDS, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    counts, peak_kb = run.stdout.strip().split("\n")
    tasks, warnings = map(int, counts.split())
    assert tasks == 1 and warnings >= 1  # one task, and the TooManyMentions warning(s)
    assert int(peak_kb) < 400 * 1024, f"peak RSS {int(peak_kb) // 1024} MB"


def docx_foreign_namespace() -> bytes:
    """A .docx whose document.xml root is not in the WordprocessingML namespace (found by scripts/fuzz.py)."""
    return _replace_member(good_docx(), "word/document.xml",
                           lambda blob: blob.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                                     b"urn:khac"))


def test_docx_with_a_foreign_namespace_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "la.docx"
    path.write_bytes(docx_foreign_namespace())
    with pytest.raises(CorruptFileError, match=r"\.docx|Word document") as info:
        extract_file(path)
    assert str(path) in str(info.value)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == CorruptFileError.exit_code
    _assert_one_line_error(result.stderr, path, "docx")


def docx_future_zip_version() -> bytes:
    """A .docx whose first central-directory entry needs zip version 16.2 (found by scripts/fuzz.py)."""
    data = bytearray(good_docx())
    at = data.index(b"PK\x01\x02") + 6  # "version needed to extract"
    data[at:at + 2] = (162).to_bytes(2, "little")
    return bytes(data)


def test_docx_with_an_unsupported_zip_version_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "zip16.docx"
    path.write_bytes(docx_future_zip_version())
    with pytest.raises(CorruptFileError, match=r"\.docx") as info:
        extract_file(path)
    assert str(path) in str(info.value)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == CorruptFileError.exit_code
    _assert_one_line_error(result.stderr, path, "docx")


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "qd.txt"
    path.write_text(DOC, "utf-8")
    with pytest.raises(FileTooLargeError, match="max_bytes=100") as info:
        extract_file(path, max_bytes=100)
    assert str(path) in str(info.value)
    assert extract_file(path, max_bytes=len(DOC.encode()) + 1).tasks


# ---------------------------------------------------------------- odd but readable inputs


def _task_key(graph: TaskGraph) -> list[tuple]:
    """What must not depend on the encoding or the Unicode form: ids, texts, agencies, deadlines."""
    return [
        (t.id, fold_tones(t.text), t.unit, [a.id or a.name for a in t.lead],
         [a.id or a.name for a in t.coordinators], t.deadline.due if t.deadline else None)
        for t in graph.tasks
    ]


@pytest.fixture(scope="module")
def reference() -> TaskGraph:
    graph = extract_text(DOC)
    assert len(graph.tasks) >= 3
    assert {a.name for t in graph.tasks for a in t.lead} >= {"Sở Tài chính", "Sở Y tế"}
    return graph


def _check_spans(graph: TaskGraph, length: int) -> None:
    for t in graph.tasks:
        assert 0 <= t.span[0] <= t.span[1] <= length
    assert len({t.id for t in graph.tasks}) == len(graph.tasks)


READABLE: list[tuple[str, str, Callable[[], bytes], str]] = [
    ("utf-8", "qd.txt", lambda: DOC.encode("utf-8"), "utf-8"),
    ("utf-8-bom", "qd.txt", lambda: codecs.BOM_UTF8 + DOC.encode("utf-8"), "utf-8-sig"),
    ("utf-16-bom-le", "qd.txt", lambda: DOC.encode("utf-16"), "utf-16"),
    ("utf-16-bom-be", "qd.txt", lambda: codecs.BOM_UTF16_BE + DOC.encode("utf-16-be"), "utf-16"),
    ("utf-16-le-no-bom", "qd.txt", lambda: DOC.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be-no-bom", "qd.md", lambda: DOC.encode("utf-16-be"), "utf-16-be"),
    ("windows-1258", "qd.txt", lambda: _cp1258(DOC), "cp1258"),
    ("tcvn3", "qd.txt", lambda: encode_legacy(DOC, "tcvn3").encode("cp1252"), "tcvn3"),
    ("vni", "qd.txt", lambda: encode_legacy(DOC, "vni").encode("cp1252"), "vni"),
    ("tcvn3-stored-as-utf8", "qd.md", lambda: encode_legacy(DOC, "tcvn3").encode("utf-8"), "utf-8+tcvn3"),
    ("crlf", "qd.txt", lambda: DOC.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
]


def _cp1258(text: str) -> bytes:
    """Windows-1258: precomposed where the code page has it, else base letter + combining tone."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
            out += base.encode("cp1258") + "".join(c for c in nfd if c in tones).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(("name", "make", "encoding"), [r[1:] for r in READABLE], ids=[r[0] for r in READABLE])
def test_encodings_give_the_same_tasks(name: str, make: Callable[[], bytes], encoding: str, tmp_path: Path,
                                       reference: TaskGraph) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    graph = extract_file(path)
    assert graph.source.encoding == encoding
    assert _task_key(graph) == _task_key(reference)
    _check_spans(graph, graph.source.length)


def test_cli_utf16_without_bom_is_valid_output(tmp_path: Path, reference: TaskGraph) -> None:
    path = tmp_path / "qd16.txt"
    path.write_bytes(DOC.encode("utf-16-le"))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert validate_data(data) == []
    assert data["source"]["encoding"] == "utf-16-le"
    assert len(data["tasks"]) == len(reference.tasks)


def test_nfd_gives_the_same_tasks_as_nfc(reference: TaskGraph) -> None:
    nfd = unicodedata.normalize("NFD", DOC)
    assert nfd != DOC
    graph = extract_text(nfd)
    assert _task_key(graph) == _task_key(reference)
    assert [t.text for t in graph.tasks] == [t.text for t in reference.tasks]  # texts are NFC
    _check_spans(graph, len(nfd))
    for t in graph.tasks:  # spans index the NFD source
        assert unicodedata.normalize("NFC", nfd[t.span[0]:t.span[1]]).startswith(t.text[:10])


def test_old_tone_placement_gives_the_same_tasks(reference: TaskGraph) -> None:
    mixed = old_tones(DOC)
    assert mixed != DOC and "Uỷ ban" in mixed and "hoá" in mixed
    graph = extract_text(mixed)
    assert _task_key(graph) == _task_key(reference)
    _check_spans(graph, len(mixed))


def test_mixed_nfd_and_old_tones_line_by_line(reference: TaskGraph) -> None:
    lines = DOC.split("\n")
    mixed = "\n".join(
        unicodedata.normalize("NFD", line) if i % 3 == 0 else old_tones(line) if i % 3 == 1 else line
        for i, line in enumerate(lines)
    )
    assert _task_key(extract_text(mixed)) == _task_key(reference)


NOT_LEGAL = [
    "Hôm nay trời đẹp, chúng tôi đi dạo quanh Hồ Gươm và ăn phở bò.\nNgày mai có thể mưa rào.",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\nSed do eiusmod tempor.",
    "| a | b |\n|---|---|\n| 1 | 2 |\n**bold** - + * 1. a)",
    "12345 67890\n!!! ??? ... ;;;",
]


@pytest.mark.parametrize("text", NOT_LEGAL, ids=["prose", "latin", "markup", "punctuation"])
def test_text_without_legal_structure_is_a_plain_output(text: str, tmp_path: Path) -> None:
    graph = extract_text(text)
    assert graph.tasks == []
    assert validate_data(json.loads(graph.model_dump_json())) == []
    path = tmp_path / "tin_bai.txt"
    path.write_text(text, "utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["tasks"] == [] and validate_data(data) == []


def test_long_line_is_read(tmp_path: Path) -> None:
    """A 300 kB line (a PDF export without line breaks) gives a valid output through the CLI."""
    line = "Điều 1. " + "các cơ quan, đơn vị triển khai thực hiện nhiệm vụ được giao | ** - " * 4500
    path = tmp_path / "dong_dai.txt"
    path.write_text(line, "utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert validate_data(data) == [] and data["source"]["length"] == len(line)


# ---------------------------------------------------------------- untrusted content


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every attempt to resolve or connect is recorded and refused."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise OSError("network access in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


HOSTILE_HTML = """<!DOCTYPE html [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="http://127.0.0.1:9/a.css"><script src="http://127.0.0.1:9/a.js"></script>
<base href="http://127.0.0.1:9/"><meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/"></head>
<body><div class="content1">
<p>KẾ HOẠCH &x; &amp; <script>fetch("http://127.0.0.1:9/")</script></p>
<p>Điều 1. Giao Sở Tài chính chủ trì xây dựng kế hoạch trước ngày 15/12/2025.</p>
<p>Điều 2. Sở Y tế chủ trì thực hiện.</p>
<img src="http://127.0.0.1:9/a.png"><iframe src="http://127.0.0.1:9/f"></iframe>
<object data="http://127.0.0.1:9/o"></object><svg><image href="http://127.0.0.1:9/s.png"/></svg>
</div></body></html>"""


def test_html_is_parsed_without_fetching_anything(no_network: list[str]) -> None:
    graph = extract_source(read_bytes(HOSTILE_HTML.encode("utf-8"), "trang.html"))
    assert no_network == []
    assert [a.name for t in graph.tasks for a in t.lead] == ["Sở Tài chính", "Sở Y tế"]
    text = read_bytes(HOSTILE_HTML.encode("utf-8"), "trang.html").text
    assert "fetch" not in text and "127.0.0.1" not in text


def test_docx_entities_are_never_expanded(no_network: list[str], tmp_path: Path) -> None:
    path = tmp_path / "xxe.docx"
    path.write_bytes(docx_with_dtd(b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>', b"&x;"))
    with pytest.raises(CorruptFileError, match="DOCTYPE/ENTITY"):
        extract_file(path)
    assert no_network == []


# ---------------------------------------------------------------- validate


def test_cli_validate(tmp_path: Path) -> None:
    good = tmp_path / "ok.json"
    good.write_text(extract_text(DOC).model_dump_json(indent=2), "utf-8")
    result = runner.invoke(app, ["validate", str(good)])
    assert result.exit_code == 0 and "valid" in result.stdout

    broken = tmp_path / "broken.json"
    data = json.loads(good.read_text("utf-8"))
    del data["source"]
    data["tasks"][0]["span"] = "here"
    broken.write_text(json.dumps(data), "utf-8")
    result = runner.invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1
    stderr = " ".join(result.stderr.split())  # rich may wrap the violation lines
    assert "'source' is a required property" in stderr and "tasks/0/span" in stderr
    assert f"vbpl-extract: error: {broken}: 2 schema violation(s)" in stderr

    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\x89PNG not json")
    result = runner.invoke(app, ["validate", str(garbage)])
    assert result.exit_code == SchemaValidationError.exit_code == 12
    _assert_one_line_error(result.stderr, garbage, "not a JSON file")

    missing = tmp_path / "khong_co.json"
    result = runner.invoke(app, ["validate", str(missing)])
    assert result.exit_code == InputNotFoundError.exit_code
    _assert_one_line_error(result.stderr, missing, "file not found")


# ---------------------------------------------------------------- batch: good and bad files mixed


BATCH_FRAGMENTS = {"empty-txt": "empty file"}  # the batch driver checks the size itself
BATCH_BAD = ["empty-txt", "whitespace-only", "image-as-txt", "docx-corrupt", "docx-encrypted", "docx-zip-bomb",
             "pdf-encrypted", "legacy-encoding-unknown", "damaged-utf16", "html-without-text"]


def test_batch_mixed_folder(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    good = {
        "kh_123.txt": DOC.encode("utf-8"),
        "sub/kh_utf16.txt": DOC.encode("utf-16-le"),
        "sub/kh_tcvn3.txt": encode_legacy(DOC, "tcvn3").encode("cp1252"),
        "kh.docx": good_docx(),
        "kh.html": f"<html><body><div class='content1'><p>{DOC.replace(chr(10), '</p><p>')}</p></div></body></html>"
                   .encode(),
        "tin_bai.md": NOT_LEGAL[0].encode("utf-8"),
    }
    for name, data in good.items():
        (inbox / name).write_bytes(data)
    bad = {c.id: c for c in BAD_INPUTS if c.id in BATCH_BAD}
    bad_paths = {case_id: case.create(inbox) for case_id, case in bad.items()}
    explicit = tmp_path / "bang.xlsx"  # named explicitly: recorded even though unsupported
    explicit.write_bytes(b"PK\x03\x04")
    missing = tmp_path / "khong_co.txt"

    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(inbox), str(explicit), str(missing), "--out", str(out), "-j", "1",
                                 "--timeout", "300", "--no-progress"])
    assert result.exit_code == 1, result.output

    records = {Path(r["input"]).resolve(): r for r in map(json.loads, (out / "manifest.jsonl").read_text().splitlines())}
    assert len(records) == len(good) + len(bad) + 2
    for name in good:
        record = records[(inbox / name).resolve()]
        assert record["status"] == "ok", record
        data = json.loads((out / record["output"]).read_text("utf-8"))
        assert validate_data(data) == []
        assert (len(data["tasks"]) > 0) == (name != "tin_bai.md"), name
    for case_id, case in bad.items():
        record = records[bad_paths[case_id].resolve()]
        assert record["status"] == "error" and record["output"] is None, record
        assert record["error_type"] == case.error.__name__, record
        assert BATCH_FRAGMENTS.get(case_id, case.fragment) in record["error"], record
    assert records[explicit.resolve()]["error_type"] == "UnsupportedFormatError"
    assert records[missing.resolve()]["status"] == "error"
    written = sorted(p.name for p in out.glob("*.json"))
    assert len(written) == len(good)


# ---------------------------------------------------------------- adversarial inputs (subprocess, wall-clock guard)

GUARD_SECONDS = float(os.environ.get("VBPL_ADVERSARIAL_GUARD", "300"))
"""Wall-clock guard per adversarial input; generous (the slowest takes ~30 s on a loaded 2-core box)."""

ADVERSARIAL_BUILDERS = {
    # 5,000 bullets cycling through twelve marker styles: every new style opens a deeper level
    "nested_bullets_5000": "'Điều 1. Tổ chức thực hiện\\n' + ''.join(['I.', '1.', '1.1.', 'a)', 'a.1)', '-', '+', "
                           "'*', '•', '–', '○', '▪'][i % 12] + ' Giao Sở Tài chính thực hiện\\n' for i in range(5000))",
    # 5,000 numbered items "1.1.1.…" up to 200 levels deep
    "numbering_depth_5000": "'Điều 1. Tổ chức thực hiện\\n' + ''.join('1.' * (i % 200 + 1) + ' Giao Sở Nội vụ "
                            "thực hiện\\n' for i in range(5000))",
    "dieu_lines_100k": "''.join(f'Điều {i}. Giao Sở Tài chính chủ trì\\n' for i in range(1, 100_001))",
    "truoc_ngay_50k": "'Điều 1. Giao Sở Tài chính chủ trì xây dựng kế hoạch ' + 'trước ngày 15/12/2025 ' * 50_000",
    "single_line_5mb": "'Điều 1. ' + ('các cơ quan, đơn vị triển khai thực hiện nhiệm vụ được giao | ** - trước "
                       "ngày 15/12/2025; ' * 70_000)[:5_000_000]",
    # one 100 kB paragraph repeating "… chủ trì": the lead-marker scan was cubic in it (fixed in 08eb082)
    "chu_tri_line_100k": "'Giao Sở Tài chính chủ trì ' * 4_000",
}
ADVERSARIAL_GROUPS: tuple[tuple[str, ...], ...] = (
    ("single_line_5mb", "numbering_depth_5000"),
    ("dieu_lines_100k", "truoc_ngay_50k", "nested_bullets_5000"),
    ("chu_tri_line_100k",),
)
"""Cases run one after another in one subprocess per group (one interpreter start-up per group)."""
ADVERSARIAL_GUARDS = {"chu_tri_line_100k": min(GUARD_SECONDS, 60.0)}  # ~1 s; was hours while cubic

_CHILD = textwrap.dedent("""
    import json, sys, time
    from vbpl_extract.pipeline import extract_text
    for name, expr in json.loads(sys.argv[1]):
        text = eval(expr)
        start = time.perf_counter()
        graph = extract_text(text)
        spans = [t.span for t in graph.tasks]
        print(json.dumps({
            "case": name, "length": len(text), "tasks": len(graph.tasks),
            "seconds": round(time.perf_counter() - start, 2),
            "spans_ok": all(0 <= s <= e <= len(text) for s, e in spans),
            "ids_unique": len({t.id for t in graph.tasks}) == len(graph.tasks),
        }), flush=True)
""")


@dataclass
class _Group:
    """One subprocess running some cases; a reader thread files each case's summary as it arrives."""

    proc: subprocess.Popen[str]
    started: float
    results: dict[str, dict]
    done: dict[str, threading.Event]
    reader: threading.Thread | None = None

    def read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with contextlib.suppress(ValueError):
                record = json.loads(line)
                self.results[record["case"]] = record
                self.done[record["case"]].set()
        stderr = self.proc.stderr.read() if self.proc.stderr else ""
        for case, event in self.done.items():  # the child ended: wake up whoever still waits
            self.results.setdefault(case, {"error": f"child exited ({self.proc.wait()}) without a result",
                                           "stderr": stderr[-3000:]})
            event.set()


@pytest.fixture(scope="module")
def adversarial_runs() -> Iterator[dict[str, _Group]]:
    """Start every group at once (they share the cores), yield case -> group, then kill leftovers."""
    by_case: dict[str, _Group] = {}
    groups = []
    for names in ADVERSARIAL_GROUPS:
        arg = json.dumps([(n, ADVERSARIAL_BUILDERS[n]) for n in names])
        proc = subprocess.Popen([sys.executable, "-c", _CHILD, arg], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        group = _Group(proc, time.monotonic(), {}, {n: threading.Event() for n in names})
        group.reader = threading.Thread(target=group.read, daemon=True)
        group.reader.start()
        groups.append(group)
        by_case.update(dict.fromkeys(names, group))
    yield by_case
    for group in groups:
        if group.proc.poll() is None:
            group.proc.kill()
        group.proc.wait()


def _finish(group: _Group, case: str, guard: float) -> dict:
    remaining = guard - (time.monotonic() - group.started)
    if not group.done[case].wait(timeout=max(remaining, 0.5)):
        group.proc.kill()
        pytest.fail(f"{case} did not finish within the {guard:.0f} s wall-clock guard")
    result = group.results[case]
    assert "error" not in result, result
    return result


@pytest.mark.parametrize("name", list(ADVERSARIAL_BUILDERS))
def test_adversarial_input_finishes(name: str, adversarial_runs: dict[str, _Group]) -> None:
    summary = _finish(adversarial_runs[name], name, ADVERSARIAL_GUARDS.get(name, GUARD_SECONDS))
    assert summary["spans_ok"] and summary["ids_unique"], summary


# ---------------------------------------------------------------- issue 12: hostile names, special files, CLI options


ODD_NAMES = {
    "not-utf8": os.fsdecode(b"bad\xff\xfename.txt"),  # bytes that are not UTF-8 (surrogateescape)
    "cjk-244-bytes": "\u6587" * 80 + ".txt",  # a legal 244-byte name: 80 characters of 3 bytes
}


def test_batch_goes_on_whatever_the_file_is_called(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    paths = [inbox / name for name in ODD_NAMES.values()] + [inbox / "z_binh_thuong.txt"]
    for path in paths:
        path.write_text(DOC, "utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(inbox), "--out", str(out), "-j", "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["ok"] == 3
    raw_lines = (out / "manifest.jsonl").read_bytes().decode("utf-8").splitlines()  # valid UTF-8 throughout
    records = [json.loads(line) for line in raw_lines]
    assert sorted(os.fsencode(r["input"]) for r in records) == sorted(os.fsencode(p) for p in paths)
    assert "\\udcff\\udcfe" in raw_lines[0]  # the documented escaped form of the bytes ff fe
    for record in records:
        assert record["status"] == "ok", record
        assert len(record["output"].encode("utf-8")) <= 255
        data = json.loads((out / record["output"]).read_text("utf-8"))
        assert validate_data(data) == [] and len(data["tasks"]) == 3
    assert len((out / "tasks.jsonl").read_text("utf-8").splitlines()) == 9
    again = runner.invoke(app, ["batch", str(inbox), "--out", str(out), "-j", "1", "--no-progress", "--resume"])
    assert again.exit_code == 0 and json.loads(again.stdout)["skipped"] == 3, again.output


def test_extract_names_that_are_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / ODD_NAMES["not-utf8"]
    path.write_text(DOC, "utf-8")
    graph = extract_file(path)
    assert graph.source.path == str(tmp_path / "bad\\xff\\xfename.txt")  # printable form
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert validate_data(json.loads(result.stdout)) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "ong.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputNotFoundError, match=r"is a named pipe \(FIFO\), not a regular file") as info:
        extract_file(fifo)
    assert info.value.path == str(fifo)
    result = runner.invoke(app, ["extract", str(fifo)])
    assert result.exit_code == InputNotFoundError.exit_code == 3
    _assert_one_line_error(result.stderr, fifo, "not a regular file")
    good = tmp_path / "kh.txt"
    good.write_text(DOC, "utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(fifo), str(good), "--out", str(out), "-j", "1", "--no-progress"])
    assert result.exit_code == 1, result.output
    records = {Path(r["input"]).name: r for r in map(json.loads, (out / "manifest.jsonl").read_text().splitlines())}
    assert records["ong.txt"]["error"] == "is a named pipe (FIFO), not a regular file"
    assert records["kh.txt"]["status"] == "ok"


# ---------------------------------------------------------------- issue 12: bad options and outputs, one line each


def _html_with_charset(codec: str) -> bytes:
    return (f'<html><head><meta charset="{codec}"></head><body><div class="content1"><p>'
            + DOC.replace("\n", "</p><p>") + "</p></div></body></html>").encode("utf-8")


@pytest.mark.parametrize("codec", ["hex", "base64", "rot13", "uu", "zlib"])
def test_html_declaring_a_bytes_codec_is_read_as_text(codec: str, tmp_path: Path) -> None:
    """``<meta charset="hex">`` names a bytes-to-bytes codec: ignored, the text decoder detects UTF-8."""
    path = tmp_path / "trang.html"
    path.write_bytes(_html_with_charset(codec))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    assert [a["name"] for t in json.loads(result.stdout)["tasks"] for a in t["lead"]][:2] == ["Sở Tài chính", "Sở Y tế"]


def _usage_error(args: list[str], fragment: str, code: int = 2) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == code, (result.exit_code, result.output)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("vbpl-extract: error: ") and fragment in lines[0], result.stderr


def test_bad_outputs_and_options_get_one_line(tmp_path: Path) -> None:
    doc = tmp_path / "kh.txt"
    doc.write_text(DOC, "utf-8")
    folder = tmp_path / "ra"
    _usage_error(["extract", str(doc), "-o", f"{folder}/"], f"{folder}/: names a folder")
    assert not folder.exists()
    _usage_error(["extract", str(doc), "-o", str(tmp_path)], f"{tmp_path}: names a folder")
    _usage_error(["extract", str(doc), "-o", "/proc/x/y"], "/proc/x/y: cannot write the output")
    _usage_error(["schema", "-o", f"{folder}/"], "names a folder")
    for value in ("nan", "inf", "-1", "0"):
        _usage_error(["extract", str(doc), "--max-mb", value], "--max-mb must be a positive finite number")
    for value in ("-1", "nan"):
        _usage_error(["batch", str(doc), "--out", str(tmp_path / "out"), "--timeout", value], "--timeout must be")
    a_file = tmp_path / "la_tep"
    a_file.write_text("x")
    _usage_error(["batch", str(doc), "--out", str(a_file)], f"{a_file}: --out must be a folder")
    _usage_error(["validate", str(tmp_path)], f"{tmp_path}: is a directory, not a regular file",
                 InputNotFoundError.exit_code)


def test_dask_scheduler_unreachable_or_without_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import logging

    from distributed import LocalCluster

    from vbpl_extract import batch

    monkeypatch.setattr(batch, "DASK_CONNECT_TIMEOUT", 2.0)
    monkeypatch.setattr(batch, "DASK_NO_WORKERS_GRACE", 2.0)
    doc = tmp_path / "kh.txt"
    doc.write_text(DOC, "utf-8")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _usage_error(["batch", str(doc), "--out", str(tmp_path / "o1"), "--no-progress", "--executor", "dask", "--scheduler",
                  f"tcp://127.0.0.1:{port}"], f"cannot reach the Dask scheduler tcp://127.0.0.1:{port}")
    with LocalCluster(n_workers=0, processes=False, dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        _usage_error(["batch", str(doc), "--out", str(tmp_path / "o2"), "--no-progress", "--executor", "dask",
                      "--scheduler",
                      cluster.scheduler_address], "has no workers (none connected within 2 s)")


def slow_extract(path: str) -> dict:
    """An extractor that takes 5 s (a worker is killed while it runs)."""
    time.sleep(5)
    return {"tasks": []}


def test_dask_batch_stops_waiting_when_every_worker_died(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vbpl_extract import batch

    monkeypatch.setattr(batch, "DASK_NO_WORKERS_GRACE", 2.0)
    docs = []
    for i in range(3):
        docs.append(tmp_path / f"kh{i}.txt")
        docs[-1].write_text(DOC + f"\nĐiều {i + 4}. Sở Nội vụ chủ trì.", "utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent),
                                                        str(Path(batch.__file__).parents[1])])}
    address_file = tmp_path / "scheduler.json"
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--scheduler-file",
                               str(address_file), "--host", "127.0.0.1", "--port", "0", "--no-dashboard"],
                              stderr=subprocess.DEVNULL, env=env)]
    try:
        for _ in range(300):
            if address_file.exists() and address_file.stat().st_size:
                break
            time.sleep(0.1)
        address = json.loads(address_file.read_text())["address"]
        worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--no-nanny",
                                   "--nthreads", "1", "--no-dashboard"], stderr=subprocess.DEVNULL, env=env)
        procs.append(worker)
        threading.Timer(6.0, worker.kill).start()  # while the first document runs
        summary = batch.run_batch(docs, tmp_path / "out", executor="dask", scheduler=address, progress=False,
                                  timeout=600, extractor=slow_extract)
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()
    assert summary.errors >= 1 and summary.ok + summary.errors == 3
    assert {r["error_type"] for r in summary.failed} == {"NoWorkers"}, summary.failed
    assert "no Dask worker left" in summary.failed[0]["error"]


def test_evaluation_over_nothing_fails(tmp_path: Path) -> None:
    """A floor check must not pass vacuously: missing gold or corpus folders, or no gold file, are errors."""
    missing = tmp_path / "khong_co"
    _usage_error(["evaluate", "--gold", str(missing), "--corpus", str(missing)], f"{missing}: no such gold file",
                 InputNotFoundError.exit_code)
    gold = tmp_path / "gold"
    gold.mkdir()
    _usage_error(["evaluate", "--gold", str(gold), "--corpus", str(missing)], f"{missing}: the corpus folder",
                 InputNotFoundError.exit_code)
    _usage_error(["evaluate", "--gold", str(gold), "--corpus", str(tmp_path)], "no gold files (*.json)",
                 InputNotFoundError.exit_code)
    (gold / "a.json").write_text('{"source": "a.txt"}', "utf-8")
    _usage_error(["evaluate", "--gold", str(gold), "--corpus", str(tmp_path)], "a.json: not a valid gold file",
                 SchemaValidationError.exit_code)
    (gold / "a.json").write_text(json.dumps({"source": "khong_co.txt", "document": {}, "tasks": []}), "utf-8")
    _usage_error(["evaluate", "--gold", str(gold), "--corpus", str(tmp_path)], "every one of the 1 documents failed", 1)


def test_two_batches_never_write_one_folder(tmp_path: Path) -> None:
    from vbpl_extract.batch import LOCK_NAME, lock_out_dir

    doc = tmp_path / "kh.txt"
    doc.write_text(DOC, "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with lock_out_dir(out) as lock:  # another run holds the folder
        assert lock.read_text().strip() == str(os.getpid())
        _usage_error(["batch", str(doc), "--out", str(out), "--resume", "--no-progress"],
                     f"{out}: another batch (pid {os.getpid()}) is writing to this folder")
        assert not (out / "manifest.jsonl").exists()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (out / LOCK_NAME).write_text(dead.stdout)  # a stale lock left by a killed run: taken over
    result = runner.invoke(app, ["batch", str(doc), "--out", str(out), "--resume", "--no-progress", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["ok"] == 1
    assert not (out / LOCK_NAME).exists()


def test_html_spans_cannot_multiply_a_table() -> None:
    """Every cell colspan=50 rowspan=50: the grid once grew to millions of empty slots (1.7 GB)."""
    from vbpl_extract.readers.html_reader import MAX_COLUMNS, SPAN_SLOTS

    rows, cols = 300, 20
    html = ("<table>" + "".join("<tr>" + "".join(f"<td colspan=50 rowspan=50>Sở {r}-{c}</td>" for c in range(cols))
                                + "</tr>" for r in range(rows)) + "</table>")
    text = read_bytes(html.encode("utf-8"), "bang.html").text
    lines = [line for line in text.split("\n") if line.startswith("|")]
    assert len(lines) == rows
    assert all(f"Sở {r}-{c}" in text for r in range(rows) for c in range(cols))  # no cell text lost
    slots = sum(line.count("|") - 1 for line in lines)
    assert max(line.count("|") - 1 for line in lines) <= MAX_COLUMNS + cols
    assert slots <= rows * cols + SPAN_SLOTS + MAX_COLUMNS + cols
    legit = read_bytes("<table><tr><td rowspan=2>1</td><td colspan=2>Sở Y tế</td></tr>"
                       "<tr><td>a</td><td>b</td></tr></table>".encode(), "b.html").text
    assert legit.split("\n") == ["| 1 | Sở Y tế |  |", "|  | a | b |"]


def test_deeply_nested_html_keeps_its_text() -> None:
    """10^5 nested divs (1.1 MB) took 70 s in the parser: containers past depth 500 become line breaks."""
    html = "<div>" * 100_000 + "Điều 1. Giao Sở Tài chính chủ trì." + "</div>" * 100_000
    from vbpl_extract.readers.html_reader import MAX_DEPTH, limit_nesting

    assert limit_nesting(html).count("<div>") == MAX_DEPTH  # what the parser sees
    graph = extract_source(read_bytes(html.encode("utf-8"), "long.html"))
    assert [a.name for t in graph.tasks for a in t.lead] == ["Sở Tài chính"]
    shallow = "<div><div><p>Điều 1. Giao Sở Y tế</p><div>chủ trì.</div></div></div>"
    assert read_bytes(shallow.encode("utf-8"), "a.html").text == "Điều 1. Giao Sở Y tế\nchủ trì."


def test_runs_of_slashes_do_not_hide_deadlines() -> None:
    """``1/1/1/...`` runs made the document-number pattern quadratic (50 s for 96 kB); now bounded."""
    from vbpl_extract.deadlines import find_deadlines

    run = "1/1/" * 3000
    text = f"Quyết định số 5 {run} Sở Tài chính báo cáo trước ngày 15/12/2025."
    found = find_deadlines(text)
    assert [(d.text, str(d.due)) for d in found] == [("trước ngày 15/12/2025", "2025-12-15")]
    normal = "Thực hiện Nghị quyết số 01/2025/NQ-CP ngày 08/01/2025, hoàn thành trước ngày 30/6/2025."
    assert [d.text for d in find_deadlines(normal)] == ["hoàn thành trước ngày 30/6/2025"]  # the cited 08/01 is not one


# ---------------------------------------------------------------- issue 9 leftovers: version, format from -o, package API


def test_version_format_from_extension_and_package_api(tmp_path: Path) -> None:
    import doctest

    import vbpl_extract

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"vbpl-extract {vbpl_extract.__version__}"
    doc = tmp_path / "kh.txt"
    doc.write_text(DOC, "utf-8")
    for name, magic in (("ra.xlsx", b"PK\x03\x04"), ("ra.ics", b"BEGIN:VCALENDAR"), ("ra.json", b"{")):
        result = runner.invoke(app, ["extract", str(doc), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).read_bytes().lstrip(b"\xef\xbb\xbf").startswith(magic), name
    result = runner.invoke(app, ["extract", str(doc), "-o", str(tmp_path / "ep.json"), "--format", "csv"])
    assert result.exit_code == 0 and not (tmp_path / "ep.json").read_bytes().startswith(b"{")  # --format wins
    from vbpl_extract import Task, TaskGraph, extract_file, extract_text

    graph = extract_file(doc)
    assert isinstance(graph, TaskGraph) and all(isinstance(t, Task) for t in graph.tasks)
    assert extract_text(DOC).tasks == graph.tasks
    assert doctest.testmod(vbpl_extract).failed == 0


# --------------------------------------------------------------------------- invisible characters (issue 12, item 11)

_INVISIBLE_BASE = ("Số: 12/QĐ-UBND\nĐiều 1. Giao Sở Tài chính chủ trì rà soát hồ sơ trước ngày 15/12/2025.\n"
                   "Điều 2. Giao Sở Nội vụ theo dõi.")


@pytest.mark.parametrize(("case", "text"), [
    ("zero-width space inside 'Điều'", _INVISIBLE_BASE.replace("Điều", "Đi\u200bều")),
    ("zero-width joiner inside 'Sở'", _INVISIBLE_BASE.replace("Sở", "S\u200dở")),
    ("right-to-left and left-to-right marks", "\u200f" + _INVISIBLE_BASE.replace(" ", " \u200e")),
    ("U+2028 line separators", _INVISIBLE_BASE.replace("\n", "\u2028")),
])
def test_invisible_characters_do_not_change_the_result(case: str, text: str) -> None:
    from vbpl_extract.pipeline import extract_text

    plain = extract_text(_INVISIBLE_BASE)
    g = extract_text(text)
    assert g.document.number == plain.document.number == "12/QĐ-UBND", case
    assert [[a.name for a in t.lead] for t in g.tasks] == [[a.name for a in t.lead] for t in plain.tasks], case
    for t in g.tasks:  # spans still index the source as given, invisible characters included
        for a in t.lead:
            assert text[a.span[0]:a.span[1]].replace("\u200d", "").replace("\u200e", "") == a.name
