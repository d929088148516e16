"""Citations: find full, short, name, self, internal and url mentions; resolve one per document."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import regex

from conftest import GOLD, corpus_file
from vbpl_extract.doctypes import normalize_number
from vbpl_extract.references import (
    ReferenceMention,
    find_references,
    resolve_references,
    self_and_internal,
)
from vbpl_extract.textutil import display, match_key


def kinds(text: str, **kw: str) -> list[tuple[str, str | None]]:
    return [(m.kind, m.number or m.title or m.internal_target) for m in find_references(text, **kw)]


def resolved(text: str, **kw: str) -> dict[str, object]:
    return {r.id: r for r in resolve_references(find_references(text, **kw))}


# --- full citations -------------------------------------------------------------------------------


def test_full_citation_with_date_issuer_and_title() -> None:
    text = ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm\n2024 của Bộ Chính trị về đột phá phát triển "
            "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;")
    (m,) = find_references(text)
    assert (m.kind, m.number, m.type, m.date, m.issuer) == (
        "full", "57-NQ/TW", "Nghị quyết", dt.date(2024, 12, 22), "Bộ Chính trị")
    assert m.text.startswith("Nghị quyết số 57-NQ/TW") and m.text.endswith("Bộ Chính trị")
    assert m.title and m.title.startswith("đột phá phát triển khoa học")
    assert m.relation == "can_cu"


def test_full_citation_numeric_date_and_office_holder_issuer() -> None:
    text = ("*Căn cứ Thông tư số 03/2025/TT-VPCP\nngày 15/9/2025 của Bộ trưởng, Chủ nhiệm* *Văn phòng Chính phủ "
            "hướng dẫn thi hành một số nội dung của Nghị định số* *118/2025/NĐ-CP ngày 09/6/2025\ncủa Chính phủ;*")
    ms = find_references(text)
    assert [(m.number, m.date, m.issuer) for m in ms] == [
        ("03/2025/TT-VPCP", dt.date(2025, 9, 15), "Văn phòng Chính phủ"),
        ("118/2025/NĐ-CP", dt.date(2025, 6, 9), "Chính phủ"),
    ]
    assert ms[1].relation == "guides"


def test_lowercase_type_word_and_joint_issuers() -> None:
    text = ("tại Tờ trình số 04/TTr-BKHCN-BTTTT ngày 02 tháng 01 năm 2025 và công văn số 83/BKHCN-BTTTT-VP "
            "ngày 08 tháng 01 năm 2025")
    refs = resolve_references(find_references(text))
    assert [(r.number, r.type, r.date) for r in refs] == [
        ("04/TTr-BKHCN-BTTTT", "Tờ trình", dt.date(2025, 1, 2)),
        ("83/BKHCN-BTTTT-VP", "Công văn", dt.date(2025, 1, 8)),
    ]
    assert refs[1].issuer == "Bộ Khoa học và Công nghệ, Bộ Thông tin và Truyền thông"


def test_number_without_type_word_takes_type_from_code() -> None:
    ms = find_references("đề nghị tại văn bản 3954/UBND-VX; thực hiện 19197-CV/VPTW và 64/2025/QH15.")
    assert [(m.number, m.type) for m in ms] == [
        ("3954/UBND-VX", "Công văn"), ("19197-CV/VPTW", "Công văn"), ("64/2025/QH15", "Luật")]


def test_list_sharing_a_type_gives_one_reference_each() -> None:
    text = ("tiếp theo các Công điện số 217/CĐ-TTg,\n218/CĐ-TTg, 219/CĐ-TTg và 222/CĐ-TTg ngày 19/11/2025, "
            "Thủ tướng Chính phủ yêu cầu:")
    refs = resolve_references(find_references(text))
    assert [r.number for r in refs] == ["217/CĐ-TTg", "218/CĐ-TTg", "219/CĐ-TTg", "222/CĐ-TTg"]
    assert all(r.type == "Công điện" and r.issuer == "Thủ tướng Chính phủ" for r in refs)
    # the date is written once, after the last number: it belongs to that one only
    assert [r.date for r in refs] == [None, None, None, dt.date(2025, 11, 19)]


def test_year_only_citation() -> None:
    (m,) = find_references("theo Nghị quyết 71/NQ-CP năm 2025 của Chính phủ sửa đổi, bổ sung")
    assert (m.number, m.date, m.year, m.issuer) == ("71/NQ-CP", None, 2025, "Chính phủ")


# --- laws and named documents ----------------------------------------------------------------------


def test_law_by_name_with_date() -> None:
    refs = resolve_references(find_references("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6\nnăm 2015;"))
    (r,) = refs
    assert (r.id, r.type, r.title, r.date, r.issuer, r.relation) == (
        "ref_luat_to_chuc_chinh_phu_2015", "Luật", "Luật Tổ chức Chính phủ", dt.date(2015, 6, 19), "Quốc hội",
        "can_cu")


def test_law_by_name_with_year_and_bracketed_year() -> None:
    assert kinds("theo quy định của Luật Đất đai năm 2024.") == [("name", "Luật Đất đai")]
    (m,) = find_references("đ) Sửa đổi Luật Khoa học và Công nghệ (2013) và các luật có liên quan")
    assert (m.title, m.year, m.relation) == ("Luật Khoa học và Công nghệ", 2013, "amends")


def test_code_of_law_and_law_list() -> None:
    text = "Sửa đổi một số quy định trong Luật Sở hữu trí tuệ; Bộ luật Hình sự; Luật Đầu tư công; Luật Đấu thầu"
    assert [m.title for m in find_references(text)] == [
        "Luật Sở hữu trí tuệ", "Bộ luật Hình sự", "Luật Đầu tư công", "Luật Đấu thầu"]
    assert find_references("theo Bộ luật Lao động")[0].type == "Bộ luật"


def test_amending_law_and_the_laws_it_amends() -> None:
    text = ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật\nTổ chức Chính phủ và Luật Tổ chức chính quyền "
            "địa phương ngày 22 tháng 11 năm 2019;")
    ms = find_references(text)
    outer = ms[0]
    assert outer.title == ("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính "
                           "quyền địa phương")
    assert outer.date == dt.date(2019, 11, 22)
    inner = {m.title: m.date for m in ms[1:]}
    assert inner == {"Luật Tổ chức Chính phủ": None, "Luật Tổ chức chính quyền địa phương": None}


def test_law_name_not_in_gazetteer_and_alias() -> None:
    assert kinds("thi hành Luật Công nghiệp Công nghệ số, đặt nền móng") == [("name", "Luật Công nghiệp Công nghệ số")]
    assert kinds("nội dung đột phá của Luật KHCN&ĐMST;") == [
        ("name", "Luật Khoa học, Công nghệ và Đổi mới sáng tạo")]


def test_products_are_not_references() -> None:
    text = ("a) Xây dựng Nghị định quy định về quỹ đầu tư; b) Dự án Luật Năng lượng nguyên tử (sửa đổi); "
            "c) Xây dựng Hồ sơ đề nghị xây dựng Luật Cán bộ, công chức (sửa đổi); d) Xây dựng Đề án ứng dụng "
            "trí tuệ nhân tạo dựa trên dữ liệu lớn; đ) Bổ sung chính sách và hoàn thiện Luật Công nghiệp công "
            "nghệ số trình Quốc hội ban hành.")
    assert find_references(text) == []


def test_product_title_suppresses_its_other_mentions() -> None:
    text = ("Sửa đổi Luật Khoa học và Công nghệ (2013) trong dự án xây dựng Luật Khoa học, Công nghệ và Đổi mới "
            "sáng tạo. Xây dựng các Nghị định của Chính phủ hướng dẫn Luật Khoa học, công nghệ và Đổi mới sáng tạo.")
    assert [m.title for m in find_references(text)] == ["Luật Khoa học và Công nghệ"]


def test_existing_law_inside_a_product() -> None:
    text = "Dự án Luật sửa đổi, bổ sung một số điều của Luật Chất lượng sản phẩm, hàng hóa | Bộ Khoa học và Công nghệ"
    assert kinds(text) == [("name", "Luật Chất lượng sản phẩm, hàng hóa")]


def test_named_plans_cited_as_existing() -> None:
    text = ("a) Tập trung nguồn lực thực hiện các nhiệm vụ được giao theo Chương trình hành động của Chính phủ "
            "thực hiện Nghị quyết số 45-NQ/TW ngày 24 tháng 11 năm 2023 của Ban Chấp hành Trung ương Đảng khóa "
            "XIII; các khu công nghệ số tập trung theo Quy hoạch hạ tầng thông tin và truyền thông thời kỳ "
            "2021-2030, tầm nhìn đến năm 2050.")
    refs = resolve_references(find_references(text))
    by_type = {r.type: r for r in refs}
    assert by_type["Chương trình hành động"].title.endswith("Ban Chấp hành Trung ương Đảng khóa XIII")
    assert by_type["Chương trình hành động"].issuer == "Chính phủ"
    assert by_type["Nghị quyết"].number == "45-NQ/TW"
    assert by_type["Nghị quyết"].issuer == "Ban Chấp hành Trung ương Đảng"
    assert by_type["Quy hoạch"].title == ("Quy hoạch hạ tầng thông tin và truyền thông thời kỳ 2021-2030, tầm nhìn "
                                          "đến năm 2050")


def test_numbered_scheme_and_bracketed_number() -> None:
    text = ("bảo đảm kết nối với Đề án 06, gồm: ... Triển khai thực hiện Kế hoạch hành động chiến\nlược "
            "(Kế hoạch số 01), áp dụng cách tiếp cận mới")
    refs = resolve_references(find_references(text))
    assert [(r.type, r.title, r.number) for r in refs] == [
        ("Đề án", "Đề án 06", None), ("Kế hoạch", "Kế hoạch hành động chiến lược", "01")]


# --- short forms -----------------------------------------------------------------------------------


def test_short_forms_resolve_to_the_full_citation() -> None:
    text = ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị (sau đây gọi tắt là Nghị quyết số "
            "57-NQ/TW); triển khai Nghị quyết 57 và Nghị quyết số 57-NQ/TW trong năm 2025.")
    ms = find_references(text)
    assert [m.kind for m in ms] == ["full", "short", "short", "short"]
    (r,) = resolve_references(ms)
    assert (r.id, r.date, r.issuer, len(r.mentions)) == ("ref_57_nq_tw", dt.date(2024, 12, 22), "Bộ Chính trị", 4)


def test_short_form_list_and_unresolved_short_form() -> None:
    text = ("Quyết định 126/QĐ-BCĐCP triển khai nhiệm vụ trọng tâm theo Nghị quyết 71, 57, Đề án 06 và Kế hoạch 02; "
            "thực hiện Nghị quyết 71-NQ/TW năm 2025, Nghị quyết 57-NQ/TW năm 2024")
    refs = resolve_references(find_references(text, self_number="126/QĐ-BCĐCP"))
    assert [r.id for r in refs] == ["ref_71_nq_tw", "ref_57_nq_tw", "ref_de_an_06", "ref_ke_hoach_02"]
    assert refs[3].number == "02" and refs[3].type == "Kế hoạch"


def test_durations_and_years_are_not_short_forms() -> None:
    assert find_references("Kế hoạch 5 năm 2021-2025; Chỉ thị 2025") == []


# --- self, internal, url ---------------------------------------------------------------------------


def test_self_references() -> None:
    text = ("Số: 03/NQ-CP\nĐiều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động của Chính phủ thực "
            "hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị.\nĐiều 2. Nghị quyết này có "
            "hiệu lực. Các bộ xây dựng kế hoạch triển khai Chương trình hành động của Chính phủ.")
    ms = find_references(text, self_number="03/NQ-CP", self_type="Nghị quyết")
    selfs = [(m.text.split()[0], m.internal_target) for m in ms if m.kind == "self"]
    assert selfs == [("Số:", "self"), ("Nghị", "self"), ("Chương", "attachment"), ("Nghị", "self"),
                     ("Chương", "attachment")]
    assert [r.number for r in resolve_references(ms)] == ["57-NQ/TW"]
    assert [(r.id, r.target, len(r.mentions)) for r in self_and_internal(ms)] == [
        ("ref_self", "self", 3), ("ref_self_attachment", "attachment", 2)]


def test_plan_named_by_this_document_in_a_decision() -> None:
    ms = find_references("Giao Sở Nội vụ tổ chức thực hiện Kế hoạch này và Quyết định này.", self_type="Quyết định")
    assert [(m.type, m.internal_target) for m in ms] == [("Kế hoạch", "attachment"), ("Quyết định", "self")]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("theo quy định tại khoản 2 Điều 3", "art_3__para_2"),
        ("quy định tại điểm a khoản 1 Điều này", "art_?__para_1__point_a"),
        ("trường hợp tại điểm đ khoản 2 Điều 5", "art_5__para_2__point_dd"),
        ("theo Điều 2", "art_2"),
        ("các nhiệm vụ tại Mục III", "sec_III"),
        ("danh mục tại Phụ lục II kèm theo", "app_II"),
        ("nội dung tại mục 2 phần III", "sec_III__item_2"),
        ("quy định tại khoản 2", "art_?__para_2"),
        ("Chương II của Nghị quyết này", "chp_II"),
    ],
)
def test_internal_references(text: str, target: str) -> None:
    internal = [m for m in find_references(text) if m.kind == "internal"]
    assert [m.internal_target for m in internal] == [target]


def test_internal_list_and_exclusions() -> None:
    assert [m.internal_target for m in find_references("tại khoản 1, 2 Điều 5")] == ["art_5__para_1", "art_5__para_2"]
    # headings, pinpoints into another document, words that only look like units
    assert kinds("**Điều 3.** Tổ chức thực hiện\nPHỤ LỤC II\nmục vi phạm") == []
    assert kinds("theo khoản 3 Điều 12 Nghị định số 45/2020/NĐ-CP") == [("full", "45/2020/NĐ-CP")]
    assert kinds("Căn cứ Mục III Kế hoạch ban hành kèm theo Quyết định 126/QĐ-BCĐCP") == [("full", "126/QĐ-BCĐCP")]


def test_urls() -> None:
    ms = find_references("trên Hệ thống giám sát Nghị quyết 57-NQ/TW năm 2024 (http://nq57.vn) và www.chinhphu.vn.")
    assert [(m.kind, m.text) for m in ms] == [
        ("full", "Nghị quyết 57-NQ/TW năm 2024"), ("url", "http://nq57.vn"), ("url", "www.chinhphu.vn")]
    assert [r.url for r in resolve_references(ms, include_urls=True)][1:] == ["http://nq57.vn", "www.chinhphu.vn"]
    assert len(resolve_references(ms)) == 1


# --- relations -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Căn cứ Nghị định số 45/2020/NĐ-CP", "can_cu"),
        ("để triển khai thực hiện Kế hoạch số 02-KH/BCĐTW", "implements"),
        ("Sửa đổi, bổ sung Nghị định số 109/2022/NĐ-CP quy định", "amends"),
        ("Bãi bỏ Quyết định số 23/2016/QĐ-TTg", "repeals"),
        ("(thay thế Nghị định số 87/2021/NĐ-CP)", "replaces"),
        ("Thông tư hướng dẫn Nghị định số 118/2025/NĐ-CP", "guides"),
        ("theo Nghị định số 107/2021/NĐ-CP của Chính phủ", "mention"),
    ],
)
def test_relations(text: str, relation: str) -> None:
    (m,) = find_references(text)
    assert m.relation == relation


def test_resolved_relation_is_the_strongest_and_model_conversion() -> None:
    text = "Căn cứ Nghị định số 45/2020/NĐ-CP; theo Nghị định số 45/2020/NĐ-CP"
    (r,) = resolve_references(find_references(text))
    assert r.relation == "can_cu"
    model = r.to_model(offset=100)
    assert model.id == "ref_45_2020_nd_cp" and model.mentions[0].span == (107, 133)
    assert model.mentions[0].text == "Nghị định số 45/2020/NĐ-CP"


# --- robustness ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "Số:", "Nghị quyết số", "Luật", "(" * 5000, "1/" * 20000,
                                  "Điều " * 3000, "\x00\ud800", "İİ Điều 1 khoản", "Luật " * 2000])
def test_never_raises_on_odd_input(text: str) -> None:
    ms = find_references(text)
    resolve_references(ms)
    self_and_internal(ms)
    assert all(isinstance(m, ReferenceMention) and 0 <= m.start <= m.end <= len(text) for m in ms)


def test_offsets_point_at_the_text() -> None:
    text = "Căn cứ Luật Giao dịch điện tử\nngày** 22/6/2023;*\n*Căn cứ Nghị định số 45/2020/NĐ-CP"
    for m in find_references(text):
        assert text[m.start:m.end] == m.text


# --- corpus ----------------------------------------------------------------------------------------


@pytest.mark.corpus
def test_seed_03_nq_cp_references() -> None:
    text = corpus_file("seeds/004_73d4ecd4209fcbe0.txt").read_text(encoding="utf-8")
    refs = {r.number: r for r in resolve_references(find_references(text, self_number="03/NQ-CP"))}
    assert "03/NQ-CP" not in refs
    assert refs["57-NQ/TW"].date == dt.date(2024, 12, 22)
    assert refs["57-NQ/TW"].issuer == "Bộ Chính trị"
    assert refs["45-NQ/TW"].date == dt.date(2023, 11, 24)
    assert refs["04/TTr-BKHCN-BTTTT"].type == "Tờ trình"


def document_body(text: str) -> str:
    """thuvienphapluat dumps: from the "Số:" line to "Nơi nhận" (the site lists unrelated numbers around it)."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if regex.match(r"^[\s*|]*Số\s*:", line)), 0)
    end = next((i for i in range(start, len(lines)) if regex.match(r"^[\s*_|]*Nơi nhận", lines[i])), len(lines))
    return "\n".join(lines[start:end])


