"""Fixtures of the dashboard tests: the four sample letters ingested with ``python -m
npcegraph ingest``, the application on that store through TestClient, and a copy of the store
for the CLI (the application holds the original)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from npcegraph.api import create_app
from npcegraph.resources import samples_dir
from npcegraph.settings import Settings


def clean_env() -> dict[str, str]:
    """The environment without ``NPCEGRAPH_*`` settings."""
    return {k: v for k, v in os.environ.items() if not k.startswith("NPCEGRAPH_")}


@pytest.fixture(scope="session")
def dashboard_stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample store served by the app, and an identical copy for the CLI."""
    base = tmp_path_factory.mktemp("dashboard")
    store = base / "store"
    result = subprocess.run([sys.executable, "-m", "npcegraph", "ingest", str(samples_dir()),
                             "--store", str(store)], capture_output=True, text=True,
                            env=clean_env())
    assert result.returncode == 0, result.stdout + result.stderr
    copy = base / "copy"
    shutil.copytree(store, copy)
    return store, copy


@pytest.fixture(scope="session")
def api(dashboard_stores: tuple[Path, Path]) -> Iterator[TestClient]:
    """The application on the sample store (one query worker), asking for JSON."""
    settings = Settings(store=dashboard_stores[0], query_workers=1)
    with TestClient(create_app(settings), headers={"Accept": "application/json"}) as client:
        yield client
