"""Where measure figures are lost: the statement classifier, or grouping and relations after it.

Run: ``.venv/bin/python bench/measure_ceilings.py [GOLD_DIR]`` (default ``tests/gold``; the
corpus letters come from ``$NPCEGRAPH_CORPUS``, default ``../shared/corpus``). Not a test.

Prints, side by side for the gold directory's letters and for its ``heldout/`` letters:

1. The shipped pipeline: measure detection, the five relations and status (F1), as
   ``npcegraph evaluate`` scores them.
2. The same pipeline with the classifier replaced by the gold: every candidate sentence that
   overlaps a gold measure quote is a statement, no other one. What remains lost here is lost
   in grouping statements into measures and in their instruments and product groups (the keys
   matching depends on), not in choosing sentences.
3. Relations on matched measures only (shipped pipeline): precision and recall of each
   relation over the pairs of a gold and a pipeline measure that matched, so what relation
   extraction gets wrong apart from the measures detection misses or adds.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from npcegraph.concepts import Vocabulary
from npcegraph.evaluate.gold import gold_record, load_gold_dir
from npcegraph.evaluate.model import RELATION_TYPES
from npcegraph.evaluate.run import SetReport, evaluate_set, letter_path
from npcegraph.evaluate.scores import Counts, match_measures, spans_overlap
from npcegraph.evaluate.system import system_record
from npcegraph.extract.statement_features import SentenceContext
from npcegraph.extract.statement_model import StatementModel
from npcegraph.letters import read_letter
from npcegraph.pipeline import Pipeline
from npcegraph.settings import Settings

CATEGORIES = ("measure", *(f"relation:{r}" for r in RELATION_TYPES), "status")


@dataclass(frozen=True)
class GoldStatements(StatementModel):
    """A stand-in classifier that knows the gold: sentences overlapping a quote are certain."""

    spans: tuple[tuple[int, int], ...] = ()

    def sentence_probability(self, context: SentenceContext, vocabulary: Vocabulary) -> float:
        sentence = [(context.start, context.start + len(context.text))]
        return 0.99 if spans_overlap(sentence, self.spans) else 0.0


def _gold_spans(raw: dict, gold_dir: Path, corpus: Path) -> tuple[tuple[int, int], ...]:
    letter = read_letter(letter_path(raw, gold_dir, corpus))
    return tuple(span for m in gold_record(raw, letter).measures for span in m.spans)


def with_gold_statements(gold_dir: Path, corpus: Path, pipeline: Pipeline) -> SetReport:
    """Score every letter of ``gold_dir`` with the classifier replaced by the gold."""
    report = SetReport(gold_dir.name)
    own = pipeline.statement_model
    try:
        for slug, raw in sorted(load_gold_dir(gold_dir).items()):
            pipeline.statement_model = GoldStatements(
                weights={}, bias=0.0, threshold=0.5, seed=0.5,
                spans=_gold_spans(raw, gold_dir, corpus))
            report.letters.update(evaluate_set(report.name, gold_dir, corpus, pipeline,
                                               [slug]).letters)
    finally:
        pipeline.statement_model = own
    return report


def matched_relations(gold_dir: Path, corpus: Path, pipeline: Pipeline) -> dict[str, Counts]:
    """Relation counts over matched measure pairs only (shipped classifier)."""
    counts = {relation: Counts() for relation in RELATION_TYPES}
    for raw in load_gold_dir(gold_dir).values():
        letter = read_letter(letter_path(raw, gold_dir, corpus))
        gold = gold_record(raw, letter)
        system = system_record(letter, pipeline.facts(letter), pipeline.vocabulary)
        gold_by_key = {m.key: m for m in gold.measures}
        system_by_key = {m.key: m for m in system.measures}
        for system_key, gold_key in match_measures(gold.measures, system.measures).items():
            for relation in RELATION_TYPES:
                expected = gold_by_key[gold_key].related(relation)
                found = system_by_key[system_key].related(relation)
                counts[relation].add(Counts(tp=len(expected & found), fp=len(found - expected),
                                            fn=len(expected - found)))
    return counts


def _row(name: str, report: SetReport) -> str:
    overall = report.overall()
    measure = overall["measure"]
    cells = " ".join(f"{overall[c].f1:>9.3f}" for c in CATEGORIES)
    return f"{name:<22} {cells}   tp {measure.tp:>3} fp {measure.fp:>3} fn {measure.fn:>3}"


def _header() -> str:
    names = " ".join(f"{c.split(':')[-1][:9]:>9}" for c in CATEGORIES)
    return f"{'F1':<22} {names}"


def main(argv: Sequence[str]) -> None:
    gold_dir = Path(argv[1]) if len(argv) > 1 else Path("tests/gold")
    corpus = Path(os.environ.get("NPCEGRAPH_CORPUS", "../shared/corpus"))
    pipeline = Pipeline(Settings())
    sets = [gold_dir] + ([gold_dir / "heldout"] if (gold_dir / "heldout").is_dir() else [])
    for directory in sets:
        print(f"\n== {directory}")
        print(_header())
        print(_row("shipped pipeline", evaluate_set(directory.name, directory, corpus,
                                                    pipeline)))
        print(_row("gold statements", with_gold_statements(directory, corpus, pipeline)))
        print("relations on matched measures (shipped pipeline):")
        for relation, c in matched_relations(directory, corpus, pipeline).items():
            print(f"  {relation:<14} P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}"
                  f"   tp {c.tp:>3} fp {c.fp:>3} fn {c.fn:>3}")


if __name__ == "__main__":
    main(sys.argv)
