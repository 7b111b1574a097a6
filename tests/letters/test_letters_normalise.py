"""Small, hand-built cases for the normalisation helpers and the structure finders."""

from __future__ import annotations

import datetime
import hashlib

import pytest

from npcegraph.letters import letter_from_text
from npcegraph.letters.footnotes import find_marker
from npcegraph.letters.metadata import (
    footer_fields,
    normalise_role,
    prinsjesdag,
    roles_in,
    vergaderjaar_for,
)
from npcegraph.letters.paragraphs import Lexicon, join_pair
from npcegraph.letters.sections import expand_numbers


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("het aandeel gerecy-", "cleerde grondstoffen", "het aandeel gerecycleerde grondstoffen"),
        ("aanvullende CO2-", "reductie", "aanvullende CO2-reductie"),
        ("andere EU-", "landen", "andere EU-landen"),
        ("het klimaat-", "en energiebeleid", "het klimaat- en energiebeleid"),
        ("over wet-", "en regelgeving", "over wet- en regelgeving"),
        ("de milieu-", "impact", "de milieu-impact"),
        ("zonne-", "energie", "zonne-energie"),
        ("niet-", "Europese landen", "niet-Europese landen"),
        ("zie https://example.org/rapport-", "2030.pdf", "zie https://example.org/rapport-2030.pdf"),
        ("zie https://example.org/", "rapport.pdf", "zie https://example.org/rapport.pdf"),
        ("meer circulaire", "producten", "meer circulaire producten"),
        ("circa 80 procent –", "plaatsvindt", "circa 80 procent – plaatsvindt"),
    ],
)
def test_letters_join_pair_repairs_hyphenation(left: str, right: str, joined: str) -> None:
    assert join_pair(left, right) == joined


def test_letters_join_pair_follows_the_document_spelling() -> None:
    lex = Lexicon("Zij werken stap-voor-stap. Uw Kamer is geïnformeerd.")
    assert join_pair("een stap-voor-", "stap aanpak", lex) == "een stap-voor-stap aanpak"
    assert join_pair("is ge-", "informeerd over", lex) == "is geïnformeerd over"


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("de minister van Economische Zaken1, de minister", 1, (33, 34)),
        ("de motie Kostić4.", 4, (15, 16)),
        ("rapportage (ICER)4 op", 4, (17, 18)),
        ("Open Strategische Autonomie.5Dit geldt", 5, (28, 29)),
        ("op 6 oktober 2025.8", 8, (18, 19)),
        ("d.d. 17 mei 202213 staat", 13, (16, 18)),
        ("minder CO2-uitstoot", 2, None),
        ("de CO2e-emissies", 2, None),
        ("toezegging nr. 15497", 15497, None),
        ("tot 3,0 Mton", 0, None),
        ("om 14:45 uur", 45, None),
        ("zie https://example.org/rapport3", 3, None),
        ("in 2030 bereikt", 30, None),
        ("Postbus 20901 2500 EX Den Haag", 1, None),  # a postbus number, not 2090 + note 1
        ("in het jaar 20901", 1, None),  # no letter cites the year 2090 with a marker
        ("d.d. 3 maart 20491 staat", 1, (17, 18)),
    ],
)
def test_letters_find_marker(text: str, number: int, expected: tuple[int, int] | None) -> None:
    assert find_marker(text, number, 0) == expected


@pytest.mark.parametrize(
    ("spec", "numbers"),
    [
        ("Antwoord 3 t/m 6", ("3", "4", "5", "6")),
        ("Antwoord 1 en 2", ("1", "2")),
        ("35 t/m 37", ("35", "36", "37")),
        ("Antwoord 7", ("7",)),
        ("Antwoord", ()),
    ],
)
def test_letters_expand_numbers(spec: str, numbers: tuple[str, ...]) -> None:
    assert expand_numbers(spec) == numbers


@pytest.mark.parametrize(
    ("raw", "role"),
    [
        ("STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT",
         "Staatssecretaris van Infrastructuur en Waterstaat"),
        ("De staatssecretaris van Infrastructuur en Waterstaat,",
         "Staatssecretaris van Infrastructuur en Waterstaat"),
        ("minister van Economische Zaken1", "Minister van Economische Zaken"),
        ("MINISTER-PRESIDENT", "Minister-President"),
        ("DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,",
         "Staatssecretaris van Infrastructuur en Waterstaat"),
    ],
)
def test_letters_normalise_role(raw: str, role: str) -> None:
    assert normalise_role(raw) == role


def test_letters_roles_after_mede_namens() -> None:
    text = ("de minister van Financiën, de minister voor Natuur en Stikstof en de "
            "staatssecretaris van Defensie verstuur ik")
    assert roles_in(text) == [
        "Minister van Financiën",
        "Minister voor Natuur en Stikstof",
        "Staatssecretaris van Defensie",
    ]


def test_letters_vergaderjaar_from_date() -> None:
    assert prinsjesdag(2025) == datetime.date(2025, 9, 16)
    assert vergaderjaar_for(datetime.date(2025, 10, 13)) == "2025-2026"
    assert vergaderjaar_for(datetime.date(2025, 9, 15)) == "2024-2025"


