"""The embedded Oxigraph store: atomic replacement, persistence, public default graph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from npcegraph.errors import QueryError, StoreError
from npcegraph.namespaces import RDFS, Iris
from npcegraph.store import EmbeddedStore

IRIS = Iris()
LETTER = str(IRIS.letter("kst-1-1"))


def small_graph(n: int, label: str = "x") -> Graph:
    """A graph of ``n`` labelled subjects."""
    graph = Graph()
    for i in range(n):
        graph.add((URIRef(f"{LETTER}/thing/{i}"), RDFS.label, Literal(f"{label}{i}")))
    return graph


def test_store_replace_graph_does_not_grow_on_repeat(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s") as store:
        store.replace_graph(LETTER, small_graph(5))
        store.replace_graph(LETTER, small_graph(5))
        assert store.count(LETTER) == 5
        store.replace_graph(LETTER, small_graph(3))
        assert store.count(LETTER) == 3


def test_store_survives_reopen(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s") as store:
        store.replace_graph(LETTER, small_graph(4))
    with EmbeddedStore(tmp_path / "s", read_only=True) as reopened:
        assert reopened.count(LETTER) == 4
        assert reopened.letter_graphs() == [LETTER]


def test_store_failed_write_keeps_previous_graph(tmp_path: Path) -> None:
    broken = small_graph(2)
    broken.add((URIRef("relative/iri"), RDFS.label, Literal("bad")))
    with EmbeddedStore(tmp_path / "s") as store:
        store.replace_graph(LETTER, small_graph(4))
        with pytest.raises(StoreError, match="writing graph"):
            store.replace_graph(LETTER, broken)
        assert store.count(LETTER) == 4


def test_store_default_graph_excludes_quarantine(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s") as store:
        store.replace_graph(LETTER, small_graph(2, "good"))
        store.replace_graph(store.quarantine_iri("kst-1-2"), small_graph(3, "bad"))
        rows = store.query("SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
                           " ORDER BY ?l")
        assert [row["l"].value for row in rows] == ["good0", "good1"]
        stats = store.stats()
        assert (stats.letters, stats.quarantined, stats.public_triples, stats.triples) == (
            1, 1, 2, 5)


def test_store_query_syntax_error_is_a_query_error(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s") as store, pytest.raises(QueryError, match="syntax"):
        store.query("SELECT ?x WHERE { ?x ")


def test_store_dump_is_nquads_of_public_graphs(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s") as store:
        store.replace_graph(LETTER, small_graph(2))
        store.replace_graph(store.quarantine_iri("q"), small_graph(1))
        data = store.dump(ox.RdfFormat.N_QUADS)
    assert len(data.decode().strip().splitlines()) == 2
    assert f"<{LETTER}> ." in data.decode()


def test_store_default_graph_holds_each_triple_once(tmp_path: Path) -> None:
    """A triple stated in two letter graphs is one triple of the default graph."""
    other = str(IRIS.letter("kst-1-2"))
    with EmbeddedStore(tmp_path / "s") as store:
        store.replace_graph(LETTER, small_graph(2))
        store.replace_graph(other, small_graph(3))
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        assert int(next(iter(store.query(count)))["n"].value) == 5  # bag union before refresh
        store.refresh_union()
        assert int(next(iter(store.query(count)))["n"].value) == 3
        named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        assert int(next(iter(store.query(named)))["n"].value) == 5  # named graphs unchanged
        assert store.stats().public_triples == 5


def test_store_union_follows_removals_and_keeps_shared_triples(tmp_path: Path) -> None:
    """Dropping a letter removes from the default graph only the triples no other public graph
    states; quarantined triples never enter it."""
    other = str(IRIS.letter("kst-1-2"))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with EmbeddedStore(tmp_path / "s") as store:
        store.replace_graph(LETTER, small_graph(2))
        store.replace_graph(other, small_graph(3))
        store.replace_graph(store.quarantine_iri("q"), small_graph(4, label="bad"))
        store.refresh_union()
        assert int(next(iter(store.query(count)))["n"].value) == 3
        store.native.update(f"DROP GRAPH <{other}>")
        store.refresh_union()
        labels = "SELECT ?l WHERE { ?s ?p ?l } ORDER BY ?l"
        assert [row["l"].value for row in store.query(labels)] == ["x0", "x1"]
