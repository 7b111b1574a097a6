"""The SPARQL 1.1 Service Description of ``/sparql``, generated and written by Oxigraph."""

from __future__ import annotations

import pyoxigraph as ox

from npcegraph.api import negotiation

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
DCTERMS_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")
PREFIXES = {"sd": SD, "formats": FORMATS, "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "dcterms": "http://purl.org/dc/terms/"}
# The W3C format IRI of each media type we answer in.
FORMAT_IRIS = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF_XML",
    "application/n-quads": "N-Quads",
    "application/trig": "TriG",
}


def _sd(term: str) -> ox.NamedNode:
    return ox.NamedNode(SD + term)


def description(endpoint: str, named_graphs: list[str], updates: bool,
                federation: bool) -> list[ox.Triple]:
    """The triples describing the endpoint at ``endpoint``."""
    service, dataset, default = ox.BlankNode(), ox.BlankNode(), ox.BlankNode()
    triples = [
        ox.Triple(service, RDF_TYPE, _sd("Service")),
        ox.Triple(service, DCTERMS_TITLE, ox.Literal("npcegraph SPARQL endpoint", language="en")),
        ox.Triple(service, _sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
        ox.Triple(service, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, _sd("defaultGraph"), default),
        ox.Triple(default, RDF_TYPE, _sd("Graph")),
        ox.Triple(default, RDFS_COMMENT, ox.Literal(
            "The union of the store's graphs except quarantined letters.", language="en")),
    ]
    if updates:
        triples.append(ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Update")))
    if federation:
        triples.append(ox.Triple(service, _sd("feature"), _sd("BasicFederatedQuery")))
    for name in FORMAT_IRIS.values():
        triples.append(ox.Triple(service, _sd("resultFormat"), ox.NamedNode(FORMATS + name)))
    for graph in named_graphs:
        node = ox.BlankNode()
        triples += [ox.Triple(dataset, _sd("namedGraph"), node),
                    ox.Triple(node, RDF_TYPE, _sd("NamedGraph")),
                    ox.Triple(node, _sd("name"), ox.NamedNode(graph))]
    return triples


def render(triples: list[ox.Triple], accept: str | None) -> tuple[bytes, str] | None:
    """(body, media type) per ``accept`` (Turtle by default); ``None`` if not acceptable."""
    chosen = negotiation.choose(accept, negotiation.DESCRIPTIONS)
    if chosen is None:
        return None
    fmt = ox.RdfFormat.from_media_type(chosen)
    subjects: dict[object, int] = {}
    for triple in triples:
        subjects.setdefault(triple.subject, len(subjects))
    triples = sorted(triples, key=lambda t: subjects[t.subject])  # one block per subject
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes) or b"", chosen
