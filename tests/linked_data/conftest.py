"""Fixtures of the linked-data tests: a store holding the four sample letters (ingested with
``python -m npcegraph ingest``, plus one quarantine graph the public data must never show), the
application on it through FastAPI's TestClient, and reference figures read from a copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef

from npcegraph.api import create_app
from npcegraph.dataset import describe_store
from npcegraph.describe import LABELS
from npcegraph.namespaces import Iris
from npcegraph.resources import samples_dir
from npcegraph.settings import Settings
from npcegraph.store import EmbeddedStore

REPO = Path(__file__).resolve().parents[2]
BASE = "https://w3id.org/npcegraph/"
IRIS = Iris(BASE)
QUARANTINE = IRIS.graph("quarantine/kst-0-0")


@dataclass(frozen=True)
class Reference:
    """What the tests compare the served data with, read from a copy of the store."""

    store: Path  # the copy (free for the CLI tests: no server holds it)
    graphs: dict[str, int]  # public named graph -> triples
    union: frozenset[ox.Triple]
    description: tuple[ox.Triple, ...]

    def described(self, iri: str) -> set[ox.Triple]:
        """The concise bounded description of ``iri`` computed here, in Python, from the union
        graph: its triples, those of the nodes it owns (blank, or below it) reached through
        owned nodes, and the labels of the objects."""
        by_subject: dict[object, list[ox.Triple]] = defaultdict(list)
        for t in self.union:
            by_subject[t.subject].append(t)
        start = ox.NamedNode(iri)
        seen, todo = {start}, [start]
        while todo:
            for t in by_subject[todo.pop()]:
                o = t.object
                owned = isinstance(o, ox.BlankNode) or (
                    isinstance(o, ox.NamedNode) and o.value.startswith((iri + "/", iri + "#")))
                if owned and o not in seen:
                    seen.add(o)
                    todo.append(o)
        found = {t for node in seen for t in by_subject[node]}
        labels = {str(p) for p in LABELS}
        return found | {t for o in {t.object for t in found} for t in by_subject[o]
                        if t.predicate.value in labels}

    def linking_to(self, iri: str) -> set[ox.Triple]:
        """The triples whose object is ``iri``."""
        return {t for t in self.union if t.object == ox.NamedNode(iri)}


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("NPCEGRAPH_")}


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four sample letters, ingested; plus a quarantine graph written by hand."""
    store = tmp_path_factory.mktemp("linked-data") / "store"
    result = subprocess.run([sys.executable, "-m", "npcegraph", "ingest", str(samples_dir()),
                             "--store", str(store)], capture_output=True, text=True,
                            env=_clean_env())
    assert result.returncode == 0, result.stdout + result.stderr
    with EmbeddedStore(store, IRIS) as db:
        quarantined = Graph()
        quarantined.add((URIRef(BASE + "id/letter/kst-0-0"), URIRef(BASE + "def/kamerstuk"),
                         Literal("0-0")))
        db.replace_graph(str(QUARANTINE), quarantined)
    return store


@pytest.fixture(scope="session")
def reference(sample_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """Graph sizes, the union graph and the dataset description of a copy of the store."""
    copy = tmp_path_factory.mktemp("reference") / "store"
    shutil.copytree(sample_store, copy)
    with EmbeddedStore(copy, IRIS) as db:
        graphs = {g.value: db.count(g.value) for g in db.public_graphs()}
        union = frozenset(q.triple for q in db.native.quads_for_pattern(
            None, None, None, ox.NamedNode(db.union_iri)))
        description = tuple(describe_store(db))
    return Reference(copy, graphs, union, description)


@pytest.fixture(scope="session")
def client(sample_store: Path, reference: Reference) -> Iterator[TestClient]:
    """The application on the sample store (one query worker)."""
    settings = Settings(store=sample_store, query_workers=1, base_iri=BASE)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def dcat_shapes() -> Path:
    """The DCAT-AP 3.0 and DCAT-AP-NL 3.0 shapes: ``$NPCEGRAPH_SHARED/external`` or
    ``../shared/external`` beside the repository (never copied into it)."""
    shared = Path(os.environ.get("NPCEGRAPH_SHARED", REPO.parent / "shared"))
    folder = shared / "external" / "dcat-ap-nl-3.0"
    if not (folder / "dcat-ap-SHACL.ttl").is_file():
        pytest.fail(f"DCAT-AP-NL 3.0 shapes not found in {folder}; set NPCEGRAPH_SHARED")
    return folder
