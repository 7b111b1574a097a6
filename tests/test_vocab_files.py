"""The SKOS vocabularies in ``ontology/vocab``: structure, keys, TOOI links and label hygiene.

The entity ruler is generated from these labels alone, so these tests guard what extraction
depends on: one Dutch preferred label per concept, stable keys (``skos:notation``) for
instruments and ministries, no label claimed by two concepts of one scheme, and the ministry
reorganisations of 2 July 2024.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

REPO = Path(__file__).resolve().parents[1]
VOCAB = REPO / "ontology" / "vocab"
BASE = "https://w3id.org/npcegraph/"
NPCE = Namespace(BASE + "def/")
ORG = Namespace("http://www.w3.org/ns/org#")
TOOI = "https://identifier.overheid.nl/tooi/id/ministerie/"
# Plain IRIs: importing rdflib's XSD namespace object into a test module makes pytest warn.
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_GYEAR = URIRef("http://www.w3.org/2001/XMLSchema#gYear")

# Each vocabulary file and the path segment of its concepts (id/<segment>/<slug>).
FILES: dict[str, str] = {
    "instruments.ttl": "instrument",
    "instrument-types.ttl": "instrument-type",
    "ministries.ttl": "ministry",
    "posts.ttl": "post",
    "product-groups.ttl": "product-group",
    "strategies.ttl": "strategy",
    "goals.ttl": "goal",
    "organisations.ttl": "organisation",
    "eu-acts.ttl": "eu-act",
    "letter-kinds.ttl": "letter-kind",
    "parties.ttl": "party",
}

REQUIRED_INSTRUMENT_NOTATIONS = ("UPV", "MKI", "SDE++", "DEI+CE")

# Ministry key -> TOOI code (owl:sameAs <https://identifier.overheid.nl/tooi/id/ministerie/CODE>).
MINISTRY_TOOI: dict[str, str] = {
    "IenW": "mnre1130", "EZ": "mnre1045", "EZK": "mnre1045", "KGG": "mnre1182",
    "VRO": "mnre1171", "BZK": "mnre1034", "LVVN": "mnre1153", "LNV": "mnre1150",
    "OCW": "mnre1109", "FIN": "mnre1090", "BZ": "mnre1013", "DEF": "mnre1018",
    "AZ": "mnre1010", "JenV": "mnre1058", "SZW": "mnre1073", "VWS": "mnre1025",
}

# Original ministry key -> keys of the ministries that resulted from its 2024 reorganisation.
CHANGE_EVENTS: dict[str, set[str]] = {
    "EZK": {"EZ", "KGG"},
    "BZK": {"BZK", "VRO"},
    "LNV": {"LVVN"},
}

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def scheme_iri(segment: str) -> URIRef:
    """The IRI of the concept scheme of ``segment``."""
    return URIRef(f"{BASE}id/scheme/{segment}")


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    """Every vocabulary file parsed on its own, keyed by file name."""
    parsed = {}
    for name in FILES:
        graph = Graph()
        graph.parse(VOCAB / name, format="turtle")
        parsed[name] = graph
    return parsed


@pytest.fixture(scope="module")
def union(graphs: dict[str, Graph]) -> Graph:
    """All vocabulary files in one graph (cross-file links resolve here)."""
    merged = Graph()
    for graph in graphs.values():
        for triple in graph:
            merged.add(triple)
    return merged


def concepts(graph: Graph) -> list[URIRef]:
    """The skos:Concepts of a graph, in IRI order."""
    return sorted(s for s in graph.subjects(RDF.type, SKOS.Concept) if isinstance(s, URIRef))


def by_notation(graph: Graph, segment: str) -> dict[str, URIRef]:
    """Concepts of ``segment`` keyed by their skos:notation."""
    result = {}
    for concept in concepts(graph):
        if (concept, SKOS.inScheme, scheme_iri(segment)) in graph:
            for notation in graph.objects(concept, SKOS.notation):
                result[str(notation)] = concept
    return result


def labels(graph: Graph, concept: URIRef) -> list[str]:
    """Every matchable string of a concept: pref, alt and hidden labels plus its notation."""
    found: list[str] = []
    for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
        for label in graph.objects(concept, predicate):
            if isinstance(label, Literal) and label.language in (None, "nl"):
                found.append(str(label))
    found.extend(str(n) for n in graph.objects(concept, SKOS.notation))
    return found


@pytest.mark.parametrize("name", sorted(FILES))
def test_vocab_file_has_its_scheme(graphs: dict[str, Graph], name: str) -> None:
    """Each file declares its scheme with Dutch and English labels and a description."""
    graph, scheme = graphs[name], scheme_iri(FILES[name])
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    languages = {label.language for label in graph.objects(scheme, SKOS.prefLabel)}
    assert {"nl", "en"} <= languages
    assert graph.value(scheme, DCTERMS.description) is not None
    assert concepts(graph), f"{name} has no concepts"


@pytest.mark.parametrize("name", sorted(FILES))
def test_vocab_concepts_have_one_dutch_preflabel_and_their_scheme(
    graphs: dict[str, Graph], name: str
) -> None:
    """Every concept has exactly one prefLabel@nl, a definition@nl and its file's scheme."""
    graph, segment = graphs[name], FILES[name]
    for concept in concepts(graph):
        dutch = [p for p in graph.objects(concept, SKOS.prefLabel) if p.language == "nl"]
        assert len(dutch) == 1, f"{concept}: {len(dutch)} Dutch preferred labels"
        assert (concept, SKOS.inScheme, scheme_iri(segment)) in graph, f"{concept}: wrong scheme"
        definitions = [d for d in graph.objects(concept, SKOS.definition) if d.language == "nl"]
        assert len(definitions) == 1, f"{concept}: needs one Dutch definition"


