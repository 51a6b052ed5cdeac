"""The data flow end to end: read -> extract -> resolve + build -> validate -> store.

Each stage is its own module; this one only strings them together for the
command line and the Python API, and keeps going past a bad article.
Extraction runs on all cores; resolution, validation and writing run in
order in this process, since each article is resolved against what the ones
before it stored.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import Any, TypeVar

from rdflib import Graph, URIRef

from diplograph.archives import Prefilter
from diplograph.articles import read_articles
from diplograph.build import build_graph
from diplograph.errors import ArticleError, DiplographError, StoreError, shown_path
from diplograph.extract import extract
from diplograph.facts import graph_to_facts
from diplograph.iri import MERGED_GRAPH, article_iri, is_article_iri
from diplograph.language import require_english
from diplograph.loader import Loader
from diplograph.model import Article, ArticleFacts, Processed
from diplograph.plain import lazy_graph, plain_triples
from diplograph.settings import Settings
from diplograph.store import Store
from diplograph.store.shards import read_shard
from diplograph.validate import ValidationReport, validate

T = TypeVar("T")
P = TypeVar("P")  # what in_parallel passes through as it is


@dataclass
class LoadSummary:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[tuple[str, ValidationReport]] = field(default_factory=list)
    with_dropped: list[str] = field(default_factory=list)  # stored without some facts
    unreadable: list[ArticleError] = field(default_factory=list)
    not_english: list[ArticleError] = field(default_factory=list)  # left out
    agreements: int = 0
    triples: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.unreadable


def process(
    article: Article,
    *,
    check: bool = True,
    lexicon_dir: str | None = None,
    plain: bool = False,
) -> Processed:
    """Extract and build one article's graph on its own (no store, no resolution).

    ``plain``: the graph, and the graph of its report, given as plain triples,
    made rdflib's again only when read (:func:`~diplograph.plain.lazy_graph`):
    what a load's workers send the loading process, which renames and writes
    the graph as it is. Unpickled as rdflib's, the report's graph (two triples
    and 31 prefixes when it conforms) cost that process 0.18 of the 0.29 ms
    an outcome took to unpickle."""
    facts = extract(article, lexicon_dir=lexicon_dir)
    graph = build_graph(facts)
    report = validate(graph) if check else None
    if plain:
        graph = lazy_graph(plain_triples(graph))
        if report is not None:
            report = replace(report, graph=lazy_graph(plain_triples(report.graph)))
    return Processed(article, facts, graph, report)


A = TypeVar("A", Article, ArticleFacts)


class OverTime(BaseException):
    """Raised into the work by :func:`time_limit`'s alarm. Not an ``Exception``,
    so that no ``except Exception`` inside the work can swallow it."""


def can_time_limit() -> bool:
    """Whether :func:`time_limit` works here: SIGALRM is delivered to the main
    thread only (and not on Windows)."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`OverTime` into the code within once ``seconds`` have passed
    (a SIGALRM timer; the handler before is put back after). Python code and the
    regular expression engine see it at once; a long call into other compiled
    code only when it returns. No limit if ``seconds`` is None or
    :func:`can_time_limit` is false (:func:`in_parallel` then uses a worker)."""
    if seconds is None or not can_time_limit():
        yield
        return

    def ring(signum: int, frame: object) -> None:
        raise OverTime

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def guarded(
    work: Callable[[A], T], item: A, *, timeout: float | None = None
) -> T | ArticleError:
    """``work`` on one article; whatever it raises becomes that article's error,
    so that one article never stops a batch (a bug met on one input, a
    RecursionError on a deep one, a MemoryError on a huge one), and so does
    taking more than ``timeout`` seconds (see :func:`time_limit`)."""
    article = item if isinstance(item, Article) else item.article
    try:
        with time_limit(timeout):
            return work(item)
    except OverTime:
        return ArticleError(
            article.source, f"took more than {timeout:g} s to process, the limit",
            "Split or shorten it, or allow more time with --article-timeout "
            "or DIPLOGRAPH_ARTICLE_TIMEOUT (0: no limit); the other articles "
            "went on",
        )  # fmt: skip
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


def in_english(work: Callable[[Article], T], article: Article) -> T:
    """``work`` on an article in English; one in another language raises
    :class:`~diplograph.errors.NotEnglishError` (see :mod:`diplograph.language`)."""
    require_english(article)
    return work(article)


def end_with_parent(parent: int) -> None:
    """In a worker: be killed when the process that started it ends, however it
    ends (SIGKILL included), rather than live on as an orphan (Linux only:
    prctl(PR_SET_PDEATHSIG); elsewhere the pool's own shutdown is all there is)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent ended before the call: end now
        os._exit(1)


def in_parallel(
    work: Callable[[Article], T],
    items: Iterable[Article | P],
    *,
    workers: int | None = None,
    batch: int = 256,
    timeout: float | None = None,
) -> Iterator[T | P | ArticleError]:
    """``work`` on every article, in input order, on all cores; other items
    (an article's error, an outcome known already) pass through in their place.

    An article in another language than English is its
    :class:`~diplograph.errors.NotEnglishError` error, not extracted: every article
    of a load or an extraction, whatever it was read from, passes here.

    Streams: at most ``batch`` articles are in flight, so memory stays flat
    however many articles come. ``timeout``: seconds ``work`` may take on one
    article, after which that article is its error (in whichever process runs
    it); results are taken in order, so a slow article holds the ones after it
    back by at most that long, while the other workers go on ahead.
    """  # fmt: skip
    workers = workers or os.cpu_count() or 1
    work = partial(guarded, partial(in_english, work), timeout=timeout)  # type: ignore[assignment]
    iterator = iter(items)
    first = list(islice(iterator, batch))
    here = timeout is None or can_time_limit()  # else a worker keeps the limit
    if here and (workers == 1 or len(first) < 8):  # a few: not worth the processes
        for item in chain(first, iterator):
            yield work(item) if isinstance(item, Article) else item
        return

    def submit(chunk: list[Article | P]) -> Iterator[T]:
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
    items: Iterable[Article | ArticleError],
    *,
    check: bool,
    workers: int | None = None,
    settings: Settings | None = None,
) -> Iterator[Processed | ArticleError]:
    """Extract, build (and validate) every article, without a store;
    ``settings``: their lexicon, if any (else each worker gathers them)."""
    lexicon = settings.lexicon if settings is not None else None
    timeout = (settings if settings is not None else Settings.gather()).article_timeout
    work = partial(process, check=check, lexicon_dir=lexicon)
    yield from in_parallel(work, items, workers=workers, timeout=timeout)


