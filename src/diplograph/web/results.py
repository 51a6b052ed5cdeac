"""SPARQL results as the SPARQL 1.1 Protocol sends them: SPARQL JSON, XML, CSV
and TSV for SELECT and ASK, Turtle, N-Triples and JSON-LD for a graph, chosen by
the ``Accept`` header."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from rdflib import Graph

from diplograph.queries import with_graph_prefixes
from diplograph.store import Row
from diplograph.store.embedded import from_ox
from diplograph.terms import Term, term_sparql
from diplograph.web.limits import RequestError

RESULT_TYPES = {  # SELECT and ASK, the first the default
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
}
GRAPH_TYPES = {  # CONSTRUCT and DESCRIBE, the first the default
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
}


@dataclass(frozen=True)
class Results:
    """What a query gave, cut at the row limit: rows, triples or a boolean."""

    form: str
    variables: list[str]
    rows: list[Row]
    triples: list[ox.Triple]
    boolean: bool
    truncated: bool


def serialized(results: Results, accept: str) -> tuple[str, bytes]:
    """The media type and body for ``results``, by the ``Accept`` header."""
    offered = GRAPH_TYPES if results.form == "CONSTRUCT" else RESULT_TYPES
    media = negotiate(accept, list(offered))
    if media is None:
        raise RequestError(
            406,
            f"no {'graph' if results.form == 'CONSTRUCT' else 'result'} format "
            f"matches Accept: {accept!r}; this query's are {', '.join(offered)}.",
        )
    fmt = offered[media]
    if results.form == "CONSTRUCT":
        graph = Graph()
        for triple in results.triples:
            graph.add(
                tuple(from_ox(t).to_rdflib() for t in triple)  # type: ignore[arg-type]
            )
        if fmt != "nt":
            with_graph_prefixes(graph)
        return media, graph.serialize(format=fmt, encoding="utf-8")
    writer = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[fmt]
    return media, writer(results).encode("utf-8")


def negotiate(accept: str, offered: list[str]) -> str | None:
    """The offered media type the ``Accept`` header prefers (the first offered
    when it says nothing or ``*/*``), None when it takes none of them.

    Example:
        >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", ["a/b", "text/csv", "application/sparql-results+xml"])
        'application/sparql-results+xml'
        >>> negotiate("", ["a/b"]), negotiate("image/png", ["a/b"])
        ('a/b', None)
    """  # noqa: E501
    if not accept.strip():
        return offered[0]
    best: tuple[float, int, str] | None = None
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        media = media.lower()
        for candidate in offered:
            # an exact type ranks over a wildcard of the same quality
            exact = media == candidate
            if quality > 0 and (
                exact or media in ("*/*", candidate.split("/")[0] + "/*")
            ):
                if best is None or (quality, int(exact)) > best[:2]:
                    best = (quality, int(exact), candidate)
                break
    return best[2] if best else None


def _term_json(term: Term) -> dict[str, str]:
    value = {"type": term.kind, "value": term.value}
    if term.datatype:
        value["datatype"] = term.datatype
    if term.lang:
        value["xml:lang"] = term.lang
    return value


def _json(results: Results) -> str:
    if results.form == "ASK":
        return json.dumps({"head": {}, "boolean": results.boolean})
    bindings = [
        {name: _term_json(term) for name, term in row.items()} for row in results.rows
    ]
    return json.dumps(
        {"head": {"vars": results.variables}, "results": {"bindings": bindings}}
    )


def _xml(results: Results) -> str:
    lines = [
        '<?xml version="1.0"?>',
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
        "<head>",
        *(f"<variable name={quoteattr(v)}/>" for v in results.variables),
        "</head>",
    ]
    if results.form == "ASK":
        lines.append(f"<boolean>{'true' if results.boolean else 'false'}</boolean>")
    else:
        lines.append("<results>")
        for row in results.rows:
            lines.append("<result>")
            for name, term in row.items():
                lines.append(
                    f"<binding name={quoteattr(name)}>{_term_xml(term)}</binding>"
                )
            lines.append("</result>")
        lines.append("</results>")
    return "\n".join([*lines, "</sparql>", ""])


def _term_xml(term: Term) -> str:
    value = escape(term.value)
    if term.kind == "uri":
        return f"<uri>{value}</uri>"
    if term.kind == "bnode":
        return f"<bnode>{value}</bnode>"
    if term.lang:
        return f"<literal xml:lang={quoteattr(term.lang)}>{value}</literal>"
    if term.datatype:
        return f"<literal datatype={quoteattr(term.datatype)}>{value}</literal>"
    return f"<literal>{value}</literal>"


def _csv(results: Results) -> str:
    """SPARQL 1.1 CSV: plain values, CRLF line ends; ASK as one ``_askResult``."""
    if results.form == "ASK":
        return f"_askResult\r\n{'true' if results.boolean else 'false'}\r\n"

    def cell(term: Term | None) -> str:
        text = "" if term is None else term.value
        if re.search(r'[",\r\n]', text):
            text = '"' + text.replace('"', '""') + '"'
        return text

    lines = [",".join(results.variables)]
    lines += [",".join(cell(r.get(v)) for v in results.variables) for r in results.rows]
    return "\r\n".join(lines) + "\r\n"


def _tsv(results: Results) -> str:
    """SPARQL 1.1 TSV: terms written as in SPARQL (``<iri>``, ``"text"@en``)."""
    if results.form == "ASK":
        return f"?_askResult\n{'true' if results.boolean else 'false'}\n"

    def cell(term: Term | None) -> str:
        if term is None:
            return ""
        if term.kind == "bnode":
            return f"_:{term.value}"
        return term_sparql(term)

    lines = ["\t".join(f"?{v}" for v in results.variables)]
    lines += [
        "\t".join(cell(r.get(v)) for v in results.variables) for r in results.rows
    ]
    return "\n".join(lines) + "\n"
