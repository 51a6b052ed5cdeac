"""What a command is: its help, its arguments and the function that runs it."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from diplograph.cli.status import ExitStatus
from diplograph.settings import Settings


def no_arguments(parser: argparse.ArgumentParser) -> None:
    """For a command that takes only the options every command has."""


@dataclass(frozen=True)
class Command:
    """One ``diplograph`` command, as :func:`diplograph.cli.build_parser` adds it.

    ``store``: the command takes ``--store``; ``verbose_help``: what ``--verbose``
    adds for this command, when it is more than debug detail; ``help_action``:
    an argparse action that replaces ``--help`` (``query NAME --help``).
    """

    help: str
    description: str
    run: Callable[[argparse.Namespace, Settings], ExitStatus]
    arguments: Callable[[argparse.ArgumentParser], None] = no_arguments
    store: bool = True
    verbose_help: str | None = None
    help_action: type[argparse.Action] | None = None
