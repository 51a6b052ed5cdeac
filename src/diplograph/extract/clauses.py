"""What each actor is in its clause: the subject or agent of a verb, a speaker,
a place, a broker or host, or what an instrument is about.

A subject stands before its verb in the same clause ("Japan and Korea signed"),
an agent after it ("signed by Peru", "signed with Ghana"); speakers ("Seoul
said the deal ...") report, and only a pronoun taking them up makes them act.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from diplograph.extract.actors import ActorMention
from diplograph.extract.brokers import brokers
from diplograph.extract.context import CONCERN_BEFORE, Context
from diplograph.extract.people import OFFICE
from diplograph.extract.speakers import (
    participle_subjects,
    speakers_end,
    taken_up,
)
from diplograph.extract.text import Sentence
from diplograph.gazetteer import load_gazetteer


@dataclass(frozen=True)
class VerbHit:
    """An event verb and the instrument mention it acts on."""

    type: str
    start: int
    end: int
    sentence: Sentence


def roles_in(ctx: Context, sentence: Sentence) -> dict[int, str]:
    """For each actor mention of the sentence: 'place', 'name', 'concern',
    'broker', 'outsider' or ''."""
    key = ("roles", sentence.index)
    if key not in ctx.memo:
        ctx.memo[key] = _roles_in(ctx, sentence)
    return ctx.memo[key]  # type: ignore[no-any-return]


def _roles_in(ctx: Context, sentence: Sentence) -> dict[int, str]:
    text = ctx.text
    brokers_at = brokers(ctx, sentence)
    roles: dict[int, str] = {}
    for a in ctx.actors_in(sentence.start, sentence.end):
        before = text[max(sentence.start, a.start - 40) : a.start]
        chain = re.search(
            r"((?:[\w.'’-]+(?: [\w.'’-]+){0,2}, )*(?:[\w.'’-]+(?: [\w.'’-]+){0,2} )?"
            r"and )$",
            before,
        )
        if chain and _NO_LIST.search(chain.group(1)):
            # "said on Friday that Ghana and Togo", "on Sunday by Ghana and
            # Togo": no list on Friday or Sunday
            chain = None
        head = before[: len(before) - len(chain.group(1))] if chain else before
        concern = (
            a.start in ctx.concern_starts or (chain and CONCERN_BEFORE.search(head))
        ) and not _names_instrument(a.end, ctx)
        if a.place and not (
            concern
            and a.start in ctx.concern_starts
            and a.role not in ("capital", "seat")
        ):
            roles[a.start] = "place"
        elif a.role in ("capital", "seat") and (
            any(s <= a.start and a.end <= e for s, e in ctx.names)
            or _names_venue(a.start, a.end, ctx)
        ):
            roles[a.start] = "name"  # "the Ankara Declaration" names a city
        elif concern:
            # "a pact on the crisis in Venezuela": what it is about, not where
            roles[a.start] = "concern"
        elif a.start in brokers_at:
            roles[a.start] = "broker"
        elif _OUTSIDE.match(text, a.end) or _CRITICS.search(
            text, max(sentence.start, a.start - 100), a.start - len(before) + len(head)
        ):
            # "Eritrea did not take part in the accord", "despite objections
            # from Mercosur partners Brazil and Argentina"
            roles[a.start] = "outsider"
        else:
            roles[a.start] = ""
    _share_in_lists(roles, ctx.actors_in(sentence.start, sentence.end), text)
    return roles


def _share_in_lists(
    roles: dict[int, str], actors: list[ActorMention], text: str
) -> None:
    """States listed together share a role: "the United States and China did
    not" (both stayed out), "Saudi and U.S. mediators" (both mediate),
    "non-signatories such as Russia and China" (both outside)."""
    for left, right in reversed(list(zip(actors, actors[1:], strict=False))):
        role = roles.get(right.start)
        if (
            role in ("outsider", "broker")
            and not roles.get(left.start)
            and _JOINED.fullmatch(text, left.end, right.start)
        ):
            roles[left.start] = role
    for left, right in zip(actors, actors[1:], strict=False):
        if (
            roles.get(left.start) == "outsider"
            and not roles.get(right.start)
            and _JOINED.fullmatch(text, left.end, right.start)
        ):
            roles[right.start] = "outsider"


# a state that says or is said to stay out of the instrument
_OUTSIDE = re.compile(
    r"\s+(?:(?:(?:did|does|do|has|have|had|was|is|were|are)\s*)?(?:not|never|n't)\s+"
    r"(?:take\s+part\s+in|took\s+part\s+in|taken\s+part\s+in|join(?:ed)?|sign(?:ed)?|"
    r"(?:been\s+)?(?:a\s+)?part(?:y|ies)\s+to)\b"
    # "but the United States and China did not.", "declined to sign"
    r"|(?:did|do|does|have|has)\s*(?:not|n't)\s*(?:[.;,]|$)"
    r"|(?:refused|declined)\s+to\s+(?:sign|join|ratify)\b)",
    re.I,
)


# who objects to an instrument stands outside it
_CRITICS = re.compile(
    r"\b(?:(?:objections?|opposition|criticism|protests?|complaints?|resistance)\s+"
    r"(?:from|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"
    # "the involvement of non-signatories such as Russia and China"
    r"|non-?(?:signator(?:y|ies)|members?|part(?:y|ies))(?:\s+(?:states?|countries|"
    r"nations))?,?\s+(?:such\s+as|like|including)\s+(?:the\s+)?)$",
    re.I,
)
_JOINED = re.compile(r",?\s+(?:and\s+)?(?:the\s+)?|,\s*")
_NO_LIST = re.compile(
    r"\b(?:that|which|who|when|after|before|while|by|with|between|at|from)\b"
)


def _names_instrument(end: int, ctx: Context) -> bool:
    """ "talks on the Ghana-Togo trade agreement": a state in the modifier of an
    instrument's noun is a party to it, whatever preposition comes before."""
    pair = _PAIR_MODIFIER.match(ctx.text, end)
    if pair is None:
        return False
    starts = [
        pair.start(1),
        *(pair.start(1) + w.end() for w in _WORD.finditer(pair.group(1))),
    ]
    return any(ctx.lexicon.kind_pattern.match(ctx.text, at) for at in starts)


