"""Tests for textutil: tone folding, match keys, display form and slugs."""

from __future__ import annotations

import unicodedata

import pytest

from vbpl_extract.textutil import display, fold_tones, match_key, nfc, slugify


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoá", "hóa"),
        ("Hoá", "Hóa"),
        ("HOÁ", "HÓA"),
        ("Uỷ ban", "Ủy ban"),
        ("UỶ BAN", "ỦY BAN"),
        ("thuỷ lợi", "thủy lợi"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("tuỳ theo", "tùy theo"),
    ],
)
def test_fold_tones_moves_old_style_marks(old: str, new: str) -> None:
    """Old-style placement becomes the government style, length unchanged."""
    assert fold_tones(old) == new
    assert len(fold_tones(old)) == len(old)


@pytest.mark.parametrize("word", ["quý", "Quý IV/2025", "hoàn thành", "thủy", "Ủy ban", "huy động", ""])
def test_fold_tones_leaves_standard_and_qu_words(word: str) -> None:
    """'quý' is qu+ý, not u+y; already-standard words and closed syllables are untouched."""
    assert fold_tones(word) == word


def test_fold_tones_length_preserving_on_a_sentence() -> None:
    text = "Uỷ ban nhân dân tỉnh Khánh Hoà chỉ đạo thuỷ lợi, quý IV hoàn thành."
    folded = fold_tones(text)
    assert len(folded) == len(text)
    assert folded == "Ủy ban nhân dân tỉnh Khánh Hòa chỉ đạo thủy lợi, quý IV hoàn thành."


def test_match_key_is_case_and_tone_insensitive() -> None:
    assert match_key("UỶ BAN NHÂN DÂN") == match_key("Ủy ban nhân dân") == "ủy ban nhân dân"
    assert match_key("Đắk Lắk") == "đắk lắk"  # đ is a letter, kept
    text = "BỘ KHOA HỌC VÀ CÔNG NGHỆ"
    assert len(match_key(text)) == len(text)


def test_nfc_composes_nfd_input() -> None:
    nfd = unicodedata.normalize("NFD", "Nghị quyết")
    assert nfc(nfd) == "Nghị quyết"


def test_display_drops_markdown_and_collapses_whitespace() -> None:
    assert display("**Điều 1. **Phê duyệt\nChương trình") == "Điều 1. Phê duyệt Chương trình"
    assert display("## II. NHIỆM VỤ   CỤ THỂ") == "II. NHIỆM VỤ CỤ THỂ"
    assert display("*(Kèm theo Nghị quyết số 03/NQ-CP)*") == "(Kèm theo Nghị quyết số 03/NQ-CP)"
    assert display(unicodedata.normalize("NFD", "  Ủy ban  ")) == "Ủy ban"


def test_display_keeps_a_lone_asterisk_between_spaces() -> None:
    """A '*' that is not emphasis (e.g. a footnote mark between spaces) stays."""
    assert display("Tổng cộng * 2") == "Tổng cộng * 2"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Bộ Khoa học và Công nghệ", "bo_khoa_hoc_va_cong_nghe"),
        ("Ủy ban nhân dân tỉnh Đắk Lắk", "uy_ban_nhan_dan_tinh_dak_lak"),
        ("Sở TT&TT", "so_tt_tt"),
        ("  Điều 5a. ", "dieu_5a"),
        ("03/NQ-CP", "03_nq_cp"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_fold_tones_is_the_alternation_of_the_old_forms() -> None:
    """The character-class pattern of ``fold_tones`` folds exactly what the alternation of the old forms
    does (one key in the same place), with and without the cache."""
    import random

    import regex

    from vbpl_extract import textutil

    keys = textutil._OLD_TO_NEW
    assert all(len(k) == 2 for k in keys) and not {k[0] for k in keys} & {k[1] for k in keys}
    alternation = regex.compile(
        r"(?<![qQ])(?:" + "|".join(sorted(map(regex.escape, keys), key=len, reverse=True)) + r")(?!\p{L})")
    alphabet = "".join(sorted({c for k in keys for c in k})) + "qQnh .,ạ"
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        expected = alternation.sub(lambda m: keys[m.group(0)], text)
        assert fold_tones(text) == expected == textutil._fold(text), text
    long = "Uỷ ban Khánh Hoà, quá, thuý " * 1000
    assert fold_tones(long) == alternation.sub(lambda m: keys[m.group(0)], long)
