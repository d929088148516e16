"""Export a :class:`~vbpl_extract.models.TaskGraph` to the formats legal staff and tools use.

Every exporter is a pure function of the graph: the same input gives the same bytes (no clock,
no random ids), so exports can be diffed and cached.

>>> text = to_csv(graph)  # doctest: +SKIP
>>> text.decode("utf-8-sig").splitlines()[0]  # doctest: +SKIP
'TT,Nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Báo cáo về,Kết quả/Sản phẩm,Thời hạn,Hạn (ISO),Lặp lại,Nguồn,Vị trí'

Text formats (``json``, ``mermaid``) are returned as ``str``; the others as ``bytes`` (CSV is UTF-8
with a BOM so that Excel opens Vietnamese text correctly). :func:`write` saves either kind.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import regex
from dateutil.rrule import rrulestr
from icalendar import Calendar, Todo, vRecur
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from . import __version__
from .ids import unique
from .models import AgencyRef, Graph, GraphEdge, GraphNode, Task, TaskGraph
from .textutil import slugify

FORMATS: tuple[str, ...] = ("json", "csv", "xlsx", "ics", "graphml", "mermaid")
"""Names accepted by :func:`export` (and by the CLI's ``--format``)."""

_SUFFIXES = {"json": ".json", "csv": ".csv", "xlsx": ".xlsx", "ics": ".ics", "graphml": ".graphml",
             "mermaid": ".mmd"}

COLUMN_KEYS: dict[str, str] = {
    "TT": "n", "Nhiệm vụ": "text", "Cơ quan chủ trì": "lead", "Cơ quan phối hợp": "coordinators",
    "Báo cáo về": "report_to", "Kết quả/Sản phẩm": "product", "Thời hạn": "deadline_text",
    "Hạn (ISO)": "deadline_due", "Lặp lại": "deadline_rrule", "Nguồn": "source_label", "Vị trí": "span",
}
"""Columns of the CSV and XLSX task tables (in the order legal staff read them) -> :func:`task_records` keys."""

COLUMNS: tuple[str, ...] = tuple(COLUMN_KEYS)

_COLUMN_WIDTHS = (5, 70, 32, 32, 24, 32, 22, 12, 26, 34, 14)

_FIXED_STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
"""DTSTAMP / file timestamps when the document has no date: fixed, so outputs are reproducible."""

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


# --------------------------------------------------------------------------- helpers

def default_suffix(fmt: str) -> str:
    """File suffix (with the dot) for a format: ``default_suffix("mermaid") == ".mmd"``."""
    try:
        return _SUFFIXES[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}") from None


def _names(agencies: Sequence[AgencyRef]) -> str:
    """``[Bộ Tài chính, Bộ Công an]`` -> ``"Bộ Tài chính; Bộ Công an"`` (duplicates dropped)."""
    return "; ".join(dict.fromkeys(a.name for a in agencies))


def _doc_date(graph: TaskGraph) -> dt.date | None:
    try:
        return dt.date.fromisoformat(graph.document.date) if graph.document.date else None
    except ValueError:
        return None


def _source_label(graph: TaskGraph, task: Task) -> str:
    """``"03/NQ-CP, Chương trình hành động / II / 1 / a"``; the file name stands in for a missing number."""
    doc = graph.document.number or Path(graph.source.path).name
    return f"{doc}, {task.unit}" if task.unit else doc


def _span_label(task: Task) -> str:
    return f"{task.span[0]}–{task.span[1]}"


def task_records(graph: TaskGraph | dict[str, Any]) -> list[dict[str, Any]]:
    """The one flat view of a document's tasks: one dict per task (agencies as lists of names), read by
    the CSV/XLSX tables, batch's ``tasks.jsonl`` and the ``tasks`` command's table. Takes a
    :class:`TaskGraph` or its JSON form (any extractor's output; missing parts are None).

    >>> from vbpl_extract.pipeline import extract_text
    >>> g = extract_text("Điều 2. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát hồ sơ trước ngày 15/12/2025.")
    >>> r = task_records(g)[0]
    >>> r["lead"], r["coordinators"], r["deadline_due"], r["unit"]
    (['Sở Tài chính'], ['Sở Nội vụ'], '2025-12-15', 'Điều 2')
    """
    data = graph.model_dump(mode="json", include={"document", "source", "tasks"}) if isinstance(graph, TaskGraph) else graph
    doc = data.get("document") or {}
    source = data.get("source") or {}
    issuer = doc.get("issuer") or {}

    def names(agencies: list[dict[str, Any]] | None) -> list[str]:
        return [a.get("name") or a.get("text") or "" for a in agencies or []]

    out = []
    for i, task in enumerate(data.get("tasks") or [], 1):
        deadline = task.get("deadline") or {}
        span = task.get("span")
        label = doc.get("number") or Path(source.get("path") or "").name
        out.append({
            "n": i,
            "document_number": doc.get("number"),
            "document_type": doc.get("type"),
            "document_date": doc.get("date"),
            "issuer": issuer.get("name"),
            "source_path": source.get("path"),
            "task_id": task.get("id"),
            "text": task.get("text"),
            "unit": task.get("unit"),
            "unit_id": task.get("unit_id"),
            "action": task.get("action"),
            "lead": names(task.get("lead")),
            "coordinators": names(task.get("coordinators")),
            "report_to": names(task.get("report_to")),
            "deadline_kind": deadline.get("kind"),
            "deadline_due": deadline.get("due"),
            "deadline_rrule": deadline.get("rrule"),
            "deadline_text": deadline.get("text"),
            "product": task.get("product"),
            "context": task.get("context"),
            "references": list(task.get("references") or []),
            "source_label": f"{label}, {task['unit']}" if task.get("unit") else label,
            "span": f"{span[0]}–{span[1]}" if span else "",
        })
    return out


def _cell(value: Any) -> str:
    """A record value as table text: names joined by "; " (each once), None as ''."""
    if isinstance(value, list):
        return "; ".join(dict.fromkeys(str(v) for v in value))
    return "" if value is None else str(value)


def task_rows(graph: TaskGraph) -> list[list[str]]:
    """One row of :data:`COLUMNS` per task (from :func:`task_records`), all cells as strings ('' for missing).

    ``["1", "Xây dựng, trình ban hành Nghị định ...", "Bộ Khoa học và Công nghệ", "Bộ Tài chính", "",
    "Nghị định", "Quý II/2025", "2025-06-30", "", "03/NQ-CP, Phụ lục I / TT 3", "10230–10512"]``
    """
    return [[_cell(r[key]) for key in COLUMN_KEYS.values()] for r in task_records(graph)]


# --------------------------------------------------------------------------- json / csv / xlsx

def to_json(graph: TaskGraph) -> str:
    """The output contract as JSON: indent 2, Vietnamese kept as is (``"Bộ Tài chính"``, not ``\\u1ed9``)."""
    return graph.model_dump_json(indent=2) + "\n"


def to_csv(graph: TaskGraph) -> bytes:
    """The task table as CSV, UTF-8 with BOM and CRLF line ends (what Excel expects)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(task_rows(graph))
    return buf.getvalue().encode("utf-8-sig")


class _FixedTimeZip(zipfile.ZipFile):
    """A ZipFile whose members all carry the same timestamp, so an .xlsx is byte-for-byte reproducible."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):  # type: ignore[no-untyped-def,override]
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo = zipfile.ZipInfo(zinfo_or_arcname, date_time=_ZIP_EPOCH)
            zinfo.compress_type = self.compression
            zinfo.external_attr = 0o600 << 16
            zinfo_or_arcname = zinfo
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):  # type: ignore[no-untyped-def,override]
        self.writestr(arcname or Path(filename).name, Path(filename).read_bytes(), compress_type, compresslevel)


