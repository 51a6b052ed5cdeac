"""Who performs a verb that acts on an instrument, and so is its party: the
subjects before it ("Japan and Korea signed"), its agents after it ("signed by
Peru"), the whole list that opens the clause ("Vietnam, Indonesia, ... and
Brunei signed"), the state a decree takes out ("withdrawing Ghana from the
treaty") and those said to have followed ("..., followed by Morocco and
Sudan"); not who refused. Read by :mod:`.roles`.
"""

from __future__ import annotations

import re

from diplograph.extract.actors import ActorMention
from diplograph.extract.clauses import (
    LISTED,
    NAMED,
    VerbHit,
    first_group,
    subjects,
)
from diplograph.extract.context import Context
from diplograph.extract.happened import joins_a_body, verb_scope
from diplograph.extract.speakers import SPEAKER, SUBJECT_BEFORE

# Events whose grammatical subject is a party ("X signed", "Y ratified").
PARTY_EVENTS = frozenset(
    {"signed", "agreed", "ratified", "withdrawn", "suspended", "extended",
     "in_force", "terminated", "implemented"}
)  # fmt: skip
# acts one party does by itself: only the first subject group did it
_ONE_PARTY_ACTS = frozenset({"suspended", "withdrawn", "terminated", "extended"})


def _refused(hit: VerbHit, ctx: Context) -> bool:
    """ "urged them to refrain from signing": whoever does not sign is no party."""
    if hit.type not in ("signed", "agreed"):
        return False
    window, scope = verb_scope(hit, ctx)
    lexicon = ctx.lexicon
    return bool(lexicon.negation.search(scope)) and not lexicon.failure_before.search(
        window[-25:]
    )


def _has_not_ratified(a: ActorMention, hit: VerbHit, ctx: Context) -> bool:
    """ "waited for the United States to ratify it", "Washington has yet to
    ratify it": a state that has not, told by another's wish or its delay."""
    return bool(
        _NOT_YET_DONE.fullmatch(ctx.text, a.end, hit.start)
        or (
            _TO.fullmatch(ctx.text, a.end, hit.start)
            and _PERSUADED.search(ctx.text, max(0, a.start - 30), a.start)
        )
    )


_NOT_YET_DONE = re.compile(r"\s+(?:has|have|had)\s+(?:yet|still)\s+to\s+")
_TO = re.compile(r"\s+to\s+")
_PERSUADED = re.compile(
    r"\b(?:urg\w*|call(?:ed|s|ing)?\s+on|press(?:ed|es|ing)?|wait(?:ed|s|ing)?\s+for|"
    r"ask(?:ed|s|ing)?|appeal(?:ed|s|ing)?\s+to|push(?:ed|es|ing)?)\s+(?:the\s+)?$",
    re.I,
)
_LISTED_AFTER = re.compile(r"(?:\s+(?-i:[A-Z])[\w.'’-]*){0,6},\s+(?:the\s+)?")


def _with_listed_before(
    found: list[tuple[ActorMention, str]],
    every: list[tuple[ActorMention, str]],
    ctx: Context,
) -> list[tuple[ActorMention, str]]:
    """ "Vietnam, Indonesia, Malaysia, ... and Brunei signed": the whole list,
    not only the members near the verb."""
    if not found:
        return found
    kept = {id(a) for a, _ in found}
    earlier = [(a, r) for a, r in every if id(a) not in kept]
    first, code = min((a.start, a.code) for a, _ in found)
    for a, rule in reversed(earlier):
        if a.end > first:
            continue
        # (an official's office and name after the state's word: "Nigerian
        # Trade Minister Zainab Okello, Ecuadorean Trade Minister ...")
        gap = _LISTED_AFTER if a.code != code else NAMED
        if not gap.fullmatch(ctx.text, a.end, first):
            break
        found.append((a, rule))
        first, code = a.start, a.code
    return found


_ABANDONED_BY = re.compile(
    r"(?<=abandoned)\s+(?:unilaterally\s+)?by\s+(?:the\s+)?(?:former\s+)?(?-i:[A-Z])"
)
_JOINED_IN = re.compile(r"\bjoin(?:ed|s|ing)?\s+[^.;]{0,200}?\s+in\s+$")


def performers(
    hit: VerbHit, ctx: Context, *, with_partner: bool = False
) -> list[tuple[ActorMention, str]]:
    """Who performs a verb that makes its performers parties ("Japan and Korea
    signed", "signed by Peru"); ``with_partner``: the instrument's partner is
    told after it, so who negotiates it is the other side ("Australia negotiated
    a free trade agreement with the EU"), not a broker between others."""
    if (
        _refused(hit, ctx)
        or joins_a_body(hit, ctx)
        or not (
            hit.type in PARTY_EVENTS
            or (with_partner and hit.type == "negotiation")
            or _ABANDONED_BY.match(ctx.text, hit.end)
        )
    ):
        return []
    # a subject stands near its verb: an actor 80 characters before it is
    # usually part of some other phrase of a long clause
    every = list(subjects(hit, ctx))
    # (not the speakers or the subject a pronoun takes up: "X and Y said that
    # they ...", "Niger expelled ... It has since signed", nor
    # who joined others in it: "Trump joined Netanyahu ... in signing")
    clause = ctx.clause_start(hit.sentence, hit.start)
    joined = _JOINED_IN.search(ctx.text, clause, hit.start)
    found = [
        (a, r)
        for a, r in every
        if hit.start - a.end <= 80
        or r.startswith((SPEAKER, SUBJECT_BEFORE))
        or (joined and a.end <= joined.start())
    ]
    found = _with_listed_before(found, every, ctx)
    if hit.type == "ratified":
        found = [(a, r) for a, r in found if not _has_not_ratified(a, hit, ctx)]
    if ctx.text[hit.start : hit.end].lower().startswith("adopt"):
        # "the U.N. General Assembly adopted the treaty": its forum, no party
        found = [(a, r) for a, r in found if a.code not in ctx.lexicon.auspices]
    if hit.type in _ONE_PARTY_ACTS:
        found = first_group(found, ctx)  # "Russia suspended it after Ukraine ..."
    taken = _TAKEN_OUT.match(ctx.text, hit.end) if hit.type == "withdrawn" else None
    if taken:  # "a decree withdrawing Ghana from the treaty": Ghana withdrew
        found += [
            (a, "the state it takes out")
            for a in ctx.actors_in(taken.start(1), taken.end(1))
            if not a.weak
        ]
    followed = _FOLLOWED_BY.search(ctx.text, hit.end, hit.sentence.end)
    if followed and hit.type in ("signed", "ratified", "withdrawn"):
        # "The UAE and Bahrain signed the accords in 2020, followed by Morocco
        # and Sudan": they did so too
        found += [
            (a, "followed in it")
            for a in ctx.actors_in(followed.end(), hit.sentence.end)
            if not a.weak and a.start < _list_end(followed.end(), ctx)
        ]
    return found


_FOLLOWED_BY = re.compile(r",\s+(?:later\s+)?followed\s+by\s+(?:the\s+)?", re.I)


def _list_end(start: int, ctx: Context) -> int:
    """Where the list of actors starting at ``start`` ends."""
    end = start
    for a in ctx.actors_in(start, ctx.sentence_of(start).end):
        if a.start != end and not LISTED.fullmatch(ctx.text, end, a.start):
            break
        end = a.end
    return end


_TAKEN_OUT = re.compile(
    r"\s+((?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2})\s+from\b"
)
