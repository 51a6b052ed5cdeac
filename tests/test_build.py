"""Step 3, build: facts -> one RDF graph per article, with provenance, stable IRIs."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from support import (
    ARTICLE,
    CYBER,
    FACTS,
    MEMORANDUM,
    SMALL_BODY,
    SMALL_TITLE,
    SMALL_URL,
    WriteArticle,
)

from diplograph.articles import read_articles
from diplograph.build import build_graph, date_literal
from diplograph.extract import extract
from diplograph.iri import agreement_iri, article_iri, hash_record
from diplograph.model import AgreementFact, Article, ArticleFacts, Event
from diplograph.namespaces import DG, WD
from diplograph.validate import validate
from diplograph.vocabulary import vocabulary


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_graph(FACTS)


def agreements(graph: Graph) -> list[Any]:
    return sorted(graph.subjects(RDF.type, DG.Agreement))


def the_agreement(graph: Graph, fact: AgreementFact) -> URIRef:
    iri = agreement_iri(article_iri(ARTICLE), fact)
    assert (iri, RDF.type, DG.Agreement) in graph
    return iri


# ---------------------------------------------------------------------------
# The article node
# ---------------------------------------------------------------------------


def test_article_node(graph: Graph) -> None:
    [node] = graph.subjects(RDF.type, DG.Article)
    assert node == article_iri(ARTICLE)
    assert str(node).startswith("https://w3id.org/diplograph/id/article/")
    assert graph.value(node, DG.contentHash) == Literal(
        hashlib.sha256(SMALL_BODY.encode()).hexdigest()
    )
    published = graph.value(node, DG.published)
    assert published == Literal("2015-06-25", datatype=XSD.date)
    assert published.datatype == XSD.date
    assert graph.value(node, DG.title) == Literal(SMALL_TITLE)
    assert graph.value(node, DG.url) == Literal(SMALL_URL, datatype=XSD.anyURI)
    assert graph.value(node, DG.publisher) == Literal("Example Wire")
    assert graph.value(node, DG.sourceFile) == Literal("small")


def test_article_without_url_or_publisher_leaves_them_out() -> None:
    bare = Article("Norway signed it.", "T", date(2015, 6, 25), "a.txt")
    graph = build_graph(ArticleFacts(bare, ()))
    [node] = graph.subjects(RDF.type, DG.Article)
    assert graph.value(node, DG.url) is None and graph.value(node, DG.publisher) is None
    assert len(agreements(graph)) == 0


def test_no_blank_nodes(graph: Graph) -> None:
    assert not [t for t in graph if any(isinstance(term, BNode) for term in t)]


# ---------------------------------------------------------------------------
# Agreements
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", vocabulary().codes("kind"))
def test_agreement_has_exactly_one_kind_class(kind: str) -> None:
    fact = AgreementFact(kind=kind, parties=("JPN", "KOR"))
    graph = build_graph(ArticleFacts(ARTICLE, (fact,)))
    [agreement] = agreements(graph)
    kinds = set(graph.objects(agreement, RDF.type)) - {DG.Agreement}
    assert kinds == {vocabulary().kind_class(kind)}


def test_agreement_links(graph: Graph) -> None:
    memo = the_agreement(graph, MEMORANDUM)
    assert set(graph.objects(memo, DG.party)) == {
        URIRef("https://w3id.org/diplograph/id/country/JPN"),
        URIRef("https://w3id.org/diplograph/id/country/KOR"),
        URIRef("https://w3id.org/diplograph/id/country/USA"),
    }
    assert set(graph.objects(memo, DG.concerns)) == {
        URIRef("https://w3id.org/diplograph/id/country/PRK")
    }
    assert set(graph.objects(memo, DG.reportedIn)) == {article_iri(ARTICLE)}
    assert set(graph.objects(memo, DG.topic)) == {
        DG._NS.topic_intelligence_sharing,
        DG._NS.topic_missiles,
    }
    assert graph.value(memo, RDFS.label) == Literal(
        "memorandum of understanding between Japan, South Korea and United States"
    )
    assert graph.value(memo, DG.name) is None


def test_named_agreement_with_organization(graph: Graph) -> None:
    cyber = the_agreement(graph, CYBER)
    assert graph.value(cyber, DG.name) == Literal("Cyber Defence Cooperation Agreement")
    assert graph.value(cyber, RDFS.label) == Literal(
        "Cyber Defence Cooperation Agreement"
    )
    assert list(graph.objects(cyber, DG.alias)) == [Literal("CDCA")]
    nato = URIRef("https://w3id.org/diplograph/id/org/NATO")
    assert (cyber, DG.party, nato) in graph
    assert (nato, RDF.type, DG.InternationalOrganization) in graph
    assert (nato, RDF.type, DG.Country) not in graph


# ---------------------------------------------------------------------------
# Dates keep their precision
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "datatype"),
    [("2014-12", XSD.gYearMonth), ("2012", XSD.gYear), ("2015-06-24", XSD.date)],
)
def test_date_literal_keeps_precision(value: str, datatype: URIRef) -> None:
    literal = date_literal(value)
    assert (str(literal), literal.datatype) == (value, datatype)


def test_dates_in_the_graph_keep_precision(graph: Graph) -> None:
    memo = the_agreement(graph, MEMORANDUM)
    signed = graph.value(memo, DG.signingDate)
    assert (str(signed), signed.datatype) == ("2014-12", XSD.gYearMonth)
    cyber = the_agreement(graph, CYBER)
    assert graph.value(cyber, DG.signingDate).datatype == XSD.date
    lexical = {str(o) for o in graph.objects() if isinstance(o, Literal)}
    assert "2014-12-01" not in lexical and "2012-01-01" not in lexical
    event_dates = {
        (str(d), d.datatype)
        for e in graph.subjects(RDF.type, DG.LifecycleEvent)
        for d in graph.objects(e, DG.date)
    }
    assert event_dates == {
        ("2014-12", XSD.gYearMonth), ("2015-07-01", XSD.date),
        ("2015-06-24", XSD.date), ("2012", XSD.gYear),
    }  # fmt: skip


def test_events(graph: Graph) -> None:
    memo = the_agreement(graph, MEMORANDUM)
    events = {
        next(iter(set(graph.objects(e, RDF.type)) - {DG.LifecycleEvent})): e
        for e in graph.subjects(DG.ofAgreement, memo)
    }
    assert set(events) == {DG.Signing, DG.EntryIntoForce}
    in_force = events[DG.EntryIntoForce]
    assert graph.value(in_force, DG.scheduled) == Literal(True)
    assert graph.value(events[DG.Signing], DG.scheduled) is None
    assert graph.value(in_force, DG.reportedIn) == article_iri(ARTICLE)


def test_event_by_names_the_parties_that_acted() -> None:
    """Event.actors become dg:by links; a joint event has none. A state that
    acted without being a party (the shapes warn) is described all the same,
    so the link reaches a dg:Party node in the article's graph."""
    fact = AgreementFact(
        kind="treaty",
        parties=("JPN", "KOR"),
        events=(
            Event("signed", "2014-12"),
            Event("ratified", "2015", actors=("JPN",)),
            Event("withdrawn", actors=("KOR", "USA")),
        ),
    )
    graph = build_graph(ArticleFacts(ARTICLE, (fact,)))
    by = {
        _type(graph, e): {str(graph.value(p, DG.code)) for p in graph.objects(e, DG.by)}
        for e in graph.subjects(DG.ofAgreement, the_agreement(graph, fact))
    }
    assert by == {
        DG.Signing: set(),
        DG.Ratification: {"JPN"},
        DG.Withdrawal: {"KOR", "USA"},
    }
    usa = URIRef("https://w3id.org/diplograph/id/country/USA")
    assert {DG.Party, DG.Country} <= set(graph.objects(usa, RDF.type))
    assert (the_agreement(graph, fact), DG.party, usa) not in graph
    report = validate(graph)
    assert report.conforms
    [withdrawal] = graph.subjects(RDF.type, DG.Withdrawal)
    assert [
        (p.severity, p.node) for p in report.problems
        if p.shape == "dgs:EventByPartyShape"
    ] == [("Warning", str(withdrawal))]  # fmt: skip


