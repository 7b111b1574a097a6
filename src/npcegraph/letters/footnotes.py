"""Footnotes of plain text: cut out of the line stream, then their markers found in the body.

Cutting (:func:`extract`), before lines are joined, because PDF text puts a page's footnotes in
the middle of a paragraph that continues on the next page:

1. lines ending in ``↩︎`` (the website's footnote list), numbered by a leading ``1.`` or by
   their order;
2. everything after a ``Voetnoten``/``Noten`` line, one footnote per ``N text`` line;
3. page-end blocks of PDF text: a line ``N text`` (or a bare ``N`` followed by its text, except in
   a question-and-answer layout where bare numbers are questions) where ``N`` is the next
   footnote number, after a blank line or at a page start, whose marker ``...wordN`` occurs in
   the body read so far - or, when the source lost the marker, whose block ends at a page end
   and whose text starts like a footnote (a capital or a URL). The block runs to the next page
   start (a line the PDF began with a space, or the line after a removed page footer) or, after
   a blank line, to the first line that is not a footnote start when the previous footnote
   ended a sentence. The blank line before the block is dropped, so the paragraph interrupted
   by the page break joins up again.

Placing (:func:`place_markers`), after lines are joined into blocks: footnote ``N``'s marker is
the first ``N`` after the previous footnote's marker that is glued to a word or to closing
punctuation (``Zaken1,``, ``(ICER)4``, ``tonen6.``, ``Autonomie.5Dit``, ``realiseren.11, 12``)
and is not a formula or code (``CO2``, ``H2``, ``CO2e``), a decimal (``3,0``), a time, part of a
URL or a number after a space (``nr. 15497``). Each marker is replaced by a placeholder that the
builder turns into the footnote's anchor; a space is kept where the marker sat between a full
stop and the next word.
"""

from __future__ import annotations

import re

from .model import ANSWER, QUESTION, Block, marker
from .paragraphs import QNUM, VOETNOTEN, Lexicon, Line, join_lines, terminal_char

_ARROW = re.compile(r"[↩\ufe0e\ufe0f]+")
_ARROW_NUM = re.compile(r"^(\d{1,3})[.)]?\s+(.*)$")
_START = re.compile(r"^(\d{1,3})(?:\s+(\S.*))?$")
_END_LIST_START = re.compile(r"^(\d{1,3})[.)]?\s+(\S.*)$")
_FORMULAS = frozenset({"CO", "NO", "SO", "NOx", "CH", "PM", "NH", "HFK", "Scope", "scope"})
_MAX_BLOCK_LINES = 80


def extract(lines: list[Line], qa: bool, lex: Lexicon) -> tuple[list[Line], list[tuple[str, str]]]:
    """Split ``lines`` into body lines and footnotes ``(number, text)``."""
    notes: list[tuple[str, list[str]]] = []
    lines = _arrow_notes(lines, notes)
    lines = _end_list(lines, notes)
    body = _page_notes(lines, notes, qa)
    return body, [(num, join_lines(parts, lex)) for num, parts in notes]


def _arrow_notes(lines: list[Line], notes: list[tuple[str, list[str]]]) -> list[Line]:
    body: list[Line] = []
    for line in lines:
        if "↩" not in line.text:
            body.append(line)
            continue
        text = _ARROW.sub(" ", line.text).strip()
        m = _ARROW_NUM.match(text)
        number = m.group(1) if m else str(len(notes) + 1)
        notes.append((number, [m.group(2) if m else text]))
        body.append(Line(""))
    return body


def _end_list(lines: list[Line], notes: list[tuple[str, list[str]]]) -> list[Line]:
    cut = next(
        (i for i in range(len(lines) - 1, int(len(lines) * 0.4) - 1, -1)
         if VOETNOTEN.match(lines[i].text)),
        None,
    )
    if cut is None:
        return lines
    current: list[str] | None = None
    for line in lines[cut + 1:]:
        if not line.text:
            continue
        m = _END_LIST_START.match(line.text)
        if m:
            current = [m.group(2)]
            notes.append((m.group(1), current))
        elif current is not None:
            current.append(line.text)
    return lines[:cut]


def _page_notes(lines: list[Line], notes: list[tuple[str, list[str]]], qa: bool) -> list[Line]:
    body: list[Line] = []
    expected = _next_number(notes)
    since = 0  # body line index from which the next marker is searched
    i = 0
    while i < len(lines):
        line = lines[i]
        prev_blank = not body or not body[-1].text
        if (prev_blank or line.page_start) and _is_start(lines, i, expected, qa):
            found = _marker_line(body, since, expected)
            block = _scan_block(lines, i, expected, qa)
            if block is not None and (found is not None or _page_end_note(block)):
                end, block_notes, _ = block
                notes.extend(block_notes)
                expected += len(block_notes)
                since = found if found is not None else since
                while body and not body[-1].text:
                    body.pop()
                if end < len(lines):
                    lines[end] = Line(lines[end].text, True)
                i = end
                continue
        body.append(line)
        i += 1
    return body


def _next_number(notes: list[tuple[str, list[str]]]) -> int:
    numbers = [int(n) for n, _ in notes if n.isdigit()]
    return max(numbers) + 1 if numbers else 1


def _is_start(lines: list[Line], i: int, expected: int, qa: bool) -> bool:
    m = _START.match(lines[i].text)
    if not m or int(m.group(1)) != expected:
        return False
    if qa and QNUM.match(lines[i].text):
        return False
    if m.group(2) is None:
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        return not qa and nxt is not None and bool(nxt.text) and not nxt.page_start
    return True


