#!/usr/bin/env python
"""Fuzz the readers and the parser; print a JSON summary of the inputs tried and what they gave.

    python scripts/fuzz.py --seconds 600                     # mutation fuzzer, all targets, round robin
    python scripts/fuzz.py --seconds 120 --target parser     # one target
    python scripts/fuzz.py --engine atheris --target reader:docx --seconds 120   # coverage-guided (pip install atheris)

Targets: ``reader:txt``, ``reader:md``, ``reader:html``, ``reader:docx``, ``reader:pdf`` (``read_bytes``
on random and mutated bytes, seeded from the corpus and from small synthetic files) and ``parser``
(``extract_text`` on mutated corpus texts and Vietnamese legal fragments). Expected outcomes: a
``Source`` or a typed :class:`vbpl_extract.errors.VbplError` for the readers; a valid output for the
parser (spans in ``[0, len]``, unique ids, schema-valid on a sample). Anything else is a *finding*:
an untyped exception, an invariant violation, or an input over the per-input time limit. Findings are
saved under ``--artifacts`` (outside the repo) for reproduction; the corpus is only read.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import io
import json
import os
import random
import signal
import sys
import time
import traceback
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "tests"))
from builders import text_pdf  # noqa: E402

FRAGMENTS: tuple[str, ...] = (
    "ỦY BAN NHÂN DÂN", "CHÍNH PHỦ", "Số: 123/KH-UBND", "Hà Nội, ngày 09 tháng 01 năm 2025", "KẾ HOẠCH",
    "QUYẾT ĐỊNH:", "Căn cứ Luật Tổ chức Chính phủ;", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
    "Phần I", "Chương II", "Mục 1", "Điều 1.", "Điều 2.", "I.", "1.", "1.1.", "a)", "đ)", "(1)", "- ", "+ ", "• ",
    "Giao Sở Tài chính chủ trì", ", phối hợp với Sở Nội vụ", " xây dựng kế hoạch", "Bộ Công an", "Bộ KH&CN",
    "các sở, ban, ngành", "báo cáo Thủ tướng Chính phủ", "trước ngày 15/12/2025", "trong quý IV/2025",
    "hằng tháng, trước ngày 25", "thường xuyên", "Nghị quyết số 57-NQ/TW ngày 22/12/2024", "|",
    "| TT | Nhiệm vụ | Cơ quan chủ trì |", "|---|---|", "**", "*", "#", "<br>", "\n", "\n\n", "\r\n", "\t",
    "\u00a0", "\u200b", "\ufeff", "\u0301", "\u0323", "hoá", "Uỷ ban",
)
BYTE_TOKENS: dict[str, tuple[bytes, ...]] = {
    "txt": (b"\x00", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\r\n", b"\xe1\xba", b"\xb5", b"\xd0\xcf\x11\xe0"),
    "md": (b"**", b"|", b"# ", b"<table>", b"\xc3", b"\x1a"),
    "html": (b"<table>", b"</table>", b"<tr>", b"<td colspan=50 rowspan=50>", b"<br>", b"<script>",
             b"<meta charset=windows-1258>", b"<meta charset=utf-16>", b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"&a;",
             b"<div class='content1'>", b"<p>", b"<ul><li>" * 50),
    "docx": (b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06", b"\x00" * 8, b"\xff" * 8),
    "pdf": (b"obj", b"endobj", b"stream\n", b"\nendstream", b"<<", b">>", b"/FlateDecode", b"/Length 99999999",
            b"/Encrypt", b"xref", b"trailer", b"startxref", b"/Kids [3 0 R 3 0 R]", b"/Count 999999", b"(", b")",
            b"BT", b"ET", b"Tj", b"/Type /Page", b"%%EOF", b"R", b"0 0 R"),
}
XML_TOKENS: tuple[str, ...] = (
    "<w:p>", "</w:p>", "<w:r><w:t>Điều 1. Giao Sở Tài chính chủ trì</w:t></w:r>", "<w:tbl>", "</w:tbl>",
    "<w:tr>", "<w:tc>", "<w:gridSpan w:val=\"999999\"/>", "<w:vMerge/>", "<w:br/>", "<w:sdt><w:sdtContent>",
    "<!DOCTYPE x [<!ENTITY a 'b'>]>", "&a;", "&amp;", "<", ">", "\x00", "\ufffe",
)


# ------------------------------------------------------------------ seeds


def make_docx(lines: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")][:6] or [""]
            table = document.add_table(rows=1, cols=len(cells))
            for cell, value in zip(table.rows[0].cells, cells, strict=True):
                cell.text = value
        else:
            document.add_paragraph("".join(ch for ch in line if ch.isprintable() or ch == "\t"))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def load_texts(corpus: Path, limit: int = 40) -> list[str]:
    """Up to ``limit`` small corpus texts (read only), smallest first, or built-in fragments when absent."""
    paths = sorted((p for p in corpus.rglob("*") if p.suffix.lower() in (".txt", ".md") and p.is_file()),
                   key=lambda p: (p.stat().st_size, str(p))) if corpus.is_dir() else []
    texts = []
    for p in paths[:limit]:
        try:
            texts.append(p.read_text("utf-8-sig")[:20_000])
        except (OSError, UnicodeDecodeError):
            continue
    return texts or ["\n".join(FRAGMENTS)]


def build_seeds(corpus: Path, rng: random.Random) -> dict[str, list[bytes]]:
    """Seed inputs per reader format: corpus texts, and .html/.docx/.pdf renderings of excerpts."""
    texts = load_texts(corpus)
    excerpts = ["\n".join(t.split("\n")[:60]) for t in texts[:12]]
    seeds: dict[str, list[bytes]] = {
        "txt": [t.encode("utf-8") for t in texts[:20]] + [texts[0].encode("utf-16"), texts[0][:2000].encode("utf-16-le")],
        "md": [t.encode("utf-8") for t in texts[20:40] or texts[:5]],
        "html": [("<html><head><meta charset='utf-8'></head><body><div class='content1'>"
                  + "".join(f"<p>{line}</p>" if not line.startswith("|") else
                            "<table><tr>" + "".join(f"<td>{c}</td>" for c in line.strip("|").split("|")) + "</tr></table>"
                            for line in e.split("\n")) + "</div></body></html>").encode("utf-8") for e in excerpts],
        "docx": [make_docx(e.split("\n")[:40]) for e in excerpts[:6]],
        "pdf": [text_pdf(unicodedata.normalize("NFKD", e).encode("ascii", "ignore").decode().split("\n")[:30])
                for e in excerpts[:6]],
    }
    real_pdf = corpus / "extracttomarkdown_pdf2md" / "Public_341.pdf"
    if real_pdf.is_file() and real_pdf.stat().st_size < 1_000_000:
        seeds["pdf"].append(real_pdf.read_bytes())
    rng.shuffle(seeds["txt"])
    return seeds


# ------------------------------------------------------------------ mutators


def mutate_bytes(data: bytes, rng: random.Random, tokens: tuple[bytes, ...], others: list[bytes]) -> bytes:
    """A few random byte-level edits: flips, inserts, deletes, duplications, splices, tokens."""
    buf = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 3, 5, 10))):
        n = len(buf)
        op = rng.randrange(9)
        pos = rng.randrange(n + 1)
        if op == 0 and n:
            buf[min(pos, n - 1)] ^= 1 << rng.randrange(8)
        elif op == 1 and n:
            buf[min(pos, n - 1)] = rng.randrange(256)
        elif op == 2:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 16)))
        elif op == 3 and n:
            del buf[pos:pos + rng.randrange(1, max(2, n // 8))]
        elif op == 4 and n:
            end = min(n, pos + rng.randrange(1, 256))
            buf[pos:pos] = buf[pos:end] * rng.randrange(1, 8)
        elif op == 5 and others:
            other = rng.choice(others)
            if other:
                a = rng.randrange(len(other))
                buf[pos:pos] = other[a:a + rng.randrange(1, 512)]
        elif op == 6:
            buf[pos:pos] = rng.choice(tokens)
        elif op == 7 and n:
            buf = buf[:pos]  # truncate
        else:
            buf[pos:pos] = b"\x00\xff"[rng.randrange(2):] * rng.randrange(1, 4)
    return bytes(buf[:2_000_000])


def mutate_text(text: str, rng: random.Random, others: list[str]) -> str:
    """A few text-level edits: fragments, splices of other documents' lines, repeats, NFD, deletions."""
    s = text
    for _ in range(rng.choice((1, 2, 3, 5, 8))):
        n = len(s)
        pos = rng.randrange(n + 1)
        op = rng.randrange(10)
        if op <= 2:
            s = s[:pos] + rng.choice(FRAGMENTS) + s[pos:]
        elif op == 3 and n:
            s = s[:pos] + s[pos + rng.randrange(1, max(2, n // 10)):]
        elif op == 4 and others:
            lines = rng.choice(others).split("\n")
            a = rng.randrange(len(lines))
            s = s[:pos] + "\n".join(lines[a:a + rng.randrange(1, 20)]) + s[pos:]
        elif op == 5 and n:
            end = min(n, pos + rng.randrange(1, 200))
            s = s[:pos] + s[pos:end] * rng.randrange(2, 30) + s[pos:]
        elif op == 6 and n:
            end = min(n, pos + rng.randrange(1, 2000))
            s = s[:pos] + unicodedata.normalize(rng.choice(("NFD", "NFKD", "NFC")), s[pos:end]) + s[end:]
        elif op == 7:
            s = s[:pos] + "".join(chr(rng.choice((rng.randrange(32, 0x250), rng.randrange(0x300, 0x370),
                                                  rng.randrange(0x1E00, 0x1F00), rng.randrange(0x2000, 0x2070),
                                                  rng.randrange(0xE000, 0xE100), rng.randrange(0x10000, 0x10100))))
                                  for _ in range(rng.randrange(1, 8))) + s[pos:]
        elif op == 8:
            lines = s.split("\n")
            rng.shuffle(lines)
            s = "\n".join(lines)
        else:
            s = s.replace("\n", rng.choice(("\r\n", "\r", " ", "\n\n", "\u2028")), rng.randrange(1, 50))
    return s[:30_000]


def mutate_docx_xml(data: bytes, rng: random.Random) -> bytes:
    """Keep the zip valid; mutate word/document.xml as text (structure-aware for python-docx)."""
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        xml = src.read("word/document.xml").decode("utf-8", "replace")
    except Exception:
        return data
    for _ in range(rng.choice((1, 2, 4))):
        pos = rng.randrange(len(xml) + 1)
        op = rng.randrange(4)
        if op == 0:
            xml = xml[:pos] + rng.choice(XML_TOKENS) + xml[pos:]
        elif op == 1:
            xml = xml[:pos] + xml[pos + rng.randrange(1, 64):]
        elif op == 2:
            end = min(len(xml), pos + rng.randrange(1, 400))
            xml = xml[:pos] + xml[pos:end] * rng.randrange(2, 20) + xml[pos:]
        else:
            xml = xml[:pos] + rng.choice(FRAGMENTS) + xml[pos:]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = xml.encode("utf-8") if info.filename == "word/document.xml" else src.read(info)
            dst.writestr(info.filename, blob)
    return buf.getvalue()


# ------------------------------------------------------------------ running


class Hang(BaseException):
    """Raised by the alarm when one input runs over the per-input limit."""


def _alarm(signum: int, frame: Any) -> None:
    raise Hang()


@dataclass
class Stats:
    inputs: int = 0
    ok: int = 0
    typed: collections.Counter = field(default_factory=collections.Counter)
    untyped: int = 0
    invariant: int = 0
    timeouts: int = 0
    seconds: float = 0.0
    max_input_seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"inputs": self.inputs, "ok": self.ok, "typed_errors": dict(self.typed.most_common()),
                "untyped_exceptions": self.untyped, "invariant_violations": self.invariant,
                "timeouts": self.timeouts, "seconds": round(self.seconds, 1),
                "max_input_seconds": round(self.max_input_seconds, 2)}


class Fuzzer:
    """Round-robin mutation fuzzing of the targets; findings are deduplicated by (target, kind, where)."""

    def __init__(self, corpus: Path, artifacts: Path, seed: int, per_input: float, validate_every: int) -> None:
        from vbpl_extract.pipeline import warm_up

        warm_up()
        self.rng = random.Random(seed)
        self.seeds = build_seeds(corpus, self.rng)
        self.texts = load_texts(corpus)
        self.artifacts = artifacts
        self.per_input = per_input
        self.validate_every = validate_every
        self.stats: dict[str, Stats] = collections.defaultdict(Stats)
        self.findings: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.outcomes: collections.Counter = collections.Counter()

    # one input ------------------------------------------------------------
    def _save(self, target: str, kind: str, where: str, detail: str, payload: bytes, seconds: float) -> None:
        key = (target, kind, where)
        if key in self.findings:
            self.findings[key]["count"] += 1
            return
        self.artifacts.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256(payload).hexdigest()[:16]
        ext = target.split(":")[-1] if target.startswith("reader:") else "txt"
        path = self.artifacts / f"{target.replace(':', '_')}__{kind}__{digest}.{ext}"
        path.write_bytes(payload)
        self.findings[key] = {"target": target, "kind": kind, "where": where, "detail": detail[:2000],
                              "input": str(path), "input_bytes": len(payload), "seconds": round(seconds, 2),
                              "count": 1}

    def run_one(self, target: str, payload: bytes) -> None:
        """Run one input; count its outcome and save it when it is a finding."""
        from vbpl_extract.errors import VbplError

        stats = self.stats[target]
        stats.inputs += 1
        start = time.perf_counter()
        ok, problem = False, None
        signal.setitimer(signal.ITIMER_REAL, self.per_input)
        try:
            problem = self._call(target, payload, stats.inputs)
            ok = problem is None
        except Hang:
            stats.timeouts += 1
            self._save(target, "timeout", "over the per-input limit", f"> {self.per_input} s", payload, self.per_input)
        except VbplError as exc:
            if target == "parser":  # extract_text must never raise on text
                stats.untyped += 1
                self._save(target, "raised", type(exc).__name__, str(exc), payload, 0.0)
            else:
                stats.typed[type(exc).__name__] += 1
                self.outcomes[f"{target}: {type(exc).__name__}: {_shape(exc.problem)}"] += 1
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # a finding: anything but a typed error
            stats.untyped += 1
            tb = traceback.extract_tb(exc.__traceback__)
            frame = next((f for f in reversed(tb) if "vbpl_extract" in f.filename), tb[-1] if tb else None)
            where = f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}" if frame else type(exc).__name__
            self._save(target, "untyped", where, "".join(traceback.format_exception(exc))[-3000:], payload,
                       time.perf_counter() - start)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.perf_counter() - start
        stats.seconds += took
        stats.max_input_seconds = max(stats.max_input_seconds, took)
        if problem is not None:
            stats.invariant += 1
            self._save(target, "invariant", problem.split(":")[0], problem, payload, took)
        elif ok:
            stats.ok += 1
            self.outcomes[f"{target}: ok"] += 1

    def _call(self, target: str, payload: bytes, n: int) -> str | None:
        """Run the target; returns an invariant violation message, or None."""
        if target == "parser":
            text = payload.decode("utf-8", "surrogatepass")
            return check_graph(text, validate=(n % self.validate_every == 0))
        from vbpl_extract.readers import read_bytes

        fmt = target.split(":")[1]
        source = read_bytes(payload, f"fuzz.{fmt}")
        return None if source.text.strip() else "empty text returned instead of EmptyDocumentError"

    # inputs ---------------------------------------------------------------
    def next_input(self, target: str) -> bytes:
        rng = self.rng
        if target == "parser":
            if rng.random() < 0.1:
                text = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randrange(1, 200)))
            else:
                base = rng.choice(self.texts)
                if len(base) > 6000 and rng.random() < 0.7:
                    a = rng.randrange(len(base) - 3000)
                    base = base[a:a + rng.randrange(500, 6000)]
                text = mutate_text(base, rng, self.texts)
            return text.encode("utf-8", "surrogatepass")
        fmt = target.split(":")[1]
        seeds = self.seeds[fmt]
        r = rng.random()
        if r < 0.05:
            return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 512)))
        base = rng.choice(seeds)
        if fmt == "docx" and r < 0.55:
            return mutate_docx_xml(base, rng)
        if fmt in ("txt", "md", "html") and len(base) > 8000:
            a = rng.randrange(len(base) - 4000)
            base = base[:200] + base[a:a + 4000] if fmt == "html" else base[a:a + rng.randrange(100, 4000)]
        return mutate_bytes(base, rng, BYTE_TOKENS[fmt], seeds)

    def run(self, targets: list[str], seconds: float, weights: dict[str, float]) -> None:
        deadline = time.monotonic() + seconds
        budget = {t: weights.get(t, 1.0) for t in targets}
        total = sum(budget.values())
        slices = {t: seconds * w / total for t, w in budget.items()}
        for target in targets:  # one slice per target, in turn (keeps the summary's split predictable)
            end = min(deadline, time.monotonic() + slices[target])
            while time.monotonic() < end:
                self.run_one(target, self.next_input(target))

    def summary(self, engine: str, started: float, seed: int) -> dict[str, Any]:
        per_target = {t: s.as_dict() for t, s in sorted(self.stats.items())}
        return {
            "engine": engine, "seed": seed, "seconds": round(time.monotonic() - started, 1),
            "total_inputs": sum(s.inputs for s in self.stats.values()),
            "non_typed_exceptions": sum(s.untyped for s in self.stats.values()),
            "invariant_violations": sum(s.invariant for s in self.stats.values()),
            "timeouts": sum(s.timeouts for s in self.stats.values()),
            "targets": per_target,
            "top_outcomes": dict(self.outcomes.most_common(40)),
            "findings": sorted(self.findings.values(), key=lambda f: (f["target"], f["kind"], -f["count"])),
        }


