"""The HTTP API (FastAPI TestClient): the CLI's JSON, every export format, problem+json errors with the
CLI's exit codes, hostile uploads, the time limit, back-pressure, the API key, and corrections saved as
gold files that ``vbpl-extract evaluate`` scores."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from typer.testing import CliRunner

from builders import docx_zip_bomb, text_pdf
from conftest import corpus_file
from vbpl_extract import __version__
from vbpl_extract.cli import app as cli_app
from vbpl_extract.errors import (
    CorruptFileError,
    DocumentTimeoutError,
    EmptyDocumentError,
    EncodingError,
    EncryptedFileError,
    FileTooLargeError,
    ScannedPdfError,
    UnsupportedFormatError,
)
from vbpl_extract.evaluate import evaluate, load_gold
from vbpl_extract.exporters import to_json
from vbpl_extract.models import SCHEMA_VERSION, TaskGraph
from vbpl_extract.pipeline import extract_file, extract_text
from vbpl_extract.schema import schema
from vbpl_extract.server.app import Settings, create_app
from vbpl_extract.server.problems import problem_for

SEED = "seeds/004_73d4ecd4209fcbe0.txt"
SHORT = "Điều 1. Giao Bộ Tài chính chủ trì, phối hợp với Bộ Công an xây dựng Nghị định trước ngày 15/12/2025."
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    with TestClient(create_app(Settings(workers=1, timeout=120, api_key=None))) as c:
        yield c


def _problem(response, status: int, error_type: str, exit_code: int | None) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status and body["error_type"] == error_type and body["exit_code"] == exit_code
    assert body["type"].endswith(error_type) and body["title"] and body["detail"]
    return body


def test_meta_endpoints(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/v1/version").json() == {"version": __version__, "schema_version": SCHEMA_VERSION}
    assert client.get("/v1/schema").json() == schema()
    spec = client.get("/openapi.json").json()
    assert {"/v1/extract", "/v1/export", "/v1/review", "/v1/gold", "/v1/schema", "/v1/version", "/healthz"} <= set(spec["paths"])
    docs = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in docs
    assert "http://" not in docs and "https://" not in docs  # no CDN: assets come from the package
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200


def test_review_page_is_offline(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'lang="vi"' in page.text
    for asset in ("/static/app.js", "/static/app.css"):
        assert client.get(asset).status_code == 200
    for text in (page.text, client.get("/static/app.js").text, client.get("/static/app.css").text):
        assert "http://" not in text and "https://" not in text  # nothing fetched from outside


def test_every_control_of_the_page_is_labelled(client: TestClient) -> None:
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    page = HTMLParser(client.get("/").text)
    labelled = {label.attributes.get("for") for label in page.css("label")}
    controls = page.css("input, select, textarea, button")
    assert len(controls) > 20
    for control in controls:
        attrs = control.attributes
        inside_label = any(node.tag == "label" for node in _ancestors(control))
        named = attrs.get("id") in labelled or attrs.get("aria-label") or inside_label
        if control.tag == "button":
            named = named or control.text(strip=True)
        assert named, control.html


def _ancestors(node):  # type: ignore[no-untyped-def]
    while node.parent is not None:
        node = node.parent
        yield node


def test_extract_file_is_the_cli_json(client: TestClient) -> None:
    path = corpus_file(SEED)
    response = client.post("/v1/extract", files={"file": (path.name, path.read_bytes(), "text/plain")})
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    expected = extract_file(path)
    expected.source.path = path.name  # the CLI names the path it was given; the API the uploaded file
    assert response.content == to_json(expected).encode("utf-8")
    data = response.json()
    assert data["schema_version"] == SCHEMA_VERSION and len(data["tasks"]) == len(expected.tasks)


def test_extract_text_json_body(client: TestClient) -> None:
    response = client.post("/v1/extract", json={"text": SHORT, "name": "qd.txt"})
    assert response.status_code == 200
    graph = TaskGraph.model_validate(response.json())
    assert [a.name for a in graph.tasks[0].lead] == ["Bộ Tài chính"]
    assert graph.tasks[0].deadline is not None and graph.tasks[0].deadline.due == "2025-12-15"
    assert response.json() == json.loads(to_json(extract_text(SHORT, path="qd.txt", encoding="utf-8",
                                                            sha256=graph.source.sha256)))


@pytest.mark.parametrize(("fmt", "media", "start"), [
    ("csv", "text/csv", "\ufeffTT,Nhiệm vụ"),
    ("ics", "text/calendar", "BEGIN:VCALENDAR"),
    ("graphml", "application/graphml+xml", "<?xml"),
    ("mermaid", "text/vnd.mermaid", "flowchart LR"),
])
def test_extract_formats(client: TestClient, fmt: str, media: str, start: str) -> None:
    response = client.post(f"/v1/extract?format={fmt}", json={"text": SHORT})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert response.content.decode("utf-8").startswith(start)
    assert "attachment" in response.headers["content-disposition"]


def test_every_supported_upload_format(client: TestClient) -> None:
    from docx import Document

    buf = io.BytesIO()
    document = Document()
    document.add_paragraph(SHORT)
    document.save(buf)
    uploads = {
        "qd.docx": buf.getvalue(),
        "qd.html": f"<html><body><p>{SHORT}</p></body></html>".encode(),
        "qd.md": f"**{SHORT}**".encode(),
        "qd.pdf": text_pdf(["Dieu 1. Giao Bo Tai chinh chu tri xay dung Nghi dinh truoc ngay 15/12/2025."]),
    }
    for name, data in uploads.items():
        response = client.post("/v1/extract", files={"file": (name, data)})
        assert response.status_code == 200, (name, response.text)
        graph = response.json()
        assert graph["source"]["format"] == name.rsplit(".", 1)[1] and graph["source"]["path"] == name
        if name != "qd.pdf":  # the PDF builder writes Latin-1 only: no Vietnamese agency to find
            assert [a["name"] for a in graph["tasks"][0]["lead"]] == ["Bộ Tài chính"], name


def test_a_control_character_in_the_document_exports_in_every_format(client: TestClient) -> None:
    text = SHORT.replace("Nghị định", "Nghị định\b")  # a backspace, as some .txt files carry
    for fmt in ("json", "csv", "xlsx", "ics", "graphml", "mermaid"):
        response = client.post(f"/v1/extract?format={fmt}", json={"text": text})
        assert response.status_code == 200, (fmt, response.text)


def test_extract_xlsx(client: TestClient) -> None:
    response = client.post("/v1/extract?format=xlsx", files={"file": ("qd.txt", SHORT.encode("utf-8"))})
    sheet = load_workbook(io.BytesIO(response.content))["Nhiệm vụ"]
    assert sheet["C2"].value == "Bộ Tài chính"


def test_errors_are_problems_with_cli_exit_codes(client: TestClient) -> None:
    _problem(client.post("/v1/extract", files={"file": ("qd.doc", b"\xd0\xcf\x11\xe0 old word")}),
             415, "UnsupportedFormatError", 4)
    _problem(client.post("/v1/extract", files={"file": ("qd.txt", b"")}), 422, "EmptyDocumentError", 5)
    _problem(client.post("/v1/extract", json={"text": "   \n "}), 422, "EmptyDocumentError", 5)
    _problem(client.post("/v1/extract", files={"file": ("qd.docx", b"PK\x03\x04 not really a zip")}),
             422, "CorruptFileError", 7)
    _problem(client.post("/v1/extract", content=b"hello", headers={"content-type": "text/plain"}),
             415, "UnsupportedFormatError", 4)
    _problem(client.post("/v1/extract", json={"txt": "x"}), 422, "BadRequest", 2)
    _problem(client.post("/v1/extract?format=pdf", json={"text": SHORT}), 422, "BadRequest", 2)
    _problem(client.get("/v1/nothing"), 404, "NotFound", 2)


@pytest.mark.parametrize(("error", "status"), [
    (UnsupportedFormatError, 415), (FileTooLargeError, 413), (EmptyDocumentError, 422), (EncodingError, 422),
    (CorruptFileError, 422), (EncryptedFileError, 422), (ScannedPdfError, 422), (DocumentTimeoutError, 504),
])
def test_every_pipeline_error_has_its_status_and_exit_code(error: type, status: int) -> None:
    problem = problem_for(error("bao-cao.pdf", "the problem"))
    assert (problem.status, problem.error_type, problem.exit_code) == (status, error.__name__, error.exit_code)
    assert problem.body()["detail"] == "bao-cao.pdf: the problem"


def test_hostile_uploads_get_problems_and_the_server_keeps_serving(client: TestClient) -> None:
    bomb = client.post("/v1/extract", files={"file": ("bom.docx", docx_zip_bomb())})
    assert "zip bomb" in _problem(bomb, 422, "CorruptFileError", 7)["detail"]
    big = b"a" * (60 * 1024 * 1024)
    _problem(client.post("/v1/extract", files={"file": ("lon.txt", big)}), 413, "FileTooLargeError", 10)
    _problem(client.post("/v1/extract", content=big, headers={"content-type": "application/json"}),
             413, "FileTooLargeError", 10)
    chunked = (big[i:i + 4_000_000] for i in range(0, len(big), 4_000_000))  # no Content-Length: counted as read
    _problem(client.post("/v1/extract", content=chunked, headers={"content-type": "application/json"}),
             413, "FileTooLargeError", 10)
    chunked = (big[i:i + 4_000_000] for i in range(0, len(big), 4_000_000))
    _problem(client.post("/v1/export", content=chunked, headers={"content-type": "application/json"}),
             413, "FileTooLargeError", 10)
    ok = client.post("/v1/extract", json={"text": SHORT})
    assert ok.status_code == 200 and ok.json()["tasks"]


def test_timeout_is_504_and_the_worker_is_replaced() -> None:
    path = corpus_file(SEED)
    app = create_app(Settings(workers=1, timeout=0.05, api_key=None))
    with TestClient(app) as c:
        slow = c.post("/v1/extract", files={"file": (path.name, path.read_bytes())})
        assert "timed out" in _problem(slow, 504, "DocumentTimeoutError", 11)["detail"]
        assert c.get("/healthz").status_code == 200
        app.state.pool.timeout = 120  # the killed worker was replaced: the next document goes through
        ok = c.post("/v1/extract", json={"text": SHORT})
        assert ok.status_code == 200 and ok.json()["tasks"]


def test_busy_server_answers_503() -> None:
    app = create_app(Settings(workers=1, max_pending=1, api_key=None))
    c = TestClient(app)  # no lifespan: the pool never starts, the request is refused before it
    assert app.state.pool.try_acquire()
    try:
        response = c.post("/v1/extract", json={"text": SHORT})
        _problem(response, 503, "ServerBusy", None)
        assert response.headers["retry-after"]
    finally:
        app.state.pool.release()


def test_api_key() -> None:
    c = TestClient(create_app(Settings(api_key="s3cret")))
    _problem(c.post("/v1/extract", json={"text": SHORT}), 401, "Unauthorized", 2)
    _problem(c.post("/v1/extract", json={"text": SHORT}, headers={"X-API-Key": "wrong"}), 401, "Unauthorized", 2)
    # the right key gets past the check (to the export, which needs no worker)
    graph = json.loads(to_json(extract_text(SHORT, path="qd.txt")))
    ok = c.post("/v1/export?format=csv", json=graph, headers={"X-API-Key": "s3cret"})
    assert ok.status_code == 200
    assert c.get("/healthz").status_code == 200


def test_export_a_corrected_graph(client: TestClient) -> None:
    review = client.post("/v1/review", files={"file": ("qd.txt", SHORT.encode("utf-8"))}).json()
    assert review["text"] == SHORT
    graph = review["graph"]
    graph["tasks"][0]["lead"] = [{"id": None, "name": "Bộ Tư pháp", "text": "Bộ Tư pháp", "span": None,
                                  "kind": None, "known": False, "origin": "review"}]
    xlsx = client.post("/v1/export?format=xlsx", json=graph)
    assert xlsx.status_code == 200 and "qd.xlsx" in xlsx.headers["content-disposition"]
    assert load_workbook(io.BytesIO(xlsx.content))["Nhiệm vụ"]["C2"].value == "Bộ Tư pháp"
    graphml = client.post("/v1/export?format=graphml", json=graph).text
    assert "Bộ Tư pháp" in graphml  # the graph's nodes and edges are rebuilt from the corrections
    _problem(client.post("/v1/export?format=xlsx", json={"tasks": "no"}), 422, "BadRequest", 2)
    # a control character a worksheet cannot hold (found by schemathesis) is dropped, not a 500
    graph["tasks"][0]["unit"] = "Điều 1\b"
    xlsx = client.post("/v1/export?format=xlsx", json=graph)
    assert xlsx.status_code == 200
    assert load_workbook(io.BytesIO(xlsx.content))["Nhiệm vụ"]["J2"].value.endswith("Điều 1")


def test_corrections_saved_as_gold_round_trip_through_evaluate(client: TestClient, tmp_path: Path) -> None:
    path = corpus_file(SEED)
    review = client.post("/v1/review", files={"file": (path.name, path.read_bytes())}).json()
    graph = review["graph"]
    changed = graph["tasks"][0]
    old_leads = [a["name"] for a in changed["lead"]]
    changed["lead"] = [{"id": None, "name": "Bộ Tư pháp", "text": "Bộ Tư pháp", "span": None, "kind": None,
                        "known": False, "origin": "review"}]
    response = client.post("/v1/gold", json={"graph": graph, "source": path.name})
    assert response.status_code == 200
    assert response.headers["content-disposition"].endswith("004_73d4ecd4209fcbe0.gold.json")
    folder = tmp_path / "corrections"
    folder.mkdir()
    (folder / "004_73d4ecd4209fcbe0.gold.json").write_bytes(response.content)
    shutil.copy(path, folder / path.name)  # the gold's "source" resolves beside it

    gold = load_gold(folder / "004_73d4ecd4209fcbe0.gold.json")
    assert gold.source == path.name and len(gold.tasks) == len(graph["tasks"])
    report = evaluate(folder, folder)
    doc = report.documents[0]
    assert doc.error is None
    assert doc.tasks.f1 == 1.0  # every corrected task is found again by its anchor and unit
    assert doc.lead.fp == len(old_leads) and doc.lead.fn == 1  # the one changed lead, and only it
    assert [m.field for m in doc.mismatches if m.field == "lead"] == ["lead"]
    # and the CLI command staff are told to run works on the folder
    result = CliRunner().invoke(cli_app, ["evaluate", "--gold", str(folder), "--corpus", str(folder), "--markdown"])
    assert result.exit_code == 0 and "03/NQ-CP" in result.output
