"""RDF terms in query results, the same whichever backend answered, and
how one is written into a query."""

from __future__ import annotations

from typing import NamedTuple

from rdflib import BNode, Literal, URIRef

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
