"""Regenerate the binary letter fixtures in this directory.

    python tests/data/letters/make_fixtures.py

* ``kst-99999-3.pdf``: a two-page PDF written by hand (no PDF library is installed): Helvetica
  with WinAnsiEncoding, a word hyphenated across lines, a page-end footnote with its marker in
  the body, a page footer on each page, no kamerstuk header.
* ``kst-99999-1.docx``: the letter of ``kst-99999-1.html``/``.xml`` made with python-docx:
  header paragraphs, heading styles, a bulleted list, and two real footnotes (a
  ``word/footnotes.xml`` part with ``w:footnoteReference`` runs), which python-docx cannot make
  itself.
* ``cp1252.txt``: a short letter encoded as Windows-1252 (not valid UTF-8).

All text is invented for these tests.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------------
# PDF

PDF_PAGES = [
    [
        (11, "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
        (11, ""),
        (11, "Den Haag, 3 maart 2031"),
        (11, ""),
        (11, "Het kabinet wil dat bij de bouw van woningen en wegen meer materialen"),
        (11, "worden hergebruikt. Daarom stijgt het aandeel gerecy-"),
        (11, "cleerd beton in nieuwe projecten naar een kwart in 2035.1 Ook de CO2-"),
        (11, "reductie in de betonketen krijgt aandacht, samen met de EU-"),
        (11, "landen die een vergelijkbare aanpak volgen."),
        (11, ""),
        (8, "1 Kamerstuk 99 999, nr. 2."),
    ],
    [
        (11, "Hergebruik van bouwmaterialen"),
        (11, ""),
        (11, "Vanaf volgend jaar geldt een minimumeis voor hergebruikte materialen bij"),
        (11, "alle aanbestedingen van het Rijk. Gemeenten en provincies volgen dit"),
        (11, "voorbeeld zodra de eerste ervaringen bekend zijn."),
        (11, ""),
        (11, "De Minister van Infrastructuur en Waterstaat,"),
        (11, "P. Jansen"),
    ],
]
PDF_FOOTER = "Tweede Kamer, vergaderjaar 2030–2031, 99 999, nr. 3 {page}"


def _pdf_string(text: str) -> str:
    out = []
    for byte in text.encode("cp1252"):
        char = chr(byte)
        if char in "\\()":
            out.append("\\" + char)
        elif byte < 32 or byte > 126:
            out.append(f"\\{byte:03o}")
        else:
            out.append(char)
    return "(" + "".join(out) + ")"


def _page_stream(lines: list[tuple[int, str]], page: int) -> bytes:
    ops = ["BT", "72 770 Td"]
    size = None
    for font_size, text in lines:
        if font_size != size:
            ops.append(f"/F1 {font_size} Tf {font_size + 3} TL")
            size = font_size
        ops.append(f"{_pdf_string(text or ' ')} Tj T*")
    ops.append("ET")
    ops += ["BT", "/F1 8 Tf 72 40 Td", f"{_pdf_string(PDF_FOOTER.format(page=page))} Tj", "ET"]
    return "\n".join(ops).encode("latin-1")


def make_pdf(path: Path) -> None:
    """A minimal, valid two-page PDF 1.4 with a correct cross-reference table."""
    objects: list[bytes] = []
    n_pages = len(PDF_PAGES)
    page_ids = [4 + 2 * i for i in range(n_pages)]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for i, lines in enumerate(PDF_PAGES):
        stream = _page_stream(lines, i + 1)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_ids[i] + 1} 0 R >>".encode()
        )
        objects.append(
            f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    path.write_bytes(bytes(out))


# ---------------------------------------------------------------------------------------------
# DOCX

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_NOTES = {1: "Kamerstuk 99 998, nr. 3.", 2: "Zie de monitor 2030 van de gemeenten."}


def _footnotes_xml() -> bytes:
    notes = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>",
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>",
    ]
    for note_id, text in DOCX_NOTES.items():
        notes.append(
            f'<w:footnote w:id="{note_id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
            f'</w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r>'
            "</w:p></w:footnote>"
        )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:footnotes xmlns:w="{_W_NS}">{"".join(notes)}</w:footnotes>'
    ).encode()


def make_docx(path: Path) -> None:
    """The letter of ``kst-99999-1.html`` as a Word document with real footnotes."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.core_properties.title = "Voortgang circulaire textielketen"
    for text in (
        "Tweede Kamer der Staten-Generaal",
        "Vergaderjaar 2030-2031",
        "99 999 Circulaire textielketen",
        "Nr. 1 BRIEF VAN DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Den Haag, 14 februari 2031",
    ):
        document.add_paragraph(text)

    def note_ref(paragraph: object, note_id: int) -> None:
        run = paragraph.add_run()  # type: ignore[attr-defined]
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(note_id))
        run._r.append(ref)

    p = document.add_paragraph("Met deze brief informeer ik u, mede namens de Minister van ")
    p.add_run("Economische Zaken")
    note_ref(p, 1)
    p.add_run(", over de voortgang van de aanpak voor een circulaire textielketen.")
    document.add_heading("Inzameling en sortering", level=1)
    p = document.add_paragraph(
        "Het aandeel ingezameld textiel stijgt langzaam. Gemeenten melden dat de kwaliteit "
        "van het aangeboden textiel afneemt"
    )
    note_ref(p, 2)
    p.add_run(".")
    document.add_paragraph("Meer inzamelpunten bij winkels;", style="List Bullet")
    item = document.add_paragraph("Betere voorlichting aan ", style="List Bullet")
    item.add_run("huishoudens").italic = True
    item.add_run(".")
    document.add_heading("a. Producentenverantwoordelijkheid", level=2)
    document.add_paragraph(
        "De producentenverantwoordelijkheid voor textiel geldt sinds 2023. Producenten betalen "
        "per kilogram. Het tarief daalt voor kleding die langer meegaat."
    )
    document.add_paragraph("De Staatssecretaris van Infrastructuur en Waterstaat,")
    document.add_paragraph("J. de Vries")

    package = document.part.package
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        _footnotes_xml(),
        package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)
    document.save(str(path))


# ---------------------------------------------------------------------------------------------
# cp1252 text

CP1252_TEXT = (
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
    "Den Haag, 9 mei 2031\n\n"
    "Financiële prikkels helpen: de subsidie van € 12 miljoen voor reparatie is "
    "verlengd.\n\n"
    "De Minister van Financiën,\n"
    "A.B. Smit\n"
)


def make_cp1252(path: Path) -> None:
    """A short letter in Windows-1252 (``ë`` and ``€`` are not valid UTF-8 bytes here)."""
    path.write_bytes(CP1252_TEXT.encode("cp1252"))


def main() -> None:
    """Write every binary fixture next to this script."""
    make_pdf(HERE / "kst-99999-3.pdf")
    make_docx(HERE / "kst-99999-1.docx")
    make_cp1252(HERE / "cp1252.txt")


if __name__ == "__main__":
    main()
