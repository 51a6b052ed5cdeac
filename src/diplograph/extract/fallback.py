"""Parties when no clause ties an actor to the instrument: the actors of its
first sentence, else of the sentence before it, else those the headline names
(:mod:`.headline`)."""

from __future__ import annotations

from diplograph.extract.clauses import LISTED, roles_in
from diplograph.extract.cluster import Cluster
from diplograph.extract.context import Context
from diplograph.extract.headline import headline_actors, in_headline
from diplograph.extract.references import plural_parties
from diplograph.extract.roles import Votes, party_reason, plural_reason
from diplograph.extract.speakers import RESUMED
from diplograph.extract.text import Sentence


def _named_in(sentence: Sentence, ctx: Context, votes: Votes) -> None:
    roles = roles_in(ctx, sentence)
    auspices = ctx.lexicon.auspices  # "the UN welcomed it": the forum, no party
    actors = ctx.actors_in(sentence.start, sentence.end)
    # "Serbia and the United Nations resumed talks": one side, not the forum
    pairs = [
        (a, b)
        for a, b in zip(actors, actors[1:], strict=False)
        if LISTED.fullmatch(ctx.text, a.end, b.start)
    ]
    sides = {x.start for pair in pairs for x in pair}
    for a in actors:
        said = ctx.lexicon.speaker_after.match(ctx.text, a.end)
        if said and not RESUMED.match(ctx.text, said.end()):
            continue  # "Qatar announced that ...": it speaks ("... that it" acts)
        if (
            not a.weak
            and not roles.get(a.start)
            and (a.code not in auspices or a.start in sides)
        ):
            rule = "named in the instrument's first sentence"
            votes.add(a.code, 1, party_reason(ctx, a, rule))


def fallback_parties(cluster: Cluster, ctx: Context, *, headline: bool) -> Votes:
    """Nothing ties an actor to the instrument: the actors of its first sentence,
    or for the article's first instrument those of the headline ("Bangladesh,
    India sign five MoUs")."""
    votes = Votes()
    auspices = ctx.lexicon.auspices
    first = ctx.sentence_of(cluster.mentions[0].start)
    _named_in(first, ctx, votes)
    if not votes.weights and first.index == 0 and len(cluster.mentions) > 1:
        # a headline that names nobody: the body's first sentence about it
        first = ctx.sentence_of(cluster.mentions[1].start)
        _named_in(first, ctx, votes)
    if (
        not votes.weights
        and first.index > 0
        and "\n" not in ctx.text[ctx.sentences[first.index - 1].end : first.start]
    ):
        previous = ctx.sentences[first.index - 1]
        roles = roles_in(ctx, previous)
        for a in ctx.actors_in(previous.start, previous.end):
            if not a.weak and not roles.get(a.start) and a.code not in auspices:
                rule = "named in the sentence before the instrument's"
                votes.add(a.code, 1, party_reason(ctx, a, rule))
        if not votes.weights:
            # "The two countries fought two wars. A ceasefire ended the second"
            for words, codes in plural_parties(ctx, previous.start, previous.end, {}):
                for code in codes:
                    votes.add(code, 1, plural_reason(code, words))
    if not votes.weights and headline:
        for a in headline_actors(ctx):
            votes.add(a.code, 1, in_headline(a, ctx))
    return votes
