"""Measure confidence: the classifier's probability of the most certain statement."""

from __future__ import annotations

from npcegraph.extract.confidence import measure_confidence
from npcegraph.extract.facts import LOW_CONFIDENCE, Evidence, Measure
from npcegraph.extract.statement_model import StatementModel, fit, fit_platt


def measure(*confidences: float) -> Measure:
    """A measure stated by one sentence per confidence."""
    statements = tuple(Evidence(i * 100, i * 100 + 10, "De UPV geldt.", c)
                       for i, c in enumerate(confidences))
    return Measure(key="k", label="k", evidence=statements[0], status="s",
                   instruments=("upv",), statements=statements)


def test_a_measure_is_as_certain_as_its_most_certain_statement() -> None:
    assert measure_confidence(measure(0.3, 0.8, 0.45)) == 0.8
    assert measure_confidence(measure(0.3)) < LOW_CONFIDENCE


def test_probability_adds_weights_of_present_features() -> None:
    model = StatementModel(weights={"a": 2.0, "b": -1.0}, bias=-1.0, threshold=0.5)
    assert round(model.probability(["a"]), 4) == 0.7311  # sigmoid(1)
    assert round(model.probability(["a", "b"]), 4) == 0.5
    assert round(model.probability(["unknown"]), 4) == 0.2689  # sigmoid(-1)


def test_model_round_trips_through_json() -> None:
    model = StatementModel(weights={"w=upv": 1.25}, bias=-0.5, threshold=0.3, meta={"x": 1},
                           seed=0.4)
    assert StatementModel.from_json(model.to_json()) == model


def test_the_seed_threshold_is_never_below_the_statement_threshold() -> None:
    # a model written before the seed existed has none: the statement threshold alone counts
    old = StatementModel(weights={}, bias=0.0, threshold=0.3)
    assert StatementModel.from_json(old.to_json().replace('"seed": 0.0,', "")).seed == 0.0
    assert old.measure_seed == 0.3
    assert StatementModel(weights={}, bias=0.0, threshold=0.3, seed=0.45).measure_seed == 0.45


def test_fit_learns_which_feature_marks_a_statement() -> None:
    examples = [(["cue", "w=de"], True)] * 20 + [(["w=de"], False)] * 20 + [(["rare"], True)]
    model = fit(examples, l2=1.0, min_count=2)
    assert "rare" not in model.weights  # seen once: left out
    assert model.probability(["cue", "w=de"]) > 0.8
    assert model.probability(["w=de"]) < 0.2


def test_platt_scaling_maps_a_measures_best_statement_to_its_observed_precision() -> None:
    # measures whose best statement says 0.9 were right 3 times in 4; those at 0.3, 1 in 4
    pairs = [(0.9, True)] * 3 + [(0.9, False)] + [(0.3, True)] + [(0.3, False)] * 3
    a, b = fit_platt(pairs, l2=0.0)
    model = StatementModel(weights={}, bias=0.0, calibration=(a, b))
    assert round(model.measure_probability(0.9), 2) == 0.75
    assert round(model.measure_probability(0.3), 2) == 0.25
    assert fit_platt([(0.8, True)] * 3) == (1.0, 0.0)  # one outcome only: identity


def test_a_calibrated_model_recalibrates_measure_confidence() -> None:
    model = StatementModel(weights={}, bias=0.0, calibration=(0.5, 0.0))
    assert measure_confidence(measure(0.3, 0.9), model) == 0.75  # sigmoid(0.5 * logit(0.9))
    assert measure_confidence(measure(0.3, 0.9)) == 0.9
    assert StatementModel.from_json(model.to_json()).calibration == (0.5, 0.0)
