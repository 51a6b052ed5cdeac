"""``diplograph serve``: the embedded store over HTTP, read-only.

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
    ['/api/openapi.json', '/api/queries', '/api/queries/{name}', '/sparql']
"""

from __future__ import annotations

import errno
import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl
from xml.sax.saxutils import escape, quoteattr

import anyio
import pyoxigraph as ox
from rdflib import Graph
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from diplograph import __version__
from diplograph.errors import DiplographError, QueryError, StoreError
from diplograph.queries import (
    VOCABULARIES,
    SavedQuery,
    count_rows,
    known_total,
    run_query,
    saved_queries,
    with_graph_prefixes,
    with_prefixes,
)
from diplograph.sparql.layout import layout
from diplograph.store import Row, Store
from diplograph.store.embedded import EmbeddedStore, from_ox
from diplograph.terms import Term, term_sparql

DEFAULT_TIME_LIMIT = 30.0  # seconds
DEFAULT_ROW_LIMIT = 10_000
DEFAULT_PAGE = 50  # rows of a saved query when no limit is given
# the first keyword of an update, after its prologue
UPDATE_WORDS = frozenset(
    "INSERT DELETE LOAD CLEAR CREATE DROP COPY MOVE ADD WITH".split()
)
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
_EXPOSED = ["Link", "X-Total-Count", "X-Diplograph-Row-Limit", "X-Diplograph-Truncated"]


@dataclass(frozen=True)
class ServeOptions:
    """``time_limit``: seconds a query may run (None: no limit); ``row_limit``:
    results one answer may hold; ``cors``: origins allowed to read answers
    from a browser (none by default)."""

    time_limit: float | None = DEFAULT_TIME_LIMIT
    row_limit: int = DEFAULT_ROW_LIMIT
    cors: tuple[str, ...] = ()


