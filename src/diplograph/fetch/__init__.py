"""Step 1, read, from the web: URLs and RSS or Atom feeds -> :class:`Article`.

The one package besides ``cli`` and ``store`` that touches the network and
files: it fetches pages (:mod:`.client`: robots.txt, a per-host rate limit,
retries, size and time limits), keeps them in the store's folder
(:mod:`.cache`), reads their article with trafilatura (:mod:`.reader`), and
remembers the feed items it has seen (:mod:`.feeds`). What it yields is what
:func:`diplograph.articles.read_articles` yields for files: an
:class:`~diplograph.model.Article`, or the :class:`ArticleError` of a URL that
failed (a :class:`~diplograph.errors.FetchError` naming the URL, the status or
reason, and the fix), so a batch goes on past it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from diplograph.errors import ArticleError
from diplograph.fetch.cache import PageCache
from diplograph.fetch.client import HTML_TYPES, Client, Fetched, FetchOptions
from diplograph.fetch.reader import web_article
from diplograph.model import Article

_URL = re.compile(r"https?://", re.I)


def is_url(text: str) -> bool:
    """Whether a command-line argument is a web address rather than a path.

    Example:
        >>> is_url("https://example.org/a"), is_url("news/a.html")
        (True, False)
    """
    return bool(_URL.match(text))


def fetch_page(
    url: str, *, client: Client, cache: PageCache | None, refresh: bool = False
) -> Fetched:
    """The page at ``url``: from ``cache`` if kept there (unless ``refresh``
    or the client's options say so), else fetched and kept."""
    if cache is not None and not (refresh or client.options.refresh):
        kept = cache.get(url)
        if kept is not None:
            return kept
    page = client.get(url, accept=HTML_TYPES)
    if cache is not None:
        cache.put(page)
    return page


def cached_pages(cache: PageCache) -> Callable[[Article], Article]:
    """A function that reads a web article again from its page in ``cache``
    (found by the article's URL), never the network; an article with no page
    kept, or whose page no longer reads, comes back as it was stored. For
    ``reload``: a better page reader then applies to stored articles too."""
    asked = cache.by_final_url()

    def again(article: Article) -> Article:
        if not article.url:
            return article
        page = cache.get(asked.get(article.url, article.url))
        if page is None:
            return article
        try:
            return web_article(page, published=article.published)
        except ArticleError:
            return article

    return again


def read_urls(
    urls: Iterable[str], *, client: Client, cache: PageCache | None,
    published: date | None = None,
) -> Iterator[Article | ArticleError]:  # fmt: skip
    """The article of each URL, in order; a URL that fails yields its error."""
    for url in urls:
        try:
            page = fetch_page(url, client=client, cache=cache)
            yield web_article(page, published=published)
        except ArticleError as error:
            yield error


__all__ = [
    "Client",
    "FetchOptions",
    "Fetched",
    "PageCache",
    "cached_pages",
    "fetch_page",
    "is_url",
    "read_urls",
    "web_article",
]
