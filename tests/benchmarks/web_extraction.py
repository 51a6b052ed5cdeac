"""Benchmark: reading an article out of a web page, trafilatura against the
one-pass reader of local .html files (diplograph.page), on the pages of
tests/data/web (written for the tests, with navigation, a cookie banner,
"most read" links, comments, newsletter boxes and footers around the article).

Not a test: it prints, for each reader and page, whether the article's text is
whole (its last paragraph is in), how many boilerplate markers leaked into the
text, whether the date, title and publisher were found, which parties the
extractor then finds, and the time per page.

    python tests/benchmarks/web_extraction.py
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import trafilatura

from diplograph.articles import read_file
from diplograph.extract import extract
from diplograph.model import Article

PAGES = Path(__file__).resolve().parents[1] / "data" / "web"
# words of each page's chrome, which must not reach the text
BOILERPLATE = [
    "cookies", "Most read", "Chile and Peru", "Portugal and Morocco", "Reader42",
    "Brazil", "Copyright", "Subscribe", "newsletter", "Privacy", "Front page",
    "all rights reserved", "Business",
]  # fmt: skip
LAST = {
    "fisheries.html": "new survey of the stocks",
    "water.html": "join the arrangement",
    "nodate.html": "every morning",
    "visas.html": "before the summer",
}


def with_trafilatura(path: Path) -> tuple[str, str | None, str, str | None]:
    document = trafilatura.bare_extraction(
        path.read_text("utf-8"), with_metadata=True, include_comments=False
    )
    assert document is not None
    return document.text or "", document.date, document.title or "", document.sitename


def with_page_reader(path: Path) -> tuple[str, str | None, str, str | None]:
    try:
        article = read_file(path)[0]
    except Exception:  # no date: read again with one to see the rest
        article = read_file(path, published=date(1900, 1, 1))[0]
    when = None if article.published.year == 1900 else article.published.isoformat()
    return article.text, when, article.title, article.publisher


def main() -> None:
    readers = (("trafilatura", with_trafilatura), ("page.py", with_page_reader))
    for name, reader in readers:
        print(f"== {name}")
        total = 0.0
        for path in sorted(PAGES.glob("*.html")):
            started = time.perf_counter()
            text, when, title, publisher = reader(path)
            total += time.perf_counter() - started
            leaked = [w for w in BOILERPLATE if w.lower() in text.lower()]
            facts = extract(Article(text, title, date(2025, 1, 1), path.name))
            parties = sorted({p for a in facts.agreements for p in a.parties})
            print(
                f"  {path.name:16} whole={LAST[path.name] in text!s:5} "
                f"leaked={leaked} date={when} publisher={publisher!r} "
                f"title={title[:40]!r} parties={parties}"
            )
        print(f"  {1000 * total / len(list(PAGES.glob('*.html'))):.1f} ms/page")


if __name__ == "__main__":
    main()
