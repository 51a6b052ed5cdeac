"""Configuration, gathered once: command-line flags, then the environment
(``DIPLOGRAPH_*``), then defaults; a frozen :class:`Settings` passed down.

This module is the only one that reads the environment. The command line
builds its settings in :func:`diplograph.cli.main`; a Python caller passes its
own, or gets :meth:`Settings.gather`'s from the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from diplograph.errors import DiplographError

DEFAULT_STORE = "./diplograph-store"
# Seconds one article may take to extract: generous (an ordinary article takes
# a few milliseconds, a 400 KB one about 10 s), so only a pathological input
# meets it; it is then reported and skipped, and the other articles go on.
DEFAULT_ARTICLE_TIMEOUT = 60.0


def parse_day(value: str) -> date:
    """A day written YYYY-MM-DD, as ``--published``, ``--from`` and ``--to``
    and the server's ``from`` and ``to`` take it.

    Example:
        >>> parse_day("2014-12-31")
        datetime.date(2014, 12, 31)
    """
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DiplographError(f"{value!r} is not a date; write YYYY-MM-DD") from None


def parse_timeout(value: str | float | None, *, name: str) -> float | None:
    """Seconds as a positive number; ``0``, ``none`` or ``off`` for no limit.

    Example:
        >>> parse_timeout("2.5", name="x"), parse_timeout("off", name="x")
        (2.5, None)
    """
    if value is None or isinstance(value, float | int):
        seconds = value
    elif value.strip().lower() in {"0", "none", "off"}:
        return None
    else:
        try:
            seconds = float(value)
        except ValueError:
            seconds = -1.0
    if seconds is not None and not 0 <= seconds < 1e9:  # NaN included
        raise DiplographError(
            f"{name}: {value!r} is not a time limit; give seconds (60, 0.5), "
            "or 0 or 'none' for no limit"
        )
    return seconds or None


@dataclass(frozen=True)
class Settings:
    """Everything diplograph can be told from outside.

    ``store``: folder or SPARQL endpoint (``--store``, ``DIPLOGRAPH_STORE``);
    ``lexicon``: a folder of extra lexicon files (``DIPLOGRAPH_LEXICON``);
    ``update_endpoint``, ``user``, ``password``, ``auth`` (``basic`` or
    ``digest``): a SPARQL server's (``DIPLOGRAPH_UPDATE_ENDPOINT``,
    ``DIPLOGRAPH_USER``, ``DIPLOGRAPH_PASSWORD``, ``DIPLOGRAPH_AUTH``);
    ``article_timeout``: seconds one article may take to extract, ``None`` for
    no limit (``load --article-timeout``, ``DIPLOGRAPH_ARTICLE_TIMEOUT``);
    ``colour``: whether colour is allowed at all (not with ``NO_COLOR`` set, or
    ``TERM=dumb``; a terminal is needed besides); ``strict``: an article
    whose graph breaks the shapes is rejected whole (``load --strict``) instead
    of stored without the facts at fault.

    Example:
        >>> s = Settings.gather(store="s", environ={"DIPLOGRAPH_STORE": "e"})
        >>> s.store, Settings.gather(environ={"DIPLOGRAPH_STORE": "e"}).store
        ('s', 'e')
        >>> Settings.gather(environ={}).store
        './diplograph-store'
    """

    store: str = DEFAULT_STORE
    lexicon: str | None = None
    update_endpoint: str | None = None
    user: str | None = None
    password: str = field(default="", repr=False)  # never in --verbose output
    auth: str = "basic"
    colour: bool = True
    strict: bool = False
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT

    @classmethod
    def gather(
        cls,
        *,
        store: str | None = None,
        strict: bool = False,
        article_timeout: str | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Settings:
        """Flags given here first, then ``environ`` (``os.environ`` if not
        given), then the defaults; an empty variable counts as unset.
        A time limit that is no number is a :class:`DiplographError`."""
        env = os.environ if environ is None else environ
        timeout = article_timeout or env.get("DIPLOGRAPH_ARTICLE_TIMEOUT") or None
        return cls(
            store=store or env.get("DIPLOGRAPH_STORE") or DEFAULT_STORE,
            lexicon=env.get("DIPLOGRAPH_LEXICON") or None,
            update_endpoint=env.get("DIPLOGRAPH_UPDATE_ENDPOINT") or None,
            user=env.get("DIPLOGRAPH_USER") or None,
            password=env.get("DIPLOGRAPH_PASSWORD", ""),
            auth=(env.get("DIPLOGRAPH_AUTH") or "basic").lower(),
            colour=not env.get("NO_COLOR") and env.get("TERM") != "dumb",
            strict=strict,
            article_timeout=DEFAULT_ARTICLE_TIMEOUT
            if timeout is None
            else parse_timeout(
                timeout,
                name="--article-timeout"
                if article_timeout
                else "DIPLOGRAPH_ARTICLE_TIMEOUT",
            ),
        )
