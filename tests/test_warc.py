"""News archives: WARC files written here (tests/warcs.py) read as articles.

The records are fictional news written for these tests, mixed with records
that are no article (warcinfo, request, metadata, revisit, an image,
robots.txt), a page in French, a corrupt record and files cut short.
"""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import stored_agreements
from warcs import (
    AGREEMENT_NEWS,
    FOREIGN_NEWS,
    NOT_AGREEMENT_NEWS,
    Record,
    other_records,
    response,
    write_warc,
)

from diplograph.archives import compile_match, default_match, read_warc, warc_chunks
from diplograph.articles import read_articles, walk
from diplograph.cli import main
from diplograph.errors import ArticleError
from diplograph.model import Article

CORRUPT = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: zz\r\n\r\ngarbage"


def news(number: int, *, published: str = "") -> Record:
    title, paragraphs = AGREEMENT_NEWS[number]
    uri = f"https://news.example.org/2024/03/{11 + number}/story-{number}"
    return response(uri, title, paragraphs, published=published)


def other_news(number: int) -> Record:
    title, paragraphs = NOT_AGREEMENT_NEWS[number]
    return response(f"https://news.example.org/sport/{number}", title, paragraphs)


def french() -> Record:
    return response("https://news.example.org/fr/accord", *FOREIGN_NEWS["fr"])


def mixed(path: Path) -> Path:
    """An archive of everything: three agreement articles, two others, one in
    French, six records that are no article, a corrupt record."""
    records: list[Record | bytes] = [
        *other_records(), news(0), CORRUPT, news(1), other_news(0), french(),
        other_news(1), news(2),
    ]  # fmt: skip
    return write_warc(path, records)


def articles_of(items: list[Article | ArticleError]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def errors_of(items: list[Article | ArticleError]) -> list[ArticleError]:
    return [item for item in items if isinstance(item, ArticleError)]


@pytest.mark.parametrize("name", ["news.warc.gz", "news.warc"])
def test_html_responses_that_match_become_articles(tmp_path: Path, name: str) -> None:
    path = mixed(tmp_path / name)
    items = list(read_warc(path, match=default_match()))
    read = articles_of(items)
    # the French page says 'accord', so it passes the prefilter (language is
    # the pipeline's business); sport news and the non-article records do not
    assert [a.title for a in read] == [
        AGREEMENT_NEWS[0][0], AGREEMENT_NEWS[1][0], FOREIGN_NEWS["fr"][0],
        AGREEMENT_NEWS[2][0],
    ]  # fmt: skip
    first = read[0]
    assert first.url == "https://news.example.org/2024/03/11/story-0"
    assert first.source.startswith(f"{path}#urn:uuid:")
    assert first.stem.startswith("news-urn_uuid_")
    assert len({a.stem for a in read}) == len(read)
    assert "Home | World" not in first.text  # the page's navigation is left out
    # the corrupt record is reported with where it is; the rest went on
    (error,) = errors_of(items)
    assert str(error).startswith(f"{path}@")
    assert "corrupt record" in str(error)


def test_without_a_prefilter_every_html_response_is_read(tmp_path: Path) -> None:
    path = mixed(tmp_path / "news.warc.gz")
    read = articles_of(list(read_warc(path)))
    # the image, robots.txt, request, metadata and revisit records never are
    assert len(read) == 6
    assert all(a.url and "robots" not in a.url for a in read)


def test_a_match_of_ones_own(tmp_path: Path) -> None:
    path = mixed(tmp_path / "news.warc.gz")
    read = articles_of(list(read_warc(path, match=compile_match("cup final"))))
    assert [a.title for a in read] == [NOT_AGREEMENT_NEWS[0][0]]


def test_the_date_is_the_pages_else_its_urls_else_the_crawls(tmp_path: Path) -> None:
    undated = response("https://news.example.org/world/pact", *AGREEMENT_NEWS[0])
    records = [news(0, published="2024-02-29T08:00:00Z"), news(1), undated]
    path = write_warc(tmp_path / "dates.warc.gz", records)
    dates = [a.published for a in articles_of(list(read_warc(path)))]
    # the third: 'OSLO, March 12' has no year, so the WARC-Date 2024-03-14
    assert dates == [date(2024, 2, 29), date(2024, 3, 12), date(2024, 3, 14)]


def test_a_file_cut_short_is_reported_after_its_records(tmp_path: Path) -> None:
    whole = write_warc(tmp_path / "whole.warc.gz", [news(0), news(1), news(2)])
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[:-60])
    items = list(read_warc(cut))
    assert [a.title for a in articles_of(items)] == [
        AGREEMENT_NEWS[0][0], AGREEMENT_NEWS[1][0],
    ]  # fmt: skip
    (error,) = errors_of(items)
    assert f"{cut}#urn:uuid:" in str(error)
    assert "cut short" in str(error) and "download it again" in str(error)


