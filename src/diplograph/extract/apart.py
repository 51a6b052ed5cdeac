"""What tells two mentions apart as two instruments: signers, owners or a
partner the instrument never named ("the EU's deal with Mercosur"), or another
subject ("the energy deal ... the fisheries agreement"); and whether a mention's
words can take up an instrument at all (:func:`fits`: its kind, year label,
"interim" or "new"). Read by :mod:`.coref`.
"""

from __future__ import annotations

import re

from diplograph.extract.about import qualifier_text
from diplograph.extract.clauses import roles_in
from diplograph.extract.cluster import Cluster
from diplograph.extract.context import Context
from diplograph.extract.determiners import content_words, introduces
from diplograph.extract.lexicon import Lexicon
from diplograph.extract.mentions import STATEMENTS, InstrumentMention
from diplograph.extract.names import MODIFIER
from diplograph.extract.references import own_partners, partners_after
from diplograph.extract.text import words_between

_SIGNING = re.compile(r"\b(?:signed|inked|concluded|sealed)\b")
# a named instrument is also set apart by its own ratifiers ("Chile ratified the
# Tromsø Treaty"); an unnamed "the pact" may be ratified by new states any time
_ACTING = re.compile(
    r"\b(?:signed|inked|concluded|ratif\w*|acced\w*|accession|sealed|withdr\w*)\b"
)


_ALSO_BY = re.compile(r"\balso\s+(?:signed|joined|endorsed|backed)\s+by\b", re.I)


def other_signers(
    m: InstrumentMention, c: Cluster, ctx: Context, *, least: int = 2
) -> bool:
    """ "The phase-two deal was signed by India and Bhutan": signers the instrument
    ``c`` never named make ``m`` another instrument."""
    sentence = ctx.sentence_of(m.start)
    if not (_ACTING if least == 1 else _SIGNING).search(sentence.text):
        return False
    if m.plural and c.name and c.name.split()[-1].lower() == m.text.lower():
        return False  # "the Abraham Accords ... signed the accords": a series
    if _ALSO_BY.search(sentence.text):
        return False  # "the memorandum, also signed by Qatar": more signers
    if _signed_by_no_one_named(m, ctx):
        return False  # "The agreement, signed in Rio in 2025, cuts tariffs ..."
    signers = _standing_codes(sentence.index, ctx)
    named = _named_with(c, ctx, besides=sentence.index)
    return len(signers) >= least and bool(named) and not signers & named


def _signed_by_no_one_named(m: InstrumentMention, ctx: Context) -> bool:
    """ "The agreement, signed in Rio in September, eliminates tariffs between
    ... and Norway": a participle after the mention names no signer, so the
    states the sentence names are no other signers."""
    after = _PARTICIPLE.match(ctx.text, m.end)
    sentence = ctx.sentence_of(m.start)
    rest = ctx.text[m.end : sentence.end]
    return (
        after is not None
        and len(_SIGNING.findall(rest)) == 1
        and not re.match(r"[^.;]{0,60}?\bby\b", ctx.text[after.end() : sentence.end])
    )


_PARTICIPLE = re.compile(r"\s*,?\s*(?:\w+\s+)?(?:signed|inked|concluded|sealed)\b")


def _standing_codes(index: int, ctx: Context) -> set[str]:
    key = ("standing", index)
    if key not in ctx.memo:
        sentence = ctx.sentences[index]
        roles = roles_in(ctx, sentence)  # no mediator or name signs anything
        ctx.memo[key] = {
            a.code
            for a in ctx.standing(sentence.start, sentence.end)
            if roles.get(a.start) not in ("broker", "name")
        }
    return ctx.memo[key]  # type: ignore[no-any-return]


def _named_with(c: Cluster, ctx: Context, *, besides: int = -1) -> set[str]:
    """The states named in the sentences of ``c``'s last ten mentions (but the
    sentence ``besides``)."""
    named: set[str] = set()
    for index in {ctx.sentence_of(other.start).index for other in c.mentions[-10:]}:
        if index != besides:
            named |= _standing_codes(index, ctx)
    return named


