"""Which date belongs to an event verb: the nearest one the words tie to it.

A date is not the verb's when another event verb stands between them, when it
is the dateline ("SEOUL, Jan. 20 --"), a year label ("the 2015 deal"), the date
of a report ("said on Tuesday"), or the new end of an extension ("extended to
Feb. 5"). A date opening the sentence dates all of it.
"""

from __future__ import annotations

import re

from diplograph.extract.context import Context
from diplograph.extract.counted import (
    COUNTED_FROM,
    after_the_meeting,
    counted_back,
    counted_from_before,
)
from diplograph.extract.dates import DateMention
from diplograph.extract.distance import PARTICIPLE, distance_after, distance_before
from diplograph.extract.relative import not_the_main_clause_s
from diplograph.extract.reported import another_event, as_of, in_dateline
from diplograph.extract.text import Sentence, words_between
from diplograph.extract.years import year_label


def verb_spans(sentence: Sentence, ctx: Context) -> list[tuple[int, int]]:
    """Where the sentence's event verbs are (not a word that only describes an
    instrument's noun: "its accession protocol", "the extension deal")."""
    return [
        (start, end)
        for _, start, end in ctx.verbs(sentence)
        if not (
            ctx.text[end : end + 1] == " "
            and ctx.lexicon.kind_pattern.match(ctx.text, end + 1)
        )
    ]


# "until 2035", "before the deadline of 31 January": a bound, not the day
_UNTIL = re.compile(
    # (not "fell through on Monday": a step)
    r"\b(?:(?:until|till|(?<!fell\s)(?<!fall\s)(?<!falls\s)through|thru)\s+"
    r"(?:the\s+end\s+of\s+)?|"
    r"deadline\s+(?:of\s+|on\s+)?|before\s+)$",
    re.I,
)
_UNTIL_OPENS = re.compile(r"(?:until|till|through|thru|by)\b", re.I)  # a span from it
_NOW = re.compile(r"\b(?:is|are|has|have|was|were)\s+now\s+(?:\w+\s+)?$", re.I)
# "has now announced that it will not renew the agreement": said today
_NOW_SAID = re.compile(
    r"\b(?:has|have)\s+now\s+(?:announced|said|confirmed|declared|decided)\b[^.;]*$",
    re.I,
)
# "concluded negotiations on ... last month": the talks the verb ends, no event
# of their own between it and its date
# "The renewal was signed on Monday": the day of the step the noun names
_PASSIVE_OF_NOUN = re.compile(r"(?<=al|on)\s+(?:was|were|has\s+been|had\s+been)\s+")
_OBJECT_TALKS = re.compile(r"\s+(?:the\s+|their\s+)?(?:talks|negotiations)", re.I)


def _of_an_event(d: DateMention, etype: str, text: str) -> bool:
    """Whether ``d`` can date a step ``etype``: not the year of another event
    ("signed after the 1971 war"), how things stood ("As of Tuesday, six states
    have ratified it"), nor how long an instrument runs ("an agreement on
    cooperation for 2021-2030")."""
    return (
        not another_event(d, text)
        and (etype == "in_force" or not as_of(d, text))
        and (etype != "signed" or not _YEARS_RANGE.fullmatch(text, d.start, d.end))
    )


_YEARS_RANGE = re.compile(r"(?:\w+\s+)?(?:19|20)\d\d\s*[-–]\s*(?:(?:19|20)\d\d|\d\d)")


def pick_date(
    dates: list[DateMention],
    v_start: int,
    v_end: int,
    sentence: Sentence,
    ctx: Context,
    etype: str,
) -> str | None:
    """The date the words tie to the verb: the nearest one after it or before it
    that no other event verb, dateline, year label or report claims."""
    text = ctx.text
    dates = [d for d in dates if _of_an_event(d, etype, text)]
    candidates = _candidates(dates, v_start, v_end, sentence, ctx, etype)
    if candidates is None:
        return counted_back(dates, v_start, sentence, ctx)
    dates = candidates
    best: tuple[int, str | None] | None = None
    verbs = _other_verbs(v_start, v_end, sentence, ctx)
    for d in dates:
        low, high = (v_end, d.start) if d.start >= v_end else (d.end, v_start)
        if any(low <= vs and ve <= high for vs, ve in verbs):
            continue  # another event verb stands between: the date is its own
        if d.end <= v_start and _claimed_before(d, v_start, verbs, text):
            continue  # "signed on May 23, 2014 and ratified ...": the signing's
        if in_dateline(d, sentence.start, text):
            continue  # "SEOUL, Jan. 20 (Wire) --" dates the report, not the event
        if year_label(d, ctx):
            continue  # "the 2015 deal": a year label, not this event's date
        before = words_between(text, max(sentence.start, d.start - 25), d.start)
        reported = bool(ctx.lexicon.reporting.search(before))
        if (
            reported
            and etype in ("withdrawn", "terminated", "suspended")
            and re.search(r"\b(?:announced|declared)\b", before)
        ):
            reported = False  # announcing a withdrawal is withdrawing
        if reported and d.start >= v_end and not text[v_end : d.start].strip():
            reported = False  # "announced on Monday an agreement": the verb's own
        if d.start >= v_end:
            distance = distance_after(d, v_end, sentence, reported, ctx)
        else:
            distance = distance_before(d, v_start, sentence, reported, ctx)
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, d.value)
    if best is None and (
        _NOW.search(text, max(sentence.start, v_start - 20), v_start)
        or _NOW_SAID.search(text, sentence.start, v_start)
    ):
        # "the agreement is now concluded": at the time of the article
        return ctx.article.published.isoformat()
    if best is None:
        return (
            _sentence_date(dates, sentence, ctx, etype, (v_start, v_end))
            or counted_from_before(sentence, ctx)
            or after_the_meeting(sentence, ctx)
        )
    return best[1]


