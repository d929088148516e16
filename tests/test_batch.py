"""Batch runs: manifest, atomic outputs, resume (also after SIGKILL), dask == local, time limit."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from conftest import corpus_file
from vbpl_extract.batch import (
    MANIFEST_NAME,
    TASKS_NAME,
    expand_inputs,
    flatten_tasks,
    read_manifest,
    run_batch,
)
from vbpl_extract.models import AgencyRef, Deadline, DocumentInfo, SourceInfo, Task, TaskGraph
from vbpl_extract.pipeline import extract_file

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"

# A few real documents of different sizes and sources.
GOOD = [
    "seeds/000_fc5ec39c28ed2fb4.txt",
    "seeds/002_de0112566d14e356.txt",
    "seeds/003_34c99582badef80c.txt",
    "tnt305_tvpl_2025/3782-QD-UBND__e83d7b60c0b1d639.md",
    "tnt305_tvpl_2025/11654-VPCP-CN__2c71d790ecdeb8d1.md",
    "congbot_reconstructed/2403_2009_TTg_KGVX.md",
]
BAD = {"empty.txt": "error", "notes.xyz": "skipped", "binary.txt": "error"}


# --------------------------------------------------------------------------- injected extractors
# Module-level so that they pickle by reference into the spawned workers (tests/ is on sys.path).


def warm_up() -> None:
    """Worker warm-up hook for this module's extractors: none, so that replaced workers start fast."""


def sleepy_extract(path: str) -> TaskGraph:
    """The real extractor, slowed down so that a run can be killed half-way."""
    time.sleep(0.4)
    return extract_file(path)


def logging_extract(path: str) -> TaskGraph:
    """The real extractor, noting each call in $VBPL_TEST_LOG."""
    with open(os.environ["VBPL_TEST_LOG"], "a", encoding="utf-8") as log:
        log.write(path + "\n")
    return extract_file(path)


def hanging_extract(path: str) -> TaskGraph:
    """Hangs on files named hang*, kills its own process on crash*, else a minimal TaskGraph (fast)."""
    name = Path(path).name
    if name.startswith("hang"):
        time.sleep(600)
    if name.startswith("crash"):
        os._exit(3)
    text = Path(path).read_bytes().decode("utf-8")  # the binary .txt fails here
    return TaskGraph(source=SourceInfo(path=path, format="txt", length=len(text)), document=DocumentInfo())


def fake_tasks_extract(path: str) -> TaskGraph:
    """A TaskGraph with two tasks (the placeholder pipeline finds none)."""
    graph = extract_file(path)
    stem = Path(path).stem
    finance = AgencyRef(id="bo_tai_chinh", name="Bộ Tài chính", text="Bộ Tài chính")
    police = AgencyRef(id="bo_cong_an", name="Bộ Công an", text="Bộ Công an")
    graph.document = DocumentInfo(number=f"{stem}/NQ-CP", type="Nghị quyết", date="2025-01-09")
    graph.tasks = [
        Task(id="task__1", text="Xây dựng đề án chuyển đổi số", unit="II / 1", span=(0, 10),
             lead=[finance], coordinators=[police],
             deadline=Deadline(kind="date", due="2025-06-30", text="trước ngày 30/6/2025"), product="Đề án"),
        Task(id="task__2", text="Tổng kết, báo cáo Chính phủ", unit="II / 2", span=(10, 20), lead=[police],
             deadline=Deadline(kind="year", due="2026-12-31", text="năm 2026")),
    ]
    return graph


# --------------------------------------------------------------------------- helpers


