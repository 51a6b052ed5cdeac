"""Queries paged for less than their whole listing give the rows they gave before.

A saved query may mark the subquery that lists what its rows are made of
(``#@page``: the page's entries only are matched) and the OPTIONALs that the
count leaves out (``#@uncounted``); see ``diplograph.sparql.layout``. Each such
query is compared here with the query as it was written before
(``tests/data/queries-before-paging``): the whole listing, every page of
several sizes (rows and their order) and the totals, for every agreement the
store holds and several periods, on a store of the project's example articles
with the query library's and the provenance tests' articles (on every backend).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import BACKENDS
from support import EXAMPLES, WriteArticle
from test_provenance_queries import ARTICLES as PROVENANCE_ARTICLES
from test_query_library import ARTICLES as LIBRARY_ARTICLES

from diplograph.arrivals import ARRIVED
from diplograph.articles import iter_paths
from diplograph.errors import QueryError
from diplograph.pipeline import Processed, load
from diplograph.queries import count_rows, load_query, run_query, saved_queries
from diplograph.sparql.layout import (
    PAGE_MARKER,
    _is_marker,
    _tokens,
    counted,
    nested,
    paged,
)
from diplograph.store import Store

BEFORE = Path(__file__).resolve().parent / "data" / "queries-before-paging"
REFERENCES = sorted(path.stem for path in BEFORE.glob("*.rq"))
PERIODS = [{}, {"from": "2013-06-04", "to": "2015-03"}]
# Articles that report no agreement (written for these tests), so that
# articles-without-agreements lists more than a few: two share a day (their
# titles decide), titles shorter and longer than 20 characters (Virtuoso 7.2
# sorts those apart), one without a publisher.
UNREPORTING = {
    # name: (publisher, published, title, body)
    "rain": (
        "Harbor Wire",
        "2015-03-11",
        "Rain",
        "LIMA, March 11 (Harbor Wire) -- "
        "Heavy rain closed two roads north of the capital, the police said.",
    ),
    "harvest": (
        "Coastal Times",
        "2015-03-11",
        "Harvest festival draws record crowds",
        "TALLINN, March 11 (Coastal Times) -- A harvest festival drew "
        "record crowds to the old town over the weekend.",
    ),
    "ferry": (
        "Harbor Wire",
        "2016-01-04",
        "Ferry timetable changes",
        "HELSINKI, Jan. 4 (Harbor Wire) -- The winter ferry timetable starts "
        "on Monday, with fewer crossings at night.",
    ),
    "museum": (
        "",
        "2016-01-04",
        "A museum reopens after a long renovation",
        "VIENNA, Jan. 4 -- The city museum reopened after two years of "
        "renovation, with a new wing for its maps.",
    ),
    "marathon": (
        "Coastal Times",
        "2013-09-30",
        "Marathon",
        "SEOUL, Sept. 30 (Coastal Times) -- Thousands ran the autumn "
        "marathon along the river on Sunday.",
    ),
    "bridge": (
        "Harbor Wire",
        "2014-02-17",
        "Old bridge repaired",
        "BUDAPEST, Feb. 17 (Harbor Wire) -- Repairs to the old bridge ended "
        "a month early, the city said.",
    ),
    "library": (
        "Coastal Times",
        "2012-06-01",
        "Library extends its opening hours",
        "WARSAW, June 1 (Coastal Times) -- The national library will open "
        "until ten in the evening from next week.",
    ),
    "snow": (
        "Harbor Wire",
        "2017-12-12",
        "Snow",
        "OSLO, Dec. 12 (Harbor Wire) -- "
        "Snow delayed trains across the south of the country.",
    ),
}
# More articles that disagree about the Arctic Fisheries Accord of
# test_provenance_queries (on when it was signed, and by whom), so that
# conflicting-claims lists more than a few pairs; two without a URL, whose
# titles are their sources, one shorter and one longer than 20 characters.
DISAGREEING = {
    # name: (url, published, title, body)
    "cod": (
        None,
        "2016-03-05",
        "Cod",
        "BERGEN, March 5 (Harbor Wire) -- Norway and Iceland signed the Arctic "
        "Fisheries Accord in 2015, the fisheries ministry said.",
    ),
    "quotas": (
        None,
        "2016-09-12",
        "Fleets prepare for lower cod quotas",
        "TORSHAVN, Sept. 12 (Harbor Wire) -- Norway and Denmark signed the Arctic "
        "Fisheries Accord in 2016, officials said.",
    ),
    "sweden": (
        "https://example.org/pages/arctic-sweden",
        "2017-04-03",
        "Arctic accord",
        "STOCKHOLM, April 3 (Harbor Wire) -- Norway and Sweden signed the Arctic "
        "Fisheries Accord in 2017, the government said.",
    ),
}


@pytest.fixture(scope="module", params=sorted(BACKENDS))
def corpus(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp(f"page-bounds-{request.param}")
    paths = list(iter_paths([EXAMPLES]))
    written = [
        (f"lib-{name}", publisher, published, body)
        for name, (publisher, published, _title, body) in LIBRARY_ARTICLES.items()
    ] + [
        (f"prov-{name}", publisher, published, body)
        for name, (body, publisher, published) in PROVENANCE_ARTICLES.items()
    ]
    titles = {f"none-{name}": title for name, (_, _, title, _) in UNREPORTING.items()}
    written += [
        (f"none-{name}", publisher, published, body)
        for name, (publisher, published, _title, body) in UNREPORTING.items()
    ]
    write = WriteArticle(folder / "articles")
    paths += [
        write(f"disagree-{name}.txt", f"{body}\n", url=url, publisher="Harbor Wire",
              published=published, title=title)
        for name, (url, published, title, body) in DISAGREEING.items()
    ]  # fmt: skip
    paths += [
        write(
            f"{name}.txt",
            f"{body}\n",
            url=f"https://example.org/pages/{name}",
            publisher=publisher or None,  # one has none
            published=published,
            title=titles.get(name, f"Article {name}"),
        )
        for name, publisher, published, body in written
    ]
    store = BACKENDS[request.param](folder)
    outcomes = list(load(paths, store, workers=1))
    assert [o.status for o in outcomes if isinstance(o, Processed)] == ["stored"] * len(
        paths
    )
    yield store
    store.close()


def agreements(store: Store) -> list[str]:
    _, rows = store.select(
        "SELECT DISTINCT ?a WHERE { "
        "?a a <https://w3id.org/diplograph/ontology#Agreement> }"
    )
    return sorted(row["a"].value for row in rows)


def parameter_sets(store: Store, name: str) -> list[dict[str, str]]:
    """Values for the query's parameters: every agreement, and periods."""
    names = {p.name for p in saved_queries()[name].parameters}
    sets: list[dict[str, str]] = [{}]
    if "agreement" in names:
        sets = [{"agreement": a} for a in agreements(store)]
    if {"from", "to"} <= names:
        sets = [{**values, **period} for values in sets for period in PERIODS]
    return sets


