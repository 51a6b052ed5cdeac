"""The application: routes, the store as it is now, the listening socket."""

from __future__ import annotations

import errno
import socket
import threading
import time
from collections.abc import Awaitable, Callable

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from diplograph.errors import DiplographError, StoreError
from diplograph.queries import saved_queries
from diplograph.store import Store
from diplograph.store.embedded import EmbeddedStore
from diplograph.web.api import (
    FEED_SUFFIX,
    described,
    openapi_document,
    saved_feed,
    saved_query,
)
from diplograph.web.limits import (
    RequestError,
    ServeOptions,
    limit_headers,
    limited,
    problem_response,
)
from diplograph.web.pages import not_found, page_routes
from diplograph.web.plots import PARAMETERS, picture
from diplograph.web.results import Results, serialized
from diplograph.web.sparql import evaluate, query_text

_EXPOSED = ["Link", "X-Total-Count", "X-Diplograph-Row-Limit", "X-Diplograph-Truncated"]


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
            text = await query_text(request)
            accept = request.headers.get("accept", "")

            def work(stop: threading.Event) -> tuple[Results, str, bytes]:
                # written in the worker too: a large answer keeps no other waiting
                results = evaluate(current(), text, options.row_limit, stop)
                return results, *serialized(results, accept)

            results, media, body = await limited(work, options.time_limit)
        except RequestError as problem:
            return problem_response(problem, options)
        return Response(
            body, media_type=media, headers=limit_headers(options, results.truncated)
        )

    async def listing(request: Request) -> Response:
        return JSONResponse([described(q) for q in queries.values()])

    async def saved(request: Request) -> Response:
        try:
            return await saved_query(request, current(), queries, options)
        except RequestError as problem:
            return problem_response(problem, options)

    async def feed(request: Request) -> Response:
        try:
            return await saved_feed(request, current(), queries, options)
        except RequestError as problem:
            return problem_response(problem, options)

    async def openapi(request: Request) -> Response:
        return JSONResponse(openapi_document(queries, options))

    def plotted(kind: str) -> Callable[[Request], Awaitable[Response]]:
        async def answer(request: Request) -> Response:
            try:
                return await picture(request, current(), kind, options)
            except RequestError as problem:
                return problem_response(problem, options)

        return answer

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
            # before the JSON rows, whose {name} would take "NAME.atom" too
            Route("/api/queries/{name}" + FEED_SUFFIX, feed, methods=["GET"]),
            Route("/api/queries/{name}", saved, methods=["GET"]),
            *(
                Route(f"/plot/{kind}.svg", plotted(kind), methods=["GET"])
                for kind in PARAMETERS
            ),
            *page_routes(current, queries, options),
        ],
        middleware=middleware,
        exception_handlers={404: not_found},
    )


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on ``host:port`` (port 0: any free one); a
    DiplographError saying why and what to do when it cannot be had."""
    # Made as TCP explicitly: asyncio turns Nagle's algorithm off (TCP_NODELAY)
    # only on connections of a socket whose protocol says TCP, and
    # socket.create_server's says 0; each answer (headers, then body) then
    # waited for a delayed ACK: measured 0.7 -> 44 ms for an ASK.
    listening: socket.socket | None = None
    try:
        family, _, _, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
        )[0]
        listening = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
        listening.listen(128)
        return listening
    except OSError as error:
        if listening is not None:
            listening.close()
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
