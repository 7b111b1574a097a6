"""Hand-written letters for the extraction tests: a standard header above a body."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from npcegraph.concepts import Vocabulary
from npcegraph.extract import LetterFacts, extract_facts
from npcegraph.letters import Letter, letter_from_text

HEADER = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2025-2026

32 852 Grondstoffenvoorzieningszekerheid

Nr. 990 BRIEF VAN DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 maart 2026

"""

FactsOf = Callable[[str], tuple[Letter, LetterFacts]]


@pytest.fixture
def facts_of(tiny_nlp: Language, tiny_vocab: Vocabulary) -> FactsOf:
    """Extract the facts of a letter whose body is given, under a standard header (3 March
    2026, Staatssecretaris IenW), with the tiny vocabulary."""
    def extract(body: str) -> tuple[Letter, LetterFacts]:
        letter = letter_from_text(HEADER + body)
        return letter, extract_facts(letter, tiny_nlp(letter.text), tiny_vocab)
    return extract
