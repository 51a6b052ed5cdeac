"""shapes/*.ttl: well-formed SHACL over the ontology's terms, a conforming
article graph conforms, and each rule catches the data that breaks it."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from diplograph.namespaces import DG, DGS, ID, topic_iri
from diplograph.resources import ontology_file, shape_files

SH = Namespace("http://www.w3.org/ns/shacl#")
DATA = Path(__file__).resolve().parent / "data"
VALID = DATA / "valid-article.ttl"  # one article's named graph
VALID_CURATION = DATA / "valid-curation.ttl"  # the curation graph
VALID_LIFECYCLE = DATA / "valid-lifecycle.ttl"  # an article with a whole lifecycle
VALID_EMPTY = DATA / "valid-empty-article.ttl"  # an article that reports nothing

# Every term of the SHACL vocabulary (https://www.w3.org/ns/shacl.ttl, the
# 2017-07-20 Recommendation). rdflib ships no SHACL namespace to check against.
SHACL_TERMS = frozenset(
    """
    AbstractResult AndConstraintComponent AndConstraintComponent-and BlankNode
    BlankNodeOrIRI BlankNodeOrLiteral ClassConstraintComponent
    ClassConstraintComponent-class ClosedConstraintComponent
    ClosedConstraintComponent-closed ClosedConstraintComponent-ignoredProperties
    ConstraintComponent DatatypeConstraintComponent
    DatatypeConstraintComponent-datatype DisjointConstraintComponent
    DisjointConstraintComponent-disjoint EqualsConstraintComponent
    EqualsConstraintComponent-equals ExpressionConstraintComponent
    ExpressionConstraintComponent-expression Function HasValueConstraintComponent
    HasValueConstraintComponent-hasValue IRI IRIOrLiteral InConstraintComponent
    InConstraintComponent-in Info JSConstraint JSConstraint-js JSConstraintComponent
    JSExecutable JSFunction JSLibrary JSRule JSTarget JSTargetType JSValidator
    LanguageInConstraintComponent LanguageInConstraintComponent-languageIn
    LessThanConstraintComponent LessThanConstraintComponent-lessThan
    LessThanOrEqualsConstraintComponent
    LessThanOrEqualsConstraintComponent-lessThanOrEquals Literal
    MaxCountConstraintComponent MaxCountConstraintComponent-maxCount
    MaxExclusiveConstraintComponent MaxExclusiveConstraintComponent-maxExclusive
    MaxInclusiveConstraintComponent MaxInclusiveConstraintComponent-maxInclusive
    MaxLengthConstraintComponent MaxLengthConstraintComponent-maxLength
    MinCountConstraintComponent MinCountConstraintComponent-minCount
    MinExclusiveConstraintComponent MinExclusiveConstraintComponent-minExclusive
    MinInclusiveConstraintComponent MinInclusiveConstraintComponent-minInclusive
    MinLengthConstraintComponent MinLengthConstraintComponent-minLength
    NodeConstraintComponent NodeConstraintComponent-node NodeKind
    NodeKindConstraintComponent NodeKindConstraintComponent-nodeKind NodeShape
    NotConstraintComponent NotConstraintComponent-not OrConstraintComponent
    OrConstraintComponent-or Parameter Parameterizable PatternConstraintComponent
    PatternConstraintComponent-flags PatternConstraintComponent-pattern
    PrefixDeclaration PropertyConstraintComponent
    PropertyConstraintComponent-property PropertyGroup PropertyShape
    QualifiedMaxCountConstraintComponent
    QualifiedMaxCountConstraintComponent-qualifiedMaxCount
    QualifiedMaxCountConstraintComponent-qualifiedValueShape
    QualifiedMaxCountConstraintComponent-qualifiedValueShapesDisjoint
    QualifiedMinCountConstraintComponent
    QualifiedMinCountConstraintComponent-qualifiedMinCount
    QualifiedMinCountConstraintComponent-qualifiedValueShape
    QualifiedMinCountConstraintComponent-qualifiedValueShapesDisjoint
    ResultAnnotation Rule SPARQLAskExecutable SPARQLAskValidator SPARQLConstraint
    SPARQLConstraintComponent SPARQLConstraintComponent-sparql
    SPARQLConstructExecutable SPARQLExecutable SPARQLFunction SPARQLRule
    SPARQLSelectExecutable SPARQLSelectValidator SPARQLTarget SPARQLTargetType
    SPARQLUpdateExecutable Severity Shape Target TargetType TripleRule
    UniqueLangConstraintComponent UniqueLangConstraintComponent-uniqueLang
    ValidationReport ValidationResult Validator Violation Warning
    XoneConstraintComponent XoneConstraintComponent-xone alternativePath and
    annotationProperty annotationValue annotationVarName ask class closed condition
    conforms construct datatype deactivated declare defaultValue description detail
    disjoint entailment equals expression filterShape flags focusNode group hasValue
    ignoredProperties in intersection inversePath js jsFunctionName jsLibrary
    jsLibraryURL labelTemplate languageIn lessThan lessThanOrEquals maxCount
    maxExclusive maxInclusive maxLength message minCount minExclusive minInclusive
    minLength name namespace node nodeKind nodeValidator nodes not object
    oneOrMorePath optional or order parameter path pattern predicate prefix prefixes
    property propertyValidator qualifiedMaxCount qualifiedMinCount
    qualifiedValueShape qualifiedValueShapesDisjoint result resultAnnotation
    resultMessage resultPath resultSeverity returnType rule select severity
    shapesGraph shapesGraphWellFormed sourceConstraint sourceConstraintComponent
    sourceShape sparql subject suggestedShapesGraph target targetClass targetNode
    targetObjectsOf targetSubjectsOf this union uniqueLang update validator value
    xone zeroOrMorePath zeroOrOnePath
    """.split()
)
# Paths outside dg: that the shapes may use.
ALLOWED_PATHS = {RDF.type, RDFS.label, SKOS.exactMatch}
PATH_KEYS = (SH.inversePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath)
DECLARED_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.Concept}

# Nodes of tests/data/valid-article.ttl.
ARTICLE = ID["article/b0a571c9de2cc63517e6d822678257d4983caa8e19af019709d86e32fd58b27c"]
MEMO = ID["agreement/44ea5d95c7ddc20a"]  # MOU of JPN, KOR, USA, signed 2014-12
MEMO_SIGNED = ID["event/d017bc79f6a0b5a6"]
MEMO_IN_FORCE = ID["event/9d8598de994c2751"]  # 2015-07-01, scheduled
CYBER = ID["agreement/a67b831109326e42"]  # KOR and NATO, signed 2015-06-24
CYBER_SIGNED = ID["event/92243973cbd5487b"]
CYBER_EVIDENCE = ID["evidence/13f80b3e0251ce80"]
MEMO_EVIDENCE = ID["evidence/5108deb71ee1d00d"]
JPN = ID["country/JPN"]
NATO = ID["org/NATO"]
MEMO_RESOLUTION = ID["resolution/3c1f6be2a9d04e71"]  # rule "new"
CYBER_RESOLUTION = ID["resolution/8e27d0c54ab1f963"]  # rule "name", supported
# Nodes of tests/data/valid-curation.ttl.
SEPARATION = ID["separation/e5a9c1d7f3b20468"]
RULES = ["new", "name", "instrument", "parties", "split"]  # dg:rule values
# Nodes of tests/data/valid-lifecycle.ttl: a fisheries agreement of ISL and NOR
# signed 2010-05-12, ratified by NOR in 2010 and by ISL in 2011, in force and
# implemented from 2012-01-01, and ISL's withdrawal on 2019-03-05.
FISHERIES = ID["agreement/46a81739c6ee7c1d"]
FISHERIES_SIGNED = ID["event/bdefc259426bd086"]
NOR_RATIFIED = ID["event/b0c8e7868b8b35cf"]  # "2010", contains the signing day
ISL_RATIFIED = ID["event/3ffdf31dc8dc8e77"]  # "2011"
FISHERIES_IN_FORCE = ID["event/32500d7500ce0755"]  # 2012-01-01
FISHERIES_IMPLEMENTED = ID["event/ced2128f3bc92a57"]  # 2012-01-01 too
ISL_WITHDREW = ID["event/c26f22db83dc51ce"]
ISL = ID["country/ISL"]
NOR = ID["country/NOR"]
SWE = ID["country/SWE"]  # not in the graph; _sweden() describes it


# --- the shapes as written ----------------------------------------------------


@pytest.fixture(scope="module")
def shapes() -> Graph:
    graph = Graph()
    for path in shape_files():
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_file(), format="turtle")


@pytest.fixture(scope="module")
def declared(onto: Graph) -> set[Node]:
    return {s for t in DECLARED_TYPES for s in onto.subjects(RDF.type, t)}


def test_shape_files_are_split_by_concern() -> None:
    names = {path.name for path in shape_files()}
    assert names == {"core.ttl", "vocabularies.ttl", "recommended.ttl", "rules.ttl"}


@pytest.mark.parametrize("path", shape_files(), ids=lambda p: p.name)
def test_each_file_stands_alone(path: Path) -> None:
    """Each file parses, and names only shapes (and prefix declarations) that
    it defines itself, so any subset of the files can be loaded."""
    graph = Graph().parse(path, format="turtle")
    defined = set(graph.subjects())
    for prop in (SH.property, SH.node, SH.prefixes):
        for ref in graph.objects(None, prop):
            assert ref in defined, f"{path.name} uses {ref} from another file"


def test_only_shacl_terms(shapes: Graph) -> None:
    used = {
        str(node)[len(str(SH)) :]
        for triple in shapes
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(str(SH))
    }
    assert used - SHACL_TERMS == set(), "not SHACL terms, typo?"


def test_shapes_graph_is_valid_shacl(shapes: Graph) -> None:
    """SHACL for SHACL (pySHACL's meta-shacl) accepts the shapes graph."""
    conforms, _, text = pyshacl.validate(
        Graph(), shacl_graph=shapes, meta_shacl=True, inference="none", advanced=True
    )
    assert conforms, text


def _path_iris(graph: Graph, path: Node) -> Iterator[Node]:
    """The IRIs in a SHACL path: predicate, sequence, alternative, inverse, ..."""
    if isinstance(path, URIRef):
        yield path
        return
    if (path, RDF.first, None) in graph:
        for step in Collection(graph, path):
            yield from _path_iris(graph, step)
        return
    for key in PATH_KEYS:
        for inner in graph.objects(path, key):
            yield from _path_iris(graph, inner)
    for alternatives in graph.objects(path, SH.alternativePath):
        yield from _path_iris(graph, alternatives)


def test_targets_and_paths_are_declared_in_the_ontology(
    shapes: Graph, declared: set[Node]
) -> None:
    targets = set(shapes.objects(None, SH.targetClass))
    paths = {
        iri
        for path in shapes.objects(None, SH.path)
        for iri in _path_iris(shapes, path)
    }
    assert DG.ofAgreement in paths, "inverse paths are walked too"
    assert targets - declared == set()
    assert paths - declared - ALLOWED_PATHS == set()


def test_every_dg_term_in_the_shapes_is_declared(
    shapes: Graph, declared: set[Node]
) -> None:
    """Including those in sh:in lists and inside SPARQL text."""
    used = {
        node for triple in shapes for node in triple if isinstance(node, URIRef)
    } | {DG._NS[name] for q in shapes.objects(None, SH.select) for name in _dg_names(q)}
    dg_used = {node for node in used if str(node).startswith(str(DG._NS))}
    assert dg_used - declared == set()


def _dg_names(query: Node) -> set[str]:
    return set(re.findall(r"\bdg:(\w+)", str(query)))


def test_every_shape_is_named_documented_and_has_a_severity(shapes: Graph) -> None:
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    property_shapes = set(shapes.subjects(RDF.type, SH.PropertyShape))
    assert node_shapes and property_shapes
    named = {p for p in shapes.objects(None, SH.property) if isinstance(p, URIRef)}
    assert property_shapes == named, "type each named property shape, and use it"
    for shape in node_shapes | property_shapes:
        assert isinstance(shape, URIRef) and str(shape).startswith(str(DGS)), shape
        assert shapes.value(shape, SH.name) is not None, f"{shape}: sh:name"
        assert shapes.value(shape, SH.severity) in (SH.Violation, SH.Warning), shape
        messages = list(shapes.objects(shape, SH.message))
        assert [m.language for m in messages if isinstance(m, Literal)] == ["en"], shape
    for owner, prop in shapes.subject_objects(SH.property):
        if isinstance(prop, URIRef):
            assert str(prop).startswith(f"{owner}-"), f"name {prop} after {owner}"
    for constraint in shapes.objects(None, SH.sparql):
        message = shapes.value(constraint, SH.message)
        assert isinstance(message, Literal) and message.language == "en"


def test_sh_in_lists_name_the_ontology_terms(shapes: Graph, onto: Graph) -> None:
    lists = [set(Collection(shapes, node)) for node in shapes.objects(None, SH["in"])]
    topics = set(onto.subjects(RDF.type, DG.Topic))
    kinds = set(onto.subjects(RDFS.subClassOf, DG.Agreement))
    events = set(onto.subjects(RDFS.subClassOf, DG.LifecycleEvent))
    for expected in (topics, kinds, events):
        assert expected in lists
    assert {Literal(rule) for rule in RULES} in lists


# --- validating data ----------------------------------------------------------


@pytest.fixture(scope="module")
def valid() -> Graph:
    return Graph().parse(VALID, format="turtle")


@pytest.fixture(scope="module")
def valid_curation() -> Graph:
    return Graph().parse(VALID_CURATION, format="turtle")


@pytest.fixture(scope="module")
def valid_lifecycle() -> Graph:
    return Graph().parse(VALID_LIFECYCLE, format="turtle")


@pytest.fixture(scope="module")
def valid_empty() -> Graph:
    return Graph().parse(VALID_EMPTY, format="turtle")


@dataclass(frozen=True)
class Result:
    focus: Node
    shape: Node
    severity: Node
    message: str


def run(
    data: Graph, shapes: Graph, onto: Graph | None = None
) -> tuple[bool, list[Result], str]:
    """Validate as the loader does: article graph alone, no inference."""
    conforms, report, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=onto, inference="none", advanced=True
    )
    results = [
        Result(
            report.value(r, SH.focusNode),
            report.value(r, SH.sourceShape),
            report.value(r, SH.resultSeverity),
            str(report.value(r, SH.resultMessage)),
        )
        for top in report.subjects(RDF.type, SH.ValidationReport)
        for r in report.objects(top, SH.result)  # not the nested sh:detail ones
    ]
    return bool(conforms), results, text


