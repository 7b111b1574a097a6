"""Calibrated confidence of measures.

A measure's confidence is the precision its rule features showed on the annotated corpus
(``bench/calibrate_measures.py`` prints the table; Laplace-smoothed rates, rounded). Facts below
:data:`npcegraph.extract.facts.LOW_CONFIDENCE` are stored with ``npce:lowConfidence true``.
"""

from __future__ import annotations

import re

from npcegraph.extract.facts import Measure

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

# Observed precision per feature combination on the tuning corpus (bench/calibrate_measures.py).
# Smoothed (hits + 1) / (n + 2); action-only cells pooled (too few without a cue).
CALIBRATION: dict[tuple[str, str], float] = {
    ("instrument", "several"): 0.76,
    ("instrument", "cue"): 0.58,
    ("instrument", "none"): 0.43,
    ("action-only", "several"): 0.4,
    ("action-only", "cue"): 0.4,
    ("action-only", "none"): 0.4,
}
DEFAULT_CONFIDENCE = 0.4


def measure_features(measure: Measure) -> tuple[str, str]:
    """What the confidence depends on: what anchors the measure and how well it is supported
    (stated in several sentences, or with an action cue, or neither)."""
    anchor = "instrument" if measure.instruments else "action-only"
    if len(measure.statements) > 1:
        support = "several"
    elif any(ACTION_CUE.search(s.quote) for s in measure.statements or (measure.evidence,)):
        support = "cue"
    else:
        support = "none"
    return anchor, support


def calibrated(measure: Measure) -> float:
    """The calibrated confidence of a measure."""
    return CALIBRATION.get(measure_features(measure), DEFAULT_CONFIDENCE)
