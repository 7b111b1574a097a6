"""Plain concept records and the vocabulary index the NLP and extraction stages use.

No rdflib here: :mod:`npcegraph.vocab` reads the SKOS files and builds these records.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from npcegraph.settings import DEFAULT_BASE_IRI

# Concept kinds the gazetteer looks for in text (statuses, letter kinds and instrument types
# are classification schemes, not things a letter mentions by name).
MATCHED_KINDS = (
    "instrument", "ministry", "post", "organisation", "product_group",
    "strategy", "goal", "eu_act", "party",
)


@dataclass(frozen=True)
class Concept:
    """One SKOS concept, flattened for the NLP stages."""

    iri: str
    kind: str
    pref_label: str
    labels: tuple[str, ...]
    notation: str | None = None
    broader: tuple[str, ...] = ()
    post_in: str | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    target_year: int | None = None
    target_quantity: str | None = None
    cues: tuple[str, ...] = ()
    types: tuple[str, ...] = ()  # npce:instrumentType slugs of an instrument
    scope: tuple[str, ...] = ()  # npce:scopeProductGroup IRIs of an instrument (MKI: GWW)
    predecessors: tuple[str, ...] = ()  # organisations this one resulted from (org:ChangeEvent)
    successors: tuple[str, ...] = ()  # organisations that resulted from this one
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def slug(self) -> str:
        """The last path segment of the IRI."""
        return self.iri.rsplit("/", 1)[-1]

    def valid_on(self, day: date | None) -> bool:
        """Whether the concept (a ministry or post) existed on ``day`` (unknown day: yes)."""
        if day is None:
            return True
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_until and day >= self.valid_until)


def is_case_sensitive(label: str, kind: str = "") -> bool:
    """Abbreviation-like labels (a word with two capitals, or four characters at most) keep
    their case: ``UPV``, ``IenW``, ``DEI+ CE-regeling``; so does a ministry's one-word short
    name (``Defensie`` is the ministry, ``defensie`` the domain); other labels ignore case."""
    if len(label) <= 4 or (kind == "ministry" and " " not in label and label[:1].isupper()):
        return True
    return any(sum(ch.isupper() for ch in word) >= 2 for word in label.split())


@dataclass(frozen=True)
class Vocabulary:
    """All concepts, indexed by IRI, with the lookups the pipeline needs."""

    concepts: tuple[Concept, ...]
    base_iri: str = DEFAULT_BASE_IRI

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_iri", {c.iri: c for c in self.concepts})

    def get(self, iri: str) -> Concept | None:
        """The concept with this IRI, if any."""
        return self._by_iri.get(iri)  # type: ignore[attr-defined]

    def __getitem__(self, iri: str) -> Concept:
        concept = self.get(iri)
        if concept is None:
            raise KeyError(iri)
        return concept

    def of_kind(self, kind: str) -> list[Concept]:
        """Concepts of one kind, in IRI order."""
        return [c for c in self.concepts if c.kind == kind]

    def by_notation(self, kind: str, notation: str) -> Concept | None:
        """Look a concept up by its ``skos:notation`` key."""
        return next((c for c in self.of_kind(kind) if c.notation == notation), None)

    def ancestors(self, iri: str) -> list[str]:
        """Transitive ``skos:broader`` of a concept, nearest first."""
        seen: list[str] = []
        frontier = list(self[iri].broader) if self.get(iri) else []
        while frontier:
            current = frontier.pop(0)
            if current not in seen:
                seen.append(current)
                parent = self.get(current)
                frontier.extend(parent.broader if parent else ())
        return seen

    def ministry_on(self, iri: str, day: date | None) -> str:
        """The ministry ``iri`` stands for on ``day``: a name used before a ministry existed
        ("Economische Zaken" in 2023) means its predecessor (EZK); after its end, its single
        successor. Unknown or ambiguous cases keep ``iri``."""
        concept = self.get(iri)
        seen = {iri}
        while concept is not None and not concept.valid_on(day):
            before = concept.valid_from is not None and day is not None and day < concept.valid_from
            options = concept.predecessors if before else concept.successors
            if len(options) != 1 or options[0] in seen:
                break
            seen.add(options[0])
            concept = self.get(options[0])
        return concept.iri if concept is not None and concept.valid_on(day) else iri

    def phrases(self) -> Iterator[tuple[str, str, str, bool]]:
        """``(label, kind, iri, case_sensitive)`` for every matchable label."""
        for concept in self.concepts:
            if concept.kind not in MATCHED_KINDS:
                continue
            for label in concept.labels:
                yield label, concept.kind, concept.iri, is_case_sensitive(label, concept.kind)
