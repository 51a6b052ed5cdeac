"""Step 5, store: one contract, several backends.

``open_store("PATH")`` opens the embedded Oxigraph store on disk (``create=True``
makes it where there is none);
``open_store("http://host:port/...")`` talks to a SPARQL 1.1 server. Each
article lives in its own named graph (the article's IRI), written in one
atomic update, so reloading an article replaces it and a failure never leaves
half of one.

The same update keeps :data:`MERGED_GRAPH` the set union of all other graphs:
what all articles say together, each triple once. Stores' own "union default
graph" repeats a triple once per graph that holds it, which multiplies the rows
of every join by the number of articles reporting an agreement; the saved
queries read the merged graph instead, and the embedded store makes it the
default graph of every query.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import Graph, URIRef

from diplograph.errors import StoreError
from diplograph.iri import MERGED_GRAPH
from diplograph.settings import Settings
from diplograph.sparql import bind_values
from diplograph.terms import Row, Term, node_sparql, term_sparql


class Store(Protocol):
    location: str
    # the store's own folder on disk (rejected articles' reports go there),
    # None for a server or a store in memory
    folder: Path | None
    # how many new articles a load writes at once (replace_graphs)
    write_batch: int

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        """Drop ``graph_iri`` and write ``graph`` into it, atomically."""

    def replace_graphs(self, graphs: Sequence[tuple[URIRef, Graph]]) -> None:
        """Replace each named graph with its graph, as replace_graph does one
        by one in this order, in one atomic write: all of them or, on an
        error, none (a StoreError)."""

    def remove_graph(self, graph_iri: URIRef) -> None: ...

    def has_graph(self, graph_iri: URIRef) -> bool: ...

    def graphs(self) -> list[str]: ...

    def select(
        self, query: str, bindings: Mapping[str, Term] | None = None
    ) -> tuple[list[str], list[Row]]:
        """Run a SELECT; parameters bound as terms, variables named ``_...``
        (the parameters) left out of the rows. A query reads the graphs it names;
        the saved queries name :data:`MERGED_GRAPH` (the embedded store also
        makes it the default graph, a server keeps its own)."""

    def construct(
        self, query: str, bindings: Mapping[str, Term] | None = None
    ) -> Graph:
        """Run a CONSTRUCT or DESCRIBE query: its graph."""

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None) -> bool:
        """Run an ASK query: its answer."""

    def export_graph(self, graph_iri: URIRef) -> Graph: ...

    def quads(
        self, graph: URIRef | None = None, *, subjects: Iterable[str] | None = None
    ) -> Iterator[ox.Quad]:
        """The quads of the named graph ``graph``, or of every named graph one
        graph after another; only those whose subject is one of ``subjects``
        (IRIs) when given. Streamed, never all in memory, for exports of any
        size; as pyoxigraph's terms, which serialize without a conversion."""

    def close(self) -> None: ...


def replace_update(graph_iri: URIRef, new: Graph) -> str:
    """One SPARQL update: replace ``graph_iri`` and keep the merged graph right.

    The old version's triples leave the merged graph unless another graph still
    holds them; the new version's are then copied in, so those it keeps return.
    """
    graph = node_sparql(graph_iri)
    # The old triples are matched in the stored graph, not written into the
    # update: Virtuoso 7.2 compares a literal of a VALUES block of several rows
    # unequal to the same stored literal inside FILTER NOT EXISTS, so a triple
    # other graphs still held left the merged graph.
    parts = [
        f"DELETE {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{\n"
        f"  GRAPH {graph} {{ ?s ?p ?o }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} "
        f"FILTER(?g != <{MERGED_GRAPH}> && ?g != {graph}) }}\n}}",
        f"DROP SILENT GRAPH {graph}",
    ]
    if len(new):
        # the data goes over the wire once; the server copies it into the merged graph
        parts.append(f"INSERT DATA {{ GRAPH {graph} {{\n{ntriples(new)}\n}} }}")
        parts.append(
            f"INSERT {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }} "
            f"WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
        )
    return " ;\n".join(parts)


def replace_graphs_update(graphs: Iterable[tuple[URIRef, Graph]]) -> str:
    """One SPARQL update that replaces the graphs one after another: the
    :func:`replace_update` of each, in order, as the operations of one request.

    SPARQL runs the operations of a request in order, each on what the ones
    before it left, so the result is that of one request per graph: a triple
    that two graphs of the batch share, or that one leaves and another brings,
    stays in the merged graph. A graph given twice is written once, as its last
    version: where replacing one graph after another ends depends only on the
    last version of each, and Virtuoso 7.2 runs an operation that a request
    holds twice only once (``DROP SILENT GRAPH <g>`` a second time left what
    was inserted in between). Whether a failure leaves none of it is the
    server's part: Oxigraph runs a request as one transaction, Virtuoso
    commits what ran before the failing operation (see
    :mod:`diplograph.store.remote`).
    """
    last = dict(graphs)  # each graph at its first place, with its last version
    return " ;\n".join(replace_update(iri, graph) for iri, graph in last.items())


def ntriples(graph: Iterable[tuple[object, object, object]]) -> str:
    """The triples as N-Triples lines, for an INSERT DATA block."""
    return "\n".join(f"{_triple(triple)} ." for triple in graph)


def _triple(triple: tuple[object, object, object]) -> str:
    return " ".join(node_sparql(node) for node in triple)


def concatenated_variables(query: str) -> set[str]:
    """Variables projected as GROUP_CONCAT(...): servers differ on an empty group."""
    return set(
        re.findall(
            r"GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*\)\s*AS\s*\?(\w+)", query, re.I
        )
    )


# The backends by URL scheme ("" for a folder, or ":memory:"), as
# "module:class", imported only when a store of that kind is opened. A new
# backend is a module with a class that takes the location, ``settings=`` (a
# Settings, or None) and its own keyword options, one entry here and a fixture
# in tests/conftest.py that runs the store contract on it.
BACKENDS: dict[str, str] = {
    "": "diplograph.store.embedded:EmbeddedStore",
    "http": "diplograph.store.remote:RemoteStore",
    "https": "diplograph.store.remote:RemoteStore",
}


def open_store(
    location: str, *, settings: Settings | None = None, **options: str | bool | None
) -> Store:
    """Open the store at ``location``: a folder path, ``:memory:``, or an
    ``http(s)://`` SPARQL endpoint; ``settings`` (gathered from the environment
    if not given) and ``options`` go to the backend: ``create=True`` makes a
    new store in a folder that holds none (else that is an error),
    ``read_only=True`` reads beside a writer.

    Example:
        >>> type(open_store(":memory:")).__name__
        'EmbeddedStore'
    """
    scheme = location.split("://", 1)[0].lower() if "://" in location else ""
    if scheme not in BACKENDS:
        known = ", ".join(f"{s}://" for s in BACKENDS if s)
        raise StoreError(
            f"no store backend for {location!r}: give a folder or one of {known}"
        )
    module, _, name = BACKENDS[scheme].partition(":")
    backend = getattr(importlib.import_module(module), name)
    try:
        store: Store = backend(location, settings=settings, **options)
    except TypeError as error:  # an option the backend does not take
        raise StoreError(f"{name} cannot take {sorted(options)}: {error}") from None
    return store


__all__ = [
    "BACKENDS",
    "MERGED_GRAPH",
    "Row",
    "Store",
    "Term",
    "bind_values",
    "concatenated_variables",
    "open_store",
    "replace_graphs_update",
    "replace_update",
    "node_sparql",
    "term_sparql",
]
