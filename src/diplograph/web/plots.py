"""``/plot/timeline.svg`` and ``/plot/network.svg``: the pictures of
``diplograph plot``, as SVG, with the command's checks and messages (400)."""

from __future__ import annotations

import threading
from datetime import date

from starlette.requests import Request
from starlette.responses import Response

from diplograph import plot
from diplograph.errors import DiplographError, PlotError, QueryError, StoreError
from diplograph.settings import parse_day
from diplograph.store import Store
from diplograph.web.limits import RequestError, ServeOptions, limited, single_params

# the parameters of each picture, as the page's <img src> gives them
PARAMETERS = {
    "timeline": ("country", "agreement", "from", "to"),
    "network": ("country", "from", "to"),
}


async def picture(
    request: Request, store: Store, kind: str, options: ServeOptions
) -> Response:
    """The picture ``kind`` (timeline or network) for the query's parameters."""
    values = _parameters(request, kind)
    start, end = _day(values, "from"), _day(values, "to")

    def work(stop: threading.Event) -> str:
        try:
            if kind == "timeline":
                drawn: plot.Picture = plot.timeline(
                    store, country=values.get("country"),
                    agreement=values.get("agreement"), start=start, end=end,
                )  # fmt: skip
            else:
                drawn = plot.network(
                    store, country=values.get("country"), start=start, end=end
                )
            return plot.svg(drawn)
        except (PlotError, QueryError, StoreError) as error:
            raise RequestError(400, str(error)) from None

    body = await limited(work, options.time_limit)
    return Response(body, media_type="image/svg+xml")


def _parameters(request: Request, kind: str) -> dict[str, str]:
    """The parameters given, each once and known; empty ones left out (a
    form's empty field means "all")."""
    known = PARAMETERS[kind]
    values = single_params(request)
    for key in values:
        if key not in known:
            raise RequestError(
                400,
                f"/plot/{kind}.svg has no parameter {key!r}; it takes "
                f"{', '.join(known)}.",
            )
    return {key: value for key, value in values.items() if value.strip()}


def _day(values: dict[str, str], name: str) -> date | None:
    """A ``from`` or ``to`` value as the command line reads --from and --to."""
    if name not in values:
        return None
    try:
        return parse_day(values[name])
    except DiplographError as error:
        raise RequestError(400, f"{name}: {error}") from None
