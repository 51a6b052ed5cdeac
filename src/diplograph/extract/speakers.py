"""Who speaks in a clause and who acts: speakers ("Seoul said the deal ...")
report; a pronoun taking them up after "that" makes them act ("Egypt and
Ethiopia said that they would finalise a deal")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from diplograph.extract.actors import ActorMention
from diplograph.extract.context import Context

if TYPE_CHECKING:
    from diplograph.extract.clauses import VerbHit

# a pronoun taking the speakers up: "X said on Monday that they had extended it"
RESUMED = re.compile(
    r"(?:\s+(?:on\s+)?\w+day)?(?:\s+that)?\s+(?:it|they|we|both|its|their|our)\b"
)


SPEAKER = "speaker taken up by a pronoun"
SUBJECT_BEFORE = "subject of the sentence before, taken up by 'It'"


def taken_up(
    hit: VerbHit, clause: int, roles: dict[int, str], ctx: Context
) -> Iterable[tuple[ActorMention, str]]:
    """The actors a pronoun subject of the verb takes up."""
    yield from _said_that_it(hit, clause, roles, ctx)
    yield from _it_before(hit, roles, ctx)


def _said_that_it(
    hit: VerbHit, clause: int, roles: dict[int, str], ctx: Context
) -> Iterable[tuple[ActorMention, str]]:
    """ "The Maldives announced on Wednesday that it will not renew the
    agreement": the speaker a pronoun takes up after "that" is the subject."""
    text, sentence = ctx.text, hit.sentence
    pronoun = re.match(r"\s*(it|they|we)\b", text[clause : hit.start])
    if not pronoun:
        return
    if not re.search(r"\bthat\s*$", text[sentence.start : clause]):
        return
    before = ctx.clause_start(sentence, max(sentence.start, clause - 6))
    rule = f"{SPEAKER} before {text[hit.start : hit.end]!r}"
    for a in ctx.actors_in(before, clause):
        said = ctx.lexicon.speaker_after.match(text, a.end)
        if said and not a.weak and not roles.get(a.start):
            if pronoun.group(1) == "they":
                # "Egypt's president and Ethiopia's premier said that they would":
                # all the speakers
                told = ctx.actors_in(sentence.start, a.start)
                yield from ((x, rule) for x in _speakers_with(told, a, ctx))
            yield (a, rule)


# "It has since signed": the pronoun opens the sentence, before its verb
_IT_OPENS = re.compile(r"\s*It\s+(?:(?:has|had|also|then|later|since|now|\w+ly)\s+)*$")
# what may open a sentence before its subject: "Niger had", "On Monday, Niger"
_OPENING = re.compile(
    r"\s*(?:(?:On|Last|This|In|Earlier)\s+[\w ]{1,20},\s+)?(?:the\s+)?"
)


def _it_before(
    hit: VerbHit, roles: dict[int, str], ctx: Context
) -> Iterable[tuple[ActorMention, str]]:
    """ "Niger expelled French troops. It has since signed a pact with Russia":
    a sentence's "It" is the state that opened the sentence before."""
    text, sentence = ctx.text, hit.sentence
    if not _IT_OPENS.fullmatch(text, sentence.start, hit.start):
        return
    index = ctx.sentences.index(sentence)
    if index == 0:
        return
    before = ctx.sentences[index - 1]
    actors = ctx.actors_in(before.start, before.end)
    if not actors or roles.get(actors[0].start):
        return
    first = actors[0]
    opens = _OPENING.fullmatch(text, before.start, first.start)
    plural = re.match(r"\s*(?:,|and\b)", text[first.end : first.end + 6])
    if (
        opens
        and not plural
        and not first.weak
        and not first.place
        and first.role != "person"
    ):
        yield first, f"{SUBJECT_BEFORE} {text[hit.start : hit.end]!r}"


# between speakers told together: "Egyptian President Sisi and Ethiopian ..."
_WITH_SPEAKER = re.compile(
    r"(?:(?:'s|’s)?(?:\s+[A-Z][\w.'’-]*){1,6}?)?(?:,\s*|,?\s+and\s+)(?:the\s+)?"
)


def _speakers_with(
    before: list[ActorMention], last: ActorMention, ctx: Context
) -> list[ActorMention]:
    """The actors listed with the speaker ``last``, nearest last."""
    group: list[ActorMention] = []
    following = last
    for a in reversed(before):
        if a.code == following.code and _TITLE.fullmatch(
            ctx.text, a.end, following.start
        ):
            following = a  # "Ethiopian Prime Minister Abiy Ahmed": one speaker
            continue
        if a.weak or not _WITH_SPEAKER.fullmatch(ctx.text, a.end, following.start):
            break
        group.insert(0, a)
        following = a
    return group


_TITLE = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){1,6}")


def speakers_end(ctx: Context, clause: int, verb: int) -> int:
    """Skip the speakers of "X and Y say the deal is in force": they report, not act.

    Speakers stay subjects when a pronoun takes them up ("they had extended").
    """
    said = list(ctx.lexicon.reporting.finditer(ctx.text, clause, verb))
    if not said:
        return clause
    if RESUMED.match(ctx.text, said[-1].end(), verb):
        return clause
    return said[-1].end()


# "after signing", "upon ratifying", "having signed": a clause with no subject
_PARTICIPLE = re.compile(r"\b(?:(?:after|before|upon|while|when)\s+|having\s+)$", re.I)
_IN_LIST = re.compile(r"(?:,\s*|,?\s+and\s+)(?:the\s+)?")
_COMMA = re.compile(r",\s*")


def participle_subjects(
    hit: VerbHit, roles: dict[int, str], ctx: Context
) -> Iterable[tuple[ActorMention, str]]:
    """ "Kenya and Ethiopia said after signing a pact that ...", "After signing a
    pact on Monday, Kenya and Ethiopia said ...": the participle's subject is
    the main clause's, whether it speaks or not."""
    text, sentence = ctx.text, hit.sentence
    lead = _PARTICIPLE.search(text, max(sentence.start, hit.start - 12), hit.start)
    verb = text[hit.start : hit.end]
    if lead is None or not (
        verb.split()[0].endswith("ing") or lead.group()[:1] in "hH"
    ):
        return
    if ctx.actors_in(sentence.start, lead.start()):
        position = sentence.start  # the sentence's own subject, told first
        opening = re.match(r"\s*(?:the\s+)?", text[position : lead.start()], re.I)
        position += opening.end() if opening else 0
    else:  # the fronted clause ends at its comma: the subject follows it
        comma = _COMMA.search(text, hit.end, sentence.end)
        if comma is None:
            return
        position = comma.end()
    rule = f"subject of the clause {verb!r} depends on"
    group: list[ActorMention] = []
    for a in ctx.actors_in(position, sentence.end):
        gap = text[position : a.start]
        if a.weak or roles.get(a.start) or (gap and not _IN_LIST.fullmatch(gap)):
            break
        if a.role == "person":
            return  # "After signing it, Abdelatty, Araghchi and Grossi held a
            # presser": people at the ceremony, hosts and witnesses among them
        group.append(a)
        position = a.end
    yield from ((a, rule) for a in group)
