"""Change feeds: the rows of a saved query new since a time, as an Atom feed of
``diplograph serve`` (read by feedparser, as a feed reader reads it), as
``diplograph query --since`` and as ``run_query(..., since=)`` on every store
backend.

The articles are written here: two loaded first (a trilateral memorandum on
North Korea, a trade agreement), then, after the time the tests ask from, a
new memorandum on North Korea and a second report of the first one, which
must not bring it back.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from rdflib import XSD, Literal
from served import Server, start_server, stop_server
from support import WriteArticle

from diplograph.articles import read_articles
from diplograph.cli import main
from diplograph.curation import reload
from diplograph.errors import QueryError
from diplograph.iri import article_iri
from diplograph.namespaces import DG
from diplograph.pipeline import load
from diplograph.queries import run_query
from diplograph.store import Store

TRILATERAL = (
    "TOKYO, June 25 (Example Wire) -- Japan, South Korea and the United States "
    "signed a memorandum of understanding in December on sharing intelligence on "
    "North Korea's missile programs, officials said on Thursday.\n"
)
TRADE = (
    "HANOI, July 2 (Example Wire) -- Vietnam and Chile signed a free trade "
    "agreement on Thursday, the trade ministry said.\n"
)
BILATERAL = (
    "SEOUL, Sept. 8 (Example Post) -- South Korea and Australia signed a "
    "memorandum of understanding on Tuesday on sharing intelligence on North "
    "Korea's nuclear program, officials said.\n"
)
REPEAT = (
    "TOKYO, June 26 (Example Daily) -- Japan, South Korea and the United States "
    "signed a memorandum of understanding in December on sharing intelligence on "
    "North Korea's missile programs, a government official said on Friday.\n"
)
TRILATERAL_URL = "https://example.org/wire/2015/06/25/intelligence-memorandum"
BILATERAL_URL = "https://example.org/post/2015/09/08/seoul-canberra-intelligence"
REPEAT_URL = "https://example.org/daily/2015/06/26/trilateral-memorandum"
FEED = "/api/queries/agreements-concerning.atom?country=PRK"


@dataclass(frozen=True)
class Articles:
    before: list[Path]  # loaded before the time asked from
    after: list[Path]  # loaded after it


def _articles(write_article: WriteArticle) -> Articles:
    return Articles(
        before=[
            write_article("trilateral.txt", TRILATERAL, url=TRILATERAL_URL,
                          title="Japan, S. Korea, U.S. sign memorandum"),
            write_article("trade.txt", TRADE, published="2015-07-02",
                          url="https://example.org/wire/2015/07/02/trade",
                          title="Vietnam and Chile sign trade pact"),
        ],
        after=[
            write_article("bilateral.txt", BILATERAL, url=BILATERAL_URL,
                          published="2015-09-08", publisher="Example Post",
                          title="Seoul and Canberra to share intelligence"),
            write_article("repeat.txt", REPEAT, url=REPEAT_URL,
                          published="2015-06-26", publisher="Example Daily",
                          title="Three allies sign memorandum"),
        ],
    )  # fmt: skip


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Loaded:
    folder: Path
    between: str  # a time after the first articles were loaded, before the others


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    folder = tmp_path_factory.mktemp("feeds")
    articles = _articles(WriteArticle(folder / "articles"))
    store = folder / "store"
    assert (
        main(["load", *map(str, articles.before), "--store", str(store), "--quiet"])
        == 0
    )
    between = _now()
    assert (
        main(["load", *map(str, articles.after), "--store", str(store), "--quiet"]) == 0
    )
    return Loaded(store, between)


@pytest.fixture(scope="module")
def server(loaded: Loaded) -> Iterator[Server]:
    started = start_server(loaded.folder)
    yield started
    stop_server(started)


def _feed(server: Server, path: str) -> feedparser.FeedParserDict:
    status, headers, body = server.get(path)
    assert status == 200, body.decode()
    assert headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def _since(value: str) -> str:
    return "since=" + urllib.parse.quote(value)


def test_the_feed_since_a_time_has_only_the_rows_new_since(
    server: Server, loaded: Loaded
) -> None:
    feed = _feed(server, FEED + "&" + _since(loaded.between))
    [entry] = feed.entries  # not the trilateral memorandum, repeated since
    assert (
        entry.title == "memorandum of understanding between Australia and South Korea"
    )
    assert entry.updated > loaded.between
    assert entry.id.startswith("urn:uuid:")
    links = {link.rel: link.href for link in entry.links}
    assert links["alternate"] == BILATERAL_URL  # the article that reports it
    assert links["related"].startswith("https://w3id.org/diplograph/id/agreement/")
    assert "parties: Australia, South Korea" in entry.summary
    assert feed.feed.updated == entry.updated
    assert feed.feed.title.endswith("(country=PRK)")
    assert any(link.rel == "self" for link in feed.feed.links)


def test_without_since_the_newest_rows_come_newest_first(
    server: Server, loaded: Loaded
) -> None:
    feed = _feed(server, FEED)
    titles = [entry.title for entry in feed.entries]
    assert titles == [
        "memorandum of understanding between Australia and South Korea",
        "memorandum of understanding between Japan, South Korea and United States",
    ]
    newer, older = feed.entries
    assert older.updated < loaded.between < newer.updated
    # the repeat made the older one's sources two, not its time later
    assert TRILATERAL_URL in older.summary and REPEAT_URL in older.summary
    assert {link.href for link in older.links} >= {TRILATERAL_URL, REPEAT_URL}
    # one entry per row, the same id whenever it comes, another in another feed
    since = _feed(server, FEED + "&" + _since(loaded.between))
    assert since.entries[0].id == newer.id
    assert since.feed.id == feed.feed.id
    other = _feed(server, FEED.replace("PRK", "KOR"))
    assert other.feed.id != feed.feed.id
    assert _feed(server, FEED + "&limit=1").entries[0].id == newer.id


def test_every_query_with_an_agreement_article_or_source_has_a_feed(
    server: Server, loaded: Loaded
) -> None:
    everything = _feed(server, "/api/queries/agreements.atom")
    assert len(everything.entries) == 3  # the memoranda and the trade agreement
    new = _feed(server, "/api/queries/agreements.atom?" + _since(loaded.between))
    assert [e.title for e in new.entries] == [
        "memorandum of understanding between Australia and South Korea"
    ]
    # a row per event report, with its source: the repeat's report is new
    timeline = _feed(
        server,
        "/api/queries/agreement-timeline.atom?agreement="
        + urllib.parse.quote("memorandum of understanding between Japan, South "
                             "Korea and United States")
        + "&" + _since(loaded.between),
    )  # fmt: skip
    assert [link.href for e in timeline.entries for link in e.links][:1] == [REPEAT_URL]
    future = _feed(server, FEED + "&" + _since("2999-01-01"))
    assert future.entries == [] and future.feed.updated.startswith("2999-01-01")


@pytest.mark.parametrize(
    ("query", "said"),
    [
        (FEED + "&" + _since("2015-13-01"), b"since must be a date"),
        (FEED + "&" + _since("yesterday"), b"since must be a date"),
        (FEED + "&" + _since('2015-01-01"^^<x> } DROP ALL #'), b"since must be a date"),
        (FEED + "&" + _since("2015-01-01\x00"), b"since must be a date"),
        (FEED + "&" + _since("9" * 5000), b"since must be a date"),
        (FEED + ("&" + _since("2015-01-01")) * 2, b"'since' is given twice"),
        (FEED + "&limit=many", b"limit must be a whole number"),
        (FEED + "&limit=999999999", b"over this server's row limit"),
        ("/api/queries/agreements-per-year.atom", b"no agreement, article or source"),
    ],
)
def test_hostile_and_wrong_values_are_refused(
    server: Server, query: str, said: bytes
) -> None:
    status, headers, body = server.get(query)
    assert status == 400 and said in body, body
    assert headers["content-type"].startswith("text/plain")


def test_parameters_are_checked_as_for_the_rows(server: Server) -> None:
    for asked in ("?country=Nroth%20Korea", "?land=PRK", ""):
        path = "/api/queries/agreements-concerning"
        as_rows = server.get(path + asked)
        as_feed = server.get(path + ".atom" + asked)
        assert as_rows[0] == as_feed[0] == 400
        assert as_rows[2] == as_feed[2]  # the same message
    assert server.get("/api/queries/no-such-query.atom")[0] == 404


def test_the_store_still_answers_the_plain_rows(server: Server) -> None:
    status, _, body = server.get("/api/queries/agreements-concerning?country=PRK")
    assert status == 200
    assert [row.get("arrived") for row in json.loads(body)] == [None, None]


# --- diplograph query --since ------------------------------------------------


def _query(loaded: Loaded, *args: str) -> list[str]:
    return ["query", *args, "--store", str(loaded.folder)]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_query_since_gives_the_new_rows_in_every_format(
    loaded: Loaded, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _query(loaded, "agreements-concerning", "--param", "country=PRK",
                  "--since", loaded.between, "--format", fmt)  # fmt: skip
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Australia" in out and "United States" not in out
    assert "arrived" in out
    if fmt == "json":
        [row] = json.loads(out)["results"]["bindings"]
        assert row["arrived"]["datatype"].endswith("#dateTime")
        assert row["arrived"]["value"] > loaded.between


def test_query_since_a_date_and_on_a_page(
    loaded: Loaded, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_query(loaded, "agreements", "--since", "2000-01-01",
                       "--format", "csv", "--limit", "2")) == 0  # fmt: skip
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].endswith(",arrived") and len(lines) == 3
    assert "rows 1-2 of 3" in captured.err
    assert "Australia" in lines[1]  # newest first


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["agreements", "--since", "2015-02-30"], "since must be a date"),
        (["agreements", "--since", "soon"], "since must be a date"),
        (["agreements-per-year", "--since", "2015-01-01"], "no agreement, article"),
    ],
)
def test_query_since_refuses_what_it_cannot_do(
    loaded: Loaded, args: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_query(loaded, *args)) == 2
    assert said in capsys.readouterr().err


def test_query_since_of_an_ask_query_is_refused(
    loaded: Loaded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = tmp_path / "asked.rq"
    asked.write_text("ASK { ?a a dg:Agreement }", encoding="utf-8")
    assert main(_query(loaded, str(asked), "--since", "2015-01-01")) == 2
    assert "only the rows of a SELECT query" in capsys.readouterr().err


def test_query_help_explains_since(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["query", "--help"])
    out = capsys.readouterr().out
    assert "--since DATE" in out and "new rows:" in out


# --- the load time, on every backend -------------------------------------------


def _loaded_at(store: Store, path: Path) -> str:
    [article] = [o.article for o in load([path], store)]  # type: ignore[union-attr]
    graph = store.export_graph(article_iri(article))
    value = graph.value(article_iri(article), DG.loaded)
    assert isinstance(value, Literal) and value.datatype == XSD.dateTime
    return str(value)


def test_each_article_records_when_it_arrived(
    store: Store, write_article: WriteArticle
) -> None:
    articles = _articles(write_article)
    first = _loaded_at(store, articles.before[0])
    between = _now()
    second = _loaded_at(store, articles.after[0])
    assert first < between < second
    rows = run_query(store, "agreements", since=between)
    assert [row["label"] for row in rows] == [
        "memorandum of understanding between Australia and South Korea"
    ]
    assert rows[0]["arrived"] > between
    assert len(run_query(store, "agreements", since="2000-01-01")) == 2
    assert run_query(store, "agreements", since=datetime.now(UTC)) == []


# four pacts of one state in one article (they arrive together), in no order of
# signing; the feed's order of them must come from the query, not from their IRIs
PACTS = (
    "TOKYO, March 14 (Example Wire) -- Japan and Vietnam signed a trade agreement "
    "on Monday.\nJapan signed an investment treaty with Chile in 2009.\n"
    "Japan and Peru signed a tax treaty in 2003.\n"
    "Japan and Kenya signed an air services agreement in 2017.\n"
)


def test_rows_that_arrive_together_come_in_the_query_s_own_order(
    store: Store, write_article: WriteArticle
) -> None:
    _loaded_at(store, write_article("pacts.txt", PACTS, published="2024-03-14"))
    plain = run_query(store, "agreements-of", country="JPN")
    fed = run_query(store, "agreements-of", country="JPN", since="2000-01-01")
    assert [row["signed"] for row in fed] == [["2024-03-11"], ["2017"], ["2009"], ["2003"]]
    assert [row["agreement"] for row in fed] == [row["agreement"] for row in plain]


def test_a_reload_of_the_same_text_keeps_its_time_and_a_new_text_gets_one(
    store: Store, write_article: WriteArticle
) -> None:
    path = write_article("trilateral.txt", TRILATERAL, url=TRILATERAL_URL)
    first = _loaded_at(store, path)
    # re-extracted, the same text did not arrive again (and reload says so)
    [(_, status)] = reload(store, everything=True)
    assert status == "unchanged"
    [article] = read_articles([path])
    stored = store.export_graph(article_iri(article))
    assert {str(o) for o in stored.objects(None, DG.loaded)} == {first}
    between = _now()
    text = TRILATERAL.replace("Thursday", "Friday")
    corrected = write_article("trilateral.txt", text, url=TRILATERAL_URL)
    assert _loaded_at(store, corrected) > between
    assert len(run_query(store, "agreements", since=between)) == 1


def test_articles_stored_without_a_time_count_as_old(
    store: Store, write_article: WriteArticle
) -> None:
    articles = _articles(write_article)
    [outcome] = load(articles.before[:1], store)
    iri = article_iri(outcome.article)  # type: ignore[union-attr]
    graph = store.export_graph(iri)
    graph.remove((iri, DG.loaded, None))  # as stored before diplograph kept it
    store.replace_graph(iri, graph)
    assert len(run_query(store, "agreements")) == 1
    assert run_query(store, "agreements", since="0001-01-01") == []
    # a later report of its agreement is no arrival of the agreement
    _loaded_at(store, articles.after[1])
    assert (
        run_query(store, "agreements-concerning", country="PRK", since="0001-01-01")
        == []
    )


def test_since_is_a_python_error_too(store: Store) -> None:
    with pytest.raises(QueryError, match="since must be a date"):
        run_query(store, "agreements", since="2015-01-01T25:00")


def test_openapi_describes_the_feeds(server: Server) -> None:
    status, _, body = server.get("/api/openapi.json")
    assert status == 200
    paths = json.loads(body)["paths"]
    feed = paths["/api/queries/agreements-concerning.atom"]["get"]
    assert "application/atom+xml" in feed["responses"]["200"]["content"]
    named = {p["name"]: p for p in feed["parameters"]}
    assert named["country"]["required"] and not named.get("since", {}).get("required")
    assert set(named) == {"country", "limit", "since"}
    assert "/api/queries/agreements-per-year.atom" not in paths
