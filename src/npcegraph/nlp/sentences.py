"""Sentence boundaries for normalised letter text.

A new sentence starts after a line break (headings, list items and paragraphs are their own
sentences) and after ``.``, ``!`` or ``?`` when the next token opens a sentence. Abbreviations
are single tokens (see :mod:`npcegraph.nlp.tokenizer`), so ``nr.`` or ``o.a.`` never end one.
"""

from __future__ import annotations

from spacy.tokens import Doc

_ENDERS = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({")", "]", "”", "’", '"', "'"})


def _opens_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in "(“‘\"'€•-–"


class SentenceSegmenter:
    """Sets ``token.is_sent_start`` on every token."""

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        doc[0].is_sent_start = True
        after_ender = False
        for i in range(1, len(doc)):
            previous, token = doc[i - 1], doc[i]
            if token.is_space:
                token.is_sent_start = False
                continue
            newline = "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text)
            if previous.text in _ENDERS:
                after_ender = True
            elif previous.text not in _CLOSERS and not previous.is_space:
                after_ender = False
            starts = newline or (after_ender and _opens_sentence(token.text)
                                 and token.text not in _CLOSERS)
            token.is_sent_start = bool(starts)
            if starts:
                after_ender = False
        return doc