def _shape(problem: str) -> str:
    """An error message with numbers and quoted details removed, for counting outcome kinds."""
    import re

    out = re.sub(r"\(.*", "(…)", problem)
    return re.sub(r"\d+(\.\d+)?", "N", out)[:90]


def check_graph(text: str, *, validate: bool) -> str | None:
    """Run ``extract_text`` and check the output invariants; a message when one is broken."""
    from vbpl_extract.pipeline import extract_text

    graph = extract_text(text)
    data = json.loads(graph.model_dump_json())
    n = len(text)
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if (key.endswith("span") and item is not None) or (key == "cell_spans" and item):
                    spans = item if key == "cell_spans" else [item]
                    for s in spans:
                        if not (isinstance(s, list) and len(s) == 2 and 0 <= s[0] <= s[1] <= n):
                            return f"span out of range: {path}/{key} = {s} (len {n})"
                else:
                    stack.append((f"{path}/{key}", item))
        elif isinstance(value, list):
            stack.extend((f"{path}/{i}", item) for i, item in enumerate(value))
    ids = [t["id"] for t in data["tasks"]]
    if len(ids) != len(set(ids)):
        return f"duplicate task ids: {[i for i, c in collections.Counter(ids).items() if c > 1][:5]}"
    node_ids: list[str] = []
    nodes = list(data["structure"])
    while nodes:
        node = nodes.pop()
        node_ids.append(node["id"])
        nodes.extend(node.get("children") or [])
    if len(node_ids) != len(set(node_ids)):
        return f"duplicate node ids: {[i for i, c in collections.Counter(node_ids).items() if c > 1][:5]}"
    if validate:
        from vbpl_extract.schema import validate_data

        problems = validate_data(data)
        if problems:
            return f"schema violation: {problems[:3]}"
    return None


