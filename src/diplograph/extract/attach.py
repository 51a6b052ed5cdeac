"""Which instrument each event verb acts on: the mention nearest to it in its
sentence, a clause break counting as distance; an instrument coordinated with
that one ("the Agreement and its affiliated Protocol"); and, in the sentence
right after one that names a single instrument, the steps told without naming
it again.
"""

from __future__ import annotations

import re

from diplograph.extract.clauses import VerbHit
from diplograph.extract.cluster import Cluster
from diplograph.extract.context import Context
from diplograph.extract.mentions import InstrumentMention
from diplograph.extract.text import Sentence

_BETWEEN_CLAUSES = re.compile(r"[;]|\b(?:but|while|whereas|although|after|before)\b")


# How far (in characters, a clause break counting 150) a verb reaches its instrument.
_REACH = 200


def verb_hits(cluster: Cluster, clusters: list[Cluster], ctx: Context) -> list[VerbHit]:
    """The event verbs of the sentences that mention ``cluster`` and act on it:
    nearer to one of its mentions than to any other instrument's, a clause
    break counting as distance."""
    own = {id(m) for m in cluster.mentions}
    hits: list[VerbHit] = []
    for index in sorted({ctx.sentence_of(m.start).index for m in cluster.mentions}):
        for hit, nearest, nearby in _sentence_verbs(
            ctx.sentences[index], clusters, ctx
        ):
            if _SUCH.search(ctx.text, max(0, hit.start - 60), hit.start):
                continue  # "the first such deal the EU has signed": the kind's
            if id(nearest) in own or _coordinated(nearest, nearby, own, hit, ctx):
                hits.append(hit)
    return (
        hits
        + _implicit_hits(cluster, clusters, ctx)
        + _told_before(cluster, clusters, ctx)
    )


# a clause on an instrument's kind, not on the instrument: "the third such pact
# Japan has concluded" (not "such a pact", one of that kind)
_SUCH = re.compile(
    r"\b(?:the\s+(?:[\w-]+\s+)?|(?:more\s+than\s+|over\s+|some\s+|about\s+)?"
    # "one of more than 20 such agreements Kyiv has signed since January"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|several|many)\s+)"
    r"such\s+[\w-]+\s+(?:(?:that|which)\s+)?(?:[\w.'’-]+\s+){0,3}$",
    re.I,
)


# steps a sentence can tell without naming the instrument again ("Argentina
# and Uruguay deposited their ratifications on Thursday")
_IMPLICIT = frozenset(
    {"ratified", "in_force", "withdrawn", "suspended", "extended", "signed"}
)


def _implicit_hits(
    cluster: Cluster, clusters: list[Cluster], ctx: Context
) -> list[VerbHit]:
    """The steps of the sentence right after one that names only ``cluster``,
    in the same paragraph (a lead's signing, in the next), when that sentence
    names no instrument."""
    named = _named_by_sentence(clusters, ctx)
    hits = []
    for index in _named_alone(clusters, ctx).get(id(cluster), ()):
        following = index + 1
        if following >= len(ctx.sentences):
            continue
        sentence = ctx.sentences[following]
        if following in named or following in ctx.naming:
            continue
        steps = _IMPLICIT
        if "\n" in ctx.text[ctx.sentences[index].end : sentence.start]:
            if not _paragraph_of_its_own(index, ctx):
                continue
            steps = _SIGNED  # "... signed on Friday by": the lead's signing told on
        hits += [
            VerbHit(etype, start, end, sentence)
            for etype, start, end in ctx.verbs(sentence)
            if etype in steps and _told_by_actor(sentence, start, ctx)
        ]
    return hits


_SIGNED = frozenset({"signed"})


def _paragraph_of_its_own(index: int, ctx: Context) -> bool:
    """Whether sentence ``index`` is a paragraph by itself, as a news lead is: the
    paragraph after it tells the lead's instrument on ("South Africa and
    Australia have signed an agreement ...\nThe letter of intent was signed on
    Friday")."""
    sentence = ctx.sentences[index]
    line_start = ctx.text.rfind("\n", 0, sentence.start) + 1
    opens_line = not ctx.text[line_start : sentence.start].strip(" \t")
    return opens_line and "\n" in ctx.text[sentence.end : sentence.end + 3]