def _type(graph: Graph, event: URIRef) -> URIRef:
    [kind] = set(graph.objects(event, RDF.type)) - {DG.LifecycleEvent}
    return kind


# ---------------------------------------------------------------------------
# Evidence spans point into the article's text
# ---------------------------------------------------------------------------


def check_evidence(graph: Graph, article: Article) -> int:
    nodes = list(graph.subjects(RDF.type, DG.Evidence))
    for node in nodes:
        start, end = (
            graph.value(node, DG.start).toPython(),
            graph.value(node, DG.end).toPython(),
        )
        assert 0 <= start < end <= len(article.text)
        assert str(graph.value(node, DG.quote)) == article.text[start:end]
        assert graph.value(node, DG.inArticle) == article_iri(article)
    return len(nodes)


def test_hand_built_evidence(graph: Graph) -> None:
    assert (
        check_evidence(graph, ARTICLE) == 2
    )  # two spans, shared by agreements and events


def test_extracted_evidence_quotes_the_article(write_article: WriteArticle) -> None:
    [article] = list(read_articles([write_article()]))
    assert isinstance(article, Article)
    graph = build_graph(extract(article))
    # the signing sentence and the one saying when it takes effect
    assert check_evidence(graph, article) == 2
    for node in [
        *graph.subjects(RDF.type, DG.Agreement),
        *graph.subjects(RDF.type, DG.LifecycleEvent),
    ]:
        assert list(graph.objects(node, DG.evidence)), f"{node} has no evidence"


