"""Instruments told as a set and its members: "signed four agreements ... the
energy deal", "Among them was a memorandum on power exports", "- MoU on ICT
training" (each item of a list its own), and "their peace deals with Israel in
1979 and 1994, respectively" (one per subject, :func:`respective`), and
"documents on transport, on investment and on visas" (one per subject listed,
:func:`listed_subjects`)."""

from __future__ import annotations

import re

from diplograph.extract.actors import ActorMention
from diplograph.extract.cluster import Cluster
from diplograph.extract.context import Context
from diplograph.extract.dates import DateMention
from diplograph.extract.mentions import InstrumentMention
from diplograph.extract.names import GENERIC_NAME
from diplograph.extract.spans import NUMBER_WORDS
from diplograph.extract.topics import topics_of
from diplograph.model import AgreementFact, Because, Event

_ORDINAL = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b"
)


def told_by_ordinal(cluster: Cluster) -> bool:
    """ "The second agreement was on ...": a member told apart by its place in
    the set."""
    return any(_ORDINAL.search(m.modifiers) for m in cluster.mentions)


def list_item(m: InstrumentMention, ctx: Context) -> bool:
    """Whether the mention opens an item of a list ("- MoU on ICT training",
    "- An MoU on electricity trade")."""
    line_start = ctx.text.rfind("\n", 0, m.start) + 1
    if re.fullmatch(r"\s*(?:[-*•·]|\d+[.)])?\s*", ctx.text[line_start : m.start]):
        return True
    # after a bullet, with its article: not a paragraph that opens "A deal ..."
    lead = m.lead
    return line_start <= lead and bool(
        re.fullmatch(r"\s*(?:[-*•·]|\d+[.)])\s*", ctx.text[line_start:lead])
    )


# "They include agreements on legal assistance, ...": some of the set told before
_SOME_OF_THEM = re.compile(
    r"\b(?:(?:they|these|those)\s+include[ds]?|including|such\s+as)\s", re.I
)


def some_of(m: InstrumentMention, ctx: Context) -> bool:
    """Whether a plural mention lists some of the set told before it ("They
    include agreements on extradition and legal assistance, and memoranda on
    immigration and animal health")."""
    sentence = ctx.sentence_of(m.start)
    in_brackets = ctx.text[max(0, m.start - 1) : m.start] == "("  # "(MOUs)": a name
    return (
        m.plural
        and not in_brackets
        and bool(_SOME_OF_THEM.search(ctx.text, sentence.start, m.lead))
    )


def generic_item(m: InstrumentMention) -> bool:
    """Whether a list item opens with the kind's own words or short form, which
    name no instrument ("MOU on Cooperation in Mass Communications")."""
    return bool(GENERIC_NAME.fullmatch(m.text)) or m.text.lower() in ("mou", "mous")


# an item that names no instrument's kind: "..., and a letter of intent on ..."
_OBJECT_ITEM = re.compile(
    r"\b(?:letters?\s+of\s+intent|road\s?maps?|(?:action\s+)?plans?|"
    r"programmes?|frameworks?|documents?)\b",
    re.I,
)
# between two items of a list of instruments
_NEXT_ITEM = re.compile(r"[^.;]{0,80}?,?\s+(?:and\s+)?an?\s+(?:[\w-]+\s+){0,4}$")


def list_goes_on(m: InstrumentMention, ctx: Context) -> bool:
    """Whether another instrument follows as the next item of a list ("a
    memorandum on A, an agreement on B and a memorandum on C"): then ``m`` is an
    item, not an apposition."""
    sentence = ctx.sentence_of(m.start)
    following = [
        found.start()
        for pattern in (ctx.lexicon.kind_pattern, _OBJECT_ITEM)
        if (found := pattern.search(ctx.text, m.end, sentence.end))
    ]
    return bool(following) and bool(
        _NEXT_ITEM.fullmatch(ctx.text, m.end, min(following))
    )


def one_of_set(m: InstrumentMention, c: Cluster, ctx: Context) -> bool:
    """ "signed four agreements ... the energy deal": a singular instrument named
    by its subject is one of the set told before, not the whole set."""
    return (
        not m.plural
        and m.determiner == "the"
        and all(x.plural for x in c.mentions)
        and bool(ctx.lexicon.topics_in(m.modifiers))
    )


