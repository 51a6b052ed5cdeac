"""Who a headline names as acting: the states of "Kenya, Uganda sign railway
deal" (not a place, a speaker, a forum or a city that names the instrument), and
why a party is found there."""

from __future__ import annotations

import re

from diplograph.extract.actors import ActorMention, find_actors
from diplograph.extract.context import Context
from diplograph.model import Because, Evidence


def in_headline(a: ActorMention, ctx: Context) -> Because:
    """Why a state the headline names is a party: the headline is the evidence
    (it is not in the text the offsets count)."""
    rule = f"named in the headline ({ctx.article.title[a.start : a.end]!r})"
    return Because(f"party {a.code}", "roles", rule, Evidence(0, 0, ctx.article.title))


def headline_pair(ctx: Context) -> list[ActorMention]:
    """The two states the headline names together ("Kenya, Uganda sign railway
    deal", "Peru and Ghana sign ..."), if it does."""
    actors = headline_actors(ctx)
    title = ctx.article.title
    if len({a.code for a in actors}) != 2 or not re.fullmatch(
        r"\s*(?:,|and|&|-|–)\s*", title[actors[0].end : actors[1].start]
    ):
        return []
    return actors


def headline_actors(ctx: Context) -> list[ActorMention]:
    """The states the headline names as actors (offsets into the headline): not
    places, nor speakers or critics ("Somalia rejects Ethiopia's port deal");
    read once an article."""
    if ("headline actors", 0) not in ctx.memo:
        ctx.memo[("headline actors", 0)] = _headline_actors(ctx)
    return ctx.memo[("headline actors", 0)]  # type: ignore[no-any-return]


def _headline_actors(ctx: Context) -> list[ActorMention]:
    title = ctx.article.title
    return [
        a
        for a in find_actors(title)
        if not a.weak
        # a place is no actor, but the state a leader visits is the host
        # ("Outcomes of the state visit of the President of Ghana to Togo")
        and (not a.place or _VISITED.search(title, 0, a.start))
        and not ctx.lexicon.speaker_after.match(title, a.end)
        # "countries sign UN high seas treaty": made under its auspices
        and not (a.code in ctx.lexicon.auspices and _BEFORE_NOUN.match(title, a.end))
        and not _names_an_instrument(a, title, ctx)
    ]


_VISITED = re.compile(r"\bvisits?\b[^,;:]{0,60}\bto\s+(?:the\s+)?$", re.I)


def _names_an_instrument(a: ActorMention, title: str, ctx: Context) -> bool:
    """ "India to ratify Paris climate agreement", "Oslo Accords at 30": a city
    that opens an instrument's name is no party to it."""
    if a.role != "capital":
        return False
    after = title[a.end :]
    return bool(re.match(r"\s", after)) and (
        bool(ctx.lexicon.kind_pattern.match(after.lstrip()))
        or any(
            title[a.start :].lower().startswith(surface.lower())
            for inst in ctx.lexicon.instruments
            for surface in (inst.name, *inst.aliases)
        )
    )


_BEFORE_NOUN = re.compile(r"(?:'s|’s)?\s+[a-z]")
