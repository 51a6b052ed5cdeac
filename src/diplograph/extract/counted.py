"""Dates told by counting from another: "took effect on Monday, four years after
it was signed", "the same year", "It was signed two days later"; and a
parliament's approval dated by the vote told next ("the vote held on Friday")."""

from __future__ import annotations

import re

from diplograph.extract.context import Context
from diplograph.extract.dates import DateMention, of_the_week
from diplograph.extract.spans import NUMBER_WORDS, later, shifted
from diplograph.extract.text import Sentence
from diplograph.model import Event

# a span of time counted from the event: "18 months after it was signed", "two
# years before the treaty expired"
COUNTED_FROM = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|several|a few|some)\s+(?:days?|weeks?|months?|years?|decades?)\s+"
    r"(?:after|before)\s+(?:[\w'’-]+\s+){0,6}$",
    re.I,
)


def counted_back(
    dates: list[DateMention], v_start: int, sentence: Sentence, ctx: Context
) -> str | None:
    """ "took effect on Monday, four years after it was signed", "eight months
    after": the date told before, counted back at the precision both allow."""
    counted = COUNTED_FROM.search(ctx.text, max(sentence.start, v_start - 50), v_start)
    if counted is None:
        return None
    amount = re.match(r"(\w+)\s+(day|week|month|year|decade)", counted.group())
    before = [d.value for d in dates if d.value and d.end <= counted.start()]
    if amount is None or not before:
        return None
    word, unit = amount.groups()
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())
    if not n:
        return None
    sign = -1 if re.search(r"\bafter\b", counted.group()) else 1
    if unit == "decade":
        n, unit = 10 * n, "year"
    base = before[-1][: {"year": 4, "month": 7}.get(unit, 10)]
    return shifted(base, sign * n, unit)


_SAME_TIME = re.compile(
    r"\b(?:in\s+)?(?:the\s+same|that)\s+(year|month)\b"
    # "also signed a treaty at the time": the date told before, as told
    r"|\b(?:at\s+(?:the|that)\s+time|on\s+(?:that|the\s+same)\s+occasion|"
    r"during\s+(?:that|the\s+same)\s+(?:visit|trip|summit|meeting))\b",
    re.I,
)


def counted_from_before(sentence: Sentence, ctx: Context) -> str | None:
    """ "Ankara, which signed the accord in the same year", "Russia suspended it
    the same month", "It took effect a year later": counted from the date the
    text named last before the sentence."""
    same = _SAME_TIME.search(sentence.text)
    counted = later(sentence.text)
    if same is None and counted is None:
        return None
    if same is not None:
        counted = (0, (same.group(1) or "time").lower(), same.start())
    count, unit, at = counted or (0, "year", 0)
    size = {"year": 4, "month": 7, "time": 4}.get(unit, 10)
    # "signed in November 1990, but not ratified until two years later": the
    # date told before it in its own sentence first
    own = [
        d.value
        for d in ctx.dates(sentence, future=False)
        if d.value and len(d.value) >= size and d.end <= sentence.start + at
    ]
    if own:
        return _moved(own[-1], count, unit)
    for earlier in reversed(ctx.sentences[max(0, sentence.index - 5) : sentence.index]):
        told = [d.value for d in ctx.dates(earlier, future=False) if d.value]
        told = [value for value in told if len(value) >= size]
        if told:  # "It took effect the following year", "signed the same day"
            return _moved(told[-1], count, unit)
    return None


def _moved(value: str, count: int, unit: str) -> str | None:
    """``value`` at the precision ``unit`` tells, ``count`` units on; "at the
    time" keeps the precision it was told at."""
    if unit == "time":
        return value
    return shifted(value[: {"year": 4, "month": 7}.get(unit, 10)], count, unit)


