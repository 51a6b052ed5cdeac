"""The day a story was filed, for the instrument its lead tells signed with no
day of its own ("SEOUL, Nov. 23, Kyodo -- South Korea and Japan signed a pact
..."), as GUIDELINES' own example reads it."""

from __future__ import annotations

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
        in_lead = any(
            0 <= e.start - end < 300 or e.start <= end < e.end for e in fact.evidence
        )
        if (
            in_lead
            and fact.signed is None
            and any(e.type == "signed" and not e.scheduled for e in fact.events)
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


_FILED = "signed in the lead, with no day of its own: the dateline's day"
