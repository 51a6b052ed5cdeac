"""Step 3b, resolve: identify each extracted agreement with the stored agreements.

One node per real-world agreement, however many articles mention it, and no
claim lost: each article keeps its own named graph; resolution only decides
which agreement IRI the article's claims are about. Rules, in order:

1. ``instrument``: the same well-known instrument of the lexicon (NAFTA, New START);
2. ``name``: the same proper name or acronym;
3. ``parties``: parties overlapping (Jaccard >= 0.5), the same kind family,
   compatible signing and conclusion dates ("2014-12" fits "2014-12-29", not
   "2015") and overlapping topics, when neither side has a different name.

A match reuses the stored IRI; otherwise one is minted from the instrument,
the name, or the article. Each decision is written as a ``dg:Resolution``
(rule, score, supporting articles); a curator's ``dg:Separation`` keeps an
article's agreement apart from a node for good (``diplograph split``).

Everything here is pure: the candidates come from the store's
:class:`~diplograph.store.index.AgreementIndex`, and
:meth:`diplograph.loader.Loader.resolve` strings the steps together:
:func:`propose` (score every candidate), the supporting articles of the
matches (asked of the store), :func:`choose` (each node used once).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import URIRef

from diplograph.extract.lexicon import load_lexicon
from diplograph.iri import (
    agreement_iri,
    instrument_iri,
    named_agreement_iri,
    split_agreement_iri,
)
from diplograph.model import AgreementFact, ArticleFacts, Resolution
from diplograph.vocabulary import vocabulary

_PARTY_THRESHOLD = 0.6


@dataclass
class Candidate:
    """What the stored articles say about one agreement node."""

    iri: str
    names: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    signed: set[str] = field(default_factory=set)
    concluded: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)
    own: bool = False  # described by this article's previous graph
    previous: Resolution | None = None  # the decision that graph recorded


def norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def names_of(fact: AgreementFact) -> set[str]:
    return {norm(n) for n in (fact.name, *fact.aliases) if n}


@lru_cache(maxsize=8)
def _instrument_names(lexicon_dir: str | None) -> dict[str, str]:
    """Normalized name or alias -> lexicon id of a well-known instrument."""
    return {
        norm(n): inst.id
        for inst in load_lexicon(lexicon_dir).instruments
        for n in (inst.name, *inst.aliases)
    }


def instrument_of(fact: AgreementFact, *, lexicon_dir: str | None = None) -> str | None:
    """The lexicon id of a well-known instrument the fact names, if any: of the
    packaged lexicon, or with ``lexicon_dir`` the one extraction used (the
    settings' ``lexicon``, ``DIPLOGRAPH_LEXICON``)."""
    known = _instrument_names(lexicon_dir)
    return next((known[n] for n in sorted(names_of(fact)) if n in known), None)


def mint(
    article: URIRef, fact: AgreementFact, *, lexicon_dir: str | None = None
) -> str:
    """A new node: order-free for named instruments, per article otherwise."""
    instrument = instrument_of(fact, lexicon_dir=lexicon_dir)
    if instrument:
        return str(instrument_iri(instrument))
    if fact.name:
        return str(named_agreement_iri(norm(fact.name)))
    return str(agreement_iri(article, fact))


def compatible(a: str, b: str) -> bool:
    """Dates at different precisions agree when one is a prefix of the other."""
    return a.startswith(b) or b.startswith(a)


def _dates_agree(mine: Iterable[str], theirs: Iterable[str]) -> bool:
    """Every date of one side fits every date of the other, so a year-only date
    cannot bridge two agreements signed on different days of that year."""
    mine, theirs = list(mine), list(theirs)
    return all(compatible(x, y) for x in mine for y in theirs)


def score(
    fact: AgreementFact, candidate: Candidate, *, lexicon_dir: str | None = None
) -> tuple[str, float] | None:
    """The rule and score by which ``fact`` is ``candidate``, or None."""
    # a proper name decides first; dates that disagree are then a conflict between
    # sources (see the conflicting-claims query), not two instruments
    instrument = instrument_of(fact, lexicon_dir=lexicon_dir)
    if instrument and str(instrument_iri(instrument)) == candidate.iri:
        return "instrument", 1.0
    mine = names_of(fact)
    if mine & candidate.names:
        return "name", 0.95
    if mine and candidate.names:
        return None  # two different proper names: two instruments
    signed = [fact.signed] if fact.signed else []
    concluded = [e.date for e in fact.events if e.type == "agreed" and e.date]
    if not _dates_agree(signed, candidate.signed):
        return None
    if (
        not signed
        and not candidate.signed
        and not _dates_agree(concluded, candidate.concluded)
    ):
        return None  # neither was signed yet: two deals reached at different times
    family = vocabulary().family
    if family(fact.kind) not in {family(k) for k in candidate.kinds}:
        return None
    union = set(fact.parties) | candidate.parties
    shared = set(fact.parties) & candidate.parties
    overlap = len(shared) / len(union) if union else 0.0
    shared_topics = set(fact.topics) & candidate.topics
    if fact.topics and candidate.topics and not shared_topics:
        return None
    if overlap < 0.5:
        # one article names fewer parties ("the Iran deal" vs Iran and six powers):
        # a subset counts when the topics agree too
        smaller = min(len(fact.parties), len(candidate.parties))
        if not smaller or len(shared) < smaller or not shared_topics:
            return None
        overlap = 0.5
    topic_union = set(fact.topics) | candidate.topics
    topic_overlap = (
        len(set(fact.topics) & candidate.topics) / len(topic_union)
        if topic_union
        else 0.0
    )
    dated = bool(signed and candidate.signed)
    if not dated and not shared_topics:
        return None  # the same parties alone do not make the same agreement
    value = (
        0.5 * overlap
        + 0.2 * (fact.kind in candidate.kinds)
        + 0.15 * dated
        + 0.15 * topic_overlap
    )
    return ("parties", round(value, 3)) if value >= _PARTY_THRESHOLD else None


@dataclass(frozen=True)
class Proposal:
    """One extracted agreement (``position`` in the article) scored against one
    stored node, before the choice."""

    position: int
    iri: str
    rule: str
    score: float
    own: bool = False  # the node is described by the article's previous graph
    previous: Resolution | None = None  # the decision that graph recorded
    fit: float = 0.0  # with a previous decision: how well it still fits


def propose(
    facts: ArticleFacts,
    candidates: Sequence[Sequence[Candidate]],
    *,
    article: URIRef,
    separated: set[str],
    lexicon_dir: str | None = None,
) -> list[Proposal]:
    """Every (extracted agreement, candidate) pair that matches by a rule;
    ``candidates``: the stored nodes each extracted agreement may be, in order."""
    proposals = []
    for position, (fact, found) in enumerate(
        zip(facts.agreements, candidates, strict=True)
    ):
        for candidate in found:
            if candidate.iri in separated:
                continue
            decision = score(fact, candidate, lexicon_dir=lexicon_dir)
            if decision is None:
                continue
            rule, value = decision
            fit = 0.0
            if candidate.previous is not None:
                mine = mint(article, fact, lexicon_dir=lexicon_dir)
                fit = value + (0.5 if candidate.iri == mine else 0.0)
            proposals.append(
                Proposal(
                    position, candidate.iri, rule, value,
                    candidate.own, candidate.previous, fit,
                )
            )  # fmt: skip
    return proposals


def choose(
    facts: ArticleFacts,
    proposals: Iterable[Proposal],
    supporting: Mapping[str, tuple[str, ...]],
    *,
    article: URIRef,
    separated: set[str],
    lexicon_dir: str | None = None,
) -> list[Resolution]:
    """One resolution per extracted agreement, in order; each stored node used
    once, the best proposals first; an agreement left without one gets a new node.

    ``supporting``: a few other articles reporting each proposed node (of the
    proposals without a previous decision).
    """
    ranked: list[tuple[float, int, str, str, tuple[str, ...], float]] = []
    for p in proposals:
        if p.previous is not None:
            # the article's earlier decision stands, so reloading changes nothing
            was = p.previous
            ranked.append(
                (2.0 + p.fit, p.position, p.iri, was.rule, was.supported_by, was.score)
            )
            continue
        others = supporting[p.iri]
        rule, value = p.rule, p.score
        if p.own and not others:
            rule, value = "new", 1.0  # only this article's earlier version: keep it
        ranked.append((value, p.position, p.iri, rule, others, value))
    ranked.sort(key=lambda r: (-r[0], r[1], r[2]))
    chosen: dict[int, Resolution] = {}
    used: set[str] = set()
    for _, position, iri, rule, others, value in ranked:
        if position in chosen or iri in used:
            continue
        chosen[position] = Resolution(iri, rule, round(min(value, 1.0), 3), others)
        used.add(iri)
    result = []
    for position, fact in enumerate(facts.agreements):
        if position not in chosen:
            chosen[position] = _new_node(article, fact, used, separated, lexicon_dir)
        used.add(chosen[position].agreement)
        result.append(chosen[position])
    return result


def _new_node(
    article: URIRef,
    fact: AgreementFact,
    used: set[str],
    separated: set[str],
    lexicon_dir: str | None,
) -> Resolution:
    """A node minted for an agreement no stored node was chosen for."""
    iri, rule = mint(article, fact, lexicon_dir=lexicon_dir), "new"
    if iri in separated:
        rule = "split"
    if iri in used or iri in separated:  # two agreements of one article, or split
        iri = str(agreement_iri(article, fact))
    if iri in separated:
        iri = str(split_agreement_iri(article, iri))
    return Resolution(iri, rule, 1.0)
