"""Self-describing SHACL shape tests: every ``tests/shapes/*.ttl`` holds a small data graph and,
in the ``npcet:`` vocabulary below, the results the shapes must report on it. One runner checks
each file on both engines (pyshacl, the reference, and pyshacl-turbo) and that they agree.

The expectation vocabulary (``npcet:`` = ``https://w3id.org/npcegraph/test/shapes#``)::

    [] a npcet:ShapeTest ;
        rdfs:label "what the case shows" ;
        npcet:shapes "npce-shapes.ttl" ;      # optional, the file in shapes/ (this is the default)
        npcet:conforms false ;                # no sh:Violation <=> true; warnings do not count
        npcet:result [                        # one per expected (severity, focus, path, constraint)
            npcet:severity sh:Violation ;     # optional, sh:Violation by default
            npcet:focus <focus node> ;
            npcet:path dcterms:identifier ;   # or [ sh:inversePath ... ]; absent for node-level
            npcet:constraint sh:MinCountConstraintComponent ;
            npcet:shape npcesh:Letter-identifier   # optional
        ] .

The set of reported results must equal the set of expected ones exactly, warnings included.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SH

from npcegraph.validate import Outcome, Problem, load_shapes, validate_graph

NPCET = Namespace("https://w3id.org/npcegraph/test/shapes#")
CASES_DIR = Path(__file__).parent
CASE_FILES = sorted(CASES_DIR.glob("*.ttl"))
ENGINES = ("pyshacl", "turbo")
SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}

Key = tuple[str, str, str | None, str]  # severity, focus, path, constraint


@dataclass(frozen=True)
class ShapeCase:
    """One test file: its data graph (expectations removed) and what the shapes must report."""

    name: str
    label: str
    shapes: str
    data: Graph
    conforms: bool
    expected: frozenset[Key]
    expected_shapes: dict[Key, str]


def _path_key(graph: Graph, path: URIRef | BNode | None) -> str | None:
    """The path as ``npcegraph.validate.Problem.path`` spells it (IRI, or ``^<iri>``)."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path)
    inverse = graph.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return f"^<{inverse}>"
    raise ValueError(f"unsupported path in expectation: {path!r}")


def _closure(graph: Graph, node: URIRef | BNode) -> set[URIRef | BNode]:
    """``node`` and every blank node reachable from it."""
    seen: set[URIRef | BNode] = set()
    todo = [node]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        todo.extend(o for o in graph.objects(current, None) if isinstance(o, BNode))
    return seen


def load_case(path: Path) -> ShapeCase:
    """Parse one test file and split it into data and expectations."""
    graph = Graph().parse(path, format="turtle")
    tests = list(graph.subjects(RDF.type, NPCET.ShapeTest))
    assert len(tests) == 1, f"{path.name}: needs exactly one npcet:ShapeTest, found {len(tests)}"
    test = tests[0]
    conforms = graph.value(test, NPCET.conforms)
    assert isinstance(conforms, Literal), f"{path.name}: npcet:conforms is missing"
    expected: set[Key] = set()
    expected_shapes: dict[Key, str] = {}
    for result in graph.objects(test, NPCET.result):
        severity = graph.value(result, NPCET.severity, default=SH.Violation)
        key = (
            SEVERITIES[severity],
            str(graph.value(result, NPCET.focus)),
            _path_key(graph, graph.value(result, NPCET.path)),
            str(graph.value(result, NPCET.constraint)),
        )
        expected.add(key)
        shape = graph.value(result, NPCET.shape)
        if shape is not None:
            expected_shapes[key] = str(shape)
    label = str(graph.value(test, RDFS.label, default=Literal(path.stem)))
    shapes = str(graph.value(test, NPCET.shapes, default=Literal("npce-shapes.ttl")))
    for node in _closure(graph, test):
        graph.remove((node, None, None))
    return ShapeCase(
        path.stem,
        label,
        shapes,
        graph,
        bool(conforms.toPython()),
        frozenset(expected),
        expected_shapes,
    )


def _key(problem: Problem) -> Key:
    return (problem.severity, problem.focus, problem.path, problem.constraint)


def _run(case: ShapeCase, engine: str) -> Outcome:
    return validate_graph(case.data, load_shapes(case.shapes), engine=engine)  # type: ignore[arg-type]


def _describe(problems: tuple[Problem, ...]) -> str:
    return "\n".join(
        f"  {p.severity} {p.focus} {p.path} {p.constraint} [{p.shape}]" for p in problems
    )


@pytest.fixture(scope="module", params=CASE_FILES, ids=[p.stem for p in CASE_FILES])
def case(request: pytest.FixtureRequest) -> ShapeCase:
    """Each shape test file, parsed once per module."""
    return load_case(request.param)


def test_shapes_there_are_enough_cases() -> None:
    """The suite covers a conforming letter, a warning-only letter and the hard rules."""
    assert len(CASE_FILES) >= 14


@pytest.mark.parametrize("engine", ENGINES)
def test_shapes_case_reports_exactly_the_expected_results(case: ShapeCase, engine: str) -> None:
    outcome = _run(case, engine)
    problems = outcome.violations + outcome.warnings
    found = {_key(p) for p in problems}
    assert found == case.expected, (
        f"{case.name} ({case.label}) on {engine}:\n"
        f"missing:\n{sorted(case.expected - found)}\nunexpected:\n"
        f"{_describe(tuple(p for p in problems if _key(p) not in case.expected))}"
    )
    assert outcome.conforms is case.conforms
    for key, shape in case.expected_shapes.items():
        assert shape in {p.shape for p in problems if _key(p) == key}, (case.name, key)


def test_shapes_engines_agree(case: ShapeCase) -> None:
    """pyshacl-turbo reports what pyshacl reports: same results, shapes, messages and values."""
    reference, turbo = (_run(case, engine) for engine in ENGINES)
    assert reference.conforms == turbo.conforms
    assert sorted(reference.violations + reference.warnings, key=repr) == sorted(
        turbo.violations + turbo.warnings, key=repr
    )
