"""Written questions and answers (verslag schriftelijk overleg).

Each numbered question becomes a fact with its party groups and the answer that covers it
("Antwoord 3 t/m 6"); the answering ministers are the ministers the report's opening names
(before the first question), resolved to their ministries by the letter's date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from npcegraph.concepts import Vocabulary
from npcegraph.extract.facts import Evidence, Mention
from npcegraph.letters import Letter

QUESTION_CONFIDENCE = 0.95
# Concept kinds a question is "about" when it names them.
TOPIC_KINDS = ("instrument", "product_group", "goal", "eu_act")


@dataclass(frozen=True)
class AnswerFact:
    """One answer block and the questions it covers."""

    key: str  # "3-6" for "Antwoord 3 t/m 6"
    numbers: tuple[str, ...]
    evidence: Evidence
    ministries: tuple[str, ...]


@dataclass(frozen=True)
class QuestionFact:
    """One numbered question of a party group."""

    number: str
    party_label: str | None
    parties: tuple[str, ...]  # party concept IRIs
    evidence: Evidence
    answer: str | None  # key of the covering answer
    topics: tuple[str, ...]  # concepts the question names


def answer_key(numbers: Sequence[str]) -> str:
    """``("3", "4", "5", "6")`` -> ``"3-6"``; a single number stays itself."""
    return numbers[0] if len(numbers) == 1 else f"{numbers[0]}-{numbers[-1]}"


def _parties(vocabulary: Vocabulary, label: str | None) -> tuple[str, ...]:
    if not label:
        return ()
    wanted = [part.strip().lower() for part in re.split(r"\s+en\s+|,\s*", label) if part.strip()]
    found = []
    for name in wanted:
        for concept in vocabulary.of_kind("party"):
            forms = {form.lower() for form in (*concept.labels, concept.notation or "")}
            if name in forms or f"{name}-fractie" in forms:
                found.append(concept.iri)
                break
    return tuple(dict.fromkeys(found))


def answering_ministries(letter: Letter, mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Ministries of the ministers the opening of a verslag addresses."""
    if not letter.questions:
        return ()
    opening_end = min(q.start for q in letter.questions)
    found = [m.concept if m.kind == "ministry" else m.ministry for m in mentions
             if m.evidence.start < opening_end and m.kind in ("ministry", "post")]
    return tuple(dict.fromkeys(f for f in found if f))


def _span(letter: Letter, start: int, end: int) -> Evidence:
    return Evidence(start, end, letter.text[start:end], QUESTION_CONFIDENCE)


def questions_and_answers(letter: Letter, mentions: Sequence[Mention], vocabulary: Vocabulary,
                          ) -> tuple[tuple[QuestionFact, ...], tuple[AnswerFact, ...]]:
    """Question and answer facts of a verslag (empty for other letters)."""
    ministries = answering_ministries(letter, mentions)
    answers = tuple(AnswerFact(answer_key(a.numbers), a.numbers, _span(letter, a.start, a.end),
                               ministries) for a in letter.answers)
    covering = {number: answer.key for answer in answers for number in answer.numbers}
    questions = []
    for question in letter.questions:
        topics = tuple(dict.fromkeys(
            m.concept for m in mentions if m.kind in TOPIC_KINDS
            and question.start <= m.evidence.start < question.end))
        questions.append(QuestionFact(
            question.number, question.party, _parties(vocabulary, question.party),
            _span(letter, question.start, question.end), covering.get(question.number), topics))
    return tuple(questions), answers


def answer_at(answers: Sequence[AnswerFact], offset: int) -> AnswerFact | None:
    """The answer whose text contains ``offset``."""
    return next((a for a in answers if a.evidence.start <= offset < a.evidence.end), None)
