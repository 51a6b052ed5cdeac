"""Shared fixtures: article files in tmp_path, and a store per backend.

Store tests run once per backend, as rdflib's ``make_graph`` fixture does: one
contract, every backend: the embedded Oxigraph store, and a real Oxigraph
server (``oxigraph serve`` from the ``oxigraph`` test dependency, started once
per session on a free port of 127.0.0.1, emptied for each test).
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import WriteArticle
from web_site import Server, Site

from rdflib import URIRef

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
    return WriteArticle(tmp_path)


def _open_embedded(folder: Path) -> Store:
    return open_store(str(folder / "store"), create=True)


class OxigraphServer:
    """``oxigraph serve`` on 127.0.0.1, started on first use, stopped at exit."""

    def __init__(self) -> None:
        self.url: str | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._seen: set[Path] = set()

    def start(self) -> str:
        if self.url:
            return self.url
        binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        if not Path(binary).exists():
            pytest.skip("the oxigraph server is not installed (pip install '.[test]')")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        location = tempfile.mkdtemp(prefix="diplograph-oxigraph-")
        self._process = subprocess.Popen(
            [binary, "serve", "--location", location, "--bind", f"127.0.0.1:{port}",
             "--union-default-graph"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        atexit.register(self.stop)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("oxigraph serve did not answer within 10 s")
        self.url = f"{base}/query"
        return self.url

    def open(self, folder: Path) -> Store:
        store = open_store(self.start())
        if folder not in self._seen:  # a new test: start from an empty store
            self._seen.add(folder)
            store._post_update("DROP ALL")  # type: ignore[attr-defined]
        return store

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)
            self._process = None


OXIGRAPH_SERVER = OxigraphServer()


class ExternalServer:
    """A SPARQL server started outside the tests (CI starts Virtuoso with
    ``.ci/virtuoso``): its endpoint comes from an environment variable. Each
    test empties the diplograph graphs only, since servers keep system graphs."""

    def __init__(self, variable: str) -> None:
        self.variable = variable
        self._seen: set[Path] = set()

    def open(self, folder: Path) -> Store:
        url = os.environ.get(self.variable)
        if not url:
            pytest.skip(f"set {self.variable} to a SPARQL endpoint to test against it")
        store = open_store(url)
        if folder not in self._seen:
            self._seen.add(folder)
            for graph in store.graphs():
                if graph.startswith("https://w3id.org/diplograph/"):
                    store.remove_graph(URIRef(graph))
        return store


# Backend name -> opener. Calling an opener again with the same folder opens the
# same store again (tests of close and reopen rely on that).
BACKENDS: dict[str, Callable[[Path], Store]] = {
    "embedded": _open_embedded,
    "oxigraph-server": OXIGRAPH_SERVER.open,
    "virtuoso": ExternalServer("DIPLOGRAPH_TEST_VIRTUOSO").open,
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


@pytest.fixture
def site() -> Iterator[Site]:
    """A web site on a free port of 127.0.0.1, served for the test: set its
    answers with ``site.serve(path, *replies)``, read ``site.log``."""
    served = Site()
    server = Server(served)
    yield served
    server.stop()
