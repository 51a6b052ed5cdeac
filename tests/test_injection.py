"""Values bound into SPARQL stay values, on every backend (issue 13, item 4).

The issue's reproduction: a value ending in ``\\"`` after a line break closed
rdflib's triple-quoted literal early, so the next parameter became query text.
Here every string, hostile or not, is bound and read back exactly, or refused
(lone surrogates, which are not Unicode text), on the embedded store, an
Oxigraph server and Virtuoso, and rdflib (which expands ``\\u`` escapes before
parsing, as the SPARQL text says) reads the same value as the servers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from diplograph.cli import main
from diplograph.errors import DiplographError, StoreError
from diplograph.sparql import bind_values
from diplograph.store import Store, Term, remote
from diplograph.terms import sparql_iri, sparql_string

ISSUE_QUERY = "SELECT ?_a ?_b ?s ?x WHERE { ?s a dg:Agreement } LIMIT 1"
ISSUE_A = 'x\n\\"'
ISSUE_B = " ) } BIND(4242 AS ?x) #"
ECHO = "SELECT ?v WHERE { BIND(?_v AS ?v) }"

# characters that mean something to a SPARQL parser, escapes ("\\u0022" read
# as an escape by rdflib, which expands them before parsing, and as text by
# Oxigraph), and anything else
ESCAPES = st.text(alphabet=st.sampled_from(list('\\"uU0123456789aAfF')), max_size=30)
HOSTILE = ESCAPES | st.text(
    alphabet=st.sampled_from(list("\\\"'uU0123456789aAfF{}()#<>.;,\n\r\t \x00\x7f"))
    | st.characters(),
    max_size=40,
)
KNOWN = ["\\u0022 } ; CLEAR ALL #", "\\U00000022", "\\u00220022", ISSUE_A, "\x85"]


def test_the_issues_reproduction_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "store")
    examples = Path(__file__).resolve().parents[1] / "examples"
    assert main(["load", str(examples), "--store", store, "--quiet"]) == 0
    query = tmp_path / "injected.rq"
    query.write_text(ISSUE_QUERY + "\n", encoding="utf-8")
    capsys.readouterr()
    status = main(
        ["query", str(query), "--store", store, "--format", "csv",
         "--param", f"a={ISSUE_A}", "--param", f"b={ISSUE_B}"]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert status == 0
    assert "4242" not in out
    assert out.splitlines()[0] == "s,x"
    assert out.splitlines()[1].endswith(",")  # ?x unbound


def test_the_issues_reproduction_on_every_backend(store: Store) -> None:
    graph = Graph()
    graph.add(
        (
            URIRef("https://w3id.org/diplograph/id/agreement/a"),
            URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            URIRef("https://w3id.org/diplograph/ontology#Agreement"),
        )
    )
    store.replace_graph(URIRef("https://w3id.org/diplograph/id/article/a"), graph)
    query = (
        "PREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
        "SELECT ?_a ?_b ?s ?x WHERE { GRAPH ?g { ?s a dg:Agreement } } LIMIT 1"
    )
    _, rows = store.select(
        query, {"_a": Term("literal", ISSUE_A), "_b": Term("literal", ISSUE_B)}
    )
    assert [sorted(row) for row in rows] == [["s"]]


def _echo(store: Store, term: Term) -> Term | None:
    _, rows = store.select(ECHO, {"_v": term})
    [row] = rows
    return row.get("v")


def _not_text(value: str) -> bool:
    """Lone surrogates and NUL (Virtuoso ends a string there) are refused."""
    return any(c == "\x00" or 0xD800 <= ord(c) <= 0xDFFF for c in value)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(value=HOSTILE)
@example(value=KNOWN[0])
@example(value=KNOWN[1])
@example(value=KNOWN[2])
@example(value=KNOWN[4])
def test_any_string_is_read_back_exactly(store: Store, value: str) -> None:
    term = Term("literal", value)
    if _not_text(value):
        with pytest.raises(StoreError, match="NUL or a lone surrogate"):
            _echo(store, term)
        return
    assert _echo(store, term) == term


@settings(max_examples=500, deadline=None)
@given(value=HOSTILE, language=st.sampled_from([None, "en", "en-GB"]))
@example(value=KNOWN[0], language=None)
@example(value=KNOWN[1], language=None)
@example(value=KNOWN[2], language="en")
def test_rdflib_reads_what_the_servers_read(value: str, language: str | None) -> None:
    # rdflib expands \u escapes before it parses (SPARQL 1.1, 19.2); Oxigraph and
    # Virtuoso read them inside strings only. The serializer must suit both.
    if _not_text(value):
        with pytest.raises(StoreError):
            sparql_string(value)
        return
    bound = bind_values(ECHO, {"_v": Term("literal", value, lang=language)})
    [(found,)] = list(Graph().query(bound))
    assert found == Literal(value, lang=language)


@settings(max_examples=300, deadline=None)
@given(value=HOSTILE)
def test_an_iri_is_refused_or_kept_whole(value: str) -> None:
    iri = "https://example.org/" + value
    try:
        written = sparql_iri(iri)
    except StoreError:
        assert any(c in iri for c in '<>"{}|^`\\') or any(
            ord(c) <= 0x20 or 0xD800 <= ord(c) <= 0xDFFF for c in iri
        )
        return
    assert written == f"<{iri}>"
    [(found,)] = list(Graph().query(bind_values(ECHO, {"_v": Term("uri", iri)})))
    assert str(found) == iri


@pytest.mark.parametrize(
    "term",
    [
        Term("uri", "relative/iri"),
        Term("uri", "https://x/> } ; DROP ALL ; { <y"),
        Term("literal", "x", lang="en} ; DROP ALL"),
        Term("literal", "x", datatype='http://x/> } ; DROP ALL ; { "'),
        Term("bnode", "b0"),
    ],
)
def test_what_cannot_be_a_term_is_refused(term: Term) -> None:
    with pytest.raises(StoreError):
        bind_values(ECHO, {"_v": term})


def test_hostile_literals_in_stored_data_survive_a_replacement(store: Store) -> None:
    # Article text reaches INSERT DATA the same way (quotes, titles).
    graph_iri = URIRef("https://w3id.org/diplograph/id/article/hostile")
    subject = URIRef("https://w3id.org/diplograph/id/agreement/hostile")
    quote = URIRef("https://w3id.org/diplograph/ontology#quote")
    values = [ISSUE_A, ISSUE_B, '"""', "\\u0022 } ; CLEAR ALL #", "a\x01b\rc\x85"]
    graph = Graph()
    for value in values:
        graph.add((subject, quote, Literal(value)))
    store.replace_graph(graph_iri, graph)
    graph.remove((subject, quote, Literal(values[0])))
    store.replace_graph(graph_iri, graph)  # an update, on every backend
    stored = {str(o) for _, _, o in store.export_graph(graph_iri)}
    assert stored == set(values[1:])


def test_a_server_refuses_a_query_that_binding_turned_into_an_update(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The second line of defence: were a binding ever to break out, what leaves
    # for the server is checked again after binding.
    def pasted(query: str, bindings: dict[str, Term] | None) -> str:
        for name, term in (bindings or {}).items():
            query = query.replace(f"?{name}", term.value)
        return query

    monkeypatch.setattr(remote, "bind_values", pasted)
    store = remote.RemoteStore("http://127.0.0.1:9/query")  # never reached
    query = "SELECT * WHERE { ?s ?p ?_o }"
    injected = {"_o": Term("literal", "?o } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o")}
    with pytest.raises(DiplographError, match="once its parameters are bound"):
        store.select(query, injected)
