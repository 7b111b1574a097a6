"""Facts extracted from one letter, each with its evidence. No RDF here: concepts are IRIs as
strings and measures carry a key from which the rdf stage mints their IRI."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

# Facts below this confidence are stored with a low-confidence flag, never dropped.
LOW_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Evidence:
    """Where a fact stands: offsets into the letter's normalised text, the quote, a confidence."""

    start: int
    end: int
    quote: str
    confidence: float

    @property
    def low_confidence(self) -> bool:
        """Whether the fact falls below :data:`LOW_CONFIDENCE`."""
        return self.confidence < LOW_CONFIDENCE


def sentence_evidence(start: int, text: str, confidence: float) -> Evidence:
    """Evidence for a sentence starting at ``start``, without its trailing white space."""
    quote = text.rstrip()
    return Evidence(start, start + len(quote), quote, confidence)


@dataclass(frozen=True)
class Mention:
    """A concept named in the text (instrument, ministry, post, product group, ...)."""

    kind: str
    concept: str
    evidence: Evidence
    ministry: str | None = None  # for a post: the ministry it belongs to on the letter's date


@dataclass(frozen=True)
class Amount:
    """A money amount in euros."""

    value: Decimal
    currency: str
    evidence: Evidence
    part_of: tuple[int, int] | None = None  # the span of the amount it is part of ("waarvan")


@dataclass(frozen=True)
class Quantity:
    """A quantity with a unit (``2 tot 4 Mton CO2``)."""

    value: Decimal
    upper: Decimal | None
    unit: str
    evidence: Evidence


@dataclass(frozen=True)
class DateMention:
    """A date, month or year named in the text."""

    value: str
    datatype: str  # date | gYearMonth | gYear
    qualifier: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Reference:
    """A reference to a kamerstuk, motie, toezegging or EU act."""

    ref_type: str
    identifier: str
    evidence: Evidence
    target: str | None = None  # concept IRI of a known EU act


@dataclass(frozen=True)
class Measure:
    """A policy measure as one letter states it."""

    key: str
    label: str
    evidence: Evidence
    status: str
    ministries: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    product_groups: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    strategies: tuple[str, ...] = ()
    amounts: tuple[Amount, ...] = ()
    eu_acts: tuple[str, ...] = ()  # the EU acts its statements are about
    ministry_source: str = "text"  # text | section | answer | sender | unknown
    statements: tuple[Evidence, ...] = ()  # every sentence of the letter that states it
    answer: str | None = None  # key of the answer (verslag schriftelijk overleg) stating it


@dataclass(frozen=True)
class LetterFacts:
    """Everything extracted from one letter."""

    sender: str | None
    co_senders: tuple[str, ...]
    mentions: tuple[Mention, ...]
    amounts: tuple[Amount, ...]
    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    references: tuple[Reference, ...]
    measures: tuple[Measure, ...]
    warnings: tuple[str, ...] = field(default=())
    questions: tuple[Any, ...] = ()  # QuestionFact (npcegraph.extract.questions)
    answers: tuple[Any, ...] = ()  # AnswerFact
    commitments: tuple[Any, ...] = ()  # Commitment (npcegraph.extract.commitments)
    candidates: tuple[Any, ...] = ()  # Candidate (npcegraph.extract.candidates)
    answering: tuple[str, ...] = ()  # ministries answering a verslag schriftelijk overleg

    def concepts(self) -> list[str]:
        """Every concept the letter mentions (ministries of posts included), sorted."""
        found = {m.concept for m in self.mentions}
        found |= {m.ministry for m in self.mentions if m.ministry}
        return sorted(found)
