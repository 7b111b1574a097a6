"""Policy measures: sentences in which the government puts a policy to work.

Rules (documented in the README): a candidate sentence (body, not a heading, footnote, question,
the voice of members of parliament or the letter's outline) is a measure statement when the
measure-statement classifier (:mod:`npcegraph.extract.statement_model`) accepts it; a sentence
that only promises to inform the Kamer is a commitment, not a candidate. Its
instruments are those it names, else the one its paragraph or heading refers to ("de
regeling"); its product groups those of the sentence (or of the section heading when the
sentence names none, unless its instrument is made for a narrower one of the heading's, else
the product group its instrument is made for: MKI, GWW); its goals
those of the sentence and of the sentences right after it that link it to a goal ("Het plan
... sluit aan bij de SDGs"). The responsible ministry is the ministry
or minister named in the sentence (with the sender when the sender speaks in it), else in the
section heading, else, when the government acts in the sentence or just before it ("ik", "het
kabinet", "Nederland zet zich in"), the answering ministers of a written answer or the letter's
sender, else explicitly unknown. Its amounts are those of the sentence and its footnotes, not
spending, turnover or a restated amount. The status comes from the cue phrases of
the status vocabulary. :mod:`npcegraph.extract.resolve` merges the statements into measures.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache

from spacy.tokens import Doc, Span

from npcegraph.concepts import Concept, Vocabulary
from npcegraph.extract.facts import Amount, DateMention, Measure, Mention, sentence_evidence
from npcegraph.extract.questions import AnswerFact, answer_at
from npcegraph.extract.resolve import NEW_ITEM, OWN_INSTRUMENT, STATUS_PRIORITY, resolve_measures
from npcegraph.extract.scope import SectionIndex
from npcegraph.extract.statement_features import (
    GOVERNMENT_VOICE,
    SentenceContext,
    is_framing,
)
from npcegraph.extract.statement_model import StatementModel, shipped_model
from npcegraph.extract.timing import after, beyond_horizon
from npcegraph.letters.model import Footnote

# A government actor doing something concrete: a measure even when no instrument is named.
_ACTOR = (r"(?:ik|we|wij|het kabinet|kabinet|nederland|het rijk|de overheid|defensie|"
          r"rijkswaterstaat|het ministerie|mijn ministerie)")
_DEED = (r"(?:onderzoek(?:t|en)?|verken(?:t|nen)?|start(?:en)?|ontwikkel(?:t|en)?|steun(?:t|en)?|"
         r"financier(?:t|en)|investeer(?:t)?|investeren|stimuleer(?:t)?|stimuleren|"
         r"zet(?:ten)?\b.{0,60}\b(?:in|stappen|op)|"
         r"neem(?:t)?\b.{0,60}\b(?:maatregelen|stappen|initiatief|op)|nemen\b.{0,40}\bmaatregelen|"
         r"voer(?:t|en)?\b.{0,60}\buit|werk(?:t|en)?\s(?:\w+\s){0,4}aan|"
         r"inzetten\s(?:voor|op)|(?:be)?pleit(?:en)?|roep(?:t|en)?\b.{0,60}\bop\b|"
         r"dring(?:t|en)?\b.{0,40}\baan\b|maak(?:t|en)?\s(?:zich|ons|me)\shard|draag(?:t)?\s(?:\w+\s){0,3}bij|dragen\s(?:\w+\s){0,3}bij|"
         r"(?:heb|hebben|heeft)\b.{0,60}\bopdracht\sgegeven|la(?:at|ten)\b.{0,60}\b(?:onderzoeken|uitvoeren|"
         r"ontwikkelen)|sluit(?:en)?\b.{0,60}\baf|(?:zal|zullen|ga|gaat|gaan)\b.{0,80}\b(?:onderzoeken|"
         r"verkennen|uitwerken|opstellen|invoeren|ontwikkelen|starten|opzetten|inzetten|bezien|"
         r"aanpassen|versterken|uitbreiden|stimuleren|ondersteunen|financieren|verkennen|realiseren))")
GOVERNMENT_ACTION = re.compile(rf"\b{_ACTOR}\b[^.;:]{{0,40}}?\b{_DEED}"
                               rf"|\b{_DEED}\s(?:ik|we|wij|het kabinet)\b", re.IGNORECASE)
# The government speaking about its own action (in the sentence or just before it, in the same
# paragraph); a passive sentence on its own names no one responsible.
VOICE_WINDOW = 200
# Sentences in the voice of members of parliament are not the government's measures.
_KAMER_VOICE = re.compile(r"\s*(?:De|Deze)\s(?:leden|fractie)\b")
# A sentence linking the statement before it to a goal: it refers back ("Het plan", "Met deze
# aanscherping", "Daarmee") or speaks of a contribution ("draagt bij aan", "sluit aan bij").
GOAL_LINK = re.compile(
    r"^\s*(?:(?:met|door|via)\s)?(?:dit|deze|die|het plan|het programma|zo|daarmee|hiermee|"
    r"daardoor|hierdoor)\b|\bbijdra(?:ge|gen|agt)\b|\b(?:draagt|dragen)\b.{0,40}\bbij\b"
    r"|\baansl(?:uit|uiten)\b|\bin lijn met\b", re.IGNORECASE)
GOAL_LINK_REACH = 2  # sentences after a statement that may link it to a goal
# The government as the actor of a sentence: its voice, or the state by name ("Nederland zet zich
# in", "Het Rijk werkt samen"; not "in Nederland", "van Nederland").
GOVERNMENT_ACTOR = re.compile(
    GOVERNMENT_VOICE.pattern + r"|\b(?:het rijk|de overheid|de rijksoverheid)\b"
    r"|(?<!\bin )(?<!\bvan )(?<!\bvoor )(?<!\buit )(?<!\bnaar )(?<!\bbinnen )\bnederland\b",
    re.IGNORECASE)
# The letter describing its own contents ("In deze brief ga ik in op ...", "Allereerst geef ik
# toelichting op ..."; not "Het voorstel gaat in op ...") or, in a verslag schriftelijk overleg,
# its procedure ("De vragen en opmerkingen zijn ... voorgelegd.", "Ik dank de leden voor hun
# vragen over ...", "Hieronder beantwoord ik deze vragen"), not a measure.
OUTLINE = re.compile(
    r"\b(?:in|met|via) (?:deze|onderhavige) brief\b"
    r"|(?:\b(?:ik|we|wij|brief)\s(?:ga|gaan|gaat|zal|zullen)"
    r"|\b(?:ga|gaan|zal|zullen)\s(?:ik|we|wij))\b(?:\s\w+){0,3}\s(?:in op|nader in|kort in)\b"
    r"|\bhierbij (?:informeer|informeren|stuur|sturen|zend|zenden|bied|bieden)\b"
    r"|\b(?:geef|geven)\s(?:ik|we|wij)\s(?:\w+\s){0,2}?toelichting\sop\b"
    r"|\bvragen en opmerkingen\b[^.]{0,200}\bvoorgelegd\b|\bzijn de vragen beantwoord\b"
    r"|\b(?:ten eerste|vervolgens|ten slotte|tot slot)\b[^.]{0,40}\bga\b"
    # courtesy and the answering itself: "Ik dank de leden voor hun vragen over ...",
    # "Hieronder beantwoord ik, mede namens ..., deze vragen", "Graag beantwoord ik ..."
    r"|^\s*(?:graag\s)?(?:ik|we|wij)\s(?:dank|danken|bedank|bedanken)\b"
    r"|^\s*(?:graag|hieronder|hierbij|onderstaand)\s(?:beantwoord|beantwoorden|reageer|"
    r"reageren)\s(?:ik|we|wij)\b"
    r"|^\s*(?:ik|we|wij)\s(?:beantwoord|beantwoorden)\s(?:\w+\s){0,2}?(?:vragen|hieronder)\b"
    # the letter as subject, or its writer ordering its parts: "De brief dient ter voorbereiding
    # op het commissiedebat", "Ik sluit af met de financiering"
    r"|^\s*(?:de|deze)\s(?:brief|kamerbrief)\s(?:dient|bevat|beschrijft|schetst|geeft|is)\b"
    r"|^\s*(?:ik|we|wij)\s(?:sluit|sluiten)\s(?:(?:deze|de) brief\s|hiermee\s)?af\smet\b",
    re.IGNORECASE)
# The lines every letter has around its body: addressee, place and date, closing, the
# signing minister's title and name ("De Staatssecretaris van Infrastructuur en Waterstaat,",
# "A.B. Voorbeeld").
_SIGNER = r"(?:[A-Z][a-z]{0,2}\.\s?)+(?:[a-z]+\s){0,2}[A-Z][\w-]+"
LETTER_FURNITURE = re.compile(
    r"\s*(?:Aan de Voorzitter van de (?:Tweede|Eerste) Kamer\b"
    r"|(?:Den Haag|'s-Gravenhage),?\s+\d{1,2}\s+\w+\s+\d{4}\W*$"
    r"|(?:Hoogachtend|Met vriendelijke groet)\b"
    rf"|(?:De|Het)\s(?:Minister|Staatssecretaris)\b[^.]{{0,150}},(?:\s*{_SIGNER})?\s*$"
    rf"|{_SIGNER}\s*$)")
# A sentence whose main clause promises to inform the Kamer ("Ik informeer uw Kamer na de zomer
# over ...", "Ik verwacht uw Kamer in het najaar, bij de verkenning, te informeren"): a
# commitment, not a measure.
REPORTING = re.compile(
    r"^(?:(?!\b(?:en|maar|waarbij|waarin|omdat|zodat)\b).)*?"
    r"(?:\b(?:informeer|informeren|stuur|sturen|zend|zenden)\b[^.,]{0,30}\b(?:uw|de) kamer\b"
    r"|\b(?:uw|de) kamer\b[^.]{0,80}?\b(?:te informeren|te sturen|toe te sturen|toesturen|"
    r"te rapporteren)\b)",
    re.IGNORECASE)


# "de € 100 mln": the definite article points back to an amount stated before.
_DEFINITE = re.compile(r"\b(?:de|deze|dit|die)\s+$", re.IGNORECASE)


# An amount that measures something else than a budget: spending ("jaarlijkse uitgaven van"),
# turnover ("€ 40 miljoen netto-omzet").
_NOT_FUNDING_BEFORE = re.compile(r"\b(?:uitgaven|omzet)\b(?:\s\w+){0,3}\s*$",
                                 re.IGNORECASE)
_NOT_FUNDING_AFTER = re.compile(r"^\s*(?:netto-?|bruto-?)?omzet\b", re.IGNORECASE)


def non_funding_amounts(text: str, amounts: Sequence[Amount]) -> set[int]:
    """Offsets of the amounts that fund no measure of their sentence: spending or turnover
    (``_NOT_FUNDING_*``), and an amount that repeats, with a definite article, a value stated
    earlier in the letter ("de € 100 mln uit het Klimaatfonds": it funds the measure that first
    named it)."""
    seen: set[Decimal] = set()
    excluded: set[int] = set()
    for amount in sorted(amounts, key=lambda a: a.evidence.start):
        start, end = amount.evidence.start, amount.evidence.end
        if ((amount.value in seen and _DEFINITE.search(text[max(0, start - 8):start]))
                or _NOT_FUNDING_BEFORE.search(text[max(0, start - 40):start])
                or _NOT_FUNDING_AFTER.match(text[end:end + 20])):
            excluded.add(start)
        seen.add(amount.value)
    return excluded


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


# Separable verbs put their particle at the end of the main clause ("bereid ik voor": "Daarnaast
# bereid ik een wijziging van het Besluit beheer verpakkingen voor, waarmee ..."; "De
# Staatssecretaris werkt de norm uit: ..."). A cue "<stem> ik <particle>" matches the stem in any
# person, any subject, and the particle where the main clause ends.
_PARTICLES = frozenset({"voor", "uit", "aan", "op", "in", "af", "toe", "mee", "voort", "bij",
                        "vast", "open", "door", "terug"})
_CLAUSE_END = (r"(?=\s*(?:[,;:.()]|$)|\s+(?:om|zodat|waarmee|waarbij|waarin|waardoor|die|dat|"
               r"omdat|als|wanneer|zodra|en|of|maar|met ingang)\b)")


def _verb_forms(stem: str) -> str:
    """A finite present-tense verb from its stem: ``bereid`` -> bereid, bereidt, bereiden;
    ``pas`` -> pas, past, passen."""
    plural = stem + ("" if stem.endswith(("d", "k", "r")) else stem[-1]) + "en"
    return rf"(?:{re.escape(stem)}t?|{re.escape(stem)}en|{re.escape(plural)})"


@lru_cache(maxsize=4096)
def cue_pattern(cue: str) -> re.Pattern[str]:
    """A regex for a status cue: its words in order, auxiliaries in any form, small gaps; a
    separable verb ("bereid ik voor") with its particle anywhere before the main clause ends."""
    parts = cue.lower().split()
    words = [_CUE_WORD_FORMS.get(w, re.escape(w)) for w in parts]
    near = r"\b" + _CUE_GAP.join(words) + r"\b"
    if len(parts) == 3 and parts[1] == "ik" and parts[2] in _PARTICLES:
        far = (rf"\b{_verb_forms(parts[0])}\b[^,;:.()]{{1,160}}?\s"
               rf"{re.escape(parts[2])}{_CLAUSE_END}")
        return re.compile(f"{near}|{far}", re.IGNORECASE)
    return re.compile(near, re.IGNORECASE)


def _cued_status(vocabulary: Vocabulary, sentence: str) -> str:
    """The slug of the first status (in priority order) whose cues the sentence has, or ""."""
    statuses = {c.slug: c for c in vocabulary.of_kind("status")}
    for slug in STATUS_PRIORITY:
        concept = statuses.get(slug)
        if concept and any(cue_pattern(cue).search(sentence) for cue in concept.cues):
            return slug
    return ""


def dated_ahead(dates: Sequence[DateMention], start: int, end: int, made: date | None) -> bool:
    """Whether a sentence dates its action after the letter ("Per 1 januari 2027 wordt
    ecomodulatie verplicht", "open ik op 1 september 2026 de regeling"): the present tense with
    a coming date announces, within the follow-up horizon (later years are goals)."""
    year = made.year if made else None
    return any(start <= d.evidence.start < end and after(d, made)
               and not beyond_horizon(d, year) for d in dates)


def _status_iri(vocabulary: Vocabulary, slug: str) -> str:
    """The IRI of a status; no cue means running (a measure described in the present tense)."""
    slug = slug or "in-uitvoering"
    concept = next((c for c in vocabulary.of_kind("status") if c.slug == slug), None)
    return concept.iri if concept else vocabulary.base_iri + f"id/status/{slug}"


def candidate_sentences(doc: Doc, sections: SectionIndex, body_end: int,
                        asked: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """Body sentences that may state a measure: not a heading, footnote or question, not in the
    voice of members of parliament, and not the letter describing its own contents."""
    result = []
    heading_starts = set(sections.starts)
    for sentence in doc.sents:
        start = sentence.start_char
        if start >= body_end:
            break
        if start in heading_starts or any(a <= start < b for a, b in asked):
            continue
        if (_KAMER_VOICE.match(sentence.text) or sentence.text.rstrip().endswith("?")
                or LETTER_FURNITURE.match(sentence.text)
                or OUTLINE.search(sentence.text) or REPORTING.search(sentence.text)):
            continue
        result.append(sentence)
    return result


def sentence_context(sentence: Span, text: str, vocabulary: Vocabulary,
                     mentions: Sequence[Mention], amounts: Sequence[Amount],
                     answers: Sequence[AnswerFact] = ()) -> SentenceContext:
    """What the classifier sees of one candidate sentence."""
    start, end = sentence.start_char, sentence.end_char
    return SentenceContext(
        start=start, text=sentence.text,
        previous=text[max(0, start - VOICE_WINDOW):start].rsplit("\n\n", 1)[-1],
        mentions=[m for m in mentions if start <= m.evidence.start < end],
        amounts=[a for a in amounts if start <= a.evidence.start < end],
        status=_cued_status(vocabulary, sentence.text),
        in_answer=answer_at(answers, start) is not None,
        government_action=bool(GOVERNMENT_ACTION.search(sentence.text)),
    )


def _statements(doc: Doc, vocabulary: Vocabulary, sections: SectionIndex, body_end: int,
                mentions: Sequence[Mention], amounts: Sequence[Amount],
                answers: Sequence[AnswerFact], asked: Sequence[tuple[int, int]],
                model: StatementModel) -> list[tuple[Span, SentenceContext, float]]:
    result = []
    text = doc.text
    for sentence in candidate_sentences(doc, sections, body_end, asked):
        context = sentence_context(sentence, text, vocabulary, mentions, amounts, answers)
        probability = model.sentence_probability(context, vocabulary)
        if probability >= model.threshold:
            result.append((sentence, context, probability))
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


def _context_instruments(sentence: Span, text: str, mentions: Sequence[Mention],
                         vocabulary: Vocabulary, sections: SectionIndex) -> list[Mention]:
    """The instrument a statement without one refers back to ("de regeling", "deze
    subsidie"): the instrument named most often earlier in its paragraph (the latest on a tie),
    else the first in its section heading, a real instrument before a framing programme or
    strategy ("Zoals in de grondstoffenstrategie aangekondigd ... Het kabinet zal ..."); none when
    the sentence introduces an instrument of its own or names an EU act it is about."""
    if OWN_INSTRUMENT.search(sentence.text) or _in(mentions, sentence.start_char,
                                                     sentence.end_char, "eu_act"):
        return []
    start = sentence.start_char
    paragraph_start = text.rfind("\n\n", 0, start) + 1
    heading = sections.heading(start)
    before = _in(mentions, paragraph_start, start, "instrument")
    titled = _in(mentions, heading.start, heading.end, "instrument") if heading else []
    for named, latest_first in ((before, True), (titled, False)):
        for framing in (False, True):
            found = [m for m in named if is_framing(vocabulary[m.concept]) == framing]
            if found:
                counts = Counter(m.concept for m in found)
                ordered = list(reversed(found)) if latest_first else found
                return [max(ordered, key=lambda m: counts[m.concept])]
    return []


def statement_groups(vocabulary: Vocabulary, named: Sequence[Mention],
                     titled: Sequence[Mention], instruments: Sequence[Mention]) -> list[Concept]:
    """A statement's product groups: those its sentence names, else those of its section
    heading, unless its instruments are made for narrower ones (the MKI under "Bouw": the GWW),
    else the ones its instruments are made for ("de MKI": the GWW)."""
    def concepts(mentions: Sequence[Mention]) -> list[Concept]:
        return [vocabulary[g] for g in dict.fromkeys(m.concept for m in mentions)]

    if named:
        return concepts(named)
    scoped = [vocabulary[g] for g in dict.fromkeys(
        g for m in instruments for g in vocabulary[m.concept].scope) if vocabulary.get(g)]
    headed = concepts(titled)
    if headed and scoped and not all(
            any(h.iri in vocabulary.ancestors(c.iri) for c in scoped) for h in headed):
        return headed
    return scoped or headed


def linked_goals(sentences: Sequence[Span], index: int, stated: set[int], text: str,
                 mentions: Sequence[Mention]) -> list[str]:
    """The goals named by the sentences after ``sentences[index]`` in its paragraph that link it
    to them (see ``GOAL_LINK``), up to the next statement."""
    found: list[str] = []
    last = sentences[index].start_char  # a sentence span ends after its paragraph break
    for sentence in sentences[index + 1:index + 1 + GOAL_LINK_REACH]:
        if "\n\n" in text[last:sentence.start_char] or sentence.start_char in stated:
            break
        last = sentence.start_char
        goals = _in(mentions, sentence.start_char, sentence.end_char, "goal")
        if goals and GOAL_LINK.search(sentence.text):
            found.extend(m.concept for m in goals)
    return found


def footnote_amounts(doc: Doc, footnotes: Sequence[Footnote], mentions: Sequence[Mention],
                     amounts: Sequence[Amount], start: int, end: int) -> list[Amount]:
    """The amounts of the footnotes whose markers stand in ``start:end``, from the footnote
    sentences that name no instrument (those are about something else: "Dit komt bovenop een
    bijdrage uit het Nationaal Groeifonds van € 338 miljoen")."""
    found = []
    for note in footnotes:
        if note.anchor is None or not start <= note.anchor <= end:
            continue
        span = doc.char_span(note.start, note.end, alignment_mode="expand")
        for sentence in span.sents if span is not None else ():
            a, b = sentence.start_char, sentence.end_char
            if not _in(mentions, a, b, "instrument"):
                found.extend(x for x in amounts if a <= x.evidence.start < b)
    return found


def detect_measures(doc: Doc, vocabulary: Vocabulary, mentions: Sequence[Mention],
                    amounts: Sequence[Amount], sections: SectionIndex, body_end: int,
                    sender: str | None, answers: Sequence[AnswerFact] = (),
                    asked: Sequence[tuple[int, int]] = (),
                    model: StatementModel | None = None,
                    footnotes: Sequence[Footnote] = (), dates: Sequence[DateMention] = (),
                    made: date | None = None) -> list[Measure]:
    """Every measure the letter states (see :mod:`npcegraph.extract.resolve` for merging);
    ``model`` decides which sentences state one (default: the shipped model). A statement's
    amounts are those of its sentence and of the footnotes it points to; without a status cue,
    a statement dated after the letter's date ``made`` is announced (see :func:`dated_ahead`)."""
    text = doc.text  # Doc.text joins every token: compute it once
    found: list[Measure] = []
    # The letter's outline names every topic: no statement refers back to it.
    outline = [(s.start_char, s.end_char) for s in doc.sents if OUTLINE.search(s.text)]
    told = [m for m in mentions if not any(a <= m.evidence.start < b for a, b in outline)]
    model = model or shipped_model()
    statements = _statements(doc, vocabulary, sections, body_end, mentions, amounts, answers,
                             asked, model)
    sentences = list(doc.sents)
    index = {sentence.start_char: i for i, sentence in enumerate(sentences)}
    stated = {sentence.start_char for sentence, _, _ in statements}
    non_funding = non_funding_amounts(text, amounts)
    for sentence, context, probability in statements:
        start, end = sentence.start_char, sentence.end_char
        named = context.mentions  # the concepts the sentence itself names
        instruments = _in(named, start, end, "instrument")
        if not instruments and not NEW_ITEM.match(sentence.text):
            instruments = _context_instruments(sentence, text, told, vocabulary, sections)
        heading = sections.heading(start)
        titled = _in(mentions, heading.start, heading.end, "product_group") if heading else []
        group_concepts = statement_groups(vocabulary, _in(named, start, end, "product_group"),
                                          titled, instruments)
        ministries, source = _ministries(_in(named, start, end, "ministry", "post")), "text"
        if ministries and sender and sender not in ministries and GOVERNMENT_VOICE.search(
                sentence.text):  # "Samen met de Minister van EZ zet ik ...": the sender too
            ministries.append(sender)
        if not ministries and heading is not None:
            ministries = _ministries(_in(mentions, heading.start, heading.end, "ministry", "post"))
            source = "section"
        answer = answer_at(answers, start)
        speaks = bool(GOVERNMENT_ACTOR.search(context.previous + " " + sentence.text))
        if not ministries and answer is not None and answer.ministries and speaks:
            ministries, source = list(answer.ministries), "answer"
        if not ministries:
            ministries, source = ([sender], "sender") if sender and speaks else ([], "unknown")
        goals = tuple(dict.fromkeys(
            [m.concept for m in _in(named, start, end, "goal")]
            + linked_goals(sentences, index[start], stated, text, mentions)))
        strategies = tuple(dict.fromkeys(m.concept for m in _in(named, start, end, "strategy")))
        eu_acts = tuple(dict.fromkeys(m.concept for m in _in(named, start, end, "eu_act")))
        evidence = sentence_evidence(start, sentence.text, round(probability, 2))
        cued = context.status or ("aangekondigd" if dated_ahead(dates, start, end, made)
                                  else "")
        status = _status_iri(vocabulary, cued)
        noted = footnote_amounts(doc, footnotes, mentions, amounts, start, end)
        for group in enumerated_groups(text, instruments):
            found.append(Measure(
                key="", label="", evidence=evidence,
                status=status, ministries=tuple(ministries), instruments=group,
                product_groups=tuple(g.iri for g in group_concepts), goals=goals,
                strategies=strategies, eu_acts=eu_acts,
                amounts=tuple(a for a in (*context.amounts, *noted)
                              if a.evidence.start not in non_funding),
                ministry_source=source,
                statements=(evidence,), answer=answer.key if answer else None,
            ))
    return resolve_measures(found, vocabulary, text, model)
