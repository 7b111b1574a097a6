"""Scope of a fact: the sentence first, then the section its nearest heading opens."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol


class HasSpan(Protocol):
    """Anything with character offsets (a letter's Section or Footnote)."""

    start: int
    end: int


class SectionIndex:
    """Finds the section (nearest preceding heading) of a character offset."""

    def __init__(self, sections: Sequence[HasSpan], text_length: int) -> None:
        self.sections = sorted(sections, key=lambda s: s.start)
        self.starts = [s.start for s in self.sections]
        self.text_length = text_length

    def index_of(self, offset: int) -> int | None:
        """Position of the section containing ``offset`` (None before the first heading)."""
        position = bisect_right(self.starts, offset) - 1
        return position if position >= 0 else None

    def bounds(self, offset: int) -> tuple[int, int]:
        """Start and end offsets of the section containing ``offset``."""
        position = self.index_of(offset)
        start = self.starts[position] if position is not None else 0
        following = (position + 1) if position is not None else 0
        end = self.starts[following] if following < len(self.starts) else self.text_length
        return start, end

    def heading(self, offset: int) -> HasSpan | None:
        """The heading that opens the section containing ``offset``."""
        position = self.index_of(offset)
        return self.sections[position] if position is not None else None
