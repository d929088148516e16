"""Command line: ``vbpl-extract extract | tasks | schema | validate | evaluate | train | batch | serve``.

    vbpl-extract extract ../shared/corpus/seeds/004_73d4ecd4209fcbe0.txt -o 03-NQ-CP.json
    vbpl-extract tasks ../shared/corpus/seeds/004_73d4ecd4209fcbe0.txt

Exit codes: 0 success; 1 some documents of a batch failed (or a validation failed); 2 and up:
the input could not be read (see :data:`vbpl_extract.errors.EXIT_CODES`).
"""

from __future__ import annotations

import functools
import json
import math
import os
import sys
import traceback
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from .errors import VbplError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help=(
        "Đọc văn bản pháp luật, hành chính (nghị quyết, quyết định, kế hoạch, công điện …) và lập danh sách "
        "nhiệm vụ: ai chủ trì, ai phối hợp, thời hạn, sản phẩm, kèm vị trí trong văn bản gốc.\n\n"
        "Reads Vietnamese legal and administrative documents and writes the tasks they assign as a task graph (JSON)."
    ),
)
err = Console(stderr=True)
out = Console()


def _error(message: str) -> None:
    """One line on stderr, never wrapped (other programs parse it)."""
    sys.stderr.write("vbpl-extract: " + " ".join(message.split()) + "\n")
    sys.stderr.flush()


def _fail(exc: Exception, debug: bool) -> typer.Exit:
    if debug:
        traceback.print_exc()
    if isinstance(exc, VbplError):
        _error(f"error: {exc}")
        return typer.Exit(exc.exit_code)
    _error(f"internal error: {type(exc).__name__}: {exc}")
    return typer.Exit(70)


def _check_ocr(mode: str) -> None:
    from .readers import OCR_MODES

    if mode not in OCR_MODES:
        _error(f"error: unknown --ocr mode {mode!r}; choose one of {', '.join(OCR_MODES)}")
        raise typer.Exit(2)


def write_atomic(path: Path | str, data: bytes) -> None:
    """Write ``path`` atomically (temporary file in the same folder, fsync, rename); creates the folder.

    Raises :class:`VbplError` (exit 2) naming the file when it cannot be written: a name ending in
    ``/`` or an existing folder, a folder that cannot be created (``/proc/x/y``), no permission.
    """
    from .batch import write_atomic as _write

    text = str(path)
    if text.endswith(("/", os.sep)) or Path(text).is_dir():
        raise VbplError(text, "names a folder; give a file name for the output")
    target = Path(text)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _write(target, data)
    except OSError as exc:
        raise VbplError(text, f"cannot write the output ({exc.strerror or exc})") from None


def _positive(option: str, value: float, *, zero_ok: bool = False) -> None:
    """Refuse ``nan``, ``inf`` and negative numbers for a numeric option (exit 2)."""
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero_ok):
        _error(f"error: {option} must be a {'non-negative' if zero_ok else 'positive'} finite number, got {value}")
        raise typer.Exit(2)


def _write_output(output: str, data: bytes, debug: bool) -> None:
    try:
        write_atomic(output, data)
    except VbplError as exc:
        raise _fail(exc, debug) from None


DebugOpt = Annotated[bool, typer.Option("--debug", help="Show the full traceback on errors.")]
OcrOpt = Annotated[str, typer.Option("--ocr", help="auto: OCR scanned PDFs and images; always: OCR every PDF too; "
                                                   "never: no OCR (a scan is an error)")]


