"""Bounded load test of ``vbpl-extract serve`` on loopback: N concurrent extractions of corpus documents.

    python3 scripts/load.py [--requests 50] [--workers 2] [--out docs/load-results.json]

Starts the server (this checkout's sources) on a free 127.0.0.1 port, warms each worker up with one
request per document, then sends ``--requests`` uploads at once (the five documents in turn), ``--rounds`` times.
Prints p50/p95 latency, errors, and the resident memory of the server and its worker processes after
warm-up and after each round (flat memory: later rounds end where the first did). Traffic goes to
loopback only; the run is bounded in count and time and stops the server by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import time
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import running_server  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
DOCUMENTS = (
    "seeds/004_73d4ecd4209fcbe0.txt",
    "tnt305_tvpl_2025/159-KH-UBND__d40513a8b25883ec.md",
    "tnt305_tvpl_2025/223-CD-TTg__15e6fb3d3f3b2644.md",
    "tnt305_tvpl_2025/3782-QD-UBND__e83d7b60c0b1d639.md",
    "seeds/003_34c99582badef80c.txt",
)


def tree_rss_mb(proc: psutil.Process) -> float:
    """Resident memory of a process and all its children, in MB."""
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return round(total / 1e6, 1)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 3)


async def one(client: httpx.AsyncClient, url: str, path: Path) -> tuple[float, int, int]:
    start = time.perf_counter()
    response = await client.post(url + "/v1/extract", files={"file": (path.name, path.read_bytes())})
    tasks = len(response.json().get("tasks", [])) if response.status_code == 200 else -1
    return time.perf_counter() - start, response.status_code, tasks


async def round_(url: str, docs: list[Path], n: int) -> dict:
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    async with httpx.AsyncClient(timeout=600, limits=limits) as client:
        start = time.perf_counter()
        results = await asyncio.gather(*(one(client, url, docs[i % len(docs)]) for i in range(n)))
        wall = time.perf_counter() - start
    latencies = [r[0] for r in results]
    errors = [r[1] for r in results if r[1] != 200]
    return {"requests": n, "errors": len(errors), "statuses": sorted(set(errors)), "wall_s": round(wall, 2),
            "p50_s": percentile(latencies, 0.5), "p95_s": percentile(latencies, 0.95),
            "max_s": round(max(latencies), 3), "docs_per_s": round(n / wall, 2),
            "tasks": sum(r[2] for r in results if r[2] >= 0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="Rounds of --requests concurrent uploads")
    parser.add_argument("--out", type=Path, default=None, help="Also write the figures as JSON")
    args = parser.parse_args()
    docs = [CORPUS / d for d in DOCUMENTS]
    missing = [str(d) for d in docs if not d.exists()]
    if missing:
        sys.exit(f"load.py: corpus documents not found: {', '.join(missing)} (expected ../shared beside the checkout)")

    with running_server("--max-pending", str(max(64, args.requests)), workers=args.workers) as (url, proc):
        server = psutil.Process(proc.pid)
        for d in docs * args.workers:  # every worker warm and every document seen once
            asyncio.run(round_(url, [d], 1))
        rss = [tree_rss_mb(server)]
        rounds = []
        for _ in range(args.rounds):
            rounds.append(asyncio.run(round_(url, docs, args.requests)))
            rss.append(tree_rss_mb(server))
        healthy = httpx.get(url + "/healthz").json()
    report = {
        "workers": args.workers, "cpus": psutil.cpu_count(), "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "documents": list(DOCUMENTS), "sizes_kb": [round(d.stat().st_size / 1024, 1) for d in docs],
        "rounds": rounds, "rss_mb_after_warm_up_then_each_round": rss, "health_after": healthy,
    }
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
