"""``npcegraph export FORMAT [--output FILE] [--store PATH]``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from conftest import Reference

from npcegraph.cli import DumpName
from npcegraph.dumps import DUMP_FORMATS


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NPCEGRAPH_")}
    return subprocess.run([sys.executable, "-m", "npcegraph", "export", *args],
                          capture_output=True, env=env)


def test_linkeddata_cli_export_writes_the_file(reference: Reference, tmp_path: Path) -> None:
    target = tmp_path / "dump.nq"
    result = run("nquads", "--output", str(target), "--store", str(reference.store))
    assert result.returncode == 0, result.stderr.decode()
    assert f"to {target}" in result.stdout.decode()
    store = ox.Store()
    store.load(path=str(target), format=ox.RdfFormat.N_QUADS)
    assert len(store) == sum(reference.graphs.values()) + len(reference.description)


def test_linkeddata_cli_export_to_stdout(reference: Reference) -> None:
    result = run("ntriples", "--store", str(reference.store))
    assert result.returncode == 0, result.stderr.decode()
    triples = {q.triple for q in ox.parse(result.stdout, ox.RdfFormat.N_TRIPLES)}
    assert triples == reference.union | set(reference.description)


def test_linkeddata_cli_export_without_a_store_exits_2(tmp_path: Path) -> None:
    result = run("turtle", "--store", str(tmp_path / "missing"))
    assert result.returncode == 2
    assert "no store here" in result.stderr.decode()
    assert not (tmp_path / "missing").exists()


def test_linkeddata_cli_formats_are_the_dump_formats() -> None:
    assert [f.value for f in DumpName] == list(DUMP_FORMATS)
