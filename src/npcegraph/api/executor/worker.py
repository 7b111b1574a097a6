"""The query worker process: evaluates queries natively in Oxigraph on a read-only snapshot.

Each task names the snapshot to read (a ``Store.backup`` checkpoint); the worker reopens when
it changes, so updates become visible to the next query. Answers are serialised by Oxigraph
into a line-based format first (TSV for solutions, N-Triples for triples), counting lines as
Oxigraph writes them, which stops an answer with more than ``max_rows`` rows early; the lines
are then re-serialised by Oxigraph into the negotiated format when that is another one.
Only ``pyoxigraph`` is imported here, so the process starts light.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from npcegraph.api.executor.tasks import DEFAULT_GRAPH, Layout, Outcome, QueryTask

_TSV = ox.QueryResultsFormat.TSV
_NT = ox.RdfFormat.N_TRIPLES


class TooManyRows(Exception):
    """Raised from inside Oxigraph's serialiser to stop an answer that is too long."""


class LineCounter:
    """A binary sink for Oxigraph's serialisers that counts lines and enforces a limit."""

    def __init__(self, max_lines: int) -> None:
        self.max_lines = max_lines
        self.lines = 0
        self.parts: list[bytes] = []

    def write(self, data: Any) -> int:
        """Keep ``data``; raise :class:`TooManyRows` past the limit."""
        chunk = bytes(data)
        self.lines += chunk.count(b"\n")
        if self.lines > self.max_lines:
            raise TooManyRows
        self.parts.append(chunk)
        return len(chunk)

    def flush(self) -> None:
        """Nothing to flush."""

    def value(self) -> bytes:
        """Everything written."""
        return b"".join(self.parts)


def _graph(name: str) -> ox.NamedNode | ox.DefaultGraph:
    return ox.DefaultGraph() if name == DEFAULT_GRAPH else ox.NamedNode(name)


class View:
    """A read-only snapshot and its public dataset.

    As in :meth:`EmbeddedStore.query`: the default graph is the derived union graph (each
    public triple once) plus the store's own default graph, the named graphs are the public
    ones (not quarantine, not the union graph). Without a union graph the default graph is the
    store's default graph and every public graph.
    """

    def __init__(self, path: str, layout: Layout) -> None:
        self.path = path
        self.store = ox.Store.read_only(path)
        union = ox.NamedNode(layout.union_graph)
        self.public = [g for g in self.store.named_graphs()
                       if g != union and not str(g.value).startswith(layout.quarantine_prefix)]
        self.default: list[Any] = ([union, ox.DefaultGraph()]
                                   if self.store.contains_named_graph(union)
                                   else [ox.DefaultGraph(), *self.public])

    def options(self, task: QueryTask) -> dict[str, Any]:
        """Dataset options for ``Store.query``."""
        if task.default_graphs is not None or task.named_graphs is not None:
            return {"default_graph": [_graph(g) for g in task.default_graphs or ()],
                    "named_graphs": [ox.NamedNode(g) for g in task.named_graphs or ()]}
        if task.own_dataset:
            return {}
        return {"default_graph": self.default, "named_graphs": self.public}


def evaluate(view: View, task: QueryTask) -> tuple[Outcome, bytes]:
    """Run ``task`` on ``view``: the outcome and the serialised answer."""
    try:
        result = view.store.query(task.query, base_iri=task.base_iri, **view.options(task))
        if isinstance(result, ox.QueryBoolean):
            if task.solutions_format is None:
                return _not_acceptable("an ASK answer"), b""
            fmt = ox.QueryResultsFormat.from_media_type(task.solutions_format)
            return Outcome(task.solutions_format, None), result.serialize(format=fmt) or b""
        if isinstance(result, ox.QuerySolutions):
            return _solutions(result, task)
        return _triples(result, task)
    except SyntaxError as exc:
        return Outcome(error="syntax", message=str(exc)), b""
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        return Outcome(error="failed", message=f"{type(exc).__name__}: {exc}"), b""


def _not_acceptable(what: str) -> Outcome:
    return Outcome(error="not-acceptable", message=f"{what} cannot be given in any of the "
                   "media types the Accept header allows")


def _too_many(task: QueryTask, noun: str) -> Outcome:
    return Outcome(error="too-many-rows", message=f"the answer has more than {task.max_rows} "
                   f"{noun} (the server's limit); add LIMIT, and OFFSET to page through it")


def _solutions(result: ox.QuerySolutions, task: QueryTask) -> tuple[Outcome, bytes]:
    if task.solutions_format is None:
        return _not_acceptable("a SELECT answer"), b""
    sink = LineCounter(task.max_rows + 1)  # + the header line
    try:
        result.serialize(sink, _TSV)
    except TooManyRows:
        return _too_many(task, "rows"), b""
    tsv = sink.value()
    rows = max(sink.lines - 1, 0)
    fmt = ox.QueryResultsFormat.from_media_type(task.solutions_format)
    if fmt == _TSV:
        return Outcome(task.solutions_format, rows), tsv
    converted = ox.parse_query_results(tsv, _TSV)
    return Outcome(task.solutions_format, rows), converted.serialize(format=fmt) or b""


def _triples(result: ox.QueryTriples, task: QueryTask) -> tuple[Outcome, bytes]:
    if task.graph_format is None:
        return _not_acceptable("a CONSTRUCT or DESCRIBE answer"), b""
    sink = LineCounter(task.max_rows)
    try:
        result.serialize(sink, _NT)
    except TooManyRows:
        return _too_many(task, "triples"), b""
    lines = sink.value()
    fmt = ox.RdfFormat.from_media_type(task.graph_format)
    if fmt in (_NT, ox.RdfFormat.N_QUADS):
        return Outcome(task.graph_format, sink.lines), lines
    body = ox.serialize(ox.parse(lines, _NT), format=fmt) or b""
    return Outcome(task.graph_format, sink.lines), body


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent (server or fork server) exits."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def main(conn: Connection, layout: Layout) -> None:
    """Serve ``(snapshot, task)`` messages from ``conn`` until it closes or sends ``None``;
    a ``None`` task only opens the snapshot."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    view: View | None = None
    conn.send(("ready", os.getpid()))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        snapshot, task = message
        try:
            if view is None or view.path != snapshot:
                view = None  # release the old snapshot before opening the new one
                view = View(snapshot, layout)
            outcome, body = evaluate(view, task) if task is not None else (Outcome(), b"")
        except OSError as exc:
            outcome, body = Outcome(error="failed", message=f"cannot open the store: {exc}"), b""
        conn.send(outcome)
        conn.send_bytes(body)
