"""What an event verb reports in its words: "a deal to implement", "talks aimed
at signing", "signed a two-year extension", "concluded a round of talks": the
words around a verb change what it reports, or make it report nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from diplograph.extract.clauses import VerbHit
from diplograph.extract.context import Context
from diplograph.extract.mentions import STATEMENTS, InstrumentMention
from diplograph.extract.text import words_between
from diplograph.model import Because, Event

_SIGNED_EVENT = re.compile(
    r"\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}(?:extension|renewal|"
    r"prolongation|ratification|instruments? of ratification)\b",
    re.I,
)

_EVENT_SIGNED = re.compile(
    r"\b(?:extension|renewal|prolongation)\s+(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:\w+ly\s+)?$",
    re.I,
)
_DONE_TO = re.compile(
    # "decision on Monday to suspend the treaty": the act itself
    r"(?:\b(?:decision|decided|decides|voted|votes|moved|moves)\s+"
    r"(?:(?:on\s+)?\w+day\s+|last\s+\w+\s+)?to"
    # "met on Monday in Accra to sign a trade agreement": they did
    r"|\b(?:met|gathered|convened)\s+(?:[\w,-]+\s+){0,8}?to"
    # "became the first African country to sign"
    r"|\b(?:became|becomes|become|is|was)\s+the\s+\w+\s+(?:[A-Z][\w-]*\s+){0,2}"
    r"(?:country|state|nation|member|signatory|party)\s+to)\s+(?:\w+ly\s+)?$",
    re.I,
)

AGREED_TO = re.compile(
    r"\bagreed\s+(?:(?:late\s+|early\s+)?on\s+\w+day\s+|\w+\s+)?to\s+$", re.I
)

_ITS_END = re.compile(
    # "Ghana's exit from the fisheries treaty with Togo takes effect on June 1"
    r"\b(?:withdrawal|exit|pullout|suspension|termination|denunciation)\s+"
    r"(?:(?:from|of)\s+(?:[\w'’-]+\s+){0,7}?)?(?:\w+\s+){0,2}$",
    re.I,
)

_DEAL_TO_EXTEND = re.compile(
    r"\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:agreement|deal|accord|understanding)\s+"
    r"to\s+(?:extend|renew|prolong)\b",
    re.I,
)

_PURPOSE = re.compile(
    r"\b(?:aimed\s+at|aiming\s+at|with\s+a\s+view\s+to|with\s+the\s+aim\s+of|"
    r"(?:was|were)\s+to\s+be|"
    # "clearing the way for its entry into force": not yet
    r"(?:clear|pav|open)\w*\s+the\s+way\s+(?:for|to)(?:\s+(?:its|their|the))?)\s+$",
    re.I,
)

_IN_PRINCIPLE = re.compile(
    r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:deal|agreement|accord|pact)s?\s+"
    r"in\s+principle\b",
    re.I,
)
_UNDONE = re.compile(
    r"\b(?:revok|rescind|withdr|cancel|annul|repeal)\w*\s+(?:its|their|the)\s+$", re.I
)
NOT_RENEWED = re.compile(
    r"(?<!neither )(?<!nor )\b(?:not\s+to|will\s+not|would\s+not|won't|wouldn't|"
    r"refused\s+to|declined\s+to|decided\s+against)\s+$",
    re.I,
)

_A_ROUND = re.compile(
    r"\s+(?:an?|the|their|its)\s+(?:[\w-]+\s+){0,2}?rounds?\s+of\s+(?:[\w-]+\s+)?"
    r"(?:talks|negotiations|consultations|discussions)\b",
    re.I,
)
_WHICH_BEGAN = re.compile(r"([\w-]+),?\s+(?:which|that)\s*$")


def retyped(hit: VerbHit, kind: str, ctx: Context) -> str | None:
    """The event type the verb reports in its context, or None for none at all."""
    text, lexicon = ctx.text, ctx.lexicon
    verb = text[hit.start : hit.end].lower()
    etype = hit.type
    before = words_between(text, hit.start - 60, hit.start)
    if (
        etype not in ("withdrawn", "terminated", "in_force", "negotiation")
        and re.search(r"\bto\s+(?:\w+ly\s+)?$", before)
        and not lexicon.failure_before.search(before[-25:])  # "failed to sign"
        and not _DONE_TO.search(before)
        and not (etype in ("extended", "suspended") and AGREED_TO.search(before))
        and not (etype == "extended" and NOT_RENEWED.search(before))
    ):
        return None  # "a deal to implement ...", "plans to ratify": not yet
    if _PURPOSE.search(before):
        return None  # "talks aimed at signing a peace treaty", "was to be signed"
    if etype == "ratified" and _UNDONE.search(before):
        return None  # "revoked its ratification": a withdrawal, read as one
    if (
        etype == "in_force"
        and re.match(r"re-?(?:stor|establish)|reviv|reinstat|reactivat", verb, re.I)
        and re.search(r"\bto\s+(?:\w+ly\s+)?$", before)  # "to fully restore"
    ):
        return None  # "agreed to restore ties", "to revive the pact": the agreement,
        # not the instrument in force
    if etype == "agreed" and _A_ROUND.match(text, hit.end):
        return "negotiation"  # "concluded a fourth round of negotiations": talks
    if etype == "agreed" and _DEAL_TO_EXTEND.match(text, hit.end):
        return "extended"  # "reached an agreement to extend the ceasefire"
    if etype == "in_force" and _ITS_END.search(before):
        return None  # "the withdrawal takes effect in six months": no entry into force
    if verb in ("began", "started"):
        noun = _WHICH_BEGAN.search(before)
        if noun is None or not lexicon.kind_pattern.fullmatch(noun.group(1)):
            return None  # "the truce, which began", not "negotiations that began"
    if etype in ("agreed", "signed") and _RENEWAL_OF.search(
        text, max(hit.sentence.start, hit.start - 100), hit.start
    ):
        return "extended"  # "The renewal of the pact was signed on Monday"
    if etype == "agreed" and kind in STATEMENTS and verb.startswith("agreed"):
        return "signed"  # "agreed a joint declaration": adopted it (GUIDELINES)
    return etype if etype != "signed" else _signed_as(hit, verb, kind, ctx)


def _signed_as(hit: VerbHit, verb: str, kind: str, ctx: Context) -> str | None:
    """What a signing verb reports: adopting a treaty text concludes it, signing
    a law ratifies, signing an extension extends."""
    text = ctx.text
    if verb in ("adopted", "issued", "released") and kind not in STATEMENTS:
        if _ADOPTED_ELSE.match(text, hit.end):
            return None  # "adopted the resolutions of last year's meeting"
        if verb != "adopted" or re.search(
            r"(?i)parliament|congress|senate|(?<!general )assembly|duma|legislature",
            text[max(hit.sentence.start, hit.start - 45) : hit.start],
        ):
            return None  # a parliament adopting it is its ratification
        return "agreed"  # adopting a treaty text concludes it
    if _SIGNED_EVENT.match(text, hit.end) or _EVENT_SIGNED.search(
        text, max(hit.sentence.start, hit.start - 50), hit.start
    ):
        # "signed a two-year extension", "The renewal was signed on Monday": the
        # extension is the event
        return None
    if _IN_PRINCIPLE.match(text, hit.end):
        return "agreed"  # "sealed an agreement in principle": agreed (GUIDELINES)
    after = text[hit.end : hit.end + 40]
    if (
        re.match(r"\s+(?:it\s+|the\s+\w+\s+)?into law", after)
        or _COMPLETING_RATIFICATION.match(text, hit.end, hit.sentence.end)
        or _RATIFICATION_LAW.match(text, hit.end)
    ):
        return "ratified"  # a leader signing the ratification law
    if re.match(
        r"\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:executive order|decree|bill|order|"
        r"law|legislation|resolution)\b",
        after,
    ):
        return None
    return "signed"


# "signed the laws on the ratification of the agreement": ratified it
_RATIFICATION_LAW = re.compile(
    r"\s+(?:the\s+|a\s+)?(?:laws?|bills?|decrees?|acts?|legislation)\s+"
    r"(?:on|for|of|approving)\s+(?:the\s+|its\s+)?ratif",
    re.I,
)
_ADOPTED_ELSE = re.compile(
    r"\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:resolutions?|"
    r"measures?|budgets?|laws?|bills?|decisions?|recommendations?|agenda|reports?|"
    r"minutes|rules|regulations|guidelines|policies|polic(?:y|ies)|stance|position)\b",
    re.I,
)
# "has signed the agreement, completing its ratification": the last step of it
_COMPLETING_RATIFICATION = re.compile(
    r"[^.;]{0,160}?,\s+(?:thus\s+|thereby\s+)?(?:completing|concluding|finali[sz]ing)"
    r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?ratification\b"
)


# the subject of the verb is a renewal: "The extension of the pact was agreed"
_RENEWAL_OF = re.compile(
    r"^\W*(?:The|Its|Their|A)\s+(?:[\w-]+\s+)?(?:renewal|extension|prolongation)\s+"
    r"of\b[^.;]*?(?:\b(?:was|were|has\s+been|had\s+been|is)\s+(?:\w+ly\s+)?)?$"
)


_PLANNED = re.compile(r"\b(?:planned|proposed|draft|envisaged|prospective|mooted)\b")


def never_made(mentions: list[InstrumentMention], events: list[Event]) -> bool:
    """Whether the instrument is told as planned, proposed or a draft, and no
    step that makes one is told of it."""
    made = ("signed", "ratified", "in_force", "implemented")
    return any(_PLANNED.search(m.modifiers) for m in mentions) and not any(
        e.type in made for e in events
    )


def as_failed(
    events: list[Event], because: list[Because]
) -> tuple[list[Event], list[Because]]:
    """The end of an instrument never made, told as its failure."""
    return (
        [replace(e, type="failed") if e.type == "terminated" else e for e in events],
        [replace(b, fact=b.fact.replace("event terminated", "event failed"))
         for b in because],
    )  # fmt: skip
