"""Records of the letters stage: the public ``Letter`` and its parts; the ``Draft`` of readers.

Every offset (``start``/``end``/``anchor``) is a character offset into ``Letter.text``, the
normalised text, so ``letter.text[s.start:s.end] == s.heading`` holds for every section.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field

# Footnote markers travel through the pipeline as ``\ue000<index>\ue001`` (private-use code
# points, stripped from every input first) until the final text is assembled; the index is the
# footnote's position in ``Draft.footnotes``.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"


def marker(index: int) -> str:
    """The in-text placeholder for the footnote at ``index``."""
    return f"{MARK_OPEN}{index}{MARK_CLOSE}"


@dataclass(frozen=True)
class Section:
    """A heading: ``text[start:end] == heading``; its section runs to the next heading."""

    heading: str
    level: int
    start: int
    end: int


@dataclass(frozen=True)
class Footnote:
    """A footnote: ``text[start:end]`` is its text in the final ``Voetnoten`` section.

    ``anchor`` is the offset in the body where its marker stood (``None`` if not found).
    """

    number: str
    text: str
    start: int
    end: int
    anchor: int | None


@dataclass(frozen=True)
class Question:
    """A numbered question of a verslag (schriftelijk overleg) or of Kamervragen."""

    number: str
    party: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Answer:
    """An answer block; ``numbers`` lists every question it answers (``3 t/m 6`` expanded)."""

    numbers: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Letter:
    """A parliamentary letter: metadata, normalised text and the structure found in it."""

    source: str
    source_format: str
    text: str
    kind: str
    title: str | None = None
    dossier: str | None = None
    dossier_title: str | None = None
    number: str | None = None
    document_number: str | None = None
    date: datetime.date | None = None
    year_label: str | None = None
    sender: str | None = None
    signer_name: str | None = None
    co_senders: tuple[str, ...] = ()
    addressee: str | None = None
    sections: tuple[Section, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    questions: tuple[Question, ...] = ()
    answers: tuple[Answer, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def kamerstuk(self) -> str | None:
        """``"32852-352"`` when both dossier and number are known."""
        if self.dossier and self.number:
            return f"{self.dossier}-{self.number}"
        return None

    @property
    def slug(self) -> str:
        """``kst-<dossier>-<nr>``, else the document number lowercased, else a content hash."""
        if self.kamerstuk:
            return f"kst-{self.kamerstuk}"
        if self.document_number:
            return self.document_number.lower()
        return "doc-" + hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:12]


# Block kinds inside a Draft.
PARA = "para"
HEADING = "heading"
ITEM = "item"
QUESTION = "question"
ANSWER = "answer"
SIGNATURE = "signature"


@dataclass
class Block:
    """One paragraph-level unit of body text before assembly.

    ``kind`` is ``None`` until classified (text input) or set by a structured reader.
    """

    text: str
    kind: str | None = None
    level: int | None = None
    numbers: tuple[str, ...] = ()


@dataclass
class Draft:
    """What a reader hands to the builder: body blocks, footnotes and metadata hints.

    ``hints`` maps a source (``"markup"``, ``"site"``, ``"header"``, ``"footer"``) to the fields
    it gave; the builder merges them in that order of trust. ``detect_markers`` is true for
    plain text, where footnote markers are still bare digits and must be found.
    """

    source: str
    source_format: str
    blocks: list[Block]
    footnotes: list[tuple[str, str]] = field(default_factory=list)
    hints: dict[str, dict[str, object]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    detect_markers: bool = False
    qa_layout: bool = False

    def hint(self, source: str, key: str, value: object) -> None:
        """Record ``key = value`` as given by ``source`` (empty values are ignored)."""
        if value in (None, "", ()):
            return
        self.hints.setdefault(source, {}).setdefault(key, value)
