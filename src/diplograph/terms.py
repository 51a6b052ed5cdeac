"""RDF terms in query results, the same whichever backend answered, and
how one is written into a query."""

from __future__ import annotations

import re
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

# SPARQL 1.1 grammar: IRIREF is '<' ([^<>"{}|^`\]-[#x00-#x20])* '>'; here also
# absolute (a scheme first), since a relative IRI would depend on the server's base.
_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|^`\\\ud800-\udfff]*')
_LANGUAGE = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*")
_BNODE = re.compile(r"[A-Za-z0-9_]+")
# not text: lone surrogates (no UTF-8 for them) and NUL (Virtuoso ends a
# string there, so it would store another value than the one given)
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
# What a string literal cannot hold as itself: the quote, the backslash, line
# breaks (also those Python's splitlines() sees, as tools on the way may split
# there), other control characters, and a "u" or
# "U" right after a backslash. The SPARQL 1.1 text (19.2) has \u escapes
# expanded before parsing, as rdflib does, while Oxigraph and Virtuoso read them
# in strings only: "\\u0022" is `\u0022` for one and `\"` for the other. Written
# "\\\U00000075", a backslash and a "u" read the same under both. Escapes take
# the 8-digit form, since rdflib also reads "\u" with 8 hex digits as one.
_SPECIAL = re.compile(r'[\\"\x00-\x1f\x7f\x85\u2028\u2029]|(?<=\\)[uU]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\U{ord(char):08X}"


def sparql_string(value: str) -> str:
    """``value`` as a SPARQL string literal (in double quotes) that every
    parser reads back as exactly ``value``, whatever it holds.

    Example:
        >>> print(sparql_string('x\\n\\\\"'))
        "x\\n\\\\\\""
        >>> print(sparql_string("\\\\u0022"))
        "\\\\\\U000000750022"
    """
    if _NOT_TEXT.search(value):
        raise StoreError(
            f"{value[:80]!r} holds a NUL or a lone surrogate, which is not text a "
            "store keeps; give the value as valid UTF-8 text"
        )
    return '"' + _SPECIAL.sub(_escape, value) + '"'


def sparql_iri(value: str) -> str:
    """``value`` as ``<IRI>``, refused unless the grammar allows it as it is."""
    if not _IRI.fullmatch(value):
        raise StoreError(
            f"{value[:200]!r} is not a valid absolute IRI (a scheme such as https: "
            'first; no spaces, control characters or <>"{}|^`\\)'
        )
    return f"<{value}>"


def term_sparql(term: Term) -> str:
    """A term in SPARQL syntax: always one value, never query text.

    Every character is escaped or refused by the SPARQL 1.1 grammar itself, not
    by a serializer meant for Turtle: rdflib's ``n3()`` writes a value with a line
    break in triple quotes and lets a final ``\\"`` close it early.
    """
    if term.kind == "uri":
        return sparql_iri(term.value)
    if term.kind == "bnode":
        raise StoreError("blank nodes cannot be bound as query parameters")
    text = sparql_string(term.value)
    if term.lang:
        if not _LANGUAGE.fullmatch(term.lang):
            raise StoreError(f"{term.lang!r} is not a language tag")
        return f"{text}@{term.lang}"
    if term.datatype:
        return f"{text}^^{sparql_iri(term.datatype)}"
    return text


def node_sparql(node: object) -> str:
    """An rdflib IRI, literal or blank node in SPARQL syntax, for the data of an
    update (``INSERT DATA``, ``VALUES``)."""
    if isinstance(node, URIRef):
        return sparql_iri(str(node))
    if isinstance(node, Literal):
        datatype = str(node.datatype) if node.datatype else None
        return term_sparql(Term("literal", str(node), datatype, node.language))
    if isinstance(node, BNode):
        if not _BNODE.fullmatch(str(node)):
            raise StoreError(f"{str(node)!r} is not a blank node label")
        return f"_:{node}"
    raise StoreError(f"{node!r} is not an RDF term")
