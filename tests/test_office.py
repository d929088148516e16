"""Office formats (.doc, .rtf, .odt): LibreOffice converts them to .docx, the .docx reader reads them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import corpus_file
from vbpl_extract.cli import app
from vbpl_extract.errors import ConverterUnavailableError, UnsupportedFormatError
from vbpl_extract.pipeline import extract_file
from vbpl_extract.readers import office, read_bytes, read_file

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
runner = CliRunner()
TWINS = ["TB-UBND-LamDong-KetLuan-PCI_2026_vbai", "TB-UBND-LamDong-KetLuan-CaoToc_2026_vbai", "36-HD-VPTW_2018_vbai"]


def _rtf(lines: list[str]) -> bytes:
    """A minimal RTF document; non-ASCII characters as \\uN? escapes."""
    def esc(text: str) -> str:
        return "".join(c if ord(c) < 128 and c not in "\\{}" else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?"
                       for c in text)
    body = "".join(esc(line) + "\\par\n" for line in lines)
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n" + body + "}").encode("ascii")


@pytest.mark.parametrize("stem", TWINS)
def test_doc_twin_gives_the_same_tasks_as_the_docx(stem: str) -> None:
    doc = extract_file(corpus_file(f"originals/{stem}.doc"))
    docx = extract_file(corpus_file(f"originals/{stem}.docx"))
    assert doc.source.format == "doc" and doc.source.converted_to == "docx"
    assert doc.source.converter and doc.source.converter.startswith("LibreOffice")
    assert docx.source.converted_to is None
    # same anchors (unit, span) and leads
    assert [(t.unit, t.span, [a.name for a in t.lead]) for t in doc.tasks] == \
           [(t.unit, t.span, [a.name for a in t.lead]) for t in docx.tasks]
    assert (doc.document.type, doc.document.issuer) == (docx.document.type, docx.document.issuer)


def test_docs_without_twin_have_their_tasks() -> None:
    g = extract_file(corpus_file("originals/CV-UBND-BinhThuan-TrienKhaiCD131-TTg_2024_vbai.doc"))
    leads = {a.name for t in g.tasks for a in t.lead}
    assert len(g.tasks) >= 3 and {"Sở Tư pháp", "Văn phòng Ủy ban nhân dân tỉnh"} <= leads
    g = extract_file(corpus_file("originals/CV-UBND-LamDong-Giao5240-BCA_2025_vbai.doc"))
    giao = [t for t in g.tasks if [a.name for a in t.lead] == ["Công an tỉnh"]]
    assert giao and giao[0].deadline is not None  # "giao Công an tỉnh … xây dựng báo cáo tổng kết …"


def test_rtf_is_converted_and_text_command_prints_what_spans_index(tmp_path: Path) -> None:
    path = tmp_path / "ke_hoach.rtf"
    path.write_bytes(_rtf(["ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "Số: 12/KH-UBND", "KẾ HOẠCH",
                           "Điều 1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát hồ sơ trước ngày "
                           "15/12/2025."]))
    g = extract_file(path)
    assert g.source.format == "rtf" and g.source.converted_to == "docx"
    assert g.document.number == "12/KH-UBND"
    assert [a.name for a in g.tasks[0].lead] == ["Sở Tài chính"]
    printed = runner.invoke(app, ["extract", "--text", str(path)]).stdout
    start, end = g.tasks[0].span
    assert printed[start:end] == read_file(path).text[start:end] and "Sở Tài chính" in printed[start:end]


def test_content_that_is_not_the_named_format(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormatError, match=r"the content is a PNG image, not a \.doc document"):
        read_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "cu.doc")


def test_missing_libreoffice_is_exit_14_naming_the_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "cu.doc"
    shutil.copyfile(corpus_file("originals/CV-UBND-LamDong-Giao5240-BCA_2025_vbai.doc"), path)
    monkeypatch.setattr(office, "_which", lambda program: None)
    with pytest.raises(ConverterUnavailableError):
        read_file(path)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 14
    assert "libreoffice-writer-nogui" in result.stderr and str(path) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_conversion_timeout_kills_libreoffice(tmp_path: Path) -> None:
    data = corpus_file("originals/36-HD-VPTW_2018_vbai.doc").read_bytes()
    from vbpl_extract.errors import DocumentTimeoutError

    with pytest.raises(DocumentTimeoutError, match="LibreOffice"):
        office.convert_to_docx(data, "36.doc", "doc", timeout=0.2)
