"""Step 5, store: the Store contract, run against every backend in conftest.BACKENDS.

Each article lives in its own named graph; loading it again replaces that graph,
a rejected article changes nothing, and the data survives closing the store.
"""

from __future__ import annotations

import errno
import hashlib
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from support import SMALL_BODY, SMALL_URL, WriteArticle, quad_count, quads

from diplograph.errors import StoreError
from diplograph.iri import article_iri
from diplograph.loader import ensure_ontology
from diplograph.namespaces import DG, ONTOLOGY_IRI
from diplograph.pipeline import Processed, load
from diplograph.settings import Settings
from diplograph.store import (
    MERGED_GRAPH,
    Store,
    Term,
    ntriples,
    replace_graphs_update,
)
from diplograph.store.embedded import EmbeddedStore, from_ox, open_hint

DG_ID = "https://w3id.org/diplograph/"  # graphs the test servers are emptied of

CORRECTED_BODY = (
    "TOKYO, June 25 (Example Wire) -- Japan and South Korea signed a memorandum of "
    "understanding in December on sharing intelligence, officials said on Thursday.\n"
)
# Same URL as the small article, but it reports a signing after its own
# publication date: the shapes reject it.
BROKEN_BODY = (
    "TOKYO, June 25 (Example Wire) -- Japan and South Korea signed a fisheries "
    "agreement on March 3, 2030, officials said.\n"
)


def load_all(
    paths: list[Path], store: Store, *, strict: bool = False
) -> list[Processed]:
    settings = Settings.gather(strict=strict)
    outcomes = list(load(paths, store, workers=1, settings=settings))
    assert all(isinstance(o, Processed) for o in outcomes), outcomes
    return outcomes  # type: ignore[return-value]


def article_graphs(store: Store) -> list[str]:
    return [g for g in store.graphs() if "/id/article/" in g]


def by_value(graph: Graph) -> set[tuple[object, ...]]:
    """The triples, numbers compared by value: servers may retype them
    (Virtuoso gives "1"^^xsd:decimal back as "1"^^xsd:integer)."""
    numeric = {str(XSD.integer), str(XSD.decimal), str(XSD.double), str(XSD.float)}
    return {
        (
            s,
            p,
            ("number", Decimal(str(o)))
            if isinstance(o, Literal) and str(o.datatype) in numeric
            else o,
        )
        for s, p, o in graph
    }


def test_load_writes_one_named_graph_per_article(
    store: Store, write_article: WriteArticle
) -> None:
    [outcome] = load_all([write_article()], store)
    assert outcome.report is not None and outcome.report.conforms
    graph_iri = article_iri(outcome.article)
    assert store.has_graph(graph_iri)
    assert article_graphs(store) == [str(graph_iri)]
    assert ONTOLOGY_IRI in store.graphs()  # the ontology has its own graph, for labels
    stored = store.export_graph(graph_iri)
    assert by_value(stored) == by_value(outcome.graph)


def test_loading_the_same_article_twice_gives_the_same_quads(
    store: Store, write_article: WriteArticle
) -> None:
    path = write_article()
    load_all([path], store)
    before = quads(store)
    count = quad_count(store)
    load_all([path], store)
    assert quads(store) == before
    assert quad_count(store) == count == len(before)  # no duplicates


def test_loading_a_corrected_version_replaces_the_graph(
    store: Store, write_article: WriteArticle
) -> None:
    [first] = load_all([write_article("v1.txt")], store)
    [second] = load_all([write_article("v2.txt", CORRECTED_BODY)], store)
    graph_iri = article_iri(first.article)
    assert article_iri(second.article) == graph_iri  # same URL, same graph
    assert article_graphs(store) == [str(graph_iri)]
    stored = store.export_graph(graph_iri)
    assert by_value(stored) == by_value(second.graph)
    hashes = set(stored.objects(graph_iri, DG.contentHash))
    assert hashes == {Literal(second.article.content_hash)}
    gone = set(first.graph) - set(second.graph)
    assert gone and not gone & set(stored)  # nothing of the first version is left


def test_a_rejected_article_leaves_the_store_untouched(
    store: Store, write_article: WriteArticle
) -> None:
    [stored] = load_all([write_article("good.txt")], store)
    before = quads(store)
    [outcome] = load_all([write_article("broken.txt", BROKEN_BODY)], store, strict=True)
    assert outcome.report is not None and not outcome.report.conforms
    assert article_iri(outcome.article) == article_iri(
        stored.article
    )  # same URL, same graph
    assert quads(store) == before


