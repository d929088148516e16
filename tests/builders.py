"""Builders of small binary test inputs shared by the reader, robustness and fuzz code."""

from __future__ import annotations

import io
import zipfile


def docx_zip_bomb(megabytes: int = 210) -> bytes:
    """A small .docx archive that declares ``megabytes`` MB uncompressed (zeros compress ~1000:1)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        with archive.open("word/media/bomb.bin", "w", force_zip64=True) as fh:
            chunk = b"\x00" * (1 << 20)
            for _ in range(megabytes):
                fh.write(chunk)
    return buf.getvalue()


def minimal_pdf(objects: list[bytes], *, trailer_extra: bytes = b"") -> bytes:
    """A minimal PDF with a correct xref table; objects are numbered from 1, 1 is the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b">>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def page_pdf(content: bytes, *, stream_dict: bytes = b"") -> bytes:
    """A one-page PDF whose content stream is ``content`` (already encoded per ``stream_dict``)."""
    return minimal_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d %s>>\nstream\n" % (len(content), stream_dict) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with Helvetica text lines (latin-1 only; parentheses dropped)."""
    encoded = (line.encode("latin-1", "replace").replace(b"(", b"").replace(b")", b"") for line in lines)
    return page_pdf(b"BT /F1 12 Tf 72 720 Td 16 TL " + b" ".join(b"(%s) '" % e for e in encoded) + b" ET")


def flate_bomb(megabytes: int = 300) -> bytes:
    """A Flate stream (~0.3 MB) of one text line then ``megabytes`` MB of spaces."""
    import zlib

    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    raw = packer.compress(b"BT /F1 12 Tf 72 720 Td (Dieu 1. Giao So Tai chinh chu tri) Tj ET\n")
    for _ in range(megabytes):
        raw += packer.compress(chunk)
    return raw + packer.flush()


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="{target}"/></Relationships>'
)


def document_xml(paragraphs: list[str], *, ppr: list[str] | None = None) -> str:
    """A word/document.xml with one run per paragraph; ``ppr[i]`` is the i-th paragraph's w:pPr content."""
    body = "".join(
        f"<w:p>{f'<w:pPr>{ppr[i]}</w:pPr>' if ppr and ppr[i] else ''}<w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"
        for i, p in enumerate(paragraphs))
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'


def docx_parts(parts: dict[str, bytes | str], *, main: str = "word/document.xml",
               doc_rels: dict[str, str] | None = None) -> bytes:
    """A .docx from raw parts: ``_rels/.rels`` points at ``main``; ``doc_rels`` maps a relationship
    type (``numbering``, ``styles``, ``footnotes``) to its target, relative to ``main``'s folder."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_rels/.rels", PACKAGE_RELS.format(target=main))
        if doc_rels:
            folder, base = main.rsplit("/", 1)
            rels = "".join(
                f'<Relationship Id="rId{k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                f'relationships/{kind}" Target="{target}"/>' for k, (kind, target) in enumerate(doc_rels.items(), 1))
            archive.writestr(f"{folder}/_rels/{base}.rels",
                             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                             f"{rels}</Relationships>")
        for name, blob in parts.items():
            archive.writestr(name, blob.encode("utf-8") if isinstance(blob, str) else blob)
    return buf.getvalue()


def write_huge_docx(path, megabytes: int = 190) -> None:  # type: ignore[no-untyped-def]
    """Write a .docx whose word/document.xml has ``megabytes`` MB of ordinary, varied paragraphs.

    Streams into the archive, so the builder itself stays small in memory; the varied numbers
    keep the compression ratio near a real document's (~50:1), under the zip-bomb ratio limit.
    """
    import random

    rng = random.Random(11)
    words = ("Giao", "Sở", "Tài", "chính", "chủ", "trì", "phối", "hợp", "Nội", "vụ", "thực", "hiện", "báo", "cáo",
             "Ủy", "ban", "nhân", "dân", "tỉnh", "trước", "ngày", "tháng", "năm", "kế", "hoạch", "nhiệm")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_rels/.rels", PACKAGE_RELS.format(target="word/document.xml"))
        with archive.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'.encode())
            written, target = 0, megabytes << 20
            while written < target:
                batch = "".join(
                    f"<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr><w:r><w:t>{' '.join(rng.choices(words, k=3))} "
                    "phối hợp với các cơ quan, đơn vị liên quan tổ chức triển khai thực hiện</w:t></w:r></w:p>"
                    for _ in range(2000)).encode()
                fh.write(batch)
                written += len(batch)
            fh.write(b"</w:body></w:document>")