def test_letters_footer_fields() -> None:
    assert footer_fields("Tweede Kamer, vergaderjaar 2023–2024, 32 813, nr. 1397 5") == {
        "dossier": "32813",
        "number": "1397",
        "year_label": "2023-2024",
    }
    assert footer_fields("Tweede Kamer, vergaderjaar 2023–2024, 32 852, nr. 294.") is None


VERSLAG = """Vragen en opmerkingen van de leden van de ABC-fractie

De leden van de ABC-fractie hebben enkele vragen.

1
Hoe staat het met de inzameling?

2
Wanneer volgt de evaluatie?

Antwoord 1 en 2
De inzameling loopt goed. De evaluatie volgt in het najaar.

Vragen en opmerkingen van de leden van de XYZ-fractie

3
Wat kost de regeling?

4
Wie betaalt?

5
Vanaf wanneer?

Antwoord 3 t/m 5
De regeling kost weinig.
"""


def test_letters_questions_with_party_and_answers() -> None:
    letter = letter_from_text(VERSLAG)
    assert [(q.number, q.party) for q in letter.questions] == [
        ("1", "ABC"), ("2", "ABC"), ("3", "XYZ"), ("4", "XYZ"), ("5", "XYZ"),
    ]
    assert [a.numbers for a in letter.answers] == [("1", "2"), ("3", "4", "5")]
    q2 = letter.questions[1]
    assert letter.text[q2.start:q2.end] == "2\n\nWanneer volgt de evaluatie?"
    last = letter.answers[-1]
    assert letter.text[last.start:last.end] == "Antwoord 3 t/m 5\n\nDe regeling kost weinig."
    assert letter.kind == "verslag-schriftelijk-overleg"


LOST_NUMBERS = """Vragen en opmerkingen van de leden van de ABC-fractie

1
Hoe staat het met de inzameling?

2
Deze leden vragen naar de kosten van de regeling.

Daarnaast vragen deze leden wie de regeling uitvoert.

Antwoord 1 t/m 3
De inzameling loopt goed. De gemeenten voeren de regeling uit.

Wanneer volgt de evaluatie?

5
Wie betaalt de evaluatie? Wie voert haar uit?

Antwoord 4 t/m 6
De evaluatie volgt in het najaar.
"""


def test_letters_questions_whose_number_the_source_lost_take_the_answers_numbers() -> None:
    letter = letter_from_text(LOST_NUMBERS)
    assert [(q.number, letter.text[q.start:q.end].split("\n")[-1]) for q in letter.questions] == [
        ("1", "Hoe staat het met de inzameling?"),
        ("2", "Deze leden vragen naar de kosten van de regeling."),
        ("3", "Daarnaast vragen deze leden wie de regeling uitvoert."),
        ("4", "Wanneer volgt de evaluatie?"),
        ("5", "Wie betaalt de evaluatie?"),
        ("6", "Wie voert haar uit?")]
    first = letter.answers[0]
    assert letter.text[first.start:first.end] == (
        "Antwoord 1 t/m 3\n\nDe inzameling loopt goed. De gemeenten voeren de regeling uit.")
    assert ("questions whose number the source lost, numbered from the answer: 3, 4, 6"
            in letter.warnings)


def test_letters_slug_fallbacks() -> None:
    text = "Een korte notitie over hergebruik."
    letter = letter_from_text(text)
    assert letter.slug == "doc-" + hashlib.sha1(letter.text.encode()).hexdigest()[:12]
    assert letter.kamerstuk is None
    dumped = "Nummer: 2031D00042, datum: 2031-01-02\n\nEen korte notitie over hergebruik.\n"
    assert letter_from_text(dumped).slug == "2031d00042"


def test_letters_page_break_footnote_inside_paragraph() -> None:
    text = (
        "Het kabinet werkt samen met de provincies aan nieuwe afspraken over de\n"
        "inzameling van grof afval en de\n"
        "\n"
        "1 Zie de brief van vorig jaar.\n"
        "\n"
        "Tweede Kamer, vergaderjaar 2030–2031, 99 990, nr. 7 3\n"
        "\n"
        "\n"
        "verwerking daarvan in de regio.1 Dat gebeurt in fasen.\n"
    )
    letter = letter_from_text(text)
    assert letter.text.split("\n\n")[0] == (
        "Het kabinet werkt samen met de provincies aan nieuwe afspraken over de inzameling "
        "van grof afval en de verwerking daarvan in de regio. Dat gebeurt in fasen."
    )
    (note,) = letter.footnotes
    assert note.text == "Zie de brief van vorig jaar."
    assert letter.text[note.anchor - 6:note.anchor] == "regio."


def test_letters_characters_normalised() -> None:
    raw = "Den\u00a0Haag, 3\u00a0maart 2031\r\n\r\nHet budget is\u00a0€\u00a05 miljoen.\ufeff"
    letter = letter_from_text(raw)
    assert letter.text == "Den Haag, 3 maart 2031\n\nHet budget is € 5 miljoen."
    assert letter.date == datetime.date(2031, 3, 3)