@pytest.mark.parametrize("with_ontology", [True, False], ids=["ont_graph", "alone"])
def test_valid_article_conforms(
    valid: Graph, shapes: Graph, onto: Graph, with_ontology: bool
) -> None:
    conforms, results, text = run(valid, shapes, onto if with_ontology else None)
    assert conforms and not results, text


@pytest.mark.parametrize("with_ontology", [True, False], ids=["ont_graph", "alone"])
def test_valid_curation_graph_conforms(
    valid_curation: Graph, shapes: Graph, onto: Graph, with_ontology: bool
) -> None:
    """The curation graph names articles and agreements it does not describe."""
    data = valid_curation
    conforms, results, text = run(data, shapes, onto if with_ontology else None)
    assert conforms and not results, text


@pytest.mark.parametrize("with_ontology", [True, False], ids=["ont_graph", "alone"])
def test_valid_lifecycle_graph_conforms(
    valid_lifecycle: Graph, shapes: Graph, onto: Graph, with_ontology: bool
) -> None:
    """Ratifications, entry into force, implementation and withdrawal in order."""
    data = valid_lifecycle
    conforms, results, text = run(data, shapes, onto if with_ontology else None)
    assert conforms and not results, text


@pytest.mark.parametrize("with_ontology", [True, False], ids=["ont_graph", "alone"])
def test_valid_article_without_agreement_conforms(
    valid_empty: Graph, shapes: Graph, onto: Graph, with_ontology: bool
) -> None:
    conforms, results, text = run(valid_empty, shapes, onto if with_ontology else None)
    assert conforms and not results, text


