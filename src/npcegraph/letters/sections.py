"""Headings, questions and answers among the body blocks.

Classification (:func:`classify`) of each block a reader left unclassified:

* question: in a question-and-answer layout, a block that is only a number (``7``) or a range
  (``33 en 34``, ``35 t/m 37``); anywhere, a block opening with ``Vraag 7``;
* answer: ``Antwoord``, ``Antwoord 7``, ``Antwoord 1 en 2``, ``Antwoord 3 t/m 6``;
* heading: a short block (at most 160 characters and 22 words) without final punctuation and
  without a sentence break inside, starting with a capital or an enumerator (``a.``, ``2.``,
  ``II –``), that is not a place/date line, addressee, signature or the last block. Once the
  questions and answers have begun only the ``Vragen en opmerkingen van de leden van de
  X-fractie`` headings and roman-numbered parts count, so a short question is not a heading.

Levels: roman-numbered parts (``I – Toelichting``) 1; lettered or numbered subsections and
plain headings 2. The ``Voetnoten`` section the builder adds is level 1.

An ``Antwoord`` without numbers answers the questions asked since the previous answer; a
warning records the guess.
"""

from __future__ import annotations

import re

from .model import ANSWER, HEADING, ITEM, PARA, QUESTION, SIGNATURE, Answer, Block, Question
from .paragraphs import (
    ADDRESSEE,
    ANTWOORD,
    BULLET,
    DASH_ITEM,
    DATELINE,
    QNUM,
    SIGROLE,
    VRAAG,
    terminal_char,
)

_ROMAN = re.compile(r"^[IVXL]{1,5}(?:\s*[–-]\s+|\.\s+|\s+(?=[A-Z]))")
_ENUM_HEADING = re.compile(r"^(?:[a-z][.)]|\d{1,2}(?:\.\d{1,2})*[.)]?)\s+\S")
_PARTY_HEADING = re.compile(r"^Vragen en opmerkingen van de leden van de (.+?)-?fracties?\b", re.I)
_INNER_SENTENCE = re.compile(r"[a-z\u00e0-\u00ff)]{2}[.!?]\s+[A-Z]")


def expand_numbers(spec: str) -> tuple[str, ...]:
    """``"3 t/m 6"`` -> ``("3","4","5","6")``; ``"1 en 2"`` / ``"1, 2"`` -> ``("1","2")``."""
    out: list[int] = []
    tokens = re.findall(r"\d{1,3}|t/m|tot en met|-|–", spec)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.isdigit():
            if out and i >= 2 and tokens[i - 1] in ("t/m", "tot en met", "-", "–"):
                start = out[-1]
                end = int(tok)
                if start < end <= start + 100:
                    out.extend(range(start + 1, end + 1))
                else:
                    out.append(end)
            else:
                out.append(int(tok))
        i += 1
    return tuple(str(n) for n in dict.fromkeys(out))


def heading_level(text: str) -> int:
    """1 for a roman-numbered part, 2 for everything else."""
    return 1 if _ROMAN.match(text) else 2


def looks_like_heading(text: str) -> bool:
    """Shape test for a heading block (position and context are checked by the caller)."""
    if len(text) > 160 or len(text.split()) > 22 or terminal_char(text):
        return False
    if not (text[0].isupper() or _ENUM_HEADING.match(text) or _ROMAN.match(text)):
        return False
    if _ENUM_HEADING.match(text) and not re.match(r"^\S+\s+[A-Z\u00c0-\u00de]", text):
        return False
    if DATELINE.match(text) or ADDRESSEE.match(text) or SIGROLE.match(text):
        return False
    if BULLET.match(text) or DASH_ITEM.match(text) or "://" in text:
        return False
    return not _INNER_SENTENCE.search(text)


