"""npcegraph.validate: Outcome and Problem fields, warnings that do not block, the shapes files
themselves (core only, messages, consistency with the vocabularies), and the ontology covering
every ``npce:`` term of docs/model.md."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from npcegraph.errors import VocabError
from npcegraph.namespaces import CONCEPT_KINDS
from npcegraph.resources import ontology_dir, shapes_dir, vocab_dir
from npcegraph.settings import DEFAULT_BASE_IRI
from npcegraph.validate import Outcome, load_shapes, validate_graph

REPO = Path(__file__).resolve().parents[1]
NPCE = Namespace(DEFAULT_BASE_IRI + "def/")
NPCESH = Namespace("https://w3id.org/npcegraph/shapes/")
ENGINES = ("pyshacl", "turbo")
FULL_EXAMPLE = REPO / "tests" / "shapes" / "conforms-full-letter.ttl"
SHAPE_FILES = ("npce-shapes.ttl", "vocab-shapes.ttl")

PREFIXES = """
@prefix npce: <https://w3id.org/npcegraph/def/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix letter: <https://w3id.org/npcegraph/id/letter/> .
"""
LETTER = URIRef(DEFAULT_BASE_IRI + "id/letter/kst-1-1")


def _graph(turtle: str) -> Graph:
    return Graph().parse(data=PREFIXES + turtle, format="turtle")


def _qname(graph: Graph, path: URIRef | object) -> str:
    """``dcterms:identifier`` for a predicate path, ``^npce:hasMention`` for an inverse one."""
    if isinstance(path, URIRef):
        return graph.namespace_manager.normalizeUri(path)
    inverse = graph.value(path, SH.inversePath)  # type: ignore[arg-type]
    return "^" + graph.namespace_manager.normalizeUri(inverse)


# Outcome and Problem ------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_validate_outcome_on_failing_letter(engine: str) -> None:
    data = _graph("""
        letter:kst-1-1 a npce:Letter ;
            dcterms:type <https://w3id.org/npcegraph/id/letter-kind/brief-regering> ;
            dcterms:date "2025-03-20"^^xsd:date ;
            dcterms:creator <https://w3id.org/npcegraph/id/ministry/ienw> ;
            npce:text "Ik ga de UPV voor textiel aanscherpen." .
    """)
    outcome = validate_graph(data, engine=engine)  # type: ignore[arg-type]
    assert isinstance(outcome, Outcome)
    assert outcome.conforms is False
    assert outcome.warnings == ()
    (problem,) = outcome.violations
    assert problem.focus == str(LETTER)
    assert problem.path == str(DCTERMS.identifier)
    assert problem.shape == str(NPCESH["Letter-identifier"])
    assert problem.constraint == str(SH.MinCountConstraintComponent)
    assert problem.severity == "Violation"
    assert problem.message.startswith("Letter dcterms:identifier:")
    assert str(LETTER) in str(problem) and problem.message in str(problem)
    assert (None, RDF.type, SH.ValidationReport) in outcome.report
    assert (None, SH.conforms, Literal(False)) in outcome.report


@pytest.mark.parametrize("engine", ENGINES)
def test_validate_warnings_do_not_block(engine: str) -> None:
    data = _graph("""
        letter:kst-1-1 a npce:Letter ;
            dcterms:identifier "kst-1-1" ;
            dcterms:type <https://w3id.org/npcegraph/id/letter-kind/brief-regering> ;
            npce:unknownField "date" ;
            dcterms:creator <https://w3id.org/npcegraph/id/ministry/ienw> ;
            npce:text "Ik ga de UPV voor textiel aanscherpen." .
    """)
    outcome = validate_graph(data, engine=engine)  # type: ignore[arg-type]
    assert outcome.conforms is True
    assert outcome.violations == ()
    (warning,) = outcome.warnings
    assert warning.severity == "Warning"
    assert warning.shape == str(NPCESH["Letter-date-missing"])
    assert warning.path == str(DCTERMS.date)


@pytest.mark.parametrize("engine", ENGINES)
def test_validate_full_example_conforms_without_warnings(engine: str) -> None:
    data = Graph().parse(FULL_EXAMPLE, format="turtle")
    outcome = validate_graph(data, engine=engine)  # type: ignore[arg-type]
    assert outcome.conforms, "\n".join(map(str, outcome.violations))


def test_validate_rejects_an_oxigraph_backed_graph() -> None:
    data = Graph(store="Oxigraph")
    with pytest.raises(TypeError, match="in-memory"):
        validate_graph(data)


def test_validate_rejects_an_unknown_engine() -> None:
    with pytest.raises(ValueError, match="engine"):
        validate_graph(Graph(), engine="jena")  # type: ignore[arg-type]


def test_validate_load_shapes_missing_file_names_it() -> None:
    with pytest.raises(VocabError, match="no-such-shapes.ttl"):
        load_shapes("no-such-shapes.ttl")


def test_validate_load_shapes_is_cached() -> None:
    assert load_shapes() is load_shapes("npce-shapes.ttl")


@pytest.mark.parametrize("engine", ENGINES)
def test_validate_rebased_shapes_follow_the_base_iri(engine: str) -> None:
    """With NPCEGRAPH_BASE_IRI changed, the rebased shapes accept the rebased graph only."""
    base = "https://data.example.org/npce+kg/"
    turtle = FULL_EXAMPLE.read_text(encoding="utf-8").replace(DEFAULT_BASE_IRI, base)
    rebased = Graph().parse(data=turtle, format="turtle")
    shapes = load_shapes(base_iri=base)
    patterns = {str(p) for p in shapes.objects(None, SH.pattern)}
    assert not any("w3id" in p for p in patterns)
    assert f"^{re.escape(base)}id/measure/[^/]+$" in patterns
    outcome = validate_graph(rebased, shapes, engine=engine)  # type: ignore[arg-type]
    assert outcome.conforms, "\n".join(map(str, outcome.violations))
    assert outcome.warnings == ()
    stray = rebased + _graph(f"""
        <{base}id/measure/upv-textiel> <{base}def/responsibleMinistry>
            <{DEFAULT_BASE_IRI}id/ministry/ez> .
    """)
    problems = validate_graph(stray, shapes, engine=engine).violations  # type: ignore[arg-type]
    assert [p.shape for p in problems] == [base + "shapes/Measure-responsibleMinistry"]


def test_validate_module_imports_no_web_or_nlp_stack() -> None:
    code = (
        "import sys, npcegraph.validate\n"
        "heavy = {'fastapi', 'spacy', 'pyshacl', 'pyshacl_turbo'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# The shapes files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SHAPE_FILES)
def test_validate_shapes_are_core_only(name: str) -> None:
    """No SPARQL-based constraints or targets: one sh:sparql cost 85% of validation time."""
    shapes = load_shapes(name)
    used = set(shapes.predicates()) | set(shapes.objects(None, RDF.type))
    sparql = {
        SH.sparql,
        SH.select,
        SH.ask,
        SH.SPARQLConstraint,
        SH.SPARQLTarget,
        SH.target,
        SH.js,
        SH.rule,
    }
    assert not used & sparql


@pytest.mark.parametrize("name", SHAPE_FILES)
def test_validate_every_shape_has_a_name_a_severity_and_a_message_naming_its_path(
    name: str,
) -> None:
    shapes = load_shapes(name)
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert node_shapes
    for node_shape in node_shapes:
        node_name = str(shapes.value(node_shape, SH.name))
        assert node_name != "None", node_shape
        assert shapes.value(node_shape, SH.severity) in (SH.Violation, SH.Warning), node_shape
        assert str(shapes.value(node_shape, SH.message)).startswith(node_name + ":"), node_shape
        for prop in shapes.objects(node_shape, SH.property):
            assert isinstance(prop, URIRef), f"{node_shape}: property shapes need an IRI"
            assert shapes.value(prop, SH.name) is not None, prop
            assert shapes.value(prop, SH.severity) in (SH.Violation, SH.Warning), prop
            message = str(shapes.value(prop, SH.message))
            expected = f"{node_name} {_qname(shapes, shapes.value(prop, SH.path))}:"
            assert message.startswith(expected), f"{prop}: {message!r} should start {expected!r}"


@pytest.mark.parametrize("name", SHAPE_FILES)
def test_validate_patterns_start_with_the_escaped_base(name: str) -> None:
    """load_shapes rebases patterns by replacing ``re.escape(DEFAULT_BASE_IRI)``."""
    shapes = load_shapes(name)
    for pattern in shapes.objects(None, SH.pattern):
        if "w3id" in pattern:
            assert str(pattern).startswith("^" + re.escape(DEFAULT_BASE_IRI)), pattern
            re.compile(str(pattern))


def test_validate_status_shape_lists_the_status_vocabulary() -> None:
    shapes = load_shapes()
    statuses = Graph().parse(vocab_dir() / "statuses.ttl", format="turtle")
    scheme = URIRef(DEFAULT_BASE_IRI + "id/scheme/status")
    concepts = set(statuses.subjects(SKOS.inScheme, scheme))
    assert len(concepts) == 6
    for prop in (NPCESH["Measure-status"], NPCESH["MeasureMention-status"]):
        listed = set(Collection(shapes, shapes.value(prop, SH["in"])))
        assert listed == concepts, prop


def test_validate_concept_pattern_covers_every_concept_kind() -> None:
    shapes = load_shapes()
    pattern = str(shapes.value(NPCESH["Mention-concept"], SH.pattern))
    kinds = set(re.search(r"\)\?\(([^)]*)\)", pattern).group(1).split("|"))  # type: ignore[union-attr]
    assert kinds == set(CONCEPT_KINDS.values())
    assert pattern == str(shapes.value(NPCESH["Letter-mentions"], SH.pattern))
    assert pattern == str(shapes.value(NPCESH["Question-asksAbout"], SH.pattern))


def test_validate_candidate_kinds_are_the_concept_segments_in_both_spellings() -> None:
    """npce:candidateKind is an IRI segment; sh:in lists "x" and "x"^^xsd:string (see header)."""
    xsd_string = URIRef("http://www.w3.org/2001/XMLSchema#string")
    shapes = load_shapes()
    listed = set(Collection(shapes, shapes.value(NPCESH["Candidate-candidateKind"], SH["in"])))
    segments = set(CONCEPT_KINDS.values())
    assert listed == {Literal(s) for s in segments} | {
        Literal(s, datatype=xsd_string) for s in segments
    }
    pattern = str(shapes.value(NPCESH["Candidate"], SH.pattern))
    kinds = set(re.search(r"candidate/\(([^)]*)\)", pattern).group(1).split("|"))  # type: ignore[union-attr]
    assert kinds == segments


# The vocabularies and the ontology ------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_validate_vocab_files_conform_to_the_vocab_shapes(engine: str) -> None:
    files = sorted(vocab_dir().glob("*.ttl"))
    assert files, "no vocabularies in ontology/vocab"
    vocab = Graph()
    for path in files:
        vocab.parse(path, format="turtle")
    outcome = validate_graph(vocab, load_shapes("vocab-shapes.ttl"), engine=engine)  # type: ignore[arg-type]
    assert outcome.conforms, "\n".join(map(str, outcome.violations))


def test_validate_status_vocabulary_has_labels_definitions_and_cues() -> None:
    statuses = Graph().parse(vocab_dir() / "statuses.ttl", format="turtle")
    scheme = URIRef(DEFAULT_BASE_IRI + "id/scheme/status")
    slugs = {"aangekondigd", "in-voorbereiding", "in-uitvoering", "afgerond", "gestopt", "onbekend"}
    assert {str(c).rsplit("/", 1)[-1] for c in statuses.subjects(SKOS.inScheme, scheme)} == slugs
    for concept in statuses.subjects(SKOS.inScheme, scheme):
        languages = {label.language for label in statuses.objects(concept, SKOS.prefLabel)}
        assert {"nl", "en"} <= languages, concept
        assert (concept, SKOS.topConceptOf, scheme) in statuses
        assert any(d.language == "nl" for d in statuses.objects(concept, SKOS.definition))
        cues = list(statuses.objects(concept, NPCE.cue))
        assert all(cue.language == "nl" for cue in cues), concept
        assert cues or str(concept).endswith("/onbekend"), concept


def _ontology() -> Graph:
    return Graph().parse(ontology_dir() / "npce.ttl", format="turtle")


def _declared(ontology: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {s for kind in kinds for s in ontology.subjects(RDF.type, kind) if isinstance(s, URIRef)}


def test_validate_ontology_header() -> None:
    ontology = _ontology()
    header = NPCE[""]
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(header, DCTERMS.title) is not None
    assert ontology.value(header, DCTERMS.description) is not None


def test_validate_ontology_declares_every_model_term_in_dutch_and_english() -> None:
    model = (REPO / "docs" / "model.md").read_text(encoding="utf-8")
    terms = {NPCE[name] for name in re.findall(r"\bnpce:([A-Za-z][A-Za-z0-9]*)", model)}
    assert len(terms) > 40
    ontology = _ontology()
    missing = terms - _declared(ontology)
    assert not missing, sorted(missing)
    for term in _declared(ontology):
        for predicate in (RDFS.label, RDFS.comment):
            languages = {o.language for o in ontology.objects(term, predicate)}
            assert {"nl", "en"} <= languages, (term, predicate)


def test_validate_ontology_declares_every_npce_term_the_shapes_and_vocabularies_use() -> None:
    declared = _declared(_ontology())
    used: set[URIRef] = set()
    sources = [shapes_dir() / name for name in SHAPE_FILES] + sorted(vocab_dir().glob("*.ttl"))
    for path in sources:
        for triple in Graph().parse(path, format="turtle"):
            used |= {t for t in triple if isinstance(t, URIRef) and t.startswith(str(NPCE))}
    used.discard(NPCE[""])
    assert not used - declared, sorted(used - declared)


def test_validate_ontology_links_to_standard_vocabularies() -> None:
    ontology = _ontology()
    oa = Namespace("http://www.w3.org/ns/oa#")
    org = Namespace("http://www.w3.org/ns/org#")
    assert (NPCE.Evidence, RDFS.subClassOf, oa.Annotation) in ontology
    assert (NPCE.Ministry, RDFS.subClassOf, org.Organization) in ontology
    assert (NPCE.Letter, RDFS.subClassOf, DCTERMS.BibliographicResource) in ontology
