"""``/api/queries``: the canned queries of ``queries/*.rq``, listed and run by name.

A run binds the request's parameters as typed RDF terms (:meth:`CannedQuery.text`) and
evaluates the query in the worker pool with the limits of ``/sparql``; the answer is
negotiated as on ``/sparql`` (SPARQL JSON by default; XML, CSV, TSV by ``Accept`` or
``?format=``).
"""

from __future__ import annotations

from functools import lru_cache

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool

from npcegraph.api import negotiation
from npcegraph.api.deps import State
from npcegraph.api.errors import BadRequest, NotAcceptable, NotFound
from npcegraph.api.executor.tasks import QueryTask
from npcegraph.api.models import CannedQueryInfo, QueryParameter, SparqlResults
from npcegraph.api.routers.sparql import requested_accept, stream_answer
from npcegraph.errors import QueryError
from npcegraph.queries import CannedQuery, canned_queries

router = APIRouter(prefix="/api/queries", tags=["Canned queries"])
CONTROL = ("format", "output", "timeout")  # request parameters that are not query parameters
_MEDIA = {media: {} for media in dict.fromkeys(negotiation.SOLUTIONS.values())}


@lru_cache(maxsize=1)
def catalogue() -> dict[str, CannedQuery]:
    """The canned queries shipped with the package, by name (read once)."""
    return canned_queries()


def info(query: CannedQuery) -> CannedQueryInfo:
    """The listing entry of one canned query."""
    return CannedQueryInfo(
        name=query.name, title=query.title, description=query.description,
        url=f"/api/queries/{query.name}",
        parameters=[QueryParameter(name=p.name, type=p.type, default=p.default,
                                   description=p.description) for p in query.parameters])


@router.get("", response_model=list[CannedQueryInfo], summary="List the canned queries")
async def list_queries() -> list[CannedQueryInfo]:
    """Every canned query with its title, description and typed parameters."""
    return [info(q) for q in catalogue().values()]


def parameter_values(request: Request) -> dict[str, str]:
    """The query parameters of the request, each given once (400 otherwise)."""
    values: dict[str, str] = {}
    for key, value in request.query_params.multi_items():
        if key in CONTROL:
            continue
        if key in values:
            raise BadRequest(f"parameter {key!r} given more than once")
        values[key] = value
    return values


def timeout_of(request: Request, limit: float) -> float:
    """``?timeout=`` seconds when lower than the server's limit."""
    given = request.query_params.get("timeout")
    if not given:
        return limit
    try:
        seconds = float(given)
    except ValueError as exc:
        raise BadRequest(f"timeout must be a number of seconds, not {given!r}") from exc
    if seconds <= 0:
        raise BadRequest("timeout must be positive")
    return min(seconds, limit)


@router.get("/{name}", summary="Run a canned query", response_model=None,
            responses={200: {"model": SparqlResults, "content": _MEDIA,
                             "description": "SPARQL results (JSON, XML, CSV or TSV)"},
                       400: {"description": "unknown or malformed parameter"},
                       404: {"description": "no canned query of that name"},
                       406: {"description": "no acceptable result format"}})
async def run_canned(name: str, request: Request, state: State) -> Response:
    """Run the canned query ``name`` with ``?key=value`` parameters (defaults fill the
    gaps); ``format`` (``json``, ``xml``, ``csv``, ``tsv``) overrides ``Accept``."""
    query = catalogue().get(name)
    if query is None:
        raise NotFound(f"no canned query {name!r}; GET /api/queries lists them")
    try:
        text = query.text(parameter_values(request))
    except QueryError as exc:
        raise BadRequest(exc.problem) from exc
    accept = requested_accept(request)
    solutions = negotiation.choose(accept, negotiation.SOLUTIONS)
    if solutions is None:
        raise NotAcceptable(f"query results cannot be given in any media type of "
                            f"Accept: {accept}")
    graph = negotiation.choose(accept, negotiation.GRAPHS)
    task = QueryTask(text, solutions, graph, state.settings.max_rows)
    timeout = timeout_of(request, state.settings.query_timeout)
    answer = await run_in_threadpool(state.pool.run, task, timeout)
    return stream_answer(answer)
