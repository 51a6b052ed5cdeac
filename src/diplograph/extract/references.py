"""Who plural references and lists stand for: "the two countries", "both sides",
"participating countries include ...", "agreements with the UAE and Bahrain".

Used by :mod:`.roles`: a plural reference is the instrument's parties when
they are known, else the states named together last before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from diplograph.extract.actors import ActorMention
from diplograph.extract.clauses import LISTED, roles_in
from diplograph.extract.context import Context
from diplograph.extract.headline import headline_pair
from diplograph.extract.mentions import InstrumentMention
from diplograph.extract.text import Sentence
from diplograph.gazetteer import load_gazetteer
from diplograph.model import Evidence

_PARTICIPANTS = re.compile(
    r"\b(?:participating|member|signatory|partner|founding|negotiating)\s+"
    r"(?:countries|nations|states|economies|members|parties)\s+"
    r"(?:include|includes|included|are|were)\b",
    re.I,
)


_MEMBERSHIP = re.compile(
    r"\s+(?:groups|comprises|includes|consists of|brings together|members are)\b"
)


def plural_parties(
    ctx: Context, start: int, upto: int, known: Mapping[str, int]
) -> list[tuple[Evidence, list[str]]]:
    """Plural references in [start, upto), their words and the states they stand
    for.

    "the three countries" is the instrument's parties when three are known
    already, else the last three states named before it.
    """
    text = ctx.text
    found = []
    for pattern, count in ctx.lexicon.plural_refs:
        for match in pattern.finditer(text, start, upto):
            if known and (count == 0 or len(known) == count):
                found.append((ctx.span(*match.span()), list(known)))
                continue
            if known and len(known) > count:
                continue  # four parties known: "the two capitals" names none new
            # "The treaty with Vietnam ... the two countries' zones": the one
            # party its sentence names and the state the article names most
            other = (
                _most_named(ctx, match.start(), set(known))
                if count == 2 and len(known) == 1 and _names(ctx, match.start(), known)
                else None
            )
            if other:
                group = [*known, other]
            elif count:
                group = last_coordination(ctx, match.start(), count)
                # "the two countries" after an aside on one of them and a third:
                # the pair the article named together, before the last two named
                group = group or last_coordination(ctx, match.start(), count, 5000)
                # "the two sides", the body naming no two together: the pair the
                # headline names ("EU and Mercosur agree to resume talks")
                if not group:
                    pair = [a.code for a in headline_pair(ctx)]
                    group = pair if len(pair) == count else []
                group = group or _last_named(
                    ctx,
                    match.start(),
                    count,
                    states=bool(_STATES.search(match.group())),
                )
            else:  # "the countries": the pair or trio named together last
                group = last_coordination(ctx, match.start(), 2)
                group = group or last_coordination(ctx, match.start(), 3)
            if "koreas" in match.group().lower():
                group = ["KOR", "PRK"]
            if group:
                found.append((ctx.span(*match.span()), group))
    for match in ctx.lexicon.organization_refs.finditer(text, start, upto):
        # "the bloc": the organization named last before it
        named = [
            a
            for a in ctx.standing(0, match.start())
            if load_gazetteer().is_organization(a.code)
        ]
        if named:
            found.append((ctx.span(*match.span()), [named[-1].code]))
    return found


def _names(ctx: Context, position: int, codes: Mapping[str, int]) -> bool:
    """Whether the sentence at ``position`` names one of ``codes`` as a partner
    ("The treaty with Vietnam ...")."""
    sentence = ctx.sentence_of(position)
    return any(
        a.code in codes and _WITH.search(ctx.text, max(0, a.start - 10), a.start)
        for a in ctx.actors_in(sentence.start, sentence.end)
    )


_WITH = re.compile(r"\bwith\s+(?:the\s+)?$")


def _most_named(ctx: Context, before: int, known: set[str]) -> str | None:
    """The state other than ``known`` named most often before ``before`` (the
    first named of those named as often)."""
    counts: dict[str, int] = {}
    for a in ctx.standing(0, before):
        if a.code not in known:
            counts[a.code] = counts.get(a.code, 0) + 1
    return max(counts, key=lambda code: counts[code]) if counts else None


# "the three countries", "the two neighbours": states, never an organization
_STATES = re.compile(r"\b(?:countr|nation|state|neighbo|capital)", re.I)


def _last_named(ctx: Context, before: int, count: int, *, states: bool) -> list[str]:
    earlier: list[str] = []
    for a in reversed(ctx.standing(0, before)):
        if _brokers([a], ctx):
            continue  # "brokered by Saudi Arabia and the United States": no side
        if states and load_gazetteer().is_organization(a.code):
            continue  # "joining NATO after the three countries signed"
        if a.code not in earlier:
            earlier.append(a.code)
        if count and len(earlier) == count:
            return earlier
    # "During a visit by Ghana's president to Lome, the two countries signed":
    # the capital visited is the other one
    sentence = ctx.sentence_of(before)
    for a in reversed(ctx.actors_in(sentence.start, before)):
        if a.role == "capital" and a.code not in earlier:
            earlier.append(a.code)
        if count and len(earlier) == count:
            return earlier
    return []


# "The United States and China, which sent observers, welcomed the truce"
_ASIDE = re.compile(r",\s+(?:which|who)\b[^,]*,")


# what onlookers do: they react to an instrument (the parties themselves
# announce it)
_REACTS = re.compile(
    r"(?:\s+\w+){0,2}\s+(?:welcomed|welcomes|praised|hailed|lauded|applauded|"
    r"criticised|criticized|condemned|slammed|urged|warned|called\s+on)\b",
    re.I,
)


def _speaking(end: int, ctx: Context) -> bool:
    """Whether the group ending at ``end`` only reacts to what happened."""
    aside = _ASIDE.match(ctx.text, end)
    return bool(_REACTS.match(ctx.text, aside.end() if aside else end))


def last_coordination(
    ctx: Context, before: int, count: int, reach: int = 600
) -> list[str]:
    """The last "A and B" / "A, B and C" group of ``count`` states in the
    ``reach`` characters before ``before``."""
    if count < 2:
        return []
    text = ctx.text
    usable = [a for a in ctx.standing(max(0, before - reach), before)]
    for end_index in range(len(usable) - 1, count - 2, -1):
        group = usable[end_index - count + 1 : end_index + 1]
        start_index = end_index - count + 1
        if start_index > 0 and re.fullmatch(
            r",\s+(?:the\s+)?", text[usable[start_index - 1].end : group[0].start]
        ):
            continue  # "Kenya, Angola and Togo": not the pair "Angola and Togo"
        joins = [text[x.end : y.start] for x, y in zip(group, group[1:], strict=False)]
        if not re.fullmatch(r"\s+and\s+(?:the\s+)?", joins[-1]):
            continue
        if all(re.fullmatch(r",\s+(?:the\s+)?", j) for j in joins[:-1]):
            codes = list(dict.fromkeys(a.code for a in group))
            if (
                len(codes) == count
                and not _speaking(group[-1].end, ctx)
                and not _brokers(group, ctx)
            ):
                return codes
    return []


def _brokers(group: list[ActorMention], ctx: Context) -> bool:
    """ "a deal brokered by the United States and Qatar ... the two foreign
    ministers": the mediators are not the pair a plural reference means."""
    roles = roles_in(ctx, ctx.sentence_of(group[0].start))
    return any(roles.get(a.start) == "broker" for a in group)


