"""An article's graph as plain triples (diplograph.plain): what a load's workers
send the loading process. Made rdflib's again only when read, the same graph;
and what a load stores is the graph its outcome gives."""

from __future__ import annotations

import pickle
from pathlib import Path
from threading import Barrier, Thread
from time import sleep

from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from diplograph.iri import article_iri
from diplograph.pipeline import Processed, load
from diplograph.plain import lazy_graph, plain_of, triples_of
from diplograph.store import open_store

FILES = sorted((Path(__file__).resolve().parent / "merge_corpus").glob("*.txt"))


def every_kind() -> Graph:
    graph = Graph()
    a, p, blank = URIRef("urn:a"), URIRef("urn:p"), BNode()
    for o in (
        URIRef("urn:b"),
        Literal("plain"),
        Literal("in English", lang="en"),
        Literal("0.85", datatype=XSD.decimal),
        Literal("2019-05", datatype=XSD.gYearMonth),
        Literal("typed string", datatype=XSD.string),
        blank,
    ):
        graph.add((a, p, o))
    graph.add((blank, p, Literal("of a blank node")))
    return graph


def test_plain_triples_give_back_the_same_graph_when_read() -> None:
    graph = every_kind()
    lazy = lazy_graph(plain_of(graph))
    assert len(lazy) == len(graph) and triples_of(lazy) is not None  # unread
    sent = pickle.loads(pickle.dumps(lazy))
    assert triples_of(sent) == triples_of(lazy)  # pickled as they are
    assert isomorphic(sent, graph) and triples_of(sent) is None  # read now
    again = pickle.loads(pickle.dumps(sent))  # pickled plain once read, too
    assert isomorphic(again, graph)
    # read through the store's contexts first: the triples are the graph's
    other = pickle.loads(pickle.dumps(lazy))
    assert list(other.store.contexts()) and isomorphic(other, graph)


def test_a_load_stores_the_graph_its_outcome_gives(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "store"), create=True)
    outcomes = [o for o in load(FILES, store) if isinstance(o, Processed)]
    assert outcomes and all(o.status == "stored" for o in outcomes)
    # the load itself never read them as rdflib graphs
    assert all(triples_of(o.graph) is not None for o in outcomes)
    for outcome in outcomes:
        stored = store.export_graph(article_iri(outcome.article))
        assert isomorphic(stored, outcome.graph)
    store.close()


def test_two_threads_reading_a_graph_at_once_both_read_all_of_it() -> None:
    """A load writes a graph to a server in a thread of its own while the
    loading thread indexes the same graph: neither may see it half made (the
    index then missed an agreement's parties, and the next article about it
    became a new agreement)."""
    whole = Graph()
    for i in range(20_000):
        whole.add((URIRef(f"urn:s{i % 500}"), URIRef("urn:p"), Literal(i)))
    expected = sorted(plain_of(whole))
    for _ in range(3):
        lazy = lazy_graph(expected)
        both = Barrier(2)
        read: list[int] = []

        def in_rdflib(graph: Graph = lazy) -> None:
            both.wait()
            read.append(len(list(graph)))

        writer = Thread(target=in_rdflib)
        writer.start()
        both.wait()
        sleep(0.02)  # while the other thread makes the rdflib triples
        plain = sorted(plain_of(lazy))
        writer.join()
        assert plain == expected and read == [len(expected)]