# "two joint statements, one to ... and the other to ...", "several agreements,
# including one on visa exemption and another on police cooperation": two
# instruments, each told by its subject
ONE_AND_OTHER = re.compile(
    r"(?:\s+[\w-]+){0,3}?[,:]?\s+(?:(?:including|among\s+them|such\s+as)\s+)?"
    r"one\s+((?:to|on|for|about)\s[^;]*?)\s*,?\s+and\s+"
    r"(?:the\s+other|another|a\s+second|the\s+second)\s+"
    r"((?:to|on|for|about)\s[^;.]*)"
)


# the plural nouns a set is told by: "the documents included", "agreements:",
# "were among the agreements signed"
_SET_NOUN = (
    r"(?:agreements|deals|pacts|accords|treaties|documents|memorand\w+|MoUs|"
    r"instruments|protocols|conventions|texts)"
)
_MEMBER = re.compile(
    r"(?:(?:\bamong\s+(?:them|these|those|the\s+(?:[\w-]+\s+){0,3}\w+s)|"
    r"\bone\s+of\s+(?:them|these|the\s+(?:[\w-]+\s+){0,2}\w+s)|\b(?:they|these)\s+include[sd]?"
    r"|\bincluding"
    # "The documents included a memorandum on ...": the set told before
    rf"|\b(?:the|other)\s+(?:[\w-]+\s+)?{_SET_NOUN}\s+(?:signed\s+(?:[\w-]+\s+){{0,3}}?)?"
    r"(?:also\s+)?(?:include[sd]?|comprised?|covered)"
    r")\b"
    # "sign two landmark agreements: the Strategic Partnership Agreement and ..."
    rf"|\b{_SET_NOUN}(?:\s+(?:on|in|last|this)\s+[\w-]+)?\s*:"
    # "The first, a memorandum between the coast guards, ..."
    r"|^\s*the\s+(?:first|second|third|fourth|fifth|last|other)(?:\s+one)?\s*,"
    # "These are a memorandum on ..., an agreement on ...": the set told before
    r"|^\s*(?:they|these|those)\s+(?:are|were)\s"
    # "The second agreement was on ...", "The first was an extradition treaty"
    r"|^\s*the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|last)\s+(?!such\b))"
    r"[^.]*$",  # "included one on visas; a memorandum on health; ..."
    re.I,
)


def member_of(
    cluster: Cluster, clusters: list[Cluster], ctx: Context
) -> Cluster | None:
    """The plural instrument ("signed seven agreements") this one is one of."""
    first = cluster.mentions[0]
    earlier = _sets_before(first.start, cluster, clusters, ctx)
    if earlier and one_of_set(first, earlier[-1], ctx):
        return earlier[-1]
    # any mention: the headline's "sign extradition treaty" opens no sentence
    # with "including", the lead's "signed five accords, including an
    # extradition treaty" does
    for m in cluster.mentions:
        sentence = ctx.sentence_of(m.start)
        if (
            _MEMBER.search(ctx.text[sentence.start : m.start])
            or _AMONG_THEM.match(ctx.text, m.end, sentence.end)
            or list_item(m, ctx)
        ):
            earlier = _sets_before(m.start, cluster, clusters, ctx)
            return earlier[-1] if earlier else None
    return None


# "A protocol on consulates and an MoU on trade were among the agreements
# signed": members told before the set they belong to
_AMONG_THEM = re.compile(
    r"[^.;]{0,160}?\b(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?{_SET_NOUN}\b",
    re.I,
)


def _sets_before(
    start: int, cluster: Cluster, clusters: list[Cluster], ctx: Context
) -> list[Cluster]:
    """The other instruments told in the plural before ``start`` (not members
    listed: "They include agreements on ..., and memoranda on ...")."""
    return [
        c
        for c in clusters
        if c is not cluster
        and any(m.plural and m.start < start for m in c.mentions)
        and not some_of(c.mentions[0], ctx)
    ]


