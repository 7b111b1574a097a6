"""The W3C SPARQL 1.1 Protocol tests, run against a live server (with the update token)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from servers import TOKEN, Server, running_server
from w3c_protocol import EARL, earl_report, run

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def manifest() -> Path:
    """``w3c-sparql11-protocol/manifest.ttl`` from ``$NPCEGRAPH_SHARED`` or ``../shared``."""
    shared = Path(os.environ.get("NPCEGRAPH_SHARED", REPO.parent / "shared"))
    path = shared / "external" / "w3c-sparql11-protocol" / "manifest.ttl"
    if not path.is_file():
        pytest.fail(f"W3C protocol manifest not found at {path}; set NPCEGRAPH_SHARED")
    return path


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server on an empty store that accepts updates (the tests run DROP ALL)."""
    with running_server(tmp_path_factory.mktemp("w3c") / "store", token=TOKEN) as up:
        yield up


def test_api_w3c_protocol_all_34_pass(empty_server: Server, manifest: Path,
                                      tmp_path: Path) -> None:
    outcomes = run(empty_server.sparql, TOKEN, manifest)
    report = tmp_path / "earl.ttl"
    earl_report(outcomes).serialize(report, format="turtle")
    failed = {o.test.iri.rsplit("#", 1)[-1]: o.problems for o in outcomes if not o.passed}
    assert failed == {}
    assert len(outcomes) == 34
    passed = Graph().parse(report, format="turtle")
    assert len(set(passed.subjects(EARL.outcome, EARL.passed))) == 34
