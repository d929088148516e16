"""The output contract: pydantic models that are the source of truth for the JSON.

Every fact carries a ``span``: ``[start, end)`` offsets into the *source text* (the decoded
file for .txt/.md; the reader's text rendering for .html/.docx/.pdf, which
``vbpl-extract extract --text`` prints). ``schemas/task-graph.schema.json`` is generated
from :class:`TaskGraph`; ``tests/test_models.py`` fails when the two drift.

Example (03/NQ-CP)::

    {"schema_version": "1.1.0",
     "document": {"number": "03/NQ-CP", "type": "Nghị quyết", "date": "2025-01-09", ...},
     "structure": [{"id": "art_1", "kind": "article", "num": "1", ...}],
     "tasks": [{"id": "task__att_1__sec_II__item_1__point_a", "lead": [...], ...}]}
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION = "1.1.0"

Span = tuple[int, int]
"""``[start, end)`` character offsets into the source text."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class AgencyRef(_Model):
    """One agency as written in the text, resolved to the gazetteer when possible.

    ``Bộ KH&CN`` at [120, 128) -> ``{"id": "bo_khoa_hoc_va_cong_nghe",
    "name": "Bộ Khoa học và Công nghệ", "text": "Bộ KH&CN", "span": [120, 128]}``
    """

    id: str | None = Field(None, description="Canonical id from the agency data file; 'unknown:<slug>' for bodies found by pattern only")
    name: str = Field(description="Canonical full name (e.g. 'Bộ Khoa học và Công nghệ')")
    text: str = Field(description="The mention as written")
    span: Span | None = Field(None, description="[start, end) in the source text; null when inherited from elsewhere")
    kind: str | None = Field(None, description="ministry, government, province, department, collective, party, ...")
    known: bool = Field(True, description="True when the agency is in the data file, False when found by pattern")
    origin: str | None = Field(None, description="How it was found: gazetteer, pattern, office_holder, list_split, header ...")


DeadlineKind = Literal[
    "date", "month", "quarter", "half_year", "year", "period", "relative", "recurring", "ongoing"
]


class Deadline(_Model):
    """A deadline or recurrence: ``trước ngày 25 hằng tháng`` -> recurring, FREQ=MONTHLY;BYMONTHDAY=25."""

    kind: DeadlineKind
    due: str | None = Field(None, description="ISO date: the last day on which the task is on time")
    rrule: str | None = Field(None, description="iCalendar RRULE for recurring deadlines")
    text: str
    span: Span | None = None
    origin: str | None = Field(None, description="own text, inherited from lead-in/heading, table column ...")


class Mention(_Model):
    """Where a reference is cited: the text as written and its span."""

    text: str
    span: Span
    relation: str = "mention"
    node_id: str | None = None
    pinpoint: str | None = Field(None, description="Units of the cited document named with it: 'khoản 3 Điều 12 Nghị định số 45/2020/NĐ-CP' -> 'art_12__para_3' (comma-separated for a list)")


class Reference(_Model):
    """A document cited by this one: ``Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị``."""

    id: str
    number: str | None = None
    type: str | None = None
    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    relation: str = Field("mention", description="can_cu, implements, amends, repeals, replaces, guides, mention, self, internal")
    target: str | None = Field(None, description="For self/internal references: 'self', the attachment's node id ('att_1'; 'attachment' when the document has none), or the structure node id cited ('art_1__para_2')")
    url: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class Node(_Model):
    """One unit of the structure tree: ``Điều 2`` -> ``{"id": "art_2", "kind": "article", "num": "2"}``."""

    id: str
    kind: str = Field(description="part, chapter, section, subsection, article, clause, point, item, bullet, appendix, attachment, table, row, cell, block, heading, intro, wrapup")
    num: str | None = Field(None, description="The number as written ('1a', 'II', 'đ')")
    num_norm: str | None = Field(None, description="The number normalised for ids ('1a', 'II', 'dd')")
    heading: str | None = None
    text: str = Field("", description="Normalised text of the unit's own paragraph(s), without children")
    span: Span = Field(description="Whole unit, marker and children included")
    text_span: Span | None = Field(None, description="Span of `text` alone; normalising source[text_span] gives `text`")
    heading_span: Span | None = None
    children: list[Node] = Field(default_factory=list)
    cells: list[str] | None = Field(None, description="For table rows: the normalised cell texts")
    cell_spans: list[Span] | None = None
    header: list[str] | None = Field(None, description="For tables: the header row's cell texts")
    agencies: list[AgencyRef] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list, description="Ids of references cited in this unit's own text")
    # not part of the JSON: the offset maps the structure stage builds (``clean.Fragment``)
    _fragment: Any = PrivateAttr(default=None)
    _cell_fragments: Any = PrivateAttr(default=None)

    @property
    def fragment(self) -> Any:
        """``text`` with the source offset of every character (a ``clean.Fragment``), or None."""
        # read from pydantic's store of private attributes directly: ``self._fragment`` goes through
        # BaseModel.__getattr__ (read ~24,000 times on the bench sample)
        return self.__pydantic_private__["_fragment"]

    @property
    def cell_fragments(self) -> list[Any]:
        """For table rows: one ``clean.Fragment`` per cell."""
        return self.__pydantic_private__["_cell_fragments"] or []

    def set_fragment(self, fragment: Any, cells: list[Any] | None = None) -> None:
        """Attach the offset map of ``text`` (and, for rows, of each cell); the structure stage calls this."""
        self._fragment = fragment
        if cells is not None:
            self._cell_fragments = cells


