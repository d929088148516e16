"""Tests for agencies.py and data/agencies.yaml: one test per naming rule, real phrasing from the corpus."""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

from conftest import GOLD, corpus_file
from vbpl_extract.agencies import (
    AgencyEntry,
    AgencyMention,
    find_agencies,
    load_agency_data,
    lookup_agency,
    split_agencies,
)
from vbpl_extract.agencies.text_forms import _key
from vbpl_extract.textutil import fold_tones


def names(mentions: list[AgencyMention]) -> list[str]:
    return [m.name for m in mentions]


def assert_spans(text: str, mentions: list[AgencyMention]) -> None:
    for m in mentions:
        assert text[m.start:m.end] == m.text, m


# ----------------------------------------------------------------------------- data file


def test_data_file_entries_are_valid() -> None:
    raw = yaml.safe_load(Path(__file__).resolve().parents[1].joinpath(
        "src/vbpl_extract/data/agencies.yaml").read_text("utf-8"))
    ids = [e["id"] for e in raw["agencies"]]
    assert len(ids) == len(set(ids)), [i for i, c in Counter(ids).items() if c > 1]
    for e in raw["agencies"]:
        AgencyEntry.model_validate(e)
    data = load_agency_data()
    for entry in data.entries.values():
        assert fold_tones(entry.name) == entry.name and "Uỷ" not in entry.name
        if entry.successor:
            assert entry.successor in data.entries, (entry.id, entry.successor)
            assert entry.valid_until is not None, entry.id
        if entry.parent:
            assert entry.parent in data.entries, (entry.id, entry.parent)


def test_no_alias_points_to_two_bodies() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in load_agency_data().entries.values():
        for text in (entry.name, *entry.aliases, *entry.abbr):
            owners[_key(text)].add(entry.id)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes


def test_provinces_before_and_after_the_2025_merger() -> None:
    provinces = [e for e in load_agency_data().entries.values() if e.kind == "province"]
    before = [e for e in provinces if e.valid_from is None]  # Huế became a city on 01/01/2025
    after = [e for e in provinces if e.valid_until is None]
    assert len(before) == 63
    assert len(after) == 34
    gia_lai = lookup_agency("Ủy ban nhân dân tỉnh Bình Định")
    assert gia_lai is not None and gia_lai.successor == "uy_ban_nhan_dan_tinh_gia_lai"


def test_restructured_ministries_keep_successor_info() -> None:
    tttt = lookup_agency("Bộ TT&TT")
    assert tttt is not None and tttt.name == "Bộ Thông tin và Truyền thông"
    assert tttt.successor == "bo_khoa_hoc_va_cong_nghe" and str(tttt.valid_until) == "2025-02-28"
    for old, new in [("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"), ("Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Môi trường"),
                     ("Bộ NN&PTNT", "Bộ Nông nghiệp và Môi trường"), ("Bộ Giao thông vận tải", "Bộ Xây dựng"),
                     ("Bộ LĐTBXH", "Bộ Nội vụ"), ("Ủy ban Dân tộc", "Bộ Dân tộc và Tôn giáo"), ("Sở TT&TT", "Sở Khoa học và Công nghệ")]:
        entry = lookup_agency(old)
        assert entry is not None and entry.successor is not None
        assert load_agency_data().entries[entry.successor].name == new


# ----------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(("written", "name"), [
    ("Bộ KH&CN", "Bộ Khoa học và Công nghệ"),
    ("BKHCN", "Bộ Khoa học và Công nghệ"),
    ("Bộ KHCN", "Bộ Khoa học và Công nghệ"),
    ("VPCP", "Văn phòng Chính phủ"),
    ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
    ("TTXVN", "Thông tấn xã Việt Nam"),
    ("UBND tỉnh Khánh Hoà", "Ủy ban nhân dân tỉnh Khánh Hòa"),
    ("UỶ BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "Ủy ban nhân dân thành phố Cần Thơ"),
    ("UBND TP.HCM", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("Địa phương", "Các địa phương"),
])
def test_lookup_by_name_alias_abbreviation(written: str, name: str) -> None:
    entry = lookup_agency(written)
    assert entry is not None and entry.name == name


def test_lookup_unknown_is_none() -> None:
    assert lookup_agency("Sở Không Có Thật") is None


# ----------------------------------------------------------------------------- find_agencies: rules


def test_gazetteer_tone_placement_and_line_breaks() -> None:
    # 03/NQ-CP, Điều 3, broken over lines as in the dump
    text = "Chủ tịch Uỷ ban nhân dân các tỉnh,\nthành phố trực thuộc trung ương và Bộ Lao động -\nThương binh và Xã hội"
    found = find_agencies(text)
    assert names(found) == ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
                            "Bộ Lao động - Thương binh và Xã hội"]
    assert_spans(text, found)


def test_office_holder_maps_to_body_rule_5() -> None:
    text = ("kịp thời báo cáo Thủ tướng Chính phủ, Bộ trưởng Bộ Quốc phòng, Bộ trưởng Bộ Nông\n"
            "nghiệp và Môi trường; Giám đốc Sở Tài chính; Thủ trưởng các sở, ban, ngành")
    found = find_agencies(text)
    assert names(found) == ["Thủ tướng Chính phủ", "Bộ Quốc phòng", "Bộ Nông nghiệp và Môi trường",
                            "Sở Tài chính", "Các sở, ban, ngành"]
    assert [m.origin for m in found] == ["gazetteer", "office_holder", "office_holder", "office_holder", "office_holder"]
    assert found[1].text == "Bộ trưởng Bộ Quốc phòng"
    assert found[4].text == "Thủ trưởng các sở, ban, ngành"
    assert_spans(text, found)


def test_office_holder_collectives_of_the_closing_formula() -> None:
    text = ("Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang\nbộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch "
            "Ủy ban nhân dân các tỉnh,\nthành phố trực thuộc trung ương và các cơ quan, tổ chức, cá nhân có liên quan")
    found = find_agencies(text)
    assert names(found) == ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
                            "Các cơ quan, tổ chức, cá nhân có liên quan"]
    assert found[0].text.startswith("Các Bộ trưởng") and found[1].text.startswith("Chủ tịch Ủy ban")


