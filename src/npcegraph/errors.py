"""Errors that name the file (or thing) and the problem."""

from __future__ import annotations

from pathlib import Path


class NpcegraphError(Exception):
    """Base error: ``path`` names the file or resource, ``problem`` says what is wrong."""

    exit_code = 2

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


class LetterError(NpcegraphError):
    """A letter file cannot be read or parsed."""


class VocabError(NpcegraphError):
    """A vocabulary or ontology file is missing or malformed."""


class StoreError(NpcegraphError):
    """The store cannot be opened or written."""


class QueryError(NpcegraphError):
    """A SPARQL query cannot be found, parsed or run."""


class ValidationFailed(NpcegraphError):
    """A letter's graph does not conform to the shapes."""

    exit_code = 1
