"""Score the pipeline against the gold annotations (``../shared/corpus/gold/*.json``).

The gold format is described in ``shared/spec/annotation-guide.md``. A gold task is matched to a
predicted task by its *anchor*, the first words of the task copied from the text:

>>> norm_anchor("**Xây dựng,  triển khai** và tổ chức triển khai chương trình tuyên truyền")
'Xây dựng, triển khai và tổ chức triển khai chương trình tuyên truyền'
>>> same_agency("Uỷ ban nhân dân các tỉnh", "các Ủy ban nhân dân các tỉnh")
True

``evaluate(gold_dir, corpus_dir)`` runs the extractor on every gold file's source and returns an
:class:`EvalReport` (per-document and overall precision / recall / F1 and accuracies);
``render_table`` and ``format_markdown`` print it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, computed_field
from rich.table import Table

from .agencies import lookup_agency
from .clean import without_lookalikes
from .errors import InputNotFoundError, SchemaValidationError
from .models import AgencyRef, Deadline, DocumentInfo, Reference, SourceInfo, Task, TaskGraph
from .pipeline import extract_file
from .textutil import fold_tones, nfc

# --------------------------------------------------------------------------- gold format


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldDocument(_Gold):
    """``{"number": "223/CĐ-TTg", "type": "Công điện", "issuer": "Thủ tướng Chính phủ", "date": "2025-11-20",
    "signer": "Hồ Quốc Dũng"}``"""

    number: str | None = None
    type: str | None = None
    issuer: str | None = None
    date: str | None = None
    signer: str | None = None


class GoldReference(_Gold):
    """``{"number": "57-NQ/TW", "type": "Nghị quyết", "issuer": "Bộ Chính trị", "date": "2024-12-22"}``;
    number null and ``title`` set for documents cited by name (``Luật Tổ chức Chính phủ``)."""

    number: str | None = None
    type: str | None = None
    issuer: str | None = None
    date: str | None = None
    title: str | None = None
    doubt: str | None = None


class GoldDeadline(_Gold):
    """``{"text": "Trước ngày 25 hằng tháng", "kind": "recurring", "due": null, "rrule": "FREQ=MONTHLY;BYMONTHDAY=25"}``"""

    text: str
    kind: str
    due: str | None = None
    rrule: str | None = None


class GoldTask(_Gold):
    """One annotated task; ``doubt`` marks it optional for scoring."""

    anchor: str
    unit: str | None = None
    lead: list[str] = Field(default_factory=list)
    coordinators: list[str] = Field(default_factory=list)
    deadline: GoldDeadline | None = None
    report_to: list[str] = Field(default_factory=list)
    product: str | None = None
    doubt: str | None = None


class GoldFile(_Gold):
    """A whole gold file; ``source`` is relative to the corpus root (``seeds/002_de0112566d14e356.txt``)."""

    source: str
    document: GoldDocument
    references: list[GoldReference] = Field(default_factory=list)
    tasks: list[GoldTask] = Field(default_factory=list)


def load_gold(path: str | Path) -> GoldFile:
    """Read and validate one gold file (pydantic raises on unknown or missing keys)."""
    return GoldFile.model_validate_json(Path(path).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- normalisation

_WS = regex.compile(r"\s+")


def norm_anchor(text: str) -> str:
    """Anchor / task-text key: NFC, markdown ``**``, ``*`` and ``|`` dropped, tones folded, spaces collapsed.

    ``norm_anchor("| Xây dựng | Bộ KH&CN |") == "Xây dựng Bộ KH&CN"``; ``Uỷ`` and ``Ủy`` give the same key; so do
    a text layer's lookalike letters and the ones they stand for (``"đƣợc"`` and ``"được"``: the pipeline reads a copy
    with them replaced, an annotator copies the source).
    """
    text = without_lookalikes(nfc(text)).replace("*", "").replace("|", " ")
    return fold_tones(_WS.sub(" ", text).strip())


_LEADING_CAC = regex.compile(r"^các\s+")


def norm_text(text: str | None) -> str | None:
    """Case-, tone-placement- and space-insensitive key: ``"Các  Bộ, NGÀNH"`` -> ``"bộ, ngành"``."""
    if text is None:
        return None
    key = fold_tones(_WS.sub(" ", nfc(text)).strip()).casefold().strip(" .,;:")
    return _LEADING_CAC.sub("", key)


def norm_number(number: str | None) -> str | None:
    """Document number key: ``"03 / NQ-CP"`` and ``"03/nq–cp"`` -> ``"03/nq-cp"``."""
    if number is None:
        return None
    key = regex.sub(r"[\s\u200b]+", "", fold_tones(nfc(number))).casefold()
    key = regex.sub(r"[\u2010-\u2015\u2212]", "-", key)
    return regex.sub(r"^số", "", key) or None


# --------------------------------------------------------------------------- scores


class PRF(BaseModel):
    """Counts with precision / recall / F1. Nothing predicted and nothing expected counts as perfect (1.0)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else 1.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