@pytest.mark.parametrize(("text", "expected"), [
    # 220/CĐ-TTg II.1: the heads "of the ministries" ("các Bộ") between the titles
    ("Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố",
     ["Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
    # 11554/VPCP-V.I: with the agencies of the Government
    ("Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, "
     "thành phố trực thuộc Trung ương",
     ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
    # 230/CĐ-TTg: "cơ quan trực thuộc Chính phủ"
    ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan trực thuộc Chính phủ chỉ đạo",
     ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]),
])
def test_office_holder_collectives_of_the_ministries(text: str, expected: list[str]) -> None:
    found = find_agencies(text)
    assert names(found) == expected
    assert_spans(text, found)


@pytest.mark.parametrize(("text", "expected"), [
    # 157/KH-UBND Cần Thơ V.3.a: the commercial banks as the actor of their bullet
    ("Các ngân hàng thương mại tham gia phối hợp với Sở Y tế, địa phương tuyên truyền",
     ["Các ngân hàng thương mại", "Sở Y tế"]),
    # 624/TB-VPCP: the central bank and the joint-stock commercial banks
    ("Ngân hàng Nhà nước Việt Nam và các ngân hàng thương mại cổ phần tăng cường",
     ["Ngân hàng Nhà nước Việt Nam", "Các ngân hàng thương mại cổ phần"]),
    # 308/KH-UBND: the collective that closes a list of actors
    ("Các Sở, ban, ngành, UBND xã, phường và các cơ quan, tổ chức có liên quan triển khai",
     ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường", "Các cơ quan, tổ chức có liên quan"]),
])
def test_collectives_of_banks_and_related_bodies(text: str, expected: list[str]) -> None:
    assert names(find_agencies(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 1654/NQ-UBTVQH15 Điều 2.3: the delegation and the deputies, "đại biểu" in lower case inside the list; the
    # place closing the pair is the delegation's too
    ("Hội đồng Dân tộc, các Ủy ban của Quốc hội, Đoàn đại biểu Quốc hội và đại biểu Quốc hội tỉnh An Giang giám sát",
     ["Hội đồng Dân tộc", "Các Ủy ban của Quốc hội", "Đoàn đại biểu Quốc hội tỉnh An Giang", "Đại biểu Quốc hội"]),
    # a place the second body takes into its own name is its own
    ("Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh An Giang giám sát",
     ["Đoàn đại biểu Quốc hội", "Hội đồng nhân dân tỉnh An Giang"]),
    # 3260/KH-ĐĐQH15: the delegations as a group, after a unit of the Standing Committee
    ("Văn phòng Quốc hội, các cơ quan thuộc UBTVQH, các Đoàn đại biểu Quốc hội, các đại biểu Quốc hội thực hiện",
     ["Văn phòng Quốc hội", "Các cơ quan thuộc Ủy ban Thường vụ Quốc hội", "Các Đoàn đại biểu Quốc hội",
      "Đại biểu Quốc hội"]),
])
def test_national_assembly_delegations_and_deputies(text: str, expected: list[str]) -> None:
    assert names(find_agencies(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 70/2025/NQ-HĐND Hà Nội Điều 3: the councils of the communes after the city's deputies
    ("các Tổ đại biểu và các đại biểu Hội đồng nhân dân Thành phố, Hội đồng nhân dân cấp xã giám sát",
     ["Các Tổ đại biểu Hội đồng nhân dân", "Các đại biểu Hội đồng nhân dân thành phố", "Hội đồng nhân dân cấp xã"]),
    # 37/2025/NQ-HĐND Huế: "Tổ đại biểu" without "các"
    ("Giao Thường trực Hội đồng nhân dân, các Ban Hội đồng nhân dân, Tổ đại biểu và các đại biểu Hội đồng nhân dân "
     "thành phố trong phạm vi",
     ["Thường trực Hội đồng nhân dân", "Các Ban Hội đồng nhân dân", "Các Tổ đại biểu Hội đồng nhân dân",
      "Các đại biểu Hội đồng nhân dân thành phố"]),
    # 494/2012/NQ-UBTVQH13: the councils of every level
    ("Đoàn đại biểu Quốc hội, đại biểu Quốc hội và Hội đồng nhân dân các cấp trong phạm vi",
     ["Đoàn đại biểu Quốc hội", "Đại biểu Quốc hội", "Hội đồng nhân dân các cấp"]),
])
def test_councils_of_a_level_and_their_deputies(text: str, expected: list[str]) -> None:
    assert names(find_agencies(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 3210/2014/QĐ-UBND Thành phố Hồ Chí Minh: the districts' committees, written without "các"
    ("Ủy ban nhân dân quận, huyện chỉ đạo Phòng Lao động - Thương binh và Xã hội",
     ["Ủy ban nhân dân các quận, huyện", "Phòng Lao động - Thương binh và Xã hội"]),
    # 31/2011/QĐ-UBND: the district level of a province
    ("Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố xem xét", ["Ủy ban nhân dân các huyện, thị xã, thành phố"]),
])
def test_district_committees_as_one_collective(text: str, expected: list[str]) -> None:
    assert names(find_agencies(text)) == expected


def test_chu_tich_ubnd_tinh() -> None:
    text = "Giao Chủ tịch UBND tỉnh Gia Lai chủ trì; Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo"
    found = find_agencies(text)
    assert [(m.name, m.text) for m in found] == [
        ("Ủy ban nhân dân tỉnh Gia Lai", "Chủ tịch UBND tỉnh Gia Lai"),
        ("Ủy ban nhân dân tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh")]


def test_prime_minister_stays_as_written() -> None:
    found = find_agencies("Thủ tướng Chính phủ yêu cầu; Phó Thủ tướng Chính phủ chỉ đạo")
    assert names(found) == ["Thủ tướng Chính phủ", "Phó Thủ tướng Chính phủ"]


def test_list_with_shared_head_ministries_rule_7() -> None:
    # 223/CĐ-TTg, recipients and item 8
    text = ("- Các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường, Xây dựng, Công\n"
            "Thương, Giáo dục và Đào tạo, Y tế, Tài chính;\n8. Các Bộ: Quốc phòng, Tài chính kịp thời xuất cấp")
    found = find_agencies(text)
    assert names(found) == ["Bộ Quốc phòng", "Bộ Công an", "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng",
                            "Bộ Công Thương", "Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Tài chính",
                            "Bộ Quốc phòng", "Bộ Tài chính"]
    assert {m.origin for m in found} == {"list_split"}
    assert [m.text for m in found[:2]] == ["Quốc phòng", "Công an"]
    assert found[4].text == "Công\nThương"
    assert_spans(text, found)


def test_list_with_abbreviated_ministries() -> None:
    assert names(find_agencies("- Các Bộ: NN&MT, Tư pháp;")) == ["Bộ Nông nghiệp và Môi trường", "Bộ Tư pháp"]


def test_list_of_provinces_rule_7() -> None:
    text = "2. Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa,\nĐắk Lắk, Gia Lai:"
    found = find_agencies(text)
    assert names(found) == ["Ủy ban nhân dân tỉnh Khánh Hòa", "Ủy ban nhân dân tỉnh Đắk Lắk",
                            "Ủy ban nhân dân tỉnh Gia Lai"]
    assert [m.text for m in found] == ["Khánh Hòa", "Đắk Lắk", "Gia Lai"]


def test_list_of_provinces_under_party_and_government_heads() -> None:
    # 223/CĐ-TTg item 1 -> gold: Tỉnh ủy x3 and Ủy ban nhân dân tỉnh x3
    text = ("1. Đồng chí Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân\ndân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai "
            "và lãnh đạo các Bộ, ngành theo chức")
    found = find_agencies(text)
    assert sorted(names(found)) == sorted([
        "Tỉnh ủy Khánh Hòa", "Tỉnh ủy Đắk Lắk", "Tỉnh ủy Gia Lai", "Ủy ban nhân dân tỉnh Khánh Hòa",
        "Ủy ban nhân dân tỉnh Đắk Lắk", "Ủy ban nhân dân tỉnh Gia Lai", "Các bộ, ngành"])


def test_missing_separator_gives_two_bodies() -> None:
    found = find_agencies("Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ")
    assert names(found) == ["Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"]


def test_body_kept_as_written_not_canonicalised() -> None:
    (m,) = find_agencies("Bộ Kế hoạch và Đầu tư chủ trì")
    assert m.name == "Bộ Kế hoạch và Đầu tư" and m.id == "bo_ke_hoach_va_dau_tu"


def test_codes_inside_document_numbers_are_not_agencies() -> None:
    text = "tại Tờ trình số 04/TTr-BKHCN-BTTTT và công văn số 83/BKHCN-BTTTT-VP; gửi VPCP"
    assert names(find_agencies(text)) == ["Văn phòng Chính phủ"]


def test_common_noun_is_not_a_body() -> None:
    assert find_agencies("xây dựng chính phủ điện tử, chính phủ số") == []


def test_unknown_bodies_by_pattern() -> None:
    text = "Cục Quản lý thị trường tỉnh Nghệ An, UBND xã Tân Phú và Văn phòng UBND tỉnh phối hợp"
    found = find_agencies(text)
    assert [(m.name, m.known) for m in found] == [
        ("Cục Quản lý thị trường tỉnh Nghệ An", False),
        ("Ủy ban nhân dân xã Tân Phú", False),
        ("Văn phòng Ủy ban nhân dân tỉnh", True)]
    assert found[0].id == "unknown:cuc_quan_ly_thi_truong_tinh_nghe_an"
    assert_spans(text, found)


def test_pattern_does_not_swallow_verbs_after_known_body() -> None:
    assert names(find_agencies("Sở Y tế trả lời; Sở Tài chính thẩm định")) == ["Sở Y tế", "Sở Tài chính"]


def test_collectives_lower_case_in_prose() -> None:
    text = "Kế hoạch yêu cầu các bộ, ngành, địa phương bám sát chỉ đạo; các cơ quan, đơn vị liên quan"
    assert names(find_agencies(text)) == ["Các bộ, ngành, địa phương", "Các cơ quan, đơn vị liên quan"]


def test_fatherland_front_of_the_city_and_mass_organisations() -> None:
    # 159/KH-UBND Cần Thơ
    text = "4. Đề nghị Ủy ban Mặt trận\nTổ quốc Việt Nam thành phố và các Đoàn thể"
    assert names(find_agencies(text)) == ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "Các đoàn thể"]


@pytest.mark.parametrize(("text", "expected"), [
    # the province's (city's) Youth Union, named by its level like the Party committee: 144/KH-UBND "**14. Tỉnh
    # đoàn**" over its duties; KH-UBND Lâm Đồng (PCMT 2030) "… Hội Cựu chiến binh tỉnh, Tỉnh đoàn"
    ("14. Tỉnh\nđoàn", ["Tỉnh đoàn"]),
    ("Hội Cựu chiến binh tỉnh, Tỉnh đoàn chỉ đạo thực hiện có hiệu quả các kế hoạch liên tịch",
     ["Hội Cựu chiến binh tỉnh", "Tỉnh đoàn"]),
    ("Đề nghị Thành Đoàn phối hợp tuyên truyền", ["Thành đoàn"]),
    # not the verb "đoàn kết" after a place
    ("Nhân dân toàn tỉnh đoàn kết một lòng", []),
])
def test_youth_union_of_the_province(text: str, expected: list[str]) -> None:
    assert names(find_agencies(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # persons close a chain of state units as one more member (99/2025/QĐ-UBND Nghệ An: "Cơ quan, đơn vị, cá
    # nhân được cấp tài khoản …"; 144/2025/QĐ-CTUBND: "… các cơ quan, đơn vị, cá nhân phản ánh về …")
    ("Cơ quan, đơn vị, cá nhân được cấp tài khoản", ["Các cơ quan, đơn vị, cá nhân"]),
    ("nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, cá nhân phản ánh về Sở Khoa học và Công nghệ",
     ["Các cơ quan, đơn vị, cá nhân", "Sở Khoa học và Công nghệ"]),
])
def test_chain_of_units_closed_by_persons(text: str, expected: list[str]) -> None:
    assert names(find_agencies(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a run of state units written out is one collective, known or not (1627/QĐ-UBND Quảng Ngãi: "… các cơ
    # quan, đơn vị, tổ chức, doanh nghiệp phản ánh …"; "doanh nghiệp" starts a collective of its own)
    ("Các cơ quan, tổ chức, đơn vị triển khai", ["Các cơ quan, tổ chức, đơn vị"]),
    ("các cơ quan, đơn vị, tổ chức có liên quan phản ánh về Sở Tài chính",
     ["Các cơ quan, đơn vị, tổ chức có liên quan", "Sở Tài chính"]),
    ("Các cơ quan, tổ chức, đơn vị còn lại thực hiện", ["Các cơ quan, tổ chức, đơn vị còn lại"]),
    # "tổ chức" is also a verb: before a verb phrase it is no member
    ("Các sở, ngành, tổ chức thực hiện việc", ["Các sở, ngành"]),
    # the level after the run stays in it; a run before "thuộc" is left to the owner it belongs to
    ("Các sở, ban, ngành, đoàn thể tỉnh thực hiện", ["Các sở, ban, ngành, đoàn thể tỉnh"]),
    ("các sở, cơ quan thuộc UBND tỉnh thực hiện", ["Các sở, cơ quan thuộc Ủy ban nhân dân tỉnh"]),
    # "quần chúng" qualifies the unions (87/2025/QĐ-UBND: "Các đoàn thể quần chúng")
    ("Các đoàn thể quần chúng phối hợp", ["Các đoàn thể quần chúng"]),
    # "dự kiến" ends an unknown body's name (Public_339: "Cục Viễn thông dự kiến phương án …")
    ("Cục Viễn thông dự kiến phương án", ["Cục Viễn thông"]),
    # Party collectives, as written (guide, Genres: "the collective stays as written"; 221-KL/TW: "Yêu cầu các cấp
    # uỷ, tổ chức đảng, các cơ quan, đơn vị, địa phương nghiêm túc triển khai …"): "cấp ủy" is a unit of the run,
    # "đảng" a level ending the verb reading of "tổ chức", and a second "các" goes on with the same run
    ("Yêu cầu các cấp uỷ, tổ chức đảng, các cơ quan, đơn vị, địa phương nghiêm túc triển khai",
     ["Các cấp ủy, tổ chức đảng, các cơ quan, đơn vị, địa phương"]),
    ("Yêu cầu các cấp uỷ, cơ quan, đơn vị, địa phương đẩy mạnh việc", ["Các cấp ủy, cơ quan, đơn vị, địa phương"]),
    # 57-NQ/TW: "Các cấp uỷ, tổ chức đảng, cán bộ, đảng viên cần nhận thức đầy đủ …"
    ("Các cấp uỷ, tổ chức đảng, cán bộ, đảng viên cần nhận thức", ["Các cấp ủy, tổ chức đảng"]),
    # 07-KL/VPTW and 37-HD/BTGDVTW: the Party's own collectives
    ("Văn phòng Trung ương Đảng và các văn phòng tỉnh uỷ, thành uỷ cụ thể hoá",
     ["Văn phòng Trung ương Đảng", "Các văn phòng tỉnh ủy, thành ủy"]),
    ("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc\nTrung ương cụ thể hóa hướng dẫn này",
     ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"]),
    ("Ban Quản lý dự án đầu tư xây dựng số 1 thực hiện", ["Ban Quản lý dự án đầu tư xây dựng số 1"]),
    # the 2025 tax units of every province at once, their head standing for them (5526/CT-CS: "Giao Trưởng Thuế các
    # tỉnh, thành phố tập trung chỉ đạo …"), not the provinces
    ("Giao Trưởng Thuế các tỉnh, thành phố tập trung chỉ đạo", ["Thuế các tỉnh, thành phố"]),
    # companies under a shared head, their brands after it, with or without a colon (225/CĐ-TTg: "5. Bộ Khoa học và
    # Công nghệ, các Tập đoàn VNPT, Viettel, Mobifone …"); one brand is a name as written
    ("Bộ Khoa học và Công nghệ, các Tập đoàn VNPT, Viettel, Mobifone chỉ đạo",
     ["Bộ Khoa học và Công nghệ", "Tập đoàn VNPT", "Tập đoàn Viettel", "Tập đoàn Mobifone"]),
    ("các Tập đoàn: VNPT, Viettel thực hiện", ["Tập đoàn VNPT", "Tập đoàn Viettel"]),
    ("các Tập đoàn Viettel chủ trì", ["Tập đoàn Viettel"]),
    # the unit named last in a list of levels keeps its place (06/CT-UBND Quảng Trị: "Ủy ban nhân dân các xã,
    # phường, đặc khu Cồn Cỏ"), not a sentence that goes on (220/CĐ-TTg: "… đặc khu Tập trung chỉ đạo …")
    ("Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ thực hiện", ["Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ"]),
    ("Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu Tập trung chỉ đạo", ["Ủy ban nhân dân các xã, phường, đặc khu"]),
    # collectives of the data: the tax units of the provinces (17986/BTC-CT: "Chỉ đạo đầu mối phối hợp với Thuế tỉnh,
    # thành phố …"), the press and media (225/CĐ-TTg: "Các cơ quan báo chí, truyền thông tiếp tục …")
    ("Chỉ đạo đầu mối phối hợp với Thuế tỉnh, thành phố", ["Thuế tỉnh, thành phố"]),
    ("Các cơ quan báo chí, truyền thông tiếp tục thông tin", ["Các cơ quan báo chí, truyền thông"]),
])
def test_runs_of_state_units(text: str, expected: list[str]) -> None:
    assert names(find_agencies(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a regional branch written after its body is a body of its own, as written (157/KH-UBND Cần Thơ:
    # "3. Ngân hàng Nhà nước chi nhánh khu vực 14"; 179/KH-UBND Đồng Nai: "Ngân hàng nhà nước Việt Nam - Chi
    # nhánh Khu vực II:"; 144/KH-UBND: "Ngân hàng Nhà nước khu vực XII")
    ("3. Ngân hàng Nhà nước chi\nnhánh khu vực 14", ["Ngân hàng Nhà nước chi nhánh khu vực 14"]),
    ("Ngân hàng nhà nước Việt Nam - Chi nhánh Khu vực II:", ["Ngân hàng nhà nước Việt Nam - Chi nhánh Khu vực II"]),
    ("Ngân hàng Nhà nước khu vực XII chủ động triển khai", ["Ngân hàng Nhà nước khu vực XII"]),
    ("Ngân hàng Nhà nước Việt Nam chủ trì", ["Ngân hàng Nhà nước Việt Nam"]),
])
def test_regional_branch_of_a_body(text: str, expected: list[str]) -> None:
    assert names(find_agencies(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the committee's head is shared by the places after it, however "Thành phố" is spelled
    # (24/CT-TTg: "Ủy ban nhân dân thành phố Hà Nội, Thành phố Hồ Chí Minh chủ trì …")
    ("Ủy ban nhân dân thành phố Hà Nội, Thành phố Hồ Chí Minh chủ trì",
     ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Hồ Chí Minh"]),
    ("Ủy ban nhân dân thành phố Hà Nội, thành phố Hải Phòng và tỉnh Quảng Ninh chủ trì",
     ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân tỉnh Quảng Ninh"]),
])
def test_committee_shared_by_the_places_after_it(text: str, expected: list[str]) -> None:
    assert names(find_agencies(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a ministry's department with its ministry right after it is one body, as written
    # (94/VBHN-BQP: "Cục Tài chính Bộ Quốc phòng chủ trì, phối hợp các cơ quan liên quan …")
    ("Cục Tài chính Bộ Quốc phòng chủ trì, phối hợp các cơ quan liên quan",
     ["Cục Tài chính Bộ Quốc phòng", "Các cơ quan liên quan"]),
    # with a comma between they are two bodies of a list
    ("Cục Tài chính, Bộ Quốc phòng", ["Cục Tài chính", "Bộ Quốc phòng"]),
])
def test_department_written_with_its_ministry(text: str, expected: list[str]) -> None:
    assert names(find_agencies(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the Front's committees at every level are no central committee
    # (09/2025/NĐ-CP: "Ủy ban Mặt trận tổ quốc Việt Nam các cấp chủ trì, phối hợp với …")
    ("Ủy ban Mặt trận tổ quốc Việt Nam các cấp chủ trì, phối hợp với", ["Ủy ban Mặt trận Tổ quốc Việt Nam các cấp"]),
    # 55/2025/NQ-HĐND Hà Nội: "3. Đề nghị Ủy ban Mặt trận Tổ quốc các cấp thành phố"
    ("3. Đề nghị Ủy ban Mặt trận Tổ quốc các cấp thành phố giám sát", ["Ủy ban Mặt trận Tổ quốc các cấp"]),
    # without "các cấp" the Front's committee is still the central one
    ("Ủy ban Mặt trận Tổ quốc Việt Nam chủ trì", ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]),
])
def test_fatherland_front_committees_of_every_level(text: str, expected: list[str]) -> None:
    assert names(find_agencies(text)) == expected


# ----------------------------------------------------------------------------- split_agencies


@pytest.mark.parametrize(("cell", "expected"), [
    ("Bộ Tài chính, Bộ Công an và các địa phương liên quan", ["Bộ Tài chính", "Bộ Công an", "Các địa phương liên quan"]),
    ("Ban Tuyên giáo Trung ương; các bộ, ngành, địa phương; VTV, VOV, TTXVN",
     ["Ban Tuyên giáo Trung ương", "Các bộ, ngành, địa phương", "Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam",
      "Thông tấn xã Việt Nam"]),
    ("Bảo hiểm Xã hội Việt Nam, Bộ Công an và các địa phương Bắc Ninh, Bình Dương, An Giang",
     ["Bảo hiểm xã hội Việt Nam", "Bộ Công an", "Ủy ban nhân dân tỉnh Bắc Ninh", "Ủy ban nhân dân tỉnh Bình Dương",
      "Ủy ban nhân dân tỉnh An Giang"]),
    ("Bộ, ngành, địa phương", ["Các bộ, ngành, địa phương"]),
    ("Các bộ, ngành và địa phương", ["Các bộ, ngành, địa phương"]),
    ("Bộ Tài chính, bộ, ngành liên quan", ["Bộ Tài chính", "Các bộ, ngành liên quan"]),
    ("Bộ Khoa học, Công nghệ, Bộ Thông tin và Truyền thông, Bộ Kế hoạch và Đầu tư và các địa phương",
     ["Bộ Khoa học và Công nghệ", "Bộ Thông tin và Truyền thông", "Bộ Kế hoạch và Đầu tư", "Các địa phương"]),
    ("Bộ Thông tin và Truyền thông, Bộ Khoa học và Công nghệ, Bộ ",
     ["Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"]),
    ("Các tỉnh, thành phố trực thuộc TW", ["Các tỉnh, thành phố trực thuộc trung ương"]),
    ("Bộ Quốc phòng, Viện Hàn lâm Khoa học và Công nghệ và các bộ, ngành, địa phương",
     ["Bộ Quốc phòng", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "Các bộ, ngành, địa phương"]),
    ("Địa phương", ["Các địa phương"]),
])
def test_split_table_cells_of_03_nq_cp(cell: str, expected: list[str]) -> None:
    found = split_agencies(cell)
    assert names(found) == expected
    assert_spans(cell, found)


def test_split_leftovers_named_as_written() -> None:
    cell = "Các bộ, ngành, địa phương, doanh nghiệp liên quan, các cơ quan đại diện Việt Nam ở nước ngoài"
    assert names(split_agencies(cell)) == ["Các bộ, ngành, địa phương", "Các doanh nghiệp liên quan",
                                           "Các cơ quan đại diện Việt Nam ở nước ngoài"]
    assert names(split_agencies("Tập đoàn, doanh nghiệp công nghệ số")) == ["Các tập đoàn, doanh nghiệp công nghệ số"]
    (m,) = split_agencies("Các doanh nghiệp, viện nghiên cứu, trường đại học")
    assert (m.name, m.known, m.origin) == ("Các doanh nghiệp, viện nghiên cứu, trường đại học", False, "leftover")
    assert names(split_agencies("Địa phương được lựa chọn")) == ["Địa phương được lựa chọn"]


def test_split_collective_with_qualifier_and_abbreviations() -> None:
    (m,) = split_agencies("Các bộ, ngành, địa phương là chủ quản CSDLQG, CSDL chuyên ngành")
    assert m.name == "Các bộ, ngành, địa phương là chủ quản cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành"
    (m,) = split_agencies("Các thành phố trực thuộc Trung ương và một số tỉnh đủ điều kiện")
    assert m.name == "Các thành phố trực thuộc trung ương và một số tỉnh đủ điều kiện"


def test_split_members_of_a_steering_committee() -> None:
    bcd = "Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06"
    assert names(split_agencies("Các Thành viên " + bcd)) == ["Các thành viên " + bcd]
    assert names(split_agencies("các Tổ Công tác của " + bcd)) == ["Các Tổ Công tác của " + bcd]


def test_split_empty() -> None:
    assert split_agencies("") == [] and split_agencies("  ") == [] and find_agencies("") == []


# ----------------------------------------------------------------------------- corpus


@pytest.mark.corpus
def test_seed_004_mentions_and_spans() -> None:
    path = corpus_file("seeds/004_73d4ecd4209fcbe0.txt")
    text = unicodedata.normalize("NFC", path.read_text("utf-8"))
    found = find_agencies(text)
    assert_spans(text, found)
    got = {m.name for m in found}
    for name in ("Bộ Khoa học và Công nghệ", "Bộ Thông tin và Truyền thông", "Bộ Tài chính", "Bộ Chính trị",
                 "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                 "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "Văn phòng Chính phủ"):
        assert name in got, name
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))  # in order, no overlap


def _gold_names() -> Counter[str]:
    if not GOLD.is_dir():
        pytest.skip(f"gold files not available at {GOLD}")
    counts: Counter[str] = Counter()
    for path in sorted(GOLD.glob("*.json")):
        for task in json.loads(path.read_text("utf-8"))["tasks"]:
            for role in ("lead", "coordinators", "report_to"):
                counts.update(task.get(role) or [])
    return counts


@pytest.mark.corpus
def test_gold_agency_names_resolve_to_themselves() -> None:
    """split_agencies(name) == [name] for the gold's own names. Measured: 717/717 (89 distinct)."""
    counts = _gold_names()
    ok = sum(c for name, c in counts.items() if names(split_agencies(name)) == [name])
    share = ok / sum(counts.values())
    assert share >= 0.99, share


@pytest.mark.corpus
def test_gold_table_cells_of_03_nq_cp() -> None:
    """Raw "Cơ quan chủ trì / phối hợp" cells of Phụ lục II vs the gold lists. Measured: 280/280."""
    path = corpus_file("vnmasterplan/03-NQ-CP_2025__full_with_PL1_PL2.md")
    gold = json.loads((GOLD / "03-NQ-CP_2025__full_with_PL1_PL2.json").read_text("utf-8"))
    rows = {}
    for line in path.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 6 and re.fullmatch(r"\d+\.?", cells[1]):
            rows[cells[1].rstrip(".")] = cells
    total = ok = 0
    for task in gold["tasks"]:
        m = re.search(r"TT (\d+)", task["unit"])
        if not m or m.group(1) not in rows:
            continue
        for col, role in ((3, "lead"), (4, "coordinators")):
            total += 1
            ok += names(split_agencies(rows[m.group(1)][col])) == task[role]
    assert total > 200 and ok / total >= 0.99, (ok, total)


@pytest.mark.corpus
def test_whole_document_mentions_do_not_overlap() -> None:
    """One pass over a 50 kB document (speed is measured by scripts/bench.py, not asserted here)."""
    path = corpus_file("vnmasterplan/03-NQ-CP_2025__full_with_PL1_PL2.md")
    text = unicodedata.normalize("NFC", path.read_text("utf-8"))[:50_000]
    ms = find_agencies(text)
    assert len(ms) > 100
    assert all(text[m.start:m.end] == m.text for m in ms)


# ----------------------------------------------------------------------------- names not in the data (gold set A)


@pytest.mark.parametrize(("cell", "expected"), [
    # unknown bodies go on over lower-case words, "số", "phát triển", "và" + a capitalised word
    ("Trung tâm Chuyển đổi số Thành phố", ["Trung tâm Chuyển đổi số Thành phố"]),
    ("Viện Nghiên cứu phát triển Thành phố", ["Viện Nghiên cứu phát triển Thành phố"]),
    ("Liên hiệp các Hội Khoa học và Kỹ thuật", ["Liên hiệp các Hội Khoa học và Kỹ thuật"]),
    ("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", ["Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"]),
    ("Cục Phát thanh truyền hình và Thông tin điện tử, Cục Xuất bản, In và Phát hành, Vụ Kế hoạch, Tài chính",
     ["Cục Phát thanh truyền hình và Thông tin điện tử", "Cục Xuất bản, In và Phát hành", "Vụ Kế hoạch, Tài chính"]),
    ("Văn phòng Bộ, Trung tâm Chuyển đổi số Văn hóa, Thể thao và Du lịch",
     ["Văn phòng Bộ", "Trung tâm Chuyển đổi số Văn hóa, Thể thao và Du lịch"]),
    ("Ban Quản lý các Khu công nghiệp tỉnh", ["Ban Quản lý các Khu công nghiệp tỉnh"]),
    ("Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên", ["Sở Tài chính", "Ban quản lý Khu Kinh tế Phú Yên"]),
    ("Phó Thủ tướng Chính phủ phụ trách lĩnh vực", ["Phó Thủ tướng Chính phủ phụ trách lĩnh vực"]),
    # a list of lower-case fields: 2954/QĐ-UBND Sơn La; not a list of bodies ("…, các trạm y tế xã và …")
    ("Trung tâm Xúc tiến đầu tư, thương mại và du lịch, Sở Công Thương",
     ["Trung tâm Xúc tiến đầu tư, thương mại và du lịch", "Sở Công Thương"]),
    ("Trung tâm Y tế, các trạm y tế xã và Sở Y tế", ["Trung tâm Y tế", "Các trạm y tế xã", "Sở Y tế"]),
])
def test_split_unknown_bodies_are_not_cut(cell: str, expected: list[str]) -> None:
    found = split_agencies(cell)
    assert names(found) == expected
    assert_spans(cell, found)


@pytest.mark.parametrize(("text", "expected"), [
    # 94/VBHN-BQP, Điều 9: the army's branches, services, military regions and corps are bodies, named as written
    ("Binh chủng Công binh thẩm định phương án kỹ thuật thi công, dự toán điều tra, khảo sát, rà phá bom mìn vật nổ",
     ["Binh chủng Công binh"]),
    ("Binh chủng Công binh chủ trì, phối hợp với Cục Tác chiến Bộ Tổng Tham mưu", ["Binh chủng Công binh"]),
    # a lower-case verb ends the name ("đào tạo" is what the branch does, Điều 25)
    ("Binh chủng Công binh đào tạo, cấp chứng chỉ đội trưởng, giám sát viên", ["Binh chủng Công binh"]),
    ("Quân khu 7 chỉ đạo Bộ Chỉ huy quân sự tỉnh", ["Quân khu 7"]),
    # the same words in lower case are common nouns, no body ("Quân khu, quân chủng, quân đoàn, Bộ đội Biên phòng")
    ("Quân khu, quân chủng, quân đoàn thẩm định phương án kỹ thuật thi công", []),
])
def test_military_bodies_the_data_does_not_know(text: str, expected: list[str]) -> None:
    # the subject opening the text (later bodies are named by their own rules)
    assert names(find_agencies(text))[:1] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 94/VBHN-BQP: a department followed by the ministry it belongs to is one body, as written
    ("Cục Tài chính Bộ Quốc phòng chủ trì thẩm định", ["Cục Tài chính Bộ Quốc phòng"]),
    # 94/VBHN-BQP, Điều 25: so is one of the General Staff, a "Bộ" inside the Ministry of Defence
    ("phối hợp với Cục Tác chiến Bộ Tổng Tham mưu và các cơ quan liên quan tổ chức thẩm tra",
     ["Cục Tác chiến Bộ Tổng Tham mưu", "Các cơ quan liên quan"]),
])
def test_department_written_with_its_own_ministry(text: str, expected: list[str]) -> None:
    found = find_agencies(text)
    assert names(found) == expected
    assert_spans(text, found)


@pytest.mark.parametrize(("text", "expected"), [
    # a board "of the …" named in lower-case words only (310/KH-UBND Hà Nội: "Ban Quản lý các khu công nghệ cao
    # và khu công nghiệp" in headings and the table's lead column; Lâm Đồng CCHC: "Ban Quản lý các khu công nghiệp")
    ("Ban Quản lý các khu công nghệ cao và khu công nghiệp chủ trì", ["Ban Quản lý các khu công nghệ cao và khu công nghiệp"]),
    ("Phối hợp với Ban Quản lý\ncác khu công nghệ cao và khu công nghiệp tổ chức thực hiện",
     ["Ban Quản lý các khu công nghệ cao và khu công nghiệp"]),
    ("Ban Quản lý các khu công nghiệp, Sở Tài chính", ["Ban Quản lý các khu công nghiệp", "Sở Tài chính"]),
    ("Ban Quản lý các khu công nghệ cao và khu công nghiệp và các đơn vị",
     ["Ban Quản lý các khu công nghệ cao và khu công nghiệp"]),
])
def test_lower_case_board_names_are_whole(text: str, expected: list[str]) -> None:
    assert [m.name for m in find_agencies(text)] == expected
    cell = ", ".join(expected)  # the table's lead column: "và" inside the name is no list joint
    assert [m.name for m in split_agencies(cell)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a society or a newspaper the data does not know is a body by its head before a capitalised word
    # (3210/QĐ-UBND: "Hội Liên hiệp Phụ nữ Thành phố, Hội Cựu chiến binh Thành phố"; 144/KH-UBND: "Hội Nông dân")
    ("Hội Chữ thập đỏ tỉnh chủ trì", ["Hội Chữ thập đỏ tỉnh"]),
    ("Liên đoàn Lao động, Hội Nông dân xây dựng kế hoạch", ["Liên đoàn Lao động", "Hội Nông dân"]),
    # a cooperative union is a union like "Liên đoàn" (144/KH-UBND: "15. Liên đoàn Lao động, Hội Nông dân, Liên
    # minh Hợp tác xã"; 380/NQ-CP: "e) Liên minh Hợp tác xã Việt Nam và Liên minh Hợp tác xã cấp tỉnh rà soát")
    ("Liên đoàn Lao động, Hội Nông dân, Liên minh Hợp tác xã", ["Liên đoàn Lao động", "Hội Nông dân", "Liên minh Hợp tác xã"]),
    ("Liên minh Hợp tác xã Việt Nam và Liên minh Hợp tác xã cấp tỉnh rà soát, nghiên cứu",
     ["Liên minh Hợp tác xã Việt Nam", "Liên minh Hợp tác xã cấp tỉnh"]),
    ("quan hệ với Liên minh châu Âu", []),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp Phụ nữ Thành phố, Hội Cựu chiến binh Thành phố",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "Hội Liên hiệp Phụ nữ Thành phố", "Hội Cựu chiến binh Thành phố"]),
    # a society after a comma is a body of its own, no "X, Y và Z" name (252/KH-BCĐQG1237)
    ("Mặt trận Tổ quốc Việt Nam, Hội Cựu chiến binh, Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp.",
     ["Mặt trận Tổ quốc Việt Nam", "Hội Cựu chiến binh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp"]),
    ("Báo Lâm Đồng phối hợp", ["Báo Lâm Đồng"]),
    ("Hội nghị tổng kết; Báo chí đưa tin", []),
    # the provincial newspaper and broadcaster merged in 2025, with its province (179/KH-UBND Đồng Nai,
    # 0129/KH-UBND Đắk Lắk, 141/KH-UBND: "Báo và Phát thanh, Truyền hình tỉnh")
    ("Báo và Phát thanh, Truyền hình Đồng Nai chủ động phối hợp", ["Báo và Phát thanh, Truyền hình Đồng Nai"]),
    ("Báo và Phát thanh - Truyền hình Đắk Lắk, Sở Văn hóa, Thể thao và Du lịch",
     ["Báo và Phát thanh - Truyền hình Đắk Lắk", "Sở Văn hóa, Thể thao và Du lịch"]),
    ("Báo và PTTH tỉnh; các cơ quan báo chí", ["Báo và Phát thanh, Truyền hình tỉnh", "Các cơ quan báo chí"]),
    # a department named with its province alone keeps it (71/2025/NQ-HĐND Hà Nội)
    ("Sở Quy hoạch - Kiến trúc Hà Nội chủ trì", ["Sở Quy hoạch - Kiến trúc Hà Nội"]),
    ("Sở Tài chính Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"]),
    # bodies every province has, named by level (09/CT-UBND: "b) Giao Thanh tra thành phố tổ chức thanh tra …";
    # 86/2025/QĐ-UBND: "Thuế tỉnh, Bảo hiểm xã hội tỉnh"; 12/2012/QĐ-UBND: "Kho bạc Nhà nước tỉnh")
    ("b) Giao Thanh tra thành phố tổ chức thanh tra việc chấp hành", ["Thanh tra thành phố"]),
    ("Thuế tỉnh, Bảo hiểm xã hội tỉnh phối hợp", ["Thuế tỉnh", "Bảo hiểm xã hội tỉnh"]),
    ("Kho bạc Nhà nước tỉnh phối hợp", ["Kho bạc Nhà nước tỉnh"]),
    ("Thanh tra tỉnh Lâm Đồng chủ trì", ["Thanh tra tỉnh Lâm Đồng"]),
    # "căn cứ" (on the basis of) ends a name written before it (40/2012/TT-BTC: "Hội Chữ thập đỏ Việt Nam căn cứ …";
    # 3917/BTP-BTTP: "Liên đoàn Luật sư Việt Nam căn cứ chức năng …")
    ("Hội Chữ thập đỏ Việt Nam căn cứ chức năng", ["Hội Chữ thập đỏ Việt Nam"]),
    ("Liên đoàn Luật sư Việt Nam căn cứ chức năng", ["Liên đoàn Luật sư Việt Nam"]),
    # a national board or committee "quốc gia về …" (2319/QĐ-TTg: "Ban Chỉ đạo quốc gia về dữ liệu")
    ("Ban Chỉ đạo quốc gia về dữ liệu chủ trì", ["Ban Chỉ đạo quốc gia về dữ liệu"]),
    ("Trung tâm Dữ liệu quốc gia về dân cư phối hợp", ["Trung tâm Dữ liệu quốc gia về dân cư"]),
])
def test_societies_newspapers_and_bare_provinces(text: str, expected: list[str]) -> None:
    assert [m.name for m in find_agencies(text)] == expected


