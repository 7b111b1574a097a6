"""Pydantic models of the dashboard and canned-query API (what ``/openapi.json`` describes)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ConceptRef(BaseModel):
    """A SKOS concept a measure or letter links to."""

    iri: str
    slug: str
    notation: str | None = None
    label: str | None = None


class ConceptSummary(ConceptRef):
    """A concept with how many measures link to it and how many letters name it."""

    measures: int
    letters: int


class Stats(BaseModel):
    """Size of the public dataset."""

    letters: int
    measures: int
    measure_mentions: int
    triples: int
    mentions: dict[str, int] = Field(description="concept mentions per kind")


class MeasureSummary(BaseModel):
    """A measure in a list: its facets as keys (notations for ministries and instruments,
    slugs for product groups, goals, status and letters)."""

    key: str
    iri: str
    label: str
    status: str | None
    mentions: int
    first_date: str | None
    ministries: list[str]
    instruments: list[str]
    product_groups: list[str]
    goals: list[str]
    letters: list[str]


class MeasurePage(BaseModel):
    """One page of ``/api/measures``."""

    items: list[MeasureSummary]
    total: int
    page: int
    per_page: int


class Amount(BaseModel):
    """A euro amount attached to a measure."""

    iri: str
    value: float
    currency: str | None
    letter: str | None
    part_of: str | None = None  # the amount this one is part of ("waarvan"): do not sum both


class Evidence(BaseModel):
    """The quote behind a statement and where it is in the letter's normalised text."""

    iri: str
    quote: str
    letter: str
    start: int
    end: int
    confidence: float


class TimelineEntry(BaseModel):
    """One letter's mention of a measure."""

    mention: str
    letter: str
    date: str | None
    status: str | None
    status_label: str | None
    ministry_source: str | None


class MeasureRelations(BaseModel):
    """The concepts a measure links to."""

    ministries: list[ConceptRef]
    instruments: list[ConceptRef]
    product_groups: list[ConceptRef]
    goals: list[ConceptRef]
    strategies: list[ConceptRef]
    eu_acts: list[ConceptRef]  # the EU acts the measure is about (notation: the CELEX number)
    amounts: list[Amount]


class MeasureDetail(BaseModel):
    """One measure with its relations, evidence and timeline."""

    key: str
    iri: str
    labels: list[str]
    status: ConceptRef | None
    relations: MeasureRelations
    evidence: list[Evidence]
    timeline: list[TimelineEntry]


class LetterSummary(BaseModel):
    """A letter's metadata and how many measures it mentions."""

    slug: str
    iri: str
    date: str | None
    title: str | None
    kamerstuk: str | None
    document_number: str | None
    kind: str
    sender: str | None
    co_senders: list[str]
    see_also: str | None
    measures: int


class LetterMeasure(BaseModel):
    """A measure as one letter states it."""

    key: str
    label: str
    status: str | None


class LetterDetail(LetterSummary):
    """A letter with its mention counts per concept kind and its measures."""

    mentions: dict[str, int]
    measure_list: list[LetterMeasure]


class QueryParameter(BaseModel):
    """A parameter of a canned query."""

    name: str
    type: str
    default: str
    description: str


class CannedQueryInfo(BaseModel):
    """A canned query: run it at ``/api/queries/{name}``."""

    name: str
    title: str
    description: str
    parameters: list[QueryParameter]
    url: str


class SparqlHead(BaseModel):
    """``head`` of SPARQL JSON results."""

    vars: list[str]


class SparqlBindings(BaseModel):
    """``results`` of SPARQL JSON results: each binding maps a variable to an RDF term."""

    bindings: list[dict[str, dict[str, str]]]


class SparqlResults(BaseModel):
    """SPARQL 1.1 Query Results JSON (a SELECT answer)."""

    head: SparqlHead
    results: SparqlBindings