class Accuracy(BaseModel):
    """``correct`` out of ``total``; ``value`` is None when there was nothing to score."""

    correct: int = 0
    total: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(correct=self.correct + other.correct, total=self.total + other.total)

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1


def _sum_prf(items: Iterable[PRF | None]) -> PRF | None:
    present = [x for x in items if x is not None]
    return sum(present[1:], present[0]) if present else None


def _sum_acc(items: Iterable[Accuracy]) -> Accuracy:
    return sum(items, Accuracy())


# --------------------------------------------------------------------------- task matching


def norm_unit(unit: str | None) -> str | None:
    """Unit key: ``"Phụ lục II / TT 57"`` and ``"phụ lục II/TT 57"`` -> ``"phụ lục ii/tt 57"``; '' -> None."""
    key = norm_text(unit)
    return regex.sub(r"\s*/\s*", "/", key) if key else None


def match_tasks(gold: Sequence[GoldTask], predicted: Sequence[Task]) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, predicted index)`` pairs, a gold anchor matching a prediction whose
    normalised text starts with the normalised anchor.

    Predictions are taken in document order (span start). Gold tasks that share an anchor (a programme
    point and the appendix row that restates it) take the matching predictions in order; a prediction
    whose ``unit`` equals the gold unit (``Phụ lục II / TT 57``) is paired first, so that finding only
    the appendix row does not score it against the programme point. Longer anchors are placed first,
    so that ``"Xây dựng Đề án"`` cannot take ``"Xây dựng Đề án Việt Nam chủ động ..."`` from a longer anchor.
    A certain gold task left without a prediction takes it back from an optional one ("doubt": a plan
    point restated by the appendix row that is the certain task), which then looks for another.
    """
    pred_keys = [norm_anchor(t.text) for t in predicted]
    pred_units = [norm_unit(t.unit) for t in predicted]
    pred_order = sorted(range(len(predicted)), key=lambda j: (predicted[j].span[0], j))
    anchors = [norm_anchor(g.anchor) for g in gold]
    gold_units = [norm_unit(g.unit) for g in gold]
    gold_order = sorted(range(len(gold)), key=lambda i: (-len(anchors[i]), i))
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for same_unit in (True, False):
        for i in gold_order:
            if i in pairs or not anchors[i] or (same_unit and gold_units[i] is None):
                continue
            for j in pred_order:
                if (j not in used and pred_keys[j].startswith(anchors[i])
                        and (not same_unit or pred_units[j] == gold_units[i])):
                    used.add(j)
                    pairs[i] = j
                    break
    for i in gold_order:  # a certain task is not left out for an optional one
        if i in pairs or not anchors[i] or gold[i].doubt is not None:
            continue
        k = next((k for k, j in pairs.items() if gold[k].doubt is not None and pred_keys[j].startswith(anchors[i])), None)
        if k is None:
            continue
        pairs[i] = pairs.pop(k)
        free = next((j for j in pred_order if j not in used and pred_keys[j].startswith(anchors[k])), None)
        if free is not None:
            used.add(free)
            pairs[k] = free
    return sorted(pairs.items())


# --------------------------------------------------------------------------- agencies


@functools.cache
def agency_id(name: str) -> str | None:
    """Canonical id of an agency name via the gazetteer (``"Bộ KH&CN"`` -> ``"bo_khoa_hoc_va_cong_nghe"``)."""
    entry = lookup_agency(name)
    return entry.id if entry is not None else None


_OWN_PLACE = regex.compile(r"\b(?P<level>(?i:tỉnh|thành phố)) (?P<place>\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){0,3})$")


def document_place(issuer: str | None) -> str | None:
    """The place of a local issuer, as its name ends: ``"Ủy ban nhân dân thành phố Hà Nội"`` -> ``"thành phố hà nội"``."""
    m = _OWN_PLACE.search(issuer or "")
    return norm_text(f"{m['level']} {m['place']}") if m else None


def _without_place(name: str, place: str | None) -> str:
    """``"ủy ban nhân dân thành phố hà nội"`` -> ``"ủy ban nhân dân thành phố"`` in a document of Hà Nội."""
    if place and name.endswith(" " + place):
        level = place.split(" ")[0] if place.startswith("tỉnh ") else "thành phố"
        return name[: -len(place) - 1] + " " + level
    return name


def same_agency(predicted: AgencyRef | str, gold: str, place: str | None = None) -> bool:
    """True when a predicted agency is the gold one: same canonical id (when the gazetteer knows the
    gold name), else same normalised name (``"Uỷ ban nhân dân tỉnh Nghệ An"`` == ``"Ủy ban nhân dân tỉnh Nghệ An"``,
    ``"các bộ, ngành"`` == ``"Các bộ, ngành"``). In a document of a province or city (``place``, see
    :func:`document_place`), a body named by its level only is that place's: "Ủy ban nhân dân thành phố" ==
    "Ủy ban nhân dân thành phố Hà Nội" in a resolution of Hà Nội (annotators write both).

    >>> same_agency("Ủy ban nhân dân Thành phố", "Ủy ban nhân dân thành phố Hà Nội", "thành phố hà nội")
    True
    >>> same_agency("Ủy ban nhân dân Thành phố", "Ủy ban nhân dân thành phố Hà Nội")
    False
    """
    if isinstance(predicted, AgencyRef):
        name = predicted.name
        pid = predicted.id if predicted.id and not predicted.id.startswith("unknown:") else None
    else:
        name, pid = predicted, None
    if norm_text(name) == norm_text(gold):
        return True
    if place and _without_place(norm_text(name), place) == _without_place(norm_text(gold), place):
        return True
    gid = agency_id(gold)
    return gid is not None and gid == (pid or agency_id(name))


def agency_prf(predicted: Sequence[AgencyRef], gold: Sequence[str], place: str | None = None) -> PRF:
    """Micro counts for one task's agency list: ``[Bộ Tài chính, Bộ Công an]`` vs ``["Bộ Tài chính"]`` ->
    tp 1, fp 1, fn 0. Matching is one-to-one (a duplicated prediction is a false positive)."""
    used: set[int] = set()
    tp = 0
    for g in gold:
        for j, p in enumerate(predicted):
            if j not in used and same_agency(p, g, place):
                used.add(j)
                tp += 1
                break
    return PRF(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp)


def same_deadline(predicted: Deadline | None, gold: GoldDeadline | None) -> bool:
    """Kind and due date both equal; no deadline on both sides is correct too.

    ``Deadline(kind="quarter", due="2025-06-30", text="Quý II/2025")`` matches gold
    ``{"kind": "quarter", "due": "2025-06-30"}``; the text and rrule are not compared.
    """
    if predicted is None or gold is None:
        return predicted is None and gold is None
    return predicted.kind == gold.kind and predicted.due == gold.due


# --------------------------------------------------------------------------- references


def _word_prefix(short: str, long: str) -> bool:
    return long.startswith(short) and (len(long) == len(short) or not long[len(short)].isalnum())


def scored_references(refs: Sequence[Reference]) -> list[Reference]:
    """Predicted references that are other documents: not self/internal, not a bare URL."""
    return [r for r in refs
            if r.relation not in ("self", "internal") and r.target is None
            and (r.number or r.title or r.type)]


def match_references(gold: Sequence[GoldReference], predicted: Sequence[Reference]) -> list[tuple[int, int]]:
    """``(gold index, predicted index)`` pairs: by normalised number (``57-NQ/TW``), then for number-less
    gold references by title (``Luật Tổ chức Chính phủ``): equal first, then one a word prefix of the
    other (a predicted title of at least two words)."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    pred_numbers = [norm_number(p.number) for p in predicted]
    pred_titles = [norm_text(p.title) for p in predicted]
    for i, g in enumerate(gold):
        key = norm_number(g.number)
        if key is None:
            continue
        j = next((j for j, n in enumerate(pred_numbers) if j not in used and n == key), None)
        if j is not None:
            used.add(j)
            pairs.append((i, j))
    matched = {i for i, _ in pairs}
    titled = [(i, norm_text(g.title)) for i, g in enumerate(gold)
              if i not in matched and g.number is None and g.title]
    for exact in (True, False):
        for i, title in titled:
            if i in matched or not title:
                continue
            for j, pt in enumerate(pred_titles):
                if j in used or not pt:
                    continue
                ok = pt == title if exact else (
                    _word_prefix(title, pt) or (len(pt.split()) >= 2 and _word_prefix(pt, title)))
                if ok:
                    used.add(j)
                    matched.add(i)
                    pairs.append((i, j))
                    break
    return sorted(pairs)