def test_a_rejected_new_article_is_not_stored(
    store: Store, write_article: WriteArticle
) -> None:
    [outcome] = load_all(
        [write_article("broken.txt", BROKEN_BODY, url="https://example.org/other")],
        store,
        strict=True,
    )
    assert outcome.report is not None and not outcome.report.conforms
    assert not store.has_graph(article_iri(outcome.article))
    assert article_graphs(store) == []


def test_remove_graph(store: Store, write_article: WriteArticle) -> None:
    kept, removed = load_all(
        [write_article("a.txt", url="https://example.org/a"), write_article()], store
    )
    count_kept = len(kept.graph)
    store.remove_graph(article_iri(removed.article))
    assert not store.has_graph(article_iri(removed.article))
    assert article_graphs(store) == [str(article_iri(kept.article))]
    assert len(store.export_graph(article_iri(kept.article))) == count_kept
    store.remove_graph(
        URIRef("https://w3id.org/diplograph/id/article/unknown")
    )  # no error


def test_store_survives_close_and_reopen(
    store: Store, open_backend: Callable[[], Store], write_article: WriteArticle
) -> None:
    load_all([write_article()], store)
    before, graphs = quads(store), store.graphs()
    store.close()
    reopened = open_backend()
    try:
        assert reopened.graphs() == graphs
        assert quads(reopened) == before
    finally:
        reopened.close()


def test_replace_graph_is_exact(store: Store) -> None:
    graph_iri = URIRef("https://w3id.org/diplograph/id/article/manual")
    first = Graph()
    first.add(
        (
            URIRef("https://example.org/s"),
            URIRef("https://example.org/p"),
            Literal("one"),
        )
    )
    first.add(
        (
            URIRef("https://example.org/s"),
            URIRef("https://example.org/p"),
            Literal("zwei", lang="de"),
        )
    )
    store.replace_graph(graph_iri, first)
    assert by_value(store.export_graph(graph_iri)) == by_value(first)
    second = Graph()
    second.add(
        (URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal(3))
    )
    store.replace_graph(graph_iri, second)
    assert by_value(store.export_graph(graph_iri)) == by_value(second)


def test_replacing_a_graph_keeps_in_the_merged_graph_what_others_hold(
    store: Store,
) -> None:
    """The merged graph stays the union of the other graphs when one is replaced
    or removed, literals of every kind included: on Virtuoso, shared literals
    left it when the update named the old triples in a VALUES block."""
    s, p = URIRef("https://example.org/s"), URIRef("https://example.org/p")
    shared = {
        (s, p, Literal("IND")),
        (s, p, Literal("India", lang="en")),
        (s, p, Literal(256)),
        (s, p, Literal("2015-06-25", datatype=XSD.date)),
        (s, p, Literal("x" * 3000)),
        (s, p, URIRef("https://example.org/o")),
    }
    own = {(s, p, Literal("only A")), (s, p, Literal("nur A", lang="de"))}
    a = URIRef("https://w3id.org/diplograph/id/article/a")
    b = URIRef("https://w3id.org/diplograph/id/article/b")

    def graph(triples: set[tuple[URIRef, URIRef, Literal | URIRef]]) -> Graph:
        made = Graph()
        for triple in triples:
            made.add(triple)
        return made

    store.replace_graph(a, graph(shared | own))
    store.replace_graph(b, graph(shared))
    corrected = {(s, p, Literal("LKA"))}
    store.replace_graph(a, graph(corrected))
    assert by_value(store.export_graph(MERGED_GRAPH)) == by_value(
        graph(shared | corrected)
    )
    store.remove_graph(a)
    assert by_value(store.export_graph(MERGED_GRAPH)) == by_value(graph(shared))


S, P = URIRef("https://example.org/s"), URIRef("https://example.org/p")
ARTICLE = "https://w3id.org/diplograph/id/article/"


def made(*objects: str | Literal) -> Graph:
    """A graph of one triple per object: (S, P, object), strings as literals."""
    graph = Graph()
    for value in objects:
        graph.add((S, P, value if isinstance(value, Literal) else Literal(value)))
    return graph


def stored_state(store: Store, names: Iterable[str]) -> dict[str, object]:
    """The graphs ``names`` (article IRIs by their last part) and the merged
    graph, as triples compared by value."""
    state: dict[str, object] = {
        name: by_value(store.export_graph(URIRef(ARTICLE + name))) for name in names
    }
    state["merged"] = by_value(store.export_graph(MERGED_GRAPH))
    return state


