"""Exporters: a hand-built two-task graph from the 03/NQ-CP programme, in every format."""

from __future__ import annotations

import csv
import datetime as dt
import io

import networkx as nx
import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from vbpl_extract.exporters import (
    COLUMNS,
    FORMATS,
    default_suffix,
    export,
    to_csv,
    to_graphml,
    to_ics,
    to_json,
    to_mermaid,
    to_xlsx,
    write,
)
from vbpl_extract.models import (
    AgencyRef,
    Deadline,
    DocumentInfo,
    Graph,
    GraphEdge,
    GraphNode,
    SourceInfo,
    Task,
    TaskGraph,
)

BKHCN = AgencyRef(id="bo_khoa_hoc_va_cong_nghe", name="Bộ Khoa học và Công nghệ", text="Bộ KH&CN",
                  span=(5000, 5008), kind="ministry")
BTC = AgencyRef(id="bo_tai_chinh", name="Bộ Tài chính", text="Bộ Tài chính", span=(5020, 5032))
UBND = AgencyRef(name="Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
                 text="Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", kind="collective")
TTG = AgencyRef(id="thu_tuong_chinh_phu", name="Thủ tướng Chính phủ", text="Thủ tướng Chính phủ")

TEXT_A = ("Xây dựng, triển khai và tổ chức triển khai chương trình tuyên truyền thường xuyên, sâu rộng "
          "về nội dung Nghị quyết số 57-NQ/TW theo hướng: đa dạng hóa các hình thức tuyên truyền")
TEXT_B = ("Trước ngày 25 hằng tháng báo cáo tình hình thực hiện nhiệm vụ theo Kế hoạch \"57\" "
          "trên Hệ thống thông tin giám sát <nq57.vn> để theo dõi, tổng hợp, báo cáo Thủ tướng Chính phủ.")


def make_graph(*, with_graph: bool = True) -> TaskGraph:
    """Two tasks: one dated (Quý II/2025), one recurring (trước ngày 25 hằng tháng)."""
    tasks = [
        Task(id="task__att_1__sec_II__item_1__point_a", text=TEXT_A,
             unit="Chương trình hành động / II / 1 / a", span=(4100, 4290), action="Xây dựng, triển khai",
             lead=[BKHCN, UBND], coordinators=[BTC],
             deadline=Deadline(kind="quarter", due="2025-06-30", text="Quý II/2025"),
             product="Chương trình tuyên truyền"),
        Task(id="task__att_1__sec_III__item_3__bullet_3", text=TEXT_B,
             unit="Chương trình hành động / III / 3 / gạch đầu dòng 3", span=(9000, 9180),
             lead=[BKHCN], report_to=[TTG],
             deadline=Deadline(kind="recurring", rrule="FREQ=MONTHLY;BYMONTHDAY=25",
                               text="Trước ngày 25 hằng tháng")),
    ]
    graph = Graph()
    if with_graph:
        graph = Graph(
            nodes=[GraphNode(id="doc", type="document", label="03/NQ-CP"),
                   GraphNode(id=tasks[0].id, type="task", label=TEXT_A),
                   GraphNode(id=tasks[1].id, type="task", label=TEXT_B),
                   GraphNode(id="agency:bo_khoa_hoc_va_cong_nghe", type="agency", label=BKHCN.name),
                   GraphNode(id="end", type="unit", label='Mục "end" #1')],
            edges=[GraphEdge(source="doc", target=tasks[0].id, type="contains"),
                   GraphEdge(source="doc", target=tasks[1].id, type="contains"),
                   GraphEdge(source="agency:bo_khoa_hoc_va_cong_nghe", target=tasks[0].id, type="lead"),
                   GraphEdge(source="agency:bo_khoa_hoc_va_cong_nghe", target=tasks[1].id, type="lead"),
                   GraphEdge(source="doc", target="end", type="contains")])
    return TaskGraph(
        source=SourceInfo(path="vnmasterplan/03-NQ-CP_2025.md", format="md", sha256="ab" * 32, length=120000),
        document=DocumentInfo(number="03/NQ-CP", type="Nghị quyết", date="2025-01-09", signer="Nguyễn Hòa Bình",
                              issuer=AgencyRef(id="chinh_phu", name="Chính phủ", text="CHÍNH PHỦ")),
        tasks=tasks, graph=graph)