def _norm(title: str | None) -> str:
    return " ".join(match_key(display(title or "")).replace(",", " ").replace("(", " ").replace(")", " ").split())


def _match_score(gold: dict[str, str | None], ref: object) -> int:
    """3 exact number (or title), 2 title prefix, 1 long common prefix (typos in the source), 0 no match."""
    gnum, pnum = gold.get("number"), getattr(ref, "number", None)
    if gnum and ("/" in gnum or "-" in gnum):
        return 3 if pnum and normalize_number(gnum).upper() == normalize_number(pnum).upper() else 0
    if gnum and pnum == gnum and gold.get("type") == getattr(ref, "type", None):
        return 3
    a, b = _norm(gold.get("title")), _norm(getattr(ref, "title", None))
    if not a or not b:
        return 0
    if a == b:
        return 3
    if a.startswith(b) or b.startswith(a):
        return 2
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return 1 if common >= 70 else 0


@pytest.mark.corpus
def test_gold_references_recall_and_precision() -> None:
    gold_dir = corpus_file("gold")
    numbered = [0, 0]  # hit, needed (numbered gold references, doubt ones optional)
    named = [0, 0]
    correct = predicted = 0
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (GOLD.parent / gold["source"]).read_text(encoding="utf-8")
        if gold["source"].startswith("tnt305_tvpl_2025/"):
            text = document_body(text)
        doc = gold["document"]
        refs = resolve_references(find_references(text, self_number=doc.get("number"), self_type=doc.get("type")))
        pairs = sorted(((_match_score(g, r), gi, ri) for gi, g in enumerate(gold["references"])
                        for ri, r in enumerate(refs)), reverse=True)
        gold_hit: dict[int, int] = {}
        pred_hit: dict[int, int] = {}
        for score, gi, ri in pairs:
            if score and gi not in gold_hit and ri not in pred_hit:
                gold_hit[gi], pred_hit[ri] = ri, gi
        for gi, g in enumerate(gold["references"]):
            if g.get("doubt"):
                continue  # optional: a match counts for precision, a miss does not count against recall
            bucket = numbered if g.get("number") and ("/" in g["number"] or "-" in g["number"]) else named
            bucket[1] += 1
            bucket[0] += gi in gold_hit
        correct += len(pred_hit)
        predicted += len(refs)
    recall_numbered = numbered[0] / numbered[1]
    recall_named = named[0] / named[1]
    precision = correct / predicted
    print(f"\ngold references: numbered recall {numbered[0]}/{numbered[1]} = {recall_numbered:.3f}, "
          f"named recall {named[0]}/{named[1]} = {recall_named:.3f}, precision {correct}/{predicted} = {precision:.3f}")
    assert recall_numbered >= 0.95
    assert recall_named >= 0.9
    assert precision >= 0.9


