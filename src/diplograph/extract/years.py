"""When a mention says its instrument was made: a year of its own sets it apart
from the unnamed instrument in the news ("the nuclear deal that Iran signed in
2015"), unless it tells that instrument's own beginnings ("The deal, first
agreed in 2019"). Read by :mod:`.coref`. A year that labels an instrument ("the
2015 deal") is no date of an event: read by :mod:`.when`.
"""

from __future__ import annotations

import re

from diplograph.extract.cluster import Cluster
from diplograph.extract.context import Context
from diplograph.extract.dates import DateMention
from diplograph.extract.determiners import content_words
from diplograph.extract.mentions import InstrumentMention
from diplograph.extract.text import outside

# "the nuclear deal that Iran signed with world powers in 2015", "the pact,
# signed in 2016,": the year a back-reference's own clause gives it
_SIGNED_IN = re.compile(
    r"\s*,?\s+(?:(?:that|which)?\s*(?:[\w.-]+\s+){0,5}?(?P<verb>signed|agreed|"
    r"reached|concluded|struck|inked|sealed)\s+(?:[\w.-]+\s+){0,5}?"
    # a name's own subject: "the Lombok Treaty on security cooperation in 2006"
    r"|(?:on|for|with|between|of)\s+(?:[\w.-]+\s+){0,5}?)?"
    # "signed in Santiago on November 29, 2016": the day's year
    r"(?:in|on\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+),?)\s+"
    r"(?P<year>(?:1[89]|20)\d\d)\b"
)


# "The deal, first agreed in 2019", "the original pact, concluded in 2009": when
# the instrument in the news began
_FIRST_MADE = re.compile(
    r"\b(?:first|originally|initially)\s+(?:signed|agreed|reached|concluded|struck|"
    r"inked|sealed)\b",
    re.I,
)
_ORIGINAL = re.compile(r"\b(?:original|initial|first)\b", re.I)
_NAME_SIGNED = re.compile(
    r"\s+(?:was|were)\s+(?:\w+\s+){0,2}?(?P<verb>signed|agreed|concluded|adopted|"
    r"reached)\b[^.;]{0,60}?\b(?P<year>(?:1[89]|20)\d\d)\b"
)


def other_year(m: InstrumentMention, c: Cluster, ctx: Context) -> bool:
    """ "a 25-year cooperation pact ... the nuclear deal that Iran signed in
    2015", "pulled out of the Trans-Pacific Partnership in 2017": a year of its
    own that no sentence of the unnamed instrument ``c`` gives makes ``m``
    another instrument."""
    if c.key and not c.key.startswith("name:"):
        return False  # the lexicon's instruments' years are known
    sentence = ctx.sentence_of(m.start)
    told = _SIGNED_IN.match(ctx.text, m.end, sentence.end)
    if told is None and m.key:  # "The PDI MoU was signed ... on May 13, 2006"
        told = _NAME_SIGNED.match(ctx.text, m.end, sentence.end)
    if told is not None and not m.key and not told.group("verb"):
        told = None  # "talks on the deal in 2025": the year of the talks
    if (
        told is not None
        and not (m.indefinite or m.key)
        and (_FIRST_MADE.search(told.group()) or _ORIGINAL.search(m.modifiers))
    ):
        return False  # "The deal, first agreed in 2019": its own beginnings
    if told is None or ctx.lexicon.kind_pattern.search(ctx.text, m.end, told.end()):
        return False
    year = told.group("year")
    if not made_when_told(c, ctx) and content_words(m.modifiers) <= set().union(
        *(content_words(x.modifiers) for x in c.mentions)
    ):
        # "Ghana quit its investment treaty with Togo on Monday. The treaty was
        # signed in 2009": when it was made, told of an instrument in the news
        return False
    # "signed a power agreement on Monday, updating the protocol signed in 1996":
    # the year is the protocol's own, not told of the agreement
    own = (m.start, told.end())
    recent = [ctx.sentence_of(x.start) for x in c.mentions[-10:]]
    told_of_c = (outside(sentence, own, ctx.text) for sentence in recent)
    return not any(year in words for words in told_of_c) and year != c.year_label


def made_when_told(c: Cluster, ctx: Context) -> bool:
    """Whether a sentence naming ``c`` tells it signed or agreed."""
    sentences = {ctx.sentence_of(x.start) for x in c.mentions[-10:]}
    return any(
        etype in ("signed", "agreed") for s in sentences for etype, _, _ in ctx.verbs(s)
    )


# the words that may stand between a year label and its noun: "the 2015
# nuclear deal", "the 1972 Anti-Ballistic Missile (ABM) treaty", not "withdrew
# in 2018 from the deal" ("and" within the words, never first)
_YEAR_LABEL_AFTER = re.compile(
    r"(?:'s)?\s+(?:(?!(?:from|with|to|by|under|of|on|in|into|after|since|for|and|"
    r"the|a|an)\b)[\w-]+\s+(?:(?:and\s+)?(?!(?:from|with|to|by|under|of|on|in|"
    r"into|after|since|for|and|the|a|an)\b)(?:[\w-]+|\([\w.-]+\))\s+){0,3})?"
)


# "of 2012" right after an instrument's noun (the date mention may hold the "of")
_OF_BEFORE = re.compile(r"\s+of\s+$")


def _of_an_instrument(d: DateMention, ctx: Context) -> bool:
    """ "the Special Status Agreement of 2012": the year names the instrument."""
    text = ctx.text
    year = d.start + 3 if text.startswith("of ", d.start) else d.start
    of = _OF_BEFORE.search(text, max(0, year - 8), year)
    if of is None:
        return False
    kinds = ctx.lexicon.kind_pattern.finditer(text, max(0, of.start() - 60), of.start())
    return any(k.end() == of.start() for k in kinds)


def year_label(d: DateMention, ctx: Context) -> bool:
    """ "the 2015 deal", "the 2012 memorandum", "the 2018 peace accord": a year
    that labels an instrument (of any kind the lexicon knows), not the date of
    an event."""
    if d.kind != "year":
        return False
    if _of_an_instrument(d, ctx):
        return True
    after = _YEAR_LABEL_AFTER.match(ctx.text, d.end)
    if after is None:
        return False
    starts = [d.end + gap.end() for gap in re.finditer(r"\s+", after.group())]
    return any(ctx.lexicon.kind_pattern.match(ctx.text, at) for at in starts)


def new_for_old(m: InstrumentMention, c: Cluster, ctx: Context) -> bool:
    """ "their 1944 water treaty ... the new arrangement", "Unlike its 2017
    treaty with Peru, the new pact": a new one is not one told as of another
    time or labelled with a year before the article's."""
    return bool(re.search(r"\bnew\b", m.modifiers)) and (
        c.background
        or bool(c.year_label and int(c.year_label[:4]) < ctx.article.published.year)
    )


# "similar agreements in 2014, 2015 and 2017", "truces signed in 2019 and 2021"
_YEAR_LIST = re.compile(
    r"\s+(?:(?:signed|reached|agreed|concluded)\s+)?in\s+((?:1[89]|20)\d\d"
    r"(?:\s*,\s*(?:1[89]|20)\d\d)*\s*,?\s+and\s+(?:1[89]|20)\d\d)\b"
)


def listed_years(cluster: Cluster, ctx: Context) -> list[str]:
    """The years a plural mention lists as its members' ("similar agreements
    in 2014, 2015 and 2017"): one instrument each, made that year."""
    for m in cluster.mentions:
        found = _YEAR_LIST.match(ctx.text, m.end) if m.plural else None
        if found:
            return re.findall(r"\d{4}", found.group(1))
    return []
