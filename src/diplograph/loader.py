"""Writing articles into a store: resolve, build, validate, replace.

A :class:`Loader` owns what writing needs besides the article: the store, the
index of the agreements stored there (:class:`~diplograph.store.index.AgreementIndex`,
read once and kept up to date with every write) and the settings. ``load``,
``reload`` and ``split`` each make one and hand it every article in turn, since
each article is resolved against what the ones before it stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from functools import partial

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph

from diplograph import sparql
from diplograph.build import build_graph, resolve_graph, resolve_plain
from diplograph.extract import EXTRACTOR_VERSION
from diplograph.facts import read_facts
from diplograph.iri import ONTOLOGY_GRAPH, agreement_iri, article_iri
from diplograph.model import (
    Article,
    ArticleFacts,
    Dropped,
    Processed,
    Resolution,
)
from diplograph.namespaces import DG, ONTOLOGY_IRI
from diplograph.plain import lazy_graph, plain_of, plain_term, triples_of
from diplograph.resolve import choose, propose
from diplograph.resources import ontology_file
from diplograph.settings import Settings
from diplograph.store import Row, Store, Term
from diplograph.store.index import AgreementIndex
from diplograph.triage import Built, keep_conforming
from diplograph.validate import ValidationReport, validate


def ensure_ontology(store: Store) -> None:
    """Keep the ontology in its own named graph so queries can read labels.

    Written only when missing or changed, so loading twice leaves the same quads.
    """
    # Stores mint new blank nodes on every insert: skolem IRIs from the canonical
    # labels keep the ontology graph the very same quads in every store.
    canonical = to_canonical_graph(Graph().parse(ontology_file(), format="turtle"))
    graph = canonical.skolemize(authority=ONTOLOGY_IRI)
    iri = ONTOLOGY_GRAPH
    if store.has_graph(iri):
        _, rows = store.select(sparql.query("graph-size", graph=iri))
        if rows and rows[0]["n"].value == str(len(graph)):
            return
    store.replace_graph(iri, graph)


def loaded_now() -> Literal:
    """Now, as the ``dg:loaded`` of an article written now: an xsd:dateTime in
    UTC to the microsecond, so that articles written one after another in a
    batch have times in their order (the change feeds compare them)."""
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    return Literal(now.replace("+00:00", "Z"), datatype=XSD.dateTime)


def stamped(graph: Graph, article: URIRef, *, at: Literal | None = None) -> Graph:
    """``graph`` with the article's ``dg:loaded`` set to ``at`` (now when None),
    in place; a graph of plain triples not read yet (:mod:`diplograph.plain`)
    made anew with it, still unread."""
    when = at if at is not None else loaded_now()
    plain = triples_of(graph)
    if plain is None:
        graph.set((article, DG.loaded, when))
        return graph
    subject, predicate = str(article), str(DG.loaded)
    kept = [t for t in plain if t[0] != subject or t[1] != predicate]
    return lazy_graph([*kept, (subject, predicate, *plain_term(when))])


def _arrived(content_hash: str, versions: list[Row]) -> Literal | None:
    """When the text ``content_hash`` arrived, if ``versions`` (rows of
    article-versions.rq) hold it with a time: the same text written again
    (reload, a new extractor, a shard loaded twice) did not arrive again, and
    keeps its time, so that feeds do not send its rows anew."""
    return next(
        (Literal(row["loaded"].value, datatype=XSD.dateTime) for row in versions
         if row["hash"].value == content_hash and "loaded" in row),
        None,
    )  # fmt: skip


def _current(article: Article, versions: list[Row]) -> bool:
    """Whether ``versions`` (rows of article-versions.rq) hold this exact text,
    extracted by this extractor version."""
    return any(
        row["hash"].value == article.content_hash
        and row.get("extractor", Term("literal", "")).value == EXTRACTOR_VERSION
        for row in versions
    )


def _renamed(alone: Processed, resolutions: Sequence[Resolution]) -> Built | None:
    """The graph built without resolution (``alone``), its agreements renamed
    to the nodes ``resolutions`` chose (:func:`~diplograph.build.resolve_graph`),
    with its report, when renaming cannot change the report: it had no problem
    at all, and no two nodes become one, nor one a node the graph holds
    already. The graph is then the one :func:`~diplograph.build.build_graph`
    builds with the resolutions, the same up to node names, and the shapes
    name no agreement or event IRI; the ``dg:Resolution`` records added are
    right by construction (a reported agreement, a rule, a score within 0..1).
    Else None: build and validate again."""
    report, graph = alone.report, alone.graph
    if report is None or report.problems:
        return None
    article = article_iri(alone.article)
    nodes = [agreement_iri(article, fact) for fact in alone.facts.agreements]
    chosen = [URIRef(r.agreement) for r in resolutions]
    if len(set(nodes)) < len(nodes) or len(set(chosen)) < len(chosen):
        return None
    plain = triples_of(graph)
    if plain is not None:  # as the worker sent it: renamed as strings
        named = {s for s, _, _, _ in plain}
        named.update(o for _, _, o, kind in plain if kind is None)
        if any(
            new != old and new in named for old, new in zip(nodes, chosen, strict=True)
        ):
            return None
        resolved = resolve_plain(plain, alone.facts, nodes, resolutions)
        return Built(resolutions, lazy_graph(resolved), report)
    for old, new in zip(nodes, chosen, strict=True):
        if new != old and (
            next(graph.triples((new, None, None)), None) is not None
            or next(graph.triples((None, None, new)), None) is not None
        ):
            return None
    # the worker's graph, sent to this process for this write alone
    renamed = resolve_graph(graph, alone.facts, nodes, resolutions, in_place=True)
    return Built(resolutions, renamed, report)


class Loader:
    """The store, the index of its agreements and the settings, for writing
    one article after another.

    The index is read from the store the first time an article needs resolving
    (an unchanged article does not), so a loader made before a curator's
    separation is written still sees it.

    Example:
        >>> from datetime import date
        >>> from diplograph.extract import extract
        >>> from diplograph.store import open_store
        >>> loader = Loader(open_store(":memory:"), settings=Settings())
        >>> text = "Japan and South Korea signed a trade agreement on Wednesday."
        >>> facts = extract(Article(text, "T", date(2015, 6, 25), "a.txt"))
        >>> loader.store_facts(facts).status, loader.store_facts(facts).status
        ('stored', 'unchanged')
    """

    def __init__(
        self,
        store: Store,
        *,
        settings: Settings | None = None,
        batch: int = 1,
        write_behind: bool = False,
    ) -> None:
        self.store = store
        self.settings = settings if settings is not None else Settings.gather()
        self._index: AgreementIndex | None = None
        # new articles' graphs wait here, by IRI, to be written ``batch`` at a
        # time (one request to a server): see :meth:`flush`
        self.batch = batch
        self._waiting: dict[URIRef, Graph] = {}
        # write_behind: each batch is written in a thread while the next
        # articles are resolved; ``written`` counts the batches done
        self._behind = ThreadPoolExecutor(1) if write_behind else None
        self._writing: Future[None] | None = None
        self.sent = self.written = 0
        # what stored_versions found of the articles on their way to store_facts
        self._found: dict[URIRef, list[Row]] = {}

    @property
    def index(self) -> AgreementIndex:
        """The stored agreements, read on first use."""
        if self._index is None:
            self.settle()
            self._index = AgreementIndex(self.store, lexicon_dir=self.settings.lexicon)
        return self._index

    def ensure_ontology(self) -> None:
        ensure_ontology(self.store)

    @property
    def waiting(self) -> int:
        """How many articles' graphs wait to be written (:meth:`flush`)."""
        return len(self._waiting)

    def flush(self, *, wait: bool = False) -> None:
        """Write the graphs that wait, in one atomic write: all or none.

        A new article's graph waits for ``batch`` of them; the index holds it
        already, so the articles after it are resolved as if it were written,
        without asking the store. What reads the store (an article stored
        before, a shard, another graph) flushes first.

        With ``write_behind``, the write goes on in a thread of its own while
        the caller resolves the next articles (pyoxigraph and the network let
        go of the interpreter meanwhile); :meth:`settle` waits for it, and
        every read of the store here settles first, so the store is used by
        one thread at a time. ``written`` then counts the batches written.
        ``wait``: return once it is written all the same.
        """
        self.settle()
        if self._waiting:
            graphs = list(self._waiting.items())
            self._waiting.clear()
            self.sent += 1
            if self._behind is None:
                self.store.replace_graphs(graphs)
                self.written += 1
            else:
                self._writing = self._behind.submit(self.store.replace_graphs, graphs)
        if wait:
            self.settle()

    def settle(self) -> None:
        """Wait for the write going on, if any (a failed one raises its error)."""
        if self._writing is not None:
            writing, self._writing = self._writing, None
            writing.result()
            self.written += 1

    def check(self) -> int:
        """The batches written so far, without waiting (a failed write raises
        its error)."""
        if self._writing is not None and self._writing.done():
            self.settle()
        return self.written

    def close(self) -> None:
        """Let the write going on end (its error, if any, is not raised: see
        :meth:`settle`) and the thread that writes behind go."""
        if self._behind is not None:
            self._behind.shutdown()

    def _write(self, iri: URIRef, graph: Graph) -> None:
        self._waiting[iri] = graph
        if len(self._waiting) >= self.batch:
            self.flush()

    def which_stored(self, articles: Sequence[Article]) -> list[bool]:
        """Whether each article is stored with this exact text by this
        extractor version: one question to the store for all of them. What it
        found of the others is kept for :meth:`store_facts`, which need not
        ask again: nothing but this load writes their graphs meanwhile, and
        an article that comes twice is asked again."""
        iris = [article_iri(article) for article in articles]
        found = self.stored_versions(iris)
        current = []
        for article, iri in zip(articles, iris, strict=True):
            versions = found.get(iri, [])
            current.append(_current(article, versions))
            if not current[-1]:
                self._found[iri] = versions
        return current

    def stored_versions(self, articles: Sequence[URIRef]) -> dict[URIRef, list[Row]]:
        """The content hash, extractor version and load time stored for each
        article with a graph (rows of article-versions.rq)."""
        if not articles:
            return {}
        self.settle()
        query = sparql.query("article-versions", articles=list(articles))
        _, rows = self.store.select(query)
        found: dict[URIRef, list[Row]] = {}
        for row in rows:
            found.setdefault(URIRef(row["article"].value), []).append(row)
        return found

    def _versions(self, iri: URIRef) -> list[Row]:
        """What :meth:`stored_versions` finds of one article."""
        return self.stored_versions([iri]).get(iri, [])

    def resolve(
        self, facts: ArticleFacts, *, article: URIRef, stored_before: bool
    ) -> list[Resolution]:
        """Which node each extracted agreement is (see :mod:`diplograph.resolve`):
        the candidates and supporting articles from the store, the choice pure.

        ``stored_before``: whether the store holds an earlier version of the article.
        """
        index, lexicon = self.index, self.settings.lexicon
        separated = index.separated(article)
        candidates = [
            index.candidates_of(fact, article, stored_before=stored_before)
            for fact in facts.agreements
        ]
        proposals = propose(
            facts, candidates, article=article, separated=separated,
            lexicon_dir=lexicon,
        )  # fmt: skip
        supporting = {
            p.iri: index.supporting(p.iri, article)
            for p in proposals
            if p.previous is None
        }
        return choose(
            facts, proposals, supporting, article=article, separated=separated,
            lexicon_dir=lexicon,
        )  # fmt: skip

    def store_facts(
        self,
        facts: ArticleFacts,
        *,
        force: bool = False,
        alone: Processed | None = None,
    ) -> Processed:
        """Resolve, build, validate and (if it conforms) write one article's graph.

        A graph that does not conform loses the facts its violations are about
        (:mod:`diplograph.triage`), and the rest is written, listing them in
        ``dropped``; unless no agreement would be left, or ``settings.strict``:
        then nothing is written ("rejected", with the first report).

        An article stored before with the same text by this extractor version is
        left alone ("unchanged"), unless ``force``.

        ``alone``: these facts built and validated without resolution already
        (:func:`diplograph.pipeline.process`, in a worker of the load): renamed
        rather than built and validated again where that gives the same graph
        and report (:meth:`_renamed`), which takes most of the work off the
        process that writes. Its graph is then renamed in place, and stored.
        """
        article = facts.article
        iri = article_iri(article)
        found = self._found.pop(iri, None)
        if iri in self._waiting:  # the same article again: found written
            self.flush(wait=True)
            found = None
        # a graph without its article's hash (none is written so) counts as none
        versions = found if found is not None else self._versions(iri)
        stored_before = bool(versions)
        if stored_before:  # resolved and replaced against the store as it is
            self.flush(wait=True)
        if not force and _current(article, versions):
            return Processed(article, facts, Graph(), None, "unchanged")
        resolutions = self.resolve(facts, article=iri, stored_before=stored_before)
        built = (alone is not None and _renamed(alone, resolutions)) or self._build(
            facts, iri, stored_before, resolutions=resolutions
        )
        first, dropped = built.report, tuple[Dropped, ...]()
        if not first.conforms and not self.settings.strict:
            kept = keep_conforming(
                facts,
                built,
                partial(self._build, article=iri, stored_before=stored_before),
            )
            if kept is not None:
                facts, built, dropped = kept
        graph, report = built.graph, built.report
        if not report.conforms:
            return Processed(article, facts, graph, first, "rejected")
        index = self.index
        replaced = index.stored(iri) if stored_before else None
        arrived = _arrived(article.content_hash, versions)
        graph = stamped(graph, iri, at=arrived)
        self._write(iri, graph)
        if replaced is not None:
            self.flush(wait=True)  # the index reads the replaced agreements back
        index.wrote(plain_of(graph), replaced=replaced)
        before = first if dropped else None
        return Processed(article, facts, graph, report, "stored", dropped, before)

    def _build(
        self,
        facts: ArticleFacts,
        article: URIRef,
        stored_before: bool,
        *,
        resolutions: Sequence[Resolution] | None = None,
    ) -> Built:
        """Resolve (unless ``resolutions`` are given), build and validate, as
        one article's graph is made."""
        if resolutions is None:
            resolutions = self.resolve(
                facts, article=article, stored_before=stored_before
            )
        graph = build_graph(facts, resolutions=resolutions)
        return Built(resolutions, graph, validate(graph))

    def store_graph(self, iri: URIRef, graph: Graph) -> ValidationReport:
        """Validate an article graph built elsewhere and write it if it conforms.

        A graph built without resolution (a shard's: no ``dg:Resolution``) has
        its agreements identified with the store's first, as :meth:`store_facts`
        does, from the facts the graph holds (:func:`~diplograph.facts.read_facts`),
        so it is stored as ``load`` of the same article would store it. A
        resolved one (an export's) is written as it is.

        One with a ``dg:loaded`` (an export's) keeps it, so that a store moved
        by export and load keeps the times its rows arrived; one without (a
        shard's) gets the time of the same text stored before, or now."""
        self.flush(wait=True)
        versions = self._versions(iri)
        stored_before = bool(versions)
        # a graph with no article node (no article's) has nothing to resolve
        as_is = (iri, RDF.type, DG.Article) not in graph or graph.value(
            predicate=RDF.type, object=DG.Resolution
        ) is not None
        report = validate(graph)
        if not report.conforms:
            return report
        if not as_is:
            # read only once it conforms, so the facts are all there; validated
            # again as renamed, since that is what is written
            facts, nodes = read_facts(graph, article=iri)
            resolutions = self.resolve(facts, article=iri, stored_before=stored_before)
            graph = resolve_graph(graph, facts, nodes, resolutions)
            report = validate(graph)
            if not report.conforms:
                return report
        if graph.value(iri, DG.loaded) is None:
            text = str(graph.value(iri, DG.contentHash))
            graph = stamped(graph, iri, at=_arrived(text, versions))
        if as_is:
            self.store.replace_graph(iri, graph)
            self._index = None  # read again if an article is resolved after it
        else:
            index = self.index
            replaced = index.stored(iri) if stored_before else None
            self.store.replace_graph(iri, graph)
            index.wrote(plain_of(graph), replaced=replaced)
        return report

    def store_other(self, iri: URIRef, graph: Graph) -> None:
        """Write a graph that is no article's (the curation, inferred or
        ontology graph of an export) as it is."""
        self.flush(wait=True)
        self.store.replace_graph(iri, graph)
        self._index = None  # the curation graph's separations count in resolution


__all__ = ["Loader", "ensure_ontology"]
