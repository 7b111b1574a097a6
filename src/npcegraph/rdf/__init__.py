"""Facts and letter metadata to RDF: one rdflib Graph per letter (its named graph)."""

from __future__ import annotations

from rdflib import Graph

from npcegraph.extract.facts import LetterFacts
from npcegraph.letters import Letter
from npcegraph.namespaces import Iris
from npcegraph.rdf.builder import LetterGraphBuilder
from npcegraph.rdf.dialogue import add_candidates, add_commitments, add_questions
from npcegraph.rdf.facts import add_facts
from npcegraph.rdf.letter import add_letter, add_structure
from npcegraph.rdf.measures import add_measure

__all__ = ["letter_graph"]


def letter_graph(letter: Letter, facts: LetterFacts, iris: Iris) -> Graph:
    """The named graph of one letter; its identifier is the letter's IRI."""
    builder = LetterGraphBuilder(iris, letter.slug)
    add_letter(builder, letter, facts)
    add_structure(builder, letter)
    add_facts(builder, facts)
    for measure in facts.measures:
        add_measure(builder, letter, measure)
    add_questions(builder, facts)
    add_commitments(builder, letter, facts)
    add_candidates(builder, facts)
    return builder.graph
