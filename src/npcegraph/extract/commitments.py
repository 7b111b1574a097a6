"""Commitments: toezeggingen and announced follow-ups, dated where the letter dates them.

A sentence (not a question of the Kamer) is a commitment when the government promises to inform
or report to the Kamer ("Ik verwacht u na de zomer te informeren", "Ik zal uw Kamer ...
berichten", "Uw Kamer wordt nader geïnformeerd", "hoopt het kabinet u ... te informeren"), says
"zeg ik toe", or expects a result by a date ("De resultaten worden eind 2025 verwacht", "die ik u
in het najaar aanbied"). A measure's start is no such date: a date the measure applies from
("Vanaf 1 januari 2027 stelt het Rijk ... eisen") or on which a scheme opens or a contract takes
effect ("De regeling gaat op 1 april 2027 open"), unless the start is expected or intended ("De
UPV treedt naar verwachting op 1 juli 2027 in werking"). The due date is the first date or year
the sentence names within three years of the letter's year (later years are goals' target
years), with its qualifier ("eind",
"voor de zomer van"); else a day and month without a year ("op 20 maart"), in the letter's year
unless that day has passed; else a season or recess relative to the letter's date: "dit
najaar", "in het najaar", "later dit jaar" fall in the letter's year, "voor de zomer", "na het
meireces", "in het voorjaar" in the letter's year when the letter is from before the summer
and in the next year when it is from after, "volgend jaar" and "het komende jaar" in the next
year. An undated letter still has its vergaderjaar (from its page footers): the summer and spring
always fall in the vergaderjaar's second calendar year; other relative dates stay unknown.
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
from npcegraph.extract.timing import before, beyond_horizon
from npcegraph.letters.metadata import label_years
from npcegraph.nlp.dates import MONTHS

_INFORM = (r"(?:informeren|informeer|berichten|bericht|rapporteren|rapporteer|toesturen|"
           r"toezenden|sturen|stuur|zenden|aanbieden|bied|op de hoogte (?:brengen|houden|stellen)"
           r"|terugkomen|terug|nader in)")
_PROMISE = re.compile(
    rf"\b(?:ik|wij|we|het kabinet|de minister|de staatssecretaris)\b[^.;]{{0,80}}?"
    rf"\b(?:zal|zullen|ga|gaan|verwacht|verwachten|wil|kom|komen|hoop|hoopt|hopen)\b[^.;]{{0,140}}?"
    rf"\b{_INFORM}\b"
    rf"|\b(?:zal|zullen|verwacht|verwachten|wil|hoop|hoopt|hopen)\s(?:ik|wij|we|het kabinet)\b"
    rf"[^.;]{{0,140}}?\b{_INFORM}\b"
    rf"|\b(?:zeg|zeggen)\s(?:ik|wij|we)\b[^.;]{{0,40}}\btoe\b"
    # the Kamer informed, in the passive: "Uw Kamer wordt nader geïnformeerd over ..."
    r"|\b(?:uw|de)\skamer\b[^.;]{0,20}?\b(?:wordt|zal)\b[^.;]{0,80}?"
    r"\b(?:ge[iï]nformeerd|bericht|op de hoogte gehouden|op de hoogte gesteld)\b"
    r"|\b(?:wordt|zal)\s(?:uw|de)\skamer\b[^.;]{0,80}?\bge[iï]nformeerd\b",
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
    r"streef|streven|volgt|volgen|komt|komen|start|starten|treedt|stuur|stuurt|informeer|"
    r"informeert|bied|biedt|aanbied|aanbiedt|aanbieden|ontvangt|gereed|bekend|uitgewerkt|"
    r"geactualiseerd)\b", re.IGNORECASE)
# "Ik zal ...", "zal het kabinet ...": a promise even without a date.
_WILL = re.compile(r"\b(?:ik|we|wij|het kabinet|het rijk)\s(?:zal|zullen)\b"
                   r"|\b(?:zal|zullen)\s(?:ik|we|wij|het kabinet|het rijk)\b", re.IGNORECASE)
# Dates relative to the letter's date: this year's ("dit najaar", "later dit jaar"), the coming
# summer or spring ("voor de zomer", "na het meireces", "in het voorjaar") and next year's.
# A season or recess with its year ("in het najaar van 2025") is a date of its own, not one
# relative to the letter.
_NO_YEAR = r"(?!\s+(?:van\s+)?(?:19|20)\d\d)"
_THIS_YEAR = re.compile(r"\b(?:(?:later|eind|begin|medio)\s)?dit\s(?:jaar|najaar|voorjaar)\b"
                        r"|\b(?:in\shet|komend|komende)\snajaar\b" + _NO_YEAR +
                        r"|\b(?:voor|na|rond|vóór)\s(?:het|de)\s(?:herfstreces|kerstreces)\b"
                        + _NO_YEAR, re.IGNORECASE)
_COMING_SUMMER = re.compile(r"\b(?:(?:voor|na|rond|vóór)\s(?:de|het)\s(?:zomer|zomerreces|"
                            r"meireces|voorjaarsreces)|komende\szomer|in\shet\svoorjaar)\b"
                            + _NO_YEAR, re.IGNORECASE)
_NEXT_YEAR = re.compile(r"\b(?:het\s)?(?:volgend|volgende|komend|komende)\sjaar\b", re.IGNORECASE)
# A day and month without a year, not one that has passed: "op 20 maart", not "20 december
# jongstleden".
_DAY_MONTH = re.compile(rf"\b(?P<day>[0-3]?\d)\s(?P<month>{'|'.join(MONTHS)})\b"
                        r"(?!\s+(?:(?:19|20)\d\d|jongstleden|jl\b|j\.l\.))", re.IGNORECASE)
# A date from which something applies ("vanaf 2030", "met ingang van 1 januari 2028"; not "per",
# which also dates steps: "wordt per 1 januari 2028 opgenomen") or on which a scheme opens or a
# rule takes effect ("De regeling gaat op 1 april 2028 open", "het raamcontract, dat op 1 maart
# 2028 ingaat"): the measure's start, not a follow-up (gold README: start dates are no
# commitments).
_FROM_DATE = re.compile(r"\b(?:vanaf|met ingang van|m\.i\.v\.)(?:\s\w+){0,2}\s*$",
                        re.IGNORECASE)
_TAKES_EFFECT = re.compile(r"\b(?:gaa?t\b[^.;]{0,60}\bopen|gaan\b[^.;]{0,60}\bopen|open(?:t|en)?\s"
                           r"(?:ik|we|wij|het kabinet)|ingaa?t|ingaan|in werking|van kracht)\b",
                           re.IGNORECASE)
# An expected or intended date ("treedt naar verwachting op 1 juli 2027 in werking", "streeft
# ernaar dat de wet op ... in werking treedt") is a follow-up, also when it is a start.
_AIMED = re.compile(r"\b(?:naar verwachting|verwacht\w*|stree[fv]\w*|voorzien|beoog\w*)\b",
                    re.IGNORECASE)
# The summer recess ends a vergaderjaar: a letter after it speaks of next year's summer.
_SUMMER_MONTH = 7
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


def relative_due(text: str, made: date | None, session: str | None = None,
                 ) -> tuple[str | None, str | None, str | None]:
    """A due date named relative to the letter: ``(value, datatype, qualifier)``, all ``None``
    when the sentence names none or the letter's date does not fix it."""
    day = _DAY_MONTH.search(text)
    if made is not None and day and 1 <= int(day["day"]) <= 31:
        month, number = MONTHS[day["month"].lower()], int(day["day"])
        year = made.year + 1 if (month, number) < (made.month, made.day) else made.year
        return f"{year}-{month:02d}-{number:02d}", "date", None
    if summer := _COMING_SUMMER.search(text):
        if made is not None:
            year = made.year + 1 if made.month > _SUMMER_MONTH else made.year
        elif session:
            year = label_years(session)[1]
        else:
            return None, None, None
        return str(year), "gYear", summer.group().lower()
    if made is None:
        return None, None, None
    if relative := _THIS_YEAR.search(text):
        return str(made.year), "gYear", relative.group().lower()
    if relative := _NEXT_YEAR.search(text):
        return str(made.year + 1), "gYear", relative.group().lower()
    return None, None, None


