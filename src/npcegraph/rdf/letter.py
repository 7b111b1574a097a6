"""Letter metadata, sections and footnotes as RDF (DCTERMS, PROV-O, FOAF)."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from npcegraph import __version__
from npcegraph.extract.facts import LetterFacts
from npcegraph.letters import Letter
from npcegraph.namespaces import FOAF, OFFICIELE_BEKENDMAKINGEN
from npcegraph.rdf.builder import LetterGraphBuilder


def _text(value: str | None) -> Literal | None:
    return Literal(value) if value else None


def add_letter(builder: LetterGraphBuilder, letter: Letter, facts: LetterFacts) -> None:
    """The letter node with its metadata, what is unknown, and its provenance."""
    npce, node, add = builder.npce, builder.letter, builder.add
    add(node, RDF.type, npce.Letter)
    add(node, DCTERMS.identifier, Literal(letter.slug))
    add(node, DCTERMS.type, builder.iris.concept("letter_kind", letter.kind))
    add(node, DCTERMS.title, _text(letter.title))
    if letter.date:
        add(node, DCTERMS.date, Literal(letter.date.isoformat(), datatype=XSD.date))
    else:
        add(node, npce.unknownField, Literal("date"))
    add(node, npce.kamerstuk, _text(letter.kamerstuk))
    add(node, npce.dossier, _text(letter.dossier))
    add(node, npce.dossierTitle, _text(letter.dossier_title))
    add(node, npce.kamerstukNumber, _text(letter.number))
    add(node, npce.vergaderjaar, _text(letter.year_label))
    add(node, npce.documentNumber, _text(letter.document_number))
    if facts.sender:
        add(node, DCTERMS.creator, URIRef(facts.sender))
    else:
        add(node, npce.unknownField, Literal("sender"))
    add(node, npce.senderTitle, _text(letter.sender))
    for ministry in facts.co_senders:
        add(node, npce.coSender, URIRef(ministry))
    if letter.signer_name:
        person = builder.iris.person(letter.signer_name)
        add(node, npce.signer, person)
        add(person, RDF.type, FOAF.Person)
        add(person, FOAF.name, Literal(letter.signer_name))
    add(node, npce.addressee, _text(letter.addressee))
    add(node, npce.text, Literal(letter.text))
    add(node, npce.sourceFile, Literal(letter.source.replace("\\", "/").rsplit("/", 1)[-1]))
    add(node, npce.sourceFormat, Literal(letter.source_format))
    for warning in (*letter.warnings, *facts.warnings):
        add(node, npce.warning, Literal(warning))
    for concept in facts.concepts():
        add(node, npce.mentions, URIRef(concept))
    if letter.kamerstuk:
        page = f"{OFFICIELE_BEKENDMAKINGEN}{letter.slug}.html"
        add(node, RDFS.seeAlso, URIRef(page))
    activity = builder.node("activity", "extraction")
    add(node, PROV.wasGeneratedBy, activity)
    add(activity, RDF.type, PROV.Activity)
    add(activity, npce.pipelineVersion, Literal(__version__))
    add(activity, PROV.used, builder.iris.graph("vocab"))


def add_structure(builder: LetterGraphBuilder, letter: Letter) -> None:
    """Sections (headings) and footnotes with their offsets."""
    npce, add = builder.npce, builder.add
    for number, section in enumerate(letter.sections, start=1):
        node = builder.node("section", str(number))
        add(node, RDF.type, npce.Section)
        add(node, DCTERMS.title, Literal(section.heading))
        add(node, npce.level, Literal(section.level))
        add(node, npce.start, Literal(section.start, datatype=XSD.nonNegativeInteger))
        add(node, npce.end, Literal(section.end, datatype=XSD.nonNegativeInteger))
        add(node, DCTERMS.isPartOf, builder.letter)
    for footnote in letter.footnotes:
        node = builder.node("footnote", footnote.number)
        add(node, RDF.type, npce.Footnote)
        add(node, npce.number, Literal(footnote.number))
        add(node, npce.start, Literal(footnote.start, datatype=XSD.nonNegativeInteger))
        add(node, npce.end, Literal(footnote.end, datatype=XSD.nonNegativeInteger))
        add(node, DCTERMS.isPartOf, builder.letter)