def classify(blocks: list[Block], qa: bool) -> None:
    """Set ``kind``, ``level`` and ``numbers`` on every block that has no kind yet."""
    in_qa = False
    last = len(blocks) - 1
    for i, block in enumerate(blocks):
        text = block.text
        if block.kind is None:
            block.kind = _kind_of(text, qa, in_qa, i == last)
        if block.kind == QUESTION and not block.numbers:
            prefix = VRAAG.match(text)
            block.numbers = expand_numbers(prefix.group(0) if prefix else text)
        elif block.kind == ANSWER and not block.numbers:
            block.numbers = expand_numbers(text)
        elif block.kind == HEADING and block.level is None:
            block.level = heading_level(text)
        if block.kind in (QUESTION, ANSWER):
            in_qa = True


def _kind_of(text: str, qa: bool, in_qa: bool, is_last: bool) -> str:
    if (qa and QNUM.match(text)) or VRAAG.match(text):
        return QUESTION
    if ANTWOORD.match(text):
        return ANSWER
    if SIGROLE.match(text):
        return SIGNATURE
    if BULLET.match(text) or DASH_ITEM.match(text):
        return ITEM
    if not is_last and looks_like_heading(text):
        if not in_qa or _PARTY_HEADING.match(text) or _ROMAN.match(text):
            return HEADING
    if _ENUM_HEADING.match(text):
        return ITEM
    return PARA


def party_of(heading: str) -> str | None:
    """``Vragen en opmerkingen van de leden van de VVD-fractie`` -> ``"VVD"``."""
    m = _PARTY_HEADING.match(heading)
    if not m:
        return None
    return re.sub(r"-\s+en\s+", " en ", m.group(1)).strip()


def questions_and_answers(
    blocks: list[Block], spans: list[tuple[int, int]]
) -> tuple[list[Question], list[Answer], list[str]]:
    """Questions and answers with their spans; ``spans[i]`` is block ``i``'s ``(start, end)``.

    A question runs from its number to the next question, answer or heading; an answer from
    ``Antwoord`` to the next question, answer or heading, or to a paragraph opening with ``De
    leden``/``Deze leden`` (a question whose number the source lost). Such a question is kept
    only when an answer follows it; it takes the answer's numbers not asked yet, else the number
    after the highest one asked, and a warning says so.

    Other questions whose number the source lost are recovered when an answer covers numbers
    nobody asked: a further paragraph of a question that asks again ("Daarnaast vragen deze
    leden ...", or ending in "?") and a closing paragraph ending in "?" of the answer before
    the next numbered question take those numbers, in order; numbers still left go to the last
    questions of the last question's paragraph when it asks several ("Wie betaalt de evaluatie?
    Wie voert haar uit?").
    """
    questions: list[Question] = []
    answers: list[Answer] = []
    party: str | None = None
    pending: list[str] = []
    asked: set[str] = set()
    guessed_answers: list[str] = []
    guessed_questions: list[str] = []
    unasked: list[int] = []  # paragraphs that may be questions whose number was lost
    last_block: int | None = None  # the last paragraph of the last question asked
    recovered: list[str] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == HEADING:
            found = party_of(block.text)
            if found or block.level == 1:
                party = found
            i += 1
            continue
        if block.kind not in (QUESTION, ANSWER):
            i += 1
            continue
        j = _scope_end(blocks, i)
        start, end = spans[i][0], spans[j - 1][1]
        if block.kind == QUESTION:
            for number in block.numbers or (block.text,):
                questions.append(Question(number, party, start, end))
                pending.append(number)
                asked.add(number)
            unasked.extend(k for k in range(i + 2, j) if _ASKS.search(blocks[k].text))
            last_block = j - 1 if j - 1 > i else None
            i = j
            continue
        numbers = block.numbers
        if not numbers and pending:
            numbers = tuple(pending)
            guessed_answers.append(", ".join(numbers))
        lost = [n for n in numbers if n not in asked]
        places = [spans[k] for k in sorted(unasked)][:len(lost)]
        if len(places) < len(lost) and last_block is not None:
            # "Wie betaalt de evaluatie? Wie voert haar uit?": the number of the second
            # question stood between the two
            starts = [m.end() for m in _NEXT_QUESTION.finditer(blocks[last_block].text)]
            block_start, block_end = spans[last_block]
            inline = [(block_start + a, block_start + b) for a, b in
                      zip(starts, [*starts[1:], block_end - block_start], strict=True)]
            places += inline[-(len(lost) - len(places)):]
        for number, (q_start, q_end) in zip(lost, places, strict=False):
            questions.append(Question(number, party, q_start, q_end))
            asked.add(number)
            recovered.append(number)
        unasked, last_block = [], None
        answers.append(Answer(numbers, start, end))
        pending = [n for n in pending if n not in numbers]
        if j < len(blocks) and blocks[j].kind == QUESTION:  # "...?" closing the answer
            unasked = [k for k in range(j - 1, i, -1) if blocks[k].text.rstrip().endswith("?")][:1]
        i = j
        if j < len(blocks) and _IMPLICIT.match(blocks[j].text):
            k = _scope_end(blocks, j)
            if k < len(blocks) and blocks[k].kind == ANSWER:
                nums = [n for n in blocks[k].numbers if n not in asked] or [_next_number(asked)]
                for number in nums:
                    questions.append(Question(number, party, spans[j][0], spans[k - 1][1]))
                    pending.append(number)
                    asked.add(number)
                    guessed_questions.append(number)
            i = k
    warnings = []
    if recovered:
        questions, answers = _trimmed(questions, answers, blocks, spans)
        warnings.append("questions whose number the source lost, numbered from the answer: "
                        + ", ".join(recovered))
    if guessed_questions:
        warnings.append(
            "questions without a number, numbered by sequence: " + ", ".join(guessed_questions)
        )
    if guessed_answers:
        warnings.append(
            f"{len(guessed_answers)} 'Antwoord' block(s) without numbers, taken to answer the "
            "questions before them"
        )
    return questions, answers, warnings