# --------------------------------------------------------------------------- report models

HEADER_FIELDS = ("number", "type", "issuer", "date", "signer")


class Mismatch(BaseModel):
    """A field of a matched task that differs: which task, which field, gold and predicted value."""

    anchor: str
    field: str
    gold: str
    predicted: str


class DocumentScore(BaseModel):
    """Scores for one gold file."""

    gold: str = Field(description="Gold file name")
    source: str = Field(description="Source path relative to the corpus root")
    number: str | None = Field(None, description="Gold document number")
    error: str | None = Field(None, description="Extractor exception, when it failed (then nothing is predicted)")
    gold_tasks: int = 0
    optional_tasks: int = Field(0, description="Gold tasks marked 'doubt'")
    predicted_tasks: int = 0
    tasks: PRF = Field(default_factory=PRF)
    lead: PRF | None = Field(None, description="Over matched tasks; null when none matched")
    coordinators: PRF | None = None
    report_to: PRF | None = None
    deadline: Accuracy = Field(default_factory=Accuracy)
    product: Accuracy = Field(default_factory=Accuracy)
    references: PRF = Field(default_factory=PRF)
    header: Accuracy = Field(default_factory=Accuracy)
    header_fields: dict[str, bool] = Field(default_factory=dict)
    missed: list[str] = Field(default_factory=list, description="Anchors of required gold tasks not found")
    spurious: list[str] = Field(default_factory=list, description="Predicted tasks matching no gold task (first words)")
    mismatches: list[Mismatch] = Field(default_factory=list)