def test_a_society_after_a_comma_is_its_own_body_in_a_cell() -> None:
    # 252/KH-BCĐQG1237: "- Mặt trận Tổ quốc Việt Nam, Hội Cựu chiến binh, Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp."
    cell = "Mặt trận Tổ quốc Việt Nam, Hội Cựu chiến binh, Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp"
    assert [m.name for m in split_agencies(cell)] == [
        "Mặt trận Tổ quốc Việt Nam", "Hội Cựu chiến binh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp"]



@pytest.mark.parametrize(("text", "expected"), [
    # 996/KH-TCTLNTW-C04, III.4 and III.3: the collective "các đơn vị, địa phương" as the subject of a sentence
    ("Các đơn vị, địa phương báo cáo kết quả công tác phối hợp kiểm soát", ["Các đơn vị, địa phương"]),
    ("Căn cứ Kế hoạch này, đề nghị các đơn vị, địa phương chủ động", ["Các đơn vị, địa phương"]),
    # 235/KH-UBND: the same units written after a longer run of such units stay in that one collective
    ("Yêu cầu các sở, ban, ngành, đơn vị, địa phương nghiêm túc triển khai thực hiện",
     ["Các sở, ban, ngành, đơn vị, địa phương"]),
    # 182/KH-UBND: with its qualifier, as the other collectives of state units
    ("Chủ trì, phối hợp với các đơn vị, địa phương có liên quan tại khu vực biên giới",
     ["Các đơn vị, địa phương có liên quan"]),
    # 174/KH-UBND V.3 and 982/KH-UBND: the Front's member organisations, after the Front or alone
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố và các tổ chức thành viên của Mặt trận",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "Các tổ chức thành viên của Mặt trận"]),
    ("Ủy ban Mặt trận Tổ quốc tỉnh và các tổ chức thành viên phát huy vai trò",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Các tổ chức thành viên"]),
])
def test_units_and_localities_are_one_collective(text: str, expected: list[str]) -> None:
    assert [m.name for m in find_agencies(text)] == expected


@pytest.mark.parametrize(("cell", "expected"), [
    # collectives kept whole with their qualifiers, as written (rule 7; 552/KH-UBND, 2820/QĐ-UBND, 227/CĐ-TTg)
    ("các sở, ngành, địa phương", ["Các sở, ngành, địa phương"]),
    ("Các sở, ngành và địa phương", ["Các sở, ngành và địa phương"]),
    ("Các sở, ban, ngành có liên quan", ["Các sở, ban, ngành có liên quan"]),
    ("Sở, ban, ngành có liên quan", ["Các sở, ban, ngành có liên quan"]),
    ("Các sở, ban, ngành Tỉnh", ["Các sở, ban, ngành tỉnh"]),
    ("Các sở, ban, ngành quản lý quy hoạch", ["Các sở, ban, ngành quản lý quy hoạch"]),
    ("Các viện, trường", ["Các viện, trường"]),
    ("Viện, Trường; Doanh nghiệp, Sở, ban, ngành có liên quan",
     ["Các viện, trường", "Các doanh nghiệp", "Các sở, ban, ngành có liên quan"]),
    ("Các cơ quan truyền thông, báo chí", ["Các cơ quan truyền thông, báo chí"]),
    ("Các cơ quan, đơn vị và địa phương", ["Các cơ quan, đơn vị và địa phương"]),
    ("Các cơ quan, đơn vị được phân công nhiệm vụ", ["Các cơ quan, đơn vị được phân công nhiệm vụ"]),
    ("Các đơn vị có liên quan", ["Các đơn vị có liên quan"]),
    ("Ủy ban nhân dân xã, phường, đặc khu", ["Ủy ban nhân dân xã, phường, đặc khu"]),
    ("Ủy ban nhân dân xã, phường", ["Ủy ban nhân dân các xã, phường"]),
    ("Các ngành liên quan", ["Các ngành liên quan"]),
    ("Các Phó Thủ tướng Chính phủ", ["Các Phó Thủ tướng Chính phủ"]),
    # a bare list without "các" whose items have their own words: one collective per item (552/KH-UBND V.5)
    ("doanh nghiệp, viện nghiên cứu, trường đại học",
     ["Các doanh nghiệp", "Các viện nghiên cứu", "Các trường đại học"]),
    # ... but "các" in front keeps the list one collective (shared gold 003)
    ("Các doanh nghiệp, viện nghiên cứu, trường đại học", ["Các doanh nghiệp, viện nghiên cứu, trường đại học"]),
    # non-state nouns after a collective of state units start a new collective
    ("Các bộ, ngành, địa phương, doanh nghiệp liên quan", ["Các bộ, ngành, địa phương", "Các doanh nghiệp liên quan"]),
])
def test_split_collectives_as_written(cell: str, expected: list[str]) -> None:
    found = split_agencies(cell)
    assert names(found) == expected
    assert_spans(cell, found)


@pytest.mark.parametrize("written", [
    "Sở Văn hoá Thể thao du lịch", "Sở Văn hóa Thể thao và Du lịch", "Sở văn hóa, thể thao và du lịch",
])
def test_spelling_variants_resolve_to_the_known_name(written: str) -> None:
    assert names(split_agencies(written)) == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert names(find_agencies(f"Giao {written} chủ trì")) == ["Sở Văn hóa, Thể thao và Du lịch"]
    entry = lookup_agency(written)
    assert entry is not None and entry.id == "so_van_hoa_the_thao_va_du_lich"


def test_spelling_variants_do_not_merge_collectives() -> None:
    # collectives are kept as written: no punctuation-insensitive matching for them
    assert lookup_agency("Các sở ngành và địa phương") is None


def test_find_unknown_bodies_and_collectives_in_prose() -> None:
    text = ("Giao Trung tâm Chuyển đổi số Thành phố chủ trì, phối hợp với Viện Nghiên cứu phát triển Thành phố, "
            "các sở, ngành, địa phương và Cục Phát thanh truyền hình và Thông tin điện tử thực hiện; "
            "Cục Quản lý thị trường tỉnh Nghệ An và Công an tỉnh kiểm tra; báo cáo Trung tâm Y tế và Chủ tịch UBND tỉnh")
    found = find_agencies(text)
    assert names(found) == ["Trung tâm Chuyển đổi số Thành phố", "Viện Nghiên cứu phát triển Thành phố",
                            "Các sở, ngành, địa phương", "Cục Phát thanh truyền hình và Thông tin điện tử",
                            "Cục Quản lý thị trường tỉnh Nghệ An", "Công an tỉnh", "Trung tâm Y tế",
                            "Ủy ban nhân dân tỉnh"]
    assert_spans(text, found)


def test_find_collective_stops_before_a_named_body() -> None:
    text = "các sở, ngành, ban Quản lý dự án và Ủy ban nhân dân xã, phường, đặc khu"
    # "ban Quản lý dự án" is a body of its own, not a third unit of the collective
    assert names(find_agencies(text)) == ["Các sở, ngành", "Ủy ban nhân dân xã, phường, đặc khu"]


# --- office titles, abbreviations, numbered items and qualified collectives in task-table cells

@pytest.mark.parametrize(("cell", "expected"), [
    # an office title over a shared-head list: the bodies, ";" or "," between them
    ("Cục trưởng các Cục: Di sản văn hóa; Bản quyền tác giả", ["Cục Di sản văn hóa", "Cục Bản quyền tác giả"]),
    ("Cục trưởng các Cục: Di sản văn hóa, Bản quyền\ntác giả", ["Cục Di sản văn hóa", "Cục Bản quyền tác giả"]),
    # ";" between items: an item may hold a comma; "." ends the list
    ("Cục trưởng các Cục: Bản quyền tác giả; Phát\nthanh truyền hình và Thông tin điện tử; Xuất bản, In và Phát hành; "
     "Báo chí;\nDu lịch Quốc gia Việt Nam. Vụ trưởng Vụ Kế hoạch, Tài chính",
     ["Cục Bản quyền tác giả", "Cục Phát thanh truyền hình và Thông tin điện tử", "Cục Xuất bản, In và Phát hành",
      "Cục Báo chí", "Cục Du lịch Quốc gia Việt Nam", "Vụ Kế hoạch, Tài chính"]),
    # the title never leaks as a name of its own
    ("Cục trưởng Cục Du lịch Quốc gia Việt Nam", ["Cục Du lịch Quốc gia Việt Nam"]),
    ("Bộ trưởng các Bộ: Quốc phòng, Tài chính", ["Bộ Quốc phòng", "Bộ Tài chính"]),
    ("Chủ tịch UBND các tỉnh: Gia Lai, Đắk Lắk", ["Ủy ban nhân dân tỉnh Gia Lai", "Ủy ban nhân dân tỉnh Đắk Lắk"]),
    # abbreviations inside a name are spelled out from the data table
    ("Giám đốc Trung tâm Chuyển đổi số VHTTDL", ["Trung tâm Chuyển đổi số Văn hóa, Thể thao và Du lịch"]),
    ("Cục DLQGVN", ["Cục Du lịch Quốc gia Việt Nam"]),
    ("Ban Chỉ đạo CĐS tỉnh", ["Ban Chỉ đạo chuyển đổi số tỉnh"]),
    # the head of a collective is the collective, written in full
    ("Thủ trưởng các đơn vị được giao xây dựng hồ sơ công bố TTHC",
     ["Các đơn vị được giao xây dựng hồ sơ công bố thủ tục hành chính"]),
    ("Thủ trưởng các đơn vị có hệ thống thông tin, cơ sở dữ liệu",
     ["Các đơn vị có hệ thống thông tin, cơ sở dữ liệu"]),
    ("Giám đốc Trung tâm Chuyển đổi số VHTTDL; Thủ\ntrưởng các đơn vị có hệ thống thông tin, cơ sở dữ liệu",
     ["Trung tâm Chuyển đổi số Văn hóa, Thể thao và Du lịch", "Các đơn vị có hệ thống thông tin, cơ sở dữ liệu"]),
    # numbered items: no "1)" / "(2)" fragments
    ("1) Giám đốc Trung tâm Chuyển đổi số VHTTDL; 2) Cục trưởng Cục DLQGVN",
     ["Trung tâm Chuyển đổi số Văn hóa, Thể thao và Du lịch", "Cục Du lịch Quốc gia Việt Nam"]),
    ("(1) Giám đốc Trung tâm Chuyển đổi số VHTTDL;\n(2) Cục trưởng Cục DLQGVN",
     ["Trung tâm Chuyển đổi số Văn hóa, Thể thao và Du lịch", "Cục Du lịch Quốc gia Việt Nam"]),
    ("a) Sở Tài chính; b) Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"]),
    # qualified collectives are kept whole
    ("Các cơ quan, đơn vị được giao nhiệm vụ", ["Các cơ quan, đơn vị được giao nhiệm vụ"]),
    ("Các cơ quan, đơn vị được phân công nhiệm vụ", ["Các cơ quan, đơn vị được phân công nhiệm vụ"]),
    ("Các đơn vị được giao thực hiện TTHC", ["Các đơn vị được giao thực hiện thủ tục hành chính"]),
    ("Thuế tỉnh Đắk Lắk", ["Thuế tỉnh Đắk Lắk"]),
])
def test_split_titles_abbreviations_numbers(cell: str, expected: list[str]) -> None:
    found = split_agencies(cell)
    assert names(found) == expected
    assert_spans(cell, found)


