"""``create_app(settings)``: the FastAPI application, its lifespan and its error handler.

The lifespan opens the store (the server is its only writer while it runs), checkpoints it and
starts the query workers; shutting down stops them. Routers live in ``api/routers/`` and are
listed in :data:`ROUTERS`; further ones (dashboard API, linked data, dumps) plug in there.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware

from npcegraph import __version__
from npcegraph.api.errors import ApiError, render_error
from npcegraph.api.limits import BodyLimit
from npcegraph.api.routers import dashboard, graph_store, linked_data, page, queries, sparql
from npcegraph.api.state import AppState
from npcegraph.settings import Settings, get_settings

log = logging.getLogger("npcegraph.api")
ROUTERS: tuple[APIRouter, ...] = (
    sparql.router,
    graph_store.router,
    linked_data.router,
    page.router,
    queries.router,
    dashboard.router,
)


def error_response(request: Request, status: int, detail: str,
                   headers: dict[str, str] | None = None) -> Response:
    """The error envelope, JSON or text per the request's ``Accept``."""
    body, media_type = render_error(status, detail, request.headers.get("accept"))
    return Response(body, status_code=status, media_type=media_type, headers=headers)


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(request, exc.status, exc.detail, exc.headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return error_response(request, exc.status_code, str(exc.detail), exc.headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
    return error_response(request, 422, problems)


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(request, 500, "internal error; the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    """Render every error, ours and the framework's, with the one envelope."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)


def dedupe_operation_ids(schema: dict[str, Any]) -> None:
    """Suffix the method to operation ids that a GET+HEAD route gives twice (OpenAPI wants
    each id once)."""
    seen: set[str] = set()
    for path_item in schema.get("paths", {}).values():
        for method, operation in path_item.items():
            name = operation.get("operationId") if isinstance(operation, dict) else None
            if name in seen:
                operation["operationId"] = f"{name}_{method}"
            if name:
                seen.add(operation["operationId"])


def install_openapi(app: FastAPI) -> None:
    """Generate the OpenAPI document once, with unique operation ids."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            dedupe_operation_ids(generate())
        return app.openapi_schema or {}

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application over ``settings.store`` (opened when the server starts)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = await run_in_threadpool(AppState.open, settings)
        app.state.npcegraph = state
        try:
            yield
        finally:
            await run_in_threadpool(state.close)

    app = FastAPI(title="npcegraph", version=__version__, lifespan=lifespan,
                  description="NPCE policy letters as a knowledge graph: SPARQL 1.1 endpoint "
                  "and Graph Store Protocol.")
    install_error_handlers(app)
    install_openapi(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins,
                           allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE"],
                           allow_headers=["Authorization", "Content-Type", "Accept"],
                           expose_headers=["X-Result-Rows"])
    for router in ROUTERS:
        app.include_router(router)
    return app
