"""An article's graph as plain data, and an rdflib Graph made of it when read.

A load's workers build and validate each article's graph with rdflib, and the
loading process renames it, indexes it and writes it to the store. Sent to the
loading process as an rdflib Graph, it cost that process more than anything
else to unpickle (every term made again, ~0.7 ms per article) and then to turn
into pyoxigraph quads. Sent as strings (:data:`PlainTriple`), it is unpickled
at the speed of strings, renamed and indexed as strings, and made into
pyoxigraph terms straight from them (:mod:`diplograph.store.embedded`).

Where an rdflib Graph is still asked for (``Processed.graph``, which ``load()``
yields), :func:`lazy_graph` gives one whose store (:class:`PlainStore`) makes
its rdflib triples on first read only, so the load itself never builds them.

Example:
    >>> from rdflib import Graph, Literal, URIRef
    >>> graph = Graph()
    >>> _ = graph.add((URIRef("urn:a"), URIRef("urn:p"), Literal("x", lang="en")))
    >>> plain_of(graph)
    (('urn:a', 'urn:p', 'x', '@en'),)
    >>> lazy = lazy_graph(plain_of(graph))
    >>> triples_of(lazy), len(lazy)
    ((('urn:a', 'urn:p', 'x', '@en'),), 1)
    >>> lazy.value(URIRef("urn:a"), URIRef("urn:p")), triples_of(lazy)
    (rdflib.term.Literal('x', lang='en'), None)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from threading import Lock
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.stores.memory import Memory
from rdflib.term import IdentifiedNode, Node

# (subject, predicate, object, kind): IRIs as they are, a blank node as "_:id";
# kind says what the object is: None an IRI, "_" a blank node, "" a literal
# without datatype or language, "@en" one in that language, else the IRI of
# the literal's datatype. The object's text is a literal's lexical form.
PlainTriple = tuple[str, str, str, str | None]

_BLANK = "_:"


def plain_term(term: Node) -> tuple[str, str | None]:
    """A term as the object of a :data:`PlainTriple`: its text and kind."""
    if type(term) is URIRef:
        return str(term), None
    if isinstance(term, Literal):
        if term.language:
            return str(term), "@" + term.language
        return str(term), str(term.datatype) if term.datatype else ""
    if isinstance(term, BNode):
        return str(term), "_"
    return str(term), None  # an IRI of a subclass of URIRef


def _node(text: str) -> URIRef | BNode:
    """A subject or predicate as rdflib's."""
    return BNode(text[2:]) if text.startswith(_BLANK) else URIRef(text)


def rdflib_term(text: str, kind: str | None) -> Node:
    """The object of a :data:`PlainTriple` as rdflib's."""
    if kind is None:
        return URIRef(text)
    if kind == "_":
        return BNode(text)
    if kind == "":
        return Literal(text)
    if kind[0] == "@":
        return Literal(text, lang=kind[1:])
    # the lexical form as it was, even where rdflib would write it another
    # way ("01"^^xsd:integer, as a SHACL report may name a value at fault)
    return Literal(text, datatype=URIRef(kind), normalize=False)


def plain_triples(graph: Graph) -> Iterator[PlainTriple]:
    """The triples of ``graph`` as plain data."""
    for s, p, o in graph:
        text, kind = plain_term(o)
        subject = _BLANK + str(s) if isinstance(s, BNode) else str(s)
        yield subject, str(p), text, kind


def plain_of(graph: Graph) -> tuple[PlainTriple, ...]:
    """The plain data of ``graph``: :func:`triples_of` if it is lazy and not
    read yet, else its triples made plain."""
    held = triples_of(graph)
    return held if held is not None else tuple(plain_triples(graph))


def triples_of(graph: Graph) -> tuple[PlainTriple, ...] | None:
    """The plain data of a graph of :func:`lazy_graph` that nothing has read
    yet; else None (read it as any rdflib Graph)."""
    store = graph.store
    return store.plain if isinstance(store, PlainStore) else None


def lazy_graph(triples: Iterable[PlainTriple]) -> Graph:
    """An rdflib Graph of ``triples``, made of them when first read; pickled
    as them (see :class:`PlainStore`)."""
    store = PlainStore(tuple(triples))
    graph = Graph(store=store, bind_namespaces="none")
    store.graph_identifier = graph.identifier
    return graph


class PlainStore(Memory):
    """An rdflib memory store that holds plain triples until it is first used
    (read, written, counted by more than :meth:`__len__`), and then the rdflib
    triples made of them. Pickled as plain triples, whatever it holds then."""

    def __init__(
        self,
        plain: tuple[PlainTriple, ...] = (),
        identifier: IdentifiedNode | None = None,
    ) -> None:
        super().__init__()
        # the triples not made rdflib's yet; None once they all are
        self.plain: tuple[PlainTriple, ...] | None = plain
        # a load's writer thread may read the graph while the loading thread
        # does: one fills it, the other waits, and neither sees half of it
        self._filling = Lock()
        # the graph's they are, when a read names none (contexts())
        self.graph_identifier = identifier

    def __reduce__(self) -> tuple[Any, ...]:
        plain = self.plain
        if plain is None:
            plain = tuple(
                (_BLANK + str(s) if isinstance(s, BNode) else str(s), str(p))
                + plain_term(o)
                for (s, p, o), _ in Memory.triples(self, (None, None, None), None)
            )
        return (PlainStore, (plain, self.graph_identifier))

    def _fill(self, context: Any) -> None:
        with self._filling:
            plain = self.plain
            if plain is None:  # filled by another thread meanwhile
                return
            if context is None and self.graph_identifier is not None:
                context = Graph(store=self, identifier=self.graph_identifier)
            add = super().add
            for s, p, o, kind in plain:
                add((_node(s), _node(p), rdflib_term(o, kind)), context, quoted=False)
            self.plain = None

    def add(self, triple: Any, context: Any, quoted: bool = False) -> None:
        if self.plain is not None:
            self._fill(context)
        super().add(triple, context, quoted)

    def remove(self, triple: Any, context: Any = None) -> None:
        if self.plain is not None:
            self._fill(context)
        super().remove(triple, context)

    def triples(self, triple_pattern: Any, context: Any = None) -> Any:
        if self.plain is not None:
            self._fill(context)
        return super().triples(triple_pattern, context)

    def __len__(self, context: Any = None) -> int:
        if self.plain is not None:
            return len(set(self.plain))
        return super().__len__(context)

    def contexts(self, triple: Any = None) -> Any:
        if self.plain is not None:
            self._fill(None)
        return super().contexts(triple)


__all__ = [
    "PlainStore",
    "PlainTriple",
    "lazy_graph",
    "plain_of",
    "plain_term",
    "plain_triples",
    "rdflib_term",
    "triples_of",
]