def test_replace_graphs_is_replace_graph_one_by_one(store: Store) -> None:
    """One batch ends where replace_graph of each graph in turn ends: the same
    graph twice ends as its last version, an empty graph removes one, and the
    merged graph keeps a triple that one graph of the batch leaves while an
    earlier or later one brings it."""
    a, b, c, d, e, f = (URIRef(ARTICLE + name) for name in "abcdef")
    store.replace_graph(a, made("shared", "only a", "a, then e", "f, then not a"))
    store.replace_graph(b, made("shared", "only b"))
    store.replace_graphs(
        [
            (f, made("f, then not a", Literal(256), Literal("x", lang="de"))),
            (a, made("shared", "corrected a")),  # leaves two of its triples
            (b, Graph()),  # removed
            (c, made("shared", "c")),
            (d, made("first d")),
            (e, made("a, then e")),
            (d, made("last d")),  # twice: the last one stays
        ]
    )
    assert not store.has_graph(b)
    assert stored_state(store, "abcdef") == {
        "a": by_value(made("shared", "corrected a")),
        "b": set(),
        "c": by_value(made("shared", "c")),
        "d": by_value(made("last d")),
        "e": by_value(made("a, then e")),
        "f": by_value(made("f, then not a", Literal(256), Literal("x", lang="de"))),
        "merged": by_value(
            made(
                "shared",
                "corrected a",
                "c",
                "last d",
                "a, then e",
                "f, then not a",
                Literal(256),
                Literal("x", lang="de"),
            )
        ),
    }
    store.replace_graphs([])  # nothing to write: no request, no change
    assert stored_state(store, "a")["merged"] == stored_state(store, "")["merged"]


def run_update(store: Store, update: str) -> None:
    """``update`` as the backend sends its own updates (for a server: with what
    remote.UPDATE_PREFIXES puts before it)."""
    if isinstance(store, EmbeddedStore):
        store._store.update(update)
    else:
        store._post_update(update)  # type: ignore[attr-defined]


def test_dates_of_equal_value_and_other_types_keep_their_types(store: Store) -> None:
    """A year and a month of one value, on two subjects, come back as written.
    Virtuoso's endpoint stored "1999-01"^^xsd:gYearMonth as "1999"^^xsd:gYear
    when one INSERT DATA held both (and 2 of 300 generated article graphs
    written by replace_graph came back with a date of another type), unless
    told to take the data as one constant (remote.UPDATE_PREFIXES). The
    smallest update that showed it, then the store's own writes."""
    year = Literal("1999", datatype=XSD.gYear)
    month = Literal("1999-01", datatype=XSD.gYearMonth)
    graph = Graph()
    graph.add((URIRef("https://example.org/a"), P, year))
    graph.add((URIRef("https://example.org/b"), P, month))
    a, b, c = (URIRef(ARTICLE + name) for name in "abc")
    run_update(store, f"INSERT DATA {{ GRAPH <{a}> {{\n{ntriples(graph)}\n}} }}")
    store.replace_graph(b, graph)
    store.replace_graphs([(c, graph)])
    for written in (a, b, c):
        assert set(store.export_graph(written)) == set(graph)


def test_a_batch_with_a_term_no_store_takes_writes_nothing(store: Store) -> None:
    """A graph that cannot be written (an IRI with a space), last in its batch,
    is refused before the batch is sent: the graphs before it are not written."""
    a, b, c = (URIRef(ARTICLE + name) for name in "abc")
    store.replace_graph(a, made("old a"))
    before = stored_state(store, "abc")
    bad = Graph()
    bad.add((URIRef("https://example.org/with space"), P, Literal("x")))
    with pytest.raises(StoreError, match="not a valid absolute IRI"):
        store.replace_graphs([(a, made("new a")), (b, made("b")), (c, bad)])
    assert stored_state(store, "abc") == before


def test_a_batch_the_server_refuses_while_writing_leaves_none_of_it(
    store: Store,
) -> None:
    """All of a batch or none of it: Virtuoso refuses an ill-formed
    rdf:XMLLiteral only once the operations before it have run, and keeps
    those (see the next test); the store writes back what the batch's graphs
    held. Oxigraph takes such a literal, so there the whole batch is written."""
    a, b, c = (URIRef(ARTICLE + name) for name in "abc")
    store.replace_graph(a, made("old a", "shared"))
    store.replace_graph(c, made("old c", "shared"))
    before = stored_state(store, "abc")
    xml = Literal("<unclosed>", datatype=RDF.XMLLiteral)
    batch = [(a, made("new a")), (b, made("b", "shared")), (c, made(xml))]
    try:
        store.replace_graphs(batch)
    except StoreError:
        assert stored_state(store, "abc") == before
    else:
        assert stored_state(store, "abc")["a"] == by_value(made("new a"))


