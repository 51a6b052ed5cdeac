"""``/sparql``: the query of a SPARQL 1.1 Protocol request (updates refused),
and its results, cut at the row limit."""

from __future__ import annotations

import re
import threading
from typing import Any
from urllib.parse import parse_qsl

import pyoxigraph as ox
from starlette.requests import Request

from diplograph.errors import QueryError, StoreError
from diplograph.queries import with_prefixes
from diplograph.sparql.layout import layout
from diplograph.store.embedded import EmbeddedStore, from_ox
from diplograph.web.limits import RequestError
from diplograph.web.results import Results

UPDATE_WORDS = frozenset(
    "INSERT DELETE LOAD CLEAR CREATE DROP COPY MOVE ADD WITH".split()
)


async def query_text(request: Request) -> str:
    """The query of a SPARQL Protocol request; updates refused (403)."""
    params = parse_qsl(request.url.query, keep_blank_values=True)
    if request.method == "POST":
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = (await request.body()).decode("utf-8", "replace")
        if kind == "application/sparql-update":
            raise read_only_refusal()
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
        raise read_only_refusal()
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
    return checked_query(texts[0])


def checked_query(raw: str) -> str:
    """``raw`` with the project's prefixes, if it is a query (400 when it is
    not one, 403 when it is an update): what /sparql and the query page run."""
    try:
        text = with_prefixes(raw)
        layout(text)
    except QueryError as error:
        if _is_update(raw):
            raise read_only_refusal() from None
        raise RequestError(400, str(error)) from None
    return text


def _is_update(text: str) -> bool:
    """Whether ``text``'s first keyword after its prologue starts an update."""
    body = re.sub(r"(?m)#.*$", "", text)
    body = re.sub(r"(?is)^\s*(?:(?:PREFIX\s+[\w-]*:\s*|BASE\s*)<[^>]*>\s*)*", "", body)
    word = re.match(r"\s*([A-Za-z]+)", body)
    return bool(word) and word.group(1).upper() in UPDATE_WORDS  # type: ignore[union-attr]


def read_only_refusal() -> RequestError:
    return RequestError(
        403,
        "this endpoint is read-only: updates are refused. Write with "
        "`diplograph load`, `remove` or `reload` (a load may run beside the server).",
    )


def evaluate(
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