def other_partner(m: InstrumentMention, c: Cluster, ctx: Context) -> bool:
    """ "the EU's deal with Mercosur", "the Agreement between India and
    Mauritius": a partner the instrument ``c`` never named makes ``m`` another
    instrument."""
    own = own_partners(ctx, m)
    if own and any(
        (theirs := own_partners(ctx, x)) and not own & theirs for x in c.mentions
    ):
        return True  # "the agreement with Uganda ... the Rwanda deal"
    partners = partners_after(ctx, m)
    if not partners:
        return False
    named = _named_with(c, ctx)
    return bool(named) and any(
        a.code not in named for a in ctx.actors if a.start in partners
    )


# "the European Union's deal", "the EU, whose deal": who holds the instrument
# (not "Somalia's government said the deal": the determiner opens the deal's phrase)
_HELD_BY = re.compile(
    r"(?:['’]s|,\s+whose)\s+(?:(?!(?:the|a|an|this|that)\s)[\w-]+\s+){0,3}"
)


def other_owners(m: InstrumentMention, c: Cluster, ctx: Context) -> bool:
    """ "days after Japan and Australia upgraded their security pact", "the
    European Union's deal": owners the instrument ``c`` never named make "their
    pact" another instrument."""
    sentence = ctx.sentence_of(m.start)
    if m.determiner in ("their", "its"):
        start = ctx.clause_start(sentence, m.start)
        owners = {a.code for a in ctx.standing(start, m.start)}
    else:
        owners = {
            a.code
            for a in ctx.standing(max(sentence.start, m.start - 80), m.start)
            if _HELD_BY.fullmatch(ctx.text, a.end, m.start)
            # "the ECOWAS protocol": the words before the noun give it to them
            # (not "the US-brokered deal": who brokered it)
            or (a.start >= m.lead and not MODIFIER.match(ctx.text, a.end))
        }
    named: set[str] = set()
    for other in c.mentions[-10:]:
        s = ctx.sentence_of(other.start)
        start = ctx.clause_start(s, other.start)
        named.update(a.code for a in ctx.standing(start, min(s.end, other.end + 60)))
    return bool(owners) and bool(named) and not owners <= named


def other_subject(m: InstrumentMention, c: Cluster, ctx: Context) -> bool:
    """ "the energy deal ... the fisheries agreement": instruments named by
    different subjects are different instruments."""
    own = _told_subject(m, ctx)
    if not own:
        return False
    if c.name and not m.key:
        # "their free trade agreement" is not "the Downing Street Accord": a
        # name takes up a subject it is about, by its words or as the lexicon
        # knows it ("the nuclear deal" for the JCPOA)
        named = ctx.lexicon.topics_in(c.name)
        named.update(
            t for i in ctx.lexicon.instruments if i.id == c.key for t in i.topics
        )
        return not (own & named)
    theirs = [t for x in c.mentions if (t := _told_subject(x, ctx))]
    return bool(theirs) and all(not (own & t) for t in theirs)


def _told_subject(m: InstrumentMention, ctx: Context) -> set[str]:
    """The topics the words around a mention's noun give it, read with the noun
    ("the tax agreement": finance, as "tax agreement" is a keyword; "the MoU on
    cultural cooperation")."""
    after = qualifier_text(m, ctx)
    if not m.modifiers and not after:
        return set()
    return ctx.lexicon.topics_in(" ".join(f"{m.modifiers} {m.text} {after}".split()))


# what the news does to an instrument before it: "builds on", "replaces"
_FOLLOWS = re.compile(
    r"\b(?:builds?\s+on|built\s+on|replac\w*|succeed\w*|supersed\w*|amend\w*|"
    r"upgrad\w*|modell?ed\s+on|follows?\s+(?:on|up))\s+(?:the\s+|its\s+|their\s+)?$",
    re.I,
)
# "also signed a ...": one more instrument than those told before
_ALSO_MADE = re.compile(
    r"\balso\s+(?:[\w-]+\s+){0,2}?(?:signed|inked|sealed|concluded|reached|"
    r"struck|adopted|initiall?ed|exchanged|agreed\s+(?:on|to))\s+$",
    re.I,
)


