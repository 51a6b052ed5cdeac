"""Article -> agreements, in the stages a reader can follow.

1. mentions: instruments (:mod:`.mentions`), actors (:mod:`.actors`) and dates
   (:mod:`.dates`) in sentences (:mod:`.context`); the mentions that name no
   instrument left out (:mod:`.filters`);
2. coreference: which mentions are one instrument (:mod:`.coref`,
   :mod:`.pronouns`), what tells two apart (:mod:`.apart`), and which are
   members of a set told before (:mod:`.sets`);
3. roles: what each actor is in its clause (:mod:`.clauses`), then per
   instrument who is a party (:mod:`.roles`, :mod:`.references`) and what it
   concerns (:mod:`.concerns`);
4. events: which instrument each verb acts on (:mod:`.attach`, :mod:`.acts`),
   what its words report (:mod:`.retyped`), what happened to it and when
   (:mod:`.events`, :mod:`.when`);
5. description: kind, name, aliases, topics, one fact per instrument
   (:mod:`.describe`), then instruments told twice in one article as one, and
   what an article's other instruments say of one (its day, its pair:
   :mod:`.siblings`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from diplograph.extract.about import TOPIC, qualifier_of
from diplograph.extract.apart import told_as_another
from diplograph.extract.attached import attached_to_another
from diplograph.extract.cluster import Cluster
from diplograph.extract.context import Context, read_context
from diplograph.extract.coref import group_mentions
from diplograph.extract.describe import describe
from diplograph.extract.determiners import introduces
from diplograph.extract.events import merge_events
from diplograph.extract.filed import signed_on_filing_day
from diplograph.extract.filters import keep_mention, refine_mention
from diplograph.extract.lexicon import Lexicon
from diplograph.extract.mentions import STATEMENTS, find_instruments
from diplograph.extract.references import listed_participants
from diplograph.extract.sets import list_item, member_of, respective, told_by_ordinal
from diplograph.extract.siblings import one_node_each, same_occasion, same_pair
from diplograph.extract.text import read_article
from diplograph.model import AgreementFact, Article, Because, Event

_GENERIC = {"agreement", "accord", "pact", "deal", "arrangement"}
_FAMILIES = (
    {"agreement", "accord", "pact", "deal", "arrangement", "treaty", "convention",
     "protocol", "memorandum_of_understanding"},
    STATEMENTS,
    {"ceasefire", "agreement", "deal", "accord", "pact"},
    {"normalization"},
)  # fmt: skip


def extract_agreements(article: Article, lexicon: Lexicon) -> list[AgreementFact]:
    article, quoted = read_article(article)
    ctx = read_context(article, lexicon, quoted=quoted)
    found = find_instruments(article.text, lexicon)
    ctx.naming = {ctx.sentence_of(m.start).index for m in found}
    mentions = [m for m in found if keep_mention(m, ctx)]
    for m in mentions:
        refine_mention(m, ctx)
    ctx.names = [(m.start, m.end) for m in mentions if m.name]
    told, used = respective(mentions, ctx)
    facts = [(fact, frozenset[str]()) for fact in told]
    clusters = group_mentions([m for m in mentions if id(m) not in used], ctx)
    if clusters:
        clusters[0].listed = listed_participants(ctx)
    # a set told member by member ("The MoUs are: - MoU on ...") is its members
    groups = {id(c): member_of(c, clusters, ctx) for c in clusters}
    sets = {id(group) for group in groups.values() if group is not None}
    attached = attached_to_another(clusters, ctx)
    for cluster in clusters:
        if id(cluster) in sets:
            continue
        about = qualifier_of(cluster, ctx)
        together = _introduced_together(cluster, clusters, ctx)
        if (
            list_item(cluster.mentions[0], ctx)
            or id(cluster) in attached
            or together
            or (groups[id(cluster)] and any(m.indefinite for m in cluster.mentions))
            or told_by_ordinal(cluster)
        ):
            # items of a list, "its affiliated protocol", "another deal", a member
            # of a set introduced as a new one ("five accords, including an
            # extradition treaty"; "the 2014 treaty" may be one told before): told
            # apart by the text itself
            about = about | {f"{APART}{cluster.mentions[0].start}"}
        if told_as_another(cluster.mentions[0], ctx) or any(
            # "also inked MoUs on trade, and an agreement on payments": both
            told_as_another(c.mentions[0], ctx)
            and c.mentions[0].start < cluster.mentions[0].start
            for c in together
        ):
            about = frozenset({"another"})
        described = describe(cluster, groups[id(cluster)], clusters, ctx)
        if len(described) > 1:  # told one by one: apart from each other
            start = cluster.mentions[0].start
            facts.extend(
                (
                    fact,
                    frozenset({f"{APART}{start} {i}", MEMBER}) | (about & {"another"}),
                )
                for i, fact in enumerate(described)
            )
        else:
            facts.extend((fact, about) for fact in described)
    merged = merge_retold(facts, lexicon.kind_priority, year=article.published.year)
    merged = same_pair(same_occasion(merged, ctx.article), ctx.article, lexicon)
    merged = signed_on_filing_day(merged, ctx)
    return one_node_each([coherent(fact) for fact in merged])


_AFTER_SIGNING = frozenset({"ratified", "in_force", "implemented"})


def coherent(fact: AgreementFact) -> AgreementFact:
    """What comes after a signing cannot precede it: such an event was another
    instrument's ("the pact replaces NAFTA, in force since 1994"), and the
    shapes would reject the whole article for it."""
    if not fact.signed:
        return fact
    signed = fact.signed

    def before(event: Event) -> bool:
        n = min(len(event.date or ""), len(signed))
        return (
            event.type in _AFTER_SIGNING
            and bool(event.date)
            and ((event.date or "")[:n] < signed[:n])
        )

    return replace(fact, events=tuple(e for e in fact.events if not before(e)))


# "a social security agreement and an investment treaty"
_COORDINATED = re.compile(
    # "an agreement on allied relations between the two states and an agreement
    # on demarcating the border": the first one's subject may come between
    r"(?:\s+(?:on|for|to|with|between|in|of)\s+[^;.]{0,160}?)?"
    r"\s*,?\s*(?:and|as well as|,)\s+an?\s+(?:[\w-]+\s+){0,4}"
)


def _introduced_together(
    cluster: Cluster, clusters: list[Cluster], ctx: Context
) -> list[Cluster]:
    """ "a social security agreement and an investment treaty": instruments
    introduced together, each with "a", are two, whatever else they share; the
    others introduced with ``cluster``."""
    first = cluster.mentions[0]
    if not introduces(first.determiner, first.plural):
        return []
    together = []
    for c in clusters:
        other = c.mentions[0]
        if c is cluster or not introduces(other.determiner, other.plural):
            continue
        a, b = sorted((first, other), key=lambda m: m.start)
        if _COORDINATED.fullmatch(ctx.text, a.end, b.start):
            together.append(c)
    return together


APART = "apart "  # marks, among what a fact is on, the instruments told apart
MEMBER = "member"  # marks a member of a set told one by one ("treaties with A and B")


Told = tuple[AgreementFact, frozenset[str]]  # a fact and what its mentions say it is on


def merge_retold(
    facts: list[Told], priority: tuple[str, ...], *, year: int
) -> list[AgreementFact]:
    """One instrument told twice ("signed a deal ... signed a deal on Monday"):
    facts with the same parties, compatible kinds, dates, names and topics, and
    not said to be on different things ("an agreement on allied relations and an
    agreement on demarcating the border"); ``year``: the article's."""
    merged: list[Told] = []
    for fact, about in facts:
        for i, (other, other_about) in enumerate(merged):
            member = MEMBER in about | other_about
            if (
                _same(fact, other, year, member=member)
                and _told_on_one_thing(
                    about, other_about, by_topic=not (fact.name or other.name)
                )
                # "treaties with A and B ... a separate treaty with B": that one
                and (member or not (_another(about) or _another(other_about)))
            ):
                merged[i] = (_join(other, fact, priority), about | other_about)
                break
        else:
            merged.append((fact, about))
    return [fact for fact, _ in merged]


def _told_on_one_thing(
    about: frozenset[str], other: frozenset[str], *, by_topic: bool
) -> bool:
    """Whether what two facts' mentions say they are on can be one thing: each
    side says nothing, or they share a word; and, ``by_topic`` (no name says
    what they are), so for the topics they name ("a power purchase deal ...
    talks on a free trade agreement": two)."""
    apart = {x for x in about if x.startswith(APART)}
    other_apart = {x for x in other if x.startswith(APART)}
    if apart and other_apart and not apart & other_apart:
        return False  # "an agreement on A and an agreement on B": told apart
    topics = {x for x in about if x.startswith(TOPIC)}
    other_topics = {x for x in other if x.startswith(TOPIC)}
    # "another" tells how it was told, not what it is on; "member" stays, so a
    # member takes up only a fact that says nothing of what it is on
    words = about - topics - apart - {"another"}
    other_words = other - other_topics - other_apart - {"another"}
    return (not words or not other_words or bool(words & other_words)) and (
        not by_topic or not topics or not other_topics or bool(topics & other_topics)
    )


def _another(about: frozenset[str]) -> bool:
    """Told as another instrument than the one before it ("It builds on a ...")."""
    return "another" in about


_YEARS = re.compile(r"\b((?:1[89]|20)\d\d)\b")


def _told_apart_in_time(a: AgreementFact, b: AgreementFact, year: int) -> bool:
    """Whether the days the two tell of keep them apart: signed on other days, or
    one's steps told long before or after the other's signing; ``year``: the
    article's."""
    if (
        a.signed
        and b.signed
        and not (a.signed.startswith(b.signed) or b.signed.startswith(a.signed))
    ):
        return True
    signings = [
        {e.date[:4] for e in f.events if e.type == "signed" and e.date} for f in (a, b)
    ]
    if all(signings) and not signings[0] & signings[1]:
        return True  # signed in 2006, and to be signed this year: two instruments
    if bool(a.signed) != bool(b.signed):
        signed = a.signed or b.signed or ""
        other = b if a.signed else a
        # "pulled out of the Trans-Pacific Partnership in 2017" is not the deal
        # signed in 2019: nothing but talks comes before a signing
        if any(
            e.date
            and e.date[:4] < signed[:4]
            and e.type not in ("negotiation", "agreed")
            for e in other.events
        ):
            return True
        # "revising a 2012 trade pact ... reached an agreement": what the news
        # reaches or signs without a date is of its own time, not years before
        if int(signed[:4]) < year - 1 and any(
            e.type in ("agreed", "signed")
            and (not e.date or int(e.date[:4]) > int(signed[:4]) + 1)
            for e in other.events
        ):  # nor what it reaches this year
            return True
    if bool(a.signed) != bool(b.signed) and not (a.name or b.name):
        # "signed their first swap pact in 2001" is not the deal agreed this June
        # (what follows a signing may come years after it)
        # (talks and an agreement reached years before the signing lead to it)
        if any(
            e.date
            and e.date[:4] != signed[:4]
            and e.type not in _AFTER_SIGNING
            and not (e.type in ("negotiation", "agreed") and e.date[:4] < signed[:4])
            for e in other.events
        ):
            return True
        # "the 1950-53 war ended in an armistice": told among years long before
        # the one signed now
        told = {int(y) for e in other.evidence for y in _YEARS.findall(e.quote)}
        steps = {e.type for e in other.events if e.date}
        leads_to_it = bool(steps) and steps <= {"negotiation", "agreed"}
        if told and max(told) < int(signed[:4]) - 1 and not leads_to_it:
            return True
    return False


def _same(a: AgreementFact, b: AgreementFact, year: int, *, member: bool) -> bool:
    """Whether two facts tell one instrument; a ``member`` of a set told without
    a date ("has signed treaties with A and B") takes the date told of it later
    ("the treaty with A, signed in 2014")."""
    if (
        a.parties != b.parties
        and not _describes(a, b)
        and not _describes(b, a)
        and not _one_side_of(a, b, year, member=member)
        and not _one_side_of(b, a, year, member=member)
    ):
        return False
    if a.name and b.name and a.name != b.name:
        return False
    if not any({a.kind, b.kind} <= family for family in _FAMILIES):
        return False
    if (a.name is None) != (b.name is None) and a.kind != b.kind:
        # "signed a memorandum ... the existing Air Services Agreement": a name
        # decides the kind, and only a generic word is told of another kind
        plain = a if a.name is None else b
        if plain.kind not in _GENERIC:
            return False
    if _told_apart_in_time(a, b, year) and not (
        member and not (_dated(a) and _dated(b))
    ):
        return False
    if _in_force_before(a, b) or _in_force_before(b, a):
        return False
    ta, tb = set(a.topics), set(b.topics)
    return not ta or not tb or bool(ta & tb)


def _in_force_before(a: AgreementFact, b: AgreementFact) -> bool:
    """ "the existing agreement, in force since 2021 ... signed the Accord on
    Tuesday": what was in force years before ``b`` was signed is another."""
    return bool(b.signed) and any(
        e.type in _AFTER_SIGNING and e.date and e.date[:4] < (b.signed or "")[:4]
        for e in a.events
    )


def _dated(fact: AgreementFact) -> bool:
    return any(e.date for e in fact.events)


def _one_side_of(
    one: AgreementFact, pair: AgreementFact, year: int, *, member: bool = False
) -> bool:
    """ "signed deals with Uganda and Rwanda ... the agreement with Uganda": an
    unnamed instrument told with one partner of an instrument in the news, and
    with no date of its own; ``year``: the article's."""
    return (
        one.name is None
        and not (_dated(one) and (_dated(pair) or not member))
        and not set(one.concerns) & set(pair.parties)  # about the other side
        and not (pair.signed and int(pair.signed[:4]) < year - 1)
        and len(one.parties) == 1
        and len(pair.parties) > 1
        and one.parties[0] in pair.parties
        # "all protocols or memorandums relating to the deal": a document of
        # another kind is another one (GUIDELINES: a protocol is its own)
        and (one.kind == pair.kind or one.kind in _GENERIC)
    )


def _describes(plain: AgreementFact, named: AgreementFact) -> bool:
    """ "the 2015 nuclear deal" told about a named instrument between more states:
    an unnamed fact whose parties are some of the named one's, on its topic."""
    return (
        plain.name is None
        and named.name is not None
        and set(plain.parties) < set(named.parties)
        and bool(set(plain.topics) & set(named.topics))
    )


def _join(
    a: AgreementFact, b: AgreementFact, priority: tuple[str, ...]
) -> AgreementFact:
    if a.name or b.name:
        kind = a.kind if a.name else b.kind  # a name with a kind word decides
    else:
        kind = min((a.kind, b.kind), key=priority.index)
    signed = max((d for d in (a.signed, b.signed) if d), key=len, default=None)
    kind_from_b = kind != a.kind
    return replace(
        a,
        parties=tuple(sorted(set(a.parties) | set(b.parties))),
        kind=kind,
        name=a.name or b.name,
        aliases=tuple(dict.fromkeys(a.aliases + b.aliases)),
        signed=signed,
        concerns=tuple(sorted(set(a.concerns) | set(b.concerns))),
        topics=tuple(sorted(set(a.topics) | set(b.topics))),
        events=merge_events(list(a.events + b.events)),
        evidence=a.evidence + b.evidence,
        # the kind's reasons are those of the fact that gave it
        because=tuple(
            w for w in a.because if not (kind_from_b and w.fact.startswith("kind"))
        )
        + tuple(
            w
            for w in b.because
            if w.stage != "coref" and (not w.fact.startswith("kind") or kind_from_b)
        )
        + tuple(
            Because("agreement", "coref", "told again and merged", w.evidence)
            for w in b.because[:1]
        ),
    )
