"""Batch runs: many documents -> one JSON per document, a manifest, a combined task file.

``run_batch(["../shared/corpus/seeds"], Path("out"))`` writes::

    out/004_73d4ecd4209fcbe0__1f3a9c0e2b7d.json   # one TaskGraph per input, written atomically
    out/manifest.jsonl                             # one line per input: sha256, status, error, ...
    out/tasks.jsonl                                # every task of every ok document, flattened

Two executors share one per-document function (:func:`process_document`), so their outputs are
byte-identical: ``local`` (worker processes managed here, each warmed up once, killed and replaced
when a document exceeds the time limit) and ``dask`` (``dask.distributed``; a ``LocalCluster`` or a
scheduler address). Only the driver writes files, so writes stay atomic and the manifest has one
writer. ``resume=True`` skips inputs recorded ok with the same sha256 and pipeline version whose
output still exists; a run killed with SIGKILL loses at most the documents in flight.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import importlib
import json
import multiprocessing
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from .errors import (
    DocumentTimeoutError,
    EmptyDocumentError,
    InputNotFoundError,
    UnsupportedFormatError,
    VbplError,
)
from .readers import EXTENSIONS

SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(EXTENSIONS)
"""Every extension a reader takes (.txt … .pdf, .doc/.rtf/.odt, page images); other files are skipped."""
MANIFEST_NAME = "manifest.jsonl"
TASKS_NAME = "tasks.jsonl"
DEFAULT_EXTRACTOR = "vbpl_extract.pipeline:extract_file"
DEFAULT_TIMEOUT = 120.0
DASK_CONNECT_TIMEOUT = 10.0
"""Seconds to reach a Dask scheduler given by address before giving up with a one-line error."""
DASK_NO_WORKERS_GRACE = 10.0
"""Seconds without any Dask worker after which the batch stops waiting (unfinished documents: ``NoWorkers``)."""
DASK_POLL_SECONDS = 1.0
_TMP_PREFIX = ".vbpl-"
_TMP_SUFFIX = ".tmp"
_GLOB_CHARS = frozenset("*?[")

Extractor = Callable[[str], Any] | str
"""A callable ``path -> TaskGraph | dict | str`` that pickles, or ``"package.module:function"``."""


# --------------------------------------------------------------------------- inputs


def default_jobs() -> int:
    """Number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _norm(path: str | Path) -> Path:
    return Path(os.path.normpath(os.path.abspath(path)))


