"""What an event verb acts on: "The EU will scrap tariffs", "suspended flights",
"a renewed trade pact", "talks on the agreement were suspended": the verb is
about something other than the instrument, so it reports no event on it and
makes no party of its subject. What it reports instead is :mod:`.retyped`'s.
"""

from __future__ import annotations

import re

from diplograph.extract.clauses import VerbHit
from diplograph.extract.context import Context

_TALKS_SUBJECT = re.compile(
    # not a time told before the subject: "During a visit ..., the two signed"
    r"^\W*(?!(?:during|after|at|before|following|on|in|amid|since|ahead)\b)"
    r"(?:the\s+)?(?:\w+\s+){0,2}(?:talks|negotiations|dialogue|meetings?|summit|"
    r"visit)\b",
    re.I,
)


# "..., the agreement was": the instrument, not a prepositional object, is subject
_TIME_BEFORE = re.compile(r"\b(?:after|during|following|before|since|amid)\s*$", re.I)
_TALKS_THEN = re.compile(
    r"\W*(?:the\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:talks|negotiations|meetings?|"
    r"summit|visit|dialogue)\s*,",
    re.I,
)
_INSTRUMENT_SUBJECT = re.compile(
    r"(?<!\bon )(?<!\bover )(?<!\babout )(?<!\bfor )(?<!\bof )(?:the|this|that|an?)\s+"
    r"(?:[\w-]+\s+){0,3}(?:agreement|treaty|deal|pact|accord|arrangement|"
    r"memorandum|mou|understanding|convention|protocol|declaration|statement|"
    r"ceasefire|truce|armistice)s?\s+(?:\w+\s+){0,2}$",
    re.I,
)


_ACTS_ON_OBJECT = frozenset({"suspended", "withdrawn", "terminated", "extended"})


_OBJECT = re.compile(
    r"\s+(?:(?:the|a|an|its|their|his|her|all|some|any|own|\w+ly)\s+)*"
    # a collective before the instruments: "scrapped a set of defence accords"
    r"(?:(?:set|series|package|raft|slew|number|pair|couple|string)\s+of\s+"
    r"(?:(?:the|its|their)\s+)?)?"
    # an amount between: "scrapped a $40 billion deal"
    r"(?:[$€£¥]?\d[\d.,]*(?:\s*(?:billion|million|trillion|bn|m))?\s+)?"
    r"([A-Za-z][\w'’-]*)"
)


# what may follow the verb when the instrument is not its object
_NOT_AN_OBJECT = frozenset(
    "from out of on in at by for to with after before over until till through as "
    "since and but or it them this that which who when while because participation "
    "membership implementation validity term terms duration application operation "
    "cooperation commitments obligations "
    # time, not an object: "expired last year", "extended earlier this month"
    "last next early late earlier later yesterday today recently ago once twice "
    "again starting beginning effective".split()
)


# a state taken out of what follows "from"
_STATE_FROM = re.compile(
    r"(?:country|nation|kingdom|state|republic|itself|themselves|(?-i:[A-Z])[\w.'’-]*"
    r"(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2})\s+(?:\w+ly\s+)?from\b",
    re.I,
)
_TAKING_PART = frozenset({"participation", "membership", "involvement"})
_TAKEN_PART_IN = re.compile(
    r"\s+(?:in|of|from)\s+(?:the|an?|its|their)\s+(?-i:[a-z])(?:[\w'’-]+\s+){0,3}[\w'’-]+",
)
_TIES = re.compile(
    r"\s+(?:(?:full|formal|diplomatic|bilateral)\s+)*(?:ties|relations)\b"
)
_ORDINAL = frozenset("last next first latest previous early late".split())


_WORKS_EXTENDED = re.compile(
    r"\s+of\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:pipelines?|lines?|"
    r"railways?|roads?|bridges?|ports?|airports?|highways?|networks?|grids?|"
    r"corridors?|canals?|tunnels?|runways?|terminals?)\b",
    re.I,
)
_PARTS = frozenset(
    "part parts provisions provision clauses clause sections section elements "
    "articles article chapters chapter annex annexes".split()
)


