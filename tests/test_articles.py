"""Step 1, read: every format, folders, and bad input that must not stop a batch."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import SMALL_BODY, SMALL_TITLE, SMALL_URL, WriteArticle
from warcs import response, write_warc

from diplograph.archives import WARC_SUFFIXES
from diplograph.articles import MAX_BYTES, SUFFIXES, read_articles, read_file
from diplograph.errors import ArticleError, DiplographError
from diplograph.model import Article


def read_one(path: Path, **options: date) -> Article:
    [item] = list(read_articles([path], **options))
    assert isinstance(item, Article), item
    return item


# ---------------------------------------------------------------------------
# Formats
# ---------------------------------------------------------------------------


def test_header_format(write_article: WriteArticle) -> None:
    article = read_one(write_article("seed.txt"))
    assert article.title == SMALL_TITLE
    assert article.url == SMALL_URL
    assert article.publisher == "Example Wire"
    assert article.published == date(2015, 6, 25)
    assert (
        article.text == SMALL_BODY
    )  # the body exactly, header and blank line left out
    assert article.stem == "seed"


def test_header_without_url_or_publisher(write_article: WriteArticle) -> None:
    article = read_one(write_article(url=None, publisher=None))
    assert article.url is None and article.publisher is None
    assert article.published == date(2015, 6, 25)


def test_header_with_empty_url_means_no_url(write_article: WriteArticle) -> None:
    assert read_one(write_article(url="")).url is None


def test_crlf_line_endings_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(
        b"\xef\xbb\xbfpublished: 2015-06-25\r\ntitle: T\r\n\r\n"
        b"Line one.\r\nLine two.\r\n"
    )
    article = read_one(path)
    assert article.title == "T"
    assert article.text == "Line one.\nLine two.\n"


def test_plain_text_title_from_first_line_and_date_from_dateline(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(
        "Japan and South Korea sign fisheries deal\n\n"
        "TOKYO, June 25, 2015 -- Japan and South Korea signed a fisheries agreement"
        " on Wednesday.\n",
        encoding="utf-8",
    )
    article = read_one(path)
    assert article.title == "Japan and South Korea sign fisheries deal"
    assert article.published == date(2015, 6, 25)
    assert article.text.startswith("TOKYO, June 25, 2015 --")
    assert "sign fisheries deal" not in article.text


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("25 June 2015", date(2015, 6, 25)),
        ("2015-06-25", date(2015, 6, 25)),
        ("Sept. 3, 2019", date(2019, 9, 3)),
    ],
)
def test_plain_text_dateline_forms(
    tmp_path: Path, dateline: str, expected: date
) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(
        f"Headline\n\nOSLO, {dateline} -- Norway signed it.\n", encoding="utf-8"
    )
    assert read_one(path).published == expected


def test_plain_text_date_from_published_option(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(
        "A headline\n\nNorway and Iceland signed a fisheries agreement.\n",
        encoding="utf-8",
    )
    assert read_one(path, published=date(2020, 1, 2)).published == date(2020, 1, 2)


def test_published_option_does_not_override_the_articles_own_date(
    write_article: WriteArticle,
) -> None:
    # --published is "for articles that give none": a header date wins.
    article = read_one(
        write_article(published="2015-06-25"), published=date(2020, 1, 2)
    )
    assert article.published == date(2015, 6, 25)


def test_plain_text_date_from_url(write_article: WriteArticle) -> None:
    path = write_article(published=None, url="https://example.org/news/2016/11/23/pact")
    assert read_one(path).published == date(2016, 11, 23)


HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Fallback title | Example Newsroom</title>
  <meta property="og:site_name" content="Example Newsroom">
  <meta property="og:title" content="Norway, Iceland sign fisheries agreement">
  <meta property="og:url" content="https://example.org/newsroom/2015/06/25/fisheries">
  <meta property="article:published_time" content="2015-06-25T09:30:00+02:00">
  <script>window.tracker = {"section": "treaty news"};</script>
  <style>p { color: black; }</style>
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/treaties">Treaties menu</a></nav></header>
  <article>
    <h1>Norway, Iceland sign fisheries agreement</h1>
    <p>OSLO, June 25 &ndash; Norway and Iceland signed a fisheries deal.</p>
    <p>The agreement sets catch limits for <b>herring</b> &amp; mackerel.</p>
  </article>
  <aside>Related: other treaty stories</aside>
  <footer>Copyright Example Newsroom. Subscribe now.</footer>
  <script>document.write("tracking pixel");</script>
</body>
</html>
"""