def test_valid_graphs_cover_every_target_class(
    valid: Graph,
    valid_curation: Graph,
    valid_lifecycle: Graph,
    valid_empty: Graph,
    shapes: Graph,
) -> None:
    every = valid + valid_curation + valid_lifecycle + valid_empty
    for cls in set(shapes.objects(None, SH.targetClass)):
        assert (None, RDF.type, cls) in every, f"no {cls} in {VALID.parent}"


@pytest.mark.parametrize("path", [VALID, VALID_LIFECYCLE], ids=lambda p: p.name)
def test_valid_article_keeps_its_text(path: Path) -> None:
    """dg:text is the string that dg:contentHash hashes and offsets count into."""
    valid = Graph().parse(path, format="turtle")
    article = next(valid.subjects(RDF.type, DG.Article))
    text = str(valid.value(article, DG.text))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert Literal(digest) == valid.value(article, DG.contentHash)
    for evidence in valid.subjects(RDF.type, DG.Evidence):
        start = int(valid.value(evidence, DG.start))
        end = int(valid.value(evidence, DG.end))
        assert text[start:end] == str(valid.value(evidence, DG.quote)), evidence


Mutation = Callable[[Graph], None]


def _set(s: Node, p: Node, o: Node) -> Mutation:
    return lambda g: g.set((s, p, o))


