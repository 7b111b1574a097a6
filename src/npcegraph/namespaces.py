"""Every namespace and IRI-minting helper; no IRI strings anywhere else in the code."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from npcegraph.settings import DEFAULT_BASE_IRI
from npcegraph.slugs import slugify

ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VOID = Namespace("http://rdfs.org/ns/void#")
SH = Namespace("http://www.w3.org/ns/shacl#")
TOOI_MINISTRY = Namespace("https://identifier.overheid.nl/tooi/id/ministerie/")
OFFICIELE_BEKENDMAKINGEN = "https://zoek.officielebekendmakingen.nl/"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
# EU Vocabularies authority tables named by DCAT-AP (-NL) for themes, formats, access rights, ...
EU_AUTHORITY = Namespace("http://publications.europa.eu/resource/authority/")
IANA_MEDIA_TYPES = Namespace("http://www.iana.org/assignments/media-types/")
CC0 = URIRef("http://creativecommons.org/publicdomain/zero/1.0/")
SPARQL_PROTOCOL = URIRef("https://www.w3.org/TR/sparql11-protocol/")
IENW_WEBSITE = URIRef(
    "https://www.rijksoverheid.nl/ministeries/ministerie-van-infrastructuur-en-waterstaat")

# Prefixes for serialisations and pages (the project's own are added by Iris.prefixes).
PREFIXES: dict[str, str] = {
    "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL), "xsd": str(XSD), "skos": str(SKOS),
    "dcterms": str(DCTERMS), "prov": str(PROV), "org": str(ORG), "oa": str(OA),
    "schema": str(SCHEMA), "foaf": str(FOAF), "dcat": str(DCAT), "void": str(VOID),
    "vcard": str(VCARD), "sh": str(SH),
}

# Concept kinds and the path segment their IRIs live under (id/<segment>/<slug>).
CONCEPT_KINDS: dict[str, str] = {
    "instrument": "instrument",
    "ministry": "ministry",
    "product_group": "product-group",
    "strategy": "strategy",
    "goal": "goal",
    "organisation": "organisation",
    "status": "status",
    "letter_kind": "letter-kind",
    "instrument_type": "instrument-type",
    "post": "post",
    "eu_act": "eu-act",
    "party": "party",
}

__all__ = [
    "DCAT", "DCTERMS", "FOAF", "OA", "ORG", "OWL", "PROV", "RDF", "RDFS", "SCHEMA", "SH",
    "SKOS", "TOOI_MINISTRY", "VOID", "XSD", "CONCEPT_KINDS", "Iris", "slugify",
    "VCARD", "EU_AUTHORITY", "IANA_MEDIA_TYPES", "CC0", "SPARQL_PROTOCOL", "IENW_WEBSITE",
    "PREFIXES",
]


@dataclass(frozen=True)
class Iris:
    """Mints the project's IRIs under one configurable base."""

    base: str = DEFAULT_BASE_IRI

    @property
    def npce(self) -> Namespace:
        """The project vocabulary namespace (classes and properties)."""
        return Namespace(self.base + "def/")

    def concept(self, kind: str, slug: str) -> URIRef:
        """A concept of one of :data:`CONCEPT_KINDS`."""
        return URIRef(f"{self.base}id/{CONCEPT_KINDS[kind]}/{slug}")

    def scheme(self, kind: str) -> URIRef:
        """The SKOS concept scheme holding concepts of ``kind``."""
        return URIRef(f"{self.base}id/scheme/{CONCEPT_KINDS[kind]}")

    def letter(self, slug: str) -> URIRef:
        """A letter; also the IRI of the named graph holding its facts."""
        return URIRef(f"{self.base}id/letter/{slug}")

    def measure(self, slug: str) -> URIRef:
        """A policy measure (one node across all letters mentioning it)."""
        return URIRef(f"{self.base}id/measure/{slug}")

    def candidate(self, kind: str, slug: str) -> URIRef:
        """A concept discovered in text but not yet curated."""
        return URIRef(f"{self.base}id/candidate/{CONCEPT_KINDS[kind]}/{slug}")

    def in_letter(self, letter_slug: str, kind: str, key: str) -> URIRef:
        """A node that belongs to one letter: a mention, evidence, amount, section, ..."""
        return URIRef(f"{self.base}id/letter/{letter_slug}/{kind}/{key}")

    def person(self, name: str) -> URIRef:
        """A person (signer of a letter)."""
        return URIRef(f"{self.base}id/person/{slugify(name)}")

    def graph(self, name: str) -> URIRef:
        """A named graph that is not a letter: ``vocab``, ``ontology``, ``quarantine/<slug>``."""
        return URIRef(f"{self.base}graph/{name}")

    def dataset(self) -> URIRef:
        """The DCAT dataset describing the whole graph."""
        return URIRef(f"{self.base}id/dataset/npcegraph")

    def dataset_part(self, *parts: str) -> URIRef:
        """A node of the dataset description (distribution, contact point, partition)."""
        return URIRef("/".join([str(self.dataset()), *parts]))

    def ontology(self) -> URIRef:
        """The ontology (``def/``), also the standard the dataset conforms to."""
        return URIRef(f"{self.base}def/")

    def web(self, path: str) -> URIRef:
        """A page or service of the server, the base IRI standing for its root
        (``sparql``, ``export/nquads``, ``.well-known/void``)."""
        return URIRef(self.base + path)

    def prefixes(self) -> dict[str, str]:
        """:data:`PREFIXES` plus ``npce:`` (the project's terms)."""
        return {"npce": str(self.npce), **PREFIXES}
