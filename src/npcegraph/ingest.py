"""Letters -> graphs -> store, with quarantine for letters that violate the shapes."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from npcegraph.errors import NpcegraphError
from npcegraph.letters import SUPPORTED_SUFFIXES
from npcegraph.pipeline import Pipeline, Processed
from npcegraph.resources import ontology_dir
from npcegraph.store import EmbeddedStore
from npcegraph.vocab import load_vocab_graph


@dataclass(frozen=True)
class IngestResult:
    """What happened to one file."""

    path: Path
    status: str  # stored | quarantined | failed
    slug: str | None = None
    triples: int = 0
    measures: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    message: str = ""


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Letter files to ingest, and files skipped because their format is not supported.

    Directories are scanned (not recursively into hidden folders) for supported suffixes;
    a file named explicitly is always attempted, so a bad one is reported, not skipped.
    """
    files: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                suffix_ok = child.suffix.lower() in SUPPORTED_SUFFIXES
                is_readme = child.name.lower().startswith("readme")
                (files if suffix_ok and not is_readme else skipped).append(child)
        else:
            files.append(path)
    return files, skipped


def fact_counts(processed: Processed) -> dict[str, int]:
    """Facts per type for one letter."""
    facts = processed.facts
    counts: dict[str, int] = {}
    for mention in facts.mentions:
        counts[mention.kind] = counts.get(mention.kind, 0) + 1
    counts.update(
        amount=len(facts.amounts), quantity=len(facts.quantities), date=len(facts.dates),
        reference=len(facts.references), measure=len(facts.measures),
    )
    return counts


def load_reference_graphs(store: EmbeddedStore, base_iri: str) -> None:
    """(Re)load the vocabularies and the ontology into their own named graphs."""
    store.replace_graph(str(store.iris.graph("vocab")), load_vocab_graph(base_iri))
    ontology = Graph().parse(ontology_dir() / "npce.ttl", format="turtle")
    store.replace_graph(str(store.iris.graph("ontology")), ontology)


def store_processed(store: EmbeddedStore, processed: Processed) -> str:
    """Write a validated letter to its graph, or to quarantine with its report."""
    slug = processed.letter.slug
    if processed.outcome.conforms:
        store.replace_graph(str(store.iris.letter(slug)), processed.graph)
        store.drop_graph(store.quarantine_iri(slug))
        store.drop_graph(store.quarantine_iri(slug) + "/report")
        return "stored"
    store.replace_graph(store.quarantine_iri(slug), processed.graph)
    store.replace_graph(store.quarantine_iri(slug) + "/report", processed.outcome.report)
    return "quarantined"


def ingest_files(
    files: Iterable[Path], store: EmbeddedStore, pipeline: Pipeline,
    on_done: Callable[[IngestResult], None] | None = None,
) -> list[IngestResult]:
    """Ingest each file; a bad file is reported and never touches what is stored."""
    load_reference_graphs(store, pipeline.settings.base_iri)
    results: list[IngestResult] = []
    try:
        _ingest_each(files, store, pipeline, results, on_done)
    finally:
        store.refresh_union()
    return results


def _ingest_each(files: Iterable[Path], store: EmbeddedStore, pipeline: Pipeline,
                 results: list[IngestResult],
                 on_done: Callable[[IngestResult], None] | None) -> None:
    for path in files:
        started = time.perf_counter()
        try:
            processed = pipeline.process_file(path)
            status = store_processed(store, processed)
        except NpcegraphError as exc:
            result = IngestResult(path, "failed", seconds=time.perf_counter() - started,
                                  message=str(exc))
        else:
            problems = processed.outcome.violations
            message = "; ".join(p.message for p in problems[:3]) if problems else ""
            result = IngestResult(
                path, status, processed.letter.slug, len(processed.graph),
                len(processed.facts.measures), fact_counts(processed),
                time.perf_counter() - started, message,
            )
        results.append(result)
        if on_done:
            on_done(result)
