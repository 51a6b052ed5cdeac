"""Which instrument mentions are one instrument.

Mentions are one instrument only when they name the same thing: the same
proper name or acronym, the same year label ("the 2015 deal"), or a definite
back-reference ("the deal", "this pact", "it") to the nearest compatible
instrument before it. An indefinite mention ("signed an agreement", "a 2001
protocol") starts an instrument of its own, except in apposition ("the deal, a
landmark agreement"), as a predicate ("it is a framework agreement") or in one
noun phrase ("a ceasefire deal"). Sharing a sentence, a paragraph or a country
is never enough.
"""

from __future__ import annotations

import re

from diplograph.extract.about import qualifier
from diplograph.extract.apart import (
    aside,
    before_in_sentence,
    fits,
    headline_target,
    joined_by_and,
    other_owners,
    other_partner,
    other_signers,
    other_subject,
    others_like_it,
    same_year,
    told_as_another,
)
from diplograph.extract.attached import complement_of
from diplograph.extract.cluster import Cluster, compounded, first_such, told_lately
from diplograph.extract.context import Context
from diplograph.extract.determiners import content_words
from diplograph.extract.mentions import InstrumentMention
from diplograph.extract.names import in_title, named_in_short, named_under_auspices
from diplograph.extract.pronouns import (
    add_pronouns,
    join_known_as,
    share_plural_references,
)
from diplograph.extract.sets import (
    generic_item,
    list_goes_on,
    list_item,
    one_of_set,
    one_of_them,
    some_of,
)
from diplograph.extract.text import words_between
from diplograph.extract.years import made_when_told, new_for_old, other_year


def group_mentions(mentions: list[InstrumentMention], ctx: Context) -> list[Cluster]:
    """One cluster per instrument, in order of first mention."""
    clusters: list[Cluster] = []
    by_key: dict[str, Cluster] = {}
    # a headline ("Ukraine, Russia Sign Grain Deal") tells what the body tells
    # again: its unnamed mentions join the body's instruments, read after them
    titles = [
        m
        for m in mentions
        if not m.key and in_title(m.start, ctx) and not list_item(m, ctx)
    ]
    body = [m for m in mentions if m not in titles]
    for m in body:
        target = _antecedent(m, clusters, by_key, ctx)
        if target is None:
            target = Cluster()
            clusters.append(target)
        target.add(m)
        if m.key:
            by_key.setdefault(m.key, target)
    for m in titles:
        target = headline_target(m, clusters, ctx)
        if target is None:
            target = Cluster()
            clusters.append(target)
        target.add(m, first=True)
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    join_known_as(clusters, ctx)
    add_pronouns(clusters, ctx)
    share_plural_references(clusters, ctx)
    return clusters


