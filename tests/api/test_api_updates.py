"""Updates need the bearer token; refused ones change nothing; accepted ones are visible at once.

Each test that writes leaves the writable server's store as it found it.
"""

from __future__ import annotations

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from servers import LETTER, NPCE, TOKEN, Server, letter_count, select_values

# A write refreshes the union graph and the query workers' checkpoint: allow it time on a slow disk.
HTTP = httpx.Client(timeout=120)
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EXTRA = "https://example.org/npcegraph-test/"
NEW_LETTER = f"{LETTER}kst-99999-1"
INSERT_LETTER = (f"PREFIX npce: <{NPCE}> "
                 f"INSERT DATA {{ GRAPH <{NEW_LETTER}> {{ <{NEW_LETTER}> a npce:Letter }} }}")
TURTLE = (f"@prefix ex: <{EXTRA}> .\n"
          "ex:a ex:label \"één\"@nl ; ex:next ex:b .\nex:b ex:label \"twee\"@nl .\n")


def update(server: Server, sparql: str, headers: dict[str, str] | None = None,
           params: dict[str, str] | None = None) -> httpx.Response:
    """POST ``sparql`` as application/sparql-update."""
    return HTTP.post(server.sparql, content=sparql.encode(), params=params, headers={
        "Content-Type": "application/sparql-update", "Accept": "application/json",
        **(headers or {})})


