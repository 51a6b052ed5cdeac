"""One error root, so callers can catch everything diplograph raises."""

from __future__ import annotations

import os
from pathlib import Path


def shown_path(path: Path | str) -> str:
    """A path as printable text: bytes of a file name that are not UTF-8 (kept
    by Python as lone surrogates, which no terminal or store takes) shown as
    ``\\xff`` escapes.

    Example:
        >>> shown_path(os.fsdecode(b"caf\\xe9.txt"))
        'caf\\\\xe9.txt'
    """
    text = str(path)
    if text.isascii():
        return text
    try:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that came from no file name
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


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


class ResourceError(DiplographError, FileNotFoundError):
    """A folder the package ships (ontology/, shapes/, queries/) is missing:
    a broken install. Still a ``FileNotFoundError`` for callers that catch it."""


class StoreError(DiplographError):
    """The triple store could not be opened, read or written."""


class QueryError(DiplographError):
    """A saved query is unknown, malformed, or got a bad parameter."""


class GoldError(DiplographError):
    """A gold facts file for ``evaluate`` is missing or malformed; the message
    names the file and the fix."""

    def __init__(self, path: Path | str, problem: str, fix: str) -> None:
        self.path = str(path)
        super().__init__(f"{path}: {problem}. {fix}")
