"""``diplograph query`` and ``diplograph queries``: the saved questions."""

from __future__ import annotations

import argparse
import logging
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from diplograph.cli.command import Command, no_arguments
from diplograph.cli.options import non_negative, opened, warn_if_no_articles
from diplograph.cli.output import format_boolean, format_rows
from diplograph.cli.status import ExitStatus
from diplograph.errors import DiplographError, QueryError
from diplograph.queries import (
    VOCABULARIES,
    Parameter,
    SavedQuery,
    ask,
    bind_parameters,
    graph_result,
    known_total,
    load_query,
    new_since,
    parse_query,
    saved_queries,
    select_rows,
    total_rows,
    with_prefixes,
)
from diplograph.settings import Settings

log = logging.getLogger("diplograph")

PARTY_PARAMETERS = ("country", "other", "party", "partner")
VALUE_TYPES = {
    "xsd_date": "date: YYYY, YYYY-MM or YYYY-MM-DD",
    "integer": "whole number",
}
# A table on a terminal shows this many rows unless --limit or --all says otherwise
TABLE_PAGE = 100
ROW_FORMATS = ("table", "csv", "tsv", "json")

EPILOG = f"""\
paging: --limit N --offset M shows N rows from row M+1, in the query's own
order (the saved queries sort so that pages neither overlap nor skip); the
listing then says how many rows there are in all ("rows 1-25 of 25,563": the
table's last line, or on stderr for csv, tsv and json). A table on a terminal
shows {TABLE_PAGE} rows at a time unless --limit or --all is given. --limit 0
prints only the count.

new rows: --since DATE gives only the rows that arrived after DATE (YYYY-MM-DD,
or a date and time such as 2026-01-20T09:30:00Z; UTC unless a zone ends it),
newest first, with the time each arrived as a last column, arrived. A row
arrives with the first article behind it (its agreement, article or source
column): a later article repeating it does not bring it back. Articles loaded
before diplograph recorded load times count as old. The same rows are the
server's Atom feeds (diplograph serve: /api/queries/NAME.atom).

query forms: SELECT gives rows (--format table, csv, tsv or json); CONSTRUCT and
DESCRIBE give a graph, printed as Turtle with the project's prefixes (--format
turtle, their only format); ASK prints true or false (json: SPARQL results
JSON) and exits 0 for true, 1 for false.
"""


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("query", metavar="NAME_OR_FILE")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a query parameter; countries as code (PRK), name or IRI",
    )
    parser.add_argument(
        "--format",
        choices=[*ROW_FORMATS, "turtle"],
        help="table (the default for SELECT and ASK), csv, tsv, json (SPARQL 1.1 "
        "results JSON), or turtle (CONSTRUCT and DESCRIBE, and only them)",
    )
    size = parser.add_mutually_exclusive_group()
    size.add_argument(
        "--limit", type=non_negative, metavar="N",
        help=f"at most N rows (default: all; {TABLE_PAGE} for a table on a terminal)",
    )  # fmt: skip
    size.add_argument(
        "--all", action="store_true",
        help=f"every row, also in a table on a terminal (not {TABLE_PAGE})",
    )  # fmt: skip
    parser.add_argument(
        "--offset", type=non_negative, default=0, metavar="N",
        help="skip the first N rows (default 0)",
    )  # fmt: skip
    parser.add_argument(
        "--since", metavar="DATE",
        help="only the rows new since DATE (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ), "
        "newest first, with the time each arrived (see 'new rows' below)",
    )  # fmt: skip


class QueryHelp(argparse.Action):
    """``--help`` for ``query``: after a saved query's name, that query's
    description and parameters; otherwise the command's own help."""

    def __init__(
        self, option_strings: Sequence[str], dest: str, help: str | None = None
    ) -> None:
        super().__init__(
            option_strings, argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0,
            help=help or "show this help, or with NAME that saved query's "
            "parameters, and exit",
        )  # fmt: skip

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        name = getattr(namespace, "query", None)
        if name is None or name == "-":
            parser.print_help()
            parser.exit()
        try:
            text = query_help(name)
        except DiplographError as error:
            parser.exit(ExitStatus.ERROR, f"diplograph: error: {error}\n")
        sys.stdout.write(text)
        parser.exit()


def query_help(name: str) -> str:
    """One saved query's description and parameters, for `query NAME --help`."""
    query = load_query(name)
    lines = [f"diplograph query {query.name}", "", query.summary, ""]
    if query.description:
        lines += textwrap.wrap(query.description, 78) + [""]
    lines.append("parameters:" if query.parameters else "parameters: none")
    for p in query.parameters:
        example = query.defaults.get(p.name)
        need = "required" if p.required else "optional, a wildcard when left out"
        lines.append(
            f"  --param {p.name}=VALUE  ({need}; {_value_kind(p)})"
            + (f", e.g. {example}" if example else "")
        )
    return "\n".join(lines) + "\n"


def _value_kind(parameter: Parameter) -> str:
    if parameter.name in VOCABULARIES:
        return "one of " + ", ".join(VOCABULARIES[parameter.name])
    if parameter.type != "iri":
        return VALUE_TYPES.get(parameter.type, "text")
    if parameter.name in PARTY_PARAMETERS:
        return "country/organization code, name or IRI"
    if parameter.name == "agreement":
        return "IRI, name, alias or label; case and punctuation ignored"
    return "IRI"


