"""Open-vocabulary discovery: each rule on short Dutch sentences written for these tests, run
through the real pipeline and the shipped vocabulary (nothing here comes from the corpus)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from npcegraph.concepts import Vocabulary
from npcegraph.curation import accept_candidate
from npcegraph.extract.candidates import Candidate, find_candidates, slugify
from npcegraph.extract.facts import Evidence
from npcegraph.nlp import CONCEPTS_KEY, build_nlp
from npcegraph.resources import vocab_dir
from npcegraph.vocab import build_vocabulary, load_vocab_graph

INS, PG, ORG = "instrument", "product_group", "organisation"
BASE = "https://w3id.org/npcegraph/"


def found(nlp: Language, vocabulary: Vocabulary, text: str) -> list[tuple[str, str, str, float]]:
    """``(kind, label, cue, confidence)`` of every candidate in ``text``."""
    return [(c.kind, c.label, c.cue, c.evidence.confidence)
            for c in find_candidates(nlp(text), vocabulary)]


@pytest.mark.parametrize(("text", "expected"), [
    # named heads: Subsidieregeling / Regeling / Fonds / Programma + a name
    ("De Subsidieregeling circulaire zonneparken gaat in 2026 open.",
     [(INS, "Subsidieregeling circulaire zonneparken", "named:subsidieregeling", 0.75)]),
    ("Bedrijven gebruiken de subsidieregeling circulaire zonneparken.",
     [(INS, "subsidieregeling circulaire zonneparken", "named:subsidieregeling", 0.6)]),
    ("Zo helpt de Regeling duurzame kringloopwinkels ondernemers.",
     [(INS, "Regeling duurzame kringloopwinkels", "named:regeling", 0.75)]),
    ("Het nieuwe Fonds Circulaire Maakindustrie is open.",
     [(INS, "Fonds Circulaire Maakindustrie", "named:fonds", 0.75)]),
    ("Het kabinet start het programma Slim Hergebruik.",
     [(INS, "programma Slim Hergebruik", "named:programma", 0.65)]),
    ("Het stelsel Veilig Vervoer en het IBO Bodemkwaliteit zijn afgerond.",
     [(INS, "stelsel Veilig Vervoer", "named:stelsel", 0.65),
      (INS, "IBO Bodemkwaliteit", "named:ibo", 0.75)]),
    ("Met de sector is het Convenant circulaire windturbinebladen gesloten.",
     [(INS, "Convenant circulaire windturbinebladen", "named:convenant", 0.75)]),
    # a capitalised compound head with a capitalised name
    ("Op 3 oktober is het Ketenakkoord Houtbouw ondertekend.",
     [(INS, "Ketenakkoord Houtbouw", "named:ketenakkoord", 0.75)]),
    ("Daarom open ik de Stimuleringsregeling Hergebruik Meubilair.",
     [(INS, "Stimuleringsregeling Hergebruik Meubilair", "named:stimuleringsregeling", 0.75)]),
    # Green Deal, City Deal, Regio Deal + a capitalised name
    ("Het kabinet ondersteunt de Green Deal Circulaire Festivals.",
     [(INS, "Green Deal Circulaire Festivals", "green-deal", 0.8)]),
    ("Ook de City Deal Circulaire Stad en de Green Deal Duurzame Zorg 3.0 lopen door.",
     [(INS, "City Deal Circulaire Stad", "city-deal", 0.8),
      (INS, "Green Deal Duurzame Zorg 3.0", "green-deal", 0.8)]),
    # capitalised programme names
    ("Het Circulair Ontwerpfonds helpt ontwerpers.",
     [(INS, "Circulair Ontwerpfonds", "capitalised-programme", 0.7)]),
    ("Uitvoeringsprogramma Circulaire Speelgoedketen wordt volgend jaar herzien.",
     [(INS, "Uitvoeringsprogramma Circulaire Speelgoedketen", "capitalised-programme", 0.7)]),
    ("Het Circular Textiles Fund investeert in sorteerders.",
     [(INS, "Circular Textiles Fund", "capitalised-programme", 0.7)]),
    # one-word compounds with a specific modifier
    ("Het kabinet onderzoekt een grondstoffenheffing.",
     [(INS, "grondstoffenheffing", "suffix:-heffing", 0.6)]),
    ("Het kabinet onderzoekt een verpakkingenheffing.",  # modifier: a curated product group
     [(INS, "verpakkingenheffing", "suffix:-heffing", 0.7)]),
    ("Daarom sluiten we het Textielconvenant af.",  # capitalised mid-sentence, too
     [(INS, "Textielconvenant", "suffix:-convenant", 0.8)]),
    ("Verpakkingenheffing wordt onderzocht.",  # a capital only due to position is lowered
     [(INS, "verpakkingenheffing", "suffix:-heffing", 0.7)]),
    ("De beleidskeuzes staan in de OSV-nota en de Grondstoffennota.",
     [(INS, "OSV-nota", "suffix:-nota", 0.7), (INS, "Grondstoffennota", "suffix:-nota", 0.7)]),
    ("De KRB-regeling en een recyclingnorm voor gips komen eraan.",
     [(INS, "KRB-regeling", "suffix:-regeling", 0.7), (INS, "recyclingnorm", "suffix:-norm", 0.6)]),
    # organisations
    ("Stichting Kringloop Zuid en het Platform Hout in de Bouw werken samen.",
     [(ORG, "Stichting Kringloop Zuid", "org-head:stichting", 0.75),
      (ORG, "Platform Hout in de Bouw", "org-head:platform", 0.75)]),
    ("Het Kringloop-platform en het Sloopmaterialenplatform delen kennis.",
     [(ORG, "Kringloop-platform", "suffix:-platform", 0.65),
      (ORG, "Sloopmaterialenplatform", "suffix:-platform", 0.65)]),
    ("De VCN (Vereniging Circulair Nederland) en de Raad voor Circulaire Innovatie (RCI) "
     "adviseren.",
     [(ORG, "Vereniging Circulair Nederland", "acronym", 0.7),
      (ORG, "Raad voor Circulaire Innovatie", "acronym", 0.7)]),
    ("Het Circulair Innovatiefonds Nederland (CIN) betaalt mee.",
     [(INS, "Circulair Innovatiefonds Nederland", "acronym", 0.7)]),
    # product groups from context
    ("We kijken naar productgroepen zoals skateboards, kinderwagens en surfplanken.",
     [(PG, "skateboards", "product-list", 0.75), (PG, "kinderwagens", "product-list", 0.75),
      (PG, "surfplanken", "product-list", 0.75)]),
    ("Er geldt UPV voor de productgroepen skateboards en kinderwagens.",
     [(PG, "skateboards", "product-list", 0.75), (PG, "kinderwagens", "product-list", 0.75)]),
    ("Producten zoals skateboards en kinderwagens vallen eronder.",
     [(PG, "skateboards", "product-list", 0.65), (PG, "kinderwagens", "product-list", 0.65)]),
    ("Er komt een UPV voor skateboards en afgedankte surfplanken.",
     [(PG, "skateboards", "upv-context", 0.7),
      (PG, "afgedankte surfplanken", "upv-context", 0.7)]),
    ("De ketenaanpak voor gipsplaten en dakgoten is gestart.",
     [(PG, "gipsplaten", "chain-context", 0.65), (PG, "dakgoten", "chain-context", 0.65)]),
    ("We stimuleren de inzameling van frituurvet.",
     [(PG, "frituurvet", "recycling-context", 0.6)]),
    ("In de gipsplaat-keten en de dakgotenketen zijn afspraken gemaakt.",
     [(PG, "gipsplaat", "chain-compound", 0.6), (PG, "dakgoten", "chain-compound", 0.55)]),
    ("In de surfplank-sector wordt veel weggegooid.",
     [(PG, "surfplank", "sector-compound", 0.5)]),
])
def test_discovery_rule_finds(nlp: Language, vocabulary: Vocabulary, text: str,
                              expected: list[tuple[str, str, str, float]]) -> None:
    assert found(nlp, vocabulary, text) == expected


@pytest.mark.parametrize("text", [
    # generic words and determiners with them: no specific modifier
    "De regeling wordt aangepast.",
    "Deze subsidie helpt bedrijven en het fonds is uitgeput.",
    "Het programma loopt tot 2030 en de agenda is vol.",
    "De subsidieregeling wordt opnieuw opengesteld.",
    "Ik ga de Regeling verlengen en het Programma heeft geld.",
    "Er is een nieuwe subsidieregeling circulaire bouw.",  # indefinite: a type, not a name
    "De innovatieregeling, het werkprogramma en het Coalitieakkoord blijven.",
    "De verkiezingsprogramma's en een investeringsfonds.",
    "Dit heeft een enorme impact op de milieu-impact en de klimaatimpact.",
    "De opheffing van de milieubelasting is besloten.",
    "Programma’s zoals deze en textielconvenanten zijn nuttig.",  # plurals
    "De Green Deal op het gebied van zorg en de Green Deals.",
    "Stichting is een rechtsvorm.",
    "In het kader van de Europese Unie (EU) werken we samen.",  # no head word in the name
    "Het streven is dat voor alle productgroepen vergelijkbare doelen gelden.",
    "De UPV voor producenten van skateboards wordt uitgebreid.",
    "We doen aan recycling van afval en inzameling van grondstoffen.",
    "De waardeketen en de productieketen van de energiesector.",
    "De Voorjaarsnota, de Miljoenennota en de beleidsnota volgen.",  # budget and generic notes
    "Het Coalitieakkoord en de Stimuleringsregeling blijven.",  # a compound head, no name
    "Ik stuur het convenant en de Convenanten.",
])
def test_discovery_stoplist_and_generic_words_yield_nothing(
        nlp: Language, vocabulary: Vocabulary, text: str) -> None:
    assert found(nlp, vocabulary, text) == []


@pytest.mark.parametrize("text", [
    "Met de SDE++-regeling en de DEI+ CE-regeling stimuleren we bedrijven.",
    "Het Klimaatfonds en het Nationaal Groeifonds betalen mee.",
    "De UPV-regeling textiel en de statiegeldregeling worden uitgebreid.",
    "Via de Subsidiemodule Circulaire Ketenprojecten ondersteunen we ondernemers.",
    "We kijken naar productgroepen zoals matrassen, vlakglas en autobanden.",
    "Het Planbureau voor de Leefomgeving (PBL) en Stichting OPEN rapporteren.",
])
def test_discovery_curated_concepts_yield_nothing_new(
        nlp: Language, vocabulary: Vocabulary, text: str) -> None:
    doc = nlp(text)
    assert doc.spans[CONCEPTS_KEY], "the sentence should name curated concepts"
    assert find_candidates(doc, vocabulary) == []


def test_discovery_curated_match_inside_the_head_does_not_block(
        nlp: Language, vocabulary: Vocabulary) -> None:
    doc = nlp("Het kabinet ondersteunt de Green Deal Circulaire Festivals.")
    assert [s.text for s in doc.spans[CONCEPTS_KEY]] == ["Green Deal"]
    assert [c.label for c in find_candidates(doc, vocabulary)] == [
        "Green Deal Circulaire Festivals"]


@pytest.mark.parametrize(("text", "label"), [
    ("Het Circulair Ontwerpfonds helpt.", "Circulair Ontwerpfonds"),
    ("De Groene Grondstoffenraad (GG) adviseert.", "Groene Grondstoffenraad"),
    ("Voor de productgroepen de skateboards en de kinderwagens.", "skateboards"),
    ("Het Kringloop-platform groeit.", "Kringloop-platform"),
])
def test_discovery_labels_leave_out_articles(
        nlp: Language, vocabulary: Vocabulary, text: str, label: str) -> None:
    labels = [c.label for c in find_candidates(nlp(text), vocabulary)]
    assert labels[0] == label


def test_discovery_returns_one_candidate_per_occurrence_with_evidence(
        nlp: Language, vocabulary: Vocabulary) -> None:
    text = "Het Textielconvenant werkt. Daarom verlengen we het Textielconvenant."
    assert find_candidates(nlp(text), vocabulary) == [
        Candidate(INS, "Textielconvenant", "textielconvenant", "suffix:-convenant",
                  Evidence(4, 20, "Textielconvenant", 0.8)),
        Candidate(INS, "Textielconvenant", "textielconvenant", "suffix:-convenant",
                  Evidence(52, 68, "Textielconvenant", 0.8)),
    ]


def test_discovery_evidence_quotes_the_text_it_points_to(
        nlp: Language, vocabulary: Vocabulary) -> None:
    text = ("De VCN (Vereniging Circulair Nederland) wil een UPV voor skateboards.\n\n"
            "Bedrijven gebruiken de subsidieregeling circulaire zonneparken.")
    candidates = find_candidates(nlp(text), vocabulary)
    assert [c.evidence.quote for c in candidates] == [
        "VCN (Vereniging Circulair Nederland)", "skateboards",
        "subsidieregeling circulaire zonneparken"]
    for candidate in candidates:
        evidence = candidate.evidence
        assert text[evidence.start:evidence.end] == evidence.quote


@pytest.mark.parametrize(("label", "slug"), [
    ("Green Deal Duurzame Zorg 3.0", "green-deal-duurzame-zorg-3-0"),
    ("Coöperatie Ëën", "cooperatie-een"), ("!!!", "9a7b006d203b"),
])
def test_discovery_candidate_slugs(label: str, slug: str) -> None:
    assert slugify(label) == slug


def test_discovery_module_does_not_load_rdflib() -> None:
    probe = "import sys, npcegraph.extract.candidates; print('rdflib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_discovery_accepted_candidate_is_curated_in_the_next_pipeline(
        tmp_path: Path, nlp: Language, vocabulary: Vocabulary) -> None:
    text = "Daarom sluiten we het Textielconvenant af."
    [candidate] = find_candidates(nlp(text), vocabulary)
    target = tmp_path / "vocab"
    shutil.copytree(vocab_dir(), target)
    accept_candidate(candidate.kind, candidate.slug, candidate.label, target)
    curated = build_vocabulary(load_vocab_graph(directory=target))
    doc = build_nlp(curated)(text)
    assert [(s.text, s.label_, s.id_) for s in doc.spans[CONCEPTS_KEY]] == [
        ("Textielconvenant", "instrument", f"{BASE}id/instrument/textielconvenant")]
    assert find_candidates(doc, curated) == []


def test_discovery_occurrences_of_one_concept_share_one_label(
        nlp: Language, vocabulary: Vocabulary) -> None:
    text = ("Gemeenten doen mee aan het programma Slim Hergebruik.\n\n"
            "Zo helpt het Programma Slim Hergebruik gemeenten.")
    assert [(c.label, c.slug, c.cue, c.evidence.confidence, c.evidence.quote)
            for c in find_candidates(nlp(text), vocabulary)] == [
        ("Programma Slim Hergebruik", "programma-slim-hergebruik", "named:programma", 0.65,
         "programma Slim Hergebruik"),
        ("Programma Slim Hergebruik", "programma-slim-hergebruik", "named:programma", 0.75,
         "Programma Slim Hergebruik"),
    ]
