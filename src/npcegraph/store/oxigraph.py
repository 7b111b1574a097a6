"""The embedded store: Oxigraph on disk, opened through oxrdflib.

Letter graphs are written in bulk as N-Quads inside one SPARQL update (``DROP SILENT GRAPH``
then ``INSERT DATA``), which Oxigraph applies as a single transaction: a failed write leaves the
previous version of the letter in place. Queries are passed as strings to Oxigraph and run
natively; the public default graph is the union of all graphs except quarantine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph

from npcegraph.errors import QueryError, StoreError
from npcegraph.namespaces import Iris


@dataclass(frozen=True)
class GraphInfo:
    """A named graph and its size."""

    iri: str
    triples: int


@dataclass(frozen=True)
class StoreStats:
    """Counts over the whole store."""

    letters: int
    quarantined: int
    triples: int  # in all named graphs but the derived union graph
    public_triples: int
    graphs: tuple[GraphInfo, ...]


def _ntriples_body(graph: Graph) -> str:
    return graph.serialize(format="nt", encoding="utf-8").decode("utf-8")


class EmbeddedStore:
    """Oxigraph on disk (``data/store`` by default)."""

    def __init__(self, path: Path, iris: Iris | None = None, read_only: bool = False) -> None:
        self.path = path
        self.iris = iris or Iris()
        try:
            if read_only:
                self._ox = ox.Store.read_only(str(path))
                self.dataset = None
            else:
                path.mkdir(parents=True, exist_ok=True)
                rdflib_store = OxigraphStore()
                self.dataset = Dataset(store=rdflib_store)
                self.dataset.open(str(path))
                self._ox = rdflib_store._inner
        except OSError as exc:
            raise StoreError(path, f"cannot open the Oxigraph store: {exc}") from exc

    @property
    def native(self) -> ox.Store:
        """The pyoxigraph store, for native queries and bulk operations."""
        return self._ox

    def close(self) -> None:
        """Flush and release the store (RocksDB closes when the last reference goes)."""
        if self._ox is None:
            return
        if self.dataset is not None:
            self._ox.flush()
            self.dataset.close()
            self.dataset = None
        self._ox = None  # type: ignore[assignment]

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # writing ---------------------------------------------------------------------------
    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        """Replace one named graph by ``graph``'s triples, atomically."""
        body = _ntriples_body(graph)
        update = (f"DROP SILENT GRAPH <{graph_iri}> ;\n"
                  f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{body}}} }}")
        try:
            self._ox.update(update)
        except (SyntaxError, OSError, ValueError) as exc:
            raise StoreError(self.path, f"writing graph {graph_iri} failed: {exc}") from exc

    def drop_graph(self, graph_iri: str) -> None:
        """Remove a named graph (no error if absent)."""
        self._ox.update(f"DROP SILENT GRAPH <{graph_iri}>")

    def quarantine_iri(self, slug: str) -> str:
        """The quarantine graph of a letter."""
        return str(self.iris.graph(f"quarantine/{slug}"))

    def is_quarantine(self, graph_iri: str) -> bool:
        """Whether a graph is a quarantine graph."""
        return graph_iri.startswith(str(self.iris.graph("quarantine/")))

    @property
    def union_iri(self) -> str:
        """The derived graph holding the set union of the public graphs (the default graph)."""
        return str(self.iris.graph("union"))

    def refresh_union(self) -> None:
        """Bring the union graph up to date: each triple of the public graphs once.

        A measure is described in every letter that mentions it; a union of named graphs in
        Oxigraph keeps such a triple once per graph, so queries would see duplicates. The union
        graph holds each public triple once and serves as the default graph. Only its
        difference to the public graphs is written (a write that changes a few triples costs a
        read of the store, not a rewrite of the union); a refresh that was interrupted leaves a
        difference that the next one writes.
        """
        union = ox.NamedNode(self.union_iri)
        wanted = {ox.Triple(q.subject, q.predicate, q.object)
                  for graph in self.public_graphs()
                  for q in self._ox.quads_for_pattern(None, None, None, graph)}
        current = {q.triple for q in self._ox.quads_for_pattern(None, None, None, union)}
        for triple in current - wanted:
            self._ox.remove(ox.Quad(triple.subject, triple.predicate, triple.object, union))
        self._ox.extend(ox.Quad(t.subject, t.predicate, t.object, union)
                        for t in wanted - current)

    # reading ---------------------------------------------------------------------------
    def graph_names(self) -> list[str]:
        """Every named graph in the store, sorted."""
        return sorted(g.value for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def public_graphs(self) -> list[ox.NamedNode]:
        """The public named graphs: letters, vocabularies, ontology (not quarantine, not the
        derived union graph)."""
        return [ox.NamedNode(g) for g in self.graph_names()
                if not self.is_quarantine(g) and g != self.union_iri]

    def count(self, graph_iri: str | None = None) -> int:
        """Triples in one graph, or quads in the whole store."""
        if graph_iri is None:
            return len(self._ox)
        return sum(1 for _ in self._ox.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri)))

    def query(self, sparql: str, **options: Any) -> Any:
        """Run a SPARQL query natively; the default graph is the union graph (each public triple
        once), the named graphs are the public graphs."""
        public = self.public_graphs()
        union = ox.NamedNode(self.union_iri)
        has_union = self._ox.contains_named_graph(union)
        options.setdefault("default_graph", [union] if has_union else public or [ox.DefaultGraph()])
        options.setdefault("named_graphs", public)
        try:
            return self._ox.query(sparql, **options)
        except SyntaxError as exc:
            raise QueryError(None, f"SPARQL syntax error: {exc}") from exc
        except (RuntimeError, ValueError) as exc:
            raise QueryError(None, f"query failed: {exc}") from exc

    def letter_graphs(self) -> list[str]:
        """IRIs of the stored (public) letter graphs."""
        prefix = str(self.iris.letter(""))
        return [g for g in self.graph_names() if g.startswith(prefix)]

    def stats(self) -> StoreStats:
        """Letters, quarantined letters and triple counts."""
        graphs = tuple(GraphInfo(g, self.count(g)) for g in self.graph_names()
                       if g != self.union_iri)
        public = sum(g.triples for g in graphs if not self.is_quarantine(g.iri))
        quarantined = [g for g in graphs if self.is_quarantine(g.iri) and "/report" not in g.iri]
        return StoreStats(
            letters=len(self.letter_graphs()), quarantined=len(quarantined),
            triples=sum(g.triples for g in graphs), public_triples=public, graphs=graphs,
        )

    def dump(self, fmt: ox.RdfFormat, graphs: Iterable[str] | None = None) -> bytes:
        """Serialise the public graphs (as quads) with Oxigraph's own serialiser."""
        wanted = set(graphs) if graphs is not None else {g.value for g in self.public_graphs()}
        quads = [q for q in self._ox if isinstance(q.graph_name, ox.NamedNode)
                 and q.graph_name.value in wanted]
        return ox.serialize(quads, format=fmt) or b""