# "-Togo trade ": the rest of a pair, then up to three words before the noun
_PAIR_MODIFIER = re.compile(r"(?:-[A-Z][\w.'’]*)+\s+((?:[a-z][\w-]*\s+){0,3})")
_WORD = re.compile(r"[a-z][\w-]*\s+")


def _names_venue(start: int, end: int, ctx: Context) -> bool:
    """ "the 2022 Pretoria agreement", "the Minsk accords": a city alone before
    an instrument's noun tells where it was made, not who made it (not
    "the Tokyo-Seoul pact")."""
    text = ctx.text
    if not re.search(r"\b(?:the|a|an|\d{4})\s+$", text[max(0, start - 10) : start]):
        return False
    gap = re.match(
        r"\s+(?:(?:peace|ceasefire|security|trade)\s+)?", text[end : end + 30]
    )
    if gap is None:
        return False
    return bool(ctx.lexicon.kind_pattern.match(text, end + gap.end()))


# an actor something is sent or told to is not who acts
_RECIPIENT = re.compile(r"\bto\s+(?:the\s+)?$")


# "signed by the leaders of Russia, Iran and ...", "with Museveni of Uganda":
# the states they stand for
_LEADERS_OF = (
    r"(?:(?:leaders?|presidents?|heads?\s+of\s+(?:state|government)|"
    r"(?:foreign\s+)?ministers?|representatives?|governments?|parliaments?|"
    r"legislatures?|cabinets?|senates?|congress(?:es)?|(?:national\s+)?assembl(?:y|ies)|"
    r"delegations?|officials|envoys?|ambassadors?|"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+of\s+(?:the\s+)?)?"
)
# between two agents: "by Peru and Ghana", "by the leaders of Peru and Ghana",
# "by Ghana's foreign minister and his Togolese counterpart"
_AGENT_GAP = re.compile(
    r"(?:(?:(?:'s|’s)?(?:\s+[A-Za-z][\w-]*){1,3}?)?(?:,?\s+and\s+|,\s*)"
    r"(?:his\s+|her\s+|their\s+|its\s+)?)?(?:the\s+)?" + _LEADERS_OF
)
# a participle's agent set off by commas is not the main verb's subject
_AGENT_ASIDE = re.compile(r",\s+(?:\w+\s+)?\w+(?:ed|en)\s+by\b[^,;]*,")
# "Niger, Mali and Burkina Faso, which left ECOWAS last year, signed": the
# aside's own object is no subject of the verb after it
_WHICH_ASIDE = re.compile(r",\s+(?:which|who)\s[^,;]*,(?=\s*(?:\w+\s+){0,5}$)")