def _walk(folder: Path) -> Iterator[Path]:
    """Every file of a folder tree except hidden ones; unsupported extensions are listed as skipped later."""
    for path in folder.rglob("*"):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
            yield path


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Files, folders (recursively, hidden files left out) and globs -> sorted absolute paths.

    Every file is kept whatever its extension, so that the manifest can say why it was skipped; a path that does not exist is kept too (it is
    recorded as "file not found"). ``expand_inputs(["corpus/seeds", "x/*.md"])``.
    """
    found: set[Path] = set()
    for item in inputs:
        text = str(item)
        path = Path(text)
        if path.is_dir():
            found.update(_norm(p) for p in _walk(path))
        elif path.exists():
            found.add(_norm(path))
        elif _GLOB_CHARS & set(text):
            for match in glob.glob(text, recursive=True):
                mpath = Path(match)
                if mpath.is_dir():
                    found.update(_norm(p) for p in _walk(mpath))
                elif mpath.is_file():
                    found.add(_norm(mpath))
        else:
            found.add(_norm(path))
    return sorted(found, key=str)


# --------------------------------------------------------------------------- per document (workers)

_EXTRACTOR_CACHE: dict[str, Callable[[str], Any]] = {}
_WARMED: set[str] = set()


def resolve_extractor(extractor: Extractor) -> Callable[[str], Any]:
    """``"package.module:function"`` -> the function; a callable is returned as is."""
    if callable(extractor):
        return extractor
    if extractor not in _EXTRACTOR_CACHE:
        module_name, _, attr = extractor.partition(":")
        if not attr:
            raise ValueError(f"extractor must be 'package.module:function', got {extractor!r}")
        _EXTRACTOR_CACHE[extractor] = getattr(importlib.import_module(module_name), attr)
    return _EXTRACTOR_CACHE[extractor]


def warm_up(extractor: Extractor = DEFAULT_EXTRACTOR) -> None:
    """Load the heavy models once per process.

    Calls ``warm_up()`` of the extractor's module when it has one (``pipeline.warm_up`` for the
    default extractor), else ``pipeline.warm_up()`` when it exists (wrappers of ``extract_file``).
    """
    function = resolve_extractor(extractor)
    key = extractor if isinstance(extractor, str) else repr(function)
    if key in _WARMED:
        return
    hook = getattr(sys.modules.get(getattr(function, "__module__", "") or ""), "warm_up", None)
    if not callable(hook):
        from . import pipeline

        hook = getattr(pipeline, "warm_up", None)
    if callable(hook):
        hook()
    _WARMED.add(key)


def graph_to_json(graph: Any) -> str:
    """The per-document JSON text: a TaskGraph (pydantic), a dict or an already serialised str."""
    if isinstance(graph, str):
        text = graph
    elif hasattr(graph, "model_dump_json"):
        text = graph.model_dump_json(indent=2)
    else:
        text = json.dumps(graph, ensure_ascii=False, indent=2)
    return text if text.endswith("\n") else text + "\n"


def _count_tasks(graph: Any, text: str) -> int:
    tasks = getattr(graph, "tasks", None)
    if isinstance(tasks, list):
        return len(tasks)
    if isinstance(graph, dict):
        return len(graph.get("tasks") or [])
    try:
        return len(json.loads(text).get("tasks") or [])
    except (ValueError, AttributeError):
        return 0


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (0.0 when unknown)."""
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
    except ImportError:  # pragma: no cover - Windows
        try:
            import psutil

            info = psutil.Process().memory_info()
            return getattr(info, "peak_wset", info.rss) / (1024 * 1024)
        except Exception:
            return 0.0


def process_document(path: str, extractor: Extractor = DEFAULT_EXTRACTOR) -> dict[str, Any]:
    """Run the extractor on one file; never raises.

    Returns ``{"status": "ok", "json": ..., "tasks": n, "seconds": s, "rss_mb": m}`` or
    ``{"status": "error", "error": "empty file", "error_type": "EmptyDocumentError", ...}``.
    """
    start = time.perf_counter()
    result: dict[str, Any]
    try:
        graph = resolve_extractor(extractor)(path)
        text = graph_to_json(graph)
        result = {"status": "ok", "json": text, "tasks": _count_tasks(graph, text)}
    except VbplError as exc:
        result = {"status": "error", "error": exc.problem, "error_type": type(exc).__name__}
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # a bad document must never stop the batch
        result = {"status": "error", "error": f"{type(exc).__name__}: {exc}", "error_type": type(exc).__name__}
    result["seconds"] = round(time.perf_counter() - start, 6)
    result["rss_mb"] = round(peak_rss_mb(), 1)
    return result


def _dask_process(path: str, extractor: Extractor) -> dict[str, Any]:
    """Dask task: warm up lazily (once per worker process), then :func:`process_document`."""
    warm_up(extractor)
    result = process_document(path, extractor)
    result["pid"] = os.getpid()
    return result


