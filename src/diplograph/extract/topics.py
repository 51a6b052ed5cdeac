"""What an instrument is about: the topic words around its mentions, not past
another instrument introduced with it, else the article's subject."""

from __future__ import annotations

import re

from diplograph.extract.cluster import Cluster
from diplograph.extract.context import Context
from diplograph.extract.mentions import InstrumentMention
from diplograph.extract.text import Sentence
from diplograph.model import Because


def topics_of(words: str, ctx: Context) -> tuple[str, ...]:
    """The topics some words name, sorted."""
    return tuple(sorted(ctx.lexicon.topics_in(words)))


def topics_of_instrument(
    cluster: Cluster, kind: str, ctx: Context
) -> tuple[tuple[str, ...], list[Because]]:
    """Topics from the words around each mention ("an intelligence-sharing pact on
    North Korea's missile programs"), not from the rest of the sentence."""
    lexicon = ctx.lexicon
    first = cluster.mentions[0]
    named = ctx.span(first.start, first.end)
    because: list[Because] = []
    topics = set(lexicon.topics_by_kind.get(kind, ()))
    for topic in sorted(topics):
        rule = f"what a {kind.replace('_', ' ')} is about"
        because.append(Because(f"topic {topic}", "describe", rule, named))
    for inst in lexicon.instruments:
        if cluster.key == inst.id:
            for topic in inst.topics:
                rule = f"what the lexicon's {inst.name} is about"
                because.append(Because(f"topic {topic}", "describe", rule, named))
            topics.update(inst.topics)
    for m in cluster.mentions:
        if m.kind is None and m.text.lower() == "the":
            continue  # "the signing ceremony": the words around tell of the day
        sentence = ctx.sentence_of(m.start)
        start, end = _own_words(m, sentence, ctx)
        for topic, found_start, found_end in _keywords(sentence, ctx):
            if start <= found_start and found_end <= end and topic not in topics:
                topics.add(topic)
                words = ctx.text[found_start:found_end]
                rule = f"keyword {words!r} near the instrument"
                span = ctx.span(found_start, found_end)
                because.append(Because(f"topic {topic}", "describe", rule, span))
    if not topics:  # every instrument is about something: the article's subject
        topics, because = _article_topics(ctx)
    return tuple(sorted(topics)), because