@pytest.mark.parametrize("name", sorted(FILES))
def test_vocab_iris_follow_the_scheme(graphs: dict[str, Graph], name: str) -> None:
    """Concept IRIs are id/<segment>/<lower-case ascii slug>."""
    prefix = f"{BASE}id/{FILES[name]}/"
    for concept in concepts(graphs[name]):
        assert str(concept).startswith(prefix), concept
        assert SLUG.match(str(concept)[len(prefix):]), concept


@pytest.mark.parametrize("name", sorted(FILES))
def test_vocab_concepts_are_top_or_narrower(graphs: dict[str, Graph], name: str) -> None:
    """A concept is a top concept of its scheme (both directions stated) or has a skos:broader."""
    graph, scheme = graphs[name], scheme_iri(FILES[name])
    for concept in concepts(graph):
        top = (concept, SKOS.topConceptOf, scheme) in graph
        narrower = graph.value(concept, SKOS.broader) is not None
        assert top or narrower, f"{concept} is neither top concept nor narrower"
    assert set(graph.objects(scheme, SKOS.hasTopConcept)) == set(
        graph.subjects(SKOS.topConceptOf, scheme)
    ), "skos:hasTopConcept and skos:topConceptOf disagree"


@pytest.mark.parametrize("name", sorted(FILES))
def test_vocab_broader_targets_exist(graphs: dict[str, Graph], name: str) -> None:
    """Every skos:broader points to a concept of the same file."""
    graph = graphs[name]
    known = set(concepts(graph))
    for concept, parent in graph.subject_objects(SKOS.broader):
        assert parent in known, f"{concept} has unknown broader {parent}"
        assert parent != concept


@pytest.mark.parametrize("name", sorted(FILES))
def test_vocab_labels_are_unique_within_a_scheme(graphs: dict[str, Graph], name: str) -> None:
    """No label (pref, alt, hidden, notation) belongs to two concepts of a scheme, ignoring case."""
    graph = graphs[name]
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for concept in concepts(graph):
        for label in labels(graph, concept):
            owners[label.casefold()].add(concept)
    shared = {label: sorted(o) for label, o in owners.items() if len(o) > 1}
    assert not shared, f"labels shared within {name}: {shared}"


@pytest.mark.parametrize("name", sorted(FILES))
def test_vocab_labels_are_matchable_text(graphs: dict[str, Graph], name: str) -> None:
    """Labels are trimmed, non-empty and carry no parenthetical explanations."""
    graph = graphs[name]
    for concept in concepts(graph):
        for label in labels(graph, concept):
            assert label and label == label.strip(), f"{concept}: {label!r}"
            assert "(" not in label and ")" not in label, f"{concept}: {label!r}"


@pytest.mark.parametrize(("name", "segment"), [("instruments.ttl", "instrument"),
                                               ("ministries.ttl", "ministry")])
def test_vocab_keys_are_single_and_unique(
    graphs: dict[str, Graph], name: str, segment: str
) -> None:
    """Instruments and ministries have exactly one skos:notation, unique within the scheme."""
    graph = graphs[name]
    seen: dict[str, URIRef] = {}
    for concept in concepts(graph):
        notations = list(graph.objects(concept, SKOS.notation))
        assert len(notations) == 1, f"{concept}: {len(notations)} notations"
        key = str(notations[0])
        assert key not in seen, f"notation {key} on {seen.get(key)} and {concept}"
        seen[key] = concept
    assert by_notation(graph, segment).keys() == seen.keys()


@pytest.mark.parametrize("notation", REQUIRED_INSTRUMENT_NOTATIONS)
def test_vocab_required_instruments_exist(graphs: dict[str, Graph], notation: str) -> None:
    """The instruments analysts query by key are present."""
    assert notation in by_notation(graphs["instruments.ttl"], "instrument")


