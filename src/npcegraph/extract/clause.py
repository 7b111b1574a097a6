"""The government as the subject of a clause, and what kind of verb it has there.

Dutch main clauses put the finite verb second: the subject stands before it ("Het kabinet
verkent ...", "VRO start ...") or, after a first constituent, right behind it ("Daarom pleit
Nederland voor ...", "Zoals toegezegd, beziet het kabinet ..."). Without a
parser the verb is the word next to a government actor in either position. Its class tells a
deed ("steunt", "start", "zet ... in") from a view ("signaleert", "vindt", "deelt de mening")
and from an auxiliary whose infinitive comes later ("zal", "wil", "gaat"). These are features
of the measure-statement classifier (:mod:`npcegraph.extract.statement_features`).
"""

from __future__ import annotations

import re

# The capitalised name of a ministry or post ("Economische Zaken", "Infrastructuur en
# Waterstaat", "Landbouw, Visserij, Voedselzekerheid en Natuur"), case-sensitive inside the
# otherwise case-blind patterns, so that the verb after it is not taken for part of the name.
_TITLE_NAME = r"(?-i:[A-Z][\w-]*(?:,?\s(?:en\s|van\s|voor\s)?[A-Z][\w-]*)*)"
# Who acts for the government: the writer, the cabinet, the state, a ministry (also by its
# abbreviation), a minister or state secretary.
GOVERNMENT_SUBJECT = (
    r"(?:ik|we|wij|het kabinet|nederland|het rijk|de overheid|de rijksoverheid|"
    r"rijkswaterstaat|rws|bzk|ienw|ezk|ez|kgg|lnv|bz|ocw|vws|vro|"
    rf"het ministerie(?: van {_TITLE_NAME})?|"
    rf"de (?:minister|staatssecretaris)(?: van| voor)? {_TITLE_NAME})")
# Subject first: at the sentence start (after at most one word: "Ook ik", "• Het kabinet"), or
# after a colon, semicolon or comma; an apposition in commas may stand before the verb
# ("VRO, als eigenaar van het rijksvastgoed, start").
_SUBJECT_FIRST = re.compile(
    rf"(?:^\s*(?:\S+\s)?|[:;]\s*|,\s(?:en\s)?){GOVERNMENT_SUBJECT}(?:\s+\([^)]*\))?"
    rf"(?:,[^,]{{0,80}},)?\s+(\w+)", re.IGNORECASE)
# Verb first: the word right before the subject, after a first constituent (which may end in a
# comma: "Zoals toegezegd, beziet het kabinet").
_VERB_FIRST = re.compile(
    rf"^\s*(?:[^.;:]{{0,120}},\s*)?[^.,;:]{{0,120}}?\b(\w+)\s+{GOVERNMENT_SUBJECT}\b",
    re.IGNORECASE)
_AUXILIARY = re.compile(r"(?:zal|zullen|wil|willen|ga|gaat|gaan|kan|kunnen|moet|moeten|"
                        r"blijf|blijft|blijven)", re.IGNORECASE)
_VIEW = re.compile(r"(?:vind|acht|deel|signaleer|constateer|zie|verwacht|benadruk|onderschrijf|"
                   r"onderken|erken|herken|begrijp|denk|meen|waardeer|realiseer|beraad|hoop)",
                   re.IGNORECASE)
_DEED = re.compile(
    r"(?:onderzo|verken|start|ontwikkel|steun|ondersteun|financier|investeer|stimuleer|zet|"
    r"neem|voer|werk|pleit|roep|dring|maak|draag|geef|breng|bevorder|stel|richt|bied|help|"
    r"organiseer|faciliteer|versterk|verbeter|verplicht|introduceer|open|pas|breid|bereid|leg|"
    r"sluit|koop|besteed|trek|reserveer|benut|verhoog|verlaag|verduurzaam|continu|intensiveer|"
    r"implementeer|vraag|agendeer|bespreek|subsidieer|beloon|zorg|bezie|ga|ben|is|heb|kom)",
    re.IGNORECASE)
SEARCH_CHARS = 200  # the inverted subject is looked for near the sentence start


def _verb_class(verb: str) -> str | None:
    if _AUXILIARY.fullmatch(verb):
        return "aux"
    if _VIEW.match(verb):
        return "view"
    if _DEED.match(verb):
        return "deed"
    return None


def government_verbs(sentence: str) -> set[str]:
    """The classes (``deed``, ``view``, ``aux``) of the verbs next to a government subject:
    ``{"deed"}`` for "Daarom pleit Nederland voor ...", ``{"view"}`` for "Het kabinet
    signaleert ...", empty when the government is not a subject."""
    verbs = []
    if first := _SUBJECT_FIRST.search(sentence):
        verbs.append(first.group(1))
    if inverted := _VERB_FIRST.match(sentence[:SEARCH_CHARS]):
        verbs.append(inverted.group(1))
    return {c for v in verbs if (c := _verb_class(v)) is not None}
