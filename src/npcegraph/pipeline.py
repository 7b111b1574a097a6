"""One letter through the stages: letters -> nlp -> extract -> rdf -> validate.

:class:`Pipeline` builds the spaCy pipeline once per process and turns a letter into its named
graph and validation outcome; nothing here touches a store.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from npcegraph.concepts import Vocabulary
from npcegraph.curation import rejected
from npcegraph.extract import LetterFacts, extract_facts
from npcegraph.extract.statement_model import StatementModel
from npcegraph.letters import Letter, read_letter
from npcegraph.namespaces import Iris
from npcegraph.nlp import build_nlp
from npcegraph.rdf import letter_graph
from npcegraph.resources import vocab_dir
from npcegraph.settings import Settings
from npcegraph.validate import Outcome, validate_graph
from npcegraph.vocab import load_vocabulary


@dataclass(frozen=True)
class Processed:
    """A letter with its facts, graph and validation outcome."""

    letter: Letter
    facts: LetterFacts
    graph: Graph
    outcome: Outcome


class Pipeline:
    """The NLP pipeline and vocabulary, loaded once and reused for every letter."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.iris = Iris(settings.base_iri)
        self.vocabulary: Vocabulary = load_vocabulary(settings.base_iri)
        self.nlp = build_nlp(self.vocabulary)
        self.rejected = rejected(vocab_dir())
        self.statement_model: StatementModel | None = None  # None: the shipped classifier

    def facts(self, letter: Letter) -> LetterFacts:
        """Run the NLP pipeline and extraction on one letter."""
        return extract_facts(letter, self.nlp(letter.text), self.vocabulary, self.rejected,
                             self.statement_model)

    def process_letter(self, letter: Letter, validate: bool = True) -> Processed:
        """Facts, graph and (optionally) validation of one letter."""
        facts = self.facts(letter)
        graph = letter_graph(letter, facts, self.iris)
        outcome = (validate_graph(graph, engine=self.settings.validator,
                                  base_iri=self.settings.base_iri) if validate else None)
        return Processed(letter, facts, graph, outcome)  # type: ignore[arg-type]

    def process_file(self, path: Path, validate: bool = True) -> Processed:
        """Read and process one letter file (raises LetterError on bad input)."""
        return self.process_letter(read_letter(path), validate=validate)
