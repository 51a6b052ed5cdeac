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
from diplograph.cli.options import opened
from diplograph.cli.output import format_rows
from diplograph.cli.status import ExitStatus
from diplograph.errors import DiplographError
from diplograph.queries import (
    VOCABULARIES,
    Parameter,
    SavedQuery,
    bind_parameters,
    load_query,
    parse_query,
    saved_queries,
    with_prefixes,
)
from diplograph.settings import Settings

log = logging.getLogger("diplograph")

PARTY_PARAMETERS = ("country", "other", "party", "partner")
VALUE_TYPES = {
    "xsd_date": "date: YYYY, YYYY-MM or YYYY-MM-DD",
    "integer": "whole number",
}


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="NAME_OR_FILE")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a query parameter; countries as code (PRK), name or IRI",
    )
    parser.add_argument(
        "--format", choices=["table", "csv", "tsv", "json", "turtle"], default="table"
    )


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


def run_query(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    query = _the_query(args.query)
    values = _parameters(args.param)
    with opened(settings, read_only=True) as store:
        bindings = bind_parameters(query, values, store)
        log.debug("query %s on %s with %s", query.name, store.location, bindings)
        if query.is_construct:
            graph = store.construct(query.text, bindings)
            print(graph.serialize(format="turtle"))
            return ExitStatus.SUCCESS
        variables, rows = store.select(query.text, bindings)
    print(format_rows(variables, rows, args.format), end="")
    return ExitStatus.SUCCESS


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
    "`diplograph query NAME --help` explains a saved query and its parameters.",
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
