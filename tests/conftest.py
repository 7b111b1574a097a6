"""Shared fixtures: the corpus directory and its four reference letters."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
