"""Full dumps of the public dataset, written by Oxigraph's serialisers as a stream.

Dataset formats (N-Quads, TriG, JSON-LD) carry every public named graph (letters, vocabularies,
ontology; never quarantine, never the derived union graph) plus the dataset description in its
own graph ``{base}graph/void``. Triple formats (Turtle, N-Triples) carry the union graph (each
public triple once) with the description in the same, default graph. Quads are read from the
store one by one and handed to ``pyoxigraph.serialize``, which writes 8 KiB blocks to the output
as it goes, so a dump is never held in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

import pyoxigraph as ox

from npcegraph.namespaces import Iris


@dataclass(frozen=True)
class DumpFormat:
    """One dump format: its name in URLs and on the command line, and how it is written."""

    name: str
    title: str  # as people call it: "N-Quads"
    rdf_format: ox.RdfFormat
    file_type: str  # code in the EU file-type authority table
    extension: str

    @property
    def media_type(self) -> str:
        """The IANA media type."""
        return self.rdf_format.media_type

    @property
    def quads(self) -> bool:
        """Whether the format keeps named graphs."""
        return self.rdf_format.supports_datasets


DUMP_FORMATS: dict[str, DumpFormat] = {f.name: f for f in (
    DumpFormat("nquads", "N-Quads", ox.RdfFormat.N_QUADS, "RDF_N_QUADS", "nq"),
    DumpFormat("trig", "TriG", ox.RdfFormat.TRIG, "RDF_TRIG", "trig"),
    DumpFormat("turtle", "Turtle", ox.RdfFormat.TURTLE, "RDF_TURTLE", "ttl"),
    DumpFormat("ntriples", "N-Triples", ox.RdfFormat.N_TRIPLES, "RDF_N_TRIPLES", "nt"),
    DumpFormat("jsonld", "JSON-LD", ox.RdfFormat.JSON_LD, "JSON_LD", "jsonld"),
)}


class DumpSource(Protocol):
    """What a dump reads: an :class:`~npcegraph.store.EmbeddedStore` (live or read-only)."""

    iris: Iris

    @property
    def native(self) -> ox.Store: ...

    @property
    def union_iri(self) -> str: ...

    def public_graphs(self) -> list[ox.NamedNode]: ...


def void_graph(iris: Iris) -> ox.NamedNode:
    """The graph holding the dataset description in dataset dumps."""
    return ox.NamedNode(str(iris.graph("void")))


def file_name(fmt: DumpFormat) -> str:
    """The file name offered for a dump (``npcegraph.nq``)."""
    return f"npcegraph.{fmt.extension}"


def public_quads(source: DumpSource) -> Iterator[ox.Quad]:
    """Every quad of the public named graphs, graph by graph."""
    for graph in source.public_graphs():
        yield from source.native.quads_for_pattern(None, None, None, graph)


def union_triples(source: DumpSource) -> Iterator[ox.Triple]:
    """Each public triple once: the union graph, or (in a store written before the union graph
    existed) the distinct triples of the public graphs."""
    union = ox.NamedNode(source.union_iri)
    if source.native.contains_named_graph(union):
        for quad in source.native.quads_for_pattern(None, None, None, union):
            yield quad.triple
        return
    graphs = source.public_graphs()
    if not graphs:
        return
    solutions = source.native.query("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }",
                                    default_graph=graphs)
    for row in solutions:
        yield ox.Triple(row["s"], row["p"], row["o"])


def dump_terms(source: DumpSource, fmt: DumpFormat,
               description: Iterable[ox.Triple]) -> Iterator[ox.Quad] | Iterator[ox.Triple]:
    """The quads (dataset formats) or triples (triple formats) of a dump, in order."""
    if fmt.quads:
        graph = void_graph(source.iris)

        def quads() -> Iterator[ox.Quad]:
            yield from public_quads(source)
            for t in description:
                yield ox.Quad(t.subject, t.predicate, t.object, graph)
        return quads()

    def triples() -> Iterator[ox.Triple]:
        yield from union_triples(source)
        yield from description
    return triples()


def write_dump(source: DumpSource, fmt: DumpFormat, output: BinaryIO,
               description: Iterable[ox.Triple]) -> None:
    """Serialise the public dataset and ``description`` in ``fmt`` to ``output``."""
    prefixes = (source.iris.prefixes()
                if fmt.rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None)
    ox.serialize(dump_terms(source, fmt, description), output, fmt.rdf_format,
                 prefixes=prefixes)
