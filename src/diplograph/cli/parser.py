"""The argument parser: the program's options, then each command's, from
:data:`~diplograph.cli.commands.COMMANDS`."""

from __future__ import annotations

import argparse

from diplograph import __version__
from diplograph.cli.commands import COMMANDS
from diplograph.cli.options import add_store, add_verbosity

EXIT_CODES = (
    "Exit codes: 0 success, 1 findings (rejected, unreadable or non-conforming "
    "input), 2 usage or other error, 130 interrupted."
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diplograph",
        description="Turn news articles about diplomatic agreements into a validated "
        "knowledge graph, and ask it questions.",
        epilog=EXIT_CODES,
    )
    parser.add_argument(
        "--version", action="version", version=f"diplograph {__version__}"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, command in COMMANDS.items():
        sub = commands.add_parser(
            name,
            help=command.help,
            description=command.description,
            add_help=command.help_action is None,
        )
        if command.help_action is not None:
            sub.add_argument("-h", "--help", action=command.help_action)
        command.arguments(sub)
        if command.store:
            add_store(sub)
        add_verbosity(sub, verbose_help=command.verbose_help)
    return parser
