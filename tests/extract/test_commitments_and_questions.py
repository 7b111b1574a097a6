"""Commitments and written questions on small hand-written letters."""

from __future__ import annotations

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


def commitments(nlp: Language, vocab: Vocabulary, body: str) -> list[tuple[str | None, str]]:
    """(due, first words) of each commitment found in ``body``."""
    letter = letter_from_text(HEADER + body)
    facts = extract_facts(letter, nlp(letter.text), vocab)
    return [(c.due, " ".join(c.evidence.quote.split()[:3])) for c in facts.commitments]


def test_commitments_dated_promises_and_expectations(tiny_nlp: Language,
                                                     tiny_vocab: Vocabulary) -> None:
    body = ("Ik informeer uw Kamer voor de zomer van 2026 over de UPV. "
            "De resultaten worden eind 2026 verwacht. "
            "In 2019 is de UPV voor textiel verkend. "
            "Ik zal de UPV voor matrassen uitwerken.\n")
    assert commitments(tiny_nlp, tiny_vocab, body) == [
        ("2026", "Ik informeer uw"), ("2026", "De resultaten worden"),
        (None, "Ik zal de")]


def test_commitments_relative_dates_use_the_letters_year(tiny_nlp: Language,
                                                         tiny_vocab: Vocabulary) -> None:
    body = "Ik verwacht u na de zomer te informeren over de uitkomsten.\n"
    assert commitments(tiny_nlp, tiny_vocab, body) == [("2026", "Ik verwacht u")]


def test_commitments_past_dates_and_questions_are_not_commitments(
        tiny_nlp: Language, tiny_vocab: Vocabulary) -> None:
    body = ("Bij brief van 18 april 2023 zijn de vragen beantwoord. "
            "Wanneer kan het overzicht worden verwacht?\n")
    assert commitments(tiny_nlp, tiny_vocab, body) == []


VERSLAG = """De vaste commissie heeft vragen voorgelegd aan de Staatssecretaris van \
Infrastructuur en Waterstaat.

Vragen en opmerkingen van de leden van de VVD-fractie

1
De leden van de VVD-fractie vragen naar de UPV voor textiel.

2
Wanneer volgt de UPV voor matrassen?

Antwoord 1 en 2
Het kabinet werkt aan de UPV voor textiel. Ik zal uw Kamer in 2026 informeren.

3
De leden vragen of er ook een heffing komt.

Antwoord 3
Nee.
"""


def test_questions_link_party_topics_and_covering_answer(tiny_nlp: Language,
                                                         tiny_vocab: Vocabulary) -> None:
    letter = letter_from_text(VERSLAG)
    facts = extract_facts(letter, tiny_nlp(letter.text), tiny_vocab)
    assert [(q.number, q.party_label, q.answer) for q in facts.questions] == [
        ("1", "VVD", "1-2"), ("2", "VVD", "1-2"), ("3", "VVD", "3")]
    assert [t.rsplit("/", 1)[-1] for t in facts.questions[0].topics] == ["upv", "textiel"]
    assert [a.numbers for a in facts.answers] == [("1", "2"), ("3",)]
    assert facts.answering == ("https://w3id.org/npcegraph/id/ministry/ienw",)
    [measure] = facts.measures
    assert (measure.key, measure.ministry_source, measure.answer) == (
        "upv-textiel", "answer", "1-2")
    assert [(c.due, c.evidence.quote.strip()) for c in facts.commitments] == [
        ("2026", "Ik zal uw Kamer in 2026 informeren.")]
