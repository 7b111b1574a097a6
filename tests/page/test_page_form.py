"""The query page over plain HTTP: the form, the canned queries, and the form working without
scripts (``GET /sparql`` with ``query`` and ``format``)."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from bs4 import BeautifulSoup
from servers import Server

from npcegraph.queries import canned_queries

LETTERS_HEADER = ["letter", "date", "kind", "sender", "measures"]
LETTERS_COLUMNS = [  # the ``letters`` canned query on the four sample letters, oldest first
    ["kst-32852-901", "2025-11-14", "brief regering", "IenW"],
    ["kst-32852-902", "2025-12-04", "brief regering", "IenW"],
    ["kst-32813-903", "2026-01-22", "brief regering", "KGG"],
    ["kst-32852-904", "2026-02-12", "brief regering", "EZ"],
]  # the measure counts of the last column follow the extraction, so only their form is pinned


@pytest.fixture(scope="module")
def page(page_server: Server) -> BeautifulSoup:
    response = httpx.get(page_server.url + "/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "default-src 'self'" in response.headers["content-security-policy"]
    return BeautifulSoup(response.text, "html.parser")


def test_page_is_a_plain_get_form_on_the_endpoint(page: BeautifulSoup) -> None:
    form = page.find("form", id="query-form")
    assert (form["method"], form["action"]) == ("get", "/sparql")
    assert form.find("textarea", attrs={"name": "query"}).text.strip().startswith("PREFIX")
    formats = [o["value"] for o in form.find("select", attrs={"name": "format"}).find_all("option")]
    assert formats == ["csv", "tsv", "json", "xml", "turtle"]
    assert form.find("button", type="submit")


def test_page_lists_every_canned_query_as_a_link(page: BeautifulSoup) -> None:
    links = {a.text: a["href"] for a in page.select("#canned-links a")}
    queries = canned_queries()
    assert sorted(links) == sorted(q.title for q in queries.values())
    for query in queries.values():
        url = urlsplit(links[query.title])
        assert url.path == "/sparql"
        assert parse_qs(url.query) == {"query": [query.text({})]}


def test_page_gives_the_script_every_canned_query_with_defaults(page: BeautifulSoup) -> None:
    examples = json.loads(page.find("script", id="canned").string)
    queries = canned_queries()
    assert [e["name"] for e in examples] == list(queries)
    for example in examples:
        query = queries[example["name"]]
        assert example == {"name": query.name, "title": query.title,
                           "description": query.description, "sparql": query.text({})}


@pytest.mark.parametrize(("name", "media_type"), [("editor.js", "text/javascript"),
                                                   ("editor.css", "text/css")])
def test_page_serves_its_own_assets(page_server: Server, page: BeautifulSoup, name: str,
                                    media_type: str) -> None:
    referenced = [t.get("src") or t.get("href") for t in page.find_all(["script", "link"])]
    assert f"/static/{name}" in referenced
    response = httpx.get(f"{page_server.url}/static/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)


def test_page_unknown_asset_is_404_in_the_envelope(page_server: Server) -> None:
    response = httpx.get(page_server.url + "/static/app.py",
                         headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.json()["error"]["detail"] == "no static file 'app.py'"


def test_page_form_submitted_without_scripts_returns_csv(page_server: Server,
                                                         page: BeautifulSoup) -> None:
    """What a browser sends for the form with the ``letters`` query and CSV selected."""
    form = page.find("form", id="query-form")
    query = canned_queries()["letters"].text({})
    response = httpx.get(page_server.url + form["action"],
                         params={"query": query, "format": "csv"},
                         headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == LETTERS_HEADER
    assert [row[:4] for row in rows[1:]] == LETTERS_COLUMNS
    assert all(row[4].isdigit() and int(row[4]) > 0 for row in rows[1:])


def test_page_canned_link_runs_in_a_browser_without_scripts(page_server: Server,
                                                            page: BeautifulSoup) -> None:
    link = next(a["href"] for a in page.select("#canned-links a") if a.text == "Letters")
    response = httpx.get(page_server.url + link,
                         headers={"Accept": "text/html,application/xhtml+xml,"
                                            "application/xml;q=0.9,*/*;q=0.8"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+xml")
    assert response.text.count("<result>") == 4


@pytest.mark.parametrize(("fmt", "query", "media_type"), [
    ("csv", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "text/csv"),
    ("tsv", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "text/tab-separated-values"),
    ("json", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "application/sparql-results+json"),
    ("xml", "ASK { ?s ?p ?o }", "application/sparql-results+xml"),
    ("text/csv", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "text/csv"),
    ("turtle", "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "text/turtle"),
    ("json", "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "application/ld+json"),
    ("xml", "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "application/rdf+xml"),
    ("application/ld+json,application/x-json+ld",  # SPARQLWrapper's
     "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "application/ld+json"),
])
def test_sparql_format_parameter_wins_over_accept(page_server: Server, fmt: str, query: str,
                                                  media_type: str) -> None:
    response = httpx.get(page_server.sparql, params={"query": query, "format": fmt},
                         headers={"Accept": "application/n-triples, application/x-nothing"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type


@pytest.mark.parametrize("fmt", ["n3", ""])
def test_sparql_format_parameter_n3_or_empty_leaves_it_to_accept(page_server: Server,
                                                                 fmt: str) -> None:
    """SPARQLWrapper sends ``format=n3`` beside the Accept header it means."""
    response = httpx.get(page_server.sparql,
                         params={"query": "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "format": fmt},
                         headers={"Accept": "application/n-triples"})
    assert response.headers["content-type"] == "application/n-triples"


def test_sparql_output_parameter_is_an_alias_of_format(page_server: Server) -> None:
    response = httpx.get(page_server.sparql, params={"query": "ASK {}", "output": "tsv"})
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    assert response.status_code == 200
    assert response.text.strip().splitlines()[-1] == "true"


@pytest.mark.parametrize(("fmt", "status", "detail"), [
    ("yaml", 400, "unknown format 'yaml'; use a media type or one of json, xml, csv, tsv, "
                  "turtle, ttl, ntriples, nt, jsonld, json-ld, rdfxml, rdf+xml, rdf, "
                  "nquads, trig"),
    ("csv", 406, "CONSTRUCT answers cannot be given in any media type of Accept: text/csv"),
])
def test_sparql_format_parameter_errors(page_server: Server, fmt: str, status: int,
                                        detail: str) -> None:
    response = httpx.get(page_server.sparql,
                         params={"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": fmt},
                         headers={"Accept": "application/json"})
    assert response.status_code == status
    assert response.json()["error"]["detail"] == detail
