"""SHACL validation of one letter's graph (or the vocabulary graph) against ``shapes/``.

pyshacl is the reference engine; ``engine="turbo"`` runs the same shapes on pyshacl-turbo (a Rust
engine with pySHACL's ``validate`` API), which the shape tests hold to identical results.
Validate in-memory rdflib graphs only: on an Oxigraph-backed graph pyshacl reports false
violations (plain vs ``xsd:string`` literals) and runs several times slower.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.collection import Collection
from rdflib.plugins.stores.memory import Memory, SimpleMemory

from npcegraph.errors import ValidationFailed, VocabError
from npcegraph.namespaces import RDF, SH
from npcegraph.resources import shapes_dir
from npcegraph.settings import DEFAULT_BASE_IRI

if TYPE_CHECKING:
    from rdflib.term import Node

Engine = Literal["pyshacl", "turbo"]
Severity = Literal["Violation", "Warning", "Info"]

__all__ = ["Engine", "Outcome", "Problem", "load_shapes", "validate_graph"]


@dataclass(frozen=True)
class Problem:
    """One SHACL validation result, as plain strings.

    ``path`` is the IRI of a simple path, or SPARQL property-path syntax (``^<iri>``) for a
    complex one; ``shape`` is the IRI of the shape that produced the result; ``constraint`` the
    constraint component IRI; ``value`` the offending value node, when the engine names one.
    """

    focus: str
    path: str | None
    shape: str | None
    constraint: str
    message: str
    severity: Severity
    value: str | None = None

    def __str__(self) -> str:
        """One line for logs and the CLI: severity, focus, path, message and value."""
        where = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value is not None else ""
        return f"{self.severity} on {self.focus}{where}: {self.message}{value}"


@dataclass(frozen=True)
class Outcome:
    """The result of validating one graph.

    ``conforms`` is true when there is no Violation: warnings (and infos, which are listed with
    the warnings) never block. ``report`` is the engine's ``sh:ValidationReport`` graph.
    """

    conforms: bool
    violations: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    report: Graph


def load_shapes(name: str = "npce-shapes.ttl", base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """The shapes graph ``shapes/<name>``, rebased onto ``base_iri`` (cached; do not mutate it).

    The files are written for the default base IRI; for another base, IRIs under the default
    base (terms, concepts, shapes) and the escaped base inside ``sh:pattern`` are rewritten.
    """
    return _load_shapes(name, base_iri)


@lru_cache(maxsize=16)
def _load_shapes(name: str, base_iri: str) -> Graph:
    path = shapes_dir() / name
    if not path.is_file():
        raise VocabError(path, "shapes file not found")
    try:
        graph = Graph().parse(path, format="turtle")
    except (SyntaxError, ValueError) as exc:  # rdflib's BadSyntax is a SyntaxError
        raise VocabError(path, f"cannot parse shapes: {exc}") from exc
    if base_iri != DEFAULT_BASE_IRI:
        graph = _rebase(graph, DEFAULT_BASE_IRI, base_iri)
    return graph


def validate_graph(
    data: Graph,
    shapes: Graph | None = None,
    engine: Engine = "pyshacl",
    *,
    base_iri: str = DEFAULT_BASE_IRI,
) -> Outcome:
    """Validate ``data`` against ``shapes`` (default: ``npce-shapes.ttl`` for ``base_iri``).

    ``data`` must be an in-memory rdflib graph; pass ``base_iri`` when the graph was minted
    under a non-default ``NPCEGRAPH_BASE_IRI`` and no explicit ``shapes`` are given.
    """
    if not isinstance(data.store, Memory | SimpleMemory):
        raise TypeError(
            f"validate_graph needs an in-memory rdflib graph, got a {type(data.store).__name__}"
            " store: copy the graph into Graph() first (Oxigraph-backed graphs give false"
            " violations)"
        )
    if shapes is None:
        shapes = load_shapes(base_iri=base_iri)
    if engine == "pyshacl":
        report = _run_pyshacl(data, shapes)
    elif engine == "turbo":
        report = _run_turbo(data, shapes)
    else:
        raise ValueError(f"unknown validation engine {engine!r}: use 'pyshacl' or 'turbo'")
    problems = sorted(_problems(report), key=_sort_key)
    violations = tuple(p for p in problems if p.severity == "Violation")
    warnings = tuple(p for p in problems if p.severity != "Violation")
    return Outcome(not violations, violations, warnings, report)


def _run_pyshacl(data: Graph, shapes: Graph) -> Graph:
    """The report graph from pyshacl (no inference, data graph not cloned)."""
    import pyshacl

    _conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=True, allow_infos=True
    )
    return _report_graph(report, "pyshacl")


def _run_turbo(data: Graph, shapes: Graph) -> Graph:
    """The report graph from pyshacl-turbo, reusing the compiled shapes of ``shapes``."""
    _conforms, report, _text = _turbo_program(shapes).validate(
        data, allow_warnings=True, allow_infos=True
    )
    return _report_graph(report, "pyshacl-turbo")


# Compiled turbo programs, keyed by the identity of the shapes graph; holding the graph in the
# value keeps the id from being reused. Shapes graphs are treated as immutable (load_shapes).
_TURBO_PROGRAMS: dict[int, tuple[Graph, Any]] = {}


def _turbo_program(shapes: Graph) -> Any:  # noqa: ANN401 - pyshacl_turbo.CompiledShapes
    """Compile ``shapes`` for pyshacl-turbo once per shapes graph."""
    cached = _TURBO_PROGRAMS.get(id(shapes))
    if cached is None or cached[0] is not shapes:
        import pyshacl_turbo

        if len(_TURBO_PROGRAMS) >= 16:
            _TURBO_PROGRAMS.clear()
        cached = (shapes, pyshacl_turbo.compile_shapes(shapes))
        _TURBO_PROGRAMS[id(shapes)] = cached
    return cached[1]


def _report_graph(report: object, engine: str) -> Graph:
    """The report as a Graph, or an error naming the engine's failure."""
    if isinstance(report, Graph):
        return report
    raise ValidationFailed(None, f"{engine} could not validate: {report}")


