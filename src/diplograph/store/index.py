"""The stored agreements as resolution reads them, in memory: the index a load
keeps beside its store.

Resolution's matching (:mod:`diplograph.resolve`) is pure: it scores an
extracted agreement against :class:`~diplograph.resolve.Candidate` records.
This module is where those records come from: the merged graph read once,
then kept equal to it after every article graph the load writes, with the
articles reporting each agreement (a few of them support a match); and the few
questions only the store can answer (an article's earlier version and
decisions), asked only of an article stored before. A new article is resolved
without a question to the store, so that its write can wait in a batch.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable
from dataclasses import replace

from rdflib import RDF, URIRef

from diplograph import sparql
from diplograph.extract.lexicon import load_lexicon
from diplograph.iri import CURATION_GRAPH, instrument_iri
from diplograph.model import AgreementFact, Resolution
from diplograph.namespaces import DG
from diplograph.plain import PlainTriple
from diplograph.resolve import Candidate, instrument_of, norm
from diplograph.store import Store, Term
from diplograph.vocabulary import vocabulary

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
    ``lexicon_dir``: the lexicon extraction used, so its instruments are known
    here too (the settings' ``lexicon``).
    """

    def __init__(self, store: Store, *, lexicon_dir: str | None = None) -> None:
        self.store = store
        self.lexicon_dir = lexicon_dir
        self.agreements: dict[str, Candidate] = {}
        self._by_party: dict[str, set[str]] = {}
        self._by_name: dict[str, set[str]] = {}  # a dg:name or dg:alias as written
        self._names: dict[str, set[str]] = {}  # and back: agreement -> those names
        # agreement -> the articles reporting it (dg:reportedIn)
        self._reporters: dict[str, set[str]] = {}
        # and the first few of those by IRI, kept sorted: the supporting articles
        self._first_reporters: dict[str, list[str]] = {}
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
                describing=[DG.party, DG.reportedIn, *_DESCRIBING],
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
        self._reporters.pop(iri, None)
        self._first_reporters.pop(iri, None)

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
        elif p == str(DG.reportedIn):
            reporters = self._reporters.setdefault(iri, set())
            if value not in reporters:
                reporters.add(value)
                first = self._first_reporters.setdefault(iri, [])
                # one more than listed: the article asking may be among them
                if len(first) <= SUPPORT_LISTED or value < first[-1]:
                    insort(first, value)
                    del first[SUPPORT_LISTED + 1 :]
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

    def wrote(
        self, triples: Iterable[PlainTriple], *, replaced: set[str] | None = None
    ) -> None:
        """Take in an article graph just written, as plain triples
        (:func:`~diplograph.plain.plain_of`). ``replaced``: the agreements of
        the graph it replaced, whose claims may have left the merged graph with
        it, so they are read again."""
        triples = tuple(triples)
        rdf_type, agreement, conclusion = (
            str(RDF.type),
            str(DG.Agreement),
            str(DG.Conclusion),
        )
        agreements = {
            s for s, p, o, kind in triples
            if p == rdf_type and o == agreement and kind is None
        }  # fmt: skip
        if replaced is not None:
            self._read(agreements | replaced)
            return
        code, party, of, date = (
            str(DG.code),
            str(DG.party),
            str(DG.ofAgreement),
            str(DG.date),
        )
        codes = {s: o for s, p, o, _ in triples if p == code}
        describing = {str(p) for p in (*_DESCRIBING, DG.reportedIn)}
        events: dict[str, dict[str, str]] = {}
        for s, p, o, _ in triples:
            if s in agreements:
                if p == party:
                    if o in codes:
                        self._add(s, p, codes[o])
                elif p in describing:
                    self._add(s, p, o)
            elif p in (of, date) or (p == rdf_type and o == conclusion):
                events.setdefault(s, {})[p if p != rdf_type else ""] = o
        for said in events.values():
            if "" in said and of in said and date in said:
                self._add(said[of], "conclusion", said[date])

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

    def candidates_of(
        self, fact: AgreementFact, article: URIRef, *, stored_before: bool
    ) -> list[Candidate]:
        """:meth:`candidates` as records; for an article stored before, marked
        with what its earlier version described and decided."""
        found = self.candidates(fact)
        if not found or not stored_before:
            return [self.agreements[iri] for iri in found]
        candidates = {iri: replace(self.agreements[iri]) for iri in found}
        agreements = [URIRef(iri) for iri in found]
        _, rows = self.store.select(
            sparql.query("resolve-own", agreements=agreements, article=article)
        )
        for row in rows:
            candidates[row["a"].value].own = True
        if any(c.own for c in candidates.values()):
            for iri, previous in self._previous(article).items():
                if iri in candidates:
                    candidates[iri].previous = previous
        return [candidates[iri] for iri in found]

    def _previous(self, article: URIRef) -> dict[str, Resolution]:
        """The decisions ``article``'s stored graph recorded, by agreement."""
        _, rows = self.store.select(sparql.query("resolve-previous", article=article))
        records: dict[str, list[dict[str, Term]]] = {}
        for row in rows:
            records.setdefault(row["agreement"].value, []).append(row)
        decisions = {}
        for iri, found in records.items():
            others = tuple(sorted({r["other"].value for r in found if "other" in r}))
            first = found[0]
            decisions[iri] = Resolution(
                iri, first["rule"].value, float(first["score"].value), others
            )
        return decisions

    def supporting(self, agreement: str, article: URIRef) -> tuple[str, ...]:
        """A few other articles reporting ``agreement`` say why it matched
        (sources-of lists them all): the first by IRI, so that the same store
        gives the same ones whatever the backend and the order of the load."""
        first = self._first_reporters.get(agreement, ())
        return tuple(a for a in first if a != str(article))[:SUPPORT_LISTED]
