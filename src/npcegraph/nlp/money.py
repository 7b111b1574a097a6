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


class MoneyFinder(RegexSpanComponent):
    """Find euro amounts."""

    def find(self, text: str) -> Iterator[Found]:
        """Yield ``(start, end, "MONEY", value)`` for each amount."""
        for pattern in (_BEFORE, _AFTER):
            for match in pattern.finditer(text):
                amount = parse_number(match["num"]) * scale_factor(match["scale"])
                yield match.start(), match.end(), "MONEY", {"value": amount, "currency": "EUR"}
