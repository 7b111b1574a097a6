"""The dataset description: DCAT-AP-NL 3.0 metadata with VoID statistics, built from the store.

The statistics are counted by native SPARQL over the default graph (the union of the public
graphs, each triple once). The description follows DCAT-AP 3.0 and its Dutch profile
DCAT-AP-NL 3.0: publisher and creator as TOOI organisations, EU authority tables for themes,
formats, access rights and language, IANA media types, a Creative Commons licence, and a
``dcat:DataService`` for the SPARQL endpoint through which every distribution is served. Things
the description names from other vocabularies carry the type and label the shapes ask for.

``dct:modified`` is the date of the newest letter: the pipeline keeps no ingest timestamps (a
re-ingested letter is byte-for-byte the same graph), so the data itself is the only clock.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib import URIRef

from npcegraph.dumps import DUMP_FORMATS, DumpFormat
from npcegraph.namespaces import (
    CC0,
    DCAT,
    DCTERMS,
    EU_AUTHORITY,
    FOAF,
    IANA_MEDIA_TYPES,
    IENW_WEBSITE,
    RDF,
    RDFS,
    SKOS,
    SPARQL_PROTOCOL,
    TOOI_MINISTRY,
    VCARD,
    VOID,
    XSD,
    Iris,
)

Term = ox.NamedNode | ox.Literal


class Queryable(Protocol):
    """A store answering SPARQL natively over the public default graph (``EmbeddedStore``)."""

    iris: Iris

    def query(self, sparql: str, **options: Any) -> Any: ...


@dataclass(frozen=True)
class VoidStats:
    """Counts over the public dataset (each triple once)."""

    triples: int
    entities: int  # distinct IRI subjects under the base IRI
    distinct_subjects: int
    distinct_objects: int
    classes: tuple[tuple[str, int], ...]  # (class IRI, distinct instances), sorted by IRI
    properties: tuple[tuple[str, int], ...]  # (property IRI, triples), sorted by IRI
    first_date: str | None  # the oldest and newest letter dates (xsd:date lexical forms)
    last_date: str | None


@dataclass(frozen=True)
class DatasetInfo:
    """What the data cannot tell: titles, descriptions, keywords, who publishes it."""

    title_nl: str = "npcegraph: Kamerbrieven over de circulaire economie als kennisgraaf"
    title_en: str = "npcegraph: Dutch policy letters on the circular economy as a knowledge graph"
    description_nl: str = (
        "Maatregelen, instrumenten, productgroepen, doelen, bedragen, toezeggingen en "
        "schriftelijke vragen uit Kamerbrieven over het Nationaal Programma Circulaire "
        "Economie (NPCE), elk met het citaat en de tekstpositie waarop het berust, en de "
        "vocabulaires (SKOS) en de ontologie waarmee ze beschreven zijn.")
    description_en: str = (
        "Policy measures, instruments, product groups, goals, amounts, commitments and written "
        "questions from Dutch government letters to parliament on the National Circular Economy "
        "Programme (NPCE), each with the quote and text position it rests on, with the SKOS "
        "vocabularies and the ontology that describe them.")
    keywords: tuple[tuple[str, str], ...] = (
        ("circulaire economie", "nl"), ("circular economy", "en"), ("NPCE", ""),
        ("Kamerbrieven", "nl"), ("beleidsmaatregelen", "nl"), ("policy measures", "en"))
    publisher: str = str(TOOI_MINISTRY["mnre1130"])
    publisher_name: str = "Ministerie van Infrastructuur en Waterstaat"
    contact_name: str = "Ministerie van Infrastructuur en Waterstaat"
    contact_url: str = str(IENW_WEBSITE)
    themes: tuple[tuple[str, str, str], ...] = (  # (EU data-theme code, label nl, label en)
        ("ENVI", "Milieu", "Environment"),
        ("GOVE", "Overheid en publieke sector", "Government and public sector"))
    issued: str | None = None  # xsd:date of first publication, when known
    formats: tuple[DumpFormat, ...] = field(default_factory=lambda: tuple(DUMP_FORMATS.values()))


def _rows(store: Queryable, sparql: str) -> list[ox.QuerySolution]:
    return list(store.query(sparql))


def _int(term: Any) -> int:
    return int(term.value) if term is not None else 0


def void_statistics(store: Queryable) -> VoidStats:
    """Count the dataset with four native SPARQL queries (over each public triple once)."""
    base = ox.Literal(store.iris.base)
    (totals,) = _rows(store, f"""
        SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects)
               (COUNT(DISTINCT ?o) AS ?objects) (COUNT(DISTINCT ?e) AS ?entities)
        WHERE {{ ?s ?p ?o BIND(IF(isIRI(?s) && STRSTARTS(STR(?s), {base}), ?s, ?none) AS ?e) }}""")
    classes = _rows(store, "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c } "
                           "GROUP BY ?c ORDER BY STR(?c)")
    properties = _rows(store, "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } "
                              "GROUP BY ?p ORDER BY STR(?p)")
    (dates,) = _rows(store, f"""
        SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {{
          ?l a <{store.iris.npce.Letter}> ; <{DCTERMS.date}> ?d
          FILTER(datatype(?d) = <{XSD.date}>) }}""")
    return VoidStats(
        triples=_int(totals["triples"]), entities=_int(totals["entities"]),
        distinct_subjects=_int(totals["subjects"]), distinct_objects=_int(totals["objects"]),
        classes=tuple((r["c"].value, _int(r["n"])) for r in classes
                      if isinstance(r["c"], ox.NamedNode)),
        properties=tuple((r["p"].value, _int(r["n"])) for r in properties),
        first_date=dates["first"].value if dates["first"] is not None else None,
        last_date=dates["last"].value if dates["last"] is not None else None,
    )


class _Graph:
    """Collects the description's triples."""

    def __init__(self) -> None:
        self.triples: list[ox.Triple] = []

    def add(self, s: URIRef | str, p: URIRef, *objects: Term | URIRef) -> None:
        for o in objects:
            obj = ox.NamedNode(str(o)) if isinstance(o, URIRef) else o
            self.triples.append(ox.Triple(ox.NamedNode(str(s)), ox.NamedNode(str(p)), obj))


