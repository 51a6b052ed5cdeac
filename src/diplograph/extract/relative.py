"""Dates in another clause than the verb's: for a verb in a relative clause
after the instrument's noun ("the agreement Prime Minister Pashinian signed
with Russia"), the dates of the main clause before the noun; for a verb of
the main clause, the dates of a relative clause after it that has a verb of
its own ("signed a pact with Russia, whose instructors arrived in April").
Read by :mod:`.when`."""

from __future__ import annotations

import re

from diplograph.extract.context import Context
from diplograph.extract.dates import DateMention
from diplograph.extract.text import Sentence

# "the agreement (that) Prime Minister Nikol Pashinian signed": its subject
_RELATIVE_SUBJECT = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:(?:he|she|they|it|we)|(?-i:[A-Z])[\w'’.-]*"
    r"(?:\s+(?:and\s+)?(?-i:[A-Z])[\w'’.-]*){0,4}|the\s+two\s+(?:countries|sides|"
    r"leaders|nations|governments))\s+(?:had\s+|has\s+|have\s+)?$"
)


def not_the_main_clause_s(
    dates: list[DateMention], v_start: int, v_end: int, sentence: Sentence, ctx: Context
) -> list[DateMention]:
    """ "protested on Tuesday the agreement Pashinian signed with Russia": for a
    verb in a relative clause, the days before the instrument are the main
    clause's (but one opening the sentence dates all of it)."""
    text = ctx.text
    dates = [d for d in dates if not _in_later_relative(d, v_end, text)]
    # "The deal, brokered by Turkey in July last year, had been renewed": the
    # day of the aside before the verb is the aside's
    asides = [
        a.span()
        for a in _PARTICIPLE_ASIDE.finditer(text, sentence.start, v_start)
        if a.end() <= v_start
    ]
    dates = [d for d in dates if not any(a <= d.start < b for a, b in asides)]
    closes = _aside_end(v_start, v_end, sentence, text)
    if closes is not None:
        # "The government, which negotiated it, approved it on Tuesday": the day
        # after the aside is the main clause's
        dates = [d for d in dates if d.start < closes]
    clause = _relative_clause(v_start, sentence, ctx)
    if clause is None:
        return dates
    return [
        d
        for d in dates
        if d.start >= clause
        or re.fullmatch(r"\W*(?:on|in)?\s*", text[sentence.start : d.start], re.I)
    ]


def _relative_clause(v_start: int, sentence: Sentence, ctx: Context) -> int | None:
    """Where the instrument's noun stands, when the verb is in a relative clause
    after it whose subject comes between."""
    low = max(sentence.start, v_start - 80)
    for noun in ctx.lexicon.kind_pattern.finditer(ctx.text, low, v_start):
        if _RELATIVE_SUBJECT.fullmatch(ctx.text, noun.end(), v_start):
            return noun.start()
    return None


# ", whose military instructors arrived in": a relative clause with its own verb
_LATER_RELATIVE = re.compile(
    r",\s+(?:whose|where|who|which)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:\w+ed|came|went|began|met|held|took|saw|fought|won|lost|left)\s+(?:[\w'’-]+\s+){0,3}$"
)


def _in_later_relative(d: DateMention, v_end: int, text: str) -> bool:
    """Whether ``d`` follows the verb inside a relative clause with its own verb
    (not one on the verb's noun itself: "the negotiations, which were launched in
    2012", dates them)."""
    if d.start <= v_end:
        return False
    between = text[v_end : d.start]
    comma = between.rfind(", ")
    return comma > 0 and bool(_LATER_RELATIVE.fullmatch(between, comma))


_PARTICIPLE_ASIDE = re.compile(
    r",\s+(?:\w+ly\s+)?\w+(?:ed|en)\s+(?:by|in|on|at)\b[^,;]*,"
)
_ASIDE_OPENS = re.compile(r",\s+(?:which|who|whose)\s+[^,;]*$")
_AT_ONCE = re.compile(
    r"\b(?:immediately|at\s+once|upon\s+signing|on\s+signing)\b", re.I
)


def _aside_end(v_start: int, v_end: int, sentence: Sentence, text: str) -> int | None:
    """Where the aside ", which ... ," that holds the verb closes, if it does."""
    opens = _ASIDE_OPENS.search(text, sentence.start, v_start)
    comma = text.find(",", v_end, sentence.end)
    if opens is None or comma < 0:
        return None
    if _AT_ONCE.search(text, opens.start(), comma):
        return None  # "the pact, which takes effect immediately, was signed on
        # Monday": at the main clause's time
    return comma
