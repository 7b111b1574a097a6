"""Commitments: toezeggingen and announced follow-ups, dated where the letter dates them.

A sentence (not a question of the Kamer) is a commitment when the government promises to inform
or report to the Kamer ("Ik verwacht u na de zomer te informeren", "Ik zal uw Kamer ...
berichten"), says "zeg ik toe", or expects a result by a date ("De resultaten worden eind 2025
verwacht"). The due date is the first date or year the sentence names within three years of
the letter's year (later years are goals' target years), with its qualifier ("eind", "voor de
zomer van"), or the letter's year for "voor de zomer", "dit najaar", "later dit jaar" (the next
year for "volgend jaar").
The commitment belongs to the measure stated in the same sentence, else to the nearest measure
before it in the same section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from npcegraph.extract.facts import DateMention, Evidence, Measure, sentence_evidence
from npcegraph.extract.scope import SectionIndex

_INFORM = (r"(?:informeren|informeer|berichten|bericht|rapporteren|rapporteer|toesturen|"
           r"toezenden|sturen|stuur|zenden|aanbieden|bied|op de hoogte (?:brengen|houden|stellen)"
           r"|terugkomen|terug|nader in)")
_PROMISE = re.compile(
    rf"\b(?:ik|wij|we|het kabinet|de minister|de staatssecretaris)\b[^.;]{{0,80}}?"
    rf"\b(?:zal|zullen|ga|gaan|verwacht|verwachten|wil|kom|komen)\b[^.;]{{0,140}}?\b{_INFORM}\b"
    rf"|\b(?:zeg|zeggen)\s(?:ik|wij|we)\b[^.;]{{0,40}}\btoe\b",
    re.IGNORECASE,
)
# Expectations count only with a date: "De resultaten worden eind 2025 verwacht".
_EXPECTED = re.compile(
    r"\b(?:worden|wordt|is|zijn)\b[^.;]{0,60}\bverwacht\b|\bverwacht\b[^.;]{0,40}"
    r"\b(?:gereed|afgerond|beschikbaar|klaar|opgeleverd)\b",
    re.IGNORECASE,
)
# With a date in the letter's year or later, these make a sentence a dated commitment.
_FUTURE = re.compile(
    r"\b(?:zal|zullen|gaat|gaan|wordt|worden|verwacht|verwachten|voorzien|naar verwachting|"
    r"streef|streven|volgt|volgen|komt|komen|start|starten|treedt|stuur|informeer|bied|"
    r"aanbieden|gereed|bekend|uitgewerkt|geactualiseerd)\b", re.IGNORECASE)
# "Ik zal ...", "zal het kabinet ...": a promise even without a date.
_WILL = re.compile(r"\b(?:ik|we|wij|het kabinet|het rijk)\s(?:zal|zullen)\b"
                   r"|\b(?:zal|zullen)\s(?:ik|we|wij|het kabinet|het rijk)\b", re.IGNORECASE)
# Dates relative to the letter's year.
_THIS_YEAR = re.compile(r"\b(?:(?:voor|na|rond|vóór)\s(?:de|het)\s(?:zomer|zomerreces|kerstreces|"
                        r"meireces|herfstreces)|(?:later|eind|begin|medio)?\s?dit\s(?:jaar|najaar|"
                        r"voorjaar)|dit\snajaar|komend\snajaar|komende\szomer)\b", re.IGNORECASE)
_NEXT_YEAR = re.compile(r"\b(?:volgend|komend)\sjaar\b", re.IGNORECASE)
# Years after the letter's year within which a date can be a follow-up's due date.
FOLLOW_UP_HORIZON = 3
COMMITMENT_CONFIDENCE = 0.75
DATED_CONFIDENCE = 0.85


@dataclass(frozen=True)
class Commitment:
    """A promise with its due date (when the letter gives one) and measure."""

    evidence: Evidence
    due: str | None
    due_datatype: str | None
    qualifier: str | None
    measure: str | None  # key of the measure it belongs to


def _measure_for(measures: Sequence[Measure], sections: SectionIndex, start: int,
                 ) -> str | None:
    for measure in measures:
        if any(e.start <= start < e.end for e in measure.statements):
            return measure.key
    section = sections.bounds(start)
    before = [(e.start, m.key) for m in measures for e in m.statements
              if section[0] <= e.start < start]
    return max(before)[1] if before else None


def _before(mention: DateMention, made: date | None) -> bool:
    """Whether a date lies before the letter's date, at the mention's own precision."""
    if made is None:
        return False
    return mention.value < made.isoformat()[: len(mention.value)]


def _target(mention: DateMention, year: int | None) -> bool:
    """Whether a date lies beyond the follow-up horizon: a goal's target year ("in 2050
    klimaatneutraal"), not a due date."""
    return year is not None and int(mention.value[:4]) > year + FOLLOW_UP_HORIZON


def find_commitments(doc: Doc, dates: Sequence[DateMention], measures: Sequence[Measure],
                     sections: SectionIndex, body_end: int,
                     questions: Sequence[tuple[int, int]] = (), made: date | None = None,
                     ) -> list[Commitment]:
    """Every commitment sentence of the body (questions asked by the Kamer excluded); ``made``
    is the letter's date (dates before it are history, not promises)."""
    year = made.year if made else None
    found = []
    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        if start >= body_end:
            break
        asked = sentence.text.rstrip().endswith("?") or any(
            q_start <= start < q_end for q_start, q_end in questions)
        if asked:
            continue
        dated = [d for d in dates if start <= d.evidence.start < end and not _before(d, made)
                 and not _target(d, year)]
        due: tuple[str | None, str | None, str | None] = (None, None, None)
        if dated:
            due = (dated[0].value, dated[0].datatype, dated[0].qualifier)
        elif year is not None and (relative := _THIS_YEAR.search(sentence.text)):
            due = (str(year), "gYear", relative.group().strip().lower())
        elif year is not None and (relative := _NEXT_YEAR.search(sentence.text)):
            due = (str(year + 1), "gYear", relative.group().lower())
        future = _EXPECTED.search(sentence.text) or _FUTURE.search(sentence.text)
        if not (_PROMISE.search(sentence.text) or _WILL.search(sentence.text)
                or (due[0] and future)):
            continue
        confidence = DATED_CONFIDENCE if due[0] else COMMITMENT_CONFIDENCE
        found.append(Commitment(sentence_evidence(start, sentence.text, confidence), *due,
                                _measure_for(measures, sections, start)))
    return found