def _subject_clause(hit: VerbHit, ctx: Context) -> int:
    """Where the clause that holds the verb's subject starts."""
    text, sentence = ctx.text, hit.sentence
    clause = speakers_end(ctx, ctx.clause_start(sentence, hit.start), hit.start)
    # "similar to the one Ghana signed", "a tax treaty Japan signed with Peru":
    # the relative clause has its own subject
    ones = [m.end() for m in re.finditer(r"\bthe one\b", text[clause : hit.start])]
    if ones:
        clause += ones[-1]
    clause = _relative_clause(clause, hit.start, ctx)
    which = _WHICH_ASIDE.search(text, sentence.start, hit.start)
    if which and which.start() < clause:
        # the verb's clause goes on before the aside that closes right before it
        # (its speakers still only report: "X, which guarantees the talks,
        # welcomed the extension")
        clause = speakers_end(ctx, ctx.clause_start(sentence, which.start()), hit.start)
    return clause


def subjects(hit: VerbHit, ctx: Context) -> Iterable[tuple[ActorMention, str]]:
    """The actors that perform the verb: its subject in the clause before it, or its
    agent after it ("was signed by Peru and Ghana", "signed between ...")."""
    text = ctx.text
    sentence = hit.sentence
    roles = roles_in(ctx, sentence)
    clause = _subject_clause(hit, ctx)
    asides = [
        m.span()
        for aside in (_AGENT_ASIDE, _WHICH_ASIDE)
        for m in aside.finditer(text, clause, hit.start)
    ]
    relative = _RELATIVE.search(text, sentence.start, hit.start)
    if relative:
        # "Morocco follows the UAE, Bahrain and Sudan, which agreed ...": the
        # subject is what "which" stands for, not the sentence's
        clause = antecedent_list(relative.start(), sentence.start, ctx)
    if _BY_AFTER_NOUN.match(text, hit.end) and _noun_before(hit.start, ctx):
        # "The IAEA will verify the agreement signed by Ghana and Togo": its
        # agents after it, not the sentence's subject
        clause = hit.start
    for a in ctx.actors_in(clause, hit.start):
        if any(start <= a.start < end for start, end in ctx.names):
            continue  # "the United Nations Treaty on ... will enter into force"
        if any(start <= a.start < end for start, end in asides):
            continue  # "The convention, adopted by the UN, will enter into force"
        if _RECIPIENT.search(text, max(clause, a.start - 12), a.start):
            continue  # "sent notifications to the UN regarding their withdrawal"
        if not a.weak and not roles.get(a.start) and not _owns_subject(ctx, a, hit):
            yield a, f"subject of {text[hit.start : hit.end]!r}"
    yield from taken_up(hit, clause, roles, ctx)
    yield from participle_subjects(hit, roles, ctx)
    yield from _agents(hit, roles, ctx)


def _agents(
    hit: VerbHit, roles: dict[int, str], ctx: Context
) -> Iterable[tuple[ActorMention, str]]:
    """The verb's agents after it: "was signed by Peru and Ghana", "signed
    between ...", "signed a deal with Peru"."""
    text, sentence = ctx.text, hit.sentence
    after = text[hit.end : min(sentence.end, hit.end + 120)]
    # "signed on July 2, 1972, by Indian Prime Minister ...": past the date
    dated = _DATE_ASIDE.match(after)
    skip = dated.end() if dated else 0
    agent = re.match(
        r"\s+(?:\w+\s+){0,4}?(?:by|between|among)\s+(?:the\s+)?(?:former\s+)?",
        after[skip:],
    )
    if agent is None and hit.type in ("signed", "agreed"):
        # "the declaration it signed with Cambodia", "signed a deal with Peru",
        # "signed, together with Sudan, a declaration"
        skip = 0
        agent = re.match(r"\s+(?:\w+\s+){0,6}?with\s+(?:the\s+)?", after) or (
            _TOGETHER_WITH.match(after)
        )
    if agent is None or re.search(r";|,(?!\s+(?:together|along)\s)", agent.group()):
        return
    position = hit.end + skip + agent.end()
    last = ""
    for a in ctx.actors_in(position, sentence.end):
        if a.weak or roles.get(a.start):
            break
        if (
            a.role == "person"
            and a.code == last
            and NAMED.fullmatch(text, position, a.start)
        ):
            position = a.end  # "Ghanaian Foreign Minister Ama Mensah": one agent
            continue
        if not _AGENT_GAP.fullmatch(text, position, a.start):
            break
        yield a, f"agent of {text[hit.start : hit.end]!r}"
        position, last = a.end, a.code


