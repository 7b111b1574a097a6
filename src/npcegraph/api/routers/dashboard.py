"""The dashboard API: JSON views of letters, measures and concepts, read with SPARQL.

Every handler runs its queries through the worker pool (timeouts and row limits as on
``/sparql``) and shapes the SPARQL JSON answer into the models of :mod:`npcegraph.api.models`.
Slugs and notations are validated by FastAPI and reach SPARQL only as RDF terms in ``VALUES``.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

import pyoxigraph as ox
from fastapi import APIRouter, Path, Query
from fastapi.concurrency import run_in_threadpool

from npcegraph.api import dashboard_queries as dq
from npcegraph.api.deps import State
from npcegraph.api.errors import NotFound
from npcegraph.api.executor.tasks import QueryTask
from npcegraph.api.models import (
    Amount,
    ConceptRef,
    ConceptSummary,
    Evidence,
    LetterDetail,
    LetterMeasure,
    LetterSummary,
    MeasureDetail,
    MeasurePage,
    MeasureRelations,
    MeasureSummary,
    Stats,
    TimelineEntry,
)
from npcegraph.api.state import AppState
from npcegraph.namespaces import Iris

router = APIRouter(prefix="/api", tags=["Dashboard"])
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
NOTATION = r"^[A-Za-z0-9+&()'. -]{1,60}$"
Row = dict[str, str]
Slug = Annotated[str | None, Query(pattern=SLUG, max_length=120)]
Notation = Annotated[str | None, Query(pattern=NOTATION)]
SortKey = Literal["label", "-label", "mentions", "-mentions", "first_date", "-first_date"]


async def select(state: AppState, sparql: str) -> list[Row]:
    """Run a SELECT in a worker: each solution as variable -> lexical value."""
    task = QueryTask(sparql, "application/sparql-results+json", None, state.settings.max_rows)
    answer = await run_in_threadpool(state.pool.run, task, state.settings.query_timeout)
    bindings = json.loads(answer.body)["results"]["bindings"]
    return [{k: v["value"] for k, v in b.items()} for b in bindings]


def iris(state: AppState) -> Iris:
    """The IRI minter of the served base."""
    return Iris(state.settings.base_iri)


def last_segment(iri: str | None) -> str | None:
    """The slug at the end of one of our IRIs."""
    return iri.rsplit("/", 1)[-1] if iri else None


def split(value: str | None) -> list[str]:
    """A ``GROUP_CONCAT`` value as a sorted list."""
    return sorted(v for v in (value or "").split(dq.SEPARATOR) if v)


def concept_ref(row: Row, key: str = "concept", label: str = "concept_label") -> ConceptRef:
    """A :class:`ConceptRef` from a row."""
    return ConceptRef(iri=row[key], slug=last_segment(row[key]) or "",
                      notation=row.get("notation"), label=row.get(label))


@router.get("/stats", response_model=Stats, summary="Size of the dataset")
async def stats(state: State) -> Stats:
    """Letters, measures, measure mentions, concept mentions per kind and triples."""
    totals = (await select(state, dq.stats(iris(state))))[0]
    kinds = await select(state, dq.mention_kinds(iris(state)))
    return Stats(letters=int(totals["letters"]), measures=int(totals["measures"]),
                 measure_mentions=int(totals["measure_mentions"]),
                 triples=int(totals["triples"]), mentions={r["kind"]: int(r["n"]) for r in kinds})


def measure_summary(row: Row) -> MeasureSummary:
    """A list item from a row of :func:`dq.measures_page`."""
    return MeasureSummary(
        key=last_segment(row["m"]) or "", iri=row["m"], label=row["label"],
        status=last_segment(row.get("status")), mentions=int(row["mentions"]),
        first_date=row.get("first_date"), ministries=split(row.get("ministries")),
        instruments=split(row.get("instruments")),
        product_groups=[last_segment(v) or "" for v in split(row.get("product_groups"))],
        goals=[last_segment(v) or "" for v in split(row.get("goals"))],
        letters=split(row.get("letters")))


@router.get("/measures", response_model=MeasurePage, summary="Measures, filtered and paged")
async def measures(
    state: State,
    ministry: Notation = None,
    instrument: Notation = None,
    product_group: Slug = None,
    goal: Slug = None,
    status: Slug = None,
    letter: Slug = None,
    eu_act: Slug = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 20,
    sort: SortKey = "label",
) -> MeasurePage:
    """Measures passing every filter given: ``ministry`` and ``instrument`` are notations
    (``KGG``, ``UPV``), ``product_group``, ``goal``, ``status``, ``letter`` and ``eu_act``
    (the EU act a measure concerns: ``espr``) slugs, ``q`` text in a label (case-insensitive);
    sorted by ``sort`` (``-`` for descending)."""
    filters = dq.MeasureFilter(ministry, instrument, product_group, goal, status, letter, q,
                               eu_act)
    minted = iris(state)
    total = int((await select(state, dq.measures_count(filters, minted)))[0]["total"])
    rows = await select(state, dq.measures_page(filters, minted, sort, per_page,
                                                (page - 1) * per_page))
    return MeasurePage(items=[measure_summary(r) for r in rows], total=total, page=page,
                       per_page=per_page)


def relations(rows: list[Row], amounts: list[Row]) -> MeasureRelations:
    """Group rows of :func:`dq.measure_relations` by relation."""
    grouped: dict[str, list[ConceptRef]] = {}
    for row in rows:
        if row["relation"] != "label":
            grouped.setdefault(row["relation"], []).append(concept_ref(row))
    return MeasureRelations(
        ministries=grouped.get("ministries", []), instruments=grouped.get("instruments", []),
        product_groups=grouped.get("product_groups", []), goals=grouped.get("goals", []),
        strategies=grouped.get("strategies", []), eu_acts=grouped.get("eu_acts", []),
        amounts=[Amount(iri=a["amount"], value=float(a["value"]), currency=a.get("currency"),
                        letter=a.get("letter"), part_of=a.get("part_of")) for a in amounts])


@router.get("/measures/{key}", response_model=MeasureDetail, summary="One measure",
            responses={404: {"description": "no such measure"}})
async def measure(state: State,
                  key: Annotated[str, Path(pattern=SLUG, max_length=120)]) -> MeasureDetail:
    """A measure with its relations, its evidence (quote, letter, offsets, confidence) and
    its timeline (the letters mentioning it by date, with the status each states)."""
    minted = iris(state)
    node = ox.NamedNode(str(minted.measure(key)))
    rows = await select(state, dq.measure_relations(node, minted))
    labels = sorted(r["concept_label"] for r in rows if r["relation"] == "label")
    if not labels:
        raise NotFound(f"no measure {key!r}")
    amounts = await select(state, dq.measure_amounts(node, minted))
    evidence = await select(state, dq.measure_evidence(node, minted))
    timeline = await select(state, dq.measure_timeline(node, minted))
    status = [concept_ref(r) for r in rows if r["relation"] == "status"]
    return MeasureDetail(
        key=key, iri=node.value, labels=labels, status=status[0] if status else None,
        relations=relations(rows, amounts),
        evidence=[Evidence(iri=e["evidence"], quote=e["quote"], letter=e["letter"],
                           start=int(e["start"]), end=int(e["end"]),
                           confidence=float(e["confidence"])) for e in evidence],
        timeline=[TimelineEntry(mention=t["mention"], letter=t["letter"], date=t.get("date"),
                                status=last_segment(t.get("status")),
                                status_label=t.get("status_label"),
                                ministry_source=t.get("source")) for t in timeline])


async def concept_list(state: State, kind: str) -> list[ConceptSummary]:
    """Concepts of ``kind`` that measures link to or letters name."""
    rows = await select(state, dq.concepts(kind, iris(state)))
    return [ConceptSummary(iri=r["concept"], slug=last_segment(r["concept"]) or "",
                           notation=r.get("notation"), label=r.get("label"),
                           measures=int(r["measures"]), letters=int(r["letters"]))
            for r in rows]


@router.get("/instruments", response_model=list[ConceptSummary], summary="Instruments")
async def instruments(state: State) -> list[ConceptSummary]:
    """Instruments used by a measure or named in a letter, with counts."""
    return await concept_list(state, "instrument")


@router.get("/ministries", response_model=list[ConceptSummary], summary="Ministries")
async def ministries(state: State) -> list[ConceptSummary]:
    """Ministries responsible for a measure, or sending or named in a letter, with counts."""
    return await concept_list(state, "ministry")


@router.get("/product-groups", response_model=list[ConceptSummary], summary="Product groups")
async def product_groups(state: State) -> list[ConceptSummary]:
    """Product groups targeted by a measure or named in a letter, with counts."""
    return await concept_list(state, "product_group")


@router.get("/goals", response_model=list[ConceptSummary], summary="Goals")
async def goals(state: State) -> list[ConceptSummary]:
    """Goals served by a measure or named in a letter, with counts."""
    return await concept_list(state, "goal")


def letter_summary(row: Row) -> LetterSummary:
    """A :class:`LetterSummary` from a row of :func:`dq.letters`."""
    return LetterSummary(
        slug=row["slug"], iri=row["l"], date=row.get("date"), title=row.get("title"),
        kamerstuk=row.get("kamerstuk"), document_number=row.get("document_number"),
        kind=last_segment(row["kind"]) or "", sender=row.get("sender"),
        co_senders=split(row.get("co_senders")), see_also=row.get("see_also"),
        measures=int(row["measures"]))


@router.get("/letters", response_model=list[LetterSummary], summary="Letters")
async def letters(state: State) -> list[LetterSummary]:
    """Every letter, oldest first, with its metadata and number of measures."""
    return [letter_summary(r) for r in await select(state, dq.letters(iris(state)))]


@router.get("/letters/{slug}", response_model=LetterDetail, summary="One letter",
            responses={404: {"description": "no such letter"}})
async def letter(state: State,
                 slug: Annotated[str, Path(pattern=SLUG, max_length=120)]) -> LetterDetail:
    """A letter's metadata, its concept mentions per kind and the measures it states."""
    minted = iris(state)
    node = ox.NamedNode(str(minted.letter(slug)))
    rows = await select(state, dq.letters(minted, node))
    if not rows:
        raise NotFound(f"no letter {slug!r}")
    counts = await select(state, dq.letter_mention_counts(node, minted))
    stated = await select(state, dq.letter_measures(node, minted))
    return LetterDetail(
        **letter_summary(rows[0]).model_dump(),
        mentions={r["kind"]: int(r["n"]) for r in counts},
        measure_list=[LetterMeasure(key=last_segment(m["m"]) or "", label=m["label"],
                                    status=last_segment(m.get("status"))) for m in stated])
