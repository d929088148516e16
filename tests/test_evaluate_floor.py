"""The extraction quality reached on the gold files, kept as floors: a regression fails CI.

Floors are the figures measured when they were last raised (see README, "Measured on the corpus"),
rounded down by about one point so that a single borderline task does not flip the build.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import GOLD, ROOT
from vbpl_extract.evaluate import EvalReport, evaluate

OWN_GOLD = ROOT / "corpus" / "gold"
BLIND_GOLD = OWN_GOLD / "blind"  # annotated blind in batches, each scored cold first (docs/accuracy.md)
ORIGINALS_GOLD = OWN_GOLD / "originals"  # the same, over ../shared/corpus/originals (PDF, .docx, .doc)

SHARED_FLOORS = {"tasks.f1": 0.98, "lead.f1": 0.97, "coordinators.f1": 0.97, "deadline": 0.98,
                 "references.recall": 0.98, "references.precision": 0.94}
# report_to 0.87 -> 0.86 (2026-12-05): "Cấp có thẩm quyền" became a body, as the blind annotators write it
# (19 times); two of our own pre-wave files left "báo cáo cấp có thẩm quyền" without a report_to (0.869 here,
# while report_to over the blind files rose 0.749 -> 0.775)
ALL_FLOORS = {"tasks.f1": 0.97, "tasks.precision": 0.97, "tasks.recall": 0.97, "lead.f1": 0.97,
              "coordinators.f1": 0.97, "report_to.f1": 0.86, "deadline": 0.96, "product": 0.88,
              "references.recall": 0.98, "references.precision": 0.91, "header": 0.93}


def _value(report: EvalReport, key: str) -> float:
    field, _, attr = key.partition(".")
    obj = getattr(report.overall, field)
    return float(getattr(obj, attr or "value"))


@pytest.fixture(scope="module")
def shared_report() -> EvalReport:
    if not GOLD.is_dir():
        pytest.skip(f"shared gold files not available at {GOLD}")
    return evaluate(GOLD, GOLD.parent)


@pytest.fixture(scope="module")
def all_report(shared_report: EvalReport) -> EvalReport:
    return evaluate([GOLD, OWN_GOLD], GOLD.parent)


@pytest.mark.parametrize("key", sorted(SHARED_FLOORS))
def test_shared_gold_floor(shared_report: EvalReport, key: str) -> None:
    assert _value(shared_report, key) >= SHARED_FLOORS[key], f"{key} fell below its floor"


@pytest.mark.parametrize("key", sorted(ALL_FLOORS))
def test_all_gold_floor(all_report: EvalReport, key: str) -> None:
    assert _value(all_report, key) >= ALL_FLOORS[key], f"{key} fell below its floor"


def test_own_gold_files_are_valid() -> None:
    from vbpl_extract.evaluate import load_gold

    files = sorted(Path(OWN_GOLD).glob("*.json"))
    assert len(files) >= 6
    for f in files:
        gold = load_gold(f)
        assert gold.tasks and gold.source


# Blind gold: measured on today's code (warm) when the floors were set, rounded down by about a point.
# 259 files (batches 1-20; batches 17-20 added cold at 939f51f, 64117cc, a61534d and 91a4317: task F1 0.69, 0.54,
# 0.64, 0.81 — procedure annexes, merged table cells, normative texts, a law, news pages), rules alone (the learned
# decision is off by default, docs/accuracy.md). Measured 2026-12-05 at 2ce9339: task P 0.877 R 0.836 F1 0.856,
# lead 0.823, coordinators 0.805, deadline 0.922, header 0.962, refs recall 0.949 (0.954 on the 250 before batch 20;
# its Q&A page and news pages cite resolutions by bare number: "Nghị quyết 57, 59, 66")
# Recall 0.82 -> 0.81 (2026-12-06): batch 21 (cold at c6bfd59: task F1 0.69) added the corpus's last normative
# texts, where annotators took duties of roles ("Tổ chức, đơn vị điều tra, khảo sát …", "Chủ đầu tư") as tasks;
# measured at 990fa6c on the 269: task P 0.875 R 0.821 F1 0.847, lead 0.823, coordinators 0.805, deadline 0.924,
# header 0.955, refs recall 0.946.
# Raised 2026-12-06 (second session; no new documents): measured at 02bfe69 on the 269: task P 0.879 R 0.842
# F1 0.860, lead 0.831, coordinators 0.819, deadline 0.920, header 0.966.
# Raised 2026-12-06 (third session; no new documents): measured at ed0a3bc on the 269: task P 0.898 R 0.878
# F1 0.888, lead 0.881, coordinators 0.894, deadline 0.929, header 0.974, refs recall 0.946.
# Raised 2026-12-06 (fourth session; no new documents): measured at 819d85f on the 269: task P 0.906 R 0.889
# F1 0.897, lead 0.894, coordinators 0.900, deadline 0.939, header 0.985, refs recall 0.946.
# Raised 2026-12-07 (fifth session; batch 22 came from outside ../shared, see EXTERNAL_FLOORS): measured at cf1dead on
# the 269: task P 0.911 R 0.895 F1 0.903, lead 0.899, coordinators 0.900, deadline 0.948, header 0.993, refs recall 0.946.
# Raised 2026-12-07 (sixth session): measured at 450eb0d on the 269: task P 0.911 R 0.900 F1 0.906, lead 0.900,
# coordinators 0.901, deadline 0.948, header 0.993, refs recall 0.946.
BLIND_FLOORS = {"tasks.f1": 0.90, "tasks.precision": 0.90, "tasks.recall": 0.89, "lead.f1": 0.89,
                "coordinators.f1": 0.89, "deadline": 0.94, "header": 0.98, "references.recall": 0.94}
# Originals: 22 files. Header 0.87 -> 0.76 (2026-12-05): batches 17-18 added four image-only scans (996/KH-TCTLNTW-C04,
# 5689/BCA-C04, 3980/C04-P6, 932/QĐ-TTg) whose numbers are handwritten and whose header columns the OCR merges with
# inbound stamps: 5 of their 20 header fields are read (measured 0.773 on the 22; the 18 earlier files hold 0.889).
# Header 0.76 -> 0.70 (2026-12-05): batch 20 added 493/TB-UBND and 5240/BCA-V01 (scans, handwritten numbers and
# days), 298/TTr-CAT-PC04 (a PDF whose text layer is mojibake: no header field is read) and 36-HD/VPTW (.docx);
# measured at bb17f0c on the 26: header 0.708, task F1 0.813, lead 0.837.
# Lead 0.83 -> 0.77, header 0.70 -> 0.69 (2026-12-06): batch 21 added 8 originals: three scanned pages of Nghị
# định (header cropped, handwritten numbers), two Party page images, a charter (.docx, Word numbering) whose duties
# the annotator gave to the association's bodies, Phụ lục I of 30/2020 (.docx) and a PDF scoring table; measured at
# 990fa6c on the 34: task F1 0.816, lead 0.786, header 0.700.
# Raised 2026-12-06 (second session): stamped numbers and dates of signed PDFs are read; measured at 02bfe69 on
# the 34: task F1 0.820, lead 0.791, header 0.753.
# Raised 2026-12-06 (third session): measured at ed0a3bc on the 34: task F1 0.888, lead 0.817, header 0.824.
# Raised 2026-12-06 (fourth session): measured at 819d85f on the 34: task F1 0.897, lead 0.835, header 0.841.
# Raised 2026-12-07 (fifth session): measured at cf1dead on the 34: task F1 0.902, lead 0.908, header 0.900.
ORIGINALS_FLOORS = {"tasks.f1": 0.89, "lead.f1": 0.89, "header": 0.89}


@pytest.fixture(scope="module")
def blind_report() -> EvalReport:
    if not GOLD.is_dir():
        pytest.skip(f"shared corpus not available at {GOLD.parent}")
    return evaluate(BLIND_GOLD, GOLD.parent)


@pytest.mark.parametrize("key", sorted(BLIND_FLOORS))
def test_blind_gold_floor(blind_report: EvalReport, key: str) -> None:
    assert _value(blind_report, key) >= BLIND_FLOORS[key], f"{key} fell below its floor"


def test_blind_gold_covers_the_genres() -> None:
    from vbpl_extract.evaluate import load_gold

    files = sorted(BLIND_GOLD.glob("*.json")) + sorted(ORIGINALS_GOLD.glob("*.json"))
    assert len(files) >= 60
    types = {load_gold(f).document.type for f in files}
    assert len(types) >= 8, types


@pytest.fixture(scope="module")
def originals_report() -> EvalReport:
    if not (GOLD.parent / "originals").is_dir():
        pytest.skip(f"shared originals not available at {GOLD.parent / 'originals'}")
    return evaluate(ORIGINALS_GOLD, GOLD.parent)


@pytest.mark.parametrize("key", sorted(ORIGINALS_FLOORS))
def test_originals_gold_floor(originals_report: EvalReport, key: str) -> None:
    assert _value(originals_report, key) >= ORIGINALS_FLOORS[key], f"{key} fell below its floor"


# Batches 22-36 (corpus/external, 179 documents drawn from public repositories once ../shared had none left without
# gold), each scored cold before any rule was changed for it: batch 22 at bd9bf5d task F1 0.79, lead 0.69; batch 23
# at ef18b29 task F1 0.69, lead 0.75; batch 24 at b5a11cc task F1 0.64, lead 0.82 (docs/accuracy-cold.json). The
# texts live in the project, so this runs without ../shared.
EXTERNAL_GOLD = OWN_GOLD / "external"
EXTERNAL_CORPUS = ROOT / "corpus" / "external"
# Warm at 450eb0d on the 42 (rules changed after the cold scores, as conventions): task P 0.927 R 0.885 F1 0.906,
# lead 0.848, coordinators 0.810, deadline 0.958, header 0.890. Batch 25 (11 documents) added cold at 5bbc3a7 (task
# F1 0.76, lead 0.66), no rule changed for it: on the 53, task P 0.918 R 0.828 F1 0.871, lead 0.813, coordinators
# 0.783, deadline 0.958, header 0.891. Batch 26 (12 documents) added cold at 700256d (task F1 0.82, lead 0.65): on
# the 65, task P 0.911 R 0.864 F1 0.887, lead 0.830, coordinators 0.766, deadline 0.954, header 0.895. Batch 27 (12
# documents of a new source, Trangsct/skill-sct: PDF text in its page layout, Word tables, OCR) added cold at
# 7508ff8 (task F1 0.75, lead 0.65, header 0.73): on the 77, task P 0.913 R 0.826 F1 0.867, lead 0.817, coordinators
# 0.753, deadline 0.947, header 0.896. Warm at 7f8eea7 (rules from batches 26-27's failures): task P 0.920 R 0.854
# F1 0.886, lead 0.828, coordinators 0.750, deadline 0.917 (the 37 tasks of 104-CTr/TU found since carry no deadline
# where its annotator passed "Nhiệm vụ thường xuyên" down as ongoing, which the rules do not), header 0.925.
# Batches 28 and 29 (24 more documents of Trangsct/skill-sct: Chỉ thị, Politburo conclusions and programmes, OCR'd
# Party resolutions with task tables, Quy chế, Công văn to companies) added cold at 3e79190 (task F1 0.49, lead 0.90)
# and f9942b4 (task F1 0.62, lead 0.57). Warm at c3194dc on the 101: task P 0.922 R 0.757 F1 0.831 (26-NQ/TU's 226
# OCR'd table rows, 64 read), lead 0.843, coordinators 0.778, deadline 0.914, header 0.923. Batches 30 and 31 (24 more
# documents of Trangsct/skill-sct: investment approvals, council decisions and working rules, department letters to
# companies, a report, OCR'd Government resolutions) added cold at 7554be9 (task F1 0.85, lead 0.88, header 0.75) and
# acca854 (task F1 0.71, lead 0.29). Warm at 869d902 on the 125: task P 0.920 R 0.768 F1 0.837, lead 0.855,
# coordinators 0.789, deadline 0.916, header 0.917 (the 101 before them: F1 0.831, lead 0.852, header 0.925). Batch 32
# (12 more: a decentralisation decision, a public investment plan, a company's complaint with its enclosures, reports)
# added cold at 2b8e666 (task F1 0.48, lead 0.79). Warm at ec9f394 on the 137: task P 0.911 R 0.769 F1 0.834, lead
# 0.857, coordinators 0.787, deadline 0.916, header 0.918. Batches 33, 34 and 35 (30 more of Trangsct/skill-sct: an
# inspection team's papers, licences and certificates, land regulations, long circulars) added cold at 80e79e8 (task
# F1 0.72, lead 0.95), ec29e70 (0.53, 0.76) and c04182e (0.58, 0.70). Warm at 4b8855a on the 167: task P 0.914 R 0.761
# F1 0.831, lead 0.858, coordinators 0.782, deadline 0.913, header 0.913 (the 137 before them: F1 0.854, lead 0.859);
# the floors sit just under. Batch 36 (12 documents of three new repositories: Công báo texts of the Prime Minister and
# the Government, two council resolutions without their header block, OCR'd tax letters and notices) added cold at
# 3d79532 (task F1 0.67, lead 0.75, header 0.73). Warm at the eleventh session's end on the 179: task P 0.907 R 0.770
# F1 0.833, lead 0.852, coordinators 0.775, deadline 0.911, header 0.904 (the 167 before them: F1 0.836, lead 0.855).
# Lowered 2026-12-08 (twelfth session): batches 37 and 38 (24 documents, 5 + 3 of a repository new to the project:
# Nghị định and Thông tư kept by a site with its front matter and a blockquote, Công báo texts whose appendix tables
# set every cell over several lines, OCR'd tax notices and an OCR'd plan of 222 table rows) added cold at 3c3b46e
# (task F1 0.53, lead 0.53) and e8aa5b6 (0.52, 0.69). Warm at 31e0abe on the 203: task P 0.887 R 0.732 F1 0.802, lead
# 0.806, coordinators 0.699, deadline 0.878, header 0.893 (the 179 before them rose: F1 0.833 -> 0.836, header 0.904
# -> 0.917, deadline 0.911 -> 0.920; lead 0.852 -> 0.849, coordinators 0.775 -> 0.764, the Công báo tables' rows now
# found whole but their cells read by kind, not place); the floors sit just under.
EXTERNAL_FLOORS = {"tasks.f1": 0.79, "lead.f1": 0.79, "coordinators.f1": 0.68, "deadline": 0.86, "header": 0.88}


@pytest.fixture(scope="module")
def external_report() -> EvalReport:
    return evaluate(EXTERNAL_GOLD, EXTERNAL_CORPUS)


@pytest.mark.parametrize("key", sorted(EXTERNAL_FLOORS))
def test_external_gold_floor(external_report: EvalReport, key: str) -> None:
    assert _value(external_report, key) >= EXTERNAL_FLOORS[key], f"{key} fell below its floor"


def test_external_texts_are_listed_with_their_source() -> None:
    listed = {line.split("\t")[0] for line in (EXTERNAL_CORPUS / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]}
    from vbpl_extract.evaluate import load_gold

    sources = {load_gold(f).source for f in EXTERNAL_GOLD.glob("*.json")}
    assert sources and sources == listed
    assert all((EXTERNAL_CORPUS / s).is_file() for s in sources)
