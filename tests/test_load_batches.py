"""A load writes new articles in batches (on a server, one request for many):
the store ends as a load one article at a time leaves it, and an article is
told stored only once it is."""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef
from support import quads

from diplograph.iri import article_iri
from diplograph.namespaces import DG
from diplograph.pipeline import Processed, load
from diplograph.store import Store

FILES = sorted((Path(__file__).resolve().parent / "merge_corpus").glob("*.txt"))


def without_times(store: Store) -> list[tuple[str, ...]]:
    """The store's quads but the times articles were written (dg:loaded)."""
    return [q for q in quads(store) if str(DG.loaded) not in q[2]]


def test_a_load_in_batches_stores_what_one_at_a_time_stores(store: Store) -> None:
    store.write_batch = 3  # 16 articles: five full batches and one of one
    assert all(o.status == "stored" for o in load(FILES, store))  # type: ignore[union-attr]
    batched = without_times(store)
    for graph in store.graphs():  # emptied, as the tests' servers are
        if graph.startswith("https://w3id.org/diplograph/"):
            store.remove_graph(URIRef(graph))
    store.write_batch = 1
    assert all(o.status == "stored" for o in load(FILES, store))  # type: ignore[union-attr]
    assert without_times(store) == batched
    # and a load again finds every article stored, in batches or not
    store.write_batch = 3
    assert {o.status for o in load(FILES, store)} == {"unchanged"}  # type: ignore[union-attr]


def test_an_article_is_told_stored_once_it_is_written(store: Store) -> None:
    store.write_batch = 5
    told = 0
    for outcome in load(FILES, store):
        assert isinstance(outcome, Processed) and outcome.status == "stored"
        assert store.has_graph(article_iri(outcome.article))
        told += 1
    assert told == len(FILES)


def test_the_same_article_twice_in_a_batch_is_found_stored(
    store: Store, tmp_path: Path
) -> None:
    store.write_batch = 8
    again = tmp_path / "again.txt"
    again.write_bytes(FILES[0].read_bytes())  # the same URL and text
    statuses = [o.status for o in load([*FILES[:3], again], store)]  # type: ignore[union-attr]
    assert statuses == ["stored", "stored", "stored", "unchanged"]
