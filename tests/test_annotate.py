"""Tests for the annotate stage, nodes carrying their fragment, and stage warnings (error boundaries)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import vbpl_extract.annotate as annotate_mod
import vbpl_extract.structure as structure_mod
import vbpl_extract.tasks as tasks_mod
from vbpl_extract.annotate import Mentions, annotate
from vbpl_extract.clean import clean_span, normalize
from vbpl_extract.cli import app
from vbpl_extract.diagnostics import Diagnostics
from vbpl_extract.pipeline import extract_text
from vbpl_extract.structure import build_tree, iter_nodes

TEXT = (
    "Điều 1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát hồ sơ, báo cáo Ủy ban nhân dân tỉnh "
    "trước ngày 15/12/2025.\n"
    "Điều 2. Sở Y tế xây dựng kế hoạch tiêm chủng, hoàn thành trong quý II năm 2026.\n"
    "Điều 3. Sở Xây dựng:\n"
    "- Rà soát quy hoạch chung, xong trước ngày 30/6/2026;\n"
    "- Báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.\n"
)


def _tree(text: str):
    ct = normalize(text)
    return ct, build_tree(ct.paragraphs, ct.source)


def test_every_node_with_text_carries_its_fragment() -> None:
    ct, tree = _tree(TEXT + "| TT | Nhiệm vụ | Chủ trì |\n|---|---|---|\n| 1 | Lập danh mục | Sở Tư pháp |\n")
    nodes = list(iter_nodes(tree))
    assert nodes
    for node in nodes:
        if node.kind in ("row", "group", "table"):
            continue
        if node.text:
            assert node.fragment is not None and node.fragment.text == node.text, node.id
            assert clean_span(ct.source, *node.fragment.span).text == node.text
    rows = [n for n in nodes if n.kind == "row"]
    assert rows and all([f.text for f in r.cell_fragments] == r.cells for r in rows)


def test_annotate_attaches_mentions_to_nodes() -> None:
    ct, tree = _tree(TEXT)
    found, refs = annotate(tree, ct, None)
    art1, art2 = tree[0], tree[1]
    assert [a.name for a in art1.agencies] == ["Sở Tài chính", "Sở Nội vụ", "Ủy ban nhân dân tỉnh"]
    assert [d.due for d in art1.deadlines] == ["2025-12-15"]
    a = art1.agencies[0]
    assert ct.source[a.span[0]:a.span[1]] == "Sở Tài chính"
    assert art2.deadlines[0].kind == "quarter"
    assert isinstance(found, Mentions) and refs == []


def test_mentions_read_each_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = annotate_mod.find_agencies

    def counting(text: str):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(annotate_mod, "find_agencies", counting)
    found = Mentions(None)
    first = found.agencies("Bộ Tài chính chủ trì")
    assert found.agencies("Bộ Tài chính chủ trì") == first
    assert calls == ["Bộ Tài chính chủ trì"]


def test_broken_finder_gives_a_warning_and_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, issue_date=None):
        raise RuntimeError("deadline finder broke")

    monkeypatch.setattr(annotate_mod, "find_deadlines", broken)
    g = extract_text(TEXT)
    assert any(w.startswith("annotate art_1") and "RuntimeError: deadline finder broke" in w for w in g.warnings)
    assert [t.lead[0].name for t in g.tasks][:2] == ["Sở Tài chính", "Sở Y tế"]
    assert all(t.deadline is None for t in g.tasks)


def test_broken_task_unit_is_a_warning_and_others_go_on(monkeypatch: pytest.MonkeyPatch) -> None:
    real = tasks_mod._product

    def fails_on_health(text: str, agencies):
        if "tiêm chủng" in text:
            raise ValueError("cannot read this unit")
        return real(text, agencies)

    monkeypatch.setattr(tasks_mod, "_product", fails_on_health)
    g = extract_text(TEXT)
    assert g.warnings == ["tasks art_2: ValueError: cannot read this unit"]
    units = [t.unit_id for t in g.tasks]
    assert "art_2" not in units and "art_1" in units and "art_3__bullet_1" in units


def test_unplaceable_paragraph_is_a_block_and_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    real = structure_mod.classify

    def fails(text: str):
        if text.startswith("Điều 2"):
            raise IndexError("marker")
        return real(text)

    monkeypatch.setattr(structure_mod, "classify", fails)
    log = Diagnostics()
    ct = normalize(TEXT)
    tree = build_tree(ct.paragraphs, ct.source, diagnostics=log)
    assert [str(w) for w in log.records] == ["structure block_err_1: IndexError: marker"]
    block = next(n for n in iter_nodes(tree) if n.id == "block_err_1")
    assert block.text.startswith("Điều 2") and block.fragment.text == block.text


def test_no_warnings_on_a_clean_document() -> None:
    assert extract_text(TEXT).warnings == []


def test_cli_strict_fails_on_warnings(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "kh.txt"
    path.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(app, ["extract", str(path), "--strict"])
    assert ok.exit_code == 0, ok.output

    def broken(text: str):
        raise RuntimeError("agency finder broke")

    monkeypatch.setattr(annotate_mod, "find_agencies", broken)
    lenient = runner.invoke(app, ["extract", str(path)])
    assert lenient.exit_code == 0 and "agency finder broke" in lenient.stdout
    strict = runner.invoke(app, ["extract", str(path), "--strict"])
    assert strict.exit_code == 15
    assert "annotate art_1: RuntimeError: agency finder broke" in strict.stderr


DECISION = (
    "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố: 12/QĐ-UBND\n|\n"
    "Bắc Ninh, ngày 09 tháng 01 năm 2025\n\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch chuyển đổi số\n\nQUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số.\n"
    "1. Sở Nội vụ hướng dẫn thực hiện Điều này.\n"
    "2. Sở Tư pháp rà soát văn bản.\n"
    "Điều 2. Giao Sở Tài chính chủ trì thực hiện khoản 2 Điều 1 Quyết định này, theo Nghị quyết số 57-NQ/TW "
    "ngày 22/12/2024 của Bộ Chính trị và khoản 3 Điều 12 Nghị định số 45/2020/NĐ-CP.\n"
    "Điều 3. Sở Y tế báo cáo kết quả thực hiện Điều 9 Luật Đất đai năm 2024.\n"
)


def _refs(g):
    return {r.id: r for r in g.references}


def test_internal_self_and_cited_references_are_all_kept() -> None:
    g = extract_text(DECISION)
    refs = _refs(g)
    internal = [r for r in g.references if r.relation == "internal"]
    assert {r.target for r in internal} == {"art_1", "art_1__para_2"}
    this_article = next(r for r in internal if r.target == "art_1")
    assert [m.text for m in this_article.mentions] == ["Điều này"] and this_article.mentions[0].node_id == "art_1__para_1"
    assert any(r.relation == "self" and r.target == "self" for r in g.references)
    task = next(t for t in g.tasks if t.unit_id == "art_2")
    kinds = [(refs[i].relation, refs[i].target or refs[i].number) for i in task.references]
    assert ("internal", "art_1__para_2") in kinds and ("self", "self") in kinds
    assert ("can_cu", "57-NQ/TW") in kinds or ("mention", "57-NQ/TW") in kinds
    for ref in g.references:
        for m in ref.mentions:
            assert DECISION[m.span[0]:m.span[1]] == m.text


def test_pinpoint_into_another_document_is_kept() -> None:
    g = extract_text(DECISION)
    decree = next(r for r in g.references if r.number == "45/2020/NĐ-CP")
    assert [m.pinpoint for m in decree.mentions] == ["art_12__para_3"]
    assert all(r.target is None for r in g.references if r.relation not in ("self", "internal"))


def test_unit_missing_from_the_tree_is_not_an_internal_reference() -> None:
    g = extract_text(DECISION)
    assert not [r for r in g.references if r.relation == "internal" and r.target == "art_9"]
    law = next(r for r in g.references if r.title == "Luật Đất đai")
    assert law.mentions[0].pinpoint == "art_9"


def test_plan_of_this_decision_is_the_attachment() -> None:
    text = DECISION + (
        "\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n\n"
        "KẾ HOẠCH\nCHUYỂN ĐỔI SỐ\n(Kèm theo Quyết định số 12/QĐ-UBND ngày 09/01/2025 của Ủy ban nhân dân tỉnh)\n"
        "I. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ tổ chức thực hiện Kế hoạch này.\n"
    )
    g = extract_text(text)
    att = [n.id for n in g.structure if n.kind == "attachment"]
    assert att == ["att_1"]
    own = [r for r in g.references if r.relation == "self" and r.target == "att_1"]
    assert own and own[0].mentions[-1].text == "Kế hoạch này"


# a body named once with its place is written so wherever the document names it without the place
# (annotation guide: "the fullest form the document itself gives"); two places, or none, leave it as written
FULL_FORMS = [
    ("Theo đề nghị của Giám đốc Sở Tư pháp tỉnh Cao Bằng.\nĐiều 1. Sở Tư pháp chủ trì rà soát thủ tục.",
     ["Sở Tư pháp tỉnh Cao Bằng"]),
    ("Điều 1. Giao Sở Nội vụ tỉnh Gia Lai tổng hợp.\nĐiều 2. Phối hợp với Sở Nội vụ lập danh sách.",
     ["Sở Nội vụ tỉnh Gia Lai", "Sở Nội vụ tỉnh Gia Lai"]),
    ("Điều 1. Sở Nội vụ thành phố Hà Nội tổng hợp.\nĐiều 2. Sở Nội vụ Thành phố chủ trì.",
     ["Sở Nội vụ thành phố Hà Nội", "Sở Nội vụ thành phố Hà Nội"]),
    ("Điều 1. Sở Xây dựng tỉnh Gia Lai, Sở Xây dựng tỉnh Lâm Đồng kiểm tra.\nĐiều 2. Sở Xây dựng báo cáo.",
     ["Sở Xây dựng tỉnh Gia Lai", "Sở Xây dựng tỉnh Lâm Đồng", "Sở Xây dựng"]),
    # a collective keeps the place written after it ("Các tổ chức chính trị - xã hội thành phố Hà Nội", 72/2025/NQ-HĐND),
    # which makes no full form for the department named without one
    ("Điều 1. Sở Y tế chủ trì.\nĐiều 2. Các sở, ban, ngành tỉnh Cao Bằng phối hợp.",
     ["Sở Y tế", "Các sở, ban, ngành tỉnh Cao Bằng"]),
]


@pytest.mark.parametrize(("text", "names"), FULL_FORMS)
def test_body_named_without_its_place_takes_the_documents_full_form(text: str, names: list[str]) -> None:
    ct, tree = _tree(text)
    annotate(tree, ct, None)
    assert [a.name for n in iter_nodes(tree) for a in n.agencies][-len(names):] == names
