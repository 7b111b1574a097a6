"""``/sparql``: the SPARQL 1.1 Protocol (query, update, service description).

Queries are evaluated by the worker pool (never on the event loop), updates by the writer
(both waited on from the threadpool). Answers are streamed in chunks.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from npcegraph.api import negotiation, service_description
from npcegraph.api.deps import State, check_update_token
from npcegraph.api.errors import BadRequest, MethodNotAllowed, NotAcceptable
from npcegraph.api.executor.pool import Answer
from npcegraph.api.executor.tasks import QueryTask
from npcegraph.api.protocol import Operation, parse_request
from npcegraph.api.sparql_text import (
    UsingConflict,
    add_using,
    has_dataset_clause,
    query_form,
    uses_keyword,
)
from npcegraph.api.state import AppState

router = APIRouter(tags=["SPARQL"])
CHUNK = 64 * 1024
_FORM_TABLE = {"SELECT": "solutions", "ASK": "solutions",
               "CONSTRUCT": "graph", "DESCRIBE": "graph"}


def endpoint_url(request: Request) -> str:
    """The absolute URL of the endpoint (base IRI of queries and updates)."""
    return str(request.url.replace(query="", fragment=""))


def stream_answer(answer: Answer, headers: dict[str, str] | None = None) -> Response:
    """The answer, sent in chunks of 64 KiB with its length known up front."""
    body = answer.body

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(body), CHUNK):
            yield body[start:start + CHUNK]

    fixed = {"Vary": "Accept", **(headers or {})}
    if answer.rows is not None:
        fixed["X-Result-Rows"] = str(answer.rows)
    if len(body) <= CHUNK:  # one chunk: a plain response saves the streaming machinery
        return Response(body, media_type=answer.media_type, headers=fixed)
    fixed["Content-Length"] = str(len(body))
    return StreamingResponse(chunks(), media_type=answer.media_type, headers=fixed)


def refuse_disabled_features(text: str, state: AppState, update: bool) -> None:
    """400 for SERVICE (federation) or LOAD unless the settings allow them."""
    if not state.settings.allow_service and uses_keyword(text, "SERVICE"):
        raise BadRequest("SERVICE (federated query) is disabled on this server "
                         "(NPCEGRAPH_ALLOW_SERVICE)")
    if update and not state.settings.allow_load and uses_keyword(text, "LOAD"):
        raise BadRequest("LOAD is disabled on this server (NPCEGRAPH_ALLOW_LOAD)")


def query_task(operation: Operation, accept: str | None, state: AppState,
               base_iri: str) -> QueryTask:
    """The worker task for a query, after negotiation (406 before running when possible)."""
    solutions = negotiation.choose(accept, negotiation.SOLUTIONS)
    graph = negotiation.choose(accept, negotiation.GRAPHS)
    table = _FORM_TABLE.get(query_form(operation.text) or "")
    if (table == "solutions" and solutions is None) or (table == "graph" and graph is None):
        raise NotAcceptable(f"{query_form(operation.text)} answers cannot be given in any "
                            f"media type of Accept: {accept}")
    refuse_disabled_features(operation.text, state, update=False)
    dataset = operation.has_dataset
    return QueryTask(
        operation.text, solutions, graph, state.settings.max_rows, base_iri,
        default_graphs=operation.default_graphs if dataset else None,
        named_graphs=operation.named_graphs if dataset else None,
        own_dataset=not dataset and has_dataset_clause(operation.text),
    )


def requested_accept(request: Request) -> str | None:
    """``?format=`` / ``?output=`` as the media types to answer in, else ``Accept``; the
    parameters win so that plain HTML forms and links can choose the format."""
    wanted = [v for k, v in request.query_params.multi_items()
              if k in ("format", "output") and v.strip().lower() not in negotiation.NEGOTIATED]
    if not wanted:
        return request.headers.get("accept")
    accepts = []
    for value in wanted:
        accept = negotiation.format_accept(value)
        if accept is None:
            raise BadRequest(f"unknown format {value!r}; use a media type or one of "
                             f"{', '.join(negotiation.FORMAT_NAMES)}")
        accepts.append(accept)
    return ", ".join(accepts)


async def run_query(operation: Operation, request: Request, state: AppState) -> Response:
    """Evaluate a query in a worker and stream its answer."""
    task = query_task(operation, requested_accept(request), state, endpoint_url(request))
    limit = state.settings.query_timeout
    timeout = min(operation.timeout, limit) if operation.timeout else limit
    answer = await run_in_threadpool(state.pool.run, task, timeout)
    return stream_answer(answer)


async def run_update(operation: Operation, request: Request, state: AppState) -> Response:
    """Apply an update (token required) and answer 204."""
    check_update_token(request.headers.get("authorization"), state.settings)
    refuse_disabled_features(operation.text, state, update=True)
    try:
        text = add_using(operation.text, list(operation.default_graphs),
                         list(operation.named_graphs))
    except UsingConflict as exc:
        raise BadRequest(str(exc)) from exc
    await run_in_threadpool(state.writer.update, text, endpoint_url(request))
    return Response(status_code=204)


def describe_service(request: Request, state: AppState) -> Response:
    """The service description, Turtle or RDF/XML per Accept."""
    triples = service_description.description(
        endpoint_url(request), state.public_graphs(), state.updates_enabled,
        state.settings.allow_service)
    rendered = service_description.render(triples, request.headers.get("accept"))
    if rendered is None:
        raise NotAcceptable("the service description is available as Turtle, RDF/XML, "
                            "N-Triples and JSON-LD")
    body, media_type = rendered
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


async def dispatch(operation: Operation, request: Request, state: AppState) -> Response:
    """Route a parsed operation to its handler."""
    if operation.kind == "query":
        return await run_query(operation, request, state)
    if operation.kind == "update":
        return await run_update(operation, request, state)
    return describe_service(request, state)


@router.get("/sparql", summary="SPARQL query (GET), or the service description without one")
async def sparql_get(request: Request, state: State) -> Response:
    """``?query=…`` with optional ``default-graph-uri``, ``named-graph-uri``, ``timeout`` and
    ``format`` (``csv``, ``json``, ``turtle``, ... or a media type; it overrides Accept)."""
    operation = parse_request("GET", None, request.query_params.multi_items(), b"")
    return await dispatch(operation, request, state)


@router.post("/sparql", summary="SPARQL query or update (POST, form or direct)")
async def sparql_post(request: Request, state: State) -> Response:
    """Form-encoded ``query=``/``update=``, or ``application/sparql-query`` /
    ``application/sparql-update`` bodies; updates need the bearer token."""
    body = await request.body()
    operation = parse_request("POST", request.headers.get("content-type"),
                              request.query_params.multi_items(), body)
    return await dispatch(operation, request, state)


@router.api_route("/sparql", methods=["PUT", "DELETE", "PATCH"], include_in_schema=False)
async def sparql_other() -> Response:
    """Only GET and POST are part of the protocol."""
    raise MethodNotAllowed("use GET or POST", {"Allow": "GET, POST"})