class RequestError(DiplographError):
    """An answer other than 200, with its status and message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Results:
    """What a query gave, cut at the row limit: rows, triples or a boolean."""

    form: str
    variables: list[str]
    rows: list[Row]
    triples: list[ox.Triple]
    boolean: bool
    truncated: bool


class Reader:
    """The store as it is now: a read-only view is a snapshot of the moment it
    was opened, so one that a load has changed since is opened again (checked
    at most every ``every`` seconds; queries running on the old view finish
    on it)."""

    def __init__(self, store: EmbeddedStore, *, every: float = 1.0) -> None:
        self._store = store
        self._every = every
        self._checked = time.monotonic()
        self._lock = threading.Lock()

    def __call__(self) -> EmbeddedStore:
        now = time.monotonic()
        if now - self._checked < self._every:
            return self._store
        with self._lock:
            if now - self._checked >= self._every:
                self._checked = now
                if self._store.stale():
                    self._store = EmbeddedStore(self._store.location, read_only=True)
        return self._store


def create_app(store: Store, *, options: ServeOptions) -> Starlette:
    """The web application over ``store`` (an embedded store, best opened
    read-only: it then also sees what a load writes while it serves)."""
    if not isinstance(store, EmbeddedStore):
        raise StoreError(
            f"diplograph serve serves an embedded store (a folder), not "
            f"{store.location}: a SPARQL server has an endpoint of its own."
        )
    current = Reader(store)
    queries = saved_queries()

    async def sparql(request: Request) -> Response:
        try:
            text = await _query_text(request)
            accept = request.headers.get("accept", "")

            def work(stop: threading.Event) -> tuple[Results, str, bytes]:
                # written in the worker too: a large answer keeps no other waiting
                results = _evaluate(current(), text, options.row_limit, stop)
                return results, *_serialized(results, accept)

            results, media, body = await _limited(work, options.time_limit)
        except RequestError as problem:
            return _problem(problem, options)
        return Response(body, media_type=media, headers=_limits(options, results))

    async def listing(request: Request) -> Response:
        return JSONResponse([_described(q) for q in queries.values()])

    async def saved(request: Request) -> Response:
        try:
            return await _saved(request, current(), queries, options)
        except RequestError as problem:
            return _problem(problem, options)

    async def openapi(request: Request) -> Response:
        return JSONResponse(openapi_document(queries, options))

    middleware = []
    if options.cors:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(options.cors),
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type", "Accept"],
                expose_headers=_EXPOSED,
            )
        )
    return Starlette(
        routes=[
            Route("/sparql", sparql, methods=["GET", "POST"]),
            Route("/api/queries", listing, methods=["GET"]),
            Route("/api/openapi.json", openapi, methods=["GET"]),
            Route("/api/queries/{name}", saved, methods=["GET"]),
        ],
        middleware=middleware,
    )


# -- /sparql -----------------------------------------------------------------


async def _query_text(request: Request) -> str:
    """The query of a SPARQL Protocol request; updates refused (403)."""
    params = parse_qsl(request.url.query, keep_blank_values=True)
    if request.method == "POST":
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = (await request.body()).decode("utf-8", "replace")
        if kind == "application/sparql-update":
            raise _read_only()
        if kind == "application/sparql-query":
            params.append(("query", body))
        elif kind == "application/x-www-form-urlencoded":
            params += parse_qsl(body, keep_blank_values=True)
        else:
            raise RequestError(
                415,
                f"a POST to /sparql takes application/sparql-query or "
                f"application/x-www-form-urlencoded, not {kind or 'no type'!r}.",
            )
    names = [name for name, _ in params]
    if "update" in names:
        raise _read_only()
    for name in ("default-graph-uri", "named-graph-uri"):
        if name in names:
            raise RequestError(
                400,
                f"{name} is not taken here: name the graphs in the query "
                "(FROM, GRAPH); without them it reads the merged graph.",
            )
    texts = [value for name, value in params if name == "query"]
    if len(texts) != 1:
        raise RequestError(
            400,
            "give one query: ?query=... (GET or a form POST), or the query as "
            "the body of a POST of type application/sparql-query."
            if not texts
            else "give one query, not several query parameters.",
        )
    try:
        text = with_prefixes(texts[0])
        layout(text)
    except QueryError as error:
        if _is_update(texts[0]):
            raise _read_only() from None
        raise RequestError(400, str(error)) from None
    return text


def _is_update(text: str) -> bool:
    """Whether ``text``'s first keyword after its prologue starts an update."""
    body = re.sub(r"(?m)#.*$", "", text)
    body = re.sub(r"(?is)^\s*(?:(?:PREFIX\s+[\w-]*:\s*|BASE\s*)<[^>]*>\s*)*", "", body)
    word = re.match(r"\s*([A-Za-z]+)", body)
    return bool(word) and word.group(1).upper() in UPDATE_WORDS  # type: ignore[union-attr]


def _read_only() -> RequestError:
    return RequestError(
        403,
        "this endpoint is read-only: updates are refused. Write with "
        "`diplograph load`, `remove` or `reload` (a load may run beside the server).",
    )


def _evaluate(
    store: EmbeddedStore, text: str, row_limit: int, stop: threading.Event
) -> Results:
    """Run ``text``, keeping at most ``row_limit`` results; stop early when
    ``stop`` is set (the time limit passed)."""
    try:
        answer = store.results(text)
        if isinstance(answer, ox.QueryBoolean):
            return Results("ASK", [], [], [], bool(answer), False)
        kept: list[Any] = []
        truncated = False
        for item in answer:
            if stop.is_set():
                break
            if len(kept) == row_limit:
                truncated = True
                break
            kept.append(item)
    except StoreError as error:
        raise RequestError(400, str(error)) from None
    if stop.is_set():  # abandoned: nobody reads what it found
        return Results("SELECT", [], [], [], False, True)
    if isinstance(answer, ox.QueryTriples):
        return Results("CONSTRUCT", [], [], kept, False, truncated)
    variables = [v.value for v in answer.variables]
    rows = [
        {
            name: from_ox(value)
            for name, value in zip(variables, solution, strict=True)
            if value is not None
        }
        for solution in kept
    ]
    return Results("SELECT", variables, rows, [], False, truncated)


