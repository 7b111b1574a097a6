"""EU institutions named short ("de Commissie", "de Raad") in sentences about the EU."""

from __future__ import annotations

import pytest
from spacy.language import Language

from npcegraph.concepts import Vocabulary
from npcegraph.extract.entities import mentions
from npcegraph.extract.eu_institutions import short_eu_names


def short(nlp: Language, vocabulary: Vocabulary, text: str) -> list[tuple[str, str]]:
    """(quote, organisation slug) of each EU institution named short in ``text``."""
    doc = nlp(text)
    return [(m.evidence.quote, m.concept.rsplit("/", 1)[-1])
            for m in short_eu_names(doc, vocabulary, mentions(doc, vocabulary, None))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Het Europees Parlement en de Raad bereikten een akkoord.", [("Raad", "raad-van-de-eu")]),
    ("De richtlijn is aangenomen door de Raad.", [("Raad", "raad-van-de-eu")]),
    ("De CE Act, die de Commissie heeft aangekondigd, komt eind 2026.",
     [("Commissie", "europese-commissie")]),
    # not about the EU, or a body of its own
    ("Het advies van de Raad is helder.", []),
    ("De Raad van State adviseert over de Europese richtlijn.", []),
    ("De Commissie voor de m.e.r. toetst het Europese project.", []),
    # the full name is the gazetteer's
    ("De Europese Commissie stelt voor.", []),
])
def test_short_names_in_sentences_about_the_eu(nlp: Language, vocabulary: Vocabulary,
                                               text: str, expected: list[tuple[str, str]]
                                               ) -> None:
    assert short(nlp, vocabulary, text) == expected
