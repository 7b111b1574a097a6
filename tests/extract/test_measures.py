"""Measure detection and relations on small hand-written letters with the tiny vocabulary."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from spacy.language import Language

from npcegraph.concepts import Vocabulary
from npcegraph.extract import LetterFacts, extract_facts
from npcegraph.letters import Letter, letter_from_text

FactsOf = Callable[[str], tuple[Letter, LetterFacts]]

ID = "https://w3id.org/npcegraph/id/"


def test_measures_one_per_instrument_and_product_group(facts_of: FactsOf) -> None:
    _, facts = facts_of(
        "Textiel\n\nIk zal een UPV invoeren voor textiel. Daarnaast stel ik € 12 miljoen "
        "beschikbaar via de DEI+ CE-regeling.\n")
    measures = {m.key: m for m in facts.measures}
    assert sorted(measures) == ["dei-plus-ce-textiel", "upv-textiel"]
    upv = measures["upv-textiel"]
    assert upv.label == "UPV voor textiel"
    assert upv.status == ID + "status/aangekondigd"
    assert upv.ministries == (ID + "ministry/ienw",)
    assert upv.ministry_source == "sender"
    dei = measures["dei-plus-ce-textiel"]
    assert [a.value for a in dei.amounts] == [Decimal("12000000")]
    assert dei.product_groups == (ID + "product-group/textiel",)  # from the section heading


def test_measures_ministry_named_in_sentence_wins(facts_of: FactsOf) -> None:
    _, facts = facts_of(
        "Het ministerie van Infrastructuur en Waterstaat gaat de SDE++ openstellen voor "
        "matrassen.\n")
    [measure] = facts.measures
    assert (measure.key, measure.ministry_source) == ("sde-plus-plus-matrassen", "text")
    assert measure.ministries == (ID + "ministry/ienw",)


def test_measures_without_action_or_amount_are_flagged_low_confidence(facts_of: FactsOf) -> None:
    _, facts = facts_of("De UPV is een bekend begrip.\n")
    [measure] = facts.measures
    assert measure.evidence.low_confidence
    _, acted = facts_of("Ik zal de UPV invoeren.\n")
    assert not acted.measures[0].evidence.low_confidence


def test_measures_merge_statements_of_one_letter(facts_of: FactsOf) -> None:
    letter, facts = facts_of(
        "Ik zal een UPV voor matrassen invoeren. De UPV voor matrassen wordt uitgewerkt.\n")
    [measure] = facts.measures
    assert measure.key == "upv-matrassen"
    quote = letter.text[measure.evidence.start:measure.evidence.end]
    assert quote == measure.evidence.quote
    assert 0 < measure.evidence.confidence <= 1


def test_facts_sender_and_unknown_sender_warning(facts_of: FactsOf, tiny_nlp: Language,
                                                 tiny_vocab: Vocabulary) -> None:
    _, facts = facts_of("Een zin.\n")
    assert facts.sender == ID + "ministry/ienw"
    headerless = letter_from_text("Alleen een fragment over de UPV zonder kop")
    result = extract_facts(headerless, tiny_nlp(headerless.text), tiny_vocab)
    assert result.sender is None
    assert result.warnings == ("sender ministry unknown",)


def test_measures_listed_instruments_are_separate_measures(facts_of: FactsOf) -> None:
    _, listed = facts_of("Ik zet de UPV en de SDE++ in voor textiel.\n")
    assert sorted(m.key for m in listed.measures) == ["sde-plus-plus-textiel", "upv-textiel"]
    _, combined = facts_of(
                           "Ik zet de SDE++ in om de UPV voor textiel te versterken.\n")
    assert [(m.key, len(m.instruments)) for m in combined.measures] == [
        ("sde-plus-plus-textiel", 2)]