def _worker_main(conn: Connection, extractor: Extractor) -> None:
    """Local worker loop: warm up, say "ready", then answer ``(index, path)`` requests."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the driver handles Ctrl-C
    try:
        warm_up(extractor)
    except BaseException as exc:
        conn.send(("fatal", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):  # the driver is gone
            return
        if request is None:
            return
        index, path = request
        try:
            conn.send(("done", index, process_document(path, extractor)))
        except (BrokenPipeError, OSError):
            return


# --------------------------------------------------------------------------- files


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``path`` via a temporary file in the same folder, fsync, ``os.replace``."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, suffix=_TMP_SUFFIX, dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


MAX_STEM_BYTES = 150
"""Output stems are cut to this many UTF-8 bytes (file names are limited to 255 bytes, not characters)."""


def _safe_stem(path: Path) -> str:
    stem = "".join(ch if ch.isalnum() or ch in "-_.+" else "_" for ch in path.stem).strip("._") or "document"
    return stem.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", "ignore")


def json_line(record: Any, *, sort_keys: bool = True) -> bytes:
    r"""One JSON line as UTF-8 bytes, safe for any file name.

    A name with bytes that are not UTF-8 (``bad\xff.txt``) reaches Python as lone surrogates
    (``surrogateescape``); they are written as the JSON escapes ``\udcff``, which ``json.loads``
    reads back into the same string, so ``os.fsencode(record["input"])`` gives the original bytes.

    >>> json_line({"input": "bad\udcff.txt"})
    b'{"input": "bad\\udcff.txt"}\n'
    >>> name = "/inbox/Kế hoạch 341\udcff.txt"
    >>> json.loads(json_line({"input": name}))["input"] == name, os.fsencode(name)[-5:]
    (True, b'\xff.txt')
    """
    text = json.dumps(record, ensure_ascii=False, sort_keys=sort_keys)
    return text.encode("utf-8", "backslashreplace") + b"\n"


def output_name(path: Path, sha256: str) -> str:
    """Stable output file name: ``<stem>__<sha256[:12]>.json``."""
    return f"{_safe_stem(path)}__{sha256[:12]}.json"


def read_manifest(path: Path) -> list[dict[str, Any]]:
    """Records of a manifest; a truncated or garbled line (a killed run) is skipped."""
    records: list[dict[str, Any]] = []
    if not path.exists():
        return records
    with path.open("rb") as handle:
        for raw in handle:
            try:
                record = json.loads(raw)
            except ValueError:
                continue
            if isinstance(record, dict) and "input" in record:
                records.append(record)
    return records


def _drop_partial_line(path: Path) -> None:
    """Cut a manifest back to its last complete line (a SIGKILL may leave half a line)."""
    if not path.exists():
        return
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        with path.open("r+b") as handle:
            handle.truncate(data.rfind(b"\n") + 1)


class ManifestWriter:
    """Append-only JSONL, flushed and fsynced line by line."""

    def __init__(self, path: Path, *, append: bool) -> None:
        if append:
            _drop_partial_line(path)
        self.path = path
        self._handle = path.open("ab" if append else "wb")

    def write(self, record: dict[str, Any]) -> None:
        self._handle.write(json_line(record))
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()


# --------------------------------------------------------------------------- combined output


def _names(agencies: Sequence[dict[str, Any]] | None) -> list[str]:
    return [a.get("name") or a.get("text") or "" for a in agencies or []]


def flatten_tasks(graph: dict[str, Any], output: str) -> Iterator[dict[str, Any]]:
    """One flat row per task of a TaskGraph dict (the rows of ``tasks.jsonl``)."""
    document = graph.get("document") or {}
    source = graph.get("source") or {}
    issuer = document.get("issuer") or {}
    for task in graph.get("tasks") or []:
        deadline = task.get("deadline") or {}
        yield {
            "document_number": document.get("number"),
            "document_type": document.get("type"),
            "document_date": document.get("date"),
            "issuer": issuer.get("name"),
            "source_path": source.get("path"),
            "output": output,
            "task_id": task.get("id"),
            "text": task.get("text"),
            "unit": task.get("unit"),
            "unit_id": task.get("unit_id"),
            "action": task.get("action"),
            "lead": _names(task.get("lead")),
            "coordinators": _names(task.get("coordinators")),
            "report_to": _names(task.get("report_to")),
            "deadline_kind": deadline.get("kind"),
            "deadline_due": deadline.get("due"),
            "deadline_rrule": deadline.get("rrule"),
            "deadline_text": deadline.get("text"),
            "product": task.get("product"),
            "context": task.get("context"),
        }


def write_combined(out_dir: Path, outputs: Sequence[str]) -> tuple[Path, int]:
    """Rebuild ``OUT/tasks.jsonl`` from per-document outputs (in the given order); returns (path, rows)."""
    lines: list[bytes] = []
    for name in outputs:
        graph = json.loads((out_dir / name).read_text(encoding="utf-8"))
        lines.extend(json_line(row, sort_keys=False) for row in flatten_tasks(graph, name))
    target = out_dir / TASKS_NAME
    write_atomic(target, b"".join(lines))
    return target, len(lines)


# --------------------------------------------------------------------------- summary


@dataclass
class BatchSummary:
    """What a batch run did; ``exit_code`` is 0 when every document is ok, else 1."""

    documents: int = 0
    processed: int = 0
    ok: int = 0
    errors: int = 0
    skipped: int = 0
    unsupported: int = 0
    """Files skipped for their extension (manifest status "skipped")."""
    tasks: int = 0
    bytes: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0
    jobs: int = 1
    executor: str = "local"
    pipeline_version: str = ""
    out_dir: str = ""
    manifest: str = ""
    combined: str = ""
    worker_peak_rss_mb: dict[str, float] = field(default_factory=dict)
    failed: list[dict[str, Any]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    @property
    def docs_per_second(self) -> float:
        busy = self.seconds - self.startup_seconds
        return self.processed / busy if busy > 0 else 0.0

    @property
    def mb_per_second(self) -> float:
        busy = self.seconds - self.startup_seconds
        return self.bytes / 1e6 / busy if busy > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items()}
        data.update(exit_code=self.exit_code, docs_per_second=self.docs_per_second,
                    mb_per_second=self.mb_per_second)
        return data


def print_summary(summary: BatchSummary, console: Any = None) -> None:
    """Print the end-of-run summary table (rich) on stderr."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console(stderr=True)
    table = Table(title="vbpl-extract batch", show_header=False)
    table.add_row("documents", f"{summary.documents} ({summary.processed} processed, {summary.skipped} skipped, "
                               f"{summary.unsupported} unsupported format)")
    table.add_row("ok / errors", f"{summary.ok} / {summary.errors}")
    table.add_row("tasks", str(summary.tasks))
    table.add_row("time", f"{summary.seconds:.1f} s (startup {summary.startup_seconds:.1f} s)")
    table.add_row("throughput", f"{summary.docs_per_second:.1f} docs/s, {summary.mb_per_second:.2f} MB/s "
                  f"with {summary.jobs} {summary.executor} worker(s)")
    table.add_row("manifest", summary.manifest)
    table.add_row("tasks file", summary.combined)
    console.print(table)
    for record in summary.failed[:20]:
        console.print(f"[red]error[/red] {record['input']}: {record['error']}")
    if len(summary.failed) > 20:
        console.print(f"... and {len(summary.failed) - 20} more (see the manifest)")