def test_api_update_without_configured_token_is_403_and_changes_nothing(server: Server) -> None:
    before = letter_count(server)
    response = update(server, INSERT_LETTER, AUTH)
    form = HTTP.post(server.sparql, data={"update": "DROP ALL"}, headers=AUTH)
    assert (response.status_code, form.status_code) == (403, 403)
    assert "NPCEGRAPH_UPDATE_TOKEN" in response.json()["error"]["detail"]
    assert letter_count(server) == before == 4


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_api_update_with_missing_or_wrong_token_is_401_and_changes_nothing(
        writable_server: Server, headers: dict[str, str]) -> None:
    response = update(writable_server, "DROP ALL", headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == 'Bearer realm="npcegraph"'
    assert letter_count(writable_server) == 4


def test_api_update_with_token_is_visible_to_the_next_query(writable_server: Server) -> None:
    assert update(writable_server, INSERT_LETTER, AUTH).status_code == 204
    assert letter_count(writable_server) == 5
    form = HTTP.post(writable_server.sparql, data={"update": f"DROP GRAPH <{NEW_LETTER}>"},
                      headers=AUTH)
    assert form.status_code == 204
    assert letter_count(writable_server) == 4


def test_api_update_syntax_error_is_400_and_changes_nothing(writable_server: Server) -> None:
    response = update(writable_server, f"{INSERT_LETTER} ; CLEAR XYZ", AUTH)
    assert response.status_code == 400
    assert response.json()["error"]["detail"].startswith("SPARQL update syntax error: error at")
    assert letter_count(writable_server) == 4


def test_api_load_is_refused(writable_server: Server) -> None:
    response = update(writable_server, "LOAD <http://127.0.0.1:9/data.ttl>", AUTH)
    assert response.status_code == 400
    assert "LOAD is disabled" in response.json()["error"]["detail"]


def test_api_using_graph_uri_with_a_with_clause_is_400(writable_server: Server) -> None:
    sparql = f"WITH <{EXTRA}g> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}"
    response = update(writable_server, sparql, AUTH, {"using-graph-uri": f"{EXTRA}h"})
    assert response.status_code == 400
    assert letter_count(writable_server) == 4


def test_api_graph_store_put_get_delete(writable_server: Server) -> None:
    graph = {"graph": EXTRA + "gsp"}
    turtle = {"Content-Type": "text/turtle"}
    created = HTTP.put(writable_server.graphs, params=graph, content=TURTLE.encode(),
                        headers={**AUTH, **turtle})
    assert created.status_code == 201
    got = HTTP.get(writable_server.graphs, params=graph, headers={"Accept": "text/turtle"})
    assert got.headers["content-type"] == "text/turtle; charset=utf-8"
    expected = Graph().parse(data=TURTLE, format="turtle")
    assert set(Graph().parse(data=got.text, format="turtle")) == set(expected)
    head = httpx.head(writable_server.graphs, params=graph, headers={"Accept": "text/turtle"})
    assert (head.status_code, head.headers["content-length"]) == (200, str(len(got.content)))

    replaced = HTTP.put(writable_server.graphs, params=graph, headers={
        **AUTH, "Content-Type": "application/n-triples"},
        content=f'<{EXTRA}c> <{EXTRA}label> "drie" .\n'.encode())
    added = HTTP.post(writable_server.graphs, params=graph, content=TURTLE.encode(),
                       headers={**AUTH, **turtle})
    assert (replaced.status_code, added.status_code) == (204, 204)
    nt = HTTP.get(writable_server.graphs, params=graph,
                   headers={"Accept": "application/n-triples"})
    assert len(nt.text.splitlines()) == 4
    query = f"SELECT ?label WHERE {{ GRAPH <{EXTRA}gsp> {{ <{EXTRA}c> ?p ?label }} }}"
    found = HTTP.get(writable_server.sparql, params={"query": query},
                      headers={"Accept": "application/json"})
    assert select_values(found, "label") == ["drie"]

    assert HTTP.delete(writable_server.graphs, params=graph, headers=AUTH).status_code == 204
    assert HTTP.get(writable_server.graphs, params=graph).status_code == 404
    assert HTTP.delete(writable_server.graphs, params=graph, headers=AUTH).status_code == 404
    assert letter_count(writable_server) == 4


def test_api_graph_store_refuses_writes_without_token(writable_server: Server,
                                                      server: Server) -> None:
    graph = {"graph": EXTRA + "refused"}
    body = TURTLE.encode()
    headers = {"Content-Type": "text/turtle"}
    no_token = HTTP.put(writable_server.graphs, params=graph, content=body, headers=headers)
    updates_off = HTTP.put(server.graphs, params=graph, content=body, headers={**headers, **AUTH})
    assert (no_token.status_code, updates_off.status_code) == (401, 403)
    assert HTTP.get(writable_server.graphs, params=graph).status_code == 404
    letter = HTTP.delete(server.graphs, params={"graph": LETTER + "kst-32852-352"}, headers=AUTH)
    assert letter.status_code == 403
    assert letter_count(server) == 4


def test_api_graph_store_default_graph(writable_server: Server) -> None:
    body = f'<{EXTRA}d> <{EXTRA}label> "default" .\n'.encode()
    put = HTTP.put(writable_server.graphs, params={"default": ""}, content=body,
                    headers={**AUTH, "Content-Type": "application/n-triples"})
    assert put.status_code == 204
    query = f"SELECT ?label WHERE {{ <{EXTRA}d> <{EXTRA}label> ?label }}"
    found = HTTP.get(writable_server.sparql, params={"query": query},
                      headers={"Accept": "application/json"})
    assert select_values(found, "label") == ["default"]
    graph = Graph().parse(data=HTTP.get(writable_server.graphs, params={"default": ""}).text,
                          format="turtle")
    assert set(graph) == {(URIRef(f"{EXTRA}d"), URIRef(f"{EXTRA}label"), Literal("default"))}
    cleared = HTTP.delete(writable_server.graphs, params={"default": ""}, headers=AUTH)
    assert cleared.status_code == 204
    assert len(Graph().parse(data=HTTP.get(writable_server.graphs,
                                            params={"default": ""}).text)) == 0


def test_api_graph_store_rejects_unknown_media_type(writable_server: Server) -> None:
    response = HTTP.put(writable_server.graphs, params={"graph": EXTRA + "x"}, content=b"{}",
                         headers={**AUTH, "Content-Type": "application/octet-stream"})
    assert response.status_code == 415