def test_a_broken_gzip_member_is_reported_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(
        gzip.compress(news(0).encode())
        + gzip.compress(news(1).encode())[:40]  # a member cut in the middle
        + b"not gzip at all"
        + gzip.compress(news(2).encode())
    )
    items = list(read_warc(path))
    assert [a.title for a in articles_of(items)] == [
        AGREEMENT_NEWS[0][0], AGREEMENT_NEWS[2][0],
    ]  # fmt: skip
    assert len(errors_of(items)) >= 1


def test_chunks_read_together_are_the_whole_file(tmp_path: Path) -> None:
    records = [news(n % 3) for n in range(7)]
    for gzipped in (True, False):
        path = write_warc(tmp_path / f"c{gzipped}.warc.gz", records, gzipped=gzipped)
        chunks = warc_chunks(path, records=3)
        assert len(chunks) == 3 and chunks[-1][1] is None
        parts = [
            a.source for start, end in chunks
            for a in articles_of(list(read_warc(path, start=start, end=end)))
        ]  # fmt: skip
        whole = [a.source for a in articles_of(list(read_warc(path)))]
        assert parts == whole and len(whole) == 7


def test_folders_list_archives_and_other_gz_is_still_refused(tmp_path: Path) -> None:
    mixed(tmp_path / "a.warc.gz")
    mixed(tmp_path / "b.WARC")
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(b"title: T\n\nBody."))
    assert sorted(p.name for p in walk([tmp_path]) if isinstance(p, Path)) == [
        "a.warc.gz", "b.WARC", "c.txt.gz",
    ]  # fmt: skip
    items = list(read_articles([tmp_path], match=default_match()))
    assert len(articles_of(items)) == 8
    assert any("gunzip" in str(e) for e in errors_of(items))


def test_load_stores_the_agreements_of_an_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = mixed(tmp_path / "news.warc.gz")
    store_dir = str(tmp_path / "store")
    assert main(["load", str(path), "--store", store_dir]) == 1  # the corrupt record
    out = capsys.readouterr().out
    assert (
        "3 article(s) loaded, 0 unchanged, 0 rejected, 1 unreadable; "
        "1 skipped as not English; 3 agreement(s)"
    ) in out
    rows = stored_agreements(store_dir)
    assert sorted(tuple(sorted(r["parties"])) for r in rows) == [
        ("Chile", "Norway"), ("Ghana", "Kenya"), ("Morocco", "Portugal"),
    ]  # fmt: skip


def test_load_match_everything_reads_the_other_news_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_warc(tmp_path / "n.warc", [news(0), other_news(0), other_news(1)])
    store_dir = str(tmp_path / "store")
    assert main(["load", str(path), "--store", store_dir, "--match", ""]) == 0
    assert "3 article(s) loaded" in capsys.readouterr().out


def test_a_bad_match_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_warc(tmp_path / "n.warc", [news(0)])
    code = main(["load", str(path), "--store", str(tmp_path / "s"), "--match", "("])
    assert code == 2
    assert "--match '(' is not a regular expression" in capsys.readouterr().err


def test_a_corrupt_record_after_records_of_other_types_is_one_error(
    tmp_path: Path,
) -> None:
    path = write_warc(tmp_path / "n.warc.gz", [*other_records(), CORRUPT, news(0)])
    items = list(read_warc(path))
    assert [a.title for a in articles_of(items)] == [AGREEMENT_NEWS[0][0]]
    assert len(errors_of(items)) == 1


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.warc", b"", "the file is empty"),
        ("text.warc", b"hello, not a WARC\n", "not a WARC file"),
        ("text.warc.gz", gzip.compress(b"hello"), "not a WARC file"),
    ],
)
def test_what_is_no_warc_is_said_to_be_none(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (error,) = list(read_warc(path))
    assert isinstance(error, ArticleError) and message in str(error)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(garbage=st.binary(max_size=300), cut=st.integers(0, 2000))
def test_arbitrary_bytes_end_in_articles_or_errors(
    tmp_path: Path, garbage: bytes, cut: int
) -> None:
    whole = b"".join(gzip.compress(r.encode()) for r in [news(0), news(1)])
    for content in (garbage, whole[:cut] + garbage + whole[cut:]):
        path = tmp_path / "fuzz.warc.gz"
        path.write_bytes(content)
        for item in read_warc(path):
            assert isinstance(item, Article | ArticleError)
