"""The bad-input corpus of issue 13: how its cases are made and checked.

Each theme's module (``test_bad_input_text.py``, ``_html``, ``_jsonl``,
``_files``) holds a table, ``name: (make, expected)``: ``make(path)`` puts the
case at ``path`` (and returns the paths to name on the command line, if not
just found in the folder), ``expected`` is what reading gives: the words of
its one-line message, :data:`LOADS` (or a :class:`Loads` that says more), or
a tuple of those, in order, for a file of several records. Each case is read
on its own there; ``test_bad_input.py`` loads them all in one run of the CLI.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from diplograph.articles import read_articles
from diplograph.errors import ArticleError, shown_path
from diplograph.model import Article
from diplograph.pipeline import time_limit

HEAD = "published: 2015-06-25\ntitle: T\n\n"
# CASE becomes a tag of the file's path as it is written: each case its own
# text, so that loading the corpus stores each article (the same text again
# would be 'unchanged', not extracted or stored)
BODY = "South Korea and Japan signed a fisheries treaty on Monday in Seoul (CASE).\n"
ARTICLE = HEAD + BODY
LIMIT = 10.0  # seconds a case may take to read; none takes one


@dataclass(frozen=True)
class Loads:
    """Read as ``count`` articles; the first has this ``title`` and date (if
    given), and its text holds ``holds`` and none of ``lacks``."""

    count: int = 1
    title: str | None = None
    published: str | None = None
    holds: str = ""
    lacks: tuple[str, ...] = ()


LOADS = Loads()
Expected = str | Loads | tuple[str | Loads, ...]
Make = Callable[[Path], list[Path] | None]
Case = tuple[Make, Expected]


# --- makers -----------------------------------------------------------------


def text(content: str) -> Make:
    return lambda path: _write(path, content.encode("utf-8"))


def raw(content: bytes) -> Make:
    return lambda path: _write(path, content)


def article(body: str, head: str = HEAD) -> Make:
    return text(head + body)


def jsonl(*lines: str) -> Make:
    return text("".join(line + "\n" for line in lines))


def _write(path: Path, content: bytes) -> None:
    tag = hashlib.sha256(os.fsencode(path)).hexdigest()[:8]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.replace(b"CASE", tag.encode()))


def sparse(size: int) -> Make:
    """A file of ``size`` bytes that takes no disk: a header, then a hole."""

    def make(path: Path) -> None:
        with path.open("wb") as handle:
            handle.write(HEAD.encode())
            handle.truncate(size)

    return make


def link(target: str) -> Make:
    return lambda path: path.symlink_to(target)


def loop(path: Path) -> None:
    other = path.with_name(f"{path.stem}-other{path.suffix}")
    path.symlink_to(other.name)
    other.symlink_to(path.name)


def fifo(path: Path) -> None:
    os.mkfifo(path)


def socket_file(path: Path) -> None:
    os.mknod(path, stat.S_IFSOCK | 0o600)


def unreadable(make: Make) -> Make:
    """The case ``make`` makes, with no permissions at all."""

    def make_unreadable(path: Path) -> list[Path] | None:
        given = make(path)
        path.chmod(0)
        return given

    return make_unreadable


def folder(files: dict[str, Make], *, given: bool = False) -> Make:
    """A folder of files (names may hold '/'); ``given``: named on the command
    line itself, not only found in the corpus."""

    def make(path: Path) -> list[Path] | None:
        path.mkdir(parents=True)
        for name, make_file in files.items():
            (path / name).parent.mkdir(parents=True, exist_ok=True)
            make_file(path / name)
        return [path] if given else None

    return make


def given(*names: str, make: Make | None = None) -> Make:
    """Named on the command line: ``path`` (made by ``make``, if given) or,
    for each of ``names``, ``path`` with that appended ('' for path itself)."""

    def make_given(path: Path) -> list[Path]:
        if make is not None:
            make(path)
        return [Path(f"{path}{name}") for name in names or ("",)]

    return make_given


# --- checks -----------------------------------------------------------------


def make_cases(where: Path, cases: dict[str, Case]) -> list[Path]:
    """Make every case under ``where``; the paths to name on the command line
    besides ``where`` itself."""
    where.mkdir(parents=True, exist_ok=True)
    extra: list[Path] = []
    for name, (make, _) in cases.items():
        extra += make(where / name) or []
    return extra


def expected_outcomes(expected: Expected) -> list[str | Loads]:
    """One entry a message, and one a :class:`Loads` (whatever its count)."""
    return list(expected) if isinstance(expected, tuple) else [expected]


def read_case(tmp_path: Path, name: str, case: Case) -> None:
    """Make one case, read it (within :data:`LIMIT` seconds), and check what
    comes out against what it expects, in order."""
    make, expected = case
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    paths = make(path) or [path]
    with time_limit(LIMIT):  # a hang fails the case (OverTime), not the run
        items = list(read_articles(paths))
    shown = [str(item) if isinstance(item, ArticleError) else item for item in items]
    position = 0
    for want in expected_outcomes(expected):
        if isinstance(want, Loads):
            group = items[position : position + want.count]
            assert len(group) == want.count, shown
            assert all(isinstance(item, Article) for item in group), shown
            if group:
                check_article(group[0], want)
            position += want.count
        else:
            assert position < len(items), shown
            error = items[position]
            assert isinstance(error, ArticleError), shown
            check_error(error, want, shown_path(path))
            position += 1
    assert position == len(items), shown


def check_article(article: Article, want: Loads) -> None:
    if want.title is not None:
        assert article.title == want.title
    if want.published is not None:
        assert article.published.isoformat() == want.published
    assert want.holds in article.text, article.text[:300]
    for piece in want.lacks:
        assert piece not in article.text + article.title, piece


def check_error(error: ArticleError, words: str, case: str) -> None:
    """One line that names the case (its file, a file in it, a line of it),
    its problem, and a fix."""
    message = str(error)
    assert "\n" not in message and "\r" not in message, message
    assert message.startswith(f"{error.path}: "), message
    assert error.path.startswith(case), message
    assert error.fix.strip(), message
    assert words in message, message


# --- permissions, when the tests run as root --------------------------------


def as_a_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """As root, refuse what a user would be refused: opening a file or listing
    a folder that has no permissions at all (root reads them regardless)."""
    if os.geteuid() != 0:
        return

    def locked(path: Any) -> bool:
        if isinstance(path, int):  # a file descriptor
            return False
        try:
            return stat.S_IMODE(os.stat(path).st_mode) == 0
        except (OSError, ValueError):
            return False

    real_open, real_scandir = os.open, os.scandir

    def refusing_open(path: Any, *args: Any, **kwargs: Any) -> int:
        if locked(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def refusing_scandir(path: Any = ".") -> Any:
        if locked(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "open", refusing_open)
    monkeypatch.setattr(os, "scandir", refusing_scandir)
