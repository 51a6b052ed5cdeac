"""``diplograph serve``: a read-only SPARQL endpoint and the saved queries as
REST calls, over the embedded store (:mod:`diplograph.web`)."""

from __future__ import annotations

import argparse
import ipaddress
import logging

from diplograph.cli.command import Command
from diplograph.cli.options import non_negative, opened, positive
from diplograph.cli.status import ExitStatus
from diplograph.settings import Settings, parse_timeout
from diplograph.web import (
    DEFAULT_ROW_LIMIT,
    DEFAULT_TIME_LIMIT,
    ServeOptions,
    listen,
    serve,
)

log = logging.getLogger("diplograph")

EPILOG = """\
endpoints:
  /sparql               SPARQL 1.1 Protocol: GET ?query=, POST form or
                        application/sparql-query; JSON, XML, CSV, TSV results
                        (Turtle, N-Triples, JSON-LD graphs) by the Accept header;
                        updates refused with 403
  /api/queries          the saved queries, their summaries and parameters (JSON)
  /api/queries/NAME     one saved query: ?PARAM=VALUE&limit=50&offset=0, JSON rows,
                        Link (next, prev) and X-Total-Count headers
  /api/openapi.json     OpenAPI 3 description of the saved queries
  /plot/timeline.svg    diplograph plot timeline as SVG: ?country=&agreement=
                        &from=&to= (each optional; dates YYYY-MM-DD)
  /plot/network.svg     diplograph plot network as SVG: ?country=&from=&to=

Answers state the row limit (X-Diplograph-Row-Limit) and whether it cut them
(X-Diplograph-Truncated: true); a query over the time limit is answered 503.
The store is opened read-only: a load may write to it meanwhile, and what it
writes is served within a second.
"""


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "--host", default="127.0.0.1",
        help="address to listen on (default 127.0.0.1, this machine only; "
        "0.0.0.0 for every interface)",
    )  # fmt: skip
    parser.add_argument(
        "--port", type=non_negative, default=7878, help="port (default 7878)"
    )
    parser.add_argument(
        "--cors", action="append", default=[], metavar="ORIGIN",
        help="let web pages from ORIGIN (https://yasgui.org, or * for any) read "
        "the answers; may be repeated (default: none)",
    )  # fmt: skip
    parser.add_argument(
        "--time-limit", default=str(DEFAULT_TIME_LIMIT), metavar="SECONDS",
        help=f"seconds one query may run before it is answered 503 "
        f"(default {DEFAULT_TIME_LIMIT:g}; 0 for none)",
    )  # fmt: skip
    parser.add_argument(
        "--row-limit", type=positive, default=DEFAULT_ROW_LIMIT, metavar="N",
        help=f"results one answer may hold (default {DEFAULT_ROW_LIMIT:,})",
    )  # fmt: skip


def run(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    options = ServeOptions(
        time_limit=parse_timeout(args.time_limit, name="--time-limit"),
        row_limit=args.row_limit,
        cors=tuple(args.cors),
    )
    with opened(settings, read_only=True) as store:
        listening = listen(args.host, args.port)
        host, port = listening.getsockname()[:2]
        if not ipaddress.ip_address(host).is_loopback:
            log.warning(
                "listening on %s: whoever can reach this machine can read the store",
                host,
            )
        log.info(
            "serving %s read-only on http://%s:%d/sparql and /api/queries "
            "(Ctrl-C to stop)",
            store.location, host, port,
        )  # fmt: skip
        with listening:
            serve(store, listening, options=options)
    return ExitStatus.SUCCESS


SERVE = Command(
    help="answer SPARQL and the saved queries over HTTP, read-only",
    description="Serve the store read-only over HTTP: a SPARQL 1.1 Protocol "
    "endpoint at /sparql and every saved query as a REST call under "
    "/api/queries, described in OpenAPI at /api/openapi.json.",
    run=run,
    arguments=arguments,
)
