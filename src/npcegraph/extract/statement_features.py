"""Features of a candidate sentence for the measure-statement classifier.

A sentence is described by the language of Dutch policy letters, never by its topic words: what
the extraction already knows about it (the concepts it names: instruments by type, framing
programmes, product groups, goals, amounts, ministries, other parties as subject), the
government's voice and action (and the kind of verb it has as subject: a deed, a view, an
auxiliary), its status cue, whether it stands in a written answer, and cues
of policy language (research, funding, legal means, hedging, evaluation, a date). Words of the
letters themselves are no features: trained on four letters they learn those letters' topics,
which fits the training letters and fails on new ones (see the README's evaluation figures).
:mod:`npcegraph.extract.statement_model` weighs the features.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from npcegraph.concepts import Concept, Vocabulary
from npcegraph.extract.clause import government_verbs
from npcegraph.extract.facts import Amount, Mention

# Programmes and reports frame measures rather than being instruments put to work.
FRAMING_TYPES = frozenset({"beleidsprogramma", "monitoring-en-evaluatie"})
# The government speaking about its own action.
GOVERNMENT_VOICE = re.compile(r"\b(?:ik|we|wij|mijn|ons|onze|het kabinet|kabinet)\b",
                              re.IGNORECASE)
# An organisation or EU act this close to the sentence start is its subject.
OTHERS_WINDOW = 25
# Words of policy action ("invoeren", "zet in op", "beschikbaar", "wetsvoorstel", ...).
ACTION_CUE = re.compile(
    r"\b(zet(?:ten)?\b.{0,60}\bin (?:op|voor)|inzetten (?:op|voor)|in te zetten|invoer|ingevoerd|"
    r"introduc|"
    r"uitbrei|beschikbaar|vrijgemaakt|vrijgemaakte|open(?:gesteld|stelling|gaan|stellen)|"
    r"subsidi|ontwikkel|uit(?:werk|gewerkt|voer)|verken|onderzo(?:e|c)|treff|getroffen|maatregel|"
    r"stimuler|verplicht|wetsvoorstel|wetgeving|aanscherp|verhog|stur(?:ing|en)|toe(?:pass|gepast)|"
    r"inkoop|inkopen|voorbereid|consult|gestart|starten|start|gerealiseerd|afgerond|opgeleverd|"
    r"besloten|besluit|voorstel|zal|zullen|ga(?:at|an)? .{0,40}(?:doen|maken|regelen)|"
    r"werk(?:t|en)? aan|bijdrage|financier|middelen|budget|regeling|programma)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)


def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Cues of policy language, each one feature ("cue=research"); kept when leaving it out lowers the
# classifier's leave-one-letter-out F1 or raises its Brier score.
POLICY_CUES: dict[str, re.Pattern[str]] = {
    "hedge": _cue(r"\b(?:kan|kunnen|zou|zouden|mogelijk|eventueel|wellicht|mogelijkheden)\b"),
    "passive": _cue(r"\b(?:wordt|worden|werd|werden)\b"),
    "perfect": _cue(r"\b(?:heeft|hebben|is|zijn)\b[^.]{0,80}\bge\w+(?:d|t|en)\b"),
    "research": _cue(r"\b(?:onderzo\w*|verken\w*|studie|analyse|evaluatie|ge[eë]valueerd|"
                     r"evalu\w+)\b"),
    "funding": _cue(r"(?:€|\b(?:miljoen|miljard|mln|subsidie\w*|financier\w*|budget\w*|"
                    r"middelen|beschikbaar)\b)"),
    "legal": _cue(r"\b(?:wet\w*|besluit\w*|regeling\w*|verplicht\w*|amvb|richtlijn\w*|"
                  r"verordening\w*|norm\w*|eis\w*)\b"),
    "evaluative": _cue(r"\b(?:belangrijk\w*|noodzakelijk|essentieel|uitdaging\w*|cruciaal|"
                       r"van belang|wenselijk|nodig)\b"),
    "negation": _cue(r"\b(?:niet|geen|nooit)\b"),
    "date": _cue(r"\b(?:20\d\d|januari|februari|maart|april|mei|juni|juli|augustus|september|"
                 r"oktober|november|december|zomer|najaar|voorjaar)\b"),
    "collaboration": _cue(r"\b(?:samen met|in samenwerking|samenwerk\w*|afspraken|akkoord|"
                          r"convenant)\b"),
    "goal-talk": _cue(r"\b(?:doel\w*|ambitie\w*|streven|streef\w*)\b"),
    "cabinet": _cue(r"\b(?:het kabinet|de regering|het rijk|de overheid|nederland)\b"),
}


@dataclass(frozen=True)
class SentenceContext:
    """A candidate sentence and what the extraction found in and around it."""

    start: int  # offset of the sentence in the letter's text
    text: str  # the sentence
    previous: str  # the paragraph's text before the sentence (up to a window)
    mentions: Sequence[Mention]  # concept mentions inside the sentence
    amounts: Sequence[Amount]  # money amounts inside the sentence
    status: str  # status slug its cues give, "" when none
    in_answer: bool  # inside a written answer (verslag schriftelijk overleg)
    government_action: bool  # a government actor doing something concrete


def is_framing(concept: Concept) -> bool:
    """Whether an instrument is a programme or report that frames measures (NPCE, ICER)."""
    return bool(concept.types) and set(concept.types) <= FRAMING_TYPES


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _length_bucket(words: int) -> str:
    return "short" if words < 10 else "medium" if words < 25 else "long" if words < 45 else "xl"


def sentence_features(context: SentenceContext, vocabulary: Vocabulary) -> list[str]:
    """The feature names that hold for one candidate sentence (each counted once)."""
    words = _words(context.text)
    features: set[str] = {"bias", f"len={_length_bucket(len(words))}"}
    features.update(f"cue={name}" for name, pattern in POLICY_CUES.items()
                    if pattern.search(context.text))
    kinds = {m.kind for m in context.mentions}
    for kind in kinds:
        features.add(f"has={kind}")
    instruments = [c for m in context.mentions if m.kind == "instrument"
                   if (c := vocabulary.get(m.concept)) is not None]
    framing = [c for c in instruments if is_framing(c)]
    real = [c for c in instruments if c not in framing]
    if real:
        features.add("instrument=real")
        features.update(f"instrument-type={t}" for c in real for t in c.types)
        features.add(f"instruments={min(len({c.slug for c in real}), 3)}")
    if framing and not real:
        features.add("instrument=framing-only")
    if context.amounts:
        features.add("amount")
    others = [m for m in context.mentions if m.kind in ("organisation", "eu_act")
              and m.evidence.start - context.start < OTHERS_WINDOW]
    voice = bool(GOVERNMENT_VOICE.search(context.text))
    if others:
        features.add("others-subject" + ("+voice" if voice else ""))
    if voice:
        features.add("voice")
    elif GOVERNMENT_VOICE.search(context.previous):
        features.add("voice-before")
    if context.government_action:
        features.add("government-action")
    verbs = government_verbs(context.text)
    features.update(f"government-verb={v}" for v in verbs)
    if verbs:
        features.add("government-subject")
    action = bool(ACTION_CUE.search(context.text))
    if action:
        features.add("action-cue")
    if instruments and not (action or voice or context.government_action or context.status
                            or context.amounts):
        features.add("mention-only")  # "De UPV is een bekend begrip."
    features.add(f"status={context.status or 'none'}")
    if context.in_answer:
        features.add("in-answer")
    if real and (context.government_action or voice):
        features.add("instrument+actor")
    return sorted(features)