def _told_before(
    cluster: Cluster, clusters: list[Cluster], ctx: Context
) -> list[VerbHit]:
    """ "Ghana and Togo agreed on Sunday to share radar data. The arrangement
    ...": an instrument first named by a back-reference was agreed or signed in
    the sentence before it, when that sentence names no instrument."""
    first = cluster.mentions[0]
    if first.key or first.determiner not in ("the", "this", "that"):
        return []
    index = ctx.sentence_of(first.start).index
    if index == 0 or index - 1 in _named_by_sentence(clusters, ctx):
        return []
    sentence = ctx.sentences[index - 1]
    told = [
        (etype, start, end)
        for etype, start, end in ctx.verbs(sentence)
        if etype in ("agreed", "signed")
    ]
    # "agreed to share radar data" is the agreement the next sentence names
    told += [
        ("agreed", sentence.start + m.start(), sentence.start + m.end())
        for m in _AGREED_TO.finditer(sentence.text)
        if not any(start <= sentence.start + m.start() < end for _, start, end in told)
    ]
    return [
        VerbHit(etype, start, end, sentence)
        for etype, start, end in told
        if _told_by_actor(sentence, start, ctx)
    ]


_AGREED_TO = re.compile(r"\bagreed\b(?=(?:\s+\w+){0,4}?\s+to\s)")


def _told_by_actor(sentence: Sentence, verb: int, ctx: Context) -> bool:
    """Whether the step is the instrument's: not "Flights between the two
    capitals were suspended"."""
    start = ctx.clause_start(sentence, verb)
    other = _OTHER_SUBJECT.match(ctx.text, start, verb)
    return other is None or any(
        a.start <= other.start(1) < a.end for a in ctx.actors_in(start, other.end())
    )


# a clause opening on something else told of: "Flights between ...", "Exports of",
# "Work on the Afghan section" (not "Ghana on Monday ...": an actor)
_OTHER_SUBJECT = re.compile(r"\W*([A-Z][a-z]+)\s+(?:between|from|to|of|on|in)\b")


def _named_by_sentence(clusters: list[Cluster], ctx: Context) -> dict[int, set[int]]:
    """Which instruments (by id) each sentence names; once per article."""
    key = ("named by sentence", 0)
    if key not in ctx.memo:
        named: dict[int, set[int]] = {}
        for c in clusters:
            for m in c.mentions:
                named.setdefault(ctx.sentence_of(m.start).index, set()).add(id(c))
        ctx.memo[key] = named
    return ctx.memo[key]  # type: ignore[no-any-return]


def _named_alone(clusters: list[Cluster], ctx: Context) -> dict[int, list[int]]:
    """The sentences that name one instrument only, by that instrument's id;
    once per article, so each instrument finds its own without a scan."""
    key = ("named alone", 0)
    if key not in ctx.memo:
        alone: dict[int, list[int]] = {}
        for index, owners in _named_by_sentence(clusters, ctx).items():
            if len(owners) == 1:
                alone.setdefault(next(iter(owners)), []).append(index)
        ctx.memo[key] = alone
    return ctx.memo[key]  # type: ignore[no-any-return]


def _mentions_by_sentence(
    clusters: list[Cluster], ctx: Context
) -> dict[int, list[InstrumentMention]]:
    """Every sentence's instrument mentions, in order; once per article."""
    key = ("mentions by sentence", 0)
    if key not in ctx.memo:
        by_sentence: dict[int, list[InstrumentMention]] = {}
        for c in clusters:
            for m in c.mentions:
                by_sentence.setdefault(ctx.sentence_of(m.start).index, []).append(m)
        for mentions in by_sentence.values():
            mentions.sort(key=lambda m: m.start)
        ctx.memo[key] = by_sentence
    return ctx.memo[key]  # type: ignore[no-any-return]


Reached = tuple[VerbHit, InstrumentMention, list[InstrumentMention]]


def _sentence_verbs(
    sentence: Sentence, clusters: list[Cluster], ctx: Context
) -> list[Reached]:
    """Each event verb of the sentence with the mention nearest to it and the
    mentions within its reach; once per sentence, and bounded by the reach, so a
    long sentence costs verbs times nearby mentions, not more."""
    key = ("reached", sentence.index)
    if key in ctx.memo:
        return ctx.memo[key]  # type: ignore[no-any-return]
    here = _mentions_by_sentence(clusters, ctx).get(sentence.index, [])
    found: list[Reached] = []
    for etype, start, end in ctx.verbs(sentence):
        nearby = [
            m for m in here if m.start - end <= _REACH and start - m.end <= _REACH
        ]
        if not nearby or any(m.start <= start < m.end for m in nearby):
            continue
        scored = [(_distance(m, start, end, ctx), m) for m in nearby]
        best, nearest = min(scored, key=lambda pair: pair[0])
        held = _aside_holder(nearest, nearby, start, ctx)
        if held is not None:
            best, nearest = 0, held
        if best <= _REACH:
            found.append((VerbHit(etype, start, end, sentence), nearest, nearby))
    ctx.memo[key] = found
    return found


