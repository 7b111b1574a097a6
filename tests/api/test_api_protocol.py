"""The SPARQL 1.1 Protocol over raw HTTP (httpx): methods, encodings, datasets, errors."""

from __future__ import annotations

from http import HTTPStatus

import httpx
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from servers import COUNT_LETTERS, LETTER, LETTERS, NPCE, ORIGIN, Server, select_values

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
JSON_RESULTS = {"Accept": "application/sparql-results+json"}
LETTER_GRAPHS = (f"PREFIX npce: <{NPCE}> "
                 "SELECT ?g WHERE { GRAPH ?g { ?letter a npce:Letter } } ORDER BY ?g")


def test_api_get_form_and_direct_post_give_the_same_answer(server: Server) -> None:
    by_get = httpx.get(server.sparql, params={"query": COUNT_LETTERS}, headers=JSON_RESULTS)
    by_form = httpx.post(server.sparql, data={"query": COUNT_LETTERS}, headers=JSON_RESULTS)
    by_direct = httpx.post(server.sparql, content=COUNT_LETTERS.encode(), headers={
        **JSON_RESULTS, "Content-Type": "application/sparql-query"})
    assert select_values(by_get, "n") == ["4"]
    assert by_form.content == by_direct.content == by_get.content
    assert by_get.headers["content-type"] == "application/sparql-results+json"
    assert by_get.headers["x-result-rows"] == "1"


def test_api_named_graphs_are_the_public_letter_graphs(server: Server) -> None:
    response = httpx.get(server.sparql, params={"query": LETTER_GRAPHS}, headers=JSON_RESULTS)
    assert select_values(response, "g") == [LETTER + slug for slug in LETTERS]


def test_api_named_graph_uri_limits_the_named_graphs(server: Server) -> None:
    chosen = [LETTER + LETTERS[3], LETTER + LETTERS[1]]
    response = httpx.get(server.sparql, headers=JSON_RESULTS, params=[
        ("query", LETTER_GRAPHS), *(("named-graph-uri", g) for g in chosen)])
    assert select_values(response, "g") == sorted(chosen)


def test_api_default_graph_uri_sets_the_default_graph(server: Server) -> None:
    query = f"PREFIX npce: <{NPCE}> SELECT ?letter WHERE {{ ?letter a npce:Letter }}"
    response = httpx.post(server.sparql, data={"query": query},
                          params={"default-graph-uri": LETTER + LETTERS[2]}, headers=JSON_RESULTS)
    assert select_values(response, "letter") == [LETTER + LETTERS[2]]


def test_api_from_clause_in_the_query_is_honoured(server: Server) -> None:
    query = (f"PREFIX npce: <{NPCE}> SELECT ?letter FROM <{LETTER + LETTERS[0]}> "
             "WHERE { ?letter a npce:Letter }")
    response = httpx.get(server.sparql, params={"query": query}, headers=JSON_RESULTS)
    assert select_values(response, "letter") == [LETTER + LETTERS[0]]


@pytest.mark.parametrize(("accept", "media_type", "body"), [
    ("text/csv", "text/csv; charset=utf-8", b"n\r\n4\r\n"),
    ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", b"?n\n4\n"),
    ("application/sparql-results+xml", "application/sparql-results+xml",
     b'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>'
     b'<variable name="n"/></head><results><result><binding name="n"><literal datatype='
     b'"http://www.w3.org/2001/XMLSchema#integer">4</literal></binding></result></results>'
     b"</sparql>"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json",
     b'{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","value":"4",'
     b'"datatype":"http://www.w3.org/2001/XMLSchema#integer"}}]}}'),
])
def test_api_select_is_negotiated(server: Server, accept: str, media_type: str,
                                  body: bytes) -> None:
    response = httpx.get(server.sparql, params={"query": COUNT_LETTERS}, headers={
        "Accept": accept})
    assert (response.status_code, response.headers["content-type"]) == (200, media_type)
    assert response.content == body


