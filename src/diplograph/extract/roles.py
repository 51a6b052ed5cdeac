"""Who each instrument is between, clause by clause.

An actor is a party to an instrument when its clause presents it so: the
subject of a verb that acts on the instrument ("Japan and Korea signed the
pact", "Chile ratified it"), an agent ("signed by Peru"), a partner ("a deal
with Peru", "between Peru and Ghana"), a modifier or part of the name ("the
EU-Japan EPA", "Japan's pact"), or a plural reference to those ("the two
countries"). Mediators, hosts, witnesses and brokers (after "brokered by",
"hosted by"...), places ("in Seoul"), speakers ("Seoul said the deal...") and
what the instrument is about ("on North Korea") are not parties.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from diplograph.extract.actors import ActorMention
from diplograph.extract.clauses import (
    VerbHit,
    antecedent_list,
    roles_in,
)
from diplograph.extract.cluster import Cluster
from diplograph.extract.context import Context
from diplograph.extract.mentions import STATEMENTS, InstrumentMention
from diplograph.extract.performers import PARTY_EVENTS, performers
from diplograph.extract.references import (
    MODIFIER_GAP,
    last_coordination,
    opening_group,
    partners_after,
    plural_parties,
)
from diplograph.extract.speakers import speakers_end
from diplograph.model import Because, Evidence


@dataclass
class Votes:
    """Codes with a weight each, and why each was counted."""

    weights: dict[str, int] = field(default_factory=dict)
    because: list[Because] = field(default_factory=list)

    def add(self, code: str, weight: int, because: Because) -> None:
        self.weights[code] = self.weights.get(code, 0) + weight
        self.because.append(because)

    def take(self, other: Votes, why: str = "") -> None:
        """Add another's votes, with their reasons (``why`` says how they came)."""
        for code, weight in other.weights.items():
            self.weights[code] = self.weights.get(code, 0) + weight
        self.because += [
            replace(b, rule=f"{why}: {b.rule}") if why else b for b in other.because
        ]

    def codes(self) -> tuple[str, ...]:
        return tuple(sorted(self.weights))


def find_parties(cluster: Cluster, hits: list[VerbHit], ctx: Context) -> Votes:
    """The parties of one instrument, from every clause that mentions it."""
    votes = _by_verbs(cluster, hits, ctx)
    for m in cluster.mentions:
        if _legal_basis(m, ctx):
            continue  # "as recognised under the UN Convention on the Law of the Sea"
        sentence = ctx.sentence_of(m.start)
        roles = roles_in(ctx, sentence)
        partners = partners_after(ctx, m)
        # the rules read the words next to the mention: a window bounds the cost
        # "similar to the one India signed with the UAE": only what follows it
        start = m.start if m.compared else max(sentence.start, m.start - 80)
        near = ctx.actors_in(start, sentence.end)
        for a in near:
            if a.start > m.end and a.start not in partners:
                break
            weak = a.weak and not _owner_demonym(ctx, m, a)
            # a partner stays one where "to" made it a place ("to hand the
            # islands to Mauritius")
            role = roles.get(a.start)
            role = "" if role == "place" and a.start in partners else role
            rule = "" if weak or role else _party_rule(ctx, m, a, partners)
            if rule:
                votes.add(a.code, 2, party_reason(ctx, a, rule))
    # plural references last: "both sides" are the parties found so far
    for m in cluster.mentions:
        if _legal_basis(m, ctx):
            continue
        sentence = ctx.sentence_of(m.start)
        for words, codes in plural_parties(
            ctx, sentence.start, sentence.end, votes.weights
        ):
            if abs(words.start - m.start) < 200:
                for code in codes:
                    votes.add(code, 1, plural_reason(code, words))
        if m.compared:
            continue  # the sentence's opening group made the other instrument
        clause = ctx.clause_start(sentence, m.start)
        if clause > sentence.start and ctx.standing(clause, m.start):
            continue  # "..., while Benin and Niger signed a memorandum": its own
        for a in opening_group(ctx, sentence, roles_in(ctx, sentence), m.start):
            rule = "one of the states that open the sentence"
            votes.add(a.code, 1, party_reason(ctx, a, rule))
    for hit in hits:
        if hit.type in PARTY_EVENTS:
            clause = ctx.clause_start(hit.sentence, hit.start)
            clause = speakers_end(ctx, clause, hit.start)
            for words, codes in plural_parties(ctx, clause, hit.start, votes.weights):
                for code in codes:
                    votes.add(code, 2, plural_reason(code, words))
    for code, words in cluster.listed.items():
        rule = "listed as a participant"
        votes.add(code, 1, Because(f"party {code}", "roles", rule, words))
    for m in cluster.mentions:
        for a, rule in _possessors(m, ctx):
            votes.add(a.code, 2, party_reason(ctx, a, rule))
        for a in _issuers(m, ctx):
            votes.add(a.code, 2, party_reason(ctx, a, "speaks in the statement"))
    return votes


