"""A runner for the W3C SPARQL 1.1 Protocol test manifest, with an EARL report.

The manifest (``w3c/rdf-tests``, ``sparql/sparql11/protocol/manifest.ttl``) describes each test
as an ``mf:ProtocolTest`` whose ``mf:action`` is an ``ht:Connection`` with a list of
``ht:requests`` (W3C HTTP vocabulary, http://www.w3.org/2011/http#): ``ht:methodName``,
``ht:absolutePath`` (always starting ``/sparql/``), ``ht:headers`` (``ht:fieldName`` /
``ht:fieldValue``), an ``ht:body`` (``cnt:chars`` in ``cnt:characterEncoding``) and an
``ht:resp`` with the expectations ``mf:expectedStatus`` (``hts:StatusCode2xx`` ... classes),
``mf:expectedFormat`` (``"boolean"``, ``"tabular"``, ``"RDF"``) and ``mf:expectedBoolean``.
``ut:graphData`` names data files to load first, each into the graph its ``rdfs:label`` names.

Before every test the runner empties the store (``DROP ALL``) and loads the test's data with
``INSERT DATA`` through the update endpoint; every request carries the update token. Usage::

    python tests/api/w3c_protocol.py http://127.0.0.1:8000/sparql TOKEN [MANIFEST] [EARL.ttl]
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlparse
from xml.etree import ElementTree

import httpx
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
EARL = Namespace("http://www.w3.org/ns/earl#")
DC = Namespace("http://purl.org/dc/terms/")
DOAP = Namespace("http://usefulinc.com/ns/doap#")
SUBJECT = URIRef("https://w3id.org/npcegraph/")
RUNNER = URIRef("https://w3id.org/npcegraph/tests/w3c-protocol-runner")
FORMATS = {
    "boolean": {"application/sparql-results+json", "application/sparql-results+xml"},
    "tabular": {"application/sparql-results+json", "application/sparql-results+xml",
                "text/csv", "text/tab-separated-values"},
    "RDF": {"application/rdf+xml", "text/turtle", "application/n-triples"},
}
RDF_PARSERS = {"application/rdf+xml": "xml", "text/turtle": "turtle",
               "application/n-triples": "nt"}


@dataclass(frozen=True)
class Expectation:
    """What one response must look like."""

    statuses: frozenset[int]  # status classes: 2 for hts:StatusCode2xx, ...
    format: str | None
    boolean: bool | None


@dataclass(frozen=True)
class Request:
    """One ``ht:Request``."""

    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | None
    expect: Expectation


@dataclass(frozen=True)
class ProtocolTest:
    """One ``mf:ProtocolTest``."""

    iri: str
    name: str
    data: tuple[tuple[Path, str], ...]  # (file, graph name)
    requests: tuple[Request, ...]


@dataclass
class Outcome:
    """The result of running one test."""

    test: ProtocolTest
    passed: bool = True
    problems: list[str] = field(default_factory=list)


def _list(graph: Graph, head: Node | None) -> list[Node]:
    return list(Collection(graph, head)) if head is not None else []


def _expectation(graph: Graph, response: Node) -> Expectation:
    statuses = frozenset(int(str(s).rsplit("StatusCode", 1)[1][0])
                         for s in graph.objects(response, MF.expectedStatus))
    fmt = graph.value(response, MF.expectedFormat)
    boolean = graph.value(response, MF.expectedBoolean)
    return Expectation(statuses, str(fmt) if fmt is not None else None,
                       boolean.toPython() if isinstance(boolean, Literal) else None)


def _request(graph: Graph, node: Node) -> Request:
    headers = tuple((str(graph.value(h, HT.fieldName)), str(graph.value(h, HT.fieldValue)))
                    for h in _list(graph, graph.value(node, HT.headers)))
    body_node = graph.value(node, HT.body)
    body = None
    if body_node is not None:
        encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(graph.value(body_node, CNT.chars)).encode(encoding)
    response = graph.value(node, HT.resp)
    assert response is not None, f"request {node} has no ht:resp"
    return Request(str(graph.value(node, HT.methodName)), str(graph.value(node, HT.absolutePath)),
                   headers, body, _expectation(graph, response))


def _file(iri: Node) -> Path:
    return Path(unquote(urlparse(str(iri)).path))


def load_manifest(path: Path) -> list[ProtocolTest]:
    """The tests of a protocol manifest, in manifest order."""
    graph = Graph().parse(path, format="turtle", publicID=path.resolve().as_uri())
    manifest = graph.value(predicate=RDF.type, object=MF.Manifest)
    tests = []
    for test in _list(graph, graph.value(manifest, MF.entries)):
        action = graph.value(test, MF.action)
        data = tuple(sorted((_file(graph.value(d, UT.graph)), str(graph.value(d, RDFS.label)))
                            for d in graph.objects(test, UT.graphData)))
        requests = tuple(_request(graph, r) for r in _list(graph, graph.value(action, HT.requests)))
        tests.append(ProtocolTest(str(test), str(graph.value(test, MF.name)), data, requests))
    return tests


def map_path(path: str, endpoint: str) -> str:
    """``/sparql/?query=…`` -> ``<endpoint>?query=…``."""
    assert path.startswith("/sparql/"), path
    return endpoint + path[len("/sparql/"):]


def _boolean(response: httpx.Response, media_type: str) -> bool | None:
    if media_type == "application/sparql-results+json":
        value = json.loads(response.content).get("boolean")
        return value if isinstance(value, bool) else None
    root = ElementTree.fromstring(response.content)
    element = root.find("{http://www.w3.org/2005/sparql-results#}boolean")
    return None if element is None else element.text == "true"


def check(response: httpx.Response, expect: Expectation) -> list[str]:
    """Problems with ``response`` (empty when it meets ``expect``)."""
    problems = []
    if response.status_code // 100 not in expect.statuses:
        problems.append(f"status {response.status_code}, expected "
                        + " or ".join(f"{s}xx" for s in sorted(expect.statuses)))
        return problems
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    if expect.format is not None:
        if media_type not in FORMATS[expect.format]:
            problems.append(f"content type {media_type!r} is not a {expect.format} format")
        elif expect.format == "RDF":
            Graph().parse(data=response.content, format=RDF_PARSERS[media_type])
    if expect.boolean is not None and not problems:
        if (found := _boolean(response, media_type)) is not expect.boolean:
            problems.append(f"boolean {found}, expected {expect.boolean}")
    return problems


def _update(client: httpx.Client, endpoint: str, token: str, sparql: str) -> None:
    response = client.post(endpoint, content=sparql.encode("utf-8"), headers={
        "Content-Type": "application/sparql-update", "Authorization": f"Bearer {token}"})
    response.raise_for_status()


def prepare(client: httpx.Client, endpoint: str, token: str, test: ProtocolTest) -> None:
    """Empty the store and load the test's data files into their graphs."""
    _update(client, endpoint, token, "DROP ALL")
    for path, graph_name in test.data:
        triples = path.read_text(encoding="utf-8")
        _update(client, endpoint, token, f"INSERT DATA {{ GRAPH <{graph_name}> {{ {triples} }} }}")


