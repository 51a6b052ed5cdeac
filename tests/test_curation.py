"""Curation: remove an article, re-extract, list and split merges (every backend).

Four articles of ``merge_corpus/``: two about the 2014 Japan-Australia trade
deal (the second is merged into the first's node by the parties rule), the
2022 Japan-Australia defence accord, and the 2015 India-Bangladesh land
boundary agreement, each reported by one article.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Literal, URIRef
from support import WriteArticle, quads

from diplograph import curation
from diplograph.articles import read_articles
from diplograph.errors import DiplographError
from diplograph.iri import article_iri
from diplograph.model import Article
from diplograph.namespaces import DG
from diplograph.pipeline import Processed, load
from diplograph.queries import run_query
from diplograph.iri import CURATION_GRAPH
from diplograph.store import Store, Term

CORPUS = Path(__file__).resolve().parent / "merge_corpus"
TRADE_DAY, TRADE_YEAR, DEFENCE, LAND = (
    CORPUS / f"{stem}.txt"
    for stem in (
        "jpn-aus-trade-day",
        "jpn-aus-trade-year",
        "jpn-aus-defence-day",
        "ind-bgd-land-day",
    )
)
FOUR = [TRADE_DAY, TRADE_YEAR, DEFENCE, LAND]


def read(path: Path) -> Article:
    [article] = read_articles([path])
    assert isinstance(article, Article)
    return article


def iri(path: Path) -> str:
    return str(article_iri(read(path)))


def statuses(store: Store, paths: list[Path]) -> list[str]:
    outcomes = list(load(paths, store, workers=1))
    assert all(isinstance(o, Processed) for o in outcomes), outcomes
    return [o.status for o in outcomes if isinstance(o, Processed)]


def sources_by_agreement(store: Store, country: str) -> dict[str, set[str]]:
    """agreements-of as agreement -> the URLs of the articles reporting it."""
    return {
        row["agreement"]: set(row["sources"])
        for row in run_query(store, "agreements-of", country=country)
    }


def node_of(store: Store, path: Path) -> str:
    """The agreement node the (one-agreement) article was resolved to."""
    _, rows = store.select(
        "PREFIX dg: <https://w3id.org/diplograph/ontology#> SELECT ?_g ?a "
        "WHERE { GRAPH ?_g { ?r a dg:Resolution ; dg:resolvedAgreement ?a } }",
        {"_g": Term("uri", iri(path))},
    )
    [row] = rows
    return row["a"].value


@pytest.fixture
def four(store: Store) -> Store:
    assert statuses(store, FOUR) == ["stored"] * 4
    return store


def url(path: Path) -> str:
    value = read(path).url
    assert value
    return value


# ---------------------------------------------------------------------------
# remove
# ---------------------------------------------------------------------------


def test_remove_by_file_stem_url_iri_and_hash(four: Store) -> None:
    trade = node_of(four, TRADE_DAY)
    assert node_of(four, TRADE_YEAR) == trade  # one node, two articles
    assert set(sources_by_agreement(four, "AUS")) == {trade, node_of(four, DEFENCE)}
    assert len(sources_by_agreement(four, "BGD")) == 1

    # by file stem: the land agreement only this article reported disappears
    assert curation.remove(four, "ind-bgd-land-day") == [iri(LAND)]
    assert not four.has_graph(URIRef(iri(LAND)))
    assert sources_by_agreement(four, "BGD") == {}

    # by URL: the trade deal stays, now reported by the other article alone
    assert curation.remove(four, url(TRADE_DAY)) == [iri(TRADE_DAY)]
    assert sources_by_agreement(four, "AUS")[trade] == {url(TRADE_YEAR)}

    # by IRI: the defence accord goes
    assert curation.remove(four, iri(DEFENCE)) == [iri(DEFENCE)]
    assert set(sources_by_agreement(four, "AUS")) == {trade}

    # by content hash: the last one, and the trade deal with it
    assert curation.remove(four, read(TRADE_YEAR).content_hash) == [iri(TRADE_YEAR)]
    assert sources_by_agreement(four, "JPN") == {}
    assert not [g for g in four.graphs() if "/id/article/" in g]


def test_remove_by_path_and_refs_matching_nothing(store: Store) -> None:
    assert statuses(store, [LAND, DEFENCE]) == ["stored", "stored"]
    before = quads(store)
    for ref in ("no-such-file", "https://example.org/nowhere", iri(LAND) + "0"):
        with pytest.raises(DiplographError, match="no stored article matches"):
            curation.remove(store, ref)
    assert quads(store) == before
    assert curation.remove(store, str(LAND)) == [iri(LAND)]  # a path, folders and all
    assert store.has_graph(URIRef(iri(DEFENCE)))


def test_remove_by_url_spares_an_article_whose_file_has_the_url_s_last_name(
    store: Store, write_article: WriteArticle
) -> None:
    """A URL ending in ``/b`` is not the file ``b.txt`` of another article."""
    named = write_article("a.txt", "Norway and Iceland signed a fisheries agreement.\n",
                          url="https://example.org/wire/b")  # fmt: skip
    other = write_article("b.txt", "Japan and South Korea signed a trade agreement.\n",
                          url="https://example.org/wire/other")  # fmt: skip
    assert statuses(store, [named, other]) == ["stored", "stored"]
    assert curation.remove(store, "https://example.org/wire/b") == [iri(named)]
    assert store.has_graph(URIRef(iri(other)))


# ---------------------------------------------------------------------------
# reload
# ---------------------------------------------------------------------------


def test_reload_lists_an_article_an_older_extractor_stored_without_agreement(
    store: Store, write_article: WriteArticle
) -> None:
    """Stores written before articles that report nothing were typed so: reload
    makes their graphs again, and the listing finds them."""
    storm = write_article("storm.txt", "Heavy rain closed the port of Tema.\n",
                          url="https://example.org/wire/storm")  # fmt: skip
    assert statuses(store, [storm]) == ["stored"]
    old = URIRef(iri(storm))
    graph = store.export_graph(old)
    graph.remove((old, RDF.type, DG.ArticleWithoutAgreement))  # as 0.2.0 wrote it
    graph.set((old, DG.extractor, Literal("0.2.0")))
    store.replace_graph(old, graph)
    assert run_query(store, "articles-without-agreements") == []

    assert [(s.iri, status) for s, status in curation.reload(store)] == [
        (str(old), "changed")
    ]
    [row] = run_query(store, "articles-without-agreements")
    assert str(row["article"]) == str(old)


def test_reload_with_the_same_extractor_changes_nothing(four: Store) -> None:
    before = quads(four)
    assert curation.reload(four) == []  # nothing made by another version
    results = curation.reload(four, everything=True)
    assert sorted((s.iri, status) for s, status in results) == sorted(
        (iri(p), "unchanged") for p in FOUR
    )
    assert quads(four) == before


def test_reload_re_extracts_an_article_of_an_older_extractor(four: Store) -> None:
    before = quads(four)
    graphs = {p: set(four.export_graph(URIRef(iri(p)))) for p in FOUR}
    old = URIRef(iri(TRADE_YEAR))
    graph = four.export_graph(old)
    [current] = graph.objects(old, DG.extractor)
    graph.set((old, DG.extractor, Literal("0.0.1-old")))
    four.replace_graph(old, graph)
    assert quads(four) != before

    assert [(s.iri, status) for s, status in curation.reload(four)] == [
        (str(old), "changed")
    ]
    # as the current extractor makes it
    assert set(four.export_graph(old)) == graphs[TRADE_YEAR]
    assert (old, DG.extractor, current) in four.export_graph(old)
    for path in (TRADE_DAY, DEFENCE, LAND):
        assert set(four.export_graph(URIRef(iri(path)))) == graphs[path]
    assert node_of(four, TRADE_YEAR) == node_of(four, TRADE_DAY)  # still merged
    assert quads(four) == before
    assert curation.reload(four) == []


# ---------------------------------------------------------------------------
# merges and split
# ---------------------------------------------------------------------------


def merge_rows(store: Store) -> list[dict[str, str]]:
    variables, rows = curation.merges(store)
    assert variables == [
        "agreement", "label", "article", "file", "rule", "score", "supportedBy"
    ]  # fmt: skip
    return [{k: v.value for k, v in row.items()} for row in rows]


def test_merges_and_split_keep_an_article_apart_for_good(
    four: Store, write_article: WriteArticle
) -> None:
    node = node_of(four, TRADE_DAY)
    # merges lists the one merge, with its rule, score and supporting article
    assert merge_rows(four) == [
        {
            "agreement": node,
            "label": "deal between Australia and Japan",
            "article": iri(TRADE_YEAR),
            "file": "jpn-aus-trade-year",
            "rule": "parties",
            "score": "0.8",
            "supportedBy": iri(TRADE_DAY),
        }
    ]

    assert curation.split(four, node, "jpn-aus-trade-year") == [iri(TRADE_YEAR)]

    assert node_of(four, TRADE_DAY) == node
    apart = node_of(four, TRADE_YEAR)
    assert apart != node
    separations = four.export_graph(CURATION_GRAPH)
    [separation] = separations.subjects(DG.separatedArticle, URIRef(iri(TRADE_YEAR)))
    assert (separation, DG.separatedAgreement, URIRef(node)) in separations
    assert merge_rows(four) == []
    assert sources_by_agreement(four, "AUS") == {
        node: {url(TRADE_DAY)},
        apart: {url(TRADE_YEAR)},
        node_of(four, DEFENCE): {url(DEFENCE)},
    }

    # the same text again: unchanged, still apart
    assert statuses(four, [TRADE_YEAR]) == ["unchanged"]
    assert node_of(four, TRADE_YEAR) == apart

    # a corrected text under the same URL: re-resolved, and still not merged
    article = read(TRADE_YEAR)
    corrected = write_article(
        "jpn-aus-trade-year.txt",
        article.text.replace("Exporters expect", "Car exporters expect"),
        url=article.url, publisher=article.publisher,
        published=article.published.isoformat(), title=article.title,
    )  # fmt: skip
    assert statuses(four, [corrected]) == ["stored"]
    assert node_of(four, TRADE_YEAR) != node
    assert merge_rows(four) == []


def test_split_needs_a_stored_article_and_agreement(store: Store) -> None:
    assert statuses(store, [TRADE_DAY]) == ["stored"]
    node = node_of(store, TRADE_DAY)
    with pytest.raises(DiplographError, match="no stored article matches"):
        curation.split(store, node, "no-such-article")
    with pytest.raises(DiplographError, match="no agreement named"):
        curation.split(store, "Treaty of Nowhere", "jpn-aus-trade-day")
    assert len(store.export_graph(CURATION_GRAPH)) == 0


def test_split_refuses_to_separate_nothing(store: Store) -> None:
    assert statuses(store, [TRADE_DAY, LAND]) == ["stored", "stored"]
    node = node_of(store, TRADE_DAY)
    # an article that never reported the agreement
    with pytest.raises(DiplographError, match="does not report"):
        curation.split(store, node, "ind-bgd-land-day")
    # the only article that reports it: a split would only rename the node
    with pytest.raises(DiplographError, match="no other article to split it from"):
        curation.split(store, node, "jpn-aus-trade-day")
    assert node_of(store, TRADE_DAY) == node
    assert len(store.export_graph(CURATION_GRAPH)) == 0


def test_split_a_named_instrument(store: Store) -> None:
    """New START by name and by its long name: one node (the instrument's).

    Split off, the article's New START cannot take the instrument's node again,
    so it gets one of its own ("split"); merges lists it no more.
    """
    name, long_name = CORPUS / "start-name.txt", CORPUS / "start-long-name.txt"
    assert statuses(store, [name, long_name]) == ["stored", "stored"]
    node = node_of(store, name)
    assert node_of(store, long_name) == node
    assert [r["article"] for r in merge_rows(store)] == [iri(long_name)]

    assert curation.split(store, "New START", iri(name)) == [iri(name)]
    assert node_of(store, name) != node and node_of(store, long_name) == node
    _, rows = store.select(
        "PREFIX dg: <https://w3id.org/diplograph/ontology#> SELECT ?_g ?rule "
        "WHERE { GRAPH ?_g { ?r a dg:Resolution ; dg:rule ?rule } }",
        {"_g": Term("uri", iri(name))},
    )
    assert [row["rule"].value for row in rows] == ["split"]
    assert [r["article"] for r in merge_rows(store)] == [iri(long_name)]
    assert statuses(store, [name, long_name]) == ["unchanged", "unchanged"]
    assert node_of(store, name) != node
