"""Step 3, build: :class:`~diplograph.model.ArticleFacts` -> an rdflib Graph. No I/O.

The graph is everything one article says, self-contained so it validates on
its own: the article node, its agreements, their events, the evidence spans,
and a description of every party it names.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from diplograph.extract import EXTRACTOR_VERSION
from diplograph.gazetteer import load_gazetteer
from diplograph.iri import (
    agreement_iri,
    article_iri,
    event_iri,
    evidence_iri,
    party_iri,
    resolution_iri,
)  # fmt: skip
from diplograph.model import AgreementFact, ArticleFacts, Evidence, Resolution
from diplograph.namespaces import DG, WD, topic_iri
from diplograph.plain import PlainTriple, plain_term
from diplograph.vocabulary import vocabulary


def date_literal(value: str) -> Literal:
    """A date at its precision: xsd:gYear, xsd:gYearMonth or xsd:date.

    Example:
        >>> date_literal("2014-12").datatype.endswith("gYearMonth")
        True
    """
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)]
    return Literal(value, datatype=datatype)


def build_graph(
    facts: ArticleFacts, *, resolutions: Sequence[Resolution] | None = None
) -> Graph:
    """The RDF graph of one article's facts.

    Without ``resolutions`` each agreement gets an IRI of its own; with them
    (see :mod:`diplograph.resolve`) it gets the node it was identified with, and
    the decision is written as a ``dg:Resolution``.

    Example:
        >>> from datetime import date
        >>> from diplograph.model import Article
        >>> article = Article("Body.", "T", date(2015, 6, 25), "a.txt")
        >>> g = build_graph(ArticleFacts(article, ()))
        >>> len(list(g.subjects(RDF.type, DG.Article)))
        1
    """
    # rdflib's default binds some thirty prefixes per graph, and its default store
    # indexes every triple by context too: an article's graph needs neither
    # (measured: building and validating 2.9 -> 1.7 ms per article)
    graph = Graph(store="SimpleMemory", bind_namespaces="core")
    graph.bind("dg", DG._NS)
    graph.bind("skos", SKOS)
    article = facts.article
    a_iri = article_iri(article)
    graph.add((a_iri, RDF.type, DG.Article))
    graph.add((a_iri, DG.title, Literal(article.title)))
    graph.add(
        (a_iri, DG.published, Literal(article.published.isoformat(), datatype=XSD.date))
    )
    graph.add((a_iri, DG.contentHash, Literal(article.content_hash)))
    graph.add((a_iri, DG.sourceFile, Literal(article.stem)))
    if article.url:
        graph.add((a_iri, DG.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.publisher:
        graph.add((a_iri, DG.publisher, Literal(article.publisher)))
    graph.add(
        (a_iri, DG.text, Literal(article.text))
    )  # kept so `reload` can re-extract
    graph.add((a_iri, DG.extractor, Literal(EXTRACTOR_VERSION)))
    parties: set[str] = set()
    for index, fact in enumerate(facts.agreements):
        if resolutions is None:
            iri = agreement_iri(a_iri, fact)
        else:
            resolution = resolutions[index]
            iri = URIRef(resolution.agreement)
            _add_resolution(graph, a_iri, iri, resolution)
        _add_agreement(graph, a_iri, iri, fact)
        parties.update(fact.parties, fact.concerns)
        parties.update(code for event in fact.events for code in event.actors)
    if not facts.agreements:  # listed as such without a look at every report
        graph.add((a_iri, RDF.type, DG.ArticleWithoutAgreement))
    for code in sorted(parties):
        _add_party(graph, code)
    return graph


def resolve_graph(
    graph: Graph,
    facts: ArticleFacts,
    nodes: Sequence[URIRef],
    resolutions: Sequence[Resolution],
    *,
    in_place: bool = False,
) -> Graph:
    """An article's graph built without ``resolutions``, as :func:`build_graph`
    builds it with them: each agreement node (``nodes``, in the order of
    ``facts.agreements``, as :func:`diplograph.facts.read_facts` gives them)
    and the events whose IRIs derive from it renamed to the node chosen, and
    each decision written as a ``dg:Resolution``. A shard's graphs are built
    without resolution, which needs the store; ``load --nquads`` resolves them.

    ``in_place``: rename in ``graph`` itself and return it, moving only the
    triples of the nodes renamed (a tenth of an article's) rather than copying
    every triple into a new graph: a load's writing process renames the graph a
    worker built, which nothing else holds.
    """
    article = article_iri(facts.article)
    renamed = renaming(facts, nodes, resolutions)
    if in_place:
        moved = {
            triple
            for node, new in renamed.items()
            if new != node
            for pattern in ((node, None, None), (None, None, node))
            for triple in graph.triples(pattern)
        }
        for triple in moved:
            graph.remove(triple)
        for s, p, o in moved:
            graph.add((renamed.get(s, s), p, renamed.get(o, o)))
        resolved = graph
    else:
        # no prefixes: this graph is written to a store, never printed, and
        # binding them took most of the renaming's time
        resolved = Graph(store="SimpleMemory", bind_namespaces="none")
        for s, p, o in graph:
            resolved.add((renamed.get(s, s), p, renamed.get(o, o)))
    for resolution in resolutions:
        _add_resolution(resolved, article, URIRef(resolution.agreement), resolution)
    return resolved


def renaming(
    facts: ArticleFacts, nodes: Sequence[URIRef], resolutions: Sequence[Resolution]
) -> dict[Node, Node]:
    """What :func:`resolve_graph` renames: each agreement node to the one
    chosen, and the IRIs of its events to theirs."""
    renamed: dict[Node, Node] = {}
    for old, fact, resolution in zip(nodes, facts.agreements, resolutions, strict=True):
        new = URIRef(resolution.agreement)
        renamed[old] = new
        for event in fact.events:
            renamed[event_iri(old, event.type, event.date)] = event_iri(
                new, event.type, event.date
            )
    return renamed


def resolve_plain(
    triples: Sequence[PlainTriple],
    facts: ArticleFacts,
    nodes: Sequence[URIRef],
    resolutions: Sequence[Resolution],
) -> list[PlainTriple]:
    """:func:`resolve_graph` of an article's graph as plain data
    (:mod:`diplograph.plain`): the same triples, as strings. A load's writing
    process renames so the graph a worker sent, without making it rdflib's."""
    article = article_iri(facts.article)
    renamed = {str(k): str(v) for k, v in renaming(facts, nodes, resolutions).items()}
    renamed = {k: v for k, v in renamed.items() if k != v}
    if renamed:
        get = renamed.get
        resolved = [
            (get(s, s), p, o if kind is not None else get(o, o), kind)
            for s, p, o, kind in triples
        ]
    else:
        resolved = list(triples)
    # the records as plain triples straight away: an rdflib graph of them,
    # made and read again, took half the renaming's time
    records = dict.fromkeys(
        (str(s), str(p), *plain_term(o))
        for resolution in resolutions
        for s, p, o in _resolution_triples(
            article, URIRef(resolution.agreement), resolution
        )
    )
    resolved.extend(records)
    return resolved


def agreement_label(fact: AgreementFact) -> str:
    """A readable label: the name, else "kind between A, B and C"."""
    if fact.name:
        return fact.name
    gazetteer = load_gazetteer()
    names = [
        gazetteer.entities[c].name if c in gazetteer.entities else c
        for c in fact.parties
    ]
    kind = vocabulary().kind_word(fact.kind)
    if not names:  # no party: the shapes reject it, but say which agreement
        return kind
    if len(names) == 1:
        return f"{kind} of {names[0]}"
    joined = ", ".join(names[:-1]) + " and " + names[-1]
    return f"{kind} between {joined}"


def _add_resolution(
    graph: Graph, article: URIRef, agreement: URIRef, resolution: Resolution
) -> None:
    for triple in _resolution_triples(article, agreement, resolution):
        graph.add(triple)


def _resolution_triples(
    article: URIRef, agreement: URIRef, resolution: Resolution
) -> list[tuple[URIRef, URIRef, Node]]:
    """The ``dg:Resolution`` record of one decision, each triple once, in the
    order an rdflib graph of them gives them back."""
    iri = resolution_iri(article, agreement)
    # the canonical lexical form ("1", "0.85"), as stores give it back
    score = format(Decimal(str(resolution.score)).normalize(), "f")
    triples = [
        (iri, RDF.type, DG.Resolution),
        (iri, DG.resolvedIn, article),
        (iri, DG.resolvedAgreement, agreement),
        (iri, DG.rule, Literal(resolution.rule)),
        (iri, DG.score, Literal(score, datatype=XSD.decimal)),
        *((iri, DG.supportedBy, URIRef(other)) for other in resolution.supported_by),
    ]
    return list(dict.fromkeys(triples))


def _add_agreement(
    graph: Graph, article: URIRef, iri: URIRef, fact: AgreementFact
) -> None:
    graph.add((iri, RDF.type, DG.Agreement))
    graph.add((iri, RDF.type, vocabulary().kind_class(fact.kind)))
    graph.add((iri, RDFS.label, Literal(agreement_label(fact))))
    graph.add((iri, DG.reportedIn, article))
    if fact.name:
        graph.add((iri, DG.name, Literal(fact.name)))
    for alias in fact.aliases:
        graph.add((iri, DG.alias, Literal(alias)))
    for code in fact.parties:
        graph.add((iri, DG.party, party_iri(code)))
    for code in fact.concerns:
        graph.add((iri, DG.concerns, party_iri(code)))
    for topic in fact.topics:
        graph.add((iri, DG.topic, topic_iri(topic)))
    if fact.signed:
        graph.add((iri, DG.signingDate, date_literal(fact.signed)))
    for span in fact.evidence:
        graph.add((iri, DG.evidence, _add_evidence(graph, article, span)))
    for event in fact.events:
        e_iri = event_iri(iri, event.type, event.date)
        graph.add((e_iri, RDF.type, DG.LifecycleEvent))
        graph.add((e_iri, RDF.type, vocabulary().event_class(event.type)))
        graph.add((e_iri, DG.ofAgreement, iri))
        graph.add((e_iri, DG.reportedIn, article))
        if event.date:
            graph.add((e_iri, DG.date, date_literal(event.date)))
        if event.scheduled:
            graph.add((e_iri, DG.scheduled, Literal(True)))
        for code in event.actors:
            graph.add((e_iri, DG.by, party_iri(code)))
        for span in event.evidence:
            graph.add((e_iri, DG.evidence, _add_evidence(graph, article, span)))


def _add_evidence(graph: Graph, article: URIRef, span: Evidence) -> URIRef:
    iri = evidence_iri(article, span.start, span.end)
    if (iri, RDF.type, DG.Evidence) not in graph:
        graph.add((iri, RDF.type, DG.Evidence))
        graph.add((iri, DG.inArticle, article))
        graph.add((iri, DG.start, Literal(span.start)))
        graph.add((iri, DG.end, Literal(span.end)))
        graph.add((iri, DG.quote, Literal(span.quote)))
    return iri


def _add_party(graph: Graph, code: str) -> None:
    entity = load_gazetteer().entities.get(code)
    iri = party_iri(code)
    graph.add((iri, RDF.type, DG.Party))
    graph.add(
        (
            iri,
            RDF.type,
            DG.Country
            if entity is None or entity.is_country
            else DG.InternationalOrganization,
        )
    )
    graph.add((iri, DG.code, Literal(code)))
    if entity is not None:
        graph.add((iri, RDFS.label, Literal(entity.name, lang="en")))
        if entity.wikidata:
            graph.add((iri, SKOS.exactMatch, WD[entity.wikidata]))
