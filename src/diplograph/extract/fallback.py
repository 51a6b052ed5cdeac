"""Parties when no clause ties an actor to the instrument: the actors of its
first sentence, else of the sentence before it, else those the headline names
(:func:`headline_actors`, :func:`headline_pair`)."""

from __future__ import annotations

import re

from diplograph.extract.actors import ActorMention, find_actors
from diplograph.extract.clauses import LISTED, roles_in
from diplograph.extract.cluster import Cluster
from diplograph.extract.context import Context
from diplograph.extract.references import plural_parties
from diplograph.extract.roles import Votes, party_reason, plural_reason
from diplograph.extract.speakers import RESUMED
from diplograph.extract.text import Sentence
from diplograph.model import Because, Evidence


def in_headline(a: ActorMention, ctx: Context) -> Because:
    """Why a state the headline names is a party: the headline is the evidence
    (it is not in the text the offsets count)."""
    rule = f"named in the headline ({ctx.article.title[a.start : a.end]!r})"
    return Because(f"party {a.code}", "roles", rule, Evidence(0, 0, ctx.article.title))


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


def headline_pair(ctx: Context) -> list[ActorMention]:
    """The two states the headline names together ("Kenya, Uganda sign railway
    deal", "Peru and Ghana sign ..."), if it does."""
    actors = headline_actors(ctx)
    title = ctx.article.title
    if len({a.code for a in actors}) != 2 or not re.fullmatch(
        r"\s*(?:,|and|&|-|–)\s*", title[actors[0].end : actors[1].start]
    ):
        return []
    return actors


def headline_actors(ctx: Context) -> list[ActorMention]:
    """The states the headline names as actors (offsets into the headline): not
    places, nor speakers or critics ("Somalia rejects Ethiopia's port deal")."""
    title = ctx.article.title
    return [
        a
        for a in find_actors(title)
        if not a.weak
        # a place is no actor, but the state a leader visits is the host
        # ("Outcomes of the state visit of the President of Ghana to Togo")
        and (not a.place or _VISITED.search(title, 0, a.start))
        and not ctx.lexicon.speaker_after.match(title, a.end)
        # "countries sign UN high seas treaty": made under its auspices
        and not (a.code in ctx.lexicon.auspices and _BEFORE_NOUN.match(title, a.end))
        and not _names_an_instrument(a, title, ctx)
    ]


_VISITED = re.compile(r"\bvisits?\b[^,;:]{0,60}\bto\s+(?:the\s+)?$", re.I)


def _names_an_instrument(a: ActorMention, title: str, ctx: Context) -> bool:
    """ "India to ratify Paris climate agreement", "Oslo Accords at 30": a city
    that opens an instrument's name is no party to it."""
    if a.role != "capital":
        return False
    after = title[a.end :]
    return bool(re.match(r"\s", after)) and (
        bool(ctx.lexicon.kind_pattern.match(after.lstrip()))
        or any(
            title[a.start :].lower().startswith(surface.lower())
            for inst in ctx.lexicon.instruments
            for surface in (inst.name, *inst.aliases)
        )
    )


_BEFORE_NOUN = re.compile(r"(?:'s|’s)?\s+[a-z]")
