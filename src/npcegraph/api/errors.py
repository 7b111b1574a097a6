"""One error envelope: every API error carries its HTTP status; one renderer writes it.

JSON clients (an ``Accept`` naming a JSON type) get
``{"error": {"status": 400, "title": "Bad Request", "detail": "..."}}``; everyone else gets
the same as plain text (``400 Bad Request: ...``). This module does not import FastAPI, so the
query pool and the protocol parser can raise these errors too.
"""

from __future__ import annotations

import json
from http import HTTPStatus

from npcegraph.api.negotiation import accepts_json


class ApiError(Exception):
    """An error with an HTTP status and a message for the client."""

    status = 500

    def __init__(self, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.headers = headers or {}

    @property
    def title(self) -> str:
        """The status phrase (``Bad Request``)."""
        return HTTPStatus(self.status).phrase


class BadRequest(ApiError):
    """Malformed request: missing or repeated parameter, bad IRI, syntax error."""

    status = 400


class Unauthorized(ApiError):
    """An update without the right bearer token."""

    status = 401

    def __init__(self, detail: str) -> None:
        super().__init__(detail, {"WWW-Authenticate": 'Bearer realm="npcegraph"'})


class Forbidden(ApiError):
    """Updates are switched off (no token configured), or SERVICE/LOAD is not allowed."""

    status = 403


class NotFound(ApiError):
    """No such resource (route, graph)."""

    status = 404


class MethodNotAllowed(ApiError):
    """The method is not supported on this resource (give ``Allow`` in ``headers``)."""

    status = 405


class NotAcceptable(ApiError):
    """No representation matches the ``Accept`` header."""

    status = 406


class PayloadTooLarge(ApiError):
    """The request body exceeds ``max_request_bytes``."""

    status = 413


class UnsupportedMediaType(ApiError):
    """The request body's ``Content-Type`` (or charset) is not supported."""

    status = 415


class ServiceUnavailable(ApiError):
    """No query worker became free in time, or a worker died."""

    status = 503

    def __init__(self, detail: str) -> None:
        super().__init__(detail, {"Retry-After": "1"})


class QueryTimeout(ApiError):
    """The query overran its timeout; its worker process was killed."""

    status = 504


def render_error(status: int, detail: str, accept: str | None) -> tuple[bytes, str]:
    """The envelope for ``status`` as (body, media type), JSON or plain text per ``accept``."""
    title = HTTPStatus(status).phrase
    if accepts_json(accept):
        body = {"error": {"status": status, "title": title, "detail": detail}}
        return json.dumps(body, ensure_ascii=False).encode("utf-8"), "application/json"
    return f"{status} {title}: {detail}\n".encode(), "text/plain; charset=utf-8"
