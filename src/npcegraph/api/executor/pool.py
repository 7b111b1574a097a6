"""A pool of query worker processes; a worker that overruns its timeout is killed and replaced.

pyoxigraph cannot cancel a running query, so the only way to free its CPU is to end the
process evaluating it. Callers (threads of the server's threadpool, never the event loop)
check out an idle worker, send it the task and wait on the pipe until the deadline; on
timeout the worker gets SIGKILL, the caller gets :class:`QueryTimeout` at once, and a
replacement is started in the background. Waiting for a free worker counts toward the same
deadline (:class:`ServiceUnavailable` when none frees up).
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from typing import Any

from npcegraph.api.errors import (
    ApiError,
    BadRequest,
    NotAcceptable,
    QueryTimeout,
    ServiceUnavailable,
)
from npcegraph.api.executor import worker as worker_module
from npcegraph.api.executor.snapshots import Snapshots
from npcegraph.api.executor.tasks import Layout, Outcome, QueryTask

log = logging.getLogger("npcegraph.api")
_START_SECONDS = 60.0
_ERRORS: dict[str, type[ApiError]] = {
    "syntax": BadRequest, "not-acceptable": NotAcceptable, "too-many-rows": BadRequest,
}


@dataclass(frozen=True)
class Answer:
    """A serialised query answer."""

    media_type: str
    body: bytes
    rows: int | None


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process of the chosen context
    conn: Connection

    @property
    def pid(self) -> int:
        return int(self.process.pid or 0)


def _context() -> BaseContext:
    """``forkserver`` where available (fast replacement), else ``spawn``; never ``fork``."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([worker_module.__name__])
        return context
    return multiprocessing.get_context("spawn")


class QueryPool:
    """``size`` worker processes reading the checkpoints of ``snapshots``; ``layout`` tells
    them which graphs are public."""

    def __init__(self, size: int, snapshots: Snapshots, layout: Layout) -> None:
        self.size = max(size, 1)
        self.snapshots = snapshots
        self._layout = layout
        self._context = _context()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[int] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.kills = 0

    def start(self) -> None:
        """Start every worker and wait until each is ready."""
        for _ in range(self.size):
            self._idle.put(self._spawn())

    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        with self._lock:
            return sorted(self._workers)

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe(duplex=True)
        process = self._context.Process(target=worker_module.main, args=(child, self._layout),
                                        name="npcegraph-query-worker", daemon=True)
        process.start()
        child.close()
        if not parent.poll(_START_SECONDS):
            process.kill()
            raise RuntimeError("a query worker did not start")
        parent.recv()
        with self._lock:
            self._workers.add(int(process.pid or 0))
        return _Worker(process, parent)

    def run(self, task: QueryTask, timeout: float) -> Answer:
        """Evaluate ``task`` within ``timeout`` seconds (blocking; call from a thread)."""
        deadline = time.monotonic() + timeout
        worker = self._checkout(deadline)
        snapshot = self.snapshots.acquire()
        try:
            worker.conn.send((snapshot, task))
            if not worker.conn.poll(max(deadline - time.monotonic(), 0.0)):
                self._kill(worker, deadline)
                raise QueryTimeout(f"the query did not finish within {timeout:g} s and was "
                                   "stopped; make it cheaper or narrow it down")
            outcome: Outcome = worker.conn.recv()
            body = worker.conn.recv_bytes()
        except (EOFError, OSError) as exc:
            self._kill(worker, None)
            raise ServiceUnavailable(f"the query worker failed ({exc.__class__.__name__}); "
                                     "it has been replaced, try again") from exc
        finally:
            self.snapshots.release(snapshot)
        self._idle.put(worker)
        if outcome.error:
            error = _ERRORS.get(outcome.error)
            if error is None:
                raise ApiError(f"the query failed: {outcome.message}")
            raise error(outcome.message)
        return Answer(outcome.media_type, body, outcome.rows)

    def warm(self) -> None:
        """Have the idle workers open the current checkpoint now, in the background, so the
        first queries after a write do not each pay for opening it (tens of ms)."""
        threading.Thread(target=self._warm, name="npcegraph-worker-warm", daemon=True).start()

    def _warm(self) -> None:
        for _ in range(self.size):
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            snapshot = self.snapshots.acquire()
            try:
                worker.conn.send((snapshot, None))
                if not worker.conn.poll(_START_SECONDS):
                    raise OSError("no answer")
                worker.conn.recv()
                worker.conn.recv_bytes()
            except (EOFError, OSError):
                self._kill(worker, None)
                continue
            finally:
                self.snapshots.release(snapshot)
            self._idle.put(worker)

    def _checkout(self, deadline: float) -> _Worker:
        """An idle, live worker (one that died while idle is replaced, not handed out)."""
        while True:
            try:
                worker = self._idle.get(timeout=max(deadline - time.monotonic(), 0.001))
            except queue.Empty:
                raise ServiceUnavailable("every query worker is busy; try again shortly") \
                    from None
            if worker.process.is_alive():
                return worker
            self._kill(worker, None)

    def _kill(self, worker: _Worker, deadline: float | None) -> None:
        """SIGKILL ``worker``, reap it, and start a replacement in the background."""
        worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        with self._lock:
            self._workers.discard(worker.pid)
            self.kills += 1
        if deadline is not None:
            log.warning("query worker %d killed %.1f ms after its timeout", worker.pid,
                        (time.monotonic() - deadline) * 1000)
        threading.Thread(target=self._replace, name="npcegraph-worker-replace",
                         daemon=True).start()

    def _replace(self) -> None:
        if self._closed:
            return
        started = time.monotonic()
        try:
            replacement = self._spawn()
        except (RuntimeError, OSError) as exc:
            log.error("could not start a replacement query worker: %s", exc)
            return
        log.info("replacement query worker %d ready in %.1f ms", replacement.pid,
                 (time.monotonic() - started) * 1000)
        self._idle.put(replacement)

    def close(self) -> None:
        """Stop the idle workers politely and kill any that are still busy."""
        self._closed = True
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                break
            try:
                worker.conn.send(None)
            except OSError:
                pass
            worker.process.join(2)
        for child in self._context.active_children():
            if child.name == "npcegraph-query-worker":
                child.kill()
                child.join(2)
        with self._lock:
            self._workers.clear()
