"""Plain records both sides of an evaluation are reduced to: gold (from YAML) and system
(from the pipeline's facts), so the scoring rules can be tested on hand-made cases."""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("instrument", "ministry", "organisation", "product_group", "goal")
RELATION_TYPES = ("ministry", "instrument", "product_group", "goal", "amount")
METADATA_FIELDS = ("dossier", "number", "document_number", "date", "kind", "sender",
                   "co_senders", "signer")


@dataclass(frozen=True)
class MeasureRecord:
    """One measure: where it is stated and what it relates to (concepts as slugs)."""

    key: str
    spans: tuple[tuple[int, int], ...]
    relations: dict[str, frozenset[str]] = field(default_factory=dict)
    status: str = "onbekend"
    low_confidence: bool = False  # the system stores it flagged (npce:lowConfidence)

    def related(self, relation: str) -> frozenset[str]:
        """Concept slugs (or amount values) of one relation type."""
        return self.relations.get(relation, frozenset())


@dataclass(frozen=True)
class LetterRecord:
    """Everything scored for one letter, on one side (gold or system)."""

    letter: str
    metadata: dict[str, object]
    entities: dict[str, frozenset[str]]
    new_concepts: frozenset[tuple[str, str]]  # discovered (kind, slug) outside the vocabulary
    amounts: tuple[str, ...]  # values as normalised decimal strings, with multiplicity
    references: frozenset[tuple[str, str]]
    measures: tuple[MeasureRecord, ...]
    questions: frozenset[tuple[str, str]] = frozenset()  # (number, party)
    # (due, span, key of the measure it belongs to); "" for no due date or no measure
    commitments: tuple[tuple[str, tuple[int, int], str], ...] = ()