# --------------------------------------------------------------------------- executors


@dataclass
class _Job:
    index: int
    path: Path
    sha256: str
    size: int
    output: str


Done = Callable[[_Job, dict[str, Any], str], None]
"""Callback ``(job, result, worker_id)`` called in the driver for each finished document."""


def _dispatch_order(jobs: list[_Job]) -> list[_Job]:
    """A stack (pop from the end) giving the largest documents first, so that workers finish together."""
    return sorted(jobs, key=lambda job: (job.size, -job.index))


def _timeout_result(timeout: float) -> dict[str, Any]:
    return {"status": "error", "error": f"timed out after {timeout:g} s",
            "error_type": DocumentTimeoutError.__name__, "seconds": timeout}


class _LocalWorker:
    def __init__(self, ctx: Any, extractor: Extractor, slot: int) -> None:
        self.slot = slot
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, args=(child, extractor), daemon=True,
                                   name=f"vbpl-worker-{slot}")
        self.process.start()
        child.close()
        self.ready = False
        self.job: _Job | None = None
        self.deadline = 0.0

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.send(None)
        self.process.join(2)
        if self.process.is_alive():
            self.kill()
        else:
            self.conn.close()


def _run_local(jobs: list[_Job], done: Done, *, workers: int, extractor: Extractor,
               timeout: float | None, on_ready: Callable[[], None]) -> None:
    """Process pool managed by hand: one request per worker at a time, kill + replace on timeout."""
    ctx = multiprocessing.get_context("spawn")
    pending = _dispatch_order(jobs)
    pool = [_LocalWorker(ctx, extractor, slot) for slot in range(min(workers, len(jobs)))]
    announced = False
    try:
        while pending or any(w.job for w in pool):
            for worker in pool:
                if worker.ready and worker.job is None and pending:
                    worker.job = pending.pop()
                    worker.deadline = time.monotonic() + timeout if timeout else float("inf")
                    try:
                        worker.conn.send((worker.job.index, str(worker.job.path)))
                    except OSError:  # died while idle: the sentinel branch below replaces it
                        pending.append(worker.job)
                        worker.job = None
                        worker.ready = False
            waiting = [w for w in pool if w.job or not w.ready]
            if not waiting:
                break
            next_deadline = min((w.deadline for w in waiting if w.job), default=float("inf"))
            wait_for = None if next_deadline == float("inf") else max(0.0, next_deadline - time.monotonic())
            ready = set(wait([w.conn for w in waiting] + [w.process.sentinel for w in waiting], wait_for))
            now = time.monotonic()
            for i, worker in enumerate(pool):
                message = None
                if worker.conn in ready or worker.process.sentinel in ready:
                    try:
                        message = worker.conn.recv() if worker.conn.poll() else None
                    except (EOFError, OSError):
                        message = None
                if message and message[0] == "ready":
                    worker.ready = True
                    if not announced:
                        announced = True
                        on_ready()
                elif message and message[0] == "fatal":
                    raise RuntimeError(f"worker failed to start: {message[1]}")
                elif message and message[0] == "done" and worker.job:
                    job, worker.job = worker.job, None
                    done(job, message[2], f"local-{worker.slot}")
                elif worker.process.sentinel in ready and not worker.process.is_alive():
                    if not worker.ready:
                        raise RuntimeError(f"worker exited during start-up (exit code {worker.process.exitcode})")
                    if worker.job:
                        done(worker.job, {"status": "error", "error_type": "WorkerCrash",
                                          "error": f"worker process died (exit code {worker.process.exitcode})",
                                          "seconds": 0.0}, f"local-{worker.slot}")
                    worker.kill()
                    pool[i] = _LocalWorker(ctx, extractor, worker.slot)
                elif worker.job and now >= worker.deadline:
                    job = worker.job
                    worker.kill()
                    assert timeout is not None
                    done(job, _timeout_result(timeout), f"local-{worker.slot}")
                    pool[i] = _LocalWorker(ctx, extractor, worker.slot)
    finally:
        for worker in pool:
            if worker.job:
                worker.kill()
            else:
                worker.stop()