def _version(value: bool) -> None:
    if value:
        from . import __version__

        sys.stdout.write(f"vbpl-extract {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Đọc văn bản pháp luật, hành chính và lập danh sách nhiệm vụ. Vietnamese legal documents -> task graph."""


_SUFFIX_FORMATS = {".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".ics": "ics", ".graphml": "graphml",
                   ".mmd": "mermaid", ".mermaid": "mermaid"}
"""Output format from ``-o``'s extension when ``--format`` is not given."""


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="Văn bản nguồn: .txt, .md, .html, .docx, .pdf, .doc/.rtf/.odt, ảnh quét")],
    output: Annotated[str | None, typer.Option("-o", "--output", help="Ghi kết quả ra tệp (mặc định: màn hình)")] = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="json, csv, xlsx, ics, graphml, mermaid "
                                            "(default: from -o's extension, else json)")] = None,
    text: Annotated[bool, typer.Option("--text", help="Print the reader's text rendering (what spans index into)")] = False,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Refuse files larger than this (MB)")] = 50.0,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 15) when a stage reports a warning")] = False,
    ocr: OcrOpt = "auto",
    debug: DebugOpt = False,
) -> None:
    """Trích xuất nhiệm vụ từ một văn bản. Extract the task graph of one document."""
    from .errors import StageWarningsError
    from .exporters import FORMATS, export, to_bytes
    from .pipeline import extract_source
    from .readers import read_file

    if fmt is None:
        fmt = _SUFFIX_FORMATS.get(Path(output).suffix.lower(), "json") if output else "json"
    if fmt not in FORMATS:
        _error(f"error: unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    _check_ocr(ocr)
    _positive("--max-mb", max_mb)
    try:
        source = read_file(file, max_bytes=int(max_mb * 1024 * 1024), ocr=ocr)  # type: ignore[arg-type]
        graph = None if text else extract_source(source)
        if strict and graph is not None and graph.warnings:
            for w in graph.warnings:
                _error(f"warning: {w}")
            raise StageWarningsError(file, f"{len(graph.warnings)} stage warning(s); first: {graph.warnings[0]}")
        data = source.text.encode("utf-8") if graph is None else to_bytes(export(graph, fmt))
    except Exception as exc:
        raise _fail(exc, debug) from None
    if output is None:
        if fmt == "xlsx" and not text:
            _error("error: xlsx is binary; give -o FILE.xlsx")
            raise typer.Exit(2)
        sys.stdout.buffer.write(data if data.endswith(b"\n") else data + b"\n")
        sys.stdout.flush()
    else:
        _write_output(output, data, debug)
        err.print(f"wrote {output}")


@app.command()
def tasks(
    file: Annotated[Path, typer.Argument(help="Văn bản nguồn")],
    debug: DebugOpt = False,
) -> None:
    """Bảng nhiệm vụ trên màn hình. A readable table of the tasks in the terminal."""
    from .exporters import task_records
    from .pipeline import extract_file

    try:
        g = extract_file(file)
    except Exception as exc:
        raise _fail(exc, debug) from None
    d = g.document
    out.print(f"[bold]{d.type or ''} {d.number or ''}[/bold] — {d.issuer.name if d.issuer else ''}, {d.date or ''}")
    if d.title:
        out.print(d.title)
    table = Table(show_lines=True, expand=True)
    for col, ratio in (("TT", 1), ("Nhiệm vụ", 8), ("Cơ quan chủ trì", 4), ("Cơ quan phối hợp", 4), ("Thời hạn", 3),
                       ("Kết quả/Sản phẩm", 3), ("Nguồn", 3)):
        table.add_column(col, overflow="fold", ratio=ratio)
    for r in task_records(g):
        dl = (r["deadline_text"] or "") + (f" ({r['deadline_due']})" if r["deadline_due"] else "") + (
            f" [{r['deadline_rrule']}]" if r["deadline_rrule"] else "")
        table.add_row(str(r["n"]), r["text"][:300], "; ".join(r["lead"]), "; ".join(r["coordinators"]), dl,
                      r["product"] or "", r["unit"])
    out.print(table)
    out.print(f"{len(g.tasks)} nhiệm vụ")


@app.command()
def schema(
    output: Annotated[str | None, typer.Option("-o", "--output", help="Write the schema to this file")] = None,
) -> None:
    """In JSON Schema của kết quả. Print the published JSON Schema of the output."""
    from .schema import schema_json

    data = schema_json()
    if output:
        _write_output(output, data.encode("utf-8"), False)
    else:
        sys.stdout.write(data)


@app.command()
def validate(
    file: Annotated[Path, typer.Argument(help="A JSON output of vbpl-extract")],
    debug: DebugOpt = False,
) -> None:
    """Kiểm tra một tệp kết quả theo schema. Validate an output file against the published schema."""
    from .schema import validate_file

    try:
        problems = validate_file(file)
    except Exception as exc:
        raise _fail(exc, debug) from None
    if problems:
        for p in problems[:50]:
            sys.stderr.write(f"{file}: {' '.join(p.split())}\n")
        _error(f"error: {file}: {len(problems)} schema violation(s)")
        raise typer.Exit(1)
    out.print(f"{file}: valid")


@app.command()
def evaluate(
    gold: Annotated[list[Path], typer.Option("--gold", help="Folder (or file) of gold files in the annotation guide's format; repeatable")],
    corpus: Annotated[Path, typer.Option("--corpus", help="Corpus root the gold 'source' paths are relative to")],
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the numbers as JSON")] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print a markdown table instead")] = False,
) -> None:
    """Đo kết quả so với gold. Score the pipeline against gold files."""
    from .evaluate import evaluate as run_eval
    from .evaluate import format_markdown, render_table

    try:
        report = run_eval(gold, corpus)
    except Exception as exc:
        raise _fail(exc, False) from None
    if markdown:
        sys.stdout.write(format_markdown(report) + "\n")
    else:
        Console(width=220).print(render_table(report))
    if json_out:
        _write_output(str(json_out), report.to_json().encode("utf-8"), False)
    if report.documents and all(d.error for d in report.documents):
        _error(f"error: every one of the {len(report.documents)} documents failed to extract; the scores mean nothing")
        raise typer.Exit(1)