@pytest.mark.parametrize(("query", "accept"), [
    ("ASK {}", "image/png"),
    ("SELECT * WHERE { ?s ?p ?o }", "text/turtle, application/json;q=0"),
])
def test_api_unsatisfiable_accept_is_406(server: Server, query: str, accept: str) -> None:
    response = httpx.get(server.sparql, params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 406
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.text.startswith("406 Not Acceptable: ")


def test_api_construct_asked_as_results_json_is_406_in_json(server: Server) -> None:
    response = httpx.get(server.sparql, params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                         headers=JSON_RESULTS)
    assert response.status_code == 406
    assert response.json()["error"] == {
        "status": 406, "title": "Not Acceptable", "detail": "CONSTRUCT answers cannot be "
        "given in any media type of Accept: application/sparql-results+json"}


def test_api_syntax_error_is_400_with_the_parser_message(server: Server) -> None:
    response = httpx.get(server.sparql, params={"query": "SELECT ?x WHERE { ?x ?y"},
                         headers={"Accept": "application/json"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["status"], error["title"]) == (400, "Bad Request")
    assert error["detail"].startswith("error at 1:24: expected one of")


def test_api_service_description_turtle(server: Server) -> None:
    response = httpx.get(server.sparql)
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    graph = Graph().parse(data=response.text, format="turtle")
    service = graph.value(predicate=SD.endpoint, object=URIRef(server.sparql))
    assert service is not None
    assert set(graph.objects(service, SD.supportedLanguage)) == {SD.SPARQL11Query}
    assert len(set(graph.objects(service, SD.resultFormat))) == 10
    names = set(graph.objects(None, SD.name))
    assert {URIRef(LETTER + slug) for slug in LETTERS} <= names
    assert len(names) == 6  # four letters, the vocabularies, the ontology


def test_api_service_description_rdf_xml(server: Server) -> None:
    response = httpx.get(server.sparql, headers={"Accept": "application/rdf+xml"})
    assert response.headers["content-type"] == "application/rdf+xml"
    graph = Graph().parse(data=response.text, format="xml")
    assert graph.value(predicate=SD.endpoint, object=URIRef(server.sparql)) is not None
    assert Literal("npcegraph SPARQL endpoint", lang="en") in set(graph.objects())


def test_api_request_over_the_size_limit_is_413(server: Server) -> None:
    query = "ASK {}" + " " * 200_000  # the test server allows 100 000 bytes
    response = httpx.post(server.sparql, content=query.encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/json"})
    assert response.status_code == 413
    assert response.json() == {"error": {
        "status": 413, "title": HTTPStatus(413).phrase,  # Content Too Large from Python 3.13
        "detail": "the request body is larger than 100000 bytes"}}


def test_api_chunked_request_over_the_size_limit_is_413(server: Server) -> None:
    def chunks():  # no Content-Length: the body is counted as it arrives
        yield b"query=ASK+%7B%7D"
        for _ in range(20):
            yield b"+" * 10_000

    response = httpx.post(server.sparql, content=chunks(), headers={
        "Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413


@pytest.mark.parametrize(("content_type", "status"), [
    ("text/plain", 415), (None, 415), ("application/sparql-query; charset=latin-1", 415),
])
def test_api_post_needs_a_protocol_media_type(server: Server, content_type: str | None,
                                              status: int) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = httpx.post(server.sparql, content=b"ASK {}", headers=headers)
    assert response.status_code == status


@pytest.mark.parametrize("params", [
    [("query", "ASK {}"), ("query", "ASK {}")],
    [("update", "CLEAR ALL")],
    [("query", "ASK {}"), ("timeout", "soon")],
    [("query", "ASK {}"), ("default-graph-uri", "not an iri")],
])
def test_api_malformed_get_is_400(server: Server, params: list[tuple[str, str]]) -> None:
    assert httpx.get(server.sparql, params=params).status_code == 400


def test_api_service_is_refused(server: Server) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    response = httpx.get(server.sparql, params={"query": query})
    assert response.status_code == 400
    assert "SERVICE (federated query) is disabled" in response.text


def test_api_answer_over_max_rows_is_400_not_truncated(server: Server) -> None:
    everything = "SELECT * WHERE { ?s ?p ?o }"  # the test server allows 10 000 rows
    response = httpx.get(server.sparql, params={"query": everything}, headers=JSON_RESULTS)
    assert response.status_code == 400
    assert response.json()["error"]["detail"].startswith("the answer has more than 10000 rows")
    limited = httpx.get(server.sparql, params={"query": everything + " LIMIT 10000"},
                        headers={"Accept": "text/tab-separated-values"})
    assert limited.headers["x-result-rows"] == "10000"
    assert limited.content.count(b"\n") == 10_001


def test_api_other_methods_are_405(server: Server) -> None:
    response = httpx.put(server.sparql, params={"query": "ASK {}"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"


@pytest.mark.parametrize(("path", "status"), [("/nowhere", 404), ("/rdf-graphs/service", 400),
                                              ("/sparql?query=ASK", 400)])
def test_api_every_router_uses_the_error_envelope(server: Server, path: str,
                                                  status: int) -> None:
    response = httpx.get(server.url + path, headers={"Accept": "application/json"})
    assert response.status_code == status
    assert set(response.json()) == {"error"}
    assert set(response.json()["error"]) == {"status", "title", "detail"}
    assert response.json()["error"]["status"] == status


def test_api_cors_only_when_configured(server: Server, writable_server: Server) -> None:
    origin = {"Origin": ORIGIN}
    allowed = httpx.get(writable_server.sparql, params={"query": "ASK {}"}, headers=origin)
    preflight = httpx.options(writable_server.sparql, headers={
        **origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    closed = httpx.get(server.sparql, params={"query": "ASK {}"}, headers=origin)
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "access-control-allow-origin" not in closed.headers