_TOGETHER_WITH = re.compile(
    r",?\s+(?:\w+\s+){0,10}?(?:together|along)\s+with\s+(?:the\s+)?"
)
_DATE_ASIDE = re.compile(r"\s+(?:on|in)\s+(?:\w+\s+)?\d{1,2},\s+\d{4},(?=\s+by\b)")
_BY_AFTER_NOUN = re.compile(r"\s+(?:\w+ly\s+)?by\s+(?:the\s+)?(?-i:[A-Z])")


def _noun_before(verb: int, ctx: Context) -> bool:
    """Whether an instrument's noun stands right before the verb: "the pact signed"."""
    before = re.search(r"(\S+)\s+$", ctx.text[max(0, verb - 40) : verb])
    return bool(before and ctx.lexicon.kind_pattern.fullmatch(before.group(1)))


# the office and given names between a state's word and its official's surname
NAMED = re.compile(r"(?:\s+[A-Z][\w.'’-]*){1,5}\s+")


def _relative_clause(clause: int, verb: int, ctx: Context) -> int:
    """Where the relative clause of ``verb`` with its own subject starts, right
    after an instrument noun that the subject follows ("a treaty Japan signed",
    "the pact that Peru signed"); else ``clause``."""
    text = ctx.text
    heads = [m.end() for m in ctx.lexicon.kind_pattern.finditer(text, clause, verb)]
    for head in reversed(heads):
        gap = _SUBJECT_AFTER.match(text, head, verb)
        if gap and any(a.start == gap.end() for a in ctx.actors_in(head, verb)):
            return head
    return clause


# between an instrument noun and the subject of its relative clause
_SUBJECT_AFTER = re.compile(r"\s+(?:that\s+|which\s+)?(?:the\s+)?")


_RELATIVE = re.compile(r",\s+(?:which|who)\s+(?:[\w-]+\s+){0,2}$")
# between the actors of a list: "Ghana, Togo and Benin", "Ghana and the UAE"
# (past a short form in brackets: "the State Bank of Pakistan (SBP) and ...")
LISTED = re.compile(
    r"(?:\s*\([A-Z][\w.]{1,9}\))?(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?"
)


def antecedent_list(end: int, clause: int, ctx: Context) -> int:
    """Where the list of actors ending at ``end`` begins (or ``end`` itself)."""
    start = end
    for a in reversed(ctx.actors_in(clause, end)):
        gap = ctx.text[a.end : start]
        if not (a.end == start or LISTED.fullmatch(gap)):
            break
        start = a.start
    return start


_MEMBERS = re.compile(
    r"\s+(?:members?|allies|member\s+(?:states|countries)|partners)\b"
)


def _owns_subject(ctx: Context, a: ActorMention, hit: VerbHit) -> bool:
    """ "NATO's 31 allies have signed": the actor owns the subject, it is not it
    (but "Japan's foreign minister signed", "Chile's ratification" are)."""
    if _MEMBERS.match(ctx.text, a.end) and load_gazetteer().is_organization(a.code):
        return True  # "NATO members froze their obligations": its members did
    owner = re.match(r"(?:'s|’s)\s+", ctx.text[a.end : a.end + 3])
    if owner is None or a.end + owner.end() >= hit.start:
        return False
    following = a.end + owner.end()
    if re.match(r"(?:and|or)\s", ctx.text[following : following + 4]):
        return False  # "Ghana's and Togo's foreign ministers": the office is shared
    owned = re.split(r",|\s+and\s+", ctx.text[following : hit.start])[0]
    if re.fullmatch(r"(?:[A-Z][\w.'’-]*\s*){1,3}", owned):
        return False  # "Togo's Faure Gnassingbe and ...": a name, standing for Togo
    words = ctx.text[following - 1 : following + 80]  # OFFICE is anchored with ^
    return not (OFFICE.match(words) or ctx.lexicon.acts.match(ctx.text, following))


def first_group(
    found: list[tuple[ActorMention, str]], ctx: Context
) -> list[tuple[ActorMention, str]]:
    """The first coordinated group of subjects ("Moscow notified Washington":
    Moscow)."""
    group = found[:1]
    for a, rule in found[1:]:
        gap = ctx.text[group[-1][0].end : a.start]
        # (an office and a name between: "Cuban Trade Minister Viktor Kamara and
        # Seychellois Trade Minister Olga Osei", the official one with the state)
        if a.code == group[-1][0].code and NAMED.fullmatch(gap):
            group.append((a, rule))
            continue
        if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", gap):
            break
        group.append((a, rule))
    return group
