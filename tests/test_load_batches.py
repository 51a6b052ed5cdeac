"""A load writes new articles in batches (on a server, one request for many;
in the embedded store, one ingestion of files): the store ends as a load one
article at a time leaves it, an article is told stored only once it is, and a
batch that fails leaves none of its articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef
from support import quads

from diplograph.errors import StoreError
from diplograph.iri import article_iri, is_article_iri
from diplograph.namespaces import DG
from diplograph.pipeline import Processed, load
from diplograph.store import Store, open_store
from diplograph.store.embedded import EmbeddedStore

FILES = sorted((Path(__file__).resolve().parent / "merge_corpus").glob("*.txt"))


def without_times(store: Store) -> list[tuple[str, ...]]:
    """The store's quads but the times articles were written (dg:loaded)."""
    return [q for q in quads(store) if str(DG.loaded) not in q[2]]


def test_a_load_in_batches_stores_what_one_at_a_time_stores(store: Store) -> None:
    store.write_batch = 3  # 15 articles: five full batches
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


def embedded(folder: Path, *, batch: int) -> EmbeddedStore:
    """A new embedded store on disk whose loads ingest every full batch of
    ``batch`` new articles as files (bulk_extend), as a long load's are."""
    store = open_store(str(folder), create=True)
    assert isinstance(store, EmbeddedStore)
    store.write_batch = store.bulk_from = batch
    return store


def test_ingested_batches_store_what_one_at_a_time_stores(tmp_path: Path) -> None:
    # 15 articles: three ingestions and a transaction of three
    bulk = embedded(tmp_path / "bulk", batch=4)
    assert all(o.status == "stored" for o in load(FILES, bulk))  # type: ignore[union-attr]
    single = embedded(tmp_path / "single", batch=1)
    single.bulk_from = 2  # one at a time: each a transaction
    assert all(o.status == "stored" for o in load(FILES, single))  # type: ignore[union-attr]
    assert without_times(bulk) == without_times(single)
    # and a load again finds every article stored, and changes nothing
    before = quads(bulk)
    assert {o.status for o in load(FILES, bulk)} == {"unchanged"}  # type: ignore[union-attr]
    assert quads(bulk) == before


class FailingIngestion:
    """A pyoxigraph store whose ingestions fail half-way through the quads,
    as a full disk would; everything else is the store's own."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def __getattr__(self, name: str) -> object:
        return getattr(self.store, name)

    def bulk_extend(self, quads: list[ox.Quad]) -> None:
        def half() -> Iterator[ox.Quad]:
            yield from quads[: len(quads) // 2]
            raise OSError("No space left on device")

        self.store.bulk_extend(half())


def test_a_failed_ingestion_leaves_none_of_its_articles(tmp_path: Path) -> None:
    store = embedded(tmp_path / "store", batch=4)
    told = []
    with pytest.raises(StoreError, match="none of the 4 graphs"):
        for outcome in load(FILES[:4], store):  # the first batch stored
            told.append(outcome)
        real, store._store = store._store, FailingIngestion(store._store)  # type: ignore[assignment]
        for outcome in load(FILES[4:12], store):
            told.append(outcome)
    assert len(told) == 4  # none of the failed batch told stored
    store._store = real
    stored = {g for g in store.graphs() if is_article_iri(g)}
    assert len(stored) == 4  # nor any of its graphs written, in part or whole
    # and no quad of theirs in the merged graph: a load of the first four alone
    # leaves the same store
    alone = embedded(tmp_path / "alone", batch=4)
    list(load(FILES[:4], alone))
    assert without_times(store) == without_times(alone)
    # a load again stores the rest as a load without the failure does
    statuses = [o.status for o in load(FILES, store)]  # type: ignore[union-attr]
    assert statuses == ["unchanged"] * 4 + ["stored"] * (len(FILES) - 4)
    whole = embedded(tmp_path / "whole", batch=4)
    list(load(FILES, whole))
    assert without_times(store) == without_times(whole)


def test_ctrl_c_writes_the_articles_extracted_so_far_whole(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a real SIGINT, as Ctrl-C sends it, as the ninth article comes to be
    # extracted; the batch (100) is far from full, so the eight before it were
    # still waiting to be written
    import os
    import signal

    import diplograph.pipeline as pipeline

    real = pipeline.process
    seen: list[str] = []

    def process(article: object, **options: object) -> object:
        seen.append(article.source)  # type: ignore[attr-defined]
        if len(seen) == 9:
            os.kill(os.getpid(), signal.SIGINT)
        return real(article, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "process", process)
    store.write_batch = 100
    # Python turns SIGINT into KeyboardInterrupt only if it was not ignored when
    # the interpreter started; a run under nohup or as a background job ignores it
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            for _ in load(FILES, store, workers=1):
                pass
    finally:
        signal.signal(signal.SIGINT, previous)
    # the eight are stored, whole: the load resumed finds them unchanged and
    # stores the rest
    monkeypatch.setattr(pipeline, "process", real)
    store.write_batch = 3
    statuses = [o.status for o in load(FILES, store)]  # type: ignore[union-attr]
    assert statuses == ["unchanged"] * 8 + ["stored"] * (len(FILES) - 8)