def _other_object(hit: VerbHit, ctx: Context) -> bool:
    """Whether the verb's object is something other than an instrument: "scrap
    tariffs", "withdraw troops", "extend the deadline"."""
    text = ctx.text
    at = hit.end
    if _WORKS_EXTENDED.match(text, hit.end):
        return True  # "the extension of a gas pipeline": of a work, no instrument
    if re.search(r"(?:al|als)$", text[hit.start : hit.end]):
        # "the withdrawal of troops": its object (not "a two-year extension of
        # the transitional government", which extends the peace agreement)
        of = re.match(r"\s+of\b", text[at : at + 5])
        if of is None:
            return False
        at += of.end()
    found = _OBJECT.match(text, at)
    if found is None or found.start(1) > at + 40:
        return False
    if _STATE_FROM.match(text, found.start(1)) and hit.type == "withdrawn":
        return False  # "withdrawing Ghana (the country) from the treaty"
    if re.match(r"\s+\w+\s+times\b", text[at : at + 30]):
        return False  # "was extended three times": how often, not what
    word = found.group(1)
    if word.lower() in _ORDINAL and re.match(r"\s+(?:the|its|their)\s", found.group()):
        # "ended the last war": an adjective, not a time ("expired last year")
        after = re.match(r"\s+([A-Za-z][\w'’-]*)", text[found.end(1) :])
        word = after.group(1) if after else word
    if any(
        a.start == found.start(1) and not a.weak and not _instrument_after(a.end, ctx)
        for a in ctx.actors_in(found.start(1), found.end(1))
    ):
        # "ECOWAS suspended Niger": a state, not an instrument (but "scrapped
        # the Lome Treaty" names one after a city)
        return True
    if word.lower() in _TAKING_PART:
        # "suspended its participation in the treaty" is the treaty's suspension;
        # in "a joint commission" (a common noun, no instrument's) it is not
        body = _TAKEN_PART_IN.match(text, found.end(1))
        return bool(body and not ctx.lexicon.kind_pattern.search(body.group()))
    if word.lower() in _NOT_AN_OBJECT or word[:1].isupper() or word[:1].isdigit():
        return False  # a preposition, a pronoun, a name ("suspended New START")
    # the object phrase, up to a preposition: "the 2015 Algiers peace accord",
    # "a bilateral, 45 billion euro ($50 billion) currency swap arrangement"
    phrase = re.match(
        r"\s+(?:(?!(?:with|from|of|on|in|to|for|by|over|after|under|at|as|against|between|"
        r"into|amid|despite|before|while|because)\b)[\w'’$€£.,()-]+\s+){0,8}"
        r"[\w-]+",
        text[found.start(1) - 1 : found.start(1) + 80],
    )
    if phrase and ctx.lexicon.kind_pattern.search(phrase.group()):
        return False  # "renewed a currency swap arrangement": the instrument
    return word.lower() not in _PARTS  # "suspended parts of the deal": the deal


def _instrument_after(position: int, ctx: Context) -> bool:
    """Whether an instrument's noun comes next: "that suspended (trade) deal",
    or a name goes on to one: "the Hungary-Poland Free Trade Pact"."""
    text = ctx.text
    # "denounced the OAS Charter": a name head after the actor ends the name
    heads = (p for p, _ in ctx.lexicon.name_heads)
    if ctx.lexicon.kind_pattern.match(text, position + 1) or any(
        p.match(text, position + 1) for p in heads
    ):
        return True
    gap = re.match(r"(?:[-–](?-i:[A-Z])\w*)*\s+", text[position : position + 40])
    if gap is None:
        return False
    at = position + gap.end()
    for n in range(4):
        if ctx.lexicon.kind_pattern.match(text, at):
            return True
        word = _WORD.match(text, at)
        # two words of any case ("free trade deal"), or the words of a name
        if word is None or (n > 1 and not word.group()[0].isupper()):
            return False
        at = word.end()
    return False


_WORD = re.compile(r"[\w-]+\s+")


