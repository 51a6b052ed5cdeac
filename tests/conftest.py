"""Shared fixtures: article files in tmp_path, and a store per backend.

Store tests run once per backend, as rdflib's ``make_graph`` fixture does: one
contract, every backend. Only the embedded Oxigraph store exists today; a
remote backend joins by adding an opener to :data:`BACKENDS` (for example one
that starts ``oxigraph serve`` from the ``oxigraph`` test dependency on a free
port and returns ``open_store("http://127.0.0.1:PORT/query")``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import SMALL_BODY, SMALL_TITLE, SMALL_URL, WriteArticle

from diplograph.store import Store, open_store


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regenerate-cases",
        action="store_true",
        default=False,
        help="rewrite tests/cases/*/expected.json from the extractor's current output "
        "(review the diff before committing it)",
    )


@pytest.fixture
def write_article(tmp_path: Path) -> WriteArticle:
    """Write an article in the header format under ``tmp_path``; returns its path.

    ``name`` may hold folders ("batch/a.txt"). A header field given as None is
    left out.
    """

    def write(
        name: str = "article.txt",
        body: str = SMALL_BODY,
        *,
        url: str | None = SMALL_URL,
        publisher: str | None = "Example Wire",
        published: str | None = "2015-06-25",
        title: str | None = SMALL_TITLE,
    ) -> Path:
        fields = {
            "url": url,
            "publisher": publisher,
            "published": published,
            "title": title,
        }
        header = "".join(
            f"{key}: {value}\n" for key, value in fields.items() if value is not None
        )
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(header + "\n" + body, encoding="utf-8")
        return path

    return write


def _open_embedded(folder: Path) -> Store:
    return open_store(str(folder / "store"))


# Backend name -> opener. Calling an opener again with the same folder opens the
# same store again (tests of close and reopen rely on that).
BACKENDS: dict[str, Callable[[Path], Store]] = {
    "embedded": _open_embedded,
}


@pytest.fixture(params=sorted(BACKENDS))
def open_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], Store]:
    """Open (or reopen) this test's store of the parametrized backend."""
    opener = BACKENDS[request.param]
    return lambda: opener(tmp_path)


@pytest.fixture
def store(open_backend: Callable[[], Store]) -> Iterator[Store]:
    """An empty store of each backend, closed after the test."""
    opened = open_backend()
    yield opened
    opened.close()
