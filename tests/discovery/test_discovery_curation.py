"""Curation: accept a candidate into a copy of the vocabulary, reject one, list them from a
tiny store filled by hand."""

from __future__ import annotations

import os
import re
import shutil
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from npcegraph.curation import (
    CandidateRecord,
    CurationError,
    accept_candidate,
    list_candidates,
    reject_candidate,
    rejected,
)
from npcegraph.errors import NpcegraphError
from npcegraph.namespaces import ORG, Iris
from npcegraph.resources import vocab_dir
from npcegraph.store import EmbeddedStore
from npcegraph.validate import load_shapes, validate_graph
from npcegraph.vocab import build_vocabulary, load_vocab_graph

IRIS = Iris()
NPCE = IRIS.npce
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SEGMENTS = {"instrument": "instrument", "product_group": "product-group",
            "organisation": "organisation"}


@pytest.fixture()
def vocab(tmp_path: Path) -> Path:
    """A temporary copy of the shipped vocabulary files (never the repository's own)."""
    target = tmp_path / "vocab"
    shutil.copytree(vocab_dir(), target)
    assert not (target / "accepted.ttl").exists()
    return target


# --- accept ----------------------------------------------------------------------------


def test_discovery_accept_adds_a_curated_instrument(vocab: Path) -> None:
    path = accept_candidate("instrument", "textielconvenant", "Textielconvenant", vocab)
    assert path == vocab / "accepted.ttl"
    graph = load_vocab_graph(directory=vocab)
    concept = IRIS.concept("instrument", "textielconvenant")
    assert (concept, RDF.type, SKOS.Concept) in graph
    assert set(graph.objects(concept, SKOS.inScheme)) == {IRIS.scheme("instrument")}
    assert set(graph.objects(concept, SKOS.prefLabel)) == {Literal("Textielconvenant", lang="nl")}
    assert set(graph.objects(concept, SKOS.notation)) == {Literal("Textielconvenant")}
    assert set(graph.objects(concept, NPCE.instrumentType)) == {
        IRIS.concept("instrument_type", "convenant-en-akkoord")}
    assert set(graph.objects(concept, NPCE.acceptedFrom)) == {
        IRIS.candidate("instrument", "textielconvenant")}
    assert set(graph.objects(concept, DCTERMS.created)) == {
        Literal(date.today().isoformat(), datatype=XSD_DATE)}


def test_discovery_accept_uses_the_given_notation(vocab: Path) -> None:
    accept_candidate("instrument", "green-deal-circulaire-festivals",
                     "Green Deal Circulaire Festivals", vocab, notation="GD-CF")
    graph = load_vocab_graph(directory=vocab)
    concept = IRIS.concept("instrument", "green-deal-circulaire-festivals")
    assert set(graph.objects(concept, SKOS.notation)) == {Literal("GD-CF")}


@pytest.mark.parametrize(("kind", "slug", "label", "types"), [
    ("product_group", "skateboards", "skateboards", {SKOS.Concept}),
    ("organisation", "stichting-kringloop-zuid", "Stichting Kringloop Zuid",
     {SKOS.Concept, ORG.Organization}),
])
def test_discovery_accept_puts_the_concept_in_its_kinds_scheme(
        vocab: Path, kind: str, slug: str, label: str, types: set[URIRef]) -> None:
    accept_candidate(kind, slug, label, vocab)
    graph = load_vocab_graph(directory=vocab)
    concept = IRIS.concept(kind, slug)
    assert set(graph.objects(concept, RDF.type)) == types
    assert set(graph.objects(concept, SKOS.inScheme)) == {IRIS.scheme(kind)}
    assert (IRIS.scheme(kind), SKOS.hasTopConcept, concept) in graph
    assert list(graph.objects(concept, SKOS.notation)) == []
    concepts = {c.iri: c for c in build_vocabulary(graph).concepts}
    assert concepts[str(concept)].kind == kind
    assert concepts[str(concept)].labels == (label,)


@pytest.mark.parametrize(("kind", "slug", "label"), [
    ("instrument", "klimaatfonds-2", "Klimaatfonds"),  # a curated prefLabel
    ("instrument", "klimaatfonds-3", "klimaat- en transitiefonds"),  # an altLabel, other case
    ("product_group", "textiel", "textiel-en-kleding"),  # a curated slug of the kind
    ("organisation", "upv-stichting", "UPV"),  # a label of another kind (the UPV notation)
])
def test_discovery_accept_refuses_what_the_vocabulary_has(
        vocab: Path, kind: str, slug: str, label: str) -> None:
    with pytest.raises(CurationError) as raised:
        accept_candidate(kind, slug, label, vocab)
    assert raised.value.path == str(vocab / "accepted.ttl")
    assert str(vocab / "accepted.ttl") in str(raised.value)
    assert not (vocab / "accepted.ttl").exists()


