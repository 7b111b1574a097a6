"""Per-letter ingest cost, stage by stage, and pyshacl vs pyshacl-turbo side by side.

Run: ``.venv/bin/python bench/ingest_bench.py [CORPUS_DIR] [--repeat N]``. Prints medians in
milliseconds per letter and stage, and the validator ratio. Not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from npcegraph.extract import extract_facts
from npcegraph.letters import read_letter
from npcegraph.pipeline import Pipeline
from npcegraph.rdf import letter_graph
from npcegraph.settings import Settings
from npcegraph.store import EmbeddedStore
from npcegraph.validate import validate_graph


def median_ms(samples: list[float]) -> float:
    """Median of seconds, in milliseconds."""
    return statistics.median(samples) * 1000


def timed(function, repeat: int) -> tuple[float, object]:  # noqa: ANN001
    """Median run time of ``function`` over ``repeat`` runs, and its last result."""
    samples, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        samples.append(time.perf_counter() - started)
    return median_ms(samples), result


def main() -> None:
    """Print the stage table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?",
                        default=os.environ.get("NPCEGRAPH_CORPUS", "../shared/corpus"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    started = time.perf_counter()
    pipeline = Pipeline(Settings())
    print(f"pipeline start-up: {(time.perf_counter() - started) * 1000:.0f} ms")
    files = sorted(p for p in Path(args.corpus).iterdir() if p.suffix == ".txt"
                   and not p.name.lower().startswith("readme"))
    header = ("letter", "chars", "triples", "read", "nlp", "extract", "rdf", "pyshacl", "turbo",
              "ratio", "store")
    print(" ".join(f"{h:>9}" for h in header))
    with tempfile.TemporaryDirectory() as tmp, EmbeddedStore(Path(tmp) / "store") as store:
        for path in files:
            read_ms, letter = timed(lambda p=path: read_letter(p), args.repeat)
            nlp_ms, doc = timed(lambda lt=letter: pipeline.nlp(lt.text), args.repeat)
            extract_ms, facts = timed(
                lambda lt=letter, d=doc: extract_facts(lt, d, pipeline.vocabulary), args.repeat)
            rdf_ms, graph = timed(lambda lt=letter, f=facts: letter_graph(lt, f, pipeline.iris),
                                  args.repeat)
            shacl_ms, _ = timed(lambda g=graph: validate_graph(g, engine="pyshacl"), args.repeat)
            turbo_ms, _ = timed(lambda g=graph: validate_graph(g, engine="turbo"), args.repeat)
            graph_iri = str(pipeline.iris.letter(letter.slug))
            store_ms, _ = timed(lambda i=graph_iri, g=graph: store.replace_graph(i, g), args.repeat)
            row = (letter.slug, len(letter.text), len(graph), read_ms, nlp_ms, extract_ms, rdf_ms,
                   shacl_ms, turbo_ms, shacl_ms / turbo_ms, store_ms)
            print(" ".join(f"{v:>9.1f}" if isinstance(v, float) else f"{v!s:>9}" for v in row))


if __name__ == "__main__":
    main()
