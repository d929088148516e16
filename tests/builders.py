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
