"""Train the measure-statement classifier from gold annotations: ``npcegraph train-measures``.

Every candidate sentence of an annotated letter is an example; it is positive when it overlaps a
quote of one of the letter's gold measures. The decision threshold is the one that maximises the
F1 of measures and their relations (averaged with its neighbouring thresholds) of the pipeline in
leave-one-letter-out cross-validation, so it is chosen on letters each fold's model did not see,
and on what the evaluation scores (measures after merging, and their relations) rather than on
single sentences; the seed threshold a measure's most certain statement must reach is chosen
the same way, on measure detection alone. Only the gold directory's own letters are used, never
``heldout/``: those judge the model. The Platt scaling of measure confidence is fitted on the
measures each fold's model finds in its left-out letter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc

from npcegraph.evaluate.gold import gold_record, load_gold_dir
from npcegraph.evaluate.model import RELATION_TYPES
from npcegraph.evaluate.run import letter_path
from npcegraph.evaluate.scores import Counts, match_measures, score_letter
from npcegraph.evaluate.system import system_record
from npcegraph.extract import LetterFacts, extract_facts, statement_contexts
from npcegraph.extract.confidence import most_certain
from npcegraph.extract.statement_features import sentence_features
from npcegraph.extract.statement_model import (
    DEFAULT_THRESHOLD,
    StatementModel,
    fit,
    fit_platt,
)
from npcegraph.letters import Letter, read_letter
from npcegraph.pipeline import Pipeline

Example = tuple[list[str], bool]
L2 = 2.0


def letter_examples(gold_dir: Path, corpus: Path, pipeline: Pipeline) -> dict[str, list[Example]]:
    """Labelled feature lists of every candidate sentence, per annotated letter."""
    result: dict[str, list[Example]] = {}
    for slug, raw in sorted(load_gold_dir(gold_dir).items()):
        letter = read_letter(letter_path(raw, gold_dir, corpus))
        spans = [span for m in gold_record(raw, letter).measures for span in m.spans]
        examples = []
        for context in statement_contexts(letter, pipeline.nlp(letter.text), pipeline.vocabulary):
            end = context.start + len(context.text)
            label = any(min(end, b) > max(context.start, a) for a, b in spans)
            examples.append((sentence_features(context, pipeline.vocabulary), label))
        result[slug] = examples
    return result


def _pooled(by_letter: dict[str, list[Example]], leave_out: str | None = None) -> list[Example]:
    return [e for slug, examples in sorted(by_letter.items()) if slug != leave_out
            for e in examples]


def _f1_at(scored: Sequence[tuple[float, bool]], threshold: float) -> float:
    tp = sum(1 for p, label in scored if p >= threshold and label)
    fp = sum(1 for p, label in scored if p >= threshold and not label)
    fn = sum(1 for p, label in scored if p < threshold and label)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


STEPS = tuple(step / 20 for step in range(1, 20))  # candidate thresholds


def smoothed_best(f1: dict[float, float]) -> float:
    """The threshold whose F1, averaged with the two neighbouring steps (so that noise in a flat
    curve does not pick an outlier), is best; the lower one on a tie."""
    steps = sorted(f1)
    smoothed = {t: sum(f1[n] for n in neighbours) / len(neighbours)
                for i, t in enumerate(steps[1:-1], start=1)
                if (neighbours := steps[i - 1:i + 2])}
    best = max(smoothed, key=lambda t: (smoothed[t], -t))
    return best if f1[best] > 0 else DEFAULT_THRESHOLD


def best_threshold(scored: Sequence[tuple[float, bool]]) -> float:
    """The threshold (in steps of 0.05) with the best smoothed F1 of sentence decisions,
    ``(probability, label)`` pairs."""
    return smoothed_best({t: _f1_at(scored, t) for t in STEPS})


# What the threshold choices optimise: measures and their relation pairs, counted together.
MEASURE_CATEGORIES = ("measure", *(f"relation:{r}" for r in RELATION_TYPES))
# The facts of one letter at one candidate threshold.
FactsAt = Callable[[Letter, Doc, StatementModel, float], LetterFacts]


def _pooled_best(folds: dict[str, StatementModel], gold_dir: Path, corpus: Path,
                 pipeline: Pipeline, facts_at: FactsAt,
                 categories: Sequence[str] = MEASURE_CATEGORIES) -> float:
    """The step with the best smoothed F1 of ``categories`` (default: measures and their
    relation pairs), counted together over the letters, each letter's facts at a step
    (``facts_at``) computed with the fold model that did not see it."""
    pooled = {t: Counts() for t in STEPS}
    for slug, raw in sorted(load_gold_dir(gold_dir).items()):
        if slug not in folds:
            continue
        letter = read_letter(letter_path(raw, gold_dir, corpus))
        doc = pipeline.nlp(letter.text)
        gold = gold_record(raw, letter)
        for t in STEPS:
            facts = facts_at(letter, doc, folds[slug], t)
            scores = score_letter(gold, system_record(letter, facts, pipeline.vocabulary))
            for category in categories:
                pooled[t].add(scores[category])
    return smoothed_best({t: c.f1 for t, c in pooled.items()})


def measure_threshold(folds: dict[str, StatementModel], gold_dir: Path, corpus: Path,
                      pipeline: Pipeline) -> float:
    """The threshold (in steps of 0.05) with the best smoothed F1 of the facts the evaluation
    scores about measures: measures and their ministry, instrument, product group, goal and
    amount pairs, counted together over the letters, each letter run with the fold model that
    did not see it."""
    def facts_at(letter: Letter, doc: Doc, fold: StatementModel, t: float) -> LetterFacts:
        return extract_facts(letter, doc, pipeline.vocabulary, pipeline.rejected,
                             replace(fold, threshold=t))
    return _pooled_best(folds, gold_dir, corpus, pipeline, facts_at)


def measure_seed(folds: dict[str, StatementModel], gold_dir: Path, corpus: Path,
                 pipeline: Pipeline, threshold: float) -> float:
    """The seed threshold (in steps of 0.05, above ``threshold``; 0.0 for none) with the best
    smoothed F1 of measure detection, pooled as in :func:`measure_threshold`: a measure is kept
    when its most certain statement reaches the seed, so the seed decides which measures exist
    (what their relations are is the statement threshold's choice). Seeds up to
    ``threshold`` score as ``threshold`` itself, so the smoothing can also choose no seed."""
    found: dict[tuple[str, int], LetterFacts] = {}

    def facts_at(letter: Letter, doc: Doc, fold: StatementModel, t: float) -> LetterFacts:
        key = (letter.slug, id(fold))
        if key not in found:  # the seed filters measures: extract once per letter
            found[key] = extract_facts(letter, doc, pipeline.vocabulary, pipeline.rejected,
                                       replace(fold, threshold=threshold))
        facts = found[key]
        return replace(facts, measures=tuple(
            m for m in facts.measures if most_certain(m) >= max(t, threshold)))
    best = _pooled_best(folds, gold_dir, corpus, pipeline, facts_at, categories=("measure",))
    return best if best > threshold else 0.0


def cross_validated(by_letter: dict[str, list[Example]], l2: float = L2,
                    ) -> dict[str, StatementModel]:
    """One model per letter, trained on all the other letters."""
    return {slug: fit(_pooled(by_letter, leave_out=slug), l2=l2) for slug in by_letter}


def calibration_pairs(folds: dict[str, StatementModel], gold_dir: Path, corpus: Path,
                      pipeline: Pipeline, threshold: float = DEFAULT_THRESHOLD,
                      seed: float = 0.0) -> list[tuple[float, bool]]:
    """For every measure the pipeline finds in a letter with the model that did not see it (at
    ``threshold`` and ``seed``): its most certain statement's probability and whether it matched
    a gold measure."""
    pairs: list[tuple[float, bool]] = []
    own = pipeline.statement_model
    try:
        for slug, raw in sorted(load_gold_dir(gold_dir).items()):
            if slug not in folds:
                continue
            letter = read_letter(letter_path(raw, gold_dir, corpus))
            pipeline.statement_model = replace(folds[slug], threshold=threshold, seed=seed,
                                               calibration=(1.0, 0.0))
            facts = pipeline.facts(letter)
            system = system_record(letter, facts, pipeline.vocabulary)
            matched = match_measures(gold_record(raw, letter).measures, system.measures)
            pairs.extend((m.evidence.confidence, m.key in matched) for m in facts.measures)
    finally:
        pipeline.statement_model = own
    return pairs


def train(by_letter: dict[str, list[Example]], l2: float = L2,
          folds: dict[str, StatementModel] | None = None,
          threshold: float | None = None) -> StatementModel:
    """A model fitted on every letter, with ``threshold`` or else the threshold of the best
    cross-validated sentence decisions (``folds``: the leave-one-letter-out models, computed when
    not given)."""
    if threshold is None:
        if folds is None:
            folds = cross_validated(by_letter, l2) if len(by_letter) > 1 else {}
        scored = [(folds[slug].probability(features), label)
                  for slug in folds for features, label in by_letter[slug]]
        threshold = best_threshold(scored) if scored else DEFAULT_THRESHOLD
    model = fit(_pooled(by_letter), l2=l2)
    return replace(model, threshold=threshold,
                   meta={**model.meta, "letters": sorted(by_letter)})


def train_from_gold(gold_dir: Path, corpus: Path, pipeline: Pipeline) -> StatementModel | None:
    """The classifier trained on the annotated letters of ``gold_dir`` with its cross-validated
    threshold and measure calibration; ``None`` when the folder has no annotated letters."""
    examples = letter_examples(gold_dir, corpus, pipeline)
    if not examples:
        return None
    folds = cross_validated(examples) if len(examples) > 1 else {}
    threshold = (measure_threshold(folds, gold_dir, corpus, pipeline) if folds
                 else DEFAULT_THRESHOLD)
    seed = measure_seed(folds, gold_dir, corpus, pipeline, threshold) if folds else 0.0
    pairs = calibration_pairs(folds, gold_dir, corpus, pipeline, threshold, seed)
    model = train(examples, folds=folds, threshold=threshold)
    return replace(model, seed=seed, calibration=fit_platt(pairs),
                   meta={**model.meta, "calibration_measures": len(pairs)})