# "After the talks, the two leaders witnessed the signing of ...", "During the
# visit, ...", "On the sidelines, ...": the day the occasion was told to be held
_AFTER_THE_MEETING = re.compile(
    r"\s*(?:(?:After|Following|At\s+the\s+end\s+of|During|At|On\s+the\s+sidelines\s+"
    r"of)\s+(?:the|their|this|his|her)\s+(?:[\w-]+\s+){0,2}?(?:talks|meeting|summit|"
    r"discussions|consultations|visit|ceremony)\b|On\s+the\s+sidelines\b|"
    # "Leaders met on Monday. The two sides signed ...", "They signed ...": the
    # ones who met
    r"(?:They|(?:The\s+(?:two|three|four)|Both)\s+(?:sides|leaders|ministers|presidents|"
    r"delegations|countries|nations|governments)|The\s+(?:leaders|presidents|prime\s+"
    r"ministers|(?:foreign\s+)?ministers|heads\s+of\s+state)\s+of\s+(?:the\s+(?:two|"
    r"three|four)|both)\s+(?:countries|nations|states|sides))\s+(?:also\s+)?"
    r"(?:signed|inked|exchanged|issued|adopted|released)\b)",
    re.I,
)
_MEETING = re.compile(
    r"\b(?:talks|meeting|met|summit|discussions|consultations|chaired|hosted|"
    r"visit|arrived|ceremony|opened)\b",
    re.I,
)


def after_the_meeting(sentence: Sentence, ctx: Context) -> str | None:
    """The day of the talks a sentence opening "After the talks" follows, told
    in one of the three sentences before it."""
    if not _AFTER_THE_MEETING.match(sentence.text):
        return None
    for earlier in reversed(ctx.sentences[max(0, sentence.index - 3) : sentence.index]):
        if not _MEETING.search(earlier.text):
            continue
        days = {
            d.value
            for d in ctx.dates(earlier, future=False)
            if d.value and len(d.value) == 10
        }
        return days.pop() if len(days) == 1 else None
    return None


# "The voting took place this Thursday evening", "the vote held on Friday"
_VOTE_HELD = re.compile(
    r"\b(?:vote|voting|ballot)\b[^.;]{0,40}?\b(?:held|took\s+place|was\s+taken)\b"
)


def vote_day(sentence: Sentence, ctx: Context) -> str | None:
    """ "The Greek Parliament approved the agreement. ... the vote held on
    Friday": the day the next sentence gives the vote a ratification was."""
    following = sentence.index + 1
    if following >= len(ctx.sentences):
        return None
    told = ctx.sentences[following]
    if not _VOTE_HELD.search(told.text):
        return None
    days = {d.value for d in ctx.dates(told, future=False) if d.value}
    return days.pop() if len(days) == 1 else None


# "has been in effect for more than 20 years": in force since that long ago
_IN_EFFECT_FOR = re.compile(
    r"\b(?:been|was) in (?:effect|force|place) for (?:more than |nearly |almost "
    r"|over |about )?(\d+|[a-z]+) (years|decades)\b",
    re.I,
)


def in_effect_for(end: int, ctx: Context) -> list[tuple[Event, tuple[int, int]]]:
    """ "the treaty, which has been in effect for two decades": in force the year
    so long before the report, and where that is told (after ``end``, in its
    sentence)."""
    since = _IN_EFFECT_FOR.search(ctx.text, end, min(len(ctx.text), end + 80))
    if not since or re.search(r"[.;]", ctx.text[end : since.start()]):
        return []
    n, unit = since.groups()
    years = int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower(), 0)
    years *= 10 if unit.lower() == "decades" else 1
    if not years:
        return []
    return [(Event("in_force", str(ctx.article.published.year - years)), since.span())]


def signed_the_day_reached(events: list[Event], ctx: Context) -> list[Event]:
    """ "reached an agreement on Tuesday ... after signing the agreement": a
    signing told without a date is on the day this week's news says the
    instrument was reached."""
    if any(e.type == "signed" and e.date for e in events):
        return []
    undated = [e for e in events if e.type == "signed" and not e.scheduled]
    published = ctx.article.published
    reached = {
        e.date
        for e in events
        if e.type == "agreed" and e.date and of_the_week(e.date, published)
    }
    if not undated or len(reached) != 1:
        return []
    return [Event("signed", reached.pop(), False, (), undated[0].evidence)]
