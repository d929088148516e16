"""Decode the bytes of a .txt/.md file: BOMs, UTF-8, UTF-16 (with or without BOM), Windows-1258,
and the legacy font encodings TCVN3/VNI (converted to Unicode).

>>> decode_text("Ủy ban nhân dân tỉnh Nghệ An".encode("utf-16-le"), "a.txt")
('Ủy ban nhân dân tỉnh Nghệ An', 'utf-16-le')
>>> decode_text("Hµ Néi, ngµy 12 th¸ng 3 n¨m 2024".encode("latin-1"), "a.txt")
('Hà Nội, ngày 12 tháng 3 năm 2024', 'tcvn3')

Apart from the BOM, the text is returned as decoded (no newline or Unicode normalisation);
Windows-1258 is NFC-composed and the legacy encodings are converted, which makes new text.
"""

from __future__ import annotations

import codecs
import unicodedata

from .. import encodings as legacy
from ..errors import EncodingError, UnsupportedFormatError
from ._common import sniff

_SAMPLE = 8192
# cp1252 view of each byte, Latin-1 for the five bytes cp1252 leaves undefined.
_CP1252 = "".join(
    bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in range(256)
)
_CP1252_TABLE = {i: ch for i, ch in enumerate(_CP1252) if ord(ch) != i}


def cp1252_view(data: bytes) -> str:
    """Bytes as the characters a Windows-1252 editor shows (legacy fonts were stored that way)."""
    return data.decode("latin-1").translate(_CP1252_TABLE)


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when NUL bytes sit in every other position, else None."""
    sample = data[:_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    if odd_nul >= 0.3 * pairs and even_nul <= 0.05 * pairs:
        return "utf-16-le"
    if even_nul >= 0.3 * pairs and odd_nul <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _strict(data: bytes, codec: str, name: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise EncodingError(name, f"invalid {label} at byte {exc.start}: {exc.reason}") from None


def _check_binary(data: bytes, name: str) -> None:
    what = sniff(data)
    if what is not None:
        raise UnsupportedFormatError(name, f"the content is {what}, not text; give the file its real extension")
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        raise UnsupportedFormatError(name, "binary content (NUL bytes), not text")
    controls = sum(1 for b in sample if b < 0x20 and b not in b"\t\n\r\x0b\x0c\x1a")
    if controls > 0.05 * len(sample):
        raise UnsupportedFormatError(name, "binary content (control bytes), not text")


def _looks_like_broken_utf8(data: bytes) -> bool:
    """Most high bytes form valid UTF-8 sequences: a damaged UTF-8 file, not an 8-bit one."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return good >= 8 and bad <= 0.02 * (good + bad)


def _decode_8bit(data: bytes, name: str) -> tuple[str, str]:
    """Choose among Windows-1258, TCVN3 and VNI by how many accented words become Vietnamese."""
    tokens: list[bytes] = []
    for token in data.split():
        if max(token) >= 0x80:
            tokens.append(token)
            if len(tokens) >= 4000:
                break
    guess = legacy.guess(tokens, {
        "cp1258": lambda b: unicodedata.normalize("NFC", b.decode("cp1258")),
        "tcvn3": lambda b: legacy.decode_legacy(cp1252_view(b), "tcvn3"),
        "vni": lambda b: legacy.decode_legacy(cp1252_view(b), "vni"),
    })
    winner = guess.clear_winner()
    if winner is None:
        if guess.scores[0][1] >= 0.8:
            problem = (f"not UTF-8; cannot tell which legacy Vietnamese encoding it is "
                       f"(share of valid words: {guess.describe()})")
        else:
            problem = (f"not UTF-8, and not recognisable as Windows-1258, TCVN3 (ABC) or VNI Vietnamese "
                       f"(share of valid words: {guess.describe()}); convert it to UTF-8")
        raise EncodingError(name, problem)
    if winner == "cp1258":
        try:
            return unicodedata.normalize("NFC", data.decode("cp1258")), "cp1258"
        except UnicodeDecodeError as exc:
            raise EncodingError(name, f"invalid Windows-1258 byte at {exc.start}") from None
    return legacy.decode_legacy(cp1252_view(data), winner), winner


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file's bytes; returns ``(text, encoding)``.

    ``encoding`` is a Python codec name (``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-16-le``,
    ``utf-16-be``, ``utf-32``, ``cp1258``) or ``tcvn3``/``vni`` for the converted legacy font
    encodings, ``utf-8+tcvn3``/``utf-8+vni`` when such mojibake was stored as UTF-8.
    """
    if data.startswith(codecs.BOM_UTF8):
        text, enc = _strict(data[3:], "utf-8", name, "UTF-8"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text, enc = _strict(data, "utf-32", name, "UTF-32"), "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, enc = _strict(data, "utf-16", name, "UTF-16"), "utf-16"
    elif (bom_less := _utf16_without_bom(data)) is not None:
        text, enc = _strict(data, bom_less, name, bom_less.upper()), bom_less
    else:
        _check_binary(data, name)
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            if _looks_like_broken_utf8(data):
                raise EncodingError(
                    name, f"invalid UTF-8 at byte {exc.start} ({exc.reason}); the file looks like damaged UTF-8"
                ) from None
            return _decode_8bit(data, name)
    if enc.startswith(("utf-16", "utf-32")) and "\x00" in text:
        raise UnsupportedFormatError(name, f"binary content (NUL characters) in {enc} text")
    converted, which = legacy.convert_if_legacy(text)
    if which is not None:
        return converted, f"{enc}+{which}"
    return text, enc
