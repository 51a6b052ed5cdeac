"""The data flow end to end: read -> extract -> resolve + build -> validate -> store.

Each stage is its own module; this one only strings them together for the
command line and the Python API, and keeps going past a bad article.
Extraction runs on all cores; resolution, validation and writing run in
order in this process, since each article is resolved against what the ones
before it stored.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import Any, TypeVar

from rdflib import Graph, URIRef
from rdflib.compare import to_canonical_graph

from diplograph import sparql
from diplograph.articles import read_articles
from diplograph.build import build_graph
from diplograph.errors import ArticleError, DiplographError, StoreError
from diplograph.extract import EXTRACTOR_VERSION, extract
from diplograph.facts import graph_to_facts
from diplograph.iri import ONTOLOGY_GRAPH, article_iri
from diplograph.model import Article, ArticleFacts
from diplograph.namespaces import ONTOLOGY_IRI
from diplograph.resolve import AgreementIndex, resolve
from diplograph.resources import ontology_file
from diplograph.store import Store, Term
from diplograph.validate import ValidationReport, validate

T = TypeVar("T")


@dataclass(frozen=True)
class Processed:
    """One article after extraction and graph building (and validation, if asked).

    ``status`` says what a load did with it: "stored", "unchanged" (the same
    text was stored by the same extractor version), "rejected" (the shapes
    failed; nothing written) or "extracted" (not loaded).
    """

    article: Article
    facts: ArticleFacts
    graph: Graph
    report: ValidationReport | None = None
    status: str = "extracted"


@dataclass
class LoadSummary:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[tuple[str, ValidationReport]] = field(default_factory=list)
    unreadable: list[ArticleError] = field(default_factory=list)
    agreements: int = 0
    triples: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.unreadable


def process(article: Article, *, check: bool = True) -> Processed:
    """Extract and build one article's graph on its own (no store, no resolution)."""
    facts = extract(article)
    graph = build_graph(facts)
    return Processed(article, facts, graph, validate(graph) if check else None)


def _process_checked(article: Article) -> Processed:
    return process(article, check=True)


def _process_unchecked(article: Article) -> Processed:
    return process(article, check=False)


A = TypeVar("A", Article, ArticleFacts)


def guarded(work: Callable[[A], T], item: A) -> T | ArticleError:
    """``work`` on one article; whatever it raises becomes that article's error,
    so that one article never stops a batch (a bug met on one input, a
    RecursionError on a deep one, a MemoryError on a huge one)."""
    article = item if isinstance(item, Article) else item.article
    try:
        return work(item)
    except ArticleError as error:
        return error
    except StoreError:
        raise  # the store's trouble, not the article's: every article would fail
    except DiplographError as error:
        return ArticleError(
            article.source, str(error), "Fix the article or leave it out."
        )
    except Exception as error:  # reported as the article's error, with the fix
        return ArticleError(
            article.source, f"could not be processed ({type(error).__name__}: "
            f"{str(error)[:200]})", "This is a bug in diplograph: please report it "
            "with the file; the other articles went on.",
        )  # fmt: skip