def _antecedent(
    m: InstrumentMention,
    clusters: list[Cluster],
    by_key: dict[str, Cluster],
    ctx: Context,
) -> Cluster | None:
    if (not m.determiner or m.indefinite) and list_item(m, ctx):
        # "- MoU on ICT training": each item of a list is its own
        return by_key.get(m.key) if m.key and not generic_item(m) else None
    if not m.key and (compound := compounded(m, clusters, ctx.text)):
        return compound
    if m.key:
        keyed = by_key.get(m.key)
        if keyed is not None and generic_item(m) and other_subject(m, keyed, ctx):
            # "a Memorandum of Understanding (MoU) on defence ... the MoU on
            # cultural cooperation": the kind's own words name no one instrument
            keyed = None
        return (
            keyed
            or by_key.get(named_under_auspices(m.key, by_key, ctx.lexicon.auspices))
            or by_key.get(named_in_short(m.key, by_key))
            or _apposed(m, clusters, ctx)
            or _named_later(m, clusters, ctx)
        )
    if m.year_label:
        return _year_told(m, m.year_label, clusters, ctx)
    if m.kind == "normalization":
        return next((c for c in clusters if "normalization" in c.kinds), None)
    apposed = _apposed(m, clusters, ctx) or first_such(m, clusters, ctx)
    if apposed is not None:
        return apposed
    if _one_more(m, ctx):
        return None
    if m.indefinite or _described_as_ones_own(m) or others_like_it(m):
        return _described_alike(m, clusters, ctx)
    # a back-reference takes up one of the instruments told about lately
    recent = told_lately(clusters)
    candidates = [c for c in recent if _can_take_up(m, c, ctx)]
    if not candidates:
        return None
    order = {id(c): i for i, c in enumerate(clusters)}
    last = {id(c): c.mentions[-1].start for c in candidates}
    about = qualifier(m, ctx)
    words = content_words(m.modifiers)
    return max(
        candidates,
        key=lambda c: (
            bool(about & set().union(*(qualifier(x, ctx) for x in c.mentions[-10:]))),
            # "the reciprocal access agreement": the one told in those words
            bool(words)
            and any(content_words(x.modifiers) == words for x in c.mentions),
            bool(m.kind and m.kind in c.kinds),
            # "... under a 2012 agreement. Bolivia stayed out of that accord":
            # "that" points at the one told last, in the news or not
            m.determiner == "that" or not c.background,
            last[id(c)],
            -order[id(c)],
        ),
    )


def _year_told(
    m: InstrumentMention, year: str, clusters: list[Cluster], ctx: Context
) -> Cluster | None:
    """The instrument a mention labelled with ``year`` takes up: told so in an
    apposition ("the Volta Compact, a 2010 agreement"), told with that year
    before, or made before the news."""
    return (
        _apposed(m, clusters, ctx)
        or next(
            (c for c in clusters if same_year(c.year_label, year) and fits(m, c, ctx)),
            None,
        )
        or next(
            (c for c in clusters if _signed_in(c, year[:4], ctx) and fits(m, c, ctx)),
            None,
        )
        or _made_before(m, year, clusters, ctx)
    )


def _signed_in(c: Cluster, year: str, ctx: Context) -> bool:
    """ "the Joint Security Agreement signed on March 19, 2023 ... the 2023 pact":
    told signed that year right after a mention."""
    told = re.compile(rf"[^.;]{{0,40}}?\bsigned\s+(?:on|in)\s+[^.;]{{0,20}}?\b{year}\b")
    return any(told.match(ctx.text, x.end) for x in c.mentions)


def _made_before(
    m: InstrumentMention, year: str, clusters: list[Cluster], ctx: Context
) -> Cluster | None:
    """ "Ghana quit its fisheries pact with Togo on Monday. The 2019 pact ...":
    a definite mention with a year takes up the unnamed instrument told lately
    with no year, when the news made none (no sentence of it signs or agrees)."""
    if m.determiner not in ("the", "this", "that", "its", "their"):
        return None
    if int(year[:4]) > ctx.article.published.year:
        return None
    for c in reversed(told_lately(clusters)):
        if c.key is not None and c.year_label is None and not _told_a_year(c, m, ctx):
            # "left the Intermediate-Range Nuclear Forces Treaty ... violating
            # the 1987 pact": a name told with no year of its own
            return c if _can_take_up(m, c, ctx) else None
        if c.key is None and c.year_label is None and not c.background:
            if made_when_told(c, ctx) or not _can_take_up(m, c, ctx):
                return None
            return c
    return None


def _told_a_year(c: Cluster, m: InstrumentMention, ctx: Context) -> bool:
    """Whether a sentence naming ``c`` (not that of ``m``) tells a year."""
    own = ctx.sentence_of(m.start)
    return any(
        _A_YEAR.search(sentence.text)
        for sentence in {ctx.sentence_of(x.start) for x in c.mentions} - {own}
    )


_A_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _one_more(m: InstrumentMention, ctx: Context) -> bool:
    """ "and another with Australia", "also signed agreements on rice trade",
    "They include agreements on extradition, ...": instruments besides those
    told, or some of them, never all of them."""
    return m.determiner == "another" or (
        m.plural and not m.determiner and (told_as_another(m, ctx) or some_of(m, ctx))
    )