def make_inputs(folder: Path) -> Path:
    """``folder``: real corpus documents (some in a subfolder) plus an empty file, a .xyz file and a binary .txt."""
    (folder / "sub").mkdir(parents=True)
    for i, relative in enumerate(GOOD):
        shutil.copyfile(corpus_file(relative), folder / ("sub" if i % 2 else ".") / Path(relative).name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.xyz").write_text("Bộ Tài chính chủ trì", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    return folder


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(inputs, reference output): one uninterrupted local run, compared against by several tests."""
    base = tmp_path_factory.mktemp("batch")
    folder = make_inputs(base / "in")
    run_batch(batch_args(folder), base / "reference", jobs=2, progress=False, timeout=120)
    return folder, base / "reference"


@pytest.fixture
def inputs(tmp_path: Path, corpus_dir: Path) -> Path:
    """A private copy of the inputs (for tests that edit them)."""
    return make_inputs(tmp_path / "in")


def batch_args(folder: Path) -> list[str]:
    """The folder (recursive, supported extensions) plus the .xyz file named explicitly."""
    return [str(folder), str(folder / "notes.xyz")]


def output_files(out: Path) -> dict[str, bytes]:
    """Per-document outputs and the combined file, by name."""
    files = {p.name: p.read_bytes() for p in out.glob("*.json")}
    files[TASKS_NAME] = (out / TASKS_NAME).read_bytes()
    return files


def manifest_view(out: Path) -> dict[str, tuple]:
    """The run-independent part of the manifest (no timings)."""
    return {r["input"]: (r["sha256"], r["size"], r["status"], r["error"], r["output"], r["pipeline_version"])
            for r in read_manifest(out / MANIFEST_NAME)}


# --------------------------------------------------------------------------- tests


def test_expand_inputs(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/x.md", "a/b/y.TXT", "a/b/z.docx", "a/skip.json", "c.xyz", "d.html"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    folder = expand_inputs([tmp_path / "a"])
    # every file (the manifest says why a/skip.json is not processed); duplicates collapse
    assert [p.relative_to(tmp_path).as_posix() for p in folder] == ["a/b/y.TXT", "a/b/z.docx", "a/skip.json", "a/x.md"]
    mixed = expand_inputs([str(tmp_path / "*.*"), str(tmp_path / "d.html"), str(tmp_path / "a"),
                           str(tmp_path / "a" / "x.md"), str(tmp_path / "missing.txt")])
    assert [p.relative_to(tmp_path).as_posix() for p in mixed] == [
        "a/b/y.TXT", "a/b/z.docx", "a/skip.json", "a/x.md", "c.xyz", "d.html", "missing.txt"]
    assert all(p.is_absolute() for p in mixed)


def test_batch_writes_outputs_manifest_and_summary(shared: tuple[Path, Path]) -> None:
    _, out = shared
    records = {Path(r["input"]).name: r for r in read_manifest(out / MANIFEST_NAME)}
    assert set(records) == {Path(g).name for g in GOOD} | set(BAD)
    for name in BAD:
        assert records[name]["status"] == BAD[name] and records[name]["error"], records[name]
        assert records[name]["output"] is None
    assert records["empty.txt"]["error_type"] == "EmptyDocumentError"
    assert "unsupported format '.xyz'" in records["notes.xyz"]["error"]
    tasks = 0
    for relative in GOOD:
        record = records[Path(relative).name]
        assert record["status"] == "ok", record
        assert record["sha256"] and record["size"] > 0 and record["pipeline_version"]
        graph = TaskGraph.model_validate_json((out / record["output"]).read_text(encoding="utf-8"))
        assert graph.source.path == record["input"]
        assert record["tasks"] == len(graph.tasks)
        tasks += len(graph.tasks)
    assert len((out / TASKS_NAME).read_text(encoding="utf-8").splitlines()) == tasks
    assert not list(out.glob(".vbpl-*"))  # no temporary files left behind
    assert len(list(out.glob("*.json"))) == len(GOOD)


def test_summary_and_exit_code(shared: tuple[Path, Path], tmp_path: Path) -> None:
    folder, _ = shared
    summary = run_batch(batch_args(folder), tmp_path / "out", jobs=1, progress=True, extractor=hanging_extract)
    assert (summary.documents, summary.ok, summary.errors, summary.skipped, summary.unsupported) == (
        len(GOOD) + 3, len(GOOD), 2, 0, 1)
    assert summary.exit_code == 1 and summary.as_dict()["exit_code"] == 1
    assert len(summary.worker_peak_rss_mb) == 1 and summary.docs_per_second > 0
    ok = run_batch([str(folder / "sub")], tmp_path / "ok", jobs=1, progress=False, extractor=hanging_extract)
    assert ok.exit_code == 0 and ok.ok == ok.documents == len(GOOD) // 2


def test_resume_skips_done_and_retries_the_rest(shared: tuple[Path, Path], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder, reference = shared
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    log = tmp_path / "calls.log"
    log.touch()
    monkeypatch.setenv("VBPL_TEST_LOG", str(log))

    second = run_batch(batch_args(folder), out, jobs=2, progress=False, resume=True, extractor=logging_extract)
    assert {Path(p).name for p in log.read_text(encoding="utf-8").split()} == {"binary.txt"}  # failed: retried
    assert second.skipped == second.ok == len(GOOD)
    assert output_files(out) == output_files(reference)
    assert manifest_view(out) == manifest_view(reference)
    assert len(read_manifest(out / MANIFEST_NAME)) == len(GOOD) + 3  # compacted: one line per input

    # an edited input (new sha256) and a deleted output are redone; the rest is skipped
    edited = folder / Path(GOOD[0]).name
    original = edited.read_bytes()
    victim = next(r for r in read_manifest(out / MANIFEST_NAME) if r["input"].endswith(Path(GOOD[1]).name))
    (out / victim["output"]).unlink()
    log.write_text("", encoding="utf-8")
    try:
        edited.write_bytes(original + "\nPhụ lục bổ sung.\n".encode())
        third = run_batch(batch_args(folder), out, jobs=2, progress=False, resume=True, extractor=logging_extract)
    finally:
        edited.write_bytes(original)
    redone = {Path(p).name for p in log.read_text(encoding="utf-8").split()}
    assert redone == {"binary.txt", Path(GOOD[0]).name, Path(GOOD[1]).name}
    assert third.skipped == len(GOOD) - 2
    assert len(read_manifest(out / MANIFEST_NAME)) == len(GOOD) + 3
    assert len(list(out.glob("*.json"))) == len(GOOD) + 1  # the edited file's old output stays


def test_sigkill_then_resume_equals_uninterrupted_run(shared: tuple[Path, Path], tmp_path: Path) -> None:
    folder, reference = shared
    killed = tmp_path / "killed"
    code = (
        "import sys; from pathlib import Path; "
        f"sys.path[:0] = [{str(TESTS)!r}, {str(SRC)!r}]; "
        "from vbpl_extract.batch import run_batch; "
        f"run_batch({batch_args(folder)!r}, Path({str(killed)!r}), jobs=1, progress=False, "
        "extractor='test_batch:sleepy_extract')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=TESTS)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and len(list(killed.glob("*.json"))) < 2 and proc.poll() is None:
            time.sleep(0.05)
        assert proc.poll() is None, "the batch finished before it could be killed"
        children = psutil.Process(proc.pid).children(recursive=True)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        # the orphaned worker sees the driver's pipe close and exits by itself
        _, alive = psutil.wait_procs(children, timeout=30)
        assert not alive, alive
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
    done_before = {r["input"] for r in read_manifest(killed / MANIFEST_NAME) if r["status"] == "ok"}
    assert 0 < len(done_before) < len(GOOD)

    summary = run_batch(batch_args(folder), killed, jobs=2, progress=False, resume=True)
    assert summary.skipped == len(done_before)
    assert output_files(killed) == output_files(reference)
    assert manifest_view(killed) == manifest_view(reference)


def test_timeout_and_crash_are_recorded_and_the_batch_goes_on(inputs: Path, tmp_path: Path) -> None:
    (inputs / "hang.txt").write_text("Điều 1. Treo mãi.", encoding="utf-8")
    (inputs / "crash.txt").write_text("Điều 1. Sập.", encoding="utf-8")
    started = time.monotonic()
    summary = run_batch(batch_args(inputs), tmp_path / "out", jobs=1, progress=False, timeout=2,
                        extractor=hanging_extract)
    assert time.monotonic() - started < 45
    records = {Path(r["input"]).name: r for r in read_manifest(tmp_path / "out" / MANIFEST_NAME)}
    assert records["hang.txt"]["error"] == "timed out after 2 s"
    assert records["hang.txt"]["error_type"] == "DocumentTimeoutError"
    assert records["crash.txt"]["error"].startswith("worker process died")
    assert all(records[Path(g).name]["status"] == "ok" for g in GOOD)  # worker replaced, batch went on
    assert summary.errors == 5 and summary.exit_code == 1


def test_combined_tasks_file_and_duckdb_query(shared: tuple[Path, Path], tmp_path: Path) -> None:
    folder, _ = shared
    out = tmp_path / "out"
    run_batch([str(folder / "sub")], out, jobs=1, progress=False, extractor=fake_tasks_extract)
    rows = [json.loads(line) for line in (out / TASKS_NAME).read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2 * (len(GOOD) // 2)
    assert [r["source_path"] for r in rows] == sorted(r["source_path"] for r in rows)  # input order
    first = rows[0]
    assert first["lead"] == ["Bộ Tài chính"] and first["coordinators"] == ["Bộ Công an"]
    assert (first["deadline_kind"], first["deadline_due"], first["product"]) == ("date", "2025-06-30", "Đề án")
    assert list(flatten_tasks({"tasks": []}, "x.json")) == []

    duckdb = pytest.importorskip("duckdb")
    query = f"""
        SELECT lead_agency, count(*) AS tasks, min(CAST(deadline_due AS DATE)) AS first_due
        FROM (SELECT unnest(lead) AS lead_agency, deadline_due
              FROM read_json_auto('{out / TASKS_NAME}'))
        WHERE CAST(deadline_due AS DATE) < DATE '2025-12-31'
        GROUP BY lead_agency ORDER BY tasks DESC, lead_agency
    """
    result = duckdb.sql(query).fetchall()
    assert [(r[0], r[1]) for r in result] == [("Bộ Tài chính", len(GOOD) // 2)]


@pytest.mark.slow
def test_dask_local_cluster_matches_local_executor(shared: tuple[Path, Path], tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    folder, reference = shared
    summary = run_batch(batch_args(folder), tmp_path / "dask", jobs=2, executor="dask", progress=False)
    assert output_files(tmp_path / "dask") == output_files(reference)
    assert manifest_view(tmp_path / "dask") == manifest_view(reference)
    assert (summary.ok, summary.errors) == (len(GOOD), 3)


def test_folder_of_office_files_is_processed_and_other_files_are_skipped(tmp_path: Path) -> None:
    """A folder of .doc files is found (no "no input files matched"); a .xyz beside them is listed as skipped."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) not installed")
    folder = tmp_path / "inbox"
    folder.mkdir()
    doc = corpus_file("originals/CV-UBND-LamDong-Giao5240-BCA_2025_vbai.doc")
    shutil.copyfile(doc, folder / doc.name)
    (folder / "ghi_chu.xyz").write_text("Sở Nội vụ chủ trì", encoding="utf-8")
    summary = run_batch([str(folder)], tmp_path / "out", jobs=1, progress=False, timeout=300)
    records = {Path(r["input"]).name: r for r in read_manifest(tmp_path / "out" / MANIFEST_NAME)}
    assert records[doc.name]["status"] == "ok", records[doc.name]
    graph = json.loads((tmp_path / "out" / records[doc.name]["output"]).read_text("utf-8"))
    assert graph["source"]["format"] == "doc" and graph["source"]["converted_to"] == "docx"
    assert records["ghi_chu.xyz"]["status"] == "skipped"
    assert "unsupported format '.xyz'" in records["ghi_chu.xyz"]["error"]
    assert records["ghi_chu.xyz"]["output"] is None
    assert (summary.documents, summary.ok, summary.errors, summary.unsupported) == (2, 1, 0, 1)
    assert summary.exit_code == 0
    only_doc = tmp_path / "only_doc"
    only_doc.mkdir()
    shutil.copyfile(doc, only_doc / doc.name)
    assert expand_inputs([only_doc]) == [(only_doc / doc.name).resolve()]


