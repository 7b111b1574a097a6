"""Money amounts: ``€ 100 miljoen``, ``46 mln. euro``, ``€ 3,5 mln``, ``EUR 450.000``.

Each amount is a span labelled ``MONEY`` whose value is ``{"value": Decimal (euros),
"currency": "EUR"}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from npcegraph.nlp.numbers import NUMBER, SCALE, parse_number, scale_factor
from npcegraph.nlp.regex_component import Found, RegexSpanComponent

_BEFORE = re.compile(
    rf"(?:€|EUR\b)\s?(?P<num>{NUMBER})(?:\s?(?P<scale>{SCALE})(?![a-z]))?(?:\s?euro\b)?"
)
_AFTER = re.compile(
    rf"\b(?P<num>{NUMBER})\s?(?:(?P<scale>{SCALE})\s?)?(?:euro|EUR)\b", re.IGNORECASE
)


# A bare "46 mln." or "220 miljoen" is money unless a noun follows ("100 miljoen mensen");
# "43 en 53 miljoen" are two amounts.
_BARE = re.compile(
    rf"\b(?P<num>{NUMBER})(?:\s(?:en|tot|à)\s(?P<num2>{NUMBER}))?\s(?P<scale>miljoen|miljard|mln\.?"
    rf"|mld\.?|mrd\.?)(?=[\s,;:).]|$)(?!\s+(?!(?:euro|in|per|voor|van|uit|aan|en|tot|op|is|wordt|"
    rf"werd|om|te|extra|structureel|incidenteel|beschikbaar|gereserveerd|toegekend|per\sjaar)\b)"
    rf"[a-zà-ÿ])",
)


class MoneyFinder(RegexSpanComponent):
    """Find euro amounts."""

    def find(self, text: str) -> Iterator[Found]:
        """Yield ``(start, end, "MONEY", value)`` for each amount."""
        for pattern in (_BEFORE, _AFTER):
            for match in pattern.finditer(text):
                amount = parse_number(match["num"]) * scale_factor(match["scale"])
                yield match.start(), match.end(), "MONEY", {"value": amount, "currency": "EUR"}
        for match in _BARE.finditer(text):
            factor = scale_factor(match["scale"])
            if match["num2"]:
                first = parse_number(match["num"]) * factor
                yield match.start(), match.end("num"), "MONEY", {"value": first, "currency": "EUR"}
                start = match.start("num2")
                value = parse_number(match["num2"]) * factor
            else:
                start, value = match.start(), parse_number(match["num"]) * factor
            yield start, match.end(), "MONEY", {"value": value, "currency": "EUR"}
