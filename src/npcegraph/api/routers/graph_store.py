"""``/rdf-graphs/service``: the SPARQL 1.1 Graph Store Protocol (indirect identification).

``?graph=<IRI>`` names a graph, ``?default`` the store's own default graph (data outside any
named graph; queries see it as part of the public default graph). GET and HEAD are open to
everyone; PUT, POST and DELETE need the update token.
"""

from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool

from npcegraph.api import negotiation
from npcegraph.api.deps import State, require_update_token
from npcegraph.api.errors import BadRequest, NotAcceptable, NotFound
from npcegraph.api.executor.tasks import DEFAULT_GRAPH, QueryTask
from npcegraph.api.routers.sparql import stream_answer
from npcegraph.api.state import AppState

router = APIRouter(prefix="/rdf-graphs", tags=["Graph Store"])
_ALL_TRIPLES = "CONSTRUCT WHERE { ?s ?p ?o }"


def target_graph(request: Request) -> str:
    """The graph a request addresses: an IRI, or ``DEFAULT_GRAPH`` for ``?default``."""
    graphs = request.query_params.getlist("graph")
    default = "default" in request.query_params
    if default == bool(graphs) or len(graphs) > 1:
        raise BadRequest("give exactly one of ?graph=<IRI> or ?default")
    if default:
        return DEFAULT_GRAPH
    try:
        return ox.NamedNode(graphs[0]).value
    except ValueError as exc:
        raise BadRequest(f"graph={graphs[0]!r} is not an absolute IRI: {exc}") from exc


Graph = Annotated[str, Depends(target_graph)]


def _existing(state: AppState, graph: str) -> str:
    if not state.writer.graph_exists(graph):
        raise NotFound(f"no graph <{graph}> in the store")
    return graph


@router.api_route("/service", methods=["GET", "HEAD"], summary="Read a graph")
async def read_graph(request: Request, graph: Graph, state: State) -> Response:
    """The graph's triples in the negotiated RDF format (404 if there is no such graph)."""
    _existing(state, graph)
    media_type = negotiation.choose(request.headers.get("accept"), negotiation.GRAPHS)
    if media_type is None:
        raise NotAcceptable("a graph is available as Turtle, N-Triples, JSON-LD, RDF/XML, "
                            "N-Quads and TriG")
    task = QueryTask(_ALL_TRIPLES, None, media_type, state.settings.max_rows,
                     default_graphs=(graph,), named_graphs=())
    answer = await run_in_threadpool(state.pool.run, task, state.settings.query_timeout)
    if request.method == "HEAD":
        return Response(b"", media_type=answer.media_type,
                        headers={"Content-Length": str(len(answer.body)), "Vary": "Accept"})
    return stream_answer(answer)


async def _write(request: Request, state: AppState, graph: str, replace: bool) -> Response:
    body = await request.body()
    created = await run_in_threadpool(state.writer.write_graph, graph, body,
                                      request.headers.get("content-type", ""), replace)
    return Response(status_code=201 if created else 204)


@router.put("/service", summary="Replace a graph", dependencies=[Depends(require_update_token)])
async def put_graph(request: Request, graph: Graph, state: State) -> Response:
    """Replace the graph with the body (201 when the graph is new, else 204)."""
    return await _write(request, state, graph, replace=True)


@router.post("/service", summary="Add to a graph", dependencies=[Depends(require_update_token)])
async def post_graph(request: Request, graph: Graph, state: State) -> Response:
    """Add the body's triples to the graph (201 when the graph is new, else 204)."""
    return await _write(request, state, graph, replace=False)


@router.delete("/service", summary="Delete a graph",
               dependencies=[Depends(require_update_token)])
async def delete_graph(graph: Graph, state: State) -> Response:
    """Drop the graph (404 if there is no such graph); ``?default`` empties it."""
    _existing(state, graph)
    await run_in_threadpool(state.writer.drop_graph, graph)
    return Response(status_code=204)