def listed(rows: Any) -> list[dict[str, Any]]:
    """Rows with their list columns sorted (GROUP_CONCAT leaves the order open)."""
    return [
        {k: sorted(v) if isinstance(v, list) else v for k, v in row.items()}
        for row in rows
    ]


def test_some_saved_query_is_paged_by_its_entries() -> None:
    marked = {n for n, q in saved_queries().items() if PAGE_MARKER in q.text}
    assert "sources-of" in marked
    assert marked <= set(REFERENCES)  # each is compared with what it was


@pytest.mark.parametrize("name", REFERENCES)
def test_every_page_and_total_are_those_of_the_query_before(
    corpus: Store, name: str
) -> None:
    before = str(BEFORE / f"{name}.rq")
    compared = 0
    sets = parameter_sets(corpus, name)
    if str(corpus.location).startswith("http"):
        # a server answers in 0.3 s: some of them, and the longest listing
        sizes = [len(run_query(corpus, before, **params)) for params in sets]
        longest = sizes.index(max(sizes))
        sets = [p for i, p in enumerate(sets) if i % 5 == 0 or i == longest]
    for params in sets:
        expected = listed(run_query(corpus, before, **params))
        assert listed(run_query(corpus, name, **params)) == expected, params
        assert count_rows(corpus, name, **params) == len(expected), params
        assert count_rows(corpus, before, **params) == len(expected), params
        for size in (1, 3, 50):
            for offset in range(0, len(expected) + size, size):
                page = listed(
                    run_query(corpus, name, limit=size, offset=offset, **params)
                )
                assert page == expected[offset : offset + size], (params, size, offset)
        compared += len(expected)
    # the corpus gives these queries something to list (status-as-of lists 8
    # rows for the agreements a server is asked about)
    assert compared > (5 if str(corpus.location).startswith("http") else 10)