def _can_take_up(m: InstrumentMention, c: Cluster, ctx: Context) -> bool:
    """Whether the back-reference ``m`` can be the instrument ``c``: it fits,
    and nothing in the text tells them apart."""
    return (
        fits(m, c, ctx)
        and not other_signers(m, c, ctx)
        and not other_owners(m, c, ctx)
        and not other_partner(m, c, ctx)
        and not (told_as_another(m, ctx) and before_in_sentence(c, m, ctx))
        and not new_for_old(m, c, ctx)
        and not one_of_set(m, c, ctx)
        # "They include agreements on ... Akufo said the agreements": all, not some
        and not (m.determiner and some_of(c.mentions[0], ctx))
        and not other_subject(m, c, ctx)
        and not other_year(m, c, ctx)
        and not aside(m, c)
        and not complement_of(m, c, ctx)
        # "signed seven agreements ... the agreement": not the set
        and (m.plural or any(not x.plural for x in c.mentions))
        # "agreements on trade were adopted": a bare plural is no named one
        and not (m.plural and not m.determiner and c.key)
    )


def _described_as_ones_own(m: InstrumentMention) -> bool:
    """ "unlike its 2017 treaty with Australia", "its own defence pact": one
    state's instrument, described, is another than the one in the news, as an
    indefinite mention would be (a bare "its treaty" still takes one up)."""
    return m.determiner == "its" and len(m.modifiers.split()) > 1


def _described_alike(
    m: InstrumentMention, clusters: list[Cluster], ctx: Context
) -> Cluster | None:
    """ "signed a reciprocal agreement ... witnessed the signing of a reciprocal
    agreement", "a landmark agreement on civil nuclear cooperation ... by signing
    an inter-governmental agreement on civil nuclear cooperation": an indefinite
    mention told again in the same words, with no other signers, is the
    instrument told before."""
    words = content_words(m.modifiers)
    about = qualifier(m, ctx)
    if not (words or about):
        return None
    recent = told_lately(clusters)
    for c in reversed(recent):
        if any(
            x.kind == m.kind
            and (
                (words and content_words(x.modifiers) == words)
                or len(about & qualifier(x, ctx)) >= min(2, len(about) or 9)
            )
            for x in c.mentions
        ):
            if (
                fits(m, c, ctx)
                and not other_signers(m, c, ctx, least=1)
                and not other_partner(m, c, ctx)  # "also signed one with Bolivia"
            ):
                return c
            return None
    return None


def _named_later(
    m: InstrumentMention, clusters: list[Cluster], ctx: Context
) -> Cluster | None:
    """ "signed a free trade agreement ... The Chile-Korea FTA will ...": a proper
    name given right after an unnamed instrument names it, unless the words set
    it apart ("replaces the NAFTA") or it carries a year of its own."""
    if m.indefinite or not clusters:
        return None
    # "the September 2018 peace agreement ... the 2018 Revitalised ..."
    if m.year_label:
        return next(
            (
                c
                for c in clusters
                if c.key is None
                and same_year(c.year_label, m.year_label)
                and fits(m, c, ctx)
            ),
            None,
        )
    lead = m.lead  # "under the US-brokered Abraham Accords"
    if any(
        ctx.lexicon.apart_before.search(words_between(ctx.text, at - 40, at))
        for at in (m.start, lead)
    ):
        return None
    dubbed = _DUBBED.search(ctx.text, max(0, m.start - 60), m.start)
    if dubbed and not ctx.lexicon.kind_pattern.fullmatch(dubbed.group(1)):
        return None  # "The partnership, dubbed AUKUS": it names the partnership
    unnamed = [
        c
        for c in clusters
        if c.key is None and not c.background and not c.mentions[0].compared
    ]
    index = ctx.sentence_of(m.start).index
    for c in reversed(unnamed):
        last = c.mentions[-1]
        near = index - ctx.sentence_of(last.start).index <= 1
        if joined_by_and(last, m, ctx):
            break  # "upgrade their FTA and signed the Downing Street Accord": two
        if (
            near
            and fits(m, c, ctx)
            and not other_signers(m, c, ctx, least=1)
            and not other_year(m, c, ctx)
            # "two agreements: the Strategic Partnership Agreement and ...": no set
            and (m.plural or any(not x.plural for x in c.mentions))
        ):
            return c
        break
    return None