class Signature(_Model):
    mode: str | None = Field(None, description="TM., KT., Q., TL., TUQ., T/M as written")
    authority: str | None = Field(None, description="The body signed for ('CHÍNH PHỦ' in 'TM. CHÍNH PHỦ')")
    position: str | None = Field(None, description="Signer's position ('PHÓ THỦ TƯỚNG')")
    name: str | None = None
    span: Span | None = None


class DocumentInfo(_Model):
    """The header: số ký hiệu, loại, cơ quan ban hành, ngày, người ký, trích yếu, nơi nhận."""

    number: str | None = None
    number_span: Span | None = None
    type: str | None = None
    type_code: str | None = None
    issuer: AgencyRef | None = None
    parent_issuer: AgencyRef | None = None
    date: str | None = None
    date_span: Span | None = None
    place: str | None = None
    signer: str | None = None
    signature: Signature | None = None
    title: str | None = None
    title_span: Span | None = None
    addressees: list[str] = Field(default_factory=list, description="'Kính gửi' lines")
    addressee_agencies: list[AgencyRef] = Field(default_factory=list)
    preamble: list[str] = Field(default_factory=list, description="'Căn cứ ...' lines")
    enacting_formula: str | None = None
    recipients: list[str] = Field(default_factory=list, description="The 'Nơi nhận' list")
    body_span: Span | None = Field(None, description="Where the document itself starts and ends in the source")
    provenance: dict[str, str] = Field(default_factory=dict, description="Fields not read from the document's own header, and where they came from")


class Task(_Model):
    """One task: who must do what, with whom, by when, from which text."""

    id: str
    text: str
    unit: str = Field(description="Where it sits, as written: 'Chương trình hành động / II / 1 / a'")
    unit_id: str | None = Field(None, description="Id of the structure node the task comes from")
    span: Span
    action: str | None = Field(None, description="Leading verb phrase: 'Xây dựng, trình ban hành'")
    lead: list[AgencyRef] = Field(default_factory=list)
    coordinators: list[AgencyRef] = Field(default_factory=list)
    report_to: list[AgencyRef] = Field(default_factory=list)
    deadline: Deadline | None = None
    product: str | None = None
    references: list[str] = Field(default_factory=list, description="Ids of references cited by the task")
    context: str | None = Field(None, description="Group heading or lead-in the task sits under")
    provenance: dict[str, str] = Field(default_factory=dict, description="Which rule produced each field")
    doubt: str | None = None


class GraphNode(_Model):
    id: str
    type: Literal["document", "unit", "task", "agency", "reference"]
    label: str


class GraphEdge(_Model):
    source: str
    target: str
    type: Literal["contains", "lead", "coordinates", "reports_to", "cites", "same_as"]


class Graph(_Model):
    nodes: list[GraphNode] = Field(default_factory=list)
    edges: list[GraphEdge] = Field(default_factory=list)


class OcrPage(_Model):
    """One OCR'd page: ``{"page": 1, "mean_confidence": 94.7, "seconds": 2.1}``."""

    page: int = Field(description="1-based page (or image frame) number")
    mean_confidence: float | None = Field(None, description="Mean Tesseract word confidence, 0-100; null when no word was read")
    seconds: float = Field(description="Time the OCR engine took for the page")


class OcrInfo(_Model):
    """How the source text was read from page images: ``{"engine": "tesseract", "version": "5.3.0", ...}``."""

    engine: str = "tesseract"
    version: str | None = None
    language: str = Field("vie", description="Tesseract language model")
    dpi: int | None = Field(None, description="Resolution PDF pages were rendered at")
    pages: list[OcrPage] = Field(default_factory=list)


class SourceInfo(_Model):
    path: str
    format: str = Field(description="The file's own format ('pdf', 'doc', 'jpeg' ...), also when it was converted or OCR'd")
    encoding: str | None = None
    sha256: str | None = None
    length: int = Field(description="Length of the source text in characters")
    converted_to: str | None = Field(None, description="'docx' when the file (.doc/.rtf/.odt) was converted before reading")
    converter: str | None = Field(None, description="The converting program ('LibreOffice 7.4.7.2')")
    ocr: OcrInfo | None = Field(None, description="Set when the source text is OCR text (scanned PDF, page image)")


class TaskGraph(_Model):
    """The whole output for one document."""

    schema_version: str = SCHEMA_VERSION
    pipeline_version: str | None = None
    source: SourceInfo
    document: DocumentInfo
    structure: list[Node] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    agencies: list[AgencyRef] = Field(default_factory=list, description="Distinct agencies mentioned (first mention's span)")
    graph: Graph = Field(default_factory=Graph)
    warnings: list[str] = Field(default_factory=list)


Node.model_rebuild()