def _add(*triples: tuple[Node, Node, Node]) -> Mutation:
    def mutate(g: Graph) -> None:
        for triple in triples:
            g.add(triple)

    return mutate


def _remove(s: Node | None, p: Node | None, o: Node | None = None) -> Mutation:
    return lambda g: g.remove((s, p, o))


def _chain(*mutations: Mutation) -> Mutation:
    def mutate(g: Graph) -> None:
        for m in mutations:
            m(g)

    return mutate


def _second_article(g: Graph) -> None:
    """Another article in the graph, and the cyber evidence pointing into it."""
    other = ID["article/" + "0" * 64]
    g.add((other, RDF.type, DG.Article))
    for p, o in g.predicate_objects(ARTICLE):
        if p != RDF.type:
            g.add((other, p, o))
    g.set((other, DG.contentHash, Literal("0" * 64)))
    g.set((CYBER_EVIDENCE, DG.inArticle, other))


def _resolved_in_second_article(g: Graph) -> None:
    """Another article in the graph, and the cyber resolution made for it,
    though only the first article reports the cyber agreement."""
    other = ID["article/" + "0" * 64]
    for p, o in g.predicate_objects(ARTICLE):
        g.add((other, p, o))
    g.set((other, DG.contentHash, Literal("0" * 64)))
    g.set((CYBER_RESOLUTION, DG.resolvedIn, other))


