"""What ``load`` needs to read from the web: the client, the page cache and
the feed items seen, set up once for the batch, in the store's folder.

The cache lives in ``STORE/cache/`` (``pages/`` and ``feeds.sqlite``), or, for
a server store, in ``./diplograph-cache/``, as the problem reports do.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import chain
from pathlib import Path

from diplograph.errors import ArticleError, shown_path
from diplograph.fetch import is_url, read_urls
from diplograph.fetch.cache import PageCache
from diplograph.fetch.client import Client, FetchOptions
from diplograph.fetch.feeds import FeedReader, SeenItems
from diplograph.model import Article
from diplograph.store import Store

log = logging.getLogger("diplograph")


def cache_folder(store: Store) -> Path:
    """Where fetched pages and seen feed items are kept."""
    if store.folder is None:
        return Path("./diplograph-cache")
    return store.folder / "cache"


@dataclass
class Web:
    client: Client
    cache: PageCache
    feeds: FeedReader | None
    published: date | None

    @classmethod
    def open(cls, args: argparse.Namespace, store: Store) -> Web:
        options = FetchOptions(
            delay=args.delay, timeout=args.timeout or None, refresh=args.refresh
        )
        client = Client(options=options)
        folder = cache_folder(store)
        cache = PageCache(folder / "pages")
        feeds = None
        if args.feed:
            seen = SeenItems(folder / "feeds.sqlite")
            feeds = FeedReader(seen, client, cache, published=args.published)
        return cls(client, cache, feeds, args.published)

    def articles(
        self, urls: list[str], *, url_files: list[str], feeds: list[str]
    ) -> Iterator[Article | ArticleError]:
        """The articles of the URLs given, then of the files of URLs, then of
        the feeds' new items; a line of a file that is no URL is its error."""
        listed = chain(urls, *(_listed_urls(Path(name)) for name in url_files))
        for item in listed:
            if isinstance(item, ArticleError):
                yield item
            else:
                yield from read_urls(
                    [item], client=self.client, cache=self.cache,
                    published=self.published,
                )  # fmt: skip
        if self.feeds is not None:
            yield from self.feeds.articles(feeds)

    def settle(self, article: Article) -> None:
        if self.feeds is not None:
            self.feeds.settle(article)

    def finish(self) -> None:
        if self.feeds is not None:
            self.feeds.finish()
            print(
                f"feeds: {self.feeds.new} new item(s), {self.feeds.skipped} seen "
                f"before, {self.feeds.failed} failed"
            )

    def close(self) -> None:
        self.client.close()
        if self.feeds is not None:
            self.feeds.seen.close()
        log.debug("%d HTTP request(s) sent", self.client.requests)


def _listed_urls(path: Path) -> Iterator[str | ArticleError]:
    """The URLs a file lists, one a line; blank lines and ``#`` comments are
    left out, and a line that is no http(s) URL is its error."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        yield ArticleError(
            path, f"the list of URLs cannot be read ({error})",
            "Give a UTF-8 text file with one URL a line.",
        )  # fmt: skip
        return
    for number, line in enumerate(lines, 1):
        # a comment: a line that starts with '#', or ' #' after the URL (a '#'
        # inside a URL is its fragment)
        url = line.split(" #", 1)[0].strip()
        if not url or url.startswith("#"):
            continue
        if not is_url(url):
            yield ArticleError(
                f"{shown_path(path)}:{number}", f"{url[:80]!r} is not an http(s) URL",
                "Write one http:// or https:// URL a line (# starts a comment).",
            )  # fmt: skip
        else:
            yield url