def extract_facts(
    items: Iterable[Article | ArticleError],
    *,
    workers: int | None = None,
    settings: Settings | None = None,
) -> Iterator[tuple[Article, dict[str, Any]] | ArticleError]:
    """Each article with its facts in the guidelines' JSON shape, read back from
    the article's RDF graph, in input order: what ``extract --format facts``
    writes and what ``evaluate`` scores, so the two cannot drift apart."""
    outcomes = process_all(items, check=False, workers=workers, settings=settings)
    for outcome in outcomes:
        if isinstance(outcome, ArticleError):
            yield outcome
        else:
            facts = graph_to_facts(outcome.graph, article_id=outcome.article.stem)
            yield outcome.article, facts


def load(
    paths: Iterable[Path | str],
    store: Store,
    *,
    published: date | None = None,
    workers: int | None = None,
    settings: Settings | None = None,
    more: Iterable[Article | ArticleError] = (),
    match: Prefilter | None = None,
) -> Iterator[Processed | ArticleError]:
    """Read, extract, resolve, validate and store every article; yields each outcome.

    An article that breaks the shapes is not written (its old graph, if any,
    stays as it was); unreadable files are reported and skipped; an article
    stored before with the same text is left alone, unextracted ("unchanged",
    with no facts), so that a resumed load goes straight to the new ones; a
    second article with the URL (or, without one, the text) of one before it
    in this load is its error, not a rewrite. ``settings``: gathered from the
    environment if not given. ``more``: articles read already, loaded after
    those of ``paths`` (pages and feeds: :mod:`diplograph.fetch`);
    ``match``: the prefilter of WARC records.
    """  # fmt: skip
    loader = Loader(
        store, settings=settings, batch=store.write_batch, write_behind=True
    )
    loader.ensure_ontology()
    # the workers build and validate each graph as well, without resolution,
    # which needs the store; this process resolves and writes
    work = partial(process, check=True, lexicon_dir=loader.settings.lexicon, plain=True)
    read = chain(read_articles(paths, published=published, match=match), more)
    articles = to_extract(read, loader)
    timeout = loader.settings.article_timeout
    outcomes: Iterator[Processed | ArticleError] = in_parallel(
        work, articles, workers=workers, timeout=timeout
    )
    # An article is told stored once it is: its graph may wait for a batch, or
    # be written behind, while the next articles are resolved. Each outcome
    # waits, in order, for the batch its article went into: the one waiting,
    # else the last one sent.
    told: deque[tuple[int, Processed | ArticleError]] = deque()
    try:
        for item in outcomes:
            if isinstance(item, Processed) and item.status == "extracted":
                write = partial(loader.store_facts, alone=item)
                outcome = guarded(write, item.facts)
            else:
                outcome = item  # an ArticleError, or a Processed known already
            told.append((loader.sent + (1 if loader.waiting else 0), outcome))
            written = loader.check()
            while told and told[0][0] <= written:
                yield told.popleft()[1]
        loader.flush(wait=True)
        yield from (outcome for _, outcome in told)
    except (KeyboardInterrupt, GeneratorExit):
        # Ctrl-C, or a caller that stops reading: the articles extracted and
        # resolved so far are written, each whole (one atomic batch), so none is
        # extracted again when the load resumes; they are not told stored
        loader.flush(wait=True)
        raise
    finally:
        loader.close()


