"""Scoring rules (documented in tests/gold/README.md).

- Sets (entities, references, discovered concepts, questions): true positives are the shared
  items, false positives the system's extra items, false negatives the gold's missing ones.
- Amounts: the same on multisets of values.
- Measures: a system measure matches a gold measure when one of its statement spans overlaps one
  of the gold quote spans, their instruments intersect (or both have none) and, when both name
  product groups, those intersect. Matching is one-to-one: the most pairs, then the largest
  total overlap (:mod:`npcegraph.evaluate.assignment`).
- Relations: ``(measure, concept)`` pairs; a system pair counts when its measure matched a gold
  measure holding the same concept.
- ``measure:confident``: measure detection counting only the measures the system stores without
  the low-confidence flag (matched afresh among those): what an analyst who filters out
  ``npce:lowConfidence`` facts sees.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from npcegraph.evaluate.assignment import optimal_assignment
from npcegraph.evaluate.model import (
    ENTITY_TYPES,
    METADATA_FIELDS,
    RELATION_TYPES,
    LetterRecord,
    MeasureRecord,
)


@dataclass
class Counts:
    """True positives, false positives and false negatives of one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Pool another count into this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was to be found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Counts and rates, rounded for reports."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


def set_counts(gold: Iterable[object], system: Iterable[object]) -> Counts:
    """Counts of two sets."""
    gold_set, system_set = set(gold), set(system)
    return Counts(len(gold_set & system_set), len(system_set - gold_set),
                  len(gold_set - system_set))


def multiset_counts(gold: Iterable[object], system: Iterable[object]) -> Counts:
    """Counts of two multisets."""
    gold_bag, system_bag = Counter(gold), Counter(system)
    shared = sum((gold_bag & system_bag).values())
    return Counts(shared, sum(system_bag.values()) - shared, sum(gold_bag.values()) - shared)


def _overlap(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> int:
    best = 0
    for start, end in a:
        for other_start, other_end in b:
            best = max(best, min(end, other_end) - max(start, other_start))
    return best


def spans_overlap(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> bool:
    """Whether any span of ``a`` overlaps any span of ``b``."""
    return _overlap(a, b) > 0


def instruments_agree(system: MeasureRecord, gold: MeasureRecord) -> bool:
    """Whether two measures' instruments intersect, or both have none."""
    si, gi = system.related("instrument"), gold.related("instrument")
    return not (si or gi) or bool(si & gi)


def product_groups_agree(system: MeasureRecord, gold: MeasureRecord) -> bool:
    """Whether two measures' product groups intersect, unless one side names none."""
    sp, gp = system.related("product_group"), gold.related("product_group")
    return not (sp and gp and not sp & gp)


def compatible(system: MeasureRecord, gold: MeasureRecord) -> bool:
    """Whether the key relations of two measures agree."""
    return instruments_agree(system, gold) and product_groups_agree(system, gold)


def match_measures(gold: Iterable[MeasureRecord], system: Iterable[MeasureRecord],
                   ) -> dict[str, str]:
    """One-to-one matching, system key -> gold key: the most pairs of overlapping, compatible
    measures, and among those assignments the one with the largest total overlap."""
    gold = list(gold)
    weights = {}
    for s in system:
        for g in gold:
            overlap = _overlap(s.spans, g.spans)
            if overlap > 0 and compatible(s, g):
                weights[(s.key, g.key)] = overlap
    return optimal_assignment(weights)


def relation_counts(gold: Iterable[MeasureRecord], system: Iterable[MeasureRecord],
                    matched: dict[str, str], relation: str) -> Counts:
    """Counts of ``(measure, concept)`` pairs of one relation type."""
    gold_by_key = {g.key: g for g in gold}
    gold_pairs = {(g.key, c) for g in gold_by_key.values() for c in g.related(relation)}
    system_pairs = {(matched.get(s.key, "sys:" + s.key), c)
                    for s in system for c in s.related(relation)}
    return set_counts(gold_pairs, system_pairs)


def score_letter(gold: LetterRecord, system: LetterRecord) -> dict[str, Counts]:
    """Every category's counts for one letter."""
    result: dict[str, Counts] = {}
    for kind in ENTITY_TYPES:
        result[f"entity:{kind}"] = set_counts(gold.entities.get(kind, ()),
                                               system.entities.get(kind, ()))
    result["amount"] = multiset_counts(gold.amounts, system.amounts)
    result["reference"] = set_counts(gold.references, system.references)
    result["discovery"] = set_counts(gold.new_concepts, system.new_concepts)
    matched = match_measures(gold.measures, system.measures)
    result["measure"] = Counts(len(matched), len(system.measures) - len(matched),
                               len(gold.measures) - len(matched))
    confident = [s for s in system.measures if not s.low_confidence]
    kept = match_measures(gold.measures, confident)
    result["measure:confident"] = Counts(len(kept), len(confident) - len(kept),
                                         len(gold.measures) - len(kept))
    for relation in RELATION_TYPES:
        result[f"relation:{relation}"] = relation_counts(gold.measures, system.measures,
                                                         matched, relation)
    result["status"] = set_counts(
        {(g.key, g.status) for g in gold.measures},
        {(matched[s.key], s.status) for s in system.measures if s.key in matched})
    if gold.questions:
        result["question"] = set_counts(gold.questions, system.questions)
    (result["commitment"], result["commitment:due"],
     result["commitment:measure"]) = commitment_counts(gold, system, matched)
    return result


def commitment_counts(gold: LetterRecord, system: LetterRecord,
                      measures: dict[str, str] | None = None) -> tuple[Counts, Counts, Counts]:
    """Commitments matched one-to-one by overlapping spans; on the matches, the due date and
    the measure (a system commitment's measure must be the one matched to the gold commitment's
    measure; ``measures`` maps system measure keys to gold ones) are scored."""
    pairs = sorted(
        ((min(g_end, s_end) - max(g_start, s_start), gi, si)
         for gi, (_, (g_start, g_end), _) in enumerate(gold.commitments)
         for si, (_, (s_start, s_end), _) in enumerate(system.commitments)
         if min(g_end, s_end) > max(g_start, s_start)), reverse=True)
    matched: dict[int, int] = {}
    for _, gi, si in pairs:
        if gi not in matched and si not in matched.values():
            matched[gi] = si
    found = Counts(len(matched), len(system.commitments) - len(matched),
                   len(gold.commitments) - len(matched))

    def agreeing(same: Callable[[int, int], bool]) -> Counts:
        right = sum(1 for gi, si in matched.items() if same(gi, si))
        return Counts(right, len(matched) - right, len(gold.commitments) - right)

    linked = measures or {}

    def same_due(gi: int, si: int) -> bool:
        return gold.commitments[gi][0] == system.commitments[si][0]

    def same_measure(gi: int, si: int) -> bool:
        key = system.commitments[si][2]
        return (linked.get(key) if key else "") == gold.commitments[gi][2]

    return found, agreeing(same_due), agreeing(same_measure)


def metadata_agreement(gold: LetterRecord, system: LetterRecord) -> dict[str, bool]:
    """Whether each metadata field the gold states is exactly right."""
    return {name: gold.metadata.get(name) == system.metadata.get(name)
            for name in METADATA_FIELDS if name in gold.metadata}
