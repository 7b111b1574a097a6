"""Span extension that carries a parsed value (money, quantity, date, reference)."""

from __future__ import annotations

from spacy.tokens import Span

VALUE_ATTR = "npce_value"

# Keys of doc.spans written by the npcegraph components.
CONCEPTS_KEY = "npce_concepts"
MONEY_KEY = "npce_money"
QUANTITY_KEY = "npce_quantities"
DATE_KEY = "npce_dates"
REFERENCE_KEY = "npce_references"

if not Span.has_extension(VALUE_ATTR):
    Span.set_extension(VALUE_ATTR, default=None)
