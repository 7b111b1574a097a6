"""Dutch number notation: ``3,5`` -> 3.5, ``450.000`` -> 450000, scale words -> factors."""

from __future__ import annotations

from decimal import Decimal

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
SCALES: dict[str, int] = {
    "duizend": 1_000, "k": 1_000,
    "miljoen": 1_000_000, "mln": 1_000_000, "mln.": 1_000_000, "mio": 1_000_000,
    "miljard": 1_000_000_000, "mld": 1_000_000_000, "mld.": 1_000_000_000,
    "mrd": 1_000_000_000, "mrd.": 1_000_000_000,
}
SCALE = r"(?:miljoen|miljard|duizend|mln\.?|mld\.?|mrd\.?|mio)"


def parse_number(text: str) -> Decimal:
    """Parse a Dutch-formatted number (thousands ``.``, decimal ``,``)."""
    cleaned = text.replace(".", "") if "." in text and len(text.rsplit(".", 1)[-1]) == 3 else text
    return Decimal(cleaned.replace(",", "."))


def scale_factor(word: str | None) -> int:
    """The multiplier of a scale word (``miljoen`` -> 1e6); 1 when absent."""
    return SCALES.get((word or "").lower(), 1)
