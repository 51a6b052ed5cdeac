"""``/api/queries``: the saved queries as REST calls, paged by ``Link`` headers,
and their OpenAPI description, generated from the grlc headers as grlc does."""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from diplograph import __version__
from diplograph.arrivals import BEFORE_ANY, identity, since_term
from diplograph.errors import QueryError, StoreError
from diplograph.queries import (
    VOCABULARIES,
    SavedQuery,
    count_rows,
    known_total,
    run_query,
    with_graph_prefixes,
)
from diplograph.store import Store
from diplograph.web.atom import MEDIA_TYPE, atom_feed
from diplograph.web.limits import (
    RequestError,
    ServeOptions,
    count_param,
    limit_headers,
    limited,
    single_params,
)

DEFAULT_PAGE = 50  # rows of a saved query when no limit is given
# entries of a feed when no limit is given: feed readers keep what they have
# seen, and ask often, so the newest 50 are plenty between two visits
DEFAULT_ENTRIES = 50
FEED_SUFFIX = ".atom"


async def saved_query(
    request: Request,
    store: Store,
    queries: dict[str, SavedQuery],
    options: ServeOptions,
) -> Response:
    """One saved query as JSON rows, a page with Link and X-Total-Count."""
    query, params = _asked(request, queries)
    name = query.name
    limit = _limit(params, DEFAULT_PAGE, options)
    offset = count_param(params.pop("offset", None), "offset", 0)
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

    answer, total = await limited(work, options.time_limit)
    headers = limit_headers(options, None)
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


async def saved_feed(
    request: Request,
    store: Store,
    queries: dict[str, SavedQuery],
    options: ServeOptions,
) -> Response:
    """The rows of one saved query new since ``since`` as an Atom feed (at
    most ``limit``, the newest); without ``since``, the newest rows."""
    query, params = _asked(request, queries)
    limit = _limit(params, DEFAULT_ENTRIES, options)
    since = params.pop("since", "") or BEFORE_ANY
    values: dict[str, Any] = {f"{key}_": value for key, value in params.items()}

    def work(stop: threading.Event) -> list[dict[str, Any]]:
        try:
            rows: list[dict[str, Any]] = run_query(
                store, query.name, limit=limit, since=since, **values
            )
        except (QueryError, StoreError) as error:
            raise RequestError(400, str(error)) from None
        return rows

    rows = await limited(work, options.time_limit)
    asked = sorted(params.items())
    rows_url = request.url.replace(
        path=request.url.path.removesuffix(FEED_SUFFIX), query=urlencode(asked)
    )
    shown = ", ".join(f"{key}={value}" for key, value in asked)
    body = atom_feed(
        rows,
        title=query.summary + (f" ({shown})" if shown else ""),
        subtitle=f"New rows of the saved query {query.name}, newest first. "
        + query.description,
        # the same feed whatever the host it is asked of, or the time asked for
        feed_id=f"{rows_url.path}?{rows_url.query}",
        self_url=str(request.url),
        rows_url=str(rows_url),
        identity=identity(query.text),
        updated=since_term(since).value,
    )
    headers = limit_headers(options, None)
    return Response(body, media_type=MEDIA_TYPE, headers=headers)


def _asked(
    request: Request, queries: dict[str, SavedQuery]
) -> tuple[SavedQuery, dict[str, str]]:
    """The saved query a request names (404 if none) and its parameters, each
    given once (400 if twice)."""
    name = request.path_params["name"]
    if name not in queries:
        raise RequestError(
            404, f"no saved query {name!r}; GET /api/queries lists them."
        )
    return queries[name], single_params(request)


def _limit(params: dict[str, str], default: int, options: ServeOptions) -> int:
    """The ``limit`` of a request (taken out of ``params``), within the row limit."""
    limit = count_param(params.pop("limit", None), "limit", default)
    if limit > options.row_limit:
        raise RequestError(
            400,
            f"limit {limit} is over this server's row limit of {options.row_limit}.",
        )
    return limit


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


def described(query: SavedQuery) -> dict[str, Any]:
    """A saved query as ``/api/queries`` lists it."""
    return {
        "name": query.name,
        "summary": query.summary,
        "description": query.description,
        "tags": list(query.tags),
        "form": query.form,
        "path": f"/api/queries/{query.name}",
        **(
            {"feed": f"/api/queries/{query.name}{FEED_SUFFIX}"}
            if query.has_feed
            else {}
        ),
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


def _limit_parameter(default: int, options: ServeOptions) -> dict[str, Any]:
    return {
        "name": "limit",
        "in": "query",
        "schema": {
            "type": "integer",
            "minimum": 0,
            "maximum": options.row_limit,
            "default": default,
        },
    }


def _feed_operation(
    query: SavedQuery, parameters: list[dict[str, Any]]
) -> dict[str, Any]:
    """The feed of a saved query's new rows, as OpenAPI describes it."""
    since = {
        "name": "since",
        "in": "query",
        "description": "only the rows that arrived after this date, or date and "
        "time (UTC unless a zone ends it); the newest rows without it",
        "schema": {"type": "string", "example": "2026-01-20T09:30:00Z"},
    }
    return {
        "get": {
            "operationId": f"{query.name}-feed",
            "summary": f"{query.summary}: the rows new since a time, as Atom",
            "description": "An Atom 1.0 feed of the rows of the query that arrived "
            "after since, newest first, one entry per row.",
            "tags": list(query.tags),
            "parameters": [*parameters, since],
            "responses": {
                "200": {
                    "description": "the new rows, one Atom entry each",
                    "content": {"application/atom+xml": {}},
                },
                "400": {"description": "a parameter that is not right, and why"},
                "503": {"description": "over the time limit"},
            },
        }
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
        if query.has_feed:
            paths[f"/api/queries/{query.name}{FEED_SUFFIX}"] = _feed_operation(
                query, [*parameters, _limit_parameter(DEFAULT_ENTRIES, options)]
            )
        if query.form == "SELECT":
            parameters += [
                _limit_parameter(DEFAULT_PAGE, options),
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
