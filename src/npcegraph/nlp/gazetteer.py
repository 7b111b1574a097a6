"""The concept gazetteer: phrase patterns generated from the SKOS labels.

Each match becomes a span in ``doc.spans["npce_concepts"]`` whose label is the concept kind
(``instrument``, ``ministry``, ...) and whose ``id_`` is the concept IRI. Overlaps resolve to
the longest match ("Minister van Infrastructuur en Waterstaat" beats "Infrastructuur en
Waterstaat"), except that a goal or strategy keeps the product groups its words name ("25
procent gerecycleerde kritieke grondstoffen" is a goal about kritieke grondstoffen; "substitutie
door biobased materialen" a strategy for biobased materialen).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

# Kinds whose labels can name a product group inside them.
NAMES_PRODUCT_GROUPS = frozenset({"goal", "strategy"})


class Gazetteer:
    """Find concept labels (case-sensitive for abbreviations), then annotate spans."""

    def __init__(self, nlp: Language, spans_key: str) -> None:
        self.nlp = nlp
        self.spans_key = spans_key
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.size = 0

    def add_phrases(self, phrases: Iterable[tuple[str, str, str, bool]]) -> None:
        """Add ``(label, kind, iri, case_sensitive)`` phrases."""
        exact: dict[str, list[Doc]] = {}
        folded: dict[str, list[Doc]] = {}
        for label, kind, iri, case_sensitive in phrases:
            key = f"{kind}|{iri}"
            target = exact if case_sensitive else folded
            target.setdefault(key, []).append(self.nlp.make_doc(label))
            self.size += 1
        for key, docs in exact.items():
            self.exact.add(key, docs)
        for key, docs in folded.items():
            self.folded.add(key, docs)

    def find(self, doc: Doc) -> list[Span]:
        """Every label match, before overlap resolution."""
        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                kind, iri = self.nlp.vocab.strings[match_id].split("|", 1)
                spans.append(Span(doc, start, end, label=kind, span_id=iri))
        return spans

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        """Keep the longest non-overlapping matches in ``doc.spans``, and the product groups
        inside a goal or strategy."""
        kept = filter_spans(spans)
        framed = [s for s in kept if s.label_ in NAMES_PRODUCT_GROUPS]
        nested = filter_spans([
            s for s in spans if s.label_ == "product_group" and s not in kept
            and any(f.start <= s.start and s.end <= f.end for f in framed)])
        doc.spans[self.spans_key] = sorted(kept + nested, key=lambda s: (s.start, -s.end))