def test_long_scan_in_a_batch_respects_the_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 20-page scan is stopped at --timeout; its Tesseract/pdftoppm processes die with the worker."""
    if shutil.which("tesseract") is None or shutil.which("pdftoppm") is None:
        pytest.skip("Tesseract / pdftoppm not installed")
    from PIL import Image, ImageDraw

    pages = []
    for n in range(20):
        page = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(page)
        for k in range(40):
            draw.text((100, 100 + 38 * k), f"Dieu {n}.{k}. Giao So Tai chinh chu tri ra soat ho so truoc ngay 15/12/2025",
                      fill=0)
        pages.append(page)
    scan = tmp_path / "in" / "scan_20_trang.pdf"
    scan.parent.mkdir()
    pages[0].save(scan, "PDF", save_all=True, append_images=pages[1:], resolution=150)
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))  # the workers' OCR folders, to find their processes
    summary = run_batch([str(scan.parent)], tmp_path / "out", jobs=1, progress=False, timeout=4)
    record = read_manifest(tmp_path / "out" / MANIFEST_NAME)[0]
    assert record["status"] == "error" and record["error_type"] == "DocumentTimeoutError", record
    assert summary.errors == 1
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        left = [p for p in psutil.process_iter(["cmdline"]) if str(private_tmp) in " ".join(p.info["cmdline"] or [])]
        if not left:
            break
        time.sleep(0.2)
    assert not left, [p.info["cmdline"] for p in left]
