"""Sentence boundaries for normalised letter text.

A new sentence starts after a line break (headings, list items and paragraphs are their own
sentences) and after ``.``, ``!`` or ``?`` when the next token opens a sentence. Abbreviations
are single tokens (see :mod:`npcegraph.nlp.tokenizer`), so ``nr.`` or ``o.a.`` never end one.
Boundaries are computed in one pass and written with ``Doc.from_array`` (setting
``token.is_sent_start`` one by one is quadratic in spaCy).
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

_ENDERS = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({")", "]", "”", "’", '"', "'"})


def _opens_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in "(“‘\"'€•-–"


def sentence_starts(doc: Doc) -> list[int]:
    """1 for a token that starts a sentence, -1 otherwise (spaCy's SENT_START values)."""
    starts = [-1] * len(doc)
    if not starts:
        return starts
    starts[0] = 1
    after_ender = False
    previous = doc[0]
    for i in range(1, len(doc)):
        token = doc[i]
        if not token.is_space:
            newline = "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text)
            if previous.text in _ENDERS:
                after_ender = True
            elif previous.text not in _CLOSERS and not previous.is_space:
                after_ender = False
            if newline or (after_ender and token.text not in _CLOSERS
                           and _opens_sentence(token.text)):
                starts[i] = 1
                after_ender = False
        previous = token
    return starts


class SentenceSegmenter:
    """Sets sentence starts on every token."""

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            starts = numpy.asarray(sentence_starts(doc), dtype="int64")
            values = starts.astype("uint64").reshape(-1, 1)
            doc.from_array([SENT_START], values)
        return doc
