"""Each supported format, from fixtures in tests/data/letters (made by make_fixtures.py)."""

from __future__ import annotations

import datetime
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from npcegraph.letters import SUPPORTED_SUFFIXES, Letter, letter_from_text, read_letter

DATA = Path(__file__).resolve().parents[1] / "data" / "letters"
TEXTILE = {
    "kind": "brief-regering",
    "title": "Voortgang circulaire textielketen",
    "dossier": "99999",
    "dossier_title": "Circulaire textielketen",
    "number": "1",
    "date": datetime.date(2031, 2, 14),
    "year_label": "2030-2031",
    "sender": "Staatssecretaris van Infrastructuur en Waterstaat",
    "signer_name": "J. de Vries",
    "co_senders": ("Minister van Economische Zaken",),
    "addressee": "Voorzitter van de Tweede Kamer der Staten-Generaal",
    "slug": "kst-99999-1",
}


def _meta(letter: Letter, fields: dict[str, object]) -> dict[str, object]:
    return {k: getattr(letter, k) for k in fields}


def test_letters_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == frozenset({".txt", ".html", ".htm", ".xml", ".pdf", ".docx"})


@pytest.mark.parametrize("name", ["kst-99999-1.html", "kst-99999-1.xml", "kst-99999-1.docx"])
def test_letters_markup_metadata(name: str) -> None:
    letter = read_letter(DATA / name)
    assert _meta(letter, TEXTILE) == TEXTILE
    assert letter.source_format == name.rsplit(".", 1)[1]
    assert letter.warnings == ()


def test_letters_markup_formats_agree() -> None:
    html, xml, docx = (read_letter(DATA / f"kst-99999-1.{ext}") for ext in ("html", "xml", "docx"))
    assert html.text == xml.text == docx.text
    assert html.sections == xml.sections == docx.sections
    assert html.footnotes == xml.footnotes == docx.footnotes


def test_letters_html_structure_and_footnotes() -> None:
    letter = read_letter(DATA / "kst-99999-1.html")
    for junk in ("Overheid.nl", "Kamerstukken", "Over deze site", "tracking", "↩", "BRIEF VAN",
                 "Vergaderjaar", "99 999"):
        assert junk not in letter.text.split("Voetnoten")[0]
    assert [(s.heading, s.level) for s in letter.sections] == [
        ("Inzameling en sortering", 2),
        ("a. Producentenverantwoordelijkheid", 2),
        ("Voetnoten", 1),
    ]
    assert "\n\n• Meer inzamelpunten bij winkels;\n\n" in letter.text
    first, second = letter.footnotes
    assert (first.number, first.text) == ("1", "Kamerstuk 99 998, nr. 3.")
    assert letter.text[first.anchor - 17:first.anchor + 1] == "Economische Zaken,"
    assert letter.text[second.anchor - 7:second.anchor + 1] == "afneemt."


def test_letters_html_from_string_matches_file() -> None:
    path = DATA / "kst-99999-1.html"
    from_text = letter_from_text(path.read_text("utf-8"), str(path), "html")
    assert from_text == read_letter(path)


def test_letters_pdf_fixture_is_extracted_by_pypdf() -> None:
    from pypdf import PdfReader

    pages = [p.extract_text() for p in PdfReader(DATA / "kst-99999-3.pdf").pages]
    assert len(pages) == 2
    assert "gerecy-\ncleerd" in pages[0]
    assert "Tweede Kamer, vergaderjaar 2030–2031, 99 999, nr. 3 1" in pages[0]


