"""Document types, codes and the số ký hiệu grammar (doctypes.py, data/doc_types.yaml)."""

from __future__ import annotations

import pytest

from vbpl_extract.doctypes import (
    NUMBER_RE,
    NumberParts,
    issuer_from_code,
    issuers_of_number,
    load_doc_types,
    normalize_number,
    parse_number,
    type_from_code,
    type_from_word,
    type_of_number,
)


def test_data_file_validates_and_codes_are_unique() -> None:
    data = load_doc_types()
    codes = [c for t in data.types for c in t.codes]
    assert len(codes) == len(set(codes))
    assert {"Nghị quyết", "Công điện", "Thông tư liên tịch", "Văn bản hợp nhất"} <= {t.name for t in data.types}
    assert "Tổ chức Chính phủ" in data.laws and "Lao động" in data.codes_of_law
    assert set(data.reference_words.relations) >= {"can_cu", "implements", "amends", "repeals", "replaces", "guides"}


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("NQ", "Nghị quyết"), ("QĐ", "Quyết định"), ("CT", "Chỉ thị"), ("KH", "Kế hoạch"), ("CĐ", "Công điện"),
        ("TB", "Thông báo"), ("KL", "Kết luận"), ("NĐ", "Nghị định"), ("TT", "Thông tư"),
        ("TTLT", "Thông tư liên tịch"), ("CV", "Công văn"), ("TTr", "Tờ trình"), ("BC", "Báo cáo"),
        ("CTr", "Chương trình"), ("ĐA", "Đề án"), ("HD", "Hướng dẫn"), ("QC", "Quy chế"), ("QyĐ", "Quy định"),
        ("L", "Lệnh"), ("VBHN", "Văn bản hợp nhất"), ("PL", "Pháp lệnh"),
        ("QH", "Luật"), ("QH15", "Luật"),  # 64/2025/QH15
        ("TTg", None), ("CP", None), ("UBND", None), ("", None),
    ],
)
def test_type_from_code(code: str, expected: str | None) -> None:
    assert type_from_code(code) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("NGHỊ QUYẾT", "Nghị quyết"), ("nghị quyết", "Nghị quyết"), ("Công  văn", "Công văn"),
     ("THÔNG TƯ LIÊN TỊCH", "Thông tư liên tịch"), ("Chương trình hành động", "Chương trình hành động"),
     ("Bộ luật", "Bộ luật"), ("**QUYẾT ĐỊNH**", "Quyết định"), ("GIẤY PHÉP", "Giấy phép"), ("Ủy ban", None),
     ("", None)],
)
def test_type_from_word_any_case(word: str, expected: str | None) -> None:
    assert type_from_word(word) == expected


@pytest.mark.parametrize(
    ("number", "parts"),
    [
        ("03/NQ-CP", NumberParts("03", None, "NQ", ("CP",))),
        ("126/QĐ-BCĐCP", NumberParts("126", None, "QĐ", ("BCĐCP",))),
        ("57-NQ/TW", NumberParts("57", None, "NQ", ("TW",))),
        ("39/2022/NĐ-CP", NumberParts("39", 2022, "NĐ", ("CP",))),
        ("64/2025/QH15", NumberParts("64", 2025, None, ("QH15",))),
        ("83/BKHCN-BTTTT-VP", NumberParts("83", None, None, ("BKHCN", "BTTTT", "VP"))),
        ("3954/UBND-VX", NumberParts("3954", None, None, ("UBND", "VX"))),
        ("04/TTr-BKHCN-BTTTT", NumberParts("04", None, "TTr", ("BKHCN", "BTTTT"))),
        ("19197-CV/VPTW", NumberParts("19197", None, "CV", ("VPTW",))),
        ("3260-KH/ĐĐQH15", NumberParts("3260", None, "KH", ("ĐĐQH15",))),
        ("402-CV/VPĐU", NumberParts("402", None, "CV", ("VPĐU",))),
        ("47/2009/TTLT-BTC-BLĐTBXH", NumberParts("47", 2009, "TTLT", ("BTC", "BLĐTBXH"))),
        ("2214/BXD-KTQH", NumberParts("2214", None, None, ("BXD", "KTQH"))),
        ("12/QyĐ-UBND", NumberParts("12", None, "QyĐ", ("UBND",))),
        ("02", NumberParts("02", None, None, ())),
    ],
)
def test_parse_number(number: str, parts: NumberParts) -> None:
    assert parse_number(number) == parts


