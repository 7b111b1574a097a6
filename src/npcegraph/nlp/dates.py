"""Dates and years: ``20 maart 2025``, ``maart 2025``, ``eind 2025``, ``in 2035``, ``2025-03-20``,
``het najaar van 2026``, ``de eerste helft van 2023``, ``Q4 2023``.

Value: ``{"value": "2025-03-20" | "2025-03" | "2035", "datatype": "date" | "gYearMonth" |
"gYear", "qualifier": "eind" | "voor de zomer van" | ... | None}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from npcegraph.nlp.regex_component import Found, RegexSpanComponent

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
_MONTH = "|".join(MONTHS)
_YEAR = r"(?:19[89]\d|20\d\d|2100)"
_FULL = re.compile(rf"\b(?P<day>[0-3]?\d)\s(?P<month>{_MONTH})\s(?P<year>{_YEAR})\b", re.I)
_ISO = re.compile(rf"\b(?P<year>{_YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\s(?P<year>{_YEAR})\b", re.I)
_QUALIFIED_YEAR = re.compile(
    r"\b(?P<qualifier>(?:voor|na|vóór)\s(?:de|het)\s(?:zomer|zomerreces|kerstreces|voorjaar|najaar)"
    r"(?:\svan)?|(?:in\s)?(?:het\s)?(?:eerste|tweede|derde|vierde)\skwartaal(?:\svan)?"
    r"|(?:het\s)?(?:voorjaar|najaar|zomer|winter|einde)\svan|(?:eerste|tweede)\shelft(?:\svan)?"
    r"|Q[1-4]|begin|medio|eind|einde|half|voorjaar|najaar|zomer|winter|uiterlijk|vanaf|vóór|voor|"
    r"tot|per|in|sinds|rond|na|tussen|t/m|en)\s(?P<year>" + _YEAR + r")\b",
    re.I,
)


class DateFinder(RegexSpanComponent):
    """Find dates, months and (qualified) years."""

    def find(self, text: str) -> Iterator[Found]:
        """Yield ``(start, end, "DATE", value)`` for each date expression."""
        for match in _FULL.finditer(text):
            month = MONTHS[match["month"].lower()]
            value = f"{match['year']}-{month:02d}-{int(match['day']):02d}"
            yield match.start(), match.end(), "DATE", _value(value, "date")
        for match in _ISO.finditer(text):
            value = f"{match['year']}-{match['month']}-{match['day']}"
            yield match.start(), match.end(), "DATE", _value(value, "date")
        for match in _MONTH_YEAR.finditer(text):
            value = f"{match['year']}-{MONTHS[match['month'].lower()]:02d}"
            yield match.start(), match.end(), "DATE", _value(value, "gYearMonth")
        for match in _QUALIFIED_YEAR.finditer(text):
            qualifier = match["qualifier"].lower()
            yield match.start(), match.end(), "DATE", _value(match["year"], "gYear", qualifier)


def _value(value: str, datatype: str, qualifier: str | None = None) -> dict[str, str | None]:
    return {"value": value, "datatype": datatype, "qualifier": qualifier}
