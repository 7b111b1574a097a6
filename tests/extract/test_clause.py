"""The government as subject of a clause and the class of its verb (classifier features)."""

from __future__ import annotations

import pytest

from npcegraph.extract.clause import government_verbs


@pytest.mark.parametrize(
    ("sentence", "classes"),
    [
        # subject first, verb second
        ("Het kabinet verkent een heffing op nieuw plastic.", {"deed"}),
        ("De Minister van Economische Zaken stelt € 2 miljoen beschikbaar.", {"deed"}),
        ("De Minister van Landbouw, Visserij, Voedselzekerheid en Natuur werkt aan een houtplan.",
         {"deed"}),
        ("VRO, als eigenaar van het rijksvastgoed, start een proef met houtbouw.",
         {"deed"}),
        # a first constituent, then the verb, then the subject
        ("Daarom pleit Nederland in Brussel voor strengere recycleerbaarheidseisen.", {"deed"}),
        ("Zoals vorig jaar toegezegd, beziet het kabinet een statiegeldregeling.", {"deed"}),
        # a view, not a deed; an auxiliary whose infinitive comes later
        ("Het kabinet signaleert dat de inzameling van textiel achterblijft.", {"view"}),
        ("Hierin zie ik een reden om de regeling te verlengen.", {"view"}),
        ("Ik zal de matrassenregeling in 2031 openstellen.", {"aux"}),
        # the government is no subject here
        ("In Nederland staan honderden oude windturbines.", set()),
        ("De Europese Commissie werkt aan een voorstel voor meubels.", set()),
    ],
)
def test_government_verbs(sentence: str, classes: set[str]) -> None:
    assert government_verbs(sentence) == classes
