"""``/.well-known/void``: the DCAT-AP-NL 3.0 description with VoID statistics, conforming to the
DCAT-AP 3.0 and DCAT-AP-NL 3.0 shapes."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
from conftest import BASE, Reference
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, SH, VOID, XSD

DATASET = URIRef(BASE + "id/dataset/npcegraph")
TOOI_IENW = URIRef("https://identifier.overheid.nl/tooi/id/ministerie/mnre1130")
NL_SHAPES = ("dcat-ap-nl-SHACL.ttl", "dcat-ap-nl-SHACL-aanbevolen.ttl",
             "dcat-ap-nl-SHACL-klassebereik.ttl", "dcat-ap-nl-SHACL-klassebereik-codelijsten.ttl")


def void_graph(client: TestClient, accept: str = "text/turtle") -> Graph:
    response = client.get("/.well-known/void", headers={"accept": accept})
    assert response.status_code == 200
    fmt = {"text/turtle": "turtle", "application/ld+json": "json-ld",
           "application/n-triples": "nt", "application/rdf+xml": "xml"}[accept]
    return Graph().parse(data=response.content, format=fmt)


def test_linkeddata_void_statistics_count_the_union_graph(client: TestClient,
                                                          reference: Reference) -> None:
    """The figures equal those counted here, in Python, from the union graph."""
    g = void_graph(client)
    union = reference.union
    figures = {p: g.value(DATASET, p).toPython() for p in (
        VOID.triples, VOID.entities, VOID.distinctSubjects, VOID.distinctObjects, VOID.classes,
        VOID.properties)}
    classes = {t.object for t in union if t.predicate.value == str(RDF.type)}
    assert figures == {
        VOID.triples: len(union),
        VOID.entities: len({t.subject for t in union if isinstance(t.subject, ox.NamedNode)
                            and t.subject.value.startswith(BASE)}),
        VOID.distinctSubjects: len({t.subject for t in union}),
        VOID.distinctObjects: len({t.object for t in union}),
        VOID.classes: len(classes),
        VOID.properties: len({t.predicate for t in union})}
    assert len(set(g.objects(DATASET, VOID.classPartition))) == len(classes)
    assert len(set(g.objects(DATASET, VOID.propertyPartition))) == figures[VOID.properties]
    letters = URIRef(BASE + "id/dataset/npcegraph/class/npce-Letter")
    assert g.value(letters, VOID["class"]) == URIRef(BASE + "def/Letter")
    assert g.value(letters, VOID.entities) == Literal(4)
    evidence = URIRef(BASE + "id/dataset/npcegraph/property/npce-evidence")
    assert g.value(evidence, VOID.triples).toPython() == sum(
        t.predicate.value == BASE + "def/evidence" for t in union)
    assert g.value(DATASET, VOID.sparqlEndpoint) == URIRef(BASE + "sparql")
    assert set(g.objects(DATASET, VOID.dataDump)) == {
        URIRef(BASE + f"export/{name}") for name in ("nquads", "trig", "turtle", "ntriples",
                                                      "jsonld")}


def test_linkeddata_dcat_dataset_description(client: TestClient) -> None:
    g = void_graph(client)
    assert set(g.objects(DATASET, RDF.type)) == {DCAT.Dataset, VOID.Dataset}
    assert {(t.language, str(t)) for t in g.objects(DATASET, DCTERMS.title)} == {
        ("nl", "npcegraph: Kamerbrieven over de circulaire economie als kennisgraaf"),
        ("en", "npcegraph: Dutch policy letters on the circular economy as a knowledge graph")}
    assert {t.language for t in g.objects(DATASET, DCTERMS.description)} == {"nl", "en"}
    assert g.value(DATASET, DCTERMS.publisher) == TOOI_IENW
    assert g.value(DATASET, DCTERMS.license) == \
        URIRef("http://creativecommons.org/publicdomain/zero/1.0/")
    assert g.value(DATASET, DCTERMS.modified) == Literal("2026-02-12", datatype=XSD.date)
    period = g.value(DATASET, DCTERMS.temporal)
    assert (g.value(period, DCAT.startDate), g.value(period, DCAT.endDate)) == (
        Literal("2025-11-14", datatype=XSD.date), Literal("2026-02-12", datatype=XSD.date))
    nquads = URIRef(BASE + "id/dataset/npcegraph/distribution/nquads")
    assert nquads in set(g.objects(DATASET, DCAT.distribution))
    assert g.value(nquads, DCAT.downloadURL) == URIRef(BASE + "export/nquads")
    assert g.value(nquads, DCAT.mediaType) == \
        URIRef("http://www.iana.org/assignments/media-types/application/n-quads")
    assert g.value(nquads, DCTERMS["format"]) == \
        URIRef("http://publications.europa.eu/resource/authority/file-type/RDF_N_QUADS")


@pytest.mark.parametrize("accept", ["application/ld+json", "application/n-triples",
                                    "application/rdf+xml"])
def test_linkeddata_void_negotiates(client: TestClient, accept: str) -> None:
    assert void_graph(client, accept).isomorphic(void_graph(client))


def test_linkeddata_void_sends_browsers_to_the_dataset_page(client: TestClient) -> None:
    response = client.get("/.well-known/void", headers={"accept": "text/html"},
                          follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/id/dataset/npcegraph"
    page = client.get("/id/dataset/npcegraph", headers={"accept": "text/html"})
    assert "<h1>npcegraph: Kamerbrieven over de circulaire economie als kennisgraaf</h1>" \
        in page.text


def test_linkeddata_void_refuses_unsatisfiable_accept(client: TestClient) -> None:
    assert client.get("/.well-known/void", headers={"accept": "text/csv"}).status_code == 406


def test_linkeddata_dataset_nodes_dereference(client: TestClient) -> None:
    body = client.get("/id/dataset/npcegraph/distribution/trig",
                      headers={"accept": "text/turtle"}).content
    g = Graph().parse(data=body, format="turtle")
    node = URIRef(BASE + "id/dataset/npcegraph/distribution/trig")
    assert g.value(node, RDF.type) == DCAT.Distribution
    assert g.value(node, DCAT.accessURL) == URIRef(BASE + "export/trig")


def validate(data: Graph, shapes: list[Path]) -> tuple[bool, int, str]:
    shape_graph = Graph()
    for path in shapes:
        shape_graph.parse(path, format="turtle")
    conforms, report, text = pyshacl.validate(data, shacl_graph=shape_graph)
    assert isinstance(report, Graph)
    return conforms, len(set(report.subjects(RDF.type, SH.ValidationResult))), text


@pytest.mark.parametrize("shape_set", ["dcat-ap", "dcat-ap-nl", "both"])
def test_linkeddata_dcat_conforms_to_dcat_ap_and_dcat_ap_nl(client: TestClient,
                                                            dcat_shapes: Path,
                                                            shape_set: str) -> None:
    """No violation and no warning (the NL profile's recommendations are shapes with severity
    Warning: they are met too)."""
    files = {"dcat-ap": ("dcat-ap-SHACL.ttl",), "dcat-ap-nl": NL_SHAPES,
             "both": ("dcat-ap-SHACL.ttl", *NL_SHAPES)}[shape_set]
    conforms, results, text = validate(void_graph(client), [dcat_shapes / f for f in files])
    assert (conforms, results) == (True, 0), text


def test_linkeddata_dcat_shapes_catch_a_missing_contact_point(client: TestClient,
                                                              dcat_shapes: Path) -> None:
    g = void_graph(client)
    g.remove((DATASET, DCAT.contactPoint, None))
    conforms, results, _ = validate(g, sorted(dcat_shapes.glob("*.ttl")))
    assert (conforms, results) == (False, 1)


def test_linkeddata_description_is_the_same_in_dumps_and_at_well_known(
        client: TestClient, reference: Reference) -> None:
    served = {q.triple for q in ox.parse(client.get("/.well-known/void",
                                                    headers={"accept": "application/n-triples"})
                                         .content, ox.RdfFormat.N_TRIPLES)}
    assert served == set(reference.description)