# a named instrument told as the law that talks or claims are under: its
# parties are not told ("negotiations under the UN Convention on the Law of the
# Sea"; not "its obligations under the NPT", a party's, nor "joined ECOWAS on
# Sunday under the Declaration on ...")
_UNDER = re.compile(
    r"\b(?:negotiations|talks|law|jurisdiction|claims|zones?|waters|"
    r"boundar(?:y|ies))\s+under\s+"
    r"(?:the\s+)?(?:(?:19|20)\d\d\s+)?$",
    re.I,
)


def _legal_basis(m: InstrumentMention, ctx: Context) -> bool:
    return bool(m.key) and bool(_UNDER.search(ctx.text, max(0, m.start - 60), m.start))


def cited_as_law(cluster: Cluster, ctx: Context) -> bool:
    """Whether the text names the instrument only as the law something is done
    under: whoever else its sentences name are no parties of it."""
    return all(_legal_basis(m, ctx) for m in cluster.mentions)


def _by_verbs(cluster: Cluster, hits: list[VerbHit], ctx: Context) -> Votes:
    """Who performs the verbs acting on the instrument."""
    votes, witnesses = Votes(), Votes()
    # "signed a deal with the UAE in 2022 and another with Australia": an agent
    # told before a mention that names its own partners is the other deal's
    partnered = {
        ctx.sentence_of(m.start).index: m
        for m in reversed(cluster.mentions)
        if partners_after(ctx, m)
    }
    for hit in hits:
        witnessed = _WITNESSED.search(ctx.text, max(0, hit.start - 30), hit.start)
        partnered_m = partnered.get(hit.sentence.index)
        partner_at = partnered_m.start if partnered_m else -1
        # "Australia negotiated a free trade agreement with the EU": the other side
        with_partner = bool(
            partnered_m
            and hit.end <= partner_at
            and _WITH.match(ctx.text, partnered_m.end)
        )
        for a, rule in performers(hit, ctx, with_partner=with_partner):
            if rule.startswith("agent") and a.start < partner_at:
                continue
            (witnesses if witnessed else votes).add(
                a.code, 2, party_reason(ctx, a, rule)
            )
    # "Rubio witnessed the signing": a witness, unless no one else is told to
    # have signed ("Modi and Hasina witnessed the signing of seven pacts")
    if not votes.weights:
        votes.take(witnesses, "witnessed its signing")
    return votes


# "a free trade agreement with the EU": a partner of the subject, not of a broker
_WITH = re.compile(r"\s+(?:[\w-]+\s+){0,3}?with\b")

_WITNESSED = re.compile(
    r"\b(?:witness(?:ed|es|ing)?|attend(?:ed|s|ing)?|overs(?:aw|ees|eeing)|"
    r"presid(?:ed|es|ing)\s+over|observ(?:ed|es|ing))\s+(?:the\s+)?$",
    re.I,
)


