"""The linked-data modules below ``api`` load neither FastAPI nor the NLP stack."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["npcegraph.dataset", "npcegraph.dumps",
                                    "npcegraph.describe"])
def test_linkeddata_layers_module_does_not_load(module: str) -> None:
    forbidden = ["fastapi", "starlette", "spacy", "npcegraph.api", "npcegraph.cli"]
    probe = (f"import sys, {module}; "
             f"print(sorted(m for m in {forbidden!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