def _lit(text: str, lang: str = "") -> ox.Literal:
    return ox.Literal(text, language=lang) if lang else ox.Literal(text)


def _n(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(str(XSD.integer)))


def _date(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(str(XSD.date)))


def _local(iri: str, prefixes: dict[str, str]) -> str:
    """A readable, IRI-safe key for a partition node: ``skos-Concept``, else a hash."""
    for prefix, namespace in prefixes.items():
        local = iri[len(namespace):]
        if iri.startswith(namespace) and local.replace("-", "").replace("_", "").isalnum():
            return f"{prefix}-{local}"
    return hashlib.sha1(iri.encode("utf-8")).hexdigest()[:12]


def description(iris: Iris, stats: VoidStats, info: DatasetInfo | None = None) -> list[ox.Triple]:
    """The DCAT-AP-NL dataset description with its VoID statistics, as triples."""
    info = info or DatasetInfo()
    g = _Graph()
    ds, contact = iris.dataset(), iris.dataset_part("contact")
    service = iris.dataset_part("service")
    publisher, access = URIRef(info.publisher), EU_AUTHORITY["access-right/PUBLIC"]
    language = EU_AUTHORITY["language/NLD"]
    ontology, landing, docs = iris.ontology(), iris.web(""), iris.web("docs")
    themes = [EU_AUTHORITY[f"data-theme/{code}"] for code, _, _ in info.themes]
    g.add(ds, RDF.type, DCAT.Dataset, VOID.Dataset)
    _common(g, iris, ds, info, title=(info.title_nl, info.title_en),
            text=(info.description_nl, info.description_en))
    for keyword, lang in info.keywords:
        g.add(ds, DCAT.keyword, _lit(keyword, lang))
    g.add(ds, DCTERMS.conformsTo, ontology)
    if info.issued:
        g.add(ds, DCTERMS.issued, _date(info.issued))
    if stats.last_date:
        g.add(ds, DCTERMS.modified, _date(stats.last_date))
    if stats.first_date and stats.last_date:
        period = iris.dataset_part("period")
        g.add(ds, DCTERMS.temporal, period)
        g.add(period, RDF.type, DCTERMS.PeriodOfTime)
        g.add(period, DCAT.startDate, _date(stats.first_date))
        g.add(period, DCAT.endDate, _date(stats.last_date))
    for fmt in info.formats:
        _distribution(g, iris, ds, fmt)
    _service(g, iris, service, ds, info)
    _void(g, iris, ds, stats)
    # The things named above, typed and labelled as the DCAT-AP shapes require.
    g.add(publisher, RDF.type, FOAF.Agent)
    g.add(publisher, FOAF.name, _lit(info.publisher_name, "nl"))
    g.add(contact, RDF.type, VCARD.Kind, VCARD.Organization)
    g.add(contact, VCARD.fn, _lit(info.contact_name, "nl"))
    g.add(contact, VCARD.hasURL, URIRef(info.contact_url))
    g.add(access, RDF.type, DCTERMS.RightsStatement)
    g.add(CC0, RDF.type, DCTERMS.LicenseDocument)
    g.add(CC0, SKOS.exactMatch, EU_AUTHORITY["licence/CC0"])
    g.add(language, RDF.type, DCTERMS.LinguisticSystem)
    for theme, (_, label_nl, label_en) in zip(themes, info.themes, strict=True):
        g.add(theme, RDF.type, SKOS.Concept)
        g.add(theme, SKOS.prefLabel, _lit(label_nl, "nl"), _lit(label_en, "en"))
    g.add(ontology, RDF.type, DCTERMS.Standard)
    g.add(SPARQL_PROTOCOL, RDF.type, DCTERMS.Standard)
    g.add(landing, RDF.type, FOAF.Document)
    g.add(docs, RDF.type, FOAF.Document)
    return grouped(g.triples)


