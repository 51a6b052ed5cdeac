"""Change feeds: when the rows of a saved query arrived, and those new since a time.

Each article's graph records when it was written into the store
(``dg:loaded``, :func:`diplograph.loader.stamped`). A row arrived when the
first of the articles behind it did: a row is new since T when that article
came after T (so it was not there at T), and a row that a later article
repeats does not come again (a
subscriber to "new agreements concerning North Korea" wants each agreement
once, when it is first reported, not with every article that mentions it
after). What is behind a row is read from its columns, by the names the saved
queries use (:data:`KEYS`):

- ``article``: that article;
- ``agreement`` (or, with no such column, the ``agreement`` parameter): the
  articles that report the agreement, of which the first counts;
- ``source``: the article with that URL (or, with none, that title), when
  the row has no ``article`` column.

A row with several of these arrived when the last of them did (a row of an
agreement and one article exists once that article is there). A query with
none of them (counts per year or per party) has no feed. The time of an
article the store holds without one (stored before diplograph recorded it)
is :data:`BEFORE_ANY`: its rows count as old, in no feed. An article loaded
again with the same text keeps its time; a changed text is a new arrival.

The query is not changed: it becomes a subquery of one that joins each row
with its time (:func:`arrivals`), keeps those after ``?_since`` (bound as an
``xsd:dateTime`` term, never pasted into the text) and sorts them newest
first (rows that arrived together in the query's own order), with their time
as the column :data:`ARRIVED`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from rdflib import XSD

from diplograph.errors import QueryError
from diplograph.iri import MERGED_GRAPH
from diplograph.namespaces import DG
from diplograph.sparql import MARKER
from diplograph.sparql.layout import nested, order_keys, projected
from diplograph.store import Term
from diplograph.terms import node_sparql, term_sparql

ARRIVED = "arrived"  # the column of a row's time
SINCE = "_since"  # the variable the time asked for is bound to
# the time of an article stored without one: before every time asked for
BEFORE_ANY = "0001-01-01T00:00:00Z"
_DATE_TIME = str(XSD.dateTime)
_BEFORE_ANY = term_sparql(Term("literal", BEFORE_ANY, datatype=_DATE_TIME))
_SINCE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?"
    r"(?:Z|[+-]\d{2}:\d{2})?)?"
)

# The patterns that give the times of the articles behind a row's column,
# ?key the column's value and ?stamp each article's time (?loaded when it has
# one), matched in the merged graph; {Article}... are the dg: terms of _TERMS,
# and ?key is renamed for each column by arrivals().
KEYS = {
    "article": "?key a {Article} . OPTIONAL {{ ?key {loaded} ?loaded }}",
    "agreement": (
        "?key a {Agreement} ; {reportedIn} ?reporting . "
        "OPTIONAL {{ ?reporting {loaded} ?loaded }}"
    ),
    # as the saved queries make ?source: the article's URL, else its title
    "source": (
        "?reporting a {Article} ; {title} ?title . "
        "OPTIONAL {{ ?reporting {url} ?url }} "
        "OPTIONAL {{ ?reporting {loaded} ?loaded }} "
        "BIND(COALESCE(STR(?url), ?title) AS ?key)"
    ),
}
_TERMS = {
    name: node_sparql(getattr(DG, name))
    for name in ("Article", "Agreement", "reportedIn", "loaded", "title", "url")
}


def since_term(value: str | datetime) -> Term:
    """The time asked for as an ``xsd:dateTime`` term in UTC: a date (its
    first moment, UTC), or a date and time (UTC unless it gives a zone).

    Example:
        >>> since_term("2026-01-20T09:30+09:00").value
        '2026-01-20T00:30:00.000000Z'
        >>> since_term("yesterday")
        Traceback (most recent call last):
        ...
        diplograph.errors.QueryError: since must be a date, or a date and time, ...
    """
    given = str(value)
    try:
        if isinstance(value, str):
            raw = value.strip()
            if len(raw) > 40 or not _SINCE.fullmatch(raw):
                raise ValueError
            value = datetime.fromisoformat(raw.replace(" ", "T", 1))
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        moment = value.astimezone(UTC).isoformat(timespec="microseconds")
    except (ValueError, OverflowError):  # not a time; a zone beyond year 1..9999
        raise QueryError(
            "since must be a date, or a date and time, written as 2026-01-20 or "
            "2026-01-20T09:30:00Z (UTC unless a zone such as +09:00 ends it), a "
            f"real one (years 0001 to 9999); not {given[:60]!r}."
        ) from None
    moment = moment.replace("+00:00", "Z")
    return Term("literal", moment, datatype=_DATE_TIME)


def keys(text: str) -> dict[str, str]:
    """The columns of the SELECT query ``text`` that say when a row arrived,
    each with its kind (a key of :data:`KEYS`); a QueryError when it has none.

    Example:
        >>> keys("SELECT ?_agreement_iri ?source ?quote WHERE { ?s ?p ?o }")
        {'_agreement_iri': 'agreement', 'source': 'source'}
    """
    columns = projected(text)
    found = {name: name for name in columns if name in KEYS}
    if "article" in found:  # its source is that article's: no need to look it up
        found.pop("source", None)
    if "agreement" not in found:  # the agreement asked for, when no column names it
        for name in ("_agreement_iri", "__agreement_iri"):
            if name in columns:
                found[name] = "agreement"
    if not found:
        raise QueryError(
            f"this query's rows ({', '.join(columns)}) have no agreement, article "
            "or source column, so no time they arrived: it has no feed and no "
            "--since (a count per year or per party changes with each article). "
            "The queries that list agreements, articles or events have both."
        )
    return {name: found[name] for name in columns if name in found}


_VARIABLE = re.compile(r"[?$](\w+)")
_AGGREGATES = r"\b(?:COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\("
_AGGREGATE = re.compile(_AGGREGATES, re.I)
# a column made by an aggregate: it changes as articles come (a count, a list)
_AGGREGATED = re.compile(_AGGREGATES + r"(?:[^()]|\([^()]*\))*\)\s*AS\s*\?(\w+)", re.I)


def identity(text: str) -> list[str]:
    """The columns that tell one row of the SELECT query ``text`` from another
    as articles come: those that are not made by an aggregate (a count or a
    list grows with each article reporting the row), nor parameters; all
    columns when every one is.

    Example:
        >>> identity("SELECT ?_country_iri ?agreement (COUNT(?a) AS ?articles) "
        ...          "WHERE { ?agreement ?p ?a } GROUP BY ?agreement")
        ['agreement']
    """
    columns = [c for c in projected(text) if not c.startswith("_")]
    aggregated = set(_AGGREGATED.findall(text))
    return [c for c in columns if c not in aggregated] or columns


def arrivals(text: str) -> str:
    """The SELECT query ``text`` as one that gives only the rows that arrived
    after ``?_since`` (bind it with :func:`since_term`), newest first, each
    with the time it arrived as the column :data:`ARRIVED`.

    Example:
        >>> wrapped = arrivals("SELECT ?agreement ?label WHERE { #@values\\n"
        ...                    " ?agreement ?p ?label } ORDER BY ?label")
        >>> print(wrapped.splitlines()[0])
        SELECT ?agreement ?label ?arrived WHERE {
        >>> print(wrapped.splitlines()[-1])
        ORDER BY DESC(?arrived) ?label ?agreement
    """
    columns = projected(text)
    if ARRIVED in columns:
        raise QueryError(
            f"the query has a column named {ARRIVED!r} of its own, the name of the "
            "time a row arrived: rename it to take the rows new since a time."
        )
    prologue, dataset, inner = nested(text)
    # Each key's times are looked up for every agreement or article of the
    # store, then joined with the rows (SPARQL has no lookup per row): on 3,000
    # synthetic articles, 50 rows of agreements-concerning 18 -> 81 ms,
    # agreement-timeline 70 -> 327 ms, status-by-party 976 -> 985 ms.
    parts, times = [], []
    for number, (column, kind) in enumerate(keys(text).items(), start=1):
        key, time = f"?diplographKey{number}", f"?diplographTime{number}"
        pattern = KEYS[kind].format(**_TERMS).replace("?key", key)
        parts += [
            # an unbound column matches no key (unbound, it would match them all)
            f'BIND(COALESCE(?{column}, "") AS {key})',
            f"OPTIONAL {{ SELECT {key} (MIN(?stamp) AS {time}) WHERE {{\n"
            f"    GRAPH {node_sparql(MERGED_GRAPH)} {{ {pattern} }}\n"
            f"    BIND(COALESCE(?loaded, {_BEFORE_ANY}) AS ?stamp)\n"
            f"  }} GROUP BY {key} }}",
        ]
        times.append(time)
    latest = times[0]
    for time in times[1:]:  # the later of two, or the one that is bound
        latest = f"COALESCE(IF({latest} >= {time}, {latest}, {time}), {latest}, {time})"
    names = " ".join(f"?{c}" for c in columns)
    # Rows that arrived together come in the query's own order when it sorts
    # by its columns only, then by every column shown (a total order)
    own = order_keys(text)
    if _AGGREGATE.search(own) or not set(_VARIABLE.findall(own)) <= set(columns):
        own = ""  # in the outer query, which neither groups nor sees the others
    plain = set(own.split())
    shown = " ".join(
        [own] * bool(own)
        + [f"?{c}" for c in columns if not c.startswith("_") and f"?{c}" not in plain]
    )
    body = "\n  ".join(parts)
    return (
        f"{prologue}SELECT {names} ?{ARRIVED}{' ' + dataset if dataset else ''} "
        f"WHERE {{\n  {{\n{inner}\n  }}\n  {body}\n"
        f"  BIND({latest} AS ?{ARRIVED})\n"
        f"  {MARKER}\n  FILTER(?{ARRIVED} > ?{SINCE})\n}}\n"
        f"ORDER BY DESC(?{ARRIVED}) {shown}"
    )


__all__ = [
    "ARRIVED",
    "BEFORE_ANY",
    "KEYS",
    "SINCE",
    "arrivals",
    "identity",
    "keys",
    "since_term",
]
