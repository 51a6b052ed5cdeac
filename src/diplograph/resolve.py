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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rdflib import RDF, Graph, URIRef

from diplograph import sparql
from diplograph.extract.lexicon import load_lexicon
from diplograph.iri import (
    CURATION_GRAPH,
    agreement_iri,
    instrument_iri,
    named_agreement_iri,
    split_agreement_iri,
)
from diplograph.model import AgreementFact, ArticleFacts, Resolution
from diplograph.namespaces import DG
from diplograph.settings import Settings
from diplograph.store import Store, Term
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


# what an agreement's own triples say that resolution reads (besides dg:party);
# read by sparql/resolve-details.rq
_DESCRIBING = (DG.name, DG.alias, RDF.type, DG.signingDate, DG.topic)
CANDIDATES_PER_AGREEMENT = 20
SUPPORT_LISTED = 5


class AgreementIndex:
    """The stored agreements' names, parties, kinds, dates and topics, in memory.

    Read from the store's merged graph when made, and kept equal to it by
    :meth:`wrote` after each article graph the load writes, so resolving an
    article asks the store nothing in the common case. A load's index does
    not see what another process writes into the same store meanwhile.
    """

    def __init__(self, store: Store, *, settings: Settings | None = None) -> None:
        self.store = store
        # the lexicon extraction used, so its instruments are known here too
        self.lexicon_dir = (settings or Settings.gather()).lexicon
        self.agreements: dict[str, Candidate] = {}
        self._by_party: dict[str, set[str]] = {}
        self._by_name: dict[str, set[str]] = {}  # a dg:name or dg:alias as written
        self._names: dict[str, set[str]] = {}  # and back: agreement -> those names
        self._read(None)
        # the curators' separations (article -> agreements), written only by split
        self._separated: dict[str, set[str]] = {}
        if store.has_graph(CURATION_GRAPH):
            _, rows = store.select(sparql.query("resolve-separated"))
            for row in rows:
                self._separated.setdefault(row["article"].value, set()).add(
                    row["agreement"].value
                )

    def separated(self, article: URIRef) -> set[str]:
        """The agreements a curator separated ``article`` from
        (``diplograph split``)."""
        return self._separated.get(str(article), set())

    def _read(self, agreements: set[str] | None) -> None:
        """(Re)read some agreements, or all of them, from the store."""
        # None: every agreement (UNDEF in the query's VALUES)
        values = None if agreements is None else [URIRef(a) for a in agreements]
        for iri in agreements or ():
            self._forget(iri)
        if agreements == set():
            return
        _, rows = self.store.select(
            sparql.query(
                "resolve-details",
                agreements=values,
                describing=[DG.party, *_DESCRIBING],
            )
        )
        for row in rows:
            p, o = row["p"].value, row["o"].value
            if p == str(DG.party):
                if "code" in row:
                    self._add(row["a"].value, p, row["code"].value)
            else:
                self._add(row["a"].value, p, o)
        _, rows = self.store.select(
            sparql.query("resolve-conclusions", agreements=values)
        )
        for row in rows:
            self._add(row["a"].value, "conclusion", row["date"].value)

    def _forget(self, iri: str) -> None:
        old = self.agreements.pop(iri, None)
        if old is None:
            return
        for code in old.parties:
            self._by_party.get(code, set()).discard(iri)
        for name in self._names.pop(iri, ()):
            self._by_name.get(name, set()).discard(iri)

    def _add(self, iri: str, p: str, value: str) -> None:
        candidate = self.agreements.get(iri)
        if candidate is None:
            candidate = self.agreements[iri] = Candidate(iri)
        if p == str(DG.name) or p == str(DG.alias):
            candidate.names.add(norm(value))
            self._by_name.setdefault(value, set()).add(iri)
            self._names.setdefault(iri, set()).add(value)
        elif p == str(DG.party):
            candidate.parties.add(value)
            self._by_party.setdefault(value, set()).add(iri)
        elif p == str(RDF.type):
            kind = vocabulary().kind_of(value)
            if kind is not None:
                candidate.kinds.add(kind)
        elif p == str(DG.signingDate):
            candidate.signed.add(value)
        elif p == str(DG.topic):
            candidate.topics.add(value.rsplit("topic_", 1)[-1])
        elif p == "conclusion":
            candidate.concluded.add(value)

    def stored(self, article: URIRef) -> set[str]:
        """The agreements ``article``'s stored graph describes (before replacing it)."""
        _, rows = self.store.select(sparql.query("resolve-stored", article=article))
        return {row["a"].value for row in rows}

    def wrote(self, graph: Graph, *, replaced: set[str] | None = None) -> None:
        """Take in an article graph just written. ``replaced``: the agreements of
        the graph it replaced, whose claims may have left the merged graph with
        it, so they are read again."""
        agreements = {str(a) for a in graph.subjects(RDF.type, DG.Agreement)}
        if replaced is not None:
            self._read(agreements | replaced)
            return
        codes = {str(p): str(c) for p, c in graph.subject_objects(DG.code)}
        for a in agreements:
            for p, o in graph.predicate_objects(URIRef(a)):
                if p == DG.party:
                    if str(o) in codes:
                        self._add(a, str(p), codes[str(o)])
                elif p in _DESCRIBING:
                    self._add(a, str(p), str(o))
        for event in graph.subjects(RDF.type, DG.Conclusion):
            agreement = graph.value(event, DG.ofAgreement)
            when = graph.value(event, DG.date)
            if agreement is not None and when is not None:
                self._add(str(agreement), "conclusion", str(when))

    def candidates(self, fact: AgreementFact) -> list[str]:
        """The stored agreements ``fact`` may be: sharing enough parties (the
        most first), or a name, or the well-known instrument it names."""
        found: set[str] = set()
        if fact.parties:
            need = 1 if len(fact.parties) <= 2 else (len(fact.parties) + 1) // 2
            shared: dict[str, int] = {}
            for code in set(fact.parties):
                for iri in self._by_party.get(code, ()):
                    shared[iri] = shared.get(iri, 0) + 1
            ranked = sorted(
                (iri for iri, n in shared.items() if n >= need),
                key=lambda iri: (-shared[iri], iri),
            )
            found.update(ranked[:CANDIDATES_PER_AGREEMENT])
        names = {n for n in (fact.name, *fact.aliases) if n}
        instrument = instrument_of(fact, lexicon_dir=self.lexicon_dir)
        if instrument:
            found.add(str(instrument_iri(instrument)))
            instruments = load_lexicon(self.lexicon_dir).instruments
            inst = next(i for i in instruments if i.id == instrument)
            names.update((inst.name, *inst.aliases))
        for name in names:
            found.update(self._by_name.get(name, ()))
        return sorted(iri for iri in found if iri in self.agreements)


