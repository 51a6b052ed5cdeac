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

DEFAULT_STORE = "./diplograph-store"


@dataclass(frozen=True)
class Settings:
    """Everything diplograph can be told from outside.

    ``store``: folder or SPARQL endpoint (``--store``, ``DIPLOGRAPH_STORE``);
    ``lexicon``: a folder of extra lexicon files (``DIPLOGRAPH_LEXICON``);
    ``update_endpoint``, ``user``, ``password``, ``auth`` (``basic`` or
    ``digest``): a SPARQL server's (``DIPLOGRAPH_UPDATE_ENDPOINT``,
    ``DIPLOGRAPH_USER``, ``DIPLOGRAPH_PASSWORD``, ``DIPLOGRAPH_AUTH``);
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

    @classmethod
    def gather(
        cls,
        *,
        store: str | None = None,
        strict: bool = False,
        environ: Mapping[str, str] | None = None,
    ) -> Settings:
        """Flags given here first, then ``environ`` (``os.environ`` if not
        given), then the defaults; an empty variable counts as unset."""
        env = os.environ if environ is None else environ
        return cls(
            store=store or env.get("DIPLOGRAPH_STORE") or DEFAULT_STORE,
            lexicon=env.get("DIPLOGRAPH_LEXICON") or None,
            update_endpoint=env.get("DIPLOGRAPH_UPDATE_ENDPOINT") or None,
            user=env.get("DIPLOGRAPH_USER") or None,
            password=env.get("DIPLOGRAPH_PASSWORD", ""),
            auth=(env.get("DIPLOGRAPH_AUTH") or "basic").lower(),
            colour=not env.get("NO_COLOR") and env.get("TERM") != "dumb",
            strict=strict,
        )
