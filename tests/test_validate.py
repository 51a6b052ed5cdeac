"""Step 4, validate: built graphs conform; broken ones say what is wrong and where."""

from __future__ import annotations

import re
from datetime import date

import pytest
from rdflib import DCTERMS, RDF, XSD, Graph, Literal, URIRef
from support import (
    ARTICLE,
    CYBER,
    FACTS,
    MEMORANDUM,
    SMALL_BODY,
    SMALL_TITLE,
    SMALL_URL,
)

from diplograph.build import build_graph
from diplograph.extract import extract
from diplograph.iri import agreement_iri, article_iri
from diplograph.model import Article, ArticleFacts
from diplograph.namespaces import DG
from diplograph.validate import (
    ValidationReport,
    describe_node,
    report_graph,
    report_text,
    validate,
)

MEMO_IRI = agreement_iri(article_iri(ARTICLE), MEMORANDUM)


@pytest.fixture
def graph() -> Graph:
    return build_graph(FACTS)


def violations_on(report: ValidationReport, node: URIRef) -> list[str]:
    return [str(p) for p in report.violations if f"<{node}>" in p.focus]


def test_built_graph_conforms(graph: Graph) -> None:
    report = validate(graph)
    assert report.conforms, "\n".join(map(str, report.problems))
    assert report.violations == ()


def test_extracted_graph_conforms() -> None:
    article = Article(
        SMALL_BODY,
        SMALL_TITLE,
        date(2015, 6, 25),
        "small.txt",
        url=SMALL_URL,
        publisher="Wire",
    )
    report = validate(build_graph(extract(article)))
    assert report.conforms, "\n".join(map(str, report.problems))


def test_warnings_do_not_break_conformance() -> None:
    article = Article(
        "Norway signed it.", "T", date(2015, 6, 25), "a.txt"
    )  # no URL, no publisher
    report = validate(build_graph(ArticleFacts(article, ())))
    assert report.conforms
    assert {p.severity for p in report.problems} == {"Warning"}
    assert any(p.path == "publisher" for p in report.problems)


def test_agreement_without_party_is_a_violation_naming_it(graph: Graph) -> None:
    graph.remove((MEMO_IRI, DG.party, None))
    report = validate(graph)
    assert not report.conforms
    problems = violations_on(report, MEMO_IRI)
    assert any("(party)" in p and "at least one dg:party" in p for p in problems), (
        problems
    )
    # the message names the agreement by IRI and label, so a reader can find it
    assert any(
        '"memorandum of understanding between Japan, South Korea and United States"'
        in p
        for p in problems
    )
    assert not violations_on(report, agreement_iri(article_iri(ARTICLE), CYBER))


def test_month_padded_to_a_day_is_a_violation(graph: Graph) -> None:
    graph.set(
        (MEMO_IRI, DG.signingDate, Literal("2014-12-01", datatype=XSD.gYearMonth))
    )
    report = validate(graph)
    assert not report.conforms
    problems = violations_on(report, MEMO_IRI)
    assert any("(signingDate)" in p for p in problems), problems


def test_signing_after_publication_is_a_violation(graph: Graph) -> None:
    graph.set((MEMO_IRI, DG.signingDate, Literal("2016-01", datatype=XSD.gYearMonth)))
    report = validate(graph)
    assert not report.conforms
    assert any("lies after 2015-06-25" in p for p in violations_on(report, MEMO_IRI))


def test_party_that_is_also_concerned_is_a_violation(graph: Graph) -> None:
    graph.add(
        (MEMO_IRI, DG.concerns, URIRef("https://w3id.org/diplograph/id/country/JPN"))
    )
    report = validate(graph)
    assert not report.conforms
    assert any(
        "both a dg:party and a dg:concerns" in p
        for p in violations_on(report, MEMO_IRI)
    )


