"""Tests for the command line (typer app): extract, tasks, schema, validate, evaluate, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, FIXTURES, GOLD
from vbpl_extract.cli import app

runner = CliRunner()


@pytest.fixture
def decision(tmp_path: Path) -> Path:
    path = tmp_path / "3954-QD-UBND.md"
    shutil.copy(FIXTURES / "tvpl_quyet_dinh.md", path)
    return path


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_extract_json_to_stdout(decision: Path) -> None:
    r = invoke("extract", decision)
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["document"]["number"] == "3954/QĐ-UBND"
    assert data["tasks"][0]["lead"][0]["name"] == "Sở Tài chính"


def test_extract_to_file_atomically(decision: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "3954.json"
    r = invoke("extract", decision, "-o", out)
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text("utf-8"))
    assert data["schema_version"] == "1.1.0"
    assert [p.name for p in out.parent.iterdir()] == ["3954.json"]  # no temporary file left behind


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("csv", lambda b: "Sở Tài chính" in b.decode("utf-8-sig")),
        ("ics", lambda b: b.startswith(b"BEGIN:VCALENDAR") and b"20251215" in b),
        ("graphml", lambda b: b"<graphml" in b),
        ("mermaid", lambda b: b.decode("utf-8").lstrip().startswith(("graph", "flowchart"))),
        ("xlsx", lambda b: b[:2] == b"PK"),
    ],
)
def test_extract_formats(decision: Path, tmp_path: Path, fmt: str, check) -> None:
    out = tmp_path / f"out.{fmt}"
    r = invoke("extract", decision, "--format", fmt, "-o", out)
    assert r.exit_code == 0, r.output
    assert check(out.read_bytes())


def test_extract_unknown_format(decision: Path) -> None:
    r = invoke("extract", decision, "--format", "pdf")
    assert r.exit_code == 2
    assert "unknown format" in r.stderr


def test_extract_text_rendering(decision: Path) -> None:
    r = invoke("extract", decision, "--text")
    assert r.exit_code == 0
    assert r.stdout.rstrip("\n") == decision.read_text("utf-8").rstrip("\n")


def test_tasks_table(decision: Path) -> None:
    r = runner.invoke(app, ["tasks", str(decision)], env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.output
    assert "Sở Tài chính" in r.stdout
    assert "1 nhiệm vụ" in r.stdout


def test_schema_command(tmp_path: Path) -> None:
    r = invoke("schema")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["properties"]["schema_version"]["const"] == "1.1.0"
    out = tmp_path / "schema.json"
    assert invoke("schema", "-o", out).exit_code == 0
    assert json.loads(out.read_text("utf-8")) == json.loads(r.stdout)


def test_validate_valid_and_invalid(decision: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    assert invoke("extract", decision, "-o", good).exit_code == 0
    r = invoke("validate", good)
    assert r.exit_code == 0 and "valid" in r.stdout
    data = json.loads(good.read_text("utf-8"))
    data["tasks"][0]["span"] = "nowhere"
    del data["source"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), "utf-8")
    r = invoke("validate", bad)
    assert r.exit_code == 1
    assert "2 schema violation(s)" in " ".join(r.stderr.split())


def test_validate_not_json(tmp_path: Path) -> None:
    p = tmp_path / "x.json"
    p.write_text("{not json", "utf-8")
    r = invoke("validate", p)
    assert r.exit_code == 12
    assert "Traceback" not in r.output


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda d: d / "missing.md", 3),
        (lambda d: (d / "scan.xyz").write_bytes(b"Dieu 1") and d / "scan.xyz", 4),
        (lambda d: (d / "empty.txt").write_bytes(b"") or d / "empty.txt", 5),
    ],
)
@pytest.mark.parametrize("command", ["extract", "tasks"])
def test_error_exit_codes(tmp_path: Path, make, code: int, command: str) -> None:
    path = make(tmp_path)
    r = runner.invoke(app, [command, str(path)], env={"COLUMNS": "1000"})
    assert r.exit_code == code, r.output
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("vbpl-extract: error:")
    assert path.name in lines[0]
    assert "Traceback" not in r.output


def test_error_message_is_one_line_whatever_the_width(tmp_path: Path) -> None:
    path = tmp_path / "a_rather_long_folder_name_for_documents" / "missing-3954-QD-UBND.md"
    r = runner.invoke(app, ["extract", str(path)], env={"COLUMNS": "80"})
    assert r.exit_code == 3
    assert len([ln for ln in r.stderr.splitlines() if ln.strip()]) == 1


def test_evaluate_writes_json(tmp_path: Path) -> None:
    if not GOLD.is_dir():
        pytest.skip(f"shared corpus not available at {CORPUS}")
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(GOLD / "223-CD-TTg__15e6fb3d3f3b2644.json", gold)
    out = tmp_path / "report.json"
    r = invoke("evaluate", "--gold", gold, "--corpus", CORPUS, "--json", out)
    assert r.exit_code == 0, r.output
    report = json.loads(out.read_text("utf-8"))
    assert report
    assert "223" in out.read_text("utf-8")


@pytest.mark.parametrize("command", [[], ["extract"], ["tasks"], ["schema"], ["validate"], ["evaluate"], ["batch"]])
def test_help_texts(command: list[str]) -> None:
    r = runner.invoke(app, [*command, "--help"])
    assert r.exit_code == 0
    assert "Usage" in r.stdout
    assert len(r.stdout.strip().splitlines()) > 3
