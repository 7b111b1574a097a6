"""The SPARQL 1.1 Protocol's request rules, as a pure function of method, headers and bytes.

GET carries ``query`` in the URL (no ``update``: updates change state, so they need POST);
POST carries a form (``query=`` or ``update=``) or the bare text as ``application/sparql-query``
or ``application/sparql-update`` (UTF-8 only). Exactly one query or update per request.
Dataset parameters (``default-graph-uri``, ``named-graph-uri``, ``using-graph-uri``,
``using-named-graph-uri``) come from the URL or the form and must be absolute IRIs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl

import pyoxigraph as ox

from npcegraph.api.errors import BadRequest, UnsupportedMediaType

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
_DATASET_PARAMETERS = {"query": ("default-graph-uri", "named-graph-uri"),
                       "update": ("using-graph-uri", "using-named-graph-uri")}


@dataclass(frozen=True)
class Operation:
    """What a request to ``/sparql`` asks for."""

    kind: Literal["query", "update", "description"]
    text: str = ""
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    timeout: float | None = None

    @property
    def has_dataset(self) -> bool:
        """Whether the request names a dataset (protocol parameters)."""
        return bool(self.default_graphs or self.named_graphs)


def media_type(content_type: str | None) -> tuple[str, dict[str, str]]:
    """``text/turtle; charset=UTF-8`` -> (``text/turtle``, ``{"charset": "utf-8"}``)."""
    kind, *params = (content_type or "").split(";")
    values: dict[str, str] = {}
    for param in params:
        name, _, value = param.partition("=")
        values[name.strip().lower()] = value.strip().strip('"').lower()
    return kind.strip().lower(), values


def _decode(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"the {what} is not valid UTF-8 ({exc.reason} at byte {exc.start})") \
            from exc


def _iris(params: list[tuple[str, str]], name: str) -> tuple[str, ...]:
    values = tuple(v for k, v in params if k == name)
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError as exc:
            raise BadRequest(f"{name}={value!r} is not an absolute IRI: {exc}") from exc
    return values


def _timeout(params: list[tuple[str, str]]) -> float | None:
    values = [v for k, v in params if k == "timeout"]
    if not values:
        return None
    try:
        seconds = float(values[-1])
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise BadRequest(f"timeout={values[-1]!r}: give a positive number of seconds")
    return seconds


def _one(params: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in params if k == name]
    if len(values) > 1:
        raise BadRequest(f"exactly one '{name}' parameter is allowed, got {len(values)}")
    return values[0] if values else None


def _operation(kind: Literal["query", "update"], text: str,
               params: list[tuple[str, str]]) -> Operation:
    default, named = _DATASET_PARAMETERS[kind]
    return Operation(kind, text, _iris(params, default), _iris(params, named), _timeout(params))


def parse_request(method: str, content_type: str | None, url_params: Iterable[tuple[str, str]],
                  body: bytes) -> Operation:
    """The operation a request asks for; :class:`BadRequest` or
    :class:`UnsupportedMediaType` when it breaks the protocol."""
    params = list(url_params)
    if method == "GET":
        if any(k == "update" for k, _ in params):
            raise BadRequest("a SPARQL update must be sent with POST, not GET")
        query = _one(params, "query")
        if query is None:
            return Operation("description")
        return _operation("query", query, params)
    kind, options = media_type(content_type)
    if kind == FORM:
        params += parse_qsl(_decode(body, "form body"), keep_blank_values=True)
        query, update = _one(params, "query"), _one(params, "update")
        if query is not None and update is not None:
            raise BadRequest("send either 'query' or 'update', not both")
        if query is None and update is None:
            raise BadRequest("the form has neither a 'query' nor an 'update' parameter")
        return (_operation("query", query, params) if query is not None
                else _operation("update", update or "", params))
    if kind in (SPARQL_QUERY, SPARQL_UPDATE):
        charset = options.get("charset", "utf-8")
        if charset not in ("utf-8", "utf8"):
            raise UnsupportedMediaType(f"{kind} must be sent as UTF-8, not {charset}")
        if any(k in ("query", "update") for k, _ in params):
            raise BadRequest(f"with {kind} the text goes in the body, not in the URL")
        operation: Literal["query", "update"] = "query" if kind == SPARQL_QUERY else "update"
        return _operation(operation, _decode(body, kind + " body"), params)
    raise UnsupportedMediaType(
        f"POST needs Content-Type {FORM}, {SPARQL_QUERY} or {SPARQL_UPDATE}, "
        f"not {content_type or '(none)'!r}")