def _sweden(g: Graph) -> None:
    """Sweden described as a party node, but not a dg:party of the agreement."""
    g.add((SWE, RDF.type, DG.Party))
    g.add((SWE, RDF.type, DG.Country))
    g.add((SWE, DG.code, Literal("SWE")))
    g.add((SWE, RDFS.label, Literal("Sweden", lang="en")))
    g.add((SWE, SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q34")))


def _copy_event(event: URIRef, copy: URIRef) -> Mutation:
    """A second node with every statement of ``event``: the same event twice."""

    def mutate(g: Graph) -> None:
        for p, o in list(g.predicate_objects(event)):
            g.add((copy, p, o))

    return mutate


@dataclass(frozen=True)
class Case:
    id: str
    mutate: Mutation
    # local names of the shapes expected in the report, with their severity
    violations: set[str] = field(default_factory=set)
    warnings: set[str] = field(default_factory=set)
    base: Path = VALID  # the conforming graph to break


GYM = XSD.gYearMonth
CASES = [
    # core
    Case(
        "reporting-article-typed-as-without-agreement",
        _add((ARTICLE, RDF.type, DG.ArticleWithoutAgreement)),
        {"ArticleWithoutAgreementShape-reports"},
    ),
    Case(
        "missing-party",
        _remove(MEMO, DG.party),
        {"AgreementShape-party"},
        warnings={"EventByPartyShape"},  # the signing is dg:by JPN, KOR and USA
    ),
    Case(
        "month-padded-to-a-day",
        _set(MEMO, DG.signingDate, Literal("2014-12-01", datatype=GYM)),
        {"AgreementShape-signingDate"},
    ),
    Case(
        "date-as-plain-string",
        _set(MEMO_SIGNED, DG.date, Literal("2014-12")),
        {"LifecycleEventShape-date"},
    ),
    Case(
        "month-typed-as-date",
        _set(MEMO_SIGNED, DG.date, Literal("2014-12", datatype=XSD.date)),
        {"LifecycleEventShape-date"},
    ),
    Case(
        "two-labels",
        _add((MEMO, RDFS.label, Literal("another label"))),
        {"AgreementShape-label"},
    ),
    Case(
        "missing-reportedIn",
        _remove(MEMO, DG.reportedIn),
        # the evidence now comes from, and the resolution is made for, an
        # article that does not report it
        {
            "AgreementShape-reportedIn",
            "EvidenceFromReportingArticleShape",
            "ResolutionOfReportedAgreementShape",
        },
    ),
    Case(
        "event-without-agreement",
        _remove(MEMO_SIGNED, DG.ofAgreement),
        {"LifecycleEventShape-ofAgreement"},
    ),
    Case(
        "missing-published",
        _remove(ARTICLE, DG.published),
        {"ArticleShape-published"},
    ),
    Case(
        "content-hash-upper-case",
        _set(ARTICLE, DG.contentHash, Literal("B0A5" + "0" * 60)),
        {"ArticleShape-contentHash"},
    ),
    Case(
        "evidence-start-after-end",
        _set(MEMO_EVIDENCE, DG.start, Literal(200)),
        {"EvidenceShape-start"},
    ),
    Case(
        "two-texts",
        _add((ARTICLE, DG.text, Literal("another reading"))),
        {"ArticleShape-text"},
    ),
    Case(
        "text-with-language-tag",
        _set(ARTICLE, DG.text, Literal("TOKYO, June 25 --", lang="en")),
        {"ArticleShape-text"},
    ),
    Case(
        "two-extractor-versions",
        _add((ARTICLE, DG.extractor, Literal("0.2.0"))),
        {"ArticleShape-extractor"},
    ),
    Case(
        "extractor-as-number",
        _set(ARTICLE, DG.extractor, Literal(Decimal("0.1"))),
        {"ArticleShape-extractor"},
    ),
    Case(
        "two-resolved-agreements",
        _add((CYBER_RESOLUTION, DG.resolvedAgreement, MEMO)),
        {"ResolutionShape-resolvedAgreement"},
    ),
    Case(
        "resolution-without-article",
        _remove(MEMO_RESOLUTION, DG.resolvedIn),
        {"ResolutionShape-resolvedIn"},
    ),
    Case(
        "resolution-without-rule",
        _remove(MEMO_RESOLUTION, DG.rule),
        {"ResolutionShape-rule"},
    ),
    Case(
        "score-above-one",
        _set(CYBER_RESOLUTION, DG.score, Literal(Decimal("1.5"))),
        {"ResolutionShape-score"},
    ),
    Case(
        "score-below-zero",
        _set(CYBER_RESOLUTION, DG.score, Literal(Decimal("-0.1"))),
        {"ResolutionShape-score"},
    ),
    Case(
        "score-as-python-float",  # Literal(0.95) is xsd:double
        _set(CYBER_RESOLUTION, DG.score, Literal(0.95)),
        {"ResolutionShape-score"},
    ),
    Case(
        "two-scores",
        _add((CYBER_RESOLUTION, DG.score, Literal(Decimal("0.5")))),
        {"ResolutionShape-score"},
    ),
    Case(
        "supported-by-literal",
        _add((CYBER_RESOLUTION, DG.supportedBy, Literal("another article"))),
        {"ResolutionShape-supportedBy"},
    ),
    Case(
        "resolution-to-agreement-not-in-graph",
        _set(CYBER_RESOLUTION, DG.resolvedAgreement, ID["agreement/0123456789abcdef"]),
        {"ResolutionShape-resolvedAgreement", "ResolutionOfReportedAgreementShape"},
    ),
    Case(
        "separation-with-two-agreements",
        _add((SEPARATION, DG.separatedAgreement, MEMO)),
        {"SeparationShape-separatedAgreement"},
        base=VALID_CURATION,
    ),
    Case(
        "separation-without-article",
        _remove(SEPARATION, DG.separatedArticle),
        {"SeparationShape-separatedArticle"},
        base=VALID_CURATION,
    ),
    Case(
        "separation-of-a-literal",
        _set(SEPARATION, DG.separatedAgreement, Literal("agreement/a67b831109326e42")),
        {"SeparationShape-separatedAgreement"},
        base=VALID_CURATION,
    ),
    Case(
        "by-a-node-not-described",
        _add((FISHERIES_IMPLEMENTED, DG.by, SWE)),
        {"LifecycleEventShape-by"},
        base=VALID_LIFECYCLE,
    ),
    Case(
        "by-a-literal-code",
        _add((FISHERIES_IMPLEMENTED, DG.by, Literal("NOR"))),
        {"LifecycleEventShape-by"},
        base=VALID_LIFECYCLE,
    ),
    Case(
        "country-not-typed-party",
        _remove(JPN, RDF.type, DG.Party),
        # no inference: links to JPN no longer reach a dg:Party
        {"CountryShape-type", "AgreementShape-party", "LifecycleEventShape-by"},
    ),
    # vocabularies
    Case(
        "bad-country-code",
        _set(JPN, DG.code, Literal("JP")),
        {"CountryVocabularyShape-code"},
    ),
    Case(
        "unknown-resolution-rule",
        _set(CYBER_RESOLUTION, DG.rule, Literal("fuzzy")),
        {"ResolutionVocabularyShape-rule"},
    ),
    Case(
        "resolution-rule-with-language-tag",
        _set(CYBER_RESOLUTION, DG.rule, Literal("name", lang="en")),
        {"ResolutionShape-rule", "ResolutionVocabularyShape-rule"},
    ),
    Case(
        "bad-org-code",
        _set(NATO, DG.code, Literal("Nato")),
        {"InternationalOrganizationVocabularyShape-code"},
    ),
    Case(
        "wikidata-page-not-entity",
        _set(JPN, SKOS.exactMatch, URIRef("https://www.wikidata.org/wiki/Q17")),
        {"CountryVocabularyShape-exactMatch"},
    ),
    Case(
        "unknown-topic",
        _add((MEMO, DG.topic, topic_iri("tourism"))),
        {"AgreementVocabularyShape-topic"},
    ),
    Case(
        "two-kinds",
        _add((MEMO, RDF.type, DG.Treaty)),
        {"AgreementVocabularyShape-kind"},
    ),
    Case(
        "no-kind",
        _remove(MEMO, RDF.type, DG.MemorandumOfUnderstanding),
        {"AgreementVocabularyShape-kind"},
    ),
    Case(
        "two-event-types",
        _add((MEMO_SIGNED, RDF.type, DG.Ratification)),
        {"LifecycleEventVocabularyShape-type"},
    ),
    Case(
        "party-both-country-and-organization",
        _add((NATO, RDF.type, DG.Country)),
        {"PartyVocabularyShape-type", "CountryShape", "CountryVocabularyShape-code"},
    ),
    # rules
    Case(
        "event-after-article-not-scheduled",
        _set(MEMO_IN_FORCE, DG.scheduled, Literal(False)),
        {"EventBeforePublicationShape"},
    ),
    Case(
        "signed-after-article",
        _chain(
            _set(CYBER, DG.signingDate, Literal("2015-07", datatype=GYM)),
            _set(CYBER_SIGNED, DG.date, Literal("2015-07", datatype=GYM)),
        ),
        {"AgreementSignedBeforePublicationShape", "EventBeforePublicationShape"},
    ),
    Case(
        "party-also-concerned",
        _add((MEMO, DG.concerns, JPN)),
        {"PartyNotConcernedShape"},
    ),
    Case(
        "evidence-from-another-article",
        _second_article,
        {"EvidenceFromReportingArticleShape"},
    ),
    Case(
        "resolution-for-an-article-not-reporting-the-agreement",
        _resolved_in_second_article,
        {"ResolutionOfReportedAgreementShape"},
    ),
    Case(
        "ratified-month-before-signing",
        _set(ISL_RATIFIED, DG.date, Literal("2010-04", datatype=GYM)),
        {"EventAfterSigningShape"},
        base=VALID_LIFECYCLE,
    ),
    Case(
        "in-force-day-before-signing",
        _set(FISHERIES_IN_FORCE, DG.date, Literal("2010-05-11", datatype=XSD.date)),
        {"EventAfterSigningShape"},
        base=VALID_LIFECYCLE,
    ),
    Case(
        "implemented-year-before-signing",
        _set(FISHERIES_IMPLEMENTED, DG.date, Literal("2009", datatype=XSD.gYear)),
        {"EventAfterSigningShape"},
        base=VALID_LIFECYCLE,
    ),
    Case(
        "ratified-before-signing-date-of-undated-signing",
        _chain(
            _remove(FISHERIES_SIGNED, DG.date),
            _set(ISL_RATIFIED, DG.date, Literal("2010-04", datatype=GYM)),
        ),
        {"EventAfterSigningShape"},
        base=VALID_LIFECYCLE,
    ),
    Case(
        "ratified-before-signing-event-without-signing-date",
        _chain(
            _remove(FISHERIES, DG.signingDate),
            _set(ISL_RATIFIED, DG.date, Literal("2010-04", datatype=GYM)),
        ),
        {"EventAfterSigningShape"},
        warnings={"AgreementSigningDateShape"},
        base=VALID_LIFECYCLE,
    ),
    # warnings
    Case(
        "withdrawal-by-a-non-party",  # and the signing and ratification by it
        _remove(FISHERIES, DG.party, ISL),
        warnings={"EventByPartyShape"},
        base=VALID_LIFECYCLE,
    ),
    Case(
        "signing-by-a-non-party",  # Sweden only witnessed it
        _chain(_sweden, _add((FISHERIES_SIGNED, DG.by, SWE))),
        warnings={"EventByPartyShape"},
        base=VALID_LIFECYCLE,
    ),
    Case(
        "ratification-by-a-non-party",
        _chain(_sweden, _set(NOR_RATIFIED, DG.by, SWE)),
        warnings={"EventByPartyShape"},
        base=VALID_LIFECYCLE,
    ),
    Case(
        "two-ratifications-on-one-date",
        _set(ISL_RATIFIED, DG.date, Literal("2010", datatype=XSD.gYear)),
        warnings={"UniqueEventShape"},
        base=VALID_LIFECYCLE,
    ),
    Case(
        "signing-reported-twice",  # in the valid article too, at month precision
        _copy_event(MEMO_SIGNED, ID["event/0123456789abcdef"]),
        warnings={"UniqueEventShape"},
    ),
    Case(
        "signing-date-disagrees-with-event",
        _set(MEMO, DG.signingDate, Literal("2014-11", datatype=GYM)),
        warnings={"SigningDateMatchesEventShape"},
    ),
    Case(
        "signing-event-date-but-no-signing-date",
        _remove(CYBER, DG.signingDate),
        warnings={"AgreementSigningDateShape"},
    ),
    Case(
        "article-without-url",
        _remove(ARTICLE, DG.url),
        warnings={"ArticleRecommendedShape-url"},
    ),
    Case(
        "agreement-without-topic",
        _remove(CYBER, DG.topic),
        warnings={"AgreementRecommendedShape-topic"},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_article_is_reported_by_its_shape(
    valid: Graph, valid_curation: Graph, valid_lifecycle: Graph, shapes: Graph,
    case: Case,
) -> None:
    bases = {VALID: valid, VALID_CURATION: valid_curation}
    bases[VALID_LIFECYCLE] = valid_lifecycle
    data = Graph() + bases[case.base]
    case.mutate(data)
    conforms, results, text = run(data, shapes)
    assert not conforms
    found = {
        (str(r.shape).removeprefix(str(DGS)), r.severity)
        for r in results
        if isinstance(r.shape, URIRef)
    }
    expected = {(name, SH.Violation) for name in case.violations} | {
        (name, SH.Warning) for name in case.warnings
    }
    assert found == expected, text
    for r in results:
        assert r.message and "{" not in r.message, f"unfilled template: {r.message}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_fast_engine_finds_the_same(
    valid: Graph, valid_curation: Graph, valid_lifecycle: Graph, shapes: Graph,
    case: Case,
) -> None:
    """validate() runs pyshacl-turbo: every broken graph gets the same results
    (focus node, shape, severity) from it as from pySHACL, the reference."""
    import pyshacl_turbo

    bases = {VALID: valid, VALID_CURATION: valid_curation}
    bases[VALID_LIFECYCLE] = valid_lifecycle
    data = Graph() + bases[case.base]
    case.mutate(data)
    _, reference, _ = run(data, shapes)
    _, report, text = pyshacl_turbo.validate(
        data, shacl_graph=shapes, inference="none", advanced=True
    )
    fast = {
        (report.value(r, SH.focusNode), report.value(r, SH.sourceShape),
         report.value(r, SH.resultSeverity))
        for top in report.subjects(RDF.type, SH.ValidationReport)
        for r in report.objects(top, SH.result)
    }  # fmt: skip
    assert fast == {(r.focus, r.shape, r.severity) for r in reference}, text


# Event dates against a publication date: (date, is it after publication?).
PRECISIONS = {
    "2015-06-25": [
        ("2015", False),  # same year: not known to be after
        ("2016", True),
        ("2015-06", False),
        ("2015-07", True),
        ("2014-12-31", False),
        ("2015-06-25", False),
        ("2015-06-26", True),
    ],
    "2015-06": [
        ("2015-06-30", False),  # within the month
        ("2015-07-01", True),
        ("2015-05", False),
        ("2015", False),
        ("2016", True),
    ],
}


def _date(text: str) -> Literal:
    return Literal(text, datatype={4: XSD.gYear, 7: GYM, 10: XSD.date}[len(text)])


@pytest.mark.parametrize("published", sorted(PRECISIONS))
def test_dates_compare_across_precisions(
    valid: Graph, shapes: Graph, published: str
) -> None:
    """An event is after publication only if it is after at the coarser of the
    two precisions ("2015" is not after "2015-06-25", "2015-07" is)."""
    data = Graph() + valid
    data.set((ARTICLE, DG.published, _date(published)))
    expected = set()
    for i, (when, after) in enumerate(PRECISIONS[published]):
        event = ID[f"event/precision-{i}"]
        data.add((event, RDF.type, DG.LifecycleEvent))
        data.add((event, RDF.type, DG.Implementation))
        data.add((event, DG.ofAgreement, MEMO))
        data.add((event, DG.reportedIn, ARTICLE))
        data.add((event, DG.date, _date(when)))
        if after:
            expected.add(event)
    _, results, text = run(data, shapes)
    assert {r.shape for r in results} <= {DGS.EventBeforePublicationShape}, text
    assert {r.focus for r in results} == expected, text


# Changes to the lifecycle graph that keep it conforming: the rules do not
# fire on them.
ALLOWED = {
    "ratified-in-the-signing-month": _set(
        ISL_RATIFIED, DG.date, Literal("2010-05", datatype=GYM)
    ),  # a month that contains the signing day is not before it
    "ratified-on-the-signing-day": _set(
        ISL_RATIFIED, DG.date, Literal("2010-05-12", datatype=XSD.date)
    ),
    "ratified-between-signing-and-re-signing": _chain(
        _copy_event(FISHERIES_SIGNED, ID["event/fedcba9876543210"]),
        _set(ID["event/fedcba9876543210"], DG.date, Literal("2011-06", datatype=GYM)),
    ),  # before the second signing only: not before the agreement was signed
    "in-force-before-a-scheduled-signing": _chain(
        _copy_event(FISHERIES_SIGNED, ID["event/fedcba9876543210"]),
        _set(ID["event/fedcba9876543210"], DG.date, Literal("2012-06", datatype=GYM)),
        _set(ID["event/fedcba9876543210"], DG.scheduled, Literal(True)),
    ),  # a planned signing is not when it was signed
    "withdrawal-without-by": _remove(ISL_WITHDREW, DG.by),
    "withdrawal-by-every-party": _add((ISL_WITHDREW, DG.by, NOR)),
    "ratifications-on-one-date-at-two-precisions": _set(
        ISL_RATIFIED, DG.date, Literal("2010-12", datatype=GYM)
    ),  # "2010" and "2010-12" are not the same date
    "undated-ratifications": _chain(
        _remove(ISL_RATIFIED, DG.date), _remove(NOR_RATIFIED, DG.date)
    ),
}


@pytest.mark.parametrize("change", sorted(ALLOWED))
def test_lifecycle_rules_allow(
    valid_lifecycle: Graph, shapes: Graph, change: str
) -> None:
    data = Graph() + valid_lifecycle
    ALLOWED[change](data)
    conforms, results, text = run(data, shapes)
    assert conforms and not results, text


# Event dates against a signing date: (date, is it before the signing?).
BEFORE_SIGNING = {
    "2010-05-12": [
        ("2010", False),  # contains the signing day
        ("2009", True),
        ("2010-05", False),
        ("2010-04", True),
        ("2010-05-11", True),
        ("2010-05-12", False),
        ("2010-05-13", False),
        ("2011", False),
    ],
    "2010-05": [
        ("2010-05-01", False),  # within the month
        ("2010-04-30", True),
        ("2009-12", True),
        ("2010", False),
        ("2010-06", False),
    ],
    "2010": [
        ("2010-01", False),
        ("2009-12-31", True),
        ("2010-12-31", False),
        ("2009", True),
    ],
}


@pytest.mark.parametrize("signed", sorted(BEFORE_SIGNING))
def test_before_signing_compares_across_precisions(
    valid_lifecycle: Graph, shapes: Graph, signed: str
) -> None:
    """An event is before the signing only if it is before it at the coarser
    of the two precisions ("2010" is not before "2010-05-12", "2009" is)."""
    data = Graph() + valid_lifecycle
    data.set((FISHERIES, DG.signingDate, _date(signed)))
    data.set((FISHERIES_SIGNED, DG.date, _date(signed)))
    dated = (NOR_RATIFIED, ISL_RATIFIED, FISHERIES_IN_FORCE, FISHERIES_IMPLEMENTED)
    for event in dated:
        data.remove((event, DG.date, None))
    expected = set()
    for i, (when, before) in enumerate(BEFORE_SIGNING[signed]):
        event = ID[f"event/precision-{i}"]
        for triple in [
            (event, RDF.type, DG.LifecycleEvent),
            (event, RDF.type, DG.Implementation),
            (event, DG.ofAgreement, FISHERIES),
            (event, DG.reportedIn, next(data.subjects(RDF.type, DG.Article))),
            (event, DG.date, _date(when)),
        ]:
            data.add(triple)
        if before:
            expected.add(event)
    _, results, text = run(data, shapes)
    assert {r.shape for r in results} <= {DGS.EventAfterSigningShape}, text
    assert {r.focus for r in results} == expected, text


def test_warnings_alone_allow_a_load(valid: Graph, shapes: Graph) -> None:
    data = Graph() + valid
    data.remove((ARTICLE, DG.url, None))
    conforms, _, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    assert conforms


def test_messages_name_functions_that_exist() -> None:
    """A message that tells the reader to call ``diplograph.module.function()``
    names a function that is there (they once named iri.mint_agreement())."""
    import importlib

    named = set()
    for path in shape_files():
        for message in Graph().parse(path).objects(None, SH.message):
            named.update(re.findall(r"\b(diplograph(?:\.\w+)+)\(\)", str(message)))
    assert named  # the IRI shapes say where IRIs come from
    for dotted in sorted(named):
        module, _, function = dotted.rpartition(".")
        assert callable(getattr(importlib.import_module(module), function, None)), (
            dotted
        )