def _other_verbs(
    v_start: int, v_end: int, sentence: Sentence, ctx: Context
) -> list[tuple[int, int]]:
    """The sentence's other event verbs that may claim a date, not the one whose
    object or passive is the verb's own noun ("began the talks", "The renewal
    was signed on Monday")."""
    return [
        v
        for v in verb_spans(sentence, ctx)
        if v != (v_start, v_end)
        and not _OBJECT_TALKS.fullmatch(ctx.text, v_end, v[1])
        and not _PASSIVE_OF_NOUN.fullmatch(ctx.text, v_end, v[0])
    ]


_OWN_VERB = re.compile(
    r"\b(?:began|started|opened|resumed|restarted|held|launched|kicked\s+off|under\s?way)$"
)


def _candidates(
    dates: list[DateMention],
    v_start: int,
    v_end: int,
    sentence: Sentence,
    ctx: Context,
    etype: str,
) -> list[DateMention] | None:
    """The dates of the sentence that may be the verb's, or None when the words
    say it has no day of its own."""
    text = ctx.text
    dates = not_the_main_clause_s(dates, v_start, v_end, sentence, ctx)
    if COUNTED_FROM.search(text, max(sentence.start, v_start - 50), v_start):
        # "took effect on Thursday, 18 months after it was signed": some time
        # before that date; only a date after the verb is its own ("a year
        # after it was signed in July 2023")
        dates = [d for d in dates if d.start >= v_end]
        if not dates:
            return None
    if (
        re.match(
            r"(?:years|months|weeks|days|rounds)\s+of|\w+-negotiated",
            text[v_start:v_end],
        )
        # (not "years of talks that began in 2022": the talks' own verb)
        or (
            _SPAN_OF.search(text, max(sentence.start, v_start - 40), v_start)
            and not _OWN_VERB.search(text, v_start, v_end)
        )
        or (
            # "under negotiation for two decades": how long, not since when
            etype == "negotiation" and _FOR_SPAN.match(text, v_end)
        )
    ):
        # "after years of talks": a span, not the day the text names; "a
        # long-negotiated pact": an adjective tells no day
        return None
    # "will run until 2035": when a period ends is no event's date; "a programme
    # for 2024-2026": the years it covers (but "did not take effect until 2005"
    # took effect then)
    not_until = ctx.lexicon.negation.search(
        text[max(sentence.start, v_start - 30) : v_start]
    )
    return [
        d
        for d in dates
        if (
            not (
                _UNTIL.search(text, max(sentence.start, d.start - 30), d.start)
                or _UNTIL_OPENS.match(text, d.start)
            )
            or bool(not_until and re.search(r"\buntil\b", text[v_end : d.end]))
        )
        and not _FOR_PERIOD.search(text, max(sentence.start, d.start - 20), d.start)
        and not _A_DEADLINE.match(text, d.end)  # "ahead of an August 1 deadline"
    ]


_A_DEADLINE = re.compile(r"\s+(?:deadline|cut-?off|target\s+date)\b", re.I)
_FOR_PERIOD = re.compile(r"\bfor(?:\s+the\s+(?:period|years?))?\s*$", re.I)


def _claimed_before(
    d: DateMention, v_start: int, verbs: list[tuple[int, int]], text: str
) -> bool:
    """Whether a verb before the date claims it: it stands nearer, or the verb
    after the date is coordinated with it ("signed ... on May 23 in Manila and
    ratified ...")."""
    coordinated = re.search(r"\band\b", text[d.end : v_start])
    return any(
        ve <= d.start
        # "signed a pact, and in 2018 joined ...": the date opens the next clause
        and not _NEXT_CLAUSE.search(text, ve, d.start)
        and (
            d.start - ve < v_start - d.end
            or (coordinated and d.start - ve < 60 and "," not in text[ve : d.start])
        )
        for _, ve in verbs
    )


_NEXT_CLAUSE = re.compile(r";|,\s*(?:and|but|while|whereas)\s+(?:\w+\s+)?$")


