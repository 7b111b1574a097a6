"""Measures as RDF: one node per measure key, one mention per letter."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from npcegraph.extract.facts import Measure
from npcegraph.letters import Letter
from npcegraph.rdf.builder import LetterGraphBuilder
from npcegraph.rdf.facts import add_amount


def add_measure(builder: LetterGraphBuilder, letter: Letter, measure: Measure) -> URIRef:
    """The measure node (shared across letters) and this letter's mention of it."""
    npce, add = builder.npce, builder.add
    node = builder.iris.measure(measure.key)
    mention = builder.node("measure-mention", measure.key)
    evidence = builder.evidence(mention, measure.evidence)
    add(node, RDF.type, npce.Measure)
    add(node, RDFS.label, Literal(measure.label, lang="nl"))
    add(node, npce.evidence, evidence)
    for ministry in measure.ministries:
        add(node, npce.responsibleMinistry, URIRef(ministry))
    if not measure.ministries:
        add(node, npce.responsibleMinistryUnknown, Literal(True))
    for predicate, iris in (
        (npce.usesInstrument, measure.instruments),
        (npce.targetsProductGroup, measure.product_groups),
        (npce.servesGoal, measure.goals),
        (npce.appliesStrategy, measure.strategies),
        (npce.concernsEuAct, measure.eu_acts),
    ):
        for iri in iris:
            add(node, predicate, URIRef(iri))
    for amount in measure.amounts:
        add(node, npce.hasAmount, add_amount(builder, amount))
    add(node, npce.status, URIRef(measure.status))
    add(node, npce.hasMention, mention)
    add(mention, RDF.type, npce.MeasureMention)
    add(mention, npce.inLetter, builder.letter)
    if letter.date:
        add(mention, DCTERMS.date, Literal(letter.date.isoformat(), datatype=XSD.date))
    add(mention, npce.status, URIRef(measure.status))
    add(mention, npce.ministrySource, Literal(measure.ministry_source))
    if measure.answer:
        add(mention, npce.inAnswer, builder.node("answer", measure.answer))
    for statement in measure.statements:
        if (statement.start, statement.end) != (measure.evidence.start, measure.evidence.end):
            add(mention, npce.statement, builder.evidence(
                builder.node("statement", f"{statement.start}-{statement.end}"), statement))
    add(mention, npce.evidence, evidence)
    return node