class OverallScore(BaseModel):
    """Micro-averaged scores over all documents."""

    documents: int = 0
    errors: int = 0
    gold_tasks: int = 0
    optional_tasks: int = 0
    predicted_tasks: int = 0
    tasks: PRF = Field(default_factory=PRF)
    lead: PRF | None = None
    coordinators: PRF | None = None
    report_to: PRF | None = None
    deadline: Accuracy = Field(default_factory=Accuracy)
    product: Accuracy = Field(default_factory=Accuracy)
    references: PRF = Field(default_factory=PRF)
    header: Accuracy = Field(default_factory=Accuracy)
    header_fields: dict[str, Accuracy] = Field(default_factory=dict)


class EvalReport(BaseModel):
    """The result of :func:`evaluate`: ``report.overall.tasks.f1``, ``report.documents[0].lead.f1`` ..."""

    gold_dir: str
    corpus_dir: str
    documents: list[DocumentScore] = Field(default_factory=list)
    overall: OverallScore = Field(default_factory=OverallScore)

    def to_json(self, indent: int = 2) -> str:
        """JSON with Vietnamese kept as is."""
        return self.model_dump_json(indent=indent)


# --------------------------------------------------------------------------- scoring


def _agency_names(agencies: Sequence[AgencyRef]) -> str:
    return "; ".join(a.name for a in agencies)


def _deadline_str(d: Deadline | GoldDeadline | None) -> str:
    return "null" if d is None else f"{d.kind} {d.due or '-'} ({d.text})"


def _first_words(text: str, n: int = 12) -> str:
    return " ".join(text.split()[:n])


def _header_ok(field: str, gold: GoldFile, graph: TaskGraph) -> bool:
    doc, want = graph.document, getattr(gold.document, field)
    if field == "issuer":
        if want is None or doc.issuer is None:
            return want is None and doc.issuer is None
        return same_agency(doc.issuer, want)
    if field == "number":
        return norm_number(want) == norm_number(doc.number)
    if field == "date":
        return want == doc.date
    if field == "signer":
        return norm_text(want) == norm_text(doc.signer or (doc.signature.name if doc.signature else None))
    return norm_text(want) == norm_text(doc.type)