@pytest.mark.parametrize(
    ("number", "typ"),
    [("39/2022/NĐ-CP", "Nghị định"), ("64/2025/QH15", "Luật"), ("3954/UBND-VX", "Công văn"),
     ("83/BKHCN-BTTTT-VP", "Công văn"), ("19197-CV/VPTW", "Công văn"), ("4804/VBHN-BLĐTBXH", "Văn bản hợp nhất"),
     ("02/2020/UBTVQH14", None), ("2507/GP-UBND", "Giấy phép"), ("12/GCN-BQL", "Giấy chứng nhận")],
)
def test_type_of_number(number: str, typ: str | None) -> None:
    assert type_of_number(number) == typ


def test_issuers_from_codes() -> None:
    assert issuer_from_code("TTg") == "Thủ tướng Chính phủ"
    assert issuer_from_code("UBND") is None  # which province?
    assert issuer_from_code("UBND", only_certain=False) == "Ủy ban nhân dân"
    assert issuers_of_number("04/TTr-BKHCN-BTTTT") == "Bộ Khoa học và Công nghệ, Bộ Thông tin và Truyền thông"
    assert issuers_of_number("64/2025/QH15") == "Quốc hội"
    assert issuers_of_number("57-NQ/TW") is None  # Bộ Chính trị, Ban Bí thư or Ban Chấp hành


@pytest.mark.parametrize(
    "number",
    ["03/NQ-CP", "126/QĐ-BCĐCP", "57-NQ/TW", "39/2022/NĐ-CP", "64/2025/QH15", "83/BKHCN-BTTTT-VP", "3954/UBND-VX",
     "04/TTr-BKHCN-BTTTT", "19197-CV/VPTW", "3260-KH/ĐĐQH15", "402-CV/VPĐU", "47/2009/TTLT-BTC-BLĐTBXH",
     "2214/BXD-KTQH", "12/QyĐ-UBND", "05/CTr-UBND", "159/KH-UBND"],
)
def test_number_re_full_forms(number: str) -> None:
    assert NUMBER_RE.fullmatch(number)


def test_number_re_in_running_text() -> None:
    text = ("tiếp theo các Công điện số 217/CĐ-TTg,\n218/CĐ-TTg, 219/CĐ-TTg và 222/CĐ-TTg ngày 19/11/2025; "
            "Nghị quyết 03/NQ-CP - Chính phủ; tháng 6/2025; 57 - NQ/TW")
    assert [m.group(0) for m in NUMBER_RE.finditer(text)] == [
        "217/CĐ-TTg", "218/CĐ-TTg", "219/CĐ-TTg", "222/CĐ-TTg", "03/NQ-CP", "57 - NQ/TW"]


@pytest.mark.parametrize("text", ["ngày 19/11/2025", "tỷ lệ 3/4", "Quý IV/2025", "COVID-19", "24/7"])
def test_number_re_rejects_dates_and_ratios(text: str) -> None:
    assert NUMBER_RE.search(text) is None


def test_normalize_number() -> None:
    assert normalize_number("57 - NQ / TW") == "57-NQ/TW"
    assert normalize_number("57–NQ/TW") == "57-NQ/TW"
    assert normalize_number("03/NQ-CP.") == "03/NQ-CP"
    assert normalize_number("12/QÐ-UBND") == "12/QĐ-UBND"  # Icelandic Eth typed for Đ
    assert normalize_number("39/2022/NĐ-CP") == "39/2022/NĐ-CP"
