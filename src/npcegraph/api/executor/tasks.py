"""What travels between the server and a query worker (picklable, no heavy imports)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_GRAPH = ""  # in ``QueryTask.default_graphs``: the store's own (unnamed) default graph


@dataclass(frozen=True)
class Layout:
    """Which graphs of the store make up the public dataset."""

    union_graph: str  # the derived graph holding each public triple once (the default graph)
    quarantine_prefix: str  # graphs whose IRI starts with this are not public


@dataclass(frozen=True)
class QueryTask:
    """One query to evaluate and serialise.

    ``solutions_format`` / ``graph_format`` are the negotiated media types for a SELECT/ASK
    or a CONSTRUCT/DESCRIBE answer (``None``: the client accepts none). ``default_graphs`` and
    ``named_graphs`` give the protocol's dataset; both ``None`` means the public dataset
    (every graph but quarantine), unless ``own_dataset`` says the query names its own.
    """

    query: str
    solutions_format: str | None
    graph_format: str | None
    max_rows: int
    base_iri: str | None = None
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    own_dataset: bool = False


@dataclass(frozen=True)
class Outcome:
    """A worker's answer: serialised bytes follow on the pipe when ``error`` is empty.

    ``error`` is one of ``syntax``, ``not-acceptable``, ``too-many-rows``, ``failed``.
    """

    media_type: str = ""
    rows: int | None = None
    error: str = ""
    message: str = ""
