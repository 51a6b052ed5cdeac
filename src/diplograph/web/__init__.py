"""``diplograph serve``: the embedded store over HTTP, read-only (``web/``:
``app`` the routes, ``sparql`` the protocol, ``results`` its formats, ``api`` the
saved queries and OpenAPI, ``atom`` their feeds, ``limits`` the time and row
limits).

- ``/sparql``: the SPARQL 1.1 Protocol (GET ``?query=``, POST form-encoded or
  ``application/sparql-query``), results by content negotiation: SPARQL JSON,
  XML, CSV, TSV for SELECT and ASK; Turtle, N-Triples, JSON-LD for CONSTRUCT
  and DESCRIBE. The project's prefixes are predeclared
  (:func:`diplograph.queries.with_prefixes`). Updates are refused (403): the
  store is opened read-only besides.
- ``/api/queries``: the saved queries; ``/api/queries/NAME?param=...&limit=&offset=``
  runs one through :func:`diplograph.queries.run_query` (its parameter checks
  and messages: 400), with ``Link`` (``rel="next"``/``"prev"``) and
  ``X-Total-Count`` headers; ``/api/openapi.json`` describes them, generated
  from the grlc headers as grlc does.
- ``/api/queries/NAME.atom?param=...&since=&limit=``: the rows of a saved query
  new since a time as an Atom feed (``web.atom``; what "new" means:
  :mod:`diplograph.arrivals`), the newest ``limit`` (50) of them; without
  ``since``, the newest rows.
- ``/plot/timeline.svg?country=&agreement=&from=&to=`` and
  ``/plot/network.svg?country=&from=&to=``: the pictures of ``diplograph plot``
  (:mod:`diplograph.plot`) as SVG, with its checks (400 for a bad value).
- the web pages (``pages``, rendered here from ``templates/``, with
  ``static/``): ``/`` the saved queries as forms and a SPARQL editor,
  ``/agreement/{key}``, ``/country/{code}``, ``/article/{key}``, ``/search``.

Each query runs in a worker thread within a time limit (503 when over: the
thread is abandoned, and a SELECT, CONSTRUCT or DESCRIBE stops at its next
result), and gives at most a row limit of results; every answer states the
limit (``X-Diplograph-Row-Limit``) and whether it cut the results
(``X-Diplograph-Truncated``). A query that computes long before its first
result (an aggregate over a huge join) runs on in its thread after the 503
until it is done: Oxigraph cannot be interrupted.

Example:
    >>> from diplograph.store import open_store
    >>> app = create_app(open_store(":memory:"), options=ServeOptions())
    >>> sorted(route.path for route in app.routes)  # doctest: +NORMALIZE_WHITESPACE
    ['/', '/agreement', '/agreement/{key:path}', '/api/openapi.json', '/api/queries',
     '/api/queries/{name}', '/api/queries/{name}.atom', '/article/{key:path}',
     '/country', '/country/{code:path}', '/plot/network.svg', '/plot/timeline.svg',
     '/search', '/sparql', '/static']
"""

from __future__ import annotations

from diplograph.web.app import create_app, listen, serve
from diplograph.web.limits import DEFAULT_ROW_LIMIT, DEFAULT_TIME_LIMIT, ServeOptions
from diplograph.web.results import negotiate

__all__ = [
    "DEFAULT_ROW_LIMIT",
    "DEFAULT_TIME_LIMIT",
    "ServeOptions",
    "create_app",
    "listen",
    "negotiate",
    "serve",
]