def listed_participants(ctx: Context) -> dict[str, Evidence]:
    """States listed as an agreement's participants, organizations read as their
    members where the text lists them ("ASEAN groups Brunei, Cambodia, ...")."""
    text = ctx.text
    members: dict[str, list[str]] = {}
    for a in ctx.actors:
        if _MEMBERSHIP.match(text, a.end):
            sentence = ctx.sentence_of(a.start)
            members[a.code] = [
                b.code
                for b in ctx.actors_in(a.end, sentence.end)
                if not b.weak and not b.place
            ]
    listed: dict[str, Evidence] = {}
    for sentence in ctx.sentences:
        found = _PARTICIPANTS.search(sentence.text)
        if not found:
            continue
        for a in ctx.actors_in(sentence.start + found.end(), sentence.end):
            if not a.weak and not a.place:
                for code in members.get(a.code) or [a.code]:
                    listed.setdefault(code, ctx.span(a.start, a.end))
    return listed


def opening_group(
    ctx: Context, sentence: Sentence, roles: dict[int, str], until: int
) -> list[ActorMention]:
    """ "Iran and Britain, China, France, Germany and Russia have ...": the states,
    unless what they do up to ``until`` (the instrument) is not doing it or
    speaking of it ("Brazil and Peru have not commented on the agreement")."""
    text = ctx.text
    group: list[ActorMention] = []
    position = sentence.start
    for a in ctx.actors_in(sentence.start, sentence.end):
        if a.start < position:
            continue
        gap = text[position : a.start]
        if not re.fullmatch(
            r"(?:the\s+)?" if not group else r",?\s+(?:and\s+)?(?:the\s+)?|,\s+", gap
        ):
            break
        if a.weak or roles.get(a.start):
            break
        group.append(a)
        position = a.end
    codes = list(dict.fromkeys(a.code for a in group))
    if len(codes) < 2 or not re.match(
        r"\s+(?:have|has|had|are|were|will|would|on|formally|signed|agreed|jointly|"
        r"also)\b",
        text[position : position + 20],
    ):
        return []
    words = text[position:until]
    if _REMARKS.search(words):
        return []
    return group


