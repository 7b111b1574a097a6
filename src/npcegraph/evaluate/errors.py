"""Where measure detection goes wrong in one letter: ``npcegraph evaluate --errors``.

Every unmatched gold measure (a miss) and every unmatched pipeline measure (an extra) gets a
reason, in the terms of the matching rule (:func:`npcegraph.evaluate.scores.compatible`):

- ``no statement``: no pipeline statement overlaps any of its quotes (a miss), or none of its
  statements overlaps a gold quote (an extra);
- ``instrument differs`` / ``product group differs``: a measure on the other side overlaps it,
  but their key relations disagree;
- ``paired elsewhere``: a compatible measure on the other side overlaps it, but the one-to-one
  assignment paired that one with another measure (one measure absorbed two, or one was split).

Matched pairs whose relations or status differ are listed with what is missing and extra.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from npcegraph.evaluate.model import RELATION_TYPES, LetterRecord, MeasureRecord
from npcegraph.evaluate.scores import (
    compatible,
    instruments_agree,
    match_measures,
    spans_overlap,
)

QUOTE_CHARS = 70  # characters of a statement shown per error


@dataclass(frozen=True)
class MeasureError:
    """One unmatched measure, gold (``miss``) or pipeline (``extra``), and why."""

    side: str  # miss | extra
    key: str
    label: str
    reason: str
    quote: str  # the start of its first statement or quote
    start: int
    low_confidence: bool = False
    overlapping: tuple[str, ...] = ()  # keys of the overlapping measures on the other side

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {"side": self.side, "key": self.key, "label": self.label, "reason": self.reason,
                "quote": self.quote, "start": self.start, "low_confidence": self.low_confidence,
                "overlapping": list(self.overlapping)}


@dataclass(frozen=True)
class PairError:
    """A matched pair whose relations or status disagree."""

    gold: str
    system: str
    missing: dict[str, tuple[str, ...]] = field(default_factory=dict)
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)
    status: tuple[str, str] | None = None  # (gold, system) when they differ

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {"gold": self.gold, "system": self.system,
                "missing": {k: list(v) for k, v in self.missing.items()},
                "extra": {k: list(v) for k, v in self.extra.items()},
                "status": list(self.status) if self.status else None}


@dataclass(frozen=True)
class LetterErrors:
    """The measure errors of one letter."""

    measures: tuple[MeasureError, ...] = ()
    pairs: tuple[PairError, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {"measures": [e.as_dict() for e in self.measures],
                "pairs": [p.as_dict() for p in self.pairs]}


def _reason(measure: MeasureRecord, others: Iterable[MeasureRecord], gold_side: bool,
            ) -> tuple[str, tuple[str, ...]]:
    overlapping = [o for o in others if spans_overlap(measure.spans, o.spans)]
    if not overlapping:
        return "no statement", ()
    keys = tuple(o.key for o in overlapping)
    pairs = [(o, measure) if gold_side else (measure, o) for o in overlapping]
    if any(compatible(system, gold) for system, gold in pairs):
        return "paired elsewhere", keys
    if any(instruments_agree(system, gold) for system, gold in pairs):
        return "product group differs", keys
    return "instrument differs", keys


def _quote(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, int]:
    if not spans:
        return "", 0
    start, end = min(spans)
    quote = " ".join(text[start:end].split())
    return (quote[:QUOTE_CHARS] + " …" if len(quote) > QUOTE_CHARS else quote), start


def _pair_error(gold: MeasureRecord, system: MeasureRecord) -> PairError | None:
    missing = {r: tuple(sorted(gold.related(r) - system.related(r))) for r in RELATION_TYPES}
    extra = {r: tuple(sorted(system.related(r) - gold.related(r))) for r in RELATION_TYPES}
    status = (gold.status, system.status) if gold.status != system.status else None
    missing = {k: v for k, v in missing.items() if v}
    extra = {k: v for k, v in extra.items() if v}
    if not (missing or extra or status):
        return None
    return PairError(gold.key, system.key, missing, extra, status)


def letter_errors(gold: LetterRecord, system: LetterRecord, text: str,
                  labels: dict[str, str] | None = None) -> LetterErrors:
    """The unmatched measures of one letter with their reasons, and the matched pairs whose
    relations or status differ; ``text`` is the letter's normalised text, ``labels`` the
    measures' labels by key (gold ids and pipeline keys)."""
    labels = labels or {}
    matched = match_measures(gold.measures, system.measures)
    paired_gold = set(matched.values())
    errors = []
    for side, own, others, taken in (("miss", gold.measures, system.measures, paired_gold),
                                     ("extra", system.measures, gold.measures, set(matched))):
        for measure in own:
            if measure.key in taken:
                continue
            reason, overlapping = _reason(measure, others, gold_side=side == "miss")
            quote, start = _quote(text, measure.spans)
            errors.append(MeasureError(side, measure.key, labels.get(measure.key, ""), reason,
                                       quote, start, measure.low_confidence, overlapping))
    by_key = {g.key: g for g in gold.measures}
    pairs = [p for s in system.measures if s.key in matched
             if (p := _pair_error(by_key[matched[s.key]], s)) is not None]
    return LetterErrors(tuple(sorted(errors, key=lambda e: (e.start, e.side))),
                        tuple(sorted(pairs, key=lambda p: p.gold)))
