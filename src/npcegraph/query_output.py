"""Run a query for the CLI and print its results as a table, CSV or JSON."""

from __future__ import annotations

import sys

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table

from npcegraph.errors import NpcegraphError
from npcegraph.queries import resolve_query
from npcegraph.settings import Settings
from npcegraph.store import EmbeddedStore

_RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "json": ox.QueryResultsFormat.JSON}


def term_text(term: object) -> str:
    """A compact display form of an RDF term."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal | ox.NamedNode | ox.BlankNode):
        return term.value
    return str(term)


def run_query(settings: Settings, spec: str, values: dict[str, str], fmt: str,
              console: Console) -> None:
    """Resolve ``spec``, run it natively on the store and print the results."""
    sparql, canned = resolve_query(spec)
    if values and canned is None:
        raise NpcegraphError(spec, "--param only applies to canned queries with parameters")
    if canned:
        sparql = canned.text(values)
    if not settings.store.exists():
        raise NpcegraphError(settings.store, "no store here yet; run `npcegraph ingest` first")
    with EmbeddedStore(settings.store, read_only=True) as store:
        results = store.query(sparql)
        if isinstance(results, ox.QueryBoolean):
            console.print("true" if bool(results) else "false")
        elif isinstance(results, ox.QueryTriples):
            sys.stdout.buffer.write(results.serialize(format=ox.RdfFormat.TURTLE) or b"")
        elif fmt in _RESULT_FORMATS:
            sys.stdout.buffer.write(results.serialize(format=_RESULT_FORMATS[fmt]) or b"")
            sys.stdout.buffer.flush()
        else:
            variables = [v.value for v in results.variables]
            table = Table(*variables, title=canned.title if canned else None)
            rows = 0
            for solution in results:
                table.add_row(*(term_text(solution[v]) for v in variables))
                rows += 1
            console.print(table)
            console.print(f"{rows} rows")