def _run_dask(jobs: list[_Job], done: Done, *, workers: int, extractor: Extractor, timeout: float | None,
              scheduler: str | None, on_ready: Callable[[], None]) -> None:
    """dask.distributed: the same :func:`process_document` on each worker; the driver writes."""
    import logging

    from distributed import Client, LocalCluster
    from distributed import wait as dask_wait

    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=DASK_CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise VbplError(None, f"cannot reach the Dask scheduler {scheduler} within {DASK_CONNECT_TIMEOUT:g} s "
                                  f"({type(exc).__name__}: {exc})") from None
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        try:
            client.wait_for_workers(1, timeout=DASK_NO_WORKERS_GRACE if scheduler else None)
        except TimeoutError:
            raise VbplError(None, f"the Dask scheduler {scheduler} has no workers (none connected within "
                                  f"{DASK_NO_WORKERS_GRACE:g} s); start some with 'dask worker {scheduler}'") from None
        with contextlib.suppress(Exception):
            client.run(warm_up, extractor)
        on_ready()
        nthreads = max(1, sum(client.nthreads().values()))
        pending = _dispatch_order(jobs)
        inflight: dict[Any, tuple[_Job, float]] = {}
        no_workers_since: float | None = None
        checked = time.monotonic()
        while pending or inflight:
            # every worker gone (died, retired): without this, each document would wait its full time limit
            if time.monotonic() - checked >= DASK_POLL_SECONDS:
                checked = time.monotonic()
                try:
                    alive = bool(client.nthreads())
                except Exception:
                    alive = False
                if alive:
                    no_workers_since = None
                elif no_workers_since is None:
                    no_workers_since = checked
            if no_workers_since is not None and time.monotonic() - no_workers_since >= DASK_NO_WORKERS_GRACE:
                gone = {"status": "error", "error_type": "NoWorkers", "seconds": 0.0,
                        "error": f"no Dask worker left for {DASK_NO_WORKERS_GRACE:g} s (all died or left)"}
                for future, (job, _) in list(inflight.items()):
                    future.cancel()
                    done(job, dict(gone), "dask-?")
                for job in reversed(pending):
                    done(job, dict(gone), "dask-?")
                return
            # In-flight work is bounded by the worker threads, so a task starts soon after submission
            # and its deadline (from submission) approximates the time it has been running.
            while pending and len(inflight) < nthreads:
                job = pending.pop()
                future = client.submit(_dask_process, str(job.path), extractor, pure=False,
                                       key=f"vbpl-{job.index}-{job.sha256[:12]}")
                inflight[future] = (job, time.monotonic() + timeout if timeout else float("inf"))
            next_deadline = min(deadline for _, deadline in inflight.values())
            wait_for = min(DASK_POLL_SECONDS, max(0.01, next_deadline - time.monotonic()))
            try:
                finished, _ = dask_wait(list(inflight), timeout=wait_for, return_when="FIRST_COMPLETED")
            except TimeoutError:
                finished = set()
            for future in finished:
                job, _ = inflight.pop(future)
                try:
                    result = future.result()
                    worker_id = f"dask-{result.pop('pid', '?')}"
                except Exception as exc:
                    result = {"status": "error", "error": f"{type(exc).__name__}: {exc}",
                              "error_type": type(exc).__name__, "seconds": 0.0}
                    worker_id = "dask-?"
                done(job, result, worker_id)
            now = time.monotonic()
            expired = [f for f, (_, deadline) in inflight.items() if now >= deadline]
            if expired:
                processing = client.processing()
                stuck = [w for w, keys in processing.items() if any(f.key in keys for f in expired)]
                for future in expired:
                    job, _ = inflight.pop(future)
                    future.cancel()
                    assert timeout is not None
                    done(job, _timeout_result(timeout), "dask-?")
                if stuck:  # free the hung worker processes (needs nannies: processes=True / dask worker)
                    with contextlib.suppress(Exception):
                        client.restart_workers(stuck, raise_for_error=False)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --------------------------------------------------------------------------- driver


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def _precheck(path: Path) -> tuple[str | None, int, VbplError | None]:
    """sha256 and size, or the error that makes processing pointless (missing, unsupported, empty)."""
    if not path.is_file():
        try:
            mode = path.stat().st_mode
        except OSError:
            return None, 0, InputNotFoundError(path, "file not found")
        from .readers import special_file_kind

        return None, 0, InputNotFoundError(path, f"is {special_file_kind(mode)}, not a regular file")
    try:
        sha256, size = _hash_file(path)
    except OSError as exc:
        return None, 0, InputNotFoundError(path, f"cannot read: {exc.strerror or exc}")
    if path.suffix.lower() not in SUPPORTED_EXTENSIONS:
        supported = " ".join(SUPPORTED_EXTENSIONS)
        return sha256, size, UnsupportedFormatError(path, f"unsupported format {path.suffix or '(none)'!r} "
                                                          f"(supported: {supported})")
    if size == 0:
        return sha256, size, EmptyDocumentError(path, "empty file")
    return sha256, size, None