def _problems(report: Graph) -> Iterator[Problem]:
    """Top-level results of every ``sh:ValidationReport`` (nested ``sh:detail`` left out)."""
    for report_node in report.subjects(RDF.type, SH.ValidationReport):
        for result in report.objects(report_node, SH.result):
            yield _problem(report, result)


def _problem(report: Graph, result: Node) -> Problem:
    """One ``sh:ValidationResult`` as a :class:`Problem`."""
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    shape = report.value(result, SH.sourceShape)
    constraint = report.value(result, SH.sourceConstraintComponent)
    severity = report.value(result, SH.resultSeverity)
    value = report.value(result, SH.value)
    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    return Problem(
        focus=_term_text(focus),
        path=_path_text(report, path) if path is not None else None,
        shape=str(shape) if isinstance(shape, URIRef) else None,
        constraint=str(constraint),
        message="; ".join(messages) or _local_name(constraint),
        severity=_severity(severity),
        value=_term_text(value) if value is not None else None,
    )


def _severity(severity: Node | None) -> Severity:
    if severity == SH.Warning:
        return "Warning"
    if severity == SH.Info:
        return "Info"
    return "Violation"


def _term_text(term: Node | None) -> str:
    """An IRI as itself, a literal as its lexical form, a blank node as ``_:id``."""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term) if term is not None else ""


def _path_text(graph: Graph, path: Node) -> str:
    """A SHACL path: the IRI of a predicate path, else SPARQL property-path syntax."""
    if isinstance(path, URIRef):
        return str(path)
    return _sparql_path(graph, path)


def _sparql_path(graph: Graph, path: Node) -> str:
    if isinstance(path, URIRef):
        return f"<{path}>"
    unary = {
        SH.inversePath: "^{}",
        SH.zeroOrMorePath: "({})*",
        SH.oneOrMorePath: "({})+",
        SH.zeroOrOnePath: "({})?",
    }
    for predicate, template in unary.items():
        inner = graph.value(path, predicate)
        if inner is not None:
            return template.format(_sparql_path(graph, inner))
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        items = Collection(graph, alternatives)
        return "(" + "|".join(_sparql_path(graph, item) for item in items) + ")"
    if graph.value(path, RDF.first) is not None:
        return "/".join(_sparql_path(graph, item) for item in Collection(graph, path))
    return _term_text(path)


def _local_name(iri: Node | None) -> str:
    text = str(iri) if iri is not None else "constraint"
    return re.split(r"[#/]", text)[-1]


def _sort_key(problem: Problem) -> tuple[str, ...]:
    return (
        problem.focus,
        problem.path or "",
        problem.constraint,
        problem.shape or "",
        problem.value or "",
    )


def _rebase(graph: Graph, old: str, new: str) -> Graph:
    """A copy of ``graph`` with IRIs under ``old`` (and ``old`` in patterns) moved to ``new``."""
    old_pattern, new_pattern = re.escape(old), re.escape(new)

    def move(term: Node) -> Node:
        if isinstance(term, URIRef) and term.startswith(old):
            return URIRef(new + term[len(old) :])
        return term

    rebased = Graph()
    for prefix, namespace in graph.namespaces():
        rebased.bind(prefix, move(namespace), replace=True)
    for subject, predicate, obj in graph:
        if predicate == SH.pattern and isinstance(obj, RdfLiteral):
            obj = RdfLiteral(str(obj).replace(old_pattern, new_pattern), datatype=obj.datatype)
        rebased.add((move(subject), predicate, move(obj)))
    return rebased
