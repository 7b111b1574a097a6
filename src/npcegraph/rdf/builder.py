"""A small helper that adds triples for one letter's graph with the project's IRIs."""

from __future__ import annotations

from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from npcegraph.extract.facts import Evidence
from npcegraph.namespaces import OA, Iris

Node = URIRef | BNode | Literal


class LetterGraphBuilder:
    """Collects the triples of one letter's named graph."""

    def __init__(self, iris: Iris, letter_slug: str) -> None:
        self.iris = iris
        self.npce = iris.npce
        self.slug = letter_slug
        self.letter = iris.letter(letter_slug)
        self.graph = Graph(identifier=self.letter)
        for prefix, namespace in (("npce", self.npce), ("oa", OA)):
            self.graph.bind(prefix, namespace)

    def add(self, subject: URIRef, predicate: URIRef, obj: Node | None) -> None:
        """Add one triple; ``None`` objects are skipped."""
        if obj is not None:
            self.graph.add((subject, predicate, obj))

    def node(self, kind: str, key: str) -> URIRef:
        """An IRI for a node that belongs to this letter."""
        return self.iris.in_letter(self.slug, kind, key)

    def evidence(self, fact: URIRef, evidence: Evidence) -> URIRef:
        """The ``npce:Evidence`` of ``fact`` (``<fact>/evidence``) with its two selectors."""
        node = URIRef(f"{fact}/evidence")
        target = URIRef(f"{node}/target")
        quote, position = URIRef(f"{node}/quote"), URIRef(f"{node}/position")
        self.add(node, RDF.type, self.npce.Evidence)
        self.add(node, OA.hasTarget, target)
        self.add(node, self.npce.confidence, decimal(evidence.confidence))
        if evidence.low_confidence:
            self.add(node, self.npce.lowConfidence, Literal(True))
        self.add(target, RDF.type, OA.SpecificResource)
        self.add(target, OA.hasSource, self.letter)
        self.add(target, OA.hasSelector, quote)
        self.add(target, OA.hasSelector, position)
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, Literal(evidence.quote))
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, Literal(evidence.start, datatype=XSD.nonNegativeInteger))
        self.add(position, OA.end, Literal(evidence.end, datatype=XSD.nonNegativeInteger))
        return node


def decimal(value: float | Decimal) -> Literal:
    """An ``xsd:decimal`` literal without float noise."""
    as_decimal = value if isinstance(value, Decimal) else Decimal(str(round(value, 4)))
    return Literal(as_decimal.normalize() if as_decimal == as_decimal.to_integral_value()
                   else as_decimal, datatype=XSD.decimal)
