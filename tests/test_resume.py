"""Loads that resume and repeat (issue 13, item 5): a stored article is skipped
by its content hash before it is extracted, and two files with the same URL do
not make every load rewrite the article."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SMALL_BODY, WriteArticle

from diplograph import pipeline
from diplograph.errors import ArticleError
from diplograph.model import Article, Processed
from diplograph.pipeline import load
from diplograph.settings import Settings
from diplograph.store import open_store


def _statuses(outcomes: list[Processed | ArticleError]) -> list[str]:
    return ["error" if isinstance(o, ArticleError) else o.status for o in outcomes]


def _load(folder: Path, store: Path) -> list[Processed | ArticleError]:
    opened = open_store(str(store), create=True)
    try:
        return list(load([folder], opened, settings=Settings(store=str(store))))
    finally:
        opened.close()


def test_a_resumed_load_extracts_only_new_articles(
    write_article: WriteArticle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):
        write_article(f"in/{n}.txt", url=f"https://example.org/{n}")
    store = tmp_path / "store"
    assert _statuses(_load(tmp_path / "in", store)) == ["stored"] * 3
    write_article("in/3.txt", url="https://example.org/3")
    extracted: list[str] = []
    extract = pipeline.extract

    def counting(article: Article, **options: object) -> object:
        extracted.append(Path(article.source).name)
        return extract(article, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "extract", counting)
    outcomes = _load(tmp_path / "in", store)
    assert _statuses(outcomes) == ["unchanged"] * 3 + ["stored"]
    assert [Path(o.article.source).name for o in outcomes] == [  # type: ignore[union-attr]
        "0.txt",
        "1.txt",
        "2.txt",
        "3.txt",
    ]
    assert extracted == ["3.txt"]  # before: all four, the stored ones first


def test_two_files_with_one_url_do_not_rewrite_it_on_every_load(
    write_article: WriteArticle, tmp_path: Path
) -> None:
    write_article("in/a.txt", url="https://example.org/same")
    write_article(
        "in/b.txt", SMALL_BODY.replace("July 1", "August 1"),
        url="https://example.org/same",
    )  # fmt: skip
    store = tmp_path / "store"
    first = _load(tmp_path / "in", store)
    assert _statuses(first) == ["stored", "error"]
    message = str(first[1])
    assert "b.txt: has the URL of" in message and "a.txt" in message
    for _ in range(2):  # before: each load stored a.txt again, then b.txt
        assert _statuses(_load(tmp_path / "in", store)) == ["unchanged", "error"]


def test_two_files_with_one_text_are_one_article(
    write_article: WriteArticle, tmp_path: Path
) -> None:
    write_article("in/a.txt", url=None)
    write_article("in/copy.txt", url=None, published="2015-06-26")
    for expected in (["stored", "unchanged"], ["unchanged", "unchanged"]):
        assert _statuses(_load(tmp_path / "in", tmp_path / "store")) == expected