async def _limited(
    work: Callable[[threading.Event], Any], time_limit: float | None
) -> Any:
    """``work`` in a worker thread, abandoned after ``time_limit`` seconds (503)."""
    stop = threading.Event()
    with anyio.move_on_after(time_limit) as scope:
        return await anyio.to_thread.run_sync(work, stop, abandon_on_cancel=True)
    stop.set()
    assert scope.cancelled_caught
    raise RequestError(
        503,
        f"the query ran over the time limit of {time_limit:g} s and was stopped; "
        "narrow it (a LIMIT, more specific patterns), or start the server with "
        "a larger --time-limit.",
    )


def _serialized(results: Results, accept: str) -> tuple[str, bytes]:
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


def _limits(options: ServeOptions, results: Results | None) -> dict[str, str]:
    headers = {"X-Diplograph-Row-Limit": str(options.row_limit)}
    if results is not None:
        headers["X-Diplograph-Truncated"] = "true" if results.truncated else "false"
    return headers


def _problem(problem: RequestError, options: ServeOptions) -> Response:
    return Response(
        str(problem) + "\n",
        status_code=problem.status,
        media_type="text/plain",
        headers=_limits(options, None),
    )


# -- /api/queries --------------------------------------------------------------


async def _saved(
    request: Request,
    store: Store,
    queries: dict[str, SavedQuery],
    options: ServeOptions,
) -> Response:
    """One saved query as JSON rows, a page with Link and X-Total-Count."""
    name = request.path_params["name"]
    if name not in queries:
        raise RequestError(
            404, f"no saved query {name!r}; GET /api/queries lists them."
        )
    query = queries[name]
    params: dict[str, str] = {}
    for key, value in parse_qsl(request.url.query, keep_blank_values=True):
        if key in params:
            raise RequestError(400, f"the parameter {key!r} is given twice.")
        params[key] = value
    limit = _count(params.pop("limit", None), "limit", DEFAULT_PAGE)
    offset = _count(params.pop("offset", None), "offset", 0)
    if limit > options.row_limit:
        raise RequestError(
            400,
            f"limit {limit} is over this server's row limit of {options.row_limit}.",
        )
    # "name_": run_query's spelling of a parameter whatever its name
    # (Any: mypy would match them against run_query's own keywords)
    values: dict[str, Any] = {f"{key}_": value for key, value in params.items()}

    def work(stop: threading.Event) -> tuple[Any, int | None]:
        try:
            if query.form != "SELECT":
                return run_query(store, name, **values), None
            rows = run_query(store, name, limit=limit, offset=offset, **values)
            total = known_total(rows, limit=limit, offset=offset)
            if total is None:
                total = count_rows(store, name, **values)
            return rows, total
        except (QueryError, StoreError) as error:
            raise RequestError(400, str(error)) from None

    answer, total = await _limited(work, options.time_limit)
    headers = _limits(options, None)
    if query.form == "ASK":
        return JSONResponse({"boolean": answer}, headers=headers)
    if total is None:  # a graph
        body = with_graph_prefixes(answer).serialize(format="turtle")
        return Response(body, media_type="text/turtle", headers=headers)
    headers["X-Total-Count"] = str(total)
    headers["X-Diplograph-Truncated"] = "false"
    links = []
    if offset + len(answer) < total:
        links.append((offset + len(answer), "next"))
    if offset > 0:
        links.append((max(0, offset - limit), "prev"))
    if links:
        headers["Link"] = ", ".join(
            f'<{request.url.include_query_params(offset=at, limit=limit)}>; rel="{rel}"'
            for at, rel in links
        )
    return JSONResponse(answer, headers=headers)


def _count(raw: str | None, name: str, default: int) -> int:
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
        raise RequestError(
            400, f"{name} must be a whole number 0 or more, not {raw!r}."
        )
    return int(raw)