def test_a_failing_request_is_kept_in_part_only_where_said(
    store: Store,
) -> None:
    """What replace_graphs relies on, measured on each backend: a request whose
    last operation fails once the others have run (DROP GRAPH of a graph that
    does not exist) leaves none of it on the stores that run a request as one
    transaction (pyoxigraph, Oxigraph server), and the rest of it on
    Virtuoso, whose endpoint commits whatever ran."""
    a = URIRef(ARTICLE + "a")
    update = (
        replace_graphs_update([(a, made("a"))])
        + f" ;\nDROP GRAPH <{ARTICLE}never-written>"
    )
    transactional = (
        isinstance(store, EmbeddedStore) or store._transactional()  # type: ignore[attr-defined]
    )
    with pytest.raises((RuntimeError, StoreError)):
        run_update(store, update)
    assert store.has_graph(a) is not transactional


def test_select_sees_the_merged_graph_and_binds_terms(
    store: Store, write_article: WriteArticle
) -> None:
    ensure_ontology(store)
    load_all([write_article()], store)
    variables, rows = store.select(
        "PREFIX dg: <https://w3id.org/diplograph/ontology#> "
        "SELECT ?_url ?article ?title "
        "WHERE { GRAPH <https://w3id.org/diplograph/id/graph/merged> "
        "{ ?article dg:url ?_url ; dg:title ?title } }",
        {
            "_url": Term(
                "literal", SMALL_URL, datatype="http://www.w3.org/2001/XMLSchema#anyURI"
            )
        },
    )
    assert variables == [
        "article",
        "title",
    ]  # parameters are the caller's own values, not returned
    [row] = rows
    assert row["article"].kind == "uri" and "/id/article/" in row["article"].value
    assert row["title"] == Term(
        "literal", "Japan, S. Korea, U.S. sign intelligence memorandum"
    )


def test_construct_returns_a_graph(store: Store, write_article: WriteArticle) -> None:
    load_all([write_article()], store)
    graph = store.construct(
        "PREFIX dg: <https://w3id.org/diplograph/ontology#> "
        "CONSTRUCT { ?a dg:contentHash ?h } WHERE { ?a dg:contentHash ?h }"
    )
    assert [str(o) for o in graph.objects()] == [
        hashlib.sha256(SMALL_BODY.encode()).hexdigest()
    ]


def test_opening_a_folder_without_a_store_is_an_error(tmp_path: Path) -> None:
    from diplograph.errors import StoreError
    from diplograph.store import open_store

    # a mistyped folder must not become an empty store that answers nothing
    missing = tmp_path / "mistyped"
    with pytest.raises(StoreError, match=f"there is no store at {missing}"):
        open_store(str(missing))
    assert not missing.exists()
    open_store(str(missing), create=True).close()
    open_store(str(missing)).close()  # made once, it opens


def test_quads_stream_every_graph_or_the_quads_of_some_subjects(
    store: Store, write_article: WriteArticle
) -> None:
    [outcome] = load_all([write_article()], store)

    def shown(found: Iterable[object]) -> list[tuple[str, ...]]:
        return sorted(
            tuple(
                "_:" if isinstance(t, ox.BlankNode) else repr(from_ox(t))
                for t in (q.graph_name, q.subject, q.predicate, q.object)  # type: ignore[attr-defined]
            )
            for q in found
        )

    every = list(store.quads())
    assert shown(every) == quads(store)
    names = [q.graph_name.value for q in every]
    assert len({n for n, m in zip(names, names[1:]) if n != m}) == len(set(names)) - 1
    # one graph; some subjects (an IRI with no quads too), in every graph or in one
    merged = "https://w3id.org/diplograph/id/graph/merged"
    assert shown(store.quads(URIRef(merged))) == [q for q in quads(store) if merged in q[0]]
    article = str(article_iri(outcome.article))
    wanted = [article, "https://example.org/nothing"]
    of_article = [q for q in quads(store) if q[1] == repr(Term("uri", article))]
    assert {q[0] for q in of_article} == {repr(Term("uri", g)) for g in (article, merged)}
    assert shown(store.quads(subjects=wanted)) == of_article
    in_merged = [q for q in of_article if merged in q[0]]
    assert shown(store.quads(URIRef(merged), subjects=wanted)) == in_merged


