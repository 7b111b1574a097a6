"""The letters stage: read a letter file, parse its metadata, normalise its text.

``read_letter(path)`` reads ``.txt``, ``.html``/``.htm``, ``.xml``, ``.pdf`` and ``.docx``;
``letter_from_text(text)`` parses a string. Both return a :class:`Letter` whose ``text`` is the
normalised body followed by a ``Voetnoten`` section; every offset downstream refers to it. The
steps of normalisation are documented in :mod:`.normalise` (plain text), :mod:`.markup`
(HTML/XML), :mod:`.footnotes`, :mod:`.paragraphs`, :mod:`.sections` and :mod:`.build`; metadata
sources in :mod:`.metadata` and :mod:`.bodymeta`.

This package depends only on the standard library, bs4, lxml, pypdf, python-docx and
``npcegraph.errors``.
"""

from __future__ import annotations

from .model import Answer, Footnote, Letter, Question, Section
from .readers import SUPPORTED_SUFFIXES, letter_from_text, read_letter

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Answer",
    "Footnote",
    "Letter",
    "Question",
    "Section",
    "letter_from_text",
    "read_letter",
]
