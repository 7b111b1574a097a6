"""Entity mentions, amounts, quantities, dates and references as RDF."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from npcegraph.extract.facts import Amount, Evidence, LetterFacts
from npcegraph.namespaces import SCHEMA
from npcegraph.rdf.builder import LetterGraphBuilder, decimal

_DATE_TYPES = {"date": XSD.date, "gYearMonth": XSD.gYearMonth, "gYear": XSD.gYear}


def _key(evidence: Evidence) -> str:
    return f"{evidence.start}-{evidence.end}"


def add_amount(builder: LetterGraphBuilder, amount: Amount) -> URIRef:
    """A ``schema:MonetaryAmount`` in euros (``dcterms:isPartOf`` the amount it is part of)."""
    node = builder.node("amount", _key(amount.evidence))
    builder.add(node, RDF.type, SCHEMA.MonetaryAmount)
    builder.add(node, SCHEMA.value, decimal(amount.value))
    builder.add(node, SCHEMA.currency, Literal(amount.currency))
    builder.add(node, builder.npce.evidence, builder.evidence(node, amount.evidence))
    if amount.part_of is not None:  # "€ 65 miljoen, waarvan € 45 miljoen ..."
        start, end = amount.part_of
        builder.add(node, DCTERMS.isPartOf, builder.node("amount", f"{start}-{end}"))
    return node


def add_facts(builder: LetterGraphBuilder, facts: LetterFacts) -> None:
    """Every mention, amount, quantity, date and reference of the letter."""
    npce, add = builder.npce, builder.add
    for mention in facts.mentions:
        node = builder.node("mention", _key(mention.evidence))
        add(node, RDF.type, npce.Mention)
        add(node, npce.concept, URIRef(mention.concept))
        add(node, npce.mentionType, Literal(mention.kind))
        add(node, npce.inLetter, builder.letter)
        if mention.ministry:
            add(node, npce.ministry, URIRef(mention.ministry))
        add(node, npce.evidence, builder.evidence(node, mention.evidence))
    for amount in facts.amounts:
        add_amount(builder, amount)
    for quantity in facts.quantities:
        node = builder.node("quantity", _key(quantity.evidence))
        add(node, RDF.type, SCHEMA.QuantitativeValue)
        add(node, SCHEMA.value, decimal(quantity.value))
        if quantity.upper is not None:
            add(node, SCHEMA.maxValue, decimal(quantity.upper))
        add(node, SCHEMA.unitText, Literal(quantity.unit))
        add(node, npce.evidence, builder.evidence(node, quantity.evidence))
    for date_mention in facts.dates:
        node = builder.node("date", _key(date_mention.evidence))
        add(node, RDF.type, npce.DateMention)
        datatype = _DATE_TYPES[date_mention.datatype]
        add(node, npce.date, Literal(date_mention.value, datatype=datatype))
        if date_mention.qualifier:
            add(node, npce.qualifier, Literal(date_mention.qualifier))
        add(node, npce.evidence, builder.evidence(node, date_mention.evidence))
    for reference in facts.references:
        node = builder.node("reference", _key(reference.evidence))
        add(node, RDF.type, npce.Reference)
        add(node, npce.referenceType, Literal(reference.ref_type))
        add(node, DCTERMS.identifier, Literal(reference.identifier))
        if reference.target:
            add(node, npce.refersTo, URIRef(reference.target))
        elif reference.ref_type in ("kamerstuk", "motie"):
            add(node, npce.refersTo, builder.iris.letter("kst-" + reference.identifier))
        add(node, npce.evidence, builder.evidence(node, reference.evidence))
