"""Fixtures of the API tests: the corpus store (built once with ``python -m npcegraph ingest``
from the four corpus letters) and real servers on it; servers that write get their own copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import ORIGIN, TOKEN, Server, running_server


@pytest.fixture(scope="session")
def corpus_stores(tmp_path_factory: pytest.TempPathFactory,
                  corpus_dir: Path) -> tuple[Path, Path]:
    """Two identical stores holding the four corpus letters (one to read, one to write)."""
    base = tmp_path_factory.mktemp("api")
    store = base / "corpus"
    result = subprocess.run([sys.executable, "-m", "npcegraph", "ingest", str(corpus_dir),
                             "--store", str(store)], capture_output=True, text=True,
                            env={k: v for k, v in os.environ.items()
                                 if not k.startswith("NPCEGRAPH_")})
    assert result.returncode == 0, result.stdout + result.stderr
    copy = base / "writable"
    shutil.copytree(store, copy)
    return store, copy


@pytest.fixture(scope="session")
def server(corpus_stores: tuple[Path, Path]) -> Iterator[Server]:
    """A server on the corpus without an update token (updates off); 10 000 rows, 100 000
    request bytes and 3 s per query at most."""
    limits = {"NPCEGRAPH_MAX_ROWS": "10000", "NPCEGRAPH_MAX_REQUEST_BYTES": "100000",
              "NPCEGRAPH_QUERY_TIMEOUT": "3"}
    with running_server(corpus_stores[0], env=limits) as up:
        yield up


@pytest.fixture(scope="session")
def writable_server(corpus_stores: tuple[Path, Path]) -> Iterator[Server]:
    """A second server, on a copy of the corpus, that accepts updates with :data:`TOKEN` and
    allows cross-origin requests from :data:`ORIGIN`."""
    with running_server(corpus_stores[1], token=TOKEN,
                        env={"NPCEGRAPH_CORS_ORIGINS": ORIGIN}) as up:
        yield up
