"""``diplograph load --feed URL|FILE``: RSS and Atom feeds served by a real
HTTP server on 127.0.0.1 (tests/web_site.py); each item's page is fetched
once, and a second run loads only what is new."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_fetch import stored
from web_site import Reply, Site, page

from diplograph.cli import main
from diplograph.fetch.cache import PageCache
from diplograph.fetch.client import Client, FetchOptions
from diplograph.fetch.feeds import FeedReader, SeenItems
from diplograph.model import Article


def rss(site: Site, *items: tuple[str, str]) -> Reply:
    """An RSS 2.0 feed of (path, pubDate) items, links on ``site``."""
    entries = "".join(
        f"<item><title>{path}</title><link>{site.url(path)}</link>"
        f"<pubDate>{when}</pubDate><guid>{site.url(path)}</guid></item>"
        for path, when in items
    )
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Wire</title><link>{site.url('/')}</link><description>news"
        f"</description>{entries}</channel></rss>"
    )
    return Reply(
        body=body.encode("utf-8"), headers=(("Content-Type", "application/rss+xml"),)
    )


def atom(site: Site, *items: tuple[str, str]) -> str:
    """An Atom feed of (path, updated) items, links on ``site``."""
    entries = "".join(
        f'<entry><title>{path}</title><link href="{site.url(path)}"/>'
        f"<id>{site.url(path)}</id><updated>{when}</updated></entry>"
        for path, when in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        f"<id>urn:wire</id><updated>2025-03-05T00:00:00Z</updated>{entries}</feed>"
    )


def load_feed(store: Path, *args: str) -> int:
    return main(["load", "--store", str(store), "--delay", "0", "--timeout", "1",
                 "--feed", *args])  # fmt: skip


def summary(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("feeds: "))


def run(store: Path, feed: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Load ``feed``: the exit status and the feeds' summary line."""
    capsys.readouterr()
    status = load_feed(store, feed)
    return status, summary(capsys.readouterr().out)


def page_requests(site: Site) -> list[str]:
    return [r.path for r in site.log if r.path.startswith("/news/")]


MON, TUE, WED = (
    "Mon, 03 Mar 2025 08:00:00 GMT", "Tue, 04 Mar 2025 08:00:00 GMT",
    "Wed, 05 Mar 2025 08:00:00 GMT",
)  # fmt: skip


def test_a_second_run_loads_only_the_new_item(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve("/news/fisheries", page("fisheries.html"))
    site.serve("/news/visas", page("visas.html"))
    site.serve("/news/water", page("water.html"))
    feed = site.serve(
        "/feed.xml",
        rss(site, ("/news/fisheries", TUE), ("/news/visas", MON)),
        rss(site, ("/news/water", WED), ("/news/fisheries", TUE),
            ("/news/visas", MON)),
    )  # fmt: skip
    store = tmp_path / "store"
    assert load_feed(store, feed) == 0
    assert summary(capsys.readouterr().out) == (
        "feeds: 2 new item(s), 0 seen before, 0 failed"
    )
    assert page_requests(site) == ["/news/fisheries", "/news/visas"]
    assert load_feed(store, feed) == 0
    out = capsys.readouterr().out
    assert summary(out) == "feeds: 1 new item(s), 2 seen before, 0 failed"
    assert "1 article(s) loaded" in out
    assert page_requests(site) == ["/news/fisheries", "/news/visas", "/news/water"]
    assert stored(store) == {
        site.url("/news/fisheries"): {"NOR", "ISL"},
        site.url("/news/visas"): {"VNM", "PHL"},
        site.url("/news/water"): {"KEN", "TZA"},
    }


@pytest.mark.parametrize(
    ("link", "fetched"),
    [
        ("/news/visas", []),  # the same feed twice: seen by link, not fetched
        # the same story under a link with a tracking parameter: seen by text
        ("/news/visas?utm_source=feed", ["/news/visas?utm_source=feed"]),
    ],
    ids=["by-link", "by-text"],
)
def test_an_item_seen_before_adds_nothing(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str],
    link: str, fetched: list[str],
) -> None:  # fmt: skip
    site.serve("/news/visas", page("visas.html"))
    site.serve("/news/visas?utm_source=feed", page("visas.html"))
    first = site.serve("/one.xml", rss(site, ("/news/visas", MON)))
    second = site.serve("/two.xml", rss(site, (link, MON)))
    store = tmp_path / "store"
    assert load_feed(store, first) == 0
    assert run(store, second, capsys) == (
        0, "feeds: 0 new item(s), 1 seen before, 0 failed"
    )  # fmt: skip
    assert page_requests(site) == ["/news/visas", *fetched]
    assert set(stored(store)) == {site.url("/news/visas")}


