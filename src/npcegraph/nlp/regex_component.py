"""Base for components that find character spans with regular expressions.

A subclass implements :meth:`find`, returning ``(start_char, end_char, label, value)``; the base
turns them into token-aligned spans in ``doc.spans[key]`` with the value on ``span._.npce_value``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from npcegraph.nlp.values import VALUE_ATTR

Found = tuple[int, int, str, Any]


class RegexSpanComponent:
    """Find character spans in ``doc.text``, then annotate them on the Doc."""

    def __init__(self, key: str) -> None:
        self.key = key

    def find(self, text: str) -> Iterable[Found]:
        """Yield the spans found in ``text``."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, list(self.find(doc.text)))
        return doc

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        """Write the found spans (longest wins on overlap) to ``doc.spans[self.key]``."""
        spans: list[Span] = []
        values: dict[tuple[int, int], Any] = {}
        for start, end, label, value in found:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None:
                continue
            spans.append(span)
            values[(span.start_char, span.end_char)] = value
        kept = filter_spans(spans)
        for span in kept:
            span._.set(VALUE_ATTR, values[(span.start_char, span.end_char)])
        doc.spans[self.key] = kept
