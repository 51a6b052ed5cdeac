"""``diplograph export``: the store, or one agreement's or country's part, as a file."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from diplograph.cli.command import Command
from diplograph.cli.options import opened
from diplograph.cli.status import ExitStatus
from diplograph.export import FORMATS, SUFFIXES, export, format_of
from diplograph.settings import Settings
from diplograph.store import Store

log = logging.getLogger("diplograph")

WHAT = {"nquads": "quads", "trig": "quads", "turtle": "triples",
        "jsonld": "triples", "csv": "agreement row(s)"}  # fmt: skip


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="nquads, trig: every named graph (default); turtle, jsonld: the "
        "merged graph, with the project's prefixes / JSON-LD context; csv: one "
        "row per agreement (default: from the --out suffix: "
        f"{', '.join(SUFFIXES)}; else nquads)",
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--agreement",
        metavar="AGREEMENT",
        help="only this agreement (IRI, name, alias or label), its events, "
        "parties and the articles and evidence behind it",
    )
    which.add_argument(
        "--country",
        metavar="COUNTRY",
        help="only the agreements this country or organization (code, name or "
        "IRI) is party to or concerned by",
    )
    parser.add_argument(
        "--out",
        metavar="FILE",
        help="write to FILE (replaced only once the export is complete) "
        "instead of standard output",
    )


def run(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    fmt = args.format or (format_of(args.out) if args.out else None) or "nquads"
    started = time.monotonic()
    with opened(settings, read_only=True) as store:
        if args.out:
            count = _to_file(Path(args.out), store, fmt, args)
        else:
            sys.stdout.flush()
            count = export(
                store, sys.stdout.buffer, format=fmt,
                agreement=args.agreement, country=args.country,
            )  # fmt: skip
            sys.stdout.buffer.flush()
    if not count and args.country:
        log.warning(
            "no stored agreement has %s as a party or as the state it concerns",
            args.country,
        )
    log.info(
        "exported %d %s as %s to %s in %.1f s",
        count, WHAT[fmt], fmt, args.out or "standard output",
        time.monotonic() - started,
    )  # fmt: skip
    return ExitStatus.SUCCESS


def _to_file(path: Path, store: Store, fmt: str, args: argparse.Namespace) -> int:
    """Export into a file beside ``path``, renamed to it once complete: an
    export that fails leaves no half file, nor an older one cut short."""
    partial = path.with_name(f".{path.name}.part")
    try:
        with partial.open("wb") as out:
            count = export(
                store, out, format=fmt,
                agreement=args.agreement, country=args.country,
            )  # fmt: skip
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count


EXPORT = Command(
    help="write the store, or one agreement's or country's part, as RDF or CSV",
    description="Write the whole store, or one agreement (with its events, parties, "
    "and the articles and evidence behind it) or the agreements of one country, as "
    "N-Quads or TriG (the named graphs: `diplograph load --nquads FILE` loads them "
    "into another store), Turtle or JSON-LD (the merged graph) or CSV (one row per "
    "agreement). Streams: nothing is held in memory whole. The store is opened "
    "read-only.",
    run=run,
    arguments=arguments,
)

__all__ = ["EXPORT"]
