"""Measure the PDF and Word readers on ``../shared/corpus/originals``: a markdown table for docs/formats.md.

    python scripts/measure_originals.py                  # every .pdf and .docx of originals/
    python scripts/measure_originals.py --corpus DIR     # another folder

Per file: pages (PDF), seconds for the whole pipeline (read + extract), the header fields found
(number, type, issuer, date, signer), the number of tasks, or the typed error.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from vbpl_extract.errors import VbplError
from vbpl_extract.pipeline import extract_file

ROOT = Path(__file__).resolve().parents[1]


def pages(path: Path) -> str:
    if path.suffix.lower() != ".pdf":
        return ""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return str(len(pdf.pages))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "originals")
    args = parser.parse_args()
    print("| file | pages | s | number | type | issuer | date | signer | tasks |")
    print("|---|---|---|---|---|---|---|---|---|")
    for path in sorted(p for p in args.corpus.iterdir() if p.suffix.lower() in (".pdf", ".docx")):
        start = time.perf_counter()
        try:
            graph = extract_file(path)
        except VbplError as exc:
            seconds = time.perf_counter() - start
            print(f"| {path.name} | {pages(path)} | {seconds:.1f} | {type(exc).__name__} (exit {exc.exit_code}) "
                  "| | | | | |")
            continue
        seconds = time.perf_counter() - start
        doc = graph.document
        issuer = doc.issuer.name if doc.issuer else ""
        print(f"| {path.name} | {pages(path)} | {seconds:.1f} | {doc.number or ''} | {doc.type or ''} | {issuer} "
              f"| {doc.date or ''} | {doc.signer or ''} | {len(graph.tasks)} |")


if __name__ == "__main__":
    main()