@pytest.mark.parametrize("text", [
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; Nghị định số 45/2020/NĐ-CP và Nghị quyết 57",
    "THEO KHOẢN 3 ĐIỀU 12 NGHỊ ĐỊNH SỐ 45/2020/NĐ-CP; Quyết định này; xem WWW.CHINHPHU.VN và HTTP://VBPL.VN",
    "thực hiện Chương trình hành động của Chính phủ; Đề án 06; Hiến pháp năm 2013; Bộ luật Dân sự",
    "Phụ lục II kèm theo Kế hoạch này; tiểu mục 2 Mục I; điểm a khoản 1; Điều này",
    "İn ſố １２/２０２５/NĐ-CP; Nghị quyết số ٥٧-NQ/TW",
    "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024; khoản 2 Điều 5 Quyết định 1441",
])
def test_finder_gates_change_no_result(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Skipping the finders a text cannot feed gives the same mentions as running them all."""
    from vbpl_extract.references import find

    gated = find_references(text, self_number="45/2020/NĐ-CP", self_type="Quyết định")
    monkeypatch.setattr(find, "_holds", lambda *_args: True)
    monkeypatch.setattr(find, "_DIGIT", regex.compile(r"(?s).?"))
    monkeypatch.setattr(find, "_may_hold_number", lambda _text: True)
    assert find_references(text, self_number="45/2020/NĐ-CP", self_type="Quyết định") == gated
    assert gated
