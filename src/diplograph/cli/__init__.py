"""The ``diplograph`` command line: load, query, queries, search, show,
extract, evaluate, remove, reload, merges, split, reason, validate.

- :mod:`.app`: :func:`main`, which maps every way a command ends to an exit
  code (:mod:`.status`: 0 success, 1 findings, 2 usage or error, 130 Ctrl-C);
- :mod:`.parser` and :mod:`.options`: the arguments, ``--store``, ``--quiet``,
  ``--verbose`` on every command;
- :mod:`.commands`: one module per group of commands, registered by name;
- :mod:`.output`: result formats and messages on stderr (``logging``,
  colour only on a terminal and never with ``NO_COLOR``);
- :mod:`.progress`: the progress line of a load.
"""

from __future__ import annotations

from diplograph.cli.app import main
from diplograph.cli.parser import build_parser
from diplograph.cli.status import ExitStatus

__all__ = ["ExitStatus", "build_parser", "main"]