_DEADLINE = re.compile(
    r"\b(?:by|to|until|till|through|before)\s+(?:the\s+end\s+of\s+)?$", re.I
)
# "two years of negotiations", "the 18th day of marathon talks"
_SPAN_OF = re.compile(
    r"\b(?:years|months|weeks|days|decades?|century|rounds|\d+(?:st|nd|rd|th)\s+day)\s+of\s+"
    r"(?:[\w-]+\s+)?$",
    re.I,
)
_FOR_SPAN = re.compile(
    r"\s+for\s+(?:the\s+(?:past|last)\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+|"
    r"about\s+)?(?:[\w-]+\s+)?(?:years|decades|months|weeks)\b",
    re.I,
)


_ANNOUNCED = frozenset({"withdrawn", "terminated", "suspended", "failed"})
_REPORTED = re.compile(
    # "told parliament on Tuesday", "said in a statement on Friday"
    r"\b(?:said|says|told|announced|reported|confirmed|stated)\s+"
    r"(?:(?!(?:was|were|is|are|had|has|have|been|it|they)\b)[\w'’-]+\s+){0,3}?"
    r"(?:(?:late\s+)?on\s+)?$",
    re.I,
)


def _opening_date(
    dates: list[DateMention], sentence: Sentence, ctx: Context
) -> str | None:
    """ "On July 13, 2023, Egypt and Ethiopia agreed ..., according to a joint
    statement issued after ...": a date opening the sentence dates all of it."""
    for d in dates:
        if (
            d.value
            and re.fullmatch(
                r"\s*(?:on|in|by|last|earlier)?\s*",
                ctx.text[sentence.start : d.start],
                re.I,
            )
            and re.match(r"\s*,", ctx.text[d.end : d.end + 3])
        ):
            return d.value
    return None


def _sentence_date(
    dates: list[DateMention],
    sentence: Sentence,
    ctx: Context,
    etype: str,
    verb: tuple[int, int],
) -> str | None:
    """The sentence's own date, when no date stands by the verb: the one that
    opens it, the one day it names, or the one date of a sentence that tells
    one event."""
    opening = _opening_date(dates, sentence, ctx)
    if opening:
        return opening
    # "have ratified the treaty, officials said on Friday": the day of the report,
    # unless announcing it is the step ("said on Monday it was pulling out")
    if etype not in _ANNOUNCED:
        dates = [
            d
            for d in dates
            if not _REPORTED.search(ctx.text, max(0, d.start - 25), d.start)
        ]
    # "met today in Tokyo to sign ...": the one day the sentence names
    days = {d.value for d in dates if d.value and d.kind in ("day_word", "weekday")}
    others = [v for v in verb_spans(sentence, ctx) if v != verb]
    if len(days) == 1:
        return days.pop()
    values = {
        d.value for d in dates if d.value and _of_the_sentence(d, sentence, verb, ctx)
    }
    if len(values) == 1 and len(verb_spans(sentence, ctx)) == 1:
        return values.pop()
    # "in a note sent on 2 May, Mali denounced the pact concluded in 2013": the
    # one date no other event verb has right after it
    free = {
        d.value
        for d in dates
        if d.value in values
        and not any(
            ve <= d.start and _RIGHT_AFTER.fullmatch(ctx.text, ve, d.start)
            for _, ve in others
        )
    }
    if len(free) == 1 and len(values) == len(others) + 1:
        return free.pop()
    return None


def _of_the_sentence(
    d: DateMention, sentence: Sentence, verb: tuple[int, int], ctx: Context
) -> bool:
    """Whether ``d`` may date the sentence's one event: no dateline, year label
    ("the 2015 deal"), target, or date of another clause or verb."""
    text = ctx.text
    return (
        not in_dateline(d, sentence.start, text)
        and not year_label(d, ctx)
        # "pledged to double trade by 2030": a target, not when anything happened
        and not _DEADLINE.search(text, max(sentence.start, d.start - 20), d.start)
        and not _UNTIL_OPENS.match(text, d.start)
        # "signed in Rome, paving the way for elections in 1994": the clause's
        and not (d.start > verb[1] and PARTICIPLE.search(text, verb[1], d.start))
        # "the project, launched in 2016 under a pact signed by ...": the date of
        # a verb that is no step of an instrument
        and not _OTHER_VERB_BEFORE.search(
            text, max(sentence.start, d.start - 30), d.start
        )
    )


_RIGHT_AFTER = re.compile(r"\s+(?:(?:[\w-]+\s+){0,3}?(?:in|on)\s+)?", re.I)
_OTHER_VERB_BEFORE = re.compile(
    r"\b(?:launched|founded|established|built|opened|began|started|took\s+power|"
    r"elected|appointed|born|died|held|took\s+office)\s+(?:(?:in|on)\s+)?$"
    # "the summit hosted online by Vietnam on November 12": the summit's day
    r"|\bhosted\s+(?:[\w-]+\s+){0,3}?(?:in|on)\s+$",
    re.I,
)
