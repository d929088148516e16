"""Legacy Vietnamese encodings: the TCVN3/VNI tables, their round trip and the detector."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbpl_extract.data.schemas import LegacyEncodings
from vbpl_extract.encodings import (
    convert_if_legacy,
    decode_legacy,
    encode_legacy,
    syllable_ok,
    word_ok,
)

# Sentences as they appear in real documents (headers and task lines of provincial decisions).
SENTENCES = [
    "Ủy ban nhân dân tỉnh Nghệ An",
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
    "Quyết định về việc ban hành Kế hoạch thực hiện Nghị quyết số 03/NQ-CP",
    "Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư tham mưu Ủy ban nhân dân tỉnh",
    "Thời gian hoàn thành: trước ngày 31 tháng 12 năm 2025.",
    "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của cơ quan nhà nước",
]

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy" + "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"


def test_table_data_is_consistent() -> None:
    raw = LegacyEncodings.load()
    tcvn3, vni = raw.tcvn3, raw.vni
    assert len(tcvn3) == 74 and len(set(tcvn3.values())) == 74
    assert all(0xA1 <= ord(k) <= 0xFE for k in tcvn3)
    assert len(vni) == 134 and len(set(vni.values())) == 134  # 67 letters, both cases
    assert all(len(unicodedata.normalize("NFC", k)) == 1 for k in vni)


@pytest.mark.parametrize(
    ("legacy", "encoding", "expected"),
    [
        ("Hµ Néi, ngµy 12 th¸ng 3 n¨m 2024", "tcvn3", "Hà Nội, ngày 12 tháng 3 năm 2024"),
        ("ñy ban nh©n d©n tØnh NghÖ An", "tcvn3", "ủy ban nhân dân tỉnh Nghệ An"),
        ("Th\u00adêng trùc", "tcvn3", "Thường trực"),
        ("§iÒu 1", "tcvn3", "Điều 1"),
        ("UÛy ban nhaân daân tænh Ngheä An", "vni", "Ủy ban nhân dân tỉnh Nghệ An"),
        ("Uûy ban nhaân daân", "vni", "Ủy ban nhân dân"),  # modifier typed in lower case
        ("ÑIEÀU 1. Thöôøng tröïc", "vni", "ĐIỀU 1. Thường trực"),
    ],
)
def test_decode_known_strings(legacy: str, encoding: str, expected: str) -> None:
    assert decode_legacy(legacy, encoding) == expected


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("sentence", SENTENCES)
def test_round_trip(sentence: str, encoding: str) -> None:
    encoded = encode_legacy(sentence, encoding)
    assert encoded != sentence
    assert all(ord(c) < 256 for c in encoded)
    assert decode_legacy(encoded, encoding) == sentence


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET + ALPHABET.upper() + " ,.0123456789", max_size=60), st.sampled_from(["tcvn3", "vni"]))
def test_round_trip_property(text: str, encoding: str) -> None:
    text = unicodedata.normalize("NFC", text)
    assert decode_legacy(encode_legacy(text, encoding), encoding) == text


def test_unknown_encoding() -> None:
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        decode_legacy("x", "viqr")


def test_syllables() -> None:
    good = ["Nghệ", "Quyết", "định", "nhiệm", "vụ", "khuyến", "khích", "Thường", "trực", "giữa"]
    assert all(syllable_ok(w) for w in good)
    assert not any(syllable_ok(w) for w in ["NghÖ", "nhaân", "quyÕt", "Tröôøng", "hoµn"])
    assert word_ok("(Ủy") and word_ok("03/NQ-CP;") is False


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_convert_if_legacy_detects(encoding: str) -> None:
    text = "\n".join(encode_legacy(s, encoding) for s in SENTENCES)
    converted, which = convert_if_legacy(text)
    assert which == encoding
    assert converted == "\n".join(SENTENCES)


def test_convert_if_legacy_leaves_unicode_alone() -> None:
    text = "\n".join(SENTENCES)
    assert convert_if_legacy(text) == (text, None)
    # Western text with accents is not Vietnamese mojibake either.
    french = "Le café, la façade et l'élève naïve © 2024 ± 5 °C"
    assert convert_if_legacy(french) == (french, None)


def test_convert_if_legacy_keeps_unicode_lines() -> None:
    legacy_lines = [encode_legacy(s, "tcvn3") for s in SENTENCES[2:]]
    text = "\n".join(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", *legacy_lines])
    converted, which = convert_if_legacy(text)
    assert which == "tcvn3"
    assert converted.split("\n") == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", *SENTENCES[2:]]
