"""Each spaCy component on small hand-written sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest
from spacy.language import Language

from npcegraph.nlp import (
    CONCEPTS_KEY,
    DATE_KEY,
    MONEY_KEY,
    QUANTITY_KEY,
    REFERENCE_KEY,
    VALUE_ATTR,
)


def values(nlp: Language, text: str, key: str) -> list[tuple[str, object]]:
    """(span text, parsed value) for every span under ``key``."""
    doc = nlp(text)
    return [(span.text, span._.get(VALUE_ATTR)) for span in doc.spans[key]]


def test_tokenizer_keeps_abbreviations_and_splits_hyphen_compounds(tiny_nlp: Language) -> None:
    tokens = [t.text for t in tiny_nlp.make_doc("o.a. de UPV-regeling m.b.t. nr. 12")]
    assert tokens == ["o.a.", "de", "UPV", "-", "regeling", "m.b.t.", "nr.", "12"]


def test_sentences_survive_abbreviations_and_break_on_lines(tiny_nlp: Language) -> None:
    doc = tiny_nlp("Dit geldt o.a. voor textiel, zie nr. 5 van het rapport. Daarna volgt meer.\n"
                   "Een kop zonder punt\nNog een zin.")
    assert [s.text.strip() for s in doc.sents] == [
        "Dit geldt o.a. voor textiel, zie nr. 5 van het rapport.", "Daarna volgt meer.",
        "Een kop zonder punt", "Nog een zin.",
    ]


def test_gazetteer_matches_abbreviations_case_sensitively(tiny_nlp: Language) -> None:
    doc = tiny_nlp("De UPV voor textiel. Een upv in kleine letters telt niet.")
    found = [(s.text, s.label_, s.id_.rsplit("/", 1)[-1]) for s in doc.spans[CONCEPTS_KEY]]
    assert found == [("UPV", "instrument", "upv"), ("textiel", "product_group", "textiel")]


def test_gazetteer_prefers_longest_match(tiny_nlp: Language) -> None:
    doc = tiny_nlp("De Staatssecretaris van Infrastructuur en Waterstaat en de DEI+ CE-regeling.")
    found = [(s.text, s.label_) for s in doc.spans[CONCEPTS_KEY]]
    assert found == [("Staatssecretaris van Infrastructuur en Waterstaat", "post"),
                     ("DEI+ CE-regeling", "instrument")]


def test_gazetteer_ignores_case_of_ordinary_labels(tiny_nlp: Language) -> None:
    doc = tiny_nlp("Matrassen en TEXTIEL.")
    assert [s.id_.rsplit("/", 1)[-1] for s in doc.spans[CONCEPTS_KEY]] == ["matrassen", "textiel"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Er is € 100 miljoen beschikbaar.", ("€ 100 miljoen", Decimal("100000000"))),
    ("Er is €3,5 mln. nodig.", ("€3,5 mln.", Decimal("3500000"))),
    ("Het kost 46 mln. euro per jaar.", ("46 mln. euro", Decimal("46000000"))),
    ("Een bedrag van EUR 450.000 volgt.", ("EUR 450.000", Decimal("450000"))),
    ("Ruim 1,2 miljard euro.", ("1,2 miljard euro", Decimal("1200000000"))),
])
def test_money_amounts_in_euros(tiny_nlp: Language, text: str,
                                expected: tuple[str, Decimal]) -> None:
    [(span, value)] = values(tiny_nlp, text, MONEY_KEY)
    assert (span, value["value"], value["currency"]) == (*expected, "EUR")


@pytest.mark.parametrize(("text", "expected"), [
    ("een reductie van 2 tot 4 Mton CO2.", ("2 tot 4 Mton CO2", "2", "4", "Mton CO2")),
    ("minstens 25 procent recyclaat", ("25 procent", "25", None, "procent")),
    ("50% minder", ("50%", "50", None, "procent")),
])
def test_quantities_with_ranges_and_units(tiny_nlp: Language, text: str,
                                          expected: tuple[str, str, str | None, str]) -> None:
    [(span, value)] = values(tiny_nlp, text, QUANTITY_KEY)
    upper = str(value["upper"]) if value["upper"] is not None else None
    assert (span, str(value["value"]), upper, value["unit"]) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Den Haag, 20 maart 2025", ("20 maart 2025", "2025-03-20", "date", None)),
    ("in oktober 2025 volgt", ("oktober 2025", "2025-10", "gYearMonth", None)),
    ("Ik informeer u eind 2025.", ("eind 2025", "2025", "gYear", "eind")),
    ("voor de zomer van 2026 volgt", ("voor de zomer van 2026", "2026", "gYear",
                                      "voor de zomer van")),
    ("datum: 2025-03-20", ("2025-03-20", "2025-03-20", "date", None)),
    ("Ik informeer u in het najaar van 2026.", ("het najaar van 2026", "2026", "gYear",
                                                 "het najaar van")),
    ("Dit wordt in de eerste helft van 2023 uitgewerkt.", ("eerste helft van 2023", "2023",
                                                           "gYear", "eerste helft van")),
    ("De agenda's gaan Q4 2023 naar de Kamer.", ("Q4 2023", "2023", "gYear", "q4")),
    ("Het voorstel volgt voor het einde van 2026.", ("het einde van 2026", "2026", "gYear",
                                                     "het einde van")),
])
def test_dates_and_years(tiny_nlp: Language, text: str,
                         expected: tuple[str, str, str, str | None]) -> None:
    [(span, value)] = values(tiny_nlp, text, DATE_KEY)
    assert (span, value["value"], value["datatype"], value["qualifier"]) == expected


def test_references_kamerstuk_motie_toezegging_eu_act(tiny_nlp: Language) -> None:
    text = ("Zie Kamerstuk 32 852, nr. 224. De motie van het lid Jansen (Kamerstuk 32 813, "
            "nr. 1400) vraagt dit. Dit vult toezeggingen nr. 15497, nr. 15498 en TZ202404-014 "
            "in. Verordening (EU) 2024/1781 en Richtlijn 2008/98/EG gelden.")
    found = [(v["type"], v["identifier"]) for _, v in values(tiny_nlp, text, REFERENCE_KEY)]
    assert found == [
        ("kamerstuk", "32852-224"), ("motie", "32813-1400"), ("toezegging", "15497"),
        ("toezegging", "15498"), ("toezegging", "TZ202404-014"), ("eu-act", "32024R1781"),
        ("eu-act", "32008L0098"),
    ]


def test_references_a_kamerstuk_of_several_dossiers_and_an_act_of_the_eu(
        tiny_nlp: Language) -> None:
    text = ("De brief (Kamerstukken 33 009, 32 637 en 31 288, nr. 117) noemt een richtlijn van "
            "de EU (2019/ 1937) over klokkenluiders.")
    found = [(v["type"], v["identifier"]) for _, v in values(tiny_nlp, text, REFERENCE_KEY)]
    assert found == [("kamerstuk", "33009-117"), ("eu-act", "32019L1937")]


def test_a_motie_of_a_member_and_others_is_a_motie(tiny_nlp: Language) -> None:
    text = ("Ik geef uitvoering aan de motie van het lid Hagen c.s. (Kamerstuk 32 852, nr. 192) "
            "en de motie van het lid Bos (Kamerstuk 21 501-02, nr. 2529).")
    found = [(v["type"], v["identifier"]) for _, v in values(tiny_nlp, text, REFERENCE_KEY)]
    assert sorted(found) == [("motie", "21501-02-2529"), ("motie", "32852-192")]


@pytest.mark.parametrize(("text", "expected"), [
    ("De middelen lopen af naar ongeveer 46 mln. in 2030.", [("46 mln.", "46000000")]),
    ("toegekend in twee fases (43 en 53 miljoen).", [("43", "43000000"),
                                                     ("53 miljoen", "53000000")]),
    ("toegang voor 100 miljoen mensen in 2030", []),
])
def test_money_bare_amounts_unless_a_noun_follows(tiny_nlp: Language, text: str,
                                                  expected: list[tuple[str, str]]) -> None:
    found = [(span, str(value["value"])) for span, value in values(tiny_nlp, text, MONEY_KEY)]
    assert found == expected
