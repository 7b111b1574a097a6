"""Calibrated measure confidence: features and the low-confidence flag."""

from __future__ import annotations

import pytest

from npcegraph.extract.confidence import calibrated, measure_features
from npcegraph.extract.facts import LOW_CONFIDENCE, Evidence, Measure


def measure(instruments: tuple[str, ...], *quotes: str) -> Measure:
    """A measure stated by ``quotes`` (one statement each)."""
    statements = tuple(Evidence(i * 100, i * 100 + len(q), q, 0.5) for i, q in enumerate(quotes))
    return Measure(key="k", label="k", evidence=statements[0], status="s",
                   instruments=instruments, statements=statements)


@pytest.mark.parametrize(("instruments", "quotes", "features", "low"), [
    (("upv",), ("De UPV geldt.", "De UPV werkt."), ("instrument", "several"), False),
    (("upv",), ("Ik zal de UPV invoeren.",), ("instrument", "cue"), False),
    (("upv",), ("De UPV is bekend.",), ("instrument", "none"), True),
    ((), ("Het kabinet onderzoekt de keten.",), ("action-only", "cue"), True),
])
def test_confidence_follows_the_calibration_table(
        instruments: tuple[str, ...], quotes: tuple[str, ...], features: tuple[str, str],
        low: bool) -> None:
    item = measure(instruments, *quotes)
    assert measure_features(item) == features
    assert (calibrated(item) < LOW_CONFIDENCE) is low