def score_document(gold: GoldFile, graph: TaskGraph, *, name: str = "") -> DocumentScore:
    """Compare one prediction with its gold file (no I/O): tasks, agencies, deadlines, products,
    references and header fields."""
    score = DocumentScore(gold=name, source=gold.source, number=gold.document.number,
                          gold_tasks=len(gold.tasks), optional_tasks=sum(1 for t in gold.tasks if t.doubt),
                          predicted_tasks=len(graph.tasks))
    pairs = match_tasks(gold.tasks, graph.tasks)
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    fn = [t for i, t in enumerate(gold.tasks) if i not in matched_gold and not t.doubt]
    fp = [t for j, t in enumerate(graph.tasks) if j not in matched_pred]
    score.tasks = PRF(tp=len(pairs), fp=len(fp), fn=len(fn))
    score.missed = [t.anchor for t in fn]
    score.spurious = [_first_words(t.text) for t in fp]

    place = document_place(gold.document.issuer)
    if pairs:
        score.lead, score.coordinators, score.report_to = PRF(), PRF(), PRF()
    for i, j in pairs:
        g, p = gold.tasks[i], graph.tasks[j]
        for field in ("lead", "coordinators", "report_to"):
            counts = agency_prf(getattr(p, field), getattr(g, field), place)
            setattr(score, field, getattr(score, field) + counts)
            if counts.fp or counts.fn:
                score.mismatches.append(Mismatch(anchor=g.anchor, field=field, gold="; ".join(getattr(g, field)),
                                                 predicted=_agency_names(getattr(p, field))))
        ok = same_deadline(p.deadline, g.deadline)
        score.deadline.add(ok)
        if not ok:
            score.mismatches.append(Mismatch(anchor=g.anchor, field="deadline", gold=_deadline_str(g.deadline),
                                             predicted=_deadline_str(p.deadline)))
        ok = (not p.product) == (not g.product)
        score.product.add(ok)
        if not ok:
            score.mismatches.append(Mismatch(anchor=g.anchor, field="product", gold=g.product or "null",
                                             predicted=p.product or "null"))

    predicted_refs = scored_references(graph.references)
    ref_pairs = match_references(gold.references, predicted_refs)
    matched_refs = {i for i, _ in ref_pairs}
    score.references = PRF(
        tp=len(ref_pairs), fp=len(predicted_refs) - len(ref_pairs),
        fn=sum(1 for i, r in enumerate(gold.references) if i not in matched_refs and not r.doubt))

    for field in HEADER_FIELDS:
        ok = _header_ok(field, gold, graph)
        score.header_fields[field] = ok
        score.header.add(ok)
    return score


def _overall(docs: Sequence[DocumentScore]) -> OverallScore:
    return OverallScore(
        documents=len(docs),
        errors=sum(1 for d in docs if d.error),
        gold_tasks=sum(d.gold_tasks for d in docs),
        optional_tasks=sum(d.optional_tasks for d in docs),
        predicted_tasks=sum(d.predicted_tasks for d in docs),
        tasks=_sum_prf(d.tasks for d in docs) or PRF(),
        lead=_sum_prf(d.lead for d in docs),
        coordinators=_sum_prf(d.coordinators for d in docs),
        report_to=_sum_prf(d.report_to for d in docs),
        deadline=_sum_acc(d.deadline for d in docs),
        product=_sum_acc(d.product for d in docs),
        references=_sum_prf(d.references for d in docs) or PRF(),
        header=_sum_acc(d.header for d in docs),
        header_fields={f: Accuracy(correct=sum(d.header_fields.get(f, False) for d in docs), total=len(docs))
                       for f in HEADER_FIELDS},
    )


def _empty_graph(path: Path) -> TaskGraph:
    return TaskGraph(source=SourceInfo(path=str(path), format=path.suffix.lstrip(".") or "txt", length=0),
                     document=DocumentInfo())


