"""Every npcegraph spaCy component, registered with spaCy's factory mechanism."""

from __future__ import annotations

from spacy.language import Language

from npcegraph.nlp.dates import DateFinder
from npcegraph.nlp.gazetteer import Gazetteer
from npcegraph.nlp.money import MoneyFinder
from npcegraph.nlp.quantities import QuantityFinder
from npcegraph.nlp.references import ReferenceFinder
from npcegraph.nlp.sentences import SentenceSegmenter
from npcegraph.nlp.values import CONCEPTS_KEY, DATE_KEY, MONEY_KEY, QUANTITY_KEY, REFERENCE_KEY


@Language.factory("npce_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceSegmenter:
    """Sentence boundaries that respect line breaks and abbreviations."""
    return SentenceSegmenter()


@Language.factory(
    "npce_gazetteer", assigns=["doc.spans"],
    default_config={"spans_key": CONCEPTS_KEY},
)
def make_gazetteer(nlp: Language, name: str, spans_key: str) -> Gazetteer:
    """Concept labels from the SKOS vocabularies (phrases added with ``add_phrases``)."""
    return Gazetteer(nlp, spans_key)


@Language.factory(
    "npce_money", assigns=["doc.spans"], default_config={"spans_key": MONEY_KEY}
)
def make_money(nlp: Language, name: str, spans_key: str) -> MoneyFinder:
    """Euro amounts."""
    return MoneyFinder(spans_key)


@Language.factory(
    "npce_quantities", assigns=["doc.spans"],
    default_config={"spans_key": QUANTITY_KEY},
)
def make_quantities(nlp: Language, name: str, spans_key: str) -> QuantityFinder:
    """Quantities with units (percentages, Mton CO2, ...)."""
    return QuantityFinder(spans_key)


@Language.factory(
    "npce_dates", assigns=["doc.spans"], default_config={"spans_key": DATE_KEY}
)
def make_dates(nlp: Language, name: str, spans_key: str) -> DateFinder:
    """Dates, months and qualified years."""
    return DateFinder(spans_key)


@Language.factory(
    "npce_references", assigns=["doc.spans"],
    default_config={"spans_key": REFERENCE_KEY},
)
def make_references(nlp: Language, name: str, spans_key: str) -> ReferenceFinder:
    """Kamerstukken, moties, toezeggingen and EU acts."""
    return ReferenceFinder(spans_key)