def test_office_title_mention_keeps_the_text_as_written() -> None:
    [m] = split_agencies("Giám đốc Trung tâm Chuyển đổi số VHTTDL")
    assert m.text == "Giám đốc Trung tâm Chuyển đổi số VHTTDL"
    assert m.origin == "office_holder"


@pytest.mark.parametrize(("text", "expected"), [
    ("Thủ trưởng các cơ quan, đơn vị được giao nhiệm vụ tập trung nguồn lực, đảm bảo tiến độ",
     ["Các cơ quan, đơn vị được giao nhiệm vụ"]),
    ("Các cơ quan, đơn vị được phân công nhiệm vụ có trách nhiệm thực hiện nghiêm túc",
     ["Các cơ quan, đơn vị được phân công nhiệm vụ"]),
    ("Các đơn vị được giao thực hiện thủ tục hành chính rà soát quy trình",
     ["Các đơn vị được giao thực hiện thủ tục hành chính"]),
    # a verb without its object names nothing more than the collective
    ("Các sở, ban, ngành được giao quản lý, sử dụng tài khoản", ["Các sở, ban, ngành"]),
    # the tasks it chairs and the text that assigned them (2623/QĐ-TTg: "Các cơ quan được phân công chủ trì thực
    # hiện nhiệm vụ theo Kế hoạch này …"; 144/KH-UBND: "Các cơ quan, đơn vị được giao nhiệm vụ trong Kế hoạch và
    # tại Phụ lục …")
    ("Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này chủ động bố trí kinh phí",
     ["Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này"]),
    ("Các cơ quan, đơn vị được giao nhiệm vụ trong Kế hoạch và tại Phụ lục của Kế hoạch",
     ["Các cơ quan, đơn vị được giao nhiệm vụ trong Kế hoạch"]),
    # written without "các" (a rule's subject, 98/2025/QĐ-UBND), as written; a bare "được phân công" ends at the
    # modal or the mark after it, and names nothing without one
    ("Cơ quan, đơn vị được giao chủ trì phải gửi văn bản về việc giải quyết",
     ["Cơ quan, đơn vị được giao chủ trì"]),
    ("kể từ ngày nhận được kiến nghị, sở, ban, ngành được giao chủ trì phải có văn bản đề nghị phối hợp",
     ["Sở, ban, ngành được giao chủ trì"]),
    ("Cơ quan, đơn vị được phân công phải gửi văn bản về kết quả giải quyết",
     ["Cơ quan, đơn vị được phân công"]),
    ("Các cơ quan, đơn vị được phân công, theo chức năng, nhiệm vụ", ["Các cơ quan, đơn vị được phân công"]),
    ("Các cơ quan, đơn vị được phân công đôn đốc việc thực hiện", ["Các cơ quan, đơn vị"]),
])
def test_find_qualified_collectives_in_prose(text: str, expected: list[str]) -> None:
    found = find_agencies(text)
    assert names(found) == expected
    assert_spans(text, found)