def test_html_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    article = read_one(path)
    assert (
        article.title == "Norway, Iceland sign fisheries agreement"
    )  # og:title before <title>
    assert article.publisher == "Example Newsroom"
    assert article.url == "https://example.org/newsroom/2015/06/25/fisheries"
    assert article.published == date(2015, 6, 25)
    assert "Norway and Iceland signed a fisheries deal." in article.text
    assert (
        "catch limits for herring & mackerel." in article.text
    )  # entities decoded, inline tags kept
    assert "OSLO, June 25 \u2013 Norway" in article.text
    for chrome in (
        "tracker",
        "tracking pixel",
        "color: black",
        "Treaties menu",
        "Subscribe",
        "Related:",
    ):
        assert chrome not in article.text


def test_html_title_from_title_tag_without_og(tmp_path: Path) -> None:
    path = tmp_path / "bare.htm"
    path.write_text(
        "<html><head><title>Bare page</title>"
        "<meta name='date' content='2015-06-25'></head>"
        "<body><p>Norway signed it.</p></body></html>",
        encoding="utf-8",
    )
    article = read_one(path)
    assert (article.title, article.published, article.text) == (
        "Bare page",
        date(2015, 6, 25),
        "Norway signed it.",
    )


def test_html_with_unclosed_title_is_refused_not_crashed(tmp_path: Path) -> None:
    # As in a browser, an unclosed <title> takes the rest of the page as its text,
    # so there is no body: an ArticleError naming the file, not a traceback.
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><head><title>Broken page<body><p>Norway signed it.", encoding="utf-8"
    )
    [item] = list(read_articles([path]))
    assert isinstance(item, ArticleError)
    assert str(item).startswith(f"{path}: the page has no visible text")


def test_malformed_html_with_unclosed_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "unclosed.html"
    path.write_text(
        "<html><head><title>Unclosed</title></head>"
        "<body><p>OSLO, June 25, 2015 -- Norway and"
        " Iceland signed a <b>fisheries agreement<p>on Wednesday.<div>The end",
        encoding="utf-8",
    )
    article = read_one(path)
    assert article.title == "Unclosed"
    assert article.published == date(2015, 6, 25)
    assert "Norway and Iceland signed a fisheries agreement" in article.text
    assert "on Wednesday." in article.text and "The end" in article.text


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "---\n"
        'title: "Norway, Iceland sign fisheries agreement"\n'
        "published: 2015-06-25\n"
        "url: https://example.org/md/fisheries\n"
        "publisher: Example Blog\n"
        "tags: [ignored]\n"
        "---\n"
        "# Fisheries\n\n"
        "Norway and **Iceland** signed a [fisheries agreement](https://example.org/t)"
        " on Wednesday.\n",
        encoding="utf-8",
    )
    article = read_one(path)
    assert article.title == "Norway, Iceland sign fisheries agreement"
    assert article.published == date(2015, 6, 25)
    assert article.url == "https://example.org/md/fisheries"
    assert article.publisher == "Example Blog"
    assert (
        "Norway and Iceland signed a fisheries agreement on Wednesday." in article.text
    )
    assert (
        "**" not in article.text
        and "](" not in article.text
        and "# " not in article.text
    )
    assert "tags" not in article.text


def test_markdown_without_front_matter_takes_the_heading(tmp_path: Path) -> None:
    path = tmp_path / "plain.markdown"
    path.write_text(
        "# Norway and Iceland sign\n\nOSLO, June 25, 2015 -- They signed.\n",
        encoding="utf-8",
    )
    article = read_one(path)
    assert article.title == "Norway and Iceland sign"
    assert article.published == date(2015, 6, 25)


