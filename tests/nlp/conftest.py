"""A tiny hand-made vocabulary and the pipeline built from it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from npcegraph.concepts import Concept, Vocabulary
from npcegraph.nlp import build_nlp

BASE = "https://w3id.org/npcegraph/id/"


def concept(kind: str, segment: str, slug: str, *labels: str, **extra: object) -> Concept:
    """A concept with the given labels (the first is the prefLabel)."""
    return Concept(f"{BASE}{segment}/{slug}", kind, labels[0], labels, **extra)  # type: ignore[arg-type]


TINY = Vocabulary((
    concept("instrument", "instrument", "upv", "uitgebreide producentenverantwoordelijkheid",
            "UPV", notation="UPV"),
    concept("instrument", "instrument", "dei-plus-ce", "DEI+CE", "DEI+", "DEI+ CE-regeling",
            notation="DEI+CE"),
    concept("instrument", "instrument", "sde-plus-plus", "SDE++", notation="SDE++"),
    concept("ministry", "ministry", "ienw", "Ministerie van Infrastructuur en Waterstaat",
            "Infrastructuur en Waterstaat", "IenW", notation="IenW"),
    concept("post", "post", "staatssecretaris-ienw", "Staatssecretaris van Infrastructuur en "
            "Waterstaat", post_in=f"{BASE}ministry/ienw"),
    concept("product_group", "product-group", "textiel", "textiel"),
    concept("product_group", "product-group", "matrassen", "matrassen", "matras"),
    concept("status", "status", "aangekondigd", "aangekondigd", cues=("zal", "ga")),
    concept("status", "status", "onbekend", "onbekend"),
))


@pytest.fixture(scope="session")
def tiny_vocab() -> Vocabulary:
    """The hand-made vocabulary."""
    return TINY


@pytest.fixture(scope="session")
def tiny_nlp() -> Language:
    """The pipeline with the tiny gazetteer."""
    return build_nlp(TINY)
