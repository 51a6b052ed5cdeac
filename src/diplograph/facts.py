"""An article's graph read back into facts: the model's dataclasses, and the
facts format of the evaluation guidelines.

``diplograph extract --format facts`` writes the guidelines' format, and it
comes from the RDF graph, not from the extractor's dataclasses, so it shows
exactly what the store would hold. ``load --nquads`` resolves the agreements
of a shard's graphs from the same reading (:func:`read_facts`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from rdflib import RDF, Graph, URIRef
from rdflib.term import Node

from diplograph.iri import agreement_iri
from diplograph.model import AgreementFact, Article, ArticleFacts, Event, Evidence
from diplograph.namespaces import DG
from diplograph.vocabulary import vocabulary


def read_facts(
    graph: Graph, *, article: URIRef | None = None
) -> tuple[ArticleFacts, tuple[URIRef, ...]]:
    """The article of an article's graph and its agreements, with the node of
    each agreement (in the same order). ``article``: its IRI, when known; by
    default the graph's ``dg:Article``.

    A graph keeps no order: the agreements come in the order the article first
    tells of them (then by node), parties, aliases, concerns and topics sorted,
    events by type and date, evidence in text order, except that the sentence
    an agreement's node was minted from comes first (as the extractor had it,
    see :func:`diplograph.iri.agreement_iri`), so that resolving the facts read
    back mints the node that resolving the extracted facts would.

    Example:
        >>> from diplograph.build import build_graph
        >>> from diplograph.extract import extract
        >>> text = "Japan and South Korea signed a trade agreement on Wednesday."
        >>> facts = extract(Article(text, "T", date(2015, 6, 25), "a.txt"))
        >>> read, nodes = read_facts(build_graph(facts))
        >>> read.agreements == facts.agreements, read.article.text == text
        (True, True)
    """
    iri = article or graph.value(predicate=RDF.type, object=DG.Article)
    if not isinstance(iri, URIRef) or (iri, RDF.type, DG.Article) not in graph:
        raise ValueError(f"the graph describes no dg:Article {article or ''}")
    found = [
        (node, _agreement_fact(graph, iri, node))
        for node in graph.subjects(DG.reportedIn, iri)
        if isinstance(node, URIRef) and (node, RDF.type, DG.Agreement) in graph
    ]

    def first_told(pair: tuple[URIRef, AgreementFact]) -> tuple[int, str]:
        node, fact = pair
        return min((span.start for span in fact.evidence), default=0), str(node)

    found.sort(key=first_told)
    return (
        ArticleFacts(_read_article(graph, iri), tuple(fact for _, fact in found)),
        tuple(node for node, _ in found),
    )


def _read_article(graph: Graph, iri: URIRef) -> Article:
    def text(predicate: URIRef) -> str | None:
        value = graph.value(iri, predicate)
        return None if value is None else str(value)

    published = text(DG.published)
    if published is None:
        raise ValueError(f"the article {iri} has no dg:published")
    return Article(
        text=text(DG.text) or "",
        title=text(DG.title) or "",
        published=date.fromisoformat(published),
        source=text(DG.sourceFile) or "",  # the stem: the graph keeps no more
        url=text(DG.url),
        publisher=text(DG.publisher),
    )


def _code(graph: Graph, party: Node) -> str:
    code = graph.value(party, DG.code)
    # a graph not validated yet may name a party it does not describe
    return str(code) if code is not None else str(party).rsplit("/", 1)[-1]


def _evidence(graph: Graph, node: Node) -> tuple[Evidence, ...]:
    def value(span: Node, predicate: URIRef) -> str:
        return str(graph.value(span, predicate))

    spans = (
        Evidence(int(value(e, DG.start)), int(value(e, DG.end)), value(e, DG.quote))
        for e in graph.objects(node, DG.evidence)
    )
    return tuple(sorted(spans, key=lambda s: (s.start, s.end)))


def _agreement_fact(graph: Graph, article: URIRef, node: URIRef) -> AgreementFact:
    words = vocabulary()
    kinds = [words.kind_of(str(t)) for t in graph.objects(node, RDF.type)]
    topics = [
        # a graph not validated yet may hold a topic concept no one defined
        words.topic_of(str(t)) or str(t).rsplit("#topic_", 1)[-1]
        for t in graph.objects(node, DG.topic)
    ]
    name, signed = graph.value(node, DG.name), graph.value(node, DG.signingDate)
    fact = AgreementFact(
        kind=next((k for k in kinds if k), ""),
        parties=tuple(sorted({_code(graph, p) for p in graph.objects(node, DG.party)})),
        name=None if name is None else str(name),
        aliases=tuple(sorted({str(a) for a in graph.objects(node, DG.alias)})),
        signed=None if signed is None else str(signed),
        concerns=tuple(
            sorted({_code(graph, p) for p in graph.objects(node, DG.concerns)})
        ),
        topics=tuple(sorted(set(topics))),
        events=_events(graph, node),
        evidence=_evidence(graph, node),
    )
    return _minted_first(article, node, fact)


def _events(graph: Graph, agreement: URIRef) -> tuple[Event, ...]:
    words = vocabulary()
    events = []
    for node in graph.subjects(DG.ofAgreement, agreement):
        types = [words.event_of(str(t)) for t in graph.objects(node, RDF.type)]
        kind = next((t for t in types if t), None)
        if kind is None:
            continue
        when = graph.value(node, DG.date)
        events.append(
            Event(
                kind,
                None if when is None else str(when),
                scheduled=bool(graph.value(node, DG.scheduled)),
                actors=tuple(sorted({_code(graph, p)
                                     for p in graph.objects(node, DG.by)})),
                evidence=_evidence(graph, node),
            )
        )  # fmt: skip
    return tuple(sorted(events, key=lambda e: (e.type, e.date or "")))


def _minted_first(article: URIRef, node: URIRef, fact: AgreementFact) -> AgreementFact:
    """``fact`` with the sentence its node was minted from first, when the node
    is one :func:`~diplograph.iri.agreement_iri` minted (a shard's are); the
    extractor's order of an agreement's sentences is not text order when it
    merged two tellings of it."""
    for span in fact.evidence:
        rest = tuple(s for s in fact.evidence if s != span)
        first = replace(fact, evidence=(span, *rest))
        if agreement_iri(article, first) == node:
            return first
    return fact


def graph_to_facts(graph: Graph, *, article_id: str) -> dict[str, Any]:
    """The article and its agreements in the guidelines' JSON shape."""
    facts, _ = read_facts(graph)
    article = facts.article
    records = [
        {
            "name": fact.name,
            "aliases": list(fact.aliases),
            "kind": fact.kind or None,
            "parties": list(fact.parties),
            "signed": fact.signed,
            "concerns": list(fact.concerns),
            "topics": list(fact.topics),
            "events": [{"type": e.type, "date": e.date} for e in fact.events],
        }
        for fact in facts.agreements
    ]
    return {
        "article": {
            "id": article_id,
            "url": article.url or "",
            "publisher": article.publisher or "",
            "published": article.published.isoformat(),
            "title": article.title,
        },
        "agreements": sorted(
            records, key=lambda r: (r["name"] or "", r["kind"] or "", r["parties"])
        ),
    }
