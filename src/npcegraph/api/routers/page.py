"""``/``: the query page, a small SPARQL editor over ``/sparql``.

The page is a plain HTML form (``GET /sparql`` with ``query`` and ``format``) and a list of the
canned queries as links, so it works without scripts; ``editor.js`` turns it into an editor with
highlighting, a results table, the canned queries as examples, Ctrl+Enter and timing. Its files
are in ``api/static/`` (shipped in the wheel) and nothing is loaded from elsewhere.
"""

from __future__ import annotations

import json
from functools import cache
from html import escape
from importlib.resources import files
from string import Template
from urllib.parse import urlencode

from fastapi import APIRouter, Request, Response

from npcegraph.api.errors import NotFound
from npcegraph.queries import CannedQuery, canned_queries

router = APIRouter(tags=["Query page"])
STATIC = files("npcegraph.api") / "static"
ASSETS = {"editor.css": "text/css; charset=utf-8",
          "editor.js": "text/javascript; charset=utf-8"}
# Only our own files: scripts, styles, the endpoint and images drawn from data URLs.
POLICY = ("default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; "
          "object-src 'none'; base-uri 'none'; form-action 'self'")
FORMATS = (("csv", "CSV"), ("tsv", "TSV"), ("json", "JSON (SPARQL results or JSON-LD)"),
           ("xml", "XML (SPARQL results or RDF/XML)"), ("turtle", "Turtle (CONSTRUCT)"))
DEFAULT_QUERY = """PREFIX npce: <https://w3id.org/npcegraph/def/>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?letter ?date ?dossier
WHERE {
  ?l a npce:Letter ; dcterms:identifier ?letter .
  OPTIONAL { ?l dcterms:date ?date }
  OPTIONAL { ?l npce:dossierTitle ?dossier }
}
ORDER BY ?date
LIMIT 25
"""


@cache
def _asset(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def _examples_json(queries: list[CannedQuery]) -> str:
    """The canned queries for the script, safe inside ``<script type="application/json">``."""
    data = [{"name": q.name, "title": q.title, "description": q.description, "sparql": q.text({})}
            for q in queries]
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def _example_links(queries: list[CannedQuery], endpoint: str) -> str:
    """The canned queries as ``<li>`` links that run them (defaults bound), for pages without
    scripts."""
    items = []
    for q in queries:
        href = endpoint + "?" + urlencode({"query": q.text({})})
        items.append(f'<li><a href="{escape(href)}">{escape(q.title)}</a> '
                     f"<small>{escape(q.description)}</small></li>")
    return "\n".join(items)


def render_page(root: str) -> str:
    """The query page for an application mounted at ``root`` (usually ``""``)."""
    queries = list(canned_queries().values())
    endpoint = root + "/sparql"
    options = "".join(f'<option value="{v}">{escape(label)}</option>' for v, label in FORMATS)
    return Template(_asset("index.html")).substitute(
        root=escape(root), endpoint=escape(endpoint), default_query=escape(DEFAULT_QUERY),
        format_options=options, example_links=_example_links(queries, endpoint),
        examples_json=_examples_json(queries))


@router.get("/", summary="The query page (SPARQL editor)", response_class=Response)
async def query_page(request: Request) -> Response:
    """An HTML SPARQL editor; a plain form when scripts cannot run."""
    body = render_page(request.scope.get("root_path", ""))
    return Response(body, media_type="text/html; charset=utf-8",
                    headers={"Content-Security-Policy": POLICY})


@router.get("/static/{name}", include_in_schema=False)
async def static_asset(name: str) -> Response:
    """The page's own style sheet and script."""
    if name not in ASSETS:
        raise NotFound(f"no static file {name!r}")
    return Response(_asset(name), media_type=ASSETS[name],
                    headers={"Cache-Control": "public, max-age=300"})