@pytest.mark.parametrize("sep", [" ", "\n"])
def test_find_bracketed_list_of_management_boards(sep: str) -> None:
    text = ("Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Ban" + sep
            + "quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên, Ban Quản lý các Khu" + sep
            + "công nghiệp tỉnh):")
    found = find_agencies(text)
    assert names(found) == ["Sở Tài chính", "Ban quản lý Khu Kinh tế Phú Yên",
                            "Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên",
                            "Ban Quản lý các Khu công nghiệp tỉnh"]
    assert_spans(text, found)


@pytest.mark.parametrize(("text", "expected"), [
    ("e) Thuế tỉnh Đắk Lắk", ["Thuế tỉnh Đắk Lắk"]),
    ("Trưởng Thuế tỉnh Đắk Lắk, Thủ trưởng các sở, ban, ngành", ["Thuế tỉnh Đắk Lắk", "Các sở, ban, ngành"]),
    # the pre-2025 provincial tax department keeps its "Cục"
    ("Xét đề nghị của Cục Thuế tỉnh Gia Lai tại Tờ trình", ["Cục Thuế tỉnh Gia Lai"]),
])
def test_find_provincial_tax_office(text: str, expected: list[str]) -> None:
    assert names(find_agencies(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the list ends at an office title or a body of its own; known fields come from the data
    ("Giám đốc các Sở: Nội vụ, Tư pháp, Tài chính; Chủ tịch Ủy ban nhân dân tỉnh",
     ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Ủy ban nhân dân tỉnh"]),
    ("- Các Sở: VH,TT&DL, KH&CN;", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ"]),
    ("các Vụ: TH, KTTH, Cục KSTTHC;", ["Vụ TH", "Vụ KTTH", "Cục Kiểm soát thủ tục hành chính"]),
])
def test_find_shared_head_lists(text: str, expected: list[str]) -> None:
    assert names(find_agencies(text)) == expected


# ----------------------------------------------------------------------------- units of a body, unions

NAME_CASES = [
    # 47/2009/TTLT-BTC-BLĐTBXH: the en dash of the text is the official name's hyphen
    ("Phòng Lao động – Thương binh và Xã hội quận thực hiện", ["Phòng Lao động - Thương binh và Xã hội quận"]),
    # 73/2025/NQ-HĐND Hà Nội: a management board "of the …" with eight lower-case words before its place
    ("Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội chủ trì",
     ["Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội"]),
    # 81/2025/QĐ-UBND Bắc Ninh, Điều 10 heading: the units of the People's Committee are one collective
    ("Trách nhiệm của các sở, cơ quan thuộc Uỷ ban nhân dân tỉnh, Uỷ ban nhân dân các xã, phường",
     ["Các sở, cơ quan thuộc Ủy ban nhân dân tỉnh", "Ủy ban nhân dân các xã, phường"]),
    ("Thủ trưởng các sở, ban, ngành trực thuộc UBND tỉnh chịu trách nhiệm",
     ["Các sở, ban, ngành trực thuộc Ủy ban nhân dân tỉnh"]),
    ("Các đơn vị thuộc Bộ Quốc phòng chủ trì", ["Các đơn vị thuộc Bộ Quốc phòng"]),
    # 5526/CT-CS, 030/2025/QĐ-UBND: a sector body named with its level, with or without "của"
    ("Đề nghị cơ quan thuế địa phương tạo điều kiện thuận lợi", ["Cơ quan thuế địa phương"]),
    ("Cơ quan thuế của địa phương hướng dẫn kê khai", ["Cơ quan thuế của địa phương"]),
    # 4240/UBND-VX "Kính gửi": units qualified by their kind, then the body they belong to, are one collective each
    ("Các cơ quan chuyên môn, cơ quan hành chính khác thuộc Ủy ban nhân dân Thành phố",
     ["Các cơ quan chuyên môn, cơ quan hành chính khác thuộc Ủy ban nhân dân thành phố"]),
    ("Các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân Thành phố",
     ["Các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân thành phố"]),
    # 4169/UBND-VX: "các doanh nghiệp nhà nước trực thuộc Ủy ban nhân dân Thành phố"
    ("các doanh nghiệp nhà nước trực thuộc Ủy ban nhân dân Thành phố",
     ["Các doanh nghiệp nhà nước trực thuộc Ủy ban nhân dân thành phố"]),
    # a known collective already naming its owner stays as it is
    ("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]),
    # owners listed: the bodies named are the actors (637/TB-VPCP)
    ("phối hợp với các cơ quan liên quan thuộc Bộ Xây dựng, Bộ Quốc phòng",
     ["Các cơ quan liên quan", "Bộ Xây dựng", "Bộ Quốc phòng"]),
    # "thuộc" after a single body is no collective
    ("Sở Tài chính thuộc Ủy ban nhân dân tỉnh", ["Sở Tài chính", "Ủy ban nhân dân tỉnh"]),
    # unions and management boards "of the …" (09/CT-UBND Cần Thơ, 81/2025/QĐ-UBND Bắc Ninh)
    ("Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ chủ trì",
     ["Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ"]),
    ("Hằng năm, Liên hiệp các hội Khoa học và Kỹ thuật tỉnh có trách nhiệm chủ trì",
     ["Liên hiệp các hội Khoa học và Kỹ thuật tỉnh"]),
    # a verb among the lower-case words: no name beyond the head
    ("Ban Quản lý các dự án được giao Sở Y tế", ["Ban Quản lý", "Sở Y tế"]),
    # a district office (49/2012/QĐ-UBND: "Trách nhiệm của Phòng Lao động - Thương binh và Xã hội quận - huyện")
    ("Phòng Tài chính - Kế hoạch huyện chủ trì", ["Phòng Tài chính - Kế hoạch huyện"]),
    ("Phòng Chống tham nhũng", []),
    # 1654/NQ-UBTVQH15: the council shares the level and place written after the committee
    ("Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh An Giang, chính quyền địa phương",
     ["Chính phủ", "Hội đồng nhân dân tỉnh An Giang", "Ủy ban nhân dân tỉnh An Giang"]),
    ("HĐND, UBND các tỉnh, thành phố trực thuộc trung ương có trách nhiệm",
     ["Hội đồng nhân dân các tỉnh, thành phố trực thuộc trung ương",
      "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
    # a body already named keeps its own name
    ("Thường trực Hội đồng nhân dân, Ủy ban nhân dân tỉnh chỉ đạo", ["Thường trực Hội đồng nhân dân", "Ủy ban nhân dân tỉnh"]),
    # "xây dựng" after a noun is part of the name (96/CĐ-BXD, an original of Lâm Đồng) …
    ("Cục Kết cấu hạ tầng xây dựng tham mưu", ["Cục Kết cấu hạ tầng xây dựng"]),
    ("Ban Quản lý dự án đầu tư xây dựng số 1 chịu trách nhiệm", ["Ban Quản lý dự án đầu tư xây dựng số 1"]),
    # … and a verb after the name
    ("Trung tâm Tin học xây dựng phần mềm", ["Trung tâm Tin học"]),
    # a department whose name holds a verb ("có"), known to the gazetteer (834/VBHN-BLĐTBXH, 55/2023/NĐ-CP)
    ("Cục Người có công chủ trì, phối hợp với Vụ Kế hoạch - Tài chính", ["Cục Người có công", "Vụ Kế hoạch - Tài chính"]),
]
"""Names added on 2026-12-05: units of a body, unions and boards, district offices, a place written once
for two bodies, "xây dựng" inside a name (real phrasing from the corpus files named)."""


# the bodies of one kind at every unit of a level are one collective, as written (252/KH-BCĐQG1237,
# 2638/LĐTBXH-KHTC, 4385/QĐ-BVHTTDL)
EVERY_UNIT_CASES = [
    ("- Ban Chỉ đạo các quân khu; Ban Chỉ đạo các tỉnh.", ["Ban Chỉ đạo các quân khu", "Ban Chỉ đạo các tỉnh"]),
    ("Đề nghị Sở Lao động - Thương binh và Xã hội các tỉnh, thành phố trực thuộc Trung ương báo cáo",
     ["Sở Lao động - Thương binh và Xã hội các tỉnh, thành phố trực thuộc trung ương"]),
    ("Sở Văn hóa, Thể thao và Du lịch tỉnh, thành phố trực thuộc trung ương chủ động",
     ["Sở Văn hóa, Thể thao và Du lịch tỉnh, thành phố trực thuộc trung ương"]),
    # a list of the places follows: the bodies are named by the list, not as one collective
    ("Sở Xây dựng các tỉnh: Gia Lai, Đắk Lắk", ["Sở Xây dựng", "Ủy ban nhân dân tỉnh Gia Lai", "Ủy ban nhân dân tỉnh Đắk Lắk"]),
    # a body of one place keeps its place; the People's Committees are named by their own entries
    ("Sở Tài chính tỉnh Gia Lai chủ trì", ["Sở Tài chính tỉnh Gia Lai"]),
    ("Ủy ban nhân dân các tỉnh, thành phố chủ trì", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
]


# levels written without commas are the same collective, written with them (179/KH-UBND Đồng Nai)
LEVEL_RUN_CASES = [
    ("Sở Tài chính; Ủy ban nhân dân các phường xã", ["Sở Tài chính", "Ủy ban nhân dân các phường, xã"]),
    ("phối hợp UBND các phường xã triển khai", ["Ủy ban nhân dân các phường, xã"]),
    ("UBND các xã, phường", ["Ủy ban nhân dân các xã, phường"]),
]


# name grammar of a body the data does not know (153/KH-UBND, 4385/QĐ-BVHTTDL)
NAME_GRAMMAR_CASES = [
    # "Bộ đội", "Bộ phận" are common nouns inside a name, no ministry starting
    ("Ban Chỉ huy Bộ đội Biên phòng thành phố chủ trì", ["Ban Chỉ huy Bộ đội Biên phòng thành phố"]),
    # a department with its ministry right after it is one body (94/VBHN-BQP, its gold)
    ("Cục Tài chính Bộ Quốc phòng: Trong vòng 15 ngày", ["Cục Tài chính Bộ Quốc phòng"]),
    # "X, Y, Z và W" is one name
    ("Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam chủ trì",
     ["Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam"]),
    ("Sở Tài chính, Sở Nội vụ và Sở Y tế", ["Sở Tài chính", "Sở Nội vụ", "Sở Y tế"]),
    # "chỉ" after "Ban" is the name's ("Ban Chỉ đạo", "Ban Chỉ huy"), no verb (252/KH-BCĐQG1237)
    ("Văn phòng Ban Chỉ đạo quốc gia 1237 chủ trì", ["Văn phòng Ban Chỉ đạo quốc gia 1237"]),
    ("Ban Chỉ huy Quân sự huyện chủ trì", ["Ban Chỉ huy Quân sự huyện"]),
]


# a collective of state units ends with its level, even capitalised (174/KH-UBND Hà Nội); a place ends it before
LEVEL_TAIL_CASES = [
    ("phối hợp với các sở, ban, ngành, đoàn thể Thành phố, Ủy ban nhân dân phường, xã",
     ["Các sở, ban, ngành, đoàn thể thành phố", "Ủy ban nhân dân phường, xã"]),
    ("các sở, ban, ngành, đoàn thể Thành phố và các đơn vị có liên quan",
     ["Các sở, ban, ngành, đoàn thể thành phố", "Các đơn vị có liên quan"]),
    ("Các sở, ban, ngành Tỉnh", ["Các sở, ban, ngành tỉnh"]),
    ("các sở, ban, ngành tỉnh Gia Lai", ["Các sở, ban, ngành"]),
    ("các sở, ngành liên quan chủ trì", ["Các sở, ngành liên quan"]),
]


@pytest.mark.parametrize(("text", "expected"), LEVEL_TAIL_CASES)
def test_collective_ends_with_its_level(text: str, expected: list[str]) -> None:
    found = find_agencies(text)
    assert names(found) == expected
    assert_spans(text, found)


@pytest.mark.parametrize(("text", "expected"), NAME_GRAMMAR_CASES)
def test_unknown_name_grammar(text: str, expected: list[str]) -> None:
    found = find_agencies(text)
    assert names(found) == expected
    assert_spans(text, found)


@pytest.mark.parametrize(("text", "expected"), LEVEL_RUN_CASES)
def test_levels_without_commas(text: str, expected: list[str]) -> None:
    found = find_agencies(text)
    assert names(found) == expected
    assert_spans(text, found)


@pytest.mark.parametrize(("text", "expected"), EVERY_UNIT_CASES)
def test_body_at_every_unit_of_a_level(text: str, expected: list[str]) -> None:
    found = find_agencies(text)
    assert names(found) == expected
    assert_spans(text, found)


@pytest.mark.parametrize(("text", "expected"), NAME_CASES)
def test_names_read_as_written_in_the_corpus(text: str, expected: list[str]) -> None:
    found = find_agencies(text)
    assert names(found) == expected
    assert_spans(text, found)


@pytest.mark.parametrize(("text", "expected"), [
    # 101/2018/TT-BTC: the labour sector's body at any level, named with the department's field
    ("Hằng quý, cơ quan LĐTBXH căn cứ danh sách đối tượng đóng bảo hiểm y tế", [("Cơ quan Lao động - Thương binh và Xã hội", False)]),
    ("Bộ LĐTBXH ủy quyền cho cơ quan LĐTBXH địa phương thực hiện nhiệm vụ chi.",
     [("Bộ Lao động - Thương binh và Xã hội", True), ("Cơ quan Lao động - Thương binh và Xã hội", False)]),
    # "cơ quan" before no field names no body
    ("Các cơ quan chức năng tăng cường kiểm tra", []),
    # 36-HD/VPTW (2018) and 57-NQ/TW (2024): Party bodies as written at the time
    ("Quân uỷ Trung ương, Đảng uỷ Công an Trung ương và Đảng uỷ Ngoài nước cụ thể hoá một số điểm",
     [("Quân ủy Trung ương", True), ("Đảng ủy Công an Trung ương", True), ("Đảng ủy Ngoài nước", True)]),
    ("Ban cán sự đảng Chính phủ lãnh đạo, chỉ đạo xây dựng chương trình hành động", [("Ban cán sự đảng Chính phủ", True)]),
    # 19197-CV/VPTW: a lower-case verb ends an unknown body's name ("chuẩn bị"), not a name word ("Tiêu chuẩn")
    ("Văn phòng Tỉnh ủy chuẩn bị phòng họp trực tuyến", [("Văn phòng Tỉnh ủy", False)]),
    ("Chi cục Tiêu chuẩn Đo lường Chất lượng thực hiện kiểm tra", [("Chi cục Tiêu chuẩn Đo lường Chất lượng", False)]),
    # 835/VBHN-BLĐTBXH: "hoàn thành" ends the name; "Xúc tiến" (TB kết luận PCI, Lâm Đồng) does not
    ("Trong thời hạn 05 ngày làm việc, Phòng Nội vụ hoàn thành việc kiểm tra hồ sơ", [("Phòng Nội vụ", False)]),
    ("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh chủ trì",
     [("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh", False)]),
])
def test_sector_bodies_and_party_bodies(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(m.name, m.known) for m in find_agencies(text)] == expected


@pytest.mark.parametrize("text", [
    "Giao Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương; UBND tỉnh Gia Lai chủ trì",
    "Ủy ban nhân dân tỉnh, huyện, xã và Hội đồng nhân dân các cấp; HĐND tỉnh, thành phố; Công an tỉnh Lâm Đồng",
    "Cục Thuế tỉnh Bình Thuận, Chi cục Thuế khu vực I; Văn phòng UBND tỉnh; Thuế cơ sở 3 tỉnh Đồng Nai",
    "Các cơ quan, đơn vị được giao nhiệm vụ; các đơn vị được phân công thực hiện TTHC; các sở được giao quản lý",
    "Sở Tài chính chủ trì, phối hợp với Bộ Công an và các bộ, ngành liên quan",
    "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG; Uỷ ban nhân dân tỉnh Nghệ An; ubnd xã",
])
def test_gates_change_no_agency(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Skipping the patterns whose words a text lacks gives the mentions that running them all gives."""
    from vbpl_extract.agencies import candidates

    gated = [(m.start, m.end, m.name, m.id) for m in find_agencies(text)]
    for name in ("_LOCAL_NEEDS", "_LEVEL_LIST_NEEDS", "_QUAL_NEEDS"):
        monkeypatch.setattr(candidates, name, ("",))  # "" is in every text: no gate
    assert [(m.start, m.end, m.name, m.id) for m in find_agencies(text)] == gated
    assert gated


@pytest.mark.parametrize(("text", "expected"), [
    # a noun of a collective of state units may carry its level without ending it (380/NQ-CP II.4: "4. Các bộ,
    # cơ quan trung ương, địa phương:"; 80/2025/QH15: "các Bộ, ngành, cơ quan trung ương, địa phương rà soát")
    ("Các bộ, cơ quan trung ương, địa phương:", ["Các bộ, cơ quan trung ương, địa phương"]),
    ("các Bộ, ngành, cơ quan trung ương, địa phương rà soát", ["Các bộ, ngành, cơ quan trung ương, địa phương"]),
    ("Các bộ, cơ quan trung ương chủ trì", ["Các bộ, cơ quan trung ương"]),
    # 40-HD/BTGDVTW: "Các ban, bộ, ngành ở Trung ương", "Các ban, cơ quan của Đảng"
    ("Các ban, bộ, ngành ở Trung ương chỉ đạo", ["Các ban, bộ, ngành ở trung ương"]),
    ("Các ban, cơ quan của Đảng tổ chức", ["Các ban, cơ quan của đảng"]),
    # the central body of a mass organisation is that organisation (252/KH-BCĐQG1237)
    ("Trung ương Hội Cựu chiến binh Việt Nam; Bộ Quốc phòng", ["Hội Cựu chiến binh Việt Nam", "Bộ Quốc phòng"]),
    # 380/NQ-CP II.3.e
    ("Liên minh Hợp tác xã Việt Nam rà soát, nghiên cứu phương án khoanh nợ", ["Liên minh Hợp tác xã Việt Nam"]),
])
def test_collective_levels_and_central_bodies(text: str, expected: list[str]) -> None:
    assert [m.name for m in find_agencies(text)] == expected


def test_central_body_of_a_mass_organisation_in_a_list() -> None:
    # 252/KH-BCĐQG1237, V.2.a: a line of the lead list, not "Trung ương" and the society apart
    cell = "Bộ Lao động - Thương binh và Xã hội; Trung ương Hội Cựu chiến binh Việt Nam; Ban Chỉ đạo các tỉnh"
    assert [m.name for m in split_agencies(cell)] == ["Bộ Lao động - Thương binh và Xã hội", "Hội Cựu chiến binh Việt Nam",
                                                      "Ban Chỉ đạo các tỉnh"]



@pytest.mark.parametrize(("text", "expected"), [
    # 380/NQ-CP III.5: the Front's member organisations and the Red Cross, named after the Front
    ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên, các tổ chức chính trị xã hội, "
     "Hội Chữ thập đỏ Việt Nam vận động", ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Các tổ chức thành viên",
                                          "Các tổ chức chính trị - xã hội", "Hội Chữ thập đỏ Việt Nam"]),
    # 02/2020/UBTVQH14
    ("Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên của Mặt trận tuyên truyền",
     ["Mặt trận Tổ quốc Việt Nam", "Các tổ chức thành viên của Mặt trận"]),
])
def test_front_member_organisations(text: str, expected: list[str]) -> None:
    assert [m.name for m in find_agencies(text)] == expected


@pytest.mark.parametrize(("cell", "expected"), [
    # 2530/QĐ-TTg, Phụ lục I: a bracketed note opening lower case says what the body before it does; it is no body
    ("- Bộ Nông nghiệp và Môi trường (chủ trì phần chính sách, công nghệ, điều phối);\n"
     "- UBND các tỉnh, thành phố (chủ trì phần đầu tư, xây dựng, vận hành tại địa phương).",
     ["Bộ Nông nghiệp và Môi trường", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
    ("Bộ Nông nghiệp và Môi trường (mạng lưới quốc gia); UBND thành phố Hà Nội",
     ["Bộ Nông nghiệp và Môi trường", "Ủy ban nhân dân thành phố Hà Nội"]),
    # a bracket naming bodies is read as usual
    ("Bộ Quốc phòng (Cục Chính sách, Tổng cục Chính trị)", ["Bộ Quốc phòng", "Cục Chính sách", "Tổng cục Chính trị"]),
])
def test_bracketed_note_in_a_cell_is_no_body(cell: str, expected: list[str]) -> None:
    assert [m.name for m in split_agencies(cell)] == expected


def test_commander_over_units_is_the_units() -> None:
    # 252/KH-BCĐQG1237 IV.2: "- Tư lệnh các quân khu; Chủ tịch Ủy ban nhân dân các tỉnh, …" (guide rule 5: an office
    # holder over a collective is the units themselves)
    cell = "Bộ Quốc phòng; Tư lệnh các quân khu; Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"
    assert [m.name for m in split_agencies(cell)] == ["Bộ Quốc phòng", "Các quân khu",
                                                      "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]


@pytest.mark.parametrize(("text", "expected"), [
    # 182/KH-UBND 2.10, 1026/KH-UBND: the province's procuracy and court, named by level or with their province
    ("Đề nghị Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh", ["Viện kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh"]),
    ("Viện kiểm sát nhân dân tỉnh Gia Lai phối hợp", ["Viện kiểm sát nhân dân tỉnh Gia Lai"]),
])
def test_provincial_court_and_procuracy(text: str, expected: list[str]) -> None:
    assert [m.name for m in find_agencies(text)] == expected


# The compressed text the matching runs on: the drops of each cluster of spaces and punctuation are worked out
# once per distinct cluster (text_forms._cluster_drops), with the same result as reading the cluster each time.
@pytest.mark.parametrize(("text", "compressed"), [
    # 03/NQ-CP: "Bộ Lao động - Thương binh và Xã hội" (spaces around a dash dropped)
    ("Bộ Lao động - Thương binh và Xã hội", "Bộ Lao động-Thương binh và Xã hội"),
    # 2623/QĐ-TTg: "các bộ,\ncơ quan ngang bộ" (a line break after a comma)
    ("các bộ,\ncơ quan ngang bộ, cơ quan thuộc Chính phủ", "các bộ,cơ quan ngang bộ,cơ quan thuộc Chính phủ"),
    # a run of spaces keeps one; a table cell's "<br>" is a space
    ("Sở Thông tin và<br>Truyền thông;   Sở  Tài chính .", "Sở Thông tin và Truyền thông;Sở Tài chính."),
])
def test_compressed_text_and_its_map(text: str, compressed: str) -> None:
    from vbpl_extract.agencies.text_forms import _Compressed

    c = _Compressed(text)
    assert c.text == compressed
    for i, ch in enumerate(c.text):  # each kept character maps back to itself
        if ch != " ":
            assert text[c.orig(i)] in (ch, "–", "—") or ch == "-"


@pytest.mark.parametrize(("text", "names"), [
    # Điều lệ Hội Thiện nguyện lan tỏa yêu thương …: "Thường trực" is one unit of the name, which then goes on
    # only with a capitalised word (not into the verb after it)
    ("c) Ban Thường trực xem xét chấp nhận đơn gia nhập", ["Ban Thường trực"]),
    ("b) Ban Thường trực mỗi tháng họp 01 lần", ["Ban Thường trực"]),
    # 11554/VPCP-V.I: the body whose standing office it is goes on in the name; a known body stays its own
    ("Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia tăng cường kiểm tra", ["Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia"]),
    ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chủ trì",
     ["Ban Thường trực", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
])
def test_closed_name_unit(text: str, names: list[str]) -> None:
    assert [m.name for m in find_agencies(text)] == names


def test_office_of_a_provinces_delegation_and_council_is_one_body() -> None:
    # 1026/KH-UBND: the one office of the delegation and the council (since 2021), not "Văn phòng Đoàn đại biểu
    # Quốc hội" and a council
    text = "Đề nghị Văn phòng Tỉnh ủy, Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh, Tòa án nhân dân tỉnh phối hợp"
    assert [m.name for m in find_agencies(text)] == [
        "Văn phòng Tỉnh ủy", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", "Tòa án nhân dân tỉnh"]


@pytest.mark.parametrize("text", ["Văn phòng HĐND - UBND cấp xã có trách nhiệm phân loại kiến nghị",
                                  "Văn phòng HĐND và UBND cấp xã chủ trì tham mưu"])
def test_joint_office_of_council_and_committee_is_one_body(text: str) -> None:
    # 98/2025/QĐ-UBND (Nghệ An): the commune's one office of its council and committee
    assert names(find_agencies(text)) == ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân cấp xã"]


def test_party_committee_of_a_council_ends_before_its_verb() -> None:
    # 34-NQ/TU Lào Cai: "Đảng ủy Hội đồng nhân dân tỉnh lãnh đạo Hội đồng nhân dân tỉnh xem xét …"
    found = find_agencies("Đảng ủy Hội đồng nhân dân tỉnh lãnh đạo Hội đồng nhân dân tỉnh xem xét ban hành")
    assert names(found)[0] == "Đảng ủy Hội đồng nhân dân tỉnh"


@pytest.mark.parametrize(("text", "expected"), [
    # 170/QĐ-BCĐNNDL's Quy chế: a time word after a body the data does not know ends its name
    ("Ban Chỉ đạo định kỳ hoặc đột xuất tổ chức kiểm tra", "Ban Chỉ đạo"),
    ("Ban Chỉ đạo hằng năm tổ chức sơ kết", "Ban Chỉ đạo"),
    # … but a capitalised "Định" is part of a name
    ("Trung tâm Kiểm định chất lượng chủ trì", "Trung tâm Kiểm định chất lượng"),
])
def test_time_words_end_an_unknown_name(text: str, expected: str) -> None:
    assert names(find_agencies(text))[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Công văn of Sở Y tế Hà Nội on health-insurance costs: "BHXH Thành phố" is the city's social insurance
    ("Phối hợp với BHXH Thành phố, căn cứ dữ liệu thanh toán thuốc", "Bảo hiểm xã hội thành phố"),
    ("BHXH tỉnh Lào Cai chủ trì", "Bảo hiểm xã hội tỉnh Lào Cai"),
    # 6795/SNNMT-KS: a letter "Kính gửi" a company; a company is named by its legal form and its name
    ("Kính gửi: Công ty cổ phần Khai thác và Chế biến kim loại Thủ Đô", "Công ty cổ phần Khai thác và Chế biến kim loại Thủ Đô"),
    ("Công ty TNHH Đại Đồng Tiến có văn bản kiến nghị", "Công ty TNHH Đại Đồng Tiến"),
    ("Công ty trách nhiệm hữu hạn một thành viên Lâm nghiệp Văn Bàn thực hiện", "Công ty trách nhiệm hữu hạn một thành viên Lâm nghiệp Văn Bàn"),
    # 6987/SNNMT-KS: the legal form capitalised, and the adverb after the name no part of it
    ("yêu cầu Công ty Cổ phần Công nghiệp Khánh An nghiêm túc thực hiện", "Công ty Cổ phần Công nghiệp Khánh An"),
    # a body of every level or in the localities, one collective as written (394/NQ-CP, 982/KH-UBND)
    ("Chỉ đạo Mặt trận Tổ quốc Việt Nam tại địa phương xây dựng kế hoạch", "Mặt trận Tổ quốc Việt Nam tại địa phương"),
    ("Hội đồng Thi đua - Khen thưởng các cấp phải thường xuyên", "Hội đồng Thi đua - Khen thưởng các cấp"),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp tổ chức", "Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp"),
    # the Front's central committee named without "Ủy ban" (394/NQ-CP: "c) Đề nghị Trung ương Mặt trận Tổ quốc Việt Nam")
    ("c) Đề nghị Trung ương Mặt trận Tổ quốc Việt Nam", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
    # 3109/BCT-KHCN: the provinces and cities written with a slash, as the comma would
    ("đề nghị Sở Công Thương các tỉnh/thành phố thực hiện theo chức năng", "Sở Công Thương các tỉnh, thành phố"),
    # 8388/BTC-QLCS: the Ministry of Finance's letter to the ministries and other central bodies
    ("Bộ, cơ quan ngang bộ, cơ quan khác ở trung ương chỉ đạo rà soát", "Các bộ, cơ quan ngang bộ, cơ quan khác ở trung ương"),
    ("Các Bộ quản lý chuyên ngành hướng dẫn về loại tài sản", "Các bộ quản lý chuyên ngành"),
])
def test_one_body_as_the_data_or_its_pattern_names_it(text: str, expected: str) -> None:
    assert names(find_agencies(text)) == [expected]


def test_party_committee_of_the_front_keeps_to_quoc() -> None:
    # 104-CTr/TU Lào Cai: "Tổ" of "Mặt trận Tổ quốc" is no "tổ chức" ending the name
    assert names(find_agencies("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh chủ trì, phối hợp")) == [
        "Đảng ủy Mặt trận Tổ quốc", "Các đoàn thể tỉnh"]


def test_provincial_tax_departments_all_at_once() -> None:
    # 4800/TCT-TTr: the tax administration asks the provincial tax departments (before 2025) as one collective
    text = "Tổng cục Thuế yêu cầu Cục Thuế các tỉnh, thành phố trực thuộc Trung ương thực hiện một số giải pháp sau:"
    assert [m.name for m in find_agencies(text)] == ["Tổng cục Thuế", "Cục Thuế các tỉnh, thành phố trực thuộc trung ương"]