# what states do to an instrument they are not bound by
_REMARKS = re.compile(
    r"\b(?:not|never|neither|nor)\b|n't\b|"
    r"\b(?:comment|react|respond|discuss|debat|oppos|object|criticis|criticiz|"
    r"welcom|question)(?:e|es|ed|ing|s|d)?\b",
    re.I,
)


# what may stand between plural instruments and their partners: "signed trade
# agreements with", "agreements to normalize ties with", "pacts signed last year with"
_PARTNERS_GAP = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?|\s*to\s+\w+\s+(?:\w+\s+)?(?:ties|relations)\s+"
)


COUNTED_INCLUDING = re.compile(
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a\s+dozen)\s+"
    r"(?:other\s+)?(?:countries|nations|states|partners),?\s+(?:including|such\s+as|"
    r"among\s+them)\s+(?:the\s+)?",
    re.I,
)


def partner_list(
    mentions: Iterable[InstrumentMention], ctx: Context, *, between: bool = True
) -> list[str]:
    """The states listed after "with" (or, ``between``, "between") following a
    plural mention: "agreements to normalize ties with the UAE and Bahrain" are
    one per partner."""
    text = ctx.text
    for m in mentions:
        if not m.plural:
            continue
        sentence = ctx.sentence_of(m.start)
        found = re.search(
            r"\b(?:with|between)\s+(?:the\s+)?" if between else r"\bwith\s+(?:the\s+)?",
            text[m.end : min(sentence.end, m.end + 80)],
        )
        if not found or not _PARTNERS_GAP.fullmatch(
            text[m.end : m.end + found.start()]
        ):
            continue  # "the agreements we signed will improve relations between"
        position = m.end + found.end()
        # "with 15 other countries, including Britain, India and South Africa"
        counted = COUNTED_INCLUDING.match(text, position)
        if counted:
            position = counted.end()
        group: list[str] = []
        for a in ctx.actors_in(position, sentence.end):
            if a.start < position:
                continue  # the leader told after a state's adjective
            if a.start != position:
                break
            group.append(a.code)
            # "with Lithuanian President Gitanas Nauseda and Estonian Prime
            # Minister Kaja Kallas": a leader stands for the state
            leader = _LEADER_AFTER.match(text, a.end) if a.role == "demonym" else None
            end = leader.end() if leader else a.end
            join = re.match(
                r"(?:\s*\([^)]*\))?(?:,\s+|\s+and\s+)(?:the\s+)?", text[end:]
            )
            if not join:
                break
            position = end + join.end()
        codes = list(dict.fromkeys(group))
        if len(codes) >= 2:
            return codes
    return []


