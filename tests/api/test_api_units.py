"""The pure parts of the API: SPARQL text scanning, content negotiation, protocol rules."""

from __future__ import annotations

import subprocess
import sys

import pytest

from npcegraph.api import negotiation
from npcegraph.api.errors import BadRequest, UnsupportedMediaType, render_error
from npcegraph.api.protocol import Operation, parse_request
from npcegraph.api.sparql_text import (
    UsingConflict,
    add_using,
    has_dataset_clause,
    query_form,
    uses_keyword,
)


@pytest.mark.parametrize(("text", "form"), [
    ("PREFIX select: <http://x/> BASE <http://y/> # SELECT\nCONSTRUCT WHERE { ?s ?p ?o }",
     "CONSTRUCT"),
    ('ASK { ?s ?p "SELECT" }', "ASK"),
    ("describe <http://x>", "DESCRIBE"),
    ("SELECT * { { SELECT ?x {} } }", "SELECT"),
    ("INSERT DATA {}", None),
])
def test_api_query_form(text: str, form: str | None) -> None:
    assert query_form(text) == form


@pytest.mark.parametrize(("text", "expected"), [
    ("SELECT * FROM <http://g> WHERE {}", True),
    ("SELECT * FROM NAMED <http://g> {}", True),
    ('SELECT * WHERE { ?s <http://x/from> "FROM" } # FROM', False),
    ("SELECT ?from WHERE { ?from ex:FROM ?x }", False),
])
def test_api_dataset_clause(text: str, expected: bool) -> None:
    assert has_dataset_clause(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }", True),
    ("SELECT * { service silent ?g { } }", True),
    ('SELECT ?service { ?service ex:SERVICE "SERVICE" } # SERVICE', False),
    ("SELECT * { <http://example.org/SERVICE> ?p ?o }", False),
])
def test_api_uses_service(text: str, expected: bool) -> None:
    assert uses_keyword(text, "SERVICE") is expected


def test_api_add_using_before_each_modify_where() -> None:
    update = ('INSERT DATA { <http://s> <http://p> "WHERE {" } ;\n'
              "DELETE { ?s ?p ?o } INSERT { GRAPH <http://t> { ?s ?p ?o } } # WHERE\n"
              "WHERE { ?s ?p ?o } ;\nDELETE WHERE { ?s ?p ?o }")
    assert add_using(update, ["http://a"], ["http://b"]) == update.replace(
        "\nWHERE { ?s ?p ?o } ;", "\nUSING <http://a> USING NAMED <http://b> WHERE { ?s ?p ?o } ;")
    assert add_using(update, [], []) == update


@pytest.mark.parametrize("update", [
    "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } USING <http://g> WHERE { ?s ?p ?o }",
])
def test_api_add_using_conflicts_with_own_dataset(update: str) -> None:
    with pytest.raises(UsingConflict):
        add_using(update, ["http://a"], [])


@pytest.mark.parametrize(("accept", "table", "expected"), [
    (None, negotiation.SOLUTIONS, "application/sparql-results+json"),
    ("*/*", negotiation.GRAPHS, "text/turtle"),
    ("application/json", negotiation.GRAPHS, "application/ld+json"),
    ("application/json", negotiation.SOLUTIONS, "application/sparql-results+json"),
    ("text/*;q=0.5, application/rdf+xml", negotiation.GRAPHS, "application/rdf+xml"),
    ("text/turtle;q=0, text/*", negotiation.GRAPHS, "application/n-triples"),
    ("application/turtle,text/turtle,text/rdf+n3,application/n-triples", negotiation.GRAPHS,
     "text/turtle"),
    ("application/sparql-results+xml, application/rdf+xml", negotiation.GRAPHS,
     "application/rdf+xml"),
    ("image/png", negotiation.SOLUTIONS, None),
    ("text/csv;q=0", negotiation.SOLUTIONS, None),
])
def test_api_negotiation(accept: str | None, table: dict[str, str],
                         expected: str | None) -> None:
    assert negotiation.choose(accept, table) == expected


@pytest.mark.parametrize(("accept", "media_type"), [
    ("application/json", "application/json"), ("application/sparql-results+json",
                                                "application/json"),
    ("application/json;q=0, text/plain", "text/plain; charset=utf-8"),
    (None, "text/plain; charset=utf-8"),
])
def test_api_error_envelope_follows_accept(accept: str | None, media_type: str) -> None:
    body, chosen = render_error(400, "bad", accept)
    assert chosen == media_type
    if chosen == "application/json":
        assert body == b'{"error": {"status": 400, "title": "Bad Request", "detail": "bad"}}'
    else:
        assert body == b"400 Bad Request: bad\n"


def test_api_protocol_form_post_merges_url_dataset() -> None:
    operation = parse_request("POST", "application/x-www-form-urlencoded",
                              [("default-graph-uri", "http://g/1")],
                              b"query=ASK%20%7B%7D&named-graph-uri=http%3A%2F%2Fg%2F2&timeout=1.5")
    assert operation == Operation("query", "ASK {}", ("http://g/1",), ("http://g/2",), 1.5)


def test_api_protocol_direct_update_takes_using_parameters() -> None:
    operation = parse_request("POST", "application/sparql-update; charset=UTF-8",
                              [("using-graph-uri", "http://g/1")], b"CLEAR ALL")
    assert operation == Operation("update", "CLEAR ALL", ("http://g/1",), ())


@pytest.mark.parametrize(("method", "content_type", "params", "body", "error"), [
    ("GET", None, [("update", "CLEAR ALL")], b"", BadRequest),
    ("POST", "application/x-www-form-urlencoded", [], b"query=1&update=2", BadRequest),
    ("POST", "application/x-www-form-urlencoded", [], b"nothing=here", BadRequest),
    ("POST", "application/sparql-query", [], "ASK {}".encode("utf-16"), BadRequest),
    ("POST", "application/sparql-query; charset=UTF-16", [], b"ASK {}", UnsupportedMediaType),
    ("POST", "application/sparql-query", [("query", "ASK {}")], b"ASK {}", BadRequest),
    ("POST", None, [], b"query=ASK", UnsupportedMediaType),
    ("GET", None, [("query", "ASK {}"), ("timeout", "-1")], b"", BadRequest),
    ("GET", None, [("query", "ASK {}"), ("named-graph-uri", "relative")], b"", BadRequest),
])
def test_api_protocol_violations(method: str, content_type: str | None,
                                 params: list[tuple[str, str]], body: bytes,
                                 error: type[Exception]) -> None:
    with pytest.raises(error):
        parse_request(method, content_type, params, body)


def test_api_query_worker_loads_neither_rdflib_nor_fastapi() -> None:
    probe = ("import sys, npcegraph.api.executor.worker, npcegraph.api; "
             "print(sorted(m for m in ('rdflib', 'fastapi', 'starlette', 'oxrdflib') "
             "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
