"""What bounds every answer of ``diplograph serve``: the options, the time
limit (a worker thread abandoned at it), the row limit stated in headers, and
the error that becomes an answer other than 200."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import parse_qsl

import anyio
from starlette.requests import Request
from starlette.responses import Response

from diplograph.errors import DiplographError

T = TypeVar("T")
DEFAULT_TIME_LIMIT = 30.0  # seconds
DEFAULT_ROW_LIMIT = 10_000


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


async def limited(work: Callable[[threading.Event], T], time_limit: float | None) -> T:
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


def single_params(request: Request) -> dict[str, str]:
    """The query string as one value per name (a name given twice: 400)."""
    params: dict[str, str] = {}
    for key, value in parse_qsl(request.url.query, keep_blank_values=True):
        if key in params:
            raise RequestError(400, f"the parameter {key!r} is given twice.")
        params[key] = value
    return params


def count_param(raw: str | None, name: str, default: int) -> int:
    """A ``limit`` or ``offset`` of the query string: a whole number 0 or
    more (400 otherwise), ``default`` when not given."""
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
        raise RequestError(
            400, f"{name} must be a whole number 0 or more, not {raw!r}."
        )
    return int(raw)


def limit_headers(options: ServeOptions, truncated: bool | None) -> dict[str, str]:
    headers = {"X-Diplograph-Row-Limit": str(options.row_limit)}
    if truncated is not None:
        headers["X-Diplograph-Truncated"] = "true" if truncated else "false"
    return headers


def problem_response(problem: RequestError, options: ServeOptions) -> Response:
    return Response(
        str(problem) + "\n",
        status_code=problem.status,
        media_type="text/plain",
        headers=limit_headers(options, None),
    )
