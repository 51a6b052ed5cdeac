"""Articles not in English are skipped with their language, never extracted;
short or ambiguous English ones are kept. Paragraphs: tests/language_samples.py."""

from __future__ import annotations

import json
import logging
import pickle
from datetime import date
from pathlib import Path

import pytest
from language_samples import SAMPLES
from support import stored_agreements
from warcs import AGREEMENT_NEWS, FOREIGN_NEWS, response, write_warc

from diplograph.cli import main
from diplograph.errors import ArticleError, NotEnglishError
from diplograph.language import MIN_LETTERS, require_english
from diplograph.model import Article
from diplograph.pipeline import in_parallel, process

DAY = date(2024, 3, 12)


def article(text: str, title: str = "") -> Article:
    return Article(text, title, DAY, "a.txt")


@pytest.mark.parametrize("text", SAMPLES["en"])
def test_english_is_kept_headlines_and_lists_of_names_too(text: str) -> None:
    require_english(article(text))


@pytest.mark.parametrize(
    "language, text",
    [(lang, text) for lang, texts in SAMPLES.items() if lang != "en" for text in texts],
)
def test_other_languages_are_left_out_by_name(language: str, text: str) -> None:
    with pytest.raises(NotEnglishError) as raised:
        require_english(article(text))
    assert f"its language is {language!r}" in str(raised.value)
    assert str(raised.value).startswith("a.txt: not English")


def test_too_short_to_tell_is_kept() -> None:
    short = "Merci, Paris!"  # French, but under MIN_LETTERS letters
    assert sum(c.isalpha() for c in short) < MIN_LETTERS
    require_english(article(short))


def test_the_title_counts_with_the_text() -> None:
    # a German title over a two-word body: judged on both
    with pytest.raises(NotEnglishError):
        require_english(article("Berlin, Warschau.", FOREIGN_NEWS["de"][1][0]))


def test_the_error_crosses_processes_as_itself() -> None:
    error = NotEnglishError("a.txt", "not English", "left out")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is NotEnglishError and str(again) == str(error)


def test_the_pipeline_skips_them_in_order_and_extracts_the_rest() -> None:
    english = article(" ".join(AGREEMENT_NEWS[0][1]), AGREEMENT_NEWS[0][0])
    spanish = article(" ".join(FOREIGN_NEWS["es"][1]), FOREIGN_NEWS["es"][0])
    outcomes = list(in_parallel(process, [spanish, english, spanish], workers=1))
    assert [type(o).__name__ for o in outcomes] == [
        "NotEnglishError", "Processed", "NotEnglishError",
    ]  # fmt: skip


def write_jsonl(path: Path) -> Path:
    texts = {
        "en": (AGREEMENT_NEWS[1][0], " ".join(AGREEMENT_NEWS[1][1])),
        "de": (FOREIGN_NEWS["de"][0], FOREIGN_NEWS["de"][1][0]),
        "es": (FOREIGN_NEWS["es"][0], FOREIGN_NEWS["es"][1][0]),
    }
    records = [
        {"id": key, "title": title, "text": text, "published": "2024-03-13"}
        for key, (title, text) in texts.items()
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_load_counts_them_for_every_kind_of_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "wire.jsonl")
    (folder / "de.txt").write_text(
        f"title: {FOREIGN_NEWS['de'][0]}\npublished: 2024-03-12\n\n"
        + FOREIGN_NEWS["de"][1][0], encoding="utf-8",
    )  # fmt: skip
    # 'accord' passes the prefilter, as in any language that borrows it
    uri = "https://news.example.org/2024/03/11/fr"
    write_warc(folder / "a.warc.gz", [response(uri, *FOREIGN_NEWS["fr"])])
    store_dir = str(tmp_path / "store")
    assert main(["load", str(folder), "--store", store_dir]) == 0  # not a failure
    out = capsys.readouterr().out
    assert (
        "1 article(s) loaded, 0 unchanged, 0 rejected, 0 unreadable; "
        "4 skipped as not English; 1 agreement(s)"
    ) in out
    assert "skipped " in out and "its language is 'fr'" in out
    rows = stored_agreements(store_dir)
    assert [sorted(r["parties"]) for r in rows] == [["Ghana", "Kenya"]]


def test_extract_skips_them_and_says_how_many(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    path = write_jsonl(tmp_path / "wire.jsonl")
    out = tmp_path / "facts"
    with caplog.at_level(logging.INFO, logger="diplograph"):
        assert main(["extract", str(path), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["en.json"]
    assert "2 article(s) skipped as not English" in caplog.text


def test_not_english_is_an_article_error() -> None:
    # callers that catch ArticleError (every reader's) catch it too
    assert issubclass(NotEnglishError, ArticleError)
