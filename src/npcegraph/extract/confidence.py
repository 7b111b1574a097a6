"""Confidence of measures.

Each statement's confidence is the measure-statement classifier's probability
(:mod:`npcegraph.extract.statement_model`); a measure's confidence starts from its most certain
statement, recalibrated by the model's Platt scaling (fitted on letters each fold's model had
not seen), because a measure stated in several sentences is not as sure as its best one. Facts below
:data:`npcegraph.extract.facts.LOW_CONFIDENCE` are stored with ``npce:lowConfidence true``.
``bench/crossval_measures.py`` prints how well these probabilities match the observed precision
on letters the model was not trained on.
"""

from __future__ import annotations

import re

from npcegraph.extract.facts import Measure
from npcegraph.extract.statement_model import StatementModel

ACTION_CUE = re.compile(
    r"\b(zet(?:ten)?\b.{0,60}\bin op|inzetten op|in te zetten|invoer|ingevoerd|introduc|"
    r"uitbrei|beschikbaar|vrijgemaakt|vrijgemaakte|open(?:gesteld|stelling|gaan|stellen)|"
    r"subsidi|ontwikkel|uit(?:werk|gewerkt|voer)|verken|onderzo(?:e|c)|treff|getroffen|maatregel|"
    r"stimuler|verplicht|wetsvoorstel|wetgeving|aanscherp|verhog|stur(?:ing|en)|toe(?:pass|gepast)|"
    r"inkoop|inkopen|voorbereid|consult|gestart|starten|start|gerealiseerd|afgerond|opgeleverd|"
    r"besloten|besluit|voorstel|zal|zullen|ga(?:at|an)? .{0,40}(?:doen|maken|regelen)|"
    r"werk(?:t|en)? aan|bijdrage|financier|middelen|budget|regeling|programma)",
    re.IGNORECASE,
)


def measure_confidence(measure: Measure, model: StatementModel | None = None) -> float:
    """The confidence of a measure: that of its most certain statement, recalibrated by the
    model's Platt scaling when a model is given."""
    best = max((s.confidence for s in measure.statements), default=measure.evidence.confidence)
    return round(model.measure_probability(best), 2) if model is not None else best