# ---------------------------------------------------------------------------
# Parties link out to Wikidata
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iri", "label", "wikidata", "kind"),
    [
        ("country/JPN", "Japan", "Q17", DG.Country),
        ("country/KOR", "South Korea", "Q884", DG.Country),
        ("country/USA", "United States", "Q30", DG.Country),
        (
            "country/PRK",
            "North Korea",
            "Q423",
            DG.Country,
        ),  # concerned, not a party: still described
        (
            "org/NATO",
            "North Atlantic Treaty Organization",
            "Q7184",
            DG.InternationalOrganization,
        ),
    ],
)
def test_party_nodes(
    graph: Graph, iri: str, label: str, wikidata: str, kind: URIRef
) -> None:
    node = URIRef("https://w3id.org/diplograph/id/" + iri)
    assert set(graph.objects(node, RDF.type)) == {DG.Party, kind}
    assert graph.value(node, DG.code) == Literal(iri.rsplit("/", 1)[1])
    assert graph.value(node, RDFS.label) == Literal(label, lang="en")
    assert list(graph.objects(node, SKOS.exactMatch)) == [WD[wikidata]]
    assert str(WD[wikidata]) == f"http://www.wikidata.org/entity/{wikidata}"


# ---------------------------------------------------------------------------
# IRIs are deterministic
# ---------------------------------------------------------------------------


def iris(graph: Graph) -> set[str]:
    return {
        str(t)
        for triple in graph
        for t in triple
        if isinstance(t, URIRef) and "/diplograph/id/" in t
    }


def test_building_twice_gives_the_same_graph(graph: Graph) -> None:
    again = build_graph(FACTS)
    if not isomorphic(graph, again):
        _, only_first, only_second = graph_diff(
            to_isomorphic(graph), to_isomorphic(again)
        )
        pytest.fail(
            "graphs differ:\n"
            + only_first.serialize(format="nt")
            + "\n---\n"
            + only_second.serialize(format="nt")
        )
    assert iris(graph) == iris(again)
    assert set(graph) == set(again)  # no blank nodes, so equal as sets of triples


def test_reading_and_extracting_twice_gives_the_same_iris(
    write_article: WriteArticle,
) -> None:
    path = write_article()
    # read twice: one call reads a file named twice once
    first, second = (
        build_graph(extract(a))  # type: ignore[arg-type]
        for a in [*read_articles([path]), *read_articles([path])]
    )
    assert set(first) == set(second)
    assert any("/agreement/" in i for i in iris(first))


def test_article_iri_follows_the_url_not_the_text() -> None:
    corrected = Article(
        SMALL_BODY + "Corrected.",
        SMALL_TITLE,
        ARTICLE.published,
        "other.txt",
        url=SMALL_URL,
    )
    assert article_iri(corrected) == article_iri(ARTICLE)
    no_url = Article(SMALL_BODY, SMALL_TITLE, ARTICLE.published, "small.txt")
    no_url_changed = Article(
        SMALL_BODY + "Corrected.", SMALL_TITLE, ARTICLE.published, "small.txt"
    )
    assert article_iri(no_url) != article_iri(ARTICLE)
    assert article_iri(no_url) != article_iri(
        no_url_changed
    )  # without a URL, the text is the identity


def test_agreement_iri_does_not_depend_on_party_order() -> None:
    article = article_iri(ARTICLE)
    shuffled = AgreementFact(
        kind=MEMORANDUM.kind, parties=("USA", "JPN", "KOR"), signed="2014-12"
    )
    ordered = AgreementFact(
        kind=MEMORANDUM.kind, parties=("JPN", "KOR", "USA"), signed="2014-12"
    )
    assert agreement_iri(article, shuffled) == agreement_iri(article, ordered)
    assert agreement_iri(article, ordered) != agreement_iri(
        article,
        AgreementFact(kind="treaty", parties=("JPN", "KOR", "USA"), signed="2014-12"),
    )


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=10,
)


def _reordered(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _reordered(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reordered(v) for v in value]
    return value


@given(st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=6))
def test_hash_record_is_order_free(record: dict[str, Any]) -> None:
    digest = hash_record(record)
    assert hash_record(_reordered(record)) == digest
    assert len(digest) == 32 and all(c in "0123456789abcdef" for c in digest)


@given(st.permutations(["JPN", "KOR", "USA", "PRK", "NATO"]))
def test_agreement_iri_is_order_free(parties: list[str]) -> None:
    fact = AgreementFact(kind="treaty", parties=tuple(parties), signed="2014-12")
    reference = AgreementFact(
        kind="treaty", parties=("JPN", "KOR", "NATO", "PRK", "USA"), signed="2014-12"
    )
    assert agreement_iri(article_iri(ARTICLE), fact) == agreement_iri(
        article_iri(ARTICLE), reference
    )
