"""ontology/diplograph.ttl: the term contract of namespaces.DG, the guidelines'
controlled lists, alignment rules, and OWL 2 DL consistency under HermiT."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from owlready2 import OwlReadyInconsistentOntologyError, World, sync_reasoner_hermit
from rdflib import DCTERMS, OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from diplograph.namespaces import DG, ONTOLOGY_IRI, topic_iri
from diplograph.resources import ontology_file
from diplograph.vocabulary import vocabulary

# The controlled lists of corpus/GUIDELINES.md, copied here so that a change on
# either side shows up as a failing test.
TOPIC_CODES = [
    "intelligence_sharing", "military_cooperation", "nuclear_weapons", "missiles",
    "arms_control", "trade", "investment", "energy", "climate_environment",
    "maritime_fisheries", "border_territory", "peace_ceasefire",
    "diplomatic_relations", "security_alliance", "health", "migration",
    "legal_cooperation", "science_technology", "space", "cyber", "development_aid",
    "culture_education", "transport", "finance", "water_resources", "food_security",
    "human_rights", "religion", "historical_issues",
]  # fmt: skip
KIND_CODES = {
    "treaty": DG.Treaty,
    "convention": DG.Convention,
    "protocol": DG.Protocol,
    "agreement": DG.GeneralAgreement,
    "accord": DG.Accord,
    "pact": DG.Pact,
    "deal": DG.Deal,
    "arrangement": DG.Arrangement,
    "memorandum_of_understanding": DG.MemorandumOfUnderstanding,
    "joint_statement": DG.JointStatement,
    "declaration": DG.Declaration,
    "ceasefire": DG.Ceasefire,
    "normalization": DG.Normalization,
}
EVENT_CODES = {
    "negotiation": DG.Negotiation,
    "agreed": DG.Conclusion,
    "signed": DG.Signing,
    "ratified": DG.Ratification,
    "in_force": DG.EntryIntoForce,
    "implemented": DG.Implementation,
    "extended": DG.Extension,
    "suspended": DG.Suspension,
    "withdrawn": DG.Withdrawal,
    "terminated": DG.Termination,
    "failed": DG.Failure,
}

DG_NS = str(DG._NS)
DG_TERMS = sorted(DG.__annotations__)
DECLARATION_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
}
# Namespaces whose terms OWL 2 gives a meaning without a declaration.
BUILT_IN = (str(RDF), str(RDFS), str(OWL), str(XSD))
# Datatypes the ontology must not use: HermiT rejects what is outside the OWL 2
# datatype map, and dates keep their precision in these three (the shapes check).
NOT_IN_OWL2_MAP = {XSD.date, XSD.gYearMonth, XSD.gYear}


def test_topic_codes_are_the_29_of_the_guidelines() -> None:
    assert len(TOPIC_CODES) == len(set(TOPIC_CODES)) == 29


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_file(), format="turtle")


def _dg_iris(graph: Graph) -> Iterator[URIRef]:
    for triple in graph:
        for node in triple:
            if isinstance(node, URIRef) and str(node).startswith(DG_NS):
                yield node


def test_header(onto: Graph) -> None:
    iri = URIRef(ONTOLOGY_IRI)
    assert (iri, RDF.type, OWL.Ontology) in onto
    assert onto.value(iri, OWL.versionIRI) == URIRef(ONTOLOGY_IRI + "/0.1.0")
    assert onto.value(iri, OWL.versionInfo) == Literal("0.1.0")
    assert onto.value(iri, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert onto.value(iri, DCTERMS.title) is not None
    assert onto.value(iri, DCTERMS.description) is not None


@pytest.mark.parametrize("name", DG_TERMS)
def test_every_namespace_term_is_defined(onto: Graph, name: str) -> None:
    term = DG[name]
    types = set(onto.objects(term, RDF.type))
    assert types & (DECLARATION_TYPES | {SKOS.ConceptScheme}), (
        f"{term} is in namespaces.DG but not declared in the ontology"
    )
    for prop in (RDFS.label, SKOS.definition):
        values = list(onto.objects(term, prop))
        assert len(values) == 1, f"{term} needs exactly one {prop}"
        assert isinstance(values[0], Literal) and values[0].language == "en"


def test_ontology_needs_no_other_dg_terms(onto: Graph) -> None:
    allowed = {DG[name] for name in DG_TERMS} | {topic_iri(c) for c in TOPIC_CODES}
    # a kind or event type needs no name in DG: code reaches it by its notation
    words = vocabulary()
    allowed |= {entry.iri for entry in (*words.kinds, *words.events)}
    unknown = sorted(set(_dg_iris(onto)) - allowed)
    assert not unknown, f"dg: terms outside namespaces.DG and the topic list: {unknown}"


def test_topic_scheme_has_exactly_the_guideline_topics(onto: Graph) -> None:
    concepts = set(onto.subjects(RDF.type, DG.Topic))
    assert concepts == {topic_iri(code) for code in TOPIC_CODES}
    assert (DG.topics, RDF.type, SKOS.ConceptScheme) in onto
    assert set(onto.objects(DG.topics, SKOS.hasTopConcept)) == concepts


@pytest.mark.parametrize("code", TOPIC_CODES)
def test_topic_concept(onto: Graph, code: str) -> None:
    concept = topic_iri(code)
    assert {DG.Topic, SKOS.Concept} <= set(onto.objects(concept, RDF.type))
    assert onto.value(concept, SKOS.inScheme) == DG.topics
    assert onto.value(concept, SKOS.notation) == Literal(code)
    for prop in (SKOS.prefLabel, SKOS.definition):
        value = onto.value(concept, prop)
        assert isinstance(value, Literal) and value.language == "en", (concept, prop)


def _disjoint_groups(onto: Graph) -> list[set[Node]]:
    return [
        set(Collection(onto, members))
        for group in onto.subjects(RDF.type, OWL.AllDisjointClasses)
        for members in onto.objects(group, OWL.members)
    ]


@pytest.mark.parametrize(
    ("superclass", "codes"),
    [(DG.Agreement, KIND_CODES), (DG.LifecycleEvent, EVENT_CODES)],
    ids=["kinds", "event-types"],
)
def test_kinds_and_event_types_match_the_guidelines(
    onto: Graph, superclass: URIRef, codes: dict[str, URIRef]
) -> None:
    """One subclass per guideline code, with the code as skos:notation, pairwise
    disjoint, so build.py can map codes to classes and HermiT catches two kinds."""
    subclasses = set(onto.subjects(RDFS.subClassOf, superclass))
    assert subclasses == set(codes.values())
    for code, cls in codes.items():
        assert onto.value(cls, SKOS.notation) == Literal(code), cls
    assert set(codes.values()) in _disjoint_groups(onto)


def test_party_classes(onto: Graph) -> None:
    for cls in (DG.Country, DG.InternationalOrganization):
        assert (cls, RDFS.subClassOf, DG.Party) in onto
    assert (DG.Country, OWL.disjointWith, DG.InternationalOrganization) in onto
    assert (DG.Topic, RDFS.subClassOf, SKOS.Concept) in onto


def test_functional_properties(onto: Graph) -> None:
    functional = set(onto.subjects(RDF.type, OWL.FunctionalProperty))
    assert {
        DG.ofAgreement,
        DG.inArticle,
        DG.resolvedIn,
        DG.resolvedAgreement,
        DG.rule,
        DG.score,
        DG.separatedAgreement,
        DG.separatedArticle,
    } <= functional
    assert DG.supportedBy not in functional


def test_resolution_and_separation_terms(onto: Graph) -> None:
    """Merge decisions are data (dg:Resolution, dg:Separation), each property
    with the domain and range the loader writes."""
    expected = {
        DG.resolvedIn: (OWL.ObjectProperty, DG.Resolution, DG.Article),
        DG.resolvedAgreement: (OWL.ObjectProperty, DG.Resolution, DG.Agreement),
        DG.rule: (OWL.DatatypeProperty, DG.Resolution, XSD.string),
        DG.score: (OWL.DatatypeProperty, DG.Resolution, XSD.decimal),
        DG.supportedBy: (OWL.ObjectProperty, DG.Resolution, DG.Article),
        DG.separatedAgreement: (OWL.ObjectProperty, DG.Separation, DG.Agreement),
        DG.separatedArticle: (OWL.ObjectProperty, DG.Separation, DG.Article),
        DG.text: (OWL.DatatypeProperty, DG.Article, XSD.string),
        DG.extractor: (OWL.DatatypeProperty, DG.Article, XSD.string),
    }
    for prop, (kind, domain, range_) in expected.items():
        assert (prop, RDF.type, kind) in onto, prop
        assert onto.value(prop, RDFS.domain) == domain, prop
        assert onto.value(prop, RDFS.range) == range_, prop
    definition = str(onto.value(DG.rule, SKOS.definition))
    for rule in ("new", "name", "instrument", "parties", "split"):
        assert f"{rule} (" in definition, rule
    groups = _disjoint_groups(onto)
    assert any({DG.Agreement, DG.Resolution, DG.Separation} <= g for g in groups)


def test_by_links_an_event_to_the_parties_that_performed_it(onto: Graph) -> None:
    """dg:by (who signed, ratified, withdrew...) ranges over the same class as
    dg:party, so a country or an organization; the one way to say it."""
    assert (DG.by, RDF.type, OWL.ObjectProperty) in onto
    assert onto.value(DG.by, RDFS.domain) == DG.LifecycleEvent
    assert onto.value(DG.by, RDFS.range) == onto.value(DG.party, RDFS.range) == DG.Party
    sem = "http://semanticweb.cs.vu.nl/2009/11/sem/"
    assert (DG.by, SKOS.closeMatch, URIRef(sem + "hasActor")) in onto
    assert (DG_NS + "actor") not in {str(s) for s in onto.subjects()}


def test_no_owl_same_as(onto: Graph) -> None:
    assert not list(onto.triples((None, OWL.sameAs, None)))


def test_alignments_are_links_not_merges(onto: Graph) -> None:
    wd = "http://www.wikidata.org/entity/"
    assert (DG.Country, SKOS.closeMatch, URIRef(wd + "Q6256")) in onto
    assert (DG.Treaty, SKOS.closeMatch, URIRef(wd + "Q131569")) in onto
    assert (
        DG.InternationalOrganization,
        SKOS.closeMatch,
        URIRef(wd + "Q484652"),
    ) in onto
    prov = "http://www.w3.org/ns/prov#"
    assert (DG.reportedIn, RDFS.subPropertyOf, URIRef(prov + "wasDerivedFrom")) in onto
    assert (DG.Article, RDFS.subClassOf, URIRef(prov + "Entity")) in onto
    assert (DG.Agreement, RDFS.subClassOf, URIRef(prov + "Entity")) in onto
    assert (DG.Resolution, RDFS.subClassOf, URIRef(prov + "Entity")) in onto
    assert (DG.Separation, RDFS.subClassOf, URIRef(prov + "Entity")) in onto
    schema = "https://schema.org/"
    assert (DG.text, SKOS.closeMatch, URIRef(schema + "articleBody")) in onto
    assert (DG.extractor, SKOS.closeMatch, URIRef(prov + "wasGeneratedBy")) in onto


def test_every_used_term_is_declared(onto: Graph) -> None:
    """OWL 2 DL wants each class and property declared with its kind, outside
    terms included (prov:Entity, skos:closeMatch ...)."""
    declared = {s for t in DECLARATION_TYPES for s in onto.subjects(RDF.type, t)}
    used: set[Node] = set()
    for s, p, o in onto:
        used.add(p)
        if p in (RDF.type, RDFS.subClassOf, OWL.disjointWith, RDFS.domain, RDFS.range):
            used.add(o)
        if p in (RDFS.subPropertyOf, OWL.inverseOf):
            used.update((s, o))
    for lists in (OWL.members, OWL.unionOf):
        for members in onto.objects(None, lists):
            used.update(Collection(onto, members))
    undeclared = sorted(
        str(t)
        for t in used
        if isinstance(t, URIRef)
        and not str(t).startswith(BUILT_IN)
        and t not in declared
    )
    assert not undeclared, f"used but not declared: {undeclared}"


def test_no_range_outside_the_owl2_datatype_map(onto: Graph) -> None:
    bad = [(s, o) for s, o in onto.subject_objects(RDFS.range) if o in NOT_IN_OWL2_MAP]
    assert not bad, f"HermiT rejects these ranges, say the datatypes in words: {bad}"
    for prop in (DG.signingDate, DG.date, DG.published):
        definition = str(onto.value(prop, SKOS.definition))
        assert all(
            dt in definition for dt in ("xsd:date", "xsd:gYearMonth", "xsd:gYear")
        )


def test_blocks_are_sorted_one_per_term() -> None:
    text = ontology_file().read_text(encoding="utf-8")
    subjects = re.findall(r"^dg:(\w+)$", text, flags=re.MULTILINE)
    assert subjects == sorted(subjects), "keep the term blocks sorted by local name"
    assert len(subjects) == len(set(subjects)), "one block per term"
    assert set(subjects) >= set(DG_TERMS)


# --- HermiT (owlready2) -----------------------------------------------------


def _hermit(graph: Graph, tmp_path: Path) -> None:
    """Run HermiT over ``graph`` in a fresh owlready2 World; raises if inconsistent."""
    path = tmp_path / "ontology.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    world = World()
    try:
        world.get_ontology(path.as_uri()).load()
        sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    finally:
        world.close()


def test_consistent_under_hermit(onto: Graph, tmp_path: Path) -> None:
    _hermit(onto, tmp_path)


def test_hermit_sees_the_disjoint_kinds(onto: Graph, tmp_path: Path) -> None:
    """The check above is only worth something if HermiT reads our axioms."""
    graph = Graph() + onto
    thing = URIRef("https://w3id.org/diplograph/id/agreement/test")
    graph.add((thing, RDF.type, DG.Treaty))
    graph.add((thing, RDF.type, DG.Pact))
    with pytest.raises(OwlReadyInconsistentOntologyError):
        _hermit(graph, tmp_path)
