"""Step 5, store: one contract, several backends.

``open_store("PATH")`` opens (or creates) the embedded Oxigraph store on disk;
``open_store("http://host:port/...")`` talks to a SPARQL 1.1 server. Each
article lives in its own named graph (the article's IRI), written in one
atomic update, so reloading an article replaces it and a failure never leaves
half of one. Queries see the union of all graphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from rdflib import Graph, URIRef


@dataclass(frozen=True)
class Term:
    """An RDF term in a result row, the same whichever backend answered."""

    kind: str  # "uri", "literal" or "bnode"
    value: str
    datatype: str | None = None
    lang: str | None = None

    def __str__(self) -> str:
        return self.value


Row = dict[str, Term]


class Store(Protocol):
    location: str

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        """Drop ``graph_iri`` and write ``graph`` into it, atomically."""

    def remove_graph(self, graph_iri: URIRef) -> None: ...

    def has_graph(self, graph_iri: URIRef) -> bool: ...

    def graphs(self) -> list[str]: ...

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> tuple[list[str], list[Row]]:
        """Run a SELECT over the union of all graphs; parameters bound as terms."""

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None) -> Graph: ...

    def export_graph(self, graph_iri: URIRef) -> Graph: ...

    def close(self) -> None: ...


def ntriples(graph: Iterable[tuple[object, object, object]]) -> str:
    """The triples as N-Triples lines, for an INSERT DATA block."""
    return "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)  # type: ignore[attr-defined]


def concatenated_variables(query: str) -> set[str]:
    """Variables projected as GROUP_CONCAT(...): servers differ on an empty group."""
    return set(re.findall(r"GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*\)\s*AS\s*\?(\w+)", query, re.I))


def open_store(location: str, **options: str | None) -> Store:
    """Open the store at ``location``: a folder path, or an ``http(s)://`` endpoint."""
    if location.startswith(("http://", "https://")):
        from diplograph.store.remote import RemoteStore

        return RemoteStore(location, **options)
    from diplograph.store.embedded import EmbeddedStore

    return EmbeddedStore(location)