def test_vocab_instruments_have_a_known_type(graphs: dict[str, Graph]) -> None:
    """Every instrument has npce:instrumentType pointing into the instrument-type scheme."""
    instruments, types = graphs["instruments.ttl"], graphs["instrument-types.ttl"]
    known = set(concepts(types))
    for concept in concepts(instruments):
        kinds = list(instruments.objects(concept, NPCE.instrumentType))
        assert len(kinds) == 1, f"{concept}: {len(kinds)} instrument types"
        assert kinds[0] in known, f"{concept}: unknown type {kinds[0]}"


@pytest.mark.parametrize(("notation", "code"), sorted(MINISTRY_TOOI.items()))
def test_vocab_ministry_has_its_tooi_identifier(
    graphs: dict[str, Graph], notation: str, code: str
) -> None:
    """Each required ministry key exists, is typed npce:Ministry and links to its TOOI code."""
    graph = graphs["ministries.ttl"]
    ministry = by_notation(graph, "ministry").get(notation)
    assert ministry is not None, f"no ministry with notation {notation}"
    assert (ministry, RDF.type, NPCE.Ministry) in graph
    assert (ministry, RDF.type, ORG.Organization) in graph
    assert set(graph.objects(ministry, OWL.sameAs)) == {URIRef(TOOI + code)}


def test_vocab_ministry_validity_is_ordered(graphs: dict[str, Graph]) -> None:
    """Validity dates are xsd:date and a ministry or post starts before it ends."""
    for name in ("ministries.ttl", "posts.ttl"):
        graph = graphs[name]
        for concept in concepts(graph):
            start = graph.value(concept, NPCE.validFrom)
            end = graph.value(concept, NPCE.validUntil)
            for value in (start, end):
                assert value is None or value.datatype == XSD_DATE, f"{concept}: {value!r}"
            if start is not None and end is not None:
                assert start.toPython() < end.toPython(), concept


@pytest.mark.parametrize(("original", "resulting"), sorted(CHANGE_EVENTS.items()))
def test_vocab_reorganisations_are_change_events(
    graphs: dict[str, Graph], original: str, resulting: set[str]
) -> None:
    """The 2024 reorganisations are org:ChangeEvents linked from the ministries both ways."""
    graph = graphs["ministries.ttl"]
    keyed = by_notation(graph, "ministry")
    source = keyed[original]
    events = [e for e in graph.subjects(ORG.originalOrganization, source)
              if (e, RDF.type, ORG.ChangeEvent) in graph]
    assert len(events) == 1, f"{original}: {len(events)} change events"
    event = events[0]
    outcome = {str(graph.value(m, SKOS.notation))
               for m in graph.objects(event, ORG.resultingOrganization)}
    assert outcome == resulting
    assert graph.value(event, DCTERMS.date) == Literal("2024-07-02", datatype=XSD_DATE)
    assert any(label.language == "nl" for label in graph.objects(event, RDFS.label))
    assert (source, ORG.changedBy, event) in graph
    for key in resulting:
        assert (keyed[key], ORG.resultedFrom, event) in graph



def test_vocab_posts_belong_to_existing_ministries(graphs: dict[str, Graph]) -> None:
    """Every post has exactly one org:postIn, and it is a ministry of ministries.ttl."""
    posts, ministries = graphs["posts.ttl"], graphs["ministries.ttl"]
    known = {m for m in concepts(ministries) if (m, RDF.type, NPCE.Ministry) in ministries}
    for post in concepts(posts):
        homes = list(posts.objects(post, ORG.postIn))
        assert len(homes) == 1, f"{post}: {len(homes)} org:postIn"
        assert homes[0] in known, f"{post}: unknown ministry {homes[0]}"


def test_vocab_goals_have_a_target_year(graphs: dict[str, Graph]) -> None:
    """Every goal has exactly one npce:targetYear typed xsd:gYear; quantities are plain text."""
    graph = graphs["goals.ttl"]
    for goal in concepts(graph):
        years = list(graph.objects(goal, NPCE.targetYear))
        assert len(years) == 1, f"{goal}: {len(years)} target years"
        assert years[0].datatype == XSD_GYEAR and re.fullmatch(r"\d{4}", str(years[0])), goal
        for quantity in graph.objects(goal, NPCE.targetQuantity):
            assert isinstance(quantity, Literal) and str(quantity).strip(), goal


def test_vocab_cross_file_links_resolve(union: Graph) -> None:
    """Links between files (postIn, subOrganizationOf, instrumentType, related) hit concepts."""
    known = set(concepts(union))
    for predicate in (ORG.postIn, ORG.subOrganizationOf, NPCE.instrumentType, SKOS.related):
        for subject, target in union.subject_objects(predicate):
            assert target in known, f"{subject} {predicate} {target} does not resolve"
