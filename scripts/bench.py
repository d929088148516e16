"""Benchmark the batch pipeline against bare ``underthesea.word_tokenize`` on the shared corpus.

    python scripts/bench.py                       # ../shared/corpus, 2 MB sample, 1 vs 2 workers, 1x/2x/4x
    python scripts/bench.py --max-mb 0 --out bench-full.json   # the whole corpus (slow: ~0.1 MB/s/core)
    python scripts/bench.py --synthetic-only      # cost in document length: 2,000 vs 8,000 dash bullets,
                                                  # 20,000 nested bullets (each in a fresh process)

One run prints a table and writes JSON (``--out``, default ``bench.json``) with, for the full
pipeline and for the baseline (read the file, ``word_tokenize(paragraph, use_token_normalize=False)``
for each non-empty paragraph): documents/s and MB/s per core, with 1 and N workers, peak RSS per
worker; their ratio; and the pipeline's cost on 1x, 2x, 4x copies of the sample (linear when
seconds-per-copy stays flat). Both go through ``run_batch``, so harness overhead is the same.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from vbpl_extract.batch import BatchSummary, default_jobs, expand_inputs, read_manifest, run_batch
from vbpl_extract.pipeline import PIPELINE_VERSION

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def warm_up() -> None:
    """Worker warm-up for the baseline (``run_batch`` calls the extractor module's ``warm_up``)."""
    from underthesea import word_tokenize

    word_tokenize("Bộ Tài chính chủ trì, phối hợp với các bộ, ngành", use_token_normalize=False)


def baseline_extract(path: str) -> dict[str, Any]:
    """Read like the pipeline does (``readers.read_file`` when present), then bare word_tokenize."""
    from underthesea import word_tokenize

    try:
        from vbpl_extract.readers import read_file  # type: ignore[attr-defined]

        text = read_file(path).text
    except ImportError:
        raw = Path(path).read_bytes()
        text = raw.decode("utf-8", errors="replace") if Path(path).suffix.lower() in (".txt", ".md", ".html", ".htm") else ""
    tokens = 0
    for line in text.split("\n"):
        if line.strip():
            tokens += len(word_tokenize(line, use_token_normalize=False))
    return {"path": path, "chars": len(text), "tokens": tokens}


def _load() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):  # pragma: no cover - Windows
        return None


def pick_sample(corpus: Path, max_mb: float) -> list[Path]:
    """Supported files of the corpus; with ``max_mb`` > 0 a deterministic spread-out subset of that size."""
    files = [p for p in expand_inputs([corpus]) if p.stat().st_size > 0]
    if max_mb <= 0:
        return files
    budget, chosen, total = max_mb * 1e6, [], 0
    for path in sorted(files, key=lambda p: hashlib.sha256(p.relative_to(corpus).as_posix().encode()).hexdigest()):
        if total >= budget:
            break
        chosen.append(path)
        total += path.stat().st_size
    return sorted(chosen)


def make_copies(files: list[Path], corpus: Path, target: Path, copies: int) -> Path:
    """``target/copy<k>/<relative path>`` symlinks (or copies) for k < copies."""
    for k in range(copies):
        for path in files:
            link = target / f"copy{k}" / path.relative_to(corpus)
            link.parent.mkdir(parents=True, exist_ok=True)
            try:
                link.symlink_to(path)
            except OSError:
                link.write_bytes(path.read_bytes())
    return target


def measure(name: str, folder: Path, work: Path, *, jobs: int, extractor: Any, timeout: float) -> dict[str, Any]:
    """One batch run; throughput counts from the moment the workers are ready."""
    out = work / f"out-{name}"
    summary: BatchSummary = run_batch([str(folder)], out, jobs=jobs, progress=False, timeout=timeout,
                                      extractor=extractor)
    busy = summary.seconds - summary.startup_seconds
    extract_seconds = sum(r.get("seconds") or 0.0 for r in read_manifest(out / "manifest.jsonl"))
    mb = summary.bytes / 1e6
    row = {
        "name": name, "workers": jobs, "documents": summary.processed, "errors": summary.errors,
        "tasks": summary.tasks, "mb": round(mb, 3), "wall_seconds": round(summary.seconds, 3),
        "startup_seconds": round(summary.startup_seconds, 3), "busy_seconds": round(busy, 3),
        "docs_per_s": round(summary.processed / busy, 2) if busy else None,
        "docs_per_s_per_core": round(summary.processed / busy / jobs, 2) if busy else None,
        "mb_per_s_per_core": round(mb / busy / jobs, 4) if busy else None,
        "worker_extract_seconds": round(extract_seconds, 3),
        "mb_per_s_per_core_worker_time": round(mb / extract_seconds, 4) if extract_seconds else None,
        "peak_rss_mb_per_worker": dict(sorted(summary.worker_peak_rss_mb.items())),
    }
    print(f"  {name:<22} {jobs} worker(s) {row['documents']:>5} docs {row['mb']:>7.2f} MB "
          f"{busy:>7.1f} s  {row['docs_per_s'] or 0:>7.1f} docs/s  "
          f"{row['mb_per_s_per_core'] or 0:.3f} MB/s/core  peak RSS {max(summary.worker_peak_rss_mb.values(), default=0):.0f} MB",
          flush=True)
    return row


