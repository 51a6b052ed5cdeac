"""Reasoning over the stored graph with owlready2 and HermiT.

The ontology classifies agreements by their parties (bilateral, trilateral,
multilateral), agreements reported in force, and parties that are signatories.
OWL assumes an open world, where an agreement with two known parties may have
more; a knowledge base of news reports is read here under a closed world: the
parties the store names are all of an agreement's parties (a closure axiom
``party only {A, B}``) and different parties are different individuals. HermiT
then checks consistency and classifies; the inferred types go into their own
named graph, so queries can use them and the next run replaces them.

Dates stay out of the reasoner: HermiT rejects xsd:gYear and xsd:gYearMonth,
and no class here depends on them.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, Graph, URIRef

from diplograph import sparql
from diplograph.errors import DiplographError
from diplograph.iri import INFERRED_GRAPH
from diplograph.namespaces import DATA_BASE, DG, ID
from diplograph.resources import ontology_file
from diplograph.store import Store
from diplograph.vocabulary import vocabulary

# The agreement classes inferred here, by the code queries take (--param class=)
AGREEMENT_CLASSES = {
    "bilateral": DG.BilateralAgreement, "trilateral": DG.TrilateralAgreement,
    "multilateral": DG.MultilateralAgreement, "in_force": DG.AgreementInForce,
}  # fmt: skip
CLASSIFIED = (*AGREEMENT_CLASSES.values(), DG.Signatory)


@dataclass
class ReasoningReport:
    agreements: int = 0
    parties: int = 0
    consistent: bool = True
    problems: list[str] = field(default_factory=list)
    inferred: dict[str, list[str]] = field(default_factory=dict)  # class -> individuals
    seconds: float = 0.0


def _short(iri: str) -> str:
    return iri[len(DATA_BASE) :] if iri.startswith(DATA_BASE) else iri


@dataclass
class _Stored:
    """What the store says that the reasoner reads: each agreement's kinds
    (classes), parties and events, and each party's class."""

    kinds: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    parties: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    party_classes: dict[str, str] = field(default_factory=dict)
    events: dict[str, tuple[str, str]] = field(default_factory=dict)


def _owlready() -> Any:
    """owlready2, set up to run HermiT with the Java on the PATH."""
    try:
        import owlready2
    except ImportError:  # pragma: no cover - a dependency
        raise DiplographError(
            "reasoning needs owlready2: pip install owlready2"
        ) from None
    java = shutil.which("java")
    if java is None:
        raise DiplographError(
            "reasoning needs Java for HermiT: install a Java runtime (java on PATH)"
        )
    owlready2.JAVA_EXE = java
    return owlready2


def _read(store: Store) -> _Stored:
    stored = _Stored()
    _, rows = store.select(sparql.query("reason-agreements"))
    for row in rows:
        agreement = row["agreement"].value
        stored.kinds.setdefault(agreement, set())
        if "class" in row and vocabulary().kind_of(row["class"].value):
            stored.kinds[agreement].add(row["class"].value)
        if "party" in row:
            stored.parties[agreement].add(row["party"].value)
            if row["partyClass"].value in (
                str(DG.Country),
                str(DG.InternationalOrganization),
            ):
                stored.party_classes[row["party"].value] = row["partyClass"].value
        if "event" in row and vocabulary().event_of(row["eventClass"].value):
            stored.events[row["event"].value] = (agreement, row["eventClass"].value)
    return stored


def _individuals(
    owlready2: Any, dg: Any, ns: Any, stored: _Stored, report: ReasoningReport
) -> None:
    """The stored parties, agreements and events as individuals of ``ns``, with
    the closed world read into them; counted in ``report``."""
    party_of = {}
    for iri in sorted(set(stored.party_classes)):
        cls = (
            dg.Country
            if stored.party_classes[iri] == str(DG.Country)
            else dg.InternationalOrganization
        )
        party_of[iri] = cls(_short(iri), namespace=ns)
    agreement_of = {}
    for iri in sorted(stored.kinds):
        claimed = sorted(stored.kinds[iri])
        if len(claimed) > 1:
            # articles disagree about the kind: kinds are disjoint, so reasoning
            # goes on with the agreement as an agreement of no particular kind
            names = ", ".join(c.rsplit("#", 1)[-1] for c in claimed)
            report.problems.append(
                f"{_short(iri)} is claimed to be of several kinds ({names}); "
                "see the conflicting-claims query"
            )
            claimed = [str(DG.Agreement)]
        cls = dg[claimed[0].rsplit("#", 1)[-1]] if claimed else dg.Agreement
        individual = cls(_short(iri), namespace=ns)
        members = [
            party_of[p] for p in sorted(stored.parties.get(iri, ())) if p in party_of
        ]
        individual.party = members
        if members:  # the closed world: these are all its parties
            individual.is_a.append(dg.party.only(owlready2.OneOf(members)))
        agreement_of[iri] = individual
    for iri, (agreement, cls_iri) in sorted(stored.events.items()):
        if agreement in agreement_of:
            event = dg[cls_iri.rsplit("#", 1)[-1]](_short(iri), namespace=ns)
            event.ofAgreement = agreement_of[agreement]
    if len(party_of) > 1:
        owlready2.AllDifferent(list(party_of.values()))
    report.agreements, report.parties = len(agreement_of), len(party_of)


def _classified(world: Any, dg: Any, report: ReasoningReport) -> Graph:
    """The classes HermiT put the individuals in (of :data:`CLASSIFIED`), as
    triples; listed in ``report`` with the classes that cannot have members."""
    unsatisfiable = [c.iri for c in world.inconsistent_classes()]
    report.problems += [
        f"class {_short(c)} cannot have any member" for c in unsatisfiable
    ]
    inferred = Graph()
    for target in CLASSIFIED:
        cls = dg[str(target).rsplit("#", 1)[-1]]
        members = sorted(i.iri for i in cls.instances(world=world))
        report.inferred[str(target).rsplit("#", 1)[-1]] = [_short(m) for m in members]
        for member in members:
            inferred.add((URIRef(member), RDF.type, target))
    return inferred


def reason(store: Store, *, write: bool = True) -> ReasoningReport:
    """Check the stored data with HermiT, classify it, and store what it infers."""
    owlready2 = _owlready()
    started = time.monotonic()
    report = ReasoningReport()
    stored = _read(store)
    world = owlready2.World()
    with tempfile.TemporaryDirectory() as folder:
        nt = Path(folder) / "diplograph.nt"
        Graph().parse(ontology_file(), format="turtle").serialize(
            nt, format="nt", encoding="utf-8"
        )
        onto = world.get_ontology(nt.as_uri()).load()
    dg = world.get_namespace(str(DG._NS))
    data = world.get_ontology(str(ID["reasoning-input"]))
    with data:
        _individuals(owlready2, dg, data.get_namespace(DATA_BASE), stored, report)
    try:
        with data:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError as error:
        report.consistent = False
        report.problems.append(
            f"the stored data is inconsistent with the ontology: {error}"
        )
    if report.consistent:
        inferred = _classified(world, dg, report)
        if write:
            store.replace_graph(INFERRED_GRAPH, inferred)
    report.seconds = time.monotonic() - started
    _ = onto
    return report
