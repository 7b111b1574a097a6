"""Real SPARQL clients against the server: SPARQLWrapper (every format), rdflib's SPARQLStore."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from servers import LETTER, LETTERS, NPCE, Server
from SPARQLWrapper import CSV, GET, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

NPCE_NS = Namespace(NPCE)
SELECT_LETTERS = (f"PREFIX npce: <{NPCE}> "
                  "SELECT ?letter WHERE { ?letter a npce:Letter } ORDER BY ?letter")
CONSTRUCT_LETTERS = (f"PREFIX npce: <{NPCE}> "
                     "CONSTRUCT { ?letter a npce:Letter } WHERE { ?letter a npce:Letter }")
EXPECTED = [LETTER + slug for slug in LETTERS]
EXPECTED_TRIPLES = {(URIRef(iri), RDF.type, NPCE_NS.Letter) for iri in EXPECTED}


def wrapper(server: Server, query: str, fmt: str, method: str = GET) -> SPARQLWrapper:
    """A SPARQLWrapper for ``query`` asking for ``fmt``."""
    client = SPARQLWrapper(server.sparql)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


@pytest.mark.parametrize("method", [GET, POST])
def test_api_sparqlwrapper_select_json(server: Server, method: str) -> None:
    result: Any = wrapper(server, SELECT_LETTERS, JSON, method).queryAndConvert()
    assert [b["letter"]["value"] for b in result["results"]["bindings"]] == EXPECTED


def test_api_sparqlwrapper_select_xml(server: Server) -> None:
    document: Any = wrapper(server, SELECT_LETTERS, XML).queryAndConvert()
    assert [u.firstChild.data for u in document.getElementsByTagName("uri")] == EXPECTED


def test_api_sparqlwrapper_select_csv(server: Server) -> None:
    body: Any = wrapper(server, SELECT_LETTERS, CSV).queryAndConvert()
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows == [["letter"], *([iri] for iri in EXPECTED)]


def test_api_sparqlwrapper_select_tsv(server: Server) -> None:
    body: Any = wrapper(server, SELECT_LETTERS, TSV).queryAndConvert()
    assert body.decode("utf-8").splitlines() == ["?letter", *(f"<{iri}>" for iri in EXPECTED)]


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_api_sparqlwrapper_ask(server: Server, fmt: str) -> None:
    ask = f"PREFIX npce: <{NPCE}> ASK {{ <{EXPECTED[0]}> a npce:Letter }}"
    result: Any = wrapper(server, ask, fmt).queryAndConvert()
    if fmt == JSON:
        assert result == {"head": {}, "boolean": True}
    else:
        assert result.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.parametrize("fmt", [TURTLE, RDFXML, JSONLD])
def test_api_sparqlwrapper_construct(server: Server, fmt: str) -> None:
    result: Any = wrapper(server, CONSTRUCT_LETTERS, fmt).queryAndConvert()
    graph = result if isinstance(result, Graph) else Graph().parse(data=result, format="turtle")
    assert set(graph) == EXPECTED_TRIPLES


def test_api_sparqlwrapper_construct_ntriples(server: Server) -> None:
    client = wrapper(server, CONSTRUCT_LETTERS, N3)
    client.addCustomHttpHeader("Accept", "application/n-triples")
    response = client.query()
    assert response.response.headers["Content-Type"] == "application/n-triples"
    body: Any = response.convert()
    assert len(body.splitlines()) == 4
    assert set(Graph().parse(data=body, format="nt")) == EXPECTED_TRIPLES


def test_api_sparqlwrapper_describe_turtle(server: Server) -> None:
    count = (f"SELECT (COUNT(*) AS ?n) WHERE {{ <{EXPECTED[1]}> ?p ?o }}")
    expected: Any = wrapper(server, count, JSON).queryAndConvert()
    described: Any = wrapper(server, f"DESCRIBE <{EXPECTED[1]}>", TURTLE).queryAndConvert()
    graph = Graph().parse(data=described, format="turtle")
    assert len(graph) == int(expected["results"]["bindings"][0]["n"]["value"])
    assert set(graph.subjects()) == {URIRef(EXPECTED[1])}


def test_api_rdflib_sparqlstore_select(server: Server) -> None:
    graph = Graph(store=SPARQLStore(server.sparql))
    rows = list(graph.query(SELECT_LETTERS))
    assert [str(row[0]) for row in rows] == EXPECTED


def test_api_rdflib_sparqlstore_construct(server: Server) -> None:
    graph = Graph(store=SPARQLStore(server.sparql))
    result = graph.query(CONSTRUCT_LETTERS)
    assert result.graph is not None
    assert set(result.graph) == EXPECTED_TRIPLES


def test_api_rdflib_sparqlstore_is_read_only(server: Server) -> None:
    graph = Graph(store=SPARQLStore(server.sparql))
    with pytest.raises(TypeError):
        graph.add((URIRef(EXPECTED[0]), RDF.type, NPCE_NS.Letter))
