"""Resolve ministers' titles and ministry names to ministry concepts by the letter's date.

A post ("Minister voor Klimaat en Energie") belongs to a ministry (``org:postIn``); posts and
ministries carry validity dates, so the same words resolve to EZK in a 2023 letter and to EZ or
KGG after the July 2024 reorganisation.
"""

from __future__ import annotations

import re
from datetime import date

from npcegraph.concepts import Concept, Vocabulary


def _norm(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip().lower())
    return re.sub(r"^(de|het)\s", "", text)


def _candidates(vocabulary: Vocabulary, title: str) -> list[Concept]:
    wanted = _norm(title)
    found = []
    for concept in vocabulary.concepts:
        if concept.kind in ("post", "ministry") and any(
            _norm(label) == wanted for label in concept.labels
        ):
            found.append(concept)
    return found


def ministry_of(vocabulary: Vocabulary, concept: Concept, on: date | None) -> str | None:
    """The ministry a post or ministry concept stands for on ``on``."""
    if concept.kind == "ministry":
        return vocabulary.ministry_on(concept.iri, on)
    if concept.kind == "post" and concept.post_in:
        return vocabulary.ministry_on(concept.post_in, on)
    return None


def resolve_title(vocabulary: Vocabulary, title: str | None, on: date | None) -> str | None:
    """The ministry IRI for a sender or co-sender title, valid on ``on`` when possible."""
    if not title:
        return None
    candidates = _candidates(vocabulary, title)
    if not candidates:
        # A longer title ("Minister van X en de Staatssecretaris van Y") contains known ones:
        # the first named is the sender.
        wanted = _norm(title)
        positions = {}
        for concept in vocabulary.concepts:
            if concept.kind != "post":
                continue
            found = [wanted.find(_norm(label)) for label in concept.labels if len(label) > 12]
            found = [f for f in found if f >= 0]
            if found:
                positions[concept.iri] = min(found)
        if positions:
            first = min(positions.values())
            candidates = [vocabulary[iri] for iri, at in positions.items() if at == first]
    valid = [c for c in candidates if c.valid_on(on)] or candidates
    valid.sort(key=lambda c: (c.kind != "post", -max(len(label) for label in c.labels)))
    for concept in valid:
        ministry = ministry_of(vocabulary, concept, on)
        if ministry:
            return ministry
    return None