def told_as_another(m: InstrumentMention, ctx: Context) -> bool:
    """ "It builds on a framework agreement initialled in June", "replacing the
    asylum deal": introduced as another instrument than the one told."""
    if m.key:
        # "builds on the 2016 General Security ... Agreement": a named one is
        # another when the news follows it (not when it is only likened to it)
        lead = m.lead
        before = words_between(ctx.text, lead - 40, lead)
        # "three decades after the Abuja Treaty": of another time
        in_time = ctx.lexicon.apart_in_time.search(before)
        return bool(_FOLLOWS.search(before) or in_time)
    if m.determiner in ("separate", "another"):
        return True  # "A separate digital trade agreement was signed"
    if m.indefinite and any(
        not others and re.search(rf"\b{word}\b", m.modifiers, re.I)
        for word, others in ctx.lexicon.apart_words
    ):
        return True  # "An earlier truce collapsed in April"
    lead = m.lead  # before "a framework" (its determiner too)
    before = words_between(ctx.text, lead - 40, lead)
    if introduces(m.determiner, m.plural) and _ALSO_MADE.search(before):
        return True  # "The two leaders also signed a memorandum on tourism"
    # "exchange data under a memorandum": the instrument itself
    return bool(ctx.lexicon.apart_before.search(before)) and not re.search(
        r"\bunder\s+$", before
    )


def before_in_sentence(c: Cluster, m: InstrumentMention, ctx: Context) -> bool:
    """Whether ``c`` is told earlier in the sentence of ``m`` ("signed a
    partnership, replacing the asylum deal": the partnership)."""
    sentence = ctx.sentence_of(m.start)
    return any(sentence.start <= x.start < m.start for x in c.mentions)


_LIKE = re.compile(r"\b(?:similar|such)\b")


def likened(c: Cluster, m: InstrumentMention) -> bool:
    """ "a similar pact with France": an instrument told only by likeness to
    another is not what a headline names, unless it says so too."""
    return not _LIKE.search(m.modifiers) and all(
        _LIKE.search(x.modifiers) for x in c.mentions
    )


def others_like_it(m: InstrumentMention) -> bool:
    """ "has signed similar agreements with Australia": other instruments."""
    return (
        m.plural
        and not m.determiner
        and bool(re.search(r"\b(?:similar|other|such)\s+$", m.modifiers))
    )


def joined_by_and(a: InstrumentMention, b: InstrumentMention, ctx: Context) -> bool:
    """Whether ``b`` comes after ``a`` in the same sentence past an "and"."""
    return (
        ctx.sentence_of(a.start) is ctx.sentence_of(b.start)
        and re.search(r"\band\b", ctx.text[a.end : b.start]) is not None
    )


def aside(m: InstrumentMention, c: Cluster) -> bool:
    """ "A separate fisheries agreement was signed ... talks on the deal": an
    instrument told as another, by the way, is taken up only in its own words."""
    first = c.mentions[0]
    return first.determiner in ("separate", "another") and not (
        content_words(m.modifiers) & content_words(first.modifiers)
    )


# Nouns that can take up any ordinary instrument ("a memorandum ... the deal").
GENERIC = {"agreement", "accord", "pact", "deal", "arrangement"}


def same_year(a: str | None, b: str | None) -> bool:
    """Year labels name the same year: "the 2018 deal", "the September 2018 deal"."""
    return bool(a and b and a[:4] == b[:4])


_AGREEMENT_WORD = re.compile(r"\b(?:agreements?|deals?|accords?|pacts?)\b", re.I)


