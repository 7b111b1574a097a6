"""``/api/queries``: the listing, every canned query answering as the CLI does, errors, and
the OpenAPI description validating."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openapi_spec_validator import validate

from npcegraph.queries import canned_queries

NAMES = sorted(canned_queries())


def clean_env() -> dict[str, str]:
    """The environment without ``NPCEGRAPH_*`` settings."""
    return {k: v for k, v in os.environ.items() if not k.startswith("NPCEGRAPH_")}


def test_dashboard_queries_listing_matches_the_files(api: TestClient) -> None:
    listing = api.get("/api/queries").json()
    assert [q["name"] for q in listing] == list(canned_queries())
    by_name = {q["name"]: q for q in listing}
    assert by_name["letters-mentioning-instrument"]["parameters"] == [{
        "name": "instrument", "type": "notation", "default": "MKI",
        "description": canned_queries()["letters-mentioning-instrument"].parameters[0].description}]


@pytest.mark.parametrize("name", NAMES)
def test_dashboard_queries_answer_as_the_cli(api: TestClient, name: str,
                                            dashboard_stores: tuple[Path, Path]) -> None:
    response = api.get(f"/api/queries/{name}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    cli = subprocess.run([sys.executable, "-m", "npcegraph", "query", name, "-f", "json",
                          "--store", str(dashboard_stores[1])], capture_output=True,
                         text=True, env=clean_env(), check=True)
    expected = json.loads(cli.stdout)
    got = response.json()
    assert got["head"] == expected["head"]
    assert got["results"]["bindings"] == expected["results"]["bindings"]


def test_dashboard_queries_bind_parameters_and_negotiate(api: TestClient) -> None:
    response = api.get("/api/queries/measures-per-ministry",
                       params={"ministry": "KGG", "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text.splitlines()
    assert lines[0] == "ministry,measures,labels" and lines[1].startswith("KGG,6,")
    tsv = api.get("/api/queries/letters", headers={"Accept": "text/tab-separated-values"})
    assert tsv.text.splitlines()[1].startswith('"kst-32852-901"')
    xml = api.get("/api/queries/letters", headers={"Accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")


@pytest.mark.parametrize(("url", "status"), [
    ("/api/queries/no-such-query", 404),
    ("/api/queries/letters?colour=red", 400),
    ("/api/queries/open-commitments?from=soon", 400),
    ("/api/queries/letters?format=png", 400),
])
def test_dashboard_queries_errors(api: TestClient, url: str, status: int) -> None:
    response = api.get(url)
    assert response.status_code == status
    assert response.json()["error"]["status"] == status


def test_dashboard_openapi_validates(api: TestClient) -> None:
    spec = api.get("/openapi.json").json()
    validate(spec)
    paths = spec["paths"]
    for path in ("/api/stats", "/api/measures", "/api/measures/{key}", "/api/instruments",
                 "/api/ministries", "/api/product-groups", "/api/goals", "/api/letters",
                 "/api/letters/{slug}", "/api/queries", "/api/queries/{name}"):
        ok = paths[path]["get"]["responses"]["200"]["content"]
        assert "$ref" in json.dumps(ok), path
    assert api.get("/docs").status_code == 200
