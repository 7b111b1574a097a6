"""Policy measures: sentences in which a policy instrument is put to work.

Rules (documented in the README): a sentence outside the footnotes and headings that names an
instrument (not a programme or monitoring report, which only frame measures) and
either an action cue ("invoeren", "zet in op", "openstelling", "beschikbaar", ...) or an amount is
a measure statement, with the product groups of that sentence (or of the section heading when
the sentence names none). The responsible ministry is the ministry or minister named in the
sentence, else in the section heading, else (in a written answer) the answering ministers, else
the letter's sender, else explicitly unknown. The status comes from the cue phrases of the status
vocabulary. :mod:`npcegraph.extract.resolve` merges the statements into measures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span

from npcegraph.concepts import Vocabulary
from npcegraph.extract.confidence import ACTION_CUE
from npcegraph.extract.facts import Amount, Measure, Mention, sentence_evidence
from npcegraph.extract.questions import AnswerFact, answer_at
from npcegraph.extract.resolve import STATUS_PRIORITY, resolve_measures
from npcegraph.extract.scope import SectionIndex

MAX_PRODUCT_GROUPS = 3
# A government actor doing something concrete: a measure even when no instrument is named.
_ACTOR = (r"(?:ik|we|wij|het kabinet|kabinet|nederland|het rijk|de overheid|defensie|"
          r"rijkswaterstaat|het ministerie|mijn ministerie)")
_DEED = (r"(?:onderzoek(?:t|en)?|verken(?:t|nen)?|start(?:en)?|ontwikkel(?:t|en)?|steun(?:t|en)?|"
         r"financier(?:t|en)|investeer(?:t)?|investeren|stimuleer(?:t)?|stimuleren|"
         r"zet(?:ten)?\b.{0,60}\b(?:in|stappen|op)|"
         r"neem(?:t)?\b.{0,60}\b(?:maatregelen|stappen|initiatief|op)|nemen\b.{0,40}\bmaatregelen|"
         r"voer(?:t|en)?\b.{0,60}\buit|werk(?:t|en)?\s(?:\w+\s){0,4}aan|"
         r"maak(?:t|en)?\s(?:zich|ons|me)\shard|draag(?:t)?\s(?:\w+\s){0,3}bij|dragen\s(?:\w+\s){0,3}bij|"
         r"(?:heb|hebben|heeft)\b.{0,60}\bopdracht\sgegeven|la(?:at|ten)\b.{0,60}\b(?:onderzoeken|uitvoeren|"
         r"ontwikkelen)|sluit(?:en)?\b.{0,60}\baf|(?:zal|zullen|ga|gaat|gaan)\b.{0,80}\b(?:onderzoeken|"
         r"verkennen|uitwerken|opstellen|invoeren|ontwikkelen|starten|opzetten|inzetten|bezien|"
         r"aanpassen|versterken|uitbreiden|stimuleren|ondersteunen|financieren|verkennen|realiseren))")
GOVERNMENT_ACTION = re.compile(rf"\b{_ACTOR}\b[^.;:]{{0,40}}?\b{_DEED}"
                               rf"|\b{_DEED}\s(?:ik|we|wij|het kabinet)\b", re.IGNORECASE)
# The government speaking about its own action (in the sentence or just before it, in the same
# paragraph); a passive sentence on its own names no one responsible.
VOICE_WINDOW = 200
_GOVERNMENT_VOICE = re.compile(r"\b(?:ik|we|wij|mijn|ons|onze|het kabinet|kabinet)\b",
                               re.IGNORECASE)
# An organisation or EU act this close to the sentence start is its subject.
OTHERS_WINDOW = 25
# Sentences in the voice of members of parliament are not the government's measures.
_KAMER_VOICE = re.compile(r"\s*(?:De|Deze)\s(?:leden|fractie)\b")


def _in(mentions: Sequence[Mention], start: int, end: int, *kinds: str) -> list[Mention]:
    return [m for m in mentions if start <= m.evidence.start < end and m.kind in kinds]


def _ministries(mentions: Sequence[Mention]) -> list[str]:
    found = [m.concept if m.kind == "ministry" else m.ministry for m in mentions]
    return list(dict.fromkeys(f for f in found if f))


# Auxiliaries in a cue stand for all their forms; "ik" also for "we" and "het kabinet".
_CUE_WORD_FORMS = {
    "wordt": "(?:wordt|worden|werd|werden)", "worden": "(?:wordt|worden|werd|werden)",
    "is": "(?:is|zijn|was|waren)", "zijn": "(?:is|zijn|was|waren)",
    "zal": "(?:zal|zullen|zou|zouden)", "zullen": "(?:zal|zullen|zou|zouden)",
    "heb": "(?:heb|hebben|heeft|had)", "ik": "(?:ik|we|wij|het kabinet)",
}
# Words of a cue may stand up to this many words apart ("worden bij de SDE++ onderzocht").
_CUE_GAP = r"(?:\W+\w+){0,6}?\W+"


@lru_cache(maxsize=4096)
def cue_pattern(cue: str) -> re.Pattern[str]:
    """A regex for a status cue: its words in order, auxiliaries in any form, small gaps."""
    words = [_CUE_WORD_FORMS.get(w, re.escape(w)) for w in cue.lower().split()]
    return re.compile(r"\b" + _CUE_GAP.join(words) + r"\b", re.IGNORECASE)


def _status(vocabulary: Vocabulary, sentence: str) -> str:
    statuses = {c.slug: c for c in vocabulary.of_kind("status")}
    for slug in STATUS_PRIORITY:
        concept = statuses.get(slug)
        if concept and any(cue_pattern(cue).search(sentence) for cue in concept.cues):
            return concept.iri
    # No cue: a measure a letter describes in the present tense is running.
    fallback = statuses.get("in-uitvoering")
    return fallback.iri if fallback else vocabulary.base_iri + "id/status/in-uitvoering"


def _statements(doc: Doc, vocabulary: Vocabulary, sections: SectionIndex, body_end: int,
                mentions: Sequence[Mention], amounts: Sequence[Amount],
                asked: Sequence[tuple[int, int]] = (),
                ) -> list[tuple[Span, list[Mention], list[Amount]]]:
    result = []
    heading_starts = set(sections.starts)
    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        if start >= body_end:
            break
        if start in heading_starts or any(a <= start < b for a, b in asked):
            continue
        if _KAMER_VOICE.match(sentence.text) or sentence.text.rstrip().endswith("?"):
            continue
        instruments = _in(mentions, start, end, "instrument")
        money = [a for a in amounts if start <= a.evidence.start < end]
        others = _in(mentions, start, start + OTHERS_WINDOW, "organisation", "eu_act")
        if others and not _GOVERNMENT_VOICE.search(sentence.text):
            continue  # what another party (the EU, PBL, a company) does is not our measure
        if instruments or GOVERNMENT_ACTION.search(sentence.text):
            result.append((sentence, instruments, money))
    return result


_ENUMERATION = re.compile(r"^\s*(?:,\s*|\s(?:en|of|en de|en het|of de)\s|,\s*(?:en\s)?de\s)\s*$")


def enumerated_groups(text: str, instruments: Sequence[Mention]) -> list[tuple[str, ...]]:
    """The sentence's instruments, split where they are listed ("gedragscampagnes en digitale
    productpaspoorten" are two measures; "€ 100 miljoen uit het Klimaatfonds voor de MKI" one)."""
    if not instruments:
        return [()]
    ordered = sorted(instruments, key=lambda m: m.evidence.start)
    groups: list[list[str]] = [[ordered[0].concept]]
    for previous, mention in zip(ordered, ordered[1:], strict=False):
        between = text[previous.evidence.end:mention.evidence.start]
        if _ENUMERATION.match(between):
            groups.append([mention.concept])
        elif mention.concept not in groups[-1]:
            groups[-1].append(mention.concept)
    return list(dict.fromkeys(tuple(dict.fromkeys(g)) for g in groups))


