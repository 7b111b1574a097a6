"""Writes: SPARQL Update and Graph Store Protocol operations on the writable store.

Writes run in the server process, one at a time (a lock), each as one Oxigraph transaction,
so a refused or failing write changes nothing. After every successful write the derived union
graph (the public default graph) is rebuilt and a new checkpoint is published; the next query
any worker runs reads it, so readers never see a write without its union.
"""

from __future__ import annotations

import threading

import pyoxigraph as ox

from npcegraph.api.errors import ApiError, BadRequest, UnsupportedMediaType
from npcegraph.api.executor.snapshots import Snapshots
from npcegraph.api.executor.tasks import DEFAULT_GRAPH
from npcegraph.store import EmbeddedStore

_TRIPLE_FORMATS = (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.RDF_XML,
                   ox.RdfFormat.JSON_LD, ox.RdfFormat.N3)


def _graph_term(graph: str) -> str:
    return "DEFAULT" if graph == DEFAULT_GRAPH else f"GRAPH <{graph}>"


class GraphWriter:
    """The only writer of the store while the server runs."""

    def __init__(self, store: EmbeddedStore, snapshots: Snapshots) -> None:
        self._embedded = store
        self._store = store.native
        self._snapshots = snapshots
        self._lock = threading.Lock()

    def update(self, sparql: str, base_iri: str | None = None) -> None:
        """Run a SPARQL update (blocking; call from a thread)."""
        with self._lock:
            self._apply(sparql, base_iri)

    def _apply(self, sparql: str, base_iri: str | None = None) -> None:
        """One transaction, then the union graph and a checkpoint (lock held)."""
        try:
            self._store.update(sparql, base_iri=base_iri)
        except SyntaxError as exc:
            raise BadRequest(f"SPARQL update syntax error: {exc}") from exc
        except (OSError, RuntimeError, ValueError) as exc:
            raise ApiError(f"the update failed: {exc}") from exc
        self._embedded.refresh_union()
        self._snapshots.publish()

    def graph_exists(self, graph: str) -> bool:
        """Whether a named graph is in the store (the default graph always is)."""
        return graph == DEFAULT_GRAPH or self._store.contains_named_graph(ox.NamedNode(graph))

    def write_graph(self, graph: str, body: bytes, media_type: str, replace: bool) -> bool:
        """Replace (PUT) or extend (POST) a graph with an RDF document; ``True`` if created."""
        triples = parse_triples(body, media_type, None if graph == DEFAULT_GRAPH else graph)
        target = _graph_term(graph)
        drop = f"CLEAR SILENT {target} ;\n" if replace else ""
        inner = triples.decode("utf-8")
        data = (f"INSERT DATA {{ {inner} }}" if graph == DEFAULT_GRAPH
                else f"INSERT DATA {{ GRAPH <{graph}> {{ {inner} }} }}")
        create = "" if graph == DEFAULT_GRAPH else f"CREATE SILENT GRAPH <{graph}> ;\n"
        with self._lock:
            created = not self.graph_exists(graph)
            self._apply(create + drop + data)
        return created

    def drop_graph(self, graph: str) -> None:
        """Remove a named graph, or empty the default graph."""
        operation = "CLEAR SILENT DEFAULT" if graph == DEFAULT_GRAPH else f"DROP GRAPH <{graph}>"
        self.update(operation)


def parse_triples(body: bytes, media_type: str, base_iri: str | None) -> bytes:
    """An RDF document (one graph) as N-Triples, parsed and written by Oxigraph."""
    fmt = ox.RdfFormat.from_media_type(media_type) if media_type else None
    if fmt is None or fmt not in _TRIPLE_FORMATS:
        raise UnsupportedMediaType(
            f"cannot read a graph from Content-Type {media_type or '(none)'!r}; send "
            + ", ".join(f.media_type for f in _TRIPLE_FORMATS))
    try:
        triples = ox.parse(body, fmt, base_iri=base_iri, without_named_graphs=True)
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    except SyntaxError as exc:
        raise BadRequest(f"cannot parse the {fmt.name} body: {exc}") from exc