def test_jsonl_with_several_articles(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    records = [
        {"id": "first", "text": "Norway and Iceland signed it.", "title": "One",
         "published": "2015-06-25", "url": "https://example.org/1",
         "publisher": "Wire"},
        {"text": "Japan and South Korea signed it.", "published": "2016-11-23",
         "title": "Two"},
        {"text": "OSLO, June 25, 2015 -- A third one.", "title": "Three"},
    ]  # fmt: skip
    path.write_text(
        "\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8"
    )
    articles = list(read_articles([path]))
    assert all(isinstance(a, Article) for a in articles)
    assert [a.title for a in articles] == ["One", "Two", "Three"]  # type: ignore[union-attr]
    assert [a.published for a in articles] == [
        date(2015, 6, 25),
        date(2016, 11, 23),
        date(2015, 6, 25),
    ]  # type: ignore[union-attr]
    assert [a.stem for a in articles] == ["first", "batch-2", "batch-3"]  # type: ignore[union-attr]
    assert (
        articles[0].url == "https://example.org/1" and articles[0].publisher == "Wire"
    )  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("not json at all", "not JSON"),
        ('["a list"]', "the line is a JSON array, not an object"),
        ('{"title": "no text"}', "no 'text' field"),
    ],
)
def test_jsonl_bad_line_names_the_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        json.dumps({"text": "Fine.", "published": "2015-06-25"}) + "\n" + line + "\n",
        encoding="utf-8",
    )
    good, error = list(read_articles([path]))
    assert isinstance(good, Article) and good.text == "Fine."  # the rest still loads
    assert isinstance(error, ArticleError)
    assert f"{path}:2" in str(error) and problem in str(error)


def test_folder_expansion(tmp_path: Path, write_article: WriteArticle) -> None:
    write_article("batch/b.txt")
    write_article("batch/a.txt")
    write_article("batch/nested/deeper/c.md")
    (tmp_path / "batch" / "a.json").write_text(
        "{}", encoding="utf-8"
    )  # gold facts, not an article
    (tmp_path / "batch" / "notes.csv").write_text("x,y\n", encoding="utf-8")
    (tmp_path / "batch" / "README.md").write_text(
        "# How this folder works\n", encoding="utf-8"
    )
    single = write_article("single.txt")
    items = list(read_articles([tmp_path / "batch", single]))
    assert all(isinstance(i, Article) for i in items), items
    names = [Path(i.source).relative_to(tmp_path).as_posix() for i in items]  # type: ignore[union-attr]
    assert names == [
        "batch/a.txt",
        "batch/b.txt",
        "batch/nested/deeper/c.md",
        "single.txt",
    ]


def test_every_documented_suffix_is_read(tmp_path: Path) -> None:
    bodies = {
        ".txt": "published: 2015-06-25\ntitle: T\n\nBody.",
        ".md": "---\npublished: 2015-06-25\n---\n# T\n\nBody.",
        ".markdown": "---\npublished: 2015-06-25\n---\n# T\n\nBody.",
        ".html": "<title>T</title><meta name='date' content='2015-06-25'><p>Body.</p>",
        ".htm": "<title>T</title><meta name='date' content='2015-06-25'><p>Body.</p>",
        ".jsonl": json.dumps(
            {"text": "Body.", "published": "2015-06-25", "title": "T"}
        ),
    }
    assert set(bodies) | set(WARC_SUFFIXES) == set(SUFFIXES)
    paths = []
    for suffix, content in bodies.items():
        paths.append(tmp_path / f"a{suffix}")
        paths[-1].write_text(content, encoding="utf-8")
    for suffix in WARC_SUFFIXES:  # news archives: one HTML response each
        page = response("https://example.org/a", "T", ["Body."], published="2015-06-25")
        paths.append(write_warc(tmp_path / f"a{suffix}", [page]))
    for path in paths:
        suffix = "".join(path.suffixes)
        article = read_one(path)
        assert (article.title, article.published) == ("T", date(2015, 6, 25)), suffix
        assert article.text.strip().endswith("Body."), (
            suffix
        )  # a heading may stay in the body


