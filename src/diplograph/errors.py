"""One error root, so callers can catch everything diplograph raises."""

from __future__ import annotations

from pathlib import Path


class DiplographError(Exception):
    """Base of every error diplograph raises on purpose."""


class ArticleError(DiplographError):
    """An article could not be read; the message names the file and the fix."""

    def __init__(self, path: Path | str, problem: str, fix: str) -> None:
        self.path = str(path)
        super().__init__(f"{path}: {problem}. {fix}")


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
