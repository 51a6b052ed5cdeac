"""The commands, by name, in the order ``diplograph --help`` lists them.

A plain dict, filled here and nowhere else: a new command is one module with its
:class:`~diplograph.cli.command.Command` and one line below.
"""

from __future__ import annotations

from diplograph.cli.command import Command
from diplograph.cli.commands import (
    curation,
    export,
    extract,
    load,
    plot,
    query,
    serve,
    show,
    validate,
)

COMMANDS: dict[str, Command] = {
    "load": load.LOAD,
    "query": query.QUERY,
    "queries": query.QUERIES,
    "search": show.SEARCH,
    "show": show.SHOW,
    "extract": extract.EXTRACT,
    "evaluate": extract.EVALUATE,
    "remove": curation.REMOVE,
    "reload": curation.RELOAD,
    "merges": curation.MERGES,
    "split": curation.SPLIT,
    "reason": curation.REASON,
    "validate": validate.VALIDATE,
    "problems": curation.PROBLEMS,
    "export": export.EXPORT,
    "plot": plot.PLOT,
    "serve": serve.SERVE,
}

__all__ = ["COMMANDS"]