_IMPLICIT = re.compile(r"^(?:De|Deze) leden\b")
# A further paragraph of a question that asks something of its own.
_ASKS = re.compile(r"\?\s*$|^(?:(?:Daarnaast|Ook|Verder|Tevens|Voorts),?\s)?(?:vragen|willen)\s"
                   r"(?:de|deze)\sleden\b")


# Where a further question starts inside a paragraph: after "?" and before a capital.
_NEXT_QUESTION = re.compile(r"\?\s+(?=[A-Z])")


def _trimmed(questions: list[Question], answers: list[Answer], blocks: list[Block],
             spans: list[tuple[int, int]]) -> tuple[list[Question], list[Answer]]:
    """Questions in text order, each question and answer ending where a later question begins
    (a recovered question lay inside the span of the one before it), trailing space left out."""
    questions = sorted(questions, key=lambda q: q.start)
    starts = sorted({q.start for q in questions})

    def cut(start: int, end: int) -> int:
        later = next((s for s in starts if start < s < end), None)
        if later is None:
            return end
        for block, (b_start, b_end) in zip(blocks, spans, strict=True):
            if b_start < later < b_end:  # a question inside a paragraph
                return b_start + len(block.text[:later - b_start].rstrip())
        return max(e for _, e in spans if start < e <= later)

    return ([Question(q.number, q.party, q.start, cut(q.start, q.end)) for q in questions],
            [Answer(a.numbers, a.start, cut(a.start, a.end)) for a in answers])


def _scope_end(blocks: list[Block], i: int) -> int:
    j = i + 1
    answer = blocks[i].kind == ANSWER
    while j < len(blocks) and blocks[j].kind not in (QUESTION, ANSWER, HEADING):
        if answer and _IMPLICIT.match(blocks[j].text):
            break
        j += 1
    return j


def _next_number(asked: set[str]) -> str:
    numbers = [int(n) for n in asked if n.isdigit()]
    return str(max(numbers) + 1 if numbers else 1)
