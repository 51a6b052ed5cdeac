"""``diplograph plot``: a timeline of agreements or a network of their
parties, as PNG, SVG or a page (:mod:`diplograph.plot`)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from diplograph import plot
from diplograph.cli.command import Command
from diplograph.cli.options import opened, parse_date, warn_if_no_articles
from diplograph.cli.status import ExitStatus
from diplograph.errors import PlotError
from diplograph.settings import Settings

log = logging.getLogger("diplograph")

EPILOG = f"""\
pictures:
  timeline   one row per agreement, its lifecycle events as marks by date
             (negotiation, agreed, signed, ratified, in force, implemented,
             extended, suspended, withdrawn, terminated, failed); hollow marks
             were scheduled; a band spans a date known only to the year or
             month. At most {plot.MAX_ROWS} rows: those with the most events.
  network    states and organizations, a line between two for each pair that
             shares agreements, as thick as how many (numbered from 2); with
             --country, that country's agreements only, the country in the
             middle. At most {plot.MAX_PARTIES} parties: those in the most agreements.

Each picture says what it leaves out. --from and --to keep the events dated
within the period, and the agreements that have one (a date known only as 2014
is within the period if all of 2014 is). The data comes from the saved query
agreement-events (diplograph query agreement-events --help).
"""


def out_file(value: str) -> Path:
    """An argparse type: a file name whose suffix names a picture format."""
    try:
        plot.format_of(value)
    except PlotError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return Path(value)


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "picture", choices=plot.KINDS,
        help="timeline: agreements and their events over time; network: "
        "parties linked by shared agreements",
    )  # fmt: skip
    parser.add_argument(
        "--out", type=out_file, required=True, metavar="FILE",
        help="the picture's file: .png, .svg, or .html (a page with the SVG "
        "inline, which needs nothing from the network)",
    )  # fmt: skip
    parser.add_argument(
        "--country", metavar="COUNTRY",
        help="only the agreements this country or organization (code, name, "
        "alias or IRI) is party to",
    )  # fmt: skip
    parser.add_argument(
        "--agreement", metavar="AGREEMENT",
        help="timeline only: one agreement (IRI, name, alias or label)",
    )  # fmt: skip
    parser.add_argument(
        "--from", dest="start", type=parse_date, metavar="YYYY-MM-DD",
        help="only events dated on or after this day",
    )  # fmt: skip
    parser.add_argument(
        "--to", dest="end", type=parse_date, metavar="YYYY-MM-DD",
        help="only events dated on or before this day",
    )  # fmt: skip


def run(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    if args.agreement is not None and args.picture != "timeline":
        raise PlotError(
            "--agreement draws one agreement's timeline: use it with "
            "`diplograph plot timeline`, or leave it out."
        )
    with opened(settings, read_only=True) as store:
        picture: plot.Picture
        if args.picture == "timeline":
            picture = plot.timeline(
                store, country=args.country, agreement=args.agreement,
                start=args.start, end=args.end,
            )  # fmt: skip
            drawn = len(picture.rows)
        else:
            picture = plot.network(
                store, country=args.country, start=args.start, end=args.end
            )
            drawn = len(picture.links)
        if not drawn:
            warn_if_no_articles(store)
    body = plot.render(picture, format=plot.format_of(args.out))
    args.out.write_bytes(body)
    if drawn:
        log.info("%s: %s", args.out, picture.title)
    else:
        log.info("%s: %s (the picture says so)", args.out, plot.NOTHING)
    return ExitStatus.SUCCESS


PLOT = Command(
    help="draw a timeline of agreements or a network of their parties",
    description="Draw the agreements' lifecycle events over time (timeline) or "
    "the states and organizations they link (network), as PNG, SVG or an HTML "
    "page, for every agreement or those of one country, within a period. The "
    "server (diplograph serve) draws the same at /plot/timeline.svg and "
    "/plot/network.svg. With nothing to draw, the picture says so (exit 0).",
    run=run,
    arguments=arguments,
)
