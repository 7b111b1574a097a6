"""A lexical look at SPARQL text: query form, dataset clauses, refused keywords, ``USING``.

Oxigraph parses and runs every query and update; this module only answers the few questions
the protocol layer must settle *before* that (which result table to negotiate, whether the
query names its own dataset, whether it uses ``SERVICE`` or ``LOAD``), and adds the protocol's
``using-graph-uri`` parameters to an update as ``USING`` clauses, which pyoxigraph's
``Store.update`` cannot take as options. Strings, comments and IRIs are skipped whole, so a
keyword inside them never counts; a keyword is a bare word (not ``?var``, ``ex:local``, ``@lang``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\n]*)
    | (?P<string>\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\"
               |'''(?:[^'\\]|\\.|'(?!''))*'''
               |\"(?:[^\"\\\n]|\\.)*\"
               |'(?:[^'\\\n]|\\.)*')
    | (?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<name>[?$_A-Za-z\u00C0-\uFFFF:][-\w.\u00B7\u00C0-\uFFFF:%]*)
    | (?P<open>\{)
    | (?P<close>\})
    | (?P<semicolon>;)
    | (?P<space>\s+)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


@dataclass(frozen=True)
class Token:
    """A significant token: its kind, text, offset and brace depth (before the token)."""

    kind: str
    text: str
    start: int
    depth: int

    @property
    def keyword(self) -> str | None:
        """The upper-cased word when the token is a bare keyword, else ``None``."""
        if self.kind != "name" or self.text[0] in "?$_" or ":" in self.text:
            return None
        return self.text.upper()


def tokens(text: str) -> Iterator[Token]:
    """Significant tokens of ``text`` (no spaces or comments)."""
    depth = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind in ("space", "comment"):
            continue
        if kind == "close":
            depth = max(depth - 1, 0)
        yield Token(kind, match.group(), match.start(), depth)
        if kind == "open":
            depth += 1


def query_form(text: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``; ``None`` when not recognisable."""
    for token in tokens(text):
        if token.depth == 0 and token.keyword in QUERY_FORMS:
            return token.keyword
    return None


def has_dataset_clause(text: str) -> bool:
    """Whether a query names its own dataset (``FROM`` / ``FROM NAMED``)."""
    return any(t.depth == 0 and t.keyword == "FROM" for t in tokens(text))


def uses_keyword(text: str, keyword: str) -> bool:
    """Whether ``keyword`` (e.g. ``SERVICE``, ``LOAD``) occurs as a keyword anywhere."""
    return any(t.keyword == keyword for t in tokens(text))


class UsingConflict(ValueError):
    """``using-graph-uri`` parameters given for an update that has ``USING`` or ``WITH``."""


def add_using(update: str, using: list[str], using_named: list[str]) -> str:
    """``update`` with ``USING <g>`` / ``USING NAMED <g>`` before each ``WHERE`` of a
    ``DELETE {…} INSERT {…} WHERE {…}`` operation (SPARQL 1.1 Protocol §2.2.3).

    Raises :class:`UsingConflict` when an operation already has ``USING`` or ``WITH``.
    IRIs must already be valid absolute IRIs (they are written between angle brackets).
    """
    if not using and not using_named:
        return update
    clause = " ".join([f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named])
    inserts: list[int] = []
    after_template = False  # the last token at depth 0 closed a DELETE/INSERT template
    for token in tokens(update):
        if token.depth != 0:
            continue
        if token.keyword in ("USING", "WITH"):
            raise UsingConflict(f"the update has a {token.keyword} clause, so "
                                "using-graph-uri/using-named-graph-uri may not be given")
        if token.keyword == "WHERE" and after_template:
            inserts.append(token.start)
        after_template = token.kind == "close"
    for offset in reversed(inserts):
        update = f"{update[:offset]}{clause} {update[offset:]}"
    return update
