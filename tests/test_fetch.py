"""``diplograph load URL...`` and ``--urls FILE``: pages fetched from a real
HTTP server on 127.0.0.1 (tests/web_site.py), read with trafilatura, stored,
and kept in the store's cache so that loading them again needs no network."""

from __future__ import annotations

import gzip
import json
import time
from dataclasses import replace
from pathlib import Path

import pytest
from web_site import Reply, Site, page, redirect

from diplograph.cli import main
from diplograph.errors import ArticleError
from diplograph.fetch import read_urls
from diplograph.fetch.cache import PageCache, url_key
from diplograph.fetch.client import USER_AGENT, Client, FetchOptions, _retry_after
from diplograph.store import open_store

FAST = ["--delay", "0", "--timeout", "1"]


def load(store: Path, *args: str) -> int:
    return main(["load", "--store", str(store), *FAST, *args])


def stored(store: Path) -> dict[str, set[str]]:
    """Each stored article's URL -> the codes of its agreements' parties."""
    query = """
    PREFIX dg: <https://w3id.org/diplograph/ontology#>
    SELECT ?url ?party WHERE { GRAPH ?g {
      ?article dg:url ?url . ?agreement a dg:Agreement ; dg:party ?party .
    } FILTER STRSTARTS(STR(?g), "https://w3id.org/diplograph/id/article/") }"""
    opened = open_store(str(store))
    try:
        _, rows = opened.select(query)
    finally:
        opened.close()
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["url"].value, set()).add(row["party"].value[-3:])
    return found


def skipped(err: str) -> list[str]:
    return [line for line in err.splitlines() if "SKIPPED" in line]