def evaluate(gold_dir: str | Path | Sequence[str | Path], corpus_dir: str | Path, *,
             extractor: Callable[[Path], TaskGraph] = extract_file) -> EvalReport:
    """Run ``extractor`` on ``corpus_dir / gold.source`` for every ``gold_dir/*.json`` (or one gold file)
    and score it. An extractor exception is recorded in ``DocumentScore.error`` and scored as an empty
    prediction, so one bad document does not hide the others.

    >>> report = evaluate("../shared/corpus/gold", "../shared/corpus")  # doctest: +SKIP
    >>> round(report.overall.tasks.f1, 2)  # doctest: +SKIP
    0.81
    """
    dirs = [Path(gold_dir)] if isinstance(gold_dir, (str, Path)) else [Path(g) for g in gold_dir]
    corpus_dir = Path(corpus_dir)
    for d in dirs:  # an evaluation over nothing must fail, never score 1.00
        if not d.exists():
            raise InputNotFoundError(d, "no such gold file or folder")
    if not corpus_dir.is_dir():
        raise InputNotFoundError(corpus_dir, "the corpus folder does not exist")
    files = [f for d in dirs for f in ([d] if d.is_file() else sorted(d.glob("*.json")))]
    gold_dir = ", ".join(map(str, dirs))
    if not files:
        raise InputNotFoundError(gold_dir, "no gold files (*.json) to evaluate")
    docs = []
    for gold_path in files:
        try:
            gold = load_gold(gold_path)
        except (OSError, UnicodeDecodeError, ValidationError) as exc:
            problem = " ".join(str(exc).split())[:300]
            raise SchemaValidationError(gold_path, f"not a valid gold file ({problem})") from None
        source = corpus_dir / gold.source
        error = None
        try:
            graph = extractor(source)
        except Exception as exc:  # recorded in the report
            error = f"{type(exc).__name__}: {exc}"
            graph = _empty_graph(source)
        doc = score_document(gold, graph, name=gold_path.name)
        doc.error = error
        docs.append(doc)
    return EvalReport(gold_dir=str(gold_dir), corpus_dir=str(corpus_dir), documents=docs, overall=_overall(docs))


# --------------------------------------------------------------------------- rendering

_COLUMNS = ("Văn bản", "NV gold/dự đoán", "P", "R", "F1", "Chủ trì F1", "Phối hợp F1", "Báo cáo F1",
            "Thời hạn", "Sản phẩm", "VB dẫn P", "VB dẫn R", "Thông tin VB")


def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _row(label: str, s: DocumentScore | OverallScore) -> list[str]:
    return [
        label,
        f"{s.gold_tasks - s.optional_tasks}+{s.optional_tasks}/{s.predicted_tasks}" if s.optional_tasks
        else f"{s.gold_tasks}/{s.predicted_tasks}",
        _f(s.tasks.precision), _f(s.tasks.recall), _f(s.tasks.f1),
        _f(s.lead.f1 if s.lead else None), _f(s.coordinators.f1 if s.coordinators else None),
        _f(s.report_to.f1 if s.report_to else None),
        _f(s.deadline.value), _f(s.product.value),
        _f(s.references.precision), _f(s.references.recall), _f(s.header.value),
    ]


def _doc_label(d: DocumentScore) -> str:
    label = d.number or Path(d.source).stem
    return f"{label} (lỗi)" if d.error else label


def render_table(report: EvalReport) -> Table:
    """A rich table: one row per document, then the overall (micro-averaged) row."""
    table = Table(title="Đánh giá so với gold", show_lines=False)
    for i, col in enumerate(_COLUMNS):
        table.add_column(col, justify="left" if i == 0 else "right", no_wrap=i != 0)
    for i, doc in enumerate(report.documents):
        table.add_row(*_row(_doc_label(doc), doc), end_section=i == len(report.documents) - 1)
    table.add_row(*_row("Tổng", report.overall), style="bold")
    return table


def format_markdown(report: EvalReport, *, date: dt.date | None = None) -> str:
    """The report as a markdown table for the README (NV = tasks: required+optional gold / predicted)."""
    o = report.overall
    lines = [
        "| " + " | ".join(_COLUMNS) + " |",
        "|" + "|".join(["---"] + ["---:"] * (len(_COLUMNS) - 1)) + "|",
    ]
    for doc in report.documents:
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in _row(_doc_label(doc), doc)) + " |")
    lines.append("| " + " | ".join(f"**{cell}**" for cell in _row("Tổng", o)) + " |")
    when = f" ({date.isoformat()})" if date else ""
    lines += [
        "",
        f"{o.documents} documents{when}, {o.gold_tasks} gold tasks ({o.optional_tasks} optional), "
        f"{o.predicted_tasks} predicted. P/R/F1: tasks matched by anchor; agency F1 micro over matched tasks; "
        "Thời hạn: kind and due equal; Sản phẩm: product presence agrees; Thông tin VB: header fields "
        "(number, type, issuer, date, signer) exact after normalisation.",
    ]
    return "\n".join(lines) + "\n"
