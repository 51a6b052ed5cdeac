"""RSS and Atom feeds -> the articles of the items not seen before.

Made to be run again and again (from cron): each item's page is fetched only
the first time its link is met, and an item whose page holds a text seen
before under another link (the same story with a tracking parameter, or in
two feeds) is skipped too. An item the feed marks as updated since it was seen
is fetched again, and its new text replaces its graph.

What was seen is kept in ``feeds.sqlite`` in the cache folder (the store's
``cache/``), one row per item link, committed as each article is settled
(stored, unchanged or rejected): a run that is interrupted leaves the items
it had not settled unseen, and the next run takes them up. An item whose page
failed is not recorded, so the next run tries it again. The feed's ETag and
Last-Modified are kept too: a feed that has not changed answers 304 and
costs one small request.
"""

from __future__ import annotations

import calendar
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from diplograph.errors import ArticleError, FetchError, shown_path
from diplograph.fetch import fetch_page, is_url
from diplograph.fetch.cache import PageCache
from diplograph.fetch.client import FEED_TYPES, Client
from diplograph.fetch.reader import web_article
from diplograph.model import Article

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    url TEXT PRIMARY KEY,     -- the item's link, as the feed gives it
    content_hash TEXT,        -- SHA-256 of the article's text
    feed TEXT NOT NULL,
    updated TEXT,             -- the item's updated date, as the feed gives it
    seen TEXT NOT NULL        -- when it was settled (UTC, ISO 8601)
);
CREATE INDEX IF NOT EXISTS items_by_hash ON items (content_hash);
CREATE TABLE IF NOT EXISTS feeds (
    feed TEXT PRIMARY KEY, etag TEXT, modified TEXT
);
"""


class SeenItems:
    """The feed items settled before, in an SQLite file."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def by_url(self, url: str) -> tuple[str | None] | None:
        """(updated,) of the item with this link, if seen."""
        row = self.db.execute("SELECT updated FROM items WHERE url = ?", (url,))
        return row.fetchone()  # type: ignore[no-any-return]

    def by_hash(self, content_hash: str) -> str | None:
        """The link of an item seen with this text, if any."""
        row = self.db.execute(
            "SELECT url FROM items WHERE content_hash = ? LIMIT 1", (content_hash,)
        ).fetchone()
        return row[0] if row else None

    def record(
        self, url: str, *, content_hash: str | None, feed: str, updated: str | None
    ) -> None:
        with self.db:  # one transaction, committed at once
            self.db.execute(
                "INSERT OR REPLACE INTO items VALUES (?, ?, ?, ?, ?)",
                (url, content_hash, feed, updated, _now()),
            )

    def validators(self, feed: str) -> dict[str, str]:
        """The headers that ask for the feed only if it changed."""
        row = self.db.execute(
            "SELECT etag, modified FROM feeds WHERE feed = ?", (feed,)
        ).fetchone()
        headers = {}
        if row and row[0]:
            headers["If-None-Match"] = row[0]
        if row and row[1]:
            headers["If-Modified-Since"] = row[1]
        return headers

    def keep_validators(
        self, feed: str, etag: str | None, modified: str | None
    ) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO feeds VALUES (?, ?, ?)", (feed, etag, modified)
            )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Item:
    """One feed item: its link, the feed's date for it, its updated stamp."""

    feed: str
    url: str
    published: date | None
    updated: str | None
    again: bool = False  # seen before, and updated since


