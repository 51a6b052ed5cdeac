"""A per-article time limit (issue 13, item 1): an article that takes longer is
its one-line error and the others go on, on one core as on several, and a slow
article holds the ones after it back by the limit at most.

The slow article is made slow here, by the work the test hands the pipeline
(or by ``extract`` replaced in the test), not by anything in diplograph."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from support import WriteArticle, tiny_articles

from diplograph import pipeline
from diplograph.cli import main
from diplograph.errors import ArticleError, DiplographError
from diplograph.model import Article
from diplograph.pipeline import in_parallel, time_limit
from diplograph.settings import DEFAULT_ARTICLE_TIMEOUT, Settings


def _slow_on_three(article: Article) -> str:
    if article.source == "3.txt":
        time.sleep(600)  # stands for an input that never ends
    return article.source


def _busy_on_three(article: Article) -> str:
    """Slow in pure computation, catching every Exception on the way: the limit
    still holds (it is no Exception)."""
    while article.source == "3.txt":
        try:
            sum(range(10_000))
        except Exception:  # noqa: S110 - what a careless rule might do
            pass
    return article.source


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("work", [_slow_on_three, _busy_on_three])
def test_a_slow_article_is_its_error_and_the_others_go_on(work, workers) -> None:
    started = time.monotonic()
    outcomes = list(in_parallel(work, tiny_articles(20), workers=workers, timeout=0.5))
    elapsed = time.monotonic() - started
    assert elapsed < 15
    errors = [o for o in outcomes if isinstance(o, ArticleError)]
    assert [str(o) for o in outcomes if not isinstance(o, ArticleError)] == [
        f"{i}.txt" for i in range(20) if i != 3
    ]
    assert len(errors) == 1 and errors[0].path == "3.txt"
    assert "took more than 0.5 s" in str(errors[0])
    assert "--article-timeout" in str(errors[0])


def test_few_articles_still_have_the_limit() -> None:
    """One or a few articles run in this process (no pool): the limit holds."""
    outcomes = list(in_parallel(_slow_on_three, tiny_articles(4), timeout=0.3))
    assert isinstance(outcomes[3], ArticleError)


def test_the_limit_ends_and_the_handler_before_is_back() -> None:
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5):
        pass
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_settings_read_the_limit() -> None:
    assert Settings.gather(environ={}).article_timeout == DEFAULT_ARTICLE_TIMEOUT
    env = {"DIPLOGRAPH_ARTICLE_TIMEOUT": "2.5"}
    assert Settings.gather(environ=env).article_timeout == 2.5
    assert Settings.gather(article_timeout="7", environ=env).article_timeout == 7
    for off in ("0", "none", "OFF"):
        no_limit = {"DIPLOGRAPH_ARTICLE_TIMEOUT": off}
        assert Settings.gather(environ=no_limit).article_timeout is None
    for bad in ("soon", "-1", "nan"):
        with pytest.raises(DiplographError, match="DIPLOGRAPH_ARTICLE_TIMEOUT"):
            Settings.gather(environ={"DIPLOGRAPH_ARTICLE_TIMEOUT": bad})


def test_load_skips_the_slow_article(
    write_article: WriteArticle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_article("in/a.txt")
    write_article("in/slow.txt", url="https://example.org/slow")
    extract = pipeline.extract

    def slow_extract(article: Article, **options: object) -> object:
        if Path(article.source).name == "slow.txt":
            time.sleep(600)
        return extract(article, **options)  # type: ignore[arg-type]

    extract(Article("Peru and Ghana signed a treaty.", "T", date(2024, 3, 11), "w"))
    monkeypatch.setattr(pipeline, "extract", slow_extract)  # and warmed up above
    store = tmp_path / "store"
    started = time.monotonic()
    code = main(["load", str(tmp_path / "in"), "--store", str(store),
                 "--article-timeout", "2"])  # fmt: skip
    assert time.monotonic() - started < 30
    out, err = capsys.readouterr()
    assert code == 1, err
    assert "1 article(s) loaded" in out and "1 unreadable" in out, err
    assert "slow.txt: took more than 2 s to process" in err


def test_a_bad_limit_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["load", str(tmp_path), "--article-timeout", "soon"])
    assert code == 2
    assert "--article-timeout: 'soon' is not a time limit" in capsys.readouterr().err
