"""Step 5, store: one contract, several backends.

``open_store("PATH")`` opens (or creates) the embedded Oxigraph store on disk;
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

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple, Protocol

from rdflib import BNode, Graph, Literal, URIRef

from diplograph.errors import StoreError


class Term(NamedTuple):
    """An RDF term in a result row, the same whichever backend answered.

    A named tuple: results of hundreds of rows per article are built while
    loading, and a frozen dataclass costs several times as much to create.
    """

    kind: str  # "uri", "literal" or "bnode"
    value: str
    datatype: str | None = None
    lang: str | None = None

    def __str__(self) -> str:
        return self.value

    def to_rdflib(self) -> URIRef | BNode | Literal:
        """The rdflib term this is."""
        if self.kind == "uri":
            return URIRef(self.value)
        if self.kind == "bnode":
            return BNode(self.value)
        datatype = URIRef(self.datatype) if self.datatype else None
        return Literal(self.value, lang=self.lang, datatype=datatype)


Row = dict[str, Term]


class Store(Protocol):
    location: str

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        """Drop ``graph_iri`` and write ``graph`` into it, atomically."""

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
    ) -> Graph: ...

    def export_graph(self, graph_iri: URIRef) -> Graph: ...

    def close(self) -> None: ...


MERGED_GRAPH = URIRef("https://w3id.org/diplograph/id/graph/merged")


def replace_update(graph_iri: URIRef, new: Graph, old: Graph) -> str:
    """One SPARQL update: replace ``graph_iri`` and keep the merged graph right.

    Triples the old version had and the new one lacks leave the merged graph
    unless another graph still holds them.
    """
    gone = set(old) - set(new)
    parts = []
    if gone:
        values = "\n".join(f"({s.n3()} {p.n3()} {o.n3()})" for s, p, o in gone)  # type: ignore[attr-defined]
        parts.append(
            f"DELETE {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{\n"
            f"  VALUES (?s ?p ?o) {{\n{values}\n}}\n"
            f"  FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER(?g != <{MERGED_GRAPH}> && ?g != <{graph_iri}>) }}\n}}"
        )
    parts.append(f"DROP SILENT GRAPH <{graph_iri}>")
    if len(new):
        # the data goes over the wire once; the server copies it into the merged graph
        parts.append(f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{ntriples(new)}\n}} }}")
        parts.append(
            f"INSERT {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }} "
            f"WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"
        )
    return " ;\n".join(parts)


def ntriples(graph: Iterable[tuple[object, object, object]]) -> str:
    """The triples as N-Triples lines, for an INSERT DATA block."""
    return "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)  # type: ignore[attr-defined]


def term_n3(term: Term) -> str:
    """A term in SPARQL syntax, escaped by rdflib: a value, never query text."""
    if term.kind == "uri":
        if any(c in term.value for c in '<>"{}|\\^` \n'):
            raise StoreError(f"{term.value!r} is not a valid IRI")
        return URIRef(term.value).n3()
    if term.kind == "bnode":
        raise StoreError("blank nodes cannot be bound as query parameters")
    datatype = URIRef(term.datatype) if term.datatype else None
    return Literal(term.value, lang=term.lang, datatype=datatype).n3()


def bind_values(query: str, bindings: Mapping[str, Term] | None) -> str:
    """Bind parameters with VALUES blocks: parameters as RDF terms, serialized by
    rdflib, never pasted text (rdflib's ``initBindings`` does the same).

    The query's WHERE group gets them all; each subquery and each merged-graph
    group gets those it mentions. A FILTER sees only its own group, so the values
    go where the saved queries use them; a group that does not mention a
    parameter is left alone, since Oxigraph then matches an OPTIONAL group in
    the whole store before joining (measured: ``lifecycle`` 258 -> 10 ms).
    Both backends bind this way: pyoxigraph's ``substitutions`` bind after the
    pattern is matched (measured: 9.3 s instead of 0.1 s for ``lifecycle`` on
    2,000 articles) and leave ``BOUND(?param)`` false.
    """
    if not bindings:
        return query
    values = {name: term_n3(term) for name, term in bindings.items()}

    def block(names: list[str]) -> str:
        return (
            f" VALUES ({' '.join(f'?{n}' for n in names)}) "
            f"{{ ({' '.join(values[n] for n in names)}) }}\n"
        )

    groups = re.compile(
        r"\bWHERE\s*\{|\bGRAPH\s*<" + re.escape(str(MERGED_GRAPH)) + r">\s*\{", re.I
    )
    bound: list[str] = []
    position = 0
    for match in groups.finditer(query):
        body = query[match.end() : _group_end(query, match.end())]
        names = [n for n in values if not bound or re.search(rf"\?{n}\b", body)]
        bound.append(query[position : match.end()] + (block(names) if names else ""))
        position = match.end()
    if not bound:
        return f"{query}\n{block(list(values))}"
    return "".join(bound) + query[position:]


# what may hold a brace without opening or closing a group
_NOT_BRACES = re.compile(r'"(?:[^"\\]|\\.)*"|<[^\s<>"{}]*>|(?:^|(?<=\s))#[^\n]*')


def _group_end(query: str, start: int) -> int:
    """Where the group whose body starts at ``start`` closes."""
    depth, position = 1, start
    while position < len(query):
        skipped = _NOT_BRACES.match(query, position)
        if skipped and skipped.end() > position:
            position = skipped.end()
            continue
        char = query[position]
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            return position
        position += 1
    return len(query)


def concatenated_variables(query: str) -> set[str]:
    """Variables projected as GROUP_CONCAT(...): servers differ on an empty group."""
    return set(
        re.findall(
            r"GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*\)\s*AS\s*\?(\w+)", query, re.I
        )
    )


def open_store(location: str, **options: str | None) -> Store:
    """Open the store at ``location``: a folder path, or an ``http(s)://`` endpoint."""
    if location.startswith(("http://", "https://")):
        from diplograph.store.remote import RemoteStore

        return RemoteStore(location, **options)
    from diplograph.store.embedded import EmbeddedStore

    return EmbeddedStore(location)
