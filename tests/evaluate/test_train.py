"""Training the measure-statement classifier: threshold choice and leave-one-letter-out."""

from __future__ import annotations

from npcegraph.evaluate.train import best_threshold, cross_validated, train


def test_the_threshold_maximises_f1_smoothed_over_neighbours() -> None:
    # Positives at 0.9 and 0.6, negatives at 0.4 and 0.1: any threshold in (0.4, 0.6] is
    # perfect; smoothing prefers the middle of that plateau to its edges.
    scored = [(0.9, True), (0.6, True), (0.4, False), (0.1, False)]
    assert best_threshold(scored) == 0.5


def test_a_lone_lucky_threshold_does_not_win_over_a_plateau() -> None:
    # F1 peaks at 0.89 at threshold 0.3 alone (0.75 at 0.35) and is 0.86 from 0.4 to 0.55.
    scored = [(0.32, True), (0.57, True), (0.62, True), (0.62, True),
              (0.27, False), (0.27, False), (0.37, False)]
    assert best_threshold(scored) == 0.45


def test_training_is_cross_validated_per_letter_and_keeps_its_letters() -> None:
    by_letter = {
        "a": [(["cue"], True)] * 10 + [(["w=de"], False)] * 10,
        "b": [(["cue", "w=het"], True)] * 10 + [(["w=het"], False)] * 10,
    }
    folds = cross_validated(by_letter, l2=1.0)
    assert sorted(folds) == ["a", "b"]
    model = train(by_letter, l2=1.0)
    assert model.meta["letters"] == ["a", "b"]
    assert model.probability(["cue"]) > model.threshold > model.probability(["w=de"])
