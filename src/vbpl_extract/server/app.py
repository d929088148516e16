"""The HTTP API and the review page: ``vbpl-extract serve`` runs :func:`create_app` under uvicorn.

API (versioned under ``/v1``; OpenAPI at ``/openapi.json``, an offline docs page at ``/docs``)::

    curl -F file=@nq03.txt 'http://127.0.0.1:8000/v1/extract?format=json'
    curl -H 'Content-Type: application/json' -d '{"text": "Điều 1. Giao Bộ Tài chính chủ trì …"}' \\
         http://127.0.0.1:8000/v1/extract

The JSON is exactly the CLI's (same schema version); errors are ``application/problem+json`` with the
CLI's error type and exit code. Extraction runs in a process pool with a per-document time limit; at
most ``max_pending`` extractions are admitted at once (503 beyond); uploads over ``max_bytes`` get 413;
nothing is kept. ``VBPL_API_KEY`` (or ``Settings.api_key``) makes the ``POST /v1/…`` endpoints require the
header ``X-API-Key``.

>>> from fastapi.testclient import TestClient
>>> with TestClient(create_app(Settings(workers=1))) as client:
...     client.get("/healthz").json()["status"]
'ok'
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.security import APIKeyHeader
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..models import SCHEMA_VERSION, TaskGraph
from ..readers import DEFAULT_MAX_BYTES
from .problems import MEDIA_TYPE, Problem, ProblemModel, problem_from_parts, responses
from .worker import ExtractionPool

STATIC = Path(__file__).resolve().parent / "static"

ExportFormat = Literal["json", "csv", "xlsx", "ics", "graphml", "mermaid"]

MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ics": "text/calendar; charset=utf-8",
    "graphml": "application/graphml+xml",
    "mermaid": "text/vnd.mermaid; charset=utf-8",
}

MULTIPART_OVERHEAD = 1024 * 1024
"""Bytes allowed on top of ``max_bytes`` for multipart framing and JSON quoting."""


@dataclass
class Settings:
    """Server limits. ``timeout`` is the per-document time limit in seconds (as ``batch --timeout``)."""

    workers: int = 1
    timeout: float = 60.0
    max_bytes: int = DEFAULT_MAX_BYTES
    max_pending: int = 64
    api_key: str | None = field(default_factory=lambda: os.environ.get("VBPL_API_KEY") or None)


class TextInput(BaseModel):
    """``{"text": "Điều 1. Giao Bộ Tài chính …", "name": "qd.txt"}``: a text instead of a file."""

    text: str = Field(description="The document's text (read as a .txt file)")
    name: str | None = Field(None, description="A name for the document (default text.txt)")


class GoldRequest(BaseModel):
    """A corrected task graph and the path its document will have under the evaluation corpus root."""

    graph: TaskGraph
    source: str = Field(min_length=1, description="Path of the document relative to the corpus root")


class Version(BaseModel):
    version: str
    schema_version: str


class Health(BaseModel):
    status: str
    workers: int
    pending: int
    max_pending: int


def _safe_name(name: str | None, default: str) -> str:
    """The base name of an uploaded file (no folders, no control characters): ``C:\\a\\qd.docx`` -> ``qd.docx``."""
    if not name:
        return default
    base = PureWindowsPath(PurePosixPath(name).name).name
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base[:200] or default


def _stem(name: str) -> str:
    return Path(name).stem or "van-ban"


def _download_headers(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"}


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes gets 413 without being read in full."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        message = f"the request body is over the {self.limit / 1e6:.1f} MB limit"
        too_large = Problem(413, "FileTooLargeError", message, exit_code=10)
        with contextlib.suppress(ValueError):
            if length is not None and int(length) > self.limit:
                await _send_problem(send, too_large)
                return
        seen = 0

        async def limited_receive() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:  # an HTTPException, so FastAPI's body parsing passes it on unchanged
                    raise StarletteHTTPException(413, message)
            return message

        await self.app(scope, limited_receive, send)


async def _send_problem(send: Any, problem: Problem) -> None:
    body = json.dumps(problem.body(), ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": problem.status,
                "headers": [(b"content-type", MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def _problem_response(problem: Problem) -> JSONResponse:
    return JSONResponse(problem.body(), status_code=problem.status, media_type=MEDIA_TYPE, headers=problem.headers)


_EXTRACT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {"type": "object", "required": ["file"],
                           "properties": {"file": {"type": "string", "format": "binary",
                                                   "description": ".txt .md .html .docx or .pdf"}}}},
            "application/json": {"schema": {"$ref": "#/components/schemas/TextInput"}},
        },
    }
}


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI application (API, offline docs, review page)."""
    settings = settings or Settings()
    pool = ExtractionPool(settings.workers, timeout=settings.timeout, max_pending=settings.max_pending)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        pool.start()
        try:
            yield
        finally:
            pool.stop()

    app = FastAPI(
        title="vbpl_extract",
        version=__version__,
        summary="Vietnamese legal documents -> task graph JSON",
        description=("Post a document (a file or a text), get its task graph: the JSON of `vbpl-extract extract`, "
                     f"schema version {SCHEMA_VERSION}, or a table (csv, xlsx), a calendar (ics), a graph "
                     "(graphml, mermaid). Errors are `application/problem+json` (RFC 9457) carrying the CLI's "
                     "error type and exit code."),
        docs_url=None, redoc_url=None, lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.pool = pool
    app.add_middleware(BodyLimit, limit=settings.max_bytes + MULTIPART_OVERHEAD)

    api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False,
                                  description="Required only when the server is started with VBPL_API_KEY set")

    async def check_key(key: str | None = Depends(api_key_header)) -> None:
        if settings.api_key and not (key and secrets.compare_digest(key.encode(), settings.api_key.encode())):
            raise Problem(401, "Unauthorized", "missing or wrong X-API-Key header", exit_code=2,
                          headers={"WWW-Authenticate": "ApiKey"})

    # ------------------------------------------------------------------ errors

    @app.exception_handler(Problem)
    async def _on_problem(request: Request, exc: Problem) -> JSONResponse:
        return _problem_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        detail = "; ".join(f"{'/'.join(str(x) for x in e.get('loc', ()))}: {e.get('msg')}" for e in errors[:5])
        return _problem_response(Problem(422, "BadRequest", detail or "invalid request", exit_code=2))

    @app.exception_handler(StarletteHTTPException)
    async def _on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        kinds = {404: "NotFound", 405: "MethodNotAllowed", 413: "FileTooLargeError"}
        return _problem_response(Problem(exc.status_code, kinds.get(exc.status_code, "BadRequest"), str(exc.detail),
                                         exit_code=10 if exc.status_code == 413 else 2, headers=dict(exc.headers or {})))

    # ------------------------------------------------------------------ input

    async def read_input(request: Request) -> tuple[bytes, str, str | None]:
        """``(data, name, format or None)`` from a multipart upload (field ``file``) or ``{"text": …}``."""
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "multipart/form-data":
            try:
                form = await request.form(max_files=1, max_fields=8)
            except (Problem, StarletteHTTPException):
                raise
            except Exception as exc:
                raise Problem(400, "BadRequest", f"unreadable multipart body: {exc}", exit_code=2) from None
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                raise Problem(422, "BadRequest", "the multipart body needs a file in the field 'file'", exit_code=2)
            name = _safe_name(upload.filename, "upload")
            data = await upload.read(settings.max_bytes + 1)
            await upload.close()
            return data, name, None
        if ctype == "application/json" or ctype.endswith("+json"):
            raw = await request.body()
            try:
                payload = TextInput.model_validate_json(raw)
            except ValueError as exc:
                first = str(exc).splitlines()[0] if str(exc) else "invalid JSON"
                raise Problem(422, "BadRequest", f"expected {{\"text\": …}}: {first}", exit_code=2) from None
            name = _safe_name(payload.name, "text.txt")
            return payload.text.encode("utf-8"), name, "txt"
        raise Problem(415, "UnsupportedFormatError",
                      f"unsupported request type {ctype or 'none'!r}; send multipart/form-data with a 'file' "
                      "or application/json with a 'text'", exit_code=4)

    async def run(request: Request, output: str) -> tuple[bytes | str, str | None, str]:
        if not pool.try_acquire():
            raise Problem(503, "ServerBusy", f"{pool.max_pending} extractions already in progress; retry shortly",
                          exit_code=None, headers={"Retry-After": "2"})
        try:
            data, name, fmt = await read_input(request)
            result = await pool.run(data, name, fmt, output, settings.max_bytes)
        finally:
            pool.release()
        if result[0] == "error":
            raise problem_from_parts(result[1], result[2])
        return result[1], result[2], name

    # ------------------------------------------------------------------ API

    extract_responses: dict[int | str, dict[str, Any]] = {
        200: {"description": "The task graph (JSON, the CLI's schema) or its export in the format asked for",
              "content": {MEDIA_TYPES["json"]: {"schema": {"$ref": "#/components/schemas/TaskGraph"}},
                          **{MEDIA_TYPES[f].split(";")[0]: {"schema": {"type": "string"}}
                             for f in ("csv", "ics", "mermaid")},
                          **{MEDIA_TYPES[f]: {"schema": {"type": "string", "format": "binary"}}
                             for f in ("xlsx", "graphml")}}},
        **responses(400, 401, 413, 415, 422, 503, 504),
    }

    @app.post("/v1/extract", tags=["extract"], dependencies=[Depends(check_key)], openapi_extra=_EXTRACT_BODY,
              responses=extract_responses, response_class=Response)
    async def extract(request: Request,
                      format: Annotated[ExportFormat, Query(description="Output format")] = "json") -> Response:
        """Extract the task graph of one document (a file upload or `{"text": …}`)."""
        payload, _text, name = await run(request, format)
        body = payload.encode("utf-8") if isinstance(payload, str) else payload
        headers = {} if format == "json" else _download_headers(_stem(name) + _suffix(format))
        return Response(body, media_type=MEDIA_TYPES[format], headers=headers)

    @app.post("/v1/review", tags=["review"], dependencies=[Depends(check_key)], openapi_extra=_EXTRACT_BODY,
              responses={200: {"description": "`{\"text\": source text, \"graph\": task graph}` for the review page",
                               "content": {"application/json": {"schema": {
                                   "type": "object", "required": ["text", "graph"],
                                   "properties": {"text": {"type": "string"},
                                                  "graph": {"$ref": "#/components/schemas/TaskGraph"}}}}}},
                         **responses(400, 401, 413, 415, 422, 503, 504)},
              response_class=Response)
    async def review(request: Request) -> Response:
        """The task graph with the source text its spans index into (what `extract --text` prints)."""
        graph_json, text, _name = await run(request, "review")
        body = '{"text": ' + json.dumps(text, ensure_ascii=False) + ', "graph": ' + str(graph_json).rstrip() + "}"
        return Response(body.encode("utf-8"), media_type="application/json")

    @app.post("/v1/export", tags=["review"], dependencies=[Depends(check_key)],
              responses={200: extract_responses[200], **responses(400, 401, 413, 422)}, response_class=Response)
    async def export_graph(graph: TaskGraph,
                           format: Annotated[ExportFormat, Query(description="Output format")] = "json") -> Response:
        """Export a (corrected) task graph: the review page posts its edited graph here."""
        data = await run_in_threadpool(_export, graph, format)
        name = _stem(Path(graph.source.path).name)
        return Response(data, media_type=MEDIA_TYPES[format], headers=_download_headers(name + _suffix(format)))

    @app.post("/v1/gold", tags=["review"], dependencies=[Depends(check_key)],
              responses={200: {"description": "A gold file in the annotation guide's format"},
                         **responses(400, 401, 413, 422)})
    async def gold(request: GoldRequest) -> JSONResponse:
        """A corrected graph as a gold file for `vbpl-extract evaluate` (annotation guide, "File format")."""
        from .gold import graph_to_gold

        data = await run_in_threadpool(graph_to_gold, request.graph, request.source)
        name = _stem(PurePosixPath(request.source).name) + ".gold.json"
        return JSONResponse(data, headers=_download_headers(name))

    @app.get("/v1/schema", tags=["meta"], responses={200: {"description": "JSON Schema of the task graph",
                                                            "content": {"application/json": {}}}})
    async def get_schema() -> JSONResponse:
        """The published JSON Schema of the output (as `vbpl-extract schema`)."""
        from ..schema import schema

        return JSONResponse(schema())

    @app.get("/v1/version", tags=["meta"])
    async def version() -> Version:
        """Package and schema versions."""
        return Version(version=__version__, schema_version=SCHEMA_VERSION)

    @app.get("/healthz", tags=["meta"])
    async def healthz() -> Health:
        """Liveness: always 200 while the server answers."""
        return Health(status="ok", workers=pool.workers, pending=pool.pending, max_pending=pool.max_pending)

    # ------------------------------------------------------------------ pages

    swagger = Path(__import__("fastapi_offline").__file__).resolve().parent / "static"
    app.mount("/static/swagger", StaticFiles(directory=swagger), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="vbpl_extract API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger/favicon.png")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            spec = get_openapi(title=app.title, version=app.version, summary=app.summary,
                               description=app.description, routes=app.routes)
            schemas = spec.setdefault("components", {}).setdefault("schemas", {})
            schemas["ProblemModel"] = ProblemModel.model_json_schema(ref_template="#/components/schemas/{model}")
            schemas.setdefault("TextInput", TextInput.model_json_schema(ref_template="#/components/schemas/{model}"))
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _suffix(fmt: str) -> str:
    from ..exporters import default_suffix

    return default_suffix(fmt)


def _export(graph: TaskGraph, fmt: str) -> bytes:
    """Export an edited graph; the graph's nodes and edges are rebuilt so they show the corrections."""
    from ..exporters import export, to_bytes
    from ..graph import build_graph

    graph.graph = build_graph(graph)
    return to_bytes(export(graph, fmt))
