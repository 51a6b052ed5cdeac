"""The options several commands share, and the store they name."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from diplograph import sparql
from diplograph.archives import Prefilter
from diplograph.errors import DiplographError
from diplograph.settings import DEFAULT_STORE, Settings, parse_day
from diplograph.store import Store, open_store

log = logging.getLogger("diplograph")


def add_store(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store", metavar="DIR_OR_URL",
        help="store folder or SPARQL endpoint "
        f"(default: $DIPLOGRAPH_STORE or {DEFAULT_STORE})",
    )  # fmt: skip


def add_verbosity(
    parser: argparse.ArgumentParser, *, verbose_help: str | None = None
) -> None:
    """``--quiet`` and ``--verbose``, one or the other, on every command."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--quiet",
        action="store_true",
        help="print only problems and the result or summary",
    )
    group.add_argument(
        "--verbose",
        action="store_true",
        help=verbose_help or "also print debug detail on stderr",
    )


def add_match(parser: argparse.ArgumentParser) -> None:
    """``--match``: the prefilter of WARC records, for ``load`` and ``extract``."""
    parser.add_argument(
        "--match",
        metavar="REGEX",
        help="read only the WARC responses whose raw bytes match REGEX (any "
        "case), before any HTML parsing (default: the instrument nouns of the "
        "lexicon: agreement, treaty, memorandum, ...; '' reads every one). "
        "Run by RE2; a pattern RE2 lacks the means for (lookarounds) by "
        "Python's re, slower",
    )


def match_of(args: argparse.Namespace, settings: Settings) -> Prefilter:
    """The prefilter ``--match`` asks for, or the lexicon's by default."""
    from diplograph.archives import compile_match, default_match

    if args.match is None:
        return default_match(settings.lexicon)
    return compile_match(args.match)


def parse_date(value: str) -> date:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return parse_day(value)
    except DiplographError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def non_negative(value: str) -> int:
    """An argparse type: a whole number 0 or more (a row count)."""
    if not value.strip().isdigit() or not value.strip().isascii():
        raise argparse.ArgumentTypeError(
            f"must be a whole number 0 or more, not {value!r}"
        )
    return int(value)


def seconds(value: str) -> float:
    """An argparse type: a time in seconds, 0 or more.

    Example:
        >>> seconds("1.5"), seconds("0")
        (1.5, 0.0)
    """
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number < 1e9:  # NaN and infinity included
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds")
    return number


def positive(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number above 0")
    return int(value)


@contextmanager
def opened(settings: Settings, *, read_only: bool = False) -> Iterator[Store]:
    """The store the settings name, which must exist (only ``load`` creates
    one), closed however the command ends; ``read_only``: it may be read while
    a load writes to it."""
    store = open_store(settings.store, settings=settings, read_only=read_only)
    try:
        yield store
    finally:
        store.close()


def warn_if_no_articles(store: Store) -> None:
    """After an empty answer: a warning if the store holds no article at all,
    since an empty answer from an empty store says nothing about the world."""
    if not store.ask(sparql.query("any-article")):
        log.warning(
            "the store at %s holds no articles: load some first "
            "(diplograph load FILES --store %s)",
            store.location, store.location,
        )  # fmt: skip
