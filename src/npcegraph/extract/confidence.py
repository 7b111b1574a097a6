"""Confidence of measures.

Each statement's confidence is the measure-statement classifier's probability
(:mod:`npcegraph.extract.statement_model`); a measure's confidence starts from its most certain
statement, recalibrated by the model's Platt scaling (fitted on letters each fold's model had
not seen), because a measure stated in several sentences is not as sure as its best one. Facts
below :data:`npcegraph.extract.facts.LOW_CONFIDENCE` are stored with ``npce:lowConfidence true``.
``bench/crossval_measures.py`` prints how well these probabilities match the observed precision
on letters the model was not trained on.
"""

from __future__ import annotations

from npcegraph.extract.facts import Measure
from npcegraph.extract.statement_model import StatementModel


def most_certain(measure: Measure) -> float:
    """The probability of a measure's most certain statement."""
    return max((s.confidence for s in measure.statements), default=measure.evidence.confidence)


def measure_confidence(measure: Measure, model: StatementModel | None = None) -> float:
    """The confidence of a measure: that of its most certain statement, recalibrated by the
    model's Platt scaling when a model is given."""
    best = most_certain(measure)
    return round(model.measure_probability(best), 2) if model is not None else best
