"""Paths to the files that ship with the package: ontology, shapes, queries, sample letters."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_PACKAGE = "npcegraph"


def _data_dir(name: str) -> Path:
    """Locate a data folder inside the installed wheel, or in the source checkout."""
    packaged = Path(str(resources.files(_PACKAGE))) / "data" / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"{name}/ is neither in the package nor in the checkout")


def ontology_dir() -> Path:
    """The ``ontology/`` folder (``npce.ttl`` and ``vocab/*.ttl``)."""
    return _data_dir("ontology")


def vocab_dir() -> Path:
    """The SKOS vocabularies, ``ontology/vocab``."""
    return ontology_dir() / "vocab"


def shapes_dir() -> Path:
    """The SHACL shapes, ``shapes/``."""
    return _data_dir("shapes")


def queries_dir() -> Path:
    """The canned SPARQL queries, ``queries/``."""
    return _data_dir("queries")


def samples_dir() -> Path:
    """Sample letters shipped with the package for ``npcegraph demo``."""
    return Path(str(resources.files(_PACKAGE))) / "samples"
