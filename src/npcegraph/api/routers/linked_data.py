"""Linked data: every IRI under the base dereferences; full dumps; the dataset description.

The configured base IRI stands for the server's root: ``{base}id/letter/kst-32852-352`` is
served at ``/id/letter/kst-32852-352``, ``{base}def/Measure`` at ``/def/Measure``. Each answers
in Turtle, JSON-LD, N-Triples, RDF/XML or as an HTML page, per ``Accept`` or ``?format=``.
``/export/{format}`` streams the public dataset; ``/.well-known/void`` describes it.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse

from npcegraph import describe
from npcegraph.api import linked_data as ld
from npcegraph.api.deps import State
from npcegraph.api.dump_stream import ChunkPipe, produce
from npcegraph.api.errors import NotFound
from npcegraph.api.resource_page import Href, Page, render
from npcegraph.api.state import AppState
from npcegraph.dumps import DUMP_FORMATS, file_name, write_dump
from npcegraph.store import EmbeddedStore

router = APIRouter(tags=["Linked data"])
VOID_TYPES = {k: v for k, v in ld.RESOURCES.items() if v != ld.HTML} | {"text/html": ld.HTML}


def _href(request: Request, state: AppState) -> Href:
    """Links of a page: IRIs under the base to this server, other http(s) IRIs as they are."""
    base, root = state.store.iris.base, request.scope.get("root_path", "")

    def href(iri: str) -> str | None:
        if iri.startswith(base):
            return f"{root}/{iri[len(base):]}"
        return iri if iri.startswith(("http://", "https://")) else None
    return href


async def _lookup(iri: str, request: Request, state: AppState,
                  html: bool) -> tuple[list[ox.Triple], list[ox.Triple]]:
    """(description, incoming links) of ``iri``; incoming only when needed."""
    if ld.in_dataset_description(iri, state):
        described = await run_in_threadpool(ld.descriptions(request).current, state)
        triples = describe.describe(described.store, iri)
        links = describe.incoming(described.store, iri, ld.INCOMING_LIMIT)
        return triples, links
    triples = describe.ordered(await ld.construct(state, describe.description_query(iri)), iri)
    links: list[ox.Triple] = []
    if html or not triples:
        links = await ld.construct(state, describe.incoming_query(iri, ld.INCOMING_LIMIT))
    return triples, links


async def dereference(local: str, request: Request, state: AppState) -> Response:
    """The representation of ``{base}{local}`` the client asked for."""
    media_type = ld.negotiate(request, ld.RESOURCES)
    iri = state.store.iris.base + local
    try:
        node = describe.resource(iri)
    except ValueError:
        raise NotFound(f"not a valid IRI: {iri}") from None
    triples, links = await _lookup(iri, request, state, media_type == ld.HTML)
    if not triples and not links:
        raise NotFound(f"the graph says nothing about <{iri}>")
    alternates = ld.alternates(request, ld.RESOURCES)
    headers = {"Vary": "Accept", "Link": ld.link_header(alternates)}
    prefixes = state.store.iris.prefixes()
    if media_type == ld.HTML:
        shown = {"id": state.store.iris.base + "id/", **prefixes}
        page = Page(iri, triples, links, ld.INCOMING_LIMIT, shown, alternates,
                    home=request.scope.get("root_path", "") + "/")
        return HTMLResponse(render(page, _href(request, state)), headers=headers)
    body = ld.serialize(triples or [t for t in links if t.object == node], media_type, prefixes)
    return Response(body, media_type=media_type, headers=headers)


@router.api_route("/id/{path:path}", methods=["GET", "HEAD"],
                  summary="A thing (letter, measure, concept, ...) as Turtle, JSON-LD, "
                          "N-Triples, RDF/XML or HTML")
async def thing(path: str, request: Request, state: State) -> Response:
    """``{base}id/{path}``: its triples, the nodes it owns and the labels of what it links to."""
    return await dereference(f"id/{path}", request, state)


@router.api_route("/def/{path:path}", methods=["GET", "HEAD"],
                  summary="An ontology term (or the ontology) with content negotiation")
async def term(path: str, request: Request, state: State) -> Response:
    """``{base}def/{path}``: a class or property of the npce ontology."""
    return await dereference(f"def/{path}", request, state)


@router.get("/.well-known/void", summary="The DCAT-AP-NL dataset description with VoID "
                                         "statistics")
async def void(request: Request, state: State) -> Response:
    """Turtle, JSON-LD, N-Triples or RDF/XML; a browser is sent to the dataset's page."""
    media_type = ld.negotiate(request, VOID_TYPES)
    if media_type == ld.HTML:
        dataset = str(state.store.iris.dataset())
        return RedirectResponse(_href(request, state)(dataset) or "/", status_code=303,
                                headers={"Vary": "Accept"})
    described = await run_in_threadpool(ld.descriptions(request).current, state)
    body = ld.serialize(described.triples, media_type, state.store.iris.prefixes())
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


@router.get("/export/{name}", summary="A full dump of the public graphs, streamed",
            response_class=StreamingResponse)
def export(name: str, request: Request, state: State) -> Response:
    """``nquads``, ``trig``, ``jsonld`` (every public graph, the description in
    ``{base}graph/void``) or ``turtle``, ``ntriples`` (each public triple once, with the
    description); read from the current checkpoint, written by Oxigraph as it streams."""
    fmt = DUMP_FORMATS.get(name)
    if fmt is None:
        raise NotFound(f"no dump format {name!r}; use one of {', '.join(DUMP_FORMATS)}")
    snapshot = state.snapshots.acquire()
    try:
        store = EmbeddedStore(Path(snapshot), state.store.iris, read_only=True)
    except Exception:
        state.snapshots.release(snapshot)
        raise
    try:
        description = ld.descriptions(request).for_snapshot(state, snapshot, store).triples
    except Exception:
        store.close()
        state.snapshots.release(snapshot)
        raise

    def done() -> None:
        store.close()
        state.snapshots.release(snapshot)

    pipe = ChunkPipe()
    produce(pipe, lambda out: write_dump(store, fmt, out, description), done)  # type: ignore[arg-type]
    void_url = _href(request, state)(str(state.store.iris.web(".well-known/void")))
    headers = {"Content-Disposition": f'attachment; filename="{file_name(fmt)}"',
               "Link": f'<{void_url}>; rel="describedby"; type="text/turtle"'}
    return StreamingResponse(pipe.chunks(), media_type=fmt.media_type, headers=headers)
