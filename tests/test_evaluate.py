"""The scorer: anchor matching, agency / deadline / reference comparison, and a round trip over the gold."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError
from rich.console import Console

from vbpl_extract import evaluate as ev
from vbpl_extract.evaluate import (
    PRF,
    GoldDeadline,
    GoldFile,
    GoldReference,
    GoldTask,
    agency_prf,
    evaluate,
    format_markdown,
    load_gold,
    match_references,
    match_tasks,
    norm_anchor,
    norm_number,
    render_table,
    same_agency,
    same_deadline,
    score_document,
)
from vbpl_extract.models import (
    AgencyRef,
    Deadline,
    DocumentInfo,
    Reference,
    SourceInfo,
    Task,
    TaskGraph,
)

# --------------------------------------------------------------------------- helpers


def agency(name: str, id: str | None = None) -> AgencyRef:
    return AgencyRef(id=id, name=name, text=name)


def task(text: str, start: int = 0, **fields: object) -> Task:
    return Task(id=f"task_{start}", text=text, unit="", span=(start, start + len(text)), **fields)


def gold_task(anchor: str, **fields: object) -> GoldTask:
    return GoldTask(anchor=anchor, **fields)


def graph(tasks: list[Task], **doc: object) -> TaskGraph:
    return TaskGraph(source=SourceInfo(path="x.md", format="md", length=0), document=DocumentInfo(**doc),
                     tasks=tasks)


def graph_from_gold(gold: GoldFile, keep: Callable[[int], bool] = lambda i: True) -> TaskGraph:
    """What a perfect extractor would return for a gold file (tasks text = anchor + ' ...')."""
    tasks = []
    for i, t in enumerate(gold.tasks):
        if not keep(i):
            continue
        deadline = None
        if t.deadline:
            deadline = Deadline(kind=t.deadline.kind, due=t.deadline.due, rrule=t.deadline.rrule,  # type: ignore[arg-type]
                                text=t.deadline.text)
        tasks.append(Task(id=f"task_{i}", text=t.anchor + " ...", unit=t.unit or "", span=(i * 1000, i * 1000 + 500),
                          lead=[agency(n) for n in t.lead], coordinators=[agency(n) for n in t.coordinators],
                          report_to=[agency(n) for n in t.report_to], deadline=deadline, product=t.product))
    refs = [Reference(id=f"ref_{k}", number=r.number, type=r.type, title=r.title, issuer=r.issuer, date=r.date)
            for k, r in enumerate(gold.references)]
    d = gold.document
    return TaskGraph(
        source=SourceInfo(path=gold.source, format="md", length=0),
        document=DocumentInfo(number=d.number, type=d.type, date=d.date, signer=d.signer,
                              issuer=agency(d.issuer) if d.issuer else None),
        tasks=tasks, references=refs)


def fake_extractor(gold_dir: Path, corpus_dir: Path, keep: Callable[[int], bool] = lambda i: True):
    by_source = {}
    for path in sorted(gold_dir.glob("*.json")):
        gold = load_gold(path)
        by_source[(corpus_dir / gold.source).resolve()] = gold

    def extract(path: Path) -> TaskGraph:
        return graph_from_gold(by_source[Path(path).resolve()], keep)

    return extract


# --------------------------------------------------------------------------- anchors and task matching


def test_norm_anchor_drops_markdown_and_folds() -> None:
    assert norm_anchor("**Xây dựng,**   triển khai\n| và *tổ chức*") == "Xây dựng, triển khai và tổ chức"
    assert norm_anchor("Uỷ ban nhân dân tỉnh Khánh Hoà") == "Ủy ban nhân dân tỉnh Khánh Hòa"
    assert norm_anchor("Xây dựng") != norm_anchor("xây dựng")  # case is kept: anchors are copied verbatim
    # an anchor copied from a text layer's lookalike letters keys as the letters the pipeline reads (1178/ĐCK-CTT)
    assert norm_anchor("đề nghị địa phƣơng căn cứ") == norm_anchor("đề nghị địa phương căn cứ")


def test_match_by_prefix_only() -> None:
    gold = [gold_task("Xây dựng, triển khai và tổ chức triển khai chương trình tuyên")]
    hit = task("Xây dựng, triển khai và tổ chức triển khai chương trình tuyên truyền thường xuyên, sâu rộng")
    inside = task("Các bộ: Xây dựng, triển khai và tổ chức triển khai chương trình tuyên truyền", 500)
    assert match_tasks(gold, [inside, hit]) == [(0, 1)]
    assert match_tasks(gold, [inside]) == []


def test_match_ignores_whitespace_markdown_and_tone_placement() -> None:
    gold = [gold_task("Uỷ ban nhân dân các tỉnh chỉ đạo rà soát, hoàn thiện kế hoạch")]
    pred = [task("**Ủy ban nhân dân**  các tỉnh\nchỉ đạo | rà soát, hoàn thiện kế hoạch ứng phó bão số 15")]
    assert match_tasks(gold, pred) == [(0, 0)]


def test_shared_anchor_matches_in_document_order() -> None:
    anchor = "Xây dựng và đẩy mạnh quảng bá thương hiệu quốc gia về đổi mới sáng"
    gold = [gold_task(anchor, unit="Chương trình hành động / II / 4 / c", lead=["Bộ Ngoại giao"]),
            gold_task(anchor, unit="Phụ lục II / TT 57", lead=["Bộ Khoa học và Công nghệ"])]
    appendix = task(anchor + " tạo (PL II)", 90000)
    programme = task(anchor + " tạo", 4000)
    pairs = match_tasks(gold, [appendix, programme])  # list order differs from document order
    assert pairs == [(0, 1), (1, 0)]
    # a single prediction goes to the first gold task; the second is missed
    assert match_tasks(gold, [programme]) == [(0, 0)]


def test_an_optional_gold_task_does_not_take_the_prediction_of_a_certain_one() -> None:
    # 2597/QĐ-TTg: a plan point with no actor (doubt) restated word for word by the appendix row (certain)
    anchor = "Đề xuất sửa đổi hoặc ban hành mới các quy định về giá trị pháp"
    gold = [gold_task(anchor, unit="Điều 1 / III / 1 / b", doubt="no actor of its own; the appendix row is certain"),
            gold_task(anchor, unit="Phụ lục / I / 2", lead=["Bộ Xây dựng"])]
    row = task(anchor + " lý của dữ liệu số", 90000)
    assert match_tasks(gold, [row]) == [(1, 0)]
    point = task(anchor + " lý của dữ liệu số.", 4000)
    assert match_tasks(gold, [point, row]) == [(0, 0), (1, 1)]


def test_shared_anchor_prefers_the_same_unit() -> None:
    anchor = "Xây dựng và đẩy mạnh quảng bá thương hiệu quốc gia về đổi mới sáng"
    gold = [gold_task(anchor, unit="Chương trình hành động / II / 4 / c"),
            gold_task(anchor, unit="Phụ lục II / TT 57")]
    appendix_only = [Task(id="t", text=anchor + " tạo", unit="Phụ lục II/TT 57", span=(90000, 90100))]
    assert match_tasks(gold, appendix_only) == [(1, 0)]


def test_longer_anchor_is_placed_first() -> None:
    gold = [gold_task("Xây dựng Đề án chuyển đổi số"),
            gold_task("Xây dựng Đề án chuyển đổi số của Bệnh viện Bạch Mai")]
    pred = [task("Xây dựng Đề án chuyển đổi số của Bệnh viện Bạch Mai và Bệnh viện Chợ Rẫy", 0),
            task("Xây dựng Đề án chuyển đổi số ngành y tế", 300)]
    assert match_tasks(gold, pred) == [(0, 1), (1, 0)]


def test_doubt_tasks_are_optional() -> None:
    gold = GoldFile(source="x.md", document=ev.GoldDocument(), tasks=[
        gold_task("Bộ Công an chỉ đạo lực lượng chức năng bảo đảm an ninh trật tự"),
        gold_task("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc", doubt="conditional closing"),
    ])
    only_required = score_document(gold, graph([task("Bộ Công an chỉ đạo lực lượng chức năng bảo đảm an ninh "
                                                     "trật tự, an toàn giao thông")]))
    assert only_required.tasks == PRF(tp=1, fp=0, fn=0)
    assert only_required.optional_tasks == 1
    both = score_document(gold, graph([
        task("Bộ Công an chỉ đạo lực lượng chức năng bảo đảm an ninh trật tự", 0),
        task("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan báo cáo về Sở Nội vụ", 200),
        task("Cần nâng cao nhận thức của người dân", 400)]))
    assert both.tasks == PRF(tp=2, fp=1, fn=0)
    assert both.spurious == ["Cần nâng cao nhận thức của người dân"]
    none = score_document(gold, graph([]))
    assert none.tasks == PRF(tp=0, fp=0, fn=1)
    assert none.missed == ["Bộ Công an chỉ đạo lực lượng chức năng bảo đảm an ninh trật tự"]
    assert none.lead is None and none.deadline.value is None


# --------------------------------------------------------------------------- agencies, deadlines, products


def test_same_agency_by_normalised_name() -> None:
    assert same_agency(agency("Uỷ ban nhân dân tỉnh Nghệ An"), "Ủy ban nhân dân tỉnh Nghệ An")
    assert same_agency(agency("các bộ, ngành,  địa phương"), "Các bộ, ngành, địa phương")
    assert same_agency("BỘ TÀI CHÍNH", "Bộ Tài chính")
    assert not same_agency(agency("Bộ Tài chính"), "Bộ Công Thương")


def test_same_agency_by_canonical_id(monkeypatch: pytest.MonkeyPatch) -> None:
    ids = {"Bộ Khoa học và Công nghệ": "bo_khoa_hoc_va_cong_nghe", "Bộ KH&CN": "bo_khoa_hoc_va_cong_nghe"}
    monkeypatch.setattr(ev, "agency_id", ids.get)
    assert same_agency(AgencyRef(id="bo_khoa_hoc_va_cong_nghe", name="Bộ KH&CN", text="Bộ KH&CN"),
                       "Bộ Khoa học và Công nghệ")
    assert same_agency(agency("Bộ KH&CN"), "Bộ Khoa học và Công nghệ")  # id looked up from the name
    assert not same_agency(AgencyRef(id="unknown:bo_khcn", name="Bộ KHCN", text="Bộ KHCN"),
                           "Bộ Khoa học và Công nghệ")


def test_agency_prf_is_one_to_one() -> None:
    pred = [agency("Bộ Tài chính"), agency("Bộ Tài chính"), agency("Bộ Công an")]
    assert agency_prf(pred, ["Bộ Tài chính", "Bộ Quốc phòng"]) == PRF(tp=1, fp=2, fn=1)
    assert agency_prf([], []) == PRF()
    assert PRF().f1 == 1.0 and PRF(fn=1).f1 == 0.0 and PRF(fn=1).precision == 0.0


def test_same_deadline() -> None:
    quarter = GoldDeadline(text="Quý II/2025", kind="quarter", due="2025-06-30")
    assert same_deadline(None, None)
    assert same_deadline(Deadline(kind="quarter", due="2025-06-30", text="quý 2 năm 2025"), quarter)
    assert not same_deadline(Deadline(kind="date", due="2025-06-30", text="trước ngày 30/6/2025"), quarter)
    assert not same_deadline(Deadline(kind="quarter", due="2025-09-30", text="Quý III/2025"), quarter)
    assert not same_deadline(None, quarter)
    assert not same_deadline(Deadline(kind="ongoing", text="thường xuyên"), None)
    monthly = GoldDeadline(text="Trước ngày 25 hằng tháng", kind="recurring", rrule="FREQ=MONTHLY;BYMONTHDAY=25")
    assert same_deadline(Deadline(kind="recurring", rrule="FREQ=MONTHLY", text="hằng tháng"), monthly)


def test_fields_of_matched_tasks_are_scored() -> None:
    gold = GoldFile(source="x.md", document=ev.GoldDocument(), tasks=[gold_task(
        "Xây dựng bộ tiêu chí để xác định Doanh nghiệp công nghệ", lead=["Bộ Thông tin và Truyền thông"],
        coordinators=["Bộ Tài chính"], deadline=GoldDeadline(text="Quý II/2025", kind="quarter", due="2025-06-30"),
        product="Quyết định của Thủ tướng Chính phủ")])
    pred = task("Xây dựng bộ tiêu chí để xác định Doanh nghiệp công nghệ số", lead=[agency("Bộ Thông tin và Truyền thông")],
                deadline=Deadline(kind="quarter", due="2025-06-30", text="Quý II/2025"))
    score = score_document(gold, graph([pred]))
    assert score.lead == PRF(tp=1)
    assert score.coordinators == PRF(fn=1)
    assert score.report_to == PRF()
    assert score.deadline.value == 1.0
    assert score.product.value == 0.0
    assert {m.field for m in score.mismatches} == {"coordinators", "product"}


# --------------------------------------------------------------------------- references and header


def test_match_references() -> None:
    gold = [GoldReference(number="57-NQ/TW", type="Nghị quyết"),
            GoldReference(title="Luật Tổ chức Chính phủ", type="Luật"),
            GoldReference(title="Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ", type="Luật"),
            GoldReference(number="18", title="Chỉ thị 18 chống thất thu thuế", doubt="number only")]
    pred = [Reference(id="r1", title="Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015"),
            Reference(id="r2", number="57 - nq/TW"),
            Reference(id="r3", title="Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ "
                                     "chức chính quyền địa phương")]
    assert match_references(gold, pred) == [(0, 1), (1, 0), (2, 2)]
    assert norm_number("03 / NQ–CP") == norm_number("03/nq-cp") == "03/nq-cp"
    assert match_references([GoldReference(title="Đề án 06")], [Reference(id="r", title="Đề án 0")]) == []


def test_reference_and_header_scores() -> None:
    gold = GoldFile.model_validate({
        "source": "x.md",
        "document": {"number": "223/CĐ-TTg", "type": "Công điện", "issuer": "Thủ tướng Chính phủ",
                     "date": "2025-11-20", "signer": "Hồ Quốc Dũng"},
        "references": [{"number": "222/CĐ-TTg"}, {"number": "217/CĐ-TTg", "doubt": "date unclear"}],
    })
    pred = graph([], number="223/CĐ-TTg", type="CÔNG ĐIỆN", issuer=agency("Thủ tướng Chính phủ"),
                 date="2025-11-20", signer=None)
    pred.references = [Reference(id="self", number="223/CĐ-TTg", relation="self"),
                       Reference(id="a", number="222/CĐ-TTg"), Reference(id="b", number="217/CĐ-TTg"),
                       Reference(id="c", number="58/2024/NĐ-CP")]
    score = score_document(gold, pred)
    assert score.references == PRF(tp=2, fp=1, fn=0)
    assert score.header_fields == {"number": True, "type": True, "issuer": True, "date": True, "signer": False}
    assert score.header.value == 0.8


def test_load_gold_rejects_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"source": "x.md", "document": {}, "tasks": [{"anchor": "a", "leads": []}]}),
                    encoding="utf-8")
    with pytest.raises(ValidationError):
        load_gold(path)


# --------------------------------------------------------------------------- whole-corpus round trip


def test_every_gold_file_loads(corpus_dir: Path) -> None:
    files = sorted((corpus_dir / "gold").glob("*.json"))
    assert files
    for path in files:
        gold = load_gold(path)
        assert gold.tasks, path.name
        assert (corpus_dir / gold.source).exists(), gold.source


def test_perfect_extractor_scores_one(corpus_dir: Path) -> None:
    gold_dir = corpus_dir / "gold"
    report = evaluate(gold_dir, corpus_dir, extractor=fake_extractor(gold_dir, corpus_dir))
    assert len(report.documents) == len(list(gold_dir.glob("*.json")))
    for s in [*report.documents, report.overall]:
        assert s.tasks.precision == s.tasks.recall == s.tasks.f1 == 1.0
        for prf in (s.lead, s.coordinators, s.report_to):
            assert prf is not None and prf.f1 == 1.0
        assert s.deadline.value == s.product.value == s.header.value == 1.0
        assert s.references.precision == s.references.recall == 1.0
    assert not any(d.missed or d.spurious or d.mismatches or d.error for d in report.documents)
    assert report.overall.gold_tasks == sum(len(load_gold(p).tasks) for p in gold_dir.glob("*.json"))
    assert report.overall.tasks.tp == report.overall.gold_tasks
    assert json.loads(report.to_json())["overall"]["tasks"]["f1"] == 1.0


def test_dropping_half_the_tasks_halves_recall(corpus_dir: Path) -> None:
    gold_dir = corpus_dir / "gold"
    report = evaluate(gold_dir, corpus_dir, extractor=fake_extractor(gold_dir, corpus_dir, lambda i: i % 2 == 0))
    overall = report.overall
    assert overall.tasks.precision == 1.0
    assert overall.tasks.recall == pytest.approx(0.5, abs=0.05)
    assert overall.lead is not None and overall.lead.f1 == 1.0  # the kept tasks are still perfect


def test_extractor_errors_are_recorded(corpus_dir: Path) -> None:
    def broken(path: Path) -> TaskGraph:
        raise RuntimeError(f"cannot read {path.name}")

    gold_path = corpus_dir / "gold" / "223-CD-TTg__15e6fb3d3f3b2644.json"
    if not gold_path.exists():
        pytest.skip(f"gold file not available: {gold_path}")
    report = evaluate(gold_path, corpus_dir, extractor=broken)
    (doc,) = report.documents
    assert doc.error is not None and doc.error.startswith("RuntimeError: cannot read")
    assert doc.tasks.recall == 0.0 and report.overall.errors == 1


def test_rendering(corpus_dir: Path) -> None:
    gold_dir = corpus_dir / "gold"
    report = evaluate(gold_dir, corpus_dir, extractor=fake_extractor(gold_dir, corpus_dir))
    table = render_table(report)
    assert table.row_count == len(report.documents) + 1
    console = Console(file=io.StringIO(), width=220)
    console.print(table)
    assert "03/NQ-CP" in console.file.getvalue()
    md = format_markdown(report)
    lines = md.splitlines()
    assert lines[0].startswith("| Văn bản |")
    assert lines[len(report.documents) + 2].startswith("| **Tổng** |")
    assert "| 223/CĐ-TTg | 10/10 | 1.00 |" in md


@pytest.mark.parametrize(("predicted", "gold", "issuer", "same"), [
    # in a document of Hà Nội, the level-only name and the placed one are the same body (annotators write both)
    ("Ủy ban nhân dân Thành phố", "Ủy ban nhân dân thành phố Hà Nội", "Hội đồng nhân dân thành phố Hà Nội", True),
    ("Trung tâm Phục vụ hành chính công thành phố Cần Thơ", "Trung tâm Phục vụ hành chính công thành phố",
     "Ủy ban nhân dân Thành phố Cần Thơ", True),
    # another place, or no place of the document: different bodies
    ("Ủy ban nhân dân thành phố", "Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân thành phố Hà Nội", False),
    ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Nghệ An", "Bộ Tài chính", False),
    ("Sở Y tế", "Sở Tư pháp", "Ủy ban nhân dân tỉnh Nghệ An", False),
])
def test_same_agency_in_the_documents_place(predicted: str, gold: str, issuer: str, same: bool) -> None:
    from vbpl_extract.evaluate import document_place
    assert same_agency(predicted, gold, document_place(issuer)) is same