def _article_topics(ctx: Context) -> tuple[set[str], list[Because]]:
    """The topic the article's words name most often, told first on a tie."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    for sentence in ctx.sentences:
        for topic, start, end in _keywords(sentence, ctx):
            counts[topic] = counts.get(topic, 0) + 1
            first.setdefault(topic, (start, end))
    if not counts:
        return set(), []
    topic = max(counts, key=lambda t: (counts[t], -first[t][0]))
    start, end = first[topic]
    rule = f"the article's most frequent topic word, first {ctx.text[start:end]!r}"
    return {topic}, [Because(f"topic {topic}", "describe", rule, ctx.span(start, end))]


# "an agreement on friendly relations and an agreement on demarcating the
# border", "an MoU on trade, a health pact": where the next instrument
# introduced with it begins
_AND_ANOTHER = re.compile(
    r"\s*(?:,\s*(?:(?:and|as well as)\s+)?|\b(?:and|as well as|together with|"
    r"along with|alongside)\s+)(?:an?|the)\s+"
    r"(?:[\w-]+\s+){0,4}$"
)


_NEXT_CLAUSE = re.compile(r"[,;]\s+(?:and|but|while|whereas|as)\s+|;\s+")


def _own_words(
    m: InstrumentMention, sentence: Sentence, ctx: Context
) -> tuple[int, int]:
    """The words around a mention that tell its subject: up to 150 characters
    before it and 200 after, but not past an instrument introduced with it."""
    text = ctx.text
    start = max(sentence.start, m.start - 150)
    end = min(sentence.end, m.end + 200)
    # "included one on visas; a memorandum on health; ...": an item each
    start = max(start, text.rfind(";", start, m.start) + 1)
    semicolon = text.find(";", m.end, end)
    end = semicolon if semicolon >= 0 else end
    for other in ctx.lexicon.kind_pattern.finditer(text, m.end, end):
        joined = _AND_ANOTHER.search(text, m.end, other.start())
        if joined:
            end = joined.start()
            break
    joined = _AND_ANOTHER.search(text, start, m.start)
    if joined and ctx.lexicon.kind_pattern.search(text, start, joined.start()):
        start = max(start, joined.start())
    # "since the 1991 ceasefire, and on Monday they signed a trade deal": a clause
    # of its own for each
    for other in ctx.lexicon.kind_pattern.finditer(text, m.end, end):
        clause = _NEXT_CLAUSE.search(text, m.end, other.start())
        if clause:
            end = min(end, clause.start())
            break
    before = [x.end() for x in ctx.lexicon.kind_pattern.finditer(text, start, m.start)]
    if before:
        clauses = list(_NEXT_CLAUSE.finditer(text, before[-1], m.start))
        if clauses:
            start = max(start, clauses[-1].end())
    # "signed a defence pact, a year after they normalised ties under a deal":
    # the words of another time are the other instrument's
    other_time = ctx.lexicon.other_time_clause
    later = other_time.search(text, m.end, end)
    if later:
        end = later.start()
    earlier = [found.start() for found in other_time.finditer(text, start, m.start)]
    if earlier:
        start = earlier[-1]
    return start, end


def _keywords(sentence: Sentence, ctx: Context) -> list[tuple[str, int, int]]:
    """Each topic keyword of the sentence, found once per sentence, but not one
    in the name of a body that acts in it ("the International Atomic Energy
    Agency signed ..."): that tells who signs, not what about ("a host agreement
    for the African Medicines Agency" is about medicines)."""
    key = ("topic keywords kept", sentence.index)
    if key not in ctx.memo:
        ctx.memo[key] = _kept(sentence, ctx)
    return ctx.memo[key]  # type: ignore[no-any-return]


def _kept(sentence: Sentence, ctx: Context) -> list[tuple[str, int, int]]:
    found = [
        (topic, start, end)
        for topic, start, end in ctx.matches(
            sentence, "topic keywords", ctx.lexicon.topic_keywords
        )
        # "It does not include a mutual defence clause": what it is not about
        if not _LEFT_OUT.search(ctx.text, max(sentence.start, start - 60), start)
    ]
    asides = _asides_of_others(sentence, ctx)
    found = [f for f in found if not any(a <= f[1] and f[2] <= b for a, b in asides)]
    if not any(ctx.text[start].isupper() for _, start, _ in found):
        return found
    actors = ctx.actors_in(sentence.start, sentence.end)
    titles = [
        (start, end)
        for t in _TITLE.finditer(sentence.text)
        for start, end in [(sentence.start + t.start(), sentence.start + t.end())]
        # an instrument's own name is no body's: "the Convention on the Service
        # Abroad of Judicial Documents"
        if (
            _OFFICE.search(t.group())
            and not ctx.lexicon.kind_pattern.search(t.group())
            and any(start <= a.start and a.end <= end for a in actors)
        )
        # "Tajikistan's Minister of Energy and Water Resources signed": who signs
        or _PORTFOLIO.search(t.group())
    ]
    return [
        (topic, start, end)
        for topic, start, end in found
        if not any(a <= start and end <= b for a, b in titles)
    ]


# a relative clause: "the channel, which carries grain exports,", "Turkey, with
# which Greece has disputes over maritime boundaries,", "the airport where"
_RELATIVE = re.compile(
    r"([\w'’-]+)(?:,\s+(?:with\s+|in\s+|of\s+)?(?:which|who|whom|whose|where)|"
    r"\s+where)\b[^,;]*"
)


_TIME_WORD = re.compile(
    r"(?:year|month|week|day|\w+day|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|\d{4})s?",
    re.I,
)


def _asides_of_others(sentence: Sentence, ctx: Context) -> list[tuple[int, int]]:
    """The relative clauses that tell of something other than an instrument:
    their topic words are not what the instrument is about."""
    kinds = ctx.lexicon.kind_pattern
    spans = []
    for found in _RELATIVE.finditer(ctx.text, sentence.start, sentence.end):
        if kinds.fullmatch(found.group(1)) or kinds.search(found.group()):
            continue  # "the memorandum, which covers trade": the instrument's
        if _TIME_WORD.fullmatch(found.group(1)):
            continue  # "the MoU it signed earlier in the year, which ...": of what
            # was told before the time
        spans.append((found.end(1), found.end()))
    return spans


_LEFT_OUT = re.compile(
    r"\b(?:does|did|do|will|would|could)\s+not\s+(?:include|cover|contain|"
    r"provide\s+for|address|mention|deal\s+with)\s+(?:an?\s+|the\s+|any\s+)?"
    r"(?:[\w-]+\s+){0,3}$",
    re.I,
)
# a run of capitalized words, with the small words titles join them by
_TITLE = re.compile(
    r"(?-i:[A-Z])[\w'’.-]*(?:(?:\s+|\s*,\s*)(?:of|for|and|on|the|&|"
    r"(?-i:[A-Z])[\w'’.-]*))*"
)
_PORTFOLIO = re.compile(
    r"\b(?:Minist(?:er|ry|ers|ries)|Secretary|Department|Commissioner)\s+(?:of|for)\s"
)
# the head of a body's name (not a commission's: "a joint trade commission" is
# often what the instrument sets up)
_OFFICE = re.compile(
    r"\b(?:Agency|Authority|Organi[sz]ation|Bank|Fund|Programme|Program|Institute|"
    r"Office|Corporation|Company|Association|Centre|Center|Board|Service|"
    r"Administration|Forum)\b"
)