def _parameter_schema(query: SavedQuery, name: str, ptype: str) -> dict[str, Any]:
    if name in VOCABULARIES:
        return {"type": "string", "enum": list(VOCABULARIES[name])}
    if ptype == "integer":
        return {"type": "integer"}
    if ptype in ("xsd_date", "xsd_gYear"):
        return {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
    if ptype == "iri" and name not in ("country", "party", "partner", "other",
                                       "state", "agreement", "class"):  # fmt: skip
        return {"type": "string", "format": "iri"}
    return {"type": "string"}


def _described(query: SavedQuery) -> dict[str, Any]:
    """A saved query as ``/api/queries`` lists it."""
    return {
        "name": query.name,
        "summary": query.summary,
        "description": query.description,
        "tags": list(query.tags),
        "form": query.form,
        "path": f"/api/queries/{query.name}",
        "parameters": [
            {
                "name": p.name,
                "type": p.type,
                "required": p.required,
                **(
                    {"enum": list(VOCABULARIES[p.name])}
                    if p.name in VOCABULARIES
                    else {}
                ),
                **(
                    {"default": query.defaults[p.name]}
                    if p.name in query.defaults
                    else {}
                ),
            }
            for p in query.parameters
        ],
    }


def openapi_document(
    queries: dict[str, SavedQuery], options: ServeOptions
) -> dict[str, Any]:
    """OpenAPI 3 for the saved queries, from their grlc headers (summary,
    description, tags; parameters with their types, enums and examples)."""
    paths: dict[str, Any] = {}
    for query in queries.values():
        parameters: list[dict[str, Any]] = [
            {
                "name": p.name,
                "in": "query",
                "required": p.required,
                "schema": _parameter_schema(query, p.name, p.type),
                **(
                    {"example": query.defaults[p.name]}
                    if p.name in query.defaults
                    else {}
                ),
            }
            for p in query.parameters
        ]
        if query.form == "SELECT":
            parameters += [
                {
                    "name": "limit",
                    "in": "query",
                    "schema": {
                        "type": "integer",
                        "minimum": 0,
                        "maximum": options.row_limit,
                        "default": DEFAULT_PAGE,
                    },
                },
                {
                    "name": "offset",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 0, "default": 0},
                },
            ]
        paths[f"/api/queries/{query.name}"] = {
            "get": {
                "operationId": query.name,
                "summary": query.summary,
                "description": query.description or query.summary,
                "tags": list(query.tags),
                "parameters": parameters,
                "responses": {
                    "200": {
                        "description": "the rows, one object per row; lists for "
                        "the columns made with GROUP_CONCAT",
                        "headers": {
                            "X-Total-Count": {"schema": {"type": "integer"}},
                            "Link": {"schema": {"type": "string"}},
                        },
                        "content": {
                            "application/json": {
                                "schema": {"type": "array", "items": {"type": "object"}}
                            }
                        },
                    },
                    "400": {"description": "a parameter that is not right, and why"},
                    "503": {"description": "over the time limit"},
                },
            }
        }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "diplograph saved queries",
            "version": __version__,
            "description": "The saved queries of diplograph (queries/*.rq, grlc "
            "headers) as REST calls; the SPARQL endpoint is /sparql.",
        },
        "paths": paths,
    }


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on ``host:port`` (port 0: any free one); a
    DiplographError saying why and what to do when it cannot be had."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        return socket.create_server((host, port), family=family, backlog=128)
    except OSError as error:
        raise DiplographError(
            f"cannot listen on {host}:{port}: {error.strerror or error}; "
            + (
                "another program uses that port: give another --port, or stop it."
                if error.errno == errno.EADDRINUSE
                else "give an address of this machine as --host (127.0.0.1 for "
                "this machine only, 0.0.0.0 for every interface)."
            )
        ) from None


def serve(store: Store, listening: socket.socket, *, options: ServeOptions) -> None:
    """Answer on the ``listening`` socket until interrupted (Ctrl-C)."""
    import uvicorn

    config = uvicorn.Config(
        create_app(store, options=options), log_level="warning", access_log=False
    )
    uvicorn.Server(config).run(sockets=[listening])


__all__ = [
    "ServeOptions",
    "create_app",
    "negotiate",
    "listen",
    "openapi_document",
    "serve",
]
