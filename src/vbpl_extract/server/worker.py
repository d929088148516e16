"""Extraction in worker processes, bounded in time: a runaway document never blocks the server.

:class:`ExtractionPool` wraps a :class:`pebble.ProcessPool`: each job runs in a warmed-up worker
process; a job over the time limit has its worker killed and replaced, and comes back as a
``DocumentTimeoutError``. Jobs return plain tuples (typed errors do not pickle), e.g.::

    >>> run_job(b"", "trong.txt", None, "json", 1024)
    ('error', 'EmptyDocumentError', 'trong.txt: the file is empty (0 bytes)')
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from concurrent.futures import TimeoutError as FutureTimeout

from pebble import ProcessPool

from ..errors import DocumentTimeoutError, VbplError

Result = tuple[str, ...] | tuple[str, bytes | str, str | None]


def _warm_up() -> None:
    from ..pipeline import warm_up

    warm_up()


def run_job(data: bytes, name: str, fmt: str | None, output: str, max_bytes: int) -> tuple:
    """Read ``data`` as the file ``name`` and run the pipeline, in a worker process.

    ``output`` is an export format (``json``, ``xlsx`` …) or ``review`` (the JSON and the source text).
    Returns ``("ok", payload, text_or_None)`` or ``("error", error class name, message)``.
    """
    from ..exporters import export, to_json
    from ..pipeline import extract_source
    from ..readers import read_bytes

    try:
        source = read_bytes(data, name, fmt=fmt, max_bytes=max_bytes)
        graph = extract_source(source)
        if output == "review":
            return ("ok", to_json(graph), source.text)
        return ("ok", export(graph, output), None)
    except VbplError as exc:
        return ("error", type(exc).__name__, str(exc))
    except Exception as exc:  # reported as a 500 problem, never kills the worker
        return ("error", "InternalError", f"{name}: {type(exc).__name__}: {exc}")


class ExtractionPool:
    """``workers`` processes, at most ``max_pending`` jobs admitted at once (running or queued)."""

    def __init__(self, workers: int = 1, *, timeout: float = 60.0, max_pending: int = 16) -> None:
        self.workers = max(1, workers)
        self.timeout = timeout
        self.max_pending = max(1, max_pending)
        self._pending = 0
        self._lock = threading.Lock()
        self._pool: ProcessPool | None = None

    def start(self) -> None:
        if self._pool is None:
            self._pool = ProcessPool(max_workers=self.workers, initializer=_warm_up,
                                     context=multiprocessing.get_context("spawn"))

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.stop()
            self._pool.join(timeout=10)
            self._pool = None

    @property
    def pending(self) -> int:
        return self._pending

    def try_acquire(self) -> bool:
        """Admit one more job unless ``max_pending`` are already in progress."""
        with self._lock:
            if self._pending >= self.max_pending:
                return False
            self._pending += 1
            return True

    def release(self) -> None:
        with self._lock:
            self._pending -= 1

    async def run(self, data: bytes, name: str, fmt: str | None, output: str, max_bytes: int) -> tuple:
        """Run :func:`run_job` in a worker; a job over the time limit returns a DocumentTimeoutError tuple."""
        self.start()
        assert self._pool is not None
        future = self._pool.schedule(run_job, args=(data, name, fmt, output, max_bytes), timeout=self.timeout)
        try:
            return await asyncio.wrap_future(future)
        except FutureTimeout:
            err = DocumentTimeoutError(name, f"timed out after {self.timeout:g} s")
            return ("error", type(err).__name__, str(err))
        except Exception as exc:  # the worker died (killed, out of memory): the pool replaces it
            return ("error", "InternalError", f"{name}: worker failed: {type(exc).__name__}: {exc}")