KAMERVRAGEN = """Antwoord van minister Bakker (Milieu) (ontvangen 3 maart 2031)

Vraag 1
Kent u het bericht over statiegeld op blikjes?

Antwoord 1
Ja.

Vraag 2
Wanneer volgt de evaluatie van de regeling?

Antwoord 2
In het najaar.
"""


def test_letters_kamervragen_answers() -> None:
    letter = letter_from_text(KAMERVRAGEN)
    assert letter.kind == "antwoord-kamervragen"
    assert (letter.sender, letter.signer_name) == ("Minister van Milieu", "Bakker")
    assert letter.date == datetime.date(2031, 3, 3)
    assert [q.number for q in letter.questions] == ["1", "2"]
    assert [a.numbers for a in letter.answers] == [("1",), ("2",)]


def test_letters_second_signature_is_a_co_sender() -> None:
    text = (
        "Den Haag, 1 juli 2031\n\nHet kabinet verlengt de regeling.\n\n"
        "De Minister van Infrastructuur en Waterstaat,\nP. Jansen\n\n"
        "De Minister van Economische Zaken,\nQ. de Boer\n"
    )
    letter = letter_from_text(text)
    assert (letter.sender, letter.signer_name) == ("Minister van Infrastructuur en Waterstaat",
                                                   "P. Jansen")
    assert letter.co_senders == ("Minister van Economische Zaken",)
    assert letter.sections == ()


def test_letters_capital_signature_and_postbus_letterhead() -> None:
    """A letter on ministry letterhead (address with a postbus, no kamerstuk header) signed in
    capitals: the sender and signer come from the signature, the footnote marker from the body."""
    text = (
        "Ministerie van Infrastructuur en Waterstaat\n\nPostbus 20901\n2500 EX Den Haag\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Den Haag, 23 september 2031\n\n"
        "Het kabinet verlengt de regeling voor zonnepanelen.1 Zo blijft de inzameling betaald.\n\n"
        "Hoogachtend,\n\nDE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,\n\n"
        "M.C. de Graaf\n\n1 Kamerstuk 32 852, nr. 392.\n"
    )
    letter = letter_from_text(text)
    assert (letter.kind, letter.sender, letter.signer_name) == (
        "brief-regering", "Staatssecretaris van Infrastructuur en Waterstaat", "M.C. de Graaf")
    assert letter.date == datetime.date(2031, 9, 23)
    assert "Postbus 20901 2500 EX Den Haag" in letter.text
    assert "zonnepanelen. Zo blijft" in letter.text
    [note] = letter.footnotes
    assert letter.text[note.anchor - 13:note.anchor] == "zonnepanelen."
    assert "text ends mid-sentence: the letter may be cut off" not in letter.warnings


def test_letters_header_below_page_furniture_and_metadata_table() -> None:
    """A saved web page puts a menu and a metadata table (``Label | value`` rows) above the
    kamerstuk header: both are still read."""
    rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in (
        ("Nummer", "2031D47312"), ("Kamerstuk", "Kamerstuk 32852-964"),
        ("Datum", "18 november 2031"), ("Soort", "Brief regering"),
        ("Indiener", "E.J. Koolhoven, minister van Volkshuisvesting en Ruimtelijke Ordening"),
        ("Medeindiener", "staatssecretaris van Infrastructuur en Waterstaat")))
    menu = "".join(f"<p>Menu-item {i}</p>" for i in range(14))
    html = (
        f"<html><body><div class='menu'>{menu}</div><h1>Voortgang circulair bouwen</h1>"
        f"<table>{rows}</table>"
        "<p>Tweede Kamer der Staten-Generaal</p><p>Vergaderjaar 2031–2032</p>"
        "<p>32 852 Grondstoffenvoorzieningszekerheid</p><p>Nr. 964</p>"
        "<p>BRIEF VAN DE MINISTER VAN VOLKSHUISVESTING EN RUIMTELIJKE ORDENING</p>"
        "<p>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</p>"
        "<p>Den Haag, 18 november 2031</p>"
        "<p>Ik verplicht de inzameling van matrassen.</p>"
        "<p>De Minister van Volkshuisvesting en Ruimtelijke Ordening,</p><p>E.J. Koolhoven</p>"
        "</body></html>")
    letter = letter_from_text(html, source_format="html")
    assert (letter.dossier, letter.number, letter.document_number, letter.date) == (
        "32852", "964", "2031D47312", datetime.date(2031, 11, 18))
    assert letter.dossier_title == "Grondstoffenvoorzieningszekerheid"
    assert letter.sender == "Minister van Volkshuisvesting en Ruimtelijke Ordening"
    assert letter.co_senders == ("Staatssecretaris van Infrastructuur en Waterstaat",)
    assert "Nr. 964" not in letter.text and "Vergaderjaar 2031" not in letter.text
    assert "kamerstuk (dossier and number) unknown" not in letter.warnings
