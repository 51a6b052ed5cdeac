"""The internal SPARQL queries (``sparql/*.rq``) and how values reach a query.

Values always go in as RDF terms written by :func:`diplograph.terms.term_sparql`
(escaped per the SPARQL grammar), never as pasted text, and only at places the
query marks:

- ``$name`` in an internal query: :func:`query` replaces the marker with a
  term (an IRI or literal), a list of terms (for ``VALUES ?x { $name }``;
  ``None`` gives ``UNDEF``, which matches everything). ``$merged``,
  ``$curation``, ``$inferred`` and ``$articles`` (the prefix of article
  IRIs) are always given, from :mod:`diplograph.iri`,
  ``$ours`` (the start of every IRI diplograph mints) and ``$folding``, how
  names compare (:data:`FOLDING`). Writing a term into the
  query text, rather than binding it with ``VALUES``, lets the engine use it to
  pick a graph (see ``resolve-previous.rq``).
- ``?_name`` / ``?__name`` in a saved query (grlc's parameters): each group that
  holds a ``#@values`` comment gets a ``VALUES`` block for the parameters it
  mentions (:func:`bind_values`). A query without markers (one of the user's
  own) gets them all at the start of its ``WHERE`` group.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from diplograph.errors import QueryError, StoreError
from diplograph.iri import ARTICLE_BASE, CURATION_GRAPH, INFERRED_GRAPH, MERGED_GRAPH
from diplograph.namespaces import BASE
from diplograph.sparql.layout import layout
from diplograph.terms import Term, node_sparql, term_sparql

FOLDER = Path(__file__).resolve().parent
# How names compare when an agreement is looked up by name (find.py): in lower
# case, without a leading "the" and without the characters this XPath regular
# expression (SPARQL's REPLACE) matches: all but letters and digits.
FOLDING = r"^the\s+|[^\p{L}\p{N}]"
MARKER = "#@values"
_DOLLAR = re.compile(r"\$([A-Za-z]\w*)")

Value = Identifier | Sequence[Identifier] | None


@cache
def text(name: str) -> str:
    """The text of ``sparql/<name>.rq``."""
    path = FOLDER / f"{name}.rq"
    if not path.is_file():
        raise QueryError(f"no internal query {name!r} in {FOLDER}")
    return path.read_text(encoding="utf-8")


def query(name: str, **values: Value) -> str:
    """``sparql/<name>.rq`` with its ``$markers`` replaced by ``values``.

    Example:
        >>> print(query("graph-size", graph=URIRef("https://example.org/g")))
        # How many triples $graph holds.
        SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://example.org/g> { ?s ?p ?o } }
        <BLANKLINE>
    """
    given: dict[str, Value] = {
        "merged": MERGED_GRAPH,
        "curation": CURATION_GRAPH,
        "inferred": INFERRED_GRAPH,
        "folding": Literal(FOLDING),
        "articles": Literal(ARTICLE_BASE),
        "ours": Literal(BASE),
        **values,
    }

    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in given:
            raise QueryError(f"sparql/{name}.rq needs a value for ${key}")
        return _serialized(given[key])

    lines = text(name).splitlines(keepends=True)
    return "".join(
        line if line.lstrip().startswith("#") else _DOLLAR.sub(replace, line)
        for line in lines
    )


def _serialized(value: Value) -> str:
    if value is None:
        return "UNDEF"
    if isinstance(value, URIRef | Literal):
        return node_sparql(value)
    if isinstance(value, Identifier):
        raise StoreError(f"{value!r}: only IRIs and literals go into a query")
    return " ".join(sorted(_serialized(v) for v in value))


def bind_values(query: str, bindings: Mapping[str, Term] | None) -> str:
    """Bind parameters with VALUES blocks at the query's ``#@values`` markers:
    parameters as RDF terms (:func:`~diplograph.terms.term_sparql`), never pasted
    text (rdflib's ``initBindings`` does the same).

    Each marked group gets the parameters it mentions. A FILTER sees only its
    own group, so the values go where the saved queries use them; a group that
    does not mention a parameter is left alone, since Oxigraph then matches an
    OPTIONAL group in the whole store before joining (measured: ``lifecycle``
    258 -> 10 ms). Both backends bind this way: pyoxigraph's ``substitutions``
    bind after the pattern is matched (measured: 9.3 s instead of 0.1 s for
    ``lifecycle`` on 2,000 articles) and leave ``BOUND(?param)`` false.

    Example:
        >>> print(bind_values("SELECT * WHERE { #@values\\n ?s ?p ?_o }",
        ...                   {"_o": Term("literal", "x")}))
        SELECT * WHERE {  VALUES (?_o) { ("x") }
        <BLANKLINE>
         ?s ?p ?_o }
    """
    if not bindings:
        return query
    values = {name: term_sparql(term) for name, term in bindings.items()}

    def block(names: list[str]) -> str:
        return (
            f" VALUES ({' '.join(f'?{n}' for n in names)}) "
            f"{{ ({' '.join(values[n] for n in names)}) }}\n"
        )

    if MARKER not in query:
        # a query of the user's: everything at the start of its WHERE group
        # (found as the grammar lays the query out: the keyword WHERE is optional)
        try:
            group = layout(query).where
        except QueryError:
            group = None  # not a query: the store says what is wrong with it
        if group is None:
            return f"{query}\n{block(list(values))}"
        start = group[0] + 1
        return query[:start] + block(list(values)) + query[start:]
    parts, position = [], 0
    while (found := query.find(MARKER, position)) >= 0:
        body = query[found : _group_end(query, found)]
        names = [n for n in values if re.search(rf"\?{n}\b", body)]
        parts.append(query[position:found] + (block(names) if names else ""))
        position = found + len(MARKER)
    return "".join(parts) + query[position:]


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


__all__ = ["FOLDING", "MARKER", "bind_values", "query", "text"]
