"""Hard-wrapped lines to paragraphs, repairing hyphenation across line breaks.

Hyphenation (``join_pair``), for a line ending in ``-`` glued to a word:

* the next line starts with ``en``/``of``/``tot``/... -> keep ``- `` (``klimaat- en energie``);
* the character before the hyphen is a capital or digit -> keep it (``CO2-reductie``,
  ``EU-landen``); so inside URLs and paths, and before a capital (``niet-Europese``);
* the document itself decides when it spells the word elsewhere: joined, hyphenated or with a
  trema (``ge-`` + ``informeerd`` -> ``geïnformeerd`` when that form occurs);
* two vowels that would merge into one sound keep the hyphen (``milieu-impact``,
  ``zonne-energie``), except after the prefixes ``ge``/``be`` (trema: ``geëist``);
* otherwise the hyphen goes: ``gerecy-`` + ``cleerde`` -> ``gerecycleerde``.

Joining (``should_join``): a blank line always ends a paragraph. Lines stay apart before a list
item, bullet, question number, ``Antwoord ...`` line, place/date line, ``Aan de ...`` line or a
signature, and after a line that ends a sentence unless that line is as long as the wrap width
(a wrapped paragraph line that happens to end in a full stop). A line without final punctuation
joins the next one when that starts in lowercase, when it ends in a function word (``de``,
``van``, ...), when it is itself the continuation of a paragraph, or when it fills the wrap
width; a short first line before a capital stays apart (a heading). The wrap width is measured
on the document: the 90th percentile of the lengths of lines that are certainly wrapped (no
final punctuation, next line lowercase). After that,
paragraphs split by a blank line that the PDF put inside a sentence (no final punctuation,
next paragraph lowercase) are rejoined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FUNCTION_WORDS = frozenset(
    "de het een en of van voor op in aan met te door dat die dit deze om bij naar uit over tot "
    "als is zijn wordt worden werd was we wij ik zij ze hun haar zich niet ook nog maar want dus "
    "omdat zodat waarbij waarin waar welke er u uw onze ons mijn zo per tussen onder tegen na "
    "vanuit binnen zoals hoe wat wel geen meer minder kan kunnen moet moeten zal zullen heeft "
    "hebben heb hierbij daarbij ten ter the of and to in a an on for with by".split()
)
_CLASH = frozenset("aa ae ai au ee ei eu ie ii oe oi oo ou ui uu".split())
_TREMA = {"i": "ï", "e": "ë", "u": "ü"}
_CONJ = re.compile(r"^(?:en|of|tot|als|noch|dan|en/of|t/m)\b")
_MONTH = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
          "december")

BULLET = re.compile(r"^[•●▪◦·]\s*")
DASH_ITEM = re.compile(r"^[-–—]\s+")
ENUM = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)]|[ivx]{1,4}[.)]|[IVX]{1,5}\.|[IVX]{1,5}\s+[–-])\s+")
QNUM = re.compile(r"^\d{1,3}(?:\s+(?:en|t/m|tot en met)\s+\d{1,3})?$")
VRAAG = re.compile(r"^Vraag\s+\d{1,3}[.:]?(?=\s|$)")
ANTWOORD = re.compile(
    r"^Antwoord(?:\s+(?:op\s+)?(?:vraag\s+|vragen\s+)?\d{1,3}"
    r"(?:\s*(?:,|en|t/m|tot en met|-|–)\s*\d{1,3})*)?\s*:?$"
)
DATELINE = re.compile(rf"^[A-Z][\w'’ .-]{{1,30}},\s+\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}$")
ADDRESSEE = re.compile(r"^Aan de\s+\S")
SIGROLE = re.compile(  # also in capitals: "DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,"
    r"^de\s+(?:minister|staatssecretaris|voorzitter|griffier)[^.]{0,150},$", re.IGNORECASE
)
VOETNOTEN = re.compile(r"^(?:Voetnoten|Noten|Eindnoten)$")


@dataclass
class Line:
    """A physical line: stripped text, and whether it opens a new page of a PDF."""

    text: str
    page_start: bool = False


class Lexicon:
    """Word forms the document itself uses, to settle hyphenation at line ends."""

    def __init__(self, text: str) -> None:
        low = text.lower()
        self.words = set(re.findall(r"[^\W\d_]+", low))
        self.hyphenated: set[str] = set()
        for token in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", low):
            parts = token.split("-")
            self.hyphenated.update(f"{a}-{b}" for a, b in zip(parts, parts[1:], strict=False))

    def decide(self, left: str, right: str) -> str | None:
        """The spelling of ``left-`` + ``right`` the document uses elsewhere, if any."""
        left_l, right_l = left.lower(), right.lower()
        if right_l[:1] in _TREMA and left_l + _TREMA[right_l[0]] + right_l[1:] in self.words:
            return left + _TREMA[right_l[0]] + right[1:]
        if f"{left_l}-{right_l}" in self.hyphenated:
            return f"{left}-{right}"
        if left_l + right_l in self.words:
            return left + right
        return None


def terminal_char(text: str) -> str:
    """The sentence punctuation a line ends with, ignoring footnote markers and closing marks."""
    t = text.rstrip()
    t = re.sub(r"(?<=[^\W\d_]|[.,;:)»”’'\"])\d{1,3}(?:,\s?\d{1,3})*$", "", t)
    t = re.sub(r"\ue000\d+\ue001$", "", t)
    t = t.rstrip(")]»”’'\"")
    return t[-1] if t and t[-1] in ".!?:;," else ""


def join_pair(left: str, right: str, lex: Lexicon | None = None) -> str:
    """Join two wrapped pieces of one paragraph, repairing a hyphen at the break."""
    if not left:
        return right
    if not right:
        return left
    tail = left.rsplit(" ", 1)[-1]
    if tail[-1:] in "/_=&?#" and ("://" in tail or "www." in tail):
        return left + right  # a URL broken at a path separator
    if not (left.endswith("-") and len(left) >= 2 and not left[-2].isspace()):
        return f"{left} {right}"
    token = left[:-1].rsplit(" ", 1)[-1]
    a, b = token[-1:], right[0]
    if _CONJ.match(right):
        return f"{left} {right}"
    if not a.isalpha() or a.isupper() or b.isupper() or not b.isalpha():
        return left + right
    if any(s in token for s in ("://", "www.", "/", "_", "@")):
        return left + right
    left_word = re.search(r"[^\W\d_]+$", token)
    right_word = re.match(r"[^\W\d_]+", right)
    if lex and left_word and right_word:
        spelled = lex.decide(left_word.group(0), right_word.group(0))
        if spelled is not None:
            return left[: -1 - len(left_word.group(0))] + spelled + right[right_word.end():]
    pair = (a + b).lower()
    if pair in _CLASH:
        if left_word and left_word.group(0).lower() in ("ge", "be") and b.lower() in _TREMA:
            return left[:-1] + _TREMA[b.lower()] + right[1:]
        return left + right
    return left[:-1] + right


def _starts_low(text: str) -> bool:
    c = text[0]
    return c.islower() or c.isdigit() or c in "(€$%&+[\"'«‘“/"


def standalone(text: str, qa: bool) -> bool:
    """A line that is a block of its own: nothing joins after it."""
    return bool(
        (qa and QNUM.match(text)) or ANTWOORD.match(text) or VRAAG.fullmatch(text)
        or DATELINE.match(text) or SIGROLE.match(text) or VOETNOTEN.match(text)
    )


def block_start(text: str, qa: bool) -> bool:
    """A line that always opens a new block."""
    return standalone(text, qa) or bool(
        ADDRESSEE.match(text) or BULLET.match(text) or VRAAG.match(text)
    )


def _heading_like(run: list[str], width: int | None) -> bool:
    """``run`` (a line and those after it up to a blank line) looks like a heading."""
    if not run or not run[0][:1].isupper() or len(run) > 3 or terminal_char(run[-1]):
        return False
    if len(run) == 1:
        return width is not None and len(run[0]) < 0.7 * width
    return len(" ".join(run)) <= 160


def should_join(
    x: str, y: str, run: list[str], width: int | None, qa: bool, mid: bool = False
) -> bool:
    """Whether line ``y`` continues the paragraph whose last line is ``x``.

    ``run`` holds ``y`` and the lines after it up to the next blank line (at most four); ``mid``
    says ``x`` itself continued a paragraph (so it cannot be a heading).
    """
    if standalone(x, qa) or block_start(y, qa):
        return False
    if x.endswith("-") and len(x) >= 2 and not x[-2].isspace():
        return True
    end = terminal_char(x)
    if (ENUM.match(y) or DASH_ITEM.match(y)) and end:
        return False
    fits_y = width is None or len(y) <= width + 3
    heading_like_y = len(run) <= 3 and _heading_like(run, width)
    if end in (".", "!", "?"):
        wrapped = width is not None and 0.8 * width <= len(x) <= width + 3
        return wrapped and fits_y and not heading_like_y
    if end in (":", ";"):
        return _starts_low(y) and not ENUM.match(y)
    if end == ",":
        return True
    if _starts_low(y):
        return True
    last = re.search(r"[^\W\d_]+$", x)
    if (last and last.group(0).lower() in FUNCTION_WORDS) or (mid and not heading_like_y):
        return True
    if not width or not fits_y or heading_like_y:
        return False
    # wrapped: the line fills the width, or the next line's first word would not have fit on it
    return len(x) >= 0.85 * width or len(x) + 1 + len(y.split(" ", 1)[0]) > width


def wrap_width(lines: list[Line]) -> int | None:
    """The width the text was wrapped at, or ``None`` when it is not hard-wrapped."""
    lengths = sorted(
        len(x.text) for x, y in zip(lines, lines[1:], strict=False)
        if len(x.text) >= 25 and y.text and y.text[0].islower() and not terminal_char(x.text)
    )
    if len(lengths) < 5:
        return None
    return lengths[int(0.9 * (len(lengths) - 1))]


def to_paragraphs(lines: list[Line], qa: bool, lex: Lexicon) -> list[str]:
    """Join the body lines into paragraphs (see the module docstring)."""
    width = wrap_width(lines)
    run_end = [0] * len(lines)
    end = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        if not lines[i].text:
            end = i
        run_end[i] = end
    paras: list[tuple[str, bool]] = []  # (text, opened after a blank line)
    cur: str | None = None
    cur_lines = 0
    cur_blank = True
    last = ""
    after_blank = True
    for i, line in enumerate(lines):
        text = line.text
        if not text:
            if cur is not None:
                paras.append((cur, cur_blank))
                cur = None
            after_blank = True
            continue
        run = [ln.text for ln in lines[i:min(run_end[i], i + 4)]]
        if cur is not None and should_join(last, text, run, width, qa, cur_lines > 1):
            cur = join_pair(cur, text, lex)
            cur_lines += 1
        else:
            if cur is not None:
                paras.append((cur, cur_blank))
            cur, cur_blank, cur_lines = text, after_blank, 1
        last = text
        after_blank = False
    if cur is not None:
        paras.append((cur, cur_blank))
    return _rejoin(paras, qa, lex)


def _rejoin(paras: list[tuple[str, bool]], qa: bool, lex: Lexicon) -> list[str]:
    out: list[str] = []
    for text, blank_before in paras:
        if (
            out and blank_before and _starts_low(text) and text[0].isalpha()
            and not terminal_char(out[-1]) and not standalone(out[-1], qa)
        ):
            out[-1] = join_pair(out[-1], text, lex)
        else:
            out.append(text)
    return [_unglue(re.sub(r"[ \t]{2,}", " ", p).strip()) for p in out]


_GLUED = re.compile(r"(?<=[a-z\u00e0-\u00ff]{3})([.?!])(?=[A-Z][a-z])")


def _unglue(text: str) -> str:
    """``uitwerken.De sturing`` -> ``uitwerken. De sturing`` (PDF text lost the space)."""
    if not _GLUED.search(text):
        return text
    out = []
    for token in text.split(" "):
        if "://" not in token and "www." not in token and "@" not in token:
            token = _GLUED.sub(r"\1 ", token)
        out.append(token)
    return " ".join(out)


def join_lines(parts: list[str], lex: Lexicon | None = None) -> str:
    """Join the lines of one unit (a footnote) into one line, repairing hyphenation."""
    text = ""
    for part in parts:
        part = part.strip()
        if part:
            text = join_pair(text, part, lex)
    return re.sub(r"\s{2,}", " ", text).strip()
