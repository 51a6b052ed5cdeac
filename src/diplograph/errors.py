"""One error root, so callers can catch everything diplograph raises."""

from __future__ import annotations

import os
import re
from pathlib import Path


def shown_path(path: Path | str) -> str:
    """A path as printable text on one line: bytes of a file name that are not
    UTF-8 (kept by Python as lone surrogates, which no terminal or store takes)
    shown as ``\\xff`` escapes, and so are control characters (a newline in a
    name would split a one-line message; an escape sequence would drive the
    terminal) and bidirectional controls (they reorder what is shown).

    Example:
        >>> shown_path(os.fsdecode(b"caf\\xe9.txt"))
        'caf\\\\xe9.txt'
        >>> shown_path("two\\nlines.txt")
        'two\\\\nlines.txt'
    """
    text = str(path)
    if text.isascii() and text.isprintable():
        return text
    try:
        text = os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that came from no file name
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _UNSHOWN.sub(_escape, text)


# C0 and C1 controls, DEL, and the marks and overrides of bidirectional text
_UNSHOWN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or char.encode("unicode_escape").decode("ascii")


class DiplographError(Exception):
    """Base of every error diplograph raises on purpose."""


class ArticleError(DiplographError):
    """An article could not be read; the message names the file and the fix."""

    def __init__(self, path: Path | str, problem: str, fix: str) -> None:
        self.path = shown_path(path)
        self.problem, self.fix = problem, fix
        super().__init__(f"{self.path}: {problem}. {fix}")

    def __reduce__(self) -> tuple[type[ArticleError], tuple[str, str, str]]:
        # made again from its three parts, not from the message alone: an error
        # returned by an extraction worker crosses a process boundary pickled
        return type(self), (self.path, self.problem, self.fix)


class FetchError(ArticleError):
    """A web page or feed could not be fetched or read; the message names the
    URL, the status or reason, and the fix. ``status``: the HTTP status, if a
    response came."""

    def __init__(
        self, url: str, problem: str, fix: str, *, status: int | None = None
    ) -> None:
        super().__init__(url, problem, fix)
        self.status = status  # not pickled: an error crosses processes as words


class ResourceError(DiplographError, FileNotFoundError):
    """A folder the package ships (ontology/, shapes/, queries/) is missing:
    a broken install. Still a ``FileNotFoundError`` for callers that catch it."""


class StoreError(DiplographError):
    """The triple store could not be opened, read or written."""


class QueryError(DiplographError):
    """A saved query is unknown, malformed, or got a bad parameter."""


class PlotError(DiplographError):
    """A picture cannot be made as asked: a file suffix no format has, a
    period that runs backwards; the message names the fix."""


class GoldError(DiplographError):
    """A gold facts file for ``evaluate`` is missing or malformed; the message
    names the file and the fix."""

    def __init__(self, path: Path | str, problem: str, fix: str) -> None:
        self.path = str(path)
        super().__init__(f"{path}: {problem}. {fix}")


class NotEnglishError(ArticleError):
    """An article in another language, left out rather than mis-extracted:
    the extraction rules read English only. Counted apart from unreadable files."""
