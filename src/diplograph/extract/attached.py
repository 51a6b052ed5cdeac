"""Instruments attached to others: "its affiliated protocol", "a protocol to
the treaty", "an agreement on implementing the treaty". Each is an instrument of
its own, never the one it is attached to (GUIDELINES: a separately named
protocol is its own agreement)."""

from __future__ import annotations

import re

from diplograph.extract.cluster import Cluster
from diplograph.extract.context import Context
from diplograph.extract.mentions import InstrumentMention

# "an agreement on the implementation of the treaty", "a protocol to the
# treaty": lower-case words from a preposition on, within one noun phrase
_COMPLEMENT = re.compile(
    r"\s+(?:on|for|under|to|of|amending|implementing|supplementing|within)"
    r"(?:\s+[a-z][\w-]*){0,6}\s+$"
)


def complement_of(m: InstrumentMention, c: Cluster, ctx: Context) -> bool:
    """Whether ``m`` is what a mention of ``c`` is about or attached to ("an
    agreement on implementing the treaty"): another instrument; not "reached an
    agreement on the draft of a memorandum", which tells how it was made."""
    return not m.indefinite and any(
        0 < m.start - x.end < 80 and _COMPLEMENT.fullmatch(ctx.text, x.end, m.start)
        for x in c.mentions
    )


def attached_to_another(clusters: list[Cluster], ctx: Context) -> set[int]:
    """The ids of the instruments told as attached to another ("an additional
    protocol"), of those one mention of another is about, and of those mentions'
    instruments."""
    out = {
        id(c)
        for c in clusters
        if any(ctx.lexicon.attached.search(m.modifiers) for m in c.mentions)
    }
    for c in clusters:
        for other in clusters:
            if other is not c and any(complement_of(m, c, ctx) for m in other.mentions):
                out |= {id(c), id(other)}
    return out
