"""Each instrument as one fact: kind, name, aliases, topics, parties, dates, events.

The last stage: it reads what :mod:`.roles` and :mod:`.events` found for a
cluster and writes one :class:`~diplograph.model.AgreementFact`, with the
reasons for each fact (``AgreementFact.because``) for ``extract --explain``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from diplograph.extract.acts import acts_on_instrument
from diplograph.extract.attach import verb_hits
from diplograph.extract.clauses import VerbHit
from diplograph.extract.cluster import Cluster
from diplograph.extract.concerns import concerns_of, names_a_group
from diplograph.extract.context import Context
from diplograph.extract.events import event_fact, events_of, merge_events, why
from diplograph.extract.fallback import fallback_parties
from diplograph.extract.headline import headline_pair, in_headline
from diplograph.extract.references import partner_list
from diplograph.extract.roles import Votes, cited_as_law, find_parties
from diplograph.extract.sets import listed_subjects, member_of
from diplograph.extract.talks import talks
from diplograph.extract.text import Sentence
from diplograph.extract.topics import topics_of_instrument
from diplograph.extract.years import listed_years
from diplograph.model import AgreementFact, Because, Event


def describe(
    cluster: Cluster, group: Cluster | None, clusters: list[Cluster], ctx: Context
) -> list[AgreementFact]:
    """The facts of one instrument (``group``: the set it is one of, if any);
    none when no party can be identified."""
    kind = kind_of(cluster, ctx)
    hits = verb_hits(cluster, clusters, ctx)
    parties = _parties(cluster, group, clusters, ctx)
    if not parties.weights:
        return []
    codes = parties.codes()
    concerns = concerns_of(cluster, ctx)
    events, event_because = events_of(cluster, hits, kind, ctx)
    merged, signed = _lifecycle(
        cluster, group, clusters, events, event_because, codes, ctx
    )
    sentences = sorted({ctx.sentence_of(m.start).index for m in cluster.mentions})
    evidence = tuple(ctx.sentence_span(ctx.sentences[i]) for i in sentences)
    topics, topic_because = topics_of_instrument(cluster, kind, ctx)
    fact = AgreementFact(
        kind=kind,
        parties=codes,
        name=cluster.name,
        aliases=_aliases(cluster),
        signed=signed,
        concerns=tuple(c for c in concerns.codes() if c not in parties.weights),
        topics=topics,
        events=merged,
        evidence=evidence,
        because=(
            *_identity(cluster, kind, ctx),
            *parties.because,
            *concerns.because,
            *event_because,
            *topic_because,
        ),
    )
    if len(years := listed_years(cluster, ctx)) >= 2:
        return [_made_in(fact, year, years) for year in years]
    by_subject = [
        replace(fact, topics=topics) for topics in listed_subjects(cluster, ctx)
    ] or [fact]
    partners = partner_list(cluster.mentions, ctx)
    if len(partners) < 2 or not set(partners) <= set(codes):
        return by_subject
    # "agreements to normalize ties with the UAE and Bahrain": one per partner;
    # "two agreements between India and the UK" are both theirs
    shared = [code for code in codes if code not in partners]
    if not shared and not partner_list(cluster.mentions, ctx, between=False):
        return by_subject
    # "Manila has sought to expand its alliances, entering into similar
    # agreements with New Zealand and Australia": the sentence's subject's
    shared = shared or _opening_state(cluster, partners, ctx)
    return [replace(fact, parties=tuple(sorted({*shared, code}))) for code in partners]


def _opening_state(cluster: Cluster, partners: list[str], ctx: Context) -> list[str]:
    """The state that opens the sentence of the set's first mention, if it is
    none of the partners."""
    sentence = ctx.sentence_of(cluster.mentions[0].start)
    opening = ctx.standing(sentence.start, cluster.mentions[0].start)[:1]
    return [a.code for a in opening if a.code not in partners]


def _made_in(fact: AgreementFact, year: str, years: list[str]) -> AgreementFact:
    """One of a set listed by year: signed that year, its other steps undated
    (the years tell when each was made)."""
    events = [
        replace(e, date=None) if e.date in years else e
        for e in fact.events
        if e.type != "signed"
    ]
    return replace(
        fact, signed=year, events=tuple(merge_events([Event("signed", year), *events]))
    )


def _lifecycle(
    cluster: Cluster,
    group: Cluster | None,
    clusters: list[Cluster],
    events: list[Event],
    because: list[Because],
    codes: tuple[str, ...],
    ctx: Context,
) -> tuple[tuple[Event, ...], str | None]:
    """The instrument's events, with its set's and the article's talks, and the
    day it was signed (``because`` gains the reasons of the events added)."""
    if group is not None:
        # the members of "signed five MoUs on Saturday" were signed then, though
        # a member's own sentence says only "was signed by the ministers"
        group_kind = kind_of(group, ctx)
        told, reasons = events_of(
            group, verb_hits(group, clusters, ctx), group_kind, ctx
        )
        dated = {e.type for e in events if e.date}
        # (not the talks: "documents signed after talks between the presidents"
        # were not each negotiated there)
        added = [
            e
            for e in told
            if e.type != "negotiation"
            and (not events or (e.date and e.type not in dated))
        ]
        events += added
        labels = {event_fact(e) for e in added}
        because += [
            replace(b, rule=f"told of its set: {b.rule}")
            for b in reasons
            if b.fact in labels
        ]
    if cluster is clusters[0] and not cluster.background:
        # talks told without naming an instrument are about the news, not "their
        # 2000 treaty"
        for held in talks(codes, clusters, ctx):
            events.append(held)
            rule = "told of its parties in a sentence naming no instrument"
            because.append(why(held, rule, held.evidence[0]))
    merged = merge_events(events)
    signings = [
        e.date for e in merged if e.type == "signed" and e.date and not e.scheduled
    ]
    signed = max(signings, key=len) if signings else None  # the most precise
    if signed is None and cluster.year_label:
        signed = cluster.year_label
        merged = merge_events([*merged, Event("signed", signed)])
        labelled = next(
            (m for m in cluster.mentions if signed in ctx.text[m.lead : m.end]),
            cluster.mentions[0],
        )
        words = ctx.span(labelled.lead, labelled.end)
        rule = "a year label ('the 2015 deal')"
        because.append(why(Event("signed", signed), rule, words))
    return merged, signed


def _acting(cluster: Cluster, clusters: list[Cluster], ctx: Context) -> list[VerbHit]:
    """The verbs about the instrument itself: only their subjects are parties."""
    hits = verb_hits(cluster, clusters, ctx)
    return [hit for hit in hits if acts_on_instrument(hit, ctx)]


def _of_headline(cluster: Cluster, clusters: list[Cluster], ctx: Context) -> bool:
    """Whether the headline tells of ``cluster``: the instrument it names ("U.S.,
    Britain and Australia forge AUKUS security pact"), else the article's first."""
    title = ctx.article.title
    named = [c for c in clusters if c.name and _names_in(c, title)]
    return cluster in named if named else cluster is clusters[0]


def _names_in(cluster: Cluster, title: str) -> bool:
    return any(
        re.search(rf"(?<!\w){re.escape(n)}(?!\w)", title)
        for n in (cluster.name, *_aliases(cluster))
        if n
    )


def _parties(
    cluster: Cluster,
    group: Cluster | None,
    clusters: list[Cluster],
    ctx: Context,
    *,
    siblings: bool = True,
) -> Votes:
    """The instrument's own parties, and a member's set's ones ("Turkey and Iraq
    signed 26 agreements, including a memorandum ... also signed by Qatar");
    else the fallback ones."""
    parties = find_parties(cluster, _acting(cluster, clusters, ctx), ctx)
    if group is not None:
        group_parties = find_parties(group, _acting(group, clusters, ctx), ctx)
        if not group_parties.weights:
            headline = _of_headline(group, clusters, ctx)
            group_parties = fallback_parties(group, ctx, headline=headline)
        _headline_pair_of(group, group_parties, clusters, ctx)
        parties.take(group_parties, "the parties of the set it is one of")
    if not parties.weights and not cited_as_law(cluster, ctx):
        headline = _of_headline(cluster, clusters, ctx)
        parties = fallback_parties(cluster, ctx, headline=headline)
        if not parties.weights and siblings:
            parties = _sibling_parties(cluster, clusters, ctx)
    elif (
        (len(parties.weights) == 1 or _replaced(cluster, ctx))
        and siblings
        and not _with_a_group(cluster, ctx)
    ):
        # "The pact replaces a 2012 treaty that Kenya's High Court struck down":
        # one of the other instrument's parties, and so the others too; "The
        # deal, which replaces NAFTA": what it replaces was between its parties
        # (not a set's: "treaties with Togo and Benin ... the treaty with Togo"
        # is one member's, which the facts' merging finds)
        beside = _sibling_parties(cluster, clusters, ctx, sets=False)
        if len(beside.weights) > 1 and set(parties.weights) < set(beside.weights):
            parties = beside
    _headline_pair_of(cluster, parties, clusters, ctx)
    return parties


def _headline_pair_of(
    cluster: Cluster, parties: Votes, clusters: list[Cluster], ctx: Context
) -> None:
    """ "Kenya, Uganda sign railway deal": the headline names the other party of
    the article's first instrument (or set), where its text names one."""
    if len(parties.weights) == 1 and _of_headline(cluster, clusters, ctx):
        named = headline_pair(ctx)
        if set(parties.weights) <= {a.code for a in named}:
            for a in named:
                parties.add(a.code, 1, in_headline(a, ctx))


_REPLACES = re.compile(
    r"\b(?:replac|supersed|succeed)(?:es|ed|e|ing)\s+(?:the\s+|their\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,3}$"
)


def _replaced(cluster: Cluster, ctx: Context) -> bool:
    """Whether a mention is what another instrument replaces ("which replaces the
    1994 North American Free Trade Agreement")."""
    return any(
        _REPLACES.search(ctx.text, max(0, m.lead - 60), m.lead)
        for m in cluster.mentions
    )


def _with_a_group(cluster: Cluster, ctx: Context) -> bool:
    """Whether a sentence of the instrument names an armed group, the side that
    can be no party ("the government and the M23 rebel group signed")."""
    return any(
        names_a_group(ctx.sentence_of(m.start).text, ctx.lexicon)
        for m in cluster.mentions
    )


# "It builds on a 1985 treaty": the sentence opens on the instrument told before
_TAKEN_UP = re.compile(r"\s*(?:It|This|The\s+(?:[\w-]+\s+){0,3}?\w+)\s", re.S)


_ALSO_DID = re.compile(r"\balso\s+(?:\w+ly\s+)?\w+ed\s+$")


def _sibling_parties(
    cluster: Cluster, clusters: list[Cluster], ctx: Context, *, sets: bool = True
) -> Votes:
    """ "The fisheries agreement replaces a 2012 protocol", "It builds on a 1985
    treaty", "A similar deal signed in 2017": an instrument whose sentence names
    no one is between the parties of the instrument beside it, or of the one
    the sentence opens on or likens it to."""
    votes = Votes()
    first = ctx.sentence_of(cluster.mentions[0].start)
    beside = [
        other
        for other in clusters
        if other is not cluster
        and any(ctx.sentence_of(m.start) is first for m in other.mentions)
    ]
    # "A similar deal signed in 2017", "An earlier truce collapsed in April"
    likened = re.search(
        r"\b(?:similar|earlier|previous|former|prior)\b", cluster.mentions[0].modifiers
    )
    # "Presidents Lula and Fernandez also renewed a 2019 agreement": the same
    # hands as the instrument before
    lead = cluster.mentions[0].lead
    also = _ALSO_DID.search(ctx.text, max(first.start, lead - 40), lead)
    if _opens_on_another(first, cluster, clusters) or likened or also:
        before = [
            (m.start, other)
            for other in clusters
            if other is not cluster
            for m in other.mentions
            if m.start < first.start
        ]
        beside += [max(before, key=lambda pair: pair[0])[1]] if before else []
    for other in beside:  # the first that has parties of its own
        if not sets and all(m.plural for m in other.mentions):
            continue
        group = member_of(other, clusters, ctx)
        found = _parties(other, group, clusters, ctx, siblings=False)
        votes.take(found, "a party of the instrument it takes up")
        if votes.weights:
            break
    return votes


def _opens_on_another(
    first: Sentence, cluster: Cluster, clusters: list[Cluster]
) -> bool:
    """Whether the sentence opens on what it takes up ("It builds on", "The pact
    replaces", "The two countries signed"), not on a body of another name ("The
    Arctic Council was founded by a declaration")."""
    opening = _TAKEN_UP.match(first.text)
    if opening is None:
        return False
    words = opening.group().split()
    if words[0] != "The" or not words[1][:1].isupper():
        return True
    end = first.start + opening.end()
    return any(first.start <= m.start < end for c in clusters for m in c.mentions)


def _aliases(cluster: Cluster) -> tuple[str, ...]:
    aliases: list[str] = []
    for m in cluster.mentions:
        # "the ASEAN Declaration (Bangkok Declaration)": another name is an alias
        for alias in [*m.aliases, *([m.name] if m.key and m.name else [])]:
            if alias not in aliases and alias != cluster.name:
                aliases.append(alias)
    return tuple(aliases)


def _identity(cluster: Cluster, kind: str, ctx: Context) -> list[Because]:
    """Why this is one instrument, and why of this kind."""
    first = cluster.mentions[0]
    words = ", ".join(repr(m.text) for m in cluster.mentions[:6])
    rule = f"{len(cluster.mentions)} mention(s) of one instrument: {words}"
    because = [Because("agreement", "coref", rule, ctx.span(first.start, first.end))]
    named = next((m for m in cluster.mentions if m.kind == kind), first)
    source = "its name" if cluster.name and named.key else "the most specific word"
    because.append(
        Because(f"kind {kind}", "describe", source, ctx.span(named.start, named.end))
    )
    return because


def _has_kind_word(name: str, ctx: Context) -> bool:
    """ "Paris Agreement", "Rome Statute": a name that says what it is."""
    lexicon = ctx.lexicon
    return bool(lexicon.kind_pattern.search(name)) or any(
        pattern.search(name) for pattern, _ in lexicon.name_heads
    )


def kind_of(cluster: Cluster, ctx: Context) -> str:
    """A name with a kind word decides; else the most specific word the text uses;
    else the kind the lexicon knows for the instrument ("JCPOA")."""
    lexicon = ctx.lexicon
    if cluster.name:
        for m in cluster.mentions:
            if m.text == cluster.name and m.kind and _has_kind_word(m.text, ctx):
                return m.kind
        for inst in lexicon.instruments:
            if cluster.key == inst.id and lexicon.kind_pattern.search(inst.name):
                return inst.kind
    kinds = {
        m.kind
        for m in cluster.mentions
        if m.kind and (not m.key or _has_kind_word(m.text, ctx))
    }
    for kind in lexicon.kind_priority:
        if kind in kinds:
            return kind
    for inst in lexicon.instruments:
        if cluster.key == inst.id:
            return inst.kind
    return "agreement"