# ------------------------------------------------------------------ atheris


def run_atheris(fuzzer: Fuzzer, target: str, seconds: float, summary_path: Path | None, seed: int) -> None:
    """Coverage-guided run of one target with atheris; the summary is written every 500 inputs."""
    import atheris

    started = time.monotonic()
    seeds = fuzzer.seeds.get(target.split(":")[-1], []) if target != "parser" else [t.encode() for t in fuzzer.texts]

    def dump() -> None:
        text = json.dumps(fuzzer.summary("atheris", started, seed), ensure_ascii=False, indent=2)
        if summary_path:
            summary_path.write_text(text, "utf-8")
        else:
            print(text, flush=True)

    def one(data: bytes) -> None:
        if target == "parser":
            payload = data.decode("utf-8", "replace")[:30_000].encode("utf-8", "surrogatepass")
        else:
            payload = data if len(data) > 64 or not seeds or not data else seeds[data[0] % len(seeds)] + data
        fuzzer.run_one(target, payload)
        if fuzzer.stats[target].inputs % 500 == 0:
            dump()
        if time.monotonic() - started > seconds:
            dump()
            os._exit(0)  # libFuzzer reports SystemExit as a crash

    corpus_dir = fuzzer.artifacts / f"atheris_seeds_{target.replace(':', '_')}"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    for i, s in enumerate(seeds[:20]):
        (corpus_dir / f"seed_{i}").write_bytes(s[:200_000])
    atheris.Setup([sys.argv[0], str(corpus_dir), f"-max_total_time={int(seconds) + 5}", "-rss_limit_mb=4096",
                   "-max_len=300000", f"-seed={seed}", f"-artifact_prefix={fuzzer.artifacts}/"], one)
    atheris.Fuzz()


