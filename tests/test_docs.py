"""The README stays in step with the code: settings, commands and canned queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from npcegraph.cli import app
from npcegraph.queries import canned_queries
from npcegraph.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_docs_readme_lists_every_setting(field: str) -> None:
    assert f"`NPCEGRAPH_{field.upper()}`" in README


@pytest.mark.parametrize("command", sorted(c.name or c.callback.__name__
                                           for c in app.registered_commands))
def test_docs_readme_lists_every_command(command: str) -> None:
    assert f"`npcegraph {command}" in README


@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_docs_readme_lists_every_canned_query(name: str) -> None:
    assert f"| `{name}` |" in README


def test_docs_quick_start_is_two_commands() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("## ", 1)[0]
    commands = [line for line in quick_start.splitlines() if line.startswith("python3 -m venv")]
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/npcegraph demo",
        'python3 -m venv .venv && .venv/bin/pip install ".[test]" && .venv/bin/python -m pytest',
    ]