def _issuers(m: InstrumentMention, ctx: Context) -> list[ActorMention]:
    """ "Ghana and Togo said in a joint statement": who speaks in a statement
    issues it."""
    sentence = ctx.sentence_of(m.start)
    said = _SAID_IN.search(ctx.text, max(sentence.start, m.start - 60), m.start)
    if m.kind not in STATEMENTS or said is None:
        return []
    before = ctx.actors_in(sentence.start, said.start())
    if not before or ctx.text[before[-1].end : said.start()].strip():
        return []
    start = antecedent_list(before[-1].end, sentence.start, ctx)
    return [a for a in ctx.actors_in(start, said.start()) if not a.weak]


_SAID_IN = re.compile(
    r"\b(?:said|say|says|announced|declared|stated|pledged|vowed)\s+in\s+"
    r"(?:an?|the|their)\s+(?:[\w-]+\s+){0,2}$"
)


# "the deal, which was abandoned by Washington in 2018": a party gave it up
def _possessors(
    m: InstrumentMention, ctx: Context
) -> Iterable[tuple[ActorMention, str]]:
    """ "their 2000 friendship treaty": the states named last before "their";
    "its treaty": the state that is the subject of the sentence."""
    if m.determiner not in ("their", "its"):
        return
    sentence = ctx.sentence_of(m.start)
    before = ctx.standing(max(0, sentence.start - 400), m.start)
    if m.determiner == "its":
        here = [a for a in before if a.start >= sentence.start]
        if not here and sentence.index > 0:
            # "Ghana signed a pact with Togo. Unlike its 2017 treaty with Benin,
            # ...": the subject of the sentence before
            previous = ctx.sentences[sentence.index - 1]
            here = [a for a in before if a.start >= previous.start]
        if here:
            yield here[0], "possessor 'its'"
        return
    codes = last_coordination(ctx, m.start, 2) or last_coordination(ctx, m.start, 3)
    for a in before:
        if a.code in codes:
            codes.remove(a.code)
            yield a, "possessor 'their'"


def _owner_demonym(ctx: Context, m: InstrumentMention, a: ActorMention) -> bool:
    """ "a Saudi-Pakistani defence pact", "the Iranian nuclear deal": a
    nationality word before the instrument's noun is a state that owns it."""
    return (
        a.role == "demonym"
        and m.kind is not None
        and a.end <= m.start
        and bool(MODIFIER_GAP.fullmatch(ctx.text, a.end, m.start))
    )


def _party_rule(
    ctx: Context, m: InstrumentMention, a: ActorMention, partners: set[int]
) -> str:
    """How the words between a mention and an actor make the actor a party."""
    text = ctx.text
    start, end = m.start, m.end
    if a.start >= end:
        # "a deal with Peru", "the treaty between Peru and Ghana": right after the
        # instrument; further on, "with" is often someone else's ("signed a deal
        # on Monday to deepen cooperation with Japan")
        return "partner after the instrument" if a.start in partners else ""
    if a.code in ctx.lexicon.auspices:
        return ""  # "a UN treaty", "the United Nations Convention": under its auspices
    if start <= a.start and a.end <= end:
        return "" if a.role in ("capital", "seat") else "inside the name"
    if a.end > start or a.role in ("capital", "seat"):
        return ""
    gap = text[a.end : start]
    if m.kind is None:  # "it": a pronoun has no modifiers, nor an owner
        return ""
    if MODIFIER_GAP.fullmatch(gap):
        if ctx.lexicon.reporting.search(gap):
            return ""  # "Russia welcomes joint statement by ...": who reacts
        if re.search(
            r"(?i)\b(?:brokered|mediated|backed|led|sponsored|hosted|style|designed|"
            r"made|funded|financed|built|inspired|like|type|era|based|owned|related|"
            r"linked)\b",
            gap,
        ):
            return ""  # "a UN-brokered truce": the broker; "an EU-style pact": a model
        return "modifier of the instrument"  # "U.S.-Taliban deal"
    if _JOINT_OWNERS.fullmatch(gap):
        return "possessor of the instrument"  # "Ghana and Togo's trade agreement"
    if _HOLDS.fullmatch(gap):
        return "holder of the instrument"  # "New Zealand already has trade deals"
    if partners and _HAILS_ITS_OWN.fullmatch(gap) and _WITH_NEXT.match(text, end):
        return "hails its own instrument with a partner"  # "hailing a new deal with"
    if _KEPT_OR_BROKE.fullmatch(gap):
        return "bound by the instrument"  # "Ghana violated the ceasefire with Togo"
    if (
        _TALKS_ON.fullmatch(gap)
        and _TALKS_WITH.search(text, max(0, a.start - 40), a.start)
    ) or _IN_TALKS.fullmatch(gap):
        return "side of the talks on it"  # "is in talks with France on a deal"
    verbs = ctx.verbs(ctx.sentence_of(start))
    if (
        re.match(r"(?:'s|’s)\s+(?:[\w-]+\s+){0,3}$", gap)
        and not re.search(r"\b(?:for|of|to|with|on|about|against|from|over|in)\b", gap)
        # "Somalia's government said the deal": a determiner opens another phrase
        and not re.search(r"\b(?:the|a|an|this|that)\s", gap)
        and not any(
            a.end <= v_start < start and not _NOUN.fullmatch(text, v_start, v_end)
            for _, v_start, v_end in verbs
        )
    ):  # "Togo's Faure signed the accord": the subject's owner, the verb's to read
        # ("Sweden's accession protocol": a noun, no verb)
        return "possessor of the instrument"  # "Japan's pact with", not "China's
        # support for the deal" (an act on it is the event rules' to read)
    return ""


