"""Time and peak memory of the pipeline on adversarial inputs that stay under the size limits.

    python scripts/adversarial.py                 # every case, 120 s limit each
    python scripts/adversarial.py --case html_span_50 --limit 60
    python scripts/adversarial.py --profile deadline_1_1   # pyinstrument profile of one case

Each case is built in a fresh subprocess (``extract_file`` on a file written to a temporary folder,
the way the CLI and the batch read it); the parent polls the child's RSS with psutil every 20 ms and
kills it at ``--limit`` seconds (the per-document time limit of ``batch``). The goal of issue 12:
peak RSS <= 400 MB and every case within the limit. Prints one line per case and writes JSON
(``--out``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import psutil

# name -> (file name, Python expression building the file's content as str)
CASES: dict[str, tuple[str, str]] = {
    # one 13 MB line (a PDF export without line breaks)
    "one_line_13mb": ("dong.txt", "'Điều 1. ' + ('các cơ quan, đơn vị triển khai thực hiện nhiệm vụ được giao, "
                                  "trước ngày 15/12/2025; ' * 200_000)[:13_000_000]"),
    # one line just under the text limit (5,000,000 characters): the largest one-line text read
    "one_line_5m_chars": ("dong5.txt", "'Điều 1. ' + ('các cơ quan, đơn vị triển khai thực hiện nhiệm vụ được giao, "
                                       "trước ngày 15/12/2025; ' * 80_000)[:4_999_000]"),
    # 2 MB of one million short lines
    "short_lines_1m": ("dong_ngan.txt", "'Điều 1. Giao Sở Tài chính chủ trì\\n' + 'a\\n' * 1_000_000"),
    # a table whose cells all span 50 columns and 50 rows (3.6 MB)
    "html_span_50": ("bang.html", "'<html><body><table>' + ''.join('<tr>' + '<td colspan=50 rowspan=50>Sở Tài chính"
                                  "</td>' * 60 + '</tr>' for _ in range(1_000)) + '</table></body></html>'"),
    # 100,000 nested divs (1.1 MB)
    "nested_divs_1e5": ("long.html", "'<html><body>' + '<div>' * 100_000 + 'Điều 1. Giao Sở Tài chính chủ trì.' "
                                     "+ '</div>' * 100_000 + '</body></html>'"),
    # eight paragraphs of "Quyết định số N 1/1/1/1/..." (96 kB): the deadline and reference regexes
    "deadline_1_1": ("so.txt", "''.join(f'Quyết định số {n} ' + '1/1/' * 3000 + '\\n' for n in range(8))"),
}

_CHILD = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    folder, name, expr, profile = sys.argv[1:5]
    path = Path(folder) / name
    path.write_text(eval(expr), "utf-8")
    from vbpl_extract.pipeline import extract_file, warm_up
    warm_up()
    start = time.perf_counter()
    if profile == "1":
        from pyinstrument import Profiler
        with Profiler() as profiler:
            graph = extract_file(path)
        print(profiler.output_text(color=False, show_all=False), file=sys.stderr)
    else:
        from vbpl_extract.errors import VbplError
        try:
            graph = extract_file(path)
        except VbplError as exc:  # a typed refusal is an outcome (the CLI prints it on one line)
            print(json.dumps({"refused": f"{type(exc).__name__}: {str(exc).rsplit(': ', 1)[-1]}"}))
            raise SystemExit(0) from None
    print(json.dumps({"seconds": round(time.perf_counter() - start, 2), "tasks": len(graph.tasks),
                      "bytes": path.stat().st_size,
                      "child_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
""")


def run_case(name: str, limit: float, profile: bool = False) -> dict:
    """Build and extract one case in a subprocess; time, peak RSS (psutil polling) and outcome."""
    file_name, expr = CASES[name]
    with tempfile.TemporaryDirectory(prefix="vbpl-adv-") as folder:
        proc = subprocess.Popen([sys.executable, "-c", _CHILD, folder, file_name, expr, "1" if profile else "0"],
                                stdout=subprocess.PIPE, stderr=None if profile else subprocess.PIPE, text=True)
        watched = psutil.Process(proc.pid)
        peak = 0
        started = time.monotonic()
        killed = False
        while proc.poll() is None:
            with contextlib.suppress(psutil.Error):
                peak = max(peak, watched.memory_info().rss)
            if time.monotonic() - started > limit:
                proc.kill()
                killed = True
                break
            time.sleep(0.02)
        stdout, stderr = proc.communicate()
    result: dict = {"case": name, "peak_rss_mb": round(peak / 2**20, 1), "wall_seconds": round(time.monotonic() - started, 1)}
    if killed:
        result["outcome"] = f"killed after {limit:g} s"
    elif proc.returncode != 0:
        result["outcome"] = f"exit {proc.returncode}: {(stderr or '').strip().splitlines()[-1:]}"
    else:
        result.update(json.loads(stdout.strip().splitlines()[-1]))
        result["outcome"] = f"refused ({result['refused'].split(':')[0]})" if "refused" in result else "ok"
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", action="append", choices=list(CASES), help="run only these cases (repeatable)")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds per case (the batch default)")
    parser.add_argument("--profile", choices=list(CASES), help="print a pyinstrument profile of one case")
    parser.add_argument("--out", type=Path, default=None, help="write the results as JSON")
    args = parser.parse_args()
    if args.profile:
        print(run_case(args.profile, args.limit, profile=True))
        return
    results = []
    for name in args.case or list(CASES):
        result = run_case(name, args.limit)
        results.append(result)
        print(f"{name:18} {result['outcome']:28} extract {result.get('seconds', '-'):>6} s  "
              f"peak RSS {result['peak_rss_mb']:7.1f} MB  (wall {result['wall_seconds']} s incl. start-up)", flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
