"""A party's notice: a decision told as a step ahead is the act itself.

"decided to terminate the agreement" is one party's withdrawal, dated when it
was decided; "Ghana will withdraw from the treaty, its president said on
Tuesday" was announced that day. Read by :mod:`.events`.
"""

from __future__ import annotations

import re

from diplograph.extract.clauses import VerbHit
from diplograph.extract.context import Context
from diplograph.extract.when import pick_date
from diplograph.model import Event


def party_notice(hit: VerbHit, etype: str, scope: str, ctx: Context) -> Event | None:
    """A party's decision told as a step ahead, which is the act itself, dated
    when it was taken: "decided to terminate the agreement" (a withdrawal),
    "announced that the United States will withdraw"."""
    text, lexicon, sentence = ctx.text, ctx.lexicon, hit.sentence
    evidence = (ctx.sentence_span(sentence),)
    dates = ctx.dates(sentence, future=False)
    ending = _ending_now(hit, text) if etype == "terminated" else None
    if ending:
        # "Turkey is putting an end to an agreement": one party's notice, now;
        # "announced on Monday that it was terminating the treaty": then
        # ("informed the US on February 11 that it is ending the VFA": then)
        told = pick_date(dates, hit.start, hit.end, sentence, ctx, "withdrawn")
        if told is None and ending.group(1).lower() in ("is", "are"):
            told = ctx.article.published.isoformat()
        return Event("withdrawn", told, False, (), evidence)
    if (
        etype == "terminated"
        and text[hit.start : hit.end]
        .lower()
        .startswith(("terminat", "scrap", "cancel"))
        # "decided on Monday to terminate": the day told between is the decision's
        and lexicon.decision.search(_TOLD_DAY.sub("", scope))
    ):
        # one party deciding to end an agreement gives notice: a withdrawal, dated
        # when it is announced, whatever "would" says about the end itself
        when = pick_date(dates, hit.start, hit.end, sentence, ctx, "withdrawn")
        return Event("withdrawn", when, False, (), evidence)
    decided = re.search(
        r"\b(?:decided|decides)\b" + (_ANNOUNCED * (etype == "withdrawn")),
        text[sentence.start : hit.start],
    )
    # "Ghana will withdraw from the treaty, its president said on Tuesday":
    # announced then (but not "would withdraw if Togo broke it, officials said")
    said_after = (
        None
        if decided or etype != "withdrawn"
        else _SAID_AFTER.match(text, hit.end, sentence.end)
    )
    if said_after and re.search(r"\b(?:if|unless|once|when)\b", said_after.group()):
        said_after = None
    if (
        etype in ("withdrawn", "suspended")
        and lexicon.modality.search(scope)
        and (decided or said_after)
    ):
        # "Trump announced that the United States will withdraw", "decided on
        # Monday that the pact will be suspended"
        if said_after is not None:
            # dated when it is said, not by a day it will take effect
            dates = [d for d in dates if d.start >= said_after.end()]
        when = pick_date(dates, hit.start, hit.end, sentence, ctx, etype)
        return Event(etype, when, False, (), evidence)
    return None


_TOLD_DAY = re.compile(r"\s+(?:on|last|this)\s+\w+day\b", re.I)
_SAID_AFTER = re.compile(
    r"[^.;]*?(?<!\d),\s+(?:[\w'’.-]+\s+){0,4}?(?:said|announced|told|declared)\b"
)
# "announced that it will withdraw": the notice is the withdrawal
_ANNOUNCED = r"|\b(?:announc\w+|declared|said|notified|informed|gave\s+notice)\b"
_ENDING_NOW = re.compile(
    r"\b(is|are|was|were)\s+(?:now\s+)?(putting(?:\s+an)?|terminating|scrapping|"
    r"cancell?ing|ending)?\s*$",
    re.I,
)
_ENDED = re.compile(r"\s+(?:its|their|the|an?)\b", re.I)  # what a party ends


def _ending_now(hit: VerbHit, text: str) -> re.Match[str] | None:
    """ "Turkey is putting an end to", "it was terminating its treaty": a party
    ending an agreement as it speaks (the verb itself when it ends something)."""
    ending = _ENDING_NOW.search(text, hit.sentence.start, hit.start)
    if ending is None or ending.group(2):
        return ending
    verb = text[hit.start : hit.end].lower()
    return ending if verb.endswith("ing") and _ENDED.match(text, hit.end) else None


def not_renewing(hit: VerbHit, ctx: Context) -> Event:
    """ "decided not to renew the agreement", "will not extend it": the one
    party's notice, dated when it decided (not "neither side renewed it")."""
    sentence = hit.sentence
    dates = ctx.dates(sentence, future=False)
    when = pick_date(dates, hit.start, hit.end, sentence, ctx, "withdrawn")
    return Event("withdrawn", when, False, (), (ctx.sentence_span(sentence),))
