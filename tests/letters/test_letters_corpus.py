"""The four reference letters: metadata, normalised text, footnotes, structure, speed."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from npcegraph.letters import Letter, read_letter
from npcegraph.letters.metadata import FOOTER

IENW_STAS = "Staatssecretaris van Infrastructuur en Waterstaat"
VOORZITTER = "Voorzitter van de Tweede Kamer der Staten-Generaal"

EXPECTED: dict[str, dict[str, object]] = {
    "000": {
        "kind": "brief-regering",
        "document_number": "2025D11904",
        "date": datetime.date(2025, 3, 20),
        "dossier": "32852",
        "number": "352",
        "dossier_title": "Grondstoffenvoorzieningszekerheid",
        "year_label": "2024-2025",
        "sender": IENW_STAS,
        "signer_name": "Ch.A. Jansen",
        "co_senders": (),
        "addressee": VOORZITTER,
        "title": "Circulaire economie",
        "slug": "kst-32852-352",
        "kamerstuk": "32852-352",
    },
    "001": {
        "kind": "brief-regering",
        "document_number": "2025D44148",
        "date": datetime.date(2025, 10, 13),
        "dossier": "32852",
        "number": "392",
        "dossier_title": "Grondstoffenvoorzieningszekerheid",
        "year_label": "2025-2026",
        "sender": IENW_STAS,
        "signer_name": "A.A. Aartsen",
        "co_senders": (
            "Minister van Economische Zaken",
            "Minister van Klimaat en Groene Groei",
            "Minister van Volkshuisvesting en Ruimtelijke Ordening",
        ),
        "addressee": VOORZITTER,
        "slug": "kst-32852-392",
    },
    "002": {
        "kind": "brief-regering",
        "document_number": None,
        "date": None,
        "dossier": "32813",
        "number": "1397",
        "year_label": "2023-2024",
        "sender": "Minister van Infrastructuur en Waterstaat",
        "signer_name": "M.G.J. Harbers",
        "co_senders": (
            "Minister van Economische Zaken en Klimaat",
            "Minister voor Klimaat en Energie",
        ),
        "addressee": None,
        "title": None,
        "slug": "kst-32813-1397",
    },
    "003": {
        "kind": "verslag-schriftelijk-overleg",
        "document_number": None,
        "date": datetime.date(2023, 4, 18),
        "dossier": "32852",
        "number": "249",
        "dossier_title": "Grondstoffenvoorzieningszekerheid",
        "year_label": "2022-2023",
        "sender": "Vaste commissie voor Economische Zaken en Klimaat",
        "signer_name": None,
        "addressee": "Minister van Economische Zaken en Klimaat",
        "slug": "kst-32852-249",
    },
}
FOOTNOTES = {"000": 6, "001": 11, "002": 29, "003": 43}


@pytest.fixture(scope="module")
def letters(corpus_paths: dict[str, Path]) -> dict[str, Letter]:
    return {key: read_letter(path) for key, path in corpus_paths.items()}


def _body(letter: Letter) -> str:
    """The text before the Voetnoten section."""
    notes = [s for s in letter.sections if s.heading == "Voetnoten"]
    return letter.text[: notes[-1].start] if notes else letter.text


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_letters_corpus_metadata(letters: dict[str, Letter], key: str) -> None:
    letter = letters[key]
    got = {field: getattr(letter, field) for field in EXPECTED[key]}
    assert got == EXPECTED[key]
    assert letter.source_format == "txt"


def test_letters_corpus_title_from_first_line(letters: dict[str, Letter]) -> None:
    assert letters["001"].title is not None
    assert letters["001"].title.startswith("Actualisatie Nationaal Programma Circulaire Economie")


@pytest.mark.parametrize(
    ("key", "warning"),
    [
        ("002", "no header: kamerstuk taken from page footers"),
        ("002", "date unknown"),
        ("003", "no header: kamerstuk taken from page footers"),
        ("001", "vergaderjaar derived from the date"),
    ],
)
def test_letters_corpus_warnings_name_what_was_guessed(
    letters: dict[str, Letter], key: str, warning: str
) -> None:
    assert warning in letters[key].warnings


def test_letters_corpus_verslag_date_is_documented_as_guess(letters: dict[str, Letter]) -> None:
    assert any(w.startswith("date guessed") for w in letters["003"].warnings)
    assert letters["000"].warnings == ()


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_letters_no_page_furniture_left(letters: dict[str, Letter], key: str) -> None:
    text = letters[key].text
    for junk in ("[overzicht]", "Preview document", "Nummer:", "Gerelateerde personen",
                 "Onderdeel van kamerstukdossier", "↩", "Tweede Kamer der Staten-Generaal 2",
                 "Vergaderjaar 20"):
        assert junk not in text
    for line in text.split("\n"):
        assert not FOOTER.match(line)
        assert line == line.strip()
        assert "  " not in line
    assert "\n\n\n" not in text
    assert not re.search(r"(?m)^\d{1,3}$", _body(letters[key])) or key == "003"


def test_letters_hyphenation_repaired(letters: dict[str, Letter]) -> None:
    text = letters["002"].text
    assert "gerecycleerde" in text and "gerecy-" not in text
    assert "klimaatdoelen" in text
    assert "CO2-reductie" in text
    assert "MKI-expertisecentrum" in text
    assert "milieu-impact" in text
    assert "klimaat- en energie-instrumentarium" in text
    assert "circulaire-economiebeleid" in text


def test_letters_hard_wrapped_lines_joined(letters: dict[str, Letter]) -> None:
    paragraphs = letters["001"].text.split("\n\n")
    assert not any("\n" in p for p in paragraphs[:-1])
    assert "Kiezen voor wat werkt" in paragraphs
    joined = next(p for p in paragraphs if p.startswith("Ondernemers richten zich"))
    assert "product en willen winst maken" in joined


@pytest.mark.parametrize(("key", "count"), sorted(FOOTNOTES.items()))
def test_letters_footnote_count(letters: dict[str, Letter], key: str, count: int) -> None:
    notes = letters[key].footnotes
    assert len(notes) == count
    assert [n.number for n in notes] == [str(i) for i in range(1, count + 1)]


def test_letters_footnote_moved_and_marker_removed(letters: dict[str, Letter]) -> None:
    letter = letters["000"]
    body = _body(letter)
    note = letter.footnotes[3]
    assert note.text == "Tweede Kamer 31 209, nr. 255"
    assert "Kostić4" not in body and "motie Kostić." in body
    assert note.anchor is not None and letter.text[note.anchor - 6:note.anchor] == "Kostić"
    assert "\n4 Tweede Kamer 31 209, nr. 255" in letter.text[len(body):]

    letter = letters["001"]
    assert "Economische Zaken1" not in letter.text
    assert "mede namens de minister van Economische Zaken, de minister" in letter.text


def test_letters_footnote_markers_do_not_eat_numbers(letters: dict[str, Letter]) -> None:
    letter = letters["002"]
    body = _body(letter)
    assert "Copper8" in body  # a company name, not footnote 8
    assert "CO2-uitstoot" in body and "3,0 Mton" in body
    assert "nr. 15497" in letter.footnotes[0].text
    n11, n12 = letter.footnotes[10], letter.footnotes[11]
    assert n11.anchor == n12.anchor is not None  # "realiseren.11, 12"
    assert body[n11.anchor - 11:n11.anchor] == "realiseren."
    # marker glued to a year after a space: "17 mei 202213"
    n13 = letters["003"].footnotes[12]
    assert letters["003"].text[n13.anchor - 4:n13.anchor] == "2022"


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_letters_offsets_consistent(letters: dict[str, Letter], key: str) -> None:
    letter = letters[key]
    text = letter.text
    for section in letter.sections:
        assert text[section.start:section.end] == section.heading
        assert section.level in (1, 2, 3)
    assert [s.start for s in letter.sections] == sorted(s.start for s in letter.sections)
    body_end = len(_body(letter))
    for note in letter.footnotes:
        assert text[note.start:note.end] == note.text
        assert text[: note.start].endswith(f"\n{note.number} ")
        assert note.anchor is None or 0 < note.anchor <= body_end
    for item in (*letter.questions, *letter.answers):
        assert 0 <= item.start < item.end <= body_end


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_letters_voetnoten_section_is_last(letters: dict[str, Letter], key: str) -> None:
    last = letters[key].sections[-1]
    assert (last.heading, last.level) == ("Voetnoten", 1)


@pytest.mark.parametrize(
    ("key", "heading", "level"),
    [
        ("000", "Generatietoets NPCE", 2),
        ("000", "Rode Draden Notitie 2025", 2),
        ("001", "Kiezen voor wat werkt", 2),
        ("001", "Tot slot", 2),
        ("002", "b. Inkoopbeleid Rijksoverheid aanscherpen", 2),
        ("002", "II – Toelichting op lopende circulaire " + "klimaatmaatregelen", 1),
        ("002", "Biodiversiteit", 2),
        ("003", "Vragen en opmerkingen van de leden van de VVD-fractie", 2),
    ],
)
def test_letters_headings_detected(
    letters: dict[str, Letter], key: str, heading: str, level: int
) -> None:
    assert (heading, level) in [(s.heading, s.level) for s in letters[key].sections]


def test_letters_wrapped_heading_joined(letters: dict[str, Letter]) -> None:
    headings = [s.heading for s in letters["002"].sections]
    assert any(h.startswith("I – Toelichting") and h.endswith("klimaatbeleid") for h in headings)
    assert not any(h.startswith("In het NPCE heeft") for h in headings)


def test_letters_verslag_questions_and_answers(letters: dict[str, Letter]) -> None:
    letter = letters["003"]
    assert len(letter.questions) == 202  # 91, 145 and 150 lost their numbers in the source
    assert len(letter.answers) == 82
    assert ("3", "4", "5", "6") in [a.numbers for a in letter.answers]
    by_number = {q.number: q for q in letter.questions}
    assert len(by_number) == len(letter.questions)
    assert by_number["1"].party == "VVD"
    assert by_number["35"].party == "D66"
    assert by_number["113"].party == "PvdA en GroenLinks"
    assert by_number["33"].start == by_number["34"].start  # "33 en 34" share one block
    answered = {n for a in letter.answers for n in a.numbers}
    assert set(by_number) <= answered
    first = letter.answers[0]
    assert letter.text[first.start:].startswith("Antwoord 1 en 2")
    assert first.numbers == ("1", "2")


def test_letters_verslag_lost_question_numbers_are_warned(letters: dict[str, Letter]) -> None:
    warnings = letters["003"].warnings
    assert "questions without a number, numbered by sequence: 93, 103, 104" in warnings
    assert ("questions whose number the source lost, numbered from the answer: 91, 145, 150"
            in warnings)


def test_letters_deterministic(corpus_paths: dict[str, Path], letters: dict[str, Letter]) -> None:
    for key, path in corpus_paths.items():
        assert read_letter(path) == letters[key]