def find_commitments(doc: Doc, dates: Sequence[DateMention], measures: Sequence[Measure],
                     sections: SectionIndex, body_end: int,
                     questions: Sequence[tuple[int, int]] = (), made: date | None = None,
                     session: str | None = None) -> list[Commitment]:
    """Every commitment sentence of the body (questions asked by the Kamer excluded); ``made``
    is the letter's date (dates before it are history, not promises), ``session`` its
    vergaderjaar ("2023-2024"), which stands in for an unknown date's year."""
    year = made.year if made else label_years(session)[1] if session else None
    text = doc.text  # Doc.text joins every token: compute it once
    found = []
    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        if start >= body_end:
            break
        asked = sentence.text.rstrip().endswith("?") or any(
            q_start <= start < q_end for q_start, q_end in questions)
        if asked:
            continue
        aimed = bool(_AIMED.search(sentence.text))
        starts = not aimed and bool(_TAKES_EFFECT.search(sentence.text))
        dated = [d for d in dates if start <= d.evidence.start < end and not before(d, made)
                 and not beyond_horizon(d, year) and not starts
                 and (aimed or not _FROM_DATE.search(
                     text[max(start, d.evidence.start - 30):d.evidence.start]))]
        due: tuple[str | None, str | None, str | None] = (None, None, None)
        if dated:
            due = (dated[0].value, dated[0].datatype, dated[0].qualifier)
        else:
            due = relative_due(sentence.text, made, session)
        future = _EXPECTED.search(sentence.text) or _FUTURE.search(sentence.text)
        if not (_PROMISE.search(sentence.text) or _WILL.search(sentence.text)
                or (due[0] and future)):
            continue
        confidence = DATED_CONFIDENCE if due[0] else COMMITMENT_CONFIDENCE
        found.append(Commitment(sentence_evidence(start, sentence.text, confidence), *due,
                                _measure_for(measures, sections, start)))
    return found