def _candidates(
    fact: AgreementFact,
    index: AgreementIndex,
    article: URIRef,
    *,
    stored_before: bool,
) -> list[Candidate]:
    found = index.candidates(fact)
    if not found or not stored_before:
        return [index.agreements[iri] for iri in found]
    # an article stored before: its earlier version and decisions count
    store = index.store
    candidates = {iri: replace(index.agreements[iri]) for iri in found}
    agreements = [URIRef(iri) for iri in found]
    _, rows = store.select(
        sparql.query("resolve-own", agreements=agreements, article=article)
    )
    for row in rows:
        candidates[row["a"].value].own = True
    if any(c.own for c in candidates.values()):
        _, rows = store.select(sparql.query("resolve-previous", article=article))
        previous: dict[str, list[dict[str, Term]]] = {}
        for row in rows:
            previous.setdefault(row["agreement"].value, []).append(row)
        for iri, records in previous.items():
            if iri in candidates:
                others = tuple(
                    sorted({r["other"].value for r in records if "other" in r})
                )
                first = records[0]
                candidates[iri].previous = Resolution(
                    iri, first["rule"].value, float(first["score"].value), others
                )
    return [candidates[iri] for iri in found]


def _supporting(store: Store, agreement: str, article: URIRef) -> tuple[str, ...]:
    """A few other articles reporting ``agreement`` say why; sources-of lists them all.

    Asked only of candidates that match, so most candidates cost no query.
    """
    query = sparql.query(
        "resolve-others",
        agreement=URIRef(agreement),
        article=article,
        limit=SUPPORT_LISTED,
    )
    _, rows = store.select(query)
    return tuple(sorted(row["other"].value for row in rows))


def resolve(
    facts: ArticleFacts,
    store: Store,
    *,
    article: URIRef,
    index: AgreementIndex | None = None,
    stored_before: bool | None = None,
) -> list[Resolution]:
    """One resolution per extracted agreement, in order; each stored node used once.

    ``index``: the load's :class:`AgreementIndex` (read from the store if not
    given); ``stored_before``: whether the store holds an earlier version of
    the article (asked if not given).
    """
    known = index if index is not None else AgreementIndex(store)
    separated = known.separated(article)
    proposals: list[tuple[float, int, str, str, tuple[str, ...], float]] = []
    if stored_before is None:
        stored_before = store.has_graph(article)
    for position, fact in enumerate(facts.agreements):
        for candidate in _candidates(fact, known, article, stored_before=stored_before):
            if candidate.iri in separated:
                continue
            decision = score(fact, candidate, lexicon_dir=known.lexicon_dir)
            if decision is None:
                continue
            rule, value = decision
            if candidate.previous is not None:
                # the article's earlier decision stands, so reloading changes nothing
                previous = candidate.previous
                mine = mint(article, fact, lexicon_dir=known.lexicon_dir)
                fit = value + (0.5 if candidate.iri == mine else 0.0)
                proposals.append(
                    (
                        2.0 + fit,
                        position,
                        candidate.iri,
                        previous.rule,
                        previous.supported_by,
                        previous.score,
                    )
                )
                continue
            others = _supporting(store, candidate.iri, article)
            if candidate.own and not others:
                rule, value = (
                    "new",
                    1.0,
                )  # only this article's earlier version: keep its node
            proposals.append((value, position, candidate.iri, rule, others, value))
    proposals.sort(key=lambda p: (-p[0], p[1], p[2]))
    chosen: dict[int, Resolution] = {}
    used: set[str] = set()
    for _, position, iri, rule, others, value in proposals:
        if position in chosen or iri in used:
            continue
        chosen[position] = Resolution(iri, rule, round(min(value, 1.0), 3), others)
        used.add(iri)
    result = []
    for position, fact in enumerate(facts.agreements):
        if position in chosen:
            result.append(chosen[position])
            continue
        iri, rule = mint(article, fact, lexicon_dir=known.lexicon_dir), "new"
        if iri in separated:
            rule = "split"
        if (
            iri in used or iri in separated
        ):  # two agreements of one article, or a split one
            iri = str(agreement_iri(article, fact))
        if iri in separated:
            iri = str(split_agreement_iri(article, iri))
        used.add(iri)
        result.append(Resolution(iri, rule, 1.0))
    return result
