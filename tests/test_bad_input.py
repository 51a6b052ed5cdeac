"""The bad-input corpus (issue 13), loaded whole through the command line: no
traceback, every bad file its one-line SKIPPED message, the batch goes on, the
summary printed, exit status 1.

The corpus is made here from the tables of ``test_bad_input_text.py``,
``_html``, ``_jsonl`` and ``_files`` (how a case is made and checked:
``bad_input.py``), each a kind of bad or awkward input with what reading it
gives; those modules read each case on its own. Sizes come from sparse files
and repetition, not real writes: the whole corpus loads in 7 s on two busy cores.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from pathlib import Path

import pytest
from bad_input import Case, Loads, as_a_user, expected_outcomes, make_cases
from test_bad_input_files import FILES
from test_bad_input_html import HTML
from test_bad_input_jsonl import JSONL
from test_bad_input_text import TEXT

from diplograph.cli import main
from diplograph.errors import QueryError, shown_path
from diplograph.queries import run_query
from diplograph.store import open_store

THEMES: dict[str, dict[str, Case]] = {
    "text": TEXT, "html": HTML, "jsonl": JSONL, "files": FILES,
}  # fmt: skip
SUMMARY = re.compile(
    r"(\d+) article\(s\) loaded.*, (\d+) unchanged, (\d+) rejected, "
    r"(\d+) unreadable; (\d+) skipped as not English; .* store: "
)


def test_the_corpus_has_the_kinds_the_issue_asks_for() -> None:
    kinds = sum(len(cases) for cases in THEMES.values())
    assert kinds >= 61, kinds


def test_the_whole_corpus_loads_in_one_run_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_a_user(monkeypatch)
    corpus = tmp_path / "corpus"
    named = [path for theme, cases in THEMES.items()
             for path in make_cases(corpus / theme, cases)]  # fmt: skip
    started = time.monotonic()
    # the paths named on their own first: an empty folder named after the
    # corpus, which walks it, would be skipped as read already
    status = main(["load", *map(str, named), str(corpus),
                   "--store", str(tmp_path / "store")])  # fmt: skip
    elapsed = time.monotonic() - started
    out, err = capsys.readouterr()
    assert status == 1  # some articles were not stored
    for words in ("Traceback", "internal error", "a bug in diplograph"):
        assert words not in out + err, words
    summary = SUMMARY.match(out.splitlines()[-1])
    assert summary, out.splitlines()[-1]
    loaded, unchanged, rejected, unreadable, not_english = map(int, summary.groups())

    # each SKIPPED line goes to its case: the case whose path it starts with
    expected = {shown_path(corpus / theme / name): want
                for theme, cases in THEMES.items()
                for name, (_, want) in cases.items()}  # fmt: skip
    skipped = [line.removeprefix("SKIPPED ") for line in err.splitlines()
               if line.startswith("SKIPPED ")]  # fmt: skip
    found = defaultdict(list)
    for message in skipped:
        owners = [case for case in expected if message.startswith(case)]
        assert owners, message
        found[max(owners, key=len)].append(message)
    articles = 0
    for case, want in expected.items():
        outcomes = expected_outcomes(want)
        words = [w for w in outcomes if isinstance(w, str)]
        articles += sum(w.count for w in outcomes if isinstance(w, Loads))
        assert len(found[case]) == len(words), (case, found[case])
        for message, piece in zip(found[case], words, strict=True):
            assert piece in message, message
    assert unreadable == len(skipped)
    # read, but not extracted: the Arabic, Chinese and Russian texts
    assert not_english == 3, out
    assert (loaded + unchanged + not_english, rejected) == (articles, 0), out
    assert "new\\nline.txt" in out and "caf\\xe9.txt" in out  # one line each
    print(f"{len(expected)} kinds, {len(skipped)} skipped, {articles} articles: "
          f"{elapsed:.1f} s")  # fmt: skip


@pytest.mark.parametrize("value", ["2014-13", "2014-02-30", "0000", "2014-1", "20140"])
def test_date_parameters_are_real_dates(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(":memory:")
    with pytest.raises(
        QueryError, match="must be a date as YYYY, YYYY-MM or YYYY-MM-DD, a real one"
    ):
        run_query(store, "signed-between", from_=value)
    open_store(str(tmp_path / "store"), create=True).close()  # a store there, empty
    status = main(["query", "signed-between", "--param", f"from={value}",
                   "--store", str(tmp_path / "store")])  # fmt: skip
    assert status == 2
    assert (
        "must be a date as YYYY, YYYY-MM or YYYY-MM-DD, a real one"
        in capsys.readouterr().err
    )
