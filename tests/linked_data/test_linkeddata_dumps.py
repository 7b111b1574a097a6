"""``/export/{format}`` streams the public dataset with its description; a dump read back into
an empty store holds exactly what the store's public graphs hold."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from conftest import BASE, QUARANTINE, Reference
from fastapi.testclient import TestClient

from npcegraph.api.dump_stream import CHUNK, ChunkPipe, PipeClosed

VOID_GRAPH = BASE + "graph/void"
LETTER_GRAPHS = {BASE + "id/letter/" + slug for slug in (
    "kst-32813-903", "kst-32852-901", "kst-32852-902", "kst-32852-904")}


@pytest.mark.parametrize(("name", "media_type", "file_name"), [
    ("nquads", "application/n-quads", "npcegraph.nq"),
    ("trig", "application/trig", "npcegraph.trig"),
    ("jsonld", "application/ld+json", "npcegraph.jsonld"),
])
def test_linkeddata_dataset_dump_reimports_with_the_same_counts(
        client: TestClient, reference: Reference, name: str, media_type: str,
        file_name: str) -> None:
    response = client.get(f"/export/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert response.headers["content-disposition"] == f'attachment; filename="{file_name}"'
    assert "content-length" not in response.headers  # streamed
    store = ox.Store()
    store.load(response.content, ox.RdfFormat.from_media_type(media_type))
    graphs = {g.value: sum(1 for _ in store.quads_for_pattern(None, None, None, g))
              for g in store.named_graphs()}
    assert set(reference.graphs) == LETTER_GRAPHS | {BASE + "graph/vocab",
                                                      BASE + "graph/ontology"}
    assert graphs == {**reference.graphs, VOID_GRAPH: len(reference.description)}
    assert len(store) == sum(reference.graphs.values()) + len(reference.description)
    assert not store.contains_named_graph(ox.NamedNode(str(QUARANTINE)))
    assert not store.contains_named_graph(ox.NamedNode(BASE + "graph/union"))
    void = [q.triple for q in store.quads_for_pattern(None, None, None,
                                                      ox.NamedNode(VOID_GRAPH))]
    assert set(void) == set(reference.description)


@pytest.mark.parametrize(("name", "media_type"), [
    ("turtle", "text/turtle"), ("ntriples", "application/n-triples")])
def test_linkeddata_triple_dump_is_the_union_graph(client: TestClient, reference: Reference,
                                                   name: str, media_type: str) -> None:
    response = client.get(f"/export/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    triples = {q.triple for q in ox.parse(response.content,
                                          ox.RdfFormat.from_media_type(media_type))}
    assert triples == reference.union | set(reference.description)
    assert len(triples) == len(reference.union) + len(reference.description)


def test_linkeddata_unknown_dump_format_is_404(client: TestClient) -> None:
    response = client.get("/export/csv", headers={"accept": "application/json"})
    assert response.status_code == 404
    assert json.loads(response.content)["error"]["detail"] == (
        "no dump format 'csv'; use one of nquads, trig, turtle, ntriples, jsonld")


def test_linkeddata_dump_pipe_hands_on_fixed_chunks() -> None:
    pipe = ChunkPipe(depth=64)
    for _ in range(5):
        pipe.write(b"x" * (CHUNK // 2 + 1))
    pipe.finish()
    sizes = [len(chunk) for chunk in pipe.chunks()]
    assert sizes == [CHUNK, CHUNK, CHUNK // 2 + 5]


def test_linkeddata_dump_pipe_stops_the_writer_when_the_reader_goes() -> None:
    pipe = ChunkPipe(depth=1)
    pipe.write(b"x" * CHUNK)  # fills the pipe
    pipe.close()
    with pytest.raises(PipeClosed):
        pipe.write(b"x" * CHUNK)