@dataclass
class FeedReader:
    """Read feeds into articles, skipping the items seen before.

    ``new``, ``seen`` and ``failed`` count the items of the run: handed on to
    be loaded, skipped (by link or by text), or failed (their page, or the
    feed itself); :meth:`settle` records an item once its article is stored.
    """

    seen: SeenItems
    client: Client
    cache: PageCache | None
    published: date | None = None
    new: int = 0
    skipped: int = 0
    failed: int = 0
    _pending: dict[str, tuple[Item, str]] = field(default_factory=dict)
    # each feed's ETag and Last-Modified, kept by :meth:`finish` if all its
    # items were settled: a 304 must not hide an item left for the next run
    _validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    _unfinished: set[str] = field(default_factory=set)  # feeds with items left

    def articles(self, feeds: Iterable[str]) -> Iterator[Article | ArticleError]:
        """The articles of the new items of every feed (a URL or a file), in
        the feeds' order; a feed or page that fails yields its error."""
        met: set[str] = set()  # links met in this run, in any feed
        for feed in feeds:
            try:
                items = list(self._items(feed))
            except ArticleError as error:
                self.failed += 1
                yield error
                continue
            for item in items:
                if item.url in met:
                    continue
                met.add(item.url)
                outcome = self._article(item)
                if outcome is not None:
                    yield outcome

    def _article(self, item: Item) -> Article | ArticleError | None:
        """The item's article, its error, or None if it was seen before."""
        before = self.seen.by_url(item.url)
        again = before is not None and item.updated not in (None, before[0])
        if before is not None and not again:
            self.skipped += 1
            return None
        try:
            page = fetch_page(
                item.url, client=self.client, cache=self.cache, refresh=again
            )
            article = web_article(page, published=item.published or self.published)
        except ArticleError as error:
            self.failed += 1
            return error
        first = self.seen.by_hash(article.content_hash)
        if first is not None and first != item.url:  # the same text, another link
            self.skipped += 1
            self.seen.record(
                item.url, content_hash=article.content_hash, feed=item.feed,
                updated=item.updated,
            )  # fmt: skip
            return None
        self.new += 1
        self._pending[article.source] = (item, article.content_hash)
        return article

    def finish(self) -> None:
        """At the end of a run that was not interrupted: keep the ETag and
        Last-Modified of each feed whose items were all settled, so that next
        time it is asked for only if it changed."""
        unsettled = {item.feed for item, _ in self._pending.values()}
        for feed, (etag, modified) in self._validators.items():
            if feed not in self._unfinished | unsettled:
                self.seen.keep_validators(feed, etag, modified)

    def settle(self, article: Article) -> None:
        """Record the item ``article`` was read from (if from a feed) as seen:
        call it once the article is stored, found unchanged or rejected."""
        pending = self._pending.pop(article.source, None)
        if pending is not None:
            item, content_hash = pending
            self.seen.record(
                item.url, content_hash=content_hash, feed=item.feed,
                updated=item.updated,
            )  # fmt: skip

    def _items(self, feed: str) -> Iterator[Item]:
        raw, base = self._feed_bytes(feed)
        if raw is None:  # unchanged since the last run (HTTP 304)
            return
        import feedparser  # only when a feed is read

        parsed: Any = feedparser.parse(raw, response_headers={"content-location": base})
        if not parsed.entries and (parsed.bozo or not parsed.get("version")):
            reason = getattr(parsed.get("bozo_exception"), "args", ("no items",))
            raise ArticleError(
                feed, f"not an RSS or Atom feed ({str(reason[0])[:120]})",
                "Give the feed's own URL (often linked as RSS or Atom on the site).",
            )  # fmt: skip
        for entry in parsed.entries:
            link = entry.get("link") or ""
            if not is_url(link):
                # a feed item without a web page: its summary is no article
                continue
            yield Item(
                feed=feed, url=link, published=_entry_date(entry),
                # dict.get: feedparser's own get falls back on 'published'
                updated=dict.get(entry, "updated") or None,
            )  # fmt: skip

    def _feed_bytes(self, feed: str) -> tuple[bytes | None, str]:
        """The feed's bytes and its URL (for relative links), from the web or
        a file; None if the server says it has not changed."""
        if not is_url(feed):
            path = Path(feed)
            try:
                return path.read_bytes(), path.resolve().as_uri()
            except OSError as error:
                raise ArticleError(
                    shown_path(path), f"the feed file cannot be read "
                    f"({error.strerror or type(error).__name__})",
                    "Check the path, or give the feed's URL.",
                ) from None  # fmt: skip
        response = self.client.get(
            feed, accept=FEED_TYPES, headers=self.seen.validators(feed)
        )
        if response.status == 304:
            return None, response.final_url
        self._validators[feed] = (
            response.headers.get("etag"),
            response.headers.get("last-modified"),
        )
        if not response.body.strip():
            raise FetchError(
                feed, "the feed is empty", "Check the feed's URL.",
                status=response.status,
            )  # fmt: skip
        return response.body, response.final_url


def _entry_date(entry: Any) -> date | None:
    """The item's publication date as the feed gives it, if any."""
    when = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if not when:
        return None
    return datetime.fromtimestamp(calendar.timegm(when), UTC).date()


__all__ = ["FeedReader", "Item", "SeenItems"]
