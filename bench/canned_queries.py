"""Latency of every canned query on the corpus store: natively (``EmbeddedStore.query``) and
through a real ``npcegraph serve`` (``GET /api/queries/NAME``); medians of N runs.

    python bench/canned_queries.py [--corpus ../shared/corpus] [-n 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from npcegraph.queries import canned_queries
from npcegraph.store import EmbeddedStore

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "api"))
from servers import running_server  # noqa: E402  (the API tests' server helper)


def median_ms(run: Callable[[], object], n: int) -> float:
    """Median wall time of ``run`` over ``n`` calls (after one warm-up), in ms."""
    run()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def native(store: Path, n: int) -> dict[str, float]:
    """Median latency per query, evaluated and serialised (SPARQL JSON) in process."""
    result: dict[str, float] = {}
    with EmbeddedStore(store, read_only=True) as db:
        for name, query in canned_queries().items():
            text = query.text({})
            result[name] = median_ms(lambda t=text: db.query(t).serialize(format=_json()), n)
    return result


def _json() -> object:
    import pyoxigraph as ox

    return ox.QueryResultsFormat.JSON


def served(store: Path, n: int) -> dict[str, float]:
    """Median latency per query over HTTP from a ``npcegraph serve`` subprocess (started and
    stopped by the API tests' own helper)."""
    with running_server(store) as server, httpx.Client(base_url=server.url,
                                                       timeout=60) as client:
        return {name: median_ms(lambda u=f"/api/queries/{name}":
                                client.get(u).raise_for_status(), n)
                for name in canned_queries()}


def main() -> None:
    """Ingest the corpus into a temporary store and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("-n", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        env = {k: v for k, v in os.environ.items() if not k.startswith("NPCEGRAPH_")}
        subprocess.run([sys.executable, "-m", "npcegraph", "ingest", str(args.corpus),
                        "--store", str(store)], env=env, check=True, stdout=subprocess.DEVNULL)
        inside = native(store, args.n)
        http = served(store, args.n)
    print(f"| query | native ms | HTTP ms | ratio |  (median of {args.n})")
    print("|---|---:|---:|---:|")
    for name in inside:
        print(f"| {name} | {inside[name]:.2f} | {http[name]:.2f} | "
              f"{http[name] / inside[name]:.1f}x |")


if __name__ == "__main__":
    main()
