"""A corpus of bad input, made here, each case with its one-line message
(issue 13, items 2 and 3): no traceback, the batch goes on, the summary printed.

Files are read only after a look at what they are (a FIFO would block, a link
to /dev/zero never ends, a 2 GB file is refused by its size), JSONL records are
read one at a time and bounded like files, and what no store can hold (lone
surrogates, NUL) is refused with the fix.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from support import WriteArticle

from diplograph.articles import MAX_BYTES, read_articles
from diplograph.cli import main
from diplograph.errors import ArticleError, QueryError
from diplograph.model import Article
from diplograph.queries import run_query
from diplograph.store import open_store

HEAD = "published: 2015-06-25\ntitle: T\n\n"
BODY = "South Korea and Japan signed a fisheries treaty on Monday in Seoul.\n"
RECORD = {"text": BODY, "published": "2015-06-25", "title": "T"}


def _text(content: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(content, encoding="utf-8")


def _bytes(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def _sparse(path: Path) -> None:
    with path.open("wb") as handle:
        handle.write(HEAD.encode())
        handle.truncate(2_000_000_000)  # 2 GB, no disk used: never read whole


def _link(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def _loop(path: Path) -> None:
    path.symlink_to(path.with_name("loop-b.md"))
    path.with_name("loop-b.md").symlink_to(path)


def _unreadable(path: Path) -> None:
    path.write_text(HEAD + BODY, encoding="utf-8")
    path.chmod(0)


def _jsonl(*lines: str) -> Callable[[Path], None]:
    return _text("".join(line + "\n" for line in lines))


# name -> (how to make it, the words of its one-line message)
BAD: dict[str, tuple[Callable[[Path], None], str]] = {
    "empty.txt": (_text(""), "the file is empty"),
    "blank.md": (_text(" \n\t\n"), "the file is empty"),
    "binary.txt": (_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary data"),
    "nul-late.txt": (_text(HEAD + BODY * 200 + "\x00"), "binary data"),
    "utf16.txt": (_bytes((HEAD + BODY).encode("utf-16")), "UTF-16 text, not UTF-8"),
    "utf32.md": (_bytes((HEAD + BODY).encode("utf-32")), "UTF-32 text, not UTF-8"),
    "latin1.txt": (_bytes((HEAD + "Caf\xe9 " + BODY).encode("latin-1")), "not valid UTF-8"),
    "huge.txt": (_sparse, "2,000,000,000 bytes is too large for one article"),
    "devzero.txt": (_link("/dev/zero"), "a character device, not a regular file"),
    "dangling.html": (_link("nowhere.html"), "a link to nothing"),
    "loop-a.txt": (_loop, "a loop of symbolic links"),
    "fifo.txt": (lambda p: os.mkfifo(p), "a FIFO (named pipe)"),
    "no-date.txt": (_text("title: T\n\n" + BODY), "no publication date"),
    "bad-date.txt": (_text(HEAD.replace("2015-06-25", "2015-02-30") + BODY), "is not a date"),
    "year-0000.txt": (_text(HEAD.replace("2015", "0000") + BODY), "is not a date"),
    "header-only.txt": (_text(HEAD), "header but no body"),
    "broken.html": (_text("<html><body><script>x()</script></body></html>"), "no visible text"),
    "records.jsonl": (
        _jsonl(
            json.dumps(RECORD),  # line 1 loads
            '{"text": "\\ud800 half a character", "published": "2015-06-25"}',
            "[" * 100_000 + "]" * 100_000,
            '{"text": "a\\u0000b", "published": "2015-06-25"}',
            "not json",
            json.dumps({"title": "no text"}),
            json.dumps({**RECORD, "published": {"nested": [1, 2]}}),
            json.dumps({**RECORD, "id": "last"}),  # line 8 loads
        ),
        "records.jsonl:2: the 'text' field holds a lone surrogate or NUL",
    ),
}  # fmt: skip
# the other lines of records.jsonl
JSONL_LINES = {
    3: "the JSON is nested too deeply to read",
    4: "the 'text' field holds a lone surrogate or NUL",
    5: "not JSON",
    6: "no 'text' field",
    7: "publication date '<a JSON object>' is not a date",
}
# inputs that once stopped a load and now load
GOOD: dict[str, Callable[[Path], None]] = {
    "year-0001.txt": _text(HEAD.replace("2015-06-25", "0001-01-01") + BODY),
    "year-9999.txt": _text(HEAD.replace("2015-06-25", "9999-12-31") + BODY),
    "next-year-9999.txt": _text(
        HEAD.replace("2015-06-25", "9999-12-31")
        + "Japan and Peru signed a treaty last Monday; it takes effect next year, "
        "on January 3, next month and tomorrow.\n"
    ),
}
NOT_UTF8_NAME = os.fsdecode(b"caf\xe9-article.txt")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, (make, _) in BAD.items():
        make(folder / name)
    for name, make in GOOD.items():
        make(folder / name)
    (folder / NOT_UTF8_NAME).write_text(HEAD + BODY, encoding="utf-8")
    (folder / "big-record.jsonl").write_bytes(
        b'{"text": "' + b"x" * (MAX_BYTES + 10) + b'"}\n' + json.dumps(RECORD).encode()
    )
    return folder


def _messages(items: list[Article | ArticleError]) -> dict[str, str]:
    return {Path(e.path).name: str(e) for e in items if isinstance(e, ArticleError)}


def test_every_bad_input_is_its_own_one_line_error(corpus: Path) -> None:
    items = list(read_articles([corpus]))
    errors = [e for e in items if isinstance(e, ArticleError)]
    for error in errors:
        assert "\n" not in str(error)
        assert str(error).startswith(f"{error.path}: ")
    messages = {str(e) for e in errors}
    for name, (_, expected) in BAD.items():
        if name == "loop-a.txt" or name.endswith(".jsonl"):
            continue
        [message] = [m for m in messages if m.startswith(f"{corpus / name}: ")]
        assert expected in message, message
    [loop] = [m for m in messages if "loop-a.txt" in m]
    assert BAD["loop-a.txt"][1] in loop
    for number, expected in [(2, BAD["records.jsonl"][1]), *JSONL_LINES.items()]:
        # a record read, whose article is wrong, is named by its own name
        where = f"records.jsonl:{number}: " if number < 7 else f"records-{number}.jsonl"
        [message] = [m for m in messages if where in m]
        assert expected in message, message
    [big] = [m for m in messages if "big-record.jsonl:1" in m]
    assert f"over {MAX_BYTES:,} bytes" in big
    loaded = sorted(Path(a.source).name for a in items if isinstance(a, Article))
    assert loaded == sorted(
        [*GOOD, "big-record-2.jsonl", "last.jsonl", "records-1.jsonl",
         "caf\\xe9-article.txt"]
    )  # fmt: skip


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without permission")
def test_an_unreadable_file(tmp_path: Path, write_article: WriteArticle) -> None:
    bad = tmp_path / "unreadable.txt"
    _unreadable(bad)
    items = list(read_articles([bad, write_article()]))
    assert isinstance(items[0], ArticleError)
    assert "cannot be read (Permission denied). Check its permissions" in str(items[0])
    assert isinstance(items[1], Article)


def test_load_goes_through_the_corpus_and_prints_the_summary(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["load", str(corpus), "--store", str(tmp_path / "store")])
    out, err = capsys.readouterr()
    assert status == 1  # some articles not stored
    assert "Traceback" not in out + err
    assert "unreadable" in out.splitlines()[-1]
    assert "caf\\xe9-article.txt" in out
    skipped = [line for line in err.splitlines() if line.startswith("SKIPPED ")]
    # every file but records.jsonl, the loop's other end, records.jsonl's lines
    # and the big record
    expected = len(BAD) - 1 + 1 + 1 + len(JSONL_LINES) + 1
    assert len(skipped) == expected, err


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
