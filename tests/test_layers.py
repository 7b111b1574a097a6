"""Imports point one way: lower stages never load higher ones or their libraries."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(("module", "forbidden"), [
    ("npcegraph.letters", ["rdflib", "spacy", "fastapi", "npcegraph.nlp", "npcegraph.rdf"]),
    ("npcegraph.nlp", ["rdflib", "fastapi", "npcegraph.extract", "npcegraph.rdf"]),
    ("npcegraph.extract", ["rdflib", "fastapi", "npcegraph.rdf", "npcegraph.store"]),
    ("npcegraph.rdf", ["fastapi", "npcegraph.store", "npcegraph.cli"]),
    ("npcegraph.store", ["fastapi", "spacy", "npcegraph.cli"]),
    ("npcegraph.validate", ["fastapi", "spacy"]),
    ("npcegraph.ingest", ["fastapi", "npcegraph.cli"]),
])
def test_layers_module_does_not_load(module: str, forbidden: list[str]) -> None:
    probe = (f"import sys, {module}; "
             f"print(sorted(m for m in {forbidden!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