def _pipeline_version() -> str:
    from . import pipeline

    return str(getattr(pipeline, "PIPELINE_VERSION", "unknown"))


def _cleanup_temp_files(out_dir: Path) -> None:
    for stale in out_dir.glob(f"{_TMP_PREFIX}*{_TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _make_progress(enabled: bool) -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} docs/s" if speed else "-- docs/s", style="progress.data.speed")

    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                    TextColumn("{task.fields[errors]} errors"), TimeElapsedColumn(), TextColumn("ETA"),
                    TimeRemainingColumn(), console=Console(stderr=True), disable=not enabled)


LOCK_NAME = ".vbpl-batch.lock"


@contextlib.contextmanager
def lock_out_dir(out_dir: Path) -> Iterator[Path]:
    """Hold ``OUT/.vbpl-batch.lock`` (an exclusive ``flock``, the holder's pid written inside) while a batch runs.

    A second batch on the same folder is refused with :class:`VbplError` naming the holder's pid. The
    kernel drops the lock when its holder dies, so a lock file left by a killed run is simply taken over;
    a run that ends normally removes the file.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no locking
        yield out_dir / LOCK_NAME
        return
    path = out_dir / LOCK_NAME
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise VbplError(out_dir, f"another batch (pid {holder}) is writing to this folder; wait for it to "
                                     f"finish or use another --out") from None
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # the holder removed the file between our open and our lock: start again
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield path
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)  # removed while still locked, so a waiting opener sees a new inode
        os.close(fd)


def run_batch(
    inputs: Sequence[str | Path],
    out_dir: Path,
    *,
    jobs: int | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    resume: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    progress: bool = True,
    extractor: Extractor = DEFAULT_EXTRACTOR,
) -> BatchSummary:
    """Extract every input into ``out_dir``; see the module docstring. Never raises for a bad document.

    ``timeout`` (seconds, None = no limit) bounds each document; ``extractor`` is
    ``"package.module:function"`` or a picklable callable ``path -> TaskGraph`` (tests, benchmarks).
    ``out_dir`` is locked for the run (:func:`lock_out_dir`): two batches never write one folder.
    """
    if executor not in ("local", "dask"):
        raise ValueError(f"executor must be 'local' or 'dask', got {executor!r}")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise VbplError(out_dir, "--out must be a folder, but a file of that name exists")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise VbplError(out_dir, f"cannot create the output folder ({exc.strerror or exc})") from None
    with lock_out_dir(out_dir):
        return _run_batch_locked(inputs, out_dir, jobs=jobs, executor=executor, scheduler=scheduler, resume=resume,
                                 timeout=timeout, progress=progress, extractor=extractor)


def _run_batch_locked(
    inputs: Sequence[str | Path],
    out_dir: Path,
    *,
    jobs: int | None,
    executor: str,
    scheduler: str | None,
    resume: bool,
    timeout: float | None,
    progress: bool,
    extractor: Extractor,
) -> BatchSummary:
    started = time.perf_counter()
    jobs = max(1, jobs or default_jobs())
    _cleanup_temp_files(out_dir)
    paths = expand_inputs(inputs)
    if not paths:
        raise InputNotFoundError(None, f"no input files matched {' '.join(map(str, inputs))}")
    version = _pipeline_version()
    manifest_path = out_dir / MANIFEST_NAME

    previous: dict[str, dict[str, Any]] = {}
    if resume:
        for record in read_manifest(manifest_path):
            previous[record["input"]] = record
    writer = ManifestWriter(manifest_path, append=resume)
    summary = BatchSummary(documents=len(paths), jobs=jobs, executor=executor, pipeline_version=version,
                           out_dir=str(out_dir), manifest=str(manifest_path))
    latest: dict[str, dict[str, Any]] = {}

    def record(path: Path, sha256: str | None, size: int, result: dict[str, Any], output: str | None) -> None:
        entry = {
            "input": str(path), "sha256": sha256, "size": size, "status": result["status"],
            "error": result.get("error"), "error_type": result.get("error_type"),
            "output": output if result["status"] == "ok" else None,
            "tasks": result.get("tasks") if result["status"] == "ok" else None,
            "seconds": round(float(result.get("seconds") or 0.0), 4), "pipeline_version": version,
        }
        writer.write(entry)
        latest[str(path)] = entry
        if entry["status"] == "ok":
            summary.ok += 1
        elif entry["status"] == "skipped":
            summary.unsupported += 1
        else:
            summary.errors += 1
            summary.failed.append(entry)

    # Plan: hash, pre-check, skip what a previous run finished, name outputs (unique within the run).
    planned: list[_Job] = []
    names: dict[str, Path] = {}
    for path in paths:
        sha256, size, problem = _precheck(path)
        if problem is not None:
            status = "skipped" if isinstance(problem, UnsupportedFormatError) else "error"
            record(path, sha256, size, {"status": status, "error": problem.problem,
                                        "error_type": type(problem).__name__}, None)
            summary.processed += 1
            continue
        assert sha256 is not None
        name = output_name(path, sha256)
        if name in names and names[name] != path:
            name = name[:-5] + "__" + hashlib.sha256(str(path).encode()).hexdigest()[:8] + ".json"
        names[name] = path
        before = previous.get(str(path))
        if (before and before.get("status") == "ok" and before.get("sha256") == sha256
                and before.get("pipeline_version") == version and before.get("output")
                and (out_dir / before["output"]).is_file()):
            latest[str(path)] = before
            summary.skipped += 1
            summary.ok += 1
            continue
        planned.append(_Job(len(planned), path, sha256, size, name))

    with _make_progress(progress) as bar:
        task_id = bar.add_task("starting workers" if planned else "nothing to do", total=len(planned),
                               errors=summary.errors)

        def on_ready() -> None:
            summary.startup_seconds = time.perf_counter() - started
            bar.update(task_id, description="extracting")
            bar.reset(task_id, total=len(planned), errors=summary.errors)  # ETA from here on

        def done(job: _Job, result: dict[str, Any], worker_id: str) -> None:
            if result["status"] == "ok":
                try:
                    write_atomic(out_dir / job.output, result["json"])
                except (OSError, UnicodeError) as exc:  # a per-document failure, never the batch's
                    result = {"status": "error", "error_type": type(exc).__name__, "seconds": result.get("seconds"),
                              "error": f"cannot write {job.output}: {getattr(exc, 'strerror', None) or exc}"}
            record(job.path, job.sha256, job.size, result, job.output)
            summary.processed += 1
            summary.bytes += job.size
            if result.get("rss_mb"):
                summary.worker_peak_rss_mb[worker_id] = max(summary.worker_peak_rss_mb.get(worker_id, 0.0),
                                                            float(result["rss_mb"]))
            bar.update(task_id, advance=1, errors=summary.errors)

        try:
            if planned:
                runner_kwargs = {"workers": jobs, "extractor": extractor, "timeout": timeout, "on_ready": on_ready}
                if executor == "dask":
                    _run_dask(planned, done, scheduler=scheduler, **runner_kwargs)
                else:
                    _run_local(planned, done, **runner_kwargs)
        finally:
            writer.close()

    # Compact the manifest (latest record per input, sorted) and rebuild the combined output.
    for path_text, entry in previous.items():
        if path_text not in latest and (out_dir / (entry.get("output") or "\0")).is_file():
            latest[path_text] = entry
    write_atomic(manifest_path, b"".join(json_line(latest[k]) for k in sorted(latest)))
    outputs = [latest[str(p)]["output"] for p in paths if latest.get(str(p), {}).get("status") == "ok"]
    combined, summary.tasks = write_combined(out_dir, outputs)
    summary.combined = str(combined)
    summary.seconds = time.perf_counter() - started
    if not planned:
        summary.startup_seconds = summary.seconds
    if progress:
        print_summary(summary)
    return summary