def test_a_page_is_fetched_read_and_its_agreement_stored(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.serve("/world/2025/fisheries", page("fisheries.html"))
    assert load(tmp_path / "store", url) == 0
    assert "1 article(s) loaded" in capsys.readouterr().out
    assert stored(tmp_path / "store") == {url: {"NOR", "ISL"}}
    (request,) = site.requests("/world/2025/fisheries")
    assert request.headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("diplograph/0.1.0 (+https://")
    assert "gzip" in request.headers["Accept-Encoding"]
    assert [r.path for r in site.log] == ["/robots.txt", "/world/2025/fisheries"]


def test_the_page_date_title_and_publisher_come_from_its_markup(
    tmp_path: Path, site: Site
) -> None:
    from diplograph.curation import stored_articles

    url = site.serve("/water", page("water.html"))  # a date in JSON-LD only
    assert load(tmp_path / "store", url) == 0
    opened = open_store(str(tmp_path / "store"))
    try:
        (kept,) = stored_articles(opened)
    finally:
        opened.close()
    article = kept.article
    assert (article.published.isoformat(), article.publisher, article.url) == (
        "2024-11-19",
        "East Africa Ledger",
        url,
    )
    assert article.title == "Kenya and Tanzania agree to share Lake Victoria water data"
    assert "newsletter" not in article.text and "Subscribe" not in article.text


def test_loading_a_url_again_reads_the_cache_not_the_network(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.serve("/fisheries", page("fisheries.html"))
    assert load(tmp_path / "store", url) == 0
    sent = len(site.log)
    assert load(tmp_path / "store", url) == 0
    assert len(site.log) == sent  # no request at all, robots.txt included
    assert "1 unchanged" in capsys.readouterr().out
    pages = tmp_path / "store" / "cache" / "pages"
    meta = json.loads((pages / f"{url_key(url)}.json").read_text("utf-8"))
    assert (meta["url"], meta["final_url"], meta["status"]) == (url, url, 200)
    assert meta["headers"]["content-type"] == "text/html" and meta["fetched"]
    kept = gzip.decompress((pages / f"{url_key(url)}.html.gz").read_bytes())
    assert kept == page("fisheries.html").body


def test_refresh_fetches_again_and_a_changed_page_replaces_its_graph(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    # the same URL, then another text: a correction the site made
    url = site.serve("/story", page("fisheries.html"), page("visas.html"))
    assert load(tmp_path / "store", url) == 0
    assert load(tmp_path / "store", url, "--refresh") == 0
    assert len(site.requests("/story")) == 2
    assert stored(tmp_path / "store") == {url: {"VNM", "PHL"}}


def test_robots_txt_is_obeyed_and_the_refusal_reported(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve(
        "/robots.txt",
        Reply(
            body=b"User-agent: *\nDisallow: /private/\n",
            headers=(("Content-Type", "text/plain"),),
        ),
    )
    private = site.serve("/private/visas", page("visas.html"))
    public = site.serve("/public/fisheries", page("fisheries.html"))
    assert load(tmp_path / "store", private, public) == 1
    assert not site.requests("/private/visas")
    (line,) = skipped(capsys.readouterr().err)
    assert private in line and "robots.txt disallows" in line
    assert stored(tmp_path / "store") == {public: {"NOR", "ISL"}}
    assert len(site.requests("/robots.txt")) == 1  # once a site


def test_a_slow_page_times_out_and_the_batch_goes_on(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    slow = site.serve("/slow", Reply(body=page("visas.html").body, delay=3))
    fine = site.serve("/fine", page("fisheries.html"))
    started = time.monotonic()
    assert load(tmp_path / "store", slow, fine, "--timeout", "0.5") == 1
    assert time.monotonic() - started < 2.5
    (line,) = skipped(capsys.readouterr().err)
    assert slow in line and "no answer within 0.5 s" in line and "--timeout" in line
    assert set(stored(tmp_path / "store")) == {fine}
    assert len(site.requests("/slow")) == 1  # a read timeout is not retried


def test_a_server_error_is_retried_with_backoff(tmp_path: Path, site: Site) -> None:
    url = site.serve("/flaky", Reply(status=500, body=b"oops"), page("visas.html"))
    assert load(tmp_path / "store", url) == 0
    first, second = site.requests("/flaky")
    assert second.at - first.at >= 0.9  # the first backoff: 1 s
    assert stored(tmp_path / "store") == {url: {"VNM", "PHL"}}


def test_retry_after_is_honoured(tmp_path: Path, site: Site) -> None:
    busy = Reply(status=429, headers=(("Retry-After", "2"),))
    url = site.serve("/busy", busy, page("visas.html"))
    assert load(tmp_path / "store", url) == 0
    first, second = site.requests("/busy")
    assert second.at - first.at >= 1.9  # longer than the backoff's 1 s


def test_retry_after_reads_seconds_and_dates() -> None:
    assert _retry_after("120") == 120.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert _retry_after("soon") is None


def test_a_missing_page_is_reported_in_one_line(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = site.url("/gone")
    fine = site.serve("/fine", page("fisheries.html"))
    assert load(tmp_path / "store", missing, fine) == 1
    out, err = capsys.readouterr()
    (line,) = skipped(err)
    assert f"{missing}: HTTP 404 Not Found. Check the URL" in line
    assert "1 article(s) loaded" in out and "1 unreadable" in out
    assert len(site.requests("/gone")) == 1  # a 404 is not retried


def test_redirects_are_followed_and_the_final_url_kept(
    tmp_path: Path, site: Site
) -> None:
    final = site.serve("/2025/03/fisheries", page("fisheries.html"))
    first = site.serve("/short/f", redirect("/old/f", 302))
    site.serve("/old/f", redirect(final))
    assert load(tmp_path / "store", first) == 0
    assert stored(tmp_path / "store") == {final: {"NOR", "ISL"}}
    meta = tmp_path / "store" / "cache" / "pages" / f"{url_key(first)}.json"
    assert json.loads(meta.read_text("utf-8"))["redirects"] == [
        site.url("/old/f"),
        final,
    ]


def test_a_redirect_loop_is_reported(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = site.serve("/a", redirect("/b"))
    site.serve("/b", redirect("/a"))
    assert load(tmp_path / "store", loop) == 1
    (line,) = skipped(capsys.readouterr().err)
    assert "a redirect loop" in line and f"{loop} -> {site.url('/b')} -> {loop}" in line


def test_too_many_redirects_are_reported(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    for hop in range(8):
        site.serve(f"/hop{hop}", redirect(f"/hop{hop + 1}"))
    assert load(tmp_path / "store", site.url("/hop0")) == 1
    assert "more than 5 redirects" in capsys.readouterr().err


@pytest.mark.parametrize(
    "reply",
    [
        Reply(body=b"<p>" + b"x" * 6_000_000),  # announced by Content-Length
        Reply(body=b"<p>" + b"x" * 6_000_000, length=False),  # not announced
        Reply(body=b"<p>" + b"\0" * 6_000_000, gzip=True),  # 6 KB that inflate
    ],
    ids=["content-length", "streamed", "gzip-bomb"],
)
def test_an_oversized_page_is_stopped_and_reported(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str], reply: Reply
) -> None:
    big = site.serve("/big", reply)
    fine = site.serve("/fine", page("visas.html"))
    assert load(tmp_path / "store", big, fine) == 1
    (line,) = skipped(capsys.readouterr().err)
    assert big in line and "the page is over 5,000,000 bytes" in line
    assert set(stored(tmp_path / "store")) == {fine}


def test_a_gzipped_page_is_read(tmp_path: Path, site: Site) -> None:
    url = site.serve("/gz", Reply(body=page("fisheries.html").body, gzip=True))
    assert load(tmp_path / "store", url) == 0
    assert stored(tmp_path / "store") == {url: {"NOR", "ISL"}}


def test_a_page_without_a_date_needs_published(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.serve("/border", page("nodate.html"))
    assert load(tmp_path / "store", url) == 1
    (line,) = skipped(capsys.readouterr().err)
    assert url in line and "no publication date on the page" in line
    assert "--published YYYY-MM-DD" in line
    sent = len(site.log)
    assert load(tmp_path / "store", url, "--published", "2025-02-01") == 0
    assert len(site.log) == sent  # read from the cache
    assert stored(tmp_path / "store") == {url: {"GHA", "TGO"}}


def test_a_page_that_is_no_html_is_reported(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = site.serve(
        "/a.pdf",
        Reply(body=b"%PDF-1.4", headers=(("Content-Type", "application/pdf"),)),
    )
    assert load(tmp_path / "store", pdf) == 1
    assert "the server sent application/pdf, not a web page" in capsys.readouterr().err


def test_urls_are_read_from_a_file_with_comments(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    one = site.serve("/one", page("fisheries.html"))
    two = site.serve("/two", page("visas.html"))
    listing = tmp_path / "links.txt"
    listing.write_text(f"# this week\n{one}\n\n{two}  # from the wire\nnot a url\n")
    assert load(tmp_path / "store", "--urls", str(listing)) == 1
    (line,) = skipped(capsys.readouterr().err)
    assert f"{listing}:5: 'not a url' is not an http(s) URL" in line
    assert set(stored(tmp_path / "store")) == {one, two}


def test_the_rate_limit_spaces_requests_to_one_host(tmp_path: Path, site: Site) -> None:
    urls = [
        site.serve(f"/p{i}", page(name))
        for i, name in enumerate(["fisheries.html", "visas.html", "water.html"])
    ]
    argv = ["load", *urls, "--store", str(tmp_path / "store"), "--delay", "0.3"]
    assert main(argv) == 0
    times = [r.at for r in site.log]
    assert len(times) == 4  # robots.txt and the three pages
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.28, gaps


def test_a_host_that_cannot_be_reached_is_retried_then_reported() -> None:
    import socket

    with socket.socket() as free:  # a port nothing listens on
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    url = f"http://127.0.0.1:{port}/news"
    waits: list[float] = []
    options = FetchOptions(delay=0, backoff=0.01)
    with Client(options=options, sleep=waits.append) as client:
        (error,) = read_urls([url], client=client, cache=None)
    assert isinstance(error, ArticleError)
    assert waits == [0.01, 0.02, 0.04]  # three retries, the wait doubled
    assert str(error).startswith(
        f"{url}: http://127.0.0.1:{port}/robots.txt could not be read (the "
        "connection failed (ConnectError"
    )
    assert "after 4 tries), so the site is not crawled. Try again later." in str(error)


def test_reload_reads_web_articles_again_from_the_cache_not_the_network(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    store, final = tmp_path / "store", site.serve("/2025/f", page("fisheries.html"))
    first = site.serve("/short", redirect("/2025/f"))
    assert load(store, first) == 0
    sent = len(site.log)
    # what a better page reader would now read from the kept page: another text
    cache = PageCache(store / "cache" / "pages")
    kept = cache.get(first)
    assert kept is not None and kept.final_url == final
    cache.put(replace(kept, body=page("visas.html").body))
    capsys.readouterr()
    assert main(["reload", "--all", "--store", str(store)]) == 0
    assert len(site.log) == sent  # no request
    assert "1 changed" in capsys.readouterr().out
    assert stored(store) == {final: {"VNM", "PHL"}}