def _xml_text(value: str) -> str:
    """Control characters that XML 1.0 (so a worksheet or GraphML) cannot hold dropped: ``"Điều 1\x08"`` ->
    ``"Điều 1"`` (openpyxl and lxml refuse them; a .txt source may carry them)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def to_xlsx(graph: TaskGraph) -> bytes:
    """The task table as an Excel workbook: sheet ``Nhiệm vụ`` (bold frozen header, widths, wrapped
    text) and sheet ``Văn bản`` with the header fields (Số, Loại, Cơ quan ban hành, Ngày, Người ký ...)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.append(list(COLUMNS))
    for row in task_rows(graph):
        ws.append([int(row[0]), *map(_xml_text, row[1:])])
    for cell in ws[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    for i, width in enumerate(_COLUMN_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    if graph.tasks:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(graph.tasks) + 1}"

    info = wb.create_sheet("Văn bản")
    doc = graph.document
    for label, value in (
        ("Số", doc.number), ("Loại", doc.type), ("Cơ quan ban hành", doc.issuer.name if doc.issuer else None),
        ("Ngày ban hành", doc.date), ("Người ký", doc.signer), ("Trích yếu", doc.title),
        ("Tệp nguồn", graph.source.path), ("SHA-256", graph.source.sha256),
        ("Số nhiệm vụ", str(len(graph.tasks))), ("Phiên bản", graph.pipeline_version or __version__),
    ):
        info.append([label, _xml_text(value or "")])
    for cell in info["A"]:
        cell.font = bold
    info.column_dimensions["A"].width = 20
    info.column_dimensions["B"].width = 90
    for row in info.iter_rows():
        for cell in row:
            cell.alignment = wrap

    stamp = dt.datetime.combine(_doc_date(graph) or _FIXED_STAMP.date(), dt.time())
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = "vbpl_extract"
    buf = io.BytesIO()
    with _FixedTimeZip(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return buf.getvalue()


# --------------------------------------------------------------------------- ics

def _summary(task: Task, max_words: int = 12, max_chars: int = 90) -> str:
    """``"Xây dựng, trình ban hành Nghị định quy định chi tiết ..."``: the action plus the first words."""
    words = task.text.split()
    head = " ".join(words[:max_words])
    if len(words) > max_words:
        head += " …"
    if task.action and not task.text.startswith(task.action):
        head = f"{task.action}: {head}"
    return head if len(head) <= max_chars else head[: max_chars - 1].rstrip() + "…"


def _description(graph: TaskGraph, task: Task) -> str:
    lines = [task.text, ""]
    for label, value in (
        ("Chủ trì", _names(task.lead)),
        ("Phối hợp", _names(task.coordinators)),
        ("Báo cáo về", _names(task.report_to)),
        ("Sản phẩm", task.product or ""),
        ("Thời hạn", task.deadline.text if task.deadline else ""),
        ("Lặp lại", (task.deadline.rrule or "") if task.deadline else ""),
        ("Nguồn", _source_label(graph, task)),
        ("Vị trí", _span_label(task)),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)


def _uid(graph: TaskGraph, task: Task) -> str:
    """``03_nq_cp--task__att_1__sec_II__item_1__point_a@vbpl-extract``: stable across runs."""
    doc = slugify(graph.document.number or "") or (graph.source.sha256 or "")[:16] or slugify(
        Path(graph.source.path).stem) or "document"
    return f"{doc}--{task.id}@vbpl-extract"


def _first_occurrence(rule: str, start: dt.date) -> dt.date | None:
    """First date on or after ``start`` that ``rule`` gives (DTSTART must match the RRULE)."""
    try:
        after = rrulestr(rule, dtstart=dt.datetime.combine(start, dt.time())).after(
            dt.datetime.combine(start, dt.time()), inc=True)
    except (ValueError, TypeError):
        return None
    return after.date() if after else None


def _parse_rrule(rule: str) -> vRecur | None:
    """``"FREQ=MONTHLY;BYMONTHDAY=25"`` -> vRecur; None for text that is not a valid RRULE."""
    rule = rule.removeprefix("RRULE:")
    try:
        recur = vRecur.from_ical(rule)
        rrulestr(rule, dtstart=dt.datetime(2000, 1, 1))  # vRecur.from_ical accepts almost anything
    except (ValueError, TypeError):
        return None
    return recur if "FREQ" in recur else None


def to_ics(graph: TaskGraph) -> bytes:
    """An iCalendar VCALENDAR with one VTODO per task that has a deadline.

    ``Trước ngày 25 hằng tháng`` -> ``RRULE:FREQ=MONTHLY;BYMONTHDAY=25`` (DTSTART: the first 25th on or
    after the issue date); ``trước ngày 15/12/2025`` -> ``DUE;VALUE=DATE:20251215``. DTSTAMP is the
    document date (or a fixed date), so the file is reproducible byte for byte.
    """
    doc = graph.document
    issued = _doc_date(graph)
    stamp = dt.datetime.combine(issued, dt.time(), tzinfo=dt.timezone.utc) if issued else _FIXED_STAMP
    cal = Calendar()
    cal.add("prodid", f"-//vbpl_extract//vbpl_extract {__version__}//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = " ".join(x for x in (doc.type, doc.number) if x) or Path(graph.source.path).name
    cal.add("x-wr-calname", " ".join(name.split()) or "vbpl_extract")  # one content line, whatever the path holds
    for task in graph.tasks:
        deadline = task.deadline
        if deadline is None:
            continue
        todo = Todo()
        todo.add("uid", _uid(graph, task))
        todo.add("dtstamp", stamp)
        todo.add("summary", _summary(task))
        todo.add("description", _description(graph, task))
        todo.add("status", "NEEDS-ACTION")
        if deadline.due:
            with contextlib.suppress(ValueError):
                todo.add("due", dt.date.fromisoformat(deadline.due))
        recur = _parse_rrule(deadline.rrule) if deadline.rrule else None
        if recur is not None and deadline.rrule:
            first = _first_occurrence(deadline.rrule.removeprefix("RRULE:"), issued) if issued else None
            if first is not None:
                todo.add("dtstart", first)
            todo.add("rrule", recur)
        leads = list(dict.fromkeys(a.name for a in task.lead))
        if leads:
            todo.add("categories", leads)
        cal.add_component(todo)
    return cal.to_ical()


# --------------------------------------------------------------------------- graph formats

def _derived_graph(graph: TaskGraph) -> Graph:
    """A minimal document → task → agency graph, used when ``graph.graph`` is empty (before graph.py ran)."""
    nodes: dict[str, GraphNode] = {}
    edges: list[GraphEdge] = []
    doc_id = "doc"
    nodes[doc_id] = GraphNode(id=doc_id, type="document",
                              label=graph.document.number or Path(graph.source.path).name)
    relations: tuple[tuple[str, Callable[[Task], list[AgencyRef]]], ...] = (
        ("lead", lambda t: t.lead), ("coordinates", lambda t: t.coordinators),
        ("reports_to", lambda t: t.report_to))
    for task in graph.tasks:
        nodes[task.id] = GraphNode(id=task.id, type="task", label=task.text)
        edges.append(GraphEdge(source=doc_id, target=task.id, type="contains"))
        for edge_type, get in relations:
            for agency in get(task):
                agency_id = f"agency:{agency.id or slugify(agency.name)}"
                nodes.setdefault(agency_id, GraphNode(id=agency_id, type="agency", label=agency.name))
                # the agency is the actor: lead/coordinates point from agency to task, reports_to from task
                edge = (GraphEdge(source=task.id, target=agency_id, type="reports_to") if edge_type == "reports_to"
                        else GraphEdge(source=agency_id, target=task.id, type=edge_type))  # type: ignore[arg-type]
                edges.append(edge)
    return Graph(nodes=list(nodes.values()), edges=edges)


def _graph(graph: TaskGraph) -> Graph:
    return graph.graph if graph.graph.nodes else _derived_graph(graph)


def to_networkx(graph: TaskGraph) -> nx.MultiDiGraph:
    """The graph as a networkx MultiDiGraph: node attributes ``type``, ``label``; edge attribute ``type``."""
    g = _graph(graph)
    out = nx.MultiDiGraph()
    if graph.document.number:
        out.graph["document"] = _xml_text(graph.document.number)
    for node in g.nodes:
        out.add_node(_xml_text(node.id), type=node.type, label=_xml_text(node.label))
    for i, edge in enumerate(g.edges):
        source, target = _xml_text(edge.source), _xml_text(edge.target)
        for end in (source, target):
            if end not in out:
                out.add_node(end, type="unknown", label=end)
        out.add_edge(source, target, key=f"e{i}", type=edge.type)
    return out


def to_graphml(graph: TaskGraph) -> bytes:
    """GraphML (UTF-8) of the task graph, readable by ``networkx.read_graphml``, yEd, Gephi."""
    buf = io.BytesIO()
    nx.write_graphml(to_networkx(graph), buf, encoding="utf-8")
    return buf.getvalue()


_MERMAID_SHAPES = {
    "document": ('[["', '"]]'),
    "unit": ('["', '"]'),
    "task": ('("', '")'),
    "agency": ('{{"', '"}}'),
    "reference": ('[/"', '"/]'),
}
_MERMAID_ARROWS = {"contains": "-->", "lead": "==>", "coordinates": "-.->", "reports_to": "-->",
                   "cites": "-.->", "same_as": "---"}
_UNSAFE_ID = regex.compile(r"[^A-Za-z0-9_]+")


def _mermaid_label(text: str, limit: int = 60) -> str:
    """``Bộ "A" <b>`` -> ``Bộ #quot;A#quot; #lt;b#gt;``; whitespace collapsed, cut to ``limit`` chars with ``…``."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    for char, entity in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        text = text.replace(char, entity)
    return text


def to_mermaid(graph: TaskGraph) -> str:
    """A ``flowchart LR`` of the graph: ``n_doc[["03/NQ-CP"]] --> n_task__att_1__sec_II("Xây dựng ...")``."""
    g = _graph(graph)
    ids: dict[str, str] = {}
    taken: set[str] = set()

    def safe(node_id: str) -> str:
        if node_id not in ids:
            ids[node_id] = unique("n_" + (_UNSAFE_ID.sub("_", node_id).strip("_") or "x"), taken)
        return ids[node_id]

    lines = ["flowchart LR"]
    for node in g.nodes:
        open_, close = _MERMAID_SHAPES.get(node.type, ('["', '"]'))
        lines.append(f"    {safe(node.id)}{open_}{_mermaid_label(node.label)}{close}")
        lines.append(f"    class {safe(node.id)} {node.type}")
    for edge in g.edges:
        arrow = _MERMAID_ARROWS.get(edge.type, "-->")
        lines.append(f"    {safe(edge.source)} {arrow}|{edge.type}| {safe(edge.target)}")
    lines += [
        "    classDef document fill:#fde68a,stroke:#92400e",
        "    classDef task fill:#e0f2fe,stroke:#0369a1",
        "    classDef agency fill:#dcfce7,stroke:#166534",
        "    classDef reference fill:#f3e8ff,stroke:#6b21a8",
        "    classDef unit fill:#f1f5f9,stroke:#475569",
    ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- dispatch

_EXPORTERS: dict[str, Callable[[TaskGraph], bytes | str]] = {
    "json": to_json, "csv": to_csv, "xlsx": to_xlsx, "ics": to_ics, "graphml": to_graphml,
    "mermaid": to_mermaid,
}


def export(graph: TaskGraph, fmt: str) -> bytes | str:
    """Export ``graph`` in ``fmt`` (one of :data:`FORMATS`): ``export(graph, "ics")`` -> ``b"BEGIN:VCALENDAR..."``."""
    try:
        exporter = _EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}") from None
    return exporter(graph)


def to_bytes(data: bytes | str) -> bytes:
    """What :func:`export` returned, as bytes to write (``str`` is encoded as UTF-8)."""
    return data if isinstance(data, bytes) else data.encode("utf-8")


def write(graph: TaskGraph, fmt: str, path: str | Path) -> Path:
    """Export and save: ``write(graph, "xlsx", "out/03-NQ-CP")`` writes ``out/03-NQ-CP.xlsx`` (suffix added
    when the path has none)."""
    path = Path(path)
    if not path.suffix:
        path = path.with_suffix(default_suffix(fmt))
    path.write_bytes(to_bytes(export(graph, fmt)))
    return path
