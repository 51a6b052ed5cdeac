"""What happened to each instrument, and when.

Every event verb of a sentence acts on one instrument: the mention nearest to it
within its clause. A verb under negation ("did not sign"), a modal ("will
sign"), a postponement or a description of how the instrument works ("is
renewed annually") is no event; "will take effect on July 1" is a scheduled
one. Each event takes the nearest date the words tie to its verb, at the
precision the text gives, and records the states that performed it where the
clause names them ("Chile ratified it": ``actors=("CHL",)``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from diplograph.extract.clauses import VerbHit, first_group, subjects
from diplograph.extract.cluster import Cluster
from diplograph.extract.context import Context
from diplograph.extract.counted import in_effect_for, signed_the_day_reached, vote_day
from diplograph.extract.happened import not_an_event, verb_scope
from diplograph.extract.mentions import STATEMENTS, InstrumentMention
from diplograph.extract.notice import not_renewing, party_notice
from diplograph.extract.retyped import (
    AGREED_TO,
    NOT_RENEWED,
    as_failed,
    never_made,
    retyped,
)
from diplograph.extract.when import pick_date
from diplograph.extract.years import year_label
from diplograph.model import Because, Event, Evidence

# Events done by one party at a time: the clause's subject is who did it.
_BY_PARTY = frozenset({"ratified", "withdrawn", "suspended"})
# infinitives that report the act: "its decision to suspend", "became the 40th
# country to ratify"
# "agreed on Wednesday to extend their ceasefire": the parties' agreement is the
# extension (or suspension) itself


def events_of(
    cluster: Cluster, hits: list[VerbHit], kind: str, ctx: Context
) -> tuple[list[Event], list[Because]]:
    """The events the verbs report, with who performed the one-party ones."""
    events: list[Event] = []
    because: list[Because] = []
    on_signing: tuple[Evidence, ...] = ()
    for hit in hits:
        verb = ctx.text[hit.start : hit.end]
        event = event_of(hit, kind, ctx)
        if event is None:
            continue
        own = _own_date(cluster, hit, ctx)
        if own and event.date and own != event.date:
            event = replace(event, date=own)
        if event.type in _BY_PARTY:
            actors = tuple(
                dict.fromkeys(
                    a.code for a, _ in first_group(list(subjects(hit, ctx)), ctx)
                )
            )
            if actors:
                event = Event(event.type, event.date, event.scheduled, actors,
                              event.evidence)  # fmt: skip
        events.append(event)
        at = ctx.span(hit.start, hit.end)
        because.append(why(event, f"verb {verb!r}", at))
        for again in _and_by(hit, event, ctx):
            events.append(again)
            because.append(why(again, f"verb {verb!r}, again by another", at))
        if event.type == "in_force" and ON_SIGNING.match(ctx.text, hit.end):
            on_signing = event.evidence
    for m in cluster.mentions:
        for since, span in in_effect_for(m.end, ctx):
            events.append(since)
            rule = "in effect for a span before the report"
            because.append(why(since, rule, ctx.span(*span)))
        for done in _done_under(m, ctx):
            events.append(done)
            because.append(why(done, "something done under it", done.evidence[0]))
    if kind in STATEMENTS and not any(e.type == "signed" for e in events):
        for issued in _dated_statement(cluster, ctx):
            events.append(issued)
            rule = "a statement dated where it is named"
            because.append(why(issued, rule, issued.evidence[0]))
    for signed in signed_the_day_reached(events, ctx):
        events.append(signed)
        because.append(why(signed, "signed when it was reached", signed.evidence[0]))
    if never_made(cluster.mentions, events):
        # "Switzerland has cancelled a planned framework agreement": it fell
        # through, it did not end
        events, because = as_failed(events, because)
    signings = [e.date for e in events if e.type == "signed" and e.date]
    if signings and on_signing:
        # "takes effect upon signing": in force the day it was signed
        events.append(Event("in_force", max(signings, key=len), False, (), on_signing))
        because.append(why(events[-1], "in force on its signing", on_signing[0]))
    return events, because


def why(event: Event, rule: str, words: Evidence) -> Because:
    """The reason for an event, in the words it rests on."""
    return Because(event_fact(event), "events", rule, words)


def event_fact(event: Event) -> str:
    """How a reason names the event it is for: "event signed@2015-06-24"."""
    return f"event {event.type}@{event.date or ''}"


# "a fisheries accord in 2005", "another with Australia in 2023": the date a
# mention's own words end on (the date's "in" is the date's)
_TOLD_AFTER = re.compile(
    r"\s+(?:with\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,3})?(?:(?:in|on)\s+)?"
)


def _own_date(cluster: Cluster, hit: VerbHit, ctx: Context) -> str | None:
    """ "signed a border treaty in 2001 and a fisheries accord in 2005": one verb
    for two instruments, each with the date told right after it."""
    sentence = hit.sentence
    verbs = [start for _, start, _ in ctx.verbs(sentence)]
    for m in cluster.mentions:
        if not (hit.end < m.start < sentence.end) or any(
            hit.end <= v < m.start for v in verbs
        ):
            continue  # not this verb's object
        dates = ctx.dates(sentence, future=False)
        for d in dates:
            if (
                d.value
                and _TOLD_AFTER.fullmatch(ctx.text, m.end, d.start)
                and not year_label(d, ctx)  # "the Agreement of 2012": its name's
            ):
                earlier = any(hit.end <= x.start < m.start and x.value for x in dates)
                return d.value if earlier else None
    return None


_RIGHT_AFTER = re.compile(r"\s+(?:(?:in|on)\s+)?")


# "Moscow and Kyiv swapped prisoners on Monday under a deal": something done
# under it (GUIDELINES: "first shipment under it") is its implementation
_DONE_UNDER = re.compile(
    r"\b(?!(?:signed|agreed|reached|concluded|said|announced|approved|ratified|"
    # steps on it, or against it: "suspended its obligations under the treaty"
    r"suspended|terminated|violated|breached|revoked|extended|renewed|cancell?ed|"
    r"scrapped|ended|froze|frozen|abandoned)\b)"
    r"([a-z]+ed)\s+(?:[\w$,.-]+\s+){0,8}?under\s+(?:a|an|the|this|that|its|their)\s+"
    r"(?:[\w-]+\s+){0,3}$"
)


def _done_under(m: InstrumentMention, ctx: Context) -> list[Event]:
    sentence = ctx.sentence_of(m.start)
    clause = ctx.clause_start(sentence, m.start)
    done = _DONE_UNDER.search(ctx.text, clause, m.start)
    if done is None or ctx.lexicon.modality.search(ctx.text, clause, m.start):
        return []
    verb_start, verb_end = done.span(1)
    dates = ctx.dates(sentence, future=False)
    when = pick_date(dates, verb_start, verb_end, sentence, ctx, "implemented")
    return [Event("implemented", when, evidence=(ctx.sentence_span(sentence),))]


# "according to a joint statement on Thursday", "a communique issued Monday"
_STATEMENT_DATE = re.compile(
    r",?\s+(?:(?:issued|released|published|adopted)\s+)?(?:(?:late|early)\s+)?"
)


def _dated_statement(cluster: Cluster, ctx: Context) -> list[Event]:
    """A statement dated where it is named was adopted that day: a statement
    is made when it is issued, whether or not a verb says so."""
    for m in cluster.mentions:
        sentence = ctx.sentence_of(m.start)
        gap = _STATEMENT_DATE.match(ctx.text, m.end, sentence.end)
        if gap is None:
            continue
        for when in ctx.dates(sentence, future=False):
            if when.start == gap.end() and when.value:
                evidence = (ctx.span(m.start, when.end),)
                return [Event("signed", when.value, evidence=evidence)]
    return []


# "ratified by the president on May 2 and by parliament on June 3", "ratified
# it in 2019 and Togo in 2021"
_AND_BY = re.compile(
    r"\s+and\s+(?:by\s+(?:the\s+)?[\w'’ -]{1,50}?\s+(?:on|in)\s+|"
    r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:(?:on|in)\s+)?)$"
)


def _and_by(hit: VerbHit, event: Event, ctx: Context) -> list[Event]:
    """The same step by another party on another date, told by ellipsis."""
    if not event.date or event.type not in _BY_PARTY:
        return []
    later = [
        d
        for d in ctx.dates(hit.sentence, future=False)
        if d.start > hit.end and d.value
    ]
    for before, d in zip(later, later[1:], strict=False):
        if before.value == event.date and _AND_BY.search(ctx.text, before.end, d.start):
            return [Event(event.type, d.value, False, (), event.evidence)]
    return []


_RECUR = frozenset({"extended", "ratified"})  # steps told more than once, apart


def merge_events(events: list[Event]) -> tuple[Event, ...]:
    """One event per type and date; an undated event is dropped when a dated one
    of its type exists, unless that step recurs (a renewal, each party's
    ratification)."""
    merged: dict[tuple[str, str | None], Event] = {}
    for e in events:
        key = (e.type, e.date)
        if key in merged:
            old = merged[key]
            merged[key] = Event(
                e.type,
                e.date,
                old.scheduled and e.scheduled,
                old.actors,
                old.evidence + e.evidence,
            )
        else:
            merged[key] = e
    dated = {t for t, d in merged if d}
    # "signed last year" and "signed in December 2015" are one signing: keep
    # 2015-12; not two parties' own steps ("Ghana ratified it on 4 July 2002.
    # Togo ratified it in 2002")
    refined = {
        (t, d)
        for (t, d), e in merged.items()
        for (t2, d2), e2 in merged.items()
        if d
        and d2
        and t == t2
        and d2 != d
        and d2.startswith(d)
        and not (t in _RECUR and _apart(e.actors, e2.actors))
    }
    return tuple(
        e
        for (t, d), e in merged.items()
        # (a renewal recurs: "agreed to extend it ... last renewed in 2010"; each
        # party ratifies on its own: "Ghana ratified it in 2019; Togo has too")
        if (d or t not in dated or t in _RECUR) and (t, d) not in refined
    )


def _apart(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two steps were told of different performers."""
    return bool(one) and bool(other) and not set(one) & set(other)