def _the_query(name_or_file: str) -> SavedQuery:
    if name_or_file == "-":
        return parse_query("stdin", with_prefixes(sys.stdin.read()))
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.exists():
        return parse_query(path.stem, with_prefixes(path.read_text(encoding="utf-8")))
    return load_query(name_or_file)


def _parameters(items: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise DiplographError(
                f"--param {item!r} must be KEY=VALUE, e.g. --param country=PRK"
            )
        values[key.strip()] = value
    return values


def _on_terminal() -> bool:
    return sys.stdout.isatty()


def _checked_format(form: str, chosen: str | None) -> str:
    """The output format for a query of ``form``: the one asked for, if it fits."""
    if form in ("CONSTRUCT", "DESCRIBE"):
        if chosen not in (None, "turtle"):
            raise QueryError(
                f"a {form} query gives a graph, printed as Turtle: leave out "
                f"--format {chosen} (or give --format turtle)."
            )
        return "turtle"
    if chosen == "turtle":
        raise QueryError(
            f"--format turtle is for CONSTRUCT and DESCRIBE queries, which give a "
            f"graph; this {form} query gives "
            f"{'rows' if form == 'SELECT' else 'true or false'}: "
            "use --format table, csv, tsv or json."
        )
    return chosen or "table"


def run_query(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    query = _the_query(args.query)
    values = _parameters(args.param)
    form = query.form
    fmt = _checked_format(form, args.format)
    limit = args.limit
    if limit is None and not args.all and fmt == "table" and _on_terminal():
        limit = TABLE_PAGE
    if form == "ASK" and (args.limit is not None or args.offset):
        raise QueryError("an ASK query has one answer, true or false: no pages.")
    with opened(settings, read_only=True) as store:
        bindings = bind_parameters(query, values, store)
        if args.since is not None:
            query, bindings = new_since(query, bindings, args.since)
        log.debug("query %s on %s with %s", query.name, store.location, bindings)
        if form == "ASK":
            answer = ask(store, query, bindings)
            print(format_boolean(answer, fmt), end="")
            return ExitStatus.SUCCESS if answer else ExitStatus.FINDINGS
        if form != "SELECT":
            graph = graph_result(
                store, query, bindings, limit=limit, offset=args.offset
            )
            print(graph.serialize(format="turtle"))
            return ExitStatus.SUCCESS
        variables, rows = select_rows(
            store, query, bindings, limit=limit, offset=args.offset
        )
        if not rows:
            warn_if_no_articles(store)
        if limit is None and not args.offset:
            footer = None  # every row is shown: the table counts them
        else:
            total = known_total(rows, limit=limit, offset=args.offset)
            if total is None:
                total = total_rows(store, query, bindings)
            footer = (
                None  # all on one page, as without paging
                if not args.offset and len(rows) == total
                else page_footer(
                    len(rows), total, limit=limit, offset=args.offset,
                    default=args.limit is None,
                )
            )  # fmt: skip
    if footer is not None and fmt != "table":
        log.info(footer)
    print(format_rows(variables, rows, fmt, footer=footer), end="")
    return ExitStatus.SUCCESS


def page_footer(
    shown: int, total: int, *, limit: int | None, offset: int, default: bool = False
) -> str:
    """What a page of rows is: "rows 1-25 of 25,563", and how to see the rest.

    Example:
        >>> page_footer(25, 25563, limit=25, offset=0)
        'rows 1-25 of 25,563 (--offset 25 for the next 25)'
        >>> page_footer(0, 3, limit=10, offset=20)
        '(no rows from row 21: there are 3)'
    """
    if total == 0:
        return "(no results)"
    if not shown:
        if limit == 0:
            return f"rows: {total:,} (none shown: --limit 0)"
        return f"(no rows from row {offset + 1:,}: there are {total:,})"
    text = f"rows {offset + 1:,}-{offset + shown:,} of {total:,}"
    after = offset + shown
    if after >= total:
        return text
    if default:
        return (
            f"{text} (a table on a terminal shows {limit} at a time: "
            f"--offset {after} for the next ones, --all for every row)"
        )
    following = total - after if limit is None else min(limit, total - after)
    return f"{text} (--offset {after} for the next {following:,})"


def run_queries(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    for name, query in saved_queries().items():
        params = " ".join(
            f"{p.name}{'' if p.required else '?'}:{p.type}" for p in query.parameters
        )
        print(f"{name}\n    {query.summary}\n    parameters: {params or 'none'}")
    return ExitStatus.SUCCESS


QUERY = Command(
    help="run a saved query or a .rq file",
    description="Run a saved query by name (see `diplograph queries`), a .rq file, "
    "or '-' for a query on standard input; the project's prefixes are predeclared. "
    "`diplograph query NAME --help` explains a saved query and its parameters. "
    "Exit 0, or 1 for an ASK query answered false; 2 for an error.",
    run=run_query,
    arguments=arguments,
    help_action=QueryHelp,
)
QUERIES = Command(
    help="list the saved queries and their parameters",
    description="List the saved queries with their summaries and parameters.",
    run=run_queries,
    arguments=no_arguments,
    store=False,
)