# "The ceasefire ..., in place since the 1994 Bishkek Protocol, collapsed": an
# aside between commas, closing right before the verb
_ASIDE_OPENS = re.compile(r"[^,;.]{0,100}?,\s+(?!and\b|or\b)[^,;.]{0,100}")
_ASIDE_CLOSES = re.compile(r"\s*,\s*(?:\w+ly\s+)?")


def _aside_holder(
    nearest: InstrumentMention,
    nearby: list[InstrumentMention],
    verb: int,
    ctx: Context,
) -> InstrumentMention | None:
    """The mention before an aside that holds ``nearest`` and closes right before
    the verb: the verb's subject, not the instrument the aside names."""
    if nearest.end > verb or not _ASIDE_CLOSES.fullmatch(ctx.text, nearest.end, verb):
        return None
    lead = nearest.start - len(nearest.modifiers)
    before = [m for m in nearby if m.end <= lead]
    if before and _ASIDE_OPENS.fullmatch(ctx.text, before[-1].end, lead):
        return before[-1]
    return None


def _distance(m: InstrumentMention, start: int, end: int, ctx: Context) -> int:
    # a verb before a mention reaches its noun phrase where its words begin:
    # "signed a protocol on Monday extending their 2014 fisheries deal"
    lead = max(end, m.start - len(m.modifiers))
    lo, hi = (m.end, start) if m.end <= start else (end, lead)
    gap = abs(hi - lo)
    between = ctx.text[min(lo, hi) : max(lo, hi)]
    # "a declaration the two signed in April and a ceasefire agreed in May": the
    # instrument after "and" is no object of the verb before it
    conjunct = m.start >= end and _NEXT_CONJUNCT.search(between)
    return gap + (60 if conjunct or _BETWEEN_CLAUSES.search(between) else 0)


_NEXT_CONJUNCT = re.compile(
    r"\S\s+and\s+(?:(?:an?|the|its|their)\s+)?(?:[\w-]+\s+){0,3}$"
)


_AND_ITS = re.compile(
    # "an agreement on visa exemption and a memorandum on a railway crossing"
    r"(?:\s+(?:on|for|to|with|between|in|of)\s+[^;.]{0,160}?)?"
    r"(?:\s*,?\s*(?:and|as well as)\s+"
    r"(?:(?:its|their|the|an?)\s+(?:[\w-]+\s+){0,4}|(?:[\w-]+\s+){0,2})"
    # "one on visas, a memorandum on health and a treaty": a list's comma
    r"|\s*,\s*(?:an?|its|their)\s+(?:[\w-]+\s+)?)$"
)


def _coordinated(
    nearest: InstrumentMention,
    here: list[InstrumentMention],
    own: set[int],
    hit: VerbHit,
    ctx: Context,
) -> bool:
    """ "signed the Agreement ... and its affiliated Protocol", "the Treaty ...
    and the Khujand Declaration were signed", "was signed together with a
    defence agreement": a verb acting on one of coordinated instruments, the one
    nearer to it, acts on the others too."""
    return any(
        id(m) in own
        and (
            (
                m.start >= nearest.end
                # not a verb between them: "a declaration they signed in April
                # and a ceasefire agreed in May"
                and not nearest.end <= hit.start < m.start
                and _AND_ITS.fullmatch(ctx.text, nearest.end, m.start)
            )
            or (
                m.end <= nearest.start < nearest.end <= hit.start
                and _AND_ITS.fullmatch(ctx.text, m.end, nearest.start)
                # the first with a verb of its own is not the verb's subject
                and not any(
                    m.end <= start < nearest.start
                    for _, start, _ in ctx.verbs(hit.sentence)
                )
            )
            # "The treaty was signed in January together with a defence
            # agreement and an aviation agreement": signed as well
            or (
                nearest.end <= hit.start < m.start
                and _TOGETHER_WITH.fullmatch(ctx.text, hit.end, m.start) is not None
            )
        )
        for m in here
    )


_TOGETHER_WITH = re.compile(
    r"[^;.]{0,80}?\b(?:(?:together|along)\s+with|alongside)\s+"
    r"(?:[^;.]{0,120}?(?:,\s*|\s+and\s+))?(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,4}"
)
