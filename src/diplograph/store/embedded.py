"""The default store: Oxigraph embedded through pyoxigraph, on disk, no server."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from diplograph.errors import StoreError
from diplograph.store import MERGED_GRAPH, Row, Term, bind_values, replace_update

_MERGED = ox.NamedNode(str(MERGED_GRAPH))


def from_ox(term: object) -> Term:
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return Term("literal", term.value, lang=term.language)
    datatype = term.datatype.value
    plain = datatype == "http://www.w3.org/2001/XMLSchema#string"
    return Term("literal", term.value, datatype=None if plain else datatype)


def _to_rdflib(term: object) -> URIRef | Literal | BNode:
    t = from_ox(term)
    if t.kind == "uri":
        return URIRef(t.value)
    if t.kind == "bnode":
        return BNode(t.value)
    return Literal(
        t.value, lang=t.lang, datatype=URIRef(t.datatype) if t.datatype else None
    )


class EmbeddedStore:
    """pyoxigraph ``Store`` in a folder; ``":memory:"`` keeps it in memory."""

    def __init__(self, location: str) -> None:
        self.location = location
        try:
            if location == ":memory:":
                self._store = ox.Store()
            else:
                Path(location).mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(location)
        except OSError as error:
            raise StoreError(
                f"cannot open the store at {location}: {error}. Close other diplograph "
                "processes using it, or pass another --store folder."
            ) from None

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        self._store.update(
            replace_update(graph_iri, graph, self.export_graph(graph_iri))
        )

    def remove_graph(self, graph_iri: URIRef) -> None:
        self.replace_graph(graph_iri, Graph())

    def has_graph(self, graph_iri: URIRef) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(str(graph_iri)))

    def graphs(self) -> list[str]:
        return sorted(
            g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)
        )

    def select(
        self, query: str, bindings: Mapping[str, Term] | None = None
    ) -> tuple[list[str], list[Row]]:
        results = self._query(query, bindings)
        if not isinstance(results, ox.QuerySolutions):
            raise StoreError("expected a SELECT query")
        # Parameters must be projected for pyoxigraph to substitute them (SEP-0007);
        # they are the caller's own values, so they are not returned.
        variables = [v.value for v in results.variables]
        shown = [name for name in variables if not name.startswith("_")]
        rows = [
            {
                name: from_ox(solution[name])
                for name in shown
                if solution[name] is not None
            }
            for solution in results
        ]
        return shown, rows

    def construct(
        self, query: str, bindings: Mapping[str, Term] | None = None
    ) -> Graph:
        results = self._query(query, bindings)
        graph = Graph()
        for triple in results:  # type: ignore[union-attr]
            graph.add(
                (
                    _to_rdflib(triple.subject),
                    _to_rdflib(triple.predicate),
                    _to_rdflib(triple.object),
                )
            )
        return graph

    def export_graph(self, graph_iri: URIRef) -> Graph:
        graph = Graph()
        for quad in self._store.quads_for_pattern(
            None, None, None, ox.NamedNode(str(graph_iri))
        ):
            graph.add(
                (
                    _to_rdflib(quad.subject),
                    _to_rdflib(quad.predicate),
                    _to_rdflib(quad.object),
                )
            )
        return graph

    def _query(self, query: str, bindings: Mapping[str, Term] | None) -> object:
        try:
            return self._store.query(
                bind_values(query, bindings), default_graph=_MERGED
            )
        except SyntaxError as error:
            raise StoreError(f"the query is not valid SPARQL: {error}") from None
        except (RuntimeError, OSError) as error:
            raise StoreError(f"the store could not run the query: {error}") from None

    def close(self) -> None:
        """Flush and release the folder; closing an already closed store does nothing."""
        store = self.__dict__.pop("_store", None)
        if store is not None:
            store.flush()
