"""Parts of money amounts ("waarvan € 45 miljoen") on hand-written sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest
from spacy.language import Language

from npcegraph.extract.entities import amounts


def parts(nlp: Language, text: str) -> list[tuple[int, str | None]]:
    """(value in millions, the whole's text or None) of every amount in ``text``."""
    found = amounts(nlp(text))
    return [(int(a.value / Decimal(10**6)),
             text[a.part_of[0]:a.part_of[1]] if a.part_of else None) for a in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("Voor de regeling is € 65 miljoen beschikbaar, waarvan 45 mln euro in de eerste ronde.",
     [(65, None), (45, "€ 65 miljoen")]),
    ("Het project kost € 220 miljoen. Hiervan is € 125 miljoen direct toegekend, de rest in "
     "twee fases (€ 43 miljoen en € 53 miljoen).",
     [(220, None), (125, "€ 220 miljoen"), (43, "€ 220 miljoen"), (53, "€ 220 miljoen")]),
    ("De regeling krijgt € 30 miljoen. Daarvan gaat € 10 miljoen naar textiel. Verder is er "
     "€ 5 miljoen voor matrassen.",
     [(30, None), (10, "€ 30 miljoen"), (5, None)]),
    # no cue, or a larger amount after the cue: no part
    ("Er is € 10 miljoen voor textiel en € 12 miljoen voor matrassen.", [(10, None), (12, None)]),
    ("Er is € 10 miljoen, waarvan de helft voor textiel, naast € 12 miljoen voor matrassen.",
     [(10, None), (12, None)]),
])
def test_an_amount_after_waarvan_is_part_of_the_amount_before(tiny_nlp: Language, text: str,
                                                              expected: list) -> None:
    assert parts(tiny_nlp, text) == expected
