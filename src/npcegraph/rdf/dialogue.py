"""Written questions and answers, commitments and candidate concepts as RDF."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from npcegraph.extract.facts import LetterFacts
from npcegraph.letters import Letter
from npcegraph.namespaces import CONCEPT_KINDS
from npcegraph.rdf.builder import LetterGraphBuilder

_DATE_TYPES = {"date": XSD.date, "gYearMonth": XSD.gYearMonth, "gYear": XSD.gYear}


def add_questions(builder: LetterGraphBuilder, facts: LetterFacts) -> None:
    """Each question with its party groups and topics, linked to the answer covering it."""
    npce, add = builder.npce, builder.add
    for answer in facts.answers:
        node = builder.node("answer", answer.key)
        add(node, RDF.type, npce.Answer)
        add(node, npce.answerLabel, Literal(" ".join(answer.numbers)))
        add(node, DCTERMS.isPartOf, builder.letter)
        for ministry in answer.ministries:
            add(node, npce.answeringMinistry, URIRef(ministry))
        add(node, npce.evidence, builder.evidence(node, answer.evidence))
    for ministry in facts.answering:
        add(builder.letter, npce.answeringMinistry, URIRef(ministry))
    for question in facts.questions:
        node = builder.node("question", question.number)
        add(node, RDF.type, npce.Question)
        add(node, npce.number, Literal(question.number))
        add(node, DCTERMS.isPartOf, builder.letter)
        if question.party_label:
            add(node, npce.partyLabel, Literal(question.party_label))
        for party in question.parties:
            add(node, npce.party, URIRef(party))
        for topic in question.topics:
            add(node, npce.asksAbout, URIRef(topic))
        if question.answer:
            add(node, npce.answeredBy, builder.node("answer", question.answer))
        add(node, npce.evidence, builder.evidence(node, question.evidence))


def add_commitments(builder: LetterGraphBuilder, letter: Letter, facts: LetterFacts) -> None:
    """Dated commitments, linked to their measure and (in a verslag) to the answer."""
    npce, add = builder.npce, builder.add
    for commitment in facts.commitments:
        evidence = commitment.evidence
        node = builder.node("commitment", f"{evidence.start}-{evidence.end}")
        add(node, RDF.type, npce.Commitment)
        add(node, DCTERMS.isPartOf, builder.letter)
        if letter.date:
            add(node, DCTERMS.date, Literal(letter.date.isoformat(), datatype=XSD.date))
        if commitment.due and commitment.due_datatype in _DATE_TYPES:
            add(node, npce.due, Literal(commitment.due,
                                        datatype=_DATE_TYPES[commitment.due_datatype]))
        if commitment.qualifier:
            add(node, npce.dueQualifier, Literal(commitment.qualifier))
        if commitment.measure:
            add(node, npce.commitmentFor, builder.iris.measure(commitment.measure))
        for answer in facts.answers:
            if answer.evidence.start <= evidence.start < answer.evidence.end:
                add(node, npce.inAnswer, builder.node("answer", answer.key))
        add(node, npce.evidence, builder.evidence(node, evidence))


def add_candidates(builder: LetterGraphBuilder, facts: LetterFacts) -> None:
    """Concepts found in the text but not in the curated vocabulary, flagged for curation."""
    npce, add = builder.npce, builder.add
    for candidate in facts.candidates:
        concept = builder.iris.candidate(candidate.kind, candidate.slug)
        add(concept, RDF.type, SKOS.Concept)
        add(concept, npce.candidate, Literal(True))
        add(concept, SKOS.prefLabel, Literal(candidate.label, lang="nl"))
        add(concept, npce.candidateKind, Literal(CONCEPT_KINDS[candidate.kind]))
        add(concept, npce.cue, Literal(candidate.cue))
        evidence = candidate.evidence
        node = builder.node("mention", f"{evidence.start}-{evidence.end}")
        add(node, RDF.type, npce.Mention)
        add(node, npce.concept, concept)
        add(node, npce.mentionType, Literal(candidate.kind))
        add(node, npce.inLetter, builder.letter)
        add(node, npce.evidence, builder.evidence(node, evidence))
        add(builder.letter, npce.mentions, concept)
