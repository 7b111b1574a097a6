"""From a letter and its spaCy Doc to facts with evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from npcegraph.concepts import Vocabulary
from npcegraph.extract import entities
from npcegraph.extract.candidates import find_candidates
from npcegraph.extract.commitments import find_commitments
from npcegraph.extract.eu_institutions import short_eu_names
from npcegraph.extract.facts import LetterFacts, Mention
from npcegraph.extract.measures import candidate_sentences, detect_measures, sentence_context
from npcegraph.extract.ministries import resolve_title
from npcegraph.extract.questions import questions_and_answers
from npcegraph.extract.scope import SectionIndex
from npcegraph.extract.statement_features import SentenceContext
from npcegraph.extract.statement_model import StatementModel

if TYPE_CHECKING:
    from npcegraph.letters import Letter

__all__ = ["LetterFacts", "extract_facts", "statement_contexts"]


def body_end(letter: Letter) -> int:
    """Offset where the footnotes begin (the end of the text when there are none)."""
    starts = [f.start for f in letter.footnotes]
    return min(starts) if starts else len(letter.text)


def letter_mentions(doc: Doc, vocabulary: Vocabulary, letter: Letter) -> list[Mention]:
    """The concepts the gazetteer found, with the EU institutions named short, in text order."""
    found = entities.mentions(doc, vocabulary, letter.date)
    found += short_eu_names(doc, vocabulary, found)
    return sorted(found, key=lambda m: (m.evidence.start, -m.evidence.end))


def statement_contexts(letter: Letter, doc: Doc, vocabulary: Vocabulary,
                       ) -> list[SentenceContext]:
    """What the measure-statement classifier sees of each candidate sentence of ``letter``
    (the same contexts :func:`extract_facts` scores; used to train the classifier)."""
    mentions = letter_mentions(doc, vocabulary, letter)
    amounts = entities.amounts(doc)
    _, answers = questions_and_answers(letter, mentions, vocabulary)
    asked = [(q.start, q.end) for q in letter.questions]
    sections = SectionIndex(letter.sections, len(letter.text))
    text = doc.text
    about = entities.outermost(mentions)
    return [sentence_context(sentence, text, vocabulary, about, amounts, answers)
            for sentence in candidate_sentences(doc, sections, body_end(letter), asked)]


def extract_facts(letter: Letter, doc: Doc, vocabulary: Vocabulary,
                  rejected: frozenset[str] = frozenset(),
                  model: StatementModel | None = None) -> LetterFacts:
    """Extract every fact of ``letter`` from ``doc`` (the pipeline's output on ``letter.text``);
    ``rejected`` holds ``kind/slug`` of discovered concepts a curator rejected; ``model`` is
    the measure-statement classifier (default: the shipped one)."""
    warnings: list[str] = []
    sender = resolve_title(vocabulary, letter.sender, letter.date)
    if sender is None:
        named = f": {letter.sender!r}" if letter.sender else ""
        warnings.append(f"sender ministry unknown{named}")
    co_senders = []
    for title in letter.co_senders:
        ministry = resolve_title(vocabulary, title, letter.date)
        if ministry is None:
            warnings.append(f"co-sender not resolved to a ministry: {title!r}")
        elif ministry != sender:
            co_senders.append(ministry)
    mentions = letter_mentions(doc, vocabulary, letter)
    amounts = entities.amounts(doc)
    dates = entities.dates(doc)
    sections = SectionIndex(letter.sections, len(letter.text))
    questions, answers = questions_and_answers(letter, mentions, vocabulary)
    end = body_end(letter)
    asked = [(q.start, q.end) for q in letter.questions]
    measures = detect_measures(doc, vocabulary, entities.outermost(mentions), amounts, sections,
                               end, sender, answers, asked, model, letter.footnotes,
                               dates, letter.date)
    return LetterFacts(
        sender=sender, co_senders=tuple(dict.fromkeys(co_senders)), mentions=tuple(mentions),
        amounts=tuple(amounts), quantities=tuple(entities.quantities(doc)),
        dates=tuple(dates),
        references=tuple(entities.references(doc, vocabulary, letter.footnotes)),
        measures=tuple(measures), warnings=tuple(warnings), questions=questions,
        answers=answers, commitments=tuple(find_commitments(
            doc, dates, measures, sections, end, asked,
            letter.date, letter.year_label)),
        answering=answers[0].ministries if answers else (),
        candidates=tuple(c for c in find_candidates(doc, vocabulary)
                         if f"{c.kind}/{c.slug}" not in rejected),
    )
