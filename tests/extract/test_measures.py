"""Measure detection and relations on small hand-written letters with the tiny vocabulary."""

from __future__ import annotations

from decimal import Decimal

from spacy.language import Language

from npcegraph.concepts import Vocabulary
from npcegraph.extract import extract_facts
from npcegraph.letters import letter_from_text

HEADER = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2025-2026

32 852 Grondstoffenvoorzieningszekerheid

Nr. 990 BRIEF VAN DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 maart 2026

"""
ID = "https://w3id.org/npcegraph/id/"


def facts_of(nlp: Language, vocab: Vocabulary, body: str):  # noqa: ANN201
    """Extract the facts of a letter with ``body`` under a standard header."""
    letter = letter_from_text(HEADER + body)
    return letter, extract_facts(letter, nlp(letter.text), vocab)


def test_measures_one_per_instrument_and_product_group(tiny_nlp: Language,
                                                       tiny_vocab: Vocabulary) -> None:
    _, facts = facts_of(tiny_nlp, tiny_vocab, (
        "Textiel\n\nIk zal een UPV invoeren voor textiel. Daarnaast stel ik € 12 miljoen "
        "beschikbaar via de DEI+ CE-regeling.\n"))
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


def test_measures_ministry_named_in_sentence_wins(tiny_nlp: Language,
                                                  tiny_vocab: Vocabulary) -> None:
    _, facts = facts_of(tiny_nlp, tiny_vocab, (
        "Het ministerie van Infrastructuur en Waterstaat gaat de SDE++ openstellen voor "
        "matrassen.\n"))
    [measure] = facts.measures
    assert (measure.key, measure.ministry_source) == ("sde-plus-plus-matrassen", "text")
    assert measure.ministries == (ID + "ministry/ienw",)


def test_measures_without_action_or_amount_are_flagged_low_confidence(
        tiny_nlp: Language, tiny_vocab: Vocabulary) -> None:
    _, facts = facts_of(tiny_nlp, tiny_vocab, "De UPV is een bekend begrip.\n")
    [measure] = facts.measures
    assert measure.evidence.low_confidence
    _, acted = facts_of(tiny_nlp, tiny_vocab, "Ik zal de UPV invoeren.\n")
    assert not acted.measures[0].evidence.low_confidence


def test_measures_merge_statements_of_one_letter(tiny_nlp: Language,
                                                 tiny_vocab: Vocabulary) -> None:
    letter, facts = facts_of(tiny_nlp, tiny_vocab, (
        "Ik zal een UPV voor matrassen invoeren. De UPV voor matrassen wordt uitgewerkt.\n"))
    [measure] = facts.measures
    assert measure.key == "upv-matrassen"
    quote = letter.text[measure.evidence.start:measure.evidence.end]
    assert quote == measure.evidence.quote
    assert 0 < measure.evidence.confidence <= 1


def test_facts_sender_and_unknown_sender_warning(tiny_nlp: Language,
                                                 tiny_vocab: Vocabulary) -> None:
    _, facts = facts_of(tiny_nlp, tiny_vocab, "Een zin.\n")
    assert facts.sender == ID + "ministry/ienw"
    headerless = letter_from_text("Alleen een fragment over de UPV zonder kop")
    result = extract_facts(headerless, tiny_nlp(headerless.text), tiny_vocab)
    assert result.sender is None
    assert result.warnings == ("sender ministry unknown",)


def test_measures_listed_instruments_are_separate_measures(tiny_nlp: Language,
                                                          tiny_vocab: Vocabulary) -> None:
    _, listed = facts_of(tiny_nlp, tiny_vocab, "Ik zet de UPV en de SDE++ in voor textiel.\n")
    assert sorted(m.key for m in listed.measures) == ["sde-plus-plus-textiel", "upv-textiel"]
    _, combined = facts_of(tiny_nlp, tiny_vocab,
                           "Ik zet de SDE++ in om de UPV voor textiel te versterken.\n")
    assert [(m.key, len(m.instruments)) for m in combined.measures] == [
        ("sde-plus-plus-textiel", 2)]