def to_extract(
    items: Iterable[Article | ArticleError], loader: Loader, *, batch: int = 64
) -> Iterator[Article | ArticleError | Processed]:
    """The articles of a load that need extracting, in order; in their place,
    an "unchanged" outcome for each one stored with the same text, and an
    error for each one with the URL of one before it in this load but another
    text (stored, it would replace the first on every load, and the first it
    on the next). The same text again is extracted and found stored, as before.

    Asked before extraction, ``batch`` articles at a time (one question to
    the store, :meth:`~diplograph.loader.Loader.which_stored`), before the
    articles ahead of them are written: an article of another IRI cannot
    change the answer. Keeps the IRIs of the load's articles, about 200 bytes
    each."""
    first: dict[str, tuple[str, str]] = {}  # IRI: (file, content hash)

    def checked(item: Article | ArticleError) -> Article | ArticleError:
        if isinstance(item, ArticleError):
            return item
        iri = article_iri(item)
        source, text = first.setdefault(iri, (item.source, item.content_hash))
        if text != item.content_hash:
            return ArticleError(
                item.source, f"has the URL of {shown_path(source)}, read before "
                "it in this load, and another text; only that one is loaded",
                "Leave one of the two out, or give each its own url:",
            )  # fmt: skip
        return item

    iterator = map(checked, items)
    while chunk := list(islice(iterator, batch)):
        articles = [item for item in chunk if isinstance(item, Article)]
        stored = iter(loader.which_stored(articles))
        for item in chunk:
            if isinstance(item, Article) and next(stored):
                yield Processed(
                    item, ArticleFacts(item, ()), Graph(), None, "unchanged"
                )
            else:
                yield item


@dataclass(frozen=True)
class ShardOutcome:
    """One graph of a shard: an article's, stored or rejected with its report;
    or another (``report`` None: the curation, inferred or ontology graph of an
    export), stored as it is."""

    graph_iri: str
    triples: int
    report: ValidationReport | None


def load_nquads(
    paths: Iterable[Path | str], store: Store, *, settings: Settings | None = None
) -> Iterator[ShardOutcome]:
    """Feed shards written by ``extract --format nquads``, or whole stores
    written by ``export --format nquads|trig``, into the store.

    Each article's named graph is validated and replaced atomically, as in
    :func:`load`. A shard's graphs were built without resolution, which needs
    the store: their agreements are identified here with the store's, those of
    the graphs loaded before them included, as :func:`load` identifies an
    article's (:meth:`~diplograph.loader.Loader.store_graph`), so shards made on
    many machines give the store that loading their articles would. An
    export's article graphs, resolved where they were stored, keep their
    nodes. The other graphs of an export are written as they are, except the
    merged graph, which every write keeps the union of the others.
    """
    loader = Loader(store, settings=settings)
    loader.ensure_ontology()
    for path in paths:
        for name, graph in read_shard(path, skip={str(MERGED_GRAPH)}):
            if is_article_iri(name):
                report = loader.store_graph(URIRef(name), graph)
            else:
                loader.store_other(URIRef(name), graph)
                report = None
            yield ShardOutcome(name, len(graph), report)
