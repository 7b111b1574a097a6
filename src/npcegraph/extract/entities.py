"""Turn the pipeline's spans into entity, money, quantity, date and reference facts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span

from npcegraph.concepts import Vocabulary, is_case_sensitive
from npcegraph.extract.amount_parts import wholes
from npcegraph.extract.facts import Amount, DateMention, Evidence, Mention, Quantity, Reference
from npcegraph.extract.ministries import ministry_of
from npcegraph.letters import Footnote
from npcegraph.nlp import (
    CONCEPTS_KEY,
    DATE_KEY,
    MONEY_KEY,
    QUANTITY_KEY,
    REFERENCE_KEY,
    VALUE_ATTR,
)
from npcegraph.nlp.gazetteer import NAMES_PRODUCT_GROUPS

# Confidence of a gazetteer match: exact-case abbreviations and long names are reliable.
CONFIDENCE_EXACT = 0.95
CONFIDENCE_FOLDED = 0.9
CONFIDENCE_PATTERN = 0.9
# How far before a footnote marker the word "motie" may stand (within the marker's sentence).
MOTIE_WINDOW = 200
# A sentence boundary: a full stop, question or exclamation mark before a capital.
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")


def evidence_of(span: Span, confidence: float) -> Evidence:
    """Evidence for a span: its offsets and exact text."""
    return Evidence(span.start_char, span.end_char, span.text, confidence)


def mentions(doc: Doc, vocabulary: Vocabulary, on: date | None) -> list[Mention]:
    """Every concept the gazetteer found, posts resolved to their ministry."""
    found = []
    for span in doc.spans.get(CONCEPTS_KEY, []):
        concept = vocabulary.get(span.id_)
        if concept is None:
            continue
        confidence = CONFIDENCE_EXACT if is_case_sensitive(span.text) else CONFIDENCE_FOLDED
        iri, ministry = concept.iri, None
        if concept.kind == "ministry":  # a name means the ministry of its day
            iri = vocabulary.ministry_on(concept.iri, on)
        elif concept.kind == "post":
            ministry = ministry_of(vocabulary, concept, on)
        found.append(Mention(concept.kind, iri, evidence_of(span, confidence), ministry))
    return found


def outermost(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions without the product groups named inside a goal's or strategy's label (the
    gazetteer keeps both): the concepts a sentence is about, as the measure stage sees them."""
    frames = [(m.evidence.start, m.evidence.end) for m in mentions
              if m.kind in NAMES_PRODUCT_GROUPS]
    return [m for m in mentions if m.kind != "product_group" or not any(
        start <= m.evidence.start and m.evidence.end <= end for start, end in frames)]


def amounts(doc: Doc) -> list[Amount]:
    """Money amounts, each part ("waarvan € 45 miljoen") pointing to its whole."""
    spans = list(doc.spans.get(MONEY_KEY, []))
    values = [(s._.get(VALUE_ATTR)["value"], s._.get(VALUE_ATTR)["currency"]) for s in spans]
    part_of = wholes(spans, values)
    return [
        Amount(value, currency, evidence_of(span, CONFIDENCE_PATTERN),
               (spans[part_of[i]].start_char, spans[part_of[i]].end_char)
               if i in part_of else None)
        for i, (span, (value, currency)) in enumerate(zip(spans, values, strict=True))
    ]


def quantities(doc: Doc) -> list[Quantity]:
    """Quantities with a unit."""
    result = []
    for span in doc.spans.get(QUANTITY_KEY, []):
        value = span._.get(VALUE_ATTR)
        result.append(Quantity(value["value"], value["upper"], value["unit"],
                               evidence_of(span, CONFIDENCE_PATTERN)))
    return result


def dates(doc: Doc) -> list[DateMention]:
    """Dates, months and years."""
    result = []
    for span in doc.spans.get(DATE_KEY, []):
        value = span._.get(VALUE_ATTR)
        result.append(DateMention(value["value"], value["datatype"], value["qualifier"],
                                  evidence_of(span, CONFIDENCE_PATTERN)))
    return result


def _cited_as_motie(text: str, footnotes: Sequence[Footnote], offset: int) -> bool:
    """Whether a kamerstuk in a footnote is cited in the body as a motie: the word stands in the
    sentence that carries the footnote's marker ("de motie Kostić¹", "Daarmee voer ik de motie
    van het lid X c.s. uit, die vroeg om ...²")."""
    for footnote in footnotes:
        if footnote.start <= offset < footnote.end and footnote.anchor is not None:
            before = text[max(0, footnote.anchor - MOTIE_WINDOW):footnote.anchor].rstrip(".!?")
            sentence = _SENTENCE_END.split(before)[-1]
            return bool(re.search(r"\b[Mm]otie\b", sentence))
    return False


def references(doc: Doc, vocabulary: Vocabulary, footnotes: Sequence[Footnote] = (),
               ) -> list[Reference]:
    """References by number, plus EU acts the gazetteer recognised by name. A kamerstuk in a
    footnote whose marker follows the word "motie" is a motie."""
    result = []
    text = doc.text
    celex = {c.notation: c.iri for c in vocabulary.of_kind("eu_act") if c.notation}
    for span in doc.spans.get(REFERENCE_KEY, []):
        value = span._.get(VALUE_ATTR)
        target = celex.get(value["identifier"]) if value["type"] == "eu-act" else None
        kind = value["type"]
        if kind == "kamerstuk" and _cited_as_motie(text, footnotes, span.start_char):
            kind = "motie"
        result.append(Reference(kind, value["identifier"],
                                evidence_of(span, CONFIDENCE_PATTERN), target))
    for span in doc.spans.get(CONCEPTS_KEY, []):
        concept = vocabulary.get(span.id_)
        if concept is not None and concept.kind == "eu_act":
            identifier = concept.notation or concept.slug
            result.append(Reference("eu-act", identifier,
                                    evidence_of(span, CONFIDENCE_FOLDED), concept.iri))
    return sorted(result, key=lambda r: r.evidence.start)