def end_with_parent(parent: int) -> None:
    """In a worker: be killed when the process that started it ends, however it
    ends (SIGKILL included), rather than live on as an orphan (Linux only:
    prctl(PR_SET_PDEATHSIG); elsewhere the pool's own shutdown is all there is)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent ended before the call: end now
        os._exit(1)


def in_parallel(
    work: Callable[[Article], T],
    items: Iterable[Article | ArticleError],
    *,
    workers: int | None = None,
    batch: int = 256,
) -> Iterator[T | ArticleError]:
    """``work`` on every article, in input order, on all cores.

    Streams: at most ``batch`` articles are in flight, so memory stays flat
    however many articles come.
    """  # fmt: skip
    workers = workers or os.cpu_count() or 1
    work = partial(guarded, work)  # type: ignore[assignment]
    iterator = iter(items)
    first = list(islice(iterator, batch))
    if workers == 1 or len(first) < 8:  # a few articles: not worth the processes
        for item in chain(first, iterator):
            yield work(item) if isinstance(item, Article) else item
        return

    def submit(chunk: list[Article | ArticleError]) -> Iterator[T]:
        articles = [i for i in chunk if isinstance(i, Article)]
        return pool.map(
            work, articles, chunksize=max(1, len(articles) // (workers * 4))
        )

    with ProcessPoolExecutor(
        max_workers=workers, initializer=end_with_parent, initargs=(os.getpid(),)
    ) as pool:
        chunk, running = first, submit(first)
        while chunk:
            # the next batch is extracted while this one is consumed
            following = list(islice(iterator, batch))
            ahead = submit(following) if following else None
            for item in chunk:
                yield next(running) if isinstance(item, Article) else item
            chunk, running = following, ahead  # type: ignore[assignment]


def process_all(
    items: Iterable[Article | ArticleError], *, check: bool, workers: int | None = None
) -> Iterator[Processed | ArticleError]:
    """Extract, build (and validate) every article, without a store."""
    yield from in_parallel(
        _process_checked if check else _process_unchecked, items, workers=workers
    )


def extract_facts(
    items: Iterable[Article | ArticleError], *, workers: int | None = None
) -> Iterator[tuple[Article, dict[str, Any]] | ArticleError]:
    """Each article with its facts in the guidelines' JSON shape, read back from
    the article's RDF graph, in input order: what ``extract --format facts``
    writes and what ``evaluate`` scores, so the two cannot drift apart."""
    for outcome in process_all(items, check=False, workers=workers):
        if isinstance(outcome, ArticleError):
            yield outcome
        else:
            facts = graph_to_facts(outcome.graph, article_id=outcome.article.stem)
            yield outcome.article, facts


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


def is_stored(store: Store, article: Article, *, has_graph: bool | None = None) -> bool:
    """Whether this exact text is stored, extracted by this extractor version.

    ``has_graph``: whether the article's graph exists, when the caller knows.
    """
    iri = article_iri(article)
    if not (store.has_graph(iri) if has_graph is None else has_graph):
        return False
    _, rows = store.select(sparql.query("article-version", article=iri))
    return any(
        row["hash"].value == article.content_hash
        and row.get("extractor", Term("literal", "")).value == EXTRACTOR_VERSION
        for row in rows
    )


def store_facts(
    facts: ArticleFacts,
    store: Store,
    *,
    force: bool = False,
    index: AgreementIndex | None = None,
) -> Processed:
    """Resolve, build, validate and (if it conforms) write one article's graph.

    Several articles in a row share one ``index`` of the stored agreements
    (see :func:`load`); without one, it is read from the store for this article.
    """
    article = facts.article
    iri = article_iri(article)
    # asked once: on a server each question is a request
    stored_before = store.has_graph(iri)
    if not force and is_stored(store, article, has_graph=stored_before):
        return Processed(article, facts, Graph(), None, "unchanged")
    index = index if index is not None else AgreementIndex(store)
    resolutions = resolve(
        facts, store, article=iri, index=index, stored_before=stored_before
    )
    graph = build_graph(facts, resolutions=resolutions)
    report = validate(graph)
    if not report.conforms:
        return Processed(article, facts, graph, report, "rejected")
    replaced = index.stored(iri) if stored_before else None
    store.replace_graph(iri, graph)
    index.wrote(graph, replaced=replaced)
    return Processed(article, facts, graph, report, "stored")


def load(
    paths: Iterable[Path | str],
    store: Store,
    *,
    published: date | None = None,
    workers: int | None = None,
) -> Iterator[Processed | ArticleError]:
    """Read, extract, resolve, validate and store every article; yields each outcome.

    An article that breaks the shapes is not written (its old graph, if any,
    stays as it was); unreadable files are reported and skipped; an article
    stored before with the same text is left alone.
    """  # fmt: skip
    ensure_ontology(store)
    index = AgreementIndex(store)
    for item in in_parallel(
        extract, read_articles(paths, published=published), workers=workers
    ):
        if isinstance(item, ArticleError):
            yield item
        else:
            yield guarded(partial(store_facts, store=store, index=index), item)


@dataclass(frozen=True)
class ShardOutcome:
    """One article graph of an N-Quads shard: stored, or rejected with its report."""

    graph_iri: str
    triples: int
    report: ValidationReport


def load_nquads(paths: Iterable[Path | str], store: Store) -> Iterator[ShardOutcome]:
    """Feed shards written by ``extract --format nquads`` into the store.

    Each article's named graph is validated and replaced atomically, as in
    :func:`load`; the shard's agreements keep the per-article nodes they were
    extracted with (resolution across articles needs the store, so it runs in
    :func:`load`, or afterwards with ``diplograph reload --all``).
    """
    import pyoxigraph

    from diplograph.store.embedded import to_rdflib

    ensure_ontology(store)
    for path in paths:
        graphs: dict[str, Graph] = {}
        try:
            for quad in pyoxigraph.parse(
                path=str(path), format=pyoxigraph.RdfFormat.N_QUADS
            ):
                name = quad.graph_name
                if not isinstance(name, pyoxigraph.NamedNode):
                    continue
                graphs.setdefault(name.value, Graph()).add(
                    tuple(
                        to_rdflib(t)
                        for t in (quad.subject, quad.predicate, quad.object)
                    )  # type: ignore[arg-type]
                )
        except (OSError, SyntaxError) as error:
            raise ArticleError(
                path,
                f"not an N-Quads shard ({error})",
                "Give a file written by `diplograph extract --format nquads`.",
            ) from None
        for name, graph in graphs.items():
            report = validate(graph)
            if report.conforms:
                store.replace_graph(URIRef(name), graph)
            yield ShardOutcome(name, len(graph), report)
