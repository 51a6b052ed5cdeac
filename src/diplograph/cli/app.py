"""``main``: parse, set up messages, run the command, turn its end into an exit
code (:class:`~diplograph.cli.status.ExitStatus`)."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from diplograph.cli.commands import COMMANDS
from diplograph.cli.output import configure_logging
from diplograph.cli.parser import build_parser
from diplograph.cli.status import ExitStatus
from diplograph.errors import DiplographError
from diplograph.settings import Settings

log = logging.getLogger("diplograph")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; usage errors and ``--help`` exit through argparse
    (``SystemExit`` 2 and 0), everything else returns its exit code."""
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.gather(
            store=getattr(args, "store", None),
            article_timeout=getattr(args, "article_timeout", None),
            strict=getattr(args, "strict", False),
        )
    except DiplographError as error:  # a setting that makes no sense
        configure_logging(quiet=False, verbose=False, colour=False)
        log.error("diplograph: error: %s", error)
        return ExitStatus.ERROR
    configure_logging(
        quiet=args.quiet,
        verbose=args.verbose,
        colour=settings.colour and sys.stderr.isatty(),
    )
    log.debug("%s", settings)
    try:
        return int(COMMANDS[args.command].run(args, settings))
    except DiplographError as error:
        log.error("diplograph: error: %s", error)
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        log.error("diplograph: interrupted")
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly, and keep Python from
        # complaining when it flushes stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitStatus.SUCCESS
    except OSError as error:  # a file or folder that cannot be read or written
        log.error("diplograph: error: %s", error)
        return ExitStatus.ERROR
    except Exception:
        # a bug: show where, and exit 2 (an error), not Python's 1 (findings here)
        log.critical("diplograph: internal error, please report it", exc_info=True)
        return ExitStatus.ERROR
