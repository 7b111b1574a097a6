"""Canned analyst queries: ``queries/*.rq`` files whose comment header describes them.

Header lines (before the query)::

    # title: Measures per ministry
    # description: How many measures each ministry is responsible for.
    # param: ministry (notation, default ""): key of a ministry, e.g. IenW; empty for all

Parameters are bound by a ``VALUES`` block at the start of the outer ``WHERE`` group, built
from typed RDF terms (a value is never pasted into the query as SPARQL syntax): a parameter
``x`` binds ``?x`` before any grouping. Types: ``string``, ``notation`` (a plain literal), ``iri``,
``integer``, ``date``, ``year``. An empty value leaves the variable unbound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from npcegraph.errors import QueryError
from npcegraph.resources import queries_dir

_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*)$")
_PARAM = re.compile(
    r"^(?P<name>\w+)\s*\((?P<type>\w+)(?:,\s*default\s+\"(?P<default>[^\"]*)\")?\)\s*:?\s*(?P<doc>.*)$"
)
_XSD = "http://www.w3.org/2001/XMLSchema#"
PARAM_TYPES = ("string", "notation", "iri", "integer", "date", "year")


@dataclass(frozen=True)
class Parameter:
    """One parameter of a canned query."""

    name: str
    type: str
    default: str
    description: str


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def with_bindings(sparql: str, bindings: dict[ox.Variable, ox.NamedNode | ox.Literal],
                  source: Path | None = None) -> str:
    """``sparql`` with a ``VALUES`` block opening its outer ``WHERE`` group, binding each
    variable to its term before any grouping (terms are written by Oxigraph, escaped)."""
    if not bindings:
        return sparql
    match = _WHERE.search(sparql)
    if match is None:
        raise QueryError(source, "a query with parameters needs a WHERE { ... } group")
    variables = " ".join(str(v) for v in bindings)
    terms = " ".join(str(t) for t in bindings.values())
    block = f"\n  VALUES ({variables}) {{ ({terms}) }}"
    return sparql[: match.end()] + block + sparql[match.end():]


@dataclass(frozen=True)
class CannedQuery:
    """A named SPARQL query with its documentation."""

    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    sparql: str
    path: Path

    def bindings(self, values: dict[str, str]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
        """Oxigraph substitutions for ``values`` (defaults fill the gaps)."""
        unknown = set(values) - {p.name for p in self.parameters}
        if unknown:
            raise QueryError(self.path, f"unknown parameter(s): {', '.join(sorted(unknown))}")
        result: dict[ox.Variable, ox.NamedNode | ox.Literal] = {}
        for parameter in self.parameters:
            value = values.get(parameter.name, parameter.default)
            if value != "":
                result[ox.Variable(parameter.name)] = _term(parameter, value, self.path)
        return result

    def text(self, values: dict[str, str]) -> str:
        """The SPARQL text with ``values`` (and defaults) bound."""
        return with_bindings(self.sparql, self.bindings(values), self.path)


def _term(parameter: Parameter, value: str, path: Path) -> ox.NamedNode | ox.Literal:
    try:
        if parameter.type == "iri":
            return ox.NamedNode(value)
        if parameter.type == "integer":
            return ox.Literal(str(int(value)), datatype=ox.NamedNode(_XSD + "integer"))
        if parameter.type == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError("expected YYYY-MM-DD")
            return ox.Literal(value, datatype=ox.NamedNode(_XSD + "date"))
        if parameter.type == "year":
            return ox.Literal(str(int(value)), datatype=ox.NamedNode(_XSD + "gYear"))
        return ox.Literal(value)
    except ValueError as exc:
        raise QueryError(path, f"parameter {parameter.name}={value!r}: {exc}") from exc


def parse_canned_query(path: Path) -> CannedQuery:
    """Read one ``.rq`` file and its header."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {"title": "", "description": ""}
    parameters: list[Parameter] = []
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if not match:
            continue
        key, value = match.groups()
        if key == "param":
            param = _PARAM.match(value)
            if not param or param["type"] not in PARAM_TYPES:
                raise QueryError(path, f"malformed parameter line: {value!r}")
            parameters.append(Parameter(param["name"], param["type"], param["default"] or "",
                                        param["doc"]))
        else:
            fields[key] = (fields[key] + " " + value).strip()
    if not fields["title"]:
        raise QueryError(path, "missing '# title:' header line")
    return CannedQuery(path.stem, fields["title"], fields["description"], tuple(parameters),
                       text, path)


def canned_queries(directory: Path | None = None) -> dict[str, CannedQuery]:
    """Every canned query, by name."""
    folder = directory or queries_dir()
    return {p.stem: parse_canned_query(p) for p in sorted(folder.glob("*.rq"))}


def resolve_query(spec: str) -> tuple[str, CannedQuery | None]:
    """SPARQL text for a ``.rq`` path, a canned query name, or inline SPARQL."""
    path = Path(spec)
    if spec.endswith(".rq"):
        if not path.is_file():
            raise QueryError(path, "query file not found")
        canned = parse_canned_query(path) if _HEADER.match(path.read_text().lstrip()) else None
        return path.read_text(encoding="utf-8"), canned
    known = canned_queries()
    if spec in known:
        return known[spec].sparql, known[spec]
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.IGNORECASE):
        return spec, None
    raise QueryError(None, f"{spec!r} is neither a .rq file, a canned query "
                     f"({', '.join(sorted(known))}) nor SPARQL")
