"""Cost of keeping the union graph (the public default graph) up to date after a write.

Run: ``.venv/bin/python bench/union_refresh.py [STORE]`` (default: a temporary store with the
corpus letters of ``$NPCEGRAPH_CORPUS``, default ``../shared/corpus``). Not a test.

Compares, on a copy of the store, the full rebuild in one SPARQL update (drop the union graph,
insert every public triple again) with :meth:`EmbeddedStore.refresh_union`, which writes only the
difference, after a small write (one triple added to a letter graph) and after none. Prints the
median of five runs of each and their ratio.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from npcegraph.store import EmbeddedStore

RUNS = 5


def full_rebuild(store: EmbeddedStore) -> None:
    """The union graph rebuilt from scratch in one SPARQL update."""
    quarantine = str(store.iris.graph("quarantine/"))
    store.native.update(
        f"DROP SILENT GRAPH <{store.union_iri}> ;\n"
        f"INSERT {{ GRAPH <{store.union_iri}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }}"
        f" FILTER(?g != <{store.union_iri}> && !STRSTARTS(STR(?g), \"{quarantine}\")) }}")


def small_write(store: EmbeddedStore, n: int) -> None:
    """One new triple in the first letter graph."""
    letter = next(g for g in store.graph_names() if "/letter/" in g)
    store.native.update(f"INSERT DATA {{ GRAPH <{letter}> {{ <urn:bench:{n}> "
                        f"<http://www.w3.org/2000/01/rdf-schema#label> \"bench {n}\" }} }}")


def median_seconds(store: EmbeddedStore, refresh: Callable[[EmbeddedStore], None],
                   write: bool) -> float:
    """Median time of ``refresh`` over :data:`RUNS` runs, each after a small write or none."""
    times = []
    for n in range(RUNS):
        if write:
            small_write(store, n)
        start = time.perf_counter()
        refresh(store)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def corpus_store(directory: Path) -> Path:
    """A store with the corpus letters, ingested by the CLI."""
    corpus = os.environ.get("NPCEGRAPH_CORPUS", "../shared/corpus")
    store = directory / "store"
    subprocess.run([sys.executable, "-m", "npcegraph", "ingest", corpus, "--store", str(store)],
                   check=True, capture_output=True)
    return store


def main() -> None:
    """Print the medians side by side."""
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(sys.argv[1]) if len(sys.argv) > 1 else corpus_store(Path(scratch))
        copy = Path(scratch) / "copy"
        shutil.copytree(source, copy)
        with EmbeddedStore(copy) as store:
            print(f"store {source}: {store.count(store.union_iri):,} triples in the union graph")
            print(f"{'after':14} {'full rebuild':>13} {'difference':>11} {'ratio':>6}")
            for label, write in (("a small write", True), ("no write", False)):
                full = median_seconds(store, full_rebuild, write)
                diff = median_seconds(store, EmbeddedStore.refresh_union, write)
                print(f"{label:14} {full:12.2f}s {diff:10.2f}s {full / diff:6.1f}")


if __name__ == "__main__":
    main()