def grouped(triples: list[ox.Triple]) -> list[ox.Triple]:
    """``triples`` with each subject's triples together, subjects in order of appearance (so
    Turtle writes one block per subject)."""
    first: dict[object, int] = {}
    for t in triples:
        first.setdefault(t.subject, len(first))
    return sorted(triples, key=lambda t: first[t.subject])


def _common(g: _Graph, iris: Iris, node: URIRef, info: DatasetInfo,
            title: tuple[str, str], text: tuple[str, str]) -> None:
    """What the dataset and the data service share: titles, publisher, contact, rights."""
    g.add(node, DCTERMS.title, _lit(title[0], "nl"), _lit(title[1], "en"))
    g.add(node, DCTERMS.description, _lit(text[0], "nl"), _lit(text[1], "en"))
    g.add(node, DCTERMS.identifier, _lit(str(node)))
    g.add(node, DCTERMS.publisher, URIRef(info.publisher))
    g.add(node, DCTERMS.creator, URIRef(info.publisher))
    g.add(node, DCAT.contactPoint, iris.dataset_part("contact"))
    g.add(node, DCTERMS.accessRights, EU_AUTHORITY["access-right/PUBLIC"])
    g.add(node, DCTERMS.license, CC0)
    g.add(node, DCTERMS.language, EU_AUTHORITY["language/NLD"])
    for code, _, _ in info.themes:
        g.add(node, DCAT.theme, EU_AUTHORITY[f"data-theme/{code}"])
    g.add(node, DCAT.landingPage, iris.web(""))
    g.add(node, FOAF.page, iris.web("docs"))