# ------------------------------------------------------------------ main

ALL_TARGETS = ["reader:txt", "reader:md", "reader:html", "reader:docx", "reader:pdf", "parser"]
DEFAULT_WEIGHTS = {"reader:txt": 1.0, "reader:md": 0.6, "reader:html": 1.0, "reader:docx": 1.2, "reader:pdf": 1.5,
                   "parser": 3.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="total time budget")
    parser.add_argument("--target", action="append", choices=ALL_TARGETS, help="repeatable; default: all")
    parser.add_argument("--engine", choices=("mutate", "atheris"), default="mutate")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="seed texts (read only)")
    parser.add_argument("--artifacts", type=Path, default=Path("/tmp/vbpl-fuzz"), help="where findings are saved")
    parser.add_argument("--seed", type=int, default=20251215)
    parser.add_argument("--per-input", type=float, default=10.0, help="seconds before an input counts as a hang")
    parser.add_argument("--validate-every", type=int, default=25, help="schema-validate every Nth parser output")
    parser.add_argument("--summary", type=Path, help="also write the JSON summary here")
    args = parser.parse_args(argv)

    import logging
    import warnings

    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)
    signal.signal(signal.SIGALRM, _alarm)
    started = time.monotonic()
    if args.engine == "atheris":  # coverage feedback from our own modules (instrumenting everything takes minutes)
        import atheris

        with atheris.instrument_imports(include=["vbpl_extract"]):
            import vbpl_extract.pipeline
            import vbpl_extract.readers  # noqa: F401
    fuzzer = Fuzzer(args.corpus, args.artifacts, args.seed, args.per_input, args.validate_every)
    targets = args.target or ALL_TARGETS
    if args.engine == "atheris":
        if len(targets) != 1:
            parser.error("--engine atheris takes exactly one --target")
        run_atheris(fuzzer, targets[0], args.seconds, args.summary, args.seed)
        return 0
    fuzzer.run(targets, args.seconds, DEFAULT_WEIGHTS)
    summary = fuzzer.summary("mutate", started, args.seed)
    text = json.dumps(summary, ensure_ascii=False, indent=2)
    if args.summary:
        args.summary.write_text(text, "utf-8")
    print(text)
    return 1 if summary["non_typed_exceptions"] or summary["invariant_violations"] else 0


if __name__ == "__main__":
    sys.exit(main())
