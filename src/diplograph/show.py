"""Everything the store holds about one agreement, country or article, for
``diplograph show``.

An agreement is seen through the saved queries (``status-by-party``,
``lifecycle``, ``sources-of``, ``conflicting-claims``), a country through
``agreements-of``, ``agreements-concerning`` and ``partners-of``, an article
through its own graph: what was read from it, each fact with its sentence. The
views are frozen dataclasses of plain values; the command line writes them as
text or JSON. Nothing here writes to the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.term import Node

from diplograph import sparql
from diplograph.curation import find_articles
from diplograph.errors import QueryError
from diplograph.find import (
    AGREEMENT_BASE,
    agreement_hint,
    agreements_named,
    full_iri,
    resolve_agreement,
    summaries,
)
from diplograph.gazetteer import load_gazetteer
from diplograph.namespaces import DG
from diplograph.queries import resolve_party, run_query
from diplograph.store import Store
from diplograph.vocabulary import vocabulary

Record = dict[str, Any]


@dataclass(frozen=True)
class Subject:
    """What a reference given to ``show`` names: ``kind`` is ``article``,
    ``country`` or ``agreement``; ``note`` says what else it could have meant."""

    kind: str
    iri: str
    note: str | None = None


def identify(store: Store, ref: str) -> Subject:
    """An article if ``ref`` is one's IRI, URL, file name or content hash, else
    a country or organization by code, name, alias or IRI, else an agreement by
    IRI, name, alias or label (:func:`~diplograph.find.resolve_agreement`).
    A reference that names several articles or agreements is an error listing
    them."""
    ref = ref.strip()
    if not ref:
        raise QueryError("give an agreement, a country or an article to show")
    iri = full_iri(ref)
    articles = find_articles(store, iri)
    if len(articles) > 1:
        lines = [f"{ref!r} names {len(articles)} articles; give the IRI of one:"]
        lines += [f"  {a.iri}  {a.shown}" for a in described_articles(store, articles)]
        raise QueryError("\n".join(lines))
    if articles:
        return Subject("article", articles[0])
    try:
        party = resolve_party(iri)
    except QueryError as error:
        not_a_party = str(error).rstrip(".")
    else:
        also = agreements_named(store, ref)
        note = (
            f"{ref!r} also names the agreement(s) {', '.join(also)}; "
            "give an IRI to show one"
            if also
            else None
        )
        return Subject("country", party, note)
    if not iri.startswith(AGREEMENT_BASE) and not agreements_named(store, ref):
        raise QueryError(
            f"nothing stored matches {ref!r}: it is no stored article's IRI, URL, "
            f"file name or content hash; {not_a_party}; and no agreement's name, "
            f"alias or label. {agreement_hint(store, ref)}"
        )
    return Subject("agreement", resolve_agreement(ref, store))


@dataclass(frozen=True)
class Party:
    code: str
    name: str


def _party(code: str) -> Party:
    entity = load_gazetteer().entities.get(code)
    return Party(code, entity.name if entity else code)


@dataclass(frozen=True)
class ArticleRef:
    """A stored article as a source: where it can be found again."""

    iri: str
    title: str
    published: str
    url: str | None = None
    publisher: str | None = None
    file: str | None = None

    @property
    def shown(self) -> str:
        """How a reader finds it: the URL, else the file; with date and title."""
        where = self.url or (f"file {self.file}" if self.file else self.iri)
        return f"{self.published}  {where}  {self.title!r}"


def described_articles(store: Store, iris: Iterable[str]) -> list[ArticleRef]:
    """The stored articles among ``iris`` with their title, date, URL,
    publisher and source file, in the order given."""
    wanted = list(dict.fromkeys(iris))
    if not wanted:
        return []
    _, rows = store.select(
        sparql.query("articles-described", which=[URIRef(i) for i in wanted])
    )
    found = {}
    for row in rows:
        url, publisher, file = (
            row[k].value if k in row else None for k in ("url", "publisher", "file")
        )
        iri = row["article"].value
        found[iri] = ArticleRef(
            iri, row["title"].value, row["published"].value, url, publisher, file
        )
    return [found[iri] for iri in wanted if iri in found]


def inferred_classes(store: Store, iri: str) -> tuple[str, ...]:
    """The classes ``diplograph reason`` inferred for ``iri``, by label."""
    _, rows = store.select(sparql.query("inferred-classes", subject=URIRef(iri)))
    return tuple(
        row["label"].value if "label" in row else row["class"].value.rsplit("#")[-1]
        for row in rows
    )


@dataclass(frozen=True)
class Claim:
    """What one article says (``claim``: name, kind, party, event...) and the
    sentence it was read from."""

    claim: str
    value: str
    sentence: str | None


@dataclass(frozen=True)
class Source:
    article: ArticleRef
    claims: tuple[Claim, ...]

    def by_sentence(self) -> list[tuple[str | None, list[Claim]]]:
        """The claims grouped by the sentence they were read from, in the
        order of their first claim: what a reader checks one sentence at a
        time."""
        groups: dict[str | None, list[Claim]] = {}
        for claim in self.claims:
            groups.setdefault(claim.sentence, []).append(claim)
        return list(groups.items())


# how each claim of sources-of reads, in the order they are listed
_CLAIMS = {
    "name": "name", "alias": "aliases", "kind": "kind", "party": "parties",
    "concerns": "concerns", "signingDate": "signed", "topic": "topics",
    "event": "events",
}  # fmt: skip


def claims_said(claims: Iterable[Claim]) -> str:
    """What ``claims`` say, in words: ``kind treaty; parties Japan, Poland;
    events signed 2014`` (the command line's and the web page's wording)."""
    words = vocabulary()
    grouped: dict[str, list[str]] = {}
    for claim in claims:
        value = claim.value
        if claim.claim == "kind":
            code = words.kind_of(str(DG._NS[value]))
            value = words.kind_word(code) if code else value
        elif claim.claim == "event":
            name, _, date = value.partition(" ")
            value = " ".join(x for x in (words.event_of(str(DG._NS[name])), date) if x)
        elif claim.claim == "topic":
            value = value.replace("_", " ")
        grouped.setdefault(claim.claim, []).append(value)
    ordered = [
        *(c for c in _CLAIMS if c in grouped),
        *sorted(set(grouped) - set(_CLAIMS)),
    ]
    return "; ".join(f"{_CLAIMS.get(c, c)} {', '.join(grouped[c])}" for c in ordered)


@dataclass(frozen=True)
class AgreementView:
    """One agreement as all articles together report it, and each article's
    claims with their sentences. ``status``, ``lifecycle`` and ``conflicts``
    are the rows of the saved queries of those names."""

    iri: str
    label: str
    names: tuple[str, ...]
    aliases: tuple[str, ...]
    labels: tuple[str, ...]
    kinds: tuple[str, ...]
    parties: tuple[Party, ...]
    concerns: tuple[Party, ...]
    topics: tuple[str, ...]
    signed: tuple[str, ...]
    inferred: tuple[str, ...]
    status: tuple[Record, ...]
    lifecycle: tuple[Record, ...]
    sources: tuple[Source, ...]
    conflicts: tuple[Record, ...]


def agreement_view(store: Store, iri: str) -> AgreementView:
    """Everything stored about the agreement ``iri``."""
    found = summaries(store, [iri])
    if iri not in found:
        raise QueryError(f"no agreement <{iri}> in the store")
    summary = found[iri]
    claims = [_flat(row) for row in run_query(store, "sources-of", agreement=iri)]
    articles = described_articles(store, (row["article"] for row in claims))
    sources = tuple(
        Source(
            article,
            tuple(
                Claim(row["claim"], row["value"], row.get("sentence"))
                for row in claims
                if row["article"] == article.iri
            ),
        )
        for article in articles
    )
    return AgreementView(
        iri=iri, label=summary.label, names=summary.names, aliases=summary.aliases,
        labels=summary.labels, kinds=summary.kinds,
        parties=tuple(_party(c) for c in summary.parties),
        concerns=tuple(_party(c) for c in summary.concerns),
        topics=summary.topics, signed=summary.signed,
        inferred=inferred_classes(store, iri),
        status=_rows(store, "status-by-party", iri),
        lifecycle=_rows(store, "lifecycle", iri),
        sources=sources,
        conflicts=_rows(store, "conflicting-claims", iri),
    )  # fmt: skip


def _rows(store: Store, name: str, agreement: str) -> tuple[Record, ...]:
    """A saved query's rows for one agreement, without the columns that
    repeat the agreement."""
    return tuple(
        {k: v for k, v in _flat(row).items() if k not in ("agreement", "label")}
        for row in run_query(store, name, agreement=agreement)
    )


def _flat(row: dict[str, Any]) -> Record:
    """A row to show: a list column (what articles claim, GROUP_CONCAT's) as
    its values in order, comma-separated."""
    return {
        k: ", ".join(sorted(map(str, v))) if isinstance(v, list) else v
        for k, v in row.items()
    }


@dataclass(frozen=True)
class CountryView:
    """A country or organization: the agreements it is party to
    (``agreements-of``), those that concern it (``agreements-concerning``) and
    its partners (``partners-of``)."""

    iri: str
    code: str
    name: str
    organization: bool
    aliases: tuple[str, ...]
    inferred: tuple[str, ...]
    agreements: tuple[Record, ...]
    concerning: tuple[Record, ...]
    partners: tuple[Record, ...]


def country_view(store: Store, iri: str) -> CountryView:
    """Everything stored about the country or organization ``iri``."""
    code = iri.rsplit("/", 1)[-1]
    entity = load_gazetteer().entities.get(code)
    return CountryView(
        iri=iri, code=code, name=entity.name if entity else code,
        organization=entity is not None and not entity.is_country,
        aliases=entity.aliases if entity else (),
        inferred=inferred_classes(store, iri),
        agreements=tuple(map(_flat, run_query(store, "agreements-of", country=iri))),
        concerning=tuple(
            map(_flat, run_query(store, "agreements-concerning", country=iri))
        ),
        partners=tuple(map(_flat, run_query(store, "partners-of", country=iri))),
    )  # fmt: skip


@dataclass(frozen=True)
class ReadEvent:
    """An event as one article tells it: ``type`` is the guideline code,
    ``by`` the parties the text names as performing it (none: all of them)."""

    type: str
    date: str | None
    by: tuple[str, ...]
    scheduled: bool
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class ReadAgreement:
    """An agreement as one article tells it, and the stored node it became:
    ``rule`` and ``score`` of the resolution that chose that node (``new``
    for a node of its own), ``supported_by`` the articles behind a match."""

    iri: str
    label: str
    kind: str | None
    name: str | None
    aliases: tuple[str, ...]
    parties: tuple[Party, ...]
    concerns: tuple[Party, ...]
    topics: tuple[str, ...]
    signed: str | None
    events: tuple[ReadEvent, ...]
    sentences: tuple[str, ...]
    rule: str | None
    score: str | None
    supported_by: tuple[str, ...]


@dataclass(frozen=True)
class ArticleView:
    article: ArticleRef
    content_hash: str | None
    extractor: str | None
    agreements: tuple[ReadAgreement, ...]


def article_view(store: Store, iri: str) -> ArticleView:
    """What was read from the article ``iri``: its own graph, agreement by
    agreement, each event and each agreement with its sentences."""
    graph = store.export_graph(URIRef(iri))
    node = URIRef(iri)
    if (node, RDF.type, DG.Article) not in graph:
        raise QueryError(f"no article <{iri}> in the store")

    def text(subject: Node, predicate: URIRef) -> str | None:
        value = graph.value(subject, predicate)
        return None if value is None else str(value)

    article = ArticleRef(
        iri, text(node, DG.title) or "", text(node, DG.published) or "",
        text(node, DG.url), text(node, DG.publisher), text(node, DG.sourceFile),
    )  # fmt: skip
    # in the order the text first mentions them
    nodes = sorted(
        graph.subjects(RDF.type, DG.Agreement),
        key=lambda a: (min((s for s, _ in _spans(graph, a)), default=0), str(a)),
    )
    agreements = [_read_agreement(graph, a) for a in nodes]
    return ArticleView(
        article, text(node, DG.contentHash), text(node, DG.extractor),
        tuple(agreements),
    )  # fmt: skip


def _read_agreement(graph: Graph, node: Node) -> ReadAgreement:
    words = vocabulary()
    kinds = [words.kind_of(str(t)) for t in graph.objects(node, RDF.type)]
    resolution = next(graph.subjects(DG.resolvedAgreement, node), None)

    def strings(subject: Node | None, predicate: URIRef) -> tuple[str, ...]:
        if subject is None:
            return ()
        return tuple(sorted(str(o) for o in graph.objects(subject, predicate)))

    def parties(subject: Node, predicate: URIRef) -> tuple[Party, ...]:
        return tuple(
            _party(str(graph.value(p, DG.code) or str(p).rsplit("/", 1)[-1]))
            for p in sorted(graph.objects(subject, predicate), key=str)
        )

    events = []
    for event in set(graph.subjects(DG.ofAgreement, node)):
        types = [words.event_of(str(t)) for t in graph.objects(event, RDF.type)]
        date = graph.value(event, DG.date)
        scheduled = str(graph.value(event, DG.scheduled)) in ("true", "1")
        events.append(
            ReadEvent(
                next((t for t in types if t), "event"),
                None if date is None else str(date),
                tuple(p.code for p in parties(event, DG.by)),
                scheduled,
                _sentences(graph, event),
            )
        )
    name = graph.value(node, DG.name)
    signed = graph.value(node, DG.signingDate)
    score = None if resolution is None else graph.value(resolution, DG.score)
    return ReadAgreement(
        iri=str(node), label=str(graph.value(node, RDFS.label) or node),
        kind=next((k for k in kinds if k), None),
        name=None if name is None else str(name), aliases=strings(node, DG.alias),
        parties=parties(node, DG.party), concerns=parties(node, DG.concerns),
        topics=tuple(sorted(
            words.topic_of(str(t)) or str(t).rsplit("#topic_", 1)[-1]
            for t in graph.objects(node, DG.topic)
        )),
        signed=None if signed is None else str(signed),
        events=tuple(sorted(events, key=lambda e: (e.date or "9999", e.type))),
        sentences=_sentences(graph, node),
        rule=None if resolution is None else str(graph.value(resolution, DG.rule)),
        score=None if score is None else str(score),
        supported_by=strings(resolution, DG.supportedBy),
    )  # fmt: skip


def _spans(graph: Graph, node: Node) -> list[tuple[int, str]]:
    """Where ``node`` was read: (start offset, sentence), in the order of the text."""
    return sorted(
        (int(str(graph.value(e, DG.start) or 0)), str(graph.value(e, DG.quote) or ""))
        for e in graph.objects(node, DG.evidence)
    )


def _sentences(graph: Graph, node: Node) -> tuple[str, ...]:
    """The sentences ``node`` was read from, in the order of the text."""
    return tuple(dict.fromkeys(quote for _, quote in _spans(graph, node)))


__all__ = [
    "AgreementView",
    "ArticleView",
    "CountryView",
    "Subject",
    "agreement_view",
    "article_view",
    "claims_said",
    "country_view",
    "identify",
]
