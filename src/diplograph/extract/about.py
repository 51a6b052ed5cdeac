"""What a mention says its instrument is on: the content words after "on",
"for" ("the agreement on allied relations"), and the topics its own words name
("a power purchase deal"). Two instruments told on different things are two
(:mod:`.coref`, :mod:`.agreements`)."""

from __future__ import annotations

import re

from diplograph.extract.cluster import Cluster
from diplograph.extract.context import Context
from diplograph.extract.determiners import STOP_WORDS
from diplograph.extract.mentions import InstrumentMention

_QUALIFIER = re.compile(
    r"\s+(?:on|for|to|regarding|concerning)\s+((?:[\w'’-]+\s+){0,5})"
)


def qualifier(m: InstrumentMention, ctx: Context) -> set[str]:
    """The content words of what a mention says it is about: "the agreement on
    allied relations" -> {"allied", "relations"}."""
    found = _QUALIFIER.match(ctx.text, m.end)
    if found is None:
        return set()
    return {w.lower() for w in found.group(1).split()} - STOP_WORDS


def qualifier_text(m: InstrumentMention, ctx: Context) -> str:
    """The words after "on", "for" that tell what a mention is about, as written (not
    "the accord to cement trade relations": what for, which may be said of
    another aspect of it)."""
    found = _ON.match(ctx.text, m.end)
    return found.group(1) if found else ""


# "(MoU) on Cooperation in the field of Defence": past a short form in brackets
_ON = re.compile(
    r"(?:\s*\([^()]{1,20}\))?\)?\s+(?:on|for|regarding|concerning)\s+"
    r"((?:[\w'’-]+\s*){1,8})"
)


def qualifier_of(cluster: Cluster, ctx: Context) -> frozenset[str]:
    """What an instrument's mentions say it is on, as content words, and the
    topics their own words name ("a power purchase deal": "topic energy")."""
    words = frozenset().union(*(qualifier(m, ctx) for m in cluster.mentions))
    topics = ctx.lexicon.topics_in(
        " ".join([*words, *(m.modifiers for m in cluster.mentions)])
    )
    return words | {TOPIC + topic for topic in topics}


TOPIC = "topic "  # marks a topic among the words of qualifier_of
