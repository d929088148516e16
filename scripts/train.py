"""Train the learned task decision and compare it with the rules alone by grouped cross-validation.

    python3 scripts/train.py --gold ../shared/corpus/gold --gold corpus/gold --gold corpus/gold/blind \\
        --corpus ../shared/corpus -o src/vbpl_extract/data/task_filter.json --report docs/learned-cv.md

Prints the per-group table (rules alone vs rules + model, task P/R/F1 as the scorer computes it, and
lead F1) and the pooled summary per split; writes the model (JSON) and, with ``--report``, the table.
``--cache FILE`` keeps the rule predictions (pickle) between runs while the features are tuned.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

from vbpl_extract.learn.features import document_features
from vbpl_extract.training import DEFAULT_C, collect, markdown_table, train, write_model


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", action="append", required=True, help="gold folder or file (repeatable)")
    ap.add_argument("--corpus", required=True, help="corpus root the gold 'source' paths are relative to")
    ap.add_argument("-o", "--output", required=True, help="model file to write (JSON)")
    ap.add_argument("--C", type=float, default=DEFAULT_C, help="inverse regularisation strength")
    ap.add_argument("--report", help="also write the cross-validation table (markdown)")
    ap.add_argument("--cache", help="pickle of the rule predictions, reused when present")
    args = ap.parse_args(argv)
    cache = Path(args.cache) if args.cache else None
    if cache is not None and cache.exists():
        examples, skipped = pickle.loads(cache.read_bytes())
        for e in examples:  # features are recomputed: they are what is being tuned
            e.features = document_features(e.graph)
    else:
        skipped = []
        examples = collect(args.gold, args.corpus, skipped=skipped)
        if cache is not None:
            cache.write_bytes(pickle.dumps((examples, skipped)))
    for line in skipped:
        sys.stderr.write(f"skipped {line}\n")
    model, results = train(args.gold, args.corpus, C=args.C, examples=examples, skipped=skipped)
    table = markdown_table(results)
    sys.stdout.write(table)
    sys.stdout.write(json.dumps(model.cross_validation, indent=1, ensure_ascii=False) + "\n")
    sys.stdout.write(f"threshold {model.threshold}, enabled by default: {model.enabled_by_default}, "
                     f"{len(model.weights)} weights\n")
    write_model(model, args.output)
    if args.report:
        Path(args.report).write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