SYNTHETIC = (("dash", 2000), ("dash", 8000), ("nested", 20000))
_SYNTHETIC_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {scripts!r})
from bench import synthetic_text
from vbpl_extract.pipeline import extract_text, warm_up
warm_up()
text = synthetic_text({kind!r}, {n})
t = time.perf_counter()
graph = extract_text(text)
print(json.dumps({{"seconds": round(time.perf_counter() - t, 2), "chars": len(text), "tasks": len(graph.tasks),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024), "warnings": len(graph.warnings)}}))
"""


def synthetic_text(kind: str, n: int) -> str:
    """A plan with ``n`` bullets: plain dash bullets, or dash/plus bullets nested under each other.

    >>> synthetic_text("dash", 2).splitlines()[1]
    '- Rà soát hồ sơ số 0 của Sở Nội vụ trước ngày 15/12/2025;'
    """
    if kind == "dash":
        return "Điều 1. Giao Sở Tài chính chủ trì các nhiệm vụ sau:\n" + "".join(
            f"- Rà soát hồ sơ số {i} của Sở Nội vụ trước ngày 15/12/2025;\n" for i in range(n))
    marks = ("-", "+", "*")
    return "Điều 1. Giao Sở Tài chính chủ trì:\n" + "".join(
        f"{marks[i % 3]} Rà soát hồ sơ số {i} của Sở Nội vụ;\n" for i in range(n))


def measure_synthetic(kind: str, n: int) -> dict[str, Any]:
    """Time and peak RSS of one ``extract_text`` run on :func:`synthetic_text`, in a fresh process."""
    code = _SYNTHETIC_CHILD.format(scripts=str(Path(__file__).resolve().parent), kind=kind, n=n)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {"kind": kind, "n": n, **json.loads(out.stdout.strip().splitlines()[-1])}


def synthetic() -> dict[str, Any]:
    runs = []
    for kind, n in SYNTHETIC:
        runs.append(measure_synthetic(kind, n))
        r = runs[-1]
        print(f"synthetic {kind:6} {n:6} bullets ({r['chars'] / 1000:.0f} kB): {r['seconds']} s, "
              f"peak RSS {r['peak_rss_mb']} MB, {r['tasks']} tasks", flush=True)
    small, big = runs[0], runs[1]
    ratio = round(big["seconds"] / small["seconds"], 2) if small["seconds"] else None
    print(f"synthetic 8,000 / 2,000 dash bullets: {ratio}x the time (linear: 4x)")
    return {"runs": runs, "dash_8000_over_2000_time": ratio}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=Path("bench.json"), help="JSON results (default bench.json)")
    parser.add_argument("--max-mb", type=float, default=2.0, help="sample size in MB (0 = whole corpus)")
    parser.add_argument("--jobs", type=int, default=min(2, default_jobs()), help="workers for the parallel runs")
    parser.add_argument("--scales", default="1,2,4", help="copies of the sample for the linearity runs")
    parser.add_argument("--timeout", type=float, default=600.0, help="per-document time limit")
    parser.add_argument("--synthetic-only", action="store_true", help="only the document-length runs")
    args = parser.parse_args(argv)
    if args.synthetic_only:
        result = {"pipeline_version": PIPELINE_VERSION, "synthetic": synthetic()}
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
        return 0
    if not args.corpus.is_dir():
        print(f"bench: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    scales = sorted({int(s) for s in args.scales.split(",") if s.strip()})
    files = pick_sample(args.corpus.resolve(), args.max_mb)
    corpus = args.corpus.resolve()
    sample_mb = sum(p.stat().st_size for p in files) / 1e6
    print(f"bench: {len(files)} documents, {sample_mb:.2f} MB from {corpus}; pipeline {PIPELINE_VERSION}; "
          f"{default_jobs()} CPU(s)", flush=True)
    started = time.perf_counter()
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="vbpl-bench-") as tmp:
        work = Path(tmp)
        base = make_copies(files, corpus, work / "x1", 1)
        worker_counts = sorted({1, args.jobs})
        for jobs in worker_counts:
            runs.append(measure(f"baseline-x1-j{jobs}", base, work, jobs=jobs, extractor=baseline_extract,
                                timeout=args.timeout))
            runs.append(measure(f"pipeline-x1-j{jobs}", base, work, jobs=jobs,
                                extractor="vbpl_extract.pipeline:extract_file", timeout=args.timeout))
        scaling = [r for r in runs if r["name"] == f"pipeline-x1-j{args.jobs}"]
        for copies in scales:
            if copies == 1:
                continue
            folder = make_copies(files, corpus, work / f"x{copies}", copies)
            scaling.append(measure(f"pipeline-x{copies}-j{args.jobs}", folder, work, jobs=args.jobs,
                                   extractor="vbpl_extract.pipeline:extract_file", timeout=args.timeout))
            runs.append(scaling[-1])

    def run(name: str) -> dict[str, Any]:
        return next(r for r in runs if r["name"] == name)

    p1, b1 = run("pipeline-x1-j1"), run("baseline-x1-j1")
    pn, bn = run(f"pipeline-x1-j{args.jobs}"), run(f"baseline-x1-j{args.jobs}")
    unit = scaling[0]["busy_seconds"] / max(scaling[0]["mb"], 1e-9)
    result = {
        "pipeline_version": PIPELINE_VERSION,
        "corpus": str(corpus), "documents": len(files), "mb": round(sample_mb, 3), "max_mb": args.max_mb,
        "machine": {"cpus": default_jobs(), "python": platform.python_version(), "platform": platform.platform(),
                    "load_average_at_end": _load()},  # > cpus means other work skewed the timings
        "pipeline": {"docs_per_s_per_core": p1["docs_per_s_per_core"], "mb_per_s_per_core": p1["mb_per_s_per_core"]},
        "baseline_word_tokenize": {"docs_per_s_per_core": b1["docs_per_s_per_core"],
                                   "mb_per_s_per_core": b1["mb_per_s_per_core"]},
        "pipeline_over_baseline_time": round(p1["busy_seconds"] / b1["busy_seconds"], 3) if b1["busy_seconds"] else None,
        "peak_rss_mb_per_worker": {"pipeline": p1["peak_rss_mb_per_worker"], "baseline": b1["peak_rss_mb_per_worker"],
                                   f"pipeline_j{args.jobs}": pn["peak_rss_mb_per_worker"]},
        "workers": {
            "pipeline_speedup": round(p1["busy_seconds"] / pn["busy_seconds"], 3) if pn["busy_seconds"] else None,
            "baseline_speedup": round(b1["busy_seconds"] / bn["busy_seconds"], 3) if bn["busy_seconds"] else None,
            "n": args.jobs,
        },
        "linearity": [{"copies": int(r["name"].split("-x")[1].split("-")[0]), "mb": r["mb"], "busy_seconds": r["busy_seconds"],
                       "seconds_per_mb": round(r["busy_seconds"] / r["mb"], 4) if r["mb"] else None,
                       "relative_to_1x": round(r["busy_seconds"] / r["mb"] / unit, 3) if r["mb"] and unit else None}
                      for r in scaling],
        "runs": runs,
        "synthetic": synthetic(),
        "bench_seconds": round(time.perf_counter() - started, 1),
    }
    print(f"\npipeline  {p1['docs_per_s_per_core']} docs/s/core, {p1['mb_per_s_per_core']} MB/s/core")
    print(f"baseline  {b1['docs_per_s_per_core']} docs/s/core, {b1['mb_per_s_per_core']} MB/s/core (word_tokenize)")
    print(f"ratio     pipeline takes {result['pipeline_over_baseline_time']}x the baseline's time")
    print(f"workers   1 -> {args.jobs}: pipeline x{result['workers']['pipeline_speedup']}, "
          f"baseline x{result['workers']['baseline_speedup']}")
    print("linearity " + ", ".join(f"{x['copies']}x: {x['seconds_per_mb']} s/MB ({x['relative_to_1x']})"
                                   for x in result["linearity"]))
    print(f"peak RSS  pipeline {p1['peak_rss_mb_per_worker']}, baseline {b1['peak_rss_mb_per_worker']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out} in {result['bench_seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
