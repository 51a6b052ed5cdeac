"""Mentions of an instrument that name no kind: "it", "the signing", and the
name a text gives after "known as"; and "these agreements", told of each of the
instruments introduced together before it. They join the instruments
:mod:`.coref` has grouped.
"""

from __future__ import annotations

import re

from diplograph.extract.cluster import Cluster
from diplograph.extract.context import Context
from diplograph.extract.mentions import STATEMENTS, InstrumentMention
from diplograph.extract.text import Sentence

_VERB_IT = re.compile(
    r"\b(?:ratified|signed|adopted|approved|extended|suspended|renewed|implemented|"
    r"rejoined|quit|scrapped|terminated|endorsed|violated)\s+(it)\b"
)


_KNOWN_AS = re.compile(
    r"(?:,\s*)?(?:also\s+|formally\s+|officially\s+)?(?:known as|called|dubbed|"
    r"named|titled)\s+(?:the\s+)?[\"“]?$",
    re.I,
)


_WHAT_KNOWN_AS = re.compile(
    r"\bwhat\s+(?:is|was|has been)\s+(?:also\s+|now\s+|widely\s+|commonly\s+)?"
    r"(?:known as|called|dubbed)\s+(?:the\s+)?$"
)


def join_known_as(clusters: list[Cluster], ctx: Context) -> None:
    """ "the pact known as the General Security of Military Information
    Agreement": the mention before "known as" and the name are one."""
    owner = {id(m): c for c in clusters for m in c.mentions}
    ordered = sorted((m for c in clusters for m in c.mentions), key=lambda m: m.start)
    for before, m in zip(ordered, ordered[1:], strict=False):
        first, second = owner[id(before)], owner[id(m)]
        if first is second:
            continue
        between = ctx.text[before.end : m.start]
        # "the cessation of what is also known as the Kuala Lumpur Peace Accord"
        what = _WHAT_KNOWN_AS.search(ctx.text, max(0, m.start - 60), m.start)
        if not what and (
            not _KNOWN_AS.search(between)
            or len(between) > 40
            or re.search(r"[.;!?]", between)  # "... with Niger. The partnership,
            # dubbed GATOBE": the name is the partnership's, in a sentence of its own
        ):
            continue
        if what and len(between) > 300:
            continue
        first.mentions.extend(second.mentions)
        first.kinds |= second.kinds
        if second.key and not first.key:
            first.key, first.name = second.key, second.name
        for x in second.mentions:
            owner[id(x)] = first
        clusters.remove(second)


_PASSIVE_IT = re.compile(
    r"\b(it)\s+(?:was|is|has been|had been|will be)\s+(?:\w+ly\s+)?"
    r"(?:signed|ratified|adopted|approved|extended|suspended|renewed|implemented|"
    r"terminated|concluded|initialled|reached)\b"
)


def _passive_it(sentence: Sentence, clusters: list[Cluster], ctx: Context) -> None:
    """ "two years after it was signed": "it" takes up the instrument named last
    before it in the same sentence."""
    for match in _PASSIVE_IT.finditer(sentence.text):
        start = sentence.start + match.start(1)
        before = [
            (m.start, c) for c in clusters for m in c.mentions
            if sentence.start <= m.start < start
        ]  # fmt: skip
        if before:
            max(before, key=lambda pair: pair[0])[1].mentions.append(
                InstrumentMention(start, start + 2, None, "it")
            )


_SAYING = r"(?:added|adds|said|says|stated|states|noted|notes|read|reads|continued)"
_IT_SAYS = re.compile(rf",\s+(it)\s+{_SAYING}\W*$")
_SAYS_AFTER = re.compile(rf"\s+(?:also\s+)?{_SAYING}\b")


def _speaks(cluster: Cluster | None, ctx: Context) -> bool:
    """Whether the instrument's last mention is what says the words around it
    ("the communique added", "according to the statement")."""
    if cluster is None:
        return False
    m = cluster.mentions[-1]
    return bool(
        _SAYS_AFTER.match(ctx.text, m.end)
        or re.search(
            r"\baccording\s+to\s+$", ctx.text[max(0, m.lead - 20) : m.lead], re.I
        )
    )


