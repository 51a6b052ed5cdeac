"""Talks between an instrument's parties, told in sentences that name no
instrument: held ("after 18 days of marathon talks between Tehran and ..."),
or failed ("the latest talks over the dam have failed")."""

from __future__ import annotations

import re

from diplograph.extract.clauses import VerbHit
from diplograph.extract.cluster import Cluster
from diplograph.extract.context import Context
from diplograph.extract.events import event_of
from diplograph.extract.references import plural_parties
from diplograph.extract.text import Sentence
from diplograph.extract.when import pick_date
from diplograph.model import Event

_TALKS = re.compile(
    r"\b(?:talks|negotiations|negotiation|negotiated|negotiating)\b", re.I
)


def talks(
    parties: tuple[str, ...], clusters: list[Cluster], ctx: Context
) -> list[Event]:
    """Talks between an instrument's parties, told in sentences that name no
    instrument ("after 18 days of marathon talks between Tehran and ...")."""
    named = {ctx.sentence_of(m.start).index for c in clusters for m in c.mentions}
    found = []
    for sentence in ctx.sentences:
        said = _TALKS.search(sentence.text)
        if sentence.index in named or said is None:
            continue
        actors = {a.code for a in ctx.standing(sentence.start, sentence.end)}
        # "concluded the negotiations on Sept. 2": the instrument agreed that day
        ended = [
            (t, a, b)
            for t, a, b in ctx.verbs(sentence)
            if t == "agreed" and _ENDED.match(ctx.text, b)
        ]
        if not actors & set(parties):
            # "The two sides concluded the negotiations": only that, by them
            both = plural_parties(
                ctx, sentence.start, sentence.end, dict.fromkeys(parties, 1)
            )
            if both and ended:
                found.extend(_told(ended, sentence, ctx))
            continue
        hits = [(t, a, b) for t, a, b in ctx.verbs(sentence) if t == "negotiation"]
        hits += ended
        # "the talks between Kenya and Ethiopia": talks held, whatever the verb
        at = sentence.start + said.start(), sentence.start + said.end()
        found.extend(_told(hits or [("negotiation", *at)], sentence, ctx))
        found.extend(_talks_failed(sentence, said.end(), ctx))
    return found


_ENDED = re.compile(r"\s+(?:the\s+|their\s+)?(?:[\w-]+\s+)?(?:talks|negotiations)\b")


def _told(
    hits: list[tuple[str, int, int]], sentence: Sentence, ctx: Context
) -> list[Event]:
    """The events the verbs of a sentence naming no instrument tell of it."""
    events = (
        event_of(VerbHit(etype, start, end, sentence), "agreement", ctx)
        for etype, start, end in hits
    )
    return [event for event in events if event is not None]


# "the latest talks over the dam have failed", "talks ... broke down"
_TALKS_FAILED = re.compile(
    r"[^.;]{0,120}?\b(?:have|has|had)?\s*(?P<verb>failed|collapsed|broke\s+down|"
    r"broken\s+down|fell\s+apart|ended\s+without\s+(?:a|an|any)\s+(?:deal|"
    r"agreement))\b",
    re.I,
)


def _talks_failed(sentence: Sentence, after: int, ctx: Context) -> list[Event]:
    """Talks on an instrument that failed: the instrument failed (GUIDELINES:
    "talks collapsed" on an instrument under negotiation), dated as told."""
    failed = _TALKS_FAILED.match(sentence.text, after)
    if failed is None or ctx.lexicon.negation.search(
        sentence.text[after : failed.end()]
    ):
        return []
    start, end = (sentence.start + i for i in failed.span("verb"))
    dates = ctx.dates(sentence, future=False)
    when = pick_date(dates, start, end, sentence, ctx, "failed")
    return [Event("failed", when, False, (), (ctx.sentence_span(sentence),))]
