"""Shared fixtures: the corpus directory and its four reference letters."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language

from npcegraph.concepts import Concept, Vocabulary
from npcegraph.nlp import build_nlp
from npcegraph.vocab import load_vocabulary

REPO = Path(__file__).resolve().parents[1]
CORPUS_FILES = {
    "000": "000_9eaddd1af6a66506.txt",
    "001": "001_ab4375c2e80adb8f.txt",
    "002": "002_1db780f55a899147.txt",
    "003": "003_4d980c3d52a99078.txt",
}


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The reference letters: ``$NPCEGRAPH_CORPUS`` or ``../shared/corpus`` beside the repo."""
    path = Path(os.environ.get("NPCEGRAPH_CORPUS", REPO.parent / "shared" / "corpus"))
    if not (path / CORPUS_FILES["000"]).is_file():
        pytest.fail(f"corpus letters not found in {path}; set NPCEGRAPH_CORPUS")
    return path


@pytest.fixture(scope="session")
def corpus_paths(corpus_dir: Path) -> dict[str, Path]:
    """Map of short key (``"000"`` ...) to the corpus letter's path."""
    return {key: corpus_dir / name for key, name in CORPUS_FILES.items()}

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


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    """The shipped vocabulary."""
    return load_vocabulary()


@pytest.fixture(scope="session")
def nlp(vocabulary: Vocabulary) -> Language:
    """The pipeline with the shipped gazetteer, built once per test session."""
    return build_nlp(vocabulary)