def test_letters_pdf_normalised() -> None:
    letter = read_letter(DATA / "kst-99999-3.pdf")
    assert letter.source_format == "pdf"
    assert (letter.dossier, letter.number, letter.year_label) == ("99999", "3", "2030-2031")
    assert letter.slug == "kst-99999-3"
    assert letter.date == datetime.date(2031, 3, 3)
    assert (letter.sender, letter.signer_name) == ("Minister van Infrastructuur en Waterstaat",
                                                   "P. Jansen")
    assert "no header: kamerstuk taken from page footers" in letter.warnings
    text = letter.text
    assert "gerecycleerd beton" in text and "gerecy-" not in text
    assert "CO2-reductie" in text and "EU-landen" in text
    assert "vergaderjaar" not in text
    assert [s.heading for s in letter.sections] == ["Hergebruik van bouwmaterialen", "Voetnoten"]
    (note,) = letter.footnotes
    assert note.text == "Kamerstuk 99 999, nr. 2."
    assert text[note.anchor - 5:note.anchor] == "2035."
    assert "in 2035. Ook de" in text


def test_letters_docx_footnotes_and_styles() -> None:
    letter = read_letter(DATA / "kst-99999-1.docx")
    assert [n.text for n in letter.footnotes] == [
        "Kamerstuk 99 998, nr. 3.",
        "Zie de monitor 2030 van de gemeenten.",
    ]
    assert "• Betere voorlichting aan huishoudens." in letter.text


def test_letters_cp1252_fallback() -> None:
    letter = read_letter(DATA / "cp1252.txt")
    assert "not UTF-8: decoded as cp1252 (Windows-1252)" in letter.warnings
    assert "Financiële prikkels" in letter.text and "€ 12 miljoen" in letter.text
    assert letter.sender == "Minister van Financiën"


def test_letters_fragment_without_header() -> None:
    letter = read_letter(DATA / "fragment-no-header.txt")
    assert (letter.kind, letter.slug, letter.year_label) == ("onbekend", "kst-99997-5", "2030-2031")
    assert letter.date is None and letter.sender is None
    for warning in ("no header: kamerstuk taken from page footers", "date unknown",
                    "kind unknown", "sender unknown",
                    "text ends mid-sentence: the letter may be cut off"):
        assert warning in letter.warnings
    assert "te verbeteren, en" in letter.text
    assert "formaten.\n\nDaarnaast" in letter.text
    assert [n.text for n in letter.footnotes] == ["Kamerstuk 99 997, nr. 4."]


def test_letters_page_dump_with_navigation() -> None:
    letter = read_letter(DATA / "page-dump.txt")
    expected = {
        "kind": "brief-regering",
        "title": "Statiegeld op blikjes",
        "document_number": "2031D01234",
        "date": datetime.date(2031, 1, 20),
        "dossier": "99997",
        "number": "6",
        "dossier_title": "Zwerfafval",
        "year_label": "2030-2031",
        "sender": "Minister van Infrastructuur en Waterstaat",
        "signer_name": "K.L. Bakker",
        "slug": "kst-99997-6",
    }
    assert _meta(letter, expected) == expected
    assert letter.warnings == ()
    assert letter.text.startswith("Aan de Voorzitter")
    assert "op blikjes, dat sinds 2023" in letter.text
    assert "in 2030. De CO2-uitstoot" in letter.text
    assert [n.number for n in letter.footnotes] == ["1", "2"]


def test_letters_fixtures_regenerate_identically(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_fixtures", DATA / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.make_pdf(tmp_path / "a.pdf")
    module.make_cp1252(tmp_path / "a.txt")
    module.make_docx(tmp_path / "a.docx")
    assert (tmp_path / "a.pdf").read_bytes() == (DATA / "kst-99999-3.pdf").read_bytes()
    assert (tmp_path / "a.txt").read_bytes() == (DATA / "cp1252.txt").read_bytes()
    assert read_letter(tmp_path / "a.docx").text == read_letter(DATA / "kst-99999-1.docx").text


def test_letters_imports_no_higher_stage() -> None:
    code = (
        "import sys, npcegraph.letters\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('rdflib', 'spacy', 'fastapi', 'pyoxigraph', 'oxrdflib', 'pyshacl')]\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
