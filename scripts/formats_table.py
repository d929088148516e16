"""Measure every file of ../shared/corpus/originals and write the table of docs/formats.md.

    python3 scripts/formats_table.py                       # rewrites the marked part of docs/formats.md
    python3 scripts/formats_table.py --stdout              # prints it instead

Per file: format, pages, seconds (read + extract, one process, warm), header fields found, tasks,
OCR mean confidence per page; then the .doc/.docx twins compared task by task. Only the part of
docs/formats.md between the ``formats-table`` markers is replaced.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vbpl_extract.batch import write_atomic  # noqa: E402
from vbpl_extract.errors import VbplError  # noqa: E402
from vbpl_extract.models import TaskGraph  # noqa: E402
from vbpl_extract.pipeline import extract_source, warm_up  # noqa: E402
from vbpl_extract.readers import read_file  # noqa: E402

ORIGINALS = ROOT.parent / "shared" / "corpus" / "originals"
DOC = ROOT / "docs" / "formats.md"
START, END = "<!-- formats-table:start -->", "<!-- formats-table:end -->"


def pages(path: Path) -> str:
    """Page count of a PDF (pdfinfo), 1 for an image, '–' for word-processor files."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=False).stdout
        return next((line.split()[1] for line in out.splitlines() if line.startswith("Pages:")), "?")
    if suffix in (".jpg", ".jpeg", ".png", ".tif", ".tiff"):
        return "1"
    return "–"


def cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("|", "/").replace("\n", " ")[:40] or "–"


def row(path: Path) -> tuple[str, TaskGraph | None]:
    started = time.perf_counter()
    try:
        graph = extract_source(read_file(path))
    except VbplError as exc:
        return f"| {path.name} | {path.suffix[1:]} | {pages(path)} | – | error: {cell(exc.problem)} | | | | | | |", None
    seconds = time.perf_counter() - started
    d = graph.document
    src = graph.source
    fmt = src.format + (f" → {src.converted_to}" if src.converted_to else "") + (" (OCR)" if src.ocr else "")
    conf = " / ".join(f"{p.mean_confidence:.0f}" if p.mean_confidence is not None else "–"
                      for p in src.ocr.pages) if src.ocr else "–"
    flagged = sorted(k for k, v in d.provenance.items() if "OCR" in v or "illegible" in v)
    return (f"| {path.name} | {fmt} | {pages(path)} | {seconds:.1f} | {cell(d.number)} | {cell(d.type)} | "
            f"{cell(d.issuer.name if d.issuer else None)} | {cell(d.date)} | {cell(d.signer)} | {len(graph.tasks)} | "
            f"{conf}{' (flagged: ' + ', '.join(flagged) + ')' if flagged else ''} |"), graph


def twins(graphs: dict[str, TaskGraph]) -> list[str]:
    """Compare each .doc with its .docx twin: same task anchors (unit, span) and leads?"""
    lines = ["| twin | .doc tasks | .docx tasks | same text | same tasks (unit, span, lead) | differences |",
             "|---|---|---|---|---|---|"]
    for name, doc in sorted(graphs.items()):
        if not name.endswith(".doc") or name + "x" not in graphs:
            continue
        docx = graphs[name + "x"]
        a = [(t.unit, tuple(t.span), tuple(x.name for x in t.lead)) for t in doc.tasks]
        b = [(t.unit, tuple(t.span), tuple(x.name for x in t.lead)) for t in docx.tasks]
        diff = [f"{x[0]}" for x, y in zip(a, b, strict=False) if x != y] + (["task count"] if len(a) != len(b) else [])
        lines.append(f"| {name[:-4]} | {len(a)} | {len(b)} | {doc.source.length == docx.source.length} | "
                     f"{a == b} | {', '.join(diff[:5]) or 'none'} |")
    return lines


def table() -> str:
    warm_up()
    files = sorted(p for p in ORIGINALS.iterdir() if p.is_file() and p.name != "MANIFEST.tsv")
    lines = ["| file | format | pages | seconds | number | type | issuer | date | signer | tasks | OCR mean confidence per page |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    graphs: dict[str, TaskGraph] = {}
    for path in files:
        text, graph = row(path)
        lines.append(text)
        if graph is not None:
            graphs[path.name] = graph
        print(text, file=sys.stderr)
    return "\n".join([*lines, "", *twins(graphs)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stdout", action="store_true", help="print the table instead of updating docs/formats.md")
    args = parser.parse_args()
    if not ORIGINALS.is_dir():
        sys.exit(f"formats_table: {ORIGINALS} not found (the shared corpus is expected beside the checkout)")
    body = table()
    if args.stdout:
        print(body)
        return
    text = DOC.read_text("utf-8")
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    write_atomic(DOC, f"{before}{START}\n{body}\n{END}{after}")
    print(f"wrote {DOC}", file=sys.stderr)


if __name__ == "__main__":
    main()