def test_agreement_with_two_kinds_is_a_violation(graph: Graph) -> None:
    graph.add((MEMO_IRI, RDF.type, DG.Treaty))
    report = validate(graph)
    assert not report.conforms
    assert violations_on(report, MEMO_IRI)


def test_problem_text_is_readable(graph: Graph) -> None:
    graph.remove((MEMO_IRI, DG.party, None))
    [problem] = [p for p in validate(graph).violations if p.path == "party"]
    assert str(problem).startswith(f"Violation: <{MEMO_IRI}>")
    assert problem.message.endswith(".")


def test_problems_name_their_node_and_shape(graph: Graph) -> None:
    graph.remove((MEMO_IRI, DG.party, None))
    [problem] = [p for p in validate(graph).violations if p.path == "party"]
    assert problem.node == str(MEMO_IRI)
    assert problem.kind == "agreement"
    assert problem.label == (
        "memorandum of understanding between Japan, South Korea and United States"
    )
    assert problem.shape == "dgs:AgreementShape-party"
    assert problem.shape_name == "party"


def test_events_are_described_by_type_agreement_and_date(graph: Graph) -> None:
    [event] = graph.subjects(RDF.type, DG.EntryIntoForce)
    assert describe_node(graph, event) == (
        "entry into force",
        "memorandum of understanding between Japan, South Korea and United States, "
        "2015-07-01",
    )


def test_report_text_groups_by_node_then_by_shape(graph: Graph) -> None:
    graph.remove((MEMO_IRI, DG.party, None))
    graph.add((MEMO_IRI, DG.topic, URIRef(str(DG._NS) + "topic_gossip")))
    article = next(graph.subjects(RDF.type, DG.Article))
    graph.remove((article, DG.publisher, None))  # a warning on another node
    lines = report_text("memo.ttl", validate(graph)).splitlines()
    assert lines[0] == "VIOLATES memo.ttl: 2 violations, 1 warning"
    memo = next(i for i, line in enumerate(lines) if f"<{MEMO_IRI}>" in line)
    assert memo == 1, "the node with violations comes first"
    assert lines[memo].endswith(": 2 violations")
    shapes = [line.strip() for line in lines if re.match(r"    \S", line)]
    assert shapes == [
        "Violation: party [dgs:AgreementShape-party]",
        "Violation: topic [dgs:AgreementVocabularyShape-topic]",
        "Warning: publisher [dgs:ArticleRecommendedShape-publisher]",
    ]
    assert lines[-3] == f'  article "{SMALL_TITLE}" <{article}>: 1 warning'
    only = report_text("memo.ttl", validate(graph), severities=("Violation",))
    assert "publisher" not in only and only.splitlines()[0] == lines[0]


def test_report_graph_keeps_reports_apart(graph: Graph) -> None:
    good = validate(graph)
    graph.remove((MEMO_IRI, DG.party, None))
    bad = validate(graph)
    sh = "http://www.w3.org/ns/shacl#"
    merged = report_graph([(URIRef("urn:good"), good), (URIRef("urn:bad"), bad)])
    reports = set(merged.subjects(RDF.type, URIRef(sh + "ValidationReport")))
    assert len(reports) == 2
    by_source = {merged.value(r, DCTERMS.source): r for r in reports}
    assert set(by_source) == {URIRef("urn:good"), URIRef("urn:bad")}
    counts = {
        str(source): len(list(merged.objects(report, URIRef(sh + "result"))))
        for source, report in by_source.items()
    }
    assert counts == {"urn:good": len(good.problems), "urn:bad": len(bad.problems)}


def _add_event(graph: Graph, name: str, kind: URIRef, when: str) -> URIRef:
    """An event of the memorandum, dated at month precision."""
    event = URIRef(f"https://w3id.org/diplograph/id/event/{name}")
    graph.add((event, RDF.type, DG.LifecycleEvent))
    graph.add((event, RDF.type, kind))
    graph.add((event, DG.ofAgreement, MEMO_IRI))
    graph.add((event, DG.reportedIn, article_iri(ARTICLE)))
    graph.add((event, DG.date, Literal(when, datatype=XSD.gYearMonth)))
    return event


