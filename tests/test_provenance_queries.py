"""The provenance queries, sources-of and conflicting-claims, with their exact rows.

Four short articles written for these tests, loaded through the pipeline so
the graphs are the real ones (on every backend). Two agreements, each named,
so every article's claims land on one node even where the articles disagree:

- the Arctic Fisheries Accord: signed in 2015 by Norway and Iceland (ONE), in
  2016 by Norway and Denmark (TWO): a signing-date and a party conflict; both
  from Harbor Wire, so one independent source;
- the Pacific Intelligence Pact: signed in December 2014 by South Korea and
  Japan (THREE, Harbor Wire), on December 29, 2014 by Japan and the United
  States (FOUR, Coastal Times): the dates agree, the parties do not.
"""

from __future__ import annotations

from typing import Any

import pytest
from support import WriteArticle

from diplograph.articles import read_articles
from diplograph.iri import article_iri
from diplograph.model import Article
from diplograph.pipeline import Processed, load
from diplograph.queries import run_query
from diplograph.store import Store

S_ONE = (
    "OSLO, March 2 (Harbor Wire) -- Norway and Iceland signed the Arctic Fisheries "
    "Accord in 2015, officials said on Wednesday."
)
S_TWO = (
    "REYKJAVIK, Sept. 10 (Harbor Wire) -- Norway and Denmark signed the Arctic "
    "Fisheries Accord in 2016, a fisheries official said."
)
S_THREE = (
    "SEOUL, Jan. 5 (Harbor Wire) -- South Korea and Japan signed the Pacific "
    "Intelligence Pact in December 2014."
)
S_FOUR = (
    "TOKYO, Jan. 6 (Coastal Times) -- Japan and the United States signed the Pacific "
    "Intelligence Pact on December 29, 2014, the defence ministry said."
)
ARTICLES = {
    # name: (body, publisher, published)
    "one": (S_ONE + " The accord sets cod quotas for both fleets.\n",
            "Harbor Wire", "2016-03-02"),
    "two": (S_TWO + " Cod quotas fall next year.\n", "Harbor Wire", "2016-09-10"),
    "three": (S_THREE + " The pact covers intelligence sharing on missiles.\n",
              "Harbor Wire", "2015-01-05"),
    "four": (S_FOUR + "\n", "Coastal Times", "2015-01-06"),
}  # fmt: skip


def url(name: str) -> str:
    return f"https://example.org/q/{name}"


@pytest.fixture
def loaded(store: Store, write_article: WriteArticle) -> dict[str, str]:
    """The four articles loaded; returns name -> article IRI."""
    paths = [
        write_article(f"{name}.txt", body, url=url(name), publisher=publisher,
                      published=published, title=f"Article {name}")
        for name, (body, publisher, published) in ARTICLES.items()
    ]  # fmt: skip
    outcomes = list(load(paths, store, workers=1))
    assert [o.status for o in outcomes if isinstance(o, Processed)] == ["stored"] * 4
    iris = {}
    for name, path in zip(ARTICLES, paths, strict=True):
        [article] = read_articles([path])
        assert isinstance(article, Article)
        iris[name] = str(article_iri(article))
    return iris


def claims(
    iri: str, publisher: str, published: str, sentence: str, sources: int,
    values: list[tuple[str, str]],
) -> list[dict[str, Any]]:  # fmt: skip
    return [
        {"article": iri, "publisher": publisher, "published": published,
         "claim": claim, "value": value, "sentence": sentence,
         "independentSources": sources}
        for claim, value in values
    ]  # fmt: skip