def test_discovery_accept_twice_refuses_the_second_time(vocab: Path) -> None:
    accept_candidate("instrument", "textielconvenant", "Textielconvenant", vocab)
    before = (vocab / "accepted.ttl").read_text(encoding="utf-8")
    with pytest.raises(CurationError, match="already"):
        accept_candidate("instrument", "textielconvenant-2", "textielconvenant", vocab)
    assert (vocab / "accepted.ttl").read_text(encoding="utf-8") == before


@pytest.mark.parametrize(("kind", "slug", "label"), [
    ("ministry", "x", "Ministerie van X"),  # not a candidate kind
    ("instrument", "Bad Slug", "Textielconvenant"),
    ("product_group", "glas", "glas (vlak)"),  # parentheses break the gazetteer's labels
    ("product_group", "glas", " glas"),
    ("instrument", "slim-hergebruik", "Slim Hergebruik"),  # no instrument type in the label
])
def test_discovery_accept_rejects_bad_input(vocab: Path, kind: str, slug: str,
                                            label: str) -> None:
    with pytest.raises(CurationError):
        accept_candidate(kind, slug, label, vocab)


def test_discovery_accept_takes_an_explicit_instrument_type(vocab: Path) -> None:
    accept_candidate("instrument", "slim-hergebruik", "Slim Hergebruik", vocab,
                     instrument_type="beleidsprogramma")
    graph = load_vocab_graph(directory=vocab)
    assert set(graph.objects(IRIS.concept("instrument", "slim-hergebruik"),
                             NPCE.instrumentType)) == {
        IRIS.concept("instrument_type", "beleidsprogramma")}


def test_discovery_curation_error_is_a_project_error() -> None:
    assert issubclass(CurationError, NpcegraphError)