_DUBBED = re.compile(r"([\w-]+),?\s+(?:dubbed|called|named|known\s+as)\s+(?:the\s+)?$")


# "signed an agreement ... to use its port, a deal that Somalia called ...": an
# apposition closing the sentence sums up what it told
_SUMS_UP = re.compile(
    r"\s+(?:that|which)\b|\s+(?:(?-i:[A-Z])[\w'’-]+\s+){1,3}(?:called|described|"
    r"dubbed|termed|denounced|hailed|rejected|condemned)\b"
)


_AS_CLAUSE = re.compile(r"^,?\s*as\s|\bas\s+(?:an?|the)\s", re.I)
# a verb after the noun phrase: "as a ceasefire in the north collapsed"
_VERB_NEXT = re.compile(
    r"(?:\s+(?!(?:and|or|but)\b)[\w'’-]+){0,5}?\s+(?:\w+ed|was|were|is|are|has|have|"
    r"had|will|would|broke|began|took|fell|came|went)\b"
)


def _apposed(
    m: InstrumentMention, clusters: list[Cluster], ctx: Context
) -> Cluster | None:
    """ "the deal, a landmark agreement", "it is a framework agreement", "the
    protocol [the Paris Agreement]"."""
    if not clusters or not (m.determiner or m.key):
        return None
    previous = max((c for c in clusters), key=lambda c: max(x.end for x in c.mentions))
    gap_start = max(x.end for x in previous.mentions)
    if m.key and re.fullmatch(
        r"\s*[(\[]\s*(?:or\s+|also\s+)?", ctx.text[gap_start : m.start]
    ):
        return previous  # "the ASEAN Declaration (Bangkok Declaration)": an alias
    before = ctx.text[max(0, m.start - 80) : m.start]
    introduced = re.search(
        r"(?:,\s*(?:in\s+|under\s+)?|[\[(]\s*|"
        r"\b(?:is|was|be|been|as|called|dubbed|described as)\s+)"
        r"(?:an?|the)\s+(?:[\w-]+\s+){0,4}$",
        before,
    )
    if (
        not introduced
        # "a pact, an energy deal and a memorandum": the last item of a list
        or re.search(r"\b(?:and|or)\s+(?:an?|the)\s", introduced.group())
        or _AS_CLAUSE.search(introduced.group())
        and _VERB_NEXT.match(ctx.text, m.end)
    ):
        return None  # "..., as a ceasefire in the north collapsed": a clause
    summing_up = m.indefinite and _SUMS_UP.match(ctx.text, m.end)
    reach = 160 if summing_up else 80  # "..., a deal Somalia called void"
    if m.start - gap_start > reach or re.search(r"[.;]", ctx.text[gap_start : m.start]):
        return None
    if list_goes_on(m, ctx):
        return None  # "including a memorandum on A, an agreement on B and a ..."
    comma = ctx.text.find(",", gap_start, m.start)
    if comma - gap_start > 30 and not summing_up:
        # "the deal with Peru, a landmark agreement", not "signed the Hanoi
        # Accord at a ceremony on Monday, a memorandum ..." nor "was signed in
        # 2006 in Bali and subsequently, the Protocol ...": an apposition
        # stands next to what it describes
        return None
    if new_for_old(m, previous, ctx) or one_of_them(m, previous, ctx):
        return None
    return previous if fits(m, previous, ctx, apposition=True) else None
