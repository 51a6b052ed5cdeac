"""The day a story was filed, for the instrument its lead tells signed with no
day of its own ("SEOUL, Nov. 23, Kyodo -- South Korea and Japan signed a pact
..."), as GUIDELINES' own example reads it."""

from __future__ import annotations

import re
from dataclasses import replace

from diplograph.extract.context import Context
from diplograph.extract.events import merge_events, why
from diplograph.extract.reported import filed_on
from diplograph.model import AgreementFact, Event


def signed_on_filing_day(
    facts: list[AgreementFact], ctx: Context
) -> list[AgreementFact]:
    """ "SEOUL, Nov. 23, Kyodo -- South Korea and Japan signed a pact ...": an
    instrument the lead tells signed, with no day of its own in the whole story,
    was signed the day of the dateline (GUIDELINES)."""
    filed = filed_on(ctx)
    if filed is None:
        return facts
    day, end = filed
    out = []
    for fact in facts:
        if fact.signed is None and any(
            e.type == "signed"
            and not e.scheduled
            and _in_lead(e, end, ctx)
            and not _said_vaguely(e, end, ctx)
            for e in fact.events
        ):
            signed = Event("signed", day)
            fact = replace(
                fact,
                signed=day,
                events=tuple(merge_events([*fact.events, signed])),
                because=(*fact.because, why(signed, _FILED, ctx.span(end, end))),
            )
        out.append(fact)
    return out


def _in_lead(event: Event, end: int, ctx: Context) -> bool:
    """Whether the event is told in the dateline's own sentence, or the one
    right after it ("Astana, Dec. 25, 2017. / Kabar /. Kyrgyzstan and ...")."""
    for told in event.evidence:
        sentence = ctx.sentence_of(told.start)
        if sentence.start <= end < sentence.end or _AFTER.fullmatch(
            ctx.text, end, sentence.start
        ):
            return True
    return False


def _said_vaguely(event: Event, end: int, ctx: Context) -> bool:
    """Whether the event's sentence says when only vaguely ("signed ... last
    week", "recently"): a time of its own, with no day (GUIDELINES: null)."""
    for told in event.evidence:
        sentence = ctx.sentence_of(told.start)
        if any(
            d.kind == "vague" and d.start >= end
            for d in ctx.dates(sentence, future=False)
        ):
            return True
    return False


_AFTER = re.compile(r"\.?\s*(?:/[^/\n]{1,30}/\.?\s*)?")
_FILED = "signed in the lead, with no day of its own: the dateline's day"