def test_discovery_accept_writes_atomically(vocab: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    accept_candidate("product_group", "skateboards", "skateboards", vocab)
    before = (vocab / "accepted.ttl").read_bytes()

    def fail(source: str, target: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        accept_candidate("product_group", "kinderwagens", "kinderwagens", vocab)
    assert (vocab / "accepted.ttl").read_bytes() == before
    assert sorted(p.name for p in vocab.iterdir() if p.name.startswith(".")) == []


# --- the accepted file keeps the vocabulary's rules (tests/test_vocab_files.py) -----------


def accepted_concepts(graph: Graph) -> list[URIRef]:
    return sorted(s for s in graph.subjects(RDF.type, SKOS.Concept) if isinstance(s, URIRef))


def test_discovery_accepted_file_keeps_the_vocabulary_rules(vocab: Path) -> None:
    accept_candidate("instrument", "verpakkingenheffing", "verpakkingenheffing", vocab)
    accept_candidate("instrument", "circulair-ontwerpfonds", "Circulair Ontwerpfonds", vocab)
    accept_candidate("product_group", "skateboards", "skateboards", vocab)
    accept_candidate("organisation", "vereniging-circulair-nederland",
                     "Vereniging Circulair Nederland", vocab)
    accepted = Graph().parse(vocab / "accepted.ttl", format="turtle")
    union = load_vocab_graph(directory=vocab)
    concepts = accepted_concepts(accepted)
    assert len(concepts) == 4
    types = set(accepted_concepts(Graph().parse(vocab / "instrument-types.ttl")))
    for concept in concepts:
        kind = next(k for k, s in SEGMENTS.items() if f"/id/{s}/" in str(concept))
        scheme = IRIS.scheme(kind)
        assert SLUG.match(str(concept).rsplit("/", 1)[1])
        assert [p.language for p in accepted.objects(concept, SKOS.prefLabel)] == ["nl"]
        assert [d.language for d in accepted.objects(concept, SKOS.definition)] == ["nl"]
        assert set(accepted.objects(concept, SKOS.inScheme)) == {scheme}
        assert (concept, SKOS.topConceptOf, scheme) in accepted
        if kind == "instrument":
            assert len(list(accepted.objects(concept, SKOS.notation))) == 1
            assert set(accepted.objects(concept, NPCE.instrumentType)) <= types
    for scheme in {IRIS.scheme(k) for k in SEGMENTS}:
        assert set(accepted.objects(scheme, SKOS.hasTopConcept)) == set(
            accepted.subjects(SKOS.topConceptOf, scheme))
        owners: dict[str, set[URIRef]] = defaultdict(set)
        for concept in union.subjects(SKOS.inScheme, scheme):
            for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, SKOS.notation):
                for label in union.objects(concept, predicate):
                    if getattr(label, "language", None) in (None, "nl"):
                        owners[str(label).casefold()].add(concept)
        assert {k: v for k, v in owners.items() if len(v) > 1} == {}
    outcome = validate_graph(union, shapes=load_shapes("vocab-shapes.ttl"))
    assert outcome.conforms, outcome


# --- reject ----------------------------------------------------------------------------


def test_discovery_reject_twice_records_one_line(vocab: Path) -> None:
    path = reject_candidate("instrument", "werkprogramma", vocab)
    assert reject_candidate("instrument", "werkprogramma", vocab) == path
    assert path == vocab / "rejected-candidates.txt"
    assert path.read_text(encoding="utf-8") == "instrument/werkprogramma\n"


def test_discovery_rejections_are_sorted_and_read_back(vocab: Path) -> None:
    assert rejected(vocab) == frozenset()
    reject_candidate("product_group", "vergelijkbare-doelen", vocab)
    reject_candidate("instrument", "werkprogramma", vocab)
    assert (vocab / "rejected-candidates.txt").read_text(encoding="utf-8").splitlines() == [
        "instrument/werkprogramma", "product_group/vergelijkbare-doelen"]
    assert rejected(vocab) == {"instrument/werkprogramma", "product_group/vergelijkbare-doelen"}
    load_vocab_graph(directory=vocab)  # a .txt beside the vocabularies changes nothing


def test_discovery_reject_refuses_an_unknown_kind(vocab: Path) -> None:
    with pytest.raises(CurationError):
        reject_candidate("ministry", "x", vocab)


# --- list ------------------------------------------------------------------------------


def letter_graph(slug: str, mentions: dict[tuple[str, str], tuple[str, str, int]]) -> Graph:
    """A letter graph with candidate concepts and their mentions, as the rdf stage writes it:
    ``{(kind, slug): (label, cue, number of mentions)}``."""
    graph = Graph()
    letter = IRIS.letter(slug)
    graph.add((letter, RDF.type, NPCE.Letter))
    for (kind, candidate_slug), (label, cue, count) in mentions.items():
        candidate = IRIS.candidate(kind, candidate_slug)
        graph.add((candidate, RDF.type, SKOS.Concept))
        graph.add((candidate, NPCE.candidate, Literal(True)))
        graph.add((candidate, SKOS.prefLabel, Literal(label, lang="nl")))
        graph.add((candidate, NPCE.candidateKind, Literal(SEGMENTS[kind])))
        graph.add((candidate, NPCE.cue, Literal(cue)))
        for n in range(count):
            mention = IRIS.in_letter(slug, "mention", f"{candidate_slug}-{n}")
            graph.add((mention, RDF.type, NPCE.Mention))
            graph.add((mention, NPCE.concept, candidate))
            graph.add((mention, NPCE.inLetter, letter))
    return graph


def test_discovery_list_candidates_from_the_store(tmp_path: Path) -> None:
    festivals = ("instrument", "green-deal-circulaire-festivals")
    with EmbeddedStore(tmp_path / "store") as store:
        store.replace_graph(str(IRIS.letter("kst-1-1")), letter_graph("kst-1-1", {
            festivals: ("Green Deal Circulaire Festivals", "green-deal", 2),
            ("product_group", "skateboards"): ("skateboards", "product-list", 1),
            ("instrument", "textielconvenant"): ("Textielconvenant", "suffix:-convenant", 1),
        }))
        store.replace_graph(str(IRIS.letter("kst-1-2")), letter_graph("kst-1-2", {
            festivals: ("Green Deal Circulaire Festivals", "capitalised-programme", 1),
        }))
        vocabulary = Graph()  # textielconvenant was accepted already
        accepted = IRIS.concept("instrument", "textielconvenant")
        vocabulary.add((accepted, NPCE.acceptedFrom, IRIS.candidate(*("instrument",
                                                                      "textielconvenant"))))
        store.replace_graph(str(IRIS.graph("vocab")), vocabulary)
        store.replace_graph(store.quarantine_iri("kst-1-3"), letter_graph("kst-1-3", {
            ("organisation", "stichting-x"): ("Stichting X", "org-head:stichting", 5),
        }))
        records = list_candidates(store)
    assert records == [
        CandidateRecord(kind="instrument", slug="green-deal-circulaire-festivals",
                        label="Green Deal Circulaire Festivals",
                        letters=("kst-1-1", "kst-1-2"), mentions=3,
                        cue="capitalised-programme, green-deal"),
        CandidateRecord(kind="product_group", slug="skateboards", label="skateboards",
                        letters=("kst-1-1",), mentions=1, cue="product-list"),
    ]


def test_discovery_list_candidates_of_an_empty_store(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store") as store:
        assert list_candidates(store) == []
