"""Plain text (a ``.txt`` page dump or text extracted from a PDF) to a :class:`Draft`.

Steps, in this order:

0. characters: line ends to ``\\n``; byte-order marks, zero-width and variation-selector
   characters dropped; a soft hyphen at a line end joins the word, elsewhere it goes;
   no-break and thin spaces become spaces; tabs become spaces; NFC normalisation. A form feed
   (``\\f``, how the PDF reader separates pages) or a line the PDF began with a single space
   marks a page start.
1. website navigation bars (lines of ``[...] [...]``) and ``Preview document`` lines go.
2. the website's metadata block is parsed (document number, date, dossier and number, dossier
   title, signer and title) and removed (:func:`metadata.parse_site_block`).
3. the kamerstuk header (``Tweede Kamer der Staten-Generaal``, ``Vergaderjaar``, dossier line,
   ``Nr. 352 BRIEF VAN ...``) is parsed and removed; ``Aan de ...`` and ``Den Haag, <datum>``
   stay in the text (:func:`metadata.parse_header`).
4. page footers (``Tweede Kamer, vergaderjaar 2023–2024, 32 813, nr. 1397 5``) are parsed - they
   give dossier, number and vergaderjaar of a letter without header - and removed with the
   blank lines around them; bare page numbers at the edge of a form-feed page go too.
5. footnotes are cut out of the line stream (:mod:`.footnotes`). This happens before lines are
   joined - not after, as one might expect - because in PDF text a page's footnotes sit inside
   a paragraph that continues on the next page, and a word may be hyphenated across them.
6. hyphenation across line breaks is repaired and hard-wrapped lines are joined into
   paragraphs (:mod:`.paragraphs`); runs of spaces collapse.

The builder then classifies blocks, moves footnote markers out of the body (recording their
anchors), and assembles the final text with paragraphs separated by one blank line.
"""

from __future__ import annotations

import re
import unicodedata

from . import metadata
from .footnotes import extract
from .model import Block, Draft
from .paragraphs import ANTWOORD, QNUM, Lexicon, Line, to_paragraphs

_SPACES = re.compile(r"[\u00a0\u2007\u2009\u202f\u2002\u2003\u2004\u2005\u2006\u2008\t\v]")
_INVISIBLE = re.compile(r"[\ufeff\u200b\u200c\u200d\u2060\ufe0e\ufe0f\ue000\ue001]")


def clean_chars(text: str) -> str:
    """Step 0: characters (see the module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = re.sub("\u00ad[ \t]*\n[ \t]*", "", text).replace("\u00ad", "")
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def qa_layout(text: str) -> bool:
    """Question-and-answer layout: bare question numbers and ``Antwoord N`` lines."""
    stripped = (ln.strip() for ln in text.split("\n"))
    answers = numbers = 0
    for line in stripped:
        if ANTWOORD.match(line) and line != "Antwoord":
            answers += 1
        elif QNUM.match(line):
            numbers += 1
    return answers >= 2 and numbers >= 2


def _split(text: str) -> list[Line]:
    lines: list[Line] = []
    for p, page in enumerate(text.split("\f")):
        for i, raw in enumerate(page.split("\n")):
            starts = (p > 0 and i == 0) or bool(re.match(r"^ \S", raw))
            lines.append(Line(raw.strip(), starts))
    return lines


def text_to_draft(text: str, source: str, source_format: str) -> Draft:
    """Normalise plain text into a draft of blocks, footnotes and metadata hints."""
    text = clean_chars(text)
    qa = qa_layout(text)
    lex = Lexicon(text)
    draft = Draft(source, source_format, [], detect_markers=True, qa_layout=qa)
    text = _drop_page_numbers(text)
    lines = [ln for ln in _split(text) if not (metadata.is_nav(ln.text)
                                               or metadata.is_preview(ln.text))]
    fields, start, end = metadata.parse_site_block([ln.text for ln in lines])
    for key, value in fields.items():
        draft.hint("site", key, value)
    if end:
        lines = lines[:start] + lines[end:]
    fields, used = metadata.parse_header([ln.text for ln in lines])
    for key, value in fields.items():
        draft.hint("header", key, value)
    lines = [ln for i, ln in enumerate(lines) if i not in used]
    lines = _drop_footers(lines, draft)
    body, notes = extract(lines, qa, lex)
    draft.footnotes = notes
    draft.blocks = [Block(p) for p in to_paragraphs(body, qa, lex)]
    return draft


def _drop_footers(lines: list[Line], draft: Draft) -> list[Line]:
    out: list[Line] = []
    mark_next = False
    for line in lines:
        fields = metadata.footer_fields(line.text) if line.text else None
        if fields is not None:
            for key, value in fields.items():
                draft.hint("footer", key, value)
            while out and not out[-1].text:
                out.pop()
            mark_next = True
            continue
        if mark_next:
            if not line.text:
                continue
            line = Line(line.text, True)
            mark_next = False
        out.append(line)
    return out


def _drop_page_numbers(text: str) -> str:
    """Bare page numbers as the first or last line of a form-feed page (PDF reader output)."""
    if "\f" not in text:
        return text
    pages = text.split("\f")
    for p, page in enumerate(pages):
        lines = page.split("\n")
        idx = [i for i, ln in enumerate(lines) if ln.strip()]
        for i in (idx[:1] + idx[-1:]) if idx else []:
            value = lines[i].strip()
            if value.isdigit() and abs(int(value) - (p + 1)) <= 1:
                lines[i] = ""
        pages[p] = "\n".join(lines)
    return "\f".join(pages)