_IT_SPEAKS = re.compile(rf"It\s+(?:also\s+)?{_SAYING}\b")


_THE_SIGNING = re.compile(r"\b(the)\s+signing\b(?!\s+of)", re.I)


def add_pronouns(clusters: list[Cluster], ctx: Context) -> None:
    """ "It" opening a sentence continues the instrument the sentence before ends
    with; "ratified it" after an event verb takes up the one the sentence before
    opens on, else the last one named."""
    last: dict[int, Cluster] = {}
    opening: dict[int, Cluster] = {}  # the instrument a sentence opens on
    for cluster in clusters:
        for m in cluster.mentions:
            sentence = ctx.sentence_of(m.start)
            index = sentence.index
            if index not in last or last[index].mentions[-1].start < m.start:
                last[index] = cluster
            if not ctx.text[sentence.start : m.lead].strip():
                opening[index] = cluster
    recent: Cluster | None = None
    for sentence in ctx.sentences:
        if sentence.index in last:
            # "The treaty was signed ... with a defence agreement. Parliament
            # ratified it": the one the sentence is about, else the one told last
            recent = opening.get(sentence.index, last[sentence.index])
            _passive_it(sentence, clusters, ctx)
            continue
        if (
            sentence.text.startswith("It ")
            and sentence.index - 1 in last
            # "It said these documents will ...": who speaks is the ministry
            # quoted before, unless the instrument is a statement that speaks
            and not (
                _IT_SPEAKS.match(sentence.text)
                and not last[sentence.index - 1].kinds & STATEMENTS
            )
        ):
            last[sentence.index - 1].mentions.append(
                InstrumentMention(sentence.start, sentence.start + 2, None, "It")
            )
        elif (says := _IT_SAYS.search(sentence.text)) and _speaks(
            last.get(sentence.index - 1), ctx
        ):
            # "..., the communique added. Honduras would sever ties with Taiwan,
            # it added.": what the instrument says goes on
            start = sentence.start + says.start(1)
            last[sentence.index - 1].mentions.append(
                InstrumentMention(start, start + 2, None, "it")
            )
        elif recent is not None:
            for match in _VERB_IT.finditer(sentence.text):
                start = sentence.start + match.start(1)
                recent.mentions.append(InstrumentMention(start, start + 2, None, "it"))
        # "witnessed the signing on Saturday" in the opening sentences: the
        # signing of the article's first instrument; later, "the signing
        # ceremony on Friday morning", of the one told last
        target = clusters[0] if clusters and sentence.index < 3 else recent
        if target is not None and sentence.index not in last:
            for match in _THE_SIGNING.finditer(sentence.text):
                start = sentence.start + match.start(1)
                target.mentions.append(
                    InstrumentMention(start, start + 3, None, match.group(1))
                )


def share_plural_references(clusters: list[Cluster], ctx: Context) -> None:
    """ "ratified a border treaty and a water treaty ... Both treaties were signed
    on November 3": a plural back-reference is a mention of each of the
    instruments introduced together in one of the two sentences before it (not
    "signed five agreements ... the agreements": a set told as one)."""
    plural = [
        (c, m)
        for c in clusters
        for m in c.mentions
        if m.plural and not m.key and _EACH_OF_THEM.fullmatch(m.modifiers)
    ]
    for cluster, m in plural:
        index = ctx.sentence_of(m.start).index
        for before in (index, index - 1, index - 2):
            together = [
                c
                for c in clusters
                if not c.mentions[0].plural
                and ctx.sentence_of(c.mentions[0].start).index == before
                and c.mentions[0].start < m.start
            ]
            if len(together) >= 2:
                for c in together:
                    if m not in c.mentions:
                        c.mentions.append(m)
                if cluster not in together:
                    cluster.mentions.remove(m)
                    if not cluster.mentions:
                        clusters.remove(cluster)
                break


# "these agreements", "both treaties", "the two agreements": each of them
_EACH_OF_THEM = re.compile(
    r"(?:these|those|both|the\s+(?:two|three|four|both))\s+(?:[\w-]+\s+)?"
)
