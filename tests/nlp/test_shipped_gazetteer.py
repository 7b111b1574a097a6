"""The shipped vocabulary's gazetteer on the surface forms policy prose actually uses."""

from __future__ import annotations

import pytest
from spacy.language import Language

from npcegraph.nlp import CONCEPTS_KEY


def concepts(nlp: Language, text: str) -> list[tuple[str, str]]:
    """``(matched text, concept slug)`` of every concept in ``text``."""
    doc = nlp(text)
    return [(s.text, s.id_.rsplit("/", 1)[-1]) for s in doc.spans[CONCEPTS_KEY]]


@pytest.mark.parametrize("text", [
    "Die regeling is vervolgens algemeen verbindend verklaard.",
    "De regeling die vervolgens algemeen verbindend is verklaard.",
    "Op basis van een algemeen verbindend verklaarde overeenkomst.",
    "De sector vraagt de overeenkomst algemeen verbindend te verklaren.",
])
def test_the_verb_forms_of_a_generally_binding_declaration_name_the_instrument(
        nlp: Language, text: str) -> None:
    assert [slug for _, slug in concepts(nlp, text)] == ["algemeen-verbindend-verklaring"]


def test_names_joined_by_a_slash_are_found_each(nlp: Language) -> None:
    assert concepts(nlp, "Samen met VNO-NCW/MKB-Nederland en en/of t/m 2025.") == [
        ("VNO-NCW", "vno-ncw"), ("MKB-Nederland", "mkb-nederland")]


def test_spelling_variants_of_programme_names(nlp: Language) -> None:
    text = ("De Meerjarige Missiegedreven Innovatie Programma’s en de beleidsagenda voor "
            "duurzame financiering, met EIT manufacturing.")
    assert [slug for _, slug in concepts(nlp, text)] == [
        "mmip", "beleidsagenda-duurzame-financiering", "eit-manufacturing"]


def test_a_ministrys_short_name_is_the_ministry_only_when_capitalised(nlp: Language) -> None:
    text = ("Defensie onderzoekt of dat kan. Het rapport gaat over grondstoffen en defensie. "
            "Financiën betaalt mee.")
    assert concepts(nlp, text) == [("Defensie", "def"), ("Financiën", "fin")]


def test_the_requirement_for_the_environmental_performance_names_the_mpg(nlp: Language) -> None:
    text = "Voor nieuwbouw geldt een wettelijke eis voor de milieuprestatie."
    assert concepts(nlp, text) == [("eis voor de milieuprestatie", "mpg")]


def test_a_goal_or_strategy_keeps_the_product_group_it_names(nlp: Language) -> None:
    text = ("We werken naar 25 procent gerecycleerde kritieke grondstoffen, vooral door "
            "substitutie door biobased materialen.")
    assert concepts(nlp, text) == [
        ("25 procent gerecycleerde kritieke grondstoffen", "crma-recycling-25-procent"),
        ("kritieke grondstoffen", "kritieke-grondstoffen"),
        ("substitutie door biobased materialen", "substitutie"),
        ("biobased materialen", "biobased-materialen")]