def _distribution(g: _Graph, iris: Iris, ds: URIRef, fmt: DumpFormat) -> None:
    node, url = iris.dataset_part("distribution", fmt.name), iris.web(f"export/{fmt.name}")
    media, file_type = IANA_MEDIA_TYPES[fmt.media_type], EU_AUTHORITY[f"file-type/{fmt.file_type}"]
    g.add(ds, DCAT.distribution, node)
    g.add(ds, VOID.dataDump, url)
    g.add(node, RDF.type, DCAT.Distribution)
    g.add(node, DCTERMS.title, _lit(f"Volledige export ({fmt.title})", "nl"),
          _lit(f"Full dump ({fmt.title})", "en"))
    g.add(node, DCAT.accessURL, url)
    g.add(node, DCAT.downloadURL, url)
    g.add(node, DCAT.mediaType, media)
    g.add(node, DCTERMS.format, file_type)
    g.add(node, DCTERMS.license, CC0)
    g.add(node, DCTERMS.language, EU_AUTHORITY["language/NLD"])
    g.add(node, DCTERMS.conformsTo, iris.ontology())
    g.add(node, DCAT.accessService, iris.dataset_part("service"))
    g.add(url, RDF.type, RDFS.Resource)
    g.add(media, RDF.type, DCTERMS.MediaType)
    g.add(file_type, RDF.type, DCTERMS.MediaTypeOrExtent)


def _service(g: _Graph, iris: Iris, node: URIRef, ds: URIRef, info: DatasetInfo) -> None:
    endpoint = iris.web("sparql")
    g.add(node, RDF.type, DCAT.DataService)
    _common(g, iris, node, info, title=("npcegraph SPARQL-endpoint", "npcegraph SPARQL endpoint"),
            text=("SPARQL 1.1-endpoint, gelinkte data en exports van de npcegraph-kennisgraaf.",
                  "SPARQL 1.1 endpoint, linked data and dumps of the npcegraph knowledge graph."))
    g.add(node, DCAT.endpointURL, endpoint)
    g.add(node, DCAT.endpointDescription, endpoint)  # GET without a query: service description
    g.add(node, DCAT.servesDataset, ds)
    g.add(node, DCTERMS.conformsTo, SPARQL_PROTOCOL)
    for keyword, lang in info.keywords[:2] + (("SPARQL", ""),):
        g.add(node, DCAT.keyword, _lit(keyword, lang))
    g.add(endpoint, RDF.type, RDFS.Resource)


def _void(g: _Graph, iris: Iris, ds: URIRef, stats: VoidStats) -> None:
    g.add(ds, VOID.sparqlEndpoint, iris.web("sparql"))
    g.add(ds, VOID.uriSpace, _lit(iris.base))
    g.add(ds, VOID.triples, _n(stats.triples))
    g.add(ds, VOID.entities, _n(stats.entities))
    g.add(ds, VOID.distinctSubjects, _n(stats.distinct_subjects))
    g.add(ds, VOID.distinctObjects, _n(stats.distinct_objects))
    g.add(ds, VOID.classes, _n(len(stats.classes)))
    g.add(ds, VOID.properties, _n(len(stats.properties)))
    prefixes = iris.prefixes()
    for cls, count in stats.classes:
        part = iris.dataset_part("class", _local(cls, prefixes))
        g.add(ds, VOID.classPartition, part)
        g.add(part, VOID["class"], URIRef(cls))
        g.add(part, VOID.entities, _n(count))
    vocabularies = set()
    for prop, count in stats.properties:
        part = iris.dataset_part("property", _local(prop, prefixes))
        g.add(ds, VOID.propertyPartition, part)
        g.add(part, VOID.property, URIRef(prop))
        g.add(part, VOID.triples, _n(count))
        vocabularies.add(prop[:max(prop.rfind("#"), prop.rfind("/")) + 1])
    for vocabulary in sorted(vocabularies):
        g.add(ds, VOID.vocabulary, URIRef(vocabulary))


def describe_store(store: Queryable, info: DatasetInfo | None = None) -> list[ox.Triple]:
    """Count ``store`` and describe it."""
    return description(store.iris, void_statistics(store), info)