# "was not ratified until two years later": it was, then
_NOT_UNTIL = re.compile(r"(?:[\s,]+[\w-]+){0,4}?\s+until\b(?!\s+(?:now|today)\b)", re.I)


def event_of(hit: VerbHit, kind: str, ctx: Context) -> Event | None:
    """The event a verb reports, or None when the words around it say it did not
    happen (negated, modal, postponed, a name, a habit, the talks not the deal)."""
    etype = retyped(hit, kind, ctx)
    if etype is None:
        return None
    text, lexicon, sentence = ctx.text, ctx.lexicon, hit.sentence
    window, scope = verb_scope(hit, ctx)
    failed_to = lexicon.failure_before.search(window[-25:]) and etype in (
        "signed", "agreed", "ratified",
    )  # fmt: skip
    if failed_to:
        etype = "failed"
    elif etype == "extended" and NOT_RENEWED.search(window[-30:]):
        return not_renewing(hit, ctx)
    elif lexicon.negation.search(scope) and not _NOT_UNTIL.match(text, hit.end):
        return None
    if not_an_event(hit, etype, window, ctx):
        return None
    evidence = (ctx.sentence_span(sentence),)
    notice = party_notice(hit, etype, scope, ctx)
    if notice is not None:
        return notice
    agreed_to = etype in ("extended", "suspended") and AGREED_TO.search(
        text[max(sentence.start, hit.start - 60) : hit.start]
    )
    # "could not reach a deal on Monday": a failure told, not a step ahead
    modal = (
        bool(lexicon.modality.search(scope)) and not agreed_to and not failed_to
    ) or _scheduled(hit, etype, ctx)
    dates = ctx.dates(sentence, future=modal)
    # "agreed on Monday to end the deal": Monday is when they agreed; the end is
    # agreed, dated only by the words after it
    agreed_first = modal and AGREED_TO.search(text, sentence.start, hit.start)
    if agreed_first:
        dates = [d for d in dates if d.start >= hit.end]
    when = pick_date(dates, hit.start, hit.end, sentence, ctx, etype)
    if when is None and etype == "ratified" and not modal:
        when = vote_day(sentence, ctx)
    if etype == "negotiation" and _CONCLUDED.search(
        text, max(0, hit.start - 25), hit.start
    ):
        when = None  # "concluded talks on Tuesday": the day they ended, not began
    # "will take effect upon signing": in force the day it was signed
    signing = etype == "in_force" and ON_SIGNING.match(text, hit.end)
    if (
        modal
        and (
            when is None
            or etype in ("agreed", "negotiation")
            or _expected_before(hit, when, ctx)
        )
        and not (signing or agreed_first)
    ):
        # "will sign" is no signing; "will sign on Friday", "will take effect on
        # July 1" are scheduled events at their dates, as the guidelines count
        # them; talks to be held next month are none held (GUIDELINES: held)
        return None
    return Event(etype, when, modal, (), evidence)