@app.command()
def train(
    gold: Annotated[list[Path], typer.Option("--gold", help="Folder (or file) of corrected gold files; repeatable")],
    corpus: Annotated[Path, typer.Option("--corpus", help="Corpus root the gold 'source' paths are relative to")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Model file to write (JSON)")],
    debug: DebugOpt = False,
) -> None:
    """Huấn luyện lại. Retrain the learned task decision on your own gold files (docs/accuracy.md).

    Prints rules alone vs rules + model on held-out documents, sources and genres, and writes the model;
    use it with VBPL_EXTRACT_MODEL=FILE (VBPL_EXTRACT_LEARNED=1 forces it on).
    """
    try:
        from .training import markdown_table, write_model
        from .training import train as run_train

        model, results = run_train(gold, corpus)
        write_model(model, output)
    except Exception as exc:
        raise _fail(exc, debug) from None
    for line in model.trained_on.get("skipped", []):
        _error(f"warning: skipped {line}")
    sys.stdout.write(markdown_table(results))
    out.print(f"{output}: threshold {model.threshold}, enabled by default: {model.enabled_by_default}")


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or globs")],
    out_dir: Annotated[Path, typer.Option("--out", help="Output folder (one JSON per document + manifest.jsonl)")],
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes (default: CPUs available)")] = None,
    executor: Annotated[str, typer.Option("--executor", help="local or dask")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address (tcp://host:8786)")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Skip documents already done with the same sha256 and pipeline version")] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Per-document time limit in seconds (0: none)")] = 120.0,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Progress bar and summary table")] = True,
    ocr: OcrOpt = "auto",
    debug: DebugOpt = False,
) -> None:
    """Chạy hàng loạt. Run the pipeline over many documents (resumable); see docs/batch.md.

    Exit code 0 when every document is ok, 1 when at least one failed (the others are still written).
    """
    from .batch import run_batch

    if executor not in ("local", "dask"):
        _error(f"error: unknown executor {executor!r}; choose local or dask")
        raise typer.Exit(2)
    _check_ocr(ocr)
    _positive("--timeout", timeout, zero_ok=True)
    extractor: Any = "vbpl_extract.pipeline:extract_file"
    if ocr != "auto":
        from .pipeline import extract_file

        extractor = functools.partial(extract_file, ocr=ocr)
    try:
        summary = run_batch(inputs, out_dir, jobs=jobs, executor=executor, scheduler=scheduler, resume=resume,
                            timeout=timeout or None, progress=progress, extractor=extractor)
    except Exception as exc:
        raise _fail(exc, debug) from None
    if not progress:  # one JSON line, unwrapped; names that are not UTF-8 as \udcXX escapes
        from .batch import json_line

        sys.stdout.buffer.write(json_line(json.loads(json.dumps(summary.as_dict(), default=str)), sort_keys=False))
        sys.stdout.flush()
    raise typer.Exit(summary.exit_code)


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port")] = 8000,
    workers: Annotated[int, typer.Option("--workers", help="Extraction worker processes")] = 1,
    timeout: Annotated[float, typer.Option("--timeout", help="Per-document time limit in seconds")] = 60.0,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Refuse uploads larger than this (MB)")] = 50.0,
    max_pending: Annotated[int, typer.Option("--max-pending", help="Extractions admitted at once (503 beyond)")] = 64,
) -> None:
    """Trang rà soát và API HTTP. The review page (/) and the HTTP API (/v1, docs at /docs); set VBPL_API_KEY
    to require an X-API-Key header. See docs/server.md."""
    import uvicorn

    from .server.app import Settings, create_app

    settings = Settings(workers=workers, timeout=timeout, max_bytes=int(max_mb * 1024 * 1024), max_pending=max_pending)
    err.print(f"vbpl-extract: serving on http://{host}:{port}/ (API docs: /docs)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