def test_an_item_whose_page_fails_is_reported_and_tried_again_next_time(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve("/news/visas", page("visas.html"))
    site.serve("/news/late", Reply(status=404), page("water.html"))
    feed = site.serve("/feed.xml", rss(site, ("/news/late", TUE), ("/news/visas", MON)))
    store = tmp_path / "store"
    assert load_feed(store, feed) == 1  # as for an unreadable file
    out, err = capsys.readouterr()
    assert summary(out) == "feeds: 1 new item(s), 0 seen before, 1 failed"
    assert f"SKIPPED {site.url('/news/late')}: HTTP 404 Not Found" in err
    assert run(store, feed, capsys) == (
        0, "feeds: 1 new item(s), 1 seen before, 0 failed"
    )  # fmt: skip
    assert set(stored(store)) == {site.url("/news/visas"), site.url("/news/late")}


def test_a_feed_that_fails_is_reported_and_the_others_go_on(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve("/news/visas", page("visas.html"))
    good = site.serve("/feed.xml", rss(site, ("/news/visas", MON)))
    broken = site.serve("/broken.xml", Reply(status=500))
    not_a_feed = site.serve("/page.xml", Reply(body=b"<p>hello</p>"))
    assert load_feed(tmp_path / "store", broken, not_a_feed, good) == 1
    out, err = capsys.readouterr()
    assert summary(out) == "feeds: 1 new item(s), 0 seen before, 2 failed"
    assert f"SKIPPED {broken}: HTTP 500 Internal Server Error" in err
    assert f"SKIPPED {not_a_feed}: not an RSS or Atom feed" in err
    assert len(site.requests("/broken.xml")) == 4  # retried three times


def test_an_atom_file_and_an_item_updated_since(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    # the site corrects the story; the feed says so with a new <updated>
    site.serve("/news/story", page("fisheries.html"), page("visas.html"))
    feed = tmp_path / "wire.atom"
    feed.write_text(atom(site, ("/news/story", "2025-03-04T09:00:00Z")))
    store = tmp_path / "store"
    assert load_feed(store, str(feed)) == 0
    assert stored(store) == {site.url("/news/story"): {"NOR", "ISL"}}
    assert load_feed(store, str(feed)) == 0  # not updated: not fetched
    assert len(site.requests("/news/story")) == 1
    feed.write_text(atom(site, ("/news/story", "2025-03-05T10:00:00Z")))
    assert run(store, str(feed), capsys) == (
        0, "feeds: 1 new item(s), 0 seen before, 0 failed"
    )  # fmt: skip
    assert stored(store) == {site.url("/news/story"): {"VNM", "PHL"}}


def test_the_feed_gives_the_date_of_a_page_without_one(
    tmp_path: Path, site: Site
) -> None:
    site.serve("/news/border", page("nodate.html"))
    feed = site.serve("/feed.xml", rss(site, ("/news/border", WED)))
    assert load_feed(tmp_path / "store", feed) == 0
    assert stored(tmp_path / "store") == {site.url("/news/border"): {"GHA", "TGO"}}


def test_an_unchanged_feed_is_asked_for_with_its_etag(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve("/news/visas", page("visas.html"))
    first = rss(site, ("/news/visas", MON))
    tagged = Reply(body=first.body, headers=(*first.headers, ("ETag", '"v1"')))
    feed = site.serve("/feed.xml", tagged, Reply(status=304, headers=()))
    store = tmp_path / "store"
    assert load_feed(store, feed) == 0
    assert run(store, feed, capsys) == (
        0, "feeds: 0 new item(s), 0 seen before, 0 failed"
    )  # fmt: skip
    assert site.requests("/feed.xml")[1].headers["If-None-Match"] == '"v1"'


def test_items_not_settled_are_new_again_after_an_interruption(
    tmp_path: Path, site: Site
) -> None:
    """An item is recorded only once its article is settled: a run stopped
    before that (Ctrl-C, a crash) leaves it for the next run."""
    site.serve("/news/fisheries", page("fisheries.html"))
    site.serve("/news/visas", page("visas.html"))
    feed = site.serve(
        "/feed.xml", rss(site, ("/news/fisheries", TUE), ("/news/visas", MON))
    )
    seen_file = tmp_path / "cache" / "feeds.sqlite"

    def reader() -> FeedReader:
        client = Client(options=FetchOptions(delay=0))
        return FeedReader(SeenItems(seen_file), client, PageCache(tmp_path / "pages"))

    first = reader()
    articles = first.articles([feed])
    settled = next(articles)
    assert isinstance(settled, Article)
    first.settle(settled)  # stored; then the run is killed
    first.seen.close()
    with sqlite3.connect(seen_file) as db:
        assert db.execute("SELECT url FROM items").fetchall() == [
            (site.url("/news/fisheries"),)
        ]
    again = reader()
    left = list(again.articles([feed]))
    assert [a.url for a in left if isinstance(a, Article)] == [site.url("/news/visas")]
    assert (again.new, again.skipped) == (1, 1)
    again.seen.close()