# an event noun, no verb: "accession", "ratification", "renewal", "agreement"
_NOUN = re.compile(r"[\w-]+(?:ion|al|ment)s?", re.I)


# a party keeps or breaks what binds it
_KEPT_OR_BROKE = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:repeatedly\s+|again\s+|openly\s+)?"
    r"(?:violated|violates|breached|breaches|broke|honou?red|respected|upheld|"
    r"abided\s+by|complied\s+with)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}"
)
_JOINT_OWNERS = re.compile(
    r"\s+and\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?:'s|’s)\s+"
    r"(?:[\w-]+\s+){0,3}"
)
_TALKS_WITH = re.compile(
    r"\b(?:talks|negotiations|negotiating|negotiate)\s+with\s+(?:the\s+)?$", re.I
)
_TALKS_ON = re.compile(
    r"\s+(?:on|over|for|about)\s+(?:an?|the|their)\s+(?:[\w-]+\s+){0,3}"
)
# "Benin is in talks with Niger on a similar deal": Benin too
_IN_TALKS = re.compile(
    r"\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?in\s+talks\s+"
    r"with\s+(?:the\s+)?[\w'’. -]{1,40}?" + _TALKS_ON.pattern
)
# "The EU is hailing a new energy agreement with Azerbaijan": one side of it
_HAILS_ITS_OWN = re.compile(
    r"\s+(?:is\s+|are\s+|has\s+|have\s+)?(?:hail|welcom|prais|laud|celebrat|tout)\w*\s+"
    r"(?:an?|its|their)\s+(?:[\w-]+\s+){0,3}"
)
_WITH_NEXT = re.compile(r"\s+with\b")
_HOLDS = re.compile(
    # "Ethiopia, which has a separate water deal with Sudan": the antecedent too
    r"(?:,?\s+(?:which|who))?\s+(?:already\s+|also\s+|now\s+)?(?:has|have|had)(?:\s+had)?\s+(?:(?:an?|its|their)\s+)?"
    # "has trade deals", not "have welcomed the deal" (what they did to it)
    r"(?:(?![\w-]+ed\b|been\b|not\b|never\b)[\w-]+\s+){0,3}"
)


def party_reason(ctx: Context, a: ActorMention, rule: str) -> Because:
    return Because(f"party {a.code}", "roles", rule, ctx.span(a.start, a.end))


def plural_reason(code: str, words: Evidence) -> Because:
    return Because(f"party {code}", "roles", "a plural reference to it", words)