def run_test(client: httpx.Client, endpoint: str, token: str, test: ProtocolTest) -> Outcome:
    """Run every request of ``test`` in order."""
    outcome = Outcome(test)
    prepare(client, endpoint, token, test)
    for number, request in enumerate(test.requests, 1):
        headers = dict(request.headers) | {"Authorization": f"Bearer {token}"}
        response = client.request(request.method, map_path(request.path, endpoint),
                                  content=request.body, headers=headers)
        for problem in check(response, request.expect):
            outcome.problems.append(f"request {number}: {problem}")
    outcome.passed = not outcome.problems
    return outcome


def run(endpoint: str, token: str, manifest: Path) -> list[Outcome]:
    """Run every test of ``manifest`` against ``endpoint``."""
    with httpx.Client(timeout=30, follow_redirects=False) as client:
        return [run_test(client, endpoint, token, t) for t in load_manifest(manifest)]


def earl_report(outcomes: list[Outcome]) -> Graph:
    """The outcomes as EARL assertions about npcegraph."""
    graph = Graph()
    for prefix, namespace in (("earl", EARL), ("dc", DC), ("doap", DOAP)):
        graph.bind(prefix, namespace)
    graph.add((SUBJECT, RDF.type, EARL.TestSubject))
    graph.add((SUBJECT, RDF.type, DOAP.Project))
    graph.add((SUBJECT, DOAP.name, Literal("npcegraph")))
    graph.add((RUNNER, RDF.type, EARL.Software))
    graph.add((RUNNER, DC.title, Literal("npcegraph W3C SPARQL 1.1 Protocol runner")))
    now = Literal(datetime.now(UTC).isoformat(timespec="seconds"), datatype=XSD.dateTime)
    for outcome in outcomes:
        assertion, result = BNode(), BNode()
        graph.add((assertion, RDF.type, EARL.Assertion))
        graph.add((assertion, EARL.assertedBy, RUNNER))
        graph.add((assertion, EARL.subject, SUBJECT))
        graph.add((assertion, EARL.test, URIRef(outcome.test.iri)))
        graph.add((assertion, EARL.mode, EARL.automatic))
        graph.add((assertion, EARL.result, result))
        graph.add((result, RDF.type, EARL.TestResult))
        graph.add((result, EARL.outcome, EARL.passed if outcome.passed else EARL.failed))
        graph.add((result, DC.date, now))
        if outcome.problems:
            graph.add((result, DC.description, Literal("; ".join(outcome.problems))))
    return graph


def main(argv: list[str]) -> int:
    """Command line: endpoint, token, manifest, EARL output path."""
    endpoint, token = argv[0], argv[1]
    manifest = Path(argv[2]) if len(argv) > 2 else \
        Path(__file__).resolve().parents[3] / "shared/external/w3c-sparql11-protocol/manifest.ttl"
    outcomes = run(endpoint, token, manifest)
    for outcome in outcomes:
        print(("PASS " if outcome.passed else "FAIL ") + outcome.test.iri.rsplit("#", 1)[-1],
              "; ".join(outcome.problems))
    if len(argv) > 3:
        earl_report(outcomes).serialize(argv[3], format="turtle")
    print(f"{sum(o.passed for o in outcomes)}/{len(outcomes)} passed")
    return 0 if all(o.passed for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