def detect_measures(doc: Doc, vocabulary: Vocabulary, mentions: Sequence[Mention],
                    amounts: Sequence[Amount], sections: SectionIndex, body_end: int,
                    sender: str | None, answers: Sequence[AnswerFact] = (),
                    asked: Sequence[tuple[int, int]] = ()) -> list[Measure]:
    """Every measure the letter states (see :mod:`npcegraph.extract.resolve` for merging)."""
    text = doc.text  # Doc.text joins every token: compute it once
    found: list[Measure] = []
    statements = _statements(doc, vocabulary, sections, body_end, mentions, amounts, asked)
    for sentence, instruments, money in statements:
        start, end = sentence.start_char, sentence.end_char
        groups = _in(mentions, start, end, "product_group")
        heading = sections.heading(start)
        if not groups and heading is not None:
            groups = _in(mentions, heading.start, heading.end, "product_group")
        group_concepts = [vocabulary[g] for g in dict.fromkeys(m.concept for m in groups)]
        group_concepts = group_concepts[:MAX_PRODUCT_GROUPS]
        ministries, source = _ministries(_in(mentions, start, end, "ministry", "post")), "text"
        if not ministries and heading is not None:
            ministries = _ministries(_in(mentions, heading.start, heading.end, "ministry", "post"))
            source = "section"
        answer = answer_at(answers, start)
        previous = text[max(0, start - VOICE_WINDOW):start].rsplit("\n\n", 1)[-1]
        speaks = bool(_GOVERNMENT_VOICE.search(previous + " " + sentence.text))
        if not ministries and answer is not None and answer.ministries:
            named = _ministries(_in(mentions, answer.evidence.start, answer.evidence.end,
                                    "ministry", "post"))
            ministries, source = (named or list(answer.ministries)), "answer"
        if not ministries:
            ministries, source = ([sender], "sender") if sender and speaks else ([], "unknown")
        goals = tuple(dict.fromkeys(m.concept for m in _in(mentions, start, end, "goal")))
        if not goals:  # a goal the paragraph names serves its measures
            paragraph = (text.rfind("\n\n", 0, start) + 1,
                         len(text) if (stop := text.find("\n\n", end)) < 0 else stop)
            goals = tuple(dict.fromkeys(m.concept for m in _in(mentions, *paragraph, "goal")))
        strategies = tuple(dict.fromkeys(m.concept for m in _in(mentions, start, end, "strategy")))
        confidence = min(0.95, 0.4 + 0.25 * bool(ACTION_CUE.search(sentence.text))
                         + 0.1 * (source == "text") + 0.1 * bool(group_concepts)
                         + 0.05 * bool(money))
        evidence = sentence_evidence(start, sentence.text, round(confidence, 2))
        status = _status(vocabulary, sentence.text)
        for group in enumerated_groups(text, instruments):
            found.append(Measure(
                key="", label="", evidence=evidence,
                status=status, ministries=tuple(ministries), instruments=group,
                product_groups=tuple(g.iri for g in group_concepts), goals=goals,
                strategies=strategies, amounts=tuple(money), ministry_source=source,
                statements=(evidence,), answer=answer.key if answer else None,
            ))
    return resolve_measures(found, vocabulary, text)
