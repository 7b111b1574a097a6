"""``npcegraph.dataset`` on small hand-made stores: the counts and the dates."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from npcegraph.dataset import VoidStats, description, void_statistics
from npcegraph.namespaces import Iris

IRIS = Iris("https://example.org/npce/")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DATE = ox.NamedNode("http://purl.org/dc/terms/date")
MODIFIED = ox.NamedNode("http://purl.org/dc/terms/modified")


class Memory:
    """An in-memory store answering like ``EmbeddedStore.query`` (default graph only)."""

    iris = IRIS

    def __init__(self, *triples: ox.Triple) -> None:
        self.store = ox.Store()
        self.store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)

    def query(self, sparql: str, **options: Any) -> Any:
        return self.store.query(sparql, **options)


def letter(slug: str, date: str | None) -> list[ox.Triple]:
    node = ox.NamedNode(str(IRIS.letter(slug)))
    triples = [ox.Triple(node, TYPE, ox.NamedNode(str(IRIS.npce.Letter)))]
    if date:
        triples.append(ox.Triple(node, DATE, ox.Literal(
            date, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))))
    return triples


def test_linkeddata_void_statistics_skip_letters_without_dates() -> None:
    external = ox.Triple(ox.NamedNode("https://other.org/x"), TYPE,
                         ox.NamedNode("https://other.org/Thing"))
    store = Memory(*letter("a", "2024-05-01"), *letter("b", None), *letter("c", "2023-01-31"),
                   external)
    stats = void_statistics(store)
    assert stats == VoidStats(
        triples=6, entities=3, distinct_subjects=4, distinct_objects=4,
        classes=(("https://example.org/npce/def/Letter", 3), ("https://other.org/Thing", 1)),
        properties=(("http://purl.org/dc/terms/date", 2),
                    ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", 4)),
        first_date="2023-01-31", last_date="2024-05-01")


def test_linkeddata_empty_store_is_described_without_dates() -> None:
    stats = void_statistics(Memory())
    assert (stats.triples, stats.first_date, stats.last_date) == (0, None, None)
    triples = description(IRIS, stats)
    assert not any(t.predicate == MODIFIED for t in triples)
    assert ox.Triple(ox.NamedNode("https://example.org/npce/id/dataset/npcegraph"),
                     ox.NamedNode("http://rdfs.org/ns/void#triples"),
                     ox.Literal("0", datatype=ox.NamedNode(
                         "http://www.w3.org/2001/XMLSchema#integer"))) in triples
