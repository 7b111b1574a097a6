"""Part-whole relations between money amounts.

"€ 65 miljoen uit het Klimaatfonds, waarvan 45 mln euro in de eerste openstelling" names one
budget and a part of it; summing both would count the part twice. An amount is part of the
amount before it when "waarvan", "daarvan" or "hiervan" stands between them (in the part's
sentence, the whole in that sentence or the one before) and it is smaller. Every smaller amount
after the cue in that sentence is a part too ("Hiervan is 125 miljoen euro direct toegekend, de
rest in twee fases (43 en 53 miljoen)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from spacy.tokens import Span

PART_CUE = re.compile(r"\b(?:waarvan|daarvan|hiervan)\b", re.IGNORECASE)


def wholes(spans: Sequence[Span], values: Sequence[tuple[Decimal, str]]) -> dict[int, int]:
    """Index of each money span that is part of another -> index of that whole; ``values``
    holds each span's ``(value, currency)``."""
    result: dict[int, int] = {}
    text = spans[0].doc.text if spans else ""  # Doc.text joins every token: compute it once
    for index, part in enumerate(spans):
        sentence = part.sent
        cues = list(PART_CUE.finditer(text, sentence.start_char, part.start_char))
        if not cues:
            continue
        cue = cues[-1].start()
        earliest = _previous_sentence_start(sentence)
        before = [i for i in range(index) if earliest <= spans[i].start_char
                  and spans[i].end_char <= cue]
        if not before:
            continue
        whole = before[-1]
        (value, currency), (whole_value, whole_currency) = values[index], values[whole]
        if currency == whole_currency and value < whole_value:
            result[index] = whole
    return result


def _previous_sentence_start(sentence: Span) -> int:
    """Where the sentence before ``sentence`` starts (its own start for the first)."""
    doc = sentence.doc
    if sentence.start == 0:
        return sentence.start_char
    return doc[sentence.start - 1].sent.start_char