_LEADER_AFTER = re.compile(
    r"\s+(?:President|Prime\s+Minister|Premier|Chancellor|King|Emir|Foreign\s+Minister|"
    r"counterpart)(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}"
)
_PARTNER_GAP = re.compile(
    # "the Protocol ... (PCMF) with Togo": past the name's acronym
    r"\s*(?:\([^()]{1,20}\)\s*)?,?\s*"
    r"(?:(?:signed|entered\s+into|concluded|reached|struck|made)\s+)?"
    # "the last arms control pact Russia has with the U.S.": the subject's partner
    r"(?:(?:that\s+|which\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)?\s+"
    r"(?:has|have|had|signed|concluded|struck|reached)\s+)?"
    # "with her Togolese counterpart": the state the counterpart serves
    r"(?:with|between|among)\s+(?:the\s+|his\s+|her\s+|their\s+)?"
    r"(?:neighbou?ring\s+|fellow\s+)?"
    # "with its southern neighbour Chile", "with longtime ally Japan"
    r"(?:(?:its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:neighbou?r|ally|partner|rival)\s+)?"
    # "a deal on Thursday to hand sovereignty over the islands to Mauritius"
    r"|\s+(?:on\s+\w+day\s+)?to\s+(?:hand|transfer|return|cede|give)\s+(?:over\s+|back\s+)?"
    r"[^.;,]{0,80}?\bto\s+(?:the\s+)?"
)


def partners_after(ctx: Context, m: InstrumentMention) -> set[int]:
    """The actors listed right after "with" or "between" following a mention:
    "agreements with Uganda and Tanzania"."""
    found = _PARTNER_GAP.match(ctx.text, m.end)
    if found is None:
        return set()
    position = found.end()
    counted = COUNTED_INCLUDING.match(ctx.text, position)  # "15 other countries,
    if counted and m.plural:  # including Britain and India"
        position = counted.end()
    chain: list[tuple[int, str]] = []  # actor start, the words joining it
    sentence = ctx.sentence_of(m.start)
    for a in ctx.actors_in(position, sentence.end):
        gap = ctx.text[position : a.start]
        if not (a.start == position or (chain and LISTED.fullmatch(gap))):
            break
        chain.append((a.start, gap))
        position = a.end
    # a list ends with "and": "with Uganda and Tanzania", not "with Ukraine,
    # Russia said"
    last_and = max((i for i, (_, gap) in enumerate(chain) if "and" in gap), default=0)
    partners = {start for start, _ in chain[: last_and + 1]}
    if partners:  # "the pact Togo has with Ghana": Togo, the subject, too
        partners |= {a.start for a in ctx.actors_in(m.end, found.end()) if not a.weak}
    return partners


# a state's word right before an instrument's noun: "the Rwanda deal", "the
# U.S.-Taliban pact" (not "a deal in Rwanda", nor "the Minsk accords": a venue)
MODIFIER_GAP = re.compile(
    r"(?:\s*-\s*|\s+)"
    r"(?:(?!(?:with|in|at|on|of|to|for|from|by|and|the|a|an)\b)[\w-]+\s+){0,2}"
)


def own_partners(ctx: Context, m: InstrumentMention) -> set[str]:
    """The states a mention's own words name it with: listed after "with" or
    "between", or standing right before its noun."""
    listed = partners_after(ctx, m)
    codes = {a.code for a in ctx.actors_in(m.end, m.end + 200) if a.start in listed}
    lead = m.lead
    codes.update(
        a.code
        for a in ctx.actors_in(lead, m.start)
        if a.role not in ("capital", "seat")
        and MODIFIER_GAP.fullmatch(ctx.text, a.end, m.start)
    )
    return codes