_FROM_TALKS = re.compile(
    r"\s+(?:(?:of|from|on)\s+)?(?:the\s+)?"
    r"(?:(?!(?:after|before|during|following|amid|despite|in|at|since)\b)[\w-]+\s+){0,2}?"
    r"(?:talks|negotiations|dialogue|process|summit|meeting)\b"
)


def acts_on_instrument(hit: VerbHit, ctx: Context) -> bool:
    """Whether the verb is about the instrument at all, happened or not: not
    "scrapped tariffs", "a renewed pact", "talks were suspended". Only such
    verbs make their subjects parties."""
    return not about_something_else(hit, hit.type, ctx)


def about_something_else(hit: VerbHit, etype: str, ctx: Context) -> bool:
    text, sentence = ctx.text, hit.sentence
    verb = text[hit.start : hit.end]
    clause = text[ctx.clause_start(sentence, hit.start) : hit.start]
    determiner = re.search(
        r"\b(a|an|the|its|their|this|that)\s+(?:newly\s+)?$",
        text[max(0, hit.start - 12) : hit.start],
    )
    if (
        verb.lower().endswith("ed")
        and etype != "negotiation"  # "a long-negotiated pact" was negotiated
        and determiner
        # "a protocol that expired": "that" opens a clause unless a noun follows
        and (determiner.group(1) != "that" or _instrument_after(hit.end, ctx))
    ):
        return True  # "a renewed trade pact", "the suspended deal": an adjective
    if (
        etype in _ACTS_ON_OBJECT
        or (etype == "implemented" and re.fullmatch(r"implement\w*", verb, re.I))
        or (etype == "agreed" and re.fullmatch(r"finali[sz]ed", verb, re.I))
        # "reopened embassies and restored flights": the flights are back (restored
        # ties are a normalization in force)
        or (
            etype == "in_force"
            and re.fullmatch(r"restored?|restoring", verb, re.I)
            and not _TIES.match(text, hit.end)
        )
    ) and _other_object(hit, ctx):
        return True  # "the EU will scrap tariffs", "finalized its withdrawal"
    if re.search(r"\bever\s+$", text[max(0, hit.start - 8) : hit.start]):
        return True  # "the largest deal each side has ever finalised": a measure
    if re.search(
        r"\banniversary of (?:the\s+)?$", text[max(0, hit.start - 30) : hit.start]
    ):
        return True  # "the 20th anniversary of the signing": it was signed then
    opened = ctx.clause_start(sentence, hit.start)
    if (
        etype not in ("negotiation", "failed")
        and _TALKS_SUBJECT.search(clause)
        and not _INSTRUMENT_SUBJECT.search(clause)
        # "After the talks, the two leaders witnessed the signing": a time
        # (not "after talks resumed following a suspension": the talks')
        and not (
            _TIME_BEFORE.search(text, max(0, opened - 12), opened)
            and _TALKS_THEN.match(clause)
        )
    ):
        # "talks on the agreement were suspended": the talks were; but talks
        # that collapsed on it failed it (GUIDELINES)
        return True
    if etype in _ACTS_ON_OBJECT and _FROM_TALKS.match(text, hit.end):
        return True  # "India pulled out of the negotiations": not out of the pact
    return bool(
        text[hit.end : hit.end + 1] == " "
        and not verb.lower().endswith("ed")  # "signed memorandums on health"
        and ctx.lexicon.kind_pattern.match(text, hit.end + 1)
    )  # "the withdrawal agreement", "an extension deal": a name


# what a domestic law can do to an instrument: "a law ratifying the treaty",
# "a bill suspending the agreement", "a decree withdrawing from the pact"
LAW_ACTS = frozenset({"ratified", "suspended", "withdrawn", "terminated", "extended"})


def law_acts(words: str, ctx: Context, *, but: str = "") -> bool:
    """Whether ``words`` tell one of :data:`LAW_ACTS` other than ``but``."""
    return any(
        etype in LAW_ACTS and etype != but and pattern.search(words)
        for pattern, etype in ctx.lexicon.event_patterns
    )
