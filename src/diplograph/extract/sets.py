"""Instruments told as a set and its members: "signed four agreements ... the
energy deal", "Among them was a memorandum on power exports", "- MoU on ICT
training" (each item of a list its own)."""

from __future__ import annotations

import re

from diplograph.extract.context import Context
from diplograph.extract.mentions import Cluster, InstrumentMention


def list_item(m: InstrumentMention, ctx: Context) -> bool:
    """Whether the mention opens an item of a list ("- MoU on ICT training",
    "- An MoU on electricity trade")."""
    line_start = ctx.text.rfind("\n", 0, m.start) + 1
    if re.fullmatch(r"\s*(?:[-*•·]|\d+[.)])?\s*", ctx.text[line_start : m.start]):
        return True
    # after a bullet, with its article: not a paragraph that opens "A deal ..."
    lead = m.start - len(m.modifiers)
    return line_start <= lead and bool(
        re.fullmatch(r"\s*(?:[-*•·]|\d+[.)])\s*", ctx.text[line_start:lead])
    )


def one_of_set(m: InstrumentMention, c: Cluster, ctx: Context) -> bool:
    """ "signed four agreements ... the energy deal": a singular instrument named
    by its subject is one of the set told before, not the whole set."""
    return (
        not m.plural
        and m.determiner == "the"
        and all(x.plural for x in c.mentions)
        and bool(ctx.lexicon.topics_in(m.modifiers))
    )


# "two joint statements, one to ... and the other to ...", "several agreements,
# including one on visa exemption and another on police cooperation": two
# instruments, each told by its subject
ONE_AND_OTHER = re.compile(
    r"(?:\s+[\w-]+){0,3}?,?\s+(?:(?:including|among\s+them|such\s+as)\s+)?"
    r"one\s+((?:to|on|for|about)\s[^;]*?)\s*,?\s+and\s+"
    r"(?:the\s+other|another|a\s+second|the\s+second)\s+"
    r"((?:to|on|for|about)\s[^;.]*)"
)


_MEMBER = re.compile(
    r"(?:(?:\bamong\s+(?:them|these|those|the\s+(?:[\w-]+\s+){0,3}\w+s)|"
    r"\bone\s+of\s+(?:them|these|the\s+\w+s)|\b(?:they|these)\s+include"
    r"|\bincluding)\b"
    # "sign two landmark agreements: the Strategic Partnership Agreement and ..."
    r"|\b(?:agreements|deals|pacts|accords|treaties|documents|memorand\w+|MoUs|"
    r"instruments|protocols|conventions)\s*:"
    # "The first, a memorandum between the coast guards, ..."
    r"|^\s*the\s+(?:first|second|third|fourth|fifth|last|other)(?:\s+one)?\s*,)"
    r"[^.;]*$",
    re.I,
)


def member_of(
    cluster: Cluster, clusters: list[Cluster], ctx: Context
) -> Cluster | None:
    """The plural instrument ("signed seven agreements") this one is one of."""
    first = cluster.mentions[0]
    sentence = ctx.sentence_of(first.start)
    earlier = [
        c
        for c in clusters
        if c is not cluster
        and any(m.plural and m.start < first.start for m in c.mentions)
    ]
    if earlier and one_of_set(first, earlier[-1], ctx):
        return earlier[-1]
    if not (
        _MEMBER.search(ctx.text[sentence.start : first.start]) or list_item(first, ctx)
    ):
        return None
    return earlier[-1] if earlier else None