def test_formats_and_suffixes() -> None:
    assert FORMATS == ("json", "csv", "xlsx", "ics", "graphml", "mermaid")
    assert [default_suffix(f) for f in FORMATS] == [".json", ".csv", ".xlsx", ".ics", ".graphml", ".mmd"]
    with pytest.raises(ValueError, match="unknown export format"):
        export(make_graph(), "pdf")
    with pytest.raises(ValueError):
        default_suffix("pdf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_reproducible(fmt: str) -> None:
    first, second = export(make_graph(), fmt), export(make_graph(), fmt)
    assert first == second
    assert first


def test_json_keeps_vietnamese_and_round_trips() -> None:
    text = to_json(make_graph())
    assert "Bộ Khoa học và Công nghệ" in text and "\\u" not in text
    assert TaskGraph.model_validate_json(text) == make_graph()


def test_csv_columns_and_rows() -> None:
    data = to_csv(make_graph())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(COLUMNS)
    assert rows[0][:7] == ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Báo cáo về",
                          "Kết quả/Sản phẩm", "Thời hạn"]
    assert len(rows) == 3
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert first["TT"] == "1"
    assert first["Nhiệm vụ"] == TEXT_A
    assert first["Cơ quan chủ trì"] == ("Bộ Khoa học và Công nghệ; "
                                        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương")
    assert first["Cơ quan phối hợp"] == "Bộ Tài chính"
    assert first["Kết quả/Sản phẩm"] == "Chương trình tuyên truyền"
    assert (first["Thời hạn"], first["Hạn (ISO)"], first["Lặp lại"]) == ("Quý II/2025", "2025-06-30", "")
    assert first["Nguồn"] == "03/NQ-CP, Chương trình hành động / II / 1 / a"
    assert first["Vị trí"] == "4100–4290"
    second = dict(zip(COLUMNS, rows[2], strict=True))
    assert second["Báo cáo về"] == "Thủ tướng Chính phủ"
    assert second["Lặp lại"] == "FREQ=MONTHLY;BYMONTHDAY=25"
    assert second["Hạn (ISO)"] == ""


def test_xlsx_opens_with_header_and_rows() -> None:
    wb = load_workbook(io.BytesIO(to_xlsx(make_graph())))
    ws = wb["Nhiệm vụ"]
    header = [c.value for c in ws[1]]
    assert header == list(COLUMNS)
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["B"].width > 40
    assert ws.max_row == 3
    assert ws["A2"].value == 1
    assert ws["B2"].value == TEXT_A
    assert ws["B2"].alignment.wrap_text
    assert ws["I3"].value == "FREQ=MONTHLY;BYMONTHDAY=25"
    info = {row[0]: row[1] for row in wb["Văn bản"].iter_rows(values_only=True)}
    assert info["Số"] == "03/NQ-CP"
    assert info["Cơ quan ban hành"] == "Chính phủ"


def test_ics_has_vtodos_with_due_and_rrule() -> None:
    data = to_ics(make_graph())
    cal = Calendar.from_ical(data)
    todos = list(cal.walk("VTODO"))
    assert len(todos) == 2
    dated, recurring = todos
    assert dated.decoded("due") == dt.date(2025, 6, 30)
    assert str(dated["summary"]).startswith("Xây dựng, triển khai và tổ chức")
    assert "Bộ Tài chính" in str(dated["description"])
    assert "03/NQ-CP, Chương trình hành động / II / 1 / a" in str(dated["description"])
    assert [str(c) for c in dated["categories"].cats] == [BKHCN.name, UBND.name]  # comma in a name survives
    assert dated["uid"] == "03_nq_cp--task__att_1__sec_II__item_1__point_a@vbpl-extract"
    assert dated.decoded("dtstamp") == dt.datetime(2025, 1, 9, tzinfo=dt.timezone.utc)
    assert "due" not in recurring
    assert recurring["rrule"].to_ical() == b"FREQ=MONTHLY;BYMONTHDAY=25"
    assert recurring.decoded("dtstart") == dt.date(2025, 1, 25)  # first 25th on or after the issue date


def test_ics_skips_tasks_without_deadline_and_bad_rrule() -> None:
    graph = make_graph()
    graph.tasks[0].deadline = None
    graph.tasks[1].deadline = Deadline(kind="recurring", rrule="NOT A RULE", text="định kỳ")
    todos = list(Calendar.from_ical(to_ics(graph)).walk("VTODO"))
    assert len(todos) == 1
    assert "rrule" not in todos[0]


def test_graphml_parses() -> None:
    g = nx.read_graphml(io.BytesIO(to_graphml(make_graph())))
    assert g.nodes["doc"] == {"type": "document", "label": "03/NQ-CP"}
    assert g.nodes["agency:bo_khoa_hoc_va_cong_nghe"]["label"] == "Bộ Khoa học và Công nghệ"
    edge_types = sorted(d["type"] for _, _, d in g.edges(data=True))
    assert edge_types == ["contains", "contains", "contains", "lead", "lead"]


def test_graph_formats_derive_a_graph_when_missing() -> None:
    g = nx.read_graphml(io.BytesIO(to_graphml(make_graph(with_graph=False))))
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert types == {"document", "task", "agency"}
    assert {d["type"] for _, _, d in g.edges(data=True)} == {"contains", "lead", "coordinates", "reports_to"}
    assert to_mermaid(make_graph(with_graph=False)).startswith("flowchart LR\n")


def test_mermaid_ids_and_labels() -> None:
    text = to_mermaid(make_graph())
    assert text.startswith("flowchart LR\n")
    lines = text.splitlines()
    assert '    n_doc[["03/NQ-CP"]]' in lines
    # ids sanitised (":" dropped, "end" keyword avoided), quotes / # / <> escaped, labels cut to 60 chars
    assert '    n_end["Mục #quot;end#quot; #35;1"]' in lines
    assert "    n_agency_bo_khoa_hoc_va_cong_nghe ==>|lead| n_task__att_1__sec_II__item_1__point_a" in lines
    task_b = next(line for line in lines if line.startswith("    n_task__att_1__sec_III"))
    label = task_b.split('("', 1)[1].rsplit('")', 1)[0]
    assert '"' not in label and "<" not in label
    assert label.endswith("…")
    assert len(label.replace("#quot;", '"')) <= 60


def test_write_adds_suffix(tmp_path) -> None:
    path = write(make_graph(), "csv", tmp_path / "03-NQ-CP")
    assert path.name == "03-NQ-CP.csv"
    assert path.read_bytes() == to_csv(make_graph())
    json_path = write(make_graph(), "json", tmp_path / "out.json")
    assert json_path.read_text(encoding="utf-8") == to_json(make_graph())