@pytest.mark.parametrize("name", REFERENCES)
def test_rows_new_since_a_time_are_those_of_the_query_before(
    corpus: Store, name: str, request: pytest.FixtureRequest
) -> None:
    """A feed sorts the rows otherwise: the page of its own is not bounded by
    the query's list (nested() takes the marker out)."""
    if not saved_queries()[name].has_feed:
        pytest.skip(f"{name} has no feed: its rows have no time they arrived")
    before = str(BEFORE / f"{name}.rq")
    # Virtuoso 7.2 gives the timeline before's rows of one agreement, reported
    # by two articles that arrived apart, each other's times: there, the same
    # rows, and the new query's newest first
    swapped = name == "agreement-timeline" and (
        request.node.callspec.params["corpus"] == "virtuoso"
    )
    for params in parameter_sets(corpus, name)[:2]:
        for limit in (None,) if swapped else (None, 2):
            found = run_query(corpus, name, since="2000-01-01", limit=limit, **params)
            expected = run_query(
                corpus, before, since="2000-01-01", limit=limit, **params
            )
            if not swapped:
                assert listed(found) == listed(expected), (params, limit)
                continue
            rows = _without_times(listed(found))
            assert rows == _without_times(listed(expected)), params
            times = [row[ARRIVED] for row in found]
            assert times == sorted(times, reverse=True), params


def _without_times(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(
        repr(sorted((k, v) for k, v in r.items() if k != ARRIVED)) for r in rows
    )


def test_page_marker_limits_the_subquery_to_the_entries_of_the_page() -> None:
    text = load_query("sources-of").text
    assert "LIMIT 30" in paged(text, limit=10, offset=20)
    # every row, or no limit: the list is whole, and its own order is left out
    # with the marker (a subquery's order means nothing unless it is limited)
    for built in (paged(text), paged(text, offset=5), counted(text), nested(text)[2]):
        assert not any(_is_marker(t, PAGE_MARKER) for t in _tokens(built))
        assert "LIMIT" not in built
        assert not re.search(r"ORDER BY \?published \?article(?! \?claim)", built)
    assert "ORDER BY ?published ?article ?claim" in paged(text, offset=5)


def test_page_marker_outside_a_subquery_is_refused() -> None:
    with pytest.raises(QueryError, match="subquery"):
        paged("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s #@page\n", limit=3)


def test_page_marker_without_an_order_is_refused_when_unpaged() -> None:
    with pytest.raises(QueryError, match="ORDER BY"):
        paged("SELECT ?s { { SELECT ?s { ?s ?p ?o } #@page\n } }")


def test_uncounted_optional_is_left_out_of_a_grouped_count_only() -> None:
    grouped = (
        "SELECT ?s (MIN(?q) AS ?m) WHERE { ?s ?p ?o\n"
        "  OPTIONAL { #@uncounted\n ?o ?r ?q } } GROUP BY ?s"
    )
    assert "?r" not in counted(grouped)
    # not grouped, an OPTIONAL may add rows: it is counted
    plain = "SELECT ?s ?q WHERE { ?s ?p ?o OPTIONAL { #@uncounted\n ?o ?r ?q } }"
    assert "?r" in counted(plain)


def test_uncounted_group_is_left_out_of_a_grouped_count_only() -> None:
    grouped = (
        "SELECT ?s (COUNT(?q) AS ?n) WHERE { { SELECT DISTINCT ?s { ?s ?p ?o } }\n"
        "  { #@uncounted\n ?s ?r ?q } } GROUP BY ?s"
    )
    built = counted(grouped)
    assert "?r" not in built and "?p" in built
    plain = "SELECT ?s ?q WHERE { ?s ?p ?o { #@uncounted\n ?o ?r ?q } }"
    assert "?r" in counted(plain)
