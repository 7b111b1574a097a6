"""References: kamerstukken, moties, toezeggingen and EU acts by number.

Value: ``{"type": "kamerstuk" | "motie" | "toezegging" | "eu-act", "identifier": str}`` with
identifiers normalised: kamerstuk ``32852-224``, toezegging ``15497`` or ``TZ202404-014``,
EU act as CELEX (``32024R1781``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from npcegraph.nlp.regex_component import Found, RegexSpanComponent

_DOSSIER = r"(?P<dossier>\d{2}\s?\d{3})(?:-(?P<sub>[IVX]+|\d{1,2}))?"
_KAMERSTUK = re.compile(
    r"\b(?:Kamerstuk(?:ken)?(?:\sII)?|Tweede\sKamer(?:,\svergaderjaar\s\d{4}[–-]\d{4},)?"
    r"|Kamerst\.)\s" + _DOSSIER + r"(?:(?:\s?,|\sen)\s\d{2}\s?\d{3}(?:-[IVX\d]+)?)*"
    r"(?:\s[A-Z]{1,2})?,?\s?\.?\s?nrs?\.\s?(?P<number>\d+)"
)
_MOTIE = re.compile(
    r"\b[Mm]otie(?:s)?\b(?P<between>(?:[^.()]|\bc\.s\.){0,160}?)(?:\(|\bmet\s)Kamerstuk\s"
    + _DOSSIER
    + r",?\s?\.?\s?nr\.\s?(?P<number>\d+)\)?"
)
_TOEZEGGING_LIST = re.compile(
    r"\b[Tt]oezegging(?:en)?\s(?P<items>(?:(?:nr\.\s?)?(?:\d{4,6}|TZ?\d{6}-\d{3})"
    r"(?:,\s|\s?en\s|,\sen\s)?)+)"
)
_TOEZEGGING_ITEM = re.compile(r"(?:nr\.\s?)?(?P<id>\d{4,6}|TZ?\d{6}-\d{3})")
_TZ = re.compile(r"\bTZ?\d{6}-\d{3}\b")
_EU_ACT = re.compile(
    r"\b(?P<kind>Verordening|Richtlijn|Regulation|Directive)\s(?:\((?:EU|EG|EEG)\)\s?(?:nr\.\s)?"
    r"(?P<a>\d{2,4})/(?P<b>\d{1,4})|van\sde\s(?:EU|Europese\sUnie)\s\((?P<e>\d{4})/\s?(?P<f>\d{1,4})\))"
    r"|\b(?P<kind2>Richtlijn|Directive)\s(?P<c>\d{2,4})/(?P<d>\d{1,4})/(?:EU|EG|EEG)",
    re.I,
)


def _celex(kind: str, first: str, second: str) -> str:
    year, number = (first, second) if len(first) == 4 else (second, first)
    if len(year) == 2:
        year = ("19" if int(year) > 50 else "20") + year
    letter = "R" if kind.lower() in ("verordening", "regulation") else "L"
    return f"3{year}{letter}{int(number):04d}"


class ReferenceFinder(RegexSpanComponent):
    """Find references to other parliamentary papers and EU acts."""

    def find(self, text: str) -> Iterator[Found]:
        """Yield ``(start, end, "REFERENCE", value)`` for each reference."""
        for match in _MOTIE.finditer(text):
            yield match.start(), match.end(), "REFERENCE", _ref("motie", _kamerstuk_id(match))
        for match in _KAMERSTUK.finditer(text):
            yield match.start(), match.end(), "REFERENCE", _ref("kamerstuk", _kamerstuk_id(match))
        seen: set[int] = set()
        for match in _TOEZEGGING_LIST.finditer(text):
            offset = match.start("items")
            for item in _TOEZEGGING_ITEM.finditer(match["items"]):
                start = offset + item.start()
                seen.add(offset + item.start("id"))
                yield start, offset + item.end(), "REFERENCE", _ref("toezegging", item["id"])
        for match in _TZ.finditer(text):
            if match.start() not in seen:
                yield match.start(), match.end(), "REFERENCE", _ref("toezegging", match.group())
        for match in _EU_ACT.finditer(text):
            # "Verordening (EU) 2024/1781", "richtlijn van de EU (2019/ 1937)",
            # "Richtlijn 2008/98/EG"
            kind = match["kind"] or match["kind2"]
            first = match["a"] or match["e"] or match["c"]
            second = match["b"] or match["f"] or match["d"]
            celex = _celex(kind, first, second)
            yield match.start(), match.end(), "REFERENCE", _ref("eu-act", celex)


def _kamerstuk_id(match: re.Match[str]) -> str:
    """``32852-224``, or with a sub-dossier ``36800-X-11``, ``21501-30-621``."""
    dossier = match["dossier"].replace(" ", "")
    sub = f"-{match['sub']}" if match["sub"] else ""
    return f"{dossier}{sub}-{match['number']}"


def _ref(kind: str, identifier: str) -> dict[str, str]:
    return {"type": kind, "identifier": identifier}