def _results(report_graph: Graph) -> set[tuple[str, str, str]]:
    sh = "http://www.w3.org/ns/shacl#"
    found = set()
    for result in report_graph.subjects(RDF.type, URIRef(sh + "ValidationResult")):
        found.add(
            tuple(
                str(report_graph.value(result, URIRef(sh + key)))
                for key in ("focusNode", "resultPath", "sourceShape")
            )
        )
    return found


def _broken(broken: str) -> Graph:
    """The memorandum's graph, broken as ``broken`` says ("none": whole)."""
    graph = build_graph(FACTS)
    agreement = next(graph.subjects(RDF.type, DG.Agreement))
    if broken == "no-party":
        graph.remove((agreement, DG.party, None))
    elif broken == "padded-month":
        graph.set((agreement, DG.signingDate, Literal("2014-12-01", datatype=XSD.gYearMonth)))
    elif broken == "bad-topic":
        graph.add((agreement, DG.topic, URIRef(str(DG._NS) + "topic_gossip")))
    elif broken == "ratified-before-signing":  # the memorandum was signed 2014-12
        _add_event(graph, "ratified", DG.Ratification, "2014-11")
    elif broken == "withdrawal-by-non-party":  # North Korea is only concerned
        event = _add_event(graph, "withdrew", DG.Withdrawal, "2015-06")
        graph.add((event, DG.by, URIRef("https://w3id.org/diplograph/id/country/PRK")))
    elif broken == "event-twice":
        _add_event(graph, "signed-1", DG.Signing, "2014-12")
        _add_event(graph, "signed-2", DG.Signing, "2014-12")
    return graph


BROKEN = [
    "none", "no-party", "padded-month", "bad-topic", "ratified-before-signing",
    "withdrawal-by-non-party", "event-twice",
]  # fmt: skip


@pytest.mark.parametrize("broken", BROKEN)
def test_validate_reports_what_the_documented_call_reports(broken: str) -> None:
    """validate() calls pyshacl-turbo's steps one by one (validate._run): the
    same report graph as ``CompiledShapes.validate``, with the shapes'
    prefixes wherever it has results."""
    from rdflib.compare import isomorphic

    from diplograph.validate import _compiled, _run, load_shapes

    graph = _broken(broken)
    shapes = load_shapes()
    compiled = _compiled(id(shapes), shapes)
    _, documented, _ = compiled.validate(graph, inference="none", allow_warnings=True)
    ours = _run(compiled, graph)
    assert isomorphic(ours, documented)
    if broken != "none":
        assert set(ours.namespaces()) == set(documented.namespaces())


@pytest.mark.parametrize("broken", BROKEN)
def test_the_fast_engine_agrees_with_pyshacl(broken: str) -> None:
    """validate() runs pyshacl-turbo; pySHACL, the reference, must find the same."""
    import pyshacl
    import pyshacl_turbo

    from diplograph.validate import load_shapes

    graph = _broken(broken)
    shapes = load_shapes()
    options = {"shacl_graph": shapes, "inference": "none", "advanced": True, "allow_warnings": True}
    # pySHACL wants a context-aware store; the article graphs are plain ones
    reference = pyshacl.validate(Graph() + graph, **options)
    fast = pyshacl_turbo.validate(graph, **options)
    violates = broken not in ("none", "withdrawal-by-non-party", "event-twice")
    assert fast[0] == reference[0] == (not violates)
    assert _results(fast[1]) == _results(reference[1])
    rule = {
        "ratified-before-signing": "EventAfterSigningShape",
        "withdrawal-by-non-party": "EventByPartyShape",
        "event-twice": "UniqueEventShape",
    }.get(broken)
    if rule:
        assert any(shape.endswith(f"#{rule}") for _, _, shape in _results(fast[1]))
