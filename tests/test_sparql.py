"""Queries in files, values at explicit markers (diplograph.sparql)."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.sparql.parser import parseQuery

from diplograph import sparql
from diplograph.errors import QueryError, StoreError
from diplograph.iri import MERGED_GRAPH
from diplograph.namespaces import DG, ID
from diplograph.queries import parse_query, saved_queries, with_prefixes
from diplograph.store import Term, open_store

KOR, JPN = ID["country/KOR"], ID["country/JPN"]
A, B = ID["agreement/a"], ID["agreement/b"]

# The same question, the merged graph written as a full IRI and as g:merged.
BY_PARTY = """
PREFIX dg: <https://w3id.org/diplograph/ontology#>
SELECT ?agreement WHERE { #@values
  GRAPH %s { #@values
    ?agreement dg:party ?party .
    FILTER(?party = ?_country_iri)
  }
} ORDER BY ?agreement
"""


@pytest.fixture
def store():  # type: ignore[no-untyped-def]
    store = open_store(":memory:")
    graph = Graph()
    graph.add((A, DG.party, KOR))
    graph.add((B, DG.party, JPN))
    store.replace_graph(ID["article/x"], graph)
    yield store
    store.close()


@pytest.mark.parametrize("merged", [f"<{MERGED_GRAPH}>", "g:merged"])
def test_a_parameter_reaches_the_merged_graph_however_it_is_written(
    store, merged: str
) -> None:  # type: ignore[no-untyped-def]
    text = with_prefixes(BY_PARTY % merged)
    query = parse_query("by-party", text)
    assert [p.name for p in query.parameters] == ["country"]
    bound = sparql.bind_values(text, {"_country_iri": Term("uri", str(KOR))})
    # the FILTER's own group holds the VALUES block: outside it, ?_country_iri
    # would be unbound there and the query would answer nothing
    group = bound[bound.index(merged) :]
    assert group.index("VALUES (?_country_iri)") < group.index("FILTER")
    _, rows = store.select(text, {"_country_iri": Term("uri", str(KOR))})
    assert [row["agreement"].value for row in rows] == [str(A)]


def test_a_group_gets_only_the_parameters_it_mentions() -> None:
    text = "SELECT * WHERE { #@values\n ?s ?p ?_a . { #@values\n ?s ?q ?o } }"
    bound = sparql.bind_values(
        text, {"_a": Term("literal", "1"), "_b": Term("literal", "2")}
    )
    assert bound.count("VALUES") == 1 and "(?_a)" in bound
    assert "#@values" not in bound


def test_a_query_without_markers_binds_at_its_where_group() -> None:
    bound = sparql.bind_values(
        "SELECT ?s WHERE { ?s ?p ?_o }", {"_o": Term("literal", "x")}
    )
    assert bound == 'SELECT ?s WHERE { VALUES (?_o) { ("x") }\n ?s ?p ?_o }'


def test_every_saved_parameter_is_marked_where_it_is_used() -> None:
    """Each saved query with parameters marks its groups: no parameter is left
    to the fallback."""
    for name, query in saved_queries().items():
        if query.parameters:
            assert sparql.MARKER in query.text, name


def test_markers_take_terms_and_lists() -> None:
    text = sparql.query("curation-reporting", agreement=A)
    assert f"<{A}> dg:reportedIn" in text
    assert f"GRAPH <{MERGED_GRAPH}>" in text  # given from diplograph.iri
    assert "$" not in re.sub(r"(?m)^\s*#.*$", "", text)
    parseQuery(text)
    listed = sparql.query("resolve-own", agreements=[B, A], article=ID["article/x"])
    assert f"VALUES ?a {{ <{A}> <{B}> }}" in listed
    assert "VALUES ?a { UNDEF }" in sparql.query("resolve-conclusions", agreements=None)


def test_a_hostile_value_stays_a_term() -> None:
    text = sparql.query("agreement-by-name")
    bound = sparql.bind_values(text, {"_wanted": Term("literal", '"} DROP ALL #')})
    assert '"\\"} DROP ALL #"' in bound
    parseQuery(bound)
    with pytest.raises(StoreError):
        sparql.query("graph-size", graph=URIRef("http://x/> } DROP ALL {"))
    with pytest.raises(QueryError, match=r"\$graph"):
        sparql.query("graph-size")


@pytest.mark.parametrize("name", sorted(p.stem for p in sparql.FOLDER.glob("*.rq")))
def test_every_internal_query_parses(name: str) -> None:
    values: dict[str, sparql.Value] = {
        key: 5 if key == "limit" else [DG.name] if key == "describing" else A
        for key in re.findall(r"\$(\w+)", sparql.text(name))
    }
    if "agreements" in values:
        values["agreements"] = [A, B]
    parseQuery(sparql.query(name, **values))