def test_sources_of(store: Store, loaded: dict[str, str]) -> None:
    arctic = run_query(store, "sources-of", agreement="Arctic Fisheries Accord")
    assert arctic == [
        *claims(loaded["one"], "Harbor Wire", "2016-03-02", S_ONE, 1, [
            ("event", "Signing 2015"), ("kind", "Accord"),
            ("name", "Arctic Fisheries Accord"), ("party", "Iceland"),
            ("party", "Norway"), ("signingDate", "2015"),
            ("topic", "maritime_fisheries"),
        ]),
        *claims(loaded["two"], "Harbor Wire", "2016-09-10", S_TWO, 1, [
            ("event", "Signing 2016"), ("kind", "Accord"),
            ("name", "Arctic Fisheries Accord"), ("party", "Denmark"),
            ("party", "Norway"), ("signingDate", "2016"),
            ("topic", "maritime_fisheries"),
        ]),
    ]  # fmt: skip
    pacific = run_query(store, "sources-of", agreement="Pacific Intelligence Pact")
    assert pacific == [
        *claims(loaded["three"], "Harbor Wire", "2015-01-05", S_THREE, 2, [
            ("event", "Signing 2014-12"), ("kind", "Pact"),
            ("name", "Pacific Intelligence Pact"), ("party", "Japan"),
            ("party", "South Korea"), ("signingDate", "2014-12"),
            ("topic", "intelligence_sharing"), ("topic", "missiles"),
        ]),
        *claims(loaded["four"], "Coastal Times", "2015-01-06", S_FOUR, 2, [
            ("event", "Signing 2014-12-29"), ("kind", "Pact"),
            ("name", "Pacific Intelligence Pact"), ("party", "Japan"),
            ("party", "United States"), ("signingDate", "2014-12-29"),
            ("topic", "intelligence_sharing"),
        ]),
    ]  # fmt: skip
    # by IRI, the same rows
    [agreement] = {
        row["agreement"] for row in run_query(store, "agreements-of", country="ISL")
    }
    assert run_query(store, "sources-of", agreement=agreement) == arctic


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        ({"from": "2016-06"}, ["two"]),  # a month: from its first day
        ({"to": "2016-03"}, ["one"]),  # to its last day
        ({"from": "2016-03-02", "to": "2016-03-02"}, ["one"]),
        ({"from": "2016", "to": "2016"}, ["one", "two"]),
        ({"from": "2017"}, []),
    ],
)
def test_sources_of_in_a_publication_period(
    store: Store, loaded: dict[str, str], window: dict[str, str], expected: list[str]
) -> None:
    everything = run_query(store, "sources-of", agreement="Arctic Fisheries Accord")
    found = run_query(store, "sources-of", agreement="Arctic Fisheries Accord", **window)
    assert found == [row for row in everything if row["article"] in {loaded[n] for n in expected}]
    assert {row["article"] for row in found} == {loaded[n] for n in expected}


def conflict(
    label: str, claim: str,
    first: tuple[str, str], second: tuple[str, str],
) -> dict[str, Any]:  # fmt: skip
    """One row; the two (value, article name) pairs in the order the query gives
    them: the smaller value first (the earlier date, the party list first in order)."""
    if first[0] > second[0]:
        first, second = second, first
    # a GROUP_CONCAT column (the party codes): a list, in Python
    return {"label": label, "claim": claim, "value": first[0].split(),
            "source": url(first[1]), "otherValue": second[0].split(),
            "otherSource": url(second[1])}  # fmt: skip


def test_conflicting_claims(store: Store, loaded: dict[str, str]) -> None:
    def rows(**params: str) -> list[dict[str, Any]]:
        found = run_query(store, "conflicting-claims", **params)
        for row in found:
            assert row.pop("agreement").startswith(
                "https://w3id.org/diplograph/id/agreement/"
            )
        return found

    arctic = [
        conflict("Arctic Fisheries Accord", "parties",
                 ("ISL NOR", "one"), ("DNK NOR", "two")),
        conflict("Arctic Fisheries Accord", "signing date",
                 ("2015", "one"), ("2016", "two")),
    ]  # fmt: skip
    # 2014-12 and 2014-12-29 agree: only the party lists differ
    pacific = [
        conflict("Pacific Intelligence Pact", "parties",
                 ("JPN KOR", "three"), ("JPN USA", "four")),
    ]  # fmt: skip
    assert rows() == arctic + pacific
    assert rows(agreement="Arctic Fisheries Accord") == arctic
    assert rows(agreement="Pacific Intelligence Pact") == pacific
