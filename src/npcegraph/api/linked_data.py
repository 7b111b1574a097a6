"""Linked data behind the routes: negotiation, resource descriptions and the dataset description.

A resource's description is a native ``CONSTRUCT`` (:mod:`npcegraph.describe`) evaluated by the
query pool like any SPARQL query (same checkpoint, same timeout), answered as N-Triples and
re-serialised here by Oxigraph into the negotiated format. The dataset description is counted
once per checkpoint (the store changes only through a write, which publishes a new one) on the
checkpoint opened read-only in this process, and kept in memory with the triples it describes.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from npcegraph import describe
from npcegraph.api.errors import BadRequest, NotAcceptable
from npcegraph.api.executor.tasks import QueryTask
from npcegraph.api.negotiation import choose
from npcegraph.api.state import AppState
from npcegraph.dataset import describe_store
from npcegraph.store import EmbeddedStore

HTML = "text/html"
# What a resource answers in; the first entry serves a missing Accept or */*.
RESOURCES: dict[str, str] = {
    "text/turtle": "text/turtle",
    "text/html": HTML,
    "application/ld+json": "application/ld+json",
    "application/n-triples": "application/n-triples",
    "application/rdf+xml": "application/rdf+xml",
    "application/xhtml+xml": HTML,
    "application/turtle": "text/turtle",
    "application/x-turtle": "text/turtle",
    "application/json": "application/ld+json",
    "text/plain": "application/n-triples",
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
}
# ``?format=`` overrides Accept: (value, media type, name), the first value of each type is the
# one the pages link to.
FORMATS: tuple[tuple[str, str, str], ...] = (
    ("ttl", "text/turtle", "Turtle"), ("jsonld", "application/ld+json", "JSON-LD"),
    ("nt", "application/n-triples", "N-Triples"), ("rdf", "application/rdf+xml", "RDF/XML"),
    ("html", HTML, "HTML"), ("turtle", "text/turtle", "Turtle"),
    ("json", "application/ld+json", "JSON-LD"), ("ntriples", "application/n-triples", "N-Triples"),
    ("rdfxml", "application/rdf+xml", "RDF/XML"), ("xml", "application/rdf+xml", "RDF/XML"),
)
INCOMING_LIMIT = 200


def negotiate(request: Request, table: dict[str, str]) -> str:
    """The media type to answer in: ``?format=`` if given, else per ``Accept`` (406 if none)."""
    wanted = request.query_params.get("format")
    if wanted is not None:
        for value, media_type, _ in FORMATS:
            if value == wanted.lower() and media_type in table.values():
                return media_type
        names = ", ".join(v for v, m, _ in FORMATS if m in table.values())
        raise BadRequest(f"unknown format {wanted!r}; use one of {names}")
    accept = request.headers.get("accept")
    chosen = choose(accept, table)
    if chosen is None:
        offered = ", ".join(dict.fromkeys(table.values()))
        raise NotAcceptable(f"this resource is available as {offered}, "
                            f"none of which Accept allows: {accept}")
    return chosen


def alternates(request: Request, table: dict[str, str]) -> list[tuple[str, str, str]]:
    """(link, media type, name) of every representation of the requested resource."""
    seen: dict[str, tuple[str, str, str]] = {}
    for value, media_type, name in FORMATS:
        if media_type in table.values() and media_type not in seen:
            url = request.url.path + "?format=" + value
            seen[media_type] = (url, media_type, name)
    return list(seen.values())


def link_header(links: list[tuple[str, str, str]]) -> str:
    """The ``Link`` header naming the alternates."""
    return ", ".join(f'<{url}>; rel="alternate"; type="{media}"' for url, media, _ in links)


def serialize(triples: list[ox.Triple], media_type: str, prefixes: dict[str, str]) -> bytes:
    """``triples`` in ``media_type``, written by Oxigraph."""
    fmt = ox.RdfFormat.from_media_type(media_type)
    if fmt is None:
        raise NotAcceptable(f"cannot write {media_type}")
    use = prefixes if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return ox.serialize(triples, format=fmt, prefixes=use) or b""


async def construct(state: AppState, query: str) -> list[ox.Triple]:
    """Evaluate a ``CONSTRUCT`` in the query pool (within the query timeout)."""
    task = QueryTask(query, None, "application/n-triples", state.settings.max_rows)
    answer = await run_in_threadpool(state.pool.run, task, state.settings.query_timeout)
    return [quad.triple for quad in ox.parse(answer.body, ox.RdfFormat.N_TRIPLES)]


@dataclass(frozen=True)
class Described:
    """The dataset description of one checkpoint, and a store holding it for lookups."""

    snapshot: str
    triples: list[ox.Triple]
    store: ox.Store


class DatasetDescriptions:
    """The dataset description of the current checkpoint, computed once per checkpoint."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: Described | None = None

    def for_snapshot(self, state: AppState, snapshot: str,
                     store: EmbeddedStore | None = None) -> Described:
        """The description of ``snapshot`` (held by the caller); counted on ``store`` if given,
        else on the checkpoint opened read-only for the purpose."""
        with self._lock:
            if self._latest is not None and self._latest.snapshot == snapshot:
                return self._latest
        if store is None:
            with EmbeddedStore(Path(snapshot), state.store.iris, read_only=True) as opened:
                triples = describe_store(opened)
        else:
            triples = describe_store(store)
        memory = ox.Store()
        memory.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        described = Described(snapshot, triples, memory)
        with self._lock:
            self._latest = described
        return described

    def current(self, state: AppState) -> Described:
        """The description of the current checkpoint (blocking: call from a thread)."""
        snapshot = state.snapshots.acquire()
        try:
            return self.for_snapshot(state, snapshot)
        finally:
            state.snapshots.release(snapshot)


def descriptions(request: Request) -> DatasetDescriptions:
    """The application's :class:`DatasetDescriptions` (created on first use)."""
    holder = request.app.state
    if not hasattr(holder, "npcegraph_dataset"):
        holder.npcegraph_dataset = DatasetDescriptions()
    return holder.npcegraph_dataset


def in_dataset_description(iri: str, state: AppState) -> bool:
    """Whether ``iri`` is the dataset or one of the nodes of its description."""
    dataset = str(state.store.iris.dataset())
    return iri == dataset or describe.is_owned(ox.NamedNode(iri), dataset)
