"""How well the measure-statement classifier and its confidences hold on unseen letters.

Run: ``.venv/bin/python bench/crossval_measures.py [GOLD_DIR]`` (default ``tests/gold``; the
corpus letters come from ``$NPCEGRAPH_CORPUS``, default ``../shared/corpus``). Not a test.

Prints, side by side:

1. Sentence decisions in leave-one-letter-out cross-validation over the gold letters (each
   letter scored by a model trained on the others) against two baselines: "every candidate
   sentence that names an instrument" and "every candidate sentence" — precision, recall, F1.
2. Reliability of the cross-validated probabilities: per probability bin, the mean predicted
   probability against the observed share of measure sentences, with the Brier score of the
   model and of the constant base rate.
3. Reliability of measure confidences (shipped model) on the held-out letters, before and after
   the model's Platt scaling: per bin, how many pipeline measures matched a gold measure.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from npcegraph.evaluate.gold import gold_record, load_gold_dir
from npcegraph.evaluate.run import letter_path
from npcegraph.evaluate.scores import match_measures
from npcegraph.evaluate.system import system_record
from npcegraph.evaluate.train import Example, cross_validated, letter_examples
from npcegraph.extract.statement_model import shipped_model
from npcegraph.letters import read_letter
from npcegraph.pipeline import Pipeline
from npcegraph.settings import Settings

BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)


def _prf(decisions: Sequence[tuple[bool, bool]]) -> tuple[float, float, float]:
    tp = sum(1 for said, label in decisions if said and label)
    fp = sum(1 for said, label in decisions if said and not label)
    fn = sum(1 for said, label in decisions if not said and label)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _reliability(scored: Sequence[tuple[float, bool]], title: str) -> None:
    print(f"\n{title}")
    print(f"{'bin':>11} {'n':>5} {'mean p':>7} {'observed':>9}")
    for low, high in zip(BINS, BINS[1:], strict=False):
        inside = [(p, label) for p, label in scored if low <= p < high]
        if not inside:
            print(f"{low:4.1f}–{min(high, 1.0):4.1f} {0:>5}")
            continue
        mean = sum(p for p, _ in inside) / len(inside)
        observed = sum(label for _, label in inside) / len(inside)
        print(f"{low:4.1f}–{min(high, 1.0):4.1f} {len(inside):>5} {mean:>7.2f} {observed:>9.2f}")


def sentence_report(by_letter: dict[str, list[Example]], threshold: float) -> None:
    """Cross-validated sentence decisions against the baselines, and their reliability."""
    folds = cross_validated(by_letter)
    scored = [(folds[slug].probability(features), label)
              for slug in sorted(by_letter) for features, label in by_letter[slug]]
    labels = [label for _, label in scored]
    rows = {
        f"classifier (LOLO, threshold {threshold:.2f})": [
            (p >= threshold, label) for p, label in scored],
        "every sentence naming an instrument": [
            ("has=instrument" in features, label)
            for slug in sorted(by_letter) for features, label in by_letter[slug]],
        "every candidate sentence": [(True, label) for label in labels],
    }
    print(f"{len(scored)} candidate sentences, {sum(labels)} state a measure "
          f"({len(by_letter)} letters)\n")
    print(f"{'sentence decision':48} {'P':>6} {'R':>6} {'F1':>6}")
    for name, decisions in rows.items():
        precision, recall, f1 = _prf(decisions)
        print(f"{name:48} {precision:6.3f} {recall:6.3f} {f1:6.3f}")
    base = sum(labels) / len(labels)
    brier = sum((p - lab) ** 2 for p, lab in scored) / len(scored)
    brier_base = sum((base - lab) ** 2 for lab in labels) / len(labels)
    _reliability(scored, "cross-validated sentence probabilities")
    print(f"Brier score {brier:.3f} (constant base rate {base:.2f}: {brier_base:.3f}, "
          f"ratio {brier / brier_base:.2f})")


def measure_report(gold_dir: Path, corpus: Path, pipeline: Pipeline) -> None:
    """Measure confidences against matches on the letters of ``gold_dir``: the most certain
    statement's probability, and the stored (Platt-recalibrated) confidence."""
    raw, stored = [], []
    for raw_gold in load_gold_dir(gold_dir).values():
        letter = read_letter(letter_path(raw_gold, gold_dir, corpus))
        facts = pipeline.facts(letter)
        gold = gold_record(raw_gold, letter)
        matched = match_measures(gold.measures,
                                 system_record(letter, facts, pipeline.vocabulary).measures)
        for m in facts.measures:
            raw.append((max(s.confidence for s in m.statements), m.key in matched))
            stored.append((m.evidence.confidence, m.key in matched))
    for title, scored in ((f"most certain statement vs matched gold measure ({gold_dir})", raw),
                          (f"stored measure confidence vs matched gold measure ({gold_dir})",
                           stored)):
        _reliability(scored, title)
        brier = sum((p - label) ** 2 for p, label in scored) / len(scored)
        print(f"Brier score {brier:.3f}")


def main() -> None:
    """Print the cross-validation and reliability tables."""
    gold_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/gold")
    corpus = Path(os.environ.get("NPCEGRAPH_CORPUS", "../shared/corpus"))
    pipeline = Pipeline(Settings())
    by_letter = letter_examples(gold_dir, corpus, pipeline)
    sentence_report(by_letter, shipped_model().threshold)
    heldout = gold_dir / "heldout"
    measure_report(heldout if heldout.is_dir() else gold_dir, corpus, pipeline)


if __name__ == "__main__":
    main()
