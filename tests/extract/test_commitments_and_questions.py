"""Commitments and written questions on small hand-written letters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language

from npcegraph.concepts import Vocabulary
from npcegraph.extract import LetterFacts, extract_facts
from npcegraph.extract.commitments import relative_due
from npcegraph.letters import Letter, letter_from_text

FactsOf = Callable[[str], tuple[Letter, LetterFacts]]


def commitments(facts_of: FactsOf, body: str) -> list[tuple[str | None, str]]:
    """(due, first words) of each commitment found in ``body``."""
    _, facts = facts_of(body)
    return [(c.due, " ".join(c.evidence.quote.split()[:3])) for c in facts.commitments]


def test_commitments_dated_promises_and_expectations(facts_of: FactsOf) -> None:
    body = ("Ik informeer uw Kamer voor de zomer van 2026 over de UPV. "
            "De resultaten worden eind 2026 verwacht. "
            "In 2019 is de UPV voor textiel verkend. "
            "Ik zal de UPV voor matrassen uitwerken.\n")
    assert commitments(facts_of, body) == [
        ("2026", "Ik informeer uw"), ("2026", "De resultaten worden"),
        (None, "Ik zal de")]


def test_commitments_relative_dates_use_the_letters_year(facts_of: FactsOf) -> None:
    body = "Ik verwacht u na de zomer te informeren over de uitkomsten.\n"
    assert commitments(facts_of, body) == [("2026", "Ik verwacht u")]


def test_commitments_in_the_language_of_promises(facts_of: FactsOf) -> None:
    # the letter is of 3 March 2026
    body = ("Uw Kamer wordt nader geïnformeerd over de UPV voor matrassen. "
            "Over de UPV hoopt het kabinet u rond de zomer nader te kunnen informeren. "
            "De actualisatie van de UPV, die ik u in het najaar aanbied, volgt de evaluatie. "
            "Op 20 maart zullen hierover afspraken worden getekend. "
            "Het komende jaar zal de UPV worden uitgebreid. "
            "De UPV is op 2 februari jongstleden verkend.\n")
    assert commitments(facts_of, body) == [
        (None, "Uw Kamer wordt"), ("2026", "Over de UPV"), ("2026", "De actualisatie van"),
        ("2026-03-20", "Op 20 maart"), ("2027", "Het komende jaar")]


@pytest.mark.parametrize(("text", "made", "session", "expected"), [
    ("Ik informeer u voor de zomer.", date(2025, 3, 20), None, ("2025", "voor de zomer")),
    ("Ik informeer u voor de zomer.", date(2025, 10, 13), None, ("2026", "voor de zomer")),
    ("Ik informeer u dit najaar.", date(2025, 10, 13), None, ("2025", "dit najaar")),
    ("Ik informeer u op 1 februari.", date(2025, 10, 13), None, ("2026-02-01", None)),
    # an undated letter: the summer ends its vergaderjaar; "dit najaar" stays unknown
    ("Ik informeer u na de zomer.", None, "2023-2024", ("2024", "na de zomer")),
    ("Ik informeer u dit najaar.", None, "2023-2024", (None, None)),
    ("Ik informeer u voor de zomer.", None, None, (None, None)),
    # a season with its own year is no relative date (a past one is no due date at all)
    ("De ketentafel is in het najaar van 2025 gestart.", date(2026, 2, 12), None, (None, None)),
    ("Dit volgt voor de zomer van 2024.", None, "2023-2024", (None, None)),
])
def test_relative_due_dates(text: str, made: date | None, session: str | None,
                            expected: tuple[str | None, str | None]) -> None:
    value, _, qualifier = relative_due(text, made, session)
    assert (value, qualifier) == expected


def test_commitments_past_dates_and_questions_are_not_commitments(facts_of: FactsOf) -> None:
    body = ("Bij brief van 18 april 2023 zijn de vragen beantwoord. "
            "Wanneer kan het overzicht worden verwacht?\n")
    assert commitments(facts_of, body) == []


def test_commitments_start_dates_are_no_commitments(facts_of: FactsOf) -> None:
    """A date from which a measure applies or on which a scheme opens is its start, not a
    follow-up; an expected or intended start is one (the letter is of 3 March 2026)."""
    body = ("Vanaf 1 januari 2027 stelt het Rijk circulariteitseisen bij de inkoop van meubels. "
            "De regeling gaat op 1 april 2027 open. "
            "Het raamcontract, dat op 1 maart 2027 ingaat, vraagt hergebruik. "
            "De UPV treedt naar verwachting op 1 juli 2027 in werking. "
            "De proef loopt tot en met maart 2027 en wordt daarna geëvalueerd.\n")
    assert commitments(facts_of, body) == [
        ("2027-07-01", "De UPV treedt"), ("2027-03", "De proef loopt")]


def test_commitments_goal_years_are_no_due_dates(facts_of: FactsOf) -> None:
    # the letter is of 2026: 2029 is within the follow-up horizon, 2050 is a goal's year
    body = ("Het kabinet streeft ernaar dat de UPV in 2050 volledig circulair wordt. "
            "De evaluatie van de UPV wordt in 2029 verwacht.\n")
    assert commitments(facts_of, body) == [("2029", "De evaluatie van")]


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


@pytest.mark.parametrize(("answer", "source", "ministries"), [
    ("Nederland zet zich in Europa in voor een UPV voor matrassen.", "answer", ("ienw",)),
    ("Het Rijk werkt aan een UPV voor matrassen.", "answer", ("ienw",)),
    ("Sinds 2021 geldt in Nederland een UPV voor matrassen.", "unknown", ()),
])
def test_answers_make_the_answering_ministers_responsible_only_when_the_government_acts(
        tiny_nlp: Language, tiny_vocab: Vocabulary, answer: str, source: str,
        ministries: tuple[str, ...]) -> None:
    letter = letter_from_text(VERSLAG.replace("Antwoord 3\nNee.", f"Antwoord 3\n{answer}"))
    facts = extract_facts(letter, tiny_nlp(letter.text), tiny_vocab)
    [measure] = [m for m in facts.measures if m.key == "upv-matrassen"]
    assert measure.ministry_source == source
    assert tuple(m.rsplit("/", 1)[-1] for m in measure.ministries) == ministries