_WAS_EXPECTED = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:expected|supposed|scheduled|due|set|slated)"
    r"\s+to\s+(?:be\s+)?$"
)


def _expected_before(hit: VerbHit, when: str | None, ctx: Context) -> bool:
    """ "was expected to be signed at last year's end, but it stalled": a step
    that was due before the story and is not told to have happened."""
    return (
        when is not None
        and when[:4] < str(ctx.article.published.year)
        and bool(_WAS_EXPECTED.search(ctx.text, max(0, hit.start - 40), hit.start))
    )


def _scheduled(hit: VerbHit, etype: str, ctx: Context) -> bool:
    """ "to take effect", "takes effect in March": an entry into force or an end
    ahead, as "will take effect" is (not "takes effect immediately": on its
    signing)."""
    text = ctx.text
    return etype in ("in_force", "terminated") and bool(
        re.search(r"\bto\s+$", text[max(0, hit.start - 15) : hit.start])
        or (
            _SCHEDULED_PRESENT.match(text, hit.start, hit.end)
            and not _AT_ONCE.match(text, hit.end)
        )
    )


_CONCLUDED = re.compile(
    r"\b(?:concluded|completed|finali[sz]ed|wrapped\s+up|ended)\s+"
    r"(?:(?:late\s+|early\s+)?on\s+\w+day\s+)?(?:the\s+|their\s+)?"
    r"(?:[\w-]+\s+)?$",
    re.I,
)
_SCHEDULED_PRESENT = re.compile(r"(?:takes|enters|comes|expires)\b", re.I)
_AT_ONCE = re.compile(r"\s+(?:immediately|at\s+once|upon\s+signing)\b", re.I)
# "takes effect upon signing", "effective from the date of signature", "will
# enter into force on the date of its signing": in force the day it was signed
ON_SIGNING = re.compile(
    r"\s+(?:immediately\s+)?(?:(?:on|upon|from|as\s+of|with)\s+)?"
    r"(?:the\s+(?:date|day|moment|time)\s+of\s+)?(?:its\s+|their\s+|the\s+)?"
    r"(?:signing|signature)\b",
    re.I,
)
