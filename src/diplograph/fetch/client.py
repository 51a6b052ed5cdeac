"""A polite HTTP client: robots.txt, a per-host rate limit, retries, limits.

Built on httpx rather than requests + urllib3 because its timeouts are per
phase (connect, read) on a plain ``httpx.Timeout``, it streams the *decoded*
body (``iter_bytes``), so the size limit holds after gzip and deflate too (a
small gzip bomb is stopped at the limit, not inflated whole), and it is typed.
Redirects are followed here, one hop at a time, not by httpx: each hop is
checked against its host's robots.txt and rate limit, and a loop is named.

Retries (429, 5xx, connection errors) wait ``backoff`` seconds, doubled each
time, or what the server's ``Retry-After`` asks if that is longer (up to
``most_wait``). A read timeout is not retried: a server too slow once is
likely as slow again, and the batch should go on.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from diplograph import __version__
from diplograph.errors import FetchError

PROJECT_URL = "https://w3id.org/diplograph"
USER_AGENT = f"diplograph/{__version__} (+{PROJECT_URL})"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/xml",
    "text/xml", "application/rdf+xml", "application/feed+json", "text/plain",
    *HTML_TYPES,  # feeds are often served as text/html; feedparser decides
)  # fmt: skip
RETRIED = frozenset({429, 500, 502, 503, 504})
# the response headers kept with a fetched page (in the cache's metadata)
KEPT_HEADERS = ("content-type", "last-modified", "etag", "date", "content-language")


@dataclass(frozen=True)
class FetchOptions:
    """How to fetch: ``delay`` seconds between two requests to one host (or
    the host's robots.txt ``Crawl-delay``, if longer); ``timeout`` seconds to
    connect and for each read (None: no limit); ``total`` seconds for a whole response;
    ``retries`` after the first try; ``max_bytes`` of a (decoded) body;
    ``refresh``: fetch pages again even if cached."""

    delay: float = 1.0
    timeout: float | None = 20.0
    total: float = 60.0
    retries: int = 3
    backoff: float = 1.0
    most_wait: float = 120.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    refresh: bool = False


@dataclass(frozen=True)
class Fetched:
    """One fetched page: the URL asked for, the URL it came from after
    redirects, the status, the headers kept, the body (decoded from gzip or
    deflate), when it was fetched (UTC, ISO 8601) and whether from the cache."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched: str
    cached: bool = False
    redirects: tuple[str, ...] = ()


@dataclass
class Client:
    """Fetch pages politely; one per batch, so that robots.txt is read once a
    host and the rate limit spans the batch. ``requests`` counts the requests
    sent (robots.txt and retries included). ``sleep``, ``clock``: the waits,
    replaceable for a caller that runs its own loop.

    Example:
        >>> with Client(options=FetchOptions(delay=0)) as client:
        ...     client.requests
        0
    """

    options: FetchOptions = field(default_factory=FetchOptions)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    requests: int = 0
    _robots: dict[str, urllib.robotparser.RobotFileParser | str] = field(
        default_factory=dict
    )
    _next: dict[str, float] = field(default_factory=dict)  # host: earliest time
    _http: httpx.Client | None = None

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    @property
    def http(self) -> httpx.Client:
        if self._http is None:
            self._http = httpx.Client(
                headers={
                    "User-Agent": self.options.user_agent,
                    "Accept-Encoding": "gzip, deflate",
                },
                timeout=httpx.Timeout(self.options.timeout),
                follow_redirects=False,
            )
        return self._http

    def get(
        self, url: str, *, accept: tuple[str, ...] = HTML_TYPES,
        headers: dict[str, str] | None = None,
    ) -> Fetched:  # fmt: skip
        """Fetch ``url`` (following redirects), or raise :class:`FetchError`
        with the URL, the reason and the fix. ``accept``: the content types
        taken (another is an error); ``headers``: sent besides the usual ones
        (``If-None-Match`` for a feed: a 304 is returned as it is)."""
        chain = [url]
        while True:
            current = chain[-1]
            _check_scheme(url, current)
            self._check_robots(url, current)
            response, body = self._send(url, current, headers or {})
            location = response.headers.get("location")
            if response.is_redirect and location:
                target = urljoin(current, location)
                if target in chain:
                    raise FetchError(
                        url, f"a redirect loop ({' -> '.join([*chain, target])})",
                        "Tell the site's owner, or give the page's final URL.",
                        status=response.status_code,
                    )  # fmt: skip
                if len(chain) > self.options.max_redirects:
                    raise FetchError(
                        url, f"more than {self.options.max_redirects} redirects "
                        f"({' -> '.join(chain)} -> ...)",
                        "Give the page's final URL.", status=response.status_code,
                    )  # fmt: skip
                chain.append(target)
                continue
            if response.status_code == 304:
                return self._fetched(url, chain, response, b"")
            if response.status_code >= 400:
                raise _status_error(url, response)
            kind = response.headers.get("content-type", "").split(";")[0].strip()
            if kind and kind.lower() not in accept:
                raise FetchError(
                    url, f"the server sent {kind}, not a web page",
                    "Give the URL of an article's HTML page.",
                    status=response.status_code,
                )  # fmt: skip
            return self._fetched(url, chain, response, body)

    def _fetched(
        self, url: str, chain: list[str], response: httpx.Response, body: bytes
    ) -> Fetched:
        kept = {k: response.headers[k] for k in KEPT_HEADERS if k in response.headers}
        return Fetched(
            url=url, final_url=chain[-1], status=response.status_code,
            headers=kept, body=body, redirects=tuple(chain[1:]),
            fetched=datetime.now(UTC).isoformat(timespec="seconds"),
        )  # fmt: skip

    def _send(
        self, url: str, current: str, headers: dict[str, str]
    ) -> tuple[httpx.Response, bytes]:
        """One request with its retries; the response and its body (empty for
        a redirect or an error status)."""
        for attempt in range(self.options.retries + 1):
            last = attempt == self.options.retries
            wait: float | None = None
            try:
                with (
                    self._turn(current),
                    self.http.stream("GET", current, headers=headers) as response,
                ):
                    if response.status_code in RETRIED and not last:
                        wait = self._retry_wait(response, attempt)
                    if wait is None:
                        ok = response.status_code < 300
                        return response, self._read_body(url, response) if ok else b""
            except httpx.ReadTimeout:
                raise FetchError(
                    url, f"no answer within {self.options.timeout or 0:g} s "
                    f"(reading {current})",
                    "Try again later, or allow more time with --timeout.",
                ) from None  # fmt: skip
            except httpx.TransportError as error:  # connecting failed, or the line
                if last:
                    raise FetchError(
                        url, f"the connection failed ({type(error).__name__}: "
                        f"{error}) after {attempt + 1} tries",
                        "Check the URL and the network, and try again later.",
                    ) from None  # fmt: skip
                wait = self.options.backoff * 2**attempt
            self.sleep(wait)  # the connection closed meanwhile
        raise AssertionError("unreachable: the last try returns or raises")

    def _retry_wait(self, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait before trying again: the backoff, or the server's
        Retry-After if longer; None if that is over ``most_wait`` (give up)."""
        wait = self.options.backoff * 2**attempt
        asked = _retry_after(response.headers.get("retry-after"))
        if asked is not None:
            if asked > self.options.most_wait:
                return None
            wait = max(wait, asked)
        return wait

    def _read_body(self, url: str, response: httpx.Response) -> bytes:
        """The decoded body, read in chunks and given up past ``max_bytes``
        (the Content-Length looked at first) or past ``total`` seconds."""
        most = self.options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and response.headers.get("content-encoding") is None:
            if int(declared) > most:
                raise _too_large(url, int(declared), most, response.status_code)
        started, chunks, size = self.clock(), [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > most:
                raise _too_large(url, size, most, response.status_code)
            if self.clock() - started > self.options.total:
                raise FetchError(
                    url, f"the page took over {self.options.total:g} s to arrive",
                    "Try again later.", status=response.status_code,
                )  # fmt: skip
            chunks.append(chunk)
        return b"".join(chunks)

    @contextmanager
    def _turn(self, url: str) -> Iterator[None]:
        """Wait until the host may be asked again; the next turn comes
        ``delay`` seconds after this request's answer has come (or failed),
        so the host sees its requests at least that far apart."""
        host = urlsplit(url).netloc.lower()
        wait = self._next.get(host, 0.0) - self.clock()
        if wait > 0:
            self.sleep(wait)
        self.requests += 1
        try:
            yield
        finally:
            self._next[host] = self.clock() + self._delay(url)

    def _delay(self, url: str) -> float:
        """``delay``, or the site's robots.txt Crawl-delay if longer."""
        delay = self.options.delay
        robots = self._robots.get(_origin(url))
        if isinstance(robots, urllib.robotparser.RobotFileParser):
            asked = robots.crawl_delay(self.options.user_agent)
            if asked is not None:
                delay = max(delay, min(float(asked), self.options.most_wait))
        return delay

    def _check_robots(self, url: str, current: str) -> None:
        """Refuse a URL its site's robots.txt disallows to our user agent; the
        file is fetched once a site (RFC 9309: a 4xx means no rules, a 5xx or
        no answer means everything disallowed, until a later batch)."""
        origin = _origin(current)
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        robots = self._robots[origin]
        if isinstance(robots, str):
            raise FetchError(
                url, f"{origin}/robots.txt could not be read ({robots}), "
                "so the site is not crawled", "Try again later.",
            )  # fmt: skip
        if not robots.can_fetch(self.options.user_agent, current):
            raise FetchError(
                url, f"{origin}/robots.txt disallows {current} to {USER_AGENT_NAME}",
                "Leave it out, or ask the site for permission.",
            )  # fmt: skip

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        """The site's rules, or why there are none to be had. Fetched as pages
        are (rate limit, retries, size limit), redirects followed."""
        where = f"{origin}/robots.txt"
        robots = urllib.robotparser.RobotFileParser(where)
        for _ in range(self.options.max_redirects + 1):
            try:
                response, body = self._send(where, where, {})
            except FetchError as error:
                return error.problem
            location = response.headers.get("location")
            if not (response.is_redirect and location):
                break
            where = urljoin(where, location)
        status = response.status_code
        if status >= 500 or status == 429:
            return f"HTTP {status}"
        # a 4xx, or redirects without end: no rules, everything allowed
        ok = status < 300
        robots.parse(body.decode("utf-8", "replace").splitlines() if ok else [])
        return robots


USER_AGENT_NAME = "diplograph"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _check_scheme(url: str, current: str) -> None:
    parts = urlsplit(current)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(
            url, f"{current!r} is not an http(s) URL",
            "Give an http:// or https:// URL.",
        )  # fmt: skip


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


_FIXES = {
    401: "The page needs a login; diplograph reads public pages only.",
    403: "The site refuses us; leave the page out, or save it and load the file.",
    404: "Check the URL; the page may have moved or been taken down.",
    410: "The page was taken down; leave it out.",
    429: "The site asks for fewer requests: try again later, or raise --delay.",
}


def _status_error(url: str, response: httpx.Response) -> FetchError:
    status = response.status_code
    fix = _FIXES.get(
        status,
        "The site failed; try again later." if status >= 500 else "Check the URL.",
    )
    reason = response.reason_phrase or "error"
    return FetchError(url, f"HTTP {status} {reason}", fix, status=status)


def _too_large(url: str, size: int, most: int, status: int) -> FetchError:
    return FetchError(
        url, f"the page is over {most:,} bytes ({size:,} read or announced)",
        "It is unlikely to be one article; save the part you need as a file.",
        status=status,
    )  # fmt: skip


__all__ = ["USER_AGENT", "Client", "FetchOptions", "Fetched"]
