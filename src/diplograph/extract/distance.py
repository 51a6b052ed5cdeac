"""How far a date stands from an event verb, before or after it, or that the
words between give the date to something else ("signed in Rome, paving the way
for elections in 1994"; "Biden, who was sworn in on Jan. 20, acted to extend
it"). Read by :mod:`.when`."""

from __future__ import annotations

import re

from diplograph.extract.context import Context
from diplograph.extract.dates import DateMention
from diplograph.extract.text import Sentence

_OCCASION = re.compile(r"\b(?:took place|was held|were held|held|happened|occurred)\b")
_BEFORE_ANOTHER = re.compile(
    r"\b(?:to\s+prepare\s+for|in\s+preparation\s+for|ahead\s+of|before)\b[^;]*"
    r"\b(?:hosted|held|scheduled|slated|convened|organi[sz]ed)\b"
)
# "signed in Rome, paving the way for ...": a clause of its own
PARTICIPLE = re.compile(r",\s+[a-z]\w*ing\b")


def distance_after(
    d: DateMention, v_end: int, sentence: Sentence, reported: bool, ctx: Context
) -> int | None:
    """How far the date ``d`` stands after the verb ending at ``v_end``, or None
    when the words between give it to something else; ``reported``: a verb of
    saying stands right before it."""
    text = ctx.text
    between = text[v_end : d.start]
    # "the signing of X took place at ..., held on 26 October 2025"
    occasion = len(between) < 250 and _OCCASION.search(between)
    if occasion and _BEFORE_ANOTHER.search(between, occasion.end()):
        # "took place alongside the meeting to prepare for the summit hosted by
        # Vietnam on November 12": the later gathering's day (not "took place at
        # the summit, held on 26 October")
        return None
    if (
        (len(between) > 100 and not occasion)
        or re.search(r"[;]|\b(?:but|while|after|which|who|and\s+[a-z]\w*ed)\b", between)
        or PARTICIPLE.search(between)
    ):
        return None
    if reported or re.search(
        r"\b(?:to|until|till|through|by)\s+(?:the\s+)?(?:end\s+of\s+)?$",
        text[max(sentence.start, d.start - 20) : d.start],
    ):
        return None  # "extended to Feb. 5, 2026" gives the new end, not the event
    return len(between)


def distance_before(
    d: DateMention, v_start: int, sentence: Sentence, reported: bool, ctx: Context
) -> int | None:
    """How far the date ``d`` stands before the verb starting at ``v_start``
    (ten more than the characters between), or None when the words between give
    it to something else."""
    text = ctx.text
    between = text[d.end : v_start]
    said_that = reported and re.match(r"\W*(?:\([^)]*\)\W*)?that\b", between)
    if len(between) > (250 if said_that else 90):
        return None
    if reported and not re.search(r"\bthat\b", between):
        return None
    opening = re.fullmatch(
        r"\s*(?:(?:on|in|by|since|last|earlier)\s*)?",
        text[sentence.start : d.start],
        re.I,
    )
    if "," in between and not opening and not re.search(r"\bthat\b", between):
        return None  # "Biden, who was sworn in on Jan. 20, acted to extend it"
    if not opening and ctx.lexicon.kind_pattern.search(between):
        return None  # "in January 2021 as part of the agreement signed in 2019"
    return len(between) + 10
