"""EU institutions named short: "de Commissie" and "de Raad" in a sentence about the EU.

Letters name the European Commission and the Council of the EU in full once and then short
("waarover de Europese Commissie, het Europees Parlement en de Raad een akkoord bereikten",
"de CE Act, die de Commissie heeft aangekondigd"). A capitalised "de Commissie" or "de Raad"
not followed by "van"/"voor" (not "de Raad van State", "de Commissie voor de m.e.r.") is the EU
institution when its sentence is about the EU: it names an EU act or EU body, or says "EU",
"Europese", "Europees", "lidstaten", "richtlijn" or "verordening".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from npcegraph.concepts import Vocabulary
from npcegraph.extract.facts import Evidence, Mention

SHORT_NAMES = {"Commissie": "europese-commissie", "Raad": "raad-van-de-eu"}
_SHORT = re.compile(r"\bde (Commissie|Raad)\b(?!\s+(?:van|voor)\b)")
_EU_WORDS = re.compile(r"\b(?:EU|Europese|Europees|lidstaten|richtlijn|verordening)\b",
                       re.IGNORECASE)
EU_BODIES = frozenset({"europese-commissie", "europees-parlement", "raad-van-de-eu",
                       "europese-raad"})
# Below a full name's confidence: the short name is resolved from its sentence.
CONFIDENCE_SHORT = 0.8


def _about_the_eu(text: str, named: Sequence[Mention]) -> bool:
    return bool(_EU_WORDS.search(text)) or any(
        m.kind == "eu_act" or m.concept.rsplit("/", 1)[-1] in EU_BODIES for m in named)


def short_eu_names(doc: Doc, vocabulary: Vocabulary, mentions: Sequence[Mention],
                   ) -> list[Mention]:
    """Mentions of the EU institutions a sentence names short, where no concept was found."""
    slugs = {c.slug: c.iri for c in vocabulary.of_kind("organisation")}
    iris = {short: slugs[slug] for short, slug in SHORT_NAMES.items() if slug in slugs}
    found = []
    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        named = [m for m in mentions if start <= m.evidence.start < end]
        if not _about_the_eu(sentence.text, named):
            continue
        for match in _SHORT.finditer(sentence.text):
            a, b = start + match.start(1), start + match.end(1)
            if match.group(1) in iris and not any(
                    m.evidence.start < b and a < m.evidence.end for m in named):
                found.append(Mention("organisation", iris[match.group(1)],
                                     Evidence(a, b, match.group(1), CONFIDENCE_SHORT)))
    return found
