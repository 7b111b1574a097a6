"""Validate letter files (without storing) or the graphs already in the store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from npcegraph.namespaces import Iris
from npcegraph.settings import Settings
from npcegraph.store import EmbeddedStore
from npcegraph.validate import Outcome, load_shapes, validate_graph


def validate_files(files: list[Path], settings: Settings) -> list[tuple[str, Outcome]]:
    """Run the pipeline on each file and validate its graph."""
    from npcegraph.pipeline import Pipeline

    pipeline = Pipeline(settings)
    return [(str(path), pipeline.process_file(path).outcome) for path in files]


def graph_from_store(store: EmbeddedStore, graph_iri: str) -> Graph:
    """Copy one named graph from Oxigraph into an in-memory rdflib Graph."""
    quads = store.native.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))
    data = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                        format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data or b"", format="nt")


def validate_store(settings: Settings) -> list[tuple[str, Outcome]]:
    """Validate every letter graph and the vocabulary graph in the store."""
    iris = Iris(settings.base_iri)
    with EmbeddedStore(settings.store, iris) as store:
        outcomes = [
            (iri, validate_graph(graph_from_store(store, iri), engine=settings.validator,
                                base_iri=settings.base_iri))
            for iri in store.letter_graphs()
        ]
        vocab = graph_from_store(store, str(iris.graph("vocab")))
    outcomes.append(("vocabularies", validate_graph(
        vocab, shapes=load_shapes("vocab-shapes.ttl", base_iri=settings.base_iri),
        engine=settings.validator, base_iri=settings.base_iri)))
    return outcomes
