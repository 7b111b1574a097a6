"""The government as subject of a clause and the class of its verb (classifier features)."""

from __future__ import annotations

import pytest

from npcegraph.extract.clause import government_verbs


@pytest.mark.parametrize(
    ("sentence", "classes"),
    [
        # subject first, verb second
        ("Het kabinet verkent de mogelijkheden voor een heffing.", {"deed"}),
        ("De Minister van Economische Zaken stelt € 3,5 miljoen beschikbaar.", {"deed"}),
        ("De Minister van Landbouw, Visserij, Voedselzekerheid en Natuur werkt aan een plan.",
         {"deed"}),
        ("BZK, als systeemverantwoordelijke voor het rijksinkoopstelsel, start een evaluatie.",
         {"deed"}),
        # a first constituent, then the verb, then the subject
        ("Daarom pleit Nederland voor aanvullende nationale lijsten.", {"deed"}),
        ("Zoals in het NPCE is beschreven, beziet het kabinet de prikkels.", {"deed"}),
        # a view, not a deed; an auxiliary whose infinitive comes later
        ("Het kabinet signaleert het risico van verdere druk op de waterkwaliteit.", {"view"}),
        ("Daarvan zie ik enkele als aanmoediging van beleid.", {"view"}),
        ("Ik zal de regeling in 2027 openstellen.", {"aux"}),
        # the government is no subject here
        ("In Nederland liggen ruim 70 miljoen zonnepanelen.", set()),
        ("De Europese Commissie werkt aan een voorstel.", set()),
    ],
)
def test_government_verbs(sentence: str, classes: set[str]) -> None:
    assert government_verbs(sentence) == classes
