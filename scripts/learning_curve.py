"""The learning curve of the blind gold batches: baseline, cold and warm scores per batch.

Each blind batch was scored *cold* (with the code of the commit named in the record, before any rule
was changed for its documents) and with the baseline commit the wave started from; both are kept in
``docs/accuracy-cold.json``. The *warm* score is today's code on the same gold files.

    python3 scripts/learning_curve.py                 # cold and baseline only
    python3 scripts/learning_curve.py --warm          # also run today's code (about a minute)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORD = ROOT / "docs" / "accuracy-cold.json"
CORPUS = ROOT.parent / "shared" / "corpus"


def _f1(c: dict) -> float:
    d = 2 * c["tp"] + c["fp"] + c["fn"]
    return 2 * c["tp"] / d if d else 1.0


def aggregate(docs: list[dict]) -> tuple[float, float, float, float, float]:
    """Micro task F1, lead F1, coordinators F1, deadline and header accuracy over document scores."""
    tot = {k: {"tp": 0, "fp": 0, "fn": 0} for k in ("tasks", "lead", "coordinators")}
    acc = {k: [0, 0] for k in ("deadline", "header")}
    for d in docs:
        for k in tot:
            if d.get(k):
                for x in ("tp", "fp", "fn"):
                    tot[k][x] += d[k][x]
        for k in acc:
            acc[k][0] += d[k]["correct"]
            acc[k][1] += d[k]["total"]
    return (_f1(tot["tasks"]), _f1(tot["lead"]), _f1(tot["coordinators"]),
            acc["deadline"][0] / acc["deadline"][1] if acc["deadline"][1] else 1.0,
            acc["header"][0] / acc["header"][1] if acc["header"][1] else 1.0)


def warm_scores(names: list[str]) -> dict[str, dict]:
    from vbpl_extract.evaluate import evaluate

    # (gold folder, corpus root its "source" paths are relative to); batch 22 came from outside ../shared
    dirs = [(ROOT / "corpus" / "gold" / "blind", CORPUS), (ROOT / "corpus" / "gold" / "originals", CORPUS),
            (ROOT / "corpus" / "gold" / "external", ROOT / "corpus" / "external")]
    out: dict[str, dict] = {}
    for n in names:
        for d, corpus in dirs:
            if (d / n).exists():
                out.update({r.gold: json.loads(r.model_dump_json()) for r in evaluate(d / n, corpus).documents})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--warm", action="store_true", help="also score today's code")
    args = ap.parse_args()
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    warm = warm_scores(list(record)) if args.warm else {}
    fmt = lambda r: " / ".join(f"{x:.2f}" for x in r)  # noqa: E731
    print("| batch | documents | genres | commit (cold) | baseline | cold | warm |")
    print("|---|---:|---|---|---|---|---|")
    batches = sorted({v["batch"] for v in record.values()})
    for b in [*batches, "all"]:
        rows = [(n, v) for n, v in record.items() if b == "all" or v["batch"] == b]
        genres = ", ".join(sorted({v["genre"] for _, v in rows}))
        commits = ", ".join(sorted({v["commit"] for _, v in rows}))
        w = fmt(aggregate([warm[n] for n, _ in rows if n in warm])) if warm else "–"
        print(f"| {b} | {len(rows)} | {genres} | {commits if b != 'all' else ''} | "
              f"{fmt(aggregate([v['baseline'] for _, v in rows]))} | {fmt(aggregate([v['cold'] for _, v in rows]))} | {w} |")
    print("\nEach cell: task F1 / lead F1 / coordinators F1 / deadline / header fields.")


if __name__ == "__main__":
    main()
