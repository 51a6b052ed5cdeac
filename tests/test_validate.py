"""Step 4, validate: built graphs conform; broken ones say what is wrong and where."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
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
from diplograph.validate import ValidationReport, validate

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


@pytest.mark.parametrize("broken", ["none", "no-party", "padded-month", "bad-topic"])
def test_the_fast_engine_agrees_with_pyshacl(broken: str) -> None:
    """validate() runs pyshacl-turbo; pySHACL, the reference, must find the same."""
    import pyshacl
    import pyshacl_turbo

    from diplograph.validate import load_shapes

    graph = build_graph(FACTS)
    agreement = next(graph.subjects(RDF.type, DG.Agreement))
    if broken == "no-party":
        graph.remove((agreement, DG.party, None))
    elif broken == "padded-month":
        graph.set((agreement, DG.signingDate, Literal("2014-12-01", datatype=XSD.gYearMonth)))
    elif broken == "bad-topic":
        graph.add((agreement, DG.topic, URIRef(str(DG._NS) + "topic_gossip")))
    shapes = load_shapes()
    options = {"shacl_graph": shapes, "inference": "none", "advanced": True, "allow_warnings": True}
    reference = pyshacl.validate(graph, **options)
    fast = pyshacl_turbo.validate(graph, **options)
    assert fast[0] == reference[0] == (broken == "none")
    assert _results(fast[1]) == _results(reference[1])