def test_backends_are_chosen_by_scheme_from_the_registry(tmp_path: Path) -> None:
    from diplograph.errors import StoreError
    from diplograph.store import BACKENDS, open_store

    assert set(BACKENDS) == {"", "http", "https"}
    store = open_store(str(tmp_path / "s"), create=True)
    try:
        assert type(store).__name__ == "EmbeddedStore"
        assert store.folder == tmp_path / "s"
    finally:
        store.close()
    memory = open_store(":memory:")
    assert memory.folder is None
    remote = open_store("http://127.0.0.1:9/query")
    assert type(remote).__name__ == "RemoteStore" and remote.folder is None
    assert remote.update_endpoint == "http://127.0.0.1:9/update"  # type: ignore[attr-defined]
    with pytest.raises(StoreError, match="no store backend for 'ftp://x'"):
        open_store("ftp://x")
    with pytest.raises(StoreError, match="EmbeddedStore cannot take"):
        open_store(":memory:", update_endpoint="http://x/update")


def test_a_store_in_use_says_to_close_the_other_process(tmp_path: Path) -> None:
    first = EmbeddedStore(str(tmp_path), create=True)
    try:
        with pytest.raises(StoreError, match="Close other diplograph processes"):
            EmbeddedStore(str(tmp_path))
    finally:
        first.close()


@pytest.mark.parametrize(
    ("error", "hint"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "Free some disk space"),
        (OSError(errno.EACCES, "Permission denied"), "Check that you may write"),
        (OSError(errno.EROFS, "Read-only file system"), "Check that you may write"),
    ],
)
def test_a_store_that_cannot_open_gets_the_hint_of_its_error(
    error: OSError, hint: str
) -> None:
    # the lock hint ("close other processes") is for a lock, not a full disk
    assert open_hint(error).startswith(hint)
    assert "Close other" not in open_hint(error)


def test_an_answer_a_server_cut_short_is_an_error_not_fewer_rows(
    store: Store, request: pytest.FixtureRequest
) -> None:
    # Virtuoso as packaged answers at most 10,000 rows and says so in a header;
    # the other backends answer in full, which this test checks as well
    rank = URIRef("https://example.org/rank")
    for part in range(4):  # 12,000 triples, written in parts a server takes
        graph = Graph()
        for i in range(3000):
            graph.add((URIRef(f"https://example.org/s{part}-{i}"), rank, Literal(i)))
        store.replace_graph(URIRef(f"{DG_ID}test/big{part}"), graph)
    every = f"SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s <{rank}> ?o }} }}"
    if request.node.callspec.params["open_backend"] == "virtuoso":
        cut = "cut its answer at 10000 rows.*ResultSetMaxRows"
        with pytest.raises(StoreError, match=cut):
            store.select(every)
    else:
        assert len(store.select(every)[1]) == 12000
    assert len(store.select(every + " LIMIT 20")[1]) == 20


def test_a_graph_a_server_cut_short_is_an_error_not_fewer_quads(
    store: Store, request: pytest.FixtureRequest
) -> None:
    graph_iri = URIRef(f"{DG_ID}test/big")
    rank = URIRef("https://example.org/rank")
    graph = Graph()
    for i in range(12000):
        graph.add((URIRef(f"https://example.org/s{i}"), rank, Literal(i)))
    on_virtuoso = request.node.callspec.params["open_backend"] == "virtuoso"
    if on_virtuoso:
        # Virtuoso's SPARQL compiler takes no single update this big (SP030):
        # the graph is written in parts, as a client of its own would
        triples = list(graph)
        for start in range(0, len(triples), 1000):
            part = triples[start : start + 1000]
            data = " ".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in part)
            body = urllib.parse.urlencode(
                {"update": f"INSERT DATA {{ GRAPH <{graph_iri}> {{ {data} }} }}"}
            ).encode()
            urllib.request.urlopen(urllib.request.Request(store.location, body)).read()
        with pytest.raises(StoreError, match=r"gave 100\d\d of the 12000 triples"):
            list(store.quads(graph_iri))
    else:
        store.replace_graph(graph_iri, graph)
        assert len(list(store.quads(graph_iri))) == 12000