def _marker_line(body: list[Line], since: int, number: int) -> int | None:
    """Index of the body line holding footnote ``number``'s marker (searched from ``since``)."""
    for j in range(max(0, since), len(body)):
        if body[j].text and find_marker(body[j].text, number, 0) is not None:
            return j
    return None


def _page_end_note(block: tuple[int, list[tuple[str, list[str]]], bool]) -> bool:
    """A block at a page end whose first footnote looks like one (its marker went missing)."""
    _, notes, at_page_end = block
    first = notes[0][1][0] if notes and notes[0][1] else ""
    return at_page_end and bool(re.match(r"(?:[A-Z]|https?://|www\.)", first))


def _scan_block(
    lines: list[Line], i: int, expected: int, qa: bool
) -> tuple[int, list[tuple[str, list[str]]], bool] | None:
    """``(end, footnotes, ends at a page end)`` for the block starting at line ``i``."""
    found: list[tuple[str, list[str]]] = []
    j = i
    while j < len(lines):
        line = lines[j]
        if j > i and line.page_start and not _is_start(lines, j, expected, qa):
            return j, found, True
        if not line.text:
            k = next((k for k in range(j + 1, len(lines)) if lines[k].text), None)
            if k is None:
                return len(lines), found, True
            if lines[k].page_start:
                return k, found, True
            ended = terminal_char(found[-1][1][-1]) in (".", "!", "?")
            if _is_start(lines, k, expected, qa) or not ended:
                j = k
                continue
            return j, found, False
        m = _START.match(line.text)
        if m and _is_start(lines, j, expected, qa):
            found.append((m.group(1), [m.group(2) or ""]))
            expected += 1
        else:
            found[-1][1].append(line.text)
        j += 1
        if j - i > _MAX_BLOCK_LINES:
            return None
    return j, found, True


# ---------------------------------------------------------------------------------------------
# markers in the body


def _marker_ok(text: str, s: int, e: int) -> bool:
    prev = text[s - 1] if s > 0 else ""
    nxt = text[e] if e < len(text) else ""
    if not prev or prev.isspace():
        return False
    token_start = max(text.rfind(" ", 0, s), text.rfind("\n", 0, s)) + 1
    token = text[token_start:s]
    if any(t in token for t in ("://", "www.", "@", "/", "_")):
        return False
    if prev.isalpha():
        word = re.search(r"[^\W\d_]+$", text[:s])
        w = word.group(0) if word else ""
        if w in _FORMULAS or (len(w) == 1 and w.isupper()) or nxt.isalpha():
            return False
        return not (nxt == "-" and w.isupper())
    if prev in ",:":
        return not (s >= 2 and text[s - 2].isdigit())
    if prev == ".":
        if s >= 2 and text[s - 2].isdigit():
            digits = re.search(r"\d+$", text[: s - 1])
            return bool(digits and len(digits.group(0)) == 4 and (not nxt or nxt.isspace()))
        return not (nxt.isalpha() and nxt.islower())
    if prev in ";)]»”’\"'?!":
        return not (nxt.isalpha() and nxt.islower())
    return False


# A year a marker may be glued to (letters cite 1950 to 2049), and a postbus number, which is
# no year with a marker ("Postbus 20901" is not 2090 with footnote 1).
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_POSTBUS = re.compile(r"\bpostbus\s+\d+$", re.IGNORECASE)


def find_marker(text: str, number: int, start: int) -> tuple[int, int] | None:
    """Span of footnote ``number``'s marker in ``text`` at or after ``start``.

    Besides markers after a word or punctuation, a marker glued to a year after a space
    (``17 mei 202213`` for footnote 13; not a postbus number) is found.
    """
    pattern = rf"(?<!\d){number}(?!\d)|(?<=[\s(]{_YEAR}){number}(?!\d)"
    for m in re.finditer(pattern, text[start:]):
        s, e = start + m.start(), start + m.end()
        if text[s - 1:s].isdigit():
            if not _POSTBUS.search(text[max(0, s - 16):s]):
                return s, e
        elif _marker_ok(text, s, e):
            return s, e
    return None


def place_markers(blocks: list[Block], notes: list[tuple[str, str]]) -> list[str]:
    """Replace each footnote's marker in ``blocks`` by its placeholder; return warnings."""
    warnings: list[str] = []
    bi, pos = 0, 0
    k = 0
    while k < len(notes):
        number = notes[k][0]
        hit = _search(blocks, number, bi, pos) if number.isdigit() else None
        if hit is None:
            warnings.append(f"footnote {number}: marker not found in the body")
            k += 1
            continue
        bi, s, e = hit
        text = blocks[bi].text
        group = [k]
        while k + len(group) < len(notes):
            nxt = notes[k + len(group)][0]
            m = re.match(rf",\s?{nxt}(?!\d)", text[e:]) if nxt.isdigit() else None
            if not m:
                break
            e += m.end()
            group.append(k + len(group))
        placeholder = "".join(marker(g) for g in group)
        after = text[e:e + 1]
        if text[s - 1:s] in ".,;:!?)" and after.isalpha():
            placeholder += " "
        blocks[bi].text = text[:s] + placeholder + text[e:]
        pos = s + len(placeholder)
        k += len(group)
    return warnings


def _search(blocks: list[Block], number: str, bi: int, pos: int) -> tuple[int, int, int] | None:
    for b in range(bi, len(blocks)):
        block = blocks[b]
        if block.kind in (QUESTION, ANSWER):
            continue
        span = find_marker(block.text, int(number), pos if b == bi else 0)
        if span:
            return b, span[0], span[1]
    return None