def respective(
    mentions: list[InstrumentMention], ctx: Context
) -> tuple[list[AgreementFact], set[int]]:
    """ "Egypt and Jordan signed their peace deals with Israel in 1979 and 1994,
    respectively": one agreement per subject, each with its own date."""
    text = ctx.text
    facts: list[AgreementFact] = []
    used: set[int] = set()
    for m in mentions:
        sentence = ctx.sentence_of(m.start)
        if not m.plural or "respectively" not in sentence.text:
            continue
        firsts: dict[str, ActorMention] = {}
        for a in ctx.actors_in(sentence.start, m.start):
            if not a.place and not a.weak and a.start not in ctx.concern_starts:
                firsts.setdefault(a.code, a)
        subjects = list(firsts.values())
        partners: list[ActorMention] = []
        with_ = re.match(r"\s+with\s+(?:the\s+)?", text[m.end : sentence.end])
        if with_:
            partners = [
                a
                for a in ctx.actors_in(m.end, sentence.end)
                if a.start == m.end + with_.end()
            ]
        until = sentence.start + sentence.text.index("respectively")
        dates = [
            d
            for d in ctx.dates(sentence, future=False)
            if m.end < d.start < until and d.value
        ]
        if len(subjects) < 2 or len(dates) != len(subjects):
            continue
        facts += _each_respectively(m, subjects, partners, dates, ctx)
        used.add(id(m))
    return facts, used


def _each_respectively(
    m: InstrumentMention,
    subjects: list[ActorMention],
    partners: list[ActorMention],
    dates: list[DateMention],
    ctx: Context,
) -> list[AgreementFact]:
    """One instrument per subject, signed on the date told in its place."""
    sentence = ctx.sentence_of(m.start)
    facts = []
    around = ctx.span(
        max(sentence.start, m.start - 100), min(sentence.end, m.end + 120)
    )
    topics = ctx.lexicon.topics_in(around.quote)
    topics.update(ctx.lexicon.topics_by_kind.get(m.kind or "", ()))
    evidence = (ctx.sentence_span(sentence),)
    kind = m.kind or "agreement"
    told = [
        Because("agreement", "coref", "one of instruments told respectively",
                ctx.span(m.start, m.end)),
        Because(f"kind {kind}", "describe", "the instruments' noun",
                ctx.span(m.start, m.end)),
        *(Because(f"topic {t}", "describe", "a keyword around the instruments",
                  around) for t in sorted(topics)),
    ]  # fmt: skip
    for a, d in zip(subjects, dates, strict=True):
        when = d.value
        sides = [(a, "a subject, with its date told respectively")]
        sides += [(p, "the partner after 'with'") for p in partners]
        facts.append(
            AgreementFact(
                kind=kind,
                parties=tuple(sorted({a.code, *(p.code for p in partners)})),
                signed=when,
                topics=tuple(sorted(topics)),
                events=(Event("signed", when, evidence=evidence),),
                evidence=evidence,
                because=(
                    *told,
                    *(
                        Because(
                            f"party {x.code}",
                            "roles",
                            rule,
                            ctx.span(x.start, x.end),
                        )
                        for x, rule in sides
                    ),
                    Because(
                        f"event signed@{when}",
                        "events",
                        "the date told respectively",
                        ctx.span(d.start, d.end),
                    ),
                ),
            )  # fmt: skip
        )
    return facts


_SUBJECTS = re.compile(
    r"(?:\s*\([A-Za-z]{2,6}\))?"  # "memoranda of understanding (MOUs) on ..."
    r"(?:"
    # "three agreements on Monday: on trade, on fisheries and on visas"
    r"[^.;:]{0,40}?:\s+(?=on\s)|"
    # "three agreements on Monday, on trade, energy and visas" (or "covering
    # trade, ..."): past the day
    r"\s+on\s+\w+day,?\s+(?:(?=on\s+(?!\w+day\b))|(?:covering|concerning|"
    r"regarding)\s+)|"
    # "four agreements between Morocco and Israel concerning ...": past the sides
    r"\s+(?:(?:between|with)\s+(?:[\w'’-]+\s+){1,5}?)?"
    r"(?:[\w-]+\s+){0,3}?(?:on|aimed at|covering|concerning|regarding|"
    r"in(?:\s+the)?\s+(?:fields?|areas?|spheres?|sectors?)\s+(?:of|such as))\s+"
    r")"
)
_EACH_ON = re.compile(r",\s+(?:and\s+)?on\s+|\s+and\s+on\s+")
_ITEM_BREAK = re.compile(r",\s+(?:and\s+)?|\s+and\s+|;\s+")
_COMMA_BREAK = re.compile(r",\s+(?:and\s+)?|;\s+")