def fits(
    m: InstrumentMention, c: Cluster, ctx: Context, *, apposition: bool = False
) -> bool:
    """Whether ``m`` can be another mention of the instrument ``c``."""
    if _conflicts(m, c, ctx.lexicon):
        return False
    kinds = c.kinds
    if m.kind == "normalization" or "normalization" in kinds:
        # "a normalisation agreement ... the agreement": the word it was told
        # with takes it up (restored ties are taken up by none)
        told_as = any(
            _AGREEMENT_WORD.search(x.text)
            for x in c.mentions
            if x.kind == "normalization"
        )
        return ("normalization" in kinds) and (
            m.kind == "normalization"
            or (m.kind in GENERIC and m.determiner in ("the", "this") and told_as)
        )
    if m.kind in STATEMENTS or kinds & STATEMENTS:
        # "the Ankara Declaration ... This agreement", "signed a joint
        # declaration on security ... signed the agreement": a declaration is
        # what the parties agreed; a joint statement is not taken up so
        declared = "declaration" in kinds and m.kind in GENERIC
        return (
            bool(m.kind in STATEMENTS and kinds & STATEMENTS)
            or apposition
            or (declared and m.determiner in ("the", "this"))
        )
    if m.key and m.kind and m.kind not in kinds and not kinds <= GENERIC:
        # "a memorandum ... the existing Air Services Agreement": a name
        # decides its own kind, so it is another instrument
        return apposition
    if m.kind in GENERIC or m.kind is None or apposition:
        return True
    # a specific word (treaty, protocol, MoU, ceasefire) takes up the same word,
    # or, after "the", an instrument known so far only by generic words, or
    # "the treaty" a named convention ("the Ottawa Convention ... the treaty");
    # bare, it is a new one ("suspended peace treaty talks with Japan")
    return (
        m.kind in kinds
        or (kinds <= GENERIC and bool(m.determiner))
        or (
            m.kind == "treaty"
            and m.determiner == "the"
            and c.key is not None
            and "convention" in kinds
        )
    )


def _conflicts(m: InstrumentMention, cluster: Cluster, lexicon: Lexicon) -> bool:
    if (
        m.year_label
        and cluster.year_label
        and not same_year(m.year_label, cluster.year_label)
    ):
        return True
    for word, opposites in lexicon.apart_words:
        if not re.search(rf"\b{word}\b", m.modifiers):
            continue
        if not opposites:
            # "an interim deal ... the deal": another, unless told in that word
            # too ("a supplementary treaty ... the supplementary treaty")
            return not any(
                re.search(rf"\b{word}\b", c.modifiers) for c in cluster.mentions
            )
        if any(
            re.search(rf"\b{o}\b", c.modifiers)
            for c in cluster.mentions
            for o in opposites
        ):
            return True
    return False


# a headline's step on an instrument made before: "Bolivia and Chile revive gas
# pipeline pact" is about "a 2006 gas pipeline pact"
_LATER_STEP = re.compile(
    r"\b(?:reviv|renew|extend|suspend|freez|froze|quit|withdr|exit|leav|ratif|"
    r"scrap|terminat|end|implement|restor|resum|abandon|revok|cancel)\w*\s+"
    r"(?:\S+\s+){0,4}$",
    re.I,
)


def _later_step(m: InstrumentMention, ctx: Context) -> bool:
    line_start = ctx.text.rfind("\n", 0, m.start) + 1
    return bool(_LATER_STEP.search(ctx.text, line_start, m.start))


def headline_target(
    m: InstrumentMention, clusters: list[Cluster], ctx: Context
) -> Cluster | None:
    """The body's instrument an unnamed headline mention tells again: one it
    fits (of its kind first); else the story's first, which a headline's deal
    sums up ("China, Honduras ink deal" over "signed a joint communique");
    else none (a new instrument)."""
    fitting = [
        c
        for c in clusters
        if fits(m, c, ctx)
        and (not c.background or _later_step(m, ctx))
        and not likened(c, m)
    ]
    if fitting:
        return next((c for c in fitting if m.kind in c.kinds), fitting[0])
    first = clusters[0] if clusters else None
    if (
        first is not None
        and m.kind in GENERIC
        and not first.background
        and fits(m, first, ctx, apposition=True)
    ):
        return first
    return None
