"""What an instrument concerns: the states or organizations it is about but
that are not its parties ("an intelligence pact on North Korea", "a truce in
Gaza", "a deal with Somaliland" concerns Somalia)."""

from __future__ import annotations

import re

from diplograph.extract.clauses import roles_in
from diplograph.extract.cluster import Cluster
from diplograph.extract.context import ACTS_AGAINST, Context
from diplograph.extract.lexicon import Lexicon
from diplograph.extract.mentions import InstrumentMention
from diplograph.extract.roles import Votes
from diplograph.extract.text import Sentence
from diplograph.model import Because

# "a truce in Gaza", "a peace deal for eastern Congo": the territory it covers
# "a truce in Gaza", "a ceasefire for eastern Ukraine" (not "a truce signed in
# Pretoria": where it was made)
_COVERS = re.compile(
    r"\s+(?:(?!(?:signed|agreed|reached|brokered|concluded|inked|mediated|hosted|"
    r"announced|struck)\b)[\w-]+\s+){0,2}?(?:in|for|over|across|covering)\s+"
    r"(?:the\s+)?"
    r"(?:(?:war-torn|(?:north|south)?(?:east|west)ern|northern|southern|central)\s+)?"
)


def concerns_of(cluster: Cluster, ctx: Context) -> Votes:
    """What the instrument is about: actors after "on", "against" in its sentences."""
    votes = Votes()
    seen: set[int] = set()
    for m in cluster.mentions:
        sentence = ctx.sentence_of(m.start)
        if sentence.index in seen:
            continue
        seen.add(sentence.index)
        roles = roles_in(ctx, sentence)
        for a in ctx.actors_in(sentence.start, sentence.end):
            # "to deter North Korean missile launches": a state's adjective right
            # after what the instrument does is what it is about
            if roles.get(a.start) == "concern" and (
                not a.weak
                or _ACTS_AGAINST.search(ctx.text, sentence.start, a.start)
                or _ISSUE.match(ctx.text, a.end)
            ):
                because = Because(
                    f"concerns {a.code}", "roles", "object of on/against/about",
                    ctx.span(a.start, a.end),
                )  # fmt: skip
                votes.add(a.code, 1, because)
            elif (
                (a.place or a.role in ("name", "alias"))  # "for northern Syria"
                and a.role not in ("capital", "seat")  # where it was signed
                and "ceasefire" in cluster.kinds
                and _COVERS.fullmatch(ctx.text, m.end, a.start)
            ):
                # "a truce in Gaza": what a ceasefire covers is what it concerns
                because = Because(
                    f"concerns {a.code}", "roles", "territory a ceasefire covers",
                    ctx.span(a.start, a.end),
                )  # fmt: skip
                votes.add(a.code, 1, because)
        _non_state(m, sentence, ctx, votes)
    return votes


# "on the North Korean threat": a state's adjective before what is at issue
_ISSUE = re.compile(
    r"\s+(?:nuclear\s+|missile\s+)?(?:threats?|programmes?|programs?|crisis|issue|"
    r"question|conflict|war|provocations?|ceasefire|truce)\b"
)
_ACTS_AGAINST = re.compile(rf"\b{ACTS_AGAINST}\s+(?:the\s+)?$", re.I)


# the other side of the instrument: "deal with Somaliland", "the US and the
# Taliban signed a deal", "a truce between the government and the Houthis"
_WITH_GROUP = re.compile(
    r"\s+(?:[\w'’()-]+\s+){0,4}?(?:with|between\s+[\w\s'’-]{1,40}?\s+and)"
    r"\s+(?:the\s+)?(?:(?:breakaway|separatist|rebel-held|self-declared|autonomous)"
    r"\s+(?:region|republic|territory|province|enclave)\s+of\s+(?:the\s+)?)?$"
)
_GROUP_BEFORE = re.compile(r"[^,;.]{0,60}")


def _non_state(
    m: InstrumentMention, sentence: Sentence, ctx: Context, votes: Votes
) -> None:
    """An instrument made with a group that can be no party concerns the state
    the group is in."""
    for pattern, code in ctx.lexicon.non_state:
        for found in pattern.finditer(ctx.text, sentence.start, sentence.end):
            if found.start() >= m.end:
                beside = _WITH_GROUP.fullmatch(ctx.text, m.end, found.start())
            else:
                beside = _GROUP_BEFORE.fullmatch(ctx.text, found.end(), m.start)
            if beside:
                rule = "made with a group in that state"
                votes.add(code, 1, Because(f"concerns {code}", "roles", rule,
                                           ctx.span(*found.span())))  # fmt: skip


# a side that can be no party: "the M23 rebel group", "paramilitary forces"
_GROUP = re.compile(
    r"\b(?:rebels?|rebel\s+(?:group|movement|alliance)|militants?|militias?|"
    r"insurgents?|armed\s+groups?|separatists?|guerrillas?|paramilitar(?:y|ies))\b",
    re.I,
)


def names_a_group(text: str, lexicon: Lexicon) -> bool:
    """Whether the words name an armed group or a group the lexicon knows."""
    return bool(_GROUP.search(text)) or any(
        pattern.search(text) for pattern, _ in lexicon.non_state
    )