# ---------------------------------------------------------------------------
# Bad input: an ArticleError naming the file and a fix, and the batch goes on
# ---------------------------------------------------------------------------

BAD_INPUTS: dict[str, tuple[str, bytes, str]] = {
    # name: (file name, content, a word of the fix the message must give)
    "empty": ("empty.txt", b"", "body"),
    "whitespace only": ("blank.txt", b"  \n\n \t\n", "body"),
    "binary": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "text"),
    "latin-1": (
        "latin1.txt",
        "published: 2015-06-25\ntitle: Caf\u00e9\n\nS\u00e3o Paulo.".encode("latin-1"),
        "UTF-8",
    ),
    "unsupported suffix": ("report.pdf", b"%PDF-1.4 not an article", ".txt"),
    "missing date": (
        "undated.txt",
        b"A headline\n\nNorway and Iceland signed a fisheries agreement.",
        "published",
    ),
    "bad header date": (
        "baddate.txt",
        b"published: 2015-13-45\ntitle: T\n\nBody.",
        "YYYY-MM-DD",
    ),
    "header without body": (
        "nobody.txt",
        b"published: 2015-06-25\ntitle: T\n\n   \n",
        "text",
    ),
    "html without text": (
        "empty.html",
        b"<html><head><title>T</title></head><body><script>x()</script></body></html>",
        "page",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_gives_an_article_error_and_the_batch_goes_on(
    case: str, tmp_path: Path, write_article: WriteArticle
) -> None:
    name, content, fix_word = BAD_INPUTS[case]
    bad = tmp_path / name
    bad.write_bytes(content)
    first, last = write_article("first.txt"), write_article("last.txt")
    items = list(read_articles([first, bad, last]))
    assert len(items) == 3
    assert isinstance(items[0], Article) and isinstance(items[2], Article)
    error = items[1]
    assert isinstance(error, ArticleError) and isinstance(error, DiplographError)
    assert error.path == str(bad)
    message = str(error)
    assert message.startswith(f"{bad}: ")
    assert fix_word in message, message


def test_huge_file_is_refused(tmp_path: Path, write_article: WriteArticle) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_bytes(
        b"published: 2015-06-25\ntitle: T\n\n"
        + b"All work and no play. " * (MAX_BYTES // 22 + 10)
    )
    assert huge.stat().st_size > 5_000_000
    items = list(read_articles([huge, write_article()]))
    assert (
        isinstance(items[0], ArticleError)
        and "Split it" in str(items[0])
        and str(huge) in str(items[0])
    )
    assert isinstance(items[1], Article)


def test_missing_file(tmp_path: Path) -> None:
    [error] = list(read_articles([tmp_path / "nowhere.txt"]))
    assert isinstance(error, ArticleError) and "no such file" in str(error)


def test_read_file_raises_instead_of_yielding(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ArticleError, match="empty"):
        read_file(path)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    content=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.builds(
            lambda head, body: (head + "\n\n" + body).encode("utf-8", "surrogatepass"),
            st.sampled_from(
                [
                    "published: 2015-06-25",
                    "title: x\npublished: 2015-02-30",
                    "url: http://a/2015/06/25/x",
                    "---\npublished: 2015-06-25\n---",
                    "<html><meta name=date content=2015-06-25>",
                    "<!",
                    "{",
                ]
            ),
            st.text(max_size=200),
        ),  # fmt: skip
    ),
    suffix=st.sampled_from(sorted(SUFFIXES) + [".TXT", ".csv"]),
)
def test_read_file_on_arbitrary_bytes_raises_only_article_error(
    fuzz_dir: Path, content: bytes, suffix: str
) -> None:
    path = fuzz_dir / f"fuzz{suffix}"
    path.write_bytes(content)
    try:
        articles = read_file(path)
    except ArticleError as error:
        assert str(path) in str(error) or f"{fuzz_dir}" in str(error)
        return
    for article in articles:
        assert isinstance(article, Article)
        assert article.text.strip() and isinstance(article.published, date)
