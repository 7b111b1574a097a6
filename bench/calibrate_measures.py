"""Observed precision of measure statements by rule features on the annotated corpus.

Run: ``.venv/bin/python bench/calibrate_measures.py [GOLD_DIR]``. Prints, for each feature
combination, how many pipeline measures it produced and how many matched a gold measure; the
smoothed rates are the confidences in ``npcegraph.extract.confidence``. Not a test.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

from npcegraph.evaluate.gold import gold_record, load_gold_dir
from npcegraph.evaluate.run import letter_path
from npcegraph.evaluate.scores import match_measures
from npcegraph.evaluate.system import system_record
from npcegraph.extract.confidence import measure_features
from npcegraph.letters import read_letter
from npcegraph.pipeline import Pipeline
from npcegraph.settings import Settings


def main() -> None:
    """Print observed precision per feature combination."""
    gold_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/gold")
    corpus = Path(os.environ.get("NPCEGRAPH_CORPUS", "../shared/corpus"))
    pipeline = Pipeline(Settings())
    total: Counter[tuple[str, ...]] = Counter()
    hits: Counter[tuple[str, ...]] = Counter()
    for raw in load_gold_dir(gold_dir).values():
        letter = read_letter(letter_path(raw, gold_dir, corpus))
        facts = pipeline.facts(letter)
        gold = gold_record(raw, letter)
        matched = match_measures(gold.measures,
                                 system_record(letter, facts, pipeline.vocabulary).measures)
        for measure in facts.measures:
            features = measure_features(measure)
            total[features] += 1
            hits[features] += measure.key in matched
    print(f"{'features':60} {'n':>4} {'hit':>4} {'rate':>6} {'smoothed':>8}")
    for features, n in sorted(total.items(), key=lambda item: -item[1]):
        rate = hits[features] / n
        smoothed = (hits[features] + 1) / (n + 2)
        print(f"{' '.join(features):60} {n:>4} {hits[features]:>4} {rate:>6.2f} {smoothed:>8.2f}")


if __name__ == "__main__":
    main()
