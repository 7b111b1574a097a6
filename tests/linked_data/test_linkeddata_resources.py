"""Every IRI under the base dereferences with content negotiation (through the app)."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from conftest import BASE, Reference
from fastapi.testclient import TestClient

LETTER = BASE + "id/letter/kst-32852-901"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


def path(iri: str) -> str:
    """The server path of an IRI under the base."""
    return "/" + iri[len(BASE):]


@pytest.fixture(scope="module")
def mention(reference: Reference) -> str:
    """The first measure mention of letter kst-32813-903 (by IRI)."""
    kind = ox.NamedNode(BASE + "def/MeasureMention")
    return min(t.subject.value for t in reference.union if t.predicate == RDF_TYPE
               and t.object == kind and t.subject.value.startswith(
                   BASE + "id/letter/kst-32813-903/"))


def triples(body: bytes, media_type: str) -> set[ox.Triple]:
    fmt = ox.RdfFormat.from_media_type(media_type)
    assert fmt is not None
    return {q.triple for q in ox.parse(body, fmt)}


@pytest.mark.parametrize(("accept", "media_type"), [
    ("text/turtle", "text/turtle"),
    ("application/ld+json", "application/ld+json"),
    ("application/n-triples", "application/n-triples"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("application/json", "application/ld+json"),
    ("text/plain", "application/n-triples"),
    (None, "text/turtle"),
    ("*/*", "text/turtle"),
    ("application/rdf+xml;q=0.5, application/ld+json", "application/ld+json"),
])
def test_linkeddata_resource_negotiates_rdf(client: TestClient, accept: str | None,
                                            media_type: str) -> None:
    response = client.get(path(LETTER), headers={"accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert response.headers["vary"] == "Accept"
    turtle = client.get(path(LETTER), headers={"accept": "text/turtle"})
    assert triples(response.content, media_type) == triples(turtle.content, "text/turtle")


def test_linkeddata_letter_description(client: TestClient, reference: Reference) -> None:
    graph = triples(client.get(path(LETTER), headers={"accept": "text/turtle"}).content,
                    "text/turtle")
    assert graph == reference.described(LETTER)
    letter = ox.NamedNode(LETTER)
    own = {(t.predicate.value, t.object) for t in graph if t.subject == letter}
    assert (RDF_TYPE.value, ox.NamedNode(BASE + "def/Letter")) in own
    assert ("http://purl.org/dc/terms/identifier", ox.Literal("kst-32852-901")) in own
    assert ("http://www.w3.org/2000/01/rdf-schema#seeAlso",
            ox.NamedNode("https://zoek.officielebekendmakingen.nl/kst-32852-901.html")) in own
    # the activity the letter owns, and the labels of what it links to
    activity = ox.NamedNode(LETTER + "/activity/extraction")
    assert sum(t.subject == activity for t in graph) == 3
    assert ox.Triple(ox.NamedNode(BASE + "id/ministry/ienw"),
                     ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                     ox.Literal("Ministerie van Infrastructuur en Waterstaat", language="nl")) \
        in graph


def test_linkeddata_description_holds_owned_nodes(client: TestClient, reference: Reference,
                                                  mention: str) -> None:
    """A measure mention comes with its evidence, target, quote and position selectors."""
    graph = triples(client.get(path(mention), headers={"accept": "application/n-triples"})
                    .content, "application/n-triples")
    assert graph == reference.described(mention)
    owned = {t.subject.value[len(mention):] for t in graph
             if t.subject.value.startswith(mention + "/")}
    assert owned == {"/evidence", "/evidence/target", "/evidence/quote", "/evidence/position"}
    exact = ox.NamedNode("http://www.w3.org/ns/oa#exact")
    assert sum(t.predicate == exact for t in graph) == 1


def test_linkeddata_ontology_term_keeps_its_blank_nodes(client: TestClient,
                                                       reference: Reference) -> None:
    """``npce:date`` has a blank ``rdfs:range`` holding an rdf:List of three datatypes."""
    graph = triples(client.get("/def/date").content, "text/turtle")
    assert graph == reference.described(BASE + "def/date")
    first = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#first")
    assert len(graph) == 17
    assert sum(isinstance(t.subject, ox.BlankNode) for t in graph) == 8
    assert {t.object.value for t in graph if t.predicate == first} == {
        "http://www.w3.org/2001/XMLSchema#date", "http://www.w3.org/2001/XMLSchema#gYearMonth",
        "http://www.w3.org/2001/XMLSchema#gYear"}


def test_linkeddata_def_root_is_the_ontology(client: TestClient) -> None:
    graph = triples(client.get("/def/").content, "text/turtle")
    assert ox.Triple(ox.NamedNode(BASE + "def/"), RDF_TYPE,
                     ox.NamedNode("http://www.w3.org/2002/07/owl#Ontology")) in graph


def test_linkeddata_html_page_for_browsers(client: TestClient) -> None:
    response = client.get(path(LETTER), headers={"accept": BROWSER})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    page = response.text
    assert "<title>kst-32852-901 · npcegraph</title>" in page
    assert "<h1>kst-32852-901</h1>" in page
    assert ('<p>Type: <a href="/def/Letter" title="https://w3id.org/npcegraph/def/Letter">'
            "Kamerbrief</a></p>") in page
    assert ('<a href="/id/ministry/ienw" title="https://w3id.org/npcegraph/id/ministry/ienw">'
            "Ministerie van Infrastructuur en Waterstaat</a>") in page
    assert ('<a href="https://zoek.officielebekendmakingen.nl/kst-32852-901.html">'
            "https://zoek.officielebekendmakingen.nl/kst-32852-901.html</a>") in page
    assert '<h3 id="n-activity-extraction">…/activity/extraction' in page
    assert "<h2>Links to this resource</h2>" in page
    assert f'href="{path(LETTER)}?format=ttl" type="text/turtle">Turtle</a>' in page


def test_linkeddata_html_lists_incoming_links(client: TestClient, reference: Reference,
                                              mention: str) -> None:
    page = client.get(path(mention), headers={"accept": "text/html"}).text
    incoming = page.split("<h2>Links to this resource</h2>", 1)[1]
    links = reference.linking_to(mention)
    assert incoming.count("<tr><td>") == len(links) == 1
    (link,) = links
    assert f'<a href="{path(link.subject.value)}" title="{link.subject.value}">' in incoming
    assert ('<a href="/def/hasMention" title="https://w3id.org/npcegraph/def/hasMention">'
            "npce:hasMention</a>") in incoming


def test_linkeddata_format_parameter_overrides_accept(client: TestClient) -> None:
    response = client.get(path(LETTER) + "?format=nt", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/n-triples"
    html = client.get(path(LETTER) + "?format=html", headers={"accept": "text/turtle"})
    assert html.headers["content-type"] == "text/html; charset=utf-8"


def test_linkeddata_link_header_names_alternates(client: TestClient) -> None:
    link = client.get(path(LETTER)).headers["link"]
    assert link == ", ".join(f'<{path(LETTER)}?format={value}>; rel="alternate"; type="{media}"'
                             for value, media in [("ttl", "text/turtle"),
                                                  ("jsonld", "application/ld+json"),
                                                  ("nt", "application/n-triples"),
                                                  ("rdf", "application/rdf+xml"),
                                                  ("html", "text/html")])


def test_linkeddata_unknown_iri_is_404_in_the_error_envelope(client: TestClient) -> None:
    response = client.get("/id/letter/kst-1-1", headers={"accept": "application/json"})
    assert response.status_code == 404
    assert json.loads(response.content) == {"error": {
        "status": 404, "title": "Not Found",
        "detail": f"the graph says nothing about <{BASE}id/letter/kst-1-1>"}}


def test_linkeddata_quarantined_letter_is_not_served(client: TestClient) -> None:
    assert client.get("/id/letter/kst-0-0").status_code == 404


def test_linkeddata_unsatisfiable_accept_is_406(client: TestClient) -> None:
    response = client.get(path(LETTER), headers={"accept": "image/png, application/pdf"})
    assert response.status_code == 406
    assert response.text == (
        "406 Not Acceptable: this resource is available as text/turtle, text/html, "
        "application/ld+json, application/n-triples, application/rdf+xml, none of which "
        "Accept allows: image/png, application/pdf\n")


def test_linkeddata_unknown_format_parameter_is_400(client: TestClient) -> None:
    response = client.get(path(LETTER) + "?format=csv", headers={"accept": "application/json"})
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["detail"] == (
        "unknown format 'csv'; use one of ttl, jsonld, nt, rdf, html, turtle, json, ntriples, "
        "rdfxml, xml")


def test_linkeddata_head_answers_without_body(client: TestClient) -> None:
    response = client.head(path(LETTER), headers={"accept": "application/ld+json"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/ld+json"
    assert response.content == b""
