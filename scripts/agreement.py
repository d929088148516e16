"""Inter-annotator agreement: two blind gold files of the same document, scored against each other.

The second annotator's file is turned into a prediction (each task's text is its anchor) and scored
against the first with the project's own scorer (:func:`vbpl_extract.evaluate.score_document`), so
the figures read like the pipeline's: task F1, lead / coordinators F1, deadline and header agreement.
Anchors are compared on their first six words, since two people cut an anchor at different lengths.

    python3 scripts/agreement.py corpus/gold/blind corpus/gold/second [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vbpl_extract.evaluate import GoldFile, _overall, load_gold, score_document
from vbpl_extract.models import AgencyRef, Deadline, DocumentInfo, SourceInfo, Task, TaskGraph

ANCHOR_WORDS = 6


def _refs(names: list[str]) -> list[AgencyRef]:
    return [AgencyRef(name=n, text=n) for n in names]


def as_prediction(gold: GoldFile) -> TaskGraph:
    """A gold file as if the pipeline had produced it (spans are not compared by the scorer)."""
    d = gold.document
    tasks = [Task(id=f"t{i}", text=t.anchor, unit=t.unit or "", span=(0, 0), lead=_refs(t.lead),
                  coordinators=_refs(t.coordinators), report_to=_refs(t.report_to),
                  deadline=Deadline(kind=t.deadline.kind, due=t.deadline.due, text=t.deadline.text)
                  if t.deadline else None, product=t.product, doubt=t.doubt)
             for i, t in enumerate(gold.tasks)]
    doc = DocumentInfo(number=d.number, type=d.type, issuer=AgencyRef(name=d.issuer, text=d.issuer) if d.issuer else None,
                       date=d.date, signer=d.signer)
    return TaskGraph(source=SourceInfo(path=gold.source, format="md", length=0), document=doc, tasks=tasks)


def short_anchors(gold: GoldFile) -> GoldFile:
    tasks = [t.model_copy(update={"anchor": " ".join(t.anchor.split()[:ANCHOR_WORDS])}) for t in gold.tasks]
    return gold.model_copy(update={"tasks": tasks})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("first", type=Path)
    ap.add_argument("second", type=Path)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    docs = []
    for f2 in sorted(args.second.glob("*.json")):
        f1 = args.first / f2.name
        if not f1.exists():
            continue
        g1, g2 = load_gold(f1), load_gold(f2)
        docs.append(score_document(short_anchors(g1), as_prediction(g2), name=f2.name))
    if not docs:
        print("agreement: no document annotated twice", file=sys.stderr)
        return 1
    o = _overall(docs)
    figures = {"documents": o.documents, "tasks.f1": o.tasks.f1, "lead.f1": o.lead.f1 if o.lead else None,
               "coordinators.f1": o.coordinators.f1 if o.coordinators else None,
               "deadline": o.deadline.value, "header": o.header.value}
    for d in docs:
        print(f"{d.gold:45} tasks F1 {d.tasks.f1:.2f}  lead F1 {d.lead.f1 if d.lead else float('nan'):.2f}")
    print(json.dumps(figures, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
