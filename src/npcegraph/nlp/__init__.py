"""The spaCy pipeline: ``spacy.blank("nl")`` plus rules and the vocabulary gazetteer."""

from __future__ import annotations

import spacy
from spacy.language import Language

from npcegraph.concepts import Vocabulary
from npcegraph.nlp import factories  # noqa: F401  (registers the factories)
from npcegraph.nlp.tokenizer import customise_tokenizer
from npcegraph.nlp.values import (
    CONCEPTS_KEY,
    DATE_KEY,
    MONEY_KEY,
    QUANTITY_KEY,
    REFERENCE_KEY,
    VALUE_ATTR,
)

__all__ = [
    "CONCEPTS_KEY", "DATE_KEY", "MONEY_KEY", "QUANTITY_KEY", "REFERENCE_KEY", "VALUE_ATTR",
    "build_nlp",
]


def build_nlp(vocabulary: Vocabulary) -> Language:
    """Build the pipeline once per process; the gazetteer comes from ``vocabulary``."""
    nlp = spacy.blank("nl")
    customise_tokenizer(nlp)
    nlp.add_pipe("npce_sentences")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    gazetteer = nlp.add_pipe("npce_gazetteer")
    nlp.add_pipe("npce_money")
    nlp.add_pipe("npce_quantities")
    nlp.add_pipe("npce_dates")
    nlp.add_pipe("npce_references")
    nlp.initialize()
    gazetteer.add_phrases(vocabulary.phrases())
    return nlp