def _item_topics(items: list[str], ctx: Context) -> list[tuple[str, ...]]:
    """Each listed subject's topics; an item with none of its own continues the
    one before ("Cooperation in Agriculture and Related Fields")."""
    topics: list[tuple[str, ...]] = []
    for item in items:
        own = topics_of(item, ctx)
        if own or not topics:
            topics.append(own)
    return topics


_NUMBERS = {**{str(n): n for n in range(2, 100)}, **NUMBER_WORDS}
_COUNT = re.compile(r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                    r"twelve)\s+(?:[\w-]+\s+){0,3}$")  # fmt: skip


def listed_subjects(cluster: Cluster, ctx: Context) -> list[tuple[str, ...]]:
    """ "signed documents on transport, on investment and on visa waivers": one
    instrument per subject the text lists, each with that subject's topics."""
    for m in cluster.mentions:
        if not (m.plural or m.text.endswith("s")):  # "signed documents on ..."
            continue
        sentence = ctx.sentence_of(m.start)
        pair = ONE_AND_OTHER.match(ctx.text, m.end, sentence.end)
        if pair:  # "two joint statements, one to ... and the other (another) to ..."
            return [topics_of(pair.group(1), ctx), topics_of(pair.group(2), ctx)]
        opening = _SUBJECTS.match(ctx.text, m.end, sentence.end)
        if opening is None:
            continue
        rest = re.split(r"[.:]|\betc\b", ctx.text[opening.end() : sentence.end])[0]
        # "on A, on B and on C" marks each item, and so does a set's members
        # listed ("They include agreements on A, B and C"); "in areas such as A,
        # B and C" only where each item names a subject of its own
        listed = some_of(m, ctx)
        # "..., and memoranda of understanding on ...": the next instrument's own
        after = ctx.lexicon.kind_pattern.search(rest)
        if after and listed:
            rest = re.sub(r"[\s,]*(?:and|as well as)?\s*$", "", rest[: after.start()])
        each_on = len(_EACH_ON.findall(rest)) >= 1
        told = _COUNT.search(m.modifiers)
        count = _NUMBERS.get(told.group(1), 0) if told else 0
        items = [i for i in (_EACH_ON if each_on else _ITEM_BREAK).split(rest) if i]
        by_commas = [i for i in _COMMA_BREAK.split(rest) if i]
        if count and len(items) != count and len(by_commas) == count:
            # "four agreements concerning aviation, water, visas, and investment
            # and trade": the commas part the items when the count says so
            items = by_commas
        topics = (  # a marked item is a subject even without a topic
            [topics_of(item, ctx) for item in items]
            if each_on or listed
            else _item_topics(items, ctx)
        )
        distinct = all(topics) and len(set(topics)) == len(topics)
        if count not in (0, len(topics)):
            continue  # "15 agreements on trade, energy and tourism": what they cover
        if len(topics) >= 2 and (each_on or listed or distinct):
            return topics
    for m in cluster.mentions:
        items = _bulleted(m, ctx) if m.plural else []
        if len(items) >= 2:
            return [topics_of(item, ctx) for item in items]
    return []


# "signed five memorandums ... They cover:\n- fisheries;\n- trade in rice"
_BULLETS_AFTER = re.compile(r"[^\n]{0,80}:[ \t]*\n((?:[ \t]*[-*•·][^\n]+\n?)+)")


def _bulleted(m: InstrumentMention, ctx: Context) -> list[str]:
    """The subjects of a plural instrument listed as bullets right after it."""
    found = _BULLETS_AFTER.match(ctx.text, m.end)
    if found is None:
        return []
    return [
        line.strip(" \t-*•·;.")
        for line in found.group(1).splitlines()
        if line.strip(" \t-*•·;.")
    ]


def one_of_them(m: InstrumentMention, previous: Cluster, ctx: Context) -> bool:
    """ "One of the 27 agreements signed on Friday was a deal on visas": a set's
    member, not the set."""
    sentence = ctx.sentence_of(m.start)
    return all(x.plural for x in previous.mentions) and bool(
        re.match(r"\s*(?:One|Another|Chief)\s+(?:of|among)\s", sentence.text)
    )
