"""Canned query headers: parsing, parameters, resolution of a query spec."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from npcegraph.errors import QueryError
from npcegraph.queries import canned_queries, parse_canned_query, resolve_query


def test_queries_every_shipped_query_has_title_and_description() -> None:
    queries = canned_queries()
    assert {"letters", "measures-per-ministry", "instruments-per-letter"} <= set(queries)
    for query in queries.values():
        assert query.title and query.description, query.name


def test_queries_parameters_parse_and_bind(tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text('# title: T\n# description: D\n'
                    '# param: year (year, default "2030"): target year\n'
                    '# param: who (notation): ministry key\nSELECT * WHERE { ?s ?p ?o }\n')
    query = parse_canned_query(path)
    assert [(p.name, p.type, p.default) for p in query.parameters] == [
        ("year", "year", "2030"), ("who", "notation", "")]
    bound = query.bindings({"who": "IenW"})
    assert bound[ox.Variable("who")] == ox.Literal("IenW")
    assert bound[ox.Variable("year")].datatype.value.endswith("#gYear")
    with pytest.raises(QueryError, match="unknown parameter"):
        query.bindings({"nope": "1"})
    with pytest.raises(QueryError, match="year='soon'"):
        query.bindings({"year": "soon"})


def test_queries_resolve_name_file_and_inline(tmp_path: Path) -> None:
    assert resolve_query("letters")[1].name == "letters"
    assert resolve_query("ASK { ?s ?p ?o }") == ("ASK { ?s ?p ?o }", None)
    with pytest.raises(QueryError, match="neither"):
        resolve_query("no-such-query")
    with pytest.raises(QueryError, match="not found"):
        resolve_query(str(tmp_path / "missing.rq"))


def test_queries_bindings_open_the_where_group(tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text('# title: T\n# param: who (notation, default "IenW"): key\n'
                    'SELECT ?n (COUNT(?x) AS ?c) WHERE { ?x ?p ?who } GROUP BY ?n\n')
    text = parse_canned_query(path).text({"who": 'a "quoted" value'})
    assert text == ('# title: T\n# param: who (notation, default "IenW"): key\n'
                    'SELECT ?n (COUNT(?x) AS ?c) WHERE {\n'
                    '  VALUES (?who) { ("a \\"quoted\\" value") } ?x ?p ?who } GROUP BY ?n\n')
    assert parse_canned_query(path).text({}).count('("IenW")') == 1
