"""Quantities: ``2 tot 4 Mton CO2``, ``25 procent``, ``50%``, ``1,5 kiloton``.

Value: ``{"value": Decimal, "upper": Decimal | None, "unit": str}`` (a range keeps its upper
bound).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from npcegraph.nlp.numbers import NUMBER, parse_number
from npcegraph.nlp.regex_component import Found, RegexSpanComponent

_UNITS = {
    "procent": "procent", "%": "procent", "procentpunt": "procentpunt",
    "mton": "Mton", "megaton": "Mton", "kton": "kton", "kiloton": "kton",
    "ton": "ton", "tonnen": "ton", "kg": "kg", "kilo": "kg", "pj": "PJ", "gw": "GW", "mw": "MW",
}
_QUANTITY = re.compile(
    rf"\b(?P<num>{NUMBER})(?:\s?(?:tot|à|-|–)\s?(?P<upper>{NUMBER}))?\s?"
    r"(?P<unit>procentpunt|procent|%|Mton|megaton|kton|kiloton|tonnen|ton|kg|PJ|GW|MW)"
    r"(?P<co2>\s?(?:CO2|CO₂)(?:-eq|-equivalent)?)?(?![A-Za-z])",
    re.IGNORECASE,
)


class QuantityFinder(RegexSpanComponent):
    """Find quantities with a unit."""

    def find(self, text: str) -> Iterator[Found]:
        """Yield ``(start, end, "QUANTITY", value)`` for each quantity."""
        for match in _QUANTITY.finditer(text):
            unit = _UNITS[match["unit"].lower()]
            if match["co2"]:
                unit += " CO2"
            upper = parse_number(match["upper"]) if match["upper"] else None
            value = {"value": parse_number(match["num"]), "upper": upper, "unit": unit}
            yield match.start(), match.end(), "QUANTITY", value
